/* korak-plan.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "korak-participant-record.h"
#include "korak-store.h"

G_BEGIN_DECLS

/* Individual plans, the journal of small wins, exits and follow-ups, and
 * what the mentor's Today page lists. Every write is one transaction that
 * stores everything or nothing; input that is wrong comes back as
 * KORAK_STORE_ERROR_INVALID with a translated message saying what to
 * change. Dates are ISO "YYYY-MM-DD"; NULL or "" means no date. */

/* Choices: { code, N_(label) }, { NULL, NULL }-terminated; translate with
 * korak_choice_label(). */
const KorakChoice *korak_barrier_kinds       (void);  /* language, health, housing, childcare, transport, debt, digital_access, other */
const KorakChoice *korak_goal_areas          (void);  /* social, functional, work, language, education */
const KorakChoice *korak_goal_statuses       (void);  /* planned, in_progress, achieved, dropped */
const KorakChoice *korak_journal_kinds       (void);  /* small_win, milestone, concern */
const KorakChoice *korak_enrolment_exit_reasons (void); /* employment, education, further_training, job_seeker_registration, other_programme, personal, health, family, moved, other */
const KorakChoice *korak_employment_statuses (void);  /* employed, self_employed, education, training, job_seeker, programme, inactive, unknown */

/* Whether an exit for @reason usually counts as positive (employment,
 * education, further training, job-seeker registration, other programme). */
gboolean           korak_exit_reason_is_positive (const char *reason);

/* @iso plus @months calendar months; a day the month lacks becomes its
 * last day (2026-08-31 + 3 → 2026-11-30). NULL for a bad date. */
char              *korak_date_add_months     (const char *iso,
                                              int         months);

/* ------------------------------------------------------------------ plan */

typedef struct
{
  char     *kind;      /* korak_barrier_kinds() code */
  gboolean  checked;
  char     *remark;
} KorakBarrierRecord;

typedef struct
{
  gint64    id;          /* 0: new */
  char     *description; /* required */
  char     *due_date;
  gboolean  done;
} KorakGoalStepRecord;

typedef struct
{
  gint64     id;           /* 0: new */
  char      *area;         /* korak_goal_areas() code, required */
  char      *description;  /* required */
  char      *target_date;
  char      *status;       /* korak_goal_statuses() code, required */
  GPtrArray *steps;        /* KorakGoalStepRecord*, in order */
} KorakGoalRecord;

typedef struct
{
  gint64  id;              /* 0: new */
  gint64  activity_id;     /* from the catalogue, required */
  char   *activity_name;   /* read only, as stored (see korak_activity_label()) */
  char   *planned_date;
  char   *done_date;
} KorakPlanActivityRecord;

typedef struct
{
  gint64     id;               /* 0: no plan stored yet */
  gint64     participant_id;
  gint64     enrolment_id;     /* read only: the enrolment when first saved */
  char      *interests;
  char      *strengths;
  char      *work_experience;
  char      *education;
  GPtrArray *barriers;         /* KorakBarrierRecord*, one per korak_barrier_kinds() code, in order */
  GPtrArray *goals;            /* KorakGoalRecord*, in order */
  GPtrArray *activities;       /* KorakPlanActivityRecord*, in order */
  char      *agreed_date;      /* agreed with the participant on */
  char      *next_review_date;
  char      *last_review_date; /* read only: the newest review in the history */
} KorakPlanRecord;

KorakPlanRecord     *korak_plan_record_new        (gint64 participant_id);
KorakPlanRecord     *korak_plan_record_copy       (const KorakPlanRecord *record);
void                 korak_plan_record_free       (KorakPlanRecord *record);
KorakBarrierRecord  *korak_plan_record_get_barrier (KorakPlanRecord *record,
                                                    const char      *kind);
KorakGoalRecord     *korak_plan_record_add_goal   (KorakPlanRecord *record,
                                                   const char      *area,
                                                   const char      *description,
                                                   const char      *target_date);
KorakGoalStepRecord *korak_goal_record_add_step   (KorakGoalRecord *goal,
                                                   const char      *description,
                                                   const char      *due_date);
KorakPlanActivityRecord *korak_plan_record_add_activity (KorakPlanRecord *record,
                                                         gint64           activity_id,
                                                         const char      *planned_date);
KorakGoalRecord     *korak_goal_record_copy       (const KorakGoalRecord *goal);
void                 korak_goal_record_free       (KorakGoalRecord *goal);
void                 korak_goal_step_record_free  (KorakGoalStepRecord *step);
void                 korak_plan_activity_record_free (KorakPlanActivityRecord *activity);
/* "2 of 3 steps done" style counts. */
void                 korak_goal_record_count_steps (const KorakGoalRecord *goal,
                                                    guint                 *done,
                                                    guint                 *total);

/* The participant's plan, or a new empty one (id 0) when none is stored. */
KorakPlanRecord *korak_store_get_plan  (KorakStore  *store,
                                        gint64       participant_id,
                                        GError     **error);

typedef enum
{
  KORAK_PLAN_SAVE,      /* a plain save; history only when something changed */
  KORAK_PLAN_REVIEW,    /* a review on @date: always recorded, even with no change */
  KORAK_PLAN_AGREED,    /* agreed with the participant on @date (sets agreed_date) */
} KorakPlanSaveKind;

/* Stores the whole plan (goals, steps and activities missing from @record
 * are removed) and records in the history what changed compared with the
 * stored plan. @date is the day of the review or agreement (NULL: today).
 * Sets record->id and the ids of new goals, steps and activities. */
gboolean korak_store_save_plan (KorakStore         *store,
                                KorakPlanRecord    *record,
                                KorakPlanSaveKind   kind,
                                const char         *date,
                                GError            **error);

typedef struct
{
  gint64  id;
  char   *date;       /* the day of the save or review */
  char   *kind;       /* save, review, agreed */
  char   *changes;    /* JSON: [{"what": "goal", "field": "status", "old": …, "new": …}, …] */
  char   *summary;    /* translated, one line per change */
  guint   n_changes;
  char   *created_at; /* when, to the second (UTC) */
} KorakPlanReviewRecord;

void       korak_plan_review_record_free (KorakPlanReviewRecord *record);
/* KorakPlanReviewRecord*, newest first. */
GPtrArray *korak_store_list_plan_history (KorakStore  *store,
                                          gint64       plan_id,
                                          GError     **error);

/* --------------------------------------------------------------- journal */

typedef struct
{
  gint64  id;
  gint64  participant_id;
  char   *display_name;   /* read only */
  char   *date;
  char   *kind;           /* korak_journal_kinds() code */
  char   *text;           /* one line */
} KorakJournalRecord;

KorakJournalRecord *korak_journal_record_copy (const KorakJournalRecord *record);
void                korak_journal_record_free (KorakJournalRecord *record);

/* @date NULL: today. @text is trimmed and must hold one line. */
gboolean   korak_store_add_journal_entry (KorakStore  *store,
                                          gint64       participant_id,
                                          const char  *date,
                                          const char  *kind,
                                          const char  *text,
                                          gint64      *out_id,
                                          GError     **error);
/* KorakJournalRecord*, newest date first; entries of one day newest added first. */
GPtrArray *korak_store_list_journal      (KorakStore  *store,
                                          gint64       participant_id,
                                          GError     **error);
/* The newest entries of @kind (NULL: any) of everyone, up to @limit. */
GPtrArray *korak_store_list_recent_journal (KorakStore  *store,
                                            const char  *kind,
                                            guint        limit,
                                            GError     **error);

/* ------------------------------------------------------ exit and follow-up */

typedef struct
{
  char     *date;      /* required, on or after the enrolment's start */
  char     *reason;    /* korak_enrolment_exit_reasons() code, required */
  gboolean  positive;
  char     *outcome;   /* free text, e.g. the employer */
} KorakExitRecord;

/* Ends the participant's active enrolment on exit->date: status
 * 'completed' when the date is on or after the cohort's end, 'exited'
 * before (an early exit), the exit columns and the participant's status,
 * and schedules follow-ups 3 and 6 months after, in one transaction.
 * Returns the enrolment id via @out_enrolment_id. */
gboolean korak_store_end_enrolment (KorakStore             *store,
                                    gint64                  participant_id,
                                    const KorakExitRecord  *exit,
                                    gint64                 *out_enrolment_id,
                                    GError                **error);

typedef struct
{
  gint64  id;
  gint64  enrolment_id;
  gint64  participant_id;     /* read only */
  char   *display_name;       /* read only */
  char   *exit_date;          /* read only */
  char   *exit_reason;        /* read only */
  int     months;             /* 3, 6 */
  char   *due_date;
  char   *done_date;          /* NULL until recorded */
  char   *situation;
  char   *employment_status;  /* korak_employment_statuses() code */
} KorakFollowUpRecord;

KorakFollowUpRecord *korak_follow_up_record_copy (const KorakFollowUpRecord *record);
void                 korak_follow_up_record_free (KorakFollowUpRecord *record);
KorakFollowUpRecord *korak_store_get_follow_up   (KorakStore  *store,
                                                  gint64       follow_up_id,
                                                  GError     **error);
/* KorakFollowUpRecord*, by due date. */
GPtrArray           *korak_store_list_follow_ups (KorakStore  *store,
                                                  gint64       participant_id,
                                                  GError     **error);
/* Records the follow-up: @done_date (NULL: today) not before the exit,
 * @employment_status required, @situation free text. */
gboolean             korak_store_record_follow_up (KorakStore  *store,
                                                   gint64       follow_up_id,
                                                   const char  *done_date,
                                                   const char  *employment_status,
                                                   const char  *situation,
                                                   GError     **error);

/* ------------------------------------------------------------------ today */

typedef struct
{
  gint64    id;              /* plan id for reviews, follow-up id for follow-ups */
  gint64    participant_id;
  char     *display_name;
  char     *date;            /* review or due date */
  gboolean  overdue;         /* date before today */
} KorakDueRecord;

void       korak_due_record_free        (KorakDueRecord *record);
/* Plans of participants with an active enrolment whose next review is on or
 * before @today + @days_ahead, oldest first. */
GPtrArray *korak_store_list_reviews_due (KorakStore  *store,
                                         const char  *today,
                                         int          days_ahead,
                                         GError     **error);
/* Follow-ups not yet recorded due on or before @today + @days_ahead. */
GPtrArray *korak_store_list_follow_ups_due (KorakStore  *store,
                                            const char  *today,
                                            int          days_ahead,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakPlanRecord, korak_plan_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakGoalRecord, korak_goal_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakPlanReviewRecord, korak_plan_review_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakJournalRecord, korak_journal_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakFollowUpRecord, korak_follow_up_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakDueRecord, korak_due_record_free)

G_END_DECLS
