/* korak-schedule-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-schedule-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-cohort-list.h"
#include "korak-date.h"
#include "korak-ical.h"
#include "korak-schedule-page.h"
#include "korak-session.h"
#include "korak-ui-util.h"

struct _KorakSchedulePage
{
  AdwBin            parent_instance;

  KorakStore       *store;
  KorakTimetable   *timetable;
  KorakCohortList  *cohorts;
  gboolean          filling;

  GtkStack         *pages;
  GtkWidget        *sidebar_button;
  AdwWindowTitle   *week_title;
  GtkDropDown      *cohort_dropdown;
  GtkStack         *content_stack;
  GtkLabel         *module_label;
  GtkLabel         *summary_label;
  KorakWeekView    *week_view;
  KorakSessionPage *session_page;
};

G_DEFINE_FINAL_TYPE (KorakSchedulePage, korak_schedule_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (KorakSchedulePage *self,
            const GError      *error)
{
  korak_show_toast (GTK_WIDGET (self), error->message);
}

static void
update_week (KorakSchedulePage *self)
{
  const GDate *monday;
  const KorakWeekSummary *summary;
  g_autofree char *title = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *range = NULL;
  g_autofree char *module = NULL;
  g_autofree char *text = NULL;
  GDate sunday;

  if (self->timetable == NULL)
    return;

  monday = korak_timetable_get_monday (self->timetable);
  sunday = *monday;
  g_date_add_days (&sunday, 6);
  from_iso = korak_date_to_iso (monday);
  to_iso = korak_date_to_iso (&sunday);
  from = korak_date_format (from_iso);
  to = korak_date_format (to_iso);

  /* Translators: the title of the schedule, the ISO week number. */
  title = g_strdup_printf (_("Week %u"), g_date_get_iso8601_week_of_year (monday));
  /* Translators: the days of the week shown, first and last. */
  range = g_strdup_printf (_("%s – %s"), from, to);
  adw_window_title_set_title (self->week_title, title);
  adw_window_title_set_subtitle (self->week_title, range);

  /* The week view names the module above its days; the strip says so only
   * when the week is outside every module. */
  module = korak_timetable_dup_module_label (self->timetable);
  gtk_label_set_text (self->module_label, _("Outside the cohort’s modules"));
  gtk_widget_set_visible (GTK_WIDGET (self->module_label), module == NULL);

  summary = korak_timetable_get_summary (self->timetable);
  if (summary->n_sessions == 0)
    text = g_strdup (_("No sessions this week"));
  else
    {
      g_autofree char *sessions = g_strdup_printf (ngettext ("%d session", "%d sessions", summary->n_sessions),
                                                   summary->n_sessions);

      g_autofree char *today = korak_date_today ();

      /* A week that has not begun has no attendance to speak of yet. */
      if (summary->expected_hours > 0 && g_strcmp0 (from_iso, today) <= 0)
        /* Translators: e.g. "12 sessions · 48 h planned · 86 % attended". */
        text = g_strdup_printf (_("%s · %.0f h planned · %.0f %% attended"),
                                sessions, summary->planned_hours, summary->rate * 100);
      else
        /* Translators: e.g. "12 sessions · 48 h planned". */
        text = g_strdup_printf (_("%s · %.0f h planned"), sessions, summary->planned_hours);
    }
  gtk_label_set_text (self->summary_label, text);

  korak_week_view_set_week (self->week_view, monday);
  korak_week_view_set_module_label (self->week_view, module);
}

static void
on_timetable_changed_cb (KorakSchedulePage *self)
{
  update_week (self);
}

static gint64
selected_cohort_id (KorakSchedulePage *self)
{
  g_autoptr(KorakCohortItem) cohort = NULL;
  guint position = gtk_drop_down_get_selected (self->cohort_dropdown);

  if (self->cohorts == NULL || position == GTK_INVALID_LIST_POSITION)
    return 0;
  cohort = g_list_model_get_item (G_LIST_MODEL (self->cohorts), position);
  return cohort != NULL ? korak_cohort_item_get_id (cohort) : 0;
}

/* A week outside the cohort's dates shows nothing: go to the nearest of
 * its weeks instead, its first before it starts, its last after it ends. */
static gboolean
show_cohort (KorakSchedulePage  *self,
             gint64              cohort_id,
             GError            **error)
{
  const KorakCohortDetail *cohort;
  g_autofree char *monday = NULL;
  g_autofree char *sunday = NULL;
  const char *target = NULL;
  GDate day;

  if (!korak_timetable_set_cohort (self->timetable, cohort_id, error))
    return FALSE;

  cohort = korak_timetable_get_cohort (self->timetable);
  if (cohort == NULL || cohort->start_date == NULL || cohort->end_date == NULL)
    return TRUE;

  day = *korak_timetable_get_monday (self->timetable);
  monday = korak_date_to_iso (&day);
  g_date_add_days (&day, 6);
  sunday = korak_date_to_iso (&day);
  if (strcmp (sunday, cohort->start_date) < 0)
    target = cohort->start_date;
  else if (strcmp (monday, cohort->end_date) > 0)
    target = cohort->end_date;
  if (target == NULL)
    return TRUE;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, target);
  if (!g_date_valid (&day))
    return TRUE;
  return korak_timetable_set_week (self->timetable, &day, error);
}

static void
on_cohort_selected_cb (KorakSchedulePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->filling || self->timetable == NULL)
    return;

  if (!show_cohort (self, selected_cohort_id (self), &error))
    show_error (self, error);
}

static void
show_week (KorakSchedulePage *self)
{
  gtk_stack_set_visible_child_name (self->pages, "week");
}

static void
on_session_activated_cb (KorakSchedulePage *self,
                         KorakSession      *session)
{
  korak_schedule_page_show_session (self, korak_session_get_id (session));
}

static void
on_session_changed_cb (KorakSchedulePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->timetable != NULL && !korak_timetable_reload (self->timetable, &error))
    show_error (self, error);
}

static void
on_session_done_cb (KorakSchedulePage *self)
{
  show_week (self);
}

gboolean
korak_schedule_page_show_session (KorakSchedulePage *self,
                                  gint64             session_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KORAK_IS_SCHEDULE_PAGE (self), FALSE);

  if (!korak_session_page_show_session (self->session_page, self->store, session_id, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  gtk_stack_set_visible_child_name (self->pages, "session");
  gtk_widget_child_focus (GTK_WIDGET (self->session_page), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static void
shift_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KorakSchedulePage *self = KORAK_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  int weeks = g_str_equal (action_name, "schedule.next-week") ? 1 : -1;

  if (!korak_timetable_shift_weeks (self->timetable, weeks, &error))
    show_error (self, error);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KorakSchedulePage *self = KORAK_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (!korak_timetable_set_week (self->timetable, &today, &error))
    show_error (self, error);
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KorakSchedulePage *self = KORAK_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *monday = NULL;
  gint64 cohort_id = korak_timetable_get_cohort_id (self->timetable);

  if (cohort_id == 0)
    return;

  monday = korak_date_to_iso (korak_timetable_get_monday (self->timetable));
  if (!korak_session_page_new_session (self->session_page, self->store, cohort_id, monday, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_stack_set_visible_child_name (self->pages, "session");
}

static void
on_export_response_cb (GtkNativeDialog   *dialog,
                       int                response,
                       KorakSchedulePage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  if (path != NULL)
    {
      if (korak_ical_export_cohort (self->store, korak_timetable_get_cohort_id (self->timetable), path, &error))
        korak_show_toast (GTK_WIDGET (self), _("Calendar exported"));
      else
        show_error (self, error);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  KorakSchedulePage *self = KORAK_SCHEDULE_PAGE (widget);
  const KorakCohortDetail *cohort = korak_timetable_get_cohort (self->timetable);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (cohort == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Calendar"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Calendars (iCalendar)"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  name = g_strdup_printf ("%s.ics", cohort->name);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
update_actions (KorakSchedulePage *self)
{
  gboolean has = self->timetable != NULL && korak_timetable_get_cohort_id (self->timetable) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.new-session", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.export-calendar", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.previous-week", self->timetable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.next-week", self->timetable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.today", self->timetable != NULL);
}

void
korak_schedule_page_reload (KorakSchedulePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  gint64 keep;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n;

  g_return_if_fail (KORAK_IS_SCHEDULE_PAGE (self));

  if (self->store == NULL)
    return;

  /* Reloading moves the drop-down's selection by itself; the choice is
   * made below. */
  keep = korak_timetable_get_cohort_id (self->timetable);
  self->filling = TRUE;
  if (!korak_cohort_list_reload (self->cohorts, &error))
    {
      self->filling = FALSE;
      show_error (self, error);
      return;
    }
  self->filling = FALSE;

  /* Keep the cohort shown; the first time, one that runs today. */
  today = korak_date_today ();
  n = g_list_model_get_n_items (G_LIST_MODEL (self->cohorts));
  for (guint i = 0; i < n && keep != 0; i++)
    {
      g_autoptr(KorakCohortItem) cohort = g_list_model_get_item (G_LIST_MODEL (self->cohorts), i);

      if (korak_cohort_item_get_id (cohort) == keep)
        selected = i;
    }
  for (guint i = 0; i < n && selected == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(KorakCohortItem) cohort = g_list_model_get_item (G_LIST_MODEL (self->cohorts), i);
      const char *start = korak_cohort_item_get_start_date (cohort);
      const char *end = korak_cohort_item_get_end_date (cohort);

      if (g_strcmp0 (start, today) <= 0 && (end == NULL || g_strcmp0 (today, end) <= 0))
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION && n > 0)
    selected = 0;

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->cohort_dropdown, selected);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "week" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->cohort_dropdown), n > 0);

  if (!show_cohort (self, selected_cohort_id (self), &error))
    show_error (self, error);
  update_actions (self);
}

void
korak_schedule_page_set_store (KorakSchedulePage *self,
                               KorakStore        *store)
{
  g_return_if_fail (KORAK_IS_SCHEDULE_PAGE (self));
  g_return_if_fail (store == NULL || KORAK_IS_STORE (store));

  if (self->timetable != NULL)
    g_signal_handlers_disconnect_by_data (self->timetable, self);
  g_clear_object (&self->timetable);
  g_set_object (&self->store, store);
  show_week (self);

  if (store == NULL)
    {
      update_actions (self);
      return;
    }

  self->timetable = korak_timetable_new (store);
  g_clear_object (&self->cohorts);
  self->cohorts = korak_cohort_list_new (store);
  /* Setting the model selects its first item: not a choice of the person's. */
  self->filling = TRUE;
  gtk_drop_down_set_model (self->cohort_dropdown, G_LIST_MODEL (self->cohorts));
  self->filling = FALSE;
  g_signal_connect_swapped (self->timetable, "changed", G_CALLBACK (on_timetable_changed_cb), self);
  korak_week_view_set_model (self->week_view, korak_timetable_get_sessions (self->timetable));
  korak_schedule_page_reload (self);
}

gboolean
korak_schedule_page_select_cohort (KorakSchedulePage *self,
                                   gint64             cohort_id)
{
  guint position;

  g_return_val_if_fail (KORAK_IS_SCHEDULE_PAGE (self), FALSE);

  if (self->cohorts == NULL || !korak_cohort_list_find (self->cohorts, cohort_id, &position))
    return FALSE;

  gtk_drop_down_set_selected (self->cohort_dropdown, position);
  return korak_timetable_get_cohort_id (self->timetable) == cohort_id;
}

static void
korak_schedule_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KorakSchedulePage *self = KORAK_SCHEDULE_PAGE (object);

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
korak_schedule_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KorakSchedulePage *self = KORAK_SCHEDULE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR_BUTTON:
      gtk_widget_set_visible (self->sidebar_button, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_schedule_page_dispose (GObject *object)
{
  KorakSchedulePage *self = (KorakSchedulePage *)object;

  if (self->timetable != NULL)
    g_signal_handlers_disconnect_by_data (self->timetable, self);
  g_clear_object (&self->timetable);
  g_clear_object (&self->cohorts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (korak_schedule_page_parent_class)->dispose (object);
}

static void
korak_schedule_page_class_init (KorakSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_schedule_page_dispose;
  object_class->get_property = korak_schedule_page_get_property;
  object_class->set_property = korak_schedule_page_set_property;

  properties[PROP_SHOW_SIDEBAR_BUTTON] =
    g_param_spec_boolean ("show-sidebar-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KORAK_TYPE_WEEK_VIEW);
  g_type_ensure (KORAK_TYPE_SESSION_PAGE);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakSchedulePage, pages);
  gtk_widget_class_bind_template_child (widget_class, KorakSchedulePage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KorakSchedulePage, week_title);
  gtk_widget_class_bind_template_child (widget_class, KorakSchedulePage, cohort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KorakSchedulePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakSchedulePage, module_label);
  gtk_widget_class_bind_template_child (widget_class, KorakSchedulePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KorakSchedulePage, week_view);
  gtk_widget_class_bind_template_child (widget_class, KorakSchedulePage, session_page);
  gtk_widget_class_bind_template_callback (widget_class, on_cohort_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_session_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_session_done_cb);

  gtk_widget_class_install_action (widget_class, "schedule.previous-week", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "schedule.next-week", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "schedule.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "schedule.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "schedule.export-calendar", NULL, export_calendar_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "schedule.previous-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "schedule.next-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "schedule.previous-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "schedule.next-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "schedule.today", NULL);
}

static void
korak_schedule_page_init (KorakSchedulePage *self)
{
  g_autoptr(GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));


  name = gtk_property_expression_new (KORAK_TYPE_COHORT_ITEM, NULL, "name");
  gtk_drop_down_set_expression (self->cohort_dropdown, name);
  update_actions (self);
}

KorakTimetable *
korak_schedule_page_get_timetable (KorakSchedulePage *self)
{
  g_return_val_if_fail (KORAK_IS_SCHEDULE_PAGE (self), NULL);
  return self->timetable;
}

KorakSessionPage *
korak_schedule_page_get_session_page (KorakSchedulePage *self)
{
  g_return_val_if_fail (KORAK_IS_SCHEDULE_PAGE (self), NULL);
  return self->session_page;
}

KorakWeekView *
korak_schedule_page_get_week_view (KorakSchedulePage *self)
{
  g_return_val_if_fail (KORAK_IS_SCHEDULE_PAGE (self), NULL);
  return self->week_view;
}

const char *
korak_schedule_page_get_summary (KorakSchedulePage *self)
{
  g_return_val_if_fail (KORAK_IS_SCHEDULE_PAGE (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

const char *
korak_schedule_page_get_visible (KorakSchedulePage *self)
{
  g_return_val_if_fail (KORAK_IS_SCHEDULE_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}
