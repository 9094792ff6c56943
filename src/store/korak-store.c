/* korak-store.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "korak-store-private.h"

#define DEFAULT_BUSY_TIMEOUT_MS 3000

struct _KorakStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt, finalized on dispose */
  int         schema_version;
  gint64      desk_id;
  gint64      actor_id;     /* the staff member using Korak, 0 unknown */
  char       *actor_name;   /* their name, else the operating system user's */
  guint       in_transaction : 1;
  guint       audit_off : 1; /* korak_audit_enabled() answers 0 (sample data, erasure) */
  guint       recording_off : 1; /* changes reach no outbox (sample data, applying a bundle) */
  guint       committing : 1;    /* inside korak_store_commit(): the commit hook lets it through */

  /* The exchange (korak-exchange.c): every committed change to a replicated
   * table reaches the outbox in its own transaction. */
  sqlite3_session *session;
  GHashTable      *replicated;   /* table name → itself: what the session records */
  char            *commit_kind;  /* "edit", or "resolution" for the next commit */
  char            *commit_meta;  /* JSON kept with the next commit's changes, or NULL */
};

G_DEFINE_FINAL_TYPE (KorakStore, korak_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (korak-store-error-quark, korak_store_error)

static gboolean flush_stray (KorakStore  *self,
                             GError     **error);

static void
korak_store_finalize (GObject *object)
{
  KorakStore *self = (KorakStore *)object;

  if (self->session != NULL && !self->in_transaction && sqlite3_get_autocommit (self->db))
    {
      g_autoptr(GError) error = NULL;

      if (!flush_stray (self, &error))
        g_warning ("Changes to %s did not reach the outbox: %s", self->path, error->message);
    }

  g_clear_pointer (&self->statements, g_hash_table_unref);
  /* A session must go before its connection. */
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->replicated, g_hash_table_unref);
  g_clear_pointer (&self->commit_kind, g_free);
  g_clear_pointer (&self->commit_meta, g_free);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor_name, g_free);

  G_OBJECT_CLASS (korak_store_parent_class)->finalize (object);
}

static void
korak_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KorakStore *self = KORAK_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, self->schema_version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_store_class_init (KorakStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_store_finalize;
  object_class->get_property = korak_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
korak_store_init (KorakStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* Turns an SQLite result code into one of our codes with a message that
 * says what to do; SQLite's own words follow only as a detail. */
void
korak_error_from_sqlite (sqlite3  *db,
                         int       rc,
                         GError  **error)
{
  const char *file = db ? sqlite3_db_filename (db, "main") : NULL;
  g_autofree char *name = file && *file ? g_filename_display_basename (file) : g_strdup (_("the database"));
  /* The connection's message only when it is about this error: a code we
   * raise ourselves (a read-only file) would otherwise read “not an error”. */
  const char *detail = db && (sqlite3_errcode (db) & 0xff) == (rc & 0xff) ? sqlite3_errmsg (db)
                                                                         : sqlite3_errstr (rc);
  int primary = rc & 0xff;

  /* A write the disk refused (no room, a quota, a file size limit, a drive
   * pulled out) is an I/O error, not SQLITE_FULL: to the person at the desk
   * it is the same, and the edit saves once there is room again. */
  if (primary == SQLITE_IOERR && db != NULL)
    {
      int errnum = sqlite3_system_errno (db);

      if (errnum == ENOSPC || errnum == EDQUOT)
        primary = SQLITE_FULL;
      else if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE ||
               errnum == EFBIG)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_DISK_FULL,
                       _("Korak could not write the change to the disk: it is full, or the drive was removed. "
                         "Free some space or reconnect the drive and try again; nothing else was lost. (%s)"),
                       detail);
          return;
        }
    }

  switch (primary)
    {
    case SQLITE_CORRUPT:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT,
                   _("The database file “%s” is damaged. Korak did not change it. "
                     "Restore your latest backup, or keep the file and ask for help to recover it. (%s)"),
                   name, detail);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Korak database. Choose the right file, or start a new database. (%s)"),
                   name, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_LOCKED,
                   _("The database “%s” is in use by another program. "
                     "Close the other Korak window or program that uses it, then try again. (%s)"),
                   name, detail);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is read-only, so changes cannot be saved. "
                     "Copy it to a folder you can write to, or ask your administrator for permission. (%s)"),
                   name, detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_DISK_FULL,
                   _("The disk is full, so the change was not saved. "
                     "Free some space (empty the trash, remove old files) and try again; nothing else was lost. (%s)"),
                   detail);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CANNOT_OPEN,
                   _("The database “%s” could not be opened or read. "
                     "Check that the disk or USB drive is connected and the folder exists, then try again. (%s)"),
                   name, detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The change breaks a rule of the database and was not saved. (%s)"),
                   detail);
      break;

    default:
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                   _("The database reported an error, and the change was not saved. (%s)"),
                   detail);
      break;
    }
}

void
korak_store_set_error (KorakStore  *self,
                       int          rc,
                       GError     **error)
{
  korak_error_from_sqlite (self->db, rc, error);
}

sqlite3 *
korak_store_get_db (KorakStore *self)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), NULL);

  return self->db;
}

sqlite3_stmt *
korak_store_prepare (KorakStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (KORAK_IS_STORE (self));

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_debug ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      korak_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
korak_store_exec (KorakStore  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      korak_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
korak_store_step_done (KorakStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      korak_store_set_error (self, sqlite3_extended_errcode (self->db), error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * korak_store_delete_by_id:
 * @sql: a DELETE with one parameter, the id
 * @missing: (nullable): the translated message when no row was deleted;
 *   %NULL when the caller has checked already
 *
 * Deletes one row in a transaction of its own.
 */
gboolean
korak_store_delete_by_id (KorakStore  *self,
                          const char  *sql,
                          gint64       id,
                          const char  *missing,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  if (!korak_store_begin (self, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (self, sql, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!korak_store_step_done (self, stmt, error))
    goto failed;
  if (missing != NULL && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND, missing);
      goto failed;
    }

  return korak_store_commit (self, error);

failed:
  korak_store_rollback (self);
  return FALSE;
}

void
korak_bind_text (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
korak_column_dup (sqlite3_stmt *stmt,
                  int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? g_strdup (text) : NULL;
}

/* ------------------------------------------------------------ the outbox */

/*
 * Every committed change to a replicated table reaches the outbox in the
 * transaction that makes it, so a change is never lost from the exchange,
 * even when Korak is killed right after COMMIT. An SQLite session on this
 * connection records the changes of a transaction; korak_store_commit()
 * takes them as a changeset just before COMMIT, writes it to
 * exchange_outbox under this desk's next sequence number, and starts the
 * session afresh. A rollback throws the session's changes away with the
 * rest. A write outside korak_store_begin()…korak_store_commit() (an
 * autocommit statement) reaches the outbox before the next transaction.
 *
 * What is not replicated: each desk's own bookkeeping (desk, the
 * exchange_* tables), its audit log (a desk audits the changes made on it,
 * and the triggers audit a bundle's changes as they apply), SQLite's own
 * tables and the full-text index's shadow tables, which its triggers keep.
 */

static const char * const local_tables[] = {
  "audit_log",
  "desk",
};

static gboolean
is_local_table (const char *name)
{
  if (g_str_has_prefix (name, "sqlite_") || g_str_has_prefix (name, "exchange_"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (local_tables); i++)
    if (g_str_equal (name, local_tables[i]))
      return TRUE;
  return FALSE;
}

/* Ordinary tables (not virtual, not shadow) that are not local-only. */
static gboolean
load_replicated_tables (KorakStore  *self,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_clear_pointer (&self->replicated, g_hash_table_unref);
  self->replicated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  rc = sqlite3_prepare_v2 (self->db, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);

      if (!is_local_table (name))
        g_hash_table_add (self->replicated, g_strdup (name));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static int
session_table_filter (void       *user_data,
                      const char *table)
{
  KorakStore *self = user_data;

  return g_hash_table_contains (self->replicated, table);
}

/* Throws away what the session holds and starts recording afresh. */
static gboolean
session_restart (KorakStore  *self,
                 GError     **error)
{
  int rc;

  g_clear_pointer (&self->session, sqlite3session_delete);

  rc = sqlite3session_create (self->db, "main", &self->session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (self->session, session_table_filter, self);
      rc = sqlite3session_attach (self->session, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&self->session, sqlite3session_delete);
      korak_store_set_error (self, rc, error);
      return FALSE;
    }
  sqlite3session_enable (self->session, !self->recording_off);

  return TRUE;
}

/* A write that commits on its own, outside korak_store_begin() and
 * korak_store_commit() (an autocommit statement, or SQL run straight on the
 * connection), leaves its changes in the session: flush_stray() writes them
 * to the outbox in a transaction of their own before the next transaction
 * starts or the store closes. Korak's own writes all go through
 * korak_store_begin(); this is the net under them. */
static int
on_commit_hook (void *user_data)
{
  KorakStore *self = user_data;

  if (!self->committing && self->session != NULL && !sqlite3session_isempty (self->session))
    g_debug ("A change to %s was committed outside korak_store_begin()/korak_store_commit(); "
             "it goes to the outbox with the next transaction", self->path);
  return 0;
}

/* What a change is known by wherever it travels, even once an erasure
 * has taken traces out of the copy kept here: SHA-256 of the changeset as
 * its desk made it, the first 16 bytes. */
void
korak_change_digest (const void *changeset,
                     gsize       size,
                     guint8     *digest)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 full[32];
  gsize length = sizeof full;

  g_checksum_update (checksum, changeset, size);
  g_checksum_get_digest (checksum, full, &length);
  memcpy (digest, full, KORAK_CHANGE_DIGEST_SIZE);
}

static gboolean
write_outbox (KorakStore  *self,
              const void  *changeset,
              int          size,
              const char  *kind,
              const char  *meta,
              GError     **error)
{
  g_autofree char *now = NULL;
  guint8 digest[KORAK_CHANGE_DIGEST_SIZE];
  sqlite3_stmt *stmt;
  gint64 seq;
  int rc;

  if (!(stmt = korak_store_prepare (self, "UPDATE desk SET seq = seq + 1 WHERE id = ?1 RETURNING seq", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->desk_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rc = rc == SQLITE_DONE ? SQLITE_CORRUPT : sqlite3_extended_errcode (self->db);
      sqlite3_reset (stmt);
      korak_store_set_error (self, rc, error);
      return FALSE;
    }
  seq = sqlite3_column_int64 (stmt, 0);
  if (!korak_store_step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (self,
                                    "INSERT INTO exchange_outbox (origin_desk, origin_seq, created_at, kind, meta, changeset, "
                                    "  digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
    return FALSE;
  now = korak_store_now_iso ();
  sqlite3_bind_int64 (stmt, 1, self->desk_id);
  sqlite3_bind_int64 (stmt, 2, seq);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, kind ? kind : "edit", -1, SQLITE_STATIC);
  korak_bind_text (stmt, 5, meta);
  sqlite3_bind_blob (stmt, 6, changeset, size, SQLITE_STATIC);
  korak_change_digest (changeset, size, digest);
  sqlite3_bind_blob (stmt, 7, digest, sizeof digest, SQLITE_STATIC);

  return korak_store_step_done (self, stmt, error);
}

/* Only an erasure deletes a person (DESIGN.md: archive, never delete). */
static gboolean
erases_person (const void *changeset,
               int         size)
{
  sqlite3_changeset_iter *iter = NULL;
  gboolean found = FALSE;

  if (sqlite3changeset_start (&iter, size, (void *)changeset) != SQLITE_OK)
    return FALSE;
  while (!found && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;

      if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) == SQLITE_OK &&
          op == SQLITE_DELETE && g_strcmp0 (table, "participant") == 0)
        found = TRUE;
    }
  sqlite3changeset_finalize (iter);

  return found;
}

/* The session's changes, if any, into the outbox; then a fresh session. */
static gboolean
flush_session (KorakStore  *self,
               GError     **error)
{
  const char *kind = self->commit_kind;
  void *changeset = NULL;
  int size = 0;
  int rc;

  if (self->session == NULL)
    return TRUE;

  if (!sqlite3session_isempty (self->session))
    {
      rc = sqlite3session_changeset (self->session, &size, &changeset);

      /* An erasure travels as a patchset, whose deletions name only the
       * keys: no outbox keeps what was erased, and the changes before it
       * lose their traces of the person (korak_exchange_scrub_erased()). */
      if (rc == SQLITE_OK && size > 0 && erases_person (changeset, size))
        {
          g_clear_pointer (&changeset, sqlite3_free);
          rc = sqlite3session_patchset (self->session, &size, &changeset);
          kind = "erasure";
        }
      if (rc != SQLITE_OK)
        {
          sqlite3_free (changeset);
          korak_store_set_error (self, rc, error);
          return FALSE;
        }

      /* A row inserted and deleted again leaves an empty changeset. */
      if (size > 0 &&
          (!write_outbox (self, changeset, size, kind, self->commit_meta, error) ||
           (g_strcmp0 (kind, "erasure") == 0 && !korak_exchange_scrub_erased (self, changeset, size, error))))
        {
          sqlite3_free (changeset);
          return FALSE;
        }
      sqlite3_free (changeset);
    }

  return session_restart (self, error);
}

/* Changes committed outside a transaction of ours (see on_commit_hook())
 * into the outbox, in a transaction of their own. */
static gboolean
flush_stray (KorakStore  *self,
             GError     **error)
{
  gboolean ok;

  if (self->session == NULL || sqlite3session_isempty (self->session))
    return TRUE;

  if (!korak_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!flush_session (self, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  self->committing = TRUE;
  ok = korak_store_exec (self, "COMMIT", error);
  self->committing = FALSE;
  if (!ok)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  return ok;
}

gboolean
korak_store_begin (KorakStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!flush_stray (self, error))
    return FALSE;

  /* IMMEDIATE takes the write lock now, so a busy database fails before
   * the user's change is half applied rather than at COMMIT. */
  if (!korak_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
korak_store_commit (KorakStore  *self,
                    GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (KORAK_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  /* Before COMMIT, in the same transaction: the outbox row commits with
   * the change or not at all. */
  if (!flush_session (self, error))
    {
      korak_store_rollback (self);
      return FALSE;
    }

  self->committing = TRUE;
  ok = korak_store_exec (self, "COMMIT", error);
  self->committing = FALSE;
  if (!ok)
    {
      korak_store_rollback (self);
      return FALSE;
    }

  g_clear_pointer (&self->commit_kind, g_free);
  g_clear_pointer (&self->commit_meta, g_free);
  self->in_transaction = FALSE;
  return TRUE;
}

void
korak_store_rollback (KorakStore *self)
{
  g_return_if_fail (KORAK_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  g_clear_pointer (&self->commit_kind, g_free);
  g_clear_pointer (&self->commit_meta, g_free);

  /* The session recorded changes that are no longer there. */
  if (self->session != NULL && !session_restart (self, NULL))
    g_warning ("Could not restart the change recorder of %s", self->path);
}

/**
 * korak_store_set_recording:
 * @recording: %FALSE: the changes committed from now on reach no outbox
 *
 * For work that every desk must not receive as changes: the sample data
 * (the baseline all desks start from) and the changes of another desk's
 * bundle as they apply (they travel on as that desk's, not as this one's).
 * Call it outside a transaction.
 */
void
korak_store_set_recording (KorakStore *self,
                           gboolean    recording)
{
  g_return_if_fail (KORAK_IS_STORE (self));
  g_return_if_fail (!self->in_transaction);

  self->recording_off = !recording;
  if (self->session != NULL)
    sqlite3session_enable (self->session, recording);
}

gboolean
korak_store_get_recording (KorakStore *self)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), FALSE);

  return !self->recording_off;
}

/**
 * korak_store_pause_recording:
 *
 * Inside a transaction: stop (%TRUE) or go on (%FALSE) recording, for a
 * step whose change must not travel (korak-exchange.c resolves a conflict
 * so that the change recorded is the one other desks need).
 */
void
korak_store_pause_recording (KorakStore *self,
                             gboolean    paused)
{
  g_return_if_fail (KORAK_IS_STORE (self));

  if (self->session != NULL)
    sqlite3session_enable (self->session, !paused && !self->recording_off);
}

/**
 * korak_store_tag_commit:
 * @kind: "edit" or "resolution"
 * @meta: (nullable): JSON kept with the changes
 *
 * What the outbox records with the changes of the transaction under way.
 */
void
korak_store_tag_commit (KorakStore *self,
                        const char *kind,
                        const char *meta)
{
  g_return_if_fail (KORAK_IS_STORE (self));
  g_return_if_fail (self->in_transaction);

  g_free (self->commit_kind);
  self->commit_kind = g_strdup (kind);
  g_free (self->commit_meta);
  self->commit_meta = g_strdup (meta);
}

/**
 * korak_store_append_outbox:
 *
 * Inside a transaction: writes a changeset made by hand (not recorded by
 * the session) to the outbox as this desk's next change.
 */
gboolean
korak_store_append_outbox (KorakStore  *self,
                           const void  *changeset,
                           gsize        size,
                           const char  *kind,
                           const char  *meta,
                           GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (size <= G_MAXINT, FALSE);

  /* The session's changes so far come first, in their own entry. */
  if (!flush_session (self, error))
    return FALSE;

  return write_outbox (self, changeset, (int)size, kind, meta, error);
}

/**
 * korak_store_is_replicated:
 *
 * Whether changes to @table travel to other desks.
 */
gboolean
korak_store_is_replicated (KorakStore *self,
                           const char *table)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), FALSE);

  return self->replicated != NULL && g_hash_table_contains (self->replicated, table);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * korak_store_list_replicated:
 *
 * Returns: (transfer full): the replicated tables, by name
 */
GStrv
korak_store_list_replicated (KorakStore *self)
{
  g_autofree const char **names = NULL;
  guint n = 0;

  g_return_val_if_fail (KORAK_IS_STORE (self), NULL);

  names = (const char **)g_hash_table_get_keys_as_array (self->replicated, &n);
  g_qsort_with_data (names, n, sizeof (char *), compare_names, NULL);

  return g_strdupv ((char **)names);
}

void
korak_store_set_desk_id (KorakStore *self,
                         gint64      desk_id)
{
  g_return_if_fail (KORAK_IS_STORE (self));

  self->desk_id = desk_id;
}

static gboolean
start_recording (KorakStore  *self,
                 GError     **error)
{
  if (!load_replicated_tables (self, error) || !session_restart (self, error))
    return FALSE;

  sqlite3_commit_hook (self->db, on_commit_hook, self);
  return TRUE;
}

gint64
korak_store_new_id (void)
{
  guint64 hi = g_random_int ();
  guint64 lo = g_random_int ();

  /* 1 … 2^62: unique across desks with overwhelming likelihood. */
  return (gint64)(((hi << 32) | lo) & ((G_GUINT64_CONSTANT (1) << 62) - 1)) + 1;
}

char *
korak_store_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
korak_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "korak", "korak.db", NULL);
}

static gboolean
read_user_version (KorakStore  *self,
                   int         *version,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rc = sqlite3_extended_errcode (self->db);
      sqlite3_finalize (stmt);
      korak_store_set_error (self, rc, error);
      return FALSE;
    }

  *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
ensure_local_desk (KorakStore  *self,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (self, "SELECT id FROM desk WHERE is_local = 1", error)))
    return FALSE;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      self->desk_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);

  if (!korak_store_begin (self, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (self, "INSERT INTO desk (id, name, is_local) VALUES (?, ?, 1)", error)))
    goto failed;

  self->desk_id = korak_store_new_id ();
  sqlite3_bind_int64 (stmt, 1, self->desk_id);
  korak_bind_text (stmt, 2, g_get_host_name ());
  if (!korak_store_step_done (self, stmt, error))
    goto failed;

  return korak_store_commit (self, error);

failed:
  korak_store_rollback (self);
  return FALSE;
}

static gboolean
migrate (KorakStore  *self,
         int          from_version,
         GError     **error)
{
  g_autofree char *set_version = NULL;

  if (from_version == KORAK_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!korak_store_begin (self, error))
    return FALSE;

  if (!korak_migrations_run (self->db, from_version, KORAK_STORE_SCHEMA_VERSION, error))
    {
      korak_store_rollback (self);
      return FALSE;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", KORAK_STORE_SCHEMA_VERSION);
  if (!korak_store_exec (self, set_version, error))
    {
      korak_store_rollback (self);
      return FALSE;
    }

  return korak_store_commit (self, error);
}

/* The audit triggers (migration 6) ask the connection who is at work and
 * whether to record at all; these answer from the store that owns it. Not
 * DIRECTONLY: triggers must call them. A connection without them (the
 * sqlite3 shell) cannot change a person's data, so nothing escapes the log. */
static void
sql_actor_id (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  KorakStore *self = sqlite3_user_data (context);

  sqlite3_result_int64 (context, self->actor_id);
}

static void
sql_actor_name (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  KorakStore *self = sqlite3_user_data (context);

  sqlite3_result_text (context, korak_store_get_actor_name (self), -1, SQLITE_TRANSIENT);
}

static void
sql_audit_enabled (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  KorakStore *self = sqlite3_user_data (context);

  sqlite3_result_int (context, !self->audit_off);
}

static int
register_functions (KorakStore *self)
{
  static const struct {
    const char *name;
    void      (*func) (sqlite3_context *, int, sqlite3_value **);
  } functions[] = {
    { "korak_actor_id", sql_actor_id },
    { "korak_actor_name", sql_actor_name },
    { "korak_audit_enabled", sql_audit_enabled },
  };

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      int rc = sqlite3_create_function_v2 (self->db, functions[i].name, 0,
                                           SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                           self, functions[i].func, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}

/* Creates the folder (0700) and an empty file (0600) before SQLite does,
 * so that people's data is never readable by other users of the laptop. */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, KORAK_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? KORAK_STORE_ERROR_READ_ONLY
                                                                 : KORAK_STORE_ERROR_CANNOT_OPEN,
                   _("The folder “%s” could not be created: %s. Choose a folder you can write to."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, KORAK_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? KORAK_STORE_ERROR_READ_ONLY
                                                                 : KORAK_STORE_ERROR_CANNOT_OPEN,
                   _("The database “%s” could not be created: %s. Choose a folder you can write to."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  return TRUE;
}

/**
 * korak_store_open:
 * @path: (nullable): the database file, or %NULL for the default
 *
 * Opens or creates a Korak database and brings its schema up to date.
 * A file from a newer Korak, a damaged file, a read-only file or a file
 * that is not a database is refused with a #KorakStoreError and is left
 * exactly as it was.
 */
KorakStore *
korak_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(KorakStore) self = NULL;
  g_autofree char *default_path = NULL;
  sqlite3_stmt *stmt;
  int version = 0;
  int rc;

  if (path == NULL)
    path = default_path = korak_store_default_path ();

  if (!prepare_file (path, error))
    return NULL;

  self = g_object_new (KORAK_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      korak_store_set_error (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);

  if ((rc = register_functions (self)) != SQLITE_OK)
    {
      korak_store_set_error (self, rc, error);
      return NULL;
    }

  /* Before the first read: reading a WAL database leaves -wal and -shm
   * files beside it, which a connection that cannot write never removes. */
  if (sqlite3_db_readonly (self->db, "main") == 1 || access (path, W_OK) != 0)
    {
      korak_store_set_error (self, SQLITE_READONLY, error);
      return NULL;
    }

  /* Read before anything writes: the journal mode and migrations must not
   * touch a file we are going to refuse. */
  if (!read_user_version (self, &version, error))
    return NULL;

  if (version > KORAK_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NEWER_SCHEMA,
                   _("This database was made by a newer version of Korak (database version %d, "
                     "this Korak knows up to %d). Update Korak to open it; the file was not changed."),
                   version, KORAK_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (!korak_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!(stmt = korak_store_prepare (self, "PRAGMA journal_mode = WAL", error)))
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (self, sqlite3_extended_errcode (self->db), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  if (!korak_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  /* A statement that fires triggers (the audit log's) keeps a statement
   * journal to undo itself; in a file, once one has spilled, that is a
   * write per row. In memory it costs nothing, and temporary tables (the
   * row ids an erasure collects) never reach the disk. */
  if (!korak_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  /* What a change replaces or deletes is written over inside its page,
   * so an earlier version of a person's data does not linger in the file
   * (an erasure writes over freed pages too, see korak-audit.c). */
  if (!korak_store_exec (self, "PRAGMA secure_delete = FAST", error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;
  self->schema_version = KORAK_STORE_SCHEMA_VERSION;

  if (!ensure_local_desk (self, error))
    return NULL;

  /* After the migrations: they are not changes any desk sends. */
  if (!start_recording (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
korak_store_get_path (KorakStore *self)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), NULL);

  return self->path;
}

int
korak_store_get_schema_version (KorakStore *self)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), 0);

  return self->schema_version;
}

gint64
korak_store_get_desk_id (KorakStore *self)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), 0);

  return self->desk_id;
}

void
korak_store_set_busy_timeout (KorakStore *self,
                              int         milliseconds)
{
  g_return_if_fail (KORAK_IS_STORE (self));

  sqlite3_busy_timeout (self->db, milliseconds);
}

gint64
korak_store_count_rows (KorakStore  *self,
                        const char  *table,
                        GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (self), -1);

  /* Table names cannot be bound; quote it as an identifier instead. */
  sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", table);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  sqlite3_free (g_steal_pointer (&sql));
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (self, sqlite3_extended_errcode (self->db), error);
      sqlite3_finalize (stmt);
      return -1;
    }

  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/**
 * korak_store_integrity_check:
 *
 * Returns: "ok", or SQLite's list of problems, one a line.
 */
char *
korak_store_integrity_check (KorakStore  *self,
                             GError     **error)
{
  g_autoptr(GString) result = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (self), NULL);

  if (!(stmt = korak_store_prepare (self, "PRAGMA integrity_check", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (result->len > 0)
        g_string_append_c (result, '\n');
      g_string_append (result, (const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (self, rc, error);
      return NULL;
    }

  if (!(stmt = korak_store_prepare (self, "PRAGMA foreign_key_check", error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (result, "\nforeign key: %s row %lld → %s",
                            sqlite3_column_text (stmt, 0),
                            (long long)sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);

  return g_string_free (g_steal_pointer (&result), FALSE);
}

/**
 * korak_store_set_actor:
 * @staff_id: the staff member using Korak (chosen in preferences), 0 for none
 * @name: (nullable): their name; %NULL: the operating system user's full name
 *
 * Who the audit log records for the changes made through this store.
 */
void
korak_store_set_actor (KorakStore *self,
                       gint64      staff_id,
                       const char *name)
{
  g_return_if_fail (KORAK_IS_STORE (self));

  self->actor_id = staff_id;
  g_free (self->actor_name);
  self->actor_name = g_strdup (name != NULL && *name != '\0' ? name : g_get_real_name ());
}

gint64
korak_store_get_actor_id (KorakStore *self)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), 0);

  return self->actor_id;
}

const char *
korak_store_get_actor_name (KorakStore *self)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), NULL);

  if (self->actor_name == NULL)
    self->actor_name = g_strdup (g_get_real_name ());
  return self->actor_name;
}

/**
 * korak_store_set_audit_enabled:
 *
 * Whether changes to a person's data are written to the audit log (the
 * default). Only bulk work that is not anyone's data entry turns it off:
 * the sample data generator, and erasure, which must leave no trace.
 */
void
korak_store_set_audit_enabled (KorakStore *self,
                               gboolean    enabled)
{
  g_return_if_fail (KORAK_IS_STORE (self));

  self->audit_off = !enabled;
}

gboolean
korak_store_get_audit_enabled (KorakStore *self)
{
  g_return_val_if_fail (KORAK_IS_STORE (self), FALSE);

  return !self->audit_off;
}

/**
 * korak_store_insert_with_id:
 * @stmt: an INSERT whose parameter 1 is the new row's id
 *
 * Binds a random id (DESIGN.md: keys unique across desks) and steps,
 * drawing again on the rare clash.
 */
gboolean
korak_store_insert_with_id (KorakStore    *self,
                            sqlite3_stmt  *stmt,
                            gint64        *id,
                            GError       **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      int rc;

      *id = korak_store_new_id ();
      sqlite3_bind_int64 (stmt, 1, *id);
      rc = sqlite3_step (stmt);
      /* The extended code tells a clash of keys from other constraints. */
      rc = rc == SQLITE_DONE ? rc : sqlite3_extended_errcode (self->db);
      sqlite3_reset (stmt);

      if (rc == SQLITE_DONE)
        return TRUE;
      if (rc != SQLITE_CONSTRAINT_PRIMARYKEY || attempt >= 8)
        {
          korak_store_set_error (self, rc, error);
          *id = 0;
          return FALSE;
        }
    }
}

/* "HH:MM" as stored to minutes after midnight, -1 for anything else. */
int
korak_time_minutes (const char *time)
{
  if (time == NULL || strlen (time) != 5 || !g_ascii_isdigit (time[0]) || !g_ascii_isdigit (time[1]) ||
      time[2] != ':' || !g_ascii_isdigit (time[3]) || !g_ascii_isdigit (time[4]))
    return -1;

  return ((time[0] - '0') * 10 + (time[1] - '0')) * 60 + (time[3] - '0') * 10 + (time[4] - '0');
}

/**
 * korak_store_step_ok:
 * @rc: what sqlite3_step() returned
 *
 * Returns: %TRUE for a row or the end of the rows; otherwise sets @error
 *   from @rc and returns %FALSE.
 */
gboolean
korak_store_step_ok (KorakStore  *self,
                     int          rc,
                     GError     **error)
{
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  korak_store_set_error (self, rc, error);
  return FALSE;
}
