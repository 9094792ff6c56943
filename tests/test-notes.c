/* test-notes.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "korak-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "korak-demo-private.h"
#include "korak-notes.h"
#include "korak-store-private.h"

/* The people and groups of the tests. */
#define KRANJ     31     /* cohort, ran Jan–Jun 2025 */
#define JESENICE  32     /* cohort, runs from 2026 */
#define ARTA      5001   /* Albanian; was in Kranj, now active in Jesenice */
#define FATIMA    5002   /* Arabic; completed Kranj */
#define CENE      5003   /* never enrolled */
#define MENTOR    101
#define ARDITA    103    /* mediator: Albanian */
#define LEJLA     104    /* mediator: Arabic, Bosnian */

typedef struct
{
  char       *dir;
  char       *path;
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

G_GNUC_PRINTF (2, 3)
static char *
query_text (KorakStore *store,
            const char *format,
            ...)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = korak_column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("korak-notes-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (f->path, &error);
  g_assert_no_error (error);

  exec_ok (f->store,
           "INSERT INTO staff (id, given_name, family_name, role) VALUES "
           "  (101, 'Mateja', 'Kern', 'mentor'), (103, 'Ardita', 'Berisha', 'mediator'), "
           "  (104, 'Lejla', 'Begović', 'mediator');"
           "INSERT INTO programme (id, name) VALUES (21, 'Socialna aktivacija');"
           "INSERT INTO cohort (id, programme_id, name, start_date, end_date) VALUES "
           "  (31, 21, 'Kranj 2025', '2025-01-06', '2025-06-27'),"
           "  (32, 21, 'Jesenice 2026', '2026-01-05', '2026-06-26');"
           "INSERT INTO participant (id, given_name, family_name, mother_tongue, other_languages, needs_mediator) VALUES "
           "  (5001, 'Arta', 'Krasniqi', 'albanščina', 'srbščina (osnovno), Deutsch', 1),"
           "  (5002, 'Fatima', 'Haddad', 'Arabic', 'angleščina; francoščina', 1),"
           "  (5003, 'Cene', 'Zupan', 'slovenščina', NULL, 0);"
           "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, end_date, status) VALUES "
           "  (61, 5001, 31, '2025-01-06', '2025-03-01', 'exited'),"
           "  (62, 5001, 32, '2026-01-05', NULL, 'active'),"
           "  (63, 5002, 31, '2025-01-06', '2025-06-27', 'completed');");
  korak_store_set_actor (f->store, MENTOR, "Mateja Kern");
}


static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  korak_test_remove_tree (f->dir, FALSE);
  g_free (f->path);
  g_free (f->dir);
}

/* ------------------------------------------------------------ helpers */

static gint64
add_note (KorakStore *store,
          gint64      participant_id,
          gint64      cohort_id,
          const char *date,
          const char *language,
          const char *text)
{
  g_autoptr(KorakNoteRecord) note = korak_note_record_new ();
  g_autoptr(GError) error = NULL;

  note->participant_id = participant_id;
  note->cohort_id = cohort_id;
  note->date = g_strdup (date);
  note->language = g_strdup (language);
  note->text = g_strdup (text);
  note->author_id = MENTOR;
  g_assert_true (korak_store_save_note (store, note, &error));
  g_assert_no_error (error);
  g_assert_cmpint (note->id, >, 0);
  return note->id;
}

static gint64
add_translation (KorakStore *store,
                 gint64      note_id,
                 const char *language,
                 const char *text)
{
  g_autoptr(KorakTranslationRecord) t = korak_translation_record_new ();
  g_autoptr(GError) error = NULL;

  t->note_id = note_id;
  t->language = g_strdup (language);
  t->text = g_strdup (text);
  g_assert_true (korak_store_save_translation (store, t, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (t->state, ==, KORAK_TRANSLATION_DRAFT);
  g_assert_cmpint (t->version, ==, 1);
  return t->id;
}

static KorakTranslationRecord *
find_translation (KorakStore *store,
                  gint64      translation_id)
{
  g_autoptr(GError) error = NULL;
  gint64 note_id = query_int (store, "SELECT note_id FROM note_translation WHERE id = %" G_GINT64_FORMAT,
                              translation_id);
  g_autoptr(KorakNoteRecord) note = korak_store_get_note (store, note_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < note->translations->len; i++)
    {
      KorakTranslationRecord *t = g_ptr_array_index (note->translations, i);

      if (t->id == translation_id)
        return korak_translation_record_copy (t);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
assert_invalid (GError *error)
{
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  /* Words, not SQLite's. */
  g_assert_null (strstr (error->message, "constraint"));
  g_assert_null (strstr (error->message, "SQL"));
}

static gboolean
edit_text (KorakStore  *store,
           gint64       translation_id,
           const char  *text,
           GError     **error)
{
  g_autoptr(KorakTranslationRecord) t = find_translation (store, translation_id);

  g_free (t->text);
  t->text = g_strdup (text);
  return korak_store_save_translation (store, t, error);
}

/* -------------------------------------------------------------- notes */

static void
test_participant_notes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(KorakNoteRecord) note = korak_note_record_new ();
  g_autoptr(KorakNoteRecord) back = NULL;
  gint64 older, newer, same_day;

  older = add_note (f->store, ARTA, 0, "2026-01-12", "sl", "Dogovor za ponedeljek.");
  newer = add_note (f->store, ARTA, 0, "2026-02-03", "sl", "Praksa se začne v ponedeljek.");
  same_day = add_note (f->store, ARTA, 0, "2026-01-12", "sl", "Popoldne še klic na CSD.");
  add_note (f->store, FATIMA, 0, "2026-02-10", "sl", "Fatimina beležka.");
  /* Written later the same day: shown above the earlier one. */
  exec_ok (f->store, "UPDATE note SET created_at = '2026-01-12T08:00:00Z' WHERE date = '2026-01-12' "
                     "AND text = 'Dogovor za ponedeljek.'");
  exec_ok (f->store, "UPDATE note SET created_at = '2026-01-12T15:00:00Z' WHERE date = '2026-01-12' "
                     "AND text = 'Popoldne še klic na CSD.'");

  notes = korak_store_list_notes (f->store, ARTA, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpint (((KorakNoteRecord *)g_ptr_array_index (notes, 0))->id, ==, newer);
  g_assert_cmpint (((KorakNoteRecord *)g_ptr_array_index (notes, 1))->id, ==, same_day);
  g_assert_cmpint (((KorakNoteRecord *)g_ptr_array_index (notes, 2))->id, ==, older);
  {
    KorakNoteRecord *first = g_ptr_array_index (notes, 0);

    g_assert_cmpint (first->participant_id, ==, ARTA);
    g_assert_cmpint (first->cohort_id, ==, 0);
    g_assert_cmpstr (first->subject_name, ==, "Arta Krasniqi");
    g_assert_cmpstr (first->author_name, ==, "Mateja Kern");
    g_assert_cmpstr (first->language, ==, "sl");
    g_assert_false (first->sensitive);
    g_assert_cmpuint (first->translations->len, ==, 0);
  }

  /* A sensitive note, kept as such; an update keeps the id. */
  note->participant_id = FATIMA;
  note->date = g_strdup ("2026-02-11");
  note->language = g_strdup ("sl");
  note->text = g_strdup ("Zdravniški pregled v sredo.");
  note->sensitive = TRUE;
  g_assert_true (korak_store_save_note (f->store, note, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (note->subject_name, ==, "Fatima Haddad");
  g_assert_null (note->author_name);
  back = korak_store_get_note (f->store, note->id, &error);
  g_assert_no_error (error);
  g_assert_true (back->sensitive);
  g_assert_cmpint (query_int (f->store, "SELECT sensitive FROM note WHERE id = %" G_GINT64_FORMAT, note->id), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT updated_by FROM note WHERE id = %" G_GINT64_FORMAT, note->id), ==, MENTOR);

  g_free (back->text);
  back->text = g_strdup ("Zdravniški pregled v četrtek.");
  back->sensitive = FALSE;
  g_assert_true (korak_store_save_note (f->store, back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back->id, ==, note->id);
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = korak_store_list_notes (f->store, FATIMA, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (((KorakNoteRecord *)g_ptr_array_index (notes, 0))->text, ==, "Zdravniški pregled v četrtek.");
  g_assert_false (((KorakNoteRecord *)g_ptr_array_index (notes, 0))->sensitive);

  /* Nobody chosen: nothing. A copy is deep. */
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = korak_store_list_notes (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 0);
  {
    g_autoptr(KorakNoteRecord) copy = korak_note_record_copy (back);

    g_assert_cmpstr (copy->text, ==, back->text);
    g_assert_true (copy->text != back->text);
  }

  /* An unknown note. */
  g_clear_pointer (&back, korak_note_record_free);
  back = korak_store_get_note (f->store, 424242, &error);
  g_assert_null (back);
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
}

static void
test_cohort_notes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  gint64 group;

  group = add_note (f->store, 0, JESENICE, "2026-01-20", "sl", "V petek skupna malica.");
  add_note (f->store, 0, KRANJ, "2025-02-01", "sl", "Obisk knjižnice.");
  add_note (f->store, ARTA, 0, "2026-01-21", "sl", "Arta: klic na zavod.");

  notes = korak_store_list_notes (f->store, 0, JESENICE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  {
    KorakNoteRecord *note = g_ptr_array_index (notes, 0);

    g_assert_cmpint (note->id, ==, group);
    g_assert_cmpint (note->cohort_id, ==, JESENICE);
    g_assert_cmpint (note->participant_id, ==, 0);
    g_assert_cmpstr (note->subject_name, ==, "Jesenice 2026");
  }

  /* A participant's list holds their notes only. */
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = korak_store_list_notes (f->store, ARTA, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);

  /* A cohort removed takes its notes along. */
  exec_ok (f->store, "DELETE FROM enrolment WHERE cohort_id = 32; DELETE FROM cohort WHERE id = 32");
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note WHERE cohort_id = 32"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note"), ==, 2);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KorakNoteRecord) note = korak_note_record_new ();
  g_autoptr(KorakTranslationRecord) t = korak_translation_record_new ();
  g_autoptr(GError) error = NULL;
  static const char * const bad_dates[] = { NULL, "", "yesterday", "2026-02-30", "12. 1. 2026", "2026-1-12" };
  static const char * const bad_texts[] = { NULL, "", "   \n\t " };
  gint64 note_id, sq_id;

  note->participant_id = ARTA;
  note->date = g_strdup ("2026-01-12");
  note->language = g_strdup ("sl");

  for (guint i = 0; i < G_N_ELEMENTS (bad_texts); i++)
    {
      g_free (note->text);
      note->text = g_strdup (bad_texts[i]);
      g_assert_false (korak_store_save_note (f->store, note, &error));
      assert_invalid (error);
      g_clear_error (&error);
    }
  g_free (note->text);
  note->text = g_strdup ("Dogovor.");

  /* About nobody, or about both a person and a group. */
  note->participant_id = 0;
  g_assert_false (korak_store_save_note (f->store, note, &error));
  assert_invalid (error);
  g_clear_error (&error);
  note->participant_id = ARTA;
  note->cohort_id = JESENICE;
  g_assert_false (korak_store_save_note (f->store, note, &error));
  assert_invalid (error);
  g_clear_error (&error);
  note->cohort_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_free (note->date);
      note->date = g_strdup (bad_dates[i]);
      g_assert_false (korak_store_save_note (f->store, note, &error));
      assert_invalid (error);
      g_clear_error (&error);
    }
  g_free (note->date);
  note->date = g_strdup ("2026-01-12");

  g_free (note->language);
  note->language = g_strdup ("");
  g_assert_false (korak_store_save_note (f->store, note, &error));
  assert_invalid (error);
  g_clear_error (&error);
  g_free (note->language);
  note->language = g_strdup ("not a language!");
  g_assert_false (korak_store_save_note (f->store, note, &error));
  assert_invalid (error);
  g_clear_error (&error);
  g_free (note->language);
  note->language = g_strdup ("SL");

  /* Someone or something that is not there. */
  note->participant_id = 424242;
  g_assert_false (korak_store_save_note (f->store, note, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  note->participant_id = 0;
  note->cohort_id = 424242;
  g_assert_false (korak_store_save_note (f->store, note, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  note->cohort_id = 0;
  note->participant_id = ARTA;
  note->author_id = 424242;
  g_assert_false (korak_store_save_note (f->store, note, &error));
  assert_invalid (error);
  g_clear_error (&error);
  note->author_id = 0;

  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note"), ==, 0);
  g_assert_true (korak_store_save_note (f->store, note, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (note->language, ==, "sl");
  note_id = note->id;

  /* Translations: into another language, one per language, with text. */
  t->note_id = note_id;
  t->language = g_strdup ("sl");
  t->text = g_strdup ("Dogovor.");
  g_assert_false (korak_store_save_translation (f->store, t, &error));
  assert_invalid (error);
  g_clear_error (&error);
  g_free (t->language);
  t->language = g_strdup ("sq");
  for (guint i = 0; i < G_N_ELEMENTS (bad_texts); i++)
    {
      g_free (t->text);
      t->text = g_strdup (bad_texts[i]);
      g_assert_false (korak_store_save_translation (f->store, t, &error));
      assert_invalid (error);
      g_clear_error (&error);
    }
  g_free (t->text);
  t->text = g_strdup ("Marrëveshje.");
  t->translator_id = 424242;
  g_assert_false (korak_store_save_translation (f->store, t, &error));
  assert_invalid (error);
  g_clear_error (&error);
  t->translator_id = ARDITA;
  t->note_id = 424242;
  g_assert_false (korak_store_save_translation (f->store, t, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  t->note_id = 0;
  g_assert_false (korak_store_save_translation (f->store, t, &error));
  assert_invalid (error);
  g_clear_error (&error);
  t->note_id = note_id;

  g_assert_true (korak_store_save_translation (f->store, t, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (t->translator_name, ==, "Ardita Berisha");
  sq_id = t->id;

  {
    g_autoptr(KorakTranslationRecord) again = korak_translation_record_new ();

    again->note_id = note_id;
    again->language = g_strdup ("SQ");
    again->text = g_strdup ("Marrëveshje tjetër.");
    g_assert_false (korak_store_save_translation (f->store, again, &error));
    assert_invalid (error);
    g_clear_error (&error);
  }

  /* Changing a translation's language to the note's, or the note's to
   * a translation's. */
  g_free (t->language);
  t->language = g_strdup ("sl");
  g_assert_false (korak_store_save_translation (f->store, t, &error));
  assert_invalid (error);
  g_clear_error (&error);
  g_free (note->language);
  note->language = g_strdup ("sq");
  g_assert_false (korak_store_save_note (f->store, note, &error));
  assert_invalid (error);
  g_clear_error (&error);

  /* Nothing of the refused saves is stored. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation WHERE id = %" G_GINT64_FORMAT
                                        " AND language = 'sq' AND version = 1", sq_id), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note WHERE language = 'sl'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation_version"), ==, 0);
}

/* ------------------------------------------------------ state machine */

static void
assert_state (KorakStore *store,
              gint64      id,
              const char *state,
              int         version)
{
  g_autoptr(KorakTranslationRecord) t = find_translation (store, id);

  g_assert_cmpstr (t->state, ==, state);
  g_assert_cmpint (t->version, ==, version);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM note_translation_version WHERE translation_id = %"
                                     G_GINT64_FORMAT, id), ==, version - 1);
}

static void
test_state_machine (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakTranslationRecord) t = NULL;
  gint64 note_id = add_note (f->store, ARTA, 0, "2026-01-12", "sl", "Dogovor: v ponedeljek ob 9. uri.");
  gint64 id = add_translation (f->store, note_id, "sq", "Marrëveshje: të hënën.");

  assert_state (f->store, id, KORAK_TRANSLATION_DRAFT, 1);

  /* A draft is not reviewed or returned. */
  g_assert_false (korak_store_review_translation (f->store, id, ARDITA, &error));
  assert_invalid (error);
  g_clear_error (&error);
  g_assert_false (korak_store_return_translation (f->store, id, ARDITA, "Manjka ura.", &error));
  assert_invalid (error);
  g_clear_error (&error);
  assert_state (f->store, id, KORAK_TRANSLATION_DRAFT, 1);

  /* Draft → needs review, once. */
  g_assert_true (korak_store_submit_translation (f->store, id, &error));
  g_assert_no_error (error);
  assert_state (f->store, id, KORAK_TRANSLATION_NEEDS_REVIEW, 2);
  t = find_translation (f->store, id);
  g_assert_nonnull (t->submitted_at);
  g_clear_pointer (&t, korak_translation_record_free);
  g_assert_false (korak_store_submit_translation (f->store, id, &error));
  assert_invalid (error);
  g_clear_error (&error);

  /* Returning needs a comment. */
  g_assert_false (korak_store_return_translation (f->store, id, ARDITA, NULL, &error));
  assert_invalid (error);
  g_clear_error (&error);
  g_assert_false (korak_store_return_translation (f->store, id, ARDITA, "  \n ", &error));
  assert_invalid (error);
  g_clear_error (&error);
  assert_state (f->store, id, KORAK_TRANSLATION_NEEDS_REVIEW, 2);

  g_assert_true (korak_store_return_translation (f->store, id, ARDITA, "  Manjka ura. ", &error));
  g_assert_no_error (error);
  assert_state (f->store, id, KORAK_TRANSLATION_RETURNED, 3);
  t = find_translation (f->store, id);
  g_assert_cmpstr (t->comment, ==, "Manjka ura.");
  g_assert_cmpint (t->reviewer_id, ==, ARDITA);
  g_assert_cmpstr (t->reviewer_name, ==, "Ardita Berisha");
  g_assert_nonnull (t->reviewed_at);
  g_clear_pointer (&t, korak_translation_record_free);

  /* A returned one is not reviewed until sent again; editing keeps it
   * returned, with the comment. */
  g_assert_false (korak_store_review_translation (f->store, id, ARDITA, &error));
  assert_invalid (error);
  g_clear_error (&error);
  g_assert_false (korak_store_return_translation (f->store, id, ARDITA, "Še enkrat.", &error));
  assert_invalid (error);
  g_clear_error (&error);
  g_assert_true (edit_text (f->store, id, "Marrëveshje: të hënën në orën 9.", &error));
  g_assert_no_error (error);
  assert_state (f->store, id, KORAK_TRANSLATION_RETURNED, 4);
  t = find_translation (f->store, id);
  g_assert_cmpstr (t->comment, ==, "Manjka ura.");
  g_assert_cmpstr (t->text, ==, "Marrëveshje: të hënën në orën 9.");
  g_clear_pointer (&t, korak_translation_record_free);

  /* Saving the same text again makes no version. */
  g_assert_true (edit_text (f->store, id, "Marrëveshje: të hënën në orën 9.", &error));
  g_assert_no_error (error);
  assert_state (f->store, id, KORAK_TRANSLATION_RETURNED, 4);

  /* Returned → needs review → reviewed, by the actor when no one is named. */
  g_assert_true (korak_store_submit_translation (f->store, id, &error));
  g_assert_no_error (error);
  assert_state (f->store, id, KORAK_TRANSLATION_NEEDS_REVIEW, 5);
  t = find_translation (f->store, id);
  g_assert_null (t->comment);
  g_assert_cmpint (t->reviewer_id, ==, 0);
  g_clear_pointer (&t, korak_translation_record_free);

  korak_store_set_actor (f->store, ARDITA, "Ardita Berisha");
  g_assert_true (korak_store_review_translation (f->store, id, 0, &error));
  g_assert_no_error (error);
  assert_state (f->store, id, KORAK_TRANSLATION_REVIEWED, 6);
  t = find_translation (f->store, id);
  g_assert_cmpint (t->reviewer_id, ==, ARDITA);
  g_assert_nonnull (t->reviewed_at);
  g_assert_cmpint (t->updated_by, ==, ARDITA);
  g_assert_cmpstr (t->updated_by_name, ==, "Ardita Berisha");
  g_clear_pointer (&t, korak_translation_record_free);

  /* Reviewed: not again, not submitted, not returned. */
  g_assert_false (korak_store_review_translation (f->store, id, ARDITA, &error));
  assert_invalid (error);
  g_clear_error (&error);
  g_assert_false (korak_store_submit_translation (f->store, id, &error));
  assert_invalid (error);
  g_clear_error (&error);
  g_assert_false (korak_store_return_translation (f->store, id, ARDITA, "Ne.", &error));
  assert_invalid (error);
  g_clear_error (&error);
  assert_state (f->store, id, KORAK_TRANSLATION_REVIEWED, 6);

  /* A reviewer not on the staff list is refused. */
  {
    gint64 other = add_translation (f->store, note_id, "ar", "اتفاق.");

    g_assert_true (korak_store_submit_translation (f->store, other, &error));
    g_assert_no_error (error);
    g_assert_false (korak_store_review_translation (f->store, other, 424242, &error));
    assert_invalid (error);
    g_clear_error (&error);
    assert_state (f->store, other, KORAK_TRANSLATION_NEEDS_REVIEW, 2);
  }

  /* Changing only the translator makes no version. */
  t = find_translation (f->store, id);
  t->translator_id = LEJLA;
  g_assert_true (korak_store_save_translation (f->store, t, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (t->translator_name, ==, "Lejla Begović");
  g_clear_pointer (&t, korak_translation_record_free);
  assert_state (f->store, id, KORAK_TRANSLATION_REVIEWED, 6);

  /* Editing a reviewed text sends it back for review. */
  korak_store_set_actor (f->store, MENTOR, "Mateja Kern");
  g_assert_true (edit_text (f->store, id, "Marrëveshje: të hënën në orën 9, në Entin e Punësimit.", &error));
  g_assert_no_error (error);
  assert_state (f->store, id, KORAK_TRANSLATION_NEEDS_REVIEW, 7);
  t = find_translation (f->store, id);
  g_assert_cmpint (t->reviewer_id, ==, 0);
  g_assert_null (t->reviewed_at);
  g_assert_nonnull (t->submitted_at);
  g_clear_pointer (&t, korak_translation_record_free);

  /* An unknown translation. */
  g_assert_false (korak_store_submit_translation (f->store, 424242, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (korak_store_review_translation (f->store, 424242, ARDITA, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The labels. */
  g_assert_cmpstr (korak_choice_label (korak_translation_states (), KORAK_TRANSLATION_RETURNED), ==, "Returned");
  g_assert_cmpstr (korak_choice_label (korak_translation_states (), KORAK_TRANSLATION_NEEDS_REVIEW), ==, "Needs review");
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 note_id = add_note (f->store, FATIMA, 0, "2026-01-12", "sl", "Tečaj se začne 3. oktobra.");
  gint64 id = add_translation (f->store, note_id, "ar", "تبدأ الدورة.");
  static const struct {
    int         version;
    const char *state;
    const char *text;
    const char *comment;
    gint64      by;
  } expected[] = {
    { 4, KORAK_TRANSLATION_RETURNED, "تبدأ الدورة في 3 أكتوبر.", "Manjka dan.", LEJLA },
    { 3, KORAK_TRANSLATION_RETURNED, "تبدأ الدورة.", "Manjka dan.", LEJLA },
    { 2, KORAK_TRANSLATION_NEEDS_REVIEW, "تبدأ الدورة.", NULL, MENTOR },
    { 1, KORAK_TRANSLATION_DRAFT, "تبدأ الدورة.", NULL, MENTOR },
  };

  g_assert_true (korak_store_submit_translation (f->store, id, &error));
  g_assert_no_error (error);
  korak_store_set_actor (f->store, LEJLA, "Lejla Begović");
  g_assert_true (korak_store_return_translation (f->store, id, LEJLA, "Manjka dan.", &error));
  g_assert_no_error (error);
  g_assert_true (edit_text (f->store, id, "تبدأ الدورة في 3 أكتوبر.", &error));
  g_assert_no_error (error);
  g_assert_true (korak_store_submit_translation (f->store, id, &error));
  g_assert_no_error (error);
  korak_store_set_actor (f->store, MENTOR, "Mateja Kern");

  versions = korak_store_list_translation_versions (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < versions->len; i++)
    {
      KorakTranslationRecord *v = g_ptr_array_index (versions, i);

      g_test_message ("version %d", v->version);
      g_assert_cmpint (v->id, ==, id);
      g_assert_cmpint (v->note_id, ==, note_id);
      g_assert_cmpint (v->version, ==, expected[i].version);
      g_assert_cmpstr (v->state, ==, expected[i].state);
      g_assert_cmpstr (v->text, ==, expected[i].text);
      g_assert_cmpstr (v->comment, ==, expected[i].comment);
      g_assert_cmpstr (v->language, ==, "ar");
      g_assert_cmpint (v->updated_by, ==, expected[i].by);
      g_assert_nonnull (v->updated_at);
      if (g_str_equal (v->state, KORAK_TRANSLATION_RETURNED))
        {
          g_assert_cmpint (v->reviewer_id, ==, LEJLA);
          g_assert_cmpstr (v->reviewer_name, ==, "Lejla Begović");
        }
      else
        g_assert_cmpint (v->reviewer_id, ==, 0);
    }

  /* The current one is not among them. */
  {
    g_autoptr(KorakTranslationRecord) t = find_translation (f->store, id);

    g_assert_cmpint (t->version, ==, 5);
    g_assert_cmpstr (t->state, ==, KORAK_TRANSLATION_NEEDS_REVIEW);
  }

  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = korak_store_list_translation_versions (f->store, 424242, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 0);
}

/* --------------------------------------------------------------- queue */

static gint64
waiting (KorakStore *store,
         gint64      note_id,
         const char *language,
         const char *text,
         const char *submitted_at)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_translation (store, note_id, language, text);

  g_assert_true (korak_store_submit_translation (store, id, &error));
  g_assert_no_error (error);
  /* The queue's order, made certain. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE note_translation SET submitted_at = '%s' WHERE id = %" G_GINT64_FORMAT,
                                            submitted_at, id);
    exec_ok (store, sql);
  }
  return id;
}

static GPtrArray *
queue (KorakStore *store,
       const char *language,
       gint64      cohort_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = korak_store_list_review_queue (store, language, cohort_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      KorakNoteRecord *note = g_ptr_array_index (items, i);

      g_assert_cmpuint (note->translations->len, ==, 1);
      g_assert_cmpstr (((KorakTranslationRecord *)g_ptr_array_index (note->translations, 0))->state, ==,
                       KORAK_TRANSLATION_NEEDS_REVIEW);
    }
  return items;
}

static gint64
item_translation (GPtrArray *items,
                  guint      i)
{
  KorakNoteRecord *note = g_ptr_array_index (items, i);

  return ((KorakTranslationRecord *)g_ptr_array_index (note->translations, 0))->id;
}

static void
test_queue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 arta_note = add_note (f->store, ARTA, 0, "2026-01-12", "sl", "Dogovor za ponedeljek.");
  gint64 fatima_note = add_note (f->store, FATIMA, 0, "2025-03-02", "sl", "Praksa v kuhinji.");
  gint64 group_note = add_note (f->store, 0, JESENICE, "2026-01-20", "sl", "V petek skupna malica.");
  gint64 cene_note = add_note (f->store, CENE, 0, "2026-01-22", "sl", "Brez skupine.");
  gint64 arta_sq, arta_ar, fatima_ar, group_sq, cene_en, draft;

  g_assert_cmpint (korak_store_count_review_queue (f->store, &error), ==, 0);
  g_assert_no_error (error);

  arta_sq = waiting (f->store, arta_note, "sq", "Marrëveshje për të hënën.", "2026-01-13T09:00:00.000Z");
  fatima_ar = waiting (f->store, fatima_note, "ar", "تدريب في المطبخ.", "2025-03-03T09:00:00.000Z");
  group_sq = waiting (f->store, group_note, "sq", "Të premten hamë së bashku.", "2026-01-21T09:00:00.000Z");
  arta_ar = waiting (f->store, arta_note, "ar", "اتفاق ليوم الاثنين.", "2026-01-14T09:00:00.000Z");
  cene_en = waiting (f->store, cene_note, "en", "No group.", "2026-01-23T09:00:00.000Z");
  /* Not waiting: a draft, and a reviewed one. */
  draft = add_translation (f->store, fatima_note, "en", "Practice in the kitchen.");
  {
    gint64 done = waiting (f->store, group_note, "ar", "غداء مشترك.", "2026-01-21T10:00:00.000Z");

    g_assert_true (korak_store_review_translation (f->store, done, LEJLA, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpint (korak_store_count_review_queue (f->store, &error), ==, 5);
  g_assert_no_error (error);

  /* Everything, the longest waiting first. */
  items = queue (f->store, NULL, 0);
  g_assert_cmpuint (items->len, ==, 5);
  g_assert_cmpint (item_translation (items, 0), ==, fatima_ar);
  g_assert_cmpint (item_translation (items, 1), ==, arta_sq);
  g_assert_cmpint (item_translation (items, 2), ==, arta_ar);
  g_assert_cmpint (item_translation (items, 3), ==, group_sq);
  g_assert_cmpint (item_translation (items, 4), ==, cene_en);
  {
    KorakNoteRecord *first = g_ptr_array_index (items, 0);
    KorakNoteRecord *group = g_ptr_array_index (items, 3);

    g_assert_cmpint (first->id, ==, fatima_note);
    g_assert_cmpstr (first->subject_name, ==, "Fatima Haddad");
    g_assert_cmpstr (first->text, ==, "Praksa v kuhinji.");
    g_assert_cmpstr (first->author_name, ==, "Mateja Kern");
    g_assert_cmpstr (group->subject_name, ==, "Jesenice 2026");
    g_assert_cmpint (group->cohort_id, ==, JESENICE);
  }
  g_clear_pointer (&items, g_ptr_array_unref);

  /* By language (any spelling of the tag). */
  items = queue (f->store, "sq", 0);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (item_translation (items, 0), ==, arta_sq);
  g_assert_cmpint (item_translation (items, 1), ==, group_sq);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = queue (f->store, "AR", 0);
  g_assert_cmpuint (items->len, ==, 2);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = queue (f->store, "fa", 0);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* By cohort: Arta is active in Jesenice (she left Kranj), Fatima
   * completed Kranj, the group's note is Jesenice's; Cene is in none. */
  items = queue (f->store, NULL, JESENICE);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpint (item_translation (items, 0), ==, arta_sq);
  g_assert_cmpint (item_translation (items, 1), ==, arta_ar);
  g_assert_cmpint (item_translation (items, 2), ==, group_sq);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = queue (f->store, NULL, KRANJ);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (item_translation (items, 0), ==, fatima_ar);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = queue (f->store, "ar", JESENICE);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (item_translation (items, 0), ==, arta_ar);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Reviewed and returned ones leave the queue; a draft sent joins it. */
  g_assert_true (korak_store_review_translation (f->store, arta_sq, ARDITA, &error));
  g_assert_no_error (error);
  g_assert_true (korak_store_return_translation (f->store, fatima_ar, LEJLA, "Preveč dobesedno.", &error));
  g_assert_no_error (error);
  g_assert_true (korak_store_submit_translation (f->store, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (korak_store_count_review_queue (f->store, &error), ==, 4);
  items = queue (f->store, NULL, 0);
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpint (item_translation (items, 3), ==, draft);
}

/* ------------------------------------------------------- exact storage */

static void
test_text_exact (Fixture       *f,
                 gconstpointer  data)
{
  static const char *note_text = "Robert'); DROP TABLE note; -- \"citat\" in ‘navednice’ 😊👍🏽\n"
                                 "Druga vrstica z\ttabulatorjem, 100 % in \\ poševnica.  ";
  static const char *arabic = "مرحبا 👋 \"اقتباس\" 'أيضا'؛ ٣ أكتوبر — نص عربي مع English و 123.\n"
                              "السطر الثاني 🌙 %s %d";
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakNoteRecord) back = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 note_id = add_note (f->store, FATIMA, 0, "2026-01-12", "sl", note_text);
  gint64 id = add_translation (f->store, note_id, "ar", arabic);
  KorakTranslationRecord *t;

  back = korak_store_get_note (f->store, note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->text, ==, note_text);
  g_assert_cmpuint (back->translations->len, ==, 1);
  t = g_ptr_array_index (back->translations, 0);
  g_assert_cmpstr (t->text, ==, arabic);
  g_assert_cmpint (t->id, ==, id);
  g_assert_true (korak_language_is_rtl (t->language));
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note"), ==, 1);

  /* Into the history as it was. */
  g_assert_true (edit_text (f->store, id, "نص جديد 🙂", &error));
  g_assert_no_error (error);
  versions = korak_store_list_translation_versions (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpstr (((KorakTranslationRecord *)g_ptr_array_index (versions, 0))->text, ==, arabic);

  /* Text that is not UTF-8 is refused. */
  {
    g_autoptr(KorakNoteRecord) bad = korak_note_record_copy (back);

    bad->id = 0;
    g_free (bad->text);
    bad->text = g_strdup ("Napaka \xff\xfe tukaj");
    g_assert_false (korak_store_save_note (f->store, bad, &error));
    assert_invalid (error);
    g_clear_error (&error);
  }
}

/* ------------------------------------------------------------- delete */

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 note_id = add_note (f->store, ARTA, 0, "2026-01-12", "sl", "Dogovor.");
  gint64 other_note = add_note (f->store, ARTA, 0, "2026-01-13", "sl", "Drugi dogovor.");
  gint64 sq = add_translation (f->store, note_id, "sq", "Marrëveshje.");
  gint64 other_sq = add_translation (f->store, other_note, "sq", "Marrëveshje tjetër.");

  add_translation (f->store, note_id, "ar", "اتفاق.");
  g_assert_true (korak_store_submit_translation (f->store, sq, &error));
  g_assert_true (korak_store_review_translation (f->store, sq, ARDITA, &error));
  g_assert_true (korak_store_submit_translation (f->store, other_sq, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation_version"), ==, 3);

  g_assert_true (korak_store_delete_note (f->store, note_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note WHERE id = %" G_GINT64_FORMAT, note_id), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation WHERE note_id = %" G_GINT64_FORMAT,
                              note_id), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation_version WHERE translation_id = %"
                                        G_GINT64_FORMAT, sq), ==, 0);
  /* The other note keeps everything. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation_version"), ==, 1);

  g_assert_false (korak_store_delete_note (f->store, note_id, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A translation alone, with its versions. */
  g_assert_true (korak_store_delete_translation (f->store, other_sq, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation_version"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note"), ==, 1);
  g_assert_false (korak_store_delete_translation (f->store, other_sq, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* With auditing off (as for sample data), foreign keys still cascade. */
  {
    gint64 third = add_note (f->store, ARTA, 0, "2026-01-14", "sl", "Tretji.");
    gint64 t = add_translation (f->store, third, "sq", "E treta.");

    g_assert_true (korak_store_submit_translation (f->store, t, &error));
    korak_store_set_audit_enabled (f->store, FALSE);
    g_assert_true (korak_store_delete_note (f->store, third, &error));
    korak_store_set_audit_enabled (f->store, TRUE);
    g_assert_no_error (error);
    g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation_version"), ==, 0);
    g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM note_translation"), ==, 0);
  }
}

/* -------------------------------------------------------------- audit */

static gint64
count_audit (KorakStore *store,
             const char *table,
             const char *action,
             gint64      participant_id)
{
  if (participant_id == 0)
    return query_int (store, "SELECT count(*) FROM audit_log WHERE table_name = '%s' AND action = '%s' "
                             "AND participant_id IS NULL", table, action);
  return query_int (store, "SELECT count(*) FROM audit_log WHERE table_name = '%s' AND action = '%s' "
                           "AND participant_id = %" G_GINT64_FORMAT, table, action, participant_id);
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 note_id, id, group;

  note_id = add_note (f->store, ARTA, 0, "2026-01-12", "sl", "Dogovor.");
  g_assert_cmpint (count_audit (f->store, "note", "insert", ARTA), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT staff_id FROM audit_log WHERE table_name = 'note' AND row_id = %"
                                        G_GINT64_FORMAT, note_id), ==, MENTOR);

  id = add_translation (f->store, note_id, "sq", "Marrëveshje.");
  g_assert_cmpint (count_audit (f->store, "note_translation", "insert", ARTA), ==, 1);

  g_assert_true (korak_store_submit_translation (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f->store, "note_translation", "update", ARTA), ==, 1);
  g_assert_cmpint (count_audit (f->store, "note_translation_version", "insert", ARTA), ==, 1);
  text = query_text (f->store, "SELECT json_extract(new_values, '$.review_state') FROM audit_log "
                               "WHERE table_name = 'note_translation' AND action = 'update'");
  g_assert_cmpstr (text, ==, "needs_review");
  g_clear_pointer (&text, g_free);

  korak_store_set_actor (f->store, ARDITA, "Ardita Berisha");
  g_assert_true (korak_store_return_translation (f->store, id, 0, "Manjka ura.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f->store, "note_translation", "update", ARTA), ==, 2);
  g_assert_cmpint (count_audit (f->store, "note_translation_version", "insert", ARTA), ==, 2);
  text = query_text (f->store, "SELECT json_extract(new_values, '$.review_comment') FROM audit_log "
                               "WHERE table_name = 'note_translation' AND action = 'update' AND staff_id = %d", ARDITA);
  g_assert_cmpstr (text, ==, "Manjka ura.");

  /* A group's note is logged too, about no one in particular. */
  korak_store_set_actor (f->store, MENTOR, "Mateja Kern");
  group = add_note (f->store, 0, JESENICE, "2026-01-20", "sl", "Malica.");
  g_assert_cmpint (count_audit (f->store, "note", "insert", 0), ==, 1);
  add_translation (f->store, group, "ar", "غداء.");
  g_assert_cmpint (count_audit (f->store, "note_translation", "insert", 0), ==, 1);

  /* Deleting a note logs it, its translations and their versions, each
   * with the person. */
  g_assert_true (korak_store_delete_note (f->store, note_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f->store, "note", "delete", ARTA), ==, 1);
  g_assert_cmpint (count_audit (f->store, "note_translation", "delete", ARTA), ==, 1);
  g_assert_cmpint (count_audit (f->store, "note_translation_version", "delete", ARTA), ==, 2);

  /* A refused change leaves no entry. */
  {
    gint64 before = query_int (f->store, "SELECT count(*) FROM audit_log");
    gint64 g = query_int (f->store, "SELECT id FROM note_translation WHERE note_id = %" G_GINT64_FORMAT, group);

    g_assert_false (korak_store_review_translation (f->store, g, LEJLA, &error));
    assert_invalid (error);
    g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log"), ==, before);
  }
}

/* ---------------------------------------------------------- languages */

static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) arta = NULL;
  g_auto(GStrv) fatima = NULL;
  g_auto(GStrv) cene = NULL;
  g_auto(GStrv) none = NULL;
  static const char * const required[] = {
    "sl", "hr", "bs", "sr", "sq", "mk", "ar", "fa", "ps", "ur", "uk", "ru", "pl", "en", "de", "it",
    "hu", "ro", "tr", "ti", "so", "zh",
  };

  /* Mother tongue, other languages, then Slovenian, then the rest. */
  arta = korak_store_note_languages (f->store, ARTA, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arta[0], ==, "sq");
  g_assert_cmpstr (arta[1], ==, "sr");
  g_assert_cmpstr (arta[2], ==, "de");
  g_assert_cmpstr (arta[3], ==, "sl");

  fatima = korak_store_note_languages (f->store, FATIMA, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fatima[0], ==, "ar");
  g_assert_cmpstr (fatima[1], ==, "en");
  g_assert_cmpstr (fatima[2], ==, "fr");
  g_assert_cmpstr (fatima[3], ==, "sl");

  cene = korak_store_note_languages (f->store, CENE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cene[0], ==, "sl");

  none = korak_store_note_languages (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (none[0], ==, "sl");
  /* The rest by name: Albanian, Arabic, … (LANGUAGE=C). */
  g_assert_cmpstr (none[1], ==, "sq");
  g_assert_cmpstr (none[2], ==, "ar");
  for (guint i = 2; none[i] != NULL; i++)
    g_assert_cmpint (g_utf8_collate (korak_language_name (none[i - 1]), korak_language_name (none[i])), <, 0);

  /* Each once, and all of them. */
  g_assert_cmpuint (g_strv_length (arta), ==, g_strv_length (none));
  g_assert_cmpuint (g_strv_length (fatima), ==, g_strv_length (none));
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_assert_true (g_strv_contains ((const char * const *)arta, required[i]));
      g_assert_cmpstr (korak_language_name (required[i]), !=, required[i]);
    }
  for (guint i = 0; none[i] != NULL; i++)
    for (guint j = i + 1; none[j] != NULL; j++)
      g_assert_cmpstr (none[i], !=, none[j]);

  g_assert_null (korak_store_note_languages (f->store, 424242, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Names. */
  g_assert_cmpstr (korak_language_name ("sq"), ==, "Albanian");
  g_assert_cmpstr (korak_language_name ("ar"), ==, "Arabic");
  g_assert_cmpstr (korak_language_name ("ku-Arab"), ==, "ku-Arab");

  /* Free text to tags. */
  {
    static const struct { const char *text; const char *tag; } cases[] = {
      { "albanščina", "sq" }, { "Shqip", "sq" }, { "Albanian", "sq" }, { " sq ", "sq" },
      { "arabščina", "ar" }, { "العربية", "ar" }, { "ARABIC", "ar" },
      { "slovenščina (osnovno)", "sl" }, { "slovenscina", "sl" }, { "Slovenski jezik", "sl" },
      { "bosanski", "bs" }, { "srbščina", "sr" }, { "romščina", "rom" }, { "Deutsch", "de" },
      { "perzijščina", "fa" }, { "ukrajinščina", "uk" }, { "tigrinja", "ti" },
      { "klingonščina", NULL }, { "", NULL }, { "   ", NULL }, { NULL, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *tag = korak_language_from_text (cases[i].text);

        g_test_message ("“%s”", cases[i].text ? cases[i].text : "(null)");
        g_assert_cmpstr (tag, ==, cases[i].tag);
      }
  }

  /* Tags. */
  {
    static const struct { const char *in; const char *out; } cases[] = {
      { "sl", "sl" }, { "SL", "sl" }, { "sr_latn", "sr-Latn" }, { "bs-ba", "bs-BA" }, { "ku-arab", "ku-Arab" },
      { "rom", "rom" }, { "x", NULL }, { "", NULL }, { "s1", NULL }, { "sl-", NULL }, { "not a tag", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *tag = korak_language_normalize (cases[i].in);

        g_assert_cmpstr (tag, ==, cases[i].out);
      }
  }

  /* Right to left. */
  g_assert_true (korak_language_is_rtl ("ar"));
  g_assert_true (korak_language_is_rtl ("fa"));
  g_assert_true (korak_language_is_rtl ("ps"));
  g_assert_true (korak_language_is_rtl ("ur"));
  g_assert_true (korak_language_is_rtl ("he"));
  g_assert_true (korak_language_is_rtl ("yi"));
  g_assert_true (korak_language_is_rtl ("dv"));
  g_assert_true (korak_language_is_rtl ("ku-Arab"));
  g_assert_true (korak_language_is_rtl ("AR-eg"));
  g_assert_false (korak_language_is_rtl ("ku"));
  g_assert_false (korak_language_is_rtl ("sl"));
  g_assert_false (korak_language_is_rtl ("sq"));
  g_assert_false (korak_language_is_rtl ("uz-Latn"));
  g_assert_false (korak_language_is_rtl (""));
  g_assert_false (korak_language_is_rtl (NULL));

  /* Bosnian and Serbian (Latin) readers get the Croatian documents. */
  g_assert_cmpstr (korak_language_neighbour ("bs"), ==, "hr");
  g_assert_cmpstr (korak_language_neighbour ("sr-Latn"), ==, "hr");
  g_assert_cmpstr (korak_language_neighbour ("CNR"), ==, "hr");
  g_assert_null (korak_language_neighbour ("sr-Cyrl"));
  g_assert_null (korak_language_neighbour ("hr"));
  g_assert_null (korak_language_neighbour ("ar"));
  g_assert_null (korak_language_neighbour (NULL));

  /* A note in a tag beyond the list is kept as written, normalised. */
  {
    gint64 id = add_note (f->store, ARTA, 0, "2026-01-12", "ku_arab", "Kurdish note.");
    g_autofree char *language = query_text (f->store, "SELECT language FROM note WHERE id = %" G_GINT64_FORMAT, id);

    g_assert_cmpstr (language, ==, "ku-Arab");
  }
}

/* --------------------------------------------------------------- demo */

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("korak-notes-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  KorakDemoOptions options = { 600, 11, "2026-03-16" };
  KorakDemoCounts counts;
  gint64 triggers, waiting_count;
  guint in_cohort = 0;

  g_assert_no_error (error);
  store = korak_store_open (path, &error);
  g_assert_no_error (error);
  triggers = query_int (store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'audit_*'");
  g_assert_cmpint (triggers, >, 0);

  g_assert_true (korak_demo_generate (store, &options, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.participants, ==, 600);

  /* Notes for people who need a mediator, and for groups; translations
   * in every state, with their history; nothing logged, the triggers back. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM note"), >, 100);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM note n JOIN participant p ON p.id = n.participant_id "
                                     "WHERE p.needs_mediator = 0"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM note WHERE cohort_id IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM note WHERE sensitive = 1"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT review_state) FROM note_translation"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT language) FROM note_translation"), >=, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM note_translation_version"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM note_translation t WHERE t.version <> 1 + "
                                     "(SELECT count(*) FROM note_translation_version v WHERE v.translation_id = t.id)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM note_translation t JOIN note n ON n.id = t.note_id "
                                     "WHERE t.language = n.language"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM note_translation WHERE review_state = 'returned' "
                                     "AND (review_comment IS NULL OR reviewer_id IS NULL)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'audit_*'"),
                   ==, triggers);
  {
    g_autofree char *check = korak_store_integrity_check (store, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (check, ==, "ok");
  }
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* The mediator's queue has work in it. */
  waiting_count = korak_store_count_review_queue (store, &error);
  g_assert_no_error (error);
  g_test_message ("%" G_GINT64_FORMAT " translations wait for review", waiting_count);
  g_assert_cmpint (waiting_count, >=, 3);
  items = korak_store_list_review_queue (store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, waiting_count);
  for (guint i = 0; i < items->len; i++)
    {
      KorakNoteRecord *note = g_ptr_array_index (items, i);
      KorakTranslationRecord *t = g_ptr_array_index (note->translations, 0);

      g_assert_nonnull (note->subject_name);
      g_assert_nonnull (t->submitted_at);
      if (i > 0)
        {
          KorakNoteRecord *before = g_ptr_array_index (items, i - 1);

          g_assert_cmpstr (((KorakTranslationRecord *)g_ptr_array_index (before->translations, 0))->submitted_at, <=,
                           t->submitted_at);
        }
    }

  /* Each waiting translation is in exactly one cohort's share (every
   * sample note is a member's or a group's). */
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store), "SELECT id FROM cohort", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_autoptr(GPtrArray) mine = korak_store_list_review_queue (store, NULL, sqlite3_column_int64 (stmt, 0), &error);

        g_assert_no_error (error);
        in_cohort += mine->len;
      }
    sqlite3_finalize (stmt);
    g_assert_cmpuint (in_cohort, ==, items->len);
  }

  /* The history of a translation that was returned, then reviewed. */
  {
    gint64 id = query_int (store, "SELECT id FROM note_translation WHERE version = 6 LIMIT 1");

    versions = korak_store_list_translation_versions (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (versions->len, ==, 5);
    g_assert_cmpstr (((KorakTranslationRecord *)g_ptr_array_index (versions, 2))->state, ==, KORAK_TRANSLATION_RETURNED);
    g_assert_nonnull (((KorakTranslationRecord *)g_ptr_array_index (versions, 2))->comment);
    g_assert_cmpstr (((KorakTranslationRecord *)g_ptr_array_index (versions, 4))->state, ==, KORAK_TRANSLATION_DRAFT);
  }

  /* Work on the sample data is audited as usual. */
  {
    KorakNoteRecord *note = g_ptr_array_index (items, 0);
    KorakTranslationRecord *t = g_ptr_array_index (note->translations, 0);

    g_assert_true (korak_store_review_translation (store, t->id, 0, &error));
    g_assert_no_error (error);
    g_assert_cmpint (korak_store_count_review_queue (store, &error), ==, waiting_count - 1);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE table_name = 'note_translation'"), ==, 1);
  }

  g_clear_object (&store);
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/notes/participant", test_participant_notes);
  ADD ("/notes/cohort", test_cohort_notes);
  ADD ("/notes/validation", test_validation);
  ADD ("/notes/translation/state-machine", test_state_machine);
  ADD ("/notes/translation/versions", test_versions);
  ADD ("/notes/review-queue", test_queue);
  ADD ("/notes/text-exact", test_text_exact);
  ADD ("/notes/delete", test_delete);
  ADD ("/notes/audit", test_audit);
  ADD ("/notes/languages", test_languages);
#undef ADD
  g_test_add_func ("/notes/demo", test_demo);

  return g_test_run ();
}
