/* test-audit.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "korak-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "korak-audit-private.h"
#include "korak-history.h"
#include "korak-participant-record.h"
#include "korak-person-export.h"
#include "korak-report-data.h"
#include "korak-schedule.h"
#include "korak-store-private.h"

/* Markers of the person to be erased: none may be left anywhere. */
static const char *secrets[] = {
  "Zvezdana", "Kovačič", "zvezdana.k@example.org", "041 987 654", "Medvodska 7",
  "NoteSecret", "TranslationSecret", "JournalSecret", "GoalSecret", "StepSecret",
  "DiagSecret", "RemarkSecret", "ScoreSecret", "FollowSecret", "BarrierSecret",
  "SlotSecret", "SessionSecret", "CertSecret", "ReferrerSecret",
};

static gboolean
find_bytes (const void *haystack,
            gsize       length,
            const char *needle,
            gsize       needle_length)
{
  const char *h = haystack;

  for (gsize i = 0; needle_length <= length && i <= length - needle_length; i++)
    if (memcmp (h + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  char       *dir;
  char       *path;
  KorakStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("korak-test-audit-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (f->path, &error);
  g_assert_no_error (error);
}


static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  korak_test_remove_tree (f->dir, FALSE);
  g_free (f->path);
  g_free (f->dir);
}

G_GNUC_PRINTF (2, 3)
static void
exec (KorakStore *store,
      const char *format,
      ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  if (!korak_store_exec (store, sql, &error))
    g_error ("“%s” failed: %s", sql, error->message);
}

G_GNUC_PRINTF (2, 3)
static gint64
query_int (KorakStore *store,
           const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

G_GNUC_PRINTF (2, 3)
static char *
query_text (KorakStore *store,
            const char *format,
            ...)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = korak_column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
count_audit (KorakStore *store)
{
  return query_int (store, "SELECT count(*) FROM audit_log");
}

static gint64
insert_person (KorakStore *store,
               const char *given,
               const char *family)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "referred");
  korak_store_insert_participant (store, record, &error);
  g_assert_no_error (error);
  return record->id;
}

/* Staff 101, programme 201, cohort 301, a group session 401 on 2026-03-02. */
static void
make_cohort (KorakStore *store)
{
  exec (store,
        "INSERT INTO staff (id, given_name, family_name, role) VALUES (101, 'Maja', 'Novak', 'mentor');"
        "INSERT INTO programme (id, name) VALUES (201, 'Socialna aktivacija');"
        "INSERT INTO cohort (id, programme_id, name, start_date) VALUES (301, 201, 'Kranj 2026', '2026-01-05');"
        "INSERT INTO session (id, cohort_id, date, start_time, end_time) VALUES (401, 301, '2026-03-02', '09:00', '13:00');");
}

/* ------------------------------------------------------------- triggers */

static void
test_participant (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KorakParticipantRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  make_cohort (f->store);
  g_assert_cmpint (count_audit (f->store), ==, 0);

  /* No staff member chosen: the computer user's full name. */
  id = insert_person (f->store, "Ana", "Novak");
  g_assert_cmpint (count_audit (f->store), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'participant' AND "
                                        "row_id = %" G_GINT64_FORMAT " AND participant_id = row_id AND "
                                        "action = 'insert' AND old_values IS NULL AND staff_id IS NULL", id), ==, 1);
  text = query_text (f->store, "SELECT staff_name FROM audit_log");
  g_assert_cmpstr (text, ==, g_get_real_name ());
  g_clear_pointer (&text, g_free);
  text = query_text (f->store, "SELECT json_extract(new_values, '$.given_name') || ' ' || "
                               "json_extract(new_values, '$.family_name') FROM audit_log");
  g_assert_cmpstr (text, ==, "Ana Novak");
  g_clear_pointer (&text, g_free);
  /* Every column of the row is in the values. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM json_each((SELECT new_values FROM audit_log))"), ==,
                   query_int (f->store, "SELECT count(*) FROM pragma_table_info('participant')"));

  /* A staff member at work. */
  korak_store_set_actor (f->store, 101, "Maja Mentor");
  record = korak_store_get_participant (f->store, id, &error);
  g_assert_no_error (error);
  korak_participant_record_set (record, KORAK_FIELD_PHONE, "041 123 456");
  g_assert_true (korak_store_update_participant (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f->store), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'update' AND staff_id = 101 "
                                        "AND staff_name = 'Maja Mentor' AND participant_id = %" G_GINT64_FORMAT " "
                                        "AND json_extract(old_values, '$.phone') IS NULL "
                                        "AND json_extract(new_values, '$.phone') = '041 123 456' "
                                        "AND json_extract(new_values, '$.given_name') = 'Ana'", id), ==, 1);

  /* Saving with no change writes nothing. */
  g_assert_true (korak_store_update_participant (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f->store), ==, 2);

  /* Archive and restore are their own actions, one entry each. */
  g_assert_true (korak_store_set_participant_archived (f->store, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f->store), ==, 3);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'archive' "
                                        "AND json_extract(old_values, '$.archived_at') IS NULL "
                                        "AND json_extract(new_values, '$.archived_at') IS NOT NULL"), ==, 1);
  g_assert_true (korak_store_set_participant_archived (f->store, id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f->store), ==, 4);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'restore'"), ==, 1);

  /* Enrolling through the profile logs the enrolment too. */
  record->cohort_id = 301;
  g_assert_true (korak_store_update_participant (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'enrolment' "
                                        "AND action = 'insert' AND participant_id = %" G_GINT64_FORMAT, id), ==, 1);
  g_assert_cmpint (count_audit (f->store), ==, 5);

  /* A delete (only an erasure deletes a person, but the trigger is there). */
  exec (f->store, "DELETE FROM enrolment WHERE participant_id = %" G_GINT64_FORMAT "; "
                  "DELETE FROM participant WHERE id = %" G_GINT64_FORMAT, id, id);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'participant' AND action = 'delete' "
                                        "AND new_values IS NULL AND json_extract(old_values, '$.phone') = '041 123 456'"), ==, 1);
  g_assert_cmpint (count_audit (f->store), ==, 7);
}

static void
test_attendance (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 id;
  gint64 before;

  make_cohort (f->store);
  id = insert_person (f->store, "Ana", "Novak");
  exec (f->store, "INSERT INTO enrolment (id, participant_id, cohort_id, start_date) VALUES (501, %" G_GINT64_FORMAT ", 301, '2026-01-05')", id);
  korak_store_set_actor (f->store, 101, "Maja Novak");

  before = count_audit (f->store);
  exec (f->store, "INSERT INTO attendance (id, session_id, participant_id, state, hours) "
                  "VALUES (601, 401, %" G_GINT64_FORMAT ", 'absent', 0)", id);
  g_assert_cmpint (count_audit (f->store), ==, before + 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'attendance' AND row_id = 601 "
                                        "AND action = 'insert' AND participant_id = %" G_GINT64_FORMAT " AND staff_id = 101 "
                                        "AND json_extract(new_values, '$.state') = 'absent'", id), ==, 1);

  exec (f->store, "UPDATE attendance SET state = 'present', hours = 4 WHERE id = 601");
  g_assert_cmpint (count_audit (f->store), ==, before + 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'attendance' AND action = 'update' "
                                        "AND json_extract(old_values, '$.state') = 'absent' "
                                        "AND json_extract(new_values, '$.state') = 'present' "
                                        "AND json_extract(new_values, '$.hours') = 4"), ==, 1);

  /* Only the time of the change: not a change. */
  exec (f->store, "UPDATE attendance SET updated_at = '2030-01-01T00:00:00Z' WHERE id = 601");
  g_assert_cmpint (count_audit (f->store), ==, before + 2);

  exec (f->store, "DELETE FROM attendance WHERE id = 601");
  g_assert_cmpint (count_audit (f->store), ==, before + 3);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'attendance' AND action = 'delete' "
                                        "AND json_extract(old_values, '$.state') = 'present' AND new_values IS NULL"), ==, 1);

  /* Through the register, as the Attendance page saves it: one entry a mark. */
  entries = korak_store_get_register (f->store, 401, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  {
    KorakRegisterEntry *entry = g_ptr_array_index (entries, 0);

    g_free (entry->state);
    entry->state = g_strdup ("late");
    entry->hours = 3;
  }
  before = count_audit (f->store);
  g_assert_true (korak_store_save_register (f->store, 401, entries, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f->store), ==, before + 1);
  /* Saved again unchanged: nothing. */
  g_assert_true (korak_store_save_register (f->store, 401, entries, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f->store), ==, before + 1);

  /* A group session is not a person's data; an individual one is. */
  before = count_audit (f->store);
  exec (f->store, "INSERT INTO session (id, cohort_id, date, start_time, end_time) VALUES (402, 301, '2026-03-04', '09:00', '13:00')");
  g_assert_cmpint (count_audit (f->store), ==, before);
  exec (f->store, "INSERT INTO session (id, cohort_id, date, start_time, end_time, kind, participant_id) "
                  "VALUES (403, 301, '2026-03-05', '14:00', '15:00', 'individual', %" G_GINT64_FORMAT ")", id);
  g_assert_cmpint (count_audit (f->store), ==, before + 1);
  g_assert_cmpint (query_int (f->store, "SELECT participant_id FROM audit_log WHERE table_name = 'session'"), ==, id);
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  gint64 id, before;

  make_cohort (f->store);
  id = insert_person (f->store, "Ana", "Novak");
  before = count_audit (f->store);

  exec (f->store, "INSERT INTO plan (id, participant_id, diagnosis) VALUES (701, %" G_GINT64_FORMAT ", 'Shy at first')", id);
  g_assert_cmpint (count_audit (f->store), ==, before + 1);
  exec (f->store, "UPDATE plan SET diagnosis = 'Speaks up now' WHERE id = 701");
  g_assert_cmpint (count_audit (f->store), ==, before + 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'plan' AND action = 'update' "
                                        "AND json_extract(old_values, '$.diagnosis') = 'Shy at first' "
                                        "AND json_extract(new_values, '$.diagnosis') = 'Speaks up now'"), ==, 1);

  exec (f->store,
        "INSERT INTO goal (id, plan_id, area, description) VALUES (711, 701, 'work', 'A job in a kitchen');"
        "INSERT INTO goal_step (id, goal_id, description) VALUES (721, 711, 'Write a CV');"
        "INSERT INTO plan_barrier (id, plan_id, kind, checked) VALUES (731, 701, 'transport', 1);"
        "UPDATE goal SET status = 'achieved' WHERE id = 711;");
  g_assert_cmpint (count_audit (f->store), ==, before + 6);
  /* Rows of the plan know whose they are. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name IN ('goal', 'goal_step', 'plan_barrier') "
                                        "AND participant_id = %" G_GINT64_FORMAT, id), ==, 4);

  /* Deleting the plan deletes its rows first, so each deletion still knows the person. */
  exec (f->store, "DELETE FROM plan WHERE id = 701");
  g_assert_cmpint (count_audit (f->store), ==, before + 10);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'delete' "
                                        "AND participant_id = %" G_GINT64_FORMAT, id), ==, 4);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE participant_id IS NULL"), ==, 0);
}

static void
test_assessment (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *area = NULL;
  gint64 id, before;

  id = insert_person (f->store, "Ana", "Novak");
  area = query_text (f->store, "SELECT id FROM competency_area ORDER BY ordinal LIMIT 1");
  before = count_audit (f->store);

  exec (f->store, "INSERT INTO assessment (id, participant_id, date, kind) VALUES (801, %" G_GINT64_FORMAT ", '2026-02-01', 'intake')", id);
  g_assert_cmpint (count_audit (f->store), ==, before + 1);
  exec (f->store, "INSERT INTO assessment_score (id, assessment_id, area_id, score) VALUES (811, 801, %s, 4)", area);
  g_assert_cmpint (count_audit (f->store), ==, before + 2);
  exec (f->store, "UPDATE assessment SET date = '2026-02-03' WHERE id = 801");
  exec (f->store, "UPDATE assessment_score SET score = 6 WHERE id = 811");
  g_assert_cmpint (count_audit (f->store), ==, before + 4);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'assessment_score' "
                                        "AND action = 'update' AND json_extract(old_values, '$.score') = 4 "
                                        "AND json_extract(new_values, '$.score') = 6 "
                                        "AND participant_id = %" G_GINT64_FORMAT, id), ==, 1);

  exec (f->store, "DELETE FROM assessment WHERE id = 801");
  g_assert_cmpint (count_audit (f->store), ==, before + 6);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'delete' "
                                        "AND participant_id = %" G_GINT64_FORMAT, id), ==, 2);
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  gint64 before;

  insert_person (f->store, "Ana", "Novak");
  before = count_audit (f->store);

  /* A transaction rolled back takes its audit entries with it. */
  g_assert_true (korak_store_begin (f->store, &error));
  exec (f->store, "INSERT INTO participant (id, given_name, family_name) VALUES (991, 'Mira', 'Horvat')");
  exec (f->store, "UPDATE participant SET phone = '01 234 567' WHERE id = 991");
  g_assert_cmpint (count_audit (f->store), ==, before + 2);
  korak_store_rollback (f->store);
  g_assert_cmpint (count_audit (f->store), ==, before);

  /* So does a change the database refuses. */
  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, "Mira");
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, "Horvat");
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "referred");
  record->cohort_id = 999999;
  g_assert_false (korak_store_insert_participant (f->store, record, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_audit (f->store), ==, before);

  /* With auditing off (sample data) nothing is logged. */
  korak_store_set_audit_enabled (f->store, FALSE);
  exec (f->store, "INSERT INTO participant (id, given_name, family_name) VALUES (992, 'Sample', 'Person')");
  korak_store_set_audit_enabled (f->store, TRUE);
  g_assert_cmpint (count_audit (f->store), ==, before);
}

/* Every table with a person's data has its triggers, and they know every
 * column; every table that refers to a participant is among them. */
static void
test_every_table (Fixture       *f,
                  gconstpointer  data)
{
  const char * const *tables = korak_audit_tables ();
  sqlite3 *db = korak_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *columns = NULL;

      g_test_message ("%s", tables[i]);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '%s' "
                                            "AND name IN ('audit_%s_insert', 'audit_%s_update', 'audit_%s_delete')",
                                  tables[i], tables[i], tables[i], tables[i]), ==, 3);
      sql = query_text (f->store, "SELECT sql FROM sqlite_master WHERE name = 'audit_%s_update'", tables[i]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info(?)", -1, &columns, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (columns, 1, tables[i], -1, SQLITE_STATIC);
      while (sqlite3_step (columns) == SQLITE_ROW)
        {
          g_autofree char *old_ref = g_strdup_printf ("old.\"%s\"", sqlite3_column_text (columns, 0));
          g_autofree char *new_ref = g_strdup_printf ("new.\"%s\"", sqlite3_column_text (columns, 0));

          g_assert_nonnull (strstr (sql, old_ref));
          g_assert_nonnull (strstr (sql, new_ref));
        }
      sqlite3_finalize (columns);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) k "
                                       "WHERE m.type = 'table' AND k.\"table\" = 'participant'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);

      g_test_message ("refers to participant: %s", name);
      g_assert_true (g_strv_contains (tables, name));
    }
  sqlite3_finalize (stmt);
}

/* ---------------------------------------------------------- a full person */

/* A person in every table, with a history of changes. */
static gint64
make_full_person (KorakStore *store)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *area = NULL;
  g_autofree char *activity = NULL;
  gint64 id;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, "Zvezdana");
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, "Kovačič");
  korak_participant_record_set (record, KORAK_FIELD_EMAIL, "zvezdana.k@example.org");
  korak_participant_record_set (record, KORAK_FIELD_ADDRESS, "Medvodska 7");
  korak_participant_record_set (record, KORAK_FIELD_REFERRING_WORKER, "ReferrerSecret");
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "completed");
  g_assert_true (korak_store_insert_participant (store, record, &error));
  g_assert_no_error (error);
  id = record->id;
  korak_participant_record_set (record, KORAK_FIELD_PHONE, "041 987 654");
  g_assert_true (korak_store_update_participant (store, record, &error));
  g_assert_no_error (error);

  area = query_text (store, "SELECT id FROM competency_area ORDER BY ordinal LIMIT 1");
  activity = query_text (store, "SELECT id FROM activity LIMIT 1");

#define P "%" G_GINT64_FORMAT
  exec (store,
        "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, end_date, status, exit_positive) "
        "  VALUES (1501, " P ", 301, '2026-01-05', '2026-06-30', 'completed', 1);"
        "INSERT INTO follow_up (id, enrolment_id, due_date, situation) VALUES (1502, 1501, '2026-09-30', 'FollowSecret');"
        "INSERT INTO attendance (id, session_id, participant_id, state, hours, remark) "
        "  VALUES (1503, 401, " P ", 'absent', 0, 'RemarkSecret');"
        "UPDATE attendance SET state = 'present', hours = 4 WHERE id = 1503;"
        "INSERT INTO session (id, cohort_id, date, start_time, end_time, kind, participant_id, place) "
        "  VALUES (1504, 301, '2026-03-03', '14:00', '15:00', 'individual', " P ", 'SessionSecret');"
        "INSERT INTO attendance (id, session_id, participant_id, state, hours) VALUES (1505, 1504, " P ", 'present', 1);"
        "INSERT INTO weekly_pattern (id, cohort_id, weekday, start_time, end_time, kind, participant_id, place) "
        "  VALUES (1506, 301, 2, '14:00', '15:00', 'individual', " P ", 'SlotSecret');"
        "INSERT INTO plan (id, participant_id, enrolment_id, diagnosis) VALUES (1507, " P ", 1501, 'DiagSecret');"
        "INSERT INTO plan_barrier (id, plan_id, kind, checked, remark) VALUES (1508, 1507, 'health', 1, 'BarrierSecret');"
        "INSERT INTO goal (id, plan_id, area, description) VALUES (1509, 1507, 'work', 'GoalSecret');"
        "UPDATE goal SET status = 'achieved' WHERE id = 1509;"
        "INSERT INTO goal_step (id, goal_id, description) VALUES (1510, 1509, 'StepSecret');"
        "INSERT INTO plan_activity (id, plan_id, activity_id) VALUES (1511, 1507, %s);"
        "INSERT INTO plan_review (id, plan_id, date, kind, changes) VALUES (1512, 1507, '2026-02-01', 'save', '[\"DiagSecret\"]');"
        "INSERT INTO assessment (id, participant_id, date, kind) VALUES (1513, " P ", '2026-02-01', 'intake');"
        "INSERT INTO assessment_score (id, assessment_id, area_id, score, remark) VALUES (1514, 1513, %s, 5, 'ScoreSecret');"
        "INSERT INTO journal_entry (id, participant_id, date, kind, text) VALUES (1515, " P ", '2026-02-02', 'small_win', 'JournalSecret');"
        "INSERT INTO note (id, participant_id, date, language, text) VALUES (1516, " P ", '2026-02-03', 'sl', 'NoteSecret');"
        "INSERT INTO note_translation (id, note_id, language, text) VALUES (1517, 1516, 'en', 'TranslationSecret');"
        "INSERT INTO certificate (id, serial, participant_id, enrolment_id, kind, issued_date, hours, content) "
        "  VALUES (1518, '2026-TEST-0001', " P ", 1501, 'completion', '2026-06-30', 100, 'CertSecret Zvezdana Kovačič');",
        id, id, id, id, id, id, activity, id, area, id, id, id);
#undef P

  return id;
}

static gint64
make_other_person (KorakStore *store)
{
  gint64 id = insert_person (store, "Mirko", "Drugi");

  exec (store,
        "INSERT INTO enrolment (id, participant_id, cohort_id, start_date) VALUES (1601, %" G_GINT64_FORMAT ", 301, '2026-01-05');"
        "INSERT INTO attendance (id, session_id, participant_id, state, hours) VALUES (1603, 401, %" G_GINT64_FORMAT ", 'late', 3);"
        "INSERT INTO note (id, participant_id, date, language, text) VALUES (1616, %" G_GINT64_FORMAT ", '2026-02-03', 'sl', 'Mirko''s note');",
        id, id, id);
  return id;
}

/* Every value in every table, rows of the erasure record left out. */
static guint
count_traces (KorakStore *store,
              gint64      id)
{
  sqlite3 *db = korak_store_get_db (store);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  guint found = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *sql = g_str_equal (table, "audit_log")
                               ? g_strdup ("SELECT * FROM audit_log WHERE action <> 'erase'")
                               : g_strdup_printf ("SELECT * FROM \"%s\"", table);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *bytes = sqlite3_column_blob (stmt, c);
            int n = sqlite3_column_bytes (stmt, c);

            if (sqlite3_column_type (stmt, c) == SQLITE_INTEGER && sqlite3_column_int64 (stmt, c) == id)
              {
                g_test_message ("%s.%s holds the id", table, sqlite3_column_name (stmt, c));
                found++;
              }
            if (bytes == NULL)
              continue;
            if (find_bytes (bytes, n, id_text, strlen (id_text)))
              {
                g_test_message ("%s.%s mentions the id", table, sqlite3_column_name (stmt, c));
                found++;
              }
            for (guint s = 0; s < G_N_ELEMENTS (secrets); s++)
              if (find_bytes (bytes, n, secrets[s], strlen (secrets[s])))
                {
                  g_test_message ("%s.%s holds “%s”", table, sqlite3_column_name (stmt, c), secrets[s]);
                  found++;
                }
          }
      sqlite3_finalize (stmt);
    }

  return found;
}

static guint
count_file_traces (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint found = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return 0;

  for (guint s = 0; s < G_N_ELEMENTS (secrets); s++)
    if (find_bytes (contents, length, secrets[s], strlen (secrets[s])))
      {
        g_test_message ("the file %s holds “%s”", path, secrets[s]);
        found++;
      }

  return found;
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autofree char *report = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(KorakCohortOutcomes) before = NULL;
  g_autoptr(KorakCohortOutcomes) after = NULL;
  gint64 id, other;
  gint64 other_audit;

  make_cohort (f->store);
  korak_store_set_actor (f->store, 101, "Maja Novak");
  id = make_full_person (f->store);
  other = make_other_person (f->store);
  other_audit = query_int (f->store, "SELECT count(*) FROM audit_log WHERE participant_id = %" G_GINT64_FORMAT, other);
  g_assert_cmpint (other_audit, >=, 4);
  g_assert_cmpuint (count_traces (f->store, id), >, 20);

  /* The file holds the person now (the check below can see them). */
  wal = g_strconcat (f->path, "-wal", NULL);
  g_clear_object (&f->store);
  g_assert_cmpuint (count_file_traces (f->path) + count_file_traces (wal), >=, G_N_ELEMENTS (secrets));
  f->store = korak_store_open (f->path, &error);
  g_assert_no_error (error);
  korak_store_set_actor (f->store, 101, "Maja Novak");

  before = korak_store_get_cohort_outcomes (f->store, 301, &error);
  g_assert_no_error (error);
  g_assert_cmpint (before->erased, ==, 0);

  g_assert_true (korak_store_erase_person (f->store, id, &error));
  g_assert_no_error (error);

  /* The cohort's outcomes still count the person, without the details. */
  after = korak_store_get_cohort_outcomes (f->store, 301, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->erased, ==, 1);
  g_assert_cmpint (after->enrolled, ==, before->enrolled);
  g_assert_cmpint (after->completed, ==, before->completed);
  g_assert_cmpint (after->positive_exits, ==, before->positive_exits);
  g_assert_cmpfloat_with_epsilon (after->hours, before->hours, 0.001);

  /* Nothing of the person is left in any table, the log and the search
   * index included. */
  g_assert_cmpuint (count_traces (f->store, id), ==, 0);
  hits = korak_store_search_participants (f->store, "zvezdana", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_array_unref);
  hits = korak_store_search_participants (f->store, "kovacic", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);

  /* The erasure itself is recorded, with no values. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'erase' AND table_name = 'participant' "
                                        "AND row_id = %" G_GINT64_FORMAT " AND old_values IS NULL AND new_values IS NULL "
                                        "AND staff_id = 101 AND staff_name = 'Maja Novak'", id), ==, 1);

  /* Anonymous counts stay. */
  g_assert_cmpint (query_int (f->store, "SELECT people FROM erased_person_count WHERE cohort_id = 301"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT enrolments FROM erased_person_count WHERE cohort_id = 301"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT completed FROM erased_person_count WHERE cohort_id = 301"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT exit_positive FROM erased_person_count WHERE cohort_id = 301"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT present FROM erased_person_count WHERE cohort_id = 301"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT hours FROM erased_person_count WHERE cohort_id = 301"), ==, 5);
  g_assert_cmpint (query_int (f->store, "SELECT certificates FROM erased_person_count WHERE cohort_id = 301"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM erased_certificate WHERE serial = '2026-TEST-0001'"), ==, 1);

  /* The other person is untouched, history and all. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM participant WHERE id = %" G_GINT64_FORMAT, other), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM attendance WHERE participant_id = %" G_GINT64_FORMAT, other), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note WHERE participant_id = %" G_GINT64_FORMAT, other), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE participant_id = %" G_GINT64_FORMAT, other), ==, other_audit);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM session WHERE id = 401"), ==, 1);
  g_clear_pointer (&hits, g_array_unref);
  hits = korak_store_search_participants (f->store, "mirko", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  report = korak_store_integrity_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");

  /* A second erasure of the same person finds no one. */
  g_assert_false (korak_store_erase_person (f->store, id, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nor is anything left in the file once it is closed: what was deleted
   * was written over. */
  g_clear_object (&f->store);
  g_assert_cmpuint (count_file_traces (f->path) + count_file_traces (wal), ==, 0);
}

static void
test_erase_never_enrolled (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = insert_person (f->store, "Zvezdana", "Kovačič");

  g_assert_true (korak_store_erase_person (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM participant"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT people FROM erased_person_count WHERE cohort_id IS NULL"), ==, 1);
  g_assert_cmpuint (count_traces (f->store, id), ==, 0);
}

/* ----------------------------------------------------------------- export */

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  sqlite3 *mem = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  make_cohort (f->store);
  id = make_full_person (f->store);
  make_other_person (f->store);

  json = korak_store_export_person (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json);

  /* Valid JSON, with the person's notes, attendance and history in it and
   * nobody else's. */
  g_assert_cmpint (sqlite3_open (":memory:", &mem), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (mem,
                                       "SELECT json_valid(?1), json_extract(?1, '$.participant.given_name'), "
                                       "json_array_length(?1, '$.attendance'), json_extract(?1, '$.note[0].text'), "
                                       "json_extract(?1, '$.note_translation[0].text'), json_array_length(?1, '$.audit_log'), "
                                       "json_extract(?1, '$.attendance[0].session_date'), json_extract(?1, '$.format'), "
                                       "json_type(?1, '$.audit_log[0].new_values'), json_extract(?1, '$.certificate[0].serial'), "
                                       "json_array_length(?1, '$.goal_step'), json_extract(?1, '$.assessment_score[0].remark'), "
                                       "json_type(?1, '$.plan_review[0].changes'), json_extract(?1, '$.attendance[0].hours')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "Zvezdana");
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 2);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 3), ==, "NoteSecret");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 4), ==, "TranslationSecret");
  g_assert_cmpint (sqlite3_column_int (stmt, 5), ==,
                   query_int (f->store, "SELECT count(*) FROM audit_log WHERE participant_id = %" G_GINT64_FORMAT, id));
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 6), ==, "2026-03-02");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 7), ==, "korak-person-export");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 8), ==, "object");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 9), ==, "2026-TEST-0001");
  g_assert_cmpint (sqlite3_column_int (stmt, 10), ==, 1);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 11), ==, "ScoreSecret");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 12), ==, "array");
  g_assert_cmpint (sqlite3_column_int (stmt, 13), ==, 4);
  sqlite3_finalize (stmt);
  sqlite3_close (mem);
  g_assert_null (strstr (json, "Mirko"));

  /* The two files, side by side, readable by the user only. */
  g_assert_true (korak_person_export_write (f->store, id, f->dir, &json_path, &pdf_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (json_path, "Zvezdana Kovačič.json"));
  g_assert_true (g_str_has_suffix (pdf_path, "Zvezdana Kovačič.pdf"));
  {
    GStatBuf st;
    g_autofree char *head = NULL;
    gsize length;

    g_assert_cmpint (g_stat (json_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (pdf_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_true (g_file_get_contents (pdf_path, &head, &length, NULL));
    g_assert_true (g_str_has_prefix (head, "%PDF"));
  }

  if (python != NULL)
    {
      const char *argv[] = { python, "-c", "import json,sys; d = json.load(open(sys.argv[1], encoding='utf-8')); "
                             "assert d['participant']['family_name'] == 'Kovačič'; "
                             "assert any(n['text'] == 'NoteSecret' for n in d['note'])", json_path, NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
    }

  /* A second export does not replace the first. */
  {
    g_autofree char *again_json = NULL;
    g_autofree char *again_pdf = NULL;

    g_assert_true (korak_person_export_write (f->store, id, f->dir, &again_json, &again_pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_suffix (again_json, "Zvezdana Kovačič (2).json"));
    g_assert_true (g_file_test (json_path, G_FILE_TEST_EXISTS));
  }

  /* Someone who is not there. */
  g_assert_null (korak_store_export_person (f->store, 424242, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
}

/* -------------------------------------------------------------- retention */

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;

  make_cohort (f->store);
  exec (f->store,
        /* Left twelve years ago: due. */
        "INSERT INTO participant (id, given_name, family_name, status) VALUES (1, 'Old', 'Exit', 'exited');"
        "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, end_date, status) "
        "  VALUES (11, 1, 301, '2013-09-01', '2014-03-01', 'exited');"
        /* Completed three years ago: kept. */
        "INSERT INTO participant (id, given_name, family_name, status) VALUES (2, 'Recent', 'Finish', 'completed');"
        "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, end_date, status) "
        "  VALUES (21, 2, 301, '2022-09-01', '2023-03-01', 'completed');"
        /* In a programme now, though an old enrolment ended long ago: kept. */
        "INSERT INTO participant (id, given_name, family_name, status) VALUES (3, 'Back', 'Again', 'active');"
        "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, end_date, status) "
        "  VALUES (31, 3, 301, '2010-01-01', '2010-06-30', 'completed');"
        "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, status) "
        "  VALUES (32, 3, 301, '2026-01-05', 'active');"
        /* Referred in 2012, never enrolled: due. */
        "INSERT INTO participant (id, given_name, family_name, status, referral_date) "
        "  VALUES (4, 'Never', 'Came', 'referred', '2012-05-05');"
        /* Exactly ten years: not yet. */
        "INSERT INTO participant (id, given_name, family_name, status) VALUES (5, 'Just', 'Ten', 'exited');"
        "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, end_date, status) "
        "  VALUES (51, 5, 301, '2016-01-01', '2016-06-01', 'exited');"
        /* Exited with no end date, only an exit date, long ago: due. */
        "INSERT INTO participant (id, given_name, family_name, status) VALUES (6, 'Exit', 'Only', 'exited');"
        "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, exit_date, status) "
        "  VALUES (61, 6, 301, '2011-01-01', '2011-02-01', 'exited');");

  due = korak_store_list_retention_due (f->store, 10, "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 3);
  {
    KorakRetentionRecord *first = g_ptr_array_index (due, 0);
    KorakRetentionRecord *second = g_ptr_array_index (due, 1);
    KorakRetentionRecord *third = g_ptr_array_index (due, 2);

    g_assert_cmpint (first->participant_id, ==, 6);
    g_assert_cmpstr (first->last_date, ==, "2011-02-01");
    g_assert_true (first->enrolled);
    g_assert_cmpint (second->participant_id, ==, 4);
    g_assert_cmpstr (second->last_date, ==, "2012-05-05");
    g_assert_false (second->enrolled);
    g_assert_cmpint (third->participant_id, ==, 1);
    g_assert_cmpstr (third->family_name, ==, "Exit");
  }
  g_clear_pointer (&due, g_ptr_array_unref);

  due = korak_store_list_retention_due (f->store, 2, "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 5);
}

/* ---------------------------------------------------------------- history */

static const char *
summary_at (KorakHistory *history,
            guint         position)
{
  g_autoptr(KorakHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (history), position);

  g_assert_nonnull (entry);
  return korak_history_entry_get_summary (entry);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakHistory) history = NULL;
  g_autoptr(KorakHistoryEntry) entry = NULL;
  g_autofree char *area = NULL;
  g_autofree char *expected = NULL;
  gint64 id, other;
  guint n;

  make_cohort (f->store);
  korak_store_set_actor (f->store, 101, "Maja");
  id = insert_person (f->store, "Ana", "Novak");
  other = insert_person (f->store, "Mirko", "Drugi");
  area = query_text (f->store, "SELECT id FROM competency_area ORDER BY ordinal LIMIT 1");

  exec (f->store,
        "INSERT INTO attendance (id, session_id, participant_id, state, hours) VALUES (601, 401, %" G_GINT64_FORMAT ", 'absent', 0);"
        "UPDATE attendance SET state = 'present', hours = 4 WHERE id = 601;"
        "INSERT INTO attendance (id, session_id, participant_id, state, hours) VALUES (602, 401, %" G_GINT64_FORMAT ", 'late', 2);"
        "INSERT INTO plan (id, participant_id) VALUES (701, %" G_GINT64_FORMAT ");"
        "INSERT INTO goal (id, plan_id, area, description) VALUES (711, 701, 'work', 'A job');"
        "UPDATE goal SET status = 'achieved' WHERE id = 711;"
        "INSERT INTO assessment (id, participant_id, date, kind) VALUES (801, %" G_GINT64_FORMAT ", '2026-02-01', 'intake');"
        "INSERT INTO assessment_score (id, assessment_id, area_id, score) VALUES (811, 801, %s, 4);",
        id, other, id, id, area);
  /* An assessment saved anew: its scores removed and entered again, one unchanged. */
  exec (f->store,
        "DELETE FROM assessment_score WHERE assessment_id = 801;"
        "INSERT INTO assessment_score (id, assessment_id, area_id, score) VALUES (812, 801, %s, 4);", area);

  history = korak_history_new (f->store, id);
  g_assert_true (korak_history_reload (history, &error));
  g_assert_no_error (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (history));
  for (guint i = 0; i < n; i++)
    g_test_message ("%u: %s", i, summary_at (history, i));

  /* Newest first; Mirko's mark is not Ana's history; the score saved
   * again unchanged is no change. */
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpstr (summary_at (history, 0), ==, "Assessment: Communication added");
  g_assert_cmpstr (summary_at (history, 1), ==, "Assessment added");
  g_assert_cmpstr (summary_at (history, 2), ==, "Plan: goal changed (Status: Planned → Achieved)");
  g_assert_cmpstr (summary_at (history, 3), ==, "Plan: goal added");
  g_assert_cmpstr (summary_at (history, 4), ==, "Plan added");
  g_assert_cmpstr (summary_at (history, 5), ==, "Attendance on 2026-03-02 changed from Absent to Present");
  g_assert_cmpstr (summary_at (history, 6), ==, "Attendance on 2026-03-02 marked Absent");
  g_assert_cmpstr (summary_at (history, 7), ==, "Profile created");

  entry = g_list_model_get_item (G_LIST_MODEL (history), 5);
  g_assert_cmpstr (korak_history_entry_get_who (entry), ==, "Maja Novak");
  g_assert_nonnull (korak_history_entry_get_time (entry));
  expected = g_date_time_format (korak_history_entry_get_time (entry), "%Y-%m-%d %H:%M");
  g_assert_cmpstr (korak_history_entry_get_time_label (entry), ==, expected);
  g_clear_object (&entry);

  /* A score that did change when saved again is one change. */
  exec (f->store,
        "DELETE FROM assessment_score WHERE assessment_id = 801;"
        "INSERT INTO assessment_score (id, assessment_id, area_id, score) VALUES (813, 801, %s, 7);", area);
  g_assert_true (korak_history_reload (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 9);
  g_assert_cmpstr (summary_at (history, 0), ==, "Assessment: Communication changed (Score: 4 → 7)");

  /* A profile change names the fields in their own words; no staff member: the user. */
  korak_store_set_actor (f->store, 0, NULL);
  exec (f->store, "UPDATE participant SET phone = '041 123 456', needs_mediator = 1 WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_true (korak_history_reload (history, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary_at (history, 0), ==, "Profile changed (Phone: — → 041 123 456; Needs an intercultural mediator: no → yes)");
  entry = g_list_model_get_item (G_LIST_MODEL (history), 0);
  g_assert_cmpstr (korak_history_entry_get_who (entry), ==, g_get_real_name ());
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/audit/participant", test_participant);
  ADD ("/audit/attendance", test_attendance);
  ADD ("/audit/plan", test_plan);
  ADD ("/audit/assessment", test_assessment);
  ADD ("/audit/rollback", test_rollback);
  ADD ("/audit/every-table", test_every_table);
  ADD ("/audit/history", test_history);
  ADD ("/gdpr/erase", test_erase);
  ADD ("/gdpr/erase-never-enrolled", test_erase_never_enrolled);
  ADD ("/gdpr/export", test_export);
  ADD ("/gdpr/retention", test_retention);
#undef ADD

  return g_test_run ();
}
