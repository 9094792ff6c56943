/* korak-cli-documents.c — certificates and reports to PDF, with no display.
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "korak-cli-private.h"
#include "korak-mediators.h"
#include "korak-crash-test.h"
#include "korak-date.h"
#include "korak-notes.h"
#include "korak-reports.h"
#include "korak-store-private.h"

/* What the benchmark compares against; printed, never asserted. */
#define TARGET_CERTIFICATES_MS  3000.0
#define TARGET_MONTHLY_MS        500.0
#define BENCH_CERTIFICATES       300

static gboolean
is_number (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A participant or cohort by its number or by its exact name (any case):
 * people know names, the number is what Korak shows in exports. */
gint64
korak_cli_lookup (KorakStore       *store,
                  KorakCliLookup    kind,
                  const char       *text,
                  GError          **error)
{
  const char *sql = kind == KORAK_CLI_PARTICIPANT
    ? "SELECT id FROM participant WHERE id = ?1 "
      "OR lower(given_name || ' ' || family_name) = lower(?2) "
      "OR lower(family_name || ' ' || given_name) = lower(?2) LIMIT 2"
    : "SELECT id FROM cohort WHERE id = ?1 OR lower(name) = lower(?2) LIMIT 2";
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int n = 0;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, is_number (text) ? g_ascii_strtoll (text, NULL, 10) : 0);
  korak_bind_text (stmt, 2, text);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  sqlite3_reset (stmt);

  if (n == 1)
    return found;

  if (n == 0)
    g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                 kind == KORAK_CLI_PARTICIPANT ? _("No participant has the number or name “%s”.")
                                            : _("No cohort has the number or name “%s”."),
                 text);
  else
    g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                 kind == KORAK_CLI_PARTICIPANT ? _("More than one participant is called “%s”. Give the number instead.")
                                            : _("More than one cohort is called “%s”. Give the number instead."),
                 text);
  return 0;
}

static int
write_document (KorakDocument *document,
                const char    *output)
{
  g_autoptr(GError) error = NULL;
  int n_pages;

  if (document == NULL)
    return EXIT_FAILURE;

  if (!korak_document_write_pdf (document, output, &error))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  {
    double width, height;
    g_autofree char *display = g_filename_display_name (output);

    korak_document_get_paper_size (document, &width, &height);
    n_pages = korak_document_layout (document, width, height);
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote “%s”: %d page.\n", "Wrote “%s”: %d pages.\n", n_pages),
             display, n_pages);
  }
  return EXIT_SUCCESS;
}

static void
print_certificate (const KorakCertificateRecord *record)
{
  g_autofree char *issued = korak_date_format (record->issued_date);
  g_autofree char *start = korak_date_format (record->start_date);
  g_autofree char *end = korak_date_format (record->end_date);

  g_print (_("Serial:            %s\n"), record->serial);
  g_print (_("Verification code: %s (%s)\n"), record->verification,
           korak_certificate_record_verify (record) ? _("matches the register") : _("DOES NOT MATCH the register"));
  g_print (_("Kind:              %s\n"), g_str_equal (record->kind, KORAK_CERTIFICATE_COMPLETION)
                                           ? _("Certificate of completion") : _("Certificate of participation"));
  g_print (_("Issued:            %s\n"), issued);
  g_print (_("Participant:       %s\n"), record->participant_name);
  g_print (_("Programme:         %s (%s)\n"), record->programme_name, record->cohort_name);
  g_print (_("Dates:             %s – %s\n"), start, end);
  g_print (_("Hours attended:    %.1f\n"), record->hours);
}

/* ------------------------------------------------------------- languages */

/* --language and --layout: a second language for a plan, progress report
 * or certificate. The language may be a tag or a name ("ar", "Arabic",
 * "arabščina"); whether the document is translated into it is checked when
 * it is made. */
static gboolean
parse_bilingual (const char      *language,
                 const char      *layout,
                 KorakBilingual  *bilingual,
                 char           **tag)
{
  bilingual->language = NULL;
  bilingual->layout = KORAK_BILINGUAL_SIDE_BY_SIDE;

  if (layout != NULL && g_str_equal (layout, "stacked"))
    bilingual->layout = KORAK_BILINGUAL_STACKED;
  else if (layout != NULL && !g_str_equal (layout, "side"))
    {
      korak_cli_print_error (_("The layout of a document in two languages is “side” (side by side) or “stacked” (one above the other)."));
      return FALSE;
    }

  if (language == NULL || *language == '\0')
    return TRUE;

  *tag = korak_language_from_text (language);
  if (*tag == NULL)
    *tag = korak_language_normalize (language);
  if (*tag == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a language Korak knows. Give a language tag such as “sq” or “ar”."), language);

      korak_cli_print_error (message);
      return FALSE;
    }
  bilingual->language = *tag;
  return TRUE;
}

/* ----------------------------------------------------------- certificate */

int
korak_cli_certificate (int    argc,
                       char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *output = NULL;
  g_autofree char *participant = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *verify = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *date = NULL;
  g_autofree char *language = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *tag = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  KorakBilingual bilingual;
  int sources;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: your Korak database)"), N_("PATH") },
    { "participant", 'p', 0, G_OPTION_ARG_STRING, &participant,
      N_("Issue (or reprint) the certificate of this participant: number or full name"), N_("WHO") },
    { "cohort", 'c', 0, G_OPTION_ARG_STRING, &cohort,
      N_("Certificates for everyone who completed this cohort, in one PDF: number or name"), N_("COHORT") },
    { "serial", 's', 0, G_OPTION_ARG_STRING, &serial,
      N_("Reprint the certificate with this serial number"), N_("SERIAL") },
    { "verify", 0, 0, G_OPTION_ARG_STRING, &verify,
      N_("Look a serial number up in the register and check it"), N_("SERIAL") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_("participation or completion (default: completion)"), N_("KIND") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Date of issue, YYYY-MM-DD (default: today)"), N_("DATE") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Print the certificate in this language too, e.g. sq or ar"), N_("LANGUAGE") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout,
      N_("With --language: side (side by side, the default) or stacked (one above the other)"), N_("LAYOUT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };

  context = korak_cli_command_context (_("Issues certificates of participation or completion, records them in "
                                         "the register with a serial number, and writes them to a PDF. "
                                         "A certificate issued before is reprinted exactly as it was."), entries);
  if (!korak_cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  sources = (participant != NULL) + (cohort != NULL) + (serial != NULL) + (verify != NULL);
  if (sources != 1)
    {
      korak_cli_print_error (_("Give exactly one of --participant, --cohort, --serial or --verify."));
      return EXIT_USAGE;
    }
  if (!parse_bilingual (language, layout, &bilingual, &tag))
    return EXIT_USAGE;
  if (bilingual.language != NULL && participant == NULL && serial == NULL)
    {
      korak_cli_print_error (_("A certificate in two languages is printed one at a time: use --language with --participant or --serial."));
      return EXIT_USAGE;
    }
  if (verify == NULL && output == NULL)
    {
      korak_cli_print_error (_("Give the PDF file to write with --output."));
      return EXIT_USAGE;
    }
  if (kind == NULL)
    kind = g_strdup (KORAK_CERTIFICATE_COMPLETION);
  if (!g_str_equal (kind, KORAK_CERTIFICATE_COMPLETION) && !g_str_equal (kind, KORAK_CERTIFICATE_PARTICIPATION))
    {
      korak_cli_print_error (_("The kind of certificate is “participation” or “completion”."));
      return EXIT_USAGE;
    }
  if (date != NULL && !korak_date_is_iso (date))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date. Write it as YYYY-MM-DD."), date);

      korak_cli_print_error (message);
      return EXIT_USAGE;
    }

  if (database == NULL)
    database = korak_store_default_path ();
  if (!korak_cli_database_exists (database) || !(store = korak_cli_open_store (database)))
    return EXIT_FAILURE;

  if (verify != NULL)
    {
      g_autoptr(KorakCertificateRecord) record = korak_store_get_certificate (store, verify, &error);

      if (record == NULL)
        {
          korak_cli_print_error (error->message);
          return EXIT_FAILURE;
        }
      print_certificate (record);
      return korak_certificate_record_verify (record) ? EXIT_SUCCESS : EXIT_FAILURE;
    }

  if (serial != NULL || participant != NULL)
    {
      g_autoptr(KorakCertificateRecord) record = NULL;

      if (serial != NULL)
        record = korak_store_get_certificate (store, serial, &error);
      else
        {
          gint64 id = korak_cli_lookup (store, KORAK_CLI_PARTICIPANT, participant, &error);

          /* Not issued into the register when it cannot be printed as asked. */
          if (id != 0 && bilingual.language != NULL &&
              !korak_report_check_language (store, KORAK_REPORT_CERTIFICATE, id, bilingual.language, &error))
            id = 0;
          if (id != 0)
            record = korak_store_issue_certificate (store, id, kind, date, &error);
        }
      if (record == NULL || !(document = korak_report_certificate_bilingual (store, record, &bilingual, &error)))
        {
          korak_cli_print_error (error->message);
          return EXIT_FAILURE;
        }
      print_certificate (record);
    }
  else
    {
      g_autoptr(GPtrArray) records = NULL;
      gint64 id = korak_cli_lookup (store, KORAK_CLI_COHORT, cohort, &error);

      if (id == 0 || !(records = korak_store_issue_cohort_certificates (store, id, kind, date, &error)))
        {
          korak_cli_print_error (error->message);
          return EXIT_FAILURE;
        }
      if (records->len == 0)
        {
          korak_cli_print_error (_("Nobody has completed this cohort yet, so there is no certificate to print."));
          return EXIT_FAILURE;
        }
      if (!(document = korak_report_certificates (store, records, _("Certificates"), &error)))
        {
          korak_cli_print_error (error->message);
          return EXIT_FAILURE;
        }
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u certificate.\n", "%u certificates.\n", records->len), records->len);
    }

  return write_document (document, output);
}

/* ----------------------------------------------------------------- report */

typedef enum
{
  NEEDS_PARTICIPANT = 1 << 0,
  NEEDS_COHORT      = 1 << 1,
  NEEDS_MONTH       = 1 << 2,
  NEEDS_DATE        = 1 << 3,
} Needs;

static const struct
{
  const char *name;
  Needs       needs;
} report_kinds[] = {
  { "attendance", NEEDS_COHORT | NEEDS_MONTH },
  { "outcomes",   NEEDS_COHORT },
  { "sign-in",    NEEDS_COHORT | NEEDS_DATE },
  { "plan",       NEEDS_PARTICIPANT },
  { "progress",   NEEDS_PARTICIPANT },
};

static gboolean
is_month (const char *text)
{
  g_autofree char *first = NULL;

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  first = g_strdup_printf ("%s-01", text);
  return korak_date_is_iso (first);
}

int
korak_cli_report (int    argc,
                  char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *output = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *participant = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *month = NULL;
  g_autofree char *date = NULL;
  g_autofree char *language = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *tag = NULL;
  KorakBilingual bilingual;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 participant_id = 0, cohort_id = 0;
  Needs needs = 0;
  gboolean known = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: your Korak database)"), N_("PATH") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_("attendance, outcomes, sign-in, plan or progress"), N_("KIND") },
    { "cohort", 'c', 0, G_OPTION_ARG_STRING, &cohort,
      N_("The cohort (attendance, outcomes, sign-in): number or name"), N_("COHORT") },
    { "participant", 'p', 0, G_OPTION_ARG_STRING, &participant,
      N_("The participant (plan, progress): number or full name"), N_("WHO") },
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month,
      N_("The month of an attendance report, YYYY-MM"), N_("MONTH") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The session day of a sign-in sheet, YYYY-MM-DD"), N_("DATE") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Print a plan or progress report in this language too, e.g. ar or sq"), N_("LANGUAGE") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout,
      N_("With --language: side (side by side, the default) or stacked (one above the other)"), N_("LAYOUT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };

  /* "report mediator-hours" has options of its own. */
  if (argc > 1 && g_strcmp0 (argv[1], "mediator-hours") == 0)
    return korak_cli_report_mediator_hours (argc - 1, argv + 1);

  context = korak_cli_command_context (_("Writes a report to a PDF: a cohort’s monthly attendance, its "
                                         "outcomes, a sign-in sheet for a session day, or a participant’s "
                                         "individual plan or progress report."), entries);
  if (!korak_cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (report_kinds); i++)
    if (g_str_equal (kind, report_kinds[i].name))
      {
        needs = report_kinds[i].needs;
        known = TRUE;
      }
  if (!known)
    {
      korak_cli_print_error (_("Give the kind of report with --kind: attendance, outcomes, sign-in, plan or progress."));
      return EXIT_USAGE;
    }
  if (output == NULL)
    {
      korak_cli_print_error (_("Give the PDF file to write with --output."));
      return EXIT_USAGE;
    }
  if (!parse_bilingual (language, layout, &bilingual, &tag))
    return EXIT_USAGE;
  if (bilingual.language != NULL && !(needs & NEEDS_PARTICIPANT))
    {
      korak_cli_print_error (_("Only the plan and the progress report can be printed in two languages."));
      return EXIT_USAGE;
    }
  if ((needs & NEEDS_COHORT) && cohort == NULL)
    {
      korak_cli_print_error (_("This report is about a cohort: give it with --cohort."));
      return EXIT_USAGE;
    }
  if ((needs & NEEDS_PARTICIPANT) && participant == NULL)
    {
      korak_cli_print_error (_("This report is about a participant: give them with --participant."));
      return EXIT_USAGE;
    }
  if ((needs & NEEDS_MONTH) && !is_month (month))
    {
      korak_cli_print_error (_("Give the month with --month, written as YYYY-MM (for example 2026-03)."));
      return EXIT_USAGE;
    }
  if ((needs & NEEDS_DATE) && (date == NULL || !korak_date_is_iso (date)))
    {
      korak_cli_print_error (_("Give the session day with --date, written as YYYY-MM-DD."));
      return EXIT_USAGE;
    }

  if (database == NULL)
    database = korak_store_default_path ();
  if (!korak_cli_database_exists (database) || !(store = korak_cli_open_store (database)))
    return EXIT_FAILURE;

  if ((needs & NEEDS_COHORT) && !(cohort_id = korak_cli_lookup (store, KORAK_CLI_COHORT, cohort, &error)))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  if ((needs & NEEDS_PARTICIPANT) && !(participant_id = korak_cli_lookup (store, KORAK_CLI_PARTICIPANT, participant, &error)))
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  if (g_str_equal (kind, "attendance"))
    document = korak_report_monthly_attendance (store, cohort_id, month, &error);
  else if (g_str_equal (kind, "outcomes"))
    document = korak_report_cohort_outcomes (store, cohort_id, &error);
  else if (g_str_equal (kind, "sign-in"))
    document = korak_report_sign_in_sheet (store, cohort_id, date, &error);
  else if (g_str_equal (kind, "plan"))
    document = korak_report_plan_bilingual (store, participant_id, &bilingual, &error);
  else
    document = korak_report_progress_bilingual (store, participant_id, &bilingual, &error);

  if (document == NULL)
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  return write_document (document, output);
}

/* ------------------------------------------------------------------ bench */

/* The certificates the bench issued are taken out of the register again,
 * so benchmarking leaves the database as it was. */
static gboolean
bench_certificates (KorakStore  *store,
                    const char  *folder,
                    GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) korak_certificate_record_free);
  g_autoptr(GArray) cohorts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *path = g_build_filename (folder, "certificates.pdf", NULL);
  sqlite3_stmt *stmt;
  gint64 start;
  double issue_ms, total_ms;

  /* What the register held before, to take out what the bench issues. */
  if (!korak_store_exec (store, "DROP TABLE IF EXISTS temp.bench_certificates; "
                                "CREATE TEMP TABLE bench_certificates AS SELECT id FROM certificate", error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT cohort_id FROM enrolment WHERE status = 'completed' "
                                    "GROUP BY cohort_id ORDER BY cohort_id", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (cohorts, id);
    }
  sqlite3_reset (stmt);

  if (cohorts->len == 0)
    {
      g_print (_("Certificates: nobody has completed a cohort in this database; skipped.\n"));
      return TRUE;
    }

  /* As a mentor does it: the batch of each cohort that ended, one
   * transaction each, until there are enough for one PDF. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < cohorts->len && records->len < BENCH_CERTIFICATES; i++)
    {
      g_autoptr(GPtrArray) batch = korak_store_issue_cohort_certificates (store, g_array_index (cohorts, gint64, i),
                                                                          KORAK_CERTIFICATE_COMPLETION, NULL, error);

      if (batch == NULL)
        return FALSE;
      for (guint j = 0; j < batch->len && records->len < BENCH_CERTIFICATES; j++)
        g_ptr_array_add (records, g_steal_pointer (&g_ptr_array_index (batch, j)));
    }
  issue_ms = korak_cli_ms_since (start);

  document = korak_report_certificates (store, records, _("Certificates"), error);
  if (document == NULL || !korak_document_write_pdf (document, path, error))
    return FALSE;
  total_ms = korak_cli_ms_since (start);

  g_print (_("Certificates, %u to one PDF:\n"), records->len);
  g_print (_("  issuing them in the register      %9.2f ms\n"), issue_ms);
  korak_cli_print_figure (_("  issuing, drawing, writing"), total_ms, TARGET_CERTIFICATES_MS);

  return korak_store_exec (store, "DELETE FROM certificate WHERE id NOT IN (SELECT id FROM temp.bench_certificates); "
                                  "DROP TABLE temp.bench_certificates", error);
}

/* A cohort of about 20 people and its busiest month. */
static gboolean
bench_monthly (KorakStore  *store,
               const char  *folder,
               GError     **error)
{
  g_autofree char *path = g_build_filename (folder, "attendance.pdf", NULL);
  g_autofree char *month = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt;
  gint64 cohort_id = 0;
  int members = 0;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT e.cohort_id, count(*) AS n FROM enrolment e "
                                    "WHERE EXISTS (SELECT 1 FROM session s JOIN attendance a ON a.session_id = s.id "
                                    "              WHERE s.cohort_id = e.cohort_id) "
                                    "GROUP BY e.cohort_id ORDER BY abs(n - 20), e.cohort_id LIMIT 1", error)))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      cohort_id = sqlite3_column_int64 (stmt, 0);
      members = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT substr(s.date, 1, 7) AS m FROM session s JOIN attendance a ON a.session_id = s.id "
                                    "WHERE s.cohort_id = ?1 GROUP BY m ORDER BY count(*) DESC, m LIMIT 1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    month = korak_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (month == NULL)
    {
      g_print (_("Monthly attendance report: no cohort with attendance in this database; skipped.\n"));
      return TRUE;
    }

  for (int round = 0; round < 5; round++)
    {
      g_autoptr(KorakDocument) document = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      document = korak_report_monthly_attendance (store, cohort_id, month, error);
      if (document == NULL || !korak_document_write_pdf (document, path, error))
        return FALSE;
      ms = korak_cli_ms_since (start);
      g_array_append_val (samples, ms);
    }

  g_print (_("Monthly attendance report of a %d-person cohort (%s), to PDF:\n"), members, month);
  korak_cli_print_figure (_("  median of 5"), korak_cli_median (samples), TARGET_MONTHLY_MS);
  return TRUE;
}

/* No goal in the issues: measured so that a slow one shows. */
static void
print_untargeted (const char *label,
                  double      ms)
{
  glong width = g_utf8_strlen (label, -1);
  g_autofree char *pad = g_strnfill (width < 34 ? 34 - width : 1, ' ');

  g_print ("%s%s%9.2f ms\n", label, pad, ms);
}

/* An Arabic speaker's plan in Slovenian and Arabic (the dry run that checks
 * the translation is complete included), and the mediator hours of every
 * cohort: median of 5 each. */
static gboolean
bench_interpreting (KorakStore  *store,
                    const char  *folder,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (folder, "plan-ar.pdf", NULL);
  g_autoptr(GArray) plans = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hours = g_array_new (FALSE, FALSE, sizeof (double));
  KorakBilingual bilingual = { "ar", KORAK_BILINGUAL_SIDE_BY_SIDE };
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT p.participant_id FROM plan p JOIN participant x ON x.id = p.participant_id "
                                    "JOIN goal g ON g.plan_id = p.id WHERE x.mother_tongue = 'arabščina' "
                                    "GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1", error)))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  for (int round = 0; round < 5; round++)
    {
      g_autoptr(KorakMediatorSummary) summary = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!(summary = korak_store_mediator_hours (store, 0, NULL, NULL, error)))
        return FALSE;
      ms = korak_cli_ms_since (start);
      g_array_append_val (hours, ms);
    }

  g_print (_("Interpreting:\n"));
  print_untargeted (_("  mediator hours, every cohort"), korak_cli_median (hours));

  if (id == 0 || !korak_report_check_language (store, KORAK_REPORT_PLAN, id, "ar", &local_error))
    {
      g_print (_("  a plan with Arabic beside it: skipped (%s)\n"),
               local_error ? local_error->message : _("no Arabic speaker with a plan"));
      return TRUE;
    }

  for (int round = 0; round < 5; round++)
    {
      g_autoptr(KorakDocument) document = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      document = korak_report_plan_bilingual (store, id, &bilingual, error);
      if (document == NULL || !korak_document_write_pdf (document, path, error))
        return FALSE;
      ms = korak_cli_ms_since (start);
      g_array_append_val (plans, ms);
    }
  print_untargeted (_("  a plan with Arabic beside it"), korak_cli_median (plans));
  return TRUE;
}

gboolean
korak_cli_bench_documents (KorakStore  *store,
                           GError     **error)
{
  g_autofree char *folder = g_dir_make_tmp ("korak-bench-XXXXXX", error);
  gboolean ok;

  if (folder == NULL)
    return FALSE;

  ok = bench_certificates (store, folder, error) && bench_monthly (store, folder, error) &&
       bench_interpreting (store, folder, error);

  korak_cli_remove_folder (folder);
  return ok;
}

/* Kills a process writing participants, attendance and notes @kills times
 * with SIGKILL, then counts the writes it reported committed that are
 * missing: the figure must be 0. */
gboolean
korak_cli_bench_crash (guint kills)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("korak-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  guint reported = 0, lost = 0;
  gboolean ok;
  gint64 start;

  if (folder == NULL)
    {
      korak_cli_print_error (error->message);
      return FALSE;
    }
  path = g_build_filename (folder, "crash.db", NULL);

  start = g_get_monotonic_time ();
  ok = korak_crash_run (path, kills, &reported, &lost, &error);
  g_print (_("Crash safety, %u kills with SIGKILL while writing (%.1f s):\n"), kills,
           korak_cli_ms_since (start) / 1000.0);
  g_print (_("  writes reported committed        %9u\n"), reported);
  g_print (_("  of them lost                     %9u   (target 0)\n"), lost);
  if (!ok)
    korak_cli_print_error (error->message);

  korak_cli_remove_folder (folder);
  return ok && lost == 0;
}
