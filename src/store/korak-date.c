/* korak-date.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "korak-date.h"
#include "korak-store.h"

static gboolean
valid_ymd (int y, int m, int d)
{
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 &&
         g_date_valid_dmy (d, m, y);
}

/* Dates are stored as ISO 8601 text: exactly YYYY-MM-DD of a real day. */
gboolean
korak_date_is_iso (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  return valid_ymd (y, m, d);
}

/**
 * korak_date_parse:
 * @text: what the user typed: "2026-11-23", "23. 11. 2026", "23.11.2026" or "23/11/2026"
 *
 * Returns: (transfer full) (nullable): the ISO date, or %NULL with @error set.
 *   Empty text gives "" (no date).
 */
char *
korak_date_parse (const char  *text,
                  GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  int a = 0, b = 0, c = 0;
  int n = 0;
  const char *p = stripped;
  int parts[3];
  char seps[2] = { 0, 0 };

  if (*stripped == '\0')
    return g_strdup ("");

  /* Three runs of digits split by one of - . / with optional spaces;
   * a trailing dot ("23. 11. 2026.") is usual in Slovenian. */
  while (*p && n < 3)
    {
      int value = 0, digits = 0;

      while (*p == ' ')
        p++;
      while (g_ascii_isdigit (*p) && digits < 5)
        value = value * 10 + (*p++ - '0'), digits++;
      if (digits == 0)
        break;
      parts[n] = value;
      if (n == 0 && digits == 4)
        seps[1] = 'y';   /* year first: ISO order */
      n++;
      while (*p == ' ')
        p++;
      if (*p == '-' || *p == '.' || *p == '/')
        {
          if (n <= 2)
            seps[0] = seps[0] ? seps[0] : *p;
          p++;
        }
      else if (n < 3)
        break;
    }
  while (*p == ' ' || *p == '.')
    p++;

  if (n == 3 && *p == '\0')
    {
      if (seps[1] == 'y')
        a = parts[0], b = parts[1], c = parts[2];
      else
        a = parts[2], b = parts[1], c = parts[0];

      if (a >= 1000 && valid_ymd (a, b, c))
        return g_strdup_printf ("%04d-%02d-%02d", a, b, c);
    }

  g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
               /* Translators: %s is what the user typed. Keep both example dates in the formats Korak reads. */
               _("“%s” is not a date. Type a day that exists, for example 23. 11. 2026 or 2026-11-23."),
               stripped);
  return NULL;
}

/* Shown the way the user's language writes dates; translators choose. */
char *
korak_date_format (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (!korak_date_is_iso (iso))
    return g_strdup (iso ? iso : "");

  sscanf (iso, "%4d-%2d-%2d", &y, &m, &d);
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);

  /* Translators: how a date is shown, in g_date_time_format() syntax.
   * Slovenian uses "%-d. %-m. %Y". Korak also reads dates typed this way. */
  return g_date_time_format (dt, _("%Y-%m-%d"));
}

char *
korak_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* @date as ISO "YYYY-MM-DD", the form every date is stored in. */
char *
korak_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}
