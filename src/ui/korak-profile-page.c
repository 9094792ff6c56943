/* korak-profile-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-profile-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-profile-page.h"
#include "korak-ui-util.h"

struct _KorakProfilePage
{
  AdwBin                parent_instance;

  KorakParticipantList *participants;
  KorakParticipant     *participant;

  GtkWidget            *back_button;
  AdwWindowTitle       *window_title;
  GtkWidget            *save_button;
  GtkWidget            *archive_button;
  GtkWidget            *restore_button;
  GtkStack             *stack;
  KorakParticipantForm *form;
};

G_DEFINE_FINAL_TYPE (KorakProfilePage, korak_profile_page, ADW_TYPE_BIN)

enum {
  ARCHIVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_header (KorakProfilePage *self)
{
  gboolean has = self->participant != NULL;
  gboolean archived = has && korak_participant_get_archived (self->participant);

  adw_window_title_set_title (self->window_title,
                              has ? korak_participant_get_display_name (self->participant) : _("Profile"));
  adw_window_title_set_subtitle (self->window_title,
                                 has ? korak_participant_get_status_label (self->participant) : NULL);
  gtk_stack_set_visible_child_name (self->stack, has ? "profile" : "empty");

  gtk_widget_set_visible (self->save_button, has);
  gtk_widget_set_visible (self->archive_button, has && !archived);
  gtk_widget_set_visible (self->restore_button, has && archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.save",
                                 has && korak_participant_form_get_changed (self->form));
}

static void
on_form_changed_cb (KorakProfilePage *self)
{
  update_header (self);
}

/**
 * korak_profile_page_save:
 *
 * Returns: %TRUE when the shown profile is stored (or had no changes);
 *   %FALSE when a value is invalid or the database refused, with the
 *   reason shown above the form.
 */
gboolean
korak_profile_page_save (KorakProfilePage *self)
{
  g_autoptr(KorakParticipantRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), FALSE);

  if (self->participant == NULL || !korak_participant_form_get_changed (self->form))
    return TRUE;

  record = korak_participant_record_copy (korak_participant_get_record (self->participant));
  if (!korak_participant_form_read_record (self->form, record, &error))
    return FALSE;

  if (!korak_participant_list_save (self->participants, record, &error))
    {
      korak_participant_form_show_error (self->form, error->message);
      return FALSE;
    }

  korak_participant_form_set_record (self->form, korak_participant_get_record (self->participant));
  update_header (self);
  korak_show_toast (GTK_WIDGET (self), _("Saved"));

  return TRUE;
}

/**
 * korak_profile_page_show:
 *
 * Shows @participant, first saving the profile being left. Returns %FALSE
 * and stays when that profile cannot be saved, so no edit is lost.
 */
gboolean
korak_profile_page_show (KorakProfilePage *self,
                         KorakParticipant *participant)
{
  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), FALSE);

  if (self->participant == participant)
    return TRUE;

  if (!korak_profile_page_save (self))
    return FALSE;

  g_set_object (&self->participant, participant);
  if (participant != NULL)
    korak_participant_form_set_record (self->form, korak_participant_get_record (participant));
  update_header (self);

  return TRUE;
}

static void
set_archived (KorakProfilePage *self,
              gboolean          archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipant) participant = NULL;

  if (self->participant == NULL)
    return;

  /* Keep the person's unsaved edits: save first, archive after. */
  if (!korak_profile_page_save (self))
    return;

  participant = g_object_ref (self->participant);
  if (!korak_participant_list_set_archived (self->participants, korak_participant_get_id (participant),
                                            archived, &error))
    {
      korak_participant_form_show_error (self->form, error->message);
      return;
    }

  update_header (self);
  if (archived)
    g_signal_emit (self, signals[ARCHIVED], 0, participant);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  set_archived (KORAK_PROFILE_PAGE (widget), TRUE);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  set_archived (KORAK_PROFILE_PAGE (widget), FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  korak_profile_page_save (KORAK_PROFILE_PAGE (widget));
}

static void
korak_profile_page_dispose (GObject *object)
{
  KorakProfilePage *self = (KorakProfilePage *)object;

  g_clear_object (&self->participant);
  g_clear_object (&self->participants);

  G_OBJECT_CLASS (korak_profile_page_parent_class)->dispose (object);
}

static void
korak_profile_page_class_init (KorakProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_profile_page_dispose;

  /* Emitted with the archived participant so the page can offer Undo. */
  signals[ARCHIVED] =
    g_signal_new ("archived", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KORAK_TYPE_PARTICIPANT);

  g_type_ensure (KORAK_TYPE_PARTICIPANT_FORM);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, save_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, archive_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, form);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);

  gtk_widget_class_install_action (widget_class, "profile.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "profile.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "profile.restore", NULL, restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "profile.save", NULL);
}

static void
korak_profile_page_init (KorakProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_header (self);
}

void
korak_profile_page_set_participants (KorakProfilePage     *self,
                                     KorakParticipantList *participants,
                                     GListModel           *cohorts)
{
  g_return_if_fail (KORAK_IS_PROFILE_PAGE (self));

  g_set_object (&self->participants, participants);
  korak_participant_form_set_cohorts (self->form, cohorts);
}

KorakParticipant *
korak_profile_page_get_participant (KorakProfilePage *self)
{
  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), NULL);

  return self->participant;
}

KorakParticipantForm *
korak_profile_page_get_form (KorakProfilePage *self)
{
  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), NULL);

  return self->form;
}

void
korak_profile_page_set_show_back (KorakProfilePage *self,
                                  gboolean          show_back)
{
  g_return_if_fail (KORAK_IS_PROFILE_PAGE (self));

  gtk_widget_set_visible (self->back_button, show_back);
}
