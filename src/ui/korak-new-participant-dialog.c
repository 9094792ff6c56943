/* korak-new-participant-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-new-participant-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-date.h"
#include "korak-new-participant-dialog.h"
#include "korak-ui-util.h"

struct _KorakNewParticipantDialog
{
  AdwWindow             parent_instance;

  KorakParticipantList *participants;
  KorakParticipantForm *form;
};

G_DEFINE_FINAL_TYPE (KorakNewParticipantDialog, korak_new_participant_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * korak_new_participant_dialog_add:
 *
 * Stores what the form holds. On success emits "added" and closes; on
 * failure the dialog stays open with the reason shown and nothing typed lost.
 */
gboolean
korak_new_participant_dialog_add (KorakNewParticipantDialog *self)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;
  KorakParticipant *participant;

  g_return_val_if_fail (KORAK_IS_NEW_PARTICIPANT_DIALOG (self), FALSE);

  if (!korak_participant_form_read_record (self->form, record, &error))
    return FALSE;

  participant = korak_participant_list_add (self->participants, record, &error);
  if (participant == NULL)
    {
      korak_participant_form_show_error (self->form, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[ADDED], 0, participant);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  korak_new_participant_dialog_add (KORAK_NEW_PARTICIPANT_DIALOG (widget));
}

static void
korak_new_participant_dialog_dispose (GObject *object)
{
  KorakNewParticipantDialog *self = (KorakNewParticipantDialog *)object;

  g_clear_object (&self->participants);

  G_OBJECT_CLASS (korak_new_participant_dialog_parent_class)->dispose (object);
}

static void
korak_new_participant_dialog_class_init (KorakNewParticipantDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_new_participant_dialog_dispose;

  signals[ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KORAK_TYPE_PARTICIPANT);

  g_type_ensure (KORAK_TYPE_PARTICIPANT_FORM);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/korak/Korak/ui/korak-new-participant-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakNewParticipantDialog, form);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.add", NULL);
}

static void
korak_new_participant_dialog_init (KorakNewParticipantDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KorakNewParticipantDialog *
korak_new_participant_dialog_new (GtkWindow            *parent,
                                  KorakParticipantList *participants,
                                  GListModel           *cohorts)
{
  KorakNewParticipantDialog *self;
  g_autoptr(KorakParticipantRecord) blank = korak_participant_record_new ();
  g_autofree char *today = korak_date_today ();

  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (participants), NULL);

  self = g_object_new (KORAK_TYPE_NEW_PARTICIPANT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->participants = g_object_ref (participants);
  korak_participant_form_set_cohorts (self->form, cohorts);

  /* Sensible defaults for an intake: referred today. */
  korak_participant_record_set (blank, KORAK_FIELD_STATUS, "referred");
  korak_participant_record_set (blank, KORAK_FIELD_REFERRAL_DATE, today);
  korak_participant_form_set_record (self->form, blank);

  return self;
}

KorakParticipantForm *
korak_new_participant_dialog_get_form (KorakNewParticipantDialog *self)
{
  g_return_val_if_fail (KORAK_IS_NEW_PARTICIPANT_DIALOG (self), NULL);

  return self->form;
}
