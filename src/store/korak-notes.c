/* korak-notes.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-notes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "korak-date.h"
#include "korak-mediators-private.h"
#include "korak-notes.h"
#include "korak-store-private.h"

/*
 * Notes and their translations. A translation's text and state change only
 * here, each change in one transaction that first copies the version it
 * replaces into note_translation_version, so the mediator's decisions and
 * the texts they were about stay readable. The audit triggers
 * (korak-audit.c) log every row written, with the person it is about.
 */

#define NOW    "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
#define NOW_MS "strftime('%Y-%m-%dT%H:%M:%fZ','now')"
/* The staff member at work, when they are on the staff list. */
#define ACTOR  "(SELECT id FROM staff WHERE id = korak_actor_id())"
#define MAX_TEXT KORAK_FIELD_MAX_CHARS

/* ------------------------------------------------------------- states */

static const KorakChoice translation_states[] = {
  { KORAK_TRANSLATION_DRAFT, N_("Draft") },
  { KORAK_TRANSLATION_NEEDS_REVIEW, N_("Needs review") },
  { KORAK_TRANSLATION_REVIEWED, N_("Reviewed") },
  { KORAK_TRANSLATION_RETURNED, N_("Returned") },
  { NULL, NULL }
};

const KorakChoice *
korak_translation_states (void)
{
  return translation_states;
}

/* ---------------------------------------------------------- languages */

typedef struct
{
  const char *tag;
  const char *name;      /* N_(), in English */
  const char *aliases;   /* '|'-separated, lower case: the Slovenian name, the
                          * language's own and other names people write */
} Language;

/* The languages of the people Slovenian social activation programmes meet
 * (neighbours, migrants, refugees), and the usual foreign languages. The
 * names are shown alone, in lists: Slovenian writes them in lower case
 * (“albanščina”). */
static const Language languages[] = {
  { "sl",  N_("Slovenian"),  "slovenščina|slovenski|slovensko|slovenski jezik|slovene" },
  { "hr",  N_("Croatian"),   "hrvaščina|hrvatski|hrvatsko|hrvatski jezik" },
  { "bs",  N_("Bosnian"),    "bosanščina|bosanski|bosansko|bosanski jezik" },
  { "sr",  N_("Serbian"),    "srbščina|srpski|српски|srpsko|srbohrvaščina|srpskohrvatski" },
  { "sq",  N_("Albanian"),   "albanščina|shqip|shqipe|gjuha shqipe|albanski" },
  { "mk",  N_("Macedonian"), "makedonščina|македонски|makedonski" },
  { "ar",  N_("Arabic"),     "arabščina|العربية|عربي|arapski" },
  { "fa",  N_("Persian"),    "perzijščina|farsi|fārsī|farsijščina|dari|darijščina|فارسی|دری" },
  { "ps",  N_("Pashto"),     "paštunščina|paštu|pashtu|پښتو" },
  { "ur",  N_("Urdu"),       "urdujščina|urdu|اردو" },
  { "uk",  N_("Ukrainian"),  "ukrajinščina|українська|ukrajinski" },
  { "ru",  N_("Russian"),    "ruščina|русский|ruski" },
  { "pl",  N_("Polish"),     "poljščina|polski" },
  { "en",  N_("English"),    "angleščina|engleski" },
  { "de",  N_("German"),     "nemščina|deutsch|njemački|nemački" },
  { "it",  N_("Italian"),    "italijanščina|italiano|talijanski" },
  { "fr",  N_("French"),     "francoščina|français|francuski" },
  { "es",  N_("Spanish"),    "španščina|español|španjolski" },
  { "hu",  N_("Hungarian"),  "madžarščina|magyar|mađarski" },
  { "ro",  N_("Romanian"),   "romunščina|română|rumunski" },
  { "rom", N_("Romani"),     "romščina|romani|romanes|romski|romani chib" },
  { "tr",  N_("Turkish"),    "turščina|türkçe|turski" },
  { "ku",  N_("Kurdish"),    "kurdščina|kurdî|kurdski|کوردی" },
  { "ti",  N_("Tigrinya"),   "tigrinjščina|tigrinja|ትግርኛ" },
  { "so",  N_("Somali"),     "somalijščina|soomaali|somalski" },
  { "zh",  N_("Chinese"),    "kitajščina|中文|汉语|普通话|mandarin|kineski" },
  { "he",  N_("Hebrew"),     "hebrejščina|עברית" },
};

static const Language *
find_language (const char *tag)
{
  if (tag == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strcasecmp (languages[i].tag, tag) == 0)
      return &languages[i];

  return NULL;
}

const char *
korak_language_name (const char *tag)
{
  const Language *language = find_language (tag);

  if (language == NULL)
    return tag ? tag : "";

  return g_dgettext (GETTEXT_PACKAGE, language->name);
}

char *
korak_language_normalize (const char *tag)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  GString *out;

  if (tag == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (tag));
  g_strdelimit (copy, "_", '-');
  if (*copy == '\0' || strlen (copy) > 35)
    return NULL;

  parts = g_strsplit (copy, "-", -1);
  out = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];
      gsize length = strlen (part);
      gboolean alpha = TRUE, alnum = TRUE;

      for (const char *p = part; *p; p++)
        {
          alpha = alpha && g_ascii_isalpha (*p);
          alnum = alnum && g_ascii_isalnum (*p);
        }

      /* The language: two or three letters (or 5–8, registered ones). */
      if (i == 0 ? !(alpha && (length == 2 || length == 3 || (length >= 5 && length <= 8)))
                 : !(alnum && length >= 1 && length <= 8))
        {
          g_string_free (out, TRUE);
          return NULL;
        }

      if (i > 0)
        g_string_append_c (out, '-');
      if (i > 0 && length == 4 && alpha)
        {
          /* A script: Latn, Arab, Cyrl. */
          g_string_append_c (out, g_ascii_toupper (part[0]));
          for (guint k = 1; k < length; k++)
            g_string_append_c (out, g_ascii_tolower (part[k]));
        }
      else if (i > 0 && length == 2 && alpha)
        {
          /* A region: BA, RS. */
          g_string_append_c (out, g_ascii_toupper (part[0]));
          g_string_append_c (out, g_ascii_toupper (part[1]));
        }
      else
        for (guint k = 0; k < length; k++)
          g_string_append_c (out, g_ascii_tolower (part[k]));
    }

  return g_string_free (out, FALSE);
}

const char *
korak_language_neighbour (const char *tag)
{
  static const char * const bcms[] = { "bs", "sr", "sr-latn", "cnr", "sh", NULL };
  g_autofree char *lower = NULL;

  if (tag == NULL)
    return NULL;

  lower = g_ascii_strdown (tag, -1);
  g_strdelimit (lower, "_", '-');
  /* Serbian in Cyrillic is not read as Croatian text. */
  return g_strv_contains (bcms, lower) ? "hr" : NULL;
}

gboolean
korak_language_is_rtl (const char *tag)
{
  static const char * const rtl_languages[] = {
    "ar", "fa", "ps", "ur", "he", "iw", "yi", "ji", "dv", "ckb", "sd", "ug", "prs", "syr", NULL
  };
  static const char * const rtl_scripts[] = {
    "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", NULL
  };
  g_autofree char *lower = NULL;
  g_auto(GStrv) parts = NULL;

  if (tag == NULL || *tag == '\0')
    return FALSE;

  lower = g_ascii_strdown (tag, -1);
  g_strdelimit (lower, "_", '-');
  parts = g_strsplit (lower, "-", -1);

  /* A script says it, whatever the language: ku-Arab, az-Arab, but sd-Deva. */
  for (guint i = 1; parts[i] != NULL; i++)
    if (strlen (parts[i]) == 4 && g_ascii_isalpha (parts[i][0]))
      return g_strv_contains (rtl_scripts, parts[i]);

  return g_strv_contains (rtl_languages, parts[0]);
}

/* Lower case, accents kept; another form without them. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return g_utf8_strdown (normal ? normal : text, -1);
}

static gboolean
name_matches (const Language *language,
              const char     *folded,
              const char     *ascii)
{
  g_auto(GStrv) aliases = g_strsplit (language->aliases, "|", -1);
  g_autofree char *english = g_ascii_strdown (language->name, -1);
  g_autofree char *translated = fold (g_dgettext (GETTEXT_PACKAGE, language->name));

  if (g_ascii_strcasecmp (folded, language->tag) == 0 ||
      g_str_equal (folded, english) || g_str_equal (folded, translated))
    return TRUE;

  for (guint i = 0; aliases[i] != NULL; i++)
    {
      g_autofree char *alias_ascii = NULL;

      if (g_str_equal (folded, aliases[i]))
        return TRUE;
      /* "slovenscina", typed without the keyboard's č and š. */
      alias_ascii = g_str_to_ascii (aliases[i], "C");
      if (ascii != NULL && g_str_equal (ascii, alias_ascii) && strchr (alias_ascii, '?') == NULL)
        return TRUE;
    }

  return FALSE;
}

char *
korak_language_from_text (const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *ascii = NULL;
  char *paren;

  if (text == NULL)
    return NULL;

  /* "slovenščina (osnovno)" → "slovenščina" */
  stripped = g_strdup (text);
  if ((paren = strchr (stripped, '(')) != NULL)
    *paren = '\0';
  g_strstrip (stripped);
  if (*stripped == '\0')
    return NULL;

  folded = fold (stripped);
  ascii = g_str_to_ascii (folded, "C");

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
        if (name_matches (&languages[i], folded, ascii))
          return g_strdup (languages[i].tag);

      /* "slovenski jezik", "arabščina – osnovno": the first word alone. */
      if (pass == 0)
        {
          char *space = strpbrk (folded, " \t-/");

          if (space == NULL || space == folded)
            break;
          *space = '\0';
          g_free (ascii);
          ascii = g_str_to_ascii (folded, "C");
        }
    }

  /* A tag written as such: "ar", "sr-Latn". */
  {
    g_autofree char *tag = korak_language_normalize (stripped);

    if (tag != NULL && find_language (tag) != NULL)
      return g_steal_pointer (&tag);
  }

  return NULL;
}

static void
add_languages_from_text (GPtrArray  *tags,
                         const char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return;

  /* "albanščina, srbščina; angleščina in nemščina" */
  {
    g_autofree char *copy = g_strdup (text);
    g_autofree char *joined = NULL;
    g_auto(GStrv) ands = NULL;

    g_strdelimit (copy, ";/\n", ',');
    ands = g_strsplit (copy, " in ", -1);
    joined = g_strjoinv (",", ands);
    g_strfreev (ands);
    ands = g_strsplit (joined, " and ", -1);
    g_free (joined);
    joined = g_strjoinv (",", ands);
    parts = g_strsplit (joined, ",", -1);
  }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *tag = korak_language_from_text (parts[i]);

      if (tag != NULL && !g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
        g_ptr_array_add (tags, g_steal_pointer (&tag));
    }
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  const char *tag_a = *(const char * const *)a;
  const char *tag_b = *(const char * const *)b;

  return g_utf8_collate (korak_language_name (tag_a), korak_language_name (tag_b));
}

GStrv
korak_store_note_languages (KorakStore  *store,
                            gint64       participant_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (participant_id != 0)
    {
      g_autofree char *mother_tongue = NULL;
      g_autofree char *other = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (!(stmt = korak_store_prepare (store,
                                        "SELECT mother_tongue, other_languages FROM participant WHERE id = ?1",
                                        error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, participant_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          mother_tongue = korak_column_dup (stmt, 0);
          other = korak_column_dup (stmt, 1);
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                               _("This participant no longer exists in the database."));
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          korak_store_set_error (store, rc, error);
          return NULL;
        }

      add_languages_from_text (tags, mother_tongue);
      add_languages_from_text (tags, other);
    }

  if (!g_ptr_array_find_with_equal_func (tags, "sl", g_str_equal, NULL))
    g_ptr_array_add (tags, g_strdup ("sl"));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (!g_ptr_array_find_with_equal_func (tags, languages[i].tag, g_str_equal, NULL))
      g_ptr_array_add (rest, (gpointer) languages[i].tag);
  g_ptr_array_sort (rest, compare_by_name);

  for (guint i = 0; i < rest->len; i++)
    g_ptr_array_add (tags, g_strdup (g_ptr_array_index (rest, i)));
  g_ptr_array_add (tags, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* ------------------------------------------------------------ records */

KorakTranslationRecord *
korak_translation_record_new (void)
{
  KorakTranslationRecord *record = g_new0 (KorakTranslationRecord, 1);

  record->state = g_strdup (KORAK_TRANSLATION_DRAFT);
  record->version = 1;
  return record;
}

static void
translation_clear (KorakTranslationRecord *record)
{
  g_clear_pointer (&record->language, g_free);
  g_clear_pointer (&record->text, g_free);
  g_clear_pointer (&record->state, g_free);
  g_clear_pointer (&record->translator_name, g_free);
  g_clear_pointer (&record->reviewer_name, g_free);
  g_clear_pointer (&record->reviewed_at, g_free);
  g_clear_pointer (&record->comment, g_free);
  g_clear_pointer (&record->updated_at, g_free);
  g_clear_pointer (&record->submitted_at, g_free);
  g_clear_pointer (&record->updated_by_name, g_free);
}

void
korak_translation_record_free (KorakTranslationRecord *record)
{
  if (record == NULL)
    return;

  translation_clear (record);
  g_free (record);
}

KorakTranslationRecord *
korak_translation_record_copy (const KorakTranslationRecord *record)
{
  KorakTranslationRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_new0 (KorakTranslationRecord, 1);
  copy->id = record->id;
  copy->note_id = record->note_id;
  copy->language = g_strdup (record->language);
  copy->text = g_strdup (record->text);
  copy->state = g_strdup (record->state);
  copy->translator_id = record->translator_id;
  copy->translator_name = g_strdup (record->translator_name);
  copy->reviewer_id = record->reviewer_id;
  copy->reviewer_name = g_strdup (record->reviewer_name);
  copy->reviewed_at = g_strdup (record->reviewed_at);
  copy->comment = g_strdup (record->comment);
  copy->version = record->version;
  copy->updated_at = g_strdup (record->updated_at);
  copy->submitted_at = g_strdup (record->submitted_at);
  copy->updated_by = record->updated_by;
  copy->updated_by_name = g_strdup (record->updated_by_name);
  return copy;
}

KorakNoteRecord *
korak_note_record_new (void)
{
  KorakNoteRecord *record = g_new0 (KorakNoteRecord, 1);

  record->translations = g_ptr_array_new_with_free_func ((GDestroyNotify) korak_translation_record_free);
  return record;
}

static void
note_clear (KorakNoteRecord *record)
{
  g_clear_pointer (&record->date, g_free);
  g_clear_pointer (&record->language, g_free);
  g_clear_pointer (&record->text, g_free);
  g_clear_pointer (&record->author_name, g_free);
  g_clear_pointer (&record->subject_name, g_free);
  g_clear_pointer (&record->mediator_name, g_free);
  g_clear_pointer (&record->conversation_language, g_free);
  g_clear_pointer (&record->translations, g_ptr_array_unref);
}

void
korak_note_record_free (KorakNoteRecord *record)
{
  if (record == NULL)
    return;

  note_clear (record);
  g_free (record);
}

KorakNoteRecord *
korak_note_record_copy (const KorakNoteRecord *record)
{
  KorakNoteRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = korak_note_record_new ();
  copy->id = record->id;
  copy->participant_id = record->participant_id;
  copy->cohort_id = record->cohort_id;
  copy->date = g_strdup (record->date);
  copy->language = g_strdup (record->language);
  copy->text = g_strdup (record->text);
  copy->sensitive = record->sensitive;
  copy->author_id = record->author_id;
  copy->author_name = g_strdup (record->author_name);
  copy->subject_name = g_strdup (record->subject_name);
  copy->mediator_present = record->mediator_present;
  copy->mediator_id = record->mediator_id;
  copy->mediator_name = g_strdup (record->mediator_name);
  copy->conversation_language = g_strdup (record->conversation_language);
  copy->goal_id = record->goal_id;
  copy->journal_entry_id = record->journal_entry_id;
  for (guint i = 0; record->translations != NULL && i < record->translations->len; i++)
    g_ptr_array_add (copy->translations,
                     korak_translation_record_copy (g_ptr_array_index (record->translations, i)));
  return copy;
}

/* ------------------------------------------------------------ reading */

#define STAFF_NAME(alias) "nullif(trim(coalesce(" alias ".given_name, '') || ' ' || coalesce(" alias ".family_name, '')), '')"

/* 16 columns, read by read_translation(). */
#define TRANSLATION_COLUMNS \
  "t.id, t.note_id, t.language, t.text, t.review_state, t.translator_id, " STAFF_NAME ("tr") ", " \
  "t.reviewer_id, " STAFF_NAME ("rv") ", t.reviewed_at, t.review_comment, t.version, t.updated_at, " \
  "t.submitted_at, t.updated_by, " STAFF_NAME ("ub")
#define TRANSLATION_JOINS \
  " LEFT JOIN staff tr ON tr.id = t.translator_id LEFT JOIN staff rv ON rv.id = t.reviewer_id" \
  " LEFT JOIN staff ub ON ub.id = t.updated_by "
#define N_TRANSLATION_COLUMNS 16

/* 16 columns, read by read_note(). */
#define NOTE_COLUMNS \
  "n.id, n.participant_id, n.cohort_id, n.date, n.language, n.text, n.sensitive, n.author_id, " \
  STAFF_NAME ("a") ", " \
  "CASE WHEN n.participant_id IS NOT NULL THEN p.given_name || ' ' || p.family_name ELSE c.name END, " \
  "n.mediator_present, n.mediator_id, " STAFF_NAME ("md") ", n.conversation_language, " \
  "n.goal_id, n.journal_entry_id"
#define NOTE_JOINS \
  " LEFT JOIN staff a ON a.id = n.author_id LEFT JOIN participant p ON p.id = n.participant_id" \
  " LEFT JOIN cohort c ON c.id = n.cohort_id LEFT JOIN staff md ON md.id = n.mediator_id "
#define N_NOTE_COLUMNS 16

static KorakTranslationRecord *
read_translation (sqlite3_stmt *stmt,
                  int           first)
{
  KorakTranslationRecord *r = g_new0 (KorakTranslationRecord, 1);

  r->id = sqlite3_column_int64 (stmt, first + 0);
  r->note_id = sqlite3_column_int64 (stmt, first + 1);
  r->language = korak_column_dup (stmt, first + 2);
  r->text = korak_column_dup (stmt, first + 3);
  r->state = korak_column_dup (stmt, first + 4);
  r->translator_id = sqlite3_column_int64 (stmt, first + 5);
  r->translator_name = korak_column_dup (stmt, first + 6);
  r->reviewer_id = sqlite3_column_int64 (stmt, first + 7);
  r->reviewer_name = korak_column_dup (stmt, first + 8);
  r->reviewed_at = korak_column_dup (stmt, first + 9);
  r->comment = korak_column_dup (stmt, first + 10);
  r->version = sqlite3_column_int (stmt, first + 11);
  r->updated_at = korak_column_dup (stmt, first + 12);
  r->submitted_at = korak_column_dup (stmt, first + 13);
  r->updated_by = sqlite3_column_int64 (stmt, first + 14);
  r->updated_by_name = korak_column_dup (stmt, first + 15);
  return r;
}

static KorakNoteRecord *
read_note (sqlite3_stmt *stmt)
{
  KorakNoteRecord *r = korak_note_record_new ();

  r->id = sqlite3_column_int64 (stmt, 0);
  r->participant_id = sqlite3_column_int64 (stmt, 1);
  r->cohort_id = sqlite3_column_int64 (stmt, 2);
  r->date = korak_column_dup (stmt, 3);
  r->language = korak_column_dup (stmt, 4);
  r->text = korak_column_dup (stmt, 5);
  r->sensitive = sqlite3_column_int (stmt, 6) != 0;
  r->author_id = sqlite3_column_int64 (stmt, 7);
  r->author_name = korak_column_dup (stmt, 8);
  r->subject_name = korak_column_dup (stmt, 9);
  r->mediator_present = sqlite3_column_int (stmt, 10) != 0;
  r->mediator_id = sqlite3_column_int64 (stmt, 11);
  r->mediator_name = korak_column_dup (stmt, 12);
  r->conversation_language = korak_column_dup (stmt, 13);
  r->goal_id = sqlite3_column_int64 (stmt, 14);
  r->journal_entry_id = sqlite3_column_int64 (stmt, 15);
  return r;
}

/* The notes @stmt selects (NOTE_COLUMNS), in its order. */
static GPtrArray *
read_notes (KorakStore    *store,
            sqlite3_stmt  *stmt,
            GHashTable    *by_id,
            GError       **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) korak_note_record_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakNoteRecord *note = read_note (stmt);

      g_ptr_array_add (notes, note);
      if (by_id != NULL)
        g_hash_table_insert (by_id, &note->id, note);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  return g_steal_pointer (&notes);
}

/* Gives each note of @by_id the translations @stmt selects
 * (TRANSLATION_COLUMNS). */
static gboolean
read_translations_into (KorakStore    *store,
                        sqlite3_stmt  *stmt,
                        GHashTable    *by_id,
                        GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakTranslationRecord *t = read_translation (stmt, 0);
      KorakNoteRecord *note = g_hash_table_lookup (by_id, &t->note_id);

      if (note != NULL)
        g_ptr_array_add (note->translations, t);
      else
        korak_translation_record_free (t);
    }
  sqlite3_reset (stmt);

  return korak_store_step_ok (store, rc, error);
}

GPtrArray *
korak_store_list_notes (KorakStore  *store,
                        gint64       participant_id,
                        gint64       cohort_id,
                        GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) notes = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (participant_id == 0 && cohort_id == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) korak_note_record_free);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT " NOTE_COLUMNS " FROM note n" NOTE_JOINS
                                    "WHERE n.participant_id = ?1 OR n.cohort_id = ?2 "
                                    "ORDER BY n.date DESC, n.created_at DESC, n.id DESC", error)))
    return NULL;
  if (participant_id != 0)
    sqlite3_bind_int64 (stmt, 1, participant_id);
  if (cohort_id != 0)
    sqlite3_bind_int64 (stmt, 2, cohort_id);
  if (!(notes = read_notes (store, stmt, by_id, error)))
    return NULL;
  if (notes->len == 0)
    return g_steal_pointer (&notes);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT " TRANSLATION_COLUMNS " FROM note n "
                                    "JOIN note_translation t ON t.note_id = n.id" TRANSLATION_JOINS
                                    "WHERE n.participant_id = ?1 OR n.cohort_id = ?2 "
                                    "ORDER BY t.language", error)))
    return NULL;
  if (participant_id != 0)
    sqlite3_bind_int64 (stmt, 1, participant_id);
  if (cohort_id != 0)
    sqlite3_bind_int64 (stmt, 2, cohort_id);
  if (!read_translations_into (store, stmt, by_id, error))
    return NULL;

  return g_steal_pointer (&notes);
}

KorakNoteRecord *
korak_store_get_note (KorakStore  *store,
                      gint64       note_id,
                      GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) notes = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT " NOTE_COLUMNS " FROM note n" NOTE_JOINS "WHERE n.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (!(notes = read_notes (store, stmt, by_id, error)))
    return NULL;
  if (notes->len == 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("This note no longer exists in the database."));
      return NULL;
    }

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT " TRANSLATION_COLUMNS " FROM note_translation t" TRANSLATION_JOINS
                                    "WHERE t.note_id = ?1 ORDER BY t.language", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (!read_translations_into (store, stmt, by_id, error))
    return NULL;

  return g_ptr_array_steal_index (notes, 0);
}

static KorakTranslationRecord *
get_translation (KorakStore  *store,
                 gint64       translation_id,
                 GError     **error)
{
  KorakTranslationRecord *record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT " TRANSLATION_COLUMNS " FROM note_translation t" TRANSLATION_JOINS
                                    "WHERE t.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, translation_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = read_translation (stmt, 0);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  if (record == NULL)
    g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                         _("This translation no longer exists in the database."));

  return record;
}

/* --------------------------------------------------------- validation */

static gboolean
check_text (const char  *text,
            gboolean     is_note,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("The text holds characters that are not valid text. Paste it again as plain text."));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           is_note ? _("Write the note before saving it.")
                                   : _("Write the translation before saving it."));
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > MAX_TEXT)
    {
      if (is_note)
        g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                     _("A note holds at most %d characters. Split it into two notes."), MAX_TEXT);
      else
        g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                     _("A translation holds at most %d characters. Split the note into two."), MAX_TEXT);
      return FALSE;
    }

  return TRUE;
}

/* The language as stored, or NULL with @error. */
static char *
check_language (const char  *language,
                const char  *empty_message,
                GError     **error)
{
  char *tag;

  if (language == NULL || *language == '\0')
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID, empty_message);
      return NULL;
    }

  if (!(tag = korak_language_normalize (language)))
    {
      /* Translators: %s is what was given as a language, e.g. “xx-1”. */
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("“%s” is not a language Korak knows. Choose the language from the list."), language);
      return NULL;
    }

  return tag;
}

/* Whether a row with @id exists, as the query @sql (?1) tells. */
static gboolean
row_exists (KorakStore  *store,
            const char  *sql,
            gint64       id,
            gboolean    *exists,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return FALSE;

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
check_staff (KorakStore  *store,
             gint64       staff_id,
             const char  *message,
             GError     **error)
{
  gboolean exists = FALSE;

  if (staff_id == 0)
    return TRUE;
  if (!row_exists (store, "SELECT 1 FROM staff WHERE id = ?1", staff_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  return TRUE;
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Steps an INSERT whose parameter 1 is the new row's random id, drawing
 * again on the very rare clash. */
static gboolean
insert_with_id (KorakStore    *store,
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
      if (rc != SQLITE_DONE)
        rc = sqlite3_extended_errcode (korak_store_get_db (store));
      sqlite3_reset (stmt);

      if (rc == SQLITE_DONE)
        return TRUE;
      if (rc != SQLITE_CONSTRAINT_PRIMARYKEY || attempt >= 8)
        {
          korak_store_set_error (store, rc, error);
          return FALSE;
        }
    }
}

/* Moves the fields of @from into @to, freeing @from; @to keeps its array
 * of translations (the array, not its items), refilled as stored. */
static void
note_take (KorakNoteRecord *to,
           KorakNoteRecord *from)
{
  GPtrArray *translations = g_steal_pointer (&to->translations);

  note_clear (to);
  *to = *from;
  g_free (from);

  if (translations != NULL)
    {
      g_ptr_array_set_size (translations, 0);
      for (guint i = 0; i < to->translations->len; i++)
        g_ptr_array_add (translations, korak_translation_record_copy (g_ptr_array_index (to->translations, i)));
      g_ptr_array_unref (to->translations);
      to->translations = translations;
    }
}

static void
translation_take (KorakTranslationRecord *to,
                  KorakTranslationRecord *from)
{
  translation_clear (to);
  *to = *from;
  g_free (from);
}

/* -------------------------------------------------------------- notes */

gboolean
korak_store_save_note (KorakStore       *store,
                       KorakNoteRecord  *record,
                       GError          **error)
{
  g_autofree char *language = NULL;
  KorakNoteRecord *saved;
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  gint64 id = record ? record->id : 0;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (record->participant_id == 0 && record->cohort_id == 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("Choose the participant or the cohort the note is about."));
      return FALSE;
    }
  if (record->participant_id != 0 && record->cohort_id != 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("A note is about one participant or about a whole cohort, not both. "
                             "Write a note for the cohort, or one for the participant."));
      return FALSE;
    }
  if (!korak_date_is_iso (record->date))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("The note needs a date, for example 2026-09-07."));
      return FALSE;
    }
  if (!(language = check_language (record->language, _("Choose the language the note is written in."), error)))
    return FALSE;
  if (!check_text (record->text, TRUE, error))
    return FALSE;
  if (!korak_mediator_check (store, &record->mediator_present, record->mediator_id,
                             &record->conversation_language, error))
    return FALSE;

  if (!korak_store_begin (store, error))
    return FALSE;

  if (record->participant_id != 0)
    {
      if (!row_exists (store, "SELECT 1 FROM participant WHERE id = ?1", record->participant_id, &exists, error))
        goto failed;
      if (!exists)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                               _("This participant no longer exists in the database."));
          goto failed;
        }
    }
  else
    {
      if (!row_exists (store, "SELECT 1 FROM cohort WHERE id = ?1", record->cohort_id, &exists, error))
        goto failed;
      if (!exists)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                               _("This cohort no longer exists in the database."));
          goto failed;
        }
    }
  if (!check_staff (store, record->author_id,
                    _("The author is not on the staff list. Choose someone from the list."), error))
    goto failed;

  if (id == 0)
    {
      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO note (id, participant_id, cohort_id, date, language, text, "
                                        "sensitive, author_id, updated_by, "
                                        "mediator_present, mediator_id, conversation_language) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " ACTOR ", ?20, ?21, ?22)", error)))
        goto failed;
    }
  else
    {
      /* A translation into the note's new language would no longer be one. */
      if (!(stmt = korak_store_prepare (store,
                                        "SELECT 1 FROM note_translation WHERE note_id = ?1 AND language = ?2",
                                        error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      korak_bind_text (stmt, 2, language);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (exists)
        {
          /* Translators: %s is a language, e.g. “Albanian”. */
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("The note has a translation into %s. Choose another language for the note, "
                         "or delete that translation first."), korak_language_name (language));
          goto failed;
        }

      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE note SET participant_id = ?2, cohort_id = ?3, date = ?4, "
                                        "language = ?5, text = ?6, sensitive = ?7, author_id = ?8, "
                                        "mediator_present = ?20, mediator_id = ?21, conversation_language = ?22, "
                                        "updated_at = " NOW ", updated_by = " ACTOR " WHERE id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
    }

  bind_id (stmt, 2, record->participant_id);
  bind_id (stmt, 3, record->cohort_id);
  korak_bind_text (stmt, 4, record->date);
  korak_bind_text (stmt, 5, language);
  sqlite3_bind_text (stmt, 6, record->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, record->sensitive ? 1 : 0);
  bind_id (stmt, 8, record->author_id);
  sqlite3_bind_int (stmt, 20, record->mediator_present ? 1 : 0);
  bind_id (stmt, 21, record->mediator_id);
  korak_bind_text (stmt, 22, record->conversation_language);

  if (id == 0)
    {
      if (!insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      if (!korak_store_step_done (store, stmt, error))
        goto failed;
      if (sqlite3_changes (korak_store_get_db (store)) == 0)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                               _("This note no longer exists in the database."));
          goto failed;
        }
    }

  if (!korak_store_commit (store, error))
    return FALSE;

  /* The names and translations as stored now. */
  record->id = id;
  saved = korak_store_get_note (store, id, NULL);
  if (saved != NULL)
    note_take (record, saved);
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_delete_note (KorakStore  *store,
                         gint64       note_id,
                         GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  /* The translations and their versions go with it (foreign keys, and the
   * audit triggers' BEFORE DELETE, which logs them). */
  return korak_store_delete_by_id (store, "DELETE FROM note WHERE id = ?1", note_id,
                                   _("This note no longer exists in the database."), error);
}

/* ------------------------------------------------------- translations */

typedef struct
{
  gint64  note_id;
  char   *note_language;
  char   *language;
  char   *text;
  char   *state;
  gint64  translator_id;
} Current;

static void
current_clear (Current *current)
{
  g_free (current->note_language);
  g_free (current->language);
  g_free (current->text);
  g_free (current->state);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Current, current_clear)

/* The translation as stored, inside the transaction. */
static gboolean
read_current (KorakStore  *store,
              gint64       translation_id,
              Current     *current,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT t.note_id, n.language, t.language, t.text, t.review_state, t.translator_id "
                                    "FROM note_translation t JOIN note n ON n.id = t.note_id WHERE t.id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, translation_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      current->note_id = sqlite3_column_int64 (stmt, 0);
      current->note_language = korak_column_dup (stmt, 1);
      current->language = korak_column_dup (stmt, 2);
      current->text = korak_column_dup (stmt, 3);
      current->state = korak_column_dup (stmt, 4);
      current->translator_id = sqlite3_column_int64 (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("This translation no longer exists in the database."));
      return FALSE;
    }

  return TRUE;
}

/* Copies the translation as it is into its history, before it changes. */
static gboolean
keep_version (KorakStore  *store,
              gint64       translation_id,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(stmt = korak_store_prepare (store,
                                    "INSERT INTO note_translation_version (id, translation_id, version, language, text, "
                                    "review_state, translator_id, reviewer_id, reviewed_at, review_comment, submitted_at, "
                                    "version_at, version_by, updated_by) "
                                    "SELECT ?1, id, version, language, text, review_state, translator_id, reviewer_id, "
                                    "reviewed_at, review_comment, submitted_at, updated_at, updated_by, " ACTOR " "
                                    "FROM note_translation WHERE id = ?2", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, translation_id);
  return insert_with_id (store, stmt, &id, error);
}

/* The original of a note changed under its reviewed translations (a
 * linked goal's text, korak-note-links.c): each keeps its current version
 * in its history and goes back to the mediator. A draft, one waiting and a
 * returned one keep their state. Inside the caller's transaction. */
gboolean
korak_store_send_back_to_review (KorakStore  *store,
                                 gint64       note_id,
                                 GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT id FROM note_translation WHERE note_id = ?1 AND review_state = 'reviewed'",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 translation_id = g_array_index (ids, gint64, i);

      if (!keep_version (store, translation_id, error))
        return FALSE;
      if (!(stmt = korak_store_prepare (store,
                                        "UPDATE note_translation SET review_state = 'needs_review', reviewer_id = NULL, "
                                        "reviewed_at = NULL, review_comment = NULL, submitted_at = " NOW_MS ", "
                                        "version = version + 1, updated_at = " NOW ", updated_by = " ACTOR " "
                                        "WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, translation_id);
      if (!korak_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The note's language, or NULL with @error: the note must exist. */
static char *
note_language (KorakStore  *store,
               gint64       note_id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  char *language = NULL;
  int rc;

  if (!(stmt = korak_store_prepare (store, "SELECT language FROM note WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    language = korak_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;
  if (language == NULL)
    g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                         _("This note no longer exists in the database."));

  return language;
}

static gboolean
check_translation_language (KorakStore  *store,
                            gint64       note_id,
                            gint64       translation_id,
                            const char  *note_language,
                            const char  *language,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean taken;

  if (g_ascii_strcasecmp (note_language, language) == 0)
    {
      /* Translators: %s is a language, e.g. “Slovenian”. */
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The note is written in %s. A translation is into another language: choose it from the list."),
                   korak_language_name (note_language));
      return FALSE;
    }

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT 1 FROM note_translation WHERE note_id = ?1 AND language = ?2 AND id IS NOT ?3",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  korak_bind_text (stmt, 2, language);
  bind_id (stmt, 3, translation_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    {
      /* Translators: %s is a language, e.g. “Albanian”. */
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   _("The note has a translation into %s already. Open that one to change it."),
                   korak_language_name (language));
      return FALSE;
    }

  return TRUE;
}

gboolean
korak_store_save_translation (KorakStore              *store,
                              KorakTranslationRecord  *record,
                              GError                 **error)
{
  g_autofree char *language = NULL;
  g_autofree char *stored_note_language = NULL;
  g_auto(Current) current = { 0 };
  KorakTranslationRecord *saved;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  id = record->id;
  if (!(language = check_language (record->language, _("Choose the language of the translation."), error)))
    return FALSE;
  if (!check_text (record->text, FALSE, error))
    return FALSE;

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!check_staff (store, record->translator_id,
                    _("The translator is not on the staff list. Choose someone from the list."), error))
    goto failed;

  if (id == 0)
    {
      if (record->note_id == 0)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                               _("Save the note before adding a translation."));
          goto failed;
        }
      if (!(stored_note_language = note_language (store, record->note_id, error)) ||
          !check_translation_language (store, record->note_id, 0, stored_note_language, language, error))
        goto failed;

      if (!(stmt = korak_store_prepare (store,
                                        "INSERT INTO note_translation (id, note_id, language, text, review_state, "
                                        "translator_id, version, updated_by) "
                                        "VALUES (?1, ?2, ?3, ?4, 'draft', ?5, 1, " ACTOR ")", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 2, record->note_id);
      korak_bind_text (stmt, 3, language);
      sqlite3_bind_text (stmt, 4, record->text, -1, SQLITE_TRANSIENT);
      bind_id (stmt, 5, record->translator_id);
      if (!insert_with_id (store, stmt, &id, error))
        goto failed;
    }
  else
    {
      gboolean content_changed;

      if (!read_current (store, id, &current, error) ||
          !check_translation_language (store, current.note_id, id, current.note_language, language, error))
        goto failed;

      content_changed = g_strcmp0 (current.text, record->text) != 0 ||
                        g_strcmp0 (current.language, language) != 0;

      if (content_changed)
        {
          /* A reviewed text that changes needs a review again; a draft,
           * one waiting for review and a returned one keep their state. */
          gboolean back_to_review = g_str_equal (current.state, KORAK_TRANSLATION_REVIEWED);

          if (!keep_version (store, id, error))
            goto failed;
          if (!(stmt = korak_store_prepare (store,
                                            "UPDATE note_translation SET language = ?2, text = ?3, translator_id = ?4, "
                                            "review_state = CASE WHEN ?5 THEN 'needs_review' ELSE review_state END, "
                                            "reviewer_id = CASE WHEN ?5 THEN NULL ELSE reviewer_id END, "
                                            "reviewed_at = CASE WHEN ?5 THEN NULL ELSE reviewed_at END, "
                                            "review_comment = CASE WHEN ?5 THEN NULL ELSE review_comment END, "
                                            "submitted_at = CASE WHEN ?5 THEN " NOW_MS " ELSE submitted_at END, "
                                            "version = version + 1, updated_at = " NOW ", updated_by = " ACTOR " "
                                            "WHERE id = ?1", error)))
            goto failed;
          sqlite3_bind_int (stmt, 5, back_to_review);
        }
      else if (current.translator_id != record->translator_id)
        {
          if (!(stmt = korak_store_prepare (store,
                                            "UPDATE note_translation SET language = ?2, text = ?3, translator_id = ?4, "
                                            "updated_at = " NOW ", updated_by = " ACTOR " WHERE id = ?1", error)))
            goto failed;
        }
      else
        stmt = NULL;   /* nothing changed */

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          korak_bind_text (stmt, 2, language);
          sqlite3_bind_text (stmt, 3, record->text, -1, SQLITE_TRANSIENT);
          bind_id (stmt, 4, record->translator_id);
          if (!korak_store_step_done (store, stmt, error))
            goto failed;
        }
    }

  if (!korak_store_commit (store, error))
    return FALSE;

  record->id = id;
  saved = get_translation (store, id, NULL);
  if (saved != NULL)
    translation_take (record, saved);
  return TRUE;

failed:
  korak_store_rollback (store);
  return FALSE;
}

typedef enum
{
  SUBMIT,
  REVIEW,
  RETURN,
} Transition;

/* Why @transition cannot leave @state, or NULL when it can. */
static const char *
refusal (Transition  transition,
         const char *state)
{
  if (transition == SUBMIT)
    {
      if (g_str_equal (state, KORAK_TRANSLATION_DRAFT) || g_str_equal (state, KORAK_TRANSLATION_RETURNED))
        return NULL;
      if (g_str_equal (state, KORAK_TRANSLATION_NEEDS_REVIEW))
        return _("This translation is waiting for review already.");
      return _("This translation has been reviewed. Change its text to send it for review again.");
    }

  if (g_str_equal (state, KORAK_TRANSLATION_NEEDS_REVIEW))
    return NULL;
  if (g_str_equal (state, KORAK_TRANSLATION_DRAFT))
    return _("This translation is still a draft. Send it for review first.");
  if (g_str_equal (state, KORAK_TRANSLATION_RETURNED))
    return _("This translation was returned to the translator. It can be reviewed once it is sent for review again.");
  return _("This translation has been reviewed already.");
}

static gboolean
change_state (KorakStore  *store,
              gint64       translation_id,
              Transition   transition,
              gint64       reviewer_id,
              const char  *comment,
              GError     **error)
{
  g_auto(Current) current = { 0 };
  g_autofree char *clean_comment = NULL;
  const char *why;
  sqlite3_stmt *stmt;

  if (transition == RETURN)
    {
      clean_comment = g_strstrip (g_strdup (comment ? comment : ""));
      if (*clean_comment == '\0' || !g_utf8_validate (clean_comment, -1, NULL))
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                               _("Write what should change in the translation, so that the translator knows "
                                 "what to correct."));
          return FALSE;
        }
    }
  if (transition != SUBMIT && reviewer_id == 0)
    reviewer_id = korak_store_get_actor_id (store);

  if (!korak_store_begin (store, error))
    return FALSE;

  if (!read_current (store, translation_id, &current, error))
    goto failed;
  if ((why = refusal (transition, current.state)) != NULL)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID, why);
      goto failed;
    }
  if (transition != SUBMIT)
    {
      gboolean exists = FALSE;

      /* Someone chosen in Preferences but not on the staff list (yet)
       * reviews as nobody in particular; a reviewer given is checked. */
      if (!row_exists (store, "SELECT 1 FROM staff WHERE id = ?1", reviewer_id, &exists, error))
        goto failed;
      if (!exists && reviewer_id == korak_store_get_actor_id (store))
        reviewer_id = 0;
      else if (!exists)
        {
          g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                               _("The reviewer is not on the staff list. Choose someone from the list."));
          goto failed;
        }
    }

  if (!keep_version (store, translation_id, error))
    goto failed;

  if (!(stmt = korak_store_prepare (store,
                                    "UPDATE note_translation SET review_state = ?2, reviewer_id = ?3, "
                                    "reviewed_at = CASE WHEN ?2 = 'needs_review' THEN NULL ELSE " NOW " END, "
                                    "review_comment = ?4, "
                                    "submitted_at = CASE WHEN ?2 = 'needs_review' THEN " NOW_MS " ELSE submitted_at END, "
                                    "version = version + 1, updated_at = " NOW ", updated_by = " ACTOR " "
                                    "WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, translation_id);
  sqlite3_bind_text (stmt, 2,
                     transition == SUBMIT ? KORAK_TRANSLATION_NEEDS_REVIEW
                     : transition == REVIEW ? KORAK_TRANSLATION_REVIEWED
                     : KORAK_TRANSLATION_RETURNED, -1, SQLITE_STATIC);
  bind_id (stmt, 3, transition == SUBMIT ? 0 : reviewer_id);
  korak_bind_text (stmt, 4, clean_comment);
  if (!korak_store_step_done (store, stmt, error))
    goto failed;

  return korak_store_commit (store, error);

failed:
  korak_store_rollback (store);
  return FALSE;
}

gboolean
korak_store_submit_translation (KorakStore  *store,
                                gint64       translation_id,
                                GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  return change_state (store, translation_id, SUBMIT, 0, NULL, error);
}

gboolean
korak_store_review_translation (KorakStore  *store,
                                gint64       translation_id,
                                gint64       reviewer_id,
                                GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  return change_state (store, translation_id, REVIEW, reviewer_id, NULL, error);
}

gboolean
korak_store_return_translation (KorakStore  *store,
                                gint64       translation_id,
                                gint64       reviewer_id,
                                const char  *comment,
                                GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  return change_state (store, translation_id, RETURN, reviewer_id, comment, error);
}

gboolean
korak_store_delete_translation (KorakStore  *store,
                                gint64       translation_id,
                                GError     **error)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  return korak_store_delete_by_id (store, "DELETE FROM note_translation WHERE id = ?1", translation_id,
                                   _("This translation no longer exists in the database."), error);
}

GPtrArray *
korak_store_list_translation_versions (KorakStore  *store,
                                       gint64       translation_id,
                                       GError     **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) korak_translation_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT v.translation_id, t.note_id, v.language, v.text, v.review_state, "
                                    "v.translator_id, " STAFF_NAME ("tr") ", v.reviewer_id, " STAFF_NAME ("rv") ", "
                                    "v.reviewed_at, v.review_comment, v.version, v.version_at, v.submitted_at, "
                                    "v.version_by, " STAFF_NAME ("ub") " "
                                    "FROM note_translation_version v JOIN note_translation t ON t.id = v.translation_id "
                                    "LEFT JOIN staff tr ON tr.id = v.translator_id LEFT JOIN staff rv ON rv.id = v.reviewer_id "
                                    "LEFT JOIN staff ub ON ub.id = v.version_by "
                                    "WHERE v.translation_id = ?1 ORDER BY v.version DESC", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, translation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (versions, read_translation (stmt, 0));
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  return g_steal_pointer (&versions);
}

/* ------------------------------------------------------- review queue */

GPtrArray *
korak_store_list_review_queue (KorakStore  *store,
                               const char  *language,
                               gint64       cohort_id,
                               GError     **error)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new_with_free_func ((GDestroyNotify) korak_note_record_free);
  g_autofree char *tag = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (language != NULL && *language != '\0')
    {
      tag = korak_language_normalize (language);
      if (tag == NULL)
        return g_steal_pointer (&queue);
    }

  /* A participant's note belongs to the cohort of their active
   * enrolment, else of their latest. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT " NOTE_COLUMNS ", " TRANSLATION_COLUMNS " "
                                    "FROM note_translation t JOIN note n ON n.id = t.note_id" NOTE_JOINS TRANSLATION_JOINS
                                    "WHERE t.review_state = 'needs_review' AND (?1 IS NULL OR t.language = ?1) "
                                    "AND (?2 IS NULL OR coalesce(n.cohort_id, "
                                    "  (SELECT e.cohort_id FROM enrolment e WHERE e.participant_id = n.participant_id "
                                    "   ORDER BY e.status = 'active' DESC, e.start_date DESC, e.created_at DESC LIMIT 1)) = ?2) "
                                    "ORDER BY t.submitted_at, t.updated_at, n.date, t.id", error)))
    return NULL;
  korak_bind_text (stmt, 1, tag);
  bind_id (stmt, 2, cohort_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KorakNoteRecord *note = read_note (stmt);

      g_ptr_array_add (note->translations, read_translation (stmt, N_NOTE_COLUMNS));
      g_ptr_array_add (queue, note);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return NULL;

  return g_steal_pointer (&queue);
}

gint64
korak_store_count_review_queue (KorakStore  *store,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (KORAK_IS_STORE (store), -1);

  if (!(stmt = korak_store_prepare (store,
                                    "SELECT count(*) FROM note_translation WHERE review_state = 'needs_review'",
                                    error)))
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return -1;

  return count;
}
