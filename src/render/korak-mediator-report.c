/* korak-mediator-report.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-mediator-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "korak-date.h"
#include "korak-mediator-report.h"
#include "korak-notes.h"
#include "korak-report-data.h"
#include "korak-reports.h"
#include "korak-schedule.h"

#define EN_DASH "\u2013"

char *
korak_mediator_hours_format (double hours)
{
  /* Quarter hours are common (an individual hour of 45 minutes). */
  if (fabs (hours - round (hours)) < 0.005)
    return g_strdup_printf ("%.0f", round (hours));
  if (fabs (hours * 10 - round (hours * 10)) < 0.05)
    return g_strdup_printf ("%.1f", hours);
  return g_strdup_printf ("%.2f", hours);
}

const char *
korak_mediator_language_label (const char *tag)
{
  return tag != NULL ? korak_language_name (tag) : C_("language", "Not recorded");
}

typedef enum
{
  COLUMN_COHORT,
  COLUMN_MEDIATOR,
  COLUMN_LANGUAGE,
  COLUMN_GROUP_HOURS,
  COLUMN_INDIVIDUAL_HOURS,
  COLUMN_TOTAL_HOURS,
  COLUMN_SESSIONS,
  COLUMN_INDIVIDUAL,
  COLUMN_ASSESSMENTS,
  COLUMN_NOTES,
  N_COLUMNS
} Column;

/* A table with the label columns @first … COLUMN_LANGUAGE that are wanted
 * (@wanted[column]), then the figures. */
static KorakTable *
table_new (const gboolean wanted[COLUMN_GROUP_HOURS],
           guint         *n_columns)
{
  static const struct { double weight; } figure_weights[] = { { 1.3 }, { 1.5 }, { 1.2 }, { 1.3 }, { 1.5 }, { 1.4 }, { 1.0 } };
  const char *figure_headers[] = {
    _("Group hours"), _("Individual hours"), _("Total hours"),
    _("Group sessions"), _("Individual sessions"), _("Assessments"), _("Notes"),
  };
  const char *label_headers[] = { _("Cohort"), _("Mediator"), _("Language") };
  const double label_weights[] = { 3.0, 2.6, 1.8 };
  KorakTable *table;
  guint n = 0, c = 0;

  for (guint i = 0; i < COLUMN_GROUP_HOURS; i++)
    n += wanted[i] ? 1 : 0;
  n += G_N_ELEMENTS (figure_headers);

  table = korak_table_new (n);
  korak_table_set_text_style (table, KORAK_TEXT_SMALL);
  for (guint i = 0; i < COLUMN_GROUP_HOURS; i++)
    if (wanted[i])
      korak_table_set_column (table, c++, label_headers[i], label_weights[i], KORAK_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (figure_headers); i++)
    korak_table_set_column (table, c++, figure_headers[i], figure_weights[i].weight, KORAK_ALIGN_END);

  *n_columns = n;
  return table;
}

static guint
add_line (KorakTable               *table,
          const gboolean            wanted[COLUMN_GROUP_HOURS],
          const char               *labels[COLUMN_GROUP_HOURS],
          const KorakMediatorHours *h)
{
  g_autofree char *group = korak_mediator_hours_format (h->group_hours);
  g_autofree char *individual = korak_mediator_hours_format (h->individual_hours);
  g_autofree char *total = korak_mediator_hours_format (korak_mediator_hours_total (h));
  g_autofree char *sessions = g_strdup_printf ("%d", h->n_sessions);
  g_autofree char *n_individual = g_strdup_printf ("%d", h->n_individual);
  g_autofree char *assessments = g_strdup_printf ("%d", h->n_assessments);
  g_autofree char *notes = g_strdup_printf ("%d", h->n_notes);
  const char *cells[N_COLUMNS];
  guint c = 0;

  for (guint i = 0; i < COLUMN_GROUP_HOURS; i++)
    if (wanted[i])
      cells[c++] = labels[i];
  cells[c++] = group;
  cells[c++] = individual;
  cells[c++] = total;
  cells[c++] = sessions;
  cells[c++] = n_individual;
  cells[c++] = assessments;
  cells[c++] = notes;

  return korak_table_add_row (table, cells);
}

static void
add_total (KorakTable               *table,
           const gboolean            wanted[COLUMN_GROUP_HOURS],
           const KorakMediatorHours *total)
{
  const char *labels[COLUMN_GROUP_HOURS] = { NULL, NULL, NULL };
  guint row;

  /* "Total" in the first label column shown. */
  for (guint i = 0; i < COLUMN_GROUP_HOURS; i++)
    if (wanted[i])
      {
        labels[i] = _("Total");
        break;
      }
  row = add_line (table, wanted, labels, total);
  korak_table_set_row_emphasis (table, row, TRUE);
}

static char *
period_text (const char *from,
             const char *to)
{
  g_autofree char *first = from ? korak_date_format (from) : NULL;
  g_autofree char *last = to ? korak_date_format (to) : NULL;

  if (first == NULL && last == NULL)
    return g_strdup (_("All recorded"));
  if (last == NULL)
    /* Translators: an open-ended period, "from 2. 3. 2026" */
    return g_strdup_printf (_("from %s"), first);
  if (first == NULL)
    /* Translators: an open-started period, "until 30. 6. 2026" */
    return g_strdup_printf (_("until %s"), last);
  /* Translators: a period from one date to another */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/**
 * korak_report_mediator_hours:
 * @store: the store
 * @cohort_id: a cohort, or 0 for every cohort
 * @from: (nullable): the first day, ISO
 * @to: (nullable): the last day, ISO
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the mediator hours, landscape.
 */
KorakDocument *
korak_report_mediator_hours (KorakStore  *store,
                             gint64       cohort_id,
                             const char  *from,
                             const char  *to,
                             GError     **error)
{
  g_autoptr(KorakMediatorSummary) summary = NULL;
  g_autoptr(KorakCohortDetail) cohort = NULL;
  g_autoptr(KorakOrganisationRecord) organisation = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  gboolean wanted[COLUMN_GROUP_HOURS] = { cohort_id == 0, TRUE, TRUE };
  guint n_columns;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (cohort_id != 0 && !(cohort = korak_store_get_cohort (store, cohort_id, error)))
    return NULL;
  if (!(summary = korak_store_mediator_hours (store, cohort_id, from, to, error)))
    return NULL;

  title = cohort != NULL
    /* Translators: the title of the mediator hours PDF, %s is a cohort */
    ? g_strdup_printf (_("Mediator hours — %s"), cohort->name)
    : g_strdup (_("Mediator hours — all cohorts"));
  if (!(organisation = korak_store_get_organisation (store, error)))
    return NULL;
  document = korak_document_new (title, organisation->name);
  /* Ten columns of figures need the width. */
  korak_document_set_paper (document, KORAK_PAPER_A4, TRUE);
  if (!korak_report_apply_organisation (document, store, error))
    return NULL;

  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_START, _("Mediator hours"));
  korak_document_add_space (document, 6.0);
  korak_document_add_field (document, _("Cohort"), cohort != NULL ? cohort->name : _("All cohorts"));
  if (cohort != NULL && cohort->programme_name != NULL)
    korak_document_add_field (document, _("Programme"), cohort->programme_name);
  period = period_text (from, to);
  korak_document_add_field (document, _("Period"), period);
  korak_document_add_space (document, 8.0);

  if (summary->rows->len == 0)
    {
      korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START,
                               _("No session, assessment or note in this period records a mediator."));
      return g_steal_pointer (&document);
    }

  korak_document_add_heading (document, cohort != NULL ? _("By mediator and language")
                                                       : _("By cohort, mediator and language"));
  {
    g_autoptr(KorakTable) table = table_new (wanted, &n_columns);

    for (guint i = 0; i < summary->rows->len; i++)
      {
        const KorakMediatorHours *h = g_ptr_array_index (summary->rows, i);
        const char *labels[COLUMN_GROUP_HOURS] = {
          h->cohort_name, h->mediator_name, korak_mediator_language_label (h->language),
        };

        add_line (table, wanted, labels, h);
      }
    add_total (table, wanted, summary->total);
    korak_document_add_table (document, g_steal_pointer (&table));
  }

  korak_document_add_heading (document, _("Per mediator"));
  {
    const gboolean by_mediator[COLUMN_GROUP_HOURS] = { FALSE, TRUE, FALSE };
    g_autoptr(KorakTable) table = table_new (by_mediator, &n_columns);

    for (guint i = 0; i < summary->by_mediator->len; i++)
      {
        const KorakMediatorHours *h = g_ptr_array_index (summary->by_mediator, i);
        const char *labels[COLUMN_GROUP_HOURS] = { NULL, h->mediator_name, NULL };

        add_line (table, by_mediator, labels, h);
      }
    add_total (table, by_mediator, summary->total);
    korak_document_add_table (document, g_steal_pointer (&table));
  }

  korak_document_add_heading (document, _("Per language"));
  {
    const gboolean by_language[COLUMN_GROUP_HOURS] = { FALSE, FALSE, TRUE };
    g_autoptr(KorakTable) table = table_new (by_language, &n_columns);

    for (guint i = 0; i < summary->by_language->len; i++)
      {
        const KorakMediatorHours *h = g_ptr_array_index (summary->by_language, i);
        const char *labels[COLUMN_GROUP_HOURS] = { NULL, NULL, korak_mediator_language_label (h->language) };

        add_line (table, by_language, labels, h);
      }
    add_total (table, by_language, summary->total);
    korak_document_add_table (document, g_steal_pointer (&table));
  }

  korak_document_add_space (document, 6.0);
  korak_document_add_text (document, KORAK_TEXT_SMALL, KORAK_ALIGN_START,
                           _("Hours are those of sessions held with a mediator present, from start to end; "
                             "cancelled sessions are left out. Individual hours are individual sessions; "
                             "group hours are group sessions, visits and work practice. Assessments and notes "
                             "have no duration and are counted. “Mediator not recorded”: a mediator was present "
                             "but not which one."));

  return g_steal_pointer (&document);
}
