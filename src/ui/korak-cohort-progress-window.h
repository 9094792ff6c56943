/* korak-cohort-progress-window.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_COHORT_PROGRESS_WINDOW (korak_cohort_progress_window_get_type ())

/* A cohort's outcomes: exits by reason, the distribution of the change
 * from intake to exit (or latest) assessment, and a row per participant
 * with the intake average, the latest average and the change. */
G_DECLARE_FINAL_TYPE (KorakCohortProgressWindow, korak_cohort_progress_window, KORAK, COHORT_PROGRESS_WINDOW, AdwWindow)

KorakCohortProgressWindow *korak_cohort_progress_window_new (GtkWindow   *parent,
                                                             KorakStore  *store,
                                                             gint64       cohort_id,
                                                             const char  *cohort_name,
                                                             GError     **error);
const char *korak_cohort_progress_window_get_exits_description  (KorakCohortProgressWindow *self);
const char *korak_cohort_progress_window_get_change_description (KorakCohortProgressWindow *self);
guint       korak_cohort_progress_window_get_n_rows             (KorakCohortProgressWindow *self);

G_END_DECLS
