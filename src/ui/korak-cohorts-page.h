/* korak-cohorts-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-cohort-list.h"
#include "korak-document.h"
#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_COHORTS_PAGE (korak_cohorts_page_get_type ())

G_DECLARE_FINAL_TYPE (KorakCohortsPage, korak_cohorts_page, KORAK, COHORTS_PAGE, AdwBin)

void             korak_cohorts_page_set_store       (KorakCohortsPage *self,
                                                     KorakStore       *store);
void             korak_cohorts_page_select          (KorakCohortsPage *self,
                                                     gint64            cohort_id);
gint64           korak_cohorts_page_get_selected_id (KorakCohortsPage *self);
gboolean         korak_cohorts_page_save            (KorakCohortsPage *self);
gboolean         korak_cohorts_page_reload          (KorakCohortsPage *self);
KorakCohortList *korak_cohorts_page_get_cohorts     (KorakCohortsPage *self);
/* "no-programme", "no-cohort", "error" or "main" */
const char      *korak_cohorts_page_get_state       (KorakCohortsPage *self);
const char      *korak_cohorts_page_get_error       (KorakCohortsPage *self);
/* What the last Generate Sessions said in its toast, or %NULL. */
const char      *korak_cohorts_page_get_message     (KorakCohortsPage *self);
/* The notes about the cohort shown, in a window of their own. */
GtkWindow       *korak_cohorts_page_open_notes      (KorakCohortsPage *self);
/* A document of the cohort shown, as its Print or Save dialog makes it:
 * "monthly" (for @month, "YYYY-MM"), "outcomes" or "certificates". */
KorakDocument   *korak_cohorts_page_create_document (KorakCohortsPage *self,
                                                     const char       *kind,
                                                     const char       *month,
                                                     GError          **error);

G_END_DECLS
