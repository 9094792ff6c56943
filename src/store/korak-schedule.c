/* korak-schedule.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "korak-date.h"
#include "korak-holidays.h"
#include "korak-mediators-private.h"
#include "korak-schedule.h"
#include "korak-schedule-private.h"
#include "korak-store-private.h"

/*
 * Programmes, cohorts, staff, weekly patterns, sessions and attendance.
 *
 * Every public function that writes validates first, then runs in one
 * transaction (korak_store_begin … commit, rollback on any failure), so a
 * refused change leaves no row behind. Statements come from the store's
 * cache and are reset after use.
 */

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* Length of a session in hours, from its "HH:MM" text columns. */
#define HOURS(s) \
  "(((CAST(substr(" s ".end_time, 1, 2) AS INTEGER) * 60 + CAST(substr(" s ".end_time, 4, 2) AS INTEGER)) - " \
  "(CAST(substr(" s ".start_time, 1, 2) AS INTEGER) * 60 + CAST(substr(" s ".start_time, 4, 2) AS INTEGER))) / 60.0)"

/* People enrolled in a session's cohort on its date; one for an individual session. */
#define EXPECTED(s) \
  "(CASE WHEN " s ".kind = 'individual' THEN (" s ".participant_id IS NOT NULL) ELSE " \
  "(SELECT count(DISTINCT e.participant_id) FROM enrolment e WHERE e.cohort_id = " s ".cohort_id " \
  "AND e.start_date <= " s ".date AND (e.end_date IS NULL OR e.end_date >= " s ".date)) END)"

#define MAX_HOURS 24.0

/* ---------------------------------------------------------------- choices */

static const KorakChoice module_kinds[] = {
  { "workshops",     N_("Workshops") },
  { "work_practice", N_("Work practice") },
  { "exit_search",   N_("Searching for an exit") },
  { "other",         N_("Other") },
  { NULL, NULL }
};

static const KorakChoice staff_roles[] = {
  { "mentor",      N_("Mentor") },
  { "mediator",    N_("Intercultural mediator") },
  { "coordinator", N_("Coordinator") },
  { NULL, NULL }
};

static const KorakChoice session_kinds[] = {
  { "group",         N_("Group session") },
  { "individual",    N_("Individual session") },
  { "work_practice", N_("Work practice") },
  { "visit",         N_("Visit") },
  { NULL, NULL }
};

static const KorakChoice attendance_states[] = {
  { "present", N_("Present") },
  { "late",    N_("Late") },
  { "excused", N_("Excused") },
  { "absent",  N_("Absent") },
  { NULL, NULL }
};

static const KorakChoice skill_areas[] = {
  { "social",     N_("Social skills") },
  { "functional", N_("Functional skills") },
  { "work",       N_("Work skills") },
  { NULL, NULL }
};

/* The catalogue migration 2 seeds, in English, marked here for translation. */
static const char * const seeded_activities[] = {
  N_("Financial literacy"),
  N_("Computer skills"),
  N_("Everyday forms and procedures"),
  N_("Healthy living"),
  N_("Working in a group"),
  N_("Conflict resolution"),
  N_("Assertiveness"),
  N_("The local labour market"),
  N_("Visits to the library and public institutions"),
  N_("Slovenian language"),
  N_("Sewing"),
  N_("Gardening"),
  N_("Crafts"),
  N_("Woodwork"),
  N_("Cooking"),
};

static const char * const weekday_names[] = {
  NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

const KorakChoice *
korak_module_kinds (void)
{
  return module_kinds;
}

const KorakChoice *
korak_staff_roles (void)
{
  return staff_roles;
}

const KorakChoice *
korak_session_kinds (void)
{
  return session_kinds;
}

const KorakChoice *
korak_attendance_states (void)
{
  return attendance_states;
}

const KorakChoice *
korak_skill_areas (void)
{
  return skill_areas;
}

static gboolean
is_choice (const KorakChoice *choices,
           const char        *code)
{
  if (code == NULL)
    return FALSE;

  for (guint i = 0; choices[i].code != NULL; i++)
    if (g_str_equal (choices[i].code, code))
      return TRUE;

  return FALSE;
}

gboolean
korak_attendance_state_counts (const char *state)
{
  return g_strcmp0 (state, "present") == 0 || g_strcmp0 (state, "late") == 0;
}

const char *
korak_activity_label (const char *name)
{
  if (name == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (seeded_activities); i++)
    if (g_str_equal (seeded_activities[i], name))
      return _(seeded_activities[i]);

  return name;
}

/* ---------------------------------------------------------------- helpers */

static guint32
julian_from_iso (const char *iso)
{
  GDate date;
  int y, m, d;

  if (!korak_date_is_iso (iso) || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static void
iso_from_julian (guint32 julian,
                 char    out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04u-%02u-%02u",
              (guint)g_date_get_year (&date),
              (guint)g_date_get_month (&date),
              (guint)g_date_get_day (&date));
}

/* 1 Monday … 7 Sunday; GDate's day 1 (1 January of year 1) was a Monday. */
static int
weekday_of_julian (guint32 julian)
{
  return (int)((julian - 1) % 7) + 1;
}

static double
hours_between (const char *start,
               const char *end)
{
  int a = korak_time_minutes (start), b = korak_time_minutes (end);

  if (a < 0 || b < 0 || b <= a)
    return 0;

  return (b - a) / 60.0;
}

char *
korak_time_parse (const char  *text,
                  GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  const char *p = stripped;
  int hours = 0, minutes = 0, digits = 0;

  while (g_ascii_isdigit (*p) && digits < 3)
    hours = hours * 10 + (*p++ - '0'), digits++;

  if (digits >= 1 && digits <= 2 && *p == ':' &&
      g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && p[3] == '\0')
    {
      minutes = (p[1] - '0') * 10 + (p[2] - '0');
      if (hours <= 23 && minutes <= 59)
        return g_strdup_printf ("%02d:%02d", hours, minutes);
    }

  g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
               /* Translators: %s is what the user typed. */
               _("“%s” is not a time. Type hours and minutes from 00:00 to 23:59, for example 09:00."),
               stripped);
  return NULL;
}

static gboolean
has_control_chars (const char *text,
                   gboolean    multiline)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && !(multiline && (c == '\n' || c == '\t')))
        return TRUE;
    }
  return FALSE;
}

/* Checks free text the way participant fields are checked; @label is
 * already translated. */
static gboolean
check_text (const char  *label,
            const char  *value,
            gboolean     required,
            gboolean     multiline,
            GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("%s is required."), label);
      return FALSE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("%s contains characters that are not valid text. Type it again."), label);
      return FALSE;
    }

  if (g_utf8_strlen (value, -1) > KORAK_FIELD_MAX_CHARS)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("%s is too long: at most %d characters fit."), label, KORAK_FIELD_MAX_CHARS);
      return FALSE;
    }

  if (required)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (value));

      if (*stripped == '\0')
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("%s is required."), label);
          return FALSE;
        }
    }

  if (has_control_chars (value, multiline))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("%s contains control characters. Remove them and try again."), label);
      return FALSE;
    }

  return TRUE;
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
display_name (const char *given,
              const char *family)
{
  return g_strstrip (g_strdup_printf ("%s %s", given ? given : "", family ? family : ""));
}

static int
changes (KorakStore *store)
{
  return sqlite3_changes (korak_store_get_db (store));
}

/* Runs a one-row, one-column query with one int64 parameter. */
static gboolean
query_exists (KorakStore  *store,
              const char  *sql,
              gint64       id,
              gboolean    *exists,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* Fails with NOT_FOUND and @message when the row is missing. */
static gboolean
require_row (KorakStore  *store,
             const char  *sql,
             gint64       id,
             const char  *message,
             GError     **error)
{
  gboolean exists = FALSE;

  if (!query_exists (store, sql, id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_cohort (KorakStore  *store,
                gint64       cohort_id,
                GError     **error)
{
  if (cohort_id == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose a cohort first."));
      return FALSE;
    }

  return require_row (store, "SELECT 1 FROM cohort WHERE id = ?", cohort_id,
                      _("This cohort no longer exists in the database."), error);
}

static gboolean
require_staff (KorakStore  *store,
               gint64       staff_id,
               GError     **error)
{
  if (staff_id == 0)
    return TRUE;

  return require_row (store, "SELECT 1 FROM staff WHERE id = ?", staff_id,
                      _("The chosen staff member no longer exists. Choose another one."), error);
}

static gboolean
require_activity (KorakStore  *store,
                  gint64       activity_id,
                  GError     **error)
{
  if (activity_id == 0)
    return TRUE;

  return require_row (store, "SELECT 1 FROM activity WHERE id = ?", activity_id,
                      _("The chosen activity no longer exists. Choose another one."), error);
}

/* Whether @participant_id has an enrolment in @cohort_id covering @date
 * (any date when @date is NULL). */
static gboolean
is_enrolled (KorakStore  *store,
             gint64       participant_id,
             gint64       cohort_id,
             const char  *date,
             gboolean    *enrolled,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT 1 FROM enrolment WHERE participant_id = ?1 AND cohort_id = ?2 "
                                    "AND (?3 IS NULL OR (start_date <= ?3 AND (end_date IS NULL OR end_date >= ?3))) "
                                    "LIMIT 1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_int64 (stmt, 2, cohort_id);
  korak_bind_text (stmt, 3, date);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  *enrolled = rc == SQLITE_ROW;
  return TRUE;
}

static char *
participant_name (KorakStore *store,
                  gint64      participant_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (!(stmt = korak_store_prepare (store, "SELECT given_name, family_name FROM participant WHERE id = ?", NULL)))
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, participant_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = display_name ((const char *)sqlite3_column_text (stmt, 0),
                         (const char *)sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  return name ? name : g_strdup ("");
}

/* ------------------------------------------------------------------ staff */

KorakStaffRecord *
korak_staff_record_new (void)
{
  return g_new0 (KorakStaffRecord, 1);
}

KorakStaffRecord *
korak_staff_record_copy (const KorakStaffRecord *record)
{
  KorakStaffRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = korak_staff_record_new ();
  copy->id = record->id;
  copy->given_name = g_strdup (record->given_name);
  copy->family_name = g_strdup (record->family_name);
  copy->role = g_strdup (record->role);
  copy->languages = g_strdup (record->languages);
  copy->email = g_strdup (record->email);
  copy->phone = g_strdup (record->phone);
  copy->archived_at = g_strdup (record->archived_at);

  return copy;
}

void
korak_staff_record_free (KorakStaffRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->given_name);
  g_free (record->family_name);
  g_free (record->role);
  g_free (record->languages);
  g_free (record->email);
  g_free (record->phone);
  g_free (record->archived_at);
  g_free (record);
}

char *
korak_staff_record_display_name (const KorakStaffRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return display_name (record->given_name, record->family_name);
}

#define STAFF_SELECT "SELECT id, given_name, family_name, role, languages, email, phone, archived_at FROM staff "

static KorakStaffRecord *
staff_from_row (sqlite3_stmt *stmt)
{
  KorakStaffRecord *record = korak_staff_record_new ();

  record->id = sqlite3_column_int64 (stmt, 0);
  record->given_name = korak_column_dup (stmt, 1);
  record->family_name = korak_column_dup (stmt, 2);
  record->role = korak_column_dup (stmt, 3);
  record->languages = korak_column_dup (stmt, 4);
  record->email = korak_column_dup (stmt, 5);
  record->phone = korak_column_dup (stmt, 6);
  record->archived_at = korak_column_dup (stmt, 7);

  return record;
}

static gboolean
validate_staff (const KorakStaffRecord  *record,
                GError                 **error)
{
  if (!check_text (_("Given name"), record->given_name, TRUE, FALSE, error) ||
      !check_text (_("Family name"), record->family_name, FALSE, FALSE, error) ||
      !check_text (_("Languages"), record->languages, FALSE, FALSE, error))
    return FALSE;

  if (!is_choice (staff_roles, record->role))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose the role: mentor, intercultural mediator or coordinator."));
      return FALSE;
    }

  /* The same rules as a participant's email and phone. */
  return korak_participant_field_validate (KORAK_FIELD_EMAIL, record->email, error) &&
         korak_participant_field_validate (KORAK_FIELD_PHONE, record->phone, error);
}

gboolean
korak_store_save_staff (KorakStore        *store,
                        KorakStaffRecord  *record,
                        GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean is_new;
  gint64 id;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!validate_staff (record, error))
    return FALSE;

  is_new = record->id == 0;
  if (!korak_store_begin (store, error))
    return FALSE;

  if (is_new)
    stmt = korak_store_prepare (store,
                                "INSERT INTO staff (id, given_name, family_name, role, languages, email, phone) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  else
    stmt = korak_store_prepare (store,
                                "UPDATE staff SET given_name = ?2, family_name = ?3, role = ?4, languages = ?5, "
                                "email = ?6, phone = ?7, updated_at = " NOW " WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  korak_bind_text (stmt, 2, record->given_name);
  sqlite3_bind_text (stmt, 3, record->family_name ? record->family_name : "", -1, SQLITE_TRANSIENT);
  korak_bind_text (stmt, 4, record->role);
  korak_bind_text (stmt, 5, record->languages);
  korak_bind_text (stmt, 6, record->email);
  korak_bind_text (stmt, 7, record->phone);

  if (is_new)
    {
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      if (changes (store) == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                       _("This staff member no longer exists in the database."));
          goto failed;
        }
      id = record->id;
    }

  if (!korak_store_commit (store, error))
    goto failed;

  record->id = id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_set_staff_archived (KorakStore  *store,
                                gint64       staff_id,
                                gboolean     archived,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE staff SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, " NOW ") "
                                    "ELSE NULL END, updated_at = " NOW " WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_int (stmt, 2, archived);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;
  if (changes (store) == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This staff member no longer exists in the database."));
      goto failed;
    }

  return korak_store_commit (store, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

GPtrArray *
korak_store_list_staff (KorakStore  *store,
                        const char  *role,
                        gboolean     include_archived,
                        GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_staff_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    STAFF_SELECT "WHERE (?1 IS NULL OR role = ?1) AND (?2 OR archived_at IS NULL) "
                                    "ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id", error)))
    return NULL;
  korak_bind_text (stmt, 1, role);
  sqlite3_bind_int (stmt, 2, include_archived);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, staff_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* ------------------------------------------------------------- programmes */

static KorakPlanStep *
plan_step_new (const char *kind,
               int         weeks)
{
  KorakPlanStep *step = g_new0 (KorakPlanStep, 1);

  step->kind = g_strdup (kind);
  step->weeks = weeks;
  return step;
}

static void
plan_step_free (KorakPlanStep *step)
{
  if (step == NULL)
    return;

  g_free (step->kind);
  g_free (step);
}

static KorakProgrammeRecord *
programme_record_new_empty (void)
{
  KorakProgrammeRecord *record = g_new0 (KorakProgrammeRecord, 1);

  record->plan = g_ptr_array_new_with_free_func ((GDestroyNotify)plan_step_free);
  return record;
}

KorakProgrammeRecord *
korak_programme_record_new (void)
{
  KorakProgrammeRecord *record = programme_record_new_empty ();

  korak_programme_record_add_step (record, "workshops", 12);
  korak_programme_record_add_step (record, "work_practice", 8);
  korak_programme_record_add_step (record, "exit_search", 4);

  return record;
}

void
korak_programme_record_add_step (KorakProgrammeRecord *record,
                                 const char           *kind,
                                 int                   weeks)
{
  g_return_if_fail (record != NULL);

  if (record->plan == NULL)
    record->plan = g_ptr_array_new_with_free_func ((GDestroyNotify)plan_step_free);
  g_ptr_array_add (record->plan, plan_step_new (kind, weeks));
}

KorakProgrammeRecord *
korak_programme_record_copy (const KorakProgrammeRecord *record)
{
  KorakProgrammeRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = programme_record_new_empty ();
  copy->id = record->id;
  copy->name = g_strdup (record->name);
  copy->target_group = g_strdup (record->target_group);
  copy->required_hours = record->required_hours;
  copy->archived_at = g_strdup (record->archived_at);
  for (guint i = 0; record->plan && i < record->plan->len; i++)
    {
      const KorakPlanStep *step = g_ptr_array_index (record->plan, i);

      korak_programme_record_add_step (copy, step->kind, step->weeks);
    }

  return copy;
}

void
korak_programme_record_free (KorakProgrammeRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_free (record->target_group);
  g_clear_pointer (&record->plan, g_ptr_array_unref);
  g_free (record->archived_at);
  g_free (record);
}

/* The plan as stored in programme.module_plan: [{"kind":…,"weeks":…},…].
 * Kinds are validated codes, so they need no escaping. */
static char *
plan_to_json (GPtrArray *plan)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < plan->len; i++)
    {
      const KorakPlanStep *step = g_ptr_array_index (plan, i);

      g_string_append_printf (json, "%s{\"kind\":\"%s\",\"weeks\":%d}", i ? "," : "", step->kind, step->weeks);
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* Reads a stored plan; a damaged one reads as empty. */
static void
plan_from_json (KorakStore *store,
                const char *json,
                GPtrArray  *plan)
{
  sqlite3_stmt *stmt;

  if (json == NULL || !(stmt = korak_store_prepare (store,
                                                    "SELECT json_extract(value, '$.kind'), json_extract(value, '$.weeks') "
                                                    "FROM json_each(?1) WHERE json_valid(?1) ORDER BY key", NULL)))
    return;

  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *)sqlite3_column_text (stmt, 0);
      int weeks = sqlite3_column_int (stmt, 1);

      if (is_choice (module_kinds, kind) && weeks >= 1)
        g_ptr_array_add (plan, plan_step_new (kind, weeks));
    }
  sqlite3_reset (stmt);
}

static gboolean
validate_programme (const KorakProgrammeRecord  *record,
                    GError                     **error)
{
  if (!check_text (_("Name"), record->name, TRUE, FALSE, error))
    return FALSE;

  if (record->target_group != NULL && *record->target_group != '\0' &&
      !is_choice (korak_participant_target_groups (), record->target_group))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The target group has a value Korak does not know. Pick one from the list."));
      return FALSE;
    }

  if (record->required_hours < 0 || record->required_hours > 10000)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The required hours must be between 0 (none) and 10000."));
      return FALSE;
    }

  if (record->plan == NULL || record->plan->len == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("A programme needs at least one module in its plan. Add a module."));
      return FALSE;
    }

  for (guint i = 0; i < record->plan->len; i++)
    {
      const KorakPlanStep *step = g_ptr_array_index (record->plan, i);

      if (!is_choice (module_kinds, step->kind))
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Module %u of the plan has a kind Korak does not know. Pick one from the list."),
                       i + 1);
          return FALSE;
        }
      if (step->weeks < 1 || step->weeks > 104)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Module %u of the plan must last from 1 to 104 weeks."), i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
korak_store_save_programme (KorakStore            *store,
                            KorakProgrammeRecord  *record,
                            GError               **error)
{
  g_autofree char *plan = NULL;
  sqlite3_stmt *stmt;
  gboolean is_new;
  gint64 id;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!validate_programme (record, error))
    return FALSE;

  plan = plan_to_json (record->plan);
  is_new = record->id == 0;
  if (!korak_store_begin (store, error))
    return FALSE;

  if (is_new)
    stmt = korak_store_prepare (store,
                                "INSERT INTO programme (id, name, target_group, module_plan, required_hours) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  else
    stmt = korak_store_prepare (store,
                                "UPDATE programme SET name = ?2, target_group = ?3, module_plan = ?4, "
                                "required_hours = ?5, updated_at = " NOW " WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  korak_bind_text (stmt, 2, record->name);
  korak_bind_text (stmt, 3, record->target_group);
  korak_bind_text (stmt, 4, plan);
  if (record->required_hours > 0)
    sqlite3_bind_int (stmt, 5, record->required_hours);
  else
    sqlite3_bind_null (stmt, 5);

  if (is_new)
    {
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      if (changes (store) == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                       _("This programme no longer exists in the database."));
          goto failed;
        }
      id = record->id;
    }

  if (!korak_store_commit (store, error))
    goto failed;

  record->id = id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

#define PROGRAMME_SELECT "SELECT id, name, target_group, module_plan, coalesce(required_hours, 0), archived_at FROM programme "

static KorakProgrammeRecord *
programme_from_row (KorakStore   *store,
                    sqlite3_stmt *stmt)
{
  KorakProgrammeRecord *record = programme_record_new_empty ();

  record->id = sqlite3_column_int64 (stmt, 0);
  record->name = korak_column_dup (stmt, 1);
  record->target_group = korak_column_dup (stmt, 2);
  plan_from_json (store, (const char *)sqlite3_column_text (stmt, 3), record->plan);
  record->required_hours = sqlite3_column_int (stmt, 4);
  record->archived_at = korak_column_dup (stmt, 5);

  return record;
}

KorakProgrammeRecord *
korak_store_get_programme (KorakStore  *store,
                           gint64       programme_id,
                           GError     **error)
{
  KorakProgrammeRecord *record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, PROGRAMME_SELECT "WHERE id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = programme_from_row (store, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                 _("This programme no longer exists in the database."));
  else
    korak_store_set_error (store, rc, error);
  sqlite3_reset (stmt);

  return record;
}

GPtrArray *
korak_store_list_programmes (KorakStore  *store,
                             GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_programme_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, PROGRAMME_SELECT "ORDER BY name COLLATE NOCASE, id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, programme_from_row (store, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* ---------------------------------------------------------------- cohorts */

KorakModuleRecord *
korak_module_record_new (void)
{
  return g_new0 (KorakModuleRecord, 1);
}

KorakModuleRecord *
korak_module_record_copy (const KorakModuleRecord *record)
{
  KorakModuleRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = korak_module_record_new ();
  copy->id = record->id;
  copy->cohort_id = record->cohort_id;
  copy->ordinal = record->ordinal;
  copy->kind = g_strdup (record->kind);
  copy->start_date = g_strdup (record->start_date);
  copy->end_date = g_strdup (record->end_date);

  return copy;
}

void
korak_module_record_free (KorakModuleRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->kind);
  g_free (record->start_date);
  g_free (record->end_date);
  g_free (record);
}

KorakCohortDetail *
korak_cohort_detail_new (void)
{
  KorakCohortDetail *detail = g_new0 (KorakCohortDetail, 1);

  detail->modules = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_module_record_free);
  return detail;
}

KorakCohortDetail *
korak_cohort_detail_copy (const KorakCohortDetail *detail)
{
  KorakCohortDetail *copy;

  g_return_val_if_fail (detail != NULL, NULL);

  copy = korak_cohort_detail_new ();
  copy->id = detail->id;
  copy->programme_id = detail->programme_id;
  copy->programme_name = g_strdup (detail->programme_name);
  copy->required_hours = detail->required_hours;
  copy->name = g_strdup (detail->name);
  copy->site = g_strdup (detail->site);
  copy->start_date = g_strdup (detail->start_date);
  copy->end_date = g_strdup (detail->end_date);
  copy->mentor_id = detail->mentor_id;
  copy->mediator_id = detail->mediator_id;
  copy->archived_at = g_strdup (detail->archived_at);
  copy->n_enrolled = detail->n_enrolled;
  for (guint i = 0; detail->modules && i < detail->modules->len; i++)
    g_ptr_array_add (copy->modules, korak_module_record_copy (g_ptr_array_index (detail->modules, i)));

  return copy;
}

static void
cohort_detail_clear (KorakCohortDetail *detail)
{
  g_clear_pointer (&detail->programme_name, g_free);
  g_clear_pointer (&detail->name, g_free);
  g_clear_pointer (&detail->site, g_free);
  g_clear_pointer (&detail->start_date, g_free);
  g_clear_pointer (&detail->end_date, g_free);
  g_clear_pointer (&detail->archived_at, g_free);
  g_clear_pointer (&detail->modules, g_ptr_array_unref);
}

void
korak_cohort_detail_free (KorakCohortDetail *detail)
{
  if (detail == NULL)
    return;

  cohort_detail_clear (detail);
  g_free (detail);
}

#define COHORT_SELECT \
  "SELECT c.id, c.programme_id, p.name, coalesce(p.required_hours, 0), c.name, c.site, c.start_date, " \
  "c.end_date, c.mentor_id, c.mediator_id, c.archived_at, " \
  "(SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status = 'active') " \
  "FROM cohort c JOIN programme p ON p.id = c.programme_id "

#define MODULE_SELECT "SELECT m.id, m.cohort_id, m.ordinal, m.kind, m.start_date, m.end_date FROM module m "

static KorakCohortDetail *
cohort_from_row (sqlite3_stmt *stmt)
{
  KorakCohortDetail *detail = korak_cohort_detail_new ();

  detail->id = sqlite3_column_int64 (stmt, 0);
  detail->programme_id = sqlite3_column_int64 (stmt, 1);
  detail->programme_name = korak_column_dup (stmt, 2);
  detail->required_hours = sqlite3_column_int (stmt, 3);
  detail->name = korak_column_dup (stmt, 4);
  detail->site = korak_column_dup (stmt, 5);
  detail->start_date = korak_column_dup (stmt, 6);
  detail->end_date = korak_column_dup (stmt, 7);
  detail->mentor_id = sqlite3_column_int64 (stmt, 8);
  detail->mediator_id = sqlite3_column_int64 (stmt, 9);
  detail->archived_at = korak_column_dup (stmt, 10);
  detail->n_enrolled = sqlite3_column_int (stmt, 11);

  return detail;
}

static KorakModuleRecord *
module_from_row (sqlite3_stmt *stmt)
{
  KorakModuleRecord *module = korak_module_record_new ();

  module->id = sqlite3_column_int64 (stmt, 0);
  module->cohort_id = sqlite3_column_int64 (stmt, 1);
  module->ordinal = sqlite3_column_int (stmt, 2);
  module->kind = korak_column_dup (stmt, 3);
  module->start_date = korak_column_dup (stmt, 4);
  module->end_date = korak_column_dup (stmt, 5);

  return module;
}

static GPtrArray *
list_modules (KorakStore  *store,
              gint64       cohort_id,
              GError     **error)
{
  g_autoptr(GPtrArray) modules = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_module_record_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, MODULE_SELECT "WHERE m.cohort_id = ? ORDER BY m.ordinal", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (modules, module_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&modules);
}

KorakCohortDetail *
korak_store_get_cohort (KorakStore  *store,
                        gint64       cohort_id,
                        GError     **error)
{
  g_autoptr(KorakCohortDetail) detail = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, COHORT_SELECT "WHERE c.id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    detail = cohort_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This cohort no longer exists in the database."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  g_clear_pointer (&detail->modules, g_ptr_array_unref);
  if (!(detail->modules = list_modules (store, cohort_id, error)))
    return NULL;

  return g_steal_pointer (&detail);
}

GPtrArray *
korak_store_list_cohort_details (KorakStore  *store,
                                 GError     **error)
{
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_cohort_detail_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    COHORT_SELECT "WHERE c.archived_at IS NULL "
                                    "ORDER BY c.start_date DESC, c.name COLLATE NOCASE, c.id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakCohortDetail *detail = cohort_from_row (stmt);

      g_ptr_array_add (details, detail);
      g_hash_table_insert (by_id, &detail->id, detail);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  /* Every module in one query rather than one query per cohort. */
  if (!(stmt = korak_store_prepare (store, MODULE_SELECT "ORDER BY m.cohort_id, m.ordinal", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 cohort_id = sqlite3_column_int64 (stmt, 1);
      KorakCohortDetail *detail = g_hash_table_lookup (by_id, &cohort_id);

      if (detail != NULL)
        g_ptr_array_add (detail->modules, module_from_row (stmt));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&details);
}

static gboolean
validate_cohort (KorakStore               *store,
                 const KorakCohortDetail  *detail,
                 GError                  **error)
{
  if (!check_text (_("Name"), detail->name, TRUE, FALSE, error) ||
      !check_text (_("Site"), detail->site, FALSE, FALSE, error))
    return FALSE;

  if (!korak_date_is_iso (detail->start_date))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The cohort needs a start date, for example 2026-09-07."));
      return FALSE;
    }

  if (detail->programme_id == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose the programme the cohort runs."));
      return FALSE;
    }

  return require_row (store, "SELECT 1 FROM programme WHERE id = ?", detail->programme_id,
                      _("The chosen programme no longer exists. Choose another one."), error) &&
         require_staff (store, detail->mentor_id, error) &&
         require_staff (store, detail->mediator_id, error);
}

/* Modules back to back from @start: N weeks last N*7 days. */
static GPtrArray *
modules_from_plan (GPtrArray  *plan,
                   const char *start)
{
  GPtrArray *modules = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_module_record_free);
  guint32 day = julian_from_iso (start);

  for (guint i = 0; i < plan->len; i++)
    {
      const KorakPlanStep *step = g_ptr_array_index (plan, i);
      KorakModuleRecord *module = korak_module_record_new ();
      char iso[11];

      module->ordinal = (int)i + 1;
      module->kind = g_strdup (step->kind);
      iso_from_julian (day, iso);
      module->start_date = g_strdup (iso);
      day += (guint32)step->weeks * 7;
      iso_from_julian (day - 1, iso);
      module->end_date = g_strdup (iso);
      g_ptr_array_add (modules, module);
    }

  return modules;
}

static gboolean
insert_modules (KorakStore  *store,
                gint64       cohort_id,
                GPtrArray   *modules,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO module (id, cohort_id, ordinal, kind, start_date, end_date) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return FALSE;

  for (guint i = 0; i < modules->len; i++)
    {
      KorakModuleRecord *module = g_ptr_array_index (modules, i);

      sqlite3_bind_int64 (stmt, 2, cohort_id);
      sqlite3_bind_int (stmt, 3, module->ordinal);
      korak_bind_text (stmt, 4, module->kind);
      korak_bind_text (stmt, 5, module->start_date);
      korak_bind_text (stmt, 6, module->end_date);
      if (!korak_store_insert_with_id (store, stmt, &module->id, error))
        return FALSE;
      module->cohort_id = cohort_id;
    }

  return TRUE;
}

static gboolean
cohort_start_date (KorakStore  *store,
                   gint64       cohort_id,
                   char       **start,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, "SELECT start_date FROM cohort WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *start = korak_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This cohort no longer exists in the database."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
korak_store_save_cohort (KorakStore         *store,
                         KorakCohortDetail  *detail,
                         GError            **error)
{
  g_autoptr(KorakProgrammeRecord) programme = NULL;
  g_autoptr(GPtrArray) modules = NULL;
  g_autoptr(KorakCohortDetail) fresh = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (detail != NULL, FALSE);

  if (!validate_cohort (store, detail, error))
    return FALSE;

  if (detail->id == 0)
    {
      if (!(programme = korak_store_get_programme (store, detail->programme_id, error)))
        return FALSE;
      if (programme->plan->len == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("The programme “%s” has no module plan. Add its modules to the programme first."),
                       programme->name);
          return FALSE;
        }
      modules = modules_from_plan (programme->plan, detail->start_date);
    }
  else
    {
      g_autofree char *stored_start = NULL;

      if (!cohort_start_date (store, detail->id, &stored_start, error))
        return FALSE;
      if (g_strcmp0 (stored_start, detail->start_date) != 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("The start of an existing cohort follows its modules. "
                         "To move the cohort, change the dates of its modules."));
          return FALSE;
        }
    }

  if (!korak_store_begin (store, error))
    return FALSE;

  if (detail->id == 0)
    {
      const KorakModuleRecord *last = g_ptr_array_index (modules, modules->len - 1);

      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO cohort (id, programme_id, name, site, start_date, end_date, "
                                        "mentor_id, mediator_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 2, detail->programme_id);
      korak_bind_text (stmt, 3, detail->name);
      korak_bind_text (stmt, 4, detail->site);
      korak_bind_text (stmt, 5, detail->start_date);
      korak_bind_text (stmt, 6, last->end_date);
      bind_id (stmt, 7, detail->mentor_id);
      bind_id (stmt, 8, detail->mediator_id);
      if (!korak_store_insert_with_id (store, stmt, &id, error) ||
          !insert_modules (store, id, modules, error))
        goto failed;
    }
  else
    {
      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE cohort SET programme_id = ?2, name = ?3, site = ?4, mentor_id = ?5, "
                                        "mediator_id = ?6, updated_at = " NOW " WHERE id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, detail->id);
      sqlite3_bind_int64 (stmt, 2, detail->programme_id);
      korak_bind_text (stmt, 3, detail->name);
      korak_bind_text (stmt, 4, detail->site);
      bind_id (stmt, 5, detail->mentor_id);
      bind_id (stmt, 6, detail->mediator_id);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      id = detail->id;
    }

  if (!korak_store_commit (store, error))
    goto failed;

  /* Hand back what the database holds now, read-only fields included. */
  if (!(fresh = korak_store_get_cohort (store, id, error)))
    return FALSE;
  cohort_detail_clear (detail);
  *detail = *fresh;
  g_free (g_steal_pointer (&fresh));

  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_save_module_dates (KorakStore  *store,
                               gint64       cohort_id,
                               GPtrArray   *modules,
                               GError     **error)
{
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) ends = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!require_cohort (store, cohort_id, error))
    return FALSE;

  if (modules == NULL || modules->len == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("A cohort needs at least one module."));
      return FALSE;
    }

  starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  ends = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < modules->len; i++)
    {
      const KorakModuleRecord *module = g_ptr_array_index (modules, i);
      guint32 start = julian_from_iso (module->start_date);
      guint32 end = julian_from_iso (module->end_date);

      if (!is_choice (module_kinds, module->kind))
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Module %u has a kind Korak does not know. Pick one from the list."), i + 1);
          return FALSE;
        }
      if (start == 0 || end == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Module %u needs a start and an end date, for example 2026-09-07."), i + 1);
          return FALSE;
        }
      if (end < start)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Module %u ends before it starts. Make its end date the same as or later than its start."),
                       i + 1);
          return FALSE;
        }
      if (i > 0 && start <= g_array_index (ends, guint32, i - 1))
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Module %u must start after module %u ends. Modules follow one another without overlapping."),
                       i + 1, i);
          return FALSE;
        }
      g_array_append_val (starts, start);
      g_array_append_val (ends, end);
    }

  /* A session that has attendance must stay inside the cohort's dates. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT s.date FROM session s WHERE s.cohort_id = ? "
                                    "AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id) "
                                    "GROUP BY s.date ORDER BY s.date", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = (const char *)sqlite3_column_text (stmt, 0);
      guint32 day = julian_from_iso (date);
      gboolean inside = FALSE;

      for (guint i = 0; i < starts->len && !inside; i++)
        inside = day >= g_array_index (starts, guint32, i) && day <= g_array_index (ends, guint32, i);

      if (!inside)
        {
          g_autofree char *shown = korak_date_format (date);

          sqlite3_reset (stmt);
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("The session on %s has attendance and would fall outside the new module dates. "
                         "Keep that day inside a module, or move the session first."), shown);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  if (!korak_store_begin (store, error))
    return FALSE;

  /* Update in place by ordinal: deleting a module would take the weekly
   * patterns that belong to it with it. */
  for (guint i = 0; i < modules->len; i++)
    {
      const KorakModuleRecord *module = g_ptr_array_index (modules, i);

      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE module SET kind = ?3, start_date = ?4, end_date = ?5, updated_at = " NOW " "
                                        "WHERE cohort_id = ?1 AND ordinal = ?2", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, cohort_id);
      sqlite3_bind_int (stmt, 2, (int)i + 1);
      korak_bind_text (stmt, 3, module->kind);
      korak_bind_text (stmt, 4, module->start_date);
      korak_bind_text (stmt, 5, module->end_date);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;

      if (changes (store) == 0)
        {
          gint64 id;

          if (!(stmt = korak_store_prepare (store,
                                            "INSERT INTO module (id, cohort_id, ordinal, kind, start_date, end_date) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
            goto failed;
          sqlite3_bind_int64 (stmt, 2, cohort_id);
          sqlite3_bind_int (stmt, 3, (int)i + 1);
          korak_bind_text (stmt, 4, module->kind);
          korak_bind_text (stmt, 5, module->start_date);
          korak_bind_text (stmt, 6, module->end_date);
          if (!korak_store_insert_with_id (store, stmt, &id, error))
            goto failed;
        }
    }

  if (!(stmt = korak_store_prepare (store, "DELETE FROM module WHERE cohort_id = ?1 AND ordinal > ?2", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  sqlite3_bind_int (stmt, 2, (int)modules->len);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE cohort SET start_date = ?2, end_date = ?3, updated_at = " NOW " WHERE id = ?1",
                                    error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  korak_bind_text (stmt, 2, ((KorakModuleRecord *)g_ptr_array_index (modules, 0))->start_date);
  korak_bind_text (stmt, 3, ((KorakModuleRecord *)g_ptr_array_index (modules, modules->len - 1))->end_date);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  /* Sessions belong to the module their date now falls in. */
  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE session SET module_id = (SELECT m.id FROM module m WHERE m.cohort_id = session.cohort_id "
                                    "AND session.date BETWEEN m.start_date AND m.end_date ORDER BY m.ordinal LIMIT 1) "
                                    "WHERE cohort_id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  if (!korak_store_commit (store, error))
    goto failed;

  /* Give the caller's records their ids and ordinals. */
  if ((stmt = korak_store_prepare (store, "SELECT id FROM module WHERE cohort_id = ?1 AND ordinal = ?2", NULL)))
    for (guint i = 0; i < modules->len; i++)
      {
        KorakModuleRecord *module = g_ptr_array_index (modules, i);

        sqlite3_bind_int64 (stmt, 1, cohort_id);
        sqlite3_bind_int (stmt, 2, (int)i + 1);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          module->id = sqlite3_column_int64 (stmt, 0);
        sqlite3_reset (stmt);
        module->cohort_id = cohort_id;
        module->ordinal = (int)i + 1;
      }

  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------- enrolment */

void
korak_member_record_free (KorakMemberRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->display_name);
  g_free (record->start_date);
  g_free (record->end_date);
  g_free (record->status);
  g_free (record);
}

typedef struct
{
  char   *start_date;
  char   *end_date;
} CohortDates;

static gboolean
cohort_dates (KorakStore   *store,
              gint64        cohort_id,
              CohortDates  *dates,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, "SELECT start_date, end_date FROM cohort WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      dates->start_date = korak_column_dup (stmt, 0);
      dates->end_date = korak_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This cohort no longer exists in the database."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
cohort_dates_clear (CohortDates *dates)
{
  g_clear_pointer (&dates->start_date, g_free);
  g_clear_pointer (&dates->end_date, g_free);
}

gboolean
korak_store_enrol (KorakStore  *store,
                   gint64       participant_id,
                   gint64       cohort_id,
                   const char  *start_date,
                   GError     **error)
{
  CohortDates dates = { NULL, NULL };
  char start[11], day_before[11];
  sqlite3_stmt *stmt;
  gint64 current_id = 0, current_cohort = 0, id;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!korak_date_is_iso (start_date))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The enrolment needs a start date, for example 2026-09-07."));
      return FALSE;
    }
  if (!require_row (store, "SELECT 1 FROM participant WHERE id = ?", participant_id,
                    _("This participant no longer exists in the database."), error) ||
      !require_cohort (store, cohort_id, error) ||
      !cohort_dates (store, cohort_id, &dates, error))
    return FALSE;

  /* Someone enrolled before the group starts begins with the group. */
  g_strlcpy (start, strcmp (start_date, dates.start_date) < 0 ? dates.start_date : start_date, sizeof start);
  if (dates.end_date != NULL && strcmp (start, dates.end_date) > 0)
    {
      g_autofree char *shown = korak_date_format (dates.end_date);

      cohort_dates_clear (&dates);
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The cohort ends on %s, before this enrolment would start. Choose an earlier date or another cohort."),
                   shown);
      return FALSE;
    }
  cohort_dates_clear (&dates);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, cohort_id FROM enrolment WHERE participant_id = ? AND status = 'active'",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      current_id = sqlite3_column_int64 (stmt, 0);
      current_cohort = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  /* Already in this group: nothing to do. */
  if (current_cohort == cohort_id)
    return TRUE;

  if (!korak_store_begin (store, error))
    return FALSE;

  if (current_id != 0)
    {
      iso_from_julian (julian_from_iso (start) - 1, day_before);
      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE enrolment SET status = 'withdrawn', end_date = max(start_date, ?2), "
                                        "updated_at = " NOW " WHERE id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, current_id);
      korak_bind_text (stmt, 2, day_before);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
    }

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, status) "
                                    "VALUES (?1, ?2, ?3, ?4, 'active')", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 2, participant_id);
  sqlite3_bind_int64 (stmt, 3, cohort_id);
  korak_bind_text (stmt, 4, start);
  if (!korak_store_insert_with_id (store, stmt, &id, error))
    goto failed;

  return korak_store_commit (store, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_withdraw (KorakStore  *store,
                      gint64       participant_id,
                      gint64       cohort_id,
                      const char  *end_date,
                      GError     **error)
{
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt;
  gint64 enrolment_id = 0;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!korak_date_is_iso (end_date))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The withdrawal needs a date, for example 2026-09-07."));
      return FALSE;
    }

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, start_date FROM enrolment "
                                    "WHERE participant_id = ? AND cohort_id = ? AND status = 'active'", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_int64 (stmt, 2, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      enrolment_id = sqlite3_column_int64 (stmt, 0);
      start = korak_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  if (enrolment_id == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This participant is not enrolled in this cohort any more."));
      return FALSE;
    }
  if (strcmp (end_date, start) < 0)
    {
      g_autofree char *shown = korak_date_format (start);

      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The enrolment started on %s. Choose a withdrawal date on or after that day."), shown);
      return FALSE;
    }

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE enrolment SET status = 'withdrawn', end_date = ?2, updated_at = " NOW " "
                                    "WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  korak_bind_text (stmt, 2, end_date);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  return korak_store_commit (store, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

GPtrArray *
korak_store_list_members (KorakStore  *store,
                          gint64       cohort_id,
                          gboolean     include_ended,
                          GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_member_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT e.id, e.participant_id, p.given_name, p.family_name, e.start_date, e.end_date, "
                                    "e.status, "
                                    "(SELECT coalesce(sum(a.hours), 0) FROM attendance a JOIN session s ON s.id = a.session_id "
                                    "  WHERE a.participant_id = e.participant_id AND s.cohort_id = e.cohort_id "
                                    "  AND a.state IN ('present', 'late') AND s.cancelled_reason IS NULL), "
                                    "coalesce(pr.required_hours, 0) "
                                    "FROM enrolment e JOIN participant p ON p.id = e.participant_id "
                                    "JOIN cohort c ON c.id = e.cohort_id JOIN programme pr ON pr.id = c.programme_id "
                                    "WHERE e.cohort_id = ?1 AND (?2 OR e.status = 'active') "
                                    "ORDER BY e.status <> 'active', p.family_name COLLATE NOCASE, "
                                    "p.given_name COLLATE NOCASE, e.start_date DESC, e.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  sqlite3_bind_int (stmt, 2, include_ended);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakMemberRecord *record = g_new0 (KorakMemberRecord, 1);

      record->enrolment_id = sqlite3_column_int64 (stmt, 0);
      record->participant_id = sqlite3_column_int64 (stmt, 1);
      record->display_name = display_name ((const char *)sqlite3_column_text (stmt, 2),
                                           (const char *)sqlite3_column_text (stmt, 3));
      record->start_date = korak_column_dup (stmt, 4);
      record->end_date = korak_column_dup (stmt, 5);
      record->status = korak_column_dup (stmt, 6);
      record->hours_attended = sqlite3_column_double (stmt, 7);
      record->required_hours = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* -------------------------------------------------------------- timetable */

void
korak_pattern_record_free (KorakPatternRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->start_time);
  g_free (record->end_time);
  g_free (record->kind);
  g_free (record->place);
  g_free (record);
}

void
korak_closure_record_free (KorakClosureRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->date);
  g_free (record->reason);
  g_free (record);
}

#define PATTERN_SELECT \
  "SELECT id, cohort_id, module_id, weekday, start_time, end_time, kind, activity_id, place, participant_id " \
  "FROM weekly_pattern "

static KorakPatternRecord *
pattern_from_row (sqlite3_stmt *stmt)
{
  KorakPatternRecord *record = g_new0 (KorakPatternRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->cohort_id = sqlite3_column_int64 (stmt, 1);
  record->module_id = sqlite3_column_int64 (stmt, 2);
  record->weekday = sqlite3_column_int (stmt, 3);
  record->start_time = korak_column_dup (stmt, 4);
  record->end_time = korak_column_dup (stmt, 5);
  record->kind = korak_column_dup (stmt, 6);
  record->activity_id = sqlite3_column_int64 (stmt, 7);
  record->place = korak_column_dup (stmt, 8);
  record->participant_id = sqlite3_column_int64 (stmt, 9);

  return record;
}

static KorakPatternRecord *
get_pattern (KorakStore  *store,
             gint64       pattern_id,
             GError     **error)
{
  KorakPatternRecord *record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, PATTERN_SELECT "WHERE id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pattern_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = pattern_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                 _("This weekly session no longer exists in the database."));
  else if (rc != SQLITE_ROW)
    korak_store_set_error (store, rc, error);

  return record;
}

GPtrArray *
korak_store_list_patterns (KorakStore  *store,
                           gint64       cohort_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_pattern_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    PATTERN_SELECT "WHERE cohort_id = ? ORDER BY weekday, start_time, end_time, id",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, pattern_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* Validates @record and normalises its times in place. */
static gboolean
validate_pattern (KorakStore          *store,
                  KorakPatternRecord  *record,
                  GError             **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gboolean individual;
  sqlite3_stmt *stmt;
  int rc;

  if (!require_cohort (store, record->cohort_id, error))
    return FALSE;

  if (record->module_id != 0)
    {
      gboolean exists = FALSE;

      if (!(stmt = korak_store_prepare (store, "SELECT 1 FROM module WHERE id = ?1 AND cohort_id = ?2", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, record->module_id);
      sqlite3_bind_int64 (stmt, 2, record->cohort_id);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!exists)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("The chosen module is not one of this cohort’s. Choose one of its modules, or every module."));
          return FALSE;
        }
    }

  if (record->weekday < 1 || record->weekday > 7)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose a day of the week, from Monday to Sunday."));
      return FALSE;
    }

  if (!(start = korak_time_parse (record->start_time, error)) ||
      !(end = korak_time_parse (record->end_time, error)))
    return FALSE;
  if (strcmp (end, start) <= 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The session must end after it starts: %s is not after %s."), end, start);
      return FALSE;
    }

  if (!is_choice (session_kinds, record->kind))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose what kind of session this is: group, individual, work practice or visit."));
      return FALSE;
    }

  individual = g_str_equal (record->kind, "individual");
  if (individual)
    {
      gboolean enrolled = FALSE;

      if (record->participant_id == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("An individual session needs its participant. Choose who it is for."));
          return FALSE;
        }
      if (!is_enrolled (store, record->participant_id, record->cohort_id, NULL, &enrolled, error))
        return FALSE;
      if (!enrolled)
        {
          g_autofree char *name = participant_name (store, record->participant_id);

          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("%s is not enrolled in this cohort. Enrol them first, or choose someone else."), name);
          return FALSE;
        }
    }
  else
    record->participant_id = 0;

  if (!require_activity (store, record->activity_id, error) ||
      !check_text (_("Place"), record->place, FALSE, FALSE, error))
    return FALSE;

  /* Two weekly sessions at once would make sessions that overlap: group
   * ones with each other, and a person's individual hour with the group's
   * sessions or their other individual hours. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT weekday, start_time, end_time FROM weekly_pattern "
                                    "WHERE cohort_id = ?1 AND id <> ?2 AND weekday = ?3 "
                                    "AND start_time < ?5 AND ?4 < end_time "
                                    "AND (module_id IS NULL OR ?6 = 0 OR module_id = ?6) "
                                    "AND (?7 = 0 OR kind <> 'individual' OR participant_id = ?8) "
                                    "LIMIT 1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->cohort_id);
  sqlite3_bind_int64 (stmt, 2, record->id);
  sqlite3_bind_int (stmt, 3, record->weekday);
  sqlite3_bind_text (stmt, 4, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, record->module_id);
  sqlite3_bind_int (stmt, 7, individual);
  sqlite3_bind_int64 (stmt, 8, record->participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *other_start = korak_column_dup (stmt, 1);
      g_autofree char *other_end = korak_column_dup (stmt, 2);

      sqlite3_reset (stmt);
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   /* Translators: a weekday, then two times. */
                   _("This overlaps the weekly session on %s from %s to %s. Choose another time or day."),
                   _(weekday_names[record->weekday]), other_start, other_end);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  g_free (record->start_time);
  record->start_time = g_steal_pointer (&start);
  g_free (record->end_time);
  record->end_time = g_steal_pointer (&end);

  return TRUE;
}

gboolean
korak_store_save_pattern (KorakStore          *store,
                          KorakPatternRecord  *record,
                          GError             **error)
{
  g_autoptr(KorakPatternRecord) old = NULL;
  sqlite3_stmt *stmt;
  gboolean is_new;
  gint64 id;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  is_new = record->id == 0;
  if (!is_new && !(old = get_pattern (store, record->id, error)))
    return FALSE;
  if (!validate_pattern (store, record, error))
    return FALSE;

  if (!korak_store_begin (store, error))
    return FALSE;

  if (is_new)
    stmt = korak_store_prepare (store,
                                "INSERT INTO weekly_pattern (id, cohort_id, module_id, weekday, start_time, end_time, "
                                "kind, activity_id, place, participant_id) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  else
    stmt = korak_store_prepare (store,
                                "UPDATE weekly_pattern SET cohort_id = ?2, module_id = ?3, weekday = ?4, start_time = ?5, "
                                "end_time = ?6, kind = ?7, activity_id = ?8, place = ?9, participant_id = ?10, "
                                "updated_at = " NOW " WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 2, record->cohort_id);
  bind_id (stmt, 3, record->module_id);
  sqlite3_bind_int (stmt, 4, record->weekday);
  korak_bind_text (stmt, 5, record->start_time);
  korak_bind_text (stmt, 6, record->end_time);
  korak_bind_text (stmt, 7, record->kind);
  bind_id (stmt, 8, record->activity_id);
  korak_bind_text (stmt, 9, record->place);
  bind_id (stmt, 10, record->participant_id);

  if (is_new)
    {
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      id = record->id;

      /* Sessions already made from the old pattern on the same weekday
       * follow the change, unless someone touched them: moved, cancelled,
       * other times typed, or attendance marked. A new weekday is made
       * anew by korak_store_generate_sessions(). */
      if (old->weekday == record->weekday && old->cohort_id == record->cohort_id)
        {
          if (!(stmt = korak_store_prepare (store,
                                            "UPDATE session SET start_time = ?3, end_time = ?4, kind = ?5, activity_id = ?6, "
                                            "place = ?7, participant_id = ?8, updated_at = " NOW " "
                                            "WHERE pattern_id = ?1 AND date = origin_date AND cancelled_reason IS NULL "
                                            "AND start_time = ?9 AND end_time = ?10 AND kind = ?2 "
                                            "AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = session.id)",
                                            error)))
            goto failed;
          sqlite3_bind_int64 (stmt, 1, id);
          korak_bind_text (stmt, 2, old->kind);
          korak_bind_text (stmt, 3, record->start_time);
          korak_bind_text (stmt, 4, record->end_time);
          korak_bind_text (stmt, 5, record->kind);
          bind_id (stmt, 6, record->activity_id);
          korak_bind_text (stmt, 7, record->place);
          bind_id (stmt, 8, record->participant_id);
          korak_bind_text (stmt, 9, old->start_time);
          korak_bind_text (stmt, 10, old->end_time);
          if (!korak_store_step_done (store, stmt, error))
            goto failed;
        }
    }

  if (!korak_store_commit (store, error))
    goto failed;

  record->id = id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

/* Sessions made from the pattern stay; korak_store_generate_sessions()
 * then removes those without attendance. */
gboolean
korak_store_delete_pattern (KorakStore  *store,
                            gint64       pattern_id,
                            GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  return korak_store_delete_by_id (store, "DELETE FROM weekly_pattern WHERE id = ?", pattern_id,
                                   _("This weekly session no longer exists in the database."), error);
}

gboolean
korak_store_save_closure (KorakStore          *store,
                          KorakClosureRecord  *record,
                          GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean is_new, taken;
  gint64 id;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!require_cohort (store, record->cohort_id, error))
    return FALSE;
  if (!korak_date_is_iso (record->date))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The closed day needs a date, for example 2026-12-24."));
      return FALSE;
    }
  if (!check_text (_("Reason"), record->reason, FALSE, TRUE, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT 1 FROM pattern_exception WHERE cohort_id = ?1 AND date = ?2 AND id <> ?3",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->cohort_id);
  korak_bind_text (stmt, 2, record->date);
  sqlite3_bind_int64 (stmt, 3, record->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }
  taken = rc == SQLITE_ROW;
  if (taken)
    {
      g_autofree char *shown = korak_date_format (record->date);

      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The cohort is already closed on %s. Edit that day instead."), shown);
      return FALSE;
    }

  is_new = record->id == 0;
  if (!korak_store_begin (store, error))
    return FALSE;

  if (is_new)
    stmt = korak_store_prepare (store,
                                "INSERT INTO pattern_exception (id, cohort_id, date, reason) VALUES (?1, ?2, ?3, ?4)",
                                error);
  else
    stmt = korak_store_prepare (store,
                                "UPDATE pattern_exception SET cohort_id = ?2, date = ?3, reason = ?4, "
                                "updated_at = " NOW " WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 2, record->cohort_id);
  korak_bind_text (stmt, 3, record->date);
  korak_bind_text (stmt, 4, record->reason);

  if (is_new)
    {
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      if (changes (store) == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                       _("This closed day no longer exists in the database."));
          goto failed;
        }
      id = record->id;
    }

  if (!korak_store_commit (store, error))
    goto failed;

  record->id = id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_delete_closure (KorakStore  *store,
                            gint64       closure_id,
                            GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  return korak_store_delete_by_id (store, "DELETE FROM pattern_exception WHERE id = ?", closure_id,
                                   _("This closed day no longer exists in the database."), error);
}

GPtrArray *
korak_store_list_closures (KorakStore  *store,
                           gint64       cohort_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_closure_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, cohort_id, date, reason FROM pattern_exception "
                                    "WHERE cohort_id = ? ORDER BY date, id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakClosureRecord *record = g_new0 (KorakClosureRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->cohort_id = sqlite3_column_int64 (stmt, 1);
      record->date = korak_column_dup (stmt, 2);
      record->reason = korak_column_dup (stmt, 3);
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* ------------------------------------------------------------- generation */

GHashTable *
korak_holiday_set_new (int first_year,
                       int last_year)
{
  GHashTable *set = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (int year = first_year; year <= last_year; year++)
    {
      g_autoptr(GPtrArray) dates = korak_holidays_of_year (year);

      for (guint i = 0; i < dates->len; i++)
        g_hash_table_add (set, GUINT_TO_POINTER (julian_from_iso (g_ptr_array_index (dates, i))));
    }

  return set;
}

typedef struct
{
  gint64   id;
  guint32  start;
  guint32  end;
} ModuleSpan;

typedef struct
{
  gint64    id;
  gboolean  has_attendance;
  gboolean  wanted;
} Existing;

static char *
origin_key (gint64      pattern_id,
            const char *origin)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s", pattern_id, origin);
}

/* Julian ranges of @participant_id's enrolments in @cohort_id. */
static GArray *
enrolment_spans (KorakStore  *store,
                 gint64       participant_id,
                 gint64       cohort_id,
                 GError     **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT start_date, end_date FROM enrolment WHERE participant_id = ? AND cohort_id = ?",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_int64 (stmt, 2, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 span[2];

      span[0] = julian_from_iso ((const char *)sqlite3_column_text (stmt, 0));
      span[1] = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? G_MAXUINT32
                                                             : julian_from_iso ((const char *)sqlite3_column_text (stmt, 1));
      g_array_append_vals (spans, span, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&spans);
}

static gboolean
in_spans (GArray  *spans,
          guint32  day)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const guint32 *span = &g_array_index (spans, guint32, i * 2);

      if (day >= span[0] && day <= span[1])
        return TRUE;
    }
  return FALSE;
}

gboolean
korak_schedule_generate_locked (KorakStore           *store,
                                gint64                cohort_id,
                                KorakGenerateResult  *result,
                                GError              **error)
{
  g_autoptr(GArray) modules = g_array_new (FALSE, FALSE, sizeof (ModuleSpan));
  g_autoptr(GPtrArray) patterns = NULL;
  g_autoptr(GHashTable) closures = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) holidays = NULL;
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  KorakGenerateResult counts = { 0, 0, 0, 0 };
  sqlite3_stmt *stmt, *insert;
  GHashTableIter iter;
  gpointer value;
  gint64 mentor_id = 0;
  guint32 first = G_MAXUINT32, last = 0;
  int rc;

  /* The cohort's mentor leads what the pattern makes. */
  if (!(stmt = korak_store_prepare (store, "SELECT mentor_id FROM cohort WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    mentor_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This cohort no longer exists in the database."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, start_date, end_date FROM module WHERE cohort_id = ? ORDER BY ordinal",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ModuleSpan span;

      span.id = sqlite3_column_int64 (stmt, 0);
      span.start = julian_from_iso ((const char *)sqlite3_column_text (stmt, 1));
      span.end = julian_from_iso ((const char *)sqlite3_column_text (stmt, 2));
      if (span.start == 0 || span.end < span.start)
        continue;
      first = MIN (first, span.start);
      last = MAX (last, span.end);
      g_array_append_val (modules, span);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  if (!(patterns = korak_store_list_patterns (store, cohort_id, error)))
    return FALSE;

  if (!(stmt = korak_store_prepare (store, "SELECT date FROM pattern_exception WHERE cohort_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (closures, GUINT_TO_POINTER (julian_from_iso ((const char *)sqlite3_column_text (stmt, 0))));
  sqlite3_reset (stmt);

  if (modules->len > 0)
    {
      GDate a, b;

      g_date_clear (&a, 1);
      g_date_clear (&b, 1);
      g_date_set_julian (&a, first);
      g_date_set_julian (&b, last);
      holidays = korak_holiday_set_new (g_date_get_year (&a), g_date_get_year (&b));
    }

  /* What the patterns made before, by the pattern day they were made for. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT s.id, s.pattern_id, s.origin_date, "
                                    "EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id) "
                                    "FROM session s WHERE s.cohort_id = ? AND s.origin_date IS NOT NULL", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Existing *session = g_new0 (Existing, 1);

      session->id = sqlite3_column_int64 (stmt, 0);
      session->has_attendance = sqlite3_column_int (stmt, 3);
      /* A deleted pattern leaves pattern_id NULL: key 0 matches nothing. */
      g_hash_table_insert (existing,
                           origin_key (sqlite3_column_int64 (stmt, 1), (const char *)sqlite3_column_text (stmt, 2)),
                           session);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  if (!(insert = korak_store_prepare (store,
                                      "INSERT INTO session (id, cohort_id, module_id, pattern_id, origin_date, date, "
                                      "start_time, end_time, activity_id, kind, participant_id, place, leader_id) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error)))
    return FALSE;

  for (guint p = 0; p < patterns->len; p++)
    {
      const KorakPatternRecord *pattern = g_ptr_array_index (patterns, p);
      g_autoptr(GArray) spans = NULL;

      if (pattern->participant_id != 0 &&
          !(spans = enrolment_spans (store, pattern->participant_id, cohort_id, error)))
        return FALSE;

      for (guint m = 0; m < modules->len; m++)
        {
          const ModuleSpan *module = &g_array_index (modules, ModuleSpan, m);
          guint32 day;

          if (pattern->module_id != 0 && pattern->module_id != module->id)
            continue;

          day = module->start + (guint32)((pattern->weekday - weekday_of_julian (module->start) + 7) % 7);
          for (; day <= module->end; day += 7)
            {
              char origin[11];
              g_autofree char *key = NULL;
              Existing *session;
              gint64 id;

              /* An individual hour only while its participant is enrolled. */
              if (spans != NULL && !in_spans (spans, day))
                continue;

              if (g_hash_table_contains (holidays, GUINT_TO_POINTER (day)) ||
                  g_hash_table_contains (closures, GUINT_TO_POINTER (day)))
                {
                  counts.skipped++;
                  continue;
                }

              iso_from_julian (day, origin);
              key = origin_key (pattern->id, origin);
              session = g_hash_table_lookup (existing, key);
              if (session != NULL)
                {
                  /* Made before: left as it is, moved or cancelled. */
                  session->wanted = TRUE;
                  continue;
                }

              sqlite3_bind_int64 (insert, 2, cohort_id);
              sqlite3_bind_int64 (insert, 3, module->id);
              sqlite3_bind_int64 (insert, 4, pattern->id);
              sqlite3_bind_text (insert, 5, origin, -1, SQLITE_TRANSIENT);
              korak_bind_text (insert, 6, pattern->start_time);
              korak_bind_text (insert, 7, pattern->end_time);
              bind_id (insert, 8, pattern->activity_id);
              korak_bind_text (insert, 9, pattern->kind);
              bind_id (insert, 10, pattern->participant_id);
              korak_bind_text (insert, 11, pattern->place);
              bind_id (insert, 12, mentor_id);
              if (!korak_store_insert_with_id (store, insert, &id, error))
                return FALSE;
              counts.created++;

              session = g_new0 (Existing, 1);
              session->id = id;
              session->wanted = TRUE;
              g_hash_table_insert (existing, g_steal_pointer (&key), session);
            }
        }
    }

  /* The rest are no longer in any pattern. */
  if (!(stmt = korak_store_prepare (store, "DELETE FROM session WHERE id = ?", error)))
    return FALSE;
  g_hash_table_iter_init (&iter, existing);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Existing *session = value;

      if (session->wanted)
        continue;
      if (session->has_attendance)
        {
          counts.kept++;
          continue;
        }
      sqlite3_bind_int64 (stmt, 1, session->id);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;
      counts.removed++;
    }

  if (result != NULL)
    *result = counts;

  return TRUE;
}

gboolean
korak_store_generate_sessions (KorakStore           *store,
                               gint64                cohort_id,
                               KorakGenerateResult  *result,
                               GError              **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (result != NULL)
    memset (result, 0, sizeof *result);

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!korak_schedule_generate_locked (store, cohort_id, result, error) ||
      !korak_store_commit (store, error))
    {
      korak_store_rollback (store);
      if (result != NULL)
        memset (result, 0, sizeof *result);
      return FALSE;
    }

  return TRUE;
}

/* --------------------------------------------------------------- sessions */

KorakSessionRecord *
korak_session_record_new (void)
{
  KorakSessionRecord *record = g_new0 (KorakSessionRecord, 1);

  record->kind = g_strdup ("group");
  return record;
}

static void
session_record_clear (KorakSessionRecord *record)
{
  g_clear_pointer (&record->module_kind, g_free);
  g_clear_pointer (&record->origin_date, g_free);
  g_clear_pointer (&record->date, g_free);
  g_clear_pointer (&record->start_time, g_free);
  g_clear_pointer (&record->end_time, g_free);
  g_clear_pointer (&record->kind, g_free);
  g_clear_pointer (&record->activity_name, g_free);
  g_clear_pointer (&record->skill_area, g_free);
  g_clear_pointer (&record->participant_name, g_free);
  g_clear_pointer (&record->place, g_free);
  g_clear_pointer (&record->leader_name, g_free);
  g_clear_pointer (&record->mediator_name, g_free);
  g_clear_pointer (&record->conversation_language, g_free);
  g_clear_pointer (&record->employer, g_free);
  g_clear_pointer (&record->cancelled_reason, g_free);
}

void
korak_session_record_free (KorakSessionRecord *record)
{
  if (record == NULL)
    return;

  session_record_clear (record);
  g_free (record);
}

KorakSessionRecord *
korak_session_record_copy (const KorakSessionRecord *record)
{
  KorakSessionRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_new0 (KorakSessionRecord, 1);
  *copy = *record;
  copy->module_kind = g_strdup (record->module_kind);
  copy->origin_date = g_strdup (record->origin_date);
  copy->date = g_strdup (record->date);
  copy->start_time = g_strdup (record->start_time);
  copy->end_time = g_strdup (record->end_time);
  copy->kind = g_strdup (record->kind);
  copy->activity_name = g_strdup (record->activity_name);
  copy->skill_area = g_strdup (record->skill_area);
  copy->participant_name = g_strdup (record->participant_name);
  copy->place = g_strdup (record->place);
  copy->leader_name = g_strdup (record->leader_name);
  copy->mediator_name = g_strdup (record->mediator_name);
  copy->conversation_language = g_strdup (record->conversation_language);
  copy->employer = g_strdup (record->employer);
  copy->cancelled_reason = g_strdup (record->cancelled_reason);

  return copy;
}

double
korak_session_record_hours (const KorakSessionRecord *record)
{
  g_return_val_if_fail (record != NULL, 0);

  return hours_between (record->start_time, record->end_time);
}

#define SESSION_SELECT \
  "SELECT s.id, s.cohort_id, m.id, m.ordinal, m.kind, s.pattern_id, s.origin_date, s.date, s.start_time, " \
  "s.end_time, s.kind, s.activity_id, a.name, a.skill_area, s.participant_id, p.given_name, p.family_name, " \
  "s.place, s.leader_id, l.given_name, l.family_name, s.mediator_present, s.employer, s.cancelled_reason, " \
  EXPECTED ("s") ", " \
  "(SELECT count(*) FROM attendance x WHERE x.session_id = s.id), " \
  "(SELECT count(*) FROM attendance x WHERE x.session_id = s.id AND x.state IN ('present', 'late')), " \
  "s.mediator_id, md.given_name, md.family_name, s.conversation_language " \
  "FROM session s " \
  "LEFT JOIN module m ON m.id = s.module_id " \
  "LEFT JOIN activity a ON a.id = s.activity_id " \
  "LEFT JOIN participant p ON p.id = s.participant_id " \
  "LEFT JOIN staff l ON l.id = s.leader_id " \
  "LEFT JOIN staff md ON md.id = s.mediator_id "

#define SESSION_ORDER " ORDER BY s.date, s.start_time, s.end_time, p.family_name, p.given_name, s.id"

static KorakSessionRecord *
session_from_row (sqlite3_stmt *stmt)
{
  KorakSessionRecord *record = g_new0 (KorakSessionRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->cohort_id = sqlite3_column_int64 (stmt, 1);
  record->module_id = sqlite3_column_int64 (stmt, 2);
  record->module_ordinal = sqlite3_column_int (stmt, 3);
  record->module_kind = korak_column_dup (stmt, 4);
  record->pattern_id = sqlite3_column_int64 (stmt, 5);
  record->origin_date = korak_column_dup (stmt, 6);
  record->date = korak_column_dup (stmt, 7);
  record->start_time = korak_column_dup (stmt, 8);
  record->end_time = korak_column_dup (stmt, 9);
  record->kind = korak_column_dup (stmt, 10);
  record->activity_id = sqlite3_column_int64 (stmt, 11);
  record->activity_name = korak_column_dup (stmt, 12);
  record->skill_area = korak_column_dup (stmt, 13);
  record->participant_id = sqlite3_column_int64 (stmt, 14);
  if (record->participant_id != 0)
    record->participant_name = display_name ((const char *)sqlite3_column_text (stmt, 15),
                                             (const char *)sqlite3_column_text (stmt, 16));
  record->place = korak_column_dup (stmt, 17);
  record->leader_id = sqlite3_column_int64 (stmt, 18);
  if (record->leader_id != 0)
    record->leader_name = display_name ((const char *)sqlite3_column_text (stmt, 19),
                                        (const char *)sqlite3_column_text (stmt, 20));
  record->mediator_present = sqlite3_column_int (stmt, 21) != 0;
  record->employer = korak_column_dup (stmt, 22);
  record->cancelled_reason = korak_column_dup (stmt, 23);
  record->n_expected = sqlite3_column_int (stmt, 24);
  record->n_marked = sqlite3_column_int (stmt, 25);
  record->n_attended = sqlite3_column_int (stmt, 26);
  record->mediator_id = sqlite3_column_int64 (stmt, 27);
  if (record->mediator_id != 0)
    record->mediator_name = display_name ((const char *)sqlite3_column_text (stmt, 28),
                                          (const char *)sqlite3_column_text (stmt, 29));
  record->conversation_language = korak_column_dup (stmt, 30);

  return record;
}

GPtrArray *
korak_store_list_sessions (KorakStore  *store,
                           gint64       cohort_id,
                           const char  *from,
                           const char  *to,
                           GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_session_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!korak_date_is_iso (from) || !korak_date_is_iso (to))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose the first and the last day to show, for example 2026-09-07 and 2026-09-13."));
      return NULL;
    }

  /* Two statements, so that each uses its own index. */
  if (cohort_id != 0)
    stmt = korak_store_prepare (store,
                                SESSION_SELECT "WHERE s.cohort_id = ?1 AND s.date BETWEEN ?2 AND ?3" SESSION_ORDER,
                                error);
  else
    stmt = korak_store_prepare (store,
                                SESSION_SELECT "WHERE ?1 = 0 AND s.date BETWEEN ?2 AND ?3" SESSION_ORDER,
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, cohort_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, session_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

KorakSessionRecord *
korak_store_get_session (KorakStore  *store,
                         gint64       session_id,
                         GError     **error)
{
  KorakSessionRecord *record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, SESSION_SELECT "WHERE s.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = session_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                 _("This session no longer exists in the database."));
  else if (rc != SQLITE_ROW)
    korak_store_set_error (store, rc, error);

  return record;
}

/* The module of @cohort_id that @date falls in, or 0. */
static gboolean
module_on (KorakStore  *store,
           gint64       cohort_id,
           const char  *date,
           gint64      *module_id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *module_id = 0;
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id FROM module WHERE cohort_id = ?1 AND ?2 BETWEEN start_date AND end_date "
                                    "ORDER BY ordinal LIMIT 1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  korak_bind_text (stmt, 2, date);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *module_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Refuses a session that would overlap another uncancelled one: group
 * sessions (every kind but individual) with the cohort's group sessions,
 * an individual one with its participant's individual sessions and the
 * group sessions of the cohort. */
static gboolean
check_overlap (KorakStore  *store,
               gint64       session_id,
               gint64       cohort_id,
               const char  *date,
               const char  *start,
               const char  *end,
               const char  *kind,
               gint64       participant_id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT s.start_time, s.end_time FROM session s "
                                    "WHERE s.date = ?1 AND s.id <> ?2 AND s.cancelled_reason IS NULL "
                                    "AND s.start_time < ?4 AND ?3 < s.end_time "
                                    "AND ((s.cohort_id = ?6 AND s.kind <> 'individual') "
                                    "  OR (?5 AND s.kind = 'individual' AND s.participant_id = ?7)) "
                                    "ORDER BY s.start_time LIMIT 1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, session_id);
  sqlite3_bind_text (stmt, 3, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, g_str_equal (kind, "individual"));
  sqlite3_bind_int64 (stmt, 6, cohort_id);
  sqlite3_bind_int64 (stmt, 7, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *other_start = korak_column_dup (stmt, 0);
      g_autofree char *other_end = korak_column_dup (stmt, 1);

      sqlite3_reset (stmt);
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("This overlaps another session on the same day, from %s to %s. "
                     "Choose another time, or move or cancel the other session first."),
                   other_start, other_end);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Validates @record, normalises its times and finds its module. */
static gboolean
validate_session (KorakStore          *store,
                  KorakSessionRecord  *record,
                  gint64              *module_id,
                  GError             **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gboolean individual;

  if (!require_cohort (store, record->cohort_id, error))
    return FALSE;

  if (!korak_date_is_iso (record->date))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The session needs a date, for example 2026-09-07."));
      return FALSE;
    }

  if (!(start = korak_time_parse (record->start_time, error)) ||
      !(end = korak_time_parse (record->end_time, error)))
    return FALSE;
  if (strcmp (end, start) <= 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The session must end after it starts: %s is not after %s."), end, start);
      return FALSE;
    }

  if (!is_choice (session_kinds, record->kind))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose what kind of session this is: group, individual, work practice or visit."));
      return FALSE;
    }

  if (!module_on (store, record->cohort_id, record->date, module_id, error))
    return FALSE;
  if (*module_id == 0)
    {
      CohortDates dates = { NULL, NULL };
      g_autofree char *shown = korak_date_format (record->date);

      if (!cohort_dates (store, record->cohort_id, &dates, error))
        return FALSE;
      if (dates.end_date == NULL)
        g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                     _("The cohort has no modules yet, so it has no days for sessions. Set its module dates first."));
      else
        {
          g_autofree char *first = korak_date_format (dates.start_date);
          g_autofree char *last = korak_date_format (dates.end_date);

          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       /* Translators: the session's date, then the cohort's first and last day. */
                       _("%s is outside the cohort’s modules (%s to %s). Choose a day inside one of its modules."),
                       shown, first, last);
        }
      cohort_dates_clear (&dates);
      return FALSE;
    }

  individual = g_str_equal (record->kind, "individual");
  if (individual)
    {
      gboolean enrolled = FALSE;

      if (record->participant_id == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("An individual session needs its participant. Choose who it is for."));
          return FALSE;
        }
      if (!is_enrolled (store, record->participant_id, record->cohort_id, record->date, &enrolled, error))
        return FALSE;
      if (!enrolled)
        {
          g_autofree char *name = participant_name (store, record->participant_id);
          g_autofree char *shown = korak_date_format (record->date);

          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("%s is not enrolled in this cohort on %s. Choose someone enrolled that day, or another day."),
                       name, shown);
          return FALSE;
        }
    }
  else
    record->participant_id = 0;

  if (!require_activity (store, record->activity_id, error) ||
      !require_staff (store, record->leader_id, error) ||
      !check_text (_("Place"), record->place, FALSE, FALSE, error) ||
      !check_text (_("Employer"), record->employer, FALSE, FALSE, error) ||
      !check_text (_("Reason"), record->cancelled_reason, FALSE, TRUE, error) ||
      !korak_mediator_check (store, &record->mediator_present, record->mediator_id,
                             &record->conversation_language, error))
    return FALSE;

  if (record->cancelled_reason == NULL || *record->cancelled_reason == '\0')
    {
      if (!check_overlap (store, record->id, record->cohort_id, record->date, start, end,
                          record->kind, record->participant_id, error))
        return FALSE;
    }

  g_free (record->start_time);
  record->start_time = g_steal_pointer (&start);
  g_free (record->end_time);
  record->end_time = g_steal_pointer (&end);

  return TRUE;
}

static gboolean
refresh_session (KorakStore          *store,
                 KorakSessionRecord  *record,
                 GError             **error)
{
  KorakSessionRecord *fresh = korak_store_get_session (store, record->id, error);

  if (fresh == NULL)
    return FALSE;

  session_record_clear (record);
  *record = *fresh;
  g_free (fresh);

  return TRUE;
}

gboolean
korak_store_save_session (KorakStore          *store,
                          KorakSessionRecord  *record,
                          GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean is_new;
  gint64 module_id = 0, id;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  is_new = record->id == 0;
  if (!is_new && !require_row (store, "SELECT 1 FROM session WHERE id = ?", record->id,
                               _("This session no longer exists in the database."), error))
    return FALSE;
  if (!validate_session (store, record, &module_id, error))
    return FALSE;

  if (!korak_store_begin (store, error))
    return FALSE;

  if (is_new)
    stmt = korak_store_prepare (store,
                                "INSERT INTO session (id, cohort_id, module_id, date, start_time, end_time, activity_id, "
                                "kind, participant_id, place, leader_id, mediator_present, employer, cancelled_reason, "
                                "mediator_id, conversation_language) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)", error);
  else
    stmt = korak_store_prepare (store,
                                "UPDATE session SET cohort_id = ?2, module_id = ?3, date = ?4, start_time = ?5, "
                                "end_time = ?6, activity_id = ?7, kind = ?8, participant_id = ?9, place = ?10, "
                                "leader_id = ?11, mediator_present = ?12, employer = ?13, cancelled_reason = ?14, "
                                "mediator_id = ?15, conversation_language = ?16, "
                                "updated_at = " NOW " WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 2, record->cohort_id);
  bind_id (stmt, 3, module_id);
  korak_bind_text (stmt, 4, record->date);
  korak_bind_text (stmt, 5, record->start_time);
  korak_bind_text (stmt, 6, record->end_time);
  bind_id (stmt, 7, record->activity_id);
  korak_bind_text (stmt, 8, record->kind);
  bind_id (stmt, 9, record->participant_id);
  korak_bind_text (stmt, 10, record->place);
  bind_id (stmt, 11, record->leader_id);
  sqlite3_bind_int (stmt, 12, record->mediator_present ? 1 : 0);
  korak_bind_text (stmt, 13, record->employer);
  korak_bind_text (stmt, 14, record->cancelled_reason);
  bind_id (stmt, 15, record->mediator_id);
  korak_bind_text (stmt, 16, record->conversation_language);

  if (is_new)
    {
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      id = record->id;
    }

  if (!korak_store_commit (store, error))
    goto failed;

  record->id = id;
  return refresh_session (store, record, error);

failed:
  korak_store_rollback (store);
  if (is_new)
    record->id = 0;
  return FALSE;
}

gboolean
korak_store_cancel_session (KorakStore  *store,
                            gint64       session_id,
                            const char  *reason,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  {
    g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));

    if (*stripped == '\0')
      {
        g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                     _("Say why the session is cancelled, for example “mentor ill”."));
        return FALSE;
      }
  }
  if (!check_text (_("Reason"), reason, TRUE, TRUE, error))
    return FALSE;

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE session SET cancelled_reason = ?2, updated_at = " NOW " WHERE id = ?1",
                                    error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  korak_bind_text (stmt, 2, reason);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;
  if (changes (store) == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This session no longer exists in the database."));
      goto failed;
    }

  return korak_store_commit (store, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_restore_session (KorakStore  *store,
                             gint64       session_id,
                             GError     **error)
{
  g_autoptr(KorakSessionRecord) session = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!(session = korak_store_get_session (store, session_id, error)))
    return FALSE;
  if (session->cancelled_reason == NULL)
    return TRUE;

  /* Back in the timetable, it must not collide with what replaced it. */
  if (!check_overlap (store, session->id, session->cohort_id, session->date, session->start_time,
                      session->end_time, session->kind, session->participant_id, error))
    return FALSE;

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE session SET cancelled_reason = NULL, updated_at = " NOW " WHERE id = ?1",
                                    error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  return korak_store_commit (store, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_delete_session (KorakStore  *store,
                            gint64       session_id,
                            GError     **error)
{
  gboolean has_attendance = FALSE;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!require_row (store, "SELECT 1 FROM session WHERE id = ?", session_id,
                    _("This session no longer exists in the database."), error) ||
      !query_exists (store, "SELECT 1 FROM attendance WHERE session_id = ? LIMIT 1", session_id,
                     &has_attendance, error))
    return FALSE;

  if (has_attendance)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("This session has attendance marked, so it cannot be deleted. Cancel it instead."));
      return FALSE;
    }

  return korak_store_delete_by_id (store, "DELETE FROM session WHERE id = ?", session_id, NULL, error);
}

/* ------------------------------------------------------------- activities */

void
korak_activity_record_free (KorakActivityRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_free (record->skill_area);
  g_free (record);
}

GPtrArray *
korak_store_list_activities (KorakStore  *store,
                             GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_activity_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, name, skill_area FROM activity WHERE archived_at IS NULL "
                                    "ORDER BY name COLLATE NOCASE, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakActivityRecord *record = g_new0 (KorakActivityRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->name = korak_column_dup (stmt, 1);
      record->skill_area = korak_column_dup (stmt, 2);
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

gboolean
korak_store_save_activity (KorakStore           *store,
                           KorakActivityRecord  *record,
                           GError              **error)
{
  sqlite3_stmt *stmt;
  gboolean is_new;
  gint64 id;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!check_text (_("Name"), record->name, TRUE, FALSE, error))
    return FALSE;
  if (!is_choice (skill_areas, record->skill_area))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose the skill area: social, functional or work skills."));
      return FALSE;
    }

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT 1 FROM activity WHERE name = ?1 COLLATE NOCASE AND id <> ?2 "
                                    "AND archived_at IS NULL", error)))
    return FALSE;
  korak_bind_text (stmt, 1, record->name);
  sqlite3_bind_int64 (stmt, 2, record->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The catalogue already has an activity called “%s”. Choose that one, or another name."),
                   record->name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  is_new = record->id == 0;
  if (!korak_store_begin (store, error))
    return FALSE;

  if (is_new)
    stmt = korak_store_prepare (store, "INSERT INTO activity (id, name, skill_area) VALUES (?1, ?2, ?3)", error);
  else
    stmt = korak_store_prepare (store,
                                "UPDATE activity SET name = ?2, skill_area = ?3, updated_at = " NOW " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    goto failed;
  korak_bind_text (stmt, 2, record->name);
  korak_bind_text (stmt, 3, record->skill_area);

  if (is_new)
    {
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      if (changes (store) == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                       _("This activity no longer exists in the database."));
          goto failed;
        }
      id = record->id;
    }

  if (!korak_store_commit (store, error))
    goto failed;

  record->id = id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------- attendance */

KorakRegisterEntry *
korak_register_entry_copy (const KorakRegisterEntry *entry)
{
  KorakRegisterEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (KorakRegisterEntry, 1);
  copy->participant_id = entry->participant_id;
  copy->display_name = g_strdup (entry->display_name);
  copy->state = g_strdup (entry->state);
  copy->hours = entry->hours;
  copy->remark = g_strdup (entry->remark);

  return copy;
}

void
korak_register_entry_free (KorakRegisterEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->display_name);
  g_free (entry->state);
  g_free (entry->remark);
  g_free (entry);
}

typedef struct
{
  gint64  cohort_id;
  char   *date;
  char   *kind;
  gint64  participant_id;
  double  hours;
  gboolean cancelled;
} SessionFacts;

static void
session_facts_clear (SessionFacts *facts)
{
  g_clear_pointer (&facts->date, g_free);
  g_clear_pointer (&facts->kind, g_free);
}

static gboolean
session_facts (KorakStore    *store,
               gint64         session_id,
               SessionFacts  *facts,
               GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT cohort_id, date, kind, participant_id, start_time, end_time, "
                                    "cancelled_reason IS NOT NULL FROM session WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      facts->cohort_id = sqlite3_column_int64 (stmt, 0);
      facts->date = korak_column_dup (stmt, 1);
      facts->kind = korak_column_dup (stmt, 2);
      facts->participant_id = sqlite3_column_int64 (stmt, 3);
      facts->hours = hours_between ((const char *)sqlite3_column_text (stmt, 4),
                                    (const char *)sqlite3_column_text (stmt, 5));
      facts->cancelled = sqlite3_column_int (stmt, 6);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This session no longer exists in the database."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
korak_store_get_register (KorakStore  *store,
                          gint64       session_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_register_entry_free);
  SessionFacts facts = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!session_facts (store, session_id, &facts, error))
    return NULL;

  /* Who was expected, and anyone already marked (whose enrolment may
   * have changed since), so that no mark is hidden. */
  stmt = korak_store_prepare (store,
                              "SELECT p.id, p.given_name, p.family_name, a.state, a.hours, a.remark "
                              "FROM participant p "
                              "LEFT JOIN attendance a ON a.session_id = ?1 AND a.participant_id = p.id "
                              "WHERE p.id IN ("
                              "  SELECT e.participant_id FROM enrolment e WHERE ?4 <> 'individual' "
                              "    AND e.cohort_id = ?2 AND e.start_date <= ?3 "
                              "    AND (e.end_date IS NULL OR e.end_date >= ?3) "
                              "  UNION SELECT ?5 WHERE ?4 = 'individual' "
                              "  UNION SELECT x.participant_id FROM attendance x WHERE x.session_id = ?1) "
                              "ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id", error);
  if (stmt == NULL)
    {
      session_facts_clear (&facts);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, facts.cohort_id);
  korak_bind_text (stmt, 3, facts.date);
  korak_bind_text (stmt, 4, facts.kind);
  bind_id (stmt, 5, facts.participant_id);
  session_facts_clear (&facts);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakRegisterEntry *entry = g_new0 (KorakRegisterEntry, 1);

      entry->participant_id = sqlite3_column_int64 (stmt, 0);
      entry->display_name = display_name ((const char *)sqlite3_column_text (stmt, 1),
                                          (const char *)sqlite3_column_text (stmt, 2));
      entry->state = korak_column_dup (stmt, 3);
      entry->hours = sqlite3_column_double (stmt, 4);
      entry->remark = korak_column_dup (stmt, 5);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

gboolean
korak_store_save_register (KorakStore  *store,
                           gint64       session_id,
                           GPtrArray   *entries,
                           GError     **error)
{
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GHashTable) on_register = g_hash_table_new (g_int64_hash, g_int64_equal);
  SessionFacts facts = { 0 };
  sqlite3_stmt *upsert, *remove;
  double session_hours;
  gboolean cancelled;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  if (!session_facts (store, session_id, &facts, error))
    return FALSE;
  session_hours = facts.hours;
  cancelled = facts.cancelled;
  session_facts_clear (&facts);

  if (cancelled)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("This session is cancelled. Restore it before marking attendance."));
      return FALSE;
    }

  if (!(current = korak_store_get_register (store, session_id, error)))
    return FALSE;
  for (guint i = 0; i < current->len; i++)
    {
      KorakRegisterEntry *entry = g_ptr_array_index (current, i);

      g_hash_table_insert (on_register, &entry->participant_id, entry);
    }

  /* Everything is checked before anything is written. */
  for (guint i = 0; i < entries->len; i++)
    {
      const KorakRegisterEntry *entry = g_ptr_array_index (entries, i);
      const KorakRegisterEntry *known = g_hash_table_lookup (on_register, &entry->participant_id);
      const char *name;

      if (known == NULL)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Someone in the list is not on this session’s register (not enrolled in the cohort that day). "
                         "Reload the register and try again."));
          return FALSE;
        }
      name = known->display_name;

      if (entry->state == NULL)
        continue;

      if (!is_choice (attendance_states, entry->state))
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("%s: “%s” is not an attendance mark. Choose present, late, excused or absent."),
                       name, entry->state);
          return FALSE;
        }
      if (!(entry->hours >= 0 && entry->hours <= MAX_HOURS) || entry->hours > session_hours + 1e-9)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("%s: the hours must be between 0 and %g, the length of the session."),
                       name, session_hours);
          return FALSE;
        }
      if (!check_text (_("Remark"), entry->remark, FALSE, TRUE, error))
        {
          g_prefix_error (error, "%s: ", name);
          return FALSE;
        }
    }

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(upsert = korak_store_prepare (store,
                                      "INSERT INTO attendance (id, session_id, participant_id, state, hours, remark) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                      "ON CONFLICT (session_id, participant_id) DO UPDATE SET state = excluded.state, "
                                      "hours = excluded.hours, remark = excluded.remark, updated_at = " NOW " "
                                      "WHERE state IS NOT excluded.state OR hours IS NOT excluded.hours "
                                      "OR remark IS NOT excluded.remark", error)) ||
      !(remove = korak_store_prepare (store,
                                      "DELETE FROM attendance WHERE session_id = ?1 AND participant_id = ?2", error)))
    goto failed;

  for (guint i = 0; i < entries->len; i++)
    {
      const KorakRegisterEntry *entry = g_ptr_array_index (entries, i);

      if (entry->state == NULL)
        {
          sqlite3_bind_int64 (remove, 1, session_id);
          sqlite3_bind_int64 (remove, 2, entry->participant_id);
          if (!korak_store_step_done (store, remove, error))
            goto failed;
        }
      else
        {
          gint64 id;

          sqlite3_bind_int64 (upsert, 2, session_id);
          sqlite3_bind_int64 (upsert, 3, entry->participant_id);
          korak_bind_text (upsert, 4, entry->state);
          sqlite3_bind_double (upsert, 5, entry->hours);
          korak_bind_text (upsert, 6, entry->remark);
          if (!korak_store_insert_with_id (store, upsert, &id, error))
            goto failed;
        }
    }

  return korak_store_commit (store, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

/* ----------------------------------------------------------------- totals */

void
korak_week_summary_clear (KorakWeekSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->monday);
  memset (summary, 0, sizeof *summary);
}

#define WEEK_SUMMARY(where) \
  "SELECT count(*), " \
  "coalesce(sum(CASE WHEN kind IN ('group', 'work_practice') THEN h ELSE 0 END), 0), " \
  "coalesce(sum(attended), 0), coalesce(sum(h * expected), 0) FROM (" \
  "SELECT s.kind, " HOURS ("s") " AS h, " EXPECTED ("s") " AS expected, " \
  "(SELECT coalesce(sum(a.hours), 0) FROM attendance a WHERE a.session_id = s.id " \
  "  AND a.state IN ('present', 'late')) AS attended " \
  "FROM session s WHERE " where " AND s.date BETWEEN ?2 AND ?3 AND s.cancelled_reason IS NULL)"

gboolean
korak_store_get_week_summary (KorakStore        *store,
                              gint64             cohort_id,
                              const char        *monday,
                              KorakWeekSummary  *summary,
                              GError           **error)
{
  sqlite3_stmt *stmt;
  guint32 day;
  char first[11], last[11];
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);

  if ((day = julian_from_iso (monday)) == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose the week by its Monday, for example 2026-09-07."));
      return FALSE;
    }
  /* Any day stands for its week. */
  day -= (guint32)(weekday_of_julian (day) - 1);
  iso_from_julian (day, first);
  iso_from_julian (day + 6, last);

  if (cohort_id != 0)
    stmt = korak_store_prepare (store, WEEK_SUMMARY ("s.cohort_id = ?1"), error);
  else
    stmt = korak_store_prepare (store, WEEK_SUMMARY ("?1 = 0"), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cohort_id);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      summary->monday = g_strdup (first);
      summary->n_sessions = sqlite3_column_int (stmt, 0);
      summary->planned_hours = sqlite3_column_double (stmt, 1);
      summary->attended_hours = sqlite3_column_double (stmt, 2);
      summary->expected_hours = sqlite3_column_double (stmt, 3);
      summary->rate = summary->expected_hours > 0 ? summary->attended_hours / summary->expected_hours : 0;
      summary->rate = CLAMP (summary->rate, 0, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  return TRUE;
}

void
korak_attendance_warning_free (KorakAttendanceWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->display_name);
  g_free (warning->cohort_name);
  g_free (warning);
}

GPtrArray *
korak_store_list_attendance_warnings (KorakStore  *store,
                                      const char  *today,
                                      double       threshold,
                                      GError     **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_attendance_warning_free);
  sqlite3_stmt *stmt;
  guint32 day;
  char from[11];
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if ((day = julian_from_iso (today)) == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose the day to count back from, for example 2026-09-07."));
      return NULL;
    }
  if (!(threshold >= 0 && threshold <= 1))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The attendance threshold must be between 0 %% and 100 %%."));
      return NULL;
    }
  /* 28 days, today included. */
  iso_from_julian (day - 27, from);

  /* Sessions held in the window: uncancelled and with a mark, so that a
   * day not registered yet does not count against anyone. */
  if (!(stmt = korak_store_prepare (store,
                                    "WITH held AS ("
                                    "  SELECT s.id, s.cohort_id, s.date, s.kind, s.participant_id, " HOURS ("s") " AS h "
                                    "  FROM session s WHERE s.date BETWEEN ?1 AND ?2 AND s.cancelled_reason IS NULL "
                                    "  AND EXISTS (SELECT 1 FROM attendance x WHERE x.session_id = s.id)) "
                                    "SELECT e.participant_id, p.given_name, p.family_name, e.cohort_id, c.name, "
                                    "  sum(held.h) AS expected, "
                                    "  coalesce(sum(CASE WHEN a.state IN ('present', 'late') THEN a.hours END), 0) AS attended "
                                    "FROM enrolment e "
                                    "JOIN participant p ON p.id = e.participant_id AND p.archived_at IS NULL "
                                    "JOIN cohort c ON c.id = e.cohort_id AND c.archived_at IS NULL "
                                    "JOIN held ON held.cohort_id = e.cohort_id AND held.date >= e.start_date "
                                    "  AND (e.end_date IS NULL OR held.date <= e.end_date) "
                                    "  AND (held.kind <> 'individual' OR held.participant_id = e.participant_id) "
                                    "LEFT JOIN attendance a ON a.session_id = held.id AND a.participant_id = e.participant_id "
                                    "WHERE e.status = 'active' "
                                    "GROUP BY e.id HAVING expected > 0 AND attended < ?3 * expected "
                                    "ORDER BY attended / expected, p.family_name COLLATE NOCASE, "
                                    "p.given_name COLLATE NOCASE, e.id", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 3, threshold);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakAttendanceWarning *warning = g_new0 (KorakAttendanceWarning, 1);

      warning->participant_id = sqlite3_column_int64 (stmt, 0);
      warning->display_name = display_name ((const char *)sqlite3_column_text (stmt, 1),
                                            (const char *)sqlite3_column_text (stmt, 2));
      warning->cohort_id = sqlite3_column_int64 (stmt, 3);
      warning->cohort_name = korak_column_dup (stmt, 4);
      warning->expected_hours = sqlite3_column_double (stmt, 5);
      warning->attended_hours = sqlite3_column_double (stmt, 6);
      warning->rate = warning->expected_hours > 0 ? warning->attended_hours / warning->expected_hours : 0;
      g_ptr_array_add (warnings, warning);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&warnings);
}
