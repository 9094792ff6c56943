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

/* The Organisation page (shown once a store is set): the letterhead and
 * paper of printed documents. Entries are stored with Enter, the logo and
 * paper as soon as they change, anything else typed on closing. */
gboolean       korak_preferences_window_save_organisation    (KorakPreferencesWindow *self);
/* @file: a PNG, or NULL to remove the logo. */
gboolean       korak_preferences_window_set_logo_file        (KorakPreferencesWindow *self,
                                                              GFile                  *file);
GtkEditable   *korak_preferences_window_get_organisation_entry (KorakPreferencesWindow *self,
                                                                const char             *name);
AdwComboRow   *korak_preferences_window_get_paper_row        (KorakPreferencesWindow *self);
const char    *korak_preferences_window_get_organisation_error (KorakPreferencesWindow *self);

/* General: the staff member using Korak here (the "current-staff" setting),
 * listed once a store is set. */
AdwComboRow   *korak_preferences_window_get_staff_row        (KorakPreferencesWindow *self);

/* The Backups page (shown once a store is set): the folder, Back Up Now
 * (action "backups.back-up"), the backups with Restore…, and Restore from
 * File…. A confirmed restore is emitted as ::restore-backup (path,
 * description) for the main window to do. */
gboolean       korak_preferences_window_set_backup_folder    (KorakPreferencesWindow *self,
                                                              const char             *folder);
void           korak_preferences_window_restore_from_file    (KorakPreferencesWindow *self,
                                                              const char             *path);
GPtrArray     *korak_preferences_window_get_backups          (KorakPreferencesWindow *self);
gboolean       korak_preferences_window_get_backing_up       (KorakPreferencesWindow *self);
GtkListBox    *korak_preferences_window_get_backup_list      (KorakPreferencesWindow *self);

/* The Desks page (shown once a store is set): this desk's name (stored with
 * Enter) and the other desks with when their changes last arrived and how
 * many changes wait for them. */
AdwEntryRow   *korak_preferences_window_get_desk_name_row    (KorakPreferencesWindow *self);

G_END_DECLS
