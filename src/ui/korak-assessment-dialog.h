/* korak-assessment-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-area-list.h"
#include "korak-assessment-list.h"
#include "korak-staff-list.h"

G_BEGIN_DECLS

#define KORAK_TYPE_ASSESSMENT_DIALOG (korak_assessment_dialog_get_type ())

/* A new or edited assessment: date, kind, assessor, whether a mediator
 * interpreted (who, in which language) and one row per area with a score
 * (0 = not scored), what that score means on the area's scale, and a
 * remark. Typing a digit in a score
 * sets it and moves on to the next area ("1" waits for a "0" to make 10);
 * Ctrl+Return saves. Emits "saved" with the assessment's id, then closes. */
G_DECLARE_FINAL_TYPE (KorakAssessmentDialog, korak_assessment_dialog, KORAK, ASSESSMENT_DIALOG, AdwWindow)

KorakAssessmentDialog *korak_assessment_dialog_new (GtkWindow                   *parent,
                                                    KorakAssessmentList         *assessments,
                                                    const KorakAssessmentRecord *record);
/* For tests and keyboard navigation. */
guint          korak_assessment_dialog_get_n_areas      (KorakAssessmentDialog *self);
GtkSpinButton *korak_assessment_dialog_get_score_button (KorakAssessmentDialog *self,
                                                         guint                  index);
GtkEditable   *korak_assessment_dialog_get_remark       (KorakAssessmentDialog *self,
                                                         guint                  index);
GtkEditable   *korak_assessment_dialog_get_date         (KorakAssessmentDialog *self);
AdwComboRow   *korak_assessment_dialog_get_kind_row     (KorakAssessmentDialog *self);
const char    *korak_assessment_dialog_get_error        (KorakAssessmentDialog *self);
/* What the score chosen in row @index means (korak_store_describe_score()). */
const char    *korak_assessment_dialog_get_score_description (KorakAssessmentDialog *self,
                                                              guint                  index);
/* "Mediator present", "Mediator" and "Language of the conversation". */
void           korak_assessment_dialog_get_mediator_rows (KorakAssessmentDialog  *self,
                                                          GtkSwitch             **present,
                                                          AdwComboRow           **mediator,
                                                          AdwComboRow           **language);
/* Handles a digit typed in score @index as the keyboard does. */
void           korak_assessment_dialog_type_digit       (KorakAssessmentDialog *self,
                                                         guint                  index,
                                                         guint                  digit);
gboolean       korak_assessment_dialog_save             (KorakAssessmentDialog *self);

G_END_DECLS
