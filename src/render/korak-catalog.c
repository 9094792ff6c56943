/* korak-catalog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "korak-catalog.h"
#include "korak-notes.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U
#define MO_HEADER_SIZE   28
#define CONTEXT_GLUE     "\004"

struct _KorakCatalog
{
  char        *language;
  GBytes      *bytes;
  GHashTable  *index;          /* msgid (borrowed from bytes) → translation (borrowed) + length */
  char        *plural;         /* the expression of Plural-Forms, or NULL */
  guint        n_plurals;
};

typedef struct
{
  const char *text;
  gsize       length;          /* all forms, NUL-separated */
} Entry;

/* ------------------------------------------------------------- localedir */

const char *
korak_catalog_get_localedir (void)
{
  const char *dir = g_getenv ("KORAK_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/* sr@latin → sr-Latn, pt_BR → pt-BR. */
static char *
tag_from_locale_name (const char *name)
{
  g_autoptr(GString) tag = g_string_new (NULL);
  const char *at = strchr (name, '@');

  g_string_append_len (tag, name, at != NULL ? at - name : (gssize) strlen (name));
  g_strdelimit (tag->str, "_", '-');
  if (at != NULL && g_str_equal (at, "@latin"))
    g_string_append (tag, "-Latn");
  else if (at != NULL && g_str_equal (at, "@cyrillic"))
    g_string_append (tag, "-Cyrl");
  return g_string_free (g_steal_pointer (&tag), FALSE);
}

/* sr-Latn → sr@latin, pt-BR → pt_BR: the folder names gettext uses. */
static char *
locale_name_from_tag (const char *tag)
{
  g_auto(GStrv) parts = g_strsplit_set (tag, "-_", -1);
  g_autoptr(GString) name = g_string_new (parts[0]);
  const char *modifier = NULL;

  for (guint i = 1; parts[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (parts[i], "Latn") == 0)
        modifier = "@latin";
      else if (g_ascii_strcasecmp (parts[i], "Cyrl") == 0)
        modifier = "@cyrillic";
      else
        g_string_append_printf (name, "_%s", parts[i]);
    }
  if (strchr (tag, '@') == NULL && modifier != NULL)
    g_string_append (name, modifier);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static char *
catalog_path (const char *locale_name)
{
  return g_build_filename (korak_catalog_get_localedir (), locale_name, "LC_MESSAGES",
                           GETTEXT_PACKAGE ".mo", NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GStrv
korak_catalog_list_languages (void)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (korak_catalog_get_localedir (), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = catalog_path (name);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (tags, tag_from_locale_name (name));
    }

  g_ptr_array_sort (tags, compare_strings);
  g_ptr_array_add (tags, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* ---------------------------------------------------------------- plural */

/* A tiny evaluator for the C subset Plural-Forms uses: n, integers,
 * ! * / % + - < > <= >= == != && || ?: and parentheses. Every branch is
 * evaluated (there are no side effects), division by zero gives 0. */
typedef struct
{
  const char *p;
  gulong      n;
  gboolean    failed;
} Parser;

static gulong parse_ternary (Parser *parser);

static void
skip_space (Parser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static gboolean
accept (Parser     *parser,
        const char *token)
{
  gsize length = strlen (token);

  skip_space (parser);
  if (strncmp (parser->p, token, length) != 0)
    return FALSE;
  /* "<" is not the start of "<=", "!" not of "!=". */
  if (length == 1 && strchr ("<>!=", token[0]) != NULL && parser->p[1] == '=')
    return FALSE;
  parser->p += length;
  return TRUE;
}

static gulong
parse_primary (Parser *parser)
{
  skip_space (parser);

  if (accept (parser, "("))
    {
      gulong value = parse_ternary (parser);

      if (!accept (parser, ")"))
        parser->failed = TRUE;
      return value;
    }
  if (accept (parser, "!"))
    return !parse_primary (parser);
  if (*parser->p == 'n')
    {
      parser->p++;
      return parser->n;
    }
  if (g_ascii_isdigit (*parser->p))
    {
      char *end = NULL;
      gulong value = strtoul (parser->p, &end, 10);

      parser->p = end;
      return value;
    }

  parser->failed = TRUE;
  return 0;
}

static gulong
parse_multiplicative (Parser *parser)
{
  gulong value = parse_primary (parser);

  for (;;)
    {
      if (accept (parser, "*"))
        value *= parse_primary (parser);
      else if (accept (parser, "/"))
        {
          gulong d = parse_primary (parser);
          value = d != 0 ? value / d : 0;
        }
      else if (accept (parser, "%"))
        {
          gulong d = parse_primary (parser);
          value = d != 0 ? value % d : 0;
        }
      else
        return value;
    }
}

static gulong
parse_additive (Parser *parser)
{
  gulong value = parse_multiplicative (parser);

  for (;;)
    {
      if (accept (parser, "+"))
        value += parse_multiplicative (parser);
      else if (accept (parser, "-"))
        value -= parse_multiplicative (parser);
      else
        return value;
    }
}

static gulong
parse_relational (Parser *parser)
{
  gulong value = parse_additive (parser);

  for (;;)
    {
      if (accept (parser, "<="))
        value = value <= parse_additive (parser);
      else if (accept (parser, ">="))
        value = value >= parse_additive (parser);
      else if (accept (parser, "<"))
        value = value < parse_additive (parser);
      else if (accept (parser, ">"))
        value = value > parse_additive (parser);
      else
        return value;
    }
}

static gulong
parse_equality (Parser *parser)
{
  gulong value = parse_relational (parser);

  for (;;)
    {
      if (accept (parser, "=="))
        value = value == parse_relational (parser);
      else if (accept (parser, "!="))
        value = value != parse_relational (parser);
      else
        return value;
    }
}

static gulong
parse_and (Parser *parser)
{
  gulong value = parse_equality (parser);

  while (accept (parser, "&&"))
    {
      gulong right = parse_equality (parser);
      value = value && right;
    }
  return value;
}

static gulong
parse_or (Parser *parser)
{
  gulong value = parse_and (parser);

  while (accept (parser, "||"))
    {
      gulong right = parse_and (parser);
      value = value || right;
    }
  return value;
}

static gulong
parse_ternary (Parser *parser)
{
  gulong condition = parse_or (parser);
  gulong yes, no;

  if (!accept (parser, "?"))
    return condition;

  yes = parse_ternary (parser);
  if (!accept (parser, ":"))
    {
      parser->failed = TRUE;
      return 0;
    }
  no = parse_ternary (parser);
  return condition ? yes : no;
}

gboolean
korak_catalog_eval_plural (const char *expression,
                           gulong      n,
                           gulong     *result)
{
  Parser parser = { expression, n, FALSE };
  gulong value;

  g_return_val_if_fail (expression != NULL, FALSE);

  value = parse_ternary (&parser);
  skip_space (&parser);
  if (*parser.p == ';')
    parser.p++;
  skip_space (&parser);
  if (parser.failed || *parser.p != '\0')
    return FALSE;

  if (result != NULL)
    *result = value;
  return TRUE;
}

/* "nplurals=4; plural=(n%100==1 ? 0 : …);" from the header. */
static void
parse_plural_forms (KorakCatalog *self,
                    const char   *header)
{
  g_auto(GStrv) lines = g_strsplit (header, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *nplurals, *plural;
      char *end;

      if (g_ascii_strncasecmp (line, "Plural-Forms:", 13) != 0)
        continue;

      if ((nplurals = strstr (line, "nplurals=")) != NULL)
        self->n_plurals = (guint) CLAMP (strtoul (nplurals + 9, NULL, 10), 1, 16);
      if ((plural = strstr (line, "plural=")) != NULL)
        {
          self->plural = g_strdup (plural + 7);
          /* The expression ends at the last ';', if any. */
          if ((end = strrchr (self->plural, ';')) != NULL)
            *end = '\0';
          if (!korak_catalog_eval_plural (self->plural, 1, NULL))
            g_clear_pointer (&self->plural, g_free);
        }
    }
}

/* ------------------------------------------------------------------- file */

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

static gboolean
set_invalid (GError     **error,
             const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _("“%s” is not a translation catalogue."), display);
  return FALSE;
}

static gboolean
load_index (KorakCatalog  *self,
            const char    *path,
            GError       **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (size < MO_HEADER_SIZE)
    return set_invalid (error, path);

  memcpy (&magic, data, sizeof magic);
  if (magic == MO_MAGIC)
    swapped = FALSE;
  else if (magic == MO_MAGIC_SWAPPED)
    swapped = TRUE;
  else
    return set_invalid (error, path);

  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((guint64) originals + (guint64) n * 8 > size || (guint64) translations + (guint64) n * 8 > size)
    return set_invalid (error, path);

  for (guint32 i = 0; i < n; i++)
    {
      guint32 o_length = read_u32 (data, originals + 8 * i, swapped);
      guint32 o_offset = read_u32 (data, originals + 8 * i + 4, swapped);
      guint32 t_length = read_u32 (data, translations + 8 * i, swapped);
      guint32 t_offset = read_u32 (data, translations + 8 * i + 4, swapped);
      Entry *entry;

      /* Each string is followed by a NUL, which the length leaves out. */
      if ((guint64) o_offset + o_length >= size || (guint64) t_offset + t_length >= size ||
          data[o_offset + o_length] != '\0' || data[t_offset + t_length] != '\0')
        return set_invalid (error, path);

      entry = g_new (Entry, 1);
      entry->text = (const char *) data + t_offset;
      entry->length = t_length;
      /* The key is the msgid: a plural's "msgid\0msgid_plural" stops at the NUL. */
      g_hash_table_replace (self->index, (gpointer) (data + o_offset), entry);
    }

  return TRUE;
}

KorakCatalog *
korak_catalog_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  KorakCatalog *self;
  const Entry *header;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(file = g_mapped_file_new (path, FALSE, error)))
    return NULL;

  self = g_new0 (KorakCatalog, 1);
  self->language = g_path_get_basename (path);
  self->bytes = g_mapped_file_get_bytes (file);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->n_plurals = 2;

  if (!load_index (self, path, error))
    {
      korak_catalog_free (self);
      return NULL;
    }

  if ((header = g_hash_table_lookup (self->index, "")) != NULL)
    parse_plural_forms (self, header->text);

  return self;
}

KorakCatalog *
korak_catalog_new_for_language (const char  *language,
                                GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  KorakCatalog *self;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = locale_name_from_tag (language);
  path = catalog_path (name);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* pt_BR without its own catalog: pt. */
      char *cut = strpbrk (name, "_@");

      if (cut != NULL)
        {
          *cut = '\0';
          g_free (path);
          path = catalog_path (name);
        }
    }
  /* Bosnian or Serbian without a catalog of their own: Croatian. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) && korak_language_neighbour (language) != NULL)
    {
      g_free (path);
      path = catalog_path (korak_language_neighbour (language));
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   /* Translators: %s is a language tag such as "sq" */
                   _("There is no translation into “%s”."), language);
      return NULL;
    }

  if (!(self = korak_catalog_new_from_file (path, error)))
    return NULL;

  g_free (self->language);
  self->language = g_strdup (language);
  return self;
}

void
korak_catalog_free (KorakCatalog *catalog)
{
  if (catalog == NULL)
    return;

  g_clear_pointer (&catalog->index, g_hash_table_unref);
  g_clear_pointer (&catalog->bytes, g_bytes_unref);
  g_free (catalog->plural);
  g_free (catalog->language);
  g_free (catalog);
}

const char *
korak_catalog_get_language (KorakCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);

  return catalog->language;
}

/* ---------------------------------------------------------------- lookup */

const char *
korak_catalog_lookup (KorakCatalog *catalog,
                      const char   *msgid)
{
  const Entry *entry;

  g_return_val_if_fail (catalog != NULL, NULL);

  /* "" is the header, not a translation. */
  if (msgid == NULL || *msgid == '\0')
    return NULL;

  entry = g_hash_table_lookup (catalog->index, msgid);
  if (entry == NULL || entry->length == 0)
    return NULL;
  return entry->text;
}

const char *
korak_catalog_lookup_context (KorakCatalog *catalog,
                              const char   *context,
                              const char   *msgid)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (catalog != NULL, NULL);

  if (context == NULL)
    return korak_catalog_lookup (catalog, msgid);

  key = g_strconcat (context, CONTEXT_GLUE, msgid, NULL);
  return korak_catalog_lookup (catalog, key);
}

guint
korak_catalog_get_n_plurals (KorakCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, 2);

  return catalog->n_plurals;
}

guint
korak_catalog_get_plural_index (KorakCatalog *catalog,
                                gulong        n)
{
  gulong index = 0;

  g_return_val_if_fail (catalog != NULL, 0);

  if (catalog->plural == NULL || !korak_catalog_eval_plural (catalog->plural, n, &index))
    index = n == 1 ? 0 : 1;   /* the Germanic rule gettext falls back to */

  return (guint) MIN (index, catalog->n_plurals - 1);
}

const char *
korak_catalog_lookup_plural (KorakCatalog *catalog,
                             const char   *msgid,
                             const char   *msgid_plural,
                             gulong        n)
{
  const Entry *entry;
  const char *form, *end;
  guint index;

  g_return_val_if_fail (catalog != NULL, NULL);

  if (msgid == NULL || *msgid == '\0')
    return NULL;

  entry = g_hash_table_lookup (catalog->index, msgid);
  if (entry == NULL || entry->length == 0)
    return NULL;

  /* The forms follow each other, NUL-separated. */
  index = korak_catalog_get_plural_index (catalog, n);
  form = entry->text;
  end = entry->text + entry->length;
  for (guint i = 0; i < index; i++)
    {
      const char *next = form + strlen (form) + 1;

      if (next > end)
        return NULL;
      form = next;
    }

  return *form != '\0' ? form : NULL;
}

/* @format filled in with @args for %s and %d (and %1$s, %2$d …), nothing
 * else: the second language's format comes from a catalog file, so it is
 * never handed to printf. NULL when it asks for anything else. */
char *
korak_catalog_format (const char        *format,
                      const char *const *args,
                      guint              n_args,
                      gboolean           isolate)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint next = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      guint index;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      if (*p == '%')
        {
          g_string_append_c (out, '%');
          continue;
        }
      if (g_ascii_isdigit (*p) && p[1] == '$')
        {
          index = (guint) (*p - '1');
          p += 2;
        }
      else
        index = next++;
      if ((*p != 's' && *p != 'd') || index >= n_args)
        return NULL;
      /* In a right-to-left sentence, a serial, a date or a Latin name keeps
       * its own order: first-strong isolate … pop directional isolate. */
      if (isolate)
        g_string_append (out, "\u2068");
      g_string_append (out, args[index]);
      if (isolate)
        g_string_append (out, "\u2069");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
korak_catalog_join_second (const char *one,
                           const char *two)
{
  if (two == NULL || g_strcmp0 (one, two) == 0)
    return g_strdup (one);
  return g_strdup_printf ("%s · \u2068%s\u2069", one, two);
}
