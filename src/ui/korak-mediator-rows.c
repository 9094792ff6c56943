/* korak-mediator-rows.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-mediator-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-mediator-rows.h"
#include "korak-note-util.h"
#include "korak-notes.h"
#include "korak-schedule.h"

#define IDS_KEY     "korak-mediator-ids"
/* The key korak-note-util.c keeps a language combo's tags under, so its
 * get and select serve this combo too. */
#define TAGS_KEY    "korak-language-tags"
#define BINDING_KEY "korak-mediator-binding"

/* ------------------------------------------------------------ mediator */

gboolean
korak_mediator_combo_fill (AdwComboRow  *row,
                           KorakStore   *store,
                           gint64        selected_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gint64 none = 0;
  guint position = 0;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), FALSE);
  g_return_val_if_fail (KORAK_IS_STORE (store), FALSE);

  if (!(staff = korak_store_list_staff (store, NULL, TRUE, error)))
    {
      g_array_unref (ids);
      return FALSE;
    }

  gtk_string_list_append (labels, C_("mediator", "Not recorded"));
  g_array_append_val (ids, none);

  /* Mediators first: they are whom the person looks for. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < staff->len; i++)
      {
        const KorakStaffRecord *s = g_ptr_array_index (staff, i);
        g_autofree char *name = NULL;

        if ((g_strcmp0 (s->role, "mediator") == 0) != (pass == 0))
          continue;
        if (s->archived_at != NULL && s->id != selected_id)
          continue;
        if (s->id == selected_id)
          position = ids->len;
        name = korak_staff_record_display_name (s);
        gtk_string_list_append (labels, name);
        g_array_append_val (ids, s->id);
      }

  g_object_set_data_full (G_OBJECT (row), IDS_KEY, ids, (GDestroyNotify)g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, position);
  return TRUE;
}

gint64
korak_mediator_combo_get (AdwComboRow *row)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), IDS_KEY);
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

gboolean
korak_mediator_combo_select (AdwComboRow *row,
                             gint64       id)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), IDS_KEY);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------ language */

void
korak_conversation_combo_fill (AdwComboRow        *row,
                               const char * const *tags,
                               const char         *selected)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);
  guint position = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  gtk_string_list_append (labels, C_("language", "Not recorded"));
  g_ptr_array_add (kept, NULL);

  /* A language no longer offered stays what it was. */
  if (selected != NULL && (tags == NULL || !g_strv_contains (tags, selected)))
    {
      gtk_string_list_append (labels, korak_language_name (selected));
      g_ptr_array_add (kept, g_strdup (selected));
      position = 1;
    }

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (g_strcmp0 (tags[i], selected) == 0)
        position = kept->len;
      gtk_string_list_append (labels, korak_language_name (tags[i]));
      g_ptr_array_add (kept, g_strdup (tags[i]));
    }

  g_object_set_data_full (G_OBJECT (row), TAGS_KEY, kept, (GDestroyNotify)g_ptr_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, position);
}

const char *
korak_conversation_combo_get (AdwComboRow *row)
{
  return korak_language_combo_get (row);
}

gboolean
korak_conversation_combo_select (AdwComboRow *row,
                                 const char  *tag)
{
  return korak_language_combo_select (row, tag);
}

/* ------------------------------------------------------------- binding */

typedef struct
{
  GtkSwitch   *present;        /* unowned: the binding lives on it */
  AdwComboRow *mediator_row;   /* unowned: in the same form */
  gint64       default_id;
  gboolean     busy;
} Binding;

/* The switch went first: the combo must not call into freed memory. */
static void
binding_free (Binding *binding)
{
  if (binding->mediator_row != NULL)
    {
      g_signal_handlers_disconnect_by_data (binding->mediator_row, binding);
      g_object_remove_weak_pointer (G_OBJECT (binding->mediator_row), (gpointer *)&binding->mediator_row);
    }
  g_free (binding);
}

static void
on_present_notify_cb (GtkSwitch *present,
                      GParamSpec *pspec,
                      Binding    *binding)
{
  if (binding->busy)
    return;

  binding->busy = TRUE;
  if (gtk_switch_get_active (present))
    {
      /* The cohort's mediator, most likely; the person changes it if not. */
      if (korak_mediator_combo_get (binding->mediator_row) == 0 && binding->default_id != 0)
        korak_mediator_combo_select (binding->mediator_row, binding->default_id);
    }
  else
    adw_combo_row_set_selected (binding->mediator_row, 0);
  binding->busy = FALSE;
}

static void
on_mediator_notify_cb (AdwComboRow *row,
                       GParamSpec  *pspec,
                       Binding     *binding)
{
  if (binding->busy || korak_mediator_combo_get (row) == 0)
    return;

  binding->busy = TRUE;
  gtk_switch_set_active (binding->present, TRUE);
  binding->busy = FALSE;
}

void
korak_mediator_rows_bind (GtkSwitch   *present,
                          AdwComboRow *mediator_row,
                          gint64       default_id)
{
  Binding *binding;

  g_return_if_fail (GTK_IS_SWITCH (present));
  g_return_if_fail (ADW_IS_COMBO_ROW (mediator_row));
  g_return_if_fail (g_object_get_data (G_OBJECT (present), BINDING_KEY) == NULL);

  binding = g_new0 (Binding, 1);
  binding->present = present;
  binding->mediator_row = mediator_row;
  binding->default_id = default_id;
  g_object_add_weak_pointer (G_OBJECT (mediator_row), (gpointer *)&binding->mediator_row);
  g_object_set_data_full (G_OBJECT (present), BINDING_KEY, binding, (GDestroyNotify)binding_free);

  g_signal_connect (present, "notify::active", G_CALLBACK (on_present_notify_cb), binding);
  g_signal_connect (mediator_row, "notify::selected", G_CALLBACK (on_mediator_notify_cb), binding);
}

void
korak_mediator_rows_set_default (GtkSwitch *present,
                                 gint64     default_id)
{
  Binding *binding = g_object_get_data (G_OBJECT (present), BINDING_KEY);

  g_return_if_fail (binding != NULL);
  binding->default_id = default_id;
}

void
korak_mediator_rows_set (GtkSwitch *present,
                         gboolean   is_present,
                         gint64     mediator_id)
{
  Binding *binding = g_object_get_data (G_OBJECT (present), BINDING_KEY);

  g_return_if_fail (binding != NULL);

  binding->busy = TRUE;
  if (!korak_mediator_combo_select (binding->mediator_row, mediator_id))
    adw_combo_row_set_selected (binding->mediator_row, 0);
  gtk_switch_set_active (present, is_present || mediator_id != 0);
  binding->busy = FALSE;
}
