/* korak-note-links.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-note-links"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "korak-date.h"
#include "korak-note-links.h"
#include "korak-notes.h"
#include "korak-store-private.h"

#define NOW    "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
/* The staff member at the desk, when on the staff list (as korak-notes.c). */
#define ACTOR  "(SELECT id FROM staff WHERE id = korak_actor_id())"

void
korak_linked_translation_free (KorakLinkedTranslation *translation)
{
  if (translation == NULL)
    return;
  g_free (translation->text);
  g_free (translation->language);
  g_free (translation->state);
  g_free (translation);
}

/* The column of note that links it, and the subject's current text: the
 * two statements differ only by kind. */
static const char *
link_column (KorakLinkKind kind)
{
  return kind == KORAK_LINK_GOAL ? "goal_id" : "journal_entry_id";
}

static const char *
subject_text_sql (KorakLinkKind kind)
{
  return kind == KORAK_LINK_GOAL
         ? "(SELECT g.description FROM goal g WHERE g.id = n.goal_id)"
         : "(SELECT j.text FROM journal_entry j WHERE j.id = n.journal_entry_id)";
}

typedef struct
{
  char   *text;
  char   *date;            /* NULL for a goal */
  gint64  participant_id;
} Subject;

static void
subject_clear (Subject *subject)
{
  g_free (subject->text);
  g_free (subject->date);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Subject, subject_clear)

static gboolean
read_subject (KorakStore     *store,
              KorakLinkKind   kind,
              gint64          row_id,
              Subject        *subject,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    kind == KORAK_LINK_GOAL
                                    ? "SELECT g.description, p.participant_id, NULL FROM goal g "
                                      "JOIN plan p ON p.id = g.plan_id WHERE g.id = ?1"
                                    : "SELECT text, participant_id, date FROM journal_entry WHERE id = ?1",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      subject->text = korak_column_dup (stmt, 0);
      subject->participant_id = sqlite3_column_int64 (stmt, 1);
      subject->date = korak_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           kind == KORAK_LINK_GOAL
                           ? _("The goal is not stored yet. Save the plan, then translate the goal.")
                           : _("This entry no longer exists in the journal."));
      return FALSE;
    }
  return TRUE;
}

/* The oldest linked note (two desks may each have made one before they
 * exchanged their work) and its text. */
static gboolean
find_note (KorakStore     *store,
           KorakLinkKind   kind,
           gint64          row_id,
           gint64         *note_id,
           char          **text,
           GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, text FROM note WHERE %s = ?1 "
                                          "ORDER BY created_at, id LIMIT 1", link_column (kind));
  sqlite3_stmt *stmt;
  int rc;

  *note_id = 0;
  if (!(stmt = korak_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *note_id = sqlite3_column_int64 (stmt, 0);
      if (text != NULL)
        *text = korak_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return korak_store_step_ok (store, rc, error);
}

gint64
korak_store_find_linked_note (KorakStore     *store,
                              KorakLinkKind   kind,
                              gint64          row_id,
                              GError        **error)
{
  gint64 note_id = 0;

  g_return_val_if_fail (KORAK_IS_STORE (store), 0);

  if (!find_note (store, kind, row_id, &note_id, NULL, error))
    return 0;
  return note_id;
}

gboolean
korak_store_ensure_linked_note (KorakStore     *store,
                                KorakLinkKind   kind,
                                gint64          row_id,
                                const char     *language,
                                gint64         *out_note_id,
                                GError        **error)
{
  g_auto(Subject) subject = { 0 };
  g_autofree char *note_text = NULL;
  g_autofree char *tag = NULL;
  sqlite3_stmt *stmt;
  gint64 note_id = 0;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind == KORAK_LINK_GOAL || kind == KORAK_LINK_JOURNAL_ENTRY, FALSE);

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!read_subject (store, kind, row_id, &subject, error) ||
      !find_note (store, kind, row_id, &note_id, &note_text, error))
    goto failed;

  if (note_id == 0)
    {
      g_autofree char *today = korak_date_today ();
      g_autofree char *sql = NULL;

      if (language == NULL || (tag = korak_language_normalize (language)) == NULL)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                               _("Choose the language the text is written in."));
          goto failed;
        }

      sql = g_strdup_printf ("INSERT INTO note (id, participant_id, date, language, text, author_id, %s, updated_by) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, " ACTOR ", ?6, " ACTOR ")", link_column (kind));
      if (!(stmt = korak_store_prepare (store, sql, error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 2, subject.participant_id);
      korak_bind_text (stmt, 3, subject.date != NULL ? subject.date : today);
      korak_bind_text (stmt, 4, tag);
      sqlite3_bind_text (stmt, 5, subject.text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, row_id);
      if (!korak_store_insert_with_id (store, stmt, &note_id, error))
        goto failed;
    }
  else if (g_strcmp0 (note_text, subject.text) != 0)
    {
      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE note SET text = ?2, updated_at = " NOW ", updated_by = " ACTOR " "
                                        "WHERE id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, note_id);
      sqlite3_bind_text (stmt, 2, subject.text, -1, SQLITE_TRANSIENT);
      if (!korak_store_step_done (store, stmt, error) ||
          !korak_store_send_back_to_review (store, note_id, error))
        goto failed;
    }

  if (!korak_store_commit (store, error))
    return FALSE;

  if (out_note_id != NULL)
    *out_note_id = note_id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

KorakLinkedTranslation *
korak_store_get_linked_translation (KorakStore     *store,
                                    KorakLinkKind   kind,
                                    gint64          row_id,
                                    const char     *language,
                                    GError        **error)
{
  g_autofree char *tag = NULL;
  g_autofree char *sql = NULL;
  KorakLinkedTranslation *found = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (language == NULL || (tag = korak_language_normalize (language)) == NULL)
    return NULL;

  /* Of several linked notes (see find_note()), a reviewed, current
   * translation first, then the oldest note. */
  sql = g_strdup_printf ("SELECT n.id, t.id, t.text, t.language, t.review_state, "
                         "       n.text IS NOT %s AS outdated "
                         "FROM note n JOIN note_translation t ON t.note_id = n.id AND t.language = ?2 "
                         "WHERE n.%s = ?1 "
                         "ORDER BY (t.review_state = 'reviewed' AND NOT outdated) DESC, n.created_at, n.id "
                         "LIMIT 1", subject_text_sql (kind), link_column (kind));
  if (!(stmt = korak_store_prepare (store, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, row_id);
  korak_bind_text (stmt, 2, tag);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = g_new0 (KorakLinkedTranslation, 1);
      found->note_id = sqlite3_column_int64 (stmt, 0);
      found->translation_id = sqlite3_column_int64 (stmt, 1);
      found->text = korak_column_dup (stmt, 2);
      found->language = korak_column_dup (stmt, 3);
      found->state = korak_column_dup (stmt, 4);
      found->outdated = sqlite3_column_int (stmt, 5) != 0;
      found->reviewed = !found->outdated && g_strcmp0 (found->state, KORAK_TRANSLATION_REVIEWED) == 0;
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    {
      korak_linked_translation_free (found);
      return NULL;
    }

  return found;
}

char *
korak_store_participant_language (KorakStore *store,
                                  gint64      participant_id)
{
  g_autofree char *mother_tongue = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store, "SELECT mother_tongue FROM participant WHERE id = ?1", NULL)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    mother_tongue = korak_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  return mother_tongue != NULL ? korak_language_from_text (mother_tongue) : NULL;
}
