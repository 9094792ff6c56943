/* korak-cohort-util.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-cohort-util"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "korak-cohort-util.h"
#include "korak-date.h"

char *
korak_time_entry_parse (const char  *text,
                  GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  const char *p = stripped;
  int hours = 0, minutes = 0, digits = 0;

  while (g_ascii_isdigit (*p) && digits < 3)
    hours = hours * 10 + (*p++ - '0'), digits++;

  if (digits > 0 && (*p == ':' || *p == '.'))
    {
      int mdigits = 0;

      p++;
      while (g_ascii_isdigit (*p) && mdigits < 3)
        minutes = minutes * 10 + (*p++ - '0'), mdigits++;
      if (mdigits != 2)
        digits = 0;
    }

  while (*p == ' ')
    p++;
  if (*p == 'h')
    p++;

  if (digits == 0 || digits > 2 || *p != '\0' || hours > 23 || minutes > 59)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a time of day. Type it as 9:00 or 13:30."),
                   stripped);
      return NULL;
    }

  return g_strdup_printf ("%02d:%02d", hours, minutes);
}

char *
korak_time_format (const char *hhmm)
{
  int hours, minutes;

  if (hhmm == NULL || sscanf (hhmm, "%d:%d", &hours, &minutes) != 2)
    return g_strdup (hhmm ? hhmm : "");

  return g_strdup_printf ("%d:%02d", hours, minutes);
}

const char *
korak_weekday_name (int weekday)
{
  static const char *names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
  };

  if (weekday < 1 || weekday > 7)
    return "";

  return _(names[weekday - 1]);
}

char *
korak_hours_format (double hours)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = (double)(gint64)(hours * 10 + (hours >= 0 ? 0.5 : -0.5)) / 10;

  if (rounded == (double)(gint64)rounded)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)rounded);

  /* One decimal, in the user's locale. */
  g_snprintf (buffer, sizeof buffer, "%.1f", rounded);
  return g_strdup (buffer);
}

char *
korak_date_range_format (const char *from,
                         const char *to)
{
  g_autofree char *a = korak_date_format (from);
  g_autofree char *b = korak_date_format (to);

  if (from == NULL || *from == '\0')
    return g_steal_pointer (&b);
  if (to == NULL || *to == '\0')
    return g_steal_pointer (&a);

  /* Translators: a range of dates, "from – to" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

GtkWidget *
korak_error_label_new (void)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_name (label, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);

  return label;
}

void
korak_error_label_set (GtkWidget  *label,
                       const char *message)
{
  gtk_label_set_text (GTK_LABEL (label), message ? message : "");
  gtk_widget_set_visible (label, message != NULL && *message != '\0');
}

void
korak_id_combo_fill (AdwComboRow *row,
                     GListModel  *items,
                     const char  *name_property,
                     const char  *none_label,
                     gint64       selected_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = items ? g_list_model_get_n_items (items) : 0;
  guint selected = 0;

  if (none_label != NULL)
    {
      gint64 none = 0;

      gtk_string_list_append (labels, none_label);
      g_array_append_val (ids, none);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *name = NULL;
      gboolean archived = FALSE;
      gint64 id = 0;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "archived"))
        g_object_get (item, "archived", &archived, NULL);
      g_object_get (item, "id", &id, name_property, &name, NULL);
      if (archived && id != selected_id)
        continue;

      if (id == selected_id)
        selected = ids->len;
      gtk_string_list_append (labels, name ? name : "");
      g_array_append_val (ids, id);
    }

  g_object_set_data_full (G_OBJECT (row), "korak-ids", ids, (GDestroyNotify)g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, ids->len ? selected : GTK_INVALID_LIST_POSITION);
}

gint64
korak_id_combo_get (AdwComboRow *row)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), "korak-ids");
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

void
korak_id_combo_select (AdwComboRow *row,
                       gint64       id)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), "korak-ids");

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
}

void
korak_choice_combo_fill (AdwComboRow       *row,
                         const KorakChoice *choices,
                         const char        *none_label,
                         const char        *selected_code)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *codes = g_ptr_array_new ();
  guint selected = 0;

  if (none_label != NULL)
    {
      gtk_string_list_append (labels, none_label);
      g_ptr_array_add (codes, NULL);
    }

  for (guint i = 0; choices[i].code != NULL; i++)
    {
      if (g_strcmp0 (choices[i].code, selected_code) == 0)
        selected = codes->len;
      gtk_string_list_append (labels, _(choices[i].label));
      g_ptr_array_add (codes, (gpointer)choices[i].code);
    }

  /* The codes are static strings from the choice table. */
  g_object_set_data_full (G_OBJECT (row), "korak-codes", codes, (GDestroyNotify)g_ptr_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

const char *
korak_choice_combo_get (AdwComboRow *row)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (row), "korak-codes");
  guint selected = adw_combo_row_get_selected (row);

  if (codes == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= codes->len)
    return NULL;

  return g_ptr_array_index (codes, selected);
}

GtkWidget *
korak_find_named (GtkWidget  *root,
                  const char *name)
{
  if (root == NULL)
    return NULL;

  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = korak_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
korak_scroll_to_top (GtkWidget *widget)
{
  GtkWidget *scrolled = find_scrolled (widget);
  GtkAdjustment *adjustment;

  if (scrolled == NULL)
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}
