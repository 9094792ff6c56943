/* test-document.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "korak-document.h"

/* ---------------------------------------------------------------- helpers */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("korak-document-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static char *
write_pdf (KorakDocument *document,
           const char    *dir,
           const char    *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (korak_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static char *
run_tool (const char *tool,
          const char *first,
          const char *second,
          const char *third)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  const char *argv[5] = { NULL };
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;

  argv[0] = program;
  argv[1] = first;
  argv[2] = second;
  argv[3] = third;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext != NULL && pdfinfo != NULL)
    return TRUE;

  g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
  return FALSE;
}

/* The text of each page: pdftotext ends every page with a form feed. */
static GStrv
pdf_pages (const char *path,
           guint      *n_pages)
{
  g_autofree char *text = run_tool ("pdftotext", "-layout", path, "-");
  GStrv pages;
  guint n;

  g_assert_nonnull (text);
  pages = g_strsplit (text, "\f", -1);
  n = g_strv_length (pages);
  /* After the last form feed there is nothing. */
  g_assert_cmpuint (n, >, 1);
  g_assert_cmpstr (pages[n - 1], ==, "");
  *n_pages = n - 1;

  return pages;
}

static char *
pdf_info (const char *path)
{
  char *info = run_tool ("pdfinfo", path, NULL, NULL);

  g_assert_nonnull (info);
  return info;
}

/* The value of "Key:   value" in pdfinfo's output (spacing differs
 * between poppler versions). */
static char *
info_field (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  gsize key_length = strlen (key);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], key, key_length) == 0 && lines[i][key_length] == ':')
      return g_strstrip (g_strdup (lines[i] + key_length + 1));

  g_error ("“%s” not found in:\n%s", key, info);
  return NULL;
}

static int
info_pages (const char *info)
{
  g_autofree char *pages = info_field (info, "Pages");

  return (int) g_ascii_strtoll (pages, NULL, 10);
}

/* Poppler 22 says "595.276 x 841.89 pts (A4)", older ones "595.28 x …". */
static void
assert_page_size (const char *info,
                  double      width,
                  double      height,
                  const char *name)
{
  g_autofree char *size = info_field (info, "Page size");
  g_autofree char *tail = g_strdup_printf (" pts (%s)", name);
  char *end = NULL;
  double w, h;

  w = g_ascii_strtod (size, &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  h = g_ascii_strtod (end + 3, &end);

  if (fabs (w - width) > 0.01 || fabs (h - height) > 0.01 || !g_str_equal (end, tail))
    g_error ("page size “%s”, not %.2f x %.2f pts (%s)", size, width, height, name);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static KorakTable *
make_table (guint n_rows)
{
  KorakTable *table = korak_table_new (3);

  korak_table_set_column (table, 0, "Participant", 2.0, KORAK_ALIGN_START);
  korak_table_set_column (table, 1, "Hours", 1.0, KORAK_ALIGN_END);
  korak_table_set_column (table, 2, "Remark", 3.0, KORAK_ALIGN_START);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i + 1);
      g_autofree char *hours = g_strdup_printf ("%u", 4 + i % 9);
      const char *cells[] = {
        name, hours,
        i % 7 == 0 ? "A longer remark that wraps onto a second line in the narrow remark column of the table" : "",
      };

      korak_table_add_row (table, cells);
    }

  return table;
}

/* ------------------------------------------------------------------ paper */

static void
test_paper (void)
{
  double width, height;

  g_assert_cmpint (korak_paper_from_string ("letter"), ==, KORAK_PAPER_LETTER);
  g_assert_cmpint (korak_paper_from_string ("Letter"), ==, KORAK_PAPER_LETTER);
  g_assert_cmpint (korak_paper_from_string ("a4"), ==, KORAK_PAPER_A4);
  g_assert_cmpint (korak_paper_from_string ("legal"), ==, KORAK_PAPER_A4);
  g_assert_cmpint (korak_paper_from_string (NULL), ==, KORAK_PAPER_A4);
  g_assert_cmpstr (korak_paper_to_string (KORAK_PAPER_A4), ==, "a4");
  g_assert_cmpstr (korak_paper_to_string (KORAK_PAPER_LETTER), ==, "letter");

  korak_paper_get_size (KORAK_PAPER_A4, FALSE, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.001);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.001);
  korak_paper_get_size (KORAK_PAPER_LETTER, TRUE, &width, &height);
  g_assert_cmpfloat (width, ==, 792.0);
  g_assert_cmpfloat (height, ==, 612.0);
}

/* ------------------------------------------------------------------ table */

static void
test_table_header_every_page (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Attendance", "Mentor");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0;
  int n;

  if (!have_poppler ())
    return;

  korak_document_add_heading (document, "Monthly attendance");
  korak_document_add_table (document, make_table (200));
  n = korak_document_layout (document, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT);
  g_assert_cmpint (n, >=, 3);

  path = write_pdf (document, dir, "table.pdf");
  info = pdf_info (path);
  g_assert_cmpint (info_pages (info), ==, n);
  assert_page_size (info, 595.28, 841.89, "A4");

  pages = pdf_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, ==, (guint) n);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      assert_contains (pages[i], "Participant");
      assert_contains (pages[i], "Hours");
      assert_contains (pages[i], "Remark");
      assert_contains (pages[i], number);
    }

  /* Every row is there, once. */
  for (guint r = 1; r <= 200; r++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", r);
      guint found = 0;

      for (guint i = 0; i < n_pages; i++)
        if (strstr (pages[i], name) != NULL)
          found++;
      g_assert_cmpuint (found, ==, 1);
    }

  /* The heading is on the first page only. */
  assert_contains (pages[0], "Monthly attendance");
  g_assert_null (strstr (pages[1], "Monthly attendance"));

  remove_dir (dir);
}

/* One row taller than a page splits between lines, and no text is lost. */
static void
test_table_tall_row (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Tall", NULL);
  g_autoptr(KorakTable) table = korak_table_new (2);
  g_autoptr(GString) left = g_string_new (NULL);
  g_autoptr(GString) right = g_string_new (NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_auto(GStrv) pages = NULL;
  const char *before[] = { "Before", "the tall row" };
  const char *after[] = { "After", "the tall row" };
  const char *cells[2];
  guint n_pages = 0;
  int first_page = -1;
  int last_page = -1;

  if (!have_poppler ())
    return;

  for (guint i = 1; i <= 1200; i++)
    g_string_append_printf (left, "a%04u ", i);
  for (guint i = 1; i <= 600; i++)
    g_string_append_printf (right, "b%04u ", i);

  korak_table_set_column (table, 0, "Left", 1.0, KORAK_ALIGN_START);
  korak_table_set_column (table, 1, "Right", 1.0, KORAK_ALIGN_START);
  korak_table_add_row (table, before);
  cells[0] = left->str;
  cells[1] = right->str;
  korak_table_add_row (table, cells);
  korak_table_add_row (table, after);
  korak_document_add_table (document, g_steal_pointer (&table));

  path = write_pdf (document, dir, "tall.pdf");
  pages = pdf_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, >=, 2);

  for (guint i = 0; i < n_pages; i++)
    {
      assert_contains (pages[i], "Left");
      g_string_append (all, pages[i]);
      if (first_page < 0 && strstr (pages[i], "a0001") != NULL)
        first_page = (int) i;
      if (strstr (pages[i], "a1200") != NULL)
        last_page = (int) i;
    }

  /* The row starts on the first page, below "Before", and goes on. */
  g_assert_cmpint (first_page, ==, 0);
  g_assert_cmpint (last_page, >, first_page);
  assert_contains (pages[0], "Before");
  assert_contains (pages[n_pages - 1], "After");

  for (guint i = 1; i <= 1200; i++)
    {
      char word[8];

      g_snprintf (word, sizeof word, "a%04u", i);
      assert_contains (all->str, word);
      if (i <= 600)
        {
          g_snprintf (word, sizeof word, "b%04u", i);
          assert_contains (all->str, word);
        }
    }

  remove_dir (dir);
}

static void
test_table_styles (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Styles", NULL);
  g_autoptr(KorakTable) rules = korak_table_new (2);
  g_autoptr(KorakTable) plain = korak_table_new (2);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  const char *row[] = { "Workshops", "48" };
  const char *total[] = { "Total hours", "120" };
  const char *box[] = { "Fatima", NULL };
  guint index;
  guint n_pages = 0;

  if (!have_poppler ())
    return;

  korak_table_set_grid (rules, FALSE);
  korak_table_set_text_style (rules, KORAK_TEXT_SMALL);
  korak_table_set_column (rules, 0, "Module", 3.0, KORAK_ALIGN_START);
  korak_table_set_column (rules, 1, "Hours", 1.0, KORAK_ALIGN_END);
  korak_table_add_row (rules, row);
  index = korak_table_add_row (rules, total);
  korak_table_set_row_emphasis (rules, index, TRUE);
  g_assert_cmpuint (korak_table_get_n_rows (rules), ==, 2);

  /* No header, tall rows: a sign-in sheet. */
  korak_table_set_min_row_height (plain, 40.0);
  korak_table_add_row (plain, box);
  korak_table_add_row (plain, NULL);

  korak_document_add_table (document, g_steal_pointer (&rules));
  korak_document_add_table (document, g_steal_pointer (&plain));
  korak_document_add_signatures (document, (const char *[]) { "Participant", "Mentor", NULL }, TRUE);

  path = write_pdf (document, dir, "styles.pdf");
  pages = pdf_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  assert_contains (pages[0], "Total hours");
  assert_contains (pages[0], "Fatima");
  assert_contains (pages[0], "Place and date");
  assert_contains (pages[0], "Participant");
  assert_contains (pages[0], "Mentor");

  remove_dir (dir);
}

/* ---------------------------------------------------------- paper and PDF */

static void
check_paper (KorakPaper  paper,
             gboolean    landscape,
             double      width,
             double      height,
             const char *name)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Paper", NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;

  korak_document_set_paper (document, paper, landscape);
  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, "Hello");
  path = write_pdf (document, dir, "paper.pdf");
  info = pdf_info (path);
  assert_page_size (info, width, height, name);
  g_assert_cmpint (info_pages (info), ==, 1);

  remove_dir (dir);
}

static void
test_pdf_paper (void)
{
  if (!have_poppler ())
    return;

  check_paper (KORAK_PAPER_A4, FALSE, 595.28, 841.89, "A4");
  check_paper (KORAK_PAPER_A4, TRUE, 841.89, 595.28, "A4");
  check_paper (KORAK_PAPER_LETTER, FALSE, 612, 792, "letter");
  check_paper (KORAK_PAPER_LETTER, TRUE, 792, 612, "letter");
}

static void
test_pdf_metadata (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Sign-in sheet — Novo mesto",
                                                          "Društvo Korak");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *year = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!have_poppler ())
    return;

  g_assert_cmpstr (korak_document_get_title (document), ==, "Sign-in sheet — Novo mesto");
  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, "Hello");
  path = write_pdf (document, dir, "meta.pdf");
  info = pdf_info (path);
  title = info_field (info, "Title");
  author = info_field (info, "Author");
  creator = info_field (info, "Creator");
  created = info_field (info, "CreationDate");
  year = g_date_time_format (now, "%Y");
  g_assert_cmpstr (title, ==, "Sign-in sheet — Novo mesto");
  g_assert_cmpstr (author, ==, "Društvo Korak");
  g_assert_cmpstr (creator, ==, "Korak");
  assert_contains (created, year);

  /* Only the PDF: no temporary file left beside it. */
  g_assert_cmpuint (count_files (dir), ==, 1);

  remove_dir (dir);
}

static void
test_pdf_scripts (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Scripts", NULL);
  g_autoptr(KorakTable) table = korak_table_new (2);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  const char *row[] = { "Марија Петровић", "فاطمة الزهراء" };
  guint n_pages = 0;

  if (!have_poppler ())
    return;

  korak_document_add_text (document, KORAK_TEXT_DISPLAY, KORAK_ALIGN_CENTER, "فاطمة الزهراء");
  korak_document_add_field (document, "Ime", "Čšž Ćđ — Žiga Šuštar");
  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, "Юлия Иванова");
  korak_table_add_row (table, row);
  korak_document_add_table (document, g_steal_pointer (&table));
  /* Invalid UTF-8 is made valid, not dropped. */
  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, "valid\xff" "after");

  path = write_pdf (document, dir, "scripts.pdf");
  pages = pdf_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  assert_contains (pages[0], "فاطمة");
  assert_contains (pages[0], "الزهراء");
  assert_contains (pages[0], "Čšž");
  assert_contains (pages[0], "Žiga Šuštar");
  assert_contains (pages[0], "Юлия Иванова");
  assert_contains (pages[0], "Марија Петровић");
  assert_contains (pages[0], "valid");
  assert_contains (pages[0], "after");

  remove_dir (dir);
}

static void
test_pdf_error (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Error", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", "out.pdf", NULL);
  g_autofree char *readonly = g_build_filename (dir, "readonly", NULL);
  g_autofree char *inside = g_build_filename (readonly, "out.pdf", NULL);

  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, "Hello");

  g_assert_false (korak_document_write_pdf (document, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_contains (error->message, "out.pdf");
  assert_contains (error->message, "does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Root may write anywhere: the read-only case needs a user. */
  g_assert_cmpint (g_mkdir (readonly, 0555), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (korak_document_write_pdf (document, inside, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      assert_contains (error->message, "out.pdf");
      g_assert_cmpuint (count_files (readonly), ==, 0);
      g_clear_error (&error);
    }
  else
    g_test_message ("running as root: read-only folder not checked");
  g_rmdir (readonly);

  /* A file that is in the way of the path (a folder) is not clobbered,
   * and the temporary file goes away. */
  g_assert_cmpint (g_mkdir (readonly, 0755), ==, 0);
  g_assert_false (korak_document_write_pdf (document, readonly, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_rmdir (readonly);

  remove_dir (dir);
}

/* ---------------------------------------------------------------- paging */

static void
test_sections (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Certificates", NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0;
  int n;

  if (!have_poppler ())
    return;

  /* A page break first makes no empty page. */
  korak_document_add_page_break (document);
  korak_document_set_footer_text (document, "Serial AAA-1");
  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_CENTER, "First section");
  korak_document_add_page_break (document);
  korak_document_set_footer_text (document, "Serial BBB-2");
  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_CENTER, "Second section");
  korak_document_add_table (document, make_table (90));
  korak_document_add_page_break (document);
  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_CENTER, "Third section");
  /* A trailing page break makes no empty page either. */
  korak_document_add_page_break (document);

  n = korak_document_layout (document, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT);
  g_assert_cmpint (n, >=, 4);

  path = write_pdf (document, dir, "sections.pdf");
  pages = pdf_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, ==, (guint) n);

  assert_contains (pages[0], "First section");
  assert_contains (pages[0], "Page 1 of 1");
  assert_contains (pages[0], "Serial AAA-1");

  for (guint i = 1; i < n_pages - 1; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i, n_pages - 2);

      assert_contains (pages[i], number);
      assert_contains (pages[i], "Serial BBB-2");
      g_assert_null (strstr (pages[i], "AAA-1"));
    }
  assert_contains (pages[1], "Second section");

  assert_contains (pages[n_pages - 1], "Third section");
  assert_contains (pages[n_pages - 1], "Page 1 of 1");
  g_assert_null (strstr (pages[n_pages - 1], "Serial"));

  remove_dir (dir);
}

static void
test_layout_stable (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Stable", NULL);
  int a4, letter, again;

  korak_document_add_table (document, make_table (150));
  a4 = korak_document_layout (document, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT);
  g_assert_cmpint (a4, >, 1);
  g_assert_cmpint (korak_document_layout (document, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT), ==, a4);

  /* Landscape holds fewer rows a page; back at A4 it is as it was. */
  letter = korak_document_layout (document, KORAK_PAPER_LETTER_HEIGHT, KORAK_PAPER_LETTER_WIDTH);
  g_assert_cmpint (letter, >, a4);
  again = korak_document_layout (document, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT);
  g_assert_cmpint (again, ==, a4);

  /* An empty document is one page. */
  {
    g_autoptr(KorakDocument) empty = korak_document_new (NULL, NULL);

    g_assert_cmpint (korak_document_layout (empty, 100, 100), ==, 1);
    g_assert_cmpstr (korak_document_get_title (empty), ==, "");
  }
}

/* A paragraph of a few hundred thousand bytes (Pango draws nothing of one
 * that long in one piece) is all there, in order. */
static void
test_long_paragraph (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Long", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  const char *at;
  guint n_pages = 0;

  if (!have_poppler ())
    return;

  for (guint i = 0; i < 45000; i++)
    g_string_append_printf (text, "word%05u ", i);
  g_assert_cmpuint (text->len, >, 400000);
  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, text->str);

  path = write_pdf (document, dir, "long.pdf");
  pages = pdf_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, >, 20);
  for (guint i = 0; i < n_pages; i++)
    g_string_append (all, pages[i]);

  at = all->str;
  for (guint i = 0; i < 45000; i += 997)
    {
      char word[16];

      g_snprintf (word, sizeof word, "word%05u", i);
      at = strstr (at, word);
      if (at == NULL)
        g_error ("%s is missing, or out of order", word);
    }
  assert_contains (all->str, "word44999");

  remove_dir (dir);
}

/* Absurd sizes and odd blocks still lay out, and end. */
static void
test_layout_odd (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Odd", NULL);
  g_autoptr(KorakTable) empty = korak_table_new (2);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GBytes) not_png = g_bytes_new_static ("nope", 4);
  KorakLetterhead letterhead = {
    .name = (char *) "A name long enough to wrap many times on a tiny page",
    .address = (char *) "An address",
    .funder_line = (char *) "A funder line",
    .logo = not_png,
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 120);
  cairo_t *cr = cairo_create (surface);
  int n;

  /* Not longer: Pango itself takes time over one unbreakable word broken
   * at every character of a column this narrow. */
  for (guint i = 0; i < 20; i++)
    g_string_append (long_text, "Unbreakablewordwithoutanyspaces");

  korak_document_set_letterhead (document, &letterhead);
  korak_document_set_footer_text (document, "Footer");
  korak_table_set_column (empty, 0, "Only", 1.0, KORAK_ALIGN_START);
  korak_document_add_table (document, g_steal_pointer (&empty));
  korak_document_add_table (document, make_table (30));
  korak_document_add_text (document, KORAK_TEXT_DISPLAY, KORAK_ALIGN_END, long_text->str);
  korak_document_add_field (document, "Label", long_text->str);
  korak_document_add_drawing (document, 50, 50, NULL, NULL, NULL);
  korak_document_add_signatures (document, NULL, FALSE);
  korak_document_add_signatures (document, (const char *[]) { "One", NULL }, FALSE);
  korak_document_add_space (document, 1000);
  korak_document_add_heading (document, "A heading at the very end");

  n = korak_document_layout (document, 120, 120);
  g_assert_cmpint (n, >, 1);
  for (int page = 0; page <= n; page++)
    korak_document_draw_page (document, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  n = korak_document_layout (document, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT);
  g_assert_cmpint (n, >, 1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The heading always sits on the page of the text after it: try every
 * place the heading can fall near the foot of a page, one section each. */
static void
test_heading_kept (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Keep", NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0;
  guint moved = 0;

  if (!have_poppler ())
    return;

  for (guint k = 30; k < 46; k++)
    {
      if (k > 30)
        korak_document_add_page_break (document);
      for (guint i = 0; i < k; i++)
        korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, "Filler line");
      korak_document_add_heading (document, "Kept heading");
      korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START,
                               "Following paragraph, which is long enough to wrap onto a second "
                               "line of text so that it could be split between two pages.");
    }

  path = write_pdf (document, dir, "keep.pdf");
  pages = pdf_pages (path, &n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      const char *heading = strstr (pages[i], "Kept heading");

      if (heading == NULL)
        continue;
      assert_contains (heading, "Following paragraph");
      /* Moved to a page of its own: nothing of the filler above it. */
      if (strstr (pages[i], "Filler line") == NULL)
        moved++;
    }
  g_assert_cmpuint (moved, >, 0);

  remove_dir (dir);
}

typedef struct
{
  int    page;
  int    drawn_on;
  double y;
  double height;
  guint  calls;
} DrawProbe;

static void
probe_draw (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  DrawProbe *probe = user_data;
  double x = 0, y = 0, dx = 0, dy = height;

  cairo_user_to_device (cr, &x, &y);
  cairo_user_to_device_distance (cr, &dx, &dy);
  probe->drawn_on = probe->page;
  probe->y = y;
  probe->height = dy;
  probe->calls++;

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static void
draw_all_pages (KorakDocument *document,
                DrawProbe     *probe,
                int            n_pages)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 596, 842);
  cairo_t *cr = cairo_create (surface);

  for (int page = 0; page < n_pages; page++)
    {
      probe->page = page;
      korak_document_draw_page (document, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_drawing_moves (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Chart", NULL);
  g_autoptr(KorakDocument) huge = korak_document_new ("Huge chart", NULL);
  DrawProbe probe = { 0, -1 };
  DrawProbe huge_probe = { 0, -1 };
  int n;

  for (guint i = 0; i < 30; i++)
    korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, "Filler line");
  korak_document_add_drawing (document, 300, 300, probe_draw, &probe, NULL);

  n = korak_document_layout (document, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT);
  g_assert_cmpint (n, ==, 2);
  draw_all_pages (document, &probe, n);
  g_assert_cmpuint (probe.calls, ==, 1);
  g_assert_cmpint (probe.drawn_on, ==, 1);
  /* At the top of the body of the second page. */
  g_assert_cmpfloat (probe.y, <, 100.0);
  g_assert_cmpfloat_with_epsilon (probe.height, 300.0, 0.01);

  /* Taller than a page: scaled to fit one, never cut. */
  korak_document_add_drawing (huge, 0, 5000, probe_draw, &huge_probe, NULL);
  n = korak_document_layout (huge, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT);
  g_assert_cmpint (n, ==, 1);
  draw_all_pages (huge, &huge_probe, n);
  g_assert_cmpuint (huge_probe.calls, ==, 1);
  g_assert_cmpfloat (huge_probe.y + huge_probe.height, <, KORAK_PAPER_A4_HEIGHT - 40.0);
}

/* ------------------------------------------------------------- letterhead */

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_logo (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 160, 80);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.7);
  cairo_arc (cr, 40, 40, 35, 0, 6.3);
  cairo_fill (cr);
  cairo_rectangle (cr, 90, 10, 60, 60);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png_cb, png),
                   ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static void
test_letterhead (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Letterhead", NULL);
  g_autoptr(KorakDocument) broken = korak_document_new ("Broken logo", NULL);
  g_autoptr(GBytes) logo = make_logo ();
  g_autoptr(GBytes) not_png = g_bytes_new_static ("GIF89a not a png at all", 23);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *broken_path = NULL;
  g_auto(GStrv) pages = NULL;
  KorakLetterhead letterhead = {
    .name = (char *) "Društvo za socialno aktivacijo Korak",
    .address = (char *) "Glavni trg 1, 8000 Novo mesto · info@korak.example",
    .funder_line = (char *) "The programme is co-financed by the Republic of Slovenia and the "
                            "European Union from the European Social Fund Plus, within the "
                            "programme of the European cohesion policy 2021–2027.",
    .logo = logo,
  };
  guint n_pages = 0;

  if (!have_poppler ())
    return;

  korak_document_set_letterhead (document, &letterhead);
  korak_document_set_frame (document, TRUE);
  korak_document_add_table (document, make_table (120));
  path = write_pdf (document, dir, "letterhead.pdf");
  pages = pdf_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, >, 1);
  for (guint i = 0; i < n_pages; i++)
    {
      assert_contains (pages[i], "Društvo za socialno aktivacijo Korak");
      assert_contains (pages[i], "Glavni trg 1");
      assert_contains (pages[i], "European Social Fund Plus");
    }

  /* A logo that is not a PNG is left out; the rest still prints. */
  letterhead.logo = not_png;
  korak_document_set_letterhead (broken, &letterhead);
  korak_document_set_page_numbers (broken, FALSE);
  korak_document_add_text (broken, KORAK_TEXT_BODY, KORAK_ALIGN_START, "Body");
  broken_path = write_pdf (broken, dir, "broken.pdf");
  g_clear_pointer (&pages, g_strfreev);
  pages = pdf_pages (broken_path, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  assert_contains (pages[0], "Društvo za socialno aktivacijo Korak");
  g_assert_null (strstr (pages[0], "Page 1"));

  remove_dir (dir);
}

/* --------------------------------------------------------------- timing */

static void
destroy_counter (gpointer data)
{
  (*(guint *) data)++;
}

static void
nothing_draw (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
}

static void
test_certificates_timing (void)
{
  g_autoptr(KorakDocument) document = korak_document_new ("Certificates", "Korak");
  g_autoptr(GBytes) logo = make_logo ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  KorakLetterhead letterhead = {
    .name = (char *) "Društvo za socialno aktivacijo Korak",
    .address = (char *) "Glavni trg 1, 8000 Novo mesto",
    .funder_line = (char *) "Co-financed by the European Social Fund Plus.",
    .logo = logo,
  };
  const char *captions[] = { "Mentor", "Head of organisation", NULL };
  guint destroyed = 0;
  gint64 start, laid_out, written;
  int n;

  korak_document_set_letterhead (document, &letterhead);
  korak_document_set_frame (document, TRUE);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *serial = g_strdup_printf ("Serial 2026-7F3A-%04u · verification code %08x",
                                                 i + 1, g_str_hash (&i));
      g_autofree char *name = g_strdup_printf ("Participant Šuštar %u", i + 1);

      if (i > 0)
        korak_document_add_page_break (document);
      korak_document_set_footer_text (document, serial);
      korak_document_add_space (document, 36);
      korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_CENTER, "Certificate");
      korak_document_add_text (document, KORAK_TEXT_LEAD, KORAK_ALIGN_CENTER, "This is to certify that");
      korak_document_add_text (document, KORAK_TEXT_DISPLAY, KORAK_ALIGN_CENTER, name);
      korak_document_add_text (document, KORAK_TEXT_LEAD, KORAK_ALIGN_CENTER,
                               "took part in the social activation programme");
      korak_document_add_text (document, KORAK_TEXT_HEADING, KORAK_ALIGN_CENTER, "Korak — Novo mesto, spring 2026");
      korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_CENTER, "from 2 March 2026 to 28 August 2026");
      korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_CENTER, "and attended 312 hours of workshops, work practice and individual work.");
      korak_document_add_space (document, 12);
      korak_document_add_field (document, "Modules", "Workshops; work practice at an employer; exit search");
      korak_document_add_field (document, "Skills", "Financial literacy, computer skills, Slovenian language, working in a group");
      korak_document_add_text (document, KORAK_TEXT_SMALL, KORAK_ALIGN_START, "Novo mesto, 28 August 2026");
      korak_document_add_drawing (document, 60, 10, nothing_draw, &destroyed, destroy_counter);
      korak_document_add_signatures (document, captions, FALSE);
    }

  n = korak_document_layout (document, KORAK_PAPER_A4_WIDTH, KORAK_PAPER_A4_HEIGHT);
  laid_out = g_get_monotonic_time ();
  g_assert_cmpint (n, ==, 300);

  path = write_pdf (document, dir, "certificates.pdf");
  written = g_get_monotonic_time ();

  g_test_message ("300 certificates: built and laid out in %.3f s, written to PDF in %.3f s, "
                  "%.3f s in all",
                  (laid_out - start) / 1e6, (written - laid_out) / 1e6, (written - start) / 1e6);

  if (have_poppler ())
    {
      info = pdf_info (path);
      g_assert_cmpint (info_pages (info), ==, 300);
    }

  g_clear_pointer (&document, korak_document_free);
  g_assert_cmpuint (destroyed, ==, 300);

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/paper", test_paper);
  g_test_add_func ("/document/table/header-every-page", test_table_header_every_page);
  g_test_add_func ("/document/table/tall-row", test_table_tall_row);
  g_test_add_func ("/document/table/styles", test_table_styles);
  g_test_add_func ("/document/pdf/paper", test_pdf_paper);
  g_test_add_func ("/document/pdf/metadata", test_pdf_metadata);
  g_test_add_func ("/document/pdf/scripts", test_pdf_scripts);
  g_test_add_func ("/document/pdf/error", test_pdf_error);
  g_test_add_func ("/document/sections", test_sections);
  g_test_add_func ("/document/layout-stable", test_layout_stable);
  g_test_add_func ("/document/layout-odd", test_layout_odd);
  g_test_add_func ("/document/long-paragraph", test_long_paragraph);
  g_test_add_func ("/document/heading-kept", test_heading_kept);
  g_test_add_func ("/document/drawing-moves", test_drawing_moves);
  g_test_add_func ("/document/letterhead", test_letterhead);
  g_test_add_func ("/document/certificates-timing", test_certificates_timing);

  return g_test_run ();
}
