/* test-mediators.c — who interpreted, and the mediator hours
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "korak-assessment.h"
#include "korak-document.h"
#include "korak-mediator-report.h"
#include "korak-mediators.h"
#include "korak-notes.h"
#include "korak-schedule.h"

/*
 * The fixture, by hand: mediators Ardita (A) and Lejla (L); cohorts
 * "Celje 1" (mediator A) and "Kranj 1" (mediator L), both from Monday
 * 6 January 2025; Petra (P1) and Rina (P3) in Celje, Sara (P2) in Kranj.
 *
 *   Celje  01-13 09:00–13:00 group        A sq   4 h
 *          01-15 09:00–12:30 group        A sq   3.5 h
 *          01-17 09:00–13:00 group        A sq   cancelled: not counted
 *          01-20 09:00–13:00 group        no mediator: not counted
 *          01-21 10:00–10:45 P1's own     A sq   0.75 h individual
 *          01-22 09:00–11:00 visit        L ar   2 h
 *          01-23 09:00–10:00 group        present, not recorded who or which language: 1 h
 *          02-03 10:00–11:30 P3's own     A rom  1.5 h individual
 *   Kranj  01-13 09:00–13:00 group        L ar   4 h
 *          01-14 14:00–15:00 P2's own     L ar   1 h individual
 *          01-15 09:00–13:00 work practice L bs  4 h
 *
 * Assessments: P1 01-21 A sq; P2 01-14 L ar; P2 02-10 without a mediator.
 * Notes: P1 01-21 A sq; the Kranj group 01-13 L ar; P3 02-03 a mediator,
 * not recorded which, rom.
 */

typedef struct
{
  char       *dir;
  char       *path;
  KorakStore *store;
  gint64      mentor;
  gint64      ardita;
  gint64      lejla;
  gint64      celje;
  gint64      kranj;
  gint64      p1;
  gint64      p2;
  gint64      p3;
} Fixture;

static gint64
new_staff (KorakStore *store,
           const char *given,
           const char *family,
           const char *role)
{
  g_autoptr(KorakStaffRecord) staff = korak_staff_record_new ();
  g_autoptr(GError) error = NULL;

  staff->given_name = g_strdup (given);
  staff->family_name = g_strdup (family);
  staff->role = g_strdup (role);
  g_assert_true (korak_store_save_staff (store, staff, &error));
  g_assert_no_error (error);
  return staff->id;
}

static gint64
new_person (KorakStore *store,
            const char *given,
            const char *family,
            gint64      cohort)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autoptr(GError) error = NULL;

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given);
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
  g_assert_true (korak_store_insert_participant (store, record, &error));
  g_assert_no_error (error);
  g_assert_true (korak_store_enrol (store, record->id, cohort, "2025-01-06", &error));
  g_assert_no_error (error);
  return record->id;
}

static gint64
new_cohort (KorakStore *store,
            gint64      programme,
            const char *name,
            gint64      mediator)
{
  g_autoptr(KorakCohortDetail) detail = korak_cohort_detail_new ();
  g_autoptr(GError) error = NULL;

  detail->programme_id = programme;
  detail->name = g_strdup (name);
  detail->start_date = g_strdup ("2025-01-06");
  detail->mediator_id = mediator;
  g_assert_true (korak_store_save_cohort (store, detail, &error));
  g_assert_no_error (error);
  return detail->id;
}

static gint64
add_session (Fixture    *f,
             gint64      cohort,
             const char *date,
             const char *start,
             const char *end,
             const char *kind,
             gint64      participant,
             gboolean    present,
             gint64      mediator,
             const char *language)
{
  g_autoptr(KorakSessionRecord) record = korak_session_record_new ();
  g_autoptr(GError) error = NULL;

  record->cohort_id = cohort;
  record->date = g_strdup (date);
  record->start_time = g_strdup (start);
  record->end_time = g_strdup (end);
  g_free (record->kind);
  record->kind = g_strdup (kind);
  record->participant_id = participant;
  record->mediator_present = present;
  record->mediator_id = mediator;
  record->conversation_language = g_strdup (language);
  g_assert_true (korak_store_save_session (f->store, record, &error));
  g_assert_no_error (error);
  return record->id;
}

static gint64
add_assessment (Fixture    *f,
                gint64      participant,
                const char *date,
                const char *kind,
                gint64      mediator,
                const char *language)
{
  g_autoptr(KorakAssessmentRecord) record = korak_assessment_record_new ();
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;

  areas = korak_store_list_areas (f->store, FALSE, &error);
  g_assert_no_error (error);
  record->participant_id = participant;
  record->date = g_strdup (date);
  record->kind = g_strdup (kind);
  record->mediator_id = mediator;
  record->conversation_language = g_strdup (language);
  korak_assessment_record_set_score (record, ((KorakAreaRecord *)g_ptr_array_index (areas, 0))->id, 5, NULL);
  g_assert_true (korak_store_save_assessment (f->store, record, &error));
  g_assert_no_error (error);
  return record->id;
}

static gint64
add_note (Fixture    *f,
          gint64      participant,
          gint64      cohort,
          const char *date,
          gboolean    present,
          gint64      mediator,
          const char *language)
{
  g_autoptr(KorakNoteRecord) record = korak_note_record_new ();
  g_autoptr(GError) error = NULL;

  record->participant_id = participant;
  record->cohort_id = cohort;
  record->date = g_strdup (date);
  record->language = g_strdup ("sl");
  record->text = g_strdup ("Pogovor z mediatorko.");
  record->mediator_present = present;
  record->mediator_id = mediator;
  record->conversation_language = g_strdup (language);
  g_assert_true (korak_store_save_note (f->store, record, &error));
  g_assert_no_error (error);
  return record->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KorakProgrammeRecord) programme = korak_programme_record_new ();
  g_autoptr(GError) error = NULL;
  gint64 cancelled;

  f->dir = g_dir_make_tmp ("korak-test-mediators-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "korak.db", NULL);
  f->store = korak_store_open (f->path, &error);
  g_assert_no_error (error);

  f->mentor = new_staff (f->store, "Mateja", "Kern", "mentor");
  f->ardita = new_staff (f->store, "Ardita", "Berisha", "mediator");
  f->lejla = new_staff (f->store, "Lejla", "Begović", "mediator");
  programme->name = g_strdup ("Socialna aktivacija");
  g_assert_true (korak_store_save_programme (f->store, programme, &error));
  g_assert_no_error (error);
  f->celje = new_cohort (f->store, programme->id, "Celje 1", f->ardita);
  f->kranj = new_cohort (f->store, programme->id, "Kranj 1", f->lejla);
  f->p1 = new_person (f->store, "Petra", "Hoxha", f->celje);
  f->p2 = new_person (f->store, "Sara", "Haddad", f->kranj);
  f->p3 = new_person (f->store, "Rina", "Gashi", f->celje);

  add_session (f, f->celje, "2025-01-13", "09:00", "13:00", "group", 0, TRUE, f->ardita, "sq");
  add_session (f, f->celje, "2025-01-15", "09:00", "12:30", "group", 0, TRUE, f->ardita, "sq");
  cancelled = add_session (f, f->celje, "2025-01-17", "09:00", "13:00", "group", 0, TRUE, f->ardita, "sq");
  g_assert_true (korak_store_cancel_session (f->store, cancelled, "Mentor bolna", &error));
  g_assert_no_error (error);
  add_session (f, f->celje, "2025-01-20", "09:00", "13:00", "group", 0, FALSE, 0, NULL);
  add_session (f, f->celje, "2025-01-21", "10:00", "10:45", "individual", f->p1, TRUE, f->ardita, "sq");
  add_session (f, f->celje, "2025-01-22", "09:00", "11:00", "visit", 0, TRUE, f->lejla, "ar");
  add_session (f, f->celje, "2025-01-23", "09:00", "10:00", "group", 0, TRUE, 0, NULL);
  add_session (f, f->celje, "2025-02-03", "10:00", "11:30", "individual", f->p3, TRUE, f->ardita, "rom");
  add_session (f, f->kranj, "2025-01-13", "09:00", "13:00", "group", 0, TRUE, f->lejla, "ar");
  add_session (f, f->kranj, "2025-01-14", "14:00", "15:00", "individual", f->p2, TRUE, f->lejla, "ar");
  add_session (f, f->kranj, "2025-01-15", "09:00", "13:00", "work_practice", 0, TRUE, f->lejla, "bs");

  add_assessment (f, f->p1, "2025-01-21", "intake", f->ardita, "sq");
  add_assessment (f, f->p2, "2025-01-14", "intake", f->lejla, "ar");
  add_assessment (f, f->p2, "2025-02-10", "review", 0, NULL);

  add_note (f, f->p1, 0, "2025-01-21", FALSE, f->ardita, "sq");
  add_note (f, 0, f->kranj, "2025-01-13", TRUE, f->lejla, "ar");
  add_note (f, f->p3, 0, "2025-02-03", TRUE, 0, "rom");
  /* Not counted: no mediator, though the conversation's language is known. */
  add_note (f, f->p1, 0, "2025-01-22", FALSE, 0, "sq");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_unlink (f->path);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The line of @lines with these keys, or NULL. */
static const KorakMediatorHours *
find (GPtrArray  *lines,
      gint64      cohort,
      gint64      mediator,
      const char *language)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const KorakMediatorHours *h = g_ptr_array_index (lines, i);

      if (h->cohort_id == cohort && h->mediator_id == mediator && g_strcmp0 (h->language, language) == 0)
        return h;
    }
  return NULL;
}

static void
assert_line (const KorakMediatorHours *h,
             double                    group_hours,
             double                    individual_hours,
             int                       n_sessions,
             int                       n_individual,
             int                       n_assessments,
             int                       n_notes)
{
  g_assert_nonnull (h);
  g_assert_cmpfloat_with_epsilon (h->group_hours, group_hours, 1e-9);
  g_assert_cmpfloat_with_epsilon (h->individual_hours, individual_hours, 1e-9);
  g_assert_cmpint (h->n_sessions, ==, n_sessions);
  g_assert_cmpint (h->n_individual, ==, n_individual);
  g_assert_cmpint (h->n_assessments, ==, n_assessments);
  g_assert_cmpint (h->n_notes, ==, n_notes);
}

static void
test_totals (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KorakMediatorSummary) all = NULL;
  g_autoptr(GError) error = NULL;
  const KorakMediatorHours *first;

  all = korak_store_mediator_hours (f->store, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (all->rows->len, ==, 7);
  assert_line (find (all->rows, f->celje, f->ardita, "sq"), 7.5, 0.75, 2, 1, 1, 1);
  assert_line (find (all->rows, f->celje, f->ardita, "rom"), 0, 1.5, 0, 1, 0, 0);
  assert_line (find (all->rows, f->celje, f->lejla, "ar"), 2, 0, 1, 0, 0, 0);
  assert_line (find (all->rows, f->celje, 0, NULL), 1, 0, 1, 0, 0, 0);
  assert_line (find (all->rows, f->celje, 0, "rom"), 0, 0, 0, 0, 0, 1);
  assert_line (find (all->rows, f->kranj, f->lejla, "ar"), 4, 1, 1, 1, 1, 1);
  assert_line (find (all->rows, f->kranj, f->lejla, "bs"), 4, 0, 1, 0, 0, 0);

  /* By cohort name, then mediator name (not recorded last), then language. */
  first = g_ptr_array_index (all->rows, 0);
  g_assert_cmpstr (first->cohort_name, ==, "Celje 1");
  g_assert_cmpstr (first->mediator_name, ==, "Ardita Berisha");
  g_assert_cmpstr (first->language, ==, "sq");
  g_assert_cmpstr (((KorakMediatorHours *)g_ptr_array_index (all->rows, 4))->mediator_name, ==,
                   "Mediator not recorded");

  g_assert_cmpuint (all->by_mediator->len, ==, 3);
  assert_line (find (all->by_mediator, 0, f->ardita, NULL), 7.5, 2.25, 2, 2, 1, 1);
  assert_line (find (all->by_mediator, 0, f->lejla, NULL), 10, 1, 3, 1, 1, 1);
  assert_line (find (all->by_mediator, 0, 0, NULL), 1, 0, 1, 0, 0, 1);

  g_assert_cmpuint (all->by_language->len, ==, 5);
  assert_line (find (all->by_language, 0, 0, "sq"), 7.5, 0.75, 2, 1, 1, 1);
  assert_line (find (all->by_language, 0, 0, "rom"), 0, 1.5, 0, 1, 0, 1);
  assert_line (find (all->by_language, 0, 0, "ar"), 6, 1, 2, 1, 1, 1);
  assert_line (find (all->by_language, 0, 0, "bs"), 4, 0, 1, 0, 0, 0);
  assert_line (find (all->by_language, 0, 0, NULL), 1, 0, 1, 0, 0, 0);

  assert_line (all->total, 18.5, 3.25, 6, 3, 2, 3);
  g_assert_cmpfloat_with_epsilon (korak_mediator_hours_total (all->total), 21.75, 1e-9);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KorakMediatorSummary) celje = NULL;
  g_autoptr(KorakMediatorSummary) january = NULL;
  g_autoptr(KorakMediatorSummary) none = NULL;
  g_autoptr(GError) error = NULL;

  celje = korak_store_mediator_hours (f->store, f->celje, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (celje->rows->len, ==, 5);
  assert_line (celje->total, 10.5, 2.25, 4, 2, 1, 2);
  assert_line (find (celje->by_mediator, 0, f->lejla, NULL), 2, 0, 1, 0, 0, 0);

  january = korak_store_mediator_hours (f->store, 0, "2025-01-01", "2025-01-31", &error);
  g_assert_no_error (error);
  assert_line (january->total, 18.5, 1.75, 6, 2, 2, 2);
  g_assert_null (find (january->rows, f->celje, f->ardita, "rom"));

  /* Only the first day: the two sessions of 13 January and the group note. */
  none = korak_store_mediator_hours (f->store, 0, "2025-01-13", "2025-01-13", &error);
  g_assert_no_error (error);
  assert_line (none->total, 8, 0, 2, 0, 0, 1);

  g_assert_null (korak_store_mediator_hours (f->store, 0, "2025-02-01", "2025-01-01", &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (korak_store_mediator_hours (f->store, 0, "1. 1. 2025", NULL, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
}

static void
test_records (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  const KorakSessionRecord *own = NULL;
  const KorakNoteRecord *note;
  gint64 id;

  sessions = korak_store_list_sessions (f->store, f->celje, "2025-01-21", "2025-01-21", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  own = g_ptr_array_index (sessions, 0);
  g_assert_true (own->mediator_present);
  g_assert_cmpint (own->mediator_id, ==, f->ardita);
  g_assert_cmpstr (own->mediator_name, ==, "Ardita Berisha");
  g_assert_cmpstr (own->conversation_language, ==, "sq");
  {
    g_autoptr(KorakSessionRecord) copy = korak_session_record_copy (own);

    g_assert_cmpstr (copy->mediator_name, ==, "Ardita Berisha");
    g_assert_cmpstr (copy->conversation_language, ==, "sq");
  }

  assessments = korak_store_list_assessments (f->store, f->p2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 2);
  g_assert_cmpint (((KorakAssessmentRecord *)g_ptr_array_index (assessments, 0))->mediator_id, ==, f->lejla);
  g_assert_cmpstr (((KorakAssessmentRecord *)g_ptr_array_index (assessments, 0))->mediator_name, ==, "Lejla Begović");
  g_assert_true (((KorakAssessmentRecord *)g_ptr_array_index (assessments, 0))->mediator_present);
  g_assert_false (((KorakAssessmentRecord *)g_ptr_array_index (assessments, 1))->mediator_present);
  g_assert_null (((KorakAssessmentRecord *)g_ptr_array_index (assessments, 1))->conversation_language);

  /* A mediator named on a note saved as "not present" was present. */
  notes = korak_store_list_notes (f->store, f->p1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  note = g_ptr_array_index (notes, 1);
  g_assert_cmpstr (note->date, ==, "2025-01-21");
  g_assert_true (note->mediator_present);
  g_assert_cmpint (note->mediator_id, ==, f->ardita);
  g_assert_cmpstr (note->mediator_name, ==, "Ardita Berisha");
  g_assert_cmpstr (note->conversation_language, ==, "sq");
  note = g_ptr_array_index (notes, 0);
  g_assert_false (note->mediator_present);
  g_assert_cmpstr (note->conversation_language, ==, "sq");

  /* A tag is stored in its usual spelling. */
  id = add_note (f, f->p3, 0, "2025-01-24", TRUE, f->ardita, "SR-latn");
  {
    g_autoptr(KorakNoteRecord) read = korak_store_get_note (f->store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (read->conversation_language, ==, "sr-Latn");
  }

  /* The cohort's mediator is offered first; a participant's is their cohort's. */
  {
    gint64 mediator = -1;

    g_assert_true (korak_store_default_mediator (f->store, f->p2, 0, &mediator, &error));
    g_assert_cmpint (mediator, ==, f->lejla);
    g_assert_true (korak_store_default_mediator (f->store, 0, f->celje, &mediator, &error));
    g_assert_cmpint (mediator, ==, f->ardita);
    g_assert_no_error (error);
  }
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KorakSessionRecord) session = korak_session_record_new ();
  g_autoptr(KorakAssessmentRecord) assessment = korak_assessment_record_new ();
  g_autoptr(KorakNoteRecord) note = korak_note_record_new ();
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;

  session->cohort_id = f->celje;
  session->date = g_strdup ("2025-01-27");
  session->start_time = g_strdup ("09:00");
  session->end_time = g_strdup ("10:00");
  session->mediator_present = TRUE;
  session->mediator_id = 4242;
  g_assert_false (korak_store_save_session (f->store, session, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "mediator"));
  g_clear_error (&error);
  g_assert_cmpint (session->id, ==, 0);

  session->mediator_id = f->ardita;
  session->conversation_language = g_strdup ("not a language!");
  g_assert_false (korak_store_save_session (f->store, session, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a language!"));
  g_clear_error (&error);

  /* Any staff member may be named; naming one says one was present. */
  g_clear_pointer (&session->conversation_language, g_free);
  session->mediator_id = f->mentor;
  session->mediator_present = FALSE;
  g_assert_true (korak_store_save_session (f->store, session, &error));
  g_assert_no_error (error);
  g_assert_true (session->mediator_present);
  g_assert_cmpstr (session->mediator_name, ==, "Mateja Kern");

  areas = korak_store_list_areas (f->store, FALSE, &error);
  g_assert_no_error (error);
  assessment->participant_id = f->p3;
  assessment->date = g_strdup ("2025-01-27");
  assessment->kind = g_strdup ("intake");
  korak_assessment_record_set_score (assessment, ((KorakAreaRecord *)g_ptr_array_index (areas, 0))->id, 4, NULL);
  assessment->mediator_id = 4242;
  g_assert_false (korak_store_save_assessment (f->store, assessment, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assessment->mediator_id = 0;
  assessment->conversation_language = g_strdup ("x y");
  g_assert_false (korak_store_save_assessment (f->store, assessment, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (assessment->id, ==, 0);

  note->participant_id = f->p3;
  note->date = g_strdup ("2025-01-27");
  note->language = g_strdup ("sl");
  note->text = g_strdup ("Besedilo.");
  note->mediator_id = 4242;
  g_assert_false (korak_store_save_note (f->store, note, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  note->mediator_id = 0;
  note->conversation_language = g_strdup ("123");
  g_assert_false (korak_store_save_note (f->store, note, &error));
  g_assert_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (note->id, ==, 0);
}

/* The languages offered for a group: its members' who need a mediator first. */
static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) languages = NULL;
  g_autoptr(KorakParticipantRecord) record = NULL;

  record = korak_store_get_participant (f->store, f->p3, &error);
  g_assert_no_error (error);
  korak_participant_record_set (record, KORAK_FIELD_MOTHER_TONGUE, "albanščina");
  korak_participant_record_set (record, KORAK_FIELD_NEEDS_MEDIATOR, "1");
  g_assert_true (korak_store_update_participant (f->store, record, &error));
  g_assert_no_error (error);

  languages = korak_store_mediator_languages (f->store, 0, f->celje, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (languages[0], ==, "sq");
  g_assert_true (g_strv_contains ((const char * const *)languages, "sl"));
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    return NULL;
  return g_steal_pointer (&out);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KorakDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "mediators.pdf", NULL);
  g_autofree char *text = NULL;
  double width, height;

  if (!g_find_program_in_path ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  document = korak_report_mediator_hours (f->store, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  korak_document_get_paper_size (document, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_assert_true (korak_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Mediator hours"));
  g_assert_nonnull (strstr (text, "Celje 1"));
  g_assert_nonnull (strstr (text, "Lejla Begović"));
  g_assert_nonnull (strstr (text, "Mediator not recorded"));
  g_assert_nonnull (strstr (text, "Albanian"));
  g_assert_nonnull (strstr (text, "7.5"));
  g_assert_nonnull (strstr (text, "0.75"));
  g_assert_nonnull (strstr (text, "18.5"));
  g_assert_nonnull (strstr (text, "3.25"));
  g_assert_nonnull (strstr (text, "21.75"));
  g_unlink (pdf);
}

/* korak-cli report mediator-hours, to PDF and as text. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *cli = g_getenv ("KORAK_CLI");
  g_autofree char *pdf = g_build_filename (f->dir, "kranj.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cohort = g_strdup_printf ("%" G_GINT64_FORMAT, f->kranj);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (cli == NULL || !g_find_program_in_path ("pdftotext"))
    {
      g_test_skip ("KORAK_CLI is not set or pdftotext is not installed");
      return;
    }
  /* The tool opens the file itself. */
  g_clear_object (&f->store);

  {
    const char *argv[] = { cli, "report", "mediator-hours", "--database", f->path, "--text", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "Per mediator"));
    g_assert_nonnull (strstr (out, "Ardita Berisha"));
    g_assert_nonnull (strstr (out, "21.75"));
    g_clear_pointer (&out, g_free);
  }

  {
    const char *argv[] = { cli, "report", "mediator-hours", "--database", f->path, "--cohort", cohort,
                           "--from", "2025-01-01", "--to", "2025-01-31", "--output", pdf, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    text = pdf_text (pdf);
    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "Kranj 1"));
    g_assert_nonnull (strstr (text, "Bosnian"));
    g_assert_null (strstr (text, "Celje 1"));
    /* 4 + 4 group hours, 1 individual, 9 in all. */
    g_assert_nonnull (strstr (text, " 8 "));
    g_assert_nonnull (strstr (text, " 9 "));
  }

  {
    const char *argv[] = { cli, "report", "mediator-hours", "--database", f->path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
  }
  g_unlink (pdf);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/mediators/totals", test_totals);
  ADD ("/mediators/filters", test_filters);
  ADD ("/mediators/records", test_records);
  ADD ("/mediators/validation", test_validation);
  ADD ("/mediators/languages", test_languages);
  ADD ("/mediators/report", test_report);
  ADD ("/mediators/cli", test_cli);
#undef ADD

  return g_test_run ();
}
