/* korak-participant-list.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-participant-list"

#include "config.h"

#include "korak-participant-list.h"
#include "korak-participant-private.h"

/*
 * Every participant is loaded once (a few MB for 10,000 people); search and
 * filters then choose which of them are visible. Search asks FTS5 for the
 * matching ids and marks those items, so a keystroke costs one indexed query
 * and one pass over the array, not a reload.
 */
struct _KorakParticipantList
{
  GObject               parent_instance;

  KorakStore           *store;
  GPtrArray            *all;        /* KorakParticipant, in sort order */
  GHashTable           *by_id;      /* gint64* (owned key) → KorakParticipant */
  GPtrArray            *visible;    /* subset of @all, same order */

  char                 *search;
  char                 *status_filter;
  char                 *target_group_filter;
  gint64                cohort_filter;
  KorakParticipantSort  sort;
  guint                 mark;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KorakParticipantList, korak_participant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_N_ITEMS,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
korak_participant_list_get_item_type (GListModel *model)
{
  return KORAK_TYPE_PARTICIPANT;
}

static guint
korak_participant_list_get_n_items (GListModel *model)
{
  return KORAK_PARTICIPANT_LIST (model)->visible->len;
}

static gpointer
korak_participant_list_get_item (GListModel *model,
                                 guint       position)
{
  KorakParticipantList *self = KORAK_PARTICIPANT_LIST (model);

  if (position >= self->visible->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->visible, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = korak_participant_list_get_item_type;
  iface->get_n_items = korak_participant_list_get_n_items;
  iface->get_item = korak_participant_list_get_item;
}

static void
korak_participant_list_dispose (GObject *object)
{
  KorakParticipantList *self = (KorakParticipantList *)object;

  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (korak_participant_list_parent_class)->dispose (object);
}

static void
korak_participant_list_finalize (GObject *object)
{
  KorakParticipantList *self = (KorakParticipantList *)object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->status_filter, g_free);
  g_clear_pointer (&self->target_group_filter, g_free);

  G_OBJECT_CLASS (korak_participant_list_parent_class)->finalize (object);
}

static void
korak_participant_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  KorakParticipantList *self = KORAK_PARTICIPANT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->visible->len);
      break;

    case PROP_TOTAL:
      g_value_set_uint (value, self->all->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_participant_list_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  KorakParticipantList *self = KORAK_PARTICIPANT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SEARCH:
      korak_participant_list_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_participant_list_class_init (KorakParticipantListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = korak_participant_list_dispose;
  object_class->finalize = korak_participant_list_finalize;
  object_class->get_property = korak_participant_list_get_property;
  object_class->set_property = korak_participant_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KORAK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
korak_participant_list_init (KorakParticipantList *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->visible = g_ptr_array_new ();
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

KorakParticipantList *
korak_participant_list_new (KorakStore *store)
{
  g_return_val_if_fail (KORAK_IS_STORE (store), NULL);

  return g_object_new (KORAK_TYPE_PARTICIPANT_LIST, "store", store, NULL);
}

KorakStore *
korak_participant_list_get_store (KorakParticipantList *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (self), NULL);

  return self->store;
}

static int
status_rank (KorakParticipant *p)
{
  const KorakChoice *statuses = korak_participant_statuses ();
  const char *status = korak_participant_get_field (p, KORAK_FIELD_STATUS);

  for (int i = 0; statuses[i].code != NULL; i++)
    if (g_str_equal (statuses[i].code, status))
      return i;
  return G_MAXINT;
}

static int
compare_participants (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  KorakParticipant *pa = *(KorakParticipant **)a;
  KorakParticipant *pb = *(KorakParticipant **)b;
  KorakParticipantSort sort = GPOINTER_TO_INT (user_data);
  int cmp = 0;

  switch (sort)
    {
    case KORAK_PARTICIPANT_SORT_GIVEN_NAME:
      cmp = strcmp (korak_participant_get_given_collate_key (pa),
                    korak_participant_get_given_collate_key (pb));
      break;

    case KORAK_PARTICIPANT_SORT_STATUS:
      cmp = status_rank (pa) - status_rank (pb);
      break;

    case KORAK_PARTICIPANT_SORT_RECENTLY_CHANGED:
      cmp = -g_strcmp0 (korak_participant_get_record (pa)->updated_at,
                        korak_participant_get_record (pb)->updated_at);
      break;

    case KORAK_PARTICIPANT_SORT_FAMILY_NAME:
    default:
      break;
    }

  if (cmp == 0)
    cmp = strcmp (korak_participant_get_collate_key (pa), korak_participant_get_collate_key (pb));
  if (cmp == 0)
    cmp = korak_participant_get_id (pa) < korak_participant_get_id (pb) ? -1 : 1;

  return cmp;
}

static void
sort_all (KorakParticipantList *self)
{
  g_ptr_array_sort_with_data (self->all, compare_participants, GINT_TO_POINTER (self->sort));
}

/* Marks the search hits with a fresh mark; returns FALSE when no search is active. */
static gboolean
mark_search_hits (KorakParticipantList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  if (self->search == NULL)
    return FALSE;

  ids = korak_store_search_participants (self->store, self->search, &error);
  if (ids == NULL && error == NULL)
    return FALSE;   /* only punctuation: nothing to search for */

  self->mark++;
  if (ids == NULL)
    {
      g_warning ("Search failed: %s", error->message);
      return TRUE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      KorakParticipant *p = g_hash_table_lookup (self->by_id, &g_array_index (ids, gint64, i));

      if (p != NULL)
        korak_participant_set_mark (p, self->mark);
    }

  return TRUE;
}

static gboolean
matches_filters (KorakParticipantList *self,
                 KorakParticipant     *p,
                 gboolean              searching)
{
  gboolean archived = korak_participant_get_archived (p);

  if (searching && korak_participant_get_mark (p) != self->mark)
    return FALSE;

  if (g_strcmp0 (self->status_filter, KORAK_PARTICIPANT_FILTER_ARCHIVED) == 0)
    {
      if (!archived)
        return FALSE;
    }
  else
    {
      if (archived)
        return FALSE;
      if (self->status_filter != NULL &&
          !g_str_equal (self->status_filter, korak_participant_get_field (p, KORAK_FIELD_STATUS)))
        return FALSE;
    }

  if (self->cohort_filter != 0 && korak_participant_get_cohort_id (p) != self->cohort_filter)
    return FALSE;

  if (self->target_group_filter != NULL &&
      !g_str_equal (self->target_group_filter, korak_participant_get_field (p, KORAK_FIELD_TARGET_GROUP)))
    return FALSE;

  return TRUE;
}

/* The one place that changes what the model shows, and says so. */
static void
refilter (KorakParticipantList *self)
{
  g_autoptr(GPtrArray) visible = NULL;
  gboolean searching;
  guint old_len = self->visible->len;
  gboolean same;

  searching = mark_search_hits (self);

  visible = g_ptr_array_sized_new (self->all->len);
  for (guint i = 0; i < self->all->len; i++)
    {
      KorakParticipant *p = g_ptr_array_index (self->all, i);

      if (matches_filters (self, p, searching))
        g_ptr_array_add (visible, p);
    }

  same = visible->len == old_len &&
         (old_len == 0 || memcmp (visible->pdata, self->visible->pdata, old_len * sizeof (gpointer)) == 0);

  g_ptr_array_unref (self->visible);
  self->visible = g_steal_pointer (&visible);

  if (same)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->visible->len);
  if (old_len != self->visible->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
add_participant (KorakParticipantList *self,
                 KorakParticipant     *participant)
{
  gint64 *key = g_new (gint64, 1);

  *key = korak_participant_get_id (participant);
  g_ptr_array_add (self->all, participant);
  g_hash_table_insert (self->by_id, key, participant);
}

gboolean
korak_participant_list_reload (KorakParticipantList  *self,
                               GError               **error)
{
  g_autoptr(GPtrArray) records = NULL;
  guint old_len;

  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (self), FALSE);

  records = korak_store_list_participants (self->store, error);
  if (records == NULL)
    return FALSE;

  old_len = self->visible->len;
  g_ptr_array_set_size (self->visible, 0);
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->all, 0);

  /* Take the records over rather than copying 10,000 of them. */
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    add_participant (self, korak_participant_new (g_ptr_array_index (records, i)));

  /* SQLite orders by bytes; people expect Č after C, not after Z. */
  sort_all (self);

  if (old_len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);

  return TRUE;
}

guint
korak_participant_list_get_total (KorakParticipantList *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (self), 0);

  return self->all->len;
}

void
korak_participant_list_set_search (KorakParticipantList *self,
                                   const char           *text)
{
  g_return_if_fail (KORAK_IS_PARTICIPANT_LIST (self));

  if (text != NULL && *text == '\0')
    text = NULL;

  if (g_strcmp0 (self->search, text) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (text);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
korak_participant_list_get_search (KorakParticipantList *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (self), NULL);

  return self->search;
}

static gboolean
set_string_filter (char       **field,
                   const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
korak_participant_list_set_status_filter (KorakParticipantList *self,
                                          const char           *status)
{
  g_return_if_fail (KORAK_IS_PARTICIPANT_LIST (self));

  if (set_string_filter (&self->status_filter, status))
    refilter (self);
}

void
korak_participant_list_set_target_group_filter (KorakParticipantList *self,
                                                const char           *target_group)
{
  g_return_if_fail (KORAK_IS_PARTICIPANT_LIST (self));

  if (set_string_filter (&self->target_group_filter, target_group))
    refilter (self);
}

void
korak_participant_list_set_cohort_filter (KorakParticipantList *self,
                                          gint64                cohort_id)
{
  g_return_if_fail (KORAK_IS_PARTICIPANT_LIST (self));

  if (self->cohort_filter == cohort_id)
    return;

  self->cohort_filter = cohort_id;
  refilter (self);
}

void
korak_participant_list_set_sort (KorakParticipantList *self,
                                 KorakParticipantSort  sort)
{
  g_return_if_fail (KORAK_IS_PARTICIPANT_LIST (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  sort_all (self);
  refilter (self);
}

KorakParticipant *
korak_participant_list_lookup (KorakParticipantList *self,
                               gint64                id)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (self), NULL);

  return g_hash_table_lookup (self->by_id, &id);
}

gboolean
korak_participant_list_find (KorakParticipantList *self,
                             gint64                id,
                             guint                *position)
{
  KorakParticipant *p;

  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (self), FALSE);

  if (!(p = korak_participant_list_lookup (self, id)))
    return FALSE;

  return g_ptr_array_find (self->visible, p, position);
}

/**
 * korak_participant_list_add:
 * @record: the new participant; on success holds its id
 *
 * Returns: (transfer none) (nullable): the new item, or %NULL with @error set
 */
KorakParticipant *
korak_participant_list_add (KorakParticipantList    *self,
                            KorakParticipantRecord  *record,
                            GError                 **error)
{
  KorakParticipant *participant;

  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (self), NULL);

  if (!korak_store_insert_participant (self->store, record, error))
    return NULL;

  participant = korak_participant_new (korak_participant_record_copy (record));
  add_participant (self, participant);
  sort_all (self);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);

  return participant;
}

gboolean
korak_participant_list_save (KorakParticipantList    *self,
                             KorakParticipantRecord  *record,
                             GError                 **error)
{
  KorakParticipant *participant;

  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (self), FALSE);

  if (!(participant = korak_participant_list_lookup (self, record->id)))
    {
      g_set_error_literal (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_FOUND,
                           "not in the list");
      return FALSE;
    }

  if (!korak_store_update_participant (self->store, record, error))
    return FALSE;

  korak_participant_set_record (participant, korak_participant_record_copy (record));
  sort_all (self);
  refilter (self);

  return TRUE;
}

gboolean
korak_participant_list_set_archived (KorakParticipantList  *self,
                                     gint64                 id,
                                     gboolean               archived,
                                     GError               **error)
{
  KorakParticipantRecord *record;
  KorakParticipant *participant;

  g_return_val_if_fail (KORAK_IS_PARTICIPANT_LIST (self), FALSE);

  if (!korak_store_set_participant_archived (self->store, id, archived, error))
    return FALSE;

  if (!(record = korak_store_get_participant (self->store, id, error)))
    return FALSE;

  if ((participant = korak_participant_list_lookup (self, id)))
    korak_participant_set_record (participant, record);
  else
    add_participant (self, korak_participant_new (record));

  refilter (self);

  return TRUE;
}
