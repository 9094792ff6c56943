/* korak-store-task.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-store-task"

#include "config.h"

#include "korak-store-task.h"

typedef struct
{
  char               *path;
  KorakStoreReadFunc  read;
  gpointer            data;
  GDestroyNotify      data_free;
  GDestroyNotify      result_free;
} ReadTask;

static void
read_task_free (ReadTask *task)
{
  if (task->data_free != NULL)
    task->data_free (task->data);
  g_free (task->path);
  g_free (task);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadTask *read = task_data;
  g_autoptr(KorakStore) store = NULL;
  gpointer result;
  GError *error = NULL;

  if (!(store = korak_store_open (read->path, &error)) ||
      !(result = read->read (store, read->data, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, read->result_free);
}

void
korak_store_read_in_thread (KorakStore          *store,
                            gpointer             source_object,
                            gpointer             source_tag,
                            KorakStoreReadFunc   read,
                            gpointer             data,
                            GDestroyNotify       data_free,
                            GDestroyNotify       result_free,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadTask *read_task;

  g_return_if_fail (KORAK_IS_STORE (store));
  g_return_if_fail (read != NULL);

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  read_task = g_new0 (ReadTask, 1);
  read_task->path = g_strdup (korak_store_get_path (store));
  read_task->read = read;
  read_task->data = data;
  read_task->data_free = data_free;
  read_task->result_free = result_free;
  g_task_set_task_data (task, read_task, (GDestroyNotify) read_task_free);
  g_task_run_in_thread (task, read_thread);
}
