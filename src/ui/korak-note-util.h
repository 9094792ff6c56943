/* korak-note-util.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-notes.h"

G_BEGIN_DECLS

/* Small helpers the notes page, the note and translation editors and the
 * Review view share. */

/* A combo of languages labelled with korak_language_name(), in the order
 * of @tags, without @exclude; @selected chosen (else the first). */
void         korak_language_combo_fill     (AdwComboRow        *row,
                                            const char * const *tags,
                                            const char         *exclude,
                                            const char         *selected);
const char  *korak_language_combo_get      (AdwComboRow        *row);
gboolean     korak_language_combo_select   (AdwComboRow        *row,
                                            const char         *tag);

/* The direction text is written in: from its first strong character, else
 * from @language (a tag, may be NULL); GTK_TEXT_DIR_NONE when neither says. */
GtkTextDirection korak_text_direction      (const char         *text,
                                            const char         *language);
/* Sets @text and makes the label follow its direction: right-aligned and
 * right to left for Arabic or Persian, whatever the interface's direction. */
void         korak_label_set_text_with_direction (GtkLabel     *label,
                                                  const char   *text,
                                                  const char   *language);

/* Text views: the whole text, and replacing it. */
char        *korak_text_view_get_text      (GtkTextView        *view);
void         korak_text_view_set_text      (GtkTextView        *view,
                                            const char         *text);
/* A text view for a note: wraps, and starts right to left for an RTL
 * @language (each paragraph then follows its own text). */
void         korak_text_view_set_language  (GtkTextView        *view,
                                            const char         *language);

/* "2. 3. 2026 10:00" for a stored UTC timestamp, in local time. */
char        *korak_format_timestamp        (const char         *iso);

/* A small pill with the translated state of a translation. */
GtkWidget   *korak_translation_badge_new   (const char         *state);
void         korak_translation_badge_set   (GtkWidget          *badge,
                                            const char         *state);

/* A shortcut handled before the focused widget sees the key, so that
 * Ctrl+Return reaches the dialog even from inside a text view. */
void         korak_add_capture_shortcut    (GtkWidget          *widget,
                                            guint               keyval,
                                            GdkModifierType     modifiers,
                                            const char         *action_name);

G_END_DECLS
