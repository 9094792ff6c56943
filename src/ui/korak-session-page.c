/* korak-session-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-session-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-attendance-row.h"
#include "korak-date.h"
#include "korak-document-dialog.h"
#include "korak-mediator-rows.h"
#include "korak-mediators.h"
#include "korak-reports.h"
#include "korak-session-page.h"
#include "korak-ui-util.h"

struct _KorakSessionPage
{
  AdwBin              parent_instance;

  KorakStore         *store;
  KorakRegister      *register_model;
  KorakSessionRecord *record;          /* as stored, or the new one */
  GArray             *activity_ids;    /* gint64, [0] = none */
  GArray             *leader_ids;      /* gint64, [0] = none */
  GArray             *member_ids;      /* gint64, [0] = none */
  char               *totals;
  gboolean            filling;
  gboolean            details_changed;

  AdwWindowTitle     *window_title;
  GtkWidget          *save_button;
  GtkWidget          *menu_button;
  GtkLabel           *error_label;
  GtkLabel           *cancelled_label;
  AdwEntryRow        *date_row;
  AdwEntryRow        *start_row;
  AdwEntryRow        *end_row;
  AdwComboRow        *kind_row;
  AdwComboRow        *participant_row;
  AdwComboRow        *activity_row;
  AdwEntryRow        *place_row;
  AdwComboRow        *leader_row;
  GtkSwitch          *mediator_switch;
  AdwComboRow        *mediator_row;
  AdwComboRow        *conversation_row;
  AdwEntryRow        *employer_row;
  GtkWidget          *register_group;
  GtkLabel           *totals_label;
  GtkListBox         *register_list;
};

G_DEFINE_FINAL_TYPE (KorakSessionPage, korak_session_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (KorakSessionPage *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

const char *
korak_session_page_get_error (KorakSessionPage *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

static gboolean
is_new (KorakSessionPage *self)
{
  return self->record != NULL && self->record->id == 0;
}

static void
update_totals (KorakSessionPage *self)
{
  KorakRegister *reg = self->register_model;
  guint n_rows, present, late, excused, absent, unmarked;
  g_autofree char *counts = NULL;
  g_autofree char *hours = NULL;

  if (reg == NULL || is_new (self))
    return;

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (reg));
  present = korak_register_count_state (reg, "present");
  late = korak_register_count_state (reg, "late");
  excused = korak_register_count_state (reg, "excused");
  absent = korak_register_count_state (reg, "absent");
  unmarked = n_rows - present - late - excused - absent;

  /* Translators: the totals of a session's register. */
  counts = g_strdup_printf (_("%u present · %u late · %u excused · %u absent · %u not marked"),
                            present, late, excused, absent, unmarked);
  /* Translators: hours attended by everyone on the register, against the
   * hours the session would give everyone; e.g. "36 of 40 hours". */
  hours = g_strdup_printf (_("%.1f of %.1f hours"), korak_register_get_attended_hours (reg),
                           korak_session_record_hours (self->record) * n_rows);

  g_free (self->totals);
  self->totals = g_strdup_printf ("%s — %s", counts, hours);
  gtk_label_set_text (self->totals_label, self->totals);
}

const char *
korak_session_page_get_totals (KorakSessionPage *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), NULL);
  return self->totals;
}

static void
update_actions (KorakSessionPage *self)
{
  gboolean has = self->record != NULL;
  gboolean stored = has && !is_new (self);
  gboolean cancelled = stored && self->record->cancelled_reason != NULL;
  gboolean register_changed = self->register_model != NULL && korak_register_get_changed (self->register_model);
  gboolean has_marks = stored && self->record->n_marked > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save",
                                 has && (is_new (self) || self->details_changed || register_changed));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.all-present", stored && !cancelled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.cancel-session", stored && !cancelled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.restore-session", cancelled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.delete", stored && !has_marks);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.sign-in-sheet", stored);
  gtk_widget_set_visible (self->menu_button, stored);
}

static void
on_register_item_notify_cb (KorakSessionPage *self)
{
  update_totals (self);
  update_actions (self);
}

static GtkWidget *
create_attendance_row (gpointer item,
                       gpointer user_data)
{
  KorakSessionPage *self = user_data;

  g_signal_connect_object (item, "notify", G_CALLBACK (on_register_item_notify_cb), self, G_CONNECT_SWAPPED);
  return korak_attendance_row_new (item, korak_session_record_hours (self->record));
}

static void
update_kind_rows (KorakSessionPage *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);
  const KorakChoice *kinds = korak_session_kinds ();
  const char *code = kind != GTK_INVALID_LIST_POSITION ? kinds[kind].code : "group";

  gtk_widget_set_visible (GTK_WIDGET (self->participant_row), g_strcmp0 (code, "individual") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->employer_row), g_strcmp0 (code, "work_practice") == 0);
}

static void
on_details_changed_cb (KorakSessionPage *self)
{
  update_kind_rows (self);
  if (self->filling)
    return;

  self->details_changed = TRUE;
  update_actions (self);
}

static guint
index_of_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static void
fill_combo (AdwComboRow *row,
            GPtrArray   *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

/* The choices offered: the activity catalogue, staff and the cohort's
 * members, each with "None" first. */
static gboolean
load_choices (KorakSessionPage  *self,
              gint64             cohort_id,
              GError           **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  gint64 none = 0;

  if (!(activities = korak_store_list_activities (self->store, error)) ||
      !(staff = korak_store_list_staff (self->store, NULL, FALSE, error)) ||
      !(members = korak_store_list_members (self->store, cohort_id, FALSE, error)))
    return FALSE;

  for (const KorakChoice *c = korak_session_kinds (); c->code != NULL; c++)
    gtk_string_list_append (kinds, korak_choice_label (korak_session_kinds (), c->code));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_array_set_size (self->activity_ids, 0);
  g_array_append_val (self->activity_ids, none);
  labels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (labels, g_strdup (C_("activity", "None")));
  for (guint i = 0; i < activities->len; i++)
    {
      const KorakActivityRecord *a = g_ptr_array_index (activities, i);
      g_array_append_val (self->activity_ids, a->id);
      g_ptr_array_add (labels, g_strdup (korak_activity_label (a->name)));
    }
  fill_combo (self->activity_row, labels);

  g_array_set_size (self->leader_ids, 0);
  g_array_append_val (self->leader_ids, none);
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, g_strdup (C_("leader", "None")));
  for (guint i = 0; i < staff->len; i++)
    {
      const KorakStaffRecord *s = g_ptr_array_index (staff, i);
      g_array_append_val (self->leader_ids, s->id);
      g_ptr_array_add (labels, korak_staff_record_display_name (s));
    }
  fill_combo (self->leader_row, labels);

  g_array_set_size (self->member_ids, 0);
  g_array_append_val (self->member_ids, none);
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, g_strdup (C_("participant", "None")));
  for (guint i = 0; i < members->len; i++)
    {
      const KorakMemberRecord *m = g_ptr_array_index (members, i);
      g_array_append_val (self->member_ids, m->participant_id);
      g_ptr_array_add (labels, g_strdup (m->display_name));
    }
  fill_combo (self->participant_row, labels);

  return TRUE;
}

/* The mediators and languages offered for @record: the cohort's mediator
 * when "Mediator present" is switched on, and for an individual hour the
 * participant's languages first, for a group its members' mother tongues. */
static gboolean
load_mediator_choices (KorakSessionPage          *self,
                       const KorakSessionRecord  *record,
                       GError                   **error)
{
  g_auto(GStrv) languages = NULL;
  gint64 default_id = 0;

  if (!korak_mediator_combo_fill (self->mediator_row, self->store, record->mediator_id, error) ||
      !korak_store_default_mediator (self->store, 0, record->cohort_id, &default_id, error) ||
      !(languages = korak_store_mediator_languages (self->store, record->participant_id,
                                                    record->cohort_id, error)))
    return FALSE;

  korak_conversation_combo_fill (self->conversation_row, (const char * const *)languages,
                                 record->conversation_language);
  korak_mediator_rows_set_default (self->mediator_switch, default_id);
  return TRUE;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill_details (KorakSessionPage *self)
{
  const KorakSessionRecord *r = self->record;
  g_autofree char *date = korak_date_format (r->date);
  g_autofree char *title = NULL;
  guint kind = 0;

  self->filling = TRUE;
  set_entry (self->date_row, date);
  set_entry (self->start_row, r->start_time);
  set_entry (self->end_row, r->end_time);
  for (guint i = 0; korak_session_kinds ()[i].code != NULL; i++)
    if (g_strcmp0 (korak_session_kinds ()[i].code, r->kind) == 0)
      kind = i;
  adw_combo_row_set_selected (self->kind_row, kind);
  adw_combo_row_set_selected (self->participant_row, index_of_id (self->member_ids, r->participant_id));
  adw_combo_row_set_selected (self->activity_row, index_of_id (self->activity_ids, r->activity_id));
  set_entry (self->place_row, r->place);
  adw_combo_row_set_selected (self->leader_row, index_of_id (self->leader_ids, r->leader_id));
  korak_mediator_rows_set (self->mediator_switch, r->mediator_present, r->mediator_id);
  korak_conversation_combo_select (self->conversation_row, r->conversation_language);
  set_entry (self->employer_row, r->employer);
  self->filling = FALSE;
  self->details_changed = FALSE;
  update_kind_rows (self);

  if (is_new (self))
    title = g_strdup (_("New Session"));
  else if (r->activity_name != NULL)
    title = g_strdup (korak_activity_label (r->activity_name));
  else
    title = g_strdup (korak_choice_label (korak_session_kinds (), r->kind));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, is_new (self) ? NULL : date);

  if (r->cancelled_reason != NULL)
    {
      /* Translators: %s is why the session was cancelled. */
      g_autofree char *text = g_strdup_printf (_("Cancelled: %s"), r->cancelled_reason);
      gtk_label_set_text (self->cancelled_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cancelled_label), r->cancelled_reason != NULL);
  gtk_widget_set_visible (self->register_group, !is_new (self));
  show_error (self, NULL);
}

static gboolean
load_register (KorakSessionPage  *self,
               GError           **error)
{
  g_autoptr(KorakRegister) model = korak_register_new (self->store);

  if (!korak_register_load (model, self->record->id, error))
    return FALSE;

  g_set_object (&self->register_model, model);
  gtk_list_box_bind_model (self->register_list, G_LIST_MODEL (model), create_attendance_row, self, NULL);
  update_totals (self);

  return TRUE;
}

gboolean
korak_session_page_show_session (KorakSessionPage  *self,
                                 KorakStore        *store,
                                 gint64             session_id,
                                 GError           **error)
{
  g_autoptr(KorakSessionRecord) record = NULL;

  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), FALSE);
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  g_set_object (&self->store, store);
  if (!(record = korak_store_get_session (store, session_id, error)) ||
      !load_choices (self, record->cohort_id, error))
    return FALSE;

  g_clear_pointer (&self->record, korak_session_record_free);
  self->record = g_steal_pointer (&record);
  if (!load_mediator_choices (self, self->record, error) ||
      !load_register (self, error))
    return FALSE;

  fill_details (self);
  update_actions (self);

  return TRUE;
}

gboolean
korak_session_page_new_session (KorakSessionPage  *self,
                                KorakStore        *store,
                                gint64             cohort_id,
                                const char        *date,
                                GError           **error)
{
  KorakSessionRecord *record;

  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), FALSE);
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  g_set_object (&self->store, store);
  if (!load_choices (self, cohort_id, error))
    return FALSE;

  record = korak_session_record_new ();
  record->cohort_id = cohort_id;
  record->date = g_strdup (date);
  /* A usual workshop morning; the person changes what differs. */
  record->start_time = g_strdup ("09:00");
  record->end_time = g_strdup ("13:00");
  g_free (record->kind);
  record->kind = g_strdup ("group");

  g_clear_pointer (&self->record, korak_session_record_free);
  self->record = record;
  /* No guessing: a mediator is recorded when the person says one came. */
  if (!load_mediator_choices (self, record, error))
    return FALSE;
  g_clear_object (&self->register_model);
  gtk_list_box_bind_model (self->register_list, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->totals, g_free);

  fill_details (self);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));

  return TRUE;
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text ? g_steal_pointer (&text) : NULL;
}

/* Reads the form into a copy of the record; FALSE with the reason shown. */
static KorakSessionRecord *
read_details (KorakSessionPage *self)
{
  g_autoptr(KorakSessionRecord) r = korak_session_record_copy (self->record);
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = entry_text (self->date_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  char *date;

  if (date_text == NULL)
    {
      show_error (self, _("Type the date of the session, for example 23. 11. 2026."));
      return NULL;
    }
  if (!(date = korak_date_parse (date_text, &error)))
    {
      show_error (self, error->message);
      return NULL;
    }

  g_free (r->date);
  r->date = date;
  g_free (r->start_time);
  r->start_time = entry_text (self->start_row);
  g_free (r->end_time);
  r->end_time = entry_text (self->end_row);
  g_free (r->kind);
  r->kind = g_strdup (korak_session_kinds ()[kind != GTK_INVALID_LIST_POSITION ? kind : 0].code);
  r->participant_id = g_strcmp0 (r->kind, "individual") == 0
    ? g_array_index (self->member_ids, gint64, adw_combo_row_get_selected (self->participant_row))
    : 0;
  r->activity_id = g_array_index (self->activity_ids, gint64, adw_combo_row_get_selected (self->activity_row));
  g_free (r->place);
  r->place = entry_text (self->place_row);
  r->leader_id = g_array_index (self->leader_ids, gint64, adw_combo_row_get_selected (self->leader_row));
  r->mediator_present = gtk_switch_get_active (self->mediator_switch);
  r->mediator_id = r->mediator_present ? korak_mediator_combo_get (self->mediator_row) : 0;
  g_free (r->conversation_language);
  r->conversation_language = g_strdup (korak_conversation_combo_get (self->conversation_row));
  g_free (r->employer);
  r->employer = g_strcmp0 (r->kind, "work_practice") == 0 ? entry_text (self->employer_row) : NULL;

  return g_steal_pointer (&r);
}

gboolean
korak_session_page_save (KorakSessionPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean was_new;

  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), FALSE);

  if (self->record == NULL)
    return TRUE;

  was_new = is_new (self);
  if (was_new || self->details_changed)
    {
      g_autoptr(KorakSessionRecord) r = read_details (self);

      if (r == NULL)
        return FALSE;
      if (!korak_store_save_session (self->store, r, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
      /* Reread for the read-only fields (module, names, counts). */
      g_clear_pointer (&self->record, korak_session_record_free);
      if (!(self->record = korak_store_get_session (self->store, r->id, &error)))
        {
          self->record = g_steal_pointer (&r);
          show_error (self, error->message);
          return FALSE;
        }
      self->details_changed = FALSE;
    }

  if (self->register_model != NULL && korak_register_get_changed (self->register_model) &&
      !korak_register_save (self->register_model, &error))
    {
      show_error (self, error->message);
      update_actions (self);
      return FALSE;
    }

  if (was_new && !load_register (self, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  g_clear_pointer (&self->record, korak_session_record_free);
  self->record = korak_store_get_session (self->store, korak_register_get_session (self->register_model)->id, NULL);
  if (self->record == NULL)
    self->record = korak_session_record_copy (korak_register_get_session (self->register_model));

  fill_details (self);
  update_totals (self);
  update_actions (self);
  g_signal_emit (self, signals[CHANGED], 0);
  korak_show_toast (GTK_WIDGET (self), was_new ? _("Session added") : _("Saved"));

  return TRUE;
}

/* Whether the page holds edits that are not stored yet. */
gboolean
korak_session_page_has_changes (KorakSessionPage *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), FALSE);

  return self->record != NULL &&
         (self->details_changed ||
          (self->register_model != NULL && korak_register_get_changed (self->register_model)));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  korak_session_page_save (KORAK_SESSION_PAGE (widget));
}

static void
all_present_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KorakSessionPage *self = KORAK_SESSION_PAGE (widget);

  if (self->register_model != NULL)
    korak_register_mark_all_present (self->register_model);
}

/* Leaving saves, as the profile does: nothing typed is lost on the way
 * back. An entry that cannot be saved keeps the page open with the reason. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KorakSessionPage *self = KORAK_SESSION_PAGE (widget);

  /* A new session nobody typed into is simply dropped. */
  if (korak_session_page_has_changes (self) && !korak_session_page_save (self))
    return;

  g_signal_emit (self, signals[DONE], 0);
}

static void
on_cancel_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       KorakSessionPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "reason");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  gint64 id = self->record != NULL ? self->record->id : 0;

  if (g_strcmp0 (response, "cancel-session") != 0 || id == 0)
    return;

  if (!korak_store_cancel_session (self->store, id, reason, &error) ||
      !korak_session_page_show_session (self, self->store, id, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  korak_show_toast (GTK_WIDGET (self), _("Session cancelled"));
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "cancel-session", *reason != '\0');
}

static void
cancel_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KorakSessionPage *self = KORAK_SESSION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!korak_session_page_save (self))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Cancel this session?"),
                                   _("The session stays in the timetable, marked as cancelled with the reason, and its register is kept."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, for example: the mentor is ill"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep the Session"),
                                    "cancel-session", _("_Cancel the Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-session",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "cancel-session", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel-session");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "reason", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
restore_session_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  KorakSessionPage *self = KORAK_SESSION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = self->record != NULL ? self->record->id : 0;

  if (!korak_store_restore_session (self->store, id, &error) ||
      !korak_session_page_show_session (self, self->store, id, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KorakSessionPage *self = KORAK_SESSION_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->record == NULL || !korak_store_delete_session (self->store, self->record->id, &error))
    {
      if (error != NULL)
        show_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->record, korak_session_record_free);
  g_clear_object (&self->register_model);
  g_signal_emit (self, signals[CHANGED], 0);
  g_signal_emit (self, signals[DONE], 0);
  korak_show_toast (GTK_WIDGET (self), _("Session deleted"));
}

/* ------------------------------------------------------ sign-in sheet */

typedef struct
{
  KorakStore *store;
  gint64      cohort_id;
  char       *date;
} SheetRequest;

static void
sheet_request_free (SheetRequest *request)
{
  g_object_unref (request->store);
  g_free (request->date);
  g_free (request);
}

static KorakDocument *
build_sheet_cb (KorakDocumentDialog  *dialog,
                gpointer              user_data,
                GError              **error)
{
  SheetRequest *request = user_data;

  return korak_report_sign_in_sheet (request->store, request->cohort_id, request->date, error);
}

/**
 * korak_session_page_create_sign_in_sheet:
 *
 * Returns: (transfer full) (nullable): the sign-in sheet of the day of the
 *   session shown, for its cohort, or %NULL with @error.
 */
KorakDocument *
korak_session_page_create_sign_in_sheet (KorakSessionPage  *self,
                                         GError           **error)
{
  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), NULL);

  if (self->record == NULL || is_new (self) || self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("Save the session first; the sign-in sheet lists the sessions stored for its day."));
      return NULL;
    }

  return korak_report_sign_in_sheet (self->store, self->record->cohort_id, self->record->date, error);
}

static void
sign_in_sheet_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KorakSessionPage *self = KORAK_SESSION_PAGE (widget);
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  KorakDocumentDialog *dialog;
  SheetRequest *request;

  if (self->record == NULL || is_new (self))
    return;

  /* The sheet is read from the store: what is typed here is stored first. */
  if (korak_session_page_has_changes (self) && !korak_session_page_save (self))
    return;

  date = korak_date_format (self->record->date);
  /* Translators: %s is a date. */
  body = g_strdup_printf (_("The sessions of the group on %s and everyone enrolled that day, with a box for each signature."),
                          date);

  request = g_new0 (SheetRequest, 1);
  request->store = g_object_ref (self->store);
  request->cohort_id = self->record->cohort_id;
  request->date = g_strdup (self->record->date);
  dialog = korak_document_dialog_new (widget, _("Sign-in Sheet"), body, build_sheet_cb, request,
                                      (GDestroyNotify) sheet_request_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
korak_session_page_dispose (GObject *object)
{
  KorakSessionPage *self = (KorakSessionPage *)object;

  if (self->register_list != NULL)
    gtk_list_box_bind_model (self->register_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->register_model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->record, korak_session_record_free);

  G_OBJECT_CLASS (korak_session_page_parent_class)->dispose (object);
}

static void
korak_session_page_finalize (GObject *object)
{
  KorakSessionPage *self = (KorakSessionPage *)object;

  g_array_unref (self->activity_ids);
  g_array_unref (self->leader_ids);
  g_array_unref (self->member_ids);
  g_free (self->totals);

  G_OBJECT_CLASS (korak_session_page_parent_class)->finalize (object);
}

static void
korak_session_page_class_init (KorakSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_session_page_dispose;
  object_class->finalize = korak_session_page_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, cancelled_label);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, participant_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, activity_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, place_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, leader_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, mediator_switch);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, mediator_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, conversation_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, employer_row);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, register_group);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, KorakSessionPage, register_list);
  gtk_widget_class_bind_template_callback (widget_class, on_details_changed_cb);

  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.all-present", NULL, all_present_action);
  gtk_widget_class_install_action (widget_class, "session.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "session.cancel-session", NULL, cancel_session_action);
  gtk_widget_class_install_action (widget_class, "session.restore-session", NULL, restore_session_action);
  gtk_widget_class_install_action (widget_class, "session.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "session.sign-in-sheet", NULL, sign_in_sheet_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "session.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "session.all-present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "session.sign-in-sheet", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "session.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "session.back", NULL);
}

static void
korak_session_page_init (KorakSessionPage *self)
{
  self->activity_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->leader_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->member_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  korak_mediator_rows_bind (self->mediator_switch, self->mediator_row, 0);
  update_actions (self);
}

KorakRegister *
korak_session_page_get_register (KorakSessionPage *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), NULL);
  return self->register_model;
}

GtkListBox *
korak_session_page_get_register_list (KorakSessionPage *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), NULL);
  return self->register_list;
}

gint64
korak_session_page_get_session_id (KorakSessionPage *self)
{
  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), 0);
  return self->record != NULL ? self->record->id : 0;
}

void
korak_session_page_get_mediator_rows (KorakSessionPage  *self,
                                      GtkSwitch        **present,
                                      AdwComboRow      **mediator,
                                      AdwComboRow      **language)
{
  g_return_if_fail (KORAK_IS_SESSION_PAGE (self));

  if (present != NULL)
    *present = self->mediator_switch;
  if (mediator != NULL)
    *mediator = self->mediator_row;
  if (language != NULL)
    *language = self->conversation_row;
}

GtkEditable *
korak_session_page_get_entry (KorakSessionPage *self,
                              const char       *name)
{
  g_return_val_if_fail (KORAK_IS_SESSION_PAGE (self), NULL);

  if (g_str_equal (name, "date"))
    return GTK_EDITABLE (self->date_row);
  if (g_str_equal (name, "start"))
    return GTK_EDITABLE (self->start_row);
  if (g_str_equal (name, "end"))
    return GTK_EDITABLE (self->end_row);
  if (g_str_equal (name, "place"))
    return GTK_EDITABLE (self->place_row);
  if (g_str_equal (name, "employer"))
    return GTK_EDITABLE (self->employer_row);
  return NULL;
}
