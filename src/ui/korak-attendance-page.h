/* korak-attendance-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_ATTENDANCE_PAGE (korak_attendance_page_get_type ())

/* Whose attendance over the last four weeks fell under the threshold set in
 * preferences. Activating a person emits "participant-activated" (gint64). */
G_DECLARE_FINAL_TYPE (KorakAttendancePage, korak_attendance_page, KORAK, ATTENDANCE_PAGE, AdwBin)

void        korak_attendance_page_set_store     (KorakAttendancePage *self,
                                                 KorakStore          *store);
/* Threshold in percent (0..100); the page rereads with it. */
void        korak_attendance_page_set_threshold (KorakAttendancePage *self,
                                                 int                  percent);
void        korak_attendance_page_reload        (KorakAttendancePage *self);
GListModel *korak_attendance_page_get_model     (KorakAttendancePage *self);
gboolean    korak_attendance_page_get_loading   (KorakAttendancePage *self);

G_END_DECLS
