/* korak-cohorts-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-cohorts-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "korak-cohort-progress-window.h"
#include "korak-cohort-util.h"
#include "korak-cohorts-page.h"
#include "korak-date.h"
#include "korak-document-dialog.h"
#include "korak-mediator-report.h"
#include "korak-mediators.h"
#include "korak-notes.h"
#include "korak-form-dialog.h"
#include "korak-new-cohort-dialog.h"
#include "korak-notes-page.h"
#include "korak-participant-list.h"
#include "korak-programme-list.h"
#include "korak-print.h"
#include "korak-programmes-dialog.h"
#include "korak-reports.h"
#include "korak-staff-dialog.h"
#include "korak-staff-list.h"
#include "korak-ui-util.h"

/*
 * The cohorts view: the runs of programmes on the left, the chosen one on
 * the right. Its details and module dates are edited in place and stored
 * with Save (Ctrl+S), or when another cohort is chosen; the timetable,
 * closures and members are stored as soon as each dialog is accepted.
 */
struct _KorakCohortsPage
{
  AdwBin               parent_instance;

  KorakStore          *store;
  KorakCohortList     *cohorts;
  KorakProgrammeList  *programmes;
  KorakStaffList      *mentors;
  KorakStaffList      *mediators;
  GPtrArray           *activities;      /* KorakActivityRecord */
  GPtrArray           *patterns;        /* KorakPatternRecord of @shown */
  GPtrArray           *closures;        /* KorakClosureRecord of @shown */
  GPtrArray           *members;         /* KorakMemberRecord of @shown */
  KorakPatternRecord  *removed_pattern; /* for Undo */
  KorakClosureRecord  *removed_closure; /* for Undo */
  KorakCohortDetail   *shown;
  char                *message;         /* the last Generate result */
  GPtrArray           *module_rows;     /* AdwExpanderRow per module of @shown */
  guint                loading;
  guint                selecting;
  guint                changed : 1;

  GtkStack            *page_stack;
  GtkStack            *empty_stack;
  AdwStatusPage       *error_status;
  GtkWidget           *empty_sidebar_button;
  GtkWidget           *sidebar_button;
  AdwLeaflet          *leaflet;
  AdwWindowTitle      *list_title;
  GtkListBox          *list_box;
  AdwWindowTitle      *cohort_title;
  GtkWidget           *save_button;
  GtkWidget           *documents_button;
  GtkStack            *pane_stack;
  AdwPreferencesPage  *prefs_page;
  GtkWidget           *error_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *programme_row;
  AdwEntryRow         *site_row;
  AdwEntryRow         *start_row;
  AdwComboRow         *mentor_row;
  AdwComboRow         *mediator_row;
  GtkListBox          *modules_list;
  GtkListBox          *patterns_list;
  GtkListBox          *closures_list;
  GtkListBox          *mediators_list;
  AdwActionRow        *sessions_row;
  AdwPreferencesGroup *members_group;
  GtkListBox          *members_list;
};

G_DEFINE_FINAL_TYPE (KorakCohortsPage, korak_cohorts_page, ADW_TYPE_BIN)

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

static void show_cohort (KorakCohortsPage *self,
                         gint64            id);

/* ------------------------------------------------------------- helpers */

static void
emit_changed (KorakCohortsPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_error (KorakCohortsPage *self,
            const char       *message)
{
  korak_error_label_set (self->error_label, message);
  if (message != NULL)
    korak_scroll_to_top (GTK_WIDGET (self->prefs_page));
}

static void
set_id_data (gpointer    object,
             const char *key,
             gint64      id)
{
  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

static gint64
get_id_data (gpointer    object,
             const char *key)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), key);

  return id ? *id : 0;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *tooltip,
                 const char *accessible_label,
                 const char *action_name,
                 gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

static gboolean
iso_to_julian (const char *iso,
               guint32    *julian)
{
  int y, m, d;

  if (!korak_date_is_iso (iso) || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;

  {
    g_autoptr(GDate) date = g_date_new_dmy (d, m, y);
    *julian = g_date_get_julian (date);
  }

  return TRUE;
}

static char *
iso_add_days (const char *iso,
              int         days)
{
  int y, m, d;
  g_autoptr(GDate) date = NULL;
  char buffer[16];

  if (!korak_date_is_iso (iso) || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso);

  date = g_date_new_dmy (d, m, y);
  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);

  return g_strdup (buffer);
}

/* "12 weeks", or days when a module is not a whole number of weeks. */
static char *
length_label (const char *start,
              const char *end)
{
  guint32 a, b;
  int days;

  if (!iso_to_julian (start, &a) || !iso_to_julian (end, &b) || b < a)
    return NULL;

  days = (int)(b - a) + 1;
  if (days % 7 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", days / 7), days / 7);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

static const char *
activity_name (KorakCohortsPage *self,
               gint64            activity_id)
{
  for (guint i = 0; activity_id != 0 && self->activities && i < self->activities->len; i++)
    {
      KorakActivityRecord *activity = g_ptr_array_index (self->activities, i);

      if (activity->id == activity_id)
        return korak_activity_label (activity->name);
    }

  return NULL;
}

static KorakModuleRecord *
find_module (KorakCohortsPage *self,
             gint64            module_id)
{
  for (guint i = 0; self->shown && self->shown->modules && i < self->shown->modules->len; i++)
    {
      KorakModuleRecord *module = g_ptr_array_index (self->shown->modules, i);

      if (module->id == module_id)
        return module;
    }

  return NULL;
}

static void
on_undo_clicked_cb (KorakCohortsPage *self,
                    AdwToast         *toast)
{
  const char *action = g_object_get_data (G_OBJECT (toast), "undo-action");
  GVariant *target = g_object_get_data (G_OBJECT (toast), "undo-target");

  gtk_widget_activate_action_variant (GTK_WIDGET (self), action, target);
}

/* The toast lives in the window's overlay, outside the page, where the
 * page's actions cannot be reached; its button calls back instead. */
static void
add_undo_toast (KorakCohortsPage *self,
                const char       *title,
                const char       *action,
                GVariant         *target)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "undo-action", g_strdup (action), g_free);
  if (target != NULL)
    g_object_set_data_full (G_OBJECT (toast), "undo-target", g_variant_ref_sink (target),
                            (GDestroyNotify)g_variant_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, G_CONNECT_SWAPPED);
  korak_add_toast (GTK_WIDGET (self), toast);
}

/* -------------------------------------------------------------- state */

static void
update_actions (KorakCohortsPage *self)
{
  gboolean has = self->shown != NULL;

  /* Shown while there is something to save, so a narrow title fits. */
  gtk_widget_set_visible (self->save_button, has && self->changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.save", has && self->changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.add-pattern", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.add-closure", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.generate", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.enrol", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.progress", has && self->shown->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.notes", has && self->shown->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.monthly-report", has && self->shown->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.outcomes-report", has && self->shown->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.mediator-hours", has && self->shown->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.certificates", has && self->shown->id != 0);
  gtk_widget_set_visible (self->documents_button, has && self->shown->id != 0);
}

static void
update_state (KorakCohortsPage *self)
{
  guint n_cohorts = self->cohorts ? g_list_model_get_n_items (G_LIST_MODEL (self->cohorts)) : 0;
  guint n_programmes = self->programmes ? g_list_model_get_n_items (G_LIST_MODEL (self->programmes)) : 0;
  g_autofree char *subtitle = NULL;

  if (n_cohorts > 0)
    gtk_stack_set_visible_child_name (self->page_stack, "main");
  else
    {
      gtk_stack_set_visible_child_name (self->empty_stack, n_programmes == 0 ? "no-programme" : "no-cohort");
      gtk_stack_set_visible_child_name (self->page_stack, "empty");
    }

  /* Translators: shown under "Cohorts" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u running or planned", "%u running or planned", n_cohorts),
                              n_cohorts);
  adw_window_title_set_subtitle (self->list_title, n_cohorts ? subtitle : NULL);
}

static void
show_load_error (KorakCohortsPage *self,
                 const char       *message)
{
  adw_status_page_set_description (self->error_status, message);
  gtk_stack_set_visible_child_name (self->empty_stack, "error");
  gtk_stack_set_visible_child_name (self->page_stack, "empty");
}

static void
reselect_shown (KorakCohortsPage *self)
{
  guint position;

  self->selecting++;
  if (self->shown != NULL && self->cohorts != NULL &&
      korak_cohort_list_find (self->cohorts, self->shown->id, &position))
    gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, position));
  else
    gtk_list_box_unselect_all (self->list_box);
  self->selecting--;
}

/* ------------------------------------------------------- cohort list */

static GtkWidget *
create_cohort_row (gpointer item,
                   gpointer user_data)
{
  KorakCohortItem *cohort = KORAK_COHORT_ITEM (item);
  const KorakCohortDetail *detail = korak_cohort_item_get_detail (cohort);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (detail->name);
  GtkWidget *subtitle, *dates;
  g_autofree char *where = NULL;
  g_autofree char *range = korak_date_range_format (detail->start_date, detail->end_date);
  g_autofree char *when = NULL;

  if (detail->site != NULL && *detail->site != '\0')
    /* Translators: programme and site of a cohort */
    where = g_strdup_printf (_("%s · %s"), detail->programme_name ? detail->programme_name : "", detail->site);
  else
    where = g_strdup (detail->programme_name ? detail->programme_name : "");

  /* Translators: the dates of a cohort, then how many are enrolled */
  when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d enrolled", "%s · %d enrolled", detail->n_enrolled),
                          range, detail->n_enrolled);

  subtitle = gtk_label_new (where);
  dates = gtk_label_new (when);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  for (GtkWidget *label = title; label; label = label == title ? subtitle : label == subtitle ? dates : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (dates, "caption");
  gtk_widget_add_css_class (dates, "dim-label");
  gtk_widget_add_css_class (dates, "numeric");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, "cohort-row");
  set_id_data (row, "cohort-id", detail->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, detail->name, -1);

  return row;
}

static void
on_cohorts_items_changed_cb (KorakCohortsPage *self)
{
  update_state (self);
  reselect_shown (self);
}

static void
on_row_selected_cb (KorakCohortsPage *self,
                    GtkListBoxRow    *row)
{
  gint64 id;

  if (self->selecting || row == NULL)
    return;

  id = get_id_data (row, "cohort-id");
  if (self->shown != NULL && self->shown->id == id)
    return;

  /* Edits of the cohort being left are stored; an invalid one keeps it. */
  if (!korak_cohorts_page_save (self))
    {
      reselect_shown (self);
      adw_leaflet_set_visible_child_name (self->leaflet, "cohort");
      return;
    }

  show_cohort (self, id);
}

static void
on_row_activated_cb (KorakCohortsPage *self,
                     GtkListBoxRow    *row)
{
  on_row_selected_cb (self, row);
  if (self->shown != NULL && self->shown->id == get_id_data (row, "cohort-id"))
    adw_leaflet_set_visible_child_name (self->leaflet, "cohort");
}

static void
select_first_if_wide (KorakCohortsPage *self)
{
  g_autoptr(KorakCohortItem) first = NULL;

  if (self->shown != NULL || self->cohorts == NULL || adw_leaflet_get_folded (self->leaflet))
    return;

  first = g_list_model_get_item (G_LIST_MODEL (self->cohorts), 0);
  if (first != NULL)
    {
      show_cohort (self, korak_cohort_item_get_id (first));
      reselect_shown (self);
    }
}

static void
on_leaflet_folded_cb (KorakCohortsPage *self)
{
  select_first_if_wide (self);
}

/* ------------------------------------------------------ the cohort pane */

static void
on_field_changed_cb (KorakCohortsPage *self)
{
  if (self->loading || self->shown == NULL)
    return;

  self->changed = TRUE;
  update_actions (self);
}

static void
on_module_entry_changed_cb (KorakCohortsPage *self,
                            GtkEditable      *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  on_field_changed_cb (self);
}

static void
rebuild_modules (KorakCohortsPage *self)
{
  clear_list_box (self->modules_list);
  g_ptr_array_set_size (self->module_rows, 0);

  for (guint i = 0; self->shown->modules && i < self->shown->modules->len; i++)
    {
      KorakModuleRecord *module = g_ptr_array_index (self->shown->modules, i);
      g_autofree char *title = NULL;
      g_autofree char *range = korak_date_range_format (module->start_date, module->end_date);
      g_autofree char *length = length_label (module->start_date, module->end_date);
      g_autofree char *subtitle = NULL;
      g_autofree char *start = korak_date_format (module->start_date);
      g_autofree char *end = korak_date_format (module->end_date);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *start_row = adw_entry_row_new ();
      GtkWidget *end_row = adw_entry_row_new ();

      /* Translators: a module's number and kind, e.g. "1. Workshops" */
      title = g_strdup_printf (_("%d. %s"), module->ordinal,
                               korak_choice_label (korak_module_kinds (), module->kind));
      /* Translators: a module's dates and its length, e.g. "5. 1. 2026 – 29. 3. 2026 · 12 weeks" */
      subtitle = length ? g_strdup_printf (_("%s · %s"), range, length) : g_strdup (range);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      gtk_widget_set_name (row, "module-row");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (start_row), _("Starts"));
      gtk_editable_set_text (GTK_EDITABLE (start_row), start);
      gtk_widget_set_name (start_row, "module-start");
      gtk_widget_set_tooltip_text (start_row, _("For example 23. 11. 2026 or 2026-11-23"));
      g_signal_connect_swapped (start_row, "changed", G_CALLBACK (on_module_entry_changed_cb), self);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (end_row), _("Ends"));
      gtk_editable_set_text (GTK_EDITABLE (end_row), end);
      gtk_widget_set_name (end_row, "module-end");
      gtk_widget_set_tooltip_text (end_row, _("For example 23. 11. 2026 or 2026-11-23"));
      g_signal_connect_swapped (end_row, "changed", G_CALLBACK (on_module_entry_changed_cb), self);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), start_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), end_row);
      g_object_set_data (G_OBJECT (row), "start-row", start_row);
      g_object_set_data (G_OBJECT (row), "end-row", end_row);

      gtk_list_box_append (self->modules_list, row);
      g_ptr_array_add (self->module_rows, row);
    }
}

static char *
pattern_title (const KorakPatternRecord *pattern)
{
  g_autofree char *start = korak_time_format (pattern->start_time);
  g_autofree char *end = korak_time_format (pattern->end_time);

  /* Translators: a weekly time slot, e.g. "Monday 9:00–13:00" */
  return g_strdup_printf (_("%s %s–%s"), korak_weekday_name (pattern->weekday), start, end);
}

static char *
pattern_subtitle (KorakCohortsPage         *self,
                  const KorakPatternRecord *pattern)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *activity = activity_name (self, pattern->activity_id);
  KorakModuleRecord *module = pattern->module_id ? find_module (self, pattern->module_id) : NULL;

  g_ptr_array_add (parts, g_strdup (korak_choice_label (korak_session_kinds (), pattern->kind)));
  for (guint i = 0; pattern->participant_id && self->members && i < self->members->len; i++)
    {
      KorakMemberRecord *member = g_ptr_array_index (self->members, i);

      if (member->participant_id == pattern->participant_id)
        {
          g_ptr_array_add (parts, g_strdup (member->display_name));
          break;
        }
    }
  if (activity != NULL)
    g_ptr_array_add (parts, g_strdup (activity));
  if (pattern->place != NULL && *pattern->place != '\0')
    g_ptr_array_add (parts, g_strdup (pattern->place));
  if (module != NULL)
    /* Translators: a time slot that repeats in one module only */
    g_ptr_array_add (parts, g_strdup_printf (_("module %d only"), module->ordinal));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static void
rebuild_patterns (KorakCohortsPage *self)
{
  g_autoptr(GError) error = NULL;

  clear_list_box (self->patterns_list);
  g_clear_pointer (&self->patterns, g_ptr_array_unref);

  if (!(self->patterns = korak_store_list_patterns (self->store, self->shown->id, &error)))
    {
      show_error (self, error->message);
      self->patterns = g_ptr_array_new ();
      return;
    }

  for (guint i = 0; i < self->patterns->len; i++)
    {
      KorakPatternRecord *pattern = g_ptr_array_index (self->patterns, i);
      g_autofree char *title = pattern_title (pattern);
      g_autofree char *subtitle = pattern_subtitle (self, pattern);
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), title);
      g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), title);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, "pattern-row");
      set_id_data (row, "pattern-id", pattern->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button_new ("document-edit-symbolic", _("Edit"), edit_label,
                                                  "cohorts.edit-pattern", pattern->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button_new ("user-trash-symbolic", _("Remove"), remove_label,
                                                  "cohorts.remove-pattern", pattern->id));
      gtk_list_box_append (self->patterns_list, row);
    }
}

static void
rebuild_closures (KorakCohortsPage *self)
{
  g_autoptr(GError) error = NULL;

  clear_list_box (self->closures_list);
  g_clear_pointer (&self->closures, g_ptr_array_unref);

  if (!(self->closures = korak_store_list_closures (self->store, self->shown->id, &error)))
    {
      show_error (self, error->message);
      self->closures = g_ptr_array_new ();
      return;
    }

  for (guint i = 0; i < self->closures->len; i++)
    {
      KorakClosureRecord *closure = g_ptr_array_index (self->closures, i);
      g_autofree char *date = korak_date_format (closure->date);
      g_autofree char *remove_label = g_strdup_printf (_("Remove the closure on %s"), date);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), closure->reason ? closure->reason : "");
      gtk_widget_set_name (row, "closure-row");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button_new ("user-trash-symbolic", _("Remove"), remove_label,
                                                  "cohorts.remove-closure", closure->id));
      gtk_list_box_append (self->closures_list, row);
    }
}

static void
update_sessions (KorakCohortsPage *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  int n = 0, cancelled = 0;

  sessions = korak_store_list_sessions (self->store, self->shown->id,
                                        self->shown->start_date, self->shown->end_date, &error);
  if (sessions == NULL)
    {
      adw_action_row_set_subtitle (self->sessions_row, error->message);
      return;
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      KorakSessionRecord *session = g_ptr_array_index (sessions, i);

      if (session->cancelled_reason != NULL)
        cancelled++;
      else
        n++;
    }

  if (n == 0 && cancelled == 0)
    subtitle = g_strdup (_("None yet. Add the weekly timetable, then generate its sessions."));
  else if (cancelled == 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d session planned", "%d sessions planned", n), n);
  else
    {
      g_autofree char *planned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d session planned", "%d sessions planned", n), n);
      g_autofree char *off = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d cancelled", "%d cancelled", cancelled), cancelled);

      /* Translators: "42 sessions planned, 2 cancelled" */
      subtitle = g_strdup_printf (_("%s, %s"), planned, off);
    }

  adw_action_row_set_subtitle (self->sessions_row, subtitle);
}

/* The cohort's interpreting on screen: a row per mediator and language,
 * as the Mediator Hours document totals them. */
static void
update_mediators (KorakCohortsPage *self)
{
  g_autoptr(KorakMediatorSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->mediators_list);

  summary = korak_store_mediator_hours (self->store, self->shown->id, NULL, NULL, &error);
  if (summary == NULL || summary->rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     summary == NULL ? error->message : _("No interpreting recorded yet"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (summary != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("Switch on “Mediator present” in a session, an assessment or a note."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_widget_set_name (row, "mediators-empty");
      gtk_list_box_append (self->mediators_list, row);
      return;
    }

  for (guint i = 0; i < summary->rows->len; i++)
    {
      const KorakMediatorHours *hours = g_ptr_array_index (summary->rows, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *total = g_strdup_printf (_("%.1f h"), korak_mediator_hours_total (hours));
      GtkWidget *suffix;

      /* Translators: a mediator's name · the language the conversations ran in */
      title = g_strdup_printf (_("%s · %s"), hours->mediator_name,
                               hours->language ? korak_language_name (hours->language) : _("language not recorded"));
      g_autofree char *assessments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d assessment", "%d assessments",
                                                                   hours->n_assessments), hours->n_assessments);
      g_autofree char *notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d note", "%d notes", hours->n_notes),
                                                hours->n_notes);

      /* Translators: group hours, individual hours, "3 assessments", "2 notes" */
      subtitle = g_strdup_printf (_("Group %.1f h · individual %.1f h · %s · %s"),
                                  hours->group_hours, hours->individual_hours, assessments, notes);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      suffix = gtk_label_new (total);
      gtk_widget_add_css_class (suffix, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      gtk_widget_set_name (row, "mediator-hours-row");
      gtk_list_box_append (self->mediators_list, row);
    }
}

static KorakMemberRecord *
find_member (KorakCohortsPage *self,
             gint64            participant_id)
{
  for (guint i = 0; self->members && i < self->members->len; i++)
    {
      KorakMemberRecord *member = g_ptr_array_index (self->members, i);

      if (member->participant_id == participant_id && member->end_date == NULL)
        return member;
    }

  return NULL;
}

static char *
member_subtitle (const KorakMemberRecord *member)
{
  g_autofree char *start = korak_date_format (member->start_date);
  g_autofree char *end = korak_date_format (member->end_date);

  if (member->end_date == NULL || g_strcmp0 (member->status, "active") == 0)
    /* Translators: %s is the date someone was enrolled from */
    return g_strdup_printf (_("Since %s"), start);
  if (g_strcmp0 (member->status, "completed") == 0)
    return g_strdup_printf (_("Completed on %s"), end);
  if (g_strcmp0 (member->status, "exited") == 0)
    return g_strdup_printf (_("Left on %s"), end);

  return g_strdup_printf (_("Withdrawn on %s"), end);
}

static void
rebuild_members (KorakCohortsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  int n_active = 0;

  clear_list_box (self->members_list);
  g_clear_pointer (&self->members, g_ptr_array_unref);

  if (!(self->members = korak_store_list_members (self->store, self->shown->id, TRUE, &error)))
    {
      show_error (self, error->message);
      self->members = g_ptr_array_new ();
      return;
    }

  for (guint i = 0; i < self->members->len; i++)
    {
      KorakMemberRecord *member = g_ptr_array_index (self->members, i);
      gboolean active = member->end_date == NULL || g_strcmp0 (member->status, "active") == 0;
      g_autofree char *subtitle = member_subtitle (member);
      g_autofree char *attended = korak_hours_format (member->hours_attended);
      g_autofree char *hours = NULL;
      g_autofree char *withdraw_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *hours_label;

      if (active)
        n_active++;
      else if (find_member (self, member->participant_id) != NULL)
        continue;   /* enrolled again: the active row says it */

      if (member->required_hours > 0)
        /* Translators: hours attended of the hours the programme requires, e.g. "96 of 480 h" */
        hours = g_strdup_printf (_("%s of %d h"), attended, member->required_hours);
      else
        /* Translators: hours attended, e.g. "96 h" */
        hours = g_strdup_printf (_("%s h"), attended);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->display_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, "member-row");
      set_id_data (row, "participant-id", member->participant_id);

      hours_label = gtk_label_new (hours);
      gtk_label_set_xalign (GTK_LABEL (hours_label), 1);
      gtk_widget_set_name (hours_label, "hours");
      gtk_widget_add_css_class (hours_label, "caption");
      gtk_widget_add_css_class (hours_label, "numeric");
      gtk_box_append (GTK_BOX (box), hours_label);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

      if (member->required_hours > 0)
        {
          GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

          gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), MIN (1.0, member->hours_attended / member->required_hours));
          /* No low/high colours: hours grow through the programme. */
          gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
          gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
          gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
          gtk_widget_set_size_request (bar, 96, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Hours attended"), -1);
          gtk_box_append (GTK_BOX (box), bar);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

      if (active)
        {
          withdraw_label = g_strdup_printf (_("Withdraw %s"), member->display_name);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     icon_button_new ("system-log-out-symbolic", _("Withdraw…"), withdraw_label,
                                                      "cohorts.withdraw", member->participant_id));
        }
      else
        gtk_widget_add_css_class (row, "dim-label");

      gtk_list_box_append (self->members_list, row);
    }

  if (n_active > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d enrolled", "%d enrolled", n_active), n_active);
  adw_preferences_group_set_description (self->members_group, description);
}

static void
fill_combos (KorakCohortsPage *self,
             gint64            programme_id,
             gint64            mentor_id,
             gint64            mediator_id)
{
  self->loading++;
  korak_id_combo_fill (self->programme_row, G_LIST_MODEL (self->programmes), "name", NULL, programme_id);
  korak_id_combo_fill (self->mentor_row, G_LIST_MODEL (self->mentors), "display-name", _("None"), mentor_id);
  korak_id_combo_fill (self->mediator_row, G_LIST_MODEL (self->mediators), "display-name", _("None"), mediator_id);
  self->loading--;
}

static void
fill (KorakCohortsPage *self)
{
  g_autofree char *start = NULL;

  if (self->shown == NULL)
    {
      adw_window_title_set_title (self->cohort_title, _("Cohort"));
      adw_window_title_set_subtitle (self->cohort_title, NULL);
      gtk_stack_set_visible_child_name (self->pane_stack, "none");
      self->changed = FALSE;
      update_actions (self);
      return;
    }

  self->loading++;
  show_error (self, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");

  start = korak_date_format (self->shown->start_date);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->shown->name ? self->shown->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->site_row), self->shown->site ? self->shown->site : "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
  fill_combos (self, self->shown->programme_id, self->shown->mentor_id, self->shown->mediator_id);
  rebuild_modules (self);
  self->loading--;

  rebuild_members (self);
  rebuild_patterns (self);
  rebuild_closures (self);
  update_sessions (self);
  update_mediators (self);

  adw_window_title_set_title (self->cohort_title, self->shown->name);
  adw_window_title_set_subtitle (self->cohort_title, self->shown->programme_name);
  gtk_stack_set_visible_child_name (self->pane_stack, "cohort");

  self->changed = FALSE;
  update_actions (self);
}

static void
show_cohort (KorakCohortsPage *self,
             gint64            id)
{
  g_autoptr(GError) error = NULL;
  KorakCohortDetail *detail = NULL;

  if (id != 0 && !(detail = korak_store_get_cohort (self->store, id, &error)))
    {
      korak_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->shown, korak_cohort_detail_free);
  self->shown = detail;
  fill (self);
}

/* After enrolments change, the list's counts follow. */
static void
reload_cohorts (KorakCohortsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!korak_cohort_list_reload (self->cohorts, &error))
    g_warning ("Could not reload the cohorts: %s", error->message);
}

static void
fail_on (KorakCohortsPage *self,
         GtkWidget        *row,
         const char       *message)
{
  show_error (self, message);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static gboolean
read_date (KorakCohortsPage  *self,
           GtkWidget         *row,
           const char        *what,
           gboolean           required,
           char             **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  g_autofree char *message = NULL;

  if (date == NULL)
    /* Translators: "Start date: " then what is wrong with what was typed */
    message = g_strdup_printf (_("%s: %s"), what, error->message);
  else if (required && *date == '\0')
    /* Translators: %s names the date, e.g. "Start date" */
    message = g_strdup_printf (_("%s is needed. Type it as 23. 11. 2026 or 2026-11-23."), what);

  if (message != NULL)
    {
      fail_on (self, row, message);
      return FALSE;
    }

  *out = g_steal_pointer (&date);
  return TRUE;
}

/**
 * korak_cohorts_page_save:
 *
 * Stores the shown cohort's details and module dates when they changed.
 * Returns %FALSE, with the reason above the form and every typed value
 * kept, when a value is wrong or the database refused.
 */
gboolean
korak_cohorts_page_save (KorakCohortsPage *self)
{
  g_autoptr(KorakCohortDetail) detail = NULL;
  g_autoptr(GPtrArray) modules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *site = NULL;
  g_autofree char *start = NULL;
  gboolean modules_changed = FALSE;
  gint64 id;

  g_return_val_if_fail (KORAK_IS_COHORTS_PAGE (self), FALSE);

  if (self->shown == NULL || !self->changed)
    return TRUE;

  show_error (self, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    {
      fail_on (self, GTK_WIDGET (self->name_row), _("A cohort needs a name, for example the programme and the month it starts."));
      return FALSE;
    }

  if (!read_date (self, GTK_WIDGET (self->start_row), _("Start date"), TRUE, &start))
    return FALSE;

  modules = g_ptr_array_new_with_free_func ((GDestroyNotify)korak_module_record_free);
  for (guint i = 0; i < self->module_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->module_rows, i);
      KorakModuleRecord *old = g_ptr_array_index (self->shown->modules, i);
      KorakModuleRecord *module = korak_module_record_copy (old);
      g_autofree char *start_what = g_strdup_printf (_("Start of module %d"), old->ordinal);
      g_autofree char *end_what = g_strdup_printf (_("End of module %d"), old->ordinal);

      g_clear_pointer (&module->start_date, g_free);
      g_clear_pointer (&module->end_date, g_free);
      g_ptr_array_add (modules, module);

      if (!read_date (self, g_object_get_data (G_OBJECT (row), "start-row"), start_what, TRUE, &module->start_date) ||
          !read_date (self, g_object_get_data (G_OBJECT (row), "end-row"), end_what, TRUE, &module->end_date))
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          return FALSE;
        }

      if (g_strcmp0 (module->start_date, old->start_date) != 0 ||
          g_strcmp0 (module->end_date, old->end_date) != 0)
        modules_changed = TRUE;
    }

  if (modules->len > 0)
    {
      KorakModuleRecord *first = g_ptr_array_index (modules, 0);

      if (!modules_changed && g_strcmp0 (start, self->shown->start_date) != 0)
        {
          guint32 from, to;

          /* Moving the start moves every module with it. */
          if (iso_to_julian (self->shown->start_date, &from) && iso_to_julian (start, &to))
            for (guint i = 0; i < modules->len; i++)
              {
                KorakModuleRecord *module = g_ptr_array_index (modules, i);
                char *moved_start = iso_add_days (module->start_date, (int)to - (int)from);
                char *moved_end = iso_add_days (module->end_date, (int)to - (int)from);

                g_free (module->start_date);
                g_free (module->end_date);
                module->start_date = moved_start;
                module->end_date = moved_end;
              }
          modules_changed = TRUE;
        }
      else if (modules_changed)
        {
          /* The cohort starts when its first module does. */
          g_free (start);
          start = g_strdup (first->start_date);
        }
    }

  site = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->site_row))));

  detail = korak_cohort_detail_copy (self->shown);
  id = detail->id;
  g_free (detail->name);
  detail->name = g_steal_pointer (&name);
  g_free (detail->site);
  detail->site = *site ? g_steal_pointer (&site) : NULL;
  g_free (detail->start_date);
  detail->start_date = g_steal_pointer (&start);
  detail->programme_id = korak_id_combo_get (self->programme_row);
  detail->mentor_id = korak_id_combo_get (self->mentor_row);
  detail->mediator_id = korak_id_combo_get (self->mediator_row);

  /* The store moves the cohort's start with its modules, so they go first. */
  if (modules_changed && !korak_store_save_module_dates (self->store, id, modules, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (!korak_cohort_list_save (self->cohorts, detail, &error))
    {
      show_error (self, error->message);
      if (modules_changed)
        emit_changed (self);
      return FALSE;
    }

  self->changed = FALSE;
  show_cohort (self, id);
  reselect_shown (self);
  korak_show_toast (GTK_WIDGET (self), _("Cohort saved"));
  emit_changed (self);

  return TRUE;
}

/* ---------------------------------------------------------- actions */

static void
on_cohort_created_cb (KorakCohortsPage *self,
                      gint64            id)
{
  korak_cohorts_page_select (self, id);
  korak_show_toast (GTK_WIDGET (self), _("Cohort created"));
  emit_changed (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  KorakNewCohortDialog *dialog;

  if (self->store == NULL)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->programmes)) == 0)
    {
      korak_show_toast (widget, _("Add the programme the cohort runs first"));
      gtk_widget_activate_action (widget, "cohorts.programmes", NULL);
      return;
    }

  if (!korak_cohorts_page_save (self))
    return;

  dialog = korak_new_cohort_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                        self->cohorts, self->programmes, self->mentors, self->mediators);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_cohort_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  korak_cohorts_page_save (KORAK_COHORTS_PAGE (widget));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  adw_leaflet_set_visible_child_name (KORAK_COHORTS_PAGE (widget)->leaflet, "list");
}

static void
on_setup_changed_cb (KorakCohortsPage *self)
{
  g_autoptr(GError) error = NULL;

  /* Programme or staff names show in the list and in the combos. */
  if (!korak_programme_list_reload (self->programmes, &error) ||
      !korak_staff_list_reload (self->mentors, &error) ||
      !korak_staff_list_reload (self->mediators, &error) ||
      !korak_cohort_list_reload (self->cohorts, &error))
    show_error (self, error->message);
  update_state (self);

  if (self->shown != NULL)
    fill_combos (self,
                 korak_id_combo_get (self->programme_row) ? korak_id_combo_get (self->programme_row) : self->shown->programme_id,
                 korak_id_combo_get (self->mentor_row),
                 korak_id_combo_get (self->mediator_row));

  emit_changed (self);
}

static void
programmes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  KorakProgrammesDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = korak_programmes_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->programmes);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_setup_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
progress_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  KorakCohortProgressWindow *window;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->shown == NULL || self->shown->id == 0)
    return;

  window = korak_cohort_progress_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                             self->shown->id, self->shown->name, &error);
  if (window == NULL)
    {
      korak_show_toast (widget, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_cohort_notes_changed_cb (KorakCohortsPage *self)
{
  /* The window's review count follows. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.notes-changed", NULL);
}

/**
 * korak_cohorts_page_open_notes:
 *
 * Opens the notes about the cohort shown, with their translations, in a
 * window of their own.
 *
 * Returns: (transfer none) (nullable): the window, presented
 */
GtkWindow *
korak_cohorts_page_open_notes (KorakCohortsPage *self)
{
  GtkWidget *window, *box, *header, *title, *overlay, *page;
  GtkEventController *shortcuts;
  GtkRoot *root;

  g_return_val_if_fail (KORAK_IS_COHORTS_PAGE (self), NULL);

  if (self->store == NULL || self->shown == NULL || self->shown->id == 0)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Cohort Notes"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 720);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape|<Control>w"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_("Cohort Notes"), self->shown->name);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  page = g_object_new (KORAK_TYPE_NOTES_PAGE, "vexpand", TRUE, NULL);
  korak_notes_page_set_cohort (KORAK_NOTES_PAGE (page), self->store, self->shown->id);
  g_signal_connect_object (page, "changed", G_CALLBACK (on_cohort_notes_changed_cb), self, G_CONNECT_SWAPPED);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_box_append (GTK_BOX (box), overlay);

  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
notes_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  korak_cohorts_page_open_notes (KORAK_COHORTS_PAGE (widget));
}

static void
staff_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  KorakStaffDialog *dialog;
  g_autoptr(KorakStaffList) staff = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  staff = korak_staff_list_new (self->store, NULL, TRUE);
  if (!korak_staff_list_reload (staff, &error))
    {
      korak_show_toast (widget, error->message);
      return;
    }

  dialog = korak_staff_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), staff);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_setup_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------- documents */

typedef struct
{
  KorakStore *store;
  gint64      cohort_id;
  char       *cohort_name;
} ReportRequest;

static void
report_request_free (ReportRequest *request)
{
  g_object_unref (request->store);
  g_free (request->cohort_name);
  g_free (request);
}

static ReportRequest *
report_request_new (KorakCohortsPage *self)
{
  ReportRequest *request = g_new0 (ReportRequest, 1);

  request->store = g_object_ref (self->store);
  request->cohort_id = self->shown->id;
  request->cohort_name = g_strdup (self->shown->name);
  return request;
}

/* Documents read the store: the cohort's edits are stored first. Returns
 * FALSE, with the reason shown, when they cannot be. */
static gboolean
ready_for_document (KorakCohortsPage *self)
{
  if (self->store == NULL || self->shown == NULL || self->shown->id == 0)
    return FALSE;
  return korak_cohorts_page_save (self);
}

static KorakDocument *
build_monthly_cb (KorakDocumentDialog  *dialog,
                  gpointer              user_data,
                  GError              **error)
{
  ReportRequest *request = user_data;
  const char *month = korak_document_dialog_get_choice (dialog);

  return korak_report_monthly_attendance (request->store, request->cohort_id, month, error);
}

/* "2026-03" → "March 2026", in the standalone form of the month's name. */
static char *
month_label (const char *month)
{
  g_autoptr(GDateTime) date = NULL;
  int year = 0, number = 0;

  if (sscanf (month, "%4d-%2d", &year, &number) != 2 ||
      !(date = g_date_time_new_local (year, number, 1, 0, 0, 0)))
    return g_strdup (month);

  return g_date_time_format (date, "%OB %Y");
}

/* The months from the cohort's start to its end ("YYYY-MM"); the one to
 * offer first is the month of the last session held (so early in a month,
 * the month just ended, which is the one a funder asks for), else the
 * first month.
 */
static GStrv
list_report_months (KorakStore  *store,
                    gint64       cohort_id,
                    guint       *selected,
                    GError     **error)
{
  g_autoptr(KorakCohortDetail) cohort = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *today = korak_date_today ();
  g_autofree char *last_held = NULL;
  const char *end;
  int year, month, end_year, end_month;
  guint n = 0;

  *selected = 0;
  if (!(cohort = korak_store_get_cohort (store, cohort_id, error)))
    return NULL;

  end = cohort->end_date != NULL ? cohort->end_date : cohort->start_date;
  if (sscanf (cohort->start_date, "%4d-%2d", &year, &month) != 2 ||
      sscanf (end, "%4d-%2d", &end_year, &end_month) != 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The cohort has no valid start date; set it on the cohort first."));
      return NULL;
    }

  sessions = korak_store_list_sessions (store, cohort_id, cohort->start_date,
                                        g_strcmp0 (today, end) < 0 ? today : end, error);
  if (sessions == NULL)
    return NULL;
  for (guint i = sessions->len; i > 0 && last_held == NULL; i--)
    {
      const KorakSessionRecord *session = g_ptr_array_index (sessions, i - 1);

      if (session->cancelled_reason == NULL && session->date != NULL)
        last_held = g_strndup (session->date, 7);
    }

  /* A cohort lasts months, not years; the bound keeps a typo harmless. */
  while ((year < end_year || (year == end_year && month <= end_month)) && n < 120)
    {
      g_autofree char *value = g_strdup_printf ("%04d-%02d", year, month);

      if (g_strcmp0 (value, last_held) == 0)
        *selected = n;
      g_strv_builder_add (builder, value);
      n++;
      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }

  return g_strv_builder_end (builder);
}

static void
monthly_report_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) months = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *body = NULL;
  KorakDocumentDialog *dialog;
  guint selected = 0;

  if (!ready_for_document (self))
    return;

  months = list_report_months (self->store, self->shown->id, &selected, &error);
  if (months == NULL)
    {
      korak_show_error_dialog (widget, _("The Report Could Not Be Made"), error->message);
      return;
    }

  labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; months[i] != NULL; i++)
    g_ptr_array_add (labels, month_label (months[i]));
  g_ptr_array_add (labels, NULL);

  /* Translators: %s is the name of a cohort. */
  body = g_strdup_printf (_("Attendance of everyone in %s on each session day of the month, with hours, rates and totals."),
                          self->shown->name);
  dialog = korak_document_dialog_new (widget, _("Monthly Attendance Report"), body, build_monthly_cb,
                                      report_request_new (self), (GDestroyNotify) report_request_free);
  korak_document_dialog_set_choices (dialog, _("Month"), (const char * const *) months,
                                     (const char * const *) labels->pdata, selected);
  gtk_window_present (GTK_WINDOW (dialog));
}

static KorakDocument *
build_outcomes_cb (KorakDocumentDialog  *dialog,
                   gpointer              user_data,
                   GError              **error)
{
  ReportRequest *request = user_data;

  return korak_report_cohort_outcomes (request->store, request->cohort_id, error);
}

static void
outcomes_report_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  g_autofree char *body = NULL;
  KorakDocumentDialog *dialog;

  if (!ready_for_document (self))
    return;

  /* Translators: %s is the name of a cohort. */
  body = g_strdup_printf (_("What %s achieved: enrolled, completed, exits by reason, positive exits and the change in competencies, with charts."),
                          self->shown->name);
  dialog = korak_document_dialog_new (widget, _("Outcomes Report"), body, build_outcomes_cb,
                                      report_request_new (self), (GDestroyNotify) report_request_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static KorakDocument *
build_mediator_hours_cb (KorakDocumentDialog  *dialog,
                         gpointer              user_data,
                         GError              **error)
{
  ReportRequest *request = user_data;
  const char *scope = dialog != NULL ? korak_document_dialog_get_choice (dialog) : NULL;

  return korak_report_mediator_hours (request->store, g_strcmp0 (scope, "all") == 0 ? 0 : request->cohort_id,
                                      NULL, NULL, error);
}

static void
mediator_hours_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  const char *values[] = { "cohort", "all", NULL };
  const char *labels[] = { _("This cohort"), _("All cohorts"), NULL };
  g_autofree char *body = NULL;
  KorakDocumentDialog *dialog;

  if (!ready_for_document (self))
    return;

  /* Translators: %s is the name of a cohort. */
  body = g_strdup_printf (_("The hours intercultural mediators interpreted in %s, by mediator and language, with the assessments and notes they were present at: what the funder asks for."),
                          self->shown->name);
  dialog = korak_document_dialog_new (widget, _("Mediator Hours"), body, build_mediator_hours_cb,
                                      report_request_new (self), (GDestroyNotify) report_request_free);
  korak_document_dialog_set_choices (dialog, _("Cohorts"), values, labels, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static KorakDocument *
build_certificates_cb (KorakDocumentDialog  *dialog,
                       gpointer              user_data,
                       GError              **error)
{
  ReportRequest *request = user_data;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autofree char *title = NULL;

  certificates = korak_store_issue_cohort_certificates (request->store, request->cohort_id,
                                                        KORAK_CERTIFICATE_COMPLETION, NULL, error);
  if (certificates == NULL)
    return NULL;
  if (certificates->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("Nobody has completed this cohort yet. End a person's enrolment as completed from their profile first."));
      return NULL;
    }

  /* Translators: the title of a batch of certificates; %s is a cohort. */
  title = g_strdup_printf (_("Certificates of completion — %s"), request->cohort_name);
  return korak_report_certificates (request->store, certificates, title, error);
}

/* How many people completed the cohort, read afresh: an enrolment may have
 * been ended in a profile since the cohort was shown. */
static int
count_completers (KorakCohortsPage  *self,
                  GError           **error)
{
  g_autoptr(GPtrArray) members = korak_store_list_members (self->store, self->shown->id, TRUE, error);
  int n = 0;

  if (members == NULL)
    return -1;
  for (guint i = 0; i < members->len; i++)
    {
      const KorakMemberRecord *member = g_ptr_array_index (members, i);

      if (g_strcmp0 (member->status, "completed") == 0)
        n++;
    }
  return n;
}

static void
certificates_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  KorakDocumentDialog *dialog;
  int n;

  if (!ready_for_document (self))
    return;

  n = count_completers (self, &error);
  if (n < 0)
    {
      korak_show_error_dialog (widget, _("The Certificates Could Not Be Made"), error->message);
      return;
    }
  if (n == 0)
    {
      korak_show_error_dialog (widget, _("Nobody Has Completed This Cohort Yet"),
                               _("Certificates of completion are made for people whose enrolment ended as completed. End an enrolment from the person's profile with End Enrolment…, then come back here."));
      return;
    }

  /* Translators: %d is a number of people, %s the name of a cohort. */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A certificate of completion for the %d person who completed %s. It is entered in the certificate register, so printing it again gives the same certificate.",
                                       "Certificates of completion, one page each, for the %d people who completed %s. They are entered in the certificate register, so printing them again gives the same certificates.",
                                       n),
                          n, self->shown->name);
  dialog = korak_document_dialog_new (widget, _("Certificates for Completers"), body, build_certificates_cb,
                                      report_request_new (self), (GDestroyNotify) report_request_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * korak_cohorts_page_create_document:
 * @kind: "monthly" (with @month "YYYY-MM"), "outcomes", "mediator-hours" or "certificates"
 *
 * Makes a document of the cohort shown, as its dialog would; for tests.
 */
KorakDocument *
korak_cohorts_page_create_document (KorakCohortsPage  *self,
                                    const char        *kind,
                                    const char        *month,
                                    GError           **error)
{
  ReportRequest request = { 0 };

  g_return_val_if_fail (KORAK_IS_COHORTS_PAGE (self), NULL);

  if (self->store == NULL || self->shown == NULL || self->shown->id == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No cohort is shown."));
      return NULL;
    }

  request.store = self->store;
  request.cohort_id = self->shown->id;
  request.cohort_name = self->shown->name;

  if (g_strcmp0 (kind, "monthly") == 0)
    return korak_report_monthly_attendance (self->store, self->shown->id, month, error);
  if (g_strcmp0 (kind, "outcomes") == 0)
    return build_outcomes_cb (NULL, &request, error);
  if (g_strcmp0 (kind, "mediator-hours") == 0)
    return build_mediator_hours_cb (NULL, &request, error);
  if (g_strcmp0 (kind, "certificates") == 0)
    return build_certificates_cb (NULL, &request, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Unknown document “%s”", kind);
  return NULL;
}

/* ---------------------------------------------------- the timetable */

static GtkWidget *
days_row_new (const KorakPatternRecord *pattern)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (_("Days"));
  GtkWidget *days = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Days"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_set_homogeneous (GTK_BOX (days), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), days);

  for (int day = 1; day <= 7; day++)
    {
      g_autofree char *name = g_strdup_printf ("day-%d", day);
      g_autofree char *abbrev = g_utf8_substring (korak_weekday_name (day), 0, 2);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (abbrev);

      gtk_widget_set_name (toggle, name);
      gtk_widget_set_tooltip_text (toggle, korak_weekday_name (day));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      korak_weekday_name (day), -1);
      gtk_widget_add_css_class (toggle, "circular");
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), pattern != NULL && pattern->weekday == day);
      gtk_box_append (GTK_BOX (days), toggle);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (days), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  return row;
}

static GtkWidget *
entry_row_new (const char *name,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_name (row, name);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");

  return row;
}

static GtkWidget *
combo_row_new (const char *name,
               const char *title)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_name (row, name);

  return row;
}

static gboolean
on_pattern_submit_cb (KorakFormDialog  *dialog,
                      KorakCohortsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GtkWidget *root = GTK_WIDGET (dialog);
  gint64 pattern_id = get_id_data (dialog, "pattern-id");
  const char *kind;
  int n_days = 0, saved = 0;

  if (self->shown == NULL)
    return TRUE;

  for (int day = 1; day <= 7; day++)
    {
      g_autofree char *name = g_strdup_printf ("day-%d", day);

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (korak_find_named (root, name))))
        n_days++;
    }
  if (n_days == 0)
    {
      korak_form_dialog_show_error (dialog, _("Choose at least one day of the week."));
      return FALSE;
    }

  if (!(start = korak_time_entry_parse (gtk_editable_get_text (GTK_EDITABLE (korak_find_named (root, "start-time"))), &error)) ||
      !(end = korak_time_entry_parse (gtk_editable_get_text (GTK_EDITABLE (korak_find_named (root, "end-time"))), &error)))
    {
      korak_form_dialog_show_error (dialog, error->message);
      return FALSE;
    }

  kind = korak_choice_combo_get (ADW_COMBO_ROW (korak_find_named (root, "kind")));

  for (int day = 1; day <= 7; day++)
    {
      g_autofree char *name = g_strdup_printf ("day-%d", day);
      g_autoptr(KorakPatternRecord) record = g_new0 (KorakPatternRecord, 1);

      if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (korak_find_named (root, name))))
        continue;

      /* Editing keeps the slot for its first day; other days are new slots.
       * The store may normalise the strings, so each record owns its own. */
      record->id = saved == 0 ? pattern_id : 0;
      record->cohort_id = self->shown->id;
      record->module_id = korak_id_combo_get (ADW_COMBO_ROW (korak_find_named (root, "module")));
      record->weekday = day;
      record->start_time = g_strdup (start);
      record->end_time = g_strdup (end);
      record->kind = g_strdup (kind);
      record->activity_id = korak_id_combo_get (ADW_COMBO_ROW (korak_find_named (root, "activity")));
      record->place = g_strdup (gtk_editable_get_text (GTK_EDITABLE (korak_find_named (root, "place"))));
      if (g_strcmp0 (kind, "individual") == 0)
        record->participant_id = korak_id_combo_get (ADW_COMBO_ROW (korak_find_named (root, "participant")));

      if (!korak_store_save_pattern (self->store, record, &error))
        {
          korak_form_dialog_show_error (dialog, error->message);
          if (saved > 0)
            rebuild_patterns (self);
          return FALSE;
        }

      /* A day stored is not stored again if a later one fails. */
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (korak_find_named (root, name)), FALSE);
      if (saved == 0 && pattern_id != 0)
        set_id_data (dialog, "pattern-id", 0);
      saved++;
    }

  rebuild_patterns (self);
  adw_action_row_set_subtitle (self->sessions_row, _("The timetable changed: generate the sessions again to follow it."));
  emit_changed (self);

  return TRUE;
}

static void
fill_activity_combo (KorakCohortsPage *self,
                     AdwComboRow      *row,
                     gint64            selected_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (labels, _("None"));
  g_array_append_val (ids, none);
  for (guint i = 0; self->activities && i < self->activities->len; i++)
    {
      KorakActivityRecord *activity = g_ptr_array_index (self->activities, i);

      if (activity->id == selected_id)
        selected = ids->len;
      gtk_string_list_append (labels, korak_activity_label (activity->name));
      g_array_append_val (ids, activity->id);
    }

  g_object_set_data_full (G_OBJECT (row), "korak-ids", ids, (GDestroyNotify)g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

static void
fill_module_combo (KorakCohortsPage *self,
                   AdwComboRow      *row,
                   gint64            selected_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (labels, _("Every module"));
  g_array_append_val (ids, none);
  for (guint i = 0; self->shown->modules && i < self->shown->modules->len; i++)
    {
      KorakModuleRecord *module = g_ptr_array_index (self->shown->modules, i);
      g_autofree char *label = g_strdup_printf (_("%d. %s"), module->ordinal,
                                                korak_choice_label (korak_module_kinds (), module->kind));

      if (module->id == selected_id)
        selected = ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (ids, module->id);
    }

  g_object_set_data_full (G_OBJECT (row), "korak-ids", ids, (GDestroyNotify)g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

static void
fill_member_combo (KorakCohortsPage *self,
                   AdwComboRow      *row,
                   gint64            selected_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (labels, _("None"));
  g_array_append_val (ids, none);
  for (guint i = 0; self->members && i < self->members->len; i++)
    {
      KorakMemberRecord *member = g_ptr_array_index (self->members, i);

      if (member->end_date != NULL && member->participant_id != selected_id)
        continue;
      if (member->participant_id == selected_id)
        selected = ids->len;
      gtk_string_list_append (labels, member->display_name);
      g_array_append_val (ids, member->participant_id);
    }

  g_object_set_data_full (G_OBJECT (row), "korak-ids", ids, (GDestroyNotify)g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

/* Only an individual slot is for one participant. */
static void
on_pattern_kind_changed_cb (AdwComboRow *kind_row,
                            GParamSpec  *pspec,
                            GtkWidget   *participant_row)
{
  gtk_widget_set_visible (participant_row, g_strcmp0 (korak_choice_combo_get (kind_row), "individual") == 0);
}

static void
open_pattern_dialog (KorakCohortsPage         *self,
                     const KorakPatternRecord *pattern)
{
  KorakFormDialog *dialog;
  g_autofree char *start = korak_time_format (pattern ? pattern->start_time : "09:00");
  g_autofree char *end = korak_time_format (pattern ? pattern->end_time : "13:00");
  GtkWidget *row, *participant_row;

  if (self->shown == NULL)
    return;

  dialog = korak_form_dialog_new (GTK_WIDGET (self),
                                  pattern ? _("Edit Time Slot") : _("Add Time Slot"),
                                  pattern ? _("_Save") : _("_Add"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 440, 600);
  set_id_data (dialog, "pattern-id", pattern ? pattern->id : 0);

  korak_form_dialog_add_group (dialog, NULL);
  korak_form_dialog_add_row (dialog, days_row_new (pattern));
  korak_form_dialog_add_row (dialog, entry_row_new ("start-time", _("_Starts"), start));
  korak_form_dialog_add_row (dialog, entry_row_new ("end-time", _("_Ends"), end));

  korak_form_dialog_add_group (dialog, NULL);
  row = combo_row_new ("kind", _("_Kind"));
  korak_choice_combo_fill (ADW_COMBO_ROW (row), korak_session_kinds (), NULL, pattern ? pattern->kind : "group");
  korak_form_dialog_add_row (dialog, row);
  participant_row = combo_row_new ("participant", _("P_articipant"));
  fill_member_combo (self, ADW_COMBO_ROW (participant_row), pattern ? pattern->participant_id : 0);
  korak_form_dialog_add_row (dialog, participant_row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_pattern_kind_changed_cb), participant_row, 0);
  on_pattern_kind_changed_cb (ADW_COMBO_ROW (row), NULL, participant_row);
  row = combo_row_new ("activity", _("_Activity"));
  fill_activity_combo (self, ADW_COMBO_ROW (row), pattern ? pattern->activity_id : 0);
  korak_form_dialog_add_row (dialog, row);
  korak_form_dialog_add_row (dialog, entry_row_new ("place", _("_Place"), pattern ? pattern->place : NULL));
  row = combo_row_new ("module", _("_Repeats in"));
  fill_module_combo (self, ADW_COMBO_ROW (row), pattern ? pattern->module_id : 0);
  korak_form_dialog_add_row (dialog, row);

  g_signal_connect_object (dialog, "submit", G_CALLBACK (on_pattern_submit_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static KorakPatternRecord *
find_pattern (KorakCohortsPage *self,
              gint64            id,
              guint            *position)
{
  for (guint i = 0; self->patterns && i < self->patterns->len; i++)
    {
      KorakPatternRecord *pattern = g_ptr_array_index (self->patterns, i);

      if (pattern->id == id)
        {
          if (position)
            *position = i;
          return pattern;
        }
    }

  return NULL;
}

static void
add_pattern_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  open_pattern_dialog (KORAK_COHORTS_PAGE (widget), NULL);
}

static void
edit_pattern_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  KorakPatternRecord *pattern = find_pattern (self, g_variant_get_int64 (param), NULL);

  if (pattern != NULL)
    open_pattern_dialog (self, pattern);
}

static void
on_pattern_activated_cb (KorakCohortsPage *self,
                         GtkListBoxRow    *row)
{
  KorakPatternRecord *pattern = find_pattern (self, get_id_data (row, "pattern-id"), NULL);

  if (pattern != NULL)
    open_pattern_dialog (self, pattern);
}

static void
remove_pattern_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  guint position;

  if (find_pattern (self, g_variant_get_int64 (param), &position) == NULL)
    return;

  if (!korak_store_delete_pattern (self->store, g_variant_get_int64 (param), &error))
    {
      show_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->removed_pattern, korak_pattern_record_free);
  self->removed_pattern = g_ptr_array_steal_index (self->patterns, position);
  title = pattern_title (self->removed_pattern);
  rebuild_patterns (self);
  emit_changed (self);

  /* Translators: %s is a time slot, e.g. "Monday 9:00–13:00" */
  message = g_strdup_printf (_("%s removed"), title);
  add_undo_toast (self, message, "cohorts.undo-remove-pattern", NULL);
}

static void
undo_remove_pattern_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  KorakPatternRecord *pattern = self->removed_pattern;

  if (pattern == NULL)
    return;

  pattern->id = 0;
  if (!korak_store_save_pattern (self->store, pattern, &error))
    {
      korak_show_toast (widget, error->message);
      return;
    }

  g_clear_pointer (&self->removed_pattern, korak_pattern_record_free);
  if (self->shown != NULL)
    rebuild_patterns (self);
  emit_changed (self);
}

/* ------------------------------------------------------- closures */

static gboolean
on_closure_submit_cb (KorakFormDialog  *dialog,
                      KorakCohortsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(KorakClosureRecord) record = g_new0 (KorakClosureRecord, 1);

  if (self->shown == NULL)
    return TRUE;

  date = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (korak_find_named (GTK_WIDGET (dialog), "date"))), &error);
  if (date == NULL || *date == '\0')
    {
      korak_form_dialog_show_error (dialog, error ? error->message : _("Type the day the site is closed, for example 24. 12. 2026."));
      return FALSE;
    }

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (korak_find_named (GTK_WIDGET (dialog), "reason")))));

  record->cohort_id = self->shown->id;
  record->date = g_steal_pointer (&date);
  record->reason = g_steal_pointer (&reason);
  if (!korak_store_save_closure (self->store, record, &error))
    {
      korak_form_dialog_show_error (dialog, error->message);
      return FALSE;
    }

  rebuild_closures (self);
  emit_changed (self);

  return TRUE;
}

static void
add_closure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  KorakFormDialog *dialog;
  GtkWidget *row;

  if (self->shown == NULL)
    return;

  dialog = korak_form_dialog_new (widget, _("Add Closure"), _("_Add"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, 320);
  korak_form_dialog_add_group (dialog, NULL);
  row = entry_row_new ("date", _("_Date"), NULL);
  gtk_widget_set_tooltip_text (row, _("For example 23. 11. 2026 or 2026-11-23"));
  korak_form_dialog_add_row (dialog, row);
  korak_form_dialog_add_row (dialog, entry_row_new ("reason", _("_Reason"), NULL));
  g_signal_connect_object (dialog, "submit", G_CALLBACK (on_closure_submit_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_closure_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  gint64 id = g_variant_get_int64 (param);

  for (guint i = 0; self->closures && i < self->closures->len; i++)
    {
      KorakClosureRecord *closure = g_ptr_array_index (self->closures, i);

      if (closure->id != id)
        continue;

      if (!korak_store_delete_closure (self->store, id, &error))
        {
          show_error (self, error->message);
          return;
        }

      g_clear_pointer (&self->removed_closure, korak_closure_record_free);
      self->removed_closure = g_ptr_array_steal_index (self->closures, i);
      date = korak_date_format (self->removed_closure->date);
      rebuild_closures (self);
      emit_changed (self);

      /* Translators: %s is a date */
      message = g_strdup_printf (_("Closure on %s removed"), date);
      add_undo_toast (self, message, "cohorts.undo-remove-closure", NULL);
      return;
    }
}

static void
undo_remove_closure_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->removed_closure == NULL)
    return;

  self->removed_closure->id = 0;
  if (!korak_store_save_closure (self->store, self->removed_closure, &error))
    {
      korak_show_toast (widget, error->message);
      return;
    }

  g_clear_pointer (&self->removed_closure, korak_closure_record_free);
  if (self->shown != NULL)
    rebuild_closures (self);
  emit_changed (self);
}

/* ------------------------------------------------------- sessions */

static char *
generate_message (const KorakGenerateResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (result->created == 0 && result->removed == 0 && result->kept == 0)
    g_ptr_array_add (parts, g_strdup (_("The sessions already follow the timetable")));
  else
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d session created", "%d sessions created",
                                                          result->created), result->created));
  if (result->removed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d removed", "%d removed",
                                                          result->removed), result->removed));
  if (result->kept > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%d kept because it has attendance",
                                                          "%d kept because they have attendance",
                                                          result->kept), result->kept));
  if (result->skipped > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%d day skipped for holidays and closures",
                                                          "%d days skipped for holidays and closures",
                                                          result->skipped), result->skipped));
  g_ptr_array_add (parts, NULL);

  /* Translators: joins the parts of "42 sessions created, 3 kept because they have attendance" */
  return g_strjoinv (_(", "), (char **)parts->pdata);
}

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  KorakGenerateResult result = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->shown == NULL)
    return;

  /* Module dates typed but not saved would be ignored otherwise. */
  if (!korak_cohorts_page_save (self))
    return;

  if (self->patterns != NULL && self->patterns->len == 0)
    {
      show_error (self, _("Add the weekly timetable first: the days and hours the group meets."));
      return;
    }

  if (!korak_store_generate_sessions (self->store, self->shown->id, &result, &error))
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  message = generate_message (&result);
  korak_add_toast (widget, adw_toast_new (message));
  g_free (self->message);
  self->message = g_steal_pointer (&message);
  update_sessions (self);
  emit_changed (self);
}

/* ------------------------------------------------------- members */

static gboolean
filter_not_member_cb (gpointer item,
                      gpointer user_data)
{
  gint64 cohort_id = *(gint64 *)user_data;

  return korak_participant_get_cohort_id (KORAK_PARTICIPANT (item)) != cohort_id;
}

static void
on_enrol_toggled_cb (GtkCheckButton *check,
                     GHashTable     *chosen)
{
  gint64 id = get_id_data (check, "participant-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (chosen, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (chosen, &id);
}

static GtkWidget *
create_enrol_row (gpointer item,
                  gpointer user_data)
{
  KorakParticipant *participant = KORAK_PARTICIPANT (item);
  GHashTable *chosen = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  gint64 id = korak_participant_get_id (participant);
  const char *cohort = korak_participant_get_cohort_name (participant);
  g_autofree char *subtitle = NULL;

  if (cohort != NULL && *cohort != '\0')
    /* Translators: status, then the cohort someone is in now */
    subtitle = g_strdup_printf (_("%s · now in %s"), korak_participant_get_status_label (participant), cohort);
  else
    subtitle = g_strdup (korak_participant_get_status_label (participant));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), korak_participant_get_display_name (participant));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, "participant-row");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  set_id_data (check, "participant-id", id);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (chosen, &id));
  g_signal_connect (check, "toggled", G_CALLBACK (on_enrol_toggled_cb), chosen);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  korak_participant_get_display_name (participant), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static void
on_enrol_search_changed_cb (GtkSearchEntry *entry,
                            KorakFormDialog *dialog)
{
  KorakParticipantList *participants = g_object_get_data (G_OBJECT (dialog), "participants");

  korak_participant_list_set_search (participants, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static gboolean
on_enrol_submit_cb (KorakFormDialog  *dialog,
                    KorakCohortsPage *self)
{
  GHashTable *chosen = g_object_get_data (G_OBJECT (dialog), "chosen");
  KorakParticipantList *participants = g_object_get_data (G_OBJECT (dialog), "participants");
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *message = NULL;
  g_autofree gpointer *ids = NULL;
  guint n_ids = 0;
  int enrolled = 0;

  if (self->shown == NULL)
    return TRUE;

  if (g_hash_table_size (chosen) == 0)
    {
      korak_form_dialog_show_error (dialog, _("Tick the people to enrol; search finds them by name."));
      return FALSE;
    }

  start = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (korak_find_named (GTK_WIDGET (dialog), "start-date"))), &error);
  if (start == NULL || *start == '\0')
    {
      korak_form_dialog_show_error (dialog, error ? error->message : _("Type the first day in the cohort, for example 5. 1. 2026."));
      return FALSE;
    }

  ids = g_hash_table_get_keys_as_array (chosen, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      gint64 id = *(gint64 *)ids[i];

      if (!korak_store_enrol (self->store, id, self->shown->id, start, &error))
        {
          KorakParticipant *participant = korak_participant_list_lookup (participants, id);
          g_autofree char *text = NULL;

          /* Translators: a name, then why they could not be enrolled */
          text = g_strdup_printf (_("%s: %s"), participant ? korak_participant_get_display_name (participant) : "", error->message);
          korak_form_dialog_show_error (dialog, text);
          break;
        }

      g_hash_table_remove (chosen, &id);
      enrolled++;
    }

  if (enrolled > 0)
    {
      rebuild_members (self);
      reload_cohorts (self);
      emit_changed (self);
    }

  if (g_hash_table_size (chosen) > 0)
    return FALSE;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d participant enrolled", "%d participants enrolled", enrolled),
                             enrolled);
  korak_show_toast (GTK_WIDGET (self), message);

  return TRUE;
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  g_autoptr(KorakParticipantList) participants = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = korak_date_today ();
  g_autofree char *start = NULL;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  GHashTable *chosen;
  KorakFormDialog *dialog;
  AdwPreferencesGroup *group;
  GtkWidget *box, *search, *list, *row;
  gint64 *cohort_id;

  if (self->shown == NULL)
    return;

  participants = korak_participant_list_new (self->store);
  if (!korak_participant_list_reload (participants, &error))
    {
      show_error (self, error->message);
      return;
    }

  dialog = korak_form_dialog_new (widget, _("Enrol Participants"), _("_Enrol"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 460, 640);

  /* Enrolled from today, or from the start when the cohort has not begun. */
  start = korak_date_format (g_strcmp0 (self->shown->start_date, today) > 0 ? self->shown->start_date : today);
  korak_form_dialog_add_group (dialog, NULL);
  row = entry_row_new ("start-date", _("_From"), start);
  gtk_widget_set_tooltip_text (row, _("For example 23. 11. 2026 or 2026-11-23"));
  korak_form_dialog_add_row (dialog, row);

  chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  cohort_id = g_memdup2 (&self->shown->id, sizeof (gint64));
  filter = gtk_custom_filter_new (filter_not_member_cb, cohort_id, g_free);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (participants)), GTK_FILTER (filter));

  group = korak_form_dialog_add_group (dialog, _("Participants"));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  search = gtk_search_entry_new ();
  gtk_widget_set_name (search, "search");
  g_object_set (search, "placeholder-text", _("Search names, places, languages…"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search participants"), -1);
  list = gtk_list_box_new ();
  gtk_widget_set_name (list, "participants");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder_new (_("No one to enrol matches. Add people from Participants first.")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participants"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (filtered), create_enrol_row, chosen, NULL);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), list);
  adw_preferences_group_add (group, box);

  g_object_set_data_full (G_OBJECT (dialog), "participants", g_object_ref (participants), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "filtered", filtered, g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "chosen", chosen, (GDestroyNotify)g_hash_table_unref);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_enrol_search_changed_cb), dialog);
  g_signal_connect_object (dialog, "submit", G_CALLBACK (on_enrol_submit_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (search);
}

static gboolean
on_withdraw_submit_cb (KorakFormDialog  *dialog,
                       KorakCohortsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  g_autofree char *start = NULL;
  g_autofree char *name = NULL;
  gint64 participant_id = get_id_data (dialog, "participant-id");
  KorakMemberRecord *member;

  if (self->shown == NULL || !(member = find_member (self, participant_id)))
    return TRUE;

  date = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (korak_find_named (GTK_WIDGET (dialog), "end-date"))), &error);
  if (date == NULL || *date == '\0')
    {
      korak_form_dialog_show_error (dialog, error ? error->message : _("Type the last day in the cohort, for example 23. 11. 2026."));
      return FALSE;
    }

  if (!korak_store_withdraw (self->store, participant_id, self->shown->id, date, &error))
    {
      korak_form_dialog_show_error (dialog, error->message);
      return FALSE;
    }

  start = g_strdup (member->start_date);
  name = g_strdup (member->display_name);
  rebuild_members (self);
  reload_cohorts (self);
  emit_changed (self);

  /* Translators: %s is a participant's name */
  message = g_strdup_printf (_("%s withdrawn"), name);
  add_undo_toast (self, message, "cohorts.reenrol",
                  g_variant_new ("(xxs)", participant_id, self->shown->id, start));

  return TRUE;
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  gint64 participant_id = g_variant_get_int64 (param);
  KorakMemberRecord *member = find_member (self, participant_id);
  g_autofree char *today = korak_date_today ();
  g_autofree char *shown = korak_date_format (today);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  KorakFormDialog *dialog;
  AdwPreferencesGroup *group;
  GtkWidget *row;

  if (member == NULL)
    return;

  title = g_strdup_printf (_("Withdraw %s"), member->display_name);
  dialog = korak_form_dialog_new (widget, title, _("_Withdraw"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, 320);
  korak_form_dialog_set_destructive (dialog, TRUE);
  set_id_data (dialog, "participant-id", participant_id);

  group = korak_form_dialog_add_group (dialog, NULL);
  /* Translators: %s is a cohort's name */
  description = g_strdup_printf (_("The enrolment in %s ends on this day. Attendance, notes and the plan are kept."),
                                 self->shown->name);
  adw_preferences_group_set_description (group, description);
  row = entry_row_new ("end-date", _("_Last day"), shown);
  gtk_widget_set_tooltip_text (row, _("For example 23. 11. 2026 or 2026-11-23"));
  korak_form_dialog_add_row (dialog, row);
  g_signal_connect_object (dialog, "submit", G_CALLBACK (on_withdraw_submit_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reenrol_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 participant_id, cohort_id;
  const char *start;

  g_variant_get (param, "(xx&s)", &participant_id, &cohort_id, &start);
  if (!korak_store_enrol (self->store, participant_id, cohort_id, start, &error))
    {
      korak_show_toast (widget, error->message);
      return;
    }

  if (self->shown != NULL && self->shown->id == cohort_id)
    rebuild_members (self);
  reload_cohorts (self);
  emit_changed (self);
}

/* ------------------------------------------------------- the object */

static void
korak_cohorts_page_dispose (GObject *object)
{
  KorakCohortsPage *self = (KorakCohortsPage *)object;

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->cohorts);
  g_clear_object (&self->programmes);
  g_clear_object (&self->mentors);
  g_clear_object (&self->mediators);
  g_clear_object (&self->store);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->patterns, g_ptr_array_unref);
  g_clear_pointer (&self->closures, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->removed_pattern, korak_pattern_record_free);
  g_clear_pointer (&self->removed_closure, korak_closure_record_free);
  g_clear_pointer (&self->shown, korak_cohort_detail_free);
  g_clear_pointer (&self->module_rows, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (korak_cohorts_page_parent_class)->dispose (object);
}

static void
korak_cohorts_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (object);

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
korak_cohorts_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KorakCohortsPage *self = KORAK_COHORTS_PAGE (object);

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
korak_cohorts_page_class_init (KorakCohortsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_cohorts_page_dispose;
  object_class->get_property = korak_cohorts_page_get_property;
  object_class->set_property = korak_cohorts_page_set_property;

  /* Shows a button that brings back the window's list of views. */
  properties[PROP_SHOW_SIDEBAR_BUTTON] =
    g_param_spec_boolean ("show-sidebar-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Something about cohorts, programmes, staff, enrolments or sessions was stored. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-cohorts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, empty_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, empty_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, cohort_title);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, documents_button);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, pane_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, prefs_page);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, programme_row);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, site_row);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, mentor_row);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, mediator_row);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, modules_list);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, patterns_list);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, closures_list);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, mediators_list);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, sessions_row);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, members_group);
  gtk_widget_class_bind_template_child (widget_class, KorakCohortsPage, members_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pattern_activated_cb);

  gtk_widget_class_install_action (widget_class, "cohorts.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "cohorts.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "cohorts.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "cohorts.programmes", NULL, programmes_action);
  gtk_widget_class_install_action (widget_class, "cohorts.staff", NULL, staff_action);
  gtk_widget_class_install_action (widget_class, "cohorts.progress", NULL, progress_action);
  gtk_widget_class_install_action (widget_class, "cohorts.notes", NULL, notes_action);
  gtk_widget_class_install_action (widget_class, "cohorts.monthly-report", NULL, monthly_report_action);
  gtk_widget_class_install_action (widget_class, "cohorts.outcomes-report", NULL, outcomes_report_action);
  gtk_widget_class_install_action (widget_class, "cohorts.mediator-hours", NULL, mediator_hours_action);
  gtk_widget_class_install_action (widget_class, "cohorts.certificates", NULL, certificates_action);
  gtk_widget_class_install_action (widget_class, "cohorts.add-pattern", NULL, add_pattern_action);
  gtk_widget_class_install_action (widget_class, "cohorts.edit-pattern", "x", edit_pattern_action);
  gtk_widget_class_install_action (widget_class, "cohorts.remove-pattern", "x", remove_pattern_action);
  gtk_widget_class_install_action (widget_class, "cohorts.undo-remove-pattern", NULL, undo_remove_pattern_action);
  gtk_widget_class_install_action (widget_class, "cohorts.add-closure", NULL, add_closure_action);
  gtk_widget_class_install_action (widget_class, "cohorts.remove-closure", "x", remove_closure_action);
  gtk_widget_class_install_action (widget_class, "cohorts.undo-remove-closure", NULL, undo_remove_closure_action);
  gtk_widget_class_install_action (widget_class, "cohorts.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "cohorts.enrol", NULL, enrol_action);
  gtk_widget_class_install_action (widget_class, "cohorts.withdraw", "x", withdraw_action);
  gtk_widget_class_install_action (widget_class, "cohorts.reenrol", "(xxs)", reenrol_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "cohorts.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "cohorts.monthly-report", NULL);
}

static void
korak_cohorts_page_init (KorakCohortsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->module_rows = g_ptr_array_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  gtk_list_box_set_placeholder (self->patterns_list,
                                placeholder_new (_("No time slots yet. Add the days and hours the group meets.")));
  gtk_list_box_set_placeholder (self->closures_list,
                                placeholder_new (_("No closures. Public holidays are skipped anyway.")));
  gtk_list_box_set_placeholder (self->members_list,
                                placeholder_new (_("No one is enrolled yet.")));

  update_state (self);
  fill (self);
}

/* ------------------------------------------------------- public API */

/**
 * korak_cohorts_page_reload:
 *
 * Reads programmes, staff, activities and cohorts again. The shown cohort
 * is read again too unless it has unsaved edits.
 */
gboolean
korak_cohorts_page_reload (KorakCohortsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;

  g_return_val_if_fail (KORAK_IS_COHORTS_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  if (!korak_programme_list_reload (self->programmes, &error) ||
      !korak_staff_list_reload (self->mentors, &error) ||
      !korak_staff_list_reload (self->mediators, &error) ||
      !(activities = korak_store_list_activities (self->store, &error)) ||
      !korak_cohort_list_reload (self->cohorts, &error))
    {
      show_load_error (self, error->message);
      return FALSE;
    }

  g_clear_pointer (&self->activities, g_ptr_array_unref);
  self->activities = g_steal_pointer (&activities);

  update_state (self);

  if (self->shown != NULL && !self->changed)
    {
      if (korak_cohort_list_find (self->cohorts, self->shown->id, NULL))
        show_cohort (self, self->shown->id);
      else
        show_cohort (self, 0);
    }
  reselect_shown (self);
  select_first_if_wide (self);

  return TRUE;
}

void
korak_cohorts_page_set_store (KorakCohortsPage *self,
                              KorakStore       *store)
{
  g_return_if_fail (KORAK_IS_COHORTS_PAGE (self));
  g_return_if_fail (store == NULL || KORAK_IS_STORE (store));

  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->cohorts != NULL)
    g_signal_handlers_disconnect_by_data (self->cohorts, self);
  g_clear_object (&self->cohorts);
  g_clear_object (&self->programmes);
  g_clear_object (&self->mentors);
  g_clear_object (&self->mediators);
  g_clear_pointer (&self->shown, korak_cohort_detail_free);
  g_clear_pointer (&self->removed_pattern, korak_pattern_record_free);
  g_clear_pointer (&self->removed_closure, korak_closure_record_free);
  self->changed = FALSE;
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->cohorts = korak_cohort_list_new (store);
      self->programmes = korak_programme_list_new (store);
      self->mentors = korak_staff_list_new (store, "mentor", TRUE);
      self->mediators = korak_staff_list_new (store, "mediator", TRUE);

      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->cohorts), create_cohort_row, self, NULL);
      g_signal_connect_object (self->cohorts, "items-changed",
                               G_CALLBACK (on_cohorts_items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  fill (self);
  update_state (self);
  if (store != NULL)
    korak_cohorts_page_reload (self);
}

/**
 * korak_cohorts_page_select:
 *
 * Shows the cohort @cohort_id, first storing edits of the one shown; stays
 * when those cannot be stored.
 */
void
korak_cohorts_page_select (KorakCohortsPage *self,
                           gint64            cohort_id)
{
  g_return_if_fail (KORAK_IS_COHORTS_PAGE (self));

  if (self->cohorts == NULL || !korak_cohort_list_find (self->cohorts, cohort_id, NULL))
    return;

  if (self->shown == NULL || self->shown->id != cohort_id)
    {
      if (!korak_cohorts_page_save (self))
        {
          adw_leaflet_set_visible_child_name (self->leaflet, "cohort");
          return;
        }
      show_cohort (self, cohort_id);
    }

  reselect_shown (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "cohort");
}

gint64
korak_cohorts_page_get_selected_id (KorakCohortsPage *self)
{
  g_return_val_if_fail (KORAK_IS_COHORTS_PAGE (self), 0);

  return self->shown ? self->shown->id : 0;
}

KorakCohortList *
korak_cohorts_page_get_cohorts (KorakCohortsPage *self)
{
  g_return_val_if_fail (KORAK_IS_COHORTS_PAGE (self), NULL);

  return self->cohorts;
}

const char *
korak_cohorts_page_get_state (KorakCohortsPage *self)
{
  g_return_val_if_fail (KORAK_IS_COHORTS_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "main") == 0)
    return "main";

  return gtk_stack_get_visible_child_name (self->empty_stack);
}

/* The problem shown above the cohort, or %NULL. */
const char *
korak_cohorts_page_get_error (KorakCohortsPage *self)
{
  g_return_val_if_fail (KORAK_IS_COHORTS_PAGE (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

const char *
korak_cohorts_page_get_message (KorakCohortsPage *self)
{
  g_return_val_if_fail (KORAK_IS_COHORTS_PAGE (self), NULL);

  return self->message;
}
