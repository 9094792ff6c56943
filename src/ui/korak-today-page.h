/* korak-today-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-today.h"

G_BEGIN_DECLS

#define KORAK_TYPE_TODAY_PAGE (korak_today_page_get_type ())

/* The mentor's first page: today's sessions, plan reviews due or overdue,
 * follow-ups due, attendance warnings and the newest small wins. A row
 * emits "open" (const char *kind, gint64 id): "session" with a session id,
 * "review" with a participant id (open the plan), "follow-up" with a
 * follow-up id (open KorakFollowUpDialog), "attendance" and "small-win"
 * with a participant id. */
G_DECLARE_FINAL_TYPE (KorakTodayPage, korak_today_page, KORAK, TODAY_PAGE, AdwBin)

void        korak_today_page_set_store     (KorakTodayPage *self,
                                            KorakStore     *store);
void        korak_today_page_reload        (KorakTodayPage *self);
gboolean    korak_today_page_get_loading   (KorakTodayPage *self);
/* Attendance warnings under @percent (0..100); default 75. */
void        korak_today_page_set_threshold (KorakTodayPage *self,
                                            int             percent);
/* The day shown (ISO); NULL for today (the default). */
void        korak_today_page_set_date      (KorakTodayPage *self,
                                            const char     *date);
KorakToday *korak_today_page_get_model     (KorakTodayPage *self);

G_END_DECLS
