/* test-schedule.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "korak-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "korak-participant-record.h"
#include "korak-schedule.h"
#include "korak-store-private.h"

/*
 * The fixture: one mentor, the default programme (12 + 8 + 4 weeks) and a
 * cohort starting on Monday 5 January 2026, so its modules are
 *   1 workshops      2026-01-05 … 2026-03-29
 *   2 work practice  2026-03-30 … 2026-05-24
 *   3 exit search    2026-05-25 … 2026-06-21
 * Ana Novak and Berta Kos are enrolled from the first day.
 */

typedef struct
{
  char       *dir;
  char       *path;
  KorakStore *store;
  gint64      mentor_id;
  gint64      programme_id;
  gint64      cohort_id;
  gint64      ana;
  gint64      berta;
} Fixture;

/* ---- helpers ----------------------------------------------------------- */


static gint64
count_rows (KorakStore *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 count = korak_store_count_rows (store, table, &error);

  g_assert_no_error (error);
  return count;
}

static gint64
query_int (KorakStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gint64
new_person (KorakStore *store,
            const char *given,
            const char *family)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
  korak_store_insert_participant (store, record, &error);
  g_assert_no_error (error);

  return record->id;
}

static gint64
new_cohort (Fixture    *fixture,
            const char *name,
            const char *start)
{
  g_autoptr(KorakCohortDetail) detail = korak_cohort_detail_new ();
  g_autoptr(GError) error = NULL;

  detail->programme_id = fixture->programme_id;
  detail->name = g_strdup (name);
  detail->site = g_strdup ("Kranj");
  detail->start_date = g_strdup (start);
  detail->mentor_id = fixture->mentor_id;
  korak_store_save_cohort (fixture->store, detail, &error);
  g_assert_no_error (error);
  g_assert_cmpint (detail->id, !=, 0);

  return detail->id;
}

static void
enrol (Fixture    *fixture,
       gint64      participant_id,
       gint64      cohort_id,
       const char *start)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (korak_store_enrol (fixture->store, participant_id, cohort_id, start, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStaffRecord) mentor = korak_staff_record_new ();
  g_autoptr(KorakProgrammeRecord) programme = korak_programme_record_new ();

  fixture->dir = g_dir_make_tmp ("korak-test-schedule-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "korak.db", NULL);
  fixture->store = korak_store_open (fixture->path, &error);
  g_assert_no_error (error);

  mentor->given_name = g_strdup ("Mateja");
  mentor->family_name = g_strdup ("Kern");
  mentor->role = g_strdup ("mentor");
  korak_store_save_staff (fixture->store, mentor, &error);
  g_assert_no_error (error);
  fixture->mentor_id = mentor->id;

  programme->name = g_strdup ("Socialna aktivacija");
  programme->target_group = g_strdup ("migrant_women");
  programme->required_hours = 480;
  korak_store_save_programme (fixture->store, programme, &error);
  g_assert_no_error (error);
  fixture->programme_id = programme->id;

  fixture->cohort_id = new_cohort (fixture, "Kranj, skupina 1", "2026-01-05");
  fixture->ana = new_person (fixture->store, "Ana", "Novak");
  fixture->berta = new_person (fixture->store, "Berta", "Kos");
  enrol (fixture, fixture->ana, fixture->cohort_id, "2026-01-05");
  enrol (fixture, fixture->berta, fixture->cohort_id, "2026-01-05");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  korak_test_remove_tree (fixture->dir, FALSE);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Saves a session and returns its id; @participant_id for individual ones. */
static gint64
add_session (Fixture    *fixture,
             const char *date,
             const char *start,
             const char *end,
             const char *kind,
             gint64      participant_id)
{
  g_autoptr(KorakSessionRecord) record = korak_session_record_new ();
  g_autoptr(GError) error = NULL;

  record->cohort_id = fixture->cohort_id;
  record->date = g_strdup (date);
  record->start_time = g_strdup (start);
  record->end_time = g_strdup (end);
  g_free (record->kind);
  record->kind = g_strdup (kind);
  record->participant_id = participant_id;
  korak_store_save_session (fixture->store, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record->id, !=, 0);

  return record->id;
}

/* Expects saving a session to be refused with INVALID and nothing stored. */
static void
assert_session_refused (Fixture    *fixture,
                        const char *date,
                        const char *start,
                        const char *end,
                        const char *kind,
                        gint64      participant_id)
{
  g_autoptr(KorakSessionRecord) record = korak_session_record_new ();
  g_autoptr(GError) error = NULL;
  gint64 before = count_rows (fixture->store, "session");

  record->cohort_id = fixture->cohort_id;
  record->date = g_strdup (date);
  record->start_time = g_strdup (start);
  record->end_time = g_strdup (end);
  g_free (record->kind);
  record->kind = g_strdup (kind);
  record->participant_id = participant_id;

  g_assert_false (korak_store_save_session (fixture->store, record, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_test_message ("refused %s %s–%s: %s", date, start, end, error->message);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_cmpint (record->id, ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "session"), ==, before);
}

static KorakRegisterEntry *
entry (gint64      participant_id,
       const char *state,
       double      hours,
       const char *remark)
{
  KorakRegisterEntry *e = g_new0 (KorakRegisterEntry, 1);

  e->participant_id = participant_id;
  e->state = g_strdup (state);
  e->hours = hours;
  e->remark = g_strdup (remark);
  return e;
}

static GPtrArray *
entries_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)korak_register_entry_free);
}

static void
save_register (Fixture   *fixture,
               gint64     session_id,
               GPtrArray *entries)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (korak_store_save_register (fixture->store, session_id, entries, &error));
  g_assert_no_error (error);
}

static void
mark (Fixture    *fixture,
      gint64      session_id,
      gint64      participant_id,
      const char *state,
      double      hours)
{
  g_autoptr(GPtrArray) entries = entries_new ();

  g_ptr_array_add (entries, entry (participant_id, state, hours, NULL));
  save_register (fixture, session_id, entries);
}

static gint64
add_pattern (Fixture    *fixture,
             gint64      module_id,
             int         weekday,
             const char *start,
             const char *end,
             const char *kind,
             gint64      participant_id)
{
  KorakPatternRecord pattern = { 0 };
  g_autoptr(GError) error = NULL;

  pattern.cohort_id = fixture->cohort_id;
  pattern.module_id = module_id;
  pattern.weekday = weekday;
  pattern.start_time = g_strdup (start);
  pattern.end_time = g_strdup (end);
  pattern.kind = g_strdup (kind);
  pattern.participant_id = participant_id;
  korak_store_save_pattern (fixture->store, &pattern, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pattern.id, !=, 0);

  g_free (pattern.start_time);
  g_free (pattern.end_time);
  g_free (pattern.kind);
  return pattern.id;
}

static KorakGenerateResult
generate (Fixture *fixture)
{
  KorakGenerateResult result;
  g_autoptr(GError) error = NULL;

  g_assert_true (korak_store_generate_sessions (fixture->store, fixture->cohort_id, &result, &error));
  g_assert_no_error (error);
  g_test_message ("generated: created %d, removed %d, kept %d, skipped %d",
                  result.created, result.removed, result.kept, result.skipped);
  return result;
}

static GPtrArray *
sessions_between (Fixture    *fixture,
                  const char *from,
                  const char *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = korak_store_list_sessions (fixture->store, fixture->cohort_id, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sessions);
  return sessions;
}

static gint64
session_on (Fixture    *fixture,
            const char *date)
{
  g_autoptr(GPtrArray) sessions = sessions_between (fixture, date, date);

  g_assert_cmpuint (sessions->len, ==, 1);
  return ((KorakSessionRecord *)g_ptr_array_index (sessions, 0))->id;
}

static gint64
module_id (Fixture *fixture,
           int      ordinal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCohortDetail) detail = korak_store_get_cohort (fixture->store, fixture->cohort_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (detail->modules->len, >=, (guint)ordinal);
  return ((KorakModuleRecord *)g_ptr_array_index (detail->modules, ordinal - 1))->id;
}

static void
assert_close (double a,
              double b)
{
  g_assert_cmpfloat_with_epsilon (a, b, 1e-9);
}

/* ---- choices and times ------------------------------------------------- */

static void
test_choices (void)
{
  static const struct { const char *typed, *stored; } good[] = {
    { "9:00", "09:00" }, { "09:00", "09:00" }, { " 13:30 ", "13:30" }, { "0:00", "00:00" }, { "23:59", "23:59" },
  };
  static const char * const bad[] = {
    "25:00", "24:00", "9.00", "", "12:60", "9", "009:00", "12:5", "-1:00", "12:00x", "ab:cd", "9:00:00",
  };

  g_assert_cmpstr (korak_attendance_states ()[0].code, ==, "present");
  g_assert_cmpstr (korak_attendance_states ()[3].code, ==, "absent");
  g_assert_null (korak_attendance_states ()[4].code);
  g_assert_cmpstr (korak_session_kinds ()[1].code, ==, "individual");
  g_assert_null (korak_session_kinds ()[4].code);
  g_assert_cmpstr (korak_module_kinds ()[2].code, ==, "exit_search");
  g_assert_null (korak_module_kinds ()[4].code);
  g_assert_cmpstr (korak_staff_roles ()[1].code, ==, "mediator");
  g_assert_null (korak_staff_roles ()[3].code);
  g_assert_cmpstr (korak_skill_areas ()[2].code, ==, "work");
  g_assert_null (korak_skill_areas ()[3].code);
  g_assert_cmpstr (korak_choice_label (korak_attendance_states (), "late"), ==, "Late");

  g_assert_true (korak_attendance_state_counts ("present"));
  g_assert_true (korak_attendance_state_counts ("late"));
  g_assert_false (korak_attendance_state_counts ("excused"));
  g_assert_false (korak_attendance_state_counts ("absent"));
  g_assert_false (korak_attendance_state_counts (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = korak_time_parse (good[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, good[i].stored);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = korak_time_parse (bad[i], &error);

      g_test_message ("time “%s”", bad[i]);
      g_assert_null (stored);
      g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "09:00"));
    }
}

/* ---- activities and migration ------------------------------------------ */

static void
test_activities (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const struct { const char *name, *area; } seeded[] = {
    { "Assertiveness", "social" },
    { "Computer skills", "functional" },
    { "Conflict resolution", "social" },
    { "Cooking", "work" },
    { "Crafts", "work" },
    { "Everyday forms and procedures", "functional" },
    { "Financial literacy", "functional" },
    { "Gardening", "work" },
    { "Healthy living", "social" },
    { "Sewing", "work" },
    { "Slovenian language", "functional" },
    { "The local labour market", "functional" },
    { "Visits to the library and public institutions", "functional" },
    { "Woodwork", "work" },
    { "Working in a group", "social" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = korak_store_list_activities (fixture->store, &error);
  KorakActivityRecord record = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, G_N_ELEMENTS (seeded));
  for (guint i = 0; i < activities->len; i++)
    {
      const KorakActivityRecord *a = g_ptr_array_index (activities, i);

      g_assert_cmpstr (a->name, ==, seeded[i].name);
      g_assert_cmpstr (a->skill_area, ==, seeded[i].area);
      g_assert_cmpint (a->id, >=, 1);
      g_assert_cmpint (a->id, <=, G_GINT64_CONSTANT (1) << 62);
      g_assert_cmpstr (korak_activity_label (a->name), ==, a->name);
    }
  g_assert_cmpstr (korak_activity_label ("Pletenje"), ==, "Pletenje");

  /* A duplicate name (any case) is refused, nothing stored. */
  record.name = (char *)"sewing";
  record.skill_area = (char *)"work";
  g_assert_false (korak_store_save_activity (fixture->store, &record, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  record.name = (char *)"Pletenje";
  record.skill_area = (char *)"knitting";
  g_assert_false (korak_store_save_activity (fixture->store, &record, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 15);

  record.skill_area = (char *)"work";
  g_assert_true (korak_store_save_activity (fixture->store, &record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record.id, !=, 0);
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 16);
}

static void
test_migrate_from_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("korak-test-schedule-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(KorakSessionRecord) session = NULL;
  sqlite3 *db = NULL;

  /* A database as Korak 1 left it, with a timetable. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (korak_migrations_run (db, 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 1;"
                                 "INSERT INTO programme (id, name) VALUES (1001, 'Socialna aktivacija');"
                                 "INSERT INTO cohort (id, programme_id, name, start_date) VALUES (2001, 1001, 'Kranj', '2026-01-05');"
                                 "INSERT INTO module (id, cohort_id, ordinal, kind, start_date, end_date) "
                                 "  VALUES (2101, 2001, 1, 'workshops', '2026-01-05', '2026-03-29');"
                                 "INSERT INTO weekly_pattern (id, cohort_id, weekday, start_time, end_time) "
                                 "  VALUES (2201, 2001, 1, '09:00', '13:00');"
                                 "INSERT INTO session (id, cohort_id, module_id, pattern_id, date, start_time, end_time) "
                                 "  VALUES (3001, 2001, 2101, 2201, '2026-01-12', '09:00', '13:00');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = korak_store_open (path, &error);
  g_assert_no_error (error);
  /* Opening runs every later step too: migration 2, then 3 (competency areas),
   * 4 (plans, journal order, follow-ups), 5 (paper size, certificates), 6 (audit triggers)
   * 7 (multilingual notes), 8 (the exchange between desks), 9 (audit log appended, not scattered) and
   * 10 (mediators, linked notes, scale descriptions). */
  g_assert_cmpint (korak_store_get_schema_version (store), ==, 10);
  g_assert_cmpint (KORAK_STORE_SCHEMA_VERSION, ==, 10);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, 10);
  g_assert_cmpint (count_rows (store, "competency_band"), ==, 40);
  g_assert_cmpint (count_rows (store, "activity"), ==, 15);
  g_assert_cmpint (count_rows (store, "competency_area"), ==, 10);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                                     "('attendance_participant', 'session_pattern_origin', 'session_date', "
                                     "'enrolment_cohort_status')"), ==, 4);

  session = korak_store_get_session (store, 3001, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (session->date, ==, "2026-01-12");
  g_assert_cmpint (session->pattern_id, ==, 2201);
  g_assert_null (session->origin_date);
  g_assert_cmpint (session->module_ordinal, ==, 1);

  /* Migration 10 wrote the CHECKs with IN lists as OR chains (no temporary
   * index per row), and they still refuse what they refused. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                     "AND sql LIKE '%state IN (%'"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_master WHERE name = 'attendance' "
                                     "AND sql LIKE '%state = ''present'' OR state = ''late''%'"), ==, 1);
  {
    char *message = NULL;

    g_assert_cmpint (sqlite3_exec (korak_store_get_db (store),
                                   "UPDATE session SET kind = 'party' WHERE id = 3001", NULL, NULL, &message),
                     ==, SQLITE_CONSTRAINT_CHECK);
    sqlite3_free (message);
    g_assert_cmpint (sqlite3_exec (korak_store_get_db (store),
                                   "UPDATE session SET kind = 'visit' WHERE id = 3001", NULL, NULL, NULL),
                     ==, SQLITE_OK);
  }
  {
    g_autofree char *check = korak_store_integrity_check (store, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (check, ==, "ok");
  }
  g_clear_object (&store);

  /* Opening again migrates nothing more. */
  store = korak_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "activity"), ==, 15);
  g_clear_object (&store);

  korak_test_remove_tree (dir, FALSE);
}

/* ---- staff and programmes ---------------------------------------------- */

static void
test_staff (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(KorakStaffRecord) mediator = korak_staff_record_new ();
  g_autoptr(KorakStaffRecord) bad = korak_staff_record_new ();
  g_autoptr(GPtrArray) mentors = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  static const char * const bad_roles[] = { NULL, "", "boss", "MENTOR" };

  mediator->given_name = g_strdup ("Lejla");
  mediator->family_name = g_strdup ("Begović");
  mediator->role = g_strdup ("mediator");
  mediator->languages = g_strdup ("arabščina, bosanščina");
  mediator->email = g_strdup ("lejla@example.si");
  mediator->phone = g_strdup ("+386 40 390 512");
  g_assert_true (korak_store_save_staff (fixture->store, mediator, &error));
  g_assert_no_error (error);
  name = korak_staff_record_display_name (mediator);
  g_assert_cmpstr (name, ==, "Lejla Begović");
  g_assert_cmpint (count_rows (fixture->store, "staff"), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (bad_roles); i++)
    {
      g_free (bad->given_name);
      bad->given_name = g_strdup ("Nina");
      g_free (bad->role);
      bad->role = g_strdup (bad_roles[i]);
      g_assert_false (korak_store_save_staff (fixture->store, bad, &error));
      g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_free (bad->role);
  bad->role = g_strdup ("mentor");
  g_free (bad->given_name);
  bad->given_name = g_strdup ("   ");
  g_assert_false (korak_store_save_staff (fixture->store, bad, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (bad->given_name);
  bad->given_name = g_strdup ("Nina");
  bad->email = g_strdup ("nina at example");
  g_assert_false (korak_store_save_staff (fixture->store, bad, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store, "staff"), ==, 2);

  /* Update in place. */
  g_free (mediator->languages);
  mediator->languages = g_strdup ("arabščina");
  g_assert_true (korak_store_save_staff (fixture->store, mediator, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->store, "staff"), ==, 2);

  mentors = korak_store_list_staff (fixture->store, "mentor", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentors->len, ==, 1);
  g_assert_cmpstr (((KorakStaffRecord *)g_ptr_array_index (mentors, 0))->family_name, ==, "Kern");

  g_assert_true (korak_store_set_staff_archived (fixture->store, mediator->id, TRUE, &error));
  g_assert_no_error (error);
  everyone = korak_store_list_staff (fixture->store, NULL, FALSE, &error);
  g_assert_cmpuint (everyone->len, ==, 1);
  g_clear_pointer (&everyone, g_ptr_array_unref);
  everyone = korak_store_list_staff (fixture->store, NULL, TRUE, &error);
  g_assert_no_error (error);
  /* By family name: Begović before Kern. */
  g_assert_cmpuint (everyone->len, ==, 2);
  g_assert_cmpstr (((KorakStaffRecord *)g_ptr_array_index (everyone, 0))->languages, ==, "arabščina");
  g_assert_nonnull (((KorakStaffRecord *)g_ptr_array_index (everyone, 0))->archived_at);
  g_assert_null (((KorakStaffRecord *)g_ptr_array_index (everyone, 1))->archived_at);

  g_assert_false (korak_store_set_staff_archived (fixture->store, 12345, TRUE, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
}

static void
test_programme (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(KorakProgrammeRecord) fresh = korak_programme_record_new ();
  g_autoptr(KorakProgrammeRecord) stored = NULL;
  g_autoptr(KorakProgrammeRecord) copy = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *kind; int weeks; } bad_steps[] = {
    { "workshops", 0 }, { "workshops", 105 }, { "holidays", 4 }, { NULL, 4 },
  };

  /* The default plan: 12 weeks of workshops, 8 of work practice, 4 of exit search. */
  g_assert_cmpuint (fresh->plan->len, ==, 3);
  g_assert_cmpstr (((KorakPlanStep *)g_ptr_array_index (fresh->plan, 0))->kind, ==, "workshops");
  g_assert_cmpint (((KorakPlanStep *)g_ptr_array_index (fresh->plan, 0))->weeks, ==, 12);
  g_assert_cmpstr (((KorakPlanStep *)g_ptr_array_index (fresh->plan, 1))->kind, ==, "work_practice");
  g_assert_cmpint (((KorakPlanStep *)g_ptr_array_index (fresh->plan, 1))->weeks, ==, 8);
  g_assert_cmpstr (((KorakPlanStep *)g_ptr_array_index (fresh->plan, 2))->kind, ==, "exit_search");
  g_assert_cmpint (((KorakPlanStep *)g_ptr_array_index (fresh->plan, 2))->weeks, ==, 4);

  stored = korak_store_get_programme (fixture->store, fixture->programme_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "Socialna aktivacija");
  g_assert_cmpstr (stored->target_group, ==, "migrant_women");
  g_assert_cmpint (stored->required_hours, ==, 480);
  g_assert_cmpuint (stored->plan->len, ==, 3);
  g_assert_cmpint (((KorakPlanStep *)g_ptr_array_index (stored->plan, 1))->weeks, ==, 8);
  copy = korak_programme_record_copy (stored);
  g_assert_cmpuint (copy->plan->len, ==, 3);

  /* A longer variant. */
  fresh->name = g_strdup ("Dolgotrajno brezposelni");
  g_ptr_array_set_size (fresh->plan, 0);
  korak_programme_record_add_step (fresh, "workshops", 16);
  korak_programme_record_add_step (fresh, "work_practice", 12);
  korak_programme_record_add_step (fresh, "exit_search", 8);
  korak_programme_record_add_step (fresh, "other", 2);
  g_assert_true (korak_store_save_programme (fixture->store, fresh, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, korak_programme_record_free);
  stored = korak_store_get_programme (fixture->store, fresh->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->required_hours, ==, 0);
  g_assert_null (stored->target_group);
  g_assert_cmpuint (stored->plan->len, ==, 4);
  g_assert_cmpstr (((KorakPlanStep *)g_ptr_array_index (stored->plan, 3))->kind, ==, "other");
  g_assert_cmpint (((KorakPlanStep *)g_ptr_array_index (stored->plan, 3))->weeks, ==, 2);

  /* Refused, and nothing changes. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_steps); i++)
    {
      g_autoptr(KorakProgrammeRecord) bad = korak_programme_record_copy (stored);

      korak_programme_record_add_step (bad, bad_steps[i].kind, bad_steps[i].weeks);
      g_assert_false (korak_store_save_programme (fixture->store, bad, &error));
      g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    g_autoptr(KorakProgrammeRecord) bad = korak_programme_record_copy (stored);

    g_ptr_array_set_size (bad->plan, 0);
    g_assert_false (korak_store_save_programme (fixture->store, bad, &error));
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_clear_pointer (&bad, korak_programme_record_free);

    bad = korak_programme_record_new ();
    bad->name = g_strdup (" ");
    g_assert_false (korak_store_save_programme (fixture->store, bad, &error));
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_free (bad->name);
    bad->name = g_strdup ("X");
    bad->required_hours = -1;
    g_assert_false (korak_store_save_programme (fixture->store, bad, &error));
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_clear_pointer (&stored, korak_programme_record_free);
  stored = korak_store_get_programme (fixture->store, fresh->id, &error);
  g_assert_cmpuint (stored->plan->len, ==, 4);
  g_assert_cmpint (count_rows (fixture->store, "programme"), ==, 2);

  all = korak_store_list_programmes (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((KorakProgrammeRecord *)g_ptr_array_index (all, 0))->name, ==, "Dolgotrajno brezposelni");
}

/* ---- cohorts ----------------------------------------------------------- */

static void
assert_module (const KorakModuleRecord *module,
               int                      ordinal,
               const char              *kind,
               const char              *start,
               const char              *end)
{
  g_assert_cmpint (module->ordinal, ==, ordinal);
  g_assert_cmpstr (module->kind, ==, kind);
  g_assert_cmpstr (module->start_date, ==, start);
  g_assert_cmpstr (module->end_date, ==, end);
  g_assert_cmpint (module->id, !=, 0);
}

static void
test_cohort_modules (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCohortDetail) detail = korak_store_get_cohort (fixture->store, fixture->cohort_id, &error);
  g_autoptr(KorakCohortDetail) copy = NULL;
  g_autoptr(KorakProgrammeRecord) longer = korak_programme_record_new ();
  g_autoptr(KorakCohortDetail) autumn = korak_cohort_detail_new ();
  g_autoptr(GPtrArray) details = NULL;

  /* 12 weeks = 84 days from 5 January, then 8 weeks = 56 days, then 4 weeks = 28 days. */
  g_assert_no_error (error);
  g_assert_cmpstr (detail->name, ==, "Kranj, skupina 1");
  g_assert_cmpstr (detail->programme_name, ==, "Socialna aktivacija");
  g_assert_cmpint (detail->required_hours, ==, 480);
  g_assert_cmpint (detail->mentor_id, ==, fixture->mentor_id);
  g_assert_cmpint (detail->n_enrolled, ==, 2);
  g_assert_cmpstr (detail->start_date, ==, "2026-01-05");
  g_assert_cmpstr (detail->end_date, ==, "2026-06-21");
  g_assert_cmpuint (detail->modules->len, ==, 3);
  assert_module (g_ptr_array_index (detail->modules, 0), 1, "workshops", "2026-01-05", "2026-03-29");
  assert_module (g_ptr_array_index (detail->modules, 1), 2, "work_practice", "2026-03-30", "2026-05-24");
  assert_module (g_ptr_array_index (detail->modules, 2), 3, "exit_search", "2026-05-25", "2026-06-21");
  g_assert_cmpint (count_rows (fixture->store, "module"), ==, 3);

  copy = korak_cohort_detail_copy (detail);
  g_assert_cmpuint (copy->modules->len, ==, 3);
  g_assert_cmpstr (((KorakModuleRecord *)g_ptr_array_index (copy->modules, 2))->end_date, ==, "2026-06-21");

  /* 16 + 12 + 8 weeks from Monday 7 September 2026, across a new year. */
  longer->name = g_strdup ("Dolgotrajno brezposelni");
  g_ptr_array_set_size (longer->plan, 0);
  korak_programme_record_add_step (longer, "workshops", 16);
  korak_programme_record_add_step (longer, "work_practice", 12);
  korak_programme_record_add_step (longer, "exit_search", 8);
  g_assert_true (korak_store_save_programme (fixture->store, longer, &error));
  autumn->programme_id = longer->id;
  autumn->name = g_strdup ("Maribor, skupina 2");
  autumn->start_date = g_strdup ("2026-09-07");
  g_assert_true (korak_store_save_cohort (fixture->store, autumn, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (autumn->end_date, ==, "2027-05-16");
  g_assert_cmpstr (autumn->programme_name, ==, "Dolgotrajno brezposelni");
  assert_module (g_ptr_array_index (autumn->modules, 0), 1, "workshops", "2026-09-07", "2026-12-27");
  assert_module (g_ptr_array_index (autumn->modules, 1), 2, "work_practice", "2026-12-28", "2027-03-21");
  assert_module (g_ptr_array_index (autumn->modules, 2), 3, "exit_search", "2027-03-22", "2027-05-16");

  /* Newest first. */
  details = korak_store_list_cohort_details (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (details->len, ==, 2);
  g_assert_cmpint (((KorakCohortDetail *)g_ptr_array_index (details, 0))->id, ==, autumn->id);
  g_assert_cmpuint (((KorakCohortDetail *)g_ptr_array_index (details, 1))->modules->len, ==, 3);
  g_assert_cmpint (((KorakCohortDetail *)g_ptr_array_index (details, 1))->n_enrolled, ==, 2);

  /* An existing cohort keeps its modules; its start follows them. */
  g_free (detail->name);
  detail->name = g_strdup ("Kranj, skupina 1 (jutranja)");
  g_assert_true (korak_store_save_cohort (fixture->store, detail, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (detail->name, ==, "Kranj, skupina 1 (jutranja)");
  g_assert_cmpint (count_rows (fixture->store, "module"), ==, 6);
  g_free (detail->start_date);
  detail->start_date = g_strdup ("2026-01-12");
  g_assert_false (korak_store_save_cohort (fixture->store, detail, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Refused cohorts leave nothing behind. */
  {
    g_autoptr(KorakCohortDetail) bad = korak_cohort_detail_new ();

    bad->programme_id = fixture->programme_id;
    bad->name = g_strdup ("Brez datuma");
    bad->start_date = g_strdup ("5. 1. 2026");
    g_assert_false (korak_store_save_cohort (fixture->store, bad, &error));
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_free (bad->start_date);
    bad->start_date = g_strdup ("2026-01-05");
    bad->programme_id = 999;
    g_assert_false (korak_store_save_cohort (fixture->store, bad, &error));
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    bad->programme_id = fixture->programme_id;
    bad->mentor_id = 999;
    g_assert_false (korak_store_save_cohort (fixture->store, bad, &error));
    g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (count_rows (fixture->store, "cohort"), ==, 2);
    g_assert_cmpint (count_rows (fixture->store, "module"), ==, 6);
  }
}

static GPtrArray *
three_modules (const char *end_1,
               const char *start_2,
               const char *end_2,
               const char *start_3,
               const char *end_3)
{
  GPtrArray *modules = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_module_record_free);
  const char *dates[][2] = { { "2026-01-05", end_1 }, { start_2, end_2 }, { start_3, end_3 } };
  const char *kinds[] = { "workshops", "work_practice", "exit_search" };

  for (guint i = 0; i < 3; i++)
    {
      KorakModuleRecord *module = korak_module_record_new ();

      module->kind = g_strdup (kinds[i]);
      module->start_date = g_strdup (dates[i][0]);
      module->end_date = g_strdup (dates[i][1]);
      g_ptr_array_add (modules, module);
    }
  return modules;
}

static void
test_module_dates (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) modules = NULL;
  g_autoptr(KorakCohortDetail) detail = NULL;
  gint64 last_day;

  /* A week longer exit search. */
  modules = three_modules ("2026-03-29", "2026-03-30", "2026-05-24", "2026-05-25", "2026-06-28");
  g_assert_true (korak_store_save_module_dates (fixture->store, fixture->cohort_id, modules, &error));
  g_assert_no_error (error);
  g_assert_cmpint (((KorakModuleRecord *)g_ptr_array_index (modules, 2))->ordinal, ==, 3);
  g_assert_cmpint (((KorakModuleRecord *)g_ptr_array_index (modules, 2))->id, !=, 0);
  detail = korak_store_get_cohort (fixture->store, fixture->cohort_id, &error);
  g_assert_cmpstr (detail->end_date, ==, "2026-06-28");
  g_assert_cmpint (count_rows (fixture->store, "module"), ==, 3);
  g_clear_pointer (&modules, g_ptr_array_unref);

  /* Overlapping and backwards modules are refused. */
  modules = three_modules ("2026-03-30", "2026-03-30", "2026-05-24", "2026-05-25", "2026-06-28");
  g_assert_false (korak_store_save_module_dates (fixture->store, fixture->cohort_id, modules, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&modules, g_ptr_array_unref);
  modules = three_modules ("2026-03-29", "2026-03-30", "2026-03-01", "2026-05-25", "2026-06-28");
  g_assert_false (korak_store_save_module_dates (fixture->store, fixture->cohort_id, modules, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&modules, g_ptr_array_unref);

  /* A session with attendance on the last day pins it. */
  last_day = add_session (fixture, "2026-06-26", "09:00", "13:00", "group", 0);
  mark (fixture, last_day, fixture->ana, "present", 4);
  modules = three_modules ("2026-03-29", "2026-03-30", "2026-05-24", "2026-05-25", "2026-06-21");
  g_assert_false (korak_store_save_module_dates (fixture->store, fixture->cohort_id, modules, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_clear_pointer (&detail, korak_cohort_detail_free);
  detail = korak_store_get_cohort (fixture->store, fixture->cohort_id, &error);
  g_assert_cmpstr (detail->end_date, ==, "2026-06-28");
  g_assert_cmpstr (((KorakModuleRecord *)g_ptr_array_index (detail->modules, 2))->end_date, ==, "2026-06-28");

  /* Two modules instead of three: the third goes, the session moves to module 2. */
  g_ptr_array_remove_index (modules, 2);
  g_free (((KorakModuleRecord *)g_ptr_array_index (modules, 1))->end_date);
  ((KorakModuleRecord *)g_ptr_array_index (modules, 1))->end_date = g_strdup ("2026-06-30");
  g_assert_true (korak_store_save_module_dates (fixture->store, fixture->cohort_id, modules, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->store, "module"), ==, 2);
  {
    g_autoptr(KorakSessionRecord) session = korak_store_get_session (fixture->store, last_day, &error);

    g_assert_cmpint (session->module_ordinal, ==, 2);
    g_assert_cmpstr (session->module_kind, ==, "work_practice");
  }
}

/* ---- enrolment --------------------------------------------------------- */

static void
test_enrolment (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 spring = new_cohort (fixture, "Jesenice, skupina 1", "2026-02-02");
  gint64 cvetka = new_person (fixture->store, "Cvetka", "Zupan");
  gint64 dragica = new_person (fixture->store, "Dragica", "Horvat");

  members = korak_store_list_members (fixture->store, fixture->cohort_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);
  /* By family name: Kos, then Novak. */
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 0))->display_name, ==, "Berta Kos");
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 1))->display_name, ==, "Ana Novak");
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 1))->status, ==, "active");
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 1))->start_date, ==, "2026-01-05");
  g_assert_null (((KorakMemberRecord *)g_ptr_array_index (members, 1))->end_date);
  g_assert_cmpint (((KorakMemberRecord *)g_ptr_array_index (members, 1))->required_hours, ==, 480);
  assert_close (((KorakMemberRecord *)g_ptr_array_index (members, 1))->hours_attended, 0);
  g_clear_pointer (&members, g_ptr_array_unref);

  /* Enrolled before the group starts: from its first day. */
  enrol (fixture, cvetka, spring, "2026-01-20");
  members = korak_store_list_members (fixture->store, spring, FALSE, &error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 0))->start_date, ==, "2026-02-02");
  g_clear_pointer (&members, g_ptr_array_unref);

  /* One active enrolment: moving Ana closes the first the day before. */
  enrol (fixture, fixture->ana, spring, "2026-02-09");
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM enrolment WHERE status = 'active'"), ==, 3);
  members = korak_store_list_members (fixture->store, fixture->cohort_id, TRUE, &error);
  g_assert_cmpuint (members->len, ==, 2);
  /* Active first. */
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 0))->display_name, ==, "Berta Kos");
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 1))->display_name, ==, "Ana Novak");
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 1))->status, ==, "withdrawn");
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 1))->end_date, ==, "2026-02-08");
  g_clear_pointer (&members, g_ptr_array_unref);
  members = korak_store_list_members (fixture->store, fixture->cohort_id, FALSE, &error);
  g_assert_cmpuint (members->len, ==, 1);
  g_clear_pointer (&members, g_ptr_array_unref);

  /* Enrolling again in the same group changes nothing. */
  enrol (fixture, fixture->ana, spring, "2026-03-02");
  g_assert_cmpint (count_rows (fixture->store, "enrolment"), ==, 4);

  /* After the group's end: refused. */
  g_assert_false (korak_store_enrol (fixture->store, dragica, spring, "2026-12-01", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (korak_store_enrol (fixture->store, dragica, spring, "jutri", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (korak_store_enrol (fixture->store, 4242, spring, "2026-03-02", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store, "enrolment"), ==, 4);

  /* Withdrawing. */
  g_assert_false (korak_store_withdraw (fixture->store, fixture->ana, spring, "2026-02-01", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (korak_store_withdraw (fixture->store, fixture->ana, spring, "2026-03-13", &error));
  g_assert_no_error (error);
  g_assert_false (korak_store_withdraw (fixture->store, fixture->ana, spring, "2026-03-14", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  members = korak_store_list_members (fixture->store, spring, TRUE, &error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 0))->display_name, ==, "Cvetka Zupan");
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 1))->status, ==, "withdrawn");
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 1))->end_date, ==, "2026-03-13");
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM enrolment WHERE status = 'active'"), ==, 2);
}

/* ---- generating sessions ----------------------------------------------- */

static void
test_generate_holidays (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) april = NULL;
  g_autoptr(GPtrArray) all = NULL;
  KorakClosureRecord closure = { 0 };
  KorakGenerateResult result;
  gint64 monday;

  /* Mondays from 5 January to 15 June 2026: 24. Two are holidays: Easter
   * Monday (6 April) and the Day of Uprising Against Occupation (27 April).
   * The cohort also closes on Monday 16 February. */
  monday = add_pattern (fixture, 0, 1, "9:00", "13:00", "group", 0);
  closure.cohort_id = fixture->cohort_id;
  closure.date = (char *)"2026-02-16";
  closure.reason = (char *)"Počitnice";
  g_assert_true (korak_store_save_closure (fixture->store, &closure, &error));
  g_assert_no_error (error);

  /* Wednesdays of module 2 only (30 March – 24 May): 8, none a holiday. */
  add_pattern (fixture, module_id (fixture, 2), 3, "09:00", "13:00", "work_practice", 0);

  result = generate (fixture);
  g_assert_cmpint (result.created, ==, 21 + 8);
  g_assert_cmpint (result.skipped, ==, 3);
  g_assert_cmpint (result.removed, ==, 0);
  g_assert_cmpint (result.kept, ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "session"), ==, 29);

  april = sessions_between (fixture, "2026-04-06", "2026-04-12");
  g_assert_cmpuint (april->len, ==, 1);
  {
    const KorakSessionRecord *s = g_ptr_array_index (april, 0);

    /* Easter Monday skipped; Wednesday's work practice made. */
    g_assert_cmpstr (s->date, ==, "2026-04-08");
    g_assert_cmpstr (s->origin_date, ==, "2026-04-08");
    g_assert_cmpstr (s->kind, ==, "work_practice");
    g_assert_cmpint (s->module_ordinal, ==, 2);
    g_assert_cmpstr (s->module_kind, ==, "work_practice");
    g_assert_cmpint (s->leader_id, ==, fixture->mentor_id);
    g_assert_cmpstr (s->leader_name, ==, "Mateja Kern");
    g_assert_cmpint (s->n_expected, ==, 2);
    g_assert_cmpint (s->n_marked, ==, 0);
  }
  g_clear_pointer (&april, g_ptr_array_unref);
  april = sessions_between (fixture, "2026-04-27", "2026-04-27");
  g_assert_cmpuint (april->len, ==, 0);
  g_clear_pointer (&april, g_ptr_array_unref);
  april = sessions_between (fixture, "2026-02-16", "2026-02-16");
  g_assert_cmpuint (april->len, ==, 0);

  all = sessions_between (fixture, "2026-01-01", "2026-12-31");
  g_assert_cmpuint (all->len, ==, 29);
  g_assert_cmpstr (((KorakSessionRecord *)g_ptr_array_index (all, 0))->date, ==, "2026-01-05");
  g_assert_cmpstr (((KorakSessionRecord *)g_ptr_array_index (all, 0))->start_time, ==, "09:00");
  g_assert_cmpint (((KorakSessionRecord *)g_ptr_array_index (all, 0))->pattern_id, ==, monday);
  g_assert_cmpstr (((KorakSessionRecord *)g_ptr_array_index (all, 28))->date, ==, "2026-06-15");
  for (guint i = 0; i < all->len; i++)
    {
      const KorakSessionRecord *s = g_ptr_array_index (all, i);

      g_assert_cmpstr (s->date, ==, s->origin_date);
      g_assert_cmpint (s->module_id, !=, 0);
    }

  /* The same closed day twice is refused. */
  closure.id = 0;
  g_assert_false (korak_store_save_closure (fixture->store, &closure, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store, "pattern_exception"), ==, 1);
}

static void
test_generate_again (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakSessionRecord) moved = NULL;
  g_autoptr(GPtrArray) patterns = NULL;
  g_autoptr(GPtrArray) closures = NULL;
  KorakGenerateResult result;
  gint64 monday, wednesday, hand, marked;

  monday = add_pattern (fixture, 0, 1, "09:00", "13:00", "group", 0);
  wednesday = add_pattern (fixture, module_id (fixture, 2), 3, "09:00", "13:00", "group", 0);
  result = generate (fixture);
  g_assert_cmpint (result.created, ==, 22 + 8);
  g_assert_cmpint (result.skipped, ==, 2);

  /* Idempotent. */
  result = generate (fixture);
  g_assert_cmpint (result.created, ==, 0);
  g_assert_cmpint (result.removed, ==, 0);
  g_assert_cmpint (result.kept, ==, 0);
  g_assert_cmpint (result.skipped, ==, 2);
  g_assert_cmpint (count_rows (fixture->store, "session"), ==, 30);

  /* Moved from Monday 12 January to Tuesday, and 19 January cancelled:
   * neither is made again. */
  moved = korak_store_get_session (fixture->store, session_on (fixture, "2026-01-12"), &error);
  g_free (moved->date);
  moved->date = g_strdup ("2026-01-13");
  g_assert_true (korak_store_save_session (fixture->store, moved, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (moved->origin_date, ==, "2026-01-12");
  g_assert_cmpint (moved->pattern_id, ==, monday);
  g_assert_true (korak_store_cancel_session (fixture->store, session_on (fixture, "2026-01-19"), "Bolezen mentorice", &error));
  g_assert_no_error (error);
  hand = add_session (fixture, "2026-01-20", "14:00", "16:00", "visit", 0);
  result = generate (fixture);
  g_assert_cmpint (result.created, ==, 0);
  g_assert_cmpint (result.removed, ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "session"), ==, 31);
  {
    g_autoptr(GPtrArray) week = sessions_between (fixture, "2026-01-12", "2026-01-18");

    g_assert_cmpuint (week->len, ==, 1);
    g_assert_cmpstr (((KorakSessionRecord *)g_ptr_array_index (week, 0))->date, ==, "2026-01-13");
  }
  {
    g_autoptr(KorakSessionRecord) cancelled = korak_store_get_session (fixture->store, session_on (fixture, "2026-01-19"), &error);

    g_assert_cmpstr (cancelled->cancelled_reason, ==, "Bolezen mentorice");
  }

  /* A time changed on the pattern reaches the sessions nobody touched. */
  {
    g_autoptr(GPtrArray) list = korak_store_list_patterns (fixture->store, fixture->cohort_id, &error);
    KorakPatternRecord *pattern = g_ptr_array_index (list, 0);

    g_assert_cmpint (pattern->id, ==, monday);
    g_free (pattern->start_time);
    pattern->start_time = g_strdup ("8:30");
    g_assert_true (korak_store_save_pattern (fixture->store, pattern, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (pattern->start_time, ==, "08:30");
  }
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM session WHERE start_time = '08:30'"), ==, 20);
  {
    g_autoptr(KorakSessionRecord) still = korak_store_get_session (fixture->store, moved->id, &error);

    g_assert_cmpstr (still->start_time, ==, "09:00");
  }

  /* The pattern goes: the sessions without attendance go, the one with
   * attendance stays, and the hand-added one is never touched. */
  marked = session_on (fixture, "2026-01-26");
  mark (fixture, marked, fixture->ana, "present", 4.5);
  g_assert_true (korak_store_delete_pattern (fixture->store, monday, &error));
  g_assert_no_error (error);
  result = generate (fixture);
  g_assert_cmpint (result.created, ==, 0);
  g_assert_cmpint (result.kept, ==, 1);
  g_assert_cmpint (result.removed, ==, 21);
  g_assert_cmpint (result.skipped, ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "session"), ==, 8 + 1 + 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM attendance"), ==, 1);
  {
    g_autoptr(KorakSessionRecord) kept = korak_store_get_session (fixture->store, marked, &error);
    g_autoptr(KorakSessionRecord) by_hand = korak_store_get_session (fixture->store, hand, &error);

    g_assert_no_error (error);
    g_assert_cmpint (kept->pattern_id, ==, 0);
    g_assert_cmpstr (kept->origin_date, ==, "2026-01-26");
    g_assert_null (by_hand->origin_date);
  }
  result = generate (fixture);
  g_assert_cmpint (result.kept, ==, 1);
  g_assert_cmpint (result.removed, ==, 0);

  /* Wednesday becomes Thursday: eight Thursdays in module 2 (none a
   * holiday), the eight Wednesdays go. */
  patterns = korak_store_list_patterns (fixture->store, fixture->cohort_id, &error);
  g_assert_cmpuint (patterns->len, ==, 1);
  {
    KorakPatternRecord *pattern = g_ptr_array_index (patterns, 0);

    g_assert_cmpint (pattern->id, ==, wednesday);
    pattern->weekday = 4;
    g_assert_true (korak_store_save_pattern (fixture->store, pattern, &error));
    g_assert_no_error (error);
  }
  result = generate (fixture);
  g_assert_cmpint (result.created, ==, 8);
  g_assert_cmpint (result.removed, ==, 8);
  g_assert_cmpint (result.kept, ==, 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM session WHERE strftime('%w', date) = '4'"), ==, 8);

  /* Closing a day afterwards removes what was made for it. */
  {
    KorakClosureRecord closure = { 0 };

    closure.cohort_id = fixture->cohort_id;
    closure.date = (char *)"2026-04-16";
    g_assert_true (korak_store_save_closure (fixture->store, &closure, &error));
    g_assert_no_error (error);
    closures = korak_store_list_closures (fixture->store, fixture->cohort_id, &error);
    g_assert_cmpuint (closures->len, ==, 1);
    result = generate (fixture);
    g_assert_cmpint (result.created, ==, 0);
    g_assert_cmpint (result.removed, ==, 1);
    g_assert_cmpint (result.skipped, ==, 1);
    g_assert_true (korak_store_delete_closure (fixture->store, closure.id, &error));
    result = generate (fixture);
    g_assert_cmpint (result.created, ==, 1);
    g_assert_cmpint (result.skipped, ==, 0);
  }
}

static void
test_generate_individual (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  KorakPatternRecord pattern = { 0 };
  KorakGenerateResult result;

  /* An individual hour needs its participant, enrolled in the cohort. */
  pattern.cohort_id = fixture->cohort_id;
  pattern.weekday = 4;
  pattern.start_time = (char *)"10:00";
  pattern.end_time = (char *)"11:00";
  pattern.kind = (char *)"individual";
  g_assert_false (korak_store_save_pattern (fixture->store, &pattern, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  pattern.participant_id = new_person (fixture->store, "Cvetka", "Zupan");
  g_assert_false (korak_store_save_pattern (fixture->store, &pattern, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store, "weekly_pattern"), ==, 0);

  /* Ana's Thursday hour; she leaves on 12 February. Thursdays from
   * 8 January to 12 February: 6, none a holiday. */
  add_pattern (fixture, 0, 1, "09:00", "13:00", "group", 0);
  add_pattern (fixture, 0, 4, "10:00", "11:00", "individual", fixture->ana);
  /* Berta's hour at the same time is fine; Ana's second one is not, nor
   * an individual hour in the group's time. */
  add_pattern (fixture, 0, 4, "10:00", "11:00", "individual", fixture->berta);
  pattern.participant_id = fixture->ana;
  pattern.start_time = (char *)"10:30";
  pattern.end_time = (char *)"11:30";
  g_assert_false (korak_store_save_pattern (fixture->store, &pattern, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  pattern.weekday = 1;
  g_assert_false (korak_store_save_pattern (fixture->store, &pattern, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store, "weekly_pattern"), ==, 3);

  g_assert_true (korak_store_withdraw (fixture->store, fixture->ana, fixture->cohort_id, "2026-02-12", &error));
  g_assert_no_error (error);

  result = generate (fixture);
  /* Mondays 22, Ana's Thursdays 6, Berta's Thursdays 24 (25 June is after the end). */
  g_assert_cmpint (result.created, ==, 22 + 6 + 24);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM session WHERE kind = 'individual'"), ==, 30);
  {
    g_autoptr(GPtrArray) week = sessions_between (fixture, "2026-02-09", "2026-02-15");
    const KorakSessionRecord *s;

    g_assert_cmpuint (week->len, ==, 3);
    s = g_ptr_array_index (week, 1);
    /* Same time: by family name, Kos then Novak. */
    g_assert_cmpstr (s->kind, ==, "individual");
    g_assert_cmpstr (s->participant_name, ==, "Berta Kos");
    g_assert_cmpint (s->n_expected, ==, 1);
    s = g_ptr_array_index (week, 2);
    g_assert_cmpstr (s->participant_name, ==, "Ana Novak");
    g_assert_cmpstr (s->date, ==, "2026-02-12");
  }
}

/* ---- sessions ---------------------------------------------------------- */

static void
test_session_refused (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakSessionRecord) record = NULL;
  gint64 cvetka = new_person (fixture->store, "Cvetka", "Zupan");
  gint64 morning, afternoon, individual;

  /* Times: “9:00” is read as 09:00; the end must come after the start. */
  morning = add_session (fixture, "2026-01-12", "9:00", "13:00", "group", 0);
  record = korak_store_get_session (fixture->store, morning, &error);
  g_assert_cmpstr (record->start_time, ==, "09:00");
  g_assert_cmpstr (record->end_time, ==, "13:00");
  assert_close (korak_session_record_hours (record), 4);
  g_assert_cmpint (record->pattern_id, ==, 0);
  g_assert_null (record->origin_date);
  g_assert_cmpint (record->module_ordinal, ==, 1);
  g_assert_cmpint (record->n_expected, ==, 2);
  g_assert_cmpint (count_rows (fixture->store, "session"), ==, 1);

  assert_session_refused (fixture, "2026-01-13", "13:00", "09:00", "group", 0);
  assert_session_refused (fixture, "2026-01-13", "09:00", "09:00", "group", 0);
  assert_session_refused (fixture, "2026-01-13", "25:00", "26:00", "group", 0);
  assert_session_refused (fixture, "2026-01-13", "9.00", "13.00", "group", 0);
  assert_session_refused (fixture, "2026-01-13", "", "13:00", "group", 0);
  assert_session_refused (fixture, "2026-01-13", "09:00", "13:00", "party", 0);
  /* Outside the cohort's modules (5 January – 21 June 2026). */
  assert_session_refused (fixture, "2026-01-04", "09:00", "13:00", "group", 0);
  assert_session_refused (fixture, "2026-06-22", "09:00", "13:00", "group", 0);
  assert_session_refused (fixture, "13. 1. 2026", "09:00", "13:00", "group", 0);
  /* Individual: needs an enrolled participant. */
  assert_session_refused (fixture, "2026-01-13", "09:00", "10:00", "individual", 0);
  assert_session_refused (fixture, "2026-01-13", "09:00", "10:00", "individual", cvetka);
  /* Overlaps: with the group's morning, for groups and for anyone's individual hour. */
  assert_session_refused (fixture, "2026-01-12", "12:00", "14:00", "group", 0);
  assert_session_refused (fixture, "2026-01-12", "08:00", "09:30", "visit", 0);
  assert_session_refused (fixture, "2026-01-12", "10:00", "11:00", "individual", fixture->ana);

  /* Touching is not overlapping. */
  afternoon = add_session (fixture, "2026-01-12", "13:00", "15:00", "work_practice", 0);
  individual = add_session (fixture, "2026-01-12", "15:00", "16:00", "individual", fixture->ana);
  /* Ana's second hour overlaps her first; Berta's does not. */
  assert_session_refused (fixture, "2026-01-12", "15:30", "16:30", "individual", fixture->ana);
  add_session (fixture, "2026-01-12", "15:30", "16:30", "individual", fixture->berta);
  /* Groups and others' individual sessions do not collide. */
  add_session (fixture, "2026-01-12", "15:00", "17:00", "group", 0);
  g_assert_cmpint (count_rows (fixture->store, "session"), ==, 5);

  /* A cancelled session frees its time; restoring it then is refused. */
  g_assert_false (korak_store_cancel_session (fixture->store, afternoon, "  ", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (korak_store_cancel_session (fixture->store, afternoon, "Delodajalec je zaprt", &error));
  g_assert_no_error (error);
  add_session (fixture, "2026-01-12", "13:30", "14:30", "visit", 0);
  g_assert_false (korak_store_restore_session (fixture->store, afternoon, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(KorakSessionRecord) still = korak_store_get_session (fixture->store, afternoon, &error);

    g_assert_cmpstr (still->cancelled_reason, ==, "Delodajalec je zaprt");
  }

  /* Moving onto another session is refused and leaves it where it was. */
  g_free (record->start_time);
  record->start_time = g_strdup ("14:00");
  g_free (record->end_time);
  record->end_time = g_strdup ("15:00");
  g_assert_false (korak_store_save_session (fixture->store, record, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&record, korak_session_record_free);
  record = korak_store_get_session (fixture->store, morning, &error);
  g_assert_cmpstr (record->start_time, ==, "09:00");

  /* Only a session without attendance can be deleted. */
  mark (fixture, individual, fixture->ana, "present", 1);
  g_assert_false (korak_store_delete_session (fixture->store, individual, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (korak_store_delete_session (fixture->store, morning, &error));
  g_assert_no_error (error);
  g_assert_false (korak_store_delete_session (fixture->store, morning, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store, "session"), ==, 5);
}

/* ---- the register ------------------------------------------------------ */

static void
assert_entry (const KorakRegisterEntry *e,
              const char               *name,
              const char               *state,
              double                    hours,
              const char               *remark)
{
  g_assert_cmpstr (e->display_name, ==, name);
  g_assert_cmpstr (e->state, ==, state);
  assert_close (e->hours, hours);
  g_assert_cmpstr (e->remark, ==, remark);
}

static void
assert_register_refused (Fixture   *fixture,
                         gint64     session_id,
                         GPtrArray *entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = korak_store_get_register (fixture->store, session_id, &error);
  g_autoptr(GPtrArray) after = NULL;
  gint64 rows = count_rows (fixture->store, "attendance");

  g_assert_false (korak_store_save_register (fixture->store, session_id, entries, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (fixture->store, "attendance"), ==, rows);
  after = korak_store_get_register (fixture->store, session_id, &error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      const KorakRegisterEntry *a = g_ptr_array_index (before, i);
      const KorakRegisterEntry *b = g_ptr_array_index (after, i);

      g_assert_cmpstr (a->state, ==, b->state);
      assert_close (a->hours, b->hours);
      g_assert_cmpstr (a->remark, ==, b->remark);
    }
}

static void
test_register (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reg = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(KorakSessionRecord) session = NULL;
  gint64 cvetka = new_person (fixture->store, "Cvetka", "Zupan");
  gint64 dragica = new_person (fixture->store, "Dragica", "Horvat");
  gint64 group, individual;

  /* Cvetka joins after the session, Dragica left before it. */
  enrol (fixture, cvetka, fixture->cohort_id, "2026-01-19");
  enrol (fixture, dragica, fixture->cohort_id, "2026-01-05");
  g_assert_true (korak_store_withdraw (fixture->store, dragica, fixture->cohort_id, "2026-01-10", &error));
  group = add_session (fixture, "2026-01-12", "09:00", "13:00", "group", 0);
  individual = add_session (fixture, "2026-01-13", "10:00", "11:00", "individual", fixture->berta);

  reg = korak_store_get_register (fixture->store, group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reg->len, ==, 2);
  assert_entry (g_ptr_array_index (reg, 0), "Berta Kos", NULL, 0, NULL);
  assert_entry (g_ptr_array_index (reg, 1), "Ana Novak", NULL, 0, NULL);
  g_clear_pointer (&reg, g_ptr_array_unref);

  reg = korak_store_get_register (fixture->store, individual, &error);
  g_assert_cmpuint (reg->len, ==, 1);
  assert_entry (g_ptr_array_index (reg, 0), "Berta Kos", NULL, 0, NULL);
  g_clear_pointer (&reg, g_ptr_array_unref);

  entries = entries_new ();
  g_ptr_array_add (entries, entry (fixture->ana, "present", 4, NULL));
  g_ptr_array_add (entries, entry (fixture->berta, "late", 3.5, "Avtobus je zamudil \"malo\""));
  save_register (fixture, group, entries);
  g_clear_pointer (&entries, g_ptr_array_unref);
  reg = korak_store_get_register (fixture->store, group, &error);
  assert_entry (g_ptr_array_index (reg, 0), "Berta Kos", "late", 3.5, "Avtobus je zamudil \"malo\"");
  assert_entry (g_ptr_array_index (reg, 1), "Ana Novak", "present", 4, NULL);
  g_clear_pointer (&reg, g_ptr_array_unref);
  session = korak_store_get_session (fixture->store, group, &error);
  g_assert_cmpint (session->n_expected, ==, 2);
  g_assert_cmpint (session->n_marked, ==, 2);
  g_assert_cmpint (session->n_attended, ==, 2);
  g_assert_cmpint (count_rows (fixture->store, "attendance"), ==, 2);

  /* Saving the same again changes nothing. */
  entries = entries_new ();
  g_ptr_array_add (entries, entry (fixture->ana, "present", 4, NULL));
  save_register (fixture, group, entries);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_cmpint (count_rows (fixture->store, "attendance"), ==, 2);

  /* Refused, all or nothing: a valid change beside a wrong one is not stored. */
  {
    static const struct { const char *state; double hours; } bad[] = {
      { "sick", 0 }, { "PRESENT", 4 }, { "", 4 }, { "present", 4.5 }, { "present", -1 },
      { "present", 25 }, { "late", NAN }, { "present", INFINITY },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        entries = entries_new ();
        g_ptr_array_add (entries, entry (fixture->ana, "absent", 0, "Bolna"));
        g_ptr_array_add (entries, entry (fixture->berta, bad[i].state, bad[i].hours, NULL));
        assert_register_refused (fixture, group, entries);
        g_clear_pointer (&entries, g_ptr_array_unref);
      }
  }
  entries = entries_new ();
  g_ptr_array_add (entries, entry (fixture->ana, "absent", 0, NULL));
  g_ptr_array_add (entries, entry (cvetka, "present", 4, NULL));
  assert_register_refused (fixture, group, entries);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = entries_new ();
  g_ptr_array_add (entries, entry (fixture->ana, "present", 1, NULL));
  assert_register_refused (fixture, individual, entries);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = entries_new ();
  g_ptr_array_add (entries, entry (fixture->berta, "present", 1, "Vrstica\x01"));
  assert_register_refused (fixture, individual, entries);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = entries_new ();
  g_ptr_array_add (entries, entry (fixture->berta, "present", 1.5, NULL));
  assert_register_refused (fixture, individual, entries);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A state of NULL removes the mark. */
  entries = entries_new ();
  g_ptr_array_add (entries, entry (fixture->berta, NULL, 0, NULL));
  save_register (fixture, group, entries);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_cmpint (count_rows (fixture->store, "attendance"), ==, 1);
  reg = korak_store_get_register (fixture->store, group, &error);
  assert_entry (g_ptr_array_index (reg, 0), "Berta Kos", NULL, 0, NULL);
  assert_entry (g_ptr_array_index (reg, 1), "Ana Novak", "present", 4, NULL);
  g_clear_pointer (&reg, g_ptr_array_unref);

  /* A mark stays on the register when the enrolment changes afterwards. */
  g_assert_true (korak_store_withdraw (fixture->store, fixture->ana, fixture->cohort_id, "2026-01-11", &error));
  reg = korak_store_get_register (fixture->store, group, &error);
  g_assert_cmpuint (reg->len, ==, 2);
  assert_entry (g_ptr_array_index (reg, 1), "Ana Novak", "present", 4, NULL);
  g_clear_pointer (&reg, g_ptr_array_unref);

  /* A cancelled session takes no marks. */
  g_assert_true (korak_store_cancel_session (fixture->store, individual, "Bolezen", &error));
  entries = entries_new ();
  g_ptr_array_add (entries, entry (fixture->berta, "present", 1, NULL));
  assert_register_refused (fixture, individual, entries);
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_null (korak_store_get_register (fixture->store, 987654, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND);
}

/* ---- totals ------------------------------------------------------------ */

/* The week of Monday 12 January 2026, by hand:
 *   Mon 09:00–13:00 group          Ana present 4,   Berta present 4
 *   Tue 09:00–12:00 visit          Ana present 3, then cancelled
 *   Wed 09:00–13:00 group          Ana late 3,      Berta absent 0
 *   Thu 10:00–11:00 individual Ana Ana present 1
 *   Fri 09:00–12:30 work practice  Ana present 3.5, Berta excused 0 */
static void
make_week (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 mon = add_session (fixture, "2026-01-12", "09:00", "13:00", "group", 0);
  gint64 tue = add_session (fixture, "2026-01-13", "09:00", "12:00", "visit", 0);
  gint64 wed = add_session (fixture, "2026-01-14", "09:00", "13:00", "group", 0);
  gint64 thu = add_session (fixture, "2026-01-15", "10:00", "11:00", "individual", fixture->ana);
  gint64 fri = add_session (fixture, "2026-01-16", "09:00", "12:30", "work_practice", 0);

  mark (fixture, mon, fixture->ana, "present", 4);
  mark (fixture, mon, fixture->berta, "present", 4);
  mark (fixture, tue, fixture->ana, "present", 3);
  g_assert_true (korak_store_cancel_session (fixture->store, tue, "Knjižnica zaprta", &error));
  mark (fixture, wed, fixture->ana, "late", 3);
  mark (fixture, wed, fixture->berta, "absent", 0);
  mark (fixture, thu, fixture->ana, "present", 1);
  mark (fixture, fri, fixture->ana, "present", 3.5);
  mark (fixture, fri, fixture->berta, "excused", 0);
}

static void
test_totals (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  KorakWeekSummary summary = { 0 };

  make_week (fixture);

  /* Hours: Ana 4 + 3 + 1 + 3.5 (the cancelled visit does not count), Berta 4. */
  members = korak_store_list_members (fixture->store, fixture->cohort_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((KorakMemberRecord *)g_ptr_array_index (members, 0))->display_name, ==, "Berta Kos");
  assert_close (((KorakMemberRecord *)g_ptr_array_index (members, 0))->hours_attended, 4);
  assert_close (((KorakMemberRecord *)g_ptr_array_index (members, 1))->hours_attended, 11.5);

  /* Four uncancelled sessions; planned: group and work practice 4 + 4 + 3.5;
   * attended 11.5 + 4; expected 4×2 + 4×2 + 1×1 + 3.5×2 = 24. */
  g_assert_true (korak_store_get_week_summary (fixture->store, fixture->cohort_id, "2026-01-12", &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary.monday, ==, "2026-01-12");
  g_assert_cmpint (summary.n_sessions, ==, 4);
  assert_close (summary.planned_hours, 11.5);
  assert_close (summary.attended_hours, 15.5);
  assert_close (summary.expected_hours, 24);
  assert_close (summary.rate, 15.5 / 24);
  korak_week_summary_clear (&summary);

  /* Any day stands for its week; every cohort (0) gives the same here. */
  g_assert_true (korak_store_get_week_summary (fixture->store, 0, "2026-01-18", &summary, &error));
  g_assert_cmpstr (summary.monday, ==, "2026-01-12");
  assert_close (summary.expected_hours, 24);
  korak_week_summary_clear (&summary);

  /* An empty week. */
  g_assert_true (korak_store_get_week_summary (fixture->store, fixture->cohort_id, "2026-01-19", &summary, &error));
  g_assert_cmpint (summary.n_sessions, ==, 0);
  assert_close (summary.rate, 0);
  korak_week_summary_clear (&summary);

  g_assert_false (korak_store_get_week_summary (fixture->store, fixture->cohort_id, "next week", &summary, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  const KorakAttendanceWarning *w;
  gint64 later;

  make_week (fixture);
  /* Not registered yet, and after “today”: neither counts. */
  add_session (fixture, "2026-01-19", "09:00", "13:00", "group", 0);
  later = add_session (fixture, "2026-01-21", "09:00", "13:00", "group", 0);
  mark (fixture, later, fixture->berta, "absent", 0);

  /* 28 days up to Tuesday 20 January: Ana 11.5 of 12.5 hours (0.92),
   * Berta 4 of 11.5 (the individual hour is Ana's) = 0.3478… */
  warnings = korak_store_list_attendance_warnings (fixture->store, "2026-01-20", 0.5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  w = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (w->participant_id, ==, fixture->berta);
  g_assert_cmpstr (w->display_name, ==, "Berta Kos");
  g_assert_cmpint (w->cohort_id, ==, fixture->cohort_id);
  g_assert_cmpstr (w->cohort_name, ==, "Kranj, skupina 1");
  assert_close (w->expected_hours, 11.5);
  assert_close (w->attended_hours, 4);
  assert_close (w->rate, 4 / 11.5);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Lowest first. */
  warnings = korak_store_list_attendance_warnings (fixture->store, "2026-01-20", 0.95, &error);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpint (((KorakAttendanceWarning *)g_ptr_array_index (warnings, 0))->participant_id, ==, fixture->berta);
  w = g_ptr_array_index (warnings, 1);
  g_assert_cmpint (w->participant_id, ==, fixture->ana);
  assert_close (w->expected_hours, 12.5);
  assert_close (w->attended_hours, 11.5);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  warnings = korak_store_list_attendance_warnings (fixture->store, "2026-01-20", 0.3, &error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* 28 days up to 10 February start on 14 January: Monday 12th drops out.
   * Berta: 0 of 4 + 3.5 + 4 (the 21st, absent); Ana: 3 + 1 + 3.5 of
   * 4 + 1 + 3.5 + 4 (unmarked on the 21st). */
  warnings = korak_store_list_attendance_warnings (fixture->store, "2026-02-10", 0.7, &error);
  g_assert_cmpuint (warnings->len, ==, 2);
  w = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (w->participant_id, ==, fixture->berta);
  assert_close (w->expected_hours, 11.5);
  assert_close (w->attended_hours, 0);
  assert_close (w->rate, 0);
  w = g_ptr_array_index (warnings, 1);
  assert_close (w->expected_hours, 12.5);
  assert_close (w->attended_hours, 7.5);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Someone who left is not warned about. */
  g_assert_true (korak_store_withdraw (fixture->store, fixture->berta, fixture->cohort_id, "2026-01-20", &error));
  warnings = korak_store_list_attendance_warnings (fixture->store, "2026-01-20", 0.5, &error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  g_assert_null (korak_store_list_attendance_warnings (fixture->store, "2026-01-20", 1.5, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
}

/* ---- unusual text ------------------------------------------------------ */

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char sql[] = "Robert'); DROP TABLE session; --";
  static const char quotes[] = "O'Brien \"Bobby\" `x` \\ %s %n";
  static const char emoji[] = "Ana 👩🏽‍🏫 🌳";
  static const char arabic[] = "فاطمة الحسن";
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStaffRecord) staff = korak_staff_record_new ();
  g_autoptr(KorakCohortDetail) cohort = korak_cohort_detail_new ();
  g_autoptr(KorakSessionRecord) session = korak_session_record_new ();
  g_autoptr(KorakSessionRecord) again = NULL;
  g_autoptr(GPtrArray) staff_list = NULL;
  g_autoptr(GPtrArray) reg = NULL;
  g_autoptr(GPtrArray) patterns = NULL;
  g_autoptr(GPtrArray) closures = NULL;
  g_autoptr(GPtrArray) entries = entries_new ();
  KorakActivityRecord activity = { 0 };
  KorakPatternRecord pattern = { 0 };
  KorakClosureRecord closure = { 0 };
  gint64 person = new_person (fixture->store, arabic, sql);

  staff->given_name = g_strdup (quotes);
  staff->family_name = g_strdup (arabic);
  staff->role = g_strdup ("mediator");
  staff->languages = g_strdup (emoji);
  g_assert_true (korak_store_save_staff (fixture->store, staff, &error));
  g_assert_no_error (error);
  staff_list = korak_store_list_staff (fixture->store, "mediator", FALSE, &error);
  g_assert_cmpuint (staff_list->len, ==, 1);
  g_assert_cmpstr (((KorakStaffRecord *)g_ptr_array_index (staff_list, 0))->given_name, ==, quotes);
  g_assert_cmpstr (((KorakStaffRecord *)g_ptr_array_index (staff_list, 0))->family_name, ==, arabic);
  g_assert_cmpstr (((KorakStaffRecord *)g_ptr_array_index (staff_list, 0))->languages, ==, emoji);

  cohort->programme_id = fixture->programme_id;
  cohort->name = g_strdup (sql);
  cohort->site = g_strdup (emoji);
  cohort->start_date = g_strdup ("2026-01-05");
  cohort->mediator_id = staff->id;
  g_assert_true (korak_store_save_cohort (fixture->store, cohort, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cohort->name, ==, sql);
  g_assert_cmpstr (cohort->site, ==, emoji);
  g_assert_cmpint (cohort->mediator_id, ==, staff->id);
  enrol (fixture, person, cohort->id, "2026-01-05");

  activity.name = (char *)quotes;
  activity.skill_area = (char *)"social";
  g_assert_true (korak_store_save_activity (fixture->store, &activity, &error));
  g_assert_no_error (error);

  pattern.cohort_id = cohort->id;
  pattern.weekday = 2;
  pattern.start_time = g_strdup ("09:00");
  pattern.end_time = g_strdup ("10:00");
  pattern.kind = g_strdup ("individual");
  pattern.participant_id = person;
  pattern.place = g_strdup (arabic);
  pattern.activity_id = activity.id;
  g_assert_true (korak_store_save_pattern (fixture->store, &pattern, &error));
  g_assert_no_error (error);
  patterns = korak_store_list_patterns (fixture->store, cohort->id, &error);
  g_assert_cmpstr (((KorakPatternRecord *)g_ptr_array_index (patterns, 0))->place, ==, arabic);
  g_assert_cmpint (((KorakPatternRecord *)g_ptr_array_index (patterns, 0))->participant_id, ==, person);
  g_free (pattern.start_time);
  g_free (pattern.end_time);
  g_free (pattern.kind);
  g_free (pattern.place);

  closure.cohort_id = cohort->id;
  closure.date = (char *)"2026-03-03";
  closure.reason = (char *)"Praznik 🎉\n' OR 1=1 --";
  g_assert_true (korak_store_save_closure (fixture->store, &closure, &error));
  closures = korak_store_list_closures (fixture->store, cohort->id, &error);
  g_assert_cmpstr (((KorakClosureRecord *)g_ptr_array_index (closures, 0))->reason, ==, closure.reason);

  session->cohort_id = cohort->id;
  session->date = g_strdup ("2026-01-14");
  session->start_time = g_strdup ("09:00");
  session->end_time = g_strdup ("13:00");
  session->place = g_strdup (sql);
  session->employer = g_strdup (emoji);
  session->activity_id = activity.id;
  session->leader_id = staff->id;
  session->mediator_present = TRUE;
  g_assert_true (korak_store_save_session (fixture->store, session, &error));
  g_assert_no_error (error);
  again = korak_store_get_session (fixture->store, session->id, &error);
  g_assert_cmpstr (again->place, ==, sql);
  g_assert_cmpstr (again->employer, ==, emoji);
  g_assert_cmpstr (again->activity_name, ==, quotes);
  g_assert_cmpstr (again->skill_area, ==, "social");
  g_assert_true (again->mediator_present);
  {
    g_autofree char *expected = g_strdup_printf ("%s %s", quotes, arabic);

    g_assert_cmpstr (again->leader_name, ==, expected);
  }

  g_ptr_array_add (entries, entry (person, "excused", 0, sql));
  save_register (fixture, session->id, entries);
  reg = korak_store_get_register (fixture->store, session->id, &error);
  g_assert_cmpuint (reg->len, ==, 1);
  {
    g_autofree char *name = g_strdup_printf ("%s %s", arabic, sql);

    assert_entry (g_ptr_array_index (reg, 0), name, "excused", 0, sql);
  }

  /* Control characters in a place are refused. */
  g_free (session->place);
  session->place = g_strdup ("Učilnica\x1b[31m");
  g_assert_false (korak_store_save_session (fixture->store, session, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&again, korak_session_record_free);
  again = korak_store_get_session (fixture->store, session->id, &error);
  g_assert_cmpstr (again->place, ==, sql);

  /* Everything is still there. */
  g_assert_cmpint (count_rows (fixture->store, "session"), ==, 1);
  g_assert_cmpint (count_rows (fixture->store, "attendance"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/schedule/choices-and-times", test_choices);
  g_test_add_func ("/schedule/migrate/from-version-1", test_migrate_from_1);
  ADD ("/schedule/activities", test_activities);
  ADD ("/schedule/staff", test_staff);
  ADD ("/schedule/programme", test_programme);
  ADD ("/schedule/cohort/modules-from-plan", test_cohort_modules);
  ADD ("/schedule/cohort/module-dates", test_module_dates);
  ADD ("/schedule/enrolment", test_enrolment);
  ADD ("/schedule/generate/holidays-and-closures", test_generate_holidays);
  ADD ("/schedule/generate/again", test_generate_again);
  ADD ("/schedule/generate/individual", test_generate_individual);
  ADD ("/schedule/session/refused", test_session_refused);
  ADD ("/schedule/register", test_register);
  ADD ("/schedule/totals/week-and-members", test_totals);
  ADD ("/schedule/totals/warnings", test_warnings);
  ADD ("/schedule/bad-input", test_bad_input);

#undef ADD

  return g_test_run ();
}
