/* korak-register.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-schedule.h"

G_BEGIN_DECLS

#define KORAK_TYPE_REGISTER_ROW (korak_register_row_get_type ())

G_DECLARE_FINAL_TYPE (KorakRegisterRow, korak_register_row, KORAK, REGISTER_ROW, GObject)

gint64      korak_register_row_get_participant_id (KorakRegisterRow *self);
const char *korak_register_row_get_display_name   (KorakRegisterRow *self);
/* A korak_attendance_states() code, or NULL while not marked. */
const char *korak_register_row_get_state          (KorakRegisterRow *self);
void        korak_register_row_set_state          (KorakRegisterRow *self,
                                                   const char       *state);
double      korak_register_row_get_hours          (KorakRegisterRow *self);
void        korak_register_row_set_hours          (KorakRegisterRow *self,
                                                   double            hours);
const char *korak_register_row_get_remark         (KorakRegisterRow *self);
void        korak_register_row_set_remark         (KorakRegisterRow *self,
                                                   const char       *remark);

#define KORAK_TYPE_REGISTER (korak_register_get_type ())

/* The attendance register of one session: a GListModel of KorakRegisterRow,
 * edited in memory and stored as a whole by korak_register_save(). */
G_DECLARE_FINAL_TYPE (KorakRegister, korak_register, KORAK, REGISTER, GObject)

KorakRegister            *korak_register_new              (KorakStore     *store);
gboolean                  korak_register_load             (KorakRegister  *self,
                                                           gint64          session_id,
                                                           GError        **error);
gboolean                  korak_register_save             (KorakRegister  *self,
                                                           GError        **error);
const KorakSessionRecord *korak_register_get_session      (KorakRegister  *self);
/* Marks everyone not yet marked present, with the session's full hours. */
void                      korak_register_mark_all_present (KorakRegister  *self);
gboolean                  korak_register_get_changed      (KorakRegister  *self);
guint                     korak_register_count_state      (KorakRegister  *self,
                                                           const char     *state);
double                    korak_register_get_attended_hours (KorakRegister *self);

G_END_DECLS
