/* korak-participant-list.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-participant.h"
#include "korak-store.h"

G_BEGIN_DECLS

typedef enum
{
  KORAK_PARTICIPANT_SORT_FAMILY_NAME,
  KORAK_PARTICIPANT_SORT_GIVEN_NAME,
  KORAK_PARTICIPANT_SORT_STATUS,
  KORAK_PARTICIPANT_SORT_RECENTLY_CHANGED,
} KorakParticipantSort;

/* The status filter takes a status code, NULL for every current person,
 * or this value for the archived ones. */
#define KORAK_PARTICIPANT_FILTER_ARCHIVED "archived"

#define KORAK_TYPE_PARTICIPANT_LIST (korak_participant_list_get_type ())

G_DECLARE_FINAL_TYPE (KorakParticipantList, korak_participant_list, KORAK, PARTICIPANT_LIST, GObject)

KorakParticipantList *korak_participant_list_new               (KorakStore            *store);
KorakStore           *korak_participant_list_get_store         (KorakParticipantList  *self);
gboolean              korak_participant_list_reload            (KorakParticipantList  *self,
                                                                GError               **error);
guint                 korak_participant_list_get_total         (KorakParticipantList  *self);
void                  korak_participant_list_set_search        (KorakParticipantList  *self,
                                                                const char            *text);
const char           *korak_participant_list_get_search        (KorakParticipantList  *self);
void                  korak_participant_list_set_status_filter (KorakParticipantList  *self,
                                                                const char            *status);
void                  korak_participant_list_set_cohort_filter (KorakParticipantList  *self,
                                                                gint64                 cohort_id);
void                  korak_participant_list_set_target_group_filter (KorakParticipantList *self,
                                                                      const char           *target_group);
void                  korak_participant_list_set_sort          (KorakParticipantList  *self,
                                                                KorakParticipantSort   sort);
KorakParticipant     *korak_participant_list_lookup            (KorakParticipantList  *self,
                                                                gint64                 id);
gboolean              korak_participant_list_find              (KorakParticipantList  *self,
                                                                gint64                 id,
                                                                guint                 *position);
KorakParticipant     *korak_participant_list_add               (KorakParticipantList    *self,
                                                                KorakParticipantRecord  *record,
                                                                GError                 **error);
gboolean              korak_participant_list_save              (KorakParticipantList    *self,
                                                                KorakParticipantRecord  *record,
                                                                GError                 **error);
gboolean              korak_participant_list_set_archived      (KorakParticipantList  *self,
                                                                gint64                 id,
                                                                gboolean               archived,
                                                                GError               **error);

G_END_DECLS
