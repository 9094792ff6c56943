/* korak-cli.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "korak-charts.h"
#include "korak-date.h"
#include "korak-demo-private.h"
#include "korak-participant-list.h"
#include "korak-schedule.h"
#include "korak-store-private.h"
#include "korak-cli-private.h"


#define MAX_PARTICIPANTS 1000000

/* What the benchmark compares against; printed, never asserted. */
#define TARGET_OPEN_MS       100.0
#define TARGET_LOAD_MS       500.0
#define TARGET_KEYSTROKE_MS  5.0
#define TARGET_WEEK_MS       10.0
#define TARGET_REGISTER_MS   20.0
#define TARGET_CHART_MS      5.0

/* How many weeks and registers the schedule benchmark samples. */
#define BENCH_SAMPLES        9


typedef struct
{
  const char  *name;
  const char  *summary;   /* N_() */
  CommandFunc  run;
} Command;

void
korak_cli_print_error (const char *message)
{
  g_printerr ("%s: %s\n", "korak-cli", message);
}

double
korak_cli_ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

/* Parses a subcommand's options; prints the error and returns FALSE. */
gboolean
korak_cli_parse_options (GOptionContext   *context,
               int              *argc,
               char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      korak_cli_print_error (error->message);
      return FALSE;
    }

  if (*argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”. See --help."), (*argv)[1]);

      korak_cli_print_error (message);
      return FALSE;
    }

  return TRUE;
}

GOptionContext *
korak_cli_command_context (const char         *summary,
                 const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* check and bench read a database that must already exist: opening a
 * mistyped path would otherwise create an empty one. */
gboolean
korak_cli_database_exists (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  {
    g_autofree char *display = g_filename_display_name (path);
    g_autofree char *message = g_strdup_printf (_("There is no database at “%s”. Check the path."), display);

    korak_cli_print_error (message);
  }
  return FALSE;
}

KorakStore *
korak_cli_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KorakStore *store = korak_store_open (path, &error);

  if (store == NULL)
    korak_cli_print_error (error->message);

  return store;
}

/* ----------------------------------------------------------------- demo */

static int
command_demo (int    argc,
              char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *reference_iso = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seed = 1;
  gint64 existing;
  int participants = 200;
  KorakDemoOptions options = { 0 };
  KorakDemoCounts counts;
  gint64 start;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file to create or fill"), N_("PATH") },
    { "participants", 'n', 0, G_OPTION_ARG_INT, &participants,
      N_("How many participants to create (default 200)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed,
      N_("The seed of the random choices: the same seed gives the same data (default 1)"), N_("S") },
    { "reference-date", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The day the data is built around, not after today (default today)"), N_("DATE") },
    { NULL }
  };

  context = korak_cli_command_context (_("Creates a realistic sample organisation with staff, programmes, cohorts "
                               "and participants in a new or empty database."), entries);
  if (!korak_cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  if (database == NULL)
    {
      korak_cli_print_error (_("Give the database file with --database PATH. "
                     "Sample data never goes into your real database by default."));
      return EXIT_USAGE;
    }
  if (participants < 0 || participants > MAX_PARTICIPANTS)
    {
      g_autofree char *message = g_strdup_printf (_("The number of participants must be between 0 and %d."),
                                                  MAX_PARTICIPANTS);

      korak_cli_print_error (message);
      return EXIT_USAGE;
    }
  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_autofree char *message = g_strdup_printf (_("The seed must be between 0 and %u."), G_MAXUINT32);

      korak_cli_print_error (message);
      return EXIT_USAGE;
    }
  if (reference != NULL)
    {
      g_autofree char *today = korak_date_today ();

      if (!(reference_iso = korak_date_parse (reference, &error)))
        {
          korak_cli_print_error (error->message);
          return EXIT_USAGE;
        }
      if (*reference_iso == '\0' || strcmp (reference_iso, today) > 0)
        {
          korak_cli_print_error (_("The reference date must be a day no later than today."));
          return EXIT_USAGE;
        }
    }

  start = g_get_monotonic_time ();

  /* korak_store_new_id() draws from g_random: seeding it too makes the
   * ids, and so the order of equal names, the same from run to run. */
  g_random_set_seed ((guint32)seed);

  if (!(store = korak_cli_open_store (database)))
    return EXIT_FAILURE;

  existing = korak_store_count_rows (store, "participant", &error);
  if (existing < 0)
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  if (existing > 0 ||
      korak_store_count_rows (store, "programme", NULL) > 0 ||
      korak_store_count_rows (store, "organisation", NULL) > 0)
    {
      g_autofree char *display = g_filename_display_name (database);
      g_autofree char *message = NULL;

      if (existing > 0)
        message = g_strdup_printf (_("“%s” already holds participants (%lld). "
                                     "Sample data only goes into a new or empty database: "
                                     "give another file, nothing was changed."),
                                   display, (long long) existing);
      else
        message = g_strdup_printf (_("“%s” already holds an organisation or programmes. "
                                     "Sample data only goes into a new or empty database: "
                                     "give another file, nothing was changed."),
                                   display);
      korak_cli_print_error (message);
      return EXIT_FAILURE;
    }

  options.n_participants = (guint)participants;
  options.seed = (guint32)seed;
  options.reference_date = reference_iso;

  if (!korak_demo_generate (store, &options, &counts, &error))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  /* Closing checkpoints the journal, which is part of the time. */
  g_clear_object (&store);

  {
    g_autofree char *display = g_filename_display_name (database);

    g_print (_("Sample data in %s: %u participants (%u archived), %u enrolments, %u cohorts, "
               "%u modules, %u programmes, %u staff, %u weekly sessions, %u sessions, "
               "%u attendance marks; %.2f s\n"),
             display, counts.participants, counts.archived, counts.enrolments, counts.cohorts,
             counts.modules, counts.programmes, counts.staff, counts.patterns, counts.sessions,
             counts.attendance, korak_cli_ms_since (start) / 1000.0);
  }

  return EXIT_SUCCESS;
}

/* ---------------------------------------------------------------- check */

static gint64
count_where (KorakStore  *store,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    korak_store_set_error (store, rc, error);
  sqlite3_reset (stmt);

  return count;
}

static void
print_count (const char *label,
             gint64      count)
{
  /* Pad by characters, not bytes, so translated labels line up. */
  glong width = g_utf8_strlen (label, -1);
  g_autofree char *pad = g_strnfill (width < 26 ? 26 - width : 1, ' ');

  g_print ("  %s%s%8" G_GINT64_FORMAT "\n", label, pad, count);
}

static int
command_check (int    argc,
               char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean failed = FALSE;
  /* Table names are identifiers, shown as they are. */
  static const char * const tables[] = {
    "organisation", "desk", "staff", "programme", "cohort", "module", "participant",
    "enrolment", "activity", "weekly_pattern", "pattern_exception", "session", "attendance", "plan", "goal",
    "assessment", "journal_entry", "note", "note_translation", "note_translation_version", "certificate", "follow_up",
    "audit_log",
  };
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: your Korak database)"), N_("PATH") },
    { NULL }
  };

  context = korak_cli_command_context (_("Checks a database for damage and prints its schema version and "
                               "the number of rows in each table. Exits with 0 only when the "
                               "database is sound."), entries);
  if (!korak_cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  if (database == NULL)
    database = korak_store_default_path ();
  if (!korak_cli_database_exists (database))
    return EXIT_FAILURE;
  if (!(store = korak_cli_open_store (database)))
    return EXIT_FAILURE;

  if (!(integrity = korak_store_integrity_check (store, &error)))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  {
    g_autofree char *display = g_filename_display_name (database);

    g_print (_("Database:        %s\n"), display);
  }
  g_print (_("Integrity:       %s\n"), integrity);
  g_print (_("Schema version:  %d\n"), korak_store_get_schema_version (store));
  g_print (_("Desk:            %lld\n"), (long long) korak_store_get_desk_id (store));
  g_print (_("Rows per table:\n"));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GError) count_error = NULL;
      gint64 count = korak_store_count_rows (store, tables[i], &count_error);

      if (count < 0)
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", tables[i], count_error->message);

          korak_cli_print_error (message);
          failed = TRUE;
          continue;
        }
      print_count (tables[i], count);

      if (g_str_equal (tables[i], "participant"))
        {
          gint64 archived = count_where (store, "SELECT count(*) FROM participant WHERE archived_at IS NOT NULL",
                                         &count_error);

          if (archived >= 0)
            print_count (_("  of them archived"), archived);
        }
      else if (g_str_equal (tables[i], "enrolment"))
        {
          gint64 active = count_where (store, "SELECT count(*) FROM enrolment WHERE status = 'active'",
                                       &count_error);

          if (active >= 0)
            print_count (_("  of them active"), active);
        }
      else if (g_str_equal (tables[i], "session"))
        {
          gint64 cancelled = count_where (store, "SELECT count(*) FROM session WHERE cancelled_reason IS NOT NULL",
                                          &count_error);

          if (cancelled >= 0)
            print_count (_("  of them cancelled"), cancelled);
        }
    }

  if (!g_str_equal (integrity, "ok"))
    {
      korak_cli_print_error (_("The database has problems (see Integrity above). "
                     "Keep a copy of the file and restore your latest backup."));
      return EXIT_FAILURE;
    }

  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* ---------------------------------------------------------------- bench */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

double
korak_cli_median (GArray *samples)
{
  guint n = samples->len;

  if (n == 0)
    return 0;

  g_array_sort (samples, compare_doubles);
  if (n % 2)
    return g_array_index (samples, double, n / 2);
  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

double
korak_cli_maximum (GArray *samples)
{
  double max = 0;

  for (guint i = 0; i < samples->len; i++)
    max = MAX (max, g_array_index (samples, double, i));

  return max;
}

void
korak_cli_print_figure (const char *label,
              double      ms,
              double      target_ms)
{
  glong width = g_utf8_strlen (label, -1);
  g_autofree char *pad = g_strnfill (width < 34 ? 34 - width : 1, ' ');

  /* Translators: a measured time and the time it should stay under. */
  g_print (_("%s%s%9.2f ms   (target ≤ %g ms)\n"), label, pad, ms, target_ms);
}

void
korak_cli_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

/* Cohorts and days to sample: the latest day with marks of several
 * cohorts, so that every week measured is a full, registered one. */
static GArray *
bench_sessions_sample (KorakStore  *store,
                       const char  *sql,
                       GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return NULL;
  sqlite3_bind_int (stmt, 1, BENCH_SAMPLES);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row[2] = { sqlite3_column_int64 (stmt, 0), 0 };
      const char *date = (const char *)sqlite3_column_text (stmt, 1);

      /* The date as days, so the week's Monday can be found. */
      if (date != NULL)
        {
          g_autoptr(GDateTime) dt = NULL;
          int y, m, d;

          if (sscanf (date, "%4d-%2d-%2d", &y, &m, &d) == 3 && (dt = g_date_time_new_utc (y, m, d, 0, 0, 0)))
            row[1] = g_date_time_to_unix (dt) / 86400;
        }
      g_array_append_vals (ids, row, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static char *
iso_from_unix_day (gint64 day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day * 86400);

  return g_date_time_format (dt, "%Y-%m-%d");
}

/* One week of a cohort, as the timetable shows it. */
static gboolean
bench_weeks (KorakStore  *store,
             GArray      *samples,
             guint       *n_sessions,
             GError     **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  *n_sessions = 0;
  for (guint i = 0; i < samples->len; i++)
    {
      const gint64 *row = &g_array_index (samples, gint64, i * 2);
      /* 1 January 1970 was a Thursday: day 4 of the week counting Monday as 1. */
      gint64 monday = row[1] - ((row[1] + 3) % 7);
      g_autofree char *from = iso_from_unix_day (monday);
      g_autofree char *to = iso_from_unix_day (monday + 6);
      g_autoptr(GPtrArray) sessions = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!(sessions = korak_store_list_sessions (store, row[0], from, to, error)))
        return FALSE;
      ms = korak_cli_ms_since (start);
      g_array_append_val (times, ms);
      *n_sessions = MAX (*n_sessions, sessions->len);
    }

  korak_cli_print_figure (_("  one cohort’s week, median"), korak_cli_median (times), TARGET_WEEK_MS);
  return TRUE;
}

static GPtrArray *
register_copy (GPtrArray *entries)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_register_entry_free);

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (copy, korak_register_entry_copy (g_ptr_array_index (entries, i)));

  return copy;
}

/* Saves a changed register of a whole group session and times it, then
 * puts back what was there, last-change stamps included. */
static gboolean
bench_registers (KorakStore  *store,
                 GArray      *samples,
                 guint       *n_people,
                 GError     **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  *n_people = 0;
  for (guint i = 0; i < samples->len; i++)
    {
      gint64 session_id = g_array_index (samples, gint64, i * 2);
      g_autoptr(KorakSessionRecord) session = NULL;
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) changed = NULL;
      g_autoptr(GPtrArray) stamps = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt;
      gint64 start;
      double ms, hours;

      if (!(session = korak_store_get_session (store, session_id, error)) ||
          !(before = korak_store_get_register (store, session_id, error)))
        return FALSE;
      hours = korak_session_record_hours (session);

      if (!(stmt = korak_store_prepare (store, "SELECT participant_id, updated_at FROM attendance WHERE session_id = ?",
                                        error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, session_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_ptr_array_add (stamps, g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0)));
          g_ptr_array_add (stamps, korak_column_dup (stmt, 1));
        }
      sqlite3_reset (stmt);

      /* Everybody the other way round: present ↔ absent. */
      changed = register_copy (before);
      for (guint k = 0; k < changed->len; k++)
        {
          KorakRegisterEntry *entry = g_ptr_array_index (changed, k);
          gboolean was_present = g_strcmp0 (entry->state, "present") == 0;

          g_free (entry->state);
          entry->state = g_strdup (was_present ? "absent" : "present");
          entry->hours = was_present ? 0 : hours;
        }

      start = g_get_monotonic_time ();
      if (!korak_store_save_register (store, session_id, changed, error))
        return FALSE;
      ms = korak_cli_ms_since (start);
      g_array_append_val (times, ms);
      *n_people = MAX (*n_people, changed->len);

      /* Back as it was. */
      if (!korak_store_save_register (store, session_id, before, error) ||
          !korak_store_begin (store, error))
        return FALSE;
      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE attendance SET updated_at = ?3 WHERE session_id = ?1 AND participant_id = ?2",
                                        error)))
        {
          korak_store_rollback (store);
          return FALSE;
        }
      for (guint k = 0; k + 1 < stamps->len; k += 2)
        {
          sqlite3_bind_int64 (stmt, 1, session_id);
          sqlite3_bind_int64 (stmt, 2, g_ascii_strtoll (g_ptr_array_index (stamps, k), NULL, 10));
          korak_bind_text (stmt, 3, g_ptr_array_index (stamps, k + 1));
          if (!korak_store_step_done (store, stmt, error))
            {
              korak_store_rollback (store);
              return FALSE;
            }
        }
      if (!korak_store_commit (store, error))
        return FALSE;
    }

  korak_cli_print_figure (_("  saving a register, median"), korak_cli_median (times), TARGET_REGISTER_MS);
  return TRUE;
}

static gboolean
bench_schedule (KorakStore  *store,
                GError     **error)
{
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) registers = NULL;
  guint n_sessions = 0, n_people = 0;

  /* Cohorts with the most recent registered days. */
  if (!(weeks = bench_sessions_sample (store,
                                       "SELECT s.cohort_id, max(s.date) FROM session s "
                                       "WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id) "
                                       "GROUP BY s.cohort_id ORDER BY max(s.date) DESC, s.cohort_id LIMIT ?1",
                                       error)))
    return FALSE;
  /* Group sessions with the longest registers, one per cohort. */
  if (!(registers = bench_sessions_sample (store,
                                           "SELECT id, date, max(n) FROM (SELECT s.id, s.date, s.cohort_id, "
                                           "  (SELECT count(*) FROM attendance a WHERE a.session_id = s.id) AS n "
                                           "  FROM session s WHERE s.kind <> 'individual' AND s.cancelled_reason IS NULL "
                                           "  AND s.date >= (SELECT date(max(x.date), '-27 days') FROM session x "
                                           "    WHERE x.date <= date('now') "
                                           "    AND EXISTS (SELECT 1 FROM attendance y WHERE y.session_id = x.id))) "
                                           "WHERE n > 0 GROUP BY cohort_id ORDER BY max(n) DESC, id LIMIT ?1",
                                           error)))
    return FALSE;

  if (weeks->len == 0)
    {
      g_print (_("Timetable: no sessions with attendance to measure.\n"));
      return TRUE;
    }

  g_print (_("Timetable, %u weeks and %u registers:\n"), weeks->len, registers->len);
  if (!bench_weeks (store, weeks, &n_sessions, error))
    return FALSE;
  if (registers->len > 0 && !bench_registers (store, registers, &n_people, error))
    return FALSE;
  g_print (_("  (up to %u sessions a week, up to %u people on a register)\n"), n_sessions, n_people);

  return TRUE;
}

/* Charts do not depend on the database's size: each is drawn at 800×600
 * with data as large as a real page shows (10 areas, 4 assessments overlaid,
 * 11 lines, half a year of weeks, 8 exit reasons), once to load the fonts,
 * then timed. */
#define CHART_ROUNDS 25

typedef void (*ChartDraw) (cairo_t *cr, gpointer data);

static void draw_star (cairo_t *cr, gpointer data) { korak_star_chart_draw (cr, 800, 600, &(KorakChartStyle) { FALSE, 1.0 }, data); }
static void draw_line (cairo_t *cr, gpointer data) { korak_line_chart_draw (cr, 800, 600, &(KorakChartStyle) { FALSE, 1.0 }, data); }
static void draw_attendance (cairo_t *cr, gpointer data) { korak_attendance_chart_draw (cr, 800, 600, &(KorakChartStyle) { FALSE, 1.0 }, data); }
static void draw_bars (cairo_t *cr, gpointer data) { korak_bar_chart_draw (cr, 800, 600, &(KorakChartStyle) { FALSE, 1.0 }, data); }

static double
time_chart (ChartDraw draw,
            gpointer  data)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  double result;

  for (int i = 0; i <= CHART_ROUNDS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double ms;

      draw (cr, data);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      if (i > 0)
        g_array_append_val (times, ms);
    }
  cairo_surface_destroy (surface);
  result = korak_cli_median (times);
  return result;
}

static void
bench_charts (void)
{
  static const char *areas[] = { "Communication", "Working with others", "Self-confidence",
                                 "Everyday tasks and procedures", "Digital skills", "Managing money",
                                 "Health and self-care", "Slovenian language", "Work habits", "Job search" };
  static const char *kinds[] = { "intake", "review", "review", "exit" };
  static const char *dates[] = { "2026-01-05", "2026-03-02", "2026-04-27", "2026-06-22" };
  double scores[4][G_N_ELEMENTS (areas)];
  KorakStarSeries star_series[4];
  KorakStarData star = { G_N_ELEMENTS (areas), (char **) areas, 4, star_series };
  KorakLinePoint points[11][4];
  KorakLineSeries line_series[11];
  KorakLineData line = { 11, line_series };
  KorakAttendanceWeek weeks[26];
  KorakAttendanceData attendance = { 13, G_N_ELEMENTS (weeks), weeks };
  KorakBar bars[8];
  KorakBarData exits = { (char *) "Exits", G_N_ELEMENTS (bars), bars };
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < 4; s++)
    {
      for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
        scores[s][a] = 2 + (a * 3 + s * 2) % 8;
      star_series[s].label = g_strdup_printf ("%s %s", kinds[s], dates[s]);
      g_ptr_array_add (strings, star_series[s].label);
      star_series[s].kind = (char *) kinds[s];
      star_series[s].scores = scores[s];
    }
  for (guint l = 0; l < 11; l++)
    {
      for (guint p = 0; p < 4; p++)
        points[l][p] = (KorakLinePoint) { (char *) dates[p], (char *) kinds[p], 2 + (l + p * 2) % 9 };
      line_series[l] = (KorakLineSeries) { l < 10 ? (char *) areas[l] : (char *) "Average", 4, points[l] };
    }
  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 5, 1, 2026);
      g_date_add_days (&date, 7 * w);
      weeks[w].monday = korak_date_to_iso (&date);
      g_ptr_array_add (strings, weeks[w].monday);
      weeks[w].hours = 6 + (w * 7) % 8;
      weeks[w].module = w < 12 ? 1 : w < 20 ? 2 : 3;
    }
  for (guint b = 0; b < G_N_ELEMENTS (bars); b++)
    {
      bars[b].label = g_strdup_printf ("Reason %u", b + 1);
      g_ptr_array_add (strings, bars[b].label);
      bars[b].value = 1 + (b * 5) % 9;
      bars[b].positive = b < 3;
    }

  g_print (_("Charts at 800×600, median of %d draws:\n"), CHART_ROUNDS);
  korak_cli_print_figure (_("  star, 10 areas × 4"), time_chart (draw_star, &star), TARGET_CHART_MS);
  korak_cli_print_figure (_("  lines, 11 series"), time_chart (draw_line, &line), TARGET_CHART_MS);
  korak_cli_print_figure (_("  attendance, 26 weeks"), time_chart (draw_attendance, &attendance), TARGET_CHART_MS);
  korak_cli_print_figure (_("  bars, 8 exit reasons"), time_chart (draw_bars, &exits), TARGET_CHART_MS);
}

/* The newest entry of the audit log, -1 on error. */
static gint64
audit_log_end (KorakStore  *store,
               GError     **error)
{
  sqlite3_stmt *stmt = korak_store_prepare (store, "SELECT coalesce(max(seq), 0) FROM audit_log", error);
  gint64 seq;

  if (stmt == NULL)
    return -1;
  sqlite3_step (stmt);
  seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return seq;
}

static gboolean
audit_log_trim (KorakStore  *store,
                gint64       mark,
                GError     **error)
{
  sqlite3_stmt *stmt = korak_store_prepare (store, "DELETE FROM audit_log WHERE seq > ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mark);
  return korak_store_step_done (store, stmt, error);
}

static int
command_bench (int    argc,
               char **argv)
{
  /* Typed letter by letter, as people search the participant list. */
  static const char * const words[] = { "cebasek", "krasniqi", "novak", "hodzic", "ana" };
  g_autofree char *database = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(KorakParticipantList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) clears = g_array_new (FALSE, FALSE, sizeof (double));
  guint matches[G_N_ELEMENTS (words)] = { 0 };
  double open_ms, load_ms;
  int rounds = 5;
  int kills = 0;
  gint64 audit_mark;
  gint64 start;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: your Korak database)"), N_("PATH") },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds,
      N_("How many times to type every search word (default 5)"), N_("N") },
    { "crash-kills", 0, 0, G_OPTION_ARG_INT, &kills,
      N_("Also kill a writing process this many times (e.g. 1000) and count the committed writes lost"), N_("N") },
    { NULL }
  };

  context = korak_cli_command_context (_("Measures how long it takes to open a database, to load the participant "
                               "list and to search it keystroke by keystroke, to build a cohort’s week and "
                               "to save a register. Registers are put back as they were."), entries);
  if (!korak_cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  if (rounds < 1 || rounds > 1000)
    {
      korak_cli_print_error (_("The number of rounds must be between 1 and 1000."));
      return EXIT_USAGE;
    }
  if (kills < 0 || kills > 100000)
    {
      korak_cli_print_error (_("The number of kills must be between 0 and 100000."));
      return EXIT_USAGE;
    }
  if (database == NULL)
    database = korak_store_default_path ();
  if (!korak_cli_database_exists (database))
    return EXIT_FAILURE;

  /* First, while the process has one thread: the crash test forks. */
  if (kills > 0 && !korak_cli_bench_crash (kills))
    return EXIT_FAILURE;

  start = g_get_monotonic_time ();
  if (!(store = korak_cli_open_store (database)))
    return EXIT_FAILURE;
  open_ms = korak_cli_ms_since (start);

  start = g_get_monotonic_time ();
  list = korak_participant_list_new (store);
  if (!korak_participant_list_reload (list, &error))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  load_ms = korak_cli_ms_since (start);

  for (int round = 0; round < rounds; round++)
    {
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        {
          glong n_chars = g_utf8_strlen (words[w], -1);

          for (glong n = 1; n <= n_chars; n++)
            {
              g_autofree char *prefix = g_utf8_substring (words[w], 0, n);
              double ms;

              start = g_get_monotonic_time ();
              korak_participant_list_set_search (list, prefix);
              ms = korak_cli_ms_since (start);
              g_array_append_val (keystrokes, ms);
            }
          matches[w] = g_list_model_get_n_items (G_LIST_MODEL (list));

          start = g_get_monotonic_time ();
          korak_participant_list_set_search (list, NULL);
          {
            double ms = korak_cli_ms_since (start);

            g_array_append_val (clears, ms);
          }
        }
    }

  {
    g_autofree char *display = g_filename_display_name (database);

    g_print (_("Database: %s\n"), display);
  }
  g_print (_("Participants in the model: %u shown of %u loaded (archived ones hidden)\n"),
           g_list_model_get_n_items (G_LIST_MODEL (list)), korak_participant_list_get_total (list));
  korak_cli_print_figure (_("Open (korak_store_open)"), open_ms, TARGET_OPEN_MS);
  korak_cli_print_figure (_("Load the participant list"), load_ms, TARGET_LOAD_MS);
  g_print (_("Search, %u keystrokes over %d rounds:\n"), keystrokes->len, rounds);
  korak_cli_print_figure (_("  keystroke, median"), korak_cli_median (keystrokes), TARGET_KEYSTROKE_MS);
  g_print (_("  keystroke, max                  %9.2f ms\n"), korak_cli_maximum (keystrokes));
  korak_cli_print_figure (_("  clearing the search, median"), korak_cli_median (clears), TARGET_KEYSTROKE_MS);
  g_print (_("Matches for the whole words:\n"));
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    g_print ("  %-10s %6u\n", words[w], matches[w]);

  /* The registers and certificates the bench writes are put back; so is
   * what the audit log recorded of them. */
  if ((audit_mark = audit_log_end (store, &error)) < 0 ||
      !bench_schedule (store, &error))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  bench_charts ();

  if (!korak_cli_bench_documents (store, &error) ||
      !audit_log_trim (store, audit_mark, &error) ||
      !korak_cli_bench_exchange (&error))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

/* ----------------------------------------------------------------- main */

static const Command commands[] = {
  { "demo",  N_("Create realistic sample data in a new database"), command_demo },
  { "check", N_("Check a database and count the rows of each table"), command_check },
  { "bench", N_("Measure opening, loading and searching a database"), command_bench },
  { "certificate", N_("Issue or reprint certificates and write them to a PDF"), korak_cli_certificate },
  { "report", N_("Write a report (attendance, outcomes, sign-in sheet, plan, progress) to a PDF"), korak_cli_report },
  { "import", N_("Import referrals from a CSV file, all or nothing"), korak_cli_import },
  { "export", N_("Export participants, attendance or outcomes to CSV or XLSX"), korak_cli_export },
  { "exchange", N_("Send or receive encrypted change bundles between desks"), korak_cli_exchange },
};

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “korak-cli COMMAND --help” for the options of a command."));

  return g_string_free (text, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *prgname = NULL;
  const Command *command = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* KORAK_LOCALEDIR lets an uninstalled build find its own translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KORAK_LOCALEDIR") ? g_getenv ("KORAK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The first word that is not an option names the command; --help then
   * shows "korak-cli demo [OPTION…]". */
  for (int i = 1; i < argc && command == NULL; i++)
    {
      if (argv[i][0] == '-')
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        if (g_str_equal (argv[i], commands[c].name))
          command = &commands[c];
      break;
    }
  prgname = command ? g_strdup_printf ("korak-cli %s", command->name) : g_strdup ("korak-cli");
  g_set_prgname (prgname);

  context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_summary (context, _("Works on a Korak database without a display."));
  description = commands_description ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows belongs to it. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      korak_cli_print_error (error->message);
      return EXIT_USAGE;
    }

  if (version)
    {
      g_print ("korak-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a command. "
                                                    "Run “korak-cli --help” to see the commands."),
                                                  argv[1]);

      korak_cli_print_error (message);
      return EXIT_USAGE;
    }

  return command->run (argc - 1, argv + 1);
}
