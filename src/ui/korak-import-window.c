/* korak-import-window.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-csv.h"
#include "korak-date.h"
#include "korak-import-window.h"
#include "korak-print.h"
#include "korak-ui-util.h"

/* Rows shown in the preview: every invalid one up to the first limit,
 * then good ones up to the second; the rest are counted below the list. */
#define MAX_INVALID_SHOWN 1000
#define MAX_SHOWN         300
/* Characters of a value shown in a row; a hostile file may hold a megabyte. */
#define MAX_SHOWN_CHARS   80

struct _KorakImportWindow
{
  AdwWindow             parent_instance;

  KorakParticipantList *participants;
  KorakReferralImport  *import;
  char                 *summary;
  GPtrArray            *combo_rows;   /* AdwComboRow*, one per column */
  guint                 updating;

  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkStack             *stack;
  AdwActionRow         *file_row;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *columns_group;
  GtkListBox           *rows_list;
  GtkLabel             *more_label;
};

G_DEFINE_FINAL_TYPE (KorakImportWindow, korak_import_window, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
shorten (const char *text)
{
  g_autofree char *flat = NULL;

  if (text == NULL)
    return g_strdup ("");

  flat = g_strdup (text);
  g_strdelimit (flat, "\n\t\r", ' ');
  if (g_utf8_strlen (flat, -1) > MAX_SHOWN_CHARS)
    {
      g_autofree char *start = g_utf8_substring (flat, 0, MAX_SHOWN_CHARS);

      return g_strconcat (start, "…", NULL);
    }
  return g_steal_pointer (&flat);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
preview_row (KorakImportWindow *self,
             guint              row)
{
  const KorakParticipantRecord *record = korak_referral_import_get_record (self->import, row);
  const char *reason = korak_referral_import_get_row_error (self->import, row);
  guint line = korak_referral_import_get_line (self->import, row);
  g_autofree char *given = shorten (korak_participant_record_get (record, KORAK_FIELD_GIVEN_NAME));
  g_autofree char *family = shorten (korak_participant_record_get (record, KORAK_FIELD_FAMILY_NAME));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *widget = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  if (*given == '\0' && *family == '\0')
    title = g_strdup (_("(no name)"));
  else
    /* Translators: given name, then family name */
    title = g_strdup_printf (C_("full name", "%s %s"), given, family);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (widget), 1);

  if (reason != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      /* Translators: the line of the file, then why it cannot be imported */
      subtitle = g_strdup_printf (_("Line %u: %s"), line, reason);
      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Cannot be imported"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (widget), icon);
    }
  else
    {
      const char *birth = korak_participant_record_get (record, KORAK_FIELD_BIRTH_DATE);
      g_autofree char *shown = korak_date_format (birth);

      if (*shown != '\0')
        /* Translators: the line of the file, then the birth date */
        subtitle = g_strdup_printf (_("Line %u · born %s"), line, shown);
      else
        subtitle = g_strdup_printf (_("Line %u"), line);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), reason != NULL ? 6 : 1);

  return widget;
}

static void
update_preview (KorakImportWindow *self)
{
  guint n_rows = korak_referral_import_get_n_rows (self->import);
  guint n_invalid = korak_referral_import_get_n_invalid (self->import);
  const char *problem = korak_referral_import_get_problem (self->import);
  gboolean ready = korak_referral_import_is_ready (self->import);
  g_autofree char *button = NULL;
  guint shown = 0, shown_invalid = 0;

  g_clear_pointer (&self->summary, g_free);
  if (problem != NULL && n_invalid == 0)
    self->summary = g_strdup (problem);
  else if (problem != NULL)
    self->summary = g_strdup_printf ("%s %s", problem,
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  "A line of the file cannot be imported either; it is marked below.",
                                                  "Lines of the file cannot be imported either; they are marked below.",
                                                  n_invalid));
  else if (n_invalid > 0)
    self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u of %u lines cannot be imported; it is marked below with the reason. "
                                                  "Correct the file and choose it again: nothing is imported until every line is right.",
                                                  "%u of %u lines cannot be imported; each is marked below with the reason. "
                                                  "Correct the file and choose it again: nothing is imported until every line is right.",
                                                  n_invalid),
                                     n_invalid, n_rows);
  else
    self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u person is ready to import.",
                                                  "All %u people are ready to import.",
                                                  n_rows),
                                     n_rows);

  gtk_label_set_text (self->summary_label, self->summary);
  if (ready)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
    }

  button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Participant", "_Import %u Participants", n_rows),
                            n_rows);
  gtk_button_set_label (GTK_BUTTON (self->import_button), button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", ready);
  gtk_widget_set_tooltip_text (self->import_button, ready ? NULL : self->summary);

  clear_list_box (self->rows_list);
  for (guint row = 0; row < n_rows && shown_invalid < MAX_INVALID_SHOWN; row++)
    if (korak_referral_import_get_row_error (self->import, row) != NULL)
      {
        gtk_list_box_append (self->rows_list, preview_row (self, row));
        shown_invalid++;
      }
  shown = shown_invalid;
  for (guint row = 0; row < n_rows && shown < MAX(MAX_SHOWN, shown_invalid); row++)
    if (korak_referral_import_get_row_error (self->import, row) == NULL)
      {
        gtk_list_box_append (self->rows_list, preview_row (self, row));
        shown++;
      }

  if (shown < n_rows)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more line is not shown.",
                                                            "%u more lines are not shown.",
                                                            n_rows - shown),
                                               n_rows - shown);
      gtk_label_set_text (self->more_label, more);
      gtk_widget_set_visible (GTK_WIDGET (self->more_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->more_label), FALSE);
}

static void
on_mapping_selected_cb (AdwComboRow       *row,
                        GParamSpec        *pspec,
                        KorakImportWindow *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->import == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  korak_referral_import_set_mapping (self->import, column, selected == 0 ? KORAK_CSV_IGNORE : (int) selected - 1);
  update_preview (self);
}

static void
build_columns (KorakImportWindow *self)
{
  const KorakCsv *csv = korak_referral_import_get_csv (self->import);
  guint n_columns = korak_csv_get_n_columns (csv);
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->combo_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->combo_rows, i));
  g_ptr_array_set_size (self->combo_rows, 0);

  gtk_string_list_append (fields, _("Ignore"));
  for (guint f = 0; f < KORAK_N_FIELDS; f++)
    gtk_string_list_append (fields, _(korak_participant_field_info (f)->label));

  self->updating++;
  for (guint column = 0; column < n_columns; column++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *header = shorten (korak_csv_get_header (csv, column));
      g_autofree char *example = NULL;
      int field = korak_referral_import_get_mapping (self->import, column);

      for (guint r = 0; r < korak_csv_get_n_rows (csv) && example == NULL; r++)
        if (*korak_csv_get_value (csv, r, column) != '\0')
          example = shorten (korak_csv_get_value (csv, r, column));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (*header == '\0')
        {
          g_free (header);
          header = g_strdup_printf (_("Column %u"), column + 1);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header);
      if (example != NULL)
        {
          /* Translators: an example value from the file's column */
          g_autofree char *subtitle = g_strdup_printf (_("For example “%s”"), example);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), field == KORAK_CSV_IGNORE ? 0 : (guint) field + 1);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (column));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_mapping_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->combo_rows, row);
    }
  self->updating--;
}

gboolean
korak_import_window_load (KorakImportWindow  *self,
                          const char         *path,
                          GError            **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  KorakCsv *csv;

  g_return_val_if_fail (KORAK_IS_IMPORT_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(csv = korak_csv_load (path, error)))
    return FALSE;

  g_clear_pointer (&self->import, korak_referral_import_free);
  self->import = korak_referral_import_new (csv);

  basename = g_path_get_basename (path);
  display = g_filename_display_name (basename);
  adw_action_row_set_subtitle (self->file_row, display);
  adw_window_title_set_subtitle (self->window_title, display);

  build_columns (self);
  update_preview (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");

  return TRUE;
}

static void
on_choose_response_cb (GtkNativeDialog   *dialog,
                       int                response,
                       KorakImportWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  if (path != NULL && !korak_import_window_load (self, path, &error))
    korak_show_error_dialog (GTK_WIDGET (self), _("The File Cannot Be Imported"), error->message);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KorakImportWindow *self = KORAK_IMPORT_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (csv_filter, _("CSV files"));
  gtk_file_filter_add_mime_type (csv_filter, "text/csv");
  gtk_file_filter_add_mime_type (csv_filter, "text/tab-separated-values");
  gtk_file_filter_add_pattern (csv_filter, "*.csv");
  gtk_file_filter_add_pattern (csv_filter, "*.CSV");
  gtk_file_filter_add_pattern (csv_filter, "*.txt");
  gtk_file_filter_add_pattern (csv_filter, "*.tsv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv_filter);
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all_filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_choose_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

gboolean
korak_import_window_apply (KorakImportWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint imported = 0;

  g_return_val_if_fail (KORAK_IS_IMPORT_WINDOW (self), FALSE);

  if (self->import == NULL)
    return FALSE;

  if (!korak_referral_import_apply (self->import, korak_participant_list_get_store (self->participants),
                                    &imported, &error))
    {
      korak_show_error_dialog (GTK_WIDGET (self), _("Nothing Was Imported"), error->message);
      return FALSE;
    }

  if (!korak_participant_list_reload (self->participants, &error))
    g_warning ("Imported, but the list could not be reloaded: %s", error->message);

  g_signal_emit (self, signals[IMPORTED], 0, imported);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  korak_import_window_apply (KORAK_IMPORT_WINDOW (widget));
}

void
korak_import_window_set_mapping (KorakImportWindow *self,
                                 guint              column,
                                 int                field)
{
  g_return_if_fail (KORAK_IS_IMPORT_WINDOW (self));
  g_return_if_fail (self->import != NULL);
  g_return_if_fail (column < self->combo_rows->len);

  adw_combo_row_set_selected (g_ptr_array_index (self->combo_rows, column),
                              field == KORAK_CSV_IGNORE ? 0 : (guint) field + 1);
}

const char *
korak_import_window_get_summary (KorakImportWindow *self)
{
  g_return_val_if_fail (KORAK_IS_IMPORT_WINDOW (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

guint
korak_import_window_get_n_invalid (KorakImportWindow *self)
{
  g_return_val_if_fail (KORAK_IS_IMPORT_WINDOW (self), 0);
  return self->import ? korak_referral_import_get_n_invalid (self->import) : 0;
}

GtkWidget *
korak_import_window_get_import_button (KorakImportWindow *self)
{
  g_return_val_if_fail (KORAK_IS_IMPORT_WINDOW (self), NULL);
  return self->import_button;
}

static void
korak_import_window_dispose (GObject *object)
{
  KorakImportWindow *self = (KorakImportWindow *)object;

  g_clear_object (&self->participants);
  g_clear_pointer (&self->import, korak_referral_import_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->combo_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_import_window_parent_class)->dispose (object);
}

static void
korak_import_window_class_init (KorakImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_import_window_dispose;

  /* Participants were stored: the number of them. */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KorakImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, KorakImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakImportWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, KorakImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KorakImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, KorakImportWindow, rows_list);
  gtk_widget_class_bind_template_child (widget_class, KorakImportWindow, more_label);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose", NULL);
}

static void
korak_import_window_init (KorakImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->combo_rows = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
}

KorakImportWindow *
korak_import_window_new (GtkWindow            *parent,
                         KorakParticipantList *participants)
{
  KorakImportWindow *self;

  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (participants), NULL);

  self = g_object_new (KORAK_TYPE_IMPORT_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->participants = g_object_ref (participants);

  return self;
}
