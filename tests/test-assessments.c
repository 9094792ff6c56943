/* test-assessments.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "korak-assessment.h"
#include "korak-store-private.h"

typedef struct
{
  char       *dir;
  KorakStore *store;
  gint64      areas[10];
} Fixture;

#define P 5001   /* completed, five assessments */
#define Q 5002   /* left early for health reasons, two */
#define R 5003   /* active, none */

static void
exec_ok (KorakStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  korak_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("korak-assessments-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (path, &error);
  g_assert_no_error (error);

  exec_ok (f->store,
           "INSERT INTO staff (id, given_name, family_name, role) VALUES (11, 'Maja', 'Novak', 'mentor');"
           "INSERT INTO programme (id, name, required_hours) VALUES (21, 'Socialna aktivacija', 312);"
           "INSERT INTO cohort (id, programme_id, name, start_date) VALUES (31, 21, 'Kranj', '2026-01-05');"
           "INSERT INTO module (id, cohort_id, ordinal, kind, start_date, end_date) VALUES "
           "  (41, 31, 1, 'workshops', '2026-01-05', '2026-03-29'),"
           "  (42, 31, 2, 'work_practice', '2026-03-30', '2026-06-28');"
           "INSERT INTO participant (id, given_name, family_name) VALUES "
           "  (5001, 'Ana', 'Horvat'), (5002, 'Berta', 'Kovač'), (5003, 'Cene', 'Zupan');"
           "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, end_date, status, "
           "  exit_outcome, exit_reason, exit_date, exit_positive) VALUES "
           "  (61, 5001, 31, '2026-01-05', '2026-06-30', 'completed', 'employment', NULL, '2026-06-30', 1),"
           "  (62, 5002, 31, '2026-01-05', '2026-03-10', 'exited', NULL, 'health', '2026-03-10', 0),"
           "  (63, 5003, 31, '2026-01-05', NULL, 'active', NULL, NULL, NULL, NULL);"
           "INSERT INTO session (id, cohort_id, date, start_time, end_time, cancelled_reason) VALUES "
           "  (71, 31, '2026-01-06', '09:00', '13:00', NULL),"
           "  (72, 31, '2026-01-08', '09:00', '13:00', NULL),"
           "  (73, 31, '2026-01-09', '09:00', '13:00', NULL),"
           "  (74, 31, '2026-01-14', '09:00', '13:00', NULL),"
           "  (75, 31, '2026-01-15', '09:00', '13:00', 'snow');"
           "INSERT INTO attendance (id, session_id, participant_id, state, hours) VALUES "
           "  (81, 71, 5001, 'present', 4), (82, 72, 5001, 'late', 3), (83, 73, 5001, 'absent', 0),"
           "  (84, 74, 5001, 'present', 4), (85, 75, 5001, 'present', 4), (86, 71, 5002, 'present', 4);");

  areas = korak_store_list_areas (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (areas->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    f->areas[i] = ((KorakAreaRecord *)g_ptr_array_index (areas, i))->id;
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

static gint64
add_assessment (Fixture    *f,
                gint64      participant,
                const char *date,
                const char *kind,
                const int  *scores,
                guint       n_scores)
{
  g_autoptr(KorakAssessmentRecord) r = korak_assessment_record_new ();
  g_autoptr(GError) error = NULL;

  r->participant_id = participant;
  r->date = g_strdup (date);
  r->kind = g_strdup (kind);
  r->assessor_id = 11;
  for (guint i = 0; i < n_scores; i++)
    if (scores[i] > 0)
      korak_assessment_record_set_score (r, f->areas[i], scores[i], i == 0 ? "Speaks up in the group" : NULL);

  g_assert_true (korak_store_save_assessment (f->store, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r->id, !=, 0);
  return r->id;
}

/* Ana: averages 4, 5.5, 6.333…, 7, 8; Berta: 5 then 4. */
static void
add_history (Fixture *f)
{
  static const int a1[] = { 3, 4, 5 }, a2[] = { 5, 6 }, a3[] = { 6, 6, 7 }, a4[] = { 7 }, a5[] = { 8, 8, 8 };
  static const int b1[] = { 5, 5 }, b2[] = { 4, 4 };

  add_assessment (f, P, "2026-01-05", "intake", a1, 3);
  add_assessment (f, P, "2026-03-02", "review", a2, 2);
  add_assessment (f, P, "2026-04-27", "review", a3, 3);
  add_assessment (f, P, "2026-05-25", "review", a4, 1);
  add_assessment (f, P, "2026-06-29", "exit", a5, 3);
  add_assessment (f, Q, "2026-01-06", "intake", b1, 2);
  add_assessment (f, Q, "2026-03-02", "review", b2, 2);
}

static void
test_seeded (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = korak_store_list_areas (f->store, TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (((KorakAreaRecord *)g_ptr_array_index (areas, 0))->name, ==, "Communication");
  g_assert_cmpstr (((KorakAreaRecord *)g_ptr_array_index (areas, 9))->name, ==, "Job search");
  g_assert_cmpstr (korak_competency_area_label ("Teamwork"), ==, "Teamwork");
  g_assert_cmpstr (korak_competency_area_label ("Gardening club"), ==, "Gardening club");
  g_assert_cmpint (korak_store_get_schema_version (f->store), ==, KORAK_STORE_SCHEMA_VERSION);
}

static void
expect_invalid (Fixture               *f,
                KorakAssessmentRecord *r,
                const char            *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (korak_store_save_assessment (f->store, r, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
  g_assert_cmpint (r->id, ==, 0);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  static const int one[] = { 5 };
  g_autoptr(KorakAssessmentRecord) r = korak_assessment_record_new ();
  g_autoptr(GError) error = NULL;
  gint64 before;

  add_assessment (f, P, "2026-01-05", "intake", one, 1);
  before = korak_store_count_rows (f->store, "assessment_score", NULL);

  r->participant_id = P;
  r->date = g_strdup ("2026-02-02");
  r->kind = g_strdup ("review");

  expect_invalid (f, r, "at least one");

  korak_assessment_record_set_score (r, f->areas[0], 11, NULL);
  expect_invalid (f, r, "“Communication” is 11");
  korak_assessment_record_set_score (r, f->areas[0], 0, NULL);
  expect_invalid (f, r, "from 1 to 10");

  korak_assessment_record_set_score (r, f->areas[0], 6, NULL);
  g_free (r->date);
  r->date = g_strdup ("2026-02-30");
  expect_invalid (f, r, "valid date");
  g_free (r->date);
  r->date = g_strdup ("next week");
  expect_invalid (f, r, "valid date");
  g_free (r->date);
  r->date = g_strdup ("2999-01-04");
  expect_invalid (f, r, "in the future");

  g_free (r->date);
  r->date = g_strdup ("2026-01-05");
  g_free (r->kind);
  r->kind = g_strdup ("intake");
  expect_invalid (f, r, "already");

  g_free (r->kind);
  r->kind = g_strdup ("weekly");
  expect_invalid (f, r, "kind");

  g_free (r->kind);
  r->kind = g_strdup ("review");
  {
    KorakScoreRecord *twice = g_new0 (KorakScoreRecord, 1);

    twice->area_id = f->areas[0];
    twice->score = 4;
    g_ptr_array_add (r->scores, twice);
    expect_invalid (f, r, "twice");
    g_ptr_array_remove_index (r->scores, 1);
  }

  /* Nothing was written by the refused attempts. */
  g_assert_cmpint (korak_store_count_rows (f->store, "assessment", NULL), ==, 1);
  g_assert_cmpint (korak_store_count_rows (f->store, "assessment_score", NULL), ==, before);

  /* Same day, another kind: fine. Then an edit replaces the scores. */
  g_assert_true (korak_store_save_assessment (f->store, r, &error));
  g_assert_no_error (error);
  korak_assessment_record_set_score (r, f->areas[1], 9, "Much better");
  g_assert_true (korak_store_save_assessment (f->store, r, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KorakAssessmentRecord) back = korak_store_get_assessment (f->store, r->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (back->scores->len, ==, 2);
    g_assert_cmpint (korak_assessment_record_get_score (back, f->areas[1]), ==, 9);
    g_assert_cmpstr (((KorakScoreRecord *)g_ptr_array_index (back->scores, 1))->remark, ==, "Much better");
  }
}

static void
test_areas (Fixture       *f,
            gconstpointer  data)
{
  static const int scores[] = { 3, 4, 5 };
  g_autoptr(KorakAreaRecord) area = korak_area_record_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(KorakStarSummary) star = NULL;

  /* New, duplicate, empty, rename. */
  area->name = g_strdup ("  Cooking  ");
  g_assert_true (korak_store_save_area (f->store, area, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (area->name, ==, "Cooking");
  {
    g_autoptr(KorakAreaRecord) dup = korak_area_record_new ();

    dup->name = g_strdup ("communication");
    g_assert_false (korak_store_save_area (f->store, dup, &error));
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_free (dup->name);
    dup->name = g_strdup ("   ");
    g_assert_false (korak_store_save_area (f->store, dup, &error));
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_free (area->name);
  area->name = g_strdup ("Cooking and nutrition");
  g_assert_true (korak_store_save_area (f->store, area, &error));
  g_assert_no_error (error);

  /* Reorder: the third up, the first up (nothing), the new one last. */
  g_assert_true (korak_store_move_area (f->store, f->areas[2], -1, &error));
  g_assert_true (korak_store_move_area (f->store, f->areas[2], -1, &error));
  g_assert_true (korak_store_move_area (f->store, f->areas[2], -1, &error));
  g_assert_true (korak_store_move_area (f->store, area->id, 1, &error));
  g_assert_no_error (error);
  areas = korak_store_list_areas (f->store, FALSE, &error);
  g_assert_cmpuint (areas->len, ==, 11);
  g_assert_cmpint (((KorakAreaRecord *)g_ptr_array_index (areas, 0))->id, ==, f->areas[2]);
  g_assert_cmpint (((KorakAreaRecord *)g_ptr_array_index (areas, 1))->id, ==, f->areas[0]);
  g_assert_cmpint (((KorakAreaRecord *)g_ptr_array_index (areas, 2))->id, ==, f->areas[1]);
  g_assert_cmpint (((KorakAreaRecord *)g_ptr_array_index (areas, 10))->id, ==, area->id);
  g_assert_cmpstr (((KorakAreaRecord *)g_ptr_array_index (areas, 10))->name, ==, "Cooking and nutrition");
  g_clear_pointer (&areas, g_ptr_array_unref);

  /* Retire keeps old scores: still listed, still an axis of the star. */
  add_assessment (f, P, "2026-01-05", "intake", scores, 3);
  g_assert_true (korak_store_set_area_retired (f->store, f->areas[2], TRUE, &error));
  g_assert_no_error (error);
  areas = korak_store_list_areas (f->store, FALSE, &error);
  g_assert_cmpuint (areas->len, ==, 10);
  g_clear_pointer (&areas, g_ptr_array_unref);
  areas = korak_store_list_areas (f->store, TRUE, &error);
  g_assert_cmpuint (areas->len, ==, 11);
  g_assert_nonnull (((KorakAreaRecord *)g_ptr_array_index (areas, 10))->retired_at);
  g_assert_false (korak_store_move_area (f->store, f->areas[2], -1, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = korak_store_list_assessments (f->store, P, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (korak_assessment_record_get_score (g_ptr_array_index (list, 0), f->areas[2]), ==, 5);
  g_assert_cmpint (korak_store_count_rows (f->store, "assessment_score", NULL), ==, 3);

  star = korak_store_star_summary (f->store, P, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (star->areas->len, ==, 11);   /* 10 in use (with Cooking) + the retired one scored */
  g_assert_cmpint (((KorakAreaRecord *)g_ptr_array_index (star->areas, 10))->id, ==, f->areas[2]);

  /* Restored: back in use. */
  g_assert_true (korak_store_set_area_retired (f->store, f->areas[2], FALSE, &error));
  g_assert_no_error (error);
  areas = korak_store_list_areas (f->store, FALSE, &error);
  g_assert_cmpuint (areas->len, ==, 11);
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  static const int scores[] = { 3, 4, 5 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakAssessmentRecord) saved = NULL;
  gint64 id = add_assessment (f, P, "2026-01-05", "intake", scores, 3);

  saved = korak_store_get_assessment (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->assessor_name, ==, "Maja Novak");
  g_assert_true (korak_store_delete_assessment (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (korak_store_count_rows (f->store, "assessment_score", NULL), ==, 0);
  g_assert_false (korak_store_delete_assessment (f->store, id, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (korak_store_restore_assessment (f->store, saved, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KorakAssessmentRecord) back = korak_store_get_assessment (f->store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (back->scores->len, ==, 3);
    g_assert_cmpstr (((KorakScoreRecord *)g_ptr_array_index (back->scores, 0))->remark, ==, "Speaks up in the group");
  }
}

static void
test_star_and_lines (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStarSummary) star = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  KorakProgressLine *line;

  add_history (f);

  star = korak_store_star_summary (f->store, P, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (star->areas->len, ==, 10);
  /* The intake and the three latest; the first review is left out. */
  g_assert_cmpuint (star->assessments->len, ==, 4);
  g_assert_cmpstr (((KorakAssessmentRecord *)g_ptr_array_index (star->assessments, 0))->date, ==, "2026-01-05");
  g_assert_cmpstr (((KorakAssessmentRecord *)g_ptr_array_index (star->assessments, 1))->date, ==, "2026-04-27");
  g_assert_cmpstr (((KorakAssessmentRecord *)g_ptr_array_index (star->assessments, 3))->kind, ==, "exit");
  g_assert_cmpint (korak_assessment_record_get_score (g_ptr_array_index (star->assessments, 3), f->areas[2]), ==, 8);
  g_assert_cmpint (korak_assessment_record_get_score (g_ptr_array_index (star->assessments, 2), f->areas[2]), ==, 0);
  g_clear_pointer (&star, korak_star_summary_free);

  star = korak_store_star_summary (f->store, R, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (star->assessments->len, ==, 0);

  lines = korak_store_progress_lines (f->store, P, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 4);          /* three areas scored, and the average */
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpint (line->area_id, ==, f->areas[0]);
  g_assert_cmpuint (line->points->len, ==, 5);
  g_assert_cmpfloat (g_array_index (line->points, KorakProgressPoint, 4).value, ==, 8);
  line = g_ptr_array_index (lines, 2);
  g_assert_cmpuint (line->points->len, ==, 3);   /* 5, 7, 8 */
  g_assert_cmpfloat (g_array_index (line->points, KorakProgressPoint, 1).value, ==, 7);
  g_assert_cmpstr (g_array_index (line->points, KorakProgressPoint, 1).date, ==, "2026-04-27");
  line = g_ptr_array_index (lines, 3);
  g_assert_cmpint (line->area_id, ==, 0);
  g_assert_null (line->area_name);
  g_assert_cmpuint (line->points->len, ==, 5);
  g_assert_cmpfloat_with_epsilon (g_array_index (line->points, KorakProgressPoint, 0).value, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (line->points, KorakProgressPoint, 1).value, 5.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (line->points, KorakProgressPoint, 2).value, 19.0 / 3, 1e-9);
  g_assert_cmpstr (g_array_index (line->points, KorakProgressPoint, 4).kind, ==, "exit");
}

static void
test_week_hours (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  double required = -1;

  weeks = korak_store_participant_week_hours (f->store, P, &required, &error);
  g_assert_no_error (error);
  /* 2026-01-05 … the week of 2026-06-30: 26 Mondays. */
  g_assert_cmpuint (weeks->len, ==, 26);
  /* 312 hours over 25 weeks of modules. */
  g_assert_cmpfloat_with_epsilon (required, 312.0 / 25, 1e-9);
  g_assert_cmpstr (g_array_index (weeks, KorakWeekHours, 0).monday, ==, "2026-01-05");
  g_assert_cmpfloat (g_array_index (weeks, KorakWeekHours, 0).hours, ==, 7);  /* 4 present + 3 late, absent 0 */
  g_assert_cmpfloat (g_array_index (weeks, KorakWeekHours, 1).hours, ==, 4);  /* the cancelled session is left out */
  g_assert_cmpfloat (g_array_index (weeks, KorakWeekHours, 2).hours, ==, 0);
  g_assert_cmpint (g_array_index (weeks, KorakWeekHours, 11).module, ==, 1);
  g_assert_cmpint (g_array_index (weeks, KorakWeekHours, 12).module, ==, 2);
  g_assert_cmpstr (g_array_index (weeks, KorakWeekHours, 12).monday, ==, "2026-03-30");
  g_assert_cmpint (g_array_index (weeks, KorakWeekHours, 25).module, ==, 0);
  g_clear_pointer (&weeks, g_array_unref);

  weeks = korak_store_participant_week_hours (f->store, 999, &required, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 0);
  g_assert_cmpfloat (required, ==, 0);
}

static void
test_cohort (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exits = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  static const int late[] = { 9, 9 };
  const KorakProgressChange *c;
  guint bands[KORAK_CHANGE_N_BANDS];

  add_history (f);
  /* After Ana's enrolment ended: not counted for this cohort. */
  add_assessment (f, P, "2026-09-28", "follow_up", late, 2);

  exits = korak_store_cohort_exits (f->store, 31, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exits->len, ==, 2);
  c = NULL;
  {
    const KorakExitCount *e0 = g_ptr_array_index (exits, 0), *e1 = g_ptr_array_index (exits, 1);

    g_assert_cmpstr (e0->reason, ==, "employment");
    g_assert_true (e0->positive);
    g_assert_cmpint (e0->count, ==, 1);
    g_assert_cmpstr (e1->reason, ==, "health");
    g_assert_false (e1->positive);
  }

  changes = korak_store_cohort_changes (f->store, 31, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  c = g_ptr_array_index (changes, 0);            /* Horvat */
  g_assert_cmpstr (c->name, ==, "Ana Horvat");
  g_assert_cmpint (c->n_assessments, ==, 5);
  g_assert_cmpfloat_with_epsilon (c->intake_average, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->latest_average, 8.0, 1e-9);
  g_assert_cmpstr (c->latest_kind, ==, "exit");
  c = g_ptr_array_index (changes, 1);            /* Kovač */
  g_assert_cmpfloat_with_epsilon (c->intake_average, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->latest_average, 4.0, 1e-9);
  c = g_ptr_array_index (changes, 2);            /* Zupan */
  g_assert_cmpint (c->n_assessments, ==, 0);

  g_assert_cmpuint (korak_progress_change_bands (changes, bands), ==, 2);
  g_assert_cmpuint (bands[6], ==, 1);            /* +4 */
  g_assert_cmpuint (bands[1], ==, 1);            /* −1 */
  g_assert_cmpuint (bands[0] + bands[2] + bands[3] + bands[4] + bands[5], ==, 0);
  g_assert_cmpstr (korak_progress_change_band_label (6), ==, "+4 or more");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/assessments/areas/seeded", test_seeded);
  ADD ("/assessments/areas/edit-reorder-retire", test_areas);
  ADD ("/assessments/validation", test_validation);
  ADD ("/assessments/delete-restore", test_delete_restore);
  ADD ("/assessments/chart/star-and-lines", test_star_and_lines);
  ADD ("/assessments/chart/week-hours", test_week_hours);
  ADD ("/assessments/chart/cohort", test_cohort);

  return g_test_run ();
}
