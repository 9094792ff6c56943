/* korak-band-list.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-band-list"

#include "config.h"

#include "korak-band-list.h"

struct _KorakBandItem
{
  GObject          parent_instance;

  KorakBandRecord *record;
};

G_DEFINE_FINAL_TYPE (KorakBandItem, korak_band_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_LABEL,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
korak_band_item_finalize (GObject *object)
{
  KorakBandItem *self = (KorakBandItem *)object;

  g_clear_pointer (&self->record, korak_band_record_free);

  G_OBJECT_CLASS (korak_band_item_parent_class)->finalize (object);
}

static void
korak_band_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KorakBandItem *self = KORAK_BAND_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->record->id);
      break;

    case ITEM_PROP_LABEL:
      g_value_set_string (value, korak_band_item_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_band_item_class_init (KorakBandItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_band_item_finalize;
  object_class->get_property = korak_band_item_get_property;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
korak_band_item_init (KorakBandItem *self)
{
}

const KorakBandRecord *
korak_band_item_get_record (KorakBandItem *self)
{
  g_return_val_if_fail (KORAK_IS_BAND_ITEM (self), NULL);
  return self->record;
}

gint64
korak_band_item_get_id (KorakBandItem *self)
{
  g_return_val_if_fail (KORAK_IS_BAND_ITEM (self), 0);
  return self->record->id;
}

const char *
korak_band_item_get_label (KorakBandItem *self)
{
  g_return_val_if_fail (KORAK_IS_BAND_ITEM (self), NULL);
  return korak_scale_band_label (self->record->description);
}

/* ------------------------------------------------------------ the list */

struct _KorakBandList
{
  GObject     parent_instance;

  KorakStore *store;
  gint64      area_id;
  GPtrArray  *items;   /* KorakBandItem */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakBandList, korak_band_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
korak_band_list_get_item_type (GListModel *model)
{
  return KORAK_TYPE_BAND_ITEM;
}

static guint
korak_band_list_get_n_items (GListModel *model)
{
  return KORAK_BAND_LIST (model)->items->len;
}

static gpointer
korak_band_list_get_item (GListModel *model,
                          guint       position)
{
  KorakBandList *self = KORAK_BAND_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_band_list_get_item_type;
  iface->get_n_items = korak_band_list_get_n_items;
  iface->get_item = korak_band_list_get_item;
}

static void
korak_band_list_dispose (GObject *object)
{
  KorakBandList *self = (KorakBandList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_band_list_parent_class)->dispose (object);
}

static void
korak_band_list_class_init (KorakBandListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = korak_band_list_dispose;
}

static void
korak_band_list_init (KorakBandList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KorakBandList *
korak_band_list_new (KorakStore *store,
                     gint64      area_id)
{
  KorakBandList *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_BAND_LIST, NULL);
  self->store = g_object_ref (store);
  self->area_id = area_id;
  return self;
}

KorakStore *
korak_band_list_get_store (KorakBandList *self)
{
  g_return_val_if_fail (KORAK_IS_BAND_LIST (self), NULL);
  return self->store;
}

gint64
korak_band_list_get_area_id (KorakBandList *self)
{
  g_return_val_if_fail (KORAK_IS_BAND_LIST (self), 0);
  return self->area_id;
}

gboolean
korak_band_list_reload (KorakBandList  *self,
                        GError        **error)
{
  g_autoptr(GPtrArray) records = NULL;
  guint removed;

  g_return_val_if_fail (KORAK_IS_BAND_LIST (self), FALSE);

  if (!(records = korak_store_list_bands (self->store, self->area_id, error)))
    return FALSE;

  /* The items and their count change together, then one signal. */
  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  /* The items take the records over. */
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      KorakBandItem *item = g_object_new (KORAK_TYPE_BAND_ITEM, NULL);

      item->record = g_ptr_array_index (records, i);
      g_ptr_array_add (self->items, item);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  return TRUE;
}

gboolean
korak_band_list_save (KorakBandList    *self,
                      KorakBandRecord  *record,
                      GError          **error)
{
  g_return_val_if_fail (KORAK_IS_BAND_LIST (self), FALSE);

  record->area_id = self->area_id;
  return korak_store_save_band (self->store, record, error) && korak_band_list_reload (self, error);
}

gboolean
korak_band_list_delete (KorakBandList  *self,
                        gint64          band_id,
                        GError        **error)
{
  g_return_val_if_fail (KORAK_IS_BAND_LIST (self), FALSE);

  return korak_store_delete_band (self->store, band_id, error) && korak_band_list_reload (self, error);
}

const KorakBandRecord *
korak_band_list_find (KorakBandList *self,
                      gint64         band_id)
{
  g_return_val_if_fail (KORAK_IS_BAND_LIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      KorakBandItem *item = g_ptr_array_index (self->items, i);

      if (item->record->id == band_id)
        return item->record;
    }
  return NULL;
}
