/* korak-chart-data.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "korak-assessment.h"
#include "korak-charts.h"

G_BEGIN_DECLS

/* The data of the charts in korak-charts.h, built from what the store
 * returns (korak-assessment.h), with translated labels. The Progress page,
 * the cohort progress window and the printed reports all build their charts
 * here, so a chart on screen and on paper shows the same thing.
 *
 * Each *_fill() first clears what @data held; each *_clear() frees the
 * contents (not @data itself) and leaves it empty, ready to fill again. A
 * zero-initialised struct is empty. */

void  korak_star_data_clear       (KorakStarData              *data);
void  korak_line_data_clear       (KorakLineData              *data);
void  korak_attendance_data_clear (KorakAttendanceData        *data);
void  korak_bar_data_clear        (KorakBarData               *data);

/* One series per assessment of @summary (the first and up to three latest),
 * labelled "Intake 2. 3. 2026"; @summary NULL leaves @data empty. */
void  korak_star_data_fill        (KorakStarData              *data,
                                   const KorakStarSummary     *summary);
/* Only the first assessment (the intake) and the latest: two series, or one
 * when there is a single assessment. Areas retired before either and not
 * scored in them are left out. */
void  korak_star_data_fill_first_last (KorakStarData          *data,
                                       const KorakStarSummary *summary);

/* One series from @line (the average when line->area_id is 0, labelled
 * "Average"); @line NULL leaves @data empty. */
void  korak_line_data_fill        (KorakLineData              *data,
                                   const KorakProgressLine    *line);

/* @weeks: KorakWeekHours, as korak_store_participant_week_hours() returns
 * them; NULL leaves @data empty. */
void  korak_attendance_data_fill  (KorakAttendanceData        *data,
                                   GArray                     *weeks,
                                   double                      required_per_week);

/* Exits by reason: @exits holds KorakExitCount*, labels are the
 * translated exit reasons; the title "Exits by reason". */
void  korak_bar_data_fill_exits   (KorakBarData               *data,
                                   GPtrArray                  *exits);
/* The distribution of change from intake to exit or latest over
 * korak_progress_change_bands(): @changes holds KorakProgressChange*. No
 * bars when nobody has two assessments. Returns how many were counted. */
guint korak_bar_data_fill_change_bands (KorakBarData          *data,
                                        GPtrArray             *changes);

G_END_DECLS
