/* korak-demo-private.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint        n_participants;
  guint32      seed;
  const char  *reference_date;   /* ISO "today" of the data set, not after today; NULL for today */
} KorakDemoOptions;

typedef struct
{
  guint organisations;
  guint staff;
  guint programmes;
  guint cohorts;
  guint modules;
  guint participants;
  guint archived;
  guint enrolments;
  guint patterns;
  guint sessions;
  guint attendance;
  guint assessments;
} KorakDemoCounts;

gboolean korak_demo_generate (KorakStore              *store,
                              const KorakDemoOptions  *options,
                              KorakDemoCounts         *counts,
                              GError                 **error);

/* korak-demo-links.c: linked notes translating the sample goals and small
 * wins (Arabic, Albanian, Bosnian), and typed translations of a few
 * seeded scale descriptions; inside korak_demo_generate()'s transaction. */
gboolean korak_demo_insert_links (KorakStore  *store,
                                  guint32      seed,
                                  GError     **error);

G_END_DECLS
