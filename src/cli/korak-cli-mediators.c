/* korak-cli-mediators.c — mediator hours, to PDF or as a text table.
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "korak-cli-private.h"
#include "korak-date.h"
#include "korak-mediator-report.h"
#include "korak-mediators.h"

/* Pads @text to @width characters (not bytes: names have č and š). */
static void
append_cell (GString    *out,
             const char *text,
             guint       width,
             gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);

  if (right)
    for (glong i = length; i < (glong)width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = length; i < (glong)width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, "  ");
}

/* One text table: @labels columns of names, then the figures. */
static void
append_table (GString            *out,
              const char         *heading,
              const char * const *label_headers,
              guint               n_labels,
              GPtrArray          *lines,      /* KorakMediatorHours* */
              const KorakMediatorHours *total,
              const char *      (*label) (const KorakMediatorHours *h, guint column))
{
  const char *figure_headers[] = {
    _("Group hours"), _("Individual hours"), _("Total hours"),
    _("Group sessions"), _("Individual sessions"), _("Assessments"), _("Notes"),
  };
  guint n_columns = n_labels + G_N_ELEMENTS (figure_headers);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  guint n_rows = lines->len + 2;

  /* Every cell first, to know each column's width. */
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (cells, g_strdup (c < n_labels ? label_headers[c] : figure_headers[c - n_labels]));
  for (guint r = 0; r <= lines->len; r++)
    {
      const KorakMediatorHours *h = r < lines->len ? g_ptr_array_index (lines, r) : total;

      for (guint c = 0; c < n_labels; c++)
        g_ptr_array_add (cells, g_strdup (r < lines->len ? label (h, c) : (c == 0 ? _("Total") : "")));
      g_ptr_array_add (cells, korak_mediator_hours_format (h->group_hours));
      g_ptr_array_add (cells, korak_mediator_hours_format (h->individual_hours));
      g_ptr_array_add (cells, korak_mediator_hours_format (korak_mediator_hours_total (h)));
      g_ptr_array_add (cells, g_strdup_printf ("%d", h->n_sessions));
      g_ptr_array_add (cells, g_strdup_printf ("%d", h->n_individual));
      g_ptr_array_add (cells, g_strdup_printf ("%d", h->n_assessments));
      g_ptr_array_add (cells, g_strdup_printf ("%d", h->n_notes));
    }
  for (guint i = 0; i < cells->len; i++)
    widths[i % n_columns] = MAX (widths[i % n_columns], (guint)g_utf8_strlen (g_ptr_array_index (cells, i), -1));

  g_string_append_printf (out, "%s\n\n", heading);
  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        append_cell (out, g_ptr_array_index (cells, r * n_columns + c), widths[c], c >= n_labels);
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static const char *
row_label (const KorakMediatorHours *h,
           guint                     column)
{
  switch (column)
    {
    case 0: return h->cohort_name;
    case 1: return h->mediator_name;
    default: return korak_mediator_language_label (h->language);
    }
}

static const char *
cohort_row_label (const KorakMediatorHours *h,
                  guint                     column)
{
  return row_label (h, column + 1);
}

static const char *
mediator_label (const KorakMediatorHours *h,
                guint                     column)
{
  return h->mediator_name;
}

static const char *
language_label (const KorakMediatorHours *h,
                guint                     column)
{
  return korak_mediator_language_label (h->language);
}

static char *
summary_text (const KorakMediatorSummary *summary,
              gboolean                    one_cohort)
{
  const char *row_headers[] = { _("Cohort"), _("Mediator"), _("Language") };
  const char *mediator_headers[] = { _("Mediator") };
  const char *language_headers[] = { _("Language") };
  GString *out = g_string_new (NULL);

  if (summary->rows->len == 0)
    {
      g_string_append_printf (out, "%s\n", _("No session, assessment or note in this period records a mediator."));
      return g_string_free (out, FALSE);
    }

  if (one_cohort)
    append_table (out, _("By mediator and language"), row_headers + 1, 2, summary->rows, summary->total,
                  cohort_row_label);
  else
    append_table (out, _("By cohort, mediator and language"), row_headers, 3, summary->rows, summary->total,
                  row_label);
  append_table (out, _("Per mediator"), mediator_headers, 1, summary->by_mediator, summary->total, mediator_label);
  append_table (out, _("Per language"), language_headers, 1, summary->by_language, summary->total, language_label);

  return g_string_free (out, FALSE);
}

/* korak-cli report mediator-hours [--cohort C] [--from D] [--to D] (--output FILE | --text) */
int
korak_cli_report_mediator_hours (int    argc,
                                 char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *output = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean text = FALSE;
  gint64 cohort_id = 0;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: your Korak database)"), N_("PATH") },
    { "cohort", 'c', 0, G_OPTION_ARG_STRING, &cohort,
      N_("Only this cohort: number or name (default: every cohort)"), N_("COHORT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day counted, YYYY-MM-DD"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day counted, YYYY-MM-DD"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write"), N_("FILE") },
    { "text", 't', 0, G_OPTION_ARG_NONE, &text,
      N_("Print the totals as a text table"), NULL },
    { NULL }
  };

  context = korak_cli_command_context (_("Totals the hours of intercultural mediators per cohort, mediator and "
                                         "language, with the assessments and notes they were present at, "
                                         "to a PDF or as a text table."), entries);
  if (!korak_cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  if (output == NULL && !text)
    {
      korak_cli_print_error (_("Give the PDF file to write with --output, or --text to print the totals."));
      return EXIT_USAGE;
    }
  if ((from != NULL && !korak_date_is_iso (from)) || (to != NULL && !korak_date_is_iso (to)))
    {
      korak_cli_print_error (_("Give the days with --from and --to, written as YYYY-MM-DD."));
      return EXIT_USAGE;
    }

  if (database == NULL)
    database = korak_store_default_path ();
  if (!korak_cli_database_exists (database) || !(store = korak_cli_open_store (database)))
    return EXIT_FAILURE;

  if (cohort != NULL && !(cohort_id = korak_cli_lookup (store, KORAK_CLI_COHORT, cohort, &error)))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  if (text)
    {
      g_autoptr(KorakMediatorSummary) summary = NULL;
      g_autofree char *table = NULL;
      gint64 started = g_get_monotonic_time ();

      if (!(summary = korak_store_mediator_hours (store, cohort_id, from, to, &error)))
        {
          korak_cli_print_error (error->message);
          return EXIT_FAILURE;
        }
      g_debug ("Mediator hours totalled in %.1f ms", korak_cli_ms_since (started));
      table = summary_text (summary, cohort_id != 0);
      g_print ("%s", table);
    }

  if (output != NULL)
    {
      g_autoptr(KorakDocument) document = korak_report_mediator_hours (store, cohort_id, from, to, &error);
      g_autofree char *display = g_filename_display_name (output);
      int n_pages;
      double width, height;

      if (document == NULL || !korak_document_write_pdf (document, output, &error))
        {
          korak_cli_print_error (error->message);
          return EXIT_FAILURE;
        }
      korak_document_get_paper_size (document, &width, &height);
      n_pages = korak_document_layout (document, width, height);
      g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote “%s”: %d page.\n", "Wrote “%s”: %d pages.\n", n_pages),
               display, n_pages);
    }

  return EXIT_SUCCESS;
}
