/* test-charts.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "korak-charts.h"

#define W 800
#define H 600
#define TOLERANCE 10

static const KorakChartStyle light = { FALSE, 1.0 };
static const KorakChartStyle dark = { TRUE, 1.0 };

static char *areas[] = {
  "Communication",
  "Self-confidence and motivation",
  "Slovenian language",
  "Digital skills",
  "Financial literacy",
  "Everyday procedures",
  "Health and well-being",
  "Teamwork",
};

static double intake_scores[] = { 3, 4, 2, 2, 3, 4, 5, 4 };
static double review1_scores[] = { 4, 5, 3, 5, 0, 5, 6, 5 };
static double review2_scores[] = { 5, 6, 4, 7, 5, 6, 7, 7 };
static double zero_scores[] = { 0, 0, 0, 0, 0, 0, 0, 0 };

typedef void (*DrawFunc) (cairo_t *cr, double w, double h, const KorakChartStyle *style,
                          gconstpointer data);

/* ------------------------------------------------------------ helpers */

static cairo_surface_t *
render (DrawFunc               draw,
        const KorakChartStyle *style,
        gconstpointer          data,
        int                    width,
        int                    height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  if (style->dark)
    cairo_set_source_rgb (cr, 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw (cr, width, height, style, data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
draw_star (cairo_t *cr, double w, double h, const KorakChartStyle *style, gconstpointer data)
{
  korak_star_chart_draw (cr, w, h, style, data);
}

static void
draw_line (cairo_t *cr, double w, double h, const KorakChartStyle *style, gconstpointer data)
{
  korak_line_chart_draw (cr, w, h, style, data);
}

static void
draw_attendance (cairo_t *cr, double w, double h, const KorakChartStyle *style, gconstpointer data)
{
  korak_attendance_chart_draw (cr, w, h, style, data);
}

static void
draw_bars (cairo_t *cr, double w, double h, const KorakChartStyle *style, gconstpointer data)
{
  korak_bar_chart_draw (cr, w, h, style, data);
}

static void
screenshot (cairo_surface_t *surface,
            const char      *name)
{
  const char *dir = g_getenv ("KORAK_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          guint           *r,
          guint           *g,
          guint           *b)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  pixel = *(const guint32 *) (data + y * stride + x * 4);
  /* Opaque after the background paint, so no need to unpremultiply. */
  *r = (pixel >> 16) & 0xff;
  *g = (pixel >> 8) & 0xff;
  *b = pixel & 0xff;
}

static guint
luminance_at (cairo_surface_t *surface,
              int              x,
              int              y)
{
  guint r, g, b;

  pixel_at (surface, x, y, &r, &g, &b);
  return (299 * r + 587 * g + 114 * b) / 1000;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          double           x,
          double           y,
          double           r,
          double           g,
          double           b)
{
  guint pr, pg, pb;

  pixel_at (surface, (int) floor (x), (int) floor (y), &pr, &pg, &pb);
  return abs ((int) pr - (int) round (r * 255)) <= TOLERANCE &&
         abs ((int) pg - (int) round (g * 255)) <= TOLERANCE &&
         abs ((int) pb - (int) round (b * 255)) <= TOLERANCE;
}

static void
assert_series_color (cairo_surface_t       *surface,
                     const KorakChartStyle *style,
                     guint                  index,
                     double                 x,
                     double                 y)
{
  double r, g, b;

  korak_chart_series_color (style, index, &r, &g, &b);
  if (!pixel_is (surface, x, y, r, g, b))
    {
      guint pr, pg, pb;

      pixel_at (surface, (int) floor (x), (int) floor (y), &pr, &pg, &pb);
      g_error ("pixel at %.1f,%.1f is #%02x%02x%02x, not series %u #%02x%02x%02x",
               x, y, pr, pg, pb, index,
               (guint) round (r * 255), (guint) round (g * 255), (guint) round (b * 255));
    }
}

static KorakStarData
make_star (KorakStarSeries *series,
           guint            n_series)
{
  KorakStarData data = { G_N_ELEMENTS (areas), areas, n_series, series };

  return data;
}

/* ------------------------------------------------------------- star */

static void
test_star_outer_ring (void)
{
  double scores[8] = { 10, 6, 5, 7, 8, 4, 6, 9 };
  KorakStarSeries series[] = { { "Intake 2026-03-02", "intake", scores } };
  KorakStarData data = make_star (series, 1);
  KorakStarData frame = make_star (NULL, 0);
  cairo_surface_t *surface, *empty;
  double x, y, cx, cy, radius;

  korak_star_chart_point (W, H, &data, 0, 10, &x, &y);
  korak_star_chart_point (W, H, &data, 0, 0, &cx, &cy);
  radius = hypot (x - cx, y - cy);
  g_assert_cmpfloat (radius, >, 100);
  /* Every axis' 10 is on the same circle: the outer ring. */
  for (guint i = 1; i < data.n_axes; i++)
    {
      double xi, yi;

      korak_star_chart_point (W, H, &data, i, 10, &xi, &yi);
      g_assert_cmpfloat (fabs (hypot (xi - cx, yi - cy) - radius), <, 0.01);
    }

  surface = render (draw_star, &light, &data, W, H);
  screenshot (surface, "star-one.png");
  assert_series_color (surface, &light, 0, x, y);

  /* Without data, the outer ring is drawn there, and the centre message. */
  empty = render (draw_star, &light, &frame, W, H);
  screenshot (empty, "star-empty.png");
  korak_star_chart_point (W, H, &frame, 2, 10, &x, &y);
  g_assert_cmpuint (luminance_at (empty, (int) floor (x), (int) floor (y)), <, 250);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (empty);
}

/* A point of the plot between axes 0 and 1 at @score, away from rings and
 * spokes. */
static void
between_axes (const KorakStarData *data,
              double               score,
              double              *x,
              double              *y)
{
  double x0, y0, x1, y1, cx, cy, angle;

  korak_star_chart_point (W, H, data, 0, 0, &cx, &cy);
  korak_star_chart_point (W, H, data, 0, score, &x0, &y0);
  korak_star_chart_point (W, H, data, 1, score, &x1, &y1);
  angle = atan2 ((x0 + x1) / 2 - cx, cy - (y0 + y1) / 2);
  *x = cx + hypot (x0 - cx, y0 - cy) * sin (angle);
  *y = cy - hypot (x0 - cx, y0 - cy) * cos (angle);
}

static void
test_star_empty_series (void)
{
  KorakStarSeries one[] = { { "Intake 2026-03-02", "intake", intake_scores } };
  KorakStarSeries two[] = {
    { "Intake 2026-03-02", "intake", intake_scores },
    { "Review 2026-04-15", "review", zero_scores },
  };
  KorakStarSeries only_empty[] = { { "Review 2026-04-15", "review", zero_scores } };
  KorakStarData data_one = make_star (one, 1);
  KorakStarData data_two = make_star (two, 2);
  KorakStarData data_empty = make_star (only_empty, 1);
  cairo_surface_t *a = render (draw_star, &light, &data_one, W, H);
  cairo_surface_t *b = render (draw_star, &light, &data_two, W, H);
  cairo_surface_t *c = render (draw_star, &light, &data_empty, W, H);
  double cx, cy, rx, ry, radius, x, y;

  korak_star_chart_point (W, H, &data_two, 0, 0, &cx, &cy);
  korak_star_chart_point (W, H, &data_two, 0, 10, &rx, &ry);
  radius = hypot (rx - cx, ry - cy);

  /* The all-zero series adds nothing inside the plot. */
  for (int py = (int) (cy - radius - 4); py <= (int) (cy + radius + 4); py++)
    for (int px = (int) (cx - radius - 4); px <= (int) (cx + radius + 4); px++)
      {
        guint r1, g1, b1, r2, g2, b2;

        pixel_at (a, px, py, &r1, &g1, &b1);
        pixel_at (b, px, py, &r2, &g2, &b2);
        if (r1 != r2 || g1 != g2 || b1 != b2)
          g_error ("pixel %d,%d changed by an empty series", px, py);
      }

  /* Alone, it leaves the plot at the background. */
  for (double score = 1; score <= 9; score += 2)
    {
      between_axes (&data_empty, score, &x, &y);
      g_assert_true (pixel_is (c, x, y, 1, 1, 1));
    }

  screenshot (c, "star-no-scores.png");
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  cairo_surface_destroy (c);
}

static void
test_star_four_series (void)
{
  double extra[8] = { 6, 7, 5, 8, 6, 7, 8, 8 };
  KorakStarSeries series[] = {
    { "Intake 2026-03-02", "intake", intake_scores },
    { "Review 2026-03-20", "review", zero_scores },   /* not drawn: beyond four */
    { "Review 2026-04-15", "review", review1_scores },
    { "Review 2026-06-01", "review", review2_scores },
    { "Exit 2026-08-28", "exit", extra },
  };
  KorakStarData data = make_star (series, G_N_ELEMENTS (series));
  cairo_surface_t *surface = render (draw_star, &light, &data, W, H);
  cairo_surface_t *surface_dark = render (draw_star, &dark, &data, W, H);
  double x, y;

  screenshot (surface, "star.png");
  screenshot (surface_dark, "star-dark.png");

  /* Slot 3 (the exit, drawn last) has its marker on top at axis 2. */
  korak_star_chart_point (W, H, &data, 2, extra[2], &x, &y);
  assert_series_color (surface, &light, 3, x, y);
  assert_series_color (surface_dark, &dark, 3, x, y);
  korak_star_chart_point (W, H, &data, 3, intake_scores[3], &x, &y);
  assert_series_color (surface, &light, 0, x, y);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (surface_dark);
}

static void
test_star_twenty (void)
{
  char *labels[20];
  double scores[20], scores2[20];
  KorakStarSeries series[2] = {
    { "Intake 2026-03-02", "intake", scores },
    { "Exit 2026-08-28", "exit", scores2 },
  };
  KorakStarData data = { 20, labels, 2, series };
  cairo_surface_t *surface;

  for (guint i = 0; i < 20; i++)
    {
      labels[i] = g_strdup_printf ("Competency area number %u with a long name", i + 1);
      scores[i] = 1 + i % 5;
      scores2[i] = 10;
    }
  surface = render (draw_star, &light, &data, W, H);
  screenshot (surface, "star-20.png");

  for (guint i = 0; i < 20; i++)
    {
      double x, y;

      korak_star_chart_point (W, H, &data, i, 10, &x, &y);
      assert_series_color (surface, &light, 1, x, y);
      g_free (labels[i]);
    }
  cairo_surface_destroy (surface);
}

static void
test_star_arabic (void)
{
  char *labels[] = {
    "التواصل", "الثقة بالنفس والتحفيز", "اللغة السلوفينية", "المهارات الرقمية",
    "الثقافة المالية", "الإجراءات اليومية", "الصحة والرفاهية", "العمل الجماعي",
  };
  KorakStarSeries series[] = {
    { "تقييم القبول 2026-03-02", "intake", intake_scores },
    { "مراجعة 2026-06-01", "review", review2_scores },
  };
  KorakStarData data = { 8, labels, 2, series };
  cairo_surface_t *surface = render (draw_star, &light, &data, W, H);
  double x, y;

  screenshot (surface, "star-arabic.png");
  korak_star_chart_point (W, H, &data, 3, review2_scores[3], &x, &y);
  assert_series_color (surface, &light, 1, x, y);
  cairo_surface_destroy (surface);
}

static void
test_star_degenerate (void)
{
  char *two_labels[] = { "Communication", NULL };
  double scores[20] = { 5, 7, 0 };
  KorakStarSeries series[] = {
    { NULL, NULL, scores },
    { NULL, NULL, NULL },
    { NULL, NULL, zero_scores },
  };
  guint axes[] = { 0, 1, 2, 3, 20 };

  for (guint a = 0; a < G_N_ELEMENTS (axes); a++)
    for (guint n = 0; n <= G_N_ELEMENTS (series); n++)
      {
        /* zero_scores has 8 entries: the 20-axis case takes the first two. */
        KorakStarData data = { axes[a], axes[a] <= 2 ? two_labels : NULL,
                               axes[a] > 8 ? MIN (n, 2) : n, n ? series : NULL };
        g_autofree char *text = NULL;
        cairo_surface_t *surface;

        surface = render (draw_star, &light, &data, 200, 150);
        cairo_surface_destroy (surface);
        surface = render (draw_star, &dark, &data, 3, 2);
        cairo_surface_destroy (surface);
        text = korak_star_chart_describe (&data);
        g_assert_nonnull (text);
      }

  /* NULL data. */
  {
    cairo_surface_t *surface = render (draw_star, &light, NULL, W, H);
    g_autofree char *text = korak_star_chart_describe (NULL);

    g_assert_nonnull (strstr (text, "0 areas"));
    cairo_surface_destroy (surface);
  }
}

/* ------------------------------------------------------------- line */

static void
test_line_single_point (void)
{
  KorakLinePoint points[] = { { "2026-03-02", "intake", 4 } };
  KorakLineSeries series[] = { { "Average", 1, points } };
  KorakLineData data = { 1, series };
  cairo_surface_t *surface = render (draw_line, &light, &data, W, H);
  double x, y;

  screenshot (surface, "line-single.png");
  g_assert_true (korak_line_chart_point (W, H, &light, &data, 0, 0, &x, &y));
  assert_series_color (surface, &light, 0, x, y);
  g_assert_false (korak_line_chart_point (W, H, &light, &data, 0, 1, &x, &y));
  g_assert_false (korak_line_chart_point (W, H, &light, &data, 1, 0, &x, &y));
  cairo_surface_destroy (surface);
}

static void
test_line_series (void)
{
  KorakLinePoint avg[] = {
    { "2026-03-02", "intake", 3.4 }, { "2026-04-15", "review", 4.6 },
    { "2026-06-01", "review", 5.9 }, { "2026-08-28", "exit", 6.5 },
    { "2026-11-30", "follow_up", 6.8 },
  };
  KorakLinePoint digital[] = {
    { "2026-03-02", "intake", 2 }, { "2026-04-15", "review", 5 },
    { "2026-06-01", "review", 7 }, { "2026-08-28", "exit", 8 },
  };
  KorakLinePoint language[] = {
    { "2026-03-02", "intake", 2 }, { "2026-04-15", "review", 0 },
    { "2026-06-01", "review", 4 }, { "2026-08-28", "exit", 5 },
  };
  KorakLineSeries series[] = {
    { "Average", G_N_ELEMENTS (avg), avg },
    { "Digital skills", G_N_ELEMENTS (digital), digital },
    { "Slovenian language", G_N_ELEMENTS (language), language },
  };
  KorakLineData data = { 3, series };
  cairo_surface_t *surface = render (draw_line, &light, &data, W, H);
  cairo_surface_t *surface_dark = render (draw_line, &dark, &data, W, H);
  double x0, y0, x1, y1, x2, y2;
  g_autofree char *text = korak_line_chart_describe (&data);

  screenshot (surface, "line.png");
  screenshot (surface_dark, "line-dark.png");

  /* Proportional in time: 44 days, then 47 days. */
  g_assert_true (korak_line_chart_point (W, H, &light, &data, 1, 0, &x0, &y0));
  g_assert_true (korak_line_chart_point (W, H, &light, &data, 1, 1, &x1, &y1));
  g_assert_true (korak_line_chart_point (W, H, &light, &data, 1, 2, &x2, &y2));
  g_assert_cmpfloat (fabs ((x1 - x0) / 44 - (x2 - x1) / 47), <, 0.01);
  /* 2 is lower than 5. */
  g_assert_cmpfloat (y0, >, y1);
  /* Not scored is not drawn. */
  g_assert_false (korak_line_chart_point (W, H, &light, &data, 2, 1, &x0, &y0));

  g_assert_true (korak_line_chart_point (W, H, &light, &data, 1, 2, &x0, &y0));
  assert_series_color (surface, &light, 1, x0, y0);

  g_assert_nonnull (strstr (text, "3 series from 2026-03-02 to 2026-11-30"));
  g_assert_nonnull (strstr (text, "Digital skills: from 2 to 8 over 4 assessments"));
  g_assert_nonnull (strstr (text, "Average: from 3.4 to 6.8"));

  cairo_surface_destroy (surface);
  cairo_surface_destroy (surface_dark);
}

static void
test_line_empty (void)
{
  KorakLinePoint bad[] = { { NULL, NULL, 5 }, { "not a date", "review", 3 } };
  KorakLineSeries series[] = { { NULL, 0, NULL }, { NULL, 2, bad } };
  KorakLineData cases[] = { { 0, NULL }, { 1, series }, { 2, series } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *surface = render (draw_line, &light, &cases[i], W, H);
      g_autofree char *text = korak_line_chart_describe (&cases[i]);

      g_assert_nonnull (strstr (text, "No assessments yet"));
      if (i == 0)
        screenshot (surface, "line-empty.png");
      cairo_surface_destroy (surface);
    }

  /* A zero size draws nothing, and NULL style and data are allowed. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (surface);

    korak_line_chart_draw (cr, 0, 0, NULL, NULL);
    korak_line_chart_draw (cr, 1, 1, NULL, NULL);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* ------------------------------------------------------------- attendance */

static KorakAttendanceWeek weeks[] = {
  { "2026-03-02", 12, 1 }, { "2026-03-09", 6, 1 }, { "2026-03-16", 0, 1 },
  { "2026-03-23", 10, 1 }, { "2026-03-30", 13, 1 }, { "2026-04-06", 11, 1 },
  { "2026-04-13", 12, 1 }, { "2026-04-20", 8, 1 }, { "2026-04-27", 12, 1 },
  { "2026-05-04", 12, 1 }, { "2026-05-11", 9, 1 }, { "2026-05-18", 12, 1 },
  { "2026-05-25", 16, 2 }, { "2026-06-01", 20, 2 }, { "2026-06-08", 20, 2 },
  { "2026-06-15", 18, 2 }, { "2026-06-22", 20, 2 }, { "2026-06-29", 20, 2 },
  { "2026-07-06", 15, 2 }, { "2026-07-13", 20, 2 }, { "2026-07-20", 8, 3 },
  { "2026-07-27", 6, 3 }, { "2026-08-03", 10, 3 }, { "2026-08-10", 4, 3 },
};

static void
test_attendance_bars (void)
{
  KorakAttendanceData data = { 13, G_N_ELEMENTS (weeks), weeks };
  cairo_surface_t *surface = render (draw_attendance, &light, &data, W, H);
  cairo_surface_t *surface_dark = render (draw_attendance, &dark, &data, W, H);
  double x0, y0, w0, h0, x1, y1, w1, h1, r, g, b, req;
  guint dashes = 0;
  g_autofree char *text = korak_attendance_chart_describe (&data);

  screenshot (surface, "attendance.png");
  screenshot (surface_dark, "attendance-dark.png");
  korak_chart_series_color (&light, 0, &r, &g, &b);

  g_assert_true (korak_attendance_chart_bar_rect (W, H, &light, &data, 0, &x0, &y0, &w0, &h0));
  g_assert_true (korak_attendance_chart_bar_rect (W, H, &light, &data, 1, &x1, &y1, &w1, &h1));
  g_assert_false (korak_attendance_chart_bar_rect (W, H, &light, &data, 99, NULL, NULL, NULL, NULL));
  /* 12 hours is twice 6 hours, to a pixel. */
  g_assert_cmpfloat (fabs (h0 - 2 * h1), <=, 1.0);

  /* Just inside the top of the bar: bar colour; just above: not. */
  g_assert_true (pixel_is (surface, x1 + w1 / 2, y1 + 1.5, r, g, b));
  g_assert_false (pixel_is (surface, x1 + w1 / 2, y1 - 1.5, r, g, b));
  g_assert_true (pixel_is (surface, x1 + w1 / 2, y1 + h1 - 1, r, g, b));

  /* The required line (13 h, above the 12 h bar) at its computed y. */
  req = korak_attendance_chart_required_y (W, H, &light, &data);
  g_assert_cmpfloat (req, <, y0);
  for (int x = (int) x0; x < (int) (x0 + 200); x++)
    if (luminance_at (surface, x, (int) floor (req)) < 100)
      dashes++;
  g_assert_cmpuint (dashes, >, 60);
  /* ...and nowhere a row away. */
  g_assert_cmpuint (luminance_at (surface, (int) x0 - 2, (int) floor (req) - 2), >, 240);

  g_assert_nonnull (strstr (text, "24 weeks: 294 hours in total, 12.2 per week"));
  g_assert_nonnull (strstr (text, "met in 9 of 24 weeks"));

  cairo_surface_destroy (surface);
  cairo_surface_destroy (surface_dark);
}

static void
test_attendance_empty (void)
{
  KorakAttendanceWeek zero[] = { { NULL, 0, 0 } };
  KorakAttendanceData cases[] = { { 0, 0, NULL }, { 12, 0, NULL }, { 0, 1, zero }, { 12, 1, zero } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *surface = render (draw_attendance, &light, &cases[i], W, H);
      g_autofree char *text = korak_attendance_chart_describe (&cases[i]);

      g_assert_nonnull (text);
      if (i == 1)
        screenshot (surface, "attendance-empty.png");
      cairo_surface_destroy (surface);
    }
  g_assert_cmpfloat (korak_attendance_chart_required_y (W, H, NULL, &cases[0]), <, 0);
}

/* ------------------------------------------------------------- bars */

static KorakBar exits[] = {
  { "Employment", 3, TRUE },
  { "Education", 1, TRUE },
  { "Active job seeker", 2, FALSE },
  { "Early exit: health or family reason, personal circumstances", 1, FALSE },
};

static void
test_bars (void)
{
  KorakBarData data = { "Exits by reason", G_N_ELEMENTS (exits), exits };
  KorakBarData empty = { "Exits by reason", 0, NULL };
  cairo_surface_t *surface = render (draw_bars, &light, &data, W, H);
  cairo_surface_t *surface_dark = render (draw_bars, &dark, &data, W, H);
  cairo_surface_t *surface_empty = render (draw_bars, &light, &empty, W, H);
  g_autofree char *text = korak_bar_chart_describe (&data);
  g_autofree char *text_empty = korak_bar_chart_describe (&empty);

  screenshot (surface, "bars.png");
  screenshot (surface_dark, "bars-dark.png");
  screenshot (surface_empty, "bars-empty.png");

  g_assert_cmpstr (text, ==, "Exits by reason: Employment 3, Education 1, Active job seeker 2, "
                             "Early exit: health or family reason, personal circumstances 1. "
                             "Total 7, of which 4 positive.");
  g_assert_nonnull (strstr (text_empty, "No data yet"));

  cairo_surface_destroy (surface);
  cairo_surface_destroy (surface_dark);
  cairo_surface_destroy (surface_empty);
}

/* ------------------------------------------------------------- shared */

static void
test_dark_contrast (void)
{
  KorakStarSeries series[] = { { "Intake 2026-03-02", "intake", intake_scores } };
  KorakStarData data = make_star (series, 1);
  const KorakChartStyle *styles[] = { &light, &dark };

  for (guint s = 0; s < 2; s++)
    {
      cairo_surface_t *surface = render (draw_star, styles[s], &data, W, H);
      guint bg = luminance_at (surface, 2, 2);
      guint strong = 0;

      /* Text: the whole image has many pixels far from the background. */
      for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
          if (abs ((int) luminance_at (surface, x, y) - (int) bg) > 150)
            strong++;
      g_assert_cmpuint (strong, >, 300);

      if (styles[s]->dark)
        g_assert_cmpuint (bg, <, 50);
      cairo_surface_destroy (surface);
    }

  /* Each series colour is at least 3:1 against its background. */
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < 6; i++)
      {
        double c[3], lum, bg_lum, ratio;

        korak_chart_series_color (styles[s], i, &c[0], &c[1], &c[2]);
        for (int k = 0; k < 3; k++)
          c[k] = c[k] <= 0.03928 ? c[k] / 12.92 : pow ((c[k] + 0.055) / 1.055, 2.4);
        lum = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        bg_lum = styles[s]->dark ? 0.0176 : 1.0;   /* #242424, #ffffff */
        ratio = (MAX (lum, bg_lum) + 0.05) / (MIN (lum, bg_lum) + 0.05);
        g_assert_cmpfloat (ratio, >=, 3.0);
      }
}

static void
test_star_describe (void)
{
  KorakStarSeries series[] = {
    { "Intake 2026-03-02", "intake", intake_scores },
    { "Review 2026-04-15", "review", review1_scores },
    { "latest review 2026-06-01", "review", review2_scores },
  };
  KorakStarData data = make_star (series, 3);
  KorakStarData none = make_star (NULL, 0);
  g_autofree char *text = korak_star_chart_describe (&data);
  g_autofree char *text_none = korak_star_chart_describe (&none);

  g_assert_cmpstr (text, ==,
                   "Star chart of 8 areas. Intake 2026-03-02: average 3.4; "
                   "Review 2026-04-15: average 4.7; latest review 2026-06-01: average 5.9. "
                   "Largest change: Digital skills, from 2 to 7.");
  g_assert_cmpstr (text_none, ==, "Star chart of 8 areas. No assessments yet.");
}

/* The same data draws the same pixels, every time: nothing global is
 * cached between draws. No timing here; korak-cli bench measures. */
static void
test_deterministic (void)
{
  KorakStarSeries series[] = {
    { "Intake 2026-03-02", "intake", intake_scores },
    { "Review 2026-06-01", "review", review2_scores },
  };
  KorakStarData star = make_star (series, 2);
  KorakAttendanceData attendance = { 13, G_N_ELEMENTS (weeks), weeks };
  KorakBarData bars = { "Exits by reason", G_N_ELEMENTS (exits), exits };
  DrawFunc funcs[] = { draw_star, draw_attendance, draw_bars };
  gconstpointer datas[] = { &star, &attendance, &bars };

  for (guint i = 0; i < G_N_ELEMENTS (funcs); i++)
    {
      cairo_surface_t *a = render (funcs[i], &light, datas[i], W, H);
      cairo_surface_t *b = render (funcs[i], &light, datas[i], W, H);
      int stride = cairo_image_surface_get_stride (a);

      g_assert_cmpmem (cairo_image_surface_get_data (a), stride * H,
                       cairo_image_surface_get_data (b), stride * H);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/star/outer-ring", test_star_outer_ring);
  g_test_add_func ("/charts/star/empty-series", test_star_empty_series);
  g_test_add_func ("/charts/star/four-series", test_star_four_series);
  g_test_add_func ("/charts/star/twenty-areas", test_star_twenty);
  g_test_add_func ("/charts/star/arabic", test_star_arabic);
  g_test_add_func ("/charts/star/degenerate", test_star_degenerate);
  g_test_add_func ("/charts/star/describe", test_star_describe);
  g_test_add_func ("/charts/line/single-point", test_line_single_point);
  g_test_add_func ("/charts/line/series", test_line_series);
  g_test_add_func ("/charts/line/empty", test_line_empty);
  g_test_add_func ("/charts/attendance/bars", test_attendance_bars);
  g_test_add_func ("/charts/attendance/empty", test_attendance_empty);
  g_test_add_func ("/charts/bars", test_bars);
  g_test_add_func ("/charts/dark-contrast", test_dark_contrast);
  g_test_add_func ("/charts/deterministic", test_deterministic);

  return g_test_run ();
}
