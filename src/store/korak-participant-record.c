/* korak-participant-record.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-participant-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "korak-date.h"
#include "korak-participant-record.h"
#include "korak-store-private.h"

static const KorakChoice statuses[] = {
  { "referred",  N_("Referred") },
  { "active",    N_("Active") },
  { "paused",    N_("Paused") },
  { "completed", N_("Completed") },
  { "exited",    N_("Exited") },
  { NULL, NULL }
};

static const KorakChoice target_groups[] = {
  { "long_term_unemployed", N_("Long-term unemployed") },
  { "social_assistance",    N_("Social assistance recipient") },
  { "inactive",             N_("Inactive person") },
  { "migrant_women",        N_("Woman from another cultural environment") },
  { "roma_women",           N_("Roma woman") },
  { "other",                N_("Other") },
  { NULL, NULL }
};

static const KorakChoice referral_sources[] = {
  { "csd",                N_("Centre for Social Work") },
  { "employment_service", N_("Employment Service") },
  { "self",               N_("Self-referred") },
  { "ngo",                N_("Non-governmental organisation") },
  { "other",              N_("Other") },
  { NULL, NULL }
};

static const KorakFieldInfo fields[KORAK_N_FIELDS] = {
  [KORAK_FIELD_GIVEN_NAME]       = { "given_name",       N_("Given name"),       KORAK_FIELD_KIND_NAME, TRUE },
  [KORAK_FIELD_FAMILY_NAME]      = { "family_name",      N_("Family name"),      KORAK_FIELD_KIND_NAME, TRUE },
  [KORAK_FIELD_BIRTH_DATE]       = { "birth_date",       N_("Birth date"),       KORAK_FIELD_KIND_PAST_DATE },
  [KORAK_FIELD_PHONE]            = { "phone",            N_("Phone"),            KORAK_FIELD_KIND_PHONE },
  [KORAK_FIELD_EMAIL]            = { "email",            N_("Email"),            KORAK_FIELD_KIND_EMAIL },
  [KORAK_FIELD_ADDRESS]          = { "address",          N_("Address"),          KORAK_FIELD_KIND_TEXT },
  [KORAK_FIELD_MUNICIPALITY]     = { "municipality",     N_("Municipality"),     KORAK_FIELD_KIND_TEXT },
  [KORAK_FIELD_MOTHER_TONGUE]    = { "mother_tongue",    N_("Mother tongue"),    KORAK_FIELD_KIND_TEXT },
  [KORAK_FIELD_OTHER_LANGUAGES]  = { "other_languages",  N_("Other languages"),  KORAK_FIELD_KIND_TEXT },
  [KORAK_FIELD_NEEDS_MEDIATOR]   = { "needs_mediator",   N_("Needs an intercultural mediator"), KORAK_FIELD_KIND_BOOLEAN },
  [KORAK_FIELD_TARGET_GROUP]     = { "target_group",     N_("Target group"),     KORAK_FIELD_KIND_CHOICE, FALSE, target_groups },
  [KORAK_FIELD_REFERRAL_SOURCE]  = { "referral_source",  N_("Referred by"),      KORAK_FIELD_KIND_CHOICE, FALSE, referral_sources },
  [KORAK_FIELD_REFERRAL_DATE]    = { "referral_date",    N_("Referral date"),    KORAK_FIELD_KIND_PAST_DATE },
  [KORAK_FIELD_REFERRING_WORKER] = { "referring_worker", N_("Referring worker"), KORAK_FIELD_KIND_TEXT },
  [KORAK_FIELD_CONSENT_DATE]     = { "consent_date",     N_("Consent date"),     KORAK_FIELD_KIND_PAST_DATE },
  [KORAK_FIELD_CONSENT_SCOPE]    = { "consent_scope",    N_("Consent scope"),    KORAK_FIELD_KIND_TEXT },
  [KORAK_FIELD_STATUS]           = { "status",           N_("Status"),           KORAK_FIELD_KIND_CHOICE, TRUE, statuses },
};

const KorakFieldInfo *
korak_participant_field_info (KorakParticipantField field)
{
  g_return_val_if_fail (field < KORAK_N_FIELDS, NULL);

  return &fields[field];
}

const KorakChoice *
korak_participant_statuses (void)
{
  return statuses;
}

const KorakChoice *
korak_participant_target_groups (void)
{
  return target_groups;
}

const KorakChoice *
korak_participant_referral_sources (void)
{
  return referral_sources;
}

const char *
korak_choice_label (const KorakChoice *choices,
                    const char        *code)
{
  if (code == NULL)
    return "";

  for (guint i = 0; choices[i].code != NULL; i++)
    if (g_str_equal (choices[i].code, code))
      return _(choices[i].label);

  return code;
}

static gboolean
has_control_chars (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* C0, DEL and C1 controls; newlines and tabs are ordinary text. */
      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        return TRUE;
    }
  return FALSE;
}

/**
 * korak_participant_field_validate:
 *
 * Checks one value as the profile form and the store both need it. Dates
 * must already be ISO (see korak_date_parse() for what people type).
 */
gboolean
korak_participant_field_validate (KorakParticipantField   field,
                                  const char             *value,
                                  GError                **error)
{
  const KorakFieldInfo *info = korak_participant_field_info (field);
  const char *label = _(info->label);
  guint digits = 0;

  if (value == NULL || *value == '\0')
    {
      if (!info->required)
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

  switch (info->kind)
    {
    case KORAK_FIELD_KIND_NAME:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (value));

        if (*stripped == '\0')
          {
            g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                         _("%s is required."), label);
            return FALSE;
          }
      }
      G_GNUC_FALLTHROUGH;
    case KORAK_FIELD_KIND_TEXT:
      if (has_control_chars (value))
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("%s contains control characters. Remove them and try again."), label);
          return FALSE;
        }
      return TRUE;

    case KORAK_FIELD_KIND_DATE:
    case KORAK_FIELD_KIND_PAST_DATE:
      if (!korak_date_is_iso (value))
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("%s is not a valid date."), label);
          return FALSE;
        }
      if (info->kind == KORAK_FIELD_KIND_PAST_DATE)
        {
          g_autofree char *today = korak_date_today ();

          if (strcmp (value, today) > 0)
            {
              g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("%s cannot be in the future."), label);
              return FALSE;
            }
          if (strcmp (value, "1900-01-01") < 0)
            {
              g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("%s is before 1900. Check the year."), label);
              return FALSE;
            }
        }
      return TRUE;

    case KORAK_FIELD_KIND_EMAIL:
      {
        const char *at = strchr (value, '@');

        if (at == NULL || at == value || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
            strpbrk (value, " \t\n,;<>") != NULL || strchr (at + 1, '.') == NULL)
          {
            g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                         _("“%s” is not an email address. It looks like name@example.si."), value);
            return FALSE;
          }
        return TRUE;
      }

    case KORAK_FIELD_KIND_PHONE:
      for (const char *p = value; *p; p++)
        {
          if (g_ascii_isdigit (*p))
            digits++;
          else if (!strchr (" +-/().", *p))
            {
              g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("A phone number may hold only digits, spaces and + - / ( ). For example +386 41 123 456."));
              return FALSE;
            }
        }
      if (digits < 3)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("The phone number is too short. For example +386 41 123 456."));
          return FALSE;
        }
      return TRUE;

    case KORAK_FIELD_KIND_BOOLEAN:
      if (!g_str_equal (value, "0") && !g_str_equal (value, "1"))
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("%s must be yes or no."), label);
          return FALSE;
        }
      return TRUE;

    case KORAK_FIELD_KIND_CHOICE:
      for (guint i = 0; info->choices[i].code != NULL; i++)
        if (g_str_equal (info->choices[i].code, value))
          return TRUE;
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("%s has a value Korak does not know. Pick one from the list."), label);
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

KorakParticipantRecord *
korak_participant_record_new (void)
{
  return g_new0 (KorakParticipantRecord, 1);
}

KorakParticipantRecord *
korak_participant_record_copy (const KorakParticipantRecord *record)
{
  KorakParticipantRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = korak_participant_record_new ();
  copy->id = record->id;
  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    copy->values[i] = g_strdup (record->values[i]);
  copy->cohort_id = record->cohort_id;
  copy->cohort_name = g_strdup (record->cohort_name);
  copy->archived_at = g_strdup (record->archived_at);
  copy->updated_at = g_strdup (record->updated_at);

  return copy;
}

void
korak_participant_record_free (KorakParticipantRecord *record)
{
  if (record == NULL)
    return;

  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    g_free (record->values[i]);
  g_free (record->cohort_name);
  g_free (record->archived_at);
  g_free (record->updated_at);
  g_free (record);
}

const char *
korak_participant_record_get (const KorakParticipantRecord *record,
                              KorakParticipantField         field)
{
  g_return_val_if_fail (record != NULL, "");
  g_return_val_if_fail (field < KORAK_N_FIELDS, "");

  return record->values[field] ? record->values[field] : "";
}

void
korak_participant_record_set (KorakParticipantRecord *record,
                              KorakParticipantField   field,
                              const char             *value)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (field < KORAK_N_FIELDS);

  g_free (record->values[field]);
  record->values[field] = (value && *value) ? g_strdup (value) : NULL;
}

gboolean
korak_participant_record_validate (const KorakParticipantRecord  *record,
                                   GError                       **error)
{
  g_return_val_if_fail (record != NULL, FALSE);

  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    if (!korak_participant_field_validate (i, record->values[i], error))
      return FALSE;

  return TRUE;
}

void
korak_cohort_record_free (KorakCohortRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_free (record->programme_name);
  g_free (record->start_date);
  g_free (record);
}

/* SQL built once from the field table, so adding a column is one line above. */
typedef struct
{
  char *insert;
  char *update;
  char *select;
  char *json;
} ParticipantSql;

static const ParticipantSql *
participant_sql (void)
{
  static ParticipantSql sql;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GString) cols = g_string_new (NULL);
      g_autoptr(GString) marks = g_string_new (NULL);
      g_autoptr(GString) sets = g_string_new (NULL);
      g_autoptr(GString) pcols = g_string_new (NULL);
      g_autoptr(GString) json = g_string_new ("json_object(");

      for (guint i = 0; i < KORAK_N_FIELDS; i++)
        {
          const char *col = fields[i].column;

          g_string_append_printf (cols, "%s, ", col);
          g_string_append_printf (marks, "?%u, ", i + 2);
          g_string_append_printf (sets, "%s = ?%u, ", col, i + 2);
          g_string_append_printf (pcols, "p.%s, ", col);
          g_string_append_printf (json, "%s'%s', %s", i ? ", " : "", col, col);
        }
      g_string_append (json, ")");

      sql.insert = g_strdup_printf ("INSERT INTO participant (id, %supdated_by) VALUES (?1, %sNULL)",
                                    cols->str, marks->str);
      sql.update = g_strdup_printf ("UPDATE participant SET %supdated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ','now') "
                                    "WHERE id = ?1", sets->str);
      sql.select = g_strdup_printf ("SELECT p.id, %sp.archived_at, p.updated_at, e.cohort_id, c.name "
                                    "FROM participant p "
                                    "LEFT JOIN enrolment e ON e.participant_id = p.id AND e.status = 'active' "
                                    "LEFT JOIN cohort c ON c.id = e.cohort_id ",
                                    pcols->str);
      sql.json = g_string_free (g_steal_pointer (&json), FALSE);

      g_once_init_leave (&initialized, 1);
    }

  return &sql;
}

static void
bind_fields (sqlite3_stmt                 *stmt,
             const KorakParticipantRecord *record)
{
  sqlite3_bind_int64 (stmt, 1, record->id);

  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    {
      const char *value = record->values[i];

      if (fields[i].kind == KORAK_FIELD_KIND_BOOLEAN)
        sqlite3_bind_int (stmt, i + 2, g_strcmp0 (value, "1") == 0);
      else if (i == KORAK_FIELD_STATUS && value == NULL)
        sqlite3_bind_text (stmt, i + 2, "referred", -1, SQLITE_STATIC);
      else
        korak_bind_text (stmt, i + 2, value);
    }
}

static KorakParticipantRecord *
record_from_row (sqlite3_stmt *stmt)
{
  KorakParticipantRecord *record = korak_participant_record_new ();
  int col = 0;

  record->id = sqlite3_column_int64 (stmt, col++);
  for (guint i = 0; i < KORAK_N_FIELDS; i++, col++)
    record->values[i] = korak_column_dup (stmt, col);
  record->archived_at = korak_column_dup (stmt, col++);
  record->updated_at = korak_column_dup (stmt, col++);
  record->cohort_id = sqlite3_column_int64 (stmt, col++);
  record->cohort_name = korak_column_dup (stmt, col++);

  return record;
}

static char *
participant_json (KorakStore  *store,
                  gint64       id,
                  GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM participant WHERE id = ?", participant_sql ()->json);
  sqlite3_stmt *stmt;
  char *json = NULL;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = korak_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  return json;
}

/* Keeps the one open enrolment in step with the cohort chosen on the
 * profile. A change of cohort closes the old enrolment as withdrawn;
 * its row stays as history. */
static gboolean
sync_enrolment (KorakStore  *store,
                gint64       participant_id,
                gint64       cohort_id,
                GError     **error)
{
  g_autofree char *today = korak_date_today ();
  sqlite3_stmt *stmt;
  gint64 current_id = 0, current_cohort = 0;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, cohort_id FROM enrolment "
                                    "WHERE participant_id = ? AND status = 'active'", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      current_id = sqlite3_column_int64 (stmt, 0);
      current_cohort = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (current_cohort == cohort_id)
    return TRUE;

  if (current_id != 0)
    {
      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE enrolment SET status = 'withdrawn', "
                                        "end_date = max(start_date, ?2), "
                                        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                                        "WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, current_id);
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;
    }

  if (cohort_id == 0)
    return TRUE;

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, status) "
                                    "SELECT ?1, ?2, id, max(?3, start_date), 'active' FROM cohort WHERE id = ?4", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, korak_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, participant_id);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, cohort_id);
  if (!korak_store_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (korak_store_get_db (store)) == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("The chosen cohort no longer exists. Choose another one."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
refresh_record (KorakStore              *store,
                KorakParticipantRecord  *record,
                GError                 **error)
{
  g_autoptr(KorakParticipantRecord) fresh = korak_store_get_participant (store, record->id, error);

  if (fresh == NULL)
    return FALSE;

  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    {
      g_free (record->values[i]);
      record->values[i] = g_steal_pointer (&fresh->values[i]);
    }
  record->cohort_id = fresh->cohort_id;
  g_free (record->cohort_name);
  record->cohort_name = g_steal_pointer (&fresh->cohort_name);
  g_free (record->archived_at);
  record->archived_at = g_steal_pointer (&fresh->archived_at);
  g_free (record->updated_at);
  record->updated_at = g_steal_pointer (&fresh->updated_at);

  return TRUE;
}

/* Inserts one validated record inside the caller's transaction. */
static gboolean
insert_participant (KorakStore              *store,
                    KorakParticipantRecord  *record,
                    GError                 **error)
{
  sqlite3_stmt *stmt;

  /* A random key may, very rarely, already exist: draw again. */
  for (guint attempt = 0; ; attempt++)
    {
      int rc;

      if (!(stmt = korak_store_prepare (store, participant_sql ()->insert, error)))
        return FALSE;

      record->id = korak_store_new_id ();
      bind_fields (stmt, record);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        break;
      if (rc != SQLITE_CONSTRAINT_PRIMARYKEY || attempt > 8)
        {
          korak_store_set_error (store, rc, error);
          return FALSE;
        }
    }

  /* The audit log is written by triggers (korak-audit.c). */
  return sync_enrolment (store, record->id, record->cohort_id, error);
}

/**
 * korak_store_insert_participant:
 *
 * Validates and stores a new participant, with the enrolment in
 * @record->cohort_id if set, in one transaction. On success @record holds
 * the new id and what the database stored.
 */
gboolean
korak_store_insert_participant (KorakStore              *store,
                                KorakParticipantRecord  *record,
                                GError                 **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!korak_participant_record_validate (record, error))
    return FALSE;

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!insert_participant (store, record, error) ||
      !korak_store_commit (store, error))
    goto failed;

  return refresh_record (store, record, error);

failed:
  korak_store_rollback (store);
  record->id = 0;
  return FALSE;
}

/**
 * korak_store_insert_participants:
 * @records: (element-type KorakParticipantRecord): new participants
 * @failed: (out) (optional): the index of the record that was refused,
 *   or G_MAXUINT when the failure was not one record's
 *
 * Validates every record, then stores them all in one transaction: either
 * every one is stored or none is (an import). On success each record holds
 * its new id; on failure every id is 0 again.
 */
gboolean
korak_store_insert_participants (KorakStore  *store,
                                 GPtrArray   *records,
                                 guint       *failed,
                                 GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (failed != NULL)
    *failed = G_MAXUINT;

  for (guint i = 0; i < records->len; i++)
    if (!korak_participant_record_validate (g_ptr_array_index (records, i), error))
      {
        if (failed != NULL)
          *failed = i;
        return FALSE;
      }

  if (!korak_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    if (!insert_participant (store, g_ptr_array_index (records, i), error))
      {
        if (failed != NULL)
          *failed = i;
        goto failed;
      }

  if (!korak_store_commit (store, error))
    goto failed;

  return TRUE;

failed:
  korak_store_rollback (store);
  for (guint i = 0; i < records->len; i++)
    ((KorakParticipantRecord *) g_ptr_array_index (records, i))->id = 0;
  return FALSE;
}

gboolean
korak_store_update_participant (KorakStore              *store,
                                KorakParticipantRecord  *record,
                                GError                 **error)
{
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!korak_participant_record_validate (record, error))
    return FALSE;

  if (!korak_store_begin (store, error))
    return FALSE;

  old_json = participant_json (store, record->id, error);
  if (old_json == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                     _("This participant no longer exists in the database."));
      goto failed;
    }

  if (!(stmt = korak_store_prepare (store, participant_sql ()->update, error)))
    goto failed;
  bind_fields (stmt, record);
  if (!korak_store_step_done (store, stmt, error) ||
      !sync_enrolment (store, record->id, record->cohort_id, error) ||
      !korak_store_commit (store, error))
    goto failed;

  return refresh_record (store, record, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

/* Nothing a mentor entered is deleted: archiving hides the person from
 * the everyday lists and can be undone. */
gboolean
korak_store_set_participant_archived (KorakStore  *store,
                                      gint64       id,
                                      gboolean     archived,
                                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE participant SET archived_at = CASE WHEN ?2 "
                                    "THEN strftime('%Y-%m-%dT%H:%M:%SZ','now') ELSE NULL END, "
                                    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, archived);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  if (sqlite3_changes (korak_store_get_db (store)) == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This participant no longer exists in the database."));
      goto failed;
    }

  /* Logged as 'archive' or 'restore' by the audit triggers. */
  if (!korak_store_commit (store, error))
    goto failed;

  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

KorakParticipantRecord *
korak_store_get_participant (KorakStore  *store,
                             gint64       id,
                             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE p.id = ?", participant_sql ()->select);
  KorakParticipantRecord *record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = record_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                 _("This participant no longer exists in the database."));
  else
    korak_store_set_error (store, rc, error);
  sqlite3_reset (stmt);

  return record;
}

/**
 * korak_store_list_participants:
 *
 * Returns: (transfer full) (element-type KorakParticipantRecord): every
 *   participant, archived ones included, by family and given name.
 */
GPtrArray *
korak_store_list_participants (KorakStore  *store,
                               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("%s ORDER BY p.family_name, p.given_name", participant_sql ()->select);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_participant_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * korak_fts_query_from_text:
 *
 * Turns what a person typed into an FTS5 query: every word must match as
 * a prefix, diacritics ignored. Quotes and operators are taken as text.
 *
 * Returns: (nullable): the query, or %NULL when @text has no words
 */
char *
korak_fts_query_from_text (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) query = g_string_new (NULL);

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_alnum = FALSE;

      /* Validate first: g_utf8_next_char() on a broken sequence can step
       * past the terminating NUL. */
      if (!g_utf8_validate (words[i], -1, NULL))
        continue;
      for (const char *p = words[i]; *p && !has_alnum; p = g_utf8_next_char (p))
        has_alnum = g_unichar_isalnum (g_utf8_get_char (p));
      if (!has_alnum)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * korak_store_search_participants:
 *
 * Returns: (transfer full) (nullable): ids of the matching participants
 *   (archived included) as a #GArray of gint64; %NULL with no @error when
 *   @text has nothing to search for.
 */
GArray *
korak_store_search_participants (KorakStore  *store,
                                 const char  *text,
                                 GError     **error)
{
  g_autofree char *query = korak_fts_query_from_text (text);
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (query == NULL)
    return NULL;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT rowid FROM participant_fts WHERE participant_fts MATCH ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

GPtrArray *
korak_store_list_cohorts (KorakStore  *store,
                          GError     **error)
{
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_cohort_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT c.id, c.name, p.name, c.start_date FROM cohort c "
                                    "JOIN programme p ON p.id = c.programme_id "
                                    "WHERE c.archived_at IS NULL ORDER BY c.start_date DESC, c.name", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakCohortRecord *cohort = g_new0 (KorakCohortRecord, 1);

      cohort->id = sqlite3_column_int64 (stmt, 0);
      cohort->name = korak_column_dup (stmt, 1);
      cohort->programme_name = korak_column_dup (stmt, 2);
      cohort->start_date = korak_column_dup (stmt, 3);
      g_ptr_array_add (cohorts, cohort);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&cohorts);
}
