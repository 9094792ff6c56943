/* test-history-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person's History tab, Export Personal Data, Erase Personal Data and the
 * People Past Retention window, driven through the real widgets. Runs
 * under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "korak-erase-dialog.h"
#include "korak-history.h"
#include "korak-history-page.h"
#include "korak-participant-list.h"
#include "korak-profile-page.h"
#include "korak-retention-window.h"
#include "korak-store-private.h"
#include "korak-ui-util.h"

#define ANA 5001
#define OLD 5002

typedef struct
{
  char       *dir;
  KorakStore *store;
} Fixture;

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* With KORAK_TEST_SCREENSHOTS=DIR, saves what @widget shows. */
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
exec_ok (KorakStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  korak_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static gint64
count (KorakStore *store,
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("korak-history-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (path, &error);
  g_assert_no_error (error);
  korak_store_set_actor (f->store, 0, "Maja Mentor");

  exec_ok (f->store,
           "INSERT INTO programme (id, name) VALUES (21, 'Socialna aktivacija');"
           "INSERT INTO cohort (id, programme_id, name, start_date) VALUES (31, 21, 'Kranj', '2026-01-05');"
           "INSERT INTO session (id, cohort_id, date, start_time, end_time) VALUES (71, 31, '2026-03-02', '09:00', '13:00');"
           "INSERT INTO participant (id, given_name, family_name, status) VALUES (5001, 'Ana', 'Horvat', 'active');"
           "INSERT INTO enrolment (id, participant_id, cohort_id, start_date) VALUES (81, 5001, 31, '2026-01-05');"
           "INSERT INTO attendance (id, session_id, participant_id, state, hours) VALUES (91, 71, 5001, 'absent', 0);"
           "UPDATE attendance SET state = 'present', hours = 4 WHERE id = 91;"
           "INSERT INTO note (id, participant_id, date, language, text) VALUES (95, 5001, '2026-03-02', 'sl', 'Prvič sama poklicala');"
           /* Someone whose programme ended long ago. */
           "INSERT INTO participant (id, given_name, family_name, status) VALUES (5002, 'Stara', 'Zgodba', 'exited');"
           "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, end_date, status) "
           "  VALUES (82, 5002, 31, '2010-01-05', '2010-06-30', 'exited');");
}


static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  spin (20);
  korak_test_remove_tree (f->dir, FALSE);
  g_free (f->dir);
}

static void
collect (GtkWidget  *widget,
         GType       type,
         const char *type_name,
         GPtrArray  *out)
{
  if ((type != G_TYPE_INVALID && g_type_is_a (G_OBJECT_TYPE (widget), type)) ||
      (type_name != NULL && g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name)))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, type_name, out);
}

static gpointer
find_one (gpointer root,
          GType    type)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect (root, type, NULL, all);
  g_assert_cmpuint (all->len, >=, 1);
  return g_ptr_array_index (all, 0);
}

/* The texts of every label the list shows. */
static char *
shown_text (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  collect (root, GTK_TYPE_LABEL, NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      {
        g_string_append (text, gtk_label_get_text (g_ptr_array_index (labels, i)));
        g_string_append_c (text, '\n');
      }

  return g_string_free (text, FALSE);
}

static GtkWidget *
window_with (GtkWidget *child)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  return window;
}

static gboolean
history_has_rows (gpointer page)
{
  GListModel *model = korak_history_page_get_model (page);

  return model != NULL && g_list_model_get_n_items (model) > 0 && gtk_widget_get_mapped (page);
}

static gboolean
view_is_history (gpointer profile)
{
  return g_strcmp0 (korak_profile_page_get_view (profile), "history") == 0;
}

static void
on_person_erased_cb (KorakRetentionWindow *window,
                     gint64                id,
                     gint64               *erased)
{
  *erased = id;
}

static void
test_history_export_erase (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KorakParticipantList) participants = korak_participant_list_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) switcher_buttons = g_ptr_array_new ();
  g_autofree char *text = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *pdf_path = NULL;
  KorakProfilePage *profile;
  KorakHistoryPage *history;
  GtkWidget *window;
  GtkWidget *history_button = NULL;
  GtkWindow *dialog;
  KorakRetentionWindow *retention;
  GListModel *model;
  gint64 erased = 0;
  guint before;

  g_assert_true (korak_participant_list_reload (participants, &error));
  g_assert_no_error (error);

  profile = g_object_new (KORAK_TYPE_PROFILE_PAGE, NULL);
  window = window_with (GTK_WIDGET (profile));
  korak_profile_page_set_participants (profile, participants, NULL);
  g_assert_true (korak_profile_page_show (profile, korak_participant_list_lookup (participants, ANA)));
  spin (50);

  /* The History tab is a button of the view switcher: focusable, so the
   * keyboard reaches it, and it shows the tab. */
  collect (GTK_WIDGET (profile), G_TYPE_INVALID, "AdwViewSwitcherButton", switcher_buttons);
  for (guint i = 0; i < switcher_buttons->len; i++)
    {
      g_autofree char *label = NULL;

      g_object_get (g_ptr_array_index (switcher_buttons, i), "label", &label, NULL);
      if (g_strcmp0 (label, "History") == 0)
        history_button = g_ptr_array_index (switcher_buttons, i);
    }
  g_assert_nonnull (history_button);
  g_assert_true (gtk_widget_get_focusable (history_button));
  g_assert_true (gtk_widget_grab_focus (history_button));
  /* As Space or Enter on the focused button does. */
  g_assert_true (gtk_widget_activate (history_button));
  wait_until (view_is_history, profile);

  history = find_one (profile, KORAK_TYPE_HISTORY_PAGE);
  wait_until (history_has_rows, history);
  model = korak_history_page_get_model (history);
  spin (100);

  /* Newest first: the note, the corrected mark, the first mark, the enrolment, the profile. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  {
    g_autoptr(KorakHistoryEntry) first = g_list_model_get_item (model, 0);
    g_autoptr(KorakHistoryEntry) second = g_list_model_get_item (model, 1);

    g_assert_cmpstr (korak_history_entry_get_summary (first), ==, "Note added");
    g_assert_cmpstr (korak_history_entry_get_who (first), ==, "Maja Mentor");
    g_assert_cmpstr (korak_history_entry_get_summary (second), ==, "Attendance on 2026-03-02 changed from Absent to Present");
  }
  screenshot (window, "history.png");
  text = shown_text (GTK_WIDGET (history));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Attendance on 2026-03-02 changed from Absent to Present"));
  g_assert_nonnull (strstr (text, "Enrolled in Kranj"));
  g_assert_nonnull (strstr (text, "Profile created"));
  g_assert_nonnull (strstr (text, " · Maja Mentor"));
  g_clear_pointer (&text, g_free);

  /* A change while the tab is shown appears at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.archive", NULL));
  spin (50);
  {
    g_autoptr(KorakHistoryEntry) first = g_list_model_get_item (model, 0);

    g_assert_cmpstr (korak_history_entry_get_summary (first), ==, "Profile archived");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.restore", NULL));
  spin (50);

  /* Export Personal Data: the two files. */
  g_assert_true (korak_profile_page_export_personal_data (profile, f->dir, &json_path, &pdf_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (json_path, "Ana Horvat.json"));
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *json = NULL;

    g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
    g_assert_nonnull (strstr (json, "Prvič sama poklicala"));
  }

  /* Erase Personal Data: only once the name is typed. */
  before = korak_participant_list_get_total (participants);
  dialog = korak_profile_page_erase (profile);
  g_assert_true (KORAK_IS_ERASE_DIALOG (dialog));
  wait_until (is_mapped, dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "erase"));
  gtk_editable_set_text (korak_erase_dialog_get_entry (KORAK_ERASE_DIALOG (dialog)), "Ana");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "erase"));
  gtk_editable_set_text (korak_erase_dialog_get_entry (KORAK_ERASE_DIALOG (dialog)), "  ana   HORVAT ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "erase"));
  screenshot (GTK_WIDGET (dialog), "erase-dialog.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "erase");
  spin (100);

  g_assert_null (korak_profile_page_get_participant (profile));
  g_assert_cmpuint (korak_participant_list_get_total (participants), ==, before - 1);
  g_assert_null (korak_participant_list_lookup (participants, ANA));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM participant WHERE id = 5001"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM note"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE participant_id = 5001"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE action = 'erase' AND row_id = 5001 "
                                    "AND staff_name = 'Maja Mentor'"), ==, 1);

  /* People Past Retention: the one whose programme ended in 2010. */
  retention = korak_retention_window_new (GTK_WINDOW (window), f->store);
  g_signal_connect (retention, "person-erased", G_CALLBACK (on_person_erased_cb), &erased);
  wait_until (is_mapped, retention);
  g_assert_cmpuint (korak_retention_window_get_n_people (retention), ==, 1);
  screenshot (GTK_WIDGET (retention), "retention.png");
  text = shown_text (GTK_WIDGET (retention));
  g_assert_nonnull (strstr (text, "Stara Zgodba"));
  g_assert_nonnull (strstr (text, "Last enrolment ended 2010-06-30"));
  g_clear_pointer (&text, g_free);

  /* A longer period keeps her. */
  korak_retention_window_set_years (retention, 30);
  g_assert_cmpuint (korak_retention_window_get_n_people (retention), ==, 0);
  korak_retention_window_set_years (retention, 10);
  g_assert_cmpuint (korak_retention_window_get_n_people (retention), ==, 1);

  dialog = korak_retention_window_erase_at (retention, 0);
  wait_until (is_mapped, dialog);
  gtk_editable_set_text (korak_erase_dialog_get_entry (KORAK_ERASE_DIALOG (dialog)), "Stara Zgodba");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "erase");
  spin (100);
  g_assert_cmpint (erased, ==, OLD);
  g_assert_cmpuint (korak_retention_window_get_n_people (retention), ==, 0);
  /* As the window's hook does: the participant list forgets her too. */
  g_assert_nonnull (korak_participant_list_lookup (participants, OLD));
  korak_profile_page_person_erased (profile, erased);
  g_assert_null (korak_participant_list_lookup (participants, OLD));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM participant"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT people FROM erased_person_count WHERE cohort_id = 31"), ==, 2);

  gtk_window_destroy (GTK_WINDOW (retention));
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  korak_ui_ensure_resources ();

  g_test_add ("/ui/history/history-export-erase-retention", Fixture, NULL, fixture_set_up,
              test_history_export_erase, fixture_tear_down);

  return g_test_run ();
}
