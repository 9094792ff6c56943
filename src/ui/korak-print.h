/* korak-print.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-document.h"

G_BEGIN_DECLS

/* Every printed document leaves Korak through these: the print dialog (which
 * has a preview) and Save as PDF, both drawing the same KorakDocument. Each
 * takes ownership of @document. @parent is the widget the user acted in: its
 * window is the dialogs' parent and its toast overlay shows the result. */

/* A print operation for @document: full page, points, the document's paper
 * and orientation as the default page setup, embedded in the dialog, async,
 * the job named after the document's title. The document is freed with it.
 * Tests run it with GTK_PRINT_OPERATION_ACTION_EXPORT and an export file. */
GtkPrintOperation *korak_print_operation_new         (KorakDocument  *document);

/* Opens the print dialog; a failure is shown in a dialog. */
void               korak_print_document              (GtkWidget      *parent,
                                                      KorakDocument  *document);

/* Asks where to save (a PDF file chooser, @suggested_file_name or the
 * document's title + ".pdf"), then writes the PDF; a failure is shown in a
 * dialog, success in a toast with an Open button. */
void               korak_export_document_pdf         (GtkWidget      *parent,
                                                      KorakDocument  *document,
                                                      const char     *suggested_file_name);

/* Writes @document to @path (the document stays the caller's), then shows
 * "Saved “name.pdf”" with an Open button near @parent (which may be NULL). */
gboolean           korak_export_document_pdf_to_path (GtkWidget      *parent,
                                                      KorakDocument  *document,
                                                      const char     *path,
                                                      GError        **error);

/* "Title.pdf", with characters a file name cannot hold replaced. */
char              *korak_document_file_name          (const char     *title);

/* A message dialog with one Close button, modal to @parent's window. */
GtkWidget         *korak_show_error_dialog           (GtkWidget      *parent,
                                                      const char     *heading,
                                                      const char     *message);

G_END_DECLS
