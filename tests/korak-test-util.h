/* korak-test-util.h — what every UI test needs to wait for GTK.
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

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

/* @text without white space, bidi marks, Arabic tatweel and parentheses
 * (which pdftotext mirrors in right-to-left text), so that words it
 * wrapped or reordered still match. */
G_GNUC_UNUSED static char *
korak_test_squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
          (c >= 0x2066 && c <= 0x2069) || c == 0x0640 || c == '(' || c == ')')
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

G_GNUC_UNUSED static gboolean
korak_test_is_alef (gunichar c)
{
  return c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622;
}

/* pdftotext gives the lam-alef ligature back as alef then lam: @text
 * spelled so too. */
G_GNUC_UNUSED static char *
korak_test_ligatures_as_pdftotext (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == 0x0644 && *next != '\0' && korak_test_is_alef (g_utf8_get_char (next)))
        {
          g_string_append_unichar (out, g_utf8_get_char (next));
          g_string_append_unichar (out, c);
          p = next;
          continue;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* pdftotext's text of a PDF holds @needle, read as above: a name or a
 * sentence in any script, wherever pdftotext wrapped or reordered it. */
G_GNUC_UNUSED static void
korak_test_assert_pdf_contains (const char *text,
                                const char *needle)
{
  g_autofree char *haystack = korak_test_squash (text);
  g_autofree char *spelled = korak_test_ligatures_as_pdftotext (needle);
  g_autofree char *squashed = korak_test_squash (spelled);

  if (strstr (haystack, squashed) == NULL)
    g_error ("“%s” not found in:\n%s", needle, text);
}
