/* test-ical.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "korak-test-util.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "korak-ical.h"
#include "korak-schedule.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

#define TZID "Europe/Ljubljana"
#define COHORT_NAME "Kranj, pomlad 2026; skupina \"A\""
#define TRICKY_PLACE "Dom krajanov Šenčur; \"mala\" dvorana, 1. nadstropje"
#define CANCEL_REASON "Mentorica je bolna; nadomestni termin, ko bo znan"
#define LONG_EMPLOYER "Kmetijska zadruga Šenčur – vrtnarstvo, čiščenje, šivanje in kuhanje; žičnica Čičarija, Žabnica; Šentjošt–Čičarija–Žužemberk–Šmarješke-Toplice–Šenčur–Črnomelj–Žiri"

typedef struct
{
  char       *dir;
  KorakStore *store;
  gint64      cohort_id;
  char       *activity_name;
  GArray     *session_ids;      /* gint64, in the order made */
  gint64      plain_id;         /* 2026-01-12, the first activity */
  gint64      place_id;         /* 2026-01-14, TRICKY_PLACE */
  gint64      cancelled_id;     /* 2026-01-16, CANCEL_REASON */
  gint64      winter_id;        /* Friday 2026-03-27, CET */
  gint64      summer_id;        /* Monday 2026-03-30, CEST (clocks changed on the 29th) */
  gint64      individual_id;    /* 2026-02-02, Ana Zupančič alone */
  gint64      practice_id;      /* 2026-04-07, LONG_EMPLOYER */
} Fixture;

/* ---- helpers ----------------------------------------------------------- */


static gint64
add_session (Fixture    *fixture,
             const char *date,
             const char *start,
             const char *end,
             const char *kind,
             gint64      activity_id,
             gint64      participant_id,
             const char *place,
             gint64      leader_id,
             const char *employer)
{
  g_autoptr(KorakSessionRecord) session = korak_session_record_new ();
  g_autoptr(GError) error = NULL;

  session->cohort_id = fixture->cohort_id;
  session->date = g_strdup (date);
  session->start_time = g_strdup (start);
  session->end_time = g_strdup (end);
  g_free (session->kind);
  session->kind = g_strdup (kind);
  session->activity_id = activity_id;
  session->participant_id = participant_id;
  session->place = g_strdup (place);
  session->leader_id = leader_id;
  session->employer = g_strdup (employer);

  korak_store_save_session (fixture->store, session, &error);
  g_assert_no_error (error);
  g_assert_cmpint (session->id, !=, 0);
  g_array_append_val (fixture->session_ids, session->id);

  return session->id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(KorakProgrammeRecord) programme = NULL;
  g_autoptr(KorakCohortDetail) cohort = NULL;
  g_autoptr(KorakStaffRecord) mentor = NULL;
  g_autoptr(KorakParticipantRecord) participant = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  KorakActivityRecord *activity;

  fixture->dir = g_dir_make_tmp ("korak-test-ical-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (fixture->dir, "korak.db", NULL);
  fixture->store = korak_store_open (db_path, &error);
  g_assert_no_error (error);
  fixture->session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Default plan: workshops 12 weeks, work practice 8, exit search 4. */
  programme = korak_programme_record_new ();
  programme->name = g_strdup ("Socialna aktivacija");
  korak_store_save_programme (fixture->store, programme, &error);
  g_assert_no_error (error);

  cohort = korak_cohort_detail_new ();
  cohort->programme_id = programme->id;
  cohort->name = g_strdup (COHORT_NAME);
  cohort->site = g_strdup ("Kranj");
  cohort->start_date = g_strdup ("2026-01-12");
  korak_store_save_cohort (fixture->store, cohort, &error);
  g_assert_no_error (error);
  fixture->cohort_id = cohort->id;

  mentor = korak_staff_record_new ();
  mentor->given_name = g_strdup ("Maja");
  mentor->family_name = g_strdup ("Kos");
  g_free (mentor->role);
  mentor->role = g_strdup ("mentor");
  korak_store_save_staff (fixture->store, mentor, &error);
  g_assert_no_error (error);

  participant = korak_participant_record_new ();
  korak_participant_record_set (participant, KORAK_FIELD_GIVEN_NAME, "Ana");
  korak_participant_record_set (participant, KORAK_FIELD_FAMILY_NAME, "Zupančič");
  korak_participant_record_set (participant, KORAK_FIELD_STATUS, "referred");
  korak_store_insert_participant (fixture->store, participant, &error);
  g_assert_no_error (error);
  korak_store_enrol (fixture->store, participant->id, fixture->cohort_id, "2026-01-12", &error);
  g_assert_no_error (error);

  activities = korak_store_list_activities (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, >, 0);
  activity = g_ptr_array_index (activities, 0);
  fixture->activity_name = g_strdup (activity->name);

  fixture->plain_id = add_session (fixture, "2026-01-12", "09:00", "13:00", "group",
                                   activity->id, 0, "Učilnica 2", mentor->id, NULL);
  fixture->place_id = add_session (fixture, "2026-01-14", "09:00", "13:00", "group",
                                   0, 0, TRICKY_PLACE, 0, NULL);
  fixture->cancelled_id = add_session (fixture, "2026-01-16", "09:00", "13:00", "group",
                                       0, 0, NULL, mentor->id, NULL);
  fixture->individual_id = add_session (fixture, "2026-02-02", "09:00", "10:00", "individual",
                                        0, participant->id, NULL, mentor->id, NULL);
  fixture->winter_id = add_session (fixture, "2026-03-27", "09:00", "13:00", "group",
                                    0, 0, NULL, 0, NULL);
  fixture->summer_id = add_session (fixture, "2026-03-30", "09:00", "13:00", "group",
                                    0, 0, NULL, 0, NULL);
  fixture->practice_id = add_session (fixture, "2026-04-07", "09:00", "13:00", "work_practice",
                                      0, 0, NULL, 0, LONG_EMPLOYER);

  korak_store_cancel_session (fixture->store, fixture->cancelled_id, CANCEL_REASON, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  korak_test_remove_tree (fixture->dir, TRUE);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->activity_name, g_free);
  g_clear_pointer (&fixture->session_ids, g_array_unref);
}

static char *
export_to_file (Fixture  *fixture,
                char    **out_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "timetable.ics", NULL);
  gboolean ok;

  ok = korak_ical_export_cohort (fixture->store, fixture->cohort_id, path, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  if (out_text != NULL)
    {
      g_file_get_contents (path, out_text, NULL, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&path);
}

static icalcomponent *
parse (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            gint64         session_id)
{
  g_autofree char *uid = g_strdup_printf ("session-%" G_GINT64_FORMAT "@korak", session_id);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
      return event;

  g_error ("no VEVENT with UID %s", uid);
  return NULL;
}

static const char *
x_property (icalcomponent *component,
            const char    *name)
{
  for (icalproperty *prop = icalcomponent_get_first_property (component, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (prop), name) == 0)
      return icalproperty_get_x (prop);

  return NULL;
}

/* Checks DTSTART or DTEND: written as local time with TZID Europe/Ljubljana,
 * and the file's own VTIMEZONE turns it into the right UTC hour. */
static void
assert_local_time (icalcomponent *event,
                   icalproperty_kind kind,
                   int            local_hour,
                   int            utc_hour)
{
  icalproperty *prop = icalcomponent_get_first_property (event, kind);
  icalparameter *tzid;
  struct icaltimetype tt;
  struct icaltimetype utc;

  g_assert_nonnull (prop);
  tzid = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  g_assert_nonnull (tzid);
  g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, TZID);

  tt = kind == ICAL_DTSTART_PROPERTY ? icalcomponent_get_dtstart (event)
                                     : icalcomponent_get_dtend (event);
  g_assert_false (icaltime_is_utc (tt));
  g_assert_false (icaltime_is_date (tt));
  g_assert_cmpint (tt.hour, ==, local_hour);
  g_assert_cmpint (tt.minute, ==, 0);
  /* icalcomponent_get_dtstart() found the VTIMEZONE in the file. */
  g_assert_nonnull (tt.zone);
  g_assert_cmpstr (icaltimezone_get_tzid ((icaltimezone *) tt.zone), ==, TZID);

  utc = icaltime_convert_to_zone (tt, icaltimezone_get_utc_timezone ());
  g_assert_cmpint (utc.hour, ==, utc_hour);
}

/* ---- tests ------------------------------------------------------------- */

static void
test_events (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *path = export_to_file (fixture, &text);
  g_autoptr(icalcomponent) calendar = parse (text);
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  icalcomponent *event;
  icalproperty *prop;
  int n_events;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));

  prop = icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY);
  g_assert_nonnull (prop);
  g_assert_cmpstr (icalproperty_get_prodid (prop), ==, "-//Korak//Korak//EN");
  prop = icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY);
  g_assert_nonnull (prop);
  g_assert_cmpstr (icalproperty_get_version (prop), ==, "2.0");
  g_assert_cmpstr (x_property (calendar, "X-WR-CALNAME"), ==, COHORT_NAME);

  /* One VTIMEZONE, the one every TZID names. */
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  event = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  prop = icalcomponent_get_first_property (event, ICAL_TZID_PROPERTY);
  g_assert_cmpstr (icalproperty_get_tzid (prop), ==, TZID);

  /* One VEVENT per session, each with its own UID and a DTSTAMP in UTC. */
  n_events = icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpint (n_events, ==, fixture->session_ids->len);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_nonnull (icalcomponent_get_uid (event));
      g_assert_true (g_hash_table_add (uids, g_strdup (icalcomponent_get_uid (event))));
      g_assert_true (icaltime_is_utc (icalcomponent_get_dtstamp (event)));
      g_assert_nonnull (icalcomponent_get_summary (event));
    }
  for (guint i = 0; i < fixture->session_ids->len; i++)
    {
      g_autofree char *uid = g_strdup_printf ("session-%" G_GINT64_FORMAT "@korak",
                                              g_array_index (fixture->session_ids, gint64, i));

      g_assert_true (g_hash_table_contains (uids, uid));
    }

  /* Summaries: the activity, else the kind. */
  g_assert_cmpstr (icalcomponent_get_summary (find_event (calendar, fixture->plain_id)), ==,
                   fixture->activity_name);
  g_assert_cmpstr (icalcomponent_get_summary (find_event (calendar, fixture->winter_id)), ==,
                   "Group session");
  g_assert_cmpstr (icalcomponent_get_summary (find_event (calendar, fixture->practice_id)), ==,
                   "Work practice");
  g_assert_nonnull (strstr (icalcomponent_get_description (find_event (calendar, fixture->plain_id)),
                            "Leader: Maja Kos"));
  g_assert_nonnull (strstr (icalcomponent_get_description (find_event (calendar, fixture->plain_id)),
                            "Module 1: "));

  /* Privacy: an individual hour never names its participant. */
  g_assert_cmpstr (icalcomponent_get_summary (find_event (calendar, fixture->individual_id)), ==,
                   "Individual hour");
  g_assert_null (strstr (text, "Zupan"));
}

static void
test_stable_uids (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = korak_ical_cohort_to_string (fixture->store, fixture->cohort_id, &error);
  g_autofree char *second = NULL;
  g_autoptr(icalcomponent) a = NULL;
  g_autoptr(icalcomponent) b = NULL;
  icalcomponent *ea, *eb;

  g_assert_no_error (error);
  second = korak_ical_cohort_to_string (fixture->store, fixture->cohort_id, &error);
  g_assert_no_error (error);
  a = parse (first);
  b = parse (second);

  for (ea = icalcomponent_get_first_component (a, ICAL_VEVENT_COMPONENT),
       eb = icalcomponent_get_first_component (b, ICAL_VEVENT_COMPONENT);
       ea != NULL && eb != NULL;
       ea = icalcomponent_get_next_component (a, ICAL_VEVENT_COMPONENT),
       eb = icalcomponent_get_next_component (b, ICAL_VEVENT_COMPONENT))
    g_assert_cmpstr (icalcomponent_get_uid (ea), ==, icalcomponent_get_uid (eb));
  g_assert_null (ea);
  g_assert_null (eb);
}

static void
test_local_time (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *path = export_to_file (fixture, &text);
  g_autoptr(icalcomponent) calendar = parse (text);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);

      g_assert_cmpint (icalproperty_get_dtstart (prop).hour, ==, 9);
      g_assert_cmpstr (icalparameter_get_tzid (icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER)),
                       ==, TZID);
    }

  /* 9:00 is 8:00 UTC in winter and 7:00 UTC in summer; the clocks went
   * forward on Sunday 2026-03-29. */
  assert_local_time (find_event (calendar, fixture->winter_id), ICAL_DTSTART_PROPERTY, 9, 8);
  assert_local_time (find_event (calendar, fixture->winter_id), ICAL_DTEND_PROPERTY, 13, 12);
  assert_local_time (find_event (calendar, fixture->summer_id), ICAL_DTSTART_PROPERTY, 9, 7);
  assert_local_time (find_event (calendar, fixture->summer_id), ICAL_DTEND_PROPERTY, 13, 11);
  assert_local_time (find_event (calendar, fixture->individual_id), ICAL_DTEND_PROPERTY, 10, 9);

  g_assert_nonnull (strstr (text, "DTSTART;TZID=" TZID ":20260330T090000\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=" TZID ":20260327T090000\r\n"));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *path = export_to_file (fixture, &text);
  g_autoptr(icalcomponent) calendar = parse (text);
  icalcomponent *cancelled = find_event (calendar, fixture->cancelled_id);
  const char *description;

  g_assert_cmpint (icalcomponent_get_status (cancelled), ==, ICAL_STATUS_CANCELLED);
  description = icalcomponent_get_description (cancelled);
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, CANCEL_REASON));

  for (guint i = 0; i < fixture->session_ids->len; i++)
    {
      gint64 id = g_array_index (fixture->session_ids, gint64, i);

      if (id != fixture->cancelled_id)
        g_assert_cmpint (icalcomponent_get_status (find_event (calendar, id)), ==,
                         ICAL_STATUS_CONFIRMED);
    }
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *path = export_to_file (fixture, &text);
  g_autoptr(icalcomponent) calendar = parse (text);
  g_auto(GStrv) lines = NULL;
  const char *description;

  /* Commas, semicolons, quotes and non-ASCII letters come back exactly. */
  g_assert_cmpstr (icalcomponent_get_location (find_event (calendar, fixture->place_id)), ==,
                   TRICKY_PLACE);
  g_assert_null (icalcomponent_get_first_property (find_event (calendar, fixture->winter_id),
                                                   ICAL_LOCATION_PROPERTY));

  description = icalcomponent_get_description (find_event (calendar, fixture->practice_id));
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, "Employer: " LONG_EMPLOYER));

  /* RFC 5545: CRLF line ends, lines folded at 75 octets and never inside
   * a UTF-8 character. */
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      if (!g_utf8_validate (lines[i], -1, NULL))
        g_error ("line %u is cut inside a UTF-8 character: %s", i, lines[i]);
    }
}

static void
test_file_mode (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "timetable.ics", NULL);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;
  guint n_files = 0;

  /* An older export that anybody could read is replaced by a private one. */
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_free (export_to_file (fixture, &text));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));

  /* The file holds what korak_ical_cohort_to_string() gives, apart from
   * DTSTAMP, which may tick between the two calls. */
  again = korak_ical_cohort_to_string (fixture->store, fixture->cohort_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (again), ==, strlen (text));

  /* No temporary file is left behind. */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, "timetable.ics."));
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 2);
}

static void
test_bad_path (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "timetable.ics", NULL);
  gboolean ok;

  ok = korak_ical_export_cohort (fixture->store, fixture->cohort_id, path, &error);
  g_assert_false (ok);
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "timetable.ics"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder where the file should go. */
  ok = korak_ical_export_cohort (fixture->store, fixture->cohort_id, fixture->dir, &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (g_file_test (fixture->dir, G_FILE_TEST_IS_DIR));
}

static void
test_unknown_cohort (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "none.ics", NULL);
  g_autofree char *text = NULL;

  text = korak_ical_cohort_to_string (fixture->store, 12345, &error);
  g_assert_null (text);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (korak_ical_export_cohort (fixture->store, 12345, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ical/export/events", test_events);
  ADD ("/ical/export/stable-uids", test_stable_uids);
  ADD ("/ical/export/local-time", test_local_time);
  ADD ("/ical/export/cancelled", test_cancelled);
  ADD ("/ical/export/text", test_text);
  ADD ("/ical/export/file-mode", test_file_mode);
  ADD ("/ical/export/bad-path", test_bad_path);
  ADD ("/ical/export/unknown-cohort", test_unknown_cohort);

#undef ADD

  return g_test_run ();
}
