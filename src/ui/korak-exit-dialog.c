/* korak-exit-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-exit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-date.h"
#include "korak-exit-dialog.h"
#include "korak-ui-util.h"

struct _KorakExitDialog
{
  AdwWindow    parent_instance;

  KorakStore  *store;
  gint64       participant_id;
  char        *error;

  GtkLabel    *intro_label;
  AdwEntryRow *date_row;
  AdwComboRow *reason_row;
  GtkSwitch   *positive_switch;
  AdwEntryRow *outcome_row;
  GtkLabel    *error_label;
  GtkLabel    *follow_up_label;
};

G_DEFINE_FINAL_TYPE (KorakExitDialog, korak_exit_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (KorakExitDialog *self,
            const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
selected_reason (KorakExitDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->reason_row);
  const KorakChoice *reasons = korak_enrolment_exit_reasons ();

  for (guint i = 0; reasons[i].code != NULL; i++)
    if (i == selected)
      return reasons[i].code;
  return NULL;
}

static void
on_date_changed_cb (KorakExitDialog *self)
{
  g_autofree char *iso = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), NULL);

  if (iso != NULL && *iso != '\0')
    {
      g_autofree char *three = korak_date_add_months (iso, 3);
      g_autofree char *six = korak_date_add_months (iso, 6);
      g_autofree char *three_shown = korak_date_format (three);
      g_autofree char *six_shown = korak_date_format (six);
      g_autofree char *text = NULL;

      /* Translators: two dates, 3 and 6 months after the exit. */
      text = g_strdup_printf (_("Follow-ups will be scheduled for %s and %s."), three_shown, six_shown);
      gtk_label_set_text (self->follow_up_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      show_error (self, NULL);
    }
  else
    {
      gtk_label_set_text (self->follow_up_label,
                          _("Follow-ups are scheduled 3 and 6 months after the exit date."));
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
    }
}

static void
on_reason_selected_cb (KorakExitDialog *self)
{
  gtk_switch_set_active (self->positive_switch, korak_exit_reason_is_positive (selected_reason (self)));
}

gboolean
korak_exit_dialog_confirm (KorakExitDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  KorakExitRecord exit = { NULL, };
  gint64 enrolment_id = 0;

  g_return_val_if_fail (KORAK_IS_EXIT_DIALOG (self), FALSE);

  if (!(date = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &error)) || *date == '\0')
    {
      show_error (self, error ? error->message : _("Type the exit date, for example 2026-09-07."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }

  exit.date = date;
  exit.reason = (char *)selected_reason (self);
  exit.positive = gtk_switch_get_active (self->positive_switch);
  exit.outcome = (char *)gtk_editable_get_text (GTK_EDITABLE (self->outcome_row));

  if (!korak_store_end_enrolment (self->store, self->participant_id, &exit, &enrolment_id, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[DONE], 0, enrolment_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
korak_exit_dialog_get_error (KorakExitDialog *self)
{
  g_return_val_if_fail (KORAK_IS_EXIT_DIALOG (self), NULL);
  return self->error;
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  korak_exit_dialog_confirm (KORAK_EXIT_DIALOG (widget));
}

KorakExitDialog *
korak_exit_dialog_new (GtkWindow   *parent,
                       KorakStore  *store,
                       gint64       participant_id)
{
  KorakExitDialog *self;
  g_autoptr(KorakParticipantRecord) person = NULL;
  g_autofree char *today = korak_date_today ();

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_EXIT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->participant_id = participant_id;

  if ((person = korak_store_get_participant (store, participant_id, NULL)))
    {
      g_autofree char *intro =
        /* Translators: %s %s are the given and family name. */
        g_strdup_printf (_("%s %s leaves the programme. Early exits are fine at any time; "
                           "the enrolment is kept with its reason."),
                         korak_participant_record_get (person, KORAK_FIELD_GIVEN_NAME),
                         korak_participant_record_get (person, KORAK_FIELD_FAMILY_NAME));
      gtk_label_set_text (self->intro_label, intro);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  on_date_changed_cb (self);
  on_reason_selected_cb (self);
  return self;
}

KorakExitDialog *
korak_exit_dialog_open (GtkWindow   *parent,
                        KorakStore  *store,
                        gint64       participant_id)
{
  KorakExitDialog *self = korak_exit_dialog_new (parent, store, participant_id);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
korak_exit_dialog_dispose (GObject *object)
{
  KorakExitDialog *self = (KorakExitDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (korak_exit_dialog_parent_class)->dispose (object);
}

static void
korak_exit_dialog_class_init (KorakExitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_exit_dialog_dispose;

  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-exit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakExitDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KorakExitDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KorakExitDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, KorakExitDialog, positive_switch);
  gtk_widget_class_bind_template_child (widget_class, KorakExitDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, KorakExitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakExitDialog, follow_up_label);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_selected_cb);

  gtk_widget_class_install_action (widget_class, "exit.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "exit.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
korak_exit_dialog_init (KorakExitDialog *self)
{
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);
  const KorakChoice *choices = korak_enrolment_exit_reasons ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; choices[i].code != NULL; i++)
    gtk_string_list_append (reasons, _(choices[i].label));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));
}
