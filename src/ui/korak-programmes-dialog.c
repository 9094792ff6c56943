/* korak-programmes-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-programmes-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-cohort-util.h"
#include "korak-programmes-dialog.h"
#include "korak-ui-util.h"

struct _KorakProgrammesDialog
{
  AdwWindow           parent_instance;

  KorakProgrammeList *programmes;
  gint64              editing_id;

  GtkWidget          *back_button;
  GtkWidget          *add_button;
  AdwWindowTitle     *window_title;
  GtkWidget          *save_button;
  GtkStack           *stack;
  AdwPreferencesPage *edit_page;
  GtkWidget          *error_label;
  AdwEntryRow        *name_row;
  AdwComboRow        *target_row;
  GtkSpinButton      *hours_spin;
  GtkListBox         *plan_list;
  GtkListBox         *list_box;
};

G_DEFINE_FINAL_TYPE (KorakProgrammesDialog, korak_programmes_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static char *
programme_summary (const KorakProgrammeRecord *record)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int weeks = 0;

  for (guint i = 0; record->plan && i < record->plan->len; i++)
    weeks += ((KorakPlanStep *)g_ptr_array_index (record->plan, i))->weeks;

  if (record->target_group != NULL)
    g_ptr_array_add (parts, g_strdup (korak_choice_label (korak_participant_target_groups (), record->target_group)));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d module", "%d modules",
                                                        record->plan ? record->plan->len : 0),
                                           record->plan ? record->plan->len : 0));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", weeks), weeks));
  if (record->required_hours > 0)
    /* Translators: required hours of a programme */
    g_ptr_array_add (parts, g_strdup_printf (_("%d h required"), record->required_hours));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static void
rebuild_list (KorakProgrammesDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->programmes));

  clear_list_box (self->list_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakProgrammeItem) item = g_list_model_get_item (G_LIST_MODEL (self->programmes), i);
      const KorakProgrammeRecord *record = korak_programme_item_get_record (item);
      g_autofree char *summary = programme_summary (record);
      GtkWidget *row = adw_action_row_new ();
      gint64 *id = g_new (gint64, 1);

      *id = record->id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, "programme-row");
      g_object_set_data_full (G_OBJECT (row), "programme-id", id, g_free);
      gtk_list_box_append (self->list_box, row);
    }
}

static void
renumber_steps (KorakProgrammesDialog *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->plan_list, i)); i++)
    {
      g_autofree char *title = g_strdup_printf (_("Module %d"), i + 1);
      GtkWidget *remove = g_object_get_data (G_OBJECT (row), "remove");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      /* A programme has at least one module. */
      gtk_widget_set_sensitive (remove, gtk_list_box_get_row_at_index (self->plan_list, 1) != NULL);
    }
}

static void
on_remove_step_cb (GtkButton             *button,
                   KorakProgrammesDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->plan_list, row);
  renumber_steps (self);
}

static void
add_step_row (KorakProgrammesDialog *self,
              const char            *kind,
              int                    weeks)
{
  const KorakChoice *kinds = korak_module_kinds ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown, *spin, *unit, *remove;
  guint selected = 0;

  for (guint i = 0; kinds[i].code; i++)
    {
      gtk_string_list_append (labels, _(kinds[i].label));
      if (g_strcmp0 (kinds[i].code, kind) == 0)
        selected = i;
    }

  dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_name (dropdown, "kind");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of module"), -1);

  spin = gtk_spin_button_new_with_range (1, 104, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), weeks);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, "weeks");
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weeks"), -1);

  unit = gtk_label_new (_("weeks"));
  gtk_widget_add_css_class (unit, "dim-label");

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Module"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Module"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_step_cb), self);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  gtk_widget_set_name (row, "plan-step");
  g_object_set_data (G_OBJECT (row), "kind", dropdown);
  g_object_set_data (G_OBJECT (row), "weeks", spin);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  gtk_list_box_append (self->plan_list, row);
  renumber_steps (self);
}

static void
show_list (KorakProgrammesDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->add_button, TRUE);
  gtk_widget_set_visible (self->save_button, FALSE);
  adw_window_title_set_title (self->window_title, _("Programmes"));
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
}

void
korak_programmes_dialog_edit (KorakProgrammesDialog *self,
                              gint64                 programme_id)
{
  g_autoptr(KorakProgrammeRecord) fresh = NULL;
  const KorakProgrammeRecord *record = NULL;
  g_autoptr(KorakProgrammeItem) item = NULL;
  guint position;

  g_return_if_fail (KORAK_IS_PROGRAMMES_DIALOG (self));

  if (programme_id != 0 && korak_programme_list_find (self->programmes, programme_id, &position))
    {
      item = g_list_model_get_item (G_LIST_MODEL (self->programmes), position);
      record = korak_programme_item_get_record (item);
    }
  else
    {
      programme_id = 0;
      record = fresh = korak_programme_record_new ();
    }

  self->editing_id = programme_id;
  korak_error_label_set (self->error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), record->name ? record->name : "");
  korak_choice_combo_fill (self->target_row, korak_participant_target_groups (), _("Any"), record->target_group);
  gtk_spin_button_set_value (self->hours_spin, record->required_hours);

  clear_list_box (self->plan_list);
  for (guint i = 0; record->plan && i < record->plan->len; i++)
    {
      KorakPlanStep *step = g_ptr_array_index (record->plan, i);

      add_step_row (self, step->kind, step->weeks);
    }

  adw_window_title_set_title (self->window_title, programme_id ? record->name : _("New Programme"));
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_set_visible (self->save_button, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  korak_scroll_to_top (GTK_WIDGET (self->edit_page));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * korak_programmes_dialog_save:
 *
 * Stores the programme in the form and goes back to the list; on failure
 * says why above the form and keeps it.
 */
gboolean
korak_programmes_dialog_save (KorakProgrammesDialog *self)
{
  g_autoptr(KorakProgrammeRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *target;
  GtkListBoxRow *row;
  guint position;

  g_return_val_if_fail (KORAK_IS_PROGRAMMES_DIALOG (self), FALSE);

  korak_error_label_set (self->error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    {
      korak_error_label_set (self->error_label, _("Give the programme a name, for example “Social activation”."));
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }

  if (gtk_list_box_get_row_at_index (self->plan_list, 0) == NULL)
    {
      korak_error_label_set (self->error_label, _("A programme needs at least one module. Add one with Add Module."));
      return FALSE;
    }

  if (self->editing_id != 0 && korak_programme_list_find (self->programmes, self->editing_id, &position))
    {
      g_autoptr(KorakProgrammeItem) item = g_list_model_get_item (G_LIST_MODEL (self->programmes), position);

      record = korak_programme_record_copy (korak_programme_item_get_record (item));
    }
  else
    record = korak_programme_record_new ();

  target = korak_choice_combo_get (self->target_row);
  g_free (record->name);
  record->name = g_steal_pointer (&name);
  g_free (record->target_group);
  record->target_group = g_strdup (target);
  gtk_spin_button_update (self->hours_spin);
  record->required_hours = gtk_spin_button_get_value_as_int (self->hours_spin);

  g_ptr_array_set_size (record->plan, 0);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->plan_list, i)); i++)
    {
      GtkDropDown *kind = g_object_get_data (G_OBJECT (row), "kind");
      GtkSpinButton *weeks = g_object_get_data (G_OBJECT (row), "weeks");

      gtk_spin_button_update (weeks);
      korak_programme_record_add_step (record,
                                       korak_module_kinds ()[gtk_drop_down_get_selected (kind)].code,
                                       gtk_spin_button_get_value_as_int (weeks));
    }

  if (!korak_programme_list_save (self->programmes, record, &error))
    {
      korak_error_label_set (self->error_label, error->message);
      korak_scroll_to_top (GTK_WIDGET (self->edit_page));
      return FALSE;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  show_list (self);

  return TRUE;
}

const char *
korak_programmes_dialog_get_error (KorakProgrammesDialog *self)
{
  g_return_val_if_fail (KORAK_IS_PROGRAMMES_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

static void
on_row_activated_cb (KorakProgrammesDialog *self,
                     GtkListBoxRow         *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "programme-id");

  if (id != NULL)
    korak_programmes_dialog_edit (self, *id);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  korak_programmes_dialog_edit (KORAK_PROGRAMMES_DIALOG (widget), 0);
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  add_step_row (KORAK_PROGRAMMES_DIALOG (widget), "other", 4);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KorakProgrammesDialog *self = KORAK_PROGRAMMES_DIALOG (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") == 0)
    korak_programmes_dialog_save (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  show_list (KORAK_PROGRAMMES_DIALOG (widget));
}

/* Escape leaves the form first, then the dialog. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KorakProgrammesDialog *self = KORAK_PROGRAMMES_DIALOG (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->programmes)) > 0)
    show_list (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
korak_programmes_dialog_dispose (GObject *object)
{
  KorakProgrammesDialog *self = (KorakProgrammesDialog *)object;

  if (self->programmes != NULL)
    g_signal_handlers_disconnect_by_data (self->programmes, self);
  g_clear_object (&self->programmes);

  G_OBJECT_CLASS (korak_programmes_dialog_parent_class)->dispose (object);
}

static void
korak_programmes_dialog_class_init (KorakProgrammesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_programmes_dialog_dispose;

  /* A programme was stored. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/korak/Korak/ui/korak-programmes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, edit_page);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, plan_list);
  gtk_widget_class_bind_template_child (widget_class, KorakProgrammesDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "dialog.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "dialog.escape", NULL, escape_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "dialog.add", NULL);
}

static void
korak_programmes_dialog_init (KorakProgrammesDialog *self)
{
  GtkWidget *placeholder = gtk_label_new (_("No programmes yet. Add the first with the + button."));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hours_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Required hours"), -1);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list_box, placeholder);
}

KorakProgrammesDialog *
korak_programmes_dialog_new (GtkWindow          *parent,
                             KorakProgrammeList *programmes)
{
  KorakProgrammesDialog *self;

  g_return_val_if_fail (KORAK_IS_PROGRAMME_LIST (programmes), NULL);

  self = g_object_new (KORAK_TYPE_PROGRAMMES_DIALOG, "transient-for", parent, NULL);
  self->programmes = g_object_ref (programmes);
  g_signal_connect_swapped (programmes, "items-changed", G_CALLBACK (rebuild_list), self);
  rebuild_list (self);
  show_list (self);

  /* With nothing to choose from, the form for the first one opens at once. */
  if (g_list_model_get_n_items (G_LIST_MODEL (programmes)) == 0)
    korak_programmes_dialog_edit (self, 0);

  return self;
}
