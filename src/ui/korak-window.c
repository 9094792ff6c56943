/* korak-window.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "korak-attendance-page.h"
#include "korak-backup-ui.h"
#include "korak-cohort.h"
#include "korak-cohorts-page.h"
#include "korak-conflicts-page.h"
#include "korak-exchange-ui.h"
#include "korak-follow-up-dialog.h"
#include "korak-today-page.h"
#include "korak-preferences-window.h"
#include "korak-recovery-page.h"
#include "korak-review-page.h"
#include "korak-review-queue.h"
#include "korak-schedule.h"
#include "korak-schedule-page.h"
#include "korak-window.h"
#include "korak-print.h"
#include "korak-ui-util.h"

#define SCHEMA_ID "io.github.korak.Korak"

struct _KorakWindow
{
  AdwApplicationWindow   parent_instance;

  GSettings             *settings;
  KorakStore            *store;
  char                  *database_path;
  char                  *error_message;
  gulong                 after_paint_id;
  /* The quick check of the open database; cancelled when it closes. */
  GCancellable          *cancellable;
  GtkWidget             *preferences;    /* weak */
  GApplication          *hold_app;       /* held while restoring */
  char                  *restore_description;
  char                  *safety_copy;    /* of the last restore */
  GtkWidget             *exchange_result; /* weak: the last receive's result dialog */
  guint                  load_pending : 1;
  guint                  restoring : 1;
  /* Which views have been given the open store: each gets it when first
   * shown, so start-up only pays for the participant list. */
  guint                  schedule_ready : 1;
  guint                  cohorts_ready : 1;
  guint                  attendance_ready : 1;
  guint                  today_ready : 1;
  guint                  review_ready : 1;
  guint                  conflicts_ready : 1;
  guint                  receiving : 1;   /* a bundle is being applied */
  /* The translations waiting for the mediator: the Review view lists them,
   * the sidebar shows how many. */
  KorakReviewQueue      *review_queue;

  AdwLeaflet            *leaflet;
  AdwWindowTitle        *sidebar_title;
  GtkListBox            *sidebar_list;
  GtkWidget             *participants_row;
  GtkWidget             *today_row;
  GtkLabel              *review_badge;
  GtkWidget             *conflicts_row;
  GtkLabel              *conflicts_badge;
  AdwStatusPage         *busy_page;
  gint64                 n_conflicts;
  AdwToastOverlay       *toast_overlay;
  GtkStack              *main_stack;
  AdwStatusPage         *error_page;
  KorakRecoveryPage     *recovery_page;
  GtkSpinner            *busy_spinner;
  AdwBin                *participants_bin;
  KorakParticipantsPage *participants_page;
  GtkStack              *view_stack;
  KorakSchedulePage     *schedule_page;
  KorakCohortsPage      *cohorts_page;
  KorakAttendancePage   *attendance_page;
  KorakTodayPage        *today_page;
  KorakReviewPage       *review_page;
  KorakConflictsPage    *conflicts_page;
  /* The views other than Participants are made when first shown, so the
   * window's first frame does not wait for them. */
  AdwBin                *schedule_bin;
  AdwBin                *cohorts_bin;
  AdwBin                *attendance_bin;
  AdwBin                *today_bin;
  AdwBin                *review_bin;
  AdwBin                *conflicts_bin;
};

G_DEFINE_FINAL_TYPE (KorakWindow, korak_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  LOADED,
  RESTORED,
  RECEIVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
window_toast (KorakWindow *self,
              const char  *title,
              guint        timeout)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
backup_folder (KorakWindow *self)
{
  return korak_backup_folder_for (self->settings, self->database_path);
}

/* A file SQLite cannot read, or one that fails its check: a backup is the
 * way out. Anything else (locked, read-only, too new) is not damage. */
static gboolean
is_damage (const GError *error)
{
  return g_error_matches (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_CORRUPT) ||
         g_error_matches (error, KORAK_STORE_ERROR, KORAK_STORE_ERROR_NOT_DATABASE);
}

static void
show_failure (KorakWindow  *self,
              const GError *error)
{
  g_free (self->error_message);
  self->error_message = g_strdup (error->message);

  if (is_damage (error) && self->database_path != NULL)
    {
      g_autofree char *folder = backup_folder (self);

      korak_recovery_page_show (self->recovery_page, self->database_path, folder, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "recovery");
      return;
    }

  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void prepare_view (KorakWindow *self, const char *name);
static void save_all (KorakWindow *self);
static void send_changes_action (GtkWidget *widget, const char *action_name, GVariant *param);
static void receive_changes_action (GtkWidget *widget, const char *action_name, GVariant *param);
static void on_bundle_chosen_cb (KorakWindow *self, int response, GtkFileChooserNative *chooser);
static void korak_window_show_view_conflicts (KorakWindow *self);
static void close_store (KorakWindow *self);
static void apply_actor (KorakWindow *self);

static void
update_review_badge (KorakWindow *self)
{
  guint count = self->review_queue ? korak_review_queue_get_count (self->review_queue) : 0;
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autofree char *description = NULL;

  gtk_label_set_text (self->review_badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->review_badge), count > 0);
  /* Translators: the badge beside Review in the sidebar, for screen readers. */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u translation needs review",
                                              "%u translations need review", count), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

/* Conflicts shows in the sidebar while some wait for a decision (or while
 * it is the view shown), with how many. */
static void
update_conflicts_badge (KorakWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  gint64 count = 0;
  gboolean shown;

  if (self->store != NULL && (count = korak_exchange_count_conflicts (self->store, &error)) < 0)
    {
      g_debug ("Conflicts not counted: %s", error->message);
      count = 0;
    }
  self->n_conflicts = count;

  text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  gtk_label_set_text (self->conflicts_badge, text);
  shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "conflicts") == 0;
  gtk_widget_set_visible (self->conflicts_row, count > 0 || (shown && self->store != NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_badge), count > 0);
  /* Translators: the badge beside Conflicts in the sidebar, for screen readers. */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict to decide",
                                              "%u conflicts to decide", (gulong)count), (guint)count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->conflicts_badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

/* The count in the sidebar comes with the participants; the list itself
 * is read again when Review is shown. */
static void
load_review_queue (KorakWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->review_queue == NULL)
    {
      self->review_queue = korak_review_queue_new (self->store);
      g_signal_connect_object (self->review_queue, "notify::count", G_CALLBACK (update_review_badge),
                               self, G_CONNECT_SWAPPED);
    }
  if (!korak_review_queue_reload (self->review_queue, &error))
    window_toast (self, error->message, 5);
  update_review_badge (self);
}

static void
load_participants (KorakWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakParticipantList) participants = NULL;
  g_autoptr(GListModel) cohorts = NULL;

  self->load_pending = FALSE;
  if (self->store == NULL)
    return;

  participants = korak_participant_list_new (self->store);
  if (!korak_participant_list_reload (participants, &error) ||
      !(cohorts = korak_cohort_list_load (self->store, &error)))
    {
      g_clear_object (&participants);
      close_store (self);
      show_failure (self, error);
      return;
    }

  korak_participants_page_set_model (self->participants_page, participants, cohorts);
  load_review_queue (self);
  update_conflicts_badge (self);
  g_signal_emit (self, signals[LOADED], 0);

  /* The view shown at start (Today) gets the store now too. */
  prepare_view (self, gtk_stack_get_visible_child_name (self->view_stack));
}

static gboolean
load_idle_cb (gpointer user_data)
{
  KorakWindow *self = KORAK_WINDOW (user_data);

  if (self->load_pending)
    load_participants (self);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   KorakWindow   *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_idle_cb, g_object_ref (self), g_object_unref);
}

/* The list loads once the window has shown itself, so a large database
 * never keeps the mentor looking at nothing. */
static void
schedule_load (KorakWindow *self)
{
  GdkSurface *surface;

  self->load_pending = TRUE;
  if (self->after_paint_id != 0 || !gtk_widget_get_realized (GTK_WIDGET (self)))
    return;

  surface = gtk_native_get_surface (GTK_NATIVE (self));
  self->after_paint_id = g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                                           G_CALLBACK (on_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
korak_window_realize (GtkWidget *widget)
{
  KorakWindow *self = KORAK_WINDOW (widget);

  GTK_WIDGET_CLASS (korak_window_parent_class)->realize (widget);

  if (self->load_pending)
    schedule_load (self);
}

static void
korak_window_unrealize (GtkWidget *widget)
{
  KorakWindow *self = KORAK_WINDOW (widget);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  if (surface != NULL)
    g_clear_signal_handler (&self->after_paint_id, gdk_surface_get_frame_clock (surface));

  GTK_WIDGET_CLASS (korak_window_parent_class)->unrealize (widget);
}

/**
 * korak_window_open_database:
 *
 * Opens @database_path in this window. When the file cannot be used the
 * window says why and what to do, and nothing is written to the file.
 * The participants follow after the next frame; #KorakWindow::loaded
 * says when they are shown.
 */
gboolean
korak_window_open_database (KorakWindow *self,
                            const char  *database_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakStore) store = NULL;
  g_autofree char *path = database_path ? g_strdup (database_path) : korak_store_default_path ();
  g_autofree char *basename = g_filename_display_basename (path);

  g_return_val_if_fail (KORAK_IS_WINDOW (self), FALSE);

  if (self->restoring || self->receiving)
    return FALSE;

  /* Every view starts afresh on the new database, so nothing keeps the
   * old one open. */
  if (self->store != NULL)
    close_store (self);

  g_free (self->database_path);
  self->database_path = g_strdup (path);

  if (!(store = korak_store_open (path, &error)))
    {
      g_clear_object (&self->store);
      show_failure (self, error);
      return FALSE;
    }

  g_set_object (&self->store, store);
  apply_actor (self);
  self->schedule_ready = self->cohorts_ready = self->attendance_ready = self->today_ready = FALSE;
  self->review_ready = self->conflicts_ready = FALSE;
  korak_participants_page_set_loading (self->participants_page);
  adw_window_title_set_subtitle (self->sidebar_title, basename);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  g_clear_pointer (&self->error_message, g_free);
  schedule_load (self);

  return TRUE;
}

gboolean
korak_window_get_loaded (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), FALSE);

  return self->store != NULL && !self->load_pending;
}

static int
threshold_percent (KorakWindow *self)
{
  return self->settings != NULL ? g_settings_get_int (self->settings, "attendance-threshold") : 75;
}

static GtkWidget *
install_view (KorakWindow *self,
              AdwBin      *bin,
              GType        type)
{
  GtkWidget *page = g_object_new (type, NULL);

  g_object_bind_property (self->leaflet, "folded", page, "show-sidebar-button", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (bin, page);
  return page;
}

static void on_cohorts_changed_cb (KorakWindow *self);
static void on_warning_activated_cb (KorakWindow *self, gint64 participant_id);
static void on_today_open_cb (KorakWindow *self, const char *kind, gint64 id);
static void update_conflicts_badge (KorakWindow *self);

static void
ensure_views (KorakWindow *self,
              const char  *name)
{
  if (g_str_equal (name, "schedule") && self->schedule_page == NULL)
    self->schedule_page = KORAK_SCHEDULE_PAGE (install_view (self, self->schedule_bin, KORAK_TYPE_SCHEDULE_PAGE));
  else if (g_str_equal (name, "cohorts") && self->cohorts_page == NULL)
    {
      self->cohorts_page = KORAK_COHORTS_PAGE (install_view (self, self->cohorts_bin, KORAK_TYPE_COHORTS_PAGE));
      g_signal_connect_swapped (self->cohorts_page, "changed", G_CALLBACK (on_cohorts_changed_cb), self);
    }
  else if (g_str_equal (name, "attendance") && self->attendance_page == NULL)
    {
      self->attendance_page = KORAK_ATTENDANCE_PAGE (install_view (self, self->attendance_bin, KORAK_TYPE_ATTENDANCE_PAGE));
      g_signal_connect_swapped (self->attendance_page, "participant-activated", G_CALLBACK (on_warning_activated_cb), self);
    }
  else if (g_str_equal (name, "today") && self->today_page == NULL)
    {
      self->today_page = KORAK_TODAY_PAGE (install_view (self, self->today_bin, KORAK_TYPE_TODAY_PAGE));
      g_signal_connect_swapped (self->today_page, "open", G_CALLBACK (on_today_open_cb), self);
    }
  else if (g_str_equal (name, "review") && self->review_page == NULL)
    self->review_page = KORAK_REVIEW_PAGE (install_view (self, self->review_bin, KORAK_TYPE_REVIEW_PAGE));
  else if (g_str_equal (name, "conflicts") && self->conflicts_page == NULL)
    {
      self->conflicts_page = KORAK_CONFLICTS_PAGE (install_view (self, self->conflicts_bin, KORAK_TYPE_CONFLICTS_PAGE));
      g_signal_connect_swapped (self->conflicts_page, "changed", G_CALLBACK (update_conflicts_badge), self);
    }
}

/* Drops every view that holds the store; the participant list is made
 * anew, the other views when next shown. */
static void
reset_views (KorakWindow *self)
{
  AdwBin *bins[] = { self->schedule_bin, self->cohorts_bin, self->attendance_bin, self->today_bin,
                     self->review_bin, self->conflicts_bin };

  for (guint i = 0; i < G_N_ELEMENTS (bins); i++)
    adw_bin_set_child (bins[i], NULL);
  self->schedule_page = NULL;
  self->cohorts_page = NULL;
  self->attendance_page = NULL;
  self->today_page = NULL;
  self->review_page = NULL;
  self->conflicts_page = NULL;
  self->schedule_ready = self->cohorts_ready = self->attendance_ready = self->today_ready = FALSE;
  self->review_ready = self->conflicts_ready = FALSE;

  self->participants_page = KORAK_PARTICIPANTS_PAGE (install_view (self, self->participants_bin,
                                                                   KORAK_TYPE_PARTICIPANTS_PAGE));
}

/* Closes the database: the check of it stops, the preferences that show it
 * close, and every view lets go of it. */
static void
close_store (KorakWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->preferences != NULL)
    gtk_window_destroy (GTK_WINDOW (self->preferences));

  self->load_pending = FALSE;
  reset_views (self);
  if (self->review_queue != NULL)
    g_signal_handlers_disconnect_by_data (self->review_queue, self);
  g_clear_object (&self->review_queue);
  update_review_badge (self);
  g_clear_object (&self->store);
  update_conflicts_badge (self);
}

/* The audit log records changes under the staff member chosen in the
 * preferences, or the computer account's name. */
static void
apply_actor (KorakWindow *self)
{
  g_autofree char *name = NULL;
  gint64 id;

  if (self->store == NULL)
    return;

  id = self->settings != NULL ? g_settings_get_int64 (self->settings, "current-staff") : 0;
  if (id != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) staff = korak_store_list_staff (self->store, NULL, TRUE, &error);

      for (guint i = 0; staff != NULL && i < staff->len && name == NULL; i++)
        {
          const KorakStaffRecord *record = g_ptr_array_index (staff, i);

          if (record->id == id)
            name = korak_staff_record_display_name (record);
        }
      if (error != NULL)
        g_debug ("Staff not read: %s", error->message);
      /* Removed from this database, or chosen in another one. */
      if (name == NULL)
        id = 0;
    }

  korak_store_set_actor (self->store, id, name);
}

/* Gives the view the open store the first time it is shown. */
static void
prepare_view (KorakWindow *self,
              const char  *name)
{
  ensure_views (self, name);
  if (self->store == NULL)
    return;

  if (g_str_equal (name, "schedule") && !self->schedule_ready)
    {
      self->schedule_ready = TRUE;
      korak_schedule_page_set_store (self->schedule_page, self->store);
    }
  else if (g_str_equal (name, "schedule"))
    korak_schedule_page_reload (self->schedule_page);
  else if (g_str_equal (name, "today") && !self->today_ready)
    {
      self->today_ready = TRUE;
      korak_today_page_set_threshold (self->today_page, threshold_percent (self));
      korak_today_page_set_store (self->today_page, self->store);
    }
  else if (g_str_equal (name, "today"))
    korak_today_page_reload (self->today_page);
  else if (g_str_equal (name, "cohorts") && !self->cohorts_ready)
    {
      self->cohorts_ready = TRUE;
      korak_cohorts_page_set_store (self->cohorts_page, self->store);
    }
  else if (g_str_equal (name, "cohorts"))
    korak_cohorts_page_reload (self->cohorts_page);
  else if (g_str_equal (name, "attendance"))
    {
      /* Attendance changes whenever a register is saved: read it afresh. */
      if (!self->attendance_ready)
        {
          self->attendance_ready = TRUE;
          korak_attendance_page_set_threshold (self->attendance_page, threshold_percent (self));
          korak_attendance_page_set_store (self->attendance_page, self->store);
        }
      else
        korak_attendance_page_reload (self->attendance_page);
    }
  else if (g_str_equal (name, "review") && self->review_queue != NULL)
    {
      /* Translations are submitted from the profiles: read afresh. */
      if (!self->review_ready)
        {
          self->review_ready = TRUE;
          korak_review_page_set_queue (self->review_page, self->review_queue);
        }
      else
        korak_review_page_reload (self->review_page);
    }
  else if (g_str_equal (name, "conflicts"))
    {
      /* Conflicts come with received changes and go with decisions. */
      if (!self->conflicts_ready)
        {
          self->conflicts_ready = TRUE;
          korak_conflicts_page_set_store (self->conflicts_page, self->store);
        }
      else
        korak_conflicts_page_reload (self->conflicts_page);
    }
}

static gboolean
save_view (KorakWindow *self,
           const char  *leaving,
           const char  *going)
{
  if (self->store == NULL || g_strcmp0 (leaving, going) == 0)
    return TRUE;

  if (g_strcmp0 (leaving, "participants") == 0)
    return korak_profile_page_save (korak_participants_page_get_profile (self->participants_page));
  if (g_strcmp0 (leaving, "cohorts") == 0 && self->cohorts_ready)
    return korak_cohorts_page_save (self->cohorts_page);
  if (g_strcmp0 (leaving, "review") == 0 && self->review_ready)
    return korak_review_page_save (self->review_page);
  if (g_strcmp0 (leaving, "schedule") == 0 && self->schedule_ready)
    {
      KorakSessionPage *session = korak_schedule_page_get_session_page (self->schedule_page);

      return !korak_session_page_has_changes (session) || korak_session_page_save (session);
    }

  return TRUE;
}

/**
 * korak_window_show_view:
 * @name: "today", "participants", "schedule", "cohorts", "attendance",
 *   "review" or "conflicts"
 */
void
korak_window_show_view (KorakWindow *self,
                        const char  *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (KORAK_IS_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  /* Leaving a view stores what was typed there; a value that cannot be
   * stored keeps the person where the reason is shown. */
  if (!save_view (self, gtk_stack_get_visible_child_name (self->view_stack), name))
    return;

  prepare_view (self, name);
  gtk_stack_set_visible_child_name (self->view_stack, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  update_conflicts_badge (self);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
      gtk_list_box_select_row (self->sidebar_list, row);
}

static void
on_sidebar_row_activated_cb (KorakWindow   *self,
                             GtkListBoxRow *row)
{
  korak_window_show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
korak_window_show_view_conflicts (KorakWindow *self)
{
  korak_window_show_view (self, "conflicts");
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  korak_window_show_view (KORAK_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Cohorts, enrolments or timetables changed: the views that show them follow. */
static void
on_cohorts_changed_cb (KorakWindow *self)
{
  KorakParticipantList *participants = korak_participants_page_get_model (self->participants_page);
  g_autoptr(GError) error = NULL;

  /* Enrolments show in the participant list's cohort column. */
  if (participants != NULL && !korak_participant_list_reload (participants, &error))
    window_toast (self, error->message, 5);

  if (self->schedule_ready)
    korak_schedule_page_reload (self->schedule_page);
  if (self->attendance_ready)
    korak_attendance_page_reload (self->attendance_page);
}

static void
on_warning_activated_cb (KorakWindow *self,
                         gint64       participant_id)
{
  korak_window_show_view (self, "participants");
  korak_participants_page_select (self->participants_page, participant_id);
}

static void
on_follow_up_done_cb (KorakWindow *self)
{
  if (self->today_ready)
    korak_today_page_reload (self->today_page);
}

/* A row of Today opens the page it is about. */
static void
on_today_open_cb (KorakWindow *self,
                  const char  *kind,
                  gint64       id)
{
  KorakProfilePage *profile = korak_participants_page_get_profile (self->participants_page);

  if (g_strcmp0 (kind, "session") == 0)
    {
      korak_window_show_view (self, "schedule");
      korak_schedule_page_show_session (self->schedule_page, id);
    }
  else if (g_strcmp0 (kind, "follow-up") == 0)
    {
      g_autoptr(GError) error = NULL;
      KorakFollowUpDialog *dialog = korak_follow_up_dialog_new (GTK_WINDOW (self), self->store, id, &error);

      if (dialog == NULL)
        {
          window_toast (self, error->message, 5);
          return;
        }
      g_signal_connect_object (dialog, "done", G_CALLBACK (on_follow_up_done_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      korak_window_show_view (self, "participants");
      korak_participants_page_select (self->participants_page, id);
      if (g_strcmp0 (kind, "review") == 0)
        korak_profile_page_set_view (profile, "plan");
      else if (g_strcmp0 (kind, "small-win") == 0)
        korak_profile_page_set_view (profile, "journal");
      else
        korak_profile_page_set_view (profile, "profile");
    }
}

static void
on_threshold_changed_cb (KorakWindow *self)
{
  if (self->attendance_ready)
    korak_attendance_page_set_threshold (self->attendance_page, threshold_percent (self));
  if (self->today_ready)
    korak_today_page_set_threshold (self->today_page, threshold_percent (self));
}

typedef struct
{
  KorakWindow *window;
  char        *path;
  char        *description;
} PendingRestore;

static gboolean
restore_idle_cb (gpointer user_data)
{
  PendingRestore *pending = user_data;

  korak_window_restore_backup (pending->window, pending->path, pending->description);

  g_object_unref (pending->window);
  g_free (pending->path);
  g_free (pending->description);
  g_free (pending);
  return G_SOURCE_REMOVE;
}

/* The preferences asked for a restore from inside their dialog's answer:
 * it starts once that is over, as it closes the preferences. */
static void
on_preferences_restore_cb (KorakWindow *self,
                           const char  *path,
                           const char  *description)
{
  PendingRestore *pending = g_new0 (PendingRestore, 1);

  pending->window = g_object_ref (self);
  pending->path = g_strdup (path);
  pending->description = g_strdup (description);
  g_idle_add (restore_idle_cb, pending);
}

static void
on_recovery_restore_cb (KorakWindow *self,
                        const char  *path,
                        const char  *description)
{
  korak_window_restore_backup (self, path, description);
}

void
korak_window_show_preferences (KorakWindow *self)
{
  GtkWidget *preferences;

  g_return_if_fail (KORAK_IS_WINDOW (self));

  if (self->preferences != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->preferences));
      return;
    }

  preferences = korak_preferences_window_new (GTK_WINDOW (self), self->settings);
  if (self->store != NULL)
    korak_preferences_window_set_store (KORAK_PREFERENCES_WINDOW (preferences), self->store);
  g_signal_connect_object (preferences, "restore-backup", G_CALLBACK (on_preferences_restore_cb),
                           self, G_CONNECT_SWAPPED);
  self->preferences = preferences;
  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *)&self->preferences);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* ------------------------------------------------------------ restore */

/* Stores what was typed in every view, before the database is closed. */
static void
save_all (KorakWindow *self)
{
  KorakProfilePage *profile;

  if (self->store == NULL)
    return;

  profile = korak_participants_page_get_profile (self->participants_page);
  korak_profile_page_save (profile);
  if (self->cohorts_ready)
    korak_cohorts_page_save (self->cohorts_page);
  if (self->schedule_ready &&
      korak_session_page_has_changes (korak_schedule_page_get_session_page (self->schedule_page)))
    korak_session_page_save (korak_schedule_page_get_session_page (self->schedule_page));
  if (self->review_ready)
    korak_review_page_save (self->review_page);
}

static void
on_restore_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KorakWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *description = g_steal_pointer (&self->restore_description);
  gboolean restored;

  restored = korak_backup_restore_finish (result, &safety, &error);
  self->restoring = FALSE;
  if (self->hold_app != NULL)
    g_application_release (g_steal_pointer (&self->hold_app));

  /* Destroyed meanwhile: the restore is done all the same. */
  if (self->main_stack == NULL)
    return;

  gtk_spinner_stop (self->busy_spinner);
  g_free (self->safety_copy);
  self->safety_copy = g_steal_pointer (&safety);

  /* The database as it is now: restored, or as it was. */
  korak_window_open_database (self, self->database_path);

  if (restored)
    {
      g_autofree char *message = NULL;

      if (self->safety_copy != NULL)
        /* Translators: %s is “the backup of 30. 11. 2026 10:00”. */
        message = g_strdup_printf (_("Restored %s. The data you had before is kept as a safety copy with your backups."),
                                   description);
      else
        /* Translators: %s is “the backup of 30. 11. 2026 10:00”. */
        message = g_strdup_printf (_("Restored %s."), description);
      window_toast (self, message, 8);
    }
  else
    korak_show_error_dialog (GTK_WIDGET (self), _("The Backup Was Not Restored"), error->message);

  g_signal_emit (self, signals[RESTORED], 0, restored);
}

/**
 * korak_window_restore_backup:
 * @backup_path: a backup, or any Korak database file
 * @description: (nullable): what it is, “the backup of 30. 11. 2026 10:00”
 *
 * Replaces this window's database with @backup_path: what was typed is
 * saved, the database is closed, the current data is kept as a safety copy
 * in the backup folder, the backup is copied in on a worker thread, and the
 * database is opened again. A toast says what happened, or a dialog why
 * not; #KorakWindow::restored follows either way.
 */
void
korak_window_restore_backup (KorakWindow *self,
                             const char  *backup_path,
                             const char  *description)
{
  g_autofree char *folder = NULL;
  GtkApplication *app;

  g_return_if_fail (KORAK_IS_WINDOW (self));
  g_return_if_fail (backup_path != NULL);

  /* Already restoring, or destroyed before an idle got here. */
  if (self->restoring || self->database_path == NULL || self->main_stack == NULL)
    return;

  /* What was typed goes into the safety copy too. */
  save_all (self);

  close_store (self);
  g_clear_pointer (&self->error_message, g_free);
  self->restoring = TRUE;
  g_free (self->restore_description);
  self->restore_description = description ? g_strdup (description) : g_filename_display_basename (backup_path);
  adw_status_page_set_title (self->busy_page, _("Restoring the Backup…"));
  adw_status_page_set_description (self->busy_page,
                                   _("Your current data is copied to a safety copy first, then the backup is copied into the database. A large database takes a few seconds."));
  gtk_spinner_start (self->busy_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "busy");

  /* Quitting waits for the restore to finish. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    {
      self->hold_app = G_APPLICATION (app);
      g_application_hold (self->hold_app);
    }

  folder = backup_folder (self);
  korak_backup_restore_async (backup_path, self->database_path, folder, NULL,
                              on_restore_done_cb, g_object_ref (self));
}

/* ----------------------------------------------------------- exchange */

/**
 * korak_window_send_changes:
 *
 * Send Changes…: the dialog asking for the desk and the passphrase, then
 * where to save the bundle. Returns the dialog, presented, or NULL.
 */
AdwMessageDialog *
korak_window_send_changes (KorakWindow *self)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);

  if (self->store == NULL || self->restoring || self->receiving)
    return NULL;

  /* What was typed goes with the changes. */
  save_all (self);
  if (!(dialog = korak_exchange_send_dialog_new (GTK_WINDOW (self), self->store, &error)))
    korak_show_error_dialog (GTK_WIDGET (self), _("The Changes Were Not Saved"), error->message);
  return dialog;
}

static void
send_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  korak_window_send_changes (KORAK_WINDOW (widget));
}

static void
on_received_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KorakWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KorakExchangeReport) report = korak_exchange_receive_finish (result, &error);
  GtkWidget *dialog;

  self->receiving = FALSE;
  if (self->hold_app != NULL)
    g_application_release (g_steal_pointer (&self->hold_app));

  /* Destroyed meanwhile: the changes are applied all the same. */
  if (self->main_stack == NULL)
    return;

  gtk_spinner_stop (self->busy_spinner);
  /* Every view reads the database as it is now. */
  korak_window_open_database (self, self->database_path);

  if (report != NULL)
    {
      g_autofree char *heading = korak_exchange_report_heading (report);
      g_autofree char *body = korak_exchange_describe_report (report);

      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
      gtk_widget_set_name (dialog, "exchange-result");
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      if (report->n_conflicts > 0)
        {
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "conflicts", _("_Show Conflicts"));
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "conflicts",
                                                      ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "conflicts");
          g_signal_connect_object (dialog, "response::conflicts", G_CALLBACK (korak_window_show_view_conflicts),
                                   self, G_CONNECT_SWAPPED);
        }
      else
        adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      g_autofree char *message = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing was applied."));

      dialog = korak_show_error_dialog (GTK_WIDGET (self), korak_exchange_error_heading (error, FALSE), message);
      gtk_widget_set_name (dialog, "exchange-error");
    }

  g_set_weak_pointer (&self->exchange_result, dialog);
  g_signal_emit (self, signals[RECEIVED], 0, report != NULL);
}

/**
 * korak_window_apply_changes:
 * @path: a change bundle
 * @passphrase: the organisation's exchange passphrase
 *
 * Applies @path to this window's database: what was typed is saved, the
 * database is closed, the bundle applied on a worker thread, and the
 * database opened again, so every view shows what arrived. A dialog says
 * what happened, or why nothing was applied; #KorakWindow::received follows.
 */
void
korak_window_apply_changes (KorakWindow *self,
                            const char  *path,
                            const char  *passphrase)
{
  GtkApplication *app;

  g_return_if_fail (KORAK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->store == NULL || self->restoring || self->receiving || self->main_stack == NULL)
    return;

  save_all (self);
  close_store (self);
  self->receiving = TRUE;
  adw_status_page_set_title (self->busy_page, _("Applying the Changes…"));
  adw_status_page_set_description (self->busy_page,
                                   _("The changes from the other desk are applied all together, or not at all. "
                                     "Many changes take a few seconds."));
  gtk_spinner_start (self->busy_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "busy");

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    {
      self->hold_app = G_APPLICATION (app);
      g_application_hold (self->hold_app);
    }

  korak_exchange_receive_async (self->database_path, passphrase, path, NULL, on_received_cb, g_object_ref (self));
}

static void
on_receive_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        KorakWindow      *self)
{
  g_autofree char *passphrase = NULL;
  GtkEditable *row;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  row = korak_exchange_dialog_get_passphrase_row (dialog);
  passphrase = g_strdup (gtk_editable_get_text (row));
  gtk_editable_set_text (row, "");
  korak_window_apply_changes (self, korak_exchange_dialog_get_path (dialog), passphrase);
  memset (passphrase, 0, strlen (passphrase));
}

/**
 * korak_window_receive_changes:
 * @path: (nullable): the bundle; NULL asks for it with a file chooser
 *
 * Receive Changes…: shows who sent @path, when and how many changes, and
 * asks for the passphrase; "apply" applies it. Returns that dialog, or NULL
 * (a file chooser, or the reason @path cannot be used, is shown instead).
 */
AdwMessageDialog *
korak_window_receive_changes (KorakWindow *self,
                              const char  *path)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);

  if (self->store == NULL || self->restoring || self->receiving)
    return NULL;

  if (path == NULL)
    {
      GtkFileChooserNative *chooser;
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      chooser = gtk_file_chooser_native_new (_("Receive Changes"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      gtk_file_filter_set_name (filter, _("Korak change bundles"));
      gtk_file_filter_add_suffix (filter, KORAK_EXCHANGE_BUNDLE_SUFFIX + 1);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_bundle_chosen_cb), self);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
      return NULL;
    }

  if (!(dialog = korak_exchange_receive_dialog_new (GTK_WINDOW (self), self->store, path, &error)))
    {
      korak_show_error_dialog (GTK_WIDGET (self), korak_exchange_error_heading (error, FALSE), error->message);
      return NULL;
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_receive_response_cb), self, 0);
  return dialog;
}

static void
on_bundle_chosen_cb (KorakWindow          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        korak_window_receive_changes (self, path);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
receive_changes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  korak_window_receive_changes (KORAK_WINDOW (widget), NULL);
}

/* The dialog of the last receive: its result, or why nothing was applied. */
GtkWidget *
korak_window_get_exchange_result (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);
  return self->exchange_result;
}

KorakConflictsPage *
korak_window_get_conflicts_page (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);
  ensure_views (self, "conflicts");
  return self->conflicts_page;
}

/* The count beside Conflicts in the sidebar (0: the row is hidden). */
gint64
korak_window_get_n_conflicts (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), 0);
  return self->n_conflicts;
}

GtkWidget *
korak_window_get_conflicts_row (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);
  return self->conflicts_row;
}

/* -------------------------------------------------------- quick check */

static void
on_quick_check_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KorakWindow *self = g_task_get_source_object (task);
  const char *checked = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (korak_database_quick_check_finish (result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      is_damage (error) && self->main_stack != NULL &&
      self->store != NULL && g_strcmp0 (checked, self->database_path) == 0)
    {
      close_store (self);
      show_failure (self, error);
    }
  else
    g_debug ("The check of %s did not finish: %s", checked, error->message);

  g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * korak_window_check_database:
 *
 * Runs SQLite's quick check of the open database on a worker thread,
 * through a connection of its own (a few seconds for a large database, so
 * it is not done before the first frame). A damaged database is closed and
 * the recovery page shown. The result is TRUE when the database passed.
 */
void
korak_window_check_database (KorakWindow         *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KORAK_IS_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, korak_window_check_database);

  if (self->store == NULL || self->database_path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No database is open");
      return;
    }

  g_task_set_task_data (task, g_strdup (self->database_path), g_free);
  korak_database_quick_check_async (self->database_path, self->cancellable, on_quick_check_cb,
                                    g_steal_pointer (&task));
}

gboolean
korak_window_check_database_finish (KorakWindow   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_open_response_cb (KorakWindow          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        korak_window_open_database (self, path);
    }

  g_object_unref (chooser);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KorakWindow *self = KORAK_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->restoring)
    return;

  chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Korak databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KorakWindow *self = KORAK_WINDOW (widget);
  g_autofree char *path = g_strdup (self->database_path);

  if (!self->restoring)
    korak_window_open_database (self, path);
}

/* A note or translation was stored somewhere (a profile's Notes tab, a
 * cohort's notes): the review count and list follow. */
static void
notes_changed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KorakWindow *self = KORAK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->review_queue != NULL && !korak_review_queue_reload (self->review_queue, &error))
    window_toast (self, error->message, 5);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  adw_leaflet_set_visible_child_name (KORAK_WINDOW (widget)->leaflet, "sidebar");
}

/* Window-wide shortcuts reach the page whatever has the focus. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KorakWindow *self = KORAK_WINDOW (widget);
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);
  gboolean in_session;

  if (self->store == NULL)
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  in_session = g_strcmp0 (view, "schedule") == 0 &&
               g_strcmp0 (korak_schedule_page_get_visible (self->schedule_page), "session") == 0;

  if (g_str_equal (action_name, "win.new-participant"))
    {
      if (g_strcmp0 (view, "schedule") == 0)
        gtk_widget_activate_action (GTK_WIDGET (self->schedule_page), "schedule.new-session", NULL);
      else if (g_strcmp0 (view, "cohorts") == 0)
        gtk_widget_activate_action (GTK_WIDGET (self->cohorts_page), "cohorts.new", NULL);
      else
        {
          korak_window_show_view (self, "participants");
          gtk_widget_activate_action (GTK_WIDGET (self->participants_page), "participants.new", NULL);
        }
    }
  else if (g_str_equal (action_name, "win.search"))
    {
      korak_window_show_view (self, "participants");
      gtk_widget_activate_action (GTK_WIDGET (self->participants_page), "participants.search", NULL);
    }
  else if (g_str_equal (action_name, "win.save"))
    {
      if (in_session)
        korak_session_page_save (korak_schedule_page_get_session_page (self->schedule_page));
      else if (g_strcmp0 (view, "review") == 0 && self->review_ready)
        gtk_widget_activate_action (GTK_WIDGET (self->review_page), "review.save", NULL);
      else
        gtk_widget_activate_action (GTK_WIDGET (korak_participants_page_get_profile (self->participants_page)),
                                    "profile.save", NULL);
    }
}

static gboolean
korak_window_close_request (GtkWindow *window)
{
  KorakWindow *self = KORAK_WINDOW (window);
  KorakProfilePage *profile = korak_participants_page_get_profile (self->participants_page);

  /* A restore half done would leave the database closed: it is over in
   * seconds. */
  if (self->restoring)
    {
      window_toast (self, _("Wait a moment: the backup is being restored."), 3);
      return TRUE;
    }
  if (self->receiving)
    {
      window_toast (self, _("Wait a moment: the changes are being applied."), 3);
      return TRUE;
    }

  /* Unsaved profile edits and registers are saved on close; an invalid one
   * keeps the window open with the reason shown. */
  if (self->store != NULL && !korak_profile_page_save (profile))
    return TRUE;
  if (self->cohorts_ready && !korak_cohorts_page_save (self->cohorts_page))
    return TRUE;
  if (self->schedule_ready &&
      korak_session_page_has_changes (korak_schedule_page_get_session_page (self->schedule_page)) &&
      !korak_session_page_save (korak_schedule_page_get_session_page (self->schedule_page)))
    return TRUE;
  if (self->review_ready && !korak_review_page_save (self->review_page))
    return TRUE;

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (korak_window_parent_class)->close_request (window);
}

static void
korak_window_dispose (GObject *object)
{
  KorakWindow *self = (KorakWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->exchange_result);
  if (self->preferences != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->preferences), (gpointer *)&self->preferences);
      self->preferences = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), KORAK_TYPE_WINDOW);
  self->participants_page = NULL;
  self->schedule_page = NULL;
  self->cohorts_page = NULL;
  self->attendance_page = NULL;
  self->today_page = NULL;
  self->review_page = NULL;
  self->conflicts_page = NULL;
  if (self->review_queue != NULL)
    g_signal_handlers_disconnect_by_data (self->review_queue, self);
  g_clear_object (&self->review_queue);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (korak_window_parent_class)->dispose (object);
}

static void
korak_window_finalize (GObject *object)
{
  KorakWindow *self = (KorakWindow *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->restore_description, g_free);
  g_clear_pointer (&self->safety_copy, g_free);

  G_OBJECT_CLASS (korak_window_parent_class)->finalize (object);
}

static void
korak_window_class_init (KorakWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = korak_window_dispose;
  object_class->finalize = korak_window_finalize;
  window_class->close_request = korak_window_close_request;
  widget_class->realize = korak_window_realize;
  widget_class->unrealize = korak_window_unrealize;

  /* The participants of the open database are loaded and shown. */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* A restore is over: TRUE when the backup was restored. */
  signals[RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /* Received changes were applied (TRUE), or refused: the database is open
   * again and the result dialog shown. */
  signals[RECEIVED] =
    g_signal_new ("received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (KORAK_TYPE_PARTICIPANTS_PAGE);
  g_type_ensure (KORAK_TYPE_RECOVERY_PAGE);

  korak_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/korak/Korak/ui/korak-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, participants_row);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, today_row);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, review_badge);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, recovery_page);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, participants_bin);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, schedule_bin);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, cohorts_bin);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, attendance_bin);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, today_bin);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, review_bin);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, conflicts_bin);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, conflicts_row);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, conflicts_badge);
  gtk_widget_class_bind_template_child (widget_class, KorakWindow, busy_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recovery_restore_cb);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.new-participant", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.notes-changed", NULL, notes_changed_action);
  gtk_widget_class_install_action (widget_class, "win.send-changes", NULL, send_changes_action);
  gtk_widget_class_install_action (widget_class, "win.receive-changes", NULL, receive_changes_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-participant", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
korak_window_init (KorakWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->participants_page = KORAK_PARTICIPANTS_PAGE (install_view (self, self->participants_bin,
                                                                   KORAK_TYPE_PARTICIPANTS_PAGE));

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* An uninstalled build without the compiled schema still runs. */
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE)))
    {
      self->settings = g_settings_new (SCHEMA_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect_object (self->settings, "changed::attendance-threshold",
                               G_CALLBACK (on_threshold_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::current-staff",
                               G_CALLBACK (apply_actor), self, G_CONNECT_SWAPPED);
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);

  /* The mentor's day comes first; it is read once the window is shown. */
  gtk_stack_set_visible_child_name (self->view_stack, "today");
  gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (self->today_row));
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

KorakWindow *
korak_window_new (AdwApplication *application,
                  const char     *database_path)
{
  KorakWindow *self = g_object_new (KORAK_TYPE_WINDOW, "application", application, NULL);

  korak_window_open_database (self, database_path);

  return self;
}

KorakStore *
korak_window_get_store (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);

  return self->store;
}

KorakParticipantsPage *
korak_window_get_participants_page (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);

  return self->participants_page;
}

KorakSchedulePage *
korak_window_get_schedule_page (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);
  ensure_views (self, "schedule");
  return self->schedule_page;
}

KorakCohortsPage *
korak_window_get_cohorts_page (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);
  ensure_views (self, "cohorts");
  return self->cohorts_page;
}

KorakTodayPage *
korak_window_get_today_page (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);
  ensure_views (self, "today");
  return self->today_page;
}

KorakAttendancePage *
korak_window_get_attendance_page (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);
  ensure_views (self, "attendance");
  return self->attendance_page;
}

KorakReviewPage *
korak_window_get_review_page (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);
  ensure_views (self, "review");
  return self->review_page;
}

/* The translations waiting for review, or NULL while no database is open. */
KorakReviewQueue *
korak_window_get_review_queue (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);
  return self->review_queue;
}

const char *
korak_window_get_error_message (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);

  return self->error_message;
}

const char *
korak_window_get_database_path (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);

  return self->database_path;
}

/**
 * korak_window_get_help_page:
 *
 * Returns: the id of the help page about what the window shows, for F1:
 *   help:korak/ID (see help/C/).
 */
const char *
korak_window_get_help_page (KorakWindow *self)
{
  static const struct { const char *view; const char *page; } pages[] = {
    { "today",        "today" },
    { "participants", "participants" },
    { "schedule",     "schedule" },
    { "cohorts",      "cohorts" },
    { "attendance",   "attendance" },
    { "review",       "notes" },
    { "conflicts",    "exchange" },
  };
  const char *state, *view;

  g_return_val_if_fail (KORAK_IS_WINDOW (self), "index");

  state = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (state, "busy") == 0 && self->receiving)
    return "exchange";
  if (g_strcmp0 (state, "recovery") == 0 || g_strcmp0 (state, "busy") == 0)
    return "backups";
  if (g_strcmp0 (state, "main") != 0)
    return "index";

  view = gtk_stack_get_visible_child_name (self->view_stack);

  /* In a participant's profile, the page of the tab on screen. */
  if (g_strcmp0 (view, "participants") == 0 && self->participants_page != NULL)
    {
      KorakProfilePage *profile = korak_participants_page_get_profile (self->participants_page);
      const char *tab = profile ? korak_profile_page_get_view (profile) : NULL;

      if (g_strcmp0 (tab, "progress") == 0)
        return "progress";
      if (g_strcmp0 (tab, "plan") == 0 || g_strcmp0 (tab, "journal") == 0)
        return "plans";
      if (g_strcmp0 (tab, "notes") == 0)
        return "notes";
    }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (view, pages[i].view) == 0)
      return pages[i].page;

  return "index";
}

/* "main", "error" (cannot be opened), "recovery" (damaged) or "busy"
 * (restoring). */
const char *
korak_window_get_state (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

KorakRecoveryPage *
korak_window_get_recovery_page (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);

  return self->recovery_page;
}

/* The open preferences window, or NULL. */
GtkWidget *
korak_window_get_preferences (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);

  return self->preferences;
}

/* A toast over the window's content. */
void
korak_window_show_toast (KorakWindow *self,
                         const char  *title)
{
  g_return_if_fail (KORAK_IS_WINDOW (self));

  window_toast (self, title, 5);
}

/* The safety copy the last restore made, or NULL. */
const char *
korak_window_get_safety_copy (KorakWindow *self)
{
  g_return_val_if_fail (KORAK_IS_WINDOW (self), NULL);

  return self->safety_copy;
}
