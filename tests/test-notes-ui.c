/* test-notes-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notes and their translations through the real widgets: a note written in
 * the profile's Notes tab, an Arabic translation submitted for review, the
 * sidebar's count, the Review view (right to left, Mark Reviewed, Return
 * with a comment, the filters), a sensitive note hidden until shown, and a
 * cohort's notes. Runs under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "korak-cohort-util.h"
#include "korak-note-dialog.h"
#include "korak-notes-page.h"
#include "korak-review-page.h"
#include "korak-store-private.h"
#include "korak-translation-dialog.h"
#include "korak-ui-util.h"
#include "korak-window.h"

#define AMIRA 5001
#define MINA  5002
#define KRANJ 31
#define JESENICE 32

#define ORIGINAL  "Amira je prvič sama poklicala na zavod za zaposlovanje."
#define ARABIC    "اتصلت أميرة بمكتب التوظيف بنفسها لأول مرة."
#define CORRECTED "اتصلت أميرة بنفسها بمكتب التوظيف لأول مرة."
#define PERSIAN   "مینا امروز برای اولین بار به تنهایی به اداره کار زنگ زد."

typedef struct
{
  char        *dir;
  char        *path;
  KorakWindow *window;
  KorakStore  *store;
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = NULL;

  f->dir = g_dir_make_tmp ("korak-notes-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);

  store = korak_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (korak_store_begin (store, &error));
  exec_ok (store,
           "INSERT INTO programme (id, name) VALUES (21, 'Socialna aktivacija');"
           "INSERT INTO cohort (id, programme_id, name, start_date) VALUES (31, 21, 'Kranj', '2026-01-05');"
           "INSERT INTO cohort (id, programme_id, name, start_date) VALUES (32, 21, 'Jesenice', '2026-02-02');"
           "INSERT INTO staff (id, given_name, family_name, role, languages) VALUES (41, 'Amra', 'Begić', 'mediator', 'sl, ar');"
           "INSERT INTO participant (id, given_name, family_name, status, mother_tongue) "
           "  VALUES (5001, 'Amira', 'Haddad', 'active', 'ar');"
           "INSERT INTO participant (id, given_name, family_name, status, mother_tongue) "
           "  VALUES (5002, 'Mina', 'Rahimi', 'active', 'fa');"
           "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, status) VALUES (81, 5001, 31, '2026-01-05', 'active');"
           "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, status) VALUES (82, 5002, 32, '2026-02-02', 'active');");
  korak_store_commit (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  f->window = korak_window_new (NULL, f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_mapped, f->window);
  wait_until (is_loaded, f->window);
  f->store = korak_window_get_store (f->window);
  korak_store_set_actor (f->store, 41, "Amra Begić");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

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

/* The toplevel of @type presented last, or NULL. */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }

  return found;
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

/* The text of every mapped label under @root. */
static char *
shown_text (GtkWidget *root)
{
  GString *text = g_string_new (NULL);

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (root)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *more = shown_text (child);

      g_string_append (text, more);
    }

  return g_string_free (text, FALSE);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
get_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

static GtkLabel *
review_badge (Fixture *f)
{
  GtkWidget *badge = korak_find_named (GTK_WIDGET (f->window), "review-badge");

  g_assert_true (GTK_IS_LABEL (badge));
  return GTK_LABEL (badge);
}

static const char *
translation_state (Fixture *f,
                   gint64   translation_id)
{
  static char state[32];
  sqlite3_stmt *stmt = NULL;

  state[0] = '\0';
  g_assert_cmpint (sqlite3_prepare_v2 (korak_store_get_db (f->store),
                                       "SELECT review_state FROM note_translation WHERE id = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, translation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_strlcpy (state, (const char *)sqlite3_column_text (stmt, 0), sizeof state);
  sqlite3_finalize (stmt);
  return state;
}

static KorakProfilePage *
show_participant (Fixture *f,
                  gint64   id)
{
  KorakParticipantsPage *page = korak_window_get_participants_page (f->window);

  korak_window_show_view (f->window, "participants");
  korak_participants_page_select (page, id);
  spin (100);
  return korak_participants_page_get_profile (page);
}

/* The first note's id in @page. */
static gint64
first_note_id (KorakNotesPage *page)
{
  g_autoptr(KorakNoteItem) item = g_list_model_get_item (G_LIST_MODEL (korak_notes_page_get_model (page)), 0);

  g_assert_nonnull (item);
  return korak_note_item_get_id (item);
}

/* Writes a note through the dialog that "profile.new-note" (Ctrl+Shift+J)
 * opens. */
static gint64
write_note (Fixture          *f,
            KorakProfilePage *profile,
            const char       *text,
            gboolean          sensitive)
{
  KorakNotesPage *notes = korak_profile_page_get_notes_page (profile);
  KorakNoteDialog *dialog;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (korak_notes_page_get_model (notes)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.new-note", NULL));
  g_assert_cmpstr (korak_profile_page_get_view (profile), ==, "notes");
  dialog = find_toplevel (KORAK_TYPE_NOTE_DIALOG);
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);

  gtk_editable_set_text (GTK_EDITABLE (korak_note_dialog_get_date_row (dialog)), "2. 3. 2026");
  g_assert_true (korak_note_dialog_set_language (dialog, "sl"));
  set_text (korak_note_dialog_get_text_view (dialog), text);
  gtk_switch_set_active (korak_note_dialog_get_sensitive_switch (dialog), sensitive);
  screenshot (GTK_WIDGET (dialog), sensitive ? "note-dialog-sensitive.png" : "note-dialog.png");
  /* Saved, it closes. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "note.save", NULL));
  spin (50);
  if (dialog != NULL)
    g_error ("The note was not saved: %s", korak_note_dialog_get_error (dialog));
  g_assert_null (find_toplevel (KORAK_TYPE_NOTE_DIALOG));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (korak_notes_page_get_model (notes))), ==, before + 1);
  return first_note_id (notes);
}

/* Adds a translation through the dialog of "notes.translate" and submits
 * it for review; returns its id. */
static gint64
translate (KorakNotesPage *notes,
           gint64          note_id,
           const char     *language,
           const char     *text,
           gboolean        rtl)
{
  KorakTranslationDialog *dialog;
  GtkTextView *view;
  KorakNoteItem *item;
  const KorakTranslationRecord *translation;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notes), "notes.translate", "x", note_id));
  dialog = find_toplevel (KORAK_TYPE_TRANSLATION_DIALOG);
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog);

  /* The original, read only, beside it. */
  {
    g_autofree char *original = get_text (korak_translation_dialog_get_original_view (dialog));

    g_assert_cmpstr (original, ==, ORIGINAL);
    g_assert_false (gtk_text_view_get_editable (korak_translation_dialog_get_original_view (dialog)));
  }
  /* Not into the note's own language. */
  g_assert_false (korak_translation_dialog_set_language (dialog, "sl"));
  g_assert_true (korak_translation_dialog_set_language (dialog, language));
  view = korak_translation_dialog_get_text_view (dialog);
  set_text (view, text);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (view)), ==, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  if (rtl)
    screenshot (GTK_WIDGET (dialog), "translation-dialog-arabic.png");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "translation.submit", NULL));
  spin (50);
  if (dialog != NULL)
    g_error ("The translation was not submitted: %s", korak_translation_dialog_get_error (dialog));
  g_assert_null (find_toplevel (KORAK_TYPE_TRANSLATION_DIALOG));

  item = korak_note_list_lookup (korak_notes_page_get_model (notes), note_id);
  g_assert_nonnull (item);
  translation = korak_note_item_get_translation (item, language);
  g_assert_nonnull (translation);
  g_assert_cmpstr (translation->state, ==, "needs_review");
  g_assert_cmpstr (translation->text, ==, text);
  return translation->id;
}

/* Whether @widget (a capture shortcut controller's owner) binds @accel to @action. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *accel,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (g_strcmp0 (trigger, accel) == 0 && GTK_IS_NAMED_ACTION (named) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static PangoDirection
label_direction (GtkWidget *label)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));

  return pango_layout_get_line_readonly (layout, 0)->resolved_dir;
}

static void
test_notes_translate_review (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KorakProfilePage *profile;
  KorakNotesPage *notes;
  KorakReviewPage *review;
  KorakReviewQueue *queue;
  GtkListBoxRow *row;
  GtkWidget *excerpt;
  GtkWindow *dialog;
  gint64 note_id, arabic_id, english_id, persian_id;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (review_badge (f))));

  /* A note in Slovenian about Amira, through the dialog. */
  profile = show_participant (f, AMIRA);
  notes = korak_profile_page_get_notes_page (profile);
  {
    KorakNoteDialog *note_dialog;
    AdwComboRow *languages;
    g_autoptr(GtkStringObject) first = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.new-note", NULL));
    note_dialog = find_toplevel (KORAK_TYPE_NOTE_DIALOG);
    g_assert_nonnull (note_dialog);
    wait_until (is_mapped, note_dialog);
    /* Her mother tongue comes first; Slovenian is chosen. */
    languages = korak_note_dialog_get_language_row (note_dialog);
    first = g_list_model_get_item (adw_combo_row_get_model (languages), 0);
    g_assert_cmpstr (gtk_string_object_get_string (first), ==, korak_language_name ("ar"));
    /* Nothing typed: the dialog says so and stays. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (note_dialog), "note.save", NULL));
    g_assert_nonnull (korak_note_dialog_get_error (note_dialog));
    gtk_window_destroy (GTK_WINDOW (note_dialog));
    spin (20);
  }
  note_id = write_note (f, profile, ORIGINAL, FALSE);
  text = shown_text (GTK_WIDGET (notes));
  g_assert_nonnull (strstr (text, ORIGINAL));
  g_clear_pointer (&text, g_free);

  /* An Arabic translation, submitted for review: written right to left. */
  arabic_id = translate (notes, note_id, "ar", ARABIC, TRUE);
  spin (50);
  {
    g_autoptr(GPtrArray) badges = g_ptr_array_new ();

    collect (GTK_WIDGET (notes), "state-badge", badges);
    g_assert_cmpuint (badges->len, ==, 1);
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (badges, 0)), ==, "Needs review");
  }
  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new ();

    collect (GTK_WIDGET (notes), "translation-text", texts);
    g_assert_cmpuint (texts->len, ==, 1);
    g_assert_cmpint (gtk_widget_get_direction (g_ptr_array_index (texts, 0)), ==, GTK_TEXT_DIR_RTL);
    g_assert_cmpint (label_direction (g_ptr_array_index (texts, 0)), ==, PANGO_DIRECTION_RTL);
  }
  screenshot (GTK_WIDGET (f->window), "notes-tab.png");

  /* The sidebar counts it. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (review_badge (f))));
  g_assert_cmpstr (gtk_label_get_text (review_badge (f)), ==, "1");

  /* The Review view: the item, right to left in the list and the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "review"));
  g_assert_cmpstr (korak_window_get_help_page (f->window), ==, "notes");
  review = korak_window_get_review_page (f->window);
  queue = korak_review_page_get_queue (review);
  g_assert_cmpstr (korak_review_page_get_state (review), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 1);
  row = gtk_list_box_get_row_at_index (korak_review_page_get_list_box (review), 0);
  g_assert_nonnull (row);
  gtk_list_box_select_row (korak_review_page_get_list_box (review), row);
  spin (200);
  g_assert_cmpint (korak_review_page_get_selected_id (review), ==, arabic_id);

  excerpt = korak_find_named (GTK_WIDGET (row), "excerpt");
  g_assert_true (GTK_IS_LABEL (excerpt));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (excerpt)), ==, ARABIC);
  g_assert_cmpint (gtk_widget_get_direction (excerpt), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (label_direction (excerpt), ==, PANGO_DIRECTION_RTL);
  {
    GtkWidget *languages = korak_find_named (GTK_WIDGET (row), "languages");

    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (languages)), "Slovenian → Arabic"));
    /* An ordinary note carries no goal or small win. */
    g_assert_null (korak_find_named (GTK_WIDGET (row), "carries"));
  }
  {
    GtkTextView *original = korak_review_page_get_original_view (review);
    GtkTextView *translation = korak_review_page_get_translation_view (review);
    g_autofree char *shown_original = get_text (original);
    g_autofree char *shown_translation = get_text (translation);

    g_assert_cmpstr (shown_original, ==, ORIGINAL);
    g_assert_cmpstr (shown_translation, ==, ARABIC);
    g_assert_false (gtk_text_view_get_editable (original));
    g_assert_true (gtk_text_view_get_editable (translation));
    g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (translation)), ==, GTK_TEXT_DIR_RTL);
    g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (original)), ==, GTK_TEXT_DIR_LTR);
  }
  screenshot (GTK_WIDGET (f->window), "review-arabic.png");
  if (g_getenv ("KORAK_TEST_SCREENSHOTS") != NULL)
    {
      /* Narrow: the list and the translation fold into one column. */
      gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
      spin (400);
      gtk_widget_activate_action (GTK_WIDGET (review), "review.next", NULL);
      screenshot (GTK_WIDGET (f->window), "review-narrow.png");
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
      spin (400);
    }

  /* Keyboard: the actions have their accelerators, caught before the text
   * view sees them. */
  g_assert_true (has_shortcut (GTK_WIDGET (review), "<Control>Return", "review.mark-reviewed"));
  g_assert_true (has_shortcut (GTK_WIDGET (review), "<Shift><Control>r", "review.return"));
  g_assert_true (has_shortcut (GTK_WIDGET (review), "<Control>s", "review.save"));
  g_assert_true (has_shortcut (GTK_WIDGET (review), "<Alt>Down", "review.next"));
  g_assert_true (has_shortcut (GTK_WIDGET (review), "<Alt>Up", "review.previous"));

  /* The mediator corrects it and marks it reviewed (Ctrl+Return): the
   * correction is kept, the count goes to 0. */
  set_text (korak_review_page_get_translation_view (review), CORRECTED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.mark-reviewed", NULL));
  spin (50);
  g_assert_null (korak_review_page_get_error (review));
  g_assert_cmpstr (translation_state (f, arabic_id), ==, "reviewed");
  g_assert_cmpuint (korak_review_queue_get_count (queue), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (review_badge (f))));
  g_assert_cmpstr (korak_review_page_get_state (review), ==, "empty");
  {
    g_autoptr(KorakNoteRecord) note = korak_store_get_note (f->store, note_id, &error);
    const KorakTranslationRecord *t;

    g_assert_no_error (error);
    t = g_ptr_array_index (note->translations, 0);
    g_assert_cmpstr (t->text, ==, CORRECTED);
    g_assert_cmpint (t->reviewer_id, ==, 41);
  }
  screenshot (GTK_WIDGET (f->window), "review-empty.png");

  /* Back in the profile, the note shows it reviewed. */
  profile = show_participant (f, AMIRA);
  spin (50);
  {
    g_autoptr(GPtrArray) badges = g_ptr_array_new ();

    collect (GTK_WIDGET (notes), "state-badge", badges);
    g_assert_cmpuint (badges->len, ==, 1);
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (badges, 0)), ==, "Reviewed");
  }

  /* An English translation of Amira's note (cohort Kranj) and a Persian one
   * of a note about Mina (cohort Jesenice). */
  english_id = translate (notes, note_id, "en", "Amira called the employment office alone for the first time.", FALSE);
  {
    g_autoptr(KorakNoteRecord) mina = korak_note_record_new ();
    g_autoptr(KorakTranslationRecord) persian = korak_translation_record_new ();

    mina->participant_id = MINA;
    mina->date = g_strdup ("2026-03-04");
    mina->language = g_strdup ("sl");
    mina->text = g_strdup ("Mina je danes prvič sama poklicala na zavod.");
    g_assert_true (korak_store_save_note (f->store, mina, &error));
    g_assert_no_error (error);
    persian->note_id = mina->id;
    persian->language = g_strdup ("fa");
    persian->text = g_strdup (PERSIAN);
    g_assert_true (korak_store_save_translation (f->store, persian, &error));
    g_assert_no_error (error);
    g_assert_true (korak_store_submit_translation (f->store, persian->id, &error));
    g_assert_no_error (error);
    persian_id = persian->id;
  }
  /* A change made elsewhere reaches the count once the window hears of it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.notes-changed", NULL));
  g_assert_cmpstr (gtk_label_get_text (review_badge (f)), ==, "2");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "review"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 2);

  /* The filters narrow the list: by language, by cohort. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (korak_review_page_get_language_dropdown (review))),
                    ==, 3);
  g_assert_true (korak_review_page_set_language_filter (review, "fa"));
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 1);
  {
    g_autoptr(KorakReviewItem) item = g_list_model_get_item (G_LIST_MODEL (queue), 0);

    g_assert_cmpint (korak_review_item_get_id (item), ==, persian_id);
  }
  g_assert_cmpint (korak_review_page_get_selected_id (review), ==, persian_id);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (korak_review_page_get_translation_view (review))),
                   ==, GTK_TEXT_DIR_RTL);
  g_assert_true (korak_review_page_set_language_filter (review, NULL));
  g_assert_true (korak_review_page_set_cohort_filter (review, KRANJ));
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 1);
  {
    g_autoptr(KorakReviewItem) item = g_list_model_get_item (G_LIST_MODEL (queue), 0);

    g_assert_cmpint (korak_review_item_get_id (item), ==, english_id);
  }
  g_assert_true (korak_review_page_set_cohort_filter (review, JESENICE));
  g_assert_true (korak_review_page_set_language_filter (review, "en"));
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 0);
  g_assert_cmpstr (korak_review_page_get_state (review), ==, "no-match");
  /* The sidebar still counts both. */
  g_assert_cmpstr (gtk_label_get_text (review_badge (f)), ==, "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.show-all", NULL));
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 2);

  /* Alt+Down, Alt+Up: through the list. */
  g_assert_true (korak_review_page_select (review, english_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.next", NULL));
  g_assert_cmpint (korak_review_page_get_selected_id (review), ==, persian_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.previous", NULL));
  g_assert_cmpint (korak_review_page_get_selected_id (review), ==, english_id);

  /* Save Edit (Ctrl+S) keeps it in the list. */
  set_text (korak_review_page_get_translation_view (review),
            "Amira called the employment office on her own for the first time.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.save", NULL));
  g_assert_cmpstr (translation_state (f, english_id), ==, "needs_review");
  g_assert_cmpint (korak_review_page_get_selected_id (review), ==, english_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 2);

  /* Return… asks for a comment first. */
  dialog = korak_review_page_return (review);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  wait_until (is_mapped, dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                         "“On her own” is right, but keep the date.");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return"));
  screenshot (GTK_WIDGET (dialog), "return-dialog.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "return");
  spin (50);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (dialog);
  g_assert_cmpstr (translation_state (f, english_id), ==, "returned");
  g_assert_cmpstr (gtk_label_get_text (review_badge (f)), ==, "1");
  /* The next one is shown. */
  g_assert_cmpint (korak_review_page_get_selected_id (review), ==, persian_id);

  /* The profile shows it returned, with the comment. */
  profile = show_participant (f, AMIRA);
  spin (50);
  text = shown_text (GTK_WIDGET (notes));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Returned"));
  g_assert_nonnull (strstr (text, "Returned by Amra Begić: “On her own” is right, but keep the date."));
  g_clear_pointer (&text, g_free);

  /* The translator opens it again: the earlier versions are there, and it
   * can be submitted again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notes), "notes.edit-translation", "(xx)", note_id, english_id));
  {
    KorakTranslationDialog *editor = find_toplevel (KORAK_TYPE_TRANSLATION_DIALOG);

    g_assert_nonnull (editor);
    wait_until (is_mapped, editor);
    g_assert_cmpuint (korak_translation_dialog_get_n_versions (editor), >=, 1);
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (korak_translation_dialog_get_language_row (editor))));
    set_text (korak_translation_dialog_get_text_view (editor),
              "On 2 March Amira called the employment office on her own for the first time.");
    screenshot (GTK_WIDGET (editor), "translation-dialog-returned.png");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "translation.submit", NULL));
    spin (50);
    g_assert_null (find_toplevel (KORAK_TYPE_TRANSLATION_DIALOG));
  }
  g_assert_cmpstr (translation_state (f, english_id), ==, "needs_review");
  g_assert_cmpstr (gtk_label_get_text (review_badge (f)), ==, "2");
}

static void
test_notes_sensitive (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = NULL;
  KorakProfilePage *profile = show_participant (f, MINA);
  KorakNotesPage *notes = korak_profile_page_get_notes_page (profile);
  gint64 note_id;

  note_id = write_note (f, profile, "Zdravstvene težave v družini; o tem govori samo z mentorico.", TRUE);
  spin (50);

  /* Hidden until asked for. */
  g_assert_false (korak_notes_page_get_revealed (notes, note_id));
  text = shown_text (GTK_WIDGET (notes));
  g_assert_null (strstr (text, "Zdravstvene"));
  g_assert_nonnull (strstr (text, "Sensitive"));
  g_assert_nonnull (strstr (text, "Hidden: sensitive note"));
  g_clear_pointer (&text, g_free);
  screenshot (GTK_WIDGET (f->window), "notes-sensitive-hidden.png");

  /* Show, as the button does. */
  korak_notes_page_set_revealed (notes, note_id, TRUE);
  spin (50);
  g_assert_true (korak_notes_page_get_revealed (notes, note_id));
  text = shown_text (GTK_WIDGET (notes));
  g_assert_nonnull (strstr (text, "Zdravstvene težave v družini"));
  g_clear_pointer (&text, g_free);

  /* Another person and back: hidden again. */
  show_participant (f, AMIRA);
  show_participant (f, MINA);
  spin (50);
  g_assert_false (korak_notes_page_get_revealed (notes, note_id));
  text = shown_text (GTK_WIDGET (notes));
  g_assert_null (strstr (text, "Zdravstvene"));
}

static void
test_notes_cohort (Fixture       *f,
                   gconstpointer  data)
{
  KorakCohortsPage *cohorts;
  GtkWindow *window;
  KorakNotesPage *notes;
  KorakNoteDialog *dialog;

  korak_window_show_view (f->window, "cohorts");
  cohorts = korak_window_get_cohorts_page (f->window);
  korak_cohorts_page_select (cohorts, KRANJ);
  spin (50);
  g_assert_true (korak_find_named (GTK_WIDGET (cohorts), "notes") != NULL);

  window = korak_cohorts_page_open_notes (cohorts);
  g_assert_nonnull (window);
  wait_until (is_mapped, window);
  notes = KORAK_NOTES_PAGE (g_object_ref (gtk_widget_get_ancestor (korak_find_named (GTK_WIDGET (window), "new-note"),
                                                                   KORAK_TYPE_NOTES_PAGE)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (korak_notes_page_get_model (notes))), ==, 0);
  g_assert_cmpint (korak_note_list_get_cohort_id (korak_notes_page_get_model (notes)), ==, KRANJ);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notes), "notes.new", NULL));
  dialog = find_toplevel (KORAK_TYPE_NOTE_DIALOG);
  g_assert_nonnull (dialog);
  set_text (korak_note_dialog_get_text_view (dialog), "Skupina je obiskala knjižnico.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "note.save", NULL));
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (korak_notes_page_get_model (notes))), ==, 1);
  {
    g_autoptr(KorakNoteItem) item = g_list_model_get_item (G_LIST_MODEL (korak_notes_page_get_model (notes)), 0);

    g_assert_cmpint (korak_note_item_get_record (item)->cohort_id, ==, KRANJ);
    g_assert_cmpstr (korak_note_item_get_record (item)->language, ==, "sl");
  }
  screenshot (GTK_WIDGET (window), "cohort-notes.png");

  gtk_window_destroy (window);
  g_object_unref (notes);
  spin (20);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  korak_ui_ensure_resources ();

  g_test_add ("/ui/notes/translate-and-review", Fixture, NULL, fixture_set_up,
              test_notes_translate_review, fixture_tear_down);
  g_test_add ("/ui/notes/sensitive", Fixture, NULL, fixture_set_up, test_notes_sensitive, fixture_tear_down);
  g_test_add ("/ui/notes/cohort", Fixture, NULL, fixture_set_up, test_notes_cohort, fixture_tear_down);

  return g_test_run ();
}
