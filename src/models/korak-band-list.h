/* korak-band-list.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-scales.h"

G_BEGIN_DECLS

#define KORAK_TYPE_BAND_ITEM (korak_band_item_get_type ())

G_DECLARE_FINAL_TYPE (KorakBandItem, korak_band_item, KORAK, BAND_ITEM, GObject)

const KorakBandRecord *korak_band_item_get_record (KorakBandItem *self);
gint64                 korak_band_item_get_id     (KorakBandItem *self);
/* The description in the interface language (korak_scale_band_label()). */
const char            *korak_band_item_get_label  (KorakBandItem *self);

#define KORAK_TYPE_BAND_LIST (korak_band_list_get_type ())

/* A GListModel of KorakBandItem: the bands of one competency area's 1–10
 * scale, lowest score first, with their typed translations. */
G_DECLARE_FINAL_TYPE (KorakBandList, korak_band_list, KORAK, BAND_LIST, GObject)

KorakBandList *korak_band_list_new      (KorakStore       *store,
                                         gint64            area_id);
KorakStore    *korak_band_list_get_store (KorakBandList   *self);
gint64         korak_band_list_get_area_id (KorakBandList *self);
gboolean       korak_band_list_reload   (KorakBandList    *self,
                                         GError          **error);
/* Each writes through the store, then reloads. */
gboolean       korak_band_list_save     (KorakBandList    *self,
                                         KorakBandRecord  *record,
                                         GError          **error);
gboolean       korak_band_list_delete   (KorakBandList    *self,
                                         gint64            band_id,
                                         GError          **error);
/* The band with @band_id, or NULL. (transfer none) */
const KorakBandRecord *korak_band_list_find (KorakBandList *self,
                                             gint64         band_id);

G_END_DECLS
