/* korak-ical.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-store.h"

G_BEGIN_DECLS

/* The cohort's timetable as iCalendar (RFC 5545) through libical: one VEVENT
 * per session with a stable UID, local times in Europe/Ljubljana, the
 * activity as summary, place as location, and cancelled sessions with
 * STATUS:CANCELLED and the reason in the description. */
char     *korak_ical_cohort_to_string (KorakStore  *store,
                                       gint64       cohort_id,
                                       GError     **error);
gboolean  korak_ical_export_cohort    (KorakStore  *store,
                                       gint64       cohort_id,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS
