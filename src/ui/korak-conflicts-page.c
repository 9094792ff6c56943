/* korak-conflicts-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-conflicts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-conflicts-page.h"
#include "korak-note-util.h"
#include "korak-participant-record.h"
#include "korak-print.h"
#include "korak-ui-util.h"

struct _KorakConflictsPage
{
  AdwBin                 parent_instance;

  KorakStore            *store;
  GPtrArray             *conflicts;      /* KorakExchangeConflict*, open, oldest first */
  KorakExchangeConflict *shown;          /* in conflicts */
  guint                  shown_position;
  GHashTable            *choices;        /* column → GtkToggleButton "from the other desk" */
  GHashTable            *here_choices;   /* column → GtkToggleButton "here" */
  GtkWidget             *fields;         /* the grid of the conflict shown */
  GtkWidget             *same_expander;
  char                  *error;
  guint                  updating : 1;

  GtkStack              *page_stack;
  GtkWidget             *empty_sidebar_button;
  GtkWidget             *sidebar_button;
  AdwLeaflet            *leaflet;
  AdwWindowTitle        *list_title;
  GtkListBox            *list_box;
  AdwWindowTitle        *item_title;
  GtkStack              *item_stack;
  GtkBox                *item_box;
  GtkLabel              *info_label;
};

G_DEFINE_FINAL_TYPE (KorakConflictsPage, korak_conflicts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------- words */

const char *
korak_conflicts_table_label (const char *table)
{
  static const struct { const char *table; const char *label; } tables[] = {
    { "participant",      N_("Participant") },
    { "enrolment",        N_("Enrolment") },
    { "attendance",       N_("Attendance") },
    { "session",          N_("Session") },
    { "cohort",           N_("Cohort") },
    { "module",           N_("Module") },
    { "programme",        N_("Programme") },
    { "staff",            N_("Staff member") },
    { "activity",         N_("Activity") },
    { "weekly_pattern",   N_("Weekly timetable") },
    { "plan",             N_("Individual plan") },
    { "goal",             N_("Goal") },
    { "goal_step",        N_("Goal step") },
    { "assessment",       N_("Assessment") },
    { "assessment_score", N_("Assessment score") },
    { "competency_area",  N_("Competency area") },
    { "journal_entry",    N_("Journal entry") },
    { "note",             N_("Note") },
    { "note_translation", N_("Translation of a note") },
    { "certificate",      N_("Certificate") },
    { "follow_up",        N_("Follow-up") },
    { "organisation",     N_("Organisation") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (table, tables[i].table) == 0)
      return _(tables[i].label);

  return table;
}

const char *
korak_conflicts_column_label (const char *table,
                              const char *column)
{
  static const struct { const char *column; const char *label; } columns[] = {
    { "name",          N_("Name") },
    { "title",         N_("Title") },
    { "date",          N_("Date") },
    { "start_date",    N_("Start date") },
    { "end_date",      N_("End date") },
    { "start_time",    N_("Start") },
    { "end_time",      N_("End") },
    { "status",        N_("Status") },
    { "state",         N_("State") },
    { "hours",         N_("Hours") },
    { "remark",        N_("Remark") },
    { "place",         N_("Place") },
    { "kind",          N_("Kind") },
    { "text",          N_("Text") },
    { "notes",         N_("Notes") },
    { "score",         N_("Score") },
    { "exit_reason",   N_("Exit reason") },
    { "exit_date",     N_("Exit date") },
    { "exit_outcome",  N_("Exit outcome") },
    { "language",      N_("Language") },
    { "role",          N_("Role") },
    { "participant_id", N_("Participant") },
    { "cohort_id",     N_("Cohort") },
    { "session_id",    N_("Session") },
    { "archived_at",   N_("Archived") },
  };

  if (g_strcmp0 (table, "participant") == 0)
    for (guint f = 0; f < KORAK_N_FIELDS; f++)
      if (g_strcmp0 (korak_participant_field_info (f)->column, column) == 0)
        return _(korak_participant_field_info (f)->label);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_strcmp0 (column, columns[i].column) == 0)
      return _(columns[i].label);

  return column;
}

static int
column_index (const KorakExchangeConflict *conflict,
              const char                  *column)
{
  for (guint i = 0; conflict->columns != NULL && conflict->columns[i] != NULL; i++)
    if (g_strcmp0 (conflict->columns[i], column) == 0)
      return i;
  return -1;
}

/* @values' value of @column, or NULL. */
static const char *
value_of (const KorakExchangeConflict *conflict,
          GPtrArray                   *values,
          const char                  *column)
{
  int i = column_index (conflict, column);

  if (values == NULL || i < 0 || (guint)i >= values->len)
    return NULL;
  return g_ptr_array_index (values, i);
}

static const char *
either_value (const KorakExchangeConflict *conflict,
              const char                  *column)
{
  const char *value = value_of (conflict, conflict->local_values, column);

  return value ? value : value_of (conflict, conflict->incoming_values, column);
}

/* A value as a mentor reads it: the label of a choice, a date as dates show. */
static char *
display_value (const KorakExchangeConflict *conflict,
               const char                  *column,
               const char                  *value)
{
  if (value == NULL || *value == '\0')
    /* Translators: a field with no value, in the Conflicts view. */
    return g_strdup (_("(empty)"));

  if (g_strcmp0 (conflict->table_name, "participant") == 0)
    for (guint f = 0; f < KORAK_N_FIELDS; f++)
      {
        const KorakFieldInfo *info = korak_participant_field_info (f);

        if (g_strcmp0 (info->column, column) == 0 && info->choices != NULL)
          return g_strdup (korak_choice_label (info->choices, value));
      }

  return g_strdup (value);
}

/* "Participant Ana Novak", "Attendance · Ana Novak", "Cohort Spring 2026". */
static char *
describe_row (KorakConflictsPage          *self,
              const KorakExchangeConflict *conflict)
{
  const char *table = korak_conflicts_table_label (conflict->table_name);
  const char *given = either_value (conflict, "given_name");
  const char *family = either_value (conflict, "family_name");
  const char *name = either_value (conflict, "name");
  const char *participant = either_value (conflict, "participant_id");

  if (given != NULL || family != NULL)
    /* Translators: a table and a person: "Participant Ana Novak". */
    return g_strdup_printf (_("%s %s %s"), table, given ? given : "", family ? family : "");
  if (name != NULL)
    /* Translators: a table and a row's name: "Cohort Spring 2026". */
    return g_strdup_printf (_("%s %s"), table, name);
  if (participant != NULL && self->store != NULL)
    {
      g_autoptr(KorakParticipantRecord) record =
        korak_store_get_participant (self->store, g_ascii_strtoll (participant, NULL, 10), NULL);

      if (record != NULL)
        /* Translators: a table and the person a row is about: "Attendance · Ana Novak". */
        return g_strdup_printf (_("%s · %s %s"), table,
                                korak_participant_record_get (record, KORAK_FIELD_GIVEN_NAME) ?: "",
                                korak_participant_record_get (record, KORAK_FIELD_FAMILY_NAME) ?: "");
    }

  return g_strdup (table);
}

static char *
describe_kind (const KorakExchangeConflict *conflict)
{
  const char *desk = conflict->origin_desk_name ? conflict->origin_desk_name : "";

  switch (conflict->kind)
    {
    case KORAK_CONFLICT_CHANGED_BOTH:
      /* Translators: a kind of conflict; %s is the other desk. */
      return g_strdup_printf (_("Changed here and on %s"), desk);
    case KORAK_CONFLICT_DELETED_HERE:
      /* Translators: a kind of conflict; %s is the other desk. */
      return g_strdup_printf (_("Changed on %s, deleted here"), desk);
    case KORAK_CONFLICT_DELETED_THERE:
      /* Translators: a kind of conflict; %s is the other desk. */
      return g_strdup_printf (_("Changed here, deleted on %s"), desk);
    case KORAK_CONFLICT_ROW_EXISTS:
      /* Translators: a kind of conflict; %s is the other desk. */
      return g_strdup_printf (_("Added on %s under the number of another row here"), desk);
    case KORAK_CONFLICT_CONSTRAINT:
      /* Translators: a kind of conflict; %s is the other desk. */
      return g_strdup_printf (_("A change from %s breaks a rule here (two of what may be one)"), desk);
    case KORAK_CONFLICT_ORPHAN:
      /* Translators: a kind of conflict; %s is the other desk. */
      return g_strdup_printf (_("From %s, but what it belongs to was deleted"), desk);
    default:
      return g_strdup (desk);
    }
}

static gboolean
per_column_possible (const KorakExchangeConflict *conflict)
{
  return (conflict->kind == KORAK_CONFLICT_CHANGED_BOTH || conflict->kind == KORAK_CONFLICT_ROW_EXISTS) &&
         conflict->local_values != NULL && conflict->incoming_values != NULL;
}

/* ----------------------------------------------------------------- rows */

static GtkWidget *
create_row (KorakConflictsPage          *self,
            const KorakExchangeConflict *conflict)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *subtitle;
  g_autofree char *what = describe_row (self, conflict);
  g_autofree char *kind = describe_kind (conflict);
  g_autofree char *when = korak_format_timestamp (conflict->detected_at);
  g_autofree char *about = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_set_name (row, "conflict");
  g_object_set_data_full (G_OBJECT (row), "conflict-id", g_memdup2 (&conflict->id, sizeof conflict->id), g_free);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  title = gtk_label_new (what);
  gtk_widget_set_name (title, "what");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  /* Translators: a kind of conflict and when it arose: "Changed here and on Kranj · 2. 3. 2026 10:00". */
  about = g_strdup_printf (_("%s · %s"), kind, when);
  subtitle = gtk_label_new (about);
  gtk_widget_set_name (subtitle, "kind");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), subtitle);

  /* Translators: what a screen reader says for a row of the Conflicts list. */
  accessible = g_strdup_printf (_("%s, %s"), what, about);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static gint64
row_id (GtkListBoxRow *row)
{
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), "conflict-id") : NULL;

  return id ? *id : 0;
}

/* ---------------------------------------------------------------- state */

static guint
n_conflicts (KorakConflictsPage *self)
{
  return self->conflicts ? self->conflicts->len : 0;
}

static void
update_actions (KorakConflictsPage *self)
{
  gboolean has = self->shown != NULL;
  guint n = n_conflicts (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflicts.keep-local", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflicts.take-incoming", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflicts.apply-choices", has && per_column_possible (self->shown));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflicts.previous", has && self->shown_position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflicts.next", n > 0 && (!has || self->shown_position + 1 < n));
}

static void
update_state (KorakConflictsPage *self)
{
  guint n = n_conflicts (self);
  g_autofree char *subtitle = NULL;

  gtk_stack_set_visible_child_name (self->page_stack, n == 0 ? "empty" : "main");
  /* Translators: shown under "Conflicts": how many wait for a decision. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to decide", "%u to decide", n), n);
  adw_window_title_set_subtitle (self->list_title, n > 0 ? subtitle : NULL);
  update_actions (self);
}

static void
clear_fields (KorakConflictsPage *self)
{
  if (self->fields != NULL)
    gtk_box_remove (self->item_box, self->fields);
  if (self->same_expander != NULL)
    gtk_box_remove (self->item_box, self->same_expander);
  self->fields = NULL;
  self->same_expander = NULL;
  g_hash_table_remove_all (self->choices);
  g_hash_table_remove_all (self->here_choices);
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  return label;
}

/* A value to choose: a toggle button showing it. */
static GtkWidget *
choice_button (const char *text,
               const char *accessible)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = value_label (text);

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (button, accessible);
  return button;
}

static GtkWidget *
heading_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static gboolean
is_differing (const KorakExchangeConflict *conflict,
              const char                  *column)
{
  return conflict->differing != NULL && g_strv_contains ((const char * const *)conflict->differing, column);
}

static void
build_fields (KorakConflictsPage          *self,
              const KorakExchangeConflict *conflict)
{
  const char *desk = conflict->origin_desk_name ? conflict->origin_desk_name : "";
  gboolean per_column = per_column_possible (conflict);
  g_autofree char *from = NULL;
  GtkWidget *grid, *same_grid;
  int row = 1, same_row = 0;

  clear_fields (self);

  grid = gtk_grid_new ();
  gtk_widget_set_name (grid, "fields");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), FALSE);

  /* Translators: the heading of the other desk's version in the Conflicts view: "From Kranj". */
  from = g_strdup_printf (_("From %s"), desk);
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Field")), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Here")), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), heading_label (from), 2, 0, 1, 1);

  if (conflict->local_values == NULL || conflict->incoming_values == NULL)
    {
      /* A deletion on one side: the row as a whole. */
      GtkWidget *label = value_label (conflict->local_values == NULL ? _("Not on this desk (deleted here)")
                                                                     : _("Deleted on the other desk"));

      gtk_widget_add_css_class (label, "warning");
      gtk_grid_attach (GTK_GRID (grid), label, conflict->local_values == NULL ? 1 : 2, row++, 1, 1);
    }

  same_grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (same_grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (same_grid), 6);
  gtk_widget_set_margin_top (same_grid, 6);

  for (guint i = 0; conflict->columns != NULL && conflict->columns[i] != NULL; i++)
    {
      const char *column = conflict->columns[i];
      const char *label = korak_conflicts_column_label (conflict->table_name, column);
      const char *here = value_of (conflict, conflict->local_values, column);
      const char *there = value_of (conflict, conflict->incoming_values, column);
      g_autofree char *here_text = display_value (conflict, column, here);
      g_autofree char *there_text = display_value (conflict, column, there);
      GtkWidget *name;

      if (g_strcmp0 (column, "id") == 0)
        continue;

      if (!is_differing (conflict, column))
        {
          /* The same on both desks, or only bookkeeping. */
          name = value_label (label);
          gtk_widget_add_css_class (name, "dim-label");
          gtk_grid_attach (GTK_GRID (same_grid), name, 0, same_row, 1, 1);
          gtk_grid_attach (GTK_GRID (same_grid),
                           value_label (conflict->local_values ? here_text : there_text), 1, same_row++, 1, 1);
          continue;
        }

      name = value_label (label);
      gtk_widget_set_name (name, column);
      gtk_widget_add_css_class (name, "heading");
      gtk_widget_add_css_class (name, "warning");
      gtk_widget_set_valign (name, GTK_ALIGN_CENTER);
      gtk_grid_attach (GTK_GRID (grid), name, 0, row, 1, 1);

      if (per_column)
        {
          /* Translators: what a screen reader says for a choice: "Phone: here, 041 111 111". */
          g_autofree char *here_access = g_strdup_printf (_("%s: here, %s"), label, here_text);
          /* Translators: what a screen reader says for a choice: "Phone: from Kranj, 041 222 222". */
          g_autofree char *there_access = g_strdup_printf (_("%s: from %s, %s"), label, desk, there_text);
          GtkWidget *here_button = choice_button (here_text, here_access);
          GtkWidget *there_button = choice_button (there_text, there_access);

          gtk_widget_set_name (here_button, "here");
          gtk_widget_set_name (there_button, "incoming");
          gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (there_button), GTK_TOGGLE_BUTTON (here_button));
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (here_button), TRUE);
          gtk_grid_attach (GTK_GRID (grid), here_button, 1, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), there_button, 2, row, 1, 1);
          g_hash_table_insert (self->here_choices, g_strdup (column), here_button);
          g_hash_table_insert (self->choices, g_strdup (column), there_button);
        }
      else
        {
          gtk_grid_attach (GTK_GRID (grid), value_label (conflict->local_values ? here_text : "—"), 1, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), value_label (conflict->incoming_values ? there_text : "—"), 2, row, 1, 1);
        }
      row++;
    }

  /* Field names take what they need; the two versions share the rest. */
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child; child = gtk_widget_get_next_sibling (child))
    {
      int column;

      gtk_grid_query_child (GTK_GRID (grid), child, &column, NULL, NULL, NULL);
      if (column > 0)
        gtk_widget_set_size_request (child, 160, -1);
    }

  self->fields = grid;
  gtk_box_append (self->item_box, grid);

  if (same_row > 0)
    {
      /* Translators: the expander of the fields both desks agree on. */
      g_autofree char *same = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The Same on Both Desks (%d field)",
                                                            "The Same on Both Desks (%d fields)", same_row),
                                               same_row);

      self->same_expander = gtk_expander_new (same);
      gtk_widget_set_name (self->same_expander, "same");
      gtk_expander_set_child (GTK_EXPANDER (self->same_expander), same_grid);
      gtk_box_append (self->item_box, self->same_expander);
    }
  else
    g_object_unref (g_object_ref_sink (same_grid));
}

static void
show_conflict (KorakConflictsPage    *self,
               KorakExchangeConflict *conflict,
               guint                  position)
{
  g_autofree char *what = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *when = NULL;
  g_autofree char *info = NULL;

  self->shown = conflict;
  self->shown_position = position;

  if (conflict == NULL)
    {
      clear_fields (self);
      adw_window_title_set_title (self->item_title, _("Conflicts"));
      adw_window_title_set_subtitle (self->item_title, NULL);
      gtk_stack_set_visible_child_name (self->item_stack, "none");
      update_actions (self);
      return;
    }

  what = describe_row (self, conflict);
  kind = describe_kind (conflict);
  when = korak_format_timestamp (conflict->detected_at);
  adw_window_title_set_title (self->item_title, what);
  adw_window_title_set_subtitle (self->item_title, kind);

  if (per_column_possible (conflict))
    /* Translators: the explanation above a conflict; %s is when it arose. */
    info = g_strdup_printf (_("Arrived %s. For each field that differs, choose the version to keep, then "
                              "Apply Choices. Whatever you choose reaches the other desks with the next changes "
                              "you send."), when);
  else
    /* Translators: the explanation above a conflict; %s is when it arose. */
    info = g_strdup_printf (_("Arrived %s. Keep this desk's version or take the other desk's. Whatever you "
                              "choose reaches the other desks with the next changes you send."), when);
  gtk_label_set_text (self->info_label, info);

  build_fields (self, conflict);
  gtk_stack_set_visible_child_name (self->item_stack, "item");
  update_actions (self);
}

static void
select_position (KorakConflictsPage *self,
                 guint               position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, position);

  if (self->conflicts == NULL || position >= self->conflicts->len)
    return;

  self->updating = TRUE;
  gtk_list_box_select_row (self->list_box, row);
  self->updating = FALSE;
  show_conflict (self, g_ptr_array_index (self->conflicts, position), position);
}

gboolean
korak_conflicts_page_select (KorakConflictsPage *self,
                             gint64              conflict_id)
{
  g_return_val_if_fail (KORAK_IS_CONFLICTS_PAGE (self), FALSE);

  for (guint i = 0; i < n_conflicts (self); i++)
    if (((KorakExchangeConflict *)g_ptr_array_index (self->conflicts, i))->id == conflict_id)
      {
        select_position (self, i);
        return TRUE;
      }

  return FALSE;
}

static void
show_error (KorakConflictsPage *self,
            const char         *heading,
            const GError       *error)
{
  g_free (self->error);
  self->error = g_strdup (error->message);
  korak_show_error_dialog (GTK_WIDGET (self), heading, error->message);
}

gboolean
korak_conflicts_page_reload (KorakConflictsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  gint64 shown_id = self->shown ? self->shown->id : 0;
  guint shown_position = self->shown_position;
  GtkWidget *child;

  g_return_val_if_fail (KORAK_IS_CONFLICTS_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  if (!(conflicts = korak_exchange_list_conflicts (self->store, FALSE, &error)))
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      korak_show_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  self->updating = TRUE;
  self->shown = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = g_steal_pointer (&conflicts);
  for (guint i = 0; i < self->conflicts->len; i++)
    gtk_list_box_append (self->list_box, create_row (self, g_ptr_array_index (self->conflicts, i)));
  self->updating = FALSE;

  /* The one shown stays, else the one that took its place. */
  if (shown_id != 0 && korak_conflicts_page_select (self, shown_id))
    ;
  else if (self->conflicts->len > 0 && (shown_id != 0 || !adw_leaflet_get_folded (self->leaflet)))
    select_position (self, MIN (shown_position, self->conflicts->len - 1));
  else
    show_conflict (self, NULL, 0);

  update_state (self);
  return TRUE;
}

void
korak_conflicts_page_set_store (KorakConflictsPage *self,
                                KorakStore         *store)
{
  g_return_if_fail (KORAK_IS_CONFLICTS_PAGE (self));
  g_return_if_fail (KORAK_IS_STORE (store));

  g_set_object (&self->store, store);
  korak_conflicts_page_reload (self);
}

/* ------------------------------------------------------------ deciding */

static void
decide (KorakConflictsPage  *self,
        KorakExchangeChoice  choice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) columns = NULL;
  g_autofree char *what = NULL;
  g_autofree char *toast = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (self->shown == NULL)
    return;

  if (choice == KORAK_EXCHANGE_PER_COLUMN)
    {
      g_hash_table_iter_init (&iter, self->choices);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (gtk_toggle_button_get_active (value))
          g_strv_builder_add (builder, key);
    }
  columns = g_strv_builder_end (builder);

  what = describe_row (self, self->shown);
  if (!korak_exchange_resolve_conflict (self->store, self->shown->id, choice,
                                        (const char * const *)columns, &error))
    {
      show_error (self, _("The Conflict Was Not Decided"), error);
      return;
    }

  /* Translators: a toast after a conflict was decided; %s is "Participant Ana Novak". */
  toast = g_strdup_printf (_("Decided: %s"), what);
  korak_show_toast (GTK_WIDGET (self), toast);
  g_clear_pointer (&self->error, g_free);
  korak_conflicts_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
keep_local_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  decide (KORAK_CONFLICTS_PAGE (widget), KORAK_EXCHANGE_KEEP_LOCAL);
}

static void
take_incoming_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  decide (KORAK_CONFLICTS_PAGE (widget), KORAK_EXCHANGE_TAKE_INCOMING);
}

static void
apply_choices_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KorakConflictsPage *self = KORAK_CONFLICTS_PAGE (widget);

  if (self->shown != NULL && per_column_possible (self->shown))
    decide (self, KORAK_EXCHANGE_PER_COLUMN);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KorakConflictsPage *self = KORAK_CONFLICTS_PAGE (widget);
  gboolean next = g_str_equal (action_name, "conflicts.next");
  guint n = n_conflicts (self);

  if (n == 0)
    return;
  if (self->shown == NULL)
    select_position (self, 0);
  else if (next && self->shown_position + 1 < n)
    select_position (self, self->shown_position + 1);
  else if (!next && self->shown_position > 0)
    select_position (self, self->shown_position - 1);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  adw_leaflet_set_visible_child_name (KORAK_CONFLICTS_PAGE (widget)->leaflet, "list");
}

static void
on_row_selected_cb (KorakConflictsPage *self,
                    GtkListBoxRow      *row)
{
  if (self->updating || row == NULL)
    return;
  korak_conflicts_page_select (self, row_id (row));
}

static void
on_row_activated_cb (KorakConflictsPage *self,
                     GtkListBoxRow      *row)
{
  GtkWidget *first;

  korak_conflicts_page_select (self, row_id (row));
  adw_leaflet_set_visible_child_name (self->leaflet, "item");

  /* The keyboard goes on to the first choice. */
  first = self->fields ? gtk_widget_get_first_child (self->fields) : NULL;
  while (first != NULL && !GTK_IS_TOGGLE_BUTTON (first))
    first = gtk_widget_get_next_sibling (first);
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

/* --------------------------------------------------------------- access */

guint
korak_conflicts_page_get_n_conflicts (KorakConflictsPage *self)
{
  g_return_val_if_fail (KORAK_IS_CONFLICTS_PAGE (self), 0);
  return n_conflicts (self);
}

gint64
korak_conflicts_page_get_selected_id (KorakConflictsPage *self)
{
  g_return_val_if_fail (KORAK_IS_CONFLICTS_PAGE (self), 0);
  return self->shown ? self->shown->id : 0;
}

const char *
korak_conflicts_page_get_state (KorakConflictsPage *self)
{
  g_return_val_if_fail (KORAK_IS_CONFLICTS_PAGE (self), NULL);
  return n_conflicts (self) == 0 ? "empty" : "list";
}

GtkListBox *
korak_conflicts_page_get_list_box (KorakConflictsPage *self)
{
  g_return_val_if_fail (KORAK_IS_CONFLICTS_PAGE (self), NULL);
  return self->list_box;
}

GtkToggleButton *
korak_conflicts_page_get_choice (KorakConflictsPage *self,
                                 const char         *column,
                                 gboolean            incoming)
{
  g_return_val_if_fail (KORAK_IS_CONFLICTS_PAGE (self), NULL);
  return g_hash_table_lookup (incoming ? self->choices : self->here_choices, column);
}

const char *
korak_conflicts_page_get_error (KorakConflictsPage *self)
{
  g_return_val_if_fail (KORAK_IS_CONFLICTS_PAGE (self), NULL);
  return self->error;
}

/* --------------------------------------------------------------- object */

static void
korak_conflicts_page_dispose (GObject *object)
{
  KorakConflictsPage *self = (KorakConflictsPage *)object;

  self->shown = NULL;
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->here_choices, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (korak_conflicts_page_parent_class)->dispose (object);
}

static void
korak_conflicts_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KorakConflictsPage *self = KORAK_CONFLICTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, gtk_widget_get_visible (self->sidebar_button));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_conflicts_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KorakConflictsPage *self = KORAK_CONFLICTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR_BUTTON:
      if (gtk_widget_get_visible (self->sidebar_button) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (self->sidebar_button, g_value_get_boolean (value));
          gtk_widget_set_visible (self->empty_sidebar_button, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_conflicts_page_class_init (KorakConflictsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_conflicts_page_dispose;
  object_class->get_property = korak_conflicts_page_get_property;
  object_class->set_property = korak_conflicts_page_set_property;

  /* Shows a button that brings back the window's list of views. */
  properties[PROP_SHOW_SIDEBAR_BUTTON] =
    g_param_spec_boolean ("show-sidebar-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A conflict was decided: the count in the sidebar follows. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-conflicts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakConflictsPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakConflictsPage, empty_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KorakConflictsPage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KorakConflictsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KorakConflictsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, KorakConflictsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, KorakConflictsPage, item_title);
  gtk_widget_class_bind_template_child (widget_class, KorakConflictsPage, item_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakConflictsPage, item_box);
  gtk_widget_class_bind_template_child (widget_class, KorakConflictsPage, info_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "conflicts.keep-local", NULL, keep_local_action);
  gtk_widget_class_install_action (widget_class, "conflicts.take-incoming", NULL, take_incoming_action);
  gtk_widget_class_install_action (widget_class, "conflicts.apply-choices", NULL, apply_choices_action);
  gtk_widget_class_install_action (widget_class, "conflicts.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "conflicts.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "conflicts.show-list", NULL, show_list_action);
}

static void
korak_conflicts_page_init (KorakConflictsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->here_choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_Return, GDK_CONTROL_MASK, "conflicts.apply-choices");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "conflicts.apply-choices");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "conflicts.keep-local");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "conflicts.take-incoming");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_Down, GDK_ALT_MASK, "conflicts.next");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_Up, GDK_ALT_MASK, "conflicts.previous");

  show_conflict (self, NULL, 0);
  update_state (self);
}
