/* korak-date.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  korak_date_is_iso   (const char  *text);
char     *korak_date_parse    (const char  *text,
                               GError     **error);
char     *korak_date_format   (const char  *iso);
char     *korak_date_today    (void);
char     *korak_date_to_iso   (const GDate *date);

G_END_DECLS
