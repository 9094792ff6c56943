/* korak-participants-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-participants-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-cohort.h"
#include "korak-export-dialog.h"
#include "korak-import-window.h"
#include "korak-retention-window.h"
#include "korak-new-participant-dialog.h"
#include "korak-participant-row.h"
#include "korak-participants-page.h"
#include "korak-ui-util.h"

struct _KorakParticipantsPage
{
  AdwBin                parent_instance;

  KorakParticipantList *participants;
  GListModel           *cohorts;
  AdwToast             *last_toast;   /* weak: the newest Undo toast */
  GtkSingleSelection   *selection;
  guint                 selecting;

  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_button;
  AdwWindowTitle       *list_title;
  GtkGrid              *filter_grid;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  KorakProfilePage     *profile_page;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *cohort_dropdown;
  GtkDropDown          *target_dropdown;
  GtkDropDown          *sort_dropdown;
};

G_DEFINE_FINAL_TYPE (KorakParticipantsPage, korak_participants_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *sort_labels[] = {
  N_("Family name"),
  N_("Given name"),
  N_("Status"),
  N_("Recently changed"),
};

static void
update_state (KorakParticipantsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->participants));
  guint total = korak_participant_list_get_total (self->participants);
  g_autofree char *subtitle = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  /* Translators: shown under "Participants": how many of all are listed */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shown of %u", "%u shown of %u", total),
                              shown, total);
  adw_window_title_set_subtitle (self->list_title, total ? subtitle : NULL);
}

/* Keeps the profile's person selected while the list refilters around it. */
static void
reselect_shown (KorakParticipantsPage *self)
{
  KorakParticipant *shown = korak_profile_page_get_participant (self->profile_page);
  guint position;

  self->selecting++;
  if (shown != NULL && korak_participant_list_find (self->participants, korak_participant_get_id (shown), &position))
    gtk_single_selection_set_selected (self->selection, position);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting--;
}

static void
on_items_changed_cb (KorakParticipantsPage *self)
{
  update_state (self);
  reselect_shown (self);
}

static void
on_selected_item_cb (KorakParticipantsPage *self)
{
  KorakParticipant *participant;

  if (self->selecting)
    return;

  participant = gtk_single_selection_get_selected_item (self->selection);
  if (participant == NULL)
    return;

  /* A profile with an invalid edit keeps the focus until it is fixed. */
  if (!korak_profile_page_show (self->profile_page, participant))
    {
      reselect_shown (self);
      adw_leaflet_set_visible_child_name (self->leaflet, "profile");
      return;
    }

  adw_leaflet_set_visible_child_name (self->leaflet, "profile");
}

static void
on_list_activate_cb (KorakParticipantsPage *self,
                     guint                  position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child_name (self->leaflet, "profile");
}

static void
on_leaflet_folded_cb (KorakParticipantsPage *self)
{
  korak_profile_page_set_show_back (self->profile_page, adw_leaflet_get_folded (self->leaflet));
}

static void
on_search_changed_cb (KorakParticipantsPage *self)
{
  if (self->participants != NULL)
    korak_participant_list_set_search (self->participants,
                                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search_cb (KorakParticipantsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search opens the first match. */
static void
on_search_activate_cb (KorakParticipantsPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->participants)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      on_selected_item_cb (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, korak_participant_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  korak_participant_row_set_participant (KORAK_PARTICIPANT_ROW (gtk_list_item_get_child (item)),
                                         gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  korak_participant_row_set_participant (KORAK_PARTICIPANT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
on_filter_changed_cb (KorakParticipantsPage *self)
{
  const KorakChoice *statuses = korak_participant_statuses ();
  const KorakChoice *groups = korak_participant_target_groups ();
  guint n_statuses = 0, n_groups = 0;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint cohort = gtk_drop_down_get_selected (self->cohort_dropdown);
  guint target = gtk_drop_down_get_selected (self->target_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  gint64 cohort_id = 0;

  if (self->participants == NULL)
    return;

  while (statuses[n_statuses].code)
    n_statuses++;
  while (groups[n_groups].code)
    n_groups++;

  /* Status list: all current, each status, then archived. */
  if (status >= 1 && status <= n_statuses)
    korak_participant_list_set_status_filter (self->participants, statuses[status - 1].code);
  else if (status == n_statuses + 1)
    korak_participant_list_set_status_filter (self->participants, KORAK_PARTICIPANT_FILTER_ARCHIVED);
  else
    korak_participant_list_set_status_filter (self->participants, NULL);

  if (cohort >= 1 && self->cohorts != NULL && cohort <= g_list_model_get_n_items (self->cohorts))
    {
      g_autoptr(KorakCohort) item = g_list_model_get_item (self->cohorts, cohort - 1);
      cohort_id = korak_cohort_get_id (item);
    }
  korak_participant_list_set_cohort_filter (self->participants, cohort_id);

  korak_participant_list_set_target_group_filter (self->participants,
                                                  target >= 1 && target <= n_groups ? groups[target - 1].code : NULL);

  if (sort != GTK_INVALID_LIST_POSITION && sort < G_N_ELEMENTS (sort_labels))
    korak_participant_list_set_sort (self->participants, sort);
}

static GtkDropDown *
add_filter (KorakParticipantsPage *self,
            int                    row,
            const char            *label_text,
            GtkStringList         *items)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (items)), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_grid_attach (self->filter_grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->filter_grid, dropdown, 1, row, 1, 1);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);

  return GTK_DROP_DOWN (dropdown);
}

static GtkStringList *
labels_for (const KorakChoice *choices,
            const char        *first,
            const char        *last)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, first);
  for (guint i = 0; choices[i].code; i++)
    gtk_string_list_append (list, _(choices[i].label));
  if (last != NULL)
    gtk_string_list_append (list, last);

  return list;
}

static void
build_filters (KorakParticipantsPage *self)
{
  g_autoptr(GtkStringList) statuses = labels_for (korak_participant_statuses (), _("All current"), C_("filter", "Archived"));
  g_autoptr(GtkStringList) groups = labels_for (korak_participant_target_groups (), _("All target groups"), NULL);
  g_autoptr(GtkStringList) cohorts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);

  gtk_string_list_append (cohorts, _("All cohorts"));
  for (guint i = 0; i < G_N_ELEMENTS (sort_labels); i++)
    gtk_string_list_append (sorts, _(sort_labels[i]));

  self->status_dropdown = add_filter (self, 0, _("_Status"), statuses);
  self->cohort_dropdown = add_filter (self, 1, _("_Cohort"), cohorts);
  self->target_dropdown = add_filter (self, 2, _("_Target group"), groups);
  self->sort_dropdown = add_filter (self, 3, _("S_ort by"), sorts);
}

static void
rebuild_cohort_filter (KorakParticipantsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = self->cohorts ? g_list_model_get_n_items (self->cohorts) : 0;

  gtk_string_list_append (labels, _("All cohorts"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakCohort) cohort = g_list_model_get_item (self->cohorts, i);
      gtk_string_list_append (labels, korak_cohort_get_name (cohort));
    }
  gtk_drop_down_set_model (self->cohort_dropdown, G_LIST_MODEL (labels));
}

void
korak_participants_page_select (KorakParticipantsPage *self,
                                gint64                 id)
{
  guint position;

  g_return_if_fail (KORAK_IS_PARTICIPANTS_PAGE (self));

  if (!korak_participant_list_find (self->participants, id, &position))
    {
      /* Not visible under the current search or filters: show everyone. */
      gtk_widget_activate_action (GTK_WIDGET (self), "participants.clear-filters", NULL);
      if (!korak_participant_list_find (self->participants, id, &position))
        return;
    }

  gtk_single_selection_set_selected (self->selection, position);
  on_selected_item_cb (self);
  /* GTK 4.8 has no gtk_list_view_scroll_to(); its action does the same. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
on_participant_added_cb (KorakParticipantsPage *self,
                         KorakParticipant      *participant)
{
  g_autofree char *title = g_strdup_printf (_("Added %s"), korak_participant_get_display_name (participant));

  korak_participants_page_select (self, korak_participant_get_id (participant));
  korak_show_toast (GTK_WIDGET (self), title);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  KorakParticipantsPage *self = KORAK_PARTICIPANTS_PAGE (widget);
  KorakNewParticipantDialog *dialog;

  if (self->participants == NULL)
    return;

  dialog = korak_new_participant_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                             self->participants, self->cohorts);
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_participant_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_imported_cb (KorakParticipantsPage *self,
                guint                  n_imported)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u participant",
                                                         "Imported %u participants", n_imported),
                                            n_imported);

  /* Newly referred people have the status "Referred": show everyone current. */
  gtk_widget_activate_action (GTK_WIDGET (self), "participants.clear-filters", NULL);
  korak_show_toast (GTK_WIDGET (self), title);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KorakParticipantsPage *self = KORAK_PARTICIPANTS_PAGE (widget);
  KorakImportWindow *window;

  if (self->participants == NULL)
    return;

  window = korak_import_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->participants);
  g_signal_connect_object (window, "imported", G_CALLBACK (on_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* People whose programme ended longer ago than the retention period, to
 * erase; an erased person who is on screen is forgotten by the profile. */
static void
retention_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KorakParticipantsPage *self = KORAK_PARTICIPANTS_PAGE (widget);
  KorakRetentionWindow *window;

  if (self->participants == NULL)
    return;

  window = korak_retention_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                       korak_participant_list_get_store (self->participants));
  g_signal_connect_object (window, "person-erased", G_CALLBACK (korak_profile_page_person_erased),
                           self->profile_page, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KorakParticipantsPage *self = KORAK_PARTICIPANTS_PAGE (widget);
  KorakExportDialog *dialog;

  if (self->participants == NULL)
    return;

  dialog = korak_export_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                    korak_participant_list_get_store (self->participants));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KorakParticipantsPage *self = KORAK_PARTICIPANTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KorakParticipantsPage *self = KORAK_PARTICIPANTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KorakParticipantsPage *self = KORAK_PARTICIPANTS_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->cohort_dropdown, 0);
  gtk_drop_down_set_selected (self->target_dropdown, 0);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KorakParticipantsPage *self = KORAK_PARTICIPANTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (param);

  if (!korak_participant_list_set_archived (self->participants, id, FALSE, &error))
    {
      korak_show_toast (widget, error->message);
      return;
    }

  korak_participants_page_select (self, id);
}

/* The toast lives in the window's overlay, outside this page, so its
 * button cannot reach the page's actions by name: it calls back instead. */
static void
on_undo_clicked_cb (AdwToast              *toast,
                    KorakParticipantsPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "participant-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "participants.restore", "x", id);
}

static void
on_profile_archived_cb (KorakParticipantsPage *self,
                        KorakParticipant      *participant)
{
  g_autofree char *title = g_strdup_printf (_("%s archived"), korak_participant_get_display_name (participant));
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "participant-id",
                          g_memdup2 (&(gint64) { korak_participant_get_id (participant) }, sizeof (gint64)),
                          g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  if (self->last_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
  self->last_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->last_toast);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  korak_add_toast (GTK_WIDGET (self), toast);

  /* The archived person stays open, now with Restore, until another is chosen. */
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
korak_participants_page_dispose (GObject *object)
{
  KorakParticipantsPage *self = (KorakParticipantsPage *)object;

  if (self->participants != NULL)
    g_signal_handlers_disconnect_by_data (self->participants, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->participants);
  g_clear_object (&self->cohorts);
  if (self->last_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
  self->last_toast = NULL;

  G_OBJECT_CLASS (korak_participants_page_parent_class)->dispose (object);
}

static void
korak_participants_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KorakParticipantsPage *self = KORAK_PARTICIPANTS_PAGE (object);

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
korak_participants_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  KorakParticipantsPage *self = KORAK_PARTICIPANTS_PAGE (object);

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
korak_participants_page_class_init (KorakParticipantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_participants_page_dispose;
  object_class->get_property = korak_participants_page_get_property;
  object_class->set_property = korak_participants_page_set_property;

  properties[PROP_SHOW_SIDEBAR_BUTTON] =
    g_param_spec_boolean ("show-sidebar-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KORAK_TYPE_PROFILE_PAGE);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-participants-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantsPage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantsPage, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantsPage, profile_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_archived_cb);

  gtk_widget_class_install_action (widget_class, "participants.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "participants.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "participants.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "participants.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "participants.restore", "x", restore_action);
  gtk_widget_class_install_action (widget_class, "participants.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "participants.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "participants.retention", NULL, retention_action);
}

static void
korak_participants_page_init (KorakParticipantsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participants"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search participants"), -1);

  build_filters (self);
  on_leaflet_folded_cb (self);
}

void
korak_participants_page_set_model (KorakParticipantsPage *self,
                                   KorakParticipantList  *participants,
                                   GListModel            *cohorts)
{
  g_return_if_fail (KORAK_IS_PARTICIPANTS_PAGE (self));
  g_return_if_fail (KORAK_IS_PARTICIPANT_LIST (participants));

  if (self->participants != NULL)
    g_signal_handlers_disconnect_by_data (self->participants, self);
  g_set_object (&self->participants, participants);
  g_set_object (&self->cohorts, cohorts);

  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (participants)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (participants, "items-changed", G_CALLBACK (on_items_changed_cb), self);

  korak_profile_page_set_participants (self->profile_page, participants, cohorts);
  rebuild_cohort_filter (self);
  update_state (self);
}

/* Shown while a database's participants load after the window's first frame. */
void
korak_participants_page_set_loading (KorakParticipantsPage *self)
{
  g_return_if_fail (KORAK_IS_PARTICIPANTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->list_stack, "loading");
  adw_window_title_set_subtitle (self->list_title, NULL);
}

KorakParticipantList *
korak_participants_page_get_model (KorakParticipantsPage *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANTS_PAGE (self), NULL);

  return self->participants;
}

KorakProfilePage *
korak_participants_page_get_profile (KorakParticipantsPage *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANTS_PAGE (self), NULL);

  return self->profile_page;
}

GtkEditable *
korak_participants_page_get_search (KorakParticipantsPage *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANTS_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkListView *
korak_participants_page_get_list_view (KorakParticipantsPage *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANTS_PAGE (self), NULL);

  return self->list_view;
}

const char *
korak_participants_page_get_state (KorakParticipantsPage *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->list_stack);
}

/* The newest Undo toast while it exists, for tests. */
AdwToast *
korak_participants_page_get_undo_toast (KorakParticipantsPage *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANTS_PAGE (self), NULL);
  return self->last_toast;
}
