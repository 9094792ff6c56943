/* test-store.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "korak-test-util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include "korak-date.h"
#include "korak-participant-record.h"
#include "korak-store-private.h"

#define MAX_ID (G_GINT64_CONSTANT (1) << 62)

static const char *design_tables[] = {
  "organisation", "staff", "programme", "cohort", "module", "participant",
  "enrolment", "activity", "session", "weekly_pattern", "attendance", "plan",
  "goal", "goal_step", "assessment", "assessment_score", "competency_area",
  "journal_entry", "note", "note_translation", "note_translation_version",
  "certificate", "follow_up", "audit_log", "desk",
};

/* ---- helpers ----------------------------------------------------------- */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("korak-test-store-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}


static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_file_unchanged (const char *path,
                       GBytes     *before)
{
  g_autoptr(GBytes) after = read_file (path);

  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (after, NULL), g_bytes_get_size (after));
}

static void
assert_no_side_files (const char *path)
{
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      g_test_message ("%s must not exist", side);
      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }
}

static void
write_file (const char   *path,
            const void   *data,
            gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Overwrites @length bytes at @offset with @byte, in place. */
static void
overwrite_bytes (const char *path,
                 goffset     offset,
                 gsize       length,
                 guint8      byte)
{
  g_autofree guint8 *junk = g_malloc (length);
  int fd;

  memset (junk, byte, length);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, length, offset), ==, (gssize)length);
  g_assert_cmpint (close (fd), ==, 0);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, TRUE);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);

  if (rc != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, errmsg);
}

/* Runs @sql and expects it to fail with the extended code @expected. */
static void
raw_exec_fails (sqlite3    *db,
                const char *sql,
                int         expected)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);

  g_test_message ("“%s” → %d %s", sql, rc, errmsg ? errmsg : "");
  sqlite3_free (errmsg);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_extended_errcode (db), ==, expected);
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("“%s” gave no row: %s", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("“%s” gave no row: %s", sql, sqlite3_errmsg (db));
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* The names of every table in the file, one string, for comparing. */
static char *
raw_schema_names (sqlite3 *db)
{
  return raw_text (db, "SELECT coalesce(group_concat(type || ':' || name, ','), '') FROM "
                       "(SELECT type, name FROM sqlite_master ORDER BY type, name)");
}

static void
raw_close (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Every message a user can see says what to do; SQLite's words may
 * follow only as a detail. */
static void
assert_friendly_error (const GError *error,
                       int           code)
{
  g_assert_error (error, KORAK_STORE_ERROR, code);
  g_test_message ("error %d: %s", error->code, error->message);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);

  for (int rc = 0; rc <= SQLITE_WARNING; rc++)
    g_assert_false (g_str_has_prefix (error->message, sqlite3_errstr (rc)));

  g_assert_false (g_str_has_prefix (error->message, "("));
  g_assert_false (g_str_has_prefix (error->message, "CHECK constraint"));
  g_assert_false (g_str_has_prefix (error->message, "UNIQUE constraint"));
  g_assert_false (g_str_has_prefix (error->message, "NOT NULL constraint"));
  g_assert_false (g_str_has_prefix (error->message, "FOREIGN KEY constraint"));
  g_assert_false (g_str_has_prefix (error->message, "no such table"));
  g_assert_false (g_str_has_prefix (error->message, "table "));
}

static KorakStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KorakStore *store = korak_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (KORAK_IS_STORE (store));
  return store;
}

static KorakParticipantRecord *
new_record (const char *given,
            const char *family)
{
  KorakParticipantRecord *record = korak_participant_record_new ();

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "referred");
  return record;
}

static gint64
insert_person (KorakStore *store,
               const char *given,
               const char *family)
{
  g_autoptr(KorakParticipantRecord) record = new_record (given, family);
  g_autoptr(GError) error = NULL;

  gboolean ok = korak_store_insert_participant (store, record, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (record->id, >=, 1);
  return record->id;
}

static gint64
count_rows (KorakStore *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 count = korak_store_count_rows (store, table, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count, >=, 0);
  return count;
}

/* Searches and expects exactly @expected (0 for no match). */
static void
assert_search (KorakStore *store,
               const char *text,
               gint64      expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = korak_store_search_participants (store, text, &error);

  g_test_message ("search “%s”", text);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  if (expected == 0)
    g_assert_cmpuint (ids->len, ==, 0);
  else
    {
      g_assert_cmpuint (ids->len, ==, 1);
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, expected);
    }
}

static void
make_programme_and_cohorts (KorakStore *store)
{
  g_autoptr(GError) error = NULL;

  korak_store_exec (store,
                    "INSERT INTO programme (id, name, target_group) VALUES (1001, 'Socialna aktivacija', 'roma_women');"
                    "INSERT INTO cohort (id, programme_id, name, site, start_date, end_date) "
                    "  VALUES (2001, 1001, 'Novo mesto 2026/1', 'Novo mesto', '2026-01-12', '2026-07-10');"
                    "INSERT INTO cohort (id, programme_id, name, site, start_date) "
                    "  VALUES (2002, 1001, 'Kočevje 2026/2', 'Kočevje', '2026-03-02');",
                    &error);
  g_assert_no_error (error);
}

/* ---- opening and creating ---------------------------------------------- */

static void
test_open_create (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "not", "yet", NULL);
  g_autofree char *path = g_build_filename (folder, "korak.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal_mode = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(KorakParticipantRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  sqlite3 *db;
  gint64 desk_id, id;

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  store = open_store (path);
  g_assert_cmpstr (korak_store_get_path (store), ==, path);
  g_assert_cmpint (korak_store_get_schema_version (store), ==, KORAK_STORE_SCHEMA_VERSION);

  /* People's data is for this user only. */
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  {
    g_autofree char *parent = g_build_filename (dir, "not", NULL);

    g_assert_cmpint (g_stat (parent, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* SQLite gives the journal the database's mode. */
  if (g_stat (wal, &st) == 0)
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  db = korak_store_get_db (store);
  g_assert_nonnull (db);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, KORAK_STORE_SCHEMA_VERSION);
  journal_mode = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (raw_int (db, "PRAGMA foreign_keys"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (design_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
                                              design_tables[i]);

      g_test_message ("table %s", design_tables[i]);
      g_assert_cmpint (raw_int (db, sql), ==, 1);
      /* A new database holds its desk, the activity catalogue (migration 2)
       * and the competency areas (migration 3). */
      g_assert_cmpint (count_rows (store, design_tables[i]), ==,
                       g_str_equal (design_tables[i], "desk") ? 1 :
                       g_str_equal (design_tables[i], "activity") ? 15 :
                       g_str_equal (design_tables[i], "competency_area") ? 10 : 0);
    }
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'participant_fts'"), ==, 1);

  /* This database's identity. */
  desk_id = korak_store_get_desk_id (store);
  g_assert_cmpint (desk_id, >=, 1);
  g_assert_cmpint (desk_id, <=, MAX_ID);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM desk WHERE is_local = 1"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT id FROM desk WHERE is_local = 1"), ==, desk_id);

  id = insert_person (store, "Ana", "Novak");
  g_clear_object (&store);

  /* Closing the last connection folds the WAL back into the file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  store = open_store (path);
  g_assert_cmpint (korak_store_get_desk_id (store), ==, desk_id);
  g_assert_cmpint (count_rows (store, "desk"), ==, 1);
  g_assert_cmpint (count_rows (store, "participant"), ==, 1);
  again = korak_store_get_participant (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (korak_participant_record_get (again, KORAK_FIELD_GIVEN_NAME), ==, "Ana");
  g_assert_cmpstr (korak_participant_record_get (again, KORAK_FIELD_FAMILY_NAME), ==, "Novak");
  g_clear_object (&store);

  korak_test_remove_tree (dir, TRUE);
}

static void
test_migrate_empty_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(KorakStore) store = NULL;
  sqlite3 *db;

  write_file (path, "", 0);
  store = open_store (path);
  db = korak_store_get_db (store);
  g_assert_cmpint (korak_store_get_schema_version (store), ==, KORAK_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, KORAK_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'participant'"), ==, 1);
  g_assert_cmpint (count_rows (store, "desk"), ==, 1);
  g_clear_object (&store);

  korak_test_remove_tree (dir, TRUE);
}

static void
test_migrate_empty_database (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "blank.db", NULL);
  g_autoptr(KorakStore) store = NULL;
  GStatBuf st;
  sqlite3 *db;

  /* A real SQLite file (with its header) but version 0 and no tables. */
  db = raw_open (path);
  raw_exec (db, "CREATE TABLE t (x); DROP TABLE t; PRAGMA user_version = 0;");
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master"), ==, 0);
  raw_close (db);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  store = open_store (path);
  db = korak_store_get_db (store);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, KORAK_STORE_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (design_tables); i++)
    count_rows (store, design_tables[i]);
  insert_person (store, "Ana", "Novak");
  g_clear_object (&store);

  /* And a later open does not migrate again. */
  store = open_store (path);
  g_assert_cmpint (count_rows (store, "participant"), ==, 1);
  g_clear_object (&store);

  korak_test_remove_tree (dir, TRUE);
}

static void
test_migrate_failure_leaves_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "clash.db", NULL);
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *names_before = NULL;
  g_autofree char *names_after = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db;

  /* Migration 1 creates several tables and then fails on “participant”. */
  db = raw_open (path);
  raw_exec (db,
            "PRAGMA journal_mode = WAL;"
            "CREATE TABLE participant (id INTEGER PRIMARY KEY, name TEXT);"
            "INSERT INTO participant VALUES (7, 'kept');"
            "PRAGMA user_version = 0;");
  names_before = raw_schema_names (db);
  raw_close (db);
  before = read_file (path);

  store = korak_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED);
  assert_friendly_error (error, KORAK_STORE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not update the database to version 1"));

  assert_file_unchanged (path, before);
  assert_no_side_files (path);

  db = raw_open (path);
  names_after = raw_schema_names (db);
  g_assert_cmpstr (names_after, ==, names_before);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'organisation'"), ==, 0);
  name = raw_text (db, "SELECT name FROM participant WHERE id = 7");
  g_assert_cmpstr (name, ==, "kept");
  raw_close (db);

  korak_test_remove_tree (dir, TRUE);
}

static void
sql_int_zero (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  sqlite3_result_int (context, 0);
}

static void
sql_name (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  sqlite3_result_text (context, "Another program", -1, SQLITE_STATIC);
}

/* What the audit triggers (version 6 on) ask a connection: here, no one,
 * and do not log, as for a file some other program filled. */
static void
raw_add_audit_functions (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_create_function (db, "korak_actor_id", 0, SQLITE_UTF8, NULL, sql_int_zero, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_create_function (db, "korak_actor_name", 0, SQLITE_UTF8, NULL, sql_name, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_create_function (db, "korak_audit_enabled", 0, SQLITE_UTF8, NULL, sql_int_zero, NULL, NULL), ==, SQLITE_OK);
}

/* A file left by every earlier version opens at the newest, keeping its
 * rows. Migration 5: the organisation's paper (A4 by default), the
 * certificate's verification code and one certificate of a kind per
 * enrolment. Migration 6: the audit log keeps its rows, learns whom they
 * are about, and is written by triggers from then on. Migration 7: notes
 * about a cohort, sensitive notes, translations returned with a comment,
 * with a translator and their earlier versions; the translations a file
 * holds keep their text and state, as version 1. Migration 8: the
 * exchange's outbox, acknowledgements and conflicts, empty. */
static void
test_migrate_from_each_version (void)
{
  for (int version = 1; version < KORAK_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *dir = make_tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
      g_autofree char *paper = NULL;
      g_autoptr(KorakStore) store = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3 *db;

      g_test_message ("from version %d", version);
      db = raw_open (path);
      raw_add_audit_functions (db);
      g_assert_true (korak_migrations_run (db, 0, version, &error));
      g_assert_no_error (error);
      raw_exec (db, set_version);
      raw_exec (db,
                "INSERT INTO organisation (id, name) VALUES (11, 'Društvo Korak');"
                "INSERT INTO programme (id, name) VALUES (21, 'Socialna aktivacija');"
                "INSERT INTO cohort (id, programme_id, name, start_date) VALUES (31, 21, 'Kranj', '2026-01-05');"
                "INSERT INTO participant (id, given_name, family_name) VALUES (41, 'Ana', 'Novak');"
                "INSERT INTO enrolment (id, participant_id, cohort_id, start_date) VALUES (51, 41, 31, '2026-01-05');"
                "INSERT INTO audit_log (id, at, table_name, row_id, action, new_values) VALUES "
                "  (71, '2026-01-05T10:00:00.000Z', 'participant', 41, 'insert', '{\"given_name\":\"Ana\"}');"
                "INSERT INTO certificate (id, serial, participant_id, enrolment_id, kind, issued_date) VALUES "
                "  (61, '2026-0001-0001', 41, 51, 'completion', '2026-06-30');"
                "INSERT INTO staff (id, given_name, family_name, role) VALUES (13, 'Ardita', 'Berisha', 'mediator');"
                "INSERT INTO note (id, participant_id, date, language, text) VALUES "
                "  (81, 41, '2026-01-12', 'sl', 'Dogovor: v ponedeljek ob 9. uri na zavod.');"
                "INSERT INTO note_translation (id, note_id, language, text, review_state, updated_at) VALUES "
                "  (91, 81, 'sq', 'Marrëveshje: të hënën në orën 9 në ent.', 'needs_review', '2026-01-13T10:00:00Z'),"
                "  (92, 81, 'ar', 'اتفاق: يوم الاثنين الساعة التاسعة.', 'reviewed', '2026-01-14T10:00:00Z');"
                "UPDATE note_translation SET reviewer_id = 13, reviewed_at = '2026-01-14T10:00:00Z' WHERE id = 92;");
      /* A file of version 7 on knows when a translation went to review. */
      if (version >= 7)
        raw_exec (db, "UPDATE note_translation SET submitted_at = updated_at WHERE review_state = 'needs_review'");
      /* Two of a kind for one enrolment, as only a hand-made file before
       * version 5 could hold. */
      if (version < 5)
        raw_exec (db,
                  "INSERT INTO certificate (id, serial, participant_id, enrolment_id, kind, issued_date) VALUES "
                  "  (62, '2026-0001-0002', 41, 51, 'completion', '2026-07-01');");
      raw_close (db);

      store = open_store (path);
      db = korak_store_get_db (store);
      g_assert_cmpint (korak_store_get_schema_version (store), ==, KORAK_STORE_SCHEMA_VERSION);
      g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, KORAK_STORE_SCHEMA_VERSION);
      /* Migration 8: the exchange starts empty; what a file held is the
       * baseline, not changes to send. */
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM exchange_outbox"), ==, 0);
      g_assert_cmpint (raw_int (db, "SELECT seq FROM desk WHERE is_local = 1"), ==, 0);
      paper = raw_text (db, "SELECT paper FROM organisation WHERE id = 11");
      g_assert_cmpstr (paper, ==, "a4");
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM certificate"), ==, version < 5 ? 2 : 1);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM certificate WHERE verification IS NULL"), ==, version < 5 ? 2 : 1);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM certificate WHERE enrolment_id = 51"), ==, 1);
      if (version < 6)
        {
          g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit_log WHERE id = 71 AND participant_id = 41 "
                                        "AND seq = 1 AND staff_name IS NULL"), ==, 1);
          g_assert_cmpint (raw_int (db, "SELECT count(*) FROM erased_person_count"), ==, 0);
          g_assert_cmpint (raw_int (db, "SELECT count(*) FROM erased_certificate"), ==, 0);
        }
      raw_exec (db, "UPDATE participant SET given_name = 'Anica' WHERE id = 41");
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit_log WHERE table_name = 'participant' "
                                    "AND row_id = 41 AND action = 'update' AND participant_id = 41 "
                                    "AND json_extract(old_values, '$.given_name') = 'Ana' "
                                    "AND json_extract(new_values, '$.given_name') = 'Anica' "
                                    "AND staff_name IS NOT NULL"), ==, 1);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                                    "('certificate_enrolment_kind', 'certificate_participant', "
                                    "'session_cohort_held', 'attendance_session_marks', 'assessment_score_values')"), ==, 5);

      /* The notes and translations, as they were, in the new shape. */
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM note WHERE id = 81 AND participant_id = 41 "
                                    "AND cohort_id IS NULL AND sensitive = 0"), ==, 1);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM note_translation WHERE id = 91 AND note_id = 81 "
                                    "AND language = 'sq' AND text = 'Marrëveshje: të hënën në orën 9 në ent.' "
                                    "AND review_state = 'needs_review' AND version = 1 "
                                    "AND submitted_at = '2026-01-13T10:00:00Z' AND translator_id IS NULL"), ==, 1);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM note_translation WHERE id = 92 AND review_state = 'reviewed' "
                                    "AND reviewer_id = 13 AND reviewed_at = '2026-01-14T10:00:00Z' "
                                    "AND submitted_at IS NULL AND version = 1"), ==, 1);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM note_translation_version"), ==, 0);
      raw_exec (db, "UPDATE note_translation SET review_state = 'returned', review_comment = 'Manjka ura.' WHERE id = 91");
      raw_exec_fails (db, "UPDATE note_translation SET review_state = 'lost' WHERE id = 91", SQLITE_CONSTRAINT_CHECK);
      raw_exec_fails (db, "INSERT INTO note_translation (id, note_id, language, text) VALUES (93, 81, 'sq', 'x')",
                      SQLITE_CONSTRAINT_UNIQUE);
      raw_exec_fails (db, "UPDATE note SET sensitive = 2 WHERE id = 81", SQLITE_CONSTRAINT_CHECK);
      raw_exec (db, "INSERT INTO note (id, cohort_id, date, language, text, sensitive) "
                    "VALUES (82, 31, '2026-01-15', 'sl', 'Skupina: malica v petek.', 1)");
      raw_exec (db, "INSERT INTO note_translation_version (id, translation_id, version, language, text, review_state) "
                    "VALUES (94, 91, 1, 'sq', 'Marrëveshje.', 'draft')");
      /* Audited, with the person, once migrated. */
      raw_exec (db, "UPDATE note_translation SET text = 'Marrëveshje: të hënën në orën 9.' WHERE id = 91");
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit_log WHERE table_name = 'note_translation' "
                                    "AND row_id = 91 AND action = 'update' AND participant_id = 41 "
                                    "AND json_extract(new_values, '$.text') = 'Marrëveshje: të hënën në orën 9.' "
                                    "AND json_extract(old_values, '$.review_state') = 'returned'"), ==, 1);
      raw_exec (db, "DELETE FROM note WHERE id = 81");
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM note_translation_version"), ==, 0);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit_log WHERE table_name = 'note_translation_version' "
                                    "AND row_id = 94 AND action = 'delete' AND participant_id = 41"), ==, 1);

      raw_exec_fails (db, "UPDATE organisation SET paper = 'a5' WHERE id = 11", SQLITE_CONSTRAINT_CHECK);
      raw_exec_fails (db, "UPDATE organisation SET paper = NULL WHERE id = 11", SQLITE_CONSTRAINT_NOTNULL);
      raw_exec (db, "UPDATE organisation SET paper = 'letter' WHERE id = 11");
      raw_exec_fails (db,
                      "INSERT INTO certificate (id, serial, participant_id, enrolment_id, kind, issued_date) "
                      "VALUES (63, '2026-0001-0003', 41, 51, 'completion', '2026-07-02')",
                      SQLITE_CONSTRAINT_UNIQUE);
      /* Another kind, and certificates without an enrolment, are fine. */
      raw_exec (db,
                "INSERT INTO certificate (id, serial, participant_id, enrolment_id, kind, issued_date) VALUES "
                "  (64, '2026-0001-0004', 41, 51, 'participation', '2026-07-02'),"
                "  (65, '2026-0001-0005', 41, NULL, 'completion', '2026-07-02'),"
                "  (66, '2026-0001-0006', 41, NULL, 'completion', '2026-07-02');");
      g_clear_object (&store);

      /* Opening again migrates nothing more. */
      store = open_store (path);
      g_assert_cmpint (count_rows (store, "certificate"), ==, version < 5 ? 5 : 4);
      g_clear_object (&store);

      korak_test_remove_tree (dir, TRUE);
    }
}

/* ---- constraints -------------------------------------------------------- */

static void
test_constraints_participant (void)
{
  static const struct {
    const char *sql;
    int         code;
  } bad[] = {
    { "INSERT INTO participant (id, given_name, family_name, status) VALUES (?1, 'Ana', 'Novak', 'bogus')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name, status) VALUES (?1, 'Ana', 'Novak', NULL)", SQLITE_CONSTRAINT_NOTNULL },
    { "INSERT INTO participant (id, given_name, family_name, target_group) VALUES (?1, 'Ana', 'Novak', 'bogus')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name, target_group) VALUES (?1, 'Ana', 'Novak', '')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name, referral_source) VALUES (?1, 'Ana', 'Novak', 'police')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name, birth_date) VALUES (?1, 'Ana', 'Novak', 'yesterday')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name, birth_date) VALUES (?1, 'Ana', 'Novak', '5. 3. 1985')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name, referral_date) VALUES (?1, 'Ana', 'Novak', '2026/01/05')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name, consent_date) VALUES (?1, 'Ana', 'Novak', 'today')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name) VALUES (?1, '', 'Novak')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name) VALUES (?1, '   ', 'Novak')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name) VALUES (?1, NULL, 'Novak')", SQLITE_CONSTRAINT_NOTNULL },
    { "INSERT INTO participant (id, family_name) VALUES (?1, 'Novak')", SQLITE_CONSTRAINT_NOTNULL },
    { "INSERT INTO participant (id, given_name, family_name) VALUES (?1, 'Ana', '')", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name) VALUES (?1, 'Ana', NULL)", SQLITE_CONSTRAINT_NOTNULL },
    { "INSERT INTO participant (id, given_name, family_name, needs_mediator) VALUES (?1, 'Ana', 'Novak', 2)", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name, needs_mediator) VALUES (?1, 'Ana', 'Novak', -1)", SQLITE_CONSTRAINT_CHECK },
    { "INSERT INTO participant (id, given_name, family_name, needs_mediator) VALUES (?1, 'Ana', 'Novak', NULL)", SQLITE_CONSTRAINT_NOTNULL },
    { "INSERT INTO participant (id, given_name, family_name, updated_by) VALUES (?1, 'Ana', 'Novak', 424242)", SQLITE_CONSTRAINT_FOREIGNKEY },
    { "INSERT INTO participant (id, given_name, family_name, created_at) VALUES (?1, 'Ana', 'Novak', NULL)", SQLITE_CONSTRAINT_NOTNULL },
    { "INSERT INTO participant (id, given_name, family_name, updated_at) VALUES (?1, 'Ana', 'Novak', NULL)", SQLITE_CONSTRAINT_NOTNULL },
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  sqlite3 *db = korak_store_get_db (store);
  gint64 good_id;

  good_id = insert_person (store, "Ana", "Novak");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      g_test_message ("%s", bad[i].sql);
      g_assert_cmpint (sqlite3_prepare_v2 (db, bad[i].sql, -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, korak_store_new_id ());
      rc = sqlite3_step (stmt);
      g_test_message ("→ %s", sqlite3_errmsg (db));
      g_assert_cmpint (rc, ==, bad[i].code);
      sqlite3_finalize (stmt);
    }

  /* An update that breaks a rule fails as well. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE participant SET status = 'gone' WHERE id = %" G_GINT64_FORMAT, good_id);

    raw_exec_fails (db, sql, SQLITE_CONSTRAINT_CHECK);
  }

  /* The store's own helper says so in words, not in SQLite's. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (korak_store_exec (store,
                                      "INSERT INTO participant (id, given_name, family_name, status) "
                                      "VALUES (5, 'Ana', 'Novak', 'bogus')", &error));
    assert_friendly_error (error, KORAK_STORE_ERROR_INVALID);
  }

  g_assert_cmpint (count_rows (store, "participant"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM participant WHERE status = 'referred'"), ==, 1);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
test_constraints_enrolment (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  sqlite3 *db = korak_store_get_db (store);
  gint64 pid = insert_person (store, "Ana", "Novak");
  g_autofree char *sql = NULL;

  make_programme_and_cohorts (store);

#define ENROL(fmt, ...) (g_free (sql), sql = g_strdup_printf ("INSERT INTO enrolment (id, participant_id, cohort_id, start_date, status, end_date, exit_date, exit_positive) " fmt, __VA_ARGS__))

  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 999999, '2026-01-12', 'active', NULL, NULL, NULL)", korak_store_new_id (), pid);
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_FOREIGNKEY);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", 777777, 2001, '2026-01-12', 'active', NULL, NULL, NULL)", korak_store_new_id ());
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_FOREIGNKEY);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", NULL, 2001, '2026-01-12', 'active', NULL, NULL, NULL)", korak_store_new_id ());
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_NOTNULL);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", NULL, '2026-01-12', 'active', NULL, NULL, NULL)", korak_store_new_id (), pid);
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_NOTNULL);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2001, NULL, 'active', NULL, NULL, NULL)", korak_store_new_id (), pid);
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_NOTNULL);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2001, 'soon', 'active', NULL, NULL, NULL)", korak_store_new_id (), pid);
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_CHECK);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2001, '2026-01-12', 'bogus', NULL, NULL, NULL)", korak_store_new_id (), pid);
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_CHECK);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2001, '2026-01-12', NULL, NULL, NULL, NULL)", korak_store_new_id (), pid);
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_NOTNULL);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2001, '2026-01-12', 'active', '2026-01-11', NULL, NULL)", korak_store_new_id (), pid);
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_CHECK);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2001, '2026-01-12', 'exited', NULL, '12. 2. 2026', NULL)", korak_store_new_id (), pid);
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_CHECK);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2001, '2026-01-12', 'exited', NULL, NULL, 2)", korak_store_new_id (), pid);
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_CHECK);

  g_assert_cmpint (count_rows (store, "enrolment"), ==, 0);

  /* One open enrolment per person; closed ones are history and may repeat. */
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2001, '2026-01-12', 'active', NULL, NULL, NULL)", korak_store_new_id (), pid);
  raw_exec (db, sql);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2002, '2026-03-02', 'active', NULL, NULL, NULL)", korak_store_new_id (), pid);
  raw_exec_fails (db, sql, SQLITE_CONSTRAINT_UNIQUE);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2002, '2026-03-02', 'withdrawn', '2026-03-05', NULL, NULL)", korak_store_new_id (), pid);
  raw_exec (db, sql);
  ENROL ("VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2002, '2026-03-02', 'exited', '2026-04-01', '2026-04-01', 1)", korak_store_new_id (), pid);
  raw_exec (db, sql);

#undef ENROL

  /* A cohort with people in it cannot be deleted from under them
   * (ON DELETE RESTRICT reports through SQLite's FK trigger code). */
  raw_exec_fails (db, "DELETE FROM cohort WHERE id = 2001", SQLITE_CONSTRAINT_TRIGGER);

  g_assert_cmpint (count_rows (store, "enrolment"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM enrolment WHERE status = 'active'"), ==, 1);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
test_insert_refuses_invalid (void)
{
  static const struct {
    KorakParticipantField field;
    const char           *value;
  } bad[] = {
    { KORAK_FIELD_GIVEN_NAME, NULL },
    { KORAK_FIELD_GIVEN_NAME, "   " },
    { KORAK_FIELD_FAMILY_NAME, NULL },
    { KORAK_FIELD_FAMILY_NAME, "\t" },
    { KORAK_FIELD_STATUS, "bogus" },
    { KORAK_FIELD_TARGET_GROUP, "bogus" },
    { KORAK_FIELD_REFERRAL_SOURCE, "police" },
    { KORAK_FIELD_BIRTH_DATE, "yesterday" },
    { KORAK_FIELD_BIRTH_DATE, "5. 3. 1985" },
    { KORAK_FIELD_BIRTH_DATE, "2999-01-01" },
    { KORAK_FIELD_BIRTH_DATE, "1899-12-31" },
    { KORAK_FIELD_REFERRAL_DATE, "2026-02-30" },
    { KORAK_FIELD_CONSENT_DATE, "2999-01-01" },
    { KORAK_FIELD_EMAIL, "ana" },
    { KORAK_FIELD_PHONE, "call me" },
    { KORAK_FIELD_NEEDS_MEDIATOR, "2" },
    { KORAK_FIELD_NEEDS_MEDIATOR, "yes" },
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);

  insert_person (store, "Ana", "Novak");
  make_programme_and_cohorts (store);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(KorakParticipantRecord) record = new_record ("Mira", "Horvat");
      g_autoptr(GError) error = NULL;
      gint64 participants = count_rows (store, "participant");
      gint64 audits = count_rows (store, "audit_log");

      record->cohort_id = 2001;
      korak_participant_record_set (record, bad[i].field, bad[i].value);
      g_test_message ("%s = “%s”", korak_participant_field_info (bad[i].field)->column,
                      bad[i].value ? bad[i].value : "(null)");

      g_assert_false (korak_store_insert_participant (store, record, &error));
      assert_friendly_error (error, KORAK_STORE_ERROR_INVALID);
      g_assert_cmpint (record->id, ==, 0);
      g_assert_cmpint (count_rows (store, "participant"), ==, participants);
      g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);
      g_assert_cmpint (count_rows (store, "enrolment"), ==, 0);
    }

  /* A store whose insert failed still takes a good one. */
  insert_person (store, "Mira", "Horvat");
  g_assert_cmpint (count_rows (store, "participant"), ==, 2);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
test_random_ids (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 previous = 0;
  gboolean all_in_order = TRUE;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *given = g_strdup_printf ("Ana %u", i);
      gint64 id = insert_person (store, given, "Novak");

      g_assert_cmpint (id, >=, 1);
      g_assert_cmpint (id, <=, MAX_ID);
      g_assert_false (g_hash_table_contains (seen, &id));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      if (id != previous + 1)
        all_in_order = FALSE;
      previous = id;
    }

  /* Not max+1: keys must not clash between desks. */
  g_assert_false (all_in_order);
  g_assert_cmpint (count_rows (store, "participant"), ==, 40);

  for (guint i = 0; i < 10000; i++)
    {
      gint64 id = korak_store_new_id ();

      g_assert_cmpint (id, >=, 1);
      g_assert_cmpint (id, <=, MAX_ID);
    }

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

/* ---- participants ------------------------------------------------------- */

static void
fill_record (KorakParticipantRecord *record,
             gboolean                second)
{
  static const char *first_values[KORAK_N_FIELDS] = {
    [KORAK_FIELD_GIVEN_NAME]       = "Ana",
    [KORAK_FIELD_FAMILY_NAME]      = "Čebašek",
    [KORAK_FIELD_BIRTH_DATE]       = "1985-03-05",
    [KORAK_FIELD_PHONE]            = "+386 41 123 456",
    [KORAK_FIELD_EMAIL]            = "ana.cebasek@example.si",
    [KORAK_FIELD_ADDRESS]          = "Glavni trg 1\n8000 Novo mesto",
    [KORAK_FIELD_MUNICIPALITY]     = "Novo mesto",
    [KORAK_FIELD_MOTHER_TONGUE]    = "romščina",
    [KORAK_FIELD_OTHER_LANGUAGES]  = "slovenščina, hrvaščina",
    [KORAK_FIELD_NEEDS_MEDIATOR]   = "1",
    [KORAK_FIELD_TARGET_GROUP]     = "roma_women",
    [KORAK_FIELD_REFERRAL_SOURCE]  = "csd",
    [KORAK_FIELD_REFERRAL_DATE]    = "2025-12-01",
    [KORAK_FIELD_REFERRING_WORKER] = "Mojca Kralj",
    [KORAK_FIELD_CONSENT_DATE]     = "2025-12-03",
    [KORAK_FIELD_CONSENT_SCOPE]    = "Programme records and funder reports",
    [KORAK_FIELD_STATUS]           = "active",
  };
  static const char *second_values[KORAK_N_FIELDS] = {
    [KORAK_FIELD_GIVEN_NAME]       = "Anica",
    [KORAK_FIELD_FAMILY_NAME]      = "Novak",
    [KORAK_FIELD_BIRTH_DATE]       = "1986-04-06",
    [KORAK_FIELD_PHONE]            = "041/987-654",
    [KORAK_FIELD_EMAIL]            = "anica@example.com",
    [KORAK_FIELD_ADDRESS]          = "Cesta 2",
    [KORAK_FIELD_MUNICIPALITY]     = "Kočevje",
    [KORAK_FIELD_MOTHER_TONGUE]    = "arabščina",
    [KORAK_FIELD_OTHER_LANGUAGES]  = "angleščina",
    [KORAK_FIELD_NEEDS_MEDIATOR]   = "0",
    [KORAK_FIELD_TARGET_GROUP]     = "migrant_women",
    [KORAK_FIELD_REFERRAL_SOURCE]  = "employment_service",
    [KORAK_FIELD_REFERRAL_DATE]    = "2025-11-02",
    [KORAK_FIELD_REFERRING_WORKER] = "Peter Zupan",
    [KORAK_FIELD_CONSENT_DATE]     = "2025-11-04",
    [KORAK_FIELD_CONSENT_SCOPE]    = "Records only",
    [KORAK_FIELD_STATUS]           = "paused",
  };

  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    korak_participant_record_set (record, i, second ? second_values[i] : first_values[i]);
}

static void
assert_same_fields (const KorakParticipantRecord *a,
                    const KorakParticipantRecord *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    {
      g_test_message ("field %s", korak_participant_field_info (i)->column);
      g_assert_cmpstr (korak_participant_record_get (a, i), ==, korak_participant_record_get (b, i));
    }
  g_assert_cmpint (a->cohort_id, ==, b->cohort_id);
  g_assert_cmpstr (a->cohort_name, ==, b->cohort_name);
  g_assert_cmpstr (a->archived_at, ==, b->archived_at);
}

static KorakParticipantRecord *
find_in_list (KorakStore *store,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = korak_store_list_participants (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    {
      KorakParticipantRecord *record = g_ptr_array_index (all, i);

      if (record->id == id)
        return korak_participant_record_copy (record);
    }
  return NULL;
}

static void
assert_audit (KorakStore *store,
              gint64      id,
              const char *action,
              gint64      expected_rows,
              const char *new_given_name)
{
  sqlite3 *db = korak_store_get_db (store);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE table_name = 'participant' "
                                                "AND row_id = %" G_GINT64_FORMAT " AND action = '%s'", id, action);
  g_autofree char *name_sql = g_strdup_printf ("SELECT json_extract(new_values, '$.given_name') FROM audit_log "
                                               "WHERE row_id = %" G_GINT64_FORMAT " AND action = '%s' "
                                               "ORDER BY at DESC LIMIT 1", id, action);
  g_autofree char *name = NULL;

  g_assert_cmpint (raw_int (db, count_sql), ==, expected_rows);
  name = raw_text (db, name_sql);
  g_assert_cmpstr (name, ==, new_given_name);
}

static void
test_participant_round_trip (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(KorakParticipantRecord) expected = NULL;
  g_autoptr(KorakParticipantRecord) got = NULL;
  g_autoptr(KorakParticipantRecord) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_updated_at = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = korak_store_get_db (store);
  gint64 id;

  fill_record (record, FALSE);
  expected = korak_participant_record_copy (record);

  g_assert_true (korak_store_insert_participant (store, record, &error));
  g_assert_no_error (error);
  id = record->id;
  g_assert_cmpint (id, >=, 1);
  g_assert_nonnull (record->updated_at);
  g_assert_null (record->archived_at);
  g_assert_cmpint (record->cohort_id, ==, 0);
  g_assert_null (record->cohort_name);
  expected->id = id;
  assert_same_fields (record, expected);

  got = korak_store_get_participant (store, id, &error);
  g_assert_no_error (error);
  assert_same_fields (got, expected);
  g_assert_cmpstr (got->updated_at, ==, record->updated_at);
  listed = find_in_list (store, id);
  g_assert_nonnull (listed);
  assert_same_fields (listed, expected);
  g_clear_pointer (&got, korak_participant_record_free);
  g_clear_pointer (&listed, korak_participant_record_free);

  /* Booleans are stored as integers. */
  sql = g_strdup_printf ("SELECT typeof(needs_mediator) || needs_mediator FROM participant WHERE id = %" G_GINT64_FORMAT, id);
  {
    g_autofree char *typed = raw_text (db, sql);

    g_assert_cmpstr (typed, ==, "integer1");
  }

  assert_audit (store, id, "insert", 1, "Ana");

  /* Update every field. */
  first_updated_at = g_strdup (record->updated_at);
  fill_record (record, TRUE);
  g_clear_pointer (&expected, korak_participant_record_free);
  expected = korak_participant_record_copy (record);
  g_assert_true (korak_store_update_participant (store, record, &error));
  g_assert_no_error (error);
  assert_same_fields (record, expected);
  g_assert_nonnull (record->updated_at);
  g_assert_cmpstr (record->updated_at, >=, first_updated_at);

  got = korak_store_get_participant (store, id, &error);
  g_assert_no_error (error);
  assert_same_fields (got, expected);
  g_clear_pointer (&got, korak_participant_record_free);

  assert_audit (store, id, "update", 1, "Anica");
  g_free (sql);
  sql = g_strdup_printf ("SELECT json_extract(old_values, '$.given_name') FROM audit_log "
                         "WHERE row_id = %" G_GINT64_FORMAT " AND action = 'update'", id);
  old_name = raw_text (db, sql);
  g_assert_cmpstr (old_name, ==, "Ana");

  /* Emptying optional fields stores nothing, not an empty string. */
  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    if (!korak_participant_field_info (i)->required)
      korak_participant_record_set (record, i, NULL);
  g_assert_true (korak_store_update_participant (store, record, &error));
  g_assert_no_error (error);
  got = korak_store_get_participant (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    if (!korak_participant_field_info (i)->required && i != KORAK_FIELD_NEEDS_MEDIATOR)
      g_assert_null (got->values[i]);
  g_assert_cmpstr (korak_participant_record_get (got, KORAK_FIELD_NEEDS_MEDIATOR), ==, "0");
  g_assert_cmpstr (korak_participant_record_get (got, KORAK_FIELD_STATUS), ==, "paused");
  g_clear_pointer (&got, korak_participant_record_free);
  assert_audit (store, id, "update", 2, "Anica");

  /* Archive and restore keep the data and are logged. */
  g_assert_true (korak_store_set_participant_archived (store, id, TRUE, &error));
  g_assert_no_error (error);
  got = korak_store_get_participant (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (got->archived_at);
  g_assert_cmpstr (korak_participant_record_get (got, KORAK_FIELD_GIVEN_NAME), ==, "Anica");
  g_clear_pointer (&got, korak_participant_record_free);
  listed = find_in_list (store, id);
  g_assert_nonnull (listed);
  g_assert_nonnull (listed->archived_at);
  g_clear_pointer (&listed, korak_participant_record_free);
  assert_audit (store, id, "archive", 1, "Anica");

  g_assert_true (korak_store_set_participant_archived (store, id, FALSE, &error));
  g_assert_no_error (error);
  got = korak_store_get_participant (store, id, &error);
  g_assert_no_error (error);
  g_assert_null (got->archived_at);
  g_clear_pointer (&got, korak_participant_record_free);
  assert_audit (store, id, "restore", 1, "Anica");

  g_assert_cmpint (count_rows (store, "audit_log"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit_log WHERE json_valid(new_values)"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit_log WHERE at IS NULL OR row_id IS NULL"), ==, 0);

  /* What is not there says so. */
  got = korak_store_get_participant (store, id + 1, &error);
  g_assert_null (got);
  assert_friendly_error (error, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (korak_store_set_participant_archived (store, id + 1, TRUE, &error));
  assert_friendly_error (error, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(KorakParticipantRecord) ghost = new_record ("Nobody", "Here");

    ghost->id = id + 1;
    g_assert_false (korak_store_update_participant (store, ghost, &error));
    assert_friendly_error (error, KORAK_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_cmpint (count_rows (store, "audit_log"), ==, 5);
  g_assert_cmpint (count_rows (store, "participant"), ==, 1);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
test_participant_enrolment (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  g_autoptr(KorakParticipantRecord) record = new_record ("Ana", "Novak");
  g_autoptr(KorakParticipantRecord) got = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = korak_store_get_db (store);

  make_programme_and_cohorts (store);

  cohorts = korak_store_list_cohorts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts->len, ==, 2);
  {
    KorakCohortRecord *newest = g_ptr_array_index (cohorts, 0);

    g_assert_cmpint (newest->id, ==, 2002);
    g_assert_cmpstr (newest->name, ==, "Kočevje 2026/2");
    g_assert_cmpstr (newest->programme_name, ==, "Socialna aktivacija");
    g_assert_cmpstr (newest->start_date, ==, "2026-03-02");
  }

  record->cohort_id = 2001;
  g_assert_true (korak_store_insert_participant (store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record->cohort_id, ==, 2001);
  g_assert_cmpstr (record->cohort_name, ==, "Novo mesto 2026/1");

#define COUNT_ENROLMENTS(cohort, status) \
  (g_free (sql), sql = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE participant_id = %" G_GINT64_FORMAT \
                                        " AND cohort_id = %d AND status = '%s'", record->id, cohort, status), \
   raw_int (db, sql))

  g_assert_cmpint (count_rows (store, "enrolment"), ==, 1);
  g_assert_cmpint (COUNT_ENROLMENTS (2001, "active"), ==, 1);
  {
    g_autofree char *start = NULL;

    g_free (sql);
    sql = g_strdup_printf ("SELECT start_date FROM enrolment WHERE participant_id = %" G_GINT64_FORMAT, record->id);
    start = raw_text (db, sql);
    g_assert_true (korak_date_is_iso (start));
  }

  got = korak_store_get_participant (store, record->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->cohort_id, ==, 2001);
  g_assert_cmpstr (got->cohort_name, ==, "Novo mesto 2026/1");
  g_clear_pointer (&got, korak_participant_record_free);

  /* Saving without a change of cohort leaves the enrolment alone. */
  g_assert_true (korak_store_update_participant (store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "enrolment"), ==, 1);

  /* A change of cohort closes the old enrolment, which stays as history. */
  record->cohort_id = 2002;
  g_assert_true (korak_store_update_participant (store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record->cohort_id, ==, 2002);
  g_assert_cmpstr (record->cohort_name, ==, "Kočevje 2026/2");
  g_assert_cmpint (count_rows (store, "enrolment"), ==, 2);
  g_assert_cmpint (COUNT_ENROLMENTS (2001, "withdrawn"), ==, 1);
  g_assert_cmpint (COUNT_ENROLMENTS (2002, "active"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM enrolment WHERE status = 'withdrawn' AND end_date IS NOT NULL"), ==, 1);

  /* No cohort: no open enrolment. */
  record->cohort_id = 0;
  g_assert_true (korak_store_update_participant (store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record->cohort_id, ==, 0);
  g_assert_null (record->cohort_name);
  g_assert_cmpint (count_rows (store, "enrolment"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM enrolment WHERE status = 'active'"), ==, 0);
  g_assert_cmpint (COUNT_ENROLMENTS (2002, "withdrawn"), ==, 1);

#undef COUNT_ENROLMENTS

  /* A cohort that does not exist: nothing is saved. */
  {
    g_autoptr(KorakParticipantRecord) lost = new_record ("Mira", "Horvat");
    gint64 before = count_rows (store, "participant");
    gint64 audits = count_rows (store, "audit_log");

    lost->cohort_id = 999999;
    g_assert_false (korak_store_insert_participant (store, lost, &error));
    assert_friendly_error (error, KORAK_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (lost->id, ==, 0);
    g_assert_cmpint (count_rows (store, "participant"), ==, before);
    g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);
    g_assert_cmpint (count_rows (store, "enrolment"), ==, 2);

    record->cohort_id = 999999;
    g_assert_false (korak_store_update_participant (store, record, &error));
    assert_friendly_error (error, KORAK_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (count_rows (store, "enrolment"), ==, 2);
    g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);
  }

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

/* ---- search ------------------------------------------------------------- */

static void
assert_fts_intact (KorakStore *store)
{
  g_autoptr(GError) error = NULL;

  korak_store_exec (store, "INSERT INTO participant_fts(participant_fts) VALUES('integrity-check')", &error);
  g_assert_no_error (error);
}

static void
test_search_in_step (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  g_autoptr(KorakParticipantRecord) record = new_record ("Ana", "Čebašek");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = korak_store_get_db (store);
  gint64 other;

  other = insert_person (store, "Mira", "Horvat");
  g_assert_true (korak_store_insert_participant (store, record, &error));
  g_assert_no_error (error);

  assert_search (store, "cebasek", record->id);
  assert_search (store, "Čebašek", record->id);
  assert_search (store, "CEBA", record->id);
  assert_search (store, "čE", record->id);
  assert_search (store, "ana ceb", record->id);
  assert_search (store, "  ana   čebašek  ", record->id);
  assert_search (store, "ana horvat", 0);
  assert_search (store, "horv", other);
  assert_search (store, "ebasek", 0);
  assert_fts_intact (store);

  /* Nothing to look for is not an error. */
  {
    g_autoptr(GArray) ids = korak_store_search_participants (store, "  ,.!? ", &error);

    g_assert_no_error (error);
    g_assert_null (ids);
    ids = korak_store_search_participants (store, "", &error);
    g_assert_no_error (error);
    g_assert_null (ids);
  }

  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, "Novak");
  korak_participant_record_set (record, KORAK_FIELD_MUNICIPALITY, "Šentjernej");
  g_assert_true (korak_store_update_participant (store, record, &error));
  g_assert_no_error (error);
  assert_search (store, "cebasek", 0);
  assert_search (store, "novak", record->id);
  assert_search (store, "sentjernej", record->id);
  assert_fts_intact (store);

  /* Archived people are still found; hiding them is the model's job. */
  g_assert_true (korak_store_set_participant_archived (store, record->id, TRUE, &error));
  g_assert_no_error (error);
  assert_search (store, "novak", record->id);
  assert_fts_intact (store);

  /* A failed insert leaves nothing in the index. */
  {
    g_autoptr(KorakParticipantRecord) lost = new_record ("Xylofonija", "Zzyzx");

    lost->cohort_id = 424242;
    g_assert_false (korak_store_insert_participant (store, lost, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (raw_int (db, "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH 'xylofonija'"), ==, 0);
    g_assert_cmpint (raw_int (db, "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH 'zzyzx'"), ==, 0);
    assert_search (store, "xylo", 0);
    assert_fts_intact (store);
  }

  /* And a failed update does not change it either. */
  record->cohort_id = 424242;
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, "Zzyzx");
  g_assert_false (korak_store_update_participant (store, record, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_search (store, "zzyzx", 0);
  assert_search (store, "novak", record->id);
  assert_fts_intact (store);

  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM participant_fts"), ==, 2);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
test_fts_query_from_text (void)
{
  static const char *nothing[] = {
    NULL, "", "   ", "!!!", "...,,;;", "\"\"", "* - ^ ( ) :", "🌱", "\xF0", "!\xC5", "\xff\xfe\xfd",
  };
  static const char *odd[] = {
    "O\"Brien", "\"Ana\"", "ana*", "-ana", "^ana", "ana OR novak", "NOT ana", "NEAR(ana novak)",
    "given_name:ana", "ana AND", "(ana", "a\"b\"c", "'); DROP TABLE participant;--", "ana \xC5 novak",
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  g_autofree char *two = korak_fts_query_from_text ("ana novak");
  g_autofree char *quoted = korak_fts_query_from_text ("O\"Brien");
  gint64 obrien;

  g_assert_cmpstr (two, ==, "\"ana\"* \"novak\"*");

  for (guint i = 0; i < G_N_ELEMENTS (nothing); i++)
    {
      g_autofree char *query = korak_fts_query_from_text (nothing[i]);

      g_assert_null (query);
    }

  g_assert_cmpstr (quoted, ==, "\"O\"\"Brien\"*");

  obrien = insert_person (store, "O\"Brien", "Ana");
  insert_person (store, "Mira", "Horvat");

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = korak_store_search_participants (store, odd[i], &error);

      g_test_message ("search “%s”", odd[i]);
      g_assert_no_error (error);
      g_assert_nonnull (ids);
    }

  assert_search (store, "O\"Brien", obrien);
  assert_search (store, "\"Ana\"", obrien);
  assert_search (store, "ana*", obrien);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

/* ---- errors on real files ----------------------------------------------- */

static void
test_error_not_database (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "photo.jpg", NULL);
  g_autofree char *letter = g_build_filename (dir, "letter.txt", NULL);
  g_autofree guint8 *noise = g_malloc (3 * 4096);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) letter_before = NULL;
  const char *text = "Dear mentor,\nthis is a letter, not a database.\n";
  const char *files[] = { path, letter };

  for (guint i = 0; i < 3 * 4096; i++)
    noise[i] = g_random_int_range (0, 256);
  memcpy (noise, "\xff\xd8\xff\xe0", 4);
  write_file (path, noise, 3 * 4096);
  write_file (letter, text, strlen (text));
  before = read_file (path);
  letter_before = read_file (letter);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KorakStore) store = korak_store_open (files[i], &error);

      g_assert_null (store);
      assert_friendly_error (error, KORAK_STORE_ERROR_NOT_DATABASE);
      assert_no_side_files (files[i]);
    }

  assert_file_unchanged (path, before);
  assert_file_unchanged (letter, letter_before);

  korak_test_remove_tree (dir, TRUE);
}

static void
make_newer_database (const char *path,
                     gboolean    wal)
{
  sqlite3 *db = raw_open (path);

  if (wal)
    raw_exec (db, "PRAGMA journal_mode = WAL");
  raw_exec (db,
            "CREATE TABLE participant (id INTEGER PRIMARY KEY, given_name TEXT, hologram BLOB);"
            "INSERT INTO participant VALUES (1, 'Ana', x'00ff');"
            "PRAGMA user_version = 99;");
  raw_close (db);
}

static void
test_error_newer_schema (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *wal_path = g_build_filename (dir, "future-wal.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autofree char *wal_side = g_strconcat (wal_path, "-wal", NULL);

  make_newer_database (path, FALSE);
  make_newer_database (wal_path, TRUE);
  before = read_file (path);
  wal_before = read_file (wal_path);
  assert_no_side_files (path);

  store = korak_store_open (path, &error);
  g_assert_null (store);
  assert_friendly_error (error, KORAK_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);
  assert_file_unchanged (path, before);
  assert_no_side_files (path);

  /* The same with a file that is already in WAL mode. */
  store = korak_store_open (wal_path, &error);
  g_assert_null (store);
  assert_friendly_error (error, KORAK_STORE_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);
  assert_file_unchanged (wal_path, wal_before);
  g_assert_false (g_file_test (wal_side, G_FILE_TEST_EXISTS));

  korak_test_remove_tree (dir, TRUE);
}

static void
test_error_locked_open (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  sqlite3 *other;

  insert_person (store, "Ana", "Novak");
  g_clear_object (&store);

  other = raw_open (path);
  raw_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;");
  /* A program other than Korak cannot change a person's data unaudited:
   * the audit triggers need Korak's functions. It can hold the lock. */
  raw_exec_fails (other, "UPDATE participant SET given_name = 'Half'", SQLITE_ERROR);
  raw_exec (other, "UPDATE desk SET name = 'Half'");

  /* Waits for the busy timeout (3 s), then gives up with words. */
  timer = g_timer_new ();
  store = korak_store_open (path, &error);
  g_test_message ("gave up after %.1f s", g_timer_elapsed (timer, NULL));
  g_assert_null (store);
  assert_friendly_error (error, KORAK_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  raw_exec (other, "ROLLBACK");
  raw_close (other);

  /* Once the other program lets go, the data is as it was. */
  store = open_store (path);
  assert_search (store, "ana", raw_int (korak_store_get_db (store), "SELECT id FROM participant"));
  g_assert_cmpint (raw_int (korak_store_get_db (store), "SELECT count(*) FROM participant WHERE given_name = 'Ana'"), ==, 1);
  g_clear_object (&store);

  korak_test_remove_tree (dir, TRUE);
}

static void
test_error_locked_write (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  g_autoptr(KorakParticipantRecord) record = new_record ("Mira", "Horvat");
  g_autoptr(KorakParticipantRecord) got = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other;
  gint64 id;

  id = insert_person (store, "Ana", "Novak");
  korak_store_set_busy_timeout (store, 50);

  /* Another program is in the middle of writing. */
  other = raw_open (path);
  raw_exec (other, "BEGIN IMMEDIATE; INSERT INTO staff (id, given_name, role) VALUES (1, 'Other', 'mentor');");

  g_assert_false (korak_store_insert_participant (store, record, &error));
  assert_friendly_error (error, KORAK_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (record->id, ==, 0);

  {
    g_autoptr(KorakParticipantRecord) change = korak_store_get_participant (store, id, &error);

    g_assert_no_error (error);
    korak_participant_record_set (change, KORAK_FIELD_GIVEN_NAME, "Changed");
    g_assert_false (korak_store_update_participant (store, change, &error));
    assert_friendly_error (error, KORAK_STORE_ERROR_LOCKED);
    g_clear_error (&error);
  }

  g_assert_false (korak_store_set_participant_archived (store, id, TRUE, &error));
  assert_friendly_error (error, KORAK_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* Reading still works, and nothing was half written. */
  g_assert_cmpint (count_rows (store, "participant"), ==, 1);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, 1);
  got = korak_store_get_participant (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (korak_participant_record_get (got, KORAK_FIELD_GIVEN_NAME), ==, "Ana");
  g_assert_null (got->archived_at);
  g_clear_pointer (&got, korak_participant_record_free);
  assert_search (store, "mira", 0);

  raw_exec (other, "ROLLBACK");
  raw_close (other);

  /* Then the same change goes through. */
  g_assert_true (korak_store_insert_participant (store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "participant"), ==, 2);
  assert_search (store, "mira", record->id);
  g_assert_cmpint (count_rows (store, "staff"), ==, 0);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
check_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = korak_store_open (path, &error);

  g_assert_null (store);
  assert_friendly_error (error, KORAK_STORE_ERROR_READ_ONLY);
  g_assert_null (strstr (error->message, "not an error"));
  if (g_test_subprocess ())
    g_print ("%s\n", error->message);
}

/* Whether user "nobody" can walk down to @path: not so in a chroot whose
 * root folder is private, where the read-only check cannot be made. */
static gboolean
others_can_reach (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  while (TRUE)
    {
      struct stat st;
      g_autofree char *parent = NULL;

      if (g_stat (dir, &st) != 0 || (st.st_mode & S_IXOTH) == 0)
        return FALSE;
      parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        return TRUE;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
}

static void
test_error_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GBytes) before = NULL;

  if (g_test_subprocess ())
    {
      const char *child_path = g_getenv ("KORAK_TEST_READ_ONLY_PATH");

      g_assert_nonnull (child_path);
      /* As root, mode 0444 does not stop writes: become nobody. */
      g_assert_cmpint (setgroups (0, NULL), ==, 0);
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
      g_assert_cmpint (geteuid (), ==, 65534);
      g_assert_cmpint (access (child_path, R_OK), ==, 0);
      g_assert_cmpint (access (child_path, W_OK), !=, 0);
      check_read_only (child_path);
      return;
    }

  dir = make_tmp_dir ();
  path = g_build_filename (dir, "korak.db", NULL);
  store = open_store (path);
  insert_person (store, "Ana", "Novak");
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = read_file (path);

  if (geteuid () == 0)
    {
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      if (!others_can_reach (path))
        {
          g_test_skip ("a folder above the temporary folder is closed to other users");
          return;
        }
      g_setenv ("KORAK_TEST_READ_ONLY_PATH", path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("KORAK_TEST_READ_ONLY_PATH");
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("*is read-only, so changes cannot be saved*");
    }
  else
    check_read_only (path);

  assert_file_unchanged (path, before);
  assert_no_side_files (path);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  korak_test_remove_tree (dir, TRUE);
}

/* A Korak database with some people in it, closed. */
static void
make_populated_database (const char *path,
                         guint       people)
{
  g_autoptr(KorakStore) store = open_store (path);

  for (guint i = 0; i < people; i++)
    {
      g_autofree char *given = g_strdup_printf ("Ana %u", i);
      g_autofree char *family = g_strdup_printf ("Novak-%u %s", i, "ščž abcdefghijklmnopqrstuvwxyz");

      insert_person (store, given, family);
    }
}

static void
test_error_corrupt (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *schema = g_build_filename (dir, "schema.db", NULL);
  g_autofree char *table = g_build_filename (dir, "table.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 page_size, root;
  sqlite3 *db;

  make_populated_database (schema, 200);
  make_populated_database (table, 200);

  db = raw_open (table);
  page_size = raw_int (db, "PRAGMA page_size");
  root = raw_int (db, "SELECT rootpage FROM sqlite_master WHERE name = 'participant'");
  g_assert_cmpint (raw_int (db, "PRAGMA page_count"), >, root);
  raw_close (db);

  /* (1) The schema on page 1 overwritten after the 100-byte file header. */
  overwrite_bytes (schema, 100, page_size - 100, 0x55);
  before = read_file (schema);
  store = korak_store_open (schema, &error);
  g_assert_null (store);
  assert_friendly_error (error, KORAK_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  assert_file_unchanged (schema, before);
  g_clear_pointer (&before, g_bytes_unref);

  /* (2) The participant table's root page overwritten: the file opens
   * (the schema is fine) but reading the people fails. */
  overwrite_bytes (table, (root - 1) * page_size, page_size, 0x55);
  before = read_file (table);
  store = korak_store_open (table, &error);
  if (store == NULL)
    assert_friendly_error (error, KORAK_STORE_ERROR_CORRUPT);
  else
    {
      g_autoptr(GPtrArray) all = NULL;
      g_autofree char *report = NULL;

      g_assert_no_error (error);
      all = korak_store_list_participants (store, &error);
      g_assert_null (all);
      assert_friendly_error (error, KORAK_STORE_ERROR_CORRUPT);
      g_clear_error (&error);

      report = korak_store_integrity_check (store, &error);
      if (report != NULL)
        g_assert_cmpstr (report, !=, "ok");
      else
        assert_friendly_error (error, KORAK_STORE_ERROR_CORRUPT);
      g_clear_object (&store);
    }
  g_clear_error (&error);
  assert_file_unchanged (table, before);

  korak_test_remove_tree (dir, TRUE);
}

static void
test_error_disk_full (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  g_autoptr(KorakParticipantRecord) record = new_record ("Mira", "Horvat");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *address = NULL;
  g_autofree char *report = NULL;
  sqlite3 *db = korak_store_get_db (store);
  gint64 participants, audits, pages;
  GString *long_address = g_string_new (NULL);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *given = g_strdup_printf ("Ana %u", i);

      insert_person (store, given, "Novak");
    }
  participants = count_rows (store, "participant");
  audits = count_rows (store, "audit_log");

  /* The file may not grow: the next page asked for finds the disk full. */
  pages = raw_int (db, "PRAGMA page_count");
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  g_assert_cmpint (raw_int (db, sql), ==, pages);
  g_test_message ("%" G_GINT64_FORMAT " pages, %" G_GINT64_FORMAT " free",
                  pages, raw_int (db, "PRAGMA freelist_count"));

  while (long_address->len < 50000)
    g_string_append_c (long_address, 'a' + long_address->len % 26);
  address = g_string_free (long_address, FALSE);
  korak_participant_record_set (record, KORAK_FIELD_ADDRESS, address);

  g_assert_false (korak_store_insert_participant (store, record, &error));
  assert_friendly_error (error, KORAK_STORE_ERROR_DISK_FULL);
  g_clear_error (&error);
  g_assert_cmpint (record->id, ==, 0);

  /* Nothing half-written, and reading still works. */
  g_assert_cmpint (count_rows (store, "participant"), ==, participants);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);
  all = korak_store_list_participants (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, participants);
  assert_search (store, "mira", 0);
  assert_fts_intact (store);
  report = korak_store_integrity_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");

  /* With room again, the same change is saved. */
  raw_exec (db, "PRAGMA max_page_count = 1073741823");
  g_assert_true (korak_store_insert_participant (store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "participant"), ==, participants + 1);
  g_assert_cmpuint (strlen (korak_participant_record_get (record, KORAK_FIELD_ADDRESS)), ==, 50000);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
test_integrity_check (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  make_populated_database (path, 20);
  store = open_store (path);
  make_programme_and_cohorts (store);
  report = korak_store_integrity_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/create", test_open_create);
  g_test_add_func ("/store/migrate/empty-file", test_migrate_empty_file);
  g_test_add_func ("/store/migrate/empty-database", test_migrate_empty_database);
  g_test_add_func ("/store/migrate/failure-leaves-file", test_migrate_failure_leaves_file);
  g_test_add_func ("/store/migrate/from-each-version", test_migrate_from_each_version);
  g_test_add_func ("/store/constraints/participant", test_constraints_participant);
  g_test_add_func ("/store/constraints/enrolment", test_constraints_enrolment);
  g_test_add_func ("/store/participant/refuses-invalid", test_insert_refuses_invalid);
  g_test_add_func ("/store/participant/random-ids", test_random_ids);
  g_test_add_func ("/store/participant/round-trip", test_participant_round_trip);
  g_test_add_func ("/store/participant/enrolment", test_participant_enrolment);
  g_test_add_func ("/store/search/in-step", test_search_in_step);
  g_test_add_func ("/store/search/query-from-text", test_fts_query_from_text);
  g_test_add_func ("/store/errors/not-database", test_error_not_database);
  g_test_add_func ("/store/errors/newer-schema", test_error_newer_schema);
  g_test_add_func ("/store/errors/locked-open", test_error_locked_open);
  g_test_add_func ("/store/errors/locked-write", test_error_locked_write);
  g_test_add_func ("/store/errors/read-only", test_error_read_only);
  g_test_add_func ("/store/errors/corrupt", test_error_corrupt);
  g_test_add_func ("/store/errors/disk-full", test_error_disk_full);
  g_test_add_func ("/store/integrity-check", test_integrity_check);

  return g_test_run ();
}
