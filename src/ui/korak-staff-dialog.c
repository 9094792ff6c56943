/* korak-staff-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-staff-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-cohort-util.h"
#include "korak-staff-dialog.h"
#include "korak-ui-util.h"

struct _KorakStaffDialog
{
  AdwWindow           parent_instance;

  KorakStaffList     *staff;
  gint64              editing_id;

  GtkWidget          *back_button;
  GtkWidget          *add_button;
  AdwWindowTitle     *window_title;
  GtkWidget          *save_button;
  GtkStack           *stack;
  AdwPreferencesPage *edit_page;
  GtkWidget          *error_label;
  AdwEntryRow        *given_row;
  AdwEntryRow        *family_row;
  AdwComboRow        *role_row;
  AdwEntryRow        *languages_row;
  AdwEntryRow        *email_row;
  AdwEntryRow        *phone_row;
  GtkWidget          *archive_group;
  GtkWidget          *archive_button;
  GtkListBox         *list_box;
};

G_DEFINE_FINAL_TYPE (KorakStaffDialog, korak_staff_dialog, ADW_TYPE_WINDOW)

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

static void
rebuild_list (KorakStaffDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));

  clear_list_box (self->list_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakStaffItem) item = g_list_model_get_item (G_LIST_MODEL (self->staff), i);
      const KorakStaffRecord *record = korak_staff_item_get_record (item);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      gint64 *id = g_new (gint64, 1);

      if (record->languages != NULL && *record->languages != '\0')
        /* Translators: a staff member's role, then the languages they speak */
        subtitle = g_strdup_printf (_("%s · %s"), korak_staff_item_get_role_label (item), record->languages);
      else
        subtitle = g_strdup (korak_staff_item_get_role_label (item));

      *id = record->id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), korak_staff_item_get_display_name (item));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (korak_staff_item_get_archived (item))
        {
          GtkWidget *label = gtk_label_new (C_("staff", "Archived"));

          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "caption");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, "staff-row");
      g_object_set_data_full (G_OBJECT (row), "staff-id", id, g_free);
      gtk_list_box_append (self->list_box, row);
    }
}

static void
show_list (KorakStaffDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->add_button, TRUE);
  gtk_widget_set_visible (self->save_button, FALSE);
  adw_window_title_set_title (self->window_title, _("Staff"));
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
}

static KorakStaffItem *
find_item (KorakStaffDialog *self,
           gint64            id)
{
  guint position;

  if (id == 0 || !korak_staff_list_find (self->staff, id, &position))
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->staff), position);
}

void
korak_staff_dialog_edit (KorakStaffDialog *self,
                         gint64            staff_id)
{
  g_autoptr(KorakStaffItem) item = NULL;
  g_autoptr(KorakStaffRecord) fresh = NULL;
  const KorakStaffRecord *record;

  g_return_if_fail (KORAK_IS_STAFF_DIALOG (self));

  if ((item = find_item (self, staff_id)))
    record = korak_staff_item_get_record (item);
  else
    {
      staff_id = 0;
      record = fresh = korak_staff_record_new ();
    }

  self->editing_id = staff_id;
  korak_error_label_set (self->error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->given_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->given_row), record->given_name ? record->given_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->family_row), record->family_name ? record->family_name : "");
  korak_choice_combo_fill (self->role_row, korak_staff_roles (), NULL, record->role ? record->role : "mentor");
  gtk_editable_set_text (GTK_EDITABLE (self->languages_row), record->languages ? record->languages : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), record->email ? record->email : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), record->phone ? record->phone : "");

  gtk_widget_set_visible (self->archive_group, staff_id != 0);
  gtk_button_set_label (GTK_BUTTON (self->archive_button),
                        record->archived_at ? _("_Restore from Archive") : _("_Archive"));
  gtk_widget_remove_css_class (self->archive_button, "destructive-action");
  if (record->archived_at == NULL)
    gtk_widget_add_css_class (self->archive_button, "destructive-action");

  if (staff_id != 0)
    {
      g_autofree char *name = korak_staff_record_display_name (record);

      adw_window_title_set_title (self->window_title, name);
    }
  else
    adw_window_title_set_title (self->window_title, _("New Staff Member"));

  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_set_visible (self->save_button, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  korak_scroll_to_top (GTK_WIDGET (self->edit_page));
  gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
}

static char *
dup_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

gboolean
korak_staff_dialog_save (KorakStaffDialog *self)
{
  g_autoptr(KorakStaffItem) item = NULL;
  g_autoptr(KorakStaffRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *given = NULL;

  g_return_val_if_fail (KORAK_IS_STAFF_DIALOG (self), FALSE);

  korak_error_label_set (self->error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->given_row), "error");

  if (!(given = dup_text (self->given_row)))
    {
      korak_error_label_set (self->error_label, _("Type the person’s given name."));
      gtk_widget_add_css_class (GTK_WIDGET (self->given_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
      return FALSE;
    }

  if ((item = find_item (self, self->editing_id)))
    record = korak_staff_record_copy (korak_staff_item_get_record (item));
  else
    record = korak_staff_record_new ();

  g_free (record->given_name);
  record->given_name = g_steal_pointer (&given);
  g_free (record->family_name);
  record->family_name = dup_text (self->family_row);
  g_free (record->role);
  record->role = g_strdup (korak_choice_combo_get (self->role_row));
  g_free (record->languages);
  record->languages = dup_text (self->languages_row);
  g_free (record->email);
  record->email = dup_text (self->email_row);
  g_free (record->phone);
  record->phone = dup_text (self->phone_row);

  if (!korak_staff_list_save (self->staff, record, &error))
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
korak_staff_dialog_get_error (KorakStaffDialog *self)
{
  g_return_val_if_fail (KORAK_IS_STAFF_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

static void
on_row_activated_cb (KorakStaffDialog *self,
                     GtkListBoxRow    *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "staff-id");

  if (id != NULL)
    korak_staff_dialog_edit (self, *id);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  korak_staff_dialog_edit (KORAK_STAFF_DIALOG (widget), 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KorakStaffDialog *self = KORAK_STAFF_DIALOG (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") == 0)
    korak_staff_dialog_save (self);
}

/* Archiving keeps the person on past cohorts and notes; nothing is deleted. */
static void
toggle_archived_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  KorakStaffDialog *self = KORAK_STAFF_DIALOG (widget);
  g_autoptr(KorakStaffItem) item = find_item (self, self->editing_id);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;

  if (!korak_staff_list_set_archived (self->staff, self->editing_id,
                                      !korak_staff_item_get_archived (item), &error))
    {
      korak_error_label_set (self->error_label, error->message);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  show_list (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  show_list (KORAK_STAFF_DIALOG (widget));
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KorakStaffDialog *self = KORAK_STAFF_DIALOG (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->staff)) > 0)
    show_list (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
korak_staff_dialog_dispose (GObject *object)
{
  KorakStaffDialog *self = (KorakStaffDialog *)object;

  if (self->staff != NULL)
    g_signal_handlers_disconnect_by_data (self->staff, self);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (korak_staff_dialog_parent_class)->dispose (object);
}

static void
korak_staff_dialog_class_init (KorakStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_staff_dialog_dispose;

  /* A staff member was stored, archived or restored. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, edit_page);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, given_row);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, family_row);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, languages_row);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, archive_group);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, archive_button);
  gtk_widget_class_bind_template_child (widget_class, KorakStaffDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "dialog.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "dialog.toggle-archived", NULL, toggle_archived_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "dialog.add", NULL);
}

static void
korak_staff_dialog_init (KorakStaffDialog *self)
{
  GtkWidget *placeholder = gtk_label_new (_("No staff yet. Add mentors and mediators with the + button."));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list_box, placeholder);
}

KorakStaffDialog *
korak_staff_dialog_new (GtkWindow      *parent,
                        KorakStaffList *staff)
{
  KorakStaffDialog *self;

  g_return_val_if_fail (KORAK_IS_STAFF_LIST (staff), NULL);

  self = g_object_new (KORAK_TYPE_STAFF_DIALOG, "transient-for", parent, NULL);
  self->staff = g_object_ref (staff);
  g_signal_connect_swapped (staff, "items-changed", G_CALLBACK (rebuild_list), self);
  rebuild_list (self);
  show_list (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (staff)) == 0)
    korak_staff_dialog_edit (self, 0);

  return self;
}
