/* korak-crash-test.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-crash-test"

/* pipe2() and ppoll() */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "korak-crash-test.h"
#include "korak-participant-record.h"
#include "korak-schedule.h"
#include "korak-store-private.h"

/*
 * The child reports each commit as one line, "P id", "A id" or "N id"
 * (participant, attendance, note), written with one write(2) right after
 * COMMIT returns: a line shorter than PIPE_BUF reaches the pipe whole or
 * not at all, so a killed child never leaves half an id. A child that fails
 * writes "E message" and exits with status 1.
 */

#define N_SESSIONS      4
#define MIN_DELAY_US    1000
#define MAX_DELAY_US    30000

typedef struct
{
  gint64 session_ids[N_SESSIONS];
} Fixture;

typedef struct
{
  char   kind;
  gint64 id;
} Committed;

/* ----------------------------------------------------------------- child */

static void
child_write (int         fd,
             const char *line)
{
  gsize length = strlen (line);
  gssize n;

  do
    n = write (fd, line, length);
  while (n < 0 && errno == EINTR);
}

static void
child_report (int    fd,
              char   kind,
              gint64 id)
{
  char line[64];

  g_snprintf (line, sizeof line, "%c %" G_GINT64_FORMAT "\n", kind, id);
  child_write (fd, line);
}

G_GNUC_NORETURN static void
child_fail (int     fd,
            GError *error)
{
  g_autofree char *line = g_strdup_printf ("E %s\n", error ? error->message : "?");

  /* One line: the parent splits on newlines. */
  for (char *p = line + 2; p[1] != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  child_write (fd, line);
  _exit (1);
}

static gboolean
insert_attendance (KorakStore  *store,
                   gint64       session_id,
                   gint64       participant_id,
                   gint64      *out_id,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = korak_store_new_id ();

  if (!korak_store_begin (store, error))
    return FALSE;
  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO attendance (id, session_id, participant_id, state, hours, remark) "
                                    "VALUES (?1, ?2, ?3, 'present', 4, 'crash test')", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, session_id);
  sqlite3_bind_int64 (stmt, 3, participant_id);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;
  if (!korak_store_commit (store, error))
    return FALSE;

  *out_id = id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

static gboolean
insert_note (KorakStore  *store,
             gint64       participant_id,
             guint        n,
             gint64      *out_id,
             GError     **error)
{
  g_autofree char *text = g_strdup_printf ("Zapis %u: prišla je pravočasno in sama poklicala na zavod.", n);
  sqlite3_stmt *stmt;
  gint64 id = korak_store_new_id ();

  if (!korak_store_begin (store, error))
    return FALSE;
  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO note (id, participant_id, date, language, text) "
                                    "VALUES (?1, ?2, '2026-01-05', 'sl', ?3)", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  korak_bind_text (stmt, 3, text);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;
  if (!korak_store_commit (store, error))
    return FALSE;

  *out_id = id;
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

G_GNUC_NORETURN static void
child_main (const char    *db_path,
            int            fd,
            const Fixture *fixture)
{
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* The parent's generator state came along with fork(): without a new
   * seed every child would draw the ids of the one before. */
  g_random_set_seed ((guint32)getpid () ^ (guint32)g_get_real_time ());

  if (!(store = korak_store_open (db_path, &error)))
    child_fail (fd, error);

  for (guint n = 0;; n++)
    {
      g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
      g_autofree char *family = g_strdup_printf ("Preizkus %u", n);
      gint64 id;

      korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, "Zala");
      korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family);
      korak_participant_record_set (record, KORAK_FIELD_MUNICIPALITY, "Kranj");
      korak_participant_record_set (record, KORAK_FIELD_STATUS, "active");
      if (!korak_store_insert_participant (store, record, &error))
        child_fail (fd, error);
      child_report (fd, 'P', record->id);

      if (!insert_attendance (store, fixture->session_ids[n % N_SESSIONS], record->id, &id, &error))
        child_fail (fd, error);
      child_report (fd, 'A', id);

      if (!insert_note (store, record->id, n, &id, &error))
        child_fail (fd, error);
      child_report (fd, 'N', id);
    }
}

/* ---------------------------------------------------------------- parent */

/* A programme, a cohort and a few sessions for the attendance to refer to. */
static gboolean
prepare_fixture (const char  *db_path,
                 Fixture     *fixture,
                 GError     **error)
{
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(KorakProgrammeRecord) programme = korak_programme_record_new ();
  g_autoptr(KorakCohortDetail) cohort = korak_cohort_detail_new ();

  if (!(store = korak_store_open (db_path, error)))
    return FALSE;

  programme->name = g_strdup ("Crash test");
  if (!korak_store_save_programme (store, programme, error))
    return FALSE;

  cohort->programme_id = programme->id;
  cohort->name = g_strdup ("Crash test");
  cohort->start_date = g_strdup ("2026-01-05");
  if (!korak_store_save_cohort (store, cohort, error))
    return FALSE;

  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_autoptr(KorakSessionRecord) session = korak_session_record_new ();

      session->cohort_id = cohort->id;
      session->date = g_strdup_printf ("2026-01-%02u", 5 + i);
      session->start_time = g_strdup ("09:00");
      session->end_time = g_strdup ("13:00");
      if (!korak_store_save_session (store, session, error))
        return FALSE;
      fixture->session_ids[i] = session->id;
    }

  /* Closing folds the -wal into the file: every child starts the same. */
  return TRUE;
}

static void
set_errno_error (GError     **error,
                 const char  *what,
                 int          saved_errno)
{
  g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
               _("The crash test could not start a writer (%s: %s)."),
               what, g_strerror (saved_errno));
}

static void
read_available (int       fd,
                GString  *buffer,
                gboolean *eof)
{
  char chunk[4096];
  gssize n;

  do
    n = read (fd, chunk, sizeof chunk);
  while (n < 0 && errno == EINTR);

  if (n > 0)
    g_string_append_len (buffer, chunk, n);
  else
    *eof = TRUE;
}

/* Parses the complete lines of @buffer into @committed; returns the
 * child's error line, if any. */
static char *
parse_report (GString *buffer,
              GArray  *committed)
{
  g_auto(GStrv) lines = g_strsplit (buffer->str, "\n", -1);
  char *child_error = NULL;
  guint n_lines = g_strv_length (lines);

  /* The last piece follows the last newline: empty, or an incomplete line
   * (which write(2) of a short line cannot produce). */
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      const char *line = lines[i];

      if (line[0] == 'E' && line[1] == ' ')
        {
          g_free (child_error);
          child_error = g_strdup (line + 2);
        }
      else if ((line[0] == 'P' || line[0] == 'A' || line[0] == 'N') && line[1] == ' ')
        {
          Committed c = { line[0], g_ascii_strtoll (line + 2, NULL, 10) };

          if (c.id > 0)
            g_array_append_val (committed, c);
        }
    }

  return child_error;
}

/* One round: start a writer, let it run for 1–30 ms, kill it. */
static gboolean
run_round (const char     *db_path,
           const Fixture  *fixture,
           GArray         *committed,
           guint          *out_reported,
           GError        **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autofree char *child_error = NULL;
  gint64 deadline;
  gboolean eof = FALSE;
  guint before = committed->len;
  int fds[2];
  int status = 0;
  pid_t pid;

  if (pipe2 (fds, O_CLOEXEC) != 0)
    {
      set_errno_error (error, "pipe", errno);
      return FALSE;
    }

  pid = fork ();
  if (pid < 0)
    {
      int saved_errno = errno;

      close (fds[0]);
      close (fds[1]);
      set_errno_error (error, "fork", saved_errno);
      return FALSE;
    }
  if (pid == 0)
    {
      close (fds[0]);
      child_main (db_path, fds[1], fixture);
    }
  close (fds[1]);

  /* Read while the child writes, so a full pipe never holds it back. */
  deadline = g_get_monotonic_time () + g_random_int_range (MIN_DELAY_US, MAX_DELAY_US + 1);
  while (!eof)
    {
      gint64 left = deadline - g_get_monotonic_time ();
      struct pollfd pfd = { fds[0], POLLIN, 0 };
      struct timespec timeout;
      int n;

      if (left <= 0)
        break;
      timeout.tv_sec = left / G_USEC_PER_SEC;
      timeout.tv_nsec = (left % G_USEC_PER_SEC) * 1000;
      n = ppoll (&pfd, 1, &timeout, NULL);
      if (n > 0)
        read_available (fds[0], buffer, &eof);
    }

  kill (pid, SIGKILL);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;

  /* The rest of what it wrote before it died. */
  while (!eof)
    read_available (fds[0], buffer, &eof);
  close (fds[0]);

  child_error = parse_report (buffer, committed);
  *out_reported = committed->len - before;

  if (!(WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                   _("A writer of the crash test stopped by itself: %s"),
                   child_error ? child_error
                   : WIFSIGNALED (status) ? g_strsignal (WTERMSIG (status))
                   : "exit");
      return FALSE;
    }

  return TRUE;
}

static const char *
lookup_sql (char kind)
{
  switch (kind)
    {
    case 'P':
      return "SELECT 1 FROM participant WHERE id = ?";
    case 'A':
      return "SELECT 1 FROM attendance WHERE id = ?";
    default:
      return "SELECT 1 FROM note WHERE id = ?";
    }
}

static gboolean
count_lost (const char  *db_path,
            GArray      *committed,
            guint       *out_lost,
            GError     **error)
{
  g_autoptr(KorakStore) store = NULL;
  g_autofree char *check = NULL;
  guint lost = 0;

  if (!(store = korak_store_open (db_path, error)))
    return FALSE;

  for (guint i = 0; i < committed->len; i++)
    {
      const Committed *c = &g_array_index (committed, Committed, i);
      sqlite3_stmt *stmt;
      int rc;

      if (!(stmt = korak_store_prepare (store, lookup_sql (c->kind), error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, c->id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_debug ("Lost %c %" G_GINT64_FORMAT, c->kind, c->id);
          lost++;
        }
      else if (rc != SQLITE_ROW)
        {
          korak_store_set_error (store, rc, error);
          return FALSE;
        }
    }
  *out_lost = lost;

  if (!(check = korak_store_integrity_check (store, error)))
    return FALSE;
  if (strcmp (check, "ok") != 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT,
                   _("After the crashes the database did not pass its integrity check: %s"),
                   check);
      return FALSE;
    }

  return TRUE;
}

gboolean
korak_crash_run (const char  *db_path,
                 guint        kills,
                 guint       *out_reported,
                 guint       *out_lost,
                 GError     **error)
{
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (Committed));
  Fixture fixture = { { 0 } };
  guint lost = 0;
  guint early = 0;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_reported != NULL)
    *out_reported = 0;
  if (out_lost != NULL)
    *out_lost = 0;

  if (!prepare_fixture (db_path, &fixture, error))
    return FALSE;

  for (guint k = 0; k < kills; k++)
    {
      guint reported = 0;

      if (!run_round (db_path, &fixture, committed, &reported, error))
        {
          if (out_reported != NULL)
            *out_reported = committed->len;
          return FALSE;
        }
      if (reported == 0)
        early++;
    }

  g_debug ("%u kills, %u before the first commit, %u commits reported", kills, early, committed->len);

  if (out_reported != NULL)
    *out_reported = committed->len;

  ok = count_lost (db_path, committed, &lost, error);
  if (out_lost != NULL)
    *out_lost = lost;

  return ok;
}
