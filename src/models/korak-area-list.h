/* korak-area-list.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-assessment.h"
#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_AREA_ITEM (korak_area_item_get_type ())

G_DECLARE_FINAL_TYPE (KorakAreaItem, korak_area_item, KORAK, AREA_ITEM, GObject)

const KorakAreaRecord *korak_area_item_get_record  (KorakAreaItem *self);
gint64                 korak_area_item_get_id      (KorakAreaItem *self);
/* Translated for a seeded area, as typed otherwise. */
const char            *korak_area_item_get_label   (KorakAreaItem *self);
gboolean               korak_area_item_get_retired (KorakAreaItem *self);

#define KORAK_TYPE_AREA_LIST (korak_area_list_get_type ())

/* A GListModel of KorakAreaItem: the competency areas in use in their
 * order, then (if asked) the retired ones. */
G_DECLARE_FINAL_TYPE (KorakAreaList, korak_area_list, KORAK, AREA_LIST, GObject)

KorakAreaList *korak_area_list_new         (KorakStore       *store,
                                            gboolean          include_retired);
KorakStore    *korak_area_list_get_store   (KorakAreaList    *self);
gboolean       korak_area_list_reload      (KorakAreaList    *self,
                                            GError          **error);
/* Each writes through the store, then reloads. */
gboolean       korak_area_list_save        (KorakAreaList    *self,
                                            KorakAreaRecord  *record,
                                            GError          **error);
gboolean       korak_area_list_set_retired (KorakAreaList    *self,
                                            gint64            id,
                                            gboolean          retired,
                                            GError          **error);
gboolean       korak_area_list_move        (KorakAreaList    *self,
                                            gint64            id,
                                            int               delta,
                                            GError          **error);

G_END_DECLS
