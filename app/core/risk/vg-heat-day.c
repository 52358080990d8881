/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-day"

#include "config.h"

#include <math.h>

#include "vg-heat-day.h"

/* Local calendar date of @usec in @zone. */
static void
local_date (gint64     usec,
            GTimeZone *zone,
            GDate     *date)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* 00:00 UTC on @date, µs. */
static gint64
utc_midnight (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                 g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

GArray *
vg_heat_day_list (const gint64 *times,
                  gsize         n,
                  GTimeZone    *zone)
{
  GArray *days = g_array_new (FALSE, TRUE, sizeof (VgHeatDay));
  GDate date, last;

  g_return_val_if_fail (n == 0 || times != NULL, days);
  g_return_val_if_fail (zone != NULL, days);

  if (n == 0)
    return days;
  local_date (times[0], zone, &date);
  local_date (times[n - 1], zone, &last);
  for (; g_date_compare (&date, &last) <= 0; g_date_add_days (&date, 1))
    {
      VgHeatDay day = { .date = date, .tn = NAN, .tx = NAN };
      gint64 midnight = utc_midnight (&date);

      day.tn_start = midnight - 6 * G_TIME_SPAN_HOUR;
      day.tn_end = midnight + 6 * G_TIME_SPAN_HOUR;
      day.tx_start = midnight + 6 * G_TIME_SPAN_HOUR;
      day.tx_end = midnight + 30 * G_TIME_SPAN_HOUR;
      g_array_append_val (days, day);
    }
  return days;
}

/* Index of the first of the sorted @times at or after @t. */
static gsize
lower_bound (const gint64 *times,
             gsize         n,
             gint64        t)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (times[mid] < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Minimum (@want_max FALSE) or maximum of the values in [@start, @end); the count of values. */
static double
extreme (const gint64 *times,
         const double *values,
         gsize         n,
         gint64        start,
         gint64        end,
         gboolean      want_max,
         guint        *count)
{
  double result = NAN;

  *count = 0;
  for (gsize i = lower_bound (times, n, start); i < n && times[i] < end; i++)
    {
      if (isnan (values[i]))
        continue;
      if (*count == 0 || (want_max ? values[i] > result : values[i] < result))
        result = values[i];
      (*count)++;
    }
  return result;
}

void
vg_heat_day_compute (VgHeatDay    *days,
                     guint         n_days,
                     const gint64 *times,
                     const double *values,
                     gsize         n)
{
  g_return_if_fail (n_days == 0 || days != NULL);
  g_return_if_fail (n == 0 || (times != NULL && values != NULL));

  for (guint d = 0; d < n_days; d++)
    {
      VgHeatDay *day = &days[d];
      double tn = extreme (times, values, n, day->tn_start, day->tn_end, FALSE, &day->tn_hours);
      double tx = extreme (times, values, n, day->tx_start, day->tx_end, TRUE, &day->tx_hours);

      day->tn = day->tn_hours >= VG_HEAT_DAY_TN_MIN_HOURS ? tn : NAN;
      day->tx = day->tx_hours >= VG_HEAT_DAY_TX_MIN_HOURS ? tx : NAN;
    }
}
