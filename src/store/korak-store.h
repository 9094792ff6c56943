/* korak-store.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KORAK_STORE_ERROR (korak_store_error_quark ())

/**
 * KorakStoreError:
 *
 * Failures a user can cause. Each comes with a translated message that says
 * what to do next; the raw SQLite text is only appended for support.
 */
typedef enum
{
  KORAK_STORE_ERROR_FAILED,
  KORAK_STORE_ERROR_CORRUPT,
  KORAK_STORE_ERROR_NOT_DATABASE,
  KORAK_STORE_ERROR_LOCKED,
  KORAK_STORE_ERROR_READ_ONLY,
  KORAK_STORE_ERROR_DISK_FULL,
  KORAK_STORE_ERROR_NEWER_SCHEMA,
  KORAK_STORE_ERROR_INVALID,
  KORAK_STORE_ERROR_NOT_FOUND,
  KORAK_STORE_ERROR_CANNOT_OPEN,
  /* Change bundles between desks (korak-exchange.h). */
  KORAK_STORE_ERROR_WRONG_PASSPHRASE,
  KORAK_STORE_ERROR_FOREIGN,
  KORAK_STORE_ERROR_MISSING_CHANGES,
} KorakStoreError;

/* The schema version this build writes; see korak-migrations.c. */
#define KORAK_STORE_SCHEMA_VERSION 10

#define KORAK_TYPE_STORE (korak_store_get_type ())

G_DECLARE_FINAL_TYPE (KorakStore, korak_store, KORAK, STORE, GObject)

GQuark       korak_store_error_quark        (void);
char        *korak_store_default_path       (void);
KorakStore  *korak_store_open               (const char  *path,
                                             GError     **error);
const char  *korak_store_get_path           (KorakStore  *self);
int          korak_store_get_schema_version (KorakStore  *self);
gint64       korak_store_get_desk_id        (KorakStore  *self);
void         korak_store_set_busy_timeout   (KorakStore  *self,
                                             int          milliseconds);
gboolean     korak_store_begin              (KorakStore  *self,
                                             GError     **error);
gboolean     korak_store_commit             (KorakStore  *self,
                                             GError     **error);
void         korak_store_rollback           (KorakStore  *self);
gint64       korak_store_count_rows         (KorakStore  *self,
                                             const char  *table,
                                             GError     **error);
char        *korak_store_integrity_check    (KorakStore  *self,
                                             GError     **error);
gint64       korak_store_new_id             (void);

/* Who is using Korak, for the audit log. */
void         korak_store_set_actor          (KorakStore  *self,
                                             gint64       staff_id,
                                             const char  *name);
gint64       korak_store_get_actor_id       (KorakStore  *self);
const char  *korak_store_get_actor_name     (KorakStore  *self);
void         korak_store_set_audit_enabled  (KorakStore  *self,
                                             gboolean     enabled);
gboolean     korak_store_get_audit_enabled  (KorakStore  *self);

/* Timestamps stored in every edited row, ISO 8601 in UTC. */
char        *korak_store_now_iso            (void);

G_END_DECLS
