/* korak-csv.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "korak-csv.h"
#include "korak-date.h"

struct _KorakCsv
{
  char       separator;
  gboolean   had_bom;
  GPtrArray *header;   /* char* */
  GPtrArray *rows;     /* GPtrArray* of char* */
  GArray    *lines;    /* guint: where each row starts */
};

/* ------------------------------------------------------------- the reader */

static void
csv_error (GError     **error,
           const char  *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
csv_error (GError     **error,
           const char  *format,
           ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID, message);
}

static guint
line_of (const char *start,
         const char *at)
{
  guint line = 1;

  for (const char *p = start; p < at; p++)
    if (*p == '\n')
      line++;

  return line;
}

/* The separator the header line uses most: ; , or tab (quotes skipped). */
static char
detect_separator (const char *p,
                  const char *end)
{
  guint semicolons = 0, commas = 0, tabs = 0;
  gboolean quoted = FALSE;

  /* Blank lines before the header are skipped, as the reader does. */
  while (p < end && (*p == '\r' || *p == '\n'))
    p++;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ';')
        semicolons++;
      else if (*p == ',')
        commas++;
      else if (*p == '\t')
        tabs++;
    }

  if (semicolons >= commas && semicolons >= tabs && semicolons > 0)
    return ';';
  if (tabs >= commas && tabs > 0)
    return '\t';
  return ',';
}

static gboolean
record_is_blank (GPtrArray *record)
{
  for (guint i = 0; i < record->len; i++)
    if (*(const char *) g_ptr_array_index (record, i) != '\0')
      return FALSE;
  return TRUE;
}

static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *nul, *bad;

  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      csv_error (error, _("This file is saved as UTF-16 (“Unicode text”). "
                          "Save it from the spreadsheet as “CSV UTF-8” and choose it again."));
      return FALSE;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      csv_error (error, _("Line %u holds a NUL byte, which no text has: this may not be a CSV file. "
                          "Save it from the spreadsheet as “CSV UTF-8” and choose it again."),
                 line_of (data, nul));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &bad))
    {
      csv_error (error, _("Line %u is not UTF-8 text (perhaps Windows-1250). "
                          "Save the file from the spreadsheet as “CSV UTF-8” and choose it again."),
                 line_of (data, bad));
      return FALSE;
    }

  return TRUE;
}

KorakCsv *
korak_csv_parse (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(KorakCsv) csv = NULL;
  const char *p, *end;
  guint line = 1;
  char sep;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > KORAK_CSV_MAX_BYTES)
    {
      csv_error (error, _("The file is larger than %d MB, far more than a list of referrals. Choose another file."),
                 KORAK_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!check_text (data, length, error))
    return NULL;

  csv = g_new0 (KorakCsv, 1);
  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  csv->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  p = data;
  end = data + length;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      csv->had_bom = TRUE;
      p += 3;
    }

  sep = detect_separator (p, end);
  csv->separator = sep;

  while (p < end)
    {
      g_autoptr(GPtrArray) record = g_ptr_array_new_with_free_func (g_free);
      guint record_line = line;

      for (;;)
        {
          g_autoptr(GString) field = g_string_new (NULL);

          if (p < end && *p == '"')
            {
              guint quote_line = line;

              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      csv_error (error, _("Line %u: a value in quotes is never closed. Add the missing quote mark."),
                                 quote_line);
                      return NULL;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  /* A line break inside a value is kept as one "\n". */
                  if (*p == '\r' && p + 1 < end && p[1] == '\n')
                    p++;
                  if (*p == '\n')
                    line++;
                  g_string_append_c (field, *p++);
                }

              if (p < end && *p != sep && *p != '\n' && *p != '\r')
                {
                  csv_error (error, _("Line %u: there is text after the closing quote of a value. "
                                      "Put the whole value in quotes and double every quote mark inside it."),
                             line);
                  return NULL;
                }
            }
          else
            {
              const char *start = p;

              while (p < end && *p != sep && *p != '\n' && *p != '\r')
                p++;
              g_string_append_len (field, start, p - start);
            }

          if (record->len >= KORAK_CSV_MAX_COLUMNS)
            {
              csv_error (error, _("Line %u has more than %d columns. This is not a list of referrals."),
                         record_line, KORAK_CSV_MAX_COLUMNS);
              return NULL;
            }
          g_ptr_array_add (record, g_string_free (g_steal_pointer (&field), FALSE));

          if (p < end && *p == sep)
            {
              p++;
              continue;
            }
          break;
        }

      if (p < end && *p == '\r')
        {
          p++;
          if (p < end && *p == '\n')
            p++;
          line++;
        }
      else if (p < end && *p == '\n')
        {
          p++;
          line++;
        }

      if (record_is_blank (record))
        continue;

      if (csv->header == NULL)
        csv->header = g_steal_pointer (&record);
      else
        {
          g_ptr_array_add (csv->rows, g_steal_pointer (&record));
          g_array_append_val (csv->lines, record_line);
        }
    }

  if (csv->header == NULL)
    {
      csv_error (error, _("The file is empty. Choose a file with a header line and one line for each person."));
      return NULL;
    }

  return g_steal_pointer (&csv);
}

KorakCsv *
korak_csv_load (const char  *path,
                GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf buf;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  if (g_stat (path, &buf) == 0 && buf.st_size > KORAK_CSV_MAX_BYTES)
    {
      csv_error (error, _("“%s” is larger than %d MB, far more than a list of referrals. Choose another file."),
                 display, KORAK_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” could not be read: %s"), display, local_error->message);
      return NULL;
    }

  return korak_csv_parse (contents, length, error);
}

void
korak_csv_free (KorakCsv *csv)
{
  if (csv == NULL)
    return;

  g_clear_pointer (&csv->header, g_ptr_array_unref);
  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_clear_pointer (&csv->lines, g_array_unref);
  g_free (csv);
}

char
korak_csv_get_separator (const KorakCsv *csv)
{
  g_return_val_if_fail (csv != NULL, ',');
  return csv->separator;
}

gboolean
korak_csv_get_had_bom (const KorakCsv *csv)
{
  g_return_val_if_fail (csv != NULL, FALSE);
  return csv->had_bom;
}

guint
korak_csv_get_n_columns (const KorakCsv *csv)
{
  g_return_val_if_fail (csv != NULL, 0);
  return csv->header->len;
}

const char *
korak_csv_get_header (const KorakCsv *csv,
                      guint           column)
{
  g_return_val_if_fail (csv != NULL, "");
  g_return_val_if_fail (column < csv->header->len, "");
  return g_ptr_array_index (csv->header, column);
}

guint
korak_csv_get_n_rows (const KorakCsv *csv)
{
  g_return_val_if_fail (csv != NULL, 0);
  return csv->rows->len;
}

guint
korak_csv_get_row_length (const KorakCsv *csv,
                          guint           row)
{
  g_return_val_if_fail (csv != NULL, 0);
  g_return_val_if_fail (row < csv->rows->len, 0);
  return ((GPtrArray *) g_ptr_array_index (csv->rows, row))->len;
}

const char *
korak_csv_get_value (const KorakCsv *csv,
                     guint           row,
                     guint           column)
{
  GPtrArray *record;

  g_return_val_if_fail (csv != NULL, "");
  g_return_val_if_fail (row < csv->rows->len, "");

  record = g_ptr_array_index (csv->rows, row);
  return column < record->len ? g_ptr_array_index (record, column) : "";
}

guint
korak_csv_get_line (const KorakCsv *csv,
                    guint           row)
{
  g_return_val_if_fail (csv != NULL, 0);
  g_return_val_if_fail (row < csv->rows->len, 0);
  return g_array_index (csv->lines, guint, row);
}

/* ------------------------------------------------------------- the writer */

static gboolean
starts_like_formula (const char *text)
{
  return text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

char *
korak_csv_neutralise (const char *text)
{
  if (starts_like_formula (text))
    return g_strconcat ("'", text, NULL);

  return g_strdup (text ? text : "");
}

void
korak_csv_append_field (GString    *out,
                        const char *text,
                        char        separator)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  if (strchr (text, separator) == NULL && strpbrk (text, "\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* ------------------------------------------------ importing referrals */

/* Lower case, letters and digits only, diacritics dropped: "E-pošta" and
 * "e posta" both become "eposta". */
static char *
normalise (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) || !g_unichar_isalnum (c))
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  int         field;
  const char *alias;   /* normalised */
} HeaderAlias;

/* What referral lists from a CSD, the Employment Service or a mentor's
 * own spreadsheet call the columns, English and Slovenian. The fields'
 * own labels, English and translated, are matched too. */
static const HeaderAlias header_aliases[] = {
  { KORAK_FIELD_GIVEN_NAME, "ime" },
  { KORAK_FIELD_GIVEN_NAME, "givenname" },
  { KORAK_FIELD_GIVEN_NAME, "firstname" },
  { KORAK_FIELD_GIVEN_NAME, "forename" },
  { KORAK_FIELD_FAMILY_NAME, "priimek" },
  { KORAK_FIELD_FAMILY_NAME, "familyname" },
  { KORAK_FIELD_FAMILY_NAME, "surname" },
  { KORAK_FIELD_FAMILY_NAME, "lastname" },
  { KORAK_FIELD_BIRTH_DATE, "datumrojstva" },
  { KORAK_FIELD_BIRTH_DATE, "rojstnidatum" },
  { KORAK_FIELD_BIRTH_DATE, "rojen" },
  { KORAK_FIELD_BIRTH_DATE, "rojena" },
  { KORAK_FIELD_BIRTH_DATE, "birthdate" },
  { KORAK_FIELD_BIRTH_DATE, "dateofbirth" },
  { KORAK_FIELD_BIRTH_DATE, "dob" },
  { KORAK_FIELD_PHONE, "telefon" },
  { KORAK_FIELD_PHONE, "tel" },
  { KORAK_FIELD_PHONE, "telefonskastevilka" },
  { KORAK_FIELD_PHONE, "gsm" },
  { KORAK_FIELD_PHONE, "mobitel" },
  { KORAK_FIELD_PHONE, "phone" },
  { KORAK_FIELD_PHONE, "phonenumber" },
  { KORAK_FIELD_PHONE, "telephone" },
  { KORAK_FIELD_PHONE, "mobile" },
  { KORAK_FIELD_EMAIL, "eposta" },
  { KORAK_FIELD_EMAIL, "elektronskaposta" },
  { KORAK_FIELD_EMAIL, "epostninaslov" },
  { KORAK_FIELD_EMAIL, "email" },
  { KORAK_FIELD_EMAIL, "emailaddress" },
  { KORAK_FIELD_EMAIL, "mail" },
  { KORAK_FIELD_ADDRESS, "naslov" },
  { KORAK_FIELD_ADDRESS, "address" },
  { KORAK_FIELD_MUNICIPALITY, "obcina" },
  { KORAK_FIELD_MUNICIPALITY, "municipality" },
  { KORAK_FIELD_MOTHER_TONGUE, "maternijezik" },
  { KORAK_FIELD_MOTHER_TONGUE, "prvijezik" },
  { KORAK_FIELD_MOTHER_TONGUE, "mothertongue" },
  { KORAK_FIELD_MOTHER_TONGUE, "nativelanguage" },
  { KORAK_FIELD_MOTHER_TONGUE, "firstlanguage" },
  { KORAK_FIELD_OTHER_LANGUAGES, "drugijeziki" },
  { KORAK_FIELD_OTHER_LANGUAGES, "otherlanguages" },
  { KORAK_FIELD_NEEDS_MEDIATOR, "mediator" },
  { KORAK_FIELD_NEEDS_MEDIATOR, "potrebujemediatorja" },
  { KORAK_FIELD_NEEDS_MEDIATOR, "medkulturnimediator" },
  { KORAK_FIELD_NEEDS_MEDIATOR, "needsmediator" },
  { KORAK_FIELD_TARGET_GROUP, "ciljnaskupina" },
  { KORAK_FIELD_TARGET_GROUP, "targetgroup" },
  { KORAK_FIELD_REFERRAL_SOURCE, "napotil" },
  { KORAK_FIELD_REFERRAL_SOURCE, "napotila" },
  { KORAK_FIELD_REFERRAL_SOURCE, "napotitelj" },
  { KORAK_FIELD_REFERRAL_SOURCE, "virnapotitve" },
  { KORAK_FIELD_REFERRAL_SOURCE, "referredby" },
  { KORAK_FIELD_REFERRAL_SOURCE, "referralsource" },
  { KORAK_FIELD_REFERRAL_DATE, "datumnapotitve" },
  { KORAK_FIELD_REFERRAL_DATE, "napotendne" },
  { KORAK_FIELD_REFERRAL_DATE, "referraldate" },
  { KORAK_FIELD_REFERRING_WORKER, "strokovnidelavec" },
  { KORAK_FIELD_REFERRING_WORKER, "strokovnadelavka" },
  { KORAK_FIELD_REFERRING_WORKER, "socialnadelavka" },
  { KORAK_FIELD_REFERRING_WORKER, "socialnidelavec" },
  { KORAK_FIELD_REFERRING_WORKER, "svetovalec" },
  { KORAK_FIELD_REFERRING_WORKER, "svetovalka" },
  { KORAK_FIELD_REFERRING_WORKER, "kontaktnaoseba" },
  { KORAK_FIELD_REFERRING_WORKER, "referringworker" },
  { KORAK_FIELD_CONSENT_DATE, "datumprivolitve" },
  { KORAK_FIELD_CONSENT_DATE, "datumsoglasja" },
  { KORAK_FIELD_CONSENT_DATE, "consentdate" },
  { KORAK_FIELD_CONSENT_SCOPE, "obsegprivolitve" },
  { KORAK_FIELD_CONSENT_SCOPE, "obsegsoglasja" },
  { KORAK_FIELD_CONSENT_SCOPE, "consentscope" },
  { KORAK_FIELD_STATUS, "status" },
  { KORAK_FIELD_STATUS, "stanje" },
};

int
korak_csv_guess_field (const char *header)
{
  g_autofree char *key = normalise (header);

  if (*key == '\0')
    return KORAK_CSV_IGNORE;

  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    if (g_str_equal (key, header_aliases[i].alias))
      return header_aliases[i].field;

  for (guint f = 0; f < KORAK_N_FIELDS; f++)
    {
      const KorakFieldInfo *info = korak_participant_field_info (f);
      g_autofree char *column = normalise (info->column);
      g_autofree char *english = normalise (info->label);
      g_autofree char *translated = normalise (_(info->label));

      if (g_str_equal (key, column) || g_str_equal (key, english) || g_str_equal (key, translated))
        return f;
    }

  return KORAK_CSV_IGNORE;
}

typedef struct
{
  const char *code;
  const char *alias;   /* normalised; a trailing '*' matches as a prefix */
} ChoiceAlias;

/* Slovenian names and the short forms a CSD's list uses. */
static const ChoiceAlias choice_aliases[] = {
  { "referred", "napoten" },
  { "referred", "napotena" },
  { "active", "vkljucen" },
  { "active", "vkljucena" },
  { "active", "aktiven" },
  { "active", "aktivna" },
  { "paused", "vmirovanju" },
  { "completed", "zakljucil" },
  { "completed", "zakljucila" },
  { "completed", "zakljucilprogram" },
  { "completed", "zakljucilaprogram" },
  { "exited", "izstopil" },
  { "exited", "izstopila" },
  { "long_term_unemployed", "dolgotrajnobrezposelnaoseba" },
  { "long_term_unemployed", "dolgotrajnobrezposelni" },
  { "long_term_unemployed", "dolgotrajnobrezposelna" },
  { "long_term_unemployed", "dbo" },
  { "social_assistance", "prejemnikdenarnesocialnepomoci" },
  { "social_assistance", "prejemnicadenarnesocialnepomoci" },
  { "social_assistance", "dsp" },
  { "inactive", "neaktivnaoseba" },
  { "inactive", "neaktiven" },
  { "inactive", "neaktivna" },
  { "migrant_women", "zenskaizdrugegakulturnegaokolja" },
  { "migrant_women", "migrantka" },
  { "roma_women", "romkinja" },
  { "other", "drugo" },
  { "csd", "csd*" },
  { "csd", "centerzasocialnodelo*" },
  { "employment_service", "zrsz*" },
  { "employment_service", "zavodrszazaposlovanje*" },
  { "employment_service", "zavodzazaposlovanje*" },
  { "self", "nalastnopobudo" },
  { "self", "samonapotitev" },
  { "ngo", "nevladnaorganizacija*" },
  { "ngo", "nvo*" },
};

static const char *
parse_choice (const KorakChoice *choices,
              const char        *value)
{
  g_autofree char *key = normalise (value);

  if (*key == '\0')
    return NULL;

  for (guint i = 0; choices[i].code != NULL; i++)
    {
      g_autofree char *code = normalise (choices[i].code);
      g_autofree char *english = normalise (choices[i].label);
      g_autofree char *translated = normalise (_(choices[i].label));

      if (g_str_equal (key, code) || g_str_equal (key, english) || g_str_equal (key, translated))
        return choices[i].code;
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint a = 0; a < G_N_ELEMENTS (choice_aliases); a++)
      {
        const char *alias = choice_aliases[a].alias;
        gsize len = strlen (alias);
        gboolean prefix = alias[len - 1] == '*';
        gboolean match = prefix ? pass == 1 && strncmp (key, alias, len - 1) == 0
                                : pass == 0 && g_str_equal (key, alias);

        if (!match)
          continue;
        for (guint i = 0; choices[i].code != NULL; i++)
          if (g_str_equal (choices[i].code, choice_aliases[a].code))
            return choices[i].code;
      }

  return NULL;
}

const char *
korak_csv_boolean_label (gboolean value)
{
  /* Translators: a yes/no cell of an exported spreadsheet; the import reads it back */
  return value ? C_("spreadsheet", "yes") : C_("spreadsheet", "no");
}

/* "1"/"0" as the store keeps booleans; NULL when @value is neither. */
static const char *
parse_boolean (const char *value)
{
  static const char * const yes[] = { "1", "da", "yes", "y", "d", "true", "x", "ja", "potrebuje", NULL };
  static const char * const no[] = { "0", "ne", "no", "n", "false", "nepotrebuje", NULL };
  g_autofree char *key = normalise (value);
  g_autofree char *yes_label = normalise (korak_csv_boolean_label (TRUE));
  g_autofree char *no_label = normalise (korak_csv_boolean_label (FALSE));

  if (g_strv_contains (yes, key) || g_str_equal (key, yes_label))
    return "1";
  if (g_strv_contains (no, key) || g_str_equal (key, no_label))
    return "0";
  return NULL;
}

typedef struct
{
  KorakParticipantRecord *record;
  char                   *error;   /* NULL: good */
} ImportRow;

static void
import_row_free (ImportRow *row)
{
  korak_participant_record_free (row->record);
  g_free (row->error);
  g_free (row);
}

struct _KorakReferralImport
{
  KorakCsv  *csv;
  int       *mapping;    /* per column: field or KORAK_CSV_IGNORE */
  char      *problem;
  GPtrArray *rows;       /* ImportRow* */
  guint      n_invalid;
};

/* A value as typed, spaces around it dropped and the apostrophe that
 * korak_csv_neutralise() adds taken off again. */
static char *
clean_value (const char *value)
{
  char *clean = g_strstrip (g_strdup (value));

  if (clean[0] == '\'' && starts_like_formula (clean + 1))
    memmove (clean, clean + 1, strlen (clean));

  return clean;
}

static char *
convert_value (KorakParticipantField   field,
               const char             *value,
               GError                **error)
{
  const KorakFieldInfo *info = korak_participant_field_info (field);
  const char *code;

  if (*value == '\0')
    return NULL;

  switch (info->kind)
    {
    case KORAK_FIELD_KIND_DATE:
    case KORAK_FIELD_KIND_PAST_DATE:
      {
        char *iso = korak_date_parse (value, error);

        if (iso == NULL)
          g_prefix_error (error, "%s: ", _(info->label));
        return iso;
      }

    case KORAK_FIELD_KIND_BOOLEAN:
      if ((code = parse_boolean (value)) != NULL)
        return g_strdup (code);
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   /* Translators: %s is a field name, then the value in the file */
                   _("%s: “%s” is neither yes nor no."), _(info->label), value);
      return NULL;

    case KORAK_FIELD_KIND_CHOICE:
      if ((code = parse_choice (info->choices, value)) != NULL)
        return g_strdup (code);
      {
        g_autoptr(GString) known = g_string_new (NULL);

        for (guint i = 0; info->choices[i].code != NULL; i++)
          g_string_append_printf (known, "%s%s", i ? ", " : "", _(info->choices[i].label));
        g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                     /* Translators: a field name, the value in the file, then the list of values Korak knows */
                     _("%s: “%s” is not one Korak knows. Use one of: %s."), _(info->label), value, known->str);
      }
      return NULL;

    default:
      return g_strdup (value);
    }
}

/* Values shown in messages are cut short: a hostile file may hold a
 * megabyte in one cell. */
static void
shorten_message (char **message)
{
  if (g_utf8_strlen (*message, -1) > 400)
    {
      char *end = g_utf8_offset_to_pointer (*message, 400);
      g_autofree char *start = g_strndup (*message, end - *message);

      g_free (*message);
      *message = g_strconcat (start, "…", NULL);
    }
}

static ImportRow *
check_row (KorakReferralImport *self,
           guint                row)
{
  ImportRow *result = g_new0 (ImportRow, 1);
  g_autoptr(GString) errors = g_string_new (NULL);
  gboolean reported[KORAK_N_FIELDS] = { FALSE };
  guint n_columns = korak_csv_get_n_columns (self->csv);
  guint length = korak_csv_get_row_length (self->csv, row);

  result->record = korak_participant_record_new ();

  if (length > n_columns)
    {
      g_autofree char *separator = self->csv->separator == '\t' ? g_strdup (_("tab"))
                                                                 : g_strdup_printf ("%c", self->csv->separator);

      g_string_append_printf (errors,
                              /* Translators: the numbers of values and columns, then the separator (; , or tab) */
                              _("This line has more values (%u) than the header has columns (%u): "
                                "a value with a %s in it may be missing its quotes."),
                              length, n_columns, separator);
    }

  for (guint column = 0; column < n_columns; column++)
    {
      int field = self->mapping[column];
      g_autofree char *value = NULL;
      g_autofree char *converted = NULL;
      g_autoptr(GError) error = NULL;

      if (field == KORAK_CSV_IGNORE)
        continue;

      value = clean_value (korak_csv_get_value (self->csv, row, column));
      converted = convert_value (field, value, &error);
      if (error != NULL)
        {
          if (!reported[field])
            {
              char *message = g_strdup (error->message);

              shorten_message (&message);
              g_string_append_printf (errors, "%s%s", errors->len ? " " : "", message);
              g_free (message);
            }
          reported[field] = TRUE;
          continue;
        }
      korak_participant_record_set (result->record, field, converted);
    }

  if (korak_participant_record_get (result->record, KORAK_FIELD_STATUS)[0] == '\0' && !reported[KORAK_FIELD_STATUS])
    korak_participant_record_set (result->record, KORAK_FIELD_STATUS, "referred");

  for (guint field = 0; field < KORAK_N_FIELDS; field++)
    {
      g_autoptr(GError) error = NULL;

      if (reported[field])
        continue;
      if (!korak_participant_field_validate (field, result->record->values[field], &error))
        {
          char *message = g_strdup (error->message);

          shorten_message (&message);
          g_string_append_printf (errors, "%s%s", errors->len ? " " : "", message);
          g_free (message);
        }
    }

  if (errors->len > 0)
    result->error = g_string_free (g_steal_pointer (&errors), FALSE);

  return result;
}

static void
check_all (KorakReferralImport *self)
{
  guint n_columns = korak_csv_get_n_columns (self->csv);
  guint n_rows = korak_csv_get_n_rows (self->csv);
  int given_by[KORAK_N_FIELDS];

  g_clear_pointer (&self->problem, g_free);
  for (guint f = 0; f < KORAK_N_FIELDS; f++)
    given_by[f] = -1;

  for (guint column = 0; column < n_columns && self->problem == NULL; column++)
    {
      int field = self->mapping[column];

      if (field == KORAK_CSV_IGNORE)
        continue;
      if (given_by[field] >= 0)
        self->problem = g_strdup_printf (_("Two columns are set to “%s”. Set it for one column only."),
                                         _(korak_participant_field_info (field)->label));
      given_by[field] = column;
    }

  for (guint f = 0; f < KORAK_N_FIELDS && self->problem == NULL; f++)
    if (f != KORAK_FIELD_STATUS && korak_participant_field_info (f)->required && given_by[f] < 0)
      self->problem = g_strdup_printf (_("No column is set to “%s”, which every participant needs. "
                                         "Choose the column that holds it."),
                                       _(korak_participant_field_info (f)->label));

  if (self->problem == NULL && n_rows == 0)
    self->problem = g_strdup (_("The file has a header line but no one to import."));

  g_ptr_array_set_size (self->rows, 0);
  self->n_invalid = 0;
  for (guint row = 0; row < n_rows; row++)
    {
      ImportRow *checked = check_row (self, row);

      if (checked->error != NULL)
        self->n_invalid++;
      g_ptr_array_add (self->rows, checked);
    }
}

KorakReferralImport *
korak_referral_import_new (KorakCsv *csv)
{
  KorakReferralImport *self;
  gboolean taken[KORAK_N_FIELDS] = { FALSE };
  guint n_columns;

  g_return_val_if_fail (csv != NULL, NULL);

  self = g_new0 (KorakReferralImport, 1);
  self->csv = csv;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);

  n_columns = korak_csv_get_n_columns (csv);
  self->mapping = g_new (int, MAX (n_columns, 1));
  for (guint column = 0; column < n_columns; column++)
    {
      int field = korak_csv_guess_field (korak_csv_get_header (csv, column));

      if (field != KORAK_CSV_IGNORE && taken[field])
        field = KORAK_CSV_IGNORE;
      if (field != KORAK_CSV_IGNORE)
        taken[field] = TRUE;
      self->mapping[column] = field;
    }

  check_all (self);

  return self;
}

void
korak_referral_import_free (KorakReferralImport *import)
{
  if (import == NULL)
    return;

  korak_csv_free (import->csv);
  g_free (import->mapping);
  g_free (import->problem);
  g_ptr_array_unref (import->rows);
  g_free (import);
}

const KorakCsv *
korak_referral_import_get_csv (KorakReferralImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->csv;
}

int
korak_referral_import_get_mapping (KorakReferralImport *import,
                                   guint                column)
{
  g_return_val_if_fail (import != NULL, KORAK_CSV_IGNORE);
  g_return_val_if_fail (column < korak_csv_get_n_columns (import->csv), KORAK_CSV_IGNORE);

  return import->mapping[column];
}

void
korak_referral_import_set_mapping (KorakReferralImport *import,
                                   guint                column,
                                   int                  field)
{
  g_return_if_fail (import != NULL);
  g_return_if_fail (column < korak_csv_get_n_columns (import->csv));
  g_return_if_fail (field == KORAK_CSV_IGNORE || (field >= 0 && field < KORAK_N_FIELDS));

  if (import->mapping[column] == field)
    return;

  import->mapping[column] = field;
  check_all (import);
}

const char *
korak_referral_import_get_problem (KorakReferralImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->problem;
}

guint
korak_referral_import_get_n_rows (KorakReferralImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->rows->len;
}

guint
korak_referral_import_get_n_invalid (KorakReferralImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_invalid;
}

guint
korak_referral_import_get_line (KorakReferralImport *import,
                                guint                row)
{
  g_return_val_if_fail (import != NULL, 0);
  return korak_csv_get_line (import->csv, row);
}

const char *
korak_referral_import_get_row_error (KorakReferralImport *import,
                                     guint                row)
{
  g_return_val_if_fail (import != NULL, NULL);
  g_return_val_if_fail (row < import->rows->len, NULL);

  return ((ImportRow *) g_ptr_array_index (import->rows, row))->error;
}

const KorakParticipantRecord *
korak_referral_import_get_record (KorakReferralImport *import,
                                  guint                row)
{
  g_return_val_if_fail (import != NULL, NULL);
  g_return_val_if_fail (row < import->rows->len, NULL);

  return ((ImportRow *) g_ptr_array_index (import->rows, row))->record;
}

gboolean
korak_referral_import_is_ready (KorakReferralImport *import)
{
  g_return_val_if_fail (import != NULL, FALSE);

  return import->problem == NULL && import->n_invalid == 0 && import->rows->len > 0;
}

gboolean
korak_referral_import_apply (KorakReferralImport  *import,
                             KorakStore           *store,
                             guint                *n_imported,
                             GError              **error)
{
  g_autoptr(GPtrArray) records = NULL;
  guint failed = G_MAXUINT;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  if (import->problem != NULL)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID, import->problem);
      return FALSE;
    }
  if (import->n_invalid > 0)
    {
      g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u line of the file cannot be imported. Correct it in the file and choose it again: "
                                "nothing is imported until every line is right.",
                                "%u lines of the file cannot be imported. Correct them in the file and choose it again: "
                                "nothing is imported until every line is right.",
                                import->n_invalid),
                   import->n_invalid);
      return FALSE;
    }

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) korak_participant_record_free);
  for (guint row = 0; row < import->rows->len; row++)
    {
      KorakParticipantRecord *record = korak_participant_record_copy (korak_referral_import_get_record (import, row));

      record->id = 0;
      record->cohort_id = 0;
      g_ptr_array_add (records, record);
    }

  if (!korak_store_insert_participants (store, records, &failed, error))
    {
      if (failed < import->rows->len)
        g_prefix_error (error, _("Line %u: "), korak_csv_get_line (import->csv, failed));
      g_prefix_error (error, "%s ", _("Nothing was imported."));
      return FALSE;
    }

  if (n_imported != NULL)
    *n_imported = records->len;
  return TRUE;
}
