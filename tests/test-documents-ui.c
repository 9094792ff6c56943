/* test-documents-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printed documents reached from the window, on a demo database: the
 * Organisation preferences, a participant's documents (Print or Save
 * dialog, PDF export, the print operation exported to a file, certificates
 * refused and reprinted), the cohort's monthly report dialog and its
 * outcomes and certificates, and a session's sign-in sheet. PDFs are read
 * back with poppler-utils when they are installed. Runs under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "korak-cohorts-page.h"
#include "korak-demo.h"
#include "korak-document-dialog.h"
#include "korak-participants-page.h"
#include "korak-preferences-window.h"
#include "korak-print.h"
#include "korak-profile-page.h"
#include "korak-report-data.h"
#include "korak-session-page.h"
#include "korak-store-private.h"
#include "korak-ui-util.h"
#include "korak-window.h"

typedef struct
{
  char                  *dir;
  char                  *path;
  KorakWindow           *window;
  KorakStore            *store;
} Fixture;

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_loaded (gpointer window)
{
  return korak_window_get_loaded (window);
}

static gboolean
is_null (gpointer pointer_location)
{
  return *(gpointer *)pointer_location == NULL;
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

/* The window with @dialog over it, centred as a compositor shows a modal
 * dialog (Xvfb has no window manager to draw them together). */
static void
screenshot_with_dialog (GtkWidget  *window,
                        GtkWidget  *dialog,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *window_png = NULL;
  g_autofree char *dialog_png = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *under, *over;
  cairo_t *cr;
  int x, y;

  if (g_getenv ("KORAK_TEST_SCREENSHOTS") == NULL)
    return;
  window_png = g_build_filename (g_get_tmp_dir (), "korak-window-shot.png", NULL);
  dialog_png = g_build_filename (g_get_tmp_dir (), "korak-dialog-shot.png", NULL);
  path = g_build_filename (g_getenv ("KORAK_TEST_SCREENSHOTS"), name, NULL);
  spin (300);
  g_assert_true (korak_save_screenshot (window, window_png, &error));
  g_assert_true (korak_save_screenshot (dialog, dialog_png, &error));

  under = cairo_image_surface_create_from_png (window_png);
  over = cairo_image_surface_create_from_png (dialog_png);
  cr = cairo_create (under);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_paint (cr);
  x = (cairo_image_surface_get_width (under) - cairo_image_surface_get_width (over)) / 2;
  y = (cairo_image_surface_get_height (under) - cairo_image_surface_get_height (over)) / 3;
  cairo_set_source_surface (cr, over, x, y);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (under, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (under);
  cairo_surface_destroy (over);
  g_unlink (window_png);
  g_unlink (dialog_png);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("korak-documents-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);
  g_assert_true (korak_demo_ensure (f->path, 60, 7, &error));
  g_assert_no_error (error);

  f->window = korak_window_new (NULL, f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_mapped, f->window);
  wait_until (is_loaded, f->window);
  f->store = korak_window_get_store (f->window);
  g_assert_nonnull (f->store);
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

      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
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

/* ------------------------------------------------------------ helpers */

static gint64
query_id (Fixture    *f,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
exec_ok (Fixture    *f,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  korak_store_exec (f->store, sql, &error);
  g_assert_no_error (error);
}

/* What pdftotext reads from @path, or NULL without poppler-utils. */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The page count pdfinfo reads, or -1 without poppler-utils. */
static int
pdf_pages (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status = 0;

  if (program == NULL)
    return -1;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static void
assert_pdf_holds (const char *path,
                  const char *expected)
{
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));

  text = pdf_text (path);
  if (text == NULL)
    return;
  /* A wrapped line reads as two; a name may wrap at its space. */
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  if (strstr (flat, expected) == NULL)
    g_error ("“%s” is not in the PDF text:\n%s", expected, text);
}

/* Runs the print dialog's operation with EXPORT to @path: the same
 * begin-print and draw-page handlers, without a dialog. Returns the number
 * of pages the operation said it would print. */
static int
print_to_file (Fixture       *f,
               KorakDocument *document,
               const char    *path)
{
  g_autoptr(GtkPrintOperation) operation = korak_print_operation_new (document);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  int n_pages = 0;

  gtk_print_operation_set_allow_async (operation, FALSE);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (f->window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (n_pages, >=, 1);
  return n_pages;
}

static GtkWidget *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && !KORAK_IS_DOCUMENT_DIALOG (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* The print dialog GTK opens for GtkPrintOperation. */
static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  spin (50);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_DIALOG (window) && g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog"))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static KorakDocumentDialog *
wait_for_document_dialog (void)
{
  KorakDocumentDialog *dialog;

  spin (20);
  dialog = korak_document_dialog_find ();
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);
  return dialog;
}

static void
close_window (gpointer window)
{
  GtkWidget *weak = window;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (window));
  spin (20);
  if (weak != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (weak));
      wait_until (is_null, &weak);
    }
}

static KorakProfilePage *
show_participant (Fixture *f,
                  gint64   id)
{
  KorakParticipantsPage *page = korak_window_get_participants_page (f->window);
  KorakProfilePage *profile = korak_participants_page_get_profile (page);
  KorakParticipant *participant;

  korak_window_show_view (f->window, "participants");
  participant = korak_participant_list_lookup (korak_participants_page_get_model (page), id);
  g_assert_nonnull (participant);
  g_assert_true (korak_profile_page_show (profile, participant));
  return profile;
}

/* A small PNG, drawn with Cairo. */
static char *
write_png (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "logo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 60);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, 10, 10, 100, 40);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

/* -------------------------------------------------------------- tests */

/* Preferences → Organisation: the letterhead is stored, a refusal keeps
 * what was typed, the logo must be a PNG. */
static void
test_documents_organisation (Fixture       *f,
                             gconstpointer  data)
{
  KorakPreferencesWindow *prefs;
  g_autoptr(KorakOrganisationRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = write_png (f);
  g_autofree char *text_path = g_build_filename (f->dir, "not-a-logo.png", NULL);
  g_autoptr(GFile) not_png = g_file_new_for_path (text_path);
  g_autoptr(GFile) logo = g_file_new_for_path (png);
  GtkEditable *name;

  prefs = KORAK_PREFERENCES_WINDOW (korak_preferences_window_new (GTK_WINDOW (f->window), NULL));
  korak_preferences_window_set_store (prefs, f->store);
  gtk_window_present (GTK_WINDOW (prefs));
  wait_until (is_mapped, prefs);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "organisation");

  /* The demo's organisation is shown. */
  name = korak_preferences_window_get_organisation_entry (prefs, "name");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Društvo Korak, Kranj");
  screenshot (GTK_WIDGET (prefs), "preferences-organisation-opened.png");

  /* Enter in the name stores it. */
  gtk_editable_set_text (name, "Zavod Korak, Škofja Loka");
  gtk_editable_set_text (korak_preferences_window_get_organisation_entry (prefs, "funder"),
                         "Sofinancira Evropski socialni sklad plus");
  g_signal_emit_by_name (name, "apply");
  stored = korak_store_get_organisation (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "Zavod Korak, Škofja Loka");
  g_assert_cmpstr (stored->funder_line, ==, "Sofinancira Evropski socialni sklad plus");
  g_assert_null (korak_preferences_window_get_organisation_error (prefs));
  g_clear_pointer (&stored, korak_organisation_record_free);

  /* An empty name is refused; the other fields keep what was typed. */
  gtk_editable_set_text (name, "  ");
  gtk_editable_set_text (korak_preferences_window_get_organisation_entry (prefs, "address"), "Mestni trg 1");
  g_signal_emit_by_name (name, "apply");
  g_assert_nonnull (korak_preferences_window_get_organisation_error (prefs));
  g_assert_cmpstr (gtk_editable_get_text (korak_preferences_window_get_organisation_entry (prefs, "address")),
                   ==, "Mestni trg 1");
  stored = korak_store_get_organisation (f->store, &error);
  g_assert_cmpstr (stored->name, ==, "Zavod Korak, Škofja Loka");
  g_clear_pointer (&stored, korak_organisation_record_free);

  /* A file that is not a PNG is refused, and the typing stays. */
  gtk_editable_set_text (name, "Zavod Korak, Škofja Loka");
  g_assert_true (g_file_set_contents (text_path, "GIF89a, not a PNG at all", -1, NULL));
  g_assert_false (korak_preferences_window_set_logo_file (prefs, not_png));
  g_assert_nonnull (korak_preferences_window_get_organisation_error (prefs));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Zavod Korak, Škofja Loka");
  stored = korak_store_get_organisation (f->store, &error);
  g_assert_null (stored->logo);
  g_clear_pointer (&stored, korak_organisation_record_free);

  /* A PNG is taken, with the address typed before it. */
  g_assert_true (korak_preferences_window_set_logo_file (prefs, logo));
  g_assert_null (korak_preferences_window_get_organisation_error (prefs));
  adw_combo_row_set_selected (korak_preferences_window_get_paper_row (prefs), 1);
  stored = korak_store_get_organisation (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored->logo);
  g_assert_cmpstr (stored->paper, ==, "letter");
  g_assert_cmpstr (stored->address, ==, "Mestni trg 1");
  g_clear_pointer (&stored, korak_organisation_record_free);
  screenshot (GTK_WIDGET (prefs), "preferences-organisation.png");

  /* Remove takes the logo away again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "organisation.remove-logo", NULL));
  stored = korak_store_get_organisation (f->store, &error);
  g_assert_null (stored->logo);
  g_clear_pointer (&stored, korak_organisation_record_free);

  /* Text typed without Enter is stored on closing. */
  gtk_editable_set_text (korak_preferences_window_get_organisation_entry (prefs, "address"), "Mestni trg 2");
  close_window (prefs);
  stored = korak_store_get_organisation (f->store, &error);
  g_assert_cmpstr (stored->address, ==, "Mestni trg 2");
}

/* A participant's documents from the profile's menu. */
static void
test_documents_profile (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *progress_pdf = g_build_filename (f->dir, "progress.pdf", NULL);
  g_autofree char *printed = g_build_filename (g_getenv ("KORAK_TEST_SCREENSHOTS") ? g_getenv ("KORAK_TEST_SCREENSHOTS") : f->dir,
                                               "printed-plan.pdf", NULL);
  g_autofree char *first = g_build_filename (f->dir, "certificate-1.pdf", NULL);
  g_autofree char *again = g_build_filename (f->dir, "certificate-2.pdf", NULL);
  g_autofree char *first_text = NULL;
  g_autofree char *again_text = NULL;
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  KorakProfilePage *profile;
  KorakDocumentDialog *dialog;
  GtkWidget *message, *print_dialog;
  gint64 id;
  int n_pages;

  /* Someone in a cohort with attended hours, still active. */
  id = query_id (f, "SELECT e.participant_id FROM enrolment e JOIN participant p ON p.id = e.participant_id "
                    "WHERE e.status = 'active' AND p.archived_at IS NULL AND EXISTS (SELECT 1 FROM attendance a "
                    "WHERE a.participant_id = e.participant_id AND a.state IN ('present', 'late')) "
                    "ORDER BY e.participant_id LIMIT 1");
  g_assert_cmpint (id, !=, 0);
  sql = g_strdup_printf ("SELECT family_name FROM participant WHERE id = %" G_GINT64_FORMAT, id);
  family = query_text (f, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT given_name FROM participant WHERE id = %" G_GINT64_FORMAT, id);
  given = query_text (f, sql);
  profile = show_participant (f, id);

  /* The menu's item opens the Print or Save dialog for that document. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.document", "s", "progress"));
  dialog = wait_for_document_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Progress Report");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), family));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "print");
  screenshot (GTK_WIDGET (dialog), "document-dialog.png");
  screenshot_with_dialog (GTK_WIDGET (f->window), GTK_WIDGET (dialog), "window-with-document-dialog.png");
  close_window (dialog);

  /* Save as PDF, given a path as after the file chooser. */
  g_assert_true (korak_profile_page_export_document (profile, "progress", progress_pdf, &error));
  g_assert_no_error (error);
  assert_pdf_holds (progress_pdf, family);
  assert_pdf_holds (progress_pdf, given);
  screenshot (GTK_WIDGET (f->window), "saved-toast.png");

  /* Print: the operation exported to a file lays out as many pages as it
   * draws, and as the document has on A4. */
  document = korak_profile_page_create_document (profile, "plan", &error);
  g_assert_no_error (error);
  n_pages = korak_document_layout (document, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT);
  g_assert_cmpint (print_to_file (f, g_steal_pointer (&document), printed), ==, n_pages);
  if (pdf_pages (printed) >= 0)
    g_assert_cmpint (pdf_pages (printed), ==, n_pages);
  assert_pdf_holds (printed, family);

  /* Ctrl+P opens the print dialog on the profile; closing it prints nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.print", NULL));
  print_dialog = find_print_dialog ();
  g_assert_nonnull (print_dialog);
  wait_until (is_mapped, print_dialog);
  screenshot (print_dialog, "print-dialog.png");
  close_window (print_dialog);
  spin (50);
  g_assert_null (find_message_dialog ("Could Not Print"));

  /* Completion while still active is refused, with the store's reason in
   * a dialog after Print. */
  document = korak_profile_page_create_document (profile, "completion", &error);
  g_assert_null (document);
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.document", "s", "completion"));
  dialog = wait_for_document_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "print");
  spin (50);
  message = find_message_dialog ("The Document Could Not Be Made");
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), ==, error->message);
  screenshot (message, "certificate-refused.png");
  close_window (message);
  g_clear_error (&error);
  /* A button closes the dialog after its response; a response sent in
   * code does not. */
  if ((dialog = korak_document_dialog_find ()) != NULL)
    close_window (dialog);

  /* Completed: the certificate is issued once and printed again alike. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE enrolment SET status = 'completed', end_date = date('now', '-1 day') "
                         "WHERE participant_id = %1$" G_GINT64_FORMAT " AND status = 'active';"
                         "UPDATE participant SET status = 'completed' WHERE id = %1$" G_GINT64_FORMAT ";", id);
  exec_ok (f, sql);
  g_assert_true (korak_profile_page_export_document (profile, "completion", first, &error));
  g_assert_no_error (error);
  g_assert_true (korak_profile_page_export_document (profile, "completion", again, &error));
  g_assert_no_error (error);
  assert_pdf_holds (first, family);
  first_text = pdf_text (first);
  again_text = pdf_text (again);
  g_assert_cmpstr (first_text, ==, again_text);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM certificate WHERE participant_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (query_id (f, sql), ==, 1);

  /* Participation too. */
  g_assert_true (korak_profile_page_export_document (profile, "participation", first, &error));
  g_assert_no_error (error);
  assert_pdf_holds (first, family);
}

/* The cohort's reports: the month chooser, outcomes, certificates. */
static void
test_documents_cohort (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *monthly = g_build_filename (g_getenv ("KORAK_TEST_SCREENSHOTS") ? g_getenv ("KORAK_TEST_SCREENSHOTS") : f->dir,
                                               "monthly.pdf", NULL);
  g_autofree char *outcomes = g_build_filename (f->dir, "outcomes.pdf", NULL);
  g_autofree char *certificates = g_build_filename (f->dir, "certificates.pdf", NULL);
  g_autofree char *start = NULL;
  g_autofree char *first_month = NULL;
  g_autofree char *end = NULL;
  g_autofree char *last_held = NULL;
  g_autofree char *cohort_name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *member = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  KorakCohortsPage *page;
  KorakDocumentDialog *dialog;
  GListModel *months;
  GtkWidget *message;
  gint64 cohort_id;
  int start_year, start_month, end_year, end_month, expected, n_pages;

  /* The oldest cohort has months behind it. */
  cohort_id = query_id (f, "SELECT id FROM cohort ORDER BY start_date LIMIT 1");
  g_assert_cmpint (cohort_id, !=, 0);
  sql = g_strdup_printf ("SELECT start_date FROM cohort WHERE id = %" G_GINT64_FORMAT, cohort_id);
  start = query_text (f, sql);
  first_month = g_strndup (start, 7);
  g_free (sql);
  sql = g_strdup_printf ("SELECT max(end_date) FROM module WHERE cohort_id = %" G_GINT64_FORMAT, cohort_id);
  end = query_text (f, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT substr(max(date), 1, 7) FROM session WHERE cohort_id = %" G_GINT64_FORMAT
                         " AND cancelled_reason IS NULL AND date <= date('now', 'localtime')", cohort_id);
  last_held = query_text (f, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT name FROM cohort WHERE id = %" G_GINT64_FORMAT, cohort_id);
  cohort_name = query_text (f, sql);

  korak_window_show_view (f->window, "cohorts");
  page = korak_window_get_cohorts_page (f->window);
  wait_until (is_mapped, page);
  korak_cohorts_page_select (page, cohort_id);
  g_assert_cmpint (korak_cohorts_page_get_selected_id (page), ==, cohort_id);

  /* The month chooser lists the cohort's months, the last held first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cohorts.monthly-report", NULL));
  dialog = wait_for_document_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Monthly Attendance Report");
  months = korak_document_dialog_get_choice_model (dialog);
  g_assert_nonnull (months);
  g_assert_cmpint (sscanf (start, "%4d-%2d", &start_year, &start_month), ==, 2);
  g_assert_cmpint (sscanf (end, "%4d-%2d", &end_year, &end_month), ==, 2);
  expected = (end_year - start_year) * 12 + end_month - start_month + 1;
  g_assert_cmpuint (g_list_model_get_n_items (months), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (months); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (months, i);

      g_assert_cmpuint (strlen (gtk_string_object_get_string (label)), >, 4);
    }
  if (last_held != NULL)
    g_assert_cmpstr (korak_document_dialog_get_choice (dialog), ==, last_held);
  else
    g_assert_cmpstr (korak_document_dialog_get_choice (dialog), ==, first_month);
  screenshot (GTK_WIDGET (dialog), "monthly-dialog.png");
  screenshot_with_dialog (GTK_WIDGET (f->window), GTK_WIDGET (dialog), "window-with-monthly-dialog.png");

  /* The first month, made as Print or Save would. */
  g_assert_true (korak_document_dialog_set_choice (dialog, first_month));
  document = korak_document_dialog_build (dialog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (korak_export_document_pdf_to_path (GTK_WIDGET (page), document, monthly, &error));
  g_assert_no_error (error);
  g_clear_pointer (&document, korak_document_free);
  g_free (sql);
  sql = g_strdup_printf ("SELECT p.family_name FROM enrolment e JOIN participant p ON p.id = e.participant_id "
                         "WHERE e.cohort_id = %" G_GINT64_FORMAT " AND e.start_date <= '%s-28' "
                         "ORDER BY p.family_name LIMIT 1", cohort_id, first_month);
  member = query_text (f, sql);
  g_assert_nonnull (member);
  assert_pdf_holds (monthly, member);
  close_window (dialog);

  /* Outcomes, printed: as many pages as laid out. */
  document = korak_cohorts_page_create_document (page, "outcomes", NULL, &error);
  g_assert_no_error (error);
  n_pages = print_to_file (f, g_steal_pointer (&document), outcomes);
  if (pdf_pages (outcomes) >= 0)
    g_assert_cmpint (pdf_pages (outcomes), ==, n_pages);
  assert_pdf_holds (outcomes, "Kranj");

  /* Nobody completed yet: the menu item says so instead of printing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cohorts.certificates", NULL));
  spin (50);
  g_assert_null (korak_document_dialog_find ());
  message = find_message_dialog ("Nobody Has Completed This Cohort Yet");
  g_assert_nonnull (message);
  close_window (message);

  /* Two complete: one certificate page each, in one document. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE enrolment SET status = 'completed', end_date = date('now', '-1 day') WHERE id IN "
                         "(SELECT e.id FROM enrolment e WHERE e.cohort_id = %" G_GINT64_FORMAT " AND e.status = 'active' "
                         "AND EXISTS (SELECT 1 FROM attendance a WHERE a.participant_id = e.participant_id) "
                         "ORDER BY e.id LIMIT 2)", cohort_id);
  exec_ok (f, sql);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cohorts.certificates", NULL));
  dialog = wait_for_document_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2 people"));
  close_window (dialog);
  document = korak_cohorts_page_create_document (page, "certificates", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (korak_document_layout (document, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT), ==, 2);
  g_assert_true (korak_document_write_pdf (document, certificates, &error));
  g_assert_no_error (error);
  if (pdf_pages (certificates) >= 0)
    g_assert_cmpint (pdf_pages (certificates), ==, 2);
}

/* A session's sign-in sheet: the menu item and the document. */
static void
test_documents_sign_in_sheet (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "sign-in.pdf", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *member = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  KorakSessionPage *page;
  KorakDocumentDialog *dialog;
  GtkWidget *window, *overlay;
  gint64 session_id;

  session_id = query_id (f, "SELECT s.id FROM session s WHERE s.kind = 'group' AND s.cancelled_reason IS NULL "
                            "AND s.date <= date('now', 'localtime') AND EXISTS (SELECT 1 FROM attendance a "
                            "WHERE a.session_id = s.id) ORDER BY s.date DESC LIMIT 1");
  g_assert_cmpint (session_id, !=, 0);
  sql = g_strdup_printf ("SELECT p.family_name FROM attendance a JOIN participant p ON p.id = a.participant_id "
                         "WHERE a.session_id = %" G_GINT64_FORMAT " ORDER BY p.family_name LIMIT 1", session_id);
  member = query_text (f, sql);

  window = adw_window_new ();
  overlay = adw_toast_overlay_new ();
  page = g_object_new (KORAK_TYPE_SESSION_PAGE, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);

  g_assert_true (korak_session_page_show_session (page, f->store, session_id, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.sign-in-sheet", NULL));
  dialog = wait_for_document_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Sign-in Sheet");
  document = korak_document_dialog_build (dialog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  close_window (dialog);

  g_assert_true (korak_export_document_pdf_to_path (GTK_WIDGET (page), document, pdf, &error));
  g_assert_no_error (error);
  if (member != NULL)
    assert_pdf_holds (pdf, member);

  g_clear_pointer (&document, korak_document_free);
  document = korak_session_page_create_sign_in_sheet (page, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  korak_ui_ensure_resources ();

  g_test_add ("/ui/documents/organisation", Fixture, NULL, fixture_set_up,
              test_documents_organisation, fixture_tear_down);
  g_test_add ("/ui/documents/profile", Fixture, NULL, fixture_set_up,
              test_documents_profile, fixture_tear_down);
  g_test_add ("/ui/documents/cohort", Fixture, NULL, fixture_set_up,
              test_documents_cohort, fixture_tear_down);
  g_test_add ("/ui/documents/sign-in-sheet", Fixture, NULL, fixture_set_up,
              test_documents_sign_in_sheet, fixture_tear_down);

  return g_test_run ();
}
