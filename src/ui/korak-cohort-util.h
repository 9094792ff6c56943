/* korak-cohort-util.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-participant-record.h"

G_BEGIN_DECLS

/* Small helpers the cohort, programme and staff views share. */

/* "9", "9:00", "09.00", "9 h" → "09:00"; NULL with @error otherwise. */
char        *korak_time_entry_parse    (const char   *text,
                                        GError      **error);
/* "09:00" → "9:00" */
char        *korak_time_format         (const char   *hhmm);
/* 1 Monday … 7 Sunday, translated. */
const char  *korak_weekday_name        (int           weekday);
/* 96 → "96", 2.5 → "2.5" */
char        *korak_hours_format        (double        hours);
/* "5. 1. 2026 – 29. 3. 2026"; either end may be NULL. */
char        *korak_date_range_format   (const char   *from,
                                        const char   *to);

/* A label for a problem shown above a form; an alert for screen readers. */
GtkWidget   *korak_error_label_new     (void);
void         korak_error_label_set     (GtkWidget    *label,
                                        const char   *message);

/* A combo of @items (GObjects with an "id" gint64 property and @name_property)
 * with @none_label first when not NULL. An item whose "archived" property
 * is TRUE is only offered when it is @selected_id. */
void         korak_id_combo_fill       (AdwComboRow  *row,
                                        GListModel   *items,
                                        const char   *name_property,
                                        const char   *none_label,
                                        gint64        selected_id);
gint64       korak_id_combo_get        (AdwComboRow  *row);
void         korak_id_combo_select     (AdwComboRow  *row,
                                        gint64        id);

/* A combo of translated @choices, with @none_label first when not NULL. */
void         korak_choice_combo_fill   (AdwComboRow        *row,
                                        const KorakChoice  *choices,
                                        const char         *none_label,
                                        const char         *selected_code);
const char  *korak_choice_combo_get    (AdwComboRow        *row);

/* Scrolls the first scrolled window in @widget (an AdwPreferencesPage) up;
 * libadwaita 1.2 has no adw_preferences_page_scroll_to_top(). */
void         korak_scroll_to_top       (GtkWidget    *widget);

/* Depth-first search for a descendant with gtk_widget_get_name() @name. */
GtkWidget   *korak_find_named          (GtkWidget    *root,
                                        const char   *name);

G_END_DECLS
