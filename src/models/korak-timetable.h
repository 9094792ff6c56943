/* korak-timetable.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-schedule.h"

G_BEGIN_DECLS

#define KORAK_TYPE_TIMETABLE (korak_timetable_get_type ())

/* One cohort's week: its sessions as a GListModel of KorakSession, the
 * module the week falls in, and the week's attendance summary. The views
 * bind to it and never query the store themselves. */
G_DECLARE_FINAL_TYPE (KorakTimetable, korak_timetable, KORAK, TIMETABLE, GObject)

KorakTimetable          *korak_timetable_new              (KorakStore      *store);
KorakStore              *korak_timetable_get_store        (KorakTimetable  *self);
GListModel              *korak_timetable_get_sessions     (KorakTimetable  *self);
gint64                   korak_timetable_get_cohort_id    (KorakTimetable  *self);
const KorakCohortDetail *korak_timetable_get_cohort       (KorakTimetable  *self);
/* The Monday of the week shown. */
const GDate             *korak_timetable_get_monday       (KorakTimetable  *self);
const KorakWeekSummary  *korak_timetable_get_summary      (KorakTimetable  *self);
/* "Module 1 · Workshops", or NULL outside the cohort's modules. */
char                    *korak_timetable_dup_module_label (KorakTimetable  *self);

/* Each reloads the sessions and the summary; on failure nothing changes. */
gboolean                 korak_timetable_set_cohort       (KorakTimetable  *self,
                                                           gint64           cohort_id,
                                                           GError         **error);
gboolean                 korak_timetable_set_week         (KorakTimetable  *self,
                                                           const GDate     *day,
                                                           GError         **error);
gboolean                 korak_timetable_shift_weeks      (KorakTimetable  *self,
                                                           int              weeks,
                                                           GError         **error);
gboolean                 korak_timetable_reload           (KorakTimetable  *self,
                                                           GError         **error);

G_END_DECLS
