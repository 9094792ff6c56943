/* korak-form-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KORAK_TYPE_FORM_DIALOG (korak_form_dialog_get_type ())

/* A small modal form: Cancel and one suggested button in the header, a
 * problem shown above the rows, Ctrl+Return or Enter in a row to accept,
 * Escape to cancel. "submit" handlers return %TRUE when done, which closes
 * the dialog; on %FALSE it stays open with everything typed. */
G_DECLARE_FINAL_TYPE (KorakFormDialog, korak_form_dialog, KORAK, FORM_DIALOG, AdwWindow)

KorakFormDialog     *korak_form_dialog_new        (GtkWidget        *parent,
                                                   const char       *title,
                                                   const char       *accept_label);
AdwPreferencesGroup *korak_form_dialog_add_group  (KorakFormDialog  *self,
                                                   const char       *title);
void                 korak_form_dialog_add_row    (KorakFormDialog  *self,
                                                   GtkWidget        *row);
void                 korak_form_dialog_show_error (KorakFormDialog  *self,
                                                   const char       *message);
const char          *korak_form_dialog_get_error  (KorakFormDialog  *self);
gboolean             korak_form_dialog_submit     (KorakFormDialog  *self);
void                 korak_form_dialog_set_destructive (KorakFormDialog *self,
                                                        gboolean         destructive);

G_END_DECLS
