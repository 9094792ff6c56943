/* korak-chart-data.c
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "korak-chart-data"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "korak-chart-data.h"
#include "korak-date.h"

/* ------------------------------------------------------------------ clear */

void
korak_star_data_clear (KorakStarData *data)
{
  g_return_if_fail (data != NULL);

  for (guint i = 0; i < data->n_axes; i++)
    g_free (data->axes[i]);
  g_clear_pointer (&data->axes, g_free);
  for (guint i = 0; i < data->n_series; i++)
    {
      g_free (data->series[i].label);
      g_free (data->series[i].kind);
      g_free (data->series[i].scores);
    }
  g_clear_pointer (&data->series, g_free);
  data->n_axes = data->n_series = 0;
}

void
korak_line_data_clear (KorakLineData *data)
{
  g_return_if_fail (data != NULL);

  for (guint i = 0; i < data->n_series; i++)
    {
      g_free (data->series[i].label);
      for (guint j = 0; j < data->series[i].n_points; j++)
        {
          g_free (data->series[i].points[j].date);
          g_free (data->series[i].points[j].kind);
        }
      g_free (data->series[i].points);
    }
  g_clear_pointer (&data->series, g_free);
  data->n_series = 0;
}

void
korak_attendance_data_clear (KorakAttendanceData *data)
{
  g_return_if_fail (data != NULL);

  g_clear_pointer (&data->hours2, g_free);
  g_clear_pointer (&data->module_format2, g_free);
  g_clear_pointer (&data->required_format2, g_free);

  for (guint i = 0; i < data->n_weeks; i++)
    g_free (data->weeks[i].monday);
  g_clear_pointer (&data->weeks, g_free);
  data->n_weeks = 0;
  data->required_per_week = 0;
}

void
korak_bar_data_clear (KorakBarData *data)
{
  g_return_if_fail (data != NULL);

  for (guint i = 0; i < data->n_bars; i++)
    g_free (data->bars[i].label);
  g_clear_pointer (&data->bars, g_free);
  g_clear_pointer (&data->title, g_free);
  data->n_bars = 0;
}

/* ------------------------------------------------------------------- star */

static char *
series_label (const KorakAssessmentRecord *record)
{
  g_autofree char *date = korak_date_format (record->date);

  /* Translators: a series of the star chart, "Intake 2. 3. 2026" */
  return g_strdup_printf (_("%s %s"), korak_choice_label (korak_assessment_kinds (), record->kind), date);
}

/* Axes are @areas (KorakAreaRecord*), series the @n_records assessments. */
static void
fill_star (KorakStarData                      *data,
           GPtrArray                          *areas,
           const KorakAssessmentRecord *const *records,
           guint                               n_records)
{
  data->n_axes = areas->len;
  data->axes = g_new0 (char *, data->n_axes + 1);
  for (guint i = 0; i < data->n_axes; i++)
    data->axes[i] = g_strdup (korak_competency_area_label (((KorakAreaRecord *)g_ptr_array_index (areas, i))->name));

  data->n_series = n_records;
  data->series = g_new0 (KorakStarSeries, MAX (n_records, 1));
  for (guint s = 0; s < n_records; s++)
    {
      const KorakAssessmentRecord *r = records[s];

      data->series[s].label = series_label (r);
      data->series[s].kind = g_strdup (r->kind);
      data->series[s].scores = g_new0 (double, MAX (data->n_axes, 1));
      for (guint a = 0; a < data->n_axes; a++)
        data->series[s].scores[a] =
          korak_assessment_record_get_score (r, ((KorakAreaRecord *)g_ptr_array_index (areas, a))->id);
    }
}

void
korak_star_data_fill (KorakStarData          *data,
                      const KorakStarSummary *summary)
{
  g_return_if_fail (data != NULL);

  korak_star_data_clear (data);
  if (summary == NULL)
    return;

  fill_star (data, summary->areas,
             (const KorakAssessmentRecord *const *) summary->assessments->pdata,
             summary->assessments->len);
}

void
korak_star_data_fill_first_last (KorakStarData          *data,
                                 const KorakStarSummary *summary)
{
  g_autoptr(GPtrArray) areas = NULL;
  const KorakAssessmentRecord *records[2];
  guint n = 0;

  g_return_if_fail (data != NULL);

  korak_star_data_clear (data);
  if (summary == NULL)
    return;

  if (summary->assessments->len > 0)
    records[n++] = g_ptr_array_index (summary->assessments, 0);
  if (summary->assessments->len > 1)
    records[n++] = g_ptr_array_index (summary->assessments, summary->assessments->len - 1);

  /* The summary adds retired areas scored in any of its assessments; keep
   * those only when the two chosen here scored them. */
  areas = g_ptr_array_new ();
  for (guint i = 0; i < summary->areas->len; i++)
    {
      KorakAreaRecord *area = g_ptr_array_index (summary->areas, i);
      gboolean keep = area->retired_at == NULL || *area->retired_at == '\0';

      for (guint s = 0; s < n && !keep; s++)
        keep = korak_assessment_record_get_score (records[s], area->id) > 0;
      if (keep)
        g_ptr_array_add (areas, area);
    }

  fill_star (data, areas, records, n);
}

/* ------------------------------------------------------------------- line */

void
korak_line_data_fill (KorakLineData           *data,
                      const KorakProgressLine *line)
{
  g_return_if_fail (data != NULL);

  korak_line_data_clear (data);
  if (line == NULL)
    return;

  data->n_series = 1;
  data->series = g_new0 (KorakLineSeries, 1);
  data->series[0].label = g_strdup (line->area_id == 0 || line->area_name == NULL
                                    ? _("Average")
                                    : korak_competency_area_label (line->area_name));
  data->series[0].n_points = line->points->len;
  data->series[0].points = g_new0 (KorakLinePoint, MAX (line->points->len, 1));
  for (guint i = 0; i < line->points->len; i++)
    {
      const KorakProgressPoint *p = &g_array_index (line->points, KorakProgressPoint, i);

      data->series[0].points[i].date = g_strdup (p->date);
      data->series[0].points[i].kind = g_strdup (p->kind);
      data->series[0].points[i].value = p->value;
    }
}

/* ------------------------------------------------------------- attendance */

void
korak_attendance_data_fill (KorakAttendanceData *data,
                            GArray              *weeks,
                            double               required_per_week)
{
  g_return_if_fail (data != NULL);

  korak_attendance_data_clear (data);
  if (weeks == NULL)
    return;

  data->required_per_week = required_per_week;
  data->n_weeks = weeks->len;
  data->weeks = g_new0 (KorakAttendanceWeek, MAX (weeks->len, 1));
  for (guint i = 0; i < weeks->len; i++)
    {
      const KorakWeekHours *w = &g_array_index (weeks, KorakWeekHours, i);

      data->weeks[i].monday = g_strdup (w->monday);
      data->weeks[i].hours = w->hours;
      data->weeks[i].module = w->module;
    }
}

/* ------------------------------------------------------------------- bars */

void
korak_bar_data_fill_exits (KorakBarData *data,
                           GPtrArray    *exits)
{
  guint n;

  g_return_if_fail (data != NULL);

  korak_bar_data_clear (data);
  data->title = g_strdup (_("Exits by reason"));
  n = exits != NULL ? exits->len : 0;
  data->n_bars = n;
  data->bars = g_new0 (KorakBar, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const KorakExitCount *e = g_ptr_array_index (exits, i);

      data->bars[i].label = g_strdup (korak_choice_label (korak_exit_reasons (), e->reason));
      data->bars[i].value = e->count;
      data->bars[i].positive = e->positive;
    }
}

guint
korak_bar_data_fill_change_bands (KorakBarData *data,
                                  GPtrArray    *changes)
{
  guint bands[KORAK_CHANGE_N_BANDS] = { 0 };
  guint counted = 0;

  g_return_val_if_fail (data != NULL, 0);

  korak_bar_data_clear (data);
  data->title = g_strdup (_("Change in average score, intake to exit or latest"));
  if (changes != NULL)
    counted = korak_progress_change_bands (changes, bands);
  if (counted == 0)
    return 0;

  data->n_bars = KORAK_CHANGE_N_BANDS;
  data->bars = g_new0 (KorakBar, KORAK_CHANGE_N_BANDS);
  for (guint i = 0; i < KORAK_CHANGE_N_BANDS; i++)
    {
      data->bars[i].label = g_strdup (korak_progress_change_band_label (i));
      data->bars[i].value = bands[i];
      data->bars[i].positive = FALSE;  /* "positive" means an exit there */
    }
  return counted;
}
