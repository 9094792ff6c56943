/* test-scales.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scales with words (korak-scales.c) and the translations of goals and
 * small wins through linked notes (korak-note-links.c), in the store.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "korak-note-links.h"
#include "korak-notes.h"
#include "korak-plan.h"
#include "korak-scales.h"
#include "korak-store-private.h"

#define ANA    5001
#define LEJLA  104

typedef struct
{
  char       *dir;
  KorakStore *store;
} Fixture;

static void
exec_ok (KorakStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  korak_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

G_GNUC_PRINTF (2, 3)
static gint64
query_int (KorakStore *store,
           const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static KorakStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  KorakStore *store = korak_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
remove_db (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  g_remove (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("korak-scales-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f->dir, "korak.db");
  exec_ok (f->store,
           "INSERT INTO staff (id, given_name, family_name, role) VALUES (104, 'Lejla', 'Mediator', 'mediator');"
           "INSERT INTO participant (id, given_name, family_name, status, mother_tongue) "
           "  VALUES (5001, 'Amina', 'Hadžić', 'active', 'arabščina');");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_db (f->dir, "korak.db");
  remove_db (f->dir, "other.db");
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
area_id (KorakStore *store,
         const char *name)
{
  gint64 id = query_int (store, "SELECT id FROM competency_area WHERE name = '%s'", name);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* ------------------------------------------------------------- scales */

static void
test_seeded (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KorakStore) other = open_store (f->dir, "other.db");
  g_autoptr(GPtrArray) bands = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nine = NULL;
  gint64 digital = area_id (f->store, "Digital skills");

  /* Four seeded bands per seeded area (ten areas). */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM competency_band"), ==, 40);
  bands = korak_store_list_bands (f->store, digital, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bands->len, ==, 4);
  g_assert_true (korak_scale_band_is_seeded (((KorakBandRecord *)g_ptr_array_index (bands, 3))->description));

  nine = korak_store_describe_score (f->store, digital, 9);
  g_assert_cmpstr (nine, ==, "Uses e-government services without help.");
  g_assert_null (korak_store_describe_score (f->store, digital, 0));

  /* The same band is the same row on every desk, though the areas' ids
   * were drawn at random. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM competency_band"),
                   ==, query_int (other, "SELECT count(*) FROM competency_band"));
  for (int from = 1; from <= 8; from++)
    {
#define BAND_ID "SELECT b.id FROM competency_band b JOIN competency_area a ON a.id = b.area_id " \
                "WHERE a.name = 'Teamwork' AND b.score_from = %d"
      gint64 here = query_int (f->store, BAND_ID, from);

      g_assert_cmpint (here, ==, query_int (other, BAND_ID, from));
#undef BAND_ID
    }
  g_assert_cmpint (query_int (f->store, "SELECT total(id) FROM competency_band"),
                   ==, query_int (other, "SELECT total(id) FROM competency_band"));
}

static void
test_save_band (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KorakBandRecord) band = korak_band_record_new ();
  g_autoptr(KorakBandRecord) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = NULL;
  gint64 digital = area_id (f->store, "Digital skills");
  gint64 before = query_int (f->store, "SELECT count(*) FROM competency_band");

  /* Overlapping 8–10: refused, nothing stored. */
  band->area_id = digital;
  band->score_from = 9;
  band->score_to = 10;
  band->description = g_strdup ("Helps others with online forms");
  g_assert_false (korak_store_save_band (f->store, band, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "8 to 10"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM competency_band"), ==, before);

  /* Empty, too long (10,000 characters), two lines, backwards. */
  g_free (band->description);
  band->description = g_strdup ("   ");
  g_assert_false (korak_store_save_band (f->store, band, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  long_text = g_strnfill (10000, 'a');
  g_free (band->description);
  band->description = g_strdup (long_text);
  g_assert_false (korak_store_save_band (f->store, band, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "300"));
  g_clear_error (&error);
  g_free (band->description);
  band->description = g_strdup ("one\ntwo");
  g_assert_false (korak_store_save_band (f->store, band, &error));
  g_clear_error (&error);
  band->score_from = 7;
  band->score_to = 5;
  g_free (band->description);
  band->description = g_strdup ("Backwards");
  g_assert_false (korak_store_save_band (f->store, band, &error));
  g_clear_error (&error);

  /* Move the seeded 8–10 to 9–10, then a new 8 with an emoji and an
   * Arabic translation (right to left). */
  found = korak_store_find_band (f->store, digital, 9, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->score_from, ==, 8);
  found->score_from = 9;
  g_assert_true (korak_store_save_band (f->store, found, &error));
  g_assert_no_error (error);
  g_assert_true (korak_scale_band_is_seeded (found->description));

  band->score_from = 8;
  band->score_to = 8;
  g_free (band->description);
  band->description = g_strdup ("  Pays bills online 💳  ");
  korak_band_record_set_translation (band, "ar", "يدفع الفواتير عبر الإنترنت");
  korak_band_record_set_translation (band, "sq", "Paguan faturat në internet");
  g_assert_true (korak_store_save_band (f->store, band, &error));
  g_assert_no_error (error);
  g_assert_cmpint (band->id, >, 0);
  g_assert_cmpstr (band->description, ==, "Pays bills online 💳");
  g_clear_pointer (&found, korak_band_record_free);
  found = korak_store_find_band (f->store, digital, 8, &error);
  g_assert_cmpint (found->id, ==, band->id);
  g_assert_cmpuint (found->translations->len, ==, 2);
  g_assert_cmpstr (korak_band_record_get_translation (found, "ar"), ==, "يدفع الفواتير عبر الإنترنت");

  /* Translations given replace the stored ones. */
  korak_band_record_set_translation (band, "sq", NULL);
  korak_band_record_set_translation (band, "ar", "يدفع فواتيره بنفسه");
  korak_band_record_set_translation (band, "bs", "Plaća račune putem interneta");
  g_assert_true (korak_store_save_band (f->store, band, &error));
  g_assert_no_error (error);
  g_clear_pointer (&found, korak_band_record_free);
  found = korak_store_find_band (f->store, digital, 8, &error);
  g_assert_cmpuint (found->translations->len, ==, 2);
  g_assert_null (korak_band_record_get_translation (found, "sq"));
  g_assert_cmpstr (korak_band_record_get_translation (found, "ar"), ==, "يدفع فواتيره بنفسه");
  g_assert_cmpstr (korak_band_record_get_translation (found, "bs"), ==, "Plaća račune putem interneta");
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM competency_band_translation WHERE band_id = %"
                              G_GINT64_FORMAT, band->id), ==, 2);

  /* A translation too long is refused, naming its language; nothing changes. */
  korak_band_record_set_translation (band, "bs", long_text);
  g_assert_false (korak_store_save_band (f->store, band, &error));
  g_assert_nonnull (strstr (error->message, "Bosnian"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM competency_band_translation WHERE band_id = %"
                              G_GINT64_FORMAT, band->id), ==, 2);

  /* Deleted, then back (as Undo does: a copy saved anew). */
  g_clear_pointer (&found, korak_band_record_free);
  found = korak_store_find_band (f->store, digital, 8, &error);
  g_assert_true (korak_store_delete_band (f->store, found->id, &error));
  g_assert_no_error (error);
  g_assert_null (korak_store_find_band (f->store, digital, 8, &error));
  g_assert_no_error (error);
  found->id = 0;
  g_assert_true (korak_store_save_band (f->store, found, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM competency_band_translation WHERE band_id = %"
                              G_GINT64_FORMAT, found->id), ==, 2);
}

/* ------------------------------------------------------- linked notes */

static gint64
write_goal (Fixture    *f,
            const char *description)
{
  g_autoptr(KorakPlanRecord) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = korak_store_get_plan (f->store, ANA, &error);
  g_assert_no_error (error);
  if (plan->goals->len == 0)
    korak_plan_record_add_goal (plan, "functional", description, NULL);
  else
    {
      KorakGoalRecord *goal = g_ptr_array_index (plan->goals, 0);

      g_free (goal->description);
      goal->description = g_strdup (description);
    }
  g_assert_true (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, NULL, &error));
  g_assert_no_error (error);
  return ((KorakGoalRecord *)g_ptr_array_index (plan->goals, 0))->id;
}

static gint64
translate (Fixture    *f,
           gint64      note_id,
           const char *language,
           const char *text)
{
  g_autoptr(KorakTranslationRecord) t = korak_translation_record_new ();
  g_autoptr(GError) error = NULL;

  t->note_id = note_id;
  t->language = g_strdup (language);
  t->text = g_strdup (text);
  g_assert_true (korak_store_save_translation (f->store, t, &error));
  g_assert_no_error (error);
  return t->id;
}

static void
test_goal_link (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KorakLinkedTranslation) linked = NULL;
  g_autoptr(KorakNoteRecord) note = NULL;
  g_autoptr(GError) error = NULL;
  gint64 goal_id, note_id = 0, again = 0, translation_id;

  /* Not stored: refused. */
  g_assert_false (korak_store_ensure_linked_note (f->store, KORAK_LINK_GOAL, 424242, "sl", &note_id, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  goal_id = write_goal (f, "Sama pokliče na urad");
  g_assert_null (korak_store_get_linked_translation (f->store, KORAK_LINK_GOAL, goal_id, "ar", &error));
  g_assert_no_error (error);
  g_assert_cmpint (korak_store_find_linked_note (f->store, KORAK_LINK_GOAL, goal_id, &error), ==, 0);

  /* Created once, about Amina, in Slovenian; a second call finds it. */
  g_assert_false (korak_store_ensure_linked_note (f->store, KORAK_LINK_GOAL, goal_id, "no such-tag!", &note_id, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (korak_store_ensure_linked_note (f->store, KORAK_LINK_GOAL, goal_id, "sl", &note_id, &error));
  g_assert_no_error (error);
  g_assert_true (korak_store_ensure_linked_note (f->store, KORAK_LINK_GOAL, goal_id, "sl", &again, &error));
  g_assert_cmpint (note_id, ==, again);
  g_assert_cmpint (korak_store_find_linked_note (f->store, KORAK_LINK_GOAL, goal_id, NULL), ==, note_id);
  note = korak_store_get_note (f->store, note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (note->participant_id, ==, ANA);
  g_assert_cmpstr (note->language, ==, "sl");
  g_assert_cmpstr (note->text, ==, "Sama pokliče na urad");
  /* The note says whose text it carries (the Review view shows it). */
  g_assert_cmpint (note->goal_id, ==, goal_id);
  g_assert_cmpint (note->journal_entry_id, ==, 0);

  /* A draft, then waiting: not reviewed. */
  translation_id = translate (f, note_id, "ar", "تتصل بالمكتب بنفسها");
  linked = korak_store_get_linked_translation (f->store, KORAK_LINK_GOAL, goal_id, "ar", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linked->text, ==, "تتصل بالمكتب بنفسها");
  g_assert_cmpstr (linked->state, ==, KORAK_TRANSLATION_DRAFT);
  g_assert_false (linked->reviewed);
  g_assert_false (linked->outdated);
  g_assert_cmpint (linked->translation_id, ==, translation_id);
  g_clear_pointer (&linked, korak_linked_translation_free);

  g_assert_true (korak_store_submit_translation (f->store, translation_id, &error));
  linked = korak_store_get_linked_translation (f->store, KORAK_LINK_GOAL, goal_id, "ar", &error);
  g_assert_cmpstr (linked->state, ==, KORAK_TRANSLATION_NEEDS_REVIEW);
  g_assert_false (linked->reviewed);
  g_clear_pointer (&linked, korak_linked_translation_free);

  /* Returned: not reviewed; corrected and reviewed: reviewed. */
  g_assert_true (korak_store_return_translation (f->store, translation_id, LEJLA, "Use the feminine form", &error));
  g_assert_no_error (error);
  linked = korak_store_get_linked_translation (f->store, KORAK_LINK_GOAL, goal_id, "ar", &error);
  g_assert_cmpstr (linked->state, ==, KORAK_TRANSLATION_RETURNED);
  g_assert_false (linked->reviewed);
  g_clear_pointer (&linked, korak_linked_translation_free);
  g_assert_true (korak_store_submit_translation (f->store, translation_id, &error));
  g_assert_true (korak_store_review_translation (f->store, translation_id, LEJLA, &error));
  g_assert_no_error (error);
  linked = korak_store_get_linked_translation (f->store, KORAK_LINK_GOAL, goal_id, "ar", &error);
  g_assert_true (linked->reviewed);
  g_assert_false (linked->outdated);
  g_assert_cmpint (linked->note_id, ==, note_id);
  g_clear_pointer (&linked, korak_linked_translation_free);

  /* The goal's text changes: the translation is outdated, not reviewed. */
  g_assert_cmpint (write_goal (f, "Sama pokliče na urad in se dogovori za termin"), ==, goal_id);
  linked = korak_store_get_linked_translation (f->store, KORAK_LINK_GOAL, goal_id, "ar", &error);
  g_assert_cmpstr (linked->state, ==, KORAK_TRANSLATION_REVIEWED);
  g_assert_false (linked->reviewed);
  g_assert_true (linked->outdated);
  g_clear_pointer (&linked, korak_linked_translation_free);

  /* Ensured again: the note follows the goal, the translation goes back to
   * the mediator with its reviewed version kept. */
  g_assert_true (korak_store_ensure_linked_note (f->store, KORAK_LINK_GOAL, goal_id, "sl", &again, &error));
  g_assert_cmpint (again, ==, note_id);
  linked = korak_store_get_linked_translation (f->store, KORAK_LINK_GOAL, goal_id, "ar", &error);
  g_assert_cmpstr (linked->state, ==, KORAK_TRANSLATION_NEEDS_REVIEW);
  g_assert_false (linked->outdated);
  g_assert_false (linked->reviewed);
  g_clear_pointer (&linked, korak_linked_translation_free);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation_version WHERE translation_id = %"
                              G_GINT64_FORMAT " AND review_state = 'reviewed'", translation_id), ==, 1);
  g_assert_cmpint (korak_store_count_review_queue (f->store, NULL), ==, 1);

  /* The goal removed from the plan: its note and translation go with it. */
  {
    g_autoptr(KorakPlanRecord) plan = korak_store_get_plan (f->store, ANA, &error);

    g_ptr_array_set_size (plan->goals, 0);
    g_assert_true (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note WHERE id = %" G_GINT64_FORMAT, note_id), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation WHERE id = %" G_GINT64_FORMAT,
                              translation_id), ==, 0);
}

static void
test_journal_link (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KorakLinkedTranslation) linked = NULL;
  g_autoptr(KorakNoteRecord) note = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entry_id = 0, note_id = 0, translation_id;

  g_assert_true (korak_store_add_journal_entry (f->store, ANA, "2026-03-02", "small_win",
                                                "Prvič sama poklicala zdravnika", &entry_id, &error));
  g_assert_no_error (error);
  g_assert_true (korak_store_ensure_linked_note (f->store, KORAK_LINK_JOURNAL_ENTRY, entry_id, "sl", &note_id, &error));
  g_assert_no_error (error);
  note = korak_store_get_note (f->store, note_id, &error);
  g_assert_cmpstr (note->date, ==, "2026-03-02");
  g_assert_cmpstr (note->text, ==, "Prvič sama poklicala zdravnika");

  translation_id = translate (f, note_id, "ar", "اتصلت بالطبيب بنفسها لأول مرة");
  g_assert_true (korak_store_submit_translation (f->store, translation_id, &error));
  g_assert_true (korak_store_review_translation (f->store, translation_id, LEJLA, &error));
  linked = korak_store_get_linked_translation (f->store, KORAK_LINK_JOURNAL_ENTRY, entry_id, "ar", &error);
  g_assert_true (linked->reviewed);
  g_clear_pointer (&linked, korak_linked_translation_free);
  /* Another language: none. */
  g_assert_null (korak_store_get_linked_translation (f->store, KORAK_LINK_JOURNAL_ENTRY, entry_id, "sq", &error));
  g_assert_no_error (error);

  /* The note edited in the Notes tab no longer says what the entry says. */
  exec_ok (f->store, "UPDATE note SET text = 'Something else' WHERE journal_entry_id IS NOT NULL");
  linked = korak_store_get_linked_translation (f->store, KORAK_LINK_JOURNAL_ENTRY, entry_id, "ar", &error);
  g_assert_true (linked->outdated);
  g_assert_false (linked->reviewed);
  g_clear_pointer (&linked, korak_linked_translation_free);

  /* The entry deleted: the note goes with it. */
  exec_ok (f->store, "DELETE FROM journal_entry");
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note WHERE id = %" G_GINT64_FORMAT, note_id), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/scales/seeded", Fixture, NULL, fixture_set_up, test_seeded, fixture_tear_down);
  g_test_add ("/store/scales/save", Fixture, NULL, fixture_set_up, test_save_band, fixture_tear_down);
  g_test_add ("/store/note-links/goal", Fixture, NULL, fixture_set_up, test_goal_link, fixture_tear_down);
  g_test_add ("/store/note-links/journal", Fixture, NULL, fixture_set_up, test_journal_link, fixture_tear_down);

  return g_test_run ();
}
