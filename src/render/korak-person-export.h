/* korak-person-export.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "korak-document.h"
#include "korak-store.h"

G_BEGIN_DECLS

/* Everything Korak holds about one person (a data subject's request for
 * their data), as a readable document: profile, enrolments, attendance,
 * plan, assessments, journal, notes and translations, certificates,
 * follow-ups and the history of changes. korak_store_export_person() gives
 * the same in JSON. */
KorakDocument *korak_person_export_document (KorakStore   *store,
                                             gint64        participant_id,
                                             GError      **error);

/* Writes NAME.json and NAME.pdf (NAME the person's name, made unique in
 * @folder with " (2)", " (3)" … rather than replacing a file), readable
 * only by the user. Returns the two paths. */
gboolean       korak_person_export_write    (KorakStore   *store,
                                             gint64        participant_id,
                                             const char   *folder,
                                             char        **json_path,
                                             char        **pdf_path,
                                             GError      **error);

G_END_DECLS
