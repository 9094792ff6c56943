/* korak-attendance-warnings.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-attendance-warnings"

#include "config.h"

#include "korak-attendance-warnings.h"
#include "korak-store-task.h"

struct _KorakWarningItem
{
  GObject                 parent_instance;

  KorakAttendanceWarning *warning;
};

G_DEFINE_FINAL_TYPE (KorakWarningItem, korak_warning_item, G_TYPE_OBJECT)

static void
korak_warning_item_finalize (GObject *object)
{
  KorakWarningItem *self = (KorakWarningItem *)object;

  g_clear_pointer (&self->warning, korak_attendance_warning_free);

  G_OBJECT_CLASS (korak_warning_item_parent_class)->finalize (object);
}

static void
korak_warning_item_class_init (KorakWarningItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = korak_warning_item_finalize;
}

static void
korak_warning_item_init (KorakWarningItem *self)
{
}

const KorakAttendanceWarning *
korak_warning_item_get_warning (KorakWarningItem *self)
{
  g_return_val_if_fail (KORAK_IS_WARNING_ITEM (self), NULL);
  return self->warning;
}

GListModel *
korak_attendance_warnings_load (KorakStore  *store,
                                const char  *today,
                                double       threshold,
                                GError     **error)
{
  g_autoptr(GPtrArray) warnings = NULL;
  GListStore *list;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(warnings = korak_store_list_attendance_warnings (store, today, threshold, error)))
    return NULL;

  /* The items take the records over from the array. */
  g_ptr_array_set_free_func (warnings, NULL);
  list = g_list_store_new (KORAK_TYPE_WARNING_ITEM);
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autoptr(KorakWarningItem) item = g_object_new (KORAK_TYPE_WARNING_ITEM, NULL);

      item->warning = g_ptr_array_index (warnings, i);
      g_list_store_append (list, item);
    }

  return G_LIST_MODEL (list);
}

typedef struct
{
  char   *today;
  double  threshold;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->today);
  g_free (data);
}

static gpointer
read_warnings (KorakStore  *store,
               gpointer     user_data,
               GError     **error)
{
  LoadData *data = user_data;

  return korak_attendance_warnings_load (store, data->today, data->threshold, error);
}

void
korak_attendance_warnings_load_async (KorakStore          *store,
                                      const char          *today,
                                      double               threshold,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (KORAK_IS_STORE (store));

  data = g_new0 (LoadData, 1);
  data->today = g_strdup (today);
  data->threshold = threshold;
  korak_store_read_in_thread (store, NULL, korak_attendance_warnings_load_async, read_warnings,
                              data, (GDestroyNotify) load_data_free, g_object_unref,
                              cancellable, callback, user_data);
}

GListModel *
korak_attendance_warnings_load_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
