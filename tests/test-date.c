/* test-date.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "korak-date.h"
#include "korak-store.h"

static void
test_date_parse_accepts (void)
{
  static const struct {
    const char *text;
    const char *iso;
  } cases[] = {
    { "2026-11-23",    "2026-11-23" },
    { "23. 11. 2026",  "2026-11-23" },
    { "23.11.2026",    "2026-11-23" },
    { "23/11/2026",    "2026-11-23" },
    { "23. 11. 2026.", "2026-11-23" },
    { " 5. 3. 1985 ",  "1985-03-05" },
    { "5. 3. 1985.",   "1985-03-05" },
    { "5.3.1985",      "1985-03-05" },
    { "29. 2. 2024",   "2024-02-29" },
    { "1985-3-5",      "1985-03-05" },
    { "31. 12. 1999",  "1999-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = korak_date_parse (cases[i].text, &error);

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_true (korak_date_is_iso (iso));
    }
}

static void
test_date_parse_refuses (void)
{
  static const char *bad[] = {
    "31. 2. 2020",
    "29. 2. 2026",
    "2026-13-01",
    "2026-00-10",
    "2026-11-31",
    "abc",
    "12/2020",
    "1. 1. 99",
    "23 11 2026",
    "23. 11. 2026 x",
    "2026-11-23T10:00",
    "0. 1. 2020",
    "1..2020",
    "-1. 1. 2020",
    "23. 11. 20266",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = korak_date_parse (bad[i], &error);

      g_test_message ("parsing “%s”", bad[i]);
      g_assert_null (iso);
      g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      /* The message quotes what was typed so the user sees the mistake. */
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_date_parse_empty (void)
{
  const char *empties[] = { "", "   ", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = korak_date_parse (empties[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, "");
    }
}

static void
test_date_is_iso (void)
{
  static const char *good[] = { "2026-11-23", "2024-02-29", "1900-01-01", "0001-01-01", "9999-12-31" };
  static const char *bad[] = {
    "", "2026-02-29", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01",
    "2026-01-01 ", " 2026-01-01", "2026-01-0a", "+026-01-01", "2026-13-01",
    "2026-00-01", "2026-01-00", "2026-01-32", "20260101", "2026-11-23T00:00",
    "0000-01-01", "yesterday",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("“%s” is ISO", good[i]);
      g_assert_true (korak_date_is_iso (good[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("“%s” is not ISO", bad[i]);
      g_assert_false (korak_date_is_iso (bad[i]));
    }

  g_assert_false (korak_date_is_iso (NULL));
}

static void
test_date_format_round_trip (void)
{
  static const char *dates[] = { "2026-11-23", "1985-03-05", "2024-02-29", "1900-01-01", "2000-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = korak_date_format (dates[i]);
      g_autofree char *parsed = NULL;

      /* No translation is loaded in the tests: the C format is ISO. */
      g_assert_cmpstr (shown, ==, dates[i]);

      parsed = korak_date_parse (shown, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (parsed, ==, dates[i]);
    }

  /* Text that is not a date is shown as it is, and NULL as nothing. */
  {
    g_autofree char *shown = korak_date_format ("soon");
    g_autofree char *none = korak_date_format (NULL);

    g_assert_cmpstr (shown, ==, "soon");
    g_assert_cmpstr (none, ==, "");
  }
}

static void
test_date_today (void)
{
  g_autofree char *today = korak_date_today ();
  g_autofree char *parsed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (korak_date_is_iso (today));
  parsed = korak_date_parse (today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parsed, ==, today);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/accepts", test_date_parse_accepts);
  g_test_add_func ("/date/parse/refuses", test_date_parse_refuses);
  g_test_add_func ("/date/parse/empty", test_date_parse_empty);
  g_test_add_func ("/date/is-iso", test_date_is_iso);
  g_test_add_func ("/date/format/round-trip", test_date_format_round_trip);
  g_test_add_func ("/date/today", test_date_today);

  return g_test_run ();
}
