/* korak-backup.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "korak-backup.h"
#include "korak-exchange.h"
#include "korak-store-private.h"

/*
 * How the files are made safe:
 *
 * - A backup is written by SQLite's online backup API into a new file made
 *   with mode 0600 under a hidden temporary name (“.korak-backup-XXXXXX”,
 *   which the listing ignores), switched to a rollback journal so that it is
 *   one self-contained file, checked with PRAGMA quick_check, and only then
 *   renamed to korak-YYYY-MM-DD-HHMMSS.db; the folder is synced after the
 *   rename. A crash at any point leaves either no backup or a whole one.
 *
 * - Backups are read through “immutable” read-only URIs: inspecting one
 *   never takes locks, never changes it and never leaves -wal or -shm files
 *   beside it.
 *
 * - A restore writes into the database through its own connection with the
 *   backup API: the pages go through the database's WAL, so the old content
 *   stays until the new one is committed. Only when the file is too damaged
 *   for SQLite to open is it replaced by a rename, after its stale -wal,
 *   -shm and -journal files are removed (a -wal left beside the new file
 *   would be replayed onto it).
 */

#define BACKUP_PREFIX   "korak-"
#define SAFETY_INFIX    "before-restore-"
#define BACKUP_SUFFIX   ".db"
#define STAMP_SHAPE     "0000-00-00-000000"
#define STEP_PAGES      1024
#define BUSY_SLEEP_MS   50
#define BUSY_RETRIES    100
#define BUSY_TIMEOUT_MS 3000
#define MAX_SAME_SECOND 1000

static const char *side_suffixes[] = { "-wal", "-shm", "-journal" };

/* ------------------------------------------------------------- helpers */

static KorakStoreError
code_from_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      return KORAK_STORE_ERROR_READ_ONLY;

    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return KORAK_STORE_ERROR_DISK_FULL;

    case ENOENT:
      return KORAK_STORE_ERROR_NOT_FOUND;

    default:
      return KORAK_STORE_ERROR_CANNOT_OPEN;
    }
}

static gboolean
is_busy (int rc)
{
  return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, KORAK_STORE_ERROR, code_from_errno (saved_errno),
                   _("The backup folder “%s” could not be created: %s. Choose a folder you can write to."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* After a rename: the new directory entry is on the disk, not only the file. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
remove_side_files (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);

      g_remove (side);
    }
}

static void
remove_database_files (const char *path)
{
  if (path == NULL)
    return;

  g_remove (path);
  remove_side_files (path);
}

/* An empty file with mode 0600 in @folder under a hidden name that the
 * listing ignores; SQLite makes its journal with the same mode. */
static char *
make_temp_file (const char  *folder,
                const char  *stem,
                GError     **error)
{
  g_autofree char *template = g_strdup_printf ("%s/.%s-XXXXXX", folder, stem);
  int fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, KORAK_STORE_ERROR, code_from_errno (saved_errno),
                   _("Korak could not write to the folder “%s”: %s. "
                     "Check that the disk or USB drive is connected and that you can write to the folder."),
                   display, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&template);
}

static gboolean
rename_into_place (const char  *from,
                   const char  *to,
                   GError     **error)
{
  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (to);

      g_set_error (error, KORAK_STORE_ERROR, code_from_errno (saved_errno),
                   _("“%s” could not be written: %s. "
                     "Check that the disk or USB drive is connected and that you can write to the folder."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
copy_file_bytes (const char  *from,
                 const char  *to,
                 GError     **error)
{
  g_autofree char *buffer = g_malloc (64 * 1024);
  int in, out = -1;
  int saved_errno = 0;

  in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  if (in >= 0)
    out = g_open (to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (in < 0 || out < 0)
    saved_errno = errno;

  while (saved_errno == 0)
    {
      gssize n = read (in, buffer, 64 * 1024);

      if (n == 0)
        break;
      if (n < 0)
        {
          if (errno != EINTR)
            saved_errno = errno;
          continue;
        }
      for (gssize done = 0; done < n && saved_errno == 0;)
        {
          gssize w = write (out, buffer + done, n - done);

          if (w < 0 && errno != EINTR)
            saved_errno = errno;
          else if (w > 0)
            done += w;
        }
    }
  if (saved_errno == 0 && fsync (out) != 0)
    saved_errno = errno;

  if (in >= 0)
    close (in);
  if (out >= 0 && close (out) != 0 && saved_errno == 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_autofree char *display = g_filename_display_name (to);

      g_set_error (error, KORAK_STORE_ERROR, code_from_errno (saved_errno),
                   _("“%s” could not be written: %s. "
                     "Check that the disk or USB drive is connected and that you can write to the folder."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* ------------------------------------------------------------- SQLite */

/* A read-only, immutable connection: no locks, no -wal or -shm beside the
 * file, nothing written. For backups, which nothing else writes. */
static int
open_immutable (const char  *path,
                sqlite3    **db)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?mode=ro&immutable=1", NULL);
  int rc;

  rc = sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (*db != NULL)
    sqlite3_extended_result_codes (*db, TRUE);

  return rc;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_ERROR;
      else
        rc = sqlite3_extended_errcode (db);
    }
  sqlite3_finalize (stmt);

  return rc;
}

/* PRAGMA quick_check; @result: "ok" or the first problems, one a line. */
static int
run_quick_check (sqlite3  *db,
                 char    **result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint lines = 0;
  int rc;

  *result = NULL;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rc = sqlite3_extended_errcode (db);
      sqlite3_finalize (stmt);
      return rc;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (++lines > 5)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, (const char *)sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    rc = sqlite3_extended_errcode (db);
  else
    rc = SQLITE_OK;
  sqlite3_finalize (stmt);

  if (rc == SQLITE_OK)
    *result = g_string_free (g_steal_pointer (&text), FALSE);

  return rc;
}

/* Copies every page of @src into @dest with the backup API, a chunk at a
 * time, waiting a little while another connection holds a lock. */
static int
run_backup (sqlite3 *dest,
            sqlite3 *src)
{
  sqlite3_backup *backup;
  guint tries = 0;
  int rc, finish_rc;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    return sqlite3_extended_errcode (dest);

  do
    {
      rc = sqlite3_backup_step (backup, STEP_PAGES);
      if (is_busy (rc))
        {
          if (++tries > BUSY_RETRIES)
            break;
          sqlite3_sleep (BUSY_SLEEP_MS);
        }
    }
  while (rc == SQLITE_OK || is_busy (rc));

  finish_rc = sqlite3_backup_finish (backup);

  return rc == SQLITE_DONE ? finish_rc : rc;
}

/* Why a copy failed, in words about the backup rather than the database. */
static void
set_copy_error (GError     **error,
                int          rc,
                const char  *folder)
{
  g_autofree char *display = g_filename_display_name (folder);
  const char *detail = sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_DISK_FULL,
                   _("The disk with the folder “%s” is full, so the copy was not made. "
                     "Free some space or choose another folder, then try again. (%s)"),
                   display, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_LOCKED,
                   _("The database is in use by another program, so the copy was not made. "
                     "Close the other Korak window or program that uses it, then try again. (%s)"),
                   detail);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT,
                   _("The database is damaged, so it could not be copied. "
                     "Restore your latest backup, or keep the file and ask for help to recover it. (%s)"),
                   detail);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, KORAK_STORE_ERROR,
                   (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_PERM ? KORAK_STORE_ERROR_READ_ONLY
                                                                               : KORAK_STORE_ERROR_CANNOT_OPEN,
                   _("Korak could not write to the folder “%s”: %s. "
                     "Check that the disk or USB drive is connected and that you can write to the folder."),
                   display, detail);
      break;

    default:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                   _("The copy of the database could not be made. (%s)"),
                   detail);
      break;
    }
}

/*
 * Copies the database of @src into the empty file @dest_path as one
 * self-contained file (rollback journal, no -wal), then, when @verify,
 * checks the copy. @dest_path is left for the caller to rename or remove.
 */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest_path,
               gboolean     verify,
               int         *out_rc,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (dest_path);
  g_autofree char *check = NULL;
  sqlite3 *dest = NULL;
  int rc;

  *out_rc = SQLITE_OK;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dest, TRUE);
      sqlite3_busy_timeout (dest, BUSY_TIMEOUT_MS);
      rc = run_backup (dest, src);
    }
  if (rc == SQLITE_OK)
    {
      /* The copy of a WAL database says WAL in its header; a backup is
       * one file, and a read-only reader must not need a -shm. */
      rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        rc = sqlite3_extended_errcode (dest);
    }
  if (rc == SQLITE_OK && verify)
    rc = run_quick_check (dest, &check);

  if (rc != SQLITE_OK)
    {
      g_debug ("Copy to %s failed: %s", dest_path, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      *out_rc = rc;
      set_copy_error (error, rc, folder);
      return FALSE;
    }

  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      sqlite3_close_v2 (dest);
      *out_rc = rc;
      set_copy_error (error, rc, folder);
      return FALSE;
    }

  if (check != NULL && strcmp (check, "ok") != 0)
    {
      *out_rc = SQLITE_CORRUPT;
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT,
                   _("The copy did not pass its check, so it was not kept. "
                     "The disk may be failing: try another folder or drive. (%s)"),
                   check);
      return FALSE;
    }

  return TRUE;
}

/* ----------------------------------------------------------------- names */

char *
korak_backup_file_name (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  local = g_date_time_to_local (when);
  return g_date_time_format (local, BACKUP_PREFIX "%Y-%m-%d-%H%M%S" BACKUP_SUFFIX);
}

char *
korak_backup_default_folder (const char *database_path)
{
  g_autofree char *default_path = NULL;
  g_autofree char *dir = NULL;

  if (database_path == NULL)
    database_path = default_path = korak_store_default_path ();

  dir = g_path_get_dirname (database_path);
  return g_build_filename (dir, "backups", NULL);
}

typedef struct
{
  char      *path;
  GDateTime *created;
  guint      seq;      /* the -N of a second backup in the same second */
  gboolean   safety;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_clear_pointer (&entry->created, g_date_time_unref);
  g_free (entry);
}

static int
parse_digits (const char *p,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (p[i] - '0');

  return value;
}

/* korak-[before-restore-]YYYY-MM-DD-HHMMSS[-N].db */
static gboolean
parse_name (const char  *name,
            gboolean    *safety,
            GDateTime  **created,
            guint       *seq)
{
  const char *p;

  if (!g_str_has_prefix (name, BACKUP_PREFIX))
    return FALSE;
  p = name + strlen (BACKUP_PREFIX);

  *safety = g_str_has_prefix (p, SAFETY_INFIX);
  if (*safety)
    p += strlen (SAFETY_INFIX);

  for (guint i = 0; i < strlen (STAMP_SHAPE); i++)
    {
      if (STAMP_SHAPE[i] == '0' ? !g_ascii_isdigit (p[i]) : p[i] != STAMP_SHAPE[i])
        return FALSE;
    }

  *seq = 0;
  if (p[strlen (STAMP_SHAPE)] == '-')
    {
      const char *q = p + strlen (STAMP_SHAPE) + 1;

      if (!g_ascii_isdigit (*q))
        return FALSE;
      for (; g_ascii_isdigit (*q); q++)
        {
          guint digit = (guint)(*q - '0');

          *seq = MIN (*seq * 10 + digit, G_MAXUINT / 20);
        }
      if (strcmp (q, BACKUP_SUFFIX) != 0)
        return FALSE;
    }
  else if (strcmp (p + strlen (STAMP_SHAPE), BACKUP_SUFFIX) != 0)
    return FALSE;

  *created = g_date_time_new_local (parse_digits (p, 4), parse_digits (p + 5, 2), parse_digits (p + 8, 2),
                                    parse_digits (p + 11, 2), parse_digits (p + 13, 2), parse_digits (p + 15, 2));
  return *created != NULL;
}

static int
compare_entries_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const Entry *ea = *(Entry * const *)a;
  const Entry *eb = *(Entry * const *)b;
  int cmp = g_date_time_compare (eb->created, ea->created);

  if (cmp != 0)
    return cmp;
  if (ea->seq != eb->seq)
    return ea->seq < eb->seq ? 1 : -1;
  return g_strcmp0 (eb->path, ea->path);
}

/* Entry* of the backups and safety copies in @folder, newest first. */
static GPtrArray *
scan_folder (const char  *folder,
             GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_autofree char *display = NULL;

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&entries);

      display = g_filename_display_name (folder);
      g_set_error (error, KORAK_STORE_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ? KORAK_STORE_ERROR_READ_ONLY
                                                                                  : KORAK_STORE_ERROR_CANNOT_OPEN,
                   _("The backup folder “%s” could not be read: %s. "
                     "Check that the disk or USB drive is connected and that you may open the folder."),
                   display, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GDateTime *created = NULL;
      gboolean safety = FALSE;
      guint seq = 0;
      Entry *entry;

      if (!parse_name (name, &safety, &created, &seq))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_date_time_unref (created);
          continue;
        }

      entry = g_new0 (Entry, 1);
      entry->path = g_steal_pointer (&path);
      entry->created = created;
      entry->seq = seq;
      entry->safety = safety;
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_entries_newest_first);

  return g_steal_pointer (&entries);
}

/* A name for a new file in @folder made at @when that no file has yet. */
static char *
unique_path (const char *folder,
             const char *prefix,
             GDateTime  *when)
{
  g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d-%H%M%S");

  for (guint i = 1; i < MAX_SAME_SECOND; i++)
    {
      g_autofree char *name = i == 1 ? g_strconcat (prefix, stamp, BACKUP_SUFFIX, NULL)
                                     : g_strdup_printf ("%s%s-%u%s", prefix, stamp, i, BACKUP_SUFFIX);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (wal, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/* ---------------------------------------------------------------- create */

gboolean
korak_backup_create (KorakStore  *store,
                     const char  *folder,
                     char       **out_path,
                     GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  sqlite3 *src;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_path != NULL)
    *out_path = NULL;

  src = korak_store_get_db (store);

  /* The backup API reads through this connection, which would include
   * changes that are not committed yet. */
  if (!sqlite3_get_autocommit (src))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_LOCKED,
                           _("A change is still being saved. Try the backup again in a moment."));
      return FALSE;
    }

  if (!ensure_folder (folder, error))
    return FALSE;

  if (!(tmp = make_temp_file (folder, "korak-backup", error)))
    return FALSE;

  if (!copy_database (src, tmp, TRUE, &rc, error))
    goto failed;

  now = g_date_time_new_now_local ();
  if (!(path = unique_path (folder, BACKUP_PREFIX, now)))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                           _("Too many backups were made in the same second. Try again in a moment."));
      goto failed;
    }

  if (!rename_into_place (tmp, path, error))
    goto failed;
  remove_side_files (tmp);
  sync_folder (folder);

  g_debug ("Backed up %s to %s", korak_store_get_path (store), path);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return TRUE;

failed:
  remove_database_files (tmp);
  return FALSE;
}

/* ---------------------------------------------------------------- rotate */

static int
day_of (GDateTime *when)
{
  int y, m, d;

  g_date_time_get_ymd (when, &y, &m, &d);
  return y * 10000 + m * 100 + d;
}

static int
week_of (GDateTime *when)
{
  return g_date_time_get_week_numbering_year (when) * 100 + g_date_time_get_week_of_year (when);
}

gboolean
korak_backup_rotate (const char  *folder,
                     guint        keep_daily,
                     guint        keep_weekly,
                     GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) backups = g_ptr_array_new ();
  g_autofree gboolean *keep = NULL;
  g_autoptr(GError) first_error = NULL;
  guint i, seen;
  int last;

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(entries = scan_folder (folder, error)))
    return FALSE;

  for (i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (!entry->safety)
        g_ptr_array_add (backups, entry);
    }
  if (backups->len == 0)
    return TRUE;

  keep = g_new0 (gboolean, backups->len);
  keep[0] = TRUE;

  /* The newest of each of the newest days that have backups … */
  for (i = 0, seen = 0, last = -1; i < backups->len; i++)
    {
      int day = day_of (((Entry *)g_ptr_array_index (backups, i))->created);

      if (day == last)
        continue;
      if (seen == keep_daily)
        break;
      seen++;
      last = day;
      keep[i] = TRUE;
    }

  /* … then, among older backups, the newest of each of the newest weeks. */
  for (seen = 0, last = -1; i < backups->len; i++)
    {
      int week = week_of (((Entry *)g_ptr_array_index (backups, i))->created);

      if (week == last)
        continue;
      if (seen == keep_weekly)
        break;
      seen++;
      last = week;
      keep[i] = TRUE;
    }

  for (i = 0; i < backups->len; i++)
    {
      Entry *entry = g_ptr_array_index (backups, i);

      if (keep[i])
        continue;

      g_debug ("Removing old backup %s", entry->path);
      if (g_remove (entry->path) != 0 && errno != ENOENT && first_error == NULL)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_basename (entry->path);

          g_set_error (&first_error, KORAK_STORE_ERROR, code_from_errno (saved_errno),
                       _("The old backup “%s” could not be deleted: %s. "
                         "Check that you can write to the backup folder."),
                       display, g_strerror (saved_errno));
          continue;
        }
      remove_side_files (entry->path);
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
korak_backup_is_due (const char *folder,
                     GDateTime  *now)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int today;

  g_return_val_if_fail (folder != NULL, TRUE);

  local_now = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  today = day_of (local_now);

  if (!(entries = scan_folder (folder, NULL)))
    return TRUE;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (!entry->safety && day_of (entry->created) == today)
        return FALSE;
    }

  return TRUE;
}

/* --------------------------------------------------------------- inspect */

void
korak_backup_info_free (KorakBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_clear_pointer (&info->created, g_date_time_unref);
  g_free (info->problem);
  g_free (info);
}

/* Describes @path; @code: the error a restore of it would give. */
static KorakBackupInfo *
inspect (const char       *path,
         KorakStoreError  *code,
         GError          **error)
{
  g_autoptr(KorakBackupInfo) info = NULL;
  g_autofree char *check = NULL;
  KorakStoreError problem_code = KORAK_STORE_ERROR_CORRUPT;
  g_autofree char *name = g_path_get_basename (path);
  GDateTime *created = NULL;
  gboolean safety = FALSE;
  sqlite3 *db = NULL;
  GStatBuf st;
  gint64 value = 0;
  guint seq;
  int rc;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, KORAK_STORE_ERROR, code_from_errno (saved_errno),
                   _("The backup “%s” could not be read: %s. "
                     "Check that the disk or USB drive is connected, or choose another backup."),
                   display, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("“%s” is not a file. Choose a backup file."), display);
      return NULL;
    }

  info = g_new0 (KorakBackupInfo, 1);
  info->path = g_strdup (path);
  info->size = st.st_size;
  info->n_participants = info->n_sessions = info->n_attendance = -1;
  if (parse_name (name, &safety, &created, &seq))
    {
      info->created = created;
      info->safety_copy = safety;
    }
  else
    info->created = g_date_time_new_from_unix_local (st.st_mtime);

  rc = open_immutable (path, &db);
  if (rc == SQLITE_OK)
    rc = run_quick_check (db, &check);

  if (rc == SQLITE_OK && strcmp (check, "ok") != 0)
    {
      g_debug ("%s: %s", path, check);
      info->problem = g_strdup (_("The file is damaged."));
    }
  else if (rc != SQLITE_OK)
    {
      g_debug ("%s: %s", path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      switch (rc & 0xff)
        {
        case SQLITE_NOTADB:
          problem_code = KORAK_STORE_ERROR_NOT_DATABASE;
          info->problem = g_strdup (_("The file is not a Korak database."));
          break;

        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
        case SQLITE_PERM:
          problem_code = KORAK_STORE_ERROR_CANNOT_OPEN;
          info->problem = g_strdup (_("The file could not be read."));
          break;

        default:
          info->problem = g_strdup (_("The file is damaged."));
          break;
        }
    }
  else
    {
      if (query_int (db, "PRAGMA user_version", &value) == SQLITE_OK)
        info->schema_version = (int)value;

      if (info->schema_version <= 0 ||
          query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'participant'", &value) != SQLITE_OK ||
          value != 1)
        {
          problem_code = KORAK_STORE_ERROR_NOT_DATABASE;
          info->problem = g_strdup (_("The file is not a Korak database."));
        }
      else
        {
          info->ok = TRUE;
          if (info->schema_version > KORAK_STORE_SCHEMA_VERSION)
            {
              problem_code = KORAK_STORE_ERROR_NEWER_SCHEMA;
              info->problem = g_strdup_printf (_("It was made by a newer version of Korak (database version %d, "
                                                 "this Korak knows up to %d). Update Korak to restore it."),
                                               info->schema_version, KORAK_STORE_SCHEMA_VERSION);
            }
        }
    }

  if (db != NULL && info->schema_version > 0)
    {
      static const char *counts_sql[] = {
        "SELECT count(*) FROM participant",
        "SELECT count(*) FROM session",
        "SELECT count(*) FROM attendance",
      };
      gint64 *counts[] = { &info->n_participants, &info->n_sessions, &info->n_attendance };

      for (guint i = 0; i < G_N_ELEMENTS (counts_sql); i++)
        if (query_int (db, counts_sql[i], &value) == SQLITE_OK)
          *counts[i] = value;
    }

  sqlite3_close_v2 (db);

  if (code != NULL)
    *code = problem_code;

  return g_steal_pointer (&info);
}

KorakBackupInfo *
korak_backup_inspect (const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return inspect (path, NULL, error);
}

GPtrArray *
korak_backup_list (const char  *folder,
                   GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(entries = scan_folder (folder, error)))
    return NULL;

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_backup_info_free);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      KorakBackupInfo *info = inspect (entry->path, NULL, NULL);

      /* Gone between the listing and now: not a backup any more. */
      if (info != NULL)
        g_ptr_array_add (infos, info);
    }

  return g_steal_pointer (&infos);
}

char *
korak_backup_newest_good (const char *folder)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (folder != NULL, NULL);

  if (!(entries = scan_folder (folder, NULL)))
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autoptr(KorakBackupInfo) info = NULL;

      if (entry->safety)
        continue;

      info = inspect (entry->path, NULL, NULL);
      if (info != NULL && info->ok && info->schema_version <= KORAK_STORE_SCHEMA_VERSION)
        return g_strdup (entry->path);
    }

  return NULL;
}

/* ----------------------------------------------------------- quick check */

static void
set_damaged_error (GError     **error,
                   const char  *path,
                   const char  *check)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT,
               _("The database file “%s” is damaged. Korak did not change it. "
                 "Restore your latest backup, or keep the file and ask for help to recover it. (%s)"),
               name, check);
}

gboolean
korak_database_quick_check (const char  *path,
                            GError     **error)
{
  g_autofree char *check = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *wal = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_path_get_dirname (path);
  wal = g_strconcat (path, "-wal", NULL);

  /* A writable database is opened as the store opens it, so committed
   * work still in its -wal file is checked too. A read-only one is read
   * without leaving -wal and -shm files that nothing would remove. */
  if (access (path, W_OK) == 0 && access (dir, W_OK) == 0)
    {
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
      if (db != NULL)
        {
          sqlite3_extended_result_codes (db, TRUE);
          sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
        }
    }
  else if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    rc = open_immutable (path, &db);
  else
    {
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
      if (db != NULL)
        sqlite3_extended_result_codes (db, TRUE);
    }

  if (rc == SQLITE_OK)
    rc = run_quick_check (db, &check);

  if (rc != SQLITE_OK)
    {
      korak_error_from_sqlite (db, rc, error);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_close_v2 (db);

  if (strcmp (check, "ok") != 0)
    {
      set_damaged_error (error, path, check);
      return FALSE;
    }

  return TRUE;
}

gboolean
korak_store_quick_check (KorakStore  *store,
                         GError     **error)
{
  g_autofree char *check = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = korak_store_get_db (store);
  rc = run_quick_check (db, &check);
  if (rc != SQLITE_OK)
    {
      korak_error_from_sqlite (db, rc, error);
      return FALSE;
    }

  if (strcmp (check, "ok") != 0)
    {
      set_damaged_error (error, korak_store_get_path (store), check);
      return FALSE;
    }

  return TRUE;
}

/* --------------------------------------------------------------- restore */

/* Keeps what the database holds now, -wal included, in @folder. @current:
 * a connection to it, or NULL when SQLite cannot open it; then, and when
 * SQLite cannot read it, the file and its -wal are copied byte for byte,
 * after @current is closed: closing our own descriptor of the file would
 * drop the POSIX locks that connection holds on it. */
static gboolean
make_safety_copy (sqlite3    **current,
                  const char  *database_path,
                  const char  *folder,
                  char       **out_path,
                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
  gboolean raw_wal = FALSE;
  int rc = SQLITE_CANTOPEN;

  if (!ensure_folder (folder, error))
    return FALSE;

  if (!(tmp = make_temp_file (folder, "korak-safety", error)))
    return FALSE;

  if (*current == NULL || !copy_database (*current, tmp, FALSE, &rc, &local_error))
    {
      if (is_busy (rc))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
      g_debug ("Copying %s byte for byte: %s", database_path,
               local_error ? local_error->message : "SQLite cannot open it");
      g_clear_error (&local_error);
      g_clear_pointer (current, sqlite3_close_v2);
      remove_side_files (tmp);

      if (!copy_file_bytes (database_path, tmp, error))
        goto failed;
      raw_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
    }

  if (!(path = unique_path (folder, BACKUP_PREFIX SAFETY_INFIX, now)))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                           _("Too many backups were made in the same second. Try again in a moment."));
      goto failed;
    }

  /* The -wal first, so the copy is never seen without it. */
  if (raw_wal)
    {
      g_autofree char *path_wal = g_strconcat (path, "-wal", NULL);

      if (!copy_file_bytes (wal, path_wal, error))
        goto failed;
    }

  if (!rename_into_place (tmp, path, error))
    goto failed;
  remove_side_files (tmp);
  sync_folder (folder);

  *out_path = g_steal_pointer (&path);
  return TRUE;

failed:
  remove_database_files (tmp);
  return FALSE;
}

/* The fallback: a complete, checked copy of @src beside the database,
 * renamed over it once its stale side files are gone. */
static gboolean
replace_by_rename (sqlite3     *src,
                   const char  *database_path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (database_path);
  g_autofree char *tmp = NULL;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, KORAK_STORE_ERROR, code_from_errno (saved_errno),
                   _("The folder “%s” could not be created: %s. Choose a folder you can write to."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!(tmp = make_temp_file (dir, "korak-restore", error)))
    return FALSE;

  if (!copy_database (src, tmp, TRUE, &rc, error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (database_path, side_suffixes[i], NULL);

      if (g_remove (side) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (side);

          g_set_error (error, KORAK_STORE_ERROR, code_from_errno (saved_errno),
                       _("“%s” could not be removed: %s. Check that you can write to the folder of the database."),
                       display, g_strerror (saved_errno));
          goto failed;
        }
    }

  if (!rename_into_place (tmp, database_path, error))
    goto failed;
  remove_side_files (tmp);
  sync_folder (dir);

  return TRUE;

failed:
  remove_database_files (tmp);
  return FALSE;
}

gboolean
korak_backup_restore (const char  *backup_path,
                      const char  *database_path,
                      const char  *safety_folder,
                      char       **out_safety_copy,
                      GError     **error)
{
  g_autoptr(KorakBackupInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *default_folder = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *wal = NULL;
  KorakStoreError code = KORAK_STORE_ERROR_CORRUPT;
  sqlite3 *src = NULL;
  sqlite3 *current = NULL;
  gboolean has_current;
  gboolean replaced = FALSE;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_safety_copy != NULL)
    *out_safety_copy = NULL;

  display = g_filename_display_basename (backup_path);

  /* 1. The backup must be whole and ours, before anything changes. */
  if (!(info = inspect (backup_path, &code, error)))
    return FALSE;
  if (info->problem != NULL)
    {
      g_set_error (error, KORAK_STORE_ERROR, code,
                   _("The backup “%s” cannot be restored: %s "
                     "Choose another backup. Your current data was not changed."),
                   display, info->problem);
      return FALSE;
    }

  if (same_file (backup_path, database_path))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("“%s” is the database itself, not a backup of it. Choose a backup file."),
                   display);
      return FALSE;
    }

  wal = g_strconcat (database_path, "-wal", NULL);
  has_current = (g_stat (database_path, &st) == 0 && st.st_size > 0) || g_file_test (wal, G_FILE_TEST_EXISTS);

  if (has_current && access (database_path, W_OK) != 0)
    {
      korak_error_from_sqlite (NULL, SQLITE_READONLY, error);
      return FALSE;
    }

  rc = open_immutable (backup_path, &src);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CANNOT_OPEN,
                   _("The backup “%s” cannot be restored: %s "
                     "Choose another backup. Your current data was not changed."),
                   display, _("The file could not be read."));
      goto out;
    }

  /* 2. Keep what is there now. */
  if (has_current)
    {
      if (sqlite3_open_v2 (database_path, &current, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
        {
          sqlite3_extended_result_codes (current, TRUE);
          sqlite3_busy_timeout (current, BUSY_TIMEOUT_MS);
        }
      else
        g_clear_pointer (&current, sqlite3_close_v2);

      if (safety_folder == NULL)
        safety_folder = default_folder = g_path_get_dirname (database_path);

      if (!make_safety_copy (&current, database_path, safety_folder, &safety, error))
        goto out;
    }

  /* 3. Write the backup into the database through its own journal
   * (current is NULL when SQLite could not even read it). */
  if (current != NULL)
    {
      rc = run_backup (current, src);
      if (rc == SQLITE_OK)
        {
          /* Fold the restored pages into the file and drop the -wal. */
          sqlite3_exec (current, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
          rc = sqlite3_close (current);
          if (rc == SQLITE_OK)
            {
              current = NULL;
              replaced = TRUE;
            }
        }
      else if (is_busy (rc))
        {
          korak_error_from_sqlite (current, rc, error);
          goto out;
        }

      if (!replaced)
        {
          /* SQLite cannot write into this file (too damaged, or another
           * page size): replace it whole instead. */
          g_debug ("Restoring %s in place failed (%s); replacing the file", database_path, sqlite3_errstr (rc));
          g_clear_pointer (&current, sqlite3_close_v2);
        }
    }

  if (!replaced)
    {
      if (!replace_by_rename (src, database_path, error))
        goto out;
      replaced = TRUE;
    }

  /* 4. What is there now must pass, or the user must know where the old
   * data is. */
  if (!korak_database_quick_check (database_path, &local_error))
    {
      g_autofree char *safety_display = safety ? g_filename_display_name (safety) : NULL;

      if (safety_display != NULL)
        g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT,
                     _("The restored database did not pass its check. The data you had before is kept in “%s”. (%s)"),
                     safety_display, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      /* The safety copy stays: it is all that is left of the old data. */
      g_clear_pointer (&src, sqlite3_close_v2);
      if (out_safety_copy != NULL)
        *out_safety_copy = g_steal_pointer (&safety);
      return FALSE;
    }

  g_debug ("Restored %s from %s", database_path, backup_path);

  /* The restored desk would number its next changes as ones it may have
   * sent already: it takes a new identity. Should that fail, the exchange
   * still notices and says so, so the restore itself stands. */
  {
    g_autoptr(KorakStore) store = korak_store_open (database_path, &local_error);

    if (store == NULL || !korak_exchange_renew_after_restore (store, &local_error))
      g_warning ("The restored desk keeps its identity: %s", local_error->message);
    g_clear_error (&local_error);
  }

  if (out_safety_copy != NULL)
    *out_safety_copy = g_steal_pointer (&safety);

out:
  g_clear_pointer (&current, sqlite3_close_v2);
  g_clear_pointer (&src, sqlite3_close_v2);

  /* Nothing was replaced: the safety copy would only be a duplicate. */
  if (!replaced && safety != NULL)
    {
      remove_database_files (safety);
      g_clear_pointer (&safety, g_free);
    }

  return replaced;
}
