/* korak-document-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-document-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-document-dialog.h"
#include "korak-notes.h"
#include "korak-print.h"

struct _KorakDocumentDialog
{
  AdwMessageDialog        parent_instance;

  GtkWidget              *parent;
  KorakDocumentBuildFunc  build;
  gpointer                user_data;
  GDestroyNotify          destroy;

  GtkWidget              *list;
  AdwComboRow            *choice_row;
  GStrv                   values;

  /* A second language for a bilingual document */
  AdwComboRow            *language_row;
  AdwComboRow            *layout_row;
  GStrv                   languages;     /* tags, after "None" */
};

G_DEFINE_FINAL_TYPE (KorakDocumentDialog, korak_document_dialog, ADW_TYPE_MESSAGE_DIALOG)

KorakDocument *
korak_document_dialog_build (KorakDocumentDialog  *self,
                             GError              **error)
{
  g_return_val_if_fail (KORAK_IS_DOCUMENT_DIALOG (self), NULL);
  g_return_val_if_fail (self->build != NULL, NULL);

  return self->build (self, self->user_data, error);
}

static void
korak_document_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  KorakDocumentDialog *self = KORAK_DOCUMENT_DIALOG (dialog);
  gboolean print = g_strcmp0 (response, "print") == 0;
  gboolean pdf = g_strcmp0 (response, "pdf") == 0;
  g_autoptr(GError) error = NULL;
  KorakDocument *document;

  if (print || pdf)
    {
      document = korak_document_dialog_build (self, &error);
      if (document == NULL)
        korak_show_error_dialog (self->parent, _("The Document Could Not Be Made"),
                                 error != NULL ? error->message : _("Something went wrong. Try again."));
      else if (print)
        korak_print_document (self->parent, document);
      else
        korak_export_document_pdf (self->parent, document, NULL);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (korak_document_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (korak_document_dialog_parent_class)->response (dialog, response);
}

static void
korak_document_dialog_dispose (GObject *object)
{
  KorakDocumentDialog *self = (KorakDocumentDialog *)object;

  if (self->destroy != NULL && self->user_data != NULL)
    self->destroy (self->user_data);
  self->user_data = NULL;
  self->destroy = NULL;
  g_clear_object (&self->parent);
  g_clear_pointer (&self->values, g_strfreev);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (korak_document_dialog_parent_class)->dispose (object);
}

static void
korak_document_dialog_class_init (KorakDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = korak_document_dialog_dispose;
  dialog_class->response = korak_document_dialog_response;
}

static void
korak_document_dialog_init (KorakDocumentDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "pdf", _("Save as _PDF…"),
                                    "print", _("_Print…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "print");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);
}

/**
 * korak_document_dialog_new:
 * @parent: the widget the person acted in
 * @heading: the document, e.g. "Progress Report"
 * @body: who or what it is about
 * @build: makes the document when Print or Save is chosen
 *
 * Returns: (transfer none): the dialog, not yet shown.
 */
KorakDocumentDialog *
korak_document_dialog_new (GtkWidget              *parent,
                           const char             *heading,
                           const char             *body,
                           KorakDocumentBuildFunc  build,
                           gpointer                user_data,
                           GDestroyNotify          destroy)
{
  KorakDocumentDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (build != NULL, NULL);

  root = gtk_widget_get_root (parent);
  self = g_object_new (KORAK_TYPE_DOCUMENT_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "heading", heading,
                       "body", body,
                       NULL);
  self->parent = g_object_ref (parent);
  self->build = build;
  self->user_data = user_data;
  self->destroy = destroy;

  return self;
}

static GtkWidget *
ensure_list (KorakDocumentDialog *self)
{
  if (self->list == NULL)
    {
      self->list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (self->list, "boxed-list");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), self->list);
    }
  return self->list;
}

void
korak_document_dialog_set_choices (KorakDocumentDialog *self,
                                   const char          *title,
                                   const char * const  *values,
                                   const char * const  *labels,
                                   guint                selected)
{
  g_autoptr(GtkStringList) model = NULL;
  GtkWidget *list;

  g_return_if_fail (KORAK_IS_DOCUMENT_DIALOG (self));
  g_return_if_fail (values != NULL && labels != NULL);
  g_return_if_fail (g_strv_length ((char **) values) == g_strv_length ((char **) labels));

  g_clear_pointer (&self->values, g_strfreev);
  self->values = g_strdupv ((char **) values);
  model = gtk_string_list_new (labels);

  if (self->choice_row == NULL)
    {
      list = ensure_list (self);
      self->choice_row = ADW_COMBO_ROW (adw_combo_row_new ());
      /* The choice comes first, above any language rows. */
      gtk_list_box_prepend (GTK_LIST_BOX (list), GTK_WIDGET (self->choice_row));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row), title);
  adw_combo_row_set_model (self->choice_row, G_LIST_MODEL (model));
  if (selected < g_strv_length (self->values))
    adw_combo_row_set_selected (self->choice_row, selected);
}

const char *
korak_document_dialog_get_choice (KorakDocumentDialog *self)
{
  guint selected;

  g_return_val_if_fail (KORAK_IS_DOCUMENT_DIALOG (self), NULL);

  if (self->choice_row == NULL || self->values == NULL)
    return NULL;

  selected = adw_combo_row_get_selected (self->choice_row);
  if (selected >= g_strv_length (self->values))
    return NULL;

  return self->values[selected];
}

gboolean
korak_document_dialog_set_choice (KorakDocumentDialog *self,
                                  const char          *value)
{
  g_return_val_if_fail (KORAK_IS_DOCUMENT_DIALOG (self), FALSE);

  for (guint i = 0; self->values != NULL && self->values[i] != NULL; i++)
    if (g_strcmp0 (self->values[i], value) == 0)
      {
        adw_combo_row_set_selected (self->choice_row, i);
        return TRUE;
      }

  return FALSE;
}

GListModel *
korak_document_dialog_get_choice_model (KorakDocumentDialog *self)
{
  g_return_val_if_fail (KORAK_IS_DOCUMENT_DIALOG (self), NULL);

  return self->choice_row != NULL ? adw_combo_row_get_model (self->choice_row) : NULL;
}

KorakDocumentDialog *
korak_document_dialog_find (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KORAK_IS_DOCUMENT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KORAK_DOCUMENT_DIALOG (window);
    }

  return NULL;
}

static void
on_language_selected_cb (KorakDocumentDialog *self)
{
  /* The layout only matters with a second language. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->layout_row),
                            korak_document_dialog_get_language (self) != NULL);
}

/**
 * korak_document_dialog_set_languages:
 * @languages: tags of the languages the document can be printed in as
 *   well, the participant's first
 * @preferred: (nullable): the one to choose at first (the participant's),
 *   or %NULL for none
 *
 * Adds a "Second language" row (None and @languages by name) and a
 * "Layout" row (side by side, or one above the other).
 */
void
korak_document_dialog_set_languages (KorakDocumentDialog *self,
                                     const char * const  *languages,
                                     const char          *preferred)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) layouts = NULL;
  const char *layout_labels[] = {
    _("Side by side"),
    _("One above the other"),
    NULL,
  };
  guint selected = 0;

  g_return_if_fail (KORAK_IS_DOCUMENT_DIALOG (self));
  g_return_if_fail (languages != NULL);

  g_clear_pointer (&self->languages, g_strfreev);
  self->languages = g_strdupv ((char **) languages);

  /* Translators: no second language on a printed document */
  gtk_string_list_append (names, C_("language", "None"));
  for (guint i = 0; languages[i] != NULL; i++)
    {
      /* Translators: a language and its tag, "Arabic (ar)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), korak_language_name (languages[i]), languages[i]);

      gtk_string_list_append (names, label);
      if (g_strcmp0 (languages[i], preferred) == 0)
        selected = i + 1;
    }

  if (self->language_row == NULL)
    {
      GtkWidget *list = ensure_list (self);

      self->language_row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row), _("Second Language"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row),
                                   _("Print the document in the participant’s language as well"));
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->language_row));

      self->layout_row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->layout_row), _("Layout"));
      layouts = gtk_string_list_new (layout_labels);
      adw_combo_row_set_model (self->layout_row, G_LIST_MODEL (layouts));
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->layout_row));

      g_signal_connect_swapped (self->language_row, "notify::selected",
                                G_CALLBACK (on_language_selected_cb), self);
    }

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);
  on_language_selected_cb (self);
}

/* The second language chosen (a tag), or NULL for none. */
const char *
korak_document_dialog_get_language (KorakDocumentDialog *self)
{
  guint selected;

  g_return_val_if_fail (KORAK_IS_DOCUMENT_DIALOG (self), NULL);

  if (self->language_row == NULL || self->languages == NULL)
    return NULL;

  selected = adw_combo_row_get_selected (self->language_row);
  if (selected == 0 || selected > g_strv_length (self->languages))
    return NULL;
  return self->languages[selected - 1];
}

gboolean
korak_document_dialog_set_language (KorakDocumentDialog *self,
                                    const char          *language)
{
  g_return_val_if_fail (KORAK_IS_DOCUMENT_DIALOG (self), FALSE);

  if (self->language_row == NULL)
    return FALSE;
  if (language == NULL)
    {
      adw_combo_row_set_selected (self->language_row, 0);
      return TRUE;
    }
  for (guint i = 0; self->languages != NULL && self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], language))
      {
        adw_combo_row_set_selected (self->language_row, i + 1);
        return TRUE;
      }
  return FALSE;
}

KorakBilingualLayout
korak_document_dialog_get_layout (KorakDocumentDialog *self)
{
  g_return_val_if_fail (KORAK_IS_DOCUMENT_DIALOG (self), KORAK_BILINGUAL_SIDE_BY_SIDE);

  if (self->layout_row == NULL || adw_combo_row_get_selected (self->layout_row) != 1)
    return KORAK_BILINGUAL_SIDE_BY_SIDE;
  return KORAK_BILINGUAL_STACKED;
}

void
korak_document_dialog_set_layout (KorakDocumentDialog  *self,
                                  KorakBilingualLayout  layout)
{
  g_return_if_fail (KORAK_IS_DOCUMENT_DIALOG (self));

  if (self->layout_row != NULL)
    adw_combo_row_set_selected (self->layout_row, layout == KORAK_BILINGUAL_STACKED ? 1 : 0);
}
