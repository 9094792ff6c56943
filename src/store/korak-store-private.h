/* korak-store-private.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The session extension (sqlite3session_*, sqlite3changeset_*): Debian's
 * SQLite is built with it; src/store/meson.build defines
 * SQLITE_ENABLE_SESSION and SQLITE_ENABLE_PREUPDATE_HOOK for every file
 * that uses the store, so sqlite3.h declares it. */
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
gboolean      korak_store_step_ok       (KorakStore    *self,
                                         int            rc,
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

/* korak-notes.c: a note's reviewed translations go back to review, each
 * keeping its version (its original text changed). In a transaction. */
gboolean      korak_store_send_back_to_review (KorakStore  *self,
                                               gint64       note_id,
                                               GError     **error);

/* The exchange's outbox (see korak-store.c and korak-exchange.c). */
void          korak_store_set_recording   (KorakStore  *self,
                                           gboolean     recording);
gboolean      korak_store_get_recording   (KorakStore  *self);
void          korak_store_pause_recording (KorakStore  *self,
                                           gboolean     paused);
void          korak_store_tag_commit      (KorakStore  *self,
                                           const char  *kind,
                                           const char  *meta);
gboolean      korak_store_append_outbox   (KorakStore  *self,
                                           const void  *changeset,
                                           gsize        size,
                                           const char  *kind,
                                           const char  *meta,
                                           GError     **error);
gboolean      korak_store_is_replicated   (KorakStore  *self,
                                           const char  *table);
GStrv         korak_store_list_replicated (KorakStore  *self);
void          korak_store_set_desk_id     (KorakStore  *self,
                                           gint64       desk_id);
#define KORAK_CHANGE_DIGEST_SIZE 16
void          korak_change_digest         (const void  *changeset,
                                           gsize        size,
                                           guint8      *digest);
/* korak-exchange.c: takes every trace of the rows an erasure (@patchset)
 * deleted out of the changes kept in the outbox, and the conflicts. */
gboolean      korak_exchange_scrub_erased (KorakStore  *self,
                                           const void  *patchset,
                                           gsize        size,
                                           GError     **error);

/* korak-migrations.c */
gboolean      korak_migrations_run      (sqlite3     *db,
                                         int          from_version,
                                         int          to_version,
                                         GError     **error);

G_END_DECLS
