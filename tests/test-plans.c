/* test-plans.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "korak-journal.h"
#include "korak-plan.h"
#include "korak-plan-model.h"
#include "korak-schedule.h"
#include "korak-store-private.h"
#include "korak-today.h"

typedef struct
{
  char       *dir;
  KorakStore *store;
  gint64      activity_id;
} Fixture;

#define ANA   5001   /* active in cohort 31 */
#define BERTA 5002   /* active in cohort 31 */
#define CENE  5003   /* not enrolled */

static void
exec_ok (KorakStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  korak_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static gint64
query_int (KorakStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = korak_store_prepare (store, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("korak-plans-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (path, &error);
  g_assert_no_error (error);

  exec_ok (f->store,
           "INSERT INTO programme (id, name) VALUES (21, 'Socialna aktivacija');"
           "INSERT INTO cohort (id, programme_id, name, start_date, end_date) VALUES (31, 21, 'Kranj', '2026-01-05', '2026-06-28');"
           "INSERT INTO participant (id, given_name, family_name) VALUES "
           "  (5001, 'Ana', 'Horvat'), (5002, 'Berta', 'Kovač'), (5003, 'Cene', 'Zupan');"
           "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, status) VALUES "
           "  (61, 5001, 31, '2026-01-05', 'active'), (62, 5002, 31, '2026-01-05', 'active');");

  activities = korak_store_list_activities (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, >, 0);
  f->activity_id = ((KorakActivityRecord *)g_ptr_array_index (activities, 0))->id;
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

static KorakPlanRecord *
get_plan (Fixture *f,
          gint64   participant)
{
  g_autoptr(GError) error = NULL;
  KorakPlanRecord *plan = korak_store_get_plan (f->store, participant, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
test_date_add_months (void)
{
  static const struct { const char *from; int months; const char *to; } cases[] = {
    { "2026-01-15", 3, "2026-04-15" },
    { "2026-08-31", 3, "2026-11-30" },
    { "2026-08-31", 6, "2027-02-28" },
    { "2027-08-31", 6, "2028-02-29" },
    { "2026-11-30", 3, "2027-02-28" },
    { "2026-10-31", 6, "2027-04-30" },
    { "2026-12-31", 3, "2027-03-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = korak_date_add_months (cases[i].from, cases[i].months);

      g_assert_cmpstr (got, ==, cases[i].to);
    }
  g_assert_null (korak_date_add_months ("2026-02-30", 3));
}

static void
test_plan_history (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakPlanRecord) plan = get_plan (f, ANA);
  g_autoptr(KorakPlanRecord) again = NULL;
  g_autoptr(GPtrArray) history = NULL;
  KorakGoalRecord *goal;
  KorakPlanReviewRecord *r;

  g_assert_cmpint (plan->id, ==, 0);
  g_assert_cmpuint (plan->barriers->len, ==, 8);

  /* First save: the diagnosis, two goals with steps, a training. */
  plan->interests = g_strdup ("Sewing, gardening");
  plan->strengths = g_strdup ("Patient, punctual");
  korak_plan_record_get_barrier (plan, "childcare")->checked = TRUE;
  korak_plan_record_get_barrier (plan, "childcare")->remark = g_strdup ("Two children under 6");
  goal = korak_plan_record_add_goal (plan, "social", "Make a phone call alone", "2026-03-01");
  korak_goal_record_add_step (goal, "Practise with the mentor", "2026-02-01");
  korak_goal_record_add_step (goal, "Call the library", "2026-02-15");
  goal = korak_plan_record_add_goal (plan, "work", "Find work practice", "2026-05-01");
  korak_goal_record_add_step (goal, "Write a CV", NULL);
  korak_plan_record_add_activity (plan, f->activity_id, "2026-02-10");
  plan->next_review_date = g_strdup ("2026-03-01");

  g_assert_true (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, "2026-01-20", &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan->id, !=, 0);
  g_assert_cmpint (plan->enrolment_id, ==, 61);
  g_assert_cmpint (((KorakGoalRecord *)g_ptr_array_index (plan->goals, 0))->id, !=, 0);

  /* Saving again without a change adds no history. */
  g_assert_true (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, "2026-01-21", &error));
  g_assert_no_error (error);
  history = korak_store_list_plan_history (f->store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  r = g_ptr_array_index (history, 0);
  g_assert_cmpstr (r->kind, ==, "save");
  g_assert_cmpstr (r->date, ==, "2026-01-20");
  /* interests, strengths, next review, childcare ×2, 2 goals, 3 steps, 1 training */
  g_assert_cmpuint (r->n_changes, ==, 11);
  g_assert_nonnull (strstr (r->summary, "Goal added: Make a phone call alone"));
  g_clear_pointer (&history, g_ptr_array_unref);

  /* A review on 1 March: a goal progresses, a step is done, a date moves. */
  goal = g_ptr_array_index (plan->goals, 0);
  g_free (goal->status);
  goal->status = g_strdup ("in_progress");
  ((KorakGoalStepRecord *)g_ptr_array_index (goal->steps, 0))->done = TRUE;
  g_free (plan->next_review_date);
  plan->next_review_date = g_strdup ("2026-04-01");
  g_assert_true (korak_store_save_plan (f->store, plan, KORAK_PLAN_REVIEW, "2026-03-01", &error));
  g_assert_no_error (error);

  /* A review with no change is still recorded. */
  g_assert_true (korak_store_save_plan (f->store, plan, KORAK_PLAN_REVIEW, "2026-04-01", &error));
  g_assert_no_error (error);

  /* Agreed, then the goal achieved and the second dropped, the work goal removed. */
  g_assert_true (korak_store_save_plan (f->store, plan, KORAK_PLAN_AGREED, "2026-04-02", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plan->agreed_date, ==, "2026-04-02");
  g_free (goal->status);
  goal->status = g_strdup ("achieved");
  g_ptr_array_remove_index (plan->goals, 1);
  g_assert_true (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, "2026-04-10", &error));
  g_assert_no_error (error);

  history = korak_store_list_plan_history (f->store, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 5);
  r = g_ptr_array_index (history, 0);   /* newest first */
  g_assert_cmpstr (r->kind, ==, "save");
  g_assert_cmpuint (r->n_changes, ==, 2);
  g_assert_nonnull (strstr (r->summary, "Goal “Make a phone call alone”, status: In progress → Achieved"));
  g_assert_nonnull (strstr (r->summary, "Goal removed: Find work practice"));
  r = g_ptr_array_index (history, 1);
  g_assert_cmpstr (r->kind, ==, "agreed");
  g_assert_cmpuint (r->n_changes, ==, 1);
  r = g_ptr_array_index (history, 2);
  g_assert_cmpstr (r->kind, ==, "review");
  g_assert_cmpstr (r->date, ==, "2026-04-01");
  g_assert_cmpuint (r->n_changes, ==, 0);
  g_assert_cmpstr (r->summary, ==, "No changes");
  r = g_ptr_array_index (history, 3);
  g_assert_cmpstr (r->kind, ==, "review");
  g_assert_cmpuint (r->n_changes, ==, 3);
  g_assert_nonnull (strstr (r->summary, "Step done: Practise with the mentor"));
  g_assert_nonnull (strstr (r->summary, "Planned → In progress"));
  /* The changes are JSON SQLite can read. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan_review WHERE json_valid(changes) = 0"), ==, 0);

  /* Reading back: the order, the done step, the last review, the cascade. */
  again = get_plan (f, ANA);
  g_assert_cmpint (again->id, ==, plan->id);
  g_assert_cmpstr (again->interests, ==, "Sewing, gardening");
  g_assert_cmpstr (again->last_review_date, ==, "2026-04-01");
  g_assert_cmpstr (again->next_review_date, ==, "2026-04-01");
  g_assert_true (korak_plan_record_get_barrier (again, "childcare")->checked);
  g_assert_cmpstr (korak_plan_record_get_barrier (again, "childcare")->remark, ==, "Two children under 6");
  g_assert_false (korak_plan_record_get_barrier (again, "debt")->checked);
  g_assert_cmpuint (again->goals->len, ==, 1);
  goal = g_ptr_array_index (again->goals, 0);
  g_assert_cmpstr (goal->status, ==, "achieved");
  g_assert_cmpuint (goal->steps->len, ==, 2);
  g_assert_true (((KorakGoalStepRecord *)g_ptr_array_index (goal->steps, 0))->done);
  g_assert_cmpstr (((KorakGoalStepRecord *)g_ptr_array_index (goal->steps, 1))->description, ==, "Call the library");
  g_assert_cmpuint (again->activities->len, ==, 1);
  g_assert_cmpstr (((KorakPlanActivityRecord *)g_ptr_array_index (again->activities, 0))->planned_date, ==, "2026-02-10");
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM goal_step"), ==, 2);
}

static void
test_plan_bad_input (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakPlanRecord) plan = get_plan (f, ANA);
  KorakGoalRecord *goal;
  KorakGoalStepRecord *step;

  goal = korak_plan_record_add_goal (plan, "social", "   ", NULL);
  g_assert_false (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Goal 1 has no description"));
  g_clear_error (&error);

  g_free (goal->description);
  goal->description = g_strdup ("Learn to use e-mail");
  g_free (goal->area);
  goal->area = g_strdup ("hobby");
  g_assert_false (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (goal->area);
  goal->area = g_strdup ("functional");
  goal->target_date = g_strdup ("2026-02-30");
  g_assert_false (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "target date of “Learn to use e-mail”"));
  g_clear_error (&error);

  g_clear_pointer (&goal->target_date, g_free);
  step = korak_goal_record_add_step (goal, "", NULL);
  g_assert_false (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  step->description = g_strdup ("Open an account");

  g_free (goal->status);
  goal->status = g_strdup ("finished");
  g_assert_false (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (goal->status);
  goal->status = g_strdup ("planned");

  /* An activity not in the catalogue: refused inside the transaction, nothing kept. */
  korak_plan_record_add_activity (plan, 424242, NULL);
  g_assert_false (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plan->id, ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM goal"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan_review"), ==, 0);

  g_ptr_array_set_size (plan->activities, 0);
  g_assert_false (korak_store_save_plan (f->store, plan, KORAK_PLAN_REVIEW, "1. 3. 2026", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM goal_step"), ==, 1);

  /* An unknown participant. */
  {
    g_autoptr(KorakPlanRecord) none = korak_store_get_plan (f->store, 999, &error);

    g_assert_null (none);
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_goal_status_model (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakPlanModel) model = korak_plan_model_new ();
  KorakPlanRecord *plan;
  GListModel *goals;
  KorakGoalRecord *goal;

  g_assert_true (korak_plan_model_load (model, f->store, BERTA, &error));
  g_assert_no_error (error);
  goals = korak_plan_model_get_goals (model);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 0);

  plan = korak_plan_model_get_record (model);
  korak_plan_record_add_goal (plan, "language", "Pass the A2 Slovenian exam", "2026-06-01");
  korak_plan_record_add_goal (plan, "education", "Enrol in evening school", NULL);
  korak_plan_model_goals_changed (model);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 2);
  g_assert_true (korak_plan_model_save (model, KORAK_PLAN_SAVE, "2026-01-10", &error));
  g_assert_no_error (error);

  /* Every status in turn, each recorded. */
  for (const char * const *s = (const char *[]){ "in_progress", "achieved", "dropped", "planned", NULL }; *s; s++)
    {
      goal = korak_goal_item_get_goal (g_list_model_get_item (goals, 0));
      g_object_unref (g_list_model_get_item (goals, 0));
      g_free (goal->status);
      goal->status = g_strdup (*s);
      g_assert_true (korak_plan_model_save (model, KORAK_PLAN_SAVE, "2026-01-11", &error));
      g_assert_no_error (error);
      g_assert_true (korak_plan_model_load (model, f->store, BERTA, &error));
      goal = korak_goal_item_get_goal (g_list_model_get_item (goals, 0));
      g_object_unref (g_list_model_get_item (goals, 0));
      g_assert_cmpstr (goal->status, ==, *s);
    }
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM plan_review"), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (korak_plan_model_get_history (model)), ==, 5);
}

static void
test_exit_follow_ups (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  KorakExitRecord exit = { (char *)"2026-03-31", (char *)"health", FALSE, NULL };
  KorakFollowUpRecord *fu;
  gint64 enrolment_id = 0;

  /* An early exit on 31 March (before the cohort ends). */
  g_assert_true (korak_store_end_enrolment (f->store, ANA, &exit, &enrolment_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (enrolment_id, ==, 61);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM enrolment WHERE id = 61 AND status = 'exited' "
                                        "AND exit_date = '2026-03-31' AND end_date = '2026-03-31' "
                                        "AND exit_reason = 'health' AND exit_positive = 0"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM participant WHERE id = 5001 AND status = 'exited'"), ==, 1);

  follow_ups = korak_store_list_follow_ups (f->store, ANA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (follow_ups->len, ==, 2);
  fu = g_ptr_array_index (follow_ups, 0);
  g_assert_cmpstr (fu->due_date, ==, "2026-06-30");   /* 31 June does not exist */
  g_assert_cmpint (fu->months, ==, 3);
  g_assert_cmpstr (fu->exit_reason, ==, "health");
  fu = g_ptr_array_index (follow_ups, 1);
  g_assert_cmpstr (fu->due_date, ==, "2026-09-30");
  g_assert_cmpint (fu->months, ==, 6);
  g_clear_pointer (&follow_ups, g_ptr_array_unref);

  /* The one-active-enrolment rule: nothing left to end. */
  g_assert_false (korak_store_end_enrolment (f->store, ANA, &exit, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Completing on 31 August (after the cohort's end), a positive exit. */
  exit.date = (char *)"2026-08-31";
  exit.reason = (char *)"employment";
  exit.positive = TRUE;
  exit.outcome = (char *)"  Vrtnarstvo Kranj  ";
  g_assert_true (korak_store_end_enrolment (f->store, BERTA, &exit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM enrolment WHERE id = 62 AND status = 'completed' "
                                        "AND exit_positive = 1 AND exit_outcome = 'Vrtnarstvo Kranj'"), ==, 1);
  follow_ups = korak_store_list_follow_ups (f->store, BERTA, &error);
  g_assert_cmpstr (((KorakFollowUpRecord *)g_ptr_array_index (follow_ups, 0))->due_date, ==, "2026-11-30");
  g_assert_cmpstr (((KorakFollowUpRecord *)g_ptr_array_index (follow_ups, 1))->due_date, ==, "2027-02-28");

  /* Recording one. */
  fu = g_ptr_array_index (follow_ups, 0);
  g_assert_false (korak_store_record_follow_up (f->store, fu->id, "2026-12-01", "retired", "", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (korak_store_record_follow_up (f->store, fu->id, "2026-08-01", "employed", "", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (korak_store_record_follow_up (f->store, fu->id, "2026-12-01", "employed",
                                               "Still at the garden centre, full time", &error));
  g_assert_no_error (error);
  {
    g_autoptr(KorakFollowUpRecord) back = korak_store_get_follow_up (f->store, fu->id, &error);

    g_assert_cmpstr (back->done_date, ==, "2026-12-01");
    g_assert_cmpstr (back->employment_status, ==, "employed");
    g_assert_cmpstr (back->situation, ==, "Still at the garden centre, full time");
  }
}

static void
test_exit_bad_input (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KorakExitRecord exit = { (char *)"2025-12-31", (char *)"employment", TRUE, NULL };

  /* Before the enrolment started. */
  g_assert_false (korak_store_end_enrolment (f->store, ANA, &exit, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "on or after"));
  g_clear_error (&error);

  exit.date = (char *)"31.3.2026";
  g_assert_false (korak_store_end_enrolment (f->store, ANA, &exit, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  exit.date = (char *)"2026-03-31";
  exit.reason = (char *)"bored";
  g_assert_false (korak_store_end_enrolment (f->store, ANA, &exit, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Not enrolled at all. */
  exit.reason = (char *)"moved";
  g_assert_false (korak_store_end_enrolment (f->store, CENE, &exit, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM follow_up"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM enrolment WHERE status = 'active'"), ==, 2);

  g_assert_true (korak_exit_reason_is_positive ("job_seeker_registration"));
  g_assert_false (korak_exit_reason_is_positive ("moved"));
}

static void
test_due_lists (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(KorakPlanRecord) ana = get_plan (f, ANA);
  g_autoptr(KorakPlanRecord) berta = get_plan (f, BERTA);
  KorakExitRecord exit = { (char *)"2026-08-31", (char *)"employment", TRUE, NULL };
  KorakDueRecord *r;

  ana->next_review_date = g_strdup ("2026-03-02");
  berta->next_review_date = g_strdup ("2026-03-12");
  g_assert_true (korak_store_save_plan (f->store, ana, KORAK_PLAN_SAVE, "2026-01-10", &error));
  g_assert_true (korak_store_save_plan (f->store, berta, KORAK_PLAN_SAVE, "2026-01-10", &error));
  g_assert_no_error (error);

  /* On 1 March with a week ahead: Ana is due. */
  due = korak_store_list_reviews_due (f->store, "2026-03-01", 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  r = g_ptr_array_index (due, 0);
  g_assert_cmpint (r->participant_id, ==, ANA);
  g_assert_cmpint (r->id, ==, ana->id);
  g_assert_false (r->overdue);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* On 10 March: Ana overdue first, then Berta due. */
  due = korak_store_list_reviews_due (f->store, "2026-03-10", 7, &error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_true (((KorakDueRecord *)g_ptr_array_index (due, 0))->overdue);
  g_assert_cmpint (((KorakDueRecord *)g_ptr_array_index (due, 0))->participant_id, ==, ANA);
  g_assert_false (((KorakDueRecord *)g_ptr_array_index (due, 1))->overdue);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Once Ana has left, her review is no longer due; her follow-ups are. */
  g_assert_true (korak_store_end_enrolment (f->store, ANA, &exit, NULL, &error));
  due = korak_store_list_reviews_due (f->store, "2026-03-10", 0, &error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  due = korak_store_list_follow_ups_due (f->store, "2026-11-29", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = korak_store_list_follow_ups_due (f->store, "2026-11-30", 0, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_false (((KorakDueRecord *)g_ptr_array_index (due, 0))->overdue);
  g_assert_cmpstr (((KorakDueRecord *)g_ptr_array_index (due, 0))->display_name, ==, "Ana Horvat");
  g_clear_pointer (&due, g_ptr_array_unref);
  due = korak_store_list_follow_ups_due (f->store, "2027-03-01", 0, &error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_true (((KorakDueRecord *)g_ptr_array_index (due, 0))->overdue);
  g_assert_cmpstr (((KorakDueRecord *)g_ptr_array_index (due, 1))->date, ==, "2027-02-28");
  /* Recorded ones drop out. */
  g_assert_true (korak_store_record_follow_up (f->store, ((KorakDueRecord *)g_ptr_array_index (due, 0))->id,
                                               "2026-12-02", "employed", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = korak_store_list_follow_ups_due (f->store, "2027-03-01", 0, &error);
  g_assert_cmpuint (due->len, ==, 1);

  g_assert_null (korak_store_list_follow_ups_due (f->store, "tomorrow", 0, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
}

static void
test_journal (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GListModel) model = NULL;
  gint64 id = 0;

  g_assert_true (korak_store_add_journal_entry (f->store, ANA, "2026-02-03", "small_win", "First phone call alone", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  g_assert_true (korak_store_add_journal_entry (f->store, ANA, "2026-02-10", "concern", "Missed two sessions", NULL, &error));
  g_assert_true (korak_store_add_journal_entry (f->store, ANA, "2026-02-03", "milestone", "  Opened a bank account ", NULL, &error));
  g_assert_true (korak_store_add_journal_entry (f->store, BERTA, "2026-02-04", "small_win", "Smiled in the group", NULL, &error));
  g_assert_no_error (error);

  entries = korak_store_list_journal (f->store, ANA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  /* Newest date first; on one day, the one added last first. */
  g_assert_cmpstr (((KorakJournalRecord *)g_ptr_array_index (entries, 0))->text, ==, "Missed two sessions");
  g_assert_cmpstr (((KorakJournalRecord *)g_ptr_array_index (entries, 1))->text, ==, "Opened a bank account");
  g_assert_cmpstr (((KorakJournalRecord *)g_ptr_array_index (entries, 2))->text, ==, "First phone call alone");
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = korak_store_list_recent_journal (f->store, "small_win", 10, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((KorakJournalRecord *)g_ptr_array_index (entries, 0))->display_name, ==, "Berta Kovač");

  /* Bad input: nothing stored. */
  g_assert_false (korak_store_add_journal_entry (f->store, ANA, NULL, "small_win", "   ", NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (korak_store_add_journal_entry (f->store, ANA, NULL, "small_win", "two\nlines", NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (korak_store_add_journal_entry (f->store, ANA, NULL, "win", "x", NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (korak_store_add_journal_entry (f->store, ANA, "2026-13-01", "small_win", "x", NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (korak_store_add_journal_entry (f->store, 999, NULL, "small_win", "x", NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM journal_entry"), ==, 4);

  /* The model */
  model = korak_journal_load (f->store, ANA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  {
    g_autoptr(KorakJournalItem) item = g_list_model_get_item (model, 2);

    g_assert_cmpstr (korak_journal_item_get_record (item)->kind, ==, "small_win");
  }
}

static void
test_today_model (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakToday) today = korak_today_new ();
  KorakExitRecord exit = { (char *)"2026-08-31", (char *)"employment", TRUE, NULL };

  g_assert_true (korak_store_end_enrolment (f->store, ANA, &exit, NULL, &error));
  g_assert_true (korak_store_add_journal_entry (f->store, BERTA, "2026-11-29", "small_win", "Came on time every day", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (korak_today_load (today, f->store, "2026-11-30", 0.75, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (korak_today_get_section (today, KORAK_TODAY_FOLLOW_UPS)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (korak_today_get_section (today, KORAK_TODAY_SMALL_WINS)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (korak_today_get_section (today, KORAK_TODAY_SESSIONS)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (korak_today_get_section (today, KORAK_TODAY_REVIEWS)), ==, 0);
  {
    g_autoptr(KorakTodayItem) item = g_list_model_get_item (korak_today_get_section (today, KORAK_TODAY_FOLLOW_UPS), 0);

    g_assert_cmpstr (korak_today_item_get_kind (item), ==, "follow-up");
    g_assert_cmpstr (korak_today_item_get_title (item), ==, "Ana Horvat");
    g_assert_cmpint (korak_today_item_get_participant_id (item), ==, ANA);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plans/date/add-months", test_date_add_months);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/plans/plan/history", test_plan_history);
  ADD ("/plans/plan/bad-input", test_plan_bad_input);
  ADD ("/plans/plan/goal-status", test_goal_status_model);
  ADD ("/plans/exit/follow-ups", test_exit_follow_ups);
  ADD ("/plans/exit/bad-input", test_exit_bad_input);
  ADD ("/plans/today/due-lists", test_due_lists);
  ADD ("/plans/today/model", test_today_model);
  ADD ("/plans/journal/order", test_journal);
#undef ADD

  return g_test_run ();
}
