/* korak-profile-sheet.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "korak-participant-record.h"

G_BEGIN_DECLS

/* A4 in points (1/72 in). */
#define KORAK_PAGE_A4_WIDTH  595.276
#define KORAK_PAGE_A4_HEIGHT 841.89

/* The printable participant profile: one document, drawn once. The print
 * dialog calls korak_profile_sheet_draw_page() from GtkPrintOperation's
 * draw-page with the print context's cairo_t (use_full_page TRUE, unit
 * GTK_UNIT_POINTS, so the context's width and height are the page in points);
 * PDF export calls korak_profile_sheet_write_pdf(). Pagination depends only on
 * the record and the page size, never on the surface. */
int      korak_profile_sheet_count_pages (const KorakParticipantRecord  *record,
                                          double                         width,
                                          double                         height);
void     korak_profile_sheet_draw_page   (cairo_t                       *cr,
                                          double                         width,
                                          double                         height,
                                          const KorakParticipantRecord  *record,
                                          int                            page);
gboolean korak_profile_sheet_write_pdf   (const KorakParticipantRecord  *record,
                                          const char                    *path,
                                          GError                       **error);

G_END_DECLS
