/* korak-retention-window.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_RETENTION_WINDOW (korak_retention_window_get_type ())

G_DECLARE_FINAL_TYPE (KorakRetentionWindow, korak_retention_window, KORAK, RETENTION_WINDOW, AdwWindow)

/* People Past Retention: those whose last enrolment ended more than the
 * "retention-years" setting ago and who are in no programme now, each with
 * an Erase button (which asks first, see KorakEraseDialog). Emits
 * "person-erased" with the participant id after each erasure, so the
 * participant list can be read again. */
KorakRetentionWindow *korak_retention_window_new     (GtkWindow            *parent,
                                                      KorakStore           *store);
/* Reads the list again (done on opening and after each erasure). */
gboolean              korak_retention_window_reload  (KorakRetentionWindow *self,
                                                      GError              **error);
guint                 korak_retention_window_get_n_people (KorakRetentionWindow *self);
/* The retention period used, in years; the setting by default. */
void                  korak_retention_window_set_years (KorakRetentionWindow *self,
                                                        guint                 years);
/* Opens the erase dialog for the person listed at @position (for tests
 * and the row's button). */
GtkWindow            *korak_retention_window_erase_at (KorakRetentionWindow *self,
                                                       guint                 position);

G_END_DECLS
