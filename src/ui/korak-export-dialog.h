/* korak-export-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-export.h"
#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_EXPORT_DIALOG (korak_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KorakExportDialog, korak_export_dialog, KORAK, EXPORT_DIALOG, AdwWindow)

/* Exports the participant list, attendance or outcomes (of one cohort or
 * all) as CSV or XLSX to a file chosen with the file chooser. */
KorakExportDialog *korak_export_dialog_new        (GtkWindow          *parent,
                                                   KorakStore         *store);
void               korak_export_dialog_set_choice (KorakExportDialog  *self,
                                                   KorakExportKind     kind,
                                                   KorakExportFormat   format);
/* What the Export button does once a file is chosen; errors are the caller's. */
gboolean           korak_export_dialog_export_to  (KorakExportDialog  *self,
                                                   const char         *path,
                                                   GError            **error);

G_END_DECLS
