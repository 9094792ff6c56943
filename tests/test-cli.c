/* test-cli.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "korak-participant-record.h"
#include "korak-store.h"
#include "korak-store-private.h"

/* Runs the built korak-cli, as a person or dev.sh would. Its path comes
 * from KORAK_CLI (set by tests/meson.build) or the first argument. */

static const char *cli_path;

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("korak-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Returns the exit status; 0 means success. */
static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (args, (char *)cli_path);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);

  g_test_message ("korak-cli %s → stdout: %s stderr: %s", first, stdout_text, stderr_text);

  if (out)
    *out = g_steal_pointer (&stdout_text);
  if (err)
    *err = g_steal_pointer (&stderr_text);

  if (g_spawn_check_wait_status (wait_status, &error))
    return 0;
  if (error->domain == G_SPAWN_EXIT_ERROR)
    return error->code;
  return -1;
}

/* The "participant" line of `check`. */
static gint64
participants_from_check (const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      guint n = g_strv_length (words);

      if (n >= 2 && g_str_equal (words[0], "participant"))
        return g_ascii_strtoll (words[n - 1], NULL, 10);
    }

  return -1;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Every participant as one line of the fields that must not change with
 * the run, sorted, so that two databases compare as text. */
static char *
participants_summary (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = korak_store_open (path, &error);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  records = korak_store_list_participants (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < records->len; i++)
    {
      const KorakParticipantRecord *r = g_ptr_array_index (records, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%s|%s|%s|%s",
                                               korak_participant_record_get (r, KORAK_FIELD_FAMILY_NAME),
                                               korak_participant_record_get (r, KORAK_FIELD_GIVEN_NAME),
                                               korak_participant_record_get (r, KORAK_FIELD_BIRTH_DATE),
                                               korak_participant_record_get (r, KORAK_FIELD_MUNICIPALITY),
                                               korak_participant_record_get (r, KORAK_FIELD_STATUS),
                                               r->cohort_name ? r->cohort_name : ""));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **)lines->pdata);
}

static gint64
count_participants (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = korak_store_open (path, &error);
  gint64 count;

  g_assert_no_error (error);
  count = korak_store_count_rows (store, "participant", &error);
  g_assert_no_error (error);

  return count;
}

static void
test_cli_demo_deterministic (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *first = fixture_path (fixture, "first.db");
  g_autofree char *second = fixture_path (fixture, "second.db");
  g_autofree char *first_check = NULL;
  g_autofree char *second_check = NULL;
  g_autofree char *first_summary = NULL;
  g_autofree char *second_summary = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (run_cli (&out, NULL, "demo", "--database", first, "--participants", "50", "--seed", "7", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "50"));
  g_assert_cmpint (run_cli (NULL, NULL, "demo", "--database", second, "--participants", "50", "--seed", "7", NULL), ==, 0);

  g_assert_cmpint (run_cli (&first_check, NULL, "check", "--database", first, NULL), ==, 0);
  g_assert_cmpint (run_cli (&second_check, NULL, "check", "--database", second, NULL), ==, 0);
  g_assert_cmpint (participants_from_check (first_check), ==, 50);
  g_assert_cmpint (participants_from_check (second_check), ==, 50);

  first_summary = participants_summary (first);
  second_summary = participants_summary (second);
  g_assert_cmpstr (first_summary, ==, second_summary);
}

static void
test_cli_demo_seed_matters (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *first = fixture_path (fixture, "seed7.db");
  g_autofree char *second = fixture_path (fixture, "seed8.db");
  g_autofree char *first_summary = NULL;
  g_autofree char *second_summary = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "demo", "--database", first, "--participants", "50", "--seed", "7", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "demo", "--database", second, "--participants", "50", "--seed", "8", NULL), ==, 0);

  first_summary = participants_summary (first);
  second_summary = participants_summary (second);
  g_assert_cmpstr (first_summary, !=, second_summary);
}

static void
test_cli_demo_refuses_filled (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *path = fixture_path (fixture, "filled.db");
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "demo", "--database", path, "--participants", "50", "--seed", "7", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, &err, "demo", "--database", path, "--participants", "50", "--seed", "7", NULL), !=, 0);
  g_assert_cmpstr (err, !=, "");

  /* Nothing was added. */
  g_assert_cmpint (count_participants (path), ==, 50);
}

static void
test_cli_demo_needs_database (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (NULL, &err, "demo", "--participants", "5", NULL), !=, 0);
  g_assert_cmpstr (err, !=, "");
}

static void
test_cli_check_not_database (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *path = fixture_path (fixture, "noise.db");
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GRand) rng = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  gsize before_len = 0, after_len = 0;
  char noise[8192];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (char)g_rand_int_range (rng, 0, 256);
  g_file_set_contents (path, noise, sizeof noise, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (NULL, &err, "check", "--database", path, NULL), !=, 0);
  g_assert_cmpstr (err, !=, "");

  /* Refused, and left exactly as it was. */
  g_file_get_contents (path, &after, &after_len, &error);
  g_assert_no_error (error);
  before = g_memdup2 (noise, sizeof noise);
  before_len = sizeof noise;
  g_assert_cmpmem (after, after_len, before, before_len);
}

static void
test_cli_check_missing (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = fixture_path (fixture, "missing.db");
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (NULL, &err, "check", "--database", path, NULL), !=, 0);
  g_assert_cmpstr (err, !=, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------ documents */

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

/* One value from the demo database, as text. */
static char *
query_text (const char *path,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = korak_store_open (path, &error);
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_assert_no_error (error);
  stmt = korak_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = korak_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_nonnull (value);
  return value;
}

static char *
serial_from_output (const char *output)
{
  const char *line = strstr (output, "Serial:");

  g_assert_nonnull (line);
  line += strlen ("Serial:");
  while (*line == ' ')
    line++;
  return g_strndup (line, strcspn (line, "\n"));
}

static void
test_cli_documents (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *db = fixture_path (fixture, "demo.db");
  g_autofree char *first = fixture_path (fixture, "first.pdf");
  g_autofree char *again = fixture_path (fixture, "again.pdf");
  g_autofree char *reprint = fixture_path (fixture, "reprint.pdf");
  g_autofree char *batch = fixture_path (fixture, "batch.pdf");
  g_autofree char *month_pdf = fixture_path (fixture, "month.pdf");
  g_autofree char *plan_pdf = fixture_path (fixture, "plan.pdf");
  g_autofree char *participant = NULL, *name = NULL, *cohort = NULL, *completers = NULL, *month = NULL;
  g_autofree char *out = NULL, *out_again = NULL, *out_verify = NULL, *err = NULL;
  g_autofree char *serial = NULL, *serial_again = NULL;
  g_autofree char *text = NULL, *text_reprint = NULL, *text_month = NULL, *text_plan = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "demo", "--database", db, "--participants", "250", "--seed", "3", NULL), ==, 0);
  participant = query_text (db, "SELECT participant_id FROM enrolment WHERE status = 'completed' ORDER BY id LIMIT 1");
  name = query_text (db, "SELECT p.given_name || ' ' || p.family_name FROM enrolment e "
                         "JOIN participant p ON p.id = e.participant_id WHERE e.status = 'completed' ORDER BY e.id LIMIT 1");
  cohort = query_text (db, "SELECT cohort_id FROM enrolment WHERE status = 'completed' ORDER BY id LIMIT 1");
  month = query_text (db, "SELECT substr(min(s.date), 1, 7) FROM session s WHERE s.cohort_id = "
                          "(SELECT cohort_id FROM enrolment WHERE status = 'completed' ORDER BY id LIMIT 1)");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE status = 'completed' AND cohort_id = %s", cohort);

    completers = query_text (db, sql);
  }

  /* Issued once, then the same serial and the same page on every print. */
  g_assert_cmpint (run_cli (&out, NULL, "certificate", "--database", db, "--participant", participant,
                            "--output", first, NULL), ==, 0);
  serial = serial_from_output (out);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9A-F]{4}-[0-9]{4}$", serial, 0, 0));
  text = pdf_text (first);
  g_assert_nonnull (strstr (text, name));
  g_assert_nonnull (strstr (text, serial));
  g_assert_cmpint (pdf_pages (first), ==, 1);

  g_assert_cmpint (run_cli (&out_again, NULL, "certificate", "--database", db, "--participant", name,
                            "--output", again, NULL), ==, 0);
  serial_again = serial_from_output (out_again);
  g_assert_cmpstr (serial, ==, serial_again);

  g_assert_cmpint (run_cli (NULL, NULL, "certificate", "--database", db, "--serial", serial,
                            "--output", reprint, NULL), ==, 0);
  text_reprint = pdf_text (reprint);
  g_assert_cmpstr (text, ==, text_reprint);

  g_assert_cmpint (run_cli (&out_verify, NULL, "certificate", "--database", db, "--verify", serial, NULL), ==, 0);
  g_assert_nonnull (strstr (out_verify, "matches the register"));
  g_assert_cmpint (run_cli (NULL, &err, "certificate", "--database", db, "--verify", "2026-0000-9999", NULL), ==, 1);
  g_clear_pointer (&err, g_free);

  /* A cohort's batch: one page per person who completed it. */
  g_assert_cmpint (run_cli (NULL, NULL, "certificate", "--database", db, "--cohort", cohort,
                            "--output", batch, NULL), ==, 0);
  g_assert_cmpint (pdf_pages (batch), ==, atoi (completers));

  g_assert_cmpint (run_cli (NULL, NULL, "report", "--database", db, "--kind", "attendance", "--cohort", cohort,
                            "--month", month, "--output", month_pdf, NULL), ==, 0);
  text_month = pdf_text (month_pdf);
  g_assert_nonnull (strstr (text_month, "Page 1 of"));
  g_assert_nonnull (strstr (text_month, "Rate"));

  g_assert_cmpint (run_cli (NULL, NULL, "report", "--database", db, "--kind", "plan", "--participant", participant,
                            "--output", plan_pdf, NULL), ==, 0);
  text_plan = pdf_text (plan_pdf);
  g_assert_nonnull (strstr (text_plan, name));

  /* Bad input: a clear message, and no file. */
  g_assert_cmpint (run_cli (NULL, &err, "report", "--database", db, "--kind", "attendance", "--cohort", cohort,
                            "--month", "2026-13", "--output", month_pdf, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "YYYY-MM"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "certificate", "--database", db, "--participant", "Nobody Here",
                            "--output", first, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Nobody Here"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "report", "--database", db, "--kind", "outcomes", "--cohort", cohort,
                            "--output", "/nonexistent-korak/x.pdf", NULL), ==, 1);
  g_assert_false (g_file_test ("/nonexistent-korak/x.pdf", G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli (NULL, NULL, "report", "--database", db, "--kind", "pie", "--output", first, NULL), ==, 2);
}

static void
test_cli_version_and_help (void)
{
  g_autofree char *version = NULL;
  g_autofree char *help = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (&version, NULL, "--version", NULL), ==, 0);
  g_assert_nonnull (strstr (version, PACKAGE_VERSION));

  g_assert_cmpint (run_cli (&help, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (help, "demo"));
  g_assert_nonnull (strstr (help, "check"));
  g_assert_nonnull (strstr (help, "bench"));

  g_assert_cmpint (run_cli (NULL, &err, "frobnicate", NULL), !=, 0);
  g_assert_cmpstr (err, !=, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("KORAK_CLI");
  if (cli_path == NULL && argc > 1)
    cli_path = argv[1];
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("Set KORAK_CLI to the built korak-cli, or pass its path.\n");
      return 1;
    }

  g_test_add ("/cli/demo/deterministic", Fixture, NULL,
              fixture_set_up, test_cli_demo_deterministic, fixture_tear_down);
  g_test_add ("/cli/demo/seed-matters", Fixture, NULL,
              fixture_set_up, test_cli_demo_seed_matters, fixture_tear_down);
  g_test_add ("/cli/demo/refuses-filled-database", Fixture, NULL,
              fixture_set_up, test_cli_demo_refuses_filled, fixture_tear_down);
  g_test_add ("/cli/demo/needs-database", Fixture, NULL,
              fixture_set_up, test_cli_demo_needs_database, fixture_tear_down);
  g_test_add ("/cli/check/not-a-database", Fixture, NULL,
              fixture_set_up, test_cli_check_not_database, fixture_tear_down);
  g_test_add ("/cli/check/missing-file", Fixture, NULL,
              fixture_set_up, test_cli_check_missing, fixture_tear_down);
  g_test_add ("/cli/documents", Fixture, NULL,
              fixture_set_up, test_cli_documents, fixture_tear_down);
  g_test_add_func ("/cli/version-and-help", test_cli_version_and_help);

  return g_test_run ();
}
