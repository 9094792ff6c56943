/* korak-notes-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-note-list.h"

G_BEGIN_DECLS

#define KORAK_TYPE_NOTES_PAGE (korak_notes_page_get_type ())

/* The notes about one participant (the profile's Notes tab) or one cohort,
 * newest first, each with its translations and their review state. The
 * text of a sensitive note, and of its translations, shows only after Show.
 * Actions: "notes.new" (Ctrl+Shift+J), "notes.edit" (x: note id),
 * "notes.translate" (x: note id; a new translation), "notes.edit-translation"
 * ((xx): note id, translation id). Emits "changed" after something was
 * stored, and activates "win.notes-changed" so the window's review count
 * follows. */
G_DECLARE_FINAL_TYPE (KorakNotesPage, korak_notes_page, KORAK, NOTES_PAGE, AdwBin)

void           korak_notes_page_set_participant (KorakNotesPage *self,
                                                 KorakStore     *store,
                                                 gint64          participant_id);
void           korak_notes_page_set_cohort      (KorakNotesPage *self,
                                                 KorakStore     *store,
                                                 gint64          cohort_id);
gboolean       korak_notes_page_reload          (KorakNotesPage *self);
KorakNoteList *korak_notes_page_get_model       (KorakNotesPage *self);
const char    *korak_notes_page_get_error       (KorakNotesPage *self);

/* The editors, presented; (transfer none) (nullable): NULL with the
 * reason shown on the page. */
GtkWindow     *korak_notes_page_new_note        (KorakNotesPage *self);
GtkWindow     *korak_notes_page_edit_note       (KorakNotesPage *self,
                                                 gint64          note_id);
/* @translation_id 0: a new translation of the note. */
GtkWindow     *korak_notes_page_edit_translation (KorakNotesPage *self,
                                                  gint64          note_id,
                                                  gint64          translation_id);

/* Shows or hides the text of a sensitive note and its translations, as its
 * Show button does. */
void           korak_notes_page_set_revealed    (KorakNotesPage *self,
                                                 gint64          note_id,
                                                 gboolean        revealed);
gboolean       korak_notes_page_get_revealed    (KorakNotesPage *self,
                                                 gint64          note_id);

G_END_DECLS
