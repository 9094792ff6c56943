/* korak-assessment.h
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

/* Competency areas, progress assessments and the numbers the progress
 * charts draw. As in korak-schedule.h: every function that writes validates
 * first and runs in one transaction; a value the user typed that is wrong
 * comes back as KORAK_STORE_ERROR_INVALID with a translated message that
 * says what to change. Dates are ISO "YYYY-MM-DD"; ids of 0 mean "none";
 * records are plain structs owned by the caller. */

#define KORAK_SCORE_MIN 1
#define KORAK_SCORE_MAX 10

/* intake, review, exit, follow_up; translate with korak_choice_label(). */
const KorakChoice *korak_assessment_kinds        (void);
/* Exit reasons and outcomes as stored in enrolment.exit_reason / exit_outcome. */
const KorakChoice *korak_exit_reasons            (void);
/* The translated name of an area: the areas migration 3 seeds are stored
 * in English and translated here; a name a user typed is shown as typed. */
const char        *korak_competency_area_label   (const char *name);

/* ------------------------------------------------------------------ areas */

typedef struct
{
  gint64  id;
  char   *name;         /* required, unique among the areas (case-insensitive) */
  int     ordinal;      /* read only: the order in forms and charts */
  char   *retired_at;   /* NULL while in use; a retired area keeps its old scores */
} KorakAreaRecord;

KorakAreaRecord *korak_area_record_new   (void);
KorakAreaRecord *korak_area_record_copy  (const KorakAreaRecord *record);
void             korak_area_record_free  (KorakAreaRecord *record);

/* Adds an area at the end (id 0, sets it) or renames one. */
gboolean   korak_store_save_area        (KorakStore       *store,
                                         KorakAreaRecord  *record,
                                         GError          **error);
/* Retiring hides the area from new assessments; scores stay and are still
 * listed and charted. Restoring puts it back in its old place. */
gboolean   korak_store_set_area_retired (KorakStore  *store,
                                         gint64       area_id,
                                         gboolean     retired,
                                         GError     **error);
/* Swaps the area with its neighbour among the areas in use: @delta -1 moves
 * it up, +1 down. Moving past either end is not an error and changes nothing. */
gboolean   korak_store_move_area        (KorakStore  *store,
                                         gint64       area_id,
                                         int          delta,
                                         GError     **error);
/* KorakAreaRecord*: the areas in use by ordinal, then (if asked) the retired ones. */
GPtrArray *korak_store_list_areas       (KorakStore  *store,
                                         gboolean     include_retired,
                                         GError     **error);

/* ------------------------------------------------------------ assessments */

typedef struct
{
  gint64  area_id;
  char   *area_name;    /* read only, untranslated: use korak_competency_area_label() */
  int     score;        /* 1..10 */
  char   *remark;       /* optional */
} KorakScoreRecord;

typedef struct
{
  gint64     id;
  gint64     participant_id;   /* required */
  char      *date;             /* required, not in the future */
  char      *kind;             /* korak_assessment_kinds() code, required */
  gint64     assessor_id;      /* staff, optional */
  char      *assessor_name;    /* read only */
  gboolean   mediator_present; /* TRUE whenever mediator_id is set */
  gint64     mediator_id;      /* staff (a mediator), 0: none or not recorded */
  char      *mediator_name;    /* read only */
  char      *conversation_language; /* a language tag, NULL: not recorded */
  GPtrArray *scores;           /* KorakScoreRecord*, owned; at least one; area order when read */
} KorakAssessmentRecord;

KorakAssessmentRecord *korak_assessment_record_new       (void);
KorakAssessmentRecord *korak_assessment_record_copy      (const KorakAssessmentRecord *record);
void                   korak_assessment_record_free      (KorakAssessmentRecord *record);
/* Adds or replaces the score of @area_id. */
void                   korak_assessment_record_set_score (KorakAssessmentRecord *record,
                                                          gint64                 area_id,
                                                          int                    score,
                                                          const char            *remark);
/* 0 when the area was not scored. */
int                    korak_assessment_record_get_score (const KorakAssessmentRecord *record,
                                                          gint64                       area_id);
/* Mean of the scores, 0 with none. */
double                 korak_assessment_record_average   (const KorakAssessmentRecord *record);

/* Inserts when record->id is 0 (and sets it), otherwise replaces the
 * assessment and all its scores. Refuses a score outside 1..10, an invalid
 * or future date, an assessment with no area scored, an area scored twice,
 * a second assessment of the same kind on the same day, a mediator not on
 * the staff list and a conversation language that is not a language tag.
 * An assessment with a mediator named has mediator_present set. */
gboolean   korak_store_save_assessment    (KorakStore             *store,
                                           KorakAssessmentRecord  *record,
                                           GError                **error);
/* Puts back a deleted assessment with its old id (for Undo). */
gboolean   korak_store_restore_assessment (KorakStore                   *store,
                                           const KorakAssessmentRecord  *record,
                                           GError                      **error);
gboolean   korak_store_delete_assessment  (KorakStore  *store,
                                           gint64       assessment_id,
                                           GError     **error);
KorakAssessmentRecord *korak_store_get_assessment (KorakStore  *store,
                                                   gint64       assessment_id,
                                                   GError     **error);
/* KorakAssessmentRecord* with their scores, oldest first. */
GPtrArray *korak_store_list_assessments   (KorakStore  *store,
                                           gint64       participant_id,
                                           GError     **error);

/* ----------------------------------------------------------- chart data */

/* Star chart: the axes are the areas in use plus the retired areas scored in
 * the chosen assessments; the assessments are the first (the intake, or
 * else the oldest) and up to three latest, oldest first, at most four. */
typedef struct
{
  GPtrArray *areas;         /* KorakAreaRecord* */
  GPtrArray *assessments;   /* KorakAssessmentRecord* */
} KorakStarSummary;

void              korak_star_summary_free       (KorakStarSummary *summary);
KorakStarSummary *korak_store_star_summary      (KorakStore  *store,
                                                 gint64       participant_id,
                                                 GError     **error);

typedef struct
{
  char   date[11];
  char  *kind;
  double value;
} KorakProgressPoint;

typedef struct
{
  gint64  area_id;          /* 0: the average of each assessment's scores */
  char   *area_name;        /* untranslated; NULL for the average */
  GArray *points;           /* KorakProgressPoint, oldest first */
} KorakProgressLine;

void       korak_progress_line_free      (KorakProgressLine *line);
/* KorakProgressLine*: one per area scored at least once, in area order,
 * then the average (area_id 0) last. Empty with no assessments. */
GPtrArray *korak_store_progress_lines    (KorakStore  *store,
                                          gint64       participant_id,
                                          GError     **error);

typedef struct
{
  char   monday[11];
  double hours;             /* present and late, cancelled sessions left out */
  int    module;            /* ordinal of the module the week starts in, 0 none */
} KorakWeekHours;

/* KorakWeekHours for every week of the participant's latest enrolment, from
 * the week it starts to the week it ends (or today). @required_per_week is
 * the programme's required hours spread over the cohort's weeks, 0 if none. */
GArray    *korak_store_participant_week_hours (KorakStore  *store,
                                               gint64       participant_id,
                                               double      *required_per_week,
                                               GError     **error);

typedef struct
{
  char     *reason;         /* exit_reason, else exit_outcome, else "other" */
  int       count;
  gboolean  positive;
} KorakExitCount;

void       korak_exit_count_free         (KorakExitCount *count);
/* KorakExitCount* for the cohort's closed enrolments, most frequent first. */
GPtrArray *korak_store_cohort_exits      (KorakStore  *store,
                                          gint64       cohort_id,
                                          GError     **error);

typedef struct
{
  gint64  participant_id;
  char   *name;             /* "Given Family" */
  double  intake_average;   /* the first assessment in the enrolment */
  double  latest_average;   /* the exit assessment, else the latest */
  char   *latest_kind;
  int     n_assessments;    /* 0: both averages are 0 and there is no change */
} KorakProgressChange;

void       korak_progress_change_free    (KorakProgressChange *change);
/* KorakProgressChange* for everyone enrolled in the cohort, by name. */
GPtrArray *korak_store_cohort_changes    (KorakStore  *store,
                                          gint64       cohort_id,
                                          GError     **error);

#define KORAK_CHANGE_N_BANDS 7
/* Distribution of latest - intake over those with two or more assessments,
 * rounded to whole points, in bands "−2 or less", "−1", "0", "+1", "+2",
 * "+3", "+4 or more": counts[KORAK_CHANGE_N_BANDS]. Returns how many were counted. */
guint       korak_progress_change_bands   (GPtrArray  *changes,
                                           guint       counts[KORAK_CHANGE_N_BANDS]);
const char *korak_progress_change_band_label (guint band);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakAreaRecord, korak_area_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakAssessmentRecord, korak_assessment_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakStarSummary, korak_star_summary_free)

G_END_DECLS
