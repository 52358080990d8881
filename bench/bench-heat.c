/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * Heat engine benchmark: the 100 m grid over the whole Métropole × 7 days hourly, four indices
 * per cell-hour and the district aggregation, the time a new forecast takes to reach the map.
 * Target (issue 6): under 100 ms on the 2-core reference machine. Prints
 * "bench: <figure> | <value> <unit> | <note>" lines.
 */
#define G_LOG_DOMAIN "bench-heat"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "vg-data-dir.h"
#include "vg-heat-grid.h"
#include "vg-heat-index.h"
#include "vg-heat-risk.h"

#define TARGET_MS 100.0
#define CELL_SIZE 100.0
#define RUNS      7
#define N_HOURS   (7 * 24)

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* SYNTHETIC forecasts (not data): a 3 × 3 lattice of points over the Métropole, a heatwave-like
 * diurnal cycle (20 → 36 °C) warmer inland, humidity from a 15 °C dew point, a sea breeze. */
static GPtrArray *
synthetic_forecasts (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2019, 6, 24, 0, 0, 0);
  GPtrArray *forecasts = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_hourly_forecast_unref);

  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      {
        g_autoptr(GError) error = NULL;
        double lat = 43.52 + 0.09 * i, lon = 3.72 + 0.12 * j;
        double inland = 0.8 * i;
        gint64 times[N_HOURS];
        double t[N_HOURS], rh[N_HOURS], wind[N_HOURS];
        double es_dew = vg_heat_index_saturation_vapour_pressure (15.0);

        for (int h = 0; h < N_HOURS; h++)
          {
            double utc_hour = fmod (h - 2 + 24.0, 24.0);

            times[h] = g_date_time_to_unix (start) * G_USEC_PER_SEC + (gint64) h * G_TIME_SPAN_HOUR;
            t[h] = 28.0 + inland + 0.3 * h / 24.0 - 8.0 * cos (2 * G_PI * (utc_hour - 3) / 24);
            rh[h] = MIN (100.0, 100.0 * es_dew / vg_heat_index_saturation_vapour_pressure (t[h]));
            wind[h] = 3.5 - 2.5 * cos (2 * G_PI * (utc_hour - 3) / 24) - 0.3 * i;
          }
        g_ptr_array_add (forecasts, vg_hourly_forecast_new ("synthetic", NULL, lat, lon, zone, N_HOURS,
                                                            times, t, rh, wind, &error));
        g_assert_no_error (error);
      }
  return forecasts;
}

/* Median of @runs timings of the grid computation on @threads threads (0: all). */
static double
time_grid (VgHeatGrid *grid,
           GPtrArray  *forecasts,
           guint       threads,
           double     *best)
{
  double times[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!vg_heat_grid_compute (grid, (VgHourlyForecast **) forecasts->pdata, forecasts->len, threads, &error))
        g_error ("grid: %s", error->message);
      times[r] = elapsed_ms (start);
    }
  qsort (times, RUNS, sizeof (double), compare_double);
  *best = times[0];
  return times[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VgGpkg) gpkg = NULL;
  g_autoptr(VgHeatDistricts) districts = NULL;
  g_autoptr(VgHeatGrid) grid = NULL;
  g_autoptr(GPtrArray) forecasts = NULL;
  g_autoptr(VgHeatRisk) risk = NULL;
  double ms, best, single, single_best;
  guint n_cells, outside = 0;
  gint64 start;

  /* The timings assume idle processors: say how busy they were. */
  {
    g_autofree char *loadavg = NULL;
    g_auto(GStrv) fields = NULL;

    if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL) &&
        g_strv_length (fields = g_strsplit (loadavg, " ", 4)) >= 3)
      g_print ("bench: heat machine load | %s %s %s | 1, 5 and 15 min load averages before the run, %u processors "
               "(other processes slow the timings down)\n", fields[0], fields[1], fields[2], g_get_num_processors ());
  }

  if ((path = vg_data_dir_find ("geodata/montpellier.gpkg", &error)) == NULL ||
      (gpkg = vg_gpkg_open (path, &error)) == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  if ((districts = vg_heat_districts_load (gpkg, &error)) == NULL)
    g_error ("%s", error->message);
  g_print ("bench: heat districts load | %.1f ms | %u districts, built density of 3,356 footprints (GEOS)\n",
           elapsed_ms (start), vg_heat_districts_get_n_districts (districts));

  start = g_get_monotonic_time ();
  if ((grid = vg_heat_grid_new (gpkg, districts, CELL_SIZE, &error)) == NULL)
    g_error ("%s", error->message);
  n_cells = vg_heat_grid_get_n_cells (grid);
  for (guint c = 0; c < n_cells; c++)
    {
      int district;

      vg_heat_grid_get_cell (grid, c, NULL, NULL, &district);
      outside += district < 0;
    }
  g_print ("bench: heat grid build | %.1f ms | %u cells of %.0f m in the metropole outline, %u in no district "
           "(GEOS prepared point-in-polygon, once per geodata)\n", elapsed_ms (start), n_cells, CELL_SIZE, outside);

  forecasts = synthetic_forecasts ();
  ms = time_grid (grid, forecasts, 0, &best);
  g_print ("bench: heat grid 7 days hourly | %.1f ms | median of %d (best %.1f): %u cells x %d h = %.2f M cell-hours, "
           "4 indices + daily peaks + district aggregation, %u threads, %u synthetic forecast points; target < %.0f ms: %s\n",
           ms, RUNS, best, n_cells, N_HOURS, n_cells * (double) N_HOURS / 1e6, g_get_num_processors (),
           forecasts->len, TARGET_MS, ms < TARGET_MS ? "met" : "MISSED");
  g_print ("bench: heat grid per cell-hour | %.1f ns | wall time / cell-hours, all threads\n",
           ms * 1e6 / (n_cells * (double) N_HOURS));
  single = time_grid (grid, forecasts, 1, &single_best);
  g_print ("bench: heat grid 7 days hourly, 1 thread | %.1f ms | median of %d (best %.1f)\n", single, RUNS, single_best);
#ifdef VG_HAVE_TARGET_CLONES
  g_print ("bench: heat batch clone | %s | the CPU %s AVX2 and FMA, so the x86-64-v3 clone of the batch loop %s\n",
           __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma") ? "x86-64-v3" : "default",
           __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma") ? "has" : "lacks",
           __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma") ? "runs" : "is not used");
#else
  g_print ("bench: heat batch clone | default | built without function multi-versioning\n");
#endif

  start = g_get_monotonic_time ();
  risk = vg_heat_risk_compute (districts, g_ptr_array_index (forecasts, 4));
  g_print ("bench: heat district risk 7 days | %.2f ms | %u districts: hourly temperature and indices, daily levels\n",
           elapsed_ms (start), vg_heat_districts_get_n_districts (districts));
  return 0;
}
