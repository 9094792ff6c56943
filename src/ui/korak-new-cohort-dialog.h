/* korak-new-cohort-dialog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-cohort-list.h"
#include "korak-programme-list.h"
#include "korak-staff-list.h"

G_BEGIN_DECLS

#define KORAK_TYPE_NEW_COHORT_DIALOG (korak_new_cohort_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KorakNewCohortDialog, korak_new_cohort_dialog, KORAK, NEW_COHORT_DIALOG, AdwWindow)

KorakNewCohortDialog *korak_new_cohort_dialog_new       (GtkWindow            *parent,
                                                         KorakCohortList      *cohorts,
                                                         KorakProgrammeList   *programmes,
                                                         KorakStaffList       *mentors,
                                                         KorakStaffList       *mediators);
gboolean              korak_new_cohort_dialog_create    (KorakNewCohortDialog *self);
const char           *korak_new_cohort_dialog_get_error (KorakNewCohortDialog *self);

G_END_DECLS
