/* korak-cohort-list.h
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

#define KORAK_TYPE_COHORT_ITEM (korak_cohort_item_get_type ())

G_DECLARE_FINAL_TYPE (KorakCohortItem, korak_cohort_item, KORAK, COHORT_ITEM, GObject)

const KorakCohortDetail *korak_cohort_item_get_detail         (KorakCohortItem *self);
gint64                   korak_cohort_item_get_id             (KorakCohortItem *self);
const char              *korak_cohort_item_get_name           (KorakCohortItem *self);
const char              *korak_cohort_item_get_programme_name (KorakCohortItem *self);
const char              *korak_cohort_item_get_site           (KorakCohortItem *self);
const char              *korak_cohort_item_get_start_date     (KorakCohortItem *self);
const char              *korak_cohort_item_get_end_date       (KorakCohortItem *self);
int                      korak_cohort_item_get_n_enrolled     (KorakCohortItem *self);

#define KORAK_TYPE_COHORT_LIST (korak_cohort_list_get_type ())

/* A GListModel of KorakCohortItem: the cohorts that are not archived,
 * newest start first, with their modules. */
G_DECLARE_FINAL_TYPE (KorakCohortList, korak_cohort_list, KORAK, COHORT_LIST, GObject)

KorakCohortList *korak_cohort_list_new       (KorakStore         *store);
KorakStore      *korak_cohort_list_get_store (KorakCohortList    *self);
gboolean         korak_cohort_list_reload    (KorakCohortList    *self,
                                              GError            **error);
gboolean         korak_cohort_list_find      (KorakCohortList    *self,
                                              gint64              id,
                                              guint              *position);
KorakCohortItem *korak_cohort_list_lookup    (KorakCohortList    *self,
                                              gint64              id);
/* Stores @detail (a new one when its id is 0, which then gets its id and
 * its modules from the programme's plan) and reloads. */
gboolean         korak_cohort_list_save      (KorakCohortList    *self,
                                              KorakCohortDetail  *detail,
                                              GError            **error);

G_END_DECLS
