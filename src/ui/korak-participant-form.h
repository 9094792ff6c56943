/* korak-participant-form.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-participant-record.h"

G_BEGIN_DECLS

#define KORAK_TYPE_PARTICIPANT_FORM (korak_participant_form_get_type ())

G_DECLARE_FINAL_TYPE (KorakParticipantForm, korak_participant_form, KORAK, PARTICIPANT_FORM, AdwBin)

GtkWidget *korak_participant_form_new         (void);
void       korak_participant_form_set_cohorts (KorakParticipantForm          *self,
                                               GListModel                    *cohorts);
void       korak_participant_form_set_record  (KorakParticipantForm          *self,
                                               const KorakParticipantRecord  *record);
gboolean   korak_participant_form_read_record (KorakParticipantForm          *self,
                                               KorakParticipantRecord        *record,
                                               GError                       **error);
void       korak_participant_form_show_error  (KorakParticipantForm          *self,
                                               const char                    *message);
const char *korak_participant_form_get_error  (KorakParticipantForm          *self);
gboolean   korak_participant_form_get_changed (KorakParticipantForm          *self);
GtkWidget *korak_participant_form_get_row     (KorakParticipantForm          *self,
                                               KorakParticipantField          field);
GtkWidget *korak_participant_form_get_cohort_row (KorakParticipantForm       *self);

G_END_DECLS
