/* korak-demo-links.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-demo-links"

#include "config.h"

#include "korak-demo-private.h"
#include "korak-notes.h"
#include "korak-store-private.h"

/* Sample data for goals and small wins translated through the notes
 * workflow (korak-note-links.h), and a few typed translations of the
 * seeded scales' words (korak-scales.h), in the languages of the sample
 * participants who need a mediator most: Arabic, Albanian, Bosnian. */

typedef struct
{
  const char *original;   /* as korak-demo.c writes it */
  const char *ar, *sq, *bs;
} DemoText;

static const DemoText goal_texts[] = {
  { "Sama opravi klic na urad",
    "تتصل بالمكتب الحكومي بنفسها", "Telefonon vetë në zyrë", "Sama obavi poziv u ured" },
  { "Samostojno izpolni vlogo za denarno pomoč",
    "تملأ طلب المساعدة المالية بنفسها", "Plotëson vetë kërkesën për ndihmë financiare",
    "Samostalno popuni zahtjev za novčanu pomoć" },
  { "Najde delovno prakso",
    "تجد تدريبًا عمليًا في مكان عمل", "Gjen një praktikë pune", "Pronađe praksu na radnom mjestu" },
  { "Opravi izpit iz slovenščine A2",
    "تنجح في امتحان اللغة السلوفينية بمستوى A2", "Kalon provimin e gjuhës sllovene A2",
    "Položi ispit iz slovenskog jezika A2" },
  { "Vpis v program za odrasle",
    "التسجيل في برنامج لتعليم الكبار", "Regjistrohet në një program për të rritur",
    "Upis u program obrazovanja odraslih" },
  { "Odpre bančni račun in spletno banko",
    "تفتح حسابًا مصرفيًا وتستخدم الخدمات المصرفية عبر الإنترنت", "Hap llogari bankare dhe bankë online",
    "Otvori bankovni račun i internet bankarstvo" },
  { "Pogovor v skupini brez tolmača",
    "تتحدث في المجموعة دون مترجم", "Bisedë në grup pa përkthyes", "Razgovor u grupi bez prevodioca" },
};

static const DemoText win_texts[] = {
  { "Prvič sama poklicala zdravnika",
    "اتصلت بالطبيب بنفسها لأول مرة", "Për herë të parë telefonoi vetë mjekun", "Prvi put sama nazvala doktora" },
  { "Sama izpolnila obrazec na upravni enoti",
    "ملأت الاستمارة في الوحدة الإدارية بنفسها", "Plotësoi vetë formularin në njësinë administrative",
    "Sama popunila obrazac u upravnoj jedinici" },
  { "Pohvala delodajalca na praksi",
    "مدح صاحب العمل أثناء التدريب", "Lavdërim nga punëdhënësi në praktikë", "Pohvala poslodavca na praksi" },
  { "Prvič uporabila spletno banko",
    "استخدمت الخدمات المصرفية عبر الإنترنت لأول مرة", "Për herë të parë përdori bankën online",
    "Prvi put koristila internet bankarstvo" },
};

/* The seeded English descriptions (korak-scales.c) of Digital skills. */
static const DemoText band_texts[] = {
  { "Uses a phone for calls only.",
    "تستخدم الهاتف للمكالمات فقط.", "E përdor telefonin vetëm për thirrje.", "Telefon koristi samo za pozive." },
  { "Sends messages and photos; opens a web page with help.",
    "ترسل الرسائل والصور؛ تفتح صفحة إنترنت بمساعدة.", "Dërgon mesazhe dhe foto; hap një faqe interneti me ndihmë.",
    "Šalje poruke i fotografije; otvara web stranicu uz pomoć." },
  { "Writes e-mails and finds information online.",
    "تكتب رسائل البريد الإلكتروني وتجد المعلومات على الإنترنت.", "Shkruan email-e dhe gjen informacion në internet.",
    "Piše e-mailove i pronalazi informacije na internetu." },
  { "Uses e-government services without help.",
    "تستخدم خدمات الحكومة الإلكترونية دون مساعدة.", "Përdor shërbimet e qeverisë elektronike pa ndihmë.",
    "Koristi usluge e-uprave bez pomoći." },
};

static const char *
text_in (const DemoText *text,
         const char     *tag)
{
  if (g_strcmp0 (tag, "ar") == 0)
    return text->ar;
  if (g_strcmp0 (tag, "sq") == 0)
    return text->sq;
  if (g_strcmp0 (tag, "bs") == 0)
    return text->bs;
  return NULL;
}

static const DemoText *
find_text (const DemoText *texts,
           guint           n,
           const char     *original)
{
  for (guint i = 0; original != NULL && i < n; i++)
    if (g_str_equal (texts[i].original, original))
      return &texts[i];
  return NULL;
}

typedef struct
{
  KorakStore   *store;
  GRand        *rng;
  GHashTable   *tags;          /* mother tongue as written → tag or "" */
  gint64        mediators[2];  /* Albanian, Arabic and Bosnian */
  sqlite3_stmt *note;
  sqlite3_stmt *translation;
} Links;

static const char *
tag_of (Links      *links,
        const char *mother_tongue)
{
  const char *tag;

  if (mother_tongue == NULL)
    return NULL;
  if (!(tag = g_hash_table_lookup (links->tags, mother_tongue)))
    {
      char *found = korak_language_from_text (mother_tongue);

      tag = found ? found : g_strdup ("");
      g_hash_table_insert (links->tags, g_strdup (mother_tongue), (char *)tag);
    }
  return *tag ? tag : NULL;
}

static gint64
mediator_for (Links      *links,
              const char *tag)
{
  return g_str_equal (tag, "sq") ? links->mediators[0] : links->mediators[1];
}

/* A linked note and its translation: most reviewed, some still waiting. */
static gboolean
insert_link (Links       *links,
             const char  *column,
             gint64       row_id,
             gint64       participant_id,
             const char  *date,
             const char  *original,
             const char  *tag,
             const char  *translated,
             GError     **error)
{
  gboolean reviewed = g_rand_double (links->rng) < 0.8;
  gint64 mediator = mediator_for (links, tag);
  gint64 note_id, translation_id;

  sqlite3_bind_int64 (links->note, 2, participant_id);
  korak_bind_text (links->note, 3, date);
  korak_bind_text (links->note, 4, original);
  sqlite3_bind_int64 (links->note, 5, row_id);
  sqlite3_bind_text (links->note, 6, column, -1, SQLITE_STATIC);
  if (!korak_store_insert_with_id (links->store, links->note, &note_id, error))
    return FALSE;

  sqlite3_bind_int64 (links->translation, 2, note_id);
  korak_bind_text (links->translation, 3, tag);
  korak_bind_text (links->translation, 4, translated);
  korak_bind_text (links->translation, 5, reviewed ? KORAK_TRANSLATION_REVIEWED : KORAK_TRANSLATION_NEEDS_REVIEW);
  if (mediator != 0)
    sqlite3_bind_int64 (links->translation, 6, mediator);
  else
    sqlite3_bind_null (links->translation, 6);
  sqlite3_bind_int (links->translation, 7, reviewed);
  return korak_store_insert_with_id (links->store, links->translation, &translation_id, error);
}

static gboolean
insert_band_translations (Links   *links,
                          GError **error)
{
  static const char * const tags[] = { "ar", "sq", "bs" };
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (links->store,
                                    "INSERT OR IGNORE INTO competency_band_translation (id, band_id, language, text) "
                                    "SELECT ?1, b.id, ?3, ?4 FROM competency_band b WHERE b.description = ?2", error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (band_texts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (tags); j++)
      {
        gint64 id;

        korak_bind_text (stmt, 2, band_texts[i].original);
        korak_bind_text (stmt, 3, tags[j]);
        korak_bind_text (stmt, 4, text_in (&band_texts[i], tags[j]));
        if (!korak_store_insert_with_id (links->store, stmt, &id, error))
          return FALSE;
      }
  return TRUE;
}

gboolean
korak_demo_insert_links (KorakStore  *store,
                         guint32      seed,
                         GError     **error)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed ^ 0x11c4ed5u);
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Links links = { store, rng, tags, { 0, 0 }, NULL, NULL };
  gint64 started = g_get_monotonic_time ();
  sqlite3_stmt *stmt;
  int rc;

  /* The mediators who would have reviewed them. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT (SELECT id FROM staff WHERE role = 'mediator' AND languages LIKE '%alban%' ORDER BY id LIMIT 1), "
                                    "       (SELECT id FROM staff WHERE role = 'mediator' AND languages LIKE '%arab%' ORDER BY id LIMIT 1)",
                                    error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      links.mediators[0] = sqlite3_column_int64 (stmt, 0);
      links.mediators[1] = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return FALSE;

  /* ?6 names the link column: one statement for both kinds. */
  if (!(links.note = korak_store_prepare (store,
                                          "INSERT INTO note (id, participant_id, date, language, text, goal_id, journal_entry_id) "
                                          "VALUES (?1, ?2, ?3, 'sl', ?4, CASE WHEN ?6 = 'goal_id' THEN ?5 END, "
                                          "        CASE WHEN ?6 = 'journal_entry_id' THEN ?5 END)", error)) ||
      !(links.translation = korak_store_prepare (store,
                                                 "INSERT INTO note_translation (id, note_id, language, text, review_state, "
                                                 "translator_id, reviewer_id, reviewed_at, submitted_at, version) "
                                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?7 THEN ?6 END, "
                                                 "        CASE WHEN ?7 THEN strftime('%Y-%m-%dT%H:%M:%SZ','now') END, "
                                                 "        strftime('%Y-%m-%dT%H:%M:%fZ','now'), 1)",
                                                 error)))
    return FALSE;

  /* Goals: every goal of a participant whose mother tongue is one of the
   * three. The statements above are cached; this one is stepped while
   * they insert into other tables. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT g.id, g.description, pa.mother_tongue, pl.participant_id, "
                                    "       coalesce(pl.agreed_date, date('now')) "
                                    "FROM goal g JOIN plan pl ON pl.id = g.plan_id "
                                    "JOIN participant pa ON pa.id = pl.participant_id "
                                    "WHERE pa.mother_tongue IS NOT NULL AND pa.needs_mediator = 1 ORDER BY g.id", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *description = (const char *)sqlite3_column_text (stmt, 1);
      const char *tag = tag_of (&links, (const char *)sqlite3_column_text (stmt, 2));
      const DemoText *text = find_text (goal_texts, G_N_ELEMENTS (goal_texts), description);

      if (tag == NULL || text == NULL || text_in (text, tag) == NULL)
        continue;
      if (!insert_link (&links, "goal_id", sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 3),
                        (const char *)sqlite3_column_text (stmt, 4), description, tag, text_in (text, tag), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return FALSE;

  /* Small wins: about half of those we have words for. */
  if (!(stmt = korak_store_prepare (store,
                                    "SELECT j.id, j.text, pa.mother_tongue, j.participant_id, j.date "
                                    "FROM journal_entry j JOIN participant pa ON pa.id = j.participant_id "
                                    "WHERE j.kind = 'small_win' AND pa.mother_tongue IS NOT NULL AND pa.needs_mediator = 1 "
                                    "ORDER BY j.id", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *entry = (const char *)sqlite3_column_text (stmt, 1);
      const char *tag = tag_of (&links, (const char *)sqlite3_column_text (stmt, 2));
      const DemoText *text = find_text (win_texts, G_N_ELEMENTS (win_texts), entry);

      if (tag == NULL || text == NULL || text_in (text, tag) == NULL || g_rand_boolean (rng))
        continue;
      if (!insert_link (&links, "journal_entry_id", sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 3),
                        (const char *)sqlite3_column_text (stmt, 4), entry, tag, text_in (text, tag), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (store, rc, error))
    return FALSE;

  if (!insert_band_translations (&links, error))
    return FALSE;
  g_debug ("Linked notes for goals and small wins in %.2f s",
           (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);
  return TRUE;
}
