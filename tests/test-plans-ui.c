/* test-plans-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Individual plans, the journal, ending an enrolment and the Today page,
 * driven through the real widgets as a mentor would. Runs under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "korak-date.h"
#include "korak-exit-dialog.h"
#include "korak-follow-up-dialog.h"
#include "korak-journal-page.h"
#include "korak-plan-page.h"
#include "korak-schedule.h"
#include "korak-store-private.h"
#include "korak-today-page.h"
#include "korak-ui-util.h"

#define ANA 5001

typedef struct
{
  char       *dir;
  KorakStore *store;
  char       *today;
} Fixture;


static gboolean today_loaded (gpointer page);

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (g_getenv ("KORAK_TEST_SCREENSHOTS") == NULL)
    return;
  path = g_build_filename (g_getenv ("KORAK_TEST_SCREENSHOTS"), name, NULL);
  spin (300);
  korak_save_screenshot (widget, path, &error);
  g_assert_no_error (error);
}

static void
collect (GtkWidget  *widget,
         const char *name,
         GType       type,
         const char *title,
         GPtrArray  *out)
{
  if ((name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0) &&
      (type == G_TYPE_INVALID || g_type_is_a (G_OBJECT_TYPE (widget), type)) &&
      (title == NULL || (ADW_IS_PREFERENCES_ROW (widget) &&
                         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, name, type, title, out);
}

static GPtrArray *
find_all (gpointer    root,
          const char *name)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, name, G_TYPE_INVALID, NULL, out);
  return out;
}

static GtkWidget *
find_titled (gpointer    root,
             GType       type,
             const char *title)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  collect (root, NULL, type, title, out);
  g_assert_cmpuint (out->len, ==, 1);
  return g_ptr_array_index (out, 0);
}

static GtkWidget *
nth (gpointer    root,
     const char *name,
     guint       index)
{
  g_autoptr(GPtrArray) all = find_all (root, name);

  g_assert_cmpuint (all->len, >, index);
  return g_ptr_array_index (all, index);
}

static void
type_into (GtkWidget  *editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  spin (5);
}

static GtkWidget *
window_with (GtkWidget *child,
             int        width,
             int        height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (child, TRUE);
  gtk_box_append (GTK_BOX (box), child);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  return window;
}

static void
exec_ok (KorakStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  korak_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

/* Ana, enrolled in a cohort that began eight months ago; a session today. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *sql = NULL;

  f->dir = g_dir_make_tmp ("korak-plans-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (path, &error);
  g_assert_no_error (error);

  f->today = korak_date_today ();
  start = korak_date_add_months (f->today, -8);
  end = korak_date_add_months (f->today, 1);
  sql = g_strdup_printf ("INSERT INTO programme (id, name) VALUES (21, 'Socialna aktivacija');"
                         "INSERT INTO cohort (id, programme_id, name, start_date, end_date) VALUES (31, 21, 'Kranj', '%s', '%s');"
                         "INSERT INTO module (id, cohort_id, ordinal, kind, start_date, end_date) VALUES (41, 31, 1, 'workshops', '%s', '%s');"
                         "INSERT INTO participant (id, given_name, family_name, status) VALUES (5001, 'Ana', 'Horvat', 'active');"
                         "INSERT INTO session (id, cohort_id, module_id, date, start_time, end_time, place) "
                         "  VALUES (71, 31, 41, '%s', '09:00', '13:00', 'Community hall');",
                         start, end, start, end, f->today);
  exec_ok (f->store, sql);
  g_assert_true (korak_store_enrol (f->store, ANA, 31, start, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (korak_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->store);
  spin (20);
  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->today);
}

static void
on_changed_cb (GtkWidget *widget,
               int       *count)
{
  (*count)++;
}

static void
write_plan (Fixture *f)
{
  GtkWidget *page = g_object_new (KORAK_TYPE_PLAN_PAGE, NULL);
  GtkWidget *window = window_with (page, 900, 1400);
  g_autoptr(KorakPlanRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  KorakGoalRecord *goal;
  int changed = 0;

  g_signal_connect (page, "changed", G_CALLBACK (on_changed_cb), &changed);
  korak_plan_page_set_participant (KORAK_PLAN_PAGE (page), f->store, ANA);
  g_assert_null (korak_plan_page_get_error (KORAK_PLAN_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (korak_plan_model_get_goals (korak_plan_page_get_model (KORAK_PLAN_PAGE (page)))), ==, 0);
  screenshot (window, "plan-empty.png");

  /* The diagnosis and a barrier. */
  type_into (find_titled (page, ADW_TYPE_ENTRY_ROW, "Interests"), "Sewing, cooking for the family");
  type_into (find_titled (page, ADW_TYPE_ENTRY_ROW, "Strengths"), "Patient, good with children");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (nth (page, "barrier-childcare", 0)), TRUE);
  type_into (nth (nth (page, "barrier-childcare", 0), "barrier-remark", 0), "Two children under six");

  /* Goal 1, with two steps. */
  g_assert_true (gtk_widget_activate_action (page, "plan.add-goal", NULL));
  type_into (nth (page, "goal-description", 0), "Make a phone call to an office alone");
  type_into (nth (page, "goal-target-date", 0), "1. 3. 2027");
  type_into (nth (page, "step-description", 0), "Practise the call with the mentor");
  type_into (nth (page, "step-due", 0), "2027-01-15");
  g_signal_emit_by_name (nth (page, "goal-add-step", 0), "clicked");
  type_into (nth (page, "step-description", 1), "Call the library about a card");

  /* Goal 2, in the work area, one step. */
  g_assert_true (gtk_widget_activate_action (page, "plan.add-goal", NULL));
  type_into (nth (page, "goal-description", 1), "Find a work practice in sewing");
  adw_combo_row_set_selected (ADW_COMBO_ROW (nth (page, "goal-area", 1)), 2);      /* work */
  adw_combo_row_set_selected (ADW_COMBO_ROW (nth (page, "goal-status", 1)), 1);    /* in progress */
  type_into (nth (page, "step-description", 2), "Write a CV");

  /* A wrong date is refused with a message and nothing stored. */
  type_into (find_titled (page, ADW_TYPE_ENTRY_ROW, "Next review"), "31. 2. 2027");
  g_assert_true (gtk_widget_activate_action (page, "plan.save", NULL));
  g_assert_nonnull (korak_plan_page_get_error (KORAK_PLAN_PAGE (page)));
  g_assert_nonnull (strstr (korak_plan_page_get_error (KORAK_PLAN_PAGE (page)), "next review date"));
  g_assert_cmpint (changed, ==, 0);
  g_assert_cmpint (korak_store_count_rows (f->store, "plan", NULL), ==, 0);

  type_into (find_titled (page, ADW_TYPE_ENTRY_ROW, "Next review"), f->today);
  g_assert_true (gtk_widget_activate_action (page, "plan.save", NULL));
  g_assert_null (korak_plan_page_get_error (KORAK_PLAN_PAGE (page)));
  g_assert_cmpint (changed, ==, 1);
  g_assert_false (korak_plan_page_has_changes (KORAK_PLAN_PAGE (page)));

  stored = korak_store_get_plan (f->store, ANA, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->interests, ==, "Sewing, cooking for the family");
  g_assert_true (korak_plan_record_get_barrier (stored, "childcare")->checked);
  g_assert_cmpstr (korak_plan_record_get_barrier (stored, "childcare")->remark, ==, "Two children under six");
  g_assert_cmpuint (stored->goals->len, ==, 2);
  goal = g_ptr_array_index (stored->goals, 0);
  g_assert_cmpstr (goal->description, ==, "Make a phone call to an office alone");
  g_assert_cmpstr (goal->target_date, ==, "2027-03-01");
  g_assert_cmpuint (goal->steps->len, ==, 2);
  g_assert_cmpstr (((KorakGoalStepRecord *)g_ptr_array_index (goal->steps, 0))->due_date, ==, "2027-01-15");
  g_assert_cmpstr (((KorakGoalStepRecord *)g_ptr_array_index (goal->steps, 1))->description, ==, "Call the library about a card");
  goal = g_ptr_array_index (stored->goals, 1);
  g_assert_cmpstr (goal->area, ==, "work");
  g_assert_cmpstr (goal->status, ==, "in_progress");
  g_assert_cmpuint (goal->steps->len, ==, 1);

  /* A review: the first step done; the history lists both. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nth (page, "step-done", 0)), TRUE);
  g_assert_true (gtk_widget_activate_action (page, "plan.review", NULL));
  g_assert_null (korak_plan_page_get_error (KORAK_PLAN_PAGE (page)));
  {
    g_autoptr(GPtrArray) history = find_all (page, "history");

    g_assert_cmpuint (history->len, ==, 2);
  }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (nth (page, "goal", 0)), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (nth (page, "history", 0)), TRUE);
  screenshot (window, "plan.png");
  /* Scrolled down to the goals, the trainings and the history. */
  g_assert_true (gtk_widget_activate_action (page, "plan.add-activity", NULL));
  gtk_widget_grab_focus (nth (page, "goal-add-step", 0));
  spin (100);
  screenshot (window, "plan-goals.png");
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (nth (page, "history", 0), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    spin (100);
  }
  screenshot (window, "plan-history.png");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  spin (200);
  screenshot (window, "plan-360.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
entry_has_focus (gpointer page)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (page));

  return focus != NULL && GTK_IS_TEXT (focus) && gtk_widget_get_ancestor (focus, KORAK_TYPE_JOURNAL_PAGE) == page;
}

static void
add_small_win (Fixture *f)
{
  GtkWidget *page = g_object_new (KORAK_TYPE_JOURNAL_PAGE, NULL);
  GtkWidget *window = window_with (page, 700, 600);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *focus;

  korak_journal_page_set_participant (KORAK_JOURNAL_PAGE (page), f->store, ANA);
  g_assert_cmpuint (g_list_model_get_n_items (korak_journal_page_get_model (KORAK_JOURNAL_PAGE (page))), ==, 0);
  screenshot (window, "journal-empty.png");

  /* The shortcut's action puts the cursor on the one line. */
  g_assert_true (gtk_widget_activate_action (page, "journal.quick-add", NULL));
  wait_until (entry_has_focus, page);
  focus = gtk_root_get_focus (gtk_widget_get_root (page));
  gtk_editable_set_text (GTK_EDITABLE (focus), "Made the phone call to the landlord alone");
  /* Enter */
  g_signal_emit_by_name (focus, "activate");
  spin (20);
  g_assert_null (korak_journal_page_get_error (KORAK_JOURNAL_PAGE (page)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (korak_journal_page_get_model (KORAK_JOURNAL_PAGE (page))), ==, 1);

  /* Enter on an empty line says what to write, and stores nothing. */
  g_signal_emit_by_name (focus, "activate");
  g_assert_nonnull (korak_journal_page_get_error (KORAK_JOURNAL_PAGE (page)));
  g_assert_cmpint (korak_store_count_rows (f->store, "journal_entry", NULL), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (focus), "Came to every session this week");
  g_signal_emit_by_name (focus, "activate");
  g_assert_null (korak_journal_page_get_error (KORAK_JOURNAL_PAGE (page)));

  rows = find_all (page, "journal-entry");
  g_assert_cmpuint (rows->len, ==, 2);
  /* Newest first. */
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "Came to every session this week");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)), ==, "Small win");
  screenshot (window, "journal.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  spin (200);
  screenshot (window, "journal-360.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_done_cb (KorakExitDialog *dialog,
            gint64           enrolment_id,
            gint64          *out)
{
  *out = enrolment_id;
}

static gboolean
is_destroyed (gpointer weak_location)
{
  return *(gpointer *)weak_location == NULL;
}

static void
end_enrolment (Fixture    *f,
               const char *exit_date)
{
  GtkWidget *parent = window_with (gtk_label_new (""), 600, 500);
  KorakExitDialog *dialog = korak_exit_dialog_open (GTK_WINDOW (parent), f->store, ANA);
  gpointer weak = dialog;
  GtkWidget *positive;
  gint64 enrolment_id = 0;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_connect (dialog, "done", G_CALLBACK (on_done_cb), &enrolment_id);
  wait_until (is_mapped, dialog);

  /* A date before the enrolment is refused inline. */
  type_into (find_titled (dialog, ADW_TYPE_ENTRY_ROW, "Exit date"), "1. 1. 2000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "exit.confirm", NULL));
  g_assert_nonnull (korak_exit_dialog_get_error (dialog));
  g_assert_cmpint (enrolment_id, ==, 0);

  type_into (find_titled (dialog, ADW_TYPE_ENTRY_ROW, "Exit date"), exit_date);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_titled (dialog, ADW_TYPE_COMBO_ROW, "Reason")), 2);  /* further training */
  positive = find_titled (dialog, ADW_TYPE_ACTION_ROW, "Counts as a positive exit");
  {
    g_autoptr(GPtrArray) switches = g_ptr_array_new ();

    collect (positive, NULL, GTK_TYPE_SWITCH, NULL, switches);
    g_assert_cmpuint (switches->len, ==, 1);
    g_assert_true (gtk_switch_get_active (g_ptr_array_index (switches, 0)));
  }
  type_into (find_titled (dialog, ADW_TYPE_ENTRY_ROW, "Outcome, e.g. employer or school (optional)"),
             "Sewing course at the adult education centre");
  screenshot (GTK_WIDGET (dialog), "exit-dialog.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "exit.confirm", NULL));
  g_assert_cmpint (enrolment_id, !=, 0);
  wait_until (is_destroyed, &weak);

  follow_ups = korak_store_list_follow_ups (f->store, ANA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (follow_ups->len, ==, 2);
  g_assert_cmpstr (((KorakFollowUpRecord *)g_ptr_array_index (follow_ups, 0))->exit_reason, ==, "further_training");
  gtk_window_destroy (GTK_WINDOW (parent));
}

static void
on_open_cb (KorakTodayPage *page,
            const char     *kind,
            gint64          id,
            char          **out)
{
  g_free (*out);
  *out = g_strdup_printf ("%s %" G_GINT64_FORMAT, kind, id);
}

static void
find_follow_up_today (Fixture *f)
{
  GtkWidget *page = g_object_new (KORAK_TYPE_TODAY_PAGE, "show-sidebar-button", TRUE, NULL);
  GtkWidget *window = window_with (page, 900, 1000);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) follow_ups = korak_store_list_follow_ups (f->store, ANA, NULL);
  g_autofree char *opened = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *row;

  /* The Today page is the window's own content here, so hide the extra header. */
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (page), FALSE);
  g_signal_connect (page, "open", G_CALLBACK (on_open_cb), &opened);
  korak_today_page_set_store (KORAK_TODAY_PAGE (page), f->store);
  g_assert_true (korak_today_page_get_loading (KORAK_TODAY_PAGE (page)));
  wait_until (today_loaded, page);

  rows = find_all (page, "today-follow-up");
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Ana Horvat");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Follow-up after the programme");
  collect (row, NULL, GTK_TYPE_LABEL, NULL, labels);
  {
    g_autofree char *due = korak_date_add_months (((KorakFollowUpRecord *)g_ptr_array_index (follow_ups, 0))->exit_date, 3);
    gboolean found = FALSE;

    /* Due today, unless today is a month end three months back cannot reach
     * (31 May: 28 February + 3 months is 28 May): then it shows as overdue. */
    for (guint i = 0; i < labels->len; i++)
      found |= g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), "Today") == 0 ||
               (g_strcmp0 (due, f->today) != 0 &&
                g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), "Overdue"));
    g_assert_true (found);
  }

  /* The other sections: today's session, the small wins, no review (Ana left). */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_all (page, "today-session");
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_all (page, "today-small-win");
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_all (page, "today-review");
  g_assert_cmpuint (rows->len, ==, 0);

  /* Activating the row asks the window to open that follow-up. */
  g_signal_emit_by_name (row, "activated");
  expected = g_strdup_printf ("follow-up %" G_GINT64_FORMAT,
                              ((KorakFollowUpRecord *)g_ptr_array_index (follow_ups, 0))->id);
  g_assert_cmpstr (opened, ==, expected);

  screenshot (window, "today.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 1000);
  spin (200);
  screenshot (window, "today-360.png");

  /* What the window does with it: record the follow-up; Today drops it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KorakFollowUpRecord) back = NULL;
    gint64 id = ((KorakFollowUpRecord *)g_ptr_array_index (follow_ups, 0))->id;
    KorakFollowUpDialog *dialog = korak_follow_up_dialog_new (GTK_WINDOW (window), f->store, id, &error);
    gpointer weak = dialog;

    g_assert_no_error (error);
    g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
    gtk_window_present (GTK_WINDOW (dialog));
    wait_until (is_mapped, dialog);
    adw_combo_row_set_selected (ADW_COMBO_ROW (find_titled (dialog, ADW_TYPE_COMBO_ROW, "Employment status")), 0);
    type_into (find_titled (dialog, ADW_TYPE_ENTRY_ROW, "Situation"), "Works part time at a sewing workshop");
    screenshot (GTK_WIDGET (dialog), "follow-up-dialog.png");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "follow-up.save", NULL));
    wait_until (is_destroyed, &weak);

    back = korak_store_get_follow_up (f->store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (back->done_date, ==, f->today);
    g_assert_cmpstr (back->employment_status, ==, "employed");
    korak_today_page_reload (KORAK_TODAY_PAGE (page));
    wait_until (today_loaded, page);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = find_all (page, "today-follow-up");
    g_assert_cmpuint (rows->len, ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_plan_journal_exit_today (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *exit_date = korak_date_add_months (f->today, -3);
  g_autofree char *typed = NULL;
  int y, m, d;

  write_plan (f);
  add_small_win (f);

  /* Follow-ups are due three months after the exit: leave three months ago,
   * typed the Slovenian way. */
  g_assert_cmpint (sscanf (exit_date, "%4d-%2d-%2d", &y, &m, &d), ==, 3);
  typed = g_strdup_printf ("%d. %d. %d", d, m, y);
  end_enrolment (f, typed);
  find_follow_up_today (f);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  korak_ui_ensure_resources ();

  g_test_add ("/ui/plans/plan-journal-exit-today", Fixture, NULL, fixture_set_up,
              test_plan_journal_exit_today, fixture_tear_down);

  return g_test_run ();
}

static gboolean
today_loaded (gpointer page)
{
  return !korak_today_page_get_loading (page);
}
