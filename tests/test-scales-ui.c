/* test-scales-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scales with words in Preferences, and "Translate…" on a goal and a small
 * win, driven through the real widgets. Runs under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "korak-journal-page.h"
#include "korak-note-links.h"
#include "korak-note-util.h"
#include "korak-plan-page.h"
#include "korak-preferences-window.h"
#include "korak-scale-editor.h"
#include "korak-store-private.h"
#include "korak-translation-dialog.h"
#include "korak-ui-util.h"

#define AMINA 5001

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
         GPtrArray  *out)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, name, out);
}

static GPtrArray *
find_all (gpointer    root,
          const char *name)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, name, out);
  return out;
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

/* The newest toplevel of @type, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        found = window;
    }
  return found;
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("korak-scales-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (path, &error);
  g_assert_no_error (error);
  exec_ok (f->store,
           "INSERT INTO participant (id, given_name, family_name, status, mother_tongue) "
           "  VALUES (5001, 'Amina', 'Hadžić', 'active', 'arabščina');");
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
}

static gint64
area_id (KorakStore *store,
         const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (store), "SELECT id FROM competency_area WHERE name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ------------------------------------------------------------- scale */

static void
test_scale_editor (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *prefs = korak_preferences_window_new (NULL, NULL);
  g_autoptr(KorakBandRecord) band = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (10000, 'x');
  gint64 digital = area_id (f->store, "Digital skills");
  KorakScaleEditor *editor;
  GListModel *model;
  gint64 seeded_id;

  /* Preferences: every area has its Scale… button; it opens the editor. */
  korak_preferences_window_set_store (KORAK_PREFERENCES_WINDOW (prefs), f->store);
  gtk_window_present (GTK_WINDOW (prefs));
  wait_until (is_mapped, prefs);
  buttons = find_all (prefs, "area-scale");
  g_assert_cmpuint (buttons->len, ==, g_list_model_get_n_items (G_LIST_MODEL (korak_preferences_window_get_areas (KORAK_PREFERENCES_WINDOW (prefs)))));
  g_signal_emit_by_name (g_ptr_array_index (buttons, 3), "clicked");   /* Digital skills, fourth */
  editor = KORAK_SCALE_EDITOR (find_toplevel (KORAK_TYPE_SCALE_EDITOR));
  g_assert_nonnull (editor);
  wait_until (is_mapped, editor);
  model = korak_scale_editor_get_model (editor);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpuint (find_all (editor, "band")->len, ==, 4);
  screenshot (GTK_WIDGET (editor), "scale-editor.png");

  /* The seeded 8–10 becomes 9–10, its words untouched: still seeded. */
  band = korak_store_find_band (f->store, digital, 9, &error);
  seeded_id = band->id;
  korak_scale_editor_edit_band (editor, seeded_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (korak_scale_editor_get_description_row (editor))),
                   ==, "Uses e-government services without help.");
  gtk_spin_button_set_value (korak_scale_editor_get_from_spin (editor), 9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "scale.save", NULL));
  g_assert_null (korak_scale_editor_get_error (editor));
  g_clear_pointer (&band, korak_band_record_free);
  band = korak_store_find_band (f->store, digital, 9, &error);
  g_assert_cmpint (band->score_from, ==, 9);
  g_assert_true (korak_scale_band_is_seeded (band->description));

  /* A new band lands on the free score 8; the Arabic translation typed but
   * not added is saved with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "scale.add", NULL));
  g_assert_cmpint (korak_scale_editor_get_editing_id (editor), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (korak_scale_editor_get_from_spin (editor)), ==, 8);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (korak_scale_editor_get_to_spin (editor)), ==, 8);

  /* Errors first: nothing typed is lost. */
  gtk_editable_set_text (GTK_EDITABLE (korak_scale_editor_get_description_row (editor)), long_text);
  g_assert_false (korak_scale_editor_save (editor));
  g_assert_nonnull (strstr (korak_scale_editor_get_error (editor), "300"));
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (korak_scale_editor_get_description_row (editor)))), ==, 10000);
  gtk_editable_set_text (GTK_EDITABLE (korak_scale_editor_get_description_row (editor)), "Pays bills online 💳");
  gtk_spin_button_set_value (korak_scale_editor_get_from_spin (editor), 7);
  g_assert_true (korak_language_combo_select (korak_scale_editor_get_language_row (editor), "ar"));
  gtk_editable_set_text (GTK_EDITABLE (korak_scale_editor_get_translation_row (editor)), "يدفع الفواتير عبر الإنترنت");
  g_assert_false (korak_scale_editor_save (editor));
  g_assert_nonnull (strstr (korak_scale_editor_get_error (editor), "6 to 7"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (korak_scale_editor_get_description_row (editor))),
                   ==, "Pays bills online 💳");
  /* The pending translation moved into the list of translations. */
  g_assert_cmpuint (find_all (editor, "band-translation-row")->len, ==, 1);
  screenshot (GTK_WIDGET (editor), "scale-editor-error.png");

  gtk_spin_button_set_value (korak_scale_editor_get_from_spin (editor), 8);
  g_assert_true (korak_scale_editor_save (editor));
  g_assert_cmpint (korak_scale_editor_get_editing_id (editor), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  /* Read back. */
  g_clear_pointer (&band, korak_band_record_free);
  band = korak_store_find_band (f->store, digital, 8, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (band->description, ==, "Pays bills online 💳");
  g_assert_cmpstr (korak_band_record_get_translation (band, "ar"), ==, "يدفع الفواتير عبر الإنترنت");
  screenshot (GTK_WIDGET (editor), "scale-editor-added.png");

  /* Deleted, then Undo: back with its translation. */
  g_assert_true (korak_scale_editor_delete_band (editor, band->id));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "scale.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_clear_pointer (&band, korak_band_record_free);
  band = korak_store_find_band (f->store, digital, 8, &error);
  g_assert_nonnull (band);
  g_assert_cmpstr (korak_band_record_get_translation (band, "ar"), ==, "يدفع الفواتير عبر الإنترنت");

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* ---------------------------------------------------------- translate */

static void
test_translate_goal (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *page = g_object_new (KORAK_TYPE_PLAN_PAGE, NULL);
  GtkWidget *window = window_with (page, 900, 1000);
  g_autoptr(KorakPlanRecord) plan = NULL;
  g_autoptr(KorakLinkedTranslation) linked = NULL;
  g_autoptr(GError) error = NULL;
  KorakTranslationDialog *dialog;
  gint64 goal_id;

  plan = korak_store_get_plan (f->store, AMINA, &error);
  korak_plan_record_add_goal (plan, "social", "Sama opravi klic na urad", NULL);
  g_assert_true (korak_store_save_plan (f->store, plan, KORAK_PLAN_SAVE, NULL, &error));
  g_assert_no_error (error);
  goal_id = ((KorakGoalRecord *)g_ptr_array_index (plan->goals, 0))->id;

  korak_plan_page_set_participant (KORAK_PLAN_PAGE (page), f->store, AMINA);
  g_assert_cmpuint (find_all (page, "translation-status")->len, ==, 0);

  /* Translate…: the editor opens on the goal's text, into Arabic. */
  g_signal_emit_by_name (nth (page, "goal-translate", 0), "clicked");
  g_assert_null (korak_plan_page_get_error (KORAK_PLAN_PAGE (page)));
  dialog = KORAK_TRANSLATION_DIALOG (find_toplevel (KORAK_TYPE_TRANSLATION_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (korak_language_combo_get (korak_translation_dialog_get_language_row (dialog)), ==, "ar");
  {
    g_autofree char *original = korak_text_view_get_text (korak_translation_dialog_get_original_view (dialog));

    g_assert_cmpstr (original, ==, "Sama opravi klic na urad");
  }
  korak_text_view_set_text (korak_translation_dialog_get_text_view (dialog), "تتصل بالمكتب الحكومي بنفسها");
  screenshot (GTK_WIDGET (dialog), "goal-translate.png");
  g_assert_true (korak_translation_dialog_save (dialog, TRUE));
  spin (50);

  /* Waiting for the mediator: marked not reviewed on the goal. */
  linked = korak_store_get_linked_translation (f->store, KORAK_LINK_GOAL, goal_id, "ar", &error);
  g_assert_nonnull (linked);
  g_assert_cmpstr (linked->state, ==, "needs_review");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (nth (page, "translation-status", 0))),
                   ==, "Translated into Arabic · not reviewed");

  /* Reviewed: marked so. */
  g_assert_true (korak_store_review_translation (f->store, linked->translation_id, 0, &error));
  g_assert_no_error (error);
  korak_plan_page_set_participant (KORAK_PLAN_PAGE (page), f->store, AMINA);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (nth (page, "translation-status", 0))),
                   ==, "Translated into Arabic · reviewed");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (nth (page, "goal", 0)), TRUE);
  gtk_widget_grab_focus (nth (page, "goal-translate", 0));
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (nth (page, "goal", 0), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    spin (100);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    spin (200);
  }
  screenshot (window, "goal-translated.png");

  /* Translate… again opens the same translation. */
  g_signal_emit_by_name (nth (page, "goal-translate", 0), "clicked");
  dialog = KORAK_TRANSLATION_DIALOG (find_toplevel (KORAK_TYPE_TRANSLATION_DIALOG));
  {
    g_autofree char *text = korak_text_view_get_text (korak_translation_dialog_get_text_view (dialog));

    g_assert_cmpstr (text, ==, "تتصل بالمكتب الحكومي بنفسها");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_translate_small_win (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *page = g_object_new (KORAK_TYPE_JOURNAL_PAGE, NULL);
  GtkWidget *window = window_with (page, 700, 600);
  g_autoptr(GError) error = NULL;
  KorakTranslationDialog *dialog;
  gint64 entry_id = 0;

  g_assert_true (korak_store_add_journal_entry (f->store, AMINA, NULL, "small_win",
                                                "Prvič sama poklicala zdravnika", &entry_id, &error));
  g_assert_true (korak_store_add_journal_entry (f->store, AMINA, NULL, "concern", "Dva tedna brez obiska", NULL, &error));
  korak_journal_page_set_participant (KORAK_JOURNAL_PAGE (page), f->store, AMINA);
  /* The small win has Translate…, the concern not. */
  g_assert_cmpuint (find_all (page, "journal-translate")->len, ==, 1);

  g_signal_emit_by_name (nth (page, "journal-translate", 0), "clicked");
  dialog = KORAK_TRANSLATION_DIALOG (find_toplevel (KORAK_TYPE_TRANSLATION_DIALOG));
  g_assert_nonnull (dialog);
  korak_text_view_set_text (korak_translation_dialog_get_text_view (dialog), "اتصلت بالطبيب بنفسها لأول مرة");
  g_assert_true (korak_translation_dialog_save (dialog, FALSE));
  spin (50);

  g_assert_cmpint (korak_store_find_linked_note (f->store, KORAK_LINK_JOURNAL_ENTRY, entry_id, NULL), >, 0);
  {
    /* Entries of one day: the newest added first. */
    GtkWidget *row = nth (page, "journal-entry", 1);
    const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Prvič sama poklicala zdravnika");
    g_assert_nonnull (strstr (subtitle, "Translated into Arabic · not reviewed"));
  }
  screenshot (window, "journal-translated.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  korak_ui_ensure_resources ();

  g_test_add ("/ui/scales/editor", Fixture, NULL, fixture_set_up, test_scale_editor, fixture_tear_down);
  g_test_add ("/ui/scales/translate-goal", Fixture, NULL, fixture_set_up, test_translate_goal, fixture_tear_down);
  g_test_add ("/ui/scales/translate-small-win", Fixture, NULL, fixture_set_up, test_translate_small_win,
              fixture_tear_down);

  return g_test_run ();
}
