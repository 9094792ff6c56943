/* korak-translation-dialog.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-translation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-cohort-util.h"
#include "korak-date.h"
#include "korak-note-util.h"
#include "korak-staff-list.h"
#include "korak-translation-dialog.h"
#include "korak-ui-util.h"

struct _KorakTranslationDialog
{
  AdwWindow               parent_instance;

  KorakStore             *store;
  KorakNoteRecord        *note;
  KorakTranslationRecord *translation;   /* NULL: new */
  KorakStaffList         *staff;
  guint                   n_versions;

  GtkWidget              *submit_button;
  GtkWidget              *save_button;
  GtkLabel               *error_label;
  AdwComboRow            *language_row;
  AdwComboRow            *translator_row;
  AdwActionRow           *state_row;
  GtkLabel               *original_heading;
  GtkTextView            *original_view;
  GtkLabel               *translation_heading;
  GtkTextView            *text_view;
  GtkWidget              *versions_expander;
  GtkListBox             *versions_list;
};

G_DEFINE_FINAL_TYPE (KorakTranslationDialog, korak_translation_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (KorakTranslationDialog *self,
            const char             *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Whether Submit for Review applies: a new translation, a draft, or one the
 * mediator returned. One in the queue or reviewed goes (back) to the
 * mediator when its text is saved. */
static gboolean
can_submit (KorakTranslationDialog *self)
{
  return self->translation == NULL ||
         g_strcmp0 (self->translation->state, KORAK_TRANSLATION_DRAFT) == 0 ||
         g_strcmp0 (self->translation->state, KORAK_TRANSLATION_RETURNED) == 0;
}

/**
 * korak_translation_dialog_save:
 * @submit: also ask the mediator to review it
 *
 * Stores the translation as typed. Returns %TRUE when stored (the dialog
 * then closes), %FALSE with the reason shown above the form.
 */
gboolean
korak_translation_dialog_save (KorakTranslationDialog *self,
                               gboolean                submit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakTranslationRecord) record = NULL;
  g_autofree char *text = NULL;
  const char *language;
  gint64 translator_id;
  gboolean changed;

  g_return_val_if_fail (KORAK_IS_TRANSLATION_DIALOG (self), FALSE);

  text = korak_text_view_get_text (self->text_view);
  g_strstrip (text);
  if (*text == '\0')
    {
      show_error (self, _("Write the translation."));
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return FALSE;
    }
  if ((language = korak_language_combo_get (self->language_row)) == NULL)
    {
      show_error (self, _("Choose the language of the translation."));
      return FALSE;
    }

  translator_id = korak_id_combo_get (self->translator_row);
  record = self->translation ? korak_translation_record_copy (self->translation) : korak_translation_record_new ();
  changed = self->translation == NULL ||
            g_strcmp0 (record->text, text) != 0 ||
            g_strcmp0 (record->language, language) != 0 ||
            record->translator_id != translator_id;

  record->note_id = self->note->id;
  g_free (record->language);
  record->language = g_strdup (language);
  g_free (record->text);
  record->text = g_steal_pointer (&text);
  record->translator_id = translator_id;

  /* Nothing typed: no new version. */
  if (changed && !korak_store_save_translation (self->store, record, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (submit && can_submit (self) && !korak_store_submit_translation (self->store, record->id, &error))
    {
      show_error (self, error->message);
      /* The text is stored; what is left is the submission. */
      if (self->translation == NULL)
        {
          self->translation = korak_translation_record_copy (record);
          g_free (self->translation->state);
          self->translation->state = g_strdup (KORAK_TRANSLATION_DRAFT);
          gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
        }
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, record->id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  korak_translation_dialog_save (KORAK_TRANSLATION_DIALOG (widget), FALSE);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KorakTranslationDialog *self = KORAK_TRANSLATION_DIALOG (widget);

  korak_translation_dialog_save (self, can_submit (self));
}

static void
on_language_changed_cb (KorakTranslationDialog *self)
{
  const char *language = korak_language_combo_get (self->language_row);
  g_autofree char *heading = NULL;

  if (language == NULL)
    return;

  /* Translators: the heading above the text of a translation; %s is a language, "Arabic". */
  heading = g_strdup_printf (_("_Translation · %s"), korak_language_name (language));
  gtk_label_set_text_with_mnemonic (self->translation_heading, heading);
  korak_text_view_set_language (self->text_view, language);
}

static void
on_text_changed_cb (KorakTranslationDialog *self)
{
  korak_text_view_set_language (self->text_view, korak_language_combo_get (self->language_row));
}

static GtkWidget *
version_row_new (const KorakTranslationRecord *version)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title, *meta, *text;
  g_autofree char *heading = NULL;
  g_autofree char *when = korak_format_timestamp (version->updated_at);
  g_autoptr(GString) about = g_string_new (when);

  gtk_widget_set_name (row, "version");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Translators: an earlier version of a translation; %d is its number. */
  heading = g_strdup_printf (_("Version %d"), version->version);
  title = gtk_label_new (heading);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), korak_translation_badge_new (version->state));
  gtk_box_append (GTK_BOX (box), top);

  if (version->reviewer_name != NULL && (g_strcmp0 (version->state, KORAK_TRANSLATION_REVIEWED) == 0 ||
                                         g_strcmp0 (version->state, KORAK_TRANSLATION_RETURNED) == 0))
    /* Translators: who reviewed or returned a version of a translation. */
    g_string_append_printf (about, _(" · by %s"), version->reviewer_name);
  else if (version->translator_name != NULL)
    /* Translators: who wrote a version of a translation. */
    g_string_append_printf (about, _(" · translated by %s"), version->translator_name);
  meta = gtk_label_new (about->str);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), meta);

  text = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  korak_label_set_text_with_direction (GTK_LABEL (text), version->text, version->language);
  gtk_box_append (GTK_BOX (box), text);

  if (version->comment != NULL && *version->comment != '\0')
    {
      g_autofree char *comment = NULL;
      GtkWidget *label;

      /* Translators: the mediator's comment on a returned translation. */
      comment = g_strdup_printf (_("Comment: %s"), version->comment);
      label = gtk_label_new (comment);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static gboolean
fill_versions (KorakTranslationDialog  *self,
               GError                 **error)
{
  g_autoptr(GPtrArray) versions = NULL;

  if (self->translation == NULL || self->translation->id == 0)
    return TRUE;

  if (!(versions = korak_store_list_translation_versions (self->store, self->translation->id, error)))
    return FALSE;

  for (guint i = 0; i < versions->len; i++)
    gtk_list_box_append (self->versions_list, version_row_new (g_ptr_array_index (versions, i)));
  self->n_versions = versions->len;
  gtk_widget_set_visible (self->versions_expander, versions->len > 0);
  return TRUE;
}

static void
fill_state (KorakTranslationDialog *self)
{
  const char *state = self->translation ? self->translation->state : KORAK_TRANSLATION_DRAFT;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_action_row_add_suffix (ADW_ACTION_ROW (self->state_row), korak_translation_badge_new (state));

  if (self->translation == NULL)
    g_string_append (subtitle, _("A new translation is a draft until you submit it for review."));
  else if (g_strcmp0 (state, KORAK_TRANSLATION_RETURNED) == 0)
    {
      if (self->translation->reviewer_name != NULL)
        /* Translators: %s is the mediator who returned the translation. */
        g_string_append_printf (subtitle, _("Returned by %s: "), self->translation->reviewer_name);
      g_string_append (subtitle, self->translation->comment ? self->translation->comment : "");
    }
  else if (g_strcmp0 (state, KORAK_TRANSLATION_REVIEWED) == 0)
    {
      g_autofree char *when = korak_format_timestamp (self->translation->reviewed_at);

      if (self->translation->reviewer_name != NULL)
        /* Translators: "Reviewed by Amra Mediator on 2. 3. 2026 10:00. Changing the text asks for a new review." */
        g_string_append_printf (subtitle, _("Reviewed by %s on %s. Changing the text asks for a new review."),
                                self->translation->reviewer_name, when);
      else
        g_string_append (subtitle, _("Changing the text asks for a new review."));
    }
  else if (g_strcmp0 (state, KORAK_TRANSLATION_NEEDS_REVIEW) == 0)
    g_string_append (subtitle, _("Waiting for the mediator’s review."));

  adw_action_row_set_subtitle (self->state_row, subtitle->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_row), subtitle->str);
}

static void
korak_translation_dialog_dispose (GObject *object)
{
  KorakTranslationDialog *self = (KorakTranslationDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->note, korak_note_record_free);
  g_clear_pointer (&self->translation, korak_translation_record_free);

  G_OBJECT_CLASS (korak_translation_dialog_parent_class)->dispose (object);
}

static void
korak_translation_dialog_class_init (KorakTranslationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_translation_dialog_dispose;

  /* The translation was stored: its id. */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-translation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, submit_button);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, translator_row);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, original_heading);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, original_view);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, translation_heading);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, versions_expander);
  gtk_widget_class_bind_template_child (widget_class, KorakTranslationDialog, versions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed_cb);

  gtk_widget_class_install_action (widget_class, "translation.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "translation.submit", NULL, submit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
korak_translation_dialog_init (KorakTranslationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* From inside the text too, where Return starts a new line. */
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_Return, GDK_CONTROL_MASK, "translation.submit");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "translation.submit");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_s, GDK_CONTROL_MASK, "translation.save");
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
}

KorakTranslationDialog *
korak_translation_dialog_new (GtkWidget                     *parent,
                              KorakStore                    *store,
                              const KorakNoteRecord         *note,
                              const KorakTranslationRecord  *translation,
                              GError                       **error)
{
  g_autoptr(GPtrArray) offered = g_ptr_array_new ();
  g_auto(GStrv) languages = NULL;
  g_autofree char *original = NULL;
  g_autofree char *title = NULL;
  KorakTranslationDialog *self;
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);
  g_return_val_if_fail (note != NULL && note->id != 0, NULL);

  if (!(languages = korak_store_note_languages (store, note->participant_id, error)))
    return NULL;

  /* A new translation into a language the note is not yet translated into;
   * an existing one keeps its language. */
  if (translation != NULL)
    g_ptr_array_add (offered, translation->language);
  else
    for (guint i = 0; languages[i] != NULL; i++)
      {
        gboolean taken = g_strcmp0 (languages[i], note->language) == 0;

        for (guint j = 0; !taken && note->translations != NULL && j < note->translations->len; j++)
          taken = g_strcmp0 (((KorakTranslationRecord *)g_ptr_array_index (note->translations, j))->language,
                             languages[i]) == 0;
        if (!taken)
          g_ptr_array_add (offered, languages[i]);
      }
  if (offered->len == 0)
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_INVALID,
                           _("This note is already translated into every language Korak offers."));
      return NULL;
    }
  g_ptr_array_add (offered, NULL);

  self = g_object_new (KORAK_TYPE_TRANSLATION_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->note = korak_note_record_copy (note);
  self->translation = translation ? korak_translation_record_copy (translation) : NULL;

  if (!fill_versions (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  /* Translators: the title of the translation editor; %s is a name. */
  title = g_strdup_printf (translation ? _("Translation of a Note about %s") : _("New Translation of a Note about %s"),
                           note->subject_name ? note->subject_name : "");
  gtk_window_set_title (GTK_WINDOW (self), note->subject_name ? title
                                           : translation ? _("Translation") : _("New Translation"));

  korak_language_combo_fill (self->language_row, (const char * const *)offered->pdata, NULL,
                             translation ? translation->language : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), translation == NULL);

  self->staff = korak_staff_list_new (store, NULL, FALSE);
  if (!korak_staff_list_reload (self->staff, NULL))
    g_clear_object (&self->staff);
  korak_id_combo_fill (self->translator_row, self->staff ? G_LIST_MODEL (self->staff) : NULL, "display-name",
                       _("None"), translation ? translation->translator_id : korak_store_get_actor_id (store));

  fill_state (self);
  if (!can_submit (self))
    {
      gtk_widget_set_visible (self->submit_button, FALSE);
      gtk_button_set_use_underline (GTK_BUTTON (self->save_button), TRUE);
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
      gtk_widget_set_tooltip_text (self->save_button,
                                   g_strcmp0 (translation->state, KORAK_TRANSLATION_REVIEWED) == 0
                                   ? _("Save; a changed text goes back to the mediator for review (Ctrl+S)")
                                   : _("Save the correction (Ctrl+S)"));
      gtk_widget_add_css_class (self->save_button, "suggested-action");
    }
  else if (translation != NULL && g_strcmp0 (translation->state, KORAK_TRANSLATION_RETURNED) == 0)
    gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));

  /* Translators: the heading above the original of a note; %s is a language, "Slovenian". */
  original = g_strdup_printf (_("Original · %s"), korak_language_name (note->language));
  gtk_label_set_text (self->original_heading, original);
  korak_text_view_set_text (self->original_view, note->text);
  korak_text_view_set_language (self->original_view, note->language);

  korak_text_view_set_text (self->text_view, translation ? translation->text : NULL);
  on_language_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  return self;
}

const char *
korak_translation_dialog_get_error (KorakTranslationDialog *self)
{
  g_return_val_if_fail (KORAK_IS_TRANSLATION_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

GtkTextView *
korak_translation_dialog_get_text_view (KorakTranslationDialog *self)
{
  g_return_val_if_fail (KORAK_IS_TRANSLATION_DIALOG (self), NULL);
  return self->text_view;
}

GtkTextView *
korak_translation_dialog_get_original_view (KorakTranslationDialog *self)
{
  g_return_val_if_fail (KORAK_IS_TRANSLATION_DIALOG (self), NULL);
  return self->original_view;
}

AdwComboRow *
korak_translation_dialog_get_language_row (KorakTranslationDialog *self)
{
  g_return_val_if_fail (KORAK_IS_TRANSLATION_DIALOG (self), NULL);
  return self->language_row;
}

AdwComboRow *
korak_translation_dialog_get_translator_row (KorakTranslationDialog *self)
{
  g_return_val_if_fail (KORAK_IS_TRANSLATION_DIALOG (self), NULL);
  return self->translator_row;
}

gboolean
korak_translation_dialog_set_language (KorakTranslationDialog *self,
                                       const char             *tag)
{
  g_return_val_if_fail (KORAK_IS_TRANSLATION_DIALOG (self), FALSE);
  return korak_language_combo_select (self->language_row, tag);
}

guint
korak_translation_dialog_get_n_versions (KorakTranslationDialog *self)
{
  g_return_val_if_fail (KORAK_IS_TRANSLATION_DIALOG (self), 0);
  return self->n_versions;
}
