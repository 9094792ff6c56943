/* korak-linked-translation.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-linked-translation"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-linked-translation.h"
#include "korak-notes.h"
#include "korak-translation-dialog.h"

char *
korak_linked_translation_status (KorakStore    *store,
                                 KorakLinkKind  kind,
                                 gint64         row_id,
                                 gint64         participant_id,
                                 gboolean      *reviewed)
{
  g_autofree char *language = korak_store_participant_language (store, participant_id);
  g_autoptr(KorakLinkedTranslation) linked = NULL;
  const char *name;

  if (reviewed != NULL)
    *reviewed = FALSE;
  if (row_id == 0 || language == NULL ||
      !(linked = korak_store_get_linked_translation (store, kind, row_id, language, NULL)))
    return NULL;

  if (reviewed != NULL)
    *reviewed = linked->reviewed;
  name = korak_language_name (linked->language);
  if (linked->reviewed)
    /* Translators: %s is a language, "Arabic". */
    return g_strdup_printf (_("Translated into %s · reviewed"), name);
  if (linked->outdated)
    /* Translators: %s is a language; the goal or entry was changed after it was translated. */
    return g_strdup_printf (_("Translated into %s · the original changed, not reviewed"), name);
  /* Translators: %s is a language, "Arabic". */
  return g_strdup_printf (_("Translated into %s · not reviewed"), name);
}

GtkWidget *
korak_linked_translation_indicator_new (KorakStore    *store,
                                        KorakLinkKind  kind,
                                        gint64         row_id,
                                        gint64         participant_id)
{
  gboolean reviewed = FALSE;
  g_autofree char *status = korak_linked_translation_status (store, kind, row_id, participant_id, &reviewed);
  GtkWidget *label;

  if (status == NULL)
    return NULL;

  label = gtk_label_new (status);
  gtk_widget_set_name (label, "translation-status");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, reviewed ? "success" : "warning");
  return label;
}

GtkWindow *
korak_linked_translation_open (GtkWidget      *parent,
                               KorakStore     *store,
                               KorakLinkKind   kind,
                               gint64          row_id,
                               gint64          participant_id,
                               GError        **error)
{
  g_autofree char *language = korak_store_participant_language (store, participant_id);
  g_autoptr(KorakNoteRecord) note = NULL;
  const KorakTranslationRecord *existing = NULL;
  KorakTranslationDialog *dialog;
  gint64 note_id = 0;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!korak_store_ensure_linked_note (store, kind, row_id, KORAK_LINK_ORIGINAL_LANGUAGE, &note_id, error) ||
      !(note = korak_store_get_note (store, note_id, error)))
    return NULL;

  for (guint i = 0; language != NULL && note->translations != NULL && i < note->translations->len; i++)
    {
      const KorakTranslationRecord *t = g_ptr_array_index (note->translations, i);

      if (g_strcmp0 (t->language, language) == 0)
        existing = t;
    }

  if (!(dialog = korak_translation_dialog_new (parent, store, note, existing, error)))
    return NULL;
  /* A new one into her mother tongue; another language stays a choice. */
  if (existing == NULL && language != NULL)
    korak_translation_dialog_set_language (dialog, language);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
