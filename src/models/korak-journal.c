/* korak-journal.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-journal"

#include "config.h"

#include "korak-journal.h"

struct _KorakJournalItem
{
  GObject             parent_instance;

  KorakJournalRecord *record;
};

G_DEFINE_FINAL_TYPE (KorakJournalItem, korak_journal_item, G_TYPE_OBJECT)

static void
korak_journal_item_finalize (GObject *object)
{
  KorakJournalItem *self = (KorakJournalItem *)object;

  g_clear_pointer (&self->record, korak_journal_record_free);

  G_OBJECT_CLASS (korak_journal_item_parent_class)->finalize (object);
}

static void
korak_journal_item_class_init (KorakJournalItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = korak_journal_item_finalize;
}

static void
korak_journal_item_init (KorakJournalItem *self)
{
}

const KorakJournalRecord *
korak_journal_item_get_record (KorakJournalItem *self)
{
  g_return_val_if_fail (KORAK_IS_JOURNAL_ITEM (self), NULL);
  return self->record;
}

GListModel *
korak_journal_load (KorakStore  *store,
                    gint64       participant_id,
                    GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GListStore *list;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  if (!(records = korak_store_list_journal (store, participant_id, error)))
    return NULL;

  /* The items take the records over from the array. */
  g_ptr_array_set_free_func (records, NULL);
  list = g_list_store_new (KORAK_TYPE_JOURNAL_ITEM);
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(KorakJournalItem) item = g_object_new (KORAK_TYPE_JOURNAL_ITEM, NULL);

      item->record = g_ptr_array_index (records, i);
      g_list_store_append (list, item);
    }

  return G_LIST_MODEL (list);
}
