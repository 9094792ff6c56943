/* korak-history.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-audit.h"

G_BEGIN_DECLS

#define KORAK_TYPE_HISTORY_ENTRY (korak_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (KorakHistoryEntry, korak_history_entry, KORAK, HISTORY_ENTRY, GObject)

/* One change, in words: "Attendance on 2. 3. 2026 changed from Absent to Present". */
const char             *korak_history_entry_get_summary (KorakHistoryEntry *self);
/* Who made it: the staff member, else the computer user recorded. */
const char             *korak_history_entry_get_who     (KorakHistoryEntry *self);
/* When, in local time; NULL when the log's time cannot be read. */
GDateTime              *korak_history_entry_get_time    (KorakHistoryEntry *self);
/* The date and time as shown: "2. 3. 2026 14:05". */
const char             *korak_history_entry_get_time_label (KorakHistoryEntry *self);
const KorakAuditRecord *korak_history_entry_get_record  (KorakHistoryEntry *self);

#define KORAK_TYPE_HISTORY (korak_history_get_type ())

/* A GListModel of KorakHistoryEntry: what was changed about one person,
 * in every table, newest first. A score removed and entered again in one
 * save (an assessment saved anew) shows as one change, or not at all when
 * its values stayed the same. */
G_DECLARE_FINAL_TYPE (KorakHistory, korak_history, KORAK, HISTORY, GObject)

KorakHistory *korak_history_new                (KorakStore   *store,
                                                gint64        participant_id);
gboolean      korak_history_reload             (KorakHistory *self,
                                                GError      **error);
gint64        korak_history_get_participant_id (KorakHistory *self);

/* The one-line summary of an audit entry, translated. */
char         *korak_history_describe           (const KorakAuditRecord *record);

G_END_DECLS
