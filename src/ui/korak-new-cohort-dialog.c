/* korak-new-cohort-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-new-cohort-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "korak-cohort-util.h"
#include "korak-date.h"
#include "korak-new-cohort-dialog.h"
#include "korak-ui-util.h"

struct _KorakNewCohortDialog
{
  AdwWindow           parent_instance;

  KorakCohortList    *cohorts;
  KorakProgrammeList *programmes;
  guint               setting_name;
  guint               name_edited : 1;

  GtkWidget          *error_label;
  AdwComboRow        *programme_row;
  AdwEntryRow        *name_row;
  AdwEntryRow        *site_row;
  AdwEntryRow        *start_row;
  AdwActionRow       *plan_row;
  AdwComboRow        *mentor_row;
  AdwComboRow        *mediator_row;
};

G_DEFINE_FINAL_TYPE (KorakNewCohortDialog, korak_new_cohort_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static KorakProgrammeItem *
selected_programme (KorakNewCohortDialog *self)
{
  gint64 id = korak_id_combo_get (self->programme_row);
  guint position;

  if (self->programmes == NULL || !korak_programme_list_find (self->programmes, id, &position))
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->programmes), position);
}

/* The plan row says which modules the cohort gets and when it ends. */
static void
update_plan (KorakNewCohortDialog *self)
{
  g_autoptr(KorakProgrammeItem) programme = selected_programme (self);
  g_autofree char *start = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const KorakProgrammeRecord *record;

  if (programme == NULL)
    {
      adw_action_row_set_subtitle (self->plan_row, _("Choose a programme first"));
      return;
    }

  record = korak_programme_item_get_record (programme);
  for (guint i = 0; record->plan && i < record->plan->len; i++)
    {
      KorakPlanStep *step = g_ptr_array_index (record->plan, i);

      if (i > 0)
        g_string_append (text, " · ");
      /* Translators: a module and its length, e.g. "Workshops, 12 weeks" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s, %d week", "%s, %d weeks", step->weeks),
                              korak_choice_label (korak_module_kinds (), step->kind), step->weeks);
    }

  if (start != NULL && *start != '\0')
    {
      g_autoptr(GDate) date = g_date_new ();
      char iso[16];
      g_autofree char *shown = NULL;
      int y, m, d;

      if (sscanf (start, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
        {
          g_date_set_dmy (date, d, m, y);
          g_date_add_days (date, korak_programme_item_get_weeks (programme) * 7 - 1);
          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
          shown = korak_date_format (iso);
          g_string_append_c (text, '\n');
          /* Translators: %s is the date the cohort's last module ends */
          g_string_append_printf (text, _("Ends on %s"), shown);
        }
    }

  adw_action_row_set_subtitle (self->plan_row, text->str);
}

/* Until the mentor types a name, the name follows programme and month. */
static void
suggest_name (KorakNewCohortDialog *self)
{
  g_autoptr(KorakProgrammeItem) programme = selected_programme (self);
  g_autofree char *start = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), NULL);
  g_autofree char *name = NULL;
  int y, m, d;

  if (self->name_edited || programme == NULL)
    return;

  if (start != NULL && sscanf (start, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 0, 0, 0);
      /* Translators: month and year a cohort starts, g_date_time_format() syntax */
      g_autofree char *month = dt ? g_date_time_format (dt, _("%B %Y")) : NULL;

      /* Translators: a suggested cohort name: programme, then the month it starts */
      name = g_strdup_printf (_("%s, %s"), korak_programme_item_get_name (programme), month ? month : start);
    }
  else
    name = g_strdup (korak_programme_item_get_name (programme));

  self->setting_name++;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  self->setting_name--;
}

static void
on_programme_changed_cb (KorakNewCohortDialog *self)
{
  suggest_name (self);
  update_plan (self);
}

static void
on_start_changed_cb (KorakNewCohortDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
  suggest_name (self);
  update_plan (self);
}

static void
on_name_changed_cb (KorakNewCohortDialog *self)
{
  if (!self->setting_name)
    self->name_edited = TRUE;
}

static void
show_error (KorakNewCohortDialog *self,
            GtkWidget            *row,
            const char           *message)
{
  korak_error_label_set (self->error_label, message);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

/**
 * korak_new_cohort_dialog_create:
 *
 * Stores the cohort the dialog describes. On success emits "created" with
 * its id and closes; otherwise says why above the form and keeps it.
 */
gboolean
korak_new_cohort_dialog_create (KorakNewCohortDialog *self)
{
  g_autoptr(KorakCohortDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *name = NULL;
  g_autofree char *site = NULL;

  g_return_val_if_fail (KORAK_IS_NEW_COHORT_DIALOG (self), FALSE);

  korak_error_label_set (self->error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");

  if (korak_id_combo_get (self->programme_row) == 0)
    {
      show_error (self, GTK_WIDGET (self->programme_row),
                  _("Choose the programme this cohort runs. Add one from Programmes in the menu first."));
      return FALSE;
    }

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    {
      show_error (self, GTK_WIDGET (self->name_row), _("Give the cohort a name, for example the programme and the month it starts."));
      return FALSE;
    }

  start = korak_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), &error);
  if (start == NULL || *start == '\0')
    {
      g_autofree char *message = NULL;

      if (error != NULL)
        /* Translators: %s explains what is wrong with the date */
        message = g_strdup_printf (_("Start date: %s"), error->message);
      show_error (self, GTK_WIDGET (self->start_row),
                  message ? message : _("Type the day the first module starts, for example 5. 1. 2026."));
      return FALSE;
    }

  site = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->site_row))));

  detail = korak_cohort_detail_new ();
  detail->programme_id = korak_id_combo_get (self->programme_row);
  detail->name = g_steal_pointer (&name);
  detail->site = *site ? g_steal_pointer (&site) : NULL;
  detail->start_date = g_steal_pointer (&start);
  detail->mentor_id = korak_id_combo_get (self->mentor_row);
  detail->mediator_id = korak_id_combo_get (self->mediator_row);

  if (!korak_cohort_list_save (self->cohorts, detail, &error))
    {
      show_error (self, NULL, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[CREATED], 0, detail->id);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

const char *
korak_new_cohort_dialog_get_error (KorakNewCohortDialog *self)
{
  g_return_val_if_fail (KORAK_IS_NEW_COHORT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  korak_new_cohort_dialog_create (KORAK_NEW_COHORT_DIALOG (widget));
}

static void
korak_new_cohort_dialog_dispose (GObject *object)
{
  KorakNewCohortDialog *self = (KorakNewCohortDialog *)object;

  g_clear_object (&self->cohorts);
  g_clear_object (&self->programmes);

  G_OBJECT_CLASS (korak_new_cohort_dialog_parent_class)->dispose (object);
}

static void
korak_new_cohort_dialog_class_init (KorakNewCohortDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_new_cohort_dialog_dispose;

  /* The new cohort is stored, with its id. */
  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/korak/Korak/ui/korak-new-cohort-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakNewCohortDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakNewCohortDialog, programme_row);
  gtk_widget_class_bind_template_child (widget_class, KorakNewCohortDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KorakNewCohortDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, KorakNewCohortDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, KorakNewCohortDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, KorakNewCohortDialog, mentor_row);
  gtk_widget_class_bind_template_child (widget_class, KorakNewCohortDialog, mediator_row);
  gtk_widget_class_bind_template_callback (widget_class, on_programme_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.create", NULL);
}

static void
korak_new_cohort_dialog_init (KorakNewCohortDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
}

/* The Monday after today: cohorts usually start at the beginning of a week. */
static char *
next_monday (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));

  return g_date_time_format (monday, "%Y-%m-%d");
}

KorakNewCohortDialog *
korak_new_cohort_dialog_new (GtkWindow          *parent,
                             KorakCohortList    *cohorts,
                             KorakProgrammeList *programmes,
                             KorakStaffList     *mentors,
                             KorakStaffList     *mediators)
{
  KorakNewCohortDialog *self;
  g_autofree char *monday = next_monday ();
  g_autofree char *shown = korak_date_format (monday);

  g_return_val_if_fail (KORAK_IS_COHORT_LIST (cohorts), NULL);
  g_return_val_if_fail (KORAK_IS_PROGRAMME_LIST (programmes), NULL);

  self = g_object_new (KORAK_TYPE_NEW_COHORT_DIALOG, "transient-for", parent, NULL);
  self->cohorts = g_object_ref (cohorts);
  self->programmes = g_object_ref (programmes);

  gtk_editable_set_text (GTK_EDITABLE (self->start_row), shown);
  korak_id_combo_fill (self->programme_row, G_LIST_MODEL (programmes), "name", NULL, 0);
  korak_id_combo_fill (self->mentor_row, G_LIST_MODEL (mentors), "display-name", _("None"), 0);
  korak_id_combo_fill (self->mediator_row, G_LIST_MODEL (mediators), "display-name", _("None"), 0);
  /* The only mentor is most likely the one. */
  if (g_list_model_get_n_items (adw_combo_row_get_model (self->mentor_row)) == 2)
    adw_combo_row_set_selected (self->mentor_row, 1);

  on_programme_changed_cb (self);

  return self;
}
