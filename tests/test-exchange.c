/* test-exchange.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* pipe2() */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include "korak-test-util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "korak-audit.h"
#include "korak-demo-edits.h"
#include "korak-demo-private.h"
#include "korak-exchange-bench.h"
#include "korak-exchange-private.h"
#include "korak-participant-record.h"
#include "korak-plan.h"
#include "korak-schedule.h"
#include "korak-store-private.h"

/*
 * Three desks start from one database: two sites (Kranj, Jesenice) and the
 * office. Each works a month offline; bundles travel site → office → site;
 * in the end every desk holds the same shared data, conflicts included once
 * they are decided. The refusals: a wrong passphrase, a truncated or altered
 * file, another organisation's bundle, a newer schema, a skipped change, a
 * bundle applied twice. And SIGKILL while a desk writes (no committed change
 * is missing from the outbox) and while it applies a bundle (all or nothing).
 */

#define PASSPHRASE      "Gorenjska-2026 ima dolge zime"
#define REFERENCE_DATE  "2026-03-02"
#define DEMO_PEOPLE     200
#define DEMO_SEED       11

static char *baseline_dir;
static char *baseline_path;

/* ---------------------------------------------------------------- helpers */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("korak-test-exchange-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}


static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (from, &contents, &size, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (to, contents, size, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
}

static gint64
query_int (KorakStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
query_int_id (KorakStore *store,
              const char *sql,
              gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_sound (KorakStore *store)
{
  g_autofree char *check = korak_store_integrity_check (store, NULL);

  g_assert_cmpstr (check, ==, "ok");
}

static char *
digest (KorakStore *store)
{
  g_autoptr(GError) error = NULL;
  char *hex = korak_exchange_content_digest (store, &error);

  g_assert_no_error (error);
  return hex;
}

/* A desk: its own copy of the baseline, with its own identity. */
typedef struct
{
  char       *path;
  KorakStore *store;
} Desk;

static void
desk_open (Desk       *desk,
           const char *dir,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("%s.db", name);

  desk->path = g_build_filename (dir, file, NULL);
  copy_file (baseline_path, desk->path);
  desk->store = korak_store_open (desk->path, &error);
  g_assert_no_error (error);
  g_assert_true (korak_exchange_init_desk (desk->store, name, &error));
  g_assert_no_error (error);
}

static void
desk_close (Desk *desk)
{
  g_clear_object (&desk->store);
  g_clear_pointer (&desk->path, g_free);
}

static gint64
desk_id (Desk *desk)
{
  return korak_store_get_desk_id (desk->store);
}

static char *
bundle_path (const char *dir)
{
  static guint n;

  return g_strdup_printf ("%s/bundle-%u" KORAK_EXCHANGE_BUNDLE_SUFFIX, dir, ++n);
}

/* Writes a bundle on @from for @to and applies it there. */
static KorakExchangeReport *
send (Desk       *from,
      Desk       *to,
      const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bundle_path (dir);
  KorakExchangeReport *report = NULL;

  g_assert_true (korak_exchange_write_bundle (from->store, desk_id (to), PASSPHRASE, path, &error));
  g_assert_no_error (error);
  g_assert_true (korak_exchange_apply_bundle (to->store, PASSPHRASE, path, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->source_desk_id, ==, desk_id (from));
  g_test_message ("%s → %s: %u changes, %u applied, %u skipped, %u rows, %u conflicts, %u settled",
                  report->source_desk_name, korak_store_get_path (to->store),
                  report->n_changes, report->n_applied, report->n_skipped, report->n_rows,
                  report->n_conflicts, report->n_settled);
  g_remove (path);
  return report;
}

static gint64
open_conflicts (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  gint64 n = korak_exchange_count_conflicts (desk->store, &error);

  g_assert_no_error (error);
  return n;
}

/* Cohorts that run on the reference date, with members. */
static GArray *
running_cohorts (KorakStore *store)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store),
                                       "SELECT c.id FROM cohort c WHERE c.start_date <= '" REFERENCE_DATE "' "
                                       "AND (c.end_date IS NULL OR c.end_date >= date('" REFERENCE_DATE "', '+40 days')) "
                                       "AND (SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id "
                                       "     AND e.status = 'active') >= 5 "
                                       "AND (SELECT count(*) FROM session s WHERE s.cohort_id = c.id "
                                       "     AND s.date >= '" REFERENCE_DATE "') >= 20 "
                                       "ORDER BY c.id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static gint64
active_member (KorakStore *store,
               gint64      cohort_id,
               guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = korak_store_list_members (store, cohort_id, FALSE, &error);
  guint seen = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      KorakMemberRecord *member = g_ptr_array_index (members, i);

      if (g_strcmp0 (member->status, "active") == 0 && seen++ == n)
        return member->participant_id;
    }
  g_assert_not_reached ();
  return 0;
}

/* A session of @cohort_id after the month of edits, with no marks. */
static gint64
later_session (KorakStore *store,
               gint64      cohort_id,
               guint       n)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM session WHERE cohort_id = %" G_GINT64_FORMAT " AND "
                                          "date > date('" REFERENCE_DATE "', '+35 days') AND cancelled_reason IS NULL AND kind = 'group' "
                                          "AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = session.id) "
                                          "ORDER BY date, start_time LIMIT 1 OFFSET %u", cohort_id, n);
  gint64 id = query_int (store, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_phone (KorakStore *store,
           gint64      participant_id,
           const char *phone,
           const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipantRecord) record = korak_store_get_participant (store, participant_id, &error);

  g_assert_no_error (error);
  if (phone != NULL)
    korak_participant_record_set (record, KORAK_FIELD_PHONE, phone);
  if (email != NULL)
    korak_participant_record_set (record, KORAK_FIELD_EMAIL, email);
  g_assert_true (korak_store_update_participant (store, record, &error));
  g_assert_no_error (error);
}

static void
mark_all (KorakStore *store,
          gint64      session_id,
          const char *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = korak_store_get_register (store, session_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      KorakRegisterEntry *entry = g_ptr_array_index (entries, i);

      g_free (entry->state);
      entry->state = g_strdup (state);
      entry->hours = g_str_equal (state, "present") ? 1 : 0;
    }
  korak_store_save_register (store, session_id, entries, &error);
  g_assert_no_error (error);
}

/* Decides every open conflict of @desk: at the office with each kind of
 * choice in turn, at a site by taking what came from the office. */
static guint
resolve_all (Desk     *desk,
             gboolean  office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = korak_exchange_list_conflicts (desk->store, FALSE, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < conflicts->len; i++)
    {
      KorakExchangeConflict *conflict = g_ptr_array_index (conflicts, i);
      KorakExchangeChoice choice = KORAK_EXCHANGE_TAKE_INCOMING;
      g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
      g_auto(GStrv) columns = NULL;

      g_assert_nonnull (conflict->columns);
      g_assert_cmpstr (conflict->columns[0], ==, "id");
      g_test_message ("conflict %s on %s %s from %s: %u differing", conflict->table_name,
                      conflict->row_key, korak_store_get_path (desk->store), conflict->origin_desk_name,
                      g_strv_length (conflict->differing));

      if (office)
        {
          switch (conflict->kind)
            {
            case KORAK_CONFLICT_CHANGED_BOTH:
            case KORAK_CONFLICT_ROW_EXISTS:
              /* The first differing column from the other desk, the rest from here. */
              choice = KORAK_EXCHANGE_PER_COLUMN;
              if (conflict->differing[0] != NULL)
                g_strv_builder_add (chosen, conflict->differing[0]);
              break;
            case KORAK_CONFLICT_CONSTRAINT:
            case KORAK_CONFLICT_ORPHAN:
            case KORAK_CONFLICT_DELETED_HERE:
              choice = KORAK_EXCHANGE_KEEP_LOCAL;
              break;
            case KORAK_CONFLICT_DELETED_THERE:
              choice = KORAK_EXCHANGE_TAKE_INCOMING;
              break;
            }
        }
      else if (conflict->kind == KORAK_CONFLICT_ORPHAN)
        choice = KORAK_EXCHANGE_KEEP_LOCAL;

      columns = g_strv_builder_end (chosen);
      if (!korak_exchange_resolve_conflict (desk->store, conflict->id, choice,
                                            (const char * const *)columns, &error))
        {
          /* Taking a change that still clashes: keep this desk's instead. */
          g_test_message ("could not take it: %s", error->message);
          g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
          g_clear_error (&error);
          g_assert_true (korak_exchange_resolve_conflict (desk->store, conflict->id, KORAK_EXCHANGE_KEEP_LOCAL,
                                                          NULL, &error));
        }
      g_assert_no_error (error);
      n++;
    }

  return n;
}

/* ------------------------------------------------------------ convergence */

static void
test_converge (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cohorts = NULL;
  Desk kranj = { 0 }, jesenice = { 0 }, office = { 0 };
  KorakDemoEditCounts counts_a, counts_b, counts_o;
  g_autofree char *before = NULL;
  gint64 shared, erased, deleted_session, double_marked;
  guint conflicts_seen = 0, conflicts_decided = 0;
  gboolean converged = FALSE;

  desk_open (&kranj, dir, "Kranj");
  desk_open (&jesenice, dir, "Jesenice");
  desk_open (&office, dir, "Pisarna");
  g_assert_cmpint (desk_id (&kranj), !=, desk_id (&jesenice));
  g_assert_cmpint (desk_id (&kranj), !=, desk_id (&office));

  before = digest (kranj.store);
  {
    g_autofree char *b = digest (jesenice.store);
    g_autofree char *o = digest (office.store);

    g_assert_cmpstr (before, ==, b);
    g_assert_cmpstr (before, ==, o);
  }
  /* The sample data is the baseline, not changes to send. */
  g_assert_cmpint (korak_exchange_outbox_size (kranj.store, NULL), ==, 0);

  cohorts = running_cohorts (kranj.store);
  g_assert_cmpuint (cohorts->len, >=, 3);

  /* A month of work at each site, a little at the office. */
  korak_store_set_actor (kranj.store, 0, "Mentorica Kranj");
  korak_store_set_actor (jesenice.store, 0, "Mentor Jesenice");
  korak_store_set_actor (office.store, 0, "Koordinatorka");
  g_assert_true (korak_demo_edit_cohort (kranj.store, g_array_index (cohorts, gint64, 0), REFERENCE_DATE, 30, 1,
                                         &counts_a, &error));
  g_assert_no_error (error);
  g_assert_true (korak_demo_edit_cohort (jesenice.store, g_array_index (cohorts, gint64, 1), REFERENCE_DATE, 30, 2,
                                         &counts_b, &error));
  g_assert_no_error (error);
  g_assert_true (korak_demo_edit_cohort (office.store, g_array_index (cohorts, gint64, 2), REFERENCE_DATE, 10, 3,
                                         &counts_o, &error));
  g_assert_no_error (error);
  g_test_message ("Kranj: %u commits, %u marks, %u people, %u goals, %u journal, %u notes",
                  counts_a.transactions, counts_a.marks, counts_a.participants, counts_a.goals,
                  counts_a.journal, counts_a.notes);
  g_assert_cmpuint (counts_a.marks, >, 100);
  g_assert_cmpuint (counts_b.marks, >, 100);
  /* Every commit reached the outbox. */
  g_assert_cmpint (korak_exchange_outbox_size (kranj.store, NULL), ==, counts_a.transactions);

  /* The same person changed at both sites and at the office. */
  shared = active_member (kranj.store, g_array_index (cohorts, gint64, 2), 0);
  set_phone (kranj.store, shared, "041 111 111", NULL);
  set_phone (jesenice.store, shared, "041 222 222", "ana@example.org");
  set_phone (office.store, shared, NULL, "ana.novak@example.org");

  /* A session deleted in Kranj and moved to another room in Jesenice. */
  deleted_session = later_session (kranj.store, g_array_index (cohorts, gint64, 2), 2);
  g_assert_true (korak_store_delete_session (kranj.store, deleted_session, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KorakSessionRecord) session = korak_store_get_session (jesenice.store, deleted_session, &error);

    g_assert_no_error (error);
    g_free (session->place);
    session->place = g_strdup ("Velika dvorana");
    g_assert_true (korak_store_save_session (jesenice.store, session, &error));
    g_assert_no_error (error);
  }

  /* One register marked at both sites: two marks for one person and session. */
  double_marked = later_session (kranj.store, g_array_index (cohorts, gint64, 2), 0);
  mark_all (kranj.store, double_marked, "present");
  mark_all (jesenice.store, double_marked, "excused");

  /* A person erased in Kranj while Jesenice writes in their journal. */
  erased = active_member (kranj.store, g_array_index (cohorts, gint64, 2), 1);
  g_assert_true (korak_store_add_journal_entry (jesenice.store, erased, REFERENCE_DATE, "small_win",
                                                "Prvič je prišla sama.", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (korak_store_erase_person (kranj.store, erased, &error));
  g_assert_no_error (error);

  /* Bundles travel: sites to the office, the office to the sites, until
   * every conflict is decided and the desks agree. */
  for (guint round = 0; round < 6 && !converged; round++)
    {
      g_autofree char *k = NULL;
      g_autofree char *j = NULL;
      g_autofree char *o = NULL;
      KorakExchangeReport *report;

      g_test_message ("round %u", round);
      report = send (&kranj, &office, dir);
      conflicts_seen += report->n_conflicts;
      korak_exchange_report_free (report);
      report = send (&jesenice, &office, dir);
      conflicts_seen += report->n_conflicts;
      korak_exchange_report_free (report);

      conflicts_decided += resolve_all (&office, TRUE);

      report = send (&office, &kranj, dir);
      conflicts_seen += report->n_conflicts;
      korak_exchange_report_free (report);
      report = send (&office, &jesenice, dir);
      conflicts_seen += report->n_conflicts;
      korak_exchange_report_free (report);

      k = digest (kranj.store);
      j = digest (jesenice.store);
      o = digest (office.store);
      converged = g_str_equal (k, j) && g_str_equal (k, o) &&
                  open_conflicts (&kranj) == 0 && open_conflicts (&jesenice) == 0 && open_conflicts (&office) == 0;
      if (!converged)
        {
          conflicts_decided += resolve_all (&kranj, FALSE);
          conflicts_decided += resolve_all (&jesenice, FALSE);
        }
    }

  g_test_message ("%u conflicts met, %u decided", conflicts_seen, conflicts_decided);
  g_assert_true (converged);
  g_assert_cmpuint (conflicts_seen, >=, 4);
  g_assert_cmpuint (conflicts_decided, >=, 3);

  /* What each desk did is everywhere. */
  for (guint d = 0; d < 3; d++)
    {
      Desk *desk = d == 0 ? &kranj : d == 1 ? &jesenice : &office;

      g_assert_cmpint (query_int_id (desk->store, "SELECT count(*) FROM participant WHERE id = ?1", erased), ==, 0);
      /* No trace of the erased person: not in the changes kept to pass
       * on, the conflicts, or the audit log but for the erasure. */
      g_assert_cmpint (query_int (desk->store, "SELECT count(*) FROM exchange_outbox "
                                               "WHERE instr(changeset, CAST('Prvič je prišla sama.' AS BLOB)) > 0"),
                       ==, 0);
      g_assert_cmpint (query_int (desk->store, "SELECT count(*) FROM exchange_conflict "
                                               "WHERE instr(coalesce(local_values, '') || coalesce(incoming_values, ''), "
                                               "            'Prvič je prišla sama.') > 0"), ==, 0);
      g_assert_cmpint (query_int (desk->store, "SELECT count(*) FROM audit_log WHERE instr(coalesce(old_values, '') || "
                                               "coalesce(new_values, ''), 'Prvič je prišla sama.') > 0"), ==, 0);
      g_assert_cmpint (query_int_id (desk->store, "SELECT count(*) FROM audit_log WHERE participant_id = ?1",
                                     erased), ==, 0);
      g_assert_cmpint (query_int_id (desk->store, "SELECT count(*) FROM audit_log WHERE row_id = ?1 "
                                                  "AND action = 'erase'", erased), ==, 1);
      g_assert_cmpint (query_int_id (desk->store, "SELECT count(*) FROM journal_entry WHERE participant_id = ?1",
                                     erased), ==, 0);
      g_assert_cmpint (query_int_id (desk->store, "SELECT count(*) FROM attendance WHERE session_id = ?1",
                                     double_marked), >, 0);
      g_assert_cmpint (query_int (desk->store, "SELECT count(*) FROM attendance a JOIN attendance b "
                                               "ON a.session_id = b.session_id AND a.participant_id = b.participant_id "
                                               "AND a.id < b.id"), ==, 0);
      assert_sound (desk->store);
    }
  g_assert_cmpint (query_int (office.store, "SELECT count(*) FROM participant"), ==,
                   query_int (kranj.store, "SELECT count(*) FROM participant"));

  /* The audit log of a desk shows where changes came from. */
  g_assert_cmpint (query_int (office.store, "SELECT count(*) FROM audit_log WHERE staff_name = 'Desk “Kranj”'"),
                   >, 0);

  desk_close (&kranj);
  desk_close (&jesenice);
  desk_close (&office);
  korak_test_remove_tree (dir, FALSE);
}


/* -------------------------------------------------------------- refusals */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, size);
}

static char *
write_variant (const char   *dir,
               const char   *name,
               const guint8 *data,
               gsize         size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, (const char *)data, size, &error));
  g_assert_no_error (error);
  return path;
}

/* The header's checksum again, as a bundle altered on purpose would have. */
static void
fix_checksum (guint8 *data)
{
  crypto_generichash (data + 112, 16, data, 112, NULL, 0);
}

static void
put_u32 (guint8 *p,
         guint32 v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

static void
expect_refused (Desk       *desk,
                const char *path,
                const char *passphrase,
                int         code,
                const char *before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakExchangeReport) report = NULL;
  g_autofree char *after = NULL;

  g_assert_false (korak_exchange_apply_bundle (desk->store, passphrase, path, &report, &error));
  g_assert_error (error, KORAK_STORE_ERROR, code);
  g_assert_null (report);
  g_test_message ("refused: %s", error->message);
  /* Nothing applied. */
  after = digest (desk->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (open_conflicts (desk), ==, 0);
}

static void
test_refusals (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *good = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) cohorts = NULL;
  g_autoptr(KorakExchangeReport) report = NULL;
  g_autoptr(KorakExchangeReport) info = NULL;
  Desk kranj = { 0 }, office = { 0 };
  KorakDemoEditCounts counts;
  const guint8 *data;
  g_autofree guint8 *copy = NULL;
  gsize size = 0;
  guint32 first_chunk;
  gint64 made;

  desk_open (&kranj, dir, "Kranj");
  desk_open (&office, dir, "Pisarna");
  cohorts = running_cohorts (kranj.store);
  g_assert_true (korak_demo_edit_cohort (kranj.store, g_array_index (cohorts, gint64, 0), REFERENCE_DATE, 30, 4,
                                         &counts, &error));
  g_assert_no_error (error);
  made = korak_exchange_outbox_size (kranj.store, NULL);

  /* Nothing to send yet from the office's side, but a bundle still tells
   * what it has; the site's is large enough for several chunks. */
  g_assert_cmpint (korak_exchange_count_pending (kranj.store, desk_id (&office), &error), ==, made);
  good = bundle_path (dir);
  g_assert_true (korak_exchange_write_bundle (kranj.store, desk_id (&office), PASSPHRASE, good, &error));
  g_assert_no_error (error);
  bytes = read_bytes (good);
  data = g_bytes_get_data (bytes, &size);
  first_chunk = (data[128] << 24) | (data[129] << 16) | (data[130] << 8) | data[131];
  g_assert_cmpuint (size, >, 128 + 4 + first_chunk + 4);
  copy = g_memdup2 (data, size);

  /* What a bundle says in the clear, without the passphrase. */
  info = korak_exchange_inspect_bundle (good, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->source_desk_id, ==, desk_id (&kranj));
  g_assert_cmpint (info->to_desk_id, ==, desk_id (&office));
  g_assert_cmpint (info->schema_version, ==, KORAK_STORE_SCHEMA_VERSION);
  g_assert_null (info->source_desk_name);

  /* The passphrase this desk used before is the only one it writes with. */
  {
    g_autofree char *other = bundle_path (dir);

    g_assert_false (korak_exchange_write_bundle (kranj.store, 0, "wrong", other, &error));
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }

  before = digest (office.store);

  /* Not a bundle at all. */
  {
    g_autofree char *path = write_variant (dir, "notes.txt", (const guint8 *)"Zapiski s sestanka", 18);

    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_INVALID, before);
  }
  /* A wrong passphrase. */
  expect_refused (&office, good, "Gorenjska-2026 ima kratke zime", KORAK_STORE_ERROR_WRONG_PASSPHRASE, before);
  /* Cut short: in the middle of a chunk, and right after the first chunk. */
  {
    g_autofree char *path = write_variant (dir, "short1", data, size - 100);

    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_CORRUPT, before);
  }
  {
    g_autofree char *path = write_variant (dir, "short2", data, 128 + 4 + first_chunk);

    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_CORRUPT, before);
  }
  {
    g_autofree char *path = write_variant (dir, "short3", data, 100);

    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_INVALID, before);
  }
  /* Something after the end. */
  {
    g_autofree guint8 *longer = g_malloc (size + 10);
    g_autofree char *path = NULL;

    memcpy (longer, data, size);
    memset (longer + size, 0, 10);
    path = write_variant (dir, "long", longer, size + 10);
    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_CORRUPT, before);
  }
  /* One byte flipped: in the encrypted part, and in the header. */
  {
    g_autofree char *path = NULL;

    copy[size / 2] ^= 0x20;
    path = write_variant (dir, "flipped1", copy, size);
    copy[size / 2] ^= 0x20;
    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_CORRUPT, before);
  }
  {
    g_autofree char *path = NULL;

    copy[45] ^= 0x01;
    path = write_variant (dir, "flipped2", copy, size);
    copy[45] ^= 0x01;
    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_CORRUPT, before);
  }
  /* A chunk's length changed, and a header changed with its checksum made
   * to fit: the encryption still tells. */
  {
    g_autofree char *path = NULL;

    put_u32 (copy + 128, first_chunk - 1);
    path = write_variant (dir, "length", copy, size);
    put_u32 (copy + 128, first_chunk);
    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_CORRUPT, before);
  }
  {
    g_autofree char *path = NULL;

    copy[47] ^= 0x01;
    fix_checksum (copy);
    path = write_variant (dir, "created", copy, size);
    copy[47] ^= 0x01;
    fix_checksum (copy);
    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_CORRUPT, before);
  }
  /* Another organisation's, and a newer or older Korak's. */
  {
    g_autofree char *path = NULL;

    copy[23] ^= 0x01;
    fix_checksum (copy);
    path = write_variant (dir, "foreign", copy, size);
    copy[23] ^= 0x01;
    fix_checksum (copy);
    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_FOREIGN, before);
  }
  {
    g_autofree char *path = NULL;

    put_u32 (copy + 12, KORAK_STORE_SCHEMA_VERSION + 1);
    fix_checksum (copy);
    path = write_variant (dir, "newer", copy, size);
    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_NEWER_SCHEMA, before);
    put_u32 (copy + 12, KORAK_STORE_SCHEMA_VERSION - 1);
    fix_checksum (copy);
    g_free (path);
    path = write_variant (dir, "older", copy, size);
    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_INVALID, before);
    put_u32 (copy + 12, KORAK_STORE_SCHEMA_VERSION);
    fix_checksum (copy);
    g_assert_cmpmem (copy, size, data, size);
  }
  /* A real bundle of another organisation. */
  {
    g_autofree char *other_dir = make_tmp_dir ();
    g_autofree char *other_path = g_build_filename (other_dir, "other.db", NULL);
    g_autofree char *path = bundle_path (dir);
    g_autoptr(KorakStore) other = korak_store_open (other_path, &error);

    g_assert_no_error (error);
    g_assert_true (korak_store_exec (other, "INSERT INTO organisation (id, name) VALUES (77, 'Društvo Drugi korak')",
                                     &error));
    g_assert_true (korak_exchange_write_bundle (other, 0, PASSPHRASE, path, &error));
    g_assert_no_error (error);
    expect_refused (&office, path, PASSPHRASE, KORAK_STORE_ERROR_FOREIGN, before);
    g_clear_object (&other);
    korak_test_remove_tree (other_dir, FALSE);
  }
  /* A desk does not take its own bundle. */
  {
    g_autofree char *own = digest (kranj.store);

    expect_refused (&kranj, good, PASSPHRASE, KORAK_STORE_ERROR_INVALID, own);
  }

  /* The bundle itself applies, once. */
  g_assert_true (korak_exchange_apply_bundle (office.store, PASSPHRASE, good, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, made);
  g_assert_cmpuint (report->ranges->len, ==, 1);
  g_assert_cmpint (g_array_index (report->ranges, KorakExchangeRange, 0).first, ==, 1);
  g_assert_cmpint (g_array_index (report->ranges, KorakExchangeRange, 0).last, ==, made);
  g_clear_pointer (&report, korak_exchange_report_free);
  g_free (before);
  before = digest (office.store);
  {
    g_autofree char *k = digest (kranj.store);

    g_assert_cmpstr (k, ==, before);
  }

  /* Twice: nothing changes. */
  g_assert_true (korak_exchange_apply_bundle (office.store, PASSPHRASE, good, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, 0);
  g_assert_cmpuint (report->n_skipped, ==, made);
  g_clear_pointer (&report, korak_exchange_report_free);
  {
    g_autofree char *again = digest (office.store);

    g_assert_cmpstr (again, ==, before);
  }

  /* A bundle that skips a change: Kranj believes the office has one more
   * than it has. */
  set_phone (kranj.store, active_member (kranj.store, g_array_index (cohorts, gint64, 0), 0), "031 000 001", NULL);
  set_phone (kranj.store, active_member (kranj.store, g_array_index (cohorts, gint64, 0), 1), "031 000 002", NULL);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT OR REPLACE INTO exchange_ack (peer_desk, origin_desk, seq) "
                                            "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                            desk_id (&office), desk_id (&kranj), made + 1);
    g_autofree char *path = bundle_path (dir);
    g_autofree char *missing = g_strdup_printf ("Change %" G_GINT64_FORMAT " of desk “Kranj”", made + 1);
    g_autoptr(KorakExchangeReport) skipped = NULL;

    g_assert_true (korak_store_exec (kranj.store, sql, &error));
    g_assert_cmpint (korak_exchange_count_pending (kranj.store, desk_id (&office), &error), ==, 1);
    g_assert_true (korak_exchange_write_bundle (kranj.store, desk_id (&office), PASSPHRASE, path, &error));
    g_assert_no_error (error);
    g_assert_false (korak_exchange_apply_bundle (office.store, PASSPHRASE, path, &skipped, &error));
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_MISSING_CHANGES);
    g_test_message ("refused: %s", error->message);
    g_assert_nonnull (strstr (error->message, missing));
    g_clear_error (&error);
    {
      g_autofree char *after = digest (office.store);

      g_assert_cmpstr (after, ==, before);
    }

    /* Without the mistake both arrive, in order. */
    g_assert_true (korak_store_exec (kranj.store, "DELETE FROM exchange_ack", &error));
    report = send (&kranj, &office, dir);
    g_assert_cmpuint (report->n_applied, ==, 2);
    g_clear_pointer (&report, korak_exchange_report_free);
  }
  {
    g_autofree char *k = digest (kranj.store);
    g_autofree char *o = digest (office.store);

    g_assert_cmpstr (k, ==, o);
  }

  /* The office's answer confirms what it has: nothing more is pending. */
  report = send (&office, &kranj, dir);
  g_assert_cmpuint (report->n_applied, ==, 0);
  g_clear_pointer (&report, korak_exchange_report_free);
  g_assert_cmpint (korak_exchange_count_pending (kranj.store, desk_id (&office), &error), ==, 0);
  g_assert_no_error (error);

  /* The desks know each other by name. */
  {
    g_autoptr(GPtrArray) desks = korak_exchange_list_desks (office.store, &error);
    KorakDeskRecord *first, *second;

    g_assert_no_error (error);
    g_assert_cmpuint (desks->len, >=, 2);
    first = g_ptr_array_index (desks, 0);
    g_assert_true (first->is_local);
    g_assert_cmpstr (first->name, ==, "Pisarna");
    second = g_ptr_array_index (desks, 1);
    g_assert_cmpstr (second->name, ==, "Kranj");
    g_assert_cmpint (second->last_seq, ==, made + 2);
    g_assert_nonnull (second->last_received_at);
  }

  desk_close (&kranj);
  desk_close (&office);
  korak_test_remove_tree (dir, FALSE);
}

/* A desk restored from a backup would number new changes as ones it had
 * sent already: the other desks refuse them, and it refuses their bundles
 * until it takes a new identity. */
static void
test_restored_desk (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *backup = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cohorts = NULL;
  KorakExchangeReport *report;
  Desk kranj = { 0 }, office = { 0 };
  gint64 person;

  desk_open (&kranj, dir, "Kranj");
  desk_open (&office, dir, "Pisarna");
  cohorts = running_cohorts (kranj.store);
  person = active_member (kranj.store, g_array_index (cohorts, gint64, 0), 0);

  /* The backup, then a change the office receives. */
  g_clear_object (&kranj.store);
  backup = g_build_filename (dir, "backup.db", NULL);
  copy_file (kranj.path, backup);
  kranj.store = korak_store_open (kranj.path, &error);
  g_assert_no_error (error);
  set_phone (kranj.store, person, "031 100 100", NULL);
  korak_exchange_report_free (send (&kranj, &office, dir));

  /* Restored: the same number for another change. */
  g_clear_object (&kranj.store);
  copy_file (backup, kranj.path);
  kranj.store = korak_store_open (kranj.path, &error);
  g_assert_no_error (error);
  set_phone (kranj.store, person, "031 200 200", NULL);

  path = bundle_path (dir);
  g_assert_true (korak_exchange_write_bundle (kranj.store, desk_id (&office), PASSPHRASE, path, &error));
  g_assert_no_error (error);
  g_assert_false (korak_exchange_apply_bundle (office.store, PASSPHRASE, path, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  g_free (path);

  /* The desk itself sees it in the office's answer. */
  path = bundle_path (dir);
  g_assert_true (korak_exchange_write_bundle (office.store, 0, PASSPHRASE, path, &error));
  g_assert_no_error (error);
  g_assert_false (korak_exchange_apply_bundle (kranj.store, PASSPHRASE, path, NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Right after a restore, a new identity: what the office had comes back. */
  g_clear_object (&kranj.store);
  copy_file (backup, kranj.path);
  kranj.store = korak_store_open (kranj.path, &error);
  g_assert_no_error (error);
  g_assert_true (korak_exchange_init_desk (kranj.store, "Kranj", &error));
  g_assert_no_error (error);
  report = send (&office, &kranj, dir);
  g_assert_cmpuint (report->n_applied, ==, 1);
  korak_exchange_report_free (report);
  g_assert_cmpint (query_int_id (kranj.store, "SELECT count(*) FROM participant WHERE id = ?1 AND phone = '031 100 100'",
                                 person), ==, 1);
  set_phone (kranj.store, person, "031 300 300", NULL);
  report = send (&kranj, &office, dir);
  g_assert_cmpuint (report->n_applied, ==, 1);
  korak_exchange_report_free (report);
  {
    g_autofree char *k = digest (kranj.store);
    g_autofree char *o = digest (office.store);

    g_assert_cmpstr (k, ==, o);
  }

  desk_close (&kranj);
  desk_close (&office);
  korak_test_remove_tree (dir, FALSE);
}

/* --------------------------------------------------------------- crashes */

static void
child_write (int         fd,
             const char *line)
{
  gsize length = strlen (line);
  gssize n;

  do
    n = write (fd, line, length);
  while (n < 0 && errno == EINTR);
}

static void
read_all (int      fd,
          GString *buffer)
{
  char chunk[4096];
  gssize n;

  for (;;)
    {
      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (buffer, chunk, n);
    }
}

/* Forks @child, lets it run @delay_us, kills it; returns what it wrote. */
static char *
run_and_kill (void     (*child) (const char *path, int fd),
              const char *path,
              gint64      delay_us,
              gboolean   *finished)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  int fds[2];
  int status = 0;
  pid_t pid;

  g_assert_cmpint (pipe2 (fds, O_CLOEXEC), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      g_random_set_seed ((guint32)getpid () ^ (guint32)g_get_real_time ());
      child (path, fds[1]);
      _exit (0);
    }
  close (fds[1]);
  g_usleep (delay_us);
  kill (pid, SIGKILL);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  read_all (fds[0], buffer);
  close (fds[0]);

  *finished = WIFEXITED (status);
  if (WIFEXITED (status))
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return g_string_free (g_steal_pointer (&buffer), FALSE);
}

static void
writer_child (const char *path,
              int         fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = korak_store_open (path, &error);

  if (store == NULL)
    _exit (1);

  for (guint n = 0;; n++)
    {
      g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
      g_autofree char *family = g_strdup_printf ("Preizkus %u", n);
      char line[64];

      korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, "Zala");
      korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
      korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
      if (!korak_store_insert_participant (store, record, &error))
        _exit (1);
      g_snprintf (line, sizeof line, "P %" G_GINT64_FORMAT "\n", record->id);
      child_write (fd, line);
      if (!korak_store_add_journal_entry (store, record->id, REFERENCE_DATE, "milestone", "Vpis.", NULL, &error))
        _exit (1);
    }
}

/* SIGKILL while a desk writes: every commit it saw has its outbox row, and
 * every new row is in the outbox. */
static void
test_crash_writing (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) inserted = NULL;
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Desk desk = { 0 };
  gint64 baseline_people;
  guint kills = 40;
  sqlite3_stmt *stmt = NULL;

  desk_open (&desk, dir, "Kranj");
  baseline_people = query_int (desk.store, "SELECT count(*) FROM participant");
  g_clear_object (&desk.store);

  for (guint k = 0; k < kills; k++)
    {
      gboolean finished = FALSE;
      g_autofree char *output = run_and_kill (writer_child, desk.path,
                                              g_random_int_range (2000, 60000), &finished);
      g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

      g_assert_false (finished);
      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] == 'P')
          {
            gint64 id = g_ascii_strtoll (lines[i] + 2, NULL, 10);

            g_hash_table_add (reported, g_memdup2 (&id, sizeof id));
          }
    }

  desk.store = korak_store_open (desk.path, &error);
  g_assert_no_error (error);
  g_test_message ("%u kills, %u commits reported", kills, g_hash_table_size (reported));
  g_assert_cmpuint (g_hash_table_size (reported), >, 0);

  inserted = korak_exchange_outbox_inserted_ids (desk.store, "participant", &error);
  g_assert_no_error (error);
  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, reported);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      g_assert_true (g_hash_table_contains (inserted, id));
  }
  /* No row without its change: the outbox holds every new participant. */
  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (desk.store), "SELECT id FROM participant",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  {
    gint64 outside = 0;

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        if (!g_hash_table_contains (inserted, &id))
          outside++;
      }
    g_assert_cmpint (outside, ==, baseline_people);
  }
  sqlite3_finalize (stmt);
  g_assert_cmpint (korak_exchange_outbox_size (desk.store, NULL), ==,
                   query_int (desk.store, "SELECT seq FROM desk WHERE is_local = 1"));
  assert_sound (desk.store);

  desk_close (&desk);
  korak_test_remove_tree (dir, FALSE);
}

static char *crash_bundle;

static void
applier_child (const char *path,
               int         fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = korak_store_open (path, &error);

  if (store == NULL || !korak_exchange_apply_bundle (store, PASSPHRASE, crash_bundle, NULL, &error))
    _exit (1);
  child_write (fd, "D\n");
}

/* SIGKILL while a desk applies a bundle: all of it or nothing. */
static void
test_crash_applying (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *office_before = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *digest_before = NULL;
  g_autofree char *digest_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cohorts = NULL;
  Desk kranj = { 0 }, office = { 0 };
  KorakExchangeTiming timing = { 0 };
  gint64 last;
  guint applied = 0, nothing = 0;
  double total_us;

  desk_open (&kranj, dir, "Kranj");
  desk_open (&office, dir, "Pisarna");
  cohorts = running_cohorts (kranj.store);
  for (guint c = 0; c < 2; c++)
    {
      g_assert_true (korak_demo_edit_cohort (kranj.store, g_array_index (cohorts, gint64, c), REFERENCE_DATE, 30,
                                             10 + c, NULL, &error));
      g_assert_no_error (error);
    }
  /* And a backlog, so that most of the time goes into the transaction. */
  {
    gint64 person = active_member (kranj.store, g_array_index (cohorts, gint64, 0), 0);

    for (guint t = 0; t < 8; t++)
      {
        sqlite3_stmt *stmt;

        g_assert_true (korak_store_begin (kranj.store, &error));
        stmt = korak_store_prepare (kranj.store,
                                    "INSERT INTO journal_entry (id, participant_id, date, kind, text, seq) "
                                    "VALUES (?1, ?2, '2026-03-10', 'small_win', 'Zapis iz zaostanka.', ?3)", &error);
        g_assert_no_error (error);
        for (guint i = 0; i < 1000; i++)
          {
            gint64 id;

            sqlite3_bind_int64 (stmt, 2, person);
            sqlite3_bind_int64 (stmt, 3, t * 1000 + i);
            g_assert_true (korak_store_insert_with_id (kranj.store, stmt, &id, &error));
          }
        g_assert_true (korak_store_commit (kranj.store, &error));
        g_assert_no_error (error);
      }
  }
  last = korak_exchange_outbox_size (kranj.store, NULL);
  crash_bundle = bundle_path (dir);
  g_assert_true (korak_exchange_write_bundle (kranj.store, desk_id (&office), PASSPHRASE, crash_bundle, &error));
  g_assert_no_error (error);

  office_before = g_strdup (office.path);
  digest_before = digest (office.store);
  g_clear_object (&office.store);

  /* How long applying takes, and what it makes. */
  scratch = g_build_filename (dir, "scratch.db", NULL);
  copy_file (office_before, scratch);
  {
    g_autoptr(KorakStore) store = korak_store_open (scratch, &error);

    g_assert_no_error (error);
    g_assert_true (korak_exchange_apply_bundle_timed (store, PASSPHRASE, crash_bundle, &timing, &error));
    g_assert_no_error (error);
    digest_after = digest (store);
  }
  total_us = timing.apply_ms * 1000;
  g_test_message ("applying %u changes (%u rows) takes %.0f ms", timing.n_changes, timing.n_rows, timing.apply_ms);
  g_assert_cmpstr (digest_before, !=, digest_after);

  for (guint k = 0; k < 16; k++)
    {
      g_autoptr(KorakStore) store = NULL;
      g_autofree char *now = NULL;
      g_autofree char *output = NULL;
      gboolean finished = FALSE;
      gint64 seq;

      copy_file (office_before, scratch);
      g_remove (g_strconcat (scratch, "-wal", NULL));
      /* From before the transaction (the key takes a while) to after it. */
      output = run_and_kill (applier_child, scratch, (gint64)(total_us * (0.2 + 1.2 * k / 15.0)), &finished);

      store = korak_store_open (scratch, &error);
      g_assert_no_error (error);
      now = digest (store);
      seq = query_int_id (store, "SELECT seq FROM desk WHERE id = ?1", desk_id (&kranj));
      if (g_str_equal (now, digest_after))
        {
          g_assert_cmpint (seq, ==, last);
          applied++;
        }
      else
        {
          /* Nothing of it. */
          g_assert_cmpstr (now, ==, digest_before);
          g_assert_cmpint (seq, <=, 0);
          g_assert_cmpint (query_int (store, "SELECT count(*) FROM exchange_outbox"), ==, 0);
          g_assert_false (finished);
          nothing++;
          /* And it applies afterwards. */
          g_assert_true (korak_exchange_apply_bundle (store, PASSPHRASE, crash_bundle, NULL, &error));
          g_assert_no_error (error);
          g_free (now);
          now = digest (store);
          g_assert_cmpstr (now, ==, digest_after);
        }
      assert_sound (store);
    }
  g_test_message ("16 kills: %u after the bundle applied, %u before", applied, nothing);
  g_assert_cmpuint (nothing, >, 0);
  g_assert_cmpuint (applied, >, 0);

  g_clear_pointer (&crash_bundle, g_free);
  desk_close (&kranj);
  desk_close (&office);
  korak_test_remove_tree (dir, FALSE);
}

/* ------------------------------------------------------------------ bench */

static void
test_bench (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GError) error = NULL;
  KorakExchangeBench bench;
  guint rows = g_test_perf () ? 100000 : 5000;

  g_assert_true (korak_exchange_bench (dir, rows, &bench, &error));
  g_assert_no_error (error);
  g_test_message ("Argon2id key: %.0f ms", bench.derive_ms);
  g_test_message ("a month of a %u-person cohort: %u changes, %u rows, %zu bytes; written in %.0f ms "
                  "(goal %.0f), applied in %.0f ms",
                  bench.month_people, bench.month_changes, bench.month_rows, bench.month_bytes,
                  bench.month_write_ms, KORAK_EXCHANGE_GOAL_MONTH_WRITE_MS, bench.month_apply_ms);
  g_test_message ("%u rows (%u changes, %zu bytes): written in %.0f ms, applied in %.0f ms (goal %.0f)",
                  bench.big_rows, bench.big_changes, bench.big_bytes, bench.big_write_ms, bench.big_apply_ms,
                  KORAK_EXCHANGE_GOAL_BIG_APPLY_MS);
  g_assert_cmpuint (bench.month_changes, >, 50);
  g_assert_cmpuint (bench.big_rows, >=, rows);
  if (g_test_perf ())
    {
      g_test_minimized_result (bench.month_write_ms / 1000.0, "month bundle written in %.2f s", bench.month_write_ms / 1000.0);
      g_test_minimized_result (bench.big_apply_ms / 1000.0, "100,000 rows applied in %.2f s", bench.big_apply_ms / 1000.0);
    }

  korak_test_remove_tree (dir, FALSE);
}

/* ------------------------------------------------------------------ main */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = NULL;
  KorakDemoOptions options = { DEMO_PEOPLE, DEMO_SEED, REFERENCE_DATE };
  KorakDemoCounts counts;
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  /* The baseline every desk starts from. */
  baseline_dir = make_tmp_dir ();
  baseline_path = g_build_filename (baseline_dir, "baseline.db", NULL);
  store = korak_store_open (baseline_path, &error);
  g_assert_no_error (error);
  g_assert_true (korak_demo_generate (store, &options, &counts, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_test_add_func ("/exchange/converge", test_converge);
  g_test_add_func ("/exchange/refusals", test_refusals);
  g_test_add_func ("/exchange/restored-desk", test_restored_desk);
  g_test_add_func ("/exchange/crash/writing", test_crash_writing);
  g_test_add_func ("/exchange/crash/applying", test_crash_applying);
  g_test_add_func ("/exchange/bench", test_bench);

  result = g_test_run ();

  korak_test_remove_tree (baseline_dir, FALSE);
  g_free (baseline_dir);
  g_free (baseline_path);
  return result;
}
