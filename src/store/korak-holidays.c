/* korak-holidays.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-holidays"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "korak-holidays.h"

/* Work-free public holidays of Slovenia (Zakon o praznikih in dela prostih
 * dnevih v Republiki Sloveniji). Easter and Whit Sunday move with Easter;
 * the others are fixed. */

typedef struct
{
  int         month;
  int         day;
  const char *name;   /* N_() */
} FixedHoliday;

static const FixedHoliday fixed_holidays[] = {
  {  1,  1, N_("New Year") },
  {  1,  2, N_("New Year") },
  {  2,  8, N_("Prešeren Day") },
  {  4, 27, N_("Day of Uprising Against Occupation") },
  {  5,  1, N_("Labour Day") },
  {  5,  2, N_("Labour Day") },
  {  6, 25, N_("Statehood Day") },
  {  8, 15, N_("Assumption Day") },
  { 10, 31, N_("Reformation Day") },
  { 11,  1, N_("Remembrance Day") },
  { 12, 25, N_("Christmas") },
  { 12, 26, N_("Independence and Unity Day") },
};

typedef enum
{
  MOVABLE_EASTER_SUNDAY,
  MOVABLE_EASTER_MONDAY,
  MOVABLE_WHIT_SUNDAY,
  N_MOVABLE
} Movable;

static const struct
{
  int         days_after_easter;
  const char *name;   /* N_() */
} movable_holidays[N_MOVABLE] = {
  [MOVABLE_EASTER_SUNDAY] = {  0, N_("Easter Sunday") },
  [MOVABLE_EASTER_MONDAY] = {  1, N_("Easter Monday") },
  [MOVABLE_WHIT_SUNDAY]   = { 49, N_("Whit Sunday") },
};

/* 2 January was a working day from 2013 to 2016. */
static gboolean
fixed_applies (const FixedHoliday *holiday,
               int                 year)
{
  if (holiday->month == 1 && holiday->day == 2)
    return year < 2013 || year > 2016;

  return TRUE;
}

/**
 * korak_easter_sunday:
 *
 * Easter Sunday of the Gregorian calendar by the anonymous algorithm
 * (Meeus/Jones/Butcher), valid for every year from 1583.
 */
void
korak_easter_sunday (int  year,
                     int *month,
                     int *day)
{
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;

  g_return_if_fail (month != NULL && day != NULL);

  *month = (h + l - 7 * m + 114) / 31;
  *day = ((h + l - 7 * m + 114) % 31) + 1;
}

static guint32
easter_julian (int year)
{
  GDate date;
  int month, day;

  korak_easter_sunday (year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

/**
 * korak_holiday_name:
 * @date: a valid date
 *
 * Returns: (nullable): the translated name of the work-free holiday on
 *   @date, or %NULL on an ordinary day.
 */
const char *
korak_holiday_name (const GDate *date)
{
  int year, month, day;
  guint32 julian, easter;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  year = g_date_get_year (date);
  month = g_date_get_month (date);
  day = g_date_get_day (date);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_holidays); i++)
    if (fixed_holidays[i].month == month && fixed_holidays[i].day == day &&
        fixed_applies (&fixed_holidays[i], year))
      return _(fixed_holidays[i].name);

  /* Movable ones fall between 22 March and 13 June. */
  if (month < 3 || month > 6)
    return NULL;

  julian = g_date_get_julian (date);
  easter = easter_julian (year);
  for (guint i = 0; i < N_MOVABLE; i++)
    if (julian == easter + (guint32)movable_holidays[i].days_after_easter)
      return _(movable_holidays[i].name);

  return NULL;
}

static int
compare_iso (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * korak_holidays_of_year:
 *
 * Returns: (transfer full) (element-type utf8): the ISO dates of @year's
 *   work-free holidays, earliest first.
 */
GPtrArray *
korak_holidays_of_year (int year)
{
  GPtrArray *dates = g_ptr_array_new_with_free_func (g_free);
  guint32 easter;

  g_return_val_if_fail (year >= 1 && year <= 9999, dates);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_holidays); i++)
    if (fixed_applies (&fixed_holidays[i], year))
      g_ptr_array_add (dates, g_strdup_printf ("%04d-%02d-%02d", year,
                                               fixed_holidays[i].month, fixed_holidays[i].day));

  easter = easter_julian (year);
  for (guint i = 0; i < N_MOVABLE; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, easter + (guint32)movable_holidays[i].days_after_easter);
      g_ptr_array_add (dates, g_strdup_printf ("%04d-%02d-%02d", year,
                                               (int)g_date_get_month (&date), (int)g_date_get_day (&date)));
    }

  g_ptr_array_sort (dates, compare_iso);

  return dates;
}
