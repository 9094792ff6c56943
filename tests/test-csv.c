/* test-csv.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile input through the CSV reader, the referral import and the
 * CSV and XLSX exports: every file is either refused with a clear message
 * or stored exactly, never half.
 */

#include "config.h"

#include "korak-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "korak-csv.h"
#include "korak-demo.h"
#include "korak-export.h"
#include "korak-participant-record.h"
#include "korak-schedule.h"
#include "korak-store-private.h"
#include "korak-xlsx.h"

typedef struct
{
  char       *dir;
  char       *db_path;
  KorakStore *store;
} Fixture;


static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("korak-test-csv-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  korak_test_remove_tree (f->dir, FALSE);
  g_free (f->db_path);
  g_free (f->dir);
}

static KorakCsv *
parse_ok (const char *text,
          gssize      length)
{
  g_autoptr(GError) error = NULL;
  KorakCsv *csv = korak_csv_parse (text, length < 0 ? strlen (text) : (gsize) length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static void
assert_refused (const char *text,
                gsize       length,
                const char *expected_in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCsv) csv = korak_csv_parse (text, length, &error);

  g_assert_null (csv);
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  if (strstr (error->message, expected_in_message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected_in_message);
}

static gint64
count_participants (KorakStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = korak_store_count_rows (store, "participant", &error);

  g_assert_no_error (error);
  return n;
}

static KorakReferralImport *
import_text (const char *text)
{
  return korak_referral_import_new (parse_ok (text, -1));
}

/* The only participant of the store, or the one with this family name. */
static KorakParticipantRecord *
find_participant (KorakStore *store,
                  const char *family)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = korak_store_list_participants (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      KorakParticipantRecord *record = g_ptr_array_index (records, i);

      if (family == NULL || g_strcmp0 (record->values[KORAK_FIELD_FAMILY_NAME], family) == 0)
        return korak_participant_record_copy (record);
    }

  g_error ("no participant %s", family ? family : "");
  return NULL;
}

/* ------------------------------------------------------------ the reader */

static void
test_reader_rfc4180 (void)
{
  g_autoptr(KorakCsv) csv = parse_ok ("Given name,Family name,Address\r\n"
                                      "Ana,Novak,\"Glavna 1, Kranj\"\r\n"
                                      "\r\n"
                                      "\"Jo \"\"Joe\"\"\",Horvat,\"line one\r\nline two\"\r\n"
                                      "Mia,Kos,\n"
                                      ",,\n"
                                      "Eva,Zupan,last", -1);

  g_assert_cmpint (korak_csv_get_separator (csv), ==, ',');
  g_assert_false (korak_csv_get_had_bom (csv));
  g_assert_cmpuint (korak_csv_get_n_columns (csv), ==, 3);
  g_assert_cmpstr (korak_csv_get_header (csv, 2), ==, "Address");
  /* The blank line and the line of empty fields are skipped. */
  g_assert_cmpuint (korak_csv_get_n_rows (csv), ==, 4);
  g_assert_cmpstr (korak_csv_get_value (csv, 0, 2), ==, "Glavna 1, Kranj");
  g_assert_cmpstr (korak_csv_get_value (csv, 1, 0), ==, "Jo \"Joe\"");
  g_assert_cmpstr (korak_csv_get_value (csv, 1, 2), ==, "line one\nline two");
  g_assert_cmpstr (korak_csv_get_value (csv, 2, 2), ==, "");
  g_assert_cmpstr (korak_csv_get_value (csv, 3, 2), ==, "last");
  /* Past the end of a short row: empty. */
  g_assert_cmpstr (korak_csv_get_value (csv, 3, 7), ==, "");
  /* Lines where rows start, counting the line break inside quotes. */
  g_assert_cmpuint (korak_csv_get_line (csv, 0), ==, 2);
  g_assert_cmpuint (korak_csv_get_line (csv, 1), ==, 4);
  g_assert_cmpuint (korak_csv_get_line (csv, 2), ==, 6);
  g_assert_cmpuint (korak_csv_get_line (csv, 3), ==, 8);
}

static void
test_reader_separators (void)
{
  g_autoptr(KorakCsv) tabs = parse_ok ("Ime\tPriimek\tNaslov\nAna\tNovak\tA; B, C\n", -1);
  g_autoptr(KorakCsv) semicolons = parse_ok ("\"Ime, prvo\";Priimek\nAna;Novak\n", -1);
  g_autoptr(KorakCsv) single = parse_ok ("Ime\nAna\n", -1);
  g_autoptr(KorakCsv) late = parse_ok ("\r\n\nIme;Priimek\nAna;Novak\n", -1);

  g_assert_cmpint (korak_csv_get_separator (tabs), ==, '\t');
  g_assert_cmpstr (korak_csv_get_value (tabs, 0, 2), ==, "A; B, C");
  /* A comma inside quotes in the header does not count. */
  g_assert_cmpint (korak_csv_get_separator (semicolons), ==, ';');
  g_assert_cmpstr (korak_csv_get_header (semicolons, 0), ==, "Ime, prvo");
  g_assert_cmpint (korak_csv_get_separator (single), ==, ',');
  g_assert_cmpuint (korak_csv_get_n_columns (single), ==, 1);
  g_assert_cmpint (korak_csv_get_separator (late), ==, ';');
  g_assert_cmpuint (korak_csv_get_line (late, 0), ==, 4);
}

static void
test_reader_hostile (void)
{
  static const char nul[] = "Ime;Priimek\nAna;No\0vak\n";
  static const char utf16[] = "\xFF\xFE" "I\0m\0e\0";

  /* Windows-1250 "č" (0xE8) is not UTF-8: the line is named. */
  assert_refused ("Ime;Priimek\nAna;Novak\nMarija;Ko\xE8" "ar\n", strlen ("Ime;Priimek\nAna;Novak\nMarija;Ko\xE8" "ar\n"),
                  "Line 3 ");
  assert_refused ("Ime\n\xC3\x28\n", 5, "Line 2 ");
  /* An overlong encoding of "/" and a lone surrogate are not UTF-8 either. */
  assert_refused ("Ime\n\xC0\xAF\n", 6, "UTF-8");
  assert_refused ("Ime\n\xED\xA0\x80\n", 7, "UTF-8");
  assert_refused (nul, sizeof nul - 1, "Line 2 ");
  assert_refused (nul, sizeof nul - 1, "NUL");
  assert_refused (utf16, sizeof utf16 - 1, "UTF-16");
  assert_refused ("Ime;Priimek\nAna;\"Novak\n", strlen ("Ime;Priimek\nAna;\"Novak\n"), "Line 2:");
  assert_refused ("Ime;Priimek\nAna;\"Novak\"x\n", strlen ("Ime;Priimek\nAna;\"Novak\"x\n"), "Line 2:");
  assert_refused ("", 0, "empty");
  assert_refused ("\xEF\xBB\xBF\r\n\r\n", 7, "empty");

  {
    g_autoptr(GString) wide = g_string_new ("a");

    for (guint i = 0; i < KORAK_CSV_MAX_COLUMNS + 5; i++)
      g_string_append (wide, ";a");
    assert_refused (wide->str, wide->len, "columns");
  }
}

/* A megabyte in one field is read exactly; the import then refuses it
 * as too long, with the reason, and stores nothing. */
static void
test_huge_field (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Ime;Priimek;Naslov\n");
  g_autofree char *huge = g_malloc (1024 * 1024 + 1);
  g_autoptr(KorakCsv) csv = NULL;
  g_autoptr(KorakReferralImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason;

  memset (huge, 'x', 1024 * 1024);
  huge[1024 * 1024] = '\0';
  g_string_append_printf (text, "Ana;Novak;\"%s\"\n", huge);
  g_string_append_printf (text, "%s;Kos;Naslov\n", huge);

  csv = parse_ok (text->str, text->len);
  g_assert_cmpuint (strlen (korak_csv_get_value (csv, 0, 2)), ==, 1024 * 1024);
  g_assert_cmpstr (korak_csv_get_value (csv, 0, 2), ==, huge);
  g_assert_cmpstr (korak_csv_get_value (csv, 1, 0), ==, huge);

  import = korak_referral_import_new (g_steal_pointer (&csv));
  g_assert_cmpuint (korak_referral_import_get_n_invalid (import), ==, 2);
  reason = korak_referral_import_get_row_error (import, 0);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "Address is too long"));
  /* The message does not carry the megabyte along. */
  g_assert_cmpuint (strlen (reason), <, 2000);
  g_assert_nonnull (strstr (korak_referral_import_get_row_error (import, 1), "Given name is too long"));

  g_assert_false (korak_referral_import_is_ready (import));
  g_assert_false (korak_referral_import_apply (import, f->store, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_cmpint (count_participants (f->store), ==, 0);
}

/* ----------------------------------------------------------- the import */

static void
test_guess_fields (void)
{
  g_assert_cmpint (korak_csv_guess_field ("Ime"), ==, KORAK_FIELD_GIVEN_NAME);
  g_assert_cmpint (korak_csv_guess_field ("Given name"), ==, KORAK_FIELD_GIVEN_NAME);
  g_assert_cmpint (korak_csv_guess_field ("  PRIIMEK "), ==, KORAK_FIELD_FAMILY_NAME);
  g_assert_cmpint (korak_csv_guess_field ("Family name"), ==, KORAK_FIELD_FAMILY_NAME);
  g_assert_cmpint (korak_csv_guess_field ("Datum rojstva"), ==, KORAK_FIELD_BIRTH_DATE);
  g_assert_cmpint (korak_csv_guess_field ("Telefon"), ==, KORAK_FIELD_PHONE);
  g_assert_cmpint (korak_csv_guess_field ("E-pošta"), ==, KORAK_FIELD_EMAIL);
  g_assert_cmpint (korak_csv_guess_field ("e-posta"), ==, KORAK_FIELD_EMAIL);
  g_assert_cmpint (korak_csv_guess_field ("Občina"), ==, KORAK_FIELD_MUNICIPALITY);
  g_assert_cmpint (korak_csv_guess_field ("Materni jezik"), ==, KORAK_FIELD_MOTHER_TONGUE);
  g_assert_cmpint (korak_csv_guess_field ("Datum napotitve"), ==, KORAK_FIELD_REFERRAL_DATE);
  g_assert_cmpint (korak_csv_guess_field ("Napotil"), ==, KORAK_FIELD_REFERRAL_SOURCE);
  g_assert_cmpint (korak_csv_guess_field ("referring_worker"), ==, KORAK_FIELD_REFERRING_WORKER);
  g_assert_cmpint (korak_csv_guess_field ("Needs an intercultural mediator"), ==, KORAK_FIELD_NEEDS_MEDIATOR);
  g_assert_cmpint (korak_csv_guess_field ("Opombe"), ==, KORAK_CSV_IGNORE);
  g_assert_cmpint (korak_csv_guess_field (""), ==, KORAK_CSV_IGNORE);
  g_assert_cmpint (korak_csv_guess_field ("\xC3\x28"), ==, KORAK_CSV_IGNORE);
}

/* What Slovenian Excel writes: a BOM, semicolons, CRLF, dates as d. m.
 * yyyy, quoted fields with semicolons and line breaks inside. */
static void
test_slovenian_excel (Fixture       *f,
                      gconstpointer  data)
{
  static const char file[] =
    "\xEF\xBB\xBF" "Ime;Priimek;Datum rojstva;Telefon;E-pošta;Naslov;Občina;Materni jezik;"
    "Datum napotitve;Napotil;Ciljna skupina;Potrebuje mediatorja;Opombe\r\n"
    "Ana;Novak;12. 3. 1985;'+386 41 123 456;ana@example.si;\"Glavna cesta 1; 4000 Kranj\";Kranj;slovenščina;"
    "2.2.2026;CSD Kranj;DSP;ne;\"prva vrstica\r\ndruga; vrstica\"\r\n"
    "Fatima;Al-Hassan;1990-07-01;041 555 666;;\"Ulica \"\"Pri mostu\"\" 3\";Jesenice;arabščina;"
    "2026-01-15;Zavod RS za zaposlovanje;Ženska iz drugega kulturnega okolja;da;\r\n";
  g_autoptr(KorakReferralImport) import = import_text (file);
  const KorakCsv *csv = korak_referral_import_get_csv (import);
  g_autoptr(KorakParticipantRecord) ana = NULL;
  g_autoptr(KorakParticipantRecord) fatima = NULL;
  g_autoptr(GError) error = NULL;
  guint imported = 0;

  g_assert_true (korak_csv_get_had_bom (csv));
  g_assert_cmpint (korak_csv_get_separator (csv), ==, ';');
  g_assert_cmpstr (korak_csv_get_header (csv, 0), ==, "Ime");
  g_assert_cmpstr (korak_csv_get_value (csv, 0, 12), ==, "prva vrstica\ndruga; vrstica");

  g_assert_cmpint (korak_referral_import_get_mapping (import, 0), ==, KORAK_FIELD_GIVEN_NAME);
  g_assert_cmpint (korak_referral_import_get_mapping (import, 4), ==, KORAK_FIELD_EMAIL);
  g_assert_cmpint (korak_referral_import_get_mapping (import, 6), ==, KORAK_FIELD_MUNICIPALITY);
  g_assert_cmpint (korak_referral_import_get_mapping (import, 9), ==, KORAK_FIELD_REFERRAL_SOURCE);
  g_assert_cmpint (korak_referral_import_get_mapping (import, 11), ==, KORAK_FIELD_NEEDS_MEDIATOR);
  g_assert_cmpint (korak_referral_import_get_mapping (import, 12), ==, KORAK_CSV_IGNORE);

  g_assert_null (korak_referral_import_get_problem (import));
  g_assert_null (korak_referral_import_get_row_error (import, 0));
  g_assert_null (korak_referral_import_get_row_error (import, 1));
  g_assert_true (korak_referral_import_is_ready (import));
  g_assert_cmpuint (korak_referral_import_get_line (import, 1), ==, 4);

  g_assert_true (korak_referral_import_apply (import, f->store, &imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 2);

  ana = find_participant (f->store, "Novak");
  g_assert_cmpstr (ana->values[KORAK_FIELD_BIRTH_DATE], ==, "1985-03-12");
  g_assert_cmpstr (ana->values[KORAK_FIELD_PHONE], ==, "+386 41 123 456");
  g_assert_cmpstr (ana->values[KORAK_FIELD_ADDRESS], ==, "Glavna cesta 1; 4000 Kranj");
  g_assert_cmpstr (ana->values[KORAK_FIELD_MOTHER_TONGUE], ==, "slovenščina");
  g_assert_cmpstr (ana->values[KORAK_FIELD_REFERRAL_DATE], ==, "2026-02-02");
  g_assert_cmpstr (ana->values[KORAK_FIELD_REFERRAL_SOURCE], ==, "csd");
  g_assert_cmpstr (ana->values[KORAK_FIELD_TARGET_GROUP], ==, "social_assistance");
  g_assert_cmpstr (ana->values[KORAK_FIELD_NEEDS_MEDIATOR], ==, "0");
  g_assert_cmpstr (ana->values[KORAK_FIELD_STATUS], ==, "referred");

  fatima = find_participant (f->store, "Al-Hassan");
  g_assert_cmpstr (fatima->values[KORAK_FIELD_ADDRESS], ==, "Ulica \"Pri mostu\" 3");
  g_assert_null (fatima->values[KORAK_FIELD_EMAIL]);
  g_assert_cmpstr (fatima->values[KORAK_FIELD_REFERRAL_SOURCE], ==, "employment_service");
  g_assert_cmpstr (fatima->values[KORAK_FIELD_TARGET_GROUP], ==, "migrant_women");
  g_assert_cmpstr (fatima->values[KORAK_FIELD_NEEDS_MEDIATOR], ==, "1");
}

static void
test_invalid_rows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KorakReferralImport) import =
    import_text ("Given name;Family name;Birth date;Email;Phone;Referral date;Status;Needs mediator\n"
                 "Ana;Novak;2026-02-30;;;;;\n"                    /* a day that does not exist */
                 "Bor;Kos;30. 2. 2026;;;;;\n"
                 "Cene;Zupan;29.2.2024;;;;;\n"                    /* a leap day: fine */
                 ";Horvat;;;;;;\n"                                 /* no given name */
                 "Dan;   ;;;;;;\n"                                 /* a family name of spaces */
                 "Eva;Kralj;;eva(at)example.si;;;;\n"
                 "Franc;Krajnc;;;call me;;;\n"
                 "Gal;Golob;;;;2999-01-01;;\n"                    /* a referral in the future */
                 "Hana;Vidmar;;;;;sleeping;\n"
                 "Iva;Turk;;;;;;maybe\n"
                 "Jan;Mlakar;1985-01-01;;;;;;extra\n"             /* more values than columns */
                 "Kaja\x01;Rozman;;;;;;\n"                         /* a control character */
                 "Lan;Zorko;1800-01-01;;;;;\n");                   /* before 1900 */
  g_autoptr(GError) error = NULL;
  static const char *expected[] = {
    "2026-02-30", "30. 2. 2026", NULL, "Given name is required", "Family name is required",
    "not an email address", "phone number", "future", "Status", "Needs an intercultural mediator",
    "more values", "control characters", "before 1900",
  };

  g_assert_null (korak_referral_import_get_problem (import));
  g_assert_cmpuint (korak_referral_import_get_n_rows (import), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (korak_referral_import_get_n_invalid (import), ==, G_N_ELEMENTS (expected) - 1);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *reason = korak_referral_import_get_row_error (import, i);

      if (expected[i] == NULL)
        {
          g_assert_null (reason);
          continue;
        }
      g_assert_nonnull (reason);
      if (strstr (reason, expected[i]) == NULL)
        g_error ("row %u: “%s” does not say “%s”", i, reason, expected[i]);
    }
  g_assert_cmpstr (korak_referral_import_get_record (import, 2)->values[KORAK_FIELD_BIRTH_DATE], ==, "2024-02-29");

  g_assert_false (korak_referral_import_apply (import, f->store, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_cmpint (count_participants (f->store), ==, 0);
}

static void
test_mapping (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KorakReferralImport) import = import_text ("Rojen,Ime,Priimek,Opombe\n1980-05-05,Ana,Novak,x\n");
  g_autoptr(KorakParticipantRecord) ana = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (korak_referral_import_get_mapping (import, 0), ==, KORAK_FIELD_BIRTH_DATE);
  g_assert_true (korak_referral_import_is_ready (import));

  /* No column gives the family name: the mapping says so. */
  korak_referral_import_set_mapping (import, 2, KORAK_CSV_IGNORE);
  g_assert_nonnull (korak_referral_import_get_problem (import));
  g_assert_nonnull (strstr (korak_referral_import_get_problem (import), "Family name"));
  g_assert_false (korak_referral_import_is_ready (import));
  g_assert_false (korak_referral_import_apply (import, f->store, NULL, &error));
  g_clear_error (&error);

  /* Two columns give the same field. */
  korak_referral_import_set_mapping (import, 2, KORAK_FIELD_FAMILY_NAME);
  korak_referral_import_set_mapping (import, 3, KORAK_FIELD_FAMILY_NAME);
  g_assert_nonnull (strstr (korak_referral_import_get_problem (import), "Two columns"));

  /* Notes as the address instead. */
  korak_referral_import_set_mapping (import, 3, KORAK_FIELD_ADDRESS);
  g_assert_null (korak_referral_import_get_problem (import));
  g_assert_true (korak_referral_import_apply (import, f->store, NULL, &error));
  g_assert_no_error (error);

  ana = find_participant (f->store, "Novak");
  g_assert_cmpstr (ana->values[KORAK_FIELD_ADDRESS], ==, "x");
  g_assert_cmpstr (ana->values[KORAK_FIELD_BIRTH_DATE], ==, "1980-05-05");

  {
    g_autoptr(KorakReferralImport) empty = import_text ("Ime,Priimek\n");

    g_assert_nonnull (korak_referral_import_get_problem (empty));
    g_assert_false (korak_referral_import_is_ready (empty));
  }
}

/* Text a person could type is stored exactly: emoji, Arabic, quotes, SQL,
 * what looks like a formula, 10,000 characters. */
static void
test_stored_exactly (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (10000, 'a');
  static const char *family[] = {
    "Novak 👩‍👧‍👦",
    "الحسن",
    "O'Brien \"The Quote\"",
    "Robert'); DROP TABLE participant;--",
    "=cmd|' /C calc'!A0",
    "@SUM(A1)",
    "-2",
  };
  g_autoptr(GString) text = g_string_new ("Ime;Priimek;Občina\n");
  g_autoptr(KorakReferralImport) import = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (family); i++)
    {
      g_string_append_printf (text, "Name %u;\"", i);
      for (const char *p = family[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (text, '"');
          g_string_append_c (text, *p);
        }
      g_string_append (text, "\";Ljubljana\n");
    }
  g_string_append_printf (text, "%s;Long;Ljubljana\n", long_name);

  import = import_text (text->str);
  g_assert_cmpuint (korak_referral_import_get_n_invalid (import), ==, 0);
  g_assert_true (korak_referral_import_apply (import, f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_participants (f->store), ==, G_N_ELEMENTS (family) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (family); i++)
    {
      g_autoptr(KorakParticipantRecord) record = find_participant (f->store, family[i]);

      g_assert_cmpstr (record->values[KORAK_FIELD_FAMILY_NAME], ==, family[i]);
    }
  {
    g_autoptr(KorakParticipantRecord) record = find_participant (f->store, "Long");

    g_assert_cmpstr (record->values[KORAK_FIELD_GIVEN_NAME], ==, long_name);
  }
  /* The table survived the SQL. */
  g_assert_cmpint (korak_store_count_rows (f->store, "participant", NULL), >, 0);
}

/* One bad line among 100 imports nothing; one that the database refuses
 * at insert (here a trigger) rolls every other one back. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Ime;Priimek;Datum rojstva\n");
  g_autoptr(KorakReferralImport) bad = NULL;
  g_autoptr(KorakReferralImport) good = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_before;
  guint imported = 99;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (text, "Oseba;Številka %u;%s\n", i, i == 57 ? "2026-02-30" : "1990-01-01");

  bad = import_text (text->str);
  g_assert_cmpuint (korak_referral_import_get_n_rows (bad), ==, 100);
  g_assert_cmpuint (korak_referral_import_get_n_invalid (bad), ==, 1);
  g_assert_nonnull (korak_referral_import_get_row_error (bad, 57));
  g_assert_cmpuint (korak_referral_import_get_line (bad, 57), ==, 59);
  g_assert_false (korak_referral_import_apply (bad, f->store, &imported, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpint (count_participants (f->store), ==, 0);
  g_clear_error (&error);

  /* Valid for Korak, refused by the database at the 80th insert. */
  g_string_assign (text, "Ime;Priimek\n");
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (text, "Oseba;%s\n", i == 79 ? "Refused" : "Dobra");
  g_assert_true (korak_store_exec (f->store,
                                   "CREATE TEMP TRIGGER refuse BEFORE INSERT ON participant "
                                   "WHEN NEW.family_name = 'Refused' BEGIN SELECT RAISE(ABORT, 'refused'); END", NULL));
  audit_before = korak_store_count_rows (f->store, "audit_log", NULL);

  good = import_text (text->str);
  g_assert_true (korak_referral_import_is_ready (good));
  g_assert_false (korak_referral_import_apply (good, f->store, &imported, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Line 81"));
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpint (count_participants (f->store), ==, 0);
  g_assert_cmpint (korak_store_count_rows (f->store, "audit_log", NULL), ==, audit_before);
  g_clear_error (&error);

  /* Without the trigger the same file goes in whole. */
  g_assert_true (korak_store_exec (f->store, "DROP TRIGGER refuse", NULL));
  g_assert_true (korak_referral_import_apply (good, f->store, &imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 100);
  g_assert_cmpint (count_participants (f->store), ==, 100);
}

/* ------------------------------------------------------------- the export */

static const char *formulas[] = {
  "=cmd|' /C calc'!A0",
  "+1",
  "-2",
  "@SUM(A1:A9)",
  "\t=1+1",
};

static void
add_formula_people (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    {
      g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *given = g_strdup_printf ("Oseba %u", i);

      korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
      korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, formulas[i]);
      korak_participant_record_set (record, KORAK_FIELD_MUNICIPALITY, "Ptuj; \"center\"\nspodaj");
      korak_participant_record_set (record, KORAK_FIELD_PHONE, "+386 41 123 456");
      korak_participant_record_set (record, KORAK_FIELD_NEEDS_MEDIATOR, "1");
      korak_participant_record_set (record, KORAK_FIELD_BIRTH_DATE, "1980-02-29");
      korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
      g_assert_true (korak_store_insert_participant (f->store, record, &error));
      g_assert_no_error (error);
    }
}

static void
test_neutralise (void)
{
  static const char *dangerous[] = { "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx" };
  static const char *harmless[] = { "", "Ana", "1", "'=x", " =x", "2026-01-01", "a=b" };

  for (guint i = 0; i < G_N_ELEMENTS (dangerous); i++)
    {
      g_autofree char *safe = korak_csv_neutralise (dangerous[i]);

      g_assert_cmpint (safe[0], ==, '\'');
      g_assert_cmpstr (safe + 1, ==, dangerous[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (harmless); i++)
    {
      g_autofree char *same = korak_csv_neutralise (harmless[i]);

      g_assert_cmpstr (same, ==, harmless[i]);
    }
  {
    g_autofree char *empty = korak_csv_neutralise (NULL);
    g_assert_cmpstr (empty, ==, "");
  }
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "participants.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(KorakCsv) csv = NULL;
  g_autoptr(KorakReferralImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) other = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  gsize length;
  GStatBuf buf;
  guint family_column = G_MAXUINT, phone_column = G_MAXUINT;

  add_formula_people (f);
  g_assert_true (korak_export_csv (f->store, KORAK_EXPORT_PARTICIPANTS, 0, path, &error));
  g_assert_no_error (error);

  /* Private to its owner, like the database. */
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (contents, "\r\n"));
  /* Every line ends in CRLF: no bare LF outside the quoted value. */
  g_assert_nonnull (strstr (contents, "\"Ptuj; \"\"center\"\"\nspodaj\""));

  csv = parse_ok (contents, length);
  g_assert_true (korak_csv_get_had_bom (csv));
  g_assert_cmpint (korak_csv_get_separator (csv), ==, ';');
  g_assert_cmpuint (korak_csv_get_n_rows (csv), ==, G_N_ELEMENTS (formulas));
  for (guint c = 0; c < korak_csv_get_n_columns (csv); c++)
    {
      if (g_str_equal (korak_csv_get_header (csv, c), "Family name"))
        family_column = c;
      if (g_str_equal (korak_csv_get_header (csv, c), "Phone"))
        phone_column = c;
    }
  g_assert_cmpuint (family_column, !=, G_MAXUINT);

  for (guint r = 0; r < korak_csv_get_n_rows (csv); r++)
    {
      const char *cell = korak_csv_get_value (csv, r, family_column);

      /* Neutralised: an apostrophe first, then the text as it was. */
      g_assert_cmpint (cell[0], ==, '\'');
      g_assert_true (g_strv_contains (formulas, cell + 1));
      g_assert_cmpstr (korak_csv_get_value (csv, r, phone_column), ==, "'+386 41 123 456");
    }

  /* Read back by the import into another database: the same values. */
  other = korak_store_open (other_path, &error);
  g_assert_no_error (error);
  import = korak_referral_import_new (g_steal_pointer (&csv));
  g_assert_null (korak_referral_import_get_problem (import));
  g_assert_cmpuint (korak_referral_import_get_n_invalid (import), ==, 0);
  g_assert_true (korak_referral_import_apply (import, other, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    {
      g_autoptr(KorakParticipantRecord) record = find_participant (other, formulas[i]);

      g_assert_cmpstr (record->values[KORAK_FIELD_PHONE], ==, "+386 41 123 456");
      g_assert_cmpstr (record->values[KORAK_FIELD_MUNICIPALITY], ==, "Ptuj; \"center\"\nspodaj");
      g_assert_cmpstr (record->values[KORAK_FIELD_NEEDS_MEDIATOR], ==, "1");
      g_assert_cmpstr (record->values[KORAK_FIELD_BIRTH_DATE], ==, "1980-02-29");
      g_assert_cmpstr (record->values[KORAK_FIELD_STATUS], ==, "active");
    }
}

static char *
unzip_member (const char *path,
              const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    return NULL;
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/* As libxlsxwriter writes text: only & < > escaped. */
static char *
xml_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '&')
        g_string_append (out, "&amp;");
      else if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_export_xlsx (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "participants.xlsx", NULL);
  g_autofree char *strings = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipantRecord) first = NULL;
  g_autofree char *id = NULL;
  g_autofree char *unzip = NULL;
  GStatBuf buf;

  add_formula_people (f);
  g_assert_true (korak_export_xlsx (f->store, KORAK_EXPORT_PARTICIPANTS, 0, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  unzip = g_find_program_in_path ("unzip");
  if (unzip == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }

  strings = unzip_member (path, "xl/sharedStrings.xml");
  sheet = unzip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strings);
  g_assert_nonnull (sheet);

  /* No formula anywhere, and every text is there as a string. */
  g_assert_null (strstr (sheet, "<f>"));
  g_assert_null (strstr (sheet, "<f "));
  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    {
      g_autofree char *escaped = xml_escape (formulas[i]);

      if (strstr (strings, escaped) == NULL)
        g_error ("“%s” is not in the shared strings: %s", formulas[i], strings);
    }

  /* A Korak number is too long for a double: kept whole as text. */
  first = find_participant (f->store, NULL);
  id = g_strdup_printf (">%" G_GINT64_FORMAT "<", first->id);
  g_assert_nonnull (strstr (strings, id));
}

/* A cell longer than Excel holds is refused, not cut. */
static void
test_export_xlsx_too_long (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "long.xlsx", NULL);
  g_autofree char *long_text = g_strnfill (40000, 'b');
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, "Ana");
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, "Novak");
  korak_participant_record_set (record, KORAK_FIELD_ADDRESS, long_text);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "referred");
  g_assert_true (korak_store_insert_participant (f->store, record, &error));
  g_assert_no_error (error);

  g_assert_false (korak_export_xlsx (f->store, KORAK_EXPORT_PARTICIPANTS, 0, path, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* CSV has no such limit. */
  g_assert_true (korak_export_csv (f->store, KORAK_EXPORT_PARTICIPANTS, 0, path, &error));
  g_assert_no_error (error);
}

static void
test_export_unwritable (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing-folder", "x.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (korak_export_csv (f->store, KORAK_EXPORT_PARTICIPANTS, 0, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "could not be saved"));
  g_clear_error (&error);
  g_assert_false (korak_export_xlsx (f->store, KORAK_EXPORT_PARTICIPANTS, 0, path, &error));
  g_assert_nonnull (error);
}

/* Attendance and outcomes of sample data, in both formats. */
static void
test_export_attendance_outcomes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("korak-test-csv-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(KorakStore) store = NULL;

  g_assert_true (korak_demo_ensure (db, 40, 7, &error));
  g_assert_no_error (error);
  store = korak_store_open (db, &error);
  g_assert_no_error (error);

  for (KorakExportKind kind = KORAK_EXPORT_PARTICIPANTS; kind <= KORAK_EXPORT_OUTCOMES; kind++)
    {
      g_autoptr(KorakExportTable) table = korak_export_table_new (store, kind, 0, &error);
      g_autofree char *csv_name = korak_export_file_name (kind, KORAK_EXPORT_FORMAT_CSV);
      g_autofree char *xlsx_name = korak_export_file_name (kind, KORAK_EXPORT_FORMAT_XLSX);
      g_autofree char *csv_path = g_build_filename (dir, csv_name, NULL);
      g_autofree char *xlsx_path = g_build_filename (dir, xlsx_name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(KorakCsv) csv = NULL;
      gsize length;

      g_assert_no_error (error);
      g_assert_nonnull (table);
      g_assert_cmpuint (table->rows->len, >, 0);

      g_assert_true (korak_export_write (store, kind, KORAK_EXPORT_FORMAT_CSV, 0, csv_path, &error));
      g_assert_no_error (error);
      g_assert_true (korak_export_write (store, kind, KORAK_EXPORT_FORMAT_XLSX, 0, xlsx_path, &error));
      g_assert_no_error (error);

      g_assert_true (g_file_get_contents (csv_path, &contents, &length, &error));
      csv = parse_ok (contents, length);
      g_assert_cmpuint (korak_csv_get_n_rows (csv), ==, table->rows->len);
      g_assert_cmpuint (korak_csv_get_n_columns (csv), ==, table->n_columns);

      if (kind == KORAK_EXPORT_ATTENDANCE)
        {
          gboolean decimal_comma = FALSE;

          g_assert_cmpstr (korak_csv_get_header (csv, 10), ==, "Hours");
          for (guint r = 0; r < korak_csv_get_n_rows (csv); r++)
            {
              const char *hours = korak_csv_get_value (csv, r, 10);

              g_assert_null (strchr (hours, '.'));
              decimal_comma |= strchr (hours, ',') != NULL;
            }
          (void) decimal_comma;
        }
    }

  /* One cohort only: fewer rows, all of that cohort. */
  {
    g_autoptr(GPtrArray) cohorts = korak_store_list_cohorts (store, &error);
    const KorakCohortRecord *cohort;
    g_autoptr(KorakExportTable) all = korak_export_table_new (store, KORAK_EXPORT_OUTCOMES, 0, &error);
    g_autoptr(KorakExportTable) one = NULL;

    g_assert_nonnull (cohorts);
    g_assert_cmpuint (cohorts->len, >, 1);
    cohort = g_ptr_array_index (cohorts, 0);
    one = korak_export_table_new (store, KORAK_EXPORT_OUTCOMES, cohort->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (one->rows->len, <, all->rows->len);
    for (guint r = 0; r < one->rows->len; r++)
      g_assert_cmpstr (((char **) g_ptr_array_index (one->rows, r))[3], ==, cohort->name);
  }

  g_clear_object (&store);
  korak_test_remove_tree (dir, FALSE);
}

/* ------------------------------------------------------ attendance hours */

/* The register refuses negative hours (and NaN, and more than the session
 * lasts); the table refuses them too if anything went around the store. */
static void
test_negative_hours (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("korak-test-csv-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  gint64 session_id = 0;
  static const double bad_hours[] = { -1.0, -0.25, 25.0, NAN };

  g_assert_true (korak_demo_ensure (db, 30, 3, &error));
  store = korak_store_open (db, &error);
  g_assert_no_error (error);

  stmt = korak_store_prepare (store,
                              "SELECT s.id FROM session s WHERE s.cancelled_reason IS NULL AND s.kind = 'group' "
                              "AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id) LIMIT 1", &error);
  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    session_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (session_id, !=, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad_hours); i++)
    {
      KorakRegisterEntry *entry;
      g_autoptr(GPtrArray) before = korak_store_get_register (store, session_id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (before->len, >, 0);
      entries = korak_store_get_register (store, session_id, &error);
      entry = g_ptr_array_index (entries, 0);
      g_free (entry->state);
      entry->state = g_strdup ("present");
      entry->hours = bad_hours[i];

      g_assert_false (korak_store_save_register (store, session_id, entries, &error));
      g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "hours must be between 0"));
      g_clear_error (&error);
      g_clear_pointer (&entries, g_ptr_array_unref);

      /* Nothing changed. */
      {
        g_autoptr(GPtrArray) after = korak_store_get_register (store, session_id, &error);
        const KorakRegisterEntry *a = g_ptr_array_index (after, 0);
        const KorakRegisterEntry *b = g_ptr_array_index (before, 0);

        g_assert_cmpstr (a->state, ==, b->state);
        g_assert_cmpfloat (a->hours, ==, b->hours);
      }
    }

  /* Around the store, the CHECK constraint still holds. */
  g_assert_false (korak_store_exec (store, "UPDATE attendance SET hours = -3 WHERE id = (SELECT min(id) FROM attendance)",
                                    &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_clear_object (&store);
  korak_test_remove_tree (dir, FALSE);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/rfc4180", test_reader_rfc4180);
  g_test_add_func ("/csv/reader/separators", test_reader_separators);
  g_test_add_func ("/csv/reader/hostile", test_reader_hostile);
  g_test_add ("/csv/reader/huge-field", Fixture, NULL, fixture_set_up, test_huge_field, fixture_tear_down);
  g_test_add_func ("/csv/import/guess-fields", test_guess_fields);
  g_test_add ("/csv/import/slovenian-excel", Fixture, NULL, fixture_set_up, test_slovenian_excel, fixture_tear_down);
  g_test_add ("/csv/import/invalid-rows", Fixture, NULL, fixture_set_up, test_invalid_rows, fixture_tear_down);
  g_test_add ("/csv/import/mapping", Fixture, NULL, fixture_set_up, test_mapping, fixture_tear_down);
  g_test_add ("/csv/import/stored-exactly", Fixture, NULL, fixture_set_up, test_stored_exactly, fixture_tear_down);
  g_test_add ("/csv/import/all-or-nothing", Fixture, NULL, fixture_set_up, test_all_or_nothing, fixture_tear_down);
  g_test_add_func ("/csv/export/neutralise", test_neutralise);
  g_test_add ("/csv/export/csv-formulas", Fixture, NULL, fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/csv/export/xlsx-formulas", Fixture, NULL, fixture_set_up, test_export_xlsx, fixture_tear_down);
  g_test_add ("/csv/export/xlsx-too-long", Fixture, NULL, fixture_set_up, test_export_xlsx_too_long, fixture_tear_down);
  g_test_add ("/csv/export/unwritable", Fixture, NULL, fixture_set_up, test_export_unwritable, fixture_tear_down);
  g_test_add_func ("/csv/export/attendance-outcomes", test_export_attendance_outcomes);
  g_test_add_func ("/schedule/register/negative-hours", test_negative_hours);

  return g_test_run ();
}
