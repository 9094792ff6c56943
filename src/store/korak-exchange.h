/* korak-exchange.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "korak-store.h"

G_BEGIN_DECLS

/*
 * Offline desks merge their work through change bundles.
 *
 * Every committed change to the shared data is kept in this desk's outbox
 * (korak-store.c). korak_exchange_write_bundle() puts the changes another
 * desk has not yet confirmed into one file, encrypted and authenticated
 * with the organisation's exchange passphrase; the other desk applies it
 * with korak_exchange_apply_bundle(), all of it or nothing, and the bundles
 * it sends back confirm what it has. A bundle also carries the changes its
 * desk received from others, so an office passes a site's work on to the
 * other sites. Each change is known by the desk it was made on and its
 * number there; a desk applies each once, in order.
 *
 * The same row changed on two desks, changed on one and deleted on the
 * other, or a change that breaks a rule (two open enrolments of a person)
 * is never decided silently: it waits as a conflict
 * (korak_exchange_list_conflicts()) until someone chooses, and the choice
 * is an edit that travels on like any other.
 */

/* The usual extension of a bundle file. */
#define KORAK_EXCHANGE_BUNDLE_SUFFIX ".korak-changes"

/* ----------------------------------------------------------------- desks */

typedef struct
{
  gint64    id;                 /* random, unique across desks */
  char     *name;
  gboolean  is_local;           /* this database */
  gint64    last_seq;           /* local: changes made here; other: the last applied from it */
  char     *last_received_at;   /* when a bundle from it was last applied (UTC), or NULL */
  gint64    pending;            /* other desks: changes not yet confirmed by it */
} KorakDeskRecord;

void        korak_desk_record_free       (KorakDeskRecord *record);

/* This desk first, then the others by name. (element-type KorakDeskRecord) */
GPtrArray  *korak_exchange_list_desks    (KorakStore  *store,
                                          GError     **error);

/* Gives this database a new random desk id and @name, and keeps what it
 * knew under its former id as another desk's. Call it on each copy of a
 * database that becomes a desk of its own (a site's laptop set up from
 * the office's file), and after restoring a backup, so that changes made
 * from then on never share numbers with changes other desks already have. */
gboolean    korak_exchange_init_desk     (KorakStore  *store,
                                          const char  *name,
                                          GError     **error);
/* After a backup was restored into @store: a desk that had made changes
 * takes a new identity under its own name (korak_exchange_init_desk()). */
gboolean    korak_exchange_renew_after_restore (KorakStore  *store,
                                                GError     **error);
gboolean    korak_exchange_set_desk_name (KorakStore  *store,
                                          const char  *name,
                                          GError     **error);

/* Changes a bundle for @to_desk_id (0: for every desk) would carry now. */
gint64      korak_exchange_count_pending (KorakStore  *store,
                                          gint64       to_desk_id,
                                          GError     **error);

/* ---------------------------------------------------------------- bundles */

typedef struct
{
  gint64  origin_desk_id;
  gint64  first;               /* the change numbers of that desk in the bundle */
  gint64  last;
} KorakExchangeRange;

typedef struct
{
  gint64  source_desk_id;
  char   *source_desk_name;
  gint64  to_desk_id;          /* 0: written for every desk */
  gint64  organisation_id;
  int     schema_version;
  char   *created_at;          /* UTC, ISO 8601 */
  GArray *ranges;              /* KorakExchangeRange, one per desk whose changes it carries */
  guint   n_changes;           /* changes in the bundle */
  guint   n_applied;           /* new here, applied */
  guint   n_skipped;           /* already here, or this desk's own */
  guint   n_rows;              /* rows the applied changes carried */
  guint   n_conflicts;         /* new conflicts: korak_exchange_list_conflicts() */
  guint   n_settled;           /* conflicts here that a choice made on another desk settled */
} KorakExchangeReport;

void        korak_exchange_report_free   (KorakExchangeReport *report);

/* Writes @path (replacing it, never half written, mode 0600): this desk's
 * changes and those it received that @to_desk_id (0: every desk it has
 * heard from) has not confirmed, with what this desk has of everyone's, so
 * the other desk stops sending what is here already. Refused with
 * WRONG_PASSPHRASE when @passphrase is not the one this desk used before. */
gboolean    korak_exchange_write_bundle  (KorakStore           *store,
                                          gint64                to_desk_id,
                                          const char           *passphrase,
                                          const char           *path,
                                          GError              **error);

/* Applies a bundle in one transaction: nothing changes unless all of it
 * applies. Changes already here are skipped, so a bundle applied twice
 * changes nothing. Refused, with nothing applied: a file that is not a
 * bundle (INVALID), a wrong passphrase (WRONG_PASSPHRASE), a truncated or
 * altered file (CORRUPT), another organisation's bundle (FOREIGN), a bundle
 * from a newer Korak (NEWER_SCHEMA) or an older one (INVALID), one written
 * by this desk (INVALID), and one that skips changes this desk has not had
 * (MISSING_CHANGES, naming them).
 * @report: (out) (optional): what it carried and what happened */
gboolean    korak_exchange_apply_bundle  (KorakStore           *store,
                                          const char           *passphrase,
                                          const char           *path,
                                          KorakExchangeReport **report,
                                          GError              **error);

/* Reads what a bundle says about itself without the passphrase: who wrote
 * it, when, for whom, for which organisation and schema (the desk's name
 * and the changes are encrypted: NULL name, no ranges). */
KorakExchangeReport *korak_exchange_inspect_bundle (const char  *path,
                                                    GError     **error);

/* -------------------------------------------------------------- conflicts */

typedef enum
{
  KORAK_CONFLICT_CHANGED_BOTH,   /* the row was changed here and on the other desk */
  KORAK_CONFLICT_DELETED_HERE,   /* changed there, deleted here */
  KORAK_CONFLICT_DELETED_THERE,  /* changed here, deleted there */
  KORAK_CONFLICT_ROW_EXISTS,     /* added there with the key of a different row here */
  KORAK_CONFLICT_CONSTRAINT,     /* the change breaks a rule here (two of what may be one) */
  KORAK_CONFLICT_ORPHAN,         /* what it belongs to was deleted; the row was taken out */
} KorakConflictKind;

typedef enum
{
  KORAK_CONFLICT_OPEN,
  KORAK_CONFLICT_RESOLVED,       /* chosen on this desk */
  KORAK_CONFLICT_SETTLED,        /* chosen on another desk, and that choice arrived */
} KorakConflictState;

typedef struct
{
  gint64              id;
  KorakConflictKind   kind;
  KorakConflictState  state;
  char               *table_name;
  gint64              row_id;          /* the integer primary key; 0 for another kind of key */
  char               *row_key;         /* the primary key values, as JSON: "[123]" */
  gint64              origin_desk_id;  /* the desk the incoming change was made on */
  char               *origin_desk_name;
  gint64              origin_seq;
  char               *detected_at;     /* UTC */
  char               *resolved_at;     /* UTC, or NULL while open */
  GStrv               columns;         /* the table's columns, in order */
  GPtrArray          *local_values;    /* char * per column (NULL: no value), as found here
                                        * when the conflict arose; NULL: no such row here */
  GPtrArray          *incoming_values; /* char * per column: the row as the other desk has it
                                        * (columns it did not change as here; for
                                        * DELETED_HERE only @incoming_columns and the key
                                        * are known); NULL: deleted there */
  GStrv               incoming_columns; /* the columns the incoming change sets */
  GStrv               differing;       /* columns where local and incoming differ, leaving
                                        * out created_at, updated_at and updated_by */
} KorakExchangeConflict;

void        korak_exchange_conflict_free  (KorakExchangeConflict *conflict);

/* Open conflicts (and, with @include_closed, the decided ones too), oldest
 * first. (element-type KorakExchangeConflict) */
GPtrArray  *korak_exchange_list_conflicts (KorakStore  *store,
                                           gboolean     include_closed,
                                           GError     **error);
gint64      korak_exchange_count_conflicts (KorakStore *store,
                                            GError    **error);

typedef enum
{
  KORAK_EXCHANGE_KEEP_LOCAL,     /* this desk's row (or its absence) wins everywhere */
  KORAK_EXCHANGE_TAKE_INCOMING,  /* the other desk's row (or its deletion) wins */
  KORAK_EXCHANGE_PER_COLUMN,     /* @incoming_columns from the other desk, the rest from here */
} KorakExchangeChoice;

/* Decides an open conflict. The decision is written as an ordinary change
 * of this desk, with the row's updated_at and updated_by (the actor), and
 * reaches every desk with the next bundles; desks that hold the same
 * conflict see it settled. TAKE_INCOMING of a change that still breaks a
 * rule here is refused (INVALID): change or remove the row it clashes with
 * first. NOT_FOUND when there is no such open conflict. */
gboolean    korak_exchange_resolve_conflict (KorakStore           *store,
                                             gint64                conflict_id,
                                             KorakExchangeChoice   choice,
                                             const char * const   *incoming_columns,
                                             GError              **error);

/* ------------------------------------------------------------------- misc */

/* A digest of every replicated table's rows, in primary key order: two
 * desks that hold the same shared data give the same digest. (hex) */
char       *korak_exchange_content_digest (KorakStore  *store,
                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakDeskRecord, korak_desk_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakExchangeReport, korak_exchange_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakExchangeConflict, korak_exchange_conflict_free)

G_END_DECLS
