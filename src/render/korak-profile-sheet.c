/* korak-profile-sheet.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-profile-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "korak-date.h"
#include "korak-profile-sheet.h"

#define EN_DASH "\u2013"

/**
 * korak_profile_sheet_dup_name:
 *
 * Returns: (transfer full): "Given Family", or a dash for a record with no name.
 */
char *
korak_profile_sheet_dup_name (const KorakParticipantRecord *record)
{
  const char *given = korak_participant_record_get (record, KORAK_FIELD_GIVEN_NAME);
  const char *family = korak_participant_record_get (record, KORAK_FIELD_FAMILY_NAME);
  g_autofree char *name = g_strstrip (g_strdup_printf ("%s %s", given, family));

  if (*name == '\0')
    return g_strdup (EN_DASH);

  return g_steal_pointer (&name);
}

/**
 * korak_profile_sheet_dup_field_text:
 *
 * Returns: (transfer full): a participant field as a person reads it on
 *   paper: translated choices, dates in the locale's form, Yes/No, a dash
 *   when empty.
 */
char *
korak_profile_sheet_dup_field_text (const KorakParticipantRecord *record,
                                    KorakParticipantField         field)
{
  const KorakFieldInfo *info = korak_participant_field_info (field);
  const char *value = record->values[field];

  if (value == NULL || *value == '\0')
    return g_strdup (EN_DASH);

  switch (info->kind)
    {
    case KORAK_FIELD_KIND_BOOLEAN:
      return g_strdup (g_str_equal (value, "0") ? _("No") : _("Yes"));

    case KORAK_FIELD_KIND_CHOICE:
      return g_strdup (korak_choice_label (info->choices, value));

    case KORAK_FIELD_KIND_DATE:
    case KORAK_FIELD_KIND_PAST_DATE:
      return korak_date_format (value);

    case KORAK_FIELD_KIND_TEXT:
    case KORAK_FIELD_KIND_NAME:
    case KORAK_FIELD_KIND_EMAIL:
    case KORAK_FIELD_KIND_PHONE:
    default:
      return g_strdup (value);
    }
}

static char *
dup_archived_text (const KorakParticipantRecord *record)
{
  g_autofree char *day = NULL;
  g_autofree char *formatted = NULL;

  if (record->archived_at == NULL || *record->archived_at == '\0')
    return NULL;

  day = g_strndup (record->archived_at, 10);
  if (!korak_date_is_iso (day))
    return g_strdup (_("Archived"));

  formatted = korak_date_format (day);
  /* Translators: shown on the printed profile of an archived participant;
   * %s is the date it was archived. */
  return g_strdup_printf (_("Archived on %s"), formatted);
}

/**
 * korak_profile_sheet_add_to_document:
 * @document: the document to add to
 * @record: the participant
 *
 * Adds the profile: a header with the participant's name and cohort, then
 * one label/value field per column of the record, in the order of the
 * enum; the footer of the section names the participant, since the pages
 * after the first have no header.
 */
void
korak_profile_sheet_add_to_document (KorakDocument                *document,
                                     const KorakParticipantRecord *record)
{
  g_autofree char *full_name = NULL;
  g_autofree char *today = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *archived = NULL;
  g_autofree char *running = NULL;

  g_return_if_fail (document != NULL);
  g_return_if_fail (record != NULL);

  full_name = korak_profile_sheet_dup_name (record);
  today = korak_date_today ();
  today_text = korak_date_format (today);

  korak_document_add_text (document, KORAK_TEXT_LABEL, KORAK_ALIGN_START,
                           _("Participant profile"));
  korak_document_add_text (document, KORAK_TEXT_TITLE, KORAK_ALIGN_START, full_name);

  if (record->cohort_name != NULL && *record->cohort_name != '\0')
    /* Translators: %s is the name of the programme run the participant is enrolled in. */
    cohort = g_strdup_printf (_("Cohort: %s"), record->cohort_name);
  else
    cohort = g_strdup (_("Not enrolled"));
  korak_document_add_text (document, KORAK_TEXT_BODY, KORAK_ALIGN_START, cohort);

  archived = dup_archived_text (record);
  if (archived != NULL)
    korak_document_add_text (document, KORAK_TEXT_LABEL, KORAK_ALIGN_START, archived);

  /* Translators: %s is today's date on a printed participant profile. */
  printed = g_strdup_printf (_("Printed %s"), today_text);
  korak_document_add_text (document, KORAK_TEXT_SMALL, KORAK_ALIGN_START, printed);

  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    {
      const KorakFieldInfo *info = korak_participant_field_info (i);
      g_autofree char *value = korak_profile_sheet_dup_field_text (record, i);

      korak_document_add_field (document, _(info->label), value);
    }

  /* Translators: the running header on the second and later pages of a
   * printed participant profile; %s is the participant's name. */
  running = g_strdup_printf (_("Participant profile — %s"), full_name);
  korak_document_set_footer_text (document, running);
}

/**
 * korak_profile_sheet_new_document:
 * @record: the participant
 *
 * Returns: (transfer full): the profile as an A4 document with no letterhead
 */
KorakDocument *
korak_profile_sheet_new_document (const KorakParticipantRecord *record)
{
  g_autofree char *full_name = NULL;
  g_autofree char *title = NULL;
  KorakDocument *document;

  g_return_val_if_fail (record != NULL, NULL);

  full_name = korak_profile_sheet_dup_name (record);
  title = g_strdup_printf (_("Participant profile — %s"), full_name);
  document = korak_document_new (title, NULL);
  korak_profile_sheet_add_to_document (document, record);

  return document;
}

/**
 * korak_profile_sheet_count_pages:
 * @record: the participant
 * @width: page width in points
 * @height: page height in points
 *
 * Returns: how many pages korak_profile_sheet_draw_page() draws, at least 1.
 */
int
korak_profile_sheet_count_pages (const KorakParticipantRecord *record,
                                 double                        width,
                                 double                        height)
{
  g_autoptr(KorakDocument) document = NULL;

  g_return_val_if_fail (record != NULL, 1);
  g_return_val_if_fail (width > 0 && height > 0, 1);

  document = korak_profile_sheet_new_document (record);
  return korak_document_layout (document, width, height);
}

/**
 * korak_profile_sheet_draw_page:
 * @cr: where to draw, in points, origin at the page's top-left corner
 * @width: page width in points
 * @height: page height in points
 * @record: the participant
 * @page: 0-based page number
 *
 * Draws one page in black on whatever is already there (paper is white);
 * the state of @cr is kept. This lays the profile out anew on every call:
 * to draw many pages, lay out one korak_profile_sheet_new_document().
 */
void
korak_profile_sheet_draw_page (cairo_t                      *cr,
                               double                        width,
                               double                        height,
                               const KorakParticipantRecord *record,
                               int                           page)
{
  g_autoptr(KorakDocument) document = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (record != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (page >= 0);

  document = korak_profile_sheet_new_document (record);
  korak_document_layout (document, width, height);
  korak_document_draw_page (document, cr, page);
}

/**
 * korak_profile_sheet_write_pdf:
 * @record: the participant
 * @path: the PDF file to write, replaced if it exists
 * @error: return location for a #GError
 *
 * Writes every page of the profile to an A4 PDF.
 */
gboolean
korak_profile_sheet_write_pdf (const KorakParticipantRecord  *record,
                               const char                    *path,
                               GError                       **error)
{
  g_autoptr(KorakDocument) document = NULL;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = korak_profile_sheet_new_document (record);
  return korak_document_write_pdf (document, path, error);
}
