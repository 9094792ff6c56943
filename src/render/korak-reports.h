/* korak-reports.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-catalog.h"
#include "korak-document.h"
#include "korak-scales.h"
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
/* ------------------------------------------------------------ bilingual */

/* The individual plan, the certificate and the progress report can be
 * printed in two languages: the interface language (as every document) and
 * a second one, the participant's, read from its compiled catalog
 * (korak-catalog.h). Side by side: headings, notes and the certificate's
 * sentences in two columns, field labels at both sides of the value; one
 * above the other: each text followed by its translation. Table cells hold
 * both languages, one line each. A goal's description and a small win
 * print with their translation from the notes workflow
 * (korak-note-links.h), marked when a mediator has not reviewed it. */
typedef enum
{
  KORAK_BILINGUAL_SIDE_BY_SIDE,
  KORAK_BILINGUAL_STACKED,
} KorakBilingualLayout;

typedef struct
{
  const char           *language;   /* a tag (ar, sq, hr); NULL: one language */
  KorakBilingualLayout  layout;
} KorakBilingual;

typedef enum
{
  KORAK_REPORT_PLAN,
  KORAK_REPORT_PROGRESS,
  KORAK_REPORT_CERTIFICATE,
} KorakReportKind;

#define KORAK_REPORT_ERROR (korak_report_error_quark ())

typedef enum
{
  /* The document's fixed text is not fully translated into the language
   * asked for (or there is no catalog of it); the message lists the
   * languages it can be printed in. */
  KORAK_REPORT_ERROR_LANGUAGE,
} KorakReportError;

GQuark         korak_report_error_quark        (void);

/* @bilingual NULL (or its language NULL) gives exactly the one-language
 * document of korak_report_plan() and friends. */
KorakDocument *korak_report_plan_bilingual     (KorakStore                    *store,
                                                gint64                         participant_id,
                                                const KorakBilingual          *bilingual,
                                                GError                       **error);
KorakDocument *korak_report_progress_bilingual (KorakStore                    *store,
                                                gint64                         participant_id,
                                                const KorakBilingual          *bilingual,
                                                GError                       **error);
KorakDocument *korak_report_certificate_bilingual (KorakStore                 *store,
                                                   const KorakCertificateRecord *certificate,
                                                   const KorakBilingual       *bilingual,
                                                   GError                    **error);
/* The languages (tags, sorted) the participant's document of @kind can be
 * printed in beside the interface language: those whose catalog translates
 * every fixed text the document would print (a dry build notes each msgid
 * the catalog lacks). For a certificate, before one is issued, a sample with
 * every part a certificate of either kind can have is checked. The
 * interface language itself is left out. (transfer full) */
GStrv          korak_report_bilingual_languages (KorakStore       *store,
                                                 KorakReportKind   kind,
                                                 gint64            participant_id,
                                                 GError          **error);
/* TRUE when @language is among korak_report_bilingual_languages(); else
 * FALSE with KORAK_REPORT_ERROR_LANGUAGE, whose message lists them. */
gboolean       korak_report_check_language      (KorakStore       *store,
                                                 KorakReportKind   kind,
                                                 gint64            participant_id,
                                                 const char       *language,
                                                 GError          **error);
/* The msgids the catalog of @language lacks for that document (empty:
 * complete). (transfer full) */
GStrv          korak_report_bilingual_missing   (KorakStore       *store,
                                                 KorakReportKind   kind,
                                                 gint64            participant_id,
                                                 const char       *language,
                                                 GError          **error);

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

/* A band's description in @language: the catalog's for a seeded band
 * (@catalog may be NULL), the typed translation for a typed one, or NULL. */
const char    *korak_report_band_in_language   (const KorakBandRecord *band,
                                                const char            *language,
                                                KorakCatalog          *catalog);

G_END_DECLS
