/* korak-xlsx.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "korak-xlsx.h"

/* What Excel allows in a cell and a sheet. */
#define XLSX_MAX_CHARS 32767

typedef struct
{
  lxw_format *header;
  lxw_format *date;
  lxw_format *number;
  lxw_format *text;
} Formats;

/* A sheet name: at most 31 characters, none of [ ] : * ? / \ */
static char *
sheet_name (const char *title)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint n = 0;

  for (const char *p = title; p && *p && n < LXW_SHEETNAME_MAX; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || strchr ("[]:*?/\\", (int) c) != NULL)
        c = '-';
      g_string_append_unichar (name, c);
    }
  if (name->len == 0 || name->str[0] == '\'')
    g_string_prepend (name, "Korak ");

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static gboolean
check (lxw_error    result,
       const char  *path,
       GError     **error)
{
  g_autofree char *display = NULL;

  if (result == LXW_NO_ERROR)
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
               _("The workbook “%s” could not be written: %s."), display, lxw_strerror (result));
  return FALSE;
}

static gboolean
write_cell (lxw_worksheet                *sheet,
            const Formats                *formats,
            lxw_row_t                     row,
            lxw_col_t                     column,
            KorakExportColumnKind         kind,
            const char                   *header,
            const char                   *value,
            const char                   *path,
            GError                      **error)
{
  int y, m, d;

  if (value == NULL || *value == '\0')
    return TRUE;

  switch (kind)
    {
    case KORAK_EXPORT_COLUMN_NUMBER:
      {
        char *end = NULL;
        double number = g_ascii_strtod (value, &end);

        if (end != value && *end == '\0')
          return check (worksheet_write_number (sheet, row, column, number, formats->number), path, error);
      }
      break;

    case KORAK_EXPORT_COLUMN_DATE:
      if (strlen (value) == 10 && sscanf (value, "%4d-%2d-%2d", &y, &m, &d) == 3 && y >= 1900 &&
          g_date_valid_dmy (d, m, y))
        {
          lxw_datetime date = { y, m, d, 0, 0, 0 };

          return check (worksheet_write_datetime (sheet, row, column, &date, formats->date), path, error);
        }
      break;

    case KORAK_EXPORT_COLUMN_ID:
    case KORAK_EXPORT_COLUMN_TEXT:
    default:
      break;
    }

  if (g_utf8_strlen (value, -1) > XLSX_MAX_CHARS)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   /* Translators: a column name, a row number, then the most characters an Excel cell holds */
                   _("“%s” in row %u is longer than the %d characters an Excel cell holds. "
                     "Export as CSV instead, or shorten it in Korak."),
                   header, row + 1, XLSX_MAX_CHARS);
      return FALSE;
    }

  /* A string, whatever it starts with: "=cmd|…" stays text, never a formula. */
  return check (worksheet_write_string (sheet, row, column, value, formats->text), path, error);
}

static gboolean
fill_workbook (lxw_workbook           *workbook,
               const KorakExportTable *table,
               const char             *path,
               GError                **error)
{
  g_autofree char *name = sheet_name (table->title);
  g_autofree double *widths = g_new0 (double, MAX (table->n_columns, 1));
  lxw_worksheet *sheet;
  Formats formats;

  if (table->rows->len + 1 > LXW_ROW_MAX)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("%u rows are more than an Excel sheet holds. Export as CSV instead."), table->rows->len);
      return FALSE;
    }

  sheet = workbook_add_worksheet (workbook, name);
  if (sheet == NULL)
    return check (LXW_ERROR_MEMORY_MALLOC_FAILED, path, error);

  formats.header = workbook_add_format (workbook);
  format_set_bold (formats.header);
  formats.date = workbook_add_format (workbook);
  /* Translators: how dates show in an exported Excel sheet, in Excel's
   * number-format codes; Slovenian uses "d. m. yyyy". */
  format_set_num_format (formats.date, _("yyyy-mm-dd"));
  formats.number = NULL;   /* General: 4 and 3.5 */
  formats.text = workbook_add_format (workbook);
  format_set_text_wrap (formats.text);
  format_set_align (formats.text, LXW_ALIGN_VERTICAL_TOP);

  for (guint column = 0; column < table->n_columns; column++)
    {
      const char *header = table->headers[column];

      if (!check (worksheet_write_string (sheet, 0, column, header, formats.header), path, error))
        return FALSE;
      widths[column] = MAX (widths[column], g_utf8_strlen (header, -1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **values = g_ptr_array_index (table->rows, r);

      for (guint column = 0; column < table->n_columns; column++)
        {
          if (!write_cell (sheet, &formats, r + 1, column, table->kinds[column], table->headers[column],
                           values[column], path, error))
            return FALSE;
          if (values[column] != NULL)
            widths[column] = MAX (widths[column], MIN (g_utf8_strlen (values[column], 200), 60));
        }
    }

  for (guint column = 0; column < table->n_columns; column++)
    worksheet_set_column (sheet, column, column,
                          table->kinds[column] == KORAK_EXPORT_COLUMN_DATE ? MAX (widths[column], 11) + 2
                                                                           : widths[column] + 2,
                          NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  if (table->n_columns > 0)
    worksheet_autofilter (sheet, 0, 0, table->rows->len, table->n_columns - 1);

  return TRUE;
}

gboolean
korak_export_table_to_xlsx (const KorakExportTable  *table,
                            const char              *path,
                            GError                 **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *dir = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  gboolean filled;
  lxw_error closed;
  int fd;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Made 0600 here; libxlsxwriter's fopen() keeps the mode. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      korak_export_set_write_error (path, errno, error);
      return FALSE;
    }
  close (fd);

  /* Its own temporary files go beside the result, not to a shared /tmp. */
  dir = g_path_get_dirname (path);
  options.tmpdir = dir;
  workbook = workbook_new_opt (tmp_path, &options);
  if (workbook == NULL)
    {
      g_unlink (tmp_path);
      return check (LXW_ERROR_MEMORY_MALLOC_FAILED, path, error);
    }

  filled = fill_workbook (workbook, table, path, error);
  closed = workbook_close (workbook);
  if (!filled || !check (closed, path, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  fd = g_open (tmp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (tmp_path);
      korak_export_set_write_error (path, saved_errno, error);
      return FALSE;
    }
  close (fd);

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      korak_export_set_write_error (path, saved_errno, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
korak_export_xlsx (KorakStore       *store,
                   KorakExportKind   kind,
                   gint64            cohort_id,
                   const char       *path,
                   GError          **error)
{
  g_autoptr(KorakExportTable) table = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(table = korak_export_table_new (store, kind, cohort_id, error)))
    return FALSE;

  return korak_export_table_to_xlsx (table, path, error);
}
