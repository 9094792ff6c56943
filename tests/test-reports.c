/* test-reports.c — every printed document, built from the store and written
 * to PDF, read back with poppler's pdftotext and pdfinfo.
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "korak-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "korak-assessment.h"
#include "korak-chart-data.h"
#include "korak-demo-private.h"
#include "korak-plan.h"
#include "korak-report-data.h"
#include "korak-reports.h"
#include "korak-schedule.h"
#include "korak-store-private.h"

/* A demo database shared by the tests that only read. */
static char       *demo_dir;
static KorakStore *demo;

/* ---- helpers ----------------------------------------------------------- */


static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  if (text == NULL || info == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext, pdfinfo) are not installed");
      return FALSE;
    }
  return TRUE;
}

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };

  return run (argv);
}

static int
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  int pages = -1;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = atoi (lines[i] + strlen ("Pages:"));
      else if (g_str_has_prefix (lines[i], "Page size:") && width && height)
        g_assert_cmpint (sscanf (lines[i] + strlen ("Page size:"), " %lf x %lf", width, height), ==, 2);
    }
  g_assert_cmpint (pages, >, 0);
  return pages;
}

/* Writes @document to @dir/@name and returns the path. */
static char *
write_pdf (KorakDocument *document,
           const char    *dir,
           const char    *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_nonnull (document);
  g_assert_true (korak_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, text);
}

/* A demo name may be Arabic: pdftotext may space out the letters of a
 * name in another script, or give a ligature back letter by letter. */
static void
assert_contains_name (const char *text,
                      const char *name)
{
  korak_test_assert_pdf_contains (text, name);
}

static void
assert_a4_portrait (const char *path)
{
  double w = 0, h = 0;

  pdf_pages (path, &w, &h);
  g_assert_cmpfloat (fabs (w - 595.276), <, 1.0);
  g_assert_cmpfloat (fabs (h - 841.89), <, 1.0);
}

static char *
tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("korak-test-reports-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* ---- a store of our own ------------------------------------------------ */

typedef struct
{
  char       *dir;
  KorakStore *store;
  gint64      mentor_id;
  gint64      programme_id;
  gint64      cohort_id;
} Fixture;

static gint64
new_person (KorakStore *store,
            const char *given,
            const char *family,
            const char *birth)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  korak_participant_record_set (record, KORAK_FIELD_BIRTH_DATE, birth);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
  korak_store_insert_participant (store, record, &error);
  g_assert_no_error (error);
  return record->id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStaffRecord) mentor = korak_staff_record_new ();
  g_autoptr(KorakProgrammeRecord) programme = korak_programme_record_new ();
  g_autoptr(KorakCohortDetail) cohort = korak_cohort_detail_new ();
  g_autoptr(KorakOrganisationRecord) organisation = NULL;
  g_autofree char *path = NULL;

  fixture->dir = tmp_dir ();
  path = g_build_filename (fixture->dir, "korak.db", NULL);
  fixture->store = korak_store_open (path, &error);
  g_assert_no_error (error);

  organisation = korak_store_get_organisation (fixture->store, &error);
  g_assert_no_error (error);
  g_free (organisation->name);
  organisation->name = g_strdup ("Društvo Korak");
  g_free (organisation->address);
  organisation->address = g_strdup ("Glavni trg 1, 4000 Kranj");
  g_free (organisation->funder_line);
  organisation->funder_line = g_strdup ("Co-funded by the European Social Fund Plus");
  g_assert_true (korak_store_save_organisation (fixture->store, organisation, &error));
  g_assert_no_error (error);

  mentor->given_name = g_strdup ("Mateja");
  mentor->family_name = g_strdup ("Kern");
  mentor->role = g_strdup ("mentor");
  korak_store_save_staff (fixture->store, mentor, &error);
  g_assert_no_error (error);
  fixture->mentor_id = mentor->id;

  programme->name = g_strdup ("Socialna aktivacija");
  programme->required_hours = 480;
  korak_store_save_programme (fixture->store, programme, &error);
  g_assert_no_error (error);
  fixture->programme_id = programme->id;

  /* Modules 2026-01-05 … 03-29, 03-30 … 05-24, 05-25 … 06-21. */
  cohort->programme_id = programme->id;
  cohort->name = g_strdup ("Kranj, skupina 1");
  cohort->site = g_strdup ("Kranj");
  cohort->start_date = g_strdup ("2026-01-05");
  cohort->mentor_id = mentor->id;
  korak_store_save_cohort (fixture->store, cohort, &error);
  g_assert_no_error (error);
  fixture->cohort_id = cohort->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  korak_test_remove_tree (fixture->dir, FALSE);
  g_free (fixture->dir);
}

static void
enrol (Fixture *fixture,
       gint64   participant_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (korak_store_enrol (fixture->store, participant_id, fixture->cohort_id, "2026-01-05", &error));
  g_assert_no_error (error);
}

/* Mon, Wed, Fri 9:00–13:00 over all modules. */
static void
add_week_pattern (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KorakGenerateResult result;

  for (int weekday = 1; weekday <= 5; weekday += 2)
    {
      KorakPatternRecord pattern = { 0 };

      pattern.cohort_id = fixture->cohort_id;
      pattern.weekday = weekday;
      pattern.start_time = g_strdup ("09:00");
      pattern.end_time = g_strdup ("13:00");
      pattern.kind = g_strdup ("group");
      pattern.place = g_strdup ("Učilnica 2");
      g_assert_true (korak_store_save_pattern (fixture->store, &pattern, &error));
      g_assert_no_error (error);
      g_free (pattern.start_time);
      g_free (pattern.end_time);
      g_free (pattern.kind);
      g_free (pattern.place);
    }
  g_assert_true (korak_store_generate_sessions (fixture->store, fixture->cohort_id, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.created, >, 50);
}

static GPtrArray *
sessions_between (KorakStore *store,
                  gint64      cohort_id,
                  const char *from,
                  const char *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = korak_store_list_sessions (store, cohort_id, from, to, &error);

  g_assert_no_error (error);
  return sessions;
}

/* Marks everyone on the register of @session_id present for 4 hours. */
static void
mark_all_present (KorakStore *store,
                  gint64      session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = korak_store_get_register (store, session_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      KorakRegisterEntry *e = g_ptr_array_index (entries, i);

      g_free (e->state);
      e->state = g_strdup ("present");
      e->hours = 4;
    }
  g_assert_true (korak_store_save_register (store, session_id, entries, &error));
  g_assert_no_error (error);
}

/* ---- certificates ------------------------------------------------------ */

static KorakCertificateRecord *
issue (KorakStore *store,
       gint64      participant_id,
       const char *kind)
{
  g_autoptr(GError) error = NULL;
  KorakCertificateRecord *certificate = korak_store_issue_certificate (store, participant_id, kind, "2026-07-01", &error);

  g_assert_no_error (error);
  g_assert_nonnull (certificate);
  return certificate;
}

static void
test_certificate_arabic (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(KorakCertificateRecord) participation = NULL;
  g_autoptr(KorakCertificateRecord) completion = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  KorakExitRecord exit = { (char *) "2026-06-21", (char *) "employment", TRUE, (char *) "Tekstil d.o.o." };
  gint64 fatima;
  double w = 0, h = 0;

  if (!have_poppler ())
    return;

  fatima = new_person (fixture->store, "فاطمة", "الزهراء", "1988-04-12");
  enrol (fixture, fatima);
  add_week_pattern (fixture);
  sessions = sessions_between (fixture->store, fixture->cohort_id, "2026-01-01", "2026-01-31");
  for (guint i = 0; i < sessions->len; i++)
    mark_all_present (fixture->store, ((KorakSessionRecord *) g_ptr_array_index (sessions, i))->id);

  participation = issue (fixture->store, fatima, KORAK_CERTIFICATE_PARTICIPATION);
  g_assert_cmpfloat (participation->hours, >, 0);
  document = korak_report_certificate (fixture->store, participation, &error);
  g_assert_no_error (error);
  path = write_pdf (document, fixture->dir, "participation.pdf");
  text = pdf_text (path);
  g_test_message ("%s", text);

  g_assert_cmpint (pdf_pages (path, &w, &h), ==, 1);
  assert_a4_portrait (path);
  assert_contains (text, "Certificate of participation");
  assert_contains (text, "This certifies that");
  assert_contains (text, "فاطمة");
  assert_contains (text, "الزهراء");
  assert_contains (text, "Socialna aktivacija");
  assert_contains (text, "Kranj, skupina");
  assert_contains (text, "Društvo Korak");
  assert_contains (text, participation->serial);
  assert_contains (text, participation->verification);
  assert_contains (text, "Mateja Kern");
  /* No page numbers on a certificate. */
  g_assert_null (strstr (text, "Page 1 of"));

  /* Completed: modules and the completion wording. */
  g_assert_true (korak_store_end_enrolment (fixture->store, fatima, &exit, NULL, &error));
  g_assert_no_error (error);
  completion = issue (fixture->store, fatima, KORAK_CERTIFICATE_COMPLETION);
  g_clear_pointer (&document, korak_document_free);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  document = korak_report_certificate (fixture->store, completion, &error);
  g_assert_no_error (error);
  path = write_pdf (document, fixture->dir, "completion.pdf");
  text = pdf_text (path);
  g_test_message ("%s", text);
  g_assert_cmpint (pdf_pages (path, NULL, NULL), ==, 1);
  assert_contains (text, "Certificate of completion");
  assert_contains (text, "completed the programme");
  assert_contains (text, "Workshops");
  assert_contains (text, "الزهراء");
}

static void
test_certificate_reprint (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(KorakCertificateRecord) first = NULL;
  g_autoptr(KorakCertificateRecord) again = NULL;
  g_autoptr(KorakCertificateRecord) looked_up = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *again_path = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *again_text = NULL;
  g_autofree char *lookup_text = NULL;
  g_autofree char *lookup_path = NULL;
  g_autoptr(KorakParticipantRecord) record = NULL;
  gint64 ana;

  if (!have_poppler ())
    return;

  ana = new_person (fixture->store, "Ana", "Novak", "1979-02-03");
  enrol (fixture, ana);
  add_week_pattern (fixture);
  sessions = sessions_between (fixture->store, fixture->cohort_id, "2026-01-01", "2026-02-28");
  for (guint i = 0; i < sessions->len; i++)
    mark_all_present (fixture->store, ((KorakSessionRecord *) g_ptr_array_index (sessions, i))->id);

  first = issue (fixture->store, ana, KORAK_CERTIFICATE_PARTICIPATION);
  document = korak_report_certificate (fixture->store, first, &error);
  g_assert_no_error (error);
  first_path = write_pdf (document, fixture->dir, "first.pdf");
  first_text = pdf_text (first_path);

  /* The data changes after issuing: more hours, a new name. */
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = sessions_between (fixture->store, fixture->cohort_id, "2026-03-01", "2026-03-31");
  for (guint i = 0; i < sessions->len; i++)
    mark_all_present (fixture->store, ((KorakSessionRecord *) g_ptr_array_index (sessions, i))->id);
  record = korak_store_get_participant (fixture->store, ana, &error);
  g_assert_no_error (error);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, "Novak Kos");
  g_assert_true (korak_store_update_participant (fixture->store, record, &error));
  g_assert_no_error (error);

  again = issue (fixture->store, ana, KORAK_CERTIFICATE_PARTICIPATION);
  g_assert_cmpstr (again->serial, ==, first->serial);
  g_clear_pointer (&document, korak_document_free);
  document = korak_report_certificate (fixture->store, again, &error);
  g_assert_no_error (error);
  again_path = write_pdf (document, fixture->dir, "again.pdf");
  again_text = pdf_text (again_path);
  g_assert_cmpstr (again_text, ==, first_text);
  g_assert_null (strstr (again_text, "Novak Kos"));

  looked_up = korak_store_get_certificate (fixture->store, first->serial, &error);
  g_assert_no_error (error);
  g_assert_true (korak_certificate_record_verify (looked_up));
  g_clear_pointer (&document, korak_document_free);
  document = korak_report_certificate (fixture->store, looked_up, &error);
  g_assert_no_error (error);
  lookup_path = write_pdf (document, fixture->dir, "lookup.pdf");
  lookup_text = pdf_text (lookup_path);
  g_assert_cmpstr (lookup_text, ==, first_text);
}

/* The first column of the first row @sql selects in the demo, 0 with none. */
static gint64
demo_query_id (const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = korak_store_prepare (demo, sql, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The demo cohort with the most completed enrolments. */
static gint64
demo_cohort_with_completers (void)
{
  return demo_query_id ("SELECT cohort_id FROM enrolment WHERE status = 'completed' "
                        "GROUP BY cohort_id ORDER BY count(*) DESC, cohort_id LIMIT 1");
}

static void
test_certificates_batch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 cohort_id;

  if (!have_poppler ())
    return;

  cohort_id = demo_cohort_with_completers ();
  if (cohort_id == 0)
    {
      g_test_skip ("the demo data has nobody who completed");
      return;
    }

  certificates = korak_store_issue_cohort_certificates (demo, cohort_id, KORAK_CERTIFICATE_COMPLETION, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (certificates->len, >, 1);

  document = korak_report_certificates (demo, certificates, "Certificates", &error);
  g_assert_no_error (error);
  dir = tmp_dir ();
  path = write_pdf (document, dir, "batch.pdf");
  text = pdf_text (path);

  g_assert_cmpint (pdf_pages (path, NULL, NULL), ==, (int) certificates->len);
  assert_a4_portrait (path);

  /* One page per completer, each with its own name and serial. */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, certificates->len);
  for (guint i = 0; i < certificates->len; i++)
    {
      const KorakCertificateRecord *c = g_ptr_array_index (certificates, i);

      assert_contains (pages[i], c->serial);
      assert_contains (pages[i], "Certificate of completion");
      assert_contains_name (pages[i], c->participant_name);
    }
  korak_test_remove_tree (dir, FALSE);
}

/* ---- sign-in sheet ----------------------------------------------------- */

static void
test_sign_in_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(KorakSignInSheet) sheet = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const KorakCohortDetail *cohort = NULL;
  const char *date = NULL;

  if (!have_poppler ())
    return;

  cohorts = korak_store_list_cohort_details (demo, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cohorts->len && date == NULL; i++)
    {
      cohort = g_ptr_array_index (cohorts, i);
      if (cohort->n_enrolled < 3)
        continue;
      g_clear_pointer (&sessions, g_ptr_array_unref);
      sessions = korak_store_list_sessions (demo, cohort->id, cohort->start_date, cohort->end_date, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < sessions->len; j++)
        {
          const KorakSessionRecord *s = g_ptr_array_index (sessions, j);

          if (g_strcmp0 (s->kind, "group") == 0 && s->cancelled_reason == NULL && s->n_expected >= 3)
            {
              date = s->date;
              break;
            }
        }
    }
  g_assert_nonnull (date);

  sheet = korak_store_get_sign_in_sheet (demo, cohort->id, date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->people->len, >, 0);

  document = korak_report_sign_in_sheet (demo, cohort->id, date, &error);
  g_assert_no_error (error);
  dir = tmp_dir ();
  path = write_pdf (document, dir, "sign-in.pdf");
  text = pdf_text (path);
  g_test_message ("%s", text);

  assert_a4_portrait (path);
  assert_contains (text, "Sign-in sheet");
  assert_contains (text, "Signature");
  assert_contains (text, "Session leader");
  assert_contains (text, "Page 1 of");
  assert_contains (text, sheet->cohort_name);
  for (guint i = 0; i < sheet->people->len; i++)
    {
      const KorakSignInPerson *p = g_ptr_array_index (sheet->people, i);
      g_auto(GStrv) words = g_strsplit (p->name, " ", 2);

      assert_contains (text, words[0]);
    }
  /* Spare rows for walk-ins, numbered on. */
  {
    g_autofree char *last = g_strdup_printf ("%u.", sheet->people->len + 5);

    assert_contains (text, last);
  }
  korak_test_remove_tree (dir, FALSE);
}

/* ---- plan and progress ------------------------------------------------- */

static void
test_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakPlanRecord) plan = NULL;
  g_autoptr(KorakParticipantRecord) record = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (!have_poppler ())
    return;

  id = demo_query_id ("SELECT p.participant_id FROM plan p JOIN goal g ON g.plan_id = p.id "
                      "GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1");
  g_assert_cmpint (id, !=, 0);
  plan = korak_store_get_plan (demo, id, &error);
  g_assert_no_error (error);
  record = korak_store_get_participant (demo, id, &error);
  g_assert_no_error (error);

  document = korak_report_plan (demo, id, &error);
  g_assert_no_error (error);
  dir = tmp_dir ();
  path = write_pdf (document, dir, "plan.pdf");
  text = pdf_text (path);
  g_test_message ("%s", text);

  assert_a4_portrait (path);
  assert_contains (text, "Individual plan");
  assert_contains_name (text, korak_participant_record_get (record, KORAK_FIELD_FAMILY_NAME));
  assert_contains (text, "Diagnosis");
  assert_contains (text, "Goals");
  assert_contains (text, "Participant");
  assert_contains (text, "Mentor");
  assert_contains (text, "Page 1 of");
  g_assert_cmpuint (plan->goals->len, >, 0);
  {
    const KorakGoalRecord *goal = g_ptr_array_index (plan->goals, 0);
    g_autofree char *start = g_utf8_substring (goal->description, 0, 12);

    assert_contains (text, start);
  }
  korak_test_remove_tree (dir, FALSE);
}

static void
test_progress (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipantRecord) record = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(KorakStarSummary) summary = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  KorakStarData star = { 0 };
  gint64 id;

  if (!have_poppler ())
    return;

  /* Someone with several assessments and a small win. */
  id = demo_query_id ("SELECT a.participant_id FROM assessment a "
                      "JOIN journal_entry j ON j.participant_id = a.participant_id AND j.kind = 'small_win' "
                      "GROUP BY a.participant_id HAVING count(DISTINCT a.id) >= 3 "
                      "ORDER BY a.participant_id LIMIT 1");
  if (id == 0)
    id = demo_query_id ("SELECT participant_id FROM assessment GROUP BY participant_id "
                        "ORDER BY count(*) DESC, participant_id LIMIT 1");
  g_assert_cmpint (id, !=, 0);
  record = korak_store_get_participant (demo, id, &error);
  g_assert_no_error (error);

  /* The star chart shows the intake and the latest only. */
  summary = korak_store_star_summary (demo, id, &error);
  g_assert_no_error (error);
  korak_star_data_fill_first_last (&star, summary);
  g_assert_cmpuint (star.n_series, ==, MIN (summary->assessments->len, 2));
  g_assert_cmpstr (star.series[0].kind, ==, ((KorakAssessmentRecord *) g_ptr_array_index (summary->assessments, 0))->kind);
  korak_star_data_clear (&star);
  g_assert_cmpuint (star.n_series, ==, 0);

  document = korak_report_progress (demo, id, &error);
  g_assert_no_error (error);
  dir = tmp_dir ();
  path = write_pdf (document, dir, "progress.pdf");
  text = pdf_text (path);
  g_test_message ("%s", text);

  assert_a4_portrait (path);
  assert_contains (text, "Individual progress report");
  assert_contains_name (text, korak_participant_record_get (record, KORAK_FIELD_FAMILY_NAME));
  assert_contains (text, "Competencies at intake and latest");
  assert_contains (text, "Attendance hours per week");
  assert_contains (text, "Small wins");
  assert_contains (text, "Follow-ups");
  assert_contains (text, "Intake");
  assert_contains (text, "Page 1 of");
  korak_test_remove_tree (dir, FALSE);
}

/* ---- monthly attendance ------------------------------------------------ */

static const char *given_names[] = {
  "Ana", "Berta", "Cvetka", "Dragica", "Ema", "Fani", "Gordana", "Helena", "Irena", "Jana",
};

static void
test_monthly_large (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;
  g_auto(GStrv) pages = NULL;
  double expected_hours = 0;
  double w = 0, h = 0;
  int n_pages;

  if (!have_poppler ())
    return;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *family = g_strdup_printf ("Priimek%02u", i + 1);

      enrol (fixture, new_person (fixture->store, given_names[i % G_N_ELEMENTS (given_names)], family, NULL));
    }
  add_week_pattern (fixture);

  /* February 2026: Mon, Wed, Fri = 12 days. Person p on session s is
   * absent, excused, late (3 h) or present (4 h) by (p + s) % 10. */
  sessions = sessions_between (fixture->store, fixture->cohort_id, "2026-02-01", "2026-02-28");
  g_assert_cmpuint (sessions->len, ==, 12);
  for (guint s = 0; s < sessions->len; s++)
    {
      const KorakSessionRecord *session = g_ptr_array_index (sessions, s);
      g_autoptr(GPtrArray) entries = korak_store_get_register (fixture->store, session->id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 60);
      for (guint p = 0; p < entries->len; p++)
        {
          KorakRegisterEntry *e = g_ptr_array_index (entries, p);
          guint k = (p + s) % 10;

          g_free (e->state);
          e->state = g_strdup (k == 0 ? "absent" : k == 1 ? "excused" : k == 2 ? "late" : "present");
          e->hours = k == 0 || k == 1 ? 0 : k == 2 ? 3 : 4;
          expected_hours += e->hours;
        }
      g_assert_true (korak_store_save_register (fixture->store, session->id, entries, &error));
      g_assert_no_error (error);
    }

  document = korak_report_monthly_attendance (fixture->store, fixture->cohort_id, "2026-02", &error);
  g_assert_no_error (error);
  path = write_pdf (document, fixture->dir, "monthly.pdf");
  text = pdf_text (path);
  g_test_message ("%s", text);

  /* Landscape A4, more than one page, the header on each. */
  n_pages = pdf_pages (path, &w, &h);
  g_assert_cmpint (n_pages, >=, 2);
  g_assert_cmpfloat (fabs (w - 841.89), <, 1.0);
  g_assert_cmpfloat (fabs (h - 595.276), <, 1.0);

  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, (guint) n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *page_no = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      assert_contains (pages[i], "Name");
      assert_contains (pages[i], "Hours");
      assert_contains (pages[i], "Rate");
      assert_contains (pages[i], "2.2.");
      assert_contains (pages[i], "27.2.");
      assert_contains (pages[i], page_no);
    }

  assert_contains (text, "Monthly attendance");
  assert_contains (text, "Priimek01");
  assert_contains (text, "Priimek60");
  assert_contains (text, "Present / total");
  total = g_strdup_printf ("%.0f", expected_hours);
  assert_contains (pages[n_pages - 1], total);
  assert_contains (text, "not marked");
}

/* ---- cohort outcomes --------------------------------------------------- */

static void
test_cohort_outcomes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCohortOutcomes) outcomes = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 cohort_id;

  if (!have_poppler ())
    return;

  cohort_id = demo_cohort_with_completers ();
  if (cohort_id == 0)
    cohort_id = demo_query_id ("SELECT cohort_id FROM enrolment GROUP BY cohort_id ORDER BY count(*) DESC LIMIT 1");
  outcomes = korak_store_get_cohort_outcomes (demo, cohort_id, &error);
  g_assert_no_error (error);

  document = korak_report_cohort_outcomes (demo, cohort_id, &error);
  g_assert_no_error (error);
  dir = tmp_dir ();
  path = write_pdf (document, dir, "outcomes.pdf");
  text = pdf_text (path);
  g_test_message ("%s", text);

  assert_a4_portrait (path);
  assert_contains (text, "Cohort outcomes");
  assert_contains (text, outcomes->cohort_name);
  assert_contains (text, "Enrolled");
  assert_contains (text, "Positive exits");
  assert_contains (text, "Competency change by area");
  assert_contains (text, "Page 1 of");
  {
    g_autofree char *enrolled = g_strdup_printf ("%d", outcomes->enrolled);

    assert_contains (text, enrolled);
  }
  korak_test_remove_tree (dir, FALSE);
}

/* ---- profile ----------------------------------------------------------- */

static void
test_profile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipantRecord) record = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (!have_poppler ())
    return;

  id = demo_query_id ("SELECT participant_id FROM enrolment WHERE status = 'active' ORDER BY participant_id LIMIT 1");
  record = korak_store_get_participant (demo, id, &error);
  g_assert_no_error (error);
  /* An unsaved edit is printed as shown. */
  korak_participant_record_set (record, KORAK_FIELD_ADDRESS, "Cesta talcev 7, 4000 Kranj");

  document = korak_report_profile (demo, record, &error);
  g_assert_no_error (error);
  dir = tmp_dir ();
  path = write_pdf (document, dir, "profile.pdf");
  text = pdf_text (path);
  g_test_message ("%s", text);

  assert_a4_portrait (path);
  assert_contains (text, "Participant profile");
  assert_contains_name (text, korak_participant_record_get (record, KORAK_FIELD_GIVEN_NAME));
  assert_contains (text, "Cesta talcev 7");
  assert_contains (text, "Mother tongue");
  assert_contains (text, "Page 1 of");
  korak_test_remove_tree (dir, FALSE);
}

/* ---- nothing recorded yet --------------------------------------------- */

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakDocument) plan = NULL;
  g_autoptr(KorakDocument) progress = NULL;
  g_autoptr(KorakDocument) outcomes = NULL;
  g_autoptr(KorakDocument) monthly = NULL;
  g_autoptr(KorakDocument) sheet = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(KorakDocument) batch = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 nobody;

  if (!have_poppler ())
    return;

  /* Someone never enrolled, with no plan, assessment or journal. */
  nobody = new_person (fixture->store, "Zala", "Prazna", NULL);

  plan = korak_report_plan (fixture->store, nobody, &error);
  g_assert_no_error (error);
  path = write_pdf (plan, fixture->dir, "plan.pdf");
  text = pdf_text (path);
  assert_contains (text, "Zala Prazna");
  assert_contains (text, "Not enrolled");
  assert_contains (text, "No goals have been set yet.");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  progress = korak_report_progress (fixture->store, nobody, &error);
  g_assert_no_error (error);
  path = write_pdf (progress, fixture->dir, "progress.pdf");
  text = pdf_text (path);
  assert_contains (text, "No assessments yet.");
  assert_contains (text, "No small wins recorded yet.");
  g_assert_cmpint (pdf_pages (path, NULL, NULL), ==, 1);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  /* A cohort nobody joined, with no sessions. */
  outcomes = korak_report_cohort_outcomes (fixture->store, fixture->cohort_id, &error);
  g_assert_no_error (error);
  path = write_pdf (outcomes, fixture->dir, "outcomes.pdf");
  text = pdf_text (path);
  assert_contains (text, "Nobody has left the programme yet.");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  monthly = korak_report_monthly_attendance (fixture->store, fixture->cohort_id, "2026-02", &error);
  g_assert_no_error (error);
  path = write_pdf (monthly, fixture->dir, "monthly.pdf");
  text = pdf_text (path);
  assert_contains (text, "No group sessions were held in this month.");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  sheet = korak_report_sign_in_sheet (fixture->store, fixture->cohort_id, "2026-02-02", &error);
  g_assert_no_error (error);
  path = write_pdf (sheet, fixture->dir, "sheet.pdf");
  text = pdf_text (path);
  assert_contains (text, "No group sessions are scheduled on this day.");
  assert_contains (text, "5.");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  batch = korak_report_certificates (fixture->store, none, NULL, &error);
  g_assert_no_error (error);
  path = write_pdf (batch, fixture->dir, "batch.pdf");
  g_assert_cmpint (pdf_pages (path, NULL, NULL), ==, 1);
}

/* ---- errors ------------------------------------------------------------ */

static void
test_bad_month (void)
{
  g_autoptr(GError) error = NULL;
  KorakDocument *document;
  gint64 cohort_id = demo_query_id ("SELECT id FROM cohort LIMIT 1");

  document = korak_report_monthly_attendance (demo, cohort_id, "March", &error);
  g_assert_null (document);
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  KorakDemoOptions options = { 250, 11, NULL };
  KorakDemoCounts counts;
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  demo_dir = tmp_dir ();
  path = g_build_filename (demo_dir, "demo.db", NULL);
  demo = korak_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (korak_demo_generate (demo, &options, &counts, &error));
  g_assert_no_error (error);

  g_test_add ("/reports/certificate/arabic", Fixture, NULL, fixture_set_up, test_certificate_arabic, fixture_tear_down);
  g_test_add ("/reports/certificate/reprint", Fixture, NULL, fixture_set_up, test_certificate_reprint, fixture_tear_down);
  g_test_add_func ("/reports/certificates/batch", test_certificates_batch);
  g_test_add_func ("/reports/sign-in-sheet", test_sign_in_sheet);
  g_test_add_func ("/reports/plan", test_plan);
  g_test_add_func ("/reports/progress", test_progress);
  g_test_add ("/reports/monthly-attendance/sixty", Fixture, NULL, fixture_set_up, test_monthly_large, fixture_tear_down);
  g_test_add_func ("/reports/cohort-outcomes", test_cohort_outcomes);
  g_test_add_func ("/reports/profile", test_profile);
  g_test_add_func ("/reports/monthly-attendance/bad-month", test_bad_month);
  g_test_add ("/reports/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);

  result = g_test_run ();

  g_clear_object (&demo);
  korak_test_remove_tree (demo_dir, FALSE);
  g_free (demo_dir);
  return result;
}
