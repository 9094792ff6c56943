/* korak-participant-row.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-participant.h"

G_BEGIN_DECLS

#define KORAK_TYPE_PARTICIPANT_ROW (korak_participant_row_get_type ())

G_DECLARE_FINAL_TYPE (KorakParticipantRow, korak_participant_row, KORAK, PARTICIPANT_ROW, AdwBin)

GtkWidget        *korak_participant_row_new             (void);
KorakParticipant *korak_participant_row_get_participant (KorakParticipantRow *self);
void              korak_participant_row_set_participant (KorakParticipantRow *self,
                                                         KorakParticipant    *participant);
const char       *korak_participant_row_get_title       (KorakParticipantRow *self);
const char       *korak_participant_row_get_subtitle    (KorakParticipantRow *self);

G_END_DECLS
