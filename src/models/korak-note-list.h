/* korak-note-list.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-notes.h"
#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_NOTE_ITEM (korak_note_item_get_type ())

G_DECLARE_FINAL_TYPE (KorakNoteItem, korak_note_item, KORAK, NOTE_ITEM, GObject)

/* The note with its translations, as last read. */
const KorakNoteRecord        *korak_note_item_get_record      (KorakNoteItem *self);
gint64                        korak_note_item_get_id          (KorakNoteItem *self);
/* The translation into @language, or NULL. */
const KorakTranslationRecord *korak_note_item_get_translation (KorakNoteItem *self,
                                                               const char    *language);

#define KORAK_TYPE_NOTE_LIST (korak_note_list_get_type ())

/* A GListModel of KorakNoteItem: the notes about one participant or one
 * cohort, newest first, each with its translations. Read again with
 * korak_note_list_reload() after a change. */
G_DECLARE_FINAL_TYPE (KorakNoteList, korak_note_list, KORAK, NOTE_LIST, GObject)

/* One of @participant_id and @cohort_id is not 0. */
KorakNoteList *korak_note_list_new                (KorakStore     *store,
                                                   gint64          participant_id,
                                                   gint64          cohort_id);
KorakStore    *korak_note_list_get_store          (KorakNoteList  *self);
gint64         korak_note_list_get_participant_id (KorakNoteList  *self);
gint64         korak_note_list_get_cohort_id      (KorakNoteList  *self);
gboolean       korak_note_list_reload             (KorakNoteList  *self,
                                                   GError        **error);
KorakNoteItem *korak_note_list_lookup             (KorakNoteList  *self,
                                                   gint64          note_id);
gboolean       korak_note_list_find               (KorakNoteList  *self,
                                                   gint64          note_id,
                                                   guint          *position);

G_END_DECLS
