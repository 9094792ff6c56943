/* korak-cohort-list.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-cohort-list"

#include "config.h"

#include "korak-cohort-list.h"

/* ------------------------------------------------------------ the item */

struct _KorakCohortItem
{
  GObject            parent_instance;

  KorakCohortDetail *detail;
};

G_DEFINE_FINAL_TYPE (KorakCohortItem, korak_cohort_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_NAME,
  ITEM_PROP_PROGRAMME_NAME,
  ITEM_PROP_SITE,
  ITEM_PROP_START_DATE,
  ITEM_PROP_END_DATE,
  ITEM_PROP_N_ENROLLED,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
korak_cohort_item_finalize (GObject *object)
{
  KorakCohortItem *self = (KorakCohortItem *)object;

  g_clear_pointer (&self->detail, korak_cohort_detail_free);

  G_OBJECT_CLASS (korak_cohort_item_parent_class)->finalize (object);
}

static void
korak_cohort_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KorakCohortItem *self = KORAK_COHORT_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->detail->id);
      break;

    case ITEM_PROP_NAME:
      g_value_set_string (value, self->detail->name);
      break;

    case ITEM_PROP_PROGRAMME_NAME:
      g_value_set_string (value, self->detail->programme_name);
      break;

    case ITEM_PROP_SITE:
      g_value_set_string (value, self->detail->site);
      break;

    case ITEM_PROP_START_DATE:
      g_value_set_string (value, self->detail->start_date);
      break;

    case ITEM_PROP_END_DATE:
      g_value_set_string (value, self->detail->end_date);
      break;

    case ITEM_PROP_N_ENROLLED:
      g_value_set_int (value, self->detail->n_enrolled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_cohort_item_class_init (KorakCohortItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_cohort_item_finalize;
  object_class->get_property = korak_cohort_item_get_property;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_PROGRAMME_NAME] =
    g_param_spec_string ("programme-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_SITE] =
    g_param_spec_string ("site", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_N_ENROLLED] =
    g_param_spec_int ("n-enrolled", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
korak_cohort_item_init (KorakCohortItem *self)
{
}

static KorakCohortItem *
korak_cohort_item_new (KorakCohortDetail *detail)
{
  KorakCohortItem *self = g_object_new (KORAK_TYPE_COHORT_ITEM, NULL);

  self->detail = detail;

  return self;
}

const KorakCohortDetail *
korak_cohort_item_get_detail (KorakCohortItem *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_ITEM (self), NULL);

  return self->detail;
}

gint64
korak_cohort_item_get_id (KorakCohortItem *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_ITEM (self), 0);

  return self->detail->id;
}

const char *
korak_cohort_item_get_name (KorakCohortItem *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_ITEM (self), NULL);

  return self->detail->name;
}

const char *
korak_cohort_item_get_programme_name (KorakCohortItem *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_ITEM (self), NULL);

  return self->detail->programme_name;
}

const char *
korak_cohort_item_get_site (KorakCohortItem *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_ITEM (self), NULL);

  return self->detail->site;
}

const char *
korak_cohort_item_get_start_date (KorakCohortItem *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_ITEM (self), NULL);

  return self->detail->start_date;
}

const char *
korak_cohort_item_get_end_date (KorakCohortItem *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_ITEM (self), NULL);

  return self->detail->end_date;
}

int
korak_cohort_item_get_n_enrolled (KorakCohortItem *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_ITEM (self), 0);

  return self->detail->n_enrolled;
}

/* ------------------------------------------------------------ the list */

struct _KorakCohortList
{
  GObject     parent_instance;

  KorakStore *store;
  GPtrArray  *items;   /* KorakCohortItem */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakCohortList, korak_cohort_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
korak_cohort_list_get_item_type (GListModel *model)
{
  return KORAK_TYPE_COHORT_ITEM;
}

static guint
korak_cohort_list_get_n_items (GListModel *model)
{
  return KORAK_COHORT_LIST (model)->items->len;
}

static gpointer
korak_cohort_list_get_item (GListModel *model,
                            guint       position)
{
  KorakCohortList *self = KORAK_COHORT_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_cohort_list_get_item_type;
  iface->get_n_items = korak_cohort_list_get_n_items;
  iface->get_item = korak_cohort_list_get_item;
}

static void
korak_cohort_list_dispose (GObject *object)
{
  KorakCohortList *self = (KorakCohortList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_cohort_list_parent_class)->dispose (object);
}

static void
korak_cohort_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KorakCohortList *self = KORAK_COHORT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_cohort_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KorakCohortList *self = KORAK_COHORT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_cohort_list_class_init (KorakCohortListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = korak_cohort_list_dispose;
  object_class->get_property = korak_cohort_list_get_property;
  object_class->set_property = korak_cohort_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KORAK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
korak_cohort_list_init (KorakCohortList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KorakCohortList *
korak_cohort_list_new (KorakStore *store)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  return g_object_new (KORAK_TYPE_COHORT_LIST, "store", store, NULL);
}

KorakStore *
korak_cohort_list_get_store (KorakCohortList *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_LIST (self), NULL);

  return self->store;
}

/**
 * korak_cohort_list_reload:
 *
 * Reads the cohorts again. On failure the list keeps what it showed.
 */
gboolean
korak_cohort_list_reload (KorakCohortList  *self,
                          GError          **error)
{
  g_autoptr(GPtrArray) details = NULL;
  g_autoptr(GPtrArray) old = NULL;

  g_return_val_if_fail (KORAK_IS_COHORT_LIST (self), FALSE);

  if (!(details = korak_store_list_cohort_details (self->store, error)))
    return FALSE;

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_full (details->len, g_object_unref);

  /* The details move into the items; the array must not free them. */
  g_ptr_array_set_free_func (details, NULL);
  for (guint i = 0; i < details->len; i++)
    g_ptr_array_add (self->items, korak_cohort_item_new (g_ptr_array_index (details, i)));

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->items->len);

  return TRUE;
}

gboolean
korak_cohort_list_find (KorakCohortList *self,
                        gint64           id,
                        guint           *position)
{
  g_return_val_if_fail (KORAK_IS_COHORT_LIST (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      KorakCohortItem *item = g_ptr_array_index (self->items, i);

      if (item->detail->id == id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Returns: (transfer none) (nullable) */
KorakCohortItem *
korak_cohort_list_lookup (KorakCohortList *self,
                          gint64           id)
{
  guint position;

  g_return_val_if_fail (KORAK_IS_COHORT_LIST (self), NULL);

  if (!korak_cohort_list_find (self, id, &position))
    return NULL;

  return g_ptr_array_index (self->items, position);
}

gboolean
korak_cohort_list_save (KorakCohortList    *self,
                        KorakCohortDetail  *detail,
                        GError            **error)
{
  g_return_val_if_fail (KORAK_IS_COHORT_LIST (self), FALSE);
  g_return_val_if_fail (detail != NULL, FALSE);

  if (!korak_store_save_cohort (self->store, detail, error))
    return FALSE;

  return korak_cohort_list_reload (self, error);
}
