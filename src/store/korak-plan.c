/* korak-plan.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "korak-date.h"
#include "korak-plan.h"
#include "korak-schedule.h"
#include "korak-store-private.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
#define MAX_LINE 500

/* ---------------------------------------------------------------- choices */

static const KorakChoice barrier_kinds[] = {
  { "language", N_("Language") },
  { "health", N_("Health") },
  { "housing", N_("Housing") },
  { "childcare", N_("Childcare") },
  { "transport", N_("Transport") },
  { "debt", N_("Debt") },
  { "digital_access", N_("Digital access") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const KorakChoice goal_areas[] = {
  { "social", N_("Social") },
  { "functional", N_("Functional") },
  { "work", N_("Work") },
  { "language", N_("Language") },
  { "education", N_("Education") },
  { NULL, NULL }
};

static const KorakChoice goal_statuses[] = {
  { "planned", N_("Planned") },
  { "in_progress", N_("In progress") },
  { "achieved", N_("Achieved") },
  { "dropped", N_("Dropped") },
  { NULL, NULL }
};

static const KorakChoice journal_kinds[] = {
  { "small_win", N_("Small win") },
  { "milestone", N_("Milestone") },
  { "concern", N_("Concern") },
  { NULL, NULL }
};

static const KorakChoice exit_reasons[] = {
  { "employment", N_("Employment") },
  { "education", N_("Education") },
  { "further_training", N_("Further training") },
  { "job_seeker_registration", N_("Registered as an active job seeker") },
  { "other_programme", N_("Public works or another programme") },
  { "personal", N_("Personal reasons") },
  { "health", N_("Health reasons") },
  { "family", N_("Family reasons") },
  { "moved", N_("Moved away") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const KorakChoice employment_statuses[] = {
  { "employed", N_("Employed") },
  { "self_employed", N_("Self-employed") },
  { "education", N_("In education") },
  { "training", N_("In training") },
  { "job_seeker", N_("Registered job seeker") },
  { "programme", N_("In another programme") },
  { "inactive", N_("Not working or seeking") },
  { "unknown", N_("Could not be reached") },
  { NULL, NULL }
};

const KorakChoice *korak_barrier_kinds (void) { return barrier_kinds; }
const KorakChoice *korak_goal_areas (void) { return goal_areas; }
const KorakChoice *korak_goal_statuses (void) { return goal_statuses; }
const KorakChoice *korak_journal_kinds (void) { return journal_kinds; }
const KorakChoice *korak_enrolment_exit_reasons (void) { return exit_reasons; }
const KorakChoice *korak_employment_statuses (void) { return employment_statuses; }

static gboolean
is_choice (const KorakChoice *choices,
           const char        *code)
{
  if (code == NULL)
    return FALSE;
  for (guint i = 0; choices[i].code != NULL; i++)
    if (g_str_equal (choices[i].code, code))
      return TRUE;
  return FALSE;
}

gboolean
korak_exit_reason_is_positive (const char *reason)
{
  static const char * const positive[] = {
    "employment", "education", "further_training", "job_seeker_registration", "other_programme", NULL
  };

  return reason != NULL && g_strv_contains (positive, reason);
}

/* ------------------------------------------------------------------ dates */

static gboolean
gdate_from_iso (const char *iso,
                GDate      *date)
{
  int y, m, d;

  if (!korak_date_is_iso (iso) || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
iso_from_gdate (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint)g_date_get_year (date),
                          (guint)g_date_get_month (date), (guint)g_date_get_day (date));
}

char *
korak_date_add_months (const char *iso,
                       int         months)
{
  GDate date;

  if (!gdate_from_iso (iso, &date))
    return NULL;
  /* GDate clamps to the month's last day, as a follow-up needs. */
  if (months >= 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  return iso_from_gdate (&date);
}

static char *
date_add_days (const char *iso,
               int         days)
{
  GDate date;

  if (!gdate_from_iso (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return iso_from_gdate (&date);
}

static gboolean
empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* An optional date: empty or a real ISO day. */
static gboolean
check_date (const char  *date,
            const char  *what,
            GError     **error)
{
  if (empty (date) || korak_date_is_iso (date))
    return TRUE;
  /* Translators: %s names the field, e.g. "The target date of “Find a course”". */
  g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
               _("%s is not a date. Type it like 2026-09-07 or 7. 9. 2026, or leave it empty."), what);
  return FALSE;
}

static gboolean
text_changed (const char *a,
              const char *b)
{
  return g_strcmp0 (empty (a) ? NULL : a, empty (b) ? NULL : b) != 0;
}

/* ---------------------------------------------------------------- records */

static void
barrier_free (KorakBarrierRecord *barrier)
{
  g_free (barrier->kind);
  g_free (barrier->remark);
  g_free (barrier);
}

void
korak_goal_step_record_free (KorakGoalStepRecord *step)
{
  if (step == NULL)
    return;
  g_free (step->description);
  g_free (step->due_date);
  g_free (step);
}

void
korak_goal_record_free (KorakGoalRecord *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->area);
  g_free (goal->description);
  g_free (goal->target_date);
  g_free (goal->status);
  g_clear_pointer (&goal->steps, g_ptr_array_unref);
  g_free (goal);
}

void
korak_plan_activity_record_free (KorakPlanActivityRecord *activity)
{
  if (activity == NULL)
    return;
  g_free (activity->activity_name);
  g_free (activity->planned_date);
  g_free (activity->done_date);
  g_free (activity);
}

static KorakGoalRecord *
goal_new (void)
{
  KorakGoalRecord *goal = g_new0 (KorakGoalRecord, 1);

  goal->steps = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_goal_step_record_free);
  goal->status = g_strdup ("planned");
  return goal;
}

KorakPlanRecord *
korak_plan_record_new (gint64 participant_id)
{
  KorakPlanRecord *record = g_new0 (KorakPlanRecord, 1);

  record->participant_id = participant_id;
  record->barriers = g_ptr_array_new_with_free_func ((GDestroyNotify)barrier_free);
  record->goals = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_goal_record_free);
  record->activities = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_plan_activity_record_free);
  for (guint i = 0; barrier_kinds[i].code != NULL; i++)
    {
      KorakBarrierRecord *barrier = g_new0 (KorakBarrierRecord, 1);

      barrier->kind = g_strdup (barrier_kinds[i].code);
      g_ptr_array_add (record->barriers, barrier);
    }
  return record;
}

void
korak_plan_record_free (KorakPlanRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->interests);
  g_free (record->strengths);
  g_free (record->work_experience);
  g_free (record->education);
  g_clear_pointer (&record->barriers, g_ptr_array_unref);
  g_clear_pointer (&record->goals, g_ptr_array_unref);
  g_clear_pointer (&record->activities, g_ptr_array_unref);
  g_free (record->agreed_date);
  g_free (record->next_review_date);
  g_free (record->last_review_date);
  g_free (record);
}

KorakGoalRecord *
korak_goal_record_copy (const KorakGoalRecord *goal)
{
  KorakGoalRecord *copy = goal_new ();

  copy->id = goal->id;
  copy->area = g_strdup (goal->area);
  copy->description = g_strdup (goal->description);
  copy->target_date = g_strdup (goal->target_date);
  g_free (copy->status);
  copy->status = g_strdup (goal->status);
  for (guint i = 0; i < goal->steps->len; i++)
    {
      const KorakGoalStepRecord *step = g_ptr_array_index (goal->steps, i);
      KorakGoalStepRecord *s = korak_goal_record_add_step (copy, step->description, step->due_date);

      s->id = step->id;
      s->done = step->done;
    }
  return copy;
}

KorakPlanRecord *
korak_plan_record_copy (const KorakPlanRecord *record)
{
  KorakPlanRecord *copy = korak_plan_record_new (record->participant_id);

  copy->id = record->id;
  copy->enrolment_id = record->enrolment_id;
  copy->interests = g_strdup (record->interests);
  copy->strengths = g_strdup (record->strengths);
  copy->work_experience = g_strdup (record->work_experience);
  copy->education = g_strdup (record->education);
  copy->agreed_date = g_strdup (record->agreed_date);
  copy->next_review_date = g_strdup (record->next_review_date);
  copy->last_review_date = g_strdup (record->last_review_date);
  g_ptr_array_set_size (copy->barriers, 0);
  for (guint i = 0; i < record->barriers->len; i++)
    {
      const KorakBarrierRecord *b = g_ptr_array_index (record->barriers, i);
      KorakBarrierRecord *c = g_new0 (KorakBarrierRecord, 1);

      c->kind = g_strdup (b->kind);
      c->checked = b->checked;
      c->remark = g_strdup (b->remark);
      g_ptr_array_add (copy->barriers, c);
    }
  for (guint i = 0; i < record->goals->len; i++)
    g_ptr_array_add (copy->goals, korak_goal_record_copy (g_ptr_array_index (record->goals, i)));
  for (guint i = 0; i < record->activities->len; i++)
    {
      const KorakPlanActivityRecord *a = g_ptr_array_index (record->activities, i);
      KorakPlanActivityRecord *c = korak_plan_record_add_activity (copy, a->activity_id, a->planned_date);

      c->id = a->id;
      c->activity_name = g_strdup (a->activity_name);
      c->done_date = g_strdup (a->done_date);
    }
  return copy;
}

KorakBarrierRecord *
korak_plan_record_get_barrier (KorakPlanRecord *record,
                               const char      *kind)
{
  for (guint i = 0; i < record->barriers->len; i++)
    {
      KorakBarrierRecord *b = g_ptr_array_index (record->barriers, i);

      if (g_strcmp0 (b->kind, kind) == 0)
        return b;
    }
  return NULL;
}

KorakGoalRecord *
korak_plan_record_add_goal (KorakPlanRecord *record,
                            const char      *area,
                            const char      *description,
                            const char      *target_date)
{
  KorakGoalRecord *goal = goal_new ();

  goal->area = g_strdup (area);
  goal->description = g_strdup (description);
  goal->target_date = g_strdup (target_date);
  g_ptr_array_add (record->goals, goal);
  return goal;
}

KorakGoalStepRecord *
korak_goal_record_add_step (KorakGoalRecord *goal,
                            const char      *description,
                            const char      *due_date)
{
  KorakGoalStepRecord *step = g_new0 (KorakGoalStepRecord, 1);

  step->description = g_strdup (description);
  step->due_date = g_strdup (due_date);
  g_ptr_array_add (goal->steps, step);
  return step;
}

KorakPlanActivityRecord *
korak_plan_record_add_activity (KorakPlanRecord *record,
                                gint64           activity_id,
                                const char      *planned_date)
{
  KorakPlanActivityRecord *activity = g_new0 (KorakPlanActivityRecord, 1);

  activity->activity_id = activity_id;
  activity->planned_date = g_strdup (planned_date);
  g_ptr_array_add (record->activities, activity);
  return activity;
}

void
korak_goal_record_count_steps (const KorakGoalRecord *goal,
                               guint                 *done,
                               guint                 *total)
{
  guint n = 0;

  for (guint i = 0; i < goal->steps->len; i++)
    if (((KorakGoalStepRecord *)g_ptr_array_index (goal->steps, i))->done)
      n++;
  if (done)
    *done = n;
  if (total)
    *total = goal->steps->len;
}

void
korak_plan_review_record_free (KorakPlanReviewRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->date);
  g_free (record->kind);
  g_free (record->changes);
  g_free (record->summary);
  g_free (record->created_at);
  g_free (record);
}

KorakJournalRecord *
korak_journal_record_copy (const KorakJournalRecord *record)
{
  KorakJournalRecord *copy = g_new0 (KorakJournalRecord, 1);

  copy->id = record->id;
  copy->participant_id = record->participant_id;
  copy->display_name = g_strdup (record->display_name);
  copy->date = g_strdup (record->date);
  copy->kind = g_strdup (record->kind);
  copy->text = g_strdup (record->text);
  return copy;
}

void
korak_journal_record_free (KorakJournalRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->display_name);
  g_free (record->date);
  g_free (record->kind);
  g_free (record->text);
  g_free (record);
}

KorakFollowUpRecord *
korak_follow_up_record_copy (const KorakFollowUpRecord *record)
{
  KorakFollowUpRecord *copy = g_memdup2 (record, sizeof *record);

  copy->display_name = g_strdup (record->display_name);
  copy->exit_date = g_strdup (record->exit_date);
  copy->exit_reason = g_strdup (record->exit_reason);
  copy->due_date = g_strdup (record->due_date);
  copy->done_date = g_strdup (record->done_date);
  copy->situation = g_strdup (record->situation);
  copy->employment_status = g_strdup (record->employment_status);
  return copy;
}

void
korak_follow_up_record_free (KorakFollowUpRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->display_name);
  g_free (record->exit_date);
  g_free (record->exit_reason);
  g_free (record->due_date);
  g_free (record->done_date);
  g_free (record->situation);
  g_free (record->employment_status);
  g_free (record);
}

void
korak_due_record_free (KorakDueRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->display_name);
  g_free (record->date);
  g_free (record);
}

/* ----------------------------------------------------------------- helpers */

static gint64
active_enrolment (KorakStore  *store,
                  gint64       participant_id,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id FROM enrolment WHERE participant_id = ? AND status = 'active'",
                                    error)))
    return -1;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return -1;
  return id;
}

static gboolean
participant_exists (KorakStore  *store,
                    gint64       participant_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, "SELECT 1 FROM participant WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("This participant no longer exists in the database."));
      return FALSE;
    }
  return TRUE;
}

/* -------------------------------------------------------------------- plan */

KorakPlanRecord *
korak_store_get_plan (KorakStore  *store,
                      gint64       participant_id,
                      GError     **error)
{
  g_autoptr(KorakPlanRecord) record = korak_plan_record_new (participant_id);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!participant_exists (store, participant_id, error))
    return NULL;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, enrolment_id, interests, strengths, work_experience, education, "
                                    "  agreed_date, next_review_date, "
                                    "  (SELECT max(date) FROM plan_review r WHERE r.plan_id = plan.id AND r.kind = 'review') "
                                    "FROM plan WHERE participant_id = ? ORDER BY created_at DESC, id LIMIT 1",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      record->id = sqlite3_column_int64 (stmt, 0);
      record->enrolment_id = sqlite3_column_int64 (stmt, 1);
      record->interests = korak_column_dup (stmt, 2);
      record->strengths = korak_column_dup (stmt, 3);
      record->work_experience = korak_column_dup (stmt, 4);
      record->education = korak_column_dup (stmt, 5);
      record->agreed_date = korak_column_dup (stmt, 6);
      record->next_review_date = korak_column_dup (stmt, 7);
      record->last_review_date = korak_column_dup (stmt, 8);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  if (record->id == 0)
    return g_steal_pointer (&record);

  /* Barriers */
  if (!(stmt = korak_store_prepare (store, "SELECT kind, checked, remark FROM plan_barrier WHERE plan_id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, record->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakBarrierRecord *b = korak_plan_record_get_barrier (record, (const char *)sqlite3_column_text (stmt, 0));

      if (b == NULL)
        continue;
      b->checked = sqlite3_column_int (stmt, 1) != 0;
      g_free (b->remark);
      b->remark = korak_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  /* Goals, then their steps */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, area, description, target_date, status FROM goal "
                                    "WHERE plan_id = ? ORDER BY ordinal, created_at", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, record->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakGoalRecord *goal = goal_new ();

      goal->id = sqlite3_column_int64 (stmt, 0);
      goal->area = korak_column_dup (stmt, 1);
      goal->description = korak_column_dup (stmt, 2);
      goal->target_date = korak_column_dup (stmt, 3);
      g_free (goal->status);
      goal->status = korak_column_dup (stmt, 4);
      g_ptr_array_add (record->goals, goal);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  for (guint i = 0; i < record->goals->len; i++)
    {
      KorakGoalRecord *goal = g_ptr_array_index (record->goals, i);

      if (!(stmt = korak_store_prepare (store,
                                        "SELECT id, description, due_date, done FROM goal_step "
                                        "WHERE goal_id = ? ORDER BY ordinal, created_at", error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, goal->id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          KorakGoalStepRecord *step = g_new0 (KorakGoalStepRecord, 1);

          step->id = sqlite3_column_int64 (stmt, 0);
          step->description = korak_column_dup (stmt, 1);
          step->due_date = korak_column_dup (stmt, 2);
          step->done = sqlite3_column_int (stmt, 3) != 0;
          g_ptr_array_add (goal->steps, step);
        }
      sqlite3_reset (stmt);
      if (!korak_store_step_ok (store, rc, error))
        return NULL;
    }

  /* Trainings and activities */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT pa.id, pa.activity_id, a.name, pa.planned_date, pa.done_date "
                                    "FROM plan_activity pa JOIN activity a ON a.id = pa.activity_id "
                                    "WHERE pa.plan_id = ? ORDER BY pa.ordinal, pa.created_at", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, record->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakPlanActivityRecord *a = korak_plan_record_add_activity (record, sqlite3_column_int64 (stmt, 1),
                                                                   (const char *)sqlite3_column_text (stmt, 3));

      a->id = sqlite3_column_int64 (stmt, 0);
      a->activity_name = korak_column_dup (stmt, 2);
      a->done_date = korak_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  return g_steal_pointer (&record);
}

static gboolean
validate_plan (const KorakPlanRecord  *record,
               GError                **error)
{
  if (!check_date (record->agreed_date, _("The agreement date"), error) ||
      !check_date (record->next_review_date, _("The next review date"), error))
    return FALSE;

  for (guint i = 0; i < record->barriers->len; i++)
    {
      const KorakBarrierRecord *b = g_ptr_array_index (record->barriers, i);

      if (!is_choice (barrier_kinds, b->kind))
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("“%s” is not a kind of barrier Korak knows. Choose one from the list."),
                       b->kind ? b->kind : "");
          return FALSE;
        }
    }

  for (guint i = 0; i < record->goals->len; i++)
    {
      const KorakGoalRecord *goal = g_ptr_array_index (record->goals, i);
      g_autofree char *stripped = g_strstrip (g_strdup (goal->description ? goal->description : ""));
      g_autofree char *what = NULL;

      if (*stripped == '\0')
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Goal %u has no description. Describe what the participant wants to reach, or remove the goal."),
                       i + 1);
          return FALSE;
        }
      if (!is_choice (goal_areas, goal->area))
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Choose an area for the goal “%s”: social, functional, work, language or education."),
                       goal->description);
          return FALSE;
        }
      if (!is_choice (goal_statuses, goal->status))
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Choose a status for the goal “%s”: planned, in progress, achieved or dropped."),
                       goal->description);
          return FALSE;
        }
      what = g_strdup_printf (_("The target date of “%s”"), goal->description);
      if (!check_date (goal->target_date, what, error))
        return FALSE;

      for (guint j = 0; j < goal->steps->len; j++)
        {
          const KorakGoalStepRecord *step = g_ptr_array_index (goal->steps, j);
          g_autofree char *s = g_strstrip (g_strdup (step->description ? step->description : ""));
          g_autofree char *due_what = NULL;

          if (*s == '\0')
            {
              g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Step %u of the goal “%s” has no description. Describe the step or remove it."),
                           j + 1, goal->description);
              return FALSE;
            }
          due_what = g_strdup_printf (_("The due date of the step “%s”"), step->description);
          if (!check_date (step->due_date, due_what, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < record->activities->len; i++)
    {
      const KorakPlanActivityRecord *a = g_ptr_array_index (record->activities, i);

      if (a->activity_id == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Training %u has no activity. Choose one from the catalogue or remove it."), i + 1);
          return FALSE;
        }
      if (!check_date (a->planned_date, _("A training’s planned date"), error) ||
          !check_date (a->done_date, _("A training’s done date"), error))
        return FALSE;
    }
  return TRUE;
}

/* The history of a plan: each change is one JSON object. */
typedef struct
{
  GString *json;
  guint    n;
} Changes;

static void
json_string (GString    *out,
             const char *text)
{
  if (empty (text))
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar)*p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint)(guchar)*p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
change_add (Changes    *changes,
            const char *what,
            const char *item,
            const char *field,
            const char *old_value,
            const char *new_value)
{
  g_string_append (changes->json, changes->n == 0 ? "[" : ",");
  g_string_append (changes->json, "{\"what\":");
  json_string (changes->json, what);
  g_string_append (changes->json, ",\"item\":");
  json_string (changes->json, item);
  g_string_append (changes->json, ",\"field\":");
  json_string (changes->json, field);
  g_string_append (changes->json, ",\"old\":");
  json_string (changes->json, old_value);
  g_string_append (changes->json, ",\"new\":");
  json_string (changes->json, new_value);
  g_string_append_c (changes->json, '}');
  changes->n++;
}

static void
change_text (Changes    *changes,
             const char *what,
             const char *item,
             const char *field,
             const char *old_value,
             const char *new_value)
{
  if (text_changed (old_value, new_value))
    change_add (changes, what, item, field, old_value, new_value);
}

static const KorakGoalRecord *
find_goal (const KorakPlanRecord *record,
           gint64                 id)
{
  for (guint i = 0; id != 0 && record && i < record->goals->len; i++)
    if (((KorakGoalRecord *)g_ptr_array_index (record->goals, i))->id == id)
      return g_ptr_array_index (record->goals, i);
  return NULL;
}

static const KorakGoalStepRecord *
find_step (const KorakGoalRecord *goal,
           gint64                 id)
{
  for (guint i = 0; id != 0 && goal && i < goal->steps->len; i++)
    if (((KorakGoalStepRecord *)g_ptr_array_index (goal->steps, i))->id == id)
      return g_ptr_array_index (goal->steps, i);
  return NULL;
}

static const KorakPlanActivityRecord *
find_activity (const KorakPlanRecord *record,
               gint64                 id)
{
  for (guint i = 0; id != 0 && record && i < record->activities->len; i++)
    if (((KorakPlanActivityRecord *)g_ptr_array_index (record->activities, i))->id == id)
      return g_ptr_array_index (record->activities, i);
  return NULL;
}

static const char *
bool_text (gboolean value)
{
  return value ? "yes" : "no";
}

/* What changed from @old (the stored plan) to @new; ids of new rows are 0. */
static void
diff_plans (const KorakPlanRecord *old,
            const KorakPlanRecord *new,
            const char            *activity_names_json,
            Changes               *changes)
{
  change_text (changes, "plan", NULL, "interests", old->interests, new->interests);
  change_text (changes, "plan", NULL, "strengths", old->strengths, new->strengths);
  change_text (changes, "plan", NULL, "work_experience", old->work_experience, new->work_experience);
  change_text (changes, "plan", NULL, "education", old->education, new->education);
  change_text (changes, "plan", NULL, "agreed_date", old->agreed_date, new->agreed_date);
  change_text (changes, "plan", NULL, "next_review_date", old->next_review_date, new->next_review_date);

  for (guint i = 0; i < new->barriers->len; i++)
    {
      const KorakBarrierRecord *b = g_ptr_array_index (new->barriers, i);
      const KorakBarrierRecord *o = korak_plan_record_get_barrier ((KorakPlanRecord *)old, b->kind);
      gboolean was = o ? o->checked : FALSE;

      if (was != b->checked)
        change_add (changes, "barrier", b->kind, "checked", bool_text (was), bool_text (b->checked));
      change_text (changes, "barrier", b->kind, "remark", o ? o->remark : NULL, b->remark);
    }

  for (guint i = 0; i < old->goals->len; i++)
    {
      const KorakGoalRecord *o = g_ptr_array_index (old->goals, i);

      if (find_goal (new, o->id) == NULL)
        change_add (changes, "goal", o->description, "removed", o->description, NULL);
    }
  for (guint i = 0; i < new->goals->len; i++)
    {
      const KorakGoalRecord *g = g_ptr_array_index (new->goals, i);
      const KorakGoalRecord *o = find_goal (old, g->id);

      if (o == NULL)
        {
          change_add (changes, "goal", g->description, "added", NULL, g->description);
          for (guint j = 0; j < g->steps->len; j++)
            change_add (changes, "step", ((KorakGoalStepRecord *)g_ptr_array_index (g->steps, j))->description,
                        "added", NULL, g->description);
          continue;
        }
      change_text (changes, "goal", g->description, "description", o->description, g->description);
      change_text (changes, "goal", g->description, "area", o->area, g->area);
      change_text (changes, "goal", g->description, "status", o->status, g->status);
      change_text (changes, "goal", g->description, "target_date", o->target_date, g->target_date);

      for (guint j = 0; j < o->steps->len; j++)
        {
          const KorakGoalStepRecord *os = g_ptr_array_index (o->steps, j);

          if (find_step (g, os->id) == NULL)
            change_add (changes, "step", os->description, "removed", g->description, NULL);
        }
      for (guint j = 0; j < g->steps->len; j++)
        {
          const KorakGoalStepRecord *s = g_ptr_array_index (g->steps, j);
          const KorakGoalStepRecord *os = find_step (o, s->id);

          if (os == NULL)
            {
              change_add (changes, "step", s->description, "added", NULL, g->description);
              continue;
            }
          change_text (changes, "step", s->description, "description", os->description, s->description);
          change_text (changes, "step", s->description, "due_date", os->due_date, s->due_date);
          if (os->done != s->done)
            change_add (changes, "step", s->description, "done", bool_text (os->done), bool_text (s->done));
        }
    }

  for (guint i = 0; i < old->activities->len; i++)
    {
      const KorakPlanActivityRecord *o = g_ptr_array_index (old->activities, i);

      if (find_activity (new, o->id) == NULL)
        change_add (changes, "activity", o->activity_name, "removed", o->activity_name, NULL);
    }
  for (guint i = 0; i < new->activities->len; i++)
    {
      const KorakPlanActivityRecord *a = g_ptr_array_index (new->activities, i);
      const KorakPlanActivityRecord *o = find_activity (old, a->id);
      const char *name = a->activity_name;

      if (o == NULL)
        {
          change_add (changes, "activity", name, "added", NULL, a->planned_date);
          continue;
        }
      if (o->activity_id != a->activity_id)
        change_add (changes, "activity", name, "activity", o->activity_name, name);
      change_text (changes, "activity", name, "planned_date", o->planned_date, a->planned_date);
      change_text (changes, "activity", name, "done_date", o->done_date, a->done_date);
    }
  (void)activity_names_json;
}

static gboolean
exec_id (KorakStore  *store,
         const char  *sql,
         gint64       id,
         GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return korak_store_step_done (store, stmt, error);
}

static char *
activity_name (KorakStore  *store,
               gint64       activity_id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  char *name = NULL;
  int rc;

  if (!(stmt = korak_store_prepare (store, "SELECT name FROM activity WHERE id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = korak_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  if (name == NULL)
    g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                         _("A training in this plan is no longer in the activity catalogue. Choose another activity."));
  return name;
}

static gboolean
save_goals (KorakStore       *store,
            KorakPlanRecord  *record,
            const KorakPlanRecord *old,
            GError          **error)
{
  sqlite3_stmt *stmt;

  /* Removed goals and steps first (their rows cascade). */
  for (guint i = 0; i < old->goals->len; i++)
    {
      const KorakGoalRecord *o = g_ptr_array_index (old->goals, i);
      const KorakGoalRecord *g = find_goal (record, o->id);

      if (g == NULL)
        {
          if (!exec_id (store, "DELETE FROM goal WHERE id = ?", o->id, error))
            return FALSE;
          continue;
        }
      for (guint j = 0; j < o->steps->len; j++)
        {
          const KorakGoalStepRecord *os = g_ptr_array_index (o->steps, j);

          if (find_step (g, os->id) == NULL &&
              !exec_id (store, "DELETE FROM goal_step WHERE id = ?", os->id, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < record->goals->len; i++)
    {
      KorakGoalRecord *g = g_ptr_array_index (record->goals, i);
      const KorakGoalRecord *o = find_goal (old, g->id);
      g_autofree char *description = g_strstrip (g_strdup (g->description));

      if (o == NULL)
        {
          g->id = korak_store_new_id ();
          if (!(stmt = korak_store_prepare (store,
                                            "INSERT INTO goal (id, plan_id, area, description, target_date, status, ordinal) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
            return FALSE;
        }
      else if (!(stmt = korak_store_prepare (store,
                                             "UPDATE goal SET plan_id = ?2, area = ?3, description = ?4, target_date = ?5, "
                                             "  status = ?6, ordinal = ?7, updated_at = " NOW " WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g->id);
      sqlite3_bind_int64 (stmt, 2, record->id);
      korak_bind_text (stmt, 3, g->area);
      korak_bind_text (stmt, 4, description);
      korak_bind_text (stmt, 5, g->target_date);
      korak_bind_text (stmt, 6, g->status);
      sqlite3_bind_int (stmt, 7, (int)i);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;

      for (guint j = 0; j < g->steps->len; j++)
        {
          KorakGoalStepRecord *s = g_ptr_array_index (g->steps, j);
          g_autofree char *text = g_strstrip (g_strdup (s->description));

          if (find_step (o, s->id) == NULL)
            {
              s->id = korak_store_new_id ();
              if (!(stmt = korak_store_prepare (store,
                                                "INSERT INTO goal_step (id, goal_id, ordinal, description, due_date, done) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
                return FALSE;
            }
          else if (!(stmt = korak_store_prepare (store,
                                                 "UPDATE goal_step SET goal_id = ?2, ordinal = ?3, description = ?4, "
                                                 "  due_date = ?5, done = ?6, updated_at = " NOW " WHERE id = ?1", error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, s->id);
          sqlite3_bind_int64 (stmt, 2, g->id);
          sqlite3_bind_int (stmt, 3, (int)j);
          korak_bind_text (stmt, 4, text);
          korak_bind_text (stmt, 5, s->due_date);
          sqlite3_bind_int (stmt, 6, s->done ? 1 : 0);
          if (!korak_store_step_done (store, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
save_activities (KorakStore            *store,
                 KorakPlanRecord       *record,
                 const KorakPlanRecord *old,
                 GError               **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < old->activities->len; i++)
    {
      const KorakPlanActivityRecord *o = g_ptr_array_index (old->activities, i);

      if (find_activity (record, o->id) == NULL &&
          !exec_id (store, "DELETE FROM plan_activity WHERE id = ?", o->id, error))
        return FALSE;
    }

  for (guint i = 0; i < record->activities->len; i++)
    {
      KorakPlanActivityRecord *a = g_ptr_array_index (record->activities, i);
      g_autofree char *name = activity_name (store, a->activity_id, error);

      if (name == NULL)
        return FALSE;
      g_free (a->activity_name);
      a->activity_name = g_steal_pointer (&name);

      if (find_activity (old, a->id) == NULL)
        {
          a->id = korak_store_new_id ();
          if (!(stmt = korak_store_prepare (store,
                                            "INSERT INTO plan_activity (id, plan_id, activity_id, ordinal, planned_date, done_date) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
            return FALSE;
        }
      else if (!(stmt = korak_store_prepare (store,
                                             "UPDATE plan_activity SET plan_id = ?2, activity_id = ?3, ordinal = ?4, "
                                             "  planned_date = ?5, done_date = ?6, updated_at = " NOW " WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->id);
      sqlite3_bind_int64 (stmt, 2, record->id);
      sqlite3_bind_int64 (stmt, 3, a->activity_id);
      sqlite3_bind_int (stmt, 4, (int)i);
      korak_bind_text (stmt, 5, a->planned_date);
      korak_bind_text (stmt, 6, a->done_date);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
korak_store_save_plan (KorakStore         *store,
                       KorakPlanRecord    *record,
                       KorakPlanSaveKind   kind,
                       const char         *date,
                       GError            **error)
{
  g_autoptr(KorakPlanRecord) old = NULL;
  g_autoptr(KorakPlanRecord) work = NULL;
  g_autofree char *today = korak_date_today ();
  Changes changes = { NULL, 0 };
  sqlite3_stmt *stmt;
  gint64 enrolment_id;
  const char *kind_code;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (empty (date))
    date = today;
  if (!korak_date_is_iso (date))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The review needs a date, for example 2026-09-07."));
      return FALSE;
    }
  if (!validate_plan (record, error))
    return FALSE;

  /* Work on a copy so that a refused save leaves the caller's ids alone. */
  work = korak_plan_record_copy (record);
  if (kind == KORAK_PLAN_AGREED)
    {
      g_free (work->agreed_date);
      work->agreed_date = g_strdup (date);
    }
  kind_code = kind == KORAK_PLAN_REVIEW ? "review" : kind == KORAK_PLAN_AGREED ? "agreed" : "save";

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(old = korak_store_get_plan (store, work->participant_id, error)))
    goto failed;
  if (work->id != 0 && old->id != work->id)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("This plan was replaced in the meantime. Open the participant again and repeat the change."));
      goto failed;
    }

  if ((enrolment_id = active_enrolment (store, work->participant_id, error)) < 0)
    goto failed;

  if (old->id == 0)
    {
      work->id = korak_store_new_id ();
      work->enrolment_id = enrolment_id;
      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO plan (id, participant_id, enrolment_id, interests, strengths, "
                                        "  work_experience, education, agreed_date, next_review_date) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)))
        goto failed;
    }
  else if (!(stmt = korak_store_prepare (store,
                                         "UPDATE plan SET participant_id = ?2, enrolment_id = coalesce(enrolment_id, ?3), "
                                         "  interests = ?4, strengths = ?5, work_experience = ?6, education = ?7, "
                                         "  agreed_date = ?8, next_review_date = ?9, updated_at = " NOW " WHERE id = ?1",
                                         error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, work->id);
  sqlite3_bind_int64 (stmt, 2, work->participant_id);
  if (enrolment_id > 0)
    sqlite3_bind_int64 (stmt, 3, enrolment_id);
  else
    sqlite3_bind_null (stmt, 3);
  korak_bind_text (stmt, 4, work->interests);
  korak_bind_text (stmt, 5, work->strengths);
  korak_bind_text (stmt, 6, work->work_experience);
  korak_bind_text (stmt, 7, work->education);
  korak_bind_text (stmt, 8, work->agreed_date);
  korak_bind_text (stmt, 9, work->next_review_date);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  for (guint i = 0; i < work->barriers->len; i++)
    {
      const KorakBarrierRecord *b = g_ptr_array_index (work->barriers, i);

      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO plan_barrier (id, plan_id, kind, checked, remark) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5) "
                                        "ON CONFLICT (plan_id, kind) DO UPDATE SET checked = excluded.checked, "
                                        "  remark = excluded.remark, updated_at = " NOW " "
                                        "WHERE checked IS NOT excluded.checked OR remark IS NOT excluded.remark",
                                        error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, korak_store_new_id ());
      sqlite3_bind_int64 (stmt, 2, work->id);
      korak_bind_text (stmt, 3, b->kind);
      sqlite3_bind_int (stmt, 4, b->checked ? 1 : 0);
      korak_bind_text (stmt, 5, b->remark);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
    }

  if (!save_goals (store, work, old, error) ||
      !save_activities (store, work, old, error))
    goto failed;

  changes.json = g_string_new (NULL);
  diff_plans (old, work, NULL, &changes);
  if (changes.n == 0)
    g_string_append (changes.json, "[");
  g_string_append (changes.json, "]");

  if (changes.n > 0 || kind != KORAK_PLAN_SAVE)
    {
      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO plan_review (id, plan_id, date, kind, changes, seq) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, "
                                        "  (SELECT coalesce(max(seq), 0) + 1 FROM plan_review WHERE plan_id = ?2))",
                                        error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, korak_store_new_id ());
      sqlite3_bind_int64 (stmt, 2, work->id);
      korak_bind_text (stmt, 3, date);
      korak_bind_text (stmt, 4, kind_code);
      korak_bind_text (stmt, 5, changes.json->str);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          korak_store_set_error (store, rc, error);
          goto failed;
        }
      if (kind == KORAK_PLAN_REVIEW)
        {
          g_free (work->last_review_date);
          work->last_review_date = g_strdup (date);
        }
    }

  if (!korak_store_commit (store, error))
    goto failed_committed;

  if (changes.json)
    g_string_free (changes.json, TRUE);

  /* Hand the ids and read-only fields back; @work is a copy in the same order,
   * so pointers the caller holds into @record stay valid. */
  record->id = work->id;
  record->enrolment_id = work->enrolment_id;
  g_free (record->agreed_date);
  record->agreed_date = g_strdup (work->agreed_date);
  g_free (record->last_review_date);
  record->last_review_date = g_strdup (work->last_review_date);
  for (guint i = 0; i < record->goals->len; i++)
    {
      KorakGoalRecord *g = g_ptr_array_index (record->goals, i);
      const KorakGoalRecord *w = g_ptr_array_index (work->goals, i);

      g->id = w->id;
      for (guint j = 0; j < g->steps->len; j++)
        ((KorakGoalStepRecord *)g_ptr_array_index (g->steps, j))->id =
          ((KorakGoalStepRecord *)g_ptr_array_index (w->steps, j))->id;
    }
  for (guint i = 0; i < record->activities->len; i++)
    {
      KorakPlanActivityRecord *a = g_ptr_array_index (record->activities, i);
      const KorakPlanActivityRecord *w = g_ptr_array_index (work->activities, i);

      a->id = w->id;
      g_free (a->activity_name);
      a->activity_name = g_strdup (w->activity_name);
    }
  return TRUE;

failed:
  korak_store_rollback (store);
failed_committed:
  if (changes.json)
    g_string_free (changes.json, TRUE);
  return FALSE;
}

static const char *
field_label (const char *what,
             const char *field)
{
  if (g_str_equal (field, "interests")) return _("interests");
  if (g_str_equal (field, "strengths")) return _("strengths");
  if (g_str_equal (field, "work_experience")) return _("work experience");
  if (g_str_equal (field, "education")) return _("education");
  if (g_str_equal (field, "agreed_date")) return _("agreed on");
  if (g_str_equal (field, "next_review_date")) return _("next review");
  if (g_str_equal (field, "remark")) return _("remark");
  if (g_str_equal (field, "description")) return _("description");
  if (g_str_equal (field, "area")) return _("area");
  if (g_str_equal (field, "status")) return _("status");
  if (g_str_equal (field, "target_date")) return _("target date");
  if (g_str_equal (field, "due_date")) return _("due date");
  if (g_str_equal (field, "planned_date")) return _("planned");
  if (g_str_equal (field, "done_date")) return _("done");
  if (g_str_equal (field, "activity")) return _("activity");
  (void)what;
  return field;
}

static const char *
value_label (const char *field,
             const char *value)
{
  if (value == NULL)
    return "—";
  if (g_str_equal (field, "status"))
    return korak_choice_label (goal_statuses, value);
  if (g_str_equal (field, "area"))
    return korak_choice_label (goal_areas, value);
  return value;
}

/* One translated line for a change read back from the JSON. */
static char *
change_summary (const char *what,
                const char *item,
                const char *field,
                const char *old_value,
                const char *new_value)
{
  const char *shown = item ? item : "";

  if (g_str_equal (what, "barrier"))
    {
      const char *name = korak_choice_label (barrier_kinds, item);

      if (g_str_equal (field, "checked"))
        return g_strdup_printf (g_strcmp0 (new_value, "yes") == 0 ? _("Barrier marked: %s") : _("Barrier cleared: %s"),
                                name);
      return g_strdup_printf (_("Barrier %s: remark “%s”"), name, new_value ? new_value : "—");
    }
  if (g_str_equal (field, "added"))
    {
      if (g_str_equal (what, "goal"))
        return g_strdup_printf (_("Goal added: %s"), shown);
      if (g_str_equal (what, "step"))
        return g_strdup_printf (_("Step added: %s"), shown);
      return g_strdup_printf (_("Training added: %s"), korak_activity_label (shown));
    }
  if (g_str_equal (field, "removed"))
    {
      if (g_str_equal (what, "goal"))
        return g_strdup_printf (_("Goal removed: %s"), shown);
      if (g_str_equal (what, "step"))
        return g_strdup_printf (_("Step removed: %s"), shown);
      return g_strdup_printf (_("Training removed: %s"), korak_activity_label (shown));
    }
  if (g_str_equal (what, "step") && g_str_equal (field, "done"))
    return g_strdup_printf (g_strcmp0 (new_value, "yes") == 0 ? _("Step done: %s") : _("Step not done: %s"), shown);
  if (g_str_equal (what, "plan"))
    /* Translators: e.g. "Next review: 2026-09-01 → 2026-10-01". */
    return g_strdup_printf (_("Plan %s: %s → %s"), field_label (what, field),
                            value_label (field, old_value), value_label (field, new_value));
  if (g_str_equal (what, "goal"))
    /* Translators: e.g. "Goal “Find a course”, status: Planned → Achieved". */
    return g_strdup_printf (_("Goal “%s”, %s: %s → %s"), shown, field_label (what, field),
                            value_label (field, old_value), value_label (field, new_value));
  if (g_str_equal (what, "step"))
    return g_strdup_printf (_("Step “%s”, %s: %s → %s"), shown, field_label (what, field),
                            value_label (field, old_value), value_label (field, new_value));
  return g_strdup_printf (_("Training “%s”, %s: %s → %s"), korak_activity_label (shown),
                          field_label (what, field), value_label (field, old_value), value_label (field, new_value));
}

GPtrArray *
korak_store_list_plan_history (KorakStore  *store,
                               gint64       plan_id,
                               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_plan_review_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, date, kind, changes, created_at FROM plan_review "
                                    "WHERE plan_id = ? ORDER BY seq DESC", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakPlanReviewRecord *r = g_new0 (KorakPlanReviewRecord, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->date = korak_column_dup (stmt, 1);
      r->kind = korak_column_dup (stmt, 2);
      r->changes = korak_column_dup (stmt, 3);
      r->created_at = korak_column_dup (stmt, 4);
      g_ptr_array_add (records, r);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  /* SQLite's JSON functions read the changes back. */
  for (guint i = 0; i < records->len; i++)
    {
      KorakPlanReviewRecord *r = g_ptr_array_index (records, i);
      g_autoptr(GString) summary = g_string_new (NULL);

      if (!(stmt = korak_store_prepare (store,
                                        "SELECT json_extract(value, '$.what'), json_extract(value, '$.item'), "
                                        "  json_extract(value, '$.field'), json_extract(value, '$.old'), "
                                        "  json_extract(value, '$.new') FROM json_each(?)", error)))
        return NULL;
      korak_bind_text (stmt, 1, r->changes ? r->changes : "[]");
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autofree char *line = change_summary ((const char *)sqlite3_column_text (stmt, 0) ?: "",
                                                  (const char *)sqlite3_column_text (stmt, 1),
                                                  (const char *)sqlite3_column_text (stmt, 2) ?: "",
                                                  (const char *)sqlite3_column_text (stmt, 3),
                                                  (const char *)sqlite3_column_text (stmt, 4));
          if (summary->len > 0)
            g_string_append_c (summary, '\n');
          g_string_append (summary, line);
          r->n_changes++;
        }
      sqlite3_reset (stmt);
      if (!korak_store_step_ok (store, rc, error))
        return NULL;
      if (r->n_changes == 0)
        g_string_append (summary, _("No changes"));
      r->summary = g_string_free (g_steal_pointer (&summary), FALSE);
    }

  return g_steal_pointer (&records);
}

/* ----------------------------------------------------------------- journal */

static gboolean
clean_line (const char  *text,
            char       **out,
            const char  *empty_message,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID, empty_message);
      return FALSE;
    }
  if (strchr (stripped, '\n') || strchr (stripped, '\r'))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("A journal entry is one line. Write it without line breaks, or as two entries."));
      return FALSE;
    }
  if (!g_utf8_validate (stripped, -1, NULL) || g_utf8_strlen (stripped, -1) > MAX_LINE)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("A journal entry holds at most %d characters. Shorten it, or write a note instead."), MAX_LINE);
      return FALSE;
    }
  *out = g_steal_pointer (&stripped);
  return TRUE;
}

gboolean
korak_store_add_journal_entry (KorakStore  *store,
                               gint64       participant_id,
                               const char  *date,
                               const char  *kind,
                               const char  *text,
                               gint64      *out_id,
                               GError     **error)
{
  g_autofree char *today = korak_date_today ();
  g_autofree char *line = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (empty (date))
    date = today;
  if (!korak_date_is_iso (date))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The journal entry needs a date, for example 2026-09-07."));
      return FALSE;
    }
  if (!is_choice (journal_kinds, kind))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Choose whether the entry is a small win, a milestone or a concern."));
      return FALSE;
    }
  if (!clean_line (text, &line, _("Write what happened in one line, for example “Made the phone call to the landlord alone”."), error))
    return FALSE;
  if (!participant_exists (store, participant_id, error))
    return FALSE;

  if (!korak_store_begin (store, error))
    return FALSE;
  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO journal_entry (id, participant_id, date, kind, text, seq) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, "
                                    "  (SELECT coalesce(max(seq), 0) + 1 FROM journal_entry WHERE participant_id = ?2))",
                                    error)))
    goto failed;
  id = korak_store_new_id ();
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  korak_bind_text (stmt, 3, date);
  korak_bind_text (stmt, 4, kind);
  korak_bind_text (stmt, 5, line);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;
  if (!korak_store_commit (store, error))
    return FALSE;
  if (out_id)
    *out_id = id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

static GPtrArray *
read_journal (KorakStore    *store,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_journal_record_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakJournalRecord *r = g_new0 (KorakJournalRecord, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->participant_id = sqlite3_column_int64 (stmt, 1);
      r->display_name = korak_column_dup (stmt, 2);
      r->date = korak_column_dup (stmt, 3);
      r->kind = korak_column_dup (stmt, 4);
      r->text = korak_column_dup (stmt, 5);
      g_ptr_array_add (records, r);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}

GPtrArray *
korak_store_list_journal (KorakStore  *store,
                          gint64       participant_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT j.id, j.participant_id, p.given_name || ' ' || p.family_name, j.date, j.kind, j.text "
                                    "FROM journal_entry j JOIN participant p ON p.id = j.participant_id "
                                    "WHERE j.participant_id = ? ORDER BY j.date DESC, j.seq DESC, j.created_at DESC",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  return read_journal (store, stmt, error);
}

GPtrArray *
korak_store_list_recent_journal (KorakStore  *store,
                                 const char  *kind,
                                 guint        limit,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT j.id, j.participant_id, p.given_name || ' ' || p.family_name, j.date, j.kind, j.text "
                                    "FROM journal_entry j JOIN participant p ON p.id = j.participant_id "
                                    "WHERE (?1 IS NULL OR j.kind = ?1) AND p.archived_at IS NULL "
                                    "ORDER BY j.date DESC, j.created_at DESC, j.seq DESC LIMIT ?2",
                                    error)))
    return NULL;
  korak_bind_text (stmt, 1, kind);
  sqlite3_bind_int64 (stmt, 2, limit);
  return read_journal (store, stmt, error);
}

/* ------------------------------------------------------ exit and follow-up */

gboolean
korak_store_end_enrolment (KorakStore             *store,
                           gint64                  participant_id,
                           const KorakExitRecord  *exit,
                           gint64                 *out_enrolment_id,
                           GError                **error)
{
  g_autofree char *start = NULL;
  g_autofree char *cohort_end = NULL;
  g_autofree char *outcome = NULL;
  sqlite3_stmt *stmt;
  gint64 enrolment_id = 0;
  const char *status;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (exit != NULL, FALSE);

  if (!korak_date_is_iso (exit->date))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("The exit needs a date, for example 2026-09-07."));
      return FALSE;
    }
  if (!is_choice (exit_reasons, exit->reason))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Choose the reason for the exit from the list."));
      return FALSE;
    }
  outcome = g_strstrip (g_strdup (exit->outcome ? exit->outcome : ""));
  if (!participant_exists (store, participant_id, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT e.id, e.start_date, c.end_date FROM enrolment e "
                                    "JOIN cohort c ON c.id = e.cohort_id "
                                    "WHERE e.participant_id = ? AND e.status = 'active'", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      enrolment_id = sqlite3_column_int64 (stmt, 0);
      start = korak_column_dup (stmt, 1);
      cohort_end = korak_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return FALSE;
  if (enrolment_id == 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("This participant is not enrolled in a cohort now, so there is no enrolment to end."));
      return FALSE;
    }
  if (strcmp (exit->date, start) < 0)
    {
      g_autofree char *shown = korak_date_format (start);

      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The enrolment started on %s. Choose an exit date on or after that day."), shown);
      return FALSE;
    }
  /* Leaving before the cohort ends is an early exit. */
  status = (cohort_end != NULL && strcmp (exit->date, cohort_end) >= 0) ? "completed" : "exited";

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE enrolment SET status = ?2, end_date = ?3, exit_date = ?3, exit_reason = ?4, "
                                    "  exit_positive = ?5, exit_outcome = ?6, updated_at = " NOW " WHERE id = ?1",
                                    error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  korak_bind_text (stmt, 2, status);
  korak_bind_text (stmt, 3, exit->date);
  korak_bind_text (stmt, 4, exit->reason);
  sqlite3_bind_int (stmt, 5, exit->positive ? 1 : 0);
  korak_bind_text (stmt, 6, outcome);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE participant SET status = ?2, updated_at = " NOW " WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  korak_bind_text (stmt, 2, status);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  for (int months = 3; months <= 6; months += 3)
    {
      g_autofree char *due = korak_date_add_months (exit->date, months);

      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO follow_up (id, enrolment_id, due_date, months) VALUES (?1, ?2, ?3, ?4)",
                                        error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, korak_store_new_id ());
      sqlite3_bind_int64 (stmt, 2, enrolment_id);
      korak_bind_text (stmt, 3, due);
      sqlite3_bind_int (stmt, 4, months);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
    }

  if (!korak_store_commit (store, error))
    return FALSE;
  if (out_enrolment_id)
    *out_enrolment_id = enrolment_id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

#define FOLLOW_UP_SELECT \
  "SELECT f.id, f.enrolment_id, e.participant_id, p.given_name || ' ' || p.family_name, e.exit_date, " \
  "  e.exit_reason, coalesce(f.months, 0), f.due_date, f.done_date, f.situation, f.employment_status " \
  "FROM follow_up f JOIN enrolment e ON e.id = f.enrolment_id JOIN participant p ON p.id = e.participant_id "

static KorakFollowUpRecord *
read_follow_up (sqlite3_stmt *stmt)
{
  KorakFollowUpRecord *r = g_new0 (KorakFollowUpRecord, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->enrolment_id = sqlite3_column_int64 (stmt, 1);
  r->participant_id = sqlite3_column_int64 (stmt, 2);
  r->display_name = korak_column_dup (stmt, 3);
  r->exit_date = korak_column_dup (stmt, 4);
  r->exit_reason = korak_column_dup (stmt, 5);
  r->months = sqlite3_column_int (stmt, 6);
  r->due_date = korak_column_dup (stmt, 7);
  r->done_date = korak_column_dup (stmt, 8);
  r->situation = korak_column_dup (stmt, 9);
  r->employment_status = korak_column_dup (stmt, 10);
  return r;
}

KorakFollowUpRecord *
korak_store_get_follow_up (KorakStore  *store,
                           gint64       follow_up_id,
                           GError     **error)
{
  KorakFollowUpRecord *r = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, FOLLOW_UP_SELECT "WHERE f.id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, follow_up_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    r = read_follow_up (stmt);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  if (r == NULL)
    g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                         _("This follow-up no longer exists in the database."));
  return r;
}

GPtrArray *
korak_store_list_follow_ups (KorakStore  *store,
                             gint64       participant_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_follow_up_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, FOLLOW_UP_SELECT "WHERE e.participant_id = ? ORDER BY f.due_date, f.months",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read_follow_up (stmt));
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}

gboolean
korak_store_record_follow_up (KorakStore  *store,
                              gint64       follow_up_id,
                              const char  *done_date,
                              const char  *employment_status,
                              const char  *situation,
                              GError     **error)
{
  g_autoptr(KorakFollowUpRecord) f = NULL;
  g_autofree char *today = korak_date_today ();
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (empty (done_date))
    done_date = today;
  if (!korak_date_is_iso (done_date))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("The follow-up needs the date it took place, for example 2026-09-07."));
      return FALSE;
    }
  if (!is_choice (employment_statuses, employment_status))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Choose the person’s employment status from the list."));
      return FALSE;
    }
  if (!(f = korak_store_get_follow_up (store, follow_up_id, error)))
    return FALSE;
  if (f->exit_date != NULL && strcmp (done_date, f->exit_date) < 0)
    {
      g_autofree char *shown = korak_date_format (f->exit_date);

      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The person left the programme on %s. A follow-up takes place after that day."), shown);
      return FALSE;
    }
  text = g_strstrip (g_strdup (situation ? situation : ""));

  if (!korak_store_begin (store, error))
    return FALSE;
  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE follow_up SET done_date = ?2, employment_status = ?3, situation = ?4, "
                                    "  updated_at = " NOW " WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, follow_up_id);
  korak_bind_text (stmt, 2, done_date);
  korak_bind_text (stmt, 3, employment_status);
  korak_bind_text (stmt, 4, text);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;
  return korak_store_commit (store, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------- today */

static GPtrArray *
list_due (KorakStore  *store,
          const char  *sql,
          const char  *today,
          int          days_ahead,
          GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_due_record_free);
  g_autofree char *limit = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!korak_date_is_iso (today))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("The day to list needs to be a date, for example 2026-09-07."));
      return NULL;
    }
  limit = date_add_days (today, MAX (days_ahead, 0));

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return NULL;
  korak_bind_text (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakDueRecord *r = g_new0 (KorakDueRecord, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->participant_id = sqlite3_column_int64 (stmt, 1);
      r->display_name = korak_column_dup (stmt, 2);
      r->date = korak_column_dup (stmt, 3);
      r->overdue = strcmp (r->date, today) < 0;
      g_ptr_array_add (records, r);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}

GPtrArray *
korak_store_list_reviews_due (KorakStore  *store,
                              const char  *today,
                              int          days_ahead,
                              GError     **error)
{
  return list_due (store,
                   "SELECT pl.id, pl.participant_id, p.given_name || ' ' || p.family_name, pl.next_review_date "
                   "FROM plan pl JOIN participant p ON p.id = pl.participant_id "
                   "WHERE pl.next_review_date IS NOT NULL AND pl.next_review_date <= ?1 AND p.archived_at IS NULL "
                   "  AND EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = pl.participant_id AND e.status = 'active') "
                   "ORDER BY pl.next_review_date, p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE",
                   today, days_ahead, error);
}

GPtrArray *
korak_store_list_follow_ups_due (KorakStore  *store,
                                 const char  *today,
                                 int          days_ahead,
                                 GError     **error)
{
  return list_due (store,
                   "SELECT f.id, e.participant_id, p.given_name || ' ' || p.family_name, f.due_date "
                   "FROM follow_up f JOIN enrolment e ON e.id = f.enrolment_id "
                   "JOIN participant p ON p.id = e.participant_id "
                   "WHERE f.done_date IS NULL AND f.due_date <= ?1 AND p.archived_at IS NULL "
                   "ORDER BY f.due_date, p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE",
                   today, days_ahead, error);
}
