/* korak-mediators.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-mediators"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "korak-date.h"
#include "korak-mediators-private.h"
#include "korak-notes.h"
#include "korak-store-private.h"

/* ------------------------------------------------------------ checking */

gboolean
korak_mediator_check (KorakStore  *store,
                      gboolean    *present,
                      gint64       mediator_id,
                      char       **language,
                      GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (present != NULL && language != NULL, FALSE);

  if (mediator_id != 0)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (!(stmt = korak_store_prepare (store, "SELECT 1 FROM staff WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, mediator_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                               _("The chosen mediator is not on the staff list. Choose someone from the list."));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          korak_store_set_error (store, rc, error);
          return FALSE;
        }
      /* Naming the mediator says one was there. */
      *present = TRUE;
    }

  if (*language != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (*language));
      char *tag = NULL;

      if (*stripped != '\0' && !(tag = korak_language_normalize (stripped)))
        {
          /* Translators: %s is what was given as a language, e.g. “xx-1”. */
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("“%s” is not a language Korak knows. Choose the language of the conversation from the list."),
                       stripped);
          return FALSE;
        }
      g_free (*language);
      *language = tag;
    }

  return TRUE;
}

/* ------------------------------------------------------------ defaults */

gboolean
korak_store_default_mediator (KorakStore  *store,
                              gint64       participant_id,
                              gint64       cohort_id,
                              gint64      *mediator_id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (mediator_id != NULL, FALSE);

  *mediator_id = 0;
  if (participant_id != 0)
    stmt = korak_store_prepare (store,
                                "SELECT c.mediator_id FROM enrolment e JOIN cohort c ON c.id = e.cohort_id "
                                "WHERE e.participant_id = ?1 "
                                "ORDER BY e.status = 'active' DESC, e.start_date DESC, e.id LIMIT 1", error);
  else
    stmt = korak_store_prepare (store, "SELECT mediator_id FROM cohort WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, participant_id != 0 ? participant_id : cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *mediator_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return korak_store_step_ok (store, rc, error);
}

GStrv
korak_store_mediator_languages (KorakStore  *store,
                                gint64       participant_id,
                                gint64       cohort_id,
                                GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_auto(GStrv) rest = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  /* korak_store_note_languages() already puts a participant's own first. */
  if (participant_id != 0 || cohort_id == 0)
    return korak_store_note_languages (store, participant_id, error);

  if (!(rest = korak_store_note_languages (store, 0, error)))
    return NULL;

  first = g_ptr_array_new_with_free_func (g_free);
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT p.mother_tongue, count(*) FROM enrolment e "
                                    "JOIN participant p ON p.id = e.participant_id "
                                    "WHERE e.cohort_id = ?1 AND e.status = 'active' AND p.needs_mediator = 1 "
                                    "AND p.mother_tongue IS NOT NULL "
                                    "GROUP BY p.mother_tongue ORDER BY count(*) DESC, p.mother_tongue", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *tag = korak_language_from_text ((const char *)sqlite3_column_text (stmt, 0));

      if (tag != NULL && !g_ptr_array_find_with_equal_func (first, tag, g_str_equal, NULL))
        g_ptr_array_add (first, g_steal_pointer (&tag));
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < first->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (first, i));
  for (guint i = 0; rest[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (first, rest[i], g_str_equal, NULL))
      g_strv_builder_add (builder, rest[i]);

  return g_strv_builder_end (builder);
}

/* -------------------------------------------------------------- totals */

void
korak_mediator_hours_free (KorakMediatorHours *hours)
{
  if (hours == NULL)
    return;

  g_free (hours->cohort_name);
  g_free (hours->mediator_name);
  g_free (hours->language);
  g_free (hours);
}

void
korak_mediator_summary_free (KorakMediatorSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->rows, g_ptr_array_unref);
  g_clear_pointer (&summary->by_mediator, g_ptr_array_unref);
  g_clear_pointer (&summary->by_language, g_ptr_array_unref);
  korak_mediator_hours_free (summary->total);
  g_free (summary);
}

double
korak_mediator_hours_total (const KorakMediatorHours *hours)
{
  g_return_val_if_fail (hours != NULL, 0);

  return hours->group_hours + hours->individual_hours;
}

#define MINUTES(col) "(CAST(substr(" col ", 1, 2) AS INTEGER) * 60 + CAST(substr(" col ", 4, 2) AS INTEGER))"

/* The cohort an assessment or a participant's note of @date belongs to:
 * the enrolment that covers the date, else the latest. */
#define COHORT_ON(participant, date) \
  "coalesce((SELECT e.cohort_id FROM enrolment e WHERE e.participant_id = " participant " " \
  "          AND " date " BETWEEN e.start_date AND coalesce(e.end_date, '9999-12-31') " \
  "          ORDER BY e.start_date DESC, e.id LIMIT 1), " \
  "         (SELECT e.cohort_id FROM enrolment e WHERE e.participant_id = " participant " " \
  "          ORDER BY e.start_date DESC, e.id LIMIT 1))"

/* Each part gives: cohort, mediator, language, what (0 group session,
 * 1 individual session, 2 assessment, 3 note), count, minutes. Held
 * sessions with a named mediator come through the session_mediator
 * index; the few "present, not recorded which" through the cohort's
 * dates when a cohort is asked for. For one cohort, only its members'
 * assessments and notes are placed in a cohort at all: anyone else's
 * could only land in another (the filter outside keeps the answer the
 * same, and the cohort page asks for one cohort each time it shows one). */
static const char mediator_hours_sql[] =
  "SELECT t.cohort_id, c.name, t.mediator_id, "
  "       CASE WHEN m.id IS NULL THEN NULL ELSE trim(m.given_name || ' ' || m.family_name) END, "
  "       t.language, t.what, t.n, t.minutes "
  "FROM ("
  "  SELECT s.cohort_id AS cohort_id, s.mediator_id AS mediator_id, s.conversation_language AS language, "
  "         s.kind = 'individual' AS what, count(*) AS n, "
  "         sum(" MINUTES ("s.end_time") " - " MINUTES ("s.start_time") ") AS minutes "
  "  FROM session s INDEXED BY session_mediator "
  "  WHERE s.mediator_id > 0 AND s.date BETWEEN ?2 AND ?3 AND s.cancelled_reason IS NULL "
  "    AND (?1 = 0 OR s.cohort_id = ?1) "
  "  GROUP BY 1, 2, 3, 4 "
  "  UNION ALL "
  "  SELECT s.cohort_id, NULL, s.conversation_language, s.kind = 'individual', count(*), "
  "         sum(" MINUTES ("s.end_time") " - " MINUTES ("s.start_time") ") "
  "  FROM session s "
  "  WHERE s.mediator_present = 1 AND s.mediator_id IS NULL AND s.date BETWEEN ?2 AND ?3 "
  "    AND s.cancelled_reason IS NULL AND (?1 = 0 OR s.cohort_id = ?1) "
  "  GROUP BY 1, 2, 3, 4 "
  "  UNION ALL "
  "  SELECT coalesce(" COHORT_ON ("a.participant_id", "a.date") ", 0), a.mediator_id, a.conversation_language, "
  "         2, count(*), 0 "
  "  FROM assessment a "
  "  WHERE a.mediator_present = 1 AND a.date BETWEEN ?2 AND ?3 "
  "    AND (?1 = 0 OR a.participant_id IN (SELECT participant_id FROM enrolment WHERE cohort_id = ?1)) "
  "  GROUP BY 1, 2, 3 "
  "  UNION ALL "
  "  SELECT coalesce(n.cohort_id, " COHORT_ON ("n.participant_id", "n.date") ", 0), n.mediator_id, "
  "         n.conversation_language, 3, count(*), 0 "
  "  FROM note n "
  "  WHERE n.mediator_present = 1 AND n.date BETWEEN ?2 AND ?3 "
  "    AND (?1 = 0 OR n.cohort_id = ?1 "
  "         OR n.participant_id IN (SELECT participant_id FROM enrolment WHERE cohort_id = ?1)) "
  "  GROUP BY 1, 2, 3 "
  ") t "
  "LEFT JOIN cohort c ON c.id = t.cohort_id "
  "LEFT JOIN staff m ON m.id = t.mediator_id "
  "WHERE ?1 = 0 OR t.cohort_id = ?1";

/* The same statement for one cohort, where the cohort's own index finds
 * its sessions faster than the mediators' one. */
static char *
cohort_sql (void)
{
  GString *sql = g_string_new (mediator_hours_sql);

  g_string_replace (sql, "FROM session s INDEXED BY session_mediator ", "FROM session s INDEXED BY session_cohort_date ", 1);
  g_string_replace (sql, "AND (?1 = 0 OR s.cohort_id = ?1)", "AND s.cohort_id = ?1", 0);
  return g_string_free (sql, FALSE);
}

static KorakMediatorHours *
hours_new (gint64      cohort_id,
           const char *cohort_name,
           gint64      mediator_id,
           const char *mediator_name,
           const char *language)
{
  KorakMediatorHours *h = g_new0 (KorakMediatorHours, 1);

  h->cohort_id = cohort_id;
  h->cohort_name = g_strdup (cohort_name);
  h->mediator_id = mediator_id;
  h->mediator_name = g_strdup (mediator_name);
  h->language = g_strdup (language);
  return h;
}

static void
hours_add (KorakMediatorHours       *to,
           const KorakMediatorHours *from)
{
  to->group_hours += from->group_hours;
  to->individual_hours += from->individual_hours;
  to->n_sessions += from->n_sessions;
  to->n_individual += from->n_individual;
  to->n_assessments += from->n_assessments;
  to->n_notes += from->n_notes;
}

/* Finds or adds the line for @key in @lines. */
static KorakMediatorHours *
line_for (GHashTable *index,
          GPtrArray  *lines,
          char       *key,            /* (transfer full) */
          gint64      cohort_id,
          const char *cohort_name,
          gint64      mediator_id,
          const char *mediator_name,
          const char *language)
{
  KorakMediatorHours *h = g_hash_table_lookup (index, key);

  if (h != NULL)
    {
      g_free (key);
      return h;
    }

  h = hours_new (cohort_id, cohort_name, mediator_id, mediator_name, language);
  g_ptr_array_add (lines, h);
  g_hash_table_insert (index, key, h);
  return h;
}

/* Not recorded (0, NULL) sorts after everything named. */
static int
compare_names (const char *a,
               gboolean    a_missing,
               const char *b,
               gboolean    b_missing)
{
  if (a_missing != b_missing)
    return a_missing ? 1 : -1;
  return g_utf8_collate (a ? a : "", b ? b : "");
}

static int
compare_mediators (const KorakMediatorHours *a,
                   const KorakMediatorHours *b)
{
  int c = compare_names (a->mediator_name, a->mediator_id == 0, b->mediator_name, b->mediator_id == 0);

  return c != 0 ? c : (a->mediator_id > b->mediator_id) - (a->mediator_id < b->mediator_id);
}

static int
compare_languages (const KorakMediatorHours *a,
                   const KorakMediatorHours *b)
{
  return compare_names (a->language ? korak_language_name (a->language) : NULL, a->language == NULL,
                        b->language ? korak_language_name (b->language) : NULL, b->language == NULL);
}

static int
compare_rows (gconstpointer pa,
              gconstpointer pb)
{
  const KorakMediatorHours *a = *(KorakMediatorHours **)pa;
  const KorakMediatorHours *b = *(KorakMediatorHours **)pb;
  int c = compare_names (a->cohort_name, a->cohort_id == 0, b->cohort_name, b->cohort_id == 0);

  if (c == 0)
    c = (a->cohort_id > b->cohort_id) - (a->cohort_id < b->cohort_id);
  if (c == 0)
    c = compare_mediators (a, b);
  if (c == 0)
    c = compare_languages (a, b);
  return c;
}

static int
compare_by_mediator (gconstpointer pa,
                     gconstpointer pb)
{
  return compare_mediators (*(KorakMediatorHours **)pa, *(KorakMediatorHours **)pb);
}

static int
compare_by_language (gconstpointer pa,
                     gconstpointer pb)
{
  return compare_languages (*(KorakMediatorHours **)pa, *(KorakMediatorHours **)pb);
}

KorakMediatorSummary *
korak_store_mediator_hours (KorakStore  *store,
                            gint64       cohort_id,
                            const char  *from,
                            const char  *to,
                            GError     **error)
{
  g_autoptr(KorakMediatorSummary) summary = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) mediators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *not_recorded = _("Mediator not recorded");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if ((from != NULL && !korak_date_is_iso (from)) || (to != NULL && !korak_date_is_iso (to)))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Give the first and the last day as dates, for example 2026-09-01 and 2026-12-31."));
      return NULL;
    }
  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("The first day is after the last one. Swap them or choose other days."));
      return NULL;
    }

  if (cohort_id != 0)
    {
      g_autofree char *sql = cohort_sql ();

      stmt = korak_store_prepare (store, sql, error);
    }
  else
    stmt = korak_store_prepare (store, mediator_hours_sql, error);
  if (stmt == NULL)
    return NULL;

  summary = g_new0 (KorakMediatorSummary, 1);
  summary->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_mediator_hours_free);
  summary->by_mediator = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_mediator_hours_free);
  summary->by_language = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_mediator_hours_free);
  summary->total = hours_new (0, NULL, 0, NULL, NULL);

  sqlite3_bind_int64 (stmt, 1, cohort_id);
  sqlite3_bind_text (stmt, 2, from ? from : "0000-01-01", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to ? to : "9999-12-31", -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 cohort = sqlite3_column_int64 (stmt, 0);
      const char *cohort_name = (const char *)sqlite3_column_text (stmt, 1);
      gint64 mediator = sqlite3_column_int64 (stmt, 2);
      const char *name = (const char *)sqlite3_column_text (stmt, 3);
      const char *language = (const char *)sqlite3_column_text (stmt, 4);
      int what = sqlite3_column_int (stmt, 5);
      int n = sqlite3_column_int (stmt, 6);
      double hours = sqlite3_column_int64 (stmt, 7) / 60.0;
      KorakMediatorHours part = { 0 };
      KorakMediatorHours *line;

      /* A mediator since removed from the staff list is not recorded any more. */
      if (name == NULL)
        {
          mediator = 0;
          name = not_recorded;
        }
      if (cohort_name == NULL)
        cohort = 0;

      switch (what)
        {
        case 0:
          part.group_hours = hours;
          part.n_sessions = n;
          break;
        case 1:
          part.individual_hours = hours;
          part.n_individual = n;
          break;
        case 2:
          part.n_assessments = n;
          break;
        default:
          part.n_notes = n;
          break;
        }

      line = line_for (rows, summary->rows,
                       g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s", cohort, mediator,
                                        language ? language : ""),
                       cohort, cohort != 0 ? cohort_name : _("No cohort"), mediator, name, language);
      hours_add (line, &part);
      line = line_for (mediators, summary->by_mediator, g_strdup_printf ("%" G_GINT64_FORMAT, mediator),
                       0, NULL, mediator, name, NULL);
      hours_add (line, &part);
      line = line_for (languages, summary->by_language, g_strdup (language ? language : ""),
                       0, NULL, 0, NULL, language);
      hours_add (line, &part);
      hours_add (summary->total, &part);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  g_ptr_array_sort (summary->rows, compare_rows);
  g_ptr_array_sort (summary->by_mediator, compare_by_mediator);
  g_ptr_array_sort (summary->by_language, compare_by_language);

  return g_steal_pointer (&summary);
}
