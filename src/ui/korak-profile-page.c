/* korak-profile-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-profile-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-profile-page.h"
#include "korak-notes.h"
#include "korak-document-dialog.h"
#include "korak-erase-dialog.h"
#include "korak-exit-dialog.h"
#include "korak-history-page.h"
#include "korak-journal-page.h"
#include "korak-notes-page.h"
#include "korak-person-export.h"
#include "korak-plan-page.h"
#include "korak-print.h"
#include "korak-progress-page.h"
#include "korak-reports.h"
#include "korak-ui-util.h"

struct _KorakProfilePage
{
  AdwBin                parent_instance;

  KorakParticipantList *participants;
  KorakParticipant     *participant;

  GtkWidget            *back_button;
  AdwWindowTitle       *window_title;
  GtkWidget            *save_button;
  GtkWidget            *menu_button;
  GtkStack             *stack;
  KorakParticipantForm *form;
  AdwViewStack         *view_stack;
  KorakProgressPage    *progress_page;
  KorakPlanPage        *plan_page;
  KorakJournalPage     *journal_page;
  KorakNotesPage       *notes_page;
  KorakHistoryPage     *history_page;
};

G_DEFINE_FINAL_TYPE (KorakProfilePage, korak_profile_page, ADW_TYPE_BIN)

enum {
  ARCHIVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_header (KorakProfilePage *self)
{
  gboolean has = self->participant != NULL;
  gboolean archived = has && korak_participant_get_archived (self->participant);

  adw_window_title_set_title (self->window_title,
                              has ? korak_participant_get_display_name (self->participant) : _("Profile"));
  adw_window_title_set_subtitle (self->window_title,
                                 has ? korak_participant_get_status_label (self->participant) : NULL);
  gtk_stack_set_visible_child_name (self->stack, has ? "profile" : "empty");

  gtk_widget_set_visible (self->save_button, has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.archive", has && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.restore", has && archived);
  gtk_widget_set_visible (self->menu_button, has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.save",
                                 has && korak_participant_form_get_changed (self->form));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.print", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.export-pdf", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.document", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.end-enrolment",
                                 has && korak_participant_get_record (self->participant)->cohort_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.export-personal-data", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.erase", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.new-note", has);
}

static void
update_progress (KorakProfilePage *self)
{
  KorakStore *store = self->participants ? korak_participant_list_get_store (self->participants) : NULL;

  gint64 id = self->participant ? korak_participant_get_id (self->participant) : 0;

  korak_progress_page_set_participant (self->progress_page, store, id);
  if (store != NULL)
    {
      korak_plan_page_set_participant (self->plan_page, store, id);
      korak_journal_page_set_participant (self->journal_page, store, id);
    }
  korak_notes_page_set_participant (self->notes_page, store, id);
  korak_history_page_set_participant (self->history_page, store, id);
}

static void
on_form_changed_cb (KorakProfilePage *self)
{
  update_header (self);
}

/**
 * korak_profile_page_save:
 *
 * Returns: %TRUE when the shown profile is stored (or had no changes);
 *   %FALSE when a value is invalid or the database refused, with the
 *   reason shown above the form.
 */
gboolean
korak_profile_page_save (KorakProfilePage *self)
{
  g_autoptr(KorakParticipantRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), FALSE);

  /* The plan is part of the person's pages: its edits are kept the same way. */
  if (korak_plan_page_has_changes (self->plan_page) && !korak_plan_page_save (self->plan_page))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "plan");
      return FALSE;
    }

  if (self->participant == NULL || !korak_participant_form_get_changed (self->form))
    return TRUE;

  record = korak_participant_record_copy (korak_participant_get_record (self->participant));
  if (!korak_participant_form_read_record (self->form, record, &error))
    return FALSE;

  if (!korak_participant_list_save (self->participants, record, &error))
    {
      korak_participant_form_show_error (self->form, error->message);
      return FALSE;
    }

  korak_participant_form_set_record (self->form, korak_participant_get_record (self->participant));
  update_header (self);
  korak_history_page_invalidate (self->history_page);
  korak_show_toast (GTK_WIDGET (self), _("Saved"));

  return TRUE;
}

/**
 * korak_profile_page_show:
 *
 * Shows @participant, first saving the profile being left. Returns %FALSE
 * and stays when that profile cannot be saved, so no edit is lost.
 */
gboolean
korak_profile_page_show (KorakProfilePage *self,
                         KorakParticipant *participant)
{
  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), FALSE);

  if (self->participant == participant)
    return TRUE;

  if (!korak_profile_page_save (self))
    return FALSE;

  g_set_object (&self->participant, participant);
  if (participant != NULL)
    korak_participant_form_set_record (self->form, korak_participant_get_record (participant));
  update_progress (self);
  update_header (self);

  return TRUE;
}

static void
set_archived (KorakProfilePage *self,
              gboolean          archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipant) participant = NULL;

  if (self->participant == NULL)
    return;

  /* Keep the person's unsaved edits: save first, archive after. */
  if (!korak_profile_page_save (self))
    return;

  participant = g_object_ref (self->participant);
  if (!korak_participant_list_set_archived (self->participants, korak_participant_get_id (participant),
                                            archived, &error))
    {
      korak_participant_form_show_error (self->form, error->message);
      return;
    }

  update_header (self);
  korak_history_page_invalidate (self->history_page);
  if (archived)
    g_signal_emit (self, signals[ARCHIVED], 0, participant);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  set_archived (KORAK_PROFILE_PAGE (widget), TRUE);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  set_archived (KORAK_PROFILE_PAGE (widget), FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  korak_profile_page_save (KORAK_PROFILE_PAGE (widget));
}

/* What goes on paper is what is stored: unsaved edits are saved first, and a
 * profile that cannot be saved is not printed. */
static KorakParticipantRecord *
printable_record (KorakProfilePage *self)
{
  if (self->participant == NULL || !korak_profile_page_save (self))
    return NULL;

  return korak_participant_record_copy (korak_participant_get_record (self->participant));
}

static KorakDocument *
certificate_document (KorakStore            *store,
                      gint64                 participant_id,
                      const char            *kind,
                      const KorakBilingual  *bilingual,
                      GError               **error)
{
  g_autoptr(KorakCertificateRecord) certificate = NULL;

  /* Not entered in the register when it cannot be printed as asked. */
  if (bilingual != NULL && bilingual->language != NULL &&
      !korak_report_check_language (store, KORAK_REPORT_CERTIFICATE, participant_id, bilingual->language, error))
    return NULL;

  certificate = korak_store_issue_certificate (store, participant_id, kind, NULL, error);
  if (certificate == NULL)
    return NULL;

  return korak_report_certificate_bilingual (store, certificate, bilingual, error);
}

static KorakDocument *create_document (KorakProfilePage      *self,
                                       const char            *kind,
                                       const KorakBilingual  *bilingual,
                                       GError               **error);

/**
 * korak_profile_page_create_document:
 * @kind: "profile", "plan", "progress", "participation" or "completion"
 *
 * Makes one of the shown participant's documents, after storing any unsaved
 * edits (a profile that cannot be saved is not printed: the reason is shown
 * above the form). A certificate is issued into the register, or the one
 * issued before is taken again.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error.
 */
KorakDocument *
korak_profile_page_create_document (KorakProfilePage  *self,
                                    const char        *kind,
                                    GError           **error)
{
  return create_document (self, kind, NULL, error);
}

/* @bilingual: a second language for a plan, progress report or certificate. */
static KorakDocument *
create_document (KorakProfilePage      *self,
                 const char            *kind,
                 const KorakBilingual  *bilingual,
                 GError               **error)
{
  g_autoptr(KorakParticipantRecord) record = NULL;
  KorakStore *store;
  gint64 id;

  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (self->participant == NULL || self->participants == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No participant is shown."));
      return NULL;
    }

  record = printable_record (self);
  if (record == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The profile has changes that could not be saved; correct them first."));
      return NULL;
    }

  store = korak_participant_list_get_store (self->participants);
  id = korak_participant_get_id (self->participant);

  if (g_str_equal (kind, "profile"))
    return korak_report_profile (store, record, error);
  if (g_str_equal (kind, "plan"))
    return korak_report_plan_bilingual (store, id, bilingual, error);
  if (g_str_equal (kind, "progress"))
    return korak_report_progress_bilingual (store, id, bilingual, error);
  if (g_str_equal (kind, KORAK_CERTIFICATE_PARTICIPATION) || g_str_equal (kind, KORAK_CERTIFICATE_COMPLETION))
    return certificate_document (store, id, kind, bilingual, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Unknown document “%s”", kind);
  return NULL;
}

/**
 * korak_profile_page_create_print_operation:
 *
 * Returns: (transfer full) (nullable): a print operation for the profile
 *   shown, drawn by the same function as the PDF, or %NULL when there is no
 *   profile or its edits could not be saved (the reason is shown).
 */
GtkPrintOperation *
korak_profile_page_create_print_operation (KorakProfilePage *self)
{
  g_autoptr(GError) error = NULL;
  KorakDocument *document;

  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), NULL);

  document = korak_profile_page_create_document (self, "profile", &error);
  if (document == NULL)
    {
      /* An edit that could not be saved already says why above the form. */
      if (korak_participant_form_get_error (self->form) == NULL && error != NULL)
        korak_participant_form_show_error (self->form, error->message);
      return NULL;
    }

  return korak_print_operation_new (document);
}

static void
show_document_error (KorakProfilePage *self,
                     const GError     *error)
{
  /* An edit that could not be saved already says why above the form. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) &&
      korak_participant_form_get_error (self->form) != NULL)
    return;

  korak_show_error_dialog (GTK_WIDGET (self), _("The Document Could Not Be Made"), error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KorakProfilePage *self = KORAK_PROFILE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  KorakDocument *document;

  if (self->participant == NULL)
    return;

  document = korak_profile_page_create_document (self, "profile", &error);
  if (document == NULL)
    show_document_error (self, error);
  else
    korak_print_document (widget, document);
}

/**
 * korak_profile_page_export_document:
 *
 * Saves one of the shown participant's documents (see
 * korak_profile_page_create_document()) as a PDF at @path, as Save as PDF
 * does after its file chooser.
 */
gboolean
korak_profile_page_export_document (KorakProfilePage  *self,
                                    const char        *kind,
                                    const char        *path,
                                    GError           **error)
{
  g_autoptr(KorakDocument) document = NULL;

  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = korak_profile_page_create_document (self, kind, error);
  if (document == NULL)
    return FALSE;

  return korak_export_document_pdf_to_path (GTK_WIDGET (self), document, path, error);
}

/**
 * korak_profile_page_export_pdf:
 *
 * Saves the shown profile (with any unsaved edits stored first) as a PDF
 * at @path, drawn by the same function as the print dialog.
 */
gboolean
korak_profile_page_export_pdf (KorakProfilePage  *self,
                               const char        *path,
                               GError           **error)
{
  return korak_profile_page_export_document (self, "profile", path, error);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  KorakProfilePage *self = KORAK_PROFILE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  KorakDocument *document;

  if (self->participant == NULL)
    return;

  document = korak_profile_page_create_document (self, "profile", &error);
  if (document == NULL)
    {
      show_document_error (self, error);
      return;
    }

  /* Translators: the suggested file name of an exported profile; %s is the
   * participant's name. Keep ".pdf". */
  name = g_strdup_printf (_("Profile %s.pdf"), korak_participant_get_display_name (self->participant));
  korak_export_document_pdf (widget, document, name);
}

typedef struct
{
  KorakProfilePage *self;
  char             *kind;
} DocumentRequest;

static void
document_request_free (DocumentRequest *request)
{
  g_object_unref (request->self);
  g_free (request->kind);
  g_free (request);
}

static KorakDocument *
build_document_cb (KorakDocumentDialog  *dialog,
                   gpointer              user_data,
                   GError              **error)
{
  DocumentRequest *request = user_data;
  KorakBilingual bilingual = {
    korak_document_dialog_get_language (dialog),
    korak_document_dialog_get_layout (dialog),
  };

  return create_document (request->self, request->kind, &bilingual, error);
}

/* The heading and the sentence of the Print or Save dialog for @kind. */
static gboolean
describe_document (const char  *kind,
                   const char  *name,
                   char       **heading,
                   char       **body)
{
  if (g_str_equal (kind, "profile"))
    {
      *heading = g_strdup (_("Participant Profile"));
      /* Translators: %s is the participant's name. */
      *body = g_strdup_printf (_("The profile of %s as stored: contacts, referral, consent and enrolment."), name);
    }
  else if (g_str_equal (kind, "plan"))
    {
      *heading = g_strdup (_("Individual Plan"));
      /* Translators: %s is the participant's name. */
      *body = g_strdup_printf (_("The individual plan of %s, with lines for the participant's and the mentor's signatures."), name);
    }
  else if (g_str_equal (kind, "progress"))
    {
      *heading = g_strdup (_("Progress Report"));
      /* Translators: %s is the participant's name. */
      *body = g_strdup_printf (_("The progress of %s: plan and goals, assessments, attendance, small wins and exit."), name);
    }
  else if (g_str_equal (kind, KORAK_CERTIFICATE_PARTICIPATION))
    {
      *heading = g_strdup (_("Certificate of Participation"));
      /* Translators: %s is the participant's name. */
      *body = g_strdup_printf (_("A certificate of the hours %s attended. It is entered in the certificate register, so printing it again gives the same certificate."), name);
    }
  else if (g_str_equal (kind, KORAK_CERTIFICATE_COMPLETION))
    {
      *heading = g_strdup (_("Certificate of Completion"));
      /* Translators: %s is the participant's name. */
      *body = g_strdup_printf (_("A certificate that %s completed the programme. It is entered in the certificate register, so printing it again gives the same certificate."), name);
    }
  else
    return FALSE;

  return TRUE;
}

/* The plan, the progress report and the certificates can be printed in a
 * second language: those whose translation of the document is complete,
 * the participant's mother tongue first. */
static void
offer_languages (KorakProfilePage    *self,
                 KorakDocumentDialog *dialog,
                 const char          *kind)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) languages = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  g_autofree char *mother_tongue = NULL;
  KorakReportKind report;
  KorakStore *store;
  gint64 id;

  if (g_str_equal (kind, "plan"))
    report = KORAK_REPORT_PLAN;
  else if (g_str_equal (kind, "progress"))
    report = KORAK_REPORT_PROGRESS;
  else if (g_str_equal (kind, KORAK_CERTIFICATE_PARTICIPATION) || g_str_equal (kind, KORAK_CERTIFICATE_COMPLETION))
    report = KORAK_REPORT_CERTIFICATE;
  else
    return;

  store = korak_participant_list_get_store (self->participants);
  id = korak_participant_get_id (self->participant);
  languages = korak_report_bilingual_languages (store, report, id, &error);
  if (languages == NULL)
    {
      g_warning ("Could not list the languages of a document: %s", error->message);
      return;
    }
  if (languages[0] == NULL)
    return;

  mother_tongue = korak_language_from_text (korak_participant_record_get (korak_participant_get_record (self->participant),
                                                                         KORAK_FIELD_MOTHER_TONGUE));
  /* A Bosnian or Serbian reader gets the Croatian documents first. */
  if (mother_tongue != NULL && !g_strv_contains ((const char * const *) languages, mother_tongue) &&
      korak_language_neighbour (mother_tongue) != NULL)
    {
      char *neighbour = g_strdup (korak_language_neighbour (mother_tongue));

      g_free (mother_tongue);
      mother_tongue = neighbour;
    }
  ordered = g_ptr_array_new ();
  if (mother_tongue != NULL && g_strv_contains ((const char * const *) languages, mother_tongue))
    g_ptr_array_add (ordered, mother_tongue);
  for (guint i = 0; languages[i] != NULL; i++)
    if (g_strcmp0 (languages[i], mother_tongue) != 0)
      g_ptr_array_add (ordered, languages[i]);
  g_ptr_array_add (ordered, NULL);

  /* None stays chosen: the document as always, unless asked. */
  korak_document_dialog_set_languages (dialog, (const char * const *) ordered->pdata, NULL);
}

static void
document_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KorakProfilePage *self = KORAK_PROFILE_PAGE (widget);
  const char *kind = g_variant_get_string (param, NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  DocumentRequest *request;
  KorakDocumentDialog *dialog;

  if (self->participant == NULL ||
      !describe_document (kind, korak_participant_get_display_name (self->participant), &heading, &body))
    return;

  request = g_new0 (DocumentRequest, 1);
  request->self = g_object_ref (self);
  request->kind = g_strdup (kind);
  dialog = korak_document_dialog_new (widget, heading, body, build_document_cb, request,
                                      (GDestroyNotify) document_request_free);
  offer_languages (self, dialog, kind);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_notes_changed_cb (KorakProfilePage *self)
{
  korak_history_page_invalidate (self->history_page);
}

static void
on_journal_changed_cb (KorakProfilePage *self)
{
  korak_progress_page_reload_small_wins (self->progress_page);
  korak_history_page_invalidate (self->history_page);
}

/* ---------------------------------------------------- personal data */

static void
on_export_folder_cb (GtkNativeDialog  *chooser,
                     int               response,
                     KorakProfilePage *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *json_name = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (folder == NULL || self->participant == NULL || self->participants == NULL)
    return;

  if ((path = g_file_get_path (folder)) == NULL)
    {
      korak_show_error_dialog (GTK_WIDGET (self), _("The Personal Data Could Not Be Exported"),
                               _("Korak can only write to a folder on this computer or a connected drive. Choose another folder."));
      return;
    }

  if (!korak_person_export_write (korak_participant_list_get_store (self->participants),
                                  korak_participant_get_id (self->participant),
                                  path, &json_path, &pdf_path, &error))
    {
      korak_show_error_dialog (GTK_WIDGET (self), _("The Personal Data Could Not Be Exported"), error->message);
      return;
    }

  json_name = g_filename_display_basename (json_path);
  pdf_name = g_filename_display_basename (pdf_path);
  /* Translators: two file names */
  message = g_strdup_printf (_("Saved “%s” and “%s”"), json_name, pdf_name);
  korak_show_toast (GTK_WIDGET (self), message);
}

/**
 * korak_profile_page_export_personal_data:
 * @folder: where to write NAME.json and NAME.pdf
 *
 * Everything Korak holds about the person shown, after storing unsaved
 * edits, as Export Personal Data… does after its folder chooser.
 */
gboolean
korak_profile_page_export_personal_data (KorakProfilePage  *self,
                                         const char        *folder,
                                         char             **json_path,
                                         char             **pdf_path,
                                         GError           **error)
{
  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (self->participant == NULL || self->participants == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No participant is shown."));
      return FALSE;
    }
  if (!korak_profile_page_save (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The profile has changes that could not be saved; correct them first."));
      return FALSE;
    }

  return korak_person_export_write (korak_participant_list_get_store (self->participants),
                                    korak_participant_get_id (self->participant),
                                    folder, json_path, pdf_path, error);
}

static void
export_personal_data_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  KorakProfilePage *self = KORAK_PROFILE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  /* What is exported is what is stored. */
  if (self->participant == NULL || !korak_profile_page_save (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Export Personal Data"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_folder_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * korak_profile_page_person_erased:
 * @participant_id: the person whose data was erased (from this page or the
 *   People Past Retention window)
 *
 * Forgets the person if shown, unsaved edits included, reads the
 * participant list again and says so in a toast.
 */
void
korak_profile_page_person_erased (KorakProfilePage *self,
                                  gint64            participant_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (KORAK_IS_PROFILE_PAGE (self));

  if (self->participant != NULL && korak_participant_get_id (self->participant) == participant_id)
    {
      /* Translators: %s is the name of the person whose data was erased */
      message = g_strdup_printf (_("The personal data of %s was erased"),
                                 korak_participant_get_display_name (self->participant));
      /* Nothing of theirs is kept, unsaved edits included. */
      g_autoptr(KorakParticipantRecord) blank = korak_participant_record_new ();

      korak_participant_record_set (blank, KORAK_FIELD_STATUS, "referred");
      korak_participant_record_set (blank, KORAK_FIELD_NEEDS_MEDIATOR, "0");
      g_clear_object (&self->participant);
      korak_participant_form_set_record (self->form, blank);
      update_progress (self);
      update_header (self);
    }

  if (self->participants != NULL && !korak_participant_list_reload (self->participants, &error))
    korak_show_error_dialog (GTK_WIDGET (self), _("The List Could Not Be Read"), error->message);

  korak_show_toast (GTK_WIDGET (self), message ? message : _("Personal data erased"));
  /* Their translations waiting for review went with them. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.notes-changed", NULL);
}

static void
on_erased_cb (KorakEraseDialog *dialog,
              gint64            participant_id,
              KorakProfilePage *self)
{
  korak_profile_page_person_erased (self, participant_id);
}

/**
 * korak_profile_page_erase:
 *
 * Asks to erase the person shown (see KorakEraseDialog).
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
korak_profile_page_erase (KorakProfilePage *self)
{
  GtkRoot *root;
  KorakEraseDialog *dialog;

  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), NULL);

  if (self->participant == NULL || self->participants == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = korak_erase_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   korak_participant_list_get_store (self->participants),
                                   korak_participant_get_id (self->participant),
                                   korak_participant_get_display_name (self->participant));
  g_signal_connect_object (dialog, "erased", G_CALLBACK (on_erased_cb), self, 0);

  return GTK_WINDOW (dialog);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  korak_profile_page_erase (KORAK_PROFILE_PAGE (widget));
}

static void
on_exit_done_cb (KorakProfilePage *self)
{
  g_autoptr(GError) error = NULL;

  /* The status and the cohort of the person changed with the exit. */
  if (self->participants != NULL && !korak_participant_list_reload (self->participants, &error))
    korak_participant_form_show_error (self->form, error->message);
  else if (self->participant != NULL)
    korak_participant_form_set_record (self->form, korak_participant_get_record (self->participant));
  update_header (self);
  update_progress (self);
  korak_history_page_invalidate (self->history_page);
}

static void
end_enrolment_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KorakProfilePage *self = KORAK_PROFILE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  KorakExitDialog *dialog;

  if (self->participant == NULL || self->participants == NULL || !korak_profile_page_save (self))
    return;

  dialog = korak_exit_dialog_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   korak_participant_list_get_store (self->participants),
                                   korak_participant_get_id (self->participant));
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_exit_done_cb), self, G_CONNECT_SWAPPED);
}

/* Ctrl+J from anywhere in the profile: one line in the journal. */
static void
quick_journal_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KorakProfilePage *self = KORAK_PROFILE_PAGE (widget);

  if (self->participant == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "journal");
  korak_journal_page_quick_add (self->journal_page);
}

/* Ctrl+Shift+J from anywhere in the profile: a new note. */
static void
new_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KorakProfilePage *self = KORAK_PROFILE_PAGE (widget);

  if (self->participant == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "notes");
  korak_notes_page_new_note (self->notes_page);
}

static void
korak_profile_page_dispose (GObject *object)
{
  KorakProfilePage *self = (KorakProfilePage *)object;

  g_clear_object (&self->participant);
  g_clear_object (&self->participants);

  G_OBJECT_CLASS (korak_profile_page_parent_class)->dispose (object);
}

static void
korak_profile_page_class_init (KorakProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_profile_page_dispose;

  /* Emitted with the archived participant so the page can offer Undo. */
  signals[ARCHIVED] =
    g_signal_new ("archived", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KORAK_TYPE_PARTICIPANT);

  g_type_ensure (KORAK_TYPE_PARTICIPANT_FORM);
  g_type_ensure (KORAK_TYPE_PROGRESS_PAGE);
  g_type_ensure (KORAK_TYPE_PLAN_PAGE);
  g_type_ensure (KORAK_TYPE_JOURNAL_PAGE);
  g_type_ensure (KORAK_TYPE_NOTES_PAGE);
  g_type_ensure (KORAK_TYPE_HISTORY_PAGE);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, save_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, form);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, progress_page);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, plan_page);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, journal_page);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, notes_page);
  gtk_widget_class_bind_template_child (widget_class, KorakProfilePage, history_page);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_changed_cb);

  gtk_widget_class_install_action (widget_class, "profile.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "profile.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "profile.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "profile.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "profile.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "profile.document", "s", document_action);
  gtk_widget_class_install_action (widget_class, "profile.end-enrolment", NULL, end_enrolment_action);
  gtk_widget_class_install_action (widget_class, "profile.quick-journal", NULL, quick_journal_action);
  gtk_widget_class_install_action (widget_class, "profile.new-note", NULL, new_note_action);
  gtk_widget_class_install_action (widget_class, "profile.export-personal-data", NULL, export_personal_data_action);
  gtk_widget_class_install_action (widget_class, "profile.erase", NULL, erase_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "profile.quick-journal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "profile.new-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "profile.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "profile.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "profile.export-pdf", NULL);
}

static void
korak_profile_page_init (KorakProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->journal_page, "changed", G_CALLBACK (on_journal_changed_cb), self);
  update_header (self);
}

void
korak_profile_page_set_participants (KorakProfilePage     *self,
                                     KorakParticipantList *participants,
                                     GListModel           *cohorts)
{
  g_return_if_fail (KORAK_IS_PROFILE_PAGE (self));

  g_set_object (&self->participants, participants);
  korak_participant_form_set_cohorts (self->form, cohorts);
  update_progress (self);
}

KorakParticipant *
korak_profile_page_get_participant (KorakProfilePage *self)
{
  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), NULL);

  return self->participant;
}

KorakParticipantForm *
korak_profile_page_get_form (KorakProfilePage *self)
{
  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), NULL);

  return self->form;
}

void
korak_profile_page_set_show_back (KorakProfilePage *self,
                                  gboolean          show_back)
{
  g_return_if_fail (KORAK_IS_PROFILE_PAGE (self));

  gtk_widget_set_visible (self->back_button, show_back);
}

KorakProgressPage *
korak_profile_page_get_progress_page (KorakProfilePage *self)
{
  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), NULL);

  return self->progress_page;
}

KorakNotesPage *
korak_profile_page_get_notes_page (KorakProfilePage *self)
{
  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), NULL);

  return self->notes_page;
}

/* "profile", "progress", "plan", "journal", "notes" or "history" */
void
korak_profile_page_set_view (KorakProfilePage *self,
                             const char       *name)
{
  g_return_if_fail (KORAK_IS_PROFILE_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* "profile", "progress", "plan", "journal", "notes" or "history". */
const char *
korak_profile_page_get_view (KorakProfilePage *self)
{
  g_return_val_if_fail (KORAK_IS_PROFILE_PAGE (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}
