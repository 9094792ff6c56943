/* korak-session.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "korak-date.h"
#include "korak-session.h"

struct _KorakSession
{
  GObject             parent_instance;

  KorakSessionRecord *record;
  int                 start_minutes;
  int                 end_minutes;
  GDate               date;
  char               *title;
  char               *time_range;
  char               *badge;
  char               *description;
};

G_DEFINE_FINAL_TYPE (KorakSession, korak_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_START_MINUTES,
  PROP_END_MINUTES,
  PROP_TITLE,
  PROP_KIND,
  PROP_SKILL_AREA,
  PROP_PLACE,
  PROP_LEADER_NAME,
  PROP_CANCELLED,
  PROP_CANCELLED_REASON,
  PROP_N_EXPECTED,
  PROP_N_MARKED,
  PROP_N_ATTENDED,
  PROP_ACCESSIBLE_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static inline const char *
nonnull (const char *text)
{
  return text ? text : "";
}

static inline gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* "HH:MM" (seconds, if any, are ignored) to minutes since midnight. */
static int
parse_minutes (const char *text)
{
  int h = -1, m = -1;

  if (text == NULL || sscanf (text, "%d:%d", &h, &m) != 2)
    return -1;
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0))
    return -1;

  return h * 60 + m;
}

/**
 * korak_format_minutes:
 * @minutes: minutes since midnight
 *
 * Returns: (transfer full): the time of day as Korak shows it, "9:00".
 */
char *
korak_format_minutes (int minutes)
{
  if (minutes < 0)
    return g_strdup ("");

  /* Translators: a time of day on a 24-hour clock, hours then minutes, e.g. "9:00". */
  return g_strdup_printf (_("%d:%02d"), minutes / 60, minutes % 60);
}

static char *
make_title (const KorakSessionRecord *r)
{
  if (is_set (r->activity_name))
    return g_strdup (korak_activity_label (r->activity_name));

  if (g_strcmp0 (r->kind, "individual") == 0)
    {
      if (is_set (r->participant_name))
        /* Translators: the title of an individual session in the timetable; %s is the participant. */
        return g_strdup_printf (_("Individual hour with %s"), r->participant_name);
      return g_strdup (_("Individual hour"));
    }

  if (g_strcmp0 (r->kind, "work_practice") == 0)
    {
      if (is_set (r->employer))
        /* Translators: the title of a work-practice session; %s is the employer. */
        return g_strdup_printf (_("Work practice at %s"), r->employer);
      return g_strdup (_("Work practice"));
    }

  if (g_strcmp0 (r->kind, "visit") == 0)
    return g_strdup (_("Visit"));

  return g_strdup (_("Workshop"));
}

static char *
make_description (KorakSession *self)
{
  const KorakSessionRecord *r = self->record;
  g_autoptr(GString) text = g_string_new (NULL);

  if (g_date_valid (&self->date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (&self->date),
                                                     g_date_get_month (&self->date),
                                                     g_date_get_day (&self->date),
                                                     0, 0, 0);
      /* Translators: the day of a session as a screen reader says it, in
       * g_date_time_format() syntax: "Monday 23 November". */
      g_autofree char *day = g_date_time_format (dt, _("%A %-d %B"));

      g_string_append (text, day);
    }

  if (*self->time_range)
    g_string_append_printf (text, "%s%s", text->len ? ", " : "", self->time_range);

  g_string_append_printf (text, "%s%s", text->len ? ", " : "", self->title);

  if (is_set (r->skill_area))
    g_string_append_printf (text, ", %s", korak_session_get_skill_area_label (self));

  if (is_set (r->place))
    g_string_append_printf (text, ", %s", r->place);

  if (is_set (r->leader_name))
    {
      g_string_append (text, ", ");
      /* Translators: part of a session's spoken description; %s is the person leading it. */
      g_string_append_printf (text, _("led by %s"), r->leader_name);
    }

  if (r->cancelled_reason != NULL)
    {
      g_string_append (text, ", ");
      if (is_set (r->cancelled_reason))
        /* Translators: part of a session's spoken description; %s is why it was cancelled. */
        g_string_append_printf (text, _("cancelled: %s"), r->cancelled_reason);
      else
        g_string_append (text, _("cancelled"));
    }
  else if (r->n_marked > 0)
    {
      g_string_append (text, ", ");
      /* Translators: attendance of a session: "8 of 10 present". */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d of %d present", "%d of %d present",
                                                 r->n_expected),
                              r->n_attended, r->n_expected);
      if (r->n_marked < r->n_expected)
        {
          int rest = r->n_expected - r->n_marked;

          g_string_append (text, ", ");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d not marked", "%d not marked", rest),
                                  rest);
        }
    }
  else if (r->n_expected > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d person expected", "%d people expected",
                                                 r->n_expected),
                              r->n_expected);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update (KorakSession *self)
{
  const KorakSessionRecord *r = self->record;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  self->start_minutes = parse_minutes (r->start_time);
  self->end_minutes = parse_minutes (r->end_time);

  g_date_clear (&self->date, 1);
  if (korak_date_is_iso (r->date))
    {
      int y, m, d;

      sscanf (r->date, "%4d-%2d-%2d", &y, &m, &d);
      g_date_set_dmy (&self->date, d, m, y);
    }

  g_free (self->title);
  self->title = make_title (r);

  start = korak_format_minutes (self->start_minutes);
  end = korak_format_minutes (self->end_minutes);
  g_free (self->time_range);
  if (*start && *end)
    /* Translators: a session's start and end, "9:00–13:00". */
    self->time_range = g_strdup_printf (_("%s–%s"), start, end);
  else
    self->time_range = g_strdup (start);

  g_free (self->badge);
  if (r->n_marked > 0)
    /* Translators: the attendance badge on a session, people present of people expected: "8/10". */
    self->badge = g_strdup_printf (_("%d/%d"), r->n_attended, r->n_expected);
  else
    self->badge = g_strdup ("");

  g_free (self->description);
  self->description = make_description (self);
}

static void
korak_session_finalize (GObject *object)
{
  KorakSession *self = (KorakSession *)object;

  g_clear_pointer (&self->record, korak_session_record_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->time_range, g_free);
  g_clear_pointer (&self->badge, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (korak_session_parent_class)->finalize (object);
}

static void
korak_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KorakSession *self = KORAK_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, korak_session_get_id (self));
      break;

    case PROP_DATE:
      g_value_set_string (value, korak_session_get_date (self));
      break;

    case PROP_START_MINUTES:
      g_value_set_int (value, self->start_minutes);
      break;

    case PROP_END_MINUTES:
      g_value_set_int (value, self->end_minutes);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_string (value, korak_session_get_kind (self));
      break;

    case PROP_SKILL_AREA:
      g_value_set_string (value, korak_session_get_skill_area (self));
      break;

    case PROP_PLACE:
      g_value_set_string (value, korak_session_get_place (self));
      break;

    case PROP_LEADER_NAME:
      g_value_set_string (value, korak_session_get_leader_name (self));
      break;

    case PROP_CANCELLED:
      g_value_set_boolean (value, korak_session_get_cancelled (self));
      break;

    case PROP_CANCELLED_REASON:
      g_value_set_string (value, korak_session_get_cancelled_reason (self));
      break;

    case PROP_N_EXPECTED:
      g_value_set_int (value, self->record->n_expected);
      break;

    case PROP_N_MARKED:
      g_value_set_int (value, self->record->n_marked);
      break;

    case PROP_N_ATTENDED:
      g_value_set_int (value, self->record->n_attended);
      break;

    case PROP_ACCESSIBLE_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_session_class_init (KorakSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_session_finalize;
  object_class->get_property = korak_session_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_MINUTES] =
    g_param_spec_int ("start-minutes", NULL, NULL, -1, 24 * 60, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_MINUTES] =
    g_param_spec_int ("end-minutes", NULL, NULL, -1, 24 * 60, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SKILL_AREA] =
    g_param_spec_string ("skill-area", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEADER_NAME] =
    g_param_spec_string ("leader-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCELLED] =
    g_param_spec_boolean ("cancelled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCELLED_REASON] =
    g_param_spec_string ("cancelled-reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EXPECTED] =
    g_param_spec_int ("n-expected", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MARKED] =
    g_param_spec_int ("n-marked", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ATTENDED] =
    g_param_spec_int ("n-attended", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCESSIBLE_DESCRIPTION] =
    g_param_spec_string ("accessible-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
korak_session_init (KorakSession *self)
{
  self->start_minutes = -1;
  self->end_minutes = -1;
  g_date_clear (&self->date, 1);
}

/**
 * korak_session_new_from_record:
 * @record: (transfer none): what the store returned; it is copied
 */
KorakSession *
korak_session_new_from_record (const KorakSessionRecord *record)
{
  KorakSession *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (KORAK_TYPE_SESSION, NULL);
  self->record = korak_session_record_copy (record);
  update (self);

  return self;
}

/**
 * korak_session_set_record:
 * @record: (transfer none): the stored state after an edit; it is copied
 */
void
korak_session_set_record (KorakSession             *self,
                          const KorakSessionRecord *record)
{
  KorakSessionRecord *copy;

  g_return_if_fail (KORAK_IS_SESSION (self));
  g_return_if_fail (record != NULL);

  copy = korak_session_record_copy (record);
  g_clear_pointer (&self->record, korak_session_record_free);
  self->record = copy;
  update (self);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_ID; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

const KorakSessionRecord *
korak_session_get_record (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), NULL);

  return self->record;
}

gint64
korak_session_get_id (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), 0);

  return self->record->id;
}

const char *
korak_session_get_date (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  return nonnull (self->record->date);
}

gboolean
korak_session_get_gdate (KorakSession *self,
                         GDate        *date)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!g_date_valid (&self->date))
    return FALSE;

  *date = self->date;
  return TRUE;
}

int
korak_session_get_weekday (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), 0);

  if (!g_date_valid (&self->date))
    return 0;

  return g_date_get_weekday (&self->date);
}

int
korak_session_get_start_minutes (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), -1);

  return self->start_minutes;
}

int
korak_session_get_end_minutes (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), -1);

  return self->end_minutes;
}

const char *
korak_session_get_time_range (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  return self->time_range;
}

const char *
korak_session_get_title (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  return self->title;
}

const char *
korak_session_get_kind (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  return nonnull (self->record->kind);
}

const char *
korak_session_get_kind_label (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  return korak_choice_label (korak_session_kinds (), self->record->kind);
}

const char *
korak_session_get_skill_area (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), NULL);

  return is_set (self->record->skill_area) ? self->record->skill_area : NULL;
}

const char *
korak_session_get_skill_area_label (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  if (!is_set (self->record->skill_area))
    return "";

  return korak_choice_label (korak_skill_areas (), self->record->skill_area);
}

const char *
korak_session_get_place (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  return nonnull (self->record->place);
}

const char *
korak_session_get_leader_name (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  return nonnull (self->record->leader_name);
}

gboolean
korak_session_get_cancelled (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), FALSE);

  return self->record->cancelled_reason != NULL;
}

/* NULL unless cancelled. */
const char *
korak_session_get_cancelled_reason (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), NULL);

  return self->record->cancelled_reason;
}

int
korak_session_get_module_ordinal (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), 0);

  return self->record->module_ordinal;
}

const char *
korak_session_get_module_kind (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  return nonnull (self->record->module_kind);
}

/**
 * korak_session_dup_module_label:
 *
 * Returns: (transfer full): "Module 1 · Workshops", or "" outside any module.
 */
char *
korak_session_dup_module_label (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), NULL);

  if (self->record->module_ordinal <= 0)
    return g_strdup ("");

  if (!is_set (self->record->module_kind))
    /* Translators: a module of a programme run, e.g. "Module 2". */
    return g_strdup_printf (_("Module %d"), self->record->module_ordinal);

  /* Translators: a module of a programme run and its kind, e.g. "Module 1 · Workshops". */
  return g_strdup_printf (_("Module %d · %s"), self->record->module_ordinal,
                          korak_choice_label (korak_module_kinds (), self->record->module_kind));
}

int
korak_session_get_n_expected (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), 0);

  return self->record->n_expected;
}

int
korak_session_get_n_marked (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), 0);

  return self->record->n_marked;
}

int
korak_session_get_n_attended (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), 0);

  return self->record->n_attended;
}

const char *
korak_session_get_attendance_badge (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  return self->badge;
}

const char *
korak_session_get_accessible_description (KorakSession *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION (self), "");

  return self->description;
}
