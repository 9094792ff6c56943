/* test-bilingual.c — documents in two languages: the catalog reader, the
 * individual plan (Slovenian + Arabic) and the certificate (Slovenian +
 * Albanian) to PDF read back with pdftotext, which languages are offered.
 *
 * Runs with LANGUAGE=sl and KORAK_LOCALEDIR at the catalogs this build
 * compiled (tests/meson.build).
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "korak-test-util.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "korak-catalog.h"
#include "korak-demo-private.h"
#include "korak-note-links.h"
#include "korak-notes.h"
#include "korak-plan.h"
#include "korak-report-data.h"
#include "korak-reports.h"
#include "korak-scales.h"
#include "korak-assessment.h"
#include "korak-store-private.h"

static char       *demo_dir;
static KorakStore *demo;

/* ---- helpers ----------------------------------------------------------- */


static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return run (argv);
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  const char *pages = strstr (out, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static char *
write_pdf (KorakDocument *document,
           const char    *dir,
           const char    *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_nonnull (document);
  g_assert_true (korak_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  korak_test_assert_pdf_contains (text, needle);
}

static char *
tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("korak-test-bilingual-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static gint64
query_id (const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = korak_store_prepare (demo, sql, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Fails (with what is missing) unless @language's catalog is complete for
 * the document: the issue's tests need the shipped translations. */
static gboolean
require_complete (KorakReportKind  kind,
                  gint64           participant_id,
                  const char      *language)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = korak_report_bilingual_missing (demo, kind, participant_id, language, &error);
  g_autofree char *list = NULL;

  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_test_fail_printf ("There is no compiled catalog for “%s” (is it in po/LINGUAS?)", language);
      return FALSE;
    }
  g_assert_no_error (error);
  if (missing[0] == NULL)
    return TRUE;

  list = g_strjoinv ("”\n  “", missing);
  g_test_fail_printf ("The %s catalog lacks %u msgid(s) of this document:\n  “%s”",
                      language, g_strv_length (missing), list);
  return FALSE;
}

/* ---- the catalog reader ------------------------------------------------- */

static void
test_catalog_slovenian (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCatalog) sl = korak_catalog_new_for_language ("sl", &error);
  g_auto(GStrv) languages = korak_catalog_list_languages ();
  const char *one, *two, *few, *many;

  g_assert_no_error (error);
  g_assert_nonnull (sl);
  g_assert_true (g_strv_contains ((const char * const *) languages, "sl"));
  g_assert_true (g_strv_contains ((const char * const *) languages, "hr"));

  /* sl: n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3 */
  g_assert_cmpuint (korak_catalog_get_n_plurals (sl), ==, 4);
  g_assert_cmpuint (korak_catalog_get_plural_index (sl, 1), ==, 0);
  g_assert_cmpuint (korak_catalog_get_plural_index (sl, 2), ==, 1);
  g_assert_cmpuint (korak_catalog_get_plural_index (sl, 3), ==, 2);
  g_assert_cmpuint (korak_catalog_get_plural_index (sl, 4), ==, 2);
  g_assert_cmpuint (korak_catalog_get_plural_index (sl, 5), ==, 3);
  g_assert_cmpuint (korak_catalog_get_plural_index (sl, 101), ==, 0);
  g_assert_cmpuint (korak_catalog_get_plural_index (sl, 102), ==, 1);

  /* The same text as gettext gives the interface (LANGUAGE=sl). */
  g_assert_cmpstr (korak_catalog_lookup (sl, "Individual plan"), ==, _("Individual plan"));
  g_assert_cmpstr (korak_catalog_lookup (sl, "Individual plan"), !=, "Individual plan");
  g_assert_null (korak_catalog_lookup (sl, "A msgid nobody ever wrote"));
  g_assert_null (korak_catalog_lookup (sl, ""));

  one = korak_catalog_lookup_plural (sl, "%s hour attended", "%s hours attended", 1);
  two = korak_catalog_lookup_plural (sl, "%s hour attended", "%s hours attended", 2);
  few = korak_catalog_lookup_plural (sl, "%s hour attended", "%s hours attended", 3);
  many = korak_catalog_lookup_plural (sl, "%s hour attended", "%s hours attended", 7);
  g_assert_cmpstr (one, ==, g_dngettext (GETTEXT_PACKAGE, "%s hour attended", "%s hours attended", 1));
  g_assert_cmpstr (two, ==, g_dngettext (GETTEXT_PACKAGE, "%s hour attended", "%s hours attended", 2));
  g_assert_cmpstr (few, ==, g_dngettext (GETTEXT_PACKAGE, "%s hour attended", "%s hours attended", 3));
  g_assert_cmpstr (many, ==, g_dngettext (GETTEXT_PACKAGE, "%s hour attended", "%s hours attended", 7));

  /* A msgctxt entry: the one-letter marks of the attendance report. */
  g_assert_cmpstr (korak_catalog_lookup_context (sl, "attendance", "P"), ==, C_("attendance", "P"));
}

static void
test_catalog_tiny (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("KORAK_LOCALEDIR"));
  g_autoptr(KorakCatalog) catalog = NULL;
  g_auto(GStrv) languages = NULL;
  const char *content =
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n"
    "\n"
    "msgid \"Goals\"\n"
    "msgstr \"Qëllimet\"\n"
    "\n"
    "msgctxt \"attendance\"\n"
    "msgid \"P\"\n"
    "msgstr \"Π\"\n"
    "\n"
    "msgid \"%d day\"\n"
    "msgid_plural \"%d days\"\n"
    "msgstr[0] \"%d den\"\n"
    "msgstr[1] \"%d dny\"\n"
    "msgstr[2] \"%d dnej\"\n"
    "\n"
    "msgid \"Untranslated\"\n"
    "msgstr \"\"\n";
  gulong value = 99;

  if (!have_program ("msgfmt"))
    return;

  dir = tmp_dir ();
  folder = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  po = g_build_filename (dir, "xx.po", NULL);
  mo = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_set_contents (po, content, -1, &error));
  {
    const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
    g_free (run (argv));
  }

  g_setenv ("KORAK_LOCALEDIR", dir, TRUE);
  languages = korak_catalog_list_languages ();
  g_assert_cmpuint (g_strv_length (languages), ==, 1);
  g_assert_cmpstr (languages[0], ==, "xx");

  catalog = korak_catalog_new_for_language ("xx", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (korak_catalog_get_language (catalog), ==, "xx");
  g_assert_cmpstr (korak_catalog_lookup (catalog, "Goals"), ==, "Qëllimet");
  g_assert_null (korak_catalog_lookup (catalog, "Untranslated"));
  g_assert_null (korak_catalog_lookup (catalog, "P"));
  g_assert_cmpstr (korak_catalog_lookup_context (catalog, "attendance", "P"), ==, "Π");
  g_assert_cmpuint (korak_catalog_get_n_plurals (catalog), ==, 3);
  g_assert_cmpstr (korak_catalog_lookup_plural (catalog, "%d day", "%d days", 1), ==, "%d den");
  g_assert_cmpstr (korak_catalog_lookup_plural (catalog, "%d day", "%d days", 3), ==, "%d dny");
  g_assert_cmpstr (korak_catalog_lookup_plural (catalog, "%d day", "%d days", 11), ==, "%d dnej");
  g_assert_cmpstr (korak_catalog_lookup_plural (catalog, "%d day", "%d days", 22), ==, "%d dny");
  g_assert_cmpstr (korak_catalog_lookup_plural (catalog, "%d day", "%d days", 25), ==, "%d dnej");
  /* A region falls back to the language's catalog. */
  g_clear_pointer (&catalog, korak_catalog_free);
  catalog = korak_catalog_new_for_language ("xx-YY", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (korak_catalog_lookup (catalog, "Goals"), ==, "Qëllimet");

  g_clear_pointer (&catalog, korak_catalog_free);
  g_assert_null (korak_catalog_new_for_language ("zz", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  bad = g_build_filename (dir, "bad.mo", NULL);
  g_assert_true (g_file_set_contents (bad, "not a catalog at all, sorry", -1, NULL));
  g_assert_null (korak_catalog_new_from_file (bad, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  /* The evaluator by itself. */
  g_assert_true (korak_catalog_eval_plural ("n != 1", 1, &value));
  g_assert_cmpuint (value, ==, 0);
  g_assert_true (korak_catalog_eval_plural ("(n==0) ? 0 : (n==1) ? 1 : 2;", 0, &value));
  g_assert_cmpuint (value, ==, 0);
  g_assert_true (korak_catalog_eval_plural ("n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5", 104, &value));
  g_assert_cmpuint (value, ==, 3);
  g_assert_true (korak_catalog_eval_plural ("!(n>1)", 0, &value));
  g_assert_cmpuint (value, ==, 1);
  g_assert_true (korak_catalog_eval_plural ("n%0", 5, &value));
  g_assert_cmpuint (value, ==, 0);
  g_assert_false (korak_catalog_eval_plural ("n ==", 1, NULL));
  g_assert_false (korak_catalog_eval_plural ("n ? 1", 1, NULL));
  g_assert_false (korak_catalog_eval_plural ("system(n)", 1, NULL));

  if (saved != NULL)
    g_setenv ("KORAK_LOCALEDIR", saved, TRUE);
  else
    g_unsetenv ("KORAK_LOCALEDIR");
  korak_test_remove_tree (dir, FALSE);
}

/* ---- the plan, Slovenian + Arabic --------------------------------------- */

/* A goal's Arabic translation through the notes workflow, reviewed or not. */
static void
translate_goal (gint64      goal_id,
                const char *text,
                gboolean    reviewed,
                gint64      mediator_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakNoteRecord) note = NULL;
  g_autoptr(KorakTranslationRecord) translation = NULL;
  gint64 note_id = 0;

  g_assert_true (korak_store_ensure_linked_note (demo, KORAK_LINK_GOAL, goal_id, "sl", &note_id, &error));
  g_assert_no_error (error);
  note = korak_store_get_note (demo, note_id, &error);
  g_assert_no_error (error);

  for (guint i = 0; note->translations != NULL && i < note->translations->len; i++)
    {
      KorakTranslationRecord *t = g_ptr_array_index (note->translations, i);

      if (g_str_equal (t->language, "ar"))
        translation = korak_translation_record_copy (t);
    }
  if (translation == NULL)
    {
      translation = korak_translation_record_new ();
      translation->note_id = note_id;
      translation->language = g_strdup ("ar");
    }
  g_free (translation->text);
  translation->text = g_strdup (text);
  g_assert_true (korak_store_save_translation (demo, translation, &error));
  g_assert_no_error (error);

  if (!reviewed)
    return;
  if (!g_str_equal (translation->state, KORAK_TRANSLATION_NEEDS_REVIEW))
    {
      g_assert_true (korak_store_submit_translation (demo, translation->id, &error));
      g_assert_no_error (error);
    }
  g_assert_true (korak_store_review_translation (demo, translation->id, mediator_id, &error));
  g_assert_no_error (error);
}

static gint64
plan_participant (void)
{
  return query_id ("SELECT p.participant_id FROM plan p JOIN goal g ON g.plan_id = p.id "
                   "GROUP BY p.id HAVING count(*) >= 2 ORDER BY count(*) DESC, p.id LIMIT 1");
}

static void
test_plan_arabic (void)
{
  const char *reviewed_text = "أن تتعلم استخدام الحاسوب للبحث عن عمل";
  const char *draft_text = "أن تتصل بصاحب العمل بمفردها";
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakPlanRecord) plan = NULL;
  g_autoptr(KorakCatalog) ar = NULL;
  g_autofree char *dir = NULL;
  gint64 id = plan_participant ();
  gint64 mediator = query_id ("SELECT id FROM staff WHERE role = 'mediator' ORDER BY id LIMIT 1");
  const KorakGoalRecord *first, *second;

  if (!have_program ("pdftotext") || !have_program ("pdfinfo"))
    return;

  g_assert_cmpint (id, !=, 0);
  g_assert_cmpint (mediator, !=, 0);
  plan = korak_store_get_plan (demo, id, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (plan->goals, 0);
  second = g_ptr_array_index (plan->goals, 1);
  translate_goal (first->id, reviewed_text, TRUE, mediator);
  translate_goal (second->id, draft_text, FALSE, mediator);

  if (!require_complete (KORAK_REPORT_PLAN, id, "ar"))
    return;
  ar = korak_catalog_new_for_language ("ar", &error);
  g_assert_no_error (error);

  dir = tmp_dir ();
  for (int layout = KORAK_BILINGUAL_SIDE_BY_SIDE; layout <= KORAK_BILINGUAL_STACKED; layout++)
    {
      KorakBilingual bilingual = { "ar", layout };
      g_autoptr(KorakDocument) document = korak_report_plan_bilingual (demo, id, &bilingual, &error);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      path = write_pdf (document, dir, layout == KORAK_BILINGUAL_STACKED ? "plan-stacked.pdf" : "plan-side.pdf");
      text = pdf_text (path);
      g_test_message ("%s", text);

      /* Slovenian, the interface language, and Arabic fixed text. */
      g_assert_cmpstr (_("Individual plan"), !=, "Individual plan");
      assert_contains (text, _("Individual plan"));
      assert_contains (text, _("Goals"));
      assert_contains (text, korak_catalog_lookup (ar, "Individual plan"));
      assert_contains (text, korak_catalog_lookup (ar, "Goals"));
      assert_contains (text, korak_catalog_lookup (ar, "Participant"));
      /* The goals in Slovenian, the reviewed translation, the draft marked. */
      assert_contains (text, first->description);
      assert_contains (text, reviewed_text);
      assert_contains (text, draft_text);
      assert_contains (text, _("(translation not yet reviewed by a mediator)"));
      assert_contains (text, korak_catalog_lookup (ar, "(translation not yet reviewed by a mediator)"));
      g_assert_cmpint (pdf_pages (path), >=, 1);
    }
  korak_test_remove_tree (dir, FALSE);
}

/* ---- the progress report, Slovenian + Arabic ---------------------------- */

/* The scores explained in both languages, and the charts' words too. */
static void
test_progress_arabic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCatalog) ar = NULL;
  g_autoptr(KorakStarSummary) summary = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(KorakBandRecord) band = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  KorakBilingual bilingual = { "ar", KORAK_BILINGUAL_SIDE_BY_SIDE };
  const KorakAssessmentRecord *latest;
  const KorakScoreRecord *score = NULL;
  /* Someone with assessments of seeded areas and attendance. */
  gint64 id = query_id ("SELECT a.participant_id FROM assessment a "
                        "JOIN attendance t ON t.participant_id = a.participant_id "
                        "GROUP BY a.participant_id HAVING count(DISTINCT a.id) >= 2 "
                        "ORDER BY a.participant_id LIMIT 1");

  if (!have_program ("pdftotext") || !have_program ("pdfinfo"))
    return;
  g_assert_cmpint (id, !=, 0);
  if (!require_complete (KORAK_REPORT_PROGRESS, id, "ar"))
    return;
  ar = korak_catalog_new_for_language ("ar", &error);
  g_assert_no_error (error);

  summary = korak_store_star_summary (demo, id, &error);
  g_assert_no_error (error);
  latest = g_ptr_array_index (summary->assessments, summary->assessments->len - 1);
  /* A seeded band: its Arabic comes from the catalog. */
  for (guint i = 0; latest->scores != NULL && i < latest->scores->len && band == NULL; i++)
    {
      score = g_ptr_array_index (latest->scores, i);
      band = korak_store_find_band (demo, score->area_id, score->score, &error);
      g_assert_no_error (error);
      if (band != NULL && !korak_scale_band_is_seeded (band->description))
        g_clear_pointer (&band, korak_band_record_free);
    }
  g_assert_nonnull (band);
  g_assert_true (korak_scale_band_is_seeded (band->description));

  document = korak_report_progress_bilingual (demo, id, &bilingual, &error);
  g_assert_no_error (error);
  dir = tmp_dir ();
  path = write_pdf (document, dir, "progress-ar.pdf");
  text = pdf_text (path);
  g_test_message ("%s", text);

  /* A score's words in both languages. */
  assert_contains (text, _("What the latest scores mean"));
  assert_contains (text, korak_catalog_lookup (ar, "What the latest scores mean"));
  {
    /* Its first words: a long description wraps, and pdftotext sets the
     * two columns' lines side by side. */
    g_auto(GStrv) one = g_strsplit (korak_scale_band_label (band->description), " ", 4);
    g_auto(GStrv) two = g_strsplit (korak_catalog_lookup (ar, band->description), " ", 4);
    g_autofree char *start_one = NULL;
    g_autofree char *start_two = NULL;

    g_assert_cmpuint (g_strv_length (one), >=, 3);
    g_assert_cmpuint (g_strv_length (two), >=, 3);
    start_one = g_strjoin (" ", one[0], one[1], NULL);
    start_two = g_strjoin (" ", two[0], two[1], NULL);
    assert_contains (text, start_one);
    assert_contains (text, start_two);
  }
  /* The star chart's legend and the attendance chart's unit. */
  assert_contains (text, korak_catalog_lookup (ar, latest->kind[0] == 'e' ? "Exit" : latest->kind[0] == 'i' ? "Intake" :
                                                   latest->kind[0] == 'r' ? "Review" : "Follow-up"));
  assert_contains (text, korak_catalog_lookup (ar, "hours"));
  korak_test_remove_tree (dir, FALSE);
}

/* ---- the certificate, Slovenian + Albanian ------------------------------ */

static void
test_certificate_albanian (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakCertificateRecord) certificate = NULL;
  g_autoptr(KorakCatalog) sq = NULL;
  g_autofree char *dir = NULL;
  gint64 id = query_id ("SELECT participant_id FROM enrolment WHERE status = 'completed' ORDER BY id LIMIT 1");

  if (!have_program ("pdftotext") || !have_program ("pdfinfo"))
    return;

  g_assert_cmpint (id, !=, 0);
  if (!require_complete (KORAK_REPORT_CERTIFICATE, id, "sq"))
    return;

  certificate = korak_store_issue_certificate (demo, id, KORAK_CERTIFICATE_COMPLETION, NULL, &error);
  g_assert_no_error (error);
  sq = korak_catalog_new_for_language ("sq", &error);
  g_assert_no_error (error);

  dir = tmp_dir ();
  for (int layout = KORAK_BILINGUAL_SIDE_BY_SIDE; layout <= KORAK_BILINGUAL_STACKED; layout++)
    {
      KorakBilingual bilingual = { "sq", layout };
      g_autoptr(KorakDocument) document = korak_report_certificate_bilingual (demo, certificate, &bilingual, &error);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      path = write_pdf (document, dir, layout == KORAK_BILINGUAL_STACKED ? "cert-stacked.pdf" : "cert-side.pdf");
      text = pdf_text (path);
      g_test_message ("%s", text);

      /* Still one framed page. */
      g_assert_cmpint (pdf_pages (path), ==, 1);
      assert_contains (text, _("Certificate of completion"));
      assert_contains (text, korak_catalog_lookup (sq, "Certificate of completion"));
      assert_contains (text, _("This certifies that"));
      assert_contains (text, korak_catalog_lookup (sq, "This certifies that"));
      assert_contains (text, korak_catalog_lookup (sq, "Head of the organisation"));
      assert_contains (text, certificate->participant_name);
      assert_contains (text, certificate->serial);
    }
  korak_test_remove_tree (dir, FALSE);
}

/* ---- which languages are offered --------------------------------------- */

static void
test_languages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *source = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("KORAK_LOCALEDIR"));
  g_auto(GStrv) languages = NULL;
  g_auto(GStrv) missing = NULL;
  gint64 id = plan_participant ();
  KorakBilingual bilingual = { "xx", KORAK_BILINGUAL_SIDE_BY_SIDE };
  g_autoptr(KorakDocument) document = NULL;

  if (!have_program ("msgfmt") || !have_program ("msggrep"))
    return;

  /* The interface language is never offered as the second one. */
  languages = korak_report_bilingual_languages (demo, KORAK_REPORT_PLAN, id, &error);
  g_assert_no_error (error);
  g_assert_false (g_strv_contains ((const char * const *) languages, "sl"));

  /* Bosnian has no catalog of its own: the Croatian text serves. */
  g_assert_true (g_strv_contains ((const char * const *) languages, "hr"));
  g_assert_false (g_strv_contains ((const char * const *) languages, "bs"));
  g_assert_true (korak_report_check_language (demo, KORAK_REPORT_PLAN, id, "bs", &error));
  g_assert_no_error (error);
  {
    KorakBilingual bosnian = { "bs", KORAK_BILINGUAL_STACKED };
    KorakCatalog *croatian = korak_catalog_new_for_language ("hr", &error);
    g_autoptr(KorakDocument) plan = korak_report_plan_bilingual (demo, id, &bosnian, &error);
    g_autofree char *folder_bs = tmp_dir ();
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (plan);
    path = write_pdf (plan, folder_bs, "plan-bs.pdf");
    text = pdf_text (path);
    assert_contains (text, korak_catalog_lookup (croatian, "Individual plan"));
    korak_catalog_free (croatian);
    korak_test_remove_tree (folder_bs, FALSE);
  }
  g_clear_pointer (&languages, g_strfreev);

  /* xx: Croatian with the heading "Goals" left out. */
  dir = tmp_dir ();
  folder = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  po = g_build_filename (dir, "xx.po", NULL);
  mo = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  source = g_test_build_filename (G_TEST_DIST, "..", "po", "hr.po", NULL);
  {
    const char *grep[] = { "msggrep", "--invert-match", "-K", "-E", "-e", "^Goals$", "-o", po, source, NULL };
    const char *fmt[] = { "msgfmt", "-o", mo, po, NULL };

    g_free (run (grep));
    g_free (run (fmt));
  }

  g_setenv ("KORAK_LOCALEDIR", dir, TRUE);
  missing = korak_report_bilingual_missing (demo, KORAK_REPORT_PLAN, id, "xx", &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) missing, "Goals"));
  languages = korak_report_bilingual_languages (demo, KORAK_REPORT_PLAN, id, &error);
  g_assert_no_error (error);
  g_assert_false (g_strv_contains ((const char * const *) languages, "xx"));

  /* Asked for anyway: a clear error naming what can be chosen. */
  document = korak_report_plan_bilingual (demo, id, &bilingual, &error);
  g_assert_null (document);
  g_assert_error (error, KORAK_REPORT_ERROR, KORAK_REPORT_ERROR_LANGUAGE);
  g_clear_error (&error);
  bilingual.language = "tlh";
  document = korak_report_plan_bilingual (demo, id, &bilingual, &error);
  g_assert_null (document);
  g_assert_error (error, KORAK_REPORT_ERROR, KORAK_REPORT_ERROR_LANGUAGE);
  g_clear_error (&error);

  if (saved != NULL)
    g_setenv ("KORAK_LOCALEDIR", saved, TRUE);
  else
    g_unsetenv ("KORAK_LOCALEDIR");
  korak_test_remove_tree (dir, FALSE);
}

/* ---- one language: as before ------------------------------------------- */

static void
test_monolingual (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = tmp_dir ();
  gint64 id = plan_participant ();
  KorakBilingual none = { NULL, KORAK_BILINGUAL_STACKED };
  g_autoptr(KorakDocument) plain = NULL;
  g_autoptr(KorakDocument) same = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *same_path = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *same_text = NULL;

  if (!have_program ("pdftotext") || !have_program ("pdfinfo"))
    return;

  plain = korak_report_plan (demo, id, &error);
  g_assert_no_error (error);
  same = korak_report_plan_bilingual (demo, id, &none, &error);
  g_assert_no_error (error);
  plain_path = write_pdf (plain, dir, "plain.pdf");
  same_path = write_pdf (same, dir, "same.pdf");
  plain_text = pdf_text (plain_path);
  same_text = pdf_text (same_path);

  g_assert_cmpstr (plain_text, ==, same_text);
  g_assert_cmpint (pdf_pages (plain_path), ==, pdf_pages (same_path));
  /* No second language, no translations, no marks. */
  g_assert_null (strstr (plain_text, _("(translation not yet reviewed by a mediator)")));
  g_assert_null (strstr (plain_text, _("(no translation)")));
  korak_test_remove_tree (dir, FALSE);
}

/* A translation is filled in without printf: %s, %d, positions and %%
 * only; anything else, or a missing argument, is refused. */
static void
test_catalog_format (void)
{
  const char *args[] = { "Ana", "7" };
  struct { const char *format; const char *expected; } cases[] = {
    { "%s has %d", "Ana has 7" },
    { "%2$d — %1$s", "7 — Ana" },
    { "100%% %s", "100% Ana" },
    { "no arguments", "no arguments" },
    { "%x", NULL },
    { "%s %s %s", NULL },
    { "%3$s", NULL },
    { "%n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = korak_catalog_format (cases[i].format, args, 2, FALSE);

      g_assert_cmpstr (out, ==, cases[i].expected);
    }

  /* Isolated for a right-to-left sentence: FSI … PDI around each argument. */
  {
    g_autofree char *out = korak_catalog_format ("%s: %d", args, 2, TRUE);

    g_assert_cmpstr (out, ==, "\u2068Ana\u2069: \u20687\u2069");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  KorakDemoOptions options = { 250, 11, NULL };
  KorakDemoCounts counts;
  int result;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KORAK_LOCALEDIR") ? g_getenv ("KORAK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  demo_dir = tmp_dir ();
  path = g_build_filename (demo_dir, "demo.db", NULL);
  demo = korak_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (korak_demo_generate (demo, &options, &counts, &error));
  g_assert_no_error (error);

  g_test_add_func ("/bilingual/catalog/format", test_catalog_format);
  g_test_add_func ("/bilingual/catalog/slovenian", test_catalog_slovenian);
  g_test_add_func ("/bilingual/catalog/tiny", test_catalog_tiny);
  g_test_add_func ("/bilingual/languages", test_languages);
  g_test_add_func ("/bilingual/monolingual", test_monolingual);
  g_test_add_func ("/bilingual/certificate/albanian", test_certificate_albanian);
  g_test_add_func ("/bilingual/plan/arabic", test_plan_arabic);
  g_test_add_func ("/bilingual/progress/arabic", test_progress_arabic);

  result = g_test_run ();

  g_clear_object (&demo);
  korak_test_remove_tree (demo_dir, FALSE);
  g_free (demo_dir);
  return result;
}
