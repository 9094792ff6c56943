/* korak-demo-edits.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-demo-edits"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "korak-date.h"
#include "korak-demo-edits.h"
#include "korak-participant-record.h"
#include "korak-plan.h"
#include "korak-schedule.h"
#include "korak-store-private.h"

/*
 * Sample edits, in Slovenian like the rest of the sample data (korak-demo.c)
 * and, like it, not translated: they are content, not interface text.
 */

static const char *given_names[] = {
  "Ana", "Nina", "Maja", "Lejla", "Amra", "Fatima", "Sara", "Mirela", "Jasmina", "Elma",
  "Marko", "Jure", "Senad", "Alen", "Dragan", "Luka", "Admir", "Rok", "Edin", "Tilen",
};

static const char *family_names[] = {
  "Novak", "Horvat", "Krajnc", "Zupan", "Hodžić", "Begić", "Kovačič", "Mehmedović",
  "Potočnik", "Husić", "Vidmar", "Kolar", "Halilović", "Golob", "Turk", "Omerović",
};

static const char *small_wins[] = {
  "Prvič je sama poklicala na zavod za zaposlovanje.",
  "Na delavnici je predstavila svoj izdelek skupini.",
  "Sama je izpolnila vlogo za otroški dodatek.",
  "Prišla je pravočasno ves teden.",
  "Z nasmehom je pozdravila novo udeleženko in ji pokazala prostore.",
  "Opravila je prvi dan delovne prakse v vrtnariji.",
};

static const char *concerns[] = {
  "Dva dni zapored je ni bilo; otrok je bolan.",
  "Omenila je težave s stanovanjem; dogovorjen pogovor na CSD.",
  "Zaradi avtobusnih voznih redov zamuja; iščemo prevoz.",
};

static const char *goals[] = {
  "Samostojno urediti dokumente za prijavo na zavodu",
  "Izboljšati znanje slovenščine do ravni A2",
  "Opraviti tečaj računalništva za začetnike",
  "Najti delovno prakso v kuhinji",
  "Pripraviti življenjepis in spremno pismo",
};

static const char *notes[] = {
  "Pogovor o ciljih: želi delati v šivalnici, potrebuje varstvo za otroka.",
  "Mediatorka je pomagala pri razgovoru; razume več, kot upa povedati.",
  "Dogovor s CSD o plačilu prevoza do konca modula.",
  "Na individualnem srečanju sva pregledala proračun za mesec.",
};

static const char *
pick (GRand        *rng,
      const char  **items,
      guint         n)
{
  return items[g_rand_int_range (rng, 0, n)];
}

#define PICK(rng, array) pick ((rng), (array), G_N_ELEMENTS (array))

static gboolean
mark_register (KorakStore          *store,
               GRand               *rng,
               KorakSessionRecord  *session,
               KorakDemoEditCounts *counts,
               GError             **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  double hours = korak_session_record_hours (session);

  if (!(entries = korak_store_get_register (store, session->id, error)))
    return FALSE;
  if (entries->len == 0)
    return TRUE;

  for (guint i = 0; i < entries->len; i++)
    {
      KorakRegisterEntry *entry = g_ptr_array_index (entries, i);
      double draw = g_rand_double (rng);

      g_free (entry->state);
      if (draw < 0.78)
        {
          entry->state = g_strdup ("present");
          entry->hours = hours;
        }
      else if (draw < 0.86)
        {
          entry->state = g_strdup ("late");
          entry->hours = MAX (0.5, hours - 1);
        }
      else if (draw < 0.94)
        {
          entry->state = g_strdup ("excused");
          entry->hours = 0;
        }
      else
        {
          entry->state = g_strdup ("absent");
          entry->hours = 0;
        }
      counts->marks++;
    }

  if (!korak_store_save_register (store, session->id, entries, error))
    return FALSE;
  counts->transactions++;
  return TRUE;
}

static gboolean
add_participant (KorakStore          *store,
                 GRand               *rng,
                 gint64               cohort_id,
                 const char          *date,
                 KorakDemoEditCounts *counts,
                 GError             **error)
{
  g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
  g_autofree char *phone = g_strdup_printf ("041 %03u %03u", g_rand_int_range (rng, 100, 1000),
                                            g_rand_int_range (rng, 100, 1000));

  korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, PICK (rng, given_names));
  korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, PICK (rng, family_names));
  korak_participant_record_set (record, KORAK_FIELD_PHONE, phone);
  korak_participant_record_set (record, KORAK_FIELD_MUNICIPALITY, "Kranj");
  korak_participant_record_set (record, KORAK_FIELD_REFERRAL_SOURCE, "csd");
  korak_participant_record_set (record, KORAK_FIELD_REFERRAL_DATE, date);
  korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
  if (!korak_store_insert_participant (store, record, error) ||
      !korak_store_enrol (store, record->id, cohort_id, date, error))
    return FALSE;

  counts->participants++;
  counts->transactions += 2;
  return TRUE;
}

static gboolean
add_goal (KorakStore          *store,
          GRand               *rng,
          gint64               participant_id,
          const char          *date,
          KorakDemoEditCounts *counts,
          GError             **error)
{
  g_autoptr(KorakPlanRecord) plan = NULL;
  KorakGoalRecord *goal;

  if (!(plan = korak_store_get_plan (store, participant_id, error)))
    return FALSE;
  goal = korak_plan_record_add_goal (plan, "functional", PICK (rng, goals), NULL);
  korak_goal_record_add_step (goal, "Dogovor z mentorico o prvem koraku", NULL);
  if (!korak_store_save_plan (store, plan, KORAK_PLAN_SAVE, date, error))
    return FALSE;

  counts->goals++;
  counts->transactions++;
  return TRUE;
}

/* Notes through SQL of their own: the notes store has its own tests. */
static gboolean
add_note (KorakStore          *store,
          GRand               *rng,
          gint64               participant_id,
          const char          *date,
          KorakDemoEditCounts *counts,
          GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!korak_store_begin (store, error))
    return FALSE;
  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO note (id, participant_id, date, language, text, author_id, updated_by) "
                                    "VALUES (?1, ?2, ?3, 'sl', ?4, nullif(?5, 0), nullif(?5, 0))", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 2, participant_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, PICK (rng, notes), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, korak_store_get_actor_id (store));
  if (!korak_store_insert_with_id (store, stmt, &id, error))
    goto failed;
  if (!korak_store_commit (store, error))
    return FALSE;

  counts->notes++;
  counts->transactions++;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

static gboolean
correct_phone (KorakStore          *store,
               GRand               *rng,
               gint64               participant_id,
               KorakDemoEditCounts *counts,
               GError             **error)
{
  g_autoptr(KorakParticipantRecord) record = NULL;
  g_autofree char *phone = g_strdup_printf ("031 %03u %03u", g_rand_int_range (rng, 100, 1000),
                                            g_rand_int_range (rng, 100, 1000));

  if (!(record = korak_store_get_participant (store, participant_id, error)))
    return FALSE;
  korak_participant_record_set (record, KORAK_FIELD_PHONE, phone);
  if (!korak_store_update_participant (store, record, error))
    return FALSE;

  counts->updates++;
  counts->transactions++;
  return TRUE;
}

gboolean
korak_demo_edit_cohort (KorakStore           *store,
                        gint64                cohort_id,
                        const char           *from,
                        guint                 n_days,
                        guint32               seed,
                        KorakDemoEditCounts  *counts,
                        GError              **error)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
  g_autoptr(GDate) day = g_date_new ();
  KorakDemoEditCounts local = { 0 };

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);

  if (counts == NULL)
    counts = &local;
  memset (counts, 0, sizeof *counts);

  g_date_set_parse (day, from);
  if (!g_date_valid (day))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID, _("“%s” is not a date."), from);
      return FALSE;
    }

  for (guint d = 0; d < n_days; d++, g_date_add_days (day, 1))
    {
      char iso[16];
      g_autoptr(GPtrArray) sessions = NULL;
      g_autoptr(GPtrArray) members = NULL;
      g_autoptr(GPtrArray) active = g_ptr_array_new ();

      g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day),
                  g_date_get_day (day));

      if (!(sessions = korak_store_list_sessions (store, cohort_id, iso, iso, error)))
        return FALSE;
      for (guint i = 0; i < sessions->len; i++)
        {
          KorakSessionRecord *session = g_ptr_array_index (sessions, i);

          if (session->cancelled_reason == NULL && !mark_register (store, rng, session, counts, error))
            return FALSE;
        }

      /* Weekdays bring the rest of the work. */
      if (g_date_get_weekday (day) >= G_DATE_SATURDAY)
        continue;

      if (!(members = korak_store_list_members (store, cohort_id, FALSE, error)))
        return FALSE;
      for (guint i = 0; i < members->len; i++)
        {
          KorakMemberRecord *member = g_ptr_array_index (members, i);

          if (g_strcmp0 (member->status, "active") == 0)
            g_ptr_array_add (active, member);
        }

      if (g_rand_double (rng) < 0.08 && !add_participant (store, rng, cohort_id, iso, counts, error))
        return FALSE;
      if (active->len == 0)
        continue;

#define SOMEONE() (((KorakMemberRecord *)g_ptr_array_index (active, g_rand_int_range (rng, 0, active->len)))->participant_id)
      if (g_rand_double (rng) < 0.3 && !add_goal (store, rng, SOMEONE (), iso, counts, error))
        return FALSE;
      if (g_rand_double (rng) < 0.5)
        {
          gboolean win = g_rand_double (rng) < 0.75;

          if (!korak_store_add_journal_entry (store, SOMEONE (), iso, win ? "small_win" : "concern",
                                              win ? PICK (rng, small_wins) : PICK (rng, concerns), NULL, error))
            return FALSE;
          counts->journal++;
          counts->transactions++;
        }
      if (g_rand_double (rng) < 0.4 && !add_note (store, rng, SOMEONE (), iso, counts, error))
        return FALSE;
      if (g_rand_double (rng) < 0.1 && !correct_phone (store, rng, SOMEONE (), counts, error))
        return FALSE;
#undef SOMEONE
    }

  return TRUE;
}
