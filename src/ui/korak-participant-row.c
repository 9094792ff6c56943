/* korak-participant-row.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-participant-row"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-participant-row.h"
#include "korak-ui-util.h"

struct _KorakParticipantRow
{
  AdwBin            parent_instance;

  KorakParticipant *participant;
  gulong            notify_id;

  AdwAvatar        *avatar;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkWidget        *mediator_icon;
  GtkLabel         *status_label;
};

G_DEFINE_FINAL_TYPE (KorakParticipantRow, korak_participant_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PARTICIPANT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (KorakParticipantRow *self)
{
  KorakParticipant *p = self->participant;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *accessible = NULL;
  const char *status;

  if (p == NULL)
    return;

  status = korak_participant_get_field (p, KORAK_FIELD_STATUS);

  gtk_label_set_text (self->title_label, korak_participant_get_display_name (p));
  adw_avatar_set_text (self->avatar, korak_participant_get_display_name (p));

  if (*korak_participant_get_cohort_name (p))
    g_string_append (subtitle, korak_participant_get_cohort_name (p));
  else
    g_string_append (subtitle, _("Not enrolled"));
  if (*korak_participant_get_target_group_label (p))
    g_string_append_printf (subtitle, " · %s", korak_participant_get_target_group_label (p));
  gtk_label_set_text (self->subtitle_label, subtitle->str);

  gtk_label_set_text (self->status_label, korak_participant_get_status_label (p));
  for (const KorakChoice *c = korak_participant_statuses (); c->code; c++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), c->code);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "archived");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            korak_participant_get_archived (p) ? "archived" : status);

  gtk_widget_set_visible (self->mediator_icon, korak_participant_get_needs_mediator (p));

  /* One sentence for screen readers instead of four separate labels. */
  accessible = g_strdup_printf ("%s, %s, %s%s", korak_participant_get_display_name (p),
                                korak_participant_get_status_label (p), subtitle->str,
                                korak_participant_get_needs_mediator (p) ? _(", needs a mediator") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_participant_notify_cb (KorakParticipantRow *self)
{
  update (self);
}

void
korak_participant_row_set_participant (KorakParticipantRow *self,
                                       KorakParticipant    *participant)
{
  g_return_if_fail (KORAK_IS_PARTICIPANT_ROW (self));

  if (self->participant == participant)
    return;

  if (self->participant != NULL)
    g_clear_signal_handler (&self->notify_id, self->participant);
  g_set_object (&self->participant, participant);
  if (participant != NULL)
    self->notify_id = g_signal_connect_swapped (participant, "notify::display-name",
                                                G_CALLBACK (on_participant_notify_cb), self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT]);
}

static void
korak_participant_row_dispose (GObject *object)
{
  KorakParticipantRow *self = (KorakParticipantRow *)object;

  korak_participant_row_set_participant (self, NULL);

  G_OBJECT_CLASS (korak_participant_row_parent_class)->dispose (object);
}

static void
korak_participant_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KorakParticipantRow *self = KORAK_PARTICIPANT_ROW (object);

  switch (prop_id)
    {
    case PROP_PARTICIPANT:
      g_value_set_object (value, self->participant);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_participant_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KorakParticipantRow *self = KORAK_PARTICIPANT_ROW (object);

  switch (prop_id)
    {
    case PROP_PARTICIPANT:
      korak_participant_row_set_participant (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_participant_row_class_init (KorakParticipantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_participant_row_dispose;
  object_class->get_property = korak_participant_row_get_property;
  object_class->set_property = korak_participant_row_set_property;

  properties[PROP_PARTICIPANT] =
    g_param_spec_object ("participant", NULL, NULL, KORAK_TYPE_PARTICIPANT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-participant-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantRow, mediator_icon);
  gtk_widget_class_bind_template_child (widget_class, KorakParticipantRow, status_label);
}

static void
korak_participant_row_init (KorakParticipantRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
korak_participant_row_new (void)
{
  return g_object_new (KORAK_TYPE_PARTICIPANT_ROW, NULL);
}

KorakParticipant *
korak_participant_row_get_participant (KorakParticipantRow *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_ROW (self), NULL);

  return self->participant;
}

const char *
korak_participant_row_get_title (KorakParticipantRow *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

const char *
korak_participant_row_get_subtitle (KorakParticipantRow *self)
{
  g_return_val_if_fail (KORAK_IS_PARTICIPANT_ROW (self), NULL);

  return gtk_label_get_text (self->subtitle_label);
}
