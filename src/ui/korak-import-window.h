/* korak-import-window.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-participant-list.h"

G_BEGIN_DECLS

#define KORAK_TYPE_IMPORT_WINDOW (korak_import_window_get_type ())

G_DECLARE_FINAL_TYPE (KorakImportWindow, korak_import_window, KORAK, IMPORT_WINDOW, AdwWindow)

/* Imports referrals from a CSV file into @participants' store: the person
 * chooses the file, checks which field each column holds and sees every
 * line that cannot be imported, with the reason. Import stays off until
 * every line is right, then stores them all in one transaction and emits
 * "imported" with how many. */
KorakImportWindow *korak_import_window_new            (GtkWindow            *parent,
                                                       KorakParticipantList *participants);
/* Reads @path into the preview (what choosing a file does). */
gboolean           korak_import_window_load           (KorakImportWindow    *self,
                                                       const char           *path,
                                                       GError              **error);
/* Sets the field of a column (KorakParticipantField or KORAK_CSV_IGNORE) as its combo row does. */
void               korak_import_window_set_mapping    (KorakImportWindow    *self,
                                                       guint                 column,
                                                       int                   field);
gboolean           korak_import_window_apply          (KorakImportWindow    *self);
const char        *korak_import_window_get_summary    (KorakImportWindow    *self);
guint              korak_import_window_get_n_invalid  (KorakImportWindow    *self);
GtkWidget         *korak_import_window_get_import_button (KorakImportWindow *self);

G_END_DECLS
