/* korak-journal.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "korak-plan.h"

G_BEGIN_DECLS

#define KORAK_TYPE_JOURNAL_ITEM (korak_journal_item_get_type ())

G_DECLARE_FINAL_TYPE (KorakJournalItem, korak_journal_item, KORAK, JOURNAL_ITEM, GObject)

const KorakJournalRecord *korak_journal_item_get_record (KorakJournalItem *self);

/* A GListModel of KorakJournalItem: one participant's journal, newest first. */
GListModel *korak_journal_load (KorakStore  *store,
                                gint64       participant_id,
                                GError     **error);

G_END_DECLS
