/* korak-area-list.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-area-list"

#include "config.h"

#include "korak-area-list.h"

struct _KorakAreaItem
{
  GObject          parent_instance;

  KorakAreaRecord *record;
};

G_DEFINE_FINAL_TYPE (KorakAreaItem, korak_area_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_LABEL,
  ITEM_PROP_RETIRED,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
korak_area_item_finalize (GObject *object)
{
  KorakAreaItem *self = (KorakAreaItem *)object;

  g_clear_pointer (&self->record, korak_area_record_free);

  G_OBJECT_CLASS (korak_area_item_parent_class)->finalize (object);
}

static void
korak_area_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KorakAreaItem *self = KORAK_AREA_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->record->id);
      break;

    case ITEM_PROP_LABEL:
      g_value_set_string (value, korak_area_item_get_label (self));
      break;

    case ITEM_PROP_RETIRED:
      g_value_set_boolean (value, self->record->retired_at != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_area_item_class_init (KorakAreaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_area_item_finalize;
  object_class->get_property = korak_area_item_get_property;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_RETIRED] =
    g_param_spec_boolean ("retired", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
korak_area_item_init (KorakAreaItem *self)
{
}

static KorakAreaItem *
korak_area_item_new (KorakAreaRecord *record)
{
  KorakAreaItem *self = g_object_new (KORAK_TYPE_AREA_ITEM, NULL);

  self->record = record;
  return self;
}

const KorakAreaRecord *
korak_area_item_get_record (KorakAreaItem *self)
{
  g_return_val_if_fail (KORAK_IS_AREA_ITEM (self), NULL);
  return self->record;
}

gint64
korak_area_item_get_id (KorakAreaItem *self)
{
  g_return_val_if_fail (KORAK_IS_AREA_ITEM (self), 0);
  return self->record->id;
}

const char *
korak_area_item_get_label (KorakAreaItem *self)
{
  g_return_val_if_fail (KORAK_IS_AREA_ITEM (self), NULL);
  return korak_competency_area_label (self->record->name);
}

gboolean
korak_area_item_get_retired (KorakAreaItem *self)
{
  g_return_val_if_fail (KORAK_IS_AREA_ITEM (self), FALSE);
  return self->record->retired_at != NULL;
}

/* ------------------------------------------------------------ the list */

struct _KorakAreaList
{
  GObject     parent_instance;

  KorakStore *store;
  GPtrArray  *items;   /* KorakAreaItem */
  gboolean    include_retired;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakAreaList, korak_area_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
korak_area_list_get_item_type (GListModel *model)
{
  return KORAK_TYPE_AREA_ITEM;
}

static guint
korak_area_list_get_n_items (GListModel *model)
{
  return KORAK_AREA_LIST (model)->items->len;
}

static gpointer
korak_area_list_get_item (GListModel *model,
                          guint       position)
{
  KorakAreaList *self = KORAK_AREA_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_area_list_get_item_type;
  iface->get_n_items = korak_area_list_get_n_items;
  iface->get_item = korak_area_list_get_item;
}

static void
korak_area_list_dispose (GObject *object)
{
  KorakAreaList *self = (KorakAreaList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_area_list_parent_class)->dispose (object);
}

static void
korak_area_list_class_init (KorakAreaListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = korak_area_list_dispose;
}

static void
korak_area_list_init (KorakAreaList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KorakAreaList *
korak_area_list_new (KorakStore *store,
                     gboolean    include_retired)
{
  KorakAreaList *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_AREA_LIST, NULL);
  self->store = g_object_ref (store);
  self->include_retired = !!include_retired;
  return self;
}

KorakStore *
korak_area_list_get_store (KorakAreaList *self)
{
  g_return_val_if_fail (KORAK_IS_AREA_LIST (self), NULL);
  return self->store;
}

gboolean
korak_area_list_reload (KorakAreaList  *self,
                        GError        **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) old = NULL;

  g_return_val_if_fail (KORAK_IS_AREA_LIST (self), FALSE);

  if (!(records = korak_store_list_areas (self->store, self->include_retired, error)))
    return FALSE;

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_full (records->len, g_object_unref);
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (self->items, korak_area_item_new (g_ptr_array_index (records, i)));

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->items->len);
  return TRUE;
}

gboolean
korak_area_list_save (KorakAreaList    *self,
                      KorakAreaRecord  *record,
                      GError          **error)
{
  g_return_val_if_fail (KORAK_IS_AREA_LIST (self), FALSE);

  return korak_store_save_area (self->store, record, error) &&
         korak_area_list_reload (self, error);
}

gboolean
korak_area_list_set_retired (KorakAreaList  *self,
                             gint64          id,
                             gboolean        retired,
                             GError        **error)
{
  g_return_val_if_fail (KORAK_IS_AREA_LIST (self), FALSE);

  return korak_store_set_area_retired (self->store, id, retired, error) &&
         korak_area_list_reload (self, error);
}

gboolean
korak_area_list_move (KorakAreaList  *self,
                      gint64          id,
                      int             delta,
                      GError        **error)
{
  g_return_val_if_fail (KORAK_IS_AREA_LIST (self), FALSE);

  return korak_store_move_area (self->store, id, delta, error) &&
         korak_area_list_reload (self, error);
}
