/* korak-review-queue.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-review-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-review-queue.h"

/* ------------------------------------------------------------- item */

struct _KorakReviewItem
{
  GObject          parent_instance;

  KorakNoteRecord *note;
};

G_DEFINE_FINAL_TYPE (KorakReviewItem, korak_review_item, G_TYPE_OBJECT)

static void
korak_review_item_finalize (GObject *object)
{
  KorakReviewItem *self = (KorakReviewItem *)object;

  g_clear_pointer (&self->note, korak_note_record_free);

  G_OBJECT_CLASS (korak_review_item_parent_class)->finalize (object);
}

static void
korak_review_item_class_init (KorakReviewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = korak_review_item_finalize;
}

static void
korak_review_item_init (KorakReviewItem *self)
{
}

const KorakNoteRecord *
korak_review_item_get_note (KorakReviewItem *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_ITEM (self), NULL);
  return self->note;
}

const KorakTranslationRecord *
korak_review_item_get_translation (KorakReviewItem *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_ITEM (self), NULL);

  if (self->note->translations == NULL || self->note->translations->len == 0)
    return NULL;
  return g_ptr_array_index (self->note->translations, 0);
}

gint64
korak_review_item_get_id (KorakReviewItem *self)
{
  const KorakTranslationRecord *translation = korak_review_item_get_translation (self);

  return translation ? translation->id : 0;
}

/* ------------------------------------------------------------ queue */

struct _KorakReviewQueue
{
  GObject     parent_instance;

  KorakStore *store;
  char       *language;
  gint64      cohort_id;
  guint       count;
  GStrv       languages;
  GPtrArray  *items;   /* KorakReviewItem */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakReviewQueue, korak_review_queue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_COUNT,
  PROP_LANGUAGES,
  PROP_LANGUAGE,
  PROP_COHORT_ID,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
korak_review_queue_get_item_type (GListModel *model)
{
  return KORAK_TYPE_REVIEW_ITEM;
}

static guint
korak_review_queue_get_n_items (GListModel *model)
{
  return KORAK_REVIEW_QUEUE (model)->items->len;
}

static gpointer
korak_review_queue_get_item (GListModel *model,
                             guint       position)
{
  KorakReviewQueue *self = KORAK_REVIEW_QUEUE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_review_queue_get_item_type;
  iface->get_n_items = korak_review_queue_get_n_items;
  iface->get_item = korak_review_queue_get_item;
}

static void
korak_review_queue_dispose (GObject *object)
{
  KorakReviewQueue *self = (KorakReviewQueue *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (korak_review_queue_parent_class)->dispose (object);
}

static void
korak_review_queue_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KorakReviewQueue *self = KORAK_REVIEW_QUEUE (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;

    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_COHORT_ID:
      g_value_set_int64 (value, self->cohort_id);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_review_queue_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KorakReviewQueue *self = KORAK_REVIEW_QUEUE (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      korak_review_queue_set_language (self, g_value_get_string (value));
      break;

    case PROP_COHORT_ID:
      korak_review_queue_set_cohort_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_review_queue_class_init (KorakReviewQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = korak_review_queue_dispose;
  object_class->get_property = korak_review_queue_get_property;
  object_class->set_property = korak_review_queue_set_property;

  /* How many translations need review, whatever the filters. */
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The languages of the translations waiting, whatever the filters. */
  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COHORT_ID] =
    g_param_spec_int64 ("cohort-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
korak_review_queue_init (KorakReviewQueue *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->languages = g_new0 (char *, 1);
}

KorakReviewQueue *
korak_review_queue_new (KorakStore *store)
{
  KorakReviewQueue *self;

  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  self = g_object_new (KORAK_TYPE_REVIEW_QUEUE, NULL);
  self->store = g_object_ref (store);

  return self;
}

KorakStore *
korak_review_queue_get_store (KorakReviewQueue *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_QUEUE (self), NULL);
  return self->store;
}

static int
compare_language_names (gconstpointer a,
                        gconstpointer b)
{
  const char *tag_a = *(const char * const *)a;
  const char *tag_b = *(const char * const *)b;

  return g_utf8_collate (korak_language_name (tag_a), korak_language_name (tag_b));
}

/* The languages of the translations in @records, each once, by name. */
static GStrv
collect_languages (GPtrArray *records)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    {
      const KorakNoteRecord *note = g_ptr_array_index (records, i);

      for (guint j = 0; note->translations != NULL && j < note->translations->len; j++)
        {
          const KorakTranslationRecord *t = g_ptr_array_index (note->translations, j);

          if (t->language != NULL && g_hash_table_add (seen, t->language))
            g_ptr_array_add (tags, g_strdup (t->language));
        }
    }

  g_ptr_array_sort (tags, compare_language_names);
  g_ptr_array_add (tags, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/**
 * korak_review_queue_reload:
 *
 * Reads the queue again with the filters set, and the count and languages
 * of the whole queue. On failure the queue keeps what it showed.
 */
gboolean
korak_review_queue_reload (KorakReviewQueue  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_auto(GStrv) languages = NULL;
  GPtrArray *items;
  guint removed;
  gint64 count;

  g_return_val_if_fail (KORAK_IS_REVIEW_QUEUE (self), FALSE);

  if (!(all = korak_store_list_review_queue (self->store, NULL, 0, error)))
    return FALSE;
  if ((count = korak_store_count_review_queue (self->store, error)) < 0)
    return FALSE;

  if (self->language == NULL && self->cohort_id == 0)
    shown = g_ptr_array_ref (all);
  else if (!(shown = korak_store_list_review_queue (self->store, self->language, self->cohort_id, error)))
    return FALSE;

  languages = collect_languages (all);

  /* The items take the records over from the array. */
  items = g_ptr_array_new_full (shown->len, g_object_unref);
  for (guint i = 0; i < shown->len; i++)
    {
      KorakReviewItem *item = g_object_new (KORAK_TYPE_REVIEW_ITEM, NULL);

      item->note = g_ptr_array_index (shown, i);
      g_ptr_array_index (shown, i) = NULL;
      g_ptr_array_add (items, item);
    }

  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, items->len);
  if (removed != items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (!g_strv_equal ((const char * const *)languages, (const char * const *)self->languages))
    {
      g_strfreev (self->languages);
      self->languages = g_steal_pointer (&languages);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGES]);
    }

  if (self->count != (guint)count)
    {
      self->count = (guint)count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }

  return TRUE;
}

void
korak_review_queue_set_language (KorakReviewQueue *self,
                                 const char       *language)
{
  g_return_if_fail (KORAK_IS_REVIEW_QUEUE (self));

  if (language != NULL && *language == '\0')
    language = NULL;
  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
korak_review_queue_get_language (KorakReviewQueue *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_QUEUE (self), NULL);
  return self->language;
}

void
korak_review_queue_set_cohort_id (KorakReviewQueue *self,
                                  gint64            cohort_id)
{
  g_return_if_fail (KORAK_IS_REVIEW_QUEUE (self));

  if (self->cohort_id == cohort_id)
    return;

  self->cohort_id = cohort_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COHORT_ID]);
}

gint64
korak_review_queue_get_cohort_id (KorakReviewQueue *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_QUEUE (self), 0);
  return self->cohort_id;
}

guint
korak_review_queue_get_count (KorakReviewQueue *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_QUEUE (self), 0);
  return self->count;
}

const char * const *
korak_review_queue_get_languages (KorakReviewQueue *self)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_QUEUE (self), NULL);
  return (const char * const *)self->languages;
}

gboolean
korak_review_queue_find (KorakReviewQueue *self,
                         gint64            translation_id,
                         guint            *position)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_QUEUE (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (korak_review_item_get_id (g_ptr_array_index (self->items, i)) == translation_id)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

static const KorakTranslationRecord *
lookup_translation (KorakReviewQueue  *self,
                    gint64             translation_id,
                    GError           **error)
{
  guint position;

  if (!korak_review_queue_find (self, translation_id, &position))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           _("This translation is no longer waiting for review: someone else reviewed or changed it. The list is read again."));
      return NULL;
    }

  return korak_review_item_get_translation (g_ptr_array_index (self->items, position));
}

/**
 * korak_review_queue_save_text:
 *
 * Stores the mediator's correction of a translation in the queue; it stays
 * in the queue (needs review) until marked reviewed. Nothing is stored when
 * the text is the same.
 */
gboolean
korak_review_queue_save_text (KorakReviewQueue  *self,
                              gint64             translation_id,
                              const char        *text,
                              GError           **error)
{
  const KorakTranslationRecord *shown;
  g_autoptr(KorakTranslationRecord) record = NULL;

  g_return_val_if_fail (KORAK_IS_REVIEW_QUEUE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!(shown = lookup_translation (self, translation_id, error)))
    return FALSE;
  if (g_strcmp0 (shown->text, text) == 0)
    return TRUE;

  record = korak_translation_record_copy (shown);
  g_free (record->text);
  record->text = g_strdup (text);
  if (!korak_store_save_translation (self->store, record, error))
    return FALSE;

  return korak_review_queue_reload (self, error);
}

gboolean
korak_review_queue_mark_reviewed (KorakReviewQueue  *self,
                                  gint64             translation_id,
                                  gint64             reviewer_id,
                                  GError           **error)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_QUEUE (self), FALSE);

  if (!korak_store_review_translation (self->store, translation_id, reviewer_id, error))
    return FALSE;

  return korak_review_queue_reload (self, error);
}

gboolean
korak_review_queue_return (KorakReviewQueue  *self,
                           gint64             translation_id,
                           gint64             reviewer_id,
                           const char        *comment,
                           GError           **error)
{
  g_return_val_if_fail (KORAK_IS_REVIEW_QUEUE (self), FALSE);

  if (!korak_store_return_translation (self->store, translation_id, reviewer_id, comment, error))
    return FALSE;

  return korak_review_queue_reload (self, error);
}
