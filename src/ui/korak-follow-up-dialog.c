/* korak-follow-up-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-follow-up-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-date.h"
#include "korak-follow-up-dialog.h"
#include "korak-ui-util.h"

struct _KorakFollowUpDialog
{
  AdwWindow    parent_instance;

  KorakStore  *store;
  gint64       follow_up_id;

  GtkLabel    *intro_label;
  AdwEntryRow *date_row;
  AdwComboRow *status_row;
  AdwEntryRow *situation_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (KorakFollowUpDialog, korak_follow_up_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
korak_follow_up_dialog_save (KorakFollowUpDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  const KorakChoice *statuses = korak_employment_statuses ();
  guint selected;

  g_return_val_if_fail (KORAK_IS_FOLLOW_UP_DIALOG (self), FALSE);

  selected = adw_combo_row_get_selected (self->status_row);
  if (!(date = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &error)) ||
      !korak_store_record_follow_up (self->store, self->follow_up_id, date, statuses[selected].code,
                                     gtk_editable_get_text (GTK_EDITABLE (self->situation_row)), &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  g_signal_emit (self, signals[DONE], 0, self->follow_up_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  korak_follow_up_dialog_save (KORAK_FOLLOW_UP_DIALOG (widget));
}

KorakFollowUpDialog *
korak_follow_up_dialog_new (GtkWindow   *parent,
                            KorakStore  *store,
                            gint64       follow_up_id,
                            GError     **error)
{
  g_autoptr(KorakFollowUpRecord) record = NULL;
  g_autofree char *today = korak_date_today ();
  g_autofree char *exit_shown = NULL;
  g_autofree char *intro = NULL;
  const KorakChoice *statuses = korak_employment_statuses ();
  KorakFollowUpDialog *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(record = korak_store_get_follow_up (store, follow_up_id, error)))
    return NULL;

  self = g_object_new (KORAK_TYPE_FOLLOW_UP_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->follow_up_id = follow_up_id;

  exit_shown = korak_date_format (record->exit_date);
  /* Translators: "Ana Horvat left on 31. 8. 2026 (Employment). This is the 3-month follow-up." */
  intro = g_strdup_printf (_("%s left on %s (%s). This is the %d-month follow-up."),
                           record->display_name, exit_shown,
                           korak_choice_label (korak_enrolment_exit_reasons (), record->exit_reason),
                           record->months);
  gtk_label_set_text (self->intro_label, intro);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), record->done_date ? record->done_date : today);
  gtk_editable_set_text (GTK_EDITABLE (self->situation_row), record->situation ? record->situation : "");
  for (guint i = 0; statuses[i].code != NULL; i++)
    if (g_strcmp0 (statuses[i].code, record->employment_status) == 0)
      adw_combo_row_set_selected (self->status_row, i);

  return self;
}

static void
korak_follow_up_dialog_dispose (GObject *object)
{
  KorakFollowUpDialog *self = (KorakFollowUpDialog *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (korak_follow_up_dialog_parent_class)->dispose (object);
}

static void
korak_follow_up_dialog_class_init (KorakFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_follow_up_dialog_dispose;

  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-follow-up-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakFollowUpDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KorakFollowUpDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KorakFollowUpDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, KorakFollowUpDialog, situation_row);
  gtk_widget_class_bind_template_child (widget_class, KorakFollowUpDialog, error_label);

  gtk_widget_class_install_action (widget_class, "follow-up.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "follow-up.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
korak_follow_up_dialog_init (KorakFollowUpDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  const KorakChoice *choices = korak_employment_statuses ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; choices[i].code != NULL; i++)
    gtk_string_list_append (statuses, _(choices[i].label));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}
