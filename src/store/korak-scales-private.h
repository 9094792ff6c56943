/* korak-scales-private.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* Migration 10: the seeded areas' bands, in English (korak-scales.c). */
gboolean korak_scales_seed (sqlite3  *db,
                            GError  **error);

G_END_DECLS
