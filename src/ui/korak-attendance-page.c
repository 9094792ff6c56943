/* korak-attendance-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-attendance-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-attendance-page.h"
#include "korak-attendance-warnings.h"
#include "korak-date.h"
#include "korak-ui-util.h"

struct _KorakAttendancePage
{
  AdwBin          parent_instance;

  KorakStore     *store;
  GListModel     *warnings;
  GCancellable   *cancellable;
  int             threshold;

  GtkWidget      *sidebar_button;
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkLabel       *explanation_label;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (KorakAttendancePage, korak_attendance_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PARTICIPANT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  const KorakAttendanceWarning *w = korak_warning_item_get_warning (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;
  g_autofree char *figures = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), w->display_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), w->cohort_name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Translators: attendance over four weeks, e.g. "52 % · 25 of 48 h". */
  figures = g_strdup_printf (_("%.0f %% · %.1f of %.1f h"), w->rate * 100,
                             w->attended_hours, w->expected_hours);
  label = gtk_label_new (figures);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "warning-item", g_object_ref (item), g_object_unref);

  return row;
}

static void
on_row_activated_cb (KorakAttendancePage *self,
                     GtkListBoxRow       *row)
{
  KorakWarningItem *item = g_object_get_data (G_OBJECT (row), "warning-item");

  if (item != NULL)
    g_signal_emit (self, signals[PARTICIPANT_ACTIVATED], 0,
                   korak_warning_item_get_warning (item)->participant_id);
}

static void
on_warnings_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(KorakAttendancePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) warnings = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *subtitle = NULL;

  if (!(warnings = korak_attendance_warnings_load_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_object (&self->cancellable);
          korak_show_toast (GTK_WIDGET (self), error->message);
        }
      return;
    }
  g_clear_object (&self->cancellable);

  g_set_object (&self->warnings, warnings);
  gtk_list_box_bind_model (self->list_box, warnings, create_row, self, NULL);

  /* Translators: the subtitle of the Attendance view; %d is the threshold. */
  subtitle = g_strdup_printf (_("Last four weeks, under %d %%"), self->threshold);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  explanation = g_strdup_printf (_("These people attended less than %d %% of the hours of the sessions held "
                                   "in the last four weeks. Open someone to see their profile."),
                                 self->threshold);
  gtk_label_set_text (self->explanation_label, explanation);
  adw_status_page_set_description (self->empty_page,
                                   _("Everyone attended at least the threshold set in preferences over the last four weeks."));
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (warnings) > 0 ? "list" : "empty");
}

/* Reads the warnings on a worker thread; the list shown stays until the
 * new one is there. */
void
korak_attendance_page_reload (KorakAttendancePage *self)
{
  g_autofree char *today = NULL;

  g_return_if_fail (KORAK_IS_ATTENDANCE_PAGE (self));

  if (self->store == NULL)
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  today = korak_date_today ();
  korak_attendance_warnings_load_async (self->store, today, self->threshold / 100.0, self->cancellable,
                                        on_warnings_loaded_cb, g_object_ref (self));
}

/* Whether a reload is still under way. */
gboolean
korak_attendance_page_get_loading (KorakAttendancePage *self)
{
  g_return_val_if_fail (KORAK_IS_ATTENDANCE_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

void
korak_attendance_page_set_store (KorakAttendancePage *self,
                                 KorakStore          *store)
{
  g_return_if_fail (KORAK_IS_ATTENDANCE_PAGE (self));

  g_set_object (&self->store, store);
  korak_attendance_page_reload (self);
}

void
korak_attendance_page_set_threshold (KorakAttendancePage *self,
                                     int                  percent)
{
  g_return_if_fail (KORAK_IS_ATTENDANCE_PAGE (self));

  self->threshold = CLAMP (percent, 0, 100);
  korak_attendance_page_reload (self);
}

GListModel *
korak_attendance_page_get_model (KorakAttendancePage *self)
{
  g_return_val_if_fail (KORAK_IS_ATTENDANCE_PAGE (self), NULL);
  return self->warnings;
}

static void
korak_attendance_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KorakAttendancePage *self = KORAK_ATTENDANCE_PAGE (object);

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
korak_attendance_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KorakAttendancePage *self = KORAK_ATTENDANCE_PAGE (object);

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
korak_attendance_page_dispose (GObject *object)
{
  KorakAttendancePage *self = (KorakAttendancePage *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->warnings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (korak_attendance_page_parent_class)->dispose (object);
}

static void
korak_attendance_page_class_init (KorakAttendancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_attendance_page_dispose;
  object_class->get_property = korak_attendance_page_get_property;
  object_class->set_property = korak_attendance_page_set_property;

  properties[PROP_SHOW_SIDEBAR_BUTTON] =
    g_param_spec_boolean ("show-sidebar-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PARTICIPANT_ACTIVATED] =
    g_signal_new ("participant-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-attendance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakAttendancePage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendancePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendancePage, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendancePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendancePage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendancePage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
korak_attendance_page_init (KorakAttendancePage *self)
{
  self->threshold = 75;
  gtk_widget_init_template (GTK_WIDGET (self));
}
