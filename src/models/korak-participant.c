/* korak-participant.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-participant"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "korak-participant-private.h"

struct _KorakParticipant
{
  GObject                  parent_instance;

  KorakParticipantRecord  *record;
  char                    *display_name;
  char                    *sort_name;
  char                    *collate_key;
  char                    *given_collate_key;
  guint                    mark;
};

G_DEFINE_FINAL_TYPE (KorakParticipant, korak_participant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_SORT_NAME,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_TARGET_GROUP_LABEL,
  PROP_COHORT_NAME,
  PROP_NEEDS_MEDIATOR,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
korak_participant_finalize (GObject *object)
{
  KorakParticipant *self = (KorakParticipant *)object;

  g_clear_pointer (&self->record, korak_participant_record_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->sort_name, g_free);
  g_clear_pointer (&self->collate_key, g_free);
  g_clear_pointer (&self->given_collate_key, g_free);

  G_OBJECT_CLASS (korak_participant_parent_class)->finalize (object);
}

static void
korak_participant_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KorakParticipant *self = KORAK_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, korak_participant_get_id (self));
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, korak_participant_get_display_name (self));
      break;

    case PROP_SORT_NAME:
      g_value_set_string (value, korak_participant_get_sort_name (self));
      break;

    case PROP_STATUS:
      g_value_set_string (value, korak_participant_get_field (self, KORAK_FIELD_STATUS));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, korak_participant_get_status_label (self));
      break;

    case PROP_TARGET_GROUP_LABEL:
      g_value_set_string (value, korak_participant_get_target_group_label (self));
      break;

    case PROP_COHORT_NAME:
      g_value_set_string (value, korak_participant_get_cohort_name (self));
      break;

    case PROP_NEEDS_MEDIATOR:
      g_value_set_boolean (value, korak_participant_get_needs_mediator (self));
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, korak_participant_get_archived (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_participant_class_init (KorakParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = korak_participant_finalize;
  object_class->get_property = korak_participant_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_NAME] =
    g_param_spec_string ("sort-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_GROUP_LABEL] =
    g_param_spec_string ("target-group-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COHORT_NAME] =
    g_param_spec_string ("cohort-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_MEDIATOR] =
    g_param_spec_boolean ("needs-mediator", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
korak_participant_init (KorakParticipant *self)
{
}

static void
update_names (KorakParticipant *self)
{
  const char *given = korak_participant_record_get (self->record, KORAK_FIELD_GIVEN_NAME);
  const char *family = korak_participant_record_get (self->record, KORAK_FIELD_FAMILY_NAME);

  g_free (self->display_name);
  self->display_name = g_strdup_printf ("%s %s", given, family);
  g_free (self->sort_name);
  self->sort_name = g_strdup_printf ("%s, %s", family, given);
  g_clear_pointer (&self->collate_key, g_free);
  g_clear_pointer (&self->given_collate_key, g_free);
}

/**
 * korak_participant_new:
 * @record: (transfer full): what the store returned
 */
KorakParticipant *
korak_participant_new (KorakParticipantRecord *record)
{
  KorakParticipant *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (KORAK_TYPE_PARTICIPANT, NULL);
  self->record = record;
  update_names (self);

  return self;
}

/**
 * korak_participant_set_record:
 * @record: (transfer full): the stored state after an edit
 */
void
korak_participant_set_record (KorakParticipant       *self,
                              KorakParticipantRecord *record)
{
  g_return_if_fail (KORAK_IS_PARTICIPANT (self));
  g_return_if_fail (record != NULL);

  g_clear_pointer (&self->record, korak_participant_record_free);
  self->record = record;
  update_names (self);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_DISPLAY_NAME; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
korak_participant_get_id (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), 0);

  return self->record->id;
}

const KorakParticipantRecord *
korak_participant_get_record (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), NULL);

  return self->record;
}

const char *
korak_participant_get_field (KorakParticipant      *self,
                             KorakParticipantField  field)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), "");

  return korak_participant_record_get (self->record, field);
}

const char *
korak_participant_get_display_name (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), NULL);

  return self->display_name;
}

const char *
korak_participant_get_sort_name (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), NULL);

  return self->sort_name;
}

const char *
korak_participant_get_status_label (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), NULL);

  if (self->record->archived_at != NULL)
    return _("Archived");

  return korak_choice_label (korak_participant_statuses (),
                             korak_participant_record_get (self->record, KORAK_FIELD_STATUS));
}

const char *
korak_participant_get_target_group_label (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), NULL);

  return korak_choice_label (korak_participant_target_groups (),
                             self->record->values[KORAK_FIELD_TARGET_GROUP]);
}

const char *
korak_participant_get_cohort_name (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), NULL);

  return self->record->cohort_name ? self->record->cohort_name : "";
}

gint64
korak_participant_get_cohort_id (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), 0);

  return self->record->cohort_id;
}

gboolean
korak_participant_get_needs_mediator (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), FALSE);

  return g_strcmp0 (self->record->values[KORAK_FIELD_NEEDS_MEDIATOR], "1") == 0;
}

gboolean
korak_participant_get_archived (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), FALSE);

  return self->record->archived_at != NULL;
}

/* Diacritics are set aside when sorting, so Čebašek sits with the C names
 * whatever the locale; Arabic and other scripts keep their own order. */
static char *
make_collate_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) base = g_string_sized_new (strlen (text));

  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (base, c);
    }

  /* Code-point order of the folded text: the same on every desk and in
   * every locale, and far cheaper than strxfrm() for 10,000 names. */
  return g_string_free (g_steal_pointer (&base), FALSE);
}

/* Collation keys are made on first use: sorting needs them, showing does not. */
const char *
korak_participant_get_collate_key (KorakParticipant *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT (self), NULL);

  if (self->collate_key == NULL)
    self->collate_key = make_collate_key (self->sort_name);

  return self->collate_key;
}

const char *
korak_participant_get_given_collate_key (KorakParticipant *self)
{
  if (self->given_collate_key == NULL)
    self->given_collate_key = make_collate_key (self->display_name);

  return self->given_collate_key;
}

guint
korak_participant_get_mark (KorakParticipant *self)
{
  return self->mark;
}

void
korak_participant_set_mark (KorakParticipant *self,
                            guint             mark)
{
  self->mark = mark;
}
