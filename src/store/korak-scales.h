/* korak-scales.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "korak-store.h"

G_BEGIN_DECLS

/* Scales with words: each competency area's 1–10 scale is cut into bands
 * (one point or several), each with a short description a participant can
 * understand ("uses e-government services without help"). Migration 10
 * seeds four bands for each seeded area, in English, translated through
 * po/ like the area names (korak_scale_band_label()); a description a
 * mentor typed is shown as typed, and has its own translations per
 * language (language tags, as in korak-notes.h). */

typedef struct
{
  char *language;      /* a language tag, required */
  char *text;          /* required */
} KorakBandTranslation;

typedef struct
{
  gint64     id;
  gint64     area_id;        /* required */
  int        score_from;     /* 1..10 */
  int        score_to;       /* score_from..10 */
  char      *description;    /* required; a seeded one is an English msgid */
  GPtrArray *translations;   /* KorakBandTranslation*, owned, by language */
} KorakBandRecord;

KorakBandRecord *korak_band_record_new   (void);
KorakBandRecord *korak_band_record_copy  (const KorakBandRecord *record);
void             korak_band_record_free  (KorakBandRecord *record);
/* Adds or replaces the translation into @language (NULL or empty @text removes it). */
void             korak_band_record_set_translation (KorakBandRecord *record,
                                                    const char      *language,
                                                    const char      *text);
/* The typed translation into @language, or NULL. */
const char      *korak_band_record_get_translation (const KorakBandRecord *record,
                                                    const char            *language);

/* Whether @description is one migration 10 seeded (an English msgid). */
gboolean         korak_scale_band_is_seeded (const char *description);
/* The description in the interface language: a seeded one translated, a
 * typed one as typed. */
const char      *korak_scale_band_label     (const char *description);

/* KorakBandRecord* of @area_id (0: of every area), by area order then score. */
GPtrArray       *korak_store_list_bands     (KorakStore  *store,
                                             gint64       area_id,
                                             GError     **error);
/* Inserts (id 0, sets it) or replaces a band and its translations. Refuses
 * scores outside 1..10, score_to below score_from, an empty description,
 * and a band that overlaps another band of the same area. */
gboolean         korak_store_save_band      (KorakStore       *store,
                                             KorakBandRecord  *record,
                                             GError          **error);
gboolean         korak_store_delete_band    (KorakStore  *store,
                                             gint64       band_id,
                                             GError     **error);
/* The band of @area_id that holds @score, or NULL (no error) when none does. */
KorakBandRecord *korak_store_find_band      (KorakStore  *store,
                                             gint64       area_id,
                                             int          score,
                                             GError     **error);
/* The description of @score in the interface language, or NULL. (transfer full) */
char            *korak_store_describe_score (KorakStore  *store,
                                             gint64       area_id,
                                             int          score);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakBandRecord, korak_band_record_free)

G_END_DECLS
