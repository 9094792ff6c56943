/* test-import-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import window as a mentor meets it: a file with a wrong line keeps
 * Import off and says why; a good file imports everyone and the list shows
 * them. The export dialog writes CSV and XLSX. Runs under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "korak-csv.h"
#include "korak-export-dialog.h"
#include "korak-import-window.h"
#include "korak-participants-page.h"
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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("korak-import-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);

  f->window = korak_window_new (NULL, f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_mapped, f->window);
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

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
collect_subtitles (GtkWidget *widget,
                   GPtrArray *subtitles)
{
  if (ADW_IS_ACTION_ROW (widget) && !ADW_IS_COMBO_ROW (widget))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

      if (subtitle != NULL && g_str_has_prefix (subtitle, "Line "))
        g_ptr_array_add (subtitles, (gpointer) subtitle);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_subtitles (child, subtitles);
}

static KorakImportWindow *
find_import_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KORAK_IS_IMPORT_WINDOW (window))
        return KORAK_IMPORT_WINDOW (window);
    }
  return NULL;
}

static void
on_imported_cb (KorakImportWindow *window,
                guint              n,
                guint             *imported)
{
  *imported = n;
}

static void
test_import_invalid_then_good (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *bad = write_file (f, "bad.csv",
                                     "\xEF\xBB\xBF" "Ime;Priimek;Datum rojstva;E-pošta\r\n"
                                     "Ana;Novak;1985-03-12;ana@example.si\r\n"
                                     "Bor;<b>Kos</b>;2026-02-30;\r\n"
                                     "Cvetka;Zupan;1. 2. 1970;\r\n");
  g_autofree char *good = write_file (f, "good.csv",
                                      "\xEF\xBB\xBF" "Ime;Priimek;Datum rojstva;E-pošta\r\n"
                                      "Ana;Novak;1985-03-12;ana@example.si\r\n"
                                      "Bor;<b>Kos</b>;2026-02-27;\r\n"
                                      "Cvetka;Zupan;1. 2. 1970;\r\n");
  g_autoptr(GPtrArray) subtitles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  KorakImportWindow *window;
  GtkWidget *button;
  guint imported = 0;

  g_assert_cmpuint (korak_participant_list_get_total (f->list), ==, 0);

  /* The page's menu opens the window. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.import", NULL);
  window = find_import_window ();
  g_assert_nonnull (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_signal_connect (window, "imported", G_CALLBACK (on_imported_cb), &imported);
  wait_until (is_mapped, window);
  button = korak_import_window_get_import_button (window);
  g_assert_false (gtk_widget_is_sensitive (button));

  g_assert_true (korak_import_window_load (window, bad, &error));
  g_assert_no_error (error);
  spin (50);

  g_assert_cmpuint (korak_import_window_get_n_invalid (window), ==, 1);
  g_assert_nonnull (strstr (korak_import_window_get_summary (window), "1 of 3 lines cannot be imported"));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (button)), "3 Participants"));

  /* The invalid line is listed first, with its line and reason. */
  collect_subtitles (GTK_WIDGET (window), subtitles);
  g_assert_cmpuint (subtitles->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (subtitles, 0), "Line 3: "));
  g_assert_nonnull (strstr (g_ptr_array_index (subtitles, 0), "2026-02-30"));

  /* Applying anyway does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "import.apply", NULL);
  spin (20);
  g_assert_cmpuint (korak_participant_list_get_total (f->list), ==, 0);

  /* The corrected file: Import is on. */
  g_assert_true (korak_import_window_load (window, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (korak_import_window_get_n_invalid (window), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (button));

  /* A column set to ignore that every person needs turns it off again, and back. */
  korak_import_window_set_mapping (window, 1, KORAK_CSV_IGNORE);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (strstr (korak_import_window_get_summary (window), "Family name"));
  korak_import_window_set_mapping (window, 1, KORAK_FIELD_FAMILY_NAME);
  g_assert_true (gtk_widget_is_sensitive (button));

  gtk_widget_activate (button);
  wait_until (is_null, &window);
  g_assert_cmpuint (imported, ==, 3);
  g_assert_cmpuint (korak_participant_list_get_total (f->list), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 3);
  g_assert_cmpstr (korak_participants_page_get_state (f->page), ==, "list");

  {
    g_autoptr(KorakParticipant) first = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
    const char *name = korak_participant_get_display_name (first);

    g_assert_nonnull (name);
  }
}

static void
test_import_unreadable_file (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = write_file (f, "cp1250.csv", "Ime;Priimek\nMarija;Ko\xE8" "ar\n");
  KorakImportWindow *window = korak_import_window_new (GTK_WINDOW (f->window), f->list);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (korak_import_window_load (window, path, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_false (gtk_widget_is_sensitive (korak_import_window_get_import_button (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  KorakStore *store = korak_participant_list_get_store (f->list);
  KorakExportDialog *dialog = korak_export_dialog_new (GTK_WINDOW (f->window), store);
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_until (is_mapped, dialog);

  korak_export_dialog_set_choice (dialog, KORAK_EXPORT_ATTENDANCE, KORAK_EXPORT_FORMAT_CSV);
  g_assert_true (korak_export_dialog_export_to (dialog, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));

  korak_export_dialog_set_choice (dialog, KORAK_EXPORT_PARTICIPANTS, KORAK_EXPORT_FORMAT_XLSX);
  g_assert_true (korak_export_dialog_export_to (dialog, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/import/invalid-then-good", Fixture, NULL, fixture_set_up, test_import_invalid_then_good,
              fixture_tear_down);
  g_test_add ("/ui/import/unreadable-file", Fixture, NULL, fixture_set_up, test_import_unreadable_file,
              fixture_tear_down);
  g_test_add ("/ui/export/dialog", Fixture, NULL, fixture_set_up, test_export_dialog, fixture_tear_down);

  return g_test_run ();
}
