/* korak-staff-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-staff-list.h"

G_BEGIN_DECLS

#define KORAK_TYPE_STAFF_DIALOG (korak_staff_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KorakStaffDialog, korak_staff_dialog, KORAK, STAFF_DIALOG, AdwWindow)

/* @staff: every staff member, archived ones included. */
KorakStaffDialog *korak_staff_dialog_new       (GtkWindow        *parent,
                                                KorakStaffList   *staff);
/* Opens the form for @staff_id, or for a new person when 0. */
void              korak_staff_dialog_edit      (KorakStaffDialog *self,
                                                gint64            staff_id);
gboolean          korak_staff_dialog_save      (KorakStaffDialog *self);
const char       *korak_staff_dialog_get_error (KorakStaffDialog *self);

G_END_DECLS
