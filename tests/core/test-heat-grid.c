/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-crs-transform.h"
#include "vg-error.h"
#include "vg-heat-grid.h"
#include "vg-heat-index.h"
#include "vg-test-util.h"

typedef struct {
  VgGpkg          *gpkg;
  VgHeatDistricts *districts;
  VgHeatGrid      *grid;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_geodata_path ();

  f->gpkg = vg_gpkg_open (path, &error);
  g_assert_no_error (error);
  f->districts = vg_heat_districts_load (f->gpkg, &error);
  g_assert_no_error (error);
  f->grid = vg_heat_grid_new (f->gpkg, f->districts, 100.0, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->grid);
  g_clear_object (&f->districts);
  g_clear_object (&f->gpkg);
}

/* A 3-day forecast at @lon/@lat: @t °C by day (15:00 UTC), @t − 8 by night, 40 % RH, 3 m/s. */
static VgHourlyForecast *
make_forecast (double lon,
               double lat,
               double t)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2019, 7, 1, 0, 0, 0);
  enum { N = 72 };
  gint64 times[N];
  double temperature[N], rh[N], wind[N];
  VgHourlyForecast *forecast;

  for (guint h = 0; h < N; h++)
    {
      double utc_hour = fmod (h + 22.0, 24.0);

      times[h] = g_date_time_to_unix (start) * G_USEC_PER_SEC + (gint64) h * G_TIME_SPAN_HOUR;
      temperature[h] = t - 4.0 - 4.0 * cos (2 * G_PI * (utc_hour - 3) / 24);
      rh[h] = 40.0;
      wind[h] = 3.0;
    }
  forecast = vg_hourly_forecast_new ("test", NULL, lat, lon, zone, N, times, temperature, rh, wind, &error);
  g_assert_no_error (error);
  return forecast;
}

static guint
find_cell (VgHeatGrid *grid,
           double      x,
           double      y)
{
  for (guint c = 0; c < vg_heat_grid_get_n_cells (grid); c++)
    {
      double cx, cy;

      vg_heat_grid_get_cell (grid, c, &cx, &cy, NULL);
      if (fabs (cx - x) <= 50 && fabs (cy - y) <= 50)
        return c;
    }
  g_assert_not_reached ();
}

/* 100 m cells whose centres are in the Métropole: about its 439.06 km² (SpatiaLite's ST_Area of
 * the outline) in hectares, nearly all in a district. */
static void
test_cells (Fixture       *f,
            gconstpointer  data)
{
  guint n = vg_heat_grid_get_n_cells (f->grid), outside = 0;

  g_assert_cmpfloat_with_epsilon (n, 43906, 43906 * 0.005);
  for (guint c = 0; c < n; c++)
    {
      double x, y;
      int district;

      vg_heat_grid_get_cell (f->grid, c, &x, &y, &district);
      g_assert_cmpfloat (fabs (fmod (x, 100.0)), ==, 50.0);
      g_assert_cmpint (district, ==, vg_heat_districts_locate (f->districts, x, y));
      outside += district < 0;
    }
  g_assert_cmpuint (outside, <, n / 100);
}

/* With one forecast point every cell of a district has the district's own values: the cell peaks
 * and district means are the heat-risk scale's daily peaks for that district. */
static void
test_single_point (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgHourlyForecast) forecast = make_forecast (3.963, 43.5762, 34.0);
  g_autoptr(VgHeatRisk) risk = vg_heat_risk_compute (f->districts, forecast);
  guint comedie = find_cell (f->grid, 771040, 6279234);
  int district;

  g_assert_true (vg_heat_grid_compute (f->grid, &forecast, 1, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vg_heat_grid_get_n_days (f->grid), ==, vg_heat_risk_get_n_days (risk));
  vg_heat_grid_get_cell (f->grid, comedie, NULL, NULL, &district);
  g_assert_cmpstr (vg_heat_districts_get_id (f->districts, district), ==, "34172-MCC");
  for (guint d = 0; d < vg_heat_grid_get_n_days (f->grid); d++)
    for (guint q = 0; q < VG_N_HEAT_QUANTITIES; q++)
      {
        double expected = vg_heat_risk_get_day (risk, district, d)->peak[q];

        g_assert_false (isnan (expected));
        g_assert_cmpfloat_with_epsilon (vg_heat_grid_get_cell_peak (f->grid, comedie, d, q), expected, 1e-9);
        g_assert_cmpfloat_with_epsilon (vg_heat_grid_get_district_mean (f->grid, district, d, q), expected, 1e-9);
        g_assert_cmpfloat_with_epsilon (vg_heat_grid_get_district_max (f->grid, district, d, q), expected, 1e-9);
      }
}

/* Five points, each 6 K warmer than the last: a cell takes the inverse-distance-weighted (power 2)
 * mean of its four nearest, recomputed here from the positions. The district means lie between
 * their cells' extremes. */
static void
test_interpolation (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgCrsTransform) to_l93 = vg_crs_transform_new (VG_CRS_WGS84, VG_CRS_LAMBERT93, &error);
  const double lon[] = { 3.80, 3.95, 3.80, 3.95, 3.60 }, lat[] = { 43.55, 43.55, 43.68, 43.68, 43.60 };
  VgHourlyForecast *forecasts[G_N_ELEMENTS (lon)];
  double px[G_N_ELEMENTS (lon)], py[G_N_ELEMENTS (lon)];
  guint comedie = find_cell (f->grid, 771040, 6279234);
  double cx, cy, w[G_N_ELEMENTS (lon)], d2[G_N_ELEMENTS (lon)], sum = 0, t = 0, farthest = 0;
  int district;

  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (lon); k++)
    {
      forecasts[k] = make_forecast (lon[k], lat[k], 30.0 + 6.0 * k);
      px[k] = lon[k];
      py[k] = lat[k];
      g_assert_true (vg_crs_transform_point (to_l93, &px[k], &py[k], &error));
    }
  g_assert_true (vg_heat_grid_compute (f->grid, forecasts, G_N_ELEMENTS (lon), 2, &error));
  g_assert_no_error (error);

  vg_heat_grid_get_cell (f->grid, comedie, &cx, &cy, &district);
  for (guint k = 0; k < G_N_ELEMENTS (lon); k++)
    {
      d2[k] = (cx - px[k]) * (cx - px[k]) + (cy - py[k]) * (cy - py[k]);
      farthest = MAX (farthest, d2[k]);
    }
  /* The fifth point, far to the west, is the one left out. */
  g_assert_cmpfloat (d2[4], ==, farthest);
  for (guint k = 0; k < 4; k++)
    sum += (w[k] = 1.0 / d2[k]);
  for (guint k = 0; k < 4; k++)
    t += w[k] / sum * (30.0 + 6.0 * k);   /* the day peaks of the points, at 15:00 UTC */
  t += vg_heat_districts_get_uhi (f->districts, district, FALSE);
  g_assert_cmpfloat_with_epsilon (vg_heat_grid_get_cell_peak (f->grid, comedie, 1, VG_HEAT_QUANTITY_TEMPERATURE), t, 1e-9);

  for (guint d = 0; d < vg_heat_districts_get_n_districts (f->districts); d++)
    {
      double mean = vg_heat_grid_get_district_mean (f->grid, d, 1, VG_HEAT_QUANTITY_UTCI);
      double max = vg_heat_grid_get_district_max (f->grid, d, 1, VG_HEAT_QUANTITY_UTCI);

      g_assert_false (isnan (mean));
      g_assert_cmpfloat (mean, <=, max + 1e-9);
    }
  for (guint k = 0; k < G_N_ELEMENTS (lon); k++)
    vg_hourly_forecast_unref (forecasts[k]);
}

/* Forecasts that do not fit together are refused, naming which. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(VgHourlyForecast) a = make_forecast (3.8, 43.6, 30.0);
  g_autoptr(VgHourlyForecast) shorter = NULL;
  g_autoptr(VgHourlyForecast) nowhere = NULL;
  VgHourlyForecast *pair[2];

  shorter = vg_hourly_forecast_new ("short", NULL, 43.6, 3.9, zone, 24, vg_hourly_forecast_get_times (a),
                                    vg_hourly_forecast_get_temperature (a), NULL, NULL, &error);
  g_assert_no_error (error);
  pair[0] = a;
  pair[1] = shorter;
  g_assert_false (vg_heat_grid_compute (f->grid, pair, 2, 1, &error));
  g_assert_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST);
  g_assert_nonnull (strstr (error->message, "Forecast 2 (short)"));
  g_clear_error (&error);

  nowhere = vg_hourly_forecast_new ("nowhere", NULL, NAN, NAN, zone, 72, vg_hourly_forecast_get_times (a),
                                    vg_hourly_forecast_get_temperature (a), NULL, NULL, &error);
  g_assert_no_error (error);
  pair[1] = nowhere;
  g_assert_false (vg_heat_grid_compute (f->grid, pair, 2, 1, &error));
  g_assert_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST);
  g_assert_nonnull (strstr (error->message, "no position"));
  g_assert_cmpuint (vg_heat_grid_get_n_days (f->grid), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vigie/heat/grid/cells", Fixture, NULL, fixture_setup, test_cells, fixture_teardown);
  g_test_add ("/vigie/heat/grid/single-point", Fixture, NULL, fixture_setup, test_single_point, fixture_teardown);
  g_test_add ("/vigie/heat/grid/interpolation", Fixture, NULL, fixture_setup, test_interpolation, fixture_teardown);
  g_test_add ("/vigie/heat/grid/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);

  return g_test_run ();
}
