/* korak-audit.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "korak-store.h"

G_BEGIN_DECLS

/* --------------------------------------------------------------- the log */

/* One row of the audit log, as korak_store_list_audit() reads it. */
typedef struct
{
  gint64      id;
  char       *at;              /* UTC, ISO 8601 with milliseconds */
  gint64      seq;             /* order of writing on this desk */
  gint64      staff_id;        /* 0: no staff member was chosen */
  char       *who;             /* the staff member's name now, else the name recorded */
  char       *table_name;
  gint64      row_id;
  gint64      participant_id;
  char       *action;          /* insert, update, delete, archive, restore, erase */
  char       *old_values;      /* JSON object, or NULL */
  char       *new_values;      /* JSON object, or NULL */
  char       *context;         /* the session date of a mark, the area of a score,
                                * the activity of a training, the cohort of an
                                * enrolment; NULL for other rows */
  GPtrArray  *columns;         /* the columns of the values, in the table's order */
  GHashTable *old_map;         /* column → value as text (NULL value: SQL null) */
  GHashTable *new_map;
} KorakAuditRecord;

void        korak_audit_record_free   (KorakAuditRecord        *record);
/* Whether @column is in the old (or new) values; @value gets its text,
 * NULL for a null. */
gboolean    korak_audit_record_lookup (const KorakAuditRecord  *record,
                                       gboolean                 new_values,
                                       const char              *column,
                                       const char             **value);
/* Columns whose value differs between old and new values, in the order of
 * the table, leaving out the bookkeeping (created_at, updated_at,
 * updated_by). */
GPtrArray  *korak_audit_record_changed_columns (const KorakAuditRecord *record);

/* Every entry about one person, from every table, newest first.
 * (element-type KorakAuditRecord) */
GPtrArray  *korak_store_list_audit    (KorakStore  *store,
                                       gint64       participant_id,
                                       GError     **error);

/* ----------------------------------------------------- a person's data */

/* One table's rows about a person, all values as text (NULL: SQL null);
 * the first column is the row's id. Joined names (a session's date, a
 * cohort's name) are extra columns. */
typedef struct
{
  char       *name;            /* the table, as in the database */
  guint       n_columns;
  char      **columns;
  GPtrArray  *rows;            /* GPtrArray of n_columns char * (NULL: SQL null) */
} KorakPersonTable;

void              korak_person_table_free (KorakPersonTable       *table);
const char       *korak_person_table_get  (const KorakPersonTable *table,
                                           guint                   row,
                                           const char             *column);
/* (element-type KorakPersonTable): participant, enrolment, follow_up,
 * attendance, session, weekly_pattern, plan, plan_barrier, goal, goal_step,
 * plan_activity, plan_review, assessment, assessment_score, journal_entry,
 * note, note_translation, note_translation_version, certificate, audit_log
 * — always all of them, possibly empty. NOT_FOUND when there is no such person. */
GPtrArray        *korak_store_dump_person (KorakStore             *store,
                                           gint64                  participant_id,
                                           GError                **error);
KorakPersonTable *korak_person_data_find  (GPtrArray              *tables,
                                           const char             *name);

/* Everything Korak holds about one person, as a JSON document: an object
 * with "format", "version", "exported_at", "participant" (an object) and
 * one array of row objects per table named above. */
char       *korak_store_export_person (KorakStore  *store,
                                       gint64       participant_id,
                                       GError     **error);

/* Erases a person in one transaction: every row of every table about them,
 * their notes and translations, attendance, certificates, plan,
 * assessments, the search index, and the audit log's entries about them
 * (written over on disk: secure_delete). What stays is anonymous counts
 * per cohort (erased_person_count), the serial numbers of their
 * certificates (erased_certificate, so no number is issued twice) and one
 * audit entry that a person was erased, with no values. */
gboolean    korak_store_erase_person  (KorakStore  *store,
                                       gint64       participant_id,
                                       GError     **error);

/* ---------------------------------------------------------- retention */

typedef struct
{
  gint64    participant_id;
  char     *given_name;
  char     *family_name;
  char     *status;
  char     *archived_at;
  char     *last_date;         /* when the last enrolment ended; for a person never
                                * enrolled, when they were referred or entered */
  gboolean  enrolled;          /* whether last_date is an enrolment's end */
} KorakRetentionRecord;

void        korak_retention_record_free    (KorakRetentionRecord *record);
/* People not active in any programme whose last enrolment ended (or who,
 * never enrolled, were referred) more than @years years before @today
 * (ISO; NULL for today), oldest first. (element-type KorakRetentionRecord) */
GPtrArray  *korak_store_list_retention_due (KorakStore  *store,
                                            guint        years,
                                            const char  *today,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakAuditRecord, korak_audit_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakPersonTable, korak_person_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakRetentionRecord, korak_retention_record_free)

G_END_DECLS
