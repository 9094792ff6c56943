/* test-bad-input.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "korak-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/resource.h>

#include "korak-participant-record.h"
#include "korak-store-private.h"

/* Every free-text field of a participant. */
static const KorakParticipantField text_fields[] = {
  KORAK_FIELD_GIVEN_NAME,
  KORAK_FIELD_FAMILY_NAME,
  KORAK_FIELD_ADDRESS,
  KORAK_FIELD_MUNICIPALITY,
  KORAK_FIELD_MOTHER_TONGUE,
  KORAK_FIELD_OTHER_LANGUAGES,
  KORAK_FIELD_REFERRING_WORKER,
  KORAK_FIELD_CONSENT_SCOPE,
};

enum {
  VALUE_LONG,
  VALUE_EMOJI,
  VALUE_ARABIC,
  VALUE_BIDI,
  VALUE_QUOTES,
  VALUE_INJECTION,
  VALUE_SPACES,
  N_VALUES
};

/* ---- helpers ----------------------------------------------------------- */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("korak-test-bad-input-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}


static KorakStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KorakStore *store = korak_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (KORAK_IS_STORE (store));
  return store;
}

static KorakParticipantRecord *
new_record (const char *given,
            const char *family)
{
  KorakParticipantRecord *record = korak_participant_record_new ();

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "referred");
  return record;
}

static gint64
count_rows (KorakStore *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 count = korak_store_count_rows (store, table, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count, >=, 0);
  return count;
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

static char **
make_values (void)
{
  char **values = g_new0 (char *, N_VALUES + 1);

  /* 2,000 × "Žana " is 10,000 characters (12,000 bytes). */
  values[VALUE_LONG] = repeat ("Žana ", 2000);
  g_assert_cmpint (g_utf8_strlen (values[VALUE_LONG], -1), ==, 10000);
  /* A skin-tone modifier and zero-width joiners. */
  values[VALUE_EMOJI] = g_strdup ("👩🏽‍🌾 Ana 🌱");
  values[VALUE_ARABIC] = g_strdup ("فاطمة الزهراء");
  /* Left-to-right text with right-to-left inside it, with isolates and
   * marks. (FTS5's unicode61 counts these invisible marks as letters, so
   * one glued to a word would hide the word from search; here they stand
   * apart.) */
  values[VALUE_BIDI] = g_strdup ("Ana \u2067 فاطمة بن علي \u2069 Novak \u200F(2)\u200E ok");
  values[VALUE_QUOTES] = g_strdup ("O'Brien \"Ana\"");
  values[VALUE_INJECTION] = g_strdup ("'); DROP TABLE participant;--");
  values[VALUE_SPACES] = g_strdup ("  Ana\tMarija  ");

  return values;
}

static void
assert_invalid (const GError *error)
{
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

/* Inserts @record and expects it refused with nothing written. */
static void
assert_insert_refused (KorakStore             *store,
                       KorakParticipantRecord *record)
{
  g_autoptr(GError) error = NULL;
  gint64 participants = count_rows (store, "participant");
  gint64 audits = count_rows (store, "audit_log");

  g_assert_false (korak_store_insert_participant (store, record, &error));
  assert_invalid (error);
  g_assert_cmpint (record->id, ==, 0);
  g_assert_cmpint (count_rows (store, "participant"), ==, participants);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);
}

static void
assert_search_exactly (KorakStore   *store,
                       const char   *text,
                       const gint64 *expected,
                       guint         n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = korak_store_search_participants (store, text, &error);

  g_test_message ("search “%s”", text);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < ids->len; j++)
        found |= g_array_index (ids, gint64, j) == expected[i];
      g_assert_true (found);
    }
}

/* ---- tests -------------------------------------------------------------- */

static void
test_round_trip_exact (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  g_auto(GStrv) values = make_values ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[N_VALUES];
  gint64 plain;
  sqlite3 *db;

  plain = 0;
  {
    g_autoptr(KorakParticipantRecord) record = new_record ("Mira", "Horvat");

    g_assert_true (korak_store_insert_participant (store, record, &error));
    g_assert_no_error (error);
    plain = record->id;
  }

  /* Each value goes into every text field of one person. */
  for (guint v = 0; v < N_VALUES; v++)
    {
      g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();

      korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
      for (guint f = 0; f < G_N_ELEMENTS (text_fields); f++)
        korak_participant_record_set (record, text_fields[f], values[v]);

      g_assert_true (korak_store_insert_participant (store, record, &error));
      g_assert_no_error (error);
      ids[v] = record->id;

      /* What the store hands back is what was given. */
      for (guint f = 0; f < G_N_ELEMENTS (text_fields); f++)
        g_assert_cmpstr (korak_participant_record_get (record, text_fields[f]), ==, values[v]);

      /* And an update with the same text keeps it. */
      g_assert_true (korak_store_update_participant (store, record, &error));
      g_assert_no_error (error);
    }

  /* Read back through a new connection. */
  g_clear_object (&store);
  store = open_store (path);

  for (guint v = 0; v < N_VALUES; v++)
    {
      g_autoptr(KorakParticipantRecord) got = korak_store_get_participant (store, ids[v], &error);

      g_assert_no_error (error);
      g_assert_nonnull (got);
      for (guint f = 0; f < G_N_ELEMENTS (text_fields); f++)
        {
          g_test_message ("value %u, field %s", v, korak_participant_field_info (text_fields[f])->column);
          g_assert_cmpstr (korak_participant_record_get (got, text_fields[f]), ==, values[v]);
          g_assert_cmpuint (strlen (korak_participant_record_get (got, text_fields[f])), ==, strlen (values[v]));
        }
    }

  all = korak_store_list_participants (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, N_VALUES + 1);
  for (guint i = 0; i < all->len; i++)
    {
      KorakParticipantRecord *record = g_ptr_array_index (all, i);

      for (guint v = 0; v < N_VALUES; v++)
        if (record->id == ids[v])
          for (guint f = 0; f < G_N_ELEMENTS (text_fields); f++)
            g_assert_cmpstr (korak_participant_record_get (record, text_fields[f]), ==, values[v]);
    }

  /* The text was data, never SQL: the table is there with its rows. */
  db = korak_store_get_db (store);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'participant'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  g_assert_cmpint (count_rows (store, "participant"), ==, N_VALUES + 1);
  /* One audit entry a person: saving the same text again is no change,
   * and the audit triggers log only changes. */
  g_assert_cmpint (count_rows (store, "audit_log"), ==, N_VALUES + 1);

  /* Search finds the right people by what they hold. */
  assert_search_exactly (store, "drop", &ids[VALUE_INJECTION], 1);
  assert_search_exactly (store, "DROP TABLE", &ids[VALUE_INJECTION], 1);
  assert_search_exactly (store, "'); DROP TABLE participant;--", &ids[VALUE_INJECTION], 1);
  {
    gint64 fatima[] = { ids[VALUE_ARABIC], ids[VALUE_BIDI] };

    assert_search_exactly (store, "فاطمة", fatima, G_N_ELEMENTS (fatima));
  }
  assert_search_exactly (store, "الزهراء", &ids[VALUE_ARABIC], 1);
  assert_search_exactly (store, "zana", &ids[VALUE_LONG], 1);
  assert_search_exactly (store, "Žana", &ids[VALUE_LONG], 1);
  assert_search_exactly (store, "o'brien", &ids[VALUE_QUOTES], 1);
  assert_search_exactly (store, "marija", &ids[VALUE_SPACES], 1);
  assert_search_exactly (store, "horvat", &plain, 1);
  {
    gint64 anas[] = { ids[VALUE_EMOJI], ids[VALUE_BIDI], ids[VALUE_QUOTES], ids[VALUE_SPACES] };

    assert_search_exactly (store, "ana", anas, G_N_ELEMENTS (anas));
  }

  /* Pictures alone are nothing to search for. */
  {
    g_autoptr(GArray) none = korak_store_search_participants (store, "🌱", &error);

    g_assert_no_error (error);
    g_assert_null (none);
  }

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
test_too_long (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  /* Characters, not bytes: 100,000 × “ž” is 200,000 bytes and fits. */
  g_autofree char *longest = repeat ("ž", KORAK_FIELD_MAX_CHARS);
  g_autofree char *too_long = repeat ("a", KORAK_FIELD_MAX_CHARS + 1);
  g_autofree char *too_long_utf8 = repeat ("ž", KORAK_FIELD_MAX_CHARS + 1);
  g_autoptr(GError) error = NULL;

  for (guint f = 0; f < G_N_ELEMENTS (text_fields); f++)
    {
      g_autoptr(KorakParticipantRecord) record = new_record ("Ana", "Novak");
      g_autoptr(KorakParticipantRecord) other = new_record ("Ana", "Novak");

      g_test_message ("field %s", korak_participant_field_info (text_fields[f])->column);
      korak_participant_record_set (record, text_fields[f], too_long);
      assert_insert_refused (store, record);
      korak_participant_record_set (other, text_fields[f], too_long_utf8);
      assert_insert_refused (store, other);

      g_assert_false (korak_participant_field_validate (text_fields[f], too_long, &error));
      assert_invalid (error);
      g_assert_nonnull (strstr (error->message, "100000"));
      g_clear_error (&error);
      g_assert_true (korak_participant_field_validate (text_fields[f], longest, &error));
      g_assert_no_error (error);
    }

  /* The longest allowed text is stored and read back whole. */
  {
    g_autoptr(KorakParticipantRecord) record = new_record ("Ana", "Novak");
    g_autoptr(KorakParticipantRecord) got = NULL;

    korak_participant_record_set (record, KORAK_FIELD_ADDRESS, longest);
    g_assert_true (korak_store_insert_participant (store, record, &error));
    g_assert_no_error (error);
    got = korak_store_get_participant (store, record->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (korak_participant_record_get (got, KORAK_FIELD_ADDRESS), ==, longest);
  }

  /* An update is checked the same way and changes nothing. */
  {
    g_autoptr(GPtrArray) all = korak_store_list_participants (store, &error);
    KorakParticipantRecord *record;
    g_autoptr(KorakParticipantRecord) got = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 1);
    record = g_ptr_array_index (all, 0);
    korak_participant_record_set (record, KORAK_FIELD_MUNICIPALITY, too_long);
    g_assert_false (korak_store_update_participant (store, record, &error));
    assert_invalid (error);
    g_clear_error (&error);
    got = korak_store_get_participant (store, record->id, &error);
    g_assert_no_error (error);
    g_assert_null (got->values[KORAK_FIELD_MUNICIPALITY]);
  }

  g_assert_cmpint (count_rows (store, "participant"), ==, 1);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
test_invalid_utf8 (void)
{
  static const char *broken[] = {
    "Ana\xC3\x28",          /* a two-byte sequence with a bad second byte */
    "\xFF\xFE Ana",         /* bytes that never occur in UTF-8 */
    "Novak\xC5",            /* “Ž” cut in half */
    "\xC0\xAF",             /* an overlong “/” */
    "\xED\xA0\x80",         /* a UTF-16 surrogate */
    "\xF4\x90\x80\x80",     /* above U+10FFFF */
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);

  for (guint f = 0; f < G_N_ELEMENTS (text_fields); f++)
    for (guint b = 0; b < G_N_ELEMENTS (broken); b++)
      {
        g_autoptr(KorakParticipantRecord) record = new_record ("Ana", "Novak");

        g_test_message ("field %s, broken text %u", korak_participant_field_info (text_fields[f])->column, b);
        korak_participant_record_set (record, text_fields[f], broken[b]);
        assert_insert_refused (store, record);
      }

  /* Other fields too. */
  {
    static const KorakParticipantField others[] = {
      KORAK_FIELD_PHONE, KORAK_FIELD_EMAIL, KORAK_FIELD_BIRTH_DATE, KORAK_FIELD_STATUS,
    };

    for (guint f = 0; f < G_N_ELEMENTS (others); f++)
      {
        g_autoptr(KorakParticipantRecord) record = new_record ("Ana", "Novak");

        korak_participant_record_set (record, others[f], "\xC3\x28");
        assert_insert_refused (store, record);
      }
  }

  /* Searching with broken text does not fail or read past the text. */
  for (guint b = 0; b < G_N_ELEMENTS (broken); b++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = korak_store_search_participants (store, broken[b], &error);

      g_assert_no_error (error);
      if (ids != NULL)
        g_assert_cmpuint (ids->len, ==, 0);
    }

  g_assert_cmpint (count_rows (store, "participant"), ==, 0);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
test_control_characters (void)
{
  static const char *controls[] = {
    "Ana\x01",
    "\x1b[31mAna",
    "Ana\rNovak",
    "Ana\x7f",
    "Ana\xC2\x85",          /* U+0085 NEXT LINE, a C1 control */
    "Ana\x08\x08\x08",
    "\x0b",
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  g_autoptr(GError) error = NULL;

  for (guint f = 0; f < G_N_ELEMENTS (text_fields); f++)
    for (guint c = 0; c < G_N_ELEMENTS (controls); c++)
      {
        g_autoptr(KorakParticipantRecord) record = new_record ("Ana", "Novak");

        g_test_message ("field %s, control text %u", korak_participant_field_info (text_fields[f])->column, c);
        korak_participant_record_set (record, text_fields[f], controls[c]);
        assert_insert_refused (store, record);
      }

  /* A line break and a tab in an address are ordinary text. */
  {
    g_autoptr(KorakParticipantRecord) record = new_record ("Ana", "Novak");
    g_autoptr(KorakParticipantRecord) got = NULL;

    korak_participant_record_set (record, KORAK_FIELD_ADDRESS, "Glavni trg 1\n8000 Novo mesto\tSlovenija");
    g_assert_true (korak_store_insert_participant (store, record, &error));
    g_assert_no_error (error);
    got = korak_store_get_participant (store, record->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (korak_participant_record_get (got, KORAK_FIELD_ADDRESS), ==,
                     "Glavni trg 1\n8000 Novo mesto\tSlovenija");
  }

  g_assert_cmpint (count_rows (store, "participant"), ==, 1);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

static void
test_validation_messages (void)
{
  static const struct {
    KorakParticipantField field;
    const char           *value;
    gboolean              valid;
  } cases[] = {
    { KORAK_FIELD_EMAIL, "ana@example.si", TRUE },
    { KORAK_FIELD_EMAIL, "ana.novak+korak@mail.example.com", TRUE },
    { KORAK_FIELD_EMAIL, "ana", FALSE },
    { KORAK_FIELD_EMAIL, "ana@", FALSE },
    { KORAK_FIELD_EMAIL, "@example.si", FALSE },
    { KORAK_FIELD_EMAIL, "ana@example", FALSE },
    { KORAK_FIELD_EMAIL, "ana novak@example.si", FALSE },
    { KORAK_FIELD_EMAIL, "ana@@example.si", FALSE },
    { KORAK_FIELD_EMAIL, "ana@example.si, mira@example.si", FALSE },
    { KORAK_FIELD_EMAIL, "<ana@example.si>", FALSE },
    { KORAK_FIELD_PHONE, "+386 41 123 456", TRUE },
    { KORAK_FIELD_PHONE, "041/123-456", TRUE },
    { KORAK_FIELD_PHONE, "(07) 332 11 00", TRUE },
    { KORAK_FIELD_PHONE, "call me", FALSE },
    { KORAK_FIELD_PHONE, "12", FALSE },
    { KORAK_FIELD_PHONE, "+386 41 123 456 ext", FALSE },
    { KORAK_FIELD_PHONE, "041 123 456; 031 000 000", FALSE },
    { KORAK_FIELD_BIRTH_DATE, "1985-03-05", TRUE },
    { KORAK_FIELD_BIRTH_DATE, "5. 3. 1985", FALSE },
    { KORAK_FIELD_BIRTH_DATE, "1985-02-30", FALSE },
    { KORAK_FIELD_BIRTH_DATE, "yesterday", FALSE },
    { KORAK_FIELD_BIRTH_DATE, "2999-01-01", FALSE },
    { KORAK_FIELD_BIRTH_DATE, "1899-12-31", FALSE },
    { KORAK_FIELD_REFERRAL_DATE, "2026-13-01", FALSE },
    { KORAK_FIELD_CONSENT_DATE, "2999-12-31", FALSE },
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "korak.db", NULL);
  g_autoptr(KorakStore) store = open_store (path);
  gint64 stored = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KorakParticipantRecord) record = new_record ("Ana", "Novak");
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("%s = “%s”", korak_participant_field_info (cases[i].field)->column, cases[i].value);

      ok = korak_participant_field_validate (cases[i].field, cases[i].value, &error);
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (cases[i].valid)
        g_assert_no_error (error);
      else
        assert_invalid (error);
      g_clear_error (&error);

      korak_participant_record_set (record, cases[i].field, cases[i].value);
      if (cases[i].valid)
        {
          g_assert_true (korak_store_insert_participant (store, record, &error));
          g_assert_no_error (error);
          g_assert_cmpstr (korak_participant_record_get (record, cases[i].field), ==, cases[i].value);
          stored++;
        }
      else
        assert_insert_refused (store, record);
    }

  /* The messages say which field is wrong and show how it should look. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (korak_participant_field_validate (KORAK_FIELD_EMAIL, "ana", &error));
    g_assert_nonnull (strstr (error->message, "ana"));
    g_assert_nonnull (strstr (error->message, "@"));
    g_clear_error (&error);

    g_assert_false (korak_participant_field_validate (KORAK_FIELD_PHONE, "call me", &error));
    g_assert_nonnull (strstr (error->message, "+386"));
    g_clear_error (&error);

    g_assert_false (korak_participant_field_validate (KORAK_FIELD_BIRTH_DATE, "yesterday", &error));
    g_assert_nonnull (strstr (error->message, "Birth date"));
    g_clear_error (&error);

    g_assert_false (korak_participant_field_validate (KORAK_FIELD_BIRTH_DATE, "2999-01-01", &error));
    g_assert_nonnull (strstr (error->message, "future"));
    g_clear_error (&error);

    g_assert_false (korak_participant_field_validate (KORAK_FIELD_GIVEN_NAME, "  ", &error));
    g_assert_nonnull (strstr (error->message, "Given name"));
    g_clear_error (&error);
  }

  g_assert_cmpint (count_rows (store, "participant"), ==, stored);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

/* The biggest of the database's files, so a size limit just above it is
 * met by the next write, wherever SQLite writes it. */
static goffset
largest_file (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  goffset largest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0)
        largest = MAX (largest, st.st_size);
    }
  return largest;
}

/* A real full disk, as the kernel reports it: the process may not make
 * a file bigger (RLIMIT_FSIZE), so the write fails with EFBIG. The person
 * sees the disk is full, nothing is half written, and the same edit saves
 * once there is room again. In a child, since the limit is per process. */
static void
test_disk_full_rlimit (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("KORAK_TEST_FULL_PATH");
      g_autoptr(GError) error = NULL;
      g_autoptr(KorakStore) store = korak_store_open (path, &error);
      g_autoptr(KorakParticipantRecord) record = new_record ("Mira", "Horvat");
      g_autoptr(GString) address = g_string_new (NULL);
      g_autofree char *report = NULL;
      struct rlimit limit;
      gint64 before;

      g_assert_no_error (error);
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *given = g_strdup_printf ("Ana %u", i);
          g_autoptr(KorakParticipantRecord) r = new_record (given, "Novak");

          korak_store_insert_participant (store, r, &error);
          g_assert_no_error (error);
        }
      before = korak_store_count_rows (store, "participant", NULL);

      while (address->len < 90000)
        g_string_append_c (address, 'a' + address->len % 26);
      korak_participant_record_set (record, KORAK_FIELD_ADDRESS, address->str);

      /* Without SIGXFSZ ignored the kernel would kill the process instead. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      limit.rlim_cur = largest_file (path) + 16384;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (korak_store_insert_participant (store, record, &error));
      g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_DISK_FULL);
      g_print ("%s\n", error->message);
      g_clear_error (&error);
      g_assert_cmpint (record->id, ==, 0);
      g_assert_cmpint (korak_store_count_rows (store, "participant", NULL), ==, before);

      /* Room again: the same edit saves. */
      limit.rlim_cur = limit.rlim_max;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_true (korak_store_insert_participant (store, record, &error));
      g_assert_no_error (error);
      g_assert_cmpint (korak_store_count_rows (store, "participant", NULL), ==, before + 1);
      report = korak_store_integrity_check (store, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (report, ==, "ok");
      return;
    }

  {
    g_autofree char *dir = make_tmp_dir ();
    g_autofree char *path = g_build_filename (dir, "korak.db", NULL);

    g_setenv ("KORAK_TEST_FULL_PATH", path, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_unsetenv ("KORAK_TEST_FULL_PATH");
    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout ("*could not write the change to the disk*");
    korak_test_remove_tree (dir, TRUE);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bad-input/round-trip-exact", test_round_trip_exact);
  g_test_add_func ("/bad-input/too-long", test_too_long);
  g_test_add_func ("/bad-input/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/bad-input/control-characters", test_control_characters);
  g_test_add_func ("/bad-input/validation-messages", test_validation_messages);
  g_test_add_func ("/bad-input/disk-full-rlimit", test_disk_full_rlimit);

  return g_test_run ();
}
