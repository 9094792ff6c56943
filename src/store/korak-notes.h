/* korak-notes.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "korak-participant-record.h"
#include "korak-store.h"

G_BEGIN_DECLS

/* Notes on a participant or a cohort, written in one language, and their
 * translations into others, which an intercultural mediator reviews before
 * anyone relies on them.
 *
 * A translation moves through
 *
 *   draft ──submit──▶ needs_review ──review──▶ reviewed
 *                          │  ▲                   │
 *                     return  └──── edit ─────────┘
 *                          ▼        ▲
 *                       returned ───┘ (edit, then submit again)
 *
 * Editing the text of a reviewed translation sends it back to needs_review.
 * Every change of text or state keeps the earlier version, so what was
 * reviewed, returned and why can always be shown. */

#define KORAK_TRANSLATION_DRAFT        "draft"
#define KORAK_TRANSLATION_NEEDS_REVIEW "needs_review"
#define KORAK_TRANSLATION_REVIEWED     "reviewed"
#define KORAK_TRANSLATION_RETURNED     "returned"

/* draft, needs_review, reviewed, returned, with translated labels. */
const KorakChoice *korak_translation_states (void);

/* Language tags (BCP 47: sl, hr, sq, ar, fa, uk, …) a note can be written
 * in, with their names in the interface language: the participant's mother
 * tongue and other languages first (when @participant_id is not 0), then
 * Slovenian, then the rest by name. Returned as a NULL-terminated array of
 * tags; korak_language_name() gives the label. A participant's languages
 * are free text ("albanščina, srbščina (osnovno)", "Arabic", "ar"):
 * korak_language_from_text() maps each to a tag where it can. A note may
 * also be in any other well-formed tag (ku-Arab); korak_language_name()
 * gives such a tag back as it is. NOT_FOUND for an unknown participant. */
GStrv       korak_store_note_languages (KorakStore  *store,
                                        gint64       participant_id,
                                        GError     **error);
const char *korak_language_name        (const char  *tag);
/* TRUE for Arabic, Persian, Hebrew, Urdu, Pashto… and for a tag with a
 * right-to-left script (ku-Arab). */
gboolean    korak_language_is_rtl      (const char  *tag);
/* A language whose printed documents a reader of @tag reads as her own,
 * offered when @tag has none of its own: Bosnian, Serbian (Latin) and
 * Montenegrin → Croatian ("hr"). NULL when there is none. */
const char *korak_language_neighbour   (const char  *tag);
/* The tag for a language name as people write it ("albanščina", "Shqip",
 * "Albanian", "sq"), or NULL. (transfer full) */
char       *korak_language_from_text   (const char  *text);
/* @tag in its usual spelling (sr-latn → sr-Latn), or NULL when it is not a
 * well-formed language tag. (transfer full) */
char       *korak_language_normalize   (const char  *tag);

typedef struct
{
  gint64    id;                /* 0: new */
  gint64    note_id;
  char     *language;          /* required, differs from the note's */
  char     *text;              /* required */
  char     *state;             /* KORAK_TRANSLATION_*; read only: use the calls below */
  gint64    translator_id;     /* staff, optional */
  char     *translator_name;   /* read only */
  gint64    reviewer_id;       /* read only: who reviewed or returned it */
  char     *reviewer_name;     /* read only */
  char     *reviewed_at;       /* read only */
  char     *comment;           /* read only: the reviewer's comment when returned */
  int       version;           /* read only: 1, 2, … */
  char     *updated_at;        /* read only; in a version: when that version was made */
  char     *submitted_at;      /* read only: when it last went to review (UTC, ms) */
  gint64    updated_by;        /* read only: staff who made this version, 0: unknown */
  char     *updated_by_name;   /* read only */
} KorakTranslationRecord;

typedef struct
{
  gint64     id;               /* 0: new */
  gint64     participant_id;   /* one of participant_id and cohort_id is required */
  gint64     cohort_id;
  char      *date;             /* required, ISO */
  char      *language;         /* required, a tag */
  char      *text;             /* required */
  gboolean   sensitive;        /* health, family, …: shown only on purpose */
  gint64     author_id;        /* staff, optional */
  char      *author_name;      /* read only */
  char      *subject_name;     /* read only: the participant's or cohort's name */
  gboolean   mediator_present; /* a mediator was there; TRUE whenever mediator_id is set */
  gint64     mediator_id;      /* staff (a mediator), 0: none or not recorded */
  char      *mediator_name;    /* read only */
  char      *conversation_language; /* the tag of the language the conversation ran in
                                     * (not the note's own), NULL: not recorded */
  gint64     goal_id;          /* read only: the goal whose text this note carries (korak-note-links.h) */
  gint64     journal_entry_id; /* read only: the small win or milestone whose text it carries */
  GPtrArray *translations;     /* read only: KorakTranslationRecord*, by language */
} KorakNoteRecord;

KorakNoteRecord        *korak_note_record_new          (void);
KorakNoteRecord        *korak_note_record_copy         (const KorakNoteRecord *record);
void                    korak_note_record_free         (KorakNoteRecord       *record);
KorakTranslationRecord *korak_translation_record_new   (void);
KorakTranslationRecord *korak_translation_record_copy  (const KorakTranslationRecord *record);
void                    korak_translation_record_free  (KorakTranslationRecord       *record);

/* Insert or update; validation errors are KORAK_STORE_ERROR_INVALID with a
 * translated message (empty text, no subject or both a participant and a
 * cohort, invalid date or language, an unknown author, the language of one
 * of its translations, a mediator not on the staff list, a conversation
 * language that is not a tag); NOT_FOUND for a participant, cohort or note that is
 * gone. On success @record->id is set and the read-only fields are read
 * back (the text is stored exactly as given). The author is not filled in:
 * pass korak_store_get_actor_id() for "me". */
gboolean   korak_store_save_note         (KorakStore       *store,
                                          KorakNoteRecord  *record,
                                          GError          **error);
gboolean   korak_store_delete_note       (KorakStore       *store,
                                          gint64            note_id,
                                          GError          **error);
/* Newest first (date, then when written), with their translations.
 * @participant_id or @cohort_id: the notes about that participant, or
 * about that cohort as a group (not its members' own notes); both 0: none. */
GPtrArray *korak_store_list_notes        (KorakStore       *store,
                                          gint64            participant_id,
                                          gint64            cohort_id,
                                          GError          **error);
KorakNoteRecord *korak_store_get_note    (KorakStore       *store,
                                          gint64            note_id,
                                          GError          **error);

/* Saves the text (a new translation starts as a draft, version 1). If the
 * text of a reviewed translation changes, it goes back to needs_review; a
 * returned one stays returned until it is submitted. A change of text or
 * language keeps the earlier version; a change of translator alone does
 * not make a version. The translation's language must differ from the
 * note's, and a note has one translation per language. On success @record
 * is read back (id, state, version, names). */
gboolean   korak_store_save_translation  (KorakStore              *store,
                                          KorakTranslationRecord  *record,
                                          GError                 **error);
/* draft or returned → needs_review. Submit, review and return refuse any
 * other transition with KORAK_STORE_ERROR_INVALID and a message that says
 * why; each runs in one transaction that first keeps the earlier version. */
gboolean   korak_store_submit_translation (KorakStore  *store,
                                           gint64       translation_id,
                                           GError     **error);
/* needs_review → reviewed, by @reviewer_id (a mediator; 0: the actor). */
gboolean   korak_store_review_translation (KorakStore  *store,
                                           gint64       translation_id,
                                           gint64       reviewer_id,
                                           GError     **error);
/* needs_review → returned, with a required comment. */
gboolean   korak_store_return_translation (KorakStore  *store,
                                           gint64       translation_id,
                                           gint64       reviewer_id,
                                           const char  *comment,
                                           GError     **error);
gboolean   korak_store_delete_translation (KorakStore  *store,
                                           gint64       translation_id,
                                           GError     **error);
/* Every earlier version, newest first (KorakTranslationRecord*, with the
 * state, text, comment and who at that version: id is the translation's,
 * version the number that version had, updated_at and updated_by when and
 * by whom it was made). The current version is not among them. */
GPtrArray *korak_store_list_translation_versions (KorakStore  *store,
                                                  gint64       translation_id,
                                                  GError     **error);

/* The mediator's queue: translations in needs_review, the longest waiting
 * first, each with its note (record->translations holds just that one
 * translation). @language: a tag or NULL for all; @cohort_id: 0 for all (a
 * participant's note belongs to the cohort of their active enrolment, else
 * of their latest one; a cohort's note to that cohort). */
GPtrArray *korak_store_list_review_queue (KorakStore  *store,
                                          const char  *language,
                                          gint64       cohort_id,
                                          GError     **error);
gint64     korak_store_count_review_queue (KorakStore  *store,
                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakNoteRecord, korak_note_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakTranslationRecord, korak_translation_record_free)

G_END_DECLS
