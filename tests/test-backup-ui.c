/* test-backup-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups and recovery through the real widgets: Back Up Now in the
 * preferences, restoring from the list and from a file, the automatic
 * backups of the application, and the recovery page of a damaged
 * database. Runs under Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "korak-application.h"
#include "korak-backup.h"
#include "korak-participant-row.h"
#include "korak-participants-page.h"
#include "korak-preferences-window.h"
#include "korak-recovery-page.h"
#include "korak-store-private.h"
#include "korak-ui-util.h"
#include "korak-window.h"

typedef struct
{
  char *dir;
  char *path;
  char *folder;    /* the backup folder the preferences are given */
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

static void
exec_ok (KorakStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  korak_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

/* A database with @n participants, Ana Horvat first, and nothing open on it. */
static void
make_database (const char *path,
               guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = korak_store_open (path, &error);
  g_autoptr(GString) sql = g_string_new ("BEGIN;");

  g_assert_no_error (error);
  g_string_append (sql, "INSERT INTO participant (id, given_name, family_name, status) VALUES (5001, 'Ana', 'Horvat', 'active');");
  for (guint i = 1; i < n; i++)
    g_string_append_printf (sql, "INSERT INTO participant (id, given_name, family_name, status, address) "
                                 "VALUES (%u, 'Oseba %u', 'Priimek %u', 'active', '%s');",
                            6000 + i, i, i, "Cesta talcev 12, 4000 Kranj, drugo nadstropje, vrata levo ob stopnišču");
  g_string_append (sql, "COMMIT;");
  exec_ok (store, sql->str);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("korak-backup-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);
  f->folder = g_build_filename (f->dir, "my backups", NULL);
}


static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.korak.Korak");

  /* The memory backend lives as long as the process: the next test starts
   * from the defaults. */
  g_settings_reset (settings, "backup-folder");
  g_settings_reset (settings, "current-staff");

  spin (50);
  korak_test_remove_tree (f->dir, FALSE);
  g_free (f->folder);
  g_free (f->path);
  g_free (f->dir);
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
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (KORAK_IS_PARTICIPANT_ROW (widget) && gtk_widget_get_mapped (widget) &&
      korak_participant_row_get_participant (KORAK_PARTICIPANT_ROW (widget)) != NULL)
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The participants the window's list shows on screen, as one string. */
static char *
shown_titles (KorakWindow *window)
{
  KorakParticipantsPage *page = korak_window_get_participants_page (window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  korak_window_show_view (window, "participants");
  spin (150);
  collect_rows (GTK_WIDGET (korak_participants_page_get_list_view (page)), rows);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (titles, (gpointer)korak_participant_row_get_title (rows->pdata[i]));
  g_ptr_array_add (titles, NULL);

  return g_strjoinv ("|", (char **)titles->pdata);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
backups_listed (gpointer prefs)
{
  return !korak_preferences_window_get_backing_up (prefs) &&
         korak_preferences_window_get_backups (prefs) != NULL;
}

static void
on_restored_cb (KorakWindow *window,
                gboolean     restored,
                gboolean    *done)
{
  g_assert_true (restored);
  *done = TRUE;
}

/* Answers the open confirmation with “restore”, as its button would, and
 * waits until the window has its database back. */
static void
confirm_restore (KorakWindow *window)
{
  AdwMessageDialog *dialog = find_message_dialog ();
  KorakStore *old_store = korak_window_get_store (window);
  gboolean done = FALSE;
  gulong id;

  g_assert_nonnull (dialog);
  id = g_signal_connect (window, "restored", G_CALLBACK (on_restored_cb), &done);
  if (old_store != NULL)
    g_object_add_weak_pointer (G_OBJECT (old_store), (gpointer *)&old_store);

  g_signal_emit_by_name (dialog, "response", "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));

  wait_until (is_true, &done);
  g_signal_handler_disconnect (window, id);
  wait_until (is_loaded, window);

  /* Nothing kept the old connection open. */
  wait_until (is_null, &old_store);
}

static guint
count_files (const char *folder,
             const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      n++;

  return n;
}

/* Back Up Now writes a private file into the chosen folder and lists it;
 * restoring it from the list brings back what it holds, keeps a safety
 * copy, and the window shows the restored participants. */
static void
test_back_up_now_and_restore (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KorakPreferencesWindow *prefs;
  KorakWindow *window;
  GPtrArray *backups;
  const KorakBackupInfo *info;
  GtkListBoxRow *row;
  GtkWidget *button;
  GStatBuf st;
  g_autofree char *titles = NULL;
  g_autofree char *body = NULL;
  g_autofree char *safety_dir = NULL;

  make_database (f->path, 1);
  window = open_window (f->path);

  korak_window_show_preferences (window);
  prefs = KORAK_PREFERENCES_WINDOW (korak_window_get_preferences (window));
  g_assert_nonnull (prefs);
  wait_until (is_mapped, prefs);
  g_assert_true (korak_preferences_window_set_backup_folder (prefs, f->folder));
  wait_until (backups_listed, prefs);
  g_assert_cmpuint (korak_preferences_window_get_backups (prefs)->len, ==, 0);

  /* Back Up Now. */
  gtk_widget_activate_action (GTK_WIDGET (prefs), "backups.back-up", NULL);
  g_assert_true (korak_preferences_window_get_backing_up (prefs));
  wait_until (backups_listed, prefs);
  backups = korak_preferences_window_get_backups (prefs);
  g_assert_cmpuint (backups->len, ==, 1);
  info = g_ptr_array_index (backups, 0);
  g_assert_true (info->ok);
  g_assert_false (info->safety_copy);
  g_assert_cmpint (info->n_participants, ==, 1);
  g_assert_true (g_str_has_prefix (info->path, f->folder));
  g_assert_cmpint (g_stat (info->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The list shows it, with what it holds. */
  row = gtk_list_box_get_row_at_index (korak_preferences_window_get_backup_list (prefs), 0);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "1 participant, 0 sessions"));
  g_assert_null (gtk_list_box_get_row_at_index (korak_preferences_window_get_backup_list (prefs), 1));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "backups");
  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 720);
  screenshot (GTK_WIDGET (prefs), "preferences-backups.png");

  /* A participant added after the backup. */
  exec_ok (korak_window_get_store (window),
           "INSERT INTO participant (id, given_name, family_name, status) VALUES (5002, 'Bojan', 'Kovač', 'active');");
  g_assert_true (korak_participant_list_reload (korak_participants_page_get_model (korak_window_get_participants_page (window)),
                                                &error));
  g_assert_no_error (error);
  titles = shown_titles (window);
  g_assert_cmpstr (titles, ==, "Ana Horvat|Bojan Kovač");
  g_clear_pointer (&titles, g_free);

  /* Restore… asks first, with the date and what the backup holds. */
  button = find_named (GTK_WIDGET (row), "restore-button");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wait_until (has_message_dialog, NULL);
  g_object_get (find_message_dialog (), "body", &body, NULL);
  g_assert_true (g_str_has_prefix (body, "Restore the backup of "));
  g_assert_nonnull (strstr (body, "Your current data is kept as a safety copy first."));
  g_assert_nonnull (strstr (body, "1 participant, 0 sessions, 0 attendance marks"));

  confirm_restore (window);

  /* Bojan is gone; the preferences closed with the old database. */
  g_assert_cmpstr (korak_window_get_state (window), ==, "main");
  g_assert_null (korak_window_get_preferences (window));
  titles = shown_titles (window);
  g_assert_cmpstr (titles, ==, "Ana Horvat");

  /* The data from before is kept, with the backups. */
  g_assert_nonnull (korak_window_get_safety_copy (window));
  g_assert_true (g_file_test (korak_window_get_safety_copy (window), G_FILE_TEST_IS_REGULAR));
  safety_dir = g_path_get_dirname (korak_window_get_safety_copy (window));
  g_assert_cmpstr (safety_dir, ==, f->folder);
  g_assert_cmpuint (count_files (f->folder, "korak-before-restore-"), ==, 1);
  {
    g_autoptr(KorakBackupInfo) safety = korak_backup_inspect (korak_window_get_safety_copy (window), &error);

    g_assert_no_error (error);
    g_assert_true (safety->safety_copy);
    g_assert_cmpint (safety->n_participants, ==, 2);
  }

  /* The new preferences list the backup and the safety copy. */
  korak_window_show_preferences (window);
  prefs = KORAK_PREFERENCES_WINDOW (korak_window_get_preferences (window));
  wait_until (backups_listed, prefs);
  g_assert_cmpuint (korak_preferences_window_get_backups (prefs)->len, ==, 2);

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Restore from File…: any Korak database, described before it replaces
 * the data; a file that is not one is refused with the reason. */
static void
test_restore_from_file (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "from-the-other-laptop.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *body = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(GError) error = NULL;
  KorakPreferencesWindow *prefs;
  KorakWindow *window;

  make_database (f->path, 1);
  make_database (other, 3);
  g_assert_true (g_file_set_contents (junk, "This is not a database at all, just some notes.", -1, &error));

  window = open_window (f->path);
  korak_window_show_preferences (window);
  prefs = KORAK_PREFERENCES_WINDOW (korak_window_get_preferences (window));
  g_assert_true (korak_preferences_window_set_backup_folder (prefs, f->folder));
  wait_until (backups_listed, prefs);

  /* Not a database: said so, nothing changes. */
  korak_preferences_window_restore_from_file (prefs, junk);
  wait_until (has_message_dialog, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (find_message_dialog ()), ==, "This File Cannot Be Restored");
  g_object_get (find_message_dialog (), "body", &body, NULL);
  g_assert_cmpstr (body, ==, "The file is not a Korak database.");
  g_clear_pointer (&body, g_free);
  gtk_window_destroy (GTK_WINDOW (find_message_dialog ()));
  spin (20);

  korak_preferences_window_restore_from_file (prefs, other);
  wait_until (has_message_dialog, NULL);
  g_object_get (find_message_dialog (), "body", &body, NULL);
  g_assert_nonnull (strstr (body, "3 participants"));
  g_assert_nonnull (strstr (body, "from-the-other-laptop.db"));

  confirm_restore (window);

  titles = shown_titles (window);
  g_assert_cmpstr (titles, ==, "Ana Horvat|Oseba 1 Priimek 1|Oseba 2 Priimek 2");
  /* The file chosen is left as it was. */
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
}

static KorakApplication *
start_application (const char *path,
                   const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strconcat ("io.github.korak.Korak.Test.", id, NULL);
  KorakApplication *app = korak_application_new (g_get_monotonic_time ());

  /* One application per test, each under its own name on the bus. */
  g_object_set (app, "application-id", app_id, NULL);
  korak_application_set_database (app, path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  return app;
}

static KorakWindow *
application_window (KorakApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  g_assert_true (KORAK_IS_WINDOW (windows->data));
  return windows->data;
}

static gboolean
shows_recovery (gpointer window)
{
  return g_strcmp0 (korak_window_get_state (window), "recovery") == 0 &&
         !korak_recovery_page_get_searching (korak_window_get_recovery_page (window));
}

/* Garbage over the pages from @from to @to (fractions of the file). */
static void
damage (const char *path,
        double      from,
        double      to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  gsize page = 4096;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 20 * page);
  for (gsize at = (gsize)(length / page * from) * page; at < (gsize)(length / page * to) * page; at++)
    contents[at] = (char)(g_test_rand_int () & 0xff);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
}

/* The application checks the database after its first frame; a damaged one
 * shows the recovery page, and restoring the newest good backup from there
 * opens the normal window with the data. */
static void
test_recovery_of_damaged_database (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(KorakApplication) app = NULL;
  const KorakBackupInfo *offered;
  KorakRecoveryPage *recovery;
  KorakWindow *window;
  gboolean done = FALSE;

  make_database (f->path, 400);
  {
    g_autoptr(KorakStore) store = korak_store_open (f->path, &error);

    g_assert_no_error (error);
    folder = korak_backup_default_folder (f->path);
    g_assert_true (korak_backup_create (store, folder, NULL, &error));
    g_assert_no_error (error);
  }
  wal = g_strconcat (f->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  damage (f->path, 0.4, 0.6);

  app = start_application (f->path, "Damaged");
  window = application_window (app);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (shows_recovery, window);

  recovery = korak_window_get_recovery_page (window);
  g_assert_cmpstr (adw_status_page_get_title (korak_recovery_page_get_status_page (recovery)), ==,
                   "The Database Is Damaged");
  g_assert_null (korak_window_get_store (window));
  g_assert_nonnull (korak_window_get_error_message (window));
  offered = korak_recovery_page_get_backup (recovery);
  g_assert_nonnull (offered);
  g_assert_cmpint (offered->n_participants, ==, 400);
  title = g_strdup (korak_recovery_page_get_backup (recovery)->path);
  g_assert_true (g_str_has_prefix (title, folder));
  screenshot (GTK_WIDGET (window), "recovery-page.png");

  /* Restore This Backup. */
  g_signal_connect (window, "restored", G_CALLBACK (on_restored_cb), &done);
  gtk_widget_activate_action (GTK_WIDGET (recovery), "recovery.restore", NULL);
  g_assert_cmpstr (korak_window_get_state (window), ==, "busy");
  wait_until (is_true, &done);
  wait_until (is_loaded, window);
  g_assert_cmpstr (korak_window_get_state (window), ==, "main");
  g_assert_cmpuint (korak_participant_list_get_total (korak_participants_page_get_model (korak_window_get_participants_page (window))),
                    ==, 400);
  g_assert_true (korak_database_quick_check (f->path, &error));
  g_assert_no_error (error);
  /* The damaged file is kept too. */
  g_assert_cmpuint (count_files (folder, "korak-before-restore-"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

/* Damage where opening and the participant list do not look (notes): the
 * window opens, and the quick check after its first frame finds it. */
static void
test_damage_found_after_start (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = korak_backup_default_folder (f->path);
  g_autoptr(KorakApplication) app = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  KorakWindow *window;
  gboolean done = FALSE;

  make_database (f->path, 20);
  {
    g_autoptr(KorakStore) store = korak_store_open (f->path, &error);

    g_assert_no_error (error);
    g_assert_true (korak_backup_create (store, folder, NULL, &error));
    for (guint i = 0; i < 3000; i++)
      g_string_append_printf (sql, "INSERT INTO note (id, participant_id, date, language, text) "
                                   "VALUES (%u, 5001, '2026-11-02', 'sl', '%u: Ana je danes sama poklicala "
                                   "na zavod in se dogovorila za razgovor. Zelo je bila ponosna nase.');",
                              90000 + i, i);
    g_string_append (sql, "COMMIT;");
    exec_ok (store, sql->str);
  }
  damage (f->path, 0.75, 0.95);

  app = start_application (f->path, "DamagedLater");
  window = application_window (app);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_loaded, window);
  wait_until (shows_recovery, window);
  g_assert_null (korak_window_get_store (window));
  g_assert_nonnull (strstr (korak_window_get_error_message (window), "is damaged"));
  g_assert_nonnull (korak_recovery_page_get_backup (korak_window_get_recovery_page (window)));

  g_signal_connect (window, "restored", G_CALLBACK (on_restored_cb), &done);
  gtk_widget_activate_action (GTK_WIDGET (korak_window_get_recovery_page (window)), "recovery.restore", NULL);
  wait_until (is_true, &done);
  wait_until (is_loaded, window);
  g_assert_cmpuint (korak_participant_list_get_total (korak_participants_page_get_model (korak_window_get_participants_page (window))),
                    ==, 20);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

/* A file that is not a database at all, and no backups: the recovery page
 * says so and offers to choose one; nothing is written to the file. */
static void
test_recovery_without_backups (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autoptr(KorakApplication) app = NULL;
  const char *junk = "SQLite format 2\nnot really";
  KorakRecoveryPage *recovery;
  KorakWindow *window;

  g_assert_true (g_file_set_contents (f->path, junk, -1, &error));

  app = start_application (f->path, "NotADatabase");
  window = application_window (app);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (shows_recovery, window);

  recovery = korak_window_get_recovery_page (window);
  g_assert_cmpstr (adw_status_page_get_title (korak_recovery_page_get_status_page (recovery)), ==,
                   "The Database Is Damaged");
  g_assert_null (korak_recovery_page_get_backup (recovery));
  g_assert_nonnull (strstr (korak_window_get_error_message (window), "is not a Korak database"));
  g_assert_true (g_file_get_contents (f->path, &after, NULL, &error));
  g_assert_cmpstr (after, ==, junk);
  screenshot (GTK_WIDGET (window), "recovery-page-no-backups.png");

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

static gboolean
has_backup (gpointer folder)
{
  return count_files (folder, "korak-2") == 1;
}

typedef struct
{
  const char *folder;
  const char *first;
} NewBackup;

/* A backup other than the first, with two participants. */
static gboolean
has_new_backup (gpointer data)
{
  NewBackup *wait = data;
  g_autoptr(GPtrArray) list = korak_backup_list (wait->folder, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const KorakBackupInfo *info = g_ptr_array_index (list, i);

      if (!info->safety_copy && g_strcmp0 (info->path, wait->first) != 0 && info->n_participants == 2)
        return TRUE;
    }

  return FALSE;
}

/* The application backs up once a day after its first frame, and when its
 * window closes; old backups of the same day are rotated away. */
static void
test_automatic_backups (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *folder = korak_backup_default_folder (f->path);
  g_autofree char *first = NULL;
  g_autoptr(KorakApplication) app = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  NewBackup wait = { folder, NULL };
  KorakWindow *window;
  gint64 closed;

  make_database (f->path, 1);
  g_unsetenv ("KORAK_NO_AUTO_BACKUP");

  app = start_application (f->path, "Automatic");
  window = application_window (app);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_loaded, window);
  wait_until (has_backup, folder);
  g_assert_false (korak_backup_is_due (folder, NULL));
  list = korak_backup_list (folder, &error);
  g_assert_no_error (error);
  first = g_strdup (((KorakBackupInfo *)g_ptr_array_index (list, 0))->path);

  exec_ok (korak_window_get_store (window),
           "INSERT INTO participant (id, given_name, family_name, status) VALUES (5002, 'Bojan', 'Kovač', 'active');");

  /* Closing backs up what changed; a small database takes moments. */
  closed = g_get_monotonic_time ();
  gtk_window_close (GTK_WINDOW (window));
  wait.first = first;
  wait_until (has_new_backup, &wait);
  g_assert_cmpint (g_get_monotonic_time () - closed, <, 2 * G_USEC_PER_SEC);

  /* Rotation keeps the newest of the day. */
  wait_until (has_backup, folder);
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));

  g_setenv ("KORAK_NO_AUTO_BACKUP", "1", TRUE);
}

/* The staff member chosen in the preferences is who the store records. */
static void
test_staff_member (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.korak.Korak");
  KorakPreferencesWindow *prefs;
  KorakWindow *window;
  AdwComboRow *row;
  GListModel *model;
  g_autoptr(GtkStringObject) item = NULL;

  make_database (f->path, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KorakStore) store = korak_store_open (f->path, &error);

    exec_ok (store, "INSERT INTO staff (id, given_name, family_name, role) VALUES (77, 'Mojca', 'Zupan', 'mentor');");
  }

  window = open_window (f->path);
  g_assert_cmpint (korak_store_get_actor_id (korak_window_get_store (window)), ==, 0);

  korak_window_show_preferences (window);
  prefs = KORAK_PREFERENCES_WINDOW (korak_window_get_preferences (window));
  row = korak_preferences_window_get_staff_row (prefs);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Not chosen (use my computer account name)");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 1);
  screenshot (GTK_WIDGET (prefs), "preferences-general.png");
  g_assert_cmpint (g_settings_get_int64 (settings, "current-staff"), ==, 77);
  g_assert_cmpint (korak_store_get_actor_id (korak_window_get_store (window)), ==, 77);
  g_assert_cmpstr (korak_store_get_actor_name (korak_window_get_store (window)), ==, "Mojca Zupan");

  adw_combo_row_set_selected (row, 0);
  g_assert_cmpint (korak_store_get_actor_id (korak_window_get_store (window)), ==, 0);
  g_assert_cmpstr (korak_store_get_actor_name (korak_window_get_store (window)), ==, g_get_real_name ());

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  korak_ui_ensure_resources ();

  g_test_add ("/ui/backup/back-up-now-and-restore", Fixture, NULL,
              fixture_set_up, test_back_up_now_and_restore, fixture_tear_down);
  g_test_add ("/ui/backup/restore-from-file", Fixture, NULL,
              fixture_set_up, test_restore_from_file, fixture_tear_down);
  g_test_add ("/ui/backup/recovery-of-damaged-database", Fixture, NULL,
              fixture_set_up, test_recovery_of_damaged_database, fixture_tear_down);
  g_test_add ("/ui/backup/damage-found-after-start", Fixture, NULL,
              fixture_set_up, test_damage_found_after_start, fixture_tear_down);
  g_test_add ("/ui/backup/recovery-without-backups", Fixture, NULL,
              fixture_set_up, test_recovery_without_backups, fixture_tear_down);
  g_test_add ("/ui/backup/automatic", Fixture, NULL,
              fixture_set_up, test_automatic_backups, fixture_tear_down);
  g_test_add ("/ui/backup/staff-member", Fixture, NULL,
              fixture_set_up, test_staff_member, fixture_tear_down);

  return g_test_run ();
}
