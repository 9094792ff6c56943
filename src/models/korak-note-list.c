/* korak-note-list.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-note-list"

#include "config.h"

#include "korak-note-list.h"

/* ------------------------------------------------------------- item */

struct _KorakNoteItem
{
  GObject          parent_instance;

  KorakNoteRecord *record;
};

G_DEFINE_FINAL_TYPE (KorakNoteItem, korak_note_item, G_TYPE_OBJECT)

static void
korak_note_item_finalize (GObject *object)
{
  KorakNoteItem *self = (KorakNoteItem *)object;

  g_clear_pointer (&self->record, korak_note_record_free);

  G_OBJECT_CLASS (korak_note_item_parent_class)->finalize (object);
}

static void
korak_note_item_class_init (KorakNoteItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = korak_note_item_finalize;
}

static void
korak_note_item_init (KorakNoteItem *self)
{
}

const KorakNoteRecord *
korak_note_item_get_record (KorakNoteItem *self)
{
  g_return_val_if_fail (KORAK_IS_NOTE_ITEM (self), NULL);
  return self->record;
}

gint64
korak_note_item_get_id (KorakNoteItem *self)
{
  g_return_val_if_fail (KORAK_IS_NOTE_ITEM (self), 0);
  return self->record->id;
}

const KorakTranslationRecord *
korak_note_item_get_translation (KorakNoteItem *self,
                                 const char    *language)
{
  g_return_val_if_fail (KORAK_IS_NOTE_ITEM (self), NULL);

  for (guint i = 0; self->record->translations != NULL && i < self->record->translations->len; i++)
    {
      const KorakTranslationRecord *t = g_ptr_array_index (self->record->translations, i);

      if (g_strcmp0 (t->language, language) == 0)
        return t;
    }

  return NULL;
}

/* ------------------------------------------------------------- list */

struct _KorakNoteList
{
  GObject     parent_instance;

  KorakStore *store;
  gint64      participant_id;
  gint64      cohort_id;
  GPtrArray  *items;   /* KorakNoteItem */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakNoteList, korak_note_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
korak_note_list_get_item_type (GListModel *model)
{
  return KORAK_TYPE_NOTE_ITEM;
}

static guint
korak_note_list_get_n_items (GListModel *model)
{
  return KORAK_NOTE_LIST (model)->items->len;
}

static gpointer
korak_note_list_get_item (GListModel *model,
                          guint       position)
{
  KorakNoteList *self = KORAK_NOTE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_note_list_get_item_type;
  iface->get_n_items = korak_note_list_get_n_items;
  iface->get_item = korak_note_list_get_item;
}

static void
korak_note_list_dispose (GObject *object)
{
  KorakNoteList *self = (KorakNoteList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (korak_note_list_parent_class)->dispose (object);
}

static void
korak_note_list_class_init (KorakNoteListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = korak_note_list_dispose;
}

static void
korak_note_list_init (KorakNoteList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KorakNoteList *
korak_note_list_new (KorakStore *store,
                     gint64      participant_id,
                     gint64      cohort_id)
{
  KorakNoteList *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_NOTE_LIST, NULL);
  self->store = g_object_ref (store);
  self->participant_id = participant_id;
  self->cohort_id = cohort_id;

  return self;
}

KorakStore *
korak_note_list_get_store (KorakNoteList *self)
{
  g_return_val_if_fail (KORAK_IS_NOTE_LIST (self), NULL);
  return self->store;
}

gint64
korak_note_list_get_participant_id (KorakNoteList *self)
{
  g_return_val_if_fail (KORAK_IS_NOTE_LIST (self), 0);
  return self->participant_id;
}

gint64
korak_note_list_get_cohort_id (KorakNoteList *self)
{
  g_return_val_if_fail (KORAK_IS_NOTE_LIST (self), 0);
  return self->cohort_id;
}

/* Replaces every item and says so in one items-changed. */
static void
replace_items (KorakNoteList *self,
               GPtrArray     *items)
{
  guint removed = self->items->len;

  g_ptr_array_unref (self->items);
  self->items = items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, items->len);
}

/**
 * korak_note_list_reload:
 *
 * Reads the notes again. On failure the list keeps what it showed.
 */
gboolean
korak_note_list_reload (KorakNoteList  *self,
                        GError        **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *items;

  g_return_val_if_fail (KORAK_IS_NOTE_LIST (self), FALSE);

  if (!(records = korak_store_list_notes (self->store, self->participant_id, self->cohort_id, error)))
    return FALSE;

  /* The items take the records over from the array. */
  g_ptr_array_set_free_func (records, NULL);
  items = g_ptr_array_new_full (records->len, g_object_unref);
  for (guint i = 0; i < records->len; i++)
    {
      KorakNoteItem *item = g_object_new (KORAK_TYPE_NOTE_ITEM, NULL);

      item->record = g_ptr_array_index (records, i);
      g_ptr_array_add (items, item);
    }

  replace_items (self, items);
  return TRUE;
}

gboolean
korak_note_list_find (KorakNoteList *self,
                      gint64         note_id,
                      guint         *position)
{
  g_return_val_if_fail (KORAK_IS_NOTE_LIST (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (korak_note_item_get_id (g_ptr_array_index (self->items, i)) == note_id)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

/* Returns: (transfer none) (nullable) */
KorakNoteItem *
korak_note_list_lookup (KorakNoteList *self,
                        gint64         note_id)
{
  guint position;

  g_return_val_if_fail (KORAK_IS_NOTE_LIST (self), NULL);

  if (!korak_note_list_find (self, note_id, &position))
    return NULL;

  return g_ptr_array_index (self->items, position);
}
