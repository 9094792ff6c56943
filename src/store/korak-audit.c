/* korak-audit.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "korak-audit-private.h"
#include "korak-date.h"
#include "korak-store-private.h"

/*
 * The audit log is written by triggers, in the transaction of the change
 * itself, so no code path can change a person's data without a record and a
 * rolled-back change leaves none. The triggers ask three functions that
 * korak-store.c registers on its connection: korak_actor_id() and
 * korak_actor_name() (the staff member chosen in Preferences, else the
 * operating system user's full name) and korak_audit_enabled().
 *
 * Each entry names the person it is about (participant_id), found through
 * the row's parents, so a person's history, their export and their erasure
 * reach every table. A parent deleted with its children (a plan, an
 * assessment, a note, an enrolment) deletes the children first, in a BEFORE
 * trigger, while the parent can still tell whose they were.
 */

typedef struct
{
  const char *table;
  const char *person;    /* SQL for the participant's id; '@' is new or old */
  const char *when;      /* extra condition, '@' as above, or NULL */
  const char *children;  /* run BEFORE DELETE, with old, or NULL */
} Audited;

#define PLAN_PERSON "(SELECT participant_id FROM plan WHERE id = @.plan_id)"

static const Audited audited[] = {
  { "participant", "@.id", NULL, NULL },
  { "enrolment", "@.participant_id", NULL,
    "DELETE FROM follow_up WHERE enrolment_id = old.id;" },
  { "follow_up", "(SELECT participant_id FROM enrolment WHERE id = @.enrolment_id)", NULL, NULL },
  { "session", "@.participant_id", "@.participant_id IS NOT NULL", NULL },
  { "weekly_pattern", "@.participant_id", "@.participant_id IS NOT NULL", NULL },
  { "attendance", "@.participant_id", NULL, NULL },
  { "plan", "@.participant_id", NULL,
    "DELETE FROM goal WHERE plan_id = old.id; DELETE FROM plan_barrier WHERE plan_id = old.id; "
    "DELETE FROM plan_activity WHERE plan_id = old.id; DELETE FROM plan_review WHERE plan_id = old.id;" },
  { "plan_barrier", PLAN_PERSON, NULL, NULL },
  { "goal", PLAN_PERSON, NULL,
    "DELETE FROM goal_step WHERE goal_id = old.id;" },
  { "goal_step", "(SELECT p.participant_id FROM goal g JOIN plan p ON p.id = g.plan_id WHERE g.id = @.goal_id)",
    NULL, NULL },
  { "plan_activity", PLAN_PERSON, NULL, NULL },
  { "plan_review", PLAN_PERSON, NULL, NULL },
  { "assessment", "@.participant_id", NULL,
    "DELETE FROM assessment_score WHERE assessment_id = old.id;" },
  { "assessment_score", "(SELECT participant_id FROM assessment WHERE id = @.assessment_id)", NULL, NULL },
  { "journal_entry", "@.participant_id", NULL, NULL },
  { "note", "@.participant_id", NULL,
    "DELETE FROM note_translation WHERE note_id = old.id;" },
  { "note_translation", "(SELECT participant_id FROM note WHERE id = @.note_id)", NULL,
    "DELETE FROM note_translation_version WHERE translation_id = old.id;" },
  { "note_translation_version", "(SELECT n.participant_id FROM note_translation t JOIN note n ON n.id = t.note_id "
    "WHERE t.id = @.translation_id)", NULL, NULL },
  { "certificate", "@.participant_id", NULL, NULL },
};

/* Bookkeeping columns: a change to only these is not a change. */
static gboolean
is_bookkeeping (const char *column)
{
  return g_str_equal (column, "created_at") || g_str_equal (column, "updated_at") ||
         g_str_equal (column, "updated_by");
}

const char * const *
korak_audit_tables (void)
{
  static const char *tables[G_N_ELEMENTS (audited) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (audited); i++)
        tables[i] = audited[i].table;
      g_once_init_leave (&initialized, 1);
    }

  return tables;
}

/* @template with every '@' replaced by @row ("new" or "old"). */
static char *
with_row (const char *template,
          const char *row)
{
  g_auto(GStrv) parts = g_strsplit (template, "@", -1);

  return g_strjoinv (row, parts);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);

  if (rc != SQLITE_OK)
    {
      g_debug ("“%s” failed: %s", sql, errmsg);
      sqlite3_free (errmsg);
      korak_error_from_sqlite (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
table_exists (sqlite3     *db,
              const char  *table,
              gboolean    *exists,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      korak_error_from_sqlite (db, rc, error);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static GPtrArray *
table_columns (sqlite3     *db,
               const char  *table,
               GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (columns, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_error_from_sqlite (db, rc, error);
      return NULL;
    }
  if (columns->len == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                   _("The database has no table “%s”."), table);
      return NULL;
    }

  return g_steal_pointer (&columns);
}

static char *
json_of_row (GPtrArray  *columns,
             const char *row)
{
  GString *sql = g_string_new ("json_object(");

  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = g_ptr_array_index (columns, i);

      g_string_append_printf (sql, "%s'%s', %s.\"%s\"", i ? ", " : "", column, row, column);
    }
  g_string_append_c (sql, ')');

  return g_string_free (sql, FALSE);
}

static char *
changed_condition (GPtrArray *columns)
{
  GString *sql = g_string_new ("(");
  gboolean first = TRUE;

  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = g_ptr_array_index (columns, i);

      if (is_bookkeeping (column))
        continue;
      g_string_append_printf (sql, "%sold.\"%s\" IS NOT new.\"%s\"", first ? "" : " OR ", column, column);
      first = FALSE;
    }
  g_string_append_c (sql, ')');

  return g_string_free (sql, FALSE);
}

/* The INSERT INTO audit_log a trigger runs. */
static char *
log_statement (const char *table,
               const char *row,
               const char *person,
               const char *action,
               const char *old_json,
               const char *new_json)
{
  /* The log never leaves this desk, so its rows take the next id rather
   * than a random one: appended, not scattered over the table, which
   * halves the cost of logging a large bundle from another desk. */
  return g_strdup_printf ("INSERT INTO audit_log (seq, staff_id, staff_name, table_name, row_id, "
                          "participant_id, action, old_values, new_values) VALUES ("
                          "(SELECT coalesce(max(seq), 0) + 1 FROM audit_log), "
                          "nullif(korak_actor_id(), 0), korak_actor_name(), "
                          "'%s', %s.id, %s, '%s', %s, %s);",
                          table, row, person, action, old_json ? old_json : "NULL",
                          new_json ? new_json : "NULL");
}

static gboolean
create_table_triggers (sqlite3       *db,
                       const Audited *spec,
                       GError       **error)
{
  g_autoptr(GPtrArray) columns = table_columns (db, spec->table, error);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *new_json = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_person = NULL;
  g_autofree char *old_person = NULL;
  g_autofree char *update_person = NULL;
  g_autofree char *new_when = NULL;
  g_autofree char *old_when = NULL;
  g_autofree char *update_when = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *statement = NULL;
  gboolean is_participant = g_str_equal (spec->table, "participant");

  if (columns == NULL)
    return FALSE;

  new_json = json_of_row (columns, "new");
  old_json = json_of_row (columns, "old");
  new_person = with_row (spec->person, "new");
  old_person = with_row (spec->person, "old");
  update_person = g_strdup_printf ("coalesce(%s, %s)", new_person, old_person);
  changed = changed_condition (columns);

  if (spec->when != NULL)
    {
      g_autofree char *n = with_row (spec->when, "new");
      g_autofree char *o = with_row (spec->when, "old");

      new_when = g_strdup_printf (" AND %s", n);
      old_when = g_strdup_printf (" AND %s", o);
      update_when = g_strdup_printf (" AND (%s OR %s)", o, n);
    }

  g_string_append_printf (sql,
                          "DROP TRIGGER IF EXISTS audit_%1$s_insert;\n"
                          "DROP TRIGGER IF EXISTS audit_%1$s_update;\n"
                          "DROP TRIGGER IF EXISTS audit_%1$s_delete;\n"
                          "DROP TRIGGER IF EXISTS audit_%1$s_cascade;\n",
                          spec->table);

  statement = log_statement (spec->table, "new", new_person, "insert", NULL, new_json);
  g_string_append_printf (sql,
                          "CREATE TRIGGER audit_%s_insert AFTER INSERT ON %s\n"
                          "WHEN korak_audit_enabled()%s BEGIN\n  %s\nEND;\n",
                          spec->table, spec->table, new_when ? new_when : "", statement);
  g_clear_pointer (&statement, g_free);

  statement = log_statement (spec->table, "new", update_person, "update", old_json, new_json);
  g_string_append_printf (sql,
                          "CREATE TRIGGER audit_%s_update AFTER UPDATE ON %s\n"
                          "WHEN korak_audit_enabled()%s%s AND %s BEGIN\n  %s\nEND;\n",
                          spec->table, spec->table, update_when ? update_when : "",
                          is_participant ? " AND (old.archived_at IS NULL) = (new.archived_at IS NULL)" : "",
                          changed, statement);
  g_clear_pointer (&statement, g_free);

  statement = log_statement (spec->table, "old", old_person, "delete", old_json, NULL);
  g_string_append_printf (sql,
                          "CREATE TRIGGER audit_%s_delete AFTER DELETE ON %s\n"
                          "WHEN korak_audit_enabled()%s BEGIN\n  %s\nEND;\n",
                          spec->table, spec->table, old_when ? old_when : "", statement);
  g_clear_pointer (&statement, g_free);

  if (spec->children != NULL)
    g_string_append_printf (sql,
                            "CREATE TRIGGER audit_%s_cascade BEFORE DELETE ON %s\n"
                            "WHEN korak_audit_enabled() BEGIN\n  %s\nEND;\n",
                            spec->table, spec->table, spec->children);

  /* Archiving and restoring a person are their own actions. */
  if (is_participant)
    {
      g_string_append (sql,
                       "DROP TRIGGER IF EXISTS audit_participant_archive;\n"
                       "DROP TRIGGER IF EXISTS audit_participant_restore;\n");
      statement = log_statement ("participant", "new", "new.id", "archive", old_json, new_json);
      g_string_append_printf (sql,
                              "CREATE TRIGGER audit_participant_archive AFTER UPDATE OF archived_at ON participant\n"
                              "WHEN korak_audit_enabled() AND old.archived_at IS NULL AND new.archived_at IS NOT NULL "
                              "BEGIN\n  %s\nEND;\n", statement);
      g_clear_pointer (&statement, g_free);
      statement = log_statement ("participant", "new", "new.id", "restore", old_json, new_json);
      g_string_append_printf (sql,
                              "CREATE TRIGGER audit_participant_restore AFTER UPDATE OF archived_at ON participant\n"
                              "WHEN korak_audit_enabled() AND old.archived_at IS NOT NULL AND new.archived_at IS NULL "
                              "BEGIN\n  %s\nEND;\n", statement);
    }

  return exec_sql (db, sql->str, error);
}

gboolean
korak_audit_create_triggers (sqlite3  *db,
                             GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (audited); i++)
    {
      gboolean exists = FALSE;

      if (!table_exists (db, audited[i].table, &exists, error))
        return FALSE;
      /* A table a later migration makes (note_translation_version, 7)
       * gets its triggers when that migration calls this again. */
      if (!exists)
        {
          g_debug ("No table %s yet: no audit triggers for it", audited[i].table);
          continue;
        }
      if (!create_table_triggers (db, &audited[i], error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------ the log */

void
korak_audit_record_free (KorakAuditRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->at);
  g_free (record->who);
  g_free (record->table_name);
  g_free (record->action);
  g_free (record->old_values);
  g_free (record->new_values);
  g_free (record->context);
  g_clear_pointer (&record->columns, g_ptr_array_unref);
  g_clear_pointer (&record->old_map, g_hash_table_unref);
  g_clear_pointer (&record->new_map, g_hash_table_unref);
  g_free (record);
}

gboolean
korak_audit_record_lookup (const KorakAuditRecord  *record,
                           gboolean                 new_values,
                           const char              *column,
                           const char             **value)
{
  GHashTable *map;
  gpointer found = NULL;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  map = new_values ? record->new_map : record->old_map;
  if (map == NULL || !g_hash_table_lookup_extended (map, column, NULL, &found))
    {
      if (value)
        *value = NULL;
      return FALSE;
    }

  if (value)
    *value = found;
  return TRUE;
}

GPtrArray *
korak_audit_record_changed_columns (const KorakAuditRecord *record)
{
  GPtrArray *changed = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (record != NULL, changed);

  if (record->old_map == NULL || record->new_map == NULL || record->columns == NULL)
    return changed;

  for (guint i = 0; i < record->columns->len; i++)
    {
      const char *key = g_ptr_array_index (record->columns, i);
      const char *old_value = NULL, *new_value = NULL;

      if (is_bookkeeping (key))
        continue;
      korak_audit_record_lookup (record, FALSE, key, &old_value);
      korak_audit_record_lookup (record, TRUE, key, &new_value);
      if (g_strcmp0 (old_value, new_value) != 0)
        g_ptr_array_add (changed, g_strdup (key));
    }

  return changed;
}

static GHashTable *
read_map (KorakStore  *store,
          const char  *json,
          GPtrArray   *keys,
          GError     **error)
{
  g_autoptr(GHashTable) map = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (json == NULL)
    return NULL;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT key, CASE WHEN type IN ('object','array') THEN json(value) "
                                    "ELSE value END FROM json_each(?1) WHERE json_valid(?1)", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);

  map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (keys != NULL)
        g_ptr_array_add (keys, korak_column_dup (stmt, 0));
      g_hash_table_insert (map, korak_column_dup (stmt, 0), korak_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&map);
}

GPtrArray *
korak_store_list_audit (KorakStore  *store,
                        gint64       participant_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_audit_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT a.id, a.at, a.seq, a.staff_id, "
                                    "  coalesce(nullif(trim(s.given_name || ' ' || s.family_name), ''), a.staff_name), "
                                    "  a.table_name, a.row_id, a.participant_id, a.action, a.old_values, a.new_values, "
                                    "  CASE a.table_name "
                                    "    WHEN 'attendance' THEN (SELECT date FROM session WHERE id = "
                                    "      json_extract(coalesce(a.new_values, a.old_values), '$.session_id')) "
                                    "    WHEN 'assessment_score' THEN (SELECT name FROM competency_area WHERE id = "
                                    "      json_extract(coalesce(a.new_values, a.old_values), '$.area_id')) "
                                    "    WHEN 'plan_activity' THEN (SELECT name FROM activity WHERE id = "
                                    "      json_extract(coalesce(a.new_values, a.old_values), '$.activity_id')) "
                                    "    WHEN 'enrolment' THEN (SELECT name FROM cohort WHERE id = "
                                    "      json_extract(coalesce(a.new_values, a.old_values), '$.cohort_id')) "
                                    "  END "
                                    "FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id "
                                    "WHERE a.participant_id = ?1 "
                                    "ORDER BY a.at DESC, a.seq DESC", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakAuditRecord *record = g_new0 (KorakAuditRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->at = korak_column_dup (stmt, 1);
      record->seq = sqlite3_column_int64 (stmt, 2);
      record->staff_id = sqlite3_column_int64 (stmt, 3);
      record->who = korak_column_dup (stmt, 4);
      record->table_name = korak_column_dup (stmt, 5);
      record->row_id = sqlite3_column_int64 (stmt, 6);
      record->participant_id = sqlite3_column_int64 (stmt, 7);
      record->action = korak_column_dup (stmt, 8);
      record->old_values = korak_column_dup (stmt, 9);
      record->new_values = korak_column_dup (stmt, 10);
      record->context = korak_column_dup (stmt, 11);
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  /* The values, once the statement above is done with. */
  for (guint i = 0; i < records->len; i++)
    {
      KorakAuditRecord *record = g_ptr_array_index (records, i);
      GError *local = NULL;

      record->columns = g_ptr_array_new_with_free_func (g_free);
      record->old_map = read_map (store, record->old_values,
                                  record->new_values ? NULL : record->columns, &local);
      if (local == NULL)
        record->new_map = read_map (store, record->new_values, record->columns, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return NULL;
        }
    }

  return g_steal_pointer (&records);
}

/* ---------------------------------------------------- a person's data */

typedef struct
{
  const char *name;   /* the table the first column ("id") belongs to */
  const char *sql;    /* ?1: the participant */
} PersonQuery;

#define OF_PLAN "JOIN plan p ON p.id = x.plan_id WHERE p.participant_id = ?1"

static const PersonQuery person_queries[] = {
  { "participant", "SELECT x.* FROM participant x WHERE x.id = ?1" },
  { "enrolment", "SELECT x.*, c.name AS cohort_name FROM enrolment x "
                 "LEFT JOIN cohort c ON c.id = x.cohort_id WHERE x.participant_id = ?1 ORDER BY x.start_date" },
  { "follow_up", "SELECT x.* FROM follow_up x JOIN enrolment e ON e.id = x.enrolment_id "
                 "WHERE e.participant_id = ?1 ORDER BY x.due_date" },
  { "attendance", "SELECT x.*, s.date AS session_date, s.start_time AS session_start, "
                  "s.end_time AS session_end, act.name AS activity_name FROM attendance x "
                  "JOIN session s ON s.id = x.session_id LEFT JOIN activity act ON act.id = s.activity_id "
                  "WHERE x.participant_id = ?1 ORDER BY s.date, s.start_time" },
  { "session", "SELECT x.*, act.name AS activity_name FROM session x "
               "LEFT JOIN activity act ON act.id = x.activity_id WHERE x.participant_id = ?1 "
               "ORDER BY x.date, x.start_time" },
  { "weekly_pattern", "SELECT x.* FROM weekly_pattern x WHERE x.participant_id = ?1 "
                      "ORDER BY x.weekday, x.start_time" },
  { "plan", "SELECT x.* FROM plan x WHERE x.participant_id = ?1 ORDER BY x.created_at" },
  { "plan_barrier", "SELECT x.* FROM plan_barrier x " OF_PLAN " ORDER BY x.kind" },
  { "goal", "SELECT x.* FROM goal x " OF_PLAN " ORDER BY x.ordinal" },
  { "goal_step", "SELECT x.*, g.description AS goal_description FROM goal_step x "
                 "JOIN goal g ON g.id = x.goal_id JOIN plan p ON p.id = g.plan_id "
                 "WHERE p.participant_id = ?1 ORDER BY g.ordinal, x.ordinal" },
  { "plan_activity", "SELECT x.*, act.name AS activity_name FROM plan_activity x "
                     "LEFT JOIN activity act ON act.id = x.activity_id " OF_PLAN " ORDER BY x.ordinal" },
  { "plan_review", "SELECT x.* FROM plan_review x " OF_PLAN " ORDER BY x.date, x.seq" },
  { "assessment", "SELECT x.* FROM assessment x WHERE x.participant_id = ?1 ORDER BY x.date" },
  { "assessment_score", "SELECT x.*, a.date AS assessment_date, a.kind AS assessment_kind, "
                        "ca.name AS area_name FROM assessment_score x "
                        "JOIN assessment a ON a.id = x.assessment_id "
                        "LEFT JOIN competency_area ca ON ca.id = x.area_id "
                        "WHERE a.participant_id = ?1 ORDER BY a.date, ca.ordinal" },
  { "journal_entry", "SELECT x.* FROM journal_entry x WHERE x.participant_id = ?1 ORDER BY x.date, x.seq" },
  { "note", "SELECT x.* FROM note x WHERE x.participant_id = ?1 ORDER BY x.date" },
  { "note_translation", "SELECT x.* FROM note_translation x JOIN note n ON n.id = x.note_id "
                        "WHERE n.participant_id = ?1 ORDER BY n.date, x.language" },
  { "note_translation_version", "SELECT x.* FROM note_translation_version x "
                                "JOIN note_translation t ON t.id = x.translation_id JOIN note n ON n.id = t.note_id "
                                "WHERE n.participant_id = ?1 ORDER BY n.date, t.language, x.version" },
  { "certificate", "SELECT x.* FROM certificate x WHERE x.participant_id = ?1 ORDER BY x.issued_date" },
  { "audit_log", "SELECT x.id, x.at, x.seq, x.staff_id, x.staff_name, x.table_name, x.row_id, "
                 "x.participant_id, x.action, x.old_values, x.new_values FROM audit_log x "
                 "WHERE x.participant_id = ?1 ORDER BY x.seq" },
};

static gboolean
participant_exists (KorakStore  *store,
                    gint64       participant_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, "SELECT 1 FROM participant WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                 _("This participant no longer exists in the database."));
  else
    korak_store_set_error (store, rc, error);
  return FALSE;
}

void
korak_person_table_free (KorakPersonTable *table)
{
  if (table == NULL)
    return;

  g_free (table->name);
  g_strfreev (table->columns);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

const char *
korak_person_table_get (const KorakPersonTable *table,
                        guint                   row,
                        const char             *column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  for (guint i = 0; i < table->n_columns; i++)
    if (g_str_equal (table->columns[i], column))
      return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (table->rows, row), i);

  return NULL;
}

KorakPersonTable *
korak_person_data_find (GPtrArray  *tables,
                        const char *name)
{
  g_return_val_if_fail (tables != NULL, NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      KorakPersonTable *table = g_ptr_array_index (tables, i);

      if (g_str_equal (table->name, name))
        return table;
    }

  return NULL;
}

GPtrArray *
korak_store_dump_person (KorakStore  *store,
                         gint64       participant_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_person_table_free);

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!participant_exists (store, participant_id, error))
    return NULL;

  for (guint q = 0; q < G_N_ELEMENTS (person_queries); q++)
    {
      KorakPersonTable *table = g_new0 (KorakPersonTable, 1);
      sqlite3_stmt *stmt;
      int rc;

      table->name = g_strdup (person_queries[q].name);
      g_ptr_array_add (tables, table);

      if (!(stmt = korak_store_prepare (store, person_queries[q].sql, error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, participant_id);

      table->n_columns = sqlite3_column_count (stmt);
      table->columns = g_new0 (char *, table->n_columns + 1);
      for (guint i = 0; i < table->n_columns; i++)
        table->columns[i] = g_strdup (sqlite3_column_name (stmt, i));
      table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          GPtrArray *row = g_ptr_array_new_full (table->n_columns, g_free);

          for (guint i = 0; i < table->n_columns; i++)
            g_ptr_array_add (row, korak_column_dup (stmt, i));
          g_ptr_array_add (table->rows, row);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          korak_store_set_error (store, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&tables);
}

/* ----------------------------------------------------------- JSON out */

static void
json_append_string (GString    *out,
                    const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *)valid; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* Columns that hold JSON themselves: kept as JSON, not as a string. */
static gboolean
is_json_column (const char *name)
{
  return g_str_equal (name, "old_values") || g_str_equal (name, "new_values") ||
         g_str_equal (name, "changes") || g_str_equal (name, "module_plan");
}

static gboolean
json_append_value (KorakStore    *store,
                   GString       *out,
                   sqlite3_stmt  *row,
                   int            column,
                   GError       **error)
{
  switch (sqlite3_column_type (row, column))
    {
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (row, column));
      break;

    case SQLITE_FLOAT:
      {
        double value = sqlite3_column_double (row, column);
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        if (isfinite (value))
          g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, value));
        else
          g_string_append (out, "null");
      }
      break;

    case SQLITE_TEXT:
      {
        const char *text = (const char *)sqlite3_column_text (row, column);

        if (is_json_column (sqlite3_column_name (row, column)))
          {
            sqlite3_stmt *check;
            g_autofree char *minified = NULL;

            if (!(check = korak_store_prepare (store, "SELECT json(?1) WHERE json_valid(?1)", error)))
              return FALSE;
            sqlite3_bind_text (check, 1, text, -1, SQLITE_TRANSIENT);
            if (sqlite3_step (check) == SQLITE_ROW)
              minified = korak_column_dup (check, 0);
            sqlite3_reset (check);
            if (minified != NULL)
              {
                g_string_append (out, minified);
                break;
              }
          }
        json_append_string (out, text);
      }
      break;

    case SQLITE_BLOB:
      {
        g_autofree char *base64 = g_base64_encode (sqlite3_column_blob (row, column),
                                                   sqlite3_column_bytes (row, column));

        json_append_string (out, base64);
      }
      break;

    default:
      g_string_append (out, "null");
    }

  return TRUE;
}

static gboolean
json_append_rows (KorakStore         *store,
                  GString            *out,
                  const PersonQuery  *query,
                  gint64              participant_id,
                  gboolean            single,
                  GError            **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  int n_columns;
  int rc;

  if (!(stmt = korak_store_prepare (store, query->sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  n_columns = sqlite3_column_count (stmt);

  /* Each row becomes one object; the JSON check of a value uses another
   * of the store's statements. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *object = g_string_new ("{");

      for (int i = 0; i < n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (object, ',');
          json_append_string (object, sqlite3_column_name (stmt, i));
          g_string_append_c (object, ':');
          if (!json_append_value (store, object, stmt, i, error))
            {
              g_string_free (object, TRUE);
              sqlite3_reset (stmt);
              return FALSE;
            }
        }
      g_string_append_c (object, '}');
      g_ptr_array_add (rows, g_string_free (object, FALSE));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  json_append_string (out, query->name);
  g_string_append (out, ": ");
  if (single)
    {
      g_string_append (out, rows->len > 0 ? (const char *) g_ptr_array_index (rows, 0) : "null");
      return TRUE;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      g_string_append (out, i ? ",\n    " : "\n    ");
      g_string_append (out, g_ptr_array_index (rows, i));
    }
  g_string_append (out, rows->len ? "\n  ]" : "]");

  return TRUE;
}

char *
korak_store_export_person (KorakStore  *store,
                           gint64       participant_id,
                           GError     **error)
{
  g_autoptr(GString) out = g_string_new ("{\n");
  g_autofree char *now = korak_store_now_iso ();

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!participant_exists (store, participant_id, error))
    return NULL;

  g_string_append (out, "  \"format\": \"korak-person-export\",\n");
  g_string_append (out, "  \"version\": 1,\n");
  g_string_append_printf (out, "  \"schema_version\": %d,\n", korak_store_get_schema_version (store));
  g_string_append (out, "  \"exported_at\": ");
  json_append_string (out, now);
  g_string_append (out, ",\n  \"exported_by\": ");
  json_append_string (out, korak_store_get_actor_name (store));

  for (guint q = 0; q < G_N_ELEMENTS (person_queries); q++)
    {
      g_string_append (out, ",\n  ");
      if (!json_append_rows (store, out, &person_queries[q], participant_id, q == 0, error))
        return NULL;
    }
  g_string_append (out, "\n}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------ erasure */

static gboolean
step_id (KorakStore  *store,
         const char  *sql,
         gint64       id,
         GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return korak_store_step_done (store, stmt, error);
}

/* What stays of the person: how many took part, finished and left well,
 * and how they attended, per cohort; no name, no date, no row. */
static gboolean
keep_counts (KorakStore  *store,
             gint64       participant_id,
             GError     **error)
{
  typedef struct { gint64 cohort_id; gboolean has_cohort; gint64 v[9]; double hours; } Counts;
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (Counts));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "WITH parts (cohort_id, enrolments, completed, exited, exit_positive, "
                                    "            present, late, excused, absent, hours, certificates) AS ("
                                    "  SELECT cohort_id, 1, status = 'completed', status IN ('exited','withdrawn'), "
                                    "         coalesce(exit_positive, 0) = 1, 0, 0, 0, 0, 0, 0 "
                                    "  FROM enrolment WHERE participant_id = ?1 "
                                    "  UNION ALL "
                                    "  SELECT s.cohort_id, 0, 0, 0, 0, a.state = 'present', a.state = 'late', "
                                    "         a.state = 'excused', a.state = 'absent', a.hours, 0 "
                                    "  FROM attendance a JOIN session s ON s.id = a.session_id WHERE a.participant_id = ?1 "
                                    "  UNION ALL "
                                    "  SELECT e.cohort_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 "
                                    "  FROM certificate c LEFT JOIN enrolment e ON e.id = c.enrolment_id "
                                    "  WHERE c.participant_id = ?1) "
                                    "SELECT cohort_id, sum(enrolments), sum(completed), sum(exited), sum(exit_positive), "
                                    "       sum(present), sum(late), sum(excused), sum(absent), sum(certificates), total(hours) "
                                    "FROM parts GROUP BY cohort_id", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Counts counts = { 0 };

      counts.has_cohort = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
      counts.cohort_id = sqlite3_column_int64 (stmt, 0);
      for (guint i = 0; i < 9; i++)
        counts.v[i] = sqlite3_column_int64 (stmt, 1 + i);
      counts.hours = sqlite3_column_double (stmt, 10);
      g_array_append_val (all, counts);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  /* Someone never enrolled still counts as one person erased. */
  if (all->len == 0)
    {
      Counts none = { 0 };

      g_array_append_val (all, none);
    }

  for (guint i = 0; i < all->len; i++)
    {
      Counts *counts = &g_array_index (all, Counts, i);
      sqlite3_stmt *update, *insert;

#define COUNT_COLUMNS "enrolments, completed, exited, exit_positive, present, late, excused, absent, certificates, hours"
      if (!(update = korak_store_prepare (store,
                                          "UPDATE erased_person_count SET people = people + 1, "
                                          "enrolments = enrolments + ?2, completed = completed + ?3, "
                                          "exited = exited + ?4, exit_positive = exit_positive + ?5, "
                                          "present = present + ?6, late = late + ?7, excused = excused + ?8, "
                                          "absent = absent + ?9, certificates = certificates + ?10, "
                                          "hours = hours + ?11, "
                                          "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                                          "WHERE coalesce(cohort_id, 0) = coalesce(?1, 0)", error)))
        return FALSE;
      if (counts->has_cohort)
        sqlite3_bind_int64 (update, 1, counts->cohort_id);
      for (guint c = 0; c < 9; c++)
        sqlite3_bind_int64 (update, 2 + c, counts->v[c]);
      sqlite3_bind_double (update, 11, counts->hours);
      if (!korak_store_step_done (store, update, error))
        return FALSE;
      if (sqlite3_changes (korak_store_get_db (store)) > 0)
        continue;

      if (!(insert = korak_store_prepare (store,
                                          "INSERT INTO erased_person_count (id, cohort_id, people, " COUNT_COLUMNS ") "
                                          "VALUES (?12, ?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error)))
        return FALSE;
#undef COUNT_COLUMNS
      if (counts->has_cohort)
        sqlite3_bind_int64 (insert, 1, counts->cohort_id);
      for (guint c = 0; c < 9; c++)
        sqlite3_bind_int64 (insert, 2 + c, counts->v[c]);
      sqlite3_bind_double (insert, 11, counts->hours);
      sqlite3_bind_int64 (insert, 12, korak_store_new_id ());
      if (!korak_store_step_done (store, insert, error))
        return FALSE;
    }

  return TRUE;
}

static int
query_int (KorakStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
erase_rows (KorakStore  *store,
            gint64       participant_id,
            GError     **error)
{
  /* The log's entries about the person: by person, and by row for any
   * entry that could not tell whose it was. */
  if (!korak_store_exec (store,
                         "CREATE TEMP TABLE IF NOT EXISTS korak_erase_rows "
                         "(table_name TEXT NOT NULL, row_id INTEGER NOT NULL)", error) ||
      !korak_store_exec (store, "DELETE FROM temp.korak_erase_rows", error))
    return FALSE;

  for (guint q = 0; q < G_N_ELEMENTS (person_queries); q++)
    {
      g_autofree char *sql = NULL;

      if (g_str_equal (person_queries[q].name, "audit_log"))
        continue;
      sql = g_strdup_printf ("INSERT INTO temp.korak_erase_rows (table_name, row_id) "
                             "SELECT '%s', id FROM (%s)", person_queries[q].name, person_queries[q].sql);
      if (!step_id (store, sql, participant_id, error))
        return FALSE;
    }

  if (!step_id (store, "DELETE FROM audit_log WHERE participant_id = ?1", participant_id, error) ||
      !korak_store_exec (store,
                         "DELETE FROM audit_log WHERE id IN (SELECT a.id FROM temp.korak_erase_rows r "
                         "JOIN audit_log a ON a.table_name = r.table_name AND a.row_id = r.row_id)",
                         error) ||
      !korak_store_exec (store, "DELETE FROM temp.korak_erase_rows", error))
    return FALSE;

  /* The serial numbers stay taken (nothing else of the certificate). */
  if (!step_id (store,
                "INSERT OR IGNORE INTO erased_certificate (serial) "
                "SELECT serial FROM certificate WHERE participant_id = ?1", participant_id, error))
    return FALSE;

  /* Certificates are kept from deletion by a RESTRICT key; everything
   * else goes with the person (ON DELETE CASCADE), the search index by
   * its trigger. */
  if (!step_id (store, "DELETE FROM certificate WHERE participant_id = ?1", participant_id, error) ||
      !step_id (store, "DELETE FROM participant WHERE id = ?1", participant_id, error))
    return FALSE;

  /* A deleted row leaves its words in the index's older segments until
   * they merge: merge them all now. */
  return korak_store_exec (store, "INSERT INTO participant_fts(participant_fts) VALUES ('optimize')", error);
}

static void
restore_secure_delete (KorakStore *store,
                       int         value)
{
  korak_store_exec (store, value == 2 ? "PRAGMA secure_delete = FAST"
                           : value == 1 ? "PRAGMA secure_delete = ON"
                           : "PRAGMA secure_delete = OFF", NULL);
}

gboolean
korak_store_erase_person (KorakStore  *store,
                          gint64       participant_id,
                          GError     **error)
{
  gboolean audit_was_enabled;
  gboolean ok;
  int secure_delete;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  /* Freed pages are written over, so the data is not left in the file. */
  secure_delete = query_int (store, "PRAGMA secure_delete");
  korak_store_exec (store, "PRAGMA secure_delete = ON", NULL);

  if (!korak_store_begin (store, error))
    goto restore_pragma;

  audit_was_enabled = korak_store_get_audit_enabled (store);
  korak_store_set_audit_enabled (store, FALSE);
  ok = participant_exists (store, participant_id, error) &&
       keep_counts (store, participant_id, error) &&
       erase_rows (store, participant_id, error);
  korak_store_set_audit_enabled (store, audit_was_enabled);
  if (!ok)
    goto failed;

  /* That it happened, who did it and when: no values. */
  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO audit_log (id, seq, staff_id, staff_name, table_name, row_id, "
                                    "participant_id, action) VALUES (?1, "
                                    "(SELECT coalesce(max(seq), 0) + 1 FROM audit_log), "
                                    "nullif(korak_actor_id(), 0), korak_actor_name(), 'participant', ?2, NULL, 'erase')",
                                    error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, korak_store_new_id ());
  sqlite3_bind_int64 (stmt, 2, participant_id);
  if (!korak_store_step_done (store, stmt, error) ||
      !korak_store_commit (store, error))
    goto failed;

  restore_secure_delete (store, secure_delete);
  /* Older copies of the pages wait in the write-ahead log until it is
   * copied back; do that now (another reader may hold it: then later). */
  korak_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  return TRUE;

failed:
  korak_store_rollback (store);
restore_pragma:
  restore_secure_delete (store, secure_delete);
  return FALSE;
}

/* ---------------------------------------------------------- retention */

void
korak_retention_record_free (KorakRetentionRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->given_name);
  g_free (record->family_name);
  g_free (record->status);
  g_free (record->archived_at);
  g_free (record->last_date);
  g_free (record);
}

GPtrArray *
korak_store_list_retention_due (KorakStore  *store,
                                guint        years,
                                const char  *today,
                                GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_retention_record_free);
  g_autofree char *default_today = NULL;
  g_autofree char *modifier = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (today == NULL || korak_date_is_iso (today), NULL);

  if (today == NULL)
    today = default_today = korak_date_today ();
  modifier = g_strdup_printf ("-%u years", years);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, given_name, family_name, status, archived_at, "
                                    "       coalesce(last_end, known_since) AS last_date, last_end IS NOT NULL "
                                    "FROM (SELECT p.*, "
                                    "        (SELECT max(coalesce(e.end_date, e.exit_date, e.start_date)) "
                                    "         FROM enrolment e WHERE e.participant_id = p.id) AS last_end, "
                                    "        coalesce(p.referral_date, substr(p.created_at, 1, 10)) AS known_since "
                                    "      FROM participant p "
                                    "      WHERE p.status <> 'active' AND NOT EXISTS "
                                    "        (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id AND e.status = 'active')) "
                                    "WHERE coalesce(last_end, known_since) < date(?1, ?2) "
                                    "ORDER BY last_date, family_name COLLATE NOCASE, given_name COLLATE NOCASE",
                                    error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, modifier, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakRetentionRecord *record = g_new0 (KorakRetentionRecord, 1);

      record->participant_id = sqlite3_column_int64 (stmt, 0);
      record->given_name = korak_column_dup (stmt, 1);
      record->family_name = korak_column_dup (stmt, 2);
      record->status = korak_column_dup (stmt, 3);
      record->archived_at = korak_column_dup (stmt, 4);
      record->last_date = korak_column_dup (stmt, 5);
      record->enrolled = sqlite3_column_int (stmt, 6);
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
