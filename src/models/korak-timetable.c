/* korak-timetable.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-timetable"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "korak-date.h"
#include "korak-session.h"
#include "korak-timetable.h"

struct _KorakTimetable
{
  GObject            parent_instance;

  KorakStore        *store;
  GListStore        *sessions;
  KorakCohortDetail *cohort;
  GDate              monday;
  KorakWeekSummary   summary;
};

G_DEFINE_FINAL_TYPE (KorakTimetable, korak_timetable, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
korak_timetable_finalize (GObject *object)
{
  KorakTimetable *self = (KorakTimetable *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->sessions);
  g_clear_pointer (&self->cohort, korak_cohort_detail_free);
  korak_week_summary_clear (&self->summary);

  G_OBJECT_CLASS (korak_timetable_parent_class)->finalize (object);
}

static void
korak_timetable_class_init (KorakTimetableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_timetable_finalize;

  /* After every successful reload: the week, cohort or data changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
monday_of (GDate *day)
{
  g_date_subtract_days (day, g_date_get_weekday (day) - G_DATE_MONDAY);
}

static void
korak_timetable_init (KorakTimetable *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->sessions = g_list_store_new (KORAK_TYPE_SESSION);
  g_date_clear (&self->monday, 1);
  g_date_set_dmy (&self->monday, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  monday_of (&self->monday);
}

KorakTimetable *
korak_timetable_new (KorakStore *store)
{
  KorakTimetable *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_TIMETABLE, NULL);
  self->store = g_object_ref (store);

  return self;
}

KorakStore *
korak_timetable_get_store (KorakTimetable *self)
{
  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), NULL);
  return self->store;
}

GListModel *
korak_timetable_get_sessions (KorakTimetable *self)
{
  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), NULL);
  return G_LIST_MODEL (self->sessions);
}

gint64
korak_timetable_get_cohort_id (KorakTimetable *self)
{
  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), 0);
  return self->cohort != NULL ? self->cohort->id : 0;
}

const KorakCohortDetail *
korak_timetable_get_cohort (KorakTimetable *self)
{
  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), NULL);
  return self->cohort;
}

const GDate *
korak_timetable_get_monday (KorakTimetable *self)
{
  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), NULL);
  return &self->monday;
}

const KorakWeekSummary *
korak_timetable_get_summary (KorakTimetable *self)
{
  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), NULL);
  return &self->summary;
}

char *
korak_timetable_dup_module_label (KorakTimetable *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate sunday;

  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), NULL);

  if (self->cohort == NULL || self->cohort->modules == NULL)
    return NULL;

  sunday = self->monday;
  g_date_add_days (&sunday, 6);
  from = korak_date_to_iso (&self->monday);
  to = korak_date_to_iso (&sunday);

  /* The module most of the week's working days fall in: the first that
   * covers the week's Wednesday, else the first that touches the week. */
  for (int pass = 0; pass < 2; pass++)
    {
      GDate wednesday = self->monday;
      g_autofree char *mid = NULL;

      g_date_add_days (&wednesday, 2);
      mid = korak_date_to_iso (&wednesday);

      for (guint i = 0; i < self->cohort->modules->len; i++)
        {
          const KorakModuleRecord *module = g_ptr_array_index (self->cohort->modules, i);
          gboolean hit = pass == 0
            ? (g_strcmp0 (module->start_date, mid) <= 0 && g_strcmp0 (module->end_date, mid) >= 0)
            : (g_strcmp0 (module->start_date, to) <= 0 && g_strcmp0 (module->end_date, from) >= 0);

          if (hit)
            /* Translators: the module a week falls in, e.g. "Module 1 · Workshops". */
            return g_strdup_printf (_("Module %d · %s"), module->ordinal,
                                    korak_choice_label (korak_module_kinds (), module->kind));
        }
    }

  return NULL;
}

gboolean
korak_timetable_reload (KorakTimetable  *self,
                        GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  KorakWeekSummary summary = { 0 };
  GDate sunday;

  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), FALSE);

  if (self->cohort == NULL)
    {
      g_list_store_remove_all (self->sessions);
      korak_week_summary_clear (&self->summary);
      g_signal_emit (self, signals[CHANGED], 0);
      return TRUE;
    }

  sunday = self->monday;
  g_date_add_days (&sunday, 6);
  from = korak_date_to_iso (&self->monday);
  to = korak_date_to_iso (&sunday);

  if (!(records = korak_store_list_sessions (self->store, self->cohort->id, from, to, error)))
    return FALSE;
  if (!korak_store_get_week_summary (self->store, self->cohort->id, from, &summary, error))
    return FALSE;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (items, korak_session_new_from_record (g_ptr_array_index (records, i)));

  korak_week_summary_clear (&self->summary);
  self->summary = summary;
  g_list_store_splice (self->sessions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sessions)),
                       items->pdata, items->len);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
korak_timetable_set_cohort (KorakTimetable  *self,
                            gint64           cohort_id,
                            GError         **error)
{
  g_autoptr(KorakCohortDetail) cohort = NULL;
  KorakCohortDetail *old;

  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), FALSE);

  if (cohort_id != 0 && !(cohort = korak_store_get_cohort (self->store, cohort_id, error)))
    return FALSE;

  old = g_steal_pointer (&self->cohort);
  self->cohort = g_steal_pointer (&cohort);
  if (!korak_timetable_reload (self, error))
    {
      g_clear_pointer (&self->cohort, korak_cohort_detail_free);
      self->cohort = old;
      return FALSE;
    }
  g_clear_pointer (&old, korak_cohort_detail_free);

  return TRUE;
}

gboolean
korak_timetable_set_week (KorakTimetable  *self,
                          const GDate     *day,
                          GError         **error)
{
  GDate old;

  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  old = self->monday;
  self->monday = *day;
  monday_of (&self->monday);
  if (!korak_timetable_reload (self, error))
    {
      self->monday = old;
      return FALSE;
    }

  return TRUE;
}

gboolean
korak_timetable_shift_weeks (KorakTimetable  *self,
                             int              weeks,
                             GError         **error)
{
  GDate day;

  g_return_val_if_fail (KORAK_IS_TIMETABLE (self), FALSE);

  day = self->monday;
  if (weeks >= 0)
    g_date_add_days (&day, 7 * weeks);
  else
    g_date_subtract_days (&day, 7 * -weeks);

  return korak_timetable_set_week (self, &day, error);
}
