/* korak-reports.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-document.h"
#include "korak-participant-record.h"
#include "korak-report-data.h"
#include "korak-store.h"

G_BEGIN_DECLS

/* Every printed document Korak makes, built as a KorakDocument from the
 * store: the print dialog, Export PDF and korak-cli all call these, so each
 * document is composed in exactly one place. Each uses the organisation's
 * letterhead and paper (korak_store_get_organisation()). Text in the
 * documents is translated with the current locale. */

/* The letterhead and paper of the organisation, applied to @document. */
gboolean       korak_report_apply_organisation (KorakDocument  *document,
                                                KorakStore     *store,
                                                GError        **error);

/* A certificate from the register, drawn only from the frozen record, so
 * a reprint is identical. One framed page; the serial and verification
 * code in the footer. */
KorakDocument *korak_report_certificate        (KorakStore                   *store,
                                                const KorakCertificateRecord *certificate,
                                                GError                      **error);
/* Certificates, one page each, in one document (a cohort's batch). */
KorakDocument *korak_report_certificates       (KorakStore  *store,
                                                GPtrArray   *certificates,   /* KorakCertificateRecord* */
                                                const char  *title,
                                                GError     **error);
/* The sign-in sheet for a cohort's session day: sessions, leader,
 * mediator, and a row per participant with a signature box. */
KorakDocument *korak_report_sign_in_sheet      (KorakStore  *store,
                                                gint64       cohort_id,
                                                const char  *date,
                                                GError     **error);
/* The individual plan for signing by participant and mentor. */
KorakDocument *korak_report_plan               (KorakStore  *store,
                                                gint64       participant_id,
                                                GError     **error);
/* The individual progress report: profile summary, plan and goals, star
 * chart intake vs latest, attendance chart, small wins, exit, follow-ups. */
KorakDocument *korak_report_progress           (KorakStore  *store,
                                                gint64       participant_id,
                                                GError     **error);
/* Participants × session days of a month, hours, rate and totals; landscape. */
KorakDocument *korak_report_monthly_attendance (KorakStore  *store,
                                                gint64       cohort_id,
                                                const char  *month,
                                                GError     **error);
/* Enrolled, completed, early exits by reason, positive exits, average
 * competency change, with charts. */
KorakDocument *korak_report_cohort_outcomes    (KorakStore  *store,
                                                gint64       cohort_id,
                                                GError     **error);
/* The participant profile (the record as shown, unsaved edits included). */
KorakDocument *korak_report_profile            (KorakStore                   *store,
                                                const KorakParticipantRecord *record,
                                                GError                      **error);

G_END_DECLS
