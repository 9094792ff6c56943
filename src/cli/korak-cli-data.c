/* korak-cli-data.c — importing referrals from CSV and exporting for spreadsheets.
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "korak-cli-private.h"
#include "korak-csv.h"
#include "korak-export.h"
#include "korak-store-private.h"

/* ----------------------------------------------------------------- import */

static int
field_from_code (const char *code)
{
  if (g_ascii_strcasecmp (code, "ignore") == 0 || *code == '\0')
    return KORAK_CSV_IGNORE;

  for (guint f = 0; f < KORAK_N_FIELDS; f++)
    if (g_ascii_strcasecmp (code, korak_participant_field_info (f)->column) == 0)
      return f;

  return korak_csv_guess_field (code);
}

/* --column "Header=field": the header as in the file, the field by its
 * column name (given_name, birth_date …), a header Korak knows, or "ignore". */
static gboolean
apply_columns (KorakReferralImport  *import,
               char                **columns)
{
  const KorakCsv *csv = korak_referral_import_get_csv (import);

  for (guint i = 0; columns && columns[i]; i++)
    {
      const char *equals = strrchr (columns[i], '=');
      g_autofree char *header = NULL;
      gboolean found = FALSE;
      int field;

      if (equals == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not HEADER=FIELD, for example “Rojen=birth_date”."),
                                                      columns[i]);
          korak_cli_print_error (message);
          return FALSE;
        }
      header = g_strndup (columns[i], equals - columns[i]);
      field = field_from_code (equals + 1);
      if (field == KORAK_CSV_IGNORE && g_ascii_strcasecmp (equals + 1, "ignore") != 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a participant field. Use one of the names "
                                                        "korak-cli import --help lists, or “ignore”."),
                                                      equals + 1);
          korak_cli_print_error (message);
          return FALSE;
        }

      for (guint column = 0; column < korak_csv_get_n_columns (csv); column++)
        if (g_strcmp0 (korak_csv_get_header (csv, column), header) == 0)
          {
            korak_referral_import_set_mapping (import, column, field);
            found = TRUE;
          }

      if (!found)
        {
          g_autofree char *message = g_strdup_printf (_("The file has no column “%s”."), header);
          korak_cli_print_error (message);
          return FALSE;
        }
    }

  return TRUE;
}

static void
print_mapping (KorakReferralImport *import)
{
  const KorakCsv *csv = korak_referral_import_get_csv (import);

  g_print (_("Columns:\n"));
  for (guint column = 0; column < korak_csv_get_n_columns (csv); column++)
    {
      int field = korak_referral_import_get_mapping (import, column);

      const char *header = korak_csv_get_header (csv, column);
      glong width = g_utf8_strlen (header, -1);
      g_autofree char *padding = g_strnfill (width < 28 ? 28 - width : 0, ' ');

      g_print ("  %s%s → %s\n", header, padding,
               field == KORAK_CSV_IGNORE ? _("(ignored)") : _(korak_participant_field_info (field)->label));
    }
}

static char *
field_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint f = 0; f < KORAK_N_FIELDS; f++)
    g_string_append_printf (list, "%s%s", f ? ", " : "", korak_participant_field_info (f)->column);

  return g_string_free (list, FALSE);
}

int
korak_cli_import (int    argc,
                  char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *file = NULL;
  g_autofree char *fields = field_list ();
  g_autofree char *description = NULL;
  g_auto(GStrv) columns = NULL;
  gboolean dry_run = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(KorakReferralImport) import = NULL;
  g_autoptr(GError) error = NULL;
  KorakCsv *csv;
  guint n_rows, n_invalid, imported = 0;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: your Korak database)"), N_("PATH") },
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      N_("The CSV file of referrals: one line per person, a header line first"), N_("FILE") },
    { "column", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &columns,
      N_("Which field a column goes to when Korak does not guess it from the header, e.g. “Rojen=birth_date” "
         "or “Opombe=ignore” (may be repeated)"), N_("HEADER=FIELD") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check every line and report, but store nothing"), NULL },
    { NULL }
  };

  context = korak_cli_command_context (_("Imports people referred to the programme from a CSV file (comma, "
                                         "semicolon or tab separated, UTF-8) as new participants. Every line is "
                                         "checked first; if any line is wrong, each one is listed with the reason "
                                         "and nothing is imported."), entries);
  description = g_strdup_printf (_("Fields: %s."), fields);
  g_option_context_set_description (context, description);
  if (!korak_cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  if (file == NULL)
    {
      korak_cli_print_error (_("Give the CSV file to import with --file FILE."));
      return EXIT_USAGE;
    }

  if (!(csv = korak_csv_load (file, &error)))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  import = korak_referral_import_new (csv);
  if (!apply_columns (import, columns))
    return EXIT_USAGE;

  print_mapping (import);

  n_rows = korak_referral_import_get_n_rows (import);
  n_invalid = korak_referral_import_get_n_invalid (import);
  for (guint row = 0; row < n_rows; row++)
    {
      const char *reason = korak_referral_import_get_row_error (import, row);

      if (reason != NULL)
        g_print (_("Line %u: %s\n"), korak_referral_import_get_line (import, row), reason);
    }

  if (korak_referral_import_get_problem (import) != NULL)
    {
      korak_cli_print_error (korak_referral_import_get_problem (import));
      korak_cli_print_error (_("Nothing was imported."));
      return EXIT_FAILURE;
    }
  if (n_invalid > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u of %u lines cannot be imported (listed above). Nothing was imported: "
                                      "correct the file and run the import again.",
                                      "%u of %u lines cannot be imported (listed above). Nothing was imported: "
                                      "correct the file and run the import again.",
                                      n_rows),
                         n_invalid, n_rows);
      korak_cli_print_error (message);
      return EXIT_FAILURE;
    }

  if (dry_run)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "The %u line can be imported. Dry run: nothing was stored.\n",
                            "All %u lines can be imported. Dry run: nothing was stored.\n", n_rows),
               n_rows);
      return EXIT_SUCCESS;
    }

  if (database == NULL)
    database = korak_store_default_path ();
  if (!korak_cli_database_exists (database) || !(store = korak_cli_open_store (database)))
    return EXIT_FAILURE;

  if (!korak_referral_import_apply (import, store, &imported, &error))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u participant.\n", "Imported %u participants.\n", imported),
           imported);
  return EXIT_SUCCESS;
}

/* ----------------------------------------------------------------- export */

int
korak_cli_export (int    argc,
                  char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *what = NULL;
  g_autofree char *format = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *output = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KorakExportKind kind;
  KorakExportFormat file_format;
  gint64 cohort_id = 0;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: your Korak database)"), N_("PATH") },
    { "what", 'w', 0, G_OPTION_ARG_STRING, &what,
      N_("participants, attendance or outcomes"), N_("WHAT") },
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format,
      N_("csv or xlsx (default: from the file name, else csv)"), N_("FORMAT") },
    { "cohort", 'c', 0, G_OPTION_ARG_STRING, &cohort,
      N_("Attendance and outcomes of this cohort only: number or name (default: every cohort)"), N_("COHORT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write"), N_("FILE") },
    { NULL }
  };

  context = korak_cli_command_context (_("Exports the participant list, attendance (each session and person) or "
                                         "outcomes (enrolments, exits and follow-ups) for a spreadsheet: CSV that "
                                         "Slovenian Excel opens as it is (UTF-8, semicolons), or an Excel "
                                         "workbook."), entries);
  if (!korak_cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  if (what == NULL || g_str_equal (what, "participants"))
    kind = KORAK_EXPORT_PARTICIPANTS;
  else if (g_str_equal (what, "attendance"))
    kind = KORAK_EXPORT_ATTENDANCE;
  else if (g_str_equal (what, "outcomes"))
    kind = KORAK_EXPORT_OUTCOMES;
  else
    {
      korak_cli_print_error (_("What to export is “participants”, “attendance” or “outcomes”."));
      return EXIT_USAGE;
    }

  if (output == NULL)
    {
      korak_cli_print_error (_("Give the file to write with --output FILE."));
      return EXIT_USAGE;
    }

  if (format == NULL)
    file_format = g_str_has_suffix (output, ".xlsx") || g_str_has_suffix (output, ".XLSX")
                  ? KORAK_EXPORT_FORMAT_XLSX : KORAK_EXPORT_FORMAT_CSV;
  else if (g_ascii_strcasecmp (format, "csv") == 0)
    file_format = KORAK_EXPORT_FORMAT_CSV;
  else if (g_ascii_strcasecmp (format, "xlsx") == 0)
    file_format = KORAK_EXPORT_FORMAT_XLSX;
  else
    {
      korak_cli_print_error (_("The format is “csv” or “xlsx”."));
      return EXIT_USAGE;
    }

  if (cohort != NULL && kind == KORAK_EXPORT_PARTICIPANTS)
    {
      korak_cli_print_error (_("--cohort applies to attendance and outcomes only."));
      return EXIT_USAGE;
    }

  if (database == NULL)
    database = korak_store_default_path ();
  if (!korak_cli_database_exists (database) || !(store = korak_cli_open_store (database)))
    return EXIT_FAILURE;

  if (cohort != NULL && (cohort_id = korak_cli_lookup (store, KORAK_CLI_COHORT, cohort, &error)) == 0)
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  if (!korak_export_write (store, kind, file_format, cohort_id, output, &error))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  display = g_filename_display_name (output);
  g_print (_("Wrote “%s”.\n"), display);
  return EXIT_SUCCESS;
}
