/* korak-audit-private.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "korak-audit.h"

G_BEGIN_DECLS

/* Migration 6: the AFTER INSERT / UPDATE / DELETE triggers that write the
 * audit log for every table holding a person's data, made from the columns
 * the tables have when it runs. A later migration that adds a column to one
 * of them, or adds a table, calls it again (it drops and remakes them); a
 * table that does not exist yet is left out. */
gboolean    korak_audit_create_triggers (sqlite3  *db,
                                         GError  **error);

/* The tables the triggers watch, NULL-terminated. */
const char * const *korak_audit_tables  (void);

G_END_DECLS
