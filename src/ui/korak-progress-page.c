/* korak-progress-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-progress-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-chart-data.h"
#include "korak-charts.h"
#include "korak-date.h"
#include "korak-journal.h"
#include "korak-progress-page.h"
#include "korak-ui-util.h"

struct _KorakProgressPage
{
  AdwBin               parent_instance;

  KorakAssessmentList *assessments;
  AdwToast            *undo_toast;
  KorakAssessmentRecord *deleted;

  /* What the charts draw, rebuilt on every reload. */
  KorakStarData        star;
  GPtrArray           *lines;        /* KorakProgressLine* from the store */
  KorakLineData        line;         /* the one chosen in the drop-down */
  KorakAttendanceData  attendance;
  char                *star_description;
  char                *line_description;
  char                *attendance_description;

  GtkWidget           *new_button;
  GtkWidget           *star_area;
  GtkWidget           *line_area;
  GtkWidget           *attendance_area;
  GtkDropDown         *line_dropdown;
  GtkStack            *list_stack;
  GtkListBox          *list_box;
  GtkListBox            *wins_box;
};

G_DEFINE_FINAL_TYPE (KorakProgressPage, korak_progress_page, ADW_TYPE_BIN)

/* ------------------------------------------------------------ chart data */

static void
fill_line (KorakProgressPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->line_dropdown);
  const KorakProgressLine *chosen = NULL;

  if (self->lines == NULL || self->lines->len == 0)
    {
      korak_line_data_clear (&self->line);
      return;
    }

  /* The drop-down lists the average first, then the areas. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected >= self->lines->len)
    chosen = g_ptr_array_index (self->lines, self->lines->len - 1);
  else
    chosen = g_ptr_array_index (self->lines, selected - 1);

  korak_line_data_fill (&self->line, chosen);
}

static void
set_description (GtkWidget  *area,
                 const char *label,
                 char      **storage,
                 char       *description)
{
  g_free (*storage);
  *storage = description;
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
  gtk_widget_set_tooltip_text (area, description);
}

static void
update_line (KorakProgressPage *self)
{
  fill_line (self);
  set_description (self->line_area, _("Progress over time"), &self->line_description,
                   korak_line_chart_describe (&self->line));
  gtk_widget_queue_draw (self->line_area);
}

static void
on_line_dropdown_selected_cb (KorakProgressPage *self)
{
  update_line (self);
}

/* ---------------------------------------------------------------- drawing */

static void
get_style (GtkWidget       *widget,
           KorakChartStyle *style)
{
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style->scale = 1.0;
}

static void
draw_star_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  KorakProgressPage *self = user_data;
  KorakChartStyle style;

  get_style (GTK_WIDGET (area), &style);
  korak_star_chart_draw (cr, width, height, &style, &self->star);
}

static void
draw_line_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  KorakProgressPage *self = user_data;
  KorakChartStyle style;

  get_style (GTK_WIDGET (area), &style);
  korak_line_chart_draw (cr, width, height, &style, &self->line);
}

static void
draw_attendance_cb (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  KorakProgressPage *self = user_data;
  KorakChartStyle style;

  get_style (GTK_WIDGET (area), &style);
  korak_attendance_chart_draw (cr, width, height, &style, &self->attendance);
}

static void
on_dark_changed_cb (KorakProgressPage *self)
{
  gtk_widget_queue_draw (self->star_area);
  gtk_widget_queue_draw (self->line_area);
  gtk_widget_queue_draw (self->attendance_area);
}

/* ------------------------------------------------------------------ list */

static void
on_edit_clicked_cb (GtkButton         *button,
                    KorakProgressPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "assessment-id-ptr");

  korak_progress_page_edit_assessment (self, *id);
}

static void
on_delete_clicked_cb (GtkButton         *button,
                      KorakProgressPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "assessment-id-ptr");

  korak_progress_page_delete_assessment (self, *id);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KorakProgressPage *self = user_data;
  KorakAssessmentItem *assessment = item;
  g_autofree char *title = korak_assessment_item_dup_title (assessment);
  g_autofree char *subtitle = korak_assessment_item_dup_subtitle (assessment);
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), title);
  g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), title);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gint64 *id = g_new (gint64, 1);

  *id = korak_assessment_item_get_id (assessment);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  g_object_set_data_full (G_OBJECT (edit), "assessment-id-ptr", g_memdup2 (id, sizeof *id), g_free);
  g_signal_connect_object (edit, "clicked", G_CALLBACK (on_edit_clicked_cb), self, 0);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "assessment-id-ptr", id, g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_delete_clicked_cb), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
  return row;
}

/* ---------------------------------------------------------------- reload */

gboolean
korak_progress_page_reload (KorakProgressPage  *self,
                            GError            **error)
{
  g_autoptr(KorakStarSummary) summary = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  double required = 0;
  guint selected;
  gint64 selected_area = -1;

  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), FALSE);

  if (self->assessments == NULL)
    {
      korak_star_data_clear (&self->star);
      korak_line_data_clear (&self->line);
      korak_attendance_data_clear (&self->attendance);
      g_clear_pointer (&self->lines, g_ptr_array_unref);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      on_dark_changed_cb (self);
      return TRUE;
    }

  if (!korak_assessment_list_reload (self->assessments, error))
    return FALSE;
  if (!(summary = korak_assessment_list_star_summary (self->assessments, error)))
    return FALSE;
  if (!(weeks = korak_assessment_list_week_hours (self->assessments, &required, error)))
    return FALSE;

  /* Keep the area chosen in the drop-down across reloads. */
  selected = gtk_drop_down_get_selected (self->line_dropdown);
  if (self->lines != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->lines->len)
    selected_area = ((KorakProgressLine *)g_ptr_array_index (self->lines, selected - 1))->area_id;
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  if (!(self->lines = korak_assessment_list_progress_lines (self->assessments, error)))
    return FALSE;

  korak_star_data_fill (&self->star, summary);
  set_description (self->star_area, _("Competencies at intake and latest"), &self->star_description,
                   korak_star_chart_describe (&self->star));

  korak_attendance_data_fill (&self->attendance, weeks, required);
  set_description (self->attendance_area, _("Attendance hours per week"), &self->attendance_description,
                   korak_attendance_chart_describe (&self->attendance));

  gtk_string_list_append (choices, _("Average"));
  selected = 0;
  for (guint i = 0; i + 1 < self->lines->len; i++)
    {
      const KorakProgressLine *l = g_ptr_array_index (self->lines, i);

      gtk_string_list_append (choices, korak_competency_area_label (l->area_name));
      if (l->area_id == selected_area)
        selected = i + 1;
    }
  g_signal_handlers_block_by_func (self->line_dropdown, on_line_dropdown_selected_cb, self);
  gtk_drop_down_set_model (self->line_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->line_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->line_dropdown, on_line_dropdown_selected_cb, self);
  /* The drop-down lists the average first; the store puts it last. */
  update_line (self);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->assessments)) > 0 ? "list" : "empty");
  on_dark_changed_cb (self);
  return TRUE;
}

static GtkWidget *
create_win_row (gpointer item,
                gpointer user_data)
{
  const KorakJournalRecord *r = korak_journal_item_get_record (item);
  g_autofree char *date = korak_date_format (r->date);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("starred-symbolic"));
  return row;
}

/* The small wins from the journal sit beside the measured progress: the
 * first phone call made alone counts as much as a score. */
static gboolean
reload_small_wins (KorakProgressPage  *self,
                   GError            **error)
{
  g_autoptr(GListModel) journal = NULL;
  g_autoptr(GListStore) wins = g_list_store_new (KORAK_TYPE_JOURNAL_ITEM);
  KorakStore *store = self->assessments ? korak_assessment_list_get_store (self->assessments) : NULL;
  guint n;

  if (store != NULL &&
      !(journal = korak_journal_load (store, korak_assessment_list_get_participant_id (self->assessments), error)))
    return FALSE;

  n = journal != NULL ? g_list_model_get_n_items (journal) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakJournalItem) item = g_list_model_get_item (journal, i);

      if (g_strcmp0 (korak_journal_item_get_record (item)->kind, "small_win") == 0)
        g_list_store_append (wins, item);
    }

  gtk_list_box_bind_model (self->wins_box, G_LIST_MODEL (wins), create_win_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->wins_box), g_list_model_get_n_items (G_LIST_MODEL (wins)) > 0);
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (self->wins_box)),
                          g_list_model_get_n_items (G_LIST_MODEL (wins)) > 0);
  return TRUE;
}

static void
reload_or_toast (KorakProgressPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!korak_progress_page_reload (self, &error) || !reload_small_wins (self, &error))
    korak_show_toast (GTK_WIDGET (self), error->message);
}

/* After the journal changed elsewhere in the profile. */
void
korak_progress_page_reload_small_wins (KorakProgressPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KORAK_IS_PROGRESS_PAGE (self));

  if (!reload_small_wins (self, &error))
    korak_show_toast (GTK_WIDGET (self), error->message);
}

void
korak_progress_page_set_participant (KorakProgressPage *self,
                                     KorakStore        *store,
                                     gint64             participant_id)
{
  g_return_if_fail (KORAK_IS_PROGRESS_PAGE (self));

  if (self->assessments != NULL && store == korak_assessment_list_get_store (self->assessments) &&
      participant_id == korak_assessment_list_get_participant_id (self->assessments))
    return;

  g_clear_object (&self->assessments);
  if (store != NULL && participant_id != 0)
    self->assessments = korak_assessment_list_new (store, participant_id);

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->assessments), create_row, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.new-assessment", self->assessments != NULL);
  reload_or_toast (self);
}

static void
on_dialog_saved_cb (KorakAssessmentDialog *dialog,
                    gint64                 id,
                    KorakProgressPage     *self)
{
  reload_or_toast (self);
  korak_show_toast (GTK_WIDGET (self), _("Assessment saved"));
}

static KorakAssessmentDialog *
open_dialog (KorakProgressPage           *self,
             const KorakAssessmentRecord *record)
{
  KorakAssessmentDialog *dialog;
  GtkRoot *root;

  if (self->assessments == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = korak_assessment_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->assessments, record);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

KorakAssessmentDialog *
korak_progress_page_new_assessment (KorakProgressPage *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);
  return open_dialog (self, NULL);
}

KorakAssessmentDialog *
korak_progress_page_edit_assessment (KorakProgressPage *self,
                                     gint64             assessment_id)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);

  if (self->assessments == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->assessments)); i++)
    {
      g_autoptr(KorakAssessmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->assessments), i);

      if (korak_assessment_item_get_id (item) == assessment_id)
        return open_dialog (self, korak_assessment_item_get_record (item));
    }
  return NULL;
}

static void
on_undo_clicked_cb (AdwToast          *toast,
                    KorakProgressPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->deleted == NULL || self->assessments == NULL)
    return;
  if (!korak_assessment_list_restore (self->assessments, self->deleted, &error))
    {
      korak_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_clear_pointer (&self->deleted, korak_assessment_record_free);
  reload_or_toast (self);
}

static void
on_toast_dismissed_cb (AdwToast          *toast,
                       KorakProgressPage *self)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

gboolean
korak_progress_page_delete_assessment (KorakProgressPage *self,
                                       gint64             assessment_id)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), FALSE);

  if (self->assessments == NULL)
    return FALSE;

  g_clear_pointer (&self->deleted, korak_assessment_record_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->assessments)); i++)
    {
      g_autoptr(KorakAssessmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->assessments), i);

      if (korak_assessment_item_get_id (item) == assessment_id)
        self->deleted = korak_assessment_record_copy (korak_assessment_item_get_record (item));
    }

  if (!korak_assessment_list_delete (self->assessments, assessment_id, &error))
    {
      korak_show_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  reload_or_toast (self);

  toast = adw_toast_new (_("Assessment deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, 0);
  g_set_object (&self->undo_toast, toast);
  korak_add_toast (GTK_WIDGET (self), toast);
  return TRUE;
}

static void
new_assessment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  korak_progress_page_new_assessment (KORAK_PROGRESS_PAGE (widget));
}

/* ----------------------------------------------------------------- object */

static void
korak_progress_page_dispose (GObject *object)
{
  KorakProgressPage *self = (KorakProgressPage *)object;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->assessments);
  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->deleted, korak_assessment_record_free);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  korak_star_data_clear (&self->star);
  korak_line_data_clear (&self->line);
  korak_attendance_data_clear (&self->attendance);
  g_clear_pointer (&self->star_description, g_free);
  g_clear_pointer (&self->line_description, g_free);
  g_clear_pointer (&self->attendance_description, g_free);

  G_OBJECT_CLASS (korak_progress_page_parent_class)->dispose (object);
}

static void
korak_progress_page_class_init (KorakProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_progress_page_dispose;

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakProgressPage, wins_box);
  gtk_widget_class_bind_template_child (widget_class, KorakProgressPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProgressPage, star_area);
  gtk_widget_class_bind_template_child (widget_class, KorakProgressPage, line_area);
  gtk_widget_class_bind_template_child (widget_class, KorakProgressPage, attendance_area);
  gtk_widget_class_bind_template_child (widget_class, KorakProgressPage, line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KorakProgressPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakProgressPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_line_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "progress.new-assessment", NULL, new_assessment_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "progress.new-assessment", NULL);
}

static void
korak_progress_page_init (KorakProgressPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->star_area), draw_star_cb, self, NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->line_area), draw_line_cb, self, NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->attendance_area), draw_attendance_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.new-assessment", FALSE);
  reload_or_toast (self);
}

KorakAssessmentList *
korak_progress_page_get_assessments (KorakProgressPage *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);
  return self->assessments;
}

AdwToast *
korak_progress_page_get_undo_toast (KorakProgressPage *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);
  return self->undo_toast;
}

GtkWidget *
korak_progress_page_get_star_area (KorakProgressPage *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);
  return self->star_area;
}

GtkWidget *
korak_progress_page_get_line_area (KorakProgressPage *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);
  return self->line_area;
}

GtkWidget *
korak_progress_page_get_attendance_area (KorakProgressPage *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);
  return self->attendance_area;
}

GtkListBox *
korak_progress_page_get_list_box (KorakProgressPage *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);
  return self->list_box;
}

const char *
korak_progress_page_get_star_description (KorakProgressPage *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);
  return self->star_description;
}

const char *
korak_progress_page_get_line_description (KorakProgressPage *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);
  return self->line_description;
}

const char *
korak_progress_page_get_attendance_description (KorakProgressPage *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), NULL);
  return self->attendance_description;
}

/* How many small wins are shown beside the charts. */
guint
korak_progress_page_get_n_small_wins (KorakProgressPage *self)
{
  guint n = 0;

  g_return_val_if_fail (KORAK_IS_PROGRESS_PAGE (self), 0);

  while (gtk_list_box_get_row_at_index (self->wins_box, n) != NULL)
    n++;
  return n;
}
