/* korak-preferences-window.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-area-list.h"

G_BEGIN_DECLS

#define KORAK_TYPE_PREFERENCES_WINDOW (korak_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (KorakPreferencesWindow, korak_preferences_window, KORAK, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings: the application's GSettings, or NULL when its schema is not
 * installed (then the preferences show but cannot be changed). */
GtkWidget     *korak_preferences_window_new                  (GtkWindow *parent,
                                                              GSettings *settings);
GtkSpinButton *korak_preferences_window_get_threshold_button (KorakPreferencesWindow *self);
/* Adds the Competency Areas page: rename, reorder, retire, restore, add. */
void           korak_preferences_window_set_store            (KorakPreferencesWindow *self,
                                                              KorakStore             *store);
KorakAreaList *korak_preferences_window_get_areas            (KorakPreferencesWindow *self);

G_END_DECLS
