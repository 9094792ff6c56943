/* korak-exit-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-plan.h"

G_BEGIN_DECLS

#define KORAK_TYPE_EXIT_DIALOG (korak_exit_dialog_get_type ())

/* Ends a participant's active enrolment: date, reason, whether it counts as
 * positive and an optional outcome; schedules the 3- and 6-month follow-ups.
 * Emits "done" (gint64 enrolment id) after storing, then closes. */
G_DECLARE_FINAL_TYPE (KorakExitDialog, korak_exit_dialog, KORAK, EXIT_DIALOG, AdwWindow)

KorakExitDialog *korak_exit_dialog_new     (GtkWindow   *parent,
                                            KorakStore  *store,
                                            gint64       participant_id);
/* Presents a new dialog for @participant_id over @parent. */
KorakExitDialog *korak_exit_dialog_open    (GtkWindow   *parent,
                                            KorakStore  *store,
                                            gint64       participant_id);
/* Stores the exit; FALSE with the reason shown inline. */
gboolean         korak_exit_dialog_confirm (KorakExitDialog *self);
const char      *korak_exit_dialog_get_error (KorakExitDialog *self);

G_END_DECLS
