/* korak-holidays.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Slovenian public holidays that are work-free days, computed for any year
 * from 1992 on: New Year (1 and 2 January), Prešeren Day (8 February),
 * Easter Sunday and Easter Monday, Day of Uprising Against Occupation
 * (27 April), Labour Day (1 and 2 May), Whit Sunday, Statehood Day (25 June),
 * Assumption Day (15 August), Reformation Day (31 October), Remembrance Day
 * (1 November), Christmas (25 December) and Independence and Unity Day
 * (26 December). 2 January is a holiday from 2017 on (not 2013–2016). */

/* Easter Sunday of @year (Gregorian), as month and day. */
void         korak_easter_sunday   (int          year,
                                    int         *month,
                                    int         *day);
/* The holiday's translated name, or NULL when @date is not one. */
const char  *korak_holiday_name    (const GDate *date);
/* ISO dates of @year's holidays, in order. */
GPtrArray   *korak_holidays_of_year (int         year);

G_END_DECLS
