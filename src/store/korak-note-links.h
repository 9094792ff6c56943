/* korak-note-links.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "korak-store.h"

G_BEGIN_DECLS

/* A participant's own texts, goals and small wins, are translated through
 * the notes workflow: a *linked note* (note.goal_id or
 * note.journal_entry_id) holds the goal's description or the journal
 * entry's text in its original language, and its ordinary translations go
 * through the mediator's review (korak-notes.h). The linked note goes with
 * its goal or entry (ON DELETE CASCADE).
 *
 * Keeping in step: saving a plan does not touch linked notes. A linked
 * note whose text differs from its goal's (or entry's) current text is
 * *outdated*: its translations translate words that are no longer there,
 * so none of them counts as reviewed (korak_store_get_linked_translation()).
 * korak_store_ensure_linked_note() brings the note up to date, and sends
 * its reviewed translations back to the mediator (needs_review, an earlier
 * version kept), in one transaction. */

typedef enum
{
  KORAK_LINK_GOAL,
  KORAK_LINK_JOURNAL_ENTRY,
} KorakLinkKind;

typedef struct
{
  char     *text;            /* the translation */
  char     *language;        /* its language, a tag */
  char     *state;           /* KORAK_TRANSLATION_* */
  gboolean  reviewed;        /* state reviewed and the original unchanged since */
  gboolean  outdated;        /* the goal's or entry's text changed since the note */
  gint64    note_id;
  gint64    translation_id;
} KorakLinkedTranslation;

void korak_linked_translation_free (KorakLinkedTranslation *translation);

/* The linked note of the goal or journal entry @row_id, created when
 * missing (about the participant, in @language: a tag, the language the
 * goal or entry is written in; dated today for a goal, the entry's day for
 * an entry; the actor as author). An existing note keeps its language;
 * when its text no longer matches, it is updated as described above.
 * NOT_FOUND for a goal or entry that is not stored (save the plan first),
 * INVALID for a bad @language. */
gboolean korak_store_ensure_linked_note (KorakStore     *store,
                                         KorakLinkKind   kind,
                                         gint64          row_id,
                                         const char     *language,
                                         gint64         *out_note_id,
                                         GError        **error);
/* The linked note's id, 0 (no error) when there is none. */
gint64   korak_store_find_linked_note   (KorakStore     *store,
                                         KorakLinkKind   kind,
                                         gint64          row_id,
                                         GError        **error);
/* The translation into @language (a tag) of the goal's or entry's linked
 * note, or NULL with no error when there is none. reviewed is TRUE only
 * when the translation is reviewed and the note's text equals the goal's
 * or entry's current text; otherwise outdated tells whether the original
 * changed. */
KorakLinkedTranslation *korak_store_get_linked_translation (KorakStore     *store,
                                                            KorakLinkKind   kind,
                                                            gint64          row_id,
                                                            const char     *language,
                                                            GError        **error);

/* The participant's mother tongue as a language tag (from the free text,
 * korak_language_from_text()), or NULL when it is empty or not known. */
char    *korak_store_participant_language (KorakStore  *store,
                                           gint64       participant_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakLinkedTranslation, korak_linked_translation_free)

G_END_DECLS
