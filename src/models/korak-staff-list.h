/* korak-staff-list.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-schedule.h"
#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_STAFF_ITEM (korak_staff_item_get_type ())

G_DECLARE_FINAL_TYPE (KorakStaffItem, korak_staff_item, KORAK, STAFF_ITEM, GObject)

const KorakStaffRecord *korak_staff_item_get_record       (KorakStaffItem *self);
gint64                  korak_staff_item_get_id           (KorakStaffItem *self);
const char             *korak_staff_item_get_display_name (KorakStaffItem *self);
const char             *korak_staff_item_get_role_label   (KorakStaffItem *self);
gboolean                korak_staff_item_get_archived     (KorakStaffItem *self);

#define KORAK_TYPE_STAFF_LIST (korak_staff_list_get_type ())

/* A GListModel of KorakStaffItem by family then given name; only those of
 * one role when the list is made with a role. */
G_DECLARE_FINAL_TYPE (KorakStaffList, korak_staff_list, KORAK, STAFF_LIST, GObject)

KorakStaffList *korak_staff_list_new          (KorakStore        *store,
                                               const char        *role,
                                               gboolean           include_archived);
KorakStore     *korak_staff_list_get_store    (KorakStaffList    *self);
gboolean        korak_staff_list_reload       (KorakStaffList    *self,
                                               GError           **error);
gboolean        korak_staff_list_find         (KorakStaffList    *self,
                                               gint64             id,
                                               guint             *position);
/* Inserts (id 0) or updates @record, then reloads. */
gboolean        korak_staff_list_save         (KorakStaffList    *self,
                                               KorakStaffRecord  *record,
                                               GError           **error);
gboolean        korak_staff_list_set_archived (KorakStaffList    *self,
                                               gint64             id,
                                               gboolean           archived,
                                               GError           **error);

G_END_DECLS
