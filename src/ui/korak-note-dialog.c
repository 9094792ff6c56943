/* korak-note-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-note-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-date.h"
#include "korak-mediator-rows.h"
#include "korak-mediators.h"
#include "korak-note-dialog.h"
#include "korak-note-util.h"
#include "korak-ui-util.h"

struct _KorakNoteDialog
{
  AdwWindow        parent_instance;

  KorakStore      *store;
  KorakNoteRecord *note;

  GtkLabel        *error_label;
  AdwEntryRow     *date_row;
  AdwComboRow     *language_row;
  GtkSwitch       *sensitive_switch;
  GtkSwitch       *mediator_switch;
  AdwComboRow     *mediator_row;
  AdwComboRow     *conversation_row;
  GtkTextView     *text_view;
};

G_DEFINE_FINAL_TYPE (KorakNoteDialog, korak_note_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (KorakNoteDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/**
 * korak_note_dialog_save:
 *
 * Stores the note as typed. Returns %TRUE when it was stored (the dialog
 * then closes), %FALSE with the reason shown above the form.
 */
gboolean
korak_note_dialog_save (KorakNoteDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakNoteRecord) record = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  const char *language;

  g_return_val_if_fail (KORAK_IS_NOTE_DIALOG (self), FALSE);

  if (!(date = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &error)))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }

  text = korak_text_view_get_text (self->text_view);
  g_strstrip (text);
  if (*text == '\0')
    {
      show_error (self, _("Write the text of the note."));
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return FALSE;
    }

  if ((language = korak_language_combo_get (self->language_row)) == NULL)
    {
      show_error (self, _("Choose the language the note is written in."));
      gtk_widget_grab_focus (GTK_WIDGET (self->language_row));
      return FALSE;
    }

  record = korak_note_record_copy (self->note);
  g_free (record->date);
  record->date = g_steal_pointer (&date);
  g_free (record->language);
  record->language = g_strdup (language);
  g_free (record->text);
  record->text = g_steal_pointer (&text);
  record->sensitive = gtk_switch_get_active (self->sensitive_switch);
  record->mediator_present = gtk_switch_get_active (self->mediator_switch);
  record->mediator_id = record->mediator_present ? korak_mediator_combo_get (self->mediator_row) : 0;
  g_free (record->conversation_language);
  record->conversation_language = g_strdup (korak_conversation_combo_get (self->conversation_row));

  if (!korak_store_save_note (self->store, record, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, record->id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  korak_note_dialog_save (KORAK_NOTE_DIALOG (widget));
}

static void
on_language_changed_cb (KorakNoteDialog *self)
{
  korak_text_view_set_language (self->text_view, korak_language_combo_get (self->language_row));
}

static void
on_text_changed_cb (KorakNoteDialog *self)
{
  on_language_changed_cb (self);
}

static void
korak_note_dialog_dispose (GObject *object)
{
  KorakNoteDialog *self = (KorakNoteDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->note, korak_note_record_free);

  G_OBJECT_CLASS (korak_note_dialog_parent_class)->dispose (object);
}

static void
korak_note_dialog_class_init (KorakNoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_note_dialog_dispose;

  /* The note was stored: its id. */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-note-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakNoteDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakNoteDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KorakNoteDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, KorakNoteDialog, sensitive_switch);
  gtk_widget_class_bind_template_child (widget_class, KorakNoteDialog, mediator_switch);
  gtk_widget_class_bind_template_child (widget_class, KorakNoteDialog, mediator_row);
  gtk_widget_class_bind_template_child (widget_class, KorakNoteDialog, conversation_row);
  gtk_widget_class_bind_template_child (widget_class, KorakNoteDialog, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed_cb);

  gtk_widget_class_install_action (widget_class, "note.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
korak_note_dialog_init (KorakNoteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* From inside the text too, where Return starts a new line. */
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_Return, GDK_CONTROL_MASK, "note.save");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "note.save");
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
}

KorakNoteDialog *
korak_note_dialog_new (GtkWidget              *parent,
                       KorakStore             *store,
                       gint64                  participant_id,
                       gint64                  cohort_id,
                       const KorakNoteRecord  *note,
                       GError                **error)
{
  g_auto(GStrv) languages = NULL;
  g_autofree char *date = NULL;
  KorakNoteDialog *self;
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (note != NULL)
    participant_id = note->participant_id;
  if (!(languages = korak_store_note_languages (store, participant_id, error)))
    return NULL;

  self = g_object_new (KORAK_TYPE_NOTE_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->store = g_object_ref (store);

  if (note != NULL)
    {
      self->note = korak_note_record_copy (note);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Note"));
    }
  else
    {
      self->note = korak_note_record_new ();
      self->note->participant_id = participant_id;
      self->note->cohort_id = participant_id != 0 ? 0 : cohort_id;
      self->note->author_id = korak_store_get_actor_id (store);
      self->note->date = korak_date_today ();
      /* Notes are mostly written in Slovenian; the participant's own
       * languages come first in the list. */
      self->note->language = g_strdup (g_strv_contains ((const char * const *)languages, "sl") ? "sl" : languages[0]);
    }

  date = korak_date_format (self->note->date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  korak_language_combo_fill (self->language_row, (const char * const *)languages, NULL, self->note->language);
  /* A note in a language no longer offered keeps it. */
  if (self->note->language != NULL && !korak_language_combo_select (self->language_row, self->note->language))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) with_own = NULL;

      g_strv_builder_add (builder, self->note->language);
      g_strv_builder_addv (builder, (const char **)languages);
      with_own = g_strv_builder_end (builder);
      korak_language_combo_fill (self->language_row, (const char * const *)with_own, NULL, self->note->language);
    }
  gtk_switch_set_active (self->sensitive_switch, self->note->sensitive);
  {
    gint64 default_id = 0;

    if (!korak_mediator_combo_fill (self->mediator_row, store, self->note->mediator_id, error) ||
        !korak_store_default_mediator (store, self->note->participant_id, self->note->cohort_id, &default_id, error))
      {
        gtk_window_destroy (GTK_WINDOW (self));
        return NULL;
      }
    /* The conversation: the participant's languages first, as for the note. */
    korak_conversation_combo_fill (self->conversation_row, (const char * const *)languages,
                                   self->note->conversation_language);
    korak_mediator_rows_bind (self->mediator_switch, self->mediator_row, default_id);
    korak_mediator_rows_set (self->mediator_switch, self->note->mediator_present, self->note->mediator_id);
  }
  korak_text_view_set_text (self->text_view, self->note->text);
  on_language_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  return self;
}

const char *
korak_note_dialog_get_error (KorakNoteDialog *self)
{
  g_return_val_if_fail (KORAK_IS_NOTE_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

GtkTextView *
korak_note_dialog_get_text_view (KorakNoteDialog *self)
{
  g_return_val_if_fail (KORAK_IS_NOTE_DIALOG (self), NULL);
  return self->text_view;
}

AdwEntryRow *
korak_note_dialog_get_date_row (KorakNoteDialog *self)
{
  g_return_val_if_fail (KORAK_IS_NOTE_DIALOG (self), NULL);
  return self->date_row;
}

AdwComboRow *
korak_note_dialog_get_language_row (KorakNoteDialog *self)
{
  g_return_val_if_fail (KORAK_IS_NOTE_DIALOG (self), NULL);
  return self->language_row;
}

GtkSwitch *
korak_note_dialog_get_sensitive_switch (KorakNoteDialog *self)
{
  g_return_val_if_fail (KORAK_IS_NOTE_DIALOG (self), NULL);
  return self->sensitive_switch;
}

void
korak_note_dialog_get_mediator_rows (KorakNoteDialog  *self,
                                     GtkSwitch       **present,
                                     AdwComboRow     **mediator,
                                     AdwComboRow     **language)
{
  g_return_if_fail (KORAK_IS_NOTE_DIALOG (self));

  if (present != NULL)
    *present = self->mediator_switch;
  if (mediator != NULL)
    *mediator = self->mediator_row;
  if (language != NULL)
    *language = self->conversation_row;
}

gboolean
korak_note_dialog_set_language (KorakNoteDialog *self,
                                const char      *tag)
{
  g_return_val_if_fail (KORAK_IS_NOTE_DIALOG (self), FALSE);
  return korak_language_combo_select (self->language_row, tag);
}
