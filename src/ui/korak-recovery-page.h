/* korak-recovery-page.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "korak-backup.h"

G_BEGIN_DECLS

#define KORAK_TYPE_RECOVERY_PAGE (korak_recovery_page_get_type ())

G_DECLARE_FINAL_TYPE (KorakRecoveryPage, korak_recovery_page, KORAK, RECOVERY_PAGE, AdwBin)

/*
 * What the window shows instead of the participants when its database is
 * damaged: why, the newest good backup with its date and what it holds,
 * and the way out: restore it, choose another backup, open another
 * database, or quit. ::restore (path, description) asks the window to
 * restore a backup.
 */

/* Looks for the newest good backup in @backup_folder and says why
 * @database_path cannot be used (@message, the store's words). */
void                   korak_recovery_page_show             (KorakRecoveryPage *self,
                                                             const char        *database_path,
                                                             const char        *backup_folder,
                                                             const char        *message);
/* For tests: the status page, and the backup offered (NULL while looking
 * or when none was found). */
AdwStatusPage         *korak_recovery_page_get_status_page  (KorakRecoveryPage *self);
const KorakBackupInfo *korak_recovery_page_get_backup       (KorakRecoveryPage *self);
gboolean               korak_recovery_page_get_searching    (KorakRecoveryPage *self);

G_END_DECLS
