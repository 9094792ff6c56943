/* korak-review-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-review-queue.h"

G_BEGIN_DECLS

#define KORAK_TYPE_REVIEW_PAGE (korak_review_page_get_type ())

/* The intercultural mediator's Review view: the translations waiting for
 * review, filtered by language and cohort, and for the one selected its
 * original (read only) beside the translation (editable). Everything works
 * from the keyboard: "review.mark-reviewed" (Ctrl+Return), "review.return"
 * (Ctrl+Shift+R; asks for a comment), "review.save" (Ctrl+S; the
 * translation stays in the list), "review.next" (Alt+Down) and
 * "review.previous" (Alt+Up). A correction typed and not saved is saved
 * before any of them. */
G_DECLARE_FINAL_TYPE (KorakReviewPage, korak_review_page, KORAK, REVIEW_PAGE, AdwBin)

/* The queue is shared with the window, whose sidebar shows its count. */
void              korak_review_page_set_queue       (KorakReviewPage  *self,
                                                     KorakReviewQueue *queue);
KorakReviewQueue *korak_review_page_get_queue       (KorakReviewPage  *self);
/* Stores a correction typed and not yet saved; %FALSE (with the reason
 * shown) when it could not be. */
gboolean          korak_review_page_save            (KorakReviewPage  *self);
/* Reads the queue and the cohorts again. */
gboolean          korak_review_page_reload          (KorakReviewPage  *self);
gboolean          korak_review_page_select          (KorakReviewPage  *self,
                                                     gint64            translation_id);
/* The translation shown, or 0. */
gint64            korak_review_page_get_selected_id (KorakReviewPage  *self);
/* "empty" (nothing needs review), "no-match" (none for the filters) or "list". */
const char       *korak_review_page_get_state       (KorakReviewPage  *self);
const char       *korak_review_page_get_error       (KorakReviewPage  *self);
GtkTextView      *korak_review_page_get_original_view    (KorakReviewPage *self);
GtkTextView      *korak_review_page_get_translation_view (KorakReviewPage *self);
GtkListBox       *korak_review_page_get_list_box    (KorakReviewPage  *self);
GtkDropDown      *korak_review_page_get_language_dropdown (KorakReviewPage *self);
GtkDropDown      *korak_review_page_get_cohort_dropdown   (KorakReviewPage *self);
/* Chooses a filter as its dropdown does: NULL / 0 for all. */
gboolean          korak_review_page_set_language_filter (KorakReviewPage *self,
                                                         const char      *language);
gboolean          korak_review_page_set_cohort_filter   (KorakReviewPage *self,
                                                         gint64           cohort_id);
/* Return…: the dialog asking for the comment (an AdwMessageDialog whose
 * extra child is the entry; response "return"), presented. */
GtkWindow        *korak_review_page_return          (KorakReviewPage  *self);

G_END_DECLS
