/* korak-ui-util.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     korak_ui_ensure_resources (void);

void     korak_show_toast      (GtkWidget   *widget,
                                const char  *title);
void     korak_add_toast       (GtkWidget   *widget,
                                AdwToast    *toast);
gboolean korak_save_screenshot (GtkWidget   *widget,
                                const char  *path,
                                GError     **error);

G_END_DECLS
