/* korak-linked-translation.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-note-links.h"

G_BEGIN_DECLS

/* "Translate…" for a goal or a small win, shared by the plan and journal
 * pages: the text goes through the notes workflow (korak-note-links.h). */

/* The language the mentor writes goals and journal entries in. */
#define KORAK_LINK_ORIGINAL_LANGUAGE "sl"

/* "Translated into Arabic · reviewed" (or "· not reviewed", "· the
 * original changed, not reviewed") for the translation into the
 * participant's mother tongue; NULL when there is none. @reviewed: set.
 * (transfer full) */
char      *korak_linked_translation_status (KorakStore    *store,
                                            KorakLinkKind  kind,
                                            gint64         row_id,
                                            gint64         participant_id,
                                            gboolean      *reviewed);
/* A small caption label with that status (success or warning colour), or
 * NULL when there is no translation. */
GtkWidget *korak_linked_translation_indicator_new (KorakStore    *store,
                                                   KorakLinkKind  kind,
                                                   gint64         row_id,
                                                   gint64         participant_id);
/* Ensures the linked note and opens the translation editor on it: the
 * translation into the participant's mother tongue when there is one,
 * else a new one with that language chosen. NULL with @error. */
GtkWindow *korak_linked_translation_open   (GtkWidget     *parent,
                                            KorakStore    *store,
                                            KorakLinkKind  kind,
                                            gint64         row_id,
                                            gint64         participant_id,
                                            GError       **error);

G_END_DECLS
