/* test-cohorts-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the cohorts view as a mentor would: a programme and staff, a new
 * cohort through the real dialog, its modules, a weekly timetable, Generate
 * Sessions, enrolling and withdrawing members, and the programme and staff
 * dialogs. Runs under Xvfb; saves screenshots to $KORAK_TEST_SCREENSHOTS.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "korak-cohort-util.h"
#include "korak-cohorts-page.h"
#include "korak-mediators.h"
#include "korak-notes.h"
#include "korak-form-dialog.h"
#include "korak-new-cohort-dialog.h"
#include "korak-programme-list.h"
#include "korak-programmes-dialog.h"
#include "korak-schedule.h"
#include "korak-staff-dialog.h"
#include "korak-staff-list.h"
#include "korak-ui-util.h"

typedef struct
{
  char             *dir;
  char             *path;
  KorakStore       *store;
  GtkWindow        *window;
  KorakCohortsPage *page;
} Fixture;

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
no_form_dialog (gpointer data)
{
  return find_toplevel (KORAK_TYPE_FORM_DIALOG) == NULL;
}

static gboolean
no_new_cohort_dialog (gpointer data)
{
  return find_toplevel (KORAK_TYPE_NEW_COHORT_DIALOG) == NULL;
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_get_visible (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* Titles (or title — subtitle) of the rows named @name, joined by "|". */
static char *
row_texts (GtkWidget  *root,
           const char *name,
           gboolean    with_subtitle)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  collect_named (root, name, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append (text, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      if (with_subtitle)
        {
          const char *subtitle = ADW_IS_EXPANDER_ROW (row)
                                 ? adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row))
                                 : adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

          g_string_append_printf (text, " — %s", subtitle ? subtitle : "");
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  GtkWidget *widget = korak_find_named (root, name);

  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Texts of the labels named @name, joined by "|". */
static char *
texts_of (GtkWidget  *root,
          const char *name)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  collect_named (root, name, labels);
  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (text, "%s%s", i ? "|" : "", gtk_label_get_text (g_ptr_array_index (labels, i)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_labels (GtkWidget *widget,
               GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s;", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    append_labels (child, text);
}

/* Every label inside the rows named @name. */
static char *
row_label_texts (GtkWidget  *root,
                 const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  collect_named (root, name, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      append_labels (g_ptr_array_index (rows, i), text);
      g_string_append_c (text, '|');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
count_mapped (GtkWidget  *root,
              const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  collect_named (root, name, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (rows, i)))
      n++;

  return n;
}

static gboolean
one_participant_row (gpointer dialog)
{
  return count_mapped (dialog, "participant-row") == 1;
}

static gboolean
three_participant_rows (gpointer dialog)
{
  return count_mapped (dialog, "participant-row") == 3;
}

/* Ticks the chooser's row for @name. */
static void
check_participant (GtkWidget  *dialog,
                   const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_named (dialog, "participant-row", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name))
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          return;
        }
    }

  g_assert_not_reached ();
}

/* Scrolls the view holding the first widget named @name to its end. */
static void
scroll_to_end (GtkWidget  *root,
               const char *name)
{
  GtkWidget *widget = korak_find_named (root, name);
  GtkWidget *scrolled = widget ? gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  spin (100);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

/* Accepts a form dialog and checks it had nothing to say. */
static void
accept (GtkWidget *dialog)
{
  g_object_ref (dialog);
  gtk_widget_activate_action (dialog, "dialog.accept", NULL);
  if (korak_form_dialog_get_error (KORAK_FORM_DIALOG (dialog)))
    g_test_message ("dialog error: %s", korak_form_dialog_get_error (KORAK_FORM_DIALOG (dialog)));
  g_assert_null (korak_form_dialog_get_error (KORAK_FORM_DIALOG (dialog)));
  g_object_unref (dialog);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("KORAK_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL || *dir == '\0')
    return;

  spin (400);
  path = g_build_filename (dir, name, NULL);
  if (!korak_save_screenshot (widget, path, &error))
    g_test_message ("screenshot %s: %s", path, error->message);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  f->dir = g_dir_make_tmp ("korak-cohorts-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (f->path, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (adw_window_new ());
  overlay = adw_toast_overlay_new ();
  f->page = g_object_new (KORAK_TYPE_COHORTS_PAGE, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_set_default_size (f->window, 1200, 860);
  gtk_window_present (f->window);
  wait_until (is_mapped, f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  const char *name;

  /* Dialogs a failed step left open go first. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != f->window)
        gtk_window_destroy (window);
    }
  gtk_window_destroy (f->window);
  spin (50);
  g_clear_object (&f->store);

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

static gint64
add_programme (Fixture *f)
{
  g_autoptr(KorakProgrammeList) programmes = korak_programme_list_new (f->store);
  g_autoptr(KorakProgrammeRecord) record = korak_programme_record_new ();
  g_autoptr(GError) error = NULL;

  g_free (record->name);
  record->name = g_strdup ("Social activation");
  record->required_hours = 480;
  g_assert_true (korak_programme_list_save (programmes, record, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programmes)), ==, 1);

  return record->id;
}

static void
add_staff (Fixture    *f,
           const char *given,
           const char *family,
           const char *role)
{
  g_autoptr(KorakStaffList) staff = korak_staff_list_new (f->store, NULL, TRUE);
  g_autoptr(KorakStaffRecord) record = korak_staff_record_new ();
  g_autoptr(GError) error = NULL;

  g_free (record->given_name);
  record->given_name = g_strdup (given);
  g_free (record->family_name);
  record->family_name = g_strdup (family);
  g_free (record->role);
  record->role = g_strdup (role);
  g_free (record->languages);
  record->languages = g_strdup ("sl, en");
  g_assert_true (korak_staff_list_save (staff, record, &error));
  g_assert_no_error (error);
}

static gint64
add_participant (Fixture    *f,
                 const char *given,
                 const char *family)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "referred");
  g_assert_true (korak_store_insert_participant (f->store, record, &error));
  g_assert_no_error (error);

  return record->id;
}

/* The New Cohort dialog, filled in and created as a mentor would. */
static gint64
create_cohort (Fixture    *f,
               const char *name,
               const char *start)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "cohorts.new", NULL);
  dialog = find_toplevel (KORAK_TYPE_NEW_COHORT_DIALOG);
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);

  set_text (dialog, "start-date", start);
  set_text (dialog, "name", name);
  set_text (dialog, "site", "Ljubljana, Center");
  adw_combo_row_set_selected (ADW_COMBO_ROW (korak_find_named (dialog, "mentor")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (korak_find_named (dialog, "mediator")), 1);
  screenshot (dialog, "cohorts-new-dialog.png");

  g_object_ref (dialog);
  gtk_widget_activate_action (dialog, "dialog.create", NULL);
  g_assert_null (korak_new_cohort_dialog_get_error (KORAK_NEW_COHORT_DIALOG (dialog)));
  g_object_unref (dialog);
  wait_until (no_new_cohort_dialog, NULL);

  return korak_cohorts_page_get_selected_id (f->page);
}

static void
test_cohorts_empty_states (Fixture       *f,
                           gconstpointer  data)
{
  korak_cohorts_page_set_store (f->page, f->store);
  g_assert_cmpstr (korak_cohorts_page_get_state (f->page), ==, "no-programme");
  screenshot (GTK_WIDGET (f->window), "cohorts-no-programme.png");

  add_programme (f);
  g_assert_true (korak_cohorts_page_reload (f->page));
  g_assert_cmpstr (korak_cohorts_page_get_state (f->page), ==, "no-cohort");
}

static GtkWidget *
find_leaflet (GtkWidget *widget)
{
  if (ADW_IS_LEAFLET (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_leaflet (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_folded (gpointer page)
{
  GtkWidget *leaflet = find_leaflet (page);

  return leaflet != NULL && adw_leaflet_get_folded (ADW_LEAFLET (leaflet));
}

static void
test_cohorts_create_generate_enrol (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(KorakCohortDetail) detail = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) participant_rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *modules = NULL;
  g_autofree char *patterns = NULL;
  g_autofree char *sessions_text = NULL;
  g_autofree char *member_text = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *list_text = NULL;
  GtkWidget *page = GTK_WIDGET (f->page);
  GtkWidget *dialog;
  gint64 cohort_id, bojan;
  guint n_uncancelled = 0;

  add_programme (f);
  add_staff (f, "Maja", "Novak", "mentor");
  add_staff (f, "Amina", "Hodžić", "mediator");
  add_participant (f, "Ana", "Kovač");
  bojan = add_participant (f, "Bojan", "Zupan");
  add_participant (f, "Cvetka", "Horvat");
  korak_cohorts_page_set_store (f->page, f->store);
  g_assert_cmpstr (korak_cohorts_page_get_state (f->page), ==, "no-cohort");

  /* 5 January 2026 is a Monday. */
  cohort_id = create_cohort (f, "Social activation, January 2026", "5. 1. 2026");
  g_assert_cmpint (cohort_id, !=, 0);
  g_assert_cmpstr (korak_cohorts_page_get_state (f->page), ==, "main");

  /* Modules of 12, 8 and 4 weeks, back to back. */
  detail = korak_store_get_cohort (f->store, cohort_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detail->name, ==, "Social activation, January 2026");
  g_assert_cmpstr (detail->site, ==, "Ljubljana, Center");
  g_assert_cmpint (detail->mentor_id, !=, 0);
  g_assert_cmpint (detail->mediator_id, !=, 0);
  g_assert_cmpuint (detail->modules->len, ==, 3);
  g_assert_cmpstr (((KorakModuleRecord *)detail->modules->pdata[0])->start_date, ==, "2026-01-05");
  g_assert_cmpstr (((KorakModuleRecord *)detail->modules->pdata[0])->end_date, ==, "2026-03-29");
  g_assert_cmpstr (((KorakModuleRecord *)detail->modules->pdata[1])->start_date, ==, "2026-03-30");
  g_assert_cmpstr (((KorakModuleRecord *)detail->modules->pdata[1])->end_date, ==, "2026-05-24");
  g_assert_cmpstr (((KorakModuleRecord *)detail->modules->pdata[2])->start_date, ==, "2026-05-25");
  g_assert_cmpstr (((KorakModuleRecord *)detail->modules->pdata[2])->end_date, ==, "2026-06-21");

  modules = row_texts (page, "module-row", TRUE);
  g_test_message ("modules: %s", modules);
  g_assert_cmpstr (modules, ==,
                   "1. Workshops — 2026-01-05 – 2026-03-29 · 12 weeks|"
                   "2. Work practice — 2026-03-30 – 2026-05-24 · 8 weeks|"
                   "3. Searching for an exit — 2026-05-25 – 2026-06-21 · 4 weeks");

  /* Monday, Wednesday and Friday 9:00–13:00 in one go. */
  gtk_widget_activate_action (page, "cohorts.add-pattern", NULL);
  dialog = find_toplevel (KORAK_TYPE_FORM_DIALOG);
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (korak_find_named (dialog, "day-1")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (korak_find_named (dialog, "day-3")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (korak_find_named (dialog, "day-5")), TRUE);
  set_text (dialog, "start-time", "9");
  set_text (dialog, "end-time", "13:00");
  set_text (dialog, "place", "Room 2");
  screenshot (dialog, "cohorts-pattern-dialog.png");
  accept (dialog);
  wait_until (no_form_dialog, NULL);

  patterns = row_texts (page, "pattern-row", TRUE);
  g_test_message ("patterns: %s", patterns);
  g_assert_cmpstr (patterns, ==,
                   "Monday 9:00–13:00 — Group session · Room 2|"
                   "Wednesday 9:00–13:00 — Group session · Room 2|"
                   "Friday 9:00–13:00 — Group session · Room 2");

  /* 24 weeks × 3 days, less Easter Monday (6 April), the Day of Uprising
   * Against Occupation (27 April) and Labour Day (1 May). */
  gtk_widget_activate_action (page, "cohorts.generate", NULL);
  g_assert_null (korak_cohorts_page_get_error (f->page));
  g_test_message ("toast: %s", korak_cohorts_page_get_message (f->page));
  g_assert_cmpstr (korak_cohorts_page_get_message (f->page), ==,
                   "69 sessions created, 3 days skipped for holidays and closures");

  sessions = korak_store_list_sessions (f->store, cohort_id, "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    if (((KorakSessionRecord *)sessions->pdata[i])->cancelled_reason == NULL)
      n_uncancelled++;
  g_assert_cmpuint (n_uncancelled, ==, 69);
  sessions_text = row_texts (page, "sessions", TRUE);
  g_assert_cmpstr (sessions_text, ==, "Timetable sessions — 69 sessions planned");

  /* Interpreting: none yet, then two of the sessions with Amina in Bosnian. */
  {
    g_autofree char *none = row_texts (page, "mediators-empty", TRUE);
    g_autofree char *rows = NULL;
    g_autofree char *expected = NULL;
    gint64 amina = 0;

    g_assert_true (g_str_has_prefix (none, "No interpreting recorded yet"));
    g_assert_true (korak_store_default_mediator (f->store, 0, cohort_id, &amina, &error));
    g_assert_no_error (error);
    g_assert_cmpint (amina, !=, 0);
    for (guint i = 0, marked = 0; i < sessions->len && marked < 2; i++)
      {
        g_autoptr(KorakSessionRecord) session = korak_session_record_copy (sessions->pdata[i]);

        if (session->cancelled_reason != NULL)
          continue;
        session->mediator_present = TRUE;
        session->mediator_id = amina;
        session->conversation_language = g_strdup ("bs");
        g_assert_true (korak_store_save_session (f->store, session, &error));
        g_assert_no_error (error);
        marked++;
      }
    /* As when the mentor comes back from the Schedule view. */
    g_assert_true (korak_cohorts_page_reload (f->page));
    rows = row_texts (page, "mediator-hours-row", TRUE);
    g_test_message ("mediator hours: %s", rows);
    /* Two sessions of 9:00–13:00. */
    expected = g_strdup_printf ("Amina Hodžić · %s — Group 8.0 h · individual 0.0 h · 0 assessments · 0 notes",
                                korak_language_name ("bs"));
    g_assert_cmpstr (rows, ==, expected);
  }

  /* Generating again changes nothing. */
  gtk_widget_activate_action (page, "cohorts.generate", NULL);
  g_assert_cmpstr (korak_cohorts_page_get_message (f->page), ==,
                   "The sessions already follow the timetable, 3 days skipped for holidays and closures");

  /* Enrol two of the three through the chooser; search keeps the ticks. */
  gtk_widget_activate_action (page, "cohorts.enrol", NULL);
  dialog = find_toplevel (KORAK_TYPE_FORM_DIALOG);
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);
  collect_named (dialog, "participant-row", participant_rows);
  g_assert_cmpuint (participant_rows->len, ==, 3);
  set_text (dialog, "search", "kovac");
  wait_until (one_participant_row, dialog);
  check_participant (dialog, "Ana Kovač");
  set_text (dialog, "search", "");
  wait_until (three_participant_rows, dialog);
  check_participant (dialog, "Bojan Zupan");
  set_text (dialog, "start-date", "2026-01-05");
  screenshot (dialog, "cohorts-enrol-dialog.png");
  accept (dialog);
  wait_until (no_form_dialog, NULL);

  member_text = row_texts (page, "member-row", TRUE);
  g_test_message ("members: %s", member_text);
  g_assert_cmpstr (member_text, ==, "Ana Kovač — Since 2026-01-05|Bojan Zupan — Since 2026-01-05");
  hours = texts_of (page, "hours");
  g_assert_cmpstr (hours, ==, "0 of 480 h|0 of 480 h");

  members = korak_store_list_members (f->store, cohort_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);
  g_clear_pointer (&members, g_ptr_array_unref);

  /* The list on the left counts them. */
  list_text = row_label_texts (page, "cohort-row");
  g_test_message ("list: %s", list_text);
  g_assert_nonnull (strstr (list_text, "2 enrolled"));

  screenshot (GTK_WIDGET (f->window), "cohorts-wide.png");
  scroll_to_end (page, "member-row");
  screenshot (GTK_WIDGET (f->window), "cohorts-wide-members.png");

  /* Withdraw Bojan on 1 February, then Undo. */
  gtk_widget_activate_action (page, "cohorts.withdraw", "x", bojan);
  dialog = find_toplevel (KORAK_TYPE_FORM_DIALOG);
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);
  set_text (dialog, "end-date", "1. 2. 2026");
  screenshot (dialog, "cohorts-withdraw-dialog.png");
  accept (dialog);
  wait_until (no_form_dialog, NULL);

  g_free (member_text);
  member_text = row_texts (page, "member-row", TRUE);
  g_test_message ("members: %s", member_text);
  g_assert_cmpstr (member_text, ==, "Ana Kovač — Since 2026-01-05|Bojan Zupan — Withdrawn on 2026-02-01");

  gtk_widget_activate_action (page, "cohorts.reenrol", "(xxs)", bojan, cohort_id, "2026-01-05");
  members = korak_store_list_members (f->store, cohort_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);

  /* At 360 px the list folds away and the cohort fills the window. */
  gtk_window_set_default_size (f->window, 360, 800);
  wait_until (is_folded, f->page);
  korak_cohorts_page_select (f->page, cohort_id);
  screenshot (GTK_WIDGET (f->window), "cohorts-narrow.png");
  scroll_to_end (page, "member-row");
  screenshot (GTK_WIDGET (f->window), "cohorts-narrow-members.png");
}

static void
test_cohorts_invalid_edit_kept (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(KorakCohortDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = GTK_WIDGET (f->page);
  gint64 cohort_id;

  add_programme (f);
  korak_cohorts_page_set_store (f->page, f->store);
  cohort_id = create_cohort (f, "Spring group", "2026-03-02");

  set_text (page, "name", "Spring group, Kranj");
  set_text (page, "start-date", "31. 2. 2026");
  g_assert_false (korak_cohorts_page_save (f->page));
  g_assert_nonnull (korak_cohorts_page_get_error (f->page));
  g_test_message ("error: %s", korak_cohorts_page_get_error (f->page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (korak_find_named (page, "start-date"))), ==, "31. 2. 2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (korak_find_named (page, "name"))), ==, "Spring group, Kranj");
  screenshot (GTK_WIDGET (f->window), "cohorts-invalid-date.png");

  /* Fixed, it saves; moving the start moves the modules. */
  set_text (page, "start-date", "9. 3. 2026");
  gtk_widget_activate_action (page, "cohorts.save", NULL);
  if (korak_cohorts_page_get_error (f->page))
    g_test_message ("error: %s", korak_cohorts_page_get_error (f->page));
  g_assert_null (korak_cohorts_page_get_error (f->page));
  detail = korak_store_get_cohort (f->store, cohort_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detail->name, ==, "Spring group, Kranj");
  g_assert_cmpstr (detail->start_date, ==, "2026-03-09");
  g_assert_cmpstr (((KorakModuleRecord *)detail->modules->pdata[0])->start_date, ==, "2026-03-09");
  g_assert_cmpstr (((KorakModuleRecord *)detail->modules->pdata[2])->end_date, ==, "2026-08-23");
}

static void
test_cohorts_programmes_and_staff (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(KorakProgrammeList) programmes = korak_programme_list_new (f->store);
  g_autoptr(KorakStaffList) staff = korak_staff_list_new (f->store, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  GtkWidget *dialog;

  korak_cohorts_page_set_store (f->page, f->store);

  /* With no programme, the dialog opens on a new one. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "cohorts.programmes", NULL);
  dialog = find_toplevel (KORAK_TYPE_PROGRAMMES_DIALOG);
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);

  /* Empty name: refused, the plan kept. */
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  g_assert_nonnull (korak_programmes_dialog_get_error (KORAK_PROGRAMMES_DIALOG (dialog)));
  g_assert_cmpuint (count_mapped (dialog, "plan-step"), ==, 3);

  set_text (dialog, "name", "Social activation for women");
  gtk_widget_activate_action (dialog, "dialog.add-step", NULL);
  g_assert_cmpuint (count_mapped (dialog, "plan-step"), ==, 4);
  screenshot (dialog, "cohorts-programme-dialog.png");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  g_assert_null (korak_programmes_dialog_get_error (KORAK_PROGRAMMES_DIALOG (dialog)));

  g_assert_true (korak_programme_list_reload (programmes, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programmes)), ==, 1);
  g_assert_cmpstr (korak_cohorts_page_get_state (f->page), ==, "no-cohort");
  rows = row_texts (dialog, "programme-row", TRUE);
  g_test_message ("programmes: %s", rows);
  g_assert_nonnull (strstr (rows, "Social activation for women — 4 modules · 28 weeks"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "cohorts.staff", NULL);
  dialog = find_toplevel (KORAK_TYPE_STAFF_DIALOG);
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);
  set_text (dialog, "given-name", "Maja");
  set_text (dialog, "family-name", "Novak");
  set_text (dialog, "languages", "sl, hr, en");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  g_assert_null (korak_staff_dialog_get_error (KORAK_STAFF_DIALOG (dialog)));
  g_free (rows);
  rows = row_texts (dialog, "staff-row", TRUE);
  g_assert_cmpstr (rows, ==, "Maja Novak — Mentor · sl, hr, en");
  screenshot (dialog, "cohorts-staff-dialog.png");

  g_assert_true (korak_staff_list_reload (staff, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staff)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/cohorts/empty-states", Fixture, NULL, fixture_set_up, test_cohorts_empty_states, fixture_tear_down);
  g_test_add ("/ui/cohorts/create-generate-enrol", Fixture, NULL,
              fixture_set_up, test_cohorts_create_generate_enrol, fixture_tear_down);
  g_test_add ("/ui/cohorts/invalid-edit-kept", Fixture, NULL,
              fixture_set_up, test_cohorts_invalid_edit_kept, fixture_tear_down);
  g_test_add ("/ui/cohorts/programmes-and-staff", Fixture, NULL,
              fixture_set_up, test_cohorts_programmes_and_staff, fixture_tear_down);

  return g_test_run ();
}
