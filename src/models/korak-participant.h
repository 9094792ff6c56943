/* korak-participant.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "korak-participant-record.h"

G_BEGIN_DECLS

#define KORAK_TYPE_PARTICIPANT (korak_participant_get_type ())

G_DECLARE_FINAL_TYPE (KorakParticipant, korak_participant, KORAK, PARTICIPANT, GObject)

KorakParticipant             *korak_participant_new                (KorakParticipantRecord *record);
gint64                        korak_participant_get_id             (KorakParticipant *self);
const KorakParticipantRecord *korak_participant_get_record         (KorakParticipant *self);
void                          korak_participant_set_record         (KorakParticipant       *self,
                                                                    KorakParticipantRecord *record);
const char                   *korak_participant_get_field          (KorakParticipant      *self,
                                                                    KorakParticipantField  field);
const char                   *korak_participant_get_display_name   (KorakParticipant *self);
const char                   *korak_participant_get_sort_name      (KorakParticipant *self);
const char                   *korak_participant_get_status_label   (KorakParticipant *self);
const char                   *korak_participant_get_target_group_label (KorakParticipant *self);
const char                   *korak_participant_get_cohort_name    (KorakParticipant *self);
gint64                        korak_participant_get_cohort_id      (KorakParticipant *self);
gboolean                      korak_participant_get_needs_mediator (KorakParticipant *self);
gboolean                      korak_participant_get_archived       (KorakParticipant *self);
const char                   *korak_participant_get_collate_key    (KorakParticipant *self);

G_END_DECLS
