/* korak-assessment-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-assessment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-assessment-dialog.h"
#include "korak-date.h"
#include "korak-mediator-rows.h"
#include "korak-mediators.h"
#include "korak-note-links.h"
#include "korak-reports.h"
#include "korak-scales.h"
#include "korak-ui-util.h"

typedef struct
{
  gint64         area_id;
  GtkSpinButton *score;
  GtkEntry      *remark;
  AdwActionRow  *row;       /* its subtitle says what the chosen score means */
  gboolean       retired;
} AreaRow;

struct _KorakAssessmentDialog
{
  AdwWindow              parent_instance;

  KorakAssessmentList   *assessments;
  KorakStore            *store;
  KorakAssessmentRecord *record;
  GArray                *rows;          /* AreaRow */
  GPtrArray             *staff_ids;     /* gint64*, index + 1 = combo position */
  int                    pending_one;   /* row index where "1" was typed, -1 none */
  char                  *language;      /* the participant's, to explain a score in */
  KorakCatalog          *catalog;       /* of @language; NULL when there is none */

  AdwEntryRow           *date_row;
  AdwComboRow           *kind_row;
  AdwComboRow           *assessor_row;
  GtkSwitch             *mediator_switch;
  AdwComboRow           *mediator_row;
  AdwComboRow           *conversation_row;
  GtkLabel              *error_label;
  GtkRevealer           *error_revealer;
};

G_DEFINE_FINAL_TYPE (KorakAssessmentDialog, korak_assessment_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (KorakAssessmentDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
focus_row (KorakAssessmentDialog *self,
           guint                  index)
{
  if (index < self->rows->len)
    gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->rows, AreaRow, index).score));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

void
korak_assessment_dialog_type_digit (KorakAssessmentDialog *self,
                                    guint                  index,
                                    guint                  digit)
{
  g_return_if_fail (KORAK_IS_ASSESSMENT_DIALOG (self));
  g_return_if_fail (index < self->rows->len && digit <= 9);

  if (self->pending_one == (int)index && digit == 0)
    {
      /* "1" then "0": ten, and on to the next area. */
      gtk_spin_button_set_value (g_array_index (self->rows, AreaRow, index).score, 10);
      self->pending_one = -1;
      focus_row (self, index + 1);
      return;
    }

  if (self->pending_one == (int)index)
    {
      /* "1" then another digit: the 1 stays here, the digit goes to the next area. */
      self->pending_one = -1;
      if (index + 1 < self->rows->len)
        {
          focus_row (self, index + 1);
          korak_assessment_dialog_type_digit (self, index + 1, digit);
        }
      return;
    }

  if (digit == 0)
    return;

  gtk_spin_button_set_value (g_array_index (self->rows, AreaRow, index).score, digit);
  if (digit == 1)
    self->pending_one = index;
  else
    {
      self->pending_one = -1;
      focus_row (self, index + 1);
    }
}

static gboolean
on_score_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         KorakAssessmentDialog *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint digit;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;
  else
    {
      if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete)
        {
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 0);
          return TRUE;
        }
      self->pending_one = -1;
      return FALSE;
    }

  for (guint i = 0; i < self->rows->len; i++)
    if (GTK_WIDGET (g_array_index (self->rows, AreaRow, i).score) == widget)
      {
        korak_assessment_dialog_type_digit (self, i, digit);
        return TRUE;
      }

  return FALSE;
}

static char *
score_text (GtkSpinButton *button)
{
  int value = gtk_spin_button_get_value_as_int (button);

  return value == 0 ? g_strdup ("–") : g_strdup_printf ("%d", value);
}

static gboolean
on_score_output_cb (GtkSpinButton *button,
                    gpointer       user_data)
{
  g_autofree char *text = score_text (button);

  gtk_editable_set_text (GTK_EDITABLE (button), text);
  return TRUE;
}

static int
on_score_input_cb (GtkSpinButton *button,
                   double        *new_value,
                   gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (button));
  char *end = NULL;
  gint64 value = g_ascii_strtoll (text, &end, 10);

  if (end == text)
    *new_value = 0;
  else
    *new_value = CLAMP (value, 0, 10);
  return TRUE;
}

gboolean
korak_assessment_dialog_save (KorakAssessmentDialog *self)
{
  g_autoptr(KorakAssessmentRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  const KorakChoice *kinds = korak_assessment_kinds ();
  guint kind, assessor;

  g_return_val_if_fail (KORAK_IS_ASSESSMENT_DIALOG (self), FALSE);

  record = self->record ? korak_assessment_record_copy (self->record) : korak_assessment_record_new ();
  g_ptr_array_set_size (record->scores, 0);

  if (!(date = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &error)))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  g_free (record->date);
  record->date = g_steal_pointer (&date);

  kind = adw_combo_row_get_selected (self->kind_row);
  g_free (record->kind);
  record->kind = g_strdup (kinds[MIN (kind, 3)].code);

  assessor = adw_combo_row_get_selected (self->assessor_row);
  record->assessor_id = assessor > 0 && assessor <= self->staff_ids->len
    ? *(gint64 *)g_ptr_array_index (self->staff_ids, assessor - 1) : 0;

  record->mediator_present = gtk_switch_get_active (self->mediator_switch);
  record->mediator_id = record->mediator_present ? korak_mediator_combo_get (self->mediator_row) : 0;
  g_free (record->conversation_language);
  record->conversation_language = g_strdup (korak_conversation_combo_get (self->conversation_row));

  for (guint i = 0; i < self->rows->len; i++)
    {
      const AreaRow *row = &g_array_index (self->rows, AreaRow, i);
      int score = gtk_spin_button_get_value_as_int (row->score);
      const char *remark = gtk_editable_get_text (GTK_EDITABLE (row->remark));

      if (score > 0)
        korak_assessment_record_set_score (record, row->area_id, score, remark);
      else if (remark != NULL && *remark != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("Give “%s” a score from 1 to 10, or clear its remark."),
                                                      gtk_widget_get_tooltip_text (GTK_WIDGET (row->score)));

          show_error (self, message);
          gtk_widget_grab_focus (GTK_WIDGET (row->score));
          return FALSE;
        }
    }

  if (!korak_assessment_list_save (self->assessments, record, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, record->id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  korak_assessment_dialog_save (KORAK_ASSESSMENT_DIALOG (widget));
}

static void
korak_assessment_dialog_dispose (GObject *object)
{
  KorakAssessmentDialog *self = (KorakAssessmentDialog *)object;

  g_clear_object (&self->assessments);
  g_clear_object (&self->store);
  g_clear_pointer (&self->record, korak_assessment_record_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->staff_ids, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->catalog, korak_catalog_free);

  G_OBJECT_CLASS (korak_assessment_dialog_parent_class)->dispose (object);
}

static void
korak_assessment_dialog_class_init (KorakAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_assessment_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "assessment.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "assessment.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "assessment.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
korak_assessment_dialog_init (KorakAssessmentDialog *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (AreaRow));
  self->staff_ids = g_ptr_array_new_with_free_func (g_free);
  self->pending_one = -1;
}

/* The row's subtitle: what the chosen score means on the area's scale. */
static void
update_description (KorakAssessmentDialog *self,
                    const AreaRow         *area_row)
{
  int score = gtk_spin_button_get_value_as_int (area_row->score);
  g_autoptr(KorakBandRecord) band = NULL;
  g_autofree char *description = NULL;
  g_autofree char *subtitle = NULL;

  if (score > 0 && self->store != NULL)
    band = korak_store_find_band (self->store, area_row->area_id, score, NULL);
  if (band != NULL)
    {
      const char *label = korak_scale_band_label (band->description);
      const char *theirs = self->language ? korak_report_band_in_language (band, self->language, self->catalog) : NULL;

      /* Said in the participant's language too, to explain the score to her. */
      if (theirs != NULL && g_strcmp0 (theirs, label) != 0)
        description = g_strdup_printf ("%s\n%s", label, theirs);
      else
        description = g_strdup (label);
    }

  if (area_row->retired && description != NULL)
    /* Translators: a retired area's subtitle, then what its score means. */
    subtitle = g_strdup_printf (_("Retired area · %s"), description);
  else if (area_row->retired)
    subtitle = g_strdup (_("Retired area"));
  else
    subtitle = g_steal_pointer (&description);

  adw_action_row_set_subtitle (area_row->row, subtitle ? subtitle : "");
}

static void
on_score_value_changed_cb (GtkSpinButton         *spin,
                           KorakAssessmentDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, AreaRow, i).score == spin)
      update_description (self, &g_array_index (self->rows, AreaRow, i));
}

static GtkWidget *
build_score_row (KorakAssessmentDialog *self,
                 const KorakAreaRecord *area,
                 int                    score,
                 const char            *remark)
{
  const char *label = korak_competency_area_label (area->name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 10, 1);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *remark_label = g_strdup_printf (_("Remark on %s"), label);
  AreaRow area_row;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), score);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, label);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 3);
  gtk_widget_add_css_class (spin, "numeric");
  g_signal_connect (spin, "output", G_CALLBACK (on_score_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_score_input_cb), NULL);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_score_key_pressed_cb), self);
  gtk_widget_add_controller (spin, keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Score from 1 to 10; type a digit"),
                                  -1);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Remark"));
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), remark ? remark : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, remark_label, -1);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

  area_row.area_id = area->id;
  area_row.score = GTK_SPIN_BUTTON (spin);
  area_row.remark = GTK_ENTRY (entry);
  area_row.row = ADW_ACTION_ROW (row);
  area_row.retired = area->retired_at != NULL;
  g_array_append_val (self->rows, area_row);
  update_description (self, &area_row);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_score_value_changed_cb), self);

  return row;
}

/* Whether a mediator interpreted, who, and in which language: the cohort's
 * mediator is offered when the switch goes on, the person's languages
 * come first. */
static void
add_mediator_group (KorakAssessmentDialog       *self,
                    AdwPreferencesPage          *page,
                    KorakStore                  *store,
                    const KorakAssessmentRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) languages = NULL;
  gint64 participant_id = record ? record->participant_id : korak_assessment_list_get_participant_id (self->assessments);
  gint64 default_id = 0;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *present_row = adw_action_row_new ();
  GtkWidget *present = gtk_switch_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Interpreting"));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (present_row), _("Mediator present"));
  gtk_widget_set_valign (present, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (present), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mediator present"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (present_row), present);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (present_row), present);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), present_row);
  self->mediator_switch = GTK_SWITCH (present);

  self->mediator_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mediator_row), _("Mediator"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->mediator_row));

  self->conversation_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->conversation_row), _("Language of the conversation"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->conversation_row));

  /* A problem reading the choices leaves the rows with "Not recorded". */
  if (!korak_mediator_combo_fill (self->mediator_row, store, record ? record->mediator_id : 0, &error) ||
      !korak_store_default_mediator (store, participant_id, 0, &default_id, &error) ||
      !(languages = korak_store_mediator_languages (store, participant_id, 0, &error)))
    g_warning ("Could not read the mediators or languages: %s", error->message);
  korak_conversation_combo_fill (self->conversation_row, (const char * const *)languages,
                                 record ? record->conversation_language : NULL);
  korak_mediator_rows_bind (self->mediator_switch, self->mediator_row, default_id);
  korak_mediator_rows_set (self->mediator_switch, record ? record->mediator_present : FALSE,
                           record ? record->mediator_id : 0);
}

KorakAssessmentDialog *
korak_assessment_dialog_new (GtkWindow                   *parent,
                             KorakAssessmentList         *assessments,
                             const KorakAssessmentRecord *record)
{
  KorakAssessmentDialog *self;
  KorakStore *store;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autofree char *today = korak_date_today ();
  GtkWidget *box, *header, *cancel, *save, *page, *details, *scores, *error_label, *revealer, *hint;
  guint kind_index = 0, assessor_index = 0;

  g_return_val_if_fail (KORAK_IS_ASSESSMENT_LIST (assessments), NULL);

  self = g_object_new (KORAK_TYPE_ASSESSMENT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", record ? _("Edit Assessment") : _("New Assessment"),
                       "default-width", 640,
                       "default-height", 720,
                       NULL);
  self->assessments = g_object_ref (assessments);
  self->record = record ? korak_assessment_record_copy (record) : NULL;
  store = korak_assessment_list_get_store (assessments);
  self->store = g_object_ref (store);
  self->language = korak_store_participant_language (store, record ? record->participant_id
                                                                   : korak_assessment_list_get_participant_id (assessments));
  if (self->language != NULL)
    self->catalog = korak_catalog_new_for_language (self->language, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_tooltip_text (save, _("Save (Ctrl+Return)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "assessment.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_margin_top (error_label, 6);
  gtk_widget_set_margin_bottom (error_label, 6);
  gtk_widget_set_margin_start (error_label, 12);
  gtk_widget_set_margin_end (error_label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (error_label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (revealer), error_label);
  gtk_box_append (GTK_BOX (box), revealer);
  self->error_label = GTK_LABEL (error_label);
  self->error_revealer = GTK_REVEALER (revealer);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  details = adw_preferences_group_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (details));

  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date"));
  {
    g_autofree char *shown = korak_date_format (record ? record->date : today);

    gtk_editable_set_text (GTK_EDITABLE (self->date_row), shown);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), GTK_WIDGET (self->date_row));

  for (guint i = 0; korak_assessment_kinds ()[i].code != NULL; i++)
    {
      gtk_string_list_append (kinds, _(korak_assessment_kinds ()[i].label));
      if (record && g_strcmp0 (record->kind, korak_assessment_kinds ()[i].code) == 0)
        kind_index = i;
    }
  if (record == NULL && g_list_model_get_n_items (G_LIST_MODEL (assessments)) > 0)
    kind_index = 1;   /* after the intake, most are reviews */
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, kind_index);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), GTK_WIDGET (self->kind_row));

  gtk_string_list_append (people, _("Not recorded"));
  if ((staff = korak_store_list_staff (store, NULL, FALSE, NULL)))
    for (guint i = 0; i < staff->len; i++)
      {
        const KorakStaffRecord *s = g_ptr_array_index (staff, i);
        g_autofree char *name = korak_staff_record_display_name (s);

        gtk_string_list_append (people, name);
        g_ptr_array_add (self->staff_ids, g_memdup2 (&s->id, sizeof s->id));
        if (record && record->assessor_id == s->id)
          assessor_index = i + 1;
      }
  self->assessor_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->assessor_row), _("Assessor"));
  adw_combo_row_set_model (self->assessor_row, G_LIST_MODEL (people));
  adw_combo_row_set_selected (self->assessor_row, assessor_index);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), GTK_WIDGET (self->assessor_row));

  add_mediator_group (self, ADW_PREFERENCES_PAGE (page), store, record);

  scores = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (scores), _("Scores"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (scores),
                                         _("From 1 (needs a lot of support) to 10 (independent). Type a digit to score an area and move to the next; leave an area at “–” to skip it."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (scores));

  if ((areas = korak_store_list_areas (store, TRUE, NULL)))
    for (guint i = 0; i < areas->len; i++)
      {
        const KorakAreaRecord *area = g_ptr_array_index (areas, i);
        int score = record ? korak_assessment_record_get_score (record, area->id) : 0;
        const char *remark = NULL;

        if (area->retired_at != NULL && score == 0)
          continue;
        if (record)
          for (guint j = 0; j < record->scores->len; j++)
            if (((KorakScoreRecord *)g_ptr_array_index (record->scores, j))->area_id == area->id)
              remark = ((KorakScoreRecord *)g_ptr_array_index (record->scores, j))->remark;
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (scores), build_score_row (self, area, score, remark));
      }

  hint = gtk_label_new (_("Ctrl+Return saves"));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_set_margin_bottom (hint, 6);
  gtk_box_append (GTK_BOX (box), hint);

  adw_window_set_content (ADW_WINDOW (self), box);
  if (self->rows->len > 0)
    focus_row (self, 0);

  return self;
}

guint
korak_assessment_dialog_get_n_areas (KorakAssessmentDialog *self)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_DIALOG (self), 0);
  return self->rows->len;
}

GtkSpinButton *
korak_assessment_dialog_get_score_button (KorakAssessmentDialog *self,
                                          guint                  index)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_array_index (self->rows, AreaRow, index).score;
}

GtkEditable *
korak_assessment_dialog_get_remark (KorakAssessmentDialog *self,
                                    guint                  index)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return GTK_EDITABLE (g_array_index (self->rows, AreaRow, index).remark);
}

GtkEditable *
korak_assessment_dialog_get_date (KorakAssessmentDialog *self)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->date_row);
}

AdwComboRow *
korak_assessment_dialog_get_kind_row (KorakAssessmentDialog *self)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_DIALOG (self), NULL);
  return self->kind_row;
}

/**
 * korak_assessment_dialog_get_score_description:
 *
 * Returns: what the score chosen in row @index means ("" when nothing is
 *   said), as shown under the area's name.
 */
const char *
korak_assessment_dialog_get_score_description (KorakAssessmentDialog *self,
                                               guint                  index)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return adw_action_row_get_subtitle (g_array_index (self->rows, AreaRow, index).row);
}

void
korak_assessment_dialog_get_mediator_rows (KorakAssessmentDialog  *self,
                                           GtkSwitch             **present,
                                           AdwComboRow           **mediator,
                                           AdwComboRow           **language)
{
  g_return_if_fail (KORAK_IS_ASSESSMENT_DIALOG (self));

  if (present != NULL)
    *present = self->mediator_switch;
  if (mediator != NULL)
    *mediator = self->mediator_row;
  if (language != NULL)
    *language = self->conversation_row;
}

const char *
korak_assessment_dialog_get_error (KorakAssessmentDialog *self)
{
  g_return_val_if_fail (KORAK_IS_ASSESSMENT_DIALOG (self), NULL);
  return gtk_revealer_get_reveal_child (self->error_revealer) ? gtk_label_get_text (self->error_label) : NULL;
}
