/* test-progress-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Progress tab of a participant's profile, driven as a mentor would:
 * the New Assessment dialog typed into digit by digit, the list, the star
 * chart's accessible description, delete and undo. Runs under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "korak-assessment-dialog.h"
#include "korak-cohort-progress-window.h"
#include "korak-participants-page.h"
#include "korak-preferences-window.h"
#include "korak-profile-page.h"
#include "korak-progress-page.h"
#include "korak-store-private.h"
#include "korak-ui-util.h"
#include "korak-window.h"

typedef struct
{
  char                  *dir;
  char                  *path;
  KorakWindow           *window;
  KorakParticipantsPage *page;
  KorakParticipantList  *list;
} Fixture;

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_null (gpointer pointer_location)
{
  return *(gpointer *)pointer_location == NULL;
}

static gboolean
is_loaded (gpointer window)
{
  return korak_window_get_loaded (window);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("korak-progress-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);

  f->window = korak_window_new (NULL, f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_mapped, f->window);
  wait_until (is_loaded, f->window);
  /* The window opens on Today; these tests are about a profile. */
  korak_window_show_view (f->window, "participants");

  f->page = korak_window_get_participants_page (f->window);
  f->list = korak_participants_page_get_model (f->page);
  g_assert_nonnull (f->list);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static KorakAssessmentDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KORAK_IS_ASSESSMENT_DIALOG (window))
        return KORAK_ASSESSMENT_DIALOG (window);
    }
  return NULL;
}

static guint
count_rows (GtkListBox *box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (box, n) != NULL)
    n++;
  return n;
}

static gboolean
has_focus_in (KorakAssessmentDialog *dialog,
              GtkWidget             *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
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

/* A participant in a running cohort with some hours attended. */
static KorakParticipant *
add_participant (Fixture *f)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  KorakParticipant *participant;
  KorakStore *store = korak_participant_list_get_store (f->list);

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, "Ana");
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, "Horvat");
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
  participant = korak_participant_list_add (f->list, record, &error);
  g_assert_no_error (error);
  g_assert_nonnull (participant);

  sql = g_strdup_printf ("INSERT INTO staff (id, given_name, family_name, role) VALUES (11, 'Maja', 'Novak', 'mentor');"
                         "INSERT INTO programme (id, name, required_hours) VALUES (21, 'Socialna aktivacija', 312);"
                         "INSERT INTO cohort (id, programme_id, name, start_date) VALUES (31, 21, 'Kranj', '2026-01-05');"
                         "INSERT INTO module (id, cohort_id, ordinal, kind, start_date, end_date) VALUES "
                         "  (41, 31, 1, 'workshops', '2026-01-05', '2026-03-29'),"
                         "  (42, 31, 2, 'work_practice', '2026-03-30', '2026-06-28');"
                         "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, end_date, status) VALUES "
                         "  (61, %1$" G_GINT64_FORMAT ", 31, '2026-01-05', '2026-06-28', 'completed');"
                         "INSERT INTO session (id, cohort_id, date, start_time, end_time) VALUES "
                         "  (71, 31, '2026-01-06', '09:00', '13:00'), (72, 31, '2026-01-08', '09:00', '13:00'),"
                         "  (73, 31, '2026-01-13', '09:00', '13:00'), (74, 31, '2026-02-10', '09:00', '13:00');"
                         "INSERT INTO attendance (id, session_id, participant_id, state, hours) VALUES "
                         "  (81, 71, %1$" G_GINT64_FORMAT ", 'present', 4), (82, 72, %1$" G_GINT64_FORMAT ", 'late', 3),"
                         "  (83, 73, %1$" G_GINT64_FORMAT ", 'present', 4), (84, 74, %1$" G_GINT64_FORMAT ", 'present', 4);",
                         korak_participant_get_id (participant));
  korak_store_exec (store, sql, &error);
  g_assert_no_error (error);
  return participant;
}

static KorakAssessmentDialog *
open_dialog (KorakProgressPage *progress)
{
  KorakAssessmentDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (progress), "progress.new-assessment", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);
  return dialog;
}

static void
test_progress_enter_assessment (Fixture       *f,
                                gconstpointer  data)
{
  KorakProfilePage *profile = korak_participants_page_get_profile (f->page);
  KorakParticipant *participant = add_participant (f);
  KorakProgressPage *progress;
  KorakAssessmentDialog *dialog;
  GtkListBox *list_box;
  const char *description;
  g_autofree char *check = NULL;

  g_assert_true (korak_profile_page_show (profile, participant));
  korak_profile_page_set_view (profile, "progress");
  progress = korak_profile_page_get_progress_page (profile);
  wait_until (is_mapped, progress);
  list_box = korak_progress_page_get_list_box (progress);
  g_assert_cmpuint (count_rows (list_box), ==, 0);
  g_assert_nonnull (strstr (korak_progress_page_get_star_description (progress), "No assessments yet"));
  /* Attendance is there before any assessment: 7 hours in the first week. */
  g_assert_nonnull (korak_progress_page_get_attendance_description (progress));

  /* The intake, typed digit by digit: 3, 1-0 (ten), 1 then 5 (a one and a five), 7. */
  dialog = open_dialog (progress);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_cmpuint (korak_assessment_dialog_get_n_areas (dialog), ==, 10);
  g_assert_cmpuint (adw_combo_row_get_selected (korak_assessment_dialog_get_kind_row (dialog)), ==, 0);
  g_assert_true (has_focus_in (dialog, GTK_WIDGET (korak_assessment_dialog_get_score_button (dialog, 0))));

  korak_assessment_dialog_type_digit (dialog, 0, 3);
  g_assert_true (has_focus_in (dialog, GTK_WIDGET (korak_assessment_dialog_get_score_button (dialog, 1))));
  korak_assessment_dialog_type_digit (dialog, 1, 1);
  g_assert_true (has_focus_in (dialog, GTK_WIDGET (korak_assessment_dialog_get_score_button (dialog, 1))));
  korak_assessment_dialog_type_digit (dialog, 1, 0);
  g_assert_true (has_focus_in (dialog, GTK_WIDGET (korak_assessment_dialog_get_score_button (dialog, 2))));
  korak_assessment_dialog_type_digit (dialog, 2, 1);
  korak_assessment_dialog_type_digit (dialog, 2, 5);
  g_assert_true (has_focus_in (dialog, GTK_WIDGET (korak_assessment_dialog_get_score_button (dialog, 4))));
  korak_assessment_dialog_type_digit (dialog, 4, 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (korak_assessment_dialog_get_score_button (dialog, 0)), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (korak_assessment_dialog_get_score_button (dialog, 1)), ==, 10);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (korak_assessment_dialog_get_score_button (dialog, 2)), ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (korak_assessment_dialog_get_score_button (dialog, 3)), ==, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (korak_assessment_dialog_get_score_button (dialog, 4)), ==, 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (korak_assessment_dialog_get_score_button (dialog, 5)), ==, 0);
  gtk_editable_set_text (korak_assessment_dialog_get_remark (dialog, 0), "Shy in the group");

  /* A date in the future is refused and the dialog stays open. */
  gtk_editable_set_text (korak_assessment_dialog_get_date (dialog), "4. 1. 2999");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assessment.save", NULL));
  spin (20);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (korak_assessment_dialog_get_error (dialog), "future"));
  g_assert_cmpuint (count_rows (list_box), ==, 0);

  gtk_editable_set_text (korak_assessment_dialog_get_date (dialog), "2. 3. 2026");
  screenshot (GTK_WIDGET (dialog), "assessment-dialog.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assessment.save", NULL));
  wait_until (is_null, &dialog);

  /* In the list, and in the star chart's description: (3+10+1+5+7)/5 = 5.2. */
  g_assert_cmpuint (count_rows (list_box), ==, 1);
  description = korak_progress_page_get_star_description (progress);
  g_test_message ("star: %s", description);
  g_assert_nonnull (strstr (description, "Star chart of 10 areas"));
  g_assert_nonnull (strstr (description, "average 5.2"));
  check = gtk_test_accessible_check_property (GTK_ACCESSIBLE (korak_progress_page_get_star_area (progress)),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_null (check);

  /* A review: Communication from 3 to 8. */
  dialog = open_dialog (progress);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (korak_assessment_dialog_get_kind_row (dialog)), ==, 1);
  gtk_editable_set_text (korak_assessment_dialog_get_date (dialog), "27. 4. 2026");
  for (guint i = 0; i < 10; i++)
    korak_assessment_dialog_type_digit (dialog, i, i == 0 ? 8 : 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assessment.save", NULL));
  wait_until (is_null, &dialog);
  g_assert_cmpuint (count_rows (list_box), ==, 2);
  description = korak_progress_page_get_star_description (progress);
  g_test_message ("star: %s", description);
  g_assert_nonnull (strstr (description, "Communication"));
  g_assert_nonnull (strstr (description, "8"));
  g_assert_nonnull (strstr (korak_progress_page_get_line_description (progress), "") );

  spin (300);
  screenshot (GTK_WIDGET (f->window), "progress-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  spin (300);
  screenshot (GTK_WIDGET (f->window), "progress-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Delete the review, then undo. */
  {
    g_autoptr(KorakAssessmentItem) newest = g_list_model_get_item (G_LIST_MODEL (korak_progress_page_get_assessments (progress)), 0);

    g_assert_true (korak_progress_page_delete_assessment (progress, korak_assessment_item_get_id (newest)));
    g_assert_cmpuint (count_rows (list_box), ==, 1);
    g_assert_nonnull (korak_progress_page_get_undo_toast (progress));
    g_signal_emit_by_name (korak_progress_page_get_undo_toast (progress), "button-clicked");
    g_assert_cmpuint (count_rows (list_box), ==, 2);
  }
}

static void
test_progress_preferences_areas (Fixture       *f,
                                 gconstpointer  data)
{
  KorakStore *store = korak_participant_list_get_store (f->list);
  KorakPreferencesWindow *prefs;
  KorakAreaList *areas;
  g_autoptr(KorakAreaItem) first = NULL;
  g_autoptr(KorakAreaItem) second = NULL;
  g_autoptr(KorakAreaItem) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakAreaRecord) added = korak_area_record_new ();

  prefs = KORAK_PREFERENCES_WINDOW (korak_preferences_window_new (GTK_WINDOW (f->window), NULL));
  korak_preferences_window_set_store (prefs, store);
  gtk_window_present (GTK_WINDOW (prefs));
  wait_until (is_mapped, prefs);
  areas = korak_preferences_window_get_areas (prefs);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (areas)), ==, 10);

  first = g_list_model_get_item (G_LIST_MODEL (areas), 0);
  second = g_list_model_get_item (G_LIST_MODEL (areas), 1);
  g_assert_cmpstr (korak_area_item_get_label (first), ==, "Communication");
  g_assert_true (korak_area_list_move (areas, korak_area_item_get_id (second), -1, &error));
  g_assert_no_error (error);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (areas), 0);
  g_assert_cmpint (korak_area_item_get_id (first), ==, korak_area_item_get_id (second));

  added->name = g_strdup ("Cooking");
  g_assert_true (korak_area_list_save (areas, added, &error));
  g_assert_true (korak_area_list_set_retired (areas, korak_area_item_get_id (second), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (areas)), ==, 11);
  last = g_list_model_get_item (G_LIST_MODEL (areas), 10);
  g_assert_true (korak_area_item_get_retired (last));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "assessments");
  spin (200);
  screenshot (GTK_WIDGET (prefs), "preferences-areas.png");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
save_scores (KorakStore *store,
             gint64      participant,
             const char *date,
             const char *kind,
             int         score)
{
  g_autoptr(KorakAssessmentRecord) r = korak_assessment_record_new ();
  g_autoptr(GPtrArray) areas = korak_store_list_areas (store, FALSE, NULL);
  g_autoptr(GError) error = NULL;

  r->participant_id = participant;
  r->date = g_strdup (date);
  r->kind = g_strdup (kind);
  for (guint i = 0; i < areas->len; i++)
    korak_assessment_record_set_score (r, ((KorakAreaRecord *)g_ptr_array_index (areas, i))->id,
                                       CLAMP (score + (int)(i % 3) - 1, 1, 10), NULL);
  g_assert_true (korak_store_save_assessment (store, r, &error));
  g_assert_no_error (error);
}

static void
test_progress_cohort_window (Fixture       *f,
                             gconstpointer  data)
{
  KorakParticipant *ana = add_participant (f);
  KorakStore *store = korak_participant_list_get_store (f->list);
  KorakCohortProgressWindow *window;
  g_autoptr(GError) error = NULL;

  korak_store_exec (store,
                    "INSERT INTO participant (id, given_name, family_name) VALUES (9002, 'Berta', 'Kovač'), (9003, 'Cene', 'Zupan');"
                    "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, end_date, status, exit_reason, exit_positive) VALUES "
                    "  (62, 9002, 31, '2026-01-05', '2026-03-10', 'exited', 'health', 0),"
                    "  (63, 9003, 31, '2026-01-05', '2026-06-28', 'completed', NULL, 1);"
                    "UPDATE enrolment SET exit_outcome = 'employment', exit_positive = 1 WHERE id = 61;"
                    "UPDATE enrolment SET exit_outcome = 'education' WHERE id = 63;", &error);
  g_assert_no_error (error);
  save_scores (store, korak_participant_get_id (ana), "2026-01-05", "intake", 3);
  save_scores (store, korak_participant_get_id (ana), "2026-06-26", "exit", 7);
  save_scores (store, 9002, "2026-01-05", "intake", 5);
  save_scores (store, 9002, "2026-03-02", "review", 4);

  window = korak_cohort_progress_window_new (GTK_WINDOW (f->window), store, 31, "Kranj", &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  g_assert_cmpuint (korak_cohort_progress_window_get_n_rows (window), ==, 3);
  g_test_message ("exits: %s", korak_cohort_progress_window_get_exits_description (window));
  g_test_message ("change: %s", korak_cohort_progress_window_get_change_description (window));
  g_assert_nonnull (strstr (korak_cohort_progress_window_get_exits_description (window), "Employment"));
  g_assert_nonnull (strstr (korak_cohort_progress_window_get_exits_description (window), "Health reasons"));
  g_assert_nonnull (strstr (korak_cohort_progress_window_get_change_description (window), "+4 or more"));
  screenshot (GTK_WIDGET (window), "cohort-progress.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  korak_ui_ensure_resources ();

  g_test_add ("/ui/progress/enter-assessment", Fixture, NULL, fixture_set_up,
              test_progress_enter_assessment, fixture_tear_down);
  g_test_add ("/ui/progress/preferences-areas", Fixture, NULL, fixture_set_up,
              test_progress_preferences_areas, fixture_tear_down);
  g_test_add ("/ui/progress/cohort-window", Fixture, NULL, fixture_set_up,
              test_progress_cohort_window, fixture_tear_down);

  return g_test_run ();
}
