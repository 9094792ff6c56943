/* korak-reports.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "korak-assessment.h"
#include "korak-catalog.h"
#include "korak-chart-data.h"
#include "korak-charts.h"
#include "korak-date.h"
#include "korak-note-links.h"
#include "korak-notes.h"
#include "korak-plan.h"
#include "korak-profile-sheet.h"
#include "korak-reports.h"
#include "korak-scales.h"
#include "korak-schedule.h"

#define EN_DASH "\u2013"

/* Charts are drawn as wide as the text; the engine keeps a drawing inside
 * the content width, so a wide request means "full width". */
#define CHART_WIDTH          10000.0
#define STAR_HEIGHT          290.0
#define ATTENDANCE_HEIGHT    170.0
#define BANDS_HEIGHT         180.0

/* Walk-ins write their names in these rows of a sign-in sheet. */
#define SIGN_IN_SPARE_ROWS   5
#define SIGN_IN_ROW_HEIGHT   28.0

/* ---------------------------------------------------------------- helpers */

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : EN_DASH;
}

static char *
dup_date (const char *iso)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup (EN_DASH);
  return korak_date_format (iso);
}

/* "2. 3. 2026 – 21. 6. 2026", or just the start. */
static char *
dup_date_range (const char *start,
                const char *end)
{
  g_autofree char *from = dup_date (start);
  g_autofree char *to = NULL;

  if (end == NULL || *end == '\0')
    /* Translators: an open-ended period, "from 2. 3. 2026" */
    return g_strdup_printf (_("from %s"), from);

  to = dup_date (end);
  /* Translators: a period from one date to another */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static char *
dup_hours (double hours)
{
  if (fabs (hours - round (hours)) < 0.05)
    return g_strdup_printf ("%.0f", round (hours));
  return g_strdup_printf ("%.1f", hours);
}

static char *
dup_rate (double rate)
{
  /* Translators: an attendance rate, "87 %" */
  return g_strdup_printf (_("%.0f %%"), rate * 100.0);
}

static char *
dup_count (int count)
{
  return g_strdup_printf ("%d", count);
}

/* Whether a cohort's name should be followed by its site: not when the
 * name already says it ("Kranj, group 1"). */
static gboolean
cohort_needs_site (const char *cohort_name,
                   const char *site)
{
  if (site == NULL || *site == '\0')
    return FALSE;
  return cohort_name == NULL || strstr (cohort_name, site) == NULL;
}

static void
add_field_take (KorakDocument *document,
                const char    *label,
                char          *value)
{
  korak_document_add_field (document, label, value);
  g_free (value);
}

static void
add_field_text (KorakDocument *document,
                const char    *label,
                const char    *value)
{
  korak_document_add_field (document, label, or_dash (value));
}

static void
add_note (KorakDocument *document,
          const char    *text)
{
  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, text);
}

/* The display name of a staff member, NULL for none or unknown. */
static char *
dup_staff_name (KorakStore  *store,
                gint64       staff_id,
                GError     **error)
{
  g_autoptr(GPtrArray) staff = NULL;

  if (staff_id == 0)
    return NULL;
  if (!(staff = korak_store_list_staff (store, NULL, TRUE, error)))
    return NULL;
  for (guint i = 0; i < staff->len; i++)
    {
      const KorakStaffRecord *s = g_ptr_array_index (staff, i);

      if (s->id == staff_id)
        return korak_staff_record_display_name (s);
    }
  return NULL;
}

/* ------------------------------------------------------------- languages */

/* A document in the interface language alone, or with a second language
 * beside or below it. Every fixed text of a bilingual document goes through
 * tr() and friends, which give the interface language's text (as _() does)
 * and the second catalog's, and note each msgid the catalog lacks: a
 * document is offered in a language only when nothing was missing. */
typedef struct
{
  const char *one;   /* the interface language, or data */
  const char *two;   /* the second language; NULL: one language, or the same as @one */
} Text;

typedef struct
{
  KorakStore           *store;
  KorakDocument        *document;
  KorakCatalog         *catalog;    /* NULL: one language */
  char                 *language;
  KorakBilingualLayout  layout;
  GPtrArray            *missing;    /* msgids the catalog lacks */
  GPtrArray            *pool;       /* strings Texts point at */
} Writer;

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->catalog, korak_catalog_free);
  g_clear_pointer (&w->language, g_free);
  g_clear_pointer (&w->missing, g_ptr_array_unref);
  g_clear_pointer (&w->pool, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static void
writer_init (Writer     *w,
             KorakStore *store)
{
  memset (w, 0, sizeof *w);
  w->store = store;
  w->missing = g_ptr_array_new_with_free_func (g_free);
  w->pool = g_ptr_array_new_with_free_func (g_free);
}

static gboolean
writer_is_bilingual (const Writer *w)
{
  return w->catalog != NULL;
}

/* Keeps @text (transfer full) as long as the writer. */
static const char *
keep (Writer *w,
      char   *text)
{
  if (text != NULL)
    g_ptr_array_add (w->pool, text);
  return text;
}

static void
note_missing (Writer     *w,
              const char *msgid)
{
  if (!g_ptr_array_find_with_equal_func (w->missing, msgid, g_str_equal, NULL))
    g_ptr_array_add (w->missing, g_strdup (msgid));
}

static Text
data (const char *text)
{
  Text t = { text, NULL };

  return t;
}

static Text
second (Writer     *w,
        const char *one,
        const char *two,
        const char *msgid)
{
  Text t = { one, NULL };

  if (!writer_is_bilingual (w))
    return t;
  if (two == NULL)
    note_missing (w, msgid);
  t.two = two;
  return t;
}

static Text
tr (Writer     *w,
    const char *msgid)
{
  return second (w, _(msgid), w->catalog ? korak_catalog_lookup (w->catalog, msgid) : NULL, msgid);
}

/* xgettext knows it as a keyword (po/meson.build): msgid 2, plural 3. */
static Text
tr_plural (Writer     *w,
           const char *msgid,
           const char *plural,
           gulong      n)
{
  return second (w, g_dngettext (GETTEXT_PACKAGE, msgid, plural, n),
                 w->catalog ? korak_catalog_lookup_plural (w->catalog, msgid, plural, n) : NULL, msgid);
}

/* A choice's label (goal areas, statuses, barriers, module kinds), as
 * korak_choice_label() gives it; an unknown code is data. */
static Text
tr_choice (Writer            *w,
           const KorakChoice *choices,
           const char        *code)
{
  if (code == NULL)
    return data ("");

  for (guint i = 0; choices[i].code != NULL; i++)
    if (g_str_equal (choices[i].code, code))
      return tr (w, choices[i].label);

  return data (code);
}

/* A seeded area or activity name is an English msgid; a typed one is data. */
static Text
tr_name (Writer     *w,
         const char *name,
         const char *label)
{
  if (name == NULL || label == name)
    return data (label);
  return second (w, label, w->catalog ? korak_catalog_lookup (w->catalog, name) : NULL, name);
}

static Text
tr_area (Writer     *w,
         const char *name)
{
  return tr_name (w, name, korak_competency_area_label (name));
}

static Text
tr_activity (Writer     *w,
             const char *name)
{
  return tr_name (w, name, korak_activity_label (name));
}

/* @format with @n_args Texts: each language's format with its own args. */
static Text
format (Writer     *w,
        Text        fmt,
        guint       n_args,
        const Text *args)
{
  const char *ones[8] = { NULL };
  const char *twos[8] = { NULL };
  Text t = { NULL, NULL };

  g_assert (n_args <= G_N_ELEMENTS (ones));

  for (guint i = 0; i < n_args; i++)
    {
      ones[i] = args[i].one;
      twos[i] = args[i].two != NULL ? args[i].two : args[i].one;
    }

  t.one = keep (w, korak_catalog_format (fmt.one, ones, n_args, FALSE));
  if (t.one == NULL)
    t.one = fmt.one;
  if (fmt.two != NULL &&
      !(t.two = keep (w, korak_catalog_format (fmt.two, twos, n_args, korak_language_is_rtl (w->language)))))
    note_missing (w, fmt.one);
  return t;
}

static Text
format1 (Writer *w, Text fmt, Text a)
{
  Text args[1] = { a };

  return format (w, fmt, 1, args);
}

static Text
format2 (Writer *w, Text fmt, Text a, Text b)
{
  Text args[2] = { a, b };

  return format (w, fmt, 2, args);
}

/* A date in each language's form (korak_date_format()'s msgid). */
static Text
tr_date (Writer     *w,
         const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  Text pattern;
  Text t;
  int y, m, d;

  t = data (keep (w, dup_date (iso)));
  if (!writer_is_bilingual (w) || !korak_date_is_iso (iso) || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return t;

  pattern = tr (w, "%Y-%m-%d");
  if (pattern.two == NULL)
    return t;
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  t.two = keep (w, g_date_time_format (dt, pattern.two));
  return t;
}

/* Both languages in one string, the second on its own line (and so in its
 * own direction); one line when they are the same. */
static const char *
joined (Writer *w,
        Text    t)
{
  if (t.two == NULL || g_strcmp0 (t.one, t.two) == 0)
    return t.one;
  return keep (w, g_strdup_printf ("%s\n%s", t.one, t.two));
}

static gboolean
has_two (Text t)
{
  return t.two != NULL && g_strcmp0 (t.one, t.two) != 0;
}

static void
w_text (Writer         *w,
        KorakTextStyle  style,
        KorakAlign      align,
        Text            t)
{
  if (has_two (t) && w->layout == KORAK_BILINGUAL_SIDE_BY_SIDE)
    korak_document_add_pair (w->document, style, align, t.one, t.two);
  else
    korak_document_add_text (w->document, style, align, joined (w, t));
}

static void
w_heading (Writer *w,
           Text    t)
{
  w_text (w, KORAK_TEXT_HEADING, KORAK_ALIGN_START, t);
}

static void
w_note (Writer *w,
        Text    t)
{
  w_text (w, KORAK_TEXT_BODY, KORAK_ALIGN_START, t);
}

static void
w_field (Writer *w,
         Text    label,
         Text    value)
{
  if (has_two (label) && w->layout == KORAK_BILINGUAL_SIDE_BY_SIDE)
    korak_document_add_field_pair (w->document, label.one, joined (w, value), label.two);
  else
    korak_document_add_field (w->document, joined (w, label), joined (w, value));
}

static void
w_column (Writer      *w,
          KorakTable  *table,
          guint        column,
          Text         header,
          double       weight,
          KorakAlign   align)
{
  korak_table_set_column (table, column, joined (w, header), weight, align);
}

/* A goal's or a small win's own words, and under them their translation
 * into the second language from the notes workflow, marked when a mediator
 * has not reviewed it (or it translates an earlier wording). */
static const char *
participant_text (Writer        *w,
                  KorakLinkKind  kind,
                  gint64         row_id,
                  const char    *original)
{
  g_autoptr(KorakLinkedTranslation) translation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;

  if (!writer_is_bilingual (w))
    return original;

  text = g_string_new (original);
  if (row_id != 0)
    translation = korak_store_get_linked_translation (w->store, kind, row_id, w->language, &error);
  if (error != NULL)
    g_warning ("Could not read a translation: %s", error->message);

  if (translation == NULL || translation->text == NULL || *translation->text == '\0')
    {
      g_string_append_printf (text, "\n%s", joined (w, tr (w, N_("(no translation)"))));
      return keep (w, g_string_free (g_steal_pointer (&text), FALSE));
    }

  g_string_append_printf (text, "\n%s", translation->text);
  if (translation->outdated)
    g_string_append_printf (text, "\n%s",
                            joined (w, tr (w, N_("(translation of an earlier wording, not yet reviewed by a mediator)"))));
  else if (!translation->reviewed)
    g_string_append_printf (text, "\n%s", joined (w, tr (w, N_("(translation not yet reviewed by a mediator)"))));
  return keep (w, g_string_free (g_steal_pointer (&text), FALSE));
}

/* Opens the second language's catalog for @bilingual (NULL, or no
 * language: one language). */
static gboolean
writer_set_language (Writer               *w,
                     const KorakBilingual *bilingual,
                     GError              **error)
{
  if (bilingual == NULL || bilingual->language == NULL || *bilingual->language == '\0')
    return TRUE;

  if (!(w->catalog = korak_catalog_new_for_language (bilingual->language, error)))
    return FALSE;
  w->language = g_strdup (bilingual->language);
  w->layout = bilingual->layout;
  return TRUE;
}

/* The engine's own text (signatures, page numbers) in the second language. */
static void
writer_begin (Writer        *w,
              KorakDocument *document,
              gboolean       place_date,
              gboolean       page_numbers)
{
  w->document = document;
  if (!writer_is_bilingual (w))
    return;

  korak_document_set_second_language (document,
                                      place_date ? tr (w, "Place and date").two : NULL,
                                      page_numbers ? tr (w, "Page %d of %d").two : NULL);
}

/* ------------------------------------------------------------ enrolment */

/* Who a participant's document is about: the record, the latest enrolment,
 * its cohort and the cohort's mentor. */
typedef struct
{
  KorakParticipantRecord *participant;
  KorakEnrolmentRecord   *enrolment;   /* NULL: never enrolled */
  KorakCohortDetail      *cohort;      /* NULL: never enrolled */
  char                   *mentor_name;
  char                   *name;
} Person;

static void
person_clear (Person *person)
{
  g_clear_pointer (&person->participant, korak_participant_record_free);
  g_clear_pointer (&person->enrolment, korak_enrolment_record_free);
  g_clear_pointer (&person->cohort, korak_cohort_detail_free);
  g_clear_pointer (&person->mentor_name, g_free);
  g_clear_pointer (&person->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Person, person_clear)

static gboolean
person_load (Person      *person,
             KorakStore  *store,
             gint64       participant_id,
             GError     **error)
{
  GError *local_error = NULL;

  if (!(person->participant = korak_store_get_participant (store, participant_id, error)))
    return FALSE;
  person->name = korak_profile_sheet_dup_name (person->participant);

  person->enrolment = korak_store_get_latest_enrolment (store, participant_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (person->enrolment == NULL)
    return TRUE;

  if (!(person->cohort = korak_store_get_cohort (store, person->enrolment->cohort_id, error)))
    return FALSE;
  person->mentor_name = dup_staff_name (store, person->cohort->mentor_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------- document */

static void
apply_organisation (KorakDocument                 *document,
                    const KorakOrganisationRecord *organisation)
{
  KorakLetterhead letterhead = {
    organisation->name,
    organisation->address,
    organisation->funder_line,
    organisation->logo,
  };
  double width, height;

  /* Keep the orientation the document was given. */
  korak_document_get_paper_size (document, &width, &height);
  korak_document_set_letterhead (document, &letterhead);
  korak_document_set_paper (document, korak_paper_from_string (organisation->paper), width > height);
}

/**
 * korak_report_apply_organisation:
 * @document: a document
 * @store: the store
 * @error: return location for a #GError
 *
 * Sets the organisation's letterhead and paper on @document, keeping its
 * orientation.
 */
gboolean
korak_report_apply_organisation (KorakDocument  *document,
                                 KorakStore     *store,
                                 GError        **error)
{
  g_autoptr(KorakOrganisationRecord) organisation = NULL;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(organisation = korak_store_get_organisation (store, error)))
    return FALSE;

  apply_organisation (document, organisation);
  return TRUE;
}

/* A document titled @title, by the organisation, on its paper. */
static KorakDocument *
new_document (KorakStore  *store,
              const char  *title,
              gboolean     landscape,
              GError     **error)
{
  g_autoptr(KorakOrganisationRecord) organisation = NULL;
  KorakDocument *document;

  if (!(organisation = korak_store_get_organisation (store, error)))
    return NULL;

  document = korak_document_new (title, organisation->name);
  if (landscape)
    korak_document_set_paper (document, KORAK_PAPER_A4, TRUE);
  apply_organisation (document, organisation);
  return document;
}

/* ------------------------------------------------------------- charts */

static void
get_paper_style (KorakChartStyle *style)
{
  style->dark = FALSE;
  style->scale = 1.0;
}

static void
draw_star (cairo_t  *cr,
           double    width,
           double    height,
           gpointer  user_data)
{
  KorakChartStyle style;

  get_paper_style (&style);
  korak_star_chart_draw (cr, width, height, &style, user_data);
}

static void
free_star (gpointer data)
{
  korak_star_data_clear (data);
  g_free (data);
}

static void
draw_attendance (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  KorakChartStyle style;

  get_paper_style (&style);
  korak_attendance_chart_draw (cr, width, height, &style, user_data);
}

static void
free_attendance (gpointer data)
{
  korak_attendance_data_clear (data);
  g_free (data);
}

static void
draw_bars (cairo_t  *cr,
           double    width,
           double    height,
           gpointer  user_data)
{
  KorakChartStyle style;

  get_paper_style (&style);
  korak_bar_chart_draw (cr, width, height, &style, user_data);
}

static void
free_bars (gpointer data)
{
  korak_bar_data_clear (data);
  g_free (data);
}

/* ---------------------------------------------------------- certificates */

/* Space on a certificate; a bilingual one has more lines in the same frame. */
static void
w_space (Writer *w,
         double  points)
{
  double scale = !writer_is_bilingual (w) ? 1.0 : w->layout == KORAK_BILINGUAL_STACKED ? 0.3 : 0.45;

  korak_document_add_space (w->document, floor (points * scale));
}

static void
add_certificate_blocks (Writer                       *w,
                        const KorakCertificateRecord *certificate)
{
  KorakDocument *document = w->document;
  gboolean completion = g_strcmp0 (certificate->kind, KORAK_CERTIFICATE_COMPLETION) == 0;
  Text footer, programme, hours_text, issued_text, mentor;
  Text start = tr_date (w, certificate->start_date);
  Text end = tr_date (w, certificate->end_date);
  Text issued = tr_date (w, certificate->issued_date);
  g_autofree char *hours = dup_hours (certificate->hours);
  const char *captions[3];
  gulong whole_hours = (gulong) MAX (round (certificate->hours), 0);
  gboolean has_site = cohort_needs_site (certificate->cohort_name, certificate->site);
  /* Twice the sentences one above the other must still fit the frame. */
  KorakTextStyle lead = writer_is_bilingual (w) && w->layout == KORAK_BILINGUAL_STACKED ? KORAK_TEXT_BODY : KORAK_TEXT_LEAD;
  Text args[5];

  /* Translators: the footer of a certificate; the first %s is its serial
   * number, the second the code that verifies it. */
  footer = format2 (w, tr (w, N_("Serial %s · Verification code %s")),
                    data (certificate->serial), data (certificate->verification));
  if (has_two (footer))
    korak_document_set_footer_text (document, keep (w, g_strdup_printf ("%s · %s", footer.one, footer.two)));
  else
    korak_document_set_footer_text (document, footer.one);

  w_space (w, 40.0);
  w_text (w, KORAK_TEXT_TITLE, KORAK_ALIGN_CENTER,
          completion ? tr (w, N_("Certificate of completion")) : tr (w, N_("Certificate of participation")));
  w_space (w, 22.0);
  w_text (w, lead, KORAK_ALIGN_CENTER, tr (w, N_("This certifies that")));
  w_space (w, 10.0);
  korak_document_add_text (document, KORAK_TEXT_DISPLAY, KORAK_ALIGN_CENTER, or_dash (certificate->participant_name));
  if (certificate->birth_date != NULL && *certificate->birth_date != '\0')
    /* Translators: under the name on a certificate, "born on 2. 3. 1985" */
    w_text (w, KORAK_TEXT_BODY, KORAK_ALIGN_CENTER,
            format1 (w, tr (w, N_("born on %s")), tr_date (w, certificate->birth_date)));
  w_space (w, 14.0);

  args[0] = data (certificate->programme_name);
  args[1] = data (certificate->cohort_name);
  if (completion && has_site)
    {
      args[2] = data (certificate->site);
      args[3] = start;
      args[4] = end;
      /* Translators: on a certificate of completion: programme, cohort, site, start and end date. */
      programme = format (w, tr (w, N_("completed the programme “%s” (cohort %s, %s) from %s to %s.")), 5, args);
    }
  else if (completion)
    {
      args[2] = start;
      args[3] = end;
      /* Translators: on a certificate of completion: programme, cohort, start and end date. */
      programme = format (w, tr (w, N_("completed the programme “%s” (cohort %s) from %s to %s.")), 4, args);
    }
  else if (has_site)
    {
      args[2] = data (certificate->site);
      args[3] = start;
      args[4] = end;
      /* Translators: on a certificate of participation: programme, cohort, site, start and end date. */
      programme = format (w, tr (w, N_("took part in the programme “%s” (cohort %s, %s) from %s to %s.")), 5, args);
    }
  else
    {
      args[2] = start;
      args[3] = end;
      /* Translators: on a certificate of participation: programme, cohort, start and end date. */
      programme = format (w, tr (w, N_("took part in the programme “%s” (cohort %s) from %s to %s.")), 4, args);
    }
  w_text (w, lead, KORAK_ALIGN_CENTER, programme);
  w_space (w, 8.0);

  /* Translators: on a certificate, %s is a number of hours, "412 hours attended" */
  hours_text = format1 (w, tr_plural (w, "%s hour attended", "%s hours attended", whole_hours), data (hours));
  w_text (w, lead, KORAK_ALIGN_CENTER, hours_text);

  if (certificate->modules != NULL && certificate->modules->len > 0)
    {
      w_space (w, 16.0);
      w_text (w, KORAK_TEXT_LABEL, KORAK_ALIGN_CENTER, tr (w, N_("Modules completed")));
      for (guint i = 0; i < certificate->modules->len; i++)
        {
          const KorakCertificateModule *m = g_ptr_array_index (certificate->modules, i);
          g_autofree char *range = dup_date_range (m->start_date, m->end_date);
          Text kind = tr_choice (w, korak_module_kinds (), m->kind);
          /* Translators: a module on a certificate, "Workshops, 5. 1. 2026 – 29. 3. 2026" */
          Text line = format2 (w, tr (w, N_("%s, %s")), kind, data (range));

          /* One above the other, the dates once: "Delavnice / Punëtori, 5. 1. …" */
          if (has_two (kind) && w->layout == KORAK_BILINGUAL_STACKED)
            line = data (keep (w, g_strdup_printf ("%s / %s, %s", kind.one, kind.two, range)));
          w_text (w, KORAK_TEXT_BODY, KORAK_ALIGN_CENTER, line);
        }
    }

  if (certificate->competencies != NULL && certificate->competencies[0] != NULL)
    {
      g_autoptr(GString) areas = g_string_new (NULL);
      g_autoptr(GString) areas2 = g_string_new (NULL);
      /* Translators: between the items of a list on one line */
      Text comma = tr (w, N_(", "));
      Text list;

      for (guint i = 0; certificate->competencies[i] != NULL; i++)
        {
          Text area = tr_area (w, certificate->competencies[i]);

          if (i > 0)
            {
              g_string_append (areas, comma.one);
              g_string_append (areas2, comma.two != NULL ? comma.two : comma.one);
            }
          g_string_append (areas, area.one);
          g_string_append (areas2, area.two != NULL ? area.two : area.one);
        }
      list.one = keep (w, g_strdup (areas->str));
      list.two = writer_is_bilingual (w) ? keep (w, g_strdup (areas2->str)) : NULL;
      w_space (w, 12.0);
      w_text (w, KORAK_TEXT_LABEL, KORAK_ALIGN_CENTER, tr (w, N_("Competencies worked on")));
      w_text (w, KORAK_TEXT_BODY, KORAK_ALIGN_CENTER, list);
    }

  w_space (w, 28.0);
  if (certificate->site != NULL && *certificate->site != '\0')
    /* Translators: the place and date a certificate was issued */
    issued_text = format2 (w, tr (w, N_("Issued in %s on %s")), data (certificate->site), issued);
  else
    /* Translators: the date a certificate was issued */
    issued_text = format1 (w, tr (w, N_("Issued on %s")), issued);
  w_text (w, KORAK_TEXT_BODY, KORAK_ALIGN_CENTER, issued_text);
  w_space (w, 36.0);

  if (certificate->mentor_name != NULL && *certificate->mentor_name != '\0')
    /* Translators: under a signature line on a certificate, "Maja Novak, mentor" */
    mentor = format1 (w, tr (w, N_("%s, mentor")), data (certificate->mentor_name));
  else
    mentor = tr (w, N_("Mentor"));
  captions[0] = joined (w, mentor);
  captions[1] = joined (w, tr (w, N_("Head of the organisation")));
  captions[2] = NULL;
  korak_document_add_signatures (document, captions, FALSE);
}

static void
setup_certificates (KorakDocument *document)
{
  korak_document_set_frame (document, TRUE);
  korak_document_set_page_numbers (document, FALSE);
}

static KorakDocument *
build_certificate (Writer                        *w,
                   const KorakCertificateRecord  *certificate,
                   GError                       **error)
{
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *title = NULL;

  /* Translators: the title of a certificate's PDF, %s is the participant */
  title = g_strdup_printf (_("Certificate — %s"), or_dash (certificate->participant_name));
  if (!(document = new_document (w->store, title, FALSE, error)))
    return NULL;

  setup_certificates (document);
  writer_begin (w, document, FALSE, FALSE);
  add_certificate_blocks (w, certificate);
  return g_steal_pointer (&document);
}

/**
 * korak_report_certificate:
 * @store: the store
 * @certificate: a register entry
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the certificate as one framed page, made only
 *   from @certificate, so printing it again gives the same page.
 */
KorakDocument *
korak_report_certificate (KorakStore                    *store,
                          const KorakCertificateRecord  *certificate,
                          GError                       **error)
{
  return korak_report_certificate_bilingual (store, certificate, NULL, error);
}

/**
 * korak_report_certificates:
 * @store: the store
 * @certificates: (element-type KorakCertificateRecord): register entries
 * @title: the document's title, or %NULL
 * @error: return location for a #GError
 *
 * Returns: (transfer full): one certificate per page, each page its own
 *   section with its serial in the footer.
 */
KorakDocument *
korak_report_certificates (KorakStore  *store,
                           GPtrArray   *certificates,
                           const char  *title,
                           GError     **error)
{
  g_auto(Writer) w;
  g_autoptr(KorakDocument) document = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (certificates != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  writer_init (&w, store);
  if (!(document = new_document (store, title ? title : _("Certificates"), FALSE, error)))
    return NULL;

  setup_certificates (document);
  writer_begin (&w, document, FALSE, FALSE);
  if (certificates->len == 0)
    add_note (document, _("No certificates to print."));

  for (guint i = 0; i < certificates->len; i++)
    {
      if (i > 0)
        korak_document_add_page_break (document);
      add_certificate_blocks (&w, g_ptr_array_index (certificates, i));
    }

  return g_steal_pointer (&document);
}

/* --------------------------------------------------------- sign-in sheet */

/**
 * korak_report_sign_in_sheet:
 * @store: the store
 * @cohort_id: the cohort
 * @date: the day, ISO
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the sign-in sheet of the cohort's day.
 */
KorakDocument *
korak_report_sign_in_sheet (KorakStore  *store,
                            gint64       cohort_id,
                            const char  *date,
                            GError     **error)
{
  g_autoptr(KorakSignInSheet) sheet = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(KorakTable) people = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  const char *captions[] = { _("Session leader"), NULL };
  guint number = 0;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(sheet = korak_store_get_sign_in_sheet (store, cohort_id, date, error)))
    return NULL;

  day = dup_date (sheet->date);
  /* Translators: the title of a sign-in sheet's PDF: cohort and date */
  title = g_strdup_printf (_("Sign-in sheet — %s, %s"), or_dash (sheet->cohort_name), day);
  if (!(document = new_document (store, title, FALSE, error)))
    return NULL;

  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_START, _("Sign-in sheet"));
  korak_document_add_space (document, 6.0);
  add_field_text (document, _("Cohort"), sheet->cohort_name);
  add_field_text (document, _("Programme"), sheet->programme_name);
  if (sheet->site != NULL && *sheet->site != '\0')
    add_field_text (document, _("Site"), sheet->site);
  korak_document_add_field (document, _("Date"), day);
  add_field_text (document, _("Mentor"), sheet->mentor_name);
  korak_document_add_field (document, _("Intercultural mediator"),
                            sheet->mediator_name && *sheet->mediator_name ? sheet->mediator_name : _("None"));

  korak_document_add_heading (document, _("Sessions"));
  if (sheet->sessions->len == 0)
    add_note (document, _("No group sessions are scheduled on this day."));
  else
    {
      g_autoptr(KorakTable) sessions = korak_table_new (4);

      korak_table_set_column (sessions, 0, _("Time"), 1.4, KORAK_ALIGN_START);
      korak_table_set_column (sessions, 1, _("Activity"), 3.2, KORAK_ALIGN_START);
      korak_table_set_column (sessions, 2, _("Place"), 2.2, KORAK_ALIGN_START);
      korak_table_set_column (sessions, 3, _("Leader"), 2.2, KORAK_ALIGN_START);
      for (guint i = 0; i < sheet->sessions->len; i++)
        {
          const KorakSignInSession *s = g_ptr_array_index (sheet->sessions, i);
          /* Translators: a session's time, "9:00–13:00" */
          g_autofree char *time = g_strdup_printf (_("%s–%s"), or_dash (s->start_time), or_dash (s->end_time));
          const char *what = s->activity && *s->activity ? korak_activity_label (s->activity)
                                                         : korak_choice_label (korak_session_kinds (), s->kind);
          g_autofree char *activity = NULL;
          const char *cells[4];

          if (s->cancelled)
            /* Translators: a session on a sign-in sheet that will not take place */
            activity = g_strdup_printf (_("%s (cancelled)"), what);
          else if (s->mediator_present)
            /* Translators: a session on a sign-in sheet with the mediator there */
            activity = g_strdup_printf (_("%s (with the mediator)"), what);
          else
            activity = g_strdup (what);

          cells[0] = time;
          cells[1] = activity;
          cells[2] = or_dash (s->place);
          cells[3] = or_dash (s->leader_name);
          korak_table_add_row (sessions, cells);
        }
      korak_document_add_table (document, g_steal_pointer (&sessions));
    }

  korak_document_add_heading (document, _("Participants"));
  people = korak_table_new (4);
  korak_table_set_column (people, 0, _("No."), 0.55, KORAK_ALIGN_END);
  korak_table_set_column (people, 1, C_("person", "Name"), 4.0, KORAK_ALIGN_START);
  korak_table_set_column (people, 2, _("Arrival time"), 1.4, KORAK_ALIGN_START);
  korak_table_set_column (people, 3, _("Signature"), 3.6, KORAK_ALIGN_START);
  korak_table_set_min_row_height (people, SIGN_IN_ROW_HEIGHT);
  korak_table_set_grid (people, TRUE);
  for (guint i = 0; i < sheet->people->len; i++)
    {
      const KorakSignInPerson *p = g_ptr_array_index (sheet->people, i);
      g_autofree char *no = g_strdup_printf ("%u.", ++number);
      const char *cells[4] = { no, or_dash (p->name), NULL, NULL };

      korak_table_add_row (people, cells);
    }
  for (guint i = 0; i < SIGN_IN_SPARE_ROWS; i++)
    {
      g_autofree char *no = g_strdup_printf ("%u.", ++number);
      const char *cells[4] = { no, NULL, NULL, NULL };

      korak_table_add_row (people, cells);
    }
  korak_document_add_table (document, g_steal_pointer (&people));

  korak_document_add_space (document, 18.0);
  korak_document_add_signatures (document, captions, FALSE);

  return g_steal_pointer (&document);
}

/* ------------------------------------------------------------------ plan */

static Text
enrolment_status_text (Writer     *w,
                       const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return tr (w, N_("In the programme"));
  if (g_strcmp0 (status, "completed") == 0)
    return tr (w, N_("Completed"));
  if (g_strcmp0 (status, "exited") == 0)
    return tr (w, N_("Left early"));
  if (g_strcmp0 (status, "withdrawn") == 0)
    return tr (w, N_("Withdrawn"));
  return data (or_dash (status));
}

static void
add_participant_field (Writer                       *w,
                       const KorakParticipantRecord *record,
                       KorakParticipantField         field)
{
  const KorakFieldInfo *info = korak_participant_field_info (field);
  const char *value = record->values[field];
  Text text;

  if (value != NULL && *value != '\0' && info->kind == KORAK_FIELD_KIND_CHOICE)
    text = tr_choice (w, info->choices, value);
  else if (value != NULL && *value != '\0' && info->kind == KORAK_FIELD_KIND_BOOLEAN)
    text = tr (w, g_str_equal (value, "0") ? N_("No") : N_("Yes"));
  else
    text = data (keep (w, korak_profile_sheet_dup_field_text (record, field)));

  w_field (w, tr (w, info->label), text);
}

/* Programme, cohort (with its site), mentor. */
static void
add_programme_fields (Writer       *w,
                      const Person *person)
{
  if (person->cohort == NULL)
    {
      w_field (w, tr (w, N_("Programme")), tr (w, N_("Not enrolled")));
      return;
    }

  w_field (w, tr (w, N_("Programme")), data (or_dash (person->cohort->programme_name)));
  if (cohort_needs_site (person->cohort->name, person->cohort->site))
    /* Translators: a cohort and its site, "Kranj, group 1 (Kranj)" */
    w_field (w, tr (w, N_("Cohort")), data (keep (w, g_strdup_printf (_("%s (%s)"), person->cohort->name, person->cohort->site))));
  else
    w_field (w, tr (w, N_("Cohort")), data (or_dash (person->cohort->name)));
  w_field (w, tr (w, N_("Mentor")), data (or_dash (person->mentor_name)));
}

static char *
dup_goal_text (Writer                *w,
               const KorakGoalRecord *goal,
               gboolean               with_steps)
{
  g_autoptr(GString) text = g_string_new (participant_text (w, KORAK_LINK_GOAL, goal->id, goal->description));

  if (!with_steps || goal->steps == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  for (guint i = 0; i < goal->steps->len; i++)
    {
      const KorakGoalStepRecord *step = g_ptr_array_index (goal->steps, i);

      /* A tick for a step done, a circle for one still to do. */
      g_string_append (text, step->done ? "\n✓ " : "\n○ ");
      g_string_append (text, step->description);
      if (step->due_date != NULL && *step->due_date != '\0')
        {
          g_autofree char *due = dup_date (step->due_date);

          /* Translators: after a goal's step, its due date: " (by 3. 4. 2026)" */
          g_string_append (text, format1 (w, tr (w, N_(" (by %s)")), data (due)).one);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_goals_table (Writer                *w,
                 const KorakPlanRecord *plan,
                 gboolean               with_steps)
{
  g_autoptr(KorakTable) table = NULL;

  if (plan->goals == NULL || plan->goals->len == 0)
    {
      w_note (w, tr (w, N_("No goals have been set yet.")));
      return;
    }

  table = korak_table_new (4);
  w_column (w, table, 0, tr (w, N_("Area")), 1.5, KORAK_ALIGN_START);
  w_column (w, table, 1, with_steps ? tr (w, N_("Goal and steps")) : tr (w, N_("Goal")), 5.0, KORAK_ALIGN_START);
  w_column (w, table, 2, tr (w, N_("Target date")), 1.5, KORAK_ALIGN_START);
  w_column (w, table, 3, tr (w, N_("Status")), 1.4, KORAK_ALIGN_START);
  for (guint i = 0; i < plan->goals->len; i++)
    {
      const KorakGoalRecord *goal = g_ptr_array_index (plan->goals, i);
      g_autofree char *text = dup_goal_text (w, goal, with_steps);
      g_autofree char *target = dup_date (goal->target_date);
      const char *cells[4] = {
        joined (w, tr_choice (w, korak_goal_areas (), goal->area)),
        text,
        target,
        joined (w, tr_choice (w, korak_goal_statuses (), goal->status)),
      };

      korak_table_add_row (table, cells);
    }
  korak_document_add_table (w->document, g_steal_pointer (&table));
}

static KorakDocument *
build_plan (Writer      *w,
            gint64       participant_id,
            GError     **error)
{
  g_auto(Person) person = { NULL };
  g_autoptr(KorakPlanRecord) plan = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(KorakTable) barriers = NULL;
  g_autofree char *title = NULL;
  const char *captions[3];

  if (!person_load (&person, w->store, participant_id, error) ||
      !(plan = korak_store_get_plan (w->store, participant_id, error)))
    return NULL;

  /* Translators: the title of a plan's PDF, %s is the participant */
  title = g_strdup_printf (_("Individual plan — %s"), person.name);
  if (!(document = new_document (w->store, title, FALSE, error)))
    return NULL;
  writer_begin (w, document, TRUE, TRUE);

  w_text (w, KORAK_TEXT_TITLE, KORAK_ALIGN_START, tr (w, N_("Individual plan")));
  korak_document_add_space (document, 6.0);
  w_field (w, tr (w, N_("Participant")), data (person.name));
  add_participant_field (w, person.participant, KORAK_FIELD_BIRTH_DATE);
  add_programme_fields (w, &person);
  w_field (w, tr (w, N_("Agreed on")), data (keep (w, dup_date (plan->agreed_date))));
  w_field (w, tr (w, N_("Next review")), data (keep (w, dup_date (plan->next_review_date))));
  if (plan->id == 0)
    {
      korak_document_add_space (document, 6.0);
      w_note (w, tr (w, N_("No plan has been saved yet.")));
    }

  w_heading (w, tr (w, N_("Diagnosis")));
  w_field (w, tr (w, N_("Interests")), data (or_dash (plan->interests)));
  w_field (w, tr (w, N_("Strengths")), data (or_dash (plan->strengths)));
  w_field (w, tr (w, N_("Work experience")), data (or_dash (plan->work_experience)));
  w_field (w, tr (w, N_("Education")), data (or_dash (plan->education)));

  w_heading (w, tr (w, N_("Barriers")));
  barriers = korak_table_new (2);
  w_column (w, barriers, 0, tr (w, N_("Barrier")), 1.0, KORAK_ALIGN_START);
  w_column (w, barriers, 1, tr (w, N_("Remark")), 2.6, KORAK_ALIGN_START);
  for (guint i = 0; plan->barriers != NULL && i < plan->barriers->len; i++)
    {
      const KorakBarrierRecord *b = g_ptr_array_index (plan->barriers, i);
      const char *cells[2];

      if (!b->checked)
        continue;
      cells[0] = joined (w, tr_choice (w, korak_barrier_kinds (), b->kind));
      cells[1] = b->remark;
      korak_table_add_row (barriers, cells);
    }
  if (korak_table_get_n_rows (barriers) > 0)
    korak_document_add_table (document, g_steal_pointer (&barriers));
  else
    w_note (w, tr (w, N_("No barriers noted.")));

  w_heading (w, tr (w, N_("Goals")));
  add_goals_table (w, plan, TRUE);

  w_heading (w, tr (w, N_("Planned activities")));
  if (plan->activities == NULL || plan->activities->len == 0)
    w_note (w, tr (w, N_("No activities planned yet.")));
  else
    {
      g_autoptr(KorakTable) activities = korak_table_new (3);

      w_column (w, activities, 0, tr (w, N_("Activity")), 3.0, KORAK_ALIGN_START);
      w_column (w, activities, 1, tr (w, N_("Planned")), 1.2, KORAK_ALIGN_START);
      w_column (w, activities, 2, tr (w, N_("Done")), 1.2, KORAK_ALIGN_START);
      for (guint i = 0; i < plan->activities->len; i++)
        {
          const KorakPlanActivityRecord *a = g_ptr_array_index (plan->activities, i);
          g_autofree char *planned = dup_date (a->planned_date);
          g_autofree char *done = dup_date (a->done_date);
          const char *cells[3] = { joined (w, tr_activity (w, a->activity_name)), planned, done };

          korak_table_add_row (activities, cells);
        }
      korak_document_add_table (document, g_steal_pointer (&activities));
    }

  korak_document_add_space (document, 24.0);
  captions[0] = joined (w, tr (w, N_("Participant")));
  captions[1] = joined (w, tr (w, N_("Mentor")));
  captions[2] = NULL;
  korak_document_add_signatures (document, captions, TRUE);

  return g_steal_pointer (&document);
}

/**
 * korak_report_plan:
 * @store: the store
 * @participant_id: the participant
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the individual plan, for signing.
 */
KorakDocument *
korak_report_plan (KorakStore  *store,
                   gint64       participant_id,
                   GError     **error)
{
  return korak_report_plan_bilingual (store, participant_id, NULL, error);
}

/* -------------------------------------------------------------- progress */

/* The star chart's area names in both languages, one under the other. */
static void
translate_star_axes (Writer                 *w,
                     KorakStarData          *star,
                     const KorakStarSummary *summary)
{
  if (!writer_is_bilingual (w))
    return;

  for (guint i = 0; i < star->n_axes; i++)
    for (guint a = 0; a < summary->areas->len; a++)
      {
        const KorakAreaRecord *area = g_ptr_array_index (summary->areas, a);
        Text label = tr_area (w, area->name);

        if (g_strcmp0 (label.one, star->axes[i]) != 0)
          continue;
        g_free (star->axes[i]);
        star->axes[i] = g_strdup (joined (w, label));
        break;
      }

  /* The legend: "Vstop 27. 4. 2026 · ⁨الدخول⁩", the intake and the latest
   * as korak_star_data_fill_first_last() chose them; the kind once more in
   * the second language (the date is the same), isolated so that it keeps
   * its own order on the line. */
  for (guint s = 0; s < star->n_series && summary->assessments->len > 0; s++)
    {
      const KorakAssessmentRecord *record = g_ptr_array_index (summary->assessments,
                                                               s == 0 ? 0 : summary->assessments->len - 1);
      Text kind = tr_choice (w, korak_assessment_kinds (), record->kind);
      g_autofree char *label = NULL;

      if (!has_two (kind))
        continue;
      label = korak_catalog_join_second (star->series[s].label, kind.two);
      g_free (star->series[s].label);
      star->series[s].label = g_steal_pointer (&label);
    }
}

const char *
korak_report_band_in_language (const KorakBandRecord *band,
                               const char            *language,
                               KorakCatalog          *catalog)
{
  g_return_val_if_fail (band != NULL, NULL);

  if (korak_scale_band_is_seeded (band->description))
    return catalog != NULL ? korak_catalog_lookup (catalog, band->description) : NULL;
  return korak_band_record_get_translation (band, language);
}

/* What each score of the latest assessment means: the band of the area's
 * scale that holds it. A band's description in the second language is the
 * catalog's (a seeded band) or the typed translation; with neither it is
 * printed in the interface language alone, which does not make the
 * document incomplete: the mentor can add it in Preferences. */
static void
add_score_meanings (Writer                      *w,
                    const KorakAssessmentRecord *latest)
{
  g_autoptr(KorakTable) table = NULL;

  for (guint i = 0; latest->scores != NULL && i < latest->scores->len; i++)
    {
      const KorakScoreRecord *score = g_ptr_array_index (latest->scores, i);
      g_autoptr(KorakBandRecord) band = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *number = NULL;
      Text description;
      const char *cells[3];

      band = korak_store_find_band (w->store, score->area_id, score->score, &error);
      if (error != NULL)
        g_warning ("Could not read a scale: %s", error->message);
      if (band == NULL)
        continue;

      description = data (korak_scale_band_label (band->description));
      if (writer_is_bilingual (w))
        description.two = korak_report_band_in_language (band, w->language, w->catalog);

      if (table == NULL)
        {
          table = korak_table_new (3);
          w_column (w, table, 0, tr (w, N_("Area")), 2.0, KORAK_ALIGN_START);
          w_column (w, table, 1, tr (w, N_("Score")), 0.8, KORAK_ALIGN_END);
          w_column (w, table, 2, tr (w, N_("What it means")), 5.0, KORAK_ALIGN_START);
        }
      number = dup_count (score->score);
      cells[0] = joined (w, tr_area (w, score->area_name));
      cells[1] = number;
      cells[2] = joined (w, description);
      korak_table_add_row (table, cells);
    }

  if (table == NULL)
    return;

  w_heading (w, tr (w, N_("What the latest scores mean")));
  korak_document_add_table (w->document, g_steal_pointer (&table));
}

static KorakDocument *
build_progress (Writer      *w,
                gint64       participant_id,
                GError     **error)
{
  KorakStore *store = w->store;
  g_auto(Person) person = { NULL };
  g_autoptr(KorakPlanRecord) plan = NULL;
  g_autoptr(KorakStarSummary) summary = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GPtrArray) journal = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(KorakTable) wins = NULL;
  g_autofree char *title = NULL;
  double required = 0, attended = 0;

  if (!person_load (&person, store, participant_id, error) ||
      !(plan = korak_store_get_plan (store, participant_id, error)) ||
      !(summary = korak_store_star_summary (store, participant_id, error)) ||
      !(weeks = korak_store_participant_week_hours (store, participant_id, &required, error)) ||
      !(journal = korak_store_list_journal (store, participant_id, error)) ||
      !(follow_ups = korak_store_list_follow_ups (store, participant_id, error)))
    return NULL;

  /* Translators: the title of a progress report's PDF, %s is the participant */
  title = g_strdup_printf (_("Progress report — %s"), person.name);
  if (!(document = new_document (store, title, FALSE, error)))
    return NULL;
  writer_begin (w, document, FALSE, TRUE);

  w_text (w, KORAK_TEXT_TITLE, KORAK_ALIGN_START, tr (w, N_("Individual progress report")));
  korak_document_add_space (document, 6.0);
  w_field (w, tr (w, N_("Participant")), data (person.name));
  add_participant_field (w, person.participant, KORAK_FIELD_BIRTH_DATE);
  add_participant_field (w, person.participant, KORAK_FIELD_TARGET_GROUP);
  add_participant_field (w, person.participant, KORAK_FIELD_MOTHER_TONGUE);
  add_programme_fields (w, &person);
  if (person.enrolment != NULL)
    {
      const char *end = person.enrolment->end_date ? person.enrolment->end_date : person.enrolment->exit_date;

      w_field (w, tr (w, N_("In the programme")), data (keep (w, dup_date_range (person.enrolment->start_date, end))));
      w_field (w, tr (w, N_("Status")), enrolment_status_text (w, person.enrolment->status));
    }

  for (guint i = 0; i < weeks->len; i++)
    attended += g_array_index (weeks, KorakWeekHours, i).hours;
  if (person.cohort != NULL && person.cohort->required_hours > 0)
    {
      g_autofree char *done = dup_hours (attended);
      g_autofree char *required_hours = dup_count (person.cohort->required_hours);

      /* Translators: hours attended of those the programme requires, "212 of 480" */
      w_field (w, tr (w, N_("Hours attended")), format2 (w, tr (w, N_("%s of %d")), data (done), data (required_hours)));
    }
  else
    w_field (w, tr (w, N_("Hours attended")), data (keep (w, dup_hours (attended))));

  w_heading (w, tr (w, N_("Plan goals")));
  add_goals_table (w, plan, FALSE);

  w_heading (w, tr (w, N_("Competencies at intake and latest")));
  if (summary->assessments->len == 0)
    w_note (w, tr (w, N_("No assessments yet.")));
  else
    {
      KorakStarData *star = g_new0 (KorakStarData, 1);

      korak_star_data_fill_first_last (star, summary);
      translate_star_axes (w, star, summary);
      /* Two-line axis labels need room above the legend. */
      korak_document_add_drawing (document, CHART_WIDTH, writer_is_bilingual (w) ? STAR_HEIGHT + 40.0 : STAR_HEIGHT,
                                  draw_star, star, free_star);
      add_score_meanings (w, g_ptr_array_index (summary->assessments, summary->assessments->len - 1));
    }

  w_heading (w, tr (w, N_("Attendance hours per week")));
  if (weeks->len == 0)
    w_note (w, tr (w, N_("No attendance recorded yet.")));
  else
    {
      KorakAttendanceData *attendance = g_new0 (KorakAttendanceData, 1);

      korak_attendance_data_fill (attendance, weeks, required);
      if (writer_is_bilingual (w))
        {
          /* The chart's own words, as korak-charts.c has them. */
          attendance->hours2 = g_strdup (tr (w, "hours").two);
          attendance->module_format2 = g_strdup (tr (w, "Module %d").two);
          attendance->required_format2 = g_strdup (tr (w, "Required: %s h").two);
        }
      korak_document_add_drawing (document, CHART_WIDTH, ATTENDANCE_HEIGHT, draw_attendance, attendance, free_attendance);
    }

  w_heading (w, tr (w, N_("Small wins")));
  wins = korak_table_new (2);
  w_column (w, wins, 0, tr (w, N_("Date")), 1.0, KORAK_ALIGN_START);
  w_column (w, wins, 1, tr (w, N_("Small win")), 5.0, KORAK_ALIGN_START);
  korak_table_set_grid (wins, FALSE);
  /* The journal lists the newest first; a report reads in time order. */
  for (guint i = journal->len; i > 0; i--)
    {
      const KorakJournalRecord *entry = g_ptr_array_index (journal, i - 1);
      g_autofree char *date = NULL;
      const char *cells[2];

      if (g_strcmp0 (entry->kind, "small_win") != 0)
        continue;
      date = dup_date (entry->date);
      cells[0] = date;
      cells[1] = participant_text (w, KORAK_LINK_JOURNAL_ENTRY, entry->id, entry->text);
      korak_table_add_row (wins, cells);
    }
  if (korak_table_get_n_rows (wins) > 0)
    korak_document_add_table (document, g_steal_pointer (&wins));
  else
    w_note (w, tr (w, N_("No small wins recorded yet.")));

  w_heading (w, tr (w, N_("Exit")));
  if (person.enrolment == NULL || g_strcmp0 (person.enrolment->status, "active") == 0)
    w_note (w, tr (w, N_("Still in the programme.")));
  else
    {
      const char *date = person.enrolment->exit_date ? person.enrolment->exit_date : person.enrolment->end_date;

      w_field (w, tr (w, N_("Date")), data (keep (w, dup_date (date))));
      if (person.enrolment->exit_reason != NULL)
        w_field (w, tr (w, N_("Reason")), tr_choice (w, korak_exit_reasons (), person.enrolment->exit_reason));
      else
        w_field (w, tr (w, N_("Reason")), enrolment_status_text (w, person.enrolment->status));
      /* The outcome is a reason's code, or what the mentor typed. */
      if (person.enrolment->exit_outcome != NULL && *person.enrolment->exit_outcome != '\0')
        w_field (w, tr (w, N_("Outcome")), tr_choice (w, korak_exit_reasons (), person.enrolment->exit_outcome));
      else
        w_field (w, tr (w, N_("Outcome")), data (EN_DASH));
      if (person.enrolment->exit_positive >= 0)
        w_field (w, tr (w, N_("Positive exit")), tr (w, person.enrolment->exit_positive ? N_("Yes") : N_("No")));
    }

  w_heading (w, tr (w, N_("Follow-ups")));
  if (follow_ups->len == 0)
    w_note (w, tr (w, N_("No follow-ups scheduled.")));
  else
    {
      g_autoptr(KorakTable) table = korak_table_new (4);

      w_column (w, table, 0, tr (w, N_("Due")), 2.0, KORAK_ALIGN_START);
      w_column (w, table, 1, tr (w, N_("Done")), 1.1, KORAK_ALIGN_START);
      w_column (w, table, 2, tr (w, N_("Employment status")), 1.8, KORAK_ALIGN_START);
      w_column (w, table, 3, tr (w, N_("Situation")), 3.2, KORAK_ALIGN_START);
      for (guint i = 0; i < follow_ups->len; i++)
        {
          const KorakFollowUpRecord *f = g_ptr_array_index (follow_ups, i);
          g_autofree char *due = dup_date (f->due_date);
          g_autofree char *months = dup_count (f->months);
          /* Translators: a follow-up's due date and how long after the exit, "2. 9. 2026 (3 months)" */
          Text due_text = format2 (w, tr_plural (w, "%s (%d month)", "%s (%d months)", f->months),
                                   data (due), data (months));
          const char *cells[4] = {
            joined (w, due_text),
            f->done_date ? keep (w, dup_date (f->done_date)) : joined (w, tr (w, N_("Not yet"))),
            f->employment_status ? joined (w, tr_choice (w, korak_employment_statuses (), f->employment_status)) : EN_DASH,
            or_dash (f->situation),
          };

          korak_table_add_row (table, cells);
        }
      korak_document_add_table (document, g_steal_pointer (&table));
    }

  return g_steal_pointer (&document);
}

/**
 * korak_report_progress:
 * @store: the store
 * @participant_id: the participant
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the individual progress report.
 */
KorakDocument *
korak_report_progress (KorakStore  *store,
                       gint64       participant_id,
                       GError     **error)
{
  return korak_report_progress_bilingual (store, participant_id, NULL, error);
}

/* ------------------------------------------------------------- bilingual */

G_DEFINE_QUARK (korak-report-error-quark, korak_report_error)

typedef struct
{
  KorakReportKind               kind;
  gint64                        participant_id;
  const KorakCertificateRecord *certificate;    /* the certificate's */
  const KorakCertificateRecord *other;          /* checked too in a dry run */
} Job;

static KorakDocument *
build_job (const Job  *job,
           Writer     *w,
           GError    **error)
{
  switch (job->kind)
    {
    case KORAK_REPORT_PLAN:
      return build_plan (w, job->participant_id, error);
    case KORAK_REPORT_PROGRESS:
      return build_progress (w, job->participant_id, error);
    case KORAK_REPORT_CERTIFICATE:
    default:
      return build_certificate (w, job->certificate, error);
    }
}

/* The language the interface is in (the first of the user's languages that
 * has a catalog), or NULL for the untranslated English. */
static char *
dup_interface_language (void)
{
  const char * const *names = g_get_language_names ();
  g_auto(GStrv) available = korak_catalog_list_languages ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup (names[i]);
      char *dot;

      if (g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
        return NULL;
      if ((dot = strchr (name, '.')) != NULL)
        *dot = '\0';
      g_strdelimit (name, "_", '-');
      if (g_strv_contains ((const char * const *) available, name))
        return g_steal_pointer (&name);
    }
  return NULL;
}

/* Builds @job in @language without keeping it: the msgids the catalog
 * lacks, or NULL with @error when the document cannot be made at all. */
static GPtrArray *
dry_run (KorakStore  *store,
         const Job   *job,
         const char  *language,
         GError     **error)
{
  g_auto(Writer) w;
  g_autoptr(KorakDocument) document = NULL;
  KorakBilingual bilingual = { language, KORAK_BILINGUAL_SIDE_BY_SIDE };

  writer_init (&w, store);
  if (!writer_set_language (&w, &bilingual, error) ||
      !(document = build_job (job, &w, error)))
    return NULL;

  if (job->other != NULL)
    {
      Job other = { job->kind, job->participant_id, job->other, NULL };

      g_clear_pointer (&document, korak_document_free);
      if (!(document = build_job (&other, &w, error)))
        return NULL;
    }

  return g_ptr_array_ref (w.missing);
}

static GStrv
complete_languages (KorakStore  *store,
                    const Job   *job,
                    GError     **error)
{
  g_auto(GStrv) available = korak_catalog_list_languages ();
  g_autofree char *interface = dup_interface_language ();
  g_autoptr(GPtrArray) complete = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; available[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) missing = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_strcmp0 (available[i], interface) == 0)
        continue;
      if (!(missing = dry_run (store, job, available[i], &local_error)))
        {
          /* A catalog that cannot be read is not offered; the data not
           * being there is an error of its own. */
          if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_INVAL) ||
              g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (missing->len == 0)
        g_ptr_array_add (complete, g_strdup (available[i]));
    }

  g_ptr_array_add (complete, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&complete), FALSE);
}

/* "Albanian (sq), Arabic (ar)", or "none". */
static char *
dup_language_list (GStrv languages)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (list, _(", "));
      /* Translators: a language and its tag in a list, "Albanian (sq)" */
      g_string_append_printf (list, _("%s (%s)"), korak_language_name (languages[i]), languages[i]);
    }
  if (list->len == 0)
    /* Translators: no languages to choose from */
    g_string_append (list, _("none"));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
set_language_error (GError     **error,
                    const char  *language,
                    GStrv        languages)
{
  g_autofree char *list = dup_language_list (languages);
  /* Translators: a language and its tag, "Arabic (ar)" */
  g_autofree char *name = g_strdup_printf (_("%s (%s)"), korak_language_name (language), language);

  g_set_error (error, KORAK_REPORT_ERROR, KORAK_REPORT_ERROR_LANGUAGE,
               /* Translators: the first %s is a language ("Arabic (ar)"),
                * the second a list of them. */
               _("This document cannot be printed in %s as well: its text is not fully translated into it. "
                 "Languages it can be printed in: %s."),
               name, list);
}

static KorakDocument *
build_bilingual (KorakStore            *store,
                 const Job             *job,
                 const KorakBilingual  *bilingual,
                 GError               **error)
{
  g_auto(Writer) w;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;

  writer_init (&w, store);
  if (!writer_set_language (&w, bilingual, &local_error) ||
      !(document = build_job (job, &w, &local_error)) ||
      w.missing->len > 0)
    {
      g_auto(GStrv) languages = NULL;

      /* Not a problem of the language: the document cannot be made. */
      if (local_error != NULL && local_error->domain != G_FILE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      languages = complete_languages (store, job, error);
      if (languages == NULL)
        return NULL;
      set_language_error (error, bilingual->language, languages);
      return NULL;
    }

  return g_steal_pointer (&document);
}

KorakDocument *
korak_report_plan_bilingual (KorakStore            *store,
                             gint64                 participant_id,
                             const KorakBilingual  *bilingual,
                             GError               **error)
{
  Job job = { KORAK_REPORT_PLAN, participant_id, NULL, NULL };

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build_bilingual (store, &job, bilingual, error);
}

KorakDocument *
korak_report_progress_bilingual (KorakStore            *store,
                                 gint64                 participant_id,
                                 const KorakBilingual  *bilingual,
                                 GError               **error)
{
  Job job = { KORAK_REPORT_PROGRESS, participant_id, NULL, NULL };

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build_bilingual (store, &job, bilingual, error);
}

KorakDocument *
korak_report_certificate_bilingual (KorakStore                    *store,
                                    const KorakCertificateRecord  *certificate,
                                    const KorakBilingual          *bilingual,
                                    GError                       **error)
{
  Job job = { KORAK_REPORT_CERTIFICATE, certificate->participant_id, certificate, NULL };

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (certificate != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build_bilingual (store, &job, bilingual, error);
}

/* A certificate as korak_store_issue_certificate() would make it, with
 * every part a certificate can have, for checking its text before one is
 * issued (issuing enters it in the register). */
static KorakCertificateRecord *
sample_certificate (KorakStore  *store,
                    gint64       participant_id,
                    const char  *kind,
                    gboolean     with_site,
                    GError     **error)
{
  g_autoptr(KorakParticipantRecord) participant = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  KorakCertificateRecord *record;
  const KorakChoice *kinds = korak_module_kinds ();

  if (participant_id != 0 && !(participant = korak_store_get_participant (store, participant_id, error)))
    return NULL;
  if (!(areas = korak_store_list_areas (store, FALSE, error)))
    return NULL;

  record = g_new0 (KorakCertificateRecord, 1);
  record->serial = g_strdup ("0000-0000-0000");
  record->verification = g_strdup ("00000000");
  record->kind = g_strdup (kind);
  record->issued_date = g_strdup ("2026-01-31");
  record->participant_id = participant_id;
  record->participant_name = participant ? korak_profile_sheet_dup_name (participant) : g_strdup ("");
  record->birth_date = g_strdup ("1990-01-01");
  record->programme_name = g_strdup ("");
  record->cohort_name = g_strdup ("");
  record->site = with_site ? g_strdup ("-") : NULL;
  record->start_date = g_strdup ("2026-01-01");
  record->end_date = g_strdup ("2026-01-31");
  record->hours = 2;
  record->mentor_name = g_strdup ("-");
  record->modules = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; kinds[i].code != NULL; i++)
    {
      KorakCertificateModule *m = g_new0 (KorakCertificateModule, 1);

      m->kind = (char *) kinds[i].code;
      m->start_date = record->start_date;
      m->end_date = record->end_date;
      g_ptr_array_add (record->modules, m);
    }
  for (guint i = 0; i < areas->len; i++)
    g_strv_builder_add (names, ((KorakAreaRecord *) g_ptr_array_index (areas, i))->name);
  record->competencies = g_strv_builder_end (names);
  return record;
}

static void
sample_certificate_free (KorakCertificateRecord *record)
{
  /* The modules borrow their strings. */
  g_ptr_array_unref (record->modules);
  record->modules = NULL;
  korak_certificate_record_free (record);
}

/* A dry-run job for @kind; a certificate not issued yet is checked with
 * two samples (completion with a site, participation without). Free with
 * dry_job_clear(). */
static gboolean
dry_job_init (Job              *job,
              KorakStore       *store,
              KorakReportKind   kind,
              gint64            participant_id,
              GError          **error)
{
  KorakCertificateRecord *sample, *other;

  *job = (Job) { kind, participant_id, NULL, NULL };
  if (kind != KORAK_REPORT_CERTIFICATE)
    return TRUE;

  if (!(sample = sample_certificate (store, participant_id, KORAK_CERTIFICATE_COMPLETION, TRUE, error)))
    return FALSE;
  if (!(other = sample_certificate (store, participant_id, KORAK_CERTIFICATE_PARTICIPATION, FALSE, error)))
    {
      sample_certificate_free (sample);
      return FALSE;
    }
  job->certificate = sample;
  job->other = other;
  return TRUE;
}

static void
dry_job_clear (Job *job)
{
  if (job->kind != KORAK_REPORT_CERTIFICATE)
    return;
  g_clear_pointer ((KorakCertificateRecord **) &job->certificate, sample_certificate_free);
  g_clear_pointer ((KorakCertificateRecord **) &job->other, sample_certificate_free);
}

GStrv
korak_report_bilingual_languages (KorakStore       *store,
                                  KorakReportKind   kind,
                                  gint64            participant_id,
                                  GError          **error)
{
  Job job;
  GStrv languages;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!dry_job_init (&job, store, kind, participant_id, error))
    return NULL;
  languages = complete_languages (store, &job, error);
  dry_job_clear (&job);
  return languages;
}

gboolean
korak_report_check_language (KorakStore       *store,
                             KorakReportKind   kind,
                             gint64            participant_id,
                             const char       *language,
                             GError          **error)
{
  g_auto(GStrv) languages = NULL;

  g_return_val_if_fail (language != NULL, FALSE);

  if (!(languages = korak_report_bilingual_languages (store, kind, participant_id, error)))
    return FALSE;
  if (g_strv_contains ((const char * const *) languages, language))
    return TRUE;
  /* Bosnian and Serbian (Latin) are printed with the Croatian text. */
  if (korak_language_neighbour (language) != NULL &&
      g_strv_contains ((const char * const *) languages, korak_language_neighbour (language)))
    return TRUE;

  set_language_error (error, language, languages);
  return FALSE;
}

GStrv
korak_report_bilingual_missing (KorakStore       *store,
                                KorakReportKind   kind,
                                gint64            participant_id,
                                const char       *language,
                                GError          **error)
{
  g_autoptr(GPtrArray) missing = NULL;
  Job job;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!dry_job_init (&job, store, kind, participant_id, error))
    return NULL;
  missing = dry_run (store, &job, language, error);
  dry_job_clear (&job);
  if (missing == NULL)
    return NULL;

  g_ptr_array_add (missing, NULL);
  return g_strdupv ((char **) missing->pdata);
}

/* ---------------------------------------------------- monthly attendance */

static const char *
attendance_mark (char state)
{
  switch (state)
    {
    /* Translators: one letter on the monthly attendance report: present */
    case 'P': return C_("attendance", "P");
    /* Translators: one letter on the monthly attendance report: late */
    case 'L': return C_("attendance", "L");
    /* Translators: one letter on the monthly attendance report: excused */
    case 'E': return C_("attendance", "E");
    /* Translators: one letter on the monthly attendance report: absent */
    case 'A': return C_("attendance", "A");
    case '?': return "?";
    default:  return "";
    }
}

static char *
dup_short_day (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (!korak_date_is_iso (iso) || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso ? iso : "");
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  /* Translators: a day in a column header of the monthly attendance report,
   * in g_date_time_format() syntax; "2.3." for 2 March */
  return g_date_time_format (dt, _("%-d.%-m."));
}

static char *
dup_month (const char *month)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m;

  if (month == NULL || sscanf (month, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
    return g_strdup (month ? month : "");
  dt = g_date_time_new_utc (y, m, 1, 0, 0, 0);
  /* Translators: a month and year in g_date_time_format() syntax, "March 2026" */
  return g_date_time_format (dt, _("%B %Y"));
}

/**
 * korak_report_monthly_attendance:
 * @store: the store
 * @cohort_id: the cohort
 * @month: "YYYY-MM"
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the cohort's attendance in @month, landscape.
 */
KorakDocument *
korak_report_monthly_attendance (KorakStore  *store,
                                 gint64       cohort_id,
                                 const char  *month,
                                 GError     **error)
{
  g_autoptr(KorakMonthlyAttendance) report = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(KorakTable) table = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *legend = NULL;
  g_autofree const char **cells = NULL;
  g_autoptr(GPtrArray) owned = NULL;
  guint n_columns;
  guint row;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (month != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(report = korak_store_get_monthly_attendance (store, cohort_id, month, error)))
    return NULL;

  month_text = dup_month (report->month);
  /* Translators: the title of a monthly attendance PDF: cohort and month */
  title = g_strdup_printf (_("Attendance — %s, %s"), or_dash (report->cohort_name), month_text);
  if (!(document = new_document (store, title, TRUE, error)))
    return NULL;

  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_START, _("Monthly attendance"));
  korak_document_add_space (document, 6.0);
  add_field_text (document, _("Cohort"), report->cohort_name);
  add_field_text (document, _("Programme"), report->programme_name);
  add_field_text (document, _("Mentor"), report->mentor_name);
  korak_document_add_field (document, _("Month"), month_text);
  add_field_take (document, _("Days with group sessions"), g_strdup_printf ("%u", report->n_days));
  add_field_take (document, _("Sessions (individual included)"), dup_count (report->n_sessions));
  korak_document_add_space (document, 8.0);

  if (report->n_days == 0 || report->rows->len == 0)
    {
      add_note (document, report->n_days == 0 ? _("No group sessions were held in this month.")
                                              : _("Nobody was enrolled in this month."));
      return g_steal_pointer (&document);
    }

  n_columns = report->n_days + 3;
  table = korak_table_new (n_columns);
  korak_table_set_text_style (table, KORAK_TEXT_SMALL);
  korak_table_set_column (table, 0, C_("person", "Name"), 5.0, KORAK_ALIGN_START);
  for (guint d = 0; d < report->n_days; d++)
    {
      g_autofree char *header = dup_short_day (report->days[d]);

      korak_table_set_column (table, d + 1, header, 1.0, KORAK_ALIGN_CENTER);
    }
  korak_table_set_column (table, report->n_days + 1, _("Hours"), 1.6, KORAK_ALIGN_END);
  korak_table_set_column (table, report->n_days + 2, _("Rate"), 1.6, KORAK_ALIGN_END);

  cells = g_new0 (const char *, n_columns);
  for (guint r = 0; r < report->rows->len; r++)
    {
      const KorakMonthlyRow *person = g_ptr_array_index (report->rows, r);
      g_autofree char *hours = dup_hours (person->hours);
      g_autofree char *rate = person->expected_hours > 0 ? dup_rate (person->rate) : g_strdup (EN_DASH);
      gsize n_states = person->states ? strlen (person->states) : 0;

      cells[0] = or_dash (person->name);
      for (guint d = 0; d < report->n_days; d++)
        cells[d + 1] = attendance_mark (d < n_states ? person->states[d] : ' ');
      cells[report->n_days + 1] = hours;
      cells[report->n_days + 2] = rate;
      korak_table_add_row (table, cells);
    }

  /* Totals: people present each day, all hours, the overall rate. */
  owned = g_ptr_array_new_with_free_func (g_free);
  cells[0] = _("Present / total");
  for (guint d = 0; d < report->n_days; d++)
    {
      char *count = dup_count (report->day_present[d]);

      g_ptr_array_add (owned, count);
      cells[d + 1] = count;
    }
  g_ptr_array_add (owned, dup_hours (report->total_hours));
  cells[report->n_days + 1] = g_ptr_array_index (owned, owned->len - 1);
  g_ptr_array_add (owned, report->total_expected > 0 ? dup_rate (report->rate) : g_strdup (EN_DASH));
  cells[report->n_days + 2] = g_ptr_array_index (owned, owned->len - 1);
  row = korak_table_add_row (table, cells);
  korak_table_set_row_emphasis (table, row, TRUE);
  korak_document_add_table (document, g_steal_pointer (&table));

  korak_document_add_space (document, 4.0);
  /* Translators: the legend under the monthly attendance table; keep the
   * letters the same as the translations of the one-letter marks. */
  legend = g_strdup_printf (_("%s present · %s late · %s excused · %s absent · ? not marked · empty: not enrolled that day. "
                              "Hours count present and late; the rate is hours attended of hours scheduled."),
                            attendance_mark ('P'), attendance_mark ('L'), attendance_mark ('E'), attendance_mark ('A'));
  korak_document_add_text (document, KORAK_TEXT_SMALL, KORAK_ALIGN_START, legend);

  return g_steal_pointer (&document);
}

/* ------------------------------------------------------- cohort outcomes */

static char *
dup_change (double change)
{
  return g_strdup_printf ("%+.1f", change);
}

/**
 * korak_report_cohort_outcomes:
 * @store: the store
 * @cohort_id: the cohort
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the cohort's outcomes with charts.
 */
KorakDocument *
korak_report_cohort_outcomes (KorakStore  *store,
                              gint64       cohort_id,
                              GError     **error)
{
  g_autoptr(KorakCohortOutcomes) outcomes = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *title = NULL;
  KorakBarData *bands;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(outcomes = korak_store_get_cohort_outcomes (store, cohort_id, error)))
    return NULL;

  /* Translators: the title of a cohort outcomes PDF, %s is the cohort */
  title = g_strdup_printf (_("Cohort outcomes — %s"), or_dash (outcomes->cohort_name));
  if (!(document = new_document (store, title, FALSE, error)))
    return NULL;

  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_START, _("Cohort outcomes"));
  korak_document_add_space (document, 6.0);
  add_field_text (document, _("Cohort"), outcomes->cohort_name);
  add_field_text (document, _("Programme"), outcomes->programme_name);
  if (outcomes->site != NULL && *outcomes->site != '\0')
    add_field_text (document, _("Site"), outcomes->site);
  add_field_take (document, _("Dates"), dup_date_range (outcomes->start_date, outcomes->end_date));
  add_field_text (document, _("Mentor"), outcomes->mentor_name);

  korak_document_add_heading (document, _("Participants"));
  add_field_take (document, _("Enrolled"), dup_count (outcomes->enrolled));
  add_field_take (document, _("Still active"), dup_count (outcomes->active));
  add_field_take (document, _("Completed"), dup_count (outcomes->completed));
  add_field_take (document, _("Early exits"), dup_count (outcomes->early_exits));
  add_field_take (document, _("Withdrawn"), dup_count (outcomes->withdrawn));
  add_field_take (document, _("Positive exits"), dup_count (outcomes->positive_exits));
  add_field_take (document, _("Hours attended"), dup_hours (outcomes->hours));
  if (outcomes->erased > 0)
    /* Translators: people whose data was erased on request; "2 (counted above, without their details)" */
    add_field_take (document, _("Erased on request"),
                    g_strdup_printf (_("%d (counted above, without their details)"), outcomes->erased));
  if (outcomes->n_changed > 0)
    {
      g_autofree char *change = dup_change (outcomes->average_change);

      /* Translators: the average change of competency scores, "+1.4 points (12 people)" */
      add_field_take (document, _("Average competency change"),
                      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s points (%d person)", "%s points (%d people)",
                                                    outcomes->n_changed),
                                       change, outcomes->n_changed));
    }
  else
    korak_document_add_field (document, _("Average competency change"), _("Nobody has two assessments yet"));

  korak_document_add_heading (document, _("Exits by reason"));
  if (outcomes->exits == NULL || outcomes->exits->len == 0)
    add_note (document, _("Nobody has left the programme yet."));
  else
    {
      KorakBarData *exits = g_new0 (KorakBarData, 1);
      g_autoptr(KorakTable) table = korak_table_new (3);

      korak_bar_data_fill_exits (exits, outcomes->exits);
      /* The heading above names the chart. */
      g_clear_pointer (&exits->title, g_free);
      korak_document_add_drawing (document, CHART_WIDTH, MAX (100.0, 36.0 + 20.0 * outcomes->exits->len),
                                  draw_bars, exits, free_bars);

      korak_table_set_column (table, 0, _("Reason"), 3.0, KORAK_ALIGN_START);
      korak_table_set_column (table, 1, _("People"), 1.0, KORAK_ALIGN_END);
      korak_table_set_column (table, 2, _("Positive exit"), 1.2, KORAK_ALIGN_START);
      for (guint i = 0; i < outcomes->exits->len; i++)
        {
          const KorakExitCount *e = g_ptr_array_index (outcomes->exits, i);
          g_autofree char *count = dup_count (e->count);
          const char *cells[3] = {
            korak_choice_label (korak_exit_reasons (), e->reason),
            count,
            e->positive ? _("Yes") : _("No"),
          };

          korak_table_add_row (table, cells);
        }
      korak_document_add_space (document, 6.0);
      korak_document_add_table (document, g_steal_pointer (&table));
    }

  korak_document_add_heading (document, _("Competency change by area"));
  if (outcomes->areas == NULL || outcomes->areas->len == 0)
    add_note (document, _("No assessments yet."));
  else
    {
      g_autoptr(KorakTable) table = korak_table_new (5);

      korak_table_set_column (table, 0, _("Area"), 3.0, KORAK_ALIGN_START);
      korak_table_set_column (table, 1, _("Intake average"), 1.2, KORAK_ALIGN_END);
      korak_table_set_column (table, 2, _("Latest average"), 1.2, KORAK_ALIGN_END);
      korak_table_set_column (table, 3, _("Change"), 1.0, KORAK_ALIGN_END);
      korak_table_set_column (table, 4, _("People"), 1.0, KORAK_ALIGN_END);
      for (guint i = 0; i < outcomes->areas->len; i++)
        {
          const KorakAreaChange *a = g_ptr_array_index (outcomes->areas, i);
          g_autofree char *intake = a->n_people > 0 ? g_strdup_printf ("%.1f", a->intake_average) : g_strdup (EN_DASH);
          g_autofree char *latest = a->n_people > 0 ? g_strdup_printf ("%.1f", a->latest_average) : g_strdup (EN_DASH);
          g_autofree char *change = a->n_people > 0 ? dup_change (a->latest_average - a->intake_average) : g_strdup (EN_DASH);
          g_autofree char *people = dup_count (a->n_people);
          const char *cells[5] = { korak_competency_area_label (a->area_name), intake, latest, change, people };

          korak_table_add_row (table, cells);
        }
      korak_document_add_table (document, g_steal_pointer (&table));
    }

  korak_document_add_heading (document, _("Change in average score, intake to exit or latest"));
  bands = g_new0 (KorakBarData, 1);
  if (korak_bar_data_fill_change_bands (bands, outcomes->changes) == 0)
    {
      free_bars (bands);
      add_note (document, _("Nobody has two assessments yet."));
    }
  else
    {
      g_clear_pointer (&bands->title, g_free);
      korak_document_add_drawing (document, CHART_WIDTH, BANDS_HEIGHT, draw_bars, bands, free_bars);
    }

  return g_steal_pointer (&document);
}

/* --------------------------------------------------------------- profile */

/**
 * korak_report_profile:
 * @store: the store (for the letterhead)
 * @record: the participant as shown, unsaved edits included
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the participant profile: every field of the
 *   record, labelled.
 */
KorakDocument *
korak_report_profile (KorakStore                    *store,
                      const KorakParticipantRecord  *record,
                      GError                       **error)
{
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = korak_profile_sheet_dup_name (record);
  /* Translators: the title of a printed participant profile; %s is the
   * participant's name. */
  title = g_strdup_printf (_("Participant profile — %s"), name);
  if (!(document = new_document (store, title, FALSE, error)))
    return NULL;

  /* The profile sheet composes the profile; this adds the letterhead. */
  korak_profile_sheet_add_to_document (document, record);

  return g_steal_pointer (&document);
}
