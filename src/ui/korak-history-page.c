/* korak-history-page.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-history.h"
#include "korak-history-page.h"
#include "korak-ui-util.h"

struct _KorakHistoryPage
{
  AdwBin        parent_instance;

  KorakStore   *store;
  gint64        participant_id;
  KorakHistory *history;
  guint         stale : 1;

  GtkStack     *stack;
  AdwStatusPage *error_page;
  GtkListView  *list_view;
};

G_DEFINE_FINAL_TYPE (KorakHistoryPage, korak_history_page, ADW_TYPE_BIN)

static void
reload (KorakHistoryPage *self)
{
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;
  if (self->history == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!korak_history_reload (self->history, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0 ? "list" : "empty");
}

static void
on_map_cb (KorakHistoryPage *self)
{
  if (self->stale)
    reload (self);
}

/* One row: what changed, and below it when and by whom. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (summary), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "numeric");

  gtk_box_append (GTK_BOX (box), summary);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  KorakHistoryEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *summary = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (summary);
  g_autofree char *when_who = NULL;
  g_autofree char *spoken = NULL;

  /* Translators: under a change in the history: when, then who made it. */
  when_who = g_strdup_printf (_("%s · %s"), korak_history_entry_get_time_label (entry),
                              korak_history_entry_get_who (entry));
  gtk_label_set_text (GTK_LABEL (summary), korak_history_entry_get_summary (entry));
  gtk_label_set_text (GTK_LABEL (meta), when_who);

  /* A screen reader reads the row as one sentence. */
  /* Translators: what a screen reader says for a change: what, when, who. */
  spoken = g_strdup_printf (_("%s, %s, by %s"), korak_history_entry_get_summary (entry),
                            korak_history_entry_get_time_label (entry), korak_history_entry_get_who (entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
korak_history_page_dispose (GObject *object)
{
  KorakHistoryPage *self = (KorakHistoryPage *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (korak_history_page_parent_class)->dispose (object);
}

static void
korak_history_page_class_init (KorakHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_history_page_dispose;

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KorakHistoryPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KorakHistoryPage, list_view);
}

static void
korak_history_page_init (KorakHistoryPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_swapped (self, "map", G_CALLBACK (on_map_cb), self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
korak_history_page_set_participant (KorakHistoryPage *self,
                                    KorakStore       *store,
                                    gint64            participant_id)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (KORAK_IS_HISTORY_PAGE (self));
  g_return_if_fail (store == NULL || KORAK_IS_STORE (store));

  if (self->store == store && self->participant_id == participant_id && self->history != NULL)
    {
      korak_history_page_invalidate (self);
      return;
    }

  g_set_object (&self->store, store);
  self->participant_id = participant_id;
  g_clear_object (&self->history);

  if (store != NULL && participant_id != 0)
    {
      self->history = korak_history_new (store, participant_id);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  korak_history_page_invalidate (self);
}

void
korak_history_page_invalidate (KorakHistoryPage *self)
{
  g_return_if_fail (KORAK_IS_HISTORY_PAGE (self));

  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

GListModel *
korak_history_page_get_model (KorakHistoryPage *self)
{
  g_return_val_if_fail (KORAK_IS_HISTORY_PAGE (self), NULL);

  return self->history ? G_LIST_MODEL (self->history) : NULL;
}
