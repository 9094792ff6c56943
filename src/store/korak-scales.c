/* korak-scales.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-scales"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "korak-notes.h"
#include "korak-scales.h"
#include "korak-scales-private.h"
#include "korak-store-private.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
/* The staff member at the desk, when on the staff list (see korak-notes.c). */
#define ACTOR "(SELECT id FROM staff WHERE id = korak_actor_id())"
#define MAX_DESCRIPTION 300

typedef struct
{
  const char *area;       /* as migration 3 seeded it */
  int         from, to;
  const char *text;
} SeededBand;

/* Four bands for each seeded area, in English, marked for translation. */
static const SeededBand seeded_bands[] = {
  { "Communication", 1, 3, N_("Speaks only when asked, in few words; needs help to be understood.") },
  { "Communication", 4, 5, N_("Talks in the group when encouraged; explains simple needs.") },
  { "Communication", 6, 7, N_("Takes part in conversations; asks when something is unclear.") },
  { "Communication", 8, 10, N_("Speaks up for own needs with strangers and at offices.") },
  { "Self-confidence and motivation", 1, 3, N_("Doubts own abilities; comes only when reminded.") },
  { "Self-confidence and motivation", 4, 5, N_("Comes regularly; tries new tasks with encouragement.") },
  { "Self-confidence and motivation", 6, 7, N_("Names own strengths; sets small goals and keeps to them.") },
  { "Self-confidence and motivation", 8, 10, N_("Plans own next steps and follows them through.") },
  { "Slovenian language", 1, 3, N_("Understands a few words; needs a mediator for most things.") },
  { "Slovenian language", 4, 5, N_("Understands simple everyday talk; answers in short phrases.") },
  { "Slovenian language", 6, 7, N_("Manages everyday conversations; reads simple notices.") },
  { "Slovenian language", 8, 10, N_("Deals with offices and forms in Slovenian without a mediator.") },
  { "Digital skills", 1, 3, N_("Uses a phone for calls only.") },
  { "Digital skills", 4, 5, N_("Sends messages and photos; opens a web page with help.") },
  { "Digital skills", 6, 7, N_("Writes e-mails and finds information online.") },
  { "Digital skills", 8, 10, N_("Uses e-government services without help.") },
  { "Financial literacy", 1, 3, N_("Does not know the household's monthly income and costs.") },
  { "Financial literacy", 4, 5, N_("Knows the main bills and when they are due.") },
  { "Financial literacy", 6, 7, N_("Keeps a simple household budget.") },
  { "Financial literacy", 8, 10, N_("Plans spending and saving; pays off debts to a plan.") },
  { "Everyday procedures", 1, 3, N_("Needs someone to come along to offices.") },
  { "Everyday procedures", 4, 5, N_("Fills in simple forms with help.") },
  { "Everyday procedures", 6, 7, N_("Makes appointments and fills in forms alone.") },
  { "Everyday procedures", 8, 10, N_("Deals with offices and institutions without help.") },
  { "Health and well-being", 1, 3, N_("Health problems often get in the way of taking part.") },
  { "Health and well-being", 4, 5, N_("Knows where to get help with health.") },
  { "Health and well-being", 6, 7, N_("Looks after own health; keeps medical appointments.") },
  { "Health and well-being", 8, 10, N_("Takes care of own health and well-being as a habit.") },
  { "Teamwork", 1, 3, N_("Prefers to work alone; keeps away from the group.") },
  { "Teamwork", 4, 5, N_("Works in a pair or a small group when asked.") },
  { "Teamwork", 6, 7, N_("Shares tasks and helps others in the group.") },
  { "Teamwork", 8, 10, N_("Takes a role in the group and helps settle disagreements.") },
  { "Work habits", 1, 3, N_("Often late or absent without telling anyone.") },
  { "Work habits", 4, 5, N_("Mostly on time; lets others know when absent.") },
  { "Work habits", 6, 7, N_("Reliable and on time; finishes tasks.") },
  { "Work habits", 8, 10, N_("Keeps the habits of a full working day.") },
  { "Job search", 1, 3, N_("Has no clear idea of what work to look for.") },
  { "Job search", 4, 5, N_("Knows what work fits; has a CV made with help.") },
  { "Job search", 6, 7, N_("Applies for jobs; prepares for interviews.") },
  { "Job search", 8, 10, N_("Searches and applies for jobs independently.") },
};

/* ---------------------------------------------------------------- records */

static void
band_translation_free (KorakBandTranslation *translation)
{
  if (translation == NULL)
    return;
  g_free (translation->language);
  g_free (translation->text);
  g_free (translation);
}

KorakBandRecord *
korak_band_record_new (void)
{
  KorakBandRecord *record = g_new0 (KorakBandRecord, 1);

  record->translations = g_ptr_array_new_with_free_func ((GDestroyNotify)band_translation_free);
  return record;
}

KorakBandRecord *
korak_band_record_copy (const KorakBandRecord *record)
{
  KorakBandRecord *copy;

  if (record == NULL)
    return NULL;

  copy = korak_band_record_new ();
  copy->id = record->id;
  copy->area_id = record->area_id;
  copy->score_from = record->score_from;
  copy->score_to = record->score_to;
  copy->description = g_strdup (record->description);
  for (guint i = 0; record->translations != NULL && i < record->translations->len; i++)
    {
      const KorakBandTranslation *t = g_ptr_array_index (record->translations, i);

      korak_band_record_set_translation (copy, t->language, t->text);
    }
  return copy;
}

void
korak_band_record_free (KorakBandRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->description);
  g_clear_pointer (&record->translations, g_ptr_array_unref);
  g_free (record);
}

void
korak_band_record_set_translation (KorakBandRecord *record,
                                   const char      *language,
                                   const char      *text)
{
  g_autofree char *stripped = NULL;
  KorakBandTranslation *translation;

  g_return_if_fail (record != NULL);
  g_return_if_fail (language != NULL);

  if (record->translations == NULL)
    record->translations = g_ptr_array_new_with_free_func ((GDestroyNotify)band_translation_free);

  for (guint i = 0; i < record->translations->len; i++)
    if (g_str_equal (((KorakBandTranslation *)g_ptr_array_index (record->translations, i))->language, language))
      {
        g_ptr_array_remove_index (record->translations, i);
        break;
      }

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (stripped[0] == '\0')
    return;

  translation = g_new0 (KorakBandTranslation, 1);
  translation->language = g_strdup (language);
  translation->text = g_steal_pointer (&stripped);
  g_ptr_array_add (record->translations, translation);
}

const char *
korak_band_record_get_translation (const KorakBandRecord *record,
                                   const char            *language)
{
  g_return_val_if_fail (record != NULL, NULL);

  for (guint i = 0; language != NULL && record->translations != NULL && i < record->translations->len; i++)
    {
      const KorakBandTranslation *t = g_ptr_array_index (record->translations, i);

      if (g_str_equal (t->language, language))
        return t->text;
    }
  return NULL;
}

gboolean
korak_scale_band_is_seeded (const char *description)
{
  for (guint i = 0; description != NULL && i < G_N_ELEMENTS (seeded_bands); i++)
    if (g_str_equal (seeded_bands[i].text, description))
      return TRUE;
  return FALSE;
}

const char *
korak_scale_band_label (const char *description)
{
  if (description == NULL)
    return "";
  return korak_scale_band_is_seeded (description) ? _(description) : description;
}

/* ---------------------------------------------------------------- seeding */

/* Seeded bands take an id derived from their area's seeded name and first
 * score, not a random one: each desk runs this migration on its own, and
 * the same band must be the same row on every desk when they exchange
 * changes. (The name, not the area's id: migration 3 drew the seeded
 * areas' ids at random, so they differ from desk to desk.) */
static gint64
seeded_id (const char *area,
           int         score_from)
{
  g_autofree char *key = g_strdup_printf ("korak-band:%s:%d", area, score_from);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  guint64 value = 0;

  g_checksum_update (checksum, (const guchar *)key, -1);
  g_checksum_get_digest (checksum, digest, &length);
  for (guint i = 0; i < 8; i++)
    value = (value << 8) | digest[i];

  return (gint64)(value & ((G_GUINT64_CONSTANT (1) << 62) - 1)) + 1;
}

gboolean
korak_scales_seed (sqlite3  *db,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *area = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT OR IGNORE INTO competency_band (id, area_id, score_from, score_to, description) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT id FROM competency_area WHERE name = ?1", -1, &area, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (seeded_bands); i++)
    {
      gint64 area_id = 0;

      sqlite3_bind_text (area, 1, seeded_bands[i].area, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (area)) == SQLITE_ROW)
        area_id = sqlite3_column_int64 (area, 0);
      rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? SQLITE_OK : rc;
      sqlite3_reset (area);
      /* An organisation that renamed or removed the area keeps its own. */
      if (rc != SQLITE_OK || area_id == 0)
        continue;

      sqlite3_bind_int64 (stmt, 1, seeded_id (seeded_bands[i].area, seeded_bands[i].from));
      sqlite3_bind_int64 (stmt, 2, area_id);
      sqlite3_bind_int (stmt, 3, seeded_bands[i].from);
      sqlite3_bind_int (stmt, 4, seeded_bands[i].to);
      sqlite3_bind_text (stmt, 5, seeded_bands[i].text, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (area);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      korak_error_from_sqlite (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- reading */

#define BAND_SELECT \
  "SELECT b.id, b.area_id, b.score_from, b.score_to, b.description FROM competency_band b " \
  "JOIN competency_area a ON a.id = b.area_id "

static gboolean
read_translations (KorakStore       *store,
                   KorakBandRecord  *record,
                   GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT language, text FROM competency_band_translation "
                                    "WHERE band_id = ?1 ORDER BY language", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    korak_band_record_set_translation (record, (const char *)sqlite3_column_text (stmt, 0),
                                       (const char *)sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  return korak_store_step_ok (store, rc, error);
}

static GPtrArray *
list_bands (KorakStore  *store,
            const char  *sql,
            gint64       area_id,
            int          score,
            GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_band_record_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, area_id);
  sqlite3_bind_int (stmt, 2, score);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakBandRecord *record = korak_band_record_new ();

      record->id = sqlite3_column_int64 (stmt, 0);
      record->area_id = sqlite3_column_int64 (stmt, 1);
      record->score_from = sqlite3_column_int (stmt, 2);
      record->score_to = sqlite3_column_int (stmt, 3);
      record->description = korak_column_dup (stmt, 4);
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  for (guint i = 0; i < records->len; i++)
    if (!read_translations (store, g_ptr_array_index (records, i), error))
      return NULL;

  return g_steal_pointer (&records);
}

GPtrArray *
korak_store_list_bands (KorakStore  *store,
                        gint64       area_id,
                        GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  return list_bands (store, BAND_SELECT "WHERE (?1 = 0 OR b.area_id = ?1) AND ?2 = 0 "
                     "ORDER BY a.ordinal, a.id, b.score_from", area_id, 0, error);
}

KorakBandRecord *
korak_store_find_band (KorakStore  *store,
                       gint64       area_id,
                       int          score,
                       GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  found = list_bands (store, BAND_SELECT "WHERE b.area_id = ?1 AND ?2 BETWEEN b.score_from AND b.score_to "
                      "ORDER BY b.score_from LIMIT 1", area_id, score, error);
  if (found == NULL || found->len == 0)
    return NULL;
  return korak_band_record_copy (g_ptr_array_index (found, 0));
}

char *
korak_store_describe_score (KorakStore *store,
                            gint64      area_id,
                            int         score)
{
  g_autoptr(KorakBandRecord) band = korak_store_find_band (store, area_id, score, NULL);

  return band != NULL ? g_strdup (korak_scale_band_label (band->description)) : NULL;
}

/* ---------------------------------------------------------------- writing */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* A description or its translation: valid UTF-8, one line, not empty,
 * at most MAX_DESCRIPTION characters; @out is it trimmed. */
static gboolean
check_text (const char  *text,
            char       **out,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return invalid (error, _("The description holds characters that are not valid text. Type it again, or paste it as plain text."));
  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (stripped[0] == '\0')
    return invalid (error, _("Enter a short description of what the score means."));
  if (strpbrk (stripped, "\r\n") != NULL)
    return invalid (error, _("A description of a score is one line. Remove the line breaks."));
  if (g_utf8_strlen (stripped, -1) > MAX_DESCRIPTION)
    {
      /* Translators: %d is the most characters allowed, e.g. 300. */
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("A description of a score can be at most %d characters long. "
                     "Shorten it; the participant reads it at a glance."), MAX_DESCRIPTION);
      return FALSE;
    }
  *out = g_steal_pointer (&stripped);
  return TRUE;
}

gboolean
korak_store_save_band (KorakStore       *store,
                       KorakBandRecord  *record,
                       GError          **error)
{
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (record->area_id == 0)
    return invalid (error, _("Choose the competency area of the description."));
  if (record->score_from < 1 || record->score_from > 10 || record->score_to < 1 || record->score_to > 10)
    return invalid (error, _("A description covers scores from 1 to 10."));
  if (record->score_to < record->score_from)
    return invalid (error, _("The last score of a description cannot be below its first."));
  if (!check_text (record->description, &description, error))
    return FALSE;

  for (guint i = 0; record->translations != NULL && i < record->translations->len; i++)
    {
      const KorakBandTranslation *t = g_ptr_array_index (record->translations, i);
      g_autofree char *text = NULL;
      char *tag = korak_language_normalize (t->language);

      if (tag == NULL)
        return invalid (error, _("A translation of a description needs a valid language."));
      g_ptr_array_add (languages, tag);
      if (!check_text (t->text, &text, error))
        {
          /* Translators: %s is a language, e.g. “Arabic”; a message follows. */
          g_prefix_error (error, _("Translation into %s: "), korak_language_name (tag));
          return FALSE;
        }
    }

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store, "SELECT 1 FROM competency_area WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record->area_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (korak_store_step_ok (store, rc, error))
        g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                             _("The competency area no longer exists."));
      goto failed;
    }

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT score_from, score_to FROM competency_band WHERE area_id = ?1 AND id != ?2 "
                                    "AND score_from <= ?4 AND score_to >= ?3", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record->area_id);
  sqlite3_bind_int64 (stmt, 2, record->id);
  sqlite3_bind_int (stmt, 3, record->score_from);
  sqlite3_bind_int (stmt, 4, record->score_to);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      int from = sqlite3_column_int (stmt, 0), to = sqlite3_column_int (stmt, 1);

      sqlite3_reset (stmt);
      if (from == to)
        g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                     _("Score %d already has a description. Change that one, or choose other scores."), from);
      else
        g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                     _("Scores %d to %d already have a description. Change that one, or choose other scores."),
                     from, to);
      goto failed;
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    goto failed;

  id = record->id;
  if (id == 0)
    {
      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO competency_band (id, area_id, score_from, score_to, description, updated_by) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, " ACTOR ")", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 2, record->area_id);
      sqlite3_bind_int (stmt, 3, record->score_from);
      sqlite3_bind_int (stmt, 4, record->score_to);
      korak_bind_text (stmt, 5, description);
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE competency_band SET area_id = ?2, score_from = ?3, score_to = ?4, "
                                        "description = ?5, updated_at = " NOW ", updated_by = " ACTOR " "
                                        "WHERE id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, record->area_id);
      sqlite3_bind_int (stmt, 3, record->score_from);
      sqlite3_bind_int (stmt, 4, record->score_to);
      korak_bind_text (stmt, 5, description);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      if (sqlite3_changes (korak_store_get_db (store)) == 0)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                               _("The description was removed meanwhile."));
          goto failed;
        }
    }

  /* Translations: the ones given replace what was there. */
  if (!(stmt = korak_store_prepare (store, "DELETE FROM competency_band_translation WHERE band_id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;
  for (guint i = 0; record->translations != NULL && i < record->translations->len; i++)
    {
      const KorakBandTranslation *t = g_ptr_array_index (record->translations, i);
      gint64 tid;

      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO competency_band_translation (id, band_id, language, text, updated_by) "
                                        "VALUES (?1, ?2, ?3, ?4, " ACTOR ") "
                                        "ON CONFLICT (band_id, language) DO UPDATE SET text = excluded.text", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 2, id);
      g_autofree char *text = g_strstrip (g_strdup (t->text));

      korak_bind_text (stmt, 3, g_ptr_array_index (languages, i));
      korak_bind_text (stmt, 4, text);
      if (!korak_store_insert_with_id (store, stmt, &tid, error))
        goto failed;
    }

  if (!korak_store_commit (store, error))
    return FALSE;

  record->id = id;
  g_free (record->description);
  record->description = g_steal_pointer (&description);
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_delete_band (KorakStore  *store,
                         gint64       band_id,
                         GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  return korak_store_delete_by_id (store, "DELETE FROM competency_band WHERE id = ?1", band_id,
                                   _("The description was removed meanwhile."), error);
}
