/* korak-mediator-report.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-document.h"
#include "korak-mediators.h"
#include "korak-store.h"

G_BEGIN_DECLS

/* The mediator hours the funder asks for (korak_store_mediator_hours()):
 * a table by cohort × mediator × language with group hours, individual
 * hours, sessions, assessments and notes, a totals row, then the totals
 * per mediator and per language. Landscape A4 (or the organisation's
 * paper), with its letterhead. @cohort_id 0: every cohort; @from, @to:
 * ISO dates or NULL for an open end. */
KorakDocument *korak_report_mediator_hours (KorakStore  *store,
                                            gint64       cohort_id,
                                            const char  *from,
                                            const char  *to,
                                            GError     **error);

/* Hours as the report writes them: "4", "1.5", "0.75" (the locale's
 * decimal separator). */
char          *korak_mediator_hours_format (double       hours);

/* The label of a line's language: its name, or "Not recorded". */
const char    *korak_mediator_language_label (const char *tag);

G_END_DECLS
