/* korak-translation-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-notes.h"

G_BEGIN_DECLS

#define KORAK_TYPE_TRANSLATION_DIALOG (korak_translation_dialog_get_type ())

/* Writes or corrects the translation of a note beside its original (read
 * only): language, text, translator. "translation.save" (Ctrl+S) stores it
 * (a new one as a draft), "translation.submit" (Ctrl+Return) stores it and
 * asks the mediator to review it. Earlier versions, with the reviewer's
 * comments, are under an expander. Emits "saved" with the translation's id
 * and closes. */
G_DECLARE_FINAL_TYPE (KorakTranslationDialog, korak_translation_dialog, KORAK, TRANSLATION_DIALOG, AdwWindow)

/* @translation: (nullable): the translation to edit, else a new one.
 * NULL with @error when the languages or versions cannot be read, or the
 * note is translated into every language offered. */
KorakTranslationDialog *korak_translation_dialog_new (GtkWidget                    *parent,
                                                      KorakStore                   *store,
                                                      const KorakNoteRecord        *note,
                                                      const KorakTranslationRecord *translation,
                                                      GError                      **error);
gboolean     korak_translation_dialog_save           (KorakTranslationDialog *self,
                                                      gboolean                submit);
const char  *korak_translation_dialog_get_error      (KorakTranslationDialog *self);
GtkTextView *korak_translation_dialog_get_text_view  (KorakTranslationDialog *self);
GtkTextView *korak_translation_dialog_get_original_view (KorakTranslationDialog *self);
AdwComboRow *korak_translation_dialog_get_language_row (KorakTranslationDialog *self);
AdwComboRow *korak_translation_dialog_get_translator_row (KorakTranslationDialog *self);
gboolean     korak_translation_dialog_set_language   (KorakTranslationDialog *self,
                                                      const char             *tag);
/* The earlier versions shown. */
guint        korak_translation_dialog_get_n_versions (KorakTranslationDialog *self);

G_END_DECLS
