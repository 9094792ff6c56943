/* korak-demo.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "korak-date.h"
#include "korak-demo.h"
#include "korak-demo-private.h"
#include "korak-notes.h"
#include "korak-participant-record.h"
#include "korak-plan.h"
#include "korak-schedule-private.h"
#include "korak-store-private.h"

/*
 * A realistic data set for trying Korak, for screenshots and for
 * benchmarks: one organisation in Gorenjska with sites there and in
 * Štajerska, its staff, two programmes, their cohorts with modules,
 * participants with enrolments, each cohort's weekly timetable with the
 * sessions it makes, and attendance for the sessions already held.
 *
 * Everything is drawn from one GRand seeded by the caller, in a fixed
 * order, so the same seed and reference date give the same content. The
 * rows are written with raw prepared statements in one transaction, not
 * through korak_store_insert_participant(), and with the audit triggers
 * turned off (korak_store_set_audit_enabled()): sample data is nobody's
 * data entry, and a million audit entries would make generating 10,000
 * people seven times slower and the file three times larger. Each
 * participant is still checked with korak_participant_record_validate().
 *
 * The content is Slovenian on purpose: it is sample data, not interface
 * text, so none of it is translated.
 */

#define COHORT_SIZE         45
#define N_MODULES           3
#define ENROLLED_SHARE      0.9
#define HISTORY_DAYS        720.0

/* ------------------------------------------------------------------ data */

typedef struct
{
  const char *kind;
  guint       weeks;
} DemoModule;

typedef struct
{
  const char *name;
  const char *target_group;
  guint       required_hours;
  DemoModule  modules[N_MODULES];
} DemoProgramme;

enum {
  PROGRAMME_MIGRANT_WOMEN,
  PROGRAMME_LONG_TERM,
  N_PROGRAMMES
};

static const DemoProgramme programmes[N_PROGRAMMES] = {
  [PROGRAMME_MIGRANT_WOMEN] = {
    "Socialna aktivacija – ženske iz drugih kulturnih okolij", "migrant_women", 480,
    { { "workshops", 12 }, { "work_practice", 8 }, { "exit_search", 4 } } },
  [PROGRAMME_LONG_TERM] = {
    "Socialna aktivacija – dolgotrajno brezposelni in prejemniki denarne socialne pomoči",
    "long_term_unemployed", 640,
    { { "workshops", 16 }, { "work_practice", 12 }, { "exit_search", 8 } } },
};

typedef enum
{
  REGION_GORENJSKA,
  REGION_STAJERSKA,
} Region;

typedef struct
{
  const char *name;
  const char *post;      /* postal code and post office */
  Region      region;
  gboolean    is_site;   /* the organisation runs cohorts here */
} Municipality;

static const Municipality municipalities[] = {
  { "Kranj",                     "4000 Kranj",                    REGION_GORENJSKA, TRUE },
  { "Jesenice",                  "4270 Jesenice",                 REGION_GORENJSKA, TRUE },
  { "Škofja Loka",               "4220 Škofja Loka",              REGION_GORENJSKA, TRUE },
  { "Radovljica",                "4240 Radovljica",               REGION_GORENJSKA, TRUE },
  { "Tržič",                     "4290 Tržič",                    REGION_GORENJSKA, TRUE },
  { "Bled",                      "4260 Bled",                     REGION_GORENJSKA },
  { "Žirovnica",                 "4274 Žirovnica",                REGION_GORENJSKA },
  { "Naklo",                     "4202 Naklo",                    REGION_GORENJSKA },
  { "Šenčur",                    "4208 Šenčur",                   REGION_GORENJSKA },
  { "Cerklje na Gorenjskem",     "4207 Cerklje na Gorenjskem",    REGION_GORENJSKA },
  { "Kranjska Gora",             "4280 Kranjska Gora",            REGION_GORENJSKA },
  { "Gorenja vas - Poljane",     "4224 Gorenja vas",              REGION_GORENJSKA },
  { "Železniki",                 "4228 Železniki",                REGION_GORENJSKA },
  { "Bohinj",                    "4264 Bohinjska Bistrica",       REGION_GORENJSKA },
  { "Preddvor",                  "4205 Preddvor",                 REGION_GORENJSKA },
  { "Gorje",                     "4247 Zgornje Gorje",            REGION_GORENJSKA },
  { "Žiri",                      "4226 Žiri",                     REGION_GORENJSKA },
  { "Maribor",                   "2000 Maribor",                  REGION_STAJERSKA, TRUE },
  { "Ptuj",                      "2250 Ptuj",                     REGION_STAJERSKA, TRUE },
  { "Celje",                     "3000 Celje",                    REGION_STAJERSKA, TRUE },
  { "Slovenska Bistrica",        "2310 Slovenska Bistrica",       REGION_STAJERSKA, TRUE },
  { "Velenje",                   "3320 Velenje",                  REGION_STAJERSKA, TRUE },
  { "Ormož",                     "2270 Ormož",                    REGION_STAJERSKA, TRUE },
  { "Slovenske Konjice",         "3210 Slovenske Konjice",        REGION_STAJERSKA, TRUE },
  { "Ruše",                      "2342 Ruše",                     REGION_STAJERSKA },
  { "Lenart",                    "2230 Lenart v Slovenskih goricah", REGION_STAJERSKA },
  { "Šentjur",                   "3230 Šentjur",                  REGION_STAJERSKA },
  { "Žalec",                     "3310 Žalec",                    REGION_STAJERSKA },
  { "Rogaška Slatina",           "3250 Rogaška Slatina",          REGION_STAJERSKA },
  { "Kidričevo",                 "2325 Kidričevo",                REGION_STAJERSKA },
  { "Hoče - Slivnica",           "2311 Hoče",                     REGION_STAJERSKA },
  { "Miklavž na Dravskem polju", "2204 Miklavž na Dravskem polju", REGION_STAJERSKA },
  { "Šoštanj",                   "3325 Šoštanj",                  REGION_STAJERSKA },
  { "Laško",                     "3270 Laško",                    REGION_STAJERSKA },
  { "Poljčane",                  "2319 Poljčane",                 REGION_STAJERSKA },
  { "Majšperk",                  "2322 Majšperk",                 REGION_STAJERSKA },
};

static const char * const streets[] = {
  "Prešernova ulica", "Cankarjeva ulica", "Trubarjeva cesta", "Gregorčičeva ulica",
  "Kidričeva cesta", "Tomšičeva ulica", "Partizanska cesta", "Ljubljanska cesta",
  "Cesta svobode", "Slovenska ulica", "Šolska ulica", "Vrtna ulica", "Koroška cesta",
  "Ulica heroja Staneta", "Mladinska ulica", "Cesta talcev", "Kolodvorska ulica",
  "Aškerčeva ulica", "Levstikova ulica", "Gubčeva ulica", "Ob potoku", "Pod gozdom",
  "Titova cesta", "Mariborska cesta", "Ulica bratov Učakar", "Sončna pot",
};

typedef struct
{
  const char *given_name;
  const char *family_name;
  const char *role;
  const char *languages;
  const char *email;
  const char *phone;
} DemoStaff;

enum { N_MENTORS = 3, FIRST_MEDIATOR = 3, N_MEDIATORS = 2 };

static const DemoStaff staff[] = {
  { "Mateja", "Kern",     "mentor",      "slovenščina, angleščina",
    "mateja.kern@drustvo-korak.si",     "+386 41 552 310" },
  { "Tadej",  "Vidmar",   "mentor",      "slovenščina, nemščina, hrvaščina",
    "tadej.vidmar@drustvo-korak.si",    "+386 40 219 874" },
  { "Nina",   "Kolar",    "mentor",      "slovenščina, angleščina, italijanščina",
    "nina.kolar@drustvo-korak.si",      "+386 31 604 227" },
  { "Ardita", "Berisha",  "mediator",    "albanščina, romščina, srbščina, slovenščina",
    "ardita.berisha@drustvo-korak.si",  "+386 41 873 065" },
  { "Lejla",  "Begović",  "mediator",    "arabščina, bosanščina, angleščina, slovenščina",
    "lejla.begovic@drustvo-korak.si",   "+386 40 390 512" },
  { "Andreja", "Zupančič", "coordinator", "slovenščina, angleščina, nemščina",
    "andreja.zupancic@drustvo-korak.si", "+386 4 281 15 40" },
};

/* Names. Arabic lists have a parallel list in Arabic script: some people
 * are registered in the script of their documents, others transliterated. */

static const char * const slovenian_family[] = {
  "Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik", "Kovač", "Mlakar",
  "Kos", "Vidmar", "Golob", "Turk", "Božič", "Kralj", "Korošec", "Zupan", "Bizjak",
  "Hribar", "Kotnik", "Kavčič", "Rozman", "Kastelic", "Oblak", "Žagar", "Petek",
  "Čebašek", "Kolar", "Košir", "Koren", "Zajc", "Medved", "Jereb", "Pintar", "Kern",
  "Tomažič", "Bernik", "Dolenc", "Sušnik", "Kalan", "Jenko", "Šubic", "Pečnik",
};
static const char * const slovenian_female[] = {
  "Ana", "Marija", "Mojca", "Irena", "Nina", "Maja", "Mateja", "Barbara", "Andreja",
  "Petra", "Tanja", "Katja", "Nataša", "Urška", "Špela", "Darja", "Alenka", "Vesna",
  "Metka", "Jožica", "Anamarija", "Tjaša", "Sabina", "Nada", "Milena", "Zdenka",
};
static const char * const slovenian_male[] = {
  "Franc", "Janez", "Marko", "Anton", "Jože", "Andrej", "Boštjan", "Matej", "Rok",
  "Gregor", "Primož", "Tomaž", "Aleš", "Bojan", "Dušan", "Stanko", "Uroš", "Žiga",
};
static const char * const slovenian_other[] = {
  "angleščina", "nemščina", "hrvaščina", "angleščina, nemščina", "italijanščina",
};

static const char * const croatian_family[] = {
  "Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Knežević", "Vuković",
  "Marković", "Petrović", "Pavlović", "Božić", "Tomić", "Perić",
};
static const char * const croatian_female[] = {
  "Ivana", "Marija", "Ana", "Snježana", "Željka", "Kristina", "Mirjana", "Dragica",
  "Ankica", "Vesna",
};
static const char * const croatian_male[] = {
  "Josip", "Ivan", "Marko", "Tomislav", "Zoran", "Dražen", "Stjepan",
};
static const char * const croatian_other[] = {
  "slovenščina", "slovenščina, nemščina", "srbščina, slovenščina", "angleščina",
};

static const char * const bosnian_family[] = {
  "Hodžić", "Begović", "Mehmedović", "Hadžić", "Delić", "Hasanović", "Alić", "Karić",
  "Muminović", "Omerović", "Ibrahimović", "Husić", "Salkić", "Mujić", "Suljić",
};
static const char * const bosnian_female[] = {
  "Amra", "Selma", "Emina", "Aida", "Lejla", "Senada", "Azra", "Mirsada", "Elma",
  "Alma", "Edina", "Merima", "Jasmina", "Fatima", "Ana",
};
static const char * const bosnian_male[] = {
  "Mirsad", "Edin", "Amir", "Haris", "Senad", "Adnan", "Emir", "Nermin", "Samir",
};
static const char * const bosnian_other[] = {
  "srbščina, hrvaščina", "slovenščina (osnovno)", "nemščina", "hrvaščina, slovenščina",
};

static const char * const albanian_family[] = {
  "Krasniqi", "Berisha", "Gashi", "Hoxha", "Morina", "Shala", "Bytyqi", "Kelmendi",
  "Rexhepi", "Zeqiri", "Hasani", "Ahmeti", "Sadiku", "Osmani", "Mustafa",
};
static const char * const albanian_female[] = {
  "Arta", "Blerta", "Drita", "Fatime", "Shqipe", "Valbona", "Lirije", "Mimoza", "Besa",
  "Teuta", "Vjosa", "Merita", "Hava", "Shpresa", "Liridona",
};
static const char * const albanian_male[] = {
  "Arben", "Driton", "Fatmir", "Besnik", "Agron", "Ilir", "Bekim", "Valon",
};
static const char * const albanian_other[] = {
  "srbščina", "nemščina", "angleščina", "makedonščina", "slovenščina (osnovno)",
};

static const char * const arabic_family[] = {
  "Al-Hassan", "Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Al-Ahmad",
  "Darwish", "Hamdan", "Youssef", "Al-Khatib", "Ibrahim",
};
static const char * const arabic_family_script[] = {
  "الحسن", "حداد", "خليل", "منصور", "ناصر", "صالح", "الأحمد",
  "درويش", "حمدان", "يوسف", "الخطيب", "إبراهيم",
};
static const char * const arabic_female[] = {
  "Fatima", "Amina", "Mariam", "Aisha", "Noor", "Layla", "Zainab", "Huda", "Rana",
  "Salma", "Yasmin", "Hanan",
};
static const char * const arabic_female_script[] = {
  "فاطمة", "أمينة", "مريم", "عائشة", "نور", "ليلى", "زينب", "هدى", "رنا",
  "سلمى", "ياسمين", "حنان",
};
static const char * const arabic_male[] = {
  "Ahmad", "Omar", "Yusuf", "Khaled", "Mahmoud", "Hassan", "Ali", "Samir",
};
static const char * const arabic_male_script[] = {
  "أحمد", "عمر", "يوسف", "خالد", "محمود", "حسن", "علي", "سمير",
};
static const char * const arabic_other[] = {
  "angleščina", "francoščina", "turščina", "kurdščina", "angleščina, francoščina",
};

static const char * const roma_family[] = {
  "Hudorovac", "Hudorovič", "Brajdič", "Šarkezi", "Baranja", "Horvat", "Kovačič",
  "Levačič", "Kalanj", "Balog", "Jurkovič", "Rudaš",
};
static const char * const roma_female[] = {
  "Silva", "Marija", "Mirjana", "Snežana", "Sanela", "Renata", "Damjana", "Jasmina",
  "Elvisa", "Nevenka", "Romana", "Sonja", "Brigita",
};
static const char * const roma_male[] = {
  "Darko", "Dejan", "Robert", "Srečko", "Zvonko", "Danijel", "Marjan",
};
static const char * const roma_other[] = {
  "slovenščina", "hrvaščina, slovenščina", "slovenščina, srbščina",
};

G_STATIC_ASSERT (G_N_ELEMENTS (arabic_family) == G_N_ELEMENTS (arabic_family_script));
G_STATIC_ASSERT (G_N_ELEMENTS (arabic_female) == G_N_ELEMENTS (arabic_female_script));
G_STATIC_ASSERT (G_N_ELEMENTS (arabic_male) == G_N_ELEMENTS (arabic_male_script));

#define NAMES(list) list, G_N_ELEMENTS (list)

typedef struct
{
  const char         *mother_tongue;
  double              weight;
  double              female_share;
  double              needs_mediator;
  double              script_share;      /* registered in their own script */
  const char * const *family;
  guint               n_family;
  const char * const *female;
  guint               n_female;
  const char * const *male;
  guint               n_male;
  const char * const *other_languages;
  guint               n_other_languages;
} Background;

enum {
  BACKGROUND_SLOVENIAN,
  BACKGROUND_CROATIAN,
  BACKGROUND_BOSNIAN,
  BACKGROUND_ALBANIAN,
  BACKGROUND_ARABIC,
  BACKGROUND_ROMA,
  N_BACKGROUNDS
};

static const Background backgrounds[N_BACKGROUNDS] = {
  [BACKGROUND_SLOVENIAN] = { "slovenščina", 0.42, 0.55, 0.0,  0.0,
                             NAMES (slovenian_family), NAMES (slovenian_female),
                             NAMES (slovenian_male), NAMES (slovenian_other) },
  [BACKGROUND_CROATIAN]  = { "hrvaščina",   0.07, 0.75, 0.08, 0.0,
                             NAMES (croatian_family), NAMES (croatian_female),
                             NAMES (croatian_male), NAMES (croatian_other) },
  [BACKGROUND_BOSNIAN]   = { "bosanščina",  0.14, 0.85, 0.45, 0.0,
                             NAMES (bosnian_family), NAMES (bosnian_female),
                             NAMES (bosnian_male), NAMES (bosnian_other) },
  [BACKGROUND_ALBANIAN]  = { "albanščina",  0.13, 0.88, 0.85, 0.0,
                             NAMES (albanian_family), NAMES (albanian_female),
                             NAMES (albanian_male), NAMES (albanian_other) },
  [BACKGROUND_ARABIC]    = { "arabščina",   0.11, 0.88, 0.92, 0.35,
                             NAMES (arabic_family), NAMES (arabic_female),
                             NAMES (arabic_male), NAMES (arabic_other) },
  [BACKGROUND_ROMA]      = { "romščina",    0.13, 0.70, 0.35, 0.0,
                             NAMES (roma_family), NAMES (roma_female),
                             NAMES (roma_male), NAMES (roma_other) },
};

static const char * const email_domains[] = {
  "gmail.com", "gmail.com", "gmail.com", "siol.net", "t-2.net", "amis.net",
  "yahoo.com", "hotmail.com", "outlook.com",
};

static const char * const mobile_prefixes[] = {
  "40", "41", "41", "49", "40", "41", "31", "51", "70", "68", "64",
};

static const char * const consent_scopes[] = {
  "Izvajanje programa in poročanje financerju",
  "Izvajanje programa, poročanje financerju in fotografije z delavnic",
  "Izvajanje programa, poročanje financerju in spremljanje po zaključku",
};

static const char * const ngos[] = {
  "Slovenska filantropija", "Rdeči križ Slovenije", "Škofijska karitas", "Društvo Ključ",
};

/* ------------------------------------------------------------- helpers */

typedef struct
{
  guint8  background;
  guint8  female;
  guint8  script;
  guint8  programme;
  guint8  enrolled;
  guint8  target_group;   /* index into korak_participant_target_groups () */
  guint16 family;
  guint16 given;
} Person;

typedef struct
{
  gint64  id;
  guint   programme;
  guint   site;           /* index into municipalities */
  guint   number;         /* the n-th group at this site */
  guint32 start;          /* Julian days */
  guint32 end;
  guint32 module_start[N_MODULES];
  guint32 module_end[N_MODULES];
  gint64  mentor_id;
  gint64  mediator_id;
  gint64  module_id[N_MODULES];
  GArray *members;        /* Member: who is enrolled, for the register */
} Cohort;

typedef struct
{
  gint64   participant_id;
  guint32  person;         /* index into the planned people */
  guint32  start;          /* Julian days, enrolment */
  guint32  end;            /* G_MAXUINT32 while open */
  guint8   tier;           /* Reliability */
  guint8   completed;      /* finished the programme: gets an exit assessment */
} Member;

typedef struct
{
  KorakStore      *store;
  GRand           *rng;
  guint32          seed;
  guint32          today;
  guint32          first_birth;
  guint32          last_birth;
  gint64           staff_ids[G_N_ELEMENTS (staff)];
  gint64           programme_ids[N_PROGRAMMES];
  GArray          *sites;          /* guint, indexes into municipalities */
  GPtrArray       *workers;        /* per site: GPtrArray of char*, CSD then ZRSZ then NGO */
  KorakDemoCounts *counts;
} Demo;

static guint
rand_below (GRand *rng,
            guint  n)
{
  g_assert (n > 0);
  return (guint)g_rand_int_range (rng, 0, (gint32)n);
}

static int
rand_between (GRand *rng,
              int    lo,
              int    hi)
{
  return g_rand_int_range (rng, lo, hi + 1);
}

static gboolean
chance (GRand  *rng,
        double  p)
{
  return g_rand_double (rng) < p;
}

static const char *
pick (GRand              *rng,
      const char * const *list,
      guint               n)
{
  return list[rand_below (rng, n)];
}

#define PICK(rng, list) pick ((rng), (list), G_N_ELEMENTS (list))

static guint
pick_weighted (GRand        *rng,
               const double *weights,
               guint         n)
{
  double total = 0, x;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  x = g_rand_double (rng) * total;
  for (guint i = 0; i < n; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }
  return n - 1;
}

static void
iso_from_julian (guint32  julian,
                 char     out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04u-%02u-%02u",
              (guint)g_date_get_year (&date),
              (guint)g_date_get_month (&date),
              (guint)g_date_get_day (&date));
}

/* A time of day in office hours on @julian, as stored in created_at. */
static void
stamp_from_julian (GRand   *rng,
                   guint32  julian,
                   char     out[21])
{
  char day[11];

  iso_from_julian (julian, day);
  g_snprintf (out, 21, "%sT%02d:%02d:%02dZ", day,
              rand_between (rng, 6, 14), rand_between (rng, 0, 59), rand_between (rng, 0, 59));
}

static guint32
julian_from_iso (const char *iso)
{
  GDate date;
  int y, m, d;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static guint32
monday_on_or_before (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return julian - ((guint32)g_date_get_weekday (&date) - G_DATE_MONDAY);
}

/* Steps an INSERT whose first parameter is a random id; draws again on the
 * very rare clash, as the store does. */
static gboolean
insert_row (Demo          *demo,
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
      sqlite3_reset (stmt);

      if (rc == SQLITE_DONE)
        return TRUE;
      if (rc != SQLITE_CONSTRAINT_PRIMARYKEY || attempt >= 8)
        {
          korak_store_set_error (demo->store, rc, error);
          return FALSE;
        }
    }
}

/* "Krasniqi" → "krasniqi", "Al-Hassan" → "alhassan", "Čebašek" → "cebasek" */
static char *
email_part (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));

  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------- organisation */

static gboolean
insert_organisation (Demo    *demo,
                     GError **error)
{
  sqlite3_stmt *stmt;
  gint64 org_id;

  if (!(stmt = korak_store_prepare (demo->store,
                                    "INSERT INTO organisation (id, name, address, funder_line) "
                                    "VALUES (?1, ?2, ?3, ?4)", error)))
    return FALSE;
  korak_bind_text (stmt, 2, "Društvo Korak, Kranj");
  korak_bind_text (stmt, 3, "Koroška cesta 14, 4000 Kranj");
  korak_bind_text (stmt, 4, "Operacijo sofinancirata Republika Slovenija in Evropska unija "
                      "iz Evropskega socialnega sklada plus");
  if (!insert_row (demo, stmt, &org_id, error))
    return FALSE;
  demo->counts->organisations++;

  if (!(stmt = korak_store_prepare (demo->store,
                                    "UPDATE desk SET organisation_id = ?1, name = ?2, "
                                    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                                    "WHERE is_local = 1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org_id);
  korak_bind_text (stmt, 2, "Društvo Korak – pisarna Kranj");
  if (!korak_store_step_done (demo->store, stmt, error))
    return FALSE;

  if (!(stmt = korak_store_prepare (demo->store,
                                    "INSERT INTO staff (id, given_name, family_name, role, languages, email, phone) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      korak_bind_text (stmt, 2, staff[i].given_name);
      korak_bind_text (stmt, 3, staff[i].family_name);
      korak_bind_text (stmt, 4, staff[i].role);
      korak_bind_text (stmt, 5, staff[i].languages);
      korak_bind_text (stmt, 6, staff[i].email);
      korak_bind_text (stmt, 7, staff[i].phone);
      if (!insert_row (demo, stmt, &demo->staff_ids[i], error))
        return FALSE;
      demo->counts->staff++;
    }

  return TRUE;
}

static char *
module_plan_json (const DemoProgramme *programme)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < N_MODULES; i++)
    g_string_append_printf (json, "%s{\"kind\":\"%s\",\"weeks\":%u}",
                            i ? "," : "", programme->modules[i].kind, programme->modules[i].weeks);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static gboolean
insert_programmes (Demo    *demo,
                   GError **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (demo->store,
                                    "INSERT INTO programme (id, name, target_group, module_plan, required_hours) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    return FALSE;

  for (guint i = 0; i < N_PROGRAMMES; i++)
    {
      g_autofree char *plan = module_plan_json (&programmes[i]);

      korak_bind_text (stmt, 2, programmes[i].name);
      korak_bind_text (stmt, 3, programmes[i].target_group);
      korak_bind_text (stmt, 4, plan);
      sqlite3_bind_int (stmt, 5, (int)programmes[i].required_hours);
      if (!insert_row (demo, stmt, &demo->programme_ids[i], error))
        return FALSE;
      demo->counts->programmes++;
    }

  return TRUE;
}

/* People at the Centres for Social Work, the Employment Service and NGOs who
 * refer participants: a few per site, each referring many. */
static void
make_workers (Demo *demo)
{
  for (guint s = 0; s < demo->sites->len; s++)
    {
      const char *site = municipalities[g_array_index (demo->sites, guint, s)].name;
      GPtrArray *workers = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < 6; i++)
        {
          const char *given = chance (demo->rng, 0.8) ? PICK (demo->rng, slovenian_female)
                                                      : PICK (demo->rng, slovenian_male);
          const char *family = PICK (demo->rng, slovenian_family);

          if (i < 3)
            g_ptr_array_add (workers, g_strdup_printf ("%s %s, CSD %s", given, family, site));
          else if (i < 5)
            g_ptr_array_add (workers, g_strdup_printf ("%s %s, Urad za delo %s", given, family, site));
          else
            g_ptr_array_add (workers, g_strdup_printf ("%s %s, %s", given, family, PICK (demo->rng, ngos)));
        }
      g_ptr_array_add (demo->workers, workers);
    }
}

/* --------------------------------------------------------------- cohorts */

static const char * const month_names[] = {
  "januar", "februar", "marec", "april", "maj", "junij",
  "julij", "avgust", "september", "oktober", "november", "december",
};

static gboolean
insert_cohorts (Demo     *demo,
                Cohort   *cohorts,
                guint     n_cohorts,
                GError  **error)
{
  sqlite3_stmt *cohort_stmt, *module_stmt;

  if (!(cohort_stmt = korak_store_prepare (demo->store,
                                           "INSERT INTO cohort (id, programme_id, name, site, start_date, end_date, "
                                           "mentor_id, mediator_id, created_at, updated_at, updated_by) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)", error)))
    return FALSE;
  if (!(module_stmt = korak_store_prepare (demo->store,
                                           "INSERT INTO module (id, cohort_id, ordinal, kind, start_date, end_date, "
                                           "created_at, updated_at, updated_by) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)", error)))
    return FALSE;

  for (guint j = 0; j < n_cohorts; j++)
    {
      Cohort *c = &cohorts[j];
      const Municipality *site = &municipalities[c->site];
      g_autofree char *name = NULL;
      char start[11], end[11], created[21];
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, c->start);
      name = g_strdup_printf ("%s, skupina %u (%s %u)", site->name, c->number,
                              month_names[g_date_get_month (&date) - 1],
                              (guint)g_date_get_year (&date));
      iso_from_julian (c->start, start);
      iso_from_julian (c->end, end);
      stamp_from_julian (demo->rng, MIN (demo->today, c->start - 30), created);

      sqlite3_bind_int64 (cohort_stmt, 2, demo->programme_ids[c->programme]);
      korak_bind_text (cohort_stmt, 3, name);
      korak_bind_text (cohort_stmt, 4, site->name);
      korak_bind_text (cohort_stmt, 5, start);
      korak_bind_text (cohort_stmt, 6, end);
      sqlite3_bind_int64 (cohort_stmt, 7, c->mentor_id);
      if (c->mediator_id != 0)
        sqlite3_bind_int64 (cohort_stmt, 8, c->mediator_id);
      else
        sqlite3_bind_null (cohort_stmt, 8);
      korak_bind_text (cohort_stmt, 9, created);
      sqlite3_bind_int64 (cohort_stmt, 10, c->mentor_id);
      if (!insert_row (demo, cohort_stmt, &c->id, error))
        return FALSE;
      demo->counts->cohorts++;

      for (guint m = 0; m < N_MODULES; m++)
        {
          gint64 module_id;

          iso_from_julian (c->module_start[m], start);
          iso_from_julian (c->module_end[m], end);
          sqlite3_bind_int64 (module_stmt, 2, c->id);
          sqlite3_bind_int (module_stmt, 3, (int)m + 1);
          korak_bind_text (module_stmt, 4, programmes[c->programme].modules[m].kind);
          korak_bind_text (module_stmt, 5, start);
          korak_bind_text (module_stmt, 6, end);
          korak_bind_text (module_stmt, 7, created);
          sqlite3_bind_int64 (module_stmt, 8, c->mentor_id);
          if (!insert_row (demo, module_stmt, &module_id, error))
            return FALSE;
          c->module_id[m] = module_id;
          demo->counts->modules++;
        }
    }

  return TRUE;
}

/* Lays the cohorts out in time, newest first: the newest starts in two
 * weeks, the others every few days before it, so that most are running,
 * some are finished and one or two are about to start, whatever the size. */
static Cohort *
plan_cohorts (Demo   *demo,
              guint   per_programme[N_PROGRAMMES],
              guint  *n_cohorts_out)
{
  guint n_cohorts = 0, k = 0;
  g_autofree guint *order = NULL;
  g_autofree guint *site_count = g_new0 (guint, demo->sites->len);
  g_autofree guint *site_seen = g_new0 (guint, demo->sites->len);
  Cohort *cohorts;
  double spacing;

  for (guint p = 0; p < N_PROGRAMMES; p++)
    n_cohorts += per_programme[p];

  order = g_new (guint, n_cohorts);
  for (guint p = 0; p < N_PROGRAMMES; p++)
    for (guint i = 0; i < per_programme[p]; i++)
      order[k++] = p;
  for (guint i = n_cohorts; i > 1; i--)
    {
      guint r = rand_below (demo->rng, i);
      guint tmp = order[i - 1];

      order[i - 1] = order[r];
      order[r] = tmp;
    }

  spacing = CLAMP (HISTORY_DAYS / n_cohorts, 0.25, 45.0);
  cohorts = g_new0 (Cohort, n_cohorts);

  for (guint j = 0; j < n_cohorts; j++)
    {
      Cohort *c = &cohorts[j];
      const DemoProgramme *programme;
      guint site_index = j % demo->sites->len;
      guint32 day;

      c->programme = order[j];
      programme = &programmes[c->programme];
      c->site = g_array_index (demo->sites, guint, site_index);
      site_count[site_index]++;

      c->start = monday_on_or_before (demo->today + 14 - (guint32)(j * spacing));
      day = c->start;
      for (guint m = 0; m < N_MODULES; m++)
        {
          /* Monday of the first week to Friday of the last one. */
          c->module_start[m] = day;
          c->module_end[m] = day + programme->modules[m].weeks * 7 - 3;
          day += programme->modules[m].weeks * 7;
        }
      c->end = c->module_end[N_MODULES - 1];

      c->mentor_id = demo->staff_ids[j % N_MENTORS];
      if (c->programme == PROGRAMME_MIGRANT_WOMEN || chance (demo->rng, 0.4))
        c->mediator_id = demo->staff_ids[FIRST_MEDIATOR + rand_below (demo->rng, N_MEDIATORS)];
    }

  /* Number the groups at each site from the oldest. */
  for (guint j = 0; j < n_cohorts; j++)
    {
      guint site_index = j % demo->sites->len;

      cohorts[j].number = site_count[site_index] - site_seen[site_index]++;
    }

  *n_cohorts_out = n_cohorts;
  return cohorts;
}

/* ---------------------------------------------------------- participants */

static guint
choice_index (const KorakChoice *choices,
              const char        *code)
{
  for (guint i = 0; choices[i].code != NULL; i++)
    if (g_str_equal (choices[i].code, code))
      return i;
  g_assert_not_reached ();
  return 0;
}

static const char *
target_group_for (GRand  *rng,
                  guint   background,
                  gboolean female)
{
  static const char * const slovenian[] = { "long_term_unemployed", "social_assistance", "inactive", "other" };
  static const double slovenian_weights[] = { 0.40, 0.35, 0.20, 0.05 };

  switch (background)
    {
    case BACKGROUND_SLOVENIAN:
      return slovenian[pick_weighted (rng, slovenian_weights, G_N_ELEMENTS (slovenian_weights))];

    case BACKGROUND_ROMA:
      if (female)
        return chance (rng, 0.85) ? "roma_women" : "social_assistance";
      return chance (rng, 0.6) ? "social_assistance" : "long_term_unemployed";

    default:
      if (female)
        return chance (rng, 0.9) ? "migrant_women" : "social_assistance";
      return slovenian[pick_weighted (rng, slovenian_weights, 3)];
    }
}

typedef struct
{
  sqlite3_stmt *participant;
  sqlite3_stmt *enrolment;
} Statements;

static char *
participant_insert_sql (void)
{
  GString *sql = g_string_new ("INSERT INTO participant (id");
  GString *marks = g_string_new ("?1");

  /* The columns come from the store's field table, so a field added
   * there is written here too (and validated) without a change. */
  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    {
      g_string_append_printf (sql, ", %s", korak_participant_field_info (i)->column);
      g_string_append_printf (marks, ", ?%u", i + 2);
    }
  g_string_append (sql, ", archived_at, created_at, updated_at, updated_by) VALUES (");
  g_string_append_printf (marks, ", ?%u, ?%u, ?%u, ?%u)",
                          KORAK_N_FIELDS + 2, KORAK_N_FIELDS + 3, KORAK_N_FIELDS + 4, KORAK_N_FIELDS + 5);
  g_string_append (sql, marks->str);
  g_string_free (marks, TRUE);

  return g_string_free (sql, FALSE);
}

static gboolean
insert_participant (Demo                         *demo,
                    Statements                   *stmts,
                    const KorakParticipantRecord *record,
                    const char                   *archived_at,
                    const char                   *created_at,
                    const char                   *updated_at,
                    gint64                        updated_by,
                    gint64                       *id,
                    GError                      **error)
{
  sqlite3_stmt *stmt = stmts->participant;

  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    {
      const char *value = record->values[i];

      if (korak_participant_field_info (i)->kind == KORAK_FIELD_KIND_BOOLEAN)
        sqlite3_bind_int (stmt, i + 2, g_strcmp0 (value, "1") == 0);
      else
        korak_bind_text (stmt, i + 2, value);
    }
  korak_bind_text (stmt, KORAK_N_FIELDS + 2, archived_at);
  korak_bind_text (stmt, KORAK_N_FIELDS + 3, created_at);
  korak_bind_text (stmt, KORAK_N_FIELDS + 4, updated_at);
  sqlite3_bind_int64 (stmt, KORAK_N_FIELDS + 5, updated_by);

  return insert_row (demo, stmt, id, error);
}

typedef struct
{
  guint32      start;
  guint32      end;        /* 0: open */
  const char  *status;
  const char  *exit_reason;
  guint32      exit_date;  /* 0: none */
  const char  *exit_outcome;
  int          exit_positive;  /* -1: unknown */
} Enrolment;

static gboolean
insert_enrolment (Demo             *demo,
                  Statements       *stmts,
                  gint64            participant_id,
                  const Cohort     *cohort,
                  const Enrolment  *e,
                  const char       *created_at,
                  const char       *updated_at,
                  GError          **error)
{
  sqlite3_stmt *stmt = stmts->enrolment;
  char start[11], end[11], exit_date[11];
  gint64 id;

  iso_from_julian (e->start, start);
  if (e->end)
    iso_from_julian (e->end, end);
  if (e->exit_date)
    iso_from_julian (e->exit_date, exit_date);

  sqlite3_bind_int64 (stmt, 2, participant_id);
  sqlite3_bind_int64 (stmt, 3, cohort->id);
  korak_bind_text (stmt, 4, start);
  korak_bind_text (stmt, 5, e->end ? end : NULL);
  korak_bind_text (stmt, 6, e->status);
  korak_bind_text (stmt, 7, e->exit_reason);
  korak_bind_text (stmt, 8, e->exit_date ? exit_date : NULL);
  korak_bind_text (stmt, 9, e->exit_outcome);
  if (e->exit_positive >= 0)
    sqlite3_bind_int (stmt, 10, e->exit_positive);
  else
    sqlite3_bind_null (stmt, 10);
  korak_bind_text (stmt, 11, created_at);
  korak_bind_text (stmt, 12, updated_at);
  sqlite3_bind_int64 (stmt, 13, cohort->mentor_id);

  if (!insert_row (demo, stmt, &id, error))
    return FALSE;
  demo->counts->enrolments++;

  return TRUE;
}

/* -------------------------------------------------------- attendance mix */

/* How reliably someone comes. Drawn from a hash of the seed and the
 * person, not from the GRand, so that adding timetables did not change
 * the people a seed makes. */
typedef enum
{
  TIER_STEADY,
  TIER_UNEVEN,
  TIER_POOR,
  N_TIERS
} Reliability;

static guint64
mix64 (guint64 x)
{
  /* splitmix64's finaliser */
  x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

/* A number in [0, 1) that depends only on the seed and the three keys. */
static double
hash01 (guint32 seed,
        guint64 a,
        guint64 b,
        guint64 c)
{
  guint64 x = mix64 (mix64 (mix64 (((guint64)seed << 32) ^ a) ^ b) ^ c);

  return (double)(x >> 11) * (1.0 / 9007199254740992.0);
}

static void
add_member (Demo            *demo,
            Cohort          *cohort,
            gint64           participant_id,
            guint            person,
            const Enrolment *enrolment,
            const char      *status)
{
  Member member = { 0 };
  double x = hash01 (demo->seed, person, 0x7e1, 0);

  member.participant_id = participant_id;
  member.person = person;
  member.start = enrolment->start;
  member.end = enrolment->end ? enrolment->end : G_MAXUINT32;
  member.completed = g_str_equal (status, "completed");
  if (g_str_equal (status, "paused") || x < 0.07)
    member.tier = TIER_POOR;
  else if (x < 0.27)
    member.tier = TIER_UNEVEN;
  else
    member.tier = TIER_STEADY;

  if (cohort->members == NULL)
    cohort->members = g_array_new (FALSE, FALSE, sizeof (Member));
  g_array_append_val (cohort->members, member);
}

/* What happened to a person in a finished or running cohort. */
static const char *
plan_enrolment (Demo         *demo,
                const Cohort *c,
                Enrolment    *e)
{
  static const char * const early_reasons[] = { "employment", "health", "family", "personal", "moved" };
  static const double early_weights[] = { 0.25, 0.25, 0.25, 0.15, 0.10 };
  static const char * const outcomes[] = {
    "employment", "education", "further_training", "job_seeker_registration", "other_programme", "other_programme",
  };
  static const double outcome_weights[] = { 0.25, 0.10, 0.15, 0.30, 0.10, 0.10 };
  GRand *rng = demo->rng;
  guint32 last_day;

  memset (e, 0, sizeof *e);
  e->exit_positive = -1;
  e->start = c->start;
  e->status = "active";

  if (c->start > demo->today)
    return "referred";

  /* Some join a running group a few weeks late. */
  if (chance (rng, 0.08))
    {
      guint32 late = c->start + (guint32)rand_between (rng, 7, 35);

      e->start = MIN (late, MIN (demo->today, c->end));
    }

  last_day = MIN (demo->today, c->end);

  if (c->end >= demo->today)
    {
      double x = g_rand_double (rng);

      if (x < 0.88)
        return "active";
      if (x < 0.92)
        return "paused";
    }
  else if (chance (rng, 0.72))
    {
      guint k = pick_weighted (rng, outcome_weights, G_N_ELEMENTS (outcome_weights));

      e->status = "completed";
      e->end = c->end;
      e->exit_date = c->end;
      e->exit_outcome = outcomes[k];
      e->exit_positive = korak_exit_reason_is_positive (outcomes[k]);
      return "completed";
    }

  /* Early exit, at some point between the start and today or the end. */
  {
    guint k = pick_weighted (rng, early_weights, G_N_ELEMENTS (early_weights));

    e->status = "exited";
    e->exit_reason = early_reasons[k];
    e->exit_date = e->start + (last_day > e->start ? rand_below (rng, last_day - e->start + 1) : 0);
    e->end = e->exit_date;
    if (g_str_equal (early_reasons[k], "employment"))
      {
        e->exit_outcome = "employment";
        e->exit_positive = 1;
      }
    else
      e->exit_positive = 0;
  }

  return "exited";
}

static gboolean
insert_participants (Demo          *demo,
                     const Person  *people,
                     guint          n_people,
                     GPtrArray     *by_programme[N_PROGRAMMES],
                     GError       **error)
{
  const KorakChoice *target_groups = korak_participant_target_groups ();
  static const char * const sources[] = { "csd", "employment_service", "ngo", "self", "other" };
  static const double source_weights[] = { 0.50, 0.30, 0.08, 0.07, 0.05 };
  GRand *rng = demo->rng;
  g_autofree char *participant_sql = participant_insert_sql ();
  guint region_municipalities[2][G_N_ELEMENTS (municipalities)];
  guint n_region[2] = { 0, 0 };
  Statements stmts;

  if (!(stmts.participant = korak_store_prepare (demo->store, participant_sql, error)) ||
      !(stmts.enrolment = korak_store_prepare (demo->store,
                                               "INSERT INTO enrolment (id, participant_id, cohort_id, start_date, "
                                               "end_date, status, exit_reason, exit_date, exit_outcome, exit_positive, "
                                               "created_at, updated_at, updated_by) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                               error)))
    return FALSE;

  for (guint r = 0; r < 2; r++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (municipalities); i++)
        if (municipalities[i].region == r)
          region_municipalities[r][n_region[r]++] = i;
    }

  for (guint i = 0; i < n_people; i++)
    {
      const Person *person = &people[i];
      const Background *bg = &backgrounds[person->background];
      g_autoptr(KorakParticipantRecord) record = korak_participant_record_new ();
      g_autofree char *phone = NULL, *email = NULL, *address = NULL, *other_languages = NULL;
      Cohort *cohort = NULL;
      const Municipality *municipality;
      const char *family_latin, *given_latin, *status, *source, *worker = NULL;
      char birth[11], referral[11], consent[11], created[21], updated[21], archived[21];
      guint32 referral_day, consent_day = 0, updated_day;
      guint site_slot;
      gboolean archive = FALSE;
      Enrolment enrolment = { 0 };
      gint64 id;

      if (person->enrolled)
        {
          GPtrArray *candidates = by_programme[person->programme];

          cohort = g_ptr_array_index (candidates, rand_below (rng, candidates->len));
        }

      /* Names, in the script of their documents for some. */
      family_latin = bg->family[person->family];
      given_latin = person->female ? bg->female[person->given] : bg->male[person->given];
      if (person->script)
        {
          korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, arabic_family_script[person->family]);
          korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME,
                                        person->female ? arabic_female_script[person->given]
                                                       : arabic_male_script[person->given]);
        }
      else
        {
          korak_participant_record_set (record, KORAK_FIELD_FAMILY_NAME, family_latin);
          korak_participant_record_set (record, KORAK_FIELD_GIVEN_NAME, given_latin);
        }

      if (chance (rng, 0.97))
        {
          iso_from_julian (demo->first_birth + rand_below (rng, demo->last_birth - demo->first_birth + 1),
                           birth);
          korak_participant_record_set (record, KORAK_FIELD_BIRTH_DATE, birth);
        }

      /* Where they live: mostly near the site of their group. */
      site_slot = cohort ? 0 : rand_below (rng, demo->sites->len);
      {
        guint home = cohort ? cohort->site : g_array_index (demo->sites, guint, site_slot);
        Region region = municipalities[home].region;

        if (!chance (rng, 0.55))
          home = region_municipalities[region][rand_below (rng, n_region[region])];
        municipality = &municipalities[home];
      }
      if (cohort)
        for (guint s = 0; s < demo->sites->len; s++)
          if (g_array_index (demo->sites, guint, s) == cohort->site)
            site_slot = s;

      korak_participant_record_set (record, KORAK_FIELD_MUNICIPALITY, municipality->name);
      address = g_strdup_printf ("%s %d%s, %s", PICK (rng, streets), rand_between (rng, 1, 120),
                                 chance (rng, 0.1) ? "a" : "", municipality->post);
      korak_participant_record_set (record, KORAK_FIELD_ADDRESS, address);

      if (chance (rng, 0.92))
        {
          phone = g_strdup_printf ("+386 %s %03d %03d", PICK (rng, mobile_prefixes),
                                   rand_between (rng, 0, 999), rand_between (rng, 0, 999));
          korak_participant_record_set (record, KORAK_FIELD_PHONE, phone);
        }
      if (chance (rng, 0.35))
        {
          g_autofree char *given_part = email_part (given_latin);
          g_autofree char *family_part = email_part (family_latin);

          if (chance (rng, 0.4))
            email = g_strdup_printf ("%s.%s%02d@%s", given_part, family_part,
                                     rand_between (rng, 1, 99), PICK (rng, email_domains));
          else
            email = g_strdup_printf ("%s.%s@%s", given_part, family_part, PICK (rng, email_domains));
          korak_participant_record_set (record, KORAK_FIELD_EMAIL, email);
        }

      korak_participant_record_set (record, KORAK_FIELD_MOTHER_TONGUE, bg->mother_tongue);
      if (person->background != BACKGROUND_SLOVENIAN || chance (rng, 0.5))
        korak_participant_record_set (record, KORAK_FIELD_OTHER_LANGUAGES,
                                      pick (rng, bg->other_languages, bg->n_other_languages));
      korak_participant_record_set (record, KORAK_FIELD_NEEDS_MEDIATOR,
                                    chance (rng, bg->needs_mediator) ? "1" : "0");
      korak_participant_record_set (record, KORAK_FIELD_TARGET_GROUP,
                                    target_groups[person->target_group].code);

      /* Referral and consent. */
      source = sources[pick_weighted (rng, source_weights, G_N_ELEMENTS (source_weights))];
      korak_participant_record_set (record, KORAK_FIELD_REFERRAL_SOURCE, source);
      {
        GPtrArray *workers = g_ptr_array_index (demo->workers, site_slot);

        if (g_str_equal (source, "csd"))
          worker = g_ptr_array_index (workers, rand_below (rng, 3));
        else if (g_str_equal (source, "employment_service"))
          worker = g_ptr_array_index (workers, 3 + rand_below (rng, 2));
        else if (g_str_equal (source, "ngo"))
          worker = g_ptr_array_index (workers, 5);
        korak_participant_record_set (record, KORAK_FIELD_REFERRING_WORKER, worker);
      }

      if (cohort)
        {
          guint32 day = cohort->start - (guint32)rand_between (rng, 7, 60);

          referral_day = MIN (demo->today, day);
        }
      else
        referral_day = demo->today - rand_below (rng, 91);
      iso_from_julian (referral_day, referral);
      korak_participant_record_set (record, KORAK_FIELD_REFERRAL_DATE, referral);

      if ((cohort && cohort->start <= demo->today) || chance (rng, 0.5))
        {
          consent_day = referral_day + rand_below (rng, 15);
          consent_day = MIN (demo->today, consent_day);
          iso_from_julian (consent_day, consent);
          korak_participant_record_set (record, KORAK_FIELD_CONSENT_DATE, consent);
          korak_participant_record_set (record, KORAK_FIELD_CONSENT_SCOPE, PICK (rng, consent_scopes));
        }

      /* Status follows the group's calendar. */
      if (cohort)
        status = plan_enrolment (demo, cohort, &enrolment);
      else
        status = "referred";
      korak_participant_record_set (record, KORAK_FIELD_STATUS, status);

      updated_day = MAX (referral_day, consent_day);
      if (cohort && enrolment.start <= demo->today)
        updated_day = MAX (updated_day, enrolment.start);
      if (cohort && enrolment.exit_date)
        updated_day = MAX (updated_day, enrolment.exit_date);
      updated_day = MIN (updated_day, demo->today);

      /* A few people are archived: some who finished a while ago, some
       * who were referred but never came. */
      if (cohort && enrolment.end != 0 && enrolment.end + 30 < demo->today && chance (rng, 0.12))
        {
          guint32 archived_day = enrolment.end + 30 + rand_below (rng, 140);

          archived_day = MIN (demo->today, archived_day);
          archive = TRUE;
          stamp_from_julian (rng, archived_day, archived);
          updated_day = archived_day;
        }
      else if (!cohort && referral_day + 45 < demo->today && chance (rng, 0.25))
        {
          guint32 archived_day = referral_day + 45 + rand_below (rng, 30);

          archived_day = MIN (demo->today, archived_day);
          archive = TRUE;
          stamp_from_julian (rng, archived_day, archived);
          updated_day = archived_day;
        }

      stamp_from_julian (rng, referral_day, created);
      stamp_from_julian (rng, updated_day, updated);
      if (archive)
        memcpy (updated, archived, sizeof updated);
      if (strcmp (updated, created) < 0)
        memcpy (updated, created, sizeof updated);

      if (!korak_participant_record_validate (record, error))
        {
          g_prefix_error (error, _("Sample participant %u is not valid: "), i + 1);
          return FALSE;
        }

      if (!insert_participant (demo, &stmts, record, archive ? archived : NULL, created, updated,
                               cohort ? cohort->mentor_id : demo->staff_ids[0], &id, error))
        return FALSE;
      demo->counts->participants++;
      if (archive)
        demo->counts->archived++;

      if (cohort && !insert_enrolment (demo, &stmts, id, cohort, &enrolment, created, updated, error))
        return FALSE;
      if (cohort)
        add_member (demo, cohort, id, i, &enrolment, status);
    }

  return TRUE;
}

/* Decides who each person is before any cohort exists, so that the number
 * of groups per programme follows from who needs which. */
static Person *
plan_people (Demo  *demo,
             guint  n_people,
             guint  enrolled[N_PROGRAMMES])
{
  const KorakChoice *target_groups = korak_participant_target_groups ();
  double weights[N_BACKGROUNDS];
  Person *people = g_new0 (Person, MAX (n_people, 1));

  for (guint b = 0; b < N_BACKGROUNDS; b++)
    weights[b] = backgrounds[b].weight;

  for (guint i = 0; i < n_people; i++)
    {
      Person *p = &people[i];
      const Background *bg;
      const char *target_group;

      p->background = pick_weighted (demo->rng, weights, N_BACKGROUNDS);
      bg = &backgrounds[p->background];
      p->female = chance (demo->rng, bg->female_share);
      p->family = rand_below (demo->rng, bg->n_family);
      p->given = rand_below (demo->rng, p->female ? bg->n_female : bg->n_male);
      p->script = chance (demo->rng, bg->script_share);
      target_group = target_group_for (demo->rng, p->background, p->female);
      p->target_group = choice_index (target_groups, target_group);
      p->programme = g_str_equal (target_group, "migrant_women") ? PROGRAMME_MIGRANT_WOMEN
                                                                 : PROGRAMME_LONG_TERM;
      p->enrolled = chance (demo->rng, ENROLLED_SHARE);
      if (p->enrolled)
        enrolled[p->programme]++;
    }

  return people;
}

/* ------------------------------------------------------------ timetables */

typedef struct
{
  gint64      id;
  const char *name;
  const char *skill_area;
} DemoActivity;

static const char * const workshop_activities[] = {
  "Financial literacy", "Computer skills", "Everyday forms and procedures", "Healthy living",
  "Working in a group", "Conflict resolution", "Assertiveness", "Slovenian language",
  "Visits to the library and public institutions",
};
static const char * const exit_activities[] = {
  "The local labour market", "Computer skills", "Everyday forms and procedures", "Assertiveness",
};
static const char * const work_activities[] = {
  "Sewing", "Gardening", "Crafts", "Woodwork", "Cooking",
};
/* Per work activity, in the same order. */
static const char * const employers[][3] = {
  { "Šivalnica Nit, d. o. o.", "Tekstil Gorenjka, d. o. o.", "Center ponovne uporabe" },
  { "Vrtnarija Cvetlični raj", "Ekološka kmetija Pri Jurju", "Komunala, park in vrtovi" },
  { "Rokodelski center", "Zavod Ponovno", "Društvo Ustvarjalnica" },
  { "Mizarstvo Hrast, s. p.", "Zadruga Les", "Center ponovne uporabe" },
  { "Gostilna Pri lipi", "Socialno podjetje Dobrote", "Dijaški dom, kuhinja" },
};

static const char * const cancel_reasons[] = {
  "Bolezen mentorice", "Izobraževanje mentorjev", "Stavka javnega prevoza", "Prostor ni bil na voljo",
};
static const char * const moved_reasons[] = {
  "Udeleženka je prosila za drug termin", "Obisk zdravnika", "Razgovor za zaposlitev",
};
static const char * const excused_remarks[] = {
  "Zdravnik", "Bolan otrok", "Razgovor na uradu za delo", "Bolezen", "Obisk na centru za socialno delo",
  "Sodišče", "Razgovor za zaposlitev",
};
static const char * const late_remarks[] = {
  "Zamudil avtobus", "Peljala otroka v vrtec", "Zamuda vlaka",
};

static gint64
activity_id (GPtrArray  *activities,
             const char *name)
{
  for (guint i = 0; i < activities->len; i++)
    {
      const DemoActivity *a = g_ptr_array_index (activities, i);

      if (g_str_equal (a->name, name))
        return a->id;
    }
  return 0;
}

static gboolean
insert_pattern (Demo          *demo,
                sqlite3_stmt  *stmt,
                const Cohort  *c,
                gint64         module_id,
                int            weekday,
                const char    *start,
                const char    *end,
                const char    *kind,
                gint64         activity,
                const char    *place,
                gint64         participant_id,
                GError       **error)
{
  gint64 id;

  sqlite3_bind_int64 (stmt, 2, c->id);
  if (module_id)
    sqlite3_bind_int64 (stmt, 3, module_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, weekday);
  korak_bind_text (stmt, 5, start);
  korak_bind_text (stmt, 6, end);
  korak_bind_text (stmt, 7, kind);
  if (activity)
    sqlite3_bind_int64 (stmt, 8, activity);
  else
    sqlite3_bind_null (stmt, 8);
  korak_bind_text (stmt, 9, place);
  if (participant_id)
    sqlite3_bind_int64 (stmt, 10, participant_id);
  else
    sqlite3_bind_null (stmt, 10);
  sqlite3_bind_int64 (stmt, 11, c->mentor_id);

  return insert_row (demo, stmt, &id, error);
}

/* Mon/Wed/Fri four hours in every module: workshops at the organisation,
 * work practice at an employer, then searching for a job; and for each
 * person one individual hour a week with the mentor on Tuesday or Thursday. */
static gboolean
insert_patterns (Demo       *demo,
                 Cohort     *c,
                 guint       index,
                 GPtrArray  *activities,
                 GError    **error)
{
  static const int days[] = { 1, 3, 5 };
  GRand *rng = demo->rng;
  const char *site = municipalities[c->site].name;
  g_autofree char *classroom = g_strdup_printf ("Učilnica društva, %s", site);
  g_autofree char *office = g_strdup_printf ("Pisarna mentorice, %s", site);
  guint work = rand_below (rng, G_N_ELEMENTS (work_activities));
  g_autofree char *workplace = g_strdup_printf ("%s, %s", employers[work][rand_below (rng, 3)], site);
  sqlite3_stmt *stmt;
  guint first = rand_below (rng, G_N_ELEMENTS (workshop_activities));

  if (!(stmt = korak_store_prepare (demo->store,
                                    "INSERT INTO weekly_pattern (id, cohort_id, module_id, weekday, start_time, end_time, "
                                    "kind, activity_id, place, participant_id, updated_by) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error)))
    return FALSE;

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      const char *workshop = workshop_activities[(first + d * 3) % G_N_ELEMENTS (workshop_activities)];
      const char *exit = exit_activities[(index + d) % G_N_ELEMENTS (exit_activities)];

      if (!insert_pattern (demo, stmt, c, c->module_id[0], days[d], "09:00", "13:00", "group",
                           activity_id (activities, workshop), classroom, 0, error) ||
          !insert_pattern (demo, stmt, c, c->module_id[1], days[d], "08:00", "12:00", "work_practice",
                           activity_id (activities, work_activities[work]), workplace, 0, error) ||
          !insert_pattern (demo, stmt, c, c->module_id[2], days[d], "09:00", "13:00", "group",
                           activity_id (activities, exit), classroom, 0, error))
        return FALSE;
      demo->counts->patterns += 3;
    }

  for (guint m = 0; c->members && m < c->members->len; m++)
    {
      const Member *member = &g_array_index (c->members, Member, m);
      char start[6], end[6];
      int hour = 8 + (int)(m / 2) % 7;

      g_snprintf (start, sizeof start, "%02d:00", hour);
      g_snprintf (end, sizeof end, "%02d:00", hour + 1);
      if (!insert_pattern (demo, stmt, c, 0, m % 2 ? 4 : 2, start, end, "individual", 0, office,
                           member->participant_id, error))
        return FALSE;
      demo->counts->patterns++;
    }

  return TRUE;
}

/* The days around the new year and the school winter holidays are closed. */
static gboolean
insert_closures (Demo          *demo,
                 const Cohort  *c,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  GDate first, last;

  if (!(stmt = korak_store_prepare (demo->store,
                                    "INSERT INTO pattern_exception (id, cohort_id, date, reason, updated_by) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    return FALSE;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, c->start);
  g_date_set_julian (&last, c->end);
  for (int year = g_date_get_year (&first); year <= g_date_get_year (&last); year++)
    {
      static const struct { int month, day; const char *reason; } closed[] = {
        { 12, 24, "Zaprto med prazniki" },
        { 12, 31, "Zaprto med prazniki" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (closed); i++)
        {
          GDate date;
          char iso[11];
          gint64 id;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, closed[i].day, closed[i].month, year);
          if (g_date_get_julian (&date) < c->start || g_date_get_julian (&date) > c->end)
            continue;
          iso_from_julian (g_date_get_julian (&date), iso);
          sqlite3_bind_int64 (stmt, 2, c->id);
          korak_bind_text (stmt, 3, iso);
          korak_bind_text (stmt, 4, closed[i].reason);
          sqlite3_bind_int64 (stmt, 5, c->mentor_id);
          if (!insert_row (demo, stmt, &id, error))
            return FALSE;
        }
    }

  return TRUE;
}

static const char *
draw_state (Reliability tier,
            double      x)
{
  static const double steady[] = { 0.90, 0.04, 0.04, 0.02 };
  static const double uneven[] = { 0.72, 0.09, 0.10, 0.09 };
  static const double poor[]   = { 0.38, 0.10, 0.14, 0.38 };
  static const char * const states[] = { "present", "late", "excused", "absent" };
  const double *p = tier == TIER_STEADY ? steady : tier == TIER_UNEVEN ? uneven : poor;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      if (x < p[i])
        return states[i];
      x -= p[i];
    }
  return "absent";
}

/* Attendance for one session already held. */
static gboolean
mark_session (Demo          *demo,
              sqlite3_stmt  *stmt,
              const Cohort  *c,
              gint64         session_id,
              guint32        day,
              int            start_minutes,
              double         hours,
              gint64         individual_id,
              const char    *stamp,
              GError       **error)
{
  for (guint m = 0; m < c->members->len; m++)
    {
      const Member *member = &g_array_index (c->members, Member, m);
      const char *state, *remark = NULL;
      double x, y, marked_hours = 0;
      gint64 id;

      if (individual_id != 0 ? member->participant_id != individual_id
                             : day < member->start || day > member->end)
        continue;

      x = hash01 (demo->seed, member->person, day, (guint64)start_minutes);
      y = hash01 (demo->seed, member->person, day, (guint64)start_minutes + 7919);
      state = draw_state (member->tier, x);
      if (g_str_equal (state, "present"))
        marked_hours = hours;
      else if (g_str_equal (state, "late"))
        {
          marked_hours = MAX (0.5, hours - (y < 0.6 ? 0.5 : 1.0));
          if (y < 0.35)
            remark = late_remarks[(guint)(y * 1000) % G_N_ELEMENTS (late_remarks)];
        }
      else if (g_str_equal (state, "excused"))
        remark = excused_remarks[(guint)(y * 1000) % G_N_ELEMENTS (excused_remarks)];
      else if (y < 0.15)
        remark = "Brez opravičila";

      sqlite3_bind_int64 (stmt, 2, session_id);
      sqlite3_bind_int64 (stmt, 3, member->participant_id);
      sqlite3_bind_text (stmt, 4, state, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 5, marked_hours);
      if (remark)
        sqlite3_bind_text (stmt, 6, remark, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 6);
      sqlite3_bind_text (stmt, 7, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, c->mentor_id);
      if (!insert_row (demo, stmt, &id, error))
        return FALSE;
      demo->counts->attendance++;
    }

  return TRUE;
}

/* Patterns, closures and the sessions they make through the store's own
 * generator; then a few cancelled sessions and the register of each
 * session held before the reference day. */
static gboolean
insert_timetables (Demo     *demo,
                   Cohort   *cohorts,
                   guint     n_cohorts,
                   GError  **error)
{
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt, *sessions, *attendance, *cancel, *employer, *mediator;
  int rc;

  if (!(stmt = korak_store_prepare (demo->store, "SELECT id, name, skill_area FROM activity ORDER BY name", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DemoActivity *a = g_new0 (DemoActivity, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      /* The catalogue's names are static strings in the migration. */
      for (guint i = 0; i < G_N_ELEMENTS (workshop_activities) && !a->name; i++)
        if (g_str_equal (workshop_activities[i], (const char *)sqlite3_column_text (stmt, 1)))
          a->name = workshop_activities[i];
      for (guint i = 0; i < G_N_ELEMENTS (exit_activities) && !a->name; i++)
        if (g_str_equal (exit_activities[i], (const char *)sqlite3_column_text (stmt, 1)))
          a->name = exit_activities[i];
      for (guint i = 0; i < G_N_ELEMENTS (work_activities) && !a->name; i++)
        if (g_str_equal (work_activities[i], (const char *)sqlite3_column_text (stmt, 1)))
          a->name = work_activities[i];
      if (a->name == NULL)
        {
          g_free (a);
          continue;
        }
      g_ptr_array_add (activities, a);
    }
  sqlite3_reset (stmt);

  if (!(sessions = korak_store_prepare (demo->store,
                                        "SELECT id, date, start_time, end_time, kind, participant_id FROM session "
                                        "WHERE cohort_id = ? ORDER BY date, start_time, id", error)) ||
      !(attendance = korak_store_prepare (demo->store,
                                          "INSERT INTO attendance (id, session_id, participant_id, state, hours, remark, "
                                          "created_at, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                                          error)) ||
      !(cancel = korak_store_prepare (demo->store, "UPDATE session SET cancelled_reason = ?2 WHERE id = ?1", error)) ||
      !(employer = korak_store_prepare (demo->store,
                                        "UPDATE session SET employer = substr(place, 1, instr(place, ',') - 1) "
                                        "WHERE cohort_id = ?1 AND kind = 'work_practice'", error)) ||
      !(mediator = korak_store_prepare (demo->store,
                                        "UPDATE session SET mediator_present = 1 WHERE cohort_id = ?1 "
                                        "AND kind = 'group' AND strftime('%w', date) = '3'", error)))
    return FALSE;

  for (guint j = 0; j < n_cohorts; j++)
    {
      Cohort *c = &cohorts[j];
      KorakGenerateResult result;

      if (!insert_patterns (demo, c, j, activities, error) ||
          !insert_closures (demo, c, error) ||
          !korak_schedule_generate_locked (demo->store, c->id, &result, error))
        return FALSE;
      demo->counts->sessions += (guint)result.created;

      sqlite3_bind_int64 (employer, 1, c->id);
      if (!korak_store_step_done (demo->store, employer, error))
        return FALSE;
      if (c->mediator_id != 0)
        {
          sqlite3_bind_int64 (mediator, 1, c->id);
          if (!korak_store_step_done (demo->store, mediator, error))
            return FALSE;
        }

      if (c->members == NULL)
        continue;

      /* Read every session first: the statements below write the table. */
      {
        g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (gint64) * 4);

        sqlite3_bind_int64 (sessions, 1, c->id);
        while ((rc = sqlite3_step (sessions)) == SQLITE_ROW)
          {
            gint64 row[4];
            const char *start = (const char *)sqlite3_column_text (sessions, 2);
            const char *end = (const char *)sqlite3_column_text (sessions, 3);
            guint32 day = julian_from_iso ((const char *)sqlite3_column_text (sessions, 1));
            int from = (g_ascii_digit_value (start[0]) * 10 + g_ascii_digit_value (start[1])) * 60 +
                       g_ascii_digit_value (start[3]) * 10 + g_ascii_digit_value (start[4]);
            int to = (g_ascii_digit_value (end[0]) * 10 + g_ascii_digit_value (end[1])) * 60 +
                     g_ascii_digit_value (end[3]) * 10 + g_ascii_digit_value (end[4]);

            row[0] = sqlite3_column_int64 (sessions, 0);
            row[1] = ((gint64)day << 16) | from;
            row[2] = to - from;
            row[3] = sqlite3_column_int64 (sessions, 5);
            g_array_append_vals (held, row, 1);
          }
        sqlite3_reset (sessions);
        if (rc != SQLITE_DONE)
          {
            korak_store_set_error (demo->store, rc, error);
            return FALSE;
          }

        for (guint k = 0; k < held->len; k++)
          {
            const gint64 *row = &g_array_index (held, gint64, k * 4);
            guint32 day = (guint32)(row[1] >> 16);
            int from = (int)(row[1] & 0xffff);
            gint64 individual_id = row[3];
            double x = hash01 (demo->seed, (guint64)c->id & 0xffffffff, day, (guint64)from + (guint64)individual_id);
            char stamp[21], iso[11];

            /* About one group day in sixty and one individual hour in
             * twenty-five is called off. */
            if (x < (individual_id ? 0.04 : 0.017))
              {
                sqlite3_bind_int64 (cancel, 1, row[0]);
                sqlite3_bind_text (cancel, 2,
                                   individual_id ? moved_reasons[(guint)(x * 1e6) % G_N_ELEMENTS (moved_reasons)]
                                                 : cancel_reasons[(guint)(x * 1e6) % G_N_ELEMENTS (cancel_reasons)],
                                   -1, SQLITE_STATIC);
                if (!korak_store_step_done (demo->store, cancel, error))
                  return FALSE;
                continue;
              }

            if (day >= demo->today)
              continue;

            iso_from_julian (day, iso);
            /* Marked when the session ends. */
            g_snprintf (stamp, sizeof stamp, "%sT%02d:%02d:00Z", iso,
                        MIN (23, (from + (int)row[2]) / 60), (from + (int)row[2]) % 60);
            if (!mark_session (demo, attendance, c, row[0], day, from, row[2] / 60.0, individual_id, stamp, error))
              return FALSE;
          }
      }
    }

  return TRUE;
}

/* For the bulk insert, the full-text trigger and the secondary indexes
 * that the generator does not read go, and come back afterwards with the
 * same SQL, in the same transaction: building an index or the full-text
 * index once, by sorting, is much faster than keeping it up to date row by
 * row, and without the trigger SQLite needs no statement journal per row. */
/* Assessments: an intake on the first day, a review about every eight
 * weeks, and an exit assessment for those who completed. Each person starts
 * somewhere between 2 and 6 in each area and improves gradually, faster if
 * they attend reliably, with a point of noise either way. Drawn from
 * hash01() rather than the shared generator, so adding them changes none of
 * the other sample data of a seed. */
static gboolean
insert_assessments (Demo     *demo,
                    Cohort   *cohorts,
                    guint     n_cohorts,
                    GError  **error)
{
  static const double growth_by_tier[] = { 0.55, 0.35, 0.12 };  /* steady, uneven, poor (per 8 weeks) */
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt, *assessment, *score;
  gint64 started = g_get_monotonic_time ();
  int rc;

  if (!(stmt = korak_store_prepare (demo->store,
                                    "SELECT id FROM competency_area WHERE retired_at IS NULL ORDER BY ordinal, id", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (areas, id);
    }
  sqlite3_reset (stmt);
  if (areas->len == 0)
    return TRUE;

  if (!(assessment = korak_store_prepare (demo->store,
                                          "INSERT INTO assessment (id, participant_id, date, kind, assessor_id, "
                                          "created_at, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?5)",
                                          error)) ||
      !(score = korak_store_prepare (demo->store,
                                     "INSERT INTO assessment_score (id, assessment_id, area_id, score, "
                                     "created_at, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
                                     error)))
    return FALSE;

  for (guint j = 0; j < n_cohorts; j++)
    {
      const Cohort *c = &cohorts[j];

      for (guint m = 0; c->members != NULL && m < c->members->len; m++)
        {
          const Member *member = &g_array_index (c->members, Member, m);
          guint32 last = MIN (member->end, demo->today);
          double growth = growth_by_tier[MIN (member->tier, 2)] *
                          (0.5 + hash01 (demo->seed, member->person, 0xa55e, 1));

          if (member->start > demo->today)
            continue;

          for (guint32 day = member->start, n = 0; day <= last; n++)
            {
              const char *kind = n == 0 ? "intake" : "review";
              gboolean is_exit = FALSE;
              char date[11], stamp[21];
              gint64 assessment_id;
              guint32 next = day + 56 + (guint32)(hash01 (demo->seed, member->person, 0xa55e, 100 + n) * 14) - 7;

              /* The last review gives way to the exit assessment. */
              if (member->completed && member->end <= demo->today && n > 0 && next > member->end)
                {
                  day = member->end;
                  kind = "exit";
                  is_exit = TRUE;
                }

              iso_from_julian (day, date);
              g_snprintf (stamp, sizeof stamp, "%sT%02u:%02u:00Z", date,
                          9 + (guint)(hash01 (demo->seed, member->person, 0xa55e, 200 + n) * 6),
                          (guint)(hash01 (demo->seed, member->person, 0xa55e, 300 + n) * 60));

              sqlite3_bind_int64 (assessment, 2, member->participant_id);
              korak_bind_text (assessment, 3, date);
              korak_bind_text (assessment, 4, kind);
              if (c->mentor_id)
                sqlite3_bind_int64 (assessment, 5, c->mentor_id);
              else
                sqlite3_bind_null (assessment, 5);
              korak_bind_text (assessment, 6, stamp);
              if (!insert_row (demo, assessment, &assessment_id, error))
                return FALSE;
              demo->counts->assessments++;

              for (guint a = 0; a < areas->len; a++)
                {
                  double base = 2.0 + 4.0 * hash01 (demo->seed, member->person, 0xa4ea, a);
                  double area_pace = 0.6 + 0.8 * hash01 (demo->seed, member->person, 0xa4eb, a);
                  double noise = 2.0 * hash01 (demo->seed, member->person, 0x1015e, n * 64 + a) - 1.0;
                  double weeks = (day - member->start) / 7.0;
                  double value = base + growth * area_pace * weeks / 8.0 + 0.8 * noise;
                  int points = (int)(value + 0.5);
                  gint64 score_id;

                  /* Now and then an area is left out of a review. */
                  if (n > 0 && !is_exit && hash01 (demo->seed, member->person, 0x5c1f, n * 64 + a) < 0.04)
                    continue;

                  sqlite3_bind_int64 (score, 2, assessment_id);
                  sqlite3_bind_int64 (score, 3, g_array_index (areas, gint64, a));
                  sqlite3_bind_int (score, 4, CLAMP (points, 1, 10));
                  korak_bind_text (score, 5, stamp);
                  if (c->mentor_id)
                    sqlite3_bind_int64 (score, 6, c->mentor_id);
                  else
                    sqlite3_bind_null (score, 6);
                  if (!insert_row (demo, score, &score_id, error))
                    return FALSE;
                }

              if (is_exit)
                break;
              day = next;
            }
        }
    }

  g_debug ("%u assessments in %.2f s", demo->counts->assessments,
           (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);
  return TRUE;
}

/* Individual plans, journals, exits' follow-ups (issue 4). A generator of
 * its own, seeded from the demo seed, so the rest of the sample data stays
 * the same as before for the same seed. */
static const char * const demo_interests[] = {
  "Šivanje in krojenje", "Vrtnarjenje", "Kuhanje za večje skupine", "Delo z otroki",
  "Računalnik in spletni obrazci", "Ročna dela", "Delo z lesom", "Urejanje okolice",
};
static const char * const demo_strengths[] = {
  "Vztrajna, natančna", "Dobro sodeluje v skupini", "Spretne roke", "Zanesljiv, točen",
  "Hitro se uči", "Pozitiven odnos do ljudi",
};
static const char * const demo_experience[] = {
  "Sezonsko delo v kmetijstvu", "Čiščenje prostorov, 2 leti", "Brez formalnih zaposlitev",
  "Pomoč v kuhinji", "Delo v tekstilni tovarni do 2012",
};
static const char * const demo_education[] = {
  "Nedokončana osnovna šola", "Osnovna šola", "Poklicna šola, šivilja", "Srednja šola, nedokončana",
};
static const char * const demo_barrier_kinds[] = {
  "language", "health", "housing", "childcare", "transport", "debt", "digital_access", "other",
};
static const char * const demo_barrier_remarks[] = {
  "Slovensko razume, govori z muko", "Bolečine v hrbtu", "Živi pri sorodnikih", "Dva otroka v vrtcu",
  "Brez avtobusa pred 8. uro", "Izvršba na plačo", "Nima računalnika", "Skrbi za bolno mamo",
};
typedef struct { const char *area; const char *goal; const char *steps[3]; } DemoGoal;
static const DemoGoal demo_goals[] = {
  { "social", "Sama opravi klic na urad", { "Vaja klica z mentorico", "Klic v knjižnico", "Klic na CSD" } },
  { "functional", "Samostojno izpolni vlogo za denarno pomoč", { "Pregled obrazca", "Zbere dokazila", "Odda vlogo" } },
  { "work", "Najde delovno prakso", { "Napiše življenjepis", "Obišče dva delodajalca", "Dogovor za prakso" } },
  { "language", "Opravi izpit iz slovenščine A2", { "Tečaj dvakrat tedensko", "Poskusni test", "Prijava na izpit" } },
  { "education", "Vpis v program za odrasle", { "Obisk svetovalnega središča", "Izbira programa", "Vpis" } },
  { "functional", "Odpre bančni račun in spletno banko", { "Obisk banke", "Nastavitev spletne banke" , NULL } },
  { "social", "Pogovor v skupini brez tolmača", { "Predstavi se skupini", "Vodi kratek pogovor", NULL } },
};
static const char * const demo_wins[] = {
  "Prvič sama poklicala zdravnika", "Nasmejana prišla na delavnico", "Sama izpolnila obrazec na upravni enoti",
  "Pohvala delodajalca na praksi", "Prvič predstavila svoje delo skupini", "Odprla e-poštni naslov",
  "Prišel pravočasno ves teden", "Sama šla na razgovor", "Spekla pecivo za vso skupino",
  "Prvič uporabila spletno banko",
};
static const char * const demo_milestones[] = {
  "Podpisan individualni načrt", "Začetek delovne prakse", "Opravljen tečaj računalništva",
};
static const char * const demo_concerns[] = {
  "Dva tedna brez obiska, ne dvigne telefona", "Težave doma, razmisli o odhodu", "Zdravstvene težave, manj ur",
};
static const char * const demo_situations[] = {
  "Zaposlena za določen čas", "Prijavljen na zavodu, išče delo", "Vpisana v program za odrasle",
  "Doma, skrbi za otroke", "Vključen v javna dela", "Ni dosegljiv",
};

static gboolean
demo_exec_stmt (KorakStore    *store,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  return korak_store_step_done (store, stmt, error);
}

static gboolean
insert_plans (Demo     *demo,
              Cohort   *cohorts,
              guint     n_cohorts,
              GError  **error)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (demo->seed ^ 0x5a7e0b1u);
  g_autoptr(GPtrArray) activities = korak_store_list_activities (demo->store, error);
  sqlite3_stmt *plan, *barrier, *goal, *step, *activity, *review, *journal, *enrolment, *follow_up;
  gint64 started = g_get_monotonic_time ();
  guint n_plans = 0;
  int rc;

  if (activities == NULL ||
      !(plan = korak_store_prepare (demo->store,
                                    "INSERT INTO plan (id, participant_id, enrolment_id, interests, strengths, work_experience, "
                                    "education, agreed_date, next_review_date) VALUES (?1, ?2, "
                                    "(SELECT id FROM enrolment WHERE participant_id = ?2 ORDER BY start_date DESC LIMIT 1), "
                                    "?3, ?4, ?5, ?6, ?7, ?8)", error)) ||
      !(barrier = korak_store_prepare (demo->store,
                                       "INSERT OR IGNORE INTO plan_barrier (id, plan_id, kind, checked, remark) VALUES (?1, ?2, ?3, 1, ?4)",
                                       error)) ||
      !(goal = korak_store_prepare (demo->store,
                                    "INSERT INTO goal (id, plan_id, area, description, target_date, status, ordinal) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)) ||
      !(step = korak_store_prepare (demo->store,
                                    "INSERT INTO goal_step (id, goal_id, ordinal, description, due_date, done) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) ||
      !(activity = korak_store_prepare (demo->store,
                                        "INSERT INTO plan_activity (id, plan_id, activity_id, ordinal, planned_date, done_date) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) ||
      !(review = korak_store_prepare (demo->store,
                                      "INSERT INTO plan_review (id, plan_id, date, kind, changes, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                      error)) ||
      !(journal = korak_store_prepare (demo->store,
                                       "INSERT INTO journal_entry (id, participant_id, date, kind, text, seq) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) ||
      !(enrolment = korak_store_prepare (demo->store,
                                         "SELECT id, exit_date, exit_positive FROM enrolment "
                                         "WHERE participant_id = ? AND cohort_id = ? AND exit_date IS NOT NULL", error)) ||
      !(follow_up = korak_store_prepare (demo->store,
                                         "INSERT INTO follow_up (id, enrolment_id, due_date, done_date, situation, "
                                         "employment_status, months) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
    return FALSE;

  for (guint c = 0; c < n_cohorts; c++)
    {
      const Cohort *cohort = &cohorts[c];

      for (guint m = 0; cohort->members && m < cohort->members->len; m++)
        {
          const Member *member = &g_array_index (cohort->members, Member, m);
          guint32 end = MIN (member->end, demo->today);
          guint32 agreed = MIN (member->start + 14, end);
          guint32 last_review = agreed, next_review;
          gint64 plan_id = korak_store_new_id ();
          guint n_goals = 2 + rand_below (rng, 2);
          guint goal_first = rand_below (rng, G_N_ELEMENTS (demo_goals));
          double progress = end > member->start ? MIN (1.0, (end - member->start) / 180.0) : 0;
          char day[11], day2[11];
          int seq = 0;

          if (member->start > demo->today)
            continue;

          /* Reviews every eight weeks; one in five falls behind. */
          while (last_review + 56 <= end)
            last_review += 56;
          next_review = last_review + 56 - (chance (rng, 0.2) ? rand_between (rng, 57, 80) : 0);

          sqlite3_bind_int64 (plan, 1, plan_id);
          sqlite3_bind_int64 (plan, 2, member->participant_id);
          sqlite3_bind_text (plan, 3, demo_interests[rand_below (rng, G_N_ELEMENTS (demo_interests))], -1, SQLITE_STATIC);
          sqlite3_bind_text (plan, 4, demo_strengths[rand_below (rng, G_N_ELEMENTS (demo_strengths))], -1, SQLITE_STATIC);
          sqlite3_bind_text (plan, 5, demo_experience[rand_below (rng, G_N_ELEMENTS (demo_experience))], -1, SQLITE_STATIC);
          sqlite3_bind_text (plan, 6, demo_education[rand_below (rng, G_N_ELEMENTS (demo_education))], -1, SQLITE_STATIC);
          iso_from_julian (agreed, day);
          korak_bind_text (plan, 7, day);
          iso_from_julian (next_review, day2);
          korak_bind_text (plan, 8, member->end == G_MAXUINT32 ? day2 : NULL);
          if (!demo_exec_stmt (demo->store, plan, error))
            return FALSE;
          n_plans++;

          for (guint k = 0, n = 1 + rand_below (rng, 3); k < n; k++)
            {
              guint b = rand_below (rng, G_N_ELEMENTS (demo_barrier_kinds));

              sqlite3_bind_int64 (barrier, 1, korak_store_new_id ());
              sqlite3_bind_int64 (barrier, 2, plan_id);
              sqlite3_bind_text (barrier, 3, demo_barrier_kinds[b], -1, SQLITE_STATIC);
              sqlite3_bind_text (barrier, 4, demo_barrier_remarks[b], -1, SQLITE_STATIC);
              /* The same kind drawn twice is ignored: once is enough. */
              if (!demo_exec_stmt (demo->store, barrier, error))
                return FALSE;
            }

          for (guint g = 0; g < n_goals; g++)
            {
              const DemoGoal *dg = &demo_goals[(goal_first + g) % G_N_ELEMENTS (demo_goals)];
              gint64 goal_id = korak_store_new_id ();
              double x = progress - g * 0.2 + g_rand_double (rng) * 0.3;
              const char *status = x > 0.8 ? "achieved" : x > 0.3 ? "in_progress" : chance (rng, 0.05) ? "dropped" : "planned";

              iso_from_julian (member->start + 60 + 40 * g, day);
              sqlite3_bind_int64 (goal, 1, goal_id);
              sqlite3_bind_int64 (goal, 2, plan_id);
              sqlite3_bind_text (goal, 3, dg->area, -1, SQLITE_STATIC);
              sqlite3_bind_text (goal, 4, dg->goal, -1, SQLITE_STATIC);
              korak_bind_text (goal, 5, day);
              sqlite3_bind_text (goal, 6, status, -1, SQLITE_STATIC);
              sqlite3_bind_int (goal, 7, (int)g);
              if (!demo_exec_stmt (demo->store, goal, error))
                return FALSE;

              for (guint s = 0; s < G_N_ELEMENTS (dg->steps) && dg->steps[s]; s++)
                {
                  guint32 due = member->start + 21 + 40 * g + 14 * s;

                  iso_from_julian (due, day);
                  sqlite3_bind_int64 (step, 1, korak_store_new_id ());
                  sqlite3_bind_int64 (step, 2, goal_id);
                  sqlite3_bind_int (step, 3, (int)s);
                  sqlite3_bind_text (step, 4, dg->steps[s], -1, SQLITE_STATIC);
                  korak_bind_text (step, 5, day);
                  sqlite3_bind_int (step, 6, g_str_equal (status, "achieved") || (due < end && !g_str_equal (status, "planned")));
                  if (!demo_exec_stmt (demo->store, step, error))
                    return FALSE;
                }
            }

          for (guint a = 0; activities->len > 0 && a < 2; a++)
            {
              const KorakActivityRecord *act = g_ptr_array_index (activities, rand_below (rng, activities->len));
              guint32 planned = member->start + 7 + 30 * a;

              iso_from_julian (planned, day);
              iso_from_julian (planned + 28, day2);
              sqlite3_bind_int64 (activity, 1, korak_store_new_id ());
              sqlite3_bind_int64 (activity, 2, plan_id);
              sqlite3_bind_int64 (activity, 3, act->id);
              sqlite3_bind_int (activity, 4, (int)a);
              korak_bind_text (activity, 5, day);
              korak_bind_text (activity, 6, planned + 28 <= end ? day2 : NULL);
              if (!demo_exec_stmt (demo->store, activity, error))
                return FALSE;
            }

          /* History: agreed, then a review every eight weeks. */
          for (guint32 r = agreed; r <= end; r += 56)
            {
              iso_from_julian (r, day);
              sqlite3_bind_int64 (review, 1, korak_store_new_id ());
              sqlite3_bind_int64 (review, 2, plan_id);
              korak_bind_text (review, 3, day);
              sqlite3_bind_text (review, 4, r == agreed ? "agreed" : "review", -1, SQLITE_STATIC);
              sqlite3_bind_text (review, 5, r == agreed ? "[{\"what\":\"plan\",\"item\":null,\"field\":\"agreed_date\",\"old\":null,\"new\":null}]"
                                                         : "[]", -1, SQLITE_STATIC);
              sqlite3_bind_int (review, 6, ++seq);
              if (r == agreed)
                {
                  /* The JSON names the day. */
                  g_autofree char *json = g_strdup_printf ("[{\"what\":\"plan\",\"item\":null,\"field\":\"agreed_date\","
                                                           "\"old\":null,\"new\":\"%s\"}]", day);
                  sqlite3_bind_text (review, 5, json, -1, SQLITE_TRANSIENT);
                }
              if (!demo_exec_stmt (demo->store, review, error))
                return FALSE;
            }

          /* The journal: small wins mostly, now and then a milestone or a concern. */
          seq = 0;
          for (guint j = 0, n = end > member->start ? rand_below (rng, 5) : 0; j < n; j++)
            {
              double x = g_rand_double (rng);
              const char *kind = x < 0.7 ? "small_win" : x < 0.85 ? "milestone" : "concern";
              const char *text = x < 0.7 ? demo_wins[rand_below (rng, G_N_ELEMENTS (demo_wins))]
                               : x < 0.85 ? demo_milestones[rand_below (rng, G_N_ELEMENTS (demo_milestones))]
                               : demo_concerns[rand_below (rng, G_N_ELEMENTS (demo_concerns))];

              iso_from_julian (member->start + (end - member->start) * (j + 1) / (n + 1), day);
              sqlite3_bind_int64 (journal, 1, korak_store_new_id ());
              sqlite3_bind_int64 (journal, 2, member->participant_id);
              korak_bind_text (journal, 3, day);
              sqlite3_bind_text (journal, 4, kind, -1, SQLITE_STATIC);
              sqlite3_bind_text (journal, 5, text, -1, SQLITE_STATIC);
              sqlite3_bind_int (journal, 6, ++seq);
              if (!demo_exec_stmt (demo->store, journal, error))
                return FALSE;
            }

          /* Follow-ups at 3 and 6 months after an exit; the past ones mostly done. */
          if (member->end != G_MAXUINT32)
            {
              gint64 enrolment_id = 0;
              g_autofree char *exit_date = NULL;
              gboolean positive = FALSE;

              sqlite3_bind_int64 (enrolment, 1, member->participant_id);
              sqlite3_bind_int64 (enrolment, 2, cohort->id);
              rc = sqlite3_step (enrolment);
              if (rc == SQLITE_ROW)
                {
                  enrolment_id = sqlite3_column_int64 (enrolment, 0);
                  exit_date = korak_column_dup (enrolment, 1);
                  positive = sqlite3_column_int (enrolment, 2) == 1;
                }
              sqlite3_reset (enrolment);
              if (rc != SQLITE_ROW && rc != SQLITE_DONE)
                {
                  korak_store_set_error (demo->store, rc, error);
                  return FALSE;
                }

              for (int months = 3; enrolment_id != 0 && months <= 6; months += 3)
                {
                  g_autofree char *due = korak_date_add_months (exit_date, months);
                  guint32 due_day = julian_from_iso (due);
                  gboolean done = due_day + 14 < demo->today && chance (rng, 0.75);
                  guint s = positive ? rand_below (rng, 3) : 1 + rand_below (rng, 5);
                  static const char * const statuses[] = { "employed", "job_seeker", "education", "inactive", "programme", "unknown" };

                  iso_from_julian (due_day + rand_below (rng, 14), day);
                  sqlite3_bind_int64 (follow_up, 1, korak_store_new_id ());
                  sqlite3_bind_int64 (follow_up, 2, enrolment_id);
                  korak_bind_text (follow_up, 3, due);
                  korak_bind_text (follow_up, 4, done ? day : NULL);
                  korak_bind_text (follow_up, 5, done ? demo_situations[s] : NULL);
                  korak_bind_text (follow_up, 6, done ? statuses[s] : NULL);
                  sqlite3_bind_int (follow_up, 7, months);
                  if (!demo_exec_stmt (demo->store, follow_up, error))
                    return FALSE;
                }
            }
        }
    }

  g_debug ("Plans for %u people in %.1f s", n_plans, (g_get_monotonic_time () - started) / 1e6);
  return TRUE;
}

/* Notes for the people who need an intercultural mediator (issue 7),
 * written in Slovenian by the mentor, most translated into the person's
 * mother tongue and reviewed by the mediator who speaks it, some written
 * in the person's language and translated into Slovenian; a few notes per
 * cohort, translated for the groups of women from other cultural
 * environments. Recent translations are still drafts, wait for review or
 * were returned, so the mediator's queue is not empty. Every earlier
 * version of a translation is kept, as the store keeps it. A generator of
 * its own, so the rest of the sample data stays the same for a seed. */
typedef struct
{
  gboolean    sensitive;
  const char *sl;
  const char *sq;
  const char *ar;
  const char *bs;
  const char *hr;
} DemoNote;

static const DemoNote demo_notes[] = {
  { FALSE,
    "Dogovor: v ponedeljek ob 9. uri skupaj na Zavod za zaposlovanje. S seboj naj prinese osebni dokument in davčno številko.",
    "Marrëveshje: të hënën në orën 9 shkojmë së bashku në Entin e Punësimit. Të marrë me vete letërnjoftimin dhe numrin tatimor.",
    "اتفاق: يوم الاثنين الساعة التاسعة نذهب معًا إلى مكتب التوظيف. يُرجى إحضار بطاقة الهوية والرقم الضريبي.",
    "Dogovor: u ponedjeljak u 9 sati zajedno idemo na Zavod za zapošljavanje. Neka sa sobom ponese ličnu kartu i poreski broj.",
    "Dogovor: u ponedjeljak u 9 sati zajedno idemo na Zavod za zapošljavanje. Neka sa sobom ponese osobnu iskaznicu i porezni broj." },
  { FALSE,
    "Delavnice v četrtek odpadejo zaradi praznika. Naslednje srečanje je v ponedeljek ob 9.00 v istem prostoru.",
    "Punëtoritë e së enjtes anulohen për shkak të festës. Takimi i radhës është të hënën në orën 9.00 në të njëjtën sallë.",
    "ورشات يوم الخميس ملغاة بسبب العطلة. اللقاء القادم يوم الاثنين الساعة 9:00 في نفس القاعة.",
    "Radionice u četvrtak otpadaju zbog praznika. Sljedeći susret je u ponedjeljak u 9.00 u istoj prostoriji.",
    "Radionice u četvrtak otpadaju zbog blagdana. Sljedeći susret je u ponedjeljak u 9.00 u istoj prostoriji." },
  { FALSE,
    "Za vpis otroka v vrtec je treba do konca meseca oddati vlogo na občini. Obrazec izpolnimo skupaj na individualni uri.",
    "Për regjistrimin e fëmijës në kopsht duhet dorëzuar kërkesa në komunë deri në fund të muajit. Formularin e plotësojmë së bashku në orën individuale.",
    "لتسجيل الطفل في الروضة يجب تقديم الطلب في البلدية قبل نهاية الشهر. سنملأ الاستمارة معًا في الحصة الفردية.",
    "Za upis djeteta u vrtić potrebno je do kraja mjeseca predati zahtjev u općini. Obrazac ćemo popuniti zajedno na individualnom satu.",
    "Za upis djeteta u vrtić potrebno je do kraja mjeseca predati zahtjev u općini. Obrazac ćemo ispuniti zajedno na individualnom satu." },
  { FALSE,
    "Delodajalec na praksi pohvali točnost in natančnost. Praksa se lahko podaljša za en mesec, če se strinja.",
    "Punëdhënësi në praktikë lavdëron përpikërinë dhe saktësinë. Praktika mund të zgjatet edhe një muaj, nëse pajtohet.",
    "صاحب العمل في التدريب يثني على الالتزام بالمواعيد والدقة. يمكن تمديد التدريب لمدة شهر عند الموافقة.",
    "Poslodavac na praksi hvali tačnost i preciznost. Praksa se može produžiti za mjesec dana, ako se slaže.",
    "Poslodavac na praksi hvali točnost i preciznost. Praksa se može produljiti za mjesec dana, ako se slaže." },
  { TRUE,
    "Zdravniški pregled je v sredo ob 10.30 v zdravstvenem domu. Mediatorka gre zraven in pomaga pri pogovoru.",
    "Kontrolli mjekësor është të mërkurën në orën 10.30 në qendrën shëndetësore. Ndërmjetësja shkon bashkë dhe ndihmon në bisedë.",
    "الفحص الطبي يوم الأربعاء الساعة 10:30 في المركز الصحي. سترافقكم الوسيطة وتساعد في الحديث مع الطبيب.",
    "Ljekarski pregled je u srijedu u 10.30 u domu zdravlja. Medijatorka ide zajedno i pomaže u razgovoru.",
    "Liječnički pregled je u srijedu u 10.30 u domu zdravlja. Medijatorica ide zajedno i pomaže u razgovoru." },
  { FALSE,
    "V petek prinese potrdilo o prejemanju denarne socialne pomoči, za poročilo centru za socialno delo.",
    "Të premten të sjellë vërtetimin për marrjen e ndihmës sociale në para, për raportin e qendrës për punë sociale.",
    "يرجى إحضار شهادة استلام المساعدة الاجتماعية المالية يوم الجمعة، من أجل التقرير لمركز العمل الاجتماعي.",
    "U petak neka donese potvrdu o primanju novčane socijalne pomoći, za izvještaj centru za socijalni rad.",
    "U petak neka donese potvrdu o primanju novčane socijalne pomoći, za izvješće centru za socijalnu skrb." },
  { FALSE,
    "Tečaj slovenščine A2 se začne 3. oktobra, dvakrat tedensko popoldne. Prijava je brezplačna.",
    "Kursi i gjuhës sllovene A2 fillon më 3 tetor, dy herë në javë pasdite. Regjistrimi është falas.",
    "تبدأ دورة اللغة السلوفينية A2 في 3 أكتوبر، مرتين في الأسبوع بعد الظهر. التسجيل مجاني.",
    "Kurs slovenskog jezika A2 počinje 3. oktobra, dva puta sedmično popodne. Prijava je besplatna.",
    "Tečaj slovenskog jezika A2 počinje 3. listopada, dvaput tjedno poslijepodne. Prijava je besplatna." },
  { TRUE,
    "Dva tedna brez prihoda na delavnice. Po telefonu pove, da je otrok bolan; dogovor za obisk na domu v torek.",
    "Dy javë pa ardhur në punëtori. Në telefon thotë se fëmija është i sëmurë; marrëveshje për vizitë në shtëpi të martën.",
    "أسبوعان دون حضور الورشات. عُلم عبر الهاتف أن الطفل مريض؛ تم الاتفاق على زيارة منزلية يوم الثلاثاء.",
    "Dvije sedmice bez dolaska na radionice. Telefonom kaže da je dijete bolesno; dogovor za kućnu posjetu u utorak.",
    "Dva tjedna bez dolaska na radionice. Telefonom kaže da je dijete bolesno; dogovor za kućni posjet u utorak." },
  { FALSE,
    "Individualni načrt je podpisan. Prvi cilj: samostojen klic na upravno enoto do konca meseca.",
    "Plani individual është nënshkruar. Qëllimi i parë: një telefonatë e pavarur në njësinë administrative deri në fund të muajit.",
    "تم توقيع الخطة الفردية. الهدف الأول: الاتصال بالوحدة الإدارية بشكل مستقل قبل نهاية الشهر.",
    "Individualni plan je potpisan. Prvi cilj: samostalan poziv upravnoj jedinici do kraja mjeseca.",
    "Individualni plan je potpisan. Prvi cilj: samostalan poziv upravnoj jedinici do kraja mjeseca." },
  { FALSE,
    "Za obisk knjižnice v sredo se zberemo ob 8.45 pred avtobusno postajo. Izkaznico za knjižnico uredimo na mestu.",
    "Për vizitën në bibliotekë të mërkurën mblidhemi në orën 8.45 para stacionit të autobusëve. Kartën e bibliotekës e rregullojmë atje.",
    "لزيارة المكتبة يوم الأربعاء نلتقي الساعة 8:45 أمام محطة الحافلات. سنصدر بطاقة المكتبة هناك.",
    "Za posjetu biblioteci u srijedu okupljamo se u 8.45 ispred autobuske stanice. Člansku kartu uredit ćemo na licu mjesta.",
    "Za posjet knjižnici u srijedu okupljamo se u 8.45 ispred autobusnog kolodvora. Člansku iskaznicu uredit ćemo na licu mjesta." },
};

static const DemoNote demo_cohort_notes[] = {
  { FALSE,
    "V petek po delavnici skupna malica. Vsak lahko prinese jed iz svoje domače kuhinje.",
    "Të premten pas punëtorisë hamë së bashku. Secili mund të sjellë një gjellë nga kuzhina e vendit të vet.",
    "يوم الجمعة بعد الورشة نتناول وجبة خفيفة معًا. يمكن لكل واحد أن يحضر طبقًا من مطبخ بلده.",
    "U petak nakon radionice zajednička užina. Svako može donijeti jelo iz svoje domaće kuhinje.",
    "U petak nakon radionice zajednička užina. Svatko može donijeti jelo iz svoje domaće kuhinje." },
  { FALSE,
    "Obisk upravne enote je prestavljen na naslednji teden, isti dan in ob isti uri.",
    "Vizita në njësinë administrative është shtyrë për javën e ardhshme, në të njëjtën ditë dhe orë.",
    "تم تأجيل زيارة الوحدة الإدارية إلى الأسبوع القادم، في نفس اليوم ونفس الساعة.",
    "Posjeta upravnoj jedinici pomjerena je za sljedeću sedmicu, isti dan i u isto vrijeme.",
    "Posjet upravnoj jedinici pomaknut je na sljedeći tjedan, isti dan i u isto vrijeme." },
  { FALSE,
    "Delovna praksa se začne v ponedeljek. Razpored delodajalcev je na oglasni deski.",
    "Praktika e punës fillon të hënën. Orari i punëdhënësve është në tabelën e njoftimeve.",
    "يبدأ التدريب العملي يوم الاثنين. جدول أصحاب العمل معلّق على لوحة الإعلانات.",
    "Radna praksa počinje u ponedjeljak. Raspored poslodavaca je na oglasnoj tabli.",
    "Radna praksa počinje u ponedjeljak. Raspored poslodavaca je na oglasnoj ploči." },
};

static const char * const demo_return_comments[] = {
  "Manjkata dan in ura, dopolni prosim.",
  "Preveč dobesedno, tega ne bo razumela. Poenostavi.",
  "Ime urada naj ostane v slovenščini, prevod v oklepaju.",
  "Zadnji stavek manjka.",
};

/* The written translation of a note for a background, or NULL. */
static const char *
demo_note_text (const DemoNote *note,
                const char     *tag)
{
  if (g_str_equal (tag, "sl"))
    return note->sl;
  if (g_str_equal (tag, "sq"))
    return note->sq;
  if (g_str_equal (tag, "ar"))
    return note->ar;
  if (g_str_equal (tag, "bs"))
    return note->bs;
  if (g_str_equal (tag, "hr"))
    return note->hr;
  return NULL;
}

static const char *
background_tag (guint background)
{
  switch (background)
    {
    case BACKGROUND_ALBANIAN: return "sq";
    case BACKGROUND_ARABIC:   return "ar";
    case BACKGROUND_BOSNIAN:  return "bs";
    case BACKGROUND_CROATIAN: return "hr";
    default:                  return NULL;   /* Romani is spoken, not written, here */
    }
}

typedef enum
{
  PATH_DRAFT,
  PATH_WAITING,
  PATH_RETURNED,
  PATH_REVIEWED,
  PATH_REVIEWED_AFTER_RETURN,
} DemoPath;

typedef struct
{
  const char *state;
  const char *text;
  const char *comment;
  gint64      reviewer;     /* with reviewed_at, while it stands */
  gint64      by;
  char        at[21];
  char        reviewed_at[21];
  char        submitted_at[25];
} DemoVersion;

typedef struct
{
  sqlite3_stmt *note;
  sqlite3_stmt *translation;
  sqlite3_stmt *version;
  guint         notes;
  guint         translations;
  guint         versions;
  guint         waiting;
} NoteStatements;

/* "2026-03-02T09:14:05Z", @step hours after 8:00 on @julian. */
static void
note_stamp (GRand   *rng,
            guint32  julian,
            guint    step,
            char     out[21])
{
  char day[11];

  iso_from_julian (julian, day);
  g_snprintf (out, 21, "%sT%02u:%02d:%02dZ", day, 8 + MIN (step, 10u), rand_between (rng, 0, 59),
              rand_between (rng, 0, 59));
}

static gboolean
insert_demo_translation (Demo            *demo,
                         GRand           *rng,
                         NoteStatements  *stmts,
                         gint64           note_id,
                         const char      *language,
                         const char      *text,
                         guint32          day,
                         DemoPath         path,
                         gint64           translator,
                         gint64           mentor,
                         gint64           mediator,
                         GError         **error)
{
  DemoVersion versions[6];
  guint n = 0, i;
  guint32 at_day = day;
  const char *comment = demo_return_comments[rand_below (rng, G_N_ELEMENTS (demo_return_comments))];
  gint64 translation_id;
  /* A first draft that was returned was shorter: its first sentence. */
  g_autofree char *first_draft = NULL;
  const char *stop = strstr (text, ". ");

  first_draft = stop ? g_strndup (text, stop - text + 1) : g_strdup (text);
  memset (versions, 0, sizeof versions);

#define ADD_VERSION(state_, text_, by_) G_STMT_START {                                     \
    DemoVersion *v = &versions[n];                                                        \
    if (n > 0)                                                                            \
      *v = versions[n - 1];                                                               \
    v->state = (state_); v->text = (text_); v->by = (by_);                                \
    if (n > 0 && at_day < demo->today && chance (rng, 0.6))                               \
      at_day++;                                                                           \
    note_stamp (rng, at_day, n + 1, v->at);                                               \
    n++;                                                                                  \
  } G_STMT_END

  ADD_VERSION ("draft", path == PATH_REVIEWED_AFTER_RETURN ? first_draft : text, translator ? translator : mentor);
  if (path != PATH_DRAFT)
    {
      ADD_VERSION ("needs_review", versions[0].text, mentor);
      g_snprintf (versions[n - 1].submitted_at, sizeof versions[n - 1].submitted_at, "%.19s.000Z", versions[n - 1].at);
    }
  if (path == PATH_RETURNED || path == PATH_REVIEWED_AFTER_RETURN)
    {
      ADD_VERSION ("returned", versions[0].text, mediator);
      versions[n - 1].comment = comment;
      versions[n - 1].reviewer = mediator;
      memcpy (versions[n - 1].reviewed_at, versions[n - 1].at, sizeof versions[n - 1].at);
    }
  if (path == PATH_REVIEWED_AFTER_RETURN)
    {
      ADD_VERSION ("returned", text, translator ? translator : mentor);
      ADD_VERSION ("needs_review", text, mentor);
      versions[n - 1].comment = NULL;
      versions[n - 1].reviewer = 0;
      versions[n - 1].reviewed_at[0] = '\0';
      g_snprintf (versions[n - 1].submitted_at, sizeof versions[n - 1].submitted_at, "%.19s.000Z", versions[n - 1].at);
    }
  if (path == PATH_REVIEWED || path == PATH_REVIEWED_AFTER_RETURN)
    {
      ADD_VERSION ("reviewed", text, mediator);
      versions[n - 1].comment = NULL;
      versions[n - 1].reviewer = mediator;
      memcpy (versions[n - 1].reviewed_at, versions[n - 1].at, sizeof versions[n - 1].at);
    }
#undef ADD_VERSION

  /* The translation as it stands: the last version. */
  {
    const DemoVersion *v = &versions[n - 1];
    sqlite3_stmt *stmt = stmts->translation;

    sqlite3_bind_int64 (stmt, 2, note_id);
    sqlite3_bind_text (stmt, 3, language, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 4, v->text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 5, v->state, -1, SQLITE_STATIC);
    if (translator)
      sqlite3_bind_int64 (stmt, 6, translator);
    else
      sqlite3_bind_null (stmt, 6);
    if (v->reviewer)
      sqlite3_bind_int64 (stmt, 7, v->reviewer);
    else
      sqlite3_bind_null (stmt, 7);
    korak_bind_text (stmt, 8, v->reviewed_at);
    korak_bind_text (stmt, 9, v->comment);
    korak_bind_text (stmt, 10, v->submitted_at);
    sqlite3_bind_int (stmt, 11, (int)n);
    korak_bind_text (stmt, 12, versions[0].at);
    korak_bind_text (stmt, 13, v->at);
    sqlite3_bind_int64 (stmt, 14, v->by);
    if (!insert_row (demo, stmt, &translation_id, error))
      return FALSE;
    stmts->translations++;
    if (g_str_equal (v->state, "needs_review"))
      stmts->waiting++;
  }

  /* The earlier ones, each kept when the next was made. */
  for (i = 0; i + 1 < n; i++)
    {
      const DemoVersion *v = &versions[i];
      sqlite3_stmt *stmt = stmts->version;
      gint64 version_id;

      sqlite3_bind_int64 (stmt, 2, translation_id);
      sqlite3_bind_int (stmt, 3, (int)(i + 1));
      sqlite3_bind_text (stmt, 4, language, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, v->text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, v->state, -1, SQLITE_STATIC);
      if (translator)
        sqlite3_bind_int64 (stmt, 7, translator);
      else
        sqlite3_bind_null (stmt, 7);
      if (v->reviewer)
        sqlite3_bind_int64 (stmt, 8, v->reviewer);
      else
        sqlite3_bind_null (stmt, 8);
      korak_bind_text (stmt, 9, v->reviewed_at);
      korak_bind_text (stmt, 10, v->comment);
      korak_bind_text (stmt, 11, v->submitted_at);
      korak_bind_text (stmt, 12, v->at);
      sqlite3_bind_int64 (stmt, 13, v->by);
      korak_bind_text (stmt, 14, versions[i + 1].at);
      sqlite3_bind_int64 (stmt, 15, versions[i + 1].by);
      if (!insert_row (demo, stmt, &version_id, error))
        return FALSE;
      stmts->versions++;
    }

  return TRUE;
}

/* Recent translations are still in the works; older ones were reviewed. */
static DemoPath
demo_path (GRand   *rng,
           guint32  today,
           guint32  day)
{
  double x = g_rand_double (rng);

  if (day + 21 >= today)
    return x < 0.2 ? PATH_DRAFT : x < 0.72 ? PATH_WAITING : x < 0.84 ? PATH_RETURNED : PATH_REVIEWED;
  return x < 0.85 ? PATH_REVIEWED : PATH_REVIEWED_AFTER_RETURN;
}

static gboolean
insert_demo_note (Demo            *demo,
                  GRand           *rng,
                  NoteStatements  *stmts,
                  gint64           participant_id,
                  gint64           cohort_id,
                  guint32          day,
                  const char      *language,
                  const char      *text,
                  gboolean         sensitive,
                  gint64           author,
                  gint64          *note_id,
                  GError         **error)
{
  sqlite3_stmt *stmt = stmts->note;
  char date[11], stamp[21];

  iso_from_julian (day, date);
  note_stamp (rng, day, 0, stamp);
  if (participant_id)
    sqlite3_bind_int64 (stmt, 2, participant_id);
  else
    sqlite3_bind_null (stmt, 2);
  if (cohort_id)
    sqlite3_bind_int64 (stmt, 3, cohort_id);
  else
    sqlite3_bind_null (stmt, 3);
  korak_bind_text (stmt, 4, date);
  sqlite3_bind_text (stmt, 5, language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, text, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, sensitive ? 1 : 0);
  if (author)
    sqlite3_bind_int64 (stmt, 8, author);
  else
    sqlite3_bind_null (stmt, 8);
  korak_bind_text (stmt, 9, stamp);
  if (!insert_row (demo, stmt, note_id, error))
    return FALSE;
  stmts->notes++;
  return TRUE;
}

static gboolean
insert_notes (Demo          *demo,
              Cohort        *cohorts,
              guint          n_cohorts,
              const Person  *people,
              GError       **error)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (demo->seed ^ 0x70735eedu);
  gint64 started = g_get_monotonic_time ();
  gint64 albanian_mediator = demo->staff_ids[FIRST_MEDIATOR];
  gint64 arabic_mediator = demo->staff_ids[FIRST_MEDIATOR + 1];
  sqlite3_stmt *needs_mediator;
  NoteStatements stmts = { 0 };

  if (!(stmts.note = korak_store_prepare (demo->store,
                                          "INSERT INTO note (id, participant_id, cohort_id, date, language, text, "
                                          "sensitive, author_id, created_at, updated_at, updated_by) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?8)", error)) ||
      !(stmts.translation = korak_store_prepare (demo->store,
                                                 "INSERT INTO note_translation (id, note_id, language, text, review_state, "
                                                 "translator_id, reviewer_id, reviewed_at, review_comment, submitted_at, "
                                                 "version, created_at, updated_at, updated_by) "
                                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                                 error)) ||
      !(stmts.version = korak_store_prepare (demo->store,
                                             "INSERT INTO note_translation_version (id, translation_id, version, language, "
                                             "text, review_state, translator_id, reviewer_id, reviewed_at, review_comment, "
                                             "submitted_at, version_at, version_by, created_at, updated_at, updated_by) "
                                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15)",
                                             error)) ||
      !(needs_mediator = korak_store_prepare (demo->store,
                                              "SELECT needs_mediator FROM participant WHERE id = ?1", error)))
    return FALSE;

  for (guint c = 0; c < n_cohorts; c++)
    {
      const Cohort *cohort = &cohorts[c];
      gint64 mentor = cohort->mentor_id;

      if (cohort->start > demo->today)
        continue;

      for (guint m = 0; cohort->members && m < cohort->members->len; m++)
        {
          const Member *member = &g_array_index (cohort->members, Member, m);
          const Person *person = &people[member->person];
          const char *tag = background_tag (person->background);
          gint64 mediator = person->background == BACKGROUND_ALBANIAN || person->background == BACKGROUND_ROMA
                              ? albanian_mediator : arabic_mediator;
          guint32 end = MIN (member->end, demo->today);
          gboolean needs;
          int rc;

          if (member->start > demo->today)
            continue;

          sqlite3_bind_int64 (needs_mediator, 1, member->participant_id);
          rc = sqlite3_step (needs_mediator);
          needs = rc == SQLITE_ROW && sqlite3_column_int (needs_mediator, 0) == 1;
          sqlite3_reset (needs_mediator);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            {
              korak_store_set_error (demo->store, rc, error);
              return FALSE;
            }
          if (!needs)
            continue;

          for (guint k = 0, n = 1 + rand_below (rng, 3); k < n; k++)
            {
              const DemoNote *dn = &demo_notes[rand_below (rng, G_N_ELEMENTS (demo_notes))];
              guint32 day = member->start + (end - member->start) * (k + 1) / (n + 1);
              gboolean in_own_language = tag != NULL && chance (rng, 0.1);
              gboolean translated = tag != NULL && (in_own_language || chance (rng, 0.7));
              gint64 translator = chance (rng, 0.5) ? mediator : 0;
              gint64 note_id;

              if (!insert_demo_note (demo, rng, &stmts, member->participant_id, 0, day,
                                     in_own_language ? tag : "sl",
                                     in_own_language ? demo_note_text (dn, tag) : dn->sl,
                                     dn->sensitive, in_own_language ? mediator : mentor, &note_id, error))
                return FALSE;
              if (translated &&
                  !insert_demo_translation (demo, rng, &stmts, note_id,
                                            in_own_language ? "sl" : tag,
                                            in_own_language ? dn->sl : demo_note_text (dn, tag),
                                            day, demo_path (rng, demo->today, day),
                                            translator, mentor, mediator, error))
                return FALSE;
            }
        }

      /* Notes to the whole group; the women's groups get them in Albanian,
       * Arabic and Bosnian too. */
      for (guint k = 0; k < G_N_ELEMENTS (demo_cohort_notes); k++)
        {
          const DemoNote *dn = &demo_cohort_notes[k];
          guint32 day = cohort->start + 10 + 30 * k;
          static const char * const group_languages[] = { "sq", "ar", "bs" };
          gint64 note_id;

          if (day > MIN (cohort->end, demo->today))
            break;
          if (!insert_demo_note (demo, rng, &stmts, 0, cohort->id, day, "sl", dn->sl, dn->sensitive,
                                 mentor, &note_id, error))
            return FALSE;
          if (cohort->programme != PROGRAMME_MIGRANT_WOMEN)
            continue;
          for (guint l = 0; l < G_N_ELEMENTS (group_languages); l++)
            {
              const char *tag = group_languages[l];
              gint64 mediator = g_str_equal (tag, "sq") ? albanian_mediator : arabic_mediator;

              if (!insert_demo_translation (demo, rng, &stmts, note_id, tag, demo_note_text (dn, tag), day,
                                            demo_path (rng, demo->today, day), mediator, mentor, mediator, error))
                return FALSE;
            }
        }
    }

  g_debug ("%u notes, %u translations (%u waiting for review), %u earlier versions in %.2f s",
           stmts.notes, stmts.translations, stmts.waiting, stmts.versions,
           (g_get_monotonic_time () - started) / 1e6);
  return TRUE;
}

/* Who interpreted (issue 10): the mediator who speaks a person's mother
 * tongue (else their cohort's) on every other individual hour, on their
 * intake and exit assessments and on most of their notes; the group
 * sessions that had a mediator get the cohort's, in the mother tongue of
 * most of those who need one. Done in SQL over what is already written,
 * so the random sequence, and everything else, stays as it was. */
static gboolean
mark_mediators (Demo    *demo,
                GError **error)
{
  static const char * const updates[] = {
    "CREATE TEMP TABLE demo_mediation (participant_id INTEGER PRIMARY KEY, mediator_id INTEGER NOT NULL, tag TEXT NOT NULL)",
    "INSERT INTO temp.demo_mediation "
    "SELECT p.id, coalesce((SELECT s.id FROM staff s WHERE s.role = 'mediator' AND s.archived_at IS NULL "
    "                       AND instr(s.languages, p.mother_tongue) > 0 ORDER BY s.given_name LIMIT 1), "
    "                      (SELECT c.mediator_id FROM enrolment e JOIN cohort c ON c.id = e.cohort_id "
    "                       WHERE e.participant_id = p.id ORDER BY e.start_date DESC LIMIT 1)) AS mediator, t.tag "
    "FROM participant p JOIN temp.demo_tongue t ON t.name = p.mother_tongue "
    "WHERE p.needs_mediator = 1 AND mediator IS NOT NULL",
    "CREATE TEMP TABLE demo_cohort_tag (cohort_id INTEGER PRIMARY KEY, tag TEXT NOT NULL)",
    "INSERT INTO temp.demo_cohort_tag "
    "SELECT cohort_id, tag FROM ("
    "  SELECT e.cohort_id AS cohort_id, m.tag AS tag, "
    "         row_number () OVER (PARTITION BY e.cohort_id "
    "                             ORDER BY max(m.mediator_id = c.mediator_id) DESC, count(*) DESC, m.tag) AS n "
    "  FROM enrolment e JOIN temp.demo_mediation m ON m.participant_id = e.participant_id "
    "  JOIN cohort c ON c.id = e.cohort_id GROUP BY e.cohort_id, m.tag) WHERE n = 1",
    "UPDATE session SET mediator_id = c.mediator_id, conversation_language = t.tag "
    "FROM cohort c LEFT JOIN temp.demo_cohort_tag t ON t.cohort_id = c.id "
    "WHERE c.id = session.cohort_id AND session.mediator_present = 1 AND c.mediator_id IS NOT NULL",
    "UPDATE session SET mediator_present = 1, mediator_id = m.mediator_id, conversation_language = m.tag "
    "FROM temp.demo_mediation m WHERE session.participant_id = m.participant_id AND session.kind = 'individual' "
    "AND CAST(strftime('%W', session.date) AS INTEGER) % 2 = 0",
    "UPDATE assessment SET mediator_present = 1, mediator_id = m.mediator_id, conversation_language = m.tag "
    "FROM temp.demo_mediation m WHERE assessment.participant_id = m.participant_id "
    "AND assessment.kind IN ('intake', 'exit')",
    "UPDATE note SET mediator_present = 1, mediator_id = m.mediator_id, conversation_language = m.tag "
    "FROM temp.demo_mediation m WHERE note.participant_id = m.participant_id "
    "AND CAST(substr(note.date, 9, 2) AS INTEGER) % 3 <> 0",
    "DROP TABLE temp.demo_cohort_tag",
    "DROP TABLE temp.demo_mediation",
    "DROP TABLE temp.demo_tongue",
  };
  g_autoptr(GPtrArray) tongues = g_ptr_array_new_with_free_func (g_free);
  gint64 started = g_get_monotonic_time ();
  sqlite3_stmt *stmt;
  int rc;

  /* Mother tongues are free text ("albanščina"): their tags come from C. */
  if (!(stmt = korak_store_prepare (demo->store,
                                    "SELECT DISTINCT mother_tongue FROM participant "
                                    "WHERE needs_mediator = 1 AND mother_tongue IS NOT NULL", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tongues, korak_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (!korak_store_step_ok (demo->store, rc, error) ||
      !korak_store_exec (demo->store, "CREATE TEMP TABLE demo_tongue (name TEXT PRIMARY KEY, tag TEXT NOT NULL)", error))
    return FALSE;

  if (!(stmt = korak_store_prepare (demo->store, "INSERT INTO temp.demo_tongue (name, tag) VALUES (?1, ?2)", error)))
    return FALSE;
  for (guint i = 0; i < tongues->len; i++)
    {
      g_autofree char *tag = korak_language_from_text (g_ptr_array_index (tongues, i));

      if (tag == NULL)
        continue;
      korak_bind_text (stmt, 1, g_ptr_array_index (tongues, i));
      korak_bind_text (stmt, 2, tag);
      if (!korak_store_step_done (demo->store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    if (!korak_store_exec (demo->store, updates[i], error))
      return FALSE;

  g_debug ("Mediators recorded in %.2f s", (g_get_monotonic_time () - started) / 1e6);
  return TRUE;
}

static gboolean
drop_for_bulk (Demo        *demo,
               GPtrArray  **sqls,
               GError     **error)
{
  static const char * const names[] = {
    "participant_fts_ai", "session_date", "session_pattern_origin", "session_participant",
    "attendance_participant",
    "goal_plan", "goal_step_goal", "plan_review_plan", "journal_entry_participant", "journal_entry_kind_date",
  };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  if (!(stmt = korak_store_prepare (demo->store,
                                    "SELECT type, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND name = ?",
                                    error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *drop = NULL;
      g_autofree char *type = NULL;
      char *sql = NULL;

      sqlite3_bind_text (stmt, 1, names[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          type = korak_column_dup (stmt, 0);
          sql = korak_column_dup (stmt, 1);
        }
      sqlite3_reset (stmt);
      if (sql == NULL)
        continue;

      g_ptr_array_add (found, sql);
      drop = g_strdup_printf ("DROP %s %s", g_str_equal (type, "trigger") ? "TRIGGER" : "INDEX", names[i]);
      if (!korak_store_exec (demo->store, drop, error))
        return FALSE;
    }

  /* The audit triggers do nothing while auditing is off, but their mere
   * presence makes SQLite keep a statement journal for every row: out with
   * them too, and back in the same transaction. */
  if (!(stmt = korak_store_prepare (demo->store,
                                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                    "AND name GLOB 'audit_*' ORDER BY name", error)))
    return FALSE;
  {
    g_autoptr(GPtrArray) audit_names = g_ptr_array_new_with_free_func (g_free);

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_ptr_array_add (audit_names, korak_column_dup (stmt, 0));
        g_ptr_array_add (found, korak_column_dup (stmt, 1));
      }
    sqlite3_reset (stmt);

    for (guint i = 0; i < audit_names->len; i++)
      {
        g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) g_ptr_array_index (audit_names, i));

        if (!korak_store_exec (demo->store, drop, error))
          return FALSE;
      }
  }

  *sqls = g_steal_pointer (&found);
  return TRUE;
}

static gboolean
restore_after_bulk (Demo       *demo,
                    GPtrArray  *sqls,
                    GError    **error)
{
  for (guint i = 0; i < sqls->len; i++)
    if (!korak_store_exec (demo->store, g_ptr_array_index (sqls, i), error))
      return FALSE;

  /* The participants went in without the trigger: index them all at once. */
  return korak_store_exec (demo->store, "INSERT INTO participant_fts(participant_fts) VALUES ('rebuild')", error);
}

/* ------------------------------------------------------------------ main */

/**
 * korak_demo_generate:
 * @store: an open store with no participants yet
 *
 * Writes the sample data in one transaction: all of it, or nothing.
 * Content depends only on @options; ids come from korak_store_new_id(),
 * so they are the same from run to run only when the caller has seeded
 * g_random (korak-cli does; a long-running app must not).
 */
gboolean
korak_demo_generate (KorakStore              *store,
                     const KorakDemoOptions  *options,
                     KorakDemoCounts         *counts,
                     GError                 **error)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (options->seed);
  g_autoptr(GArray) sites = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) workers = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *by_programme[N_PROGRAMMES] = { NULL, NULL };
  g_autofree Person *people = NULL;
  g_autofree Cohort *cohorts = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GPtrArray) bulk_sql = NULL;
  guint enrolled[N_PROGRAMMES] = { 0, 0 };
  guint per_programme[N_PROGRAMMES];
  guint n_cohorts;
  gboolean ok;
  gboolean audit_was_enabled;
  gboolean recording_was_on;
  Demo demo = { 0 };

  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  today = korak_date_today ();
  if (options->reference_date != NULL)
    {
      if (!korak_date_is_iso (options->reference_date) || strcmp (options->reference_date, today) > 0)
        {
          g_set_error (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                       _("The reference date of sample data must be a day no later than today."));
          return FALSE;
        }
      g_free (today);
      today = g_strdup (options->reference_date);
    }

  demo.store = store;
  demo.rng = rng;
  demo.seed = options->seed;
  demo.today = julian_from_iso (today);
  demo.first_birth = julian_from_iso ("1960-01-01");
  demo.last_birth = julian_from_iso ("2004-12-31");
  demo.sites = sites;
  demo.workers = workers;
  demo.counts = counts;

  for (guint i = 0; i < G_N_ELEMENTS (municipalities); i++)
    if (municipalities[i].is_site)
      g_array_append_val (sites, i);

  /* Hundreds of thousands of rows with random keys land all over the
   * B-trees: a page cache that holds them (256 MiB, for this connection
   * and only while generating) keeps SQLite from spilling to the journal. */
  if (!korak_store_exec (store, "PRAGMA cache_size = -262144", error))
    return FALSE;

  audit_was_enabled = korak_store_get_audit_enabled (store);
  korak_store_set_audit_enabled (store, FALSE);
  /* The baseline every desk starts from, not changes to send (korak-exchange.c). */
  recording_was_on = korak_store_get_recording (store);
  korak_store_set_recording (store, FALSE);

  if (!korak_store_begin (store, error))
    goto restore_cache;

  if (!insert_organisation (&demo, error) || !insert_programmes (&demo, error))
    goto failed;

  make_workers (&demo);
  people = plan_people (&demo, options->n_participants, enrolled);

  for (guint p = 0; p < N_PROGRAMMES; p++)
    per_programme[p] = MAX (1, (enrolled[p] + COHORT_SIZE - 1) / COHORT_SIZE);
  cohorts = plan_cohorts (&demo, per_programme, &n_cohorts);
  if (!insert_cohorts (&demo, cohorts, n_cohorts, error))
    goto failed;

  for (guint p = 0; p < N_PROGRAMMES; p++)
    by_programme[p] = g_ptr_array_new ();
  for (guint j = 0; j < n_cohorts; j++)
    g_ptr_array_add (by_programme[cohorts[j].programme], &cohorts[j]);

  ok = drop_for_bulk (&demo, &bulk_sql, error) &&
       insert_participants (&demo, people, options->n_participants, by_programme, error) &&
       insert_timetables (&demo, cohorts, n_cohorts, error) &&
       insert_assessments (&demo, cohorts, n_cohorts, error) &&
       insert_plans (&demo, cohorts, n_cohorts, error) &&
       insert_notes (&demo, cohorts, n_cohorts, people, error) &&
       mark_mediators (&demo, error) &&
       korak_demo_insert_links (store, options->seed, error) &&
       restore_after_bulk (&demo, bulk_sql, error);
  for (guint p = 0; p < N_PROGRAMMES; p++)
    g_ptr_array_unref (by_programme[p]);
  for (guint j = 0; j < n_cohorts; j++)
    g_clear_pointer (&cohorts[j].members, g_array_unref);
  if (!ok)
    goto failed;

  /* One merged full-text index searches fastest. */
  if (!korak_store_exec (store, "INSERT INTO participant_fts(participant_fts) VALUES ('optimize')", error))
    goto failed;

  if (!korak_store_commit (store, error))
    goto failed;

  korak_store_set_audit_enabled (store, audit_was_enabled);
  korak_store_set_recording (store, recording_was_on);
  korak_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  return TRUE;

failed:
  korak_store_rollback (store);
restore_cache:
  korak_store_set_audit_enabled (store, audit_was_enabled);
  korak_store_set_recording (store, recording_was_on);
  korak_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  memset (counts, 0, sizeof *counts);
  return FALSE;
}

/**
 * korak_demo_ensure:
 * @path: the sample database file
 *
 * Makes sure @path holds sample data: creates the file and fills it when
 * it is new or has no participants, and leaves it alone otherwise.
 */
gboolean
korak_demo_ensure (const char  *path,
                   guint        n_participants,
                   guint32      seed,
                   GError     **error)
{
  g_autoptr(KorakStore) store = NULL;
  KorakDemoOptions options = { n_participants, seed, NULL };
  KorakDemoCounts counts;
  gint64 existing;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(store = korak_store_open (path, error)))
    return FALSE;

  existing = korak_store_count_rows (store, "participant", error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    return TRUE;

  return korak_demo_generate (store, &options, &counts, error);
}
