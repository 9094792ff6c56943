/* korak-recovery-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-recovery-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-backup-ui.h"
#include "korak-recovery-page.h"
#include "korak-print.h"
#include "korak-ui-util.h"

struct _KorakRecoveryPage
{
  AdwBin           parent_instance;

  char            *database_path;
  char            *backup_folder;
  KorakBackupInfo *backup;        /* the newest good one, once found */
  GCancellable    *cancellable;
  gboolean         searching;

  AdwStatusPage   *status_page;
  GtkStack        *backup_stack;
  GtkSpinner      *spinner;
  AdwActionRow    *backup_row;
  GtkLabel        *none_label;
  GtkWidget       *restore_button;
  GtkButton       *choose_button;
  GtkLabel        *detail_label;
};

G_DEFINE_FINAL_TYPE (KorakRecoveryPage, korak_recovery_page, ADW_TYPE_BIN)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWindow *
parent_window (KorakRecoveryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_backup (KorakRecoveryPage *self)
{
  gboolean found = self->backup != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.restore", found);
  gtk_widget_set_visible (self->restore_button, found);
  gtk_button_set_label (self->choose_button, found ? _("_Choose Another Backup…") : _("_Choose a Backup…"));

  if (found)
    {
      g_autofree char *when = korak_backup_format_when (self->backup->created);
      g_autofree char *counts = korak_backup_format_counts (self->backup);
      g_autofree char *title = NULL;

      /* Translators: %s is a date and time. */
      title = g_strdup_printf (_("Backup of %s"), when);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->backup_row), title);
      adw_action_row_set_subtitle (self->backup_row, counts ? counts : "");
      gtk_stack_set_visible_child_name (self->backup_stack, "found");
      gtk_widget_grab_focus (self->restore_button);
    }
  else
    {
      g_autofree char *folder = g_filename_display_name (self->backup_folder ? self->backup_folder : "");
      g_autofree char *text = NULL;

      /* Translators: %s is a folder. */
      text = g_strdup_printf (_("No good backup was found in “%s”. If you keep backups elsewhere, for example on a USB drive, choose one."),
                              folder);
      gtk_label_set_text (self->none_label, text);
      gtk_stack_set_visible_child_name (self->backup_stack, "none");
    }
}

static void
on_newest_good_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  KorakRecoveryPage *self = user_data;
  g_autoptr(GError) error = NULL;
  KorakBackupInfo *info = korak_backup_newest_good_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->backup, korak_backup_info_free);
  self->backup = info;
  self->searching = FALSE;
  gtk_spinner_stop (self->spinner);
  show_backup (self);
}

void
korak_recovery_page_show (KorakRecoveryPage *self,
                          const char        *database_path,
                          const char        *backup_folder,
                          const char        *message)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (KORAK_IS_RECOVERY_PAGE (self));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (backup_folder != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->database_path);
  self->database_path = g_strdup (database_path);
  g_free (self->backup_folder);
  self->backup_folder = g_strdup (backup_folder);
  g_clear_pointer (&self->backup, korak_backup_info_free);

  name = g_filename_display_basename (database_path);
  /* Translators: %s is the database's file name. */
  description = g_strdup_printf (_("Korak cannot use “%s”, and has not changed it. Restore a backup to carry on: "
                                   "the damaged file is kept as a safety copy first."), name);
  adw_status_page_set_description (self->status_page, description);
  gtk_label_set_text (self->detail_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), message != NULL);

  self->searching = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.restore", FALSE);
  gtk_widget_set_visible (self->restore_button, TRUE);
  gtk_stack_set_visible_child_name (self->backup_stack, "searching");
  gtk_spinner_start (self->spinner);

  korak_backup_newest_good_async (backup_folder, self->cancellable, on_newest_good_cb, self);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KorakRecoveryPage *self = KORAK_RECOVERY_PAGE (widget);
  g_autofree char *description = NULL;

  if (self->backup == NULL)
    return;

  description = korak_backup_describe (self->backup);
  g_signal_emit (self, signals[RESTORE], 0, self->backup->path, description);
}

static void
on_confirmed_cb (const char *path,
                 const char *description,
                 gpointer    user_data)
{
  g_signal_emit (KORAK_RECOVERY_PAGE (user_data), signals[RESTORE], 0, path, description);
}

static void
on_chosen_inspected_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  KorakRecoveryPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakBackupInfo) info = korak_backup_inspect_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (info == NULL)
    {
      korak_show_error_dialog (GTK_WIDGET (self), _("This File Cannot Be Restored"), error->message);
      return;
    }

  if (info->problem != NULL)
    {
      korak_show_error_dialog (GTK_WIDGET (self), _("This File Cannot Be Restored"), info->problem);
      return;
    }

  korak_backup_confirm_restore (parent_window (self), info, on_confirmed_cb, self, NULL);
}

static void
on_file_chosen_cb (const char *path,
                   gpointer    user_data)
{
  KorakRecoveryPage *self = KORAK_RECOVERY_PAGE (user_data);

  korak_backup_inspect_async (path, self->cancellable, on_chosen_inspected_cb, self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KorakRecoveryPage *self = KORAK_RECOVERY_PAGE (widget);

  korak_backup_choose_file (parent_window (self), self->backup_folder, on_file_chosen_cb,
                            g_object_ref (self), g_object_unref);
}

static void
korak_recovery_page_dispose (GObject *object)
{
  KorakRecoveryPage *self = (KorakRecoveryPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KORAK_TYPE_RECOVERY_PAGE);

  G_OBJECT_CLASS (korak_recovery_page_parent_class)->dispose (object);
}

static void
korak_recovery_page_finalize (GObject *object)
{
  KorakRecoveryPage *self = (KorakRecoveryPage *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->backup_folder, g_free);
  g_clear_pointer (&self->backup, korak_backup_info_free);

  G_OBJECT_CLASS (korak_recovery_page_parent_class)->finalize (object);
}

static void
korak_recovery_page_class_init (KorakRecoveryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_recovery_page_dispose;
  object_class->finalize = korak_recovery_page_finalize;

  /**
   * KorakRecoveryPage::restore:
   * @path: the backup to restore
   * @description: what it is, “the backup of 30. 11. 2026 10:00”
   */
  signals[RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-recovery-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakRecoveryPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, KorakRecoveryPage, backup_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakRecoveryPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KorakRecoveryPage, backup_row);
  gtk_widget_class_bind_template_child (widget_class, KorakRecoveryPage, none_label);
  gtk_widget_class_bind_template_child (widget_class, KorakRecoveryPage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, KorakRecoveryPage, choose_button);
  gtk_widget_class_bind_template_child (widget_class, KorakRecoveryPage, detail_label);

  gtk_widget_class_install_action (widget_class, "recovery.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "recovery.choose", NULL, choose_action);
}

static void
korak_recovery_page_init (KorakRecoveryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.restore", FALSE);
}

AdwStatusPage *
korak_recovery_page_get_status_page (KorakRecoveryPage *self)
{
  g_return_val_if_fail (KORAK_IS_RECOVERY_PAGE (self), NULL);
  return self->status_page;
}

const KorakBackupInfo *
korak_recovery_page_get_backup (KorakRecoveryPage *self)
{
  g_return_val_if_fail (KORAK_IS_RECOVERY_PAGE (self), NULL);
  return self->backup;
}

gboolean
korak_recovery_page_get_searching (KorakRecoveryPage *self)
{
  g_return_val_if_fail (KORAK_IS_RECOVERY_PAGE (self), FALSE);
  return self->searching;
}
