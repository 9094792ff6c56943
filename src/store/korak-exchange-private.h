/* korak-exchange-private.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-exchange.h"

G_BEGIN_DECLS

/* How many changes this desk made (its rows in the outbox). */
gint64   korak_exchange_outbox_size (KorakStore  *store,
                                     GError     **error);

/* The integer keys (first column) of the rows of @table that this desk's
 * outbox inserts: the tests check that no committed change is missing
 * from it. (element-type gint64) */
GHashTable *korak_exchange_outbox_inserted_ids (KorakStore  *store,
                                                const char  *table,
                                                GError     **error);

typedef struct
{
  double derive_ms;        /* one Argon2id key */
  double write_ms;         /* korak_exchange_write_bundle(), all of it */
  double apply_ms;         /* korak_exchange_apply_bundle(), all of it */
  gsize  bundle_bytes;
  guint  n_changes;
  guint  n_rows;
} KorakExchangeTiming;

gboolean korak_exchange_write_bundle_timed (KorakStore           *store,
                                            gint64                to_desk_id,
                                            const char           *passphrase,
                                            const char           *path,
                                            KorakExchangeTiming  *timing,
                                            GError              **error);
gboolean korak_exchange_apply_bundle_timed (KorakStore           *store,
                                            const char           *passphrase,
                                            const char           *path,
                                            KorakExchangeTiming  *timing,
                                            GError              **error);

G_END_DECLS
