/* korak-application.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "korak-application.h"
#include "korak-backup-ui.h"
#include "korak-demo.h"
#include "korak-participant-list.h"
#include "korak-ui-util.h"
#include "korak-window.h"

#define SAMPLE_PARTICIPANTS 300
#define SCREENSHOT_DELAY_MS 800
#define SCHEMA_ID "io.github.korak.Korak"

struct _KorakApplication
{
  AdwApplication  parent_instance;

  gint64          start_time;
  char           *database_path;
  char           *screenshot_path;
  char           *view;
  gboolean        measure_startup;

  GSettings      *settings;
  /* Automatic backups of the database Korak was started on: once a day
   * after the first frame, and when its window closes. Off for
   * --screenshot, --measure-startup and KORAK_NO_AUTO_BACKUP. */
  gboolean        auto_backup;
  gboolean        checked;
  char           *main_database;
  gint64          last_backup_started;   /* real time, µs; 0: none yet */
};

G_DEFINE_FINAL_TYPE (KorakApplication, korak_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the database at PATH instead of your own"), N_("PATH") },
  { "measure-startup", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the time to the first frame of the main window, then quit"), NULL },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Save a PNG of the main window once shown, then quit"), N_("PATH") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Show the view NAME first: today, participants, schedule, cohorts, attendance, review or conflicts"), N_("NAME") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
  { NULL }
};

static int
korak_application_handle_local_options (GApplication *app,
                                        GVariantDict *dict)
{
  KorakApplication *self = KORAK_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("Korak %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (dict, "database", "^&ay", &path))
    self->database_path = g_canonicalize_filename (path, NULL);
  if (g_variant_dict_lookup (dict, "screenshot", "^&ay", &path))
    self->screenshot_path = g_canonicalize_filename (path, NULL);
  self->measure_startup = g_variant_dict_contains (dict, "measure-startup");
  g_variant_dict_lookup (dict, "view", "s", &self->view);

  return -1;
}

static gboolean
take_screenshot_cb (gpointer user_data)
{
  KorakApplication *self = KORAK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (window != NULL && !korak_save_screenshot (GTK_WIDGET (window), self->screenshot_path, &error))
    g_printerr ("%s\n", error->message);
  else
    g_print ("Screenshot: %s\n", self->screenshot_path);

  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static double
seconds_since_start (KorakApplication *self)
{
  return (g_get_monotonic_time () - self->start_time) / (double)G_USEC_PER_SEC;
}

static void
on_first_frame_cb (GdkFrameClock    *clock,
                   KorakApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, self);

  if (self->measure_startup)
    g_print ("first frame: %.3f s (target ≤ 0.3 s)\n", seconds_since_start (self));
}

static void
on_list_frame_cb (GdkFrameClock    *clock,
                  KorakApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_list_frame_cb, self);

  if (self->measure_startup)
    g_print ("participant list shown: %.3f s\n", seconds_since_start (self));

  if (self->screenshot_path != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, SCREENSHOT_DELAY_MS, take_screenshot_cb, g_object_ref (self), g_object_unref);
  else
    g_application_quit (G_APPLICATION (self));
}

static GdkFrameClock *
window_frame_clock (GtkWidget *window)
{
  return gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
}

static void
on_window_realize_cb (GtkWidget        *window,
                      KorakApplication *self)
{
  g_signal_connect (window_frame_clock (window), "after-paint", G_CALLBACK (on_first_frame_cb), self);
}

/* Measured and captured once the participants are on screen, or the
 * window shows why the database could not be opened. */
static void
on_window_loaded_cb (GtkWidget        *window,
                     KorakApplication *self)
{
  g_signal_connect (window_frame_clock (window), "after-paint", G_CALLBACK (on_list_frame_cb), self);
  gtk_widget_queue_draw (window);
}

static void
on_window_loaded_show_view_cb (KorakWindow      *window,
                               KorakApplication *self)
{
  korak_window_show_view (window, self->view);
}

/* ------------------------------------------------------------ backups */

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KorakApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = korak_backup_create_finish (result, &error);

  if (path != NULL)
    g_debug ("Backed up to %s", path);
  else
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
      g_autofree char *message = NULL;

      /* Translators: %s says why, and what to do. */
      message = g_strdup_printf (_("The automatic backup was not made: %s"), error->message);
      if (KORAK_IS_WINDOW (window))
        korak_window_show_toast (KORAK_WINDOW (window), message);
      else
        g_printerr ("%s\n", message);
    }

  g_application_release (G_APPLICATION (self));
}

/* On a worker thread with a connection of its own; the application stays
 * until it is done, even when its last window has closed. */
static void
start_backup (KorakApplication *self,
              const char       *database_path)
{
  g_autofree char *folder = korak_backup_folder_for (self->settings, database_path);

  self->last_backup_started = g_get_real_time ();
  g_application_hold (G_APPLICATION (self));
  korak_backup_create_async (database_path, folder, TRUE, NULL, on_backup_done_cb, g_object_ref (self));
}

static gint64
modified_usec (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;
  return (gint64)st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
}

/* Whether the database (or its -wal) changed since the last backup this
 * session began; TRUE when there was none. */
static gboolean
changed_since_backup (KorakApplication *self,
                      const char       *database_path)
{
  g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);

  if (self->last_backup_started == 0)
    return TRUE;

  return modified_usec (database_path) >= self->last_backup_started ||
         modified_usec (wal) >= self->last_backup_started;
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KorakApplication) self = user_data;
  KorakWindow *window = KORAK_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  const char *path;

  /* A damaged database shows the recovery page instead: not backed up. */
  if (!korak_window_check_database_finish (window, result, &error))
    return;

  path = korak_window_get_database_path (window);
  if (!self->auto_backup || g_strcmp0 (path, self->main_database) != 0)
    return;

  folder = korak_backup_folder_for (self->settings, path);
  if (korak_backup_is_due (folder, NULL))
    start_backup (self, path);
}

/* Once the participants are on screen: the quick check of the database,
 * then the daily backup if none was made today. Both on worker threads,
 * so the first frame never waits for them. */
static void
on_main_window_loaded_cb (KorakWindow      *window,
                          KorakApplication *self)
{
  if (self->checked)
    return;

  self->checked = TRUE;
  korak_window_check_database (window, NULL, on_checked_cb, g_object_ref (self));
}

/* A backup when the window closes, of what was saved while it closed. */
static gboolean
on_main_window_close_request_cb (KorakWindow      *window,
                                 KorakApplication *self)
{
  KorakStore *store = korak_window_get_store (window);
  const char *path;

  if (!self->auto_backup || store == NULL)
    return FALSE;

  path = korak_store_get_path (store);
  if (g_strcmp0 (path, self->main_database) == 0 && changed_since_backup (self, path))
    start_backup (self, path);

  return FALSE;
}

static void
korak_application_activate (GApplication *app)
{
  KorakApplication *self = KORAK_APPLICATION (app);
  KorakWindow *window;

  window = korak_window_new (ADW_APPLICATION (app), self->database_path);
  g_free (self->main_database);
  self->main_database = g_strdup (korak_window_get_database_path (window));
  self->auto_backup = !self->measure_startup && self->screenshot_path == NULL &&
                      g_getenv ("KORAK_NO_AUTO_BACKUP") == NULL;
  if (!self->measure_startup && self->screenshot_path == NULL)
    {
      g_signal_connect_object (window, "loaded", G_CALLBACK (on_main_window_loaded_cb), self, 0);
      /* After the window's own handler, which may keep it open. */
      g_signal_connect_object (window, "close-request", G_CALLBACK (on_main_window_close_request_cb),
                               self, G_CONNECT_AFTER);
    }
  if (self->view != NULL)
    g_signal_connect (window, "loaded", G_CALLBACK (on_window_loaded_show_view_cb), self);
  if (self->measure_startup || self->screenshot_path != NULL)
    {
      g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), self);
      if (korak_window_get_store (window) != NULL)
        g_signal_connect (window, "loaded", G_CALLBACK (on_window_loaded_cb), self);
      else
        g_signal_connect (window, "map", G_CALLBACK (on_window_loaded_cb), self);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);

  /* Close windows one by one so each saves its open profile first. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Korak authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Korak",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", "The Korak authors",
                         "developers", developers,
                         "comments", _("Participants, plans and progress for mentors of social activation programmes. "
                                       "Everything stays on this computer."),
                         "website", "https://github.com/korak/korak",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  g_autofree char *uri = NULL;

  /* F1 opens the page about the view on screen (a dialog: its window's). */
  if (KORAK_IS_WINDOW (window))
    uri = g_strdup_printf ("help:korak/%s", korak_window_get_help_page (KORAK_WINDOW (window)));
  else if (window != NULL && KORAK_IS_WINDOW (gtk_window_get_transient_for (window)))
    uri = g_strdup_printf ("help:korak/%s", korak_window_get_help_page (KORAK_WINDOW (gtk_window_get_transient_for (window))));
  else
    uri = g_strdup ("help:korak");

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

/* A separate database with made-up people, so the user's own data is never mixed in. */
static void
open_sample_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  KorakApplication *self = KORAK_APPLICATION (user_data);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "korak", "sample.db", NULL);
  g_autoptr(GError) error = NULL;
  KorakWindow *window;

  if (!korak_demo_ensure (path, SAMPLE_PARTICIPANTS, 1, &error))
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (active != NULL)
        korak_show_toast (GTK_WIDGET (active), error->message);
      return;
    }

  window = korak_window_new (ADW_APPLICATION (self), path);
  gtk_window_set_title (GTK_WINDOW (window), _("Korak — Sample Data"));
  gtk_window_present (GTK_WINDOW (window));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (KORAK_IS_WINDOW (window))
    korak_window_show_preferences (KORAK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "help", help_action },
  { "open-sample", open_sample_action },
};

static void
korak_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  KorakApplication *self = KORAK_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  korak_ui_ensure_resources ();
  G_APPLICATION_CLASS (korak_application_parent_class)->startup (app);

  /* An uninstalled build without the compiled schema still runs. */
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE)))
    self->settings = g_settings_new (SCHEMA_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
}

static void
korak_application_finalize (GObject *object)
{
  KorakApplication *self = (KorakApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_pointer (&self->view, g_free);
  g_clear_pointer (&self->main_database, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (korak_application_parent_class)->finalize (object);
}

static void
korak_application_class_init (KorakApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = korak_application_finalize;
  app_class->handle_local_options = korak_application_handle_local_options;
  app_class->startup = korak_application_startup;
  app_class->activate = korak_application_activate;
}

static void
korak_application_init (KorakApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

KorakApplication *
korak_application_new (gint64 start_time)
{
  KorakApplication *self;

  /* Not unique: each process opens its own database file, and a rural
   * laptop may have no session bus to register on. */
  self = g_object_new (KORAK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/korak/Korak",
                       NULL);
  self->start_time = start_time;

  return self;
}

/**
 * korak_application_set_database:
 * @path: (nullable): a database file; %NULL for the user's own
 *
 * What `--database PATH` does, for tests that activate the application
 * without a command line. Call it before the application is activated.
 */
void
korak_application_set_database (KorakApplication *self,
                                const char       *path)
{
  g_return_if_fail (KORAK_IS_APPLICATION (self));

  g_free (self->database_path);
  self->database_path = path ? g_canonicalize_filename (path, NULL) : NULL;
}
