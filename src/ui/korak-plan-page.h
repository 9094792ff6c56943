/* korak-plan-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-plan-model.h"

G_BEGIN_DECLS

#define KORAK_TYPE_PLAN_PAGE (korak_plan_page_get_type ())

/* One participant's individual plan: diagnosis, barriers, goals with steps,
 * trainings, review and agreement dates, and the history. Emits "changed"
 * after anything was stored. Actions: plan.save (Ctrl+S), plan.review,
 * plan.agree, plan.add-goal, plan.add-activity. */
G_DECLARE_FINAL_TYPE (KorakPlanPage, korak_plan_page, KORAK, PLAN_PAGE, AdwBin)

void            korak_plan_page_set_participant (KorakPlanPage *self,
                                                 KorakStore    *store,
                                                 gint64         participant_id);
/* Stores the plan as edited; FALSE with the reason shown inline. */
gboolean        korak_plan_page_save            (KorakPlanPage *self);
gboolean        korak_plan_page_has_changes     (KorakPlanPage *self);
const char     *korak_plan_page_get_error       (KorakPlanPage *self);
KorakPlanModel *korak_plan_page_get_model       (KorakPlanPage *self);

G_END_DECLS
