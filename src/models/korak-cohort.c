/* korak-cohort.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-cohort"

#include "config.h"

#include "korak-cohort.h"
#include "korak-participant-record.h"

struct _KorakCohort
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *programme_name;
};

G_DEFINE_FINAL_TYPE (KorakCohort, korak_cohort, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PROGRAMME_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
korak_cohort_finalize (GObject *object)
{
  KorakCohort *self = (KorakCohort *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->programme_name, g_free);

  G_OBJECT_CLASS (korak_cohort_parent_class)->finalize (object);
}

static void
korak_cohort_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KorakCohort *self = KORAK_COHORT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PROGRAMME_NAME:
      g_value_set_string (value, self->programme_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_cohort_class_init (KorakCohortClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_cohort_finalize;
  object_class->get_property = korak_cohort_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME_NAME] =
    g_param_spec_string ("programme-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
korak_cohort_init (KorakCohort *self)
{
}

gint64
korak_cohort_get_id (KorakCohort *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT (self), 0);

  return self->id;
}

const char *
korak_cohort_get_name (KorakCohort *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT (self), NULL);

  return self->name;
}

const char *
korak_cohort_get_programme_name (KorakCohort *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT (self), NULL);

  return self->programme_name;
}

GListModel *
korak_cohort_list_load (KorakStore  *store,
                        GError     **error)
{
  g_autoptr(GPtrArray) records = korak_store_list_cohorts (store, error);
  GListStore *list;

  if (records == NULL)
    return NULL;

  list = g_list_store_new (KORAK_TYPE_COHORT);
  for (guint i = 0; i < records->len; i++)
    {
      KorakCohortRecord *record = g_ptr_array_index (records, i);
      g_autoptr(KorakCohort) cohort = g_object_new (KORAK_TYPE_COHORT, NULL);

      cohort->id = record->id;
      cohort->name = g_steal_pointer (&record->name);
      cohort->programme_name = g_steal_pointer (&record->programme_name);
      g_list_store_append (list, cohort);
    }

  return G_LIST_MODEL (list);
}
