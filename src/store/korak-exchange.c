/* korak-exchange.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sodium.h>
#include <string.h>

#include "korak-exchange-private.h"
#include "korak-store-private.h"

/*
 * Change bundles between offline desks.
 *
 * The outbox (exchange_outbox, written by korak_store_commit()) holds every
 * change this desk made, as an SQLite changeset under (this desk, 1, 2, …),
 * and every change it applied from others under their (origin desk,
 * number); its pos column is the order in which this desk wrote or applied
 * them. That order respects what depends on what (a change is applied here
 * only after everything it was made on top of), so a bundle lists its
 * changes in it and a desk applies them in the bundle's order, each origin's
 * numbers one after the other, skipping what it has already.
 *
 * desk.seq is, for this desk, its last change number and, for every other
 * desk, the last of its changes applied here. A bundle carries the writer's
 * desk.seq of every desk; the receiver keeps them in exchange_ack as what
 * that desk has, and leaves those changes out of the bundles it writes for
 * it. A lost bundle costs nothing: its changes stay unconfirmed and go again.
 *
 * A bundle file is a 128-byte header in the clear, then the payload (a
 * GVariant, little-endian) in chunks of XChaCha20-Poly1305 secretstream
 * (libsodium), each chunk authenticated together with the header as
 * associated data, the last one tagged FINAL, so a truncated, reordered or
 * altered file is refused. The key is Argon2id (crypto_pwhash) of the
 * organisation's exchange passphrase with a random salt from the header.
 * The header says which organisation and schema the bundle is for, so a
 * bundle of another organisation or a newer Korak is refused with its own
 * message before any key is made; it carries a check value of the key, so
 * a wrong passphrase is told apart from a damaged file, and a checksum of
 * itself, so a damaged header is too.
 *
 *   0  magic "KORAKBN1"        56  salt (16)
 *   8  format version (u16)    72  secretstream header (24)
 *  10  flags (u16, 0)          96  key check: BLAKE2b-128 keyed with the key
 *  12  schema version (u32)   112  checksum: BLAKE2b-128 of bytes 0–111
 *  16  organisation id (i64)
 *  24  source desk id (i64)    then chunks: u32 length, ciphertext
 *  32  to desk id (i64)        (all integers big-endian)
 *  40  created, Unix time (i64)
 *  48  Argon2id opslimit (u32)
 *  52  Argon2id memlimit in KiB (u32)
 *
 * Each change also carries a digest of itself as its desk made it: a desk
 * restored from a backup that numbers a new change like one it sent before
 * is caught (korak_exchange_init_desk() gives it a new identity instead).
 *
 * Conflicts: the handler given to sqlite3changeset_apply_v2() decides
 * nothing silently. A change that finds the row as it expected applies. One
 * that finds it already as it would make it, or that differs from it only
 * in the bookkeeping columns (created_at, updated_at, updated_by: the later
 * wins, so every desk ends the same), is no conflict. Everything else (the
 * same row changed here, a row deleted here or there, a key or a rule
 * broken) is written to exchange_conflict and the incoming change is left
 * out. Foreign keys are off while a bundle applies (each changeset holds
 * the cascades its desk made); afterwards rows whose parent is gone (a
 * child added on one desk while the parent was deleted on another) are
 * taken out and kept as conflicts too.
 *
 * A choice (korak_exchange_resolve_conflict()) is written as an ordinary
 * change of this desk, tagged "resolution" with fingerprints of the
 * versions of the row the chooser saw, and recorded so that every column
 * in which one of those versions differs from the choice is in it: where
 * the row is in a version the chooser saw, the change replaces it with the
 * choice and settles the open conflicts about the row there. A version the
 * chooser did not see makes a new conflict.
 *
 * An erasure (korak_store_erase_person()) travels as a patchset, which
 * names only the keys of what it deletes, and wins over changes made
 * meanwhile. Every desk it reaches takes the person out of the changes it
 * keeps, the conflicts and the audit log, and remembers the erased rows (by
 * a digest) so that a change to them arriving later is dropped too.
 */

#define MAGIC               "KORAKBN1"
#define FORMAT_VERSION      1
#define HEADER_SIZE         128
#define HEADER_CHECKED      112
#define CHUNK_SIZE          (64 * 1024)
#define BIG_BUNDLE_ROWS     5000
#define KEY_CHECK_TEXT      "korak exchange key check"
#define PAYLOAD_TYPE        "(xsxxisa(xs)a(xx)a(xxsssayay))"

/* The Argon2id cost of the key of a new bundle (see korak_exchange_bench()
 * for what it takes); a reader takes the cost a bundle names, within
 * bounds. */
#define KORAK_EXCHANGE_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define KORAK_EXCHANGE_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

/* ---------------------------------------------------------------- values */

/* One SQL value, held beyond the life of an sqlite3_value. Type 0: not
 * given (an UPDATE's unchanged column). */
typedef struct
{
  int     type;
  gint64  i;
  double  d;
  GBytes *bytes;
} Value;

static void
value_clear (gpointer data)
{
  Value *value = data;

  g_clear_pointer (&value->bytes, g_bytes_unref);
  value->type = 0;
}

static GArray *
values_new (guint n)
{
  GArray *values = g_array_sized_new (FALSE, TRUE, sizeof (Value), n);

  g_array_set_clear_func (values, value_clear);
  g_array_set_size (values, n);
  return values;
}

static void
value_set (Value         *value,
           sqlite3_value *sv)
{
  value_clear (value);
  if (sv == NULL)
    return;

  value->type = sqlite3_value_type (sv);
  switch (value->type)
    {
    case SQLITE_INTEGER:
      value->i = sqlite3_value_int64 (sv);
      break;
    case SQLITE_FLOAT:
      value->d = sqlite3_value_double (sv);
      break;
    case SQLITE_TEXT:
      value->bytes = g_bytes_new (sqlite3_value_text (sv), sqlite3_value_bytes (sv));
      break;
    case SQLITE_BLOB:
      value->bytes = g_bytes_new (sqlite3_value_blob (sv), sqlite3_value_bytes (sv));
      break;
    default:
      value->type = SQLITE_NULL;
      break;
    }
}

static void
value_copy (Value       *dest,
            const Value *src)
{
  value_clear (dest);
  *dest = *src;
  if (src->bytes != NULL)
    dest->bytes = g_bytes_ref (src->bytes);
}

/* As SQLite's IS: 1 and 1.0 are the same. */
static gboolean
value_equal (const Value *a,
             const Value *b)
{
  if ((a->type == SQLITE_INTEGER || a->type == SQLITE_FLOAT) &&
      (b->type == SQLITE_INTEGER || b->type == SQLITE_FLOAT))
    {
      if (a->type == SQLITE_INTEGER && b->type == SQLITE_INTEGER)
        return a->i == b->i;
      return (a->type == SQLITE_INTEGER ? (double)a->i : a->d) ==
             (b->type == SQLITE_INTEGER ? (double)b->i : b->d);
    }
  if (a->type != b->type)
    return FALSE;
  if (a->type == SQLITE_TEXT || a->type == SQLITE_BLOB)
    return g_bytes_equal (a->bytes, b->bytes);
  return TRUE;
}

static void
value_bind (sqlite3_stmt *stmt,
            int           index,
            const Value  *value)
{
  gsize size = 0;
  gconstpointer data;

  switch (value->type)
    {
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, index, value->i);
      break;
    case SQLITE_FLOAT:
      sqlite3_bind_double (stmt, index, value->d);
      break;
    case SQLITE_TEXT:
      data = g_bytes_get_data (value->bytes, &size);
      sqlite3_bind_text (stmt, index, data ? data : "", (int)size, SQLITE_TRANSIENT);
      break;
    case SQLITE_BLOB:
      data = g_bytes_get_data (value->bytes, &size);
      sqlite3_bind_blob (stmt, index, data ? data : "", (int)size, SQLITE_TRANSIENT);
      break;
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

/* How a person reads a value; NULL for SQL null. */
static char *
value_to_display (const Value *value)
{
  gsize size = 0;
  gconstpointer data;

  switch (value->type)
    {
    case SQLITE_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value->i);
    case SQLITE_FLOAT:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value->d));
      }
    case SQLITE_TEXT:
      data = g_bytes_get_data (value->bytes, &size);
      return g_utf8_make_valid (data ? data : "", size);
    case SQLITE_BLOB:
      /* TRANSLATORS: a picture or file stored in the database, with its size */
      return g_strdup_printf (_("(data, %s)"), g_format_size (g_bytes_get_size (value->bytes)));
    default:
      return NULL;
    }
}

static void
json_append_string (GString    *json,
                    const char *text,
                    gsize       length)
{
  g_string_append_c (json, '"');
  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c == '"' || c == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, c);
        }
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, c);
    }
  g_string_append_c (json, '"');
}

static void
json_append_base64 (GString      *json,
                    const char   *key,
                    gconstpointer data,
                    gsize         size)
{
  g_autofree char *encoded = g_base64_encode (data, size);

  g_string_append_printf (json, "{\"%s\":\"%s\"}", key, encoded);
}

/* Typed JSON that json_each() reads back as the same SQL value: a real
 * always has a point or an exponent, a blob (and text that is not UTF-8,
 * and a real JSON cannot hold) is an object. Not given: null too. */
static void
value_append_json (GString     *json,
                   const Value *value)
{
  gsize size = 0;
  gconstpointer data;

  switch (value->type)
    {
    case SQLITE_INTEGER:
      g_string_append_printf (json, "%" G_GINT64_FORMAT, value->i);
      break;
    case SQLITE_FLOAT:
      if (!isfinite (value->d))
        {
          g_string_append_printf (json, "{\"$real\":\"%s\"}", isnan (value->d) ? "nan" : value->d > 0 ? "inf" : "-inf");
        }
      else
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (buffer, sizeof buffer, "%.17g", value->d);
          g_string_append (json, buffer);
          if (strpbrk (buffer, ".eE") == NULL)
            g_string_append (json, ".0");
        }
      break;
    case SQLITE_TEXT:
      data = g_bytes_get_data (value->bytes, &size);
      if (g_utf8_validate (data ? data : "", size, NULL) && memchr (data ? data : "", 0, size) == NULL)
        json_append_string (json, data ? data : "", size);
      else
        json_append_base64 (json, "$text64", data, size);
      break;
    case SQLITE_BLOB:
      data = g_bytes_get_data (value->bytes, &size);
      json_append_base64 (json, "$blob", data, size);
      break;
    default:
      g_string_append (json, "null");
      break;
    }
}

static char *
values_to_json (GArray *values)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      value_append_json (json, &g_array_index (values, Value, i));
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static char *
strings_to_json (const char * const *strings)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      json_append_string (json, strings[i], strlen (strings[i]));
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* Reads a JSON array written by values_to_json(), with SQLite's JSON. */
static GArray *
values_from_json (KorakStore  *store,
                  const char  *json,
                  GError     **error)
{
  g_autoptr(GArray) values = values_new (0);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT type, atom, "
                                    "  CASE WHEN type = 'object' THEN json_extract(value, '$.\"$blob\"') END, "
                                    "  CASE WHEN type = 'object' THEN json_extract(value, '$.\"$text64\"') END, "
                                    "  CASE WHEN type = 'object' THEN json_extract(value, '$.\"$real\"') END "
                                    "FROM json_each(?1) ORDER BY key", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *)sqlite3_column_text (stmt, 0);
      Value value = { 0 };

      if (g_strcmp0 (type, "integer") == 0)
        {
          value.type = SQLITE_INTEGER;
          value.i = sqlite3_column_int64 (stmt, 1);
        }
      else if (g_strcmp0 (type, "real") == 0)
        {
          value.type = SQLITE_FLOAT;
          value.d = sqlite3_column_double (stmt, 1);
        }
      else if (g_strcmp0 (type, "text") == 0)
        {
          value.type = SQLITE_TEXT;
          value.bytes = g_bytes_new (sqlite3_column_text (stmt, 1), sqlite3_column_bytes (stmt, 1));
        }
      else if (g_strcmp0 (type, "object") == 0 && sqlite3_column_type (stmt, 2) == SQLITE_TEXT)
        {
          gsize size = 0;
          guchar *data = g_base64_decode ((const char *)sqlite3_column_text (stmt, 2), &size);

          value.type = SQLITE_BLOB;
          value.bytes = g_bytes_new_take (data, size);
        }
      else if (g_strcmp0 (type, "object") == 0 && sqlite3_column_type (stmt, 3) == SQLITE_TEXT)
        {
          gsize size = 0;
          guchar *data = g_base64_decode ((const char *)sqlite3_column_text (stmt, 3), &size);

          value.type = SQLITE_TEXT;
          value.bytes = g_bytes_new_take (data, size);
        }
      else if (g_strcmp0 (type, "object") == 0 && sqlite3_column_type (stmt, 4) == SQLITE_TEXT)
        {
          const char *real = (const char *)sqlite3_column_text (stmt, 4);

          value.type = SQLITE_FLOAT;
          value.d = g_str_equal (real, "nan") ? NAN : g_str_equal (real, "inf") ? INFINITY : -INFINITY;
        }
      else
        value.type = SQLITE_NULL;

      g_array_append_val (values, value);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&values);
}

static GStrv
strings_from_json (KorakStore  *store,
                   const char  *json,
                   GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, "SELECT value FROM json_each(?1) ORDER BY key", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, json ? json : "[]", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/* A row's fingerprint: the same values give the same one on every desk. */
static char *
values_fingerprint (GArray *values)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < values->len; i++)
    {
      const Value *value = &g_array_index (values, Value, i);
      guint8 type = value->type;
      guint64 bits;
      guint32 size;

      g_checksum_update (checksum, &type, 1);
      switch (value->type)
        {
        case SQLITE_INTEGER:
          bits = GUINT64_TO_LE ((guint64)value->i);
          g_checksum_update (checksum, (const guchar *)&bits, sizeof bits);
          break;
        case SQLITE_FLOAT:
          memcpy (&bits, &value->d, sizeof bits);
          bits = GUINT64_TO_LE (bits);
          g_checksum_update (checksum, (const guchar *)&bits, sizeof bits);
          break;
        case SQLITE_TEXT:
        case SQLITE_BLOB:
          size = GUINT32_TO_LE ((guint32)g_bytes_get_size (value->bytes));
          g_checksum_update (checksum, (const guchar *)&size, sizeof size);
          g_checksum_update (checksum, g_bytes_get_data (value->bytes, NULL), g_bytes_get_size (value->bytes));
          break;
        default:
          break;
        }
    }

  /* 128 bits tell versions of one row apart. */
  return g_strndup (g_checksum_get_string (checksum), 32);
}

/* ---------------------------------------------------- changesets by hand */

/* SQLite's variable-length integer, as the changeset format uses it. */
static void
put_varint (GByteArray *buffer,
            guint64     v)
{
  guint8 bytes[10];
  int n = 0;

  if (v & (G_GUINT64_CONSTANT (0xff000000) << 32))
    {
      bytes[8] = (guint8)v;
      v >>= 8;
      for (int i = 7; i >= 0; i--)
        {
          bytes[i] = (guint8)((v & 0x7f) | 0x80);
          v >>= 7;
        }
      g_byte_array_append (buffer, bytes, 9);
      return;
    }

  {
    guint8 reversed[10];

    do
      {
        reversed[n++] = (guint8)((v & 0x7f) | 0x80);
        v >>= 7;
      }
    while (v != 0);
    reversed[0] &= 0x7f;
    for (int i = 0, j = n - 1; j >= 0; j--, i++)
      bytes[i] = reversed[j];
    g_byte_array_append (buffer, bytes, n);
  }
}

static void
put_value (GByteArray  *buffer,
           const Value *value)
{
  guint8 type = value->type == 0 ? 0
              : value->type == SQLITE_INTEGER ? 1
              : value->type == SQLITE_FLOAT ? 2
              : value->type == SQLITE_TEXT ? 3
              : value->type == SQLITE_BLOB ? 4
              : 5;
  guint64 bits;
  guint8 be[8];

  g_byte_array_append (buffer, &type, 1);
  switch (type)
    {
    case 1:
    case 2:
      if (type == 1)
        bits = (guint64)value->i;
      else
        memcpy (&bits, &value->d, sizeof bits);
      for (int i = 7; i >= 0; i--)
        {
          be[i] = bits & 0xff;
          bits >>= 8;
        }
      g_byte_array_append (buffer, be, 8);
      break;
    case 3:
    case 4:
      put_varint (buffer, g_bytes_get_size (value->bytes));
      g_byte_array_append (buffer, g_bytes_get_data (value->bytes, NULL), g_bytes_get_size (value->bytes));
      break;
    default:
      break;
    }
}

/* A changeset of one change to one row (the format of sqlite3session.h:
 * table header, operation, indirect flag, old and/or new record). */
static GBytes *
encode_change (const char    *table,
               guint          n_columns,
               const guint8  *pk_flags,
               int            op,
               GArray        *old_values,
               GArray        *new_values)
{
  GByteArray *buffer = g_byte_array_new ();
  guint8 byte;

  byte = 'T';
  g_byte_array_append (buffer, &byte, 1);
  put_varint (buffer, n_columns);
  g_byte_array_append (buffer, pk_flags, n_columns);
  g_byte_array_append (buffer, (const guint8 *)table, strlen (table) + 1);

  byte = (guint8)op;
  g_byte_array_append (buffer, &byte, 1);
  byte = 0;
  g_byte_array_append (buffer, &byte, 1);

  if (op != SQLITE_INSERT)
    for (guint i = 0; i < n_columns; i++)
      put_value (buffer, &g_array_index (old_values, Value, i));
  if (op != SQLITE_DELETE)
    for (guint i = 0; i < n_columns; i++)
      put_value (buffer, &g_array_index (new_values, Value, i));

  return g_byte_array_free_to_bytes (buffer);
}

typedef int (*IterValueFunc) (sqlite3_changeset_iter *, int, sqlite3_value **);

static GArray *
iter_values (sqlite3_changeset_iter *iter,
             int                     n_columns,
             IterValueFunc           func)
{
  GArray *values = values_new (n_columns);

  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *sv = NULL;

      if (func (iter, i, &sv) == SQLITE_OK)
        value_set (&g_array_index (values, Value, i), sv);
    }

  return values;
}

/* The key of the row the iterator's change is about, as row_key() writes it. */
static char *
iter_row_key (sqlite3_changeset_iter *iter,
              int                     op,
              int                     n_columns)
{
  GString *json = g_string_new ("[");
  unsigned char *pk = NULL;
  int n_pk = 0;
  gboolean first = TRUE;

  sqlite3changeset_pk (iter, &pk, &n_pk);
  for (int i = 0; i < n_columns && i < n_pk; i++)
    {
      sqlite3_value *sv = NULL;
      Value value = { 0 };

      if (!pk[i])
        continue;
      (op == SQLITE_INSERT ? sqlite3changeset_new : sqlite3changeset_old) (iter, i, &sv);
      value_set (&value, sv);
      if (!first)
        g_string_append_c (json, ',');
      value_append_json (json, &value);
      value_clear (&value);
      first = FALSE;
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* Appends the iterator's change to a changeset being written, with a
 * table header when the table changes. */
static void
append_change (GByteArray             *buffer,
               sqlite3_changeset_iter *iter,
               char                  **current_table)
{
  const char *table = NULL;
  int n_columns = 0, op = 0, indirect = 0;
  unsigned char *pk = NULL;
  int n_pk = 0;
  guint8 byte;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  sqlite3changeset_pk (iter, &pk, &n_pk);

  if (*current_table == NULL || strcmp (*current_table, table) != 0)
    {
      byte = 'T';
      g_byte_array_append (buffer, &byte, 1);
      put_varint (buffer, n_columns);
      g_byte_array_append (buffer, pk, n_columns);
      g_byte_array_append (buffer, (const guint8 *)table, strlen (table) + 1);
      g_free (*current_table);
      *current_table = g_strdup (table);
    }

  byte = (guint8)op;
  g_byte_array_append (buffer, &byte, 1);
  byte = (guint8)indirect;
  g_byte_array_append (buffer, &byte, 1);

  if (op != SQLITE_INSERT)
    {
      g_autoptr(GArray) old = iter_values (iter, n_columns, sqlite3changeset_old);

      for (int i = 0; i < n_columns; i++)
        put_value (buffer, &g_array_index (old, Value, i));
    }
  if (op != SQLITE_DELETE)
    {
      g_autoptr(GArray) new_ = iter_values (iter, n_columns, sqlite3changeset_new);

      for (int i = 0; i < n_columns; i++)
        put_value (buffer, &g_array_index (new_, Value, i));
    }
}

/* The rows an erasure deleted, as "table\nkey". */
static GHashTable *
erased_rows (const void *patchset,
             gsize       size)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_changeset_iter *iter = NULL;

  if (sqlite3changeset_start (&iter, (int)size, (void *)patchset) != SQLITE_OK)
    return rows;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      if (op == SQLITE_DELETE)
        {
          g_autofree char *key = iter_row_key (iter, op, n_columns);

          g_hash_table_add (rows, g_strconcat (table, "\n", key, NULL));
        }
    }
  sqlite3changeset_finalize (iter);

  return rows;
}

/* @changeset without the changes to @rows; NULL when it has none. */
static GBytes *
changeset_without (const guint8 *data,
                   gsize         size,
                   GHashTable   *rows)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree char *current_table = NULL;
  sqlite3_changeset_iter *iter = NULL;
  gboolean dropped = FALSE;

  if (sqlite3changeset_start (&iter, (int)size, (void *)data) != SQLITE_OK)
    return NULL;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;
      g_autofree char *key = NULL;
      g_autofree char *row = NULL;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      key = iter_row_key (iter, op, n_columns);
      row = g_strconcat (table, "\n", key, NULL);
      if (g_hash_table_contains (rows, row))
        dropped = TRUE;
      else
        append_change (buffer, iter, &current_table);
    }
  sqlite3changeset_finalize (iter);

  return dropped ? g_byte_array_free_to_bytes (g_steal_pointer (&buffer)) : NULL;
}

/* What a row erased here is known by: a digest of "table\nkey", so the
 * table of erased rows holds no key (a person's id) in the clear. */
static void
row_digest (const char *row,
            guint8     *digest)
{
  korak_change_digest (row, strlen (row), digest);
}

static gboolean
is_erased (KorakStore *store,
           const char *row)
{
  guint8 digest[KORAK_CHANGE_DIGEST_SIZE];
  sqlite3_stmt *stmt = korak_store_prepare (store, "SELECT 1 FROM exchange_erased WHERE digest = ?1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  row_digest (row, digest);
  sqlite3_bind_blob (stmt, 1, digest, sizeof digest, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Every trace of @rows ("table\nkey") out of the changes kept in the
 * outbox and out of the conflicts, and the rows remembered as erased. */
static gboolean
scrub_rows (KorakStore  *store,
            GHashTable  *rows,
            GError     **error)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) scrubbed = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  GHashTableIter iter;
  gpointer row;
  sqlite3_stmt *stmt;
  int rc;

  if (g_hash_table_size (rows) == 0)
    return TRUE;

  /* Changesets kept to send or pass on: rewritten without the rows. */
  if (!(stmt = korak_store_prepare (store, "SELECT pos, changeset FROM exchange_outbox WHERE kind != 'erasure'", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GBytes *without = changeset_without (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1), rows);

      if (without != NULL)
        {
          gint64 pos = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (positions, pos);
          g_ptr_array_add (scrubbed, without);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  if (!(stmt = korak_store_prepare (store, "UPDATE exchange_outbox SET changeset = ?2 WHERE pos = ?1", error)))
    return FALSE;
  for (guint i = 0; i < positions->len; i++)
    {
      GBytes *without = g_ptr_array_index (scrubbed, i);
      gsize n = 0;
      gconstpointer data = g_bytes_get_data (without, &n);

      sqlite3_bind_int64 (stmt, 1, g_array_index (positions, gint64, i));
      sqlite3_bind_blob (stmt, 2, data ? data : "", (int)n, SQLITE_STATIC);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;
    }

  /* Conflicts about the rows hold their values. */
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      const char *newline = strchr (row, '\n');
      g_autofree char *table = g_strndup (row, newline - (const char *)row);
      guint8 digest[KORAK_CHANGE_DIGEST_SIZE];

      if (!(stmt = korak_store_prepare (store, "DELETE FROM exchange_conflict WHERE table_name = ?1 AND row_key = ?2",
                                        error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, newline + 1, -1, SQLITE_STATIC);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;

      if (!(stmt = korak_store_prepare (store, "INSERT OR IGNORE INTO exchange_erased (digest) VALUES (?1)", error)))
        return FALSE;
      row_digest (row, digest);
      sqlite3_bind_blob (stmt, 1, digest, sizeof digest, SQLITE_TRANSIENT);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
korak_exchange_scrub_erased (KorakStore  *store,
                             const void  *patchset,
                             gsize        size,
                             GError     **error)
{
  g_autoptr(GHashTable) rows = erased_rows (patchset, size);

  return scrub_rows (store, rows, error);
}

/* ---------------------------------------------------------------- tables */

typedef struct
{
  char    *name;
  guint    n_columns;
  char   **columns;      /* NULL-terminated */
  guint8  *pk;           /* 1 for a primary key column */
  int      created_at;   /* column index, -1 when the table has none */
  int      updated_at;
  int      updated_by;
} TableInfo;

static void
table_info_free (gpointer data)
{
  TableInfo *info = data;

  g_free (info->name);
  g_strfreev (info->columns);
  g_free (info->pk);
  g_free (info);
}

static gboolean
is_bookkeeping (const TableInfo *info,
                guint            column)
{
  return (int)column == info->created_at || (int)column == info->updated_at || (int)column == info->updated_by;
}

/* Looked up once per operation; NULL with an error for a table that is not
 * here or does not travel. */
static TableInfo *
table_info_get (KorakStore  *store,
                GHashTable  *cache,
                const char  *table,
                GError     **error)
{
  g_autoptr(GStrvBuilder) names = NULL;
  g_autoptr(GByteArray) pk = NULL;
  g_autofree char *sql = NULL;
  TableInfo *info = g_hash_table_lookup (cache, table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (info != NULL)
    return info;

  if (!korak_store_is_replicated (store, table))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The changes name a table this desk does not share (“%s”). "
                     "The desks may run different versions of Korak; update both."),
                   table);
      return NULL;
    }

  names = g_strv_builder_new ();
  pk = g_byte_array_new ();
  sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
  rc = sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL);
  info = g_new0 (TableInfo, 1);
  info->name = g_strdup (table);
  info->created_at = info->updated_at = info->updated_by = -1;
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *column = (const char *)sqlite3_column_text (stmt, 1);
      guint8 is_pk = sqlite3_column_int (stmt, 5) > 0;

      if (g_str_equal (column, "created_at"))
        info->created_at = info->n_columns;
      else if (g_str_equal (column, "updated_at"))
        info->updated_at = info->n_columns;
      else if (g_str_equal (column, "updated_by"))
        info->updated_by = info->n_columns;
      g_strv_builder_add (names, column);
      g_byte_array_append (pk, &is_pk, 1);
      info->n_columns++;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  info->columns = g_strv_builder_end (names);
  info->pk = g_byte_array_free (g_steal_pointer (&pk), FALSE);

  if (rc != SQLITE_DONE)
    {
      table_info_free (info);
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  g_hash_table_insert (cache, info->name, info);
  return info;
}

static GHashTable *
table_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, table_info_free);
}

/* "[123]": the primary key values of @values, the same text on every desk. */
static char *
row_key (const TableInfo *info,
         GArray          *values)
{
  GString *json = g_string_new ("[");
  gboolean first = TRUE;

  for (guint i = 0; i < info->n_columns; i++)
    {
      if (!info->pk[i])
        continue;
      if (!first)
        g_string_append_c (json, ',');
      value_append_json (json, &g_array_index (values, Value, i));
      first = FALSE;
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static gint64
row_integer_id (const TableInfo *info,
                GArray          *values)
{
  guint n_pk = 0;
  gint64 id = 0;

  for (guint i = 0; i < info->n_columns; i++)
    if (info->pk[i])
      {
        const Value *value = &g_array_index (values, Value, i);

        n_pk++;
        id = value->type == SQLITE_INTEGER ? value->i : 0;
      }

  return n_pk == 1 ? id : 0;
}

static char *
pk_condition (const TableInfo *info,
              int              first_parameter)
{
  GString *sql = g_string_new (NULL);
  int parameter = first_parameter;

  for (guint i = 0; i < info->n_columns; i++)
    if (info->pk[i])
      g_string_append_printf (sql, "%s\"%s\" IS ?%d", sql->len ? " AND " : "", info->columns[i], parameter++);

  return g_string_free (sql, FALSE);
}

static void
bind_pk (sqlite3_stmt    *stmt,
         const TableInfo *info,
         GArray          *values,
         int              first_parameter)
{
  int parameter = first_parameter;

  for (guint i = 0; i < info->n_columns; i++)
    if (info->pk[i])
      value_bind (stmt, parameter++, &g_array_index (values, Value, i));
}

/* The row with the key of @key_values as it is here; NULL and no error
 * when there is none. */
static GArray *
read_row (KorakStore       *store,
          const TableInfo  *info,
          GArray           *key_values,
          gboolean         *found,
          GError          **error)
{
  g_autoptr(GArray) row = NULL;
  g_autofree char *condition = pk_condition (info, 1);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE %s", info->name, condition);
  sqlite3_stmt *stmt;
  int rc;

  *found = FALSE;
  if (!(stmt = korak_store_prepare (store, sql, error)))
    return NULL;
  bind_pk (stmt, info, key_values, 1);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = values_new (info->n_columns);
      for (guint i = 0; i < info->n_columns; i++)
        value_set (&g_array_index (row, Value, i), sqlite3_column_value (stmt, i));
      *found = TRUE;
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&row);
}

/* UPDATE the row with @key_values: the columns of @columns (indexes) to
 * @values. */
static gboolean
update_row (KorakStore       *store,
            const TableInfo  *info,
            GArray           *key_values,
            GArray           *columns,
            GArray           *values,
            GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *condition = NULL;
  sqlite3_stmt *stmt;
  int parameter = 1;

  if (columns->len == 0)
    return TRUE;

  g_string_append_printf (sql, "UPDATE \"%s\" SET ", info->name);
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\" = ?%u", i ? ", " : "",
                            info->columns[g_array_index (columns, guint, i)], i + 1);
  condition = pk_condition (info, columns->len + 1);
  g_string_append_printf (sql, " WHERE %s", condition);

  if (!(stmt = korak_store_prepare (store, sql->str, error)))
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    value_bind (stmt, parameter++, &g_array_index (values, Value, g_array_index (columns, guint, i)));
  bind_pk (stmt, info, key_values, parameter);

  return korak_store_step_done (store, stmt, error);
}

static gboolean
insert_row (KorakStore       *store,
            const TableInfo  *info,
            GArray           *values,
            GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_string_append_printf (sql, "INSERT INTO \"%s\" VALUES (", info->name);
  for (guint i = 0; i < info->n_columns; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append_c (sql, ')');

  if (!(stmt = korak_store_prepare (store, sql->str, error)))
    return FALSE;
  for (guint i = 0; i < info->n_columns; i++)
    value_bind (stmt, i + 1, &g_array_index (values, Value, i));

  return korak_store_step_done (store, stmt, error);
}

static gboolean
delete_row (KorakStore       *store,
            const TableInfo  *info,
            GArray           *key_values,
            GError          **error)
{
  g_autofree char *condition = pk_condition (info, 1);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE %s", info->name, condition);
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return FALSE;
  bind_pk (stmt, info, key_values, 1);

  return korak_store_step_done (store, stmt, error);
}

/* ----------------------------------------------------------------- desks */

typedef struct
{
  gint64  id;
  char   *name;
  gint64  seq;
  gint64  organisation_id;
  char   *key_check;
} LocalDesk;

static void
local_desk_clear (LocalDesk *desk)
{
  g_clear_pointer (&desk->name, g_free);
  g_clear_pointer (&desk->key_check, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LocalDesk, local_desk_clear)

static gboolean
read_local_desk (KorakStore  *store,
                 LocalDesk   *desk,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT d.id, d.name, d.seq, "
                                    "       coalesce(d.organisation_id, (SELECT min(id) FROM organisation "
                                    "                                    HAVING count(*) = 1)), d.key_check "
                                    "FROM desk d WHERE d.is_local = 1", error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      desk->id = sqlite3_column_int64 (stmt, 0);
      desk->name = korak_column_dup (stmt, 1);
      desk->seq = sqlite3_column_int64 (stmt, 2);
      desk->organisation_id = sqlite3_column_int64 (stmt, 3);
      desk->key_check = korak_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (store, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
require_organisation (const LocalDesk  *desk,
                      GError          **error)
{
  if (desk->organisation_id != 0)
    return TRUE;

  g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("This database has no organisation yet. Fill in the organisation in Preferences, "
                         "or start this desk from a copy of the office's database, before exchanging changes."));
  return FALSE;
}

static char *
desk_name (KorakStore *store,
           gint64      desk_id)
{
  sqlite3_stmt *stmt = korak_store_prepare (store, "SELECT name FROM desk WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, desk_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = korak_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }

  /* TRANSLATORS: a desk Korak knows only by its number */
  return name != NULL ? name : g_strdup_printf (_("desk %lld"), (long long) desk_id);
}

void
korak_desk_record_free (KorakDeskRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_free (record->last_received_at);
  g_free (record);
}

/* The condition "this outbox row o is not yet confirmed by desk ?1" (?1 0:
 * by every desk this one has heard from). */
#define PENDING_CONDITION \
  "o.origin_desk != ?1 AND o.origin_seq > coalesce(CASE WHEN ?1 != 0 " \
  "  THEN (SELECT a.seq FROM exchange_ack a WHERE a.peer_desk = ?1 AND a.origin_desk = o.origin_desk) " \
  "  ELSE (SELECT min(coalesce(a.seq, 0)) FROM desk d " \
  "        LEFT JOIN exchange_ack a ON a.peer_desk = d.id AND a.origin_desk = o.origin_desk " \
  "        WHERE d.is_local = 0 AND d.last_exchange_at IS NOT NULL AND d.id != o.origin_desk) END, 0)"

gint64
korak_exchange_count_pending (KorakStore  *store,
                              gint64       to_desk_id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), -1);

  if (!(stmt = korak_store_prepare (store, "SELECT count(*) FROM exchange_outbox o WHERE " PENDING_CONDITION, error)))
    return -1;
  sqlite3_bind_int64 (stmt, 1, to_desk_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    korak_store_set_error (store, rc, error);
  sqlite3_reset (stmt);

  return count;
}

GPtrArray *
korak_exchange_list_desks (KorakStore  *store,
                           GError     **error)
{
  g_autoptr(GPtrArray) desks = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_desk_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id, name, is_local, seq, last_exchange_at FROM desk "
                                    "ORDER BY is_local DESC, name COLLATE NOCASE, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakDeskRecord *record = g_new0 (KorakDeskRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->name = korak_column_dup (stmt, 1);
      record->is_local = sqlite3_column_int (stmt, 2);
      record->last_seq = sqlite3_column_int64 (stmt, 3);
      record->last_received_at = korak_column_dup (stmt, 4);
      g_ptr_array_add (desks, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  for (guint i = 0; i < desks->len; i++)
    {
      KorakDeskRecord *record = g_ptr_array_index (desks, i);

      if (!record->is_local && (record->pending = korak_exchange_count_pending (store, record->id, error)) < 0)
        return NULL;
    }

  return g_steal_pointer (&desks);
}

static gboolean
check_desk_name (const char  *name,
                 GError     **error)
{
  if (name != NULL && *name != '\0' && g_utf8_validate (name, -1, NULL))
    return TRUE;

  g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("Give this desk a name, such as the site where it is used."));
  return FALSE;
}

gboolean
korak_exchange_set_desk_name (KorakStore  *store,
                              const char  *name,
                              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!check_desk_name (stripped, error) || !korak_store_begin (store, error))
    return FALSE;
  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE desk SET name = ?1, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                                    "WHERE is_local = 1", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_STATIC);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  return korak_store_commit (store, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_exchange_init_desk (KorakStore  *store,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_auto(LocalDesk) desk = { 0 };
  sqlite3_stmt *stmt;
  gint64 new_id;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!check_desk_name (stripped, error) || !korak_store_begin (store, error))
    return FALSE;
  if (!read_local_desk (store, &desk, error))
    goto failed;

  do
    new_id = korak_store_new_id ();
  while (new_id == desk.id);

  /* What this database made under its former id is now another desk's:
   * every desk that has it keeps it under that id. */
  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE desk SET id = ?1, name = ?2, seq = 0, last_exchange_at = NULL, "
                                    "  organisation_id = coalesce(organisation_id, nullif(?3, 0)), "
                                    "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                                    "WHERE is_local = 1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, new_id);
  sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, desk.organisation_id);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  if (desk.seq > 0)
    {
      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO desk (id, name, organisation_id, is_local, seq) "
                                        "VALUES (?1, ?2, nullif(?3, 0), 0, ?4)", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, desk.id);
      korak_bind_text (stmt, 2, desk.name);
      sqlite3_bind_int64 (stmt, 3, desk.organisation_id);
      sqlite3_bind_int64 (stmt, 4, desk.seq);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
    }

  if (!korak_store_commit (store, error))
    return FALSE;

  korak_store_set_desk_id (store, new_id);
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_exchange_renew_after_restore (KorakStore  *store,
                                    GError     **error)
{
  g_auto(LocalDesk) desk = { 0 };

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!read_local_desk (store, &desk, error))
    return FALSE;

  /* A desk that never made a change has no numbers to repeat. */
  if (desk.seq == 0)
    return TRUE;

  return korak_exchange_init_desk (store, desk.name, error);
}

/* ---------------------------------------------------------------- crypto */

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () >= 0)
    return TRUE;

  g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                       _("The encryption library could not start, so no changes were exchanged."));
  return FALSE;
}

static gboolean
check_passphrase (const char  *passphrase,
                  GError     **error)
{
  if (passphrase != NULL && *passphrase != '\0')
    return TRUE;

  g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_WRONG_PASSPHRASE,
                       _("Type the organisation's exchange passphrase."));
  return FALSE;
}

static gboolean
derive_key (const char    *passphrase,
            const guint8  *salt,
            guint64        opslimit,
            gsize          memlimit,
            guint8        *key,
            GError       **error)
{
  if (crypto_pwhash (key, crypto_secretstream_xchacha20poly1305_KEYBYTES, passphrase, strlen (passphrase),
                     salt, opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) == 0)
    return TRUE;

  g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                       _("There is not enough free memory to make the key of the change bundle. "
                         "Close other programs and try again."));
  return FALSE;
}

static void
key_check_value (const guint8 *key,
                 guint8       *check)
{
  crypto_generichash (check, 16, (const guint8 *)KEY_CHECK_TEXT, strlen (KEY_CHECK_TEXT),
                      key, crypto_secretstream_xchacha20poly1305_KEYBYTES);
}

static void
put_be (guint8 *p,
        guint64 v,
        guint   size)
{
  for (int i = size - 1; i >= 0; i--)
    {
      p[i] = v & 0xff;
      v >>= 8;
    }
}

static guint64
get_be (const guint8 *p,
        guint         size)
{
  guint64 v = 0;

  for (guint i = 0; i < size; i++)
    v = (v << 8) | p[i];
  return v;
}

typedef struct
{
  guint   version;
  guint   flags;
  int     schema_version;
  gint64  organisation_id;
  gint64  source_desk_id;
  gint64  to_desk_id;
  gint64  created;
  guint64 opslimit;
  gsize   memlimit;
  guint8  raw[HEADER_SIZE];
} Header;

/* @format has one %s, the file's name. */
#define set_file_error(error, code, path, format) \
  G_STMT_START { \
    g_autofree char *file_name_ = g_filename_display_basename (path); \
    g_set_error ((error), KORAK_STORE_ERROR, (code), (format), file_name_); \
  } G_STMT_END

static void
set_damaged (GError     **error,
             const char  *path)
{
  set_file_error (error, KORAK_STORE_ERROR_CORRUPT, path,
                  _("The change bundle “%s” is damaged or incomplete: it may have been cut short while it was "
                    "copied, or changed since it was written. Nothing was applied. Ask the other desk to "
                    "send its changes again."));
}

/* The header in the clear; TRUE when it is a bundle of this format whose
 * header is whole. */
static gboolean
parse_header (const guint8  *data,
              gsize          size,
              const char    *path,
              Header        *header,
              GError       **error)
{
  guint8 checksum[16];

  if (size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0)
    {
      set_file_error (error, KORAK_STORE_ERROR_INVALID, path,
                      _("“%s” is not a Korak change bundle. Choose a file that Send Changes wrote."));
      return FALSE;
    }

  memcpy (header->raw, data, HEADER_SIZE);
  crypto_generichash (checksum, sizeof checksum, data, HEADER_CHECKED, NULL, 0);
  if (sodium_memcmp (checksum, data + HEADER_CHECKED, sizeof checksum) != 0)
    {
      set_damaged (error, path);
      return FALSE;
    }

  header->version = get_be (data + 8, 2);
  header->flags = get_be (data + 10, 2);
  header->schema_version = (int)get_be (data + 12, 4);
  header->organisation_id = (gint64)get_be (data + 16, 8);
  header->source_desk_id = (gint64)get_be (data + 24, 8);
  header->to_desk_id = (gint64)get_be (data + 32, 8);
  header->created = (gint64)get_be (data + 40, 8);
  header->opslimit = get_be (data + 48, 4);
  header->memlimit = (gsize)get_be (data + 52, 4) * 1024;

  if (header->version > FORMAT_VERSION)
    {
      set_file_error (error, KORAK_STORE_ERROR_NEWER_SCHEMA, path,
                      _("The change bundle “%s” was written by a newer version of Korak. "
                        "Update Korak on this desk, then receive the changes again. Nothing was applied."));
      return FALSE;
    }

  /* A cost no Korak writes would only make this desk wait or run out of memory. */
  if (header->version < 1 || header->opslimit < crypto_pwhash_OPSLIMIT_MIN ||
      header->opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE ||
      header->memlimit < crypto_pwhash_MEMLIMIT_MIN || header->memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
    {
      set_damaged (error, path);
      return FALSE;
    }

  return TRUE;
}

static GBytes *
encrypt_bundle (const Header  *fields,
                const char    *passphrase,
                GBytes        *payload,
                double        *derive_ms,
                GError       **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guint8 header[HEADER_SIZE] = { 0 };
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree guint8 *chunk = g_malloc (CHUNK_SIZE + crypto_secretstream_xchacha20poly1305_ABYTES);
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (payload, &size);
  gsize offset = 0;
  gint64 start;

  memcpy (header, MAGIC, 8);
  put_be (header + 8, FORMAT_VERSION, 2);
  put_be (header + 10, 0, 2);
  put_be (header + 12, (guint64)fields->schema_version, 4);
  put_be (header + 16, (guint64)fields->organisation_id, 8);
  put_be (header + 24, (guint64)fields->source_desk_id, 8);
  put_be (header + 32, (guint64)fields->to_desk_id, 8);
  put_be (header + 40, (guint64)fields->created, 8);
  put_be (header + 48, KORAK_EXCHANGE_OPSLIMIT, 4);
  put_be (header + 52, KORAK_EXCHANGE_MEMLIMIT / 1024, 4);
  randombytes_buf (header + 56, crypto_pwhash_SALTBYTES);

  start = g_get_monotonic_time ();
  if (!derive_key (passphrase, header + 56, KORAK_EXCHANGE_OPSLIMIT, KORAK_EXCHANGE_MEMLIMIT, key, error))
    return NULL;
  if (derive_ms != NULL)
    *derive_ms = (g_get_monotonic_time () - start) / 1000.0;

  crypto_secretstream_xchacha20poly1305_init_push (&state, header + 72, key);
  key_check_value (key, header + 96);
  sodium_memzero (key, sizeof key);
  crypto_generichash (header + HEADER_CHECKED, 16, header, HEADER_CHECKED, NULL, 0);
  g_byte_array_append (out, header, HEADER_SIZE);

  do
    {
      gsize n = MIN (CHUNK_SIZE, size - offset);
      gboolean last = offset + n == size;
      unsigned long long length = 0;
      guint8 be[4];

      crypto_secretstream_xchacha20poly1305_push (&state, chunk, &length, data + offset, n,
                                                  header, HEADER_SIZE,
                                                  last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                       : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
      put_be (be, length, 4);
      g_byte_array_append (out, be, 4);
      g_byte_array_append (out, chunk, length);
      offset += n;
    }
  while (offset < size);

  sodium_memzero (&state, sizeof state);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
decrypt_bundle (const guint8  *data,
                gsize          size,
                const Header  *header,
                const char    *passphrase,
                const char    *path,
                GError       **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guint8 check[16];
  g_autoptr(GByteArray) plain = g_byte_array_new ();
  g_autofree guint8 *chunk = g_malloc (CHUNK_SIZE);
  gsize offset = HEADER_SIZE;
  gboolean final = FALSE;

  if (!derive_key (passphrase, header->raw + 56, header->opslimit, header->memlimit, key, error))
    return NULL;

  key_check_value (key, check);
  if (sodium_memcmp (check, header->raw + 96, sizeof check) != 0)
    {
      sodium_memzero (key, sizeof key);
      set_file_error (error, KORAK_STORE_ERROR_WRONG_PASSPHRASE, path,
                      _("The passphrase does not open the change bundle “%s”. Type the organisation's "
                        "exchange passphrase again; nothing was applied."));
      return NULL;
    }

  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, header->raw + 72, key) != 0)
    {
      sodium_memzero (key, sizeof key);
      set_damaged (error, path);
      return NULL;
    }
  sodium_memzero (key, sizeof key);

  while (!final)
    {
      unsigned long long length = 0;
      unsigned char tag = 0;
      gsize n;

      if (size - offset < 4)
        break;
      n = get_be (data + offset, 4);
      offset += 4;
      if (n < crypto_secretstream_xchacha20poly1305_ABYTES ||
          n > CHUNK_SIZE + crypto_secretstream_xchacha20poly1305_ABYTES || n > size - offset)
        break;
      if (crypto_secretstream_xchacha20poly1305_pull (&state, chunk, &length, &tag, data + offset, n,
                                                      header->raw, HEADER_SIZE) != 0)
        break;
      offset += n;
      g_byte_array_append (plain, chunk, length);
      final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    }
  sodium_memzero (&state, sizeof state);

  /* Cut short, altered, or with something after its end. */
  if (!final || offset != size)
    {
      sodium_memzero (plain->data, plain->len);
      set_damaged (error, path);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&plain));
}

/* Whether @passphrase is the one this desk used before (or none is known). */
static gboolean
verify_key_check (const char *key_check,
                  const char *passphrase)
{
  return key_check == NULL ||
         crypto_pwhash_str_verify (key_check, passphrase, strlen (passphrase)) == 0;
}

static gboolean
store_key_check (KorakStore  *store,
                 const char  *passphrase,
                 GError     **error)
{
  char check[crypto_pwhash_STRBYTES];
  sqlite3_stmt *stmt;

  if (crypto_pwhash_str (check, passphrase, strlen (passphrase),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_FAILED,
                           _("There is not enough free memory to make the key of the change bundle. "
                             "Close other programs and try again."));
      return FALSE;
    }

  if (!(stmt = korak_store_prepare (store, "UPDATE desk SET key_check = ?1 WHERE is_local = 1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, check, -1, SQLITE_TRANSIENT);
  return korak_store_step_done (store, stmt, error);
}

/* ---------------------------------------------------------------- reports */

void
korak_exchange_report_free (KorakExchangeReport *report)
{
  if (report == NULL)
    return;

  g_free (report->source_desk_name);
  g_free (report->created_at);
  g_clear_pointer (&report->ranges, g_array_unref);
  g_free (report);
}

static KorakExchangeReport *
report_from_header (const Header *header)
{
  KorakExchangeReport *report = g_new0 (KorakExchangeReport, 1);
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (header->created);

  report->source_desk_id = header->source_desk_id;
  report->to_desk_id = header->to_desk_id;
  report->organisation_id = header->organisation_id;
  report->schema_version = header->schema_version;
  report->created_at = created ? g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  report->ranges = g_array_new (FALSE, TRUE, sizeof (KorakExchangeRange));
  return report;
}

static GBytes *
read_file (const char  *path,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, KORAK_STORE_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? KORAK_STORE_ERROR_NOT_FOUND
                                                                                   : KORAK_STORE_ERROR_CANNOT_OPEN,
                   _("The change bundle “%s” could not be read: %s. Check that the USB drive or folder is "
                     "there and try again."),
                   name, local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, size);
}

KorakExchangeReport *
korak_exchange_inspect_bundle (const char  *path,
                               GError     **error)
{
  g_autoptr(GBytes) file = NULL;
  Header header;
  gsize size = 0;
  const guint8 *data;

  g_return_val_if_fail (path != NULL, NULL);

  if (!ensure_sodium (error) || !(file = read_file (path, error)))
    return NULL;
  data = g_bytes_get_data (file, &size);
  if (!parse_header (data, size, path, &header, error))
    return NULL;

  return report_from_header (&header);
}

/* ---------------------------------------------------------- writing */

static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!g_file_set_contents_full (path, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);
      int code = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC) ? KORAK_STORE_ERROR_DISK_FULL
               : g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
                 g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ROFS) ? KORAK_STORE_ERROR_READ_ONLY
               : KORAK_STORE_ERROR_CANNOT_OPEN;

      g_set_error (error, KORAK_STORE_ERROR, code,
                   _("The change bundle “%s” could not be written: %s. Choose a folder or drive you can write "
                     "to with room to spare; nothing on this desk changed."),
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static GVariant *
build_payload (KorakStore       *store,
               const LocalDesk  *desk,
               gint64            to_desk_id,
               const char       *created_at,
               guint            *n_changes,
               GError          **error)
{
  g_autoptr(GVariantBuilder) desks = g_variant_builder_new (G_VARIANT_TYPE ("a(xs)"));
  g_autoptr(GVariantBuilder) vector = g_variant_builder_new (G_VARIANT_TYPE ("a(xx)"));
  g_autoptr(GVariantBuilder) entries = g_variant_builder_new (G_VARIANT_TYPE ("a(xxsssayay)"));
  sqlite3_stmt *stmt;
  int rc;

  *n_changes = 0;

  if (!(stmt = korak_store_prepare (store, "SELECT id, name, seq FROM desk", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 1);

      g_variant_builder_add (desks, "(xs)", sqlite3_column_int64 (stmt, 0), name ? name : "");
      g_variant_builder_add (vector, "(xx)", sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT o.origin_desk, o.origin_seq, o.created_at, o.kind, coalesce(o.meta, ''), "
                                    "       o.changeset, o.digest FROM exchange_outbox o WHERE " PENDING_CONDITION
                                    " ORDER BY o.pos", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, to_desk_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GVariant *changeset = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, sqlite3_column_blob (stmt, 5),
                                                       sqlite3_column_bytes (stmt, 5), 1);
      GVariant *digest = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, sqlite3_column_blob (stmt, 6),
                                                    sqlite3_column_bytes (stmt, 6), 1);

      g_variant_builder_add (entries, "(xxsss@ay@ay)",
                             sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                             (const char *)sqlite3_column_text (stmt, 2), (const char *)sqlite3_column_text (stmt, 3),
                             (const char *)sqlite3_column_text (stmt, 4), changeset, digest);
      (*n_changes)++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_variant_ref_sink (g_variant_new (PAYLOAD_TYPE, desk->id, desk->name ? desk->name : "", to_desk_id,
                                            desk->organisation_id, (gint32)KORAK_STORE_SCHEMA_VERSION, created_at,
                                            desks, vector, entries));
}

static gboolean
write_bundle (KorakStore            *store,
              gint64                 to_desk_id,
              const char            *passphrase,
              const char            *path,
              KorakExchangeTiming   *timing,
              GError               **error)
{
  g_auto(LocalDesk) desk = { 0 };
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GVariant) little = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  Header fields = { 0 };
  guint n_changes = 0;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!ensure_sodium (error) || !check_passphrase (passphrase, error))
    return FALSE;
  if (!read_local_desk (store, &desk, error) || !require_organisation (&desk, error))
    return FALSE;
  if (to_desk_id == desk.id)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Choose another desk to send the changes to: this desk has them already."));
      return FALSE;
    }

  /* A mistyped passphrase would make bundles no desk can open. */
  if (desk.key_check == NULL)
    {
      if (!korak_store_begin (store, error))
        return FALSE;
      if (!store_key_check (store, passphrase, error))
        {
          korak_store_rollback (store);
          return FALSE;
        }
      if (!korak_store_commit (store, error))
        return FALSE;
    }
  else if (!verify_key_check (desk.key_check, passphrase))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_WRONG_PASSPHRASE,
                           _("This is not the exchange passphrase this desk used before, so the other desks "
                             "could not open the bundle. Type it again. If the organisation has changed its "
                             "passphrase, receive a bundle made with the new one first."));
      return FALSE;
    }

  /* One transaction: the changes and what this desk has of everyone's
   * agree (and any change written outside a transaction is in the outbox). */
  if (!korak_store_begin (store, error))
    return FALSE;
  if (!(payload = build_payload (store, &desk, to_desk_id, created_at, &n_changes, error)))
    {
      korak_store_rollback (store);
      return FALSE;
    }
  if (!korak_store_commit (store, error))
    return FALSE;

  little = G_BYTE_ORDER == G_LITTLE_ENDIAN ? g_variant_ref (payload) : g_variant_byteswap (payload);
  plain = g_variant_get_data_as_bytes (little);

  fields.schema_version = KORAK_STORE_SCHEMA_VERSION;
  fields.organisation_id = desk.organisation_id;
  fields.source_desk_id = desk.id;
  fields.to_desk_id = to_desk_id;
  fields.created = g_date_time_to_unix (now);
  if (!(file = encrypt_bundle (&fields, passphrase, plain, timing ? &timing->derive_ms : NULL, error)))
    return FALSE;

  if (timing != NULL)
    {
      timing->bundle_bytes = g_bytes_get_size (file);
      timing->n_changes = n_changes;
    }

  return write_file (path, file, error);
}

gboolean
korak_exchange_write_bundle_timed (KorakStore           *store,
                                   gint64                to_desk_id,
                                   const char           *passphrase,
                                   const char           *path,
                                   KorakExchangeTiming  *timing,
                                   GError              **error)
{
  gint64 start = g_get_monotonic_time ();
  gboolean ok = write_bundle (store, to_desk_id, passphrase, path, timing, error);

  if (timing != NULL)
    timing->write_ms = (g_get_monotonic_time () - start) / 1000.0;
  return ok;
}

gboolean
korak_exchange_write_bundle (KorakStore  *store,
                             gint64       to_desk_id,
                             const char  *passphrase,
                             const char  *path,
                             GError     **error)
{
  return write_bundle (store, to_desk_id, passphrase, path, NULL, error);
}

/* ------------------------------------------------------------- applying */

typedef struct
{
  gint64        origin;
  gint64        seq;
  const char   *created_at;
  const char   *kind;
  const char   *meta;
  const guint8 *data;
  gsize         size;
  const guint8 *digest;      /* KORAK_CHANGE_DIGEST_SIZE bytes */
  GHashTable   *touched;     /* resolutions: "table\nkey" of each row they change */
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->touched, g_hash_table_unref);
}

typedef struct
{
  KorakConflictKind  kind;
  TableInfo         *info;
  char              *key;
  GArray            *key_values;        /* a row with at least the key */
  GArray            *local;             /* or NULL */
  GArray            *incoming;          /* or NULL */
  GStrvBuilder      *incoming_columns;
  GBytes            *change;
  gboolean           read_local;        /* fill local from the table after the apply */
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_free (pending->key);
  g_clear_pointer (&pending->key_values, g_array_unref);
  g_clear_pointer (&pending->local, g_array_unref);
  g_clear_pointer (&pending->incoming, g_array_unref);
  g_clear_pointer (&pending->incoming_columns, g_strv_builder_unref);
  g_clear_pointer (&pending->change, g_bytes_unref);
  g_free (pending);
}

typedef struct
{
  TableInfo *info;
  GArray    *values;     /* the whole row as it is to be */
} Fixup;

static void
fixup_free (gpointer data)
{
  Fixup *fixup = data;

  g_clear_pointer (&fixup->values, g_array_unref);
  g_free (fixup);
}

typedef struct
{
  KorakStore  *store;
  GHashTable  *tables;
  const Entry *entry;
  GHashTable  *seen;        /* resolutions: "table\nkey" → GPtrArray of fingerprints */
  GHashTable  *unsettled;   /* "table\nkey": rows this change did not bring to a version its chooser saw */
  GPtrArray   *pending;     /* Pending */
  GPtrArray   *fixups;      /* Fixup */
  GHashTable  *erased;      /* "table\nkey" of rows erased here that the change names */
  GError      *error;
} ApplyCtx;

/* Every column @incoming gives is already so in @current. */
static gboolean
given_equal (const TableInfo *info,
             GArray          *current,
             GArray          *incoming,
             gboolean         real_only)
{
  for (guint i = 0; i < info->n_columns; i++)
    {
      const Value *in = &g_array_index (incoming, Value, i);

      if (in->type == 0 || (real_only && is_bookkeeping (info, i)))
        continue;
      if (!value_equal (&g_array_index (current, Value, i), in))
        return FALSE;
    }
  return TRUE;
}

static int
compare_values (const Value *a,
                const Value *b)
{
  if (a->type != b->type)
    return a->type < b->type ? -1 : 1;
  switch (a->type)
    {
    case SQLITE_INTEGER:
      return a->i < b->i ? -1 : a->i > b->i;
    case SQLITE_FLOAT:
      return a->d < b->d ? -1 : a->d > b->d;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      return g_bytes_compare (a->bytes, b->bytes);
    default:
      return 0;
    }
}

/* Whether the incoming (updated_at, updated_by) is later than the row's
 * here: of two edits that leave the same content, every desk keeps the
 * later one's bookkeeping. */
static gboolean
bookkeeping_newer (const TableInfo *info,
                   GArray          *current,
                   GArray          *incoming)
{
  int columns[] = { info->updated_at, info->updated_by, info->created_at };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const Value *in, *here;
      int order;

      if (columns[i] < 0)
        continue;
      in = &g_array_index (incoming, Value, columns[i]);
      here = &g_array_index (current, Value, columns[i]);
      if (in->type == 0)
        in = here;
      if ((order = compare_values (in, here)) != 0)
        return order > 0;
    }
  return FALSE;
}

/* @base with the columns @change gives. */
static GArray *
overlay (GArray *base,
         GArray *change)
{
  GArray *row = values_new (change->len);

  for (guint i = 0; i < change->len; i++)
    {
      const Value *in = &g_array_index (change, Value, i);

      value_copy (&g_array_index (row, Value, i),
                  in->type != 0 || base == NULL ? in : &g_array_index (base, Value, i));
    }
  return row;
}

static gboolean
seen_by_chooser (ApplyCtx   *ctx,
                 const char *row,
                 GArray     *current)
{
  GPtrArray *fingerprints;
  g_autofree char *fingerprint = NULL;

  if (ctx->seen == NULL || !(fingerprints = g_hash_table_lookup (ctx->seen, row)))
    return FALSE;

  fingerprint = values_fingerprint (current);
  for (guint i = 0; i < fingerprints->len; i++)
    if (g_str_equal (g_ptr_array_index (fingerprints, i), fingerprint))
      return TRUE;
  return FALSE;
}

static void
add_pending (ApplyCtx               *ctx,
             KorakConflictKind       kind,
             TableInfo              *info,
             sqlite3_changeset_iter *iter,
             int                     op,
             const char             *row,
             const char             *key,
             GArray                 *old,
             GArray                 *new_,
             GArray                 *local,
             GArray                 *incoming)
{
  Pending *pending = g_new0 (Pending, 1);
  unsigned char *pk = NULL;
  int n_pk = 0;

  pending->kind = kind;
  pending->info = info;
  pending->key = g_strdup (key);
  pending->key_values = g_array_ref (op == SQLITE_INSERT ? new_ : old);
  pending->local = local ? g_array_ref (local) : NULL;
  pending->incoming = incoming ? g_array_ref (incoming) : NULL;
  pending->incoming_columns = g_strv_builder_new ();
  for (guint i = 0; new_ != NULL && i < info->n_columns; i++)
    if (g_array_index (new_, Value, i).type != 0)
      g_strv_builder_add (pending->incoming_columns, info->columns[i]);

  sqlite3changeset_pk (iter, &pk, &n_pk);
  pending->change = encode_change (info->name, info->n_columns, pk, op, old, new_);

  g_ptr_array_add (ctx->pending, pending);
  g_hash_table_add (ctx->unsettled, g_strdup (row));
}

static int
on_conflict (void                   *user_data,
             int                     type,
             sqlite3_changeset_iter *iter)
{
  ApplyCtx *ctx = user_data;
  g_autoptr(GArray) old = NULL;
  g_autoptr(GArray) new_ = NULL;
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) incoming = NULL;
  g_autofree char *key = NULL;
  g_autofree char *row = NULL;
  const char *table = NULL;
  TableInfo *info;
  int n_columns = 0, op = 0, indirect = 0;

  /* Foreign keys are off while a bundle applies; orphans are found after. */
  if (type == SQLITE_CHANGESET_FOREIGN_KEY)
    return SQLITE_CHANGESET_OMIT;
  if (ctx->error != NULL)
    return SQLITE_CHANGESET_ABORT;

  if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) != SQLITE_OK ||
      !(info = table_info_get (ctx->store, ctx->tables, table, &ctx->error)))
    return SQLITE_CHANGESET_ABORT;

  if (op != SQLITE_INSERT)
    old = iter_values (iter, n_columns, sqlite3changeset_old);
  if (op != SQLITE_DELETE)
    new_ = iter_values (iter, n_columns, sqlite3changeset_new);
  if (type == SQLITE_CHANGESET_DATA || type == SQLITE_CHANGESET_CONFLICT)
    current = iter_values (iter, n_columns, sqlite3changeset_conflict);
  key = row_key (info, op == SQLITE_INSERT ? new_ : old);
  row = g_strconcat (table, "\n", key, NULL);

  /* A change to a row erased here was made before the erasure reached its
   * desk: dropped, and taken out of the copy kept here. */
  if (type != SQLITE_CHANGESET_CONFLICT && is_erased (ctx->store, row))
    {
      g_hash_table_add (ctx->erased, g_steal_pointer (&row));
      return SQLITE_CHANGESET_OMIT;
    }

  switch (type)
    {
    case SQLITE_CHANGESET_NOTFOUND:
      /* Deleted here and there: the same end. */
      if (op == SQLITE_DELETE)
        return SQLITE_CHANGESET_OMIT;
      incoming = overlay (old, new_);
      add_pending (ctx, KORAK_CONFLICT_DELETED_HERE, info, iter, op, row, key, old, new_, NULL, incoming);
      return SQLITE_CHANGESET_OMIT;

    case SQLITE_CHANGESET_DATA:
      if (op == SQLITE_UPDATE)
        {
          if (given_equal (info, current, new_, FALSE))
            return SQLITE_CHANGESET_OMIT;
          if (seen_by_chooser (ctx, row, current))
            return SQLITE_CHANGESET_REPLACE;
          if (given_equal (info, current, new_, TRUE))
            {
              g_hash_table_add (ctx->unsettled, g_strdup (row));
              return bookkeeping_newer (info, current, new_) ? SQLITE_CHANGESET_REPLACE : SQLITE_CHANGESET_OMIT;
            }
          incoming = overlay (current, new_);
          add_pending (ctx, KORAK_CONFLICT_CHANGED_BOTH, info, iter, op, row, key, old, new_, current, incoming);
          return SQLITE_CHANGESET_OMIT;
        }
      /* A deletion of a row changed here: only when nothing but the
       * bookkeeping changed (or the chooser saw this version) does it go. */
      if (seen_by_chooser (ctx, row, current) || given_equal (info, current, old, TRUE))
        return SQLITE_CHANGESET_REPLACE;
      add_pending (ctx, KORAK_CONFLICT_DELETED_THERE, info, iter, op, row, key, old, NULL, current, NULL);
      return SQLITE_CHANGESET_OMIT;

    case SQLITE_CHANGESET_CONFLICT:
      /* An insertion of a key that is here. REPLACE would delete the row
       * first (and the audit triggers its children): update it instead. */
      if (given_equal (info, current, new_, FALSE))
        return SQLITE_CHANGESET_OMIT;
      if (seen_by_chooser (ctx, row, current) ||
          (given_equal (info, current, new_, TRUE) && bookkeeping_newer (info, current, new_)))
        {
          Fixup *fixup = g_new0 (Fixup, 1);

          if (!seen_by_chooser (ctx, row, current))
            g_hash_table_add (ctx->unsettled, g_strdup (row));
          fixup->info = info;
          fixup->values = g_array_ref (new_);
          g_ptr_array_add (ctx->fixups, fixup);
          return SQLITE_CHANGESET_OMIT;
        }
      if (given_equal (info, current, new_, TRUE))
        {
          g_hash_table_add (ctx->unsettled, g_strdup (row));
          return SQLITE_CHANGESET_OMIT;
        }
      add_pending (ctx, KORAK_CONFLICT_ROW_EXISTS, info, iter, op, row, key, NULL, new_, current, new_);
      return SQLITE_CHANGESET_OMIT;

    case SQLITE_CHANGESET_CONSTRAINT:
      {
        Pending *pending;

        incoming = op == SQLITE_INSERT ? g_array_ref (new_) : overlay (old, new_);
        add_pending (ctx, KORAK_CONFLICT_CONSTRAINT, info, iter, op, row, key, old, new_, NULL, incoming);
        pending = g_ptr_array_index (ctx->pending, ctx->pending->len - 1);
        pending->read_local = op == SQLITE_UPDATE;
        return SQLITE_CHANGESET_OMIT;
      }

    default:
      return SQLITE_CHANGESET_OMIT;
    }
}

static const char *
conflict_kind_to_string (KorakConflictKind kind)
{
  static const char *names[] = {
    [KORAK_CONFLICT_CHANGED_BOTH] = "changed_both",
    [KORAK_CONFLICT_DELETED_HERE] = "deleted_here",
    [KORAK_CONFLICT_DELETED_THERE] = "deleted_there",
    [KORAK_CONFLICT_ROW_EXISTS] = "row_exists",
    [KORAK_CONFLICT_CONSTRAINT] = "constraint",
    [KORAK_CONFLICT_ORPHAN] = "orphan",
  };

  return names[kind];
}

static KorakConflictKind
conflict_kind_from_string (const char *text)
{
  for (int kind = KORAK_CONFLICT_CHANGED_BOTH; kind <= KORAK_CONFLICT_ORPHAN; kind++)
    if (g_strcmp0 (conflict_kind_to_string (kind), text) == 0)
      return kind;
  return KORAK_CONFLICT_CHANGED_BOTH;
}

static gboolean
insert_conflict (KorakStore         *store,
                 KorakConflictKind   kind,
                 const TableInfo    *info,
                 const char         *key,
                 gint64              row_id,
                 gint64              origin,
                 gint64              origin_seq,
                 GArray             *local,
                 GArray             *incoming,
                 const char * const *incoming_columns,
                 GBytes             *change,
                 GError            **error)
{
  g_autofree char *now = korak_store_now_iso ();
  g_autofree char *columns = strings_to_json ((const char * const *)info->columns);
  g_autofree char *local_json = local ? values_to_json (local) : NULL;
  g_autofree char *incoming_json = incoming ? values_to_json (incoming) : NULL;
  g_autofree char *incoming_columns_json = strings_to_json (incoming_columns);
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO exchange_conflict (id, kind, table_name, row_key, row_id, origin_desk, "
                                    "  origin_seq, detected_at, columns, local_values, incoming_values, incoming_columns, "
                                    "  incoming_change) "
                                    "VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 2, conflict_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, info->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, row_id);
  sqlite3_bind_int64 (stmt, 6, origin);
  sqlite3_bind_int64 (stmt, 7, origin_seq);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, columns, -1, SQLITE_TRANSIENT);
  korak_bind_text (stmt, 10, local_json);
  korak_bind_text (stmt, 11, incoming_json);
  sqlite3_bind_text (stmt, 12, incoming_columns_json, -1, SQLITE_TRANSIENT);
  if (change != NULL)
    sqlite3_bind_blob (stmt, 13, g_bytes_get_data (change, NULL), g_bytes_get_size (change), SQLITE_TRANSIENT);

  return korak_store_insert_with_id (store, stmt, &id, error);
}

/* After a changeset: the updates its insertions of rows already here
 * stood for, and the conflicts it met. */
static gboolean
finish_changeset (ApplyCtx  *ctx,
                  guint     *n_conflicts,
                  GError   **error)
{
  for (guint i = 0; i < ctx->fixups->len; i++)
    {
      Fixup *fixup = g_ptr_array_index (ctx->fixups, i);
      g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint c = 0; c < fixup->info->n_columns; c++)
        if (!fixup->info->pk[c])
          g_array_append_val (columns, c);
      if (!update_row (ctx->store, fixup->info, fixup->values, columns, fixup->values, error))
        return FALSE;
    }

  for (guint i = 0; i < ctx->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (ctx->pending, i);
      g_auto(GStrv) incoming_columns = g_strv_builder_end (pending->incoming_columns);

      if (pending->read_local)
        {
          gboolean found;

          g_clear_pointer (&pending->local, g_array_unref);
          pending->local = read_row (ctx->store, pending->info, pending->key_values, &found, error);
          if (!found && error != NULL && *error != NULL)
            return FALSE;
          /* The other desk's row: this one's with the columns it changed. */
          if (found && pending->incoming != NULL)
            {
              GArray *incoming = overlay (pending->local, pending->incoming);

              g_array_unref (pending->incoming);
              pending->incoming = incoming;
            }
        }

      if (!insert_conflict (ctx->store, pending->kind, pending->info, pending->key,
                            row_integer_id (pending->info, pending->key_values),
                            ctx->entry->origin, ctx->entry->seq, pending->local, pending->incoming,
                            (const char * const *)incoming_columns, pending->change, error))
        return FALSE;
      (*n_conflicts)++;
    }

  return TRUE;
}

/* A resolution that reached a row in a version its chooser saw settles the
 * open conflicts about that row here. */
static gboolean
settle_conflicts (ApplyCtx  *ctx,
                  guint     *n_settled,
                  GError   **error)
{
  g_autofree char *now = korak_store_now_iso ();
  GHashTableIter iter;
  gpointer row;
  sqlite3_stmt *stmt;

  if (ctx->entry->touched == NULL)
    return TRUE;

  if (!(stmt = korak_store_prepare (ctx->store,
                                    "UPDATE exchange_conflict SET state = 'settled', resolved_at = ?1, resolved_by = ?2 "
                                    "WHERE state = 'open' AND table_name = ?3 AND row_key = ?4", error)))
    return FALSE;

  g_hash_table_iter_init (&iter, ctx->entry->touched);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      const char *newline = strchr (row, '\n');
      g_autofree char *table = g_strndup (row, newline - (const char *)row);

      if (g_hash_table_contains (ctx->unsettled, row))
        continue;

      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, ctx->entry->origin);
      sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, newline + 1, -1, SQLITE_STATIC);
      if (!korak_store_step_done (ctx->store, stmt, error))
        return FALSE;
      *n_settled += sqlite3_changes (korak_store_get_db (ctx->store));
    }

  return TRUE;
}

/* The fingerprints a resolution names: {"rows": [{"t": table, "k": key,
 * "fp": [fingerprint, …]}, …]}. */
static GHashTable *
parse_seen (KorakStore  *store,
            const char  *meta,
            GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify)g_ptr_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (meta == NULL || *meta == '\0')
    return g_steal_pointer (&seen);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT json_extract(r.value, '$.t') || char(10) || json_extract(r.value, '$.k'), "
                                    "       f.value "
                                    "FROM json_each(?1, '$.rows') r, json_each(r.value, '$.fp') f", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, meta, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *)sqlite3_column_text (stmt, 0);
      GPtrArray *fingerprints;

      if (row == NULL)
        continue;
      if (!(fingerprints = g_hash_table_lookup (seen, row)))
        {
          fingerprints = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (seen, g_strdup (row), fingerprints);
        }
      g_ptr_array_add (fingerprints, korak_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);

  /* A bundle is authenticated: malformed JSON here is a bug, not an attack. */
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&seen);
}

/* Checks a changeset against the tables here before anything is applied,
 * and notes what it touches. */
static gboolean
scan_changeset (KorakStore  *store,
                GHashTable  *tables,
                Entry       *entry,
                GHashTable  *written,
                GHashTable  *deleted_from,
                guint       *n_rows,
                const char  *path,
                GError     **error)
{
  sqlite3_changeset_iter *iter = NULL;
  const char *last = NULL;
  TableInfo *info = NULL;
  gboolean resolution = g_strcmp0 (entry->kind, "resolution") == 0;
  int rc;

  if (resolution)
    entry->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  rc = sqlite3changeset_start (&iter, (int)entry->size, (void *)entry->data);
  while (rc == SQLITE_OK && (rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;

      rc = sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      if (rc != SQLITE_OK)
        break;

      if (last == NULL || strcmp (last, table) != 0)
        {
          unsigned char *pk = NULL;
          int n_pk = 0;

          if (!(info = table_info_get (store, tables, table, error)))
            {
              sqlite3changeset_finalize (iter);
              return FALSE;
            }
          sqlite3changeset_pk (iter, &pk, &n_pk);
          for (guint i = 0; n_pk == n_columns && (guint)n_columns == info->n_columns && i < info->n_columns; i++)
            if ((pk[i] != 0) != (info->pk[i] != 0))
              n_pk = -1;
          if ((guint)n_columns != info->n_columns || n_pk != n_columns)
            {
              sqlite3changeset_finalize (iter);
              g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("The changes to “%s” do not fit this desk's database: the desks may run "
                             "different versions of Korak. Update both; nothing was applied."),
                           table);
              return FALSE;
            }
          last = info->name;
        }

      (*n_rows)++;
      g_hash_table_add (op == SQLITE_DELETE ? deleted_from : written, info->name);

      if (resolution)
        {
          g_autoptr(GArray) values = iter_values (iter, n_columns,
                                                  op == SQLITE_INSERT ? sqlite3changeset_new : sqlite3changeset_old);
          g_autofree char *key = row_key (info, values);

          g_hash_table_add (entry->touched, g_strconcat (info->name, "\n", key, NULL));
        }
    }

  if (rc == SQLITE_DONE)
    rc = sqlite3changeset_finalize (iter);
  else
    sqlite3changeset_finalize (iter);

  if (rc != SQLITE_OK)
    {
      set_damaged (error, path);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------- orphans */

static gboolean
load_children (KorakStore  *store,
               GHashTable  *children,
               GError     **error)
{
  g_auto(GStrv) tables = korak_store_list_replicated (store);
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (store, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)", error)))
    return FALSE;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *parent = (const char *)sqlite3_column_text (stmt, 0);
          GPtrArray *list = g_hash_table_lookup (children, parent);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (children, g_strdup (parent), list);
            }
          g_ptr_array_add (list, g_strdup (tables[i]));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          korak_store_set_error (store, rc, error);
          return FALSE;
        }
    }

  return TRUE;
}

/* The child tables of @table to check next. */
static gboolean
add_children (KorakStore  *store,
              GHashTable  *children,
              const char  *table,
              GHashTable  *next,
              GError     **error)
{
  GPtrArray *list;

  if (g_hash_table_size (children) == 0 && !load_children (store, children, error))
    return FALSE;
  if ((list = g_hash_table_lookup (children, table)) != NULL)
    for (guint c = 0; c < list->len; c++)
      g_hash_table_add (next, g_ptr_array_index (list, c));
  return TRUE;
}

/* The audit entries about a row (and a person) erased here. */
static gboolean
forget_audit (KorakStore  *store,
              const char  *table,
              gint64       row_id,
              gint64       person,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (store, "DELETE FROM audit_log WHERE (table_name = ?1 AND row_id = ?2) "
                                           "OR (?3 != 0 AND participant_id = ?3)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row_id);
  sqlite3_bind_int64 (stmt, 3, person);
  return korak_store_step_done (store, stmt, error);
}

/* Rows whose parent is gone: a child added on one desk while its parent
 * was deleted on another. A reference that may be cleared (ON DELETE SET
 * NULL: who last changed a row) is cleared; any other row is taken out and
 * kept as a conflict, with its children. */
static gboolean
remove_orphans (KorakStore  *store,
                GHashTable  *tables,
                GHashTable  *check,
                gint64       origin,
                guint       *n_conflicts,
                GError     **error)
{
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) erased = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) next = NULL;

  if (g_hash_table_size (check) == 0)
    return TRUE;

  g_hash_table_ref (check);
  for (guint round = 0; round < 16 && g_hash_table_size (check) > 0; round++)
    {
      GHashTableIter iter;
      gpointer table;

      next = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_iter_init (&iter, check);
      while (g_hash_table_iter_next (&iter, &table, NULL))
        {
          g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_autoptr(GArray) fk_ids = g_array_new (FALSE, FALSE, sizeof (int));
          TableInfo *info;
          sqlite3_stmt *stmt;
          int rc;

          if (!(info = table_info_get (store, tables, table, error)))
            goto failed;

          if (!(stmt = korak_store_prepare (store, "SELECT rowid, fkid FROM pragma_foreign_key_check(?1)", error)))
            goto failed;
          sqlite3_bind_text (stmt, 1, info->name, -1, SQLITE_STATIC);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 rowid = sqlite3_column_int64 (stmt, 0);
              int fk_id = sqlite3_column_int (stmt, 1);

              g_array_append_val (rowids, rowid);
              g_array_append_val (fk_ids, fk_id);
            }
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            {
              korak_store_set_error (store, rc, error);
              goto failed;
            }

          for (guint i = 0; i < rowids->len; i++)
            {
              gint64 rowid = g_array_index (rowids, gint64, i);
              g_autofree char *on_delete = NULL;
              g_autofree char *parent = NULL;
              g_autofree char *sql = NULL;
              g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\" WHERE rowid = ?1", info->name);
              g_autofree char *key = NULL;
              g_autofree char *parent_row = NULL;
              g_autoptr(GString) set = g_string_new (NULL);
              g_autoptr(GArray) row = NULL;
              int from = -1, n_from = 0;

              if (!(stmt = korak_store_prepare (store,
                                                "SELECT \"from\", on_delete, \"table\" "
                                                "FROM pragma_foreign_key_list(?1) WHERE id = ?2", error)))
                goto failed;
              sqlite3_bind_text (stmt, 1, info->name, -1, SQLITE_STATIC);
              sqlite3_bind_int (stmt, 2, g_array_index (fk_ids, int, i));
              while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
                {
                  const char *column = (const char *)sqlite3_column_text (stmt, 0);

                  g_string_append_printf (set, "%s\"%s\" = NULL", set->len ? ", " : "", column);
                  for (guint c = 0; c < info->n_columns; c++)
                    if (g_str_equal (info->columns[c], column))
                      from = c;
                  n_from++;
                  g_free (on_delete);
                  on_delete = korak_column_dup (stmt, 1);
                  g_free (parent);
                  parent = korak_column_dup (stmt, 2);
                }
              sqlite3_reset (stmt);

              if (!(stmt = korak_store_prepare (store, select, error)))
                goto failed;
              sqlite3_bind_int64 (stmt, 1, rowid);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                {
                  row = values_new (info->n_columns);
                  for (guint c = 0; c < info->n_columns; c++)
                    value_set (&g_array_index (row, Value, c), sqlite3_column_value (stmt, c));
                }
              sqlite3_reset (stmt);
              /* Taken out already, with its parent's other children. */
              if (row == NULL)
                continue;
              key = row_key (info, row);

              /* A child of a row erased here: erased with it, silently and
               * with no trace (what the erasure would have taken had the
               * child been here then). */
              if (n_from == 1 && from >= 0 && parent != NULL)
                {
                  g_autoptr(GString) parent_key = g_string_new ("[");

                  value_append_json (parent_key, &g_array_index (row, Value, from));
                  g_string_append_c (parent_key, ']');
                  parent_row = g_strconcat (parent, "\n", parent_key->str, NULL);
                }
              if (parent_row != NULL && is_erased (store, parent_row))
                {
                  gboolean audit = korak_store_get_audit_enabled (store);
                  gboolean ok;

                  g_hash_table_add (erased, g_strconcat (info->name, "\n", key, NULL));
                  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE rowid = ?1", info->name);
                  if (!(stmt = korak_store_prepare (store, sql, error)))
                    goto failed;
                  sqlite3_bind_int64 (stmt, 1, rowid);
                  korak_store_set_audit_enabled (store, FALSE);
                  ok = korak_store_step_done (store, stmt, error);
                  korak_store_set_audit_enabled (store, audit);
                  if (!ok || !forget_audit (store, info->name, row_integer_id (info, row),
                                            g_str_equal (parent, "participant")
                                            ? g_array_index (row, Value, from).i : 0, error))
                    goto failed;
                  if (!add_children (store, children, info->name, next, error))
                    goto failed;
                  continue;
                }

              if (g_strcmp0 (on_delete, "SET NULL") == 0 && set->len > 0)
                {
                  sql = g_strdup_printf ("UPDATE \"%s\" SET %s WHERE rowid = ?1", info->name, set->str);
                }
              else
                {
                  if (!insert_conflict (store, KORAK_CONFLICT_ORPHAN, info, key, row_integer_id (info, row),
                                        origin, 0, row, NULL, NULL, NULL, error))
                    goto failed;
                  (*n_conflicts)++;
                  if (!add_children (store, children, info->name, next, error))
                    goto failed;
                  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE rowid = ?1", info->name);
                }

              if (!(stmt = korak_store_prepare (store, sql, error)))
                goto failed;
              sqlite3_bind_int64 (stmt, 1, rowid);
              if (!korak_store_step_done (store, stmt, error))
                goto failed;
            }
        }

      g_hash_table_unref (check);
      check = g_steal_pointer (&next);
    }
  g_hash_table_unref (check);

  return scrub_rows (store, erased, error);

failed:
  g_hash_table_unref (check);
  return FALSE;
}

/* ------------------------------------------------------- apply a bundle */

typedef struct
{
  KorakStore *store;
  gboolean    recording;
  gint64      actor_id;
  char       *actor_name;
  gboolean    foreign_keys_off;
} Restore;

/* Foreign keys off (each changeset holds the cascades its desk made) and
 * no recording (what applies travels on as its own desk's change). Outside
 * a transaction: SQLite ignores foreign_keys inside one. */
static gboolean
enter_apply_mode (KorakStore  *store,
                  Restore     *restore,
                  gboolean     record,
                  gboolean     foreign_keys,
                  GError     **error)
{
  restore->store = store;
  restore->recording = korak_store_get_recording (store);
  restore->actor_id = korak_store_get_actor_id (store);
  restore->actor_name = g_strdup (korak_store_get_actor_name (store));

  if (!foreign_keys)
    {
      if (!korak_store_exec (store, "PRAGMA foreign_keys = OFF", error))
        return FALSE;
      restore->foreign_keys_off = TRUE;
    }
  if (!record)
    korak_store_set_recording (store, FALSE);
  return TRUE;
}

static void
leave_apply_mode (Restore *restore)
{
  if (restore->store == NULL)
    return;

  if (restore->foreign_keys_off)
    korak_store_exec (restore->store, "PRAGMA foreign_keys = ON", NULL);
  korak_store_set_recording (restore->store, restore->recording);
  korak_store_set_actor (restore->store, restore->actor_id, restore->actor_name);
  g_clear_pointer (&restore->actor_name, g_free);
  restore->store = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Restore, leave_apply_mode)

static gboolean
record_desks (KorakStore  *store,
              GVariant    *desks,
              gint64       local_id,
              gint64       organisation_id,
              GError     **error)
{
  GVariantIter iter;
  const char *name;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO desk (id, name, organisation_id, is_local) VALUES (?1, ?2, ?3, 0) "
                                    "ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE is_local = 0 "
                                    "  AND excluded.name != '' AND name IS NOT excluded.name", error)))
    return FALSE;

  g_variant_iter_init (&iter, desks);
  while (g_variant_iter_next (&iter, "(x&s)", &id, &name))
    {
      if (id == local_id)
        continue;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, *name ? name : "?", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, organisation_id);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
record_acks (KorakStore  *store,
             gint64       peer,
             GVariant    *vector,
             guint       *n_advanced,
             GError     **error)
{
  GVariantIter iter;
  sqlite3_stmt *stmt;
  gint64 origin, seq;

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO exchange_ack (peer_desk, origin_desk, seq) VALUES (?1, ?2, ?3) "
                                    "ON CONFLICT (peer_desk, origin_desk) DO UPDATE SET seq = excluded.seq "
                                    "WHERE excluded.seq > seq", error)))
    return FALSE;

  g_variant_iter_init (&iter, vector);
  while (g_variant_iter_next (&iter, "(xx)", &origin, &seq))
    {
      if (seq <= 0)
        continue;
      sqlite3_bind_int64 (stmt, 1, peer);
      sqlite3_bind_int64 (stmt, 2, origin);
      sqlite3_bind_int64 (stmt, 3, seq);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;
      *n_advanced += sqlite3_changes (korak_store_get_db (store));
    }

  return TRUE;
}

static gboolean
keep_entry (KorakStore   *store,
            const Entry  *entry,
            GBytes       *scrubbed,
            const char   *received_at,
            GError      **error)
{
  gsize size = entry->size;
  const void *data = entry->data;
  sqlite3_stmt *stmt;

  if (scrubbed != NULL)
    data = g_bytes_get_data (scrubbed, &size);

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO exchange_outbox (origin_desk, origin_seq, created_at, received_at, kind, "
                                    "  meta, changeset, digest) VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, ''), ?7, ?8)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->origin);
  sqlite3_bind_int64 (stmt, 2, entry->seq);
  sqlite3_bind_text (stmt, 3, entry->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, received_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5,
                     g_strcmp0 (entry->kind, "resolution") == 0 ? "resolution" :
                     g_strcmp0 (entry->kind, "erasure") == 0 ? "erasure" : "edit", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, entry->meta, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 7, data ? data : "", (int)size, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 8, entry->digest, KORAK_CHANGE_DIGEST_SIZE, SQLITE_STATIC);
  if (!korak_store_step_done (store, stmt, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store, "UPDATE desk SET seq = ?2 WHERE id = ?1 AND is_local = 0", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->origin);
  sqlite3_bind_int64 (stmt, 2, entry->seq);
  return korak_store_step_done (store, stmt, error);
}

/* A person erased on another desk leaves here what an erasure here leaves
 * (korak_store_erase_person()): no rows, no values in the audit log, the
 * outbox or the conflicts, and one audit entry that it happened. */
static gboolean
erase_traces (KorakStore   *store,
              const Entry  *entry,
              GError      **error)
{
  sqlite3_changeset_iter *iter = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!korak_exchange_scrub_erased (store, entry->data, entry->size, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (store, "DELETE FROM audit_log WHERE table_name = ?1 AND row_id = ?2", error)))
    return FALSE;
  rc = sqlite3changeset_start (&iter, (int)entry->size, (void *)entry->data);
  while (rc == SQLITE_OK && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;
      sqlite3_value *id = NULL;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      if (op != SQLITE_DELETE || sqlite3changeset_old (iter, 0, &id) != SQLITE_OK || id == NULL ||
          sqlite3_value_type (id) != SQLITE_INTEGER)
        continue;
      if (g_str_equal (table, "participant"))
        {
          gint64 person = sqlite3_value_int64 (id);

          g_array_append_val (people, person);
        }
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, sqlite3_value_int64 (id));
      if (!korak_store_step_done (store, stmt, error))
        {
          sqlite3changeset_finalize (iter);
          return FALSE;
        }
    }
  sqlite3changeset_finalize (iter);

  for (guint i = 0; i < people->len; i++)
    {
      gint64 person = g_array_index (people, gint64, i);

      if (!(stmt = korak_store_prepare (store, "DELETE FROM audit_log WHERE participant_id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;

      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO audit_log (id, seq, staff_id, staff_name, table_name, row_id, "
                                        "participant_id, action) VALUES (?1, "
                                        "(SELECT coalesce(max(seq), 0) + 1 FROM audit_log), "
                                        "NULL, korak_actor_name(), 'participant', ?2, NULL, 'erase')", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, korak_store_new_id ());
      sqlite3_bind_int64 (stmt, 2, person);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;
    }

  /* A deleted row leaves its words in the index's older segments. */
  return people->len == 0 ||
         korak_store_exec (store, "INSERT INTO participant_fts(participant_fts) VALUES ('optimize')", error);
}

static gboolean
apply_entry (KorakStore           *store,
             GHashTable           *tables,
             const Entry          *entry,
             const char           *received_at,
             KorakExchangeReport  *report,
             GError              **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) unsettled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_free);
  g_autoptr(GPtrArray) fixups = g_ptr_array_new_with_free_func (fixup_free);
  g_autoptr(GHashTable) erased_hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GBytes) kept = NULL;
  g_autofree char *origin_name = desk_name (store, entry->origin);
  g_autofree char *actor = NULL;
  gboolean erasure = g_strcmp0 (entry->kind, "erasure") == 0;
  gboolean audit = korak_store_get_audit_enabled (store);
  ApplyCtx ctx = { 0 };
  int rc;

  if (g_strcmp0 (entry->kind, "resolution") == 0 && !(seen = parse_seen (store, entry->meta, error)))
    return FALSE;

  /* The audit log says where a change came from. */
  /* TRANSLATORS: who made a change, in the history, for changes that came in a bundle */
  actor = g_strdup_printf (_("Desk “%s”"), origin_name);
  korak_store_set_actor (store, 0, actor);

  ctx.store = store;
  ctx.tables = tables;
  ctx.entry = entry;
  ctx.seen = seen;
  ctx.unsettled = unsettled;
  ctx.pending = pending;
  ctx.fixups = fixups;
  ctx.erased = erased_hits;

  /* An erasure leaves no values in the audit log (erase_traces()). */
  if (erasure)
    korak_store_set_audit_enabled (store, FALSE);
  /* No savepoint per changeset: the bundle's transaction is the unit, and
   * one savepoint within a large transaction copies every page it touches
   * again (twice as slow for a big bundle). */
  rc = sqlite3changeset_apply_v2 (korak_store_get_db (store), (int)entry->size, (void *)entry->data,
                                  NULL, on_conflict, &ctx, NULL, NULL, SQLITE_CHANGESETAPPLY_NOSAVEPOINT);
  korak_store_set_audit_enabled (store, audit);
  if (ctx.error != NULL)
    {
      g_propagate_error (error, ctx.error);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  /* What it said about rows erased here is not kept. */
  if (g_hash_table_size (erased_hits) > 0)
    kept = changeset_without (entry->data, entry->size, erased_hits);

  return finish_changeset (&ctx, &report->n_conflicts, error) &&
         settle_conflicts (&ctx, &report->n_settled, error) &&
         (!erasure || erase_traces (store, entry, error)) &&
         keep_entry (store, entry, kept, received_at, error);
}

static char *
bundle_desk_name (KorakStore *store,
                  GVariant   *desks,
                  gint64      id)
{
  GVariantIter iter;
  const char *name;
  gint64 known;

  g_variant_iter_init (&iter, desks);
  while (g_variant_iter_next (&iter, "(x&s)", &known, &name))
    if (known == id && *name)
      return g_strdup (name);
  return desk_name (store, id);
}

static void
set_restored (GError     **error,
              gboolean     here,
              const char  *desk)
{
  if (here)
    g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                 _("This desk's database is older than what desk “%s” has received from it: it was restored "
                   "from a backup, or copied. Give this desk a new desk identity before it exchanges changes "
                   "again; what it had sent comes back from the other desks. Nothing was applied."),
                 desk);
  else
    g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                 _("Desk “%s” sent changes under numbers it had used before for other changes: its database "
                   "was restored from a backup, or copied. On that desk, give it a new desk identity, then "
                   "send its changes again. Nothing was applied."),
                 desk);
}

/* A change this desk has already: it must be the one it has. */
static gboolean
check_known_entry (KorakStore   *store,
                   const Entry  *entry,
                   gint64        local_id,
                   GVariant     *desks,
                   const char   *source_name,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean same = TRUE;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT digest FROM exchange_outbox WHERE origin_desk = ?1 AND origin_seq = ?2",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->origin);
  sqlite3_bind_int64 (stmt, 2, entry->seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    same = sqlite3_column_bytes (stmt, 0) == KORAK_CHANGE_DIGEST_SIZE &&
           memcmp (sqlite3_column_blob (stmt, 0), entry->digest, KORAK_CHANGE_DIGEST_SIZE) == 0;
  /* Made here but not kept here: this database is older than the change. */
  else if (rc == SQLITE_DONE && entry->origin == local_id)
    same = FALSE;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  if (!same)
    {
      g_autofree char *origin_name = bundle_desk_name (store, desks, entry->origin);

      set_restored (error, entry->origin == local_id, entry->origin == local_id ? source_name : origin_name);
      return FALSE;
    }

  return TRUE;
}

static void
restore_secure_delete (KorakStore *store,
                       int         value)
{
  korak_store_exec (store, value == 2 ? "PRAGMA secure_delete = FAST"
                           : value == 1 ? "PRAGMA secure_delete = ON"
                           : "PRAGMA secure_delete = OFF", NULL);
}

static void
add_range (GArray *ranges,
           gint64  origin,
           gint64  seq)
{
  KorakExchangeRange range = { origin, seq, seq };

  for (guint i = 0; i < ranges->len; i++)
    {
      KorakExchangeRange *r = &g_array_index (ranges, KorakExchangeRange, i);

      if (r->origin_desk_id == origin)
        {
          r->first = MIN (r->first, seq);
          r->last = MAX (r->last, seq);
          return;
        }
    }
  g_array_append_val (ranges, range);
}

static gboolean
apply_bundle (KorakStore            *store,
              const char            *passphrase,
              const char            *path,
              KorakExchangeReport  **out_report,
              KorakExchangeTiming   *timing,
              GError               **error)
{
  g_auto(LocalDesk) desk = { 0 };
  g_auto(Restore) restore = { 0 };
  g_autoptr(KorakExchangeReport) report = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GVariant) desks = NULL;
  g_autoptr(GVariant) vector = NULL;
  g_autoptr(GVariant) entries_variant = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func ((GDestroyNotify)g_variant_unref);
  g_autoptr(GHashTable) applied = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) tables = table_cache_new ();
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) deleted_from = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *received_at = korak_store_now_iso ();
  const char *source_name = NULL, *created_at = NULL;
  gint64 source_id = 0, to_id = 0, organisation_id = 0;
  gint32 schema_version = 0;
  gboolean update_check;
  gboolean erasure = FALSE;
  int secure_delete = 2;
  guint acks_advanced = 0;
  guint n_new = 0;
  Header header;
  sqlite3_stmt *stmt;
  gsize size = 0;
  const guint8 *data;
  gint64 start = g_get_monotonic_time ();
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_array_set_clear_func (entries, entry_clear);

  if (!ensure_sodium (error) || !check_passphrase (passphrase, error))
    return FALSE;
  if (!read_local_desk (store, &desk, error) || !require_organisation (&desk, error))
    return FALSE;
  if (!(file = read_file (path, error)))
    return FALSE;
  data = g_bytes_get_data (file, &size);
  if (!parse_header (data, size, path, &header, error))
    return FALSE;

  /* What the header says is checked before any key is made. */
  if (header.organisation_id != desk.organisation_id)
    {
      set_file_error (error, KORAK_STORE_ERROR_FOREIGN, path,
                      _("The change bundle “%s” belongs to another organisation. Nothing was applied."));
      return FALSE;
    }
  if (header.schema_version > KORAK_STORE_SCHEMA_VERSION)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NEWER_SCHEMA,
                   _("The change bundle “%s” comes from a newer version of Korak (database version %d, this "
                     "Korak knows up to %d). Update Korak on this desk, then receive the changes again. "
                     "Nothing was applied."),
                   name, header.schema_version, KORAK_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (header.schema_version < KORAK_STORE_SCHEMA_VERSION)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The change bundle “%s” comes from an older version of Korak (database version %d, this "
                     "desk has %d). Update Korak on the desk that sent it, then ask it to send its changes "
                     "again. Nothing was applied."),
                   name, header.schema_version, KORAK_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (header.source_desk_id == desk.id)
    {
      set_file_error (error, KORAK_STORE_ERROR_INVALID, path,
                      _("The change bundle “%s” was written by this desk, or by a copy of its database. "
                        "Receive bundles from other desks; a copy of a database that is used as a desk of its "
                        "own needs its own desk identity first. Nothing was applied."));
      return FALSE;
    }

  if (timing != NULL)
    timing->derive_ms = 0;
  if (!(plain = decrypt_bundle (data, size, &header, passphrase, path, error)))
    return FALSE;

  payload = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (PAYLOAD_TYPE), plain, FALSE));
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (payload);

      g_variant_unref (payload);
      payload = swapped;
    }
  g_variant_get (payload, "(x&sxxi&s@a(xs)@a(xx)@a(xxsssayay))", &source_id, &source_name, &to_id, &organisation_id,
                 &schema_version, &created_at, &desks, &vector, &entries_variant);

  if (source_id != header.source_desk_id || organisation_id != header.organisation_id ||
      schema_version != header.schema_version || to_id != header.to_desk_id)
    {
      set_damaged (error, path);
      return FALSE;
    }

  report = report_from_header (&header);
  report->source_desk_name = g_strdup (source_name);

  /* The other desk has more of this desk's changes than this desk made. */
  {
    GVariantIter iter;
    gint64 origin, seq;

    g_variant_iter_init (&iter, vector);
    while (g_variant_iter_next (&iter, "(xx)", &origin, &seq))
      if (origin == desk.id && seq > desk.seq)
        {
          set_restored (error, TRUE, source_name);
          return FALSE;
        }
  }

  /* The last change of each desk applied here. */
  if (!(stmt = korak_store_prepare (store, "SELECT id, seq FROM desk", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (applied, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  /* Each desk's changes in the bundle follow one another, and follow
   * what is here: a gap means a bundle before this one did not arrive. */
  {
    g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
    gsize n = g_variant_n_children (entries_variant);

    for (gsize i = 0; i < n; i++)
      {
        GVariant *child = g_variant_get_child_value (entries_variant, i);
        g_autoptr(GVariant) changeset = NULL;
        g_autoptr(GVariant) digest = NULL;
        Entry entry = { 0 };
        gsize digest_size = 0;
        gint64 *next, *have;

        g_ptr_array_add (children, child);
        g_variant_get (child, "(xx&s&s&s@ay@ay)", &entry.origin, &entry.seq, &entry.created_at, &entry.kind,
                       &entry.meta, &changeset, &digest);
        entry.data = g_variant_get_fixed_array (changeset, &entry.size, 1);
        entry.digest = g_variant_get_fixed_array (digest, &digest_size, 1);
        g_ptr_array_add (children, g_steal_pointer (&changeset));
        g_ptr_array_add (children, g_steal_pointer (&digest));
        if (digest_size != KORAK_CHANGE_DIGEST_SIZE)
          {
            set_damaged (error, path);
            return FALSE;
          }
        report->n_changes++;
        add_range (report->ranges, entry.origin, entry.seq);

        next = g_hash_table_lookup (expected, &entry.origin);
        if (next != NULL && entry.seq != *next)
          {
            set_damaged (error, path);
            return FALSE;
          }
        if (next == NULL)
          {
            next = g_memdup2 (&entry.seq, sizeof entry.seq);
            g_hash_table_insert (expected, g_memdup2 (&entry.origin, sizeof entry.origin), next);
          }
        *next = entry.seq + 1;

        have = g_hash_table_lookup (applied, &entry.origin);
        if (entry.origin == desk.id || entry.seq <= (have ? *have : 0))
          {
            /* Known here: the same change, or a desk that forgot it made
             * one under this number. */
            if (!check_known_entry (store, &entry, desk.id, desks, source_name, error))
              return FALSE;
            report->n_skipped++;
            continue;
          }
        if (entry.seq > (have ? *have : 0) + 1)
          {
            g_autofree char *name = g_filename_display_basename (path);
            g_autofree char *origin_name = bundle_desk_name (store, desks, entry.origin);
            gint64 first = (have ? *have : 0) + 1;

            if (first == entry.seq - 1)
              g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_MISSING_CHANGES,
                           _("Change %lld of desk “%s” has not arrived here, and the changes in "
                             "“%s” build on it, so nothing was applied. Receive the bundle that came before "
                             "this one first, or ask for a new bundle."),
                           (long long) first, origin_name, name);
            else
              g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_MISSING_CHANGES,
                           _("Changes %lld to %lld of desk “%s” have not arrived "
                             "here, and the changes in “%s” build on them, so nothing was applied. Receive the "
                             "bundles that came before this one first, or ask for a new bundle."),
                           (long long) first, (long long) (entry.seq - 1), origin_name, name);
            return FALSE;
          }

        /* Applied in order: the next one of this desk is one further. */
        if (have != NULL)
          *have = entry.seq;
        else
          g_hash_table_insert (applied, g_memdup2 (&entry.origin, sizeof entry.origin),
                               g_memdup2 (&entry.seq, sizeof entry.seq));
        g_array_append_val (entries, entry);
      }
  }

  /* Everything checked before anything changes. */
  for (guint i = 0; i < entries->len; i++)
    if (!scan_changeset (store, tables, &g_array_index (entries, Entry, i), written, deleted_from,
                         &report->n_rows, path, error))
      return FALSE;
  n_new = entries->len;

  /* The bundle proves the passphrase is the organisation's: remember it. */
  update_check = !verify_key_check (desk.key_check, passphrase);

  /* An erasure writes over what it frees (see korak_store_erase_person()). */
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (g_array_index (entries, Entry, i).kind, "erasure") == 0)
      erasure = TRUE;
  if (erasure)
    {
      sqlite3_stmt *pragma = korak_store_prepare (store, "PRAGMA secure_delete", error);

      if (pragma == NULL)
        return FALSE;
      if (sqlite3_step (pragma) == SQLITE_ROW)
        secure_delete = sqlite3_column_int (pragma, 0);
      sqlite3_reset (pragma);
      korak_store_exec (store, "PRAGMA secure_delete = ON", NULL);
    }

  /* A big bundle's rows (and their audit entries) land all over the
   * B-trees: a page cache that holds them, for this transaction only, keeps
   * SQLite from spilling to the journal (as the sample data does). */
  if (report->n_rows > BIG_BUNDLE_ROWS)
    korak_store_exec (store, "PRAGMA cache_size = -262144", NULL);

  if (!enter_apply_mode (store, &restore, FALSE, FALSE, error) || !korak_store_begin (store, error))
    goto restore_pragma;

  /* Desks first: the changes' origins are known by name in the history. */
  if (!record_desks (store, desks, desk.id, desk.organisation_id, error))
    goto failed;

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      if (!apply_entry (store, tables, entry, received_at, report, error))
        goto failed;
      report->n_applied++;
    }

  if (n_new > 0)
    {
      g_autoptr(GHashTable) check = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) children_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                 (GDestroyNotify)g_ptr_array_unref);
      GHashTableIter iter;
      gpointer table;

      /* Orphans: rows written here whose parent is gone, and children of
       * rows deleted here. */
      g_hash_table_iter_init (&iter, written);
      while (g_hash_table_iter_next (&iter, &table, NULL))
        g_hash_table_add (check, table);
      if (g_hash_table_size (deleted_from) > 0)
        {
          if (!load_children (store, children_of, error))
            goto failed;
          g_hash_table_iter_init (&iter, deleted_from);
          while (g_hash_table_iter_next (&iter, &table, NULL))
            {
              GPtrArray *list = g_hash_table_lookup (children_of, table);

              for (guint c = 0; list != NULL && c < list->len; c++)
                {
                  TableInfo *info = table_info_get (store, tables, g_ptr_array_index (list, c), error);

                  if (info == NULL)
                    goto failed;
                  g_hash_table_add (check, info->name);
                }
            }
        }
      if (!remove_orphans (store, tables, check, source_id, &report->n_conflicts, error))
        goto failed;
    }

  if (!record_acks (store, source_id, vector, &acks_advanced, error))
    goto failed;

  /* A bundle that brings nothing new changes nothing. */
  if (n_new > 0 || acks_advanced > 0 || update_check)
    {
      if (!(stmt = korak_store_prepare (store, "UPDATE desk SET last_exchange_at = ?2 WHERE id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, source_id);
      sqlite3_bind_text (stmt, 2, received_at, -1, SQLITE_STATIC);
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
    }

  if (update_check && !store_key_check (store, passphrase, error))
    goto failed;

  if (!korak_store_commit (store, error))
    goto restore_pragma;

  if (report->n_rows > BIG_BUNDLE_ROWS)
    korak_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  if (erasure)
    {
      restore_secure_delete (store, secure_delete);
      /* Older copies of the pages wait in the write-ahead log: copy it back. */
      korak_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
    }

  if (timing != NULL)
    {
      timing->apply_ms = (g_get_monotonic_time () - start) / 1000.0;
      timing->n_changes = report->n_applied;
      timing->n_rows = report->n_rows;
    }

  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);
  return TRUE;

failed:
  korak_store_rollback (store);
restore_pragma:
  if (report->n_rows > BIG_BUNDLE_ROWS)
    korak_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  if (erasure)
    restore_secure_delete (store, secure_delete);
  return FALSE;
}

gboolean
korak_exchange_apply_bundle_timed (KorakStore           *store,
                                   const char           *passphrase,
                                   const char           *path,
                                   KorakExchangeTiming  *timing,
                                   GError              **error)
{
  return apply_bundle (store, passphrase, path, NULL, timing, error);
}

gboolean
korak_exchange_apply_bundle (KorakStore            *store,
                             const char            *passphrase,
                             const char            *path,
                             KorakExchangeReport  **report,
                             GError               **error)
{
  if (report != NULL)
    *report = NULL;

  return apply_bundle (store, passphrase, path, report, NULL, error);
}

/* -------------------------------------------------------------- conflicts */

void
korak_exchange_conflict_free (KorakExchangeConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->table_name);
  g_free (conflict->row_key);
  g_free (conflict->origin_desk_name);
  g_free (conflict->detected_at);
  g_free (conflict->resolved_at);
  g_strfreev (conflict->columns);
  g_clear_pointer (&conflict->local_values, g_ptr_array_unref);
  g_clear_pointer (&conflict->incoming_values, g_ptr_array_unref);
  g_strfreev (conflict->incoming_columns);
  g_strfreev (conflict->differing);
  g_free (conflict);
}

static GPtrArray *
values_to_display (GArray *values)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (texts, value_to_display (&g_array_index (values, Value, i)));
  return texts;
}

static gboolean
is_bookkeeping_name (const char *column)
{
  return g_str_equal (column, "created_at") || g_str_equal (column, "updated_at") ||
         g_str_equal (column, "updated_by");
}

/* Four texts, any of them NULL. */
static void
free_texts (gpointer data)
{
  char **texts = data;

  for (guint i = 0; i < 4; i++)
    g_free (texts[i]);
  g_free (texts);
}

GPtrArray *
korak_exchange_list_conflicts (KorakStore  *store,
                               gboolean     include_closed,
                               GError     **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_exchange_conflict_free);
  g_autoptr(GPtrArray) raw = g_ptr_array_new_with_free_func (free_texts);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT c.id, c.kind, c.state, c.table_name, c.row_key, coalesce(c.row_id, 0), "
                                    "  c.origin_desk, c.origin_seq, c.detected_at, c.resolved_at, d.name, "
                                    "  c.columns, c.local_values, c.incoming_values, c.incoming_columns "
                                    "FROM exchange_conflict c LEFT JOIN desk d ON d.id = c.origin_desk "
                                    "WHERE ?1 OR c.state = 'open' ORDER BY c.detected_at, c.origin_desk, c.origin_seq, c.id",
                                    error)))
    return NULL;
  sqlite3_bind_int (stmt, 1, include_closed);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakExchangeConflict *conflict = g_new0 (KorakExchangeConflict, 1);
      const char *state = (const char *)sqlite3_column_text (stmt, 2);
      char **texts = g_new0 (char *, 4);

      conflict->id = sqlite3_column_int64 (stmt, 0);
      conflict->kind = conflict_kind_from_string ((const char *)sqlite3_column_text (stmt, 1));
      conflict->state = g_strcmp0 (state, "resolved") == 0 ? KORAK_CONFLICT_RESOLVED
                      : g_strcmp0 (state, "settled") == 0 ? KORAK_CONFLICT_SETTLED
                      : KORAK_CONFLICT_OPEN;
      conflict->table_name = korak_column_dup (stmt, 3);
      conflict->row_key = korak_column_dup (stmt, 4);
      conflict->row_id = sqlite3_column_int64 (stmt, 5);
      conflict->origin_desk_id = sqlite3_column_int64 (stmt, 6);
      conflict->origin_seq = sqlite3_column_int64 (stmt, 7);
      conflict->detected_at = korak_column_dup (stmt, 8);
      conflict->resolved_at = korak_column_dup (stmt, 9);
      conflict->origin_desk_name = sqlite3_column_type (stmt, 10) == SQLITE_NULL
                                   ? g_strdup_printf (_("desk %lld"), (long long) conflict->origin_desk_id)
                                   : korak_column_dup (stmt, 10);
      for (int i = 0; i < 4; i++)
        texts[i] = korak_column_dup (stmt, 11 + i);
      g_ptr_array_add (conflicts, conflict);
      g_ptr_array_add (raw, texts);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  /* The JSON is read with the same prepared statements: after the loop. */
  for (guint i = 0; i < conflicts->len; i++)
    {
      KorakExchangeConflict *conflict = g_ptr_array_index (conflicts, i);
      char **texts = g_ptr_array_index (raw, i);
      g_autoptr(GArray) local = NULL;
      g_autoptr(GArray) incoming = NULL;
      g_autoptr(GStrvBuilder) differing = g_strv_builder_new ();

      if (!(conflict->columns = strings_from_json (store, texts[0], error)) ||
          !(conflict->incoming_columns = strings_from_json (store, texts[3], error)))
        return NULL;
      if (texts[1] != NULL && !(local = values_from_json (store, texts[1], error)))
        return NULL;
      if (texts[2] != NULL && !(incoming = values_from_json (store, texts[2], error)))
        return NULL;
      if (local != NULL)
        conflict->local_values = values_to_display (local);
      if (incoming != NULL)
        conflict->incoming_values = values_to_display (incoming);

      for (guint c = 0; conflict->columns[c] != NULL; c++)
        {
          const char *column = conflict->columns[c];
          gboolean differs;

          if (is_bookkeeping_name (column))
            continue;
          if (local != NULL && incoming != NULL && c < local->len && c < incoming->len)
            differs = !value_equal (&g_array_index (local, Value, c), &g_array_index (incoming, Value, c)) &&
                      (conflict->kind != KORAK_CONFLICT_DELETED_HERE ||
                       g_strv_contains ((const char * const *)conflict->incoming_columns, column));
          else if (incoming != NULL)
            differs = g_strv_contains ((const char * const *)conflict->incoming_columns, column);
          else
            differs = FALSE;
          if (differs)
            g_strv_builder_add (differing, column);
        }
      conflict->differing = g_strv_builder_end (differing);
    }

  return g_steal_pointer (&conflicts);
}

gint64
korak_exchange_count_conflicts (KorakStore  *store,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), -1);

  if (!(stmt = korak_store_prepare (store, "SELECT count(*) FROM exchange_conflict WHERE state = 'open'", error)))
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    korak_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return count;
}

/* The row as this desk last saw it before it deleted it (or applied a
 * deletion): the old values of the newest deletion in the outbox. */
static GArray *
find_deleted_row (KorakStore       *store,
                  const TableInfo  *info,
                  const char       *key,
                  GError          **error)
{
  sqlite3_stmt *stmt;
  GArray *found = NULL;
  int rc;

  if (!(stmt = korak_store_prepare (store, "SELECT changeset FROM exchange_outbox ORDER BY pos DESC", error)))
    return NULL;

  while (found == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_changeset_iter *iter = NULL;
      int irc = sqlite3changeset_start (&iter, sqlite3_column_bytes (stmt, 0), (void *)sqlite3_column_blob (stmt, 0));

      while (found == NULL && irc == SQLITE_OK && sqlite3changeset_next (iter) == SQLITE_ROW)
        {
          const char *table = NULL;
          int n_columns = 0, op = 0, indirect = 0;

          sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
          if (op == SQLITE_DELETE && g_str_equal (table, info->name) && (guint)n_columns == info->n_columns)
            {
              g_autoptr(GArray) old = iter_values (iter, n_columns, sqlite3changeset_old);
              g_autofree char *old_key = row_key (info, old);

              if (g_str_equal (old_key, key))
                found = g_steal_pointer (&old);
            }
        }
      sqlite3changeset_finalize (iter);
    }
  sqlite3_reset (stmt);

  return found;
}

static void
meta_add_row (GString         *meta,
              const TableInfo *info,
              const char      *key,
              GArray         **versions,
              guint            n_versions)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean first = TRUE;

  g_string_append_printf (meta, "%s{\"t\":", meta->len > 9 ? "," : "");
  json_append_string (meta, info->name, strlen (info->name));
  g_string_append (meta, ",\"k\":");
  json_append_string (meta, key, strlen (key));
  g_string_append (meta, ",\"fp\":[");
  for (guint i = 0; i < n_versions; i++)
    {
      char *fingerprint;

      if (versions[i] == NULL)
        continue;
      fingerprint = values_fingerprint (versions[i]);
      if (!g_hash_table_add (done, fingerprint))
        continue;
      g_string_append_printf (meta, "%s\"%s\"", first ? "" : ",", fingerprint);
      first = FALSE;
    }
  g_string_append (meta, "]}");
}

static void
set_fresh_bookkeeping (KorakStore      *store,
                       const TableInfo *info,
                       GArray          *row)
{
  if (info->updated_at >= 0)
    {
      Value *value = &g_array_index (row, Value, info->updated_at);
      g_autofree char *now = korak_store_now_iso ();

      value_clear (value);
      value->type = SQLITE_TEXT;
      value->bytes = g_bytes_new (now, strlen (now));
    }
  if (info->updated_by >= 0)
    {
      Value *value = &g_array_index (row, Value, info->updated_by);
      gint64 actor = korak_store_get_actor_id (store);

      value_clear (value);
      value->type = actor != 0 ? SQLITE_INTEGER : SQLITE_NULL;
      value->i = actor;
    }
}

static void
copy_row (GArray **dest,
          GArray  *src)
{
  *dest = values_new (src->len);
  for (guint i = 0; i < src->len; i++)
    value_copy (&g_array_index (*dest, Value, i), &g_array_index (src, Value, i));
}

/* Whether the row with the key of @row has its parents (foreign keys are
 * off while a choice is written, see enter_apply_mode()). */
static gboolean
check_parents (KorakStore       *store,
               const TableInfo  *info,
               GArray           *row,
               GError          **error)
{
  g_autofree char *condition = pk_condition (info, 2);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_foreign_key_check(?1) k "
                                          "WHERE k.rowid = (SELECT rowid FROM \"%s\" WHERE %s)",
                                          info->name, condition);
  sqlite3_stmt *stmt;
  gint64 orphans = 0;
  int rc;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->name, -1, SQLITE_STATIC);
  bind_pk (stmt, info, row, 2);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    orphans = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  if (orphans > 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("What this row belongs to is not on this desk (it was deleted). "
                             "Restore that first, then choose again."));
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gboolean clash;
} TakeCtx;

static int
on_take_conflict (void                   *user_data,
                  int                     type,
                  sqlite3_changeset_iter *iter)
{
  TakeCtx *ctx = user_data;

  switch (type)
    {
    case SQLITE_CHANGESET_DATA:
      return SQLITE_CHANGESET_REPLACE;
    case SQLITE_CHANGESET_FOREIGN_KEY:
      return SQLITE_CHANGESET_OMIT;
    default:
      ctx->clash = TRUE;
      return SQLITE_CHANGESET_ABORT;
    }
}

typedef struct
{
  gint64             id;
  KorakConflictKind  kind;
  char              *table;
  char              *key;
  char              *columns;
  char              *local;
  char              *incoming;
  char              *incoming_columns;
  GBytes            *change;
} StoredConflict;

static void
stored_conflict_clear (StoredConflict *conflict)
{
  g_clear_pointer (&conflict->table, g_free);
  g_clear_pointer (&conflict->key, g_free);
  g_clear_pointer (&conflict->columns, g_free);
  g_clear_pointer (&conflict->local, g_free);
  g_clear_pointer (&conflict->incoming, g_free);
  g_clear_pointer (&conflict->incoming_columns, g_free);
  g_clear_pointer (&conflict->change, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredConflict, stored_conflict_clear)

static gboolean
read_conflict (KorakStore      *store,
               gint64           id,
               StoredConflict  *conflict,
               GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT kind, table_name, row_key, columns, local_values, incoming_values, "
                                    "  incoming_columns, incoming_change FROM exchange_conflict "
                                    "WHERE id = ?1 AND state = 'open'", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      conflict->id = id;
      conflict->kind = conflict_kind_from_string ((const char *)sqlite3_column_text (stmt, 0));
      conflict->table = korak_column_dup (stmt, 1);
      conflict->key = korak_column_dup (stmt, 2);
      conflict->columns = korak_column_dup (stmt, 3);
      conflict->local = korak_column_dup (stmt, 4);
      conflict->incoming = korak_column_dup (stmt, 5);
      conflict->incoming_columns = korak_column_dup (stmt, 6);
      if (sqlite3_column_type (stmt, 7) == SQLITE_BLOB)
        conflict->change = g_bytes_new (sqlite3_column_blob (stmt, 7), sqlite3_column_bytes (stmt, 7));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("This conflict has been decided already, or it is no longer there."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      korak_store_set_error (store, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* The key of a conflict as a row with only its key columns given. */
static GArray *
key_row (KorakStore       *store,
         const TableInfo  *info,
         const char       *key,
         GError          **error)
{
  g_autoptr(GArray) keys = values_from_json (store, key, error);
  g_autoptr(GArray) row = NULL;
  guint k = 0;

  if (keys == NULL)
    return NULL;

  row = values_new (info->n_columns);
  for (guint i = 0; i < info->n_columns; i++)
    if (info->pk[i] && k < keys->len)
      value_copy (&g_array_index (row, Value, i), &g_array_index (keys, Value, k++));

  return g_steal_pointer (&row);
}

static gboolean
mark_resolved (KorakStore  *store,
               gint64       conflict_id,
               GError     **error)
{
  g_autofree char *now = korak_store_now_iso ();
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE exchange_conflict SET state = 'resolved', resolved_at = ?2, resolved_by = ?3 "
                                    "WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, korak_store_get_desk_id (store));
  return korak_store_step_done (store, stmt, error);
}

static void
set_gone (GError **error)
{
  g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("The row has been deleted on this desk since the conflict arose. "
                         "Look at the latest changes, then choose again."));
}

/* CHANGED_BOTH and ROW_EXISTS: the row is here in both versions' place.
 * Recorded from the other version to the chosen one, column by column, so
 * it applies wherever either version is. */
static gboolean
resolve_versions (KorakStore          *store,
                  const TableInfo     *info,
                  StoredConflict      *conflict,
                  GArray              *current,
                  GArray              *stored_local,
                  GArray              *stored_incoming,
                  const char * const  *incoming_columns,
                  KorakExchangeChoice  choice,
                  const char * const  *chosen,
                  GString             *meta,
                  GError             **error)
{
  g_autoptr(GArray) incoming = values_new (info->n_columns);
  g_autoptr(GArray) base_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) final_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) chosen_row = NULL;
  g_autoptr(GArray) base = NULL;
  GArray *versions[4];

  /* The row as the other desk has it. */
  for (guint i = 0; i < info->n_columns; i++)
    {
      gboolean given = conflict->kind == KORAK_CONFLICT_ROW_EXISTS ||
                       g_strv_contains (incoming_columns, info->columns[i]);

      value_copy (&g_array_index (incoming, Value, i),
                  given && i < stored_incoming->len ? &g_array_index (stored_incoming, Value, i)
                                                    : &g_array_index (current, Value, i));
    }

  copy_row (&chosen_row, current);
  for (guint i = 0; i < info->n_columns; i++)
    {
      gboolean take;

      if (info->pk[i] || is_bookkeeping (info, i) ||
          value_equal (&g_array_index (current, Value, i), &g_array_index (incoming, Value, i)))
        continue;

      take = choice == KORAK_EXCHANGE_TAKE_INCOMING ||
             (choice == KORAK_EXCHANGE_PER_COLUMN && chosen != NULL && g_strv_contains (chosen, info->columns[i]));
      if (take)
        value_copy (&g_array_index (chosen_row, Value, i), &g_array_index (incoming, Value, i));
    }
  set_fresh_bookkeeping (store, info, chosen_row);

  /* The versions this choice is made on: this desk's now and when the
   * conflict arose, and the other desk's as it arrived. */
  versions[0] = current;
  versions[1] = incoming;
  versions[2] = stored_local;
  versions[3] = stored_incoming;
  meta_add_row (meta, info, conflict->key, versions, G_N_ELEMENTS (versions));

  /* Every column where a version differs from the choice is recorded, from
   * one of those versions: wherever a version is, the change brings it to
   * the choice (korak_exchange_apply_bundle() replaces a version the
   * chooser saw). A column whose value here is the chosen one is first set,
   * unrecorded, to another version's. */
  copy_row (&base, current);
  for (guint i = 0; i < info->n_columns; i++)
    {
      const Value *chosen_value = &g_array_index (chosen_row, Value, i);
      const Value *other = NULL;

      if (info->pk[i])
        continue;
      for (guint v = 0; v < G_N_ELEMENTS (versions) && other == NULL; v++)
        if (versions[v] != NULL && i < versions[v]->len &&
            !value_equal (&g_array_index (versions[v], Value, i), chosen_value))
          other = &g_array_index (versions[v], Value, i);
      if (other == NULL)
        continue;

      g_array_append_val (final_columns, i);
      if (!value_equal (other, &g_array_index (current, Value, i)))
        {
          value_copy (&g_array_index (base, Value, i), other);
          g_array_append_val (base_columns, i);
        }
    }

  /* Kept columns: as if the other version had arrived, unrecorded, so the
   * change recorded next goes from it to this desk's. */
  if (base_columns->len > 0)
    {
      gboolean audit = korak_store_get_audit_enabled (store);
      gboolean ok;

      korak_store_pause_recording (store, TRUE);
      korak_store_set_audit_enabled (store, FALSE);
      ok = update_row (store, info, current, base_columns, base, error);
      korak_store_set_audit_enabled (store, audit);
      korak_store_pause_recording (store, FALSE);
      if (!ok)
        return FALSE;
    }

  return update_row (store, info, current, final_columns, chosen_row, error);
}

gboolean
korak_exchange_resolve_conflict (KorakStore           *store,
                                 gint64                conflict_id,
                                 KorakExchangeChoice   choice,
                                 const char * const   *chosen,
                                 GError              **error)
{
  g_auto(StoredConflict) conflict = { 0 };
  g_auto(Restore) restore = { 0 };
  g_autoptr(GHashTable) tables = table_cache_new ();
  g_autoptr(GArray) key = NULL;
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) stored_local = NULL;
  g_autoptr(GArray) stored_incoming = NULL;
  g_autoptr(GArray) deleted = NULL;
  g_auto(GStrv) columns = NULL;
  g_auto(GStrv) incoming_columns = NULL;
  g_autoptr(GString) meta = g_string_new ("{\"rows\":[");
  TableInfo *info;
  gboolean found = FALSE;
  gboolean foreign_keys = FALSE;
  gboolean audit = korak_store_get_audit_enabled (store);

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (choice <= KORAK_EXCHANGE_PER_COLUMN, FALSE);

  if (!read_conflict (store, conflict_id, &conflict, error) ||
      !(info = table_info_get (store, tables, conflict.table, error)) ||
      !(columns = strings_from_json (store, conflict.columns, error)) ||
      !(incoming_columns = strings_from_json (store, conflict.incoming_columns, error)))
    return FALSE;

  if (g_strv_length (columns) != info->n_columns || !g_strv_equal ((const char * const *)columns,
                                                                     (const char * const *)info->columns))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Korak has been updated since this conflict arose, and the table it is about has "
                             "changed. Compare the row on both desks and correct it by hand."));
      return FALSE;
    }

  if (choice == KORAK_EXCHANGE_PER_COLUMN)
    {
      if (conflict.kind != KORAK_CONFLICT_CHANGED_BOTH && conflict.kind != KORAK_CONFLICT_ROW_EXISTS)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                               _("For this conflict, keep this desk's version or take the other desk's."));
          return FALSE;
        }
      for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
        if (!g_strv_contains ((const char * const *)info->columns, chosen[i]))
          {
            g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                         _("“%s” is not a column of this row."), chosen[i]);
            return FALSE;
          }
    }

  if (!(key = key_row (store, info, conflict.key, error)))
    return FALSE;
  current = read_row (store, info, key, &found, error);
  if (!found && error != NULL && *error != NULL)
    return FALSE;
  if (conflict.local != NULL && !(stored_local = values_from_json (store, conflict.local, error)))
    return FALSE;
  if (conflict.incoming != NULL && !(stored_incoming = values_from_json (store, conflict.incoming, error)))
    return FALSE;

  /* The rest of a row deleted here, to restore it or to delete it there. */
  if (conflict.kind == KORAK_CONFLICT_DELETED_HERE && !found)
    {
      g_autoptr(GArray) before = find_deleted_row (store, info, conflict.key, error);

      if (before == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (before != NULL)
        {
          deleted = values_new (info->n_columns);
          for (guint i = 0; i < info->n_columns; i++)
            value_copy (&g_array_index (deleted, Value, i),
                        g_strv_contains ((const char * const *)incoming_columns, info->columns[i]) &&
                        stored_incoming != NULL && i < stored_incoming->len
                        ? &g_array_index (stored_incoming, Value, i)
                        : &g_array_index (before, Value, i));
        }
      else if (choice == KORAK_EXCHANGE_TAKE_INCOMING)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                               _("This desk no longer has the rest of the deleted row, so it cannot restore it. "
                                 "Keep it deleted here, or keep the row on the desk that changed it."));
          return FALSE;
        }
    }

  /* Taking a deletion deletes as a person would, with what depends on it. */
  foreign_keys = conflict.kind == KORAK_CONFLICT_DELETED_THERE && choice == KORAK_EXCHANGE_TAKE_INCOMING;

  if (!enter_apply_mode (store, &restore, TRUE, foreign_keys, error) || !korak_store_begin (store, error))
    return FALSE;

  switch (conflict.kind)
    {
    case KORAK_CONFLICT_CHANGED_BOTH:
    case KORAK_CONFLICT_ROW_EXISTS:
      if (!found || stored_incoming == NULL)
        {
          set_gone (error);
          goto failed;
        }
      if (!resolve_versions (store, info, &conflict, current, stored_local, stored_incoming,
                             (const char * const *)incoming_columns, choice, chosen, meta, error))
        goto failed;
      break;

    case KORAK_CONFLICT_DELETED_THERE:
      if (!found)
        break;
      if (choice == KORAK_EXCHANGE_TAKE_INCOMING)
        {
          if (!delete_row (store, info, current, error))
            goto failed;
        }
      else
        {
          g_autoptr(GArray) kept = NULL;
          GArray *versions[2] = { current, stored_local };
          gboolean ok;

          /* Made again as a new row, so the desks that deleted it get it back. */
          copy_row (&kept, current);
          set_fresh_bookkeeping (store, info, kept);
          meta_add_row (meta, info, conflict.key, versions, G_N_ELEMENTS (versions));
          korak_store_set_audit_enabled (store, FALSE);
          korak_store_pause_recording (store, TRUE);
          ok = delete_row (store, info, current, error);
          korak_store_pause_recording (store, FALSE);
          ok = ok && insert_row (store, info, kept, error);
          korak_store_set_audit_enabled (store, audit);
          if (!ok)
            goto failed;
        }
      break;

    case KORAK_CONFLICT_DELETED_HERE:
      if (found)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                               _("The row is on this desk again since the conflict arose. "
                                 "Look at the latest changes, then choose again."));
          goto failed;
        }
      if (deleted == NULL)
        break;
      {
        GArray *versions[1] = { deleted };

        meta_add_row (meta, info, conflict.key, versions, G_N_ELEMENTS (versions));
      }
      if (choice == KORAK_EXCHANGE_TAKE_INCOMING)
        {
          g_autoptr(GArray) restored = NULL;

          copy_row (&restored, deleted);
          set_fresh_bookkeeping (store, info, restored);
          if (!insert_row (store, info, restored, error) || !check_parents (store, info, restored, error))
            goto failed;
        }
      else
        {
          gboolean ok;

          /* Deleted from the other desk's version, which is what it has. */
          korak_store_set_audit_enabled (store, FALSE);
          korak_store_pause_recording (store, TRUE);
          ok = insert_row (store, info, deleted, error);
          korak_store_pause_recording (store, FALSE);
          ok = ok && delete_row (store, info, deleted, error);
          korak_store_set_audit_enabled (store, audit);
          if (!ok)
            goto failed;
        }
      break;

    case KORAK_CONFLICT_CONSTRAINT:
      if (conflict.change == NULL || stored_incoming == NULL)
        break;
      {
        GArray *versions[1] = { stored_incoming };

        meta_add_row (meta, info, conflict.key, versions, G_N_ELEMENTS (versions));
      }
      if (choice == KORAK_EXCHANGE_TAKE_INCOMING)
        {
          TakeCtx take = { FALSE };
          int rc;

          rc = sqlite3changeset_apply_v2 (korak_store_get_db (store), (int)g_bytes_get_size (conflict.change),
                                          (void *)g_bytes_get_data (conflict.change, NULL), NULL,
                                          on_take_conflict, &take, NULL, NULL, 0);
          if (take.clash)
            {
              g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                                   _("The other desk's version still breaks a rule here (for example, a second "
                                     "open enrolment of one person). Change or remove the row it clashes with "
                                     "first, then choose again."));
              goto failed;
            }
          if (rc != SQLITE_OK)
            {
              korak_store_set_error (store, rc, error);
              goto failed;
            }
          if (!check_parents (store, info, stored_incoming, error))
            goto failed;
        }
      else
        {
          void *inverse = NULL;
          int size = 0;
          int rc;

          g_autofree char *meta_text = g_strconcat (meta->str, "]}", NULL);

          /* The other desk undoes it: the change, inverted, from here. */
          rc = sqlite3changeset_invert ((int)g_bytes_get_size (conflict.change),
                                        g_bytes_get_data (conflict.change, NULL), &size, &inverse);
          if (rc != SQLITE_OK)
            {
              korak_store_set_error (store, rc, error);
              goto failed;
            }
          if (!korak_store_append_outbox (store, inverse, size, "resolution", meta_text, error))
            {
              sqlite3_free (inverse);
              goto failed;
            }
          sqlite3_free (inverse);
        }
      break;

    case KORAK_CONFLICT_ORPHAN:
      if (choice == KORAK_EXCHANGE_TAKE_INCOMING && stored_local != NULL && !found)
        {
          GArray *versions[1] = { stored_local };

          meta_add_row (meta, info, conflict.key, versions, G_N_ELEMENTS (versions));
          if (!insert_row (store, info, stored_local, error) || !check_parents (store, info, stored_local, error))
            goto failed;
        }
      break;
    }

  g_string_append (meta, "]}");
  korak_store_tag_commit (store, "resolution", meta->str);

  if (!mark_resolved (store, conflict_id, error))
    goto failed;

  return korak_store_commit (store, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------ misc */

static void
checksum_value (GChecksum     *checksum,
                sqlite3_value *sv)
{
  guint8 type = sqlite3_value_type (sv);
  guint64 bits;
  guint32 size;
  double d;

  g_checksum_update (checksum, &type, 1);
  switch (type)
    {
    case SQLITE_INTEGER:
      bits = GUINT64_TO_LE ((guint64)sqlite3_value_int64 (sv));
      g_checksum_update (checksum, (const guchar *)&bits, sizeof bits);
      break;
    case SQLITE_FLOAT:
      d = sqlite3_value_double (sv);
      memcpy (&bits, &d, sizeof bits);
      bits = GUINT64_TO_LE (bits);
      g_checksum_update (checksum, (const guchar *)&bits, sizeof bits);
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      size = GUINT32_TO_LE ((guint32)sqlite3_value_bytes (sv));
      g_checksum_update (checksum, (const guchar *)&size, sizeof size);
      g_checksum_update (checksum, type == SQLITE_TEXT ? sqlite3_value_text (sv) : sqlite3_value_blob (sv),
                         sqlite3_value_bytes (sv));
      break;
    default:
      break;
    }
}

char *
korak_exchange_content_digest (KorakStore  *store,
                               GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GHashTable) tables = table_cache_new ();
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  names = korak_store_list_replicated (store);
  for (guint t = 0; names[t] != NULL; t++)
    {
      g_autoptr(GString) order = g_string_new (NULL);
      g_autofree char *sql = NULL;
      TableInfo *info = table_info_get (store, tables, names[t], error);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (info == NULL)
        return NULL;
      for (guint i = 0; i < info->n_columns; i++)
        if (info->pk[i])
          g_string_append_printf (order, "%s\"%s\"", order->len ? ", " : "", info->columns[i]);

      g_checksum_update (checksum, (const guchar *)info->name, strlen (info->name) + 1);
      sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY %s", info->name, order->len ? order->str : "rowid");
      rc = sqlite3_prepare_v2 (korak_store_get_db (store), sql, -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            checksum_value (checksum, sqlite3_column_value (stmt, i));
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          korak_store_set_error (store, rc, error);
          return NULL;
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

gint64
korak_exchange_outbox_size (KorakStore  *store,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  if (!(stmt = korak_store_prepare (store, "SELECT count(*) FROM exchange_outbox WHERE origin_desk = ?1", error)))
    return -1;
  sqlite3_bind_int64 (stmt, 1, korak_store_get_desk_id (store));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

GHashTable *
korak_exchange_outbox_inserted_ids (KorakStore  *store,
                                    const char  *table,
                                    GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, "SELECT changeset FROM exchange_outbox WHERE origin_desk = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, korak_store_get_desk_id (store));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_changeset_iter *iter = NULL;
      int irc = sqlite3changeset_start (&iter, sqlite3_column_bytes (stmt, 0), (void *)sqlite3_column_blob (stmt, 0));

      while (irc == SQLITE_OK && sqlite3changeset_next (iter) == SQLITE_ROW)
        {
          const char *name = NULL;
          int n_columns = 0, op = 0, indirect = 0;
          sqlite3_value *id = NULL;

          sqlite3changeset_op (iter, &name, &n_columns, &op, &indirect);
          if (op == SQLITE_INSERT && g_str_equal (name, table) && sqlite3changeset_new (iter, 0, &id) == SQLITE_OK && id)
            {
              gint64 value = sqlite3_value_int64 (id);

              g_hash_table_add (ids, g_memdup2 (&value, sizeof value));
            }
        }
      sqlite3changeset_finalize (iter);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}
