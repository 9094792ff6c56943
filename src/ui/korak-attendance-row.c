/* korak-attendance-row.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-attendance-row"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-attendance-row.h"
#include "korak-ui-util.h"

struct _KorakAttendanceRow
{
  GtkListBoxRow     parent_instance;

  KorakRegisterRow *item;
  double            session_hours;
  gboolean          syncing;

  GtkLabel         *name_label;
  GtkWidget        *present_button;
  GtkWidget        *late_button;
  GtkWidget        *excused_button;
  GtkWidget        *absent_button;
  GtkSpinButton    *hours_button;
  GtkEditable      *remark_entry;
};

G_DEFINE_FINAL_TYPE (KorakAttendanceRow, korak_attendance_row, GTK_TYPE_LIST_BOX_ROW)

static const char *states[] = { "present", "late", "excused", "absent" };

GtkWidget *
korak_attendance_row_get_toggle (KorakAttendanceRow *self,
                                 const char         *state)
{
  GtkWidget *buttons[] = { self->present_button, self->late_button, self->excused_button, self->absent_button };

  g_return_val_if_fail (KORAK_IS_ATTENDANCE_ROW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i], state) == 0)
      return buttons[i];

  return NULL;
}

static void
update_accessible (KorakAttendanceRow *self)
{
  const char *state = korak_register_row_get_state (self->item);
  g_autofree char *label = NULL;

  label = g_strdup_printf ("%s, %s", korak_register_row_get_display_name (self->item),
                           state != NULL ? korak_choice_label (korak_attendance_states (), state)
                                         : _("not marked"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The model is the truth; the widgets follow it. */
static void
sync_from_item (KorakAttendanceRow *self)
{
  const char *state = korak_register_row_get_state (self->item);
  const char *remark = korak_register_row_get_remark (self->item);

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (korak_attendance_row_get_toggle (self, states[i])),
                                  g_strcmp0 (state, states[i]) == 0);
  gtk_spin_button_set_value (self->hours_button, korak_register_row_get_hours (self->item));
  gtk_widget_set_sensitive (GTK_WIDGET (self->hours_button), korak_attendance_state_counts (state));
  if (g_strcmp0 (gtk_editable_get_text (self->remark_entry), remark ? remark : "") != 0)
    gtk_editable_set_text (self->remark_entry, remark ? remark : "");
  self->syncing = FALSE;

  update_accessible (self);
}

/* Present or late with no hours yet means the whole session; excused and
 * absent count no hours. */
static void
set_state (KorakAttendanceRow *self,
           const char         *state)
{
  korak_register_row_set_state (self->item, state);
  if (!korak_attendance_state_counts (state))
    korak_register_row_set_hours (self->item, 0);
  else if (korak_register_row_get_hours (self->item) == 0)
    korak_register_row_set_hours (self->item, self->session_hours);
}

static void
on_toggle_cb (KorakAttendanceRow *self,
              GtkToggleButton    *button)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (GTK_WIDGET (button) == korak_attendance_row_get_toggle (self, states[i]))
      set_state (self, states[i]);
}

static void
on_hours_changed_cb (KorakAttendanceRow *self)
{
  if (!self->syncing)
    korak_register_row_set_hours (self->item, gtk_spin_button_get_value (self->hours_button));
}

static void
on_remark_changed_cb (KorakAttendanceRow *self)
{
  if (!self->syncing)
    korak_register_row_set_remark (self->item, gtk_editable_get_text (self->remark_entry));
}

/**
 * korak_attendance_row_handle_key:
 *
 * Marks the row from a key: P present, L late, E excused, A absent,
 * Delete or BackSpace clears; then the focus moves to the next person, as
 * down a paper list. Returns %TRUE when the key was a mark.
 */
gboolean
korak_attendance_row_handle_key (KorakAttendanceRow *self,
                                 guint               keyval,
                                 GdkModifierType     modifiers)
{
  g_return_val_if_fail (KORAK_IS_ATTENDANCE_ROW (self), FALSE);

  if (modifiers & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_p:
      set_state (self, "present");
      break;
    case GDK_KEY_l:
      set_state (self, "late");
      break;
    case GDK_KEY_e:
      set_state (self, "excused");
      break;
    case GDK_KEY_a:
      set_state (self, "absent");
      break;
    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      korak_register_row_set_state (self->item, NULL);
      korak_register_row_set_hours (self->item, 0);
      break;
    default:
      return FALSE;
    }

  if (gtk_widget_get_next_sibling (GTK_WIDGET (self)) != NULL)
    gtk_widget_grab_focus (gtk_widget_get_next_sibling (GTK_WIDGET (self)));
  return TRUE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        modifiers,
                   KorakAttendanceRow    *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  /* Letters typed into the remark or hours are text, not marks. */
  if (focus != NULL && (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->remark_entry)) ||
                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->hours_button))))
    return GDK_EVENT_PROPAGATE;

  return korak_attendance_row_handle_key (self, keyval, modifiers) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static void
korak_attendance_row_dispose (GObject *object)
{
  KorakAttendanceRow *self = (KorakAttendanceRow *)object;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (korak_attendance_row_parent_class)->dispose (object);
}

static void
korak_attendance_row_class_init (KorakAttendanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_attendance_row_dispose;

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakAttendanceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendanceRow, present_button);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendanceRow, late_button);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendanceRow, excused_button);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendanceRow, absent_button);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendanceRow, hours_button);
  gtk_widget_class_bind_template_child (widget_class, KorakAttendanceRow, remark_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_toggle_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_hours_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remark_changed_cb);
}

static void
korak_attendance_row_init (KorakAttendanceRow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
korak_attendance_row_new (KorakRegisterRow *row,
                          double            session_hours)
{
  KorakAttendanceRow *self;

  g_return_val_if_fail (KORAK_IS_REGISTER_ROW (row), NULL);

  self = g_object_new (KORAK_TYPE_ATTENDANCE_ROW, NULL);
  self->item = g_object_ref (row);
  self->session_hours = session_hours;
  gtk_label_set_text (self->name_label, korak_register_row_get_display_name (row));
  g_signal_connect_swapped (row, "notify", G_CALLBACK (sync_from_item), self);
  sync_from_item (self);

  return GTK_WIDGET (self);
}

KorakRegisterRow *
korak_attendance_row_get_item (KorakAttendanceRow *self)
{
  g_return_val_if_fail (KORAK_IS_ATTENDANCE_ROW (self), NULL);
  return self->item;
}

GtkWidget *
korak_attendance_row_get_hours_button (KorakAttendanceRow *self)
{
  g_return_val_if_fail (KORAK_IS_ATTENDANCE_ROW (self), NULL);
  return GTK_WIDGET (self->hours_button);
}

GtkWidget *
korak_attendance_row_get_remark_entry (KorakAttendanceRow *self)
{
  g_return_val_if_fail (KORAK_IS_ATTENDANCE_ROW (self), NULL);
  return GTK_WIDGET (self->remark_entry);
}
