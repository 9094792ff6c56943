/* test-crash.c
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

#include "korak-crash-test.h"
#include "korak-store-private.h"

/* At least 200 kills; KORAK_CRASH_KILLS asks for more (korak-cli bench
 * runs 1,000). */
#define DEFAULT_KILLS 200


static gint64
count (KorakStore *store,
       const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = korak_store_count_rows (store, table, &error);

  g_assert_no_error (error);
  return n;
}

/* SIGKILL a writer hundreds of times at random moments: every transaction
 * it saw committed is still there, and the file is sound. */
static void
test_crash_kill_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *check = NULL;
  const char *env = g_getenv ("KORAK_CRASH_KILLS");
  guint kills = env ? MAX ((guint)g_ascii_strtoull (env, NULL, 10), DEFAULT_KILLS) : DEFAULT_KILLS;
  guint reported = 0, lost = 0;
  gint64 start, elapsed;
  gint64 rows;

  dir = g_dir_make_tmp ("korak-test-crash-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "korak.db", NULL);

  start = g_get_monotonic_time ();
  korak_crash_run (path, kills, &reported, &lost, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);

  g_test_message ("%u kills in %.1f s: %u commits reported, %u lost",
                  kills, elapsed / (double)G_USEC_PER_SEC, reported, lost);
  g_assert_cmpuint (lost, ==, 0);
  /* Children live long enough to commit, so kills land mid-write (how many
   * depends on the machine's load: a child opens the store first). */
  g_assert_cmpuint (reported, >, 0);

  /* Independently of korak_crash_run()'s own check. */
  store = korak_store_open (path, &error);
  g_assert_no_error (error);
  check = korak_store_integrity_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (check, ==, "ok");

  /* Each child writes participant, attendance, note in turn, so the tables
   * differ by at most one per child, and all reported rows are there. */
  rows = count (store, "participant") + count (store, "attendance") + count (store, "note");
  g_test_message ("rows: %" G_GINT64_FORMAT " participants, %" G_GINT64_FORMAT " attendance, %"
                  G_GINT64_FORMAT " notes", count (store, "participant"), count (store, "attendance"),
                  count (store, "note"));
  g_assert_cmpint (rows, >=, reported);
  g_assert_cmpint (count (store, "attendance"), <=, count (store, "participant"));
  g_assert_cmpint (count (store, "note"), <=, count (store, "attendance"));
  g_assert_cmpint (count (store, "participant") - count (store, "note"), <=, kills);

  g_clear_object (&store);
  korak_test_remove_tree (dir, TRUE);
}

/* A writer that cannot write is reported, not counted as a kill. */
static void
test_crash_bad_path (void)
{
  g_autoptr(GError) error = NULL;
  guint reported = 1, lost = 1;

  g_assert_false (korak_crash_run ("/proc/korak-no-such-dir/korak.db", 3, &reported, &lost, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (reported, ==, 0);
  g_assert_cmpuint (lost, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/kill-writer", test_crash_kill_writer);
  g_test_add_func ("/store/crash/bad-path", test_crash_bad_path);

  return g_test_run ();
}
