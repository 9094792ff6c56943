/* korak-export-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-export-dialog.h"
#include "korak-participant-record.h"
#include "korak-print.h"
#include "korak-ui-util.h"

struct _KorakExportDialog
{
  AdwWindow    parent_instance;

  KorakStore  *store;
  GArray      *cohort_ids;   /* gint64, index 0 is 0: every cohort */

  AdwComboRow *what_row;
  AdwComboRow *cohort_row;
  AdwComboRow *format_row;
};

G_DEFINE_FINAL_TYPE (KorakExportDialog, korak_export_dialog, ADW_TYPE_WINDOW)

static void
on_what_changed_cb (KorakExportDialog *self)
{
  gboolean per_cohort = adw_combo_row_get_selected (self->what_row) != KORAK_EXPORT_PARTICIPANTS;

  gtk_widget_set_sensitive (GTK_WIDGET (self->cohort_row), per_cohort);
}

static KorakExportKind
selected_kind (KorakExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->what_row);

  return selected <= KORAK_EXPORT_OUTCOMES ? (KorakExportKind) selected : KORAK_EXPORT_PARTICIPANTS;
}

static KorakExportFormat
selected_format (KorakExportDialog *self)
{
  return adw_combo_row_get_selected (self->format_row) == 1 ? KORAK_EXPORT_FORMAT_XLSX : KORAK_EXPORT_FORMAT_CSV;
}

static gint64
selected_cohort (KorakExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->cohort_row);

  if (selected_kind (self) == KORAK_EXPORT_PARTICIPANTS || selected >= self->cohort_ids->len)
    return 0;
  return g_array_index (self->cohort_ids, gint64, selected);
}

gboolean
korak_export_dialog_export_to (KorakExportDialog  *self,
                               const char         *path,
                               GError            **error)
{
  g_return_val_if_fail (KORAK_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return korak_export_write (self->store, selected_kind (self), selected_format (self),
                             selected_cohort (self), path, error);
}

void
korak_export_dialog_set_choice (KorakExportDialog *self,
                                KorakExportKind    kind,
                                KorakExportFormat  format)
{
  g_return_if_fail (KORAK_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->what_row, kind);
  adw_combo_row_set_selected (self->format_row, format == KORAK_EXPORT_FORMAT_XLSX ? 1 : 0);
}

static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the export: %s", error->message);
}

static void
on_open_clicked_cb (AdwToast *toast,
                    GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GdkAppLaunchContext) context = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (display != NULL)
    context = gdk_display_get_app_launch_context (display);
  g_app_info_launch_default_for_uri_async (uri, context ? G_APP_LAUNCH_CONTEXT (context) : NULL,
                                           NULL, launch_done_cb, NULL);
}

static void
unref_closure_data (gpointer  data,
                    GClosure *closure)
{
  g_object_unref (data);
}

static void
on_save_response_cb (GtkNativeDialog   *dialog,
                     int                response,
                     KorakExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (path != NULL)
    {
      if (korak_export_dialog_export_to (self, path, &error))
        {
          GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
          g_autofree char *base = g_filename_display_basename (path);
          /* Translators: a toast after an export; %s is the file name */
          g_autofree char *title = g_strdup_printf (_("Exported “%s”"), base);
          AdwToast *toast = adw_toast_new (title);

          adw_toast_set_button_label (toast, _("_Open"));
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb),
                                 g_file_new_for_path (path), unref_closure_data, 0);
          if (parent != NULL)
            korak_add_toast (GTK_WIDGET (parent), toast);
          else
            g_object_unref (g_object_ref_sink (toast));
          gtk_window_destroy (GTK_WINDOW (self));
        }
      else
        korak_show_error_dialog (GTK_WIDGET (self), _("Nothing Was Exported"), error->message);
    }

  g_object_unref (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KorakExportDialog *self = KORAK_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = korak_export_file_name (selected_kind (self), selected_format (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (selected_format (self) == KORAK_EXPORT_FORMAT_XLSX)
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      gtk_file_filter_add_pattern (filter, "*.xlsx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
fill_cohorts (KorakExportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 all = 0;

  g_array_set_size (self->cohort_ids, 0);
  g_array_append_val (self->cohort_ids, all);
  gtk_string_list_append (labels, _("All cohorts"));

  cohorts = korak_store_list_cohorts (self->store, &error);
  if (cohorts == NULL)
    g_warning ("Could not list the cohorts: %s", error->message);
  for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
    {
      const KorakCohortRecord *cohort = g_ptr_array_index (cohorts, i);

      g_array_append_val (self->cohort_ids, cohort->id);
      gtk_string_list_append (labels, cohort->name);
    }

  adw_combo_row_set_model (self->cohort_row, G_LIST_MODEL (labels));
}

static void
korak_export_dialog_dispose (GObject *object)
{
  KorakExportDialog *self = (KorakExportDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->cohort_ids, g_array_unref);

  G_OBJECT_CLASS (korak_export_dialog_parent_class)->dispose (object);
}

static void
korak_export_dialog_class_init (KorakExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_export_dialog_dispose;

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakExportDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, KorakExportDialog, cohort_row);
  gtk_widget_class_bind_template_child (widget_class, KorakExportDialog, format_row);
  gtk_widget_class_bind_template_callback (widget_class, on_what_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
korak_export_dialog_init (KorakExportDialog *self)
{
  g_autoptr(GtkStringList) what = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cohort_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* In the order of KorakExportKind. */
  gtk_string_list_append (what, _("Participant list"));
  gtk_string_list_append (what, _("Attendance"));
  gtk_string_list_append (what, _("Outcomes and follow-ups"));
  adw_combo_row_set_model (self->what_row, G_LIST_MODEL (what));

  /* In the order of KorakExportFormat. */
  gtk_string_list_append (formats, _("CSV for Excel"));
  gtk_string_list_append (formats, _("Excel workbook (.xlsx)"));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));

  on_what_changed_cb (self);
}

KorakExportDialog *
korak_export_dialog_new (GtkWindow  *parent,
                         KorakStore *store)
{
  KorakExportDialog *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  fill_cohorts (self);

  return self;
}
