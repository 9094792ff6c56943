/* korak-journal-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-journal.h"

G_BEGIN_DECLS

#define KORAK_TYPE_JOURNAL_PAGE (korak_journal_page_get_type ())

/* One participant's journal of small wins, milestones and concerns as a
 * timeline, with a one-line quick add: the action "journal.quick-add"
 * (Ctrl+J) focuses the line, Enter adds it. Emits "changed" after an entry
 * was stored. */
G_DECLARE_FINAL_TYPE (KorakJournalPage, korak_journal_page, KORAK, JOURNAL_PAGE, AdwBin)

void        korak_journal_page_set_participant (KorakJournalPage *self,
                                                KorakStore       *store,
                                                gint64            participant_id);
/* Focuses the quick-add line, as the action does; for a shortcut on an
 * ancestor such as the profile. */
void        korak_journal_page_quick_add       (KorakJournalPage *self);
GListModel *korak_journal_page_get_model       (KorakJournalPage *self);
const char *korak_journal_page_get_error       (KorakJournalPage *self);

G_END_DECLS
