/* korak-document.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-document"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "korak-catalog.h"
#include "korak-document.h"

/* Geometry in points. */
#define MM                (72.0 / 25.4)
#define MARGIN            (18.0 * MM)
#define LOGO_HEIGHT       (14.0 * MM)
#define LOGO_GAP          10.0      /* logo to the organisation's name */
#define LETTERHEAD_RULE   6.0       /* letterhead text to its rule */
#define LETTERHEAD_AFTER  14.0      /* the rule to the body */
#define FOOTER_GAP        12.0      /* the body to the footer */
#define FOOTER_LINE_GAP   3.0       /* funder line to the page number */
#define FRAME_OUTER       (8.0 * MM)
#define FRAME_INNER       (10.0 * MM)
#define CELL_PAD_X        4.0
#define CELL_PAD_Y        3.0
#define FIELD_PAD_Y       5.0
#define LABEL_FRACTION    0.34
#define COLUMN_GAP        12.0
#define SIGNATURE_SPACE   32.0      /* room to sign above the line */
#define SIGNATURE_ROW_GAP 14.0
#define SIGNATURE_GAP     24.0
#define SIGNATURE_MAX     200.0
#define MIN_BODY          36.0      /* on absurdly small paper */
#define MIN_SPLIT_LINES   2
#define LONG_PARAGRAPH    20000     /* bytes: see dup_text() */
#define EPSILON           0.01

#define INK_BLACK         0.0, 0.0, 0.0
#define INK_DIM           0.33, 0.33, 0.33
#define INK_FRAME         0.2, 0.2, 0.2
#define INK_GRID          0.45, 0.45, 0.45
#define INK_RULE          0.72, 0.72, 0.72
#define TINT_HEADER       0.93, 0.93, 0.93
#define TINT_EMPHASIS     0.86, 0.86, 0.86

/* The first entries follow KorakTextStyle. */
typedef enum
{
  FONT_BODY,
  FONT_SMALL,
  FONT_LABEL,
  FONT_HEADING,
  FONT_TITLE,
  FONT_DISPLAY,
  FONT_LEAD,
  FONT_BODY_BOLD,
  FONT_SMALL_BOLD,
  FONT_ORGANISATION,
  FONT_ADDRESS,
  FONT_FOOTER,
  N_FONTS
} Font;

static const char *const font_names[N_FONTS] = {
  [FONT_BODY] = "Sans 10",
  [FONT_SMALL] = "Sans 8.5",
  [FONT_LABEL] = "Sans Bold 9",
  [FONT_HEADING] = "Sans Bold 12",
  [FONT_TITLE] = "Sans Bold 18",
  [FONT_DISPLAY] = "Serif Bold 28",
  [FONT_LEAD] = "Serif 14",
  [FONT_BODY_BOLD] = "Sans Bold 10",
  [FONT_SMALL_BOLD] = "Sans Bold 8.5",
  [FONT_ORGANISATION] = "Sans Bold 11",
  [FONT_ADDRESS] = "Sans 8.5",
  [FONT_FOOTER] = "Sans 8",
};

/* ------------------------------------------------------------------ model */

typedef struct
{
  char     **cells;      /* n_columns strings, never NULL */
  gboolean   emphasis;
} TableRow;

struct _KorakTable
{
  guint           n_columns;
  char          **headers;
  double         *weights;
  KorakAlign     *aligns;
  KorakTextStyle  style;
  double          min_row_height;
  gboolean        grid;
  GArray         *rows;           /* TableRow */
};

typedef enum
{
  BLOCK_TEXT,
  BLOCK_FIELD,
  BLOCK_TABLE,
  BLOCK_DRAWING,
  BLOCK_SIGNATURES,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind              kind;
  guint                  section;
  KorakTextStyle         style;
  KorakAlign             align;
  char                  *text;        /* text; a field's label */
  char                  *value;       /* a field's value; a pair's second text */
  char                  *label2;      /* a field's label in the second language */
  KorakTable            *table;
  double                 width;       /* drawing */
  double                 height;      /* drawing; space */
  KorakDocumentDrawFunc  draw;
  gpointer               user_data;
  GDestroyNotify         destroy;
  char                 **captions;    /* signatures */
  gboolean               place_date;
} Block;

/* ----------------------------------------------------------------- layout */

typedef struct
{
  PangoLayoutLine *line;  /* owned by the cell's layout */
  int              y0;    /* Pango units, within the cell's layout */
  int              y1;
  int              baseline;
  int              x;
} LineBox;

/* A line's vertical extent within its row, for finding where to split. */
typedef struct
{
  int top;              /* Pango units, within the row's text */
  int bottom;
} Stop;

typedef struct
{
  PangoLayout *layout;
  double       x;       /* the layout's left edge, from the content's left */
  int          dy;      /* Pango units: lowers a cell so first baselines meet */
  gboolean     dim;
  GArray      *lines;   /* LineBox, made when the row splits */
} Cell;

typedef enum
{
  ROW_TEXT,
  ROW_FIELD,
  ROW_TABLE,
  ROW_HEADER,
} RowKind;

/* A band of cells side by side: a paragraph (one cell), a field (label and
 * value) or a table row. Every splittable thing in a document is a row, so
 * one function breaks all of them between pages. */
typedef struct
{
  RowKind      kind;
  gboolean     emphasis;
  gboolean     keep;          /* moves whole to the next page when it fits there */
  guint        n_cells;
  Cell        *cells;
  double       pad;           /* above and below the text */
  double       min_height;
  int          extent;        /* Pango units: the text's height */
  GArray      *stops;         /* Stop, by top; made when the row splits */
  int         *rest_bottom;   /* the lowest bottom of stops[i…] */
  PangoLayout *continued;     /* a field's label on the pages after its first */
} Row;

typedef struct
{
  Row         *rows;
  guint        n_rows;
  Row         *header;        /* a table's, or NULL */
  double      *column_x;      /* a table's, from the content's left */
  double      *column_width;
  double       table_width;

  /* Drawings */
  double       x;
  double       width;
  double       height;
  double       scale;

  /* Signatures */
  PangoLayout *place_date;
  PangoLayout **captions;
  guint        n_captions;
  double       place_width;
  double       caption_width;
  double       place_height;
} BlockLayout;

typedef struct
{
  guint  block;
  int    row;                 /* -1 is a table's header */
  int    from;                /* Pango units of the row's text on this page */
  int    to;                  /* G_MAXINT: to the end */
  double y;
  double height;
} Piece;

typedef struct
{
  guint        section;
  guint        first_piece;
  guint        n_pieces;
  int          number;        /* 1-based, within its section */
  int          count;         /* pages in its section */
  PangoLayout *page_number;   /* made when first drawn */
} Page;

typedef struct
{
  PangoLayout *footer;        /* or NULL */
  double       bottom;        /* of the body */
} SectionLayout;

typedef struct
{
  double         width;
  double         height;
  double         content_x;
  double         content_width;
  double         body_top;

  /* Letterhead, made once per layout and drawn on every page */
  gboolean       has_letterhead;
  double         logo_scale;
  double         logo_height;
  double         text_x;
  double         text_y;
  double         text_width;
  PangoLayout   *organisation;
  PangoLayout   *address;
  double         rule_y;

  /* Footer */
  PangoLayout   *funder;
  double         number_height;
  double         footer_width;

  SectionLayout *sections;
  guint          n_sections;
  BlockLayout   *blocks;
  guint          n_blocks;
  GArray        *pieces;      /* Piece, in page order */
  GArray        *pages;       /* Page */
} Layout;

struct _KorakDocument
{
  char                 *title;
  char                 *author;
  KorakPaper            paper;
  gboolean              landscape;
  gboolean              frame;
  gboolean              page_numbers;

  char                 *organisation;
  char                 *address;
  char                 *funder_line;
  cairo_surface_t      *logo;         /* decoded once, drawn on every page */

  GArray               *blocks;       /* Block */
  GPtrArray            *footers;      /* char *, one per section */

  /* Fixed text in the second language of a bilingual document, or NULL */
  char                 *place_date2;
  char                 *page_format2;

  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  Layout               *layout;       /* the last one; NULL once the blocks change */
};

/* ------------------------------------------------------------------- text */

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Text as it goes into a layout: valid UTF-8, and no paragraph longer than
 * LONG_PARAGRAPH bytes. Pango shapes a paragraph in one go, and one of a
 * few hundred thousand bytes comes out with no glyphs at all (HarfBuzz's
 * limits); so a paragraph that long is broken, at a space where there is
 * one, into paragraphs of a few hundred lines each. */
static char *
dup_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out;
  const char *start;

  if (strlen (valid) <= LONG_PARAGRAPH)
    return g_steal_pointer (&valid);

  out = g_string_sized_new (strlen (valid) + 64);
  start = valid;
  while (*start != '\0')
    {
      const char *end = strchr (start, '\n');

      if (end == NULL)
        end = start + strlen (start);

      while (end - start > LONG_PARAGRAPH)
        {
          const char *cut = start + LONG_PARAGRAPH;

          while (cut > start + LONG_PARAGRAPH / 2 && *cut != ' ')
            cut--;
          if (*cut == ' ')
            {
              g_string_append_len (out, start, cut - start);
              start = cut + 1;
            }
          else
            {
              cut = g_utf8_find_prev_char (start, start + LONG_PARAGRAPH + 1);
              g_string_append_len (out, start, cut - start);
              start = cut;
            }
          g_string_append_c (out, '\n');
        }

      g_string_append_len (out, start, end - start);
      if (*end == '\0')
        break;
      g_string_append_c (out, '\n');
      start = end + 1;
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ paper */

/**
 * korak_paper_from_string:
 * @name: (nullable): "a4" or "letter"
 *
 * Returns: the paper, A4 for anything but "letter"
 */
KorakPaper
korak_paper_from_string (const char *name)
{
  if (name != NULL && g_ascii_strcasecmp (name, "letter") == 0)
    return KORAK_PAPER_LETTER;

  return KORAK_PAPER_A4;
}

const char *
korak_paper_to_string (KorakPaper paper)
{
  return paper == KORAK_PAPER_LETTER ? "letter" : "a4";
}

void
korak_paper_get_size (KorakPaper  paper,
                      gboolean    landscape,
                      double     *width,
                      double     *height)
{
  double w = KORAK_PAPER_A4_WIDTH;
  double h = KORAK_PAPER_A4_HEIGHT;

  if (paper == KORAK_PAPER_LETTER)
    {
      w = KORAK_PAPER_LETTER_WIDTH;
      h = KORAK_PAPER_LETTER_HEIGHT;
    }

  if (width != NULL)
    *width = landscape ? h : w;
  if (height != NULL)
    *height = landscape ? w : h;
}

/* ------------------------------------------------------------------ table */

static void
table_row_clear (gpointer data)
{
  TableRow *row = data;

  g_clear_pointer (&row->cells, g_strfreev);
}

/**
 * korak_table_new:
 * @n_columns: at least 1
 *
 * Returns: (transfer full): an empty table with equal columns, a grid and
 *   no header
 */
KorakTable *
korak_table_new (guint n_columns)
{
  KorakTable *table;

  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (KorakTable, 1);
  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  table->weights = g_new (double, n_columns);
  table->aligns = g_new0 (KorakAlign, n_columns);
  table->style = KORAK_TEXT_BODY;
  table->grid = TRUE;
  table->rows = g_array_new (FALSE, TRUE, sizeof (TableRow));
  g_array_set_clear_func (table->rows, table_row_clear);

  for (guint i = 0; i < n_columns; i++)
    table->weights[i] = 1.0;

  return table;
}

void
korak_table_free (KorakTable *table)
{
  if (table == NULL)
    return;

  /* Not g_strfreev(): a column with no header is a NULL in the middle. */
  for (guint i = 0; i < table->n_columns; i++)
    g_free (table->headers[i]);
  g_free (table->headers);
  g_free (table->weights);
  g_free (table->aligns);
  g_array_unref (table->rows);
  g_free (table);
}

void
korak_table_set_column (KorakTable *table,
                        guint       column,
                        const char *header,
                        double      weight,
                        KorakAlign  align)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);

  g_clear_pointer (&table->headers[column], g_free);
  if (header != NULL)
    table->headers[column] = dup_text (header);
  table->weights[column] = weight > 0 ? weight : 1.0;
  table->aligns[column] = align;
}

void
korak_table_set_text_style (KorakTable     *table,
                            KorakTextStyle  style)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (style <= KORAK_TEXT_LEAD);

  table->style = style;
}

void
korak_table_set_min_row_height (KorakTable *table,
                                double      points)
{
  g_return_if_fail (table != NULL);

  table->min_row_height = MAX (points, 0.0);
}

void
korak_table_set_grid (KorakTable *table,
                      gboolean    grid)
{
  g_return_if_fail (table != NULL);

  table->grid = !!grid;
}

guint
korak_table_add_row (KorakTable        *table,
                     const char *const *cells)
{
  TableRow row = { NULL, FALSE };

  g_return_val_if_fail (table != NULL, 0);

  row.cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *text = cells != NULL ? cells[i] : NULL;

      row.cells[i] = dup_text (text);
    }
  g_array_append_val (table->rows, row);

  return table->rows->len - 1;
}

void
korak_table_set_row_emphasis (KorakTable *table,
                              guint       row,
                              gboolean    emphasis)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->rows->len);

  g_array_index (table->rows, TableRow, row).emphasis = !!emphasis;
}

guint
korak_table_get_n_rows (KorakTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

static gboolean
table_has_header (const KorakTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (table->headers[i] != NULL)
      return TRUE;

  return FALSE;
}

/* ------------------------------------------------------------ layout data */

static void
row_clear (Row *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_clear_object (&row->cells[i].layout);
      g_clear_pointer (&row->cells[i].lines, g_array_unref);
    }
  g_clear_pointer (&row->cells, g_free);
  g_clear_pointer (&row->stops, g_array_unref);
  g_clear_pointer (&row->rest_bottom, g_free);
  g_clear_object (&row->continued);
}

static void
block_layout_clear (BlockLayout *block)
{
  for (guint i = 0; i < block->n_rows; i++)
    row_clear (&block->rows[i]);
  g_clear_pointer (&block->rows, g_free);

  if (block->header != NULL)
    row_clear (block->header);
  g_clear_pointer (&block->header, g_free);
  g_clear_pointer (&block->column_x, g_free);
  g_clear_pointer (&block->column_width, g_free);

  g_clear_object (&block->place_date);
  for (guint i = 0; i < block->n_captions; i++)
    g_clear_object (&block->captions[i]);
  g_clear_pointer (&block->captions, g_free);
}

static void
layout_free (Layout *layout)
{
  if (layout == NULL)
    return;

  g_clear_object (&layout->organisation);
  g_clear_object (&layout->address);
  g_clear_object (&layout->funder);

  for (guint i = 0; i < layout->n_sections; i++)
    g_clear_object (&layout->sections[i].footer);
  g_free (layout->sections);

  for (guint i = 0; i < layout->n_blocks; i++)
    block_layout_clear (&layout->blocks[i]);
  g_free (layout->blocks);

  if (layout->pages != NULL)
    {
      for (guint i = 0; i < layout->pages->len; i++)
        g_clear_object (&g_array_index (layout->pages, Page, i).page_number);
      g_array_unref (layout->pages);
    }
  g_clear_pointer (&layout->pieces, g_array_unref);
  g_free (layout);
}

static void
invalidate (KorakDocument *self)
{
  g_clear_pointer (&self->layout, layout_free);
}

/* Layout happens in a context of its own at 72 dpi with no hinting, so that
 * line breaks, and so page breaks, are the same on screen, paper and PDF. */
static void
ensure_context (KorakDocument *self)
{
  PangoFontMap *font_map;
  cairo_font_options_t *options;

  if (self->context != NULL)
    return;

  font_map = pango_cairo_font_map_get_default ();
  self->context = pango_font_map_create_context (font_map);

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_get_default ());

  for (guint i = 0; i < N_FONTS; i++)
    self->fonts[i] = pango_font_description_from_string (font_names[i]);
}

/* START and END are LEFT and RIGHT of a left-to-right paragraph; with
 * auto-dir, Pango mirrors them for a right-to-left one. */
static PangoAlignment
to_pango_alignment (KorakAlign align)
{
  switch (align)
    {
    case KORAK_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case KORAK_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case KORAK_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

/* @text is valid UTF-8 already: it was made so when it was added. */
static PangoLayout *
make_layout (KorakDocument *self,
             Font           font,
             double         width,
             KorakAlign     align,
             const char    *text)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, to_pango_alignment (align));
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* ------------------------------------------------------------------- rows */

static void
row_init (Row     *row,
          RowKind  kind,
          guint    n_cells)
{
  memset (row, 0, sizeof *row);
  row->kind = kind;
  row->n_cells = n_cells;
  row->cells = g_new0 (Cell, n_cells);
}

static void
row_finish (Row *row)
{
  row->extent = 0;
  for (guint i = 0; i < row->n_cells; i++)
    {
      int height;

      pango_layout_get_size (row->cells[i].layout, NULL, &height);
      row->extent = MAX (row->extent, row->cells[i].dy + height);
    }
}

static int
compare_stops (gconstpointer a,
               gconstpointer b)
{
  const Stop *sa = a;
  const Stop *sb = b;

  if (sa->top != sb->top)
    return sa->top < sb->top ? -1 : 1;

  return (sa->bottom > sb->bottom) - (sa->bottom < sb->bottom);
}

/* Line boxes are measured only for rows that split: most rows never do. */
static void
row_ensure_lines (Row *row)
{
  if (row->stops != NULL)
    return;

  row->stops = g_array_new (FALSE, FALSE, sizeof (Stop));
  for (guint i = 0; i < row->n_cells; i++)
    {
      Cell *cell = &row->cells[i];
      PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);

      cell->lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
      do
        {
          PangoRectangle logical;
          LineBox box;
          Stop stop;

          box.line = pango_layout_iter_get_line_readonly (iter);
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          pango_layout_iter_get_line_yrange (iter, &box.y0, &box.y1);
          box.baseline = pango_layout_iter_get_baseline (iter);
          box.x = logical.x;
          g_array_append_val (cell->lines, box);

          stop.top = box.y0 + cell->dy;
          stop.bottom = box.y1 + cell->dy;
          g_array_append_val (row->stops, stop);
        }
      while (pango_layout_iter_next_line (iter));

      pango_layout_iter_free (iter);
    }

  g_array_sort (row->stops, compare_stops);

  /* So that the rest of a row from any line is found at once, not by a
   * walk over every line on every page of a very long row. */
  row->rest_bottom = g_new (int, row->stops->len + 1);
  row->rest_bottom[row->stops->len] = 0;
  for (guint i = row->stops->len; i > 0; i--)
    row->rest_bottom[i - 1] = MAX (row->rest_bottom[i],
                                   g_array_index (row->stops, Stop, i - 1).bottom);
}

/* The first stop whose top is at or below @from. */
static guint
row_first_stop (Row *row,
                int  from)
{
  guint low = 0;
  guint high = row->stops->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (row->stops, Stop, mid).top < from)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* The height of the row's text from @from to its end, in Pango units. */
static int
row_rest_extent (Row *row,
                 int  from)
{
  if (from == 0)
    return row->extent;

  row_ensure_lines (row);
  return MAX (row->rest_bottom[row_first_stop (row, from)], from) - from;
}

static double
row_rest_height (Row *row,
                 int  from)
{
  double height = (double) row_rest_extent (row, from) / PANGO_SCALE + 2 * row->pad;

  if (from == 0)
    height = MAX (height, row->min_height);

  return height;
}

/* Finds where to cut the row's text so that the part from @from fits in
 * @avail (Pango units): every line that starts above the cut stays on this
 * page. Returns @from when not even one line fits, G_MAXINT when the rest
 * fits whole; @extent is the part's height and @n_lines its lines, counted
 * as distinct line tops. With @first, takes the first line however tall. */
static int
row_find_cut (Row      *row,
              int       from,
              int       avail,
              gboolean  first,
              int      *extent,
              int      *n_lines)
{
  int bottom = from;
  int prev_top = -1;
  int lines = 0;
  int cut = from;

  row_ensure_lines (row);
  *extent = 0;
  *n_lines = 0;

  for (guint i = row_first_stop (row, from); i < row->stops->len; i++)
    {
      const Stop *stop = &g_array_index (row->stops, Stop, i);

      /* A cut just above this line: all lines that start before it. */
      if (stop->top > from && stop->top != prev_top && lines > 0)
        {
          if (bottom - from > avail && !(first && lines == 1))
            return cut;

          cut = stop->top;
          *extent = bottom - from;
          *n_lines = lines;
          if (first && lines == 1)
            return cut;
        }

      if (stop->top != prev_top)
        lines++;
      prev_top = stop->top;
      bottom = MAX (bottom, stop->bottom);
    }

  if (bottom - from <= avail || (first && lines == 1))
    {
      *extent = bottom - from;
      *n_lines = lines;
      return G_MAXINT;
    }

  return cut;
}

/* How much of the row must fit where it starts: all of it when it keeps
 * together and fits on a page of @body points, else its first two lines. */
static double
row_min_start (Row    *row,
               double  body)
{
  double whole = row_rest_height (row, 0);
  int bottom = 0;
  int prev_top = -1;
  guint seen = 0;

  if (row->keep && whole <= body)
    return whole;

  row_ensure_lines (row);
  for (guint i = 0; i < row->stops->len; i++)
    {
      const Stop *stop = &g_array_index (row->stops, Stop, i);

      if (stop->top != prev_top)
        seen++;
      if (seen > MIN_SPLIT_LINES)
        return MIN (whole, (double) bottom / PANGO_SCALE + 2 * row->pad);

      prev_top = stop->top;
      bottom = MAX (bottom, stop->bottom);
    }

  return whole;
}

/* ----------------------------------------------------------- block layout */

static void
layout_text_block (KorakDocument *self,
                   Layout        *layout,
                   const Block   *block,
                   BlockLayout   *out)
{
  Row *row;

  out->rows = g_new0 (Row, 1);
  out->n_rows = 1;
  row = &out->rows[0];
  if (block->value != NULL)
    {
      /* A pair: two columns, each paragraph in its own direction. */
      double half = floor ((layout->content_width - 2 * COLUMN_GAP) / 2);

      row_init (row, ROW_TEXT, 2);
      row->cells[0].layout = make_layout (self, (Font) block->style, half, block->align, block->text);
      row->cells[1].layout = make_layout (self, (Font) block->style, half, block->align, block->value);
      row->cells[1].x = layout->content_width - half;
      row->cells[0].dim = row->cells[1].dim = block->style == KORAK_TEXT_LABEL;
    }
  else
    {
      row_init (row, ROW_TEXT, 1);
      row->cells[0].layout = make_layout (self, (Font) block->style, layout->content_width,
                                          block->align, block->text);
      row->cells[0].dim = block->style == KORAK_TEXT_LABEL;
    }
  /* Short display lines stay whole; paragraphs break between lines. */
  row->keep = block->style == KORAK_TEXT_HEADING ||
              block->style == KORAK_TEXT_TITLE ||
              block->style == KORAK_TEXT_DISPLAY;
  row_finish (row);
}

/* Label, value, and the label in the second language at the other side,
 * all on one baseline. */
static void
layout_field_pair_block (KorakDocument *self,
                         Layout        *layout,
                         const Block   *block,
                         BlockLayout   *out)
{
  double label_width = floor (layout->content_width * LABEL_FRACTION * 0.75);
  double value_width = layout->content_width - 2 * (label_width + COLUMN_GAP);
  const char *texts[3] = { block->text, block->value, block->label2 };
  int baselines[3];
  int top = 0;
  Row *row;

  out->rows = g_new0 (Row, 1);
  out->n_rows = 1;
  row = &out->rows[0];
  row_init (row, ROW_FIELD, 3);
  row->keep = TRUE;
  row->pad = FIELD_PAD_Y;

  for (guint i = 0; i < 3; i++)
    {
      Cell *cell = &row->cells[i];

      cell->layout = make_layout (self, i == 1 ? FONT_BODY : FONT_LABEL,
                                  i == 1 ? value_width : label_width, KORAK_ALIGN_START, texts[i]);
      cell->dim = i != 1;
      cell->x = i == 0 ? 0.0 : i == 1 ? label_width + COLUMN_GAP : layout->content_width - label_width;
      baselines[i] = pango_layout_get_baseline (cell->layout);
      top = MAX (top, baselines[i]);
    }
  for (guint i = 0; i < 3; i++)
    row->cells[i].dy = top - baselines[i];

  row_finish (row);
}

static void
layout_field_block (KorakDocument *self,
                    Layout        *layout,
                    const Block   *block,
                    BlockLayout   *out)
{
  double label_width = floor (layout->content_width * LABEL_FRACTION);
  double value_width = layout->content_width - label_width - COLUMN_GAP;
  Cell *label, *value;
  int label_baseline, value_baseline;
  Row *row;

  if (block->label2 != NULL)
    {
      layout_field_pair_block (self, layout, block, out);
      return;
    }

  out->rows = g_new0 (Row, 1);
  out->n_rows = 1;
  row = &out->rows[0];
  row_init (row, ROW_FIELD, 2);
  row->keep = TRUE;
  row->pad = FIELD_PAD_Y;

  label = &row->cells[0];
  label->layout = make_layout (self, FONT_LABEL, label_width, KORAK_ALIGN_START, block->text);
  label->dim = TRUE;

  value = &row->cells[1];
  value->layout = make_layout (self, FONT_BODY, value_width, KORAK_ALIGN_START, block->value);
  value->x = label_width + COLUMN_GAP;

  /* The label's first baseline meets the value's. */
  label_baseline = pango_layout_get_baseline (label->layout);
  value_baseline = pango_layout_get_baseline (value->layout);
  if (value_baseline > label_baseline)
    label->dy = value_baseline - label_baseline;
  else
    value->dy = label_baseline - value_baseline;

  row_finish (row);
}

static void
layout_table_cells (KorakDocument     *self,
                    const KorakTable  *table,
                    BlockLayout       *out,
                    Row               *row,
                    RowKind            kind,
                    Font               font,
                    char *const       *texts)
{
  row_init (row, kind, table->n_columns);
  row->pad = CELL_PAD_Y;
  row->keep = TRUE;

  for (guint c = 0; c < table->n_columns; c++)
    {
      Cell *cell = &row->cells[c];

      cell->x = out->column_x[c] + CELL_PAD_X;
      cell->layout = make_layout (self, font, out->column_width[c] - 2 * CELL_PAD_X,
                                  table->aligns[c], texts[c] != NULL ? texts[c] : "");
    }

  row_finish (row);
}

static void
layout_table_block (KorakDocument *self,
                    Layout        *layout,
                    const Block   *block,
                    BlockLayout   *out)
{
  const KorakTable *table = block->table;
  double total = 0.0;
  double x = 0.0;
  Font font = (Font) table->style;
  Font bold = font;

  if (table->style == KORAK_TEXT_BODY)
    bold = FONT_BODY_BOLD;
  else if (table->style == KORAK_TEXT_SMALL)
    bold = FONT_SMALL_BOLD;

  out->column_x = g_new (double, table->n_columns);
  out->column_width = g_new (double, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    total += table->weights[c];
  for (guint c = 0; c < table->n_columns; c++)
    {
      out->column_x[c] = x;
      out->column_width[c] = layout->content_width * table->weights[c] / total;
      x += out->column_width[c];
    }
  out->table_width = layout->content_width;

  if (table_has_header (table))
    {
      out->header = g_new0 (Row, 1);
      layout_table_cells (self, table, out, out->header, ROW_HEADER, bold, table->headers);
    }

  out->n_rows = table->rows->len;
  out->rows = g_new0 (Row, MAX (out->n_rows, 1));
  for (guint r = 0; r < out->n_rows; r++)
    {
      const TableRow *source = &g_array_index (table->rows, TableRow, r);
      Row *row = &out->rows[r];

      layout_table_cells (self, table, out, row, ROW_TABLE,
                          source->emphasis ? bold : font, source->cells);
      row->emphasis = source->emphasis;
      row->min_height = table->min_row_height;
    }
}

static void
layout_signatures_block (KorakDocument *self,
                         Layout        *layout,
                         const Block   *block,
                         BlockLayout   *out)
{
  double width = layout->content_width;
  double caption_height = 0.0;
  guint n = block->captions != NULL ? g_strv_length (block->captions) : 0;

  out->height = 0.0;

  if (block->place_date)
    {
      out->place_width = MIN (width * 0.45, 220.0);
      g_autofree char *text = NULL;

      if (self->place_date2 != NULL)
        text = g_strdup_printf ("%s\n%s", _("Place and date"), self->place_date2);
      else
        text = g_strdup (_("Place and date"));
      out->place_date = make_layout (self, FONT_SMALL, out->place_width, KORAK_ALIGN_START, text);
      out->place_height = SIGNATURE_SPACE + 3.0 + layout_height (out->place_date);
      out->height = out->place_height;
    }

  if (n == 0)
    return;

  out->n_captions = n;
  out->caption_width = MIN ((width - (n - 1) * SIGNATURE_GAP) / n, SIGNATURE_MAX);
  out->captions = g_new0 (PangoLayout *, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *valid = dup_text (block->captions[i]);

      out->captions[i] = make_layout (self, FONT_SMALL, out->caption_width,
                                      KORAK_ALIGN_CENTER, valid);
      caption_height = MAX (caption_height, layout_height (out->captions[i]));
    }

  if (out->height > 0)
    out->height += SIGNATURE_ROW_GAP;
  out->height += SIGNATURE_SPACE + 3.0 + caption_height;
}

static void
layout_letterhead (KorakDocument *self,
                   Layout        *layout)
{
  double logo_width = 0.0;
  double text_height = 0.0;

  layout->has_letterhead = self->logo != NULL ||
                           !is_empty (self->organisation) ||
                           !is_empty (self->address);
  layout->body_top = MARGIN;
  if (!layout->has_letterhead)
    return;

  if (self->logo != NULL)
    {
      double w = cairo_image_surface_get_width (self->logo);
      double h = cairo_image_surface_get_height (self->logo);

      layout->logo_scale = LOGO_HEIGHT / h;
      /* A very wide logo is scaled by its width instead. */
      if (w * layout->logo_scale > layout->content_width * 0.4)
        layout->logo_scale = layout->content_width * 0.4 / w;
      logo_width = w * layout->logo_scale;
      layout->logo_height = h * layout->logo_scale;
    }

  layout->text_x = layout->content_x + (logo_width > 0 ? logo_width + LOGO_GAP : 0.0);
  layout->text_width = layout->content_x + layout->content_width - layout->text_x;

  if (!is_empty (self->organisation))
    {
      layout->organisation = make_layout (self, FONT_ORGANISATION, layout->text_width,
                                          KORAK_ALIGN_START, self->organisation);
      text_height += layout_height (layout->organisation);
    }
  if (!is_empty (self->address))
    {
      layout->address = make_layout (self, FONT_ADDRESS, layout->text_width,
                                     KORAK_ALIGN_START, self->address);
      text_height += (text_height > 0 ? 2.0 : 0.0) + layout_height (layout->address);
    }

  /* Beside the logo, the name and address are centred on it. */
  layout->text_y = MARGIN + MAX (layout->logo_height - text_height, 0.0) / 2.0;
  layout->rule_y = MARGIN + MAX (layout->logo_height, text_height) + LETTERHEAD_RULE;
  layout->body_top = layout->rule_y + LETTERHEAD_AFTER;
}

static void
layout_footers (KorakDocument *self,
                Layout        *layout)
{
  double funder_height = 0.0;

  if (!is_empty (self->funder_line))
    {
      layout->funder = make_layout (self, FONT_FOOTER, layout->content_width,
                                    KORAK_ALIGN_CENTER, self->funder_line);
      funder_height = layout_height (layout->funder);
    }

  if (self->page_numbers)
    {
      g_autoptr(PangoLayout) sample = make_layout (self, FONT_FOOTER, layout->content_width,
                                                   KORAK_ALIGN_END, "1");

      layout->number_height = layout_height (sample);
    }
  layout->footer_width = self->page_numbers ? layout->content_width * 0.65 : layout->content_width;

  layout->n_sections = self->footers->len;
  layout->sections = g_new0 (SectionLayout, layout->n_sections);
  for (guint i = 0; i < layout->n_sections; i++)
    {
      SectionLayout *section = &layout->sections[i];
      const char *text = g_ptr_array_index (self->footers, i);
      double row_height = layout->number_height;
      double height = funder_height;

      if (!is_empty (text))
        {
          section->footer = make_layout (self, FONT_FOOTER, layout->footer_width,
                                         KORAK_ALIGN_START, text);
          row_height = MAX (row_height, layout_height (section->footer));
        }

      if (row_height > 0)
        height += (height > 0 ? FOOTER_LINE_GAP : 0.0) + row_height;

      section->bottom = layout->height - MARGIN - (height > 0 ? height + FOOTER_GAP : 0.0);
      section->bottom = MAX (section->bottom, layout->body_top + MIN_BODY);
    }
}

static void
layout_blocks (KorakDocument *self,
               Layout        *layout)
{
  layout->n_blocks = self->blocks->len;
  layout->blocks = g_new0 (BlockLayout, MAX (layout->n_blocks, 1));

  for (guint i = 0; i < layout->n_blocks; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      BlockLayout *out = &layout->blocks[i];
      double body = layout->sections[block->section].bottom - layout->body_top;

      switch (block->kind)
        {
        case BLOCK_TEXT:
          layout_text_block (self, layout, block, out);
          break;

        case BLOCK_FIELD:
          layout_field_block (self, layout, block, out);
          break;

        case BLOCK_TABLE:
          layout_table_block (self, layout, block, out);
          break;

        case BLOCK_DRAWING:
          out->width = block->width > 0 ? MIN (block->width, layout->content_width)
                                        : layout->content_width;
          out->height = MAX (block->height, 1.0);
          /* Taller than a page: scaled down to fit one. */
          out->scale = out->height > body ? body / out->height : 1.0;
          out->x = (layout->content_width - out->width * out->scale) / 2.0;
          break;

        case BLOCK_SIGNATURES:
          layout_signatures_block (self, layout, block, out);
          break;

        case BLOCK_SPACE:
          out->height = block->height;
          break;

        case BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
}

/* ------------------------------------------------------------- pagination */

typedef struct
{
  Layout    *layout;
  Page      *page;        /* the last of layout->pages */
  double     y;
  double     top;         /* of the body */
  double     bottom;
  double     page_top;    /* below a repeated table header */
  double     gap_after;   /* wanted below the block above */
  BlockKind  prev_kind;
  gboolean   natural;     /* the page began because the last one was full */
} Paginator;

static void
paginator_page (Paginator *p,
                guint      section,
                gboolean   natural)
{
  Page page = { 0 };

  page.section = section;
  page.first_piece = p->layout->pieces->len;
  g_array_append_val (p->layout->pages, page);

  p->page = &g_array_index (p->layout->pages, Page, p->layout->pages->len - 1);
  p->top = p->layout->body_top;
  p->bottom = p->layout->sections[section].bottom;
  p->y = p->top;
  p->page_top = p->top;
  p->gap_after = 0.0;
  p->natural = natural;
}

static void
paginator_next_page (Paginator *p)
{
  paginator_page (p, p->page->section, TRUE);
}

static gboolean
at_top (Paginator *p)
{
  return p->y <= p->page_top + EPSILON;
}

static void
add_piece (Paginator *p,
           guint      block,
           int        row,
           int        from,
           int        to,
           double     height)
{
  Piece piece = { block, row, from, to, p->y, height };

  g_array_append_val (p->layout->pieces, piece);
  p->page->n_pieces++;
  p->y += height;
}

static double
gap_before (const Block *block,
            BlockKind    prev_kind)
{
  switch (block->kind)
    {
    case BLOCK_TEXT:
      return block->style == KORAK_TEXT_HEADING ? 12.0 : 0.0;
    case BLOCK_FIELD:
      return prev_kind == BLOCK_FIELD ? 0.0 : 4.0;
    case BLOCK_TABLE:
    case BLOCK_DRAWING:
      return 6.0;
    case BLOCK_SIGNATURES:
      return 24.0;
    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    default:
      return 0.0;
    }
}

static double
gap_after (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_TEXT:
      switch (block->style)
        {
        case KORAK_TEXT_HEADING:
          return 4.0;
        case KORAK_TEXT_TITLE:
        case KORAK_TEXT_DISPLAY:
          return 10.0;
        case KORAK_TEXT_BODY:
        case KORAK_TEXT_SMALL:
        case KORAK_TEXT_LABEL:
        case KORAK_TEXT_LEAD:
        default:
          return 6.0;
        }
    case BLOCK_FIELD:
      return 8.0;     /* fields that follow each other touch: see begin_block() */
    case BLOCK_TABLE:
    case BLOCK_DRAWING:
    case BLOCK_SIGNATURES:
      return 10.0;
    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    default:
      return 0.0;
    }
}

/* Moves to where @block starts: below the gap after the block above, or to
 * the top of a new page when @need points do not fit on this one. */
static void
begin_block (Paginator   *p,
             const Block *block,
             double       need)
{
  double gap = 0.0;

  if (!at_top (p))
    {
      if (block->kind == BLOCK_FIELD && p->prev_kind == BLOCK_FIELD)
        gap = 0.0;
      else
        gap = MAX (p->gap_after, gap_before (block, p->prev_kind));

      if (p->y + gap + need > p->bottom + EPSILON)
        {
          paginator_next_page (p);
          gap = 0.0;
        }
    }

  p->y += gap;
}

static void
end_block (Paginator   *p,
           const Block *block)
{
  p->gap_after = gap_after (block);
  p->prev_kind = block->kind;
}

/* A new page for a row that goes on; a table repeats its header on it. */
static void
continue_on_next_page (Paginator *p,
                       guint      block,
                       Row       *header)
{
  paginator_next_page (p);
  if (header == NULL)
    return;

  add_piece (p, block, -1, 0, G_MAXINT, row_rest_height (header, 0));
  p->page_top = p->y;
}

/* Places a row top to bottom. A row that does not fit in what is left of
 * the page goes whole to the next page when it is a table row or a field
 * and fits there; else it splits between lines, leaving at least two lines
 * behind, or one when even that is all a page holds. */
static void
place_row (Paginator *p,
           guint      block,
           int        index,
           Row       *row,
           Row       *header)
{
  double header_height = header != NULL ? row_rest_height (header, 0) : 0.0;
  int from = 0;

  for (;;)
    {
      double avail = p->bottom - p->y;
      double fresh = p->bottom - p->top - header_height;
      double rest = row_rest_height (row, from);
      int avail_units, extent, n_lines, cut;

      if (rest <= avail + EPSILON)
        {
          add_piece (p, block, index, from, G_MAXINT, rest);
          return;
        }

      if (!at_top (p) && from == 0 && row->keep && rest <= fresh + EPSILON)
        {
          continue_on_next_page (p, block, header);
          continue;
        }

      avail_units = (int) floor ((avail - 2 * row->pad + EPSILON) * PANGO_SCALE);
      cut = row_find_cut (row, from, MAX (avail_units, -1), FALSE, &extent, &n_lines);
      if (!at_top (p) && (cut == from || (from == 0 && n_lines < MIN_SPLIT_LINES)))
        {
          continue_on_next_page (p, block, header);
          continue;
        }

      /* A line taller than a whole page still has to go somewhere. */
      if (cut == from)
        cut = row_find_cut (row, from, 0, TRUE, &extent, &n_lines);

      if (cut == G_MAXINT)
        {
          /* Only the row's minimum height was too much. */
          add_piece (p, block, index, from, G_MAXINT, MIN (rest, MAX (avail, 0.0)));
          return;
        }

      add_piece (p, block, index, from, cut, (double) extent / PANGO_SCALE + 2 * row->pad);
      from = cut;
      continue_on_next_page (p, block, header);
    }
}

/* What of @block must fit below a heading for the heading to stay there. */
static double
block_min_start (Layout      *layout,
                 const Block *block,
                 BlockLayout *out,
                 double       body)
{
  switch (block->kind)
    {
    case BLOCK_TEXT:
    case BLOCK_FIELD:
      return row_min_start (&out->rows[0], body);

    case BLOCK_TABLE:
      {
        double header = out->header != NULL ? row_rest_height (out->header, 0) : 0.0;

        if (out->n_rows == 0)
          return header;
        return header + row_min_start (&out->rows[0], body - header);
      }

    case BLOCK_DRAWING:
      return out->height * out->scale;

    case BLOCK_SIGNATURES:
      return out->height;

    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    default:
      return 0.0;
    }
}

/* The heading @b, the space below it and the start of the block it is
 * about (past any add_space()), which must fit together. */
static double
heading_need (KorakDocument *self,
              Layout        *layout,
              guint          b,
              double         body)
{
  const Block *heading = &g_array_index (self->blocks, Block, b);
  double need = row_rest_height (&layout->blocks[b].rows[0], 0);
  double gap = gap_after (heading);
  BlockKind prev_kind = heading->kind;

  for (guint i = b + 1; i < layout->n_blocks; i++)
    {
      const Block *next = &g_array_index (self->blocks, Block, i);

      if (next->kind == BLOCK_PAGE_BREAK)
        break;

      if (next->kind == BLOCK_SPACE)
        {
          need += gap + next->height;
          gap = 0.0;
          prev_kind = BLOCK_SPACE;
          continue;
        }

      return need + MAX (gap, gap_before (next, prev_kind)) +
             block_min_start (layout, next, &layout->blocks[i], body);
    }

  return need;
}

static void
paginate (KorakDocument *self,
          Layout        *layout)
{
  Paginator p = { layout };

  layout->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  layout->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  paginator_page (&p, 0, FALSE);
  p.prev_kind = BLOCK_PAGE_BREAK;

  for (guint b = 0; b < layout->n_blocks; b++)
    {
      const Block *block = &g_array_index (self->blocks, Block, b);
      BlockLayout *out = &layout->blocks[b];
      double body = p.bottom - p.top;

      switch (block->kind)
        {
        case BLOCK_TEXT:
          {
            double need = 0.0;

            /* A heading is never alone at the foot of a page. */
            if (block->style == KORAK_TEXT_HEADING)
              need = MIN (heading_need (self, layout, b, body), body);

            begin_block (&p, block, need);
            place_row (&p, b, 0, &out->rows[0], NULL);
          }
          break;

        case BLOCK_FIELD:
          begin_block (&p, block, 0.0);
          place_row (&p, b, 0, &out->rows[0], NULL);
          break;

        case BLOCK_TABLE:
          {
            double header = out->header != NULL ? row_rest_height (out->header, 0) : 0.0;
            double need = MIN (block_min_start (layout, block, out, body), body);

            begin_block (&p, block, need);
            if (out->header != NULL)
              {
                gboolean top = at_top (&p);

                add_piece (&p, b, -1, 0, G_MAXINT, header);
                if (top)
                  p.page_top = p.y;
              }
            for (guint r = 0; r < out->n_rows; r++)
              place_row (&p, b, (int) r, &out->rows[r], out->header);
          }
          break;

        case BLOCK_DRAWING:
          begin_block (&p, block, out->height * out->scale);
          add_piece (&p, b, 0, 0, G_MAXINT, out->height * out->scale);
          break;

        case BLOCK_SIGNATURES:
          begin_block (&p, block, out->height);
          add_piece (&p, b, 0, 0, G_MAXINT, out->height);
          break;

        case BLOCK_SPACE:
          /* Space is dropped at the top of a page the text flowed onto,
           * kept at the top of a document or a section (a certificate). */
          if (!(at_top (&p) && p.natural))
            p.y += out->height;
          p.gap_after = 0.0;
          p.prev_kind = BLOCK_SPACE;
          continue;

        case BLOCK_PAGE_BREAK:
          if (p.page->n_pieces > 0 || p.y > p.top + EPSILON)
            paginator_page (&p, block->section, FALSE);
          else
            {
              p.page->section = block->section;
              p.bottom = layout->sections[block->section].bottom;
            }
          p.prev_kind = BLOCK_PAGE_BREAK;
          continue;

        default:
          continue;
        }

      end_block (&p, block);
    }

  /* A trailing page break leaves an empty page: not printed. */
  if (layout->pages->len > 1 && p.page->n_pieces == 0)
    g_array_set_size (layout->pages, layout->pages->len - 1);

  /* Page numbers count within each section. */
  for (guint i = 0; i < layout->pages->len;)
    {
      guint section = g_array_index (layout->pages, Page, i).section;
      guint end = i;

      while (end < layout->pages->len &&
             g_array_index (layout->pages, Page, end).section == section)
        end++;

      for (guint j = i; j < end; j++)
        {
          Page *page = &g_array_index (layout->pages, Page, j);

          page->number = (int) (j - i) + 1;
          page->count = (int) (end - i);
        }
      i = end;
    }
}

static Layout *
layout_new (KorakDocument *self,
            double         width,
            double         height)
{
  Layout *layout = g_new0 (Layout, 1);

  ensure_context (self);

  layout->width = width;
  layout->height = height;
  layout->content_x = MARGIN;
  layout->content_width = MAX (width - 2 * MARGIN, 40.0);

  layout_letterhead (self, layout);
  layout_footers (self, layout);
  layout_blocks (self, layout);
  paginate (self, layout);

  return layout;
}

/* ---------------------------------------------------------------- drawing */

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

/* The text of a row between @from and @to, at (@x, @y) for @from. Whole
 * rows are shown in one go; a part shows only its own lines, each at its
 * baseline, so no hidden text goes into the PDF. */
static void
draw_row_text (cairo_t *cr,
               Row     *row,
               double   x,
               double   y,
               int      from,
               int      to)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      Cell *cell = &row->cells[i];
      guint low, high;

      if (cell->dim)
        cairo_set_source_rgb (cr, INK_DIM);
      else
        cairo_set_source_rgb (cr, INK_BLACK);

      if (from == 0 && to == G_MAXINT)
        {
          show_layout (cr, cell->layout, x + cell->x, y + (double) cell->dy / PANGO_SCALE);
          continue;
        }

      /* A field's label goes on as "… (continued)" instead (and one in
       * the second language is not repeated). */
      if (from > 0 && row->kind == ROW_FIELD && i != 1)
        continue;

      row_ensure_lines (row);

      /* The cell's first line at or below @from. */
      low = 0;
      high = cell->lines->len;
      while (low < high)
        {
          guint mid = low + (high - low) / 2;

          if (g_array_index (cell->lines, LineBox, mid).y0 + cell->dy < from)
            low = mid + 1;
          else
            high = mid;
        }

      for (guint l = low; l < cell->lines->len; l++)
        {
          const LineBox *box = &g_array_index (cell->lines, LineBox, l);

          if (box->y0 + cell->dy >= to)
            break;

          cairo_move_to (cr,
                         x + cell->x + (double) box->x / PANGO_SCALE,
                         y + (double) (box->baseline + cell->dy - from) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, box->line);
        }
    }
}

static PangoLayout *
field_continued_label (KorakDocument *self,
                       Row           *row)
{
  if (row->continued == NULL)
    {
      Cell *label = &row->cells[0];
      g_autofree char *text = NULL;
      int width;

      /* Translators: the label of a long value that goes on from the
       * previous page, e.g. "Address (continued)". */
      text = g_strdup_printf (_("%s (continued)"), pango_layout_get_text (label->layout));
      width = pango_layout_get_width (label->layout);
      row->continued = make_layout (self, FONT_LABEL, (double) width / PANGO_SCALE,
                                    KORAK_ALIGN_START, text);
    }

  return row->continued;
}

static void
draw_table_piece (cairo_t     *cr,
                  Layout      *layout,
                  BlockLayout *out,
                  const Block *block,
                  Row         *row,
                  const Piece *piece)
{
  double x = layout->content_x;
  double y = piece->y;
  double h = piece->height;
  gboolean grid = block->table->grid;

  if (row->kind == ROW_HEADER || row->emphasis)
    {
      if (row->emphasis)
        cairo_set_source_rgb (cr, TINT_EMPHASIS);
      else
        cairo_set_source_rgb (cr, TINT_HEADER);
      cairo_rectangle (cr, x, y, out->table_width, h);
      cairo_fill (cr);
    }

  draw_row_text (cr, row, x, y + row->pad, piece->from, piece->to);

  if (grid)
    {
      cairo_set_source_rgb (cr, INK_GRID);
      cairo_set_line_width (cr, 0.5);
      for (guint c = 0; c < block->table->n_columns; c++)
        cairo_rectangle (cr, x + out->column_x[c], y, out->column_width[c], h);
      cairo_stroke (cr);
    }
  else if (row->kind == ROW_HEADER)
    {
      cairo_set_source_rgb (cr, INK_BLACK);
      hairline (cr, x, x + out->table_width, y + h, 0.75);
    }
  else
    {
      cairo_set_source_rgb (cr, INK_RULE);
      hairline (cr, x, x + out->table_width, y + h, 0.5);
    }
}

static void
draw_signatures (cairo_t     *cr,
                 Layout      *layout,
                 BlockLayout *out,
                 double       y)
{
  double x = layout->content_x;
  double width = layout->content_width;

  if (out->place_date != NULL)
    {
      cairo_set_source_rgb (cr, INK_BLACK);
      hairline (cr, x, x + out->place_width, y + SIGNATURE_SPACE, 0.75);
      cairo_set_source_rgb (cr, INK_DIM);
      show_layout (cr, out->place_date, x, y + SIGNATURE_SPACE + 3.0);
      y += out->place_height + SIGNATURE_ROW_GAP;
    }

  for (guint i = 0; i < out->n_captions; i++)
    {
      double column_x;

      /* One signature sits at the end; more spread across the width. */
      if (out->n_captions == 1)
        column_x = x + width - out->caption_width;
      else
        column_x = x + i * (width - out->caption_width) / (out->n_captions - 1);

      cairo_set_source_rgb (cr, INK_BLACK);
      hairline (cr, column_x, column_x + out->caption_width, y + SIGNATURE_SPACE, 0.75);
      cairo_set_source_rgb (cr, INK_DIM);
      show_layout (cr, out->captions[i], column_x, y + SIGNATURE_SPACE + 3.0);
    }
}

static void
draw_piece (KorakDocument *self,
            Layout        *layout,
            cairo_t       *cr,
            const Piece   *piece)
{
  const Block *block = &g_array_index (self->blocks, Block, piece->block);
  BlockLayout *out = &layout->blocks[piece->block];
  double x = layout->content_x;

  switch (block->kind)
    {
    case BLOCK_TEXT:
      draw_row_text (cr, &out->rows[0], x, piece->y, piece->from, piece->to);
      break;

    case BLOCK_FIELD:
      {
        Row *row = &out->rows[0];
        double top = piece->y + row->pad;

        draw_row_text (cr, row, x, top, piece->from, piece->to);
        if (piece->from > 0)
          {
            cairo_set_source_rgb (cr, INK_DIM);
            show_layout (cr, field_continued_label (self, row), x, top);
          }

        cairo_set_source_rgb (cr, INK_RULE);
        hairline (cr, x, x + layout->content_width, piece->y + piece->height, 0.5);
      }
      break;

    case BLOCK_TABLE:
      draw_table_piece (cr, layout, out, block,
                        piece->row < 0 ? out->header : &out->rows[piece->row], piece);
      break;

    case BLOCK_DRAWING:
      if (block->draw == NULL)
        break;
      cairo_save (cr);
      cairo_translate (cr, x + out->x, piece->y);
      cairo_scale (cr, out->scale, out->scale);
      cairo_rectangle (cr, 0, 0, out->width, out->height);
      cairo_clip (cr);
      cairo_new_path (cr);
      cairo_set_source_rgb (cr, INK_BLACK);
      block->draw (cr, out->width, out->height, block->user_data);
      cairo_restore (cr);
      break;

    case BLOCK_SIGNATURES:
      draw_signatures (cr, layout, out, piece->y);
      break;

    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

static void
draw_frame (cairo_t *cr,
            Layout  *layout)
{
  cairo_set_source_rgb (cr, INK_FRAME);
  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, FRAME_OUTER, FRAME_OUTER,
                   layout->width - 2 * FRAME_OUTER, layout->height - 2 * FRAME_OUTER);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, FRAME_INNER, FRAME_INNER,
                   layout->width - 2 * FRAME_INNER, layout->height - 2 * FRAME_INNER);
  cairo_stroke (cr);
}

static void
draw_letterhead (KorakDocument *self,
                 Layout        *layout,
                 cairo_t       *cr)
{
  double y = layout->text_y;

  if (!layout->has_letterhead)
    return;

  if (self->logo != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, layout->content_x, MARGIN);
      cairo_scale (cr, layout->logo_scale, layout->logo_scale);
      cairo_set_source_surface (cr, self->logo, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  if (layout->organisation != NULL)
    {
      cairo_set_source_rgb (cr, INK_BLACK);
      show_layout (cr, layout->organisation, layout->text_x, y);
      y += layout_height (layout->organisation) + 2.0;
    }
  if (layout->address != NULL)
    {
      cairo_set_source_rgb (cr, INK_DIM);
      show_layout (cr, layout->address, layout->text_x, y);
    }

  cairo_set_source_rgb (cr, INK_RULE);
  hairline (cr, layout->content_x, layout->content_x + layout->content_width,
            layout->rule_y, 0.75);
}

static void
draw_footer (KorakDocument *self,
             Layout        *layout,
             cairo_t       *cr,
             Page          *page)
{
  SectionLayout *section = &layout->sections[page->section];
  double bottom = layout->height - MARGIN;
  double row_height = 0.0;

  cairo_set_source_rgb (cr, INK_DIM);

  if (self->page_numbers)
    {
      if (page->page_number == NULL)
        {
          g_autofree char *text = NULL;

          /* Translators: at the bottom of each printed page; the first %d is this
           * page's number, the second the number of pages. */
          text = g_strdup_printf (_("Page %d of %d"), page->number, page->count);
          if (self->page_format2 != NULL)
            {
              g_autofree char *number = g_strdup_printf ("%d", page->number);
              g_autofree char *count = g_strdup_printf ("%d", page->count);
              const char *args[] = { number, count };
              g_autofree char *second = korak_catalog_format (self->page_format2, args, 2, FALSE);

              if (second != NULL)
                {
                  char *both = g_strdup_printf ("%s · %s", text, second);

                  g_free (text);
                  text = both;
                }
            }
          page->page_number = make_layout (self, FONT_FOOTER, layout->content_width * 0.35,
                                           KORAK_ALIGN_END, text);
        }

      row_height = layout_height (page->page_number);
      show_layout (cr, page->page_number,
                   layout->content_x + layout->content_width * 0.65, bottom - row_height);
    }

  if (section->footer != NULL)
    {
      double height = layout_height (section->footer);

      show_layout (cr, section->footer, layout->content_x, bottom - height);
      row_height = MAX (row_height, height);
    }

  if (layout->funder != NULL)
    {
      double y = bottom - row_height - (row_height > 0 ? FOOTER_LINE_GAP : 0.0);

      show_layout (cr, layout->funder, layout->content_x, y - layout_height (layout->funder));
    }
}

static void
draw_page (KorakDocument *self,
           Layout        *layout,
           cairo_t       *cr,
           int            index)
{
  Page *page = &g_array_index (layout->pages, Page, index);

  cairo_save (cr);
  cairo_new_path (cr);

  if (self->frame)
    draw_frame (cr, layout);
  draw_letterhead (self, layout, cr);

  for (guint i = 0; i < page->n_pieces; i++)
    draw_piece (self, layout, cr,
                &g_array_index (layout->pieces, Piece, page->first_piece + i));

  draw_footer (self, layout, cr, page);

  cairo_restore (cr);
}

/* --------------------------------------------------------------- document */

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->text, g_free);
  g_clear_pointer (&block->value, g_free);
  g_clear_pointer (&block->label2, g_free);
  g_clear_pointer (&block->table, korak_table_free);
  g_clear_pointer (&block->captions, g_strfreev);
  if (block->destroy != NULL)
    g_clear_pointer (&block->user_data, block->destroy);
}

/**
 * korak_document_new:
 * @title: (nullable): the document's title, for the PDF and the print job
 * @author: (nullable): its author, for the PDF
 *
 * Returns: (transfer full): an empty A4 portrait document with page numbers
 */
KorakDocument *
korak_document_new (const char *title,
                    const char *author)
{
  KorakDocument *self = g_new0 (KorakDocument, 1);

  self->title = g_utf8_make_valid (title != NULL ? title : "", -1);
  self->author = g_utf8_make_valid (author != NULL ? author : "", -1);
  self->paper = KORAK_PAPER_A4;
  self->page_numbers = TRUE;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->footers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->footers, NULL);

  return self;
}

void
korak_document_free (KorakDocument *document)
{
  if (document == NULL)
    return;

  invalidate (document);
  g_free (document->title);
  g_free (document->author);
  g_free (document->organisation);
  g_free (document->address);
  g_free (document->funder_line);
  g_clear_pointer (&document->logo, cairo_surface_destroy);
  g_array_unref (document->blocks);
  g_ptr_array_unref (document->footers);
  g_free (document->place_date2);
  g_free (document->page_format2);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&document->fonts[i], pango_font_description_free);
  g_clear_object (&document->context);
  g_free (document);
}

const char *
korak_document_get_title (KorakDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->title;
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->length - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Decoded once here, not per page: the PDF then holds the image once. */
static cairo_surface_t *
decode_logo (GBytes *bytes)
{
  PngReader reader = { NULL, 0, 0 };
  cairo_surface_t *surface;

  if (bytes == NULL)
    return NULL;

  reader.data = g_bytes_get_data (bytes, &reader.length);
  if (reader.data == NULL || reader.length < 8)
    return NULL;

  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_width (surface) <= 0 ||
      cairo_image_surface_get_height (surface) <= 0)
    {
      g_debug ("The organisation's logo is not a PNG image: left out");
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

static char *
dup_valid (const char *text)
{
  if (is_empty (text))
    return NULL;

  return dup_text (text);
}

void
korak_document_set_letterhead (KorakDocument         *document,
                               const KorakLetterhead *letterhead)
{
  g_return_if_fail (document != NULL);

  g_clear_pointer (&document->organisation, g_free);
  g_clear_pointer (&document->address, g_free);
  g_clear_pointer (&document->funder_line, g_free);
  g_clear_pointer (&document->logo, cairo_surface_destroy);

  if (letterhead != NULL)
    {
      document->organisation = dup_valid (letterhead->name);
      document->address = dup_valid (letterhead->address);
      document->funder_line = dup_valid (letterhead->funder_line);
      document->logo = decode_logo (letterhead->logo);
    }

  invalidate (document);
}

void
korak_document_set_paper (KorakDocument *document,
                          KorakPaper     paper,
                          gboolean       landscape)
{
  g_return_if_fail (document != NULL);

  document->paper = paper == KORAK_PAPER_LETTER ? KORAK_PAPER_LETTER : KORAK_PAPER_A4;
  document->landscape = !!landscape;
}

void
korak_document_get_paper_size (KorakDocument *document,
                               double        *width,
                               double        *height)
{
  g_return_if_fail (document != NULL);

  korak_paper_get_size (document->paper, document->landscape, width, height);
}

void
korak_document_set_frame (KorakDocument *document,
                          gboolean       frame)
{
  g_return_if_fail (document != NULL);

  document->frame = !!frame;
}

void
korak_document_set_page_numbers (KorakDocument *document,
                                 gboolean       show)
{
  g_return_if_fail (document != NULL);

  if (document->page_numbers == !!show)
    return;

  document->page_numbers = !!show;
  invalidate (document);
}

void
korak_document_set_footer_text (KorakDocument *document,
                                const char    *text)
{
  g_return_if_fail (document != NULL);

  g_free (g_ptr_array_index (document->footers, document->footers->len - 1));
  g_ptr_array_index (document->footers, document->footers->len - 1) = dup_valid (text);
  invalidate (document);
}

static Block *
append_block (KorakDocument *self,
              BlockKind      kind)
{
  Block block = { 0 };

  block.kind = kind;
  block.section = self->footers->len - 1;
  g_array_append_val (self->blocks, block);
  invalidate (self);

  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

void
korak_document_add_text (KorakDocument  *document,
                         KorakTextStyle  style,
                         KorakAlign      align,
                         const char     *text)
{
  Block *block;

  g_return_if_fail (document != NULL);
  g_return_if_fail (style <= KORAK_TEXT_LEAD);

  block = append_block (document, BLOCK_TEXT);
  block->style = style;
  block->align = align;
  block->text = dup_text (text);
}

/**
 * korak_document_add_pair:
 * @left: the text in the first language
 * @right: (nullable): the same in the second language; %NULL is
 *   korak_document_add_text()
 *
 * Two paragraphs side by side in two equal columns, each in its own
 * direction (an Arabic paragraph with START is set on the right of its
 * column). A pair splits between pages like a table row; a HEADING pair
 * keeps with the block that follows, as a heading does.
 */
void
korak_document_add_pair (KorakDocument  *document,
                         KorakTextStyle  style,
                         KorakAlign      align,
                         const char     *left,
                         const char     *right)
{
  Block *block;

  g_return_if_fail (document != NULL);
  g_return_if_fail (style <= KORAK_TEXT_LEAD);

  block = append_block (document, BLOCK_TEXT);
  block->style = style;
  block->align = align;
  block->text = dup_text (left);
  block->value = right != NULL ? dup_text (right) : NULL;
}

void
korak_document_add_heading (KorakDocument *document,
                            const char    *text)
{
  korak_document_add_text (document, KORAK_TEXT_HEADING, KORAK_ALIGN_START, text);
}

void
korak_document_add_field (KorakDocument *document,
                          const char    *label,
                          const char    *value)
{
  Block *block;

  g_return_if_fail (document != NULL);

  block = append_block (document, BLOCK_FIELD);
  block->text = dup_text (label);
  block->value = dup_text (value);
}

/**
 * korak_document_add_field_pair:
 * @label2: (nullable): @label in the second language, set at the other
 *   side of the value; %NULL is korak_document_add_field()
 */
void
korak_document_add_field_pair (KorakDocument *document,
                               const char    *label,
                               const char    *value,
                               const char    *label2)
{
  Block *block;

  g_return_if_fail (document != NULL);

  block = append_block (document, BLOCK_FIELD);
  block->text = dup_text (label);
  block->value = dup_text (value);
  block->label2 = label2 != NULL ? dup_text (label2) : NULL;
}

/**
 * korak_document_set_second_language:
 * @place_and_date: (nullable): "Place and date" in the second language
 * @page_format: (nullable): "Page %d of %d" in the second language
 *
 * For a document in two languages: the text the engine draws itself gets
 * the second language too (under "Place and date"; after the page number).
 */
void
korak_document_set_second_language (KorakDocument *document,
                                    const char    *place_and_date,
                                    const char    *page_format)
{
  g_return_if_fail (document != NULL);

  g_free (document->place_date2);
  document->place_date2 = place_and_date != NULL ? dup_valid (place_and_date) : NULL;
  g_free (document->page_format2);
  document->page_format2 = page_format != NULL ? dup_valid (page_format) : NULL;
  invalidate (document);
}

void
korak_document_add_table (KorakDocument *document,
                          KorakTable    *table)
{
  Block *block;

  g_return_if_fail (document != NULL);
  g_return_if_fail (table != NULL);

  block = append_block (document, BLOCK_TABLE);
  block->table = table;
}

void
korak_document_add_drawing (KorakDocument         *document,
                            double                 width,
                            double                 height,
                            KorakDocumentDrawFunc  draw,
                            gpointer               user_data,
                            GDestroyNotify         destroy)
{
  Block *block;

  g_return_if_fail (document != NULL);

  block = append_block (document, BLOCK_DRAWING);
  block->width = width;
  block->height = height;
  block->draw = draw;
  block->user_data = user_data;
  block->destroy = destroy;
}

void
korak_document_add_signatures (KorakDocument     *document,
                               const char *const *captions,
                               gboolean           place_date)
{
  Block *block;

  g_return_if_fail (document != NULL);

  block = append_block (document, BLOCK_SIGNATURES);
  block->captions = g_strdupv ((char **) captions);
  block->place_date = !!place_date;
}

void
korak_document_add_space (KorakDocument *document,
                          double         points)
{
  Block *block;

  g_return_if_fail (document != NULL);

  if (points <= 0)
    return;

  block = append_block (document, BLOCK_SPACE);
  block->height = points;
}

void
korak_document_add_page_break (KorakDocument *document)
{
  g_return_if_fail (document != NULL);

  g_ptr_array_add (document->footers, NULL);
  append_block (document, BLOCK_PAGE_BREAK);
}

/**
 * korak_document_layout:
 * @document: a document
 * @width: page width in points
 * @height: page height in points
 *
 * Breaks the document into pages of this size, unless it already is.
 *
 * Returns: the number of pages, at least 1
 */
int
korak_document_layout (KorakDocument *document,
                       double         width,
                       double         height)
{
  g_return_val_if_fail (document != NULL, 1);
  g_return_val_if_fail (width > 0 && height > 0, 1);

  if (document->layout != NULL &&
      document->layout->width == width &&
      document->layout->height == height)
    return (int) document->layout->pages->len;

  invalidate (document);
  document->layout = layout_new (document, width, height);

  return (int) document->layout->pages->len;
}

/**
 * korak_document_draw_page:
 * @document: a document
 * @cr: where to draw, in points, origin at the page's top-left corner
 * @page: 0-based page number
 *
 * Draws one page of the last layout on whatever is already there (paper
 * is white); the state of @cr is kept. A page past the end draws nothing.
 */
void
korak_document_draw_page (KorakDocument *document,
                          cairo_t       *cr,
                          int            page)
{
  g_return_if_fail (document != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0);

  if (document->layout == NULL)
    {
      double width, height;

      korak_document_get_paper_size (document, &width, &height);
      korak_document_layout (document, width, height);
    }

  if ((guint) page >= document->layout->pages->len)
    return;

  draw_page (document, document->layout, cr, page);
}

/* -------------------------------------------------------------------- PDF */

typedef struct
{
  FILE *file;
  int   saved_errno;
} PdfSink;

static cairo_status_t
write_pdf_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;

  if (fwrite (data, 1, length, sink->file) != length)
    {
      sink->saved_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* What went wrong, in words that say what to do about it. */
static void
set_save_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);
  GIOErrorEnum code = saved_errno != 0 ? g_io_error_from_errno (saved_errno) : G_IO_ERROR_FAILED;

  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: %s is a file name. */
                   _("Could not save “%s”: the folder does not exist."),
                   display);
      break;

    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: %s is a file name. */
                   _("Could not save “%s”: you may not write to that folder, or the disk is read-only. Choose another folder."),
                   display);
      break;

    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: %s is a file name. */
                   _("Could not save “%s”: the disk is full."),
                   display);
      break;

    default:
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: %s is a file name. */
                   _("Could not save “%s”. Check that the folder exists, that you may write to it and that the disk is not full."),
                   display);
      break;
    }
}

static char *
dup_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Every page into @file; FALSE with @saved_errno set (0 when there is no
 * errno to tell) on failure. With @sync, the data is on disk before the
 * rename replaces an older file, as g_file_set_contents() does. */
static gboolean
render_pdf (KorakDocument *self,
            FILE          *file,
            gboolean       sync,
            int           *saved_errno)
{
  PdfSink sink = { file, 0 };
  g_autofree char *created = dup_now_iso8601 ();
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;
  int n_pages;

  korak_document_get_paper_size (self, &width, &height);
  n_pages = korak_document_layout (self, width, height);

  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, &sink, width, height);
  if (!is_empty (self->title))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (!is_empty (self->author))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Korak");
  if (created != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  for (int page = 0; page < n_pages; page++)
    {
      draw_page (self, self->layout, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  *saved_errno = sink.saved_errno;
  if (status != CAIRO_STATUS_SUCCESS)
    return FALSE;

  if (fflush (file) != 0 || (sync && fsync (fileno (file)) != 0))
    {
      *saved_errno = errno;
      return FALSE;
    }

  return TRUE;
}

/**
 * korak_document_write_pdf:
 * @document: a document
 * @path: the PDF file to write, replaced if it exists
 * @error: return location for a #GError in %G_IO_ERROR
 *
 * Writes every page at the document's paper size. The PDF is written to a
 * hidden file beside @path and renamed over it when complete, so a failure
 * leaves no half-written file and an older file at @path stays as it was.
 *
 * Returns: %TRUE when the PDF was saved
 */
gboolean
korak_document_write_pdf (KorakDocument  *document,
                          const char     *path,
                          GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp = NULL;
  int saved_errno = 0;
  gboolean ok;
  FILE *file;
  int fd;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf (".%s.XXXXXX", base);
  temp = g_build_filename (dir, name, NULL);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_save_error (error, path, errno);
      return FALSE;
    }

  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temp);
      set_save_error (error, path, saved_errno);
      return FALSE;
    }

  ok = render_pdf (document, file, g_file_test (path, G_FILE_TEST_EXISTS), &saved_errno);
  if (fclose (file) != 0 && ok)
    {
      saved_errno = errno;
      ok = FALSE;
    }

  if (ok && g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      ok = FALSE;
    }

  if (!ok)
    {
      g_unlink (temp);
      set_save_error (error, path, saved_errno);
      return FALSE;
    }

  return TRUE;
}
