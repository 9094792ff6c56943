/* korak-programme-list.h
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

#define KORAK_TYPE_PROGRAMME_ITEM (korak_programme_item_get_type ())

G_DECLARE_FINAL_TYPE (KorakProgrammeItem, korak_programme_item, KORAK, PROGRAMME_ITEM, GObject)

const KorakProgrammeRecord *korak_programme_item_get_record (KorakProgrammeItem *self);
gint64                      korak_programme_item_get_id     (KorakProgrammeItem *self);
const char                 *korak_programme_item_get_name   (KorakProgrammeItem *self);
/* Weeks of all modules together. */
int                         korak_programme_item_get_weeks  (KorakProgrammeItem *self);

#define KORAK_TYPE_PROGRAMME_LIST (korak_programme_list_get_type ())

/* A GListModel of KorakProgrammeItem, as the store lists them. */
G_DECLARE_FINAL_TYPE (KorakProgrammeList, korak_programme_list, KORAK, PROGRAMME_LIST, GObject)

KorakProgrammeList *korak_programme_list_new       (KorakStore            *store);
KorakStore         *korak_programme_list_get_store (KorakProgrammeList    *self);
gboolean            korak_programme_list_reload    (KorakProgrammeList    *self,
                                                    GError               **error);
gboolean            korak_programme_list_find      (KorakProgrammeList    *self,
                                                    gint64                 id,
                                                    guint                 *position);
/* Inserts (id 0) or updates @record, then reloads. */
gboolean            korak_programme_list_save      (KorakProgrammeList    *self,
                                                    KorakProgrammeRecord  *record,
                                                    GError               **error);

G_END_DECLS
