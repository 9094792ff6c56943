/* korak-backup-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-backup-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-backup-ui.h"
#include "korak-date.h"

/* One backup at a time: the daily one, the one at quit and Back Up Now may
 * overlap, and each would otherwise read the whole database at once. */
static GMutex backup_lock;

char *
korak_backup_folder_for (GSettings  *settings,
                         const char *database_path)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  if (settings != NULL)
    folder = g_settings_get_string (settings, "backup-folder");
  if (folder != NULL && *folder != '\0')
    return g_steal_pointer (&folder);

  return korak_backup_default_folder (database_path);
}

char *
korak_backup_format_when (GDateTime *when)
{
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (when == NULL)
    return g_strdup ("");

  iso = g_date_time_format (when, "%Y-%m-%d");
  date = korak_date_format (iso);
  time = g_date_time_format (when, "%H:%M");

  /* Translators: a backup's date and time: the date as Korak shows dates,
   * then the time, for example “30. 11. 2026 10:00”. */
  return g_strdup_printf (C_("backup date and time", "%s %s"), date, time);
}

char *
korak_backup_format_counts (const KorakBackupInfo *info)
{
  g_autofree char *participants = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *attendance = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  if (info->n_participants < 0 || info->n_sessions < 0 || info->n_attendance < 0)
    return NULL;

  participants = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants",
                                               (gulong)info->n_participants),
                                  (guint)info->n_participants);
  sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", (gulong)info->n_sessions),
                              (guint)info->n_sessions);
  attendance = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attendance mark", "%u attendance marks",
                                             (gulong)info->n_attendance),
                                (guint)info->n_attendance);

  /* Translators: what a backup holds: “12 participants, 340 sessions,
   * 2,100 attendance marks”. */
  return g_strdup_printf (_("%s, %s, %s"), participants, sessions, attendance);
}

char *
korak_backup_describe (const KorakBackupInfo *info)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  when = korak_backup_format_when (info->created);
  if (info->safety_copy)
    /* Translators: %s is a date and time. */
    return g_strdup_printf (_("the safety copy of %s"), when);

  /* Translators: %s is a date and time. */
  return g_strdup_printf (_("the backup of %s"), when);
}

/* ------------------------------------------------------------- threads */

typedef struct
{
  char     *path;
  char     *other_path;
  char     *folder;
  gboolean  rotate;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->other_path);
  g_free (job->folder);
  g_free (job);
}

static GTask *
new_task (gpointer            source_tag,
          const char         *path,
          const char         *other_path,
          const char         *folder,
          gboolean            rotate,
          GCancellable       *cancellable,
          GAsyncReadyCallback callback,
          gpointer            user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (path);
  job->other_path = g_strdup (other_path);
  job->folder = g_strdup (folder);
  job->rotate = rotate;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  return task;
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&backup_lock);

  /* Opening would make an empty database where there is none. */
  if (!g_file_test (job->path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (job->path);

      g_task_return_new_error (task, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                               _("The database “%s” is not there any more, so it was not backed up."),
                               display);
      return;
    }

  if (!(store = korak_store_open (job->path, &error)) ||
      !korak_backup_create (store, job->folder, &path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&store);

  if (job->rotate && !korak_backup_rotate (job->folder, KORAK_BACKUP_KEEP_DAILY, KORAK_BACKUP_KEEP_WEEKLY, &error))
    g_message ("Old backups were not deleted: %s", error->message);

  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

void
korak_backup_create_async (const char          *database_path,
                           const char          *folder,
                           gboolean             rotate,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (folder != NULL);

  task = new_task (korak_backup_create_async, database_path, NULL, folder, rotate,
                   cancellable, callback, user_data);
  g_task_run_in_thread (task, create_thread);
}

char *
korak_backup_create_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  GPtrArray *list;

  if (!(list = korak_backup_list (job->folder, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify)g_ptr_array_unref);
}

void
korak_backup_list_async (const char          *folder,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (folder != NULL);

  task = new_task (korak_backup_list_async, NULL, NULL, folder, FALSE, cancellable, callback, user_data);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
korak_backup_list_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
inspect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  KorakBackupInfo *info;

  if (!(info = korak_backup_inspect (job->path, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify)korak_backup_info_free);
}

void
korak_backup_inspect_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = new_task (korak_backup_inspect_async, path, NULL, NULL, FALSE, cancellable, callback, user_data);
  g_task_run_in_thread (task, inspect_thread);
}

KorakBackupInfo *
korak_backup_inspect_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
newest_good_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  g_autofree char *path = korak_backup_newest_good (job->folder);
  KorakBackupInfo *info = path ? korak_backup_inspect (path, NULL) : NULL;

  g_task_return_pointer (task, info, (GDestroyNotify)korak_backup_info_free);
}

void
korak_backup_newest_good_async (const char          *folder,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (folder != NULL);

  task = new_task (korak_backup_newest_good_async, NULL, NULL, folder, FALSE, cancellable, callback, user_data);
  g_task_run_in_thread (task, newest_good_thread);
}

KorakBackupInfo *
korak_backup_newest_good_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&backup_lock);
  g_autofree char *safety = NULL;
  GError *error = NULL;

  if (!korak_backup_restore (job->path, job->other_path, job->folder, &safety, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&safety), g_free);
}

void
korak_backup_restore_async (const char          *backup_path,
                            const char          *database_path,
                            const char          *safety_folder,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (backup_path != NULL);
  g_return_if_fail (database_path != NULL);

  task = new_task (korak_backup_restore_async, backup_path, database_path, safety_folder, FALSE,
                   cancellable, callback, user_data);
  g_task_run_in_thread (task, restore_thread);
}

gboolean
korak_backup_restore_finish (GAsyncResult  *result,
                             char         **out_safety_copy,
                             GError       **error)
{
  GError *local_error = NULL;
  char *safety;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  safety = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (out_safety_copy != NULL)
    *out_safety_copy = safety;
  else
    g_free (safety);

  return TRUE;
}

static void
quick_check_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (!korak_database_quick_check (job->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
korak_database_quick_check_async (const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = new_task (korak_database_quick_check_async, path, NULL, NULL, FALSE, cancellable, callback, user_data);
  g_task_run_in_thread (task, quick_check_thread);
}

gboolean
korak_database_quick_check_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------- dialogs */

typedef struct
{
  char                  *path;
  char                  *description;
  KorakRestoreConfirmed  confirmed;
  gpointer               user_data;
  GDestroyNotify         user_data_free;
} Confirm;

static void
confirm_free (Confirm *confirm)
{
  if (confirm->user_data_free != NULL)
    confirm->user_data_free (confirm->user_data);
  g_free (confirm->path);
  g_free (confirm->description);
  g_free (confirm);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Confirm          *confirm)
{
  if (g_strcmp0 (response, "restore") != 0 || confirm->confirmed == NULL)
    return;

  /* Once only, even if the response came twice. */
  confirm->confirmed (confirm->path, confirm->description, confirm->user_data);
  confirm->confirmed = NULL;
}

AdwMessageDialog *
korak_backup_confirm_restore (GtkWindow             *parent,
                              const KorakBackupInfo *info,
                              KorakRestoreConfirmed  confirmed,
                              gpointer               user_data,
                              GDestroyNotify         user_data_free)
{
  g_autofree char *when = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *size = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  Confirm *confirm;
  GtkWidget *dialog;

  g_return_val_if_fail (info != NULL, NULL);

  when = korak_backup_format_when (info->created);
  counts = korak_backup_format_counts (info);
  size = g_format_size (info->size);
  name = g_filename_display_basename (info->path);

  if (info->safety_copy)
    /* Translators: %s is a date and time. */
    g_string_append_printf (body, _("Restore the safety copy of %s? Your current data is kept as a safety copy first."), when);
  else
    /* Translators: %s is a date and time. */
    g_string_append_printf (body, _("Restore the backup of %s? Your current data is kept as a safety copy first."), when);
  g_string_append (body, "\n\n");
  if (counts != NULL)
    {
      /* Translators: what a backup holds (“12 participants, 340 sessions,
       * 2,100 attendance marks”), then its file name and size. */
      g_string_append_printf (body, _("It holds %s.\n%s, %s"), counts, name, size);
    }
  else
    g_string_append_printf (body, "%s, %s", name, size);

  dialog = adw_message_dialog_new (parent, _("Restore This Backup?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* @user_data is usually the parent: the question goes with it. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  confirm = g_new0 (Confirm, 1);
  confirm->path = g_strdup (info->path);
  confirm->description = korak_backup_describe (info);
  confirm->confirmed = confirmed;
  confirm->user_data = user_data;
  confirm->user_data_free = user_data_free;
  g_object_set_data_full (G_OBJECT (dialog), "korak-confirm", confirm, (GDestroyNotify)confirm_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), confirm);

  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

typedef struct
{
  void           (*chosen) (const char *path, gpointer user_data);
  gpointer         user_data;
  GDestroyNotify   user_data_free;
} Choose;

static void
on_choose_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       Choose          *choose)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    choose->chosen (path, choose->user_data);

  if (choose->user_data_free != NULL)
    choose->user_data_free (choose->user_data);
  g_free (choose);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
korak_backup_choose_file (GtkWindow      *parent,
                          const char     *folder,
                          void          (*chosen) (const char *path,
                                                   gpointer    user_data),
                          gpointer        user_data,
                          GDestroyNotify  user_data_free)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  Choose *choose;

  g_return_if_fail (chosen != NULL);

  chooser = gtk_file_chooser_native_new (_("Choose a Backup"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Korak databases and backups"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }

  choose = g_new0 (Choose, 1);
  choose->chosen = chosen;
  choose->user_data = user_data;
  choose->user_data_free = user_data_free;
  g_signal_connect (chooser, "response", G_CALLBACK (on_choose_response_cb), choose);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
