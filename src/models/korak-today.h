/* korak-today.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-plan.h"

G_BEGIN_DECLS

typedef enum
{
  KORAK_TODAY_SESSIONS,    /* kind "session": id is the session */
  KORAK_TODAY_REVIEWS,     /* kind "review": id is the participant */
  KORAK_TODAY_FOLLOW_UPS,  /* kind "follow-up": id is the follow-up */
  KORAK_TODAY_ATTENDANCE,  /* kind "attendance": id is the participant */
  KORAK_TODAY_SMALL_WINS,  /* kind "small-win": id is the participant */
  KORAK_TODAY_N_SECTIONS
} KorakTodaySection;

#define KORAK_TYPE_TODAY_ITEM (korak_today_item_get_type ())
G_DECLARE_FINAL_TYPE (KorakTodayItem, korak_today_item, KORAK, TODAY_ITEM, GObject)

const char *korak_today_item_get_kind           (KorakTodayItem *self);
gint64      korak_today_item_get_id             (KorakTodayItem *self);
gint64      korak_today_item_get_participant_id (KorakTodayItem *self);
const char *korak_today_item_get_title          (KorakTodayItem *self);
const char *korak_today_item_get_subtitle       (KorakTodayItem *self);
/* A short figure shown at the end of the row: a time, a rate, "Overdue". */
const char *korak_today_item_get_badge          (KorakTodayItem *self);
/* Overdue reviews and follow-ups, cancelled sessions. */
gboolean    korak_today_item_get_warning        (KorakTodayItem *self);

#define KORAK_TYPE_TODAY (korak_today_get_type ())
G_DECLARE_FINAL_TYPE (KorakToday, korak_today, KORAK, TODAY, GObject)

KorakToday *korak_today_new         (void);
/* Fills every section for @date (ISO): its sessions, reviews due within a
 * week or overdue, follow-ups due, attendance under @threshold (0..1) and
 * the five newest small wins. */
gboolean    korak_today_load        (KorakToday   *self,
                                     KorakStore   *store,
                                     const char   *date,
                                     double        threshold,
                                     GError      **error);
/* GListModel of KorakTodayItem. */
GListModel *korak_today_get_section (KorakToday        *self,
                                     KorakTodaySection  section);

void        korak_today_load_async  (KorakToday          *self,
                                     KorakStore          *store,
                                     const char          *date,
                                     double               threshold,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean    korak_today_load_finish (KorakToday          *self,
                                     GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
