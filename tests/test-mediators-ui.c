/* test-mediators-ui.c — "Mediator present", "Mediator" and "Language of
 * the conversation" in the assessment dialog, the note dialog and the
 * session page, and what a chosen score means.
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "korak-assessment-dialog.h"
#include "korak-catalog.h"
#include "korak-mediator-rows.h"
#include "korak-note-dialog.h"
#include "korak-schedule.h"
#include "korak-session-page.h"
#include "korak-ui-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  KorakStore *store;
  gint64      mentor;
  gint64      ardita;
  gint64      lejla;
  gint64      cohort;
  gint64      petra;
} Fixture;

static gint64
new_staff (KorakStore *store,
           const char *given,
           const char *family,
           const char *role)
{
  g_autoptr(KorakStaffRecord) staff = korak_staff_record_new ();
  g_autoptr(GError) error = NULL;

  staff->given_name = g_strdup (given);
  staff->family_name = g_strdup (family);
  staff->role = g_strdup (role);
  g_assert_true (korak_store_save_staff (store, staff, &error));
  g_assert_no_error (error);
  return staff->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KorakProgrammeRecord) programme = korak_programme_record_new ();
  g_autoptr(KorakCohortDetail) cohort = korak_cohort_detail_new ();
  g_autoptr(KorakParticipantRecord) petra = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("korak-test-mediators-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (f->path, &error);
  g_assert_no_error (error);

  f->mentor = new_staff (f->store, "Mateja", "Kern", "mentor");
  f->ardita = new_staff (f->store, "Ardita", "Berisha", "mediator");
  f->lejla = new_staff (f->store, "Lejla", "Begović", "mediator");
  programme->name = g_strdup ("Socialna aktivacija");
  g_assert_true (korak_store_save_programme (f->store, programme, &error));
  g_assert_no_error (error);
  cohort->programme_id = programme->id;
  cohort->name = g_strdup ("Celje 1");
  cohort->start_date = g_strdup ("2025-01-06");
  cohort->mediator_id = f->ardita;
  g_assert_true (korak_store_save_cohort (f->store, cohort, &error));
  g_assert_no_error (error);
  f->cohort = cohort->id;

  korak_participant_record_set (petra, KORAK_FIELD_GIVEN_NAME, "Petra");
  korak_participant_record_set (petra, KORAK_FIELD_FAMILY_NAME, "Hoxha");
  korak_participant_record_set (petra, KORAK_FIELD_STATUS, "active");
  korak_participant_record_set (petra, KORAK_FIELD_MOTHER_TONGUE, "albanščina");
  korak_participant_record_set (petra, KORAK_FIELD_NEEDS_MEDIATOR, "1");
  g_assert_true (korak_store_insert_participant (f->store, petra, &error));
  g_assert_no_error (error);
  f->petra = petra->id;
  g_assert_true (korak_store_enrol (f->store, f->petra, f->cohort, "2025-01-06", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  spin (20);
  g_unlink (f->path);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
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

/* The row of the area named @name. */
static guint
area_index (KorakAssessmentDialog *dialog,
            const char            *name)
{
  for (guint i = 0; i < korak_assessment_dialog_get_n_areas (dialog); i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (korak_assessment_dialog_get_score_button (dialog, i))),
                   name) == 0)
      return i;
  g_assert_not_reached ();
}

static void
test_assessment (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KorakAssessmentList) list = korak_assessment_list_new (f->store, f->petra);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  KorakAssessmentDialog *dialog;
  const KorakAssessmentRecord *record;
  GtkSwitch *present;
  AdwComboRow *mediator, *language;
  guint digital;

  g_assert_true (korak_assessment_list_reload (list, &error));
  g_assert_no_error (error);
  dialog = korak_assessment_dialog_new (NULL, list, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);

  /* What a score means, as soon as it is chosen, and nothing for none. */
  digital = area_index (dialog, "Digital skills");
  g_assert_cmpstr (korak_assessment_dialog_get_score_description (dialog, digital), ==, "");
  gtk_editable_set_text (korak_assessment_dialog_get_date (dialog), "3. 2. 2025");
  /* Said in Petra's Albanian too, from the Albanian catalog. */
  {
    KorakCatalog *sq = korak_catalog_new_for_language ("sq", &error);
    const char *in_albanian;
    g_autofree char *both_9 = NULL;
    g_autofree char *both_2 = NULL;

    g_assert_no_error (error);
    in_albanian = korak_catalog_lookup (sq, "Uses e-government services without help.");
    g_assert_nonnull (in_albanian);
    g_assert_cmpstr (in_albanian, !=, "Uses e-government services without help.");
    both_9 = g_strdup_printf ("Uses e-government services without help.\n%s", in_albanian);
    both_2 = g_strdup_printf ("Uses a phone for calls only.\n%s",
                              korak_catalog_lookup (sq, "Uses a phone for calls only."));
    korak_assessment_dialog_type_digit (dialog, digital, 9);
    g_assert_cmpstr (korak_assessment_dialog_get_score_description (dialog, digital), ==, both_9);
    korak_assessment_dialog_type_digit (dialog, digital, 2);
    g_assert_cmpstr (korak_assessment_dialog_get_score_description (dialog, digital), ==, both_2);
    korak_catalog_free (sq);
  }

  /* Switching "Mediator present" on offers the cohort's mediator; the
   * participant's own language comes first after "Not recorded". */
  korak_assessment_dialog_get_mediator_rows (dialog, &present, &mediator, &language);
  g_assert_false (gtk_switch_get_active (present));
  g_assert_cmpint (korak_mediator_combo_get (mediator), ==, 0);
  gtk_switch_set_active (present, TRUE);
  g_assert_cmpint (korak_mediator_combo_get (mediator), ==, f->ardita);
  g_assert_null (korak_conversation_combo_get (language));
  adw_combo_row_set_selected (language, 1);
  g_assert_cmpstr (korak_conversation_combo_get (language), ==, "sq");
  /* Another mediator: chosen from the list, mediators first. */
  g_assert_true (korak_mediator_combo_select (mediator, f->lejla));
  g_assert_cmpuint (adw_combo_row_get_selected (mediator), <=, 2);
  screenshot (GTK_WIDGET (dialog), "assessment-mediator.png");

  g_assert_true (korak_assessment_dialog_save (dialog));
  spin (50);
  g_assert_null (dialog);

  stored = korak_store_list_assessments (f->store, f->petra, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  record = g_ptr_array_index (stored, 0);
  g_assert_true (record->mediator_present);
  g_assert_cmpint (record->mediator_id, ==, f->lejla);
  g_assert_cmpstr (record->conversation_language, ==, "sq");

  /* Editing shows it as stored; switching off clears the mediator. */
  g_assert_true (korak_assessment_list_reload (list, &error));
  dialog = korak_assessment_dialog_new (NULL, list, record);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);
  g_assert_true (g_str_has_prefix (korak_assessment_dialog_get_score_description (dialog, digital),
                                   "Uses a phone for calls only.\n"));
  korak_assessment_dialog_get_mediator_rows (dialog, &present, &mediator, &language);
  g_assert_true (gtk_switch_get_active (present));
  g_assert_cmpint (korak_mediator_combo_get (mediator), ==, f->lejla);
  g_assert_cmpstr (korak_conversation_combo_get (language), ==, "sq");
  gtk_switch_set_active (present, FALSE);
  g_assert_cmpint (korak_mediator_combo_get (mediator), ==, 0);
  g_assert_true (korak_assessment_dialog_save (dialog));
  spin (50);

  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = korak_store_list_assessments (f->store, f->petra, &error);
  record = g_ptr_array_index (stored, 0);
  g_assert_false (record->mediator_present);
  g_assert_cmpint (record->mediator_id, ==, 0);
  g_assert_cmpstr (record->conversation_language, ==, "sq");
}

static void
test_note (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  const KorakNoteRecord *note;
  KorakNoteDialog *dialog;
  GtkSwitch *present;
  AdwComboRow *mediator, *language;
  GtkTextBuffer *buffer;

  dialog = korak_note_dialog_new (NULL, f->store, f->petra, 0, NULL, &error);
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);

  buffer = gtk_text_view_get_buffer (korak_note_dialog_get_text_view (dialog));
  gtk_text_buffer_set_text (buffer, "Pogovor o varstvu otrok.", -1);
  gtk_editable_set_text (GTK_EDITABLE (korak_note_dialog_get_date_row (dialog)), "3. 2. 2025");
  korak_note_dialog_get_mediator_rows (dialog, &present, &mediator, &language);
  /* Choosing the mediator says one was there. */
  g_assert_true (korak_mediator_combo_select (mediator, f->ardita));
  g_assert_true (gtk_switch_get_active (present));
  g_assert_true (korak_conversation_combo_select (language, "sq"));
  screenshot (GTK_WIDGET (dialog), "note-mediator.png");
  g_assert_true (korak_note_dialog_save (dialog));
  spin (50);
  g_assert_null (dialog);

  notes = korak_store_list_notes (f->store, f->petra, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_true (note->mediator_present);
  g_assert_cmpint (note->mediator_id, ==, f->ardita);
  g_assert_cmpstr (note->conversation_language, ==, "sq");
  g_assert_cmpstr (note->language, ==, "sl");
}

static void
test_session (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  const KorakSessionRecord *session;
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  KorakSessionPage *page = g_object_new (KORAK_TYPE_SESSION_PAGE, NULL);
  GtkSwitch *present;
  AdwComboRow *mediator, *language;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 900);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (korak_session_page_new_session (page, f->store, f->cohort, "2025-01-15", &error));
  g_assert_no_error (error);
  spin (50);

  /* A new session does not guess: no mediator until the person says so. */
  korak_session_page_get_mediator_rows (page, &present, &mediator, &language);
  g_assert_false (gtk_switch_get_active (present));
  g_assert_cmpint (korak_mediator_combo_get (mediator), ==, 0);
  gtk_switch_set_active (present, TRUE);
  g_assert_cmpint (korak_mediator_combo_get (mediator), ==, f->ardita);
  /* The group's members who need a mediator speak Albanian. */
  adw_combo_row_set_selected (language, 1);
  g_assert_cmpstr (korak_conversation_combo_get (language), ==, "sq");
  screenshot (window, "session-mediator.png");
  g_assert_true (korak_session_page_save (page));
  g_assert_null (korak_session_page_get_error (page));

  sessions = korak_store_list_sessions (f->store, f->cohort, "2025-01-15", "2025-01-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  session = g_ptr_array_index (sessions, 0);
  g_assert_true (session->mediator_present);
  g_assert_cmpint (session->mediator_id, ==, f->ardita);
  g_assert_cmpstr (session->mediator_name, ==, "Ardita Berisha");
  g_assert_cmpstr (session->conversation_language, ==, "sq");

  /* Shown again as stored. */
  g_assert_true (korak_session_page_show_session (page, f->store, session->id, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_switch_get_active (present));
  g_assert_cmpint (korak_mediator_combo_get (mediator), ==, f->ardita);
  g_assert_cmpstr (korak_conversation_combo_get (language), ==, "sq");
  g_assert_false (korak_session_page_has_changes (page));

  gtk_window_destroy (GTK_WINDOW (window));
  spin (20);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The participant's language's catalog: the build's, not an installed one. */
  {
    g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                            "..", "po", NULL);

    g_setenv ("KORAK_LOCALEDIR", po, TRUE);
  }
  korak_ui_ensure_resources ();

  g_test_add ("/ui/mediators/assessment", Fixture, NULL, fixture_set_up, test_assessment, fixture_tear_down);
  g_test_add ("/ui/mediators/note", Fixture, NULL, fixture_set_up, test_note, fixture_tear_down);
  g_test_add ("/ui/mediators/session", Fixture, NULL, fixture_set_up, test_session, fixture_tear_down);

  return g_test_run ();
}
