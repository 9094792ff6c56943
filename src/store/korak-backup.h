/* korak-backup.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "korak-store.h"

G_BEGIN_DECLS

/*
 * Backups of the database: whole, consistent copies made with SQLite's
 * online backup API while Korak runs, one file each, named
 * korak-YYYY-MM-DD-HHMMSS.db (local time) in a backup folder. A copy is
 * written under a hidden temporary name, checked, and only then renamed to
 * its real name, so a backup that is listed is always complete. Backups are
 * plain rollback-journal databases (no -wal or -shm files beside them) and
 * readable only by their owner (0600, in a 0700 folder).
 *
 * Before a restore replaces the database, the database is copied to
 * korak-before-restore-YYYY-MM-DD-HHMMSS.db: that “safety copy” is listed
 * with the backups but never rotated away.
 *
 * Every failure is a KORAK_STORE_ERROR with a translated message that says
 * what to do.
 */

typedef struct
{
  char      *path;
  GDateTime *created;         /* local time, from the file name */
  goffset    size;            /* bytes */
  gboolean   safety_copy;     /* made before a restore */
  gboolean   ok;              /* a Korak database that passes PRAGMA quick_check */
  int        schema_version;  /* PRAGMA user_version; 0 when unreadable */
  gint64     n_participants;  /* -1 when it could not be counted */
  gint64     n_sessions;
  gint64     n_attendance;
  char      *problem;         /* why it cannot be restored, translated;
                               * NULL when it can (ok and not newer) */
} KorakBackupInfo;

void             korak_backup_info_free      (KorakBackupInfo *info);

/* <folder of @database_path>/backups */
char            *korak_backup_default_folder (const char  *database_path);

/* The file name a backup made at @when gets: korak-YYYY-MM-DD-HHMMSS.db in
 * local time. */
char            *korak_backup_file_name      (GDateTime   *when);

/* Copies the open database to a new backup in @folder (created 0700 when
 * missing) and checks the copy. Refused while @store is inside a
 * transaction. @out_path: (optional): the new backup. */
gboolean         korak_backup_create         (KorakStore  *store,
                                              const char  *folder,
                                              char       **out_path,
                                              GError     **error);

/* Deletes old backups in @folder, by their names alone: keeps the newest
 * backup of each of the @keep_daily newest days that have backups, then,
 * among older backups, the newest of each of the @keep_weekly newest ISO
 * weeks that have backups. The newest backup is always kept. Safety copies
 * and files whose names are not korak-YYYY-MM-DD-HHMMSS.db are never
 * touched. */
gboolean         korak_backup_rotate         (const char  *folder,
                                              guint        keep_daily,
                                              guint        keep_weekly,
                                              GError     **error);

/* TRUE unless @folder holds a backup (not a safety copy) made on the local
 * date of @now (NULL: now). */
gboolean         korak_backup_is_due         (const char  *folder,
                                              GDateTime   *now);

/* Opens @path read-only, without changing it or leaving files beside it,
 * and describes it; NULL with an error only when @path cannot be found or
 * read as a file. A damaged or foreign file gives an info with ok FALSE. */
KorakBackupInfo *korak_backup_inspect        (const char  *path,
                                              GError     **error);

/* KorakBackupInfo* of the backups and safety copies in @folder, newest
 * first; empty when the folder does not exist. */
GPtrArray       *korak_backup_list           (const char  *folder,
                                              GError     **error);

/* The newest backup (not safety copy) that is ok and not newer than this
 * build's schema, or NULL. */
char            *korak_backup_newest_good    (const char  *folder);

/*
 * Replaces the database at @database_path with the backup at @backup_path.
 * The caller closes every KorakStore on the database first.
 *
 * The backup is checked first (quick_check, a Korak schema not newer than
 * this build's); a damaged or foreign one is refused and nothing changes.
 * Then the current database, with whatever its -wal file holds, is copied
 * to a safety copy in @safety_folder (NULL: beside the database); then the
 * backup is copied into the database with SQLite's backup API, which goes
 * through the database's own journal, so a crash midway leaves the old or
 * the new content, never a mix. When the current file is too damaged for
 * SQLite to write into, the backup is copied to a temporary file that
 * replaces it (stale -wal and -shm files are removed first, so they cannot
 * be replayed onto the restored content).
 *
 * @out_safety_copy: (optional): the safety copy, NULL when there was no
 * database to keep.
 */
gboolean         korak_backup_restore        (const char  *backup_path,
                                              const char  *database_path,
                                              const char  *safety_folder,
                                              char       **out_safety_copy,
                                              GError     **error);

/* PRAGMA quick_check of a database file, for the start of the application:
 * FALSE with KORAK_STORE_ERROR_CORRUPT (or NOT_DATABASE, CANNOT_OPEN) means
 * offer the recovery page. A file that does not exist yet passes. The check
 * keeps the data as it is (it may fold a -wal file into the database, as
 * opening the store would). */
gboolean         korak_database_quick_check  (const char  *path,
                                              GError     **error);

/* The same check on an open store. */
gboolean         korak_store_quick_check     (KorakStore  *store,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakBackupInfo, korak_backup_info_free)

G_END_DECLS
