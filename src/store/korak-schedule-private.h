/* korak-schedule-private.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-schedule.h"

G_BEGIN_DECLS

/* korak_store_generate_sessions() inside a transaction the caller holds
 * (the demo generator writes everything in one). */
gboolean korak_schedule_generate_locked (KorakStore           *store,
                                         gint64                cohort_id,
                                         KorakGenerateResult  *result,
                                         GError              **error);

/* Julian day numbers (GDate) of the work-free holidays from @first_year to
 * @last_year, as a set (GUINT_TO_POINTER keys). */
GHashTable *korak_holiday_set_new        (int  first_year,
                                          int  last_year);

G_END_DECLS
