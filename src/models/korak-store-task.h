/* korak-store-task.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-store.h"

G_BEGIN_DECLS

/* Reads that take long on a large database (a month of attendance marks)
 * run on a worker thread, through a connection of the thread's own to the
 * same file: SQLite connections are not shared across threads here, and
 * WAL lets the thread read while the window writes. */
typedef gpointer (*KorakStoreReadFunc) (KorakStore  *store,
                                        gpointer     data,
                                        GError     **error);

/* Runs @read on a worker thread with a store opened on @store's file; the
 * GTask's result is what @read returns, freed with @result_free if unused. */
void     korak_store_read_in_thread (KorakStore          *store,
                                     gpointer             source_object,
                                     gpointer             source_tag,
                                     KorakStoreReadFunc   read,
                                     gpointer             data,
                                     GDestroyNotify       data_free,
                                     GDestroyNotify       result_free,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);

G_END_DECLS
