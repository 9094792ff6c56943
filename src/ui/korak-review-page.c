/* korak-review-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-review-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "korak-cohort-list.h"
#include "korak-date.h"
#include "korak-note-util.h"
#include "korak-print.h"
#include "korak-review-page.h"
#include "korak-ui-util.h"

/* How much of a translation a row of the list shows. */
#define EXCERPT_CHARS 120

struct _KorakReviewPage
{
  AdwBin            parent_instance;

  KorakReviewQueue *queue;
  KorakCohortList  *cohorts;
  GPtrArray        *language_tags;   /* position in the dropdown → tag; [0] NULL: all */
  GArray           *cohort_ids;      /* position in the dropdown → id; [0] 0: all */
  KorakReviewItem  *shown;
  gint64            shown_id;
  guint             shown_position;
  char             *error;
  guint             updating : 1;

  GtkStack         *page_stack;
  GtkWidget        *empty_sidebar_button;
  GtkWidget        *sidebar_button;
  AdwLeaflet       *leaflet;
  AdwWindowTitle   *list_title;
  GtkDropDown      *language_dropdown;
  GtkDropDown      *cohort_dropdown;
  GtkStack         *list_stack;
  GtkListBox       *list_box;
  AdwWindowTitle   *item_title;
  GtkStack         *item_stack;
  GtkLabel         *info_label;
  GtkWidget        *sensitive_box;
  GtkBox           *sides_box;
  GtkLabel         *original_heading;
  GtkTextView      *original_view;
  GtkLabel         *translation_heading;
  GtkTextView      *translation_view;
};

G_DEFINE_FINAL_TYPE (KorakReviewPage, korak_review_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (KorakReviewPage *self,
            const char      *heading,
            const GError    *error)
{
  g_free (self->error);
  self->error = g_strdup (error->message);
  korak_show_error_dialog (GTK_WIDGET (self), heading, error->message);
}

/* --------------------------------------------------------------- rows */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  const KorakNoteRecord *note = korak_review_item_get_note (item);
  const KorakTranslationRecord *translation = korak_review_item_get_translation (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *languages, *excerpt;
  g_autofree char *date = korak_date_format (note->date);
  g_autofree char *about = NULL;
  g_autofree char *accessible = NULL;
  gint64 id = translation ? translation->id : 0;

  gtk_widget_set_name (row, "review-item");
  g_object_set_data_full (G_OBJECT (row), "translation-id", g_memdup2 (&id, sizeof id), g_free);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  title = gtk_label_new (note->subject_name ? note->subject_name : "");
  gtk_widget_set_name (title, "subject");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  /* Translators: a note's language, the translation's, and the note's date: "Slovenian → Arabic · 2. 3. 2026". */
  about = g_strdup_printf (_("%s → %s · %s"), korak_language_name (note->language),
                           translation ? korak_language_name (translation->language) : "", date);
  languages = gtk_label_new (about);
  gtk_widget_set_name (languages, "languages");
  gtk_label_set_xalign (GTK_LABEL (languages), 0);
  gtk_label_set_ellipsize (GTK_LABEL (languages), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (languages, "caption");
  gtk_widget_add_css_class (languages, "dim-label");
  gtk_box_append (GTK_BOX (box), languages);

  /* A goal's or a small win's text, to be printed for the participant. */
  if (note->goal_id != 0 || note->journal_entry_id != 0)
    {
      GtkWidget *carries = gtk_label_new (note->goal_id != 0 ? _("A goal of the individual plan")
                                                             : _("A small win from the journal"));

      gtk_widget_set_name (carries, "carries");
      gtk_label_set_xalign (GTK_LABEL (carries), 0);
      gtk_widget_add_css_class (carries, "caption");
      gtk_widget_add_css_class (carries, "accent");
      gtk_box_append (GTK_BOX (box), carries);
    }

  excerpt = gtk_label_new (NULL);
  gtk_widget_set_name (excerpt, "excerpt");
  gtk_label_set_ellipsize (GTK_LABEL (excerpt), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (excerpt), TRUE);
  if (note->sensitive)
    {
      /* A sensitive text shows only once opened. */
      gtk_label_set_text (GTK_LABEL (excerpt), _("Sensitive note"));
      gtk_label_set_xalign (GTK_LABEL (excerpt), 0);
      gtk_widget_add_css_class (excerpt, "dim-label");
    }
  else if (translation != NULL && translation->text != NULL)
    {
      g_autofree char *line = g_strndup (translation->text, strcspn (translation->text, "\n"));

      if (g_utf8_strlen (line, -1) > EXCERPT_CHARS)
        *g_utf8_offset_to_pointer (line, EXCERPT_CHARS) = '\0';
      korak_label_set_text_with_direction (GTK_LABEL (excerpt), line, translation->language);
    }
  gtk_box_append (GTK_BOX (box), excerpt);

  /* Translators: what a screen reader says for a row of the Review list:
   * "Ana Horvat, Slovenian → Arabic · 2. 3. 2026". */
  accessible = g_strdup_printf (_("%s, %s"), note->subject_name ? note->subject_name : "", about);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static gint64
row_id (GtkListBoxRow *row)
{
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), "translation-id") : NULL;

  return id ? *id : 0;
}

/* -------------------------------------------------------------- state */

static void
update_actions (KorakReviewPage *self)
{
  guint n = self->queue ? g_list_model_get_n_items (G_LIST_MODEL (self->queue)) : 0;
  gboolean has = self->shown != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.mark-reviewed", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.return", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.previous", has && self->shown_position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next",
                                 n > 0 && (!has || self->shown_position + 1 < n));
}

static void
update_state (KorakReviewPage *self)
{
  guint n = self->queue ? g_list_model_get_n_items (G_LIST_MODEL (self->queue)) : 0;
  guint count = self->queue ? korak_review_queue_get_count (self->queue) : 0;
  g_autofree char *subtitle = NULL;

  gtk_stack_set_visible_child_name (self->page_stack, count == 0 && n == 0 ? "empty" : "main");
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-match");

  /* Translators: shown under "Review": how many translations wait for it. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u waiting", "%u waiting", count), count);
  adw_window_title_set_subtitle (self->list_title, count > 0 ? subtitle : NULL);
  update_actions (self);
}

/* Whether the translation shown has edits not yet stored. */
static gboolean
has_changes (KorakReviewPage *self)
{
  const KorakTranslationRecord *translation;
  g_autofree char *text = NULL;

  if (self->shown == NULL || (translation = korak_review_item_get_translation (self->shown)) == NULL)
    return FALSE;

  text = korak_text_view_get_text (self->translation_view);
  return g_strcmp0 (text, translation->text) != 0;
}

static void
show_item (KorakReviewPage *self,
           KorakReviewItem *item,
           guint            position)
{
  const KorakNoteRecord *note;
  const KorakTranslationRecord *translation;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *original = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GString) info = NULL;
  gboolean same;

  same = item != NULL && korak_review_item_get_id (item) == self->shown_id;
  /* A correction being typed stays when the list is read again. */
  if (same && has_changes (self))
    {
      g_set_object (&self->shown, item);
      self->shown_position = position;
      update_actions (self);
      return;
    }

  g_set_object (&self->shown, item);
  self->shown_id = item ? korak_review_item_get_id (item) : 0;
  self->shown_position = position;

  if (item == NULL)
    {
      adw_window_title_set_title (self->item_title, _("Review"));
      adw_window_title_set_subtitle (self->item_title, NULL);
      korak_text_view_set_text (self->original_view, NULL);
      korak_text_view_set_text (self->translation_view, NULL);
      gtk_stack_set_visible_child_name (self->item_stack, "none");
      update_actions (self);
      return;
    }

  note = korak_review_item_get_note (item);
  translation = korak_review_item_get_translation (item);
  date = korak_date_format (note->date);

  adw_window_title_set_title (self->item_title, note->subject_name ? note->subject_name : _("Review"));
  /* Translators: a note's language, the translation's, and the note's date: "Slovenian → Arabic · 2. 3. 2026". */
  subtitle = g_strdup_printf (_("%s → %s · %s"), korak_language_name (note->language),
                              korak_language_name (translation->language), date);
  adw_window_title_set_subtitle (self->item_title, subtitle);

  info = g_string_new (korak_choice_label (korak_translation_states (), translation->state));
  if (translation->translator_name != NULL)
    /* Translators: who wrote a translation. */
    g_string_append_printf (info, _(" · translated by %s"), translation->translator_name);
  when = korak_format_timestamp (translation->updated_at);
  if (*when != '\0')
    /* Translators: when the translation was last changed: " · changed 2. 3. 2026 10:00". */
    g_string_append_printf (info, _(" · changed %s"), when);
  if (note->author_name != NULL)
    /* Translators: who wrote the original note. */
    g_string_append_printf (info, _(" · note by %s"), note->author_name);
  gtk_label_set_text (self->info_label, info->str);
  gtk_widget_set_visible (self->sensitive_box, note->sensitive);

  /* Translators: the heading above the original of a note; %s is a language, "Slovenian". */
  original = g_strdup_printf (_("_Original · %s"), korak_language_name (note->language));
  gtk_label_set_text_with_mnemonic (self->original_heading, original);
  korak_text_view_set_text (self->original_view, note->text);
  korak_text_view_set_language (self->original_view, note->language);

  /* Translators: the heading above the text of a translation; %s is a language, "Arabic". */
  heading = g_strdup_printf (_("_Translation · %s"), korak_language_name (translation->language));
  gtk_label_set_text_with_mnemonic (self->translation_heading, heading);
  korak_text_view_set_text (self->translation_view, translation->text);
  korak_text_view_set_language (self->translation_view, translation->language);

  gtk_stack_set_visible_child_name (self->item_stack, "item");
  update_actions (self);
}

/* Selects the row at @position and shows its translation. */
static void
select_position (KorakReviewPage *self,
                 guint            position)
{
  g_autoptr(KorakReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->queue), position);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, position);

  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->updating = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->updating = FALSE;

  /* The row that had the focus went with the list read again: the
   * keyboard goes on from the row in its place. */
  if (row != NULL && root != NULL && gtk_root_get_focus (root) == NULL && gtk_widget_get_mapped (GTK_WIDGET (row)))
    gtk_widget_grab_focus (GTK_WIDGET (row));

  show_item (self, item, position);
}

gboolean
korak_review_page_select (KorakReviewPage *self,
                          gint64           translation_id)
{
  guint position;

  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), FALSE);

  if (self->queue == NULL || !korak_review_queue_find (self->queue, translation_id, &position))
    return FALSE;

  select_position (self, position);
  return TRUE;
}

/* The list was read again: the translation shown stays selected when it is
 * still there, else the one that took its place. */
static void
on_items_changed_cb (KorakReviewPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  guint position;

  if (self->shown_id != 0 && korak_review_queue_find (self->queue, self->shown_id, &position))
    select_position (self, position);
  else if (self->shown != NULL && n > 0)
    select_position (self, MIN (self->shown_position, n - 1));
  else if (n > 0 && !adw_leaflet_get_folded (self->leaflet))
    select_position (self, 0);
  else
    {
      self->shown_id = 0;
      show_item (self, NULL, 0);
    }

  update_state (self);
}

/* Stores the correction typed into the translation shown, if any. */
static gboolean
save_changes (KorakReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!has_changes (self))
    return TRUE;

  text = korak_text_view_get_text (self->translation_view);
  if (!korak_review_queue_save_text (self->queue, self->shown_id, text, &error))
    {
      show_error (self, _("The Correction Was Not Saved"), error);
      return FALSE;
    }

  return TRUE;
}

gboolean
korak_review_page_save (KorakReviewPage *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), FALSE);
  return save_changes (self);
}

/* Shows the translation with @translation_id, after saving the edits of
 * the one shown. */
static void
move_to (KorakReviewPage *self,
         gint64           translation_id)
{
  if (translation_id == self->shown_id)
    return;

  if (!save_changes (self))
    {
      korak_review_page_select (self, self->shown_id);
      return;
    }

  korak_review_page_select (self, translation_id);
}

static void
on_row_selected_cb (KorakReviewPage *self,
                    GtkListBoxRow   *row)
{
  /* Rows go while the list is read again: not a choice. */
  if (self->updating || row == NULL)
    return;

  move_to (self, row_id (row));
}

static void
on_row_activated_cb (KorakReviewPage *self,
                     GtkListBoxRow   *row)
{
  move_to (self, row_id (row));
  if (self->shown_id == row_id (row))
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "item");
      gtk_widget_grab_focus (GTK_WIDGET (self->translation_view));
    }
}

static void
on_leaflet_folded_cb (KorakReviewPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* Narrow: the original above the translation. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->sides_box),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

/* ------------------------------------------------------------ filters */

static void
fill_languages (KorakReviewPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *tags = self->queue ? korak_review_queue_get_languages (self->queue) : NULL;
  const char *chosen = self->queue ? korak_review_queue_get_language (self->queue) : NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->language_tags, 0);
  gtk_string_list_append (labels, _("All Languages"));
  g_ptr_array_add (self->language_tags, NULL);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (g_strcmp0 (tags[i], chosen) == 0)
        selected = self->language_tags->len;
      gtk_string_list_append (labels, korak_language_name (tags[i]));
      g_ptr_array_add (self->language_tags, g_strdup (tags[i]));
    }
  /* A filter chosen before its last translation was reviewed stays. */
  if (chosen != NULL && selected == 0)
    {
      selected = self->language_tags->len;
      gtk_string_list_append (labels, korak_language_name (chosen));
      g_ptr_array_add (self->language_tags, g_strdup (chosen));
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->language_dropdown, selected);
  self->updating = FALSE;
}

static void
fill_cohorts (KorakReviewPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = self->cohorts ? g_list_model_get_n_items (G_LIST_MODEL (self->cohorts)) : 0;
  gint64 chosen = self->queue ? korak_review_queue_get_cohort_id (self->queue) : 0;
  gint64 all = 0;
  guint selected = 0;

  g_array_set_size (self->cohort_ids, 0);
  gtk_string_list_append (labels, _("All Cohorts"));
  g_array_append_val (self->cohort_ids, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakCohortItem) cohort = g_list_model_get_item (G_LIST_MODEL (self->cohorts), i);
      gint64 id = korak_cohort_item_get_id (cohort);

      if (id == chosen)
        selected = self->cohort_ids->len;
      gtk_string_list_append (labels, korak_cohort_item_get_name (cohort));
      g_array_append_val (self->cohort_ids, id);
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->cohort_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->cohort_dropdown, selected);
  self->updating = FALSE;
}

static void
apply_filters (KorakReviewPage *self,
               const char      *language,
               gint64           cohort_id)
{
  g_autoptr(GError) error = NULL;

  if (self->queue == NULL)
    return;

  /* A correction of a translation the filter hides is kept first. */
  if (!save_changes (self))
    {
      fill_languages (self);
      fill_cohorts (self);
      return;
    }

  korak_review_queue_set_language (self->queue, language);
  korak_review_queue_set_cohort_id (self->queue, cohort_id);
  if (!korak_review_queue_reload (self->queue, &error))
    show_error (self, _("The Translations Cannot Be Shown"), error);
}

static const char *
selected_language (KorakReviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  return selected < self->language_tags->len ? g_ptr_array_index (self->language_tags, selected) : NULL;
}

static gint64
selected_cohort (KorakReviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->cohort_dropdown);

  return selected < self->cohort_ids->len ? g_array_index (self->cohort_ids, gint64, selected) : 0;
}

static void
on_language_filter_cb (KorakReviewPage *self)
{
  if (self->updating || self->queue == NULL)
    return;
  apply_filters (self, selected_language (self), korak_review_queue_get_cohort_id (self->queue));
}

static void
on_cohort_filter_cb (KorakReviewPage *self)
{
  if (self->updating || self->queue == NULL)
    return;
  apply_filters (self, korak_review_queue_get_language (self->queue), selected_cohort (self));
}

gboolean
korak_review_page_set_language_filter (KorakReviewPage *self,
                                       const char      *language)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), FALSE);

  for (guint i = 0; i < self->language_tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->language_tags, i), language) == 0)
      {
        gtk_drop_down_set_selected (self->language_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

gboolean
korak_review_page_set_cohort_filter (KorakReviewPage *self,
                                     gint64           cohort_id)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), FALSE);

  for (guint i = 0; i < self->cohort_ids->len; i++)
    if (g_array_index (self->cohort_ids, gint64, i) == cohort_id)
      {
        gtk_drop_down_set_selected (self->cohort_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

static void
on_languages_changed_cb (KorakReviewPage *self)
{
  fill_languages (self);
}

static void
on_count_changed_cb (KorakReviewPage *self)
{
  update_state (self);
}

/* ------------------------------------------------------------ actions */

static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KorakReviewPage *self = KORAK_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->shown == NULL || !save_changes (self))
    return;

  if (!korak_review_queue_mark_reviewed (self->queue, self->shown_id, 0, &error))
    {
      show_error (self, _("The Translation Was Not Marked Reviewed"), error);
      korak_review_queue_reload (self->queue, NULL);
      return;
    }

  korak_show_toast (widget, _("Marked as reviewed"));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KorakReviewPage *self = KORAK_REVIEW_PAGE (widget);

  if (self->shown == NULL)
    return;

  if (!has_changes (self))
    {
      korak_show_toast (widget, _("No changes to save"));
      return;
    }

  if (save_changes (self))
    korak_show_toast (widget, _("Correction saved; mark it reviewed when it is right"));
}

static void
on_comment_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "return", *comment != '\0');
}

static void
on_comment_activate_cb (GtkEntry         *entry,
                        AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "return"))
    return;

  adw_message_dialog_response (dialog, "return");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
on_return_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       KorakReviewPage  *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  gint64 *asked = g_object_get_data (G_OBJECT (dialog), "translation-id");
  gint64 id = asked ? *asked : 0;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "return") != 0 || *comment == '\0' || self->queue == NULL)
    return;

  /* The one asked about, with the correction typed so far. */
  if (id != self->shown_id && !korak_review_page_select (self, id))
    return;
  if (!save_changes (self))
    return;

  if (!korak_review_queue_return (self->queue, id, 0, comment, &error))
    {
      show_error (self, _("The Translation Was Not Returned"), error);
      korak_review_queue_reload (self->queue, NULL);
      return;
    }

  korak_show_toast (GTK_WIDGET (self), _("Returned to the translator with your comment"));
}

GtkWindow *
korak_review_page_return (KorakReviewPage *self)
{
  GtkRoot *root;
  GtkWidget *dialog, *entry;
  gint64 id;

  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), NULL);

  if (self->shown == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Return the Translation?"),
                                   _("Say what the translator should correct. They see your comment beside the translation, and submit it again once corrected."));
  id = self->shown_id;
  g_object_set_data_full (G_OBJECT (dialog), "translation-id", g_memdup2 (&id, sizeof id), g_free);

  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "comment");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What to correct"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "return", _("_Return"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "return", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "return");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect (entry, "changed", G_CALLBACK (on_comment_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_comment_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_return_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return GTK_WINDOW (dialog);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  korak_review_page_return (KORAK_REVIEW_PAGE (widget));
}

static void
step (KorakReviewPage *self,
      int              delta)
{
  guint n = self->queue ? g_list_model_get_n_items (G_LIST_MODEL (self->queue)) : 0;
  g_autoptr(KorakReviewItem) target = NULL;
  gint64 position;

  if (n == 0)
    return;

  position = self->shown == NULL ? 0 : (gint64)self->shown_position + delta;
  if (position < 0 || position >= n)
    return;

  target = g_list_model_get_item (G_LIST_MODEL (self->queue), position);
  move_to (self, korak_review_item_get_id (target));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "item");
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  step (KORAK_REVIEW_PAGE (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  step (KORAK_REVIEW_PAGE (widget), -1);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KorakReviewPage *self = KORAK_REVIEW_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  if (self->shown != NULL)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, self->shown_position);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KorakReviewPage *self = KORAK_REVIEW_PAGE (widget);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->language_dropdown, 0);
  gtk_drop_down_set_selected (self->cohort_dropdown, 0);
  self->updating = FALSE;
  apply_filters (self, NULL, 0);
}

/* ---------------------------------------------------------- public API */

void
korak_review_page_set_queue (KorakReviewPage  *self,
                             KorakReviewQueue *queue)
{
  g_return_if_fail (KORAK_IS_REVIEW_PAGE (self));
  g_return_if_fail (queue == NULL || KORAK_IS_REVIEW_QUEUE (queue));

  if (self->queue == queue)
    return;

  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_clear_object (&self->shown);
  self->shown_id = 0;
  g_set_object (&self->queue, queue);
  g_clear_object (&self->cohorts);

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (queue), queue ? create_row : NULL, self, NULL);
  if (queue != NULL)
    {
      g_signal_connect_object (queue, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (queue, "notify::languages", G_CALLBACK (on_languages_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (queue, "notify::count", G_CALLBACK (on_count_changed_cb), self,
                               G_CONNECT_SWAPPED);
      self->cohorts = korak_cohort_list_new (korak_review_queue_get_store (queue));
    }

  fill_languages (self);
  fill_cohorts (self);
  show_item (self, NULL, 0);
  korak_review_page_reload (self);
}

KorakReviewQueue *
korak_review_page_get_queue (KorakReviewPage *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), NULL);
  return self->queue;
}

/**
 * korak_review_page_reload:
 *
 * Reads the translations waiting and the cohorts again; the translation
 * shown stays shown while it waits, with any correction being typed.
 */
gboolean
korak_review_page_reload (KorakReviewPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), FALSE);

  if (self->queue == NULL)
    {
      update_state (self);
      return FALSE;
    }

  if (self->cohorts != NULL && !korak_cohort_list_reload (self->cohorts, &error))
    g_debug ("Cohorts not read: %s", error->message);
  g_clear_error (&error);
  fill_cohorts (self);

  if (!korak_review_queue_reload (self->queue, &error))
    {
      show_error (self, _("The Translations Cannot Be Shown"), error);
      return FALSE;
    }

  g_clear_pointer (&self->error, g_free);
  return TRUE;
}

gint64
korak_review_page_get_selected_id (KorakReviewPage *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), 0);
  return self->shown != NULL ? self->shown_id : 0;
}

const char *
korak_review_page_get_state (KorakReviewPage *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "empty") == 0)
    return "empty";
  return gtk_stack_get_visible_child_name (self->list_stack);
}

const char *
korak_review_page_get_error (KorakReviewPage *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), NULL);
  return self->error;
}

GtkTextView *
korak_review_page_get_original_view (KorakReviewPage *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), NULL);
  return self->original_view;
}

GtkTextView *
korak_review_page_get_translation_view (KorakReviewPage *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), NULL);
  return self->translation_view;
}

GtkListBox *
korak_review_page_get_list_box (KorakReviewPage *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), NULL);
  return self->list_box;
}

GtkDropDown *
korak_review_page_get_language_dropdown (KorakReviewPage *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), NULL);
  return self->language_dropdown;
}

GtkDropDown *
korak_review_page_get_cohort_dropdown (KorakReviewPage *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_PAGE (self), NULL);
  return self->cohort_dropdown;
}

/* ------------------------------------------------------------- class */

static void
korak_review_page_dispose (GObject *object)
{
  KorakReviewPage *self = (KorakReviewPage *)object;

  if (self->queue != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->queue, self);
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
    }
  g_clear_object (&self->queue);
  g_clear_object (&self->cohorts);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->language_tags, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_ids, g_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (korak_review_page_parent_class)->dispose (object);
}

static void
korak_review_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KorakReviewPage *self = KORAK_REVIEW_PAGE (object);

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
korak_review_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KorakReviewPage *self = KORAK_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR_BUTTON:
      if (gtk_widget_get_visible (self->sidebar_button) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (self->sidebar_button, g_value_get_boolean (value));
          gtk_widget_set_visible (self->empty_sidebar_button, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_review_page_class_init (KorakReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_review_page_dispose;
  object_class->get_property = korak_review_page_get_property;
  object_class->set_property = korak_review_page_set_property;

  /* Shows a button that brings back the window's list of views. */
  properties[PROP_SHOW_SIDEBAR_BUTTON] =
    g_param_spec_boolean ("show-sidebar-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, empty_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, cohort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, item_title);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, item_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, info_label);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, sensitive_box);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, sides_box);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, original_heading);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, original_view);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, translation_heading);
  gtk_widget_class_bind_template_child (widget_class, KorakReviewPage, translation_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cohort_filter_cb);

  gtk_widget_class_install_action (widget_class, "review.mark-reviewed", NULL, mark_reviewed_action);
  gtk_widget_class_install_action (widget_class, "review.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "review.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "review.show-all", NULL, show_all_action);
}

static void
korak_review_page_init (KorakReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->language_tags = g_ptr_array_new_with_free_func (g_free);
  self->cohort_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Caught before the focused widget sees them: the translation is a text
   * view, where Return starts a new line. */
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_Return, GDK_CONTROL_MASK, "review.mark-reviewed");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "review.mark-reviewed");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "review.return");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_s, GDK_CONTROL_MASK, "review.save");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_Down, GDK_ALT_MASK, "review.next");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_Up, GDK_ALT_MASK, "review.previous");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_KP_Down, GDK_ALT_MASK, "review.next");
  korak_add_capture_shortcut (GTK_WIDGET (self), GDK_KEY_KP_Up, GDK_ALT_MASK, "review.previous");

  on_leaflet_folded_cb (self);
  fill_languages (self);
  fill_cohorts (self);
  show_item (self, NULL, 0);
  update_state (self);
}
