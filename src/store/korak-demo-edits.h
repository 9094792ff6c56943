/* korak-demo-edits.h
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
  guint transactions;   /* commits, one per edit as a person saves it */
  guint marks;          /* attendance marks */
  guint participants;   /* new participants, enrolled */
  guint goals;          /* goals added to a plan */
  guint journal;        /* journal entries */
  guint notes;          /* notes */
  guint updates;        /* contact details corrected */
} KorakDemoEditCounts;

/* A mentor's work on one cohort over @n_days days from @from (ISO), each
 * edit saved through the store's calls as Korak's views save it: the
 * register of every session held, and now and then a new participant
 * enrolled, a goal added to someone's plan, a small win or a concern in the
 * journal, a note, a phone number corrected. Drawn from @seed, so the same
 * seed on the same data makes the same edits (the ids are random). For the
 * exchange's tests and bench: the work an offline desk brings back. */
gboolean korak_demo_edit_cohort (KorakStore           *store,
                                 gint64                cohort_id,
                                 const char           *from,
                                 guint                 n_days,
                                 guint32               seed,
                                 KorakDemoEditCounts  *counts,
                                 GError              **error);

G_END_DECLS
