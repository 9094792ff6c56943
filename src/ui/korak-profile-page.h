/* korak-profile-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-document.h"
#include "korak-participant-form.h"
#include "korak-participant-list.h"
#include "korak-notes-page.h"
#include "korak-progress-page.h"

G_BEGIN_DECLS

#define KORAK_TYPE_PROFILE_PAGE (korak_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (KorakProfilePage, korak_profile_page, KORAK, PROFILE_PAGE, AdwBin)

void                  korak_profile_page_set_participants (KorakProfilePage     *self,
                                                           KorakParticipantList *participants,
                                                           GListModel           *cohorts);
gboolean              korak_profile_page_show             (KorakProfilePage     *self,
                                                           KorakParticipant     *participant);
KorakParticipant     *korak_profile_page_get_participant  (KorakProfilePage     *self);
gboolean              korak_profile_page_save             (KorakProfilePage     *self);
KorakParticipantForm *korak_profile_page_get_form         (KorakProfilePage     *self);
GtkPrintOperation    *korak_profile_page_create_print_operation (KorakProfilePage *self);
gboolean              korak_profile_page_export_pdf       (KorakProfilePage     *self,
                                                           const char           *path,
                                                           GError              **error);
/* @kind: "profile", "plan", "progress", "participation" or "completion".
 * Unsaved edits are stored first; a certificate is issued (or reprinted). */
KorakDocument        *korak_profile_page_create_document  (KorakProfilePage     *self,
                                                           const char           *kind,
                                                           GError              **error);
gboolean              korak_profile_page_export_document  (KorakProfilePage     *self,
                                                           const char           *kind,
                                                           const char           *path,
                                                           GError              **error);
void                  korak_profile_page_set_show_back    (KorakProfilePage     *self,
                                                           gboolean              show_back);
/* The Progress tab beside the profile form. */
KorakProgressPage    *korak_profile_page_get_progress_page (KorakProfilePage    *self);
/* The Notes tab. */
KorakNotesPage       *korak_profile_page_get_notes_page   (KorakProfilePage     *self);
/* "profile", "progress", "plan", "journal", "notes" or "history" */
void                  korak_profile_page_set_view         (KorakProfilePage     *self,
                                                           const char           *name);
/* Export Personal Data…: NAME.json and NAME.pdf in @folder, unsaved edits
 * stored first. */
gboolean              korak_profile_page_export_personal_data (KorakProfilePage *self,
                                                               const char       *folder,
                                                               char            **json_path,
                                                               char            **pdf_path,
                                                               GError          **error);
/* Erase Personal Data…: the confirmation dialog, presented. */
GtkWindow            *korak_profile_page_erase            (KorakProfilePage     *self);
/* After an erasure made elsewhere (People Past Retention): forgets the
 * person if shown and reads the participant list again. */
void                  korak_profile_page_person_erased    (KorakProfilePage     *self,
                                                           gint64                participant_id);

const char *korak_profile_page_get_view (KorakProfilePage *self);

G_END_DECLS
