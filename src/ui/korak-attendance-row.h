/* korak-attendance-row.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-register.h"

G_BEGIN_DECLS

#define KORAK_TYPE_ATTENDANCE_ROW (korak_attendance_row_get_type ())

/* One person on a session's register: present / late / excused / absent,
 * hours and a remark. Keys P, L, E and A mark the focused row, Delete
 * clears it. */
G_DECLARE_FINAL_TYPE (KorakAttendanceRow, korak_attendance_row, KORAK, ATTENDANCE_ROW, GtkListBoxRow)

GtkWidget        *korak_attendance_row_new        (KorakRegisterRow   *row,
                                                   double              session_hours);
KorakRegisterRow *korak_attendance_row_get_item   (KorakAttendanceRow *self);
/* The state's toggle button, for tests and mnemonics. */
GtkWidget        *korak_attendance_row_get_toggle (KorakAttendanceRow *self,
                                                   const char         *state);
GtkWidget        *korak_attendance_row_get_hours_button (KorakAttendanceRow *self);
GtkWidget        *korak_attendance_row_get_remark_entry (KorakAttendanceRow *self);
gboolean          korak_attendance_row_handle_key (KorakAttendanceRow *self,
                                                   guint               keyval,
                                                   GdkModifierType     modifiers);

G_END_DECLS
