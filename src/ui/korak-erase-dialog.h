/* korak-erase-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_ERASE_DIALOG (korak_erase_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KorakEraseDialog, korak_erase_dialog, KORAK, ERASE_DIALOG, AdwMessageDialog)

/* Asks before erasing everything Korak holds about a person: "Erase" is
 * enabled only once @name is typed. Emits "erased" (the participant id)
 * when the person is gone; a failure is shown in a dialog of its own. */
KorakEraseDialog *korak_erase_dialog_new (GtkWindow   *parent,
                                          KorakStore  *store,
                                          gint64       participant_id,
                                          const char  *name);
GtkEditable      *korak_erase_dialog_get_entry (KorakEraseDialog *self);

G_END_DECLS
