/* korak-store-private.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "korak-store.h"

G_BEGIN_DECLS

sqlite3      *korak_store_get_db        (KorakStore  *self);
sqlite3_stmt *korak_store_prepare       (KorakStore  *self,
                                         const char  *sql,
                                         GError     **error);
gboolean      korak_store_exec          (KorakStore  *self,
                                         const char  *sql,
                                         GError     **error);
gboolean      korak_store_step_done     (KorakStore    *self,
                                         sqlite3_stmt  *stmt,
                                         GError       **error);
gboolean      korak_store_delete_by_id  (KorakStore  *self,
                                         const char  *sql,
                                         gint64       id,
                                         const char  *missing,
                                         GError     **error);
void          korak_store_set_error     (KorakStore  *self,
                                         int          rc,
                                         GError     **error);
void          korak_error_from_sqlite   (sqlite3     *db,
                                         int          rc,
                                         GError     **error);
gboolean      korak_store_insert_with_id (KorakStore    *self,
                                          sqlite3_stmt  *stmt,
                                          gint64        *id,
                                          GError       **error);
int           korak_time_minutes        (const char   *time);
void          korak_bind_text           (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);
char         *korak_column_dup          (sqlite3_stmt *stmt,
                                         int           column);

/* korak-migrations.c */
gboolean      korak_migrations_run      (sqlite3     *db,
                                         int          from_version,
                                         int          to_version,
                                         GError     **error);

G_END_DECLS
