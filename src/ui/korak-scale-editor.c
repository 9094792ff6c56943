/* korak-scale-editor.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-scale-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-note-util.h"
#include "korak-notes.h"
#include "korak-scale-editor.h"
#include "korak-ui-util.h"

struct _KorakScaleEditor
{
  AdwWindow        parent_instance;

  KorakBandList   *bands;
  KorakBandRecord *editing;     /* NULL: the list is shown */
  KorakBandRecord *deleted;     /* for Undo */
  char            *error;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *back_button;
  GtkWidget       *add_button;
  GtkWidget       *save_button;
  GtkStack        *stack;
  GtkListBox      *band_list;
  GtkLabel        *error_label;
  GtkSpinButton   *from_spin;
  GtkSpinButton   *to_spin;
  AdwEntryRow     *description_row;
  GtkListBox      *translation_list;
  AdwComboRow     *language_row;
  AdwEntryRow     *translation_row;
  GtkWidget       *delete_button;
};

G_DEFINE_FINAL_TYPE (KorakScaleEditor, korak_scale_editor, ADW_TYPE_WINDOW)

/* "8–10", or "7" for a band of one score. (transfer full) */
static char *
scores_text (int from,
             int to)
{
  if (from == to)
    /* Translators: the scores a description is for: one score. */
    return g_strdup_printf (_("Score %d"), from);
  /* Translators: the scores a description is for: a range, "Scores 8–10". */
  return g_strdup_printf (_("Scores %d–%d"), from, to);
}

/* The same inside a sentence: "scores 8–10", "score 7". (transfer full) */
static char *
scores_phrase (int from,
               int to)
{
  if (from == to)
    /* Translators: inside a sentence, "Description of score 7 saved". */
    return g_strdup_printf (_("score %d"), from);
  /* Translators: inside a sentence, "Description of scores 8–10 saved". */
  return g_strdup_printf (_("scores %d–%d"), from, to);
}

static void
show_error (KorakScaleEditor *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
toast (KorakScaleEditor *self,
       AdwToast         *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---------------------------------------------------------------- list */

static void
on_row_delete_clicked_cb (GtkButton        *button,
                          KorakScaleEditor *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "band-id");

  korak_scale_editor_delete_band (self, *id);
}

static GtkWidget *
create_band_row (gpointer item,
                 gpointer user_data)
{
  KorakScaleEditor *self = user_data;
  const KorakBandRecord *band = korak_band_item_get_record (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *scores = scores_text (band->score_from, band->score_to);
  g_autofree char *phrase = scores_phrase (band->score_from, band->score_to);
  g_autofree char *accessible = NULL;
  g_autoptr(GString) subtitle = g_string_new (scores);

  gtk_widget_set_name (row, "band");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), korak_band_item_get_label (item));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  for (guint i = 0; band->translations != NULL && i < band->translations->len; i++)
    {
      const KorakBandTranslation *t = g_ptr_array_index (band->translations, i);

      /* Translators: between the scores and the languages a description is translated into. */
      g_string_append (subtitle, i == 0 ? _(" · translated into ") : _(", "));
      g_string_append (subtitle, korak_language_name (t->language));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "band-id", g_memdup2 (&band->id, sizeof band->id), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  /* Translators: %s is "scores 8–10" or "score 7". */
  accessible = g_strdup_printf (_("Delete the description of %s"), phrase);
  gtk_widget_set_name (button, "band-delete");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "band-id", g_memdup2 (&band->id, sizeof band->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_row_delete_clicked_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_list (KorakScaleEditor *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->bands)) == 0;

  g_clear_pointer (&self->editing, korak_band_record_free);
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->add_button, TRUE);
  gtk_widget_set_visible (self->save_button, FALSE);
  adw_window_title_set_subtitle (self->window_title, NULL);
}

static void
on_band_activated_cb (KorakScaleEditor *self,
                      GtkListBoxRow    *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "band-id");

  if (id != NULL)
    korak_scale_editor_edit_band (self, *id);
}

/* ---------------------------------------------------------------- edit */

static void
on_remove_translation_clicked_cb (GtkButton        *button,
                                  KorakScaleEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);

  /* Emptied, then removed on saving: the other rows keep what was typed. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  gtk_widget_set_visible (row, FALSE);
}

static void
rebuild_translations (KorakScaleEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->translation_list))) != NULL)
    gtk_list_box_remove (self->translation_list, child);

  for (guint i = 0; self->editing->translations != NULL && i < self->editing->translations->len; i++)
    {
      const KorakBandTranslation *t = g_ptr_array_index (self->editing->translations, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *accessible = NULL;

      gtk_widget_set_name (row, "band-translation-row");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), korak_language_name (t->language));
      gtk_editable_set_text (GTK_EDITABLE (row), t->text);
      if (korak_language_is_rtl (t->language))
        gtk_editable_set_alignment (GTK_EDITABLE (row), 1.0);
      g_object_set_data_full (G_OBJECT (row), "language", g_strdup (t->language), g_free);

      /* Translators: %s is a language, e.g. "Arabic". */
      accessible = g_strdup_printf (_("Remove the translation into %s"), korak_language_name (t->language));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Translation"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_translation_clicked_cb), self, 0);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      gtk_list_box_append (self->translation_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->translation_list),
                          self->editing->translations != NULL && self->editing->translations->len > 0);
}

/* The widgets into self->editing. A seeded description shown translated
 * and left as it was stays the seeded one, so that it keeps following the
 * interface language; changed, it becomes the text typed. */
static void
collect (KorakScaleEditor *self)
{
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  const char *pending = gtk_editable_get_text (GTK_EDITABLE (self->translation_row));

  self->editing->score_from = gtk_spin_button_get_value_as_int (self->from_spin);
  self->editing->score_to = gtk_spin_button_get_value_as_int (self->to_spin);
  if (!korak_scale_band_is_seeded (self->editing->description) ||
      g_strcmp0 (description, korak_scale_band_label (self->editing->description)) != 0)
    {
      g_free (self->editing->description);
      self->editing->description = g_strdup (description);
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->translation_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *language = g_object_get_data (G_OBJECT (row), "language");

      if (language != NULL)
        korak_band_record_set_translation (self->editing, language, gtk_editable_get_text (GTK_EDITABLE (row)));
    }

  /* A translation typed but not added yet is not lost. */
  if (pending != NULL && *pending != '\0' && korak_language_combo_get (self->language_row) != NULL)
    korak_band_record_set_translation (self->editing, korak_language_combo_get (self->language_row), pending);
}

static void
on_translation_apply_cb (KorakScaleEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->translation_row))));

  if (self->editing == NULL)
    return;
  if (*text == '\0')
    {
      show_error (self, _("Write the translation, then add it."));
      gtk_widget_grab_focus (GTK_WIDGET (self->translation_row));
      return;
    }

  collect (self);
  gtk_editable_set_text (GTK_EDITABLE (self->translation_row), "");
  show_error (self, NULL);
  rebuild_translations (self);
}

/* The first score that no band holds, and how far the gap after it goes. */
static void
first_gap (KorakScaleEditor *self,
           int              *from,
           int              *to)
{
  gboolean taken[11] = { FALSE };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->bands));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakBandItem) item = g_list_model_get_item (G_LIST_MODEL (self->bands), i);
      const KorakBandRecord *band = korak_band_item_get_record (item);

      for (int s = band->score_from; s <= band->score_to && s <= 10; s++)
        taken[s] = TRUE;
    }

  *from = *to = 1;
  for (int s = 1; s <= 10; s++)
    if (!taken[s])
      {
        *from = *to = s;
        while (*to < 10 && !taken[*to + 1])
          (*to)++;
        return;
      }
}

void
korak_scale_editor_edit_band (KorakScaleEditor *self,
                              gint64            band_id)
{
  const KorakBandRecord *band = band_id != 0 ? korak_band_list_find (self->bands, band_id) : NULL;
  g_autofree char *scores = NULL;

  g_return_if_fail (KORAK_IS_SCALE_EDITOR (self));

  g_clear_pointer (&self->editing, korak_band_record_free);
  if (band != NULL)
    self->editing = korak_band_record_copy (band);
  else
    {
      self->editing = korak_band_record_new ();
      self->editing->area_id = korak_band_list_get_area_id (self->bands);
      first_gap (self, &self->editing->score_from, &self->editing->score_to);
    }

  show_error (self, NULL);
  gtk_spin_button_set_value (self->from_spin, self->editing->score_from);
  gtk_spin_button_set_value (self->to_spin, self->editing->score_to);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         self->editing->description ? korak_scale_band_label (self->editing->description) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->translation_row), "");
  rebuild_translations (self);

  scores = scores_text (self->editing->score_from, self->editing->score_to);
  adw_window_title_set_subtitle (self->window_title, band != NULL ? scores : _("New Description"));
  gtk_widget_set_visible (self->delete_button, band != NULL);
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_set_visible (self->save_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->description_row));
}

gboolean
korak_scale_editor_save (KorakScaleEditor *self)
{
  g_autoptr(KorakBandRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scores = NULL;
  g_autofree char *message = NULL;
  gboolean is_new;

  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), FALSE);

  if (self->editing == NULL)
    return FALSE;

  collect (self);
  is_new = self->editing->id == 0;
  record = korak_band_record_copy (self->editing);
  if (!korak_band_list_save (self->bands, record, &error))
    {
      /* What was typed stays in the form. */
      rebuild_translations (self);
      gtk_editable_set_text (GTK_EDITABLE (self->translation_row), "");
      show_error (self, error->message);
      return FALSE;
    }

  scores = scores_phrase (record->score_from, record->score_to);
  /* Translators: %s is "scores 8–10" or "score 7". */
  message = g_strdup_printf (is_new ? _("Description of %s added") : _("Description of %s saved"), scores);
  show_list (self);
  toast (self, adw_toast_new (message));
  return TRUE;
}

gboolean
korak_scale_editor_delete_band (KorakScaleEditor *self,
                                gint64            band_id)
{
  const KorakBandRecord *band;
  g_autoptr(KorakBandRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scores = NULL;
  g_autofree char *message = NULL;
  AdwToast *undo;

  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), FALSE);

  if ((band = korak_band_list_find (self->bands, band_id)) == NULL)
    return FALSE;
  copy = korak_band_record_copy (band);
  if (!korak_band_list_delete (self->bands, band_id, &error))
    {
      toast (self, adw_toast_new (error->message));
      return FALSE;
    }

  g_clear_pointer (&self->deleted, korak_band_record_free);
  self->deleted = g_steal_pointer (&copy);
  if (self->editing != NULL && self->editing->id == band_id)
    show_list (self);
  else if (self->editing == NULL)
    show_list (self);

  scores = scores_phrase (self->deleted->score_from, self->deleted->score_to);
  /* Translators: %s is "scores 8–10" or "score 7". */
  message = g_strdup_printf (_("Description of %s deleted"), scores);
  undo = adw_toast_new (message);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "scale.undo");
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  toast (self, undo);
  return TRUE;
}

gboolean
korak_scale_editor_undo_delete (KorakScaleEditor *self)
{
  g_autoptr(KorakBandRecord) band = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), FALSE);

  if (self->deleted == NULL)
    return FALSE;

  /* Back as a new row with the same scores, words and translations. */
  band = g_steal_pointer (&self->deleted);
  band->id = 0;
  if (!korak_band_list_save (self->bands, band, &error))
    {
      toast (self, adw_toast_new (error->message));
      return FALSE;
    }
  if (self->editing == NULL)
    show_list (self);
  return TRUE;
}

/* ------------------------------------------------------------- actions */

static void
add_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  korak_scale_editor_edit_band (KORAK_SCALE_EDITOR (widget), 0);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  korak_scale_editor_save (KORAK_SCALE_EDITOR (widget));
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  show_list (KORAK_SCALE_EDITOR (widget));
}

static void
escape_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KorakScaleEditor *self = KORAK_SCALE_EDITOR (widget);

  if (self->editing != NULL)
    show_list (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KorakScaleEditor *self = KORAK_SCALE_EDITOR (widget);

  if (self->editing != NULL && self->editing->id != 0)
    korak_scale_editor_delete_band (self, self->editing->id);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  korak_scale_editor_undo_delete (KORAK_SCALE_EDITOR (widget));
}

/* ----------------------------------------------------------- lifecycle */

static void
korak_scale_editor_dispose (GObject *object)
{
  KorakScaleEditor *self = (KorakScaleEditor *)object;

  if (self->band_list != NULL)
    gtk_list_box_bind_model (self->band_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->bands);
  g_clear_pointer (&self->editing, korak_band_record_free);
  g_clear_pointer (&self->deleted, korak_band_record_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (korak_scale_editor_parent_class)->dispose (object);
}

static void
korak_scale_editor_class_init (KorakScaleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_scale_editor_dispose;

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-scale-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, band_list);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, from_spin);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, to_spin);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, translation_list);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, translation_row);
  gtk_widget_class_bind_template_child (widget_class, KorakScaleEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_band_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_translation_apply_cb);

  gtk_widget_class_install_action (widget_class, "scale.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "scale.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "scale.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "scale.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "scale.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "scale.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "scale.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "scale.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "scale.escape", NULL);
}

static void
korak_scale_editor_init (KorakScaleEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* From inside an entry too. */
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_s, GDK_CONTROL_MASK, "scale.save");
}

KorakScaleEditor *
korak_scale_editor_new (GtkWidget   *parent,
                        KorakStore  *store,
                        gint64       area_id,
                        const char  *area_label,
                        GError     **error)
{
  g_autoptr(KorakBandList) bands = NULL;
  g_auto(GStrv) languages = NULL;
  g_autofree char *title = NULL;
  KorakScaleEditor *self;
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  bands = korak_band_list_new (store, area_id);
  if (!korak_band_list_reload (bands, error))
    return NULL;
  if (!(languages = korak_store_note_languages (store, 0, error)))
    return NULL;

  self = g_object_new (KORAK_TYPE_SCALE_EDITOR,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->bands = g_steal_pointer (&bands);
  gtk_list_box_bind_model (self->band_list, G_LIST_MODEL (self->bands), create_band_row, self, NULL);

  /* Translators: the title of the scale editor; %s is a competency area. */
  title = g_strdup_printf (_("Scale of %s"), area_label ? area_label : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  /* Slovenian comes first; a translation is most often into another language. */
  korak_language_combo_fill (self->language_row, (const char * const *)languages, "sl", NULL);

  show_list (self);
  return self;
}

GListModel *
korak_scale_editor_get_model (KorakScaleEditor *self)
{
  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), NULL);
  return G_LIST_MODEL (self->bands);
}

const char *
korak_scale_editor_get_error (KorakScaleEditor *self)
{
  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), NULL);
  return self->error;
}

gint64
korak_scale_editor_get_editing_id (KorakScaleEditor *self)
{
  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), -1);
  return self->editing ? self->editing->id : -1;
}

GtkSpinButton *
korak_scale_editor_get_from_spin (KorakScaleEditor *self)
{
  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), NULL);
  return self->from_spin;
}

GtkSpinButton *
korak_scale_editor_get_to_spin (KorakScaleEditor *self)
{
  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), NULL);
  return self->to_spin;
}

AdwEntryRow *
korak_scale_editor_get_description_row (KorakScaleEditor *self)
{
  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), NULL);
  return self->description_row;
}

AdwComboRow *
korak_scale_editor_get_language_row (KorakScaleEditor *self)
{
  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), NULL);
  return self->language_row;
}

AdwEntryRow *
korak_scale_editor_get_translation_row (KorakScaleEditor *self)
{
  g_return_val_if_fail (KORAK_IS_SCALE_EDITOR (self), NULL);
  return self->translation_row;
}
