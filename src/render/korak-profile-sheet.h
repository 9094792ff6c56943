/* korak-profile-sheet.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "korak-document.h"
#include "korak-participant-record.h"

G_BEGIN_DECLS

/* A4 in points (1/72 in). */
#define KORAK_PAGE_A4_WIDTH  KORAK_PAPER_A4_WIDTH
#define KORAK_PAGE_A4_HEIGHT KORAK_PAPER_A4_HEIGHT

/* The printable participant profile, built on the document engine
 * (korak-document.h), which does all of the pagination: a header with the
 * name, then one label/value field per column of the record.
 *
 * korak_profile_sheet_new_document() makes it a document of its own (A4,
 * no letterhead); korak_profile_sheet_add_to_document() adds its blocks to
 * another one (say, with the organisation's letterhead). */
KorakDocument *korak_profile_sheet_new_document   (const KorakParticipantRecord *record);
void           korak_profile_sheet_add_to_document (KorakDocument                *document,
                                                    const KorakParticipantRecord *record);

/* A participant's name and fields as printed, for other documents. */
char          *korak_profile_sheet_dup_name        (const KorakParticipantRecord *record);
char          *korak_profile_sheet_dup_field_text  (const KorakParticipantRecord *record,
                                                    KorakParticipantField         field);

/* The same, for callers that hold only the record: the print dialog's
 * draw-page (use_full_page TRUE, unit GTK_UNIT_POINTS, so the context's
 * width and height are the page in points) and PDF export. Each call lays
 * the profile out anew. */
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
