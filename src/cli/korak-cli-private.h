/* korak-cli-private.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "korak-store.h"

G_BEGIN_DECLS

/* Exit statuses: 0 success, 1 the work failed, 2 the command line was wrong. */
#define EXIT_USAGE 2

typedef int (*CommandFunc) (int    argc,
                            char **argv);

/* What every korak-cli command shares: errors, options, opening a
 * database and printing measured figures. */
void            korak_cli_print_error     (const char          *message);
double          korak_cli_ms_since        (gint64               start_us);
gboolean        korak_cli_parse_options   (GOptionContext      *context,
                                           int                 *argc,
                                           char              ***argv);
GOptionContext *korak_cli_command_context (const char          *summary,
                                           const GOptionEntry  *entries);
gboolean        korak_cli_database_exists (const char          *path);
KorakStore     *korak_cli_open_store      (const char          *path);
double          korak_cli_median          (GArray              *samples);
double          korak_cli_maximum         (GArray              *samples);
void            korak_cli_print_figure    (const char          *label,
                                           double               ms,
                                           double               target_ms);
/* A bench's scratch folder and the files in it. */
void            korak_cli_remove_folder   (const char          *folder);

typedef enum
{
  KORAK_CLI_PARTICIPANT,
  KORAK_CLI_COHORT,
} KorakCliLookup;

/* A participant or cohort by its number or its exact name (any case);
 * 0 with an error naming what was typed when none or several match. */
gint64          korak_cli_lookup          (KorakStore          *store,
                                           KorakCliLookup       kind,
                                           const char          *text,
                                           GError             **error);

/* korak-cli-documents.c */
int             korak_cli_certificate     (int                  argc,
                                           char               **argv);
int             korak_cli_report          (int                  argc,
                                           char               **argv);
/* korak-cli-mediators.c: "report mediator-hours". */
int             korak_cli_report_mediator_hours (int            argc,
                                                 char         **argv);
gboolean        korak_cli_bench_documents (KorakStore          *store,
                                           GError             **error);

/* korak-cli-data.c */
int             korak_cli_import          (int                  argc,
                                           char               **argv);
int             korak_cli_export          (int                  argc,
                                           char               **argv);

/* korak-cli-exchange.c: --send, --receive, --list-conflicts, --desks */
int             korak_cli_exchange        (int                  argc,
                                           char               **argv);

/* korak-cli-exchange.c: on scratch databases. */
gboolean        korak_cli_bench_exchange  (GError             **error);

/* korak-cli-documents.c: on a scratch database, never the one benchmarked. */
gboolean        korak_cli_bench_crash     (guint                kills);

G_END_DECLS
