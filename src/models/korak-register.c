/* korak-register.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-register"

#include "config.h"

#include "korak-register.h"

struct _KorakRegisterRow
{
  GObject  parent_instance;

  gint64   participant_id;
  char    *display_name;
  char    *state;
  double   hours;
  char    *remark;
};

G_DEFINE_FINAL_TYPE (KorakRegisterRow, korak_register_row, G_TYPE_OBJECT)

/* g_set_str() arrives in GLib 2.76; Debian 12 has 2.74. */
static gboolean
set_str (char       **location,
         const char  *value)
{
  if (g_strcmp0 (*location, value) == 0)
    return FALSE;
  g_free (*location);
  *location = g_strdup (value);
  return TRUE;
}

enum {
  ROW_PROP_0,
  ROW_PROP_DISPLAY_NAME,
  ROW_PROP_STATE,
  ROW_PROP_HOURS,
  ROW_PROP_REMARK,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
korak_register_row_finalize (GObject *object)
{
  KorakRegisterRow *self = (KorakRegisterRow *)object;

  g_free (self->display_name);
  g_free (self->state);
  g_free (self->remark);

  G_OBJECT_CLASS (korak_register_row_parent_class)->finalize (object);
}

static void
korak_register_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KorakRegisterRow *self = KORAK_REGISTER_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case ROW_PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case ROW_PROP_HOURS:
      g_value_set_double (value, self->hours);
      break;
    case ROW_PROP_REMARK:
      g_value_set_string (value, self->remark);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_register_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KorakRegisterRow *self = KORAK_REGISTER_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_STATE:
      korak_register_row_set_state (self, g_value_get_string (value));
      break;
    case ROW_PROP_HOURS:
      korak_register_row_set_hours (self, g_value_get_double (value));
      break;
    case ROW_PROP_REMARK:
      korak_register_row_set_remark (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_register_row_class_init (KorakRegisterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_register_row_finalize;
  object_class->get_property = korak_register_row_get_property;
  object_class->set_property = korak_register_row_set_property;

  row_properties[ROW_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_HOURS] =
    g_param_spec_double ("hours", NULL, NULL, 0, 24, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_REMARK] =
    g_param_spec_string ("remark", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
korak_register_row_init (KorakRegisterRow *self)
{
}

gint64
korak_register_row_get_participant_id (KorakRegisterRow *self)
{
  g_return_val_if_fail (KORAK_IS_REGISTER_ROW (self), 0);
  return self->participant_id;
}

const char *
korak_register_row_get_display_name (KorakRegisterRow *self)
{
  g_return_val_if_fail (KORAK_IS_REGISTER_ROW (self), NULL);
  return self->display_name;
}

const char *
korak_register_row_get_state (KorakRegisterRow *self)
{
  g_return_val_if_fail (KORAK_IS_REGISTER_ROW (self), NULL);
  return self->state;
}

void
korak_register_row_set_state (KorakRegisterRow *self,
                              const char       *state)
{
  g_return_if_fail (KORAK_IS_REGISTER_ROW (self));

  if (set_str (&self->state, state && *state ? state : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_STATE]);
}

double
korak_register_row_get_hours (KorakRegisterRow *self)
{
  g_return_val_if_fail (KORAK_IS_REGISTER_ROW (self), 0);
  return self->hours;
}

void
korak_register_row_set_hours (KorakRegisterRow *self,
                              double            hours)
{
  g_return_if_fail (KORAK_IS_REGISTER_ROW (self));

  hours = CLAMP (hours, 0, 24);
  if (self->hours == hours)
    return;
  self->hours = hours;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_HOURS]);
}

const char *
korak_register_row_get_remark (KorakRegisterRow *self)
{
  g_return_val_if_fail (KORAK_IS_REGISTER_ROW (self), NULL);
  return self->remark;
}

void
korak_register_row_set_remark (KorakRegisterRow *self,
                               const char       *remark)
{
  g_return_if_fail (KORAK_IS_REGISTER_ROW (self));

  if (set_str (&self->remark, remark && *remark ? remark : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_REMARK]);
}

/* ------------------------------------------------------------- register */

struct _KorakRegister
{
  GObject             parent_instance;

  KorakStore         *store;
  KorakSessionRecord *session;
  GPtrArray          *rows;      /* KorakRegisterRow */
  GPtrArray          *stored;    /* KorakRegisterEntry as loaded, for changed */
};

static void korak_register_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakRegister, korak_register, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, korak_register_list_model_init))

static GType
korak_register_get_item_type (GListModel *model)
{
  return KORAK_TYPE_REGISTER_ROW;
}

static guint
korak_register_get_n_items (GListModel *model)
{
  return KORAK_REGISTER (model)->rows->len;
}

static gpointer
korak_register_get_item (GListModel *model,
                         guint       position)
{
  KorakRegister *self = KORAK_REGISTER (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
korak_register_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_register_get_item_type;
  iface->get_n_items = korak_register_get_n_items;
  iface->get_item = korak_register_get_item;
}

static void
korak_register_finalize (GObject *object)
{
  KorakRegister *self = (KorakRegister *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->session, korak_session_record_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->stored, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_register_parent_class)->finalize (object);
}

static void
korak_register_class_init (KorakRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_register_finalize;
}

static void
korak_register_init (KorakRegister *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->stored = g_ptr_array_new_with_free_func ((GDestroyNotify) korak_register_entry_free);
}

KorakRegister *
korak_register_new (KorakStore *store)
{
  KorakRegister *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_REGISTER, NULL);
  self->store = g_object_ref (store);

  return self;
}

gboolean
korak_register_load (KorakRegister  *self,
                     gint64          session_id,
                     GError        **error)
{
  g_autoptr(KorakSessionRecord) session = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint removed;

  g_return_val_if_fail (KORAK_IS_REGISTER (self), FALSE);

  if (!(session = korak_store_get_session (self->store, session_id, error)) ||
      !(entries = korak_store_get_register (self->store, session_id, error)))
    return FALSE;

  g_clear_pointer (&self->session, korak_session_record_free);
  self->session = g_steal_pointer (&session);

  removed = self->rows->len;
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->stored, 0);

  for (guint i = 0; i < entries->len; i++)
    {
      const KorakRegisterEntry *entry = g_ptr_array_index (entries, i);
      KorakRegisterRow *row = g_object_new (KORAK_TYPE_REGISTER_ROW, NULL);

      row->participant_id = entry->participant_id;
      row->display_name = g_strdup (entry->display_name);
      row->state = g_strdup (entry->state);
      row->hours = entry->hours;
      row->remark = g_strdup (entry->remark);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->stored, korak_register_entry_copy (entry));
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);

  return TRUE;
}

static GPtrArray *
rows_to_entries (KorakRegister *self)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) korak_register_entry_free);

  for (guint i = 0; i < self->rows->len; i++)
    {
      KorakRegisterRow *row = g_ptr_array_index (self->rows, i);
      KorakRegisterEntry *entry = g_new0 (KorakRegisterEntry, 1);

      entry->participant_id = row->participant_id;
      entry->display_name = g_strdup (row->display_name);
      entry->state = g_strdup (row->state);
      entry->hours = row->hours;
      entry->remark = g_strdup (row->remark);
      g_ptr_array_add (entries, entry);
    }

  return entries;
}

gboolean
korak_register_save (KorakRegister  *self,
                     GError        **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (KORAK_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  entries = rows_to_entries (self);
  if (!korak_store_save_register (self->store, self->session->id, entries, error))
    return FALSE;

  /* What is stored now is the new baseline for "changed". */
  g_ptr_array_unref (self->stored);
  self->stored = g_steal_pointer (&entries);

  return TRUE;
}

const KorakSessionRecord *
korak_register_get_session (KorakRegister *self)
{
  g_return_val_if_fail (KORAK_IS_REGISTER (self), NULL);
  return self->session;
}

void
korak_register_mark_all_present (KorakRegister *self)
{
  double hours;

  g_return_if_fail (KORAK_IS_REGISTER (self));

  if (self->session == NULL)
    return;

  hours = korak_session_record_hours (self->session);
  for (guint i = 0; i < self->rows->len; i++)
    {
      KorakRegisterRow *row = g_ptr_array_index (self->rows, i);

      if (row->state != NULL)
        continue;
      korak_register_row_set_state (row, "present");
      korak_register_row_set_hours (row, hours);
    }
}

gboolean
korak_register_get_changed (KorakRegister *self)
{
  g_return_val_if_fail (KORAK_IS_REGISTER (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      KorakRegisterRow *row = g_ptr_array_index (self->rows, i);
      const KorakRegisterEntry *entry = g_ptr_array_index (self->stored, i);

      if (g_strcmp0 (row->state, entry->state) != 0 ||
          row->hours != entry->hours ||
          g_strcmp0 (row->remark, entry->remark) != 0)
        return TRUE;
    }

  return FALSE;
}

guint
korak_register_count_state (KorakRegister *self,
                            const char    *state)
{
  guint n = 0;

  g_return_val_if_fail (KORAK_IS_REGISTER (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      KorakRegisterRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->state, state) == 0)
        n++;
    }

  return n;
}

double
korak_register_get_attended_hours (KorakRegister *self)
{
  double total = 0;

  g_return_val_if_fail (KORAK_IS_REGISTER (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      KorakRegisterRow *row = g_ptr_array_index (self->rows, i);

      if (korak_attendance_state_counts (row->state))
        total += row->hours;
    }

  return total;
}
