/* korak-profile-sheet.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-profile-sheet"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "korak-date.h"
#include "korak-profile-sheet.h"

/* Geometry in points. */
#define MARGIN           (20.0 * 72.0 / 25.4)   /* 20 mm */
#define FOOTER_HEIGHT    22.0                   /* band above the bottom margin */
#define LABEL_FRACTION   0.34
#define COLUMN_GAP       12.0
#define ROW_PADDING      5.0
#define MIN_SPLIT_LINES  2

#define EN_DASH "\u2013"

#define TEXT_FONT        "Sans 10"
#define LABEL_FONT       "Sans Bold 9"
#define KICKER_FONT      "Sans Bold 10"
#define NAME_FONT        "Sans Bold 20"
#define SMALL_FONT       "Sans 9"
#define FOOTER_FONT      "Sans 8"

#define INK_BLACK        0.0, 0.0, 0.0
#define INK_DIM          0.25, 0.25, 0.25
#define INK_RULE         0.72, 0.72, 0.72

typedef struct
{
  int y0;         /* Pango units, within the layout */
  int y1;
  int baseline;
  int x;
} LineBox;

typedef struct
{
  PangoLayout *label;
  PangoLayout *label_continued;   /* made when the row splits */
  PangoLayout *value;
  GArray      *lines;             /* LineBox, one per value line */
} Row;

typedef struct
{
  int    page;
  guint  row;
  int    first_line;
  int    n_lines;
  double height;                  /* with padding */
} Fragment;

typedef struct
{
  PangoContext *context;

  double        width;
  double        height;
  double        content_x;
  double        content_width;
  double        label_width;
  double        value_x;
  double        value_width;

  /* First page header */
  PangoLayout  *kicker;
  PangoLayout  *printed;
  PangoLayout  *name;
  PangoLayout  *subtitle;
  PangoLayout  *archived;
  double        header_height;

  /* Running header of the following pages */
  PangoLayout  *running;
  double        running_height;

  GArray       *rows;              /* Row */
  GArray       *fragments;         /* Fragment, in page order */
  int           n_pages;
} Sheet;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->label);
  g_clear_object (&row->label_continued);
  g_clear_object (&row->value);
  g_clear_pointer (&row->lines, g_array_unref);
}

static void
sheet_free (Sheet *sheet)
{
  g_clear_object (&sheet->kicker);
  g_clear_object (&sheet->printed);
  g_clear_object (&sheet->name);
  g_clear_object (&sheet->subtitle);
  g_clear_object (&sheet->archived);
  g_clear_object (&sheet->running);
  g_clear_pointer (&sheet->rows, g_array_unref);
  g_clear_pointer (&sheet->fragments, g_array_unref);
  g_clear_object (&sheet->context);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

/* Layout happens in a context of its own at 72 dpi with no hinting, so that
 * line breaks, and so page breaks, are the same on screen, paper and PDF. */
static PangoContext *
create_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_get_default ());

  return context;
}

static PangoLayout *
create_layout (Sheet      *sheet,
               const char *font,
               double      width,
               const char *text)
{
  PangoLayout *layout = pango_layout_new (sheet->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Auto-dir is on by default: a right-to-left paragraph (Arabic) takes a
   * right-to-left base direction and its alignment mirrors to the right. */
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, valid, -1);

  return layout;
}

/* A layout of at most @max_lines lines, ellipsized. */
static PangoLayout *
create_short_layout (Sheet      *sheet,
                     const char *font,
                     double      width,
                     const char *text,
                     int         max_lines)
{
  PangoLayout *layout = create_layout (sheet, font, width, text);

  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static char *
dup_full_name (const KorakParticipantRecord *record)
{
  const char *given = korak_participant_record_get (record, KORAK_FIELD_GIVEN_NAME);
  const char *family = korak_participant_record_get (record, KORAK_FIELD_FAMILY_NAME);
  g_autofree char *name = g_strstrip (g_strdup_printf ("%s %s", given, family));

  if (*name == '\0')
    return g_strdup (EN_DASH);

  return g_steal_pointer (&name);
}

static char *
dup_field_text (const KorakParticipantRecord *record,
                KorakParticipantField         field)
{
  const KorakFieldInfo *info = korak_participant_field_info (field);
  const char *value = record->values[field];

  if (value == NULL || *value == '\0')
    return g_strdup (EN_DASH);

  switch (info->kind)
    {
    case KORAK_FIELD_KIND_BOOLEAN:
      return g_strdup (g_str_equal (value, "0") ? _("No") : _("Yes"));

    case KORAK_FIELD_KIND_CHOICE:
      return g_strdup (korak_choice_label (info->choices, value));

    case KORAK_FIELD_KIND_DATE:
    case KORAK_FIELD_KIND_PAST_DATE:
      return korak_date_format (value);

    case KORAK_FIELD_KIND_TEXT:
    case KORAK_FIELD_KIND_NAME:
    case KORAK_FIELD_KIND_EMAIL:
    case KORAK_FIELD_KIND_PHONE:
    default:
      return g_strdup (value);
    }
}

static char *
dup_archived_text (const KorakParticipantRecord *record)
{
  g_autofree char *day = NULL;
  g_autofree char *formatted = NULL;

  if (record->archived_at == NULL || *record->archived_at == '\0')
    return NULL;

  day = g_strndup (record->archived_at, 10);
  if (!korak_date_is_iso (day))
    return g_strdup (_("Archived"));

  formatted = korak_date_format (day);
  /* Translators: shown on the printed profile of an archived participant;
   * %s is the date it was archived. */
  return g_strdup_printf (_("Archived on %s"), formatted);
}

static void
measure_lines (Row *row)
{
  PangoLayoutIter *iter = pango_layout_get_iter (row->value);

  row->lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  do
    {
      PangoRectangle logical;
      LineBox box;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &box.y0, &box.y1);
      box.baseline = pango_layout_iter_get_baseline (iter);
      box.x = logical.x;
      g_array_append_val (row->lines, box);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static PangoLayout *
fragment_label (Sheet          *sheet,
                Row            *row,
                int             first_line)
{
  if (first_line == 0)
    return row->label;

  if (row->label_continued == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: the label of a long value that goes on from the
       * previous page, e.g. "Address (continued)". */
      text = g_strdup_printf (_("%s (continued)"), pango_layout_get_text (row->label));
      row->label_continued = create_layout (sheet, LABEL_FONT, sheet->label_width, text);
    }

  return row->label_continued;
}

/* How far down the label goes so that its first baseline meets the value's. */
static double
label_offset (Row         *row,
              PangoLayout *label,
              int          first_line)
{
  const LineBox *first = &g_array_index (row->lines, LineBox, first_line);
  int offset = (first->baseline - first->y0) - pango_layout_get_baseline (label);

  return (double) MAX (offset, 0) / PANGO_SCALE;
}

static double
fragment_height (Sheet *sheet,
                 Row   *row,
                 int    first_line,
                 int    n_lines)
{
  const LineBox *first = &g_array_index (row->lines, LineBox, first_line);
  const LineBox *last = &g_array_index (row->lines, LineBox, first_line + n_lines - 1);
  PangoLayout *label = fragment_label (sheet, row, first_line);
  double value_height = (double) (last->y1 - first->y0) / PANGO_SCALE;
  double label_height = label_offset (row, label, first_line) + layout_height (label);

  return MAX (value_height, label_height) + 2 * ROW_PADDING;
}

static double
body_top (Sheet *sheet,
          int    page)
{
  return MARGIN + (page == 0 ? sheet->header_height : sheet->running_height);
}

static double
body_bottom (Sheet *sheet)
{
  return sheet->height - MARGIN - FOOTER_HEIGHT;
}

static void
add_fragment (Sheet  *sheet,
              int     page,
              guint   row,
              int     first_line,
              int     n_lines,
              double  height)
{
  Fragment fragment = { page, row, first_line, n_lines, height };

  g_array_append_val (sheet->fragments, fragment);
}

/* Places rows top to bottom; a row that does not fit goes whole to the next
 * page when it fits there, else it splits line by line. */
static void
paginate (Sheet *sheet)
{
  int page = 0;
  double y = body_top (sheet, 0);

  for (guint r = 0; r < sheet->rows->len; r++)
    {
      Row *row = &g_array_index (sheet->rows, Row, r);
      int n_lines = (int) row->lines->len;
      int line = 0;

      while (line < n_lines)
        {
          double top = body_top (sheet, page);
          double avail = body_bottom (sheet) - y;
          double whole = fragment_height (sheet, row, line, n_lines - line);
          int fit = 0;

          if (whole <= avail)
            {
              add_fragment (sheet, page, r, line, n_lines - line, whole);
              y += whole;
              break;
            }

          if (line == 0 && y > top &&
              whole <= body_bottom (sheet) - body_top (sheet, page + 1))
            {
              page++;
              y = body_top (sheet, page);
              continue;
            }

          while (line + fit < n_lines &&
                 fragment_height (sheet, row, line, fit + 1) <= avail)
            fit++;

          if (fit < MIN_SPLIT_LINES && y > top)
            {
              page++;
              y = body_top (sheet, page);
              continue;
            }

          /* A line taller than a whole page still has to go somewhere. */
          fit = MAX (fit, 1);
          add_fragment (sheet, page, r, line, fit,
                        fragment_height (sheet, row, line, fit));
          line += fit;
          page++;
          y = body_top (sheet, page);
        }
    }

  sheet->n_pages = page + 1;
  if (sheet->fragments->len > 0)
    sheet->n_pages = g_array_index (sheet->fragments, Fragment, sheet->fragments->len - 1).page + 1;
}

static Sheet *
sheet_new (const KorakParticipantRecord *record,
           double                        width,
           double                        height)
{
  g_autoptr(Sheet) sheet = g_new0 (Sheet, 1);
  g_autofree char *full_name = dup_full_name (record);
  g_autofree char *today = korak_date_today ();
  g_autofree char *today_text = korak_date_format (today);
  g_autofree char *printed = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *archived = NULL;
  g_autofree char *running = NULL;
  double subtitle_width;

  sheet->context = create_context ();
  sheet->width = width;
  sheet->height = height;
  sheet->content_x = MARGIN;
  sheet->content_width = MAX (width - 2 * MARGIN, 40.0);
  sheet->label_width = floor (sheet->content_width * LABEL_FRACTION);
  sheet->value_x = sheet->content_x + sheet->label_width + COLUMN_GAP;
  sheet->value_width = sheet->content_width - sheet->label_width - COLUMN_GAP;

  /* First page header: kicker and printed date on one line, the name, then
   * the cohort and whether the participant is archived. */
  sheet->kicker = create_short_layout (sheet, KICKER_FONT, sheet->content_width * 0.6,
                                       _("Participant profile"), 1);
  /* Translators: %s is today's date on a printed participant profile. */
  printed = g_strdup_printf (_("Printed %s"), today_text);
  sheet->printed = create_short_layout (sheet, SMALL_FONT, sheet->content_width * 0.4, printed, 1);
  pango_layout_set_auto_dir (sheet->printed, FALSE);
  pango_layout_set_alignment (sheet->printed, PANGO_ALIGN_RIGHT);

  sheet->name = create_short_layout (sheet, NAME_FONT, sheet->content_width, full_name, 2);

  archived = dup_archived_text (record);
  subtitle_width = sheet->content_width;
  if (archived != NULL)
    {
      sheet->archived = create_short_layout (sheet, KICKER_FONT, sheet->content_width * 0.4,
                                             archived, 1);
      pango_layout_set_width (sheet->archived, -1);
    }

  if (record->cohort_name != NULL && *record->cohort_name != '\0')
    /* Translators: %s is the name of the programme run the participant is enrolled in. */
    cohort = g_strdup_printf (_("Cohort: %s"), record->cohort_name);
  else
    cohort = g_strdup (_("Not enrolled"));

  if (sheet->archived != NULL)
    {
      int archived_width;

      pango_layout_get_size (sheet->archived, &archived_width, NULL);
      subtitle_width = sheet->content_width - (double) archived_width / PANGO_SCALE - 2 * COLUMN_GAP;
    }
  sheet->subtitle = create_short_layout (sheet, TEXT_FONT, subtitle_width, cohort, 2);

  /* The last two gaps are above and below the rule under the header. */
  sheet->header_height = MAX (layout_height (sheet->kicker), layout_height (sheet->printed))
                         + 8.0 + layout_height (sheet->name)
                         + 4.0 + layout_height (sheet->subtitle)
                         + 10.0 + 12.0;

  /* Translators: the running header on the second and later pages of a
   * printed participant profile; %s is the participant's name. */
  running = g_strdup_printf (_("Participant profile — %s"), full_name);
  sheet->running = create_short_layout (sheet, SMALL_FONT, sheet->content_width, running, 1);
  sheet->running_height = layout_height (sheet->running) + 6.0 + 10.0;

  /* One row per field, in the order of the enum. */
  sheet->rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), KORAK_N_FIELDS);
  g_array_set_clear_func (sheet->rows, row_clear);
  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    {
      const KorakFieldInfo *info = korak_participant_field_info (i);
      g_autofree char *value = dup_field_text (record, i);
      Row row = { NULL };

      row.label = create_layout (sheet, LABEL_FONT, sheet->label_width, _(info->label));
      row.value = create_layout (sheet, TEXT_FONT, sheet->value_width, value);
      measure_lines (&row);
      g_array_append_val (sheet->rows, row);
    }

  sheet->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  paginate (sheet);

  return g_steal_pointer (&sheet);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
hairline (cairo_t *cr,
          double   x0,
          double   x1,
          double   y,
          double   line_width)
{
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_first_header (cairo_t *cr,
                   Sheet   *sheet)
{
  double x = sheet->content_x;
  double right = sheet->content_x + sheet->content_width;
  double y = MARGIN;
  double top_line = MAX (layout_height (sheet->kicker), layout_height (sheet->printed));

  cairo_set_source_rgb (cr, INK_DIM);
  show_layout (cr, sheet->kicker, x, y);
  show_layout (cr, sheet->printed, right - sheet->content_width * 0.4,
               y + top_line - layout_height (sheet->printed));
  y += top_line + 8.0;

  cairo_set_source_rgb (cr, INK_BLACK);
  show_layout (cr, sheet->name, x, y);
  y += layout_height (sheet->name) + 4.0;

  show_layout (cr, sheet->subtitle, x, y);

  if (sheet->archived != NULL)
    {
      PangoRectangle ink, logical;
      double box_w, box_h, box_x;

      /* A stamp at the end of the cohort line, boxed so it reads on paper
       * without colour. */
      pango_layout_get_pixel_extents (sheet->archived, &ink, &logical);
      box_w = logical.width + 12.0;
      box_h = logical.height + 4.0;
      box_x = right - box_w;
      cairo_set_line_width (cr, 1.0);
      cairo_rectangle (cr, box_x + 0.5, y - 2.0 + 0.5, box_w - 1.0, box_h - 1.0);
      cairo_stroke (cr);
      show_layout (cr, sheet->archived, box_x + 6.0, y);
    }

  y += layout_height (sheet->subtitle) + 10.0;
  hairline (cr, x, right, y, 0.75);
}

static void
draw_running_header (cairo_t *cr,
                     Sheet   *sheet)
{
  double y = MARGIN;

  cairo_set_source_rgb (cr, INK_DIM);
  show_layout (cr, sheet->running, sheet->content_x, y);
  y += layout_height (sheet->running) + 6.0;
  cairo_set_source_rgb (cr, INK_BLACK);
  hairline (cr, sheet->content_x, sheet->content_x + sheet->content_width, y, 0.75);
}

static void
draw_footer (cairo_t *cr,
             Sheet   *sheet,
             int      page)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double bottom = sheet->height - MARGIN;

  /* Translators: at the bottom of each printed page; the first %d is this
   * page's number, the second the number of pages. */
  text = g_strdup_printf (_("Page %d of %d"), page + 1, sheet->n_pages);
  layout = create_short_layout (sheet, FOOTER_FONT, sheet->content_width, text, 1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  cairo_set_source_rgb (cr, INK_DIM);
  show_layout (cr, layout, sheet->content_x, bottom - layout_height (layout));
}

static void
draw_fragment (cairo_t        *cr,
               Sheet          *sheet,
               const Fragment *fragment,
               double          y)
{
  Row *row = &g_array_index (sheet->rows, Row, fragment->row);
  const LineBox *first = &g_array_index (row->lines, LineBox, fragment->first_line);
  PangoLayout *label = fragment_label (sheet, row, fragment->first_line);
  GSList *lines = pango_layout_get_lines_readonly (row->value);
  double top = y + ROW_PADDING;

  cairo_set_source_rgb (cr, INK_DIM);
  show_layout (cr, label, sheet->content_x,
               top + label_offset (row, label, fragment->first_line));

  /* Only this fragment's lines, each at its own baseline and offset, so a
   * long value flows across pages without drawing hidden text. */
  cairo_set_source_rgb (cr, INK_BLACK);
  lines = g_slist_nth (lines, fragment->first_line);
  for (int i = 0; i < fragment->n_lines && lines != NULL; i++, lines = lines->next)
    {
      const LineBox *box = &g_array_index (row->lines, LineBox, fragment->first_line + i);

      cairo_move_to (cr,
                     sheet->value_x + (double) box->x / PANGO_SCALE,
                     top + (double) (box->baseline - first->y0) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, lines->data);
    }

  cairo_set_source_rgb (cr, INK_RULE);
  hairline (cr, sheet->content_x, sheet->content_x + sheet->content_width,
            y + fragment->height, 0.5);
}

static void
draw_sheet_page (cairo_t *cr,
                 Sheet   *sheet,
                 int      page)
{
  double y = body_top (sheet, page);

  cairo_save (cr);
  cairo_new_path (cr);

  if (page == 0)
    draw_first_header (cr, sheet);
  else
    draw_running_header (cr, sheet);

  for (guint i = 0; i < sheet->fragments->len; i++)
    {
      const Fragment *fragment = &g_array_index (sheet->fragments, Fragment, i);

      if (fragment->page != page)
        continue;

      draw_fragment (cr, sheet, fragment, y);
      y += fragment->height;
    }

  draw_footer (cr, sheet, page);

  cairo_restore (cr);
}

/**
 * korak_profile_sheet_count_pages:
 * @record: the participant
 * @width: page width in points
 * @height: page height in points
 *
 * Returns: how many pages korak_profile_sheet_draw_page() draws, at least 1.
 */
int
korak_profile_sheet_count_pages (const KorakParticipantRecord *record,
                                 double                        width,
                                 double                        height)
{
  g_autoptr(Sheet) sheet = NULL;

  g_return_val_if_fail (record != NULL, 1);
  g_return_val_if_fail (width > 0 && height > 0, 1);

  sheet = sheet_new (record, width, height);
  return sheet->n_pages;
}

/**
 * korak_profile_sheet_draw_page:
 * @cr: where to draw, in points, origin at the page's top-left corner
 * @width: page width in points
 * @height: page height in points
 * @record: the participant
 * @page: 0-based page number
 *
 * Draws one page in black on whatever is already there (paper is white);
 * the state of @cr is kept.
 */
void
korak_profile_sheet_draw_page (cairo_t                      *cr,
                               double                        width,
                               double                        height,
                               const KorakParticipantRecord *record,
                               int                           page)
{
  g_autoptr(Sheet) sheet = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (record != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (page >= 0);

  sheet = sheet_new (record, width, height);
  if (page >= sheet->n_pages)
    return;

  draw_sheet_page (cr, sheet, page);
}

/**
 * korak_profile_sheet_write_pdf:
 * @record: the participant
 * @path: the PDF file to write, replaced if it exists
 * @error: return location for a #GError
 *
 * Writes every page of the profile to an A4 PDF.
 */
gboolean
korak_profile_sheet_write_pdf (const KorakParticipantRecord  *record,
                               const char                    *path,
                               GError                       **error)
{
  g_autoptr(Sheet) sheet = NULL;
  g_autofree char *title = NULL;
  g_autofree char *full_name = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sheet = sheet_new (record, KORAK_PAGE_A4_WIDTH, KORAK_PAGE_A4_HEIGHT);
  surface = cairo_pdf_surface_create (path, KORAK_PAGE_A4_WIDTH, KORAK_PAGE_A4_HEIGHT);

  full_name = dup_full_name (record);
  title = g_strdup_printf (_("Participant profile — %s"), full_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Korak");

  cr = cairo_create (surface);
  for (int page = 0; page < sheet->n_pages; page++)
    {
      draw_sheet_page (cr, sheet, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      display = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name. */
                   _("Could not save the profile to “%s”. Check that the folder exists, that you may write to it and that the disk is not full."),
                   display);
      return FALSE;
    }

  return TRUE;
}
