/* korak-plan-model.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-plan-model"

#include "config.h"

#include "korak-plan-model.h"

/* ---------------------------------------------------------------- goal item */

struct _KorakGoalItem
{
  GObject          parent_instance;

  KorakGoalRecord *goal;      /* owned by the plan record */
  guint            position;
};

G_DEFINE_FINAL_TYPE (KorakGoalItem, korak_goal_item, G_TYPE_OBJECT)

static void korak_goal_item_class_init (KorakGoalItemClass *klass) { }
static void korak_goal_item_init (KorakGoalItem *self) { }

KorakGoalRecord *
korak_goal_item_get_goal (KorakGoalItem *self)
{
  g_return_val_if_fail (KORAK_IS_GOAL_ITEM (self), NULL);
  return self->goal;
}

guint
korak_goal_item_get_position (KorakGoalItem *self)
{
  g_return_val_if_fail (KORAK_IS_GOAL_ITEM (self), 0);
  return self->position;
}

/* ------------------------------------------------------------- history item */

struct _KorakPlanHistoryItem
{
  GObject                parent_instance;

  KorakPlanReviewRecord *record;
};

G_DEFINE_FINAL_TYPE (KorakPlanHistoryItem, korak_plan_history_item, G_TYPE_OBJECT)

static void
korak_plan_history_item_finalize (GObject *object)
{
  KorakPlanHistoryItem *self = (KorakPlanHistoryItem *)object;

  g_clear_pointer (&self->record, korak_plan_review_record_free);
  G_OBJECT_CLASS (korak_plan_history_item_parent_class)->finalize (object);
}

static void
korak_plan_history_item_class_init (KorakPlanHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = korak_plan_history_item_finalize;
}

static void korak_plan_history_item_init (KorakPlanHistoryItem *self) { }

const KorakPlanReviewRecord *
korak_plan_history_item_get_record (KorakPlanHistoryItem *self)
{
  g_return_val_if_fail (KORAK_IS_PLAN_HISTORY_ITEM (self), NULL);
  return self->record;
}

/* --------------------------------------------------------------- plan model */

struct _KorakPlanModel
{
  GObject          parent_instance;

  KorakStore      *store;
  gint64           participant_id;
  KorakPlanRecord *record;
  GListStore      *goals;
  GListStore      *history;
};

G_DEFINE_FINAL_TYPE (KorakPlanModel, korak_plan_model, G_TYPE_OBJECT)

static void
korak_plan_model_dispose (GObject *object)
{
  KorakPlanModel *self = (KorakPlanModel *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->goals);
  g_clear_object (&self->history);
  g_clear_pointer (&self->record, korak_plan_record_free);

  G_OBJECT_CLASS (korak_plan_model_parent_class)->dispose (object);
}

static void
korak_plan_model_class_init (KorakPlanModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = korak_plan_model_dispose;
}

static void
korak_plan_model_init (KorakPlanModel *self)
{
  self->goals = g_list_store_new (KORAK_TYPE_GOAL_ITEM);
  self->history = g_list_store_new (KORAK_TYPE_PLAN_HISTORY_ITEM);
}

KorakPlanModel *
korak_plan_model_new (void)
{
  return g_object_new (KORAK_TYPE_PLAN_MODEL, NULL);
}

void
korak_plan_model_goals_changed (KorakPlanModel *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (KORAK_IS_PLAN_MODEL (self));

  for (guint i = 0; self->record && i < self->record->goals->len; i++)
    {
      KorakGoalItem *item = g_object_new (KORAK_TYPE_GOAL_ITEM, NULL);

      item->goal = g_ptr_array_index (self->record->goals, i);
      item->position = i;
      g_ptr_array_add (items, item);
    }
  /* One items-changed for the whole list. */
  g_list_store_splice (self->goals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->goals)),
                       items->pdata, items->len);
}

void
korak_plan_model_remove_goal (KorakPlanModel *self,
                              guint           position)
{
  g_return_if_fail (KORAK_IS_PLAN_MODEL (self));
  g_return_if_fail (self->record != NULL && position < self->record->goals->len);

  g_ptr_array_remove_index (self->record->goals, position);
  korak_plan_model_goals_changed (self);
}

static gboolean
reload_history (KorakPlanModel  *self,
                GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->record->id != 0)
    {
      if (!(records = korak_store_list_plan_history (self->store, self->record->id, error)))
        return FALSE;
      g_ptr_array_set_free_func (records, NULL);
      for (guint i = 0; i < records->len; i++)
        {
          KorakPlanHistoryItem *item = g_object_new (KORAK_TYPE_PLAN_HISTORY_ITEM, NULL);

          item->record = g_ptr_array_index (records, i);
          g_ptr_array_add (items, item);
        }
    }
  g_list_store_splice (self->history, 0, g_list_model_get_n_items (G_LIST_MODEL (self->history)),
                       items->pdata, items->len);
  return TRUE;
}

gboolean
korak_plan_model_load (KorakPlanModel  *self,
                       KorakStore      *store,
                       gint64           participant_id,
                       GError         **error)
{
  KorakPlanRecord *record;

  g_return_val_if_fail (KORAK_IS_PLAN_MODEL (self), FALSE);
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!(record = korak_store_get_plan (store, participant_id, error)))
    return FALSE;

  g_set_object (&self->store, store);
  self->participant_id = participant_id;
  /* Drop the items that point into the old record first. */
  g_list_store_remove_all (self->goals);
  g_clear_pointer (&self->record, korak_plan_record_free);
  self->record = record;
  korak_plan_model_goals_changed (self);
  return reload_history (self, error);
}

KorakStore *
korak_plan_model_get_store (KorakPlanModel *self)
{
  g_return_val_if_fail (KORAK_IS_PLAN_MODEL (self), NULL);
  return self->store;
}

gint64
korak_plan_model_get_participant_id (KorakPlanModel *self)
{
  g_return_val_if_fail (KORAK_IS_PLAN_MODEL (self), 0);
  return self->participant_id;
}

KorakPlanRecord *
korak_plan_model_get_record (KorakPlanModel *self)
{
  g_return_val_if_fail (KORAK_IS_PLAN_MODEL (self), NULL);
  return self->record;
}

GListModel *
korak_plan_model_get_goals (KorakPlanModel *self)
{
  g_return_val_if_fail (KORAK_IS_PLAN_MODEL (self), NULL);
  return G_LIST_MODEL (self->goals);
}

GListModel *
korak_plan_model_get_history (KorakPlanModel *self)
{
  g_return_val_if_fail (KORAK_IS_PLAN_MODEL (self), NULL);
  return G_LIST_MODEL (self->history);
}

gboolean
korak_plan_model_save (KorakPlanModel     *self,
                       KorakPlanSaveKind   kind,
                       const char         *date,
                       GError            **error)
{
  g_return_val_if_fail (KORAK_IS_PLAN_MODEL (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (!korak_store_save_plan (self->store, self->record, kind, date, error))
    return FALSE;
  return reload_history (self, error);
}
