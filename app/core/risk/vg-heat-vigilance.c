/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-vigilance"

#include "config.h"

#include <math.h>

#include "vg-heat-vigilance.h"

/* Mean of the @field of days @d, @d+1, @d+2, or NaN if one is missing or the series ends first. */
static double
window_mean (const GArray *days,
             guint         d,
             gboolean      maxima)
{
  double sum = 0;

  if (d + VG_HEAT_VIGILANCE_WINDOW_DAYS > days->len)
    return NAN;
  for (guint i = d; i < d + VG_HEAT_VIGILANCE_WINDOW_DAYS; i++)
    {
      const VgHeatDay *day = &g_array_index (days, VgHeatDay, i);

      sum += maxima ? day->tx : day->tn;   /* a NaN makes the mean NaN */
    }
  return sum / VG_HEAT_VIGILANCE_WINDOW_DAYS;
}

GArray *
vg_heat_vigilance_compute (VgHourlyForecast *forecast)
{
  const gint64 *times = vg_hourly_forecast_get_times (forecast);
  gsize n = vg_hourly_forecast_get_n_hours (forecast);
  g_autoptr(GArray) days = vg_heat_day_list (times, n, vg_hourly_forecast_get_zone (forecast));
  GArray *result = g_array_sized_new (FALSE, TRUE, sizeof (VgHeatVigilanceDay), days->len);

  vg_heat_day_compute ((VgHeatDay *) (void *) days->data, days->len, times,
                       vg_hourly_forecast_get_temperature (forecast), n);
  for (guint d = 0; d < days->len; d++)
    {
      VgHeatVigilanceDay v = { .day = g_array_index (days, VgHeatDay, d) };

      v.window_last = v.day.date;
      g_date_add_days (&v.window_last, VG_HEAT_VIGILANCE_WINDOW_DAYS - 1);
      v.ibmn = window_mean (days, d, FALSE);
      v.ibmx = window_mean (days, d, TRUE);
      v.ibmn_margin = v.ibmn - VG_HEAT_VIGILANCE_IBMN_THRESHOLD;
      v.ibmx_margin = v.ibmx - VG_HEAT_VIGILANCE_IBMX_THRESHOLD;
      v.heatwave = v.ibmn_margin >= 0 && v.ibmx_margin >= 0;   /* FALSE for NaN */
      g_array_append_val (result, v);
    }
  return result;
}
