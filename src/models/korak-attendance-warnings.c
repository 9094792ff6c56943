/* korak-attendance-warnings.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-attendance-warnings"

#include "config.h"

#include "korak-attendance-warnings.h"

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
  char   *path;
  char   *today;
  double  threshold;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->today);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(KorakStore) store = NULL;
  GListModel *warnings;
  GError *error = NULL;

  /* A connection of this thread's own: SQLite connections are not shared
   * across threads here, and WAL lets it read while the window writes. */
  if (!(store = korak_store_open (data->path, &error)) ||
      !(warnings = korak_attendance_warnings_load (store, data->today, data->threshold, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, warnings, g_object_unref);
}

void
korak_attendance_warnings_load_async (KorakStore          *store,
                                      const char          *today,
                                      double               threshold,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (KORAK_IS_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, korak_attendance_warnings_load_async);
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (korak_store_get_path (store));
  data->today = g_strdup (today);
  data->threshold = threshold;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

GListModel *
korak_attendance_warnings_load_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
