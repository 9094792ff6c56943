/* korak-participant-record.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "korak-store.h"

G_BEGIN_DECLS

/* One enum names every editable participant column; the store, the model,
 * the profile form and the demo generator all walk this one list. */
typedef enum
{
  KORAK_FIELD_GIVEN_NAME,
  KORAK_FIELD_FAMILY_NAME,
  KORAK_FIELD_BIRTH_DATE,
  KORAK_FIELD_PHONE,
  KORAK_FIELD_EMAIL,
  KORAK_FIELD_ADDRESS,
  KORAK_FIELD_MUNICIPALITY,
  KORAK_FIELD_MOTHER_TONGUE,
  KORAK_FIELD_OTHER_LANGUAGES,
  KORAK_FIELD_NEEDS_MEDIATOR,
  KORAK_FIELD_TARGET_GROUP,
  KORAK_FIELD_REFERRAL_SOURCE,
  KORAK_FIELD_REFERRAL_DATE,
  KORAK_FIELD_REFERRING_WORKER,
  KORAK_FIELD_CONSENT_DATE,
  KORAK_FIELD_CONSENT_SCOPE,
  KORAK_FIELD_STATUS,
  KORAK_N_FIELDS
} KorakParticipantField;

typedef enum
{
  KORAK_FIELD_KIND_TEXT,
  KORAK_FIELD_KIND_NAME,
  KORAK_FIELD_KIND_DATE,
  KORAK_FIELD_KIND_PAST_DATE,
  KORAK_FIELD_KIND_EMAIL,
  KORAK_FIELD_KIND_PHONE,
  KORAK_FIELD_KIND_BOOLEAN,
  KORAK_FIELD_KIND_CHOICE,
} KorakFieldKind;

typedef struct
{
  const char *code;    /* stored in SQLite */
  const char *label;   /* N_(), translate with korak_choice_label() */
} KorakChoice;

typedef struct
{
  const char        *column;
  const char        *label;    /* N_() */
  KorakFieldKind     kind;
  gboolean           required;
  const KorakChoice *choices;  /* { NULL, NULL }-terminated, for CHOICE */
} KorakFieldInfo;

/* Longest text a field takes; far above any real name, below what would
 * make the window or a document unusable. */
#define KORAK_FIELD_MAX_CHARS 100000

typedef struct
{
  gint64  id;
  char   *values[KORAK_N_FIELDS];   /* NULL when empty; booleans "0"/"1" */
  gint64  cohort_id;                /* current enrolment, 0 for none */
  char   *cohort_name;
  char   *archived_at;
  char   *updated_at;
} KorakParticipantRecord;

typedef struct
{
  gint64  id;
  char   *name;
  char   *programme_name;
  char   *start_date;
} KorakCohortRecord;

const KorakFieldInfo   *korak_participant_field_info     (KorakParticipantField field);
const char             *korak_choice_label               (const KorakChoice *choices,
                                                          const char        *code);
const KorakChoice      *korak_participant_statuses       (void);
const KorakChoice      *korak_participant_target_groups  (void);
const KorakChoice      *korak_participant_referral_sources (void);
gboolean                korak_participant_field_validate (KorakParticipantField  field,
                                                          const char            *value,
                                                          GError               **error);

KorakParticipantRecord *korak_participant_record_new      (void);
KorakParticipantRecord *korak_participant_record_copy     (const KorakParticipantRecord *record);
void                    korak_participant_record_free     (KorakParticipantRecord *record);
const char             *korak_participant_record_get      (const KorakParticipantRecord *record,
                                                           KorakParticipantField         field);
void                    korak_participant_record_set      (KorakParticipantRecord *record,
                                                           KorakParticipantField   field,
                                                           const char             *value);
gboolean                korak_participant_record_validate (const KorakParticipantRecord  *record,
                                                           GError                       **error);
void                    korak_cohort_record_free          (KorakCohortRecord *record);

gboolean                korak_store_insert_participant    (KorakStore              *store,
                                                           KorakParticipantRecord  *record,
                                                           GError                 **error);
gboolean                korak_store_insert_participants   (KorakStore              *store,
                                                           GPtrArray               *records,
                                                           guint                   *failed,
                                                           GError                 **error);
gboolean                korak_store_update_participant    (KorakStore              *store,
                                                           KorakParticipantRecord  *record,
                                                           GError                 **error);
gboolean                korak_store_set_participant_archived (KorakStore  *store,
                                                              gint64       id,
                                                              gboolean     archived,
                                                              GError     **error);
KorakParticipantRecord *korak_store_get_participant       (KorakStore  *store,
                                                           gint64       id,
                                                           GError     **error);
GPtrArray              *korak_store_list_participants     (KorakStore  *store,
                                                           GError     **error);
GArray                 *korak_store_search_participants   (KorakStore  *store,
                                                           const char  *text,
                                                           GError     **error);
char                   *korak_fts_query_from_text         (const char  *text);
GPtrArray              *korak_store_list_cohorts          (KorakStore  *store,
                                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakParticipantRecord, korak_participant_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakCohortRecord, korak_cohort_record_free)

G_END_DECLS
