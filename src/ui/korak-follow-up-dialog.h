/* korak-follow-up-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-plan.h"

G_BEGIN_DECLS

#define KORAK_TYPE_FOLLOW_UP_DIALOG (korak_follow_up_dialog_get_type ())

/* Records one follow-up after the programme: when it took place, the
 * person's employment status and situation. Emits "done" (gint64
 * follow-up id) after storing, then closes. */
G_DECLARE_FINAL_TYPE (KorakFollowUpDialog, korak_follow_up_dialog, KORAK, FOLLOW_UP_DIALOG, AdwWindow)

/* NULL with @error when the follow-up is gone. */
KorakFollowUpDialog *korak_follow_up_dialog_new  (GtkWindow   *parent,
                                                  KorakStore  *store,
                                                  gint64       follow_up_id,
                                                  GError     **error);
gboolean             korak_follow_up_dialog_save (KorakFollowUpDialog *self);

G_END_DECLS
