/* korak-programmes-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-programme-list.h"

G_BEGIN_DECLS

#define KORAK_TYPE_PROGRAMMES_DIALOG (korak_programmes_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KorakProgrammesDialog, korak_programmes_dialog, KORAK, PROGRAMMES_DIALOG, AdwWindow)

KorakProgrammesDialog *korak_programmes_dialog_new       (GtkWindow             *parent,
                                                          KorakProgrammeList    *programmes);
/* Opens the form for @programme_id, or for a new programme when 0. */
void                   korak_programmes_dialog_edit      (KorakProgrammesDialog *self,
                                                          gint64                 programme_id);
gboolean               korak_programmes_dialog_save      (KorakProgrammesDialog *self);
const char            *korak_programmes_dialog_get_error (KorakProgrammesDialog *self);

G_END_DECLS
