/* korak-preferences-window.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-preferences-window.h"
#include "korak-ui-util.h"

struct _KorakPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSpinButton        *threshold_button;

  KorakAreaList        *areas;
  GtkListBox           *area_box;
};

G_DEFINE_FINAL_TYPE (KorakPreferencesWindow, korak_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
korak_preferences_window_dispose (GObject *object)
{
  KorakPreferencesWindow *self = (KorakPreferencesWindow *)object;

  if (self->area_box != NULL)
    gtk_list_box_bind_model (self->area_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->areas);

  G_OBJECT_CLASS (korak_preferences_window_parent_class)->dispose (object);
}

static void
korak_preferences_window_class_init (KorakPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = korak_preferences_window_dispose;

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, threshold_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
korak_preferences_window_init (KorakPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
korak_preferences_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  KorakPreferencesWindow *self = g_object_new (KORAK_TYPE_PREFERENCES_WINDOW,
                                               "transient-for", parent,
                                               NULL);

  if (settings != NULL)
    g_settings_bind (settings, "attendance-threshold",
                     gtk_spin_button_get_adjustment (self->threshold_button), "value",
                     G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->threshold_button), FALSE);

  return GTK_WIDGET (self);
}

GtkSpinButton *
korak_preferences_window_get_threshold_button (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->threshold_button;
}

/* ------------------------------------------------------ competency areas */

static void
area_failed (KorakPreferencesWindow *self,
             const GError           *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static gint64
row_area_id (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "area-id");

  return id ? *id : 0;
}

static void
set_row_area_id (GtkWidget *widget,
                 gint64     id)
{
  g_object_set_data_full (G_OBJECT (widget), "area-id", g_memdup2 (&id, sizeof id), g_free);
}

static void
on_area_apply_cb (AdwEntryRow            *row,
                  KorakPreferencesWindow *self)
{
  g_autoptr(KorakAreaRecord) record = korak_area_record_new ();
  g_autoptr(GError) error = NULL;

  record->id = row_area_id (GTK_WIDGET (row));
  record->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!korak_area_list_save (self->areas, record, &error))
    area_failed (self, error);
}

static void
on_area_add_cb (AdwEntryRow            *row,
                KorakPreferencesWindow *self)
{
  g_autoptr(KorakAreaRecord) record = korak_area_record_new ();
  g_autoptr(GError) error = NULL;

  record->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!korak_area_list_save (self->areas, record, &error))
    {
      area_failed (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_area_move_cb (GtkButton              *button,
                 KorakPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  if (!korak_area_list_move (self->areas, row_area_id (GTK_WIDGET (button)), delta, &error))
    area_failed (self, error);
}

static void
on_area_retire_cb (GtkButton              *button,
                   KorakPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean retire = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "retire"));

  if (!korak_area_list_set_retired (self->areas, row_area_id (GTK_WIDGET (button)), retire, &error))
    area_failed (self, error);
}

static GtkWidget *
area_button (KorakPreferencesWindow *self,
             const char             *icon,
             const char             *tooltip,
             const char             *accessible,
             gint64                  id,
             GCallback               callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  set_row_area_id (button, id);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
create_area_row (gpointer item,
                 gpointer user_data)
{
  KorakPreferencesWindow *self = user_data;
  KorakAreaItem *area = item;
  gint64 id = korak_area_item_get_id (area);
  const char *label = korak_area_item_get_label (area);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button;
  g_autofree char *up = g_strdup_printf (_("Move %s up"), label);
  g_autofree char *down = g_strdup_printf (_("Move %s down"), label);
  g_autofree char *retire = g_strdup_printf (_("Retire %s"), label);
  g_autofree char *restore = g_strdup_printf (_("Use %s again"), label);

  set_row_area_id (row, id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 korak_area_item_get_retired (area) ? _("Retired: old scores are kept") : _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (row), label);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_area_apply_cb), self, 0);

  if (korak_area_item_get_retired (area))
    {
      gtk_widget_add_css_class (row, "dim-label");
      button = area_button (self, "edit-undo-symbolic", _("Use Again"), restore, id, G_CALLBACK (on_area_retire_cb));
      g_object_set_data (G_OBJECT (button), "retire", GINT_TO_POINTER (FALSE));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      return row;
    }

  button = area_button (self, "go-up-symbolic", _("Move Up"), up, id, G_CALLBACK (on_area_move_cb));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (-1));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  button = area_button (self, "go-down-symbolic", _("Move Down"), down, id, G_CALLBACK (on_area_move_cb));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (1));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  button = area_button (self, "user-trash-symbolic", _("Retire (Old Scores Are Kept)"), retire, id,
                        G_CALLBACK (on_area_retire_cb));
  g_object_set_data (G_OBJECT (button), "retire", GINT_TO_POINTER (TRUE));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  return row;
}

void
korak_preferences_window_set_store (KorakPreferencesWindow *self,
                                    KorakStore             *store)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *group, *add_group, *add_row;

  g_return_if_fail (KORAK_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (KORAK_IS_STORE (store));
  g_return_if_fail (self->areas == NULL);

  self->areas = korak_area_list_new (store, TRUE);
  if (!korak_area_list_reload (self->areas, &error))
    {
      area_failed (self, error);
      return;
    }

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Assessments"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "document-edit-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "assessments");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Competency Areas"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The areas scored from 1 to 10 in every assessment, in this order. A retired area is left out of new assessments; its old scores stay."));
  self->area_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->area_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->area_box), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Competency areas"), -1);
  gtk_list_box_bind_model (self->area_box, G_LIST_MODEL (self->areas), create_area_row, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->area_box));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  add_group = adw_preferences_group_new ();
  add_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add a competency area"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add_row), TRUE);
  g_signal_connect_object (add_row, "apply", G_CALLBACK (on_area_add_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), add_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (add_group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);
}

KorakAreaList *
korak_preferences_window_get_areas (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->areas;
}
