/* korak-progress-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-assessment-dialog.h"
#include "korak-assessment-list.h"

G_BEGIN_DECLS

#define KORAK_TYPE_PROGRESS_PAGE (korak_progress_page_get_type ())

/* One participant's progress: the star chart (intake and latest), a line
 * chart of one area or the average over time, attendance hours per week,
 * and the list of assessments with New, Edit and Delete (with Undo). */
G_DECLARE_FINAL_TYPE (KorakProgressPage, korak_progress_page, KORAK, PROGRESS_PAGE, AdwBin)

/* @participant_id 0 shows nothing. */
void                   korak_progress_page_set_participant (KorakProgressPage *self,
                                                            KorakStore        *store,
                                                            gint64             participant_id);
gboolean               korak_progress_page_reload          (KorakProgressPage  *self,
                                                            GError            **error);
KorakAssessmentList   *korak_progress_page_get_assessments (KorakProgressPage *self);
/* Opens the New Assessment dialog and returns it. */
KorakAssessmentDialog *korak_progress_page_new_assessment  (KorakProgressPage *self);
KorakAssessmentDialog *korak_progress_page_edit_assessment (KorakProgressPage *self,
                                                            gint64             assessment_id);
/* Deletes and offers Undo in a toast. */
gboolean               korak_progress_page_delete_assessment (KorakProgressPage *self,
                                                              gint64             assessment_id);
AdwToast              *korak_progress_page_get_undo_toast  (KorakProgressPage *self);
GtkWidget             *korak_progress_page_get_star_area   (KorakProgressPage *self);
GtkWidget             *korak_progress_page_get_line_area   (KorakProgressPage *self);
GtkWidget             *korak_progress_page_get_attendance_area (KorakProgressPage *self);
GtkListBox            *korak_progress_page_get_list_box    (KorakProgressPage *self);
/* The text given to the accessibility tree for each chart. */
const char            *korak_progress_page_get_star_description       (KorakProgressPage *self);
const char            *korak_progress_page_get_line_description       (KorakProgressPage *self);
const char            *korak_progress_page_get_attendance_description (KorakProgressPage *self);

void korak_progress_page_reload_small_wins (KorakProgressPage *self);

guint korak_progress_page_get_n_small_wins (KorakProgressPage *self);

G_END_DECLS
