/* korak-history-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-store.h"

G_BEGIN_DECLS

#define KORAK_TYPE_HISTORY_PAGE (korak_history_page_get_type ())

G_DECLARE_FINAL_TYPE (KorakHistoryPage, korak_history_page, KORAK, HISTORY_PAGE, AdwBin)

/* The person whose changes are listed; read when the page is shown. */
void        korak_history_page_set_participant (KorakHistoryPage *self,
                                                KorakStore       *store,
                                                gint64            participant_id);
/* Their data changed: read again now if shown, else when next shown. */
void        korak_history_page_invalidate      (KorakHistoryPage *self);
/* The model shown (KorakHistoryEntry), or NULL before a person is set. */
GListModel *korak_history_page_get_model       (KorakHistoryPage *self);

G_END_DECLS
