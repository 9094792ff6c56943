/* korak-charts.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Charts drawn once, with Cairo and Pango, for the screen (a GtkDrawingArea
 * or a snapshot's cairo node), print and PDF alike. Each takes a cairo_t,
 * the size in user units (pixels or points), a style and its data; it draws
 * inside (0, 0, width, height) and nothing when the data is empty except
 * the frame and a translated "No assessments yet"-style line. Colours come
 * from the style so they read in light and dark, and each series also has
 * its own marker shape and dash so it is told apart without colour. Each
 * chart has a *_describe() that returns the translated text summary for the
 * accessibility tree and for screen readers. */

typedef struct
{
  gboolean dark;         /* dark background */
  double   scale;        /* text scale, 1.0 normal */
} KorakChartStyle;

/* Series colours, markers and dashes, by index (cycling). */
void  korak_chart_series_color (const KorakChartStyle *style,
                                guint                  index,
                                double                *r,
                                double                *g,
                                double                *b);

/* ----------------------------------------------------------------- star */

typedef struct
{
  char   *label;         /* e.g. "Intake 2026-03-02" */
  char   *kind;          /* intake, review, exit, follow_up */
  double *scores;        /* n_axes values, 1..10; 0 = not scored */
} KorakStarSeries;

typedef struct
{
  guint             n_axes;
  char            **axes;       /* competency area names */
  guint             n_series;   /* up to 4 drawn: the first and the last three */
  KorakStarSeries  *series;
} KorakStarData;

void   korak_star_chart_draw     (cairo_t               *cr,
                                  double                 width,
                                  double                 height,
                                  const KorakChartStyle *style,
                                  const KorakStarData   *data);
/* A score of 0 is "not scored": the series' outline is drawn as open
 * segments between neighbouring scored axes (a gap, never a dip to the
 * centre), a marker on each scored axis, and the translucent fill only when
 * every axis is scored. A series with no scores draws nothing. */
/* Where a score lands, for tests and hit-testing: axis @axis at @score. */
void   korak_star_chart_point    (double                 width,
                                  double                 height,
                                  const KorakStarData   *data,
                                  guint                  axis,
                                  double                 score,
                                  double                *x,
                                  double                *y);
char  *korak_star_chart_describe (const KorakStarData   *data);

/* ----------------------------------------------------------------- line */

typedef struct
{
  char   *date;          /* ISO */
  char   *kind;          /* intake, review, exit, follow_up: marked on the chart */
  double  value;         /* 1..10 */
} KorakLinePoint;

typedef struct
{
  char            *label;       /* area name, or "Average" */
  guint            n_points;
  KorakLinePoint  *points;      /* by date */
} KorakLineSeries;

typedef struct
{
  guint            n_series;
  KorakLineSeries *series;
} KorakLineData;

void   korak_line_chart_draw     (cairo_t               *cr,
                                  double                 width,
                                  double                 height,
                                  const KorakChartStyle *style,
                                  const KorakLineData   *data);
char  *korak_line_chart_describe (const KorakLineData   *data);

/* ------------------------------------------------------------ attendance */

typedef struct
{
  char   *monday;        /* ISO */
  double  hours;         /* attended that week */
  int     module;        /* module ordinal the week falls in, 0 none */
} KorakAttendanceWeek;

typedef struct
{
  double               required_per_week;   /* the line; 0 for none */
  guint                n_weeks;
  KorakAttendanceWeek *weeks;
  /* The chart's words in a second language (bilingual documents), drawn
   * after the interface's; NULL: none. The formats come from a catalog
   * (one %d, one %s) and are filled by korak_catalog_format(). Owned. */
  char                *hours2;
  char                *module_format2;
  char                *required_format2;
} KorakAttendanceData;

void   korak_attendance_chart_draw     (cairo_t                   *cr,
                                        double                     width,
                                        double                     height,
                                        const KorakChartStyle     *style,
                                        const KorakAttendanceData *data);
char  *korak_attendance_chart_describe (const KorakAttendanceData *data);

/* ---------------------------------------------------------------- cohort */

typedef struct
{
  char   *label;         /* translated exit reason, or a band like "+2" */
  double  value;         /* count */
  gboolean positive;     /* exits: counted as positive */
} KorakBar;

typedef struct
{
  char     *title;
  guint     n_bars;
  KorakBar *bars;
} KorakBarData;

/* Horizontal bars: exits by reason, or the distribution of the change
 * between intake and exit (bands of score change). */
void   korak_bar_chart_draw     (cairo_t               *cr,
                                 double                 width,
                                 double                 height,
                                 const KorakChartStyle *style,
                                 const KorakBarData    *data);
char  *korak_bar_chart_describe (const KorakBarData    *data);

/* ------------------------------------------------------------ additions */

/* Series marker shapes, by index (cycling). */
typedef enum
{
  KORAK_CHART_MARKER_CIRCLE,
  KORAK_CHART_MARKER_SQUARE,
  KORAK_CHART_MARKER_TRIANGLE,
  KORAK_CHART_MARKER_DIAMOND,
} KorakChartMarker;

KorakChartMarker korak_chart_series_marker (guint index);

/* Where point @point of series @series is drawn on the line chart. Returns
 * FALSE when it is not drawn (out of range, or value 0 = not scored). */
gboolean korak_line_chart_point (double                 width,
                                 double                 height,
                                 const KorakChartStyle *style,
                                 const KorakLineData   *data,
                                 guint                  series,
                                 guint                  point,
                                 double                *x,
                                 double                *y);

/* The rectangle of week @week's bar (zero height when no hours), and the y
 * of the required-hours line, as drawn by korak_attendance_chart_draw(). */
gboolean korak_attendance_chart_bar_rect   (double                     width,
                                            double                     height,
                                            const KorakChartStyle     *style,
                                            const KorakAttendanceData *data,
                                            guint                      week,
                                            double                    *x,
                                            double                    *y,
                                            double                    *bar_width,
                                            double                    *bar_height);
double   korak_attendance_chart_required_y (double                     width,
                                            double                     height,
                                            const KorakChartStyle     *style,
                                            const KorakAttendanceData *data);

G_END_DECLS
