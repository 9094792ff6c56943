/* korak-document.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Paper sizes in points (1/72 in), portrait. */
#define KORAK_PAPER_A4_WIDTH      595.276
#define KORAK_PAPER_A4_HEIGHT     841.89
#define KORAK_PAPER_LETTER_WIDTH  612.0
#define KORAK_PAPER_LETTER_HEIGHT 792.0

typedef enum
{
  KORAK_PAPER_A4,
  KORAK_PAPER_LETTER,
} KorakPaper;

/* "a4" / "letter" (anything else is A4), and back. */
KorakPaper  korak_paper_from_string (const char *name);
const char *korak_paper_to_string   (KorakPaper  paper);
void        korak_paper_get_size    (KorakPaper  paper,
                                     gboolean    landscape,
                                     double     *width,
                                     double     *height);

typedef enum
{
  KORAK_TEXT_BODY,       /* Sans 10 */
  KORAK_TEXT_SMALL,      /* Sans 8.5, for notes, legends, dense tables */
  KORAK_TEXT_LABEL,      /* Sans Bold 9, dimmed: field labels */
  KORAK_TEXT_HEADING,    /* Sans Bold 12, kept with the block that follows */
  KORAK_TEXT_TITLE,      /* Sans Bold 18: the document's title */
  KORAK_TEXT_DISPLAY,    /* Serif Bold 28: the name on a certificate */
  KORAK_TEXT_LEAD,       /* Serif 14: certificate prose */
} KorakTextStyle;

/* START and END follow the paragraph's direction: an Arabic paragraph with
 * START is set on the right. CENTER is centred either way. */
typedef enum
{
  KORAK_ALIGN_START,
  KORAK_ALIGN_CENTER,
  KORAK_ALIGN_END,
} KorakAlign;

/* The organisation's letterhead, drawn at the top of every page (logo left,
 * name and address beside it, a rule below) and the funder line at the foot of
 * every page above the page number. All fields may be NULL or empty. */
typedef struct
{
  char   *name;
  char   *address;
  char   *funder_line;
  GBytes *logo;          /* PNG bytes; a file that is not a PNG is left out */
} KorakLetterhead;

/* ------------------------------------------------------------------ table */

/* A table: columns with a header row that repeats at the top of every page
 * the table continues on; cells wrap their text (any script); a row that
 * does not fit in what is left of a page moves to the next one, and a row
 * taller than a whole page is split between lines. */
typedef struct _KorakTable KorakTable;

KorakTable *korak_table_new            (guint              n_columns);
void        korak_table_free           (KorakTable        *table);
/* @weight: the column's share of the width (all weights are summed);
 * @header may be NULL for a table with no header row (when all are NULL). */
void        korak_table_set_column     (KorakTable        *table,
                                        guint              column,
                                        const char        *header,
                                        double             weight,
                                        KorakAlign         align);
/* BODY (default) or SMALL for all cells and headers. */
void        korak_table_set_text_style (KorakTable        *table,
                                        KorakTextStyle     style);
/* Every row at least this tall (signature boxes on a sign-in sheet). */
void        korak_table_set_min_row_height (KorakTable    *table,
                                            double         points);
/* Cells are drawn with all grid lines (TRUE, default) or only a rule under
 * each row (FALSE: a label/value list). */
void        korak_table_set_grid       (KorakTable        *table,
                                        gboolean           grid);
/* @cells: n_columns strings (NULL is an empty cell). Returns the row index. */
guint       korak_table_add_row        (KorakTable        *table,
                                        const char *const *cells);
/* Bold row on a tinted background (totals). */
void        korak_table_set_row_emphasis (KorakTable      *table,
                                          guint            row,
                                          gboolean         emphasis);
guint       korak_table_get_n_rows     (KorakTable        *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakTable, korak_table_free)

/* --------------------------------------------------------------- document */

/* A paged document, drawn once for the print dialog (GtkPrintOperation's
 * draw-page with the context's cairo_t, use_full_page TRUE, unit POINTS) and
 * for PDF (korak_document_write_pdf()). Build it from blocks, then lay it out
 * for a page size; pagination depends only on the blocks and the size, never
 * on the surface, so paper, screen preview and PDF break pages alike.
 *
 * Every page gets the letterhead (if set), and a footer with the funder line,
 * the document's footer text (e.g. a certificate serial) and
 * "Page N of M" (counted per section: see korak_document_add_page_break()). */
typedef struct _KorakDocument KorakDocument;

/* @title and @author go into the PDF metadata and the print job name. */
KorakDocument *korak_document_new          (const char            *title,
                                            const char            *author);
void           korak_document_free         (KorakDocument         *document);
const char    *korak_document_get_title    (KorakDocument         *document);

void           korak_document_set_letterhead (KorakDocument        *document,
                                              const KorakLetterhead *letterhead);
void           korak_document_set_paper    (KorakDocument         *document,
                                            KorakPaper             paper,
                                            gboolean               landscape);
void           korak_document_get_paper_size (KorakDocument       *document,
                                              double              *width,
                                              double              *height);
/* A decorative double frame around each page (certificates). */
void           korak_document_set_frame    (KorakDocument         *document,
                                            gboolean               frame);
/* Page numbers in the footer (default TRUE). */
void           korak_document_set_page_numbers (KorakDocument     *document,
                                                gboolean           show);
/* Small text in the footer of the pages of the current section, e.g.
 * "Serial 2026-7F3A-0042 · verification code 1a2b3c4d". It may be set at
 * any point while the section's blocks are added; it wraps if it must. */
void           korak_document_set_footer_text (KorakDocument      *document,
                                               const char         *text);

/* Blocks, in order. Text is copied; invalid UTF-8 is made valid. */
void           korak_document_add_text     (KorakDocument         *document,
                                            KorakTextStyle         style,
                                            KorakAlign             align,
                                            const char            *text);
/* Two paragraphs side by side (a bilingual document): @left in the first
 * column, @right in the second, each in its own direction, so an Arabic
 * paragraph with START sits at the right of its column. Splits between
 * pages like a table row; a HEADING pair keeps with what follows. @right
 * NULL is korak_document_add_text(). */
void           korak_document_add_pair     (KorakDocument         *document,
                                            KorakTextStyle         style,
                                            KorakAlign             align,
                                            const char            *left,
                                            const char            *right);
/* HEADING text; it is never left alone at the foot of a page: it moves to
 * the next one with the start of the block that follows. */
void           korak_document_add_heading  (KorakDocument         *document,
                                            const char            *text);
/* Label/value pairs, two columns, no grid; a long value wraps and splits. */
void           korak_document_add_field    (KorakDocument         *document,
                                            const char            *label,
                                            const char            *value);
/* A field with its label in a second language too, set at the other side
 * of the value (label · value · label2). @label2 NULL is add_field(). */
void           korak_document_add_field_pair (KorakDocument       *document,
                                              const char          *label,
                                              const char          *value,
                                              const char          *label2);
/* For a document in two languages: "Place and date" under the signature
 * line and "Page %d of %d" in the footer in the second language too (a
 * catalog's translation; a page format other than %d / %1$d %2$d is left
 * out). NULL leaves either in the interface language only. */
void           korak_document_set_second_language (KorakDocument  *document,
                                                   const char     *place_and_date,
                                                   const char     *page_format);
/* Takes ownership of @table. */
void           korak_document_add_table    (KorakDocument         *document,
                                            KorakTable            *table);

/* Draws a chart in a box of the content width (or less) × @height, through
 * the charts code: @draw gets a cairo_t translated to the box's corner. */
typedef void (*KorakDocumentDrawFunc) (cairo_t  *cr,
                                       double    width,
                                       double    height,
                                       gpointer  user_data);
void           korak_document_add_drawing  (KorakDocument         *document,
                                            double                 width,
                                            double                 height,
                                            KorakDocumentDrawFunc  draw,
                                            gpointer               user_data,
                                            GDestroyNotify         destroy);
/* Signature lines side by side, each with a caption below ("Participant",
 * "Mentor") and, when @place_date, a "Place and date" line before them. */
void           korak_document_add_signatures (KorakDocument       *document,
                                              const char *const   *captions,
                                              gboolean             place_date);
/* Vertical space in place of the usual gap between two blocks. Dropped at
 * the top of a page the text flowed onto; kept at the top of the document
 * or of a section (to set a certificate lower on its page). */
void           korak_document_add_space    (KorakDocument         *document,
                                            double                 points);
/* Starts a new page and a new section: page numbers restart at 1 and the
 * footer text is cleared (a batch of certificates is one section each).
 * A break at the very start or end, or right after another, makes no
 * empty page. */
void           korak_document_add_page_break (KorakDocument       *document);

/* Lays the document out for pages of @width × @height points (the print
 * context's size; for PDF, the document's paper). Returns the page count
 * (at least 1). Called again with the same size and no new blocks, it
 * returns the last layout; with another size, it lays out anew. Lay out
 * and draw in one thread: Pango's font map belongs to the thread. */
int            korak_document_layout       (KorakDocument         *document,
                                            double                 width,
                                            double                 height);
/* Draws page @page (0-based) of the last layout (lays out at the paper size
 * if nothing was laid out yet). */
void           korak_document_draw_page    (KorakDocument         *document,
                                            cairo_t               *cr,
                                            int                    page);
/* Every page into one PDF at the document's paper size, fonts embedded,
 * title, author, creator and creation date in the metadata. Written to a
 * temporary file beside @path and renamed, so a failure leaves no half file.
 * Errors are G_IO_ERROR (NOT_FOUND for a missing folder, PERMISSION_DENIED
 * or READ_ONLY, NO_SPACE, …) with a translated message naming @path. */
gboolean       korak_document_write_pdf    (KorakDocument         *document,
                                            const char            *path,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakDocument, korak_document_free)

G_END_DECLS
