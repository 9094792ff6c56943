/* korak-print.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-print"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "korak-print.h"
#include "korak-ui-util.h"

/*
 * The one way out to paper or PDF. The document was laid out by the render
 * library; here it only meets the print dialog and the file chooser. The
 * print dialog lays it out again for the context's page size (the paper the
 * person picked), so the preview, the printer and the PDF all break pages
 * with the same code.
 */

static GtkWindow *
parent_window (GtkWidget *parent)
{
  GtkRoot *root;

  if (parent == NULL)
    return NULL;
  if (GTK_IS_WINDOW (parent))
    return GTK_WINDOW (parent);

  root = gtk_widget_get_root (parent);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
korak_show_error_dialog (GtkWidget  *parent,
                         const char *heading,
                         const char *message)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (parent), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* The toast overlay around @widget, else one in its window. */
static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay;

  if (widget == NULL)
    return NULL;

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    return ADW_TOAST_OVERLAY (overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found;

      if (ADW_IS_TOAST_OVERLAY (child))
        return ADW_TOAST_OVERLAY (child);
      found = find_overlay (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
add_toast (GtkWidget *parent,
           AdwToast  *toast)
{
  AdwToastOverlay *overlay = NULL;
  GtkWindow *window = parent_window (parent);

  if (parent != NULL)
    overlay = ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY));
  if (overlay == NULL && ADW_IS_PREFERENCES_WINDOW (window))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
      return;
    }
  if (overlay == NULL && window != NULL)
    overlay = find_overlay (GTK_WIDGET (window));

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }

  adw_toast_overlay_add_toast (overlay, toast);
}

/* ---------------------------------------------------------------- print */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                KorakDocument     *document)
{
  int n_pages = korak_document_layout (document,
                                       gtk_print_context_get_width (context),
                                       gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              KorakDocument     *document)
{
  korak_document_draw_page (document, gtk_print_context_get_cairo_context (context), page);
}

static void
show_print_error (GtkPrintOperation *operation,
                  GtkWidget         *parent,
                  const GError      *error)
{
  if (g_object_get_data (G_OBJECT (operation), "korak-error-shown") != NULL)
    return;
  g_object_set_data (G_OBJECT (operation), "korak-error-shown", GINT_TO_POINTER (TRUE));

  korak_show_error_dialog (parent, _("Could Not Print"),
                           error != NULL ? error->message
                                         : _("The printing system gave no reason. Try again, or save as PDF and print that file."));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  GtkWidget *parent = g_object_get_data (G_OBJECT (operation), "korak-parent");
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  show_print_error (operation, parent, error);
}

static GtkPaperSize *
paper_size_for (double width,
                double height)
{
  double shorter = MIN (width, height);
  double longer = MAX (width, height);

  if (fabs (shorter - KORAK_PAPER_A4_WIDTH) < 1.0 && fabs (longer - KORAK_PAPER_A4_HEIGHT) < 1.0)
    return gtk_paper_size_new (GTK_PAPER_NAME_A4);
  if (fabs (shorter - KORAK_PAPER_LETTER_WIDTH) < 1.0 && fabs (longer - KORAK_PAPER_LETTER_HEIGHT) < 1.0)
    return gtk_paper_size_new (GTK_PAPER_NAME_LETTER);

  return gtk_paper_size_new_custom ("korak-custom", _("Document size"), shorter, longer, GTK_UNIT_POINTS);
}

/**
 * korak_print_operation_new:
 * @document: (transfer full): the document to print
 *
 * Returns: (transfer full): a print operation that lays @document out for
 *   the chosen paper and draws it; @document lives as long as it does.
 */
GtkPrintOperation *
korak_print_operation_new (KorakDocument *document)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  const char *title;
  double width = 0, height = 0;

  g_return_val_if_fail (document != NULL, NULL);

  operation = gtk_print_operation_new ();
  title = korak_document_get_title (document);
  if (title != NULL && *title != '\0')
    gtk_print_operation_set_job_name (operation, title);

  /* The document draws its own margins, letterhead and page numbers. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);

  korak_document_get_paper_size (document, &width, &height);
  paper = paper_size_for (width, height);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);

  g_object_set_data_full (G_OBJECT (operation), "korak-document", document,
                          (GDestroyNotify) korak_document_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), NULL);

  return g_steal_pointer (&operation);
}

/**
 * korak_print_document:
 * @parent: the widget the person printed from
 * @document: (transfer full): the document
 *
 * Opens the print dialog, with its preview, for @document.
 */
void
korak_print_document (GtkWidget     *parent,
                      KorakDocument *document)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (document != NULL);

  operation = korak_print_operation_new (document);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (operation), "korak-parent", g_object_ref (parent), g_object_unref);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent_window (parent), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_error (operation, parent, error);
}

/* ------------------------------------------------------------------ PDF */

char *
korak_document_file_name (const char *title)
{
  g_autofree char *name = g_strdup (title != NULL && *title != '\0' ? title : _("Document"));

  /* Slashes, and what Windows file systems on a USB stick refuse. */
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  g_strstrip (name);

  return g_strconcat (name, ".pdf", NULL);
}

static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the PDF: %s", error->message);
}

static void
on_open_clicked_cb (AdwToast *toast,
                    GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GdkAppLaunchContext) context = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (display != NULL)
    context = gdk_display_get_app_launch_context (display);
  g_app_info_launch_default_for_uri_async (uri, context ? G_APP_LAUNCH_CONTEXT (context) : NULL,
                                           NULL, launch_done_cb, NULL);
}

static void
unref_closure_data (gpointer  data,
                    GClosure *closure)
{
  g_object_unref (data);
}

/**
 * korak_export_document_pdf_to_path:
 *
 * Writes @document as a PDF at @path and says so in a toast near @parent,
 * with a button that opens the file.
 */
gboolean
korak_export_document_pdf_to_path (GtkWidget      *parent,
                                   KorakDocument  *document,
                                   const char     *path,
                                   GError        **error)
{
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!korak_document_write_pdf (document, path, error))
    return FALSE;

  base = g_filename_display_basename (path);
  /* Translators: a toast after a document was saved; %s is the file name. */
  title = g_strdup_printf (_("Saved “%s”"), base);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb),
                         g_file_new_for_path (path), unref_closure_data, 0);
  add_toast (parent, toast);

  return TRUE;
}

typedef struct
{
  GtkWidget     *parent;
  KorakDocument *document;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  g_clear_pointer (&data->document, korak_document_free);
  g_free (data);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ExportData      *data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  if (file != NULL && path == NULL)
    korak_show_error_dialog (data->parent, _("Could Not Save the PDF"),
                             _("That place is not a folder on this computer. Choose a folder on a disk or a USB stick."));
  else if (path != NULL && !korak_export_document_pdf_to_path (data->parent, data->document, path, &error))
    korak_show_error_dialog (data->parent, _("Could Not Save the PDF"), error->message);

  export_data_free (data);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/**
 * korak_export_document_pdf:
 * @parent: the widget the person acted in
 * @document: (transfer full): the document
 * @suggested_file_name: (nullable): the name offered, with ".pdf"
 *
 * Asks for a file name, then saves @document there as a PDF.
 */
void
korak_export_document_pdf (GtkWidget     *parent,
                           KorakDocument *document,
                           const char    *suggested_file_name)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;
  ExportData *data;
  const char *documents;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (document != NULL);

  dialog = gtk_file_chooser_native_new (_("Save as PDF"), parent_window (parent),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  if (suggested_file_name != NULL && *suggested_file_name != '\0')
    {
      name = g_strdup (suggested_file_name);
      g_strdelimit (name, "/\\", '-');
    }
  else
    name = korak_document_file_name (korak_document_get_title (document));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  data = g_new0 (ExportData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->document = document;
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
