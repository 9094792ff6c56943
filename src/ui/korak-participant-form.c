/* korak-participant-form.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-participant-form"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-cohort.h"
#include "korak-date.h"
#include "korak-participant-form.h"

/*
 * The profile form is built from the store's field table, so the new-
 * participant dialog and the profile page show the same rows, in the same
 * order, with the same validation, and a new column is one line there.
 */
struct _KorakParticipantForm
{
  AdwBin           parent_instance;

  GtkWidget       *page;
  GtkWidget       *error_label;
  GtkWidget       *rows[KORAK_N_FIELDS];
  GtkWidget       *switches[KORAK_N_FIELDS];
  GtkWidget       *cohort_row;
  GListModel      *cohorts;
  gint64           cohort_id;     /* of the record shown, kept if not in @cohorts */
  guint            loading;        /* nesting count while filling rows */
  guint            changed : 1;
};

G_DEFINE_FINAL_TYPE (KorakParticipantForm, korak_participant_form, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char            *title;
  KorakParticipantField  fields[5];
  gboolean               with_cohort;
} Group;

#define END KORAK_N_FIELDS

static const Group groups[] = {
  { N_("Person"),    { KORAK_FIELD_GIVEN_NAME, KORAK_FIELD_FAMILY_NAME, KORAK_FIELD_BIRTH_DATE, END } },
  { N_("Programme"), { KORAK_FIELD_STATUS, KORAK_FIELD_TARGET_GROUP, END }, TRUE },
  { N_("Contact"),   { KORAK_FIELD_PHONE, KORAK_FIELD_EMAIL, KORAK_FIELD_ADDRESS, KORAK_FIELD_MUNICIPALITY, END } },
  { N_("Languages"), { KORAK_FIELD_MOTHER_TONGUE, KORAK_FIELD_OTHER_LANGUAGES, KORAK_FIELD_NEEDS_MEDIATOR, END } },
  { N_("Referral"),  { KORAK_FIELD_REFERRAL_SOURCE, KORAK_FIELD_REFERRAL_DATE, KORAK_FIELD_REFERRING_WORKER, END } },
  { N_("Consent"),   { KORAK_FIELD_CONSENT_DATE, KORAK_FIELD_CONSENT_SCOPE, END } },
};

static void
mark_changed (KorakParticipantForm *self)
{
  if (self->loading)
    return;

  self->changed = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_row_changed_cb (KorakParticipantForm *self)
{
  mark_changed (self);
}

static GtkStringList *
choice_labels (const KorakFieldInfo *info)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  if (!info->required)
    gtk_string_list_append (labels, _("Not recorded"));
  for (guint i = 0; info->choices[i].code != NULL; i++)
    gtk_string_list_append (labels, _(info->choices[i].label));

  return labels;
}

static GtkWidget *
make_row (KorakParticipantForm  *self,
          KorakParticipantField  field)
{
  const KorakFieldInfo *info = korak_participant_field_info (field);
  GtkWidget *row;

  switch (info->kind)
    {
    case KORAK_FIELD_KIND_CHOICE:
      {
        g_autoptr(GtkStringList) labels = choice_labels (info);

        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_row_changed_cb), self);
        break;
      }

    case KORAK_FIELD_KIND_BOOLEAN:
      {
        GtkWidget *toggle = gtk_switch_new ();

        row = adw_action_row_new ();
        gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("Interpreting is arranged for sessions and individual work"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->label), -1);
        g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_row_changed_cb), self);
        self->switches[field] = toggle;
        break;
      }

    case KORAK_FIELD_KIND_DATE:
    case KORAK_FIELD_KIND_PAST_DATE:
      row = adw_entry_row_new ();
      gtk_widget_set_tooltip_text (row, _("For example 23. 11. 2026 or 2026-11-23"));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_row_changed_cb), self);
      break;

    case KORAK_FIELD_KIND_EMAIL:
      row = adw_entry_row_new ();
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_row_changed_cb), self);
      break;

    case KORAK_FIELD_KIND_PHONE:
      row = adw_entry_row_new ();
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_row_changed_cb), self);
      break;

    case KORAK_FIELD_KIND_NAME:
    case KORAK_FIELD_KIND_TEXT:
    default:
      row = adw_entry_row_new ();
      if (info->kind == KORAK_FIELD_KIND_NAME)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NAME);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_row_changed_cb), self);
      break;
    }

  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->label));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, info->column);

  return row;
}

static void
rebuild_cohort_labels (KorakParticipantForm *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;
  guint n = self->cohorts ? g_list_model_get_n_items (self->cohorts) : 0;

  gtk_string_list_append (labels, _("Not enrolled"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakCohort) cohort = g_list_model_get_item (self->cohorts, i);

      gtk_string_list_append (labels, korak_cohort_get_name (cohort));
      if (korak_cohort_get_id (cohort) == self->cohort_id)
        selected = i + 1;
    }

  self->loading++;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->cohort_row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->cohort_row), selected);
  self->loading--;
}

static void
korak_participant_form_dispose (GObject *object)
{
  KorakParticipantForm *self = (KorakParticipantForm *)object;

  g_clear_object (&self->cohorts);

  G_OBJECT_CLASS (korak_participant_form_parent_class)->dispose (object);
}

static void
korak_participant_form_class_init (KorakParticipantFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = korak_participant_form_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
korak_participant_form_init (KorakParticipantForm *self)
{
  GtkWidget *error_group;

  self->page = adw_preferences_page_new ();
  adw_bin_set_child (ADW_BIN (self), self->page);

  error_group = adw_preferences_group_new ();
  /* An alert, so screen readers speak the problem when it appears. */
  self->error_label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (error_group), self->error_label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (error_group));

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(groups[g].title));
      for (guint i = 0; groups[g].fields[i] != END; i++)
        {
          KorakParticipantField field = groups[g].fields[i];

          self->rows[field] = make_row (self, field);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rows[field]);
        }

      if (groups[g].with_cohort)
        {
          self->cohort_row = adw_combo_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cohort_row), _("Cohort"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->cohort_row),
                                       _("Choosing a cohort enrols the participant in it"));
          gtk_widget_set_name (self->cohort_row, "cohort");
          g_signal_connect_swapped (self->cohort_row, "notify::selected",
                                    G_CALLBACK (on_row_changed_cb), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->cohort_row);
        }

      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
    }

  rebuild_cohort_labels (self);
}

GtkWidget *
korak_participant_form_new (void)
{
  return g_object_new (KORAK_TYPE_PARTICIPANT_FORM, NULL);
}

void
korak_participant_form_set_cohorts (KorakParticipantForm *self,
                                    GListModel           *cohorts)
{
  g_return_if_fail (KORAK_IS_PARTICIPANT_FORM (self));

  g_set_object (&self->cohorts, cohorts);
  rebuild_cohort_labels (self);
}

static void
clear_errors (KorakParticipantForm *self)
{
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_label_set_text (GTK_LABEL (self->error_label), "");
  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    gtk_widget_remove_css_class (self->rows[i], "error");
}

void
korak_participant_form_set_record (KorakParticipantForm         *self,
                                   const KorakParticipantRecord *record)
{
  g_return_if_fail (KORAK_IS_PARTICIPANT_FORM (self));
  g_return_if_fail (record != NULL);

  self->loading++;
  clear_errors (self);

  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    {
      const KorakFieldInfo *info = korak_participant_field_info (i);
      const char *value = korak_participant_record_get (record, i);

      switch (info->kind)
        {
        case KORAK_FIELD_KIND_CHOICE:
          {
            guint selected = 0;
            guint offset = info->required ? 0 : 1;

            for (guint c = 0; info->choices[c].code != NULL; c++)
              if (g_str_equal (info->choices[c].code, value))
                selected = c + offset;
            adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[i]), selected);
            break;
          }

        case KORAK_FIELD_KIND_BOOLEAN:
          gtk_switch_set_active (GTK_SWITCH (self->switches[i]), g_str_equal (value, "1"));
          break;

        case KORAK_FIELD_KIND_DATE:
        case KORAK_FIELD_KIND_PAST_DATE:
          {
            g_autofree char *shown = korak_date_format (value);

            gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), shown);
            break;
          }

        default:
          gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value);
          break;
        }
    }

  self->cohort_id = record->cohort_id;
  rebuild_cohort_labels (self);

  self->changed = FALSE;
  self->loading--;
}

static void
fail_on_row (KorakParticipantForm  *self,
             GtkWidget             *row,
             GError               **error,
             GError                *local_error)
{
  gtk_widget_add_css_class (row, "error");
  korak_participant_form_show_error (self, local_error->message);
  gtk_widget_grab_focus (row);
  g_propagate_error (error, local_error);
}

/**
 * korak_participant_form_read_record:
 *
 * Copies what the form holds into @record. On the first invalid value it
 * marks the row, says what is wrong above the form, focuses the row and
 * returns %FALSE; @record is then only partly filled.
 */
gboolean
korak_participant_form_read_record (KorakParticipantForm    *self,
                                    KorakParticipantRecord  *record,
                                    GError                 **error)
{
  guint cohort_pos;

  g_return_val_if_fail (KORAK_IS_PARTICIPANT_FORM (self), FALSE);

  clear_errors (self);

  for (guint i = 0; i < KORAK_N_FIELDS; i++)
    {
      const KorakFieldInfo *info = korak_participant_field_info (i);
      g_autofree char *value = NULL;
      GError *local_error = NULL;

      switch (info->kind)
        {
        case KORAK_FIELD_KIND_CHOICE:
          {
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[i]));
            guint offset = info->required ? 0 : 1;

            if (selected != GTK_INVALID_LIST_POSITION && selected >= offset)
              value = g_strdup (info->choices[selected - offset].code);
            break;
          }

        case KORAK_FIELD_KIND_BOOLEAN:
          value = g_strdup (gtk_switch_get_active (GTK_SWITCH (self->switches[i])) ? "1" : "0");
          break;

        case KORAK_FIELD_KIND_DATE:
        case KORAK_FIELD_KIND_PAST_DATE:
          value = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->rows[i])), &local_error);
          if (value == NULL)
            {
              g_prefix_error (&local_error, "%s: ", _(info->label));
              fail_on_row (self, self->rows[i], error, local_error);
              return FALSE;
            }
          break;

        case KORAK_FIELD_KIND_NAME:
          /* Stray spaces around a name are never meant. */
          value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i]))));
          break;

        default:
          value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i])));
          break;
        }

      if (!korak_participant_field_validate (i, value, &local_error))
        {
          fail_on_row (self, self->rows[i], error, local_error);
          return FALSE;
        }

      korak_participant_record_set (record, i, value);
    }

  cohort_pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->cohort_row));
  if (cohort_pos == 0 || cohort_pos == GTK_INVALID_LIST_POSITION || self->cohorts == NULL)
    record->cohort_id = 0;
  else
    {
      g_autoptr(KorakCohort) cohort = g_list_model_get_item (self->cohorts, cohort_pos - 1);

      record->cohort_id = cohort ? korak_cohort_get_id (cohort) : 0;
    }

  return TRUE;
}

void
korak_participant_form_show_error (KorakParticipantForm *self,
                                   const char           *message)
{
  g_return_if_fail (KORAK_IS_PARTICIPANT_FORM (self));

  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL && *message != '\0');
}

const char *
korak_participant_form_get_error (KorakParticipantForm *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_FORM (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

gboolean
korak_participant_form_get_changed (KorakParticipantForm *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_FORM (self), FALSE);

  return self->changed;
}

GtkWidget *
korak_participant_form_get_row (KorakParticipantForm  *self,
                                KorakParticipantField  field)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_FORM (self), NULL);
  g_return_val_if_fail (field < KORAK_N_FIELDS, NULL);

  return self->switches[field] ? self->switches[field] : self->rows[field];
}

GtkWidget *
korak_participant_form_get_cohort_row (KorakParticipantForm *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_FORM (self), NULL);

  return self->cohort_row;
}
