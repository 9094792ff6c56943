/* korak-conflicts-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-exchange.h"

G_BEGIN_DECLS

#define KORAK_TYPE_CONFLICTS_PAGE (korak_conflicts_page_get_type ())

/* The Conflicts view: the changes from other desks that met a different
 * change here, oldest first, and for the one selected both versions side
 * by side, field by field, the fields that differ marked, each with a
 * choice “Here” / “From <desk>”. From the keyboard: "conflicts.keep-local"
 * (Ctrl+Shift+H), "conflicts.take-incoming" (Ctrl+Shift+T),
 * "conflicts.apply-choices" (Ctrl+Return), "conflicts.next" (Alt+Down) and
 * "conflicts.previous" (Alt+Up). Emits ::changed after each decision. */
G_DECLARE_FINAL_TYPE (KorakConflictsPage, korak_conflicts_page, KORAK, CONFLICTS_PAGE, AdwBin)

void             korak_conflicts_page_set_store       (KorakConflictsPage *self,
                                                       KorakStore         *store);
gboolean         korak_conflicts_page_reload          (KorakConflictsPage *self);
guint            korak_conflicts_page_get_n_conflicts (KorakConflictsPage *self);
gboolean         korak_conflicts_page_select          (KorakConflictsPage *self,
                                                       gint64              conflict_id);
/* The conflict shown, or 0. */
gint64           korak_conflicts_page_get_selected_id (KorakConflictsPage *self);
/* "empty" (no open conflicts) or "list". */
const char      *korak_conflicts_page_get_state       (KorakConflictsPage *self);
GtkListBox      *korak_conflicts_page_get_list_box    (KorakConflictsPage *self);
/* The choice of @column shown: the “Here” button, or with @incoming the
 * “From <desk>” one; NULL when the column does not differ. */
GtkToggleButton *korak_conflicts_page_get_choice      (KorakConflictsPage *self,
                                                       const char         *column,
                                                       gboolean            incoming);
/* The last failure shown, or NULL. */
const char      *korak_conflicts_page_get_error       (KorakConflictsPage *self);

/* "Participant", "Attendance": a table in plain words. */
const char      *korak_conflicts_table_label          (const char         *table);
/* "Phone", or the column's name when Korak has no label for it. */
const char      *korak_conflicts_column_label         (const char         *table,
                                                       const char         *column);

G_END_DECLS
