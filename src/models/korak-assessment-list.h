/* korak-assessment-list.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-assessment.h"
#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_ASSESSMENT_ITEM (korak_assessment_item_get_type ())

G_DECLARE_FINAL_TYPE (KorakAssessmentItem, korak_assessment_item, KORAK, ASSESSMENT_ITEM, GObject)

const KorakAssessmentRecord *korak_assessment_item_get_record (KorakAssessmentItem *self);
gint64                       korak_assessment_item_get_id     (KorakAssessmentItem *self);
/* "Intake · 2. 3. 2026" */
char                        *korak_assessment_item_dup_title  (KorakAssessmentItem *self);
/* "Average 5.4 · 10 areas · Maja Novak" */
char                        *korak_assessment_item_dup_subtitle (KorakAssessmentItem *self);

#define KORAK_TYPE_ASSESSMENT_LIST (korak_assessment_list_get_type ())

/* A GListModel of one participant's KorakAssessmentItem, newest first, and
 * the numbers the progress charts draw. */
G_DECLARE_FINAL_TYPE (KorakAssessmentList, korak_assessment_list, KORAK, ASSESSMENT_LIST, GObject)

KorakAssessmentList *korak_assessment_list_new        (KorakStore             *store,
                                                       gint64                  participant_id);
KorakStore          *korak_assessment_list_get_store  (KorakAssessmentList    *self);
gint64               korak_assessment_list_get_participant_id (KorakAssessmentList *self);
gboolean             korak_assessment_list_reload     (KorakAssessmentList    *self,
                                                       GError                **error);
/* Each writes through the store, then reloads. */
gboolean             korak_assessment_list_save       (KorakAssessmentList    *self,
                                                       KorakAssessmentRecord  *record,
                                                       GError                **error);
gboolean             korak_assessment_list_delete     (KorakAssessmentList    *self,
                                                       gint64                  id,
                                                       GError                **error);
gboolean             korak_assessment_list_restore    (KorakAssessmentList    *self,
                                                       const KorakAssessmentRecord *record,
                                                       GError                **error);

/* Chart data, see korak-assessment.h. */
KorakStarSummary    *korak_assessment_list_star_summary   (KorakAssessmentList *self,
                                                           GError             **error);
GPtrArray           *korak_assessment_list_progress_lines (KorakAssessmentList *self,
                                                           GError             **error);
GArray              *korak_assessment_list_week_hours     (KorakAssessmentList *self,
                                                           double              *required_per_week,
                                                           GError             **error);

G_END_DECLS
