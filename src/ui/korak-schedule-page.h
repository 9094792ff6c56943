/* korak-schedule-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-session-page.h"
#include "korak-timetable.h"
#include "korak-week-view.h"

G_BEGIN_DECLS

#define KORAK_TYPE_SCHEDULE_PAGE (korak_schedule_page_get_type ())

/* A cohort's timetable week by week; a session opens its register. */
G_DECLARE_FINAL_TYPE (KorakSchedulePage, korak_schedule_page, KORAK, SCHEDULE_PAGE, AdwBin)

void              korak_schedule_page_set_store        (KorakSchedulePage *self,
                                                        KorakStore        *store);
/* Rereads the cohorts (after one was added or changed) and the week. */
void              korak_schedule_page_reload           (KorakSchedulePage *self);
gboolean          korak_schedule_page_select_cohort    (KorakSchedulePage *self,
                                                        gint64             cohort_id);
gboolean          korak_schedule_page_show_session     (KorakSchedulePage *self,
                                                        gint64             session_id);
KorakTimetable   *korak_schedule_page_get_timetable    (KorakSchedulePage *self);
KorakSessionPage *korak_schedule_page_get_session_page (KorakSchedulePage *self);
KorakWeekView    *korak_schedule_page_get_week_view    (KorakSchedulePage *self);
const char       *korak_schedule_page_get_summary      (KorakSchedulePage *self);
/* "week" or "session" */
const char       *korak_schedule_page_get_visible      (KorakSchedulePage *self);

G_END_DECLS
