/* main.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "korak-application.h"

int
main (int   argc,
      char *argv[])
{
  gint64 start_time = g_get_monotonic_time ();
  g_autoptr(KorakApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* KORAK_LOCALEDIR lets an uninstalled build find its own translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KORAK_LOCALEDIR") ? g_getenv ("KORAK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = korak_application_new (start_time);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
