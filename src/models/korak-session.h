/* korak-session.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "korak-schedule.h"

G_BEGIN_DECLS

#define KORAK_TYPE_SESSION (korak_session_get_type ())

G_DECLARE_FINAL_TYPE (KorakSession, korak_session, KORAK, SESSION, GObject)

/* One timetable slot as the week view shows it: a read-only wrapper around a
 * copy of the store's KorakSessionRecord, with what views need worked out
 * once (minutes since midnight, a title, an accessible sentence). */

KorakSession             *korak_session_new_from_record       (const KorakSessionRecord *record);
const KorakSessionRecord *korak_session_get_record            (KorakSession *self);
/* Replaces the wrapped record with a copy of @record and notifies every property. */
void                      korak_session_set_record            (KorakSession             *self,
                                                               const KorakSessionRecord *record);

gint64                    korak_session_get_id                (KorakSession *self);
/* ISO "YYYY-MM-DD"; "" when the record has none. */
const char               *korak_session_get_date              (KorakSession *self);
/* Fills @date and returns TRUE when the session has a valid date. */
gboolean                  korak_session_get_gdate             (KorakSession *self,
                                                               GDate        *date);
/* 1 Monday … 7 Sunday; 0 without a valid date. */
int                       korak_session_get_weekday           (KorakSession *self);
/* Minutes since midnight; -1 when the time is missing or malformed. */
int                       korak_session_get_start_minutes     (KorakSession *self);
int                       korak_session_get_end_minutes       (KorakSession *self);
/* "9:00–13:00" */
const char               *korak_session_get_time_range        (KorakSession *self);

/* The activity's name, or a translated fallback by kind ("Workshop",
 * "Individual hour with Ana Novak", "Work practice at Vrtnarstvo Zeleni"). */
const char               *korak_session_get_title             (KorakSession *self);
const char               *korak_session_get_kind              (KorakSession *self);
const char               *korak_session_get_kind_label        (KorakSession *self);
/* korak_skill_areas() code or NULL without an activity area. */
const char               *korak_session_get_skill_area        (KorakSession *self);
/* Translated area name, "" without one. */
const char               *korak_session_get_skill_area_label  (KorakSession *self);
const char               *korak_session_get_place             (KorakSession *self);
const char               *korak_session_get_leader_name       (KorakSession *self);
gboolean                  korak_session_get_cancelled         (KorakSession *self);
const char               *korak_session_get_cancelled_reason  (KorakSession *self);

int                       korak_session_get_module_ordinal    (KorakSession *self);
const char               *korak_session_get_module_kind       (KorakSession *self);
/* "Module 1 · Workshops", or "" when the session lies in no module. */
char                     *korak_session_dup_module_label      (KorakSession *self);

int                       korak_session_get_n_expected        (KorakSession *self);
int                       korak_session_get_n_marked          (KorakSession *self);
int                       korak_session_get_n_attended        (KorakSession *self);
/* "8/10" (present of expected) once attendance is marked, "" before. */
const char               *korak_session_get_attendance_badge  (KorakSession *self);

/* One translated sentence for screen readers, e.g. "Monday 23 November,
 * 9:00–13:00, Computer skills, Functional skills, Room 2, 8 of 10 present". */
const char               *korak_session_get_accessible_description (KorakSession *self);

/* A time of day as Korak shows it ("9:00"), from minutes since midnight. */
char                     *korak_format_minutes                (int minutes);

G_END_DECLS
