/* korak-participants-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-participant-list.h"
#include "korak-profile-page.h"

G_BEGIN_DECLS

#define KORAK_TYPE_PARTICIPANTS_PAGE (korak_participants_page_get_type ())

G_DECLARE_FINAL_TYPE (KorakParticipantsPage, korak_participants_page, KORAK, PARTICIPANTS_PAGE, AdwBin)

void                  korak_participants_page_set_model     (KorakParticipantsPage *self,
                                                             KorakParticipantList  *participants,
                                                             GListModel            *cohorts);
KorakParticipantList *korak_participants_page_get_model     (KorakParticipantsPage *self);
KorakProfilePage     *korak_participants_page_get_profile   (KorakParticipantsPage *self);
GtkEditable          *korak_participants_page_get_search    (KorakParticipantsPage *self);
GtkListView          *korak_participants_page_get_list_view (KorakParticipantsPage *self);
const char           *korak_participants_page_get_state     (KorakParticipantsPage *self);
void                  korak_participants_page_set_loading   (KorakParticipantsPage *self);
void                  korak_participants_page_select        (KorakParticipantsPage *self,
                                                             gint64                 id);

AdwToast *korak_participants_page_get_undo_toast (KorakParticipantsPage *self);

G_END_DECLS
