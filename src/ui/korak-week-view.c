/* korak-week-view.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-week-view"

#include "config.h"

#include <glib/gi18n.h>

#include "korak-week-view.h"

#define NARROW_WIDTH      600   /* below this the day list is shown */
#define HOUR_COLUMN_WIDTH 60
#define MIN_HOUR_HEIGHT   48
#define HEADER_PADDING    8
#define BOTTOM_PADDING    12
#define END_PADDING       8
#define BLOCK_INSET_X     3
#define BLOCK_INSET_Y     1
#define BLOCK_SPACING     1
#define MIN_DURATION      30    /* minutes: shorter sessions are drawn this tall */
#define BADGE_MIN_TITLE_WIDTH 64  /* narrower, a block shows no badge */
#define OVERLAP_MINUTES   45    /* a later session this much later may cover a block's side */
#define DEFAULT_FIRST_HOUR 8
#define DEFAULT_LAST_HOUR  18

typedef struct
{
  KorakSession *session;
  GtkWidget    *widget;    /* the block, a GtkButton */
  guint         index;     /* in self->blocks */
  int           day;       /* 0 Monday … 6 Sunday */
  int           start;     /* minutes since midnight */
  int           end;
  int           lane;      /* side by side with overlapping sessions */
  int           n_lanes;
  int           end_lane;  /* lanes it spans: lane … end_lane - 1 */
} Block;

struct _KorakWeekView
{
  GtkWidget    parent_instance;

  GListModel  *model;
  gulong       items_changed_id;
  GDate        monday;
  GDate        today;       /* invalid: follow the clock */
  char        *module_text;

  GtkWidget   *module_label;
  GtkWidget   *day_headers[7];
  GtkWidget   *day_names[7];
  GtkWidget   *day_numbers[7];
  GtkWidget   *hour_labels[24];
  GPtrArray   *blocks;      /* Block*, by day, start and lane */
  GtkWidget   *day_list;    /* narrow mode */
  GHashTable  *rows;        /* session id → GtkListBoxRow, owned by day_list */

  gboolean     day_visible[7];
  int          first_hour;
  int          last_hour;
  gboolean     narrow;

  /* From the last size_allocate */
  int          grid_top;
  int          header_height;
  int          grid_width;
  double       hour_height;
  double       column_width;
  int          columns[7];  /* weekday index → column, -1 when hidden */
  int          n_columns;

  guint        clock_id;
};

G_DEFINE_FINAL_TYPE (KorakWeekView, korak_week_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_MODULE_LABEL,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SESSION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (KorakWeekView *self);

/* ------------------------------------------------------------- helpers */

static const char *
area_class (KorakSession *session)
{
  const char *area = korak_session_get_skill_area (session);

  if (g_strcmp0 (area, "social") == 0 || g_strcmp0 (area, "functional") == 0 ||
      g_strcmp0 (area, "work") == 0)
    return area;

  return "none";
}

/* An icon per skill area, so that colour is never the only cue. */
static const char *
area_icon_name (KorakSession *session)
{
  const char *area = area_class (session);

  if (g_str_equal (area, "social"))
    return "system-users-symbolic";
  if (g_str_equal (area, "functional"))
    return "x-office-document-symbolic";
  if (g_str_equal (area, "work"))
    return "applications-engineering-symbolic";
  if (g_strcmp0 (korak_session_get_kind (session), "individual") == 0)
    return "avatar-default-symbolic";

  return "x-office-calendar-symbolic";
}

/* The line under the title: the area, or why the session was cancelled. */
static char *
dup_area_text (KorakSession *session)
{
  const char *reason = korak_session_get_cancelled_reason (session);
  const char *area = korak_session_get_skill_area_label (session);

  if (reason != NULL && *reason)
    /* Translators: shown on a cancelled session in the timetable; %s is the reason. */
    return g_strdup_printf (_("Cancelled: %s"), reason);
  if (reason != NULL)
    return g_strdup (_("Cancelled"));
  if (*area)
    return g_strdup (area);

  return g_strdup (korak_session_get_kind_label (session));
}

static char *
dup_place_text (KorakSession *session)
{
  const char *place = korak_session_get_place (session);
  const char *leader = korak_session_get_leader_name (session);

  if (*place && *leader)
    return g_strdup_printf ("%s · %s", place, leader);

  return g_strdup (*place ? place : leader);
}

static GDateTime *
date_time_from_gdate (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

static void
get_day (KorakWeekView *self,
         int            day,
         GDate         *date)
{
  *date = self->monday;
  g_date_add_days (date, day);
}

static void
get_today (KorakWeekView *self,
           GDate         *today)
{
  if (g_date_valid (&self->today))
    {
      *today = self->today;
      return;
    }

  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

/* 0 Monday … 6 Sunday when today is in the shown week, else -1. */
static int
today_index (KorakWeekView *self)
{
  GDate today;
  int days;

  get_today (self, &today);
  days = g_date_days_between (&self->monday, &today);

  return days >= 0 && days < 7 ? days : -1;
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  g_object_set_data_full (G_OBJECT (widget), "korak-accessible-label", g_strdup (label), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            ...) G_GNUC_NULL_TERMINATED;

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            ...)
{
  GtkWidget *label = gtk_label_new (text);
  va_list args;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  va_start (args, css_class);
  for (const char *c = css_class; c != NULL; c = va_arg (args, const char *))
    gtk_widget_add_css_class (label, c);
  va_end (args);

  return label;
}

/* ------------------------------------------------------------- blocks */

/* A block shows as many lines as fit: the first (icon and title, with the
 * attendance badge at its end when the block is wide enough) always, then
 * time, place and area while there is room; the rest is clipped. */
static gboolean
is_badge (GtkWidget *child)
{
  return gtk_widget_has_css_class (child, "badge");
}

static void
block_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  *minimum = 0;
  *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_nat = 0;

      if (!gtk_widget_get_visible (child) || is_badge (child))
        continue;

      gtk_widget_measure (child, orientation, -1, NULL, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        *natural = MAX (*natural, child_nat);
      else
        *natural += child_nat + (*natural > 0 ? BLOCK_SPACING : 0);
    }
}

static void
block_allocate (GtkWidget *widget,
                int        width,
                int        height,
                int        baseline)
{
  GtkWidget *badge = NULL;
  gboolean first = TRUE;
  gboolean full = FALSE;
  int badge_width = 0, badge_height = 0;
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (is_badge (child) && gtk_widget_get_visible (child))
      badge = child;

  if (badge != NULL)
    {
      gtk_widget_measure (badge, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &badge_width, NULL, NULL);
      gtk_widget_measure (badge, GTK_ORIENTATION_VERTICAL, badge_width, NULL, &badge_height, NULL, NULL);
      /* The title matters more than the count in a narrow block. */
      if (width - badge_width < BADGE_MIN_TITLE_WIDTH)
        {
          gtk_widget_set_child_visible (badge, FALSE);
          badge = NULL;
          badge_width = 0;
        }
      else
        {
          gtk_widget_set_child_visible (badge, TRUE);
          gtk_widget_size_allocate (badge, &(GtkAllocation) { width - badge_width, 0, badge_width, badge_height }, -1);
          badge_width += 4;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_width = 0, child_height = 0;
      int available = first ? width - badge_width : width;

      if (!gtk_widget_get_visible (child) || is_badge (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_width, NULL, NULL, NULL);
      child_width = MAX (child_width, available);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);

      if (!first && (full || y + child_height > height))
        {
          full = TRUE;
          gtk_widget_set_child_visible (child, FALSE);
          continue;
        }

      gtk_widget_set_child_visible (child, TRUE);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, child_width, child_height }, -1);
      y += child_height + BLOCK_SPACING;
      first = FALSE;
    }
}

static void
on_block_clicked_cb (GtkButton     *button,
                     KorakWeekView *self)
{
  KorakSession *session = korak_week_view_get_widget_session (GTK_WIDGET (button));

  g_signal_emit (self, signals[SESSION_ACTIVATED], 0, session);
}

static GtkWidget *
create_block_widget (KorakWeekView *self,
                     KorakSession  *session)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (area_icon_name (session));
  GtkWidget *title = make_label (korak_session_get_title (session), "title", "heading", NULL);
  GtkWidget *badge;
  GtkWidget *time_label;
  GtkWidget *place_label;
  GtkWidget *area_label;
  g_autofree char *place = dup_place_text (session);
  g_autofree char *area = dup_area_text (session);
  gboolean cancelled = korak_session_get_cancelled (session);

  gtk_widget_set_layout_manager (button, gtk_custom_layout_new (NULL, block_measure, block_allocate));
  gtk_widget_set_overflow (button, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (button, "session-block");
  gtk_widget_add_css_class (button, area_class (session));
  if (cancelled)
    gtk_widget_add_css_class (button, "cancelled");
  gtk_widget_set_tooltip_text (button, korak_session_get_accessible_description (session));
  set_accessible_label (button, korak_session_get_accessible_description (session));
  /* The tooltip repeats the label; a screen reader need not say it twice. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  gtk_widget_add_css_class (icon, "area-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  korak_session_get_skill_area_label (session), -1);
  /* Long titles take two lines in sessions long enough to show them. */
  gtk_widget_set_hexpand (title, TRUE);
  if (korak_session_get_end_minutes (session) - korak_session_get_start_minutes (session) >= 90)
    {
      gtk_label_set_single_line_mode (GTK_LABEL (title), FALSE);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (title), 2);
    }

  if (cancelled)
    badge = make_label (_("Cancelled"), "badge", "caption-heading", NULL);
  else
    badge = make_label (korak_session_get_attendance_badge (session), "badge", "caption-heading", "numeric", NULL);
  gtk_label_set_ellipsize (GTK_LABEL (badge), PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_visible (badge, *gtk_label_get_text (GTK_LABEL (badge)) != '\0');
  gtk_widget_set_valign (badge, GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), title);

  time_label = make_label (korak_session_get_time_range (session), "time", "caption", "numeric", NULL);
  place_label = make_label (place, "place", "caption", NULL);
  gtk_widget_set_visible (place_label, *place != '\0');
  area_label = make_label (area, "area", "caption", NULL);

  gtk_widget_set_parent (top, button);
  gtk_widget_set_parent (badge, button);
  gtk_widget_set_parent (time_label, button);
  gtk_widget_set_parent (place_label, button);
  gtk_widget_set_parent (area_label, button);

  g_object_set_data_full (G_OBJECT (button), "korak-session", g_object_ref (session), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_block_clicked_cb), self);

  return button;
}

static void
block_free (Block *block)
{
  GtkWidget *child;

  /* The labels were parented to the button by hand, so they are unparented
   * by hand: GtkButton only knows about its own child. */
  while ((child = gtk_widget_get_first_child (block->widget)))
    gtk_widget_unparent (child);
  gtk_widget_unparent (block->widget);
  g_clear_object (&block->session);
  g_free (block);
}

static Block *
block_for_widget (KorakWeekView *self,
                  GtkWidget     *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      Block *block = g_object_get_data (G_OBJECT (widget), "korak-block");

      if (block != NULL)
        return block;
    }

  return NULL;
}

static Block *
focused_block (KorakWeekView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  return block_for_widget (self, focus);
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  KorakSession *sa = *(KorakSession **)a;
  KorakSession *sb = *(KorakSession **)b;
  int r = g_strcmp0 (korak_session_get_date (sa), korak_session_get_date (sb));

  if (r == 0)
    r = korak_session_get_start_minutes (sa) - korak_session_get_start_minutes (sb);
  if (r == 0)
    r = korak_session_get_end_minutes (sa) - korak_session_get_end_minutes (sb);
  if (r == 0)
    r = korak_session_get_id (sa) < korak_session_get_id (sb) ? -1 :
        korak_session_get_id (sa) > korak_session_get_id (sb);

  return r;
}

/* Overlapping sessions of a day share its width: each cluster of sessions
 * that overlap one another is split into as many lanes as it needs. */
static void
assign_lanes (GPtrArray *blocks)
{
  guint cluster_start = 0;
  int cluster_end = -1;
  int lane_end[16];
  int n_lanes = 0;
  int day = -1;

  for (guint i = 0; i <= blocks->len; i++)
    {
      Block *block = i < blocks->len ? g_ptr_array_index (blocks, i) : NULL;
      int lane;

      if (block == NULL || block->day != day || block->start >= cluster_end)
        {
          for (guint j = cluster_start; j < i; j++)
            ((Block *)g_ptr_array_index (blocks, j))->n_lanes = MAX (n_lanes, 1);
          if (block == NULL)
            break;
          cluster_start = i;
          cluster_end = -1;
          n_lanes = 0;
          day = block->day;
        }

      for (lane = 0; lane < n_lanes; lane++)
        if (lane_end[lane] <= block->start)
          break;
      if (lane == n_lanes)
        {
          if (n_lanes < (int)G_N_ELEMENTS (lane_end))
            n_lanes++;
          else
            lane = n_lanes - 1;
        }
      lane_end[lane] = block->end;
      block->lane = lane;
      cluster_end = MAX (cluster_end, block->end);
    }

  /* A block reaches under the lanes to its right whose sessions start well
   * after it (its title and time stay in sight), as in GNOME Calendar;
   * sessions that start together stay side by side. */
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      block->end_lane = block->n_lanes;
      for (guint j = 0; j < blocks->len; j++)
        {
          Block *other = g_ptr_array_index (blocks, j);

          if (other->day != block->day || other->lane <= block->lane ||
              other->start >= block->end || other->end <= block->start)
            continue;
          if (other->start - block->start < OVERLAP_MINUTES)
            block->end_lane = MIN (block->end_lane, other->lane);
        }
    }
}

/* ----------------------------------------------------------- day list */

static void
on_row_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     KorakWeekView *self)
{
  KorakSession *session = korak_week_view_get_widget_session (GTK_WIDGET (row));

  if (session != NULL)
    g_signal_emit (self, signals[SESSION_ACTIVATED], 0, session);
}

static GtkWidget *
create_row (KorakSession *session)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (area_icon_name (session));
  GtkWidget *title = make_label (korak_session_get_title (session), "title", "heading", NULL);
  GtkWidget *badge;
  g_autofree char *place = dup_place_text (session);
  g_autofree char *area = dup_area_text (session);
  g_autofree char *subtitle = NULL;
  gboolean cancelled = korak_session_get_cancelled (session);

  if (*place)
    subtitle = g_strdup_printf ("%s · %s", korak_session_get_time_range (session), place);
  else
    subtitle = g_strdup (korak_session_get_time_range (session));

  gtk_widget_add_css_class (row, "session-row");
  gtk_widget_add_css_class (row, area_class (session));
  if (cancelled)
    gtk_widget_add_css_class (row, "cancelled");
  set_accessible_label (row, korak_session_get_accessible_description (session));
  g_object_set_data_full (G_OBJECT (row), "korak-session", g_object_ref (session), g_object_unref);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_add_css_class (icon, "area-tile");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  korak_session_get_skill_area_label (session), -1);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), make_label (subtitle, "caption", "numeric", NULL));
  gtk_box_append (GTK_BOX (texts), make_label (area, "caption", "dim-label", NULL));

  if (cancelled)
    badge = make_label (_("Cancelled"), "badge", "caption-heading", NULL);
  else
    badge = make_label (korak_session_get_attendance_badge (session), "badge", "caption-heading", "numeric", NULL);
  gtk_label_set_ellipsize (GTK_LABEL (badge), PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (badge, *gtk_label_get_text (GTK_LABEL (badge)) != '\0');

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static char *
dup_day_heading (KorakWeekView *self,
                 int            day)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  get_day (self, day, &date);
  dt = date_time_from_gdate (&date);

  /* Translators: the day of a session as a screen reader says it, in
   * g_date_time_format() syntax: "Monday 23 November". */
  return g_date_time_format (dt, _("%A %-d %B"));
}

static GtkWidget *
create_day_list (KorakWeekView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *lists[7] = { NULL, };
  int today = today_index (self);

  gtk_widget_add_css_class (box, "day-list");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 18);

  for (int day = 0; day < 7; day++)
    {
      g_autofree char *heading = NULL;
      g_autofree char *text = NULL;
      GtkWidget *label;
      GtkWidget *list;
      GtkWidget *placeholder;

      if (!self->day_visible[day])
        continue;

      heading = dup_day_heading (self, day);
      if (day == today)
        /* Translators: a day heading in the narrow timetable; %s is "Monday 23 November". */
        text = g_strdup_printf (_("Today, %s"), heading);
      else
        text = g_strdup (heading);

      label = g_object_new (GTK_TYPE_LABEL,
                            "label", text,
                            "xalign", 0.0f,
                            "ellipsize", PANGO_ELLIPSIZE_END,
                            "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                            NULL);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "day-heading");
      if (day == today)
        gtk_widget_add_css_class (label, "today");
      gtk_widget_set_margin_top (label, 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
      gtk_box_append (GTK_BOX (box), label);

      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
      placeholder = gtk_label_new (_("No sessions"));
      gtk_widget_add_css_class (placeholder, "dim-label");
      gtk_widget_set_margin_top (placeholder, 12);
      gtk_widget_set_margin_bottom (placeholder, 12);
      gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
      g_signal_connect (list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
      gtk_box_append (GTK_BOX (box), list);
      lists[day] = list;
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      GtkWidget *row = create_row (block->session);

      gtk_list_box_append (GTK_LIST_BOX (lists[block->day]), row);
      g_hash_table_insert (self->rows, g_memdup2 (&(gint64) { korak_session_get_id (block->session) }, sizeof (gint64)), row);
    }

  return box;
}

/* ------------------------------------------------------------- headers */

static void
update_headers (KorakWeekView *self)
{
  int today = today_index (self);

  for (int day = 0; day < 7; day++)
    {
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *name = NULL;
      g_autofree char *upper = NULL;
      g_autofree char *number = NULL;
      g_autofree char *heading = dup_day_heading (self, day);
      GDate date;

      get_day (self, day, &date);
      dt = date_time_from_gdate (&date);
      name = g_date_time_format (dt, "%a");
      upper = g_utf8_strup (name, -1);
      number = g_date_time_format (dt, "%-d");

      gtk_label_set_text (GTK_LABEL (self->day_names[day]), upper);
      gtk_label_set_text (GTK_LABEL (self->day_numbers[day]), number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_headers[day]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
      if (day == today)
        gtk_widget_add_css_class (self->day_headers[day], "today");
      else
        gtk_widget_remove_css_class (self->day_headers[day], "today");
    }
}

/* ------------------------------------------------------------ rebuilding */

static void
rebuild (KorakWeekView *self)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  Block *focused = focused_block (self);
  gint64 focused_id = focused ? korak_session_get_id (focused->session) : 0;
  gboolean had_row_focus = FALSE;
  int min_start = DEFAULT_FIRST_HOUR * 60;
  int max_end = DEFAULT_LAST_HOUR * 60;
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;

  if (self->day_list != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && gtk_widget_is_ancestor (focus, self->day_list))
        {
          KorakSession *session = NULL;

          for (GtkWidget *w = focus; w && !session; w = gtk_widget_get_parent (w))
            session = g_object_get_data (G_OBJECT (w), "korak-session");
          focused_id = session ? korak_session_get_id (session) : 0;
          had_row_focus = TRUE;
        }
    }

  g_ptr_array_set_size (self->blocks, 0);
  g_hash_table_remove_all (self->rows);
  g_clear_pointer (&self->day_list, gtk_widget_unparent);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KorakSession) session = g_list_model_get_item (self->model, i);
      GDate date;
      int days;

      if (!KORAK_IS_SESSION (session) || !korak_session_get_gdate (session, &date))
        continue;
      if (korak_session_get_start_minutes (session) < 0)
        continue;
      days = g_date_days_between (&self->monday, &date);
      if (days < 0 || days > 6)
        continue;

      g_ptr_array_add (sessions, g_steal_pointer (&session));
    }
  g_ptr_array_sort (sessions, compare_sessions);

  for (int day = 0; day < 7; day++)
    self->day_visible[day] = day < 5;

  for (guint i = 0; i < sessions->len; i++)
    {
      KorakSession *session = g_ptr_array_index (sessions, i);
      Block *block = g_new0 (Block, 1);
      GDate date;

      korak_session_get_gdate (session, &date);
      block->session = g_object_ref (session);
      block->day = g_date_days_between (&self->monday, &date);
      block->start = korak_session_get_start_minutes (session);
      block->end = korak_session_get_end_minutes (session);
      if (block->end < block->start + MIN_DURATION)
        block->end = MIN (block->start + MIN_DURATION, 24 * 60);
      block->index = self->blocks->len;
      self->day_visible[block->day] = TRUE;
      min_start = MIN (min_start, block->start);
      max_end = MAX (max_end, block->end);

      block->widget = create_block_widget (self, session);
      g_object_set_data (G_OBJECT (block->widget), "korak-block", block);
      gtk_widget_insert_before (block->widget, GTK_WIDGET (self), NULL);
      g_ptr_array_add (self->blocks, block);
    }
  assign_lanes (self->blocks);

  self->first_hour = MAX (0, min_start / 60);
  self->last_hour = MIN (24, (max_end + 59) / 60);

  self->day_list = create_day_list (self);
  gtk_widget_insert_before (self->day_list, GTK_WIDGET (self), NULL);

  update_headers (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  /* Keep the keyboard where it was when the same session is still shown. */
  if (focused_id != 0)
    {
      GtkWidget *target = had_row_focus ? korak_week_view_get_row_for_id (self, focused_id)
                                        : korak_week_view_get_block_for_id (self, focused_id);
      if (target != NULL)
        gtk_widget_grab_focus (target);
    }
}

static void
on_items_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     KorakWeekView *self)
{
  rebuild (self);
}

/* ---------------------------------------------------------- keyboard */

static Block *
neighbour_in_day (KorakWeekView *self,
                  Block         *from,
                  int            step)
{
  for (int i = (int)from->index + step; i >= 0 && i < (int)self->blocks->len; i += step)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block->day != from->day)
        return NULL;
      return block;
    }

  return NULL;
}

/* In the nearest day with sessions: the one that overlaps @from most, else
 * the one that starts nearest to it. */
static Block *
neighbour_across_days (KorakWeekView *self,
                       Block         *from,
                       int            step)
{
  for (int day = from->day + step; day >= 0 && day < 7; day += step)
    {
      Block *best = NULL;
      int best_score = G_MININT;

      for (guint i = 0; i < self->blocks->len; i++)
        {
          Block *block = g_ptr_array_index (self->blocks, i);
          int overlap, score;

          if (block->day != day)
            continue;

          overlap = MIN (block->end, from->end) - MAX (block->start, from->start);
          score = overlap > 0 ? overlap : -ABS (block->start - from->start) - 1;
          if (score > best_score)
            {
              best = block;
              best_score = score;
            }
        }

      if (best != NULL)
        return best;
    }

  return NULL;
}

/* The block an arrow key leads to from @from, or NULL at an edge. */
static Block *
find_neighbour (KorakWeekView    *self,
                Block            *from,
                GtkDirectionType  direction)
{
  switch ((int)direction)
    {
    case GTK_DIR_LEFT:
      return neighbour_across_days (self, from, -1);
    case GTK_DIR_RIGHT:
      return neighbour_across_days (self, from, 1);
    case GTK_DIR_UP:
      return neighbour_in_day (self, from, -1);
    case GTK_DIR_DOWN:
      return neighbour_in_day (self, from, 1);
    default:
      return NULL;
    }
}

static void
move_focus (KorakWeekView    *self,
            GtkDirectionType  direction)
{
  Block *from = focused_block (self);
  Block *to;

  if (from == NULL || self->narrow)
    return;

  to = find_neighbour (self, from, direction);
  if (to != NULL)
    gtk_widget_grab_focus (to->widget);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
focus_left_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  move_focus (KORAK_WEEK_VIEW (widget), GTK_DIR_LEFT);
}

static void
focus_right_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_focus (KORAK_WEEK_VIEW (widget), GTK_DIR_RIGHT);
}

static void
focus_up_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_focus (KORAK_WEEK_VIEW (widget), GTK_DIR_UP);
}

static void
focus_down_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  move_focus (KORAK_WEEK_VIEW (widget), GTK_DIR_DOWN);
}

static void
update_actions (KorakWeekView *self)
{
  gboolean enabled = !self->narrow && self->blocks->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "week.focus-left", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "week.focus-right", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "week.focus-up", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "week.focus-down", enabled);
}

/* Tab goes through the blocks day by day, not in on-screen row order;
 * hidden children (the grid when narrow, the day list when wide) never take
 * the focus. */
static gboolean
korak_week_view_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  KorakWeekView *self = KORAK_WEEK_VIEW (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  Block *current = focus_child ? block_for_widget (self, focus_child) : NULL;
  Block *target = NULL;
  int index;

  if (self->narrow)
    return gtk_widget_child_focus (self->day_list, direction);

  if (self->blocks->len == 0)
    return FALSE;

  switch ((int)direction)
    {
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
      if (current != NULL)
        index = (int)current->index + (direction == GTK_DIR_TAB_FORWARD ? 1 : -1);
      else
        index = direction == GTK_DIR_TAB_FORWARD ? 0 : (int)self->blocks->len - 1;
      if (index >= 0 && index < (int)self->blocks->len)
        target = g_ptr_array_index (self->blocks, index);
      break;

    default:
      if (current != NULL)
        target = find_neighbour (self, current, direction);
      else
        target = g_ptr_array_index (self->blocks, 0);
      break;
    }

  return target != NULL && gtk_widget_grab_focus (target->widget);
}

/* --------------------------------------------------------------- layout */

static int
measure_module_label (KorakWeekView *self,
                      int            width)
{
  int height = 0;

  if (!gtk_widget_get_visible (self->module_label))
    return 0;

  gtk_widget_measure (self->module_label, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);

  return height + HEADER_PADDING * 2;
}

static int
measure_day_headers (KorakWeekView *self)
{
  int height = 0;

  for (int day = 0; day < 7; day++)
    {
      int nat = 0;

      gtk_widget_measure (self->day_headers[day], GTK_ORIENTATION_VERTICAL, -1, NULL, &nat, NULL, NULL);
      height = MAX (height, nat);
    }

  return height + HEADER_PADDING * 2;
}

static int
count_visible_days (KorakWeekView *self)
{
  int n = 0;

  for (int day = 0; day < 7; day++)
    n += self->day_visible[day];

  return n;
}

static GtkSizeRequestMode
korak_week_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
korak_week_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  KorakWeekView *self = KORAK_WEEK_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int list_min = 0, label_min = 0;

      gtk_widget_measure (self->day_list, orientation, -1, &list_min, NULL, NULL, NULL);
      if (gtk_widget_get_visible (self->module_label))
        gtk_widget_measure (self->module_label, orientation, -1, &label_min, NULL, NULL, NULL);

      *minimum = MAX (list_min, label_min + 24);
      *natural = MAX (*minimum, HOUR_COLUMN_WIDTH + count_visible_days (self) * 160 + END_PADDING);
    }
  else if (for_size >= 0 && for_size < NARROW_WIDTH)
    {
      int list_min = 0, list_nat = 0;
      int module = measure_module_label (self, for_size - 24);

      gtk_widget_measure (self->day_list, orientation, for_size, &list_min, &list_nat, NULL, NULL);
      *minimum = module + list_min;
      *natural = module + list_nat;
    }
  else
    {
      int width = for_size >= 0 ? for_size : HOUR_COLUMN_WIDTH + count_visible_days (self) * 160;
      int height = measure_module_label (self, width - HOUR_COLUMN_WIDTH - END_PADDING) +
                   measure_day_headers (self) +
                   (self->last_hour - self->first_hour) * MIN_HOUR_HEIGHT + BOTTOM_PADDING;

      *minimum = height;
      *natural = height;
    }
}

static void
allocate_grid (KorakWeekView *self,
               int            width,
               int            height,
               int            top)
{
  int header_height = measure_day_headers (self);
  int n_hours = self->last_hour - self->first_hour;
  int column = 0;

  self->header_height = header_height;
  self->n_columns = count_visible_days (self);
  self->grid_width = width - HOUR_COLUMN_WIDTH - END_PADDING;
  self->column_width = self->n_columns > 0 ? (double)self->grid_width / self->n_columns : 0;
  self->grid_top = top + header_height;
  self->hour_height = MAX (MIN_HOUR_HEIGHT, (double)(height - self->grid_top - BOTTOM_PADDING) / MAX (n_hours, 1));

  for (int day = 0; day < 7; day++)
    {
      GtkWidget *header = self->day_headers[day];
      int x, w, h = 0;

      if (!self->day_visible[day])
        {
          self->columns[day] = -1;
          gtk_widget_set_child_visible (header, FALSE);
          continue;
        }

      self->columns[day] = column;
      x = HOUR_COLUMN_WIDTH + (int)(column * self->column_width) + HEADER_PADDING;
      w = MAX (0, (int)self->column_width - 2 * HEADER_PADDING);
      gtk_widget_measure (header, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      gtk_widget_set_child_visible (header, TRUE);
      gtk_widget_size_allocate (header, &(GtkAllocation) { x, top + HEADER_PADDING, w, h }, -1);
      column++;
    }

  for (int hour = 0; hour < 24; hour++)
    {
      GtkWidget *label = self->hour_labels[hour];
      int h = 0;

      if (hour < self->first_hour || hour >= self->last_hour)
        {
          gtk_widget_set_child_visible (label, FALSE);
          continue;
        }

      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &h, NULL, NULL);
      gtk_widget_set_child_visible (label, TRUE);
      gtk_widget_size_allocate (label,
                                &(GtkAllocation) { 0, self->grid_top + (int)((hour - self->first_hour) * self->hour_height) + 4,
                                                   HOUR_COLUMN_WIDTH - 10, h },
                                -1);
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double lane_width = self->column_width / block->n_lanes;
      double x = HOUR_COLUMN_WIDTH + self->columns[block->day] * self->column_width + block->lane * lane_width;
      double y1 = self->grid_top + (block->start - self->first_hour * 60) * self->hour_height / 60.0;
      double y2 = self->grid_top + (block->end - self->first_hour * 60) * self->hour_height / 60.0;
      int bx = (int)x + BLOCK_INSET_X + 1;
      int by = (int)y1 + BLOCK_INSET_Y + 1;
      int bw = MAX (1, (int)(x + (block->end_lane - block->lane) * lane_width) - BLOCK_INSET_X - bx);
      int bh = MAX (1, (int)y2 - BLOCK_INSET_Y - by);

      gtk_widget_set_child_visible (block->widget, TRUE);
      gtk_widget_size_allocate (block->widget, &(GtkAllocation) { bx, by, bw, bh }, -1);
    }

  gtk_widget_set_child_visible (self->day_list, FALSE);
}

static void
korak_week_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  KorakWeekView *self = KORAK_WEEK_VIEW (widget);
  gboolean narrow = width < NARROW_WIDTH;
  int top = 0;

  if (gtk_widget_get_visible (self->module_label))
    {
      int x = narrow ? 12 : HOUR_COLUMN_WIDTH + HEADER_PADDING;
      int w = MAX (0, width - x - (narrow ? 12 : END_PADDING));
      int h = 0;

      gtk_widget_measure (self->module_label, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      gtk_widget_size_allocate (self->module_label, &(GtkAllocation) { x, HEADER_PADDING, w, h }, -1);
      top = h + 2 * HEADER_PADDING;
    }

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
    }

  if (!narrow)
    {
      allocate_grid (self, width, height, top);
      return;
    }

  for (int day = 0; day < 7; day++)
    gtk_widget_set_child_visible (self->day_headers[day], FALSE);
  for (int hour = 0; hour < 24; hour++)
    gtk_widget_set_child_visible (self->hour_labels[hour], FALSE);
  for (guint i = 0; i < self->blocks->len; i++)
    gtk_widget_set_child_visible (((Block *)g_ptr_array_index (self->blocks, i))->widget, FALSE);

  {
    int list_min = 0;

    gtk_widget_measure (self->day_list, GTK_ORIENTATION_VERTICAL, width, &list_min, NULL, NULL, NULL);
    gtk_widget_set_child_visible (self->day_list, TRUE);
    gtk_widget_size_allocate (self->day_list,
                              &(GtkAllocation) { 0, top, width, MAX (list_min, height - top) }, -1);
  }
}

/* ------------------------------------------------------------- drawing */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
korak_week_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  KorakWeekView *self = KORAK_WEEK_VIEW (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int n_hours = self->last_hour - self->first_hour;
  double grid_bottom = self->grid_top + n_hours * self->hour_height;
  int today = today_index (self);
  GdkRGBA fg, line, faint, accent, tint;

  if (self->narrow || self->n_columns == 0)
    {
      GTK_WIDGET_CLASS (korak_week_view_parent_class)->snapshot (widget, snapshot);
      return;
    }

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");

  line = fg;
  line.alpha *= 0.12;
  faint = fg;
  faint.alpha *= 0.05;
  tint = accent;
  tint.alpha = 0.06;

  /* Today's column, header included. */
  if (today >= 0 && self->columns[today] >= 0)
    {
      double x = HOUR_COLUMN_WIDTH + self->columns[today] * self->column_width;
      double top = self->grid_top - self->header_height;

      append_rect (snapshot, &tint, x, top, self->column_width, grid_bottom - top);
    }

  /* Half hours faintly, hours clearly, the first one under the header. */
  for (int i = 0; i < n_hours; i++)
    {
      double y = self->grid_top + (i + 0.5) * self->hour_height;

      append_rect (snapshot, &faint, HOUR_COLUMN_WIDTH, (int)y, self->grid_width, 1);
    }
  for (int i = 0; i <= n_hours; i++)
    {
      double y = self->grid_top + i * self->hour_height;

      append_rect (snapshot, &line, HOUR_COLUMN_WIDTH - 6, (int)y, self->grid_width + 6, 1);
    }

  /* Day separators, from the header down. */
  for (int c = 0; c <= self->n_columns; c++)
    {
      double x = HOUR_COLUMN_WIDTH + c * self->column_width;

      append_rect (snapshot, &line, (int)x, self->grid_top - self->header_height / 2.0,
                   1, grid_bottom - self->grid_top + self->header_height / 2.0);
    }

  /* Now, in today's column. */
  if (today >= 0 && self->columns[today] >= 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int minutes = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

      if (!g_date_valid (&self->today) &&
          minutes >= self->first_hour * 60 && minutes <= self->last_hour * 60)
        {
          double x = HOUR_COLUMN_WIDTH + self->columns[today] * self->column_width;
          double y = self->grid_top + (minutes - self->first_hour * 60) * self->hour_height / 60.0;
          GskRoundedRect dot;

          append_rect (snapshot, &accent, x, (int)y - 1, self->column_width, 2);
          gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 4, (int)y - 4, 8, 8), 4);
          gtk_snapshot_push_rounded_clip (snapshot, &dot);
          append_rect (snapshot, &accent, x - 4, (int)y - 4, 8, 8);
          gtk_snapshot_pop (snapshot);
        }
    }

  GTK_WIDGET_CLASS (korak_week_view_parent_class)->snapshot (widget, snapshot);
}

static gboolean
on_clock_cb (gpointer data)
{
  KorakWeekView *self = data;

  if (today_index (self) >= 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_CONTINUE;
}

static void
korak_week_view_map (GtkWidget *widget)
{
  KorakWeekView *self = KORAK_WEEK_VIEW (widget);

  GTK_WIDGET_CLASS (korak_week_view_parent_class)->map (widget);

  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (60, on_clock_cb, self);
}

static void
korak_week_view_unmap (GtkWidget *widget)
{
  KorakWeekView *self = KORAK_WEEK_VIEW (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);

  GTK_WIDGET_CLASS (korak_week_view_parent_class)->unmap (widget);
}

static void
on_dark_changed_cb (KorakWeekView   *self,
                    GParamSpec      *pspec,
                    AdwStyleManager *manager)
{
  if (adw_style_manager_get_dark (manager))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dark");
}

/* -------------------------------------------------------------- GObject */

static void
korak_week_view_dispose (GObject *object)
{
  KorakWeekView *self = (KorakWeekView *)object;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_handle_id (&self->clock_id, g_source_remove);

  if (self->blocks != NULL)
    g_ptr_array_set_size (self->blocks, 0);
  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  g_clear_pointer (&self->day_list, gtk_widget_unparent);
  g_clear_pointer (&self->module_label, gtk_widget_unparent);
  for (int day = 0; day < 7; day++)
    g_clear_pointer (&self->day_headers[day], gtk_widget_unparent);
  for (int hour = 0; hour < 24; hour++)
    g_clear_pointer (&self->hour_labels[hour], gtk_widget_unparent);

  G_OBJECT_CLASS (korak_week_view_parent_class)->dispose (object);
}

static void
korak_week_view_finalize (GObject *object)
{
  KorakWeekView *self = (KorakWeekView *)object;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->module_text, g_free);

  G_OBJECT_CLASS (korak_week_view_parent_class)->finalize (object);
}

static void
korak_week_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KorakWeekView *self = KORAK_WEEK_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_MODULE_LABEL:
      g_value_set_string (value, korak_week_view_get_module_label (self));
      break;

    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_week_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KorakWeekView *self = KORAK_WEEK_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      korak_week_view_set_model (self, g_value_get_object (value));
      break;

    case PROP_MODULE_LABEL:
      korak_week_view_set_module_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
korak_week_view_class_init (KorakWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = korak_week_view_dispose;
  object_class->finalize = korak_week_view_finalize;
  object_class->get_property = korak_week_view_get_property;
  object_class->set_property = korak_week_view_set_property;

  widget_class->get_request_mode = korak_week_view_get_request_mode;
  widget_class->measure = korak_week_view_measure;
  widget_class->size_allocate = korak_week_view_size_allocate;
  widget_class->snapshot = korak_week_view_snapshot;
  widget_class->focus = korak_week_view_focus;
  widget_class->map = korak_week_view_map;
  widget_class->unmap = korak_week_view_unmap;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE_LABEL] =
    g_param_spec_string ("module-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KorakWeekView::session-activated:
   * @session: the KorakSession of the block or row
   *
   * A block or a day-list row was clicked or activated with Enter or Space.
   */
  signals[SESSION_ACTIVATED] =
    g_signal_new ("session-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KORAK_TYPE_SESSION);

  gtk_widget_class_install_action (widget_class, "week.focus-left", NULL, focus_left_cb);
  gtk_widget_class_install_action (widget_class, "week.focus-right", NULL, focus_right_cb);
  gtk_widget_class_install_action (widget_class, "week.focus-up", NULL, focus_up_cb);
  gtk_widget_class_install_action (widget_class, "week.focus-down", NULL, focus_down_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "week.focus-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "week.focus-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "week.focus-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "week.focus-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "week.focus-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "week.focus-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "week.focus-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "week.focus-down", NULL);

  gtk_widget_class_set_css_name (widget_class, "weekview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
korak_week_view_init (KorakWeekView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GDate today;

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->first_hour = DEFAULT_FIRST_HOUR;
  self->last_hour = DEFAULT_LAST_HOUR;
  g_date_clear (&self->today, 1);

  /* This week until told otherwise. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  self->monday = today;
  g_date_subtract_days (&self->monday, g_date_get_weekday (&today) - 1);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Week timetable"), -1);

  self->module_label = make_label ("", "module-label", "heading", NULL);
  gtk_widget_set_visible (self->module_label, FALSE);
  gtk_widget_set_parent (self->module_label, GTK_WIDGET (self));

  for (int day = 0; day < 7; day++)
    {
      self->day_headers[day] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_add_css_class (self->day_headers[day], "day-header");
      self->day_names[day] = make_label ("", "day-name", "caption-heading", NULL);
      self->day_numbers[day] = make_label ("", "day-number", "title-2", NULL);
      gtk_box_append (GTK_BOX (self->day_headers[day]), self->day_names[day]);
      gtk_box_append (GTK_BOX (self->day_headers[day]), self->day_numbers[day]);
      gtk_widget_set_parent (self->day_headers[day], GTK_WIDGET (self));
    }

  for (int hour = 0; hour < 24; hour++)
    {
      g_autofree char *text = korak_format_minutes (hour * 60);

      self->hour_labels[hour] = make_label (text, "hour-label", "caption", "numeric", "dim-label", NULL);
      gtk_label_set_xalign (GTK_LABEL (self->hour_labels[hour]), 1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->hour_labels[hour]),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_set_parent (self->hour_labels[hour], GTK_WIDGET (self));
    }

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  on_dark_changed_cb (self, NULL, manager);

  rebuild (self);
  update_actions (self);
}

/* ------------------------------------------------------------ public API */

GtkWidget *
korak_week_view_new (void)
{
  return g_object_new (KORAK_TYPE_WEEK_VIEW, NULL);
}

void
korak_week_view_set_week (KorakWeekView *self,
                          const GDate   *monday)
{
  GDate date;

  g_return_if_fail (KORAK_IS_WEEK_VIEW (self));
  g_return_if_fail (monday != NULL && g_date_valid (monday));

  date = *monday;
  g_date_subtract_days (&date, g_date_get_weekday (&date) - 1);
  if (g_date_compare (&date, &self->monday) == 0)
    return;

  self->monday = date;
  rebuild (self);
}

const GDate *
korak_week_view_get_week (KorakWeekView *self)
{
  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), NULL);

  return &self->monday;
}

void
korak_week_view_set_model (KorakWeekView *self,
                           GListModel    *sessions)
{
  g_return_if_fail (KORAK_IS_WEEK_VIEW (self));
  g_return_if_fail (sessions == NULL || G_IS_LIST_MODEL (sessions));

  if (self->model == sessions)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, sessions);
  if (sessions != NULL)
    self->items_changed_id = g_signal_connect (sessions, "items-changed",
                                               G_CALLBACK (on_items_changed_cb), self);

  rebuild (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
korak_week_view_get_model (KorakWeekView *self)
{
  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), NULL);

  return self->model;
}

void
korak_week_view_set_module_label (KorakWeekView *self,
                                  const char    *label)
{
  g_return_if_fail (KORAK_IS_WEEK_VIEW (self));

  if (label != NULL && *label == '\0')
    label = NULL;
  if (g_strcmp0 (label, self->module_text) == 0)
    return;

  g_free (self->module_text);
  self->module_text = g_strdup (label);
  gtk_label_set_text (GTK_LABEL (self->module_label), label ? label : "");
  gtk_widget_set_visible (self->module_label, label != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODULE_LABEL]);
}

const char *
korak_week_view_get_module_label (KorakWeekView *self)
{
  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), NULL);

  return self->module_text;
}

void
korak_week_view_set_today (KorakWeekView *self,
                           const GDate   *today)
{
  g_return_if_fail (KORAK_IS_WEEK_VIEW (self));

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    g_date_clear (&self->today, 1);

  rebuild (self);
}

gboolean
korak_week_view_get_narrow (KorakWeekView *self)
{
  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), FALSE);

  return self->narrow;
}

int
korak_week_view_get_first_hour (KorakWeekView *self)
{
  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), DEFAULT_FIRST_HOUR);

  return self->first_hour;
}

int
korak_week_view_get_last_hour (KorakWeekView *self)
{
  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), DEFAULT_LAST_HOUR);

  return self->last_hour;
}

gboolean
korak_week_view_get_day_visible (KorakWeekView *self,
                                 GDateWeekday   weekday)
{
  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), FALSE);
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, FALSE);

  return self->day_visible[weekday - 1];
}

gboolean
korak_week_view_get_day_area (KorakWeekView   *self,
                              GDateWeekday     weekday,
                              graphene_rect_t *area)
{
  int column;

  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), FALSE);
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (self->narrow || !self->day_visible[weekday - 1] || self->column_width <= 0)
    return FALSE;

  column = self->columns[weekday - 1];
  if (column < 0)
    return FALSE;

  graphene_rect_init (area,
                      HOUR_COLUMN_WIDTH + column * self->column_width,
                      self->grid_top,
                      self->column_width,
                      (self->last_hour - self->first_hour) * self->hour_height);
  return TRUE;
}

guint
korak_week_view_get_n_blocks (KorakWeekView *self)
{
  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), 0);

  return self->blocks->len;
}

GtkWidget *
korak_week_view_get_block_for_id (KorakWeekView *self,
                                  gint64         id)
{
  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (korak_session_get_id (block->session) == id)
        return block->widget;
    }

  return NULL;
}

GtkWidget *
korak_week_view_get_row_for_id (KorakWeekView *self,
                                gint64         id)
{
  g_return_val_if_fail (KORAK_IS_WEEK_VIEW (self), NULL);

  return g_hash_table_lookup (self->rows, &id);
}

KorakSession *
korak_week_view_get_widget_session (GtkWidget *block_or_row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (block_or_row), NULL);

  return g_object_get_data (G_OBJECT (block_or_row), "korak-session");
}

const char *
korak_week_view_get_accessible_label (GtkWidget *block_or_row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (block_or_row), NULL);

  return g_object_get_data (G_OBJECT (block_or_row), "korak-accessible-label");
}
