/* korak-participant-private.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-participant.h"

G_BEGIN_DECLS

/* The list marks search hits on the items themselves, which is cheaper per
 * keystroke than building a set of ids. */
guint       korak_participant_get_mark          (KorakParticipant *self);
void        korak_participant_set_mark          (KorakParticipant *self,
                                                 guint             mark);
const char *korak_participant_get_given_collate_key (KorakParticipant *self);

G_END_DECLS
