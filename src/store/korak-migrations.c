/* korak-migrations.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-migrations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "korak-audit-private.h"
#include "korak-scales-private.h"
#include "korak-store-private.h"

/*
 * Each migration is one step of SQL. The runner applies the steps from
 * PRAGMA user_version to the newest inside one transaction, so a failure
 * leaves the file exactly as it was. Later issues append steps; a step,
 * once released, never changes.
 *
 * Every person-edited table has created_at, updated_at and updated_by
 * (a staff id) for merging and auditing. Primary keys are random (see
 * korak_store_new_id()), never max+1, so offline desks can merge.
 */
#define EDITED \
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n" \
  "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n" \
  "  updated_by INTEGER REFERENCES staff(id) ON DELETE SET NULL\n"

/* The same columns for a table with table constraints: SQLite wants every
 * column definition before the first table constraint. */
#define EDITED_THEN_CONSTRAINTS \
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n" \
  "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n" \
  "  updated_by INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"

#define ISO_DATE(col) "(" col " IS NULL OR " col " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')"

static const char migration_1[] =
  "CREATE TABLE organisation (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  address TEXT,\n"
  "  logo BLOB,\n"
  "  funder_line TEXT,\n"
  EDITED ");\n"

  "CREATE TABLE staff (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  given_name TEXT NOT NULL CHECK (length(given_name) > 0),\n"
  "  family_name TEXT NOT NULL DEFAULT '',\n"
  "  role TEXT NOT NULL CHECK (role IN ('mentor','mediator','coordinator')),\n"
  "  languages TEXT,\n"
  "  email TEXT,\n"
  "  phone TEXT,\n"
  "  archived_at TEXT,\n"
  EDITED ");\n"

  "CREATE TABLE desk (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL,\n"
  "  organisation_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,\n"
  "  is_local INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0,1)),\n"
  "  exchange_state TEXT,\n"
  "  last_exchange_at TEXT,\n"
  EDITED ");\n"
  "CREATE UNIQUE INDEX desk_one_local ON desk(is_local) WHERE is_local = 1;\n"

  "CREATE TABLE programme (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  target_group TEXT,\n"
  "  module_plan TEXT NOT NULL DEFAULT '[]',\n"
  "  required_hours INTEGER CHECK (required_hours IS NULL OR required_hours >= 0),\n"
  "  archived_at TEXT,\n"
  EDITED ");\n"

  "CREATE TABLE cohort (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE RESTRICT,\n"
  "  name TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  site TEXT,\n"
  "  start_date TEXT NOT NULL CHECK " ISO_DATE ("start_date") ",\n"
  "  end_date TEXT CHECK " ISO_DATE ("end_date") ",\n"
  "  mentor_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  "  mediator_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  "  archived_at TEXT,\n"
  EDITED_THEN_CONSTRAINTS
  "  CHECK (end_date IS NULL OR end_date >= start_date)\n"
  ");\n"

  "CREATE TABLE module (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  cohort_id INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,\n"
  "  ordinal INTEGER NOT NULL CHECK (ordinal >= 1),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('workshops','work_practice','exit_search','other')),\n"
  "  start_date TEXT NOT NULL CHECK " ISO_DATE ("start_date") ",\n"
  "  end_date TEXT NOT NULL CHECK " ISO_DATE ("end_date") ",\n"
  EDITED_THEN_CONSTRAINTS
  "  CHECK (end_date >= start_date),\n"
  "  UNIQUE (cohort_id, ordinal)\n"
  ");\n"

  "CREATE TABLE participant (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  given_name TEXT NOT NULL CHECK (length(trim(given_name)) > 0),\n"
  "  family_name TEXT NOT NULL CHECK (length(trim(family_name)) > 0),\n"
  "  birth_date TEXT CHECK " ISO_DATE ("birth_date") ",\n"
  "  phone TEXT,\n"
  "  email TEXT,\n"
  "  address TEXT,\n"
  "  municipality TEXT,\n"
  "  mother_tongue TEXT,\n"
  "  other_languages TEXT,\n"
  "  needs_mediator INTEGER NOT NULL DEFAULT 0 CHECK (needs_mediator IN (0,1)),\n"
  "  target_group TEXT CHECK (target_group IS NULL OR target_group IN\n"
  "    ('long_term_unemployed','social_assistance','inactive','migrant_women','roma_women','other')),\n"
  "  referral_source TEXT CHECK (referral_source IS NULL OR referral_source IN\n"
  "    ('csd','employment_service','self','ngo','other')),\n"
  "  referral_date TEXT CHECK " ISO_DATE ("referral_date") ",\n"
  "  referring_worker TEXT,\n"
  "  consent_date TEXT CHECK " ISO_DATE ("consent_date") ",\n"
  "  consent_scope TEXT,\n"
  "  status TEXT NOT NULL DEFAULT 'referred' CHECK (status IN\n"
  "    ('referred','active','paused','completed','exited')),\n"
  "  archived_at TEXT,\n"
  EDITED ");\n"
  "CREATE INDEX participant_names ON participant(family_name COLLATE NOCASE, given_name COLLATE NOCASE);\n"

  "CREATE VIRTUAL TABLE participant_fts USING fts5(\n"
  "  given_name, family_name, municipality, mother_tongue, other_languages,\n"
  "  email, phone, referring_worker,\n"
  "  content='participant', content_rowid='id',\n"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');\n"
  /* External-content triggers keep the index in step inside the same transaction. */
  "CREATE TRIGGER participant_fts_ai AFTER INSERT ON participant BEGIN\n"
  "  INSERT INTO participant_fts(rowid, given_name, family_name, municipality, mother_tongue,\n"
  "    other_languages, email, phone, referring_worker)\n"
  "  VALUES (new.id, new.given_name, new.family_name, new.municipality, new.mother_tongue,\n"
  "    new.other_languages, new.email, new.phone, new.referring_worker);\n"
  "END;\n"
  "CREATE TRIGGER participant_fts_ad AFTER DELETE ON participant BEGIN\n"
  "  INSERT INTO participant_fts(participant_fts, rowid, given_name, family_name, municipality,\n"
  "    mother_tongue, other_languages, email, phone, referring_worker)\n"
  "  VALUES ('delete', old.id, old.given_name, old.family_name, old.municipality, old.mother_tongue,\n"
  "    old.other_languages, old.email, old.phone, old.referring_worker);\n"
  "END;\n"
  "CREATE TRIGGER participant_fts_au AFTER UPDATE ON participant BEGIN\n"
  "  INSERT INTO participant_fts(participant_fts, rowid, given_name, family_name, municipality,\n"
  "    mother_tongue, other_languages, email, phone, referring_worker)\n"
  "  VALUES ('delete', old.id, old.given_name, old.family_name, old.municipality, old.mother_tongue,\n"
  "    old.other_languages, old.email, old.phone, old.referring_worker);\n"
  "  INSERT INTO participant_fts(rowid, given_name, family_name, municipality, mother_tongue,\n"
  "    other_languages, email, phone, referring_worker)\n"
  "  VALUES (new.id, new.given_name, new.family_name, new.municipality, new.mother_tongue,\n"
  "    new.other_languages, new.email, new.phone, new.referring_worker);\n"
  "END;\n"

  "CREATE TABLE enrolment (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,\n"
  "  cohort_id INTEGER NOT NULL REFERENCES cohort(id) ON DELETE RESTRICT,\n"
  "  start_date TEXT NOT NULL CHECK " ISO_DATE ("start_date") ",\n"
  "  end_date TEXT CHECK " ISO_DATE ("end_date") ",\n"
  "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN\n"
  "    ('active','completed','exited','withdrawn')),\n"
  "  exit_reason TEXT,\n"
  "  exit_date TEXT CHECK " ISO_DATE ("exit_date") ",\n"
  "  exit_outcome TEXT,\n"
  "  exit_positive INTEGER CHECK (exit_positive IS NULL OR exit_positive IN (0,1)),\n"
  EDITED_THEN_CONSTRAINTS
  "  CHECK (end_date IS NULL OR end_date >= start_date)\n"
  ");\n"
  "CREATE INDEX enrolment_participant ON enrolment(participant_id, status);\n"
  "CREATE INDEX enrolment_cohort ON enrolment(cohort_id);\n"
  /* One open enrolment per participant; history stays as closed rows. */
  "CREATE UNIQUE INDEX enrolment_one_active ON enrolment(participant_id) WHERE status = 'active';\n"

  "CREATE TABLE activity (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  skill_area TEXT NOT NULL CHECK (skill_area IN ('social','functional','work')),\n"
  "  archived_at TEXT,\n"
  EDITED ");\n"

  "CREATE TABLE weekly_pattern (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  cohort_id INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,\n"
  "  module_id INTEGER REFERENCES module(id) ON DELETE CASCADE,\n"
  "  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),\n"
  "  start_time TEXT NOT NULL,\n"
  "  end_time TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL DEFAULT 'group' CHECK (kind IN ('group','individual','work_practice','visit')),\n"
  "  activity_id INTEGER REFERENCES activity(id) ON DELETE SET NULL,\n"
  "  place TEXT,\n"
  EDITED_THEN_CONSTRAINTS
  "  CHECK (end_time > start_time)\n"
  ");\n"

  "CREATE TABLE pattern_exception (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  cohort_id INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK " ISO_DATE ("date") ",\n"
  "  reason TEXT,\n"
  EDITED ");\n"

  "CREATE TABLE session (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  cohort_id INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,\n"
  "  module_id INTEGER REFERENCES module(id) ON DELETE SET NULL,\n"
  "  pattern_id INTEGER REFERENCES weekly_pattern(id) ON DELETE SET NULL,\n"
  "  date TEXT NOT NULL CHECK " ISO_DATE ("date") ",\n"
  "  start_time TEXT NOT NULL,\n"
  "  end_time TEXT NOT NULL,\n"
  "  activity_id INTEGER REFERENCES activity(id) ON DELETE SET NULL,\n"
  "  kind TEXT NOT NULL DEFAULT 'group' CHECK (kind IN ('group','individual','work_practice','visit')),\n"
  "  participant_id INTEGER REFERENCES participant(id) ON DELETE CASCADE,\n"
  "  place TEXT,\n"
  "  leader_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  "  mediator_present INTEGER NOT NULL DEFAULT 0 CHECK (mediator_present IN (0,1)),\n"
  "  employer TEXT,\n"
  "  cancelled_reason TEXT,\n"
  EDITED_THEN_CONSTRAINTS
  "  CHECK (end_time > start_time)\n"
  ");\n"
  "CREATE INDEX session_cohort_date ON session(cohort_id, date);\n"

  "CREATE TABLE attendance (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,\n"
  "  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,\n"
  "  state TEXT NOT NULL CHECK (state IN ('present','late','excused','absent')),\n"
  "  hours REAL NOT NULL DEFAULT 0 CHECK (hours >= 0 AND hours <= 24),\n"
  "  remark TEXT,\n"
  EDITED_THEN_CONSTRAINTS
  "  UNIQUE (session_id, participant_id)\n"
  ");\n"

  "CREATE TABLE plan (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,\n"
  "  enrolment_id INTEGER REFERENCES enrolment(id) ON DELETE SET NULL,\n"
  "  diagnosis TEXT,\n"
  "  agreed_date TEXT CHECK " ISO_DATE ("agreed_date") ",\n"
  "  next_review_date TEXT CHECK " ISO_DATE ("next_review_date") ",\n"
  EDITED ");\n"

  "CREATE TABLE goal (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,\n"
  "  area TEXT NOT NULL CHECK (area IN ('social','functional','work','language','education')),\n"
  "  description TEXT NOT NULL CHECK (length(description) > 0),\n"
  "  target_date TEXT CHECK " ISO_DATE ("target_date") ",\n"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in_progress','achieved','dropped')),\n"
  "  ordinal INTEGER NOT NULL DEFAULT 0,\n"
  EDITED ");\n"

  "CREATE TABLE goal_step (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,\n"
  "  ordinal INTEGER NOT NULL DEFAULT 0,\n"
  "  description TEXT NOT NULL CHECK (length(description) > 0),\n"
  "  due_date TEXT CHECK " ISO_DATE ("due_date") ",\n"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),\n"
  EDITED ");\n"

  "CREATE TABLE competency_area (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  ordinal INTEGER NOT NULL DEFAULT 0,\n"
  "  retired_at TEXT,\n"
  EDITED ");\n"

  "CREATE TABLE assessment (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK " ISO_DATE ("date") ",\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('intake','review','exit','follow_up')),\n"
  "  assessor_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  EDITED ");\n"

  "CREATE TABLE assessment_score (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,\n"
  "  area_id INTEGER NOT NULL REFERENCES competency_area(id) ON DELETE RESTRICT,\n"
  "  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),\n"
  "  remark TEXT,\n"
  EDITED_THEN_CONSTRAINTS
  "  UNIQUE (assessment_id, area_id)\n"
  ");\n"

  "CREATE TABLE journal_entry (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK " ISO_DATE ("date") ",\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('small_win','milestone','concern')),\n"
  "  text TEXT NOT NULL CHECK (length(text) > 0),\n"
  EDITED ");\n"

  "CREATE TABLE note (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  participant_id INTEGER REFERENCES participant(id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK " ISO_DATE ("date") ",\n"
  "  language TEXT NOT NULL,\n"
  "  text TEXT NOT NULL,\n"
  "  author_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  EDITED ");\n"

  "CREATE TABLE note_translation (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,\n"
  "  language TEXT NOT NULL,\n"
  "  text TEXT NOT NULL,\n"
  "  review_state TEXT NOT NULL DEFAULT 'draft' CHECK (review_state IN ('draft','needs_review','reviewed')),\n"
  "  reviewer_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  "  reviewed_at TEXT,\n"
  EDITED_THEN_CONSTRAINTS
  "  UNIQUE (note_id, language)\n"
  ");\n"

  "CREATE TABLE certificate (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  serial TEXT NOT NULL UNIQUE,\n"
  "  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE RESTRICT,\n"
  "  enrolment_id INTEGER REFERENCES enrolment(id) ON DELETE SET NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  issued_date TEXT NOT NULL CHECK " ISO_DATE ("issued_date") ",\n"
  "  hours REAL,\n"
  "  modules TEXT,\n"
  "  content TEXT,\n"
  EDITED ");\n"

  "CREATE TABLE follow_up (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  enrolment_id INTEGER NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,\n"
  "  due_date TEXT NOT NULL CHECK " ISO_DATE ("due_date") ",\n"
  "  done_date TEXT CHECK " ISO_DATE ("done_date") ",\n"
  "  situation TEXT,\n"
  "  employment_status TEXT,\n"
  EDITED ");\n"

  "CREATE TABLE audit_log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),\n"
  "  staff_id INTEGER,\n"
  "  table_name TEXT NOT NULL,\n"
  "  row_id INTEGER NOT NULL,\n"
  "  action TEXT NOT NULL CHECK (action IN ('insert','update','archive','restore','erase')),\n"
  "  old_values TEXT,\n"
  "  new_values TEXT\n"
  ");\n"
  "CREATE INDEX audit_log_row ON audit_log(table_name, row_id);\n";

/* Weekly schedules and attendance: a generated session remembers the
 * pattern day it was made for, so a session moved or cancelled by hand is
 * not made again; an individual weekly slot belongs to one participant;
 * indexes for the week view, the register and the totals; and the activity
 * catalogue of the programme documents, in English (korak-schedule.c marks
 * the same names for translation). */
#define SEED_ACTIVITY(name, area) \
  "INSERT INTO activity (id, name, skill_area) VALUES ((random() & 4611686018427387903) + 1, '" name "', '" area "');\n"

static const char migration_2[] =
  "ALTER TABLE session ADD COLUMN origin_date TEXT CHECK " ISO_DATE ("origin_date") ";\n"
  "ALTER TABLE weekly_pattern ADD COLUMN participant_id INTEGER REFERENCES participant(id) ON DELETE CASCADE;\n"

  "CREATE INDEX session_date ON session(date);\n"
  "CREATE INDEX session_pattern_origin ON session(pattern_id, origin_date);\n"
  "CREATE INDEX session_participant ON session(participant_id, date) WHERE participant_id IS NOT NULL;\n"
  "CREATE INDEX attendance_participant ON attendance(participant_id);\n"
  "CREATE INDEX enrolment_cohort_status ON enrolment(cohort_id, status);\n"
  "CREATE INDEX weekly_pattern_cohort ON weekly_pattern(cohort_id);\n"
  "CREATE INDEX pattern_exception_cohort ON pattern_exception(cohort_id, date);\n"

  SEED_ACTIVITY ("Financial literacy", "functional")
  SEED_ACTIVITY ("Computer skills", "functional")
  SEED_ACTIVITY ("Everyday forms and procedures", "functional")
  SEED_ACTIVITY ("Healthy living", "social")
  SEED_ACTIVITY ("Working in a group", "social")
  SEED_ACTIVITY ("Conflict resolution", "social")
  SEED_ACTIVITY ("Assertiveness", "social")
  SEED_ACTIVITY ("The local labour market", "functional")
  SEED_ACTIVITY ("Visits to the library and public institutions", "functional")
  SEED_ACTIVITY ("Slovenian language", "functional")
  SEED_ACTIVITY ("Sewing", "work")
  SEED_ACTIVITY ("Gardening", "work")
  SEED_ACTIVITY ("Crafts", "work")
  SEED_ACTIVITY ("Woodwork", "work")
  SEED_ACTIVITY ("Cooking", "work");

/* Progress assessments: the competency areas of the programme documents,
 * in English (korak-assessment.c marks the same names for translation),
 * in their order, and indexes for a participant's assessments and for the
 * scores of an area. */
#define SEED_AREA(ordinal, name) \
  "INSERT INTO competency_area (id, name, ordinal) VALUES ((random() & 4611686018427387903) + 1, '" name "', " #ordinal ");\n"

static const char migration_3[] =
  "CREATE INDEX assessment_participant ON assessment(participant_id, date);\n"
  "CREATE INDEX assessment_score_area ON assessment_score(area_id);\n"
  SEED_AREA (1, "Communication")
  SEED_AREA (2, "Self-confidence and motivation")
  SEED_AREA (3, "Slovenian language")
  SEED_AREA (4, "Digital skills")
  SEED_AREA (5, "Financial literacy")
  SEED_AREA (6, "Everyday procedures")
  SEED_AREA (7, "Health and well-being")
  SEED_AREA (8, "Teamwork")
  SEED_AREA (9, "Work habits")
  SEED_AREA (10, "Job search");

/* Individual plans, small wins, exits and follow-up: the diagnosis in
 * parts, barriers as checkable categories with a remark, the trainings of a
 * plan with planned and done dates, the plan's history (what each save or
 * review changed, as JSON), the order of journal entries added on one day,
 * which follow-up (months after the exit) a row is, and indexes for the
 * Today page. */
static const char migration_4[] =
  "ALTER TABLE plan ADD COLUMN interests TEXT;\n"
  "ALTER TABLE plan ADD COLUMN strengths TEXT;\n"
  "ALTER TABLE plan ADD COLUMN work_experience TEXT;\n"
  "ALTER TABLE plan ADD COLUMN education TEXT;\n"
  "CREATE INDEX plan_participant ON plan(participant_id);\n"
  "CREATE INDEX plan_next_review ON plan(next_review_date) WHERE next_review_date IS NOT NULL;\n"
  "CREATE INDEX goal_plan ON goal(plan_id, ordinal);\n"
  "CREATE INDEX goal_step_goal ON goal_step(goal_id, ordinal);\n"

  "CREATE TABLE plan_barrier (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('language','health','housing','childcare','transport','debt','digital_access','other')),\n"
  "  checked INTEGER NOT NULL DEFAULT 0 CHECK (checked IN (0,1)),\n"
  "  remark TEXT,\n"
  EDITED_THEN_CONSTRAINTS
  "  UNIQUE (plan_id, kind)\n"
  ");\n"

  "CREATE TABLE plan_activity (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,\n"
  "  activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE RESTRICT,\n"
  "  ordinal INTEGER NOT NULL DEFAULT 0,\n"
  "  planned_date TEXT CHECK " ISO_DATE ("planned_date") ",\n"
  "  done_date TEXT CHECK " ISO_DATE ("done_date") ",\n"
  EDITED ");\n"
  "CREATE INDEX plan_activity_plan ON plan_activity(plan_id, ordinal);\n"

  "CREATE TABLE plan_review (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK " ISO_DATE ("date") ",\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('save','review','agreed')),\n"
  "  changes TEXT NOT NULL DEFAULT '[]',\n"
  "  seq INTEGER NOT NULL DEFAULT 0,\n"
  EDITED ");\n"
  "CREATE INDEX plan_review_plan ON plan_review(plan_id, seq);\n"

  "ALTER TABLE journal_entry ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;\n"
  "CREATE INDEX journal_entry_participant ON journal_entry(participant_id, date, seq);\n"
  "CREATE INDEX journal_entry_kind_date ON journal_entry(kind, date);\n"

  "ALTER TABLE follow_up ADD COLUMN months INTEGER CHECK (months IS NULL OR months > 0);\n"
  "CREATE INDEX follow_up_enrolment ON follow_up(enrolment_id, due_date);\n"
  "CREATE INDEX follow_up_open ON follow_up(due_date) WHERE done_date IS NULL;\n";

/* Printed documents: the organisation's paper size for its letterhead;
 * a certificate's verification code (8 hex digits of a SHA-256 over its
 * frozen content), at most one certificate of a kind per enrolment, and the
 * register by participant. No release wrote certificates before this step,
 * but should a hand-made file hold two of a kind for one enrolment, all but
 * one keep their rows and lose only the link, so the step cannot fail.
 * Covering indexes let the monthly register, the cohort totals and the
 * cohort's progress add up without reading a row of the big tables: a
 * cohort's sessions that took place, the marks of a session with their
 * state and hours, and an assessment's scores. */
static const char migration_5[] =
  "ALTER TABLE organisation ADD COLUMN paper TEXT NOT NULL DEFAULT 'a4' CHECK (paper IN ('a4','letter'));\n"
  "ALTER TABLE certificate ADD COLUMN verification TEXT;\n"
  "UPDATE certificate SET enrolment_id = NULL WHERE enrolment_id IS NOT NULL AND id NOT IN (\n"
  "  SELECT min(id) FROM certificate WHERE enrolment_id IS NOT NULL GROUP BY enrolment_id, kind);\n"
  "CREATE UNIQUE INDEX certificate_enrolment_kind ON certificate(enrolment_id, kind) WHERE enrolment_id IS NOT NULL;\n"
  "CREATE INDEX certificate_participant ON certificate(participant_id, issued_date);\n"
  "CREATE INDEX session_cohort_held ON session(cohort_id, date) WHERE cancelled_reason IS NULL;\n"
  "CREATE INDEX attendance_session_marks ON attendance(session_id, participant_id, state, hours);\n"
  "CREATE INDEX assessment_score_values ON assessment_score(assessment_id, area_id, score);\n";

/* Data safety and privacy: the audit log gains the staff member's name as
 * recorded (the operating system user's when no staff member is chosen),
 * the person a row is about (so a person's history, export and erasure
 * find every row of every table), an order within the log, and 'delete'
 * as an action; SQLite cannot change a CHECK, so the table is rebuilt with
 * its rows. The anonymous counts an erased person leaves behind, per
 * cohort, and the serial numbers of their certificates. The triggers that write the log are made by
 * korak_audit_create_triggers() from the columns the tables have now. */
static const char migration_6[] =
  "CREATE TABLE audit_log_v6 (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),\n"
  "  seq INTEGER NOT NULL DEFAULT 0,\n"
  "  staff_id INTEGER,\n"
  "  staff_name TEXT,\n"
  "  table_name TEXT NOT NULL,\n"
  "  row_id INTEGER NOT NULL,\n"
  "  participant_id INTEGER,\n"
  "  action TEXT NOT NULL CHECK (action IN ('insert','update','delete','archive','restore','erase')),\n"
  "  old_values TEXT,\n"
  "  new_values TEXT\n"
  ");\n"
  "INSERT INTO audit_log_v6 (id, at, seq, staff_id, table_name, row_id, participant_id, action, old_values, new_values)\n"
  "  SELECT id, at, row_number() OVER (ORDER BY at, id), staff_id, table_name, row_id,\n"
  "         CASE WHEN table_name = 'participant' THEN row_id END, action, old_values, new_values\n"
  "  FROM audit_log;\n"
  "DROP TABLE audit_log;\n"
  "ALTER TABLE audit_log_v6 RENAME TO audit_log;\n"
  "CREATE INDEX audit_log_row ON audit_log(table_name, row_id);\n"
  "CREATE INDEX audit_log_participant ON audit_log(participant_id, seq);\n"
  "CREATE INDEX audit_log_seq ON audit_log(seq);\n"

  "CREATE TABLE erased_person_count (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  cohort_id INTEGER REFERENCES cohort(id) ON DELETE CASCADE,\n"
  "  people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),\n"
  "  enrolments INTEGER NOT NULL DEFAULT 0 CHECK (enrolments >= 0),\n"
  "  completed INTEGER NOT NULL DEFAULT 0 CHECK (completed >= 0),\n"
  "  exited INTEGER NOT NULL DEFAULT 0 CHECK (exited >= 0),\n"
  "  exit_positive INTEGER NOT NULL DEFAULT 0 CHECK (exit_positive >= 0),\n"
  "  present INTEGER NOT NULL DEFAULT 0 CHECK (present >= 0),\n"
  "  late INTEGER NOT NULL DEFAULT 0 CHECK (late >= 0),\n"
  "  excused INTEGER NOT NULL DEFAULT 0 CHECK (excused >= 0),\n"
  "  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent >= 0),\n"
  "  hours REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),\n"
  "  certificates INTEGER NOT NULL DEFAULT 0 CHECK (certificates >= 0),\n"
  EDITED ");\n"
  "CREATE UNIQUE INDEX erased_person_count_cohort ON erased_person_count(coalesce(cohort_id, 0));\n"
  /* An erased person's certificate numbers stay taken: a printed
   * certificate's serial never comes back on someone else's. */
  "CREATE TABLE erased_certificate (\n"
  "  serial TEXT PRIMARY KEY,\n"
  "  erased_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))\n"
  ") WITHOUT ROWID;\n";

/* Multilingual notes: a note is about a participant or a whole cohort, and
 * may be marked sensitive (health, family). A translation can be returned
 * by the mediator with a comment, names its translator, counts its
 * versions and remembers when it last went to review; SQLite cannot change
 * a CHECK, so note_translation is rebuilt with its rows (each becomes
 * version 1). Every earlier version of a translation is kept in
 * note_translation_version. The audit triggers are dropped before (a
 * trigger naming note_translation would stop the rename) and made again
 * after, for the new columns and the new table: see migrate_7(). */
static const char migration_7[] =
  "ALTER TABLE note ADD COLUMN cohort_id INTEGER REFERENCES cohort(id) ON DELETE CASCADE;\n"
  "ALTER TABLE note ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1));\n"
  "CREATE INDEX note_participant ON note(participant_id, date);\n"
  "CREATE INDEX note_cohort ON note(cohort_id, date);\n"

  "CREATE TABLE note_translation_v7 (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,\n"
  "  language TEXT NOT NULL CHECK (length(language) > 0),\n"
  "  text TEXT NOT NULL,\n"
  "  review_state TEXT NOT NULL DEFAULT 'draft' CHECK (review_state IN\n"
  "    ('draft','needs_review','reviewed','returned')),\n"
  "  translator_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  "  reviewer_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  "  reviewed_at TEXT,\n"
  "  review_comment TEXT,\n"
  "  submitted_at TEXT,\n"
  "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
  EDITED_THEN_CONSTRAINTS
  "  UNIQUE (note_id, language)\n"
  ");\n"
  "INSERT INTO note_translation_v7 (id, note_id, language, text, review_state, reviewer_id, reviewed_at,\n"
  "    submitted_at, version, created_at, updated_at, updated_by)\n"
  "  SELECT id, note_id, language, text, review_state, reviewer_id, reviewed_at,\n"
  "         CASE WHEN review_state = 'needs_review' THEN updated_at END, 1, created_at, updated_at, updated_by\n"
  "  FROM note_translation;\n"
  "DROP TABLE note_translation;\n"
  "ALTER TABLE note_translation_v7 RENAME TO note_translation;\n"
  /* The mediator's queue: by state, then language, the longest waiting first. */
  "CREATE INDEX note_translation_review ON note_translation(review_state, language, submitted_at);\n"

  "CREATE TABLE note_translation_version (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  translation_id INTEGER NOT NULL REFERENCES note_translation(id) ON DELETE CASCADE,\n"
  "  version INTEGER NOT NULL CHECK (version >= 1),\n"
  "  language TEXT NOT NULL,\n"
  "  text TEXT NOT NULL,\n"
  "  review_state TEXT NOT NULL CHECK (review_state IN ('draft','needs_review','reviewed','returned')),\n"
  "  translator_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  "  reviewer_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  "  reviewed_at TEXT,\n"
  "  review_comment TEXT,\n"
  "  submitted_at TEXT,\n"
  /* When and by whom that version was made (the translation's updated_at
   * and updated_by then); created_at and updated_by: when it was kept. */
  "  version_at TEXT,\n"
  "  version_by INTEGER REFERENCES staff(id) ON DELETE SET NULL,\n"
  EDITED_THEN_CONSTRAINTS
  "  UNIQUE (translation_id, version)\n"
  ");\n";

static gboolean
migrate_7 (sqlite3  *db,
           GError  **error)
{
  g_autoptr(GString) drop = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'audit_*'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append_printf (drop, "DROP TRIGGER \"%s\";\n", (const char *)sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      korak_error_from_sqlite (db, rc, error);
      return FALSE;
    }

  g_string_append (drop, migration_7);
  rc = sqlite3_exec (db, drop->str, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      g_debug ("Migration 7 failed: %s", errmsg);
      sqlite3_free (errmsg);
      korak_error_from_sqlite (db, rc, error);
      return FALSE;
    }

  return korak_audit_create_triggers (db, error);
}

/* Offline desks merge their work (korak-exchange.c). desk lists every desk
 * this one knows: itself (is_local) and those whose changes it holds, with
 * seq, the number of the last change made here (this desk) or applied from
 * it (the others), and, on this desk's row, a check value (Argon2id) of the
 * organisation's exchange passphrase, which itself is never stored.
 * exchange_outbox keeps every change this desk can send, its own and those
 * it received, as SQLite changesets (an erasure as a patchset, which names
 * only the keys of what it deletes) by origin desk and number, with a
 * digest of the change as its desk made it (a desk restored from a backup
 * that numbers a different change the same is caught); pos is the
 * order they were written or applied here (max + 1 on purpose: an order,
 * not a key that travels). exchange_ack: up to which number another desk
 * has confirmed each origin's changes. exchange_conflict: incoming changes
 * that met a different change here, until someone chooses.
 * exchange_erased: digests of the rows an erasure deleted. None of these
 * tables travels to other desks. */
static const char migration_8[] =
  "ALTER TABLE desk ADD COLUMN seq INTEGER NOT NULL DEFAULT 0 CHECK (seq >= 0);\n"
  "ALTER TABLE desk ADD COLUMN key_check TEXT;\n"

  "CREATE TABLE exchange_outbox (\n"
  "  pos INTEGER PRIMARY KEY,\n"
  "  origin_desk INTEGER NOT NULL,\n"
  "  origin_seq INTEGER NOT NULL CHECK (origin_seq >= 1),\n"
  "  created_at TEXT NOT NULL,\n"
  "  received_at TEXT,\n"
  "  kind TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN ('edit','resolution','erasure')),\n"
  "  meta TEXT,\n"
  "  changeset BLOB NOT NULL,\n"
  "  digest BLOB NOT NULL,\n"
  "  UNIQUE (origin_desk, origin_seq)\n"
  ");\n"

  "CREATE TABLE exchange_ack (\n"
  "  peer_desk INTEGER NOT NULL,\n"
  "  origin_desk INTEGER NOT NULL,\n"
  "  seq INTEGER NOT NULL DEFAULT 0 CHECK (seq >= 0),\n"
  "  PRIMARY KEY (peer_desk, origin_desk)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE exchange_conflict (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL CHECK (kind IN\n"
  "    ('changed_both','deleted_here','deleted_there','row_exists','constraint','orphan')),\n"
  "  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','resolved','settled')),\n"
  "  table_name TEXT NOT NULL,\n"
  "  row_key TEXT NOT NULL,\n"
  "  row_id INTEGER,\n"
  "  origin_desk INTEGER NOT NULL,\n"
  "  origin_seq INTEGER NOT NULL,\n"
  "  detected_at TEXT NOT NULL,\n"
  "  resolved_at TEXT,\n"
  "  resolved_by INTEGER,\n"
  "  columns TEXT NOT NULL,\n"
  "  local_values TEXT,\n"
  "  incoming_values TEXT,\n"
  "  incoming_columns TEXT NOT NULL DEFAULT '[]',\n"
  "  incoming_change BLOB\n"
  ");\n"
  "CREATE INDEX exchange_conflict_open ON exchange_conflict(table_name, row_key) WHERE state = 'open';\n"

  /* Rows erased here, by a digest of their table and key only: a change
   * to them that arrives later is dropped, not kept. */
  "CREATE TABLE exchange_erased (\n"
  "  digest BLOB PRIMARY KEY\n"
  ") WITHOUT ROWID;\n";

/* Interpreting made visible. Sessions (group and individual hours),
 * assessments and notes say which mediator was there (mediator_present
 * alone, on a session of before, means "a mediator, not recorded which")
 * and the language the conversation ran in (a tag). A note or its
 * translation can be about a goal or a small win: that note's reviewed
 * translation is the goal's text in the participant's language on a
 * bilingual document. competency_band: the words for each band of an
 * area's 1–10 scale, with typed translations; seeded in C
 * (korak_scales_seed()). */
static const char migration_10[] =
  "ALTER TABLE session ADD COLUMN mediator_id INTEGER REFERENCES staff(id) ON DELETE SET NULL;\n"
  "ALTER TABLE session ADD COLUMN conversation_language TEXT;\n"
  "ALTER TABLE assessment ADD COLUMN mediator_present INTEGER NOT NULL DEFAULT 0 CHECK (mediator_present IN (0,1));\n"
  "ALTER TABLE assessment ADD COLUMN mediator_id INTEGER REFERENCES staff(id) ON DELETE SET NULL;\n"
  "ALTER TABLE assessment ADD COLUMN conversation_language TEXT;\n"
  "ALTER TABLE note ADD COLUMN mediator_present INTEGER NOT NULL DEFAULT 0 CHECK (mediator_present IN (0,1));\n"
  "ALTER TABLE note ADD COLUMN mediator_id INTEGER REFERENCES staff(id) ON DELETE SET NULL;\n"
  "ALTER TABLE note ADD COLUMN conversation_language TEXT;\n"
  "ALTER TABLE note ADD COLUMN goal_id INTEGER REFERENCES goal(id) ON DELETE CASCADE;\n"
  "ALTER TABLE note ADD COLUMN journal_entry_id INTEGER REFERENCES journal_entry(id) ON DELETE CASCADE;\n"
  "CREATE INDEX note_goal ON note(goal_id) WHERE goal_id IS NOT NULL;\n"
  "CREATE INDEX note_journal_entry ON note(journal_entry_id) WHERE journal_entry_id IS NOT NULL;\n"
  "CREATE INDEX session_mediator ON session(mediator_id, date) WHERE mediator_id IS NOT NULL;\n"
  /* The few sessions with "a mediator, not recorded which", so that the
   * mediator hours never read the whole timetable (korak-mediators.c). */
  "CREATE INDEX session_mediator_unrecorded ON session(date) WHERE mediator_present = 1 AND mediator_id IS NULL;\n"

  "CREATE TABLE competency_band (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  area_id INTEGER NOT NULL REFERENCES competency_area(id) ON DELETE CASCADE,\n"
  "  score_from INTEGER NOT NULL CHECK (score_from BETWEEN 1 AND 10),\n"
  "  score_to INTEGER NOT NULL CHECK (score_to BETWEEN 1 AND 10),\n"
  "  description TEXT NOT NULL CHECK (length(trim(description)) > 0),\n"
  EDITED_THEN_CONSTRAINTS
  "  CHECK (score_to >= score_from),\n"
  "  UNIQUE (area_id, score_from)\n"
  ");\n"
  "CREATE TABLE competency_band_translation (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  band_id INTEGER NOT NULL REFERENCES competency_band(id) ON DELETE CASCADE,\n"
  "  language TEXT NOT NULL CHECK (length(language) > 0),\n"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),\n"
  EDITED_THEN_CONSTRAINTS
  "  UNIQUE (band_id, language)\n"
  ");\n";

/* "kind IN ('a', 'b', 'c')" → "(kind = 'a' OR kind = 'b' OR kind = 'c')". */
static gboolean
or_chain (const GMatchInfo *match,
          GString          *result,
          gpointer          user_data)
{
  g_autofree char *column = g_match_info_fetch (match, 1);
  g_autofree char *list = g_match_info_fetch (match, 2);
  g_auto(GStrv) items = g_strsplit (list, ",", -1);

  g_string_append_c (result, '(');
  for (guint i = 0; items[i] != NULL; i++)
    g_string_append_printf (result, "%s%s = %s", i ? " OR " : "", column, g_strstrip (items[i]));
  g_string_append_c (result, ')');
  return FALSE;
}

/* A CHECK with an IN list of three or more values makes SQLite build a
 * temporary index of the list for every row it checks: four times the
 * cost of an insert (a 100,000-row bundle writes as many rows and audit
 * entries). The same test as a chain of ORs costs nothing extra. A CHECK
 * changes nothing on disk, so its text is rewritten in place, as SQLite's
 * documentation of ALTER TABLE describes (writable_schema, then a new
 * schema_version). Where the library refuses (a defensive build), the
 * tables keep their IN lists: slower, as correct. */
static gboolean
rewrite_in_checks (sqlite3  *db,
                   GError  **error)
{
  g_autoptr(GRegex) in_list = g_regex_new ("\\b([a-z_][a-z_0-9]*)\\s+IN\\s*\\(((?:\\s*'[^',]*'\\s*,){2,}\\s*'[^',]*'\\s*)\\)",
                                           G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sqls = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '% IN %'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);
      char *rewritten = g_regex_replace_eval (in_list, sql, -1, 0, 0, or_chain, NULL, NULL);

      rc = SQLITE_OK;
      if (rewritten == NULL || g_str_equal (rewritten, sql))
        {
          g_free (rewritten);
          continue;
        }
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (sqls, rewritten);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;
  if (names->len == 0)
    return TRUE;

  if ((rc = sqlite3_prepare_v2 (db, "PRAGMA schema_version", -1, &stmt, NULL)) != SQLITE_OK)
    goto failed;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
  rc = sqlite3_prepare_v2 (db, "UPDATE sqlite_schema SET sql = ?2 WHERE type = 'table' AND name = ?1", -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < names->len; i++)
    {
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (names, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (sqls, i), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_OK)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA schema_version = %d", version + 1);

      rc = sqlite3_exec (db, bump, NULL, NULL, NULL);
    }
  sqlite3_exec (db, "PRAGMA writable_schema = OFF", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      /* Refused before anything changed: keep the IN lists. */
      g_debug ("CHECK constraints kept as they were: %s", sqlite3_errmsg (db));
      return TRUE;
    }

  /* Every table must still read with its new text. */
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\" LIMIT 0", (const char *) g_ptr_array_index (names, i));

      if ((rc = sqlite3_prepare_v2 (db, probe, -1, &stmt, NULL)) != SQLITE_OK)
        goto failed;
      sqlite3_finalize (stmt);
    }
  return TRUE;

failed:
  korak_error_from_sqlite (db, rc, error);
  return FALSE;
}

static gboolean
migrate_10 (sqlite3  *db,
            GError  **error)
{
  /* A session that had "a mediator" had the cohort's, most likely. */
  int rc = sqlite3_exec (db,
                         "UPDATE session SET mediator_id = (SELECT c.mediator_id FROM cohort c "
                         "                                  WHERE c.id = session.cohort_id) "
                         "WHERE mediator_present = 1 AND mediator_id IS NULL",
                         NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      korak_error_from_sqlite (db, rc, error);
      return FALSE;
    }

  return korak_scales_seed (db, error) && rewrite_in_checks (db, error) && korak_audit_create_triggers (db, error);
}

typedef struct
{
  int         version;
  const char *sql;
  /* Run after @sql in the same transaction, for steps written in C. */
  gboolean  (*run) (sqlite3  *db,
                    GError  **error);
} Migration;

static const Migration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
  { 3, migration_3 },
  { 4, migration_4 },
  { 5, migration_5 },
  { 6, migration_6, korak_audit_create_triggers },
  { 7, "", migrate_7 },
  { 8, migration_8 },
  /* The audit triggers append to the log (sequential ids) instead of
   * scattering rows by random ids: the log never travels between desks. */
  { 9, "", korak_audit_create_triggers },
  { 10, migration_10, migrate_10 },
};

gboolean
korak_migrations_run (sqlite3  *db,
                      int       from_version,
                      int       to_version,
                      GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      const Migration *m = &migrations[i];
      char *errmsg = NULL;
      int rc;

      if (m->version <= from_version || m->version > to_version)
        continue;

      rc = sqlite3_exec (db, m->sql, NULL, NULL, &errmsg);
      if (rc != SQLITE_OK)
        {
          g_debug ("Migration %d failed: %s", m->version, errmsg);
          sqlite3_free (errmsg);
          korak_error_from_sqlite (db, rc, error);
          g_prefix_error (error, _("Could not update the database to version %d: "), m->version);
          return FALSE;
        }

      if (m->run != NULL && !m->run (db, error))
        {
          g_prefix_error (error, _("Could not update the database to version %d: "), m->version);
          return FALSE;
        }
    }

  return TRUE;
}
