/* korak-export.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "korak-csv.h"
#include "korak-date.h"
#include "korak-export.h"
#include "korak-participant-record.h"
#include "korak-plan.h"
#include "korak-schedule.h"
#include "korak-store-private.h"
#include "korak-xlsx.h"

/* ------------------------------------------------------------------ table */

static KorakExportTable *
table_new (const char *title,
           guint       n_columns)
{
  KorakExportTable *table = g_new0 (KorakExportTable, 1);

  table->title = g_strdup (title);
  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  table->kinds = g_new0 (KorakExportColumnKind, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return table;
}

static void
table_set_column (KorakExportTable      *table,
                  guint                  column,
                  const char            *header,
                  KorakExportColumnKind  kind)
{
  g_assert (column < table->n_columns);

  g_free (table->headers[column]);
  table->headers[column] = g_strdup (header);
  table->kinds[column] = kind;
}

void
korak_export_table_free (KorakExportTable *table)
{
  if (table == NULL)
    return;

  g_free (table->title);
  g_strfreev (table->headers);
  g_free (table->kinds);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/* Takes @values: n_columns strings ("" for empty) and a NULL after them,
 * as g_strfreev() frees it. */
void
korak_export_table_add_row (KorakExportTable  *table,
                            char             **values)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (values != NULL);

  g_ptr_array_add (table->rows, values);
}

/* One row being filled: every cell set is a copy, "" for empty. */
typedef struct
{
  char **values;
  guint  n;
} Row;

static Row
row_new (const KorakExportTable *table)
{
  Row row = { g_new0 (char *, table->n_columns + 1), table->n_columns };
  return row;
}

static void
row_set (Row        *row,
         guint       column,
         const char *value)
{
  g_assert (column < row->n);
  g_free (row->values[column]);
  row->values[column] = (value && *value) ? g_strdup (value) : g_strdup ("");
}

static void
row_take (Row   *row,
          guint  column,
          char  *value)
{
  row_set (row, column, value);
  g_free (value);
}

static void
row_set_id (Row    *row,
            guint   column,
            gint64  id)
{
  row_take (row, column, id ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL);
}

static void
row_set_number (Row    *row,
                guint   column,
                double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  row_set (row, column, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static void
table_add (KorakExportTable *table,
           Row              *row)
{
  /* No NULL before the end, or g_strfreev() would stop short. */
  for (guint i = 0; i < row->n; i++)
    if (row->values[i] == NULL)
      row->values[i] = g_strdup ("");
  korak_export_table_add_row (table, g_steal_pointer (&row->values));
}

/* ----------------------------------------------------------- participants */

static KorakExportTable *
participants_table (KorakStore  *store,
                    GError     **error)
{
  g_autoptr(GPtrArray) records = korak_store_list_participants (store, error);
  g_autoptr(KorakExportTable) table = NULL;
  guint column = 0;

  if (records == NULL)
    return NULL;

  table = table_new (_("Participants"), KORAK_N_FIELDS + 3);
  table_set_column (table, column++, _("Number"), KORAK_EXPORT_COLUMN_ID);
  for (guint f = 0; f < KORAK_N_FIELDS; f++)
    {
      const KorakFieldInfo *info = korak_participant_field_info (f);
      gboolean is_date = info->kind == KORAK_FIELD_KIND_DATE || info->kind == KORAK_FIELD_KIND_PAST_DATE;

      table_set_column (table, column++, _(info->label), is_date ? KORAK_EXPORT_COLUMN_DATE : KORAK_EXPORT_COLUMN_TEXT);
    }
  table_set_column (table, column++, _("Cohort"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, column++, _("Archived on"), KORAK_EXPORT_COLUMN_DATE);

  for (guint i = 0; i < records->len; i++)
    {
      const KorakParticipantRecord *record = g_ptr_array_index (records, i);
      Row row = row_new (table);

      column = 0;
      row_set_id (&row, column++, record->id);
      for (guint f = 0; f < KORAK_N_FIELDS; f++)
        {
          const KorakFieldInfo *info = korak_participant_field_info (f);
          const char *value = record->values[f];

          if (info->kind == KORAK_FIELD_KIND_BOOLEAN)
            row_set (&row, column++, korak_csv_boolean_label (g_strcmp0 (value, "1") == 0));
          else if (info->kind == KORAK_FIELD_KIND_CHOICE)
            row_set (&row, column++, korak_choice_label (info->choices, value));
          else
            row_set (&row, column++, value);
        }
      row_set (&row, column++, record->cohort_name);
      row_take (&row, column++, record->archived_at ? g_strndup (record->archived_at, 10) : NULL);
      table_add (table, &row);
    }

  return g_steal_pointer (&table);
}

/* ------------------------------------------------------------- attendance */

enum {
  ATT_COHORT,
  ATT_DATE,
  ATT_START,
  ATT_END,
  ATT_ACTIVITY,
  ATT_KIND,
  ATT_NUMBER,
  ATT_GIVEN,
  ATT_FAMILY,
  ATT_STATE,
  ATT_HOURS,
  ATT_REMARK,
  N_ATT
};

static KorakExportTable *
attendance_table (KorakStore  *store,
                  gint64       cohort_id,
                  GError     **error)
{
  g_autoptr(KorakExportTable) table = table_new (_("Attendance"), N_ATT);
  g_autofree char *today = korak_date_today ();
  sqlite3_stmt *stmt;
  int rc;

  table_set_column (table, ATT_COHORT, _("Cohort"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, ATT_DATE, _("Date"), KORAK_EXPORT_COLUMN_DATE);
  table_set_column (table, ATT_START, _("Start"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, ATT_END, _("End"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, ATT_ACTIVITY, _("Activity"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, ATT_KIND, _("Kind of session"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, ATT_NUMBER, _("Number"), KORAK_EXPORT_COLUMN_ID);
  table_set_column (table, ATT_GIVEN, _("Given name"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, ATT_FAMILY, _("Family name"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, ATT_STATE, _("Attendance"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, ATT_HOURS, _("Hours"), KORAK_EXPORT_COLUMN_NUMBER);
  table_set_column (table, ATT_REMARK, _("Remark"), KORAK_EXPORT_COLUMN_TEXT);

  /* Everyone on each session's register (as korak_store_get_register()
   * lists it), for sessions held up to today or already marked; cancelled
   * sessions count nowhere. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT c.name, s.date, s.start_time, s.end_time, act.name, s.kind, "
                                    "  p.id, p.given_name, p.family_name, a.state, a.hours, a.remark "
                                    "FROM session s "
                                    "JOIN cohort c ON c.id = s.cohort_id "
                                    "LEFT JOIN activity act ON act.id = s.activity_id "
                                    "JOIN participant p ON p.id IN ("
                                    "  SELECT e.participant_id FROM enrolment e WHERE s.kind <> 'individual' "
                                    "    AND e.cohort_id = s.cohort_id AND e.start_date <= s.date "
                                    "    AND (e.end_date IS NULL OR e.end_date >= s.date) "
                                    "  UNION SELECT s.participant_id WHERE s.kind = 'individual' "
                                    "  UNION SELECT x.participant_id FROM attendance x WHERE x.session_id = s.id) "
                                    "LEFT JOIN attendance a ON a.session_id = s.id AND a.participant_id = p.id "
                                    "WHERE (?1 = 0 OR s.cohort_id = ?1) AND s.cancelled_reason IS NULL "
                                    "  AND (s.date <= ?2 OR EXISTS (SELECT 1 FROM attendance y WHERE y.session_id = s.id)) "
                                    "ORDER BY c.name COLLATE NOCASE, c.id, s.date, s.start_time, "
                                    "  p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = row_new (table);
      const char *activity = (const char *) sqlite3_column_text (stmt, 4);
      const char *state = (const char *) sqlite3_column_text (stmt, 9);

      row_set (&row, ATT_COHORT, (const char *) sqlite3_column_text (stmt, 0));
      row_set (&row, ATT_DATE, (const char *) sqlite3_column_text (stmt, 1));
      row_set (&row, ATT_START, (const char *) sqlite3_column_text (stmt, 2));
      row_set (&row, ATT_END, (const char *) sqlite3_column_text (stmt, 3));
      row_set (&row, ATT_ACTIVITY, activity ? korak_activity_label (activity) : NULL);
      row_set (&row, ATT_KIND, korak_choice_label (korak_session_kinds (), (const char *) sqlite3_column_text (stmt, 5)));
      row_set_id (&row, ATT_NUMBER, sqlite3_column_int64 (stmt, 6));
      row_set (&row, ATT_GIVEN, (const char *) sqlite3_column_text (stmt, 7));
      row_set (&row, ATT_FAMILY, (const char *) sqlite3_column_text (stmt, 8));
      if (state != NULL)
        {
          row_set (&row, ATT_STATE, korak_choice_label (korak_attendance_states (), state));
          row_set_number (&row, ATT_HOURS, sqlite3_column_double (stmt, 10));
        }
      else
        row_set (&row, ATT_STATE, _("Not marked"));
      row_set (&row, ATT_REMARK, (const char *) sqlite3_column_text (stmt, 11));
      table_add (table, &row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&table);
}

/* --------------------------------------------------------------- outcomes */

enum {
  OUT_NUMBER,
  OUT_GIVEN,
  OUT_FAMILY,
  OUT_COHORT,
  OUT_PROGRAMME,
  OUT_START,
  OUT_END,
  OUT_STATUS,
  OUT_EXIT_REASON,
  OUT_EXIT_DATE,
  OUT_POSITIVE,
  OUT_EXIT_OUTCOME,
  OUT_FOLLOW_MONTHS,
  OUT_FOLLOW_DUE,
  OUT_FOLLOW_DONE,
  OUT_FOLLOW_STATUS,
  OUT_FOLLOW_SITUATION,
  N_OUT
};

static const char *
enrolment_status_label (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return _("In the programme");
  if (g_strcmp0 (status, "completed") == 0)
    return _("Completed");
  if (g_strcmp0 (status, "exited") == 0)
    return _("Left early");
  if (g_strcmp0 (status, "withdrawn") == 0)
    return _("Withdrawn");
  return status;
}

static KorakExportTable *
outcomes_table (KorakStore  *store,
                gint64       cohort_id,
                GError     **error)
{
  g_autoptr(KorakExportTable) table = table_new (_("Outcomes"), N_OUT);
  sqlite3_stmt *stmt;
  int rc;

  table_set_column (table, OUT_NUMBER, _("Number"), KORAK_EXPORT_COLUMN_ID);
  table_set_column (table, OUT_GIVEN, _("Given name"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, OUT_FAMILY, _("Family name"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, OUT_COHORT, _("Cohort"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, OUT_PROGRAMME, _("Programme"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, OUT_START, _("Enrolled on"), KORAK_EXPORT_COLUMN_DATE);
  table_set_column (table, OUT_END, _("Enrolment ended on"), KORAK_EXPORT_COLUMN_DATE);
  table_set_column (table, OUT_STATUS, _("Enrolment status"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, OUT_EXIT_REASON, _("Exit reason"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, OUT_EXIT_DATE, _("Exit date"), KORAK_EXPORT_COLUMN_DATE);
  table_set_column (table, OUT_POSITIVE, _("Positive exit"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, OUT_EXIT_OUTCOME, _("Exit outcome"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, OUT_FOLLOW_MONTHS, _("Follow-up after months"), KORAK_EXPORT_COLUMN_NUMBER);
  table_set_column (table, OUT_FOLLOW_DUE, _("Follow-up due"), KORAK_EXPORT_COLUMN_DATE);
  table_set_column (table, OUT_FOLLOW_DONE, _("Follow-up done"), KORAK_EXPORT_COLUMN_DATE);
  table_set_column (table, OUT_FOLLOW_STATUS, _("Employment status at follow-up"), KORAK_EXPORT_COLUMN_TEXT);
  table_set_column (table, OUT_FOLLOW_SITUATION, _("Situation at follow-up"), KORAK_EXPORT_COLUMN_TEXT);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT p.id, p.given_name, p.family_name, c.name, pr.name, e.start_date, e.end_date, "
                                    "  e.status, e.exit_reason, e.exit_date, e.exit_positive, e.exit_outcome, "
                                    "  f.months, f.due_date, f.done_date, f.employment_status, f.situation "
                                    "FROM enrolment e "
                                    "JOIN participant p ON p.id = e.participant_id "
                                    "JOIN cohort c ON c.id = e.cohort_id "
                                    "JOIN programme pr ON pr.id = c.programme_id "
                                    "LEFT JOIN follow_up f ON f.enrolment_id = e.id "
                                    "WHERE ?1 = 0 OR e.cohort_id = ?1 "
                                    "ORDER BY c.name COLLATE NOCASE, c.id, p.family_name COLLATE NOCASE, "
                                    "  p.given_name COLLATE NOCASE, p.id, e.start_date, f.due_date", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = row_new (table);
      const char *reason = (const char *) sqlite3_column_text (stmt, 8);
      const char *employment = (const char *) sqlite3_column_text (stmt, 15);

      row_set_id (&row, OUT_NUMBER, sqlite3_column_int64 (stmt, 0));
      row_set (&row, OUT_GIVEN, (const char *) sqlite3_column_text (stmt, 1));
      row_set (&row, OUT_FAMILY, (const char *) sqlite3_column_text (stmt, 2));
      row_set (&row, OUT_COHORT, (const char *) sqlite3_column_text (stmt, 3));
      row_set (&row, OUT_PROGRAMME, (const char *) sqlite3_column_text (stmt, 4));
      row_set (&row, OUT_START, (const char *) sqlite3_column_text (stmt, 5));
      row_set (&row, OUT_END, (const char *) sqlite3_column_text (stmt, 6));
      row_set (&row, OUT_STATUS, enrolment_status_label ((const char *) sqlite3_column_text (stmt, 7)));
      row_set (&row, OUT_EXIT_REASON, reason ? korak_choice_label (korak_enrolment_exit_reasons (), reason) : NULL);
      row_set (&row, OUT_EXIT_DATE, (const char *) sqlite3_column_text (stmt, 9));
      if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
        row_set (&row, OUT_POSITIVE, korak_csv_boolean_label (sqlite3_column_int (stmt, 10) == 1));
      row_set (&row, OUT_EXIT_OUTCOME, (const char *) sqlite3_column_text (stmt, 11));
      if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
        row_take (&row, OUT_FOLLOW_MONTHS, g_strdup_printf ("%d", sqlite3_column_int (stmt, 12)));
      row_set (&row, OUT_FOLLOW_DUE, (const char *) sqlite3_column_text (stmt, 13));
      row_set (&row, OUT_FOLLOW_DONE, (const char *) sqlite3_column_text (stmt, 14));
      row_set (&row, OUT_FOLLOW_STATUS, employment ? korak_choice_label (korak_employment_statuses (), employment) : NULL);
      row_set (&row, OUT_FOLLOW_SITUATION, (const char *) sqlite3_column_text (stmt, 16));
      table_add (table, &row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&table);
}

KorakExportTable *
korak_export_table_new (KorakStore       *store,
                        KorakExportKind   kind,
                        gint64            cohort_id,
                        GError          **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  switch (kind)
    {
    case KORAK_EXPORT_PARTICIPANTS:
      return participants_table (store, error);
    case KORAK_EXPORT_ATTENDANCE:
      return attendance_table (store, cohort_id, error);
    case KORAK_EXPORT_OUTCOMES:
      return outcomes_table (store, cohort_id, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* -------------------------------------------------------------------- CSV */

char *
korak_export_table_to_csv (const KorakExportTable *table,
                           gsize                  *length)
{
  GString *out;

  g_return_val_if_fail (table != NULL, NULL);

  out = g_string_new ("\xEF\xBB\xBF");

  for (guint column = 0; column < table->n_columns; column++)
    {
      g_autofree char *safe = korak_csv_neutralise (table->headers[column]);

      if (column > 0)
        g_string_append_c (out, ';');
      korak_csv_append_field (out, safe, ';');
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **values = g_ptr_array_index (table->rows, r);

      for (guint column = 0; column < table->n_columns; column++)
        {
          const char *value = values[column];
          g_autofree char *cell = NULL;

          if (column > 0)
            g_string_append_c (out, ';');
          if (value == NULL || *value == '\0')
            continue;

          switch (table->kinds[column])
            {
            case KORAK_EXPORT_COLUMN_NUMBER:
              /* Slovenian Excel reads a decimal comma with a semicolon list. */
              cell = g_strdup (value);
              if (strchr (cell, '.') != NULL)
                {
                  char *end = cell + strlen (cell) - 1;

                  while (*end == '0')
                    *end-- = '\0';
                  if (*end == '.')
                    *end = '\0';
                }
              g_strdelimit (cell, ".", ',');
              break;

            case KORAK_EXPORT_COLUMN_ID:
            case KORAK_EXPORT_COLUMN_DATE:
            case KORAK_EXPORT_COLUMN_TEXT:
            default:
              cell = korak_csv_neutralise (value);
              break;
            }
          korak_csv_append_field (out, cell, ';');
        }
      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

void
korak_export_set_write_error (const char  *path,
                              int          saved_errno,
                              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  KorakStoreError code;

  if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    code = KORAK_STORE_ERROR_READ_ONLY;
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    code = KORAK_STORE_ERROR_DISK_FULL;
  else
    code = KORAK_STORE_ERROR_CANNOT_OPEN;

  g_set_error (error, KORAK_STORE_ERROR, code,
               _("The export could not be saved as “%s”: %s. Choose a folder you can write to."),
               display, g_strerror (saved_errno));
}

gboolean
korak_export_write_file (const char  *path,
                         const char  *contents,
                         gsize        length,
                         GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  gsize written = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      korak_export_set_write_error (path, errno, error);
      return FALSE;
    }

  while (written < length)
    {
      gssize n = write (fd, contents + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed;
      written += n;
    }

  if (g_fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_rename (tmp_path, path) != 0)
    goto failed;

  return TRUE;

failed:
  {
    int saved_errno = errno;

    if (fd >= 0)
      close (fd);
    g_unlink (tmp_path);
    korak_export_set_write_error (path, saved_errno, error);
  }
  return FALSE;
}

gboolean
korak_export_csv (KorakStore       *store,
                  KorakExportKind   kind,
                  gint64            cohort_id,
                  const char       *path,
                  GError          **error)
{
  g_autoptr(KorakExportTable) table = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(table = korak_export_table_new (store, kind, cohort_id, error)))
    return FALSE;

  contents = korak_export_table_to_csv (table, &length);
  return korak_export_write_file (path, contents, length, error);
}

gboolean
korak_export_write (KorakStore         *store,
                    KorakExportKind     kind,
                    KorakExportFormat   format,
                    gint64              cohort_id,
                    const char         *path,
                    GError            **error)
{
  if (format == KORAK_EXPORT_FORMAT_XLSX)
    return korak_export_xlsx (store, kind, cohort_id, path, error);

  return korak_export_csv (store, kind, cohort_id, path, error);
}

char *
korak_export_file_name (KorakExportKind   kind,
                        KorakExportFormat format)
{
  const char *stem;

  switch (kind)
    {
    case KORAK_EXPORT_ATTENDANCE:
      /* Translators: a file name, without extension; keep it short, no slashes */
      stem = _("attendance");
      break;
    case KORAK_EXPORT_OUTCOMES:
      /* Translators: a file name, without extension; keep it short, no slashes */
      stem = _("outcomes");
      break;
    case KORAK_EXPORT_PARTICIPANTS:
    default:
      /* Translators: a file name, without extension; keep it short, no slashes */
      stem = _("participants");
      break;
    }

  return g_strconcat (stem, format == KORAK_EXPORT_FORMAT_XLSX ? ".xlsx" : ".csv", NULL);
}
