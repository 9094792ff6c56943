/* korak-mediator-rows.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-store.h"

G_BEGIN_DECLS

/* The rows a session, an assessment and a note share to say who
 * interpreted: a "Mediator present" switch, a "Mediator" combo and a
 * "Language of the conversation" combo (korak-mediators.h). */

/* "Not recorded", then the mediators, then the rest of the staff; an
 * archived person only when @selected_id is them. */
gboolean     korak_mediator_combo_fill   (AdwComboRow  *row,
                                          KorakStore   *store,
                                          gint64        selected_id,
                                          GError      **error);
/* The staff id chosen, 0 for "Not recorded". */
gint64       korak_mediator_combo_get    (AdwComboRow  *row);
gboolean     korak_mediator_combo_select (AdwComboRow  *row,
                                          gint64        id);

/* "Not recorded", then @tags in their order (a @selected tag not among
 * them is added after "Not recorded"). */
void         korak_conversation_combo_fill (AdwComboRow        *row,
                                            const char * const *tags,
                                            const char         *selected);
/* The tag chosen, NULL for "Not recorded". */
const char  *korak_conversation_combo_get  (AdwComboRow        *row);
gboolean     korak_conversation_combo_select (AdwComboRow      *row,
                                              const char       *tag);

/* Keeps the switch and the mediator combo in step: switching on with
 * nobody chosen chooses @default_id (the cohort's mediator), switching
 * off clears the choice, and choosing someone switches on. */
void         korak_mediator_rows_bind    (GtkSwitch    *present,
                                          AdwComboRow  *mediator_row,
                                          gint64        default_id);
void         korak_mediator_rows_set_default (GtkSwitch *present,
                                              gint64     default_id);
/* Shows a stored state as it is, with no pre-filling. */
void         korak_mediator_rows_set     (GtkSwitch    *present,
                                          gboolean      is_present,
                                          gint64        mediator_id);

G_END_DECLS
