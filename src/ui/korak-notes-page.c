/* korak-notes-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-notes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-date.h"
#include "korak-note-dialog.h"
#include "korak-note-util.h"
#include "korak-notes-page.h"
#include "korak-translation-dialog.h"
#include "korak-ui-util.h"

struct _KorakNotesPage
{
  AdwBin         parent_instance;

  KorakStore    *store;
  KorakNoteList *notes;
  gint64         participant_id;
  gint64         cohort_id;
  GHashTable    *revealed;   /* note id (gint64*) set */
  /* Read while hidden: no need to read again when shown. */
  gboolean       loaded_unmapped;
  char          *error;

  GtkLabel      *error_label;
  GtkStack      *stack;
  GtkListBox    *list_box;
};

G_DEFINE_FINAL_TYPE (KorakNotesPage, korak_notes_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (KorakNotesPage *self,
            const char     *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_id (gpointer    object,
        const char *key,
        gint64      id)
{
  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

static gint64
get_id (gpointer    object,
        const char *key)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), key);

  return id ? *id : 0;
}

/* ------------------------------------------------------------ rows */

static GtkWidget *
text_label_new (const char *name,
                const char *text,
                const char *language)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  korak_label_set_text_with_direction (GTK_LABEL (label), text, language);
  return label;
}

/* The text, or for a sensitive note a stack that shows it only once
 * revealed; the stacks of a note are kept on its row. */
static GtkWidget *
guarded_text_new (GtkWidget  *note_row,
                  const char *name,
                  const char *text,
                  const char *language,
                  gboolean    sensitive,
                  gboolean    revealed)
{
  GtkWidget *stack, *hidden;
  GPtrArray *stacks;

  if (!sensitive)
    return text_label_new (name, text, language);

  stack = gtk_stack_new ();
  gtk_stack_set_hhomogeneous (GTK_STACK (stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
  hidden = gtk_label_new (_("Hidden: sensitive note"));
  gtk_widget_set_name (hidden, "hidden-text");
  gtk_label_set_xalign (GTK_LABEL (hidden), 0);
  gtk_widget_add_css_class (hidden, "dim-label");
  gtk_stack_add_named (GTK_STACK (stack), hidden, "hidden");
  gtk_stack_add_named (GTK_STACK (stack), text_label_new (name, text, language), "shown");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), revealed ? "shown" : "hidden");

  stacks = g_object_get_data (G_OBJECT (note_row), "stacks");
  g_ptr_array_add (stacks, stack);
  return stack;
}

static void
apply_revealed (GtkWidget *note_row,
                gboolean   revealed)
{
  GPtrArray *stacks = g_object_get_data (G_OBJECT (note_row), "stacks");
  GtkWidget *toggle = g_object_get_data (G_OBJECT (note_row), "toggle");

  for (guint i = 0; stacks != NULL && i < stacks->len; i++)
    gtk_stack_set_visible_child_name (g_ptr_array_index (stacks, i), revealed ? "shown" : "hidden");

  if (toggle != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (toggle), revealed ? _("_Hide") : _("_Show"));
      gtk_widget_set_tooltip_text (toggle, revealed ? _("Hide the text of this sensitive note")
                                                    : _("Show the text of this sensitive note"));
    }
}

static void
on_reveal_toggled_cb (GtkToggleButton *toggle,
                      KorakNotesPage  *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), GTK_TYPE_LIST_BOX_ROW);
  gint64 note_id = get_id (row, "note-id");
  gboolean revealed = gtk_toggle_button_get_active (toggle);

  if (revealed)
    g_hash_table_add (self->revealed, g_memdup2 (&note_id, sizeof note_id));
  else
    g_hash_table_remove (self->revealed, &note_id);

  apply_revealed (row, revealed);
}

static GtkWidget *
sensitive_tag_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  GtkWidget *label = gtk_label_new (_("Sensitive"));

  gtk_widget_set_name (box, "sensitive");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sensitive"), -1);
  gtk_widget_add_css_class (box, "warning");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_tooltip_text (box, _("Health, family or other personal matters: handle with care"));
  return box;
}

static GtkWidget *
translation_row_new (KorakNotesPage               *self,
                     GtkWidget                    *note_row,
                     const KorakNoteRecord        *note,
                     const KorakTranslationRecord *translation,
                     gboolean                      revealed)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *language = gtk_label_new (korak_language_name (translation->language));
  GtkWidget *badge = korak_translation_badge_new (translation->state);
  g_autofree char *accessible = NULL;

  gtk_widget_set_name (row, "translation");
  set_id (row, "note-id", note->id);
  set_id (row, "translation-id", translation->id);
  /* Translators: what a screen reader says for a translation: "Arabic translation, Needs review". */
  accessible = g_strdup_printf (_("%s translation, %s"), korak_language_name (translation->language),
                                korak_choice_label (korak_translation_states (), translation->state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (row, _("Open the translation"));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_add_css_class (language, "heading");
  gtk_label_set_xalign (GTK_LABEL (language), 0);
  gtk_box_append (GTK_BOX (top), language);
  gtk_box_append (GTK_BOX (top), badge);
  gtk_box_append (GTK_BOX (box), top);

  gtk_box_append (GTK_BOX (box), guarded_text_new (note_row, "translation-text", translation->text,
                                                   translation->language, note->sensitive, revealed));

  if (g_strcmp0 (translation->state, KORAK_TRANSLATION_RETURNED) == 0 &&
      translation->comment != NULL && *translation->comment != '\0')
    {
      g_autofree char *text = NULL;
      GtkWidget *comment;

      if (translation->reviewer_name != NULL)
        /* Translators: "Returned by Amra Mediator: the second sentence is missing" */
        text = g_strdup_printf (_("Returned by %s: %s"), translation->reviewer_name, translation->comment);
      else
        /* Translators: the mediator's comment on a returned translation. */
        text = g_strdup_printf (_("Returned: %s"), translation->comment);
      comment = gtk_label_new (text);
      gtk_widget_set_name (comment, "comment");
      gtk_label_set_xalign (GTK_LABEL (comment), 0);
      gtk_label_set_wrap (GTK_LABEL (comment), TRUE);
      gtk_widget_add_css_class (comment, "warning");
      gtk_box_append (GTK_BOX (box), comment);
    }
  else if (g_strcmp0 (translation->state, KORAK_TRANSLATION_REVIEWED) == 0 && translation->reviewer_name != NULL)
    {
      g_autofree char *text = NULL;
      GtkWidget *by;

      /* Translators: who reviewed a translation. */
      text = g_strdup_printf (_("Reviewed by %s"), translation->reviewer_name);
      by = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (by), 0);
      gtk_widget_add_css_class (by, "dim-label");
      gtk_widget_add_css_class (by, "caption");
      gtk_box_append (GTK_BOX (box), by);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
on_translation_activated_cb (GtkListBox     *list,
                             GtkListBoxRow  *row,
                             KorakNotesPage *self)
{
  korak_notes_page_edit_translation (self, get_id (row, "note-id"), get_id (row, "translation-id"));
}

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *tooltip,
                 const char *action,
                 GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
note_row_new (KorakNotesPage        *self,
              const KorakNoteRecord *note)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date_label, *meta_label, *translate;
  g_autofree char *date = korak_date_format (note->date);
  g_autoptr(GString) meta = g_string_new (NULL);
  gboolean revealed = g_hash_table_contains (self->revealed, &note->id);

  gtk_widget_set_name (row, "note");
  set_id (row, "note-id", note->id);
  g_object_set_data_full (G_OBJECT (row), "stacks", g_ptr_array_new (), (GDestroyNotify)g_ptr_array_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  date_label = gtk_label_new (date);
  gtk_label_set_xalign (GTK_LABEL (date_label), 0);
  gtk_widget_add_css_class (date_label, "heading");
  gtk_box_append (GTK_BOX (heading), date_label);

  if (note->author_name != NULL && *note->author_name != '\0')
    g_string_append_printf (meta, "%s · ", note->author_name);
  g_string_append (meta, korak_language_name (note->language));
  meta_label = gtk_label_new (meta->str);
  gtk_widget_set_name (meta_label, "meta");
  gtk_label_set_xalign (GTK_LABEL (meta_label), 0);
  gtk_label_set_wrap (GTK_LABEL (meta_label), TRUE);
  gtk_widget_add_css_class (meta_label, "dim-label");
  gtk_widget_add_css_class (meta_label, "caption");
  gtk_box_append (GTK_BOX (heading), meta_label);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (top), heading);

  if (note->sensitive)
    {
      GtkWidget *toggle = gtk_toggle_button_new ();

      gtk_box_append (GTK_BOX (top), sensitive_tag_new ());
      gtk_widget_set_name (toggle, "reveal");
      gtk_button_set_use_underline (GTK_BUTTON (toggle), TRUE);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), revealed);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_reveal_toggled_cb), self, 0);
      g_object_set_data (G_OBJECT (row), "toggle", toggle);
      gtk_box_append (GTK_BOX (top), toggle);
    }

  gtk_box_append (GTK_BOX (top), icon_button_new ("document-edit-symbolic", _("Edit Note"),
                                                  "notes.edit", g_variant_new_int64 (note->id)));
  translate = gtk_button_new_with_mnemonic (_("_Translate…"));
  gtk_widget_set_name (translate, "translate");
  gtk_widget_set_valign (translate, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (translate, _("Add a translation of this note"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (translate), "notes.translate");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (translate), g_variant_new_int64 (note->id));
  gtk_box_append (GTK_BOX (top), translate);
  gtk_box_append (GTK_BOX (box), top);

  gtk_box_append (GTK_BOX (box), guarded_text_new (row, "note-text", note->text, note->language,
                                                   note->sensitive, revealed));

  if (note->translations != NULL && note->translations->len > 0)
    {
      GtkWidget *list = gtk_list_box_new ();
      g_autofree char *label = NULL;

      gtk_widget_set_name (list, "translations");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      /* Translators: the accessible name of the list of a note's translations. */
      label = g_strdup_printf (_("Translations of the note of %s"), date);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (on_translation_activated_cb), self, 0);
      for (guint i = 0; i < note->translations->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             translation_row_new (self, row, note, g_ptr_array_index (note->translations, i),
                                                  revealed));
      gtk_box_append (GTK_BOX (box), list);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  apply_revealed (row, revealed);
  return row;
}

static void
rebuild (KorakNotesPage *self)
{
  GtkWidget *child;
  guint n = self->notes ? g_list_model_get_n_items (G_LIST_MODEL (self->notes)) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakNoteItem) item = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

      gtk_list_box_append (self->list_box, note_row_new (self, korak_note_item_get_record (item)));
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_items_changed_cb (KorakNotesPage *self)
{
  rebuild (self);
}

/**
 * korak_notes_page_reload:
 *
 * Reads the notes again; a failure is shown on the page.
 */
gboolean
korak_notes_page_reload (KorakNotesPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KORAK_IS_NOTES_PAGE (self), FALSE);

  if (self->notes == NULL)
    return FALSE;

  if (!korak_note_list_reload (self->notes, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  return TRUE;
}

static void
set_subject (KorakNotesPage *self,
             KorakStore     *store,
             gint64          participant_id,
             gint64          cohort_id)
{
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_func (self->notes, on_items_changed_cb, self);
  g_clear_object (&self->notes);
  g_set_object (&self->store, store);
  self->participant_id = participant_id;
  self->cohort_id = cohort_id;
  g_hash_table_remove_all (self->revealed);
  show_error (self, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.new",
                                 store != NULL && (participant_id != 0 || cohort_id != 0));

  if (store == NULL || (participant_id == 0 && cohort_id == 0))
    {
      rebuild (self);
      return;
    }

  self->notes = korak_note_list_new (store, participant_id, cohort_id);
  g_signal_connect_swapped (self->notes, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  if (!korak_notes_page_reload (self))
    rebuild (self);
  self->loaded_unmapped = !gtk_widget_get_mapped (GTK_WIDGET (self));
}

void
korak_notes_page_set_participant (KorakNotesPage *self,
                                  KorakStore     *store,
                                  gint64          participant_id)
{
  g_return_if_fail (KORAK_IS_NOTES_PAGE (self));
  g_return_if_fail (store == NULL || KORAK_IS_STORE (store));

  set_subject (self, store, participant_id, 0);
}

void
korak_notes_page_set_cohort (KorakNotesPage *self,
                             KorakStore     *store,
                             gint64          cohort_id)
{
  g_return_if_fail (KORAK_IS_NOTES_PAGE (self));
  g_return_if_fail (store == NULL || KORAK_IS_STORE (store));

  set_subject (self, store, 0, cohort_id);
}

KorakNoteList *
korak_notes_page_get_model (KorakNotesPage *self)
{
  g_return_val_if_fail (KORAK_IS_NOTES_PAGE (self), NULL);
  return self->notes;
}

const char *
korak_notes_page_get_error (KorakNotesPage *self)
{
  g_return_val_if_fail (KORAK_IS_NOTES_PAGE (self), NULL);
  return self->error;
}

/* ------------------------------------------------------------ editors */

static void
on_saved_cb (KorakNotesPage *self)
{
  korak_notes_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  /* The review count in the window's sidebar follows. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.notes-changed", NULL);
}

static void
on_translation_saved_cb (KorakNotesPage *self)
{
  on_saved_cb (self);
  korak_show_toast (GTK_WIDGET (self), _("Translation saved"));
}

static void
on_note_saved_cb (KorakNotesPage *self)
{
  on_saved_cb (self);
  korak_show_toast (GTK_WIDGET (self), _("Note saved"));
}

static GtkWindow *
open_note_dialog (KorakNotesPage        *self,
                  const KorakNoteRecord *note)
{
  g_autoptr(GError) error = NULL;
  KorakNoteDialog *dialog;

  if (self->store == NULL || (self->participant_id == 0 && self->cohort_id == 0))
    return NULL;

  dialog = korak_note_dialog_new (GTK_WIDGET (self), self->store, self->participant_id, self->cohort_id,
                                  note, &error);
  if (dialog == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_note_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
korak_notes_page_new_note (KorakNotesPage *self)
{
  g_return_val_if_fail (KORAK_IS_NOTES_PAGE (self), NULL);
  return open_note_dialog (self, NULL);
}

GtkWindow *
korak_notes_page_edit_note (KorakNotesPage *self,
                            gint64          note_id)
{
  KorakNoteItem *item;

  g_return_val_if_fail (KORAK_IS_NOTES_PAGE (self), NULL);

  if (self->notes == NULL || (item = korak_note_list_lookup (self->notes, note_id)) == NULL)
    return NULL;

  return open_note_dialog (self, korak_note_item_get_record (item));
}

GtkWindow *
korak_notes_page_edit_translation (KorakNotesPage *self,
                                   gint64          note_id,
                                   gint64          translation_id)
{
  g_autoptr(GError) error = NULL;
  const KorakNoteRecord *note;
  const KorakTranslationRecord *translation = NULL;
  KorakTranslationDialog *dialog;
  KorakNoteItem *item;

  g_return_val_if_fail (KORAK_IS_NOTES_PAGE (self), NULL);

  if (self->notes == NULL || (item = korak_note_list_lookup (self->notes, note_id)) == NULL)
    return NULL;

  note = korak_note_item_get_record (item);
  for (guint i = 0; translation_id != 0 && note->translations != NULL && i < note->translations->len; i++)
    if (((KorakTranslationRecord *)g_ptr_array_index (note->translations, i))->id == translation_id)
      translation = g_ptr_array_index (note->translations, i);
  if (translation_id != 0 && translation == NULL)
    return NULL;

  dialog = korak_translation_dialog_new (GTK_WIDGET (self), self->store, note, translation, &error);
  if (dialog == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_translation_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

void
korak_notes_page_set_revealed (KorakNotesPage *self,
                               gint64          note_id,
                               gboolean        revealed)
{
  g_return_if_fail (KORAK_IS_NOTES_PAGE (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *toggle = g_object_get_data (G_OBJECT (row), "toggle");

      if (get_id (row, "note-id") == note_id && toggle != NULL)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), revealed);
          return;
        }
    }
}

gboolean
korak_notes_page_get_revealed (KorakNotesPage *self,
                               gint64          note_id)
{
  g_return_val_if_fail (KORAK_IS_NOTES_PAGE (self), FALSE);
  return g_hash_table_contains (self->revealed, &note_id);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  korak_notes_page_new_note (KORAK_NOTES_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  korak_notes_page_edit_note (KORAK_NOTES_PAGE (widget), g_variant_get_int64 (param));
}

static void
translate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  korak_notes_page_edit_translation (KORAK_NOTES_PAGE (widget), g_variant_get_int64 (param), 0);
}

static void
edit_translation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gint64 note_id, translation_id;

  g_variant_get (param, "(xx)", &note_id, &translation_id);
  korak_notes_page_edit_translation (KORAK_NOTES_PAGE (widget), note_id, translation_id);
}

/* Translations are reviewed and returned in the Review view: shown again,
 * the notes are read afresh. */
static void
korak_notes_page_map (GtkWidget *widget)
{
  KorakNotesPage *self = KORAK_NOTES_PAGE (widget);

  GTK_WIDGET_CLASS (korak_notes_page_parent_class)->map (widget);

  if (self->notes != NULL && !self->loaded_unmapped)
    korak_notes_page_reload (self);
  self->loaded_unmapped = FALSE;
}

static void
korak_notes_page_dispose (GObject *object)
{
  KorakNotesPage *self = (KorakNotesPage *)object;

  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_func (self->notes, on_items_changed_cb, self);
  g_clear_object (&self->notes);
  g_clear_object (&self->store);
  g_clear_pointer (&self->revealed, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (korak_notes_page_parent_class)->dispose (object);
}

static void
korak_notes_page_class_init (KorakNotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_notes_page_dispose;
  widget_class->map = korak_notes_page_map;

  /* A note or a translation was stored. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-notes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakNotesPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakNotesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakNotesPage, list_box);

  gtk_widget_class_install_action (widget_class, "notes.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "notes.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "notes.translate", "x", translate_action);
  gtk_widget_class_install_action (widget_class, "notes.edit-translation", "(xx)", edit_translation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "notes.new", NULL);
}

static void
korak_notes_page_init (KorakNotesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->revealed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.new", FALSE);
  rebuild (self);
}
