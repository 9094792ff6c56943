/* korak-mediators-private.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-mediators.h"

G_BEGIN_DECLS

/* Checks and normalises the mediator fields of a session, assessment or
 * note before it is written: a mediator named was present (so @present
 * becomes TRUE), and must be on the staff list (any role); @language
 * (in/out, owned) becomes its usual spelling, or NULL when empty.
 * KORAK_STORE_ERROR_INVALID with a translated message otherwise. */
gboolean korak_mediator_check (KorakStore  *store,
                               gboolean    *present,
                               gint64       mediator_id,
                               char       **language,
                               GError     **error);

G_END_DECLS
