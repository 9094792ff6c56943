/* korak-plan-model.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-plan.h"

G_BEGIN_DECLS

#define KORAK_TYPE_GOAL_ITEM (korak_goal_item_get_type ())
G_DECLARE_FINAL_TYPE (KorakGoalItem, korak_goal_item, KORAK, GOAL_ITEM, GObject)

/* The goal inside the model's plan record: edit it in place, then save. */
KorakGoalRecord *korak_goal_item_get_goal     (KorakGoalItem *self);
guint            korak_goal_item_get_position (KorakGoalItem *self);

#define KORAK_TYPE_PLAN_HISTORY_ITEM (korak_plan_history_item_get_type ())
G_DECLARE_FINAL_TYPE (KorakPlanHistoryItem, korak_plan_history_item, KORAK, PLAN_HISTORY_ITEM, GObject)

const KorakPlanReviewRecord *korak_plan_history_item_get_record (KorakPlanHistoryItem *self);

#define KORAK_TYPE_PLAN_MODEL (korak_plan_model_get_type ())
G_DECLARE_FINAL_TYPE (KorakPlanModel, korak_plan_model, KORAK, PLAN_MODEL, GObject)

KorakPlanModel  *korak_plan_model_new           (void);
/* Loads the participant's plan (a new empty one when none is stored), its
 * goals and its history. */
gboolean         korak_plan_model_load          (KorakPlanModel  *self,
                                                 KorakStore      *store,
                                                 gint64           participant_id,
                                                 GError         **error);
KorakStore      *korak_plan_model_get_store     (KorakPlanModel  *self);
gint64           korak_plan_model_get_participant_id (KorakPlanModel *self);
/* The editable plan; call korak_plan_model_goals_changed() after adding or
 * removing goals so the goals model follows. */
KorakPlanRecord *korak_plan_model_get_record    (KorakPlanModel  *self);
/* GListModel of KorakGoalItem, in the plan's order. */
GListModel      *korak_plan_model_get_goals     (KorakPlanModel  *self);
/* GListModel of KorakPlanHistoryItem, newest first. */
GListModel      *korak_plan_model_get_history   (KorakPlanModel  *self);
void             korak_plan_model_goals_changed (KorakPlanModel  *self);
void             korak_plan_model_remove_goal   (KorakPlanModel  *self,
                                                 guint            position);
/* Saves the plan in one transaction, then reloads goals and history. */
gboolean         korak_plan_model_save          (KorakPlanModel     *self,
                                                 KorakPlanSaveKind   kind,
                                                 const char         *date,
                                                 GError            **error);

G_END_DECLS
