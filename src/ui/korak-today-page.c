/* korak-today-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-date.h"
#include "korak-today-page.h"
#include "korak-ui-util.h"

#define MAX_ROWS 25

typedef struct
{
  const char *name;         /* widget name of its rows, for tests */
  const char *title;
  const char *icon;
  const char *empty;
} SectionInfo;

static const SectionInfo sections[KORAK_TODAY_N_SECTIONS] = {
  { "today-session", N_("Sessions Today"), "x-office-calendar-symbolic", N_("No sessions on this day.") },
  { "today-review", N_("Plan Reviews"), "document-edit-symbolic", N_("No plan review is due this week.") },
  { "today-follow-up", N_("Follow-Ups Due"), "call-start-symbolic", N_("No follow-up is due.") },
  { "today-attendance", N_("Attendance Warnings"), "dialog-warning-symbolic", N_("Everyone attends as agreed.") },
  { "today-small-win", N_("Newest Small Wins"), "starred-symbolic", N_("No small wins written down yet.") },
};

struct _KorakTodayPage
{
  AdwBin                parent_instance;

  KorakStore           *store;
  KorakToday           *today;
  GCancellable         *cancellable;
  GtkWidget            *loading_spinner;
  char                 *date;
  int                   threshold;
  AdwPreferencesGroup  *groups[KORAK_TODAY_N_SECTIONS];
  GPtrArray            *rows[KORAK_TODAY_N_SECTIONS];

  GtkWidget            *sidebar_button;
  AdwWindowTitle       *window_title;
  GtkBox               *content_box;
  GtkLabel             *greeting_label;
};

G_DEFINE_FINAL_TYPE (KorakTodayPage, korak_today_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_activated_cb (AdwActionRow   *row,
                     KorakTodayPage *self)
{
  KorakTodayItem *item = g_object_get_data (G_OBJECT (row), "today-item");

  if (item != NULL)
    g_signal_emit (self, signals[OPEN], 0, korak_today_item_get_kind (item), korak_today_item_get_id (item));
}

static GtkWidget *
create_row (KorakTodayPage    *self,
            KorakTodaySection  section,
            KorakTodayItem    *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  const char *subtitle = korak_today_item_get_subtitle (item);

  gtk_widget_set_name (row, sections[section].name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), korak_today_item_get_title (item));
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

  badge = gtk_label_new (korak_today_item_get_badge (item));
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_add_css_class (badge, korak_today_item_get_warning (item) ? "warning" : "dim-label");
  if (section == KORAK_TODAY_SMALL_WINS || section == KORAK_TODAY_SESSIONS)
    gtk_widget_add_css_class (badge, "caption");
  /* Long badges ("Overdue since …") wrap at 360 px; a time never does. */
  if (section != KORAK_TODAY_SESSIONS)
    {
      gtk_label_set_wrap (GTK_LABEL (badge), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (badge), 14);
      gtk_label_set_justify (GTK_LABEL (badge), GTK_JUSTIFY_RIGHT);
    }
  gtk_label_set_xalign (GTK_LABEL (badge), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "today-item", g_object_ref (item), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
  return row;
}

static void
fill_section (KorakTodayPage    *self,
              KorakTodaySection  section)
{
  GListModel *model = korak_today_get_section (self->today, section);
  guint n = g_list_model_get_n_items (model);
  AdwPreferencesGroup *group = self->groups[section];

  for (guint i = 0; i < self->rows[section]->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (self->rows[section], i));
  g_ptr_array_set_size (self->rows[section], 0);

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(sections[section].empty));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_widget_set_name (row, "today-empty");
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows[section], row);
    }
  for (guint i = 0; i < MIN (n, MAX_ROWS); i++)
    {
      g_autoptr(KorakTodayItem) item = g_list_model_get_item (model, i);
      GtkWidget *row = create_row (self, section, item);

      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows[section], row);
    }
  /* A long backlog stays readable: the oldest first, then how many more. */
  if (n > MAX_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more", "And %u more", n - MAX_ROWS), n - MAX_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_widget_set_name (row, "today-more");
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows[section], row);
    }
}

static void
on_today_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KorakTodayPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!korak_today_load_finish (KORAK_TODAY (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      gtk_widget_set_visible (self->loading_spinner, FALSE);
      korak_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (self->loading_spinner, FALSE);

  for (guint i = 0; i < KORAK_TODAY_N_SECTIONS; i++)
    fill_section (self, i);
}

void
korak_today_page_reload (KorakTodayPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int hour = g_date_time_get_hour (now);

  g_return_if_fail (KORAK_IS_TODAY_PAGE (self));

  if (self->store == NULL)
    return;

  today = self->date ? g_strdup (self->date) : korak_date_today ();
  shown = korak_date_format (today);
  adw_window_title_set_subtitle (self->window_title, shown);
  gtk_label_set_text (self->greeting_label,
                      hour < 12 ? _("Good morning") : hour < 18 ? _("Good afternoon") : _("Good evening"));

  /* Read on a worker thread; the sections shown stay until the new ones are in. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->loading_spinner, TRUE);
  korak_today_load_async (self->today, self->store, today, self->threshold / 100.0, self->cancellable,
                          on_today_loaded_cb, g_object_ref (self));
}

/* Whether a reload is still under way. */
gboolean
korak_today_page_get_loading (KorakTodayPage *self)
{
  g_return_val_if_fail (KORAK_IS_TODAY_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

void
korak_today_page_set_store (KorakTodayPage *self,
                            KorakStore     *store)
{
  g_return_if_fail (KORAK_IS_TODAY_PAGE (self));

  g_set_object (&self->store, store);
  korak_today_page_reload (self);
}

void
korak_today_page_set_threshold (KorakTodayPage *self,
                                int             percent)
{
  g_return_if_fail (KORAK_IS_TODAY_PAGE (self));

  self->threshold = CLAMP (percent, 0, 100);
  korak_today_page_reload (self);
}

void
korak_today_page_set_date (KorakTodayPage *self,
                           const char     *date)
{
  g_return_if_fail (KORAK_IS_TODAY_PAGE (self));

  g_free (self->date);
  self->date = korak_date_is_iso (date) ? g_strdup (date) : NULL;
  korak_today_page_reload (self);
}

KorakToday *
korak_today_page_get_model (KorakTodayPage *self)
{
  g_return_val_if_fail (KORAK_IS_TODAY_PAGE (self), NULL);
  return self->today;
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  korak_today_page_reload (KORAK_TODAY_PAGE (widget));
}

static void
korak_today_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KorakTodayPage *self = KORAK_TODAY_PAGE (object);

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
korak_today_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KorakTodayPage *self = KORAK_TODAY_PAGE (object);

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
korak_today_page_dispose (GObject *object)
{
  KorakTodayPage *self = (KorakTodayPage *)object;

  g_clear_object (&self->today);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->date, g_free);
  for (guint i = 0; i < KORAK_TODAY_N_SECTIONS; i++)
    g_clear_pointer (&self->rows[i], g_ptr_array_unref);

  G_OBJECT_CLASS (korak_today_page_parent_class)->dispose (object);
}

static void
korak_today_page_class_init (KorakTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_today_page_dispose;
  object_class->get_property = korak_today_page_get_property;
  object_class->set_property = korak_today_page_set_property;

  properties[PROP_SHOW_SIDEBAR_BUTTON] =
    g_param_spec_boolean ("show-sidebar-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN] =
    g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakTodayPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, KorakTodayPage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KorakTodayPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, KorakTodayPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, KorakTodayPage, greeting_label);

  gtk_widget_class_install_action (widget_class, "today.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "today.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "today.reload", NULL);
}

static void
korak_today_page_init (KorakTodayPage *self)
{
  self->threshold = 75;
  self->today = korak_today_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < KORAK_TODAY_N_SECTIONS; i++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (sections[i].icon);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(sections[i].title));
      gtk_widget_add_css_class (icon, "dim-label");
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), icon);
      gtk_box_append (self->content_box, group);
      self->groups[i] = ADW_PREFERENCES_GROUP (group);
      self->rows[i] = g_ptr_array_new ();
    }
}
