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
#include "korak-chart-data.h"
#include "korak-charts.h"
#include "korak-date.h"
#include "korak-plan.h"
#include "korak-profile-sheet.h"
#include "korak-reports.h"
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
  return or_dash (status);
}

static void
add_participant_field (KorakDocument                *document,
                       const KorakParticipantRecord *record,
                       KorakParticipantField         field)
{
  add_field_take (document, _(korak_participant_field_info (field)->label),
                  korak_profile_sheet_dup_field_text (record, field));
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

/* Programme, cohort (with its site), mentor. */
static void
add_programme_fields (KorakDocument *document,
                      const Person  *person)
{
  if (person->cohort == NULL)
    {
      korak_document_add_field (document, _("Programme"), _("Not enrolled"));
      return;
    }

  add_field_text (document, _("Programme"), person->cohort->programme_name);
  if (cohort_needs_site (person->cohort->name, person->cohort->site))
    /* Translators: a cohort and its site, "Kranj, group 1 (Kranj)" */
    add_field_take (document, _("Cohort"), g_strdup_printf (_("%s (%s)"), person->cohort->name, person->cohort->site));
  else
    add_field_text (document, _("Cohort"), person->cohort->name);
  add_field_text (document, _("Mentor"), person->mentor_name);
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

static void
add_certificate_blocks (KorakDocument                *document,
                        const KorakCertificateRecord *certificate)
{
  gboolean completion = g_strcmp0 (certificate->kind, KORAK_CERTIFICATE_COMPLETION) == 0;
  g_autofree char *footer = NULL;
  g_autofree char *start = dup_date (certificate->start_date);
  g_autofree char *end = dup_date (certificate->end_date);
  g_autofree char *issued = dup_date (certificate->issued_date);
  g_autofree char *hours = dup_hours (certificate->hours);
  g_autofree char *programme = NULL;
  g_autofree char *hours_text = NULL;
  g_autofree char *issued_text = NULL;
  g_autofree char *mentor = NULL;
  const char *captions[3];
  gulong whole_hours = (gulong) MAX (round (certificate->hours), 0);
  gboolean has_site = cohort_needs_site (certificate->cohort_name, certificate->site);

  /* Translators: the footer of a certificate; the first %s is its serial
   * number, the second the code that verifies it. */
  footer = g_strdup_printf (_("Serial %s · Verification code %s"), certificate->serial, certificate->verification);
  korak_document_set_footer_text (document, footer);

  korak_document_add_space (document, 40.0);
  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_CENTER,
                           completion ? _("Certificate of completion") : _("Certificate of participation"));
  korak_document_add_space (document, 22.0);
  korak_document_add_text (document, KORAK_TEXT_LEAD, KORAK_ALIGN_CENTER, _("This certifies that"));
  korak_document_add_space (document, 10.0);
  korak_document_add_text (document, KORAK_TEXT_DISPLAY, KORAK_ALIGN_CENTER, or_dash (certificate->participant_name));
  if (certificate->birth_date != NULL && *certificate->birth_date != '\0')
    {
      g_autofree char *birth = dup_date (certificate->birth_date);
      /* Translators: under the name on a certificate, "born on 2. 3. 1985" */
      g_autofree char *born = g_strdup_printf (_("born on %s"), birth);

      korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_CENTER, born);
    }
  korak_document_add_space (document, 14.0);

  if (completion && has_site)
    /* Translators: on a certificate of completion: programme, cohort, site, start and end date. */
    programme = g_strdup_printf (_("completed the programme “%s” (cohort %s, %s) from %s to %s."),
                                 certificate->programme_name, certificate->cohort_name, certificate->site, start, end);
  else if (completion)
    /* Translators: on a certificate of completion: programme, cohort, start and end date. */
    programme = g_strdup_printf (_("completed the programme “%s” (cohort %s) from %s to %s."),
                                 certificate->programme_name, certificate->cohort_name, start, end);
  else if (has_site)
    /* Translators: on a certificate of participation: programme, cohort, site, start and end date. */
    programme = g_strdup_printf (_("took part in the programme “%s” (cohort %s, %s) from %s to %s."),
                                 certificate->programme_name, certificate->cohort_name, certificate->site, start, end);
  else
    /* Translators: on a certificate of participation: programme, cohort, start and end date. */
    programme = g_strdup_printf (_("took part in the programme “%s” (cohort %s) from %s to %s."),
                                 certificate->programme_name, certificate->cohort_name, start, end);
  korak_document_add_text (document, KORAK_TEXT_LEAD, KORAK_ALIGN_CENTER, programme);
  korak_document_add_space (document, 8.0);

  /* Translators: on a certificate, %s is a number of hours, "412 hours attended" */
  hours_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour attended", "%s hours attended", whole_hours), hours);
  korak_document_add_text (document, KORAK_TEXT_LEAD, KORAK_ALIGN_CENTER, hours_text);

  if (certificate->modules != NULL && certificate->modules->len > 0)
    {
      korak_document_add_space (document, 16.0);
      korak_document_add_text (document, KORAK_TEXT_LABEL, KORAK_ALIGN_CENTER, _("Modules completed"));
      for (guint i = 0; i < certificate->modules->len; i++)
        {
          const KorakCertificateModule *m = g_ptr_array_index (certificate->modules, i);
          g_autofree char *range = dup_date_range (m->start_date, m->end_date);
          /* Translators: a module on a certificate, "Workshops, 5. 1. 2026 – 29. 3. 2026" */
          g_autofree char *line = g_strdup_printf (_("%s, %s"), korak_choice_label (korak_module_kinds (), m->kind), range);

          korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_CENTER, line);
        }
    }

  if (certificate->competencies != NULL && certificate->competencies[0] != NULL)
    {
      g_autoptr(GString) areas = g_string_new (NULL);

      for (guint i = 0; certificate->competencies[i] != NULL; i++)
        {
          if (i > 0)
            /* Translators: between the items of a list on one line */
            g_string_append (areas, _(", "));
          g_string_append (areas, korak_competency_area_label (certificate->competencies[i]));
        }
      korak_document_add_space (document, 12.0);
      korak_document_add_text (document, KORAK_TEXT_LABEL, KORAK_ALIGN_CENTER, _("Competencies worked on"));
      korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_CENTER, areas->str);
    }

  korak_document_add_space (document, 28.0);
  if (certificate->site != NULL && *certificate->site != '\0')
    /* Translators: the place and date a certificate was issued */
    issued_text = g_strdup_printf (_("Issued in %s on %s"), certificate->site, issued);
  else
    /* Translators: the date a certificate was issued */
    issued_text = g_strdup_printf (_("Issued on %s"), issued);
  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_CENTER, issued_text);
  korak_document_add_space (document, 36.0);

  if (certificate->mentor_name != NULL && *certificate->mentor_name != '\0')
    /* Translators: under a signature line on a certificate, "Maja Novak, mentor" */
    mentor = g_strdup_printf (_("%s, mentor"), certificate->mentor_name);
  else
    mentor = g_strdup (_("Mentor"));
  captions[0] = mentor;
  captions[1] = _("Head of the organisation");
  captions[2] = NULL;
  korak_document_add_signatures (document, captions, FALSE);
}

static void
setup_certificates (KorakDocument *document)
{
  korak_document_set_frame (document, TRUE);
  korak_document_set_page_numbers (document, FALSE);
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
  g_autoptr(KorakDocument) document = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (certificate != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Translators: the title of a certificate's PDF, %s is the participant */
  title = g_strdup_printf (_("Certificate — %s"), or_dash (certificate->participant_name));
  if (!(document = new_document (store, title, FALSE, error)))
    return NULL;

  setup_certificates (document);
  add_certificate_blocks (document, certificate);
  return g_steal_pointer (&document);
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
  g_autoptr(KorakDocument) document = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (certificates != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(document = new_document (store, title ? title : _("Certificates"), FALSE, error)))
    return NULL;

  setup_certificates (document);
  if (certificates->len == 0)
    add_note (document, _("No certificates to print."));

  for (guint i = 0; i < certificates->len; i++)
    {
      if (i > 0)
        korak_document_add_page_break (document);
      add_certificate_blocks (document, g_ptr_array_index (certificates, i));
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
  korak_table_set_column (people, 1, _("Name"), 4.0, KORAK_ALIGN_START);
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

static char *
dup_goal_text (const KorakGoalRecord *goal,
               gboolean               with_steps)
{
  g_autoptr(GString) text = g_string_new (goal->description);

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
          g_string_append_printf (text, _(" (by %s)"), due);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_goals_table (KorakDocument         *document,
                 const KorakPlanRecord *plan,
                 gboolean               with_steps)
{
  g_autoptr(KorakTable) table = NULL;

  if (plan->goals == NULL || plan->goals->len == 0)
    {
      add_note (document, _("No goals have been set yet."));
      return;
    }

  table = korak_table_new (4);
  korak_table_set_column (table, 0, _("Area"), 1.5, KORAK_ALIGN_START);
  korak_table_set_column (table, 1, with_steps ? _("Goal and steps") : _("Goal"), 5.0, KORAK_ALIGN_START);
  korak_table_set_column (table, 2, _("Target date"), 1.5, KORAK_ALIGN_START);
  korak_table_set_column (table, 3, _("Status"), 1.4, KORAK_ALIGN_START);
  for (guint i = 0; i < plan->goals->len; i++)
    {
      const KorakGoalRecord *goal = g_ptr_array_index (plan->goals, i);
      g_autofree char *text = dup_goal_text (goal, with_steps);
      g_autofree char *target = dup_date (goal->target_date);
      const char *cells[4] = {
        korak_choice_label (korak_goal_areas (), goal->area),
        text,
        target,
        korak_choice_label (korak_goal_statuses (), goal->status),
      };

      korak_table_add_row (table, cells);
    }
  korak_document_add_table (document, g_steal_pointer (&table));
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
  g_auto(Person) person = { NULL };
  g_autoptr(KorakPlanRecord) plan = NULL;
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(KorakTable) barriers = NULL;
  g_autofree char *title = NULL;
  const char *captions[] = { _("Participant"), _("Mentor"), NULL };

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!person_load (&person, store, participant_id, error) ||
      !(plan = korak_store_get_plan (store, participant_id, error)))
    return NULL;

  /* Translators: the title of a plan's PDF, %s is the participant */
  title = g_strdup_printf (_("Individual plan — %s"), person.name);
  if (!(document = new_document (store, title, FALSE, error)))
    return NULL;

  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_START, _("Individual plan"));
  korak_document_add_space (document, 6.0);
  korak_document_add_field (document, _("Participant"), person.name);
  add_participant_field (document, person.participant, KORAK_FIELD_BIRTH_DATE);
  add_programme_fields (document, &person);
  add_field_take (document, _("Agreed on"), dup_date (plan->agreed_date));
  add_field_take (document, _("Next review"), dup_date (plan->next_review_date));
  if (plan->id == 0)
    {
      korak_document_add_space (document, 6.0);
      add_note (document, _("No plan has been saved yet."));
    }

  korak_document_add_heading (document, _("Diagnosis"));
  add_field_text (document, _("Interests"), plan->interests);
  add_field_text (document, _("Strengths"), plan->strengths);
  add_field_text (document, _("Work experience"), plan->work_experience);
  add_field_text (document, _("Education"), plan->education);

  korak_document_add_heading (document, _("Barriers"));
  barriers = korak_table_new (2);
  korak_table_set_column (barriers, 0, _("Barrier"), 1.0, KORAK_ALIGN_START);
  korak_table_set_column (barriers, 1, _("Remark"), 2.6, KORAK_ALIGN_START);
  for (guint i = 0; plan->barriers != NULL && i < plan->barriers->len; i++)
    {
      const KorakBarrierRecord *b = g_ptr_array_index (plan->barriers, i);
      const char *cells[2];

      if (!b->checked)
        continue;
      cells[0] = korak_choice_label (korak_barrier_kinds (), b->kind);
      cells[1] = b->remark;
      korak_table_add_row (barriers, cells);
    }
  if (korak_table_get_n_rows (barriers) > 0)
    korak_document_add_table (document, g_steal_pointer (&barriers));
  else
    add_note (document, _("No barriers noted."));

  korak_document_add_heading (document, _("Goals"));
  add_goals_table (document, plan, TRUE);

  korak_document_add_heading (document, _("Planned activities"));
  if (plan->activities == NULL || plan->activities->len == 0)
    add_note (document, _("No activities planned yet."));
  else
    {
      g_autoptr(KorakTable) activities = korak_table_new (3);

      korak_table_set_column (activities, 0, _("Activity"), 3.0, KORAK_ALIGN_START);
      korak_table_set_column (activities, 1, _("Planned"), 1.2, KORAK_ALIGN_START);
      korak_table_set_column (activities, 2, _("Done"), 1.2, KORAK_ALIGN_START);
      for (guint i = 0; i < plan->activities->len; i++)
        {
          const KorakPlanActivityRecord *a = g_ptr_array_index (plan->activities, i);
          g_autofree char *planned = dup_date (a->planned_date);
          g_autofree char *done = dup_date (a->done_date);
          const char *cells[3] = { korak_activity_label (a->activity_name), planned, done };

          korak_table_add_row (activities, cells);
        }
      korak_document_add_table (document, g_steal_pointer (&activities));
    }

  korak_document_add_space (document, 24.0);
  korak_document_add_signatures (document, captions, TRUE);

  return g_steal_pointer (&document);
}

/* -------------------------------------------------------------- progress */

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

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

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

  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_START, _("Individual progress report"));
  korak_document_add_space (document, 6.0);
  korak_document_add_field (document, _("Participant"), person.name);
  add_participant_field (document, person.participant, KORAK_FIELD_BIRTH_DATE);
  add_participant_field (document, person.participant, KORAK_FIELD_TARGET_GROUP);
  add_participant_field (document, person.participant, KORAK_FIELD_MOTHER_TONGUE);
  add_programme_fields (document, &person);
  if (person.enrolment != NULL)
    {
      const char *end = person.enrolment->end_date ? person.enrolment->end_date : person.enrolment->exit_date;

      add_field_take (document, _("In the programme"), dup_date_range (person.enrolment->start_date, end));
      korak_document_add_field (document, _("Status"), enrolment_status_label (person.enrolment->status));
    }

  for (guint i = 0; i < weeks->len; i++)
    attended += g_array_index (weeks, KorakWeekHours, i).hours;
  if (person.cohort != NULL && person.cohort->required_hours > 0)
    {
      g_autofree char *done = dup_hours (attended);

      /* Translators: hours attended of those the programme requires, "212 of 480" */
      add_field_take (document, _("Hours attended"),
                      g_strdup_printf (_("%s of %d"), done, person.cohort->required_hours));
    }
  else
    add_field_take (document, _("Hours attended"), dup_hours (attended));

  korak_document_add_heading (document, _("Plan goals"));
  add_goals_table (document, plan, FALSE);

  korak_document_add_heading (document, _("Competencies at intake and latest"));
  if (summary->assessments->len == 0)
    add_note (document, _("No assessments yet."));
  else
    {
      KorakStarData *star = g_new0 (KorakStarData, 1);

      korak_star_data_fill_first_last (star, summary);
      korak_document_add_drawing (document, CHART_WIDTH, STAR_HEIGHT, draw_star, star, free_star);
    }

  korak_document_add_heading (document, _("Attendance hours per week"));
  if (weeks->len == 0)
    add_note (document, _("No attendance recorded yet."));
  else
    {
      KorakAttendanceData *data = g_new0 (KorakAttendanceData, 1);

      korak_attendance_data_fill (data, weeks, required);
      korak_document_add_drawing (document, CHART_WIDTH, ATTENDANCE_HEIGHT, draw_attendance, data, free_attendance);
    }

  korak_document_add_heading (document, _("Small wins"));
  wins = korak_table_new (2);
  korak_table_set_column (wins, 0, _("Date"), 1.0, KORAK_ALIGN_START);
  korak_table_set_column (wins, 1, _("Small win"), 5.0, KORAK_ALIGN_START);
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
      cells[1] = entry->text;
      korak_table_add_row (wins, cells);
    }
  if (korak_table_get_n_rows (wins) > 0)
    korak_document_add_table (document, g_steal_pointer (&wins));
  else
    add_note (document, _("No small wins recorded yet."));

  korak_document_add_heading (document, _("Exit"));
  if (person.enrolment == NULL || g_strcmp0 (person.enrolment->status, "active") == 0)
    add_note (document, _("Still in the programme."));
  else
    {
      const char *date = person.enrolment->exit_date ? person.enrolment->exit_date : person.enrolment->end_date;

      add_field_take (document, _("Date"), dup_date (date));
      if (person.enrolment->exit_reason != NULL)
        korak_document_add_field (document, _("Reason"),
                                  korak_choice_label (korak_exit_reasons (), person.enrolment->exit_reason));
      else
        korak_document_add_field (document, _("Reason"), enrolment_status_label (person.enrolment->status));
      /* The outcome is a reason's code, or what the mentor typed. */
      if (person.enrolment->exit_outcome != NULL && *person.enrolment->exit_outcome != '\0')
        korak_document_add_field (document, _("Outcome"),
                                  korak_choice_label (korak_exit_reasons (), person.enrolment->exit_outcome));
      else
        korak_document_add_field (document, _("Outcome"), EN_DASH);
      if (person.enrolment->exit_positive >= 0)
        korak_document_add_field (document, _("Positive exit"), person.enrolment->exit_positive ? _("Yes") : _("No"));
    }

  korak_document_add_heading (document, _("Follow-ups"));
  if (follow_ups->len == 0)
    add_note (document, _("No follow-ups scheduled."));
  else
    {
      g_autoptr(KorakTable) table = korak_table_new (4);

      korak_table_set_column (table, 0, _("Due"), 2.0, KORAK_ALIGN_START);
      korak_table_set_column (table, 1, _("Done"), 1.1, KORAK_ALIGN_START);
      korak_table_set_column (table, 2, _("Employment status"), 1.8, KORAK_ALIGN_START);
      korak_table_set_column (table, 3, _("Situation"), 3.2, KORAK_ALIGN_START);
      for (guint i = 0; i < follow_ups->len; i++)
        {
          const KorakFollowUpRecord *f = g_ptr_array_index (follow_ups, i);
          g_autofree char *due = dup_date (f->due_date);
          /* Translators: a follow-up's due date and how long after the exit, "2. 9. 2026 (3 months)" */
          g_autofree char *due_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d month)", "%s (%d months)",
                                                                    f->months), due, f->months);
          g_autofree char *done = f->done_date ? dup_date (f->done_date) : g_strdup (_("Not yet"));
          const char *cells[4] = {
            due_text,
            done,
            f->employment_status ? korak_choice_label (korak_employment_statuses (), f->employment_status) : EN_DASH,
            or_dash (f->situation),
          };

          korak_table_add_row (table, cells);
        }
      korak_document_add_table (document, g_steal_pointer (&table));
    }

  return g_steal_pointer (&document);
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
  korak_table_set_column (table, 0, _("Name"), 5.0, KORAK_ALIGN_START);
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
