/* korak-assessment-list.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-assessment-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "korak-assessment-list.h"
#include "korak-date.h"

struct _KorakAssessmentItem
{
  GObject                parent_instance;

  KorakAssessmentRecord *record;
};

G_DEFINE_FINAL_TYPE (KorakAssessmentItem, korak_assessment_item, G_TYPE_OBJECT)

static void
korak_assessment_item_finalize (GObject *object)
{
  KorakAssessmentItem *self = (KorakAssessmentItem *)object;

  g_clear_pointer (&self->record, korak_assessment_record_free);

  G_OBJECT_CLASS (korak_assessment_item_parent_class)->finalize (object);
}

static void
korak_assessment_item_class_init (KorakAssessmentItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = korak_assessment_item_finalize;
}

static void
korak_assessment_item_init (KorakAssessmentItem *self)
{
}

const KorakAssessmentRecord *
korak_assessment_item_get_record (KorakAssessmentItem *self)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_ITEM (self), NULL);
  return self->record;
}

gint64
korak_assessment_item_get_id (KorakAssessmentItem *self)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_ITEM (self), 0);
  return self->record->id;
}

char *
korak_assessment_item_dup_title (KorakAssessmentItem *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (KORAK_IS_ASSESSMENT_ITEM (self), NULL);

  date = korak_date_format (self->record->date);
  /* Translators: an assessment's kind and date, "Intake · 2. 3. 2026" */
  return g_strdup_printf (_("%s · %s"), korak_choice_label (korak_assessment_kinds (), self->record->kind), date);
}

char *
korak_assessment_item_dup_subtitle (KorakAssessmentItem *self)
{
  const KorakAssessmentRecord *r;
  g_autofree char *average = NULL;
  g_autofree char *areas = NULL;

  g_return_val_if_fail (KORAK_IS_ASSESSMENT_ITEM (self), NULL);

  r = self->record;
  average = g_strdup_printf (_("Average %.1f"), korak_assessment_record_average (r));
  areas = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u area", "%u areas", r->scores->len), r->scores->len);
  if (r->assessor_name != NULL)
    return g_strdup_printf ("%s · %s · %s", average, areas, r->assessor_name);
  return g_strdup_printf ("%s · %s", average, areas);
}

/* ------------------------------------------------------------ the list */

struct _KorakAssessmentList
{
  GObject     parent_instance;

  KorakStore *store;
  gint64      participant_id;
  GPtrArray  *items;   /* KorakAssessmentItem, newest first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakAssessmentList, korak_assessment_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
korak_assessment_list_get_item_type (GListModel *model)
{
  return KORAK_TYPE_ASSESSMENT_ITEM;
}

static guint
korak_assessment_list_get_n_items (GListModel *model)
{
  return KORAK_ASSESSMENT_LIST (model)->items->len;
}

static gpointer
korak_assessment_list_get_item (GListModel *model,
                                guint       position)
{
  KorakAssessmentList *self = KORAK_ASSESSMENT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_assessment_list_get_item_type;
  iface->get_n_items = korak_assessment_list_get_n_items;
  iface->get_item = korak_assessment_list_get_item;
}

static void
korak_assessment_list_dispose (GObject *object)
{
  KorakAssessmentList *self = (KorakAssessmentList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_assessment_list_parent_class)->dispose (object);
}

static void
korak_assessment_list_class_init (KorakAssessmentListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = korak_assessment_list_dispose;
}

static void
korak_assessment_list_init (KorakAssessmentList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KorakAssessmentList *
korak_assessment_list_new (KorakStore *store,
                           gint64      participant_id)
{
  KorakAssessmentList *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_ASSESSMENT_LIST, NULL);
  self->store = g_object_ref (store);
  self->participant_id = participant_id;
  return self;
}

KorakStore *
korak_assessment_list_get_store (KorakAssessmentList *self)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_LIST (self), NULL);
  return self->store;
}

gint64
korak_assessment_list_get_participant_id (KorakAssessmentList *self)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_LIST (self), 0);
  return self->participant_id;
}

gboolean
korak_assessment_list_reload (KorakAssessmentList  *self,
                              GError              **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) old = NULL;

  g_return_val_if_fail (KORAK_IS_ASSESSMENT_LIST (self), FALSE);

  if (!(records = korak_store_list_assessments (self->store, self->participant_id, error)))
    return FALSE;

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_full (records->len, g_object_unref);
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = records->len; i > 0; i--)
    {
      KorakAssessmentItem *item = g_object_new (KORAK_TYPE_ASSESSMENT_ITEM, NULL);

      item->record = g_ptr_array_index (records, i - 1);
      g_ptr_array_add (self->items, item);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->items->len);
  return TRUE;
}

gboolean
korak_assessment_list_save (KorakAssessmentList    *self,
                            KorakAssessmentRecord  *record,
                            GError                **error)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_LIST (self), FALSE);

  record->participant_id = self->participant_id;
  return korak_store_save_assessment (self->store, record, error) &&
         korak_assessment_list_reload (self, error);
}

gboolean
korak_assessment_list_delete (KorakAssessmentList  *self,
                              gint64                id,
                              GError              **error)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_LIST (self), FALSE);

  return korak_store_delete_assessment (self->store, id, error) &&
         korak_assessment_list_reload (self, error);
}

gboolean
korak_assessment_list_restore (KorakAssessmentList          *self,
                               const KorakAssessmentRecord  *record,
                               GError                      **error)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_LIST (self), FALSE);

  return korak_store_restore_assessment (self->store, record, error) &&
         korak_assessment_list_reload (self, error);
}

KorakStarSummary *
korak_assessment_list_star_summary (KorakAssessmentList  *self,
                                    GError              **error)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_LIST (self), NULL);
  return korak_store_star_summary (self->store, self->participant_id, error);
}

GPtrArray *
korak_assessment_list_progress_lines (KorakAssessmentList  *self,
                                      GError              **error)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_LIST (self), NULL);
  return korak_store_progress_lines (self->store, self->participant_id, error);
}

GArray *
korak_assessment_list_week_hours (KorakAssessmentList  *self,
                                  double               *required_per_week,
                                  GError              **error)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_LIST (self), NULL);
  return korak_store_participant_week_hours (self->store, self->participant_id, required_per_week, error);
}
