/* korak-demo.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-store.h"

G_BEGIN_DECLS

gboolean korak_demo_ensure (const char  *path,
                            guint        n_participants,
                            guint32      seed,
                            GError     **error);

G_END_DECLS
