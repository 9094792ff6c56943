/* korak-window.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-attendance-page.h"
#include "korak-cohorts-page.h"
#include "korak-conflicts-page.h"
#include "korak-participants-page.h"
#include "korak-recovery-page.h"
#include "korak-review-page.h"
#include "korak-schedule-page.h"
#include "korak-today-page.h"
#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_WINDOW (korak_window_get_type ())

G_DECLARE_FINAL_TYPE (KorakWindow, korak_window, KORAK, WINDOW, AdwApplicationWindow)

KorakWindow           *korak_window_new                   (AdwApplication *application,
                                                           const char     *database_path);
gboolean               korak_window_open_database         (KorakWindow    *self,
                                                           const char     *database_path);
KorakStore            *korak_window_get_store             (KorakWindow    *self);
KorakParticipantsPage *korak_window_get_participants_page (KorakWindow    *self);
gboolean               korak_window_get_loaded            (KorakWindow    *self);
const char            *korak_window_get_error_message     (KorakWindow    *self);
KorakSchedulePage     *korak_window_get_schedule_page     (KorakWindow    *self);
KorakCohortsPage      *korak_window_get_cohorts_page      (KorakWindow    *self);
KorakAttendancePage   *korak_window_get_attendance_page   (KorakWindow    *self);
KorakTodayPage        *korak_window_get_today_page        (KorakWindow    *self);
KorakReviewPage       *korak_window_get_review_page       (KorakWindow    *self);
KorakReviewQueue      *korak_window_get_review_queue      (KorakWindow    *self);
void                   korak_window_show_view             (KorakWindow    *self,
                                                           const char     *name);
void                   korak_window_show_preferences      (KorakWindow    *self);
GtkWidget             *korak_window_get_preferences       (KorakWindow    *self);
const char            *korak_window_get_database_path     (KorakWindow    *self);
const char            *korak_window_get_state             (KorakWindow    *self);
const char            *korak_window_get_help_page         (KorakWindow    *self);
KorakRecoveryPage     *korak_window_get_recovery_page     (KorakWindow    *self);

/* Backups: the quick check after start, and restoring a backup. */
void                   korak_window_check_database        (KorakWindow         *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean               korak_window_check_database_finish (KorakWindow         *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                   korak_window_restore_backup        (KorakWindow    *self,
                                                           const char     *backup_path,
                                                           const char     *description);
const char            *korak_window_get_safety_copy       (KorakWindow    *self);
void                   korak_window_show_toast            (KorakWindow    *self,
                                                           const char     *title);

/* Offline desks: Send Changes…, Receive Changes… and the Conflicts view. */
AdwMessageDialog      *korak_window_send_changes          (KorakWindow    *self);
AdwMessageDialog      *korak_window_receive_changes       (KorakWindow    *self,
                                                           const char     *path);
void                   korak_window_apply_changes         (KorakWindow    *self,
                                                           const char     *path,
                                                           const char     *passphrase);
GtkWidget             *korak_window_get_exchange_result   (KorakWindow    *self);
KorakConflictsPage    *korak_window_get_conflicts_page    (KorakWindow    *self);
gint64                 korak_window_get_n_conflicts       (KorakWindow    *self);
GtkWidget             *korak_window_get_conflicts_row     (KorakWindow    *self);

G_END_DECLS
