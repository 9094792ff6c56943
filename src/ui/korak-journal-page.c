/* korak-journal-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-date.h"
#include "korak-journal-page.h"
#include "korak-linked-translation.h"
#include "korak-ui-util.h"

struct _KorakJournalPage
{
  AdwBin       parent_instance;

  KorakStore  *store;
  gint64       participant_id;
  GListModel  *entries;
  char        *error;

  GtkDropDown *kind_dropdown;
  GtkEntry    *quick_entry;
  GtkLabel    *error_label;
  GtkStack    *stack;
  GtkListBox  *list_box;
};

G_DEFINE_FINAL_TYPE (KorakJournalPage, korak_journal_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_icon (const char *kind)
{
  if (g_strcmp0 (kind, "small_win") == 0)
    return "starred-symbolic";
  if (g_strcmp0 (kind, "milestone") == 0)
    return "emblem-ok-symbolic";
  return "dialog-warning-symbolic";
}

static void reload (KorakJournalPage *self);
static void show_error (KorakJournalPage *self, const char *message);

static void
on_translation_saved_cb (KorakJournalPage *self)
{
  reload (self);
}

/* A small win's words go through the notes workflow, translated into the
 * participant's mother tongue. */
static void
on_translate_clicked_cb (GtkButton        *button,
                         KorakJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 *id = g_object_get_data (G_OBJECT (button), "entry-id");
  GtkWindow *dialog;

  if (self->store == NULL || id == NULL)
    return;
  dialog = korak_linked_translation_open (GTK_WIDGET (self), self->store, KORAK_LINK_JOURNAL_ENTRY, *id,
                                          self->participant_id, &error);
  if (dialog == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_translation_saved_cb), self, G_CONNECT_SWAPPED);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KorakJournalPage *self = user_data;
  const KorakJournalRecord *r = korak_journal_item_get_record (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (r->kind));

  gtk_widget_set_name (row, "journal-entry");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), korak_choice_label (korak_journal_kinds (), r->kind));
  /* The participant's own words: a small win or a milestone, not a
   * mentor's concern. */
  if (self->store != NULL && g_strcmp0 (r->kind, "concern") != 0)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("preferences-desktop-locale-symbolic");
      g_autofree char *status = korak_linked_translation_status (self->store, KORAK_LINK_JOURNAL_ENTRY, r->id,
                                                                 self->participant_id, NULL);

      if (status != NULL)
        {
          /* Translators: a journal entry's kind, then its translation: "Small win · Translated into Arabic · reviewed". */
          g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), korak_choice_label (korak_journal_kinds (), r->kind),
                                                       status);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      gtk_widget_set_name (button, "journal-translate");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Translate…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Translate into the participant’s language"), -1);
      g_object_set_data_full (G_OBJECT (button), "entry-id", g_memdup2 (&r->id, sizeof r->id), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_translate_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  gtk_widget_add_css_class (icon, g_strcmp0 (r->kind, "concern") == 0 ? "warning"
                                  : g_strcmp0 (r->kind, "small_win") == 0 ? "accent" : "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  korak_choice_label (korak_journal_kinds (), r->kind), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "date", g_strdup (r->date), g_free);
  return row;
}

/* A date header above the first entry of each day: the timeline. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  const char *date = g_object_get_data (G_OBJECT (row), "date");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "date") : NULL;

  if (previous == NULL || g_strcmp0 (date, previous) != 0)
    {
      g_autofree char *shown = korak_date_format (date);
      GtkWidget *label = gtk_label_new (shown);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 12);
      gtk_list_box_row_set_header (row, label);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
show_error (KorakJournalPage *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message)
    gtk_widget_add_css_class (GTK_WIDGET (self->quick_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->quick_entry), "error");
}

static void
reload (KorakJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;

  if (self->store == NULL)
    return;
  if (!(entries = korak_journal_load (self->store, self->participant_id, &error)))
    {
      show_error (self, error->message);
      return;
    }
  g_set_object (&self->entries, entries);
  gtk_list_box_bind_model (self->list_box, entries, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (entries) > 0 ? "list" : "empty");
}

void
korak_journal_page_set_participant (KorakJournalPage *self,
                                    KorakStore       *store,
                                    gint64            participant_id)
{
  g_return_if_fail (KORAK_IS_JOURNAL_PAGE (self));
  g_return_if_fail (KORAK_IS_STORE (store));

  g_set_object (&self->store, store);
  self->participant_id = participant_id;
  gtk_editable_set_text (GTK_EDITABLE (self->quick_entry), "");
  show_error (self, NULL);
  reload (self);
}

static void
add_entry (KorakJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  const KorakChoice *kinds = korak_journal_kinds ();
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->store == NULL)
    return;
  if (!korak_store_add_journal_entry (self->store, self->participant_id, NULL, kinds[MIN (selected, 2)].code,
                                      gtk_editable_get_text (GTK_EDITABLE (self->quick_entry)), NULL, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->quick_entry));
      return;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->quick_entry), "");
  reload (self);
  korak_show_toast (GTK_WIDGET (self), _("Added to the journal"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_quick_entry_activate_cb (KorakJournalPage *self)
{
  add_entry (self);
}

void
korak_journal_page_quick_add (KorakJournalPage *self)
{
  g_return_if_fail (KORAK_IS_JOURNAL_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->quick_entry));
}

GListModel *
korak_journal_page_get_model (KorakJournalPage *self)
{
  g_return_val_if_fail (KORAK_IS_JOURNAL_PAGE (self), NULL);
  return self->entries;
}

const char *
korak_journal_page_get_error (KorakJournalPage *self)
{
  g_return_val_if_fail (KORAK_IS_JOURNAL_PAGE (self), NULL);
  return self->error;
}

static void
quick_add_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  korak_journal_page_quick_add (KORAK_JOURNAL_PAGE (widget));
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  add_entry (KORAK_JOURNAL_PAGE (widget));
}

static void
korak_journal_page_dispose (GObject *object)
{
  KorakJournalPage *self = (KorakJournalPage *)object;

  g_clear_object (&self->entries);
  g_clear_object (&self->store);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (korak_journal_page_parent_class)->dispose (object);
}

static void
korak_journal_page_class_init (KorakJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_journal_page_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakJournalPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KorakJournalPage, quick_entry);
  gtk_widget_class_bind_template_child (widget_class, KorakJournalPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakJournalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakJournalPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_quick_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "journal.quick-add", NULL, quick_add_action);
  gtk_widget_class_install_action (widget_class, "journal.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "journal.quick-add", NULL);
}

static void
korak_journal_page_init (KorakJournalPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const KorakChoice *choices = korak_journal_kinds ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; choices[i].code != NULL; i++)
    gtk_string_list_append (kinds, _(choices[i].label));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_list_box_set_header_func (self->list_box, update_header, NULL, NULL);
}
