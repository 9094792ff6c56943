/* korak-test-util.h — what every UI test needs to wait for GTK.
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds, failing after five seconds. */
G_GNUC_UNUSED static void
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Runs the main loop for @ms milliseconds: lets layout and frames happen. */
G_GNUC_UNUSED static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Removes @path and everything below it (symbolic links are removed, not
 * followed). @strict: every file and folder must go, or the test fails. */
G_GNUC_UNUSED static void
korak_test_remove_tree (const char *path,
                        gboolean    strict)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            korak_test_remove_tree (child, strict);
          else if (g_remove (child) != 0 && strict)
            g_error ("Could not remove %s", child);
        }
      g_dir_close (dir);
    }
  if (g_rmdir (path) != 0 && strict)
    g_error ("Could not remove %s", path);
}
