/* test-week-view.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The week timetable with sessions made straight from records (no
 * database): blocks in the right columns and hour rows, accessible labels,
 * hidden weekends, activation, arrow keys and Tab, the narrow day list, and
 * screenshots in light and dark style. Runs under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "korak-session.h"
#include "korak-ui-util.h"
#include "korak-week-view.h"

typedef struct
{
  gint64      id;
  const char *date;
  const char *start;
  const char *end;
  const char *kind;
  const char *activity;
  const char *area;
  const char *participant;
  const char *place;
  const char *leader;
  const char *employer;
  const char *cancelled;
  int         expected;
  int         marked;
  int         attended;
} SessionSpec;

/* A realistic week of a cohort in its first module: three workshop
 * mornings, individual hours, a visit, work skills and a cancellation. */
static const SessionSpec week[] = {
  { 101, "2026-11-23", "09:00", "13:00", "group", "Computer skills", "functional", NULL, "Room 2", "Maja Kovač", NULL, NULL, 10, 10, 8 },
  { 102, "2026-11-23", "14:00", "15:00", "individual", NULL, NULL, "Amina Hodžić", "Mentor's office", NULL, NULL, NULL, 1, 1, 1 },
  { 107, "2026-11-24", "10:00", "12:00", "visit", "Visit to the library", "social", NULL, "Municipal library", "Maja Kovač", NULL, NULL, 10, 0, 0 },
  { 103, "2026-11-25", "09:00", "13:00", "group", "Conflict resolution", "social", NULL, "Room 1", "Jure Zupan", NULL, NULL, 10, 9, 7 },
  { 104, "2026-11-25", "11:00", "12:00", "individual", NULL, NULL, "Ivana Horvat", "Mentor's office", NULL, NULL, NULL, 1, 0, 0 },
  { 105, "2026-11-26", "08:00", "12:00", "group", "Sewing", "work", NULL, "Workshop", "Nada Golob", NULL, NULL, 10, 0, 0 },
  { 106, "2026-11-27", "09:00", "13:00", "group", "Financial literacy", "functional", NULL, "Room 2", "Maja Kovač", NULL, "Mentor ill", 10, 0, 0 },
  { 108, "2026-11-27", "14:00", "16:00", "work_practice", NULL, NULL, NULL, "Pod lipo 4", NULL, "Vrtnarstvo Zeleni", NULL, 4, 0, 0 },
  /* next week: not shown */
  { 109, "2026-11-30", "09:00", "13:00", "group", "Healthy living", "functional", NULL, "Room 2", NULL, NULL, NULL, 10, 0, 0 },
};

#define N_SHOWN 8

typedef struct
{
  GtkWidget     *window;
  KorakWeekView *view;
  GListStore    *store;
  KorakSession  *activated;
  guint          n_activated;
} Fixture;

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static KorakSession *
make_session (const SessionSpec *spec)
{
  g_autoptr(KorakSessionRecord) r = korak_session_record_new ();

  r->id = spec->id;
  r->cohort_id = 7;
  r->module_id = 70;
  r->module_ordinal = 1;
  set_str (&r->module_kind, "workshops");
  set_str (&r->date, spec->date);
  set_str (&r->start_time, spec->start);
  set_str (&r->end_time, spec->end);
  set_str (&r->kind, spec->kind);
  set_str (&r->activity_name, spec->activity);
  r->activity_id = spec->activity ? spec->id * 10 : 0;
  set_str (&r->skill_area, spec->area);
  set_str (&r->participant_name, spec->participant);
  set_str (&r->place, spec->place);
  set_str (&r->leader_name, spec->leader);
  set_str (&r->employer, spec->employer);
  set_str (&r->cancelled_reason, spec->cancelled);
  r->n_expected = spec->expected;
  r->n_marked = spec->marked;
  r->n_attended = spec->attended;

  return korak_session_new_from_record (r);
}

static void
on_session_activated_cb (KorakWeekView *view,
                         KorakSession  *session,
                         Fixture       *f)
{
  g_set_object (&f->activated, session);
  f->n_activated++;
}

static gboolean
is_laid_out (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->view)) && gtk_widget_get_width (GTK_WIDGET (f->view)) > 0;
}

static void
fixture_open (Fixture *f,
              int      width,
              int      height)
{
  g_autoptr(KorakSession) first = NULL;
  g_autofree char *module = NULL;
  GtkWidget *scrolled;
  GDate monday;

  f->store = g_list_store_new (KORAK_TYPE_SESSION);
  for (guint i = 0; i < G_N_ELEMENTS (week); i++)
    {
      g_autoptr(KorakSession) session = make_session (&week[i]);
      g_list_store_append (f->store, session);
    }

  f->view = KORAK_WEEK_VIEW (korak_week_view_new ());
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 25, G_DATE_NOVEMBER, 2026);   /* a Wednesday: moved back to Monday */
  korak_week_view_set_week (f->view, &monday);
  g_date_set_dmy (&monday, 25, G_DATE_NOVEMBER, 2026);
  korak_week_view_set_today (f->view, &monday);
  korak_week_view_set_model (f->view, G_LIST_MODEL (f->store));
  first = g_list_model_get_item (G_LIST_MODEL (f->store), 0);
  module = korak_session_dup_module_label (first);
  korak_week_view_set_module_label (f->view, module);
  g_signal_connect (f->view, "session-activated", G_CALLBACK (on_session_activated_cb), f);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->view));

  f->window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (f->window), "Week");
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  gtk_window_present (GTK_WINDOW (f->window));

  wait_until (is_laid_out, f);
  spin (100);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_open (f, 1200, 760);
}

static void
fixture_set_up_narrow (Fixture       *f,
                       gconstpointer  data)
{
  fixture_open (f, 420, 760);
}

static void
fixture_set_up_compact (Fixture       *f,
                        gconstpointer  data)
{
  fixture_open (f, 720, 600);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);
  g_clear_object (&f->store);
  g_clear_object (&f->activated);
}

static void
test_week_view_blocks (Fixture       *f,
                       gconstpointer  data)
{
  const GDate *monday = korak_week_view_get_week (f->view);

  g_assert_cmpint (g_date_get_day (monday), ==, 23);
  g_assert_false (korak_week_view_get_narrow (f->view));
  g_assert_cmpuint (korak_week_view_get_n_blocks (f->view), ==, N_SHOWN);
  g_assert_null (korak_week_view_get_block_for_id (f->view, 109));
  for (guint i = 0; i < N_SHOWN; i++)
    {
      GtkWidget *block = korak_week_view_get_block_for_id (f->view, week[i].id);

      g_assert_nonnull (block);
      g_assert_true (gtk_widget_get_mapped (block));
      g_assert_true (gtk_widget_get_focusable (block));
      g_assert_cmpint (korak_session_get_id (korak_week_view_get_widget_session (block)), ==, week[i].id);
    }

  g_assert_cmpint (korak_week_view_get_first_hour (f->view), ==, 8);
  g_assert_cmpint (korak_week_view_get_last_hour (f->view), ==, 18);
  g_assert_cmpstr (korak_week_view_get_module_label (f->view), !=, NULL);
  g_assert_true (g_str_has_prefix (korak_week_view_get_module_label (f->view), "Module 1 · "));

  /* Cancelled sessions are drawn, marked as such. */
  g_assert_true (gtk_widget_has_css_class (korak_week_view_get_block_for_id (f->view, 106), "cancelled"));
  g_assert_true (gtk_widget_has_css_class (korak_week_view_get_block_for_id (f->view, 101), "functional"));
  g_assert_true (gtk_widget_has_css_class (korak_week_view_get_block_for_id (f->view, 103), "social"));
  g_assert_true (gtk_widget_has_css_class (korak_week_view_get_block_for_id (f->view, 105), "work"));
  g_assert_true (gtk_widget_has_css_class (korak_week_view_get_block_for_id (f->view, 102), "none"));
}

static void
assert_block_in_hours (Fixture      *f,
                       gint64        id,
                       GDateWeekday  weekday,
                       double        start_hour,
                       double        end_hour)
{
  GtkWidget *block = korak_week_view_get_block_for_id (f->view, id);
  int n_hours = korak_week_view_get_last_hour (f->view) - korak_week_view_get_first_hour (f->view);
  graphene_rect_t area, bounds;
  double hour_height, top, bottom;

  g_assert_true (korak_week_view_get_day_area (f->view, weekday, &area));
  g_assert_true (gtk_widget_compute_bounds (block, GTK_WIDGET (f->view), &bounds));

  hour_height = area.size.height / n_hours;
  g_assert_cmpfloat (hour_height, >=, 48);
  top = area.origin.y + (start_hour - korak_week_view_get_first_hour (f->view)) * hour_height;
  bottom = area.origin.y + (end_hour - korak_week_view_get_first_hour (f->view)) * hour_height;

  /* Inside its day's column … */
  g_assert_cmpfloat (bounds.origin.x, >=, area.origin.x);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, area.origin.x + area.size.width);
  /* … from its start to its end, give or take the few pixels between blocks. */
  g_assert_cmpfloat (ABS (bounds.origin.y - top), <=, 3);
  g_assert_cmpfloat (ABS (bounds.origin.y + bounds.size.height - bottom), <=, 3);
}

static void
test_week_view_geometry (Fixture       *f,
                         gconstpointer  data)
{
  graphene_rect_t monday, tuesday, wednesday, wednesday_a, wednesday_b;

  assert_block_in_hours (f, 101, G_DATE_MONDAY, 9, 13);
  assert_block_in_hours (f, 102, G_DATE_MONDAY, 14, 15);
  assert_block_in_hours (f, 105, G_DATE_THURSDAY, 8, 12);

  g_assert_true (korak_week_view_get_day_area (f->view, G_DATE_MONDAY, &monday));
  g_assert_true (korak_week_view_get_day_area (f->view, G_DATE_TUESDAY, &tuesday));
  g_assert_cmpfloat (monday.origin.x + monday.size.width, <=, tuesday.origin.x + 0.5);
  g_assert_cmpfloat (monday.origin.x, >, 0);   /* the hour labels are left of it */

  /* Overlapping sessions of a day share it: the later one takes the right
   * half, over the longer one, whose title and time stay in sight. */
  g_assert_true (gtk_widget_compute_bounds (korak_week_view_get_block_for_id (f->view, 103), GTK_WIDGET (f->view), &wednesday_a));
  g_assert_true (gtk_widget_compute_bounds (korak_week_view_get_block_for_id (f->view, 104), GTK_WIDGET (f->view), &wednesday_b));
  g_assert_true (korak_week_view_get_day_area (f->view, G_DATE_WEDNESDAY, &wednesday));
  g_assert_cmpfloat (ABS (wednesday_b.origin.y - (wednesday_a.origin.y + 2 * wednesday.size.height / 10)), <=, 3);
  g_assert_cmpfloat (wednesday_b.origin.x, >=, wednesday.origin.x + wednesday.size.width / 2);
  g_assert_cmpfloat (wednesday_a.origin.x, <, wednesday.origin.x + wednesday.size.width / 2);
  g_assert_cmpfloat (wednesday_a.size.width, >, wednesday.size.width / 2);
}

static void
test_week_view_accessible (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *block = korak_week_view_get_block_for_id (f->view, 101);
  KorakSession *session = korak_week_view_get_widget_session (block);
  const char *label = korak_week_view_get_accessible_label (block);
  const char *tooltip = gtk_widget_get_tooltip_text (block);

  g_assert_nonnull (label);
  g_assert_cmpstr (label, ==, korak_session_get_accessible_description (session));
  g_assert_true (g_str_has_prefix (label, "Monday 23 November, 9:00–13:00, Computer skills, "));
  g_assert_nonnull (strstr (label, ", Room 2, "));
  g_assert_nonnull (strstr (label, "led by Maja Kovač"));
  g_assert_true (g_str_has_suffix (label, ", 8 of 10 present"));
  g_assert_cmpstr (tooltip, ==, label);

  /* Titles fall back to the kind; cancellations are said. */
  label = korak_week_view_get_accessible_label (korak_week_view_get_block_for_id (f->view, 102));
  g_assert_true (g_str_has_prefix (label, "Monday 23 November, 14:00–15:00, Individual hour with Amina Hodžić, "));
  label = korak_week_view_get_accessible_label (korak_week_view_get_block_for_id (f->view, 108));
  g_assert_nonnull (strstr (label, "Work practice at Vrtnarstvo Zeleni"));
  label = korak_week_view_get_accessible_label (korak_week_view_get_block_for_id (f->view, 106));
  g_assert_true (g_str_has_suffix (label, ", cancelled: Mentor ill"));
  label = korak_week_view_get_accessible_label (korak_week_view_get_block_for_id (f->view, 103));
  g_assert_true (g_str_has_suffix (label, ", 7 of 10 present, 1 not marked"));
  label = korak_week_view_get_accessible_label (korak_week_view_get_block_for_id (f->view, 105));
  g_assert_true (g_str_has_suffix (label, ", 10 people expected"));

  /* The badge on the block. */
  g_assert_cmpstr (korak_session_get_attendance_badge (session), ==, "8/10");
}

static void
test_week_view_weekend (Fixture       *f,
                        gconstpointer  data)
{
  static const SessionSpec saturday = {
    110, "2026-11-28", "09:00", "19:30", "visit", "Open day at the employment service", "work",
    NULL, "Zavod za zaposlovanje", NULL, NULL, NULL, 10, 0, 0
  };
  g_autoptr(KorakSession) session = make_session (&saturday);
  graphene_rect_t friday, sat;

  g_assert_false (korak_week_view_get_day_visible (f->view, G_DATE_SATURDAY));
  g_assert_false (korak_week_view_get_day_visible (f->view, G_DATE_SUNDAY));
  g_assert_false (korak_week_view_get_day_area (f->view, G_DATE_SATURDAY, &sat));
  g_assert_true (korak_week_view_get_day_visible (f->view, G_DATE_FRIDAY));

  /* The model changes: the view follows, with a Saturday column and a
   * longer day. */
  g_list_store_append (f->store, session);
  spin (100);

  g_assert_cmpuint (korak_week_view_get_n_blocks (f->view), ==, N_SHOWN + 1);
  g_assert_true (korak_week_view_get_day_visible (f->view, G_DATE_SATURDAY));
  g_assert_false (korak_week_view_get_day_visible (f->view, G_DATE_SUNDAY));
  g_assert_cmpint (korak_week_view_get_last_hour (f->view), ==, 20);
  g_assert_true (korak_week_view_get_day_area (f->view, G_DATE_FRIDAY, &friday));
  g_assert_true (korak_week_view_get_day_area (f->view, G_DATE_SATURDAY, &sat));
  g_assert_cmpfloat (sat.origin.x, >, friday.origin.x);
  assert_block_in_hours (f, 110, G_DATE_SATURDAY, 9, 19.5);

  g_list_store_remove (f->store, g_list_model_get_n_items (G_LIST_MODEL (f->store)) - 1);
  spin (100);
  g_assert_false (korak_week_view_get_day_visible (f->view, G_DATE_SATURDAY));
  g_assert_cmpint (korak_week_view_get_last_hour (f->view), ==, 18);
}

static gboolean
has_activated (gpointer data)
{
  Fixture *f = data;

  return f->n_activated > 0;
}

static void
test_week_view_activate (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *block = korak_week_view_get_block_for_id (f->view, 103);

  /* Enter and Space activate a focused button; a click emits clicked. */
  g_assert_true (gtk_widget_grab_focus (block));
  g_assert_true (gtk_widget_activate (block));
  wait_until (has_activated, f);   /* a button shows itself pressed for a moment first */
  g_assert_cmpuint (f->n_activated, ==, 1);
  g_assert_cmpint (korak_session_get_id (f->activated), ==, 103);

  g_signal_emit_by_name (korak_week_view_get_block_for_id (f->view, 106), "clicked");
  g_assert_cmpuint (f->n_activated, ==, 2);
  g_assert_cmpint (korak_session_get_id (f->activated), ==, 106);
}

static gint64
focused_id (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  KorakSession *session = focus ? korak_week_view_get_widget_session (focus) : NULL;

  return session ? korak_session_get_id (session) : 0;
}

static void
test_week_view_keyboard (Fixture       *f,
                         gconstpointer  data)
{
  g_assert_true (gtk_widget_grab_focus (korak_week_view_get_block_for_id (f->view, 101)));
  g_assert_cmpint (focused_id (f), ==, 101);

  /* Down and up within a day. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "week.focus-down", NULL);
  g_assert_cmpint (focused_id (f), ==, 102);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "week.focus-down", NULL);
  g_assert_cmpint (focused_id (f), ==, 102);   /* the last of Monday */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "week.focus-up", NULL);
  g_assert_cmpint (focused_id (f), ==, 101);

  /* Right and left across days, to what overlaps most. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "week.focus-right", NULL);
  g_assert_cmpint (focused_id (f), ==, 107);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "week.focus-right", NULL);
  g_assert_cmpint (focused_id (f), ==, 103);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "week.focus-down", NULL);
  g_assert_cmpint (focused_id (f), ==, 104);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "week.focus-left", NULL);
  g_assert_cmpint (focused_id (f), ==, 107);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "week.focus-left", NULL);
  g_assert_cmpint (focused_id (f), ==, 101);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "week.focus-left", NULL);
  g_assert_cmpint (focused_id (f), ==, 101);   /* nothing before Monday */

  /* Tab goes day by day: Monday's afternoon before Tuesday. */
  g_assert_true (gtk_widget_child_focus (f->window, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (focused_id (f), ==, 102);
  g_assert_true (gtk_widget_child_focus (f->window, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (focused_id (f), ==, 107);
  g_assert_true (gtk_widget_child_focus (f->window, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpint (focused_id (f), ==, 102);

  /* The window's own arrow-key focus moves take the same paths. */
  g_assert_true (gtk_widget_child_focus (f->window, GTK_DIR_UP));
  g_assert_cmpint (focused_id (f), ==, 101);
  g_assert_true (gtk_widget_child_focus (f->window, GTK_DIR_RIGHT));
  g_assert_cmpint (focused_id (f), ==, 107);
  g_assert_true (gtk_widget_child_focus (f->window, GTK_DIR_LEFT));
  g_assert_true (gtk_widget_child_focus (f->window, GTK_DIR_DOWN));
  g_assert_cmpint (focused_id (f), ==, 102);

  /* A model change keeps the focus on the same session. */
  {
    g_autoptr(KorakSession) extra = make_session (&week[G_N_ELEMENTS (week) - 1]);

    g_list_store_append (f->store, extra);
    g_assert_cmpint (focused_id (f), ==, 102);
  }
}

static gboolean
is_narrow (gpointer data)
{
  Fixture *f = data;

  return korak_week_view_get_narrow (f->view) &&
         gtk_widget_get_mapped (korak_week_view_get_row_for_id (f->view, 101));
}

static void
test_week_view_narrow (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *row, *list, *next;

  wait_until (is_narrow, f);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), <, 600);

  /* The grid is gone, the rows are there. */
  g_assert_false (gtk_widget_get_mapped (korak_week_view_get_block_for_id (f->view, 101)));
  for (guint i = 0; i < N_SHOWN; i++)
    {
      row = korak_week_view_get_row_for_id (f->view, week[i].id);

      g_assert_true (GTK_IS_LIST_BOX_ROW (row));
      g_assert_true (gtk_widget_get_mapped (row));
      g_assert_true (gtk_widget_get_focusable (row));
      g_assert_cmpstr (korak_week_view_get_accessible_label (row), ==,
                       korak_week_view_get_accessible_label (korak_week_view_get_block_for_id (f->view, week[i].id)));
    }
  g_assert_null (korak_week_view_get_row_for_id (f->view, 109));

  /* Grouped by day, in time order: Monday holds 101 then 102 and nothing else. */
  row = korak_week_view_get_row_for_id (f->view, 101);
  list = gtk_widget_get_parent (row);
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)) == row);
  next = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_true (next == korak_week_view_get_row_for_id (f->view, 102));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  g_assert_true (gtk_widget_get_parent (korak_week_view_get_row_for_id (f->view, 103)) ==
                 gtk_widget_get_parent (korak_week_view_get_row_for_id (f->view, 104)));
  g_assert_true (gtk_widget_get_parent (korak_week_view_get_row_for_id (f->view, 103)) != list);

  /* Rows activate like blocks. */
  g_assert_true (gtk_widget_grab_focus (korak_week_view_get_row_for_id (f->view, 105)));
  gtk_widget_activate (korak_week_view_get_row_for_id (f->view, 105));
  g_assert_cmpuint (f->n_activated, ==, 1);
  g_assert_cmpint (korak_session_get_id (f->activated), ==, 105);
}

static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  const char *dir = g_getenv ("KORAK_TEST_SCREENSHOTS");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;

  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  spin (200);
  g_assert_true (korak_save_screenshot (f->window, path, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
}

static void
test_week_view_screenshot (Fixture       *f,
                           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_getenv ("KORAK_TEST_SCREENSHOTS") == NULL)
    {
      g_test_skip ("KORAK_TEST_SCREENSHOTS is not set");
      return;
    }

  if (data != NULL)
    {
      /* A full week at a small window: a Saturday and a short session. */
      static const SessionSpec extra[] = {
        { 120, "2026-11-28", "09:00", "12:00", "visit", "Market day at the community garden", "work", NULL, "Community garden", NULL, NULL, NULL, 6, 0, 0 },
        { 121, "2026-11-24", "13:00", "13:30", "individual", NULL, NULL, "Mojca Kralj", "Phone", NULL, NULL, NULL, 1, 0, 0 },
      };

      for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
        {
          g_autoptr(KorakSession) session = make_session (&extra[i]);
          g_list_store_append (f->store, session);
        }
    }

  gtk_widget_grab_focus (korak_week_view_get_block_for_id (f->view, 103));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_screenshot (f, data ? "week-view-compact-light.png" :
                      korak_week_view_get_narrow (f->view) ? "week-view-narrow-light.png" : "week-view-light.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->view), "dark"));
  save_screenshot (f, data ? "week-view-compact-dark.png" :
                      korak_week_view_get_narrow (f->view) ? "week-view-narrow-dark.png" : "week-view-dark.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (f->view), "dark"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  korak_ui_ensure_resources ();

  /* The application loads style.css itself; the tests have no application. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/korak/Korak/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/ui/week-view/blocks", Fixture, NULL, fixture_set_up, test_week_view_blocks, fixture_tear_down);
  g_test_add ("/ui/week-view/geometry", Fixture, NULL, fixture_set_up, test_week_view_geometry, fixture_tear_down);
  g_test_add ("/ui/week-view/accessible-label", Fixture, NULL, fixture_set_up, test_week_view_accessible, fixture_tear_down);
  g_test_add ("/ui/week-view/weekend-hidden", Fixture, NULL, fixture_set_up, test_week_view_weekend, fixture_tear_down);
  g_test_add ("/ui/week-view/activate", Fixture, NULL, fixture_set_up, test_week_view_activate, fixture_tear_down);
  g_test_add ("/ui/week-view/keyboard", Fixture, NULL, fixture_set_up, test_week_view_keyboard, fixture_tear_down);
  g_test_add ("/ui/week-view/narrow-day-list", Fixture, NULL, fixture_set_up_narrow, test_week_view_narrow, fixture_tear_down);
  g_test_add ("/ui/week-view/screenshot-wide", Fixture, NULL, fixture_set_up, test_week_view_screenshot, fixture_tear_down);
  g_test_add ("/ui/week-view/screenshot-narrow", Fixture, NULL, fixture_set_up_narrow, test_week_view_screenshot, fixture_tear_down);
  g_test_add ("/ui/week-view/screenshot-compact", Fixture, "compact", fixture_set_up_compact, test_week_view_screenshot, fixture_tear_down);

  return g_test_run ();
}
