/* korak-xlsx.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "korak-export.h"
#include "korak-store.h"

G_BEGIN_DECLS

/* Excel workbooks through libxlsxwriter: one sheet with a bold, frozen
 * header row and a filter, dates as dates, hours as numbers, Korak numbers
 * and every text as strings (worksheet_write_string(): never a formula,
 * whatever the text starts with). A text longer than the 32,767 characters
 * an Excel cell holds is refused (KORAK_STORE_ERROR_INVALID, translated)
 * rather than cut short. */

gboolean korak_export_table_to_xlsx (const KorakExportTable  *table,
                                     const char              *path,
                                     GError                 **error);
gboolean korak_export_xlsx          (KorakStore              *store,
                                     KorakExportKind          kind,
                                     gint64                   cohort_id,
                                     const char              *path,
                                     GError                 **error);

G_END_DECLS
