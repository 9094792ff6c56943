/* korak-note-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-notes.h"

G_BEGIN_DECLS

#define KORAK_TYPE_NOTE_DIALOG (korak_note_dialog_get_type ())

/* Writes a new note about a participant or a cohort, or edits one: date,
 * language (the participant's languages first), text, whether it is
 * sensitive, and whether a mediator interpreted (who, in which language). Right-to-left text (Arabic, Persian) is written right to left.
 * "note.save" (Ctrl+Return) stores it, emits "saved" with the note's id and
 * closes; a problem is shown above the form and the dialog stays. */
G_DECLARE_FINAL_TYPE (KorakNoteDialog, korak_note_dialog, KORAK, NOTE_DIALOG, AdwWindow)

/* @note: (nullable): the note to edit, else a new one about @participant_id
 * or @cohort_id. NULL with @error when the languages cannot be read. */
KorakNoteDialog *korak_note_dialog_new              (GtkWidget             *parent,
                                                     KorakStore            *store,
                                                     gint64                 participant_id,
                                                     gint64                 cohort_id,
                                                     const KorakNoteRecord *note,
                                                     GError               **error);
gboolean         korak_note_dialog_save             (KorakNoteDialog       *self);
const char      *korak_note_dialog_get_error        (KorakNoteDialog       *self);
GtkTextView     *korak_note_dialog_get_text_view    (KorakNoteDialog       *self);
AdwEntryRow     *korak_note_dialog_get_date_row     (KorakNoteDialog       *self);
AdwComboRow     *korak_note_dialog_get_language_row (KorakNoteDialog       *self);
GtkSwitch       *korak_note_dialog_get_sensitive_switch (KorakNoteDialog   *self);
/* "Mediator present", "Mediator" and "Language of the conversation". */
void             korak_note_dialog_get_mediator_rows (KorakNoteDialog  *self,
                                                      GtkSwitch       **present,
                                                      AdwComboRow     **mediator,
                                                      AdwComboRow     **language);
/* Chooses @tag in the language row; FALSE when it is not offered. */
gboolean         korak_note_dialog_set_language     (KorakNoteDialog       *self,
                                                     const char            *tag);

G_END_DECLS
