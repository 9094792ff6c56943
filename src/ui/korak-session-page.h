/* korak-session-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-document.h"
#include "korak-register.h"

G_BEGIN_DECLS

#define KORAK_TYPE_SESSION_PAGE (korak_session_page_get_type ())

/* One session: its details, editable, and its attendance register. Emits
 * "changed" after anything was stored and "done" when the person goes back
 * to the week. */
G_DECLARE_FINAL_TYPE (KorakSessionPage, korak_session_page, KORAK, SESSION_PAGE, AdwBin)

gboolean       korak_session_page_show_session (KorakSessionPage  *self,
                                                KorakStore        *store,
                                                gint64             session_id,
                                                GError           **error);
/* A new session of @cohort_id on @date (ISO), not stored until saved. */
gboolean       korak_session_page_new_session  (KorakSessionPage  *self,
                                                KorakStore        *store,
                                                gint64             cohort_id,
                                                const char        *date,
                                                GError           **error);
/* Stores the details and the register; FALSE with the reason shown. */
gboolean       korak_session_page_save         (KorakSessionPage  *self);
gboolean       korak_session_page_has_changes  (KorakSessionPage  *self);
KorakRegister *korak_session_page_get_register (KorakSessionPage  *self);
GtkListBox    *korak_session_page_get_register_list (KorakSessionPage *self);
const char    *korak_session_page_get_totals   (KorakSessionPage  *self);
const char    *korak_session_page_get_error    (KorakSessionPage  *self);
gint64         korak_session_page_get_session_id (KorakSessionPage *self);
/* The sign-in sheet of the shown session's cohort and day. */
KorakDocument *korak_session_page_create_sign_in_sheet (KorakSessionPage *self,
                                                        GError          **error);
/* For tests: "Mediator present", "Mediator" and "Language of the conversation". */
void           korak_session_page_get_mediator_rows (KorakSessionPage  *self,
                                                     GtkSwitch        **present,
                                                     AdwComboRow      **mediator,
                                                     AdwComboRow      **language);
/* For tests: the entry rows by name ("date", "start", "end", "place", "employer"). */
GtkEditable   *korak_session_page_get_entry    (KorakSessionPage  *self,
                                                const char        *name);

G_END_DECLS
