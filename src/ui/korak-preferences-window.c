/* korak-preferences-window.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-backup-ui.h"
#include "korak-exchange.h"
#include "korak-note-util.h"
#include "korak-preferences-window.h"
#include "korak-scale-editor.h"
#include "korak-report-data.h"
#include "korak-schedule.h"
#include "korak-print.h"
#include "korak-ui-util.h"

/* A logo file larger than this is not even read: the store takes 2 MB. */
#define LOGO_READ_LIMIT (8 * 1024 * 1024)

struct _KorakPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkSpinButton        *threshold_button;

  /* Who uses Korak here, for the audit log */
  AdwPreferencesGroup  *staff_group;
  AdwComboRow          *staff_row;
  GArray               *staff_ids;     /* gint64, one per row of staff_row */
  gboolean              filling_staff;

  /* Backups */
  char                 *database_path;
  GCancellable         *cancellable;
  GCancellable         *list_cancellable;
  GPtrArray            *backups;       /* KorakBackupInfo*, as listed; NULL while listing */
  gboolean              backing_up;
  AdwToast             *backing_up_toast;
  AdwPreferencesPage   *backups_page;
  AdwActionRow         *folder_row;
  GtkSpinner           *back_up_spinner;
  GtkListBox           *backup_list;
  GtkLabel             *backup_placeholder;

  KorakAreaList        *areas;
  GtkListBox           *area_box;

  /* Desks */
  AdwEntryRow          *desk_name_row;
  AdwPreferencesGroup  *desks_group;
  GPtrArray            *desk_rows;     /* the rows of the other desks */

  /* Organisation */
  KorakStore              *store;
  KorakOrganisationRecord *organisation;  /* as stored */
  GBytes                  *logo;          /* as shown: stored with the next save */
  char                    *organisation_error;
  gboolean                 filling;
  gboolean                 close_refused;

  AdwPreferencesPage      *organisation_page;
  AdwEntryRow             *name_row;
  AdwEntryRow             *address_row;
  AdwEntryRow             *funder_row;
  AdwActionRow            *logo_row;
  GtkStack                *logo_stack;
  GtkPicture              *logo_picture;
  GtkWidget               *logo_remove_button;
  AdwComboRow             *paper_row;
};

G_DEFINE_FINAL_TYPE (KorakPreferencesWindow, korak_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  RESTORE_BACKUP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
korak_preferences_window_dispose (GObject *object)
{
  KorakPreferencesWindow *self = (KorakPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->backing_up_toast);
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->desk_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);

  if (self->area_box != NULL)
    gtk_list_box_bind_model (self->area_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->areas);
  g_clear_object (&self->store);
  g_clear_pointer (&self->organisation, korak_organisation_record_free);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_clear_pointer (&self->organisation_error, g_free);

  G_OBJECT_CLASS (korak_preferences_window_parent_class)->dispose (object);
}

/* ---------------------------------------------------------- organisation */

static const char * const papers[] = { "a4", "letter" };

static void
show_logo (KorakPreferencesWindow *self)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  g_autofree char *subtitle = NULL;

  if (self->logo != NULL)
    texture = gdk_texture_new_from_bytes (self->logo, &error);

  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->logo_stack, texture != NULL ? "logo" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.remove-logo", self->logo != NULL);

  if (self->logo == NULL)
    subtitle = g_strdup (_("None: documents show the name only"));
  else if (texture == NULL)
    subtitle = g_strdup (_("The stored logo cannot be shown; choose it again"));
  else
    {
      size = g_format_size (g_bytes_get_size (self->logo));
      /* Translators: %d × %d is the logo's size in pixels, %s its file size. */
      subtitle = g_strdup_printf (_("PNG, %d × %d pixels, %s"), gdk_texture_get_width (texture),
                                  gdk_texture_get_height (texture), size);
    }
  adw_action_row_set_subtitle (self->logo_row, subtitle);
}

static void
fill_organisation (KorakPreferencesWindow *self)
{
  const KorakOrganisationRecord *o = self->organisation;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), o->name ? o->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), o->address ? o->address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->funder_row), o->funder_line ? o->funder_line : "");
  g_clear_pointer (&self->logo, g_bytes_unref);
  self->logo = o->logo ? g_bytes_ref (o->logo) : NULL;
  adw_combo_row_set_selected (self->paper_row, g_strcmp0 (o->paper, "letter") == 0 ? 1 : 0);
  show_logo (self);
  self->filling = FALSE;
}

static char *
entry_value (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
organisation_failed (KorakPreferencesWindow *self,
                     const char             *message)
{
  g_free (self->organisation_error);
  self->organisation_error = g_strdup (message);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/**
 * korak_preferences_window_save_organisation:
 *
 * Stores what the Organisation page shows. On a refusal (no name, a logo
 * that is not a PNG) the reason is shown in a toast and everything typed
 * stays as it is.
 */
gboolean
korak_preferences_window_save_organisation (KorakPreferencesWindow *self)
{
  g_autoptr(KorakOrganisationRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  guint paper;

  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), FALSE);

  if (self->store == NULL || self->organisation == NULL)
    return FALSE;

  record = korak_organisation_record_copy (self->organisation);
  g_free (record->name);
  record->name = entry_value (self->name_row);
  g_free (record->address);
  record->address = entry_value (self->address_row);
  g_free (record->funder_line);
  record->funder_line = entry_value (self->funder_row);
  g_clear_pointer (&record->logo, g_bytes_unref);
  record->logo = self->logo ? g_bytes_ref (self->logo) : NULL;
  paper = adw_combo_row_get_selected (self->paper_row);
  g_free (record->paper);
  record->paper = g_strdup (papers[paper < G_N_ELEMENTS (papers) ? paper : 0]);

  if (!korak_store_save_organisation (self->store, record, &error))
    {
      organisation_failed (self, error->message);
      return FALSE;
    }

  korak_organisation_record_free (self->organisation);
  self->organisation = g_steal_pointer (&record);
  g_clear_pointer (&self->organisation_error, g_free);
  self->close_refused = FALSE;

  return TRUE;
}

static void
on_organisation_apply_cb (KorakPreferencesWindow *self)
{
  if (korak_preferences_window_save_organisation (self))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Saved")));
}

static void
on_paper_selected_cb (KorakPreferencesWindow *self)
{
  if (!self->filling)
    korak_preferences_window_save_organisation (self);
}

/* Sets the logo to @bytes (NULL: none) and stores it; on a refusal the logo
 * stored before stays, with the reason in a toast. */
static gboolean
change_logo (KorakPreferencesWindow *self,
             GBytes                 *bytes)
{
  g_autoptr(GBytes) previous = g_steal_pointer (&self->logo);

  self->logo = bytes ? g_bytes_ref (bytes) : NULL;
  if (!korak_preferences_window_save_organisation (self))
    {
      g_clear_pointer (&self->logo, g_bytes_unref);
      self->logo = g_steal_pointer (&previous);
      return FALSE;
    }

  show_logo (self);
  return TRUE;
}

/**
 * korak_preferences_window_set_logo_file:
 * @file: (nullable): a PNG file, or %NULL to remove the logo
 *
 * What Choose… and Remove do after the file chooser.
 */
gboolean
korak_preferences_window_set_logo_file (KorakPreferencesWindow *self,
                                        GFile                  *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (file == NULL)
    return change_logo (self, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_size (info) > LOGO_READ_LIMIT)
    {
      organisation_failed (self, _("That file is far too large for a logo. Choose a PNG image of at most 2 MB."));
      return FALSE;
    }
  if (info != NULL)
    bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why a file could not be read. */
      message = g_strdup_printf (_("The logo could not be read: %s"), error->message);
      organisation_failed (self, message);
      return FALSE;
    }

  return change_logo (self, bytes);
}

static void
logo_response_cb (GtkNativeDialog        *dialog,
                  int                     response,
                  KorakPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    korak_preferences_window_set_logo_file (self, file);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (logo_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
remove_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  korak_preferences_window_set_logo_file (KORAK_PREFERENCES_WINDOW (widget), NULL);
}

static gboolean
text_differs (AdwEntryRow *row,
              const char  *stored)
{
  g_autofree char *value = entry_value (row);

  return g_strcmp0 (value, stored) != 0;
}

static gboolean
organisation_changed (KorakPreferencesWindow *self)
{
  const KorakOrganisationRecord *o = self->organisation;

  return o != NULL &&
         (text_differs (self->name_row, o->name) ||
          text_differs (self->address_row, o->address) ||
          text_differs (self->funder_row, o->funder_line));
}

/* Text typed without Enter is stored on closing too. When it cannot be,
 * the window stays open once with the reason; closing again leaves it. */
static gboolean
korak_preferences_window_close_request (GtkWindow *window)
{
  KorakPreferencesWindow *self = KORAK_PREFERENCES_WINDOW (window);

  if (organisation_changed (self) && !self->close_refused &&
      !korak_preferences_window_save_organisation (self))
    {
      g_autofree char *message = NULL;

      self->close_refused = TRUE;
      /* Translators: %s is why the organisation could not be saved. */
      message = g_strdup_printf (_("Not saved: %s Close again to leave without saving."), self->organisation_error);
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), self->organisation_page);
      organisation_failed (self, message);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (korak_preferences_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------- staff */

/* The staff of this database, first “not chosen”; an archived member stays
 * listed while chosen. */
static void
fill_staff (KorakPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  gint64 current = self->settings ? g_settings_get_int64 (self->settings, "current-staff") : 0;
  guint selected = 0;

  if (self->store == NULL)
    return;

  g_clear_pointer (&self->staff_ids, g_array_unref);
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (names, _("Not chosen (use my computer account name)"));
  g_array_append_val (self->staff_ids, (gint64){ 0 });

  if (!(staff = korak_store_list_staff (self->store, NULL, TRUE, &error)))
    g_debug ("Staff not listed: %s", error->message);

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const KorakStaffRecord *record = g_ptr_array_index (staff, i);
      g_autofree char *name = NULL;

      if (record->archived_at != NULL && record->id != current)
        continue;

      name = korak_staff_record_display_name (record);
      if (record->id == current)
        selected = self->staff_ids->len;
      gtk_string_list_append (names, name);
      g_array_append_val (self->staff_ids, record->id);
    }

  self->filling_staff = TRUE;
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->staff_row, selected);
  self->filling_staff = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->staff_group), TRUE);
}

/* The setting changed elsewhere: the row follows, without rebuilding the
 * list it may be changing from. */
static void
on_current_staff_changed_cb (KorakPreferencesWindow *self)
{
  gint64 current = g_settings_get_int64 (self->settings, "current-staff");

  if (self->staff_ids == NULL)
    return;

  for (guint i = 0; i < self->staff_ids->len; i++)
    if (g_array_index (self->staff_ids, gint64, i) == current)
      {
        if (adw_combo_row_get_selected (self->staff_row) != i)
          {
            self->filling_staff = TRUE;
            adw_combo_row_set_selected (self->staff_row, i);
            self->filling_staff = FALSE;
          }
        return;
      }

  /* Someone not listed yet (archived, or just added). */
  fill_staff (self);
}

static void
on_staff_selected_cb (KorakPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->staff_row);

  if (self->filling_staff || self->settings == NULL || self->staff_ids == NULL ||
      selected >= self->staff_ids->len)
    return;

  g_settings_set_int64 (self->settings, "current-staff", g_array_index (self->staff_ids, gint64, selected));
}

AdwComboRow *
korak_preferences_window_get_staff_row (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->staff_row;
}

/* ----------------------------------------------------------- backups */

static char *
backups_folder (KorakPreferencesWindow *self)
{
  return korak_backup_folder_for (self->settings, self->database_path);
}

static AdwToast *
backups_toast (KorakPreferencesWindow *self,
               const char             *title,
               guint                   timeout)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, timeout);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  return toast;
}

static void
on_restore_confirmed_cb (const char *path,
                         const char *description,
                         gpointer    user_data)
{
  g_signal_emit (KORAK_PREFERENCES_WINDOW (user_data), signals[RESTORE_BACKUP], 0, path, description);
}

static void
on_restore_clicked_cb (GtkButton              *button,
                       KorakPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "backup-path");

  for (guint i = 0; self->backups != NULL && i < self->backups->len; i++)
    {
      const KorakBackupInfo *info = g_ptr_array_index (self->backups, i);

      if (g_strcmp0 (info->path, path) == 0)
        {
          korak_backup_confirm_restore (GTK_WINDOW (self), info, on_restore_confirmed_cb,
                                        self, NULL);
          return;
        }
    }
}

static GtkWidget *
create_backup_row (KorakPreferencesWindow *self,
                   const KorakBackupInfo  *info)
{
  g_autofree char *when = korak_backup_format_when (info->created);
  g_autofree char *counts = korak_backup_format_counts (info);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (info->safety_copy)
    /* Translators: %s is a date and time. */
    title = g_strdup_printf (_("Safety copy of %s, made before a restore"), when);
  else
    title = g_strdup (when);

  if (info->problem != NULL)
    /* Translators: a backup's size, then why it cannot be restored. */
    subtitle = g_strdup_printf (_("%s · %s"), size, info->problem);
  else if (counts != NULL)
    /* Translators: a backup's size, then what it holds. */
    subtitle = g_strdup_printf (_("%s · %s"), size, counts);
  else
    subtitle = g_strdup (size);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, "backup-row");

  button = gtk_button_new_with_mnemonic (_("_Restore…"));
  gtk_widget_set_name (button, "restore-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (info->safety_copy)
    /* Translators: %s is a date and time. */
    accessible = g_strdup_printf (_("Restore the safety copy of %s"), when);
  else
    /* Translators: %s is a date and time. */
    accessible = g_strdup_printf (_("Restore the backup of %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (info->path), g_free);
  if (info->problem != NULL)
    {
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, info->problem);
      gtk_widget_add_css_class (row, "dim-label");
    }
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
clear_backup_rows (KorakPreferencesWindow *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->backup_list, 0)) != NULL)
    gtk_list_box_remove (self->backup_list, GTK_WIDGET (row));
}

static void
on_backups_listed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  KorakPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = korak_backup_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clear_backup_rows (self);
  if (backups == NULL)
    {
      gtk_label_set_text (self->backup_placeholder, error->message);
      self->backups = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_backup_info_free);
      return;
    }

  gtk_label_set_text (self->backup_placeholder,
                      _("No backups yet. The first is made today, a moment after Korak starts."));
  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->backup_list, create_backup_row (self, g_ptr_array_index (backups, i)));
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  self->backups = g_steal_pointer (&backups);
}

/* Reads the folder again; every backup is checked, so on a worker thread. */
static void
reload_backups (KorakPreferencesWindow *self)
{
  g_autofree char *folder = backups_folder (self);

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();

  g_clear_pointer (&self->backups, g_ptr_array_unref);
  clear_backup_rows (self);
  gtk_label_set_text (self->backup_placeholder, _("Looking for backups…"));
  korak_backup_list_async (folder, self->list_cancellable, on_backups_listed_cb, self);
}

static void
show_folder (KorakPreferencesWindow *self)
{
  g_autofree char *folder = backups_folder (self);
  g_autofree char *display = g_filename_display_name (folder);
  g_autofree char *setting = self->settings ? g_settings_get_string (self->settings, "backup-folder") : NULL;

  adw_action_row_set_subtitle (self->folder_row, display);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.choose-folder", self->settings != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.default-folder",
                                 setting != NULL && *setting != '\0');
}

static void
show_backups (KorakPreferencesWindow *self)
{
  g_free (self->database_path);
  self->database_path = g_strdup (korak_store_get_path (self->store));
  gtk_widget_set_visible (GTK_WIDGET (self->backups_page), TRUE);
  show_folder (self);
  reload_backups (self);
}

static void
on_backup_folder_changed_cb (KorakPreferencesWindow *self)
{
  if (self->database_path == NULL)
    return;

  show_folder (self);
  reload_backups (self);
}

static void
on_backed_up_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KorakPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = korak_backup_create_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->backing_up = FALSE;
  if (self->backing_up_toast != NULL)
    {
      adw_toast_dismiss (self->backing_up_toast);
      g_clear_weak_pointer (&self->backing_up_toast);
    }
  gtk_spinner_stop (self->back_up_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->back_up_spinner), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up", TRUE);

  if (path == NULL)
    {
      korak_show_error_dialog (GTK_WIDGET (self), _("The Backup Was Not Made"), error->message);
      return;
    }
  else
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = NULL;

      /* Translators: %s is the backup's file name. */
      message = g_strdup_printf (_("Backed up to “%s”"), name);
      backups_toast (self, message, 4);
    }

  reload_backups (self);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KorakPreferencesWindow *self = KORAK_PREFERENCES_WINDOW (widget);
  g_autofree char *folder = NULL;

  if (self->backing_up || self->database_path == NULL)
    return;

  folder = backups_folder (self);
  self->backing_up = TRUE;
  gtk_widget_action_set_enabled (widget, "backups.back-up", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->back_up_spinner), TRUE);
  gtk_spinner_start (self->back_up_spinner);
  g_set_weak_pointer (&self->backing_up_toast, backups_toast (self, _("Backing up…"), 0));

  korak_backup_create_async (self->database_path, folder, FALSE, self->cancellable,
                             on_backed_up_cb, self);
}

/**
 * korak_preferences_window_set_backup_folder:
 * @folder: (nullable): a folder, or %NULL for the default beside the database
 *
 * What Choose… and Use Default do; FALSE without settings to keep it in.
 */
gboolean
korak_preferences_window_set_backup_folder (KorakPreferencesWindow *self,
                                            const char             *folder)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), FALSE);

  if (self->settings == NULL)
    return FALSE;

  g_settings_set_string (self->settings, "backup-folder", folder ? folder : "");
  return TRUE;
}

static void
folder_response_cb (GtkNativeDialog        *dialog,
                    int                     response,
                    KorakPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    korak_preferences_window_set_backup_folder (self, path);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KorakPreferencesWindow *self = KORAK_PREFERENCES_WINDOW (widget);
  g_autofree char *folder = backups_folder (self);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Choose a Folder for Backups"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), dir, NULL);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (folder_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
default_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  korak_preferences_window_set_backup_folder (KORAK_PREFERENCES_WINDOW (widget), NULL);
}

static void
on_file_inspected_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  KorakPreferencesWindow *self = user_data;
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

  korak_backup_confirm_restore (GTK_WINDOW (self), info, on_restore_confirmed_cb,
                                self, NULL);
}

/**
 * korak_preferences_window_restore_from_file:
 *
 * What Restore from File… does once a file is chosen: the file is checked
 * and described, then the restore is confirmed in a dialog.
 */
void
korak_preferences_window_restore_from_file (KorakPreferencesWindow *self,
                                            const char             *path)
{
  g_return_if_fail (KORAK_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (path != NULL);

  korak_backup_inspect_async (path, self->cancellable, on_file_inspected_cb, self);
}

static void
on_backup_file_chosen_cb (const char *path,
                          gpointer    user_data)
{
  korak_preferences_window_restore_from_file (KORAK_PREFERENCES_WINDOW (user_data), path);
}

static void
restore_file_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KorakPreferencesWindow *self = KORAK_PREFERENCES_WINDOW (widget);
  g_autofree char *folder = backups_folder (self);

  korak_backup_choose_file (GTK_WINDOW (self), folder, on_backup_file_chosen_cb,
                            g_object_ref (self), g_object_unref);
}

/* For tests: the backups listed (KorakBackupInfo*), NULL while listing. */
GPtrArray *
korak_preferences_window_get_backups (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->backups;
}

gboolean
korak_preferences_window_get_backing_up (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), FALSE);
  return self->backing_up;
}

GtkListBox *
korak_preferences_window_get_backup_list (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->backup_list;
}

static void
korak_preferences_window_class_init (KorakPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = korak_preferences_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = korak_preferences_window_close_request;

  /**
   * KorakPreferencesWindow::restore-backup:
   * @path: the backup the user chose to restore
   * @description: what it is, “the backup of 30. 11. 2026 10:00”
   *
   * The user confirmed the restore; the main window does it.
   */
  signals[RESTORE_BACKUP] =
    g_signal_new ("restore-backup", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, threshold_button);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, organisation_page);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, funder_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, logo_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, backups_page);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, back_up_spinner);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, backup_list);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, backup_placeholder);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_selected_cb);
  gtk_widget_class_install_action (widget_class, "organisation.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "organisation.remove-logo", NULL, remove_logo_action);
  gtk_widget_class_install_action (widget_class, "backups.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "backups.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "backups.default-folder", NULL, default_folder_action);
  gtk_widget_class_install_action (widget_class, "backups.restore-file", NULL, restore_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
korak_preferences_window_init (KorakPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
korak_preferences_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  KorakPreferencesWindow *self = g_object_new (KORAK_TYPE_PREFERENCES_WINDOW,
                                               "transient-for", parent,
                                               NULL);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "attendance-threshold",
                       gtk_spin_button_get_adjustment (self->threshold_button), "value",
                       G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (settings, "changed::backup-folder",
                               G_CALLBACK (on_backup_folder_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::current-staff",
                               G_CALLBACK (on_current_staff_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->threshold_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->staff_row), FALSE);
    }

  return GTK_WIDGET (self);
}

GtkSpinButton *
korak_preferences_window_get_threshold_button (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->threshold_button;
}

/* ------------------------------------------------------ competency areas */

static void
area_failed (KorakPreferencesWindow *self,
             const GError           *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static gint64
row_area_id (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "area-id");

  return id ? *id : 0;
}

static void
set_row_area_id (GtkWidget *widget,
                 gint64     id)
{
  g_object_set_data_full (G_OBJECT (widget), "area-id", g_memdup2 (&id, sizeof id), g_free);
}

static void
on_area_apply_cb (AdwEntryRow            *row,
                  KorakPreferencesWindow *self)
{
  g_autoptr(KorakAreaRecord) record = korak_area_record_new ();
  g_autoptr(GError) error = NULL;

  record->id = row_area_id (GTK_WIDGET (row));
  record->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!korak_area_list_save (self->areas, record, &error))
    area_failed (self, error);
}

static void
on_area_add_cb (AdwEntryRow            *row,
                KorakPreferencesWindow *self)
{
  g_autoptr(KorakAreaRecord) record = korak_area_record_new ();
  g_autoptr(GError) error = NULL;

  record->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!korak_area_list_save (self->areas, record, &error))
    {
      area_failed (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_area_move_cb (GtkButton              *button,
                 KorakPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  if (!korak_area_list_move (self->areas, row_area_id (GTK_WIDGET (button)), delta, &error))
    area_failed (self, error);
}

static void
on_area_retire_cb (GtkButton              *button,
                   KorakPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean retire = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "retire"));

  if (!korak_area_list_set_retired (self->areas, row_area_id (GTK_WIDGET (button)), retire, &error))
    area_failed (self, error);
}

static GtkWidget *
area_button (KorakPreferencesWindow *self,
             const char             *icon,
             const char             *tooltip,
             const char             *accessible,
             gint64                  id,
             GCallback               callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  set_row_area_id (button, id);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static void
on_area_scale_cb (GtkButton              *button,
                  KorakPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *label = g_object_get_data (G_OBJECT (button), "area-label");
  KorakScaleEditor *editor;

  editor = korak_scale_editor_new (GTK_WIDGET (self), self->store, row_area_id (GTK_WIDGET (button)), label, &error);
  if (editor == NULL)
    {
      area_failed (self, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (editor));
}

static GtkWidget *
create_area_row (gpointer item,
                 gpointer user_data)
{
  KorakPreferencesWindow *self = user_data;
  KorakAreaItem *area = item;
  gint64 id = korak_area_item_get_id (area);
  const char *label = korak_area_item_get_label (area);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button;
  g_autofree char *up = g_strdup_printf (_("Move %s up"), label);
  g_autofree char *down = g_strdup_printf (_("Move %s down"), label);
  g_autofree char *retire = g_strdup_printf (_("Retire %s"), label);
  g_autofree char *restore = g_strdup_printf (_("Use %s again"), label);

  set_row_area_id (row, id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 korak_area_item_get_retired (area) ? _("Retired: old scores are kept") : _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (row), label);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_area_apply_cb), self, 0);

  /* The words for each score: a retired area keeps them for its old scores. */
  {
    g_autofree char *scale = g_strdup_printf (_("Edit the words for the scores of %s"), label);

    button = gtk_button_new_with_mnemonic (_("_Scale…"));
    gtk_widget_set_name (button, "area-scale");
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (button, "flat");
    gtk_widget_set_tooltip_text (button, _("What each score from 1 to 10 means, in words"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, scale, -1);
    set_row_area_id (button, id);
    g_object_set_data_full (G_OBJECT (button), "area-label", g_strdup (label), g_free);
    g_signal_connect_object (button, "clicked", G_CALLBACK (on_area_scale_cb), self, 0);
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  }

  if (korak_area_item_get_retired (area))
    {
      gtk_widget_add_css_class (row, "dim-label");
      button = area_button (self, "edit-undo-symbolic", _("Use Again"), restore, id, G_CALLBACK (on_area_retire_cb));
      g_object_set_data (G_OBJECT (button), "retire", GINT_TO_POINTER (FALSE));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      return row;
    }

  button = area_button (self, "go-up-symbolic", _("Move Up"), up, id, G_CALLBACK (on_area_move_cb));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (-1));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  button = area_button (self, "go-down-symbolic", _("Move Down"), down, id, G_CALLBACK (on_area_move_cb));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (1));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  button = area_button (self, "user-trash-symbolic", _("Retire (Old Scores Are Kept)"), retire, id,
                        G_CALLBACK (on_area_retire_cb));
  g_object_set_data (G_OBJECT (button), "retire", GINT_TO_POINTER (TRUE));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  return row;
}

/* ---------------------------------------------------------------- desks */

static void
fill_desks (KorakPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) desks = korak_exchange_list_desks (self->store, &error);

  for (guint i = 0; self->desk_rows != NULL && i < self->desk_rows->len; i++)
    adw_preferences_group_remove (self->desks_group, g_ptr_array_index (self->desk_rows, i));
  g_clear_pointer (&self->desk_rows, g_ptr_array_unref);
  self->desk_rows = g_ptr_array_new ();

  if (desks == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }

  for (guint i = 0; i < desks->len; i++)
    {
      const KorakDeskRecord *desk = g_ptr_array_index (desks, i);
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *pending = NULL;
      GtkWidget *row;

      if (desk->is_local)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->desk_name_row), desk->name ? desk->name : "");
          continue;
        }

      when = desk->last_received_at ? korak_format_timestamp (desk->last_received_at) : NULL;
      pending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'lu change to send", "%'lu changes to send",
                                              (gulong)desk->pending),
                                 (gulong)desk->pending);
      if (when != NULL)
        /* Translators: a desk in the preferences: "Last received 2. 3. 2026 10:00 · 12 changes to send". */
        subtitle = g_strdup_printf (_("Last received %s · %s"), when, pending);
      else
        /* Translators: a desk in the preferences: "Nothing received yet · 12 changes to send". */
        subtitle = g_strdup_printf (_("Nothing received yet · %s"), pending);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), desk->name ? desk->name : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->desks_group, row);
      g_ptr_array_add (self->desk_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->desks_group), self->desk_rows->len > 0);
}

static void
on_desk_name_apply_cb (KorakPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!korak_exchange_set_desk_name (self->store, gtk_editable_get_text (GTK_EDITABLE (self->desk_name_row)), &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Desk name saved")));
}

static void
add_desks_page (KorakPreferencesWindow *self)
{
  GtkWidget *page, *group;

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Desks"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "network-workgroup-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "desks");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("This Desk"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Offline desks at other sites merge their work with Send Changes and Receive Changes in the main menu. Other desks see this name. Press Enter to save it."));
  self->desk_name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->desk_name_row), "desk-name");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->desk_name_row), _("Name of this desk"));
  adw_entry_row_set_show_apply_button (self->desk_name_row, TRUE);
  g_signal_connect_object (self->desk_name_row, "apply", G_CALLBACK (on_desk_name_apply_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->desk_name_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->desks_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->desks_group, _("Other Desks"));
  adw_preferences_group_set_description (self->desks_group,
                                         _("The desks this one has heard from: when their changes last arrived, and how many changes made or received here they have not confirmed yet."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->desks_group);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  fill_desks (self);
}

/* The Desks page's name row (shown once a store is set). */
AdwEntryRow *
korak_preferences_window_get_desk_name_row (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->desk_name_row;
}

void
korak_preferences_window_set_store (KorakPreferencesWindow *self,
                                    KorakStore             *store)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *group, *add_group, *add_row;

  g_return_if_fail (KORAK_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (KORAK_IS_STORE (store));
  g_return_if_fail (self->areas == NULL);

  g_set_object (&self->store, store);
  fill_staff (self);
  show_backups (self);
  self->organisation = korak_store_get_organisation (store, &error);
  if (self->organisation != NULL)
    {
      fill_organisation (self);
      gtk_widget_set_visible (GTK_WIDGET (self->organisation_page), TRUE);
    }
  else
    {
      organisation_failed (self, error->message);
      g_clear_error (&error);
    }

  self->areas = korak_area_list_new (store, TRUE);
  if (!korak_area_list_reload (self->areas, &error))
    {
      area_failed (self, error);
      return;
    }

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Assessments"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "document-edit-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "assessments");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Competency Areas"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The areas scored from 1 to 10 in every assessment, in this order. A retired area is left out of new assessments; its old scores stay."));
  self->area_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->area_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->area_box), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Competency areas"), -1);
  gtk_list_box_bind_model (self->area_box, G_LIST_MODEL (self->areas), create_area_row, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->area_box));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  add_group = adw_preferences_group_new ();
  add_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add a competency area"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add_row), TRUE);
  g_signal_connect_object (add_row, "apply", G_CALLBACK (on_area_add_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), add_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (add_group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  add_desks_page (self);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);
}

KorakAreaList *
korak_preferences_window_get_areas (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->areas;
}

/* For tests: the Organisation page's entries, "name", "address" or "funder". */
GtkEditable *
korak_preferences_window_get_organisation_entry (KorakPreferencesWindow *self,
                                                 const char             *name)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);

  if (g_strcmp0 (name, "name") == 0)
    return GTK_EDITABLE (self->name_row);
  if (g_strcmp0 (name, "address") == 0)
    return GTK_EDITABLE (self->address_row);
  if (g_strcmp0 (name, "funder") == 0)
    return GTK_EDITABLE (self->funder_row);
  return NULL;
}

AdwComboRow *
korak_preferences_window_get_paper_row (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->paper_row;
}

/* The last reason the organisation was not saved, or %NULL. */
const char *
korak_preferences_window_get_organisation_error (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->organisation_error;
}
