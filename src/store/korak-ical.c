/* korak-ical.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-ical"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "korak-ical.h"
#include "korak-schedule.h"

#define KORAK_ICAL_PRODID "-//Korak//Korak//EN"
#define KORAK_ICAL_TZID   "Europe/Ljubljana"

/* Slovenia's time zone, written out rather than taken from
 * icaltimezone_get_builtin_timezone(): on Debian that one is built from
 * /usr/share/zoneinfo with the TZID "/freeassociation.sourceforge.net/…",
 * carries every change since 1884 and stops its summer-time rule in 2037.
 * These are the EU rules in force since 1996: summer time from the last
 * Sunday of March 02:00 to the last Sunday of October 03:00. */
static const char vtimezone_text[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:" KORAK_ICAL_TZID "\r\n"
  "X-LIC-LOCATION:" KORAK_ICAL_TZID "\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZNAME:CEST\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0200\r\n"
  "DTSTART:19700329T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZNAME:CET\r\n"
  "TZOFFSETFROM:+0200\r\n"
  "TZOFFSETTO:+0100\r\n"
  "DTSTART:19701025T030000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* What a session without an activity is called in a calendar. */
static const char *
kind_summary (const char *kind)
{
  if (g_strcmp0 (kind, "group") == 0)
    return _("Group session");
  if (g_strcmp0 (kind, "individual") == 0)
    return _("Individual hour");
  if (g_strcmp0 (kind, "work_practice") == 0)
    return _("Work practice");
  if (g_strcmp0 (kind, "visit") == 0)
    return _("Visit");
  return _("Session");
}

/* Text for a TEXT property: libical escapes commas, semicolons, backslashes
 * and newlines itself; other control characters have no place in a
 * calendar line, so they become spaces, and CR LF becomes one newline. */
static char *
clean_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      if (*p == '\n')
        g_string_append_c (out, '\n');
      else if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
add_text_property (icalcomponent *event,
                   icalproperty  *(*new_property) (const char *),
                   const char    *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL || *text == '\0')
    return;

  clean = clean_text (text);
  icalcomponent_add_property (event, new_property (clean));
}

/* A session's date and "HH:MM" as a local time in Europe/Ljubljana. */
static gboolean
session_time (const KorakSessionRecord  *session,
              const char                *hhmm,
              struct icaltimetype       *out,
              GError                   **error)
{
  struct icaltimetype tt = icaltime_null_time ();
  int year, month, day, hour, minute;
  char end;

  if (session->date == NULL || hhmm == NULL ||
      sscanf (session->date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      sscanf (hhmm, "%2d:%2d%c", &hour, &minute, &end) != 2 ||
      month < 1 || month > 12 || day < 1 || day > icaltime_days_in_month (month, year) ||
      hour < 0 || hour > 24 || minute < 0 || minute > 59 || (hour == 24 && minute != 0))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT,
                   _("A session on “%s” has a date or time that cannot be read (“%s”). Correct it in the timetable and export again."),
                   session->date ? session->date : "", hhmm ? hhmm : "");
      return FALSE;
    }

  tt.year = year;
  tt.month = month;
  tt.day = day;
  tt.hour = hour;
  tt.minute = minute;
  tt.second = 0;
  tt.is_date = 0;
  /* "24:00" is midnight at the end of the day. */
  tt = icaltime_normalize (tt);

  *out = tt;
  return TRUE;
}

static icalproperty *
local_time_property (icalproperty        *(*new_property) (struct icaltimetype),
                     struct icaltimetype   tt)
{
  icalproperty *prop = new_property (tt);

  /* The time stays as written on the timetable (a "floating" value in
   * libical's terms) and the TZID points at the VTIMEZONE of this file. */
  icalproperty_add_parameter (prop, icalparameter_new_tzid (KORAK_ICAL_TZID));
  return prop;
}

static char *
session_description (const KorakSessionRecord *session)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (session->cancelled_reason != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("Cancelled: %s"), session->cancelled_reason));
  if (session->leader_name != NULL && *session->leader_name != '\0')
    g_ptr_array_add (lines, g_strdup_printf (_("Leader: %s"), session->leader_name));
  if (session->employer != NULL && *session->employer != '\0')
    g_ptr_array_add (lines, g_strdup_printf (_("Employer: %s"), session->employer));
  if (session->module_ordinal > 0)
    {
      if (session->module_kind != NULL)
        g_ptr_array_add (lines, g_strdup_printf (_("Module %d: %s"), session->module_ordinal,
                                                 korak_choice_label (korak_module_kinds (),
                                                                     session->module_kind)));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("Module %d"), session->module_ordinal));
    }
  if (session->mediator_present)
    g_ptr_array_add (lines, g_strdup (_("An intercultural mediator is present.")));

  if (lines->len == 0)
    return NULL;

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static icalcomponent *
session_event (const KorakSessionRecord  *session,
               struct icaltimetype        dtstamp,
               GError                   **error)
{
  g_autoptr(icalcomponent) event = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *description = NULL;
  struct icaltimetype start, end;
  const char *summary;

  if (!session_time (session, session->start_time, &start, error) ||
      !session_time (session, session->end_time, &end, error))
    return NULL;

  event = icalcomponent_new_vevent ();

  /* The session's id is unique across desks and never reused, so the same
   * session keeps its UID from one export to the next, and a calendar that
   * imports the file again updates the event instead of adding a copy. */
  uid = g_strdup_printf ("session-%" G_GINT64_FORMAT "@korak", session->id);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (dtstamp));
  icalcomponent_add_property (event, local_time_property (icalproperty_new_dtstart, start));
  icalcomponent_add_property (event, local_time_property (icalproperty_new_dtend, end));

  /* Privacy: the file leaves Korak (a phone, a shared calendar), so an
   * individual session never names its participant, neither here nor in
   * the description; the mentor sees who it is in Korak itself. */
  if (session->activity_name != NULL && *session->activity_name != '\0')
    summary = korak_activity_label (session->activity_name);
  else
    summary = kind_summary (session->kind);
  add_text_property (event, icalproperty_new_summary, summary);
  add_text_property (event, icalproperty_new_location, session->place);

  description = session_description (session);
  add_text_property (event, icalproperty_new_description, description);

  icalcomponent_add_property (event,
                              icalproperty_new_status (session->cancelled_reason != NULL
                                                       ? ICAL_STATUS_CANCELLED
                                                       : ICAL_STATUS_CONFIRMED));

  return g_steal_pointer (&event);
}

/**
 * korak_ical_cohort_to_string:
 *
 * The cohort's sessions from its start to its end date, cancelled ones
 * too, as one VCALENDAR with CRLF line ends. Free with g_free().
 */
char *
korak_ical_cohort_to_string (KorakStore  *store,
                             gint64       cohort_id,
                             GError     **error)
{
  g_autoptr(KorakCohortDetail) cohort = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  icalcomponent *vtimezone;
  icalproperty *prop;
  struct icaltimetype dtstamp;
  const char *end_date;
  char *text;
  char *result;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cohort = korak_store_get_cohort (store, cohort_id, error);
  if (cohort == NULL)
    return NULL;

  /* A cohort always has modules, so an end date; be safe without one. */
  end_date = cohort->end_date != NULL ? cohort->end_date : "9999-12-31";
  sessions = korak_store_list_sessions (store, cohort_id, cohort->start_date, end_date, error);
  if (sessions == NULL)
    return NULL;

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid (KORAK_ICAL_PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  if (cohort->name != NULL && *cohort->name != '\0')
    {
      g_autofree char *name = clean_text (cohort->name);

      prop = icalproperty_new_x (name);
      icalproperty_set_x_name (prop, "X-WR-CALNAME");
      icalcomponent_add_property (calendar, prop);
    }
  prop = icalproperty_new_x (KORAK_ICAL_TZID);
  icalproperty_set_x_name (prop, "X-WR-TIMEZONE");
  icalcomponent_add_property (calendar, prop);

  vtimezone = icalcomponent_new_from_string (vtimezone_text);
  g_assert (vtimezone != NULL);
  icalcomponent_add_component (calendar, vtimezone);

  dtstamp = icaltime_from_timet_with_zone (time (NULL), 0, icaltimezone_get_utc_timezone ());

  for (guint i = 0; i < sessions->len; i++)
    {
      icalcomponent *event = session_event (g_ptr_array_index (sessions, i), dtstamp, error);

      if (event == NULL)
        return NULL;
      icalcomponent_add_component (calendar, event);
    }

  /* libical allocates with malloc(); callers free with g_free(). */
  text = icalcomponent_as_ical_string_r (calendar);
  if (text == NULL)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                           _("The calendar could not be written out. Try again; if it keeps failing, report a bug."));
      return NULL;
    }
  result = g_strdup (text);
  icalmemory_free_buffer (text);

  return result;
}

static void
set_write_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  KorakStoreError code;

  if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    code = KORAK_STORE_ERROR_READ_ONLY;
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    code = KORAK_STORE_ERROR_DISK_FULL;
  else
    code = KORAK_STORE_ERROR_CANNOT_OPEN;

  g_set_error (error, KORAK_STORE_ERROR, code,
               _("The calendar could not be saved as “%s”: %s. Choose a folder you can write to."),
               display, g_strerror (saved_errno));
}

/* Writes a temporary file (0600) beside @path and renames it over @path,
 * so a reader never sees half a file and an old file is replaced whole. */
static gboolean
write_private_file (const char  *path,
                    const char  *contents,
                    gsize        length,
                    GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  gsize written = 0;
  int fd;

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_write_error (path, errno, error);
      return FALSE;
    }

  while (written < length)
    {
      gssize n = write (fd, contents + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (tmp_path);
          set_write_error (path, saved_errno, error);
          return FALSE;
        }
      written += n;
    }

  if (g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmp_path);
      set_write_error (path, saved_errno, error);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      set_write_error (path, saved_errno, error);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      set_write_error (path, saved_errno, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * korak_ical_export_cohort:
 *
 * Saves korak_ical_cohort_to_string() as @path, readable by its owner
 * only (0600): the timetable says who leads what and where.
 */
gboolean
korak_ical_export_cohort (KorakStore  *store,
                          gint64       cohort_id,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = korak_ical_cohort_to_string (store, cohort_id, error);
  if (text == NULL)
    return FALSE;

  return write_private_file (path, text, strlen (text), error);
}
