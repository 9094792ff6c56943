/* korak-document-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-document.h"
#include "korak-reports.h"

G_BEGIN_DECLS

#define KORAK_TYPE_DOCUMENT_DIALOG (korak_document_dialog_get_type ())

/* "Print or save": a small message dialog naming one document, with an
 * optional choice (the month of a monthly report) and Cancel, Save as PDF…
 * and Print… (the default: Enter prints, Escape cancels). The document is
 * made only when Print or Save is chosen, so a certificate is issued only
 * then; a document that cannot be made shows why in a dialog. */
G_DECLARE_FINAL_TYPE (KorakDocumentDialog, korak_document_dialog, KORAK, DOCUMENT_DIALOG, AdwMessageDialog)

/* Makes the document, reading the dialog's choice if it has one. */
typedef KorakDocument *(*KorakDocumentBuildFunc) (KorakDocumentDialog  *dialog,
                                                  gpointer              user_data,
                                                  GError              **error);

/* @parent: the widget the person acted in; its window is the parent, and
 * toasts go near it. Not shown yet: call gtk_window_present(). */
KorakDocumentDialog *korak_document_dialog_new        (GtkWidget              *parent,
                                                       const char             *heading,
                                                       const char             *body,
                                                       KorakDocumentBuildFunc  build,
                                                       gpointer                user_data,
                                                       GDestroyNotify          destroy);
/* A combo row titled @title offering @labels, standing for @values. */
void                 korak_document_dialog_set_choices (KorakDocumentDialog    *self,
                                                        const char             *title,
                                                        const char * const     *values,
                                                        const char * const     *labels,
                                                        guint                   selected);
/* The value chosen, or NULL without choices. */
const char          *korak_document_dialog_get_choice  (KorakDocumentDialog    *self);
gboolean             korak_document_dialog_set_choice  (KorakDocumentDialog    *self,
                                                        const char             *value);
/* The labels offered (GtkStringObject), or NULL without choices. */
GListModel          *korak_document_dialog_get_choice_model (KorakDocumentDialog *self);
/* Makes the document as Print or Save would; for tests. */
KorakDocument       *korak_document_dialog_build       (KorakDocumentDialog    *self,
                                                        GError                **error);

/* A "Second language" row (None, then @languages by name; @preferred, the
 * participant's, chosen at first) and a "Layout" row (side by side or one
 * above the other), for a document that can be printed in two languages. */
void                 korak_document_dialog_set_languages (KorakDocumentDialog *self,
                                                          const char * const  *languages,
                                                          const char          *preferred);
/* The second language chosen (a tag), or NULL for none. */
const char          *korak_document_dialog_get_language  (KorakDocumentDialog *self);
gboolean             korak_document_dialog_set_language  (KorakDocumentDialog *self,
                                                          const char          *language);
KorakBilingualLayout korak_document_dialog_get_layout    (KorakDocumentDialog *self);
void                 korak_document_dialog_set_layout    (KorakDocumentDialog  *self,
                                                          KorakBilingualLayout  layout);

/* The open dialog of this kind, if any; for tests. */
KorakDocumentDialog *korak_document_dialog_find        (void);

G_END_DECLS
