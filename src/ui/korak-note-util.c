/* korak-note-util.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-note-util"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-date.h"
#include "korak-note-util.h"

#define TAGS_KEY "korak-language-tags"

void
korak_language_combo_fill (AdwComboRow        *row,
                           const char * const *tags,
                           const char         *exclude,
                           const char         *selected)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);
  guint position = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (g_strcmp0 (tags[i], exclude) == 0)
        continue;
      if (g_strcmp0 (tags[i], selected) == 0)
        position = kept->len;
      gtk_string_list_append (labels, korak_language_name (tags[i]));
      g_ptr_array_add (kept, g_strdup (tags[i]));
    }

  g_object_set_data_full (G_OBJECT (row), TAGS_KEY, kept, (GDestroyNotify)g_ptr_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, kept->len > 0 ? position : GTK_INVALID_LIST_POSITION);
}

const char *
korak_language_combo_get (AdwComboRow *row)
{
  GPtrArray *tags = g_object_get_data (G_OBJECT (row), TAGS_KEY);
  guint selected = adw_combo_row_get_selected (row);

  if (tags == NULL || selected >= tags->len)
    return NULL;

  return g_ptr_array_index (tags, selected);
}

gboolean
korak_language_combo_select (AdwComboRow *row,
                             const char  *tag)
{
  GPtrArray *tags = g_object_get_data (G_OBJECT (row), TAGS_KEY);

  for (guint i = 0; tags != NULL && i < tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (tags, i), tag) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }

  return FALSE;
}

GtkTextDirection
korak_text_direction (const char *text,
                      const char *language)
{
  PangoDirection direction = PANGO_DIRECTION_NEUTRAL;

  /* Deprecated for layouts, which find it themselves; here it is the
   * direction of a whole text, as GtkLabel alignment needs. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (text != NULL)
    direction = pango_find_base_dir (text, -1);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (direction == PANGO_DIRECTION_RTL)
    return GTK_TEXT_DIR_RTL;
  if (direction == PANGO_DIRECTION_LTR)
    return GTK_TEXT_DIR_LTR;
  if (language != NULL && korak_language_is_rtl (language))
    return GTK_TEXT_DIR_RTL;

  return GTK_TEXT_DIR_NONE;
}

void
korak_label_set_text_with_direction (GtkLabel   *label,
                                     const char *text,
                                     const char *language)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, text ? text : "");
  /* xalign 0 is the start: GtkLabel mirrors it, and the justification of
   * wrapped lines, for a right-to-left widget. */
  gtk_label_set_xalign (label, 0);
  gtk_widget_set_direction (GTK_WIDGET (label), korak_text_direction (text, language));
}

char *
korak_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
korak_text_view_set_text (GtkTextView *view,
                          const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;

  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

void
korak_text_view_set_language (GtkTextView *view,
                              const char  *language)
{
  g_autofree char *text = korak_text_view_get_text (view);

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  /* GtkTextView sets each paragraph's direction from its own text; the
   * widget's direction decides where an empty line starts. */
  gtk_widget_set_direction (GTK_WIDGET (view),
                            korak_text_direction (*text != '\0' ? text : NULL, language));
}

static const char *
badge_class (const char *state)
{
  if (g_strcmp0 (state, KORAK_TRANSLATION_NEEDS_REVIEW) == 0)
    return "referred";
  if (g_strcmp0 (state, KORAK_TRANSLATION_REVIEWED) == 0)
    return "active";
  if (g_strcmp0 (state, KORAK_TRANSLATION_RETURNED) == 0)
    return "paused";
  return "exited";
}

void
korak_translation_badge_set (GtkWidget  *badge,
                             const char *state)
{
  static const char *classes[] = { "referred", "active", "paused", "exited" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (badge, classes[i]);
  gtk_widget_add_css_class (badge, badge_class (state));
  gtk_label_set_text (GTK_LABEL (badge), korak_choice_label (korak_translation_states (), state));
  g_object_set_data_full (G_OBJECT (badge), "state", g_strdup (state), g_free);
}

GtkWidget *
korak_translation_badge_new (const char *state)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_name (badge, "state-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-pill");
  gtk_widget_add_css_class (badge, "caption");
  korak_translation_badge_set (badge, state);
  return badge;
}

void
korak_add_capture_shortcut (GtkWidget       *widget,
                            guint            keyval,
                            GdkModifierType  modifiers,
                            const char      *action_name)
{
  GtkEventController *controller = g_object_get_data (G_OBJECT (widget), "korak-capture-shortcuts");

  if (controller == NULL)
    {
      controller = gtk_shortcut_controller_new ();
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      gtk_event_controller_set_name (controller, "korak-capture-shortcuts");
      gtk_widget_add_controller (widget, controller);
      g_object_set_data (G_OBJECT (widget), "korak-capture-shortcuts", controller);
    }

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action_name)));
}

char *
korak_format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;

  if (iso == NULL)
    return g_strdup ("");
  if ((utc = g_date_time_new_from_iso8601 (iso, NULL)) == NULL)
    return korak_date_format (iso);

  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  date = korak_date_format (day);
  clock = g_date_time_format (local, "%H:%M");
  /* Translators: when something was changed: a date, then a time (24-hour). */
  return g_strdup_printf (_("%s %s"), date, clock);
}
