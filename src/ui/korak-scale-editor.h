/* korak-scale-editor.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-band-list.h"

G_BEGIN_DECLS

#define KORAK_TYPE_SCALE_EDITOR (korak_scale_editor_get_type ())

/* The words of one competency area's 1–10 scale: its bands (a score or a
 * range of scores, each with a one-line description in the interface
 * language) and, per band, typed translations into the participants'
 * languages. Actions: scale.add (Ctrl+N), scale.save (Ctrl+S), scale.back
 * (Alt+Left, Escape while editing), scale.delete (asks nothing: the toast
 * offers Undo, scale.undo). */
G_DECLARE_FINAL_TYPE (KorakScaleEditor, korak_scale_editor, KORAK, SCALE_EDITOR, AdwWindow)

/* NULL with @error when the bands or the languages cannot be read. */
KorakScaleEditor *korak_scale_editor_new        (GtkWidget         *parent,
                                                 KorakStore        *store,
                                                 gint64             area_id,
                                                 const char        *area_label,
                                                 GError           **error);
GListModel       *korak_scale_editor_get_model  (KorakScaleEditor  *self);
/* Opens the band @band_id for editing, or a new one (0) on the first
 * scores that have no description. */
void              korak_scale_editor_edit_band  (KorakScaleEditor  *self,
                                                 gint64             band_id);
/* Stores the band being edited; FALSE with the reason shown above it, and
 * everything typed kept. */
gboolean          korak_scale_editor_save       (KorakScaleEditor  *self);
/* Deletes a band at once and offers Undo in a toast. */
gboolean          korak_scale_editor_delete_band (KorakScaleEditor *self,
                                                  gint64            band_id);
gboolean          korak_scale_editor_undo_delete (KorakScaleEditor *self);
const char       *korak_scale_editor_get_error  (KorakScaleEditor  *self);
/* The band being edited (0: a new one, -1: none). */
gint64            korak_scale_editor_get_editing_id (KorakScaleEditor *self);
/* For tests and the keyboard path. */
GtkSpinButton    *korak_scale_editor_get_from_spin        (KorakScaleEditor *self);
GtkSpinButton    *korak_scale_editor_get_to_spin          (KorakScaleEditor *self);
AdwEntryRow      *korak_scale_editor_get_description_row  (KorakScaleEditor *self);
AdwComboRow      *korak_scale_editor_get_language_row     (KorakScaleEditor *self);
AdwEntryRow      *korak_scale_editor_get_translation_row  (KorakScaleEditor *self);

G_END_DECLS
