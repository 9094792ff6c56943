/* korak-cohort.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_COHORT (korak_cohort_get_type ())

G_DECLARE_FINAL_TYPE (KorakCohort, korak_cohort, KORAK, COHORT, GObject)

gint64      korak_cohort_get_id             (KorakCohort *self);
const char *korak_cohort_get_name           (KorakCohort *self);
const char *korak_cohort_get_programme_name (KorakCohort *self);

/* A GListStore of KorakCohort: the cohorts one can enrol in, newest first. */
GListModel *korak_cohort_list_load          (KorakStore  *store,
                                             GError     **error);

G_END_DECLS
