/* korak-form-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-cohort-util.h"
#include "korak-form-dialog.h"

struct _KorakFormDialog
{
  AdwWindow            parent_instance;

  GtkWidget           *accept_button;
  GtkWidget           *page;
  GtkWidget           *error_label;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (KorakFormDialog, korak_form_dialog, ADW_TYPE_WINDOW)

enum {
  SUBMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * korak_form_dialog_submit:
 *
 * Asks the "submit" handler to store the form. Returns %TRUE when it did,
 * and the dialog is closed.
 */
gboolean
korak_form_dialog_submit (KorakFormDialog *self)
{
  gboolean done = FALSE;

  g_return_val_if_fail (KORAK_IS_FORM_DIALOG (self), FALSE);

  korak_error_label_set (self->error_label, NULL);
  g_signal_emit (self, signals[SUBMIT], 0, &done);
  if (done)
    gtk_window_close (GTK_WINDOW (self));

  return done;
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  korak_form_dialog_submit (KORAK_FORM_DIALOG (widget));
}

static void
korak_form_dialog_class_init (KorakFormDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SUBMIT] =
    g_signal_new ("submit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_first_wins, NULL, NULL, G_TYPE_BOOLEAN, 0);

  gtk_widget_class_install_action (widget_class, "dialog.accept", NULL, accept_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.accept", NULL);
}

static void
korak_form_dialog_init (KorakFormDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *error_group = adw_preferences_group_new ();

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->accept_button = gtk_button_new ();
  gtk_widget_set_name (self->accept_button, "accept");
  gtk_button_set_use_underline (GTK_BUTTON (self->accept_button), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->accept_button), "dialog.accept");
  gtk_widget_add_css_class (self->accept_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->accept_button);
  gtk_box_append (GTK_BOX (box), header);

  self->page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (self->page, TRUE);
  self->error_label = korak_error_label_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (error_group), self->error_label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (error_group));
  gtk_box_append (GTK_BOX (box), self->page);

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->accept_button);
}

KorakFormDialog *
korak_form_dialog_new (GtkWidget  *parent,
                       const char *title,
                       const char *accept_label)
{
  KorakFormDialog *self;
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  self = g_object_new (KORAK_TYPE_FORM_DIALOG,
                       "title", title,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  gtk_button_set_label (GTK_BUTTON (self->accept_button), accept_label);

  return self;
}

/* Returns: (transfer none): a new group below the others. */
AdwPreferencesGroup *
korak_form_dialog_add_group (KorakFormDialog *self,
                             const char      *title)
{
  g_return_val_if_fail (KORAK_IS_FORM_DIALOG (self), NULL);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  if (title != NULL)
    adw_preferences_group_set_title (self->group, title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), self->group);

  return self->group;
}

/* Adds @row to the last group; an entry row's Enter accepts the form. */
void
korak_form_dialog_add_row (KorakFormDialog *self,
                           GtkWidget       *row)
{
  g_return_if_fail (KORAK_IS_FORM_DIALOG (self));

  if (self->group == NULL)
    korak_form_dialog_add_group (self, NULL);

  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (self->group, row);
}

void
korak_form_dialog_show_error (KorakFormDialog *self,
                              const char      *message)
{
  g_return_if_fail (KORAK_IS_FORM_DIALOG (self));

  korak_error_label_set (self->error_label, message);
}

const char *
korak_form_dialog_get_error (KorakFormDialog *self)
{
  g_return_val_if_fail (KORAK_IS_FORM_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

/* For an action that ends something, such as a withdrawal. */
void
korak_form_dialog_set_destructive (KorakFormDialog *self,
                                   gboolean         destructive)
{
  g_return_if_fail (KORAK_IS_FORM_DIALOG (self));

  if (destructive)
    {
      gtk_widget_remove_css_class (self->accept_button, "suggested-action");
      gtk_widget_add_css_class (self->accept_button, "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (self->accept_button, "destructive-action");
      gtk_widget_add_css_class (self->accept_button, "suggested-action");
    }
}
