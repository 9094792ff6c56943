/* korak-erase-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-erase-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-audit.h"
#include "korak-erase-dialog.h"
#include "korak-print.h"

struct _KorakEraseDialog
{
  AdwMessageDialog  parent_instance;

  KorakStore       *store;
  gint64            participant_id;
  char             *name;
  GtkWidget        *entry;
};

G_DEFINE_FINAL_TYPE (KorakEraseDialog, korak_erase_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  ERASED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Case, accents written as one character or two, and runs of spaces do not
 * matter when the name is typed. */
static char *
comparable (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normal ? normal : "", -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);

  return g_strjoinv (" ", joined);
}

static void
on_entry_changed_cb (KorakEraseDialog *self)
{
  g_autofree char *typed = comparable (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  g_autofree char *wanted = comparable (self->name);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "erase",
                                           *wanted != '\0' && g_str_equal (typed, wanted));
}

static void
korak_erase_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  KorakEraseDialog *self = KORAK_ERASE_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "erase") == 0)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      if (!korak_store_erase_person (self->store, self->participant_id, &error))
        korak_show_error_dialog (parent ? GTK_WIDGET (parent) : NULL,
                                 _("The Data Could Not Be Erased"), error->message);
      else
        g_signal_emit (self, signals[ERASED], 0, self->participant_id);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (korak_erase_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (korak_erase_dialog_parent_class)->response (dialog, response);
}

static void
korak_erase_dialog_dispose (GObject *object)
{
  KorakEraseDialog *self = (KorakEraseDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (korak_erase_dialog_parent_class)->dispose (object);
}

static void
korak_erase_dialog_class_init (KorakEraseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = korak_erase_dialog_dispose;
  dialog_class->response = korak_erase_dialog_response;

  signals[ERASED] =
    g_signal_new ("erased", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
korak_erase_dialog_init (KorakEraseDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_set_heading (dialog, _("Erase Personal Data?"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "erase", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  self->entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("The person’s name"),
                                  -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  adw_message_dialog_set_extra_child (dialog, self->entry);
}

/**
 * korak_erase_dialog_new:
 * @name: the person's name as shown ("Given Family"), to be typed
 *
 * Returns: (transfer none): the dialog, presented
 */
KorakEraseDialog *
korak_erase_dialog_new (GtkWindow   *parent,
                        KorakStore  *store,
                        gint64       participant_id,
                        const char  *name)
{
  KorakEraseDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (KORAK_TYPE_ERASE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->participant_id = participant_id;
  self->name = g_strdup (name);

  /* Translators: %s is a person's name, twice. */
  body = g_strdup_printf (_("Everything Korak holds about %s will be deleted for good: the profile, "
                            "enrolments, attendance, plan, assessments, journal, notes and their "
                            "translations, certificates and the history of changes. Only anonymous "
                            "counts stay in the cohort’s figures, and a note that a person was erased. "
                            "Backups made before now still hold the data.\n\n"
                            "To confirm, type “%s” below."), name, name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), name);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (self->entry);

  return self;
}

GtkEditable *
korak_erase_dialog_get_entry (KorakEraseDialog *self)
{
  g_return_val_if_fail (KORAK_IS_ERASE_DIALOG (self), NULL);

  return GTK_EDITABLE (self->entry);
}
