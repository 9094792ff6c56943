/* korak-today.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-today"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "korak-date.h"
#include "korak-schedule.h"
#include "korak-store-task.h"
#include "korak-today.h"

#define REVIEW_DAYS_AHEAD 7
#define N_SMALL_WINS 5

struct _KorakTodayItem
{
  GObject   parent_instance;

  char     *kind;
  gint64    id;
  gint64    participant_id;
  char     *title;
  char     *subtitle;
  char     *badge;
  gboolean  warning;
};

G_DEFINE_FINAL_TYPE (KorakTodayItem, korak_today_item, G_TYPE_OBJECT)

static void
korak_today_item_finalize (GObject *object)
{
  KorakTodayItem *self = (KorakTodayItem *)object;

  g_free (self->kind);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->badge);
  G_OBJECT_CLASS (korak_today_item_parent_class)->finalize (object);
}

static void
korak_today_item_class_init (KorakTodayItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = korak_today_item_finalize;
}

static void korak_today_item_init (KorakTodayItem *self) { }

const char *korak_today_item_get_kind (KorakTodayItem *self) { g_return_val_if_fail (KORAK_IS_TODAY_ITEM (self), NULL); return self->kind; }
gint64 korak_today_item_get_id (KorakTodayItem *self) { g_return_val_if_fail (KORAK_IS_TODAY_ITEM (self), 0); return self->id; }
gint64 korak_today_item_get_participant_id (KorakTodayItem *self) { g_return_val_if_fail (KORAK_IS_TODAY_ITEM (self), 0); return self->participant_id; }
const char *korak_today_item_get_title (KorakTodayItem *self) { g_return_val_if_fail (KORAK_IS_TODAY_ITEM (self), NULL); return self->title; }
const char *korak_today_item_get_subtitle (KorakTodayItem *self) { g_return_val_if_fail (KORAK_IS_TODAY_ITEM (self), NULL); return self->subtitle; }
const char *korak_today_item_get_badge (KorakTodayItem *self) { g_return_val_if_fail (KORAK_IS_TODAY_ITEM (self), NULL); return self->badge; }
gboolean korak_today_item_get_warning (KorakTodayItem *self) { g_return_val_if_fail (KORAK_IS_TODAY_ITEM (self), FALSE); return self->warning; }

static void
add_item (GPtrArray  *items,
          const char *kind,
          gint64      id,
          gint64      participant_id,
          char       *title,      /* taken */
          char       *subtitle,   /* taken */
          char       *badge,      /* taken */
          gboolean    warning)
{
  KorakTodayItem *item = g_object_new (KORAK_TYPE_TODAY_ITEM, NULL);

  item->kind = g_strdup (kind);
  item->id = id;
  item->participant_id = participant_id;
  item->title = title;
  item->subtitle = subtitle;
  item->badge = badge;
  item->warning = warning;
  g_ptr_array_add (items, item);
}

struct _KorakToday
{
  GObject     parent_instance;

  GListStore *sections[KORAK_TODAY_N_SECTIONS];
};

G_DEFINE_FINAL_TYPE (KorakToday, korak_today, G_TYPE_OBJECT)

static void
korak_today_dispose (GObject *object)
{
  KorakToday *self = (KorakToday *)object;

  for (guint i = 0; i < KORAK_TODAY_N_SECTIONS; i++)
    g_clear_object (&self->sections[i]);
  G_OBJECT_CLASS (korak_today_parent_class)->dispose (object);
}

static void
korak_today_class_init (KorakTodayClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = korak_today_dispose;
}

static void
korak_today_init (KorakToday *self)
{
  for (guint i = 0; i < KORAK_TODAY_N_SECTIONS; i++)
    self->sections[i] = g_list_store_new (KORAK_TYPE_TODAY_ITEM);
}

KorakToday *
korak_today_new (void)
{
  return g_object_new (KORAK_TYPE_TODAY, NULL);
}

GListModel *
korak_today_get_section (KorakToday        *self,
                         KorakTodaySection  section)
{
  g_return_val_if_fail (KORAK_IS_TODAY (self), NULL);
  g_return_val_if_fail (section < KORAK_TODAY_N_SECTIONS, NULL);
  return G_LIST_MODEL (self->sections[section]);
}

static char *
due_badge (const KorakDueRecord *r,
           const char           *today)
{
  g_autofree char *shown = korak_date_format (r->date);

  if (g_strcmp0 (r->date, today) == 0)
    return g_strdup (_("Today"));
  if (r->overdue)
    /* Translators: a review or follow-up that was due on %s. */
    return g_strdup_printf (_("Overdue since %s"), shown);
  /* Translators: due on a date, %s. */
  return g_strdup_printf (_("Due %s"), shown);
}

/* What the day's sections are made of, read in one go. */
typedef struct
{
  char      *date;
  GPtrArray *sessions;
  GPtrArray *reviews;
  GPtrArray *follow_ups;
  GPtrArray *warnings;
  GPtrArray *wins;
} TodayRecords;

static void
today_records_free (TodayRecords *r)
{
  g_free (r->date);
  g_clear_pointer (&r->sessions, g_ptr_array_unref);
  g_clear_pointer (&r->reviews, g_ptr_array_unref);
  g_clear_pointer (&r->follow_ups, g_ptr_array_unref);
  g_clear_pointer (&r->warnings, g_ptr_array_unref);
  g_clear_pointer (&r->wins, g_ptr_array_unref);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TodayRecords, today_records_free)

static TodayRecords *
fetch_records (KorakStore  *store,
               const char  *date,
               double       threshold,
               GError     **error)
{
  g_autoptr(TodayRecords) r = g_new0 (TodayRecords, 1);

  r->date = g_strdup (date);
  if (!(r->sessions = korak_store_list_sessions (store, 0, date, date, error)) ||
      !(r->reviews = korak_store_list_reviews_due (store, date, REVIEW_DAYS_AHEAD, error)) ||
      !(r->follow_ups = korak_store_list_follow_ups_due (store, date, 0, error)) ||
      !(r->warnings = korak_store_list_attendance_warnings (store, date, threshold, error)) ||
      !(r->wins = korak_store_list_recent_journal (store, "small_win", N_SMALL_WINS, error)))
    return NULL;

  return g_steal_pointer (&r);
}

static void fill_sections (KorakToday *self, TodayRecords *r);

gboolean
korak_today_load (KorakToday   *self,
                  KorakStore   *store,
                  const char   *date,
                  double        threshold,
                  GError      **error)
{
  g_autoptr(TodayRecords) r = NULL;

  g_return_val_if_fail (KORAK_IS_TODAY (self), FALSE);
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!(r = fetch_records (store, date, threshold, error)))
    return FALSE;

  fill_sections (self, r);
  return TRUE;
}

typedef struct
{
  char   *date;
  double  threshold;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->date);
  g_free (data);
}

static gpointer
read_records (KorakStore  *store,
              gpointer     user_data,
              GError     **error)
{
  LoadData *data = user_data;

  return fetch_records (store, data->date, data->threshold, error);
}

/* The same as korak_today_load(), read on a worker thread: the attendance
 * warnings alone read every mark of four weeks. */
void
korak_today_load_async (KorakToday          *self,
                        KorakStore          *store,
                        const char          *date,
                        double               threshold,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (KORAK_IS_TODAY (self));
  g_return_if_fail (KORAK_IS_STORE (store));

  data = g_new0 (LoadData, 1);
  data->date = g_strdup (date);
  data->threshold = threshold;
  korak_store_read_in_thread (store, self, korak_today_load_async, read_records,
                              data, (GDestroyNotify) load_data_free, (GDestroyNotify) today_records_free,
                              cancellable, callback, user_data);
}

gboolean
korak_today_load_finish (KorakToday    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_autoptr(TodayRecords) r = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!(r = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  fill_sections (self, r);
  return TRUE;
}

static void
fill_sections (KorakToday   *self,
               TodayRecords *records)
{
  GPtrArray *lists[KORAK_TODAY_N_SECTIONS] = { NULL, };
  GPtrArray *sessions = records->sessions;
  GPtrArray *reviews = records->reviews;
  GPtrArray *follow_ups = records->follow_ups;
  GPtrArray *warnings = records->warnings;
  GPtrArray *wins = records->wins;
  const char *date = records->date;

  for (guint i = 0; i < KORAK_TODAY_N_SECTIONS; i++)
    lists[i] = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < sessions->len; i++)
    {
      const KorakSessionRecord *s = g_ptr_array_index (sessions, i);
      const char *what = s->activity_name ? korak_activity_label (s->activity_name)
                                          : korak_choice_label (korak_session_kinds (), s->kind);
      g_autoptr(GString) sub = g_string_new (NULL);

      if (s->cancelled_reason != NULL)
        /* Translators: a cancelled session, %s is why. */
        g_string_append_printf (sub, _("Cancelled: %s"), s->cancelled_reason);
      else
        {
          if (s->participant_name)
            g_string_append (sub, s->participant_name);
          else
            g_string_append_printf (sub, g_dngettext (GETTEXT_PACKAGE, "%d person expected", "%d people expected",
                                                      s->n_expected), s->n_expected);
          if (s->place && *s->place)
            g_string_append_printf (sub, " · %s", s->place);
        }
      add_item (lists[KORAK_TODAY_SESSIONS], "session", s->id, s->participant_id,
                g_strdup (what), g_string_free (g_steal_pointer (&sub), FALSE),
                g_strdup_printf ("%s–%s", s->start_time, s->end_time), s->cancelled_reason != NULL);
    }

  for (guint i = 0; i < reviews->len; i++)
    {
      const KorakDueRecord *r = g_ptr_array_index (reviews, i);

      add_item (lists[KORAK_TODAY_REVIEWS], "review", r->participant_id, r->participant_id,
                g_strdup (r->display_name), g_strdup (_("Plan review")), due_badge (r, date), r->overdue);
    }

  for (guint i = 0; i < follow_ups->len; i++)
    {
      const KorakDueRecord *r = g_ptr_array_index (follow_ups, i);

      add_item (lists[KORAK_TODAY_FOLLOW_UPS], "follow-up", r->id, r->participant_id,
                g_strdup (r->display_name), g_strdup (_("Follow-up after the programme")),
                due_badge (r, date), r->overdue);
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const KorakAttendanceWarning *w = g_ptr_array_index (warnings, i);

      add_item (lists[KORAK_TODAY_ATTENDANCE], "attendance", w->participant_id, w->participant_id,
                g_strdup (w->display_name), g_strdup (w->cohort_name),
                g_strdup_printf ("%.0f %%", w->rate * 100), TRUE);
    }

  for (guint i = 0; i < wins->len; i++)
    {
      const KorakJournalRecord *j = g_ptr_array_index (wins, i);

      add_item (lists[KORAK_TODAY_SMALL_WINS], "small-win", j->participant_id, j->participant_id,
                g_strdup (j->text), g_strdup (j->display_name), korak_date_format (j->date), FALSE);
    }

  for (guint i = 0; i < KORAK_TODAY_N_SECTIONS; i++)
    {
      g_list_store_splice (self->sections[i], 0, g_list_model_get_n_items (G_LIST_MODEL (self->sections[i])),
                           lists[i]->pdata, lists[i]->len);
      g_ptr_array_unref (lists[i]);
    }
}
