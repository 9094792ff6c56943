/* korak-report-data.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-report-data"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "korak-assessment.h"
#include "korak-date.h"
#include "korak-report-data.h"
#include "korak-store-private.h"

/*
 * The data behind the printed documents. Each report is read with a handful
 * of indexed queries and put together in memory, never one query per cell.
 * Certificates are written once, in one transaction, with their content
 * frozen as GVariant text so that a reprint reads only the register.
 */

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* A staff member's name, NULL when the row is missing. */
#define STAFF_NAME(t) \
  "nullif(trim(coalesce(" t ".given_name, '') || ' ' || coalesce(" t ".family_name, '')), '')"

/* A cohort's end: its own, else its last module's. */
#define COHORT_END(c) \
  "coalesce(" c ".end_date, (SELECT max(m.end_date) FROM module m WHERE m.cohort_id = " c ".id))"

#define MAX_LOGO_BYTES (2 * 1024 * 1024)

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

/* ---------------------------------------------------------------- helpers */

static double
session_hours (const char *start,
               const char *end)
{
  int s = korak_time_minutes (start), e = korak_time_minutes (end);

  return s >= 0 && e > s ? (e - s) / 60.0 : 0;
}

/* What every cohort report prints at its top. */
typedef struct
{
  char *name;
  char *programme_name;
  char *site;
  char *start_date;
  char *end_date;
  char *mentor_name;
  char *mediator_name;
} CohortHead;

static void
cohort_head_clear (CohortHead *head)
{
  g_clear_pointer (&head->name, g_free);
  g_clear_pointer (&head->programme_name, g_free);
  g_clear_pointer (&head->site, g_free);
  g_clear_pointer (&head->start_date, g_free);
  g_clear_pointer (&head->end_date, g_free);
  g_clear_pointer (&head->mentor_name, g_free);
  g_clear_pointer (&head->mediator_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CohortHead, cohort_head_clear)

static gboolean
read_cohort_head (KorakStore  *store,
                  gint64       cohort_id,
                  CohortHead  *head,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT c.name, pr.name, c.site, c.start_date, " COHORT_END ("c") ", "
                                    STAFF_NAME ("ms") ", " STAFF_NAME ("md") " "
                                    "FROM cohort c JOIN programme pr ON pr.id = c.programme_id "
                                    "LEFT JOIN staff ms ON ms.id = c.mentor_id "
                                    "LEFT JOIN staff md ON md.id = c.mediator_id WHERE c.id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      head->name = korak_column_dup (stmt, 0);
      head->programme_name = korak_column_dup (stmt, 1);
      head->site = korak_column_dup (stmt, 2);
      head->start_date = korak_column_dup (stmt, 3);
      head->end_date = korak_column_dup (stmt, 4);
      head->mentor_name = korak_column_dup (stmt, 5);
      head->mediator_name = korak_column_dup (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("This cohort no longer exists in the database."));
      return FALSE;
    }
  return TRUE;
}

/* ----------------------------------------------------------- organisation */

KorakOrganisationRecord *
korak_organisation_record_copy (const KorakOrganisationRecord *record)
{
  KorakOrganisationRecord *copy;

  if (record == NULL)
    return NULL;

  copy = g_new0 (KorakOrganisationRecord, 1);
  copy->id = record->id;
  copy->name = g_strdup (record->name);
  copy->address = g_strdup (record->address);
  copy->funder_line = g_strdup (record->funder_line);
  copy->logo = record->logo ? g_bytes_ref (record->logo) : NULL;
  copy->paper = g_strdup (record->paper);
  return copy;
}

void
korak_organisation_record_free (KorakOrganisationRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_free (record->address);
  g_free (record->funder_line);
  g_clear_pointer (&record->logo, g_bytes_unref);
  g_free (record->paper);
  g_free (record);
}

KorakOrganisationRecord *
korak_store_get_organisation (KorakStore  *store,
                              GError     **error)
{
  g_autoptr(KorakOrganisationRecord) record = g_new0 (KorakOrganisationRecord, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  /* This desk's, else the first one made. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT o.id, o.name, o.address, o.funder_line, o.logo, o.paper FROM organisation o "
                                    "ORDER BY o.id IS (SELECT d.organisation_id FROM desk d WHERE d.is_local = 1) DESC, "
                                    "o.created_at, o.id LIMIT 1", error)))
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const void *logo = sqlite3_column_blob (stmt, 4);
      int size = sqlite3_column_bytes (stmt, 4);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->name = korak_column_dup (stmt, 1);
      record->address = korak_column_dup (stmt, 2);
      record->funder_line = korak_column_dup (stmt, 3);
      record->logo = logo != NULL && size > 0 ? g_bytes_new (logo, size) : NULL;
      record->paper = korak_column_dup (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  if (record->paper == NULL)
    record->paper = g_strdup ("a4");
  return g_steal_pointer (&record);
}

static gboolean
validate_organisation (KorakOrganisationRecord  *record,
                       GError                  **error)
{
  g_autofree char *name = g_strstrip (g_strdup (record->name ? record->name : ""));

  if (*name == '\0')
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("The organisation needs a name; it heads every printed document."));
      return FALSE;
    }
  if (!g_utf8_validate (record->name, -1, NULL))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("The organisation’s name holds characters that are not text. Type it again."));
      return FALSE;
    }

  if (record->logo != NULL && g_bytes_get_size (record->logo) > 0)
    {
      gsize size = 0;
      const guint8 *data = g_bytes_get_data (record->logo, &size);

      if (size < sizeof png_signature || memcmp (data, png_signature, sizeof png_signature) != 0)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                               _("The logo must be a PNG image. Save it as PNG in an image editor and choose it again."));
          return FALSE;
        }
      if (size > MAX_LOGO_BYTES)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                               _("The logo is larger than 2 MB. Choose a smaller image, or make it smaller in an image editor."));
          return FALSE;
        }
    }

  if (record->paper != NULL && *record->paper != '\0' &&
      g_strcmp0 (record->paper, "a4") != 0 && g_strcmp0 (record->paper, "letter") != 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Choose A4 or Letter as the paper size."));
      return FALSE;
    }

  g_free (record->name);
  record->name = g_steal_pointer (&name);
  if (record->paper == NULL || *record->paper == '\0')
    {
      g_free (record->paper);
      record->paper = g_strdup ("a4");
    }
  return TRUE;
}

gboolean
korak_store_save_organisation (KorakStore               *store,
                               KorakOrganisationRecord  *record,
                               GError                  **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gsize logo_size = 0;
  const void *logo = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!validate_organisation (record, error))
    return FALSE;
  if (record->logo != NULL)
    logo = g_bytes_get_data (record->logo, &logo_size);

  if (!korak_store_begin (store, error))
    return FALSE;

  if (record->id == 0)
    {
      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO organisation (id, name, address, funder_line, logo, paper) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
        goto failed;
    }
  else
    {
      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE organisation SET name = ?2, address = ?3, funder_line = ?4, logo = ?5, "
                                        "paper = ?6, updated_at = " NOW " WHERE id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, record->id);
    }
  korak_bind_text (stmt, 2, record->name);
  korak_bind_text (stmt, 3, record->address);
  korak_bind_text (stmt, 4, record->funder_line);
  if (logo != NULL && logo_size > 0)
    sqlite3_bind_blob64 (stmt, 5, logo, logo_size, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  korak_bind_text (stmt, 6, record->paper);

  if (record->id == 0)
    {
      if (!korak_store_insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      if (sqlite3_changes (korak_store_get_db (store)) == 0)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                               _("This organisation no longer exists in the database."));
          goto failed;
        }
      id = record->id;
    }

  /* A new organisation is this desk's; an existing one becomes it when the
   * desk has none yet. */
  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE desk SET organisation_id = ?1, updated_at = " NOW " "
                                    "WHERE is_local = 1 AND (?2 OR organisation_id IS NULL)", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, record->id == 0);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  if (!korak_store_commit (store, error))
    return FALSE;
  record->id = id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

/* ----------------------------------------------------------- certificates */

static void
certificate_module_free (KorakCertificateModule *module)
{
  if (module == NULL)
    return;

  g_free (module->kind);
  g_free (module->start_date);
  g_free (module->end_date);
  g_free (module);
}

static KorakCertificateRecord *
certificate_record_new (void)
{
  KorakCertificateRecord *record = g_new0 (KorakCertificateRecord, 1);

  record->modules = g_ptr_array_new_with_free_func ((GDestroyNotify)certificate_module_free);
  return record;
}

KorakCertificateRecord *
korak_certificate_record_copy (const KorakCertificateRecord *record)
{
  KorakCertificateRecord *copy;

  if (record == NULL)
    return NULL;

  copy = certificate_record_new ();
  copy->id = record->id;
  copy->serial = g_strdup (record->serial);
  copy->verification = g_strdup (record->verification);
  copy->kind = g_strdup (record->kind);
  copy->issued_date = g_strdup (record->issued_date);
  copy->participant_id = record->participant_id;
  copy->enrolment_id = record->enrolment_id;
  copy->participant_name = g_strdup (record->participant_name);
  copy->birth_date = g_strdup (record->birth_date);
  copy->programme_name = g_strdup (record->programme_name);
  copy->cohort_name = g_strdup (record->cohort_name);
  copy->site = g_strdup (record->site);
  copy->start_date = g_strdup (record->start_date);
  copy->end_date = g_strdup (record->end_date);
  copy->hours = record->hours;
  for (guint i = 0; record->modules != NULL && i < record->modules->len; i++)
    {
      const KorakCertificateModule *m = g_ptr_array_index (record->modules, i);
      KorakCertificateModule *c = g_new0 (KorakCertificateModule, 1);

      c->kind = g_strdup (m->kind);
      c->ordinal = m->ordinal;
      c->start_date = g_strdup (m->start_date);
      c->end_date = g_strdup (m->end_date);
      g_ptr_array_add (copy->modules, c);
    }
  copy->competencies = g_strdupv (record->competencies);
  copy->mentor_name = g_strdup (record->mentor_name);
  copy->organisation_name = g_strdup (record->organisation_name);
  return copy;
}

void
korak_certificate_record_free (KorakCertificateRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->serial);
  g_free (record->verification);
  g_free (record->kind);
  g_free (record->issued_date);
  g_free (record->participant_name);
  g_free (record->birth_date);
  g_free (record->programme_name);
  g_free (record->cohort_name);
  g_free (record->site);
  g_free (record->start_date);
  g_free (record->end_date);
  g_clear_pointer (&record->modules, g_ptr_array_unref);
  g_strfreev (record->competencies);
  g_free (record->mentor_name);
  g_free (record->organisation_name);
  g_free (record);
}

static void
add_string (GVariantBuilder *builder,
            const char      *key,
            const char      *value)
{
  /* A missing value is left out rather than stored as "". */
  if (value != NULL && g_utf8_validate (value, -1, NULL))
    g_variant_builder_add (builder, "{sv}", key, g_variant_new_string (value));
}

/* The frozen content: every field of the record, serial and kind included,
 * in a fixed order, so that the same record always prints the same text. */
static char *
certificate_content_text (const KorakCertificateRecord *record)
{
  g_autoptr(GVariant) content = NULL;
  GVariantBuilder builder, modules;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  add_string (&builder, "serial", record->serial);
  add_string (&builder, "kind", record->kind);
  add_string (&builder, "issued_date", record->issued_date);
  g_variant_builder_add (&builder, "{sv}", "participant_id", g_variant_new_int64 (record->participant_id));
  g_variant_builder_add (&builder, "{sv}", "enrolment_id", g_variant_new_int64 (record->enrolment_id));
  add_string (&builder, "participant_name", record->participant_name);
  add_string (&builder, "birth_date", record->birth_date);
  add_string (&builder, "programme_name", record->programme_name);
  add_string (&builder, "cohort_name", record->cohort_name);
  add_string (&builder, "site", record->site);
  add_string (&builder, "start_date", record->start_date);
  add_string (&builder, "end_date", record->end_date);
  g_variant_builder_add (&builder, "{sv}", "hours", g_variant_new_double (record->hours));

  g_variant_builder_init (&modules, G_VARIANT_TYPE ("a(isss)"));
  for (guint i = 0; record->modules != NULL && i < record->modules->len; i++)
    {
      const KorakCertificateModule *m = g_ptr_array_index (record->modules, i);

      g_variant_builder_add (&modules, "(isss)", m->ordinal,
                             m->kind ? m->kind : "", m->start_date ? m->start_date : "",
                             m->end_date ? m->end_date : "");
    }
  g_variant_builder_add (&builder, "{sv}", "modules", g_variant_builder_end (&modules));
  g_variant_builder_add (&builder, "{sv}", "competencies",
                         g_variant_new_strv ((const char * const *)record->competencies,
                                             record->competencies ? -1 : 0));
  add_string (&builder, "mentor_name", record->mentor_name);
  add_string (&builder, "organisation_name", record->organisation_name);

  content = g_variant_ref_sink (g_variant_builder_end (&builder));
  return g_variant_print (content, TRUE);
}

/* 8 upper-case hex digits of the SHA-256 of @text. */
static char *
verification_code (const char *text)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_ascii_strup (sum, 8);
}

gboolean
korak_certificate_record_verify (const KorakCertificateRecord *record)
{
  g_autofree char *text = NULL;
  g_autofree char *code = NULL;

  if (record == NULL || record->verification == NULL)
    return FALSE;

  text = certificate_content_text (record);
  code = verification_code (text);
  return g_ascii_strcasecmp (code, record->verification) == 0;
}

static char *
lookup_string (GVariant   *content,
               const char *key)
{
  char *value = NULL;

  g_variant_lookup (content, key, "s", &value);
  return value;
}

/* Fills @record from its frozen content; what cannot be read stays empty,
 * so that a damaged or altered entry fails korak_certificate_record_verify(). */
static void
certificate_read_content (KorakCertificateRecord *record,
                          const char             *text)
{
  g_autoptr(GVariant) content = NULL;
  g_autoptr(GVariant) modules = NULL;
  g_autoptr(GError) error = NULL;
  GVariantIter iter;
  const char *kind, *start, *end;
  int ordinal;

  if (text == NULL)
    return;

  content = g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, &error);
  if (content == NULL)
    {
      g_debug ("Certificate %s: content cannot be read: %s", record->serial, error->message);
      return;
    }

  g_variant_lookup (content, "participant_id", "x", &record->participant_id);
  g_variant_lookup (content, "enrolment_id", "x", &record->enrolment_id);
  record->participant_name = lookup_string (content, "participant_name");
  record->birth_date = lookup_string (content, "birth_date");
  record->programme_name = lookup_string (content, "programme_name");
  record->cohort_name = lookup_string (content, "cohort_name");
  record->site = lookup_string (content, "site");
  record->start_date = lookup_string (content, "start_date");
  record->end_date = lookup_string (content, "end_date");
  g_variant_lookup (content, "hours", "d", &record->hours);
  record->mentor_name = lookup_string (content, "mentor_name");
  record->organisation_name = lookup_string (content, "organisation_name");

  g_clear_pointer (&record->competencies, g_strfreev);
  g_variant_lookup (content, "competencies", "^as", &record->competencies);

  modules = g_variant_lookup_value (content, "modules", G_VARIANT_TYPE ("a(isss)"));
  if (modules != NULL)
    {
      g_variant_iter_init (&iter, modules);
      while (g_variant_iter_next (&iter, "(i&s&s&s)", &ordinal, &kind, &start, &end))
        {
          KorakCertificateModule *m = g_new0 (KorakCertificateModule, 1);

          m->ordinal = ordinal;
          m->kind = g_strdup (kind);
          m->start_date = g_strdup (start);
          m->end_date = g_strdup (end);
          g_ptr_array_add (record->modules, m);
        }
    }
}

#define CERTIFICATE_SELECT \
  "SELECT id, serial, kind, issued_date, verification, content, participant_id, enrolment_id FROM certificate "

/* The register entry: the serial, kind and date of issue from their
 * columns, everything else from the frozen content. */
static KorakCertificateRecord *
certificate_from_row (sqlite3_stmt *stmt)
{
  KorakCertificateRecord *record = certificate_record_new ();

  record->id = sqlite3_column_int64 (stmt, 0);
  record->serial = korak_column_dup (stmt, 1);
  record->kind = korak_column_dup (stmt, 2);
  record->issued_date = korak_column_dup (stmt, 3);
  record->verification = korak_column_dup (stmt, 4);
  record->participant_id = sqlite3_column_int64 (stmt, 6);
  record->enrolment_id = sqlite3_column_int64 (stmt, 7);
  certificate_read_content (record, (const char *)sqlite3_column_text (stmt, 5));
  if (record->competencies == NULL)
    record->competencies = g_new0 (char *, 1);
  return record;
}

/* Every certificate the statement finds, or NULL with @error. */
static GPtrArray *
read_certificates (KorakStore    *store,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_certificate_record_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, certificate_from_row (stmt));
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}

KorakCertificateRecord *
korak_store_get_certificate (KorakStore  *store,
                             const char  *serial,
                             GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *wanted = g_strstrip (g_ascii_strup (serial ? serial : "", -1));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  /* As typed from the paper: spaces around it and lower-case hex are fine. */
  if (!(stmt = korak_store_prepare (store, CERTIFICATE_SELECT "WHERE serial = ?1", error)))
    return NULL;
  korak_bind_text (stmt, 1, wanted);
  if (!(found = read_certificates (store, stmt, error)))
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                   _("No certificate with the number “%s” was issued from this database. Check the number on the paper."),
                   serial ? serial : "");
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

GPtrArray *
korak_store_list_certificates (KorakStore  *store,
                               gint64       participant_id,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    CERTIFICATE_SELECT "WHERE ?1 = 0 OR participant_id = ?1 "
                                    "ORDER BY issued_date, serial", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  return read_certificates (store, stmt, error);
}

static gboolean
certificate_kind_valid (const char  *kind,
                        GError     **error)
{
  if (g_strcmp0 (kind, KORAK_CERTIFICATE_PARTICIPATION) == 0 ||
      g_strcmp0 (kind, KORAK_CERTIFICATE_COMPLETION) == 0)
    return TRUE;

  g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Choose a certificate of participation or a certificate of completion."));
  return FALSE;
}

/* @issued_date, else today, as a valid ISO date; NULL with @error. */
static char *
issue_date_or_today (const char  *issued_date,
                     GError     **error)
{
  if (issued_date == NULL || *issued_date == '\0')
    return korak_date_today ();

  if (!korak_date_is_iso (issued_date))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("The date of issue must be a date, for example 2026-09-07."));
      return NULL;
    }
  return g_strdup (issued_date);
}

/* The next serial for this year and desk: "YYYY-DDDD-NNNN". */
static char *
next_serial (KorakStore  *store,
             const char  *issued_date,
             GError     **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 last = 0;
  int rc;

  prefix = g_strdup_printf ("%.4s-%04X-", issued_date,
                            (guint)(korak_store_get_desk_id (store) & 0xffff));
  /* Every serial with this prefix sorts before the prefix with its '-'
   * turned into the next character, '.': a range the unique index serves. */
  after = g_strdup (prefix);
  after[strlen (after) - 1] = '.';

  if (!(stmt = korak_store_prepare (store,
                                    /* Serials of erased people stay taken: a number is never issued twice. */
                                    "SELECT coalesce(max(CAST(substr(serial, 11) AS INTEGER)), 0) FROM "
                                    "(SELECT serial FROM certificate UNION ALL SELECT serial FROM erased_certificate) "
                                    "WHERE serial >= ?1 AND serial < ?2", error)))
    return NULL;
  korak_bind_text (stmt, 1, prefix);
  korak_bind_text (stmt, 2, after);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  return g_strdup_printf ("%s%04" G_GINT64_FORMAT, prefix, last + 1);
}

static gboolean
find_issued (KorakStore               *store,
             gint64                    enrolment_id,
             const char               *kind,
             KorakCertificateRecord  **out,
             GError                  **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  *out = NULL;
  if (!(stmt = korak_store_prepare (store, CERTIFICATE_SELECT "WHERE enrolment_id = ?1 AND kind = ?2", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  korak_bind_text (stmt, 2, kind);
  if (!(found = read_certificates (store, stmt, error)))
    return FALSE;
  if (found->len > 0)
    *out = g_ptr_array_steal_index (found, 0);
  return TRUE;
}

/* Reads everything the certificate shows from the current data. */
static KorakCertificateRecord *
collect_certificate (KorakStore  *store,
                     gint64       enrolment_id,
                     const char  *kind,
                     const char  *issued_date,
                     gboolean     skip_without_hours,
                     GError     **error)
{
  g_autoptr(KorakCertificateRecord) record = certificate_record_new ();
  g_autoptr(KorakOrganisationRecord) organisation = NULL;
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *status = NULL;
  g_autofree char *enrolment_end = NULL;
  sqlite3_stmt *stmt;
  gint64 cohort_id = 0;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT e.participant_id, e.cohort_id, e.status, e.start_date, e.end_date, "
                                    "  coalesce(e.exit_date, e.end_date, " COHORT_END ("c") "), "
                                    "  trim(p.given_name || ' ' || p.family_name), p.birth_date, pr.name, c.name, c.site, "
                                    "  " STAFF_NAME ("ms") " "
                                    "FROM enrolment e JOIN participant p ON p.id = e.participant_id "
                                    "JOIN cohort c ON c.id = e.cohort_id JOIN programme pr ON pr.id = c.programme_id "
                                    "LEFT JOIN staff ms ON ms.id = c.mentor_id WHERE e.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      record->participant_id = sqlite3_column_int64 (stmt, 0);
      cohort_id = sqlite3_column_int64 (stmt, 1);
      status = korak_column_dup (stmt, 2);
      record->start_date = korak_column_dup (stmt, 3);
      enrolment_end = korak_column_dup (stmt, 4);
      record->end_date = korak_column_dup (stmt, 5);
      record->participant_name = korak_column_dup (stmt, 6);
      record->birth_date = korak_column_dup (stmt, 7);
      record->programme_name = korak_column_dup (stmt, 8);
      record->cohort_name = korak_column_dup (stmt, 9);
      record->site = korak_column_dup (stmt, 10);
      record->mentor_name = korak_column_dup (stmt, 11);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("This enrolment no longer exists in the database."));
      return NULL;
    }

  if (g_str_equal (kind, KORAK_CERTIFICATE_COMPLETION) && g_strcmp0 (status, "completed") != 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("%s has not completed the programme, so there is no completion certificate to issue. "
                     "Record the exit at the end of the programme first, or issue a participation certificate."),
                   record->participant_name);
      return NULL;
    }

  /* Hours attended in this enrolment: group sessions and the person's own
   * individual ones, cancelled sessions left out. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT coalesce(sum(a.hours), 0) FROM attendance a "
                                    "JOIN session s ON s.id = a.session_id "
                                    "WHERE a.participant_id = ?2 AND a.state IN ('present', 'late') "
                                    "AND s.cohort_id = ?1 AND s.cancelled_reason IS NULL "
                                    "AND (s.kind <> 'individual' OR s.participant_id = ?2) "
                                    "AND s.date >= ?3 AND (?4 IS NULL OR s.date <= ?4)", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  sqlite3_bind_int64 (stmt, 2, record->participant_id);
  korak_bind_text (stmt, 3, record->start_date);
  korak_bind_text (stmt, 4, enrolment_end);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record->hours = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  if (g_str_equal (kind, KORAK_CERTIFICATE_PARTICIPATION) && record->hours <= 0)
    {
      if (skip_without_hours)
        return NULL;
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("%s has no attended hours in this enrolment yet, so there is no participation certificate to issue. "
                     "Mark attendance first."),
                   record->participant_name);
      return NULL;
    }

  /* The modules that ended by the end of the enrolment (by the day of
   * issue while it goes on). */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT ordinal, kind, start_date, end_date FROM module "
                                    "WHERE cohort_id = ?1 AND end_date <= ?2 ORDER BY ordinal", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  korak_bind_text (stmt, 2, record->end_date ? record->end_date : issued_date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakCertificateModule *m = g_new0 (KorakCertificateModule, 1);

      m->ordinal = sqlite3_column_int (stmt, 0);
      m->kind = korak_column_dup (stmt, 1);
      m->start_date = korak_column_dup (stmt, 2);
      m->end_date = korak_column_dup (stmt, 3);
      g_ptr_array_add (record->modules, m);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  /* The areas scored in an assessment during the enrolment. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT ca.name FROM competency_area ca WHERE ca.id IN ("
                                    "  SELECT sc.area_id FROM assessment a JOIN assessment_score sc ON sc.assessment_id = a.id "
                                    "  WHERE a.participant_id = ?1 AND a.date >= ?2 AND (?3 IS NULL OR a.date <= ?3)) "
                                    "ORDER BY ca.ordinal, ca.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, record->participant_id);
  korak_bind_text (stmt, 2, record->start_date);
  korak_bind_text (stmt, 3, enrolment_end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (areas, korak_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  g_ptr_array_add (areas, NULL);
  record->competencies = (GStrv)g_ptr_array_free (g_steal_pointer (&areas), FALSE);

  if (!(organisation = korak_store_get_organisation (store, error)))
    return NULL;
  record->organisation_name = g_strdup (organisation->name);

  record->enrolment_id = enrolment_id;
  record->kind = g_strdup (kind);
  record->issued_date = g_strdup (issued_date);
  return g_steal_pointer (&record);
}

/* Issues (or finds) the certificate of @kind for @enrolment_id inside the
 * caller's transaction. With @skip_without_hours, a participation
 * certificate for someone with no hours is NULL without an error. */
static KorakCertificateRecord *
issue_locked (KorakStore  *store,
              gint64       enrolment_id,
              const char  *kind,
              const char  *issued_date,
              gboolean     skip_without_hours,
              GError     **error)
{
  g_autoptr(KorakCertificateRecord) record = NULL;
  g_autofree char *content = NULL;
  g_autofree char *modules = NULL;
  KorakCertificateRecord *issued = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!find_issued (store, enrolment_id, kind, &issued, error))
    return NULL;
  if (issued != NULL)
    return issued;

  if (!(record = collect_certificate (store, enrolment_id, kind, issued_date, skip_without_hours, error)))
    return NULL;
  if (!(record->serial = next_serial (store, issued_date, error)))
    return NULL;

  content = certificate_content_text (record);
  record->verification = verification_code (content);
  {
    /* The modules column, for reading the register without GLib. */
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint i = 0; i < record->modules->len; i++)
      {
        const KorakCertificateModule *m = g_ptr_array_index (record->modules, i);

        g_string_append_printf (text, "%s%d %s %s %s", i ? "\n" : "", m->ordinal, m->kind, m->start_date, m->end_date);
      }
    modules = g_string_free (g_steal_pointer (&text), FALSE);
  }

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO certificate (id, serial, participant_id, enrolment_id, kind, issued_date, "
                                    "  hours, modules, content, verification) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error)))
    return NULL;
  korak_bind_text (stmt, 2, record->serial);
  sqlite3_bind_int64 (stmt, 3, record->participant_id);
  sqlite3_bind_int64 (stmt, 4, record->enrolment_id);
  korak_bind_text (stmt, 5, record->kind);
  korak_bind_text (stmt, 6, record->issued_date);
  sqlite3_bind_double (stmt, 7, record->hours);
  korak_bind_text (stmt, 8, modules);
  korak_bind_text (stmt, 9, content);
  korak_bind_text (stmt, 10, record->verification);
  if (!korak_store_insert_with_id (store, stmt, &id, error))
    return NULL;
  record->id = id;

  return g_steal_pointer (&record);
}

KorakCertificateRecord *
korak_store_issue_certificate (KorakStore  *store,
                               gint64       participant_id,
                               const char  *kind,
                               const char  *issued_date,
                               GError     **error)
{
  g_autoptr(KorakCertificateRecord) record = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 enrolment_id = 0;
  gboolean exists = FALSE;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!certificate_kind_valid (kind, error))
    return NULL;
  if (!(date = issue_date_or_today (issued_date, error)))
    return NULL;

  if (!korak_store_begin (store, error))
    return NULL;

  /* The active enrolment, else the one that ended last. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT trim(p.given_name || ' ' || p.family_name), "
                                    "  (SELECT e.id FROM enrolment e WHERE e.participant_id = p.id "
                                    "   ORDER BY e.status = 'active' DESC, coalesce(e.exit_date, e.end_date, e.start_date) DESC, "
                                    "   e.start_date DESC, e.id DESC LIMIT 1) "
                                    "FROM participant p WHERE p.id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      exists = TRUE;
      name = korak_column_dup (stmt, 0);
      enrolment_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    goto failed;
  if (!exists)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("This participant no longer exists in the database."));
      goto failed;
    }
  if (enrolment_id == 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("%s has not been enrolled in a programme, so there is no certificate to issue. "
                     "Enrol them in a cohort first."), name);
      goto failed;
    }

  if (!(record = issue_locked (store, enrolment_id, kind, date, FALSE, error)))
    goto failed;
  if (!korak_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&record);

failed:
  korak_store_rollback (store);
  return NULL;
}

GPtrArray *
korak_store_issue_cohort_certificates (KorakStore  *store,
                                       gint64       cohort_id,
                                       const char  *kind,
                                       const char  *issued_date,
                                       GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_certificate_record_free);
  g_autoptr(GArray) enrolments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(CohortHead) head = { 0 };
  g_autofree char *date = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!certificate_kind_valid (kind, error))
    return NULL;
  if (!(date = issue_date_or_today (issued_date, error)))
    return NULL;

  if (!korak_store_begin (store, error))
    return NULL;
  if (!read_cohort_head (store, cohort_id, &head, error))
    goto failed;

  /* Completion: whoever completed; participation: every enrolment, and
   * those without attended hours are passed over below. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT e.id FROM enrolment e JOIN participant p ON p.id = e.participant_id "
                                    "WHERE e.cohort_id = ?1 AND (?2 = 'participation' OR e.status = 'completed') "
                                    "ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id, "
                                    "e.start_date, e.id", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  korak_bind_text (stmt, 2, kind);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (enrolments, id);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    goto failed;

  for (guint i = 0; i < enrolments->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      KorakCertificateRecord *record;

      record = issue_locked (store, g_array_index (enrolments, gint64, i), kind, date, TRUE, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  if (!korak_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&records);

failed:
  korak_store_rollback (store);
  return NULL;
}

/* ---------------------------------------------------------- sign-in sheet */

static void
sign_in_session_free (KorakSignInSession *session)
{
  if (session == NULL)
    return;

  g_free (session->start_time);
  g_free (session->end_time);
  g_free (session->activity);
  g_free (session->kind);
  g_free (session->place);
  g_free (session->leader_name);
  g_free (session);
}

static void
sign_in_person_free (KorakSignInPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->name);
  g_free (person->mother_tongue);
  g_free (person);
}

void
korak_sign_in_sheet_free (KorakSignInSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_free (sheet->cohort_name);
  g_free (sheet->programme_name);
  g_free (sheet->site);
  g_free (sheet->date);
  g_free (sheet->mentor_name);
  g_free (sheet->mediator_name);
  g_clear_pointer (&sheet->sessions, g_ptr_array_unref);
  g_clear_pointer (&sheet->people, g_ptr_array_unref);
  g_free (sheet);
}

KorakSignInSheet *
korak_store_get_sign_in_sheet (KorakStore  *store,
                               gint64       cohort_id,
                               const char  *date,
                               GError     **error)
{
  g_autoptr(KorakSignInSheet) sheet = NULL;
  g_auto(CohortHead) head = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!korak_date_is_iso (date))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Choose the day of the sign-in sheet, for example 2026-09-07."));
      return NULL;
    }
  if (!read_cohort_head (store, cohort_id, &head, error))
    return NULL;

  sheet = g_new0 (KorakSignInSheet, 1);
  sheet->cohort_id = cohort_id;
  sheet->cohort_name = g_steal_pointer (&head.name);
  sheet->programme_name = g_steal_pointer (&head.programme_name);
  sheet->site = g_steal_pointer (&head.site);
  sheet->date = g_strdup (date);
  sheet->mentor_name = g_steal_pointer (&head.mentor_name);
  sheet->mediator_name = g_steal_pointer (&head.mediator_name);
  sheet->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify)sign_in_session_free);
  sheet->people = g_ptr_array_new_with_free_func ((GDestroyNotify)sign_in_person_free);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT s.id, s.start_time, s.end_time, ac.name, s.kind, s.place, " STAFF_NAME ("l") ", "
                                    "  s.mediator_present, s.cancelled_reason IS NOT NULL "
                                    "FROM session s LEFT JOIN activity ac ON ac.id = s.activity_id "
                                    "LEFT JOIN staff l ON l.id = s.leader_id "
                                    "WHERE s.cohort_id = ?1 AND s.date = ?2 AND s.kind <> 'individual' "
                                    "ORDER BY s.start_time, s.end_time, s.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  korak_bind_text (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakSignInSession *s = g_new0 (KorakSignInSession, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->start_time = korak_column_dup (stmt, 1);
      s->end_time = korak_column_dup (stmt, 2);
      s->activity = korak_column_dup (stmt, 3);
      s->kind = korak_column_dup (stmt, 4);
      s->place = korak_column_dup (stmt, 5);
      s->leader_name = korak_column_dup (stmt, 6);
      s->mediator_present = sqlite3_column_int (stmt, 7) != 0;
      s->cancelled = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (sheet->sessions, s);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  /* Enrolled that day: started by then and not ended (withdrawn, exited,
   * completed) before it. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT p.id, trim(p.family_name || ' ' || p.given_name), p.mother_tongue, p.needs_mediator "
                                    "FROM participant p WHERE p.id IN ("
                                    "  SELECT e.participant_id FROM enrolment e WHERE e.cohort_id = ?1 AND e.start_date <= ?2 "
                                    "  AND (coalesce(e.end_date, e.exit_date) IS NULL OR coalesce(e.end_date, e.exit_date) >= ?2)) "
                                    "ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  korak_bind_text (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakSignInPerson *p = g_new0 (KorakSignInPerson, 1);

      p->participant_id = sqlite3_column_int64 (stmt, 0);
      p->name = korak_column_dup (stmt, 1);
      p->mother_tongue = korak_column_dup (stmt, 2);
      p->needs_mediator = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (sheet->people, p);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  return g_steal_pointer (&sheet);
}

/* ------------------------------------------------------ monthly attendance */

static void
monthly_row_free (KorakMonthlyRow *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row->states);
  g_free (row);
}

void
korak_monthly_attendance_free (KorakMonthlyAttendance *report)
{
  if (report == NULL)
    return;

  g_free (report->cohort_name);
  g_free (report->programme_name);
  g_free (report->mentor_name);
  g_strfreev (report->days);
  g_free (report->day_hours);
  g_free (report->day_present);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_free (report);
}

/* "YYYY-MM" with a month 01..12: its first and last day. */
static gboolean
month_range (const char *month,
             char        first[11],
             char        last[11])
{
  int y, m;

  if (month == NULL || strlen (month) != 7 || month[4] != '-')
    return FALSE;
  for (guint i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (month[i]))
      return FALSE;

  y = atoi (month);
  m = atoi (month + 5);
  if (y < 1 || m < 1 || m > 12)
    return FALSE;

  g_snprintf (first, 11, "%04d-%02d-01", y, m);
  g_snprintf (last, 11, "%04d-%02d-%02d", y, m, g_date_get_days_in_month (m, y));
  return TRUE;
}

typedef struct
{
  gint64  id;
  char    date[11];
  double  hours;
  gint64  participant_id;   /* individual sessions: whose */
  int     day;              /* index into the report's days, -1 for none */
} MonthSession;

typedef struct
{
  char  start[11];
  char  end[11];            /* "" while open */
} Span;

typedef struct
{
  gint64  participant_id;
  GArray *spans;            /* Span: the person's enrolments in the cohort */
} MonthPerson;

static void
month_person_clear (gpointer data)
{
  MonthPerson *person = data;

  g_clear_pointer (&person->spans, g_array_unref);
}

static gboolean
enrolled_on (const MonthPerson *person,
             const char        *date)
{
  for (guint i = 0; i < person->spans->len; i++)
    {
      const Span *span = &g_array_index (person->spans, Span, i);

      if (strcmp (span->start, date) <= 0 && (span->end[0] == '\0' || strcmp (span->end, date) >= 0))
        return TRUE;
    }
  return FALSE;
}

/* 0 not marked, then P < L < E < A: a day shows its worst. */
static int
state_rank (const char *state)
{
  if (state == NULL)
    return 0;
  if (g_str_equal (state, "present"))
    return 1;
  if (g_str_equal (state, "late"))
    return 2;
  if (g_str_equal (state, "excused"))
    return 3;
  if (g_str_equal (state, "absent"))
    return 4;
  return 0;
}

static const char rank_letters[] = { '?', 'P', 'L', 'E', 'A' };

typedef struct
{
  guint8 rank;
  double hours;
} Mark;

KorakMonthlyAttendance *
korak_store_get_monthly_attendance (KorakStore  *store,
                                    gint64       cohort_id,
                                    const char  *month,
                                    GError     **error)
{
  g_autoptr(KorakMonthlyAttendance) report = NULL;
  g_autoptr(GArray) sessions = g_array_new (FALSE, TRUE, sizeof (MonthSession));
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (MonthPerson));
  g_autoptr(GHashTable) session_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) person_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) days = g_ptr_array_new ();
  g_auto(CohortHead) head = { 0 };
  g_autofree Mark *marks = NULL;
  char first[11], last[11];
  sqlite3_stmt *stmt;
  guint n_sessions, n_people;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  g_array_set_clear_func (people, month_person_clear);

  if (!month_range (month, first, last))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Choose the month as year and month, for example 2026-03."));
      return NULL;
    }
  if (!read_cohort_head (store, cohort_id, &head, error))
    return NULL;

  report = g_new0 (KorakMonthlyAttendance, 1);
  report->cohort_id = cohort_id;
  report->cohort_name = g_steal_pointer (&head.name);
  report->programme_name = g_steal_pointer (&head.programme_name);
  report->mentor_name = g_steal_pointer (&head.mentor_name);
  g_strlcpy (report->month, month, sizeof report->month);
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)monthly_row_free);

  /* The month's sessions that took place, by date (session_cohort_date). */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, date, start_time, end_time, kind = 'individual', participant_id FROM session "
                                    "WHERE cohort_id = ?1 AND date BETWEEN ?2 AND ?3 AND cancelled_reason IS NULL "
                                    "ORDER BY date, start_time, id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  korak_bind_text (stmt, 2, first);
  korak_bind_text (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MonthSession s = { 0 };
      const char *date = (const char *)sqlite3_column_text (stmt, 1);
      gboolean individual = sqlite3_column_int (stmt, 4) != 0;

      s.id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (s.date, date ? date : "", sizeof s.date);
      s.hours = session_hours ((const char *)sqlite3_column_text (stmt, 2),
                               (const char *)sqlite3_column_text (stmt, 3));
      s.participant_id = individual ? sqlite3_column_int64 (stmt, 5) : 0;
      s.day = -1;
      report->n_sessions++;
      if (individual && s.participant_id == 0)
        continue;   /* nobody's: expects no one */
      g_array_append_val (sessions, s);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  /* Days with a group session, and their scheduled hours; sessions are in
   * date order, so a new day is a date unlike the last one. */
  n_sessions = sessions->len;
  report->day_hours = g_new0 (double, MAX (n_sessions, 1));
  for (guint i = 0; i < n_sessions; i++)
    {
      MonthSession *s = &g_array_index (sessions, MonthSession, i);

      g_hash_table_insert (session_index, &s->id, GUINT_TO_POINTER (i));
      if (s->participant_id != 0)
        continue;
      if (days->len == 0 || !g_str_equal (g_ptr_array_index (days, days->len - 1), s->date))
        g_ptr_array_add (days, g_strdup (s->date));
      report->day_hours[days->len - 1] += s->hours;
    }
  /* An individual session on a group day shares that day's column. */
  for (guint i = 0, d = 0; i < n_sessions; i++)
    {
      MonthSession *s = &g_array_index (sessions, MonthSession, i);

      while (d < days->len && strcmp (g_ptr_array_index (days, d), s->date) < 0)
        d++;
      if (d < days->len && g_str_equal (g_ptr_array_index (days, d), s->date))
        s->day = (int)d;
    }
  report->n_days = days->len;
  g_ptr_array_add (days, NULL);
  report->days = (char **)g_ptr_array_free (g_steal_pointer (&days), FALSE);
  report->day_present = g_new0 (int, MAX (report->n_days, 1));

  /* Everyone enrolled at some time in the month, by family name. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT e.participant_id, trim(p.family_name || ' ' || p.given_name), e.start_date, e.end_date "
                                    "FROM enrolment e JOIN participant p ON p.id = e.participant_id "
                                    "WHERE e.cohort_id = ?1 AND e.start_date <= ?3 AND (e.end_date IS NULL OR e.end_date >= ?2) "
                                    "ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id, e.start_date",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  korak_bind_text (stmt, 2, first);
  korak_bind_text (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pid = sqlite3_column_int64 (stmt, 0);
      const char *start = (const char *)sqlite3_column_text (stmt, 2);
      const char *end = (const char *)sqlite3_column_text (stmt, 3);
      gpointer found = NULL;
      MonthPerson *person;
      Span span = { { 0 }, { 0 } };

      if (!g_hash_table_lookup_extended (person_index, &pid, NULL, &found))
        {
          MonthPerson fresh = { pid, g_array_new (FALSE, TRUE, sizeof (Span)) };
          KorakMonthlyRow *row = g_new0 (KorakMonthlyRow, 1);

          row->participant_id = pid;
          row->name = korak_column_dup (stmt, 1);
          g_ptr_array_add (report->rows, row);
          g_array_append_val (people, fresh);
          found = GUINT_TO_POINTER (people->len - 1);
          /* Keys point into the rows, which do not move. */
          g_hash_table_insert (person_index, &row->participant_id, found);
        }
      person = &g_array_index (people, MonthPerson, GPOINTER_TO_UINT (found));
      g_strlcpy (span.start, start ? start : "", sizeof span.start);
      g_strlcpy (span.end, end ? end : "", sizeof span.end);
      g_array_append_val (person->spans, span);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  n_people = people->len;
  marks = g_new0 (Mark, MAX ((gsize)n_people * n_sessions, 1));

  /* Every mark on those sessions, in one pass over the month's sessions. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT a.session_id, a.participant_id, a.state, a.hours "
                                    "FROM session s JOIN attendance a ON a.session_id = s.id "
                                    "WHERE s.cohort_id = ?1 AND s.date BETWEEN ?2 AND ?3 AND s.cancelled_reason IS NULL",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  korak_bind_text (stmt, 2, first);
  korak_bind_text (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 sid = sqlite3_column_int64 (stmt, 0);
      gint64 pid = sqlite3_column_int64 (stmt, 1);
      gpointer si, pi;
      Mark *mark;

      if (!g_hash_table_lookup_extended (session_index, &sid, NULL, &si) ||
          !g_hash_table_lookup_extended (person_index, &pid, NULL, &pi))
        continue;
      mark = &marks[(gsize)GPOINTER_TO_UINT (pi) * n_sessions + GPOINTER_TO_UINT (si)];
      mark->rank = state_rank ((const char *)sqlite3_column_text (stmt, 2));
      mark->hours = sqlite3_column_double (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  for (guint r = 0; r < n_people; r++)
    {
      const MonthPerson *person = &g_array_index (people, MonthPerson, r);
      KorakMonthlyRow *row = g_ptr_array_index (report->rows, r);
      g_autofree int *day_rank = g_new (int, MAX (report->n_days, 1));

      for (guint d = 0; d < report->n_days; d++)
        day_rank[d] = -1;   /* not enrolled */

      for (guint i = 0; i < n_sessions; i++)
        {
          const MonthSession *s = &g_array_index (sessions, MonthSession, i);
          const Mark *mark = &marks[(gsize)r * n_sessions + i];

          if (s->participant_id != 0 && s->participant_id != person->participant_id)
            continue;
          if (!enrolled_on (person, s->date))
            continue;

          row->expected_hours += s->hours;
          if (mark->rank == 1 || mark->rank == 2)
            row->hours += mark->hours;
          if (s->day >= 0)
            day_rank[s->day] = MAX (day_rank[s->day], (int)mark->rank);
        }

      row->states = g_malloc (report->n_days + 1);
      for (guint d = 0; d < report->n_days; d++)
        {
          row->states[d] = day_rank[d] < 0 ? ' ' : rank_letters[day_rank[d]];
          if (day_rank[d] == 1 || day_rank[d] == 2)
            {
              row->present_days++;
              report->day_present[d]++;
            }
        }
      row->states[report->n_days] = '\0';
      row->rate = row->expected_hours > 0 ? CLAMP (row->hours / row->expected_hours, 0, 1) : 0;
      report->total_hours += row->hours;
      report->total_expected += row->expected_hours;
    }
  report->rate = report->total_expected > 0 ? CLAMP (report->total_hours / report->total_expected, 0, 1) : 0;

  return g_steal_pointer (&report);
}

/* --------------------------------------------------------- cohort outcomes */

static void
area_change_free (KorakAreaChange *change)
{
  if (change == NULL)
    return;

  g_free (change->area_name);
  g_free (change);
}

void
korak_cohort_outcomes_free (KorakCohortOutcomes *outcomes)
{
  if (outcomes == NULL)
    return;

  g_free (outcomes->cohort_name);
  g_free (outcomes->programme_name);
  g_free (outcomes->site);
  g_free (outcomes->start_date);
  g_free (outcomes->end_date);
  g_free (outcomes->mentor_name);
  g_clear_pointer (&outcomes->exits, g_ptr_array_unref);
  g_clear_pointer (&outcomes->changes, g_ptr_array_unref);
  g_clear_pointer (&outcomes->areas, g_ptr_array_unref);
  g_free (outcomes);
}

/* One area's sums over the people who count. */
typedef struct
{
  gint64  area_id;
  int     ordinal;
  char   *name;
  double  intake_sum;
  double  latest_sum;
  int     n_people;
} AreaSum;

static void
area_sum_free (AreaSum *sum)
{
  g_free (sum->name);
  g_free (sum);
}

/* One person's scores in one area, oldest first. */
typedef struct
{
  int      intake;
  int      latest;
  int      n;
  gboolean seen_exit;
} PersonArea;

static void
flush_person (GHashTable *person,
              GHashTable *sums)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, person);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PersonArea *pa = value;
      AreaSum *sum = g_hash_table_lookup (sums, key);

      if (pa->n < 2 || sum == NULL)
        continue;
      sum->intake_sum += pa->intake;
      sum->latest_sum += pa->latest;
      sum->n_people++;
    }
  g_hash_table_remove_all (person);
}

static int
compare_area_sums (gconstpointer a,
                   gconstpointer b)
{
  const AreaSum *x = *(const AreaSum * const *)a;
  const AreaSum *y = *(const AreaSum * const *)b;

  if (x->ordinal != y->ordinal)
    return x->ordinal < y->ordinal ? -1 : 1;
  return x->area_id < y->area_id ? -1 : x->area_id > y->area_id;
}

/* Per area, the first score in the enrolment against the exit one (else
 * the latest), as korak_store_cohort_changes() does for the averages. */
static GPtrArray *
area_changes (KorakStore  *store,
              gint64       cohort_id,
              GError     **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func ((GDestroyNotify)area_change_free);
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)area_sum_free);
  g_autoptr(GHashTable) person = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;
  gint64 current = 0;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT a.participant_id, a.kind, sc.area_id, sc.score, ca.name, ca.ordinal "
                                    "FROM enrolment e "
                                    "JOIN assessment a ON a.participant_id = e.participant_id "
                                    "  AND a.date >= e.start_date AND (e.end_date IS NULL OR a.date <= e.end_date) "
                                    "JOIN assessment_score sc ON sc.assessment_id = a.id "
                                    "JOIN competency_area ca ON ca.id = sc.area_id "
                                    "WHERE e.cohort_id = ?1 GROUP BY a.id, sc.area_id "
                                    "ORDER BY a.participant_id, a.date, "
                                    "  CASE a.kind WHEN 'intake' THEN 0 WHEN 'review' THEN 1 WHEN 'exit' THEN 2 ELSE 3 END, a.id",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pid = sqlite3_column_int64 (stmt, 0);
      gboolean is_exit = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), "exit") == 0;
      gint64 area_id = sqlite3_column_int64 (stmt, 2);
      int score = sqlite3_column_int (stmt, 3);
      PersonArea *pa;

      if (pid != current)
        {
          flush_person (person, sums);
          current = pid;
        }
      if (!g_hash_table_contains (sums, &area_id))
        {
          AreaSum *sum = g_new0 (AreaSum, 1);

          sum->area_id = area_id;
          sum->name = korak_column_dup (stmt, 4);
          sum->ordinal = sqlite3_column_int (stmt, 5);
          g_hash_table_insert (sums, &sum->area_id, sum);
        }

      pa = g_hash_table_lookup (person, &area_id);
      if (pa == NULL)
        {
          pa = g_new0 (PersonArea, 1);
          pa->intake = score;
          g_hash_table_insert (person, g_memdup2 (&area_id, sizeof area_id), pa);
        }
      pa->n++;
      if (!pa->seen_exit)
        {
          pa->latest = score;
          pa->seen_exit = is_exit;
        }
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  flush_person (person, sums);

  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_area_sums);
  for (guint i = 0; i < sorted->len; i++)
    {
      const AreaSum *sum = g_ptr_array_index (sorted, i);
      KorakAreaChange *change;

      if (sum->n_people == 0)
        continue;
      change = g_new0 (KorakAreaChange, 1);
      change->area_name = g_strdup (sum->name);
      change->intake_average = sum->intake_sum / sum->n_people;
      change->latest_average = sum->latest_sum / sum->n_people;
      change->n_people = sum->n_people;
      g_ptr_array_add (areas, change);
    }

  return g_steal_pointer (&areas);
}

KorakCohortOutcomes *
korak_store_get_cohort_outcomes (KorakStore  *store,
                                 gint64       cohort_id,
                                 GError     **error)
{
  g_autoptr(KorakCohortOutcomes) outcomes = NULL;
  g_auto(CohortHead) head = { 0 };
  sqlite3_stmt *stmt;
  double change_sum = 0;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!read_cohort_head (store, cohort_id, &head, error))
    return NULL;

  outcomes = g_new0 (KorakCohortOutcomes, 1);
  outcomes->cohort_id = cohort_id;
  outcomes->cohort_name = g_steal_pointer (&head.name);
  outcomes->programme_name = g_steal_pointer (&head.programme_name);
  outcomes->site = g_steal_pointer (&head.site);
  outcomes->start_date = g_steal_pointer (&head.start_date);
  outcomes->end_date = g_steal_pointer (&head.end_date);
  outcomes->mentor_name = g_steal_pointer (&head.mentor_name);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT count(*), total(status = 'active'), total(status = 'completed'), "
                                    "  total(status = 'exited'), total(status = 'withdrawn'), total(exit_positive = 1) "
                                    "FROM enrolment WHERE cohort_id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      outcomes->enrolled = sqlite3_column_int (stmt, 0);
      outcomes->active = sqlite3_column_int (stmt, 1);
      outcomes->completed = sqlite3_column_int (stmt, 2);
      outcomes->early_exits = sqlite3_column_int (stmt, 3);
      outcomes->withdrawn = sqlite3_column_int (stmt, 4);
      outcomes->positive_exits = sqlite3_column_int (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT total(a.hours) FROM session s JOIN attendance a ON a.session_id = s.id "
                                    "WHERE s.cohort_id = ?1 AND s.cancelled_reason IS NULL "
                                    "AND a.state IN ('present', 'late')", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    outcomes->hours = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  /* People erased on request still count, anonymously (korak-audit.c). */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT total(enrolments), total(completed), total(exit_positive), total(hours) "
                                    "FROM erased_person_count WHERE cohort_id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      outcomes->erased = sqlite3_column_int (stmt, 0);
      outcomes->enrolled += outcomes->erased;
      outcomes->completed += sqlite3_column_int (stmt, 1);
      outcomes->positive_exits += sqlite3_column_int (stmt, 2);
      outcomes->hours += sqlite3_column_double (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  if (!(outcomes->exits = korak_store_cohort_exits (store, cohort_id, error)))
    return NULL;
  if (!(outcomes->changes = korak_store_cohort_changes (store, cohort_id, error)))
    return NULL;
  for (guint i = 0; i < outcomes->changes->len; i++)
    {
      const KorakProgressChange *c = g_ptr_array_index (outcomes->changes, i);

      if (c->n_assessments < 2)
        continue;
      change_sum += c->latest_average - c->intake_average;
      outcomes->n_changed++;
    }
  outcomes->average_change = outcomes->n_changed > 0 ? change_sum / outcomes->n_changed : 0;

  if (!(outcomes->areas = area_changes (store, cohort_id, error)))
    return NULL;

  return g_steal_pointer (&outcomes);
}

/* ------------------------------------------------------------- enrolment */

void
korak_enrolment_record_free (KorakEnrolmentRecord *enrolment)
{
  if (enrolment == NULL)
    return;
  g_free (enrolment->start_date);
  g_free (enrolment->end_date);
  g_free (enrolment->status);
  g_free (enrolment->exit_reason);
  g_free (enrolment->exit_date);
  g_free (enrolment->exit_outcome);
  g_free (enrolment);
}

KorakEnrolmentRecord *
korak_store_get_latest_enrolment (KorakStore  *store,
                                  gint64       participant_id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  KorakEnrolmentRecord *enrolment;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, cohort_id, start_date, end_date, status, exit_reason, "
                                    "exit_date, exit_outcome, exit_positive FROM enrolment "
                                    "WHERE participant_id = ?1 "
                                    "ORDER BY status = 'active' DESC, start_date DESC, id DESC LIMIT 1",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        korak_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  enrolment = g_new0 (KorakEnrolmentRecord, 1);
  enrolment->id = sqlite3_column_int64 (stmt, 0);
  enrolment->cohort_id = sqlite3_column_int64 (stmt, 1);
  enrolment->start_date = korak_column_dup (stmt, 2);
  enrolment->end_date = korak_column_dup (stmt, 3);
  enrolment->status = korak_column_dup (stmt, 4);
  enrolment->exit_reason = korak_column_dup (stmt, 5);
  enrolment->exit_date = korak_column_dup (stmt, 6);
  enrolment->exit_outcome = korak_column_dup (stmt, 7);
  enrolment->exit_positive = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 8);
  sqlite3_reset (stmt);

  return enrolment;
}
