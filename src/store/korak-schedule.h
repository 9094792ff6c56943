/* korak-schedule.h
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

/* Programmes, cohorts and their modules, staff, weekly timetables, sessions
 * and attendance. Every function that writes runs in one transaction and
 * either stores everything or nothing; a value the user typed that is wrong
 * comes back as KORAK_STORE_ERROR_INVALID with a translated message that says
 * what to change. Dates are ISO "YYYY-MM-DD", times "HH:MM" (24 h). Ids of 0
 * mean "none". Records are plain structs owned by the caller. */

/* Choices: { code, N_(label) }, { NULL, NULL }-terminated; translate with
 * korak_choice_label(). */
const KorakChoice *korak_module_kinds       (void);  /* workshops, work_practice, exit_search, other */
const KorakChoice *korak_staff_roles        (void);  /* mentor, mediator, coordinator */
const KorakChoice *korak_session_kinds      (void);  /* group, individual, work_practice, visit */
const KorakChoice *korak_attendance_states  (void);  /* present, late, excused, absent */
const KorakChoice *korak_skill_areas        (void);  /* social, functional, work */

/* Hours counted as attended: present and late. */
gboolean           korak_attendance_state_counts (const char *state);

/* A time of day as typed, "9:00" or "09:00", as stored "HH:MM"; NULL with
 * KORAK_STORE_ERROR_INVALID for anything else ("25:00", "9.00", ""). */
char              *korak_time_parse             (const char  *text,
                                                 GError     **error);

/* ------------------------------------------------------------------ staff */

typedef struct
{
  gint64  id;
  char   *given_name;    /* required */
  char   *family_name;
  char   *role;          /* korak_staff_roles() code, required */
  char   *languages;     /* free text, e.g. "sl, hr, ar" */
  char   *email;
  char   *phone;
  char   *archived_at;   /* NULL while active */
} KorakStaffRecord;

KorakStaffRecord *korak_staff_record_new      (void);
KorakStaffRecord *korak_staff_record_copy     (const KorakStaffRecord *record);
void              korak_staff_record_free     (KorakStaffRecord *record);
char             *korak_staff_record_display_name (const KorakStaffRecord *record);

/* Inserts when record->id is 0 (and sets it), updates otherwise. */
gboolean          korak_store_save_staff      (KorakStore        *store,
                                               KorakStaffRecord  *record,
                                               GError           **error);
gboolean          korak_store_set_staff_archived (KorakStore  *store,
                                                  gint64       staff_id,
                                                  gboolean     archived,
                                                  GError     **error);
/* KorakStaffRecord*, by family then given name; @role NULL for all roles. */
GPtrArray        *korak_store_list_staff      (KorakStore  *store,
                                               const char  *role,
                                               gboolean     include_archived,
                                               GError     **error);

/* ------------------------------------------------------------- programmes */

typedef struct
{
  char *kind;     /* korak_module_kinds() code */
  int   weeks;    /* 1..104 */
} KorakPlanStep;

typedef struct
{
  gint64     id;
  char      *name;            /* required */
  char      *target_group;    /* korak_participant_target_groups() code or NULL */
  int        required_hours;  /* 0 when the programme sets none */
  GPtrArray *plan;            /* KorakPlanStep*, owned; at least one step */
  char      *archived_at;
} KorakProgrammeRecord;

KorakProgrammeRecord *korak_programme_record_new  (void);   /* plan: workshops 12, work practice 8, exit search 4 */
KorakProgrammeRecord *korak_programme_record_copy (const KorakProgrammeRecord *record);
void                  korak_programme_record_free (KorakProgrammeRecord *record);
void                  korak_programme_record_add_step (KorakProgrammeRecord *record,
                                                       const char           *kind,
                                                       int                   weeks);

gboolean              korak_store_save_programme  (KorakStore            *store,
                                                   KorakProgrammeRecord  *record,
                                                   GError               **error);
KorakProgrammeRecord *korak_store_get_programme   (KorakStore  *store,
                                                   gint64       programme_id,
                                                   GError     **error);
GPtrArray            *korak_store_list_programmes (KorakStore  *store,
                                                   GError     **error);

/* ---------------------------------------------------------------- cohorts */

typedef struct
{
  gint64  id;
  gint64  cohort_id;
  int     ordinal;       /* 1, 2, 3 … */
  char   *kind;          /* korak_module_kinds() code */
  char   *start_date;
  char   *end_date;
} KorakModuleRecord;

KorakModuleRecord *korak_module_record_new   (void);
KorakModuleRecord *korak_module_record_copy  (const KorakModuleRecord *record);
void               korak_module_record_free  (KorakModuleRecord *record);

typedef struct
{
  gint64     id;
  gint64     programme_id;    /* required */
  char      *programme_name;  /* read only */
  int        required_hours;  /* read only, from the programme */
  char      *name;            /* required */
  char      *site;
  char      *start_date;      /* required */
  char      *end_date;        /* read only: the last module's end */
  gint64     mentor_id;
  gint64     mediator_id;
  char      *archived_at;
  GPtrArray *modules;         /* KorakModuleRecord*, by ordinal */
  int        n_enrolled;      /* read only: active enrolments */
} KorakCohortDetail;

KorakCohortDetail *korak_cohort_detail_new   (void);
KorakCohortDetail *korak_cohort_detail_copy  (const KorakCohortDetail *detail);
void               korak_cohort_detail_free  (KorakCohortDetail *detail);

/* A new cohort (id 0) gets its modules from the programme's plan, back to
 * back from start_date, each starting on the day after the one before ends
 * (a module of N weeks lasts N*7 days). An existing cohort keeps its
 * modules; change them with korak_store_save_module_dates(). */
gboolean           korak_store_save_cohort   (KorakStore         *store,
                                              KorakCohortDetail  *detail,
                                              GError            **error);
KorakCohortDetail *korak_store_get_cohort    (KorakStore  *store,
                                              gint64       cohort_id,
                                              GError     **error);
/* KorakCohortDetail*, newest start first, without archived ones. */
GPtrArray         *korak_store_list_cohort_details (KorakStore  *store,
                                                    GError     **error);
/* Checks: start ≤ end, modules in order and not overlapping, and no session
 * with attendance left outside the cohort's new dates. */
gboolean           korak_store_save_module_dates (KorakStore         *store,
                                                  gint64              cohort_id,
                                                  GPtrArray          *modules,
                                                  GError            **error);

/* ------------------------------------------------------------- enrolment */

typedef struct
{
  gint64  enrolment_id;
  gint64  participant_id;
  char   *display_name;      /* "Given Family" */
  char   *start_date;
  char   *end_date;          /* NULL while active */
  char   *status;            /* active, completed, exited, withdrawn */
  double  hours_attended;    /* present + late, all sessions of this cohort */
  int     required_hours;    /* the programme's, 0 for none */
} KorakMemberRecord;

void       korak_member_record_free     (KorakMemberRecord *record);

/* Enrols from @start_date; a participant has at most one active enrolment,
 * so an active one in another cohort is closed as withdrawn the day before. */
gboolean   korak_store_enrol            (KorakStore  *store,
                                         gint64       participant_id,
                                         gint64       cohort_id,
                                         const char  *start_date,
                                         GError     **error);
/* Ends the active enrolment as withdrawn on @end_date. */
gboolean   korak_store_withdraw         (KorakStore  *store,
                                         gint64       participant_id,
                                         gint64       cohort_id,
                                         const char  *end_date,
                                         GError     **error);
/* KorakMemberRecord*, active first, then by family and given name. */
GPtrArray *korak_store_list_members     (KorakStore  *store,
                                         gint64       cohort_id,
                                         gboolean     include_ended,
                                         GError     **error);

/* ---------------------------------------------------------- timetable */

typedef struct
{
  gint64  id;
  gint64  cohort_id;
  gint64  module_id;      /* 0: every module */
  int     weekday;        /* 1 Monday … 7 Sunday */
  char   *start_time;
  char   *end_time;
  char   *kind;           /* korak_session_kinds() code */
  gint64  activity_id;
  char   *place;
  gint64  participant_id; /* individual patterns: the one participant, required */
} KorakPatternRecord;

typedef struct
{
  gint64  id;
  gint64  cohort_id;
  char   *date;
  char   *reason;
} KorakClosureRecord;

void       korak_pattern_record_free   (KorakPatternRecord *record);
void       korak_closure_record_free   (KorakClosureRecord *record);

gboolean   korak_store_save_pattern    (KorakStore          *store,
                                        KorakPatternRecord  *record,
                                        GError             **error);
gboolean   korak_store_delete_pattern  (KorakStore  *store,
                                        gint64       pattern_id,
                                        GError     **error);
GPtrArray *korak_store_list_patterns   (KorakStore  *store,
                                        gint64       cohort_id,
                                        GError     **error);
gboolean   korak_store_save_closure    (KorakStore          *store,
                                        KorakClosureRecord  *record,
                                        GError             **error);
gboolean   korak_store_delete_closure  (KorakStore  *store,
                                        gint64       closure_id,
                                        GError     **error);
GPtrArray *korak_store_list_closures   (KorakStore  *store,
                                        gint64       cohort_id,
                                        GError     **error);

typedef struct
{
  int created;   /* new sessions */
  int removed;   /* generated sessions without attendance no longer in the pattern */
  int kept;      /* sessions no longer in the pattern kept because they have attendance */
  int skipped;   /* pattern days skipped for public holidays and closures */
} KorakGenerateResult;

/* Makes the cohort's generated sessions match its patterns over its module
 * dates, skipping Slovenian public holidays and the cohort's closures. A
 * session keeps the pattern day it was made for (origin_date), so one moved
 * or cancelled by hand is neither made again nor put back. Never deletes a
 * session that has attendance, nor one added by hand. */
gboolean   korak_store_generate_sessions (KorakStore           *store,
                                          gint64                cohort_id,
                                          KorakGenerateResult  *result,
                                          GError              **error);

/* ------------------------------------------------------------- sessions */

typedef struct
{
  gint64    id;
  gint64    cohort_id;
  gint64    module_id;          /* read only: the module the date falls in */
  int       module_ordinal;     /* read only */
  char     *module_kind;        /* read only */
  gint64    pattern_id;         /* read only: 0 when added by hand */
  char     *origin_date;        /* read only: the pattern day it was made for */
  char     *date;
  char     *start_time;
  char     *end_time;
  char     *kind;               /* korak_session_kinds() code */
  gint64    activity_id;
  char     *activity_name;      /* read only */
  char     *skill_area;         /* read only: the activity's, NULL without one */
  gint64    participant_id;     /* individual sessions: the one participant */
  char     *participant_name;   /* read only */
  char     *place;
  gint64    leader_id;
  char     *leader_name;        /* read only */
  gboolean  mediator_present;   /* TRUE whenever mediator_id is set */
  gint64    mediator_id;        /* staff (a mediator), 0: none or not recorded */
  char     *mediator_name;      /* read only */
  char     *conversation_language; /* a language tag, NULL: not recorded */
  char     *employer;           /* work practice */
  char     *cancelled_reason;   /* NULL unless cancelled */
  /* read only, for the week view and the totals */
  int       n_expected;         /* enrolled on the date (1 for individual) */
  int       n_marked;           /* with any attendance state */
  int       n_attended;         /* present or late */
} KorakSessionRecord;

KorakSessionRecord *korak_session_record_new   (void);
KorakSessionRecord *korak_session_record_copy  (const KorakSessionRecord *record);
void                korak_session_record_free  (KorakSessionRecord *record);
double              korak_session_record_hours (const KorakSessionRecord *record);

/* Sessions of @cohort_id (0: every cohort) from @from to @to inclusive,
 * cancelled ones too, by date and start time, with the read-only fields. */
GPtrArray          *korak_store_list_sessions  (KorakStore  *store,
                                                gint64       cohort_id,
                                                const char  *from,
                                                const char  *to,
                                                GError     **error);
KorakSessionRecord *korak_store_get_session    (KorakStore  *store,
                                                gint64       session_id,
                                                GError     **error);
/* Inserts (id 0) or updates, which is also how a session is moved. Refused:
 * end not after start, a date outside the cohort's modules, an individual
 * session without its participant, and a session that overlaps another
 * uncancelled one of the cohort (group sessions with group sessions, an
 * individual session with the same participant's sessions), a mediator not
 * on the staff list, a conversation language that is not a language tag.
 * A session with a mediator named has mediator_present set. */
gboolean            korak_store_save_session   (KorakStore          *store,
                                                KorakSessionRecord  *record,
                                                GError             **error);
/* @reason is required; cancelling keeps the session and its attendance. */
gboolean            korak_store_cancel_session (KorakStore  *store,
                                                gint64       session_id,
                                                const char  *reason,
                                                GError     **error);
gboolean            korak_store_restore_session (KorakStore  *store,
                                                 gint64       session_id,
                                                 GError     **error);
/* Only a session without attendance can be deleted. */
gboolean            korak_store_delete_session (KorakStore  *store,
                                                gint64       session_id,
                                                GError     **error);

/* -------------------------------------------------------------- activities */

typedef struct
{
  gint64  id;
  char   *name;
  char   *skill_area;   /* korak_skill_areas() code */
} KorakActivityRecord;

void       korak_activity_record_free  (KorakActivityRecord *record);
/* The translated name of a catalogue entry Korak seeded; other names as they are. */
const char *korak_activity_label       (const char *name);
/* The catalogue, by name; seeded with DESIGN.md's activities. */
GPtrArray *korak_store_list_activities (KorakStore  *store,
                                        GError     **error);
gboolean   korak_store_save_activity   (KorakStore           *store,
                                        KorakActivityRecord  *record,
                                        GError              **error);

/* ------------------------------------------------------------- attendance */

typedef struct
{
  gint64  participant_id;
  char   *display_name;
  char   *state;          /* korak_attendance_states() code; NULL: not marked */
  double  hours;          /* 0..24 */
  char   *remark;
} KorakRegisterEntry;

KorakRegisterEntry *korak_register_entry_copy (const KorakRegisterEntry *entry);
void                korak_register_entry_free (KorakRegisterEntry *entry);

/* Everyone enrolled in the session's cohort on its date (the one participant
 * of an individual session), by family and given name, with what is marked. */
GPtrArray *korak_store_get_register   (KorakStore  *store,
                                       gint64       session_id,
                                       GError     **error);
/* Stores the whole register in one transaction; an entry with state NULL
 * removes that person's mark. Refused: an unknown state, hours outside
 * 0..24 or more than the session lasts, a person not on the register. */
gboolean   korak_store_save_register  (KorakStore  *store,
                                       gint64       session_id,
                                       GPtrArray   *entries,
                                       GError     **error);

typedef struct
{
  char   *monday;            /* the week */
  int     n_sessions;        /* uncancelled */
  double  planned_hours;     /* uncancelled group and work-practice session hours */
  double  attended_hours;    /* all participants, present + late */
  double  expected_hours;    /* session hours × people expected, uncancelled sessions */
  double  rate;              /* attended / expected, 0..1; 0 with nothing expected */
} KorakWeekSummary;

void       korak_week_summary_clear   (KorakWeekSummary *summary);
gboolean   korak_store_get_week_summary (KorakStore        *store,
                                         gint64             cohort_id,
                                         const char        *monday,
                                         KorakWeekSummary  *summary,
                                         GError           **error);

typedef struct
{
  gint64  participant_id;
  char   *display_name;
  gint64  cohort_id;
  char   *cohort_name;
  double  expected_hours;    /* uncancelled, marked sessions of the last 28 days up to today */
  double  attended_hours;
  double  rate;              /* 0..1 */
} KorakAttendanceWarning;

void       korak_attendance_warning_free (KorakAttendanceWarning *warning);
/* Active participants whose attendance over the 4 weeks up to @today fell
 * under @threshold (0..1), lowest first; only sessions already held count. */
GPtrArray *korak_store_list_attendance_warnings (KorakStore  *store,
                                                 const char  *today,
                                                 double       threshold,
                                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakStaffRecord, korak_staff_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakProgrammeRecord, korak_programme_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakCohortDetail, korak_cohort_detail_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakSessionRecord, korak_session_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakRegisterEntry, korak_register_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakModuleRecord, korak_module_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakPatternRecord, korak_pattern_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakClosureRecord, korak_closure_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakActivityRecord, korak_activity_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakMemberRecord, korak_member_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakAttendanceWarning, korak_attendance_warning_free)

G_END_DECLS
