/* test-schedule-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Schedule view under Xvfb: a cohort with a Monday/Wednesday/Friday
 * pattern shows its week, a session opens its register, the register is
 * marked from the keyboard and "All present", and the totals read back
 * from the labels agree with what the store computes.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "korak-attendance-row.h"
#include "korak-attendance-warnings.h"
#include "korak-session.h"
#include "korak-ui-util.h"
#include "korak-window.h"

typedef struct
{
  char        *dir;
  char        *path;
  KorakWindow *window;
  KorakStore  *store;
  gint64       cohort_id;
  gint64       people[3];
} Fixture;

static gboolean
is_loaded (gpointer window)
{
  return korak_window_get_loaded (window);
}

static gboolean
is_not_loading (gpointer page)
{
  return !korak_attendance_page_get_loading (page);
}

static gint64
add_person (KorakStore *store,
            const char *given,
            const char *family)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
  g_assert_true (korak_store_insert_participant (store, record, &error));
  g_assert_no_error (error);
  return record->id;
}

/* A cohort that started on Monday 2 March 2026: 12 + 8 + 4 weeks, with
 * group workshops on Monday, Wednesday and Friday from 9:00 to 13:00. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakProgrammeRecord) programme = korak_programme_record_new ();
  g_autoptr(KorakCohortDetail) cohort = korak_cohort_detail_new ();
  KorakGenerateResult result = { 0 };
  const char *names[][2] = { { "Ana", "Čebašek" }, { "Fatima", "Al-Khatib" }, { "Marko", "Novak" } };

  f->dir = g_dir_make_tmp ("korak-schedule-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);

  f->store = korak_store_open (f->path, &error);
  g_assert_no_error (error);

  programme->name = g_strdup ("Socialna aktivacija");
  programme->required_hours = 480;
  g_assert_true (korak_store_save_programme (f->store, programme, &error));
  g_assert_no_error (error);

  cohort->programme_id = programme->id;
  cohort->name = g_strdup ("Kranj, skupina 1");
  cohort->start_date = g_strdup ("2026-03-02");
  g_assert_true (korak_store_save_cohort (f->store, cohort, &error));
  g_assert_no_error (error);
  f->cohort_id = cohort->id;

  for (int weekday = 1; weekday <= 5; weekday += 2)
    {
      KorakPatternRecord *pattern = g_new0 (KorakPatternRecord, 1);

      /* The store may normalise the times in place: give it owned strings. */
      pattern->cohort_id = f->cohort_id;
      pattern->weekday = weekday;
      pattern->start_time = g_strdup ("09:00");
      pattern->end_time = g_strdup ("13:00");
      pattern->kind = g_strdup ("group");
      pattern->place = g_strdup ("Dom krajanov");
      g_assert_true (korak_store_save_pattern (f->store, pattern, &error));
      g_assert_no_error (error);
      korak_pattern_record_free (pattern);
    }
  g_assert_true (korak_store_generate_sessions (f->store, f->cohort_id, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.created, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      f->people[i] = add_person (f->store, names[i][0], names[i][1]);
      g_assert_true (korak_store_enrol (f->store, f->people[i], f->cohort_id, "2026-03-02", &error));
      g_assert_no_error (error);
    }

  f->window = korak_window_new (NULL, f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_loaded, f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  spin (50);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
show_week_of (Fixture    *f,
              int         day,
              int         month,
              int         year)
{
  KorakSchedulePage *page = korak_window_get_schedule_page (f->window);
  g_autoptr(GError) error = NULL;
  GDate date;

  korak_window_show_view (f->window, "schedule");
  g_assert_true (korak_schedule_page_select_cohort (page, f->cohort_id));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_assert_true (korak_timetable_set_week (korak_schedule_page_get_timetable (page), &date, &error));
  g_assert_no_error (error);
  spin (100);
}

/* KORAK_TEST_SCREENSHOTS=DIR keeps pictures of the window for a person. */
static void
keep_screenshot (Fixture    *f,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (g_getenv ("KORAK_TEST_SCREENSHOTS") == NULL)
    return;

  spin (300);
  path = g_build_filename (g_getenv ("KORAK_TEST_SCREENSHOTS"), name, NULL);
  g_assert_true (korak_save_screenshot (GTK_WIDGET (f->window), path, &error));
  g_assert_no_error (error);
}

static void
test_week_and_register (Fixture       *f,
                        gconstpointer  data)
{
  KorakSchedulePage *page = korak_window_get_schedule_page (f->window);
  KorakWeekView *week = korak_schedule_page_get_week_view (page);
  KorakSessionPage *session_page = korak_schedule_page_get_session_page (page);
  GListModel *sessions;
  g_autoptr(KorakSession) monday = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *list;
  GtkWidget *row;
  KorakWeekSummary summary = { 0 };
  g_autofree char *expected = NULL;

  /* The week of 6 April 2026: Easter Monday is a public holiday, so only
   * Wednesday and Friday sessions are there. */
  show_week_of (f, 8, 4, 2026);
  sessions = korak_timetable_get_sessions (korak_schedule_page_get_timetable (page));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
  g_assert_cmpuint (korak_week_view_get_n_blocks (week), ==, 2);
  g_assert_cmpstr (korak_schedule_page_get_summary (page), ==, "2 sessions · 8 h planned · 0 % attended");

  /* The first week has all three. */
  show_week_of (f, 4, 3, 2026);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 3);
  g_assert_cmpuint (korak_week_view_get_n_blocks (week), ==, 3);

  monday = g_list_model_get_item (sessions, 0);
  g_assert_cmpstr (korak_session_get_date (monday), ==, "2026-03-02");
  g_assert_nonnull (korak_week_view_get_block_for_id (week, korak_session_get_id (monday)));

  /* Opening it shows its register of three people, none marked. */
  g_signal_emit_by_name (week, "session-activated", monday);
  g_assert_cmpstr (korak_schedule_page_get_visible (page), ==, "session");
  list = korak_session_page_get_register_list (session_page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (korak_session_page_get_register (session_page))), ==, 3);
  g_assert_cmpstr (korak_session_page_get_totals (session_page), ==,
                   "0 present · 0 late · 0 excused · 0 absent · 3 not marked — 0.0 of 12.0 hours");

  /* From the keyboard: A on the first person (Fatima Al-Khatib, by family
   * name), L on the next; then "All present" marks the rest. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  gtk_widget_grab_focus (row);
  g_assert_true (korak_attendance_row_handle_key (KORAK_ATTENDANCE_ROW (row), GDK_KEY_a, 0));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (gtk_widget_has_focus (row));
  g_assert_true (korak_attendance_row_handle_key (KORAK_ATTENDANCE_ROW (row), GDK_KEY_l, 0));
  /* A letter typed into the remark is text, not a mark. */
  g_assert_false (korak_attendance_row_handle_key (KORAK_ATTENDANCE_ROW (row), GDK_KEY_x, 0));
  gtk_editable_set_text (GTK_EDITABLE (korak_attendance_row_get_remark_entry (KORAK_ATTENDANCE_ROW (row))),
                         "Avtobus je zamudil; \"20 min\" '); DROP TABLE attendance;--");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (korak_attendance_row_get_hours_button (KORAK_ATTENDANCE_ROW (row))), 3.5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (session_page), "session.all-present", NULL));
  g_assert_cmpstr (korak_session_page_get_totals (session_page), ==,
                   "1 present · 1 late · 0 excused · 1 absent · 0 not marked — 7.5 of 12.0 hours");
  keep_screenshot (f, "schedule-register.png");

  /* Saved through the window's Ctrl+S action, and read back from the store. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  g_assert_null (korak_session_page_get_error (session_page));
  members = korak_store_list_members (f->store, f->cohort_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 3);
  for (guint i = 0; i < members->len; i++)
    {
      const KorakMemberRecord *m = g_ptr_array_index (members, i);

      if (m->participant_id == f->people[0])        /* Ana Čebašek: all present */
        g_assert_cmpfloat (m->hours_attended, ==, 4.0);
      else if (m->participant_id == f->people[1])   /* Fatima: absent */
        g_assert_cmpfloat (m->hours_attended, ==, 0.0);
      else                                          /* Marko: late, 3.5 h */
        g_assert_cmpfloat (m->hours_attended, ==, 3.5);
    }

  /* Back to the week: the summary reads the new rate (7.5 of 36 hours). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (session_page), "session.back", NULL));
  g_assert_cmpstr (korak_schedule_page_get_visible (page), ==, "week");
  g_assert_true (korak_store_get_week_summary (f->store, f->cohort_id, "2026-03-02", &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (summary.attended_hours, 7.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.expected_hours, 36.0, 1e-9);
  expected = g_strdup_printf ("3 sessions · 12 h planned · %.0f %% attended", 7.5 / 36.0 * 100);
  g_assert_cmpstr (korak_schedule_page_get_summary (page), ==, expected);
  korak_week_summary_clear (&summary);
  keep_screenshot (f, "schedule-week.png");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  keep_screenshot (f, "schedule-week-narrow.png");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);

  /* Next week with Alt+→'s action, and back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.next-week", NULL));
  g_assert_cmpint (g_date_get_day (korak_timetable_get_monday (korak_schedule_page_get_timetable (page))), ==, 9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.previous-week", NULL));
  g_assert_cmpint (g_date_get_day (korak_timetable_get_monday (korak_schedule_page_get_timetable (page))), ==, 2);
}

static void
test_bad_session_input (Fixture       *f,
                        gconstpointer  data)
{
  KorakSchedulePage *page = korak_window_get_schedule_page (f->window);
  KorakSessionPage *session_page = korak_schedule_page_get_session_page (page);
  GListModel *sessions;
  guint before;

  show_week_of (f, 4, 3, 2026);
  sessions = korak_timetable_get_sessions (korak_schedule_page_get_timetable (page));
  before = g_list_model_get_n_items (sessions);

  /* A new session that ends before it starts is refused with a reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.new-session", NULL));
  g_assert_cmpstr (korak_schedule_page_get_visible (page), ==, "session");
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "date"), "3. 3. 2026");
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "start"), "14:00");
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "end"), "12:00");
  g_assert_false (korak_session_page_save (session_page));
  g_assert_nonnull (korak_session_page_get_error (session_page));

  /* An impossible date too, named in the message. */
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "date"), "31. 2. 2026");
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "end"), "16:00");
  g_assert_false (korak_session_page_save (session_page));
  g_assert_nonnull (strstr (korak_session_page_get_error (session_page), "31. 2. 2026"));

  /* Overlapping Monday's workshop is refused. */
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "date"), "2. 3. 2026");
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "start"), "10:00");
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "end"), "11:00");
  g_assert_false (korak_session_page_save (session_page));

  /* Outside the cohort's dates is refused. */
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "date"), "1. 1. 2020");
  g_assert_false (korak_session_page_save (session_page));

  /* Nothing of that was stored. */
  g_assert_true (korak_timetable_reload (korak_schedule_page_get_timetable (page), NULL));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, before);

  /* Tuesday afternoon is fine: it appears in the week. */
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "date"), "3. 3. 2026");
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "start"), "14:00");
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "end"), "16:00");
  gtk_editable_set_text (korak_session_page_get_entry (session_page, "place"), "مكتبة — Knjižnica");
  g_assert_true (korak_session_page_save (session_page));
  g_assert_null (korak_session_page_get_error (session_page));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, before + 1);
}

static void
test_attendance_warnings (Fixture       *f,
                          gconstpointer  data)
{
  KorakAttendancePage *page = korak_window_get_attendance_page (f->window);
  g_autoptr(KorakCohortDetail) cohort = korak_cohort_detail_new ();
  g_autoptr(KorakCohortDetail) first = NULL;
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(KorakWarningItem) item = NULL;
  g_autofree char *start = NULL;
  g_autofree char *today = NULL;
  KorakGenerateResult result = { 0 };
  KorakPatternRecord *pattern = g_new0 (KorakPatternRecord, 1);
  GListModel *warnings;
  GDate date;

  /* A cohort that started on the Monday five weeks ago, with a Tuesday
   * workshop; Ana comes to every one, Fatima to none. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  today = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY + 35);
  start = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));

  first = korak_store_get_cohort (f->store, f->cohort_id, &error);
  g_assert_no_error (error);
  cohort->programme_id = first->programme_id;
  cohort->name = g_strdup ("Jesenice, skupina 2");
  cohort->start_date = g_strdup (start);
  g_assert_true (korak_store_save_cohort (f->store, cohort, &error));
  g_assert_no_error (error);
  pattern->cohort_id = cohort->id;
  pattern->weekday = 2;
  pattern->start_time = g_strdup ("09:00");
  pattern->end_time = g_strdup ("12:00");
  pattern->kind = g_strdup ("group");
  g_assert_true (korak_store_save_pattern (f->store, pattern, &error));
  korak_pattern_record_free (pattern);
  g_assert_true (korak_store_generate_sessions (f->store, cohort->id, &result, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    g_assert_true (korak_store_enrol (f->store, f->people[i], cohort->id, start, &error));

  held = korak_store_list_sessions (f->store, cohort->id, start, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (held->len, >=, 4);
  for (guint i = 0; i < held->len; i++)
    {
      const KorakSessionRecord *session = g_ptr_array_index (held, i);
      g_autoptr(GPtrArray) entries = korak_store_get_register (f->store, session->id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 2);
      for (guint j = 0; j < entries->len; j++)
        {
          KorakRegisterEntry *entry = g_ptr_array_index (entries, j);

          g_free (entry->state);
          entry->state = g_strdup (entry->participant_id == f->people[0] ? "present" : "absent");
          entry->hours = entry->participant_id == f->people[0] ? 3 : 0;
        }
      g_assert_true (korak_store_save_register (f->store, session->id, entries, &error));
      g_assert_no_error (error);
    }

  /* Fatima, at 0 %, is the one warning; opening her shows her profile. */
  korak_window_show_view (f->window, "attendance");
  wait_until (is_not_loading, page);
  warnings = korak_attendance_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (warnings), ==, 1);
  item = g_list_model_get_item (warnings, 0);
  g_assert_cmpint (korak_warning_item_get_warning (item)->participant_id, ==, f->people[1]);
  g_assert_cmpfloat (korak_warning_item_get_warning (item)->rate, ==, 0.0);
  g_assert_cmpstr (korak_warning_item_get_warning (item)->cohort_name, ==, "Jesenice, skupina 2");

  g_signal_emit_by_name (page, "participant-activated", f->people[1]);
  g_assert_cmpint (korak_participant_get_id (korak_profile_page_get_participant (
                     korak_participants_page_get_profile (korak_window_get_participants_page (f->window)))),
                   ==, f->people[1]);

  /* A threshold of 0 % warns about nobody. */
  korak_attendance_page_set_threshold (page, 0);
  g_assert_true (korak_attendance_page_get_loading (page));
  wait_until (is_not_loading, page);
  g_assert_cmpuint (g_list_model_get_n_items (korak_attendance_page_get_model (page)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/schedule/week-and-register", Fixture, NULL, fixture_set_up, test_week_and_register, fixture_tear_down);
  g_test_add ("/ui/schedule/bad-session-input", Fixture, NULL, fixture_set_up, test_bad_session_input, fixture_tear_down);
  g_test_add ("/ui/schedule/attendance-warnings", Fixture, NULL, fixture_set_up, test_attendance_warnings, fixture_tear_down);

  return g_test_run ();
}
