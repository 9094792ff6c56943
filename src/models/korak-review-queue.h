/* korak-review-queue.h
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

#define KORAK_TYPE_REVIEW_ITEM (korak_review_item_get_type ())

G_DECLARE_FINAL_TYPE (KorakReviewItem, korak_review_item, KORAK, REVIEW_ITEM, GObject)

/* The note, with just the translation to review in record->translations. */
const KorakNoteRecord        *korak_review_item_get_note        (KorakReviewItem *self);
const KorakTranslationRecord *korak_review_item_get_translation (KorakReviewItem *self);
gint64                        korak_review_item_get_id          (KorakReviewItem *self);

#define KORAK_TYPE_REVIEW_QUEUE (korak_review_queue_get_type ())

/* A GListModel of KorakReviewItem: the translations that need a mediator's
 * review, oldest first, narrowed to one language and one cohort when those
 * filters are set. The "count" property is the number needing review
 * whatever the filters (for the sidebar's badge); "languages" the languages
 * of the translations waiting. Every change made through the queue reads
 * it again. */
G_DECLARE_FINAL_TYPE (KorakReviewQueue, korak_review_queue, KORAK, REVIEW_QUEUE, GObject)

KorakReviewQueue *korak_review_queue_new           (KorakStore        *store);
KorakStore       *korak_review_queue_get_store     (KorakReviewQueue  *self);
gboolean          korak_review_queue_reload        (KorakReviewQueue  *self,
                                                    GError           **error);
/* Filters, applied by the next reload; NULL / 0 for all. */
void              korak_review_queue_set_language  (KorakReviewQueue  *self,
                                                    const char        *language);
const char       *korak_review_queue_get_language  (KorakReviewQueue  *self);
void              korak_review_queue_set_cohort_id (KorakReviewQueue  *self,
                                                    gint64             cohort_id);
gint64            korak_review_queue_get_cohort_id (KorakReviewQueue  *self);
guint             korak_review_queue_get_count     (KorakReviewQueue  *self);
/* (transfer none): NULL-terminated tags, by name. */
const char * const *korak_review_queue_get_languages (KorakReviewQueue *self);
gboolean          korak_review_queue_find          (KorakReviewQueue  *self,
                                                    gint64             translation_id,
                                                    guint             *position);

/* The mediator's actions, each followed by a reload. @reviewer_id 0: the
 * actor of the store. */
gboolean          korak_review_queue_save_text     (KorakReviewQueue  *self,
                                                    gint64             translation_id,
                                                    const char        *text,
                                                    GError           **error);
gboolean          korak_review_queue_mark_reviewed (KorakReviewQueue  *self,
                                                    gint64             translation_id,
                                                    gint64             reviewer_id,
                                                    GError           **error);
gboolean          korak_review_queue_return        (KorakReviewQueue  *self,
                                                    gint64             translation_id,
                                                    gint64             reviewer_id,
                                                    const char        *comment,
                                                    GError           **error);

G_END_DECLS
