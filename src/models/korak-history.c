/* korak-history.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-history"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "korak-assessment.h"
#include "korak-date.h"
#include "korak-history.h"
#include "korak-participant-record.h"
#include "korak-plan.h"
#include "korak-schedule.h"

/* How many changed fields a summary names before "…". */
#define MAX_NAMED_CHANGES 3
/* Longer values are cut to this many characters. */
#define MAX_VALUE_CHARS 40

/* ------------------------------------------------------------- entry */

struct _KorakHistoryEntry
{
  GObject           parent_instance;

  KorakAuditRecord *record;
  char             *summary;
  char             *time_label;
  GDateTime        *time;
};

G_DEFINE_FINAL_TYPE (KorakHistoryEntry, korak_history_entry, G_TYPE_OBJECT)

static void
korak_history_entry_finalize (GObject *object)
{
  KorakHistoryEntry *self = (KorakHistoryEntry *)object;

  g_clear_pointer (&self->record, korak_audit_record_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->time_label, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (korak_history_entry_parent_class)->finalize (object);
}

static void
korak_history_entry_class_init (KorakHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = korak_history_entry_finalize;
}

static void
korak_history_entry_init (KorakHistoryEntry *self)
{
}

static KorakHistoryEntry *
korak_history_entry_new (KorakAuditRecord *record)
{
  KorakHistoryEntry *self = g_object_new (KORAK_TYPE_HISTORY_ENTRY, NULL);
  g_autoptr(GDateTime) utc = NULL;

  self->record = record;
  self->summary = korak_history_describe (record);

  if (record->at != NULL && (utc = g_date_time_new_from_iso8601 (record->at, NULL)) != NULL)
    {
      g_autofree char *iso = NULL;
      g_autofree char *date = NULL;
      g_autofree char *clock = NULL;

      self->time = g_date_time_to_local (utc);
      iso = g_date_time_format (self->time, "%Y-%m-%d");
      date = korak_date_format (iso);
      clock = g_date_time_format (self->time, "%H:%M");
      /* Translators: when a change was made: a date, then a time (24-hour). */
      self->time_label = g_strdup_printf (_("%s %s"), date, clock);
    }
  else
    self->time_label = g_strdup (record->at ? record->at : "");

  return self;
}

const char *
korak_history_entry_get_summary (KorakHistoryEntry *self)
{
  g_return_val_if_fail (KORAK_IS_HISTORY_ENTRY (self), NULL);
  return self->summary;
}

const char *
korak_history_entry_get_who (KorakHistoryEntry *self)
{
  g_return_val_if_fail (KORAK_IS_HISTORY_ENTRY (self), NULL);
  return self->record->who != NULL && *self->record->who != '\0' ? self->record->who : _("Unknown");
}

GDateTime *
korak_history_entry_get_time (KorakHistoryEntry *self)
{
  g_return_val_if_fail (KORAK_IS_HISTORY_ENTRY (self), NULL);
  return self->time;
}

const char *
korak_history_entry_get_time_label (KorakHistoryEntry *self)
{
  g_return_val_if_fail (KORAK_IS_HISTORY_ENTRY (self), NULL);
  return self->time_label;
}

const KorakAuditRecord *
korak_history_entry_get_record (KorakHistoryEntry *self)
{
  g_return_val_if_fail (KORAK_IS_HISTORY_ENTRY (self), NULL);
  return self->record;
}

/* ----------------------------------------------------------- wording */

typedef struct
{
  const char *table;
  const char *label;   /* N_() */
} TableLabel;

static const TableLabel table_labels[] = {
  { "participant", N_("Profile") },
  { "enrolment", N_("Enrolment") },
  { "follow_up", N_("Follow-up") },
  { "session", N_("Individual session") },
  { "weekly_pattern", N_("Individual weekly slot") },
  { "attendance", N_("Attendance") },
  { "plan", N_("Plan") },
  { "plan_barrier", N_("Plan: barrier") },
  { "goal", N_("Plan: goal") },
  { "goal_step", N_("Plan: step") },
  { "plan_activity", N_("Plan: training") },
  { "plan_review", N_("Plan: review") },
  { "assessment", N_("Assessment") },
  { "assessment_score", N_("Assessment: score") },
  { "journal_entry", N_("Journal") },
  { "note", N_("Note") },
  { "note_translation", N_("Note: translation") },
  { "note_translation_version", N_("Note: earlier translation") },
  { "certificate", N_("Certificate") },
};

static const char *
table_label (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_labels); i++)
    if (g_strcmp0 (table_labels[i].table, table) == 0)
      return _(table_labels[i].label);

  return table;
}

typedef struct
{
  const char *column;
  const char *label;   /* N_() */
} ColumnLabel;

/* Readable names of the columns a mentor meets; others show as they are. */
static const ColumnLabel column_labels[] = {
  { "date", N_("Date") },
  { "status", N_("Status") },
  { "description", N_("Description") },
  { "target_date", N_("Target date") },
  { "due_date", N_("Due date") },
  { "done", N_("Done") },
  { "state", N_("Mark") },
  { "hours", N_("Hours") },
  { "remark", N_("Remark") },
  { "text", N_("Text") },
  { "kind", N_("Kind") },
  { "score", N_("Score") },
  { "language", N_("Language") },
  { "review_state", N_("Review") },
  { "reviewer_id", N_("Reviewer") },
  { "reviewed_at", N_("Reviewed") },
  { "review_comment", N_("Reviewer’s comment") },
  { "translator_id", N_("Translator") },
  { "sensitive", N_("Sensitive") },
  { "version", N_("Version") },
  { "start_date", N_("Start date") },
  { "end_date", N_("End date") },
  { "start_time", N_("Start") },
  { "end_time", N_("End") },
  { "exit_reason", N_("Exit reason") },
  { "exit_date", N_("Exit date") },
  { "exit_outcome", N_("Exit outcome") },
  { "exit_positive", N_("Positive exit") },
  { "cohort_id", N_("Cohort") },
  { "diagnosis", N_("Diagnosis") },
  { "interests", N_("Interests") },
  { "strengths", N_("Strengths") },
  { "work_experience", N_("Work experience") },
  { "education", N_("Education") },
  { "agreed_date", N_("Agreed on") },
  { "next_review_date", N_("Next review") },
  { "checked", N_("Applies") },
  { "planned_date", N_("Planned for") },
  { "done_date", N_("Done on") },
  { "situation", N_("Situation") },
  { "employment_status", N_("Employment") },
  { "issued_date", N_("Issued on") },
  { "serial", N_("Serial number") },
  { "area", N_("Area") },
  { "area_id", N_("Area") },
  { "ordinal", N_("Order") },
  { "place", N_("Place") },
  { "activity_id", N_("Activity") },
  { "leader_id", N_("Leader") },
  { "assessor_id", N_("Assessor") },
  { "author_id", N_("Author") },
  { "mediator_present", N_("Mediator present") },
  { "mediator_id", N_("Mediator") },
  { "conversation_language", N_("Language of the conversation") },
  { "employer", N_("Employer") },
  { "cancelled_reason", N_("Cancelled") },
  { "months", N_("Months after the exit") },
  { "weekday", N_("Weekday") },
  { "archived_at", N_("Archived") },
};

static char *
column_label (const char *table,
              const char *column)
{
  if (g_strcmp0 (table, "participant") == 0)
    for (guint i = 0; i < KORAK_N_FIELDS; i++)
      {
        const KorakFieldInfo *info = korak_participant_field_info (i);

        if (g_str_equal (info->column, column))
          return g_strdup (_(info->label));
      }

  for (guint i = 0; i < G_N_ELEMENTS (column_labels); i++)
    if (g_str_equal (column_labels[i].column, column))
      return g_strdup (_(column_labels[i].label));

  return g_strdup (column);
}

/* The choices a coded column takes, or NULL. */
static const KorakChoice *
column_choices (const char *table,
                const char *column)
{
  if (g_strcmp0 (table, "participant") == 0)
    {
      for (guint i = 0; i < KORAK_N_FIELDS; i++)
        {
          const KorakFieldInfo *info = korak_participant_field_info (i);

          if (g_str_equal (info->column, column))
            return info->kind == KORAK_FIELD_KIND_CHOICE ? info->choices : NULL;
        }
      return NULL;
    }

  if (g_str_equal (table, "attendance") && g_str_equal (column, "state"))
    return korak_attendance_states ();
  if (g_str_equal (table, "goal") && g_str_equal (column, "status"))
    return korak_goal_statuses ();
  if (g_str_equal (table, "goal") && g_str_equal (column, "area"))
    return korak_goal_areas ();
  if (g_str_equal (table, "plan_barrier") && g_str_equal (column, "kind"))
    return korak_barrier_kinds ();
  if (g_str_equal (table, "journal_entry") && g_str_equal (column, "kind"))
    return korak_journal_kinds ();
  if (g_str_equal (table, "assessment") && g_str_equal (column, "kind"))
    return korak_assessment_kinds ();
  if (g_str_equal (table, "enrolment") && g_str_equal (column, "exit_reason"))
    return korak_enrolment_exit_reasons ();
  if (g_str_equal (table, "follow_up") && g_str_equal (column, "employment_status"))
    return korak_employment_statuses ();
  if ((g_str_equal (table, "session") || g_str_equal (table, "weekly_pattern")) && g_str_equal (column, "kind"))
    return korak_session_kinds ();

  return NULL;
}

static gboolean
is_flag_column (const char *table,
                const char *column)
{
  return g_str_equal (column, "done") || g_str_equal (column, "checked") ||
         g_str_equal (column, "needs_mediator") || g_str_equal (column, "mediator_present") ||
         g_str_equal (column, "exit_positive");
}

/* A reference to another row: named, not shown as a number. */
static gboolean
is_reference_column (const char *column)
{
  return g_str_has_suffix (column, "_id") || g_str_equal (column, "id");
}

static char *
format_value (const char *table,
              const char *column,
              const char *value)
{
  const KorakChoice *choices;

  if (value == NULL || *value == '\0')
    /* Translators: an empty value in "Phone: — → 041 123 456" */
    return g_strdup (_("—"));

  if ((choices = column_choices (table, column)) != NULL)
    {
      const char *label = korak_choice_label (choices, value);

      return g_strdup (label ? label : value);
    }

  if (is_flag_column (table, column))
    return g_strdup (g_str_equal (value, "0") ? _("no") : _("yes"));

  if (korak_date_is_iso (value))
    return korak_date_format (value);

  /* A timestamp: its day is enough here. */
  if (strlen (value) > 10 && value[10] == 'T')
    {
      g_autofree char *day = g_strndup (value, 10);

      if (korak_date_is_iso (day))
        return korak_date_format (day);
    }

  if (g_str_equal (column, "hours"))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (buf, sizeof buf, "%g", g_ascii_strtod (value, NULL));
      return g_strdup (buf);
    }

  if (g_utf8_strlen (value, -1) > MAX_VALUE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (value, 0, MAX_VALUE_CHARS - 1);

      return g_strdup_printf ("%s…", g_strstrip (cut));
    }

  return g_utf8_make_valid (value, -1);
}

static const char *
value_of (const KorakAuditRecord *record,
          const char             *column)
{
  const char *value = NULL;

  if (!korak_audit_record_lookup (record, TRUE, column, &value))
    korak_audit_record_lookup (record, FALSE, column, &value);
  return value;
}

/* "Status: Planned → Achieved; Target date: …" */
static char *
describe_changes (const KorakAuditRecord *record)
{
  g_autoptr(GPtrArray) changed = korak_audit_record_changed_columns (record);
  g_autoptr(GString) text = g_string_new (NULL);
  guint named = 0;

  for (guint i = 0; i < changed->len; i++)
    {
      const char *column = g_ptr_array_index (changed, i);
      g_autofree char *label = NULL;
      const char *old_value = NULL, *new_value = NULL;

      /* A row's own id changes only when it was entered again. */
      if (g_str_equal (column, "id"))
        continue;

      if (named == MAX_NAMED_CHANGES)
        {
          g_string_append (text, _("; …"));
          break;
        }

      if (text->len > 0)
        /* Translators: between two changes in "Phone: … → …; Email: … → …" */
        g_string_append (text, _("; "));
      label = column_label (record->table_name, column);
      korak_audit_record_lookup (record, FALSE, column, &old_value);
      korak_audit_record_lookup (record, TRUE, column, &new_value);

      if (is_reference_column (column))
        g_string_append (text, label);
      else
        {
          g_autofree char *from = format_value (record->table_name, column, old_value);
          g_autofree char *to = format_value (record->table_name, column, new_value);

          /* Translators: one changed field: its name, the old value and the new one. */
          g_string_append_printf (text, _("%s: %s → %s"), label, from, to);
        }
      named++;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_attendance (const KorakAuditRecord *record)
{
  g_autofree char *date = record->context ? korak_date_format (record->context) : g_strdup (_("an unknown day"));
  const char *old_state = NULL, *new_state = NULL;

  korak_audit_record_lookup (record, FALSE, "state", &old_state);
  korak_audit_record_lookup (record, TRUE, "state", &new_state);

  if (g_str_equal (record->action, "insert"))
    {
      g_autofree char *state = format_value ("attendance", "state", new_state);

      /* Translators: a mark entered in a register: a date, then Present, Late, Excused or Absent. */
      return g_strdup_printf (_("Attendance on %s marked %s"), date, state);
    }

  if (g_str_equal (record->action, "delete"))
    /* Translators: %s is a date */
    return g_strdup_printf (_("Attendance mark on %s removed"), date);

  if (g_strcmp0 (old_state, new_state) != 0)
    {
      g_autofree char *from = format_value ("attendance", "state", old_state);
      g_autofree char *to = format_value ("attendance", "state", new_state);

      /* Translators: a date, then two of Present, Late, Excused and Absent. */
      return g_strdup_printf (_("Attendance on %s changed from %s to %s"), date, from, to);
    }

  {
    g_autofree char *changes = describe_changes (record);

    /* Translators: a date, then what changed, e.g. "Hours: 4 → 3" */
    return g_strdup_printf (_("Attendance on %s changed (%s)"), date, changes);
  }
}

static char *
generic (const char             *label,
         const KorakAuditRecord *record)
{
  if (g_str_equal (record->action, "insert"))
    /* Translators: %s is a part of a person's data, e.g. "Plan: goal" */
    return g_strdup_printf (_("%s added"), label);

  if (g_str_equal (record->action, "delete"))
    /* Translators: %s is a part of a person's data, e.g. "Plan: goal";
     * the history's own string, apart from the time slot's "%s removed". */
    return g_strdup_printf (C_("history", "%s removed"), label);

  if (g_str_equal (record->action, "update"))
    {
      g_autofree char *changes = describe_changes (record);

      if (*changes == '\0')
        /* Translators: %s is a part of a person's data, e.g. "Plan: goal" */
        return g_strdup_printf (_("%s changed"), label);
      /* Translators: a part of a person's data, then what changed in it,
       * e.g. "Plan: goal changed (Status: Planned → Achieved)" */
      return g_strdup_printf (_("%s changed (%s)"), label, changes);
    }

  /* Translators: a part of a person's data, then an action of the log */
  return g_strdup_printf (_("%s: %s"), label, record->action);
}

/**
 * korak_history_describe:
 *
 * Returns: (transfer full): what @record changed, in one translated line.
 */
char *
korak_history_describe (const KorakAuditRecord *record)
{
  const char *table;
  const char *action;

  g_return_val_if_fail (record != NULL, NULL);

  table = record->table_name ? record->table_name : "";
  action = record->action ? record->action : "";

  if (g_str_equal (table, "participant"))
    {
      if (g_str_equal (action, "insert"))
        return g_strdup (_("Profile created"));
      if (g_str_equal (action, "archive"))
        return g_strdup (_("Profile archived"));
      if (g_str_equal (action, "restore"))
        return g_strdup (_("Profile restored from the archive"));
      if (g_str_equal (action, "erase"))
        return g_strdup (_("Personal data erased"));
    }

  if (g_str_equal (table, "attendance"))
    return describe_attendance (record);

  if (g_str_equal (table, "enrolment") && g_str_equal (action, "insert") && record->context != NULL)
    /* Translators: %s is a cohort's name */
    return g_strdup_printf (_("Enrolled in %s"), record->context);

  if (g_str_equal (table, "journal_entry") && g_str_equal (action, "insert"))
    {
      g_autofree char *kind = format_value (table, "kind", value_of (record, "kind"));

      /* Translators: %s is Small win, Milestone or Concern */
      return g_strdup_printf (_("Journal: %s added"), kind);
    }

  if (g_str_equal (table, "plan_review") && g_str_equal (action, "insert"))
    {
      const char *kind = value_of (record, "kind");

      if (g_strcmp0 (kind, "agreed") == 0)
        return g_strdup (_("Plan agreed"));
      if (g_strcmp0 (kind, "review") == 0)
        return g_strdup (_("Plan reviewed"));
      return g_strdup (_("Plan saved"));
    }

  if (g_str_equal (table, "assessment_score") && record->context != NULL)
    {
      /* Translators: %s is a competency area, e.g. "Assessment: Communication" */
      g_autofree char *label = g_strdup_printf (_("Assessment: %s"), korak_competency_area_label (record->context));

      return generic (label, record);
    }

  if (g_str_equal (table, "plan_activity") && record->context != NULL)
    {
      /* Translators: %s is an activity, e.g. "Plan: training Sewing" */
      g_autofree char *label = g_strdup_printf (_("Plan: training %s"), korak_activity_label (record->context));

      return generic (label, record);
    }

  return generic (table_label (table), record);
}

/* ------------------------------------------------------------- model */

struct _KorakHistory
{
  GObject     parent_instance;

  KorakStore *store;
  gint64      participant_id;
  GPtrArray  *items;   /* KorakHistoryEntry */
};

static void korak_history_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakHistory, korak_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, korak_history_list_model_init))

static GType
korak_history_get_item_type (GListModel *model)
{
  return KORAK_TYPE_HISTORY_ENTRY;
}

static guint
korak_history_get_n_items (GListModel *model)
{
  return KORAK_HISTORY (model)->items->len;
}

static gpointer
korak_history_get_item (GListModel *model,
                        guint       position)
{
  KorakHistory *self = KORAK_HISTORY (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
korak_history_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_history_get_item_type;
  iface->get_n_items = korak_history_get_n_items;
  iface->get_item = korak_history_get_item;
}

static void
korak_history_dispose (GObject *object)
{
  KorakHistory *self = (KorakHistory *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_history_parent_class)->dispose (object);
}

static void
korak_history_class_init (KorakHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = korak_history_dispose;
}

static void
korak_history_init (KorakHistory *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KorakHistory *
korak_history_new (KorakStore *store,
                   gint64      participant_id)
{
  KorakHistory *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_HISTORY, NULL);
  self->store = g_object_ref (store);
  self->participant_id = participant_id;
  return self;
}

gint64
korak_history_get_participant_id (KorakHistory *self)
{
  g_return_val_if_fail (KORAK_IS_HISTORY (self), 0);
  return self->participant_id;
}

/* A score removed and entered again by the same save has the same
 * assessment and area; the two entries are written one after the other. */
static gboolean
same_score (const KorakAuditRecord *removed,
            const KorakAuditRecord *added)
{
  const char *a1 = NULL, *a2 = NULL, *r1 = NULL, *r2 = NULL;

  if (g_strcmp0 (removed->table_name, "assessment_score") != 0 ||
      g_strcmp0 (added->table_name, "assessment_score") != 0 ||
      g_strcmp0 (removed->action, "delete") != 0 || g_strcmp0 (added->action, "insert") != 0 ||
      removed->seq >= added->seq || added->seq - removed->seq > 64 ||
      removed->at == NULL || added->at == NULL || strncmp (removed->at, added->at, 16) != 0)
    return FALSE;

  korak_audit_record_lookup (removed, FALSE, "assessment_id", &a1);
  korak_audit_record_lookup (added, TRUE, "assessment_id", &a2);
  korak_audit_record_lookup (removed, FALSE, "area_id", &r1);
  korak_audit_record_lookup (added, TRUE, "area_id", &r2);

  return a1 != NULL && g_strcmp0 (a1, a2) == 0 && r1 != NULL && g_strcmp0 (r1, r2) == 0;
}

/* @records newest first; a removed-and-added score becomes one update in
 * the place of the addition, or nothing when it did not change. */
static void
merge_entered_again (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      KorakAuditRecord *added = g_ptr_array_index (records, i);

      if (g_strcmp0 (added->table_name, "assessment_score") != 0 || g_strcmp0 (added->action, "insert") != 0)
        continue;

      for (guint j = i + 1; j < records->len && j < i + 128; j++)
        {
          KorakAuditRecord *removed = g_ptr_array_index (records, j);
          g_autoptr(GPtrArray) changed = NULL;
          gboolean real_change = FALSE;

          if (!same_score (removed, added))
            continue;

          g_free (added->action);
          added->action = g_strdup ("update");
          added->old_map = g_steal_pointer (&removed->old_map);
          g_free (added->old_values);
          added->old_values = g_steal_pointer (&removed->old_values);
          g_ptr_array_remove_index (records, j);

          changed = korak_audit_record_changed_columns (added);
          for (guint c = 0; c < changed->len; c++)
            if (!g_str_equal (g_ptr_array_index (changed, c), "id"))
              real_change = TRUE;
          if (!real_change)
            g_ptr_array_remove_index (records, i--);
          break;
        }
    }
}

gboolean
korak_history_reload (KorakHistory  *self,
                      GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  guint old_len;

  g_return_val_if_fail (KORAK_IS_HISTORY (self), FALSE);

  records = korak_store_list_audit (self->store, self->participant_id, error);
  if (records == NULL)
    return FALSE;

  merge_entered_again (records);

  old_len = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (self->items, korak_history_entry_new (g_ptr_array_index (records, i)));

  if (old_len > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);

  return TRUE;
}
