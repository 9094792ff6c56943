/* korak-programme-list.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-programme-list"

#include "config.h"

#include "korak-programme-list.h"

/* ------------------------------------------------------------ the item */

struct _KorakProgrammeItem
{
  GObject               parent_instance;

  KorakProgrammeRecord *record;
};

G_DEFINE_FINAL_TYPE (KorakProgrammeItem, korak_programme_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_NAME,
  ITEM_PROP_TARGET_GROUP,
  ITEM_PROP_REQUIRED_HOURS,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
korak_programme_item_finalize (GObject *object)
{
  KorakProgrammeItem *self = (KorakProgrammeItem *)object;

  g_clear_pointer (&self->record, korak_programme_record_free);

  G_OBJECT_CLASS (korak_programme_item_parent_class)->finalize (object);
}

static void
korak_programme_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KorakProgrammeItem *self = KORAK_PROGRAMME_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->record->id);
      break;

    case ITEM_PROP_NAME:
      g_value_set_string (value, self->record->name);
      break;

    case ITEM_PROP_TARGET_GROUP:
      g_value_set_string (value, self->record->target_group);
      break;

    case ITEM_PROP_REQUIRED_HOURS:
      g_value_set_int (value, self->record->required_hours);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_programme_item_class_init (KorakProgrammeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_programme_item_finalize;
  object_class->get_property = korak_programme_item_get_property;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TARGET_GROUP] =
    g_param_spec_string ("target-group", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_REQUIRED_HOURS] =
    g_param_spec_int ("required-hours", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
korak_programme_item_init (KorakProgrammeItem *self)
{
}

static KorakProgrammeItem *
korak_programme_item_new (KorakProgrammeRecord *record)
{
  KorakProgrammeItem *self = g_object_new (KORAK_TYPE_PROGRAMME_ITEM, NULL);

  self->record = record;

  return self;
}

const KorakProgrammeRecord *
korak_programme_item_get_record (KorakProgrammeItem *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRAMME_ITEM (self), NULL);

  return self->record;
}

gint64
korak_programme_item_get_id (KorakProgrammeItem *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRAMME_ITEM (self), 0);

  return self->record->id;
}

const char *
korak_programme_item_get_name (KorakProgrammeItem *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRAMME_ITEM (self), NULL);

  return self->record->name;
}

int
korak_programme_item_get_weeks (KorakProgrammeItem *self)
{
  int weeks = 0;

  g_return_val_if_fail (KORAK_IS_PROGRAMME_ITEM (self), 0);

  for (guint i = 0; self->record->plan != NULL && i < self->record->plan->len; i++)
    weeks += ((KorakPlanStep *)g_ptr_array_index (self->record->plan, i))->weeks;

  return weeks;
}

/* ------------------------------------------------------------ the list */

struct _KorakProgrammeList
{
  GObject     parent_instance;

  KorakStore *store;
  GPtrArray  *items;   /* KorakProgrammeItem */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakProgrammeList, korak_programme_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
korak_programme_list_get_item_type (GListModel *model)
{
  return KORAK_TYPE_PROGRAMME_ITEM;
}

static guint
korak_programme_list_get_n_items (GListModel *model)
{
  return KORAK_PROGRAMME_LIST (model)->items->len;
}

static gpointer
korak_programme_list_get_item (GListModel *model,
                               guint       position)
{
  KorakProgrammeList *self = KORAK_PROGRAMME_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_programme_list_get_item_type;
  iface->get_n_items = korak_programme_list_get_n_items;
  iface->get_item = korak_programme_list_get_item;
}

static void
korak_programme_list_dispose (GObject *object)
{
  KorakProgrammeList *self = (KorakProgrammeList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_programme_list_parent_class)->dispose (object);
}

static void
korak_programme_list_class_init (KorakProgrammeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = korak_programme_list_dispose;
}

static void
korak_programme_list_init (KorakProgrammeList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KorakProgrammeList *
korak_programme_list_new (KorakStore *store)
{
  KorakProgrammeList *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_PROGRAMME_LIST, NULL);
  self->store = g_object_ref (store);

  return self;
}

KorakStore *
korak_programme_list_get_store (KorakProgrammeList *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRAMME_LIST (self), NULL);

  return self->store;
}

gboolean
korak_programme_list_reload (KorakProgrammeList  *self,
                             GError             **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) old = NULL;

  g_return_val_if_fail (KORAK_IS_PROGRAMME_LIST (self), FALSE);

  if (!(records = korak_store_list_programmes (self->store, error)))
    return FALSE;

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_full (records->len, g_object_unref);

  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (self->items, korak_programme_item_new (g_ptr_array_index (records, i)));

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->items->len);

  return TRUE;
}

gboolean
korak_programme_list_find (KorakProgrammeList *self,
                           gint64              id,
                           guint              *position)
{
  g_return_val_if_fail (KORAK_IS_PROGRAMME_LIST (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      KorakProgrammeItem *item = g_ptr_array_index (self->items, i);

      if (item->record->id == id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
korak_programme_list_save (KorakProgrammeList    *self,
                           KorakProgrammeRecord  *record,
                           GError               **error)
{
  g_return_val_if_fail (KORAK_IS_PROGRAMME_LIST (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!korak_store_save_programme (self->store, record, error))
    return FALSE;

  return korak_programme_list_reload (self, error);
}
