/* test-render.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "korak-profile-sheet.h"

#define PAGE_W       KORAK_PAGE_A4_WIDTH
#define PAGE_H       KORAK_PAGE_A4_HEIGHT
#define SURFACE_W    595
#define SURFACE_H    842
/* The document engine's margin: 18 mm. */
#define MARGIN       (18.0 * 72.0 / 25.4)

static KorakParticipantRecord *
make_full_record (void)
{
  KorakParticipantRecord *record = korak_participant_record_new ();

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, "Fatima");
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, "Al-Hassan");
  korak_participant_record_set (record, KORAK_FIELD_BIRTH_DATE, "1987-03-14");
  korak_participant_record_set (record, KORAK_FIELD_PHONE, "+386 41 555 123");
  korak_participant_record_set (record, KORAK_FIELD_EMAIL, "fatima.alhassan@example.org");
  korak_participant_record_set (record, KORAK_FIELD_ADDRESS, "Cankarjeva ulica 12");
  korak_participant_record_set (record, KORAK_FIELD_MUNICIPALITY, "Novo mesto");
  korak_participant_record_set (record, KORAK_FIELD_MOTHER_TONGUE, "العربية");
  korak_participant_record_set (record, KORAK_FIELD_OTHER_LANGUAGES, "English, Slovenian (A2)");
  korak_participant_record_set (record, KORAK_FIELD_NEEDS_MEDIATOR, "1");
  korak_participant_record_set (record, KORAK_FIELD_TARGET_GROUP, "migrant_women");
  korak_participant_record_set (record, KORAK_FIELD_REFERRAL_SOURCE, "csd");
  korak_participant_record_set (record, KORAK_FIELD_REFERRAL_DATE, "2026-01-12");
  korak_participant_record_set (record, KORAK_FIELD_REFERRING_WORKER, "Mojca Novak");
  korak_participant_record_set (record, KORAK_FIELD_CONSENT_DATE, "2026-01-20");
  korak_participant_record_set (record, KORAK_FIELD_CONSENT_SCOPE, "Programme records and reports to the funder");
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
  record->cohort_name = g_strdup ("Novo mesto, spring 2026");

  return record;
}

static KorakParticipantRecord *
make_long_record (void)
{
  KorakParticipantRecord *record = make_full_record ();
  GString *address = g_string_new (NULL);

  /* 10,000 characters: words, and one run with no break opportunity. */
  while (address->len < 8000)
    g_string_append (address, "Ulica in hišna številka ");
  while (address->len < 10000)
    g_string_append_c (address, 'x');
  g_string_truncate (address, 10000);
  korak_participant_record_set (record, KORAK_FIELD_ADDRESS, address->str);
  g_string_free (address, TRUE);

  return record;
}

static cairo_surface_t *
render_page (const KorakParticipantRecord *record,
             int                           page)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SURFACE_W, SURFACE_H);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  korak_profile_sheet_draw_page (cr, PAGE_W, PAGE_H, record, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint
luminance_at (cairo_surface_t *surface,
              int              x,
              int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
  guint r = (pixel >> 16) & 0xff;
  guint g = (pixel >> 8) & 0xff;
  guint b = pixel & 0xff;

  /* Opaque after the white paint, so no need to unpremultiply. */
  return (299 * r + 587 * g + 114 * b) / 1000;
}

static guint
count_dark (cairo_surface_t *surface,
            int              x0,
            int              y0,
            int              x1,
            int              y1)
{
  guint n = 0;

  x0 = CLAMP (x0, 0, SURFACE_W);
  x1 = CLAMP (x1, 0, SURFACE_W);
  y0 = CLAMP (y0, 0, SURFACE_H);
  y1 = CLAMP (y1, 0, SURFACE_H);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (luminance_at (surface, x, y) < 128)
        n++;

  return n;
}

static guint
count_dark_all (cairo_surface_t *surface)
{
  return count_dark (surface, 0, 0, SURFACE_W, SURFACE_H);
}

static void
test_margin_white (void)
{
  g_autoptr(KorakParticipantRecord) record = make_full_record ();
  cairo_surface_t *surface = render_page (record, 0);
  int m = (int) MARGIN - 2;

  g_assert_cmpuint (luminance_at (surface, 5, 5), ==, 255);
  /* Nothing at all in the top and side margins. */
  g_assert_cmpuint (count_dark (surface, 0, 0, SURFACE_W, m), ==, 0);
  g_assert_cmpuint (count_dark (surface, 0, 0, m, SURFACE_H), ==, 0);
  g_assert_cmpuint (count_dark (surface, SURFACE_W - m, 0, SURFACE_W, SURFACE_H), ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_header_ink (void)
{
  g_autoptr(KorakParticipantRecord) record = make_full_record ();
  cairo_surface_t *surface = render_page (record, 0);
  int m = (int) MARGIN;

  g_assert_cmpuint (count_dark (surface, 0, m, SURFACE_W, m + 60), >, 50);

  cairo_surface_destroy (surface);
}

static void
test_full_darker_than_empty (void)
{
  g_autoptr(KorakParticipantRecord) empty = korak_participant_record_new ();
  g_autoptr(KorakParticipantRecord) full = make_full_record ();
  cairo_surface_t *empty_surface = render_page (empty, 0);
  cairo_surface_t *full_surface = render_page (full, 0);
  guint empty_dark = count_dark_all (empty_surface);
  guint full_dark = count_dark_all (full_surface);

  g_assert_cmpint (korak_profile_sheet_count_pages (empty, PAGE_W, PAGE_H), ==, 1);
  g_assert_cmpint (korak_profile_sheet_count_pages (full, PAGE_W, PAGE_H), ==, 1);
  /* The empty record still has its labels and dashes. */
  g_assert_cmpuint (empty_dark, >, 500);
  g_assert_cmpuint (full_dark, >, empty_dark + 500);

  cairo_surface_destroy (empty_surface);
  cairo_surface_destroy (full_surface);
}

static void
test_long_value_flows (void)
{
  g_autoptr(KorakParticipantRecord) record = make_long_record ();
  int n_pages = korak_profile_sheet_count_pages (record, PAGE_W, PAGE_H);
  int m = (int) MARGIN;
  cairo_surface_t *last;
  cairo_surface_t *beyond;

  g_assert_cmpint (n_pages, >, 1);

  /* Every page has text in its body, and a page number at the bottom. */
  for (int page = 0; page < n_pages; page++)
    {
      cairo_surface_t *surface = render_page (record, page);

      g_assert_cmpuint (count_dark (surface, m, m + 40, SURFACE_W - m, SURFACE_H - m - 30), >, 100);
      g_assert_cmpuint (count_dark (surface, m, SURFACE_H - m - 14, SURFACE_W - m, SURFACE_H - m + 1), >, 5);
      /* Nothing spills into the bottom margin. */
      g_assert_cmpuint (count_dark (surface, 0, SURFACE_H - m + 2, SURFACE_W, SURFACE_H), ==, 0);
      cairo_surface_destroy (surface);
    }

  last = render_page (record, n_pages - 1);
  g_assert_cmpuint (count_dark_all (last), >, 0);
  cairo_surface_destroy (last);

  /* Past the end: nothing drawn. */
  beyond = render_page (record, n_pages);
  g_assert_cmpuint (count_dark_all (beyond), ==, 0);
  cairo_surface_destroy (beyond);
}

static int
pdfinfo_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, path, NULL };
  const char *pages;
  int status = 0;

  if (pdfinfo == NULL)
    return -1;

  argv[0] = pdfinfo;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  pages = strstr (out, "\nPages:");
  g_assert_nonnull (pages);
  return (int) g_ascii_strtoll (pages + strlen ("\nPages:"), NULL, 10);
}

static void
check_pdf (const KorakParticipantRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  int fd;
  int pages;

  fd = g_file_open_tmp ("korak-render-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);

  g_assert_true (korak_profile_sheet_write_pdf (record, path, &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);

  pages = pdfinfo_pages (path);
  if (pages >= 0)
    g_assert_cmpint (pages, ==, korak_profile_sheet_count_pages (record, PAGE_W, PAGE_H));
  else
    g_test_message ("pdfinfo not found: page count not checked");

  g_unlink (path);
}

static void
test_pdf (void)
{
  g_autoptr(KorakParticipantRecord) full = make_full_record ();
  g_autoptr(KorakParticipantRecord) longer = make_long_record ();

  check_pdf (full);
  check_pdf (longer);
}

static void
test_pdf_error (void)
{
  g_autoptr(KorakParticipantRecord) record = make_full_record ();
  g_autoptr(GError) error = NULL;

  g_assert_false (korak_profile_sheet_write_pdf (record, "/nonexistent-korak-dir/profile.pdf", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "profile.pdf"));
}

static void
test_arabic (void)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  cairo_surface_t *surface;
  int m = (int) MARGIN;
  int mid = SURFACE_W / 2;
  /* The name line sits below the one-line kicker. */
  int name_y0 = m + 18;
  int name_y1 = m + 42;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, "فاطمة");
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, "الحسن");
  korak_participant_record_set (record, KORAK_FIELD_ADDRESS, "شارع النيل ١٢، القاهرة");

  surface = render_page (record, 0);
  g_assert_cmpuint (count_dark (surface, 0, m, SURFACE_W, m + 60), >, 50);

  /* Right-to-left text lines up on the right. */
  g_assert_cmpuint (count_dark (surface, mid, name_y0, SURFACE_W - m, name_y1), >, 50);
  g_assert_cmpuint (count_dark (surface, m, name_y0, mid, name_y1), ==, 0);

  cairo_surface_destroy (surface);
}

/* The sheet is a document like any other: the same pages on its own, and
 * its blocks go into a document with a letterhead. */
static void
test_document (void)
{
  g_autoptr(KorakParticipantRecord) record = make_long_record ();
  g_autoptr(KorakDocument) document = korak_profile_sheet_new_document (record);
  g_autoptr(KorakDocument) headed = korak_document_new ("Profile", NULL);
  KorakLetterhead letterhead = { (char *) "Društvo Korak", (char *) "Glavni trg 1", NULL, NULL };
  int n_pages = korak_profile_sheet_count_pages (record, PAGE_W, PAGE_H);

  g_assert_cmpint (korak_document_layout (document, PAGE_W, PAGE_H), ==, n_pages);
  g_assert_nonnull (strstr (korak_document_get_title (document), "Fatima Al-Hassan"));

  korak_document_set_letterhead (headed, &letterhead);
  korak_profile_sheet_add_to_document (headed, record);
  g_assert_cmpint (korak_document_layout (headed, PAGE_W, PAGE_H), >=, n_pages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/profile-sheet/margin-white", test_margin_white);
  g_test_add_func ("/render/profile-sheet/header-ink", test_header_ink);
  g_test_add_func ("/render/profile-sheet/full-darker-than-empty", test_full_darker_than_empty);
  g_test_add_func ("/render/profile-sheet/long-value-flows", test_long_value_flows);
  g_test_add_func ("/render/profile-sheet/pdf", test_pdf);
  g_test_add_func ("/render/profile-sheet/pdf-error", test_pdf_error);
  g_test_add_func ("/render/profile-sheet/arabic", test_arabic);
  g_test_add_func ("/render/profile-sheet/document", test_document);

  return g_test_run ();
}
