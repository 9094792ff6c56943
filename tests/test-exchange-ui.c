/* test-exchange-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offline desks through the real widgets: Send Changes on one desk,
 * Receive Changes on another, the result dialog, the Conflicts badge and
 * view, a per-field choice, and a wrong passphrase that applies nothing.
 * Runs under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "korak-conflicts-page.h"
#include "korak-exchange-ui.h"
#include "korak-participant-record.h"
#include "korak-preferences-window.h"
#include "korak-report-data.h"
#include "korak-store-private.h"
#include "korak-ui-util.h"
#include "korak-window.h"

#define PASSPHRASE "Gorenjska ima dolge zime"

typedef struct
{
  char        *dir;
  char        *path_a;       /* desk Kranj */
  char        *path_b;       /* desk Office */
  char        *bundle;       /* from Kranj, for every desk */
  KorakWindow *window;
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
is_true (gpointer flag)
{
  return *(gboolean *)flag;
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
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (from, &contents, &size, &error));
  g_assert_true (g_file_set_contents_full (to, contents, size, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
}

static void
set_phone (KorakStore *store,
           gint64      participant_id,
           const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipantRecord) record = korak_store_get_participant (store, participant_id, &error);

  g_assert_no_error (error);
  korak_participant_record_set (record, KORAK_FIELD_PHONE, phone);
  g_assert_true (korak_store_update_participant (store, record, &error));
  g_assert_no_error (error);
}

static char *
phone_of (KorakStore *store,
          gint64      participant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipantRecord) record = korak_store_get_participant (store, participant_id, &error);

  g_assert_no_error (error);
  return g_strdup (korak_participant_record_get (record, KORAK_FIELD_PHONE));
}

static KorakWindow *
open_window (const char *path)
{
  KorakWindow *window = korak_window_new (NULL, path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_until (is_loaded, window);
  return window;
}

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 n = korak_exchange_send_finish (result, &error);

  g_assert_no_error (error);
  g_assert_cmpint (n, >=, 2);
  *(gboolean *)user_data = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) a = NULL;
  g_autoptr(KorakStore) b = NULL;
  g_autoptr(KorakOrganisationRecord) organisation = g_new0 (KorakOrganisationRecord, 1);
  AdwMessageDialog *dialog;
  gboolean sent = FALSE;

  f->dir = g_dir_make_tmp ("korak-exchange-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path_a = g_build_filename (f->dir, "kranj.db", NULL);
  f->path_b = g_build_filename (f->dir, "office.db", NULL);
  f->bundle = g_build_filename (f->dir, "korak-kranj" KORAK_EXCHANGE_BUNDLE_SUFFIX, NULL);

  /* The office's database, copied to the site's laptop. */
  a = korak_store_open (f->path_a, &error);
  g_assert_no_error (error);
  organisation->name = g_strdup ("Društvo Korak");
  organisation->paper = g_strdup ("a4");
  g_assert_true (korak_store_save_organisation (a, organisation, &error));
  g_assert_no_error (error);
  g_assert_true (korak_store_exec (a,
                                   "BEGIN;"
                                   "INSERT INTO participant (id, given_name, family_name, status, phone) "
                                   "  VALUES (5001, 'Ana', 'Novak', 'active', '040 000 000');"
                                   "INSERT INTO participant (id, given_name, family_name, status) "
                                   "  VALUES (5002, 'Mina', 'Rahimi', 'active');"
                                   "COMMIT;", &error));
  g_assert_no_error (error);
  g_clear_object (&a);
  copy_file (f->path_a, f->path_b);

  a = korak_store_open (f->path_a, &error);
  g_assert_no_error (error);
  g_assert_true (korak_exchange_init_desk (a, "Kranj", &error));
  b = korak_store_open (f->path_b, &error);
  g_assert_no_error (error);
  g_assert_true (korak_exchange_init_desk (b, "Office", &error));
  g_assert_no_error (error);

  /* The same field changed on both desks, and one change only at Kranj. */
  set_phone (a, 5001, "041 111 111");
  set_phone (a, 5002, "031 555 555");
  set_phone (b, 5001, "041 222 222");
  g_clear_object (&a);
  g_clear_object (&b);

  /* Kranj sends its changes. */
  f->window = open_window (f->path_a);
  dialog = korak_window_send_changes (f->window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (korak_exchange_dialog_get_desk_row (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (korak_exchange_dialog_get_passphrase_row (dialog), PASSPHRASE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  wait_until (is_mapped, dialog);
  screenshot (GTK_WIDGET (dialog), "exchange-send-dialog.png");
  gtk_window_close (GTK_WINDOW (dialog));

  korak_exchange_send_to_path (GTK_WIDGET (f->window), korak_window_get_store (f->window), 0, NULL,
                               PASSPHRASE, f->bundle, on_sent_cb, &sent);
  wait_until (is_true, &sent);
  g_assert_true (g_file_test (f->bundle, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);

  /* The office receives them. */
  f->window = open_window (f->path_b);
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
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path_a);
  g_free (f->path_b);
  g_free (f->bundle);
}

static void
on_received_cb (KorakWindow *window,
                gboolean     applied,
                gpointer     user_data)
{
  *(int *)user_data = applied ? 1 : 0;
}

/* Receive Changes with @passphrase; the result: 1 applied, 0 refused. */
static int
receive (Fixture    *f,
         const char *passphrase)
{
  AdwMessageDialog *dialog = korak_window_receive_changes (f->window, f->bundle);
  int result = -1;
  gulong id;

  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "korak-kranj" KORAK_EXCHANGE_BUNDLE_SUFFIX));
  /* The sender's name travels encrypted: this desk has not heard of Kranj yet. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "has not heard from yet"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (korak_exchange_dialog_get_passphrase_row (dialog), passphrase);

  id = g_signal_connect (f->window, "received", G_CALLBACK (on_received_cb), &result);
  adw_message_dialog_response (dialog, "apply");
  gtk_window_close (GTK_WINDOW (dialog));
  while (result < 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (f->window, id);
  wait_until (is_loaded, f->window);
  return result;
}

static void
test_receive_and_resolve (Fixture       *f,
                          gconstpointer  data)
{
  KorakConflictsPage *page;
  GtkWidget *result;
  GtkToggleButton *here, *incoming;
  g_autofree char *phone = NULL;
  g_autofree char *other = NULL;
  KorakStore *store;

  g_assert_false (gtk_widget_get_visible (korak_window_get_conflicts_row (f->window)));
  g_assert_cmpint (korak_window_get_n_conflicts (f->window), ==, 0);

  g_assert_cmpint (receive (f, PASSPHRASE), ==, 1);
  result = korak_window_get_exchange_result (f->window);
  g_assert_nonnull (result);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (result)),
                  adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (result)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (result)), ==, "Changes Received from Kranj");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (result)), "Applied "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (result)), "1 conflict was found"));
  gtk_window_destroy (GTK_WINDOW (result));

  /* The badge. */
  store = korak_window_get_store (f->window);
  g_assert_cmpint (korak_window_get_n_conflicts (f->window), ==, 1);
  g_assert_true (gtk_widget_get_visible (korak_window_get_conflicts_row (f->window)));

  /* The change that met nothing here arrived; the conflicting one waits. */
  other = phone_of (store, 5002);
  g_assert_cmpstr (other, ==, "031 555 555");
  phone = phone_of (store, 5001);
  g_assert_cmpstr (phone, ==, "041 222 222");
  g_clear_pointer (&phone, g_free);

  /* The Conflicts view: the person, the field, both versions. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "conflicts");
  page = korak_window_get_conflicts_page (f->window);
  g_assert_cmpstr (korak_conflicts_page_get_state (page), ==, "list");
  g_assert_cmpuint (korak_conflicts_page_get_n_conflicts (page), ==, 1);
  g_assert_cmpint (korak_conflicts_page_get_selected_id (page), !=, 0);
  g_assert_cmpstr (korak_window_get_help_page (f->window), ==, "exchange");

  here = korak_conflicts_page_get_choice (page, "phone", FALSE);
  incoming = korak_conflicts_page_get_choice (page, "phone", TRUE);
  g_assert_nonnull (here);
  g_assert_nonnull (incoming);
  g_assert_null (korak_conflicts_page_get_choice (page, "given_name", TRUE));
  g_assert_true (gtk_toggle_button_get_active (here));
  screenshot (GTK_WIDGET (f->window), "exchange-conflicts.png");

  /* “From Kranj” for the phone, then Apply Choices. */
  gtk_toggle_button_set_active (incoming, TRUE);
  g_assert_false (gtk_toggle_button_get_active (here));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conflicts.apply-choices", NULL));
  spin (50);

  g_assert_null (korak_conflicts_page_get_error (page));
  g_assert_cmpuint (korak_conflicts_page_get_n_conflicts (page), ==, 0);
  g_assert_cmpstr (korak_conflicts_page_get_state (page), ==, "empty");
  g_assert_cmpint (korak_window_get_n_conflicts (f->window), ==, 0);
  phone = phone_of (store, 5001);
  g_assert_cmpstr (phone, ==, "041 111 111");
  screenshot (GTK_WIDGET (f->window), "exchange-no-conflicts.png");

  /* Leaving the view hides the row again. */
  korak_window_show_view (f->window, "participants");
  g_assert_false (gtk_widget_get_visible (korak_window_get_conflicts_row (f->window)));

  /* The preferences name this desk, and know Kranj now. */
  {
    GtkWidget *preferences;
    AdwEntryRow *name;

    korak_window_show_preferences (f->window);
    preferences = korak_window_get_preferences (f->window);
    g_assert_nonnull (preferences);
    wait_until (is_mapped, preferences);
    name = korak_preferences_window_get_desk_name_row (KORAK_PREFERENCES_WINDOW (preferences));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Office");
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "desks");
    screenshot (preferences, "exchange-preferences.png");
    gtk_editable_set_text (GTK_EDITABLE (name), "Pisarna");
    g_signal_emit_by_name (name, "apply");
    gtk_window_destroy (GTK_WINDOW (preferences));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) desks = korak_exchange_list_desks (store, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (((KorakDeskRecord *)g_ptr_array_index (desks, 0))->name, ==, "Pisarna");
  }
}

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = korak_exchange_content_digest (korak_window_get_store (f->window), &error);
  g_autofree char *after = NULL;
  g_autofree char *phone = NULL;
  GtkWidget *result;

  g_assert_no_error (error);
  g_assert_cmpint (receive (f, "not the passphrase"), ==, 0);
  result = korak_window_get_exchange_result (f->window);
  g_assert_nonnull (result);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (result)), ==, "Wrong Passphrase");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (result)), "Nothing was applied."));
  gtk_window_destroy (GTK_WINDOW (result));

  after = korak_exchange_content_digest (korak_window_get_store (f->window), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (korak_window_get_n_conflicts (f->window), ==, 0);
  g_assert_false (gtk_widget_get_visible (korak_window_get_conflicts_row (f->window)));
  phone = phone_of (korak_window_get_store (f->window), 5002);
  g_assert_cmpstr (phone, !=, "031 555 555");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  korak_ui_ensure_resources ();

  g_test_add ("/ui/exchange/receive-and-resolve", Fixture, NULL, fixture_set_up,
              test_receive_and_resolve, fixture_tear_down);
  g_test_add ("/ui/exchange/wrong-passphrase", Fixture, NULL, fixture_set_up,
              test_wrong_passphrase, fixture_tear_down);

  return g_test_run ();
}
