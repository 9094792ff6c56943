/* korak-staff-list.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-staff-list"

#include "config.h"

#include "korak-staff-list.h"

/* ------------------------------------------------------------ the item */

struct _KorakStaffItem
{
  GObject           parent_instance;

  KorakStaffRecord *record;
  char             *display_name;
};

G_DEFINE_FINAL_TYPE (KorakStaffItem, korak_staff_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_DISPLAY_NAME,
  ITEM_PROP_ROLE,
  ITEM_PROP_LANGUAGES,
  ITEM_PROP_ARCHIVED,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
korak_staff_item_finalize (GObject *object)
{
  KorakStaffItem *self = (KorakStaffItem *)object;

  g_clear_pointer (&self->record, korak_staff_record_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (korak_staff_item_parent_class)->finalize (object);
}

static void
korak_staff_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KorakStaffItem *self = KORAK_STAFF_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->record->id);
      break;

    case ITEM_PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case ITEM_PROP_ROLE:
      g_value_set_string (value, self->record->role);
      break;

    case ITEM_PROP_LANGUAGES:
      g_value_set_string (value, self->record->languages);
      break;

    case ITEM_PROP_ARCHIVED:
      g_value_set_boolean (value, self->record->archived_at != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_staff_item_class_init (KorakStaffItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_staff_item_finalize;
  object_class->get_property = korak_staff_item_get_property;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_LANGUAGES] =
    g_param_spec_string ("languages", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
korak_staff_item_init (KorakStaffItem *self)
{
}

static KorakStaffItem *
korak_staff_item_new (KorakStaffRecord *record)
{
  KorakStaffItem *self = g_object_new (KORAK_TYPE_STAFF_ITEM, NULL);

  self->record = record;
  self->display_name = korak_staff_record_display_name (record);

  return self;
}

const KorakStaffRecord *
korak_staff_item_get_record (KorakStaffItem *self)
{
  g_return_val_if_fail (KORAK_IS_STAFF_ITEM (self), NULL);

  return self->record;
}

gint64
korak_staff_item_get_id (KorakStaffItem *self)
{
  g_return_val_if_fail (KORAK_IS_STAFF_ITEM (self), 0);

  return self->record->id;
}

const char *
korak_staff_item_get_display_name (KorakStaffItem *self)
{
  g_return_val_if_fail (KORAK_IS_STAFF_ITEM (self), NULL);

  return self->display_name;
}

const char *
korak_staff_item_get_role_label (KorakStaffItem *self)
{
  g_return_val_if_fail (KORAK_IS_STAFF_ITEM (self), NULL);

  return korak_choice_label (korak_staff_roles (), self->record->role);
}

gboolean
korak_staff_item_get_archived (KorakStaffItem *self)
{
  g_return_val_if_fail (KORAK_IS_STAFF_ITEM (self), FALSE);

  return self->record->archived_at != NULL;
}

/* ------------------------------------------------------------ the list */

struct _KorakStaffList
{
  GObject     parent_instance;

  KorakStore *store;
  char       *role;
  GPtrArray  *items;   /* KorakStaffItem */
  gboolean    include_archived;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakStaffList, korak_staff_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
korak_staff_list_get_item_type (GListModel *model)
{
  return KORAK_TYPE_STAFF_ITEM;
}

static guint
korak_staff_list_get_n_items (GListModel *model)
{
  return KORAK_STAFF_LIST (model)->items->len;
}

static gpointer
korak_staff_list_get_item (GListModel *model,
                           guint       position)
{
  KorakStaffList *self = KORAK_STAFF_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_staff_list_get_item_type;
  iface->get_n_items = korak_staff_list_get_n_items;
  iface->get_item = korak_staff_list_get_item;
}

static void
korak_staff_list_dispose (GObject *object)
{
  KorakStaffList *self = (KorakStaffList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_staff_list_parent_class)->dispose (object);
}

static void
korak_staff_list_finalize (GObject *object)
{
  KorakStaffList *self = (KorakStaffList *)object;

  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (korak_staff_list_parent_class)->finalize (object);
}

static void
korak_staff_list_class_init (KorakStaffListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = korak_staff_list_dispose;
  object_class->finalize = korak_staff_list_finalize;
}

static void
korak_staff_list_init (KorakStaffList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KorakStaffList *
korak_staff_list_new (KorakStore *store,
                      const char *role,
                      gboolean    include_archived)
{
  KorakStaffList *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_STAFF_LIST, NULL);
  self->store = g_object_ref (store);
  self->role = g_strdup (role);
  self->include_archived = !!include_archived;

  return self;
}

KorakStore *
korak_staff_list_get_store (KorakStaffList *self)
{
  g_return_val_if_fail (KORAK_IS_STAFF_LIST (self), NULL);

  return self->store;
}

gboolean
korak_staff_list_reload (KorakStaffList  *self,
                         GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) old = NULL;

  g_return_val_if_fail (KORAK_IS_STAFF_LIST (self), FALSE);

  if (!(records = korak_store_list_staff (self->store, self->role, self->include_archived, error)))
    return FALSE;

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_full (records->len, g_object_unref);

  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (self->items, korak_staff_item_new (g_ptr_array_index (records, i)));

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->items->len);

  return TRUE;
}

gboolean
korak_staff_list_find (KorakStaffList *self,
                       gint64          id,
                       guint          *position)
{
  g_return_val_if_fail (KORAK_IS_STAFF_LIST (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      KorakStaffItem *item = g_ptr_array_index (self->items, i);

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
korak_staff_list_save (KorakStaffList    *self,
                       KorakStaffRecord  *record,
                       GError           **error)
{
  g_return_val_if_fail (KORAK_IS_STAFF_LIST (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!korak_store_save_staff (self->store, record, error))
    return FALSE;

  return korak_staff_list_reload (self, error);
}

gboolean
korak_staff_list_set_archived (KorakStaffList  *self,
                               gint64           id,
                               gboolean         archived,
                               GError         **error)
{
  g_return_val_if_fail (KORAK_IS_STAFF_LIST (self), FALSE);

  if (!korak_store_set_staff_archived (self->store, id, archived, error))
    return FALSE;

  return korak_staff_list_reload (self, error);
}
