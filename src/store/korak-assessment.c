/* korak-assessment.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "korak-assessment.h"
#include "korak-mediators-private.h"
#include "korak-plan.h"
#include "korak-date.h"
#include "korak-store-private.h"

/*
 * Competency areas, assessments and their chart data. Writes validate
 * first, then run in one transaction; statements come from the store's
 * cache and are reset after use.
 */

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

static const KorakChoice assessment_kinds[] = {
  { "intake",    N_("Intake") },
  { "review",    N_("Review") },
  { "exit",      N_("Exit") },
  { "follow_up", N_("Follow-up") },
  { NULL, NULL }
};


/* The areas migration 3 seeds, in English, marked here for translation. */
static const char * const seeded_areas[] = {
  N_("Communication"),
  N_("Self-confidence and motivation"),
  N_("Slovenian language"),
  N_("Digital skills"),
  N_("Financial literacy"),
  N_("Everyday procedures"),
  N_("Health and well-being"),
  N_("Teamwork"),
  N_("Work habits"),
  N_("Job search"),
};

static const char * const band_labels[KORAK_CHANGE_N_BANDS] = {
  N_("−2 or less"), N_("−1"), N_("0"), N_("+1"), N_("+2"), N_("+3"), N_("+4 or more"),
};

const KorakChoice *
korak_assessment_kinds (void)
{
  return assessment_kinds;
}

/* One vocabulary of exit reasons: the one the exit dialog stores. */
const KorakChoice *
korak_exit_reasons (void)
{
  return korak_enrolment_exit_reasons ();
}

const char *
korak_competency_area_label (const char *name)
{
  if (name == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (seeded_areas); i++)
    if (g_str_equal (seeded_areas[i], name))
      return _(seeded_areas[i]);

  return name;
}

const char *
korak_progress_change_band_label (guint band)
{
  g_return_val_if_fail (band < KORAK_CHANGE_N_BANDS, "");
  return _(band_labels[band]);
}

/* ---------------------------------------------------------------- helpers */

static int
changes (KorakStore *store)
{
  return sqlite3_changes (korak_store_get_db (store));
}

static guint32
julian_from_iso (const char *iso)
{
  GDate date;
  int y, m, d;

  if (!korak_date_is_iso (iso) || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return 0;
  if (!g_date_valid_dmy (d, m, y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static void
iso_from_julian (guint32 julian,
                 char    out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

static guint32
monday_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return julian - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

/* ------------------------------------------------------------------ areas */

KorakAreaRecord *
korak_area_record_new (void)
{
  return g_new0 (KorakAreaRecord, 1);
}

KorakAreaRecord *
korak_area_record_copy (const KorakAreaRecord *record)
{
  KorakAreaRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = korak_area_record_new ();
  copy->id = record->id;
  copy->name = g_strdup (record->name);
  copy->ordinal = record->ordinal;
  copy->retired_at = g_strdup (record->retired_at);
  return copy;
}

void
korak_area_record_free (KorakAreaRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->name);
  g_free (record->retired_at);
  g_free (record);
}

static KorakAreaRecord *
area_from_row (sqlite3_stmt *stmt)
{
  KorakAreaRecord *record = korak_area_record_new ();

  record->id = sqlite3_column_int64 (stmt, 0);
  record->name = korak_column_dup (stmt, 1);
  record->ordinal = sqlite3_column_int (stmt, 2);
  record->retired_at = korak_column_dup (stmt, 3);
  return record;
}

#define AREA_SELECT "SELECT id, name, ordinal, retired_at FROM competency_area "
#define AREA_ORDER "ORDER BY retired_at IS NOT NULL, ordinal, name COLLATE NOCASE, id"

GPtrArray *
korak_store_list_areas (KorakStore  *store,
                        gboolean     include_retired,
                        GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_area_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, AREA_SELECT "WHERE (?1 OR retired_at IS NULL) " AREA_ORDER, error)))
    return NULL;
  sqlite3_bind_int (stmt, 1, include_retired);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, area_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

gboolean
korak_store_save_area (KorakStore       *store,
                       KorakAreaRecord  *record,
                       GError          **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 id = record ? record->id : 0;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  name = g_strstrip (g_strdup (record->name ? record->name : ""));
  if (name[0] == '\0')
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Enter a name for the competency area."));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > 200)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The name of a competency area can be at most 200 characters long."));
      return FALSE;
    }

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT name FROM competency_area WHERE id != ?1 "
                                    "AND (lower(name) = lower(?2))", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  korak_bind_text (stmt, 2, name);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("There is already a competency area called “%s”. Choose another name."), name);
      goto failed;
    }
  /* Also a seeded name typed in the user's language. */
  for (guint i = 0; i < G_N_ELEMENTS (seeded_areas); i++)
    {
      g_autofree char *a = g_utf8_casefold (_(seeded_areas[i]), -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (g_str_equal (a, b) && !g_str_equal (seeded_areas[i], name))
        {
          if (!(stmt = korak_store_prepare (store, "SELECT 1 FROM competency_area WHERE id != ?1 AND name = ?2", error)))
            goto failed;
          sqlite3_bind_int64 (stmt, 1, id);
          korak_bind_text (stmt, 2, seeded_areas[i]);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc == SQLITE_ROW)
            {
              g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("There is already a competency area called “%s”. Choose another name."), name);
              goto failed;
            }
        }
    }

  if (id == 0)
    {
      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO competency_area (id, name, ordinal) VALUES "
                                        "(?1, ?2, (SELECT coalesce(max(ordinal), 0) + 1 FROM competency_area))",
                                        error)))
        goto failed;
      korak_bind_text (stmt, 2, name);
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE competency_area SET name = ?2, updated_at = " NOW " WHERE id = ?1",
                                        error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      korak_bind_text (stmt, 2, name);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      if (changes (store) == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                       _("This competency area no longer exists in the database."));
          goto failed;
        }
    }

  if (!korak_store_commit (store, error))
    goto failed;

  record->id = id;
  g_free (record->name);
  record->name = g_steal_pointer (&name);
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_set_area_retired (KorakStore  *store,
                              gint64       area_id,
                              gboolean     retired,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE competency_area SET retired_at = CASE WHEN ?2 THEN coalesce(retired_at, " NOW ") "
                                    "ELSE NULL END, updated_at = " NOW " WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, area_id);
  sqlite3_bind_int (stmt, 2, retired);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;
  if (changes (store) == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This competency area no longer exists in the database."));
      goto failed;
    }

  if (!korak_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_move_area (KorakStore  *store,
                       gint64       area_id,
                       int          delta,
                       GError     **error)
{
  g_autoptr(GPtrArray) areas = NULL;
  sqlite3_stmt *stmt;
  guint pos = G_MAXUINT;
  int target;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(areas = korak_store_list_areas (store, FALSE, error)))
    goto failed;
  for (guint i = 0; i < areas->len; i++)
    if (((KorakAreaRecord *)g_ptr_array_index (areas, i))->id == area_id)
      pos = i;
  if (pos == G_MAXUINT)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("Only a competency area in use can be moved."));
      goto failed;
    }

  target = (int)pos + delta;
  if (target >= 0 && target < (int)areas->len)
    {
      gpointer tmp = areas->pdata[pos];

      areas->pdata[pos] = areas->pdata[target];
      areas->pdata[target] = tmp;
    }

  /* Renumber 1..n so ties and gaps left by older versions go away. */
  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE competency_area SET ordinal = ?2, updated_at = " NOW " "
                                    "WHERE id = ?1 AND ordinal != ?2", error)))
    goto failed;
  for (guint i = 0; i < areas->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ((KorakAreaRecord *)g_ptr_array_index (areas, i))->id);
      sqlite3_bind_int (stmt, 2, (int)i + 1);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
    }

  if (!korak_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------ assessments */

static void
score_record_free (KorakScoreRecord *score)
{
  if (score == NULL)
    return;
  g_free (score->area_name);
  g_free (score->remark);
  g_free (score);
}

KorakAssessmentRecord *
korak_assessment_record_new (void)
{
  KorakAssessmentRecord *record = g_new0 (KorakAssessmentRecord, 1);

  record->scores = g_ptr_array_new_with_free_func ((GDestroyNotify)score_record_free);
  return record;
}

KorakAssessmentRecord *
korak_assessment_record_copy (const KorakAssessmentRecord *record)
{
  KorakAssessmentRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = korak_assessment_record_new ();
  copy->id = record->id;
  copy->participant_id = record->participant_id;
  copy->date = g_strdup (record->date);
  copy->kind = g_strdup (record->kind);
  copy->assessor_id = record->assessor_id;
  copy->assessor_name = g_strdup (record->assessor_name);
  copy->mediator_present = record->mediator_present;
  copy->mediator_id = record->mediator_id;
  copy->mediator_name = g_strdup (record->mediator_name);
  copy->conversation_language = g_strdup (record->conversation_language);
  for (guint i = 0; i < record->scores->len; i++)
    {
      const KorakScoreRecord *s = g_ptr_array_index (record->scores, i);
      KorakScoreRecord *c = g_new0 (KorakScoreRecord, 1);

      c->area_id = s->area_id;
      c->area_name = g_strdup (s->area_name);
      c->score = s->score;
      c->remark = g_strdup (s->remark);
      g_ptr_array_add (copy->scores, c);
    }
  return copy;
}

void
korak_assessment_record_free (KorakAssessmentRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->date);
  g_free (record->kind);
  g_free (record->assessor_name);
  g_free (record->mediator_name);
  g_free (record->conversation_language);
  g_ptr_array_unref (record->scores);
  g_free (record);
}

void
korak_assessment_record_set_score (KorakAssessmentRecord *record,
                                   gint64                 area_id,
                                   int                    score,
                                   const char            *remark)
{
  KorakScoreRecord *s = NULL;

  g_return_if_fail (record != NULL);

  for (guint i = 0; i < record->scores->len && s == NULL; i++)
    if (((KorakScoreRecord *)g_ptr_array_index (record->scores, i))->area_id == area_id)
      s = g_ptr_array_index (record->scores, i);

  if (s == NULL)
    {
      s = g_new0 (KorakScoreRecord, 1);
      s->area_id = area_id;
      g_ptr_array_add (record->scores, s);
    }
  s->score = score;
  g_free (s->remark);
  s->remark = remark && *remark ? g_strdup (remark) : NULL;
}

int
korak_assessment_record_get_score (const KorakAssessmentRecord *record,
                                   gint64                       area_id)
{
  g_return_val_if_fail (record != NULL, 0);

  for (guint i = 0; i < record->scores->len; i++)
    {
      const KorakScoreRecord *s = g_ptr_array_index (record->scores, i);

      if (s->area_id == area_id)
        return s->score;
    }
  return 0;
}

double
korak_assessment_record_average (const KorakAssessmentRecord *record)
{
  double sum = 0;

  g_return_val_if_fail (record != NULL, 0);

  if (record->scores->len == 0)
    return 0;
  for (guint i = 0; i < record->scores->len; i++)
    sum += ((KorakScoreRecord *)g_ptr_array_index (record->scores, i))->score;
  return sum / record->scores->len;
}

static const char *
area_name_for (KorakStore *store,
               gint64      area_id)
{
  sqlite3_stmt *stmt = korak_store_prepare (store, "SELECT name FROM competency_area WHERE id = ?1", NULL);
  static char buf[256];

  buf[0] = '\0';
  if (stmt == NULL)
    return buf;
  sqlite3_bind_int64 (stmt, 1, area_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_strlcpy (buf, korak_competency_area_label ((const char *)sqlite3_column_text (stmt, 0)), sizeof buf);
  sqlite3_reset (stmt);
  return buf;
}

static gboolean
kind_is_valid (const char *kind)
{
  for (guint i = 0; kind != NULL && assessment_kinds[i].code != NULL; i++)
    if (g_str_equal (assessment_kinds[i].code, kind))
      return TRUE;
  return FALSE;
}

/* Checks what needs no database, then what does (inside the transaction). */
static gboolean
validate_assessment (KorakStore                   *store,
                     const KorakAssessmentRecord  *record,
                     gboolean                      restoring,
                     GError                      **error)
{
  g_autofree char *today = korak_date_today ();
  sqlite3_stmt *stmt;
  int rc;

  if (record->participant_id == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose the participant who was assessed."));
      return FALSE;
    }
  if (record->date == NULL || julian_from_iso (record->date) == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Enter the date of the assessment as a valid date, for example 2026-03-02."));
      return FALSE;
    }
  if (strcmp (record->date, today) > 0)
    {
      g_autofree char *shown = korak_date_format (record->date);

      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The assessment date %s is in the future. Enter the day the assessment took place."), shown);
      return FALSE;
    }
  if (!kind_is_valid (record->kind))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Choose the kind of assessment: intake, review, exit or follow-up."));
      return FALSE;
    }
  if (record->scores == NULL || record->scores->len == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("Score at least one competency area from 1 to 10."));
      return FALSE;
    }

  for (guint i = 0; i < record->scores->len; i++)
    {
      const KorakScoreRecord *s = g_ptr_array_index (record->scores, i);

      if (s->score < KORAK_SCORE_MIN || s->score > KORAK_SCORE_MAX)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("The score for “%s” is %d. Enter a score from 1 to 10."),
                       area_name_for (store, s->area_id), s->score);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (((KorakScoreRecord *)g_ptr_array_index (record->scores, j))->area_id == s->area_id)
          {
            g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                         _("“%s” is scored twice. Give each area one score."),
                         area_name_for (store, s->area_id));
            return FALSE;
          }
      if (!(stmt = korak_store_prepare (store, "SELECT 1 FROM competency_area WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, s->area_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("A competency area of this assessment no longer exists. Close the form and open it again."));
          return FALSE;
        }
    }

  if (!(stmt = korak_store_prepare (store, "SELECT 1 FROM participant WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->participant_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This participant no longer exists in the database."));
      return FALSE;
    }

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT 1 FROM assessment WHERE participant_id = ?1 AND date = ?2 "
                                    "AND kind = ?3 AND id != ?4", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->participant_id);
  korak_bind_text (stmt, 2, record->date);
  korak_bind_text (stmt, 3, record->kind);
  sqlite3_bind_int64 (stmt, 4, restoring ? 0 : record->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *shown = korak_date_format (record->date);

      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   /* Translators: "There is already an Intake assessment on 2. 3. 2026." */
                   _("There is already a “%s” assessment on %s. Edit that one or choose another date."),
                   korak_choice_label (assessment_kinds, record->kind), shown);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_scores (KorakStore                   *store,
              const KorakAssessmentRecord  *record,
              GError                      **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (store, "DELETE FROM assessment_score WHERE assessment_id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);
  if (!korak_store_step_done (store, stmt, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO assessment_score (id, assessment_id, area_id, score, remark, updated_by) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return FALSE;
  for (guint i = 0; i < record->scores->len; i++)
    {
      const KorakScoreRecord *s = g_ptr_array_index (record->scores, i);
      gint64 id;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 2, record->id);
      sqlite3_bind_int64 (stmt, 3, s->area_id);
      sqlite3_bind_int (stmt, 4, s->score);
      korak_bind_text (stmt, 5, s->remark && *s->remark ? s->remark : NULL);
      if (record->assessor_id)
        sqlite3_bind_int64 (stmt, 6, record->assessor_id);
      else
        sqlite3_bind_null (stmt, 6);
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_assessment (sqlite3_stmt                *stmt,
                 const KorakAssessmentRecord *record)
{
  sqlite3_bind_int (stmt, 7, record->mediator_present ? 1 : 0);
  if (record->mediator_id)
    sqlite3_bind_int64 (stmt, 8, record->mediator_id);
  else
    sqlite3_bind_null (stmt, 8);
  korak_bind_text (stmt, 9, record->conversation_language);

  sqlite3_bind_int64 (stmt, 2, record->participant_id);
  korak_bind_text (stmt, 3, record->date);
  korak_bind_text (stmt, 4, record->kind);
  if (record->assessor_id)
    {
      sqlite3_bind_int64 (stmt, 5, record->assessor_id);
      sqlite3_bind_int64 (stmt, 6, record->assessor_id);
    }
  else
    {
      sqlite3_bind_null (stmt, 5);
      sqlite3_bind_null (stmt, 6);
    }
}

gboolean
korak_store_save_assessment (KorakStore             *store,
                             KorakAssessmentRecord  *record,
                             GError                **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!korak_mediator_check (store, &record->mediator_present, record->mediator_id,
                             &record->conversation_language, error))
    return FALSE;
  if (!korak_store_begin (store, error))
    return FALSE;
  if (!validate_assessment (store, record, FALSE, error))
    goto failed;

  if (record->id == 0)
    {
      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO assessment (id, participant_id, date, kind, assessor_id, updated_by, "
                                        "mediator_present, mediator_id, conversation_language) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)))
        goto failed;
      bind_assessment (stmt, record);
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        goto failed;
      record->id = id;
    }
  else
    {
      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE assessment SET participant_id = ?2, date = ?3, kind = ?4, assessor_id = ?5, "
                                        "updated_by = ?6, mediator_present = ?7, mediator_id = ?8, "
                                        "conversation_language = ?9, updated_at = " NOW " WHERE id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, record->id);
      bind_assessment (stmt, record);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      if (changes (store) == 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                       _("This assessment no longer exists in the database."));
          goto failed;
        }
    }

  if (!write_scores (store, record, error))
    goto failed;
  if (!korak_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  if (id != 0)
    record->id = 0;
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_restore_assessment (KorakStore                   *store,
                                const KorakAssessmentRecord  *record,
                                GError                      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL && record->id != 0, FALSE);

  if (!korak_store_begin (store, error))
    return FALSE;
  if (!validate_assessment (store, record, TRUE, error))
    goto failed;

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO assessment (id, participant_id, date, kind, assessor_id, updated_by, "
                                    "mediator_present, mediator_id, conversation_language) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record->id);
  bind_assessment (stmt, record);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;
  if (!write_scores (store, record, error))
    goto failed;
  if (!korak_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_delete_assessment (KorakStore  *store,
                               gint64       assessment_id,
                               GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  return korak_store_delete_by_id (store, "DELETE FROM assessment WHERE id = ?1", assessment_id,
                                   _("This assessment no longer exists in the database."), error);
}

#define ASSESSMENT_SELECT \
  "SELECT a.id, a.participant_id, a.date, a.kind, a.assessor_id, " \
  "  CASE WHEN s.id IS NULL THEN NULL ELSE trim(s.given_name || ' ' || s.family_name) END, " \
  "  a.mediator_present, a.mediator_id, " \
  "  CASE WHEN md.id IS NULL THEN NULL ELSE trim(md.given_name || ' ' || md.family_name) END, " \
  "  a.conversation_language " \
  "FROM assessment a LEFT JOIN staff s ON s.id = a.assessor_id LEFT JOIN staff md ON md.id = a.mediator_id "
#define KIND_ORDER "CASE a.kind WHEN 'intake' THEN 0 WHEN 'review' THEN 1 WHEN 'exit' THEN 2 ELSE 3 END"

/* Reads the assessments the statement returns, then their scores. */
static GPtrArray *
read_assessments (KorakStore    *store,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_assessment_record_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *scores;
  gint64 participant_id = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakAssessmentRecord *r = korak_assessment_record_new ();

      r->id = sqlite3_column_int64 (stmt, 0);
      r->participant_id = participant_id = sqlite3_column_int64 (stmt, 1);
      r->date = korak_column_dup (stmt, 2);
      r->kind = korak_column_dup (stmt, 3);
      r->assessor_id = sqlite3_column_int64 (stmt, 4);
      r->assessor_name = korak_column_dup (stmt, 5);
      r->mediator_present = sqlite3_column_int (stmt, 6) != 0;
      r->mediator_id = sqlite3_column_int64 (stmt, 7);
      r->mediator_name = korak_column_dup (stmt, 8);
      r->conversation_language = korak_column_dup (stmt, 9);
      g_ptr_array_add (records, r);
      g_hash_table_insert (by_id, &r->id, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }
  if (records->len == 0)
    return g_steal_pointer (&records);

  if (!(scores = korak_store_prepare (store,
                                      "SELECT sc.assessment_id, sc.area_id, ar.name, sc.score, sc.remark "
                                      "FROM assessment a JOIN assessment_score sc ON sc.assessment_id = a.id "
                                      "JOIN competency_area ar ON ar.id = sc.area_id "
                                      "WHERE a.participant_id = ?1 "
                                      "ORDER BY ar.retired_at IS NOT NULL, ar.ordinal, ar.id", error)))
    return NULL;
  sqlite3_bind_int64 (scores, 1, participant_id);
  while ((rc = sqlite3_step (scores)) == SQLITE_ROW)
    {
      gint64 aid = sqlite3_column_int64 (scores, 0);
      KorakAssessmentRecord *r = g_hash_table_lookup (by_id, &aid);
      KorakScoreRecord *s;

      if (r == NULL)
        continue;
      s = g_new0 (KorakScoreRecord, 1);
      s->area_id = sqlite3_column_int64 (scores, 1);
      s->area_name = korak_column_dup (scores, 2);
      s->score = sqlite3_column_int (scores, 3);
      s->remark = korak_column_dup (scores, 4);
      g_ptr_array_add (r->scores, s);
    }
  sqlite3_reset (scores);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

GPtrArray *
korak_store_list_assessments (KorakStore  *store,
                              gint64       participant_id,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    ASSESSMENT_SELECT "WHERE a.participant_id = ?1 "
                                    "ORDER BY a.date, " KIND_ORDER ", a.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  return read_assessments (store, stmt, error);
}

KorakAssessmentRecord *
korak_store_get_assessment (KorakStore  *store,
                            gint64       assessment_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, ASSESSMENT_SELECT "WHERE a.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (!(records = read_assessments (store, stmt, error)))
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("This assessment no longer exists in the database."));
      return NULL;
    }
  return g_ptr_array_steal_index (records, 0);
}

/* ----------------------------------------------------------- chart data */

void
korak_star_summary_free (KorakStarSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->areas, g_ptr_array_unref);
  g_clear_pointer (&summary->assessments, g_ptr_array_unref);
  g_free (summary);
}

KorakStarSummary *
korak_store_star_summary (KorakStore  *store,
                          gint64       participant_id,
                          GError     **error)
{
  g_autoptr(KorakStarSummary) summary = g_new0 (KorakStarSummary, 1);
  g_autoptr(GPtrArray) all_areas = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint first = 0;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(all_areas = korak_store_list_areas (store, TRUE, error)) ||
      !(list = korak_store_list_assessments (store, participant_id, error)))
    return NULL;

  summary->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_assessment_record_free);
  summary->areas = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_area_record_free);

  /* The first intake, or the oldest assessment. */
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((KorakAssessmentRecord *)g_ptr_array_index (list, i))->kind, "intake") == 0)
      {
        first = i;
        break;
      }

  if (list->len > 0)
    {
      g_ptr_array_add (summary->assessments, korak_assessment_record_copy (g_ptr_array_index (list, first)));
      for (guint i = MAX (first + 1, list->len >= 3 ? list->len - 3 : 0); i < list->len; i++)
        g_ptr_array_add (summary->assessments, korak_assessment_record_copy (g_ptr_array_index (list, i)));
    }

  for (guint i = 0; i < all_areas->len; i++)
    {
      KorakAreaRecord *area = g_ptr_array_index (all_areas, i);
      gboolean keep = area->retired_at == NULL;

      for (guint j = 0; !keep && j < summary->assessments->len; j++)
        keep = korak_assessment_record_get_score (g_ptr_array_index (summary->assessments, j), area->id) > 0;
      if (keep)
        g_ptr_array_add (summary->areas, korak_area_record_copy (area));
    }

  return g_steal_pointer (&summary);
}

void
korak_progress_line_free (KorakProgressLine *line)
{
  if (line == NULL)
    return;
  for (guint i = 0; i < line->points->len; i++)
    g_free (g_array_index (line->points, KorakProgressPoint, i).kind);
  g_array_unref (line->points);
  g_free (line->area_name);
  g_free (line);
}

static KorakProgressLine *
progress_line_new (gint64      area_id,
                   const char *name)
{
  KorakProgressLine *line = g_new0 (KorakProgressLine, 1);

  line->area_id = area_id;
  line->area_name = g_strdup (name);
  line->points = g_array_new (FALSE, TRUE, sizeof (KorakProgressPoint));
  return line;
}

static void
progress_line_add (KorakProgressLine           *line,
                   const KorakAssessmentRecord *record,
                   double                       value)
{
  KorakProgressPoint point = { { 0 }, NULL, value };

  g_strlcpy (point.date, record->date, sizeof point.date);
  point.kind = g_strdup (record->kind);
  g_array_append_val (line->points, point);
}

GPtrArray *
korak_store_progress_lines (KorakStore  *store,
                            gint64       participant_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_progress_line_free);
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) list = NULL;
  KorakProgressLine *average;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(areas = korak_store_list_areas (store, TRUE, error)) ||
      !(list = korak_store_list_assessments (store, participant_id, error)))
    return NULL;
  if (list->len == 0)
    return g_steal_pointer (&lines);

  for (guint i = 0; i < areas->len; i++)
    {
      const KorakAreaRecord *area = g_ptr_array_index (areas, i);
      KorakProgressLine *line = NULL;

      for (guint j = 0; j < list->len; j++)
        {
          const KorakAssessmentRecord *r = g_ptr_array_index (list, j);
          int score = korak_assessment_record_get_score (r, area->id);

          if (score == 0)
            continue;
          if (line == NULL)
            line = progress_line_new (area->id, area->name);
          progress_line_add (line, r, score);
        }
      if (line != NULL)
        g_ptr_array_add (lines, line);
    }

  average = progress_line_new (0, NULL);
  for (guint j = 0; j < list->len; j++)
    {
      const KorakAssessmentRecord *r = g_ptr_array_index (list, j);

      if (r->scores->len > 0)
        progress_line_add (average, r, korak_assessment_record_average (r));
    }
  g_ptr_array_add (lines, average);

  return g_steal_pointer (&lines);
}

GArray *
korak_store_participant_week_hours (KorakStore  *store,
                                    gint64       participant_id,
                                    double      *required_per_week,
                                    GError     **error)
{
  g_autoptr(GArray) weeks = g_array_new (FALSE, TRUE, sizeof (KorakWeekHours));
  g_autofree char *today = korak_date_today ();
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *cohort_end = NULL;
  g_autoptr(GArray) modules = g_array_new (FALSE, FALSE, sizeof (guint32) * 3);
  sqlite3_stmt *stmt;
  gint64 cohort_id = 0;
  double required = 0;
  guint32 first, last, cstart = 0, cend = 0;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (required_per_week)
    *required_per_week = 0;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT e.cohort_id, e.start_date, e.end_date, p.required_hours, "
                                    "  (SELECT min(m.start_date) FROM module m WHERE m.cohort_id = e.cohort_id), "
                                    "  (SELECT max(m.end_date) FROM module m WHERE m.cohort_id = e.cohort_id) "
                                    "FROM enrolment e JOIN cohort c ON c.id = e.cohort_id "
                                    "JOIN programme p ON p.id = c.programme_id "
                                    "WHERE e.participant_id = ?1 ORDER BY e.start_date DESC, e.id LIMIT 1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *cstart_iso = korak_column_dup (stmt, 4);

      cohort_id = sqlite3_column_int64 (stmt, 0);
      start = korak_column_dup (stmt, 1);
      end = korak_column_dup (stmt, 2);
      required = sqlite3_column_int (stmt, 3);
      cohort_end = korak_column_dup (stmt, 5);
      cstart = julian_from_iso (cstart_iso);
      cend = julian_from_iso (cohort_end);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }
  if (cohort_id == 0 || start == NULL)
    return g_steal_pointer (&weeks);

  if (required > 0 && cstart && cend >= cstart && required_per_week)
    *required_per_week = required / ((cend - cstart + 1) / 7.0);

  first = monday_of (julian_from_iso (start));
  last = julian_from_iso (end ? end : today);
  if (end == NULL && cend && cend < last)
    last = cend;
  if (last == 0 || last < first)
    last = first;
  last = monday_of (last);
  if ((last - first) / 7 > 520)
    last = first + 520 * 7;

  for (guint32 m = first; m <= last; m += 7)
    {
      KorakWeekHours w = { { 0 }, 0, 0 };

      iso_from_julian (m, w.monday);
      g_array_append_val (weeks, w);
    }

  /* Modules: the ordinal of the one each week's Monday (or first day) falls in. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT ordinal, start_date, end_date FROM module WHERE cohort_id = ?1 ORDER BY ordinal",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int ordinal = sqlite3_column_int (stmt, 0);
      guint32 ms = julian_from_iso ((const char *)sqlite3_column_text (stmt, 1));
      guint32 me = julian_from_iso ((const char *)sqlite3_column_text (stmt, 2));

      for (guint i = 0; i < weeks->len; i++)
        {
          guint32 monday = first + i * 7;

          if (ms <= monday + 6 && me >= monday && g_array_index (weeks, KorakWeekHours, i).module == 0)
            g_array_index (weeks, KorakWeekHours, i).module = ordinal;
        }
    }
  sqlite3_reset (stmt);

  {
    char from[11], to[11];

    iso_from_julian (first, from);
    iso_from_julian (last + 6, to);
    if (!(stmt = korak_store_prepare (store,
                                      "SELECT s.date, sum(a.hours) FROM attendance a JOIN session s ON s.id = a.session_id "
                                      "WHERE a.participant_id = ?1 AND a.state IN ('present', 'late') "
                                      "AND s.cancelled_reason IS NULL AND s.date BETWEEN ?2 AND ?3 GROUP BY s.date",
                                      error)))
      return NULL;
    sqlite3_bind_int64 (stmt, 1, participant_id);
    korak_bind_text (stmt, 2, from);
    korak_bind_text (stmt, 3, to);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        guint32 day = julian_from_iso ((const char *)sqlite3_column_text (stmt, 0));
        guint idx;

        if (day < first)
          continue;
        idx = (day - first) / 7;
        if (idx < weeks->len)
          g_array_index (weeks, KorakWeekHours, idx).hours += sqlite3_column_double (stmt, 1);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      {
        korak_store_set_error (store, rc, error);
        return NULL;
      }
  }

  return g_steal_pointer (&weeks);
}

void
korak_exit_count_free (KorakExitCount *count)
{
  if (count == NULL)
    return;
  g_free (count->reason);
  g_free (count);
}

GPtrArray *
korak_store_cohort_exits (KorakStore  *store,
                          gint64       cohort_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_exit_count_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT coalesce(exit_reason, exit_outcome, 'other') AS reason, "
                                    "  coalesce(exit_positive, 0) AS positive, count(*) AS n "
                                    "FROM enrolment WHERE cohort_id = ?1 AND status IN ('completed', 'exited', 'withdrawn') "
                                    "GROUP BY reason, positive ORDER BY n DESC, reason", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakExitCount *c = g_new0 (KorakExitCount, 1);

      c->reason = korak_column_dup (stmt, 0);
      c->positive = sqlite3_column_int (stmt, 1) != 0;
      c->count = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (counts, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

void
korak_progress_change_free (KorakProgressChange *change)
{
  if (change == NULL)
    return;
  g_free (change->name);
  g_free (change->latest_kind);
  g_free (change);
}

GPtrArray *
korak_store_cohort_changes (KorakStore  *store,
                            gint64       cohort_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) changes_list = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_progress_change_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  gint64 current = 0, current_assessment = 0;
  KorakProgressChange *change = NULL;
  gboolean seen_exit = FALSE;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT p.id, trim(p.given_name || ' ' || p.family_name) FROM enrolment e "
                                    "JOIN participant p ON p.id = e.participant_id WHERE e.cohort_id = ?1 "
                                    "GROUP BY p.id ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakProgressChange *c = g_new0 (KorakProgressChange, 1);

      c->participant_id = sqlite3_column_int64 (stmt, 0);
      c->name = korak_column_dup (stmt, 1);
      g_ptr_array_add (changes_list, c);
      g_hash_table_insert (by_id, &c->participant_id, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  /* Every assessment in an enrolment of this cohort, with its average,
   * person by person, oldest first: the first is the intake; the exit
   * assessment, when there is one, wins over later follow-ups. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT a.participant_id, a.id, a.kind, avg(sc.score) FROM enrolment e "
                                    "JOIN assessment a ON a.participant_id = e.participant_id "
                                    "  AND a.date >= e.start_date AND (e.end_date IS NULL OR a.date <= e.end_date) "
                                    "JOIN assessment_score sc ON sc.assessment_id = a.id "
                                    "WHERE e.cohort_id = ?1 GROUP BY e.id, a.id "
                                    "ORDER BY a.participant_id, a.date, " KIND_ORDER ", a.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pid = sqlite3_column_int64 (stmt, 0);
      gint64 aid = sqlite3_column_int64 (stmt, 1);
      const char *kind = (const char *)sqlite3_column_text (stmt, 2);
      double average = sqlite3_column_double (stmt, 3);

      if (pid != current)
        {
          current = pid;
          seen_exit = FALSE;
          change = g_hash_table_lookup (by_id, &pid);
          if (change != NULL)
            change->intake_average = average;
        }
      if (change == NULL || aid == current_assessment)
        continue;
      current_assessment = aid;
      change->n_assessments++;
      if (!seen_exit)
        {
          change->latest_average = average;
          g_free (change->latest_kind);
          change->latest_kind = g_strdup (kind);
          seen_exit = g_strcmp0 (kind, "exit") == 0;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&changes_list);
}

guint
korak_progress_change_bands (GPtrArray *changes_list,
                             guint      counts[KORAK_CHANGE_N_BANDS])
{
  guint n = 0;

  memset (counts, 0, sizeof (guint) * KORAK_CHANGE_N_BANDS);
  if (changes_list == NULL)
    return 0;

  for (guint i = 0; i < changes_list->len; i++)
    {
      const KorakProgressChange *c = g_ptr_array_index (changes_list, i);
      double d = c->latest_average - c->intake_average;
      int delta;

      if (c->n_assessments < 2)
        continue;
      delta = (int)(d >= 0 ? d + 0.5 : d - 0.5);
      counts[CLAMP (delta, -2, 4) + 2]++;
      n++;
    }
  return n;
}
