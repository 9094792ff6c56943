/* korak-application.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KORAK_TYPE_APPLICATION (korak_application_get_type ())

G_DECLARE_FINAL_TYPE (KorakApplication, korak_application, KORAK, APPLICATION, AdwApplication)

KorakApplication *korak_application_new          (gint64            start_time);
void              korak_application_set_database (KorakApplication *self,
                                                  const char       *path);

G_END_DECLS
