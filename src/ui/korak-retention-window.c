/* korak-retention-window.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-retention-window"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-audit.h"
#include "korak-date.h"
#include "korak-erase-dialog.h"
#include "korak-retention-window.h"
#include "korak-ui-util.h"

#define SCHEMA_ID "io.github.korak.Korak"
#define DEFAULT_YEARS 10

struct _KorakRetentionWindow
{
  AdwWindow             parent_instance;

  KorakStore           *store;
  GSettings            *settings;   /* NULL when the schema is not installed */
  GPtrArray            *people;     /* KorakRetentionRecord */

  GtkAdjustment        *years_adjustment;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwPreferencesGroup  *people_group;
  GtkListBox           *list_box;
};

G_DEFINE_FINAL_TYPE (KorakRetentionWindow, korak_retention_window, ADW_TYPE_WINDOW)

enum {
  PERSON_ERASED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
get_years (KorakRetentionWindow *self)
{
  return (guint) MAX (1, gtk_adjustment_get_value (self->years_adjustment));
}

static char *
dup_name (const KorakRetentionRecord *record)
{
  /* Translators: a person's given name, then family name */
  return g_strdup_printf (_("%s %s"), record->given_name, record->family_name);
}

static void
on_erase_clicked_cb (GtkButton            *button,
                     KorakRetentionWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  if (row != NULL)
    korak_retention_window_erase_at (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static GtkWidget *
make_row (KorakRetentionWindow       *self,
          const KorakRetentionRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Erase…"));
  g_autofree char *name = dup_name (record);
  g_autofree char *date = korak_date_format (record->last_date);
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;

  if (record->enrolled)
    /* Translators: %s is a date */
    subtitle = g_strdup_printf (_("Last enrolment ended %s"), date);
  else
    /* Translators: %s is a date */
    subtitle = g_strdup_printf (_("Referred %s, never enrolled"), date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: %s is a person's name */
  tooltip = g_strdup_printf (_("Erase everything Korak holds about %s"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  g_signal_connect (button, "clicked", G_CALLBACK (on_erase_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

gboolean
korak_retention_window_reload (KorakRetentionWindow  *self,
                               GError               **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  guint years;

  g_return_val_if_fail (KORAK_IS_RETENTION_WINDOW (self), FALSE);

  years = get_years (self);
  people = korak_store_list_retention_due (self->store, years, NULL, error);
  if (people == NULL)
    return FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = g_steal_pointer (&people);
  for (guint i = 0; i < self->people->len; i++)
    gtk_list_box_append (self->list_box, make_row (self, g_ptr_array_index (self->people, i)));

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Their last enrolment ended more than %u year ago, and they are in no "
                                              "programme now. Erase their data unless there is a reason to keep it.",
                                              "Their last enrolment ended more than %u years ago, and they are in no "
                                              "programme now. Erase their data unless there is a reason to keep it.",
                                              years), years);
  adw_preferences_group_set_description (self->people_group, description);
  g_clear_pointer (&description, g_free);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Nobody’s last enrolment ended more than %u year ago.",
                                              "Nobody’s last enrolment ended more than %u years ago.",
                                              years), years);
  adw_status_page_set_description (self->empty_page, description);

  gtk_stack_set_visible_child_name (self->stack, self->people->len > 0 ? "list" : "empty");

  return TRUE;
}

static void
reload_or_say (KorakRetentionWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!korak_retention_window_reload (self, &error))
    {
      adw_status_page_set_title (self->empty_page, _("The List Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
on_years_changed_cb (KorakRetentionWindow *self)
{
  if (self->store != NULL)
    reload_or_say (self);
}

static void
on_erased_cb (KorakEraseDialog     *dialog,
              gint64                participant_id,
              KorakRetentionWindow *self)
{
  reload_or_say (self);
  g_signal_emit (self, signals[PERSON_ERASED], 0, participant_id);
  korak_show_toast (GTK_WIDGET (self), _("Personal data erased"));
}

GtkWindow *
korak_retention_window_erase_at (KorakRetentionWindow *self,
                                 guint                 position)
{
  KorakRetentionRecord *record;
  g_autofree char *name = NULL;
  KorakEraseDialog *dialog;

  g_return_val_if_fail (KORAK_IS_RETENTION_WINDOW (self), NULL);

  if (self->people == NULL || position >= self->people->len)
    return NULL;

  record = g_ptr_array_index (self->people, position);
  name = dup_name (record);
  dialog = korak_erase_dialog_new (GTK_WINDOW (self), self->store, record->participant_id, name);
  g_signal_connect_object (dialog, "erased", G_CALLBACK (on_erased_cb), self, 0);

  return GTK_WINDOW (dialog);
}

static void
korak_retention_window_dispose (GObject *object)
{
  KorakRetentionWindow *self = (KorakRetentionWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_retention_window_parent_class)->dispose (object);
}

static void
korak_retention_window_class_init (KorakRetentionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_retention_window_dispose;

  signals[PERSON_ERASED] =
    g_signal_new ("person-erased", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-retention-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakRetentionWindow, years_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KorakRetentionWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakRetentionWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KorakRetentionWindow, people_group);
  gtk_widget_class_bind_template_child (widget_class, KorakRetentionWindow, list_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
korak_retention_window_init (KorakRetentionWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE)) != NULL &&
      g_settings_schema_has_key (schema, "retention-years"))
    {
      self->settings = g_settings_new (SCHEMA_ID);
      g_settings_bind (self->settings, "retention-years", self->years_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
    }
  else
    gtk_adjustment_set_value (self->years_adjustment, DEFAULT_YEARS);

  g_signal_connect_swapped (self->years_adjustment, "value-changed", G_CALLBACK (on_years_changed_cb), self);
}

/**
 * korak_retention_window_new:
 *
 * Returns: (transfer none): the window, presented, with its list read
 */
KorakRetentionWindow *
korak_retention_window_new (GtkWindow  *parent,
                            KorakStore *store)
{
  KorakRetentionWindow *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_RETENTION_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  reload_or_say (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

guint
korak_retention_window_get_n_people (KorakRetentionWindow *self)
{
  g_return_val_if_fail (KORAK_IS_RETENTION_WINDOW (self), 0);

  return self->people ? self->people->len : 0;
}

void
korak_retention_window_set_years (KorakRetentionWindow *self,
                                  guint                 years)
{
  g_return_if_fail (KORAK_IS_RETENTION_WINDOW (self));

  gtk_adjustment_set_value (self->years_adjustment, years);
}
