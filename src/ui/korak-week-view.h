/* korak-week-view.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-session.h"

G_BEGIN_DECLS

#define KORAK_TYPE_WEEK_VIEW (korak_week_view_get_type ())

G_DECLARE_FINAL_TYPE (KorakWeekView, korak_week_view, KORAK, WEEK_VIEW, GtkWidget)

/* One week of a timetable, like GNOME Calendar's week view: days as
 * columns (Monday to Friday always, Saturday and Sunday only when they have
 * sessions), hours as rows (8:00–18:00, widened to fit every session), and
 * each KorakSession of the model that falls in the week as a block coloured
 * by skill area, with the area's icon and name too so that colour is never
 * the only cue. Cancelled sessions are hatched, struck through and say
 * "Cancelled". The grid is drawn in snapshot; the header labels and the
 * blocks are child widgets, so every block takes keyboard focus, has an
 * accessible label and a tooltip, and activates with a click, Enter or
 * Space, emitting "session-activated". Tab visits blocks day by day; the
 * arrow keys move left and right across days and up and down within a day.
 *
 * Narrow mode: below 600 px wide the same widget shows a day list instead
 * (a heading per day and a boxed list of focusable rows with the same
 * accessible labels, activating with the same signal), so a page needs no
 * swapping; the "narrow" property says which is shown. Put the view in a
 * GtkScrolledWindow: it asks for the height of all its hours (at least
 * 48 px each) and stretches them to fill any extra height. */

GtkWidget    *korak_week_view_new                   (void);

/* The Monday of the week to show (any day of it is moved back to Monday). */
void          korak_week_view_set_week              (KorakWeekView *self,
                                                     const GDate   *monday);
const GDate  *korak_week_view_get_week              (KorakWeekView *self);
/* @sessions: (nullable): a GListModel of KorakSession; the view follows its
 * items-changed and ignores sessions outside the week. */
void          korak_week_view_set_model             (KorakWeekView *self,
                                                     GListModel    *sessions);
GListModel   *korak_week_view_get_model             (KorakWeekView *self);
/* An optional line above the grid, e.g. "Module 1 · Workshops"; NULL or "" hides it. */
void          korak_week_view_set_module_label      (KorakWeekView *self,
                                                     const char    *label);
const char   *korak_week_view_get_module_label      (KorakWeekView *self);
/* The day highlighted as today; NULL (the default) follows the clock. */
void          korak_week_view_set_today             (KorakWeekView *self,
                                                     const GDate   *today);
gboolean      korak_week_view_get_narrow            (KorakWeekView *self);

/* The hours the grid shows: from first_hour:00 to last_hour:00. */
int           korak_week_view_get_first_hour        (KorakWeekView *self);
int           korak_week_view_get_last_hour         (KorakWeekView *self);
/* Whether @weekday has a column (Saturday and Sunday only with sessions). */
gboolean      korak_week_view_get_day_visible       (KorakWeekView *self,
                                                     GDateWeekday   weekday);
/* The hour rows of @weekday's column in the view's coordinates, from
 * first_hour at the top to last_hour at the bottom; FALSE when the column is
 * hidden or the view is narrow or not allocated yet. */
gboolean      korak_week_view_get_day_area          (KorakWeekView   *self,
                                                     GDateWeekday     weekday,
                                                     graphene_rect_t *area);

/* Blocks in the grid (= rows in the day list), day by day. */
guint         korak_week_view_get_n_blocks          (KorakWeekView *self);
/* The grid block (a GtkButton) or the day-list row (a GtkListBoxRow) of the
 * session with @id in this week, or NULL. */
GtkWidget    *korak_week_view_get_block_for_id      (KorakWeekView *self,
                                                     gint64         id);
GtkWidget    *korak_week_view_get_row_for_id        (KorakWeekView *self,
                                                     gint64         id);
/* For a block or a row: its session, and the accessible label it was given. */
KorakSession *korak_week_view_get_widget_session    (GtkWidget     *block_or_row);
const char   *korak_week_view_get_accessible_label  (GtkWidget     *block_or_row);

G_END_DECLS
