/* korak-plan-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-date.h"
#include "korak-linked-translation.h"
#include "korak-plan-page.h"
#include "korak-schedule.h"
#include "korak-ui-util.h"

struct _KorakPlanPage
{
  AdwBin               parent_instance;

  KorakPlanModel      *model;
  GPtrArray           *activities;   /* KorakActivityRecord*, the catalogue */
  GPtrArray           *dynamic_rows[4]; /* barriers, goals, activities, history */
  char                *error;
  gboolean             changes;
  gboolean             filling;

  GtkLabel            *status_label;
  GtkLabel            *error_label;
  AdwEntryRow         *interests_row;
  AdwEntryRow         *strengths_row;
  AdwEntryRow         *work_row;
  AdwEntryRow         *education_row;
  AdwPreferencesGroup *barriers_group;
  AdwPreferencesGroup *goals_group;
  AdwPreferencesGroup *activities_group;
  AdwEntryRow         *next_review_row;
  AdwEntryRow         *agreed_row;
  AdwPreferencesGroup *history_group;
};

G_DEFINE_FINAL_TYPE (KorakPlanPage, korak_plan_page, ADW_TYPE_BIN)

enum { ROWS_BARRIERS, ROWS_GOALS, ROWS_ACTIVITIES, ROWS_HISTORY };

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_goals (KorakPlanPage *self);
static void rebuild_activities (KorakPlanPage *self);
static gboolean save (KorakPlanPage *self, KorakPlanSaveKind kind);

/* ---------------------------------------------------------------- helpers */

static void
show_error (KorakPlanPage *self,
            const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
mark_changed (KorakPlanPage *self)
{
  if (!self->filling)
    self->changes = TRUE;
}

static void
clear_rows (KorakPlanPage       *self,
            AdwPreferencesGroup *group,
            guint                which)
{
  GPtrArray *rows = self->dynamic_rows[which];

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (KorakPlanPage       *self,
         AdwPreferencesGroup *group,
         guint                which,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows[which], row);
}

/* Editable text bound to a char* field of the plan record. */
static void
on_text_changed_cb (GtkEditable   *editable,
                    KorakPlanPage *self)
{
  char **target = g_object_get_data (G_OBJECT (editable), "target");

  g_free (*target);
  *target = g_strdup (gtk_editable_get_text (editable));
  mark_changed (self);
}

static void
bind_text (KorakPlanPage *self,
           GtkEditable   *editable,
           char         **target)
{
  g_signal_handlers_disconnect_by_func (editable, on_text_changed_cb, self);
  gtk_editable_set_text (editable, *target ? *target : "");
  g_object_set_data (G_OBJECT (editable), "target", target);
  g_signal_connect (editable, "changed", G_CALLBACK (on_text_changed_cb), self);
}

/* A date field: stored as ISO when it parses, as typed otherwise, so the
 * store refuses it with a message naming the field. */
static void
on_date_changed_cb (GtkEditable   *editable,
                    KorakPlanPage *self)
{
  char **target = g_object_get_data (G_OBJECT (editable), "target");
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *iso = korak_date_parse (text, NULL);

  g_free (*target);
  *target = g_strdup (iso ? iso : text);
  if (iso != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  mark_changed (self);
}

static void
bind_date (KorakPlanPage *self,
           GtkEditable   *editable,
           char         **target)
{
  g_signal_handlers_disconnect_by_func (editable, on_date_changed_cb, self);
  gtk_editable_set_text (editable, *target ? *target : "");
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  g_object_set_data (G_OBJECT (editable), "target", target);
  g_signal_connect (editable, "changed", G_CALLBACK (on_date_changed_cb), self);
}

static GtkWidget *
entry_row (KorakPlanPage *self,
           const char    *title,
           const char    *name,
           char         **target,
           gboolean       is_date)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  if (is_date)
    bind_date (self, GTK_EDITABLE (row), target);
  else
    bind_text (self, GTK_EDITABLE (row), target);
  return row;
}

/* A combo row bound to a char* code field. */
static void
on_choice_selected_cb (AdwComboRow   *row,
                       GParamSpec    *pspec,
                       KorakPlanPage *self)
{
  char **target = g_object_get_data (G_OBJECT (row), "target");
  const KorakChoice *choices = g_object_get_data (G_OBJECT (row), "choices");
  guint selected = adw_combo_row_get_selected (row);

  for (guint i = 0; choices[i].code != NULL; i++)
    if (i == selected)
      {
        g_free (*target);
        *target = g_strdup (choices[i].code);
      }
  mark_changed (self);
  /* The goal's title row shows area and status. */
  if (g_object_get_data (G_OBJECT (row), "goal-row"))
    {
      GtkWidget *expander = g_object_get_data (G_OBJECT (row), "goal-row");
      KorakGoalRecord *goal = g_object_get_data (G_OBJECT (expander), "goal");
      g_autofree char *subtitle = NULL;
      guint done, total;

      korak_goal_record_count_steps (goal, &done, &total);
      /* Translators: a goal's summary: area · status · steps done */
      subtitle = g_strdup_printf (_("%s · %s · %u of %u steps done"),
                                  korak_choice_label (korak_goal_areas (), goal->area),
                                  korak_choice_label (korak_goal_statuses (), goal->status), done, total);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
    }
}

static GtkWidget *
choice_row (KorakPlanPage     *self,
            const char        *title,
            const char        *name,
            const KorakChoice *choices,
            char             **target)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  for (guint i = 0; choices[i].code != NULL; i++)
    {
      gtk_string_list_append (labels, _(choices[i].label));
      if (g_strcmp0 (choices[i].code, *target) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  for (guint i = 0; choices[i].code != NULL; i++)
    if (g_strcmp0 (choices[i].code, *target) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_object_set_data (G_OBJECT (row), "target", target);
  g_object_set_data (G_OBJECT (row), "choices", (gpointer)choices);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_selected_cb), self);
  return row;
}

static KorakPlanRecord *
record (KorakPlanPage *self)
{
  return korak_plan_model_get_record (self->model);
}

/* --------------------------------------------------------------- barriers */

static void
on_barrier_enabled_cb (AdwExpanderRow *row,
                       GParamSpec     *pspec,
                       KorakPlanPage  *self)
{
  KorakBarrierRecord *barrier = g_object_get_data (G_OBJECT (row), "barrier");

  barrier->checked = adw_expander_row_get_enable_expansion (row);
  if (barrier->checked && !self->filling)
    adw_expander_row_set_expanded (row, TRUE);
  mark_changed (self);
}

static void
rebuild_barriers (KorakPlanPage *self)
{
  KorakPlanRecord *plan = record (self);

  clear_rows (self, self->barriers_group, ROWS_BARRIERS);
  for (guint i = 0; i < plan->barriers->len; i++)
    {
      KorakBarrierRecord *barrier = g_ptr_array_index (plan->barriers, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *remark;
      g_autofree char *name = g_strconcat ("barrier-", barrier->kind, NULL);

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     korak_choice_label (korak_barrier_kinds (), barrier->kind));
      if (barrier->remark && *barrier->remark)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), barrier->remark);
      adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), barrier->checked);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
      g_object_set_data (G_OBJECT (row), "barrier", barrier);
      g_signal_connect (row, "notify::enable-expansion", G_CALLBACK (on_barrier_enabled_cb), self);

      remark = entry_row (self, _("Remark"), "barrier-remark", &barrier->remark, FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remark);
      add_row (self, self->barriers_group, ROWS_BARRIERS, row);
    }
}

/* ------------------------------------------------------------------ goals */

static void
on_goal_description_changed_cb (GtkEditable    *editable,
                                AdwExpanderRow *expander)
{
  const char *text = gtk_editable_get_text (editable);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), *text ? text : _("New goal"));
}

static void
on_step_done_toggled_cb (GtkCheckButton *check,
                         KorakPlanPage  *self)
{
  KorakGoalStepRecord *step = g_object_get_data (G_OBJECT (check), "step");

  step->done = gtk_check_button_get_active (check);
  mark_changed (self);
}

static void
on_add_step_clicked_cb (GtkButton     *button,
                        KorakPlanPage *self)
{
  KorakGoalRecord *goal = g_object_get_data (G_OBJECT (button), "goal");

  korak_goal_record_add_step (goal, "", NULL);
  g_object_set_data (G_OBJECT (self), "expand-goal", goal);
  mark_changed (self);
  rebuild_goals (self);
}

static void
on_remove_step_clicked_cb (GtkButton     *button,
                           KorakPlanPage *self)
{
  KorakGoalRecord *goal = g_object_get_data (G_OBJECT (button), "goal");
  KorakGoalStepRecord *step = g_object_get_data (G_OBJECT (button), "step");

  g_ptr_array_remove (goal->steps, step);
  g_object_set_data (G_OBJECT (self), "expand-goal", goal);
  mark_changed (self);
  rebuild_goals (self);
}

static void
on_remove_goal_clicked_cb (GtkButton     *button,
                           KorakPlanPage *self)
{
  KorakGoalRecord *goal = g_object_get_data (G_OBJECT (button), "goal");
  guint position;

  if (g_ptr_array_find (record (self)->goals, goal, &position))
    korak_plan_model_remove_goal (self->model, position);
  mark_changed (self);
  rebuild_goals (self);
}

static void
on_translation_saved_cb (KorakPlanPage *self)
{
  rebuild_goals (self);
}

/* The goal's text goes through the notes workflow, translated into the
 * participant's mother tongue. The plan is saved first when it has
 * changes, so that the translation is of the goal as it reads now. */
static void
on_translate_goal_clicked_cb (GtkButton     *button,
                              KorakPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  KorakGoalRecord *goal = g_object_get_data (G_OBJECT (button), "goal");
  KorakStore *store = korak_plan_model_get_store (self->model);
  g_autofree char *text = NULL;
  GtkWindow *dialog;
  guint position;

  if (store == NULL || !g_ptr_array_find (record (self)->goals, goal, &position))
    return;

  text = g_strstrip (g_strdup (goal->description ? goal->description : ""));
  if (*text == '\0')
    {
      show_error (self, _("Write the goal before translating it."));
      return;
    }
  if ((self->changes || goal->id == 0) && !save (self, KORAK_PLAN_SAVE))
    return;
  /* Saving reloaded the plan: the same goal, by its place. */
  goal = g_ptr_array_index (record (self)->goals, position);

  dialog = korak_linked_translation_open (GTK_WIDGET (self), store, KORAK_LINK_GOAL, goal->id,
                                          korak_plan_model_get_participant_id (self->model), &error);
  if (dialog == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_translation_saved_cb), self, G_CONNECT_SWAPPED);
}

static GtkWidget *
button_row (const char *label,
            const char *icon,
            const char *name,
            gboolean    destructive)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "flat");
  if (destructive)
    gtk_widget_add_css_class (button, "error");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 6);
  gtk_widget_set_margin_start (button, 6);
  return button;
}

static void
rebuild_goals (KorakPlanPage *self)
{
  KorakPlanRecord *plan = record (self);
  KorakGoalRecord *expand = g_object_get_data (G_OBJECT (self), "expand-goal");
  gboolean was_filling = self->filling;

  self->filling = TRUE;
  clear_rows (self, self->goals_group, ROWS_GOALS);

  if (plan->goals->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No goals yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Agree on what the participant wants to reach, then add it as a goal."));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, self->goals_group, ROWS_GOALS, row);
    }

  for (guint i = 0; i < plan->goals->len; i++)
    {
      KorakGoalRecord *goal = g_ptr_array_index (plan->goals, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *row, *button;
      g_autofree char *subtitle = NULL;
      guint done, total;

      gtk_widget_set_name (expander, "goal");
      g_object_set_data (G_OBJECT (expander), "goal", goal);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     goal->description && *goal->description ? goal->description : _("New goal"));
      korak_goal_record_count_steps (goal, &done, &total);
      subtitle = g_strdup_printf (_("%s · %s · %u of %u steps done"),
                                  korak_choice_label (korak_goal_areas (), goal->area),
                                  korak_choice_label (korak_goal_statuses (), goal->status), done, total);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      if (g_strcmp0 (goal->status, "achieved") == 0)
        adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander),
                                     goal == expand || (goal->description == NULL || *goal->description == '\0'));
      /* "Translated into Arabic · reviewed", on the goal's own row. */
      if (goal->id != 0)
        {
          GtkWidget *status = korak_linked_translation_indicator_new (korak_plan_model_get_store (self->model),
                                                                      KORAK_LINK_GOAL, goal->id,
                                                                      korak_plan_model_get_participant_id (self->model));

          if (status != NULL)
            {
              gtk_label_set_wrap (GTK_LABEL (status), FALSE);
              gtk_label_set_ellipsize (GTK_LABEL (status), PANGO_ELLIPSIZE_END);
              gtk_widget_set_tooltip_text (status, gtk_label_get_text (GTK_LABEL (status)));
              adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), status);
            }
        }

      row = entry_row (self, _("Description"), "goal-description", &goal->description, FALSE);
      g_signal_connect (row, "changed", G_CALLBACK (on_goal_description_changed_cb), expander);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      row = choice_row (self, _("Area"), "goal-area", korak_goal_areas (), &goal->area);
      g_object_set_data (G_OBJECT (row), "goal-row", expander);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      row = choice_row (self, _("Status"), "goal-status", korak_goal_statuses (), &goal->status);
      g_object_set_data (G_OBJECT (row), "goal-row", expander);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                entry_row (self, _("Target date"), "goal-target-date", &goal->target_date, TRUE));

      for (guint j = 0; j < goal->steps->len; j++)
        {
          KorakGoalStepRecord *step = g_ptr_array_index (goal->steps, j);
          g_autofree char *title = g_strdup_printf (_("Step %u"), j + 1);
          g_autofree char *due_title = g_strdup_printf (_("Step %u due"), j + 1);
          GtkWidget *check = gtk_check_button_new ();
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

          row = entry_row (self, title, "step-description", &step->description, FALSE);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), step->done);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (check, _("Done"));
          gtk_widget_set_name (check, "step-done");
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Step done"), -1);
          g_object_set_data (G_OBJECT (check), "step", step);
          g_signal_connect (check, "toggled", G_CALLBACK (on_step_done_toggled_cb), self);
          adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), check);

          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove Step"));
          g_object_set_data (G_OBJECT (remove), "goal", goal);
          g_object_set_data (G_OBJECT (remove), "step", step);
          g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_step_clicked_cb), self);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

          row = entry_row (self, due_title, "step-due", &step->due_date, TRUE);
          gtk_widget_set_margin_start (row, 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *list_row = gtk_list_box_row_new ();

        button = button_row (_("Add _Step"), "list-add-symbolic", "goal-add-step", FALSE);
        g_object_set_data (G_OBJECT (button), "goal", goal);
        g_signal_connect (button, "clicked", G_CALLBACK (on_add_step_clicked_cb), self);
        gtk_box_append (GTK_BOX (box), button);
        button = button_row (_("_Translate…"), "preferences-desktop-locale-symbolic", "goal-translate", FALSE);
        gtk_widget_set_tooltip_text (button, _("Translate the goal into the participant’s language, for the mediator to review"));
        g_object_set_data (G_OBJECT (button), "goal", goal);
        g_signal_connect (button, "clicked", G_CALLBACK (on_translate_goal_clicked_cb), self);
        gtk_box_append (GTK_BOX (box), button);
        button = button_row (_("_Remove Goal"), "user-trash-symbolic", "goal-remove", TRUE);
        gtk_widget_set_hexpand (button, TRUE);
        gtk_widget_set_halign (button, GTK_ALIGN_END);
        gtk_widget_set_margin_end (button, 6);
        g_object_set_data (G_OBJECT (button), "goal", goal);
        g_signal_connect (button, "clicked", G_CALLBACK (on_remove_goal_clicked_cb), self);
        gtk_box_append (GTK_BOX (box), button);
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), list_row);
      }

      add_row (self, self->goals_group, ROWS_GOALS, expander);
    }

  g_object_set_data (G_OBJECT (self), "expand-goal", NULL);
  self->filling = was_filling;
}

/* ------------------------------------------------------------- activities */

static void
on_activity_selected_cb (AdwComboRow   *row,
                         GParamSpec    *pspec,
                         KorakPlanPage *self)
{
  KorakPlanActivityRecord *activity = g_object_get_data (G_OBJECT (row), "activity");
  guint selected = adw_combo_row_get_selected (row);

  if (selected < self->activities->len)
    activity->activity_id = ((KorakActivityRecord *)g_ptr_array_index (self->activities, selected))->id;
  mark_changed (self);
}

static void
on_remove_activity_clicked_cb (GtkButton     *button,
                               KorakPlanPage *self)
{
  g_ptr_array_remove (record (self)->activities, g_object_get_data (G_OBJECT (button), "activity"));
  mark_changed (self);
  rebuild_activities (self);
}

static void
rebuild_activities (KorakPlanPage *self)
{
  KorakPlanRecord *plan = record (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean was_filling = self->filling;

  self->filling = TRUE;
  clear_rows (self, self->activities_group, ROWS_ACTIVITIES);
  for (guint i = 0; i < self->activities->len; i++)
    gtk_string_list_append (names, korak_activity_label (((KorakActivityRecord *)g_ptr_array_index (self->activities, i))->name));

  if (plan->activities->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No trainings chosen yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Pick the workshops from the catalogue that fit the person."));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, self->activities_group, ROWS_ACTIVITIES, row);
    }

  for (guint i = 0; i < plan->activities->len; i++)
    {
      KorakPlanActivityRecord *activity = g_ptr_array_index (plan->activities, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *combo = adw_combo_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      const char *name = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *planned = korak_date_format (activity->planned_date);
      g_autofree char *done = korak_date_format (activity->done_date);

      for (guint j = 0; j < self->activities->len; j++)
        {
          KorakActivityRecord *a = g_ptr_array_index (self->activities, j);

          if (a->id == activity->activity_id)
            name = korak_activity_label (a->name);
        }

      gtk_widget_set_name (expander, "activity");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name ? name : _("Training"));
      if (activity->done_date && *activity->done_date)
        /* Translators: a training done on a date. */
        subtitle = g_strdup_printf (_("Done %s"), done);
      else if (activity->planned_date && *activity->planned_date)
        subtitle = g_strdup_printf (_("Planned for %s"), planned);
      else
        subtitle = g_strdup (_("Not scheduled"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      if (activity->id == 0)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Activity"));
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (names));
      for (guint j = 0; j < self->activities->len; j++)
        if (((KorakActivityRecord *)g_ptr_array_index (self->activities, j))->id == activity->activity_id)
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), j);
      g_object_set_data (G_OBJECT (combo), "activity", activity);
      g_signal_connect (combo, "notify::selected", G_CALLBACK (on_activity_selected_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), combo);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                entry_row (self, _("Planned"), "activity-planned", &activity->planned_date, TRUE));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                entry_row (self, _("Done"), "activity-done", &activity->done_date, TRUE));

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Training"));
      g_object_set_data (G_OBJECT (remove), "activity", activity);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_activity_clicked_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

      add_row (self, self->activities_group, ROWS_ACTIVITIES, expander);
    }
  self->filling = was_filling;
}

/* ---------------------------------------------------------------- history */

static void
rebuild_history (KorakPlanPage *self)
{
  GListModel *history = korak_plan_model_get_history (self->model);
  guint n = g_list_model_get_n_items (history);

  clear_rows (self, self->history_group, ROWS_HISTORY);
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not saved yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Each save and review will be listed here with what changed."));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, self->history_group, ROWS_HISTORY, row);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakPlanHistoryItem) item = g_list_model_get_item (history, i);
      const KorakPlanReviewRecord *r = korak_plan_history_item_get_record (item);
      g_autofree char *date = korak_date_format (r->date);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *label = gtk_label_new (r->summary);
      const char *kind = g_str_equal (r->kind, "review") ? _("Review")
                       : g_str_equal (r->kind, "agreed") ? _("Agreed with the participant")
                       : _("Changes saved");

      /* Translators: "Review · 1. 3. 2026" */
      title = g_strdup_printf (_("%s · %s"), kind, date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (r->n_changes == 0)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("No changes"));
      else
        {
          g_autofree char *count = g_strdup_printf (ngettext ("%u change", "%u changes", r->n_changes), r->n_changes);

          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), count);
        }
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row),
                                   gtk_image_new_from_icon_name (g_str_equal (r->kind, "review") ? "view-list-symbolic"
                                                                 : g_str_equal (r->kind, "agreed") ? "emblem-ok-symbolic"
                                                                 : "document-save-symbolic"));
      gtk_widget_set_name (row, "history");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
      add_row (self, self->history_group, ROWS_HISTORY, row);
    }
}

/* ------------------------------------------------------------------- fill */

static void
update_status (KorakPlanPage *self)
{
  KorakPlanRecord *plan = record (self);
  g_autoptr(GString) text = g_string_new (NULL);

  if (plan->id == 0)
    g_string_append (text, _("No plan stored yet. Start with the diagnosis, then agree on goals."));
  else
    {
      if (plan->agreed_date && korak_date_is_iso (plan->agreed_date))
        {
          g_autofree char *d = korak_date_format (plan->agreed_date);
          g_string_append_printf (text, _("Agreed with the participant on %s"), d);
        }
      else
        g_string_append (text, _("Not yet agreed with the participant"));
      if (plan->last_review_date)
        {
          g_autofree char *d = korak_date_format (plan->last_review_date);
          g_string_append (text, " · ");
          g_string_append_printf (text, _("last review %s"), d);
        }
      if (plan->next_review_date && korak_date_is_iso (plan->next_review_date))
        {
          g_autofree char *d = korak_date_format (plan->next_review_date);
          g_string_append (text, " · ");
          g_string_append_printf (text, _("next review %s"), d);
        }
    }
  gtk_label_set_text (self->status_label, text->str);
}

static void
fill (KorakPlanPage *self)
{
  KorakPlanRecord *plan = record (self);

  self->filling = TRUE;
  bind_text (self, GTK_EDITABLE (self->interests_row), &plan->interests);
  bind_text (self, GTK_EDITABLE (self->strengths_row), &plan->strengths);
  bind_text (self, GTK_EDITABLE (self->work_row), &plan->work_experience);
  bind_text (self, GTK_EDITABLE (self->education_row), &plan->education);
  bind_date (self, GTK_EDITABLE (self->next_review_row), &plan->next_review_date);
  bind_date (self, GTK_EDITABLE (self->agreed_row), &plan->agreed_date);
  rebuild_barriers (self);
  rebuild_goals (self);
  rebuild_activities (self);
  rebuild_history (self);
  update_status (self);
  self->filling = FALSE;
  self->changes = FALSE;
}

void
korak_plan_page_set_participant (KorakPlanPage *self,
                                 KorakStore    *store,
                                 gint64         participant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;

  g_return_if_fail (KORAK_IS_PLAN_PAGE (self));
  g_return_if_fail (KORAK_IS_STORE (store));

  if (!(activities = korak_store_list_activities (store, &error)) ||
      !korak_plan_model_load (self->model, store, participant_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  self->activities = g_steal_pointer (&activities);
  show_error (self, NULL);
  fill (self);
}

static gboolean
save (KorakPlanPage     *self,
      KorakPlanSaveKind  kind)
{
  g_autoptr(GError) error = NULL;

  if (korak_plan_model_get_store (self->model) == NULL)
    return FALSE;

  if (!korak_plan_model_save (self->model, kind, NULL, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  fill (self);
  korak_show_toast (GTK_WIDGET (self),
                    kind == KORAK_PLAN_REVIEW ? _("Review recorded")
                    : kind == KORAK_PLAN_AGREED ? _("Plan marked as agreed")
                    : _("Plan saved"));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
korak_plan_page_save (KorakPlanPage *self)
{
  g_return_val_if_fail (KORAK_IS_PLAN_PAGE (self), FALSE);
  return save (self, KORAK_PLAN_SAVE);
}

gboolean
korak_plan_page_has_changes (KorakPlanPage *self)
{
  g_return_val_if_fail (KORAK_IS_PLAN_PAGE (self), FALSE);
  return self->changes;
}

const char *
korak_plan_page_get_error (KorakPlanPage *self)
{
  g_return_val_if_fail (KORAK_IS_PLAN_PAGE (self), NULL);
  return self->error;
}

KorakPlanModel *
korak_plan_page_get_model (KorakPlanPage *self)
{
  g_return_val_if_fail (KORAK_IS_PLAN_PAGE (self), NULL);
  return self->model;
}

/* ---------------------------------------------------------------- actions */

static void
save_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  save (KORAK_PLAN_PAGE (widget), KORAK_PLAN_SAVE);
}

static void
review_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  save (KORAK_PLAN_PAGE (widget), KORAK_PLAN_REVIEW);
}

static void
agree_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  save (KORAK_PLAN_PAGE (widget), KORAK_PLAN_AGREED);
}

static void
add_goal_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KorakPlanPage *self = KORAK_PLAN_PAGE (widget);
  KorakGoalRecord *goal;

  if (korak_plan_model_get_store (self->model) == NULL)
    return;
  goal = korak_plan_record_add_goal (record (self), "social", "", NULL);
  korak_goal_record_add_step (goal, "", NULL);
  korak_plan_model_goals_changed (self->model);
  mark_changed (self);
  rebuild_goals (self);
  /* Focus the new goal's description. */
  {
    GtkWidget *last = g_ptr_array_index (self->dynamic_rows[ROWS_GOALS], self->dynamic_rows[ROWS_GOALS]->len - 1);

    gtk_widget_grab_focus (last);
  }
}

static void
add_activity_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  KorakPlanPage *self = KORAK_PLAN_PAGE (widget);
  g_autofree char *today = korak_date_today ();

  if (self->activities == NULL || self->activities->len == 0)
    return;
  korak_plan_record_add_activity (record (self),
                                  ((KorakActivityRecord *)g_ptr_array_index (self->activities, 0))->id, today);
  mark_changed (self);
  rebuild_activities (self);
}

static void
korak_plan_page_dispose (GObject *object)
{
  KorakPlanPage *self = (KorakPlanPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KORAK_TYPE_PLAN_PAGE);
  g_clear_object (&self->model);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->dynamic_rows); i++)
    g_clear_pointer (&self->dynamic_rows[i], g_ptr_array_unref);

  G_OBJECT_CLASS (korak_plan_page_parent_class)->dispose (object);
}

static void
korak_plan_page_class_init (KorakPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_plan_page_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, interests_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, strengths_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, work_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, education_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, barriers_group);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, goals_group);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, activities_group);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, next_review_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, agreed_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPlanPage, history_group);

  gtk_widget_class_install_action (widget_class, "plan.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "plan.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "plan.agree", NULL, agree_action);
  gtk_widget_class_install_action (widget_class, "plan.add-goal", NULL, add_goal_action);
  gtk_widget_class_install_action (widget_class, "plan.add-activity", NULL, add_activity_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "plan.save", NULL);
}

static void
korak_plan_page_init (KorakPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = korak_plan_model_new ();
  for (guint i = 0; i < G_N_ELEMENTS (self->dynamic_rows); i++)
    self->dynamic_rows[i] = g_ptr_array_new ();
}
