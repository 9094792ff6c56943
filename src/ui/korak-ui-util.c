/* korak-ui-util.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-ui-util"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-resources.h"
#include "korak-ui-util.h"

/* The resources live in a static library, so they are registered by hand:
 * a constructor in an unreferenced object would be dropped by the linker. */
void
korak_ui_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      korak_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/* Toasts go to the window's overlay, wherever the widget sits. */
void
korak_add_toast (GtkWidget *widget,
                 AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
korak_show_toast (GtkWidget  *widget,
                  const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 2);
  korak_add_toast (widget, toast);
}

/**
 * korak_save_screenshot:
 *
 * Renders @widget as it is on screen now into a PNG, the way a mentor sees
 * it; used by `--screenshot` and by the UI tests.
 */
gboolean
korak_save_screenshot (GtkWidget   *widget,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  GtkNative *native;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  native = gtk_widget_get_native (widget);
  if (native == NULL || width <= 0 || height <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The window is not shown yet, so there is nothing to capture."));
      return FALSE;
    }

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The window drew nothing to capture."));
      return FALSE;
    }

  renderer = gtk_native_get_renderer (native);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the screenshot to “%s”."), path);
      return FALSE;
    }

  return TRUE;
}
