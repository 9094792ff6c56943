/* korak-exchange-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-exchange-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "korak-exchange-ui.h"
#include "korak-note-util.h"
#include "korak-print.h"
#include "korak-ui-util.h"

/* ----------------------------------------------------------- file names */

char *
korak_exchange_bundle_file_name (const char *desk_name,
                                 GDateTime  *when)
{
  g_autoptr(GDateTime) now = when ? g_date_time_ref (when) : g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the part of a change bundle's file name for every desk. */
  g_autofree char *desk = g_strdup (desk_name && *desk_name ? desk_name : C_("file name", "all-desks"));

  g_strdelimit (desk, "/\\:*?\"<>|\n\r\t", '-');
  g_strstrip (desk);
  g_strdelimit (desk, " ", '-');
  return g_strdup_printf ("korak-%s-%s" KORAK_EXCHANGE_BUNDLE_SUFFIX, desk, date);
}

static char *
format_changes (gint64 n)
{
  /* Translators: a number of changes, "1 234 changes"; %'lu groups thousands as your language does. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'lu change", "%'lu changes", (gulong)MAX (n, 0)),
                          (gulong)MAX (n, 0));
}

/* -------------------------------------------------------------- dialogs */

typedef struct
{
  KorakStore  *store;
  GtkWindow   *parent;          /* weak */
  AdwComboRow *desk_row;        /* Send only */
  GtkEditable *passphrase_row;
  GArray      *desk_ids;        /* gint64 per row of desk_row */
  GPtrArray   *desk_names;      /* char * per row of desk_row; NULL: every desk */
  char        *path;            /* Receive: the bundle */
} ExchangeDialog;

static void
exchange_dialog_free (ExchangeDialog *data)
{
  g_clear_object (&data->store);
  g_clear_weak_pointer (&data->parent);
  g_clear_pointer (&data->desk_ids, g_array_unref);
  g_clear_pointer (&data->desk_names, g_ptr_array_unref);
  g_free (data->path);
  g_free (data);
}

static ExchangeDialog *
exchange_dialog (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "korak-exchange-dialog");
}

GtkEditable *
korak_exchange_dialog_get_passphrase_row (AdwMessageDialog *dialog)
{
  ExchangeDialog *data;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);
  data = exchange_dialog (dialog);
  return data ? data->passphrase_row : NULL;
}

AdwComboRow *
korak_exchange_dialog_get_desk_row (AdwMessageDialog *dialog)
{
  ExchangeDialog *data;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);
  data = exchange_dialog (dialog);
  return data ? data->desk_row : NULL;
}

gint64
korak_exchange_dialog_get_desk (AdwMessageDialog  *dialog,
                                const char       **name)
{
  ExchangeDialog *data;
  guint selected;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), 0);

  if (name != NULL)
    *name = NULL;
  data = exchange_dialog (dialog);
  if (data == NULL || data->desk_row == NULL)
    return 0;

  selected = adw_combo_row_get_selected (data->desk_row);
  if (selected >= data->desk_ids->len)
    return 0;
  if (name != NULL)
    *name = g_ptr_array_index (data->desk_names, selected);
  return g_array_index (data->desk_ids, gint64, selected);
}

const char *
korak_exchange_dialog_get_path (AdwMessageDialog *dialog)
{
  ExchangeDialog *data;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);
  data = exchange_dialog (dialog);
  return data ? data->path : NULL;
}

static GtkWidget *
passphrase_row_new (void)
{
  GtkWidget *row = adw_password_entry_row_new ();

  gtk_widget_set_name (row, "passphrase");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Exchange _passphrase"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  return row;
}

/* The response is possible only with a passphrase typed. */
static void
on_passphrase_changed_cb (GtkEditable      *row,
                          AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (row);
  const char *response = g_object_get_data (G_OBJECT (dialog), "korak-response");

  adw_message_dialog_set_response_enabled (dialog, response, text != NULL && *text != '\0');
}

/* Enter in the passphrase answers the dialog. */
static void
on_passphrase_activate_cb (GtkEditable      *row,
                           AdwMessageDialog *dialog)
{
  const char *response = g_object_get_data (G_OBJECT (dialog), "korak-response");
  const char *text = gtk_editable_get_text (row);

  if (text != NULL && *text != '\0' && adw_message_dialog_get_response_enabled (dialog, response))
    {
      adw_message_dialog_response (dialog, response);
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

/* libadwaita 1.2's entry rows follow the window's focus: the focus leaves
 * them before the dialog goes, or the row is asked about it once gone. */
static gboolean
on_dialog_close_request_cb (GtkWindow *dialog)
{
  gtk_window_set_focus (dialog, NULL);
  return FALSE;
}

static GtkWidget *
form_list_new (ExchangeDialog *data,
               GtkWidget      *first_row)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (first_row != NULL)
    gtk_list_box_append (GTK_LIST_BOX (list), first_row);
  data->passphrase_row = GTK_EDITABLE (passphrase_row_new ());
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->passphrase_row));
  return list;
}

static void
wire_passphrase (AdwMessageDialog *dialog,
                 ExchangeDialog   *data,
                 const char       *response)
{
  g_object_set_data (G_OBJECT (dialog), "korak-response", (gpointer)response);
  g_signal_connect (dialog, "close-request", G_CALLBACK (on_dialog_close_request_cb), NULL);
  adw_message_dialog_set_response_enabled (dialog, response, FALSE);
  g_signal_connect_object (data->passphrase_row, "changed", G_CALLBACK (on_passphrase_changed_cb), dialog, 0);
  g_signal_connect_object (data->passphrase_row, "entry-activated", G_CALLBACK (on_passphrase_activate_cb), dialog, 0);
}

/* ----------------------------------------------------------------- send */

typedef struct
{
  KorakStore *store;
  GtkWidget  *parent;
  gint64      desk_id;
  char       *desk_name;
  char       *passphrase;
} SendRequest;

static void
send_request_free (SendRequest *request)
{
  g_clear_object (&request->store);
  g_clear_object (&request->parent);
  g_free (request->desk_name);
  if (request->passphrase != NULL)
    memset (request->passphrase, 0, strlen (request->passphrase));
  g_free (request->passphrase);
  g_free (request);
}

static void
on_save_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   SendRequest     *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (file != NULL && path == NULL)
        korak_show_error_dialog (request->parent, _("The Changes Were Not Saved"),
                                 _("That place is not a folder on this computer. Choose a folder on a disk or a USB stick."));
      else if (path != NULL)
        korak_exchange_send_to_path (request->parent, request->store, request->desk_id, request->desk_name,
                                     request->passphrase, path, NULL, NULL);
    }

  send_request_free (request);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_send_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ExchangeDialog   *data)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  SendRequest *request;
  const char *desk_name = NULL;
  const char *documents;

  if (g_strcmp0 (response, "save") != 0 || data->parent == NULL)
    return;

  request = g_new0 (SendRequest, 1);
  request->store = g_object_ref (data->store);
  request->parent = g_object_ref (GTK_WIDGET (data->parent));
  request->desk_id = korak_exchange_dialog_get_desk (dialog, &desk_name);
  request->desk_name = g_strdup (desk_name);
  request->passphrase = g_strdup (gtk_editable_get_text (data->passphrase_row));
  gtk_editable_set_text (data->passphrase_row, "");

  chooser = gtk_file_chooser_native_new (_("Save Changes"), data->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Korak change bundles"));
  gtk_file_filter_add_suffix (filter, KORAK_EXCHANGE_BUNDLE_SUFFIX + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  name = korak_exchange_bundle_file_name (request->desk_name, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chosen_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

AdwMessageDialog *
korak_exchange_send_dialog_new (GtkWindow   *parent,
                                KorakStore  *store,
                                GError     **error)
{
  g_autoptr(GPtrArray) desks = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *all_changes = NULL;
  g_autofree char *all_label = NULL;
  ExchangeDialog *data;
  GtkWidget *dialog, *desk_row;
  gint64 all;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(desks = korak_exchange_list_desks (store, error)) ||
      (all = korak_exchange_count_pending (store, 0, error)) < 0)
    return NULL;

  data = g_new0 (ExchangeDialog, 1);
  data->store = g_object_ref (store);
  g_set_weak_pointer (&data->parent, parent);
  data->desk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->desk_names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < desks->len; i++)
    {
      const KorakDeskRecord *desk = g_ptr_array_index (desks, i);
      g_autofree char *changes = NULL;
      g_autofree char *label = NULL;

      if (desk->is_local)
        continue;
      changes = format_changes (desk->pending);
      /* Translators: a desk to send changes to and how many are waiting for it: "Office — 1 234 changes". */
      label = g_strdup_printf (_("%s — %s"), desk->name ? desk->name : "", changes);
      gtk_string_list_append (labels, label);
      g_array_append_val (data->desk_ids, desk->id);
      g_ptr_array_add (data->desk_names, g_strdup (desk->name));
    }
  all_changes = format_changes (all);
  /* Translators: every desk, and how many changes a bundle for all of them carries. */
  all_label = g_strdup_printf (_("All desks — %s"), all_changes);
  gtk_string_list_append (labels, all_label);
  g_array_append_val (data->desk_ids, (gint64){ 0 });
  g_ptr_array_add (data->desk_names, NULL);

  dialog = adw_message_dialog_new (parent, _("Send Changes"),
                                   _("The changes made here, and those received from other desks, go into one "
                                     "file, locked with the organisation's exchange passphrase. Take it to the "
                                     "other desk and choose Receive Changes there."));
  gtk_widget_set_name (dialog, "send-changes");
  g_object_set_data_full (G_OBJECT (dialog), "korak-exchange-dialog", data, (GDestroyNotify)exchange_dialog_free);

  desk_row = adw_combo_row_new ();
  gtk_widget_set_name (desk_row, "desk");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (desk_row), _("_For"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (desk_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (desk_row), G_LIST_MODEL (labels));
  data->desk_row = ADW_COMBO_ROW (desk_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), form_list_new (data, desk_row));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  wire_passphrase (ADW_MESSAGE_DIALOG (dialog), data, "save");
  g_signal_connect (dialog, "response", G_CALLBACK (on_send_response_cb), data);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->passphrase_row));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* -------------------------------------------------------------- threads */

typedef struct
{
  char   *database_path;
  char   *passphrase;
  char   *path;
  char   *desk_name;
  gint64  desk_id;
} Job;

static void
job_free (Job *job)
{
  g_free (job->database_path);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  g_free (job->path);
  g_free (job->desk_name);
  g_free (job);
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  if (!(store = korak_store_open (job->database_path, &error)) ||
      (n = korak_exchange_count_pending (store, job->desk_id, &error)) < 0 ||
      !korak_exchange_write_bundle (store, job->desk_id, job->passphrase, job->path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, n);
}

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *outer = user_data;
  GtkWidget *parent = g_task_get_source_object (outer);
  Job *job = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);

  if (n < 0)
    {
      if (gtk_widget_get_root (parent) != NULL)
        korak_show_error_dialog (parent, korak_exchange_error_heading (error, TRUE), error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
    }
  else
    {
      g_autofree char *changes = format_changes (n);
      g_autofree char *title = NULL;
      AdwToast *toast;

      if (job->desk_name != NULL)
        /* Translators: a toast: "Saved changes for Office: 1 234 changes". */
        title = g_strdup_printf (_("Saved changes for %s: %s"), job->desk_name, changes);
      else
        /* Translators: a toast: "Saved changes for all desks: 1 234 changes". */
        title = g_strdup_printf (_("Saved changes for all desks: %s"), changes);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 8);
      korak_add_toast (parent, toast);
      g_task_return_int (outer, n);
    }

  g_object_unref (outer);
}

void
korak_exchange_send_to_path (GtkWidget           *parent,
                             KorakStore          *store,
                             gint64               to_desk_id,
                             const char          *to_desk_name,
                             const char          *passphrase,
                             const char          *path,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) outer = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (KORAK_IS_STORE (store));
  g_return_if_fail (path != NULL);

  job->database_path = g_strdup (korak_store_get_path (store));
  job->passphrase = g_strdup (passphrase ? passphrase : "");
  job->path = g_strdup (path);
  job->desk_name = g_strdup (to_desk_name);
  job->desk_id = to_desk_id;

  /* The outer task says when the toast or dialog is shown. */
  outer = g_task_new (parent, NULL, callback, user_data);
  g_task_set_source_tag (outer, korak_exchange_send_to_path);
  g_task_set_task_data (outer, job, (GDestroyNotify)job_free);

  task = g_task_new (NULL, NULL, on_sent_cb, g_object_ref (outer));
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, send_thread);
}

gint64
korak_exchange_send_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), -1);
  return g_task_propagate_int (G_TASK (result), error);
}

static void
receive_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KorakExchangeReport *report = NULL;

  if (!(store = korak_store_open (job->database_path, &error)) ||
      !korak_exchange_apply_bundle (store, job->passphrase, job->path, &report, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, report, (GDestroyNotify)korak_exchange_report_free);
}

void
korak_exchange_receive_async (const char          *database_path,
                              const char          *passphrase,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (path != NULL);

  job->database_path = g_strdup (database_path);
  job->passphrase = g_strdup (passphrase ? passphrase : "");
  job->path = g_strdup (path);
  g_task_set_source_tag (task, korak_exchange_receive_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, receive_thread);
}

KorakExchangeReport *
korak_exchange_receive_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -------------------------------------------------------------- receive */

static char *
desk_name_for (KorakStore *store,
               gint64      id)
{
  g_autoptr(GPtrArray) desks = korak_exchange_list_desks (store, NULL);

  for (guint i = 0; desks != NULL && i < desks->len; i++)
    {
      const KorakDeskRecord *desk = g_ptr_array_index (desks, i);

      if (desk->id == id && desk->name != NULL)
        return g_strdup (desk->name);
    }
  return NULL;
}

AdwMessageDialog *
korak_exchange_receive_dialog_new (GtkWindow   *parent,
                                   KorakStore  *store,
                                   const char  *path,
                                   GError     **error)
{
  g_autoptr(KorakExchangeReport) info = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *when = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  ExchangeDialog *data;
  GtkWidget *dialog;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!(info = korak_exchange_inspect_bundle (path, error)))
    return NULL;

  base = g_filename_display_basename (path);
  sender = info->source_desk_name ? g_strdup (info->source_desk_name) : desk_name_for (store, info->source_desk_id);
  when = korak_format_timestamp (info->created_at);

  if (sender != NULL)
    /* Translators: %s is a file name, then the desk that sent it, then a date and time. */
    g_string_append_printf (body, _("“%s” was sent by desk %s on %s."), base, sender, when);
  else
    /* Translators: %s is a file name, then a date and time. */
    g_string_append_printf (body, _("“%s” was sent by a desk this one has not heard from yet, on %s."), base, when);
  if (info->n_changes > 0)
    {
      g_autofree char *changes = format_changes (info->n_changes);

      /* Translators: %s is "1 234 changes". */
      g_string_append_printf (body, " %s", changes);
      g_string_append (body, ".");
    }
  g_string_append (body, " ");
  g_string_append (body, _("Changes already here are skipped; the same row changed on both desks waits under "
                           "Conflicts for you to choose."));

  data = g_new0 (ExchangeDialog, 1);
  data->store = g_object_ref (store);
  g_set_weak_pointer (&data->parent, parent);
  data->path = g_strdup (path);

  dialog = adw_message_dialog_new (parent, _("Receive Changes"), body->str);
  gtk_widget_set_name (dialog, "receive-changes");
  g_object_set_data_full (G_OBJECT (dialog), "korak-exchange-dialog", data, (GDestroyNotify)exchange_dialog_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), form_list_new (data, NULL));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  wire_passphrase (ADW_MESSAGE_DIALOG (dialog), data, "apply");

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->passphrase_row));
  return ADW_MESSAGE_DIALOG (dialog);
}

char *
korak_exchange_report_heading (const KorakExchangeReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (report->source_desk_name != NULL)
    /* Translators: the heading after a bundle was applied; %s is the desk that sent it. */
    return g_strdup_printf (_("Changes Received from %s"), report->source_desk_name);
  return g_strdup (_("Changes Received"));
}

char *
korak_exchange_describe_report (const KorakExchangeReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *applied = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->n_applied == 0 && report->n_conflicts == 0)
    {
      g_string_append (text, _("Everything in this file was here already, so nothing changed."));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  applied = format_changes (report->n_applied);
  /* Translators: %s is "1 234 changes". */
  g_string_append_printf (text, _("Applied %s."), applied);
  if (report->n_skipped > 0)
    {
      g_string_append (text, " ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u was here already.", "%'u were here already.",
                                                 report->n_skipped),
                              report->n_skipped);
    }
  g_string_append (text, "\n\n");
  if (report->n_conflicts > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u conflict was found: the same data was changed on both desks. "
                                         "Open Conflicts to choose which version to keep.",
                                         "%u conflicts were found: the same data was changed on both desks. "
                                         "Open Conflicts to choose which versions to keep.",
                                         report->n_conflicts),
                            report->n_conflicts);
  else
    g_string_append (text, _("No conflicts were found."));
  if (report->n_settled > 0)
    {
      g_string_append (text, " ");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u conflict here was settled by a choice made on another desk.",
                                           "%u conflicts here were settled by choices made on another desk.",
                                           report->n_settled),
                              report->n_settled);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
korak_exchange_error_heading (const GError *error,
                              gboolean      sending)
{
  if (error != NULL && error->domain == KORAK_STORE_ERROR)
    switch (error->code)
      {
      case KORAK_STORE_ERROR_WRONG_PASSPHRASE:
        return _("Wrong Passphrase");
      case KORAK_STORE_ERROR_CORRUPT:
        return _("The File Is Damaged");
      case KORAK_STORE_ERROR_FOREIGN:
        return _("From Another Organisation");
      case KORAK_STORE_ERROR_NEWER_SCHEMA:
        return _("Written by a Newer Korak");
      case KORAK_STORE_ERROR_MISSING_CHANGES:
        return _("Earlier Changes Are Missing");
      default:
        break;
      }

  return sending ? _("The Changes Were Not Saved") : _("The Changes Were Not Applied");
}
