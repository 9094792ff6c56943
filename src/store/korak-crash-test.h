/* korak-crash-test.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Pulls the plug on a writer, @kills times: each round forks a child that
 * opens the database at @db_path and commits participants, attendance and
 * notes, one transaction each, telling the parent every committed id
 * through a pipe; the parent kills it with SIGKILL after a random 1–30 ms
 * (so some kills land while the database is being opened or recovered,
 * most in the middle of writes). At the end the parent opens the database,
 * runs PRAGMA integrity_check and looks up every reported id.
 *
 * @out_reported: (optional): ids the children reported as committed
 * @out_lost: (optional): of those, the ones missing afterwards (0 means
 *   every committed transaction survived)
 *
 * Returns FALSE with an error when the database cannot be prepared, a child
 * stops by itself (its error is passed on), or the integrity check fails
 * (the counts are set even then).
 *
 * Uses fork(): call it from a process that has no other threads yet, as
 * korak-cli and the tests are. Ids are checked in whatever database is at
 * @db_path, so a scratch copy is the right thing to pass.
 */
gboolean korak_crash_run (const char  *db_path,
                          guint        kills,
                          guint       *out_reported,
                          guint       *out_lost,
                          GError     **error);

G_END_DECLS
