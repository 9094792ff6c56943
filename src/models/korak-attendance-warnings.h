/* korak-attendance-warnings.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-schedule.h"

G_BEGIN_DECLS

#define KORAK_TYPE_WARNING_ITEM (korak_warning_item_get_type ())

G_DECLARE_FINAL_TYPE (KorakWarningItem, korak_warning_item, KORAK, WARNING_ITEM, GObject)

const KorakAttendanceWarning *korak_warning_item_get_warning (KorakWarningItem *self);

/* A GListModel of KorakWarningItem: people whose attendance over the four
 * weeks up to @today (ISO) fell under @threshold (0..1), lowest first. */
GListModel *korak_attendance_warnings_load (KorakStore  *store,
                                            const char  *today,
                                            double       threshold,
                                            GError     **error);

/* The same, read on a worker thread through a connection of its own (the
 * query reads every mark of four weeks: ~0.6 s on 10,000 participants), so
 * the window stays responsive. */
void        korak_attendance_warnings_load_async  (KorakStore          *store,
                                                   const char          *today,
                                                   double               threshold,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GListModel *korak_attendance_warnings_load_finish (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
