/* korak-new-participant-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-participant-form.h"
#include "korak-participant-list.h"

G_BEGIN_DECLS

#define KORAK_TYPE_NEW_PARTICIPANT_DIALOG (korak_new_participant_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KorakNewParticipantDialog, korak_new_participant_dialog, KORAK, NEW_PARTICIPANT_DIALOG, AdwWindow)

KorakNewParticipantDialog *korak_new_participant_dialog_new      (GtkWindow            *parent,
                                                                  KorakParticipantList *participants,
                                                                  GListModel           *cohorts);
KorakParticipantForm      *korak_new_participant_dialog_get_form (KorakNewParticipantDialog *self);
gboolean                   korak_new_participant_dialog_add      (KorakNewParticipantDialog *self);

G_END_DECLS
