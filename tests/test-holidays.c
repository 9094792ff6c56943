/* test-holidays.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "korak-holidays.h"

static const char *
name_on (const char *iso)
{
  GDate date;
  int y, m, d;

  g_assert_cmpint (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  g_assert_true (g_date_valid (&date));

  return korak_holiday_name (&date);
}

static void
test_easter (void)
{
  /* From the published Gregorian Easter tables. */
  static const struct { int year, month, day; } easter[] = {
    { 2019, 4, 21 }, { 2024, 3, 31 }, { 2025, 4, 20 }, { 2026, 4, 5 },
    { 2027, 3, 28 }, { 2038, 4, 25 }, { 2008, 3, 23 }, { 1992, 4, 19 },
    { 2000, 4, 23 }, { 2011, 4, 24 }, { 2285, 3, 22 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (easter); i++)
    {
      int month = 0, day = 0;

      g_test_message ("Easter %d", easter[i].year);
      korak_easter_sunday (easter[i].year, &month, &day);
      g_assert_cmpint (month, ==, easter[i].month);
      g_assert_cmpint (day, ==, easter[i].day);
    }
}

static void
test_movable (void)
{
  g_assert_cmpstr (name_on ("2026-04-05"), ==, "Easter Sunday");
  g_assert_cmpstr (name_on ("2026-04-06"), ==, "Easter Monday");
  g_assert_cmpstr (name_on ("2025-04-21"), ==, "Easter Monday");
  g_assert_cmpstr (name_on ("2024-04-01"), ==, "Easter Monday");
  /* Whit Sunday: 49 days after Easter. */
  g_assert_cmpstr (name_on ("2026-05-24"), ==, "Whit Sunday");
  g_assert_cmpstr (name_on ("2025-06-08"), ==, "Whit Sunday");
  g_assert_cmpstr (name_on ("2024-05-19"), ==, "Whit Sunday");
  /* Good Friday, Easter Tuesday and Whit Monday are working days. */
  g_assert_null (name_on ("2026-04-03"));
  g_assert_null (name_on ("2026-04-07"));
  g_assert_null (name_on ("2026-05-25"));
  /* Ascension is not a work-free day in Slovenia. */
  g_assert_null (name_on ("2026-05-14"));
}

static void
test_fixed (void)
{
  static const struct { const char *day; const char *name; } fixed[] = {
    { "2026-01-01", "New Year" },
    { "2026-01-02", "New Year" },
    { "2026-02-08", "Prešeren Day" },
    { "2026-04-27", "Day of Uprising Against Occupation" },
    { "2026-05-01", "Labour Day" },
    { "2026-05-02", "Labour Day" },
    { "2026-06-25", "Statehood Day" },
    { "2026-08-15", "Assumption Day" },
    { "2026-10-31", "Reformation Day" },
    { "2026-11-01", "Remembrance Day" },
    { "2026-12-25", "Christmas" },
    { "2026-12-26", "Independence and Unity Day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_assert_cmpstr (name_on (fixed[i].day), ==, fixed[i].name);

  g_assert_null (name_on ("2026-01-03"));
  g_assert_null (name_on ("2026-12-24"));
  g_assert_null (name_on ("2026-12-31"));
  g_assert_null (name_on ("2026-06-24"));
  g_assert_null (name_on ("2026-11-02"));
  /* 29 February is an ordinary day. */
  g_assert_null (name_on ("2028-02-29"));
}

static void
test_second_january (void)
{
  /* A working day from 2013 to 2016, a holiday again from 2017. */
  g_assert_cmpstr (name_on ("2012-01-02"), ==, "New Year");
  g_assert_null (name_on ("2013-01-02"));
  g_assert_null (name_on ("2015-01-02"));
  g_assert_null (name_on ("2016-01-02"));
  g_assert_cmpstr (name_on ("2017-01-02"), ==, "New Year");
  g_assert_cmpstr (name_on ("2018-01-02"), ==, "New Year");
  g_assert_cmpstr (name_on ("2015-01-01"), ==, "New Year");
}

static void
test_of_year (void)
{
  static const char * const expected_2026[] = {
    "2026-01-01", "2026-01-02", "2026-02-08", "2026-04-05", "2026-04-06",
    "2026-04-27", "2026-05-01", "2026-05-02", "2026-05-24", "2026-06-25",
    "2026-08-15", "2026-10-31", "2026-11-01", "2026-12-25", "2026-12-26",
  };
  static const char * const expected_2015[] = {
    "2015-01-01", "2015-02-08", "2015-04-05", "2015-04-06", "2015-04-27",
    "2015-05-01", "2015-05-02", "2015-05-24", "2015-06-25", "2015-08-15",
    "2015-10-31", "2015-11-01", "2015-12-25", "2015-12-26",
  };
  g_autoptr(GPtrArray) days = korak_holidays_of_year (2026);
  g_autoptr(GPtrArray) days_2015 = korak_holidays_of_year (2015);
  g_autoptr(GPtrArray) days_2024 = korak_holidays_of_year (2024);

  g_assert_cmpuint (days->len, ==, G_N_ELEMENTS (expected_2026));
  for (guint i = 0; i < days->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (days, i), ==, expected_2026[i]);
      g_assert_nonnull (name_on (g_ptr_array_index (days, i)));
    }

  g_assert_cmpuint (days_2015->len, ==, G_N_ELEMENTS (expected_2015));
  for (guint i = 0; i < days_2015->len; i++)
    g_assert_cmpstr (g_ptr_array_index (days_2015, i), ==, expected_2015[i]);

  /* Easter in March sorts among the fixed days. */
  g_assert_cmpuint (days_2024->len, ==, 15);
  g_assert_cmpstr (g_ptr_array_index (days_2024, 3), ==, "2024-03-31");
  g_assert_cmpstr (g_ptr_array_index (days_2024, 4), ==, "2024-04-01");
  for (guint i = 1; i < days_2024->len; i++)
    g_assert_cmpint (strcmp (g_ptr_array_index (days_2024, i - 1), g_ptr_array_index (days_2024, i)), <, 0);
}

/* Every day of a year: exactly the listed days have a name. */
static void
test_whole_year (void)
{
  g_autoptr(GPtrArray) days = korak_holidays_of_year (2027);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  GDate date;
  guint named = 0;

  for (guint i = 0; i < days->len; i++)
    g_hash_table_add (listed, g_ptr_array_index (days, i));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2027);
  while (g_date_get_year (&date) == 2027)
    {
      char iso[11];

      g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      if (korak_holiday_name (&date) != NULL)
        {
          named++;
          g_assert_true (g_hash_table_contains (listed, iso));
        }
      else
        g_assert_false (g_hash_table_contains (listed, iso));
      g_date_add_days (&date, 1);
    }

  g_assert_cmpuint (named, ==, 15);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/holidays/easter", test_easter);
  g_test_add_func ("/holidays/movable", test_movable);
  g_test_add_func ("/holidays/fixed", test_fixed);
  g_test_add_func ("/holidays/second-january", test_second_january);
  g_test_add_func ("/holidays/of-year", test_of_year);
  g_test_add_func ("/holidays/whole-year", test_whole_year);

  return g_test_run ();
}
