/* korak-exchange-bench.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Goals of issue 9. */
#define KORAK_EXCHANGE_GOAL_MONTH_WRITE_MS 1000.0
#define KORAK_EXCHANGE_GOAL_BIG_APPLY_MS   5000.0

typedef struct
{
  double derive_ms;          /* one Argon2id key (crypto_pwhash, the cost new bundles use) */

  guint  month_people;       /* active members of the cohort */
  guint  month_changes;      /* commits of a month's work on it */
  guint  month_rows;
  gsize  month_bytes;        /* the bundle */
  double month_write_ms;     /* korak_exchange_write_bundle(), key and check value included */
  double month_apply_ms;     /* korak_exchange_apply_bundle() at the office */

  guint  big_rows;           /* rows in the big bundle */
  guint  big_changes;
  gsize  big_bytes;
  double big_write_ms;
  double big_apply_ms;
} KorakExchangeBench;

/* Measures the exchange in @dir (scratch, left with its files): a sample
 * database, a site and the office made from it; the time to write the
 * bundle of one month's work on a cohort of about 20 people, and to apply
 * it; and the time to write and apply a bundle of @big_rows rows (journal
 * entries in transactions of 1,000; 100,000 for the goal). For korak-cli
 * bench and the tests (test-exchange -m perf). */
gboolean korak_exchange_bench (const char          *dir,
                               guint                big_rows,
                               KorakExchangeBench  *result,
                               GError             **error);

G_END_DECLS
