/* korak-preferences-window.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-preferences-window.h"
#include "korak-report-data.h"
#include "korak-ui-util.h"

/* A logo file larger than this is not even read: the store takes 2 MB. */
#define LOGO_READ_LIMIT (8 * 1024 * 1024)

struct _KorakPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSpinButton        *threshold_button;

  KorakAreaList        *areas;
  GtkListBox           *area_box;

  /* Organisation */
  KorakStore              *store;
  KorakOrganisationRecord *organisation;  /* as stored */
  GBytes                  *logo;          /* as shown: stored with the next save */
  char                    *organisation_error;
  gboolean                 filling;
  gboolean                 close_refused;

  AdwPreferencesPage      *organisation_page;
  AdwEntryRow             *name_row;
  AdwEntryRow             *address_row;
  AdwEntryRow             *funder_row;
  AdwActionRow            *logo_row;
  GtkStack                *logo_stack;
  GtkPicture              *logo_picture;
  GtkWidget               *logo_remove_button;
  AdwComboRow             *paper_row;
};

G_DEFINE_FINAL_TYPE (KorakPreferencesWindow, korak_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
korak_preferences_window_dispose (GObject *object)
{
  KorakPreferencesWindow *self = (KorakPreferencesWindow *)object;

  if (self->area_box != NULL)
    gtk_list_box_bind_model (self->area_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->areas);
  g_clear_object (&self->store);
  g_clear_pointer (&self->organisation, korak_organisation_record_free);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_clear_pointer (&self->organisation_error, g_free);

  G_OBJECT_CLASS (korak_preferences_window_parent_class)->dispose (object);
}

/* ---------------------------------------------------------- organisation */

static const char * const papers[] = { "a4", "letter" };

static void
show_logo (KorakPreferencesWindow *self)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  g_autofree char *subtitle = NULL;

  if (self->logo != NULL)
    texture = gdk_texture_new_from_bytes (self->logo, &error);

  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->logo_stack, texture != NULL ? "logo" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.remove-logo", self->logo != NULL);

  if (self->logo == NULL)
    subtitle = g_strdup (_("None: documents show the name only"));
  else if (texture == NULL)
    subtitle = g_strdup (_("The stored logo cannot be shown; choose it again"));
  else
    {
      size = g_format_size (g_bytes_get_size (self->logo));
      /* Translators: %d × %d is the logo's size in pixels, %s its file size. */
      subtitle = g_strdup_printf (_("PNG, %d × %d pixels, %s"), gdk_texture_get_width (texture),
                                  gdk_texture_get_height (texture), size);
    }
  adw_action_row_set_subtitle (self->logo_row, subtitle);
}

static void
fill_organisation (KorakPreferencesWindow *self)
{
  const KorakOrganisationRecord *o = self->organisation;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), o->name ? o->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), o->address ? o->address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->funder_row), o->funder_line ? o->funder_line : "");
  g_clear_pointer (&self->logo, g_bytes_unref);
  self->logo = o->logo ? g_bytes_ref (o->logo) : NULL;
  adw_combo_row_set_selected (self->paper_row, g_strcmp0 (o->paper, "letter") == 0 ? 1 : 0);
  show_logo (self);
  self->filling = FALSE;
}

static char *
entry_value (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
organisation_failed (KorakPreferencesWindow *self,
                     const char             *message)
{
  g_free (self->organisation_error);
  self->organisation_error = g_strdup (message);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/**
 * korak_preferences_window_save_organisation:
 *
 * Stores what the Organisation page shows. On a refusal (no name, a logo
 * that is not a PNG) the reason is shown in a toast and everything typed
 * stays as it is.
 */
gboolean
korak_preferences_window_save_organisation (KorakPreferencesWindow *self)
{
  g_autoptr(KorakOrganisationRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  guint paper;

  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), FALSE);

  if (self->store == NULL || self->organisation == NULL)
    return FALSE;

  record = korak_organisation_record_copy (self->organisation);
  g_free (record->name);
  record->name = entry_value (self->name_row);
  g_free (record->address);
  record->address = entry_value (self->address_row);
  g_free (record->funder_line);
  record->funder_line = entry_value (self->funder_row);
  g_clear_pointer (&record->logo, g_bytes_unref);
  record->logo = self->logo ? g_bytes_ref (self->logo) : NULL;
  paper = adw_combo_row_get_selected (self->paper_row);
  g_free (record->paper);
  record->paper = g_strdup (papers[paper < G_N_ELEMENTS (papers) ? paper : 0]);

  if (!korak_store_save_organisation (self->store, record, &error))
    {
      organisation_failed (self, error->message);
      return FALSE;
    }

  korak_organisation_record_free (self->organisation);
  self->organisation = g_steal_pointer (&record);
  g_clear_pointer (&self->organisation_error, g_free);
  self->close_refused = FALSE;

  return TRUE;
}

static void
on_organisation_apply_cb (KorakPreferencesWindow *self)
{
  if (korak_preferences_window_save_organisation (self))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Saved")));
}

static void
on_paper_selected_cb (KorakPreferencesWindow *self)
{
  if (!self->filling)
    korak_preferences_window_save_organisation (self);
}

/* Sets the logo to @bytes (NULL: none) and stores it; on a refusal the logo
 * stored before stays, with the reason in a toast. */
static gboolean
change_logo (KorakPreferencesWindow *self,
             GBytes                 *bytes)
{
  g_autoptr(GBytes) previous = g_steal_pointer (&self->logo);

  self->logo = bytes ? g_bytes_ref (bytes) : NULL;
  if (!korak_preferences_window_save_organisation (self))
    {
      g_clear_pointer (&self->logo, g_bytes_unref);
      self->logo = g_steal_pointer (&previous);
      return FALSE;
    }

  show_logo (self);
  return TRUE;
}

/**
 * korak_preferences_window_set_logo_file:
 * @file: (nullable): a PNG file, or %NULL to remove the logo
 *
 * What Choose… and Remove do after the file chooser.
 */
gboolean
korak_preferences_window_set_logo_file (KorakPreferencesWindow *self,
                                        GFile                  *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (file == NULL)
    return change_logo (self, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_size (info) > LOGO_READ_LIMIT)
    {
      organisation_failed (self, _("That file is far too large for a logo. Choose a PNG image of at most 2 MB."));
      return FALSE;
    }
  if (info != NULL)
    bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why a file could not be read. */
      message = g_strdup_printf (_("The logo could not be read: %s"), error->message);
      organisation_failed (self, message);
      return FALSE;
    }

  return change_logo (self, bytes);
}

static void
logo_response_cb (GtkNativeDialog        *dialog,
                  int                     response,
                  KorakPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    korak_preferences_window_set_logo_file (self, file);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (logo_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
remove_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  korak_preferences_window_set_logo_file (KORAK_PREFERENCES_WINDOW (widget), NULL);
}

static gboolean
text_differs (AdwEntryRow *row,
              const char  *stored)
{
  g_autofree char *value = entry_value (row);

  return g_strcmp0 (value, stored) != 0;
}

static gboolean
organisation_changed (KorakPreferencesWindow *self)
{
  const KorakOrganisationRecord *o = self->organisation;

  return o != NULL &&
         (text_differs (self->name_row, o->name) ||
          text_differs (self->address_row, o->address) ||
          text_differs (self->funder_row, o->funder_line));
}

/* Text typed without Enter is stored on closing too. When it cannot be,
 * the window stays open once with the reason; closing again leaves it. */
static gboolean
korak_preferences_window_close_request (GtkWindow *window)
{
  KorakPreferencesWindow *self = KORAK_PREFERENCES_WINDOW (window);

  if (organisation_changed (self) && !self->close_refused &&
      !korak_preferences_window_save_organisation (self))
    {
      g_autofree char *message = NULL;

      self->close_refused = TRUE;
      /* Translators: %s is why the organisation could not be saved. */
      message = g_strdup_printf (_("Not saved: %s Close again to leave without saving."), self->organisation_error);
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), self->organisation_page);
      organisation_failed (self, message);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (korak_preferences_window_parent_class)->close_request (window);
}

static void
korak_preferences_window_class_init (KorakPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = korak_preferences_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = korak_preferences_window_close_request;

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, threshold_button);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, organisation_page);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, funder_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, logo_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, KorakPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_selected_cb);
  gtk_widget_class_install_action (widget_class, "organisation.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "organisation.remove-logo", NULL, remove_logo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
korak_preferences_window_init (KorakPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
korak_preferences_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  KorakPreferencesWindow *self = g_object_new (KORAK_TYPE_PREFERENCES_WINDOW,
                                               "transient-for", parent,
                                               NULL);

  if (settings != NULL)
    g_settings_bind (settings, "attendance-threshold",
                     gtk_spin_button_get_adjustment (self->threshold_button), "value",
                     G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->threshold_button), FALSE);

  return GTK_WIDGET (self);
}

GtkSpinButton *
korak_preferences_window_get_threshold_button (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->threshold_button;
}

/* ------------------------------------------------------ competency areas */

static void
area_failed (KorakPreferencesWindow *self,
             const GError           *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static gint64
row_area_id (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "area-id");

  return id ? *id : 0;
}

static void
set_row_area_id (GtkWidget *widget,
                 gint64     id)
{
  g_object_set_data_full (G_OBJECT (widget), "area-id", g_memdup2 (&id, sizeof id), g_free);
}

static void
on_area_apply_cb (AdwEntryRow            *row,
                  KorakPreferencesWindow *self)
{
  g_autoptr(KorakAreaRecord) record = korak_area_record_new ();
  g_autoptr(GError) error = NULL;

  record->id = row_area_id (GTK_WIDGET (row));
  record->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!korak_area_list_save (self->areas, record, &error))
    area_failed (self, error);
}

static void
on_area_add_cb (AdwEntryRow            *row,
                KorakPreferencesWindow *self)
{
  g_autoptr(KorakAreaRecord) record = korak_area_record_new ();
  g_autoptr(GError) error = NULL;

  record->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!korak_area_list_save (self->areas, record, &error))
    {
      area_failed (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_area_move_cb (GtkButton              *button,
                 KorakPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  if (!korak_area_list_move (self->areas, row_area_id (GTK_WIDGET (button)), delta, &error))
    area_failed (self, error);
}

static void
on_area_retire_cb (GtkButton              *button,
                   KorakPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean retire = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "retire"));

  if (!korak_area_list_set_retired (self->areas, row_area_id (GTK_WIDGET (button)), retire, &error))
    area_failed (self, error);
}

static GtkWidget *
area_button (KorakPreferencesWindow *self,
             const char             *icon,
             const char             *tooltip,
             const char             *accessible,
             gint64                  id,
             GCallback               callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  set_row_area_id (button, id);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
create_area_row (gpointer item,
                 gpointer user_data)
{
  KorakPreferencesWindow *self = user_data;
  KorakAreaItem *area = item;
  gint64 id = korak_area_item_get_id (area);
  const char *label = korak_area_item_get_label (area);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button;
  g_autofree char *up = g_strdup_printf (_("Move %s up"), label);
  g_autofree char *down = g_strdup_printf (_("Move %s down"), label);
  g_autofree char *retire = g_strdup_printf (_("Retire %s"), label);
  g_autofree char *restore = g_strdup_printf (_("Use %s again"), label);

  set_row_area_id (row, id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 korak_area_item_get_retired (area) ? _("Retired: old scores are kept") : _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (row), label);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_area_apply_cb), self, 0);

  if (korak_area_item_get_retired (area))
    {
      gtk_widget_add_css_class (row, "dim-label");
      button = area_button (self, "edit-undo-symbolic", _("Use Again"), restore, id, G_CALLBACK (on_area_retire_cb));
      g_object_set_data (G_OBJECT (button), "retire", GINT_TO_POINTER (FALSE));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      return row;
    }

  button = area_button (self, "go-up-symbolic", _("Move Up"), up, id, G_CALLBACK (on_area_move_cb));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (-1));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  button = area_button (self, "go-down-symbolic", _("Move Down"), down, id, G_CALLBACK (on_area_move_cb));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (1));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  button = area_button (self, "user-trash-symbolic", _("Retire (Old Scores Are Kept)"), retire, id,
                        G_CALLBACK (on_area_retire_cb));
  g_object_set_data (G_OBJECT (button), "retire", GINT_TO_POINTER (TRUE));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  return row;
}

void
korak_preferences_window_set_store (KorakPreferencesWindow *self,
                                    KorakStore             *store)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *group, *add_group, *add_row;

  g_return_if_fail (KORAK_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (KORAK_IS_STORE (store));
  g_return_if_fail (self->areas == NULL);

  g_set_object (&self->store, store);
  self->organisation = korak_store_get_organisation (store, &error);
  if (self->organisation != NULL)
    {
      fill_organisation (self);
      gtk_widget_set_visible (GTK_WIDGET (self->organisation_page), TRUE);
    }
  else
    {
      organisation_failed (self, error->message);
      g_clear_error (&error);
    }

  self->areas = korak_area_list_new (store, TRUE);
  if (!korak_area_list_reload (self->areas, &error))
    {
      area_failed (self, error);
      return;
    }

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Assessments"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "document-edit-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "assessments");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Competency Areas"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The areas scored from 1 to 10 in every assessment, in this order. A retired area is left out of new assessments; its old scores stay."));
  self->area_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->area_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->area_box), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Competency areas"), -1);
  gtk_list_box_bind_model (self->area_box, G_LIST_MODEL (self->areas), create_area_row, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->area_box));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  add_group = adw_preferences_group_new ();
  add_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add a competency area"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add_row), TRUE);
  g_signal_connect_object (add_row, "apply", G_CALLBACK (on_area_add_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), add_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (add_group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);
}

KorakAreaList *
korak_preferences_window_get_areas (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->areas;
}

/* For tests: the Organisation page's entries, "name", "address" or "funder". */
GtkEditable *
korak_preferences_window_get_organisation_entry (KorakPreferencesWindow *self,
                                                 const char             *name)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);

  if (g_strcmp0 (name, "name") == 0)
    return GTK_EDITABLE (self->name_row);
  if (g_strcmp0 (name, "address") == 0)
    return GTK_EDITABLE (self->address_row);
  if (g_strcmp0 (name, "funder") == 0)
    return GTK_EDITABLE (self->funder_row);
  return NULL;
}

AdwComboRow *
korak_preferences_window_get_paper_row (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->paper_row;
}

/* The last reason the organisation was not saved, or %NULL. */
const char *
korak_preferences_window_get_organisation_error (KorakPreferencesWindow *self)
{
  g_return_val_if_fail (KORAK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->organisation_error;
}
