/* korak-cli-exchange.c — offline desks: sending and receiving change bundles.
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "korak-cli-private.h"
#include "korak-exchange-bench.h"
#include "korak-exchange.h"

#define PASSPHRASE_VARIABLE "KORAK_EXCHANGE_PASSPHRASE"

/* The passphrase from the environment, else typed on the terminal without
 * echo; never an argument, where other users would see it. */
static char *
read_passphrase (void)
{
  const char *variable = g_getenv (PASSPHRASE_VARIABLE);
  struct termios old_mode, quiet;
  char buffer[1024];
  gboolean restore = FALSE;
  char *line;

  if (variable != NULL && *variable != '\0')
    return g_strdup (variable);

  if (!isatty (STDIN_FILENO))
    {
      g_autofree char *message = g_strdup_printf (_("Set the exchange passphrase in the environment variable %s, "
                                                    "or run the command in a terminal to type it."),
                                                  PASSPHRASE_VARIABLE);

      korak_cli_print_error (message);
      return NULL;
    }

  g_printerr ("%s", _("Exchange passphrase: "));
  if (tcgetattr (STDIN_FILENO, &old_mode) == 0)
    {
      quiet = old_mode;
      quiet.c_lflag &= ~ECHO;
      restore = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
  line = fgets (buffer, sizeof buffer, stdin);
  if (restore)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &old_mode);
  g_printerr ("\n");

  if (line == NULL)
    return NULL;
  buffer[strcspn (buffer, "\r\n")] = '\0';
  line = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);
  return line;
}

static void
free_passphrase (char *passphrase)
{
  if (passphrase != NULL)
    memset (passphrase, 0, strlen (passphrase));
  g_free (passphrase);
}

typedef char KorakSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakSecret, free_passphrase)

/* A desk by its exact name (any case) or number; 0 with a message. */
static gint64
find_desk (KorakStore *store,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) desks = korak_exchange_list_desks (store, &error);
  gint64 number = g_ascii_strtoll (text, NULL, 10);

  if (desks == NULL)
    {
      korak_cli_print_error (error->message);
      return 0;
    }
  for (guint i = 0; i < desks->len; i++)
    {
      const KorakDeskRecord *desk = g_ptr_array_index (desks, i);

      if (desk->is_local)
        continue;
      if ((desk->name != NULL && g_utf8_collate (desk->name, text) == 0) ||
          (desk->name != NULL && g_ascii_strcasecmp (desk->name, text) == 0) || desk->id == number)
        return desk->id;
    }

  {
    g_autofree char *message = g_strdup_printf (_("This desk has not heard of a desk “%s”. "
                                                  "See the desks it knows with --desks."), text);
    korak_cli_print_error (message);
  }
  return 0;
}

static int
print_desks (KorakStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) desks = korak_exchange_list_desks (store, &error);

  if (desks == NULL)
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  for (guint i = 0; i < desks->len; i++)
    {
      const KorakDeskRecord *desk = g_ptr_array_index (desks, i);

      if (desk->is_local)
        g_print (_("%s (this desk, %lld): %lld changes made here\n"),
                 desk->name ? desk->name : "", (long long) desk->id, (long long) desk->last_seq);
      else
        g_print (_("%s (%lld): last received %s, %lld changes to send\n"),
                 desk->name ? desk->name : "", (long long) desk->id,
                 desk->last_received_at ? desk->last_received_at : _("never"), (long long) desk->pending);
    }
  return EXIT_SUCCESS;
}

static const char *
kind_words (KorakConflictKind kind)
{
  switch (kind)
    {
    case KORAK_CONFLICT_CHANGED_BOTH: return _("changed on both desks");
    case KORAK_CONFLICT_DELETED_HERE: return _("changed there, deleted here");
    case KORAK_CONFLICT_DELETED_THERE: return _("changed here, deleted there");
    case KORAK_CONFLICT_ROW_EXISTS: return _("added there with the number of another row here");
    case KORAK_CONFLICT_CONSTRAINT: return _("breaks a rule here");
    case KORAK_CONFLICT_ORPHAN: return _("what it belongs to was deleted");
    default: return "";
    }
}

static int
print_conflicts (KorakStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = korak_exchange_list_conflicts (store, FALSE, &error);

  if (conflicts == NULL)
    {
      korak_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  if (conflicts->len == 0)
    g_print (_("No open conflicts.\n"));
  for (guint i = 0; i < conflicts->len; i++)
    {
      const KorakExchangeConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *differing = conflict->differing ? g_strjoinv (", ", conflict->differing) : g_strdup ("");

      /* Translators: one open conflict: number, table, row, kind, the other desk, when, the differing columns. */
      g_print (_("%lld: %s %s, %s (from %s, %s): %s\n"), (long long) conflict->id, conflict->table_name,
               conflict->row_key ? conflict->row_key : "", kind_words (conflict->kind),
               conflict->origin_desk_name ? conflict->origin_desk_name : "", conflict->detected_at,
               differing);
    }
  return EXIT_SUCCESS;
}

int
korak_cli_exchange (int    argc,
                    char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *send = NULL;
  g_autofree char *receive = NULL;
  g_autofree char *to = NULL;
  gboolean list_conflicts = FALSE, desks = FALSE;
  g_autofree char *summary = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakSecret) passphrase = NULL;
  guint n_modes;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: your Korak database)"), N_("PATH") },
    { "send", 's', 0, G_OPTION_ARG_FILENAME, &send,
      N_("Write the changes other desks have not confirmed into FILE"), N_("FILE") },
    { "to", 't', 0, G_OPTION_ARG_STRING, &to,
      N_("With --send: only what DESK (its name or number) has not confirmed"), N_("DESK") },
    { "receive", 'r', 0, G_OPTION_ARG_FILENAME, &receive,
      N_("Apply the change bundle FILE from another desk, all of it or nothing"), N_("FILE") },
    { "list-conflicts", 'c', 0, G_OPTION_ARG_NONE, &list_conflicts,
      N_("List the conflicts waiting for a decision (decide them in Korak's Conflicts view)"), NULL },
    { "desks", 0, 0, G_OPTION_ARG_NONE, &desks,
      N_("List this desk and the desks it has heard from"), NULL },
    { NULL }
  };

  summary = g_strdup_printf (_("Offline desks merge their work: sends this desk's changes to a file, "
                               "or applies a file from another desk. The organisation's exchange "
                               "passphrase is read from %s or typed when asked."), PASSPHRASE_VARIABLE);
  context = korak_cli_command_context (summary, entries);
  if (!korak_cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  n_modes = (send != NULL) + (receive != NULL) + (list_conflicts != FALSE) + (desks != FALSE);
  if (n_modes != 1)
    {
      korak_cli_print_error (_("Give one of --send FILE, --receive FILE, --list-conflicts or --desks."));
      return EXIT_USAGE;
    }
  if (to != NULL && send == NULL)
    {
      korak_cli_print_error (_("--to goes with --send."));
      return EXIT_USAGE;
    }

  if (database == NULL)
    database = korak_store_default_path ();
  if (!korak_cli_database_exists (database) || !(store = korak_cli_open_store (database)))
    return EXIT_FAILURE;

  if (desks)
    return print_desks (store);
  if (list_conflicts)
    return print_conflicts (store);

  if (send != NULL)
    {
      gint64 desk_id = 0;
      gint64 pending;

      if (to != NULL && (desk_id = find_desk (store, to)) == 0)
        return EXIT_FAILURE;
      if ((pending = korak_exchange_count_pending (store, desk_id, &error)) < 0 ||
          !(passphrase = read_passphrase ()) ||
          !korak_exchange_write_bundle (store, desk_id, passphrase, send, &error))
        {
          if (error != NULL)
            korak_cli_print_error (error->message);
          return EXIT_FAILURE;
        }
      g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %lld change to %s.\n",
                            "Wrote %lld changes to %s.\n", (gulong)pending),
               (long long) pending, send);
      return EXIT_SUCCESS;
    }

  {
    g_autoptr(KorakExchangeReport) report = NULL;

    if (!(passphrase = read_passphrase ()))
      return EXIT_FAILURE;
    if (!korak_exchange_apply_bundle (store, passphrase, receive, &report, &error))
      {
        korak_cli_print_error (error->message);
        korak_cli_print_error (_("Nothing was applied."));
        return EXIT_FAILURE;
      }
    g_print (_("From %s, written %s: %u changes, %u applied, %u already here, %u new conflicts, %u settled.\n"),
             report->source_desk_name ? report->source_desk_name : "?", report->created_at ? report->created_at : "",
             report->n_changes, report->n_applied, report->n_skipped, report->n_conflicts, report->n_settled);
    if (report->n_conflicts > 0)
      g_print (_("Decide the conflicts in Korak's Conflicts view; list them with --list-conflicts.\n"));
  }

  return EXIT_SUCCESS;
}

/* The goals of the exchange: a month's work of a 20-person cohort written
 * to a bundle, and a 100,000-row bundle applied, on scratch databases. */
gboolean
korak_cli_bench_exchange (GError **error)
{
  g_autofree char *folder = g_dir_make_tmp ("korak-exchange-bench-XXXXXX", error);
  KorakExchangeBench result = { 0 };
  gboolean ok;

  if (folder == NULL)
    return FALSE;

  ok = korak_exchange_bench (folder, 100000, &result, error);
  if (ok)
    {
      g_print (_("Exchange between desks (Argon2id key %.0f ms each time):\n"), result.derive_ms);
      g_print (_("  a month of a %u-person cohort: %u changes, %u rows, %lu bytes\n"),
               result.month_people, result.month_changes, result.month_rows, (gulong) result.month_bytes);
      korak_cli_print_figure (_("  writing its bundle"), result.month_write_ms, KORAK_EXCHANGE_GOAL_MONTH_WRITE_MS);
      g_print (_("  applying it at the office          %9.2f ms\n"), result.month_apply_ms);
      g_print (_("  a bundle of %u rows (%u changes, %lu bytes)\n"),
               result.big_rows, result.big_changes, (gulong) result.big_bytes);
      g_print (_("  writing it                         %9.2f ms\n"), result.big_write_ms);
      korak_cli_print_figure (_("  applying it"), result.big_apply_ms, KORAK_EXCHANGE_GOAL_BIG_APPLY_MS);
    }

  korak_cli_remove_folder (folder);
  return ok;
}
