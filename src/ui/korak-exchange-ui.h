/* korak-exchange-ui.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-exchange.h"

G_BEGIN_DECLS

/*
 * Send Changes… and Receive Changes…: the dialogs that ask for the desk and
 * the organisation's exchange passphrase (never stored), and the slow work
 * (writing or applying a bundle of thousands of changes) on a worker thread
 * through a connection of the thread's own.
 */

/* “korak-Office-2026-03-02.korak-changes” (characters a file name cannot
 * hold replaced). @desk_name: (nullable): NULL for every desk. */
char             *korak_exchange_bundle_file_name     (const char  *desk_name,
                                                       GDateTime   *when);

/* Send Changes…: an AdwMessageDialog, presented, with the desk (each other
 * desk with its pending changes, or All Desks) and the passphrase; its
 * "save" response asks where to save, then writes the bundle. NULL with
 * @error when the desks cannot be read. */
AdwMessageDialog *korak_exchange_send_dialog_new      (GtkWindow   *parent,
                                                       KorakStore  *store,
                                                       GError     **error);

/* Receive Changes…: what @path says about itself (who sent it, when, how
 * many changes) and the passphrase; response "apply". The caller applies it
 * (korak_exchange_receive_async()) so that its views can let go of the
 * database. NULL with @error when @path is not a bundle. */
AdwMessageDialog *korak_exchange_receive_dialog_new   (GtkWindow   *parent,
                                                       KorakStore  *store,
                                                       const char  *path,
                                                       GError     **error);

/* Either dialog's rows: the passphrase, and (Send) the desk. */
GtkEditable      *korak_exchange_dialog_get_passphrase_row (AdwMessageDialog *dialog);
AdwComboRow      *korak_exchange_dialog_get_desk_row       (AdwMessageDialog *dialog);
/* The desk chosen in Send Changes: its id (0: every desk) and name. */
gint64            korak_exchange_dialog_get_desk           (AdwMessageDialog *dialog,
                                                            const char      **name);
const char       *korak_exchange_dialog_get_path           (AdwMessageDialog *dialog);

/* Writes the bundle for @to_desk_id to @path on a worker thread (its own
 * connection to @store's file), then says so in a toast near @parent:
 * “Saved changes for Office: 1 234 changes”, or why not in a dialog. */
void              korak_exchange_send_to_path         (GtkWidget           *parent,
                                                       KorakStore          *store,
                                                       gint64               to_desk_id,
                                                       const char          *to_desk_name,
                                                       const char          *passphrase,
                                                       const char          *path,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* The number of changes written, or -1 with @error. */
gint64            korak_exchange_send_finish          (GAsyncResult        *result,
                                                       GError             **error);

/* korak_exchange_apply_bundle() on a worker thread, on @database_path. */
void              korak_exchange_receive_async        (const char          *database_path,
                                                       const char          *passphrase,
                                                       const char          *path,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
KorakExchangeReport *korak_exchange_receive_finish    (GAsyncResult        *result,
                                                       GError             **error);

/* The result of a receive in plain words, for its dialog. */
char             *korak_exchange_describe_report      (const KorakExchangeReport *report);
/* The heading of the result dialog: "Changes Received from Kranj". */
char             *korak_exchange_report_heading       (const KorakExchangeReport *report);
/* What an error of a receive or send means, as a dialog heading. */
const char       *korak_exchange_error_heading        (const GError        *error,
                                                       gboolean             sending);

G_END_DECLS
