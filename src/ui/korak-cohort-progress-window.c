/* korak-cohort-progress-window.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-cohort-progress-window"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-assessment.h"
#include "korak-chart-data.h"
#include "korak-charts.h"
#include "korak-cohort-progress-window.h"

struct _KorakCohortProgressWindow
{
  AdwWindow     parent_instance;

  KorakBarData  exits;
  KorakBarData  change;
  char         *exits_description;
  char         *change_description;
  guint         n_rows;
  GtkWidget    *exits_area;
  GtkWidget    *change_area;
};

G_DEFINE_FINAL_TYPE (KorakCohortProgressWindow, korak_cohort_progress_window, ADW_TYPE_WINDOW)

static void
draw_bars_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  KorakChartStyle style = { adw_style_manager_get_dark (adw_style_manager_get_default ()), 1.0 };

  korak_bar_chart_draw (cr, width, height, &style, user_data);
}

static void
on_dark_changed_cb (KorakCohortProgressWindow *self)
{
  gtk_widget_queue_draw (self->exits_area);
  gtk_widget_queue_draw (self->change_area);
}

static void
korak_cohort_progress_window_dispose (GObject *object)
{
  KorakCohortProgressWindow *self = (KorakCohortProgressWindow *)object;

  korak_bar_data_clear (&self->exits);
  korak_bar_data_clear (&self->change);
  g_clear_pointer (&self->exits_description, g_free);
  g_clear_pointer (&self->change_description, g_free);

  G_OBJECT_CLASS (korak_cohort_progress_window_parent_class)->dispose (object);
}

static void
korak_cohort_progress_window_class_init (KorakCohortProgressWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_cohort_progress_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
korak_cohort_progress_window_init (KorakCohortProgressWindow *self)
{
}

static GtkWidget *
chart_frame (KorakCohortProgressWindow *self,
             GtkWidget                **area_out,
             KorakBarData              *data,
             const char                *label,
             const char                *description,
             int                        height)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), height);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_bars_cb, data, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (area, description);
  gtk_frame_set_child (GTK_FRAME (frame), area);
  gtk_widget_add_css_class (frame, "view");
  *area_out = area;
  return frame;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  return label;
}

KorakCohortProgressWindow *
korak_cohort_progress_window_new (GtkWindow   *parent,
                                  KorakStore  *store,
                                  gint64       cohort_id,
                                  const char  *cohort_name,
                                  GError     **error)
{
  g_autoptr(GPtrArray) exits = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  KorakCohortProgressWindow *self;
  GtkWidget *box, *header, *title, *scrolled, *clamp, *content, *list;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(exits = korak_store_cohort_exits (store, cohort_id, error)) ||
      !(changes = korak_store_cohort_changes (store, cohort_id, error)))
    return NULL;

  self = g_object_new (KORAK_TYPE_COHORT_PROGRESS_WINDOW,
                       "transient-for", parent,
                       "modal", FALSE,
                       "title", _("Cohort Progress"),
                       "default-width", 760,
                       "default-height", 820,
                       NULL);

  /* Exits by reason. */
  korak_bar_data_fill_exits (&self->exits, exits);
  self->exits_description = korak_bar_chart_describe (&self->exits);

  /* Change from intake to exit or latest. */
  korak_bar_data_fill_change_bands (&self->change, changes);
  self->change_description = korak_bar_chart_describe (&self->change);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_("Cohort Progress"), cohort_name);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);

  gtk_box_append (GTK_BOX (content), heading (_("Exits by Reason")));
  gtk_box_append (GTK_BOX (content),
                  chart_frame (self, &self->exits_area, &self->exits, _("Exits by reason"), self->exits_description,
                               MAX (140, 40 + 32 * (int)exits->len)));
  gtk_box_append (GTK_BOX (content), heading (_("Change from Intake")));
  gtk_box_append (GTK_BOX (content),
                  chart_frame (self, &self->change_area, &self->change, _("Distribution of change"),
                               self->change_description, 280));

  gtk_box_append (GTK_BOX (content), heading (_("Participants")));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change per participant"), -1);
  for (guint i = 0; i < changes->len; i++)
    {
      const KorakProgressChange *c = g_ptr_array_index (changes, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value;
      g_autofree char *subtitle = NULL;
      g_autofree char *delta = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
      if (c->n_assessments == 0)
        {
          subtitle = g_strdup (_("No assessments"));
          delta = g_strdup ("–");
        }
      else if (c->n_assessments == 1)
        {
          subtitle = g_strdup_printf (_("Intake %.1f"), c->intake_average);
          delta = g_strdup ("–");
        }
      else
        {
          /* Translators: "Intake 4.0 → Exit 6.5" */
          subtitle = g_strdup_printf (_("Intake %.1f → %s %.1f"), c->intake_average,
                                      korak_choice_label (korak_assessment_kinds (), c->latest_kind),
                                      c->latest_average);
          delta = g_strdup_printf ("%+.1f", c->latest_average - c->intake_average);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      value = gtk_label_new (delta);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "heading");
      if (c->n_assessments > 1 && c->latest_average - c->intake_average >= 0.5)
        gtk_widget_add_css_class (value, "success");
      else if (c->n_assessments > 1 && c->latest_average - c->intake_average <= -0.5)
        gtk_widget_add_css_class (value, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      self->n_rows++;
    }
  if (changes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody is enrolled in this cohort yet."));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (GTK_BOX (content), list);

  adw_window_set_content (ADW_WINDOW (self), box);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

const char *
korak_cohort_progress_window_get_exits_description (KorakCohortProgressWindow *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_PROGRESS_WINDOW (self), NULL);
  return self->exits_description;
}

const char *
korak_cohort_progress_window_get_change_description (KorakCohortProgressWindow *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_PROGRESS_WINDOW (self), NULL);
  return self->change_description;
}

guint
korak_cohort_progress_window_get_n_rows (KorakCohortProgressWindow *self)
{
  g_return_val_if_fail (KORAK_IS_COHORT_PROGRESS_WINDOW (self), 0);
  return self->n_rows;
}
