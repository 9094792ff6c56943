/* korak-exchange-bench.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-exchange-bench"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "korak-demo-edits.h"
#include "korak-demo-private.h"
#include "korak-exchange-bench.h"
#include "korak-exchange-private.h"
#include "korak-schedule.h"
#include "korak-store-private.h"

#define BENCH_PASSPHRASE "bench passphrase of the organisation"
#define BENCH_DATE       "2026-03-02"
#define BENCH_PEOPLE     90
#define ROWS_PER_COMMIT  1000

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  return g_file_get_contents (from, &contents, &size, error) &&
         g_file_set_contents_full (to, contents, size, G_FILE_SET_CONTENTS_NONE, 0600, error);
}

static KorakStore *
open_desk (const char  *baseline,
           const char  *dir,
           const char  *name,
           GError     **error)
{
  g_autofree char *file = g_strdup_printf ("%s.db", name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(KorakStore) store = NULL;

  if (!copy_file (baseline, path, error) || !(store = korak_store_open (path, error)) ||
      !korak_exchange_init_desk (store, name, error))
    return NULL;

  return g_steal_pointer (&store);
}

/* The running cohort whose number of active members is nearest 20. */
static gint64
pick_cohort (KorakStore  *store,
             guint       *people)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (korak_store_get_db (store),
                          "SELECT c.id, (SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id "
                          "              AND e.status = 'active') AS n "
                          "FROM cohort c WHERE c.start_date <= '" BENCH_DATE "' "
                          "AND (c.end_date IS NULL OR c.end_date >= date('" BENCH_DATE "', '+31 days')) "
                          "AND n > 0 ORDER BY abs(n - 20), c.id LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *people = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);

  return id;
}

/* @n journal entries for the cohort's members, in commits of 1,000. */
static gboolean
insert_many (KorakStore  *store,
             gint64       cohort_id,
             guint        n,
             GError     **error)
{
  g_autoptr(GPtrArray) members = korak_store_list_members (store, cohort_id, FALSE, error);
  guint done = 0;

  if (members == NULL)
    return FALSE;
  if (members->len == 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("The sample data has no cohort with members for the bench."));
      return FALSE;
    }

  while (done < n)
    {
      sqlite3_stmt *stmt;

      if (!korak_store_begin (store, error))
        return FALSE;
      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO journal_entry (id, participant_id, date, kind, text, seq) "
                                        "VALUES (?1, ?2, ?3, 'small_win', ?4, ?5)", error)))
        goto failed;

      for (guint i = 0; i < ROWS_PER_COMMIT && done < n; i++, done++)
        {
          KorakMemberRecord *member = g_ptr_array_index (members, done % members->len);
          g_autofree char *text = g_strdup_printf ("Zapis %u: sama je poklicala na zavod.", done);
          g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + (done / 28) % 12, 1 + done % 28);
          gint64 id;

          sqlite3_bind_int64 (stmt, 2, member->participant_id);
          sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 5, done);
          if (!korak_store_insert_with_id (store, stmt, &id, error))
            goto failed;
        }

      if (!korak_store_commit (store, error))
        return FALSE;
    }

  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_exchange_bench (const char          *dir,
                      guint                big_rows,
                      KorakExchangeBench  *result,
                      GError             **error)
{
  g_autofree char *baseline = g_build_filename (dir, "baseline.db", NULL);
  g_autofree char *month = g_build_filename (dir, "month" KORAK_EXCHANGE_BUNDLE_SUFFIX, NULL);
  g_autofree char *big = g_build_filename (dir, "big" KORAK_EXCHANGE_BUNDLE_SUFFIX, NULL);
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(KorakStore) site = NULL;
  g_autoptr(KorakStore) office = NULL;
  KorakDemoOptions options = { BENCH_PEOPLE, 9, BENCH_DATE };
  KorakDemoCounts counts;
  KorakDemoEditCounts edits;
  KorakExchangeTiming timing = { 0 };
  guint8 salt[crypto_pwhash_SALTBYTES] = { 0 };
  guint8 key[32];
  gint64 cohort_id, start;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (sodium_init () < 0 || g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                           _("The bench could not start."));
      return FALSE;
    }

  start = g_get_monotonic_time ();
  if (crypto_pwhash (key, sizeof key, BENCH_PASSPHRASE, strlen (BENCH_PASSPHRASE), salt,
                     crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                           _("There is not enough free memory to make the key of the change bundle. "
                             "Close other programs and try again."));
      return FALSE;
    }
  result->derive_ms = (g_get_monotonic_time () - start) / 1000.0;

  g_remove (baseline);
  if (!(store = korak_store_open (baseline, error)) ||
      !korak_demo_generate (store, &options, &counts, error))
    return FALSE;
  g_clear_object (&store);

  if (!(site = open_desk (baseline, dir, "site", error)) || !(office = open_desk (baseline, dir, "office", error)))
    return FALSE;
  if (!(cohort_id = pick_cohort (site, &result->month_people)))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("The sample data has no cohort with members for the bench."));
      return FALSE;
    }

  /* One month of a site's work on one cohort. */
  if (!korak_demo_edit_cohort (site, cohort_id, BENCH_DATE, 31, 5, &edits, error) ||
      !korak_exchange_write_bundle_timed (site, korak_store_get_desk_id (office), BENCH_PASSPHRASE, month,
                                          &timing, error))
    return FALSE;
  result->month_changes = timing.n_changes;
  result->month_bytes = timing.bundle_bytes;
  result->month_write_ms = timing.write_ms;
  if (!korak_exchange_apply_bundle_timed (office, BENCH_PASSPHRASE, month, &timing, error))
    return FALSE;
  result->month_rows = timing.n_rows;
  result->month_apply_ms = timing.apply_ms;

  /* A big bundle: the office has everything before it. */
  if (big_rows > 0)
    {
      if (!insert_many (site, cohort_id, big_rows, error) ||
          !korak_exchange_write_bundle_timed (site, korak_store_get_desk_id (office), BENCH_PASSPHRASE, big,
                                              &timing, error))
        return FALSE;
      result->big_changes = timing.n_changes;
      result->big_bytes = timing.bundle_bytes;
      result->big_write_ms = timing.write_ms;
      if (!korak_exchange_apply_bundle_timed (office, BENCH_PASSPHRASE, big, &timing, error))
        return FALSE;
      result->big_rows = timing.n_rows;
      result->big_apply_ms = timing.apply_ms;
    }

  return TRUE;
}
