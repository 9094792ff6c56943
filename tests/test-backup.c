/* test-backup.c
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
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "korak-backup.h"
#include "korak-demo.h"
#include "korak-participant-record.h"
#include "korak-store-private.h"

#define DEMO_PEOPLE 40
#define DEMO_SEED   11

/* ---- helpers ----------------------------------------------------------- */

typedef struct
{
  char *dir;        /* scratch folder */
  char *db_path;    /* dir/korak.db, a demo database */
  char *backups;    /* dir/backups, not made yet */
} Fixture;


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("korak-test-backup-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "korak.db", NULL);
  fixture->backups = g_build_filename (fixture->dir, "backups", NULL);

  korak_demo_ensure (fixture->db_path, DEMO_PEOPLE, DEMO_SEED, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  korak_test_remove_tree (fixture->dir, TRUE);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->backups);
}

static KorakStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KorakStore *store = korak_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
add_person (KorakStore *store,
            const char *given,
            const char *family)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
  korak_store_insert_participant (store, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record->id, >, 0);

  return record->id;
}

/* Read-only and without side files: the backups are rollback-journal
 * files; the live database must be closed when this is used on it. */
static sqlite3 *
raw_open_ro (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("“%s” gave no row: %s", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, errmsg);
}

static char *
raw_integrity (sqlite3 *db)
{
  g_autoptr(GString) result = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (result->len > 0)
        g_string_append_c (result, '\n');
      g_string_append (result, (const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* table name → row count, for every table of the schema. */
static GHashTable *
table_counts (sqlite3 *db)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);
      char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", name);

      g_hash_table_insert (counts, g_strdup (name), GINT_TO_POINTER ((int)raw_int (db, sql)));
      sqlite3_free (sql);
    }
  sqlite3_finalize (stmt);
  return counts;
}

static gint64
participant_exists (sqlite3 *db,
                    gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM participant WHERE id = %" G_GINT64_FORMAT, id);

  return raw_int (db, sql);
}

static gboolean
has_person (KorakStore *store,
            gint64      id)
{
  sqlite3 *db = korak_store_get_db (store);

  return participant_exists (db, id) == 1;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
assert_no_side_files (const char *path)
{
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s must not exist", side);
    }
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_same_bytes (GBytes     *before,
                   const char *path)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = read_bytes (from);

  write_file (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Overwrites page @page (1-based) of a database with a byte pattern. */
static void
overwrite_page (const char *path,
                gint64      page,
                gint64      page_size)
{
  g_autofree guint8 *junk = g_malloc (page_size);
  int fd;

  memset (junk, 0xa5, page_size);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, page_size, (page - 1) * page_size), ==, page_size);
  g_assert_cmpint (close (fd), ==, 0);
}

/* Damages the page in the middle of a (closed) database. */
static void
damage_middle_page (const char *path)
{
  sqlite3 *db = raw_open_ro (path);
  gint64 page_size = raw_int (db, "PRAGMA page_size");
  gint64 pages = raw_int (db, "PRAGMA page_count");

  g_assert_cmpint (raw_int (db, "PRAGMA freelist_count"), ==, 0);
  sqlite3_close (db);
  g_assert_cmpint (pages, >, 10);
  overwrite_page (path, pages / 2, page_size);
}

static void
touch (const char *folder,
       const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  write_file (path, "x", 1);
}

static char *
make_backup (KorakStore *store,
             const char *folder)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  g_assert_true (korak_backup_create (store, folder, &path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (path);
  return path;
}

static guint
count_safety_copies (const char *folder)
{
  GDir *dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "korak-before-restore-"))
      n++;
  g_dir_close (dir);
  return n;
}

/* ---- create, list ------------------------------------------------------ */

static void
test_backup_create (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(KorakStore) store = open_store (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) original = NULL;
  g_autoptr(GHashTable) copied = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dirname = NULL;
  g_autofree char *check = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 late;
  sqlite3 *db;

  /* Committed but still in the -wal file: the backup must have it. */
  late = add_person (store, "Zadnja", "Vpisana");

  path = make_backup (store, fixture->backups);
  name = g_path_get_basename (path);
  dirname = g_path_get_dirname (path);
  g_test_message ("backup: %s", path);

  g_assert_cmpstr (dirname, ==, fixture->backups);
  g_assert_true (g_regex_match_simple ("^korak-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{6}\\.db$", name, 0, 0));
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (fixture->backups), ==, 0700);
  assert_no_side_files (path);

  /* Same rows in every table; sound. */
  original = table_counts (korak_store_get_db (store));
  db = raw_open_ro (path);
  copied = table_counts (db);
  g_assert_cmpuint (g_hash_table_size (original), >, 20);
  g_assert_cmpuint (g_hash_table_size (copied), ==, g_hash_table_size (original));
  g_hash_table_iter_init (&iter, original);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_true (g_hash_table_contains (copied, key));
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (copied, key)), ==, GPOINTER_TO_INT (value));
    }
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (copied, "participant")), ==, DEMO_PEOPLE + 1);
  g_assert_cmpint (participant_exists (db, late), ==, 1);
  check = raw_integrity (db);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, KORAK_STORE_SCHEMA_VERSION);
  sqlite3_close (db);
  assert_no_side_files (path);
  /* One self-contained file, not a WAL database: header bytes 18 and 19. */
  {
    g_autoptr(GBytes) header = read_bytes (path);
    const guint8 *bytes = g_bytes_get_data (header, NULL);

    g_assert_cmpint (bytes[18], ==, 1);
    g_assert_cmpint (bytes[19], ==, 1);
  }

  /* A second one in the same second gets a name of its own. */
  second = make_backup (store, fixture->backups);
  g_assert_cmpstr (second, !=, path);

  /* Nothing else in the folder: no temporary files left behind. */
  {
    GDir *dir = g_dir_open (fixture->backups, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_dir_close (dir);
    g_assert_cmpuint (n, ==, 2);
  }

  list = korak_backup_list (fixture->backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      KorakBackupInfo *info = g_ptr_array_index (list, i);

      g_assert_true (info->ok);
      g_assert_null (info->problem);
      g_assert_false (info->safety_copy);
      g_assert_cmpint (info->schema_version, ==, KORAK_STORE_SCHEMA_VERSION);
      g_assert_cmpint (info->n_participants, ==, DEMO_PEOPLE + 1);
      g_assert_cmpint (info->n_sessions, ==, GPOINTER_TO_INT (g_hash_table_lookup (original, "session")));
      g_assert_cmpint (info->n_attendance, ==, GPOINTER_TO_INT (g_hash_table_lookup (original, "attendance")));
      g_assert_cmpint (info->n_attendance, >, 0);
      g_assert_cmpint (info->size, >, 0);
      g_assert_nonnull (info->created);
      /* Made today: no other backup is due today. */
      g_assert_false (korak_backup_is_due (fixture->backups, info->created));
    }
  /* Newest first: the second one (a -2 name in the same second) leads. */
  g_assert_cmpstr (((KorakBackupInfo *)g_ptr_array_index (list, 0))->path, ==, second);
  g_assert_cmpstr (((KorakBackupInfo *)g_ptr_array_index (list, 1))->path, ==, path);

  {
    g_autofree char *newest = korak_backup_newest_good (fixture->backups);

    g_assert_cmpstr (newest, ==, second);
  }
}

static void
test_backup_in_transaction (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(KorakStore) store = open_store (fixture->db_path);
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  g_assert_true (korak_store_begin (store, &error));
  g_assert_false (korak_backup_create (store, fixture->backups, &path, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_LOCKED);
  g_test_message ("%s", error->message);
  g_assert_null (path);
  korak_store_rollback (store);

  g_assert_false (g_file_test (fixture->backups, G_FILE_TEST_EXISTS));
}

static void
test_backup_unwritable_folder (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(KorakStore) store = open_store (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "backups", NULL);

  write_file (blocker, "x", 1);
  g_assert_false (korak_backup_create (store, inside, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CANNOT_OPEN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "backups"));
}

/* ---- rotate, is_due ---------------------------------------------------- */

static void
test_backup_rotate (Fixture       *fixture,
                    gconstpointer  user_data)
{
  /* Two backups a day (08:00 and 17:30) on these days; 10 and 12 March
   * have none. ISO weeks of 2026: week 11 is 9–15 March, week 10 2–8 March,
   * week 9 23 Feb–1 March, week 8 16–22 Feb, week 7 9–15 Feb, week 6 2–8 Feb,
   * week 5 26 Jan–1 Feb, week 3 12–18 Jan. */
  static const char *days[] = {
    "2026-03-15", "2026-03-14", "2026-03-13", "2026-03-11", "2026-03-09", "2026-03-08",
    "2026-03-07", "2026-03-06", "2026-03-05", "2026-03-04", "2026-03-03", "2026-03-02",
    "2026-03-01", "2026-02-27", "2026-02-20", "2026-02-19", "2026-02-13", "2026-02-06",
    "2026-02-01", "2026-01-15",
  };
  /* Daily: the newest of the 7 newest days with backups (15 March has a
   * second 17:30 backup, “-2”, which is the newer); weekly, among older
   * backups: the newest of weeks 10 (6 March), 9 (1 March), 8 (20 Feb)
   * and 7 (13 Feb). */
  static const char *kept[] = {
    "korak-2026-03-15-173000-2.db", "korak-2026-03-14-173000.db", "korak-2026-03-13-173000.db",
    "korak-2026-03-11-173000.db", "korak-2026-03-09-173000.db", "korak-2026-03-08-173000.db",
    "korak-2026-03-07-173000.db",
    "korak-2026-03-06-173000.db", "korak-2026-03-01-173000.db", "korak-2026-02-20-173000.db",
    "korak-2026-02-13-173000.db",
  };
  /* Never touched: a safety copy, names that are not backups' names. */
  static const char *others[] = {
    "korak-before-restore-2025-12-01-120000.db", "korak-notes.db", "korak-2026-02-30-120000.db",
    "korak.db", "readme.txt", "korak-2026-01-15-080000.txt",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *wal = NULL;
  GDir *dir;
  const char *name;
  guint n_files = 0;

  /* A folder that is not there has nothing to rotate. */
  g_assert_true (korak_backup_rotate (fixture->backups, 7, 4, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir (fixture->backups, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *morning = g_strdup_printf ("korak-%s-080000.db", days[i]);
      g_autofree char *evening = g_strdup_printf ("korak-%s-173000.db", days[i]);

      touch (fixture->backups, morning);
      touch (fixture->backups, evening);
    }
  touch (fixture->backups, "korak-2026-03-15-173000-2.db");
  /* A side file of a backup that goes goes with it. */
  touch (fixture->backups, "korak-2026-02-01-080000.db-wal");
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    touch (fixture->backups, others[i]);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_hash_table_add (expected, (gpointer)kept[i]);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_hash_table_add (expected, (gpointer)others[i]);

  g_assert_true (korak_backup_rotate (fixture->backups, 7, 4, &error));
  g_assert_no_error (error);

  dir = g_dir_open (fixture->backups, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("kept %s", name);
      if (!g_hash_table_contains (expected, name))
        g_error ("%s should have been deleted", name);
      n_files++;
    }
  g_dir_close (dir);
  g_assert_cmpuint (n_files, ==, g_hash_table_size (expected));
  wal = g_build_filename (fixture->backups, "korak-2026-02-01-080000.db-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Rotating again changes nothing. */
  g_assert_true (korak_backup_rotate (fixture->backups, 7, 4, &error));
  g_assert_no_error (error);
  dir = g_dir_open (fixture->backups, 0, NULL);
  n_files = 0;
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_dir_close (dir);
  g_assert_cmpuint (n_files, ==, g_hash_table_size (expected));

  /* Keep nothing: the newest backup stays all the same. */
  g_assert_true (korak_backup_rotate (fixture->backups, 0, 0, &error));
  g_assert_no_error (error);
  dir = g_dir_open (fixture->backups, 0, NULL);
  n_files = 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean is_other = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (others); i++)
        is_other |= g_str_equal (name, others[i]);
      if (!is_other)
        g_assert_cmpstr (name, ==, "korak-2026-03-15-173000-2.db");
      n_files++;
    }
  g_dir_close (dir);
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (others) + 1);
}

static void
test_backup_is_due (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 15, 10, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) late_yesterday = g_date_time_new_local (2026, 3, 14, 23, 59, 59);
  g_autoptr(GDateTime) utc_now = g_date_time_to_utc (now);
  g_autoptr(GDateTime) morning = g_date_time_add_hours (now, -2);
  g_autofree char *name = NULL;

  /* No folder, or an empty one: due. */
  g_assert_true (korak_backup_is_due (fixture->backups, now));
  g_assert_cmpint (g_mkdir (fixture->backups, 0700), ==, 0);
  g_assert_true (korak_backup_is_due (fixture->backups, now));

  /* Yesterday's backup, even a minute before midnight, and a safety copy
   * from today do not count. */
  name = korak_backup_file_name (late_yesterday);
  g_assert_cmpstr (name, ==, "korak-2026-03-14-235959.db");
  touch (fixture->backups, name);
  touch (fixture->backups, "korak-before-restore-2026-03-15-090000.db");
  g_assert_true (korak_backup_is_due (fixture->backups, now));
  g_assert_false (korak_backup_is_due (fixture->backups, yesterday));

  /* One from this morning: not due until tomorrow, whatever zone @now is in. */
  g_clear_pointer (&name, g_free);
  name = korak_backup_file_name (morning);
  g_assert_cmpstr (name, ==, "korak-2026-03-15-080000.db");
  touch (fixture->backups, name);
  g_assert_false (korak_backup_is_due (fixture->backups, now));
  g_assert_false (korak_backup_is_due (fixture->backups, utc_now));
  g_assert_true (korak_backup_is_due (fixture->backups, tomorrow));
}

/* ---- restore ----------------------------------------------------------- */

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(KorakStore) store = open_store (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *check = NULL;
  g_autofree char *newest = NULL;
  gint64 kept_id, later_id, desk_before;
  sqlite3 *db;

  kept_id = add_person (store, "Ana", "Pred");
  backup = make_backup (store, fixture->backups);
  later_id = add_person (store, "Berta", "Po");
  g_assert_cmpint (korak_store_count_rows (store, "participant", NULL), ==, DEMO_PEOPLE + 2);

  desk_before = korak_store_get_desk_id (store);

  /* The caller closes its store first. */
  g_clear_object (&store);

  g_assert_true (korak_backup_restore (backup, fixture->db_path, fixture->backups, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  g_test_message ("safety copy: %s", safety);

  /* The database is the backup again; nothing left beside it. */
  assert_no_side_files (fixture->db_path);
  g_assert_cmpuint (file_mode (fixture->db_path), ==, 0600);
  store = open_store (fixture->db_path);
  g_assert_cmpint (korak_store_count_rows (store, "participant", NULL), ==, DEMO_PEOPLE + 1);
  g_assert_true (has_person (store, kept_id));
  g_assert_false (has_person (store, later_id));
  /* A new desk identity, so the next change cannot take a number the
   * desk had already given another change; the old one is another desk's. */
  g_assert_cmpint (korak_store_get_desk_id (store), !=, desk_before);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM desk WHERE id = %lld AND is_local = 0 AND seq > 0",
                                            (long long) desk_before);

    g_assert_cmpint (korak_store_count_rows (store, "desk", NULL), ==, 2);
    db = raw_open_ro (fixture->db_path);
    g_assert_cmpint (raw_int (db, sql), ==, 1);
    sqlite3_close (db);
  }
  check = korak_store_integrity_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_true (korak_store_quick_check (store, &error));
  g_assert_no_error (error);
  /* Still writable as usual. */
  add_person (store, "Cvetka", "Potem");
  g_clear_object (&store);

  /* The safety copy holds what was there before the restore. */
  {
    g_autofree char *folder = g_path_get_dirname (safety);
    g_autofree char *name = g_path_get_basename (safety);

    g_assert_cmpstr (folder, ==, fixture->backups);
    g_assert_true (g_str_has_prefix (name, "korak-before-restore-"));
  }
  g_assert_cmpuint (file_mode (safety), ==, 0600);
  db = raw_open_ro (safety);
  g_assert_cmpint (participant_exists (db, later_id), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM participant"), ==, DEMO_PEOPLE + 2);
  sqlite3_close (db);
  assert_no_side_files (safety);

  /* Listed, marked, and not offered as the newest backup. */
  list = korak_backup_list (fixture->backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      KorakBackupInfo *info = g_ptr_array_index (list, i);

      g_assert_true (info->ok);
      g_assert_cmpint (info->safety_copy, ==, g_str_equal (info->path, safety));
    }
  newest = korak_backup_newest_good (fixture->backups);
  g_assert_cmpstr (newest, ==, backup);

  /* Without a safety folder, the copy goes beside the database. */
  g_clear_pointer (&safety, g_free);
  g_assert_true (korak_backup_restore (backup, fixture->db_path, NULL, &safety, &error));
  g_assert_no_error (error);
  {
    g_autofree char *folder = g_path_get_dirname (safety);

    g_assert_cmpstr (folder, ==, fixture->dir);
  }
}

/* Work committed after a crash is still in the -wal file: the safety copy
 * must have it, and the stale -wal must not come back after the restore. */
static void
test_backup_restore_with_wal (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(KorakStore) store = open_store (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  GStatBuf st;
  gint64 in_wal;
  sqlite3 *db;

  backup = make_backup (store, fixture->backups);

  /* Leave the -wal as a crash would. */
  g_assert_cmpint (sqlite3_db_config (korak_store_get_db (store), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL),
                   ==, SQLITE_OK);
  in_wal = add_person (store, "Dana", "Vdnevniku");
  g_clear_object (&store);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  g_assert_true (korak_backup_restore (backup, fixture->db_path, fixture->backups, &safety, &error));
  g_assert_no_error (error);
  assert_no_side_files (fixture->db_path);

  db = raw_open_ro (safety);
  g_assert_cmpint (participant_exists (db, in_wal), ==, 1);
  sqlite3_close (db);

  store = open_store (fixture->db_path);
  g_assert_false (has_person (store, in_wal));
  g_assert_cmpint (korak_store_count_rows (store, "participant", NULL), ==, DEMO_PEOPLE);
}

static void
assert_restore_refused (Fixture    *fixture,
                        const char *bad,
                        int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_bytes (fixture->db_path);
  g_autofree char *name = g_path_get_basename (bad);
  g_autoptr(KorakBackupInfo) info = NULL;
  char *safety = NULL;

  g_assert_false (korak_backup_restore (bad, fixture->db_path, fixture->backups, &safety, &error));
  g_assert_error (error, KORAK_STORE_ERROR, code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, "not changed"));
  g_assert_null (safety);

  /* The database is exactly as it was, and no safety copy was made. */
  assert_same_bytes (before, fixture->db_path);
  assert_no_side_files (fixture->db_path);
  g_assert_cmpuint (count_safety_copies (fixture->backups), ==, 0);
  g_assert_cmpuint (count_safety_copies (fixture->dir), ==, 0);

  g_clear_error (&error);
  info = korak_backup_inspect (bad, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info->problem);
  if (code != KORAK_STORE_ERROR_NEWER_SCHEMA)
    g_assert_false (info->ok);
}

static void
test_backup_restore_refused (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(KorakStore) store = open_store (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *truncated = g_build_filename (fixture->backups, "korak-2030-01-01-000001.db", NULL);
  g_autofree char *bad_header = g_build_filename (fixture->backups, "korak-2030-01-01-000002.db", NULL);
  g_autofree char *garbage = g_build_filename (fixture->backups, "korak-2030-01-01-000003.db", NULL);
  g_autofree char *bad_page = g_build_filename (fixture->backups, "korak-2030-01-01-000004.db", NULL);
  g_autofree char *newer = g_build_filename (fixture->backups, "korak-2030-01-01-000005.db", NULL);
  g_autofree char *foreign = g_build_filename (fixture->backups, "korak-2030-01-01-000006.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->backups, "korak-2030-01-01-000007.db", NULL);
  g_autofree char *newest = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint n_bad = 0;

  good = make_backup (store, fixture->backups);
  g_clear_object (&store);
  bytes = read_bytes (good);

  /* Cut in half. */
  write_file (truncated, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);
  /* Garbage over the header. */
  copy_file (good, bad_header);
  {
    int fd = g_open (bad_header, O_WRONLY, 0);

    g_assert_cmpint (pwrite (fd, "this is not an SQLite file at all, only garbage bytes!!", 56, 0), ==, 56);
    close (fd);
  }
  /* Not a database at all. */
  write_file (garbage, "Korak backup? No, a shopping list: bread, milk, eggs.\n", 54);
  /* A page in the middle overwritten. */
  copy_file (good, bad_page);
  damage_middle_page (bad_page);
  /* From a newer Korak. */
  copy_file (good, newer);
  {
    sqlite3 *rw = NULL;

    g_assert_cmpint (sqlite3_open_v2 (newer, &rw, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    raw_exec (rw, "PRAGMA user_version = 999");
    sqlite3_close (rw);
  }
  /* A sound SQLite file that is not Korak's. */
  {
    sqlite3 *rw = NULL;

    g_assert_cmpint (sqlite3_open_v2 (foreign, &rw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
    raw_exec (rw, "CREATE TABLE shopping (item TEXT); INSERT INTO shopping VALUES ('bread');");
    sqlite3_close (rw);
  }

  assert_restore_refused (fixture, truncated, KORAK_STORE_ERROR_CORRUPT);
  assert_restore_refused (fixture, bad_header, KORAK_STORE_ERROR_NOT_DATABASE);
  assert_restore_refused (fixture, garbage, KORAK_STORE_ERROR_NOT_DATABASE);
  assert_restore_refused (fixture, bad_page, KORAK_STORE_ERROR_CORRUPT);
  assert_restore_refused (fixture, newer, KORAK_STORE_ERROR_NEWER_SCHEMA);
  assert_restore_refused (fixture, foreign, KORAK_STORE_ERROR_NOT_DATABASE);

  /* A backup that is not there. */
  g_assert_false (korak_backup_restore (missing, fixture->db_path, fixture->backups, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The database itself is not a backup of itself. */
  g_assert_false (korak_backup_restore (fixture->db_path, fixture->db_path, fixture->backups, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Inspecting them changed none and left nothing beside them. */
  assert_no_side_files (truncated);
  assert_no_side_files (bad_page);

  /* The list says which are bad; the newest good one is the real backup,
   * though all the bad ones have newer names. */
  list = korak_backup_list (fixture->backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 7);
  for (guint i = 0; i < list->len; i++)
    {
      KorakBackupInfo *info = g_ptr_array_index (list, i);

      g_test_message ("%s: ok %d, version %d, %s", info->path, info->ok, info->schema_version,
                      info->problem ? info->problem : "");
      if (info->problem != NULL)
        n_bad++;
    }
  g_assert_cmpuint (n_bad, ==, 6);
  g_assert_cmpstr (((KorakBackupInfo *)g_ptr_array_index (list, list->len - 1))->path, ==, good);
  newest = korak_backup_newest_good (fixture->backups);
  g_assert_cmpstr (newest, ==, good);

  /* And the database still opens with all its people. */
  store = open_store (fixture->db_path);
  g_assert_cmpint (korak_store_count_rows (store, "participant", NULL), ==, DEMO_PEOPLE);
}

/* The database is beyond SQLite (garbage over its header, a stale -wal
 * beside it): the restore replaces the file and keeps the damaged one. */
static void
test_backup_restore_over_garbage (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(KorakStore) store = open_store (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);

  backup = make_backup (store, fixture->backups);
  g_clear_object (&store);

  {
    int fd = g_open (fixture->db_path, O_WRONLY, 0);

    g_assert_cmpint (pwrite (fd, "garbage garbage garbage garbage garbage garbage garbage!!", 56, 0), ==, 56);
    close (fd);
  }
  damaged = read_bytes (fixture->db_path);

  g_assert_false (korak_database_quick_check (fixture->db_path, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_DATABASE);
  g_clear_error (&error);

  /* A stale -wal that must not be replayed onto the restored file. */
  write_file (wal, "stale wal", 9);

  g_assert_true (korak_backup_restore (backup, fixture->db_path, fixture->backups, &safety, &error));
  g_assert_no_error (error);
  assert_no_side_files (fixture->db_path);
  g_assert_cmpuint (file_mode (fixture->db_path), ==, 0600);

  /* The damaged file is kept byte for byte. (The -wal, without a valid
   * frame, is dropped by SQLite itself when the connection that tried to
   * read the file closes; one with frames would be copied along.) */
  assert_same_bytes (damaged, safety);

  g_assert_true (korak_database_quick_check (fixture->db_path, &error));
  g_assert_no_error (error);
  store = open_store (fixture->db_path);
  g_assert_cmpint (korak_store_count_rows (store, "participant", NULL), ==, DEMO_PEOPLE);
}

/* A damaged page inside: SQLite can still write the backup into it. */
static void
test_backup_restore_over_damaged_page (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(KorakStore) store = open_store (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *check = NULL;

  backup = make_backup (store, fixture->backups);
  g_clear_object (&store);
  damage_middle_page (fixture->db_path);
  g_assert_false (korak_database_quick_check (fixture->db_path, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (korak_backup_restore (backup, fixture->db_path, fixture->backups, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  assert_no_side_files (fixture->db_path);

  store = open_store (fixture->db_path);
  check = korak_store_integrity_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (korak_store_count_rows (store, "participant", NULL), ==, DEMO_PEOPLE);
}

/* Restoring where there is no database yet (a new laptop). */
static void
test_backup_restore_fresh (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(KorakStore) store = open_store (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, "new", "place", "korak.db", NULL);
  char *safety = NULL;

  backup = make_backup (store, fixture->backups);
  g_clear_object (&store);

  g_assert_true (korak_backup_restore (backup, target, NULL, &safety, &error));
  g_assert_no_error (error);
  g_assert_null (safety);
  g_assert_cmpuint (file_mode (target), ==, 0600);
  assert_no_side_files (target);

  store = open_store (target);
  g_assert_cmpint (korak_store_count_rows (store, "participant", NULL), ==, DEMO_PEOPLE);
}

/* ---- quick check ------------------------------------------------------- */

static void
test_backup_quick_check (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "none.db", NULL);
  g_autofree char *name = g_path_get_basename (fixture->db_path);

  /* Sound, and a file that is not there yet (a first start). */
  g_assert_true (korak_database_quick_check (fixture->db_path, &error));
  g_assert_no_error (error);
  assert_no_side_files (fixture->db_path);
  g_assert_true (korak_database_quick_check (missing, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  store = open_store (fixture->db_path);
  g_assert_true (korak_store_quick_check (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* A page in the middle overwritten with garbage. */
  damage_middle_page (fixture->db_path);
  before = read_bytes (fixture->db_path);
  g_assert_false (korak_database_quick_check (fixture->db_path, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_clear_error (&error);
  /* The check changed nothing. */
  assert_same_bytes (before, fixture->db_path);
  assert_no_side_files (fixture->db_path);

  /* The store may still open it (it reads little), but its check fails. */
  store = korak_store_open (fixture->db_path, &error);
  if (store != NULL)
    {
      g_assert_false (korak_store_quick_check (store, &error));
      g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT);
    }
  else
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/backup/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_backup_create);
  ADD ("in-transaction", test_backup_in_transaction);
  ADD ("unwritable-folder", test_backup_unwritable_folder);
  ADD ("rotate", test_backup_rotate);
  ADD ("is-due", test_backup_is_due);
  ADD ("restore", test_backup_restore);
  ADD ("restore-with-wal", test_backup_restore_with_wal);
  ADD ("restore-refused", test_backup_restore_refused);
  ADD ("restore-over-garbage", test_backup_restore_over_garbage);
  ADD ("restore-over-damaged-page", test_backup_restore_over_damaged_page);
  ADD ("restore-fresh", test_backup_restore_fresh);
  ADD ("quick-check", test_backup_quick_check);

#undef ADD

  return g_test_run ();
}
