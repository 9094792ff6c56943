/* korak-csv.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "korak-participant-record.h"
#include "korak-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------- the reader */

/* A CSV file as RFC 4180 describes it (quoted fields, doubled quotes,
 * line breaks inside quotes, CRLF or LF), as spreadsheets write it: a
 * UTF-8 byte order mark is dropped, and the separator (comma, semicolon as
 * Slovenian Excel writes, or tab) is the one the header line uses most.
 * Text that is not UTF-8, NUL bytes, a quote left open, more than
 * KORAK_CSV_MAX_COLUMNS columns or a file larger than KORAK_CSV_MAX_BYTES
 * are refused with KORAK_STORE_ERROR_INVALID and a translated message that
 * names the line. Blank lines are skipped; a line break inside a quoted
 * value is kept as "\n". */

#define KORAK_CSV_MAX_BYTES   (64 * 1024 * 1024)
#define KORAK_CSV_MAX_COLUMNS 1000

typedef struct _KorakCsv KorakCsv;

KorakCsv   *korak_csv_parse          (const char      *data,
                                      gsize            length,
                                      GError         **error);
KorakCsv   *korak_csv_load           (const char      *path,
                                      GError         **error);
void        korak_csv_free           (KorakCsv        *csv);
char        korak_csv_get_separator  (const KorakCsv  *csv);
gboolean    korak_csv_get_had_bom    (const KorakCsv  *csv);
/* The header line's fields. */
guint       korak_csv_get_n_columns  (const KorakCsv  *csv);
const char *korak_csv_get_header     (const KorakCsv  *csv,
                                      guint            column);
/* The records after the header. */
guint       korak_csv_get_n_rows     (const KorakCsv  *csv);
guint       korak_csv_get_row_length (const KorakCsv  *csv,
                                      guint            row);
/* "" past the end of a short row. */
const char *korak_csv_get_value      (const KorakCsv  *csv,
                                      guint            row,
                                      guint            column);
/* The line of the file (from 1, the header's included) where @row starts. */
guint       korak_csv_get_line       (const KorakCsv  *csv,
                                      guint            row);

/* ------------------------------------------------------------- the writer */

/* @text made safe to open in a spreadsheet: a value starting with = + - @
 * tab or carriage return would be read as a formula, so it gets a leading
 * apostrophe, which spreadsheets show as text. The import takes that
 * apostrophe off again. */
char       *korak_csv_neutralise     (const char      *text);
/* Appends @text (not neutralised; NULL is empty) as one field, in quotes
 * when it holds @separator, a quote or a line break. */
void        korak_csv_append_field   (GString         *out,
                                      const char      *text,
                                      char             separator);

/* "yes" or "no" as an exported cell shows it, translated; the import
 * reads these, 1/0, da/ne and yes/no back. */
const char *korak_csv_boolean_label  (gboolean         value);

/* ----------------------------------------------- importing referrals */

/* A column that goes nowhere. */
#define KORAK_CSV_IGNORE (-1)

/* The participant field a header names, in English, Slovenian or the
 * user's language ("Ime", "Given name", "E-pošta", "Datum rojstva" …), or
 * KORAK_CSV_IGNORE. Case, spaces, punctuation and diacritics do not count. */
int         korak_csv_guess_field    (const char      *header);

typedef struct _KorakReferralImport KorakReferralImport;

/* Takes @csv, guesses the mapping from its header (each field at most
 * once) and checks every row. */
KorakReferralImport          *korak_referral_import_new         (KorakCsv            *csv);
void                          korak_referral_import_free        (KorakReferralImport *import);
const KorakCsv               *korak_referral_import_get_csv     (KorakReferralImport *import);
int                           korak_referral_import_get_mapping (KorakReferralImport *import,
                                                                 guint                column);
/* Maps @column to a KorakParticipantField or KORAK_CSV_IGNORE and checks
 * every row again. */
void                          korak_referral_import_set_mapping (KorakReferralImport *import,
                                                                 guint                column,
                                                                 int                  field);
/* What is wrong with the mapping as a whole (a required field no column
 * gives, a field two columns give), translated; NULL when it is fine. */
const char                   *korak_referral_import_get_problem (KorakReferralImport *import);
guint                         korak_referral_import_get_n_rows    (KorakReferralImport *import);
guint                         korak_referral_import_get_n_invalid (KorakReferralImport *import);
guint                         korak_referral_import_get_line      (KorakReferralImport *import,
                                                                   guint                row);
/* Why the row cannot be imported, translated; NULL for a good row. */
const char                   *korak_referral_import_get_row_error (KorakReferralImport *import,
                                                                   guint                row);
/* The participant the row becomes (as checked, dates ISO, choices as codes). */
const KorakParticipantRecord *korak_referral_import_get_record    (KorakReferralImport *import,
                                                                   guint                row);
/* TRUE when there is at least one row, the mapping is fine and no row is invalid. */
gboolean                      korak_referral_import_is_ready      (KorakReferralImport *import);
/* Stores every row as a new participant in one transaction: all or none.
 * Refused with KORAK_STORE_ERROR_INVALID while not ready. */
gboolean                      korak_referral_import_apply         (KorakReferralImport *import,
                                                                   KorakStore          *store,
                                                                   guint               *n_imported,
                                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakCsv, korak_csv_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakReferralImport, korak_referral_import_free)

G_END_DECLS
