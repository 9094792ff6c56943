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
};

G_DEFINE_FINAL_TYPE (KorakPreferencesWindow, korak_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
korak_preferences_window_class_init (KorakPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
