/* korak-mediators.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "korak-store.h"

G_BEGIN_DECLS

/* Interpreting made visible. A session (group or individual hour), an
 * assessment and a note record whether an intercultural mediator was
 * there, which one (mediator_id; 0 with mediator_present means "a
 * mediator, not recorded which") and the language the conversation ran
 * in (a language tag, NULL: not recorded). Organisations report the
 * mediator's hours to the funder, per cohort and per language: this is
 * where they are totalled. */

/* The mediator a new record about @participant_id (the cohort of their
 * active enrolment, else their latest) or @cohort_id offers first: the
 * cohort's mediator, or 0 when it has none. FALSE only on a database
 * error. */
gboolean   korak_store_default_mediator   (KorakStore  *store,
                                           gint64       participant_id,
                                           gint64       cohort_id,
                                           gint64      *mediator_id,
                                           GError     **error);

/* Language tags to offer for "Language of the conversation", for a
 * record about @participant_id (their languages first) or about the group
 * of @cohort_id (the mother tongues of its active members who need a
 * mediator first, most frequent first); then Slovenian and the rest, as
 * korak_store_note_languages() orders them. */
GStrv      korak_store_mediator_languages (KorakStore  *store,
                                           gint64       participant_id,
                                           gint64       cohort_id,
                                           GError     **error);

/* One line of the totals: a cohort × mediator × language. Hours are those
 * of held sessions (not cancelled) with a mediator present, end minus
 * start; individual hours are sessions of kind "individual", group hours
 * every other kind (group, visit, work practice). Assessments and notes
 * have no duration: they are counted. An assessment or a participant's
 * note belongs to the cohort the participant was enrolled in on its date
 * (else their latest enrolment; cohort_id 0 with none). */
typedef struct
{
  gint64  cohort_id;         /* 0: no cohort, or (in the totals) every cohort */
  char   *cohort_name;       /* NULL in the totals */
  gint64  mediator_id;       /* 0: not recorded, or (by language) every mediator */
  char   *mediator_name;     /* "Mediator not recorded" for 0; NULL by language */
  char   *language;          /* a tag; NULL: not recorded, or (by mediator) every language */
  double  group_hours;
  double  individual_hours;
  int     n_sessions;        /* group, visit and work-practice sessions */
  int     n_individual;      /* individual sessions */
  int     n_assessments;
  int     n_notes;
} KorakMediatorHours;

typedef struct
{
  GPtrArray          *rows;         /* KorakMediatorHours*: by cohort name, mediator name, language name */
  GPtrArray          *by_mediator;  /* per mediator over all cohorts and languages (language NULL) */
  GPtrArray          *by_language;  /* per language over all cohorts and mediators (mediator_id 0) */
  KorakMediatorHours *total;        /* everything */
} KorakMediatorSummary;

void                  korak_mediator_hours_free    (KorakMediatorHours   *hours);
void                  korak_mediator_summary_free  (KorakMediatorSummary *summary);
double                korak_mediator_hours_total   (const KorakMediatorHours *hours);

/* The mediator hours of @cohort_id (0: every cohort) from @from to @to
 * inclusive (ISO dates; NULL: open). KORAK_STORE_ERROR_INVALID for a date
 * that is not one, or @from after @to. */
KorakMediatorSummary *korak_store_mediator_hours   (KorakStore  *store,
                                                    gint64       cohort_id,
                                                    const char  *from,
                                                    const char  *to,
                                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakMediatorHours, korak_mediator_hours_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakMediatorSummary, korak_mediator_summary_free)

G_END_DECLS
