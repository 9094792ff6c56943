/* test-i18n-ui.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window in Slovenian, Croatian and Polish: each language in a
 * subprocess started with LANGUAGE set, reading the build's compiled
 * catalogues (KORAK_LOCALEDIR, <builddir>/po), as main.c binds them. Checks
 * the sidebar's labels against the translations in po/LANG.po. Runs under
 * Xvfb.
 */

#include "config.h"

#include "korak-test-util.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "korak-ui-util.h"
#include "korak-window.h"

typedef struct
{
  const char *language;
  const char *today;          /* msgstr of "Today" */
  const char *participants;   /* msgstr of "Participants" */
  const char *schedule;       /* msgstr of "Schedule" */
} Expected;

/* From po/sl.po, po/hr.po and po/pl.po. */
static const Expected expected[] = {
  { "sl", "Danes",   "Udeleženci", "Urnik" },
  { "hr", "Danas",   "Sudionici",  "Raspored" },
  { "pl", "Dzisiaj", "Uczestnicy", "Harmonogram" },
};

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

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
first_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* In the subprocess: the window in the language of LANGUAGE; prints the
 * labels of the sidebar, one "view=label" a line. */
static void
show_window (void)
{
  static const char *views[] = { "today", "participants", "schedule", "cohorts", "attendance", "review" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("korak-i18n-ui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *db_wal = NULL;
  g_autofree char *db_shm = NULL;
  KorakWindow *window;
  GtkWidget *sidebar;

  g_assert_no_error (error);
  path = g_build_filename (dir, "korak.db", NULL);

  window = korak_window_new (NULL, path);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_until (is_loaded, window);

  sidebar = GTK_WIDGET (gtk_widget_get_ancestor (find_named (GTK_WIDGET (window), "today"), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (sidebar);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *row = find_named (sidebar, views[i]);

      g_assert_nonnull (row);
      g_print ("%s=%s\n", views[i], gtk_label_get_text (GTK_LABEL (first_label (row))));
    }

  /* A string from C, not from a template. */
  g_print ("gettext-today=%s\n", _("Today"));

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  db_wal = g_strconcat (path, "-wal", NULL);
  db_shm = g_strconcat (path, "-shm", NULL);
  g_unlink (path);
  g_unlink (db_wal);
  g_unlink (db_shm);
  g_rmdir (dir);
}

static void
test_i18n_window (gconstpointer data)
{
  const Expected *e = data;
  g_autofree char *today = NULL;
  g_autofree char *participants = NULL;
  g_autofree char *schedule = NULL;
  g_autofree char *subprocess = NULL;
  g_autofree char *from_c = NULL;

  if (g_test_subprocess ())
    {
      show_window ();
      return;
    }

  if (g_getenv ("KORAK_LOCALEDIR") == NULL)
    {
      g_test_skip ("KORAK_LOCALEDIR is not set: run through meson test");
      return;
    }

  /* gettext ignores LANGUAGE in the "C" locale, so the subprocess runs in
   * C.UTF-8; the environment is read again by its gtk_init(). */
  g_setenv ("LANGUAGE", e->language, TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);

  subprocess = g_strdup_printf ("/ui/i18n/window/%s", e->language);
  g_test_trap_subprocess (subprocess, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_trap_assert_passed ();

  today = g_strdup_printf ("*today=%s\n*", e->today);
  participants = g_strdup_printf ("*participants=%s\n*", e->participants);
  schedule = g_strdup_printf ("*schedule=%s\n*", e->schedule);
  g_test_trap_assert_stdout (today);
  g_test_trap_assert_stdout (participants);
  g_test_trap_assert_stdout (schedule);
  g_test_trap_assert_stdout_unmatched ("*review=Review\n*");
  from_c = g_strdup_printf ("*gettext-today=%s\n*", e->today);
  g_test_trap_assert_stdout (from_c);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KORAK_LOCALEDIR");

  /* As main.c does, before any window: the build's own catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() sets en_US.UTF-8 (or leaves "C" where that is not
   * installed); the window takes the locale of the environment, as Korak's
   * own gtk_init() does. */
  setlocale (LC_ALL, "");
  adw_init ();
  korak_ui_ensure_resources ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/i18n/window/%s", expected[i].language);

      g_test_add_data_func (path, &expected[i], test_i18n_window);
    }

  return g_test_run ();
}
