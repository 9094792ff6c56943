/* korak-backup-ui.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-backup.h"

G_BEGIN_DECLS

/*
 * What the window, the preferences and the application share about
 * backups: where they go, how one is described, and the slow work (copying,
 * checking, listing, restoring a database of hundreds of megabytes) run on
 * a worker thread through a connection of the thread's own, so the window
 * never stops answering.
 */

/* Automatic backups keep the newest of each of this many days and weeks. */
#define KORAK_BACKUP_KEEP_DAILY  7
#define KORAK_BACKUP_KEEP_WEEKLY 4

/* The "backup-folder" setting, or korak_backup_default_folder() of
 * @database_path when it is empty. @settings: (nullable) */
char             *korak_backup_folder_for         (GSettings        *settings,
                                                   const char       *database_path);

/* “30. 11. 2026 10:00”: the date as Korak shows dates, and the time. */
char             *korak_backup_format_when        (GDateTime        *when);
/* “12 participants, 340 sessions, 2,100 attendance marks”, or NULL when
 * they could not be counted. */
char             *korak_backup_format_counts      (const KorakBackupInfo *info);
/* The date, or “the file “name.db”” for a file with no date. */
char             *korak_backup_describe           (const KorakBackupInfo *info);

/* A backup of the database at @database_path into @folder; with @rotate,
 * old automatic backups are then deleted (KORAK_BACKUP_KEEP_*). Backups
 * run one at a time. The result is the new backup's path. */
void              korak_backup_create_async       (const char           *database_path,
                                                   const char           *folder,
                                                   gboolean              rotate,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
char             *korak_backup_create_finish      (GAsyncResult         *result,
                                                   GError              **error);

/* korak_backup_list() on a worker thread: KorakBackupInfo*, newest first. */
void              korak_backup_list_async         (const char           *folder,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GPtrArray        *korak_backup_list_finish        (GAsyncResult         *result,
                                                   GError              **error);

/* korak_backup_inspect() on a worker thread. */
void              korak_backup_inspect_async      (const char           *path,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
KorakBackupInfo  *korak_backup_inspect_finish     (GAsyncResult         *result,
                                                   GError              **error);

/* The newest good backup in @folder, described; NULL with no error when
 * there is none. */
void              korak_backup_newest_good_async  (const char           *folder,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
KorakBackupInfo  *korak_backup_newest_good_finish (GAsyncResult         *result,
                                                   GError              **error);

/* korak_backup_restore() on a worker thread. @out_safety_copy: (optional):
 * the safety copy's path, NULL when there was no database to keep. */
void              korak_backup_restore_async      (const char           *backup_path,
                                                   const char           *database_path,
                                                   const char           *safety_folder,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          korak_backup_restore_finish     (GAsyncResult         *result,
                                                   char                **out_safety_copy,
                                                   GError              **error);

/* korak_database_quick_check() on a worker thread. */
void              korak_database_quick_check_async  (const char         *path,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
gboolean          korak_database_quick_check_finish (GAsyncResult       *result,
                                                     GError            **error);

typedef void (*KorakRestoreConfirmed) (const char *backup_path,
                                       const char *description,
                                       gpointer    user_data);

/* Asks whether to restore @info, with its date and counts; @confirmed is
 * called when the answer is the "restore" response. The dialog is shown
 * and returned. */
AdwMessageDialog *korak_backup_confirm_restore    (GtkWindow             *parent,
                                                   const KorakBackupInfo *info,
                                                   KorakRestoreConfirmed  confirmed,
                                                   gpointer               user_data,
                                                   GDestroyNotify         user_data_free);

/* The file chooser of “Choose a Backup”, filtered to databases; @chosen
 * gets the path. */
void              korak_backup_choose_file        (GtkWindow            *parent,
                                                   const char           *folder,
                                                   void                (*chosen) (const char *path,
                                                                                  gpointer    user_data),
                                                   gpointer              user_data,
                                                   GDestroyNotify        user_data_free);

G_END_DECLS
