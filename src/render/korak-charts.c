/* korak-charts.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "korak-catalog.h"
#include "korak-charts.h"
#include "korak-date.h"

/* Nothing is cached between calls: every draw makes its own PangoContext
 * from the default font map, updated from the cairo_t so that hinting suits
 * the target (screen, print or PDF). Text sizes are absolute, in user units,
 * times the style's scale. The caller paints the background; the charts
 * draw on it. */

#define TEXT_SIZE        12.0
#define SMALL_SIZE       10.5
#define TITLE_SIZE       14.0
#define MARKER_RADIUS    4.5
#define LEGEND_ROW       22.0
#define LEGEND_COLUMN    200.0
#define SWATCH_WIDTH     26.0
#define SWATCH_HEIGHT    14.0
#define MAX_STAR_SERIES  4

typedef struct
{
  double r, g, b;
} Rgb;

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  gboolean      dark;
  double        scale;
  Rgb           fg;
  Rgb           dim;
  Rgb           grid;
  Rgb           bg;
} Chart;

static const KorakChartStyle default_style = { FALSE, 1.0 };

/* GNOME palette: darker shades on light, lighter shades on dark, so that
 * each reaches at least 3:1 against the background. */
static const Rgb palette_light[] = {
  { 0x35 / 255., 0x84 / 255., 0xe4 / 255. },   /* blue 3 */
  { 0xe6 / 255., 0x61 / 255., 0x00 / 255. },   /* orange 4 */
  { 0x26 / 255., 0xa2 / 255., 0x69 / 255. },   /* green 5 */
  { 0x91 / 255., 0x41 / 255., 0xac / 255. },   /* purple 3 */
  { 0xe0 / 255., 0x1b / 255., 0x24 / 255. },   /* red 3 */
  { 0x98 / 255., 0x6a / 255., 0x44 / 255. },   /* brown 3 */
};

static const Rgb palette_dark[] = {
  { 0x62 / 255., 0xa0 / 255., 0xea / 255. },   /* blue 2 */
  { 0xff / 255., 0xa3 / 255., 0x48 / 255. },   /* orange 2 */
  { 0x57 / 255., 0xe3 / 255., 0x89 / 255. },   /* green 3 */
  { 0xdc / 255., 0x8a / 255., 0xdd / 255. },   /* purple 2 */
  { 0xf6 / 255., 0x61 / 255., 0x51 / 255. },   /* red 1 */
  { 0xcd / 255., 0xab / 255., 0x8f / 255. },   /* brown 1 */
};

static const double dash_dashed[] = { 7.0, 4.0 };
static const double dash_dotted[] = { 1.5, 3.5 };
static const double dash_dash_dot[] = { 8.0, 3.5, 1.5, 3.5 };

/* ------------------------------------------------------------- helpers */

static const KorakChartStyle *
style_or_default (const KorakChartStyle *style)
{
  return style ? style : &default_style;
}

static double
style_scale (const KorakChartStyle *style)
{
  style = style_or_default (style);
  return style->scale > 0.1 && style->scale < 10.0 ? style->scale : 1.0;
}

void
korak_chart_series_color (const KorakChartStyle *style,
                          guint                  index,
                          double                *r,
                          double                *g,
                          double                *b)
{
  const Rgb *palette = style_or_default (style)->dark ? palette_dark : palette_light;
  const Rgb *c = &palette[index % G_N_ELEMENTS (palette_light)];

  if (r)
    *r = c->r;
  if (g)
    *g = c->g;
  if (b)
    *b = c->b;
}

KorakChartMarker
korak_chart_series_marker (guint index)
{
  return (KorakChartMarker) (index % 4);
}

static void
chart_init (Chart                 *chart,
            cairo_t               *cr,
            const KorakChartStyle *style)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();

  style = style_or_default (style);
  chart->cr = cr;
  chart->dark = style->dark;
  chart->scale = style_scale (style);
  chart->context = pango_font_map_create_context (font_map);
  pango_cairo_update_context (cr, chart->context);
  pango_context_set_language (chart->context, pango_language_get_default ());

  if (chart->dark)
    {
      chart->fg = (Rgb) { 0.96, 0.96, 0.96 };
      chart->dim = (Rgb) { 0.72, 0.72, 0.73 };
      chart->grid = (Rgb) { 0.30, 0.30, 0.30 };
      chart->bg = (Rgb) { 0.141, 0.141, 0.141 };
    }
  else
    {
      chart->fg = (Rgb) { 0.12, 0.12, 0.12 };
      chart->dim = (Rgb) { 0.37, 0.36, 0.39 };
      chart->grid = (Rgb) { 0.86, 0.86, 0.86 };
      chart->bg = (Rgb) { 1.0, 1.0, 1.0 };
    }
}

static void
chart_clear (Chart *chart)
{
  g_clear_object (&chart->context);
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
set_rgba (cairo_t   *cr,
          const Rgb *c,
          double     alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

static Rgb
series_rgb (const Chart *chart,
            guint        index)
{
  KorakChartStyle style = { chart->dark, chart->scale };
  Rgb c;

  korak_chart_series_color (&style, index, &c.r, &c.g, &c.b);
  return c;
}

static void
set_dash (cairo_t *cr,
          guint    index)
{
  switch (index % 4)
    {
    case 1:
      cairo_set_dash (cr, dash_dashed, G_N_ELEMENTS (dash_dashed), 0);
      break;
    case 2:
      cairo_set_dash (cr, dash_dotted, G_N_ELEMENTS (dash_dotted), 0);
      break;
    case 3:
      cairo_set_dash (cr, dash_dash_dot, G_N_ELEMENTS (dash_dash_dot), 0);
      break;
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

/* Stroke a polyline one segment at a time, carrying the dash offset over:
 * Cairo masks a stroke by its extents, so a few small masks are much
 * cheaper than one across the whole plot. Round caps join the segments. */
static void
stroke_segments (cairo_t       *cr,
                 const double  *xy,
                 guint          n,
                 guint          dash,
                 double         line_width)
{
  double offset = 0;

  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i + 1 < n; i++)
    {
      double x0 = xy[2 * i], y0 = xy[2 * i + 1];
      double x1 = xy[2 * i + 2], y1 = xy[2 * i + 3];

      set_dash (cr, dash);
      if (cairo_get_dash_count (cr) > 0)
        {
          double pattern[4];
          int n_pattern = MIN (cairo_get_dash_count (cr), 4);

          cairo_get_dash (cr, pattern, NULL);
          cairo_set_dash (cr, pattern, n_pattern, offset);
        }
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_stroke (cr);
      offset += hypot (x1 - x0, y1 - y0);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

/* A 1 px line on the pixel grid: x.5 */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

static PangoLayout *
make_layout (Chart          *chart,
             const char     *text,
             double          size,
             gboolean        bold,
             double          width,
             int             max_lines,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (chart->context);
  PangoFontDescription *desc = pango_font_description_new ();
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  pango_font_description_set_family_static (desc, "Sans");
  pango_font_description_set_absolute_size (desc, size * chart->scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (MAX (width, 4.0) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -MAX (max_lines, 1));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, valid, -1);

  /* Auto-dir mirrors the alignment of a right-to-left paragraph; mirror
   * it back so that a label sits on the side of the chart it belongs to. */
  if (align != PANGO_ALIGN_CENTER && *valid != '\0' &&
      pango_layout_get_line_readonly (layout, 0)->resolved_dir == PANGO_DIRECTION_RTL)
    align = align == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (layout, align);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

static void
show_layout (Chart       *chart,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (chart->cr, x, y);
  pango_cairo_show_layout (chart->cr, layout);
}

/* Text of at most @width, @max_lines lines, anchored at (x, y): @xalign and
 * @yalign 0 = left/top, 0.5 = centre, 1 = right/bottom of the text box. */
static void
draw_text (Chart      *chart,
           const char *text,
           double      size,
           gboolean    bold,
           const Rgb  *color,
           double      x,
           double      y,
           double      width,
           int         max_lines,
           double      xalign,
           double      yalign)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoAlignment align;
  PangoRectangle logical;
  double lw, lh, left;

  if (text == NULL || *text == '\0')
    return;

  align = xalign < 0.25 ? PANGO_ALIGN_LEFT : xalign > 0.75 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
  layout = make_layout (chart, text, size, bold, width, max_lines, align);
  pango_layout_get_extents (layout, NULL, &logical);
  lw = (double) logical.width / PANGO_SCALE;
  lh = (double) logical.height / PANGO_SCALE;
  /* Place the logical box, whatever its offset inside the layout width. */
  left = x - xalign * lw - (double) logical.x / PANGO_SCALE;
  set_rgb (chart->cr, color);
  show_layout (chart, layout, round (left), round (y - yalign * lh));
}

static void rounded_rect (cairo_t *cr,
                          double   x,
                          double   y,
                          double   w,
                          double   h,
                          double   r);

static void
draw_empty_message (Chart      *chart,
                    const char *message,
                    double      cx,
                    double      cy,
                    double      width)
{
  g_autoptr(PangoLayout) layout = make_layout (chart, message, TEXT_SIZE + 1, FALSE,
                                               MAX (width - 16, 40), 2, PANGO_ALIGN_CENTER);
  PangoRectangle logical;
  double lw, lh, x, y;

  /* On a pill of the background, so that grid lines do not cross it. */
  pango_layout_get_extents (layout, NULL, &logical);
  lw = (double) logical.width / PANGO_SCALE;
  lh = (double) logical.height / PANGO_SCALE;
  x = round (cx - lw / 2);
  y = round (cy - lh / 2);
  rounded_rect (chart->cr, x - 10, y - 4, lw + 20, lh + 8, (lh + 8) / 2);
  set_rgb (chart->cr, &chart->bg);
  cairo_fill (chart->cr);
  set_rgb (chart->cr, &chart->dim);
  show_layout (chart, layout, x - (double) logical.x / PANGO_SCALE, y);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
marker_path (cairo_t          *cr,
             KorakChartMarker  marker,
             double            x,
             double            y,
             double            r)
{
  switch (marker)
    {
    case KORAK_CHART_MARKER_SQUARE:
      r *= 0.88;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case KORAK_CHART_MARKER_TRIANGLE:
      r *= 1.25;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.866, y + r * 0.5);
      cairo_line_to (cr, x - r * 0.866, y + r * 0.5);
      cairo_close_path (cr);
      break;
    case KORAK_CHART_MARKER_DIAMOND:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case KORAK_CHART_MARKER_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* A filled marker with a halo of the background, so overlapping series
 * stay apart. */
static void
draw_marker (Chart     *chart,
             guint      index,
             const Rgb *color,
             double     x,
             double     y,
             double     r)
{
  cairo_t *cr = chart->cr;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  marker_path (cr, korak_chart_series_marker (index), x, y, r);
  set_rgb (cr, &chart->bg);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke_preserve (cr);
  set_rgb (cr, color);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* A rounded legend swatch: translucent fill, the series' stroke and dash,
 * and its marker in the middle. */
static void
draw_swatch (Chart     *chart,
             guint      index,
             const Rgb *color,
             double     x,
             double     cy,
             gboolean   filled,
             double     line_width)
{
  cairo_t *cr = chart->cr;
  double y = cy - SWATCH_HEIGHT / 2;

  cairo_save (cr);
  if (filled)
    {
      rounded_rect (cr, x + 0.5, y + 0.5, SWATCH_WIDTH - 1, SWATCH_HEIGHT - 1, 4);
      set_rgba (cr, color, chart->dark ? 0.28 : 0.22);
      cairo_fill_preserve (cr);
      set_rgb (cr, color);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }
  else
    {
      set_rgb (cr, color);
      set_dash (cr, index);
      cairo_set_line_width (cr, line_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + SWATCH_WIDTH, cy);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  draw_marker (chart, index, color, x + SWATCH_WIDTH / 2, cy, MARKER_RADIUS - 0.5);
}

static gboolean
parse_julian (const char *iso,
              double     *julian)
{
  int y, m, d;

  if (!korak_date_is_iso (iso) || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, d, m, y);
    *julian = g_date_get_julian (&date);
  }
  return TRUE;
}

/* "2 Mar": short dates for axes. */
static char *
format_short_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (!korak_date_is_iso (iso) || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso ? iso : "");
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);

  /* Translators: a short date on a chart axis, in g_date_time_format()
   * syntax. Slovenian uses "%-d. %-m.". */
  return g_date_time_format (dt, _("%-d %b"));
}

/* A step of 1, 2 or 5 × 10^n that splits @range into about @n parts. */
static double
nice_step (double range,
           int    n)
{
  double raw = range / MAX (n, 1);
  double magnitude = pow (10, floor (log10 (raw)));
  double f = raw / magnitude;

  if (f <= 1)
    return magnitude;
  if (f <= 2)
    return 2 * magnitude;
  if (f <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

static char *
format_number (double value)
{
  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/* ----------------------------------------------------------------- star */

typedef struct
{
  double cx, cy;
  double radius;
  double plot_width;
  double legend_y;
  guint  legend_columns;
  guint  legend_rows;
  guint  n_drawn;
  guint  drawn[MAX_STAR_SERIES];
} StarGeometry;

/* The first series and the last three. */
static guint
star_pick_series (const KorakStarData *data,
                  guint               *drawn)
{
  guint n;

  if (data == NULL || data->series == NULL)
    return 0;
  n = MIN (data->n_series, MAX_STAR_SERIES);
  for (guint i = 0; i < n; i++)
    drawn[i] = i == 0 ? 0 : data->n_series - n + i;
  return n;
}

/* Depends on the size and the data only, not on the style or fonts, so that
 * korak_star_chart_point() needs no cairo_t. */
static void
star_geometry (double               width,
               double               height,
               const KorakStarData *data,
               StarGeometry        *g)
{
  double plot_height, side, margin;

  memset (g, 0, sizeof *g);
  g->n_drawn = star_pick_series (data, g->drawn);

  if (g->n_drawn > 0)
    {
      g->legend_columns = CLAMP ((guint) (width / LEGEND_COLUMN), 1, g->n_drawn);
      g->legend_rows = (g->n_drawn + g->legend_columns - 1) / g->legend_columns;
    }
  plot_height = MAX (height - g->legend_rows * LEGEND_ROW - (g->legend_rows ? 10 : 0), 0);
  g->legend_y = plot_height + 4;
  g->plot_width = MAX (width, 0);

  side = MIN (g->plot_width, plot_height);
  margin = CLAMP (side * 0.15, 22.0, 90.0);
  g->radius = MAX (side / 2 - margin, 4.0);
  g->cx = crisp (g->plot_width / 2);
  g->cy = crisp (plot_height / 2);
}

static void
star_point (const StarGeometry *g,
            guint               n_axes,
            guint               axis,
            double              score,
            double             *x,
            double             *y)
{
  double angle = n_axes > 0 ? 2 * G_PI * axis / n_axes : 0;
  double r = g->radius * CLAMP (score, 0.0, 10.0) / 10.0;

  *x = g->cx + r * sin (angle);
  *y = g->cy - r * cos (angle);
}

void
korak_star_chart_point (double               width,
                        double               height,
                        const KorakStarData *data,
                        guint                axis,
                        double               score,
                        double              *x,
                        double              *y)
{
  StarGeometry g;
  double px, py;

  star_geometry (width, height, data, &g);
  star_point (&g, data ? data->n_axes : 0, axis, score, &px, &py);
  if (x)
    *x = px;
  if (y)
    *y = py;
}

static gboolean
star_series_scored (const KorakStarData   *data,
                    const KorakStarSeries *series)
{
  if (series->scores == NULL)
    return FALSE;
  for (guint i = 0; i < data->n_axes; i++)
    if (series->scores[i] > 0)
      return TRUE;
  return FALSE;
}

static gboolean
star_scored (const KorakStarSeries *series,
             guint                  axis)
{
  return series->scores != NULL && series->scores[axis] > 0;
}

static void
star_draw_labels (Chart               *chart,
                  const StarGeometry  *g,
                  const KorakStarData *data)
{
  guint n = data->n_axes;
  double gap = 8;
  double arc = 2 * G_PI * (g->radius + gap) / MAX (n, 1);
  int max_lines = n > 12 ? 1 : 2;

  for (guint i = 0; i < n; i++)
    {
      double angle = 2 * G_PI * i / n;
      double s = sin (angle), c = cos (angle);
      double x = g->cx + (g->radius + gap) * s;
      double y = g->cy - (g->radius + gap) * c;
      double xalign, yalign, avail;
      const char *label = data->axes ? data->axes[i] : NULL;

      if (fabs (s) < 0.3)
        {
          xalign = 0.5;
          avail = CLAMP (arc * 1.6, 60.0, 180.0);
        }
      else if (s > 0)
        {
          xalign = 0;
          avail = MIN (g->plot_width - x - 4, 170.0);
        }
      else
        {
          xalign = 1;
          avail = MIN (x - 4, 170.0);
        }

      if (c > 0.3)
        yalign = 1;
      else if (c < -0.3)
        yalign = 0;
      else
        yalign = 0.5;

      draw_text (chart, label ? label : "", TEXT_SIZE, FALSE, &chart->fg,
                 x, y, MAX (avail, 20.0), max_lines, xalign, yalign);
    }
}

static void
star_draw_grid (Chart               *chart,
                const StarGeometry  *g,
                const KorakStarData *data)
{
  cairo_t *cr = chart->cr;
  guint n = data ? data->n_axes : 0;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);

  /* The inner rings in one stroke (one mask), the outer ring a little
   * stronger: the frame. */
  for (int ring = 2; ring < 10; ring += 2)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, g->cx, g->cy, g->radius * ring / 10.0, 0, 2 * G_PI);
    }
  set_rgb (cr, &chart->grid);
  cairo_stroke (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, g->cx, g->cy, g->radius, 0, 2 * G_PI);
  set_rgba (cr, &chart->dim, 0.55);
  cairo_stroke (cr);

  set_rgb (cr, &chart->grid);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      star_point (g, n, i, 10, &x, &y);
      /* Vertical and horizontal spokes on the pixel grid. */
      if (fabs (x - g->cx) < 0.01)
        x = g->cx;
      if (fabs (y - g->cy) < 0.01)
        y = g->cy;
      cairo_move_to (cr, g->cx, g->cy);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Ring values, halfway between the last and the first axis, where no
   * marker is. */
  for (int ring = 2; ring <= 10; ring += 2)
    {
      g_autofree char *text = g_strdup_printf ("%d", ring);
      double angle = n > 1 ? -G_PI / n : -G_PI / 8;
      double r = g->radius * ring / 10.0;

      draw_text (chart, text, SMALL_SIZE - 1.5, FALSE, &chart->dim,
                 g->cx + r * sin (angle), g->cy - r * cos (angle), 0, 1, 0.5, 0.5);
    }
}

static void
star_series_path (cairo_t               *cr,
                  const StarGeometry    *g,
                  const KorakStarData   *data,
                  const KorakStarSeries *series,
                  gboolean               fill)
{
  guint n = data->n_axes;
  guint n_scored = 0;
  guint start = 0;
  gboolean drawing = FALSE;

  for (guint i = 0; i < n; i++)
    if (star_scored (series, i))
      n_scored++;
    else
      start = i;

  cairo_new_path (cr);

  if (fill)
    {
      /* Only a series scored on every axis is filled: a chord across an
       * unscored axis would show a score nobody gave. */
      if (n_scored < n || n < 3)
        return;
      for (guint i = 0; i < n; i++)
        {
          double x, y;

          star_point (g, n, i, series->scores[i], &x, &y);
          cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      return;
    }

  if (n_scored == n && n >= 3)
    {
      for (guint i = 0; i < n; i++)
        {
          double x, y;

          star_point (g, n, i, series->scores[i], &x, &y);
          cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      return;
    }

  /* Open segments between neighbouring scored axes, starting after an
   * unscored one so that each run is one sub-path. */
  for (guint k = 1; k <= n; k++)
    {
      guint i = (start + k) % n;
      double x, y;

      if (!star_scored (series, i) || (n < 3 && k == n && i < start))
        {
          drawing = FALSE;
          continue;
        }
      star_point (g, n, i, series->scores[i], &x, &y);
      if (drawing)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      drawing = TRUE;
    }
}

static void
star_draw_legend (Chart               *chart,
                  const StarGeometry  *g,
                  const KorakStarData *data,
                  double               width)
{
  double column_width = MIN (width / MAX (g->legend_columns, 1), 230.0);
  double used;

  /* Centre the legend when its columns do not fill the width. */
  used = column_width * MIN (g->legend_columns, g->n_drawn);
  for (guint j = 0; j < g->n_drawn; j++)
    {
      const KorakStarSeries *series = &data->series[g->drawn[j]];
      guint col = j % g->legend_columns;
      guint row = j / g->legend_columns;
      double x = (width - used) / 2 + col * column_width + 12;
      double cy = round (g->legend_y + row * LEGEND_ROW + LEGEND_ROW / 2);
      Rgb color = series_rgb (chart, j);

      draw_swatch (chart, j, &color, x, cy, TRUE, 2);
      draw_text (chart, series->label ? series->label : "", SMALL_SIZE + 0.5, FALSE, &chart->fg,
                 x + SWATCH_WIDTH + 8, cy, column_width - SWATCH_WIDTH - 28, 1, 0, 0.5);
    }
}

void
korak_star_chart_draw (cairo_t               *cr,
                       double                 width,
                       double                 height,
                       const KorakChartStyle *style,
                       const KorakStarData   *data)
{
  Chart chart;
  StarGeometry g;
  gboolean any = FALSE;
  static const KorakStarData no_data = { 0 };

  g_return_if_fail (cr != NULL);

  if (data == NULL)
    data = &no_data;
  if (width <= 1 || height <= 1)
    return;

  cairo_save (cr);
  chart_init (&chart, cr, style);
  star_geometry (width, height, data, &g);

  star_draw_grid (&chart, &g, data);
  star_draw_labels (&chart, &g, data);

  for (guint j = 0; j < g.n_drawn; j++)
    if (data->n_axes > 0 && star_series_scored (data, &data->series[g.drawn[j]]))
      any = TRUE;

  if (any)
    {
      /* Fills first, then strokes, then markers, so no fill tints a line. */
      for (guint j = 0; j < g.n_drawn; j++)
        {
          Rgb color = series_rgb (&chart, j);

          star_series_path (cr, &g, data, &data->series[g.drawn[j]], TRUE);
          set_rgba (cr, &color, chart.dark ? 0.20 : 0.16);
          cairo_fill (cr);
        }
      for (guint j = 0; j < g.n_drawn; j++)
        {
          Rgb color = series_rgb (&chart, j);

          star_series_path (cr, &g, data, &data->series[g.drawn[j]], FALSE);
          set_rgb (cr, &color);
          set_dash (cr, j);
          cairo_set_line_width (cr, 2.0);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint j = 0; j < g.n_drawn; j++)
        {
          const KorakStarSeries *series = &data->series[g.drawn[j]];
          Rgb color = series_rgb (&chart, j);

          for (guint i = 0; i < data->n_axes; i++)
            if (star_scored (series, i))
              {
                double x, y;

                star_point (&g, data->n_axes, i, series->scores[i], &x, &y);
                draw_marker (&chart, j, &color, x, y, MARKER_RADIUS);
              }
        }
      star_draw_legend (&chart, &g, data, width);
    }
  else
    draw_empty_message (&chart, _("No assessments yet"), g.cx, g.cy, g.radius * 2);

  chart_clear (&chart);
  cairo_restore (cr);
}

static gboolean
star_average (const KorakStarData   *data,
              const KorakStarSeries *series,
              double                *average)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < data->n_axes; i++)
    if (star_scored (series, i))
      {
        sum += series->scores[i];
        n++;
      }
  if (n == 0)
    return FALSE;
  *average = sum / n;
  return TRUE;
}

char *
korak_star_chart_describe (const KorakStarData *data)
{
  GString *text = g_string_new (NULL);
  guint drawn[MAX_STAR_SERIES];
  guint n_drawn;
  gboolean any = FALSE;
  guint n_axes = data ? data->n_axes : 0;

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "Star chart of %u area.",
                                       "Star chart of %u areas.", n_axes),
                          n_axes);

  n_drawn = star_pick_series (data, drawn);
  for (guint j = 0; j < n_drawn && n_axes > 0; j++)
    {
      const KorakStarSeries *series = &data->series[drawn[j]];
      g_autofree char *number = NULL;
      double average;

      if (!star_average (data, series, &average))
        continue;
      number = g_strdup_printf ("%.1f", average);
      g_string_append (text, any ? "; " : " ");
      /* Translators: a series of the star chart and its average score,
       * e.g. "Intake 2026-03-02: average 3.4". */
      g_string_append_printf (text, _("%s: average %s"),
                              series->label ? series->label : "", number);
      any = TRUE;
    }

  if (!any)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("No assessments yet."));
      return g_string_free (text, FALSE);
    }
  g_string_append_c (text, '.');

  if (n_drawn >= 2)
    {
      const KorakStarSeries *first = &data->series[drawn[0]];
      const KorakStarSeries *last = &data->series[drawn[n_drawn - 1]];
      double best = 0;
      guint best_axis = G_MAXUINT;

      for (guint i = 0; i < n_axes; i++)
        if (star_scored (first, i) && star_scored (last, i) &&
            fabs (last->scores[i] - first->scores[i]) > fabs (best))
          {
            best = last->scores[i] - first->scores[i];
            best_axis = i;
          }

      if (best_axis != G_MAXUINT)
        {
          g_autofree char *from = format_number (first->scores[best_axis]);
          g_autofree char *to = format_number (last->scores[best_axis]);
          const char *area = data->axes && data->axes[best_axis] ? data->axes[best_axis] : "";

          g_string_append_c (text, ' ');
          /* Translators: area, score at the first assessment, score at the last */
          g_string_append_printf (text, _("Largest change: %s, from %s to %s."), area, from, to);
        }
      else
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("No change between the first and the last assessment."));
        }
    }

  return g_string_free (text, FALSE);
}

/* ----------------------------------------------------------------- line */

typedef struct
{
  double x0, x1, y0, y1;          /* plot area */
  double legend_x, legend_y;
  double legend_width;
  gboolean legend_right;
  double jd_min, jd_max;
  gboolean have_dates;
} LineGeometry;

static gboolean
line_is_average (const KorakLineSeries *series)
{
  return series->label != NULL &&
         (g_strcmp0 (series->label, "Average") == 0 ||
          g_strcmp0 (series->label, _("Average")) == 0);
}

static const char *
kind_letter (const char *kind)
{
  if (g_strcmp0 (kind, "intake") == 0)
    /* Translators: one-letter mark of an intake assessment on a chart */
    return C_("assessment kind", "I");
  if (g_strcmp0 (kind, "review") == 0)
    /* Translators: one-letter mark of a review assessment on a chart */
    return C_("assessment kind", "R");
  if (g_strcmp0 (kind, "exit") == 0)
    /* Translators: one-letter mark of an exit assessment on a chart */
    return C_("assessment kind", "E");
  if (g_strcmp0 (kind, "follow_up") == 0)
    /* Translators: one-letter mark of a follow-up assessment on a chart */
    return C_("assessment kind", "F");
  return NULL;
}

static const char *
kind_name (const char *kind)
{
  if (g_strcmp0 (kind, "intake") == 0)
    return _("Intake");
  if (g_strcmp0 (kind, "review") == 0)
    return _("Review");
  if (g_strcmp0 (kind, "exit") == 0)
    return _("Exit");
  if (g_strcmp0 (kind, "follow_up") == 0)
    return _("Follow-up");
  return NULL;
}

static const char * const kinds[] = { "intake", "review", "exit", "follow_up" };

static guint
line_legend_rows (const KorakLineData *data)
{
  guint n_kinds = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < data->n_series; s++)
      {
        const KorakLineSeries *series = &data->series[s];
        gboolean found = FALSE;

        for (guint p = 0; p < series->n_points && series->points; p++)
          if (g_strcmp0 (series->points[p].kind, kinds[k]) == 0)
            {
              found = TRUE;
              break;
            }
        if (found)
          {
            n_kinds++;
            break;
          }
      }
  return data->n_series + n_kinds;
}

static void
line_geometry (double                 width,
               double                 height,
               const KorakChartStyle *style,
               const KorakLineData   *data,
               LineGeometry          *g)
{
  double s = style_scale (style);
  double legend_width = 0, legend_height = 0;
  guint rows = 0;

  memset (g, 0, sizeof *g);

  if (data && data->series)
    rows = line_legend_rows (data);

  if (rows > 0 && width >= 520)
    {
      legend_width = CLAMP (width * 0.26, 140.0, 230.0) * MIN (s, 1.5);
      g->legend_right = TRUE;
    }
  else if (rows > 0)
    {
      guint columns = MAX ((guint) (width / 160), 1);

      legend_height = ((rows + columns - 1) / columns) * LEGEND_ROW * s + 6;
    }

  g->x0 = crisp (30 * s + 8);
  g->x1 = crisp (MAX (width - legend_width - 16, g->x0 + 10));
  g->y0 = crisp (30 * s);
  g->y1 = crisp (MAX (height - legend_height - 26 * s, g->y0 + 10));
  g->legend_x = g->legend_right ? g->x1 + 18 : 8;
  g->legend_y = g->legend_right ? g->y0 : g->y1 + 24 * s;
  g->legend_width = g->legend_right ? width - g->legend_x - 4 : width - 16;

  g->jd_min = G_MAXDOUBLE;
  g->jd_max = -G_MAXDOUBLE;
  for (guint i = 0; data && data->series && i < data->n_series; i++)
    for (guint p = 0; data->series[i].points && p < data->series[i].n_points; p++)
      {
        double jd;

        if (parse_julian (data->series[i].points[p].date, &jd))
          {
            g->jd_min = MIN (g->jd_min, jd);
            g->jd_max = MAX (g->jd_max, jd);
            g->have_dates = TRUE;
          }
      }
}

static double
line_x (const LineGeometry *g,
        double              jd)
{
  double pad = 16;

  if (!g->have_dates || g->jd_max - g->jd_min < 0.5)
    return (g->x0 + g->x1) / 2;
  return g->x0 + pad + (jd - g->jd_min) / (g->jd_max - g->jd_min) * (g->x1 - g->x0 - 2 * pad);
}

static double
line_y (const LineGeometry *g,
        double              value)
{
  return g->y1 - (CLAMP (value, 1.0, 10.0) - 1) / 9.0 * (g->y1 - g->y0);
}

static gboolean
line_point (const LineGeometry  *g,
            const KorakLineData *data,
            guint                series,
            guint                point,
            double              *x,
            double              *y)
{
  const KorakLinePoint *p;
  double jd;

  if (data == NULL || data->series == NULL || series >= data->n_series ||
      data->series[series].points == NULL || point >= data->series[series].n_points)
    return FALSE;
  p = &data->series[series].points[point];
  if (p->value <= 0 || !parse_julian (p->date, &jd))
    return FALSE;
  *x = line_x (g, jd);
  *y = line_y (g, p->value);
  return TRUE;
}

gboolean
korak_line_chart_point (double                 width,
                        double                 height,
                        const KorakChartStyle *style,
                        const KorakLineData   *data,
                        guint                  series,
                        guint                  point,
                        double                *x,
                        double                *y)
{
  LineGeometry g;
  double px = 0, py = 0;
  gboolean ok;

  line_geometry (width, height, style, data, &g);
  ok = line_point (&g, data, series, point, &px, &py);
  if (x)
    *x = px;
  if (y)
    *y = py;
  return ok;
}

typedef struct
{
  double      jd;
  const char *kind;
  const char *date;
} KindMark;

static gint
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const KindMark *ma = a, *mb = b;

  return ma->jd < mb->jd ? -1 : ma->jd > mb->jd ? 1 : 0;
}

static void
line_draw_axes (Chart               *chart,
                const LineGeometry  *g,
                const KorakLineData *data,
                GArray              *marks)
{
  cairo_t *cr = chart->cr;
  double step_y = (g->y1 - g->y0) / 9;
  int label_every = step_y * 9 < 120 ? 3 : 1;
  double last_right = -G_MAXDOUBLE;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (int v = 1; v <= 10; v++)
    {
      double y = crisp (line_y (g, v));

      set_rgb (cr, v == 1 ? &chart->dim : &chart->grid);
      if (v == 1)
        set_rgba (cr, &chart->dim, 0.6);
      cairo_move_to (cr, g->x0, y);
      cairo_line_to (cr, g->x1, y);
      cairo_stroke (cr);

      if ((v - 1) % label_every == 0 || v == 10)
        {
          g_autofree char *text = g_strdup_printf ("%d", v);

          draw_text (chart, text, SMALL_SIZE, FALSE, &chart->dim,
                     g->x0 - 8, y, 0, 1, 1, 0.5);
        }
    }

  /* One faint vertical guide per assessment, its letter above the plot
   * and its date below. */
  for (guint i = 0; i < marks->len; i++)
    {
      KindMark *mark = &g_array_index (marks, KindMark, i);
      double x = crisp (line_x (g, mark->jd));
      const char *letter = kind_letter (mark->kind);
      g_autofree char *date = format_short_date (mark->date);
      g_autoptr(PangoLayout) layout = NULL;
      double lw, lh;

      set_rgb (cr, &chart->grid);
      cairo_move_to (cr, x, g->y0);
      cairo_line_to (cr, x, g->y1);
      cairo_stroke (cr);

      if (letter)
        {
          double r = 8.5 * chart->scale;
          double cy = g->y0 - r - 5;

          cairo_new_sub_path (cr);
          cairo_arc (cr, x, cy, r, 0, 2 * G_PI);
          set_rgba (cr, &chart->fg, chart->dark ? 0.16 : 0.09);
          cairo_fill (cr);
          draw_text (chart, letter, SMALL_SIZE - 0.5, TRUE, &chart->fg, x, cy, 0, 1, 0.5, 0.5);
        }

      layout = make_layout (chart, date, SMALL_SIZE, FALSE, 0, 1, PANGO_ALIGN_LEFT);
      layout_size (layout, &lw, &lh);
      if (x - lw / 2 > last_right + 6)
        {
          set_rgb (cr, &chart->dim);
          show_layout (chart, layout, round (x - lw / 2), g->y1 + 6);
          last_right = x + lw / 2;
        }
    }
  cairo_restore (cr);
}

static void
line_draw_legend (Chart               *chart,
                  const LineGeometry  *g,
                  const KorakLineData *data,
                  GArray              *marks)
{
  guint columns = g->legend_right ? 1 : MAX ((guint) (g->legend_width / 160), 1);
  double column_width = g->legend_width / columns;
  double row = LEGEND_ROW * chart->scale;
  guint slot = 0;

  for (guint s = 0; s < data->n_series; s++, slot++)
    {
      const KorakLineSeries *series = &data->series[s];
      double x = g->legend_x + (slot % columns) * column_width;
      double cy = round (g->legend_y + (slot / columns) * row + row / 2);
      Rgb color = series_rgb (chart, s);

      draw_swatch (chart, s, &color, x, cy, FALSE, line_is_average (series) ? 3.5 : 2);
      draw_text (chart, series->label, SMALL_SIZE + 0.5, line_is_average (series), &chart->fg,
                 x + SWATCH_WIDTH + 8, cy, column_width - SWATCH_WIDTH - 14, 1, 0, 0.5);
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gboolean found = FALSE;
      double x, cy, r = 8.5 * chart->scale;

      for (guint i = 0; i < marks->len && !found; i++)
        found = g_strcmp0 (g_array_index (marks, KindMark, i).kind, kinds[k]) == 0;
      if (!found)
        continue;

      x = g->legend_x + (slot % columns) * column_width;
      cy = round (g->legend_y + (slot / columns) * row + row / 2);
      cairo_new_sub_path (chart->cr);
      cairo_arc (chart->cr, x + SWATCH_WIDTH / 2, cy, r, 0, 2 * G_PI);
      set_rgba (chart->cr, &chart->fg, chart->dark ? 0.16 : 0.09);
      cairo_fill (chart->cr);
      draw_text (chart, kind_letter (kinds[k]), SMALL_SIZE - 0.5, TRUE, &chart->fg,
                 x + SWATCH_WIDTH / 2, cy, 0, 1, 0.5, 0.5);
      draw_text (chart, kind_name (kinds[k]), SMALL_SIZE + 0.5, FALSE, &chart->dim,
                 x + SWATCH_WIDTH + 8, cy, column_width - SWATCH_WIDTH - 14, 1, 0, 0.5);
      slot++;
    }
}

void
korak_line_chart_draw (cairo_t               *cr,
                       double                 width,
                       double                 height,
                       const KorakChartStyle *style,
                       const KorakLineData   *data)
{
  Chart chart;
  LineGeometry g;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (KindMark));
  g_autoptr(GArray) run = g_array_new (FALSE, FALSE, sizeof (double));
  static const KorakLineData no_data = { 0 };
  gboolean any = FALSE;

  g_return_if_fail (cr != NULL);

  if (data == NULL || data->series == NULL)
    data = &no_data;
  if (width <= 1 || height <= 1)
    return;

  cairo_save (cr);
  chart_init (&chart, cr, style);
  line_geometry (width, height, style, data, &g);

  /* Distinct assessments by date. */
  for (guint s = 0; s < data->n_series; s++)
    for (guint p = 0; data->series[s].points && p < data->series[s].n_points; p++)
      {
        const KorakLinePoint *point = &data->series[s].points[p];
        KindMark mark = { 0, point->kind, point->date };
        gboolean seen = FALSE;

        if (point->value > 0 && parse_julian (point->date, &mark.jd))
          any = TRUE;
        else
          continue;
        for (guint i = 0; i < marks->len && !seen; i++)
          seen = g_array_index (marks, KindMark, i).jd == mark.jd;
        if (!seen)
          g_array_append_val (marks, mark);
      }
  g_array_sort (marks, compare_marks);

  line_draw_axes (&chart, &g, data, marks);

  if (!any)
    {
      draw_empty_message (&chart, _("No assessments yet"),
                          (g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2, g.x1 - g.x0);
      chart_clear (&chart);
      cairo_restore (cr);
      return;
    }

  /* Thin lines first, the average last and on top. */
  for (int pass = 0; pass < 2; pass++)
    for (guint s = 0; s < data->n_series; s++)
      {
        const KorakLineSeries *series = &data->series[s];
        gboolean average = line_is_average (series);
        Rgb color = series_rgb (&chart, s);

        if (average != (pass == 1))
          continue;

        run = g_array_set_size (run, 0);
        for (guint p = 0; p <= series->n_points; p++)
          {
            double xy[2];

            if (p < series->n_points && line_point (&g, data, s, p, &xy[0], &xy[1]))
              {
                g_array_append_vals (run, xy, 2);
                continue;
              }
            /* A gap (not scored) or the end: stroke the run so far. */
            set_rgb (cr, &color);
            stroke_segments (cr, (double *) (gpointer) run->data, run->len / 2, s,
                             average ? 3.5 : 2.0);
            run = g_array_set_size (run, 0);
          }

        for (guint p = 0; p < series->n_points; p++)
          {
            double x, y;

            if (line_point (&g, data, s, p, &x, &y))
              draw_marker (&chart, s, &color, x, y, average ? MARKER_RADIUS + 1 : MARKER_RADIUS);
          }
      }

  line_draw_legend (&chart, &g, data, marks);

  chart_clear (&chart);
  cairo_restore (cr);
}

char *
korak_line_chart_describe (const KorakLineData *data)
{
  GString *text = g_string_new (NULL);
  const char *first_date = NULL, *last_date = NULL;
  double jd_min = G_MAXDOUBLE, jd_max = -G_MAXDOUBLE;
  guint n_series = data && data->series ? data->n_series : 0;

  for (guint s = 0; s < n_series; s++)
    for (guint p = 0; data->series[s].points && p < data->series[s].n_points; p++)
      {
        const KorakLinePoint *point = &data->series[s].points[p];
        double jd;

        if (point->value <= 0 || !parse_julian (point->date, &jd))
          continue;
        if (jd < jd_min)
          {
            jd_min = jd;
            first_date = point->date;
          }
        if (jd > jd_max)
          {
            jd_max = jd;
            last_date = point->date;
          }
      }

  if (first_date == NULL)
    {
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "Line chart of %u series.",
                                           "Line chart of %u series.", n_series),
                              n_series);
      g_string_append_c (text, ' ');
      g_string_append (text, _("No assessments yet."));
      return g_string_free (text, FALSE);
    }
  else
    {
      g_autofree char *from = korak_date_format (first_date);
      g_autofree char *to = korak_date_format (last_date);

      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "Line chart of %u series from %s to %s.",
                                           "Line chart of %u series from %s to %s.", n_series),
                              n_series, from, to);
    }

  for (guint s = 0; s < n_series; s++)
    {
      const KorakLineSeries *series = &data->series[s];
      const KorakLinePoint *first = NULL, *last = NULL;
      guint n = 0;

      for (guint p = 0; series->points && p < series->n_points; p++)
        if (series->points[p].value > 0)
          {
            if (first == NULL)
              first = &series->points[p];
            last = &series->points[p];
            n++;
          }
      if (first == NULL)
        continue;

      g_string_append_c (text, ' ');
      if (n == 1)
        {
          g_autofree char *value = format_number (first->value);

          /* Translators: series name and its only score */
          g_string_append_printf (text, _("%s: %s."), series->label ? series->label : "", value);
        }
      else
        {
          g_autofree char *from = format_number (first->value);
          g_autofree char *to = format_number (last->value);

          g_string_append_printf (text,
                                  /* Translators: series name, first score, last score, count */
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s: from %s to %s over %u assessment.",
                                               "%s: from %s to %s over %u assessments.", n),
                                  series->label ? series->label : "", from, to, n);
        }
    }

  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------ attendance */

typedef struct
{
  double x0, x1, y0, y1;
  double max;
  double step;
  double slot;
  double bar_width;
} AttendanceGeometry;

static void
attendance_geometry (double                     width,
                     double                     height,
                     const KorakChartStyle     *style,
                     const KorakAttendanceData *data,
                     AttendanceGeometry        *g)
{
  double s = style_scale (style);
  double top = 0;
  guint n = data && data->weeks ? data->n_weeks : 0;

  memset (g, 0, sizeof *g);
  for (guint i = 0; i < n; i++)
    top = MAX (top, data->weeks[i].hours);
  if (data)
    top = MAX (top, data->required_per_week * 1.15);
  if (top <= 0)
    top = 12;
  g->step = nice_step (top, 5);
  g->max = ceil (top / g->step - 1e-9) * g->step;

  g->x0 = crisp (30 * s + 10);
  g->x1 = crisp (MAX (width - 12, g->x0 + 10));
  g->y0 = crisp (34 * s);
  g->y1 = crisp (MAX (height - 26 * s, g->y0 + 10));
  g->slot = n > 0 ? (g->x1 - g->x0) / n : g->x1 - g->x0;
  g->bar_width = MIN (round (g->slot * 0.68), 48.0);
  if (g->bar_width < 1)
    g->bar_width = MAX (g->slot - 0.5, 0.5);
}

static double
attendance_y (const AttendanceGeometry *g,
              double                    hours)
{
  return g->y1 - CLAMP (hours, 0, g->max) / g->max * (g->y1 - g->y0);
}

static void
attendance_bar (const AttendanceGeometry  *g,
                const KorakAttendanceData *data,
                guint                      i,
                double                    *x,
                double                    *y,
                double                    *w,
                double                    *h)
{
  double top = round (attendance_y (g, data->weeks[i].hours));

  *x = round (g->x0 + i * g->slot + (g->slot - g->bar_width) / 2);
  *w = g->bar_width;
  *y = top;
  *h = floor (g->y1) - top;
}

gboolean
korak_attendance_chart_bar_rect (double                     width,
                                 double                     height,
                                 const KorakChartStyle     *style,
                                 const KorakAttendanceData *data,
                                 guint                      week,
                                 double                    *x,
                                 double                    *y,
                                 double                    *bar_width,
                                 double                    *bar_height)
{
  AttendanceGeometry g;
  double bx, by, bw, bh;

  if (data == NULL || data->weeks == NULL || week >= data->n_weeks)
    return FALSE;
  attendance_geometry (width, height, style, data, &g);
  attendance_bar (&g, data, week, &bx, &by, &bw, &bh);
  if (x)
    *x = bx;
  if (y)
    *y = by;
  if (bar_width)
    *bar_width = bw;
  if (bar_height)
    *bar_height = bh;
  return TRUE;
}

double
korak_attendance_chart_required_y (double                     width,
                                   double                     height,
                                   const KorakChartStyle     *style,
                                   const KorakAttendanceData *data)
{
  AttendanceGeometry g;

  if (data == NULL || data->required_per_week <= 0)
    return -1;
  attendance_geometry (width, height, style, data, &g);
  return crisp (attendance_y (&g, data->required_per_week));
}

void
korak_attendance_chart_draw (cairo_t                   *cr,
                             double                     width,
                             double                     height,
                             const KorakChartStyle     *style,
                             const KorakAttendanceData *data)
{
  Chart chart;
  AttendanceGeometry g;
  static const KorakAttendanceData no_data = { 0 };
  guint n;
  gboolean any = FALSE;
  Rgb bar_color;

  g_return_if_fail (cr != NULL);

  if (data == NULL)
    data = &no_data;
  if (width <= 1 || height <= 1)
    return;

  cairo_save (cr);
  chart_init (&chart, cr, style);
  attendance_geometry (width, height, style, data, &g);
  n = data->weeks ? data->n_weeks : 0;
  bar_color = series_rgb (&chart, 0);

  for (guint i = 0; i < n; i++)
    if (data->weeks[i].hours > 0)
      any = TRUE;

  /* Grid and hour labels. */
  cairo_set_line_width (cr, 1.0);
  for (double v = 0; v <= g.max + 1e-9; v += g.step)
    {
      double y = crisp (attendance_y (&g, v));
      g_autofree char *text = format_number (v);

      if (v == 0)
        set_rgba (cr, &chart.dim, 0.6);
      else
        set_rgb (cr, &chart.grid);
      cairo_move_to (cr, g.x0, y);
      cairo_line_to (cr, g.x1, y);
      cairo_stroke (cr);
      draw_text (&chart, text, SMALL_SIZE, FALSE, &chart.dim, g.x0 - 8, y, 0, 1, 1, 0.5);
    }
  /* Translators: the unit of the attendance chart's vertical axis */
  if (data->hours2 == NULL || g_strcmp0 (data->hours2, _("hours")) == 0)
    draw_text (&chart, _("hours"), SMALL_SIZE, FALSE, &chart.dim, g.x0 - 8, g.y0 - 20 * chart.scale,
               0, 1, 1, 0.5);
  else
    {
      /* The margin is narrow: the second language's unit under the first. */
      g_autofree char *unit = g_strdup_printf ("%s\n%s", _("hours"), data->hours2);

      draw_text (&chart, unit, SMALL_SIZE, FALSE, &chart.dim, g.x0 - 8, g.y0 - 8 * chart.scale,
                 0, 2, 1, 1);
    }

  /* Module separators and names. */
  for (guint i = 0; i < n; i++)
    {
      int module = data->weeks[i].module;
      double x = crisp (g.x0 + i * g.slot);
      guint end = i + 1;
      g_autofree char *label = NULL;

      if (module <= 0 || (i > 0 && data->weeks[i - 1].module == module))
        continue;
      while (end < n && data->weeks[end].module == module)
        end++;

      if (i > 0)
        {
          cairo_save (cr);
          set_rgba (cr, &chart.dim, 0.55);
          cairo_move_to (cr, x, g.y0 - 26 * chart.scale);
          cairo_line_to (cr, x, g.y1 + 4);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      {
        g_autofree char *number = g_strdup_printf ("%d", module);
        g_autofree char *one = g_strdup_printf (_("Module %d"), module);
        const char *args[] = { number };
        g_autofree char *two = data->module_format2 ? korak_catalog_format (data->module_format2, args, 1, FALSE) : NULL;

        label = korak_catalog_join_second (one, two);
      }
      draw_text (&chart, label, SMALL_SIZE, TRUE, &chart.dim, x + 6, g.y0 - 18 * chart.scale,
                 (end - i) * g.slot - 10, 1, 0, 0.5);
    }

  if (!any)
    draw_empty_message (&chart, _("No attendance yet"), (g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2,
                        g.x1 - g.x0);

  /* Bars with rounded tops. */
  set_rgb (cr, &bar_color);
  for (guint i = 0; i < n; i++)
    {
      double x, y, w, h, r;

      if (data->weeks[i].hours <= 0)
        continue;
      attendance_bar (&g, data, i, &x, &y, &w, &h);
      if (h < 0.5)
        h = 1;
      r = MIN (3.0, MIN (w / 2, h));
      cairo_new_sub_path (cr);
      cairo_move_to (cr, x, y + h);
      cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
      cairo_arc (cr, x + w - r, y + r, r, 3 * G_PI / 2, 2 * G_PI);
      cairo_line_to (cr, x + w, y + h);
      cairo_close_path (cr);
    }
  cairo_fill (cr);

  /* Week dates, thinned so they do not touch. */
  if (n > 0)
    {
      g_autofree char *sample = format_short_date (data->weeks[0].monday);
      g_autoptr(PangoLayout) layout = make_layout (&chart, sample, SMALL_SIZE, FALSE, 0, 1,
                                                   PANGO_ALIGN_LEFT);
      double lw;
      guint every;

      layout_size (layout, &lw, NULL);
      every = MAX ((guint) ceil ((lw + 10) / MAX (g.slot, 0.1)), 1);
      for (guint i = 0; i < n; i += every)
        {
          g_autofree char *date = format_short_date (data->weeks[i].monday);

          draw_text (&chart, date, SMALL_SIZE, FALSE, &chart.dim,
                     g.x0 + (i + 0.5) * g.slot, g.y1 + 6, 0, 1, 0.5, 0);
        }
    }

  /* The required line, on top of the bars. */
  if (data->required_per_week > 0)
    {
      double y = crisp (attendance_y (&g, data->required_per_week));
      g_autofree char *hours = format_number (data->required_per_week);
      const char *args[] = { hours };
      g_autofree char *one = g_strdup_printf (_("Required: %s h"), hours);
      g_autofree char *two = data->required_format2 ? korak_catalog_format (data->required_format2, args, 1, FALSE) : NULL;
      g_autofree char *label = korak_catalog_join_second (one, two);
      g_autoptr(PangoLayout) layout = make_layout (&chart, label, SMALL_SIZE, TRUE, 0, 1,
                                                   PANGO_ALIGN_LEFT);
      double lw, lh, lx, ly;

      cairo_save (cr);
      set_rgb (cr, &chart.fg);
      cairo_set_dash (cr, dash_dashed, G_N_ELEMENTS (dash_dashed), 0);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, g.x0, y);
      cairo_line_to (cr, g.x1, y);
      cairo_stroke (cr);
      cairo_restore (cr);

      layout_size (layout, &lw, &lh);
      lx = round (g.x1 - lw - 6);
      ly = round (y - lh - 3);
      rounded_rect (cr, lx - 5, ly - 1, lw + 10, lh + 2, 4);
      set_rgba (cr, &chart.bg, 0.9);
      cairo_fill (cr);
      set_rgb (cr, &chart.fg);
      show_layout (&chart, layout, lx, ly);
    }

  chart_clear (&chart);
  cairo_restore (cr);
}

char *
korak_attendance_chart_describe (const KorakAttendanceData *data)
{
  GString *text = g_string_new (NULL);
  guint n = data && data->weeks ? data->n_weeks : 0;
  double total = 0;
  guint met = 0;
  g_autofree char *total_text = NULL;
  g_autofree char *average_text = NULL;

  if (n == 0)
    {
      g_string_append (text, _("Attendance chart. No attendance yet."));
      return g_string_free (text, FALSE);
    }

  for (guint i = 0; i < n; i++)
    {
      total += MAX (data->weeks[i].hours, 0);
      if (data->required_per_week > 0 && data->weeks[i].hours >= data->required_per_week - 1e-9)
        met++;
    }
  total_text = format_number (total);
  average_text = g_strdup_printf ("%.1f", total / n);

  g_string_append_printf (text,
                          /* Translators: weeks, total hours, average hours per week */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Attendance over %u week: %s hours in total, %s per week on average.",
                                       "Attendance over %u weeks: %s hours in total, %s per week on average.",
                                       n),
                          n, total_text, average_text);
  if (data->required_per_week > 0)
    {
      g_autofree char *required = format_number (data->required_per_week);

      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              /* Translators: required hours, weeks that met it, all weeks */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Required %s hours a week, met in %u of %u week.",
                                           "Required %s hours a week, met in %u of %u weeks.", n),
                              required, met, n);
    }

  return g_string_free (text, FALSE);
}

/* ---------------------------------------------------------------- cohort */

static void
hatch (cairo_t *cr,
       double   x,
       double   y,
       double   w,
       double   h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_line_width (cr, 2.0);
  for (double d = -h; d < w + h; d += 7)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
korak_bar_chart_draw (cairo_t               *cr,
                      double                 width,
                      double                 height,
                      const KorakChartStyle *style,
                      const KorakBarData    *data)
{
  Chart chart;
  static const KorakBarData no_data = { 0 };
  guint n;
  double top = 8, bottom, label_width = 0, value_room, max = 0;
  double row, thickness, x0, x1;
  gboolean any = FALSE, any_positive = FALSE;
  Rgb positive_color, other_color;

  g_return_if_fail (cr != NULL);

  if (data == NULL)
    data = &no_data;
  if (width <= 1 || height <= 1)
    return;

  cairo_save (cr);
  chart_init (&chart, cr, style);
  n = data->bars ? data->n_bars : 0;
  positive_color = series_rgb (&chart, 2);
  other_color = series_rgb (&chart, 0);

  if (data->title && *data->title)
    {
      g_autoptr(PangoLayout) layout = make_layout (&chart, data->title, TITLE_SIZE, TRUE,
                                                   width - 16, 1, PANGO_ALIGN_LEFT);
      double th;

      layout_size (layout, NULL, &th);
      set_rgb (cr, &chart.fg);
      show_layout (&chart, layout, 8, top);
      top += th + 10;
    }

  for (guint i = 0; i < n; i++)
    {
      max = MAX (max, data->bars[i].value);
      if (data->bars[i].value > 0)
        any = TRUE;
      if (data->bars[i].positive)
        any_positive = TRUE;
    }

  bottom = height - 8 - (any_positive ? LEGEND_ROW * chart.scale + 4 : 0);

  if (!any)
    {
      cairo_set_line_width (cr, 1.0);
      set_rgba (cr, &chart.dim, 0.6);
      cairo_move_to (cr, crisp (width * 0.3), top);
      cairo_line_to (cr, crisp (width * 0.3), MAX (bottom, top));
      cairo_stroke (cr);
      draw_empty_message (&chart, _("No data yet"), width / 2, (top + bottom) / 2, width);
      chart_clear (&chart);
      cairo_restore (cr);
      return;
    }

  /* Labels: as wide as the widest, at most 35 % of the width. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (&chart, data->bars[i].label, TEXT_SIZE, FALSE,
                                                   0, 1, PANGO_ALIGN_LEFT);
      double lw;

      layout_size (layout, &lw, NULL);
      label_width = MAX (label_width, lw);
    }
  label_width = MIN (label_width, width * 0.35);

  value_room = 40 * chart.scale;
  x0 = crisp (8 + label_width + 10);
  x1 = MAX (width - 8 - value_room, x0 + 10);
  row = MIN (36 * chart.scale, (bottom - top) / MAX (n, 1));
  thickness = MAX (round (row * 0.62), 1);

  for (guint i = 0; i < n; i++)
    {
      const KorakBar *bar = &data->bars[i];
      double cy = top + row * (i + 0.5);
      double y = round (cy - thickness / 2);
      double w = max > 0 ? round (MAX (bar->value, 0) / max * (x1 - x0)) : 0;
      g_autofree char *value = format_number (bar->value);
      const Rgb *color = bar->positive ? &positive_color : &other_color;

      draw_text (&chart, bar->label, TEXT_SIZE, FALSE, &chart.fg, x0 - 10, cy,
                 label_width, row > 30 ? 2 : 1, 1, 0.5);

      if (w > 0)
        {
          rounded_rect (cr, x0, y, w, thickness, 3);
          set_rgb (cr, color);
          if (bar->positive)
            {
              cairo_fill_preserve (cr);
              cairo_save (cr);
              cairo_clip (cr);
              set_rgba (cr, &chart.bg, 0.38);
              hatch (cr, x0, y, w, thickness);
              cairo_restore (cr);
              rounded_rect (cr, x0 + 0.75, y + 0.75, w - 1.5, thickness - 1.5, 2.5);
              set_rgb (cr, &chart.fg);
              cairo_set_line_width (cr, 1.5);
              cairo_stroke (cr);
            }
          else
            cairo_fill (cr);
        }

      draw_text (&chart, value, TEXT_SIZE, TRUE, &chart.fg, x0 + w + 6, cy, 0, 1, 0, 0.5);
    }

  /* The baseline. */
  cairo_set_line_width (cr, 1.0);
  set_rgba (cr, &chart.dim, 0.6);
  cairo_move_to (cr, x0 - 0.5 + 0.0, top);
  cairo_line_to (cr, x0 - 0.5 + 0.0, top + row * n);
  cairo_stroke (cr);

  if (any_positive)
    {
      double cy = round (MIN (top + row * n + 14 + LEGEND_ROW * chart.scale / 2,
                              height - 8 - LEGEND_ROW * chart.scale / 2));
      double x = x0;

      rounded_rect (cr, x, cy - SWATCH_HEIGHT / 2, SWATCH_WIDTH, SWATCH_HEIGHT, 3);
      set_rgb (cr, &positive_color);
      cairo_fill_preserve (cr);
      cairo_save (cr);
      cairo_clip (cr);
      set_rgba (cr, &chart.bg, 0.38);
      hatch (cr, x, cy - SWATCH_HEIGHT / 2, SWATCH_WIDTH, SWATCH_HEIGHT);
      cairo_restore (cr);
      rounded_rect (cr, x + 0.75, cy - SWATCH_HEIGHT / 2 + 0.75, SWATCH_WIDTH - 1.5,
                    SWATCH_HEIGHT - 1.5, 2.5);
      set_rgb (cr, &chart.fg);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      draw_text (&chart, _("Positive exit"), SMALL_SIZE + 0.5, FALSE, &chart.fg,
                 x + SWATCH_WIDTH + 8, cy, width - x - SWATCH_WIDTH - 16, 1, 0, 0.5);
    }

  chart_clear (&chart);
  cairo_restore (cr);
}

char *
korak_bar_chart_describe (const KorakBarData *data)
{
  GString *text = g_string_new (NULL);
  guint n = data && data->bars ? data->n_bars : 0;
  double total = 0, positive = 0;
  g_autofree char *total_text = NULL;
  g_autofree char *positive_text = NULL;

  if (data && data->title && *data->title)
    g_string_append_printf (text, "%s: ", data->title);
  else
    g_string_append (text, _("Bar chart: "));

  if (n == 0)
    {
      g_string_append (text, _("No data yet."));
      return g_string_free (text, FALSE);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = format_number (data->bars[i].value);

      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: a bar's label and its value */
      g_string_append_printf (text, _("%s %s"), data->bars[i].label ? data->bars[i].label : "", value);
      total += data->bars[i].value;
      if (data->bars[i].positive)
        positive += data->bars[i].value;
    }
  g_string_append (text, ". ");

  total_text = format_number (total);
  positive_text = format_number (positive);
  if (positive > 0)
    /* Translators: the total, and how much of it is positive exits */
    g_string_append_printf (text, _("Total %s, of which %s positive."), total_text, positive_text);
  else
    g_string_append_printf (text, _("Total %s."), total_text);

  return g_string_free (text, FALSE);
}
