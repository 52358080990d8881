/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-heat-vigilance.h"
#include "vg-test-util.h"

/* µs of @hour:00 UTC on @day @month 2019. */
static gint64
utc (int month,
     int day,
     int hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2019, month, day, hour, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

/* An hourly series starting at local midnight of @day @month 2019 in Europe/Paris. */
typedef struct {
  GTimeZone *zone;
  gint64    *times;
  double    *values;
  gsize      n;
} Series;

static void
series_init (Series *s,
             int     month,
             int     day,
             gsize   n_hours,
             double  value)
{
  g_autoptr(GDateTime) start = NULL;

  s->zone = g_time_zone_new_identifier ("Europe/Paris");
  g_assert_nonnull (s->zone);
  start = g_date_time_new (s->zone, 2019, month, day, 0, 0, 0);
  s->n = n_hours;
  s->times = g_new (gint64, n_hours);
  s->values = g_new (double, n_hours);
  for (gsize i = 0; i < n_hours; i++)
    {
      s->times[i] = g_date_time_to_unix (start) * G_USEC_PER_SEC + (gint64) i * G_TIME_SPAN_HOUR;
      s->values[i] = value;
    }
}

/* Sets the value at @t (which must be in the series). */
static void
series_set (Series *s,
            gint64  t,
            double  value)
{
  for (gsize i = 0; i < s->n; i++)
    if (s->times[i] == t)
      {
        s->values[i] = value;
        return;
      }
  g_assert_not_reached ();
}

/* Removes the hour @t from the series altogether (a gap in the times). */
static void
series_drop (Series *s,
             gint64  t)
{
  for (gsize i = 0; i < s->n; i++)
    if (s->times[i] == t)
      {
        memmove (&s->times[i], &s->times[i + 1], (s->n - i - 1) * sizeof (gint64));
        memmove (&s->values[i], &s->values[i + 1], (s->n - i - 1) * sizeof (double));
        s->n--;
        return;
      }
  g_assert_not_reached ();
}

static GArray *
series_days (Series *s)
{
  GArray *days = vg_heat_day_list (s->times, s->n, s->zone);

  vg_heat_day_compute ((VgHeatDay *) (void *) days->data, days->len, s->times, s->values, s->n);
  return days;
}

static void
series_clear (Series *s)
{
  g_clear_pointer (&s->zone, g_time_zone_unref);
  g_clear_pointer (&s->times, g_free);
  g_clear_pointer (&s->values, g_free);
}

#define DAY(a, i) (&g_array_index ((a), VgHeatDay, (i)))

static void
assert_value (double value,
              double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (value));
  else
    g_assert_cmpfloat (value, ==, expected);
}

/* The window ends, one marker value each: 18:00 UTC opens Tn(D), 06:00 UTC closes it and opens
 * Tx(D), which keeps the night after D up to 05:00 UTC on D+1. The series starts at local
 * midnight (22:00 UTC), too late for the first night, and ends before the last Tx window closes. */
static void
test_day_windows (void)
{
  Series s;
  g_autoptr(GArray) days = NULL;
  const double tn[] = { NAN, 10, 25, 25 }, tx[] = { 25, 40, 38, NAN };
  const guint tn_hours[] = { 8, 12, 12, 12 }, tx_hours[] = { 24, 24, 24, 16 };

  series_init (&s, 7, 1, 4 * 24, 25.0);
  series_set (&s, utc (7, 1, 18), 10.0);   /* opens Tn(2 July) */
  series_set (&s, utc (7, 3, 6), 11.0);    /* not in Tn(3 July) */
  series_set (&s, utc (7, 2, 6), 40.0);    /* opens Tx(2 July), not in Tx(1 July) */
  series_set (&s, utc (7, 3, 5), 39.0);    /* in Tx(2 July): the night after the day */
  series_set (&s, utc (7, 4, 5), 38.0);    /* in Tx(3 July) */
  series_set (&s, utc (7, 4, 6), 45.0);    /* not in Tx(3 July) */
  days = series_days (&s);

  g_assert_cmpuint (days->len, ==, 4);
  for (guint d = 0; d < days->len; d++)
    {
      g_assert_cmpint (g_date_get_day (&DAY (days, d)->date), ==, 1 + d);
      g_assert_cmpint (DAY (days, d)->tn_start, ==, utc (7, 1 + d, 0) - 6 * G_TIME_SPAN_HOUR);
      g_assert_cmpint (DAY (days, d)->tn_end, ==, utc (7, 1 + d, 6));
      g_assert_cmpint (DAY (days, d)->tx_start, ==, utc (7, 1 + d, 6));
      g_assert_cmpint (DAY (days, d)->tx_end, ==, utc (7, 2 + d, 6));
      assert_value (DAY (days, d)->tn, tn[d]);
      assert_value (DAY (days, d)->tx, tx[d]);
      g_assert_cmpuint (DAY (days, d)->tn_hours, ==, tn_hours[d]);
      g_assert_cmpuint (DAY (days, d)->tx_hours, ==, tx_hours[d]);
    }
  series_clear (&s);
}

/* Three quarters of a window are enough (9 of 12 hours, 18 of 24), whether the missing hours are
 * NaN values or absent from the times. */
static void
test_missing_hours (void)
{
  Series s;
  g_autoptr(GArray) days = NULL;

  /* A night's hours are also in the previous day's Tx window: Tx(2 July) loses 3 + 3 hours,
   * Tx(3 July) 4 + 3. */
  series_init (&s, 7, 1, 5 * 24, 25.0);
  for (int h = 0; h < 3; h++)
    series_set (&s, utc (7, 3, h), NAN);         /* Tn(3 July): 9 of 12 */
  for (int h = 0; h < 4; h++)
    series_drop (&s, utc (7, 4, h));             /* Tn(4 July): 8 of 12 */
  for (int h = 10; h < 13; h++)
    series_set (&s, utc (7, 2, h), NAN);         /* Tx(2 July): 18 of 24 */
  for (int h = 10; h < 13; h++)
    series_drop (&s, utc (7, 3, h));             /* Tx(3 July): 17 of 24 */
  days = series_days (&s);

  g_assert_cmpuint (days->len, ==, 5);
  g_assert_cmpuint (DAY (days, 2)->tn_hours, ==, 9);
  assert_value (DAY (days, 2)->tn, 25.0);
  g_assert_cmpuint (DAY (days, 3)->tn_hours, ==, 8);
  g_assert_true (isnan (DAY (days, 3)->tn));
  g_assert_cmpuint (DAY (days, 1)->tx_hours, ==, 18);
  assert_value (DAY (days, 1)->tx, 25.0);
  g_assert_cmpuint (DAY (days, 2)->tx_hours, ==, 17);
  g_assert_true (isnan (DAY (days, 2)->tx));
  series_clear (&s);
}

/* IBMn(D)/IBMx(D) average D, D+1, D+2; the heatwave criterion needs both thresholds, reached
 * when equal. Every hour is 28 °C except 03:00 UTC (the day's Tn) and 15:00 UTC (its Tx). */
static void
test_ibm_window (void)
{
  const double tn[] = { 19, 20, 23, 21, 22, 23, 24, 18 };
  const double tx[] = { 33, 36, 37, 34, 38, 33, 31, 30 };
  const gboolean heatwave[] = { FALSE, FALSE, TRUE, TRUE, FALSE, FALSE, FALSE, FALSE };
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(VgHourlyForecast) forecast = NULL;
  g_autoptr(GArray) vigilance = NULL;
  g_autoptr(GError) error = NULL;
  Series s;

  series_init (&s, 7, 1, G_N_ELEMENTS (tn) * 24, 28.0);
  for (guint d = 0; d < G_N_ELEMENTS (tn); d++)
    {
      series_set (&s, utc (7, 1 + d, 3), tn[d]);
      series_set (&s, utc (7, 1 + d, 15), tx[d]);
    }
  forecast = vg_hourly_forecast_new ("test", NULL, NAN, NAN, zone, s.n, s.times, s.values, NULL, NULL, &error);
  g_assert_no_error (error);
  vigilance = vg_heat_vigilance_compute (forecast);

  g_assert_cmpuint (vigilance->len, ==, G_N_ELEMENTS (tn));
  for (guint d = 0; d < vigilance->len; d++)
    {
      const VgHeatVigilanceDay *v = &g_array_index (vigilance, VgHeatVigilanceDay, d);
      /* Tn of the first night and Tx of the last day are outside the series. */
      gboolean has_n = d >= 1 && d + 2 < G_N_ELEMENTS (tn);
      gboolean has_x = d + 2 < G_N_ELEMENTS (tx) - 1;

      g_assert_cmpint (g_date_days_between (&v->day.date, &v->window_last), ==, 2);
      assert_value (v->ibmn, has_n ? (tn[d] + tn[d + 1] + tn[d + 2]) / 3 : NAN);
      assert_value (v->ibmx, has_x ? (tx[d] + tx[d + 1] + tx[d + 2]) / 3 : NAN);
      assert_value (v->ibmn_margin, has_n ? v->ibmn - 22.0 : NAN);
      assert_value (v->ibmx_margin, has_x ? v->ibmx - 35.0 : NAN);
      g_assert_cmpint (v->heatwave, ==, heatwave[d]);
    }
  series_clear (&s);
}

/* On 27 October 2019 (25 hours in Paris) the windows stay 12 and 24 hours long: they are fixed in
 * UTC, so Tn opens at 20:00 local in summer time and at 19:00 after the change. */
static void
test_summer_time (void)
{
  Series s;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GDateTime) open_26 = NULL;
  g_autoptr(GDateTime) open_28 = NULL;

  series_init (&s, 10, 26, 24 + 25 + 24, 15.0);
  days = series_days (&s);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpint (g_date_get_day (&DAY (days, 2)->date), ==, 28);
  g_assert_cmpuint (DAY (days, 1)->tx_hours, ==, 24);
  g_assert_cmpuint (DAY (days, 1)->tn_hours, ==, 12);
  g_assert_cmpuint (DAY (days, 2)->tn_hours, ==, 12);

  open_26 = g_date_time_new_from_unix_local (DAY (days, 0)->tn_start / G_USEC_PER_SEC);
  open_28 = g_date_time_new_from_unix_local (DAY (days, 2)->tn_start / G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_get_hour (open_26), ==, 20);   /* TZ=Europe/Paris in the tests */
  g_assert_cmpint (g_date_time_get_hour (open_28), ==, 19);
  series_clear (&s);
}

/* A forecast that cannot be right is refused with the hour and value in the message. */
static void
test_invalid_forecast (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgHourlyForecast) forecast = NULL;
  gint64 times[] = { utc (6, 28, 12), utc (6, 28, 13), utc (6, 28, 14) };
  gint64 backwards[] = { utc (6, 28, 12), utc (6, 28, 11), utc (6, 28, 14) };
  gint64 odd[] = { utc (6, 28, 12), utc (6, 28, 13) + 60 * G_USEC_PER_SEC, utc (6, 28, 14) };
  double t[] = { 30, 31, 32 }, too_hot[] = { 30, 71, 32 }, rh[] = { 40, 101, 40 };

  forecast = vg_hourly_forecast_new ("test", NULL, NAN, NAN, zone, 3, backwards, t, NULL, NULL, &error);
  g_assert_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST);
  g_assert_nonnull (strstr (error->message, "2019-06-28T11:00:00Z"));
  g_clear_error (&error);

  forecast = vg_hourly_forecast_new ("test", NULL, NAN, NAN, zone, 3, odd, t, NULL, NULL, &error);
  g_assert_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST);
  g_assert_nonnull (strstr (error->message, "whole hour"));
  g_clear_error (&error);

  forecast = vg_hourly_forecast_new ("test", NULL, NAN, NAN, zone, 3, times, too_hot, NULL, NULL, &error);
  g_assert_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST);
  g_assert_nonnull (strstr (error->message, "2019-06-28T13:00:00Z"));
  g_assert_nonnull (strstr (error->message, "71"));
  g_clear_error (&error);

  forecast = vg_hourly_forecast_new ("test", NULL, NAN, NAN, zone, 3, times, t, rh, NULL, &error);
  g_assert_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST);
  g_assert_nonnull (strstr (error->message, "humidity"));
  g_assert_null (forecast);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/heat/vigilance/day-windows", test_day_windows);
  g_test_add_func ("/vigie/heat/vigilance/missing-hours", test_missing_hours);
  g_test_add_func ("/vigie/heat/vigilance/ibm-window", test_ibm_window);
  g_test_add_func ("/vigie/heat/vigilance/summer-time", test_summer_time);
  g_test_add_func ("/vigie/heat/vigilance/invalid-forecast", test_invalid_forecast);

  return g_test_run ();
}
