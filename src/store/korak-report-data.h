/* korak-report-data.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "korak-store.h"

G_BEGIN_DECLS

/* What the printed documents need from the database, read in one go each,
 * with no GTK and no drawing: the organisation's letterhead, the register
 * of issued certificates, sign-in sheets, monthly attendance and cohort
 * outcomes. Names are "Given Family" as stored. */

/* ----------------------------------------------------------- organisation */

typedef struct
{
  gint64  id;            /* 0: none stored yet */
  char   *name;          /* required to save */
  char   *address;
  char   *funder_line;
  GBytes *logo;          /* PNG, NULL for none */
  char   *paper;         /* "a4" (default) or "letter" */
} KorakOrganisationRecord;

KorakOrganisationRecord *korak_organisation_record_copy (const KorakOrganisationRecord *record);
void                     korak_organisation_record_free (KorakOrganisationRecord *record);

/* This desk's organisation (desk.organisation_id), else the first one, else
 * an empty record with id 0 and paper "a4". Never NULL without @error. */
KorakOrganisationRecord *korak_store_get_organisation  (KorakStore                *store,
                                                        GError                   **error);
/* Inserts (id 0: a new random id, linked to the local desk) or updates.
 * An empty name, a logo that is not a PNG (checked by its signature) or
 * larger than 2 MB, or a paper other than a4/letter is refused with
 * KORAK_STORE_ERROR_INVALID and a translated message. */
gboolean                 korak_store_save_organisation (KorakStore                *store,
                                                        KorakOrganisationRecord   *record,
                                                        GError                   **error);

/* ------------------------------------------------------------- enrolment */

/* A participant's latest enrolment (the active one, else the last that
 * ended) with its exit, for the documents about one person. */
typedef struct
{
  gint64    id;
  gint64    cohort_id;
  char     *start_date;
  char     *end_date;
  char     *status;          /* active, completed, exited, withdrawn */
  char     *exit_reason;
  char     *exit_date;
  char     *exit_outcome;
  int       exit_positive;   /* 1, 0, or -1 not recorded */
} KorakEnrolmentRecord;

void                  korak_enrolment_record_free      (KorakEnrolmentRecord *enrolment);
/* NULL with no error when the participant was never enrolled. */
KorakEnrolmentRecord *korak_store_get_latest_enrolment (KorakStore  *store,
                                                        gint64       participant_id,
                                                        GError     **error);

/* ----------------------------------------------------------- certificates */

/* "participation" (any enrolment with attended hours) or "completion" (an
 * enrolment with status completed). */
#define KORAK_CERTIFICATE_PARTICIPATION "participation"
#define KORAK_CERTIFICATE_COMPLETION    "completion"

typedef struct
{
  char *kind;            /* module kind code: workshops, work_practice, exit_search, other */
  int   ordinal;
  char *start_date;
  char *end_date;
} KorakCertificateModule;

/* One issued certificate, as frozen in the register when it was issued: a
 * reprint shows exactly these values even if the data changed since. */
typedef struct
{
  gint64      id;
  char       *serial;            /* e.g. "2026-7F3A-0042": year, desk, sequence */
  char       *verification;      /* 8 upper-case hex digits of a SHA-256 over the frozen content */
  char       *kind;              /* KORAK_CERTIFICATE_* */
  char       *issued_date;
  gint64      participant_id;
  gint64      enrolment_id;
  char       *participant_name;
  char       *birth_date;        /* may be NULL */
  char       *programme_name;
  char       *cohort_name;
  char       *site;              /* may be NULL */
  char       *start_date;        /* the enrolment's */
  char       *end_date;          /* exit date, else enrolment end, else cohort end */
  double      hours;             /* attended (present + late), cancelled sessions left out */
  GPtrArray  *modules;           /* KorakCertificateModule*: the cohort's modules that ended on or before end_date, by ordinal */
  GStrv       competencies;      /* competency area names (untranslated) with a score in the enrolment, in area order */
  char       *mentor_name;       /* the cohort's mentor, may be NULL */
  char       *organisation_name;
} KorakCertificateRecord;

KorakCertificateRecord *korak_certificate_record_copy (const KorakCertificateRecord *record);
void                    korak_certificate_record_free (KorakCertificateRecord *record);

/* Issues a certificate of @kind for the participant's latest enrolment (the
 * active one, else the last ended), dated @issued_date (NULL: today), and
 * records it in the register in one transaction. If one of that kind was
 * already issued for that enrolment, returns it unchanged (a reprint).
 * Refused (KORAK_STORE_ERROR_INVALID, translated): no enrolment; a
 * completion certificate for an enrolment that is not completed; a
 * participation certificate with no attended hours; an unknown @kind or a
 * date that is not a date. A participant that is gone is NOT_FOUND. */
KorakCertificateRecord *korak_store_issue_certificate (KorakStore  *store,
                                                       gint64       participant_id,
                                                       const char  *kind,
                                                       const char  *issued_date,
                                                       GError     **error);
/* Issues (or finds) certificates of @kind for a cohort in one transaction,
 * ordered by family name then given name: completion certificates for
 * everyone whose enrolment in @cohort_id is completed, participation
 * certificates for every enrolment in it with attended hours. An empty
 * array when nobody qualifies; NOT_FOUND for a cohort that is gone. */
GPtrArray              *korak_store_issue_cohort_certificates (KorakStore  *store,
                                                               gint64       cohort_id,
                                                               const char  *kind,
                                                               const char  *issued_date,
                                                               GError     **error);
/* The register entry for @serial (as typed from the paper: surrounding
 * spaces and lower-case hex are fine), or NULL with
 * KORAK_STORE_ERROR_NOT_FOUND. Its id, serial, kind, date of issue and
 * verification code come from their columns, everything else from the
 * frozen content. */
KorakCertificateRecord *korak_store_get_certificate   (KorakStore  *store,
                                                       const char  *serial,
                                                       GError     **error);
/* TRUE when the record (its serial, kind, date of issue and frozen content)
 * still matches its verification code: an entry altered in the database
 * behind Korak's back, or unreadable, gives FALSE. */
gboolean                korak_certificate_record_verify (const KorakCertificateRecord *record);
/* KorakCertificateRecord* of @participant_id (0: the whole register), by
 * date of issue and serial. */
GPtrArray              *korak_store_list_certificates (KorakStore  *store,
                                                       gint64       participant_id,
                                                       GError     **error);

/* -------------------------------------------------------- sign-in sheet */

typedef struct
{
  gint64  id;
  char   *start_time;
  char   *end_time;
  char   *activity;          /* korak_activity_label()-ready name, may be NULL */
  char   *kind;              /* group, individual, work_practice, visit */
  char   *place;
  char   *leader_name;
  gboolean mediator_present;
  gboolean cancelled;
} KorakSignInSession;

typedef struct
{
  gint64  participant_id;
  char   *name;              /* "Family Given" for sorting and signing */
  char   *mother_tongue;
  gboolean needs_mediator;
} KorakSignInPerson;

/* A session day of a cohort: its sessions that day (not individual ones;
 * cancelled ones too, marked so) and everyone enrolled that day (start ≤
 * date, no end or end ≥ date, not withdrawn before it), ordered by family
 * name. A day with no session gives an empty list of sessions. */
typedef struct
{
  gint64      cohort_id;
  char       *cohort_name;
  char       *programme_name;
  char       *site;
  char       *date;
  char       *mentor_name;
  char       *mediator_name;     /* the cohort's mediator, NULL for none */
  GPtrArray  *sessions;          /* KorakSignInSession* by start time */
  GPtrArray  *people;            /* KorakSignInPerson* */
} KorakSignInSheet;

void              korak_sign_in_sheet_free      (KorakSignInSheet *sheet);
KorakSignInSheet *korak_store_get_sign_in_sheet (KorakStore  *store,
                                                 gint64       cohort_id,
                                                 const char  *date,
                                                 GError     **error);

/* --------------------------------------------------- monthly attendance */

/* One cell per participant × session day: the participant's state that day
 * ('P' present, 'L' late, 'E' excused, 'A' absent, '?' not marked yet, ' '
 * not enrolled that day). With several sessions on one day the worst state
 * counts (A > E > L > P), over the group sessions and the participant's own
 * individual session that day; '?' only when none of them is marked.
 *
 * Here "group" means every kind but individual (group, work practice,
 * visit): the whole cohort is expected. Cancelled sessions count nowhere.
 * Hours and expected hours count sessions on days the participant was
 * enrolled only. */
typedef struct
{
  gint64  participant_id;
  char   *name;              /* "Family Given" */
  char   *states;            /* n_days characters, NUL-terminated */
  double  hours;             /* attended hours in the month (present + late),
                                group and own individual sessions */
  double  expected_hours;    /* scheduled hours of sessions while enrolled */
  double  rate;              /* hours / expected_hours, 0..1; 0 when none expected */
  int     present_days;      /* days with P or L */
} KorakMonthlyRow;

typedef struct
{
  gint64      cohort_id;
  char       *cohort_name;
  char       *programme_name;
  char       *mentor_name;
  char        month[8];      /* YYYY-MM */
  guint       n_days;
  char      **days;          /* n_days ISO dates with a non-cancelled group session */
  double     *day_hours;     /* scheduled group hours per day */
  int        *day_present;   /* people with P or L per day */
  GPtrArray  *rows;          /* KorakMonthlyRow*, by family name */
  double      total_hours;
  double      total_expected;
  double      rate;          /* total_hours / total_expected */
  int         n_sessions;    /* non-cancelled sessions in the month, individual ones included */
} KorakMonthlyAttendance;

void                    korak_monthly_attendance_free (KorakMonthlyAttendance *report);
/* @month: "YYYY-MM"; anything else is refused (INVALID, translated). */
KorakMonthlyAttendance *korak_store_get_monthly_attendance (KorakStore  *store,
                                                            gint64       cohort_id,
                                                            const char  *month,
                                                            GError     **error);

/* ------------------------------------------------------ cohort outcomes */

/* Per area, over the people with two or more scores in it during their
 * enrolment: the first score against the one of the exit assessment, else
 * the latest (as korak_store_cohort_changes() does with averages). */
typedef struct
{
  char   *area_name;         /* untranslated */
  double  intake_average;
  double  latest_average;
  int     n_people;          /* with both an intake and a later score */
} KorakAreaChange;

typedef struct
{
  gint64      cohort_id;
  char       *cohort_name;
  char       *programme_name;
  char       *site;
  char       *start_date;
  char       *end_date;
  char       *mentor_name;
  int         enrolled;        /* enrolments ever, withdrawn included */
  int         active;
  int         completed;
  int         early_exits;     /* status exited */
  int         withdrawn;
  int         positive_exits;  /* exit_positive = 1 */
  double      hours;           /* attended, all participants */
  int         erased;          /* enrolments of people erased on request: their anonymous counts are in
                                * enrolled, completed, positive_exits and hours; their exits by reason are not */
  double      average_change;  /* mean of latest - intake average, over people with ≥ 2 assessments */
  int         n_changed;       /* people counted in average_change */
  GPtrArray  *exits;           /* KorakExitCount* (korak-assessment.h) by count */
  GPtrArray  *changes;         /* KorakProgressChange* (korak-assessment.h) */
  GPtrArray  *areas;           /* KorakAreaChange*, in area order, only areas with n_people > 0 */
} KorakCohortOutcomes;

void                 korak_cohort_outcomes_free      (KorakCohortOutcomes *outcomes);
KorakCohortOutcomes *korak_store_get_cohort_outcomes (KorakStore  *store,
                                                      gint64       cohort_id,
                                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakEnrolmentRecord, korak_enrolment_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakOrganisationRecord, korak_organisation_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakCertificateRecord, korak_certificate_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakSignInSheet, korak_sign_in_sheet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakMonthlyAttendance, korak_monthly_attendance_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakCohortOutcomes, korak_cohort_outcomes_free)

G_END_DECLS
