/* korak-person-export.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-person-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "korak-assessment.h"
#include "korak-audit.h"
#include "korak-date.h"
#include "korak-history.h"
#include "korak-participant-record.h"
#include "korak-person-export.h"
#include "korak-plan.h"
#include "korak-profile-sheet.h"
#include "korak-reports.h"
#include "korak-schedule.h"

typedef enum
{
  VALUE_TEXT,
  VALUE_DATE,
  VALUE_CHOICE,
  VALUE_FLAG,
  VALUE_NUMBER,
  VALUE_ACTIVITY,
  VALUE_AREA,
} ValueKind;

typedef struct
{
  const char         *column;
  const char         *header;    /* N_() */
  double              weight;
  ValueKind           kind;
  const KorakChoice *(*choices) (void);
} Column;

static char *
format_cell (const KorakPersonTable *table,
             guint                   row,
             const Column           *column)
{
  const char *value = korak_person_table_get (table, row, column->column);

  if (value == NULL || *value == '\0')
    return NULL;

  switch (column->kind)
    {
    case VALUE_DATE:
      return korak_date_format (value);

    case VALUE_CHOICE:
      {
        const char *label = korak_choice_label (column->choices (), value);

        return g_strdup (label ? label : value);
      }

    case VALUE_FLAG:
      return g_strdup (g_str_equal (value, "0") ? _("no") : _("yes"));

    case VALUE_NUMBER:
      return g_strdup_printf ("%g", g_ascii_strtod (value, NULL));

    case VALUE_ACTIVITY:
      return g_strdup (korak_activity_label (value));

    case VALUE_AREA:
      return g_strdup (korak_competency_area_label (value));

    case VALUE_TEXT:
    default:
      return g_utf8_make_valid (value, -1);
    }
}

/* A heading, then @table's rows in @columns, or a line saying there are none. */
static void
add_section (KorakDocument          *document,
             const char             *heading,
             const KorakPersonTable *table,
             const Column           *columns,
             guint                   n_columns)
{
  g_autoptr(KorakTable) grid = NULL;

  korak_document_add_heading (document, heading);

  if (table == NULL || table->rows->len == 0)
    {
      korak_document_add_text (document, KORAK_TEXT_SMALL, KORAK_ALIGN_START, _("Nothing recorded."));
      return;
    }

  grid = korak_table_new (n_columns);
  korak_table_set_text_style (grid, KORAK_TEXT_SMALL);
  for (guint c = 0; c < n_columns; c++)
    korak_table_set_column (grid, c, _(columns[c].header), columns[c].weight,
                            columns[c].kind == VALUE_NUMBER ? KORAK_ALIGN_END : KORAK_ALIGN_START);

  for (guint r = 0; r < table->rows->len; r++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_full (n_columns + 1, g_free);

      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (cells, format_cell (table, r, &columns[c]));
      g_ptr_array_add (cells, NULL);
      korak_table_add_row (grid, (const char * const *) cells->pdata);
    }

  korak_document_add_table (document, g_steal_pointer (&grid));
}

static const KorakChoice enrolment_status_choices[] = {
  { "active", N_("Active") },
  { "completed", N_("Completed") },
  { "exited", N_("Exited") },
  { "withdrawn", N_("Withdrawn") },
  { NULL, NULL }
};

static const KorakChoice *
enrolment_statuses (void)
{
  return enrolment_status_choices;
}

static const Column enrolment_columns[] = {
  { "cohort_name", N_("Cohort"), 3, VALUE_TEXT },
  { "start_date", N_("From"), 1.5, VALUE_DATE },
  { "end_date", N_("To"), 1.5, VALUE_DATE },
  { "status", N_("Status"), 1.5, VALUE_CHOICE, enrolment_statuses },
  { "exit_reason", N_("Exit reason"), 2, VALUE_CHOICE, korak_enrolment_exit_reasons },
  { "exit_outcome", N_("Outcome"), 2, VALUE_CHOICE, korak_enrolment_exit_reasons },
};

static const Column follow_up_columns[] = {
  { "due_date", N_("Due"), 1.5, VALUE_DATE },
  { "done_date", N_("Done"), 1.5, VALUE_DATE },
  { "employment_status", N_("Employment"), 2, VALUE_CHOICE, korak_employment_statuses },
  { "situation", N_("Situation"), 4, VALUE_TEXT },
};

static const Column attendance_columns[] = {
  { "session_date", N_("Date"), 1.5, VALUE_DATE },
  { "session_start", N_("From"), 1, VALUE_TEXT },
  { "session_end", N_("To"), 1, VALUE_TEXT },
  { "activity_name", N_("Activity"), 3, VALUE_ACTIVITY },
  { "state", N_("Mark"), 1.5, VALUE_CHOICE, korak_attendance_states },
  { "hours", N_("Hours"), 1, VALUE_NUMBER },
  { "remark", N_("Remark"), 3, VALUE_TEXT },
};

static const Column session_columns[] = {
  { "date", N_("Date"), 1.5, VALUE_DATE },
  { "start_time", N_("From"), 1, VALUE_TEXT },
  { "end_time", N_("To"), 1, VALUE_TEXT },
  { "activity_name", N_("Activity"), 3, VALUE_ACTIVITY },
  { "place", N_("Place"), 2, VALUE_TEXT },
  { "cancelled_reason", N_("Cancelled"), 2, VALUE_TEXT },
};

static const Column barrier_columns[] = {
  { "kind", N_("Barrier"), 2, VALUE_CHOICE, korak_barrier_kinds },
  { "checked", N_("Applies"), 1, VALUE_FLAG },
  { "remark", N_("Remark"), 5, VALUE_TEXT },
};

static const Column goal_columns[] = {
  { "area", N_("Area"), 1.5, VALUE_CHOICE, korak_goal_areas },
  { "description", N_("Goal"), 5, VALUE_TEXT },
  { "target_date", N_("Target date"), 1.5, VALUE_DATE },
  { "status", N_("Status"), 1.5, VALUE_CHOICE, korak_goal_statuses },
};

static const Column step_columns[] = {
  { "goal_description", N_("Goal"), 3, VALUE_TEXT },
  { "description", N_("Step"), 4, VALUE_TEXT },
  { "due_date", N_("Due"), 1.5, VALUE_DATE },
  { "done", N_("Done"), 1, VALUE_FLAG },
};

static const Column training_columns[] = {
  { "activity_name", N_("Training"), 4, VALUE_ACTIVITY },
  { "planned_date", N_("Planned for"), 1.5, VALUE_DATE },
  { "done_date", N_("Done on"), 1.5, VALUE_DATE },
};

static const KorakChoice plan_review_kind_choices[] = {
  { "save", N_("Saved") },
  { "review", N_("Reviewed") },
  { "agreed", N_("Agreed") },
  { NULL, NULL }
};

static const KorakChoice *
plan_review_kinds (void)
{
  return plan_review_kind_choices;
}

static const Column review_columns[] = {
  { "date", N_("Date"), 1.5, VALUE_DATE },
  { "kind", N_("Kind"), 6, VALUE_CHOICE, plan_review_kinds },
};

static const Column assessment_columns[] = {
  { "assessment_date", N_("Date"), 1.5, VALUE_DATE },
  { "assessment_kind", N_("Kind"), 1.5, VALUE_CHOICE, korak_assessment_kinds },
  { "area_name", N_("Area"), 3, VALUE_AREA },
  { "score", N_("Score"), 1, VALUE_NUMBER },
  { "remark", N_("Remark"), 3, VALUE_TEXT },
};

static const Column journal_columns[] = {
  { "date", N_("Date"), 1.5, VALUE_DATE },
  { "kind", N_("Kind"), 1.5, VALUE_CHOICE, korak_journal_kinds },
  { "text", N_("Text"), 6, VALUE_TEXT },
};

static const Column note_columns[] = {
  { "date", N_("Date"), 1.5, VALUE_DATE },
  { "language", N_("Language"), 1, VALUE_TEXT },
  { "text", N_("Text"), 7, VALUE_TEXT },
};

static const Column translation_columns[] = {
  { "language", N_("Language"), 1, VALUE_TEXT },
  { "text", N_("Text"), 6, VALUE_TEXT },
  { "review_state", N_("Review"), 1.5, VALUE_TEXT },
};

static const Column certificate_columns[] = {
  { "serial", N_("Serial number"), 2.5, VALUE_TEXT },
  { "kind", N_("Kind"), 2, VALUE_TEXT },
  { "issued_date", N_("Issued on"), 1.5, VALUE_DATE },
  { "hours", N_("Hours"), 1, VALUE_NUMBER },
};

static void
add_plan (KorakDocument *document,
          GPtrArray     *tables)
{
  static const struct {
    const char *column;
    const char *label;
  } fields[] = {
    { "diagnosis", N_("Diagnosis") },
    { "interests", N_("Interests") },
    { "strengths", N_("Strengths") },
    { "work_experience", N_("Work experience") },
    { "education", N_("Education") },
    { "agreed_date", N_("Agreed on") },
    { "next_review_date", N_("Next review") },
  };
  KorakPersonTable *plan = korak_person_data_find (tables, "plan");

  korak_document_add_heading (document, _("Individual Plan"));
  if (plan == NULL || plan->rows->len == 0)
    korak_document_add_text (document, KORAK_TEXT_SMALL, KORAK_ALIGN_START, _("Nothing recorded."));

  for (guint r = 0; plan != NULL && r < plan->rows->len; r++)
    for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
      {
        const char *value = korak_person_table_get (plan, r, fields[f].column);
        g_autofree char *shown = NULL;

        if (value == NULL || *value == '\0')
          continue;
        shown = korak_date_is_iso (value) ? korak_date_format (value) : g_strdup (value);
        korak_document_add_field (document, _(fields[f].label), shown);
      }

  add_section (document, _("Barriers"), korak_person_data_find (tables, "plan_barrier"),
               barrier_columns, G_N_ELEMENTS (barrier_columns));
  add_section (document, _("Goals"), korak_person_data_find (tables, "goal"),
               goal_columns, G_N_ELEMENTS (goal_columns));
  add_section (document, _("Steps"), korak_person_data_find (tables, "goal_step"),
               step_columns, G_N_ELEMENTS (step_columns));
  add_section (document, _("Trainings"), korak_person_data_find (tables, "plan_activity"),
               training_columns, G_N_ELEMENTS (training_columns));
  add_section (document, _("Plan Reviews"), korak_person_data_find (tables, "plan_review"),
               review_columns, G_N_ELEMENTS (review_columns));
}

static void
add_attendance_totals (KorakDocument    *document,
                       KorakPersonTable *attendance)
{
  guint present = 0, late = 0, excused = 0, absent = 0;
  double hours = 0;
  g_autofree char *text = NULL;

  if (attendance == NULL || attendance->rows->len == 0)
    return;

  for (guint r = 0; r < attendance->rows->len; r++)
    {
      const char *state = korak_person_table_get (attendance, r, "state");
      const char *h = korak_person_table_get (attendance, r, "hours");

      present += g_strcmp0 (state, "present") == 0;
      late += g_strcmp0 (state, "late") == 0;
      excused += g_strcmp0 (state, "excused") == 0;
      absent += g_strcmp0 (state, "absent") == 0;
      hours += h ? g_ascii_strtod (h, NULL) : 0;
    }

  /* Translators: a summary of attendance marks, then the hours attended. */
  text = g_strdup_printf (_("%u sessions: %u present, %u late, %u excused, %u absent; %g hours attended."),
                          attendance->rows->len, present, late, excused, absent, hours);
  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, text);
}

static void
add_notes (KorakDocument *document,
           GPtrArray     *tables)
{
  add_section (document, _("Notes"), korak_person_data_find (tables, "note"),
               note_columns, G_N_ELEMENTS (note_columns));
  add_section (document, _("Translations of Notes"), korak_person_data_find (tables, "note_translation"),
               translation_columns, G_N_ELEMENTS (translation_columns));
}

static gboolean
add_history (KorakDocument  *document,
             KorakStore     *store,
             gint64          participant_id,
             GError        **error)
{
  g_autoptr(KorakHistory) history = korak_history_new (store, participant_id);
  g_autoptr(KorakTable) grid = NULL;
  guint n;

  if (!korak_history_reload (history, error))
    return FALSE;

  korak_document_add_heading (document, _("History of Changes"));
  n = g_list_model_get_n_items (G_LIST_MODEL (history));
  if (n == 0)
    {
      korak_document_add_text (document, KORAK_TEXT_SMALL, KORAK_ALIGN_START, _("Nothing recorded."));
      return TRUE;
    }

  grid = korak_table_new (3);
  korak_table_set_text_style (grid, KORAK_TEXT_SMALL);
  korak_table_set_column (grid, 0, _("When"), 2, KORAK_ALIGN_START);
  korak_table_set_column (grid, 1, _("Who"), 2, KORAK_ALIGN_START);
  korak_table_set_column (grid, 2, _("What"), 6, KORAK_ALIGN_START);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (history), i);
      const char *cells[] = {
        korak_history_entry_get_time_label (entry),
        korak_history_entry_get_who (entry),
        korak_history_entry_get_summary (entry),
      };

      korak_table_add_row (grid, cells);
    }
  korak_document_add_table (document, g_steal_pointer (&grid));

  return TRUE;
}

/**
 * korak_person_export_document:
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL with @error
 */
KorakDocument *
korak_person_export_document (KorakStore  *store,
                              gint64       participant_id,
                              GError     **error)
{
  g_autoptr(KorakParticipantRecord) record = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *intro = NULL;
  KorakPersonTable *attendance;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(record = korak_store_get_participant (store, participant_id, error)) ||
      !(tables = korak_store_dump_person (store, participant_id, error)))
    return NULL;

  name = korak_profile_sheet_dup_name (record);
  /* Translators: the title of the summary of a person's data; %s is their name. */
  title = g_strdup_printf (_("Personal Data of %s"), name);
  document = korak_document_new (title, NULL);
  if (!korak_report_apply_organisation (document, store, error))
    return NULL;

  today = korak_date_today ();
  today_text = korak_date_format (today);

  korak_document_add_text (document, KORAK_TEXT_LABEL, KORAK_ALIGN_START, _("Personal data held in Korak"));
  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_START, name);
  /* Translators: the first is a person's name, the second today's date. */
  intro = g_strdup_printf (_("Everything this organisation's Korak database holds about %s on %s. "
                             "The file of the same name ending in .json holds the same data in a form "
                             "other programs can read."), name, today_text);
  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, intro);
  korak_document_set_footer_text (document, title);

  korak_document_add_heading (document, _("Profile"));
  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    {
      const KorakFieldInfo *info = korak_participant_field_info (i);
      g_autofree char *value = korak_profile_sheet_dup_field_text (record, i);

      korak_document_add_field (document, _(info->label), value);
    }

  add_section (document, _("Enrolments"), korak_person_data_find (tables, "enrolment"),
               enrolment_columns, G_N_ELEMENTS (enrolment_columns));
  add_section (document, _("Follow-ups"), korak_person_data_find (tables, "follow_up"),
               follow_up_columns, G_N_ELEMENTS (follow_up_columns));

  attendance = korak_person_data_find (tables, "attendance");
  korak_document_add_heading (document, _("Attendance"));
  add_attendance_totals (document, attendance);
  add_section (document, _("Sessions Attended"), attendance,
               attendance_columns, G_N_ELEMENTS (attendance_columns));
  add_section (document, _("Individual Sessions"), korak_person_data_find (tables, "session"),
               session_columns, G_N_ELEMENTS (session_columns));

  add_plan (document, tables);
  add_section (document, _("Assessments"), korak_person_data_find (tables, "assessment_score"),
               assessment_columns, G_N_ELEMENTS (assessment_columns));
  add_section (document, _("Journal"), korak_person_data_find (tables, "journal_entry"),
               journal_columns, G_N_ELEMENTS (journal_columns));
  add_notes (document, tables);
  add_section (document, _("Certificates"), korak_person_data_find (tables, "certificate"),
               certificate_columns, G_N_ELEMENTS (certificate_columns));

  if (!add_history (document, store, participant_id, error))
    return NULL;

  return g_steal_pointer (&document);
}

/* The person's name as a file name: no folder separators, no control
 * characters, no leading dot. */
static char *
file_stem (const char *name)
{
  GString *stem = g_string_new (NULL);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c))
        g_string_append_c (stem, '_');
      else
        g_string_append_unichar (stem, c);
    }
  g_strstrip (stem->str);
  while (stem->str[0] == '.')
    g_string_erase (stem, 0, 1);
  if (stem->str[0] == '\0')
    g_string_assign (stem, "participant");

  return g_string_free (stem, FALSE);
}

gboolean
korak_person_export_write (KorakStore  *store,
                           gint64       participant_id,
                           const char  *folder,
                           char       **json_path,
                           char       **pdf_path,
                           GError     **error)
{
  g_autoptr(KorakParticipantRecord) record = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *json_file = NULL;
  g_autofree char *pdf_file = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (!(record = korak_store_get_participant (store, participant_id, error)) ||
      !(json = korak_store_export_person (store, participant_id, error)) ||
      !(document = korak_person_export_document (store, participant_id, error)))
    return FALSE;

  name = korak_profile_sheet_dup_name (record);
  stem = file_stem (name);

  for (guint n = 1; ; n++)
    {
      g_autofree char *base = n == 1 ? g_strdup (stem) : g_strdup_printf ("%s (%u)", stem, n);
      g_autofree char *json_name = g_strconcat (base, ".json", NULL);
      g_autofree char *pdf_name = g_strconcat (base, ".pdf", NULL);

      g_free (json_file);
      g_free (pdf_file);
      json_file = g_build_filename (folder, json_name, NULL);
      pdf_file = g_build_filename (folder, pdf_name, NULL);
      if (!g_file_test (json_file, G_FILE_TEST_EXISTS) && !g_file_test (pdf_file, G_FILE_TEST_EXISTS))
        break;
    }

  /* Personal data: readable by this user only. */
  if (!g_file_set_contents_full (json_file, json, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  if (!korak_document_write_pdf (document, pdf_file, error))
    {
      g_unlink (json_file);
      return FALSE;
    }
  g_chmod (pdf_file, 0600);

  if (json_path)
    *json_path = g_steal_pointer (&json_file);
  if (pdf_path)
    *pdf_path = g_steal_pointer (&pdf_file);
  return TRUE;
}
