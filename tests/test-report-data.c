/* test-report-data.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "korak-assessment.h"
#include "korak-audit.h"
#include "korak-participant-record.h"
#include "korak-plan.h"
#include "korak-report-data.h"
#include "korak-schedule.h"
#include "korak-store-private.h"

/*
 * The fixture: a mentor and a mediator, the default programme (12 + 8 + 4
 * weeks) and a cohort from Monday 5 January 2026, so its modules are
 *   1 workshops      2026-01-05 … 2026-03-29
 *   2 work practice  2026-03-30 … 2026-05-24
 *   3 exit search    2026-05-25 … 2026-06-21 (the cohort's end)
 * Ana Novak and Berta Kos are enrolled from the first day; Berta withdraws
 * on 9 February; Cene Zupan joins on 4 February. February's sessions:
 *   S1 Mon 02-02 09–13 group       Ana P 4    Berta A 0
 *   S2 Wed 02-04 09–13 group       Ana P 4    Berta L 3    Cene P 4
 *   S3 Wed 02-04 14–16 group       Ana E 0    Berta L 2    Cene –
 *   S4 Fri 02-06 09–13 group       all P 4, then cancelled
 *   S5 Mon 02-09 09–13 group       Ana L 3.5  Berta P 4    Cene –
 *   S6 Tue 02-10 10–11 Ana's own   Ana P 1
 *   S7 Mon 02-09 14–15 Berta's own Berta A 0
 *   S8 Wed 02-11 09–13 visit       Ana P 4                 Cene A 0
 * and one session each in January and March, outside the month.
 */

typedef struct
{
  char       *dir;
  KorakStore *store;
  gint64      mentor_id;
  gint64      mediator_id;
  gint64      programme_id;
  gint64      cohort_id;
  gint64      ana;
  gint64      berta;
  gint64      cene;
  gint64      s[9];       /* S1 … S8 as above, s[0] unused */
} Fixture;

/* ---- helpers ----------------------------------------------------------- */

static gint64
count_rows (KorakStore *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 count = korak_store_count_rows (store, table, &error);

  g_assert_no_error (error);
  return count;
}

static gint64
query_int (KorakStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
exec_ok (KorakStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (korak_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static gint64
new_person (KorakStore *store,
            const char *given,
            const char *family)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
  g_assert_true (korak_store_insert_participant (store, record, &error));
  g_assert_no_error (error);
  return record->id;
}

static gint64
new_staff (KorakStore *store,
           const char *given,
           const char *family,
           const char *role)
{
  g_autoptr(KorakStaffRecord) staff = korak_staff_record_new ();
  g_autoptr(GError) error = NULL;

  staff->given_name = g_strdup (given);
  staff->family_name = g_strdup (family);
  staff->role = g_strdup (role);
  g_assert_true (korak_store_save_staff (store, staff, &error));
  g_assert_no_error (error);
  return staff->id;
}

static gint64
new_cohort (Fixture    *f,
            const char *name,
            const char *site,
            const char *start)
{
  g_autoptr(KorakCohortDetail) detail = korak_cohort_detail_new ();
  g_autoptr(GError) error = NULL;

  detail->programme_id = f->programme_id;
  detail->name = g_strdup (name);
  detail->site = g_strdup (site);
  detail->start_date = g_strdup (start);
  detail->mentor_id = f->mentor_id;
  detail->mediator_id = f->mediator_id;
  g_assert_true (korak_store_save_cohort (f->store, detail, &error));
  g_assert_no_error (error);
  return detail->id;
}

static void
enrol (Fixture    *f,
       gint64      participant,
       gint64      cohort,
       const char *start)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (korak_store_enrol (f->store, participant, cohort, start, &error));
  g_assert_no_error (error);
}

static gint64
add_session (Fixture    *f,
             gint64      cohort,
             const char *date,
             const char *start,
             const char *end,
             const char *kind,
             gint64      participant)
{
  g_autoptr(KorakSessionRecord) record = korak_session_record_new ();
  g_autoptr(GError) error = NULL;

  record->cohort_id = cohort;
  record->date = g_strdup (date);
  record->start_time = g_strdup (start);
  record->end_time = g_strdup (end);
  g_free (record->kind);
  record->kind = g_strdup (kind);
  record->participant_id = participant;
  record->leader_id = f->mentor_id;
  record->mediator_present = g_str_equal (kind, "visit");
  g_assert_true (korak_store_save_session (f->store, record, &error));
  g_assert_no_error (error);
  return record->id;
}

/* Marks @session: pairs of (participant, state, hours), ended by 0. */
static void
mark (Fixture *f,
      gint64   session,
      ...)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_register_entry_free);
  g_autoptr(GError) error = NULL;
  gint64 participant;
  va_list args;

  va_start (args, session);
  while ((participant = va_arg (args, gint64)) != 0)
    {
      KorakRegisterEntry *e = g_new0 (KorakRegisterEntry, 1);

      e->participant_id = participant;
      e->state = g_strdup (va_arg (args, const char *));
      e->hours = va_arg (args, double);
      g_ptr_array_add (entries, e);
    }
  va_end (args);

  g_assert_true (korak_store_save_register (f->store, session, entries, &error));
  g_assert_no_error (error);
}

static void
end_enrolment (Fixture    *f,
               gint64      participant,
               const char *date,
               const char *reason,
               gboolean    positive)
{
  KorakExitRecord exit = { (char *)date, (char *)reason, positive, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (korak_store_end_enrolment (f->store, participant, &exit, NULL, &error));
  g_assert_no_error (error);
}

static gint64
area_id (Fixture *f,
         guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = korak_store_list_areas (f->store, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (areas->len, >, index);
  return ((KorakAreaRecord *)g_ptr_array_index (areas, index))->id;
}

/* Scores of the first areas in order; 0 leaves an area out. */
static void
assess (Fixture    *f,
        gint64      participant,
        const char *date,
        const char *kind,
        int         communication,
        int         confidence)
{
  g_autoptr(KorakAssessmentRecord) r = korak_assessment_record_new ();
  g_autoptr(GError) error = NULL;

  r->participant_id = participant;
  r->date = g_strdup (date);
  r->kind = g_strdup (kind);
  if (communication > 0)
    korak_assessment_record_set_score (r, area_id (f, 0), communication, NULL);
  if (confidence > 0)
    korak_assessment_record_set_score (r, area_id (f, 1), confidence, NULL);
  g_assert_true (korak_store_save_assessment (f->store, r, &error));
  g_assert_no_error (error);
}

static void
rename_person (Fixture    *f,
               gint64      participant,
               const char *given,
               const char *family)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipantRecord) record = korak_store_get_participant (f->store, participant, &error);

  g_assert_no_error (error);
  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  g_assert_true (korak_store_update_participant (f->store, record, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakProgrammeRecord) programme = korak_programme_record_new ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("korak-test-report-data-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (path, &error);
  g_assert_no_error (error);

  f->mentor_id = new_staff (f->store, "Mateja", "Kern", "mentor");
  f->mediator_id = new_staff (f->store, "Lejla", "Begović", "mediator");
  programme->name = g_strdup ("Socialna aktivacija");
  programme->required_hours = 480;
  g_assert_true (korak_store_save_programme (f->store, programme, &error));
  g_assert_no_error (error);
  f->programme_id = programme->id;
  f->cohort_id = new_cohort (f, "Kranj, skupina 1", "Kranj", "2026-01-05");

  f->ana = new_person (f->store, "Ana", "Novak");
  f->berta = new_person (f->store, "Berta", "Kos");
  f->cene = new_person (f->store, "Cene", "Zupan");
  enrol (f, f->ana, f->cohort_id, "2026-01-05");
  enrol (f, f->berta, f->cohort_id, "2026-01-05");
  enrol (f, f->cene, f->cohort_id, "2026-02-04");

  f->s[1] = add_session (f, f->cohort_id, "2026-02-02", "09:00", "13:00", "group", 0);
  f->s[2] = add_session (f, f->cohort_id, "2026-02-04", "09:00", "13:00", "group", 0);
  f->s[3] = add_session (f, f->cohort_id, "2026-02-04", "14:00", "16:00", "group", 0);
  f->s[4] = add_session (f, f->cohort_id, "2026-02-06", "09:00", "13:00", "group", 0);
  f->s[5] = add_session (f, f->cohort_id, "2026-02-09", "09:00", "13:00", "group", 0);
  f->s[6] = add_session (f, f->cohort_id, "2026-02-10", "10:00", "11:00", "individual", f->ana);
  f->s[7] = add_session (f, f->cohort_id, "2026-02-09", "14:00", "15:00", "individual", f->berta);
  f->s[8] = add_session (f, f->cohort_id, "2026-02-11", "09:00", "13:00", "visit", 0);
  add_session (f, f->cohort_id, "2026-01-30", "09:00", "13:00", "group", 0);
  add_session (f, f->cohort_id, "2026-03-02", "09:00", "13:00", "group", 0);

  mark (f, f->s[1], f->ana, "present", 4.0, f->berta, "absent", 0.0, (gint64)0);
  mark (f, f->s[2], f->ana, "present", 4.0, f->berta, "late", 3.0, f->cene, "present", 4.0, (gint64)0);
  mark (f, f->s[3], f->ana, "excused", 0.0, f->berta, "late", 2.0, (gint64)0);
  mark (f, f->s[4], f->ana, "present", 4.0, f->berta, "present", 4.0, f->cene, "present", 4.0, (gint64)0);
  mark (f, f->s[5], f->ana, "late", 3.5, f->berta, "present", 4.0, (gint64)0);
  mark (f, f->s[6], f->ana, "present", 1.0, (gint64)0);
  mark (f, f->s[7], f->berta, "absent", 0.0, (gint64)0);
  mark (f, f->s[8], f->ana, "present", 4.0, f->cene, "absent", 0.0, (gint64)0);
  g_assert_true (korak_store_cancel_session (f->store, f->s[4], "Sneg", &error));
  g_assert_no_error (error);

  g_assert_true (korak_store_withdraw (f->store, f->berta, f->cohort_id, "2026-02-09", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (korak_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->store);
  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

/* ---- organisation ------------------------------------------------------ */

static GBytes *
png_bytes (gsize size)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint8 *data = g_malloc0 (size);

  memcpy (data, signature, MIN (size, sizeof signature));
  for (gsize i = sizeof signature; i < size; i++)
    data[i] = (guint8)(i * 7);
  return g_bytes_new_take (data, size);
}

static void
assert_organisation_refused (Fixture                 *f,
                             KorakOrganisationRecord *record,
                             const char              *words)
{
  g_autoptr(GError) error = NULL;
  gint64 id = record->id;

  g_assert_false (korak_store_save_organisation (f->store, record, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (record->id, ==, id);
}

static void
test_organisation (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakOrganisationRecord) empty = NULL;
  g_autoptr(KorakOrganisationRecord) record = NULL;
  g_autoptr(KorakOrganisationRecord) again = NULL;
  g_autoptr(KorakOrganisationRecord) copy = NULL;
  static const char name[] = "Društvo \"Korak\" — جمعية كوراك'); DROP TABLE organisation;--";

  /* None yet: an empty record on A4. */
  empty = korak_store_get_organisation (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (empty->id, ==, 0);
  g_assert_null (empty->name);
  g_assert_null (empty->logo);
  g_assert_cmpstr (empty->paper, ==, "a4");

  /* Refused: no name, a logo that is not a PNG or is too large, a paper
   * size Korak does not print on. Nothing is stored. */
  record = g_new0 (KorakOrganisationRecord, 1);
  record->name = g_strdup ("   ");
  assert_organisation_refused (f, record, "name");
  g_free (record->name);
  record->name = g_strdup (name);
  record->logo = g_bytes_new_static ("GIF89a\x01\x00\x01\x00", 10);
  assert_organisation_refused (f, record, "PNG");
  g_bytes_unref (record->logo);
  record->logo = g_bytes_new_static ("\x89PN", 3);
  assert_organisation_refused (f, record, "PNG");
  g_bytes_unref (record->logo);
  record->logo = png_bytes (2 * 1024 * 1024 + 1);
  assert_organisation_refused (f, record, "2 MB");
  g_bytes_unref (record->logo);
  record->logo = png_bytes (2 * 1024 * 1024);
  record->paper = g_strdup ("a5");
  assert_organisation_refused (f, record, "A4");
  g_free (record->paper);
  record->paper = g_strdup ("A4");
  assert_organisation_refused (f, record, "A4");
  g_assert_cmpint (count_rows (f->store, "organisation"), ==, 0);

  /* Stored (a logo of exactly 2 MB is fine) and linked to this desk. */
  g_free (record->paper);
  record->paper = g_strdup ("letter");
  record->address = g_strdup ("Koroška cesta 1, 4000 Kranj");
  record->funder_line = g_strdup ("Sofinancirata Republika Slovenija in Evropska unija");
  g_assert_true (korak_store_save_organisation (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record->id, !=, 0);
  g_assert_cmpint (count_rows (f->store, "organisation"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT organisation_id FROM desk WHERE is_local = 1"), ==, record->id);

  again = korak_store_get_organisation (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, record->id);
  g_assert_cmpstr (again->name, ==, name);
  g_assert_cmpstr (again->address, ==, record->address);
  g_assert_cmpstr (again->funder_line, ==, record->funder_line);
  g_assert_cmpstr (again->paper, ==, "letter");
  g_assert_nonnull (again->logo);
  g_assert_true (g_bytes_equal (again->logo, record->logo));
  copy = korak_organisation_record_copy (again);
  g_assert_cmpstr (copy->name, ==, name);
  g_assert_true (g_bytes_equal (copy->logo, record->logo));
  g_clear_pointer (&again, korak_organisation_record_free);

  /* An update keeps the row; no paper means A4; no logo removes it. */
  g_free (record->name);
  record->name = g_strdup ("  Zavod Korak  ");
  g_clear_pointer (&record->paper, g_free);
  g_clear_pointer (&record->logo, g_bytes_unref);
  g_assert_true (korak_store_save_organisation (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "organisation"), ==, 1);
  again = korak_store_get_organisation (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->name, ==, "Zavod Korak");
  g_assert_cmpstr (again->paper, ==, "a4");
  g_assert_null (again->logo);

  /* An organisation that is gone cannot be updated. */
  record->id = 12345;
  g_assert_false (korak_store_save_organisation (f->store, record, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
}

/* ---- monthly attendance ------------------------------------------------ */

static const KorakMonthlyRow *
row_at (const KorakMonthlyAttendance *report,
        guint                         index)
{
  g_assert_cmpuint (index, <, report->rows->len);
  return g_ptr_array_index (report->rows, index);
}

static void
test_monthly (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakMonthlyAttendance) report = NULL;
  g_autoptr(KorakMonthlyAttendance) march = NULL;
  const KorakMonthlyRow *row;
  static const char * const bad_months[] = { NULL, "", "2026-13", "2026-00", "2026-2", "2026/02", "2026-02-01", "feb" };

  report = korak_store_get_monthly_attendance (f->store, f->cohort_id, "2026-02", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->cohort_name, ==, "Kranj, skupina 1");
  g_assert_cmpstr (report->programme_name, ==, "Socialna aktivacija");
  g_assert_cmpstr (report->mentor_name, ==, "Mateja Kern");
  g_assert_cmpstr (report->month, ==, "2026-02");

  /* Days with a group session that took place: not the cancelled Friday,
   * not Ana's individual Tuesday. */
  g_assert_cmpuint (report->n_days, ==, 4);
  g_assert_cmpstr (report->days[0], ==, "2026-02-02");
  g_assert_cmpstr (report->days[1], ==, "2026-02-04");
  g_assert_cmpstr (report->days[2], ==, "2026-02-09");
  g_assert_cmpstr (report->days[3], ==, "2026-02-11");
  g_assert_null (report->days[4]);
  assert_close (report->day_hours[0], 4);
  assert_close (report->day_hours[1], 6);
  assert_close (report->day_hours[2], 4);
  assert_close (report->day_hours[3], 4);
  g_assert_cmpint (report->n_sessions, ==, 7);

  /* By family name: Kos, Novak, Zupan. */
  g_assert_cmpuint (report->rows->len, ==, 3);
  row = row_at (report, 0);
  g_assert_cmpint (row->participant_id, ==, f->berta);
  g_assert_cmpstr (row->name, ==, "Kos Berta");
  /* A, then late twice, then absent at her own session (worst of the
   * day), then withdrawn. */
  g_assert_cmpstr (row->states, ==, "ALA ");
  assert_close (row->hours, 9);
  assert_close (row->expected_hours, 15);
  assert_close (row->rate, 0.6);
  g_assert_cmpint (row->present_days, ==, 1);

  row = row_at (report, 1);
  g_assert_cmpint (row->participant_id, ==, f->ana);
  g_assert_cmpstr (row->name, ==, "Novak Ana");
  /* Present in the morning and excused in the afternoon shows E. */
  g_assert_cmpstr (row->states, ==, "PELP");
  assert_close (row->hours, 16.5);
  assert_close (row->expected_hours, 19);
  assert_close (row->rate, 16.5 / 19);
  g_assert_cmpint (row->present_days, ==, 3);

  row = row_at (report, 2);
  g_assert_cmpint (row->participant_id, ==, f->cene);
  g_assert_cmpstr (row->name, ==, "Zupan Cene");
  /* Not enrolled yet, present, not marked, absent. */
  g_assert_cmpstr (row->states, ==, " P?A");
  assert_close (row->hours, 4);
  assert_close (row->expected_hours, 14);
  assert_close (row->rate, 4.0 / 14);
  g_assert_cmpint (row->present_days, ==, 1);

  g_assert_cmpint (report->day_present[0], ==, 1);
  g_assert_cmpint (report->day_present[1], ==, 2);
  g_assert_cmpint (report->day_present[2], ==, 1);
  g_assert_cmpint (report->day_present[3], ==, 1);
  assert_close (report->total_hours, 29.5);
  assert_close (report->total_expected, 48);
  assert_close (report->rate, 29.5 / 48);

  /* Berta comes back on the 11th: one row, both enrolments. */
  g_clear_pointer (&report, korak_monthly_attendance_free);
  enrol (f, f->berta, f->cohort_id, "2026-02-11");
  report = korak_store_get_monthly_attendance (f->store, f->cohort_id, "2026-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows->len, ==, 3);
  row = row_at (report, 0);
  g_assert_cmpstr (row->states, ==, "ALA?");
  assert_close (row->hours, 9);
  assert_close (row->expected_hours, 19);
  assert_close (report->total_expected, 52);
  g_assert_true (korak_store_withdraw (f->store, f->berta, f->cohort_id, "2026-02-11", &error));
  g_assert_no_error (error);

  /* March: one unmarked session; Berta is gone. */
  march = korak_store_get_monthly_attendance (f->store, f->cohort_id, "2026-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (march->n_days, ==, 1);
  g_assert_cmpuint (march->rows->len, ==, 2);
  g_assert_cmpstr (row_at (march, 0)->states, ==, "?");
  assert_close (row_at (march, 0)->hours, 0);
  assert_close (row_at (march, 0)->expected_hours, 4);
  assert_close (row_at (march, 0)->rate, 0);
  g_clear_pointer (&march, korak_monthly_attendance_free);

  /* A month with nothing: no days, no rows, no division by zero. */
  march = korak_store_get_monthly_attendance (f->store, f->cohort_id, "2025-12", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (march->n_days, ==, 0);
  g_assert_nonnull (march->days);
  g_assert_null (march->days[0]);
  g_assert_cmpuint (march->rows->len, ==, 0);
  assert_close (march->rate, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad_months); i++)
    {
      g_autoptr(KorakMonthlyAttendance) bad = korak_store_get_monthly_attendance (f->store, f->cohort_id,
                                                                                  bad_months[i], &error);

      g_assert_null (bad);
      g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "2026-03"));
      g_clear_error (&error);
    }

  g_assert_null (korak_store_get_monthly_attendance (f->store, 999, "2026-02", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
}

/* ---- sign-in sheet ----------------------------------------------------- */

static const char *
person_name (const KorakSignInSheet *sheet,
             guint                   index)
{
  g_assert_cmpuint (index, <, sheet->people->len);
  return ((KorakSignInPerson *)g_ptr_array_index (sheet->people, index))->name;
}

static void
test_sign_in (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakSignInSheet) sheet = NULL;
  g_autoptr(KorakParticipantRecord) cene = korak_store_get_participant (f->store, f->cene, &error);
  KorakSignInSession *s;
  KorakSignInPerson *p;

  g_assert_no_error (error);
  korak_participant_record_set (cene, KORAK_FIELD_MOTHER_TONGUE, "arabščina");
  korak_participant_record_set (cene, KORAK_FIELD_NEEDS_MEDIATOR, "1");
  g_assert_true (korak_store_update_participant (f->store, cene, &error));
  g_assert_no_error (error);

  /* 9 February: the group session, not Berta's own; Berta withdrew that
   * day, so she still signs. */
  sheet = korak_store_get_sign_in_sheet (f->store, f->cohort_id, "2026-02-09", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet->cohort_name, ==, "Kranj, skupina 1");
  g_assert_cmpstr (sheet->programme_name, ==, "Socialna aktivacija");
  g_assert_cmpstr (sheet->site, ==, "Kranj");
  g_assert_cmpstr (sheet->date, ==, "2026-02-09");
  g_assert_cmpstr (sheet->mentor_name, ==, "Mateja Kern");
  g_assert_cmpstr (sheet->mediator_name, ==, "Lejla Begović");
  g_assert_cmpuint (sheet->sessions->len, ==, 1);
  s = g_ptr_array_index (sheet->sessions, 0);
  g_assert_cmpint (s->id, ==, f->s[5]);
  g_assert_cmpstr (s->start_time, ==, "09:00");
  g_assert_cmpstr (s->end_time, ==, "13:00");
  g_assert_cmpstr (s->kind, ==, "group");
  g_assert_cmpstr (s->leader_name, ==, "Mateja Kern");
  g_assert_false (s->cancelled);
  g_assert_cmpuint (sheet->people->len, ==, 3);
  g_assert_cmpstr (person_name (sheet, 0), ==, "Kos Berta");
  g_assert_cmpstr (person_name (sheet, 1), ==, "Novak Ana");
  g_assert_cmpstr (person_name (sheet, 2), ==, "Zupan Cene");
  p = g_ptr_array_index (sheet->people, 2);
  g_assert_cmpint (p->participant_id, ==, f->cene);
  g_assert_cmpstr (p->mother_tongue, ==, "arabščina");
  g_assert_true (p->needs_mediator);
  g_assert_false (((KorakSignInPerson *)g_ptr_array_index (sheet->people, 1))->needs_mediator);
  g_clear_pointer (&sheet, korak_sign_in_sheet_free);

  /* 11 February: Berta withdrew before it, so she is not listed. */
  sheet = korak_store_get_sign_in_sheet (f->store, f->cohort_id, "2026-02-11", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->sessions->len, ==, 1);
  s = g_ptr_array_index (sheet->sessions, 0);
  g_assert_cmpstr (s->kind, ==, "visit");
  g_assert_true (s->mediator_present);
  g_assert_cmpuint (sheet->people->len, ==, 2);
  g_assert_cmpstr (person_name (sheet, 0), ==, "Novak Ana");
  g_assert_cmpstr (person_name (sheet, 1), ==, "Zupan Cene");
  g_clear_pointer (&sheet, korak_sign_in_sheet_free);

  /* 2 February: Cene, enrolled later, is not listed. */
  sheet = korak_store_get_sign_in_sheet (f->store, f->cohort_id, "2026-02-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->people->len, ==, 2);
  g_assert_cmpstr (person_name (sheet, 0), ==, "Kos Berta");
  g_assert_cmpstr (person_name (sheet, 1), ==, "Novak Ana");
  g_clear_pointer (&sheet, korak_sign_in_sheet_free);

  /* 4 February: two sessions by start time. 6 February: cancelled. */
  sheet = korak_store_get_sign_in_sheet (f->store, f->cohort_id, "2026-02-04", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->sessions->len, ==, 2);
  g_assert_cmpstr (((KorakSignInSession *)g_ptr_array_index (sheet->sessions, 0))->start_time, ==, "09:00");
  g_assert_cmpstr (((KorakSignInSession *)g_ptr_array_index (sheet->sessions, 1))->start_time, ==, "14:00");
  g_assert_cmpuint (sheet->people->len, ==, 3);
  g_clear_pointer (&sheet, korak_sign_in_sheet_free);
  sheet = korak_store_get_sign_in_sheet (f->store, f->cohort_id, "2026-02-06", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->sessions->len, ==, 1);
  g_assert_true (((KorakSignInSession *)g_ptr_array_index (sheet->sessions, 0))->cancelled);
  g_clear_pointer (&sheet, korak_sign_in_sheet_free);

  /* 10 February: only Ana's individual session, so no session to sign. */
  sheet = korak_store_get_sign_in_sheet (f->store, f->cohort_id, "2026-02-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->sessions->len, ==, 0);
  g_clear_pointer (&sheet, korak_sign_in_sheet_free);

  g_assert_null (korak_store_get_sign_in_sheet (f->store, f->cohort_id, "2026-02-30", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (korak_store_get_sign_in_sheet (f->store, 999, "2026-02-09", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
}

/* ---- outcomes ---------------------------------------------------------- */

static void
test_outcomes (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCohortOutcomes) outcomes = NULL;
  gint64 dana = new_person (f->store, "Dana", "Bizjak");
  const KorakExitCount *exit;
  const KorakAreaChange *area;

  enrol (f, dana, f->cohort_id, "2026-02-16");

  /* Ana: averages 4.5 → exit 7.5 (the later follow-up does not count);
   * Cene: 2.5 → 4; Berta's review after she withdrew is not in this
   * cohort, so she has one; Dana none. */
  assess (f, f->ana, "2026-01-10", "intake", 4, 5);
  assess (f, f->ana, "2026-03-15", "review", 6, 0);
  assess (f, f->ana, "2026-06-19", "exit", 7, 8);
  assess (f, f->ana, "2026-06-20", "follow_up", 9, 0);
  assess (f, f->cene, "2026-02-05", "intake", 2, 3);
  assess (f, f->cene, "2026-03-01", "review", 4, 0);
  assess (f, f->berta, "2026-01-12", "intake", 5, 0);
  assess (f, f->berta, "2026-03-01", "review", 9, 0);

  end_enrolment (f, f->ana, "2026-06-21", "employment", TRUE);
  end_enrolment (f, f->cene, "2026-03-10", "health", FALSE);

  outcomes = korak_store_get_cohort_outcomes (f->store, f->cohort_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outcomes->cohort_name, ==, "Kranj, skupina 1");
  g_assert_cmpstr (outcomes->programme_name, ==, "Socialna aktivacija");
  g_assert_cmpstr (outcomes->site, ==, "Kranj");
  g_assert_cmpstr (outcomes->start_date, ==, "2026-01-05");
  g_assert_cmpstr (outcomes->end_date, ==, "2026-06-21");
  g_assert_cmpstr (outcomes->mentor_name, ==, "Mateja Kern");

  g_assert_cmpint (outcomes->enrolled, ==, 4);
  g_assert_cmpint (outcomes->active, ==, 1);
  g_assert_cmpint (outcomes->completed, ==, 1);
  g_assert_cmpint (outcomes->early_exits, ==, 1);
  g_assert_cmpint (outcomes->withdrawn, ==, 1);
  g_assert_cmpint (outcomes->positive_exits, ==, 1);
  /* Everyone's attended hours, the cancelled session left out. */
  assert_close (outcomes->hours, 29.5);

  /* Exits by reason: employment, health, and Berta's withdrawal. */
  g_assert_cmpuint (outcomes->exits->len, ==, 3);
  exit = g_ptr_array_index (outcomes->exits, 0);
  g_assert_cmpstr (exit->reason, ==, "employment");
  g_assert_cmpint (exit->count, ==, 1);
  g_assert_true (exit->positive);
  exit = g_ptr_array_index (outcomes->exits, 1);
  g_assert_cmpstr (exit->reason, ==, "health");
  g_assert_false (exit->positive);
  exit = g_ptr_array_index (outcomes->exits, 2);
  g_assert_cmpstr (exit->reason, ==, "other");

  g_assert_cmpuint (outcomes->changes->len, ==, 4);
  g_assert_cmpint (outcomes->n_changed, ==, 2);
  assert_close (outcomes->average_change, (3.0 + 1.5) / 2);

  /* Communication: Ana 4 → 7, Cene 2 → 4; self-confidence: Ana 5 → 8 only. */
  g_assert_cmpuint (outcomes->areas->len, ==, 2);
  area = g_ptr_array_index (outcomes->areas, 0);
  g_assert_cmpstr (area->area_name, ==, "Communication");
  g_assert_cmpint (area->n_people, ==, 2);
  assert_close (area->intake_average, 3);
  assert_close (area->latest_average, 5.5);
  area = g_ptr_array_index (outcomes->areas, 1);
  g_assert_cmpstr (area->area_name, ==, "Self-confidence and motivation");
  g_assert_cmpint (area->n_people, ==, 1);
  assert_close (area->intake_average, 5);
  assert_close (area->latest_average, 8);
  g_clear_pointer (&outcomes, korak_cohort_outcomes_free);

  /* A cohort with nobody yet. */
  outcomes = korak_store_get_cohort_outcomes (f->store, new_cohort (f, "Prazna", NULL, "2026-09-07"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcomes->enrolled, ==, 0);
  g_assert_cmpuint (outcomes->exits->len, ==, 0);
  g_assert_cmpuint (outcomes->areas->len, ==, 0);
  assert_close (outcomes->average_change, 0);
  g_assert_null (outcomes->site);
  g_clear_pointer (&outcomes, korak_cohort_outcomes_free);

  g_assert_null (korak_store_get_cohort_outcomes (f->store, 999, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
}

/* ---- certificates ------------------------------------------------------ */

static void
assert_same_certificate (const KorakCertificateRecord *a,
                         const KorakCertificateRecord *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->serial, ==, b->serial);
  g_assert_cmpstr (a->verification, ==, b->verification);
  g_assert_cmpstr (a->kind, ==, b->kind);
  g_assert_cmpstr (a->issued_date, ==, b->issued_date);
  g_assert_cmpint (a->participant_id, ==, b->participant_id);
  g_assert_cmpint (a->enrolment_id, ==, b->enrolment_id);
  g_assert_cmpstr (a->participant_name, ==, b->participant_name);
  g_assert_cmpstr (a->birth_date, ==, b->birth_date);
  g_assert_cmpstr (a->programme_name, ==, b->programme_name);
  g_assert_cmpstr (a->cohort_name, ==, b->cohort_name);
  g_assert_cmpstr (a->site, ==, b->site);
  g_assert_cmpstr (a->start_date, ==, b->start_date);
  g_assert_cmpstr (a->end_date, ==, b->end_date);
  g_assert_cmpfloat (a->hours, ==, b->hours);
  g_assert_cmpuint (a->modules->len, ==, b->modules->len);
  for (guint i = 0; i < a->modules->len; i++)
    {
      const KorakCertificateModule *x = g_ptr_array_index (a->modules, i);
      const KorakCertificateModule *y = g_ptr_array_index (b->modules, i);

      g_assert_cmpint (x->ordinal, ==, y->ordinal);
      g_assert_cmpstr (x->kind, ==, y->kind);
      g_assert_cmpstr (x->start_date, ==, y->start_date);
      g_assert_cmpstr (x->end_date, ==, y->end_date);
    }
  g_assert_cmpstrv (a->competencies, b->competencies);
  g_assert_cmpstr (a->mentor_name, ==, b->mentor_name);
  g_assert_cmpstr (a->organisation_name, ==, b->organisation_name);
}

static KorakCertificateRecord *
issue (Fixture    *f,
       gint64      participant,
       const char *kind,
       const char *date)
{
  g_autoptr(GError) error = NULL;
  KorakCertificateRecord *record = korak_store_issue_certificate (f->store, participant, kind, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static void
assert_issue_refused (Fixture    *f,
                      gint64      participant,
                      const char *kind,
                      const char *date,
                      int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count_rows (f->store, "certificate");

  g_assert_null (korak_store_issue_certificate (f->store, participant, kind, date, &error));
  g_assert_error (error, KORAK_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_cmpint (count_rows (f->store, "certificate"), ==, before);
}

static void
save_organisation (Fixture    *f,
                   const char *name)
{
  g_autoptr(KorakOrganisationRecord) organisation = g_new0 (KorakOrganisationRecord, 1);
  g_autoptr(GError) error = NULL;

  organisation->name = g_strdup (name);
  g_assert_true (korak_store_save_organisation (f->store, organisation, &error));
  g_assert_no_error (error);
}

static void
test_certificate (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCertificateRecord) completion = NULL;
  g_autoptr(KorakCertificateRecord) reprint = NULL;
  g_autoptr(KorakCertificateRecord) found = NULL;
  g_autoptr(KorakCertificateRecord) participation = NULL;
  g_autoptr(KorakCertificateRecord) copy = NULL;
  g_autoptr(KorakCertificateRecord) next_year = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *desk = g_strdup_printf ("%04X", (guint)(korak_store_get_desk_id (f->store) & 0xffff));
  g_autofree char *serial_1 = g_strdup_printf ("2026-%s-0001", desk);
  g_autofree char *serial_2 = g_strdup_printf ("2026-%s-0002", desk);
  g_autofree char *serial_2027 = g_strdup_printf ("2027-%s-0001", desk);
  g_autoptr(KorakParticipantRecord) ana = korak_store_get_participant (f->store, f->ana, &error);
  gint64 dana = new_person (f->store, "Dana", "Bizjak");
  gint64 ema = new_person (f->store, "Ema", "Kralj");
  KorakCertificateModule *module;

  g_assert_no_error (error);
  save_organisation (f, "Zavod Korak");
  korak_participant_record_set (ana, KORAK_FIELD_BIRTH_DATE, "1988-04-12");
  g_assert_true (korak_store_update_participant (f->store, ana, &error));
  g_assert_no_error (error);
  assess (f, f->ana, "2026-01-10", "intake", 0, 5);
  assess (f, f->ana, "2026-06-19", "exit", 7, 8);
  enrol (f, dana, f->cohort_id, "2026-02-16");

  /* Refused: nobody; never enrolled; a completion certificate while Ana is
   * still active; a participation certificate for Dana, with no hours; a
   * kind or a date that is wrong. Nothing is written. */
  assert_issue_refused (f, 999, KORAK_CERTIFICATE_PARTICIPATION, NULL, KORAK_STORE_ERROR_NOT_FOUND);
  assert_issue_refused (f, ema, KORAK_CERTIFICATE_PARTICIPATION, NULL, KORAK_STORE_ERROR_INVALID);
  assert_issue_refused (f, f->ana, KORAK_CERTIFICATE_COMPLETION, "2026-06-30", KORAK_STORE_ERROR_INVALID);
  assert_issue_refused (f, dana, KORAK_CERTIFICATE_PARTICIPATION, "2026-06-30", KORAK_STORE_ERROR_INVALID);
  assert_issue_refused (f, f->ana, "diploma", "2026-06-30", KORAK_STORE_ERROR_INVALID);
  assert_issue_refused (f, f->ana, NULL, "2026-06-30", KORAK_STORE_ERROR_INVALID);
  assert_issue_refused (f, f->ana, KORAK_CERTIFICATE_PARTICIPATION, "30. 6. 2026", KORAK_STORE_ERROR_INVALID);
  assert_issue_refused (f, f->ana, KORAK_CERTIFICATE_PARTICIPATION, "2026-02-30", KORAK_STORE_ERROR_INVALID);

  /* Ana completes on the cohort's last day. */
  end_enrolment (f, f->ana, "2026-06-21", "employment", TRUE);
  completion = issue (f, f->ana, KORAK_CERTIFICATE_COMPLETION, "2026-06-30");
  g_assert_cmpint (completion->id, !=, 0);
  g_assert_cmpstr (completion->serial, ==, serial_1);
  g_assert_cmpuint (strlen (completion->verification), ==, 8);
  for (guint i = 0; i < 8; i++)
    g_assert_true (g_ascii_isxdigit (completion->verification[i]) && !g_ascii_islower (completion->verification[i]));
  g_assert_cmpstr (completion->kind, ==, "completion");
  g_assert_cmpstr (completion->issued_date, ==, "2026-06-30");
  g_assert_cmpint (completion->participant_id, ==, f->ana);
  g_assert_cmpint (completion->enrolment_id, !=, 0);
  g_assert_cmpstr (completion->participant_name, ==, "Ana Novak");
  g_assert_cmpstr (completion->birth_date, ==, "1988-04-12");
  g_assert_cmpstr (completion->programme_name, ==, "Socialna aktivacija");
  g_assert_cmpstr (completion->cohort_name, ==, "Kranj, skupina 1");
  g_assert_cmpstr (completion->site, ==, "Kranj");
  g_assert_cmpstr (completion->start_date, ==, "2026-01-05");
  g_assert_cmpstr (completion->end_date, ==, "2026-06-21");
  /* 4 + 4 + 3.5 + 1 (her own session) + 4; excused and cancelled left out. */
  assert_close (completion->hours, 16.5);
  g_assert_cmpuint (completion->modules->len, ==, 3);
  module = g_ptr_array_index (completion->modules, 0);
  g_assert_cmpint (module->ordinal, ==, 1);
  g_assert_cmpstr (module->kind, ==, "workshops");
  g_assert_cmpstr (module->start_date, ==, "2026-01-05");
  g_assert_cmpstr (module->end_date, ==, "2026-03-29");
  module = g_ptr_array_index (completion->modules, 2);
  g_assert_cmpint (module->ordinal, ==, 3);
  g_assert_cmpstr (module->kind, ==, "exit_search");
  g_assert_cmpstr (module->end_date, ==, "2026-06-21");
  g_assert_cmpuint (g_strv_length (completion->competencies), ==, 2);
  g_assert_cmpstr (completion->competencies[0], ==, "Communication");
  g_assert_cmpstr (completion->competencies[1], ==, "Self-confidence and motivation");
  g_assert_cmpstr (completion->mentor_name, ==, "Mateja Kern");
  g_assert_cmpstr (completion->organisation_name, ==, "Zavod Korak");
  g_assert_true (korak_certificate_record_verify (completion));
  g_assert_cmpint (count_rows (f->store, "certificate"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM certificate WHERE hours = 16.5 AND modules IS NOT NULL "
                                        "AND verification IS NOT NULL AND created_at IS NOT NULL"), ==, 1);

  copy = korak_certificate_record_copy (completion);
  assert_same_certificate (copy, completion);
  g_assert_true (korak_certificate_record_verify (copy));

  /* Issuing again is a reprint: the same entry, the first date kept. */
  reprint = issue (f, f->ana, KORAK_CERTIFICATE_COMPLETION, "2026-07-15");
  assert_same_certificate (reprint, completion);
  g_assert_cmpint (count_rows (f->store, "certificate"), ==, 1);

  /* The next of this year and desk. */
  participation = issue (f, f->ana, KORAK_CERTIFICATE_PARTICIPATION, "2026-07-01");
  g_assert_cmpstr (participation->serial, ==, serial_2);
  g_assert_cmpstr (participation->kind, ==, "participation");
  g_assert_cmpint (participation->enrolment_id, ==, completion->enrolment_id);
  g_assert_cmpstr (participation->verification, !=, completion->verification);

  /* Frozen: renaming Ana and changing the cohort changes no certificate. */
  rename_person (f, f->ana, "Anja", "Novak Horvat");
  exec_ok (f->store, "UPDATE cohort SET name = 'Preimenovana', site = 'Jesenice'");
  exec_ok (f->store, "UPDATE staff SET given_name = 'Petra'");
  save_organisation (f, "Drug zavod");
  found = korak_store_get_certificate (f->store, serial_1, &error);
  g_assert_no_error (error);
  assert_same_certificate (found, completion);
  g_assert_cmpstr (found->participant_name, ==, "Ana Novak");
  g_assert_true (korak_certificate_record_verify (found));
  g_clear_pointer (&found, korak_certificate_record_free);
  g_clear_pointer (&reprint, korak_certificate_record_free);
  reprint = issue (f, f->ana, KORAK_CERTIFICATE_COMPLETION, NULL);
  assert_same_certificate (reprint, completion);

  /* Typed from the paper with spaces and lower case. */
  {
    g_autofree char *typed = g_strdup_printf ("  %s ", serial_1);

    for (char *c = typed; *c; c++)
      *c = g_ascii_tolower (*c);
    found = korak_store_get_certificate (f->store, typed, &error);
    g_assert_no_error (error);
    g_assert_cmpint (found->id, ==, completion->id);
    g_clear_pointer (&found, korak_certificate_record_free);
  }

  /* The register. */
  list = korak_store_list_certificates (f->store, f->ana, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((KorakCertificateRecord *)g_ptr_array_index (list, 0))->serial, ==, serial_1);
  g_assert_cmpstr (((KorakCertificateRecord *)g_ptr_array_index (list, 1))->serial, ==, serial_2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = korak_store_list_certificates (f->store, f->berta, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A new year starts again at 1. Berta's withdrawn enrolment has hours. */
  next_year = issue (f, f->berta, KORAK_CERTIFICATE_PARTICIPATION, "2027-01-04");
  g_assert_cmpstr (next_year->serial, ==, serial_2027);
  assert_close (next_year->hours, 9);
  g_assert_cmpstr (next_year->end_date, ==, "2026-02-09");
  /* Her enrolment ended before any module did. */
  g_assert_cmpuint (next_year->modules->len, ==, 0);
  g_assert_cmpuint (g_strv_length (next_year->competencies), ==, 0);
  g_assert_null (next_year->birth_date);
  g_assert_true (korak_certificate_record_verify (next_year));
  list = korak_store_list_certificates (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The register says where a serial is not. */
  g_assert_null (korak_store_get_certificate (f->store, "2026-0000-0099", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* Erasing a person keeps their serials taken: the next certificate does not
 * get the number on the erased person's paper. */
static void
test_certificate_after_erasure (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCertificateRecord) first = NULL;
  g_autoptr(KorakCertificateRecord) next = NULL;
  g_autofree char *desk = g_strdup_printf ("%04X", (guint)(korak_store_get_desk_id (f->store) & 0xffff));
  g_autofree char *serial_1 = g_strdup_printf ("2026-%s-0001", desk);
  g_autofree char *serial_2 = g_strdup_printf ("2026-%s-0002", desk);

  save_organisation (f, "Zavod Korak");
  end_enrolment (f, f->ana, "2026-06-21", "employment", TRUE);
  first = issue (f, f->ana, KORAK_CERTIFICATE_COMPLETION, "2026-06-30");
  g_assert_cmpstr (first->serial, ==, serial_1);

  g_assert_true (korak_store_erase_person (f->store, f->ana, &error));
  g_assert_no_error (error);
  g_assert_null (korak_store_get_certificate (f->store, serial_1, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  next = issue (f, f->berta, KORAK_CERTIFICATE_PARTICIPATION, "2026-07-01");
  g_assert_cmpstr (next->serial, ==, serial_2);
}

static void
test_certificate_tampered (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCertificateRecord) issued = NULL;
  g_autoptr(KorakCertificateRecord) found = NULL;
  g_autofree char *sql = NULL;

  issued = issue (f, f->ana, KORAK_CERTIFICATE_PARTICIPATION, "2026-03-01");
  g_assert_true (korak_certificate_record_verify (issued));

  /* Someone edits the register behind Korak's back. */
  exec_ok (f->store, "UPDATE certificate SET content = replace(content, 'Ana Novak', 'Ana Nowak')");
  found = korak_store_get_certificate (f->store, issued->serial, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->participant_name, ==, "Ana Nowak");
  g_assert_false (korak_certificate_record_verify (found));
  g_clear_pointer (&found, korak_certificate_record_free);

  /* Hours, as a number in the text. */
  exec_ok (f->store, "UPDATE certificate SET content = replace(replace(content, 'Ana Nowak', 'Ana Novak'), '16.5', '160.5')");
  found = korak_store_get_certificate (f->store, issued->serial, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->participant_name, ==, "Ana Novak");
  assert_close (found->hours, 160.5);
  g_assert_false (korak_certificate_record_verify (found));
  g_clear_pointer (&found, korak_certificate_record_free);

  /* Put back as it was, it verifies again. */
  exec_ok (f->store, "UPDATE certificate SET content = replace(content, '160.5', '16.5')");
  found = korak_store_get_certificate (f->store, issued->serial, &error);
  g_assert_no_error (error);
  g_assert_true (korak_certificate_record_verify (found));
  g_clear_pointer (&found, korak_certificate_record_free);

  /* The date of issue, in its column. */
  exec_ok (f->store, "UPDATE certificate SET issued_date = '2026-02-01'");
  found = korak_store_get_certificate (f->store, issued->serial, &error);
  g_assert_no_error (error);
  g_assert_false (korak_certificate_record_verify (found));
  g_clear_pointer (&found, korak_certificate_record_free);
  exec_ok (f->store, "UPDATE certificate SET issued_date = '2026-03-01'");

  /* Content that is not a GVariant any more still reads, and fails. */
  exec_ok (f->store, "UPDATE certificate SET content = 'not {a variant'");
  found = korak_store_get_certificate (f->store, issued->serial, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->serial, ==, issued->serial);
  g_assert_null (found->participant_name);
  g_assert_nonnull (found->competencies);
  g_assert_false (korak_certificate_record_verify (found));
  g_clear_pointer (&found, korak_certificate_record_free);

  /* And a verification code changed to fit still fails against the content. */
  sql = g_strdup_printf ("UPDATE certificate SET content = NULL, verification = '%s'", issued->verification);
  exec_ok (f->store, sql);
  found = korak_store_get_certificate (f->store, issued->serial, &error);
  g_assert_no_error (error);
  g_assert_false (korak_certificate_record_verify (found));
  g_assert_false (korak_certificate_record_verify (NULL));
}

/* Names in Arabic, with quotes and with SQL come back exactly. */
static void
test_certificate_names (Fixture       *f,
                        gconstpointer  data)
{
  static const char arabic_given[] = "ليلى";
  static const char arabic_family[] = "حداد";
  static const char quote_given[] = "Ruža \"Rose\" O'Brien";
  static const char quote_family[] = "Kos'); DROP TABLE certificate;--";
  static const char organisation[] = "Društvo \"Korak\" — جمعية كوراك";
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCertificateRecord) laila = NULL;
  g_autoptr(KorakCertificateRecord) ruza = NULL;
  g_autoptr(KorakCertificateRecord) found = NULL;
  g_autoptr(KorakSignInSheet) sheet = NULL;
  g_autofree char *laila_name = g_strdup_printf ("%s %s", arabic_given, arabic_family);
  g_autofree char *ruza_name = g_strdup_printf ("%s %s", quote_given, quote_family);
  g_autofree char *laila_sign = g_strdup_printf ("%s %s", arabic_family, arabic_given);
  g_autofree char *ruza_sign = g_strdup_printf ("%s %s", quote_family, quote_given);
  gint64 l = new_person (f->store, arabic_given, arabic_family);
  gint64 r = new_person (f->store, quote_given, quote_family);
  gint64 session;

  save_organisation (f, organisation);
  enrol (f, l, f->cohort_id, "2026-03-02");
  enrol (f, r, f->cohort_id, "2026-03-02");
  session = add_session (f, f->cohort_id, "2026-03-04", "09:00", "13:00", "group", 0);
  mark (f, session, l, "present", 4.0, r, "late", 2.25, (gint64)0);

  laila = issue (f, l, KORAK_CERTIFICATE_PARTICIPATION, "2026-03-05");
  ruza = issue (f, r, KORAK_CERTIFICATE_PARTICIPATION, "2026-03-05");
  g_assert_cmpstr (laila->participant_name, ==, laila_name);
  g_assert_cmpstr (ruza->participant_name, ==, ruza_name);
  g_assert_cmpstr (laila->organisation_name, ==, organisation);
  assert_close (ruza->hours, 2.25);
  g_assert_true (g_str_has_suffix (ruza->serial, "-0002"));

  found = korak_store_get_certificate (f->store, laila->serial, &error);
  g_assert_no_error (error);
  assert_same_certificate (found, laila);
  g_assert_true (korak_certificate_record_verify (found));
  g_clear_pointer (&found, korak_certificate_record_free);
  found = korak_store_get_certificate (f->store, ruza->serial, &error);
  g_assert_no_error (error);
  assert_same_certificate (found, ruza);
  g_assert_true (korak_certificate_record_verify (found));
  g_assert_cmpint (count_rows (f->store, "certificate"), ==, 2);

  sheet = korak_store_get_sign_in_sheet (f->store, f->cohort_id, "2026-03-04", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->people->len, ==, 4);
  /* Kos'… sorts before Novak and Zupan; Arabic after the Latin names. */
  g_assert_cmpstr (((KorakSignInPerson *)g_ptr_array_index (sheet->people, 0))->name, ==, ruza_sign);
  g_assert_cmpstr (((KorakSignInPerson *)g_ptr_array_index (sheet->people, 3))->name, ==, laila_sign);
}

static void
test_cohort_certificates (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) participation = NULL;
  g_autoptr(KorakCertificateRecord) single = NULL;
  gint64 dana = new_person (f->store, "Dana", "Bizjak");
  const KorakCertificateRecord *c;

  enrol (f, dana, f->cohort_id, "2026-02-16");

  /* Nobody completed yet. */
  none = korak_store_issue_cohort_certificates (f->store, f->cohort_id, KORAK_CERTIFICATE_COMPLETION, "2026-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  end_enrolment (f, f->ana, "2026-06-21", "employment", TRUE);
  end_enrolment (f, dana, "2026-06-25", "job_seeker_registration", TRUE);
  end_enrolment (f, f->cene, "2026-04-10", "health", FALSE);

  /* Ana's was issued before: the batch finds it and adds Dana's. */
  single = issue (f, f->ana, KORAK_CERTIFICATE_COMPLETION, "2026-06-29");
  batch = korak_store_issue_cohort_certificates (f->store, f->cohort_id, KORAK_CERTIFICATE_COMPLETION, "2026-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->len, ==, 2);
  c = g_ptr_array_index (batch, 0);
  g_assert_cmpint (c->participant_id, ==, dana);     /* Bizjak before Novak */
  g_assert_cmpstr (c->participant_name, ==, "Dana Bizjak");
  g_assert_cmpstr (c->issued_date, ==, "2026-06-30");
  g_assert_true (g_str_has_suffix (c->serial, "-0002"));
  assert_close (c->hours, 0);
  g_assert_true (korak_certificate_record_verify (c));
  c = g_ptr_array_index (batch, 1);
  assert_same_certificate (c, single);
  g_assert_cmpint (count_rows (f->store, "certificate"), ==, 2);

  /* Again: the same entries, nothing new. */
  again = korak_store_issue_cohort_certificates (f->store, f->cohort_id, KORAK_CERTIFICATE_COMPLETION, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 2);
  for (guint i = 0; i < again->len; i++)
    assert_same_certificate (g_ptr_array_index (again, i), g_ptr_array_index (batch, i));
  g_assert_cmpint (count_rows (f->store, "certificate"), ==, 2);

  /* Participation: everyone with attended hours, Dana (none) left out. */
  participation = korak_store_issue_cohort_certificates (f->store, f->cohort_id, KORAK_CERTIFICATE_PARTICIPATION,
                                                         "2026-07-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (participation->len, ==, 3);
  g_assert_cmpint (((KorakCertificateRecord *)g_ptr_array_index (participation, 0))->participant_id, ==, f->berta);
  g_assert_cmpint (((KorakCertificateRecord *)g_ptr_array_index (participation, 1))->participant_id, ==, f->ana);
  g_assert_cmpint (((KorakCertificateRecord *)g_ptr_array_index (participation, 2))->participant_id, ==, f->cene);
  assert_close (((KorakCertificateRecord *)g_ptr_array_index (participation, 2))->hours, 4);
  g_assert_cmpint (count_rows (f->store, "certificate"), ==, 5);

  g_assert_null (korak_store_issue_cohort_certificates (f->store, 999, KORAK_CERTIFICATE_COMPLETION, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (korak_store_issue_cohort_certificates (f->store, f->cohort_id, "diploma", NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report-data/organisation", test_organisation);
  ADD ("/report-data/monthly", test_monthly);
  ADD ("/report-data/sign-in", test_sign_in);
  ADD ("/report-data/outcomes", test_outcomes);
  ADD ("/report-data/certificate", test_certificate);
  ADD ("/report-data/certificate/after-erasure", test_certificate_after_erasure);
  ADD ("/report-data/certificate/tampered", test_certificate_tampered);
  ADD ("/report-data/certificate/names", test_certificate_names);
  ADD ("/report-data/certificate/cohort", test_cohort_certificates);
#undef ADD

  return g_test_run ();
}
