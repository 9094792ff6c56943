/* test-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window as a mentor would: the new-participant dialog,
 * search without diacritics, archive and undo, profile edits, and a
 * database that cannot be opened. Runs under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "korak-new-participant-dialog.h"
#include "korak-participant-row.h"
#include "korak-participants-page.h"
#include "korak-ui-util.h"
#include "korak-retention-window.h"
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

  f->dir = g_dir_make_tmp ("korak-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);

  f->window = korak_window_new (NULL, f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_mapped, f->window);
  g_assert_cmpstr (korak_participants_page_get_state (korak_window_get_participants_page (f->window)), ==, "loading");
  wait_until (is_loaded, f->window);

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

static KorakNewParticipantDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KORAK_IS_NEW_PARTICIPANT_DIALOG (window))
        return KORAK_NEW_PARTICIPANT_DIALOG (window);
    }

  return NULL;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (KORAK_IS_PARTICIPANT_ROW (widget) && gtk_widget_get_mapped (widget) &&
      korak_participant_row_get_participant (KORAK_PARTICIPANT_ROW (widget)) != NULL)
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The titles the list shows on screen, in order, as one string. */
static char *
shown_titles (Fixture *f)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  spin (100);
  collect_rows (GTK_WIDGET (korak_participants_page_get_list_view (f->page)), rows);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (titles, (gpointer)korak_participant_row_get_title (rows->pdata[i]));
  g_ptr_array_add (titles, NULL);

  return g_strjoinv ("|", (char **)titles->pdata);
}

static void
type_into (KorakParticipantForm  *form,
           KorakParticipantField  field,
           const char            *text)
{
  gtk_editable_set_text (GTK_EDITABLE (korak_participant_form_get_row (form, field)), text);
}

static void
set_search (Fixture    *f,
            const char *text)
{
  gtk_editable_set_text (korak_participants_page_get_search (f->page), text);
  spin (20);
}

static gint64
add_through_dialog (Fixture    *f,
                    const char *given,
                    const char *family)
{
  KorakNewParticipantDialog *dialog;
  KorakParticipantForm *form;
  guint before = korak_participant_list_get_total (f->list);
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipantRecord) stored = NULL;
  KorakParticipant *shown;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-participant", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);

  form = korak_new_participant_dialog_get_form (dialog);
  type_into (form, KORAK_FIELD_GIVEN_NAME, given);
  type_into (form, KORAK_FIELD_FAMILY_NAME, family);
  type_into (form, KORAK_FIELD_BIRTH_DATE, "5. 3. 1985");
  type_into (form, KORAK_FIELD_EMAIL, "not an address");

  /* An invalid email keeps the dialog open, says why, and stores nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add", NULL));
  spin (20);
  g_assert_nonnull (dialog);
  g_assert_nonnull (korak_participant_form_get_error (form));
  g_assert_true (strstr (korak_participant_form_get_error (form), "email") != NULL);
  g_assert_true (gtk_widget_has_css_class (korak_participant_form_get_row (form, KORAK_FIELD_EMAIL), "error"));
  g_assert_cmpuint (korak_participant_list_get_total (f->list), ==, before);
  /* What was typed is still there. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (korak_participant_form_get_row (form, KORAK_FIELD_GIVEN_NAME))),
                   ==, given);

  type_into (form, KORAK_FIELD_EMAIL, "ana@example.si");
  gtk_switch_set_active (GTK_SWITCH (korak_participant_form_get_row (form, KORAK_FIELD_NEEDS_MEDIATOR)), TRUE);
  /* "Not recorded" comes first, then the target groups in order: 5 is Roma woman. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (korak_participant_form_get_row (form, KORAK_FIELD_TARGET_GROUP)), 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add", NULL));
  wait_until (is_null, &dialog);

  g_assert_cmpuint (korak_participant_list_get_total (f->list), ==, before + 1);

  /* The new person is selected and open in the profile. */
  shown = korak_profile_page_get_participant (korak_participants_page_get_profile (f->page));
  g_assert_nonnull (shown);
  g_assert_cmpstr (korak_participant_get_field (shown, KORAK_FIELD_GIVEN_NAME), ==, given);

  /* And it really is in the database, every field as typed. */
  stored = korak_store_get_participant (korak_window_get_store (f->window), korak_participant_get_id (shown), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_FAMILY_NAME), ==, family);
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_BIRTH_DATE), ==, "1985-03-05");
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_EMAIL), ==, "ana@example.si");
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_NEEDS_MEDIATOR), ==, "1");
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_TARGET_GROUP), ==, "roma_women");
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_STATUS), ==, "referred");

  return korak_participant_get_id (shown);
}

static void
test_ui_empty_state (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpstr (korak_participants_page_get_state (f->page), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
}

static void
test_ui_create_search_archive_undo (Fixture       *f,
                                    gconstpointer  data)
{
  KorakProfilePage *profile = korak_participants_page_get_profile (f->page);
  g_autofree char *titles = NULL;
  g_autoptr(KorakParticipantRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ana, marko;

  ana = add_through_dialog (f, "Ana", "Čebašek");
  marko = add_through_dialog (f, "Marko", "Novak");
  g_assert_cmpint (ana, !=, marko);
  g_assert_cmpstr (korak_participants_page_get_state (f->page), ==, "list");

  titles = shown_titles (f);
  g_assert_cmpstr (titles, ==, "Ana Čebašek|Marko Novak");
  g_clear_pointer (&titles, g_free);

  /* Search without diacritics finds the name with them. */
  set_search (f, "cebasek");
  titles = shown_titles (f);
  g_assert_cmpstr (titles, ==, "Ana Čebašek");
  g_clear_pointer (&titles, g_free);

  set_search (f, "NOV");
  titles = shown_titles (f);
  g_assert_cmpstr (titles, ==, "Marko Novak");
  g_clear_pointer (&titles, g_free);

  set_search (f, "'); DROP TABLE participant;--");
  g_assert_cmpstr (korak_participants_page_get_state (f->page), ==, "no-results");

  set_search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 2);

  /* Archive Ana from her profile: she leaves the list, stays in the database. */
  korak_participants_page_select (f->page, ana);
  g_assert_cmpint (korak_participant_get_id (korak_profile_page_get_participant (profile)), ==, ana);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.archive", NULL));
  titles = shown_titles (f);
  g_assert_cmpstr (titles, ==, "Marko Novak");
  g_clear_pointer (&titles, g_free);

  stored = korak_store_get_participant (korak_window_get_store (f->window), ana, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored->archived_at);
  g_clear_pointer (&stored, korak_participant_record_free);

  /* Undo on the toast brings her back. */
  g_assert_nonnull (korak_participants_page_get_undo_toast (f->page));
  g_signal_emit_by_name (korak_participants_page_get_undo_toast (f->page), "button-clicked");
  titles = shown_titles (f);
  g_assert_cmpstr (titles, ==, "Ana Čebašek|Marko Novak");
  g_clear_pointer (&titles, g_free);

  stored = korak_store_get_participant (korak_window_get_store (f->window), ana, &error);
  g_assert_no_error (error);
  g_assert_null (stored->archived_at);
  g_assert_cmpint (korak_participant_get_id (korak_profile_page_get_participant (profile)), ==, ana);
}

static void
test_ui_edit_profile (Fixture       *f,
                      gconstpointer  data)
{
  KorakProfilePage *profile = korak_participants_page_get_profile (f->page);
  KorakParticipantForm *form = korak_profile_page_get_form (profile);
  g_autoptr(KorakParticipantRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  const char *arabic = "فاطمة الزهراء";
  gint64 id;

  id = add_through_dialog (f, "Ana", "Čebašek");

  /* An impossible date is refused with a reason, and nothing is written. */
  type_into (form, KORAK_FIELD_BIRTH_DATE, "31. 2. 2020");
  type_into (form, KORAK_FIELD_MUNICIPALITY, "Kranj");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  g_assert_nonnull (korak_participant_form_get_error (form));
  g_assert_true (strstr (korak_participant_form_get_error (form), "31. 2. 2020") != NULL);
  stored = korak_store_get_participant (korak_window_get_store (f->window), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_MUNICIPALITY), ==, "");
  g_clear_pointer (&stored, korak_participant_record_free);

  /* Fixed, it saves: right-to-left text and quotes come back exactly. */
  type_into (form, KORAK_FIELD_BIRTH_DATE, "2026-01-31");
  type_into (form, KORAK_FIELD_GIVEN_NAME, arabic);
  type_into (form, KORAK_FIELD_ADDRESS, "Cesta \"Staneta\" 1'); DROP TABLE participant;--");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  g_assert_null (korak_participant_form_get_error (form));

  stored = korak_store_get_participant (korak_window_get_store (f->window), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_MUNICIPALITY), ==, "Kranj");
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_BIRTH_DATE), ==, "2026-01-31");
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_GIVEN_NAME), ==, arabic);
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_ADDRESS), ==,
                   "Cesta \"Staneta\" 1'); DROP TABLE participant;--");

  /* The list row shows the new name. */
  titles = shown_titles (f);
  g_assert_true (g_str_has_prefix (titles, arabic));

  set_search (f, "الزهراء");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 1);
}

/* Text of a PDF through pdftotext, or NULL when poppler-utils is missing. */
static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  if (g_find_program_in_path ("pdftotext") == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
assert_pdf_holds (const char *path,
                  const char *expected)
{
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));

  text = pdf_text (path);
  if (text == NULL)
    return;
  if (strstr (text, expected) == NULL)
    g_error ("“%s” is not in the PDF text:\n%s", expected, text);
}

static void
test_ui_print_and_export (Fixture       *f,
                          gconstpointer  data)
{
  KorakProfilePage *profile = korak_participants_page_get_profile (f->page);
  KorakParticipantForm *form = korak_profile_page_get_form (profile);
  g_autoptr(KorakParticipantRecord) stored = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "profile.pdf", NULL);
  /* KORAK_TEST_SCREENSHOTS=DIR keeps the printed PDF for a person to look at. */
  g_autofree char *printed = g_build_filename (g_getenv ("KORAK_TEST_SCREENSHOTS") ? g_getenv ("KORAK_TEST_SCREENSHOTS") : f->dir,
                                               "printed.pdf", NULL);
  GtkPrintOperationResult result;
  gint64 id;

  id = add_through_dialog (f, "Ana", "Čebašek");

  /* An unsaved edit is saved before it goes on paper. */
  type_into (form, KORAK_FIELD_MUNICIPALITY, "Škofja Loka");
  g_assert_true (korak_profile_page_export_pdf (profile, pdf, &error));
  g_assert_no_error (error);
  stored = korak_store_get_participant (korak_window_get_store (f->window), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (korak_participant_record_get (stored, KORAK_FIELD_MUNICIPALITY), ==, "Škofja Loka");
  assert_pdf_holds (pdf, "Škofja Loka");

  /* The print dialog's operation draws the same sheet; exported to a file
   * it runs the same begin-print and draw-page handlers without a dialog. */
  operation = korak_profile_page_create_print_operation (profile);
  g_assert_nonnull (operation);
  gtk_print_operation_set_allow_async (operation, FALSE);
  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (f->window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_pdf_holds (printed, "Čebašek");

  /* An invalid edit is neither saved nor printed; the reason is shown. */
  type_into (form, KORAK_FIELD_BIRTH_DATE, "31. 2. 2020");
  g_clear_object (&operation);
  operation = korak_profile_page_create_print_operation (profile);
  g_assert_null (operation);
  g_assert_nonnull (korak_participant_form_get_error (form));
  g_assert_false (korak_profile_page_export_pdf (profile, pdf, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static gboolean
text_has_focus (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return GTK_IS_TEXT (focus);
}

static gboolean
today_loaded (gpointer page)
{
  return !korak_today_page_get_loading (page);
}

/* Ctrl+J's action from the profile writes a small win; it shows beside the
 * charts on Progress and on Today, and Today's row opens the journal. */
static void
test_ui_journal_and_today (Fixture       *f,
                           gconstpointer  data)
{
  KorakProfilePage *profile = korak_participants_page_get_profile (f->page);
  KorakTodayPage *today;
  GListModel *wins;
  g_autoptr(KorakTodayItem) item = NULL;
  GtkWidget *focus;
  gint64 ana;

  ana = add_through_dialog (f, "Ana", "Čebašek");
  g_assert_cmpuint (korak_progress_page_get_n_small_wins (korak_profile_page_get_progress_page (profile)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.quick-journal", NULL));
  g_assert_cmpstr (korak_profile_page_get_view (profile), ==, "journal");
  wait_until (text_has_focus, f->window);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  gtk_editable_set_text (GTK_EDITABLE (focus), "Poklicala je na občino sama — \"prvič\"");
  g_signal_emit_by_name (focus, "activate");
  spin (20);
  g_assert_cmpint (korak_store_count_rows (korak_window_get_store (f->window), "journal_entry", NULL), ==, 1);
  g_assert_cmpuint (korak_progress_page_get_n_small_wins (korak_profile_page_get_progress_page (profile)), ==, 1);

  korak_window_show_view (f->window, "today");
  today = korak_window_get_today_page (f->window);
  wait_until (today_loaded, today);
  wins = korak_today_get_section (korak_today_page_get_model (today), KORAK_TODAY_SMALL_WINS);
  g_assert_cmpuint (g_list_model_get_n_items (wins), ==, 1);
  item = g_list_model_get_item (wins, 0);
  g_assert_cmpstr (korak_today_item_get_title (item), ==, "Poklicala je na občino sama — \"prvič\"");

  korak_profile_page_set_view (profile, "profile");
  g_signal_emit_by_name (today, "open", korak_today_item_get_kind (item), korak_today_item_get_id (item));
  g_assert_cmpint (korak_participant_get_id (korak_profile_page_get_participant (profile)), ==, ana);
  g_assert_cmpstr (korak_profile_page_get_view (profile), ==, "journal");
}

static void
test_ui_unopenable_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("korak-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char junk[8192];
  KorakWindow *window;

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (char)(g_test_rand_int () & 0xff);
  memcpy (junk, "not a db", 8);
  g_assert_true (g_file_set_contents (path, junk, sizeof junk, &error));

  window = korak_window_new (NULL, path);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);

  g_assert_nonnull (korak_window_get_error_message (window));
  g_assert_true (strstr (korak_window_get_error_message (window), "is not a Korak database") != NULL);
  g_assert_null (korak_window_get_store (window));

  g_assert_true (g_file_get_contents (path, &after, NULL, &error));
  g_assert_cmpmem (after, sizeof junk, junk, sizeof junk);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* The participants menu opens People Past Retention over the window. */
static void
test_ui_retention_window (Fixture       *f,
                          gconstpointer  data)
{
  KorakParticipantsPage *page = korak_window_get_participants_page (f->window);
  GListModel *toplevels;   /* GTK's own list: not ours to unref */
  GtkWindow *retention = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "participants.retention", NULL));
  spin (100);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (KORAK_IS_RETENTION_WINDOW (w))
        retention = w;
    }
  g_assert_nonnull (retention);
  g_assert_true (gtk_window_get_transient_for (retention) == GTK_WINDOW (f->window));
  /* Nobody in a new database ended a programme years ago. */
  g_assert_cmpuint (korak_retention_window_get_n_people (KORAK_RETENTION_WINDOW (retention)), ==, 0);
  gtk_window_destroy (retention);
}

/* F1 opens the help page about the view on screen. */
static void
test_ui_help_page (Fixture       *f,
                   gconstpointer  data)
{
  static const char *views[][2] = {
    { "today", "today" },
    { "participants", "participants" },
    { "schedule", "schedule" },
    { "cohorts", "cohorts" },
    { "attendance", "attendance" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", views[i][0]));
      spin (50);
      g_assert_cmpstr (korak_window_get_help_page (f->window), ==, views[i][1]);
    }
}

static void
test_ui_screenshot (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "window.png", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  add_through_dialog (f, "Ana", "Čebašek");
  spin (200);

  g_assert_true (korak_save_screenshot (GTK_WIDGET (f->window), png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  /* For a person to look at: KORAK_TEST_SCREENSHOTS=DIR keeps a wide and a
   * narrow (folded) picture of the window. */
  if (g_getenv ("KORAK_TEST_SCREENSHOTS") != NULL)
    {
      g_autofree char *wide = g_build_filename (g_getenv ("KORAK_TEST_SCREENSHOTS"), "profile-wide.png", NULL);
      g_autofree char *narrow = g_build_filename (g_getenv ("KORAK_TEST_SCREENSHOTS"), "profile-narrow.png", NULL);

      g_assert_true (korak_save_screenshot (GTK_WIDGET (f->window), wide, &error));
      gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
      spin (400);
      g_assert_true (korak_save_screenshot (GTK_WIDGET (f->window), narrow, &error));
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  korak_ui_ensure_resources ();

  g_test_add ("/ui/participants/empty-state", Fixture, NULL, fixture_set_up, test_ui_empty_state, fixture_tear_down);
  g_test_add ("/ui/participants/create-search-archive-undo", Fixture, NULL,
              fixture_set_up, test_ui_create_search_archive_undo, fixture_tear_down);
  g_test_add ("/ui/participants/edit-profile", Fixture, NULL, fixture_set_up, test_ui_edit_profile, fixture_tear_down);
  g_test_add ("/ui/profile/print-and-export", Fixture, NULL, fixture_set_up, test_ui_print_and_export, fixture_tear_down);
  g_test_add ("/ui/profile/journal-and-today", Fixture, NULL, fixture_set_up, test_ui_journal_and_today, fixture_tear_down);
  g_test_add ("/ui/participants/retention-window", Fixture, NULL, fixture_set_up, test_ui_retention_window, fixture_tear_down);
  g_test_add ("/ui/window/help-page", Fixture, NULL, fixture_set_up, test_ui_help_page, fixture_tear_down);
  g_test_add ("/ui/window/screenshot", Fixture, NULL, fixture_set_up, test_ui_screenshot, fixture_tear_down);
  g_test_add_func ("/ui/window/unopenable-database", test_ui_unopenable_database);

  return g_test_run ();
}
