/* korak-export.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "korak-store.h"

G_BEGIN_DECLS

/* What leaves Korak for a spreadsheet: the participant list, attendance
 * (one row per session and person expected there) and outcomes (one row
 * per enrolment and follow-up). Each is built once as a table, then
 * written as CSV here or as XLSX by korak-xlsx.c. Files are written beside
 * the target with mode 0600 and renamed over it, so nobody sees half a
 * file. Text that a spreadsheet would take for a formula is neutralised:
 * in CSV with a leading apostrophe, in XLSX by writing it as a string. */

typedef enum
{
  KORAK_EXPORT_PARTICIPANTS,
  KORAK_EXPORT_ATTENDANCE,
  KORAK_EXPORT_OUTCOMES,
} KorakExportKind;

typedef enum
{
  KORAK_EXPORT_FORMAT_CSV,
  KORAK_EXPORT_FORMAT_XLSX,
} KorakExportFormat;

typedef enum
{
  KORAK_EXPORT_COLUMN_TEXT,
  KORAK_EXPORT_COLUMN_NUMBER,   /* a decimal, stored with a '.' */
  KORAK_EXPORT_COLUMN_DATE,     /* ISO YYYY-MM-DD */
  KORAK_EXPORT_COLUMN_ID,       /* a Korak number: up to 19 digits, kept as text in XLSX */
} KorakExportColumnKind;

typedef struct
{
  char                  *title;     /* translated: the sheet's name */
  guint                  n_columns;
  char                 **headers;   /* translated */
  KorakExportColumnKind *kinds;
  GPtrArray             *rows;      /* char ** of n_columns values, "" for empty */
} KorakExportTable;

/* @cohort_id: attendance and outcomes of one cohort; 0 for every cohort.
 * The participant list ignores it. */
KorakExportTable *korak_export_table_new   (KorakStore             *store,
                                            KorakExportKind         kind,
                                            gint64                  cohort_id,
                                            GError                **error);
void              korak_export_table_free  (KorakExportTable       *table);
void              korak_export_table_add_row (KorakExportTable     *table,
                                              char                **values);

/* UTF-8 with a byte order mark, semicolons, CRLF, decimals with a comma:
 * what Slovenian Excel opens right with a double click. */
char             *korak_export_table_to_csv (const KorakExportTable *table,
                                             gsize                  *length);

gboolean          korak_export_csv         (KorakStore             *store,
                                            KorakExportKind         kind,
                                            gint64                  cohort_id,
                                            const char             *path,
                                            GError                **error);
/* CSV or XLSX by @format. */
gboolean          korak_export_write       (KorakStore             *store,
                                            KorakExportKind         kind,
                                            KorakExportFormat       format,
                                            gint64                  cohort_id,
                                            const char             *path,
                                            GError                **error);

/* A file name for the export, without folder: "participants.csv", translated. */
char             *korak_export_file_name   (KorakExportKind         kind,
                                            KorakExportFormat       format);

/* Writes @contents to a temporary file (0600) beside @path and renames it
 * over @path. */
gboolean          korak_export_write_file  (const char             *path,
                                            const char             *contents,
                                            gsize                   length,
                                            GError                **error);
/* The translated error for a file that could not be written. */
void              korak_export_set_write_error (const char         *path,
                                                int                 saved_errno,
                                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakExportTable, korak_export_table_free)

G_END_DECLS
