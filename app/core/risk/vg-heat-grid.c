/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-grid"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-crs-transform.h"
#include "vg-error.h"
#include "vg-geos-context.h"
#include "vg-heat-day.h"
#include "vg-heat-grid.h"
#include "vg-heat-index.h"
#include "vg-polygon-index.h"

#define N_Q VG_N_HEAT_QUANTITIES
/* Cells interpolate between their 4 nearest forecast points, the corners around them on a lattice. */
#define MAX_NEIGHBOURS 4

typedef struct {
  double x, y;
  int    district;
} Cell;

struct _VgHeatGrid
{
  GObject          parent_instance;

  VgHeatDistricts *districts;
  GArray          *cells;            /* of Cell */

  /* Results of the last computation. */
  guint            n_days;
  double          *cell_peaks;       /* (cell × n_days + day) × N_Q + quantity */
  double          *district_means;   /* (district × n_days + day) × N_Q + quantity */
  double          *district_maxima;
};

G_DEFINE_FINAL_TYPE (VgHeatGrid, vg_heat_grid, G_TYPE_OBJECT)

static void
vg_heat_grid_finalize (GObject *object)
{
  VgHeatGrid *self = VG_HEAT_GRID (object);

  g_clear_object (&self->districts);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->cell_peaks, g_free);
  g_clear_pointer (&self->district_means, g_free);
  g_clear_pointer (&self->district_maxima, g_free);

  G_OBJECT_CLASS (vg_heat_grid_parent_class)->finalize (object);
}

static void
vg_heat_grid_class_init (VgHeatGridClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_heat_grid_finalize;
}

static void
vg_heat_grid_init (VgHeatGrid *self)
{
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
}

VgHeatGrid *
vg_heat_grid_new (VgGpkg           *gpkg,
                  VgHeatDistricts  *districts,
                  double            cell_size,
                  GError          **error)
{
  g_autoptr(VgHeatGrid) self = NULL;
  g_autoptr(VgLayer) layer = NULL;
  g_autoptr(VgGeosContext) geos = NULL;
  g_autoptr(VgShapeSet) outline = NULL;
  g_autoptr(VgPolygonIndex) index = NULL;
  double box[4];

  g_return_val_if_fail (VG_IS_GPKG (gpkg), NULL);
  g_return_val_if_fail (VG_IS_HEAT_DISTRICTS (districts), NULL);
  g_return_val_if_fail (cell_size > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((layer = vg_gpkg_read_layer (gpkg, "metropole", NULL, error)) == NULL)
    return NULL;
  if (g_strcmp0 (vg_layer_get_crs (layer), VG_CRS_LAMBERT93) != 0)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS, "%s: layer “metropole” is in %s, not %s",
                   vg_gpkg_get_path (gpkg), vg_layer_get_crs (layer), VG_CRS_LAMBERT93);
      return NULL;
    }
  geos = vg_geos_context_new ();
  if ((outline = vg_geos_context_repair_polygons (geos, vg_layer_get_shapes (layer), NULL, error)) == NULL ||
      (index = vg_polygon_index_new (outline, error)) == NULL)
    {
      g_prefix_error (error, "%s: layer “metropole”: ", vg_gpkg_get_path (gpkg));
      return NULL;
    }
  if (!vg_shape_set_get_extent (outline, box))
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND, "%s: layer “metropole” has no outline",
                   vg_gpkg_get_path (gpkg));
      return NULL;
    }

  self = g_object_new (VG_TYPE_HEAT_GRID, NULL);
  self->districts = g_object_ref (districts);
  /* Cells aligned on multiples of the cell size, so grids of a size share their cells. */
  for (double y = floor (box[1] / cell_size) * cell_size + cell_size / 2; y < box[3]; y += cell_size)
    for (double x = floor (box[0] / cell_size) * cell_size + cell_size / 2; x < box[2]; x += cell_size)
      if (vg_polygon_index_locate (index, x, y) >= 0)
        {
          Cell cell = { x, y, vg_heat_districts_locate (districts, x, y) };

          g_array_append_val (self->cells, cell);
        }
  return g_steal_pointer (&self);
}

guint
vg_heat_grid_get_n_cells (VgHeatGrid *self)
{
  g_return_val_if_fail (VG_IS_HEAT_GRID (self), 0);

  return self->cells->len;
}

void
vg_heat_grid_get_cell (VgHeatGrid *self,
                       guint       cell,
                       double     *x,
                       double     *y,
                       int        *district)
{
  const Cell *c;

  g_return_if_fail (VG_IS_HEAT_GRID (self));
  g_return_if_fail (cell < self->cells->len);

  c = &g_array_index (self->cells, Cell, cell);
  if (x != NULL)
    *x = c->x;
  if (y != NULL)
    *y = c->y;
  if (district != NULL)
    *district = c->district;
}

/* The day hours of a day (06:00–18:00 UTC): forecast hours [first, last). */
typedef struct {
  gsize first, last;
} DayHours;

/* What every worker reads: the forecast points, hourly, and the days. */
typedef struct {
  VgHeatGrid    *grid;
  guint          n_points;
  double        *px, *py;            /* Lambert-93 positions of the points */
  gsize          n_hours;
  double        *t, *e, *wind;       /* point × n_hours */
  gboolean      *night;              /* n_hours */
  DayHours      *day_hours;          /* n_days */
  guint          n_days;
} Inputs;

typedef struct {
  const Inputs *in;
  guint         first, last;         /* cells [first, last) */
} Work;

/* The (at most) MAX_NEIGHBOURS forecast points nearest to @cell into @nearest, with their
 * inverse-distance weights (power 2) into @w; a point within 1 m takes it all. Returns how many. */
static guint
cell_weights (const Inputs *in,
              const Cell   *cell,
              guint        *nearest,
              double       *w)
{
  double d2[MAX_NEIGHBOURS] = { 0 };
  guint n = 0;
  double sum = 0;

  for (guint k = 0; k < in->n_points; k++)
    {
      double dx = cell->x - in->px[k], dy = cell->y - in->py[k];
      double dk = dx * dx + dy * dy;
      guint at;

      if (n == MAX_NEIGHBOURS && dk >= d2[n - 1])
        continue;
      /* Insertion into the sorted short list. */
      at = n < MAX_NEIGHBOURS ? n++ : n - 1;
      while (at > 0 && d2[at - 1] > dk)
        {
          d2[at] = d2[at - 1];
          nearest[at] = nearest[at - 1];
          at--;
        }
      d2[at] = dk;
      nearest[at] = k;
    }
  if (n == 1 || d2[0] < 1.0)
    {
      w[0] = 1.0;
      return 1;
    }
  for (guint j = 0; j < n; j++)
    sum += (w[j] = 1.0 / d2[j]);
  for (guint j = 0; j < n; j++)
    w[j] /= sum;
  return n;
}

static gpointer
compute_cells (gpointer data)
{
  Work *work = data;
  const Inputs *in = work->in;
  VgHeatGrid *self = in->grid;
  gsize n = in->n_hours;
  double w[MAX_NEIGHBOURS];
  guint nearest[MAX_NEIGHBOURS];
  g_autofree double *buf = g_new (double, 3 * n + (N_Q - 1) * n);
  double *t = buf, *e = buf + n, *wind = buf + 2 * n, *out = buf + 3 * n;

  for (guint c = work->first; c < work->last; c++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, c);
      double *peaks = self->cell_peaks + (gsize) c * in->n_days * N_Q;
      double uhi_night, uhi_day;
      guint n_near;

      if (cell->district < 0)
        continue;
      uhi_night = vg_heat_districts_get_uhi (self->districts, cell->district, TRUE);
      uhi_day = vg_heat_districts_get_uhi (self->districts, cell->district, FALSE);
      n_near = cell_weights (in, cell, nearest, w);
      for (gsize h = 0; h < n; h++)
        {
          t[h] = in->night[h] ? uhi_night : uhi_day;
          e[h] = 0;
          wind[h] = 0;
        }
      for (guint j = 0; j < n_near; j++)
        {
          gsize k = nearest[j];
          const double *tk = in->t + k * n, *ek = in->e + k * n, *wk = in->wind + k * n;

#pragma omp simd
          for (gsize h = 0; h < n; h++)
            {
              t[h] += w[j] * tk[h];
              e[h] += w[j] * ek[h];
              wind[h] += w[j] * wk[h];
            }
        }
      vg_heat_index_compute_batch (n, t, e, wind, out, out + n, out + 2 * n, out + 3 * n);
      for (guint d = 0; d < in->n_days; d++)
        for (guint q = 0; q < N_Q; q++)
          {
            const double *v = q == VG_HEAT_QUANTITY_TEMPERATURE ? t : out + (q - 1) * n;
            double peak = -INFINITY;

            /* NaN (an undefined index) never compares greater: it is skipped. */
            for (gsize h = in->day_hours[d].first; h < in->day_hours[d].last; h++)
              peak = v[h] > peak ? v[h] : peak;
            peaks[d * N_Q + q] = peak > -INFINITY ? peak : NAN;
          }
    }
  return NULL;
}

/* Checks that the forecasts fit together and reads their hourly inputs. */
static gboolean
prepare_inputs (Inputs             *in,
                VgHourlyForecast  **forecasts,
                guint               n_forecasts,
                GError            **error)
{
  const gint64 *times = vg_hourly_forecast_get_times (forecasts[0]);
  g_autoptr(VgCrsTransform) to_l93 = NULL;
  g_autoptr(GArray) days = NULL;
  gsize n = vg_hourly_forecast_get_n_hours (forecasts[0]);

  in->n_points = n_forecasts;
  in->n_hours = n;
  in->px = g_new (double, n_forecasts);
  in->py = g_new (double, n_forecasts);
  in->t = g_new (double, n_forecasts * n);
  in->e = g_new (double, n_forecasts * n);
  in->wind = g_new (double, n_forecasts * n);
  for (guint k = 0; k < n_forecasts; k++)
    {
      VgHourlyForecast *f = forecasts[k];
      const double *t = vg_hourly_forecast_get_temperature (f);
      const double *rh = vg_hourly_forecast_get_humidity (f);
      const double *wind = vg_hourly_forecast_get_wind (f);

      if (vg_hourly_forecast_get_n_hours (f) != n ||
          memcmp (vg_hourly_forecast_get_times (f), times, n * sizeof (gint64)) != 0)
        {
          g_set_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST,
                       "Forecast %u (%s): not the same hours as forecast 1", k + 1, vg_hourly_forecast_get_source (f));
          return FALSE;
        }
      in->px[k] = vg_hourly_forecast_get_longitude (f);
      in->py[k] = vg_hourly_forecast_get_latitude (f);
      if (n_forecasts > 1)
        {
          if (isnan (in->px[k]) || isnan (in->py[k]))
            {
              g_set_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST,
                           "Forecast %u (%s): no position, needed to interpolate between %u points",
                           k + 1, vg_hourly_forecast_get_source (f), n_forecasts);
              return FALSE;
            }
          if (to_l93 == NULL && (to_l93 = vg_crs_transform_new (VG_CRS_WGS84, VG_CRS_LAMBERT93, error)) == NULL)
            return FALSE;
          if (!vg_crs_transform_point (to_l93, &in->px[k], &in->py[k], error))
            return FALSE;
        }
      for (gsize h = 0; h < n; h++)
        {
          in->t[k * n + h] = t[h];
          in->e[k * n + h] = rh != NULL ? rh[h] / 100.0 * vg_heat_index_saturation_vapour_pressure (t[h]) : NAN;
          in->wind[k * n + h] = wind != NULL ? wind[h] : NAN;
        }
    }

  days = vg_heat_day_list (times, n, vg_hourly_forecast_get_zone (forecasts[0]));
  in->n_days = days->len;
  in->night = g_new (gboolean, n);
  for (gsize h = 0; h < n; h++)
    in->night[h] = vg_heat_risk_is_night_hour (times[h]);
  in->day_hours = g_new (DayHours, days->len);
  for (guint d = 0; d < days->len; d++)
    {
      const VgHeatDay *day = &g_array_index (days, VgHeatDay, d);
      gsize h = 0;

      while (h < n && times[h] < day->tx_start)
        h++;
      in->day_hours[d].first = h;
      while (h < n && times[h] < day->tx_start + 12 * G_TIME_SPAN_HOUR)
        h++;
      in->day_hours[d].last = h;
    }
  return TRUE;
}

static void
clear_inputs (Inputs *in)
{
  g_free (in->px);
  g_free (in->py);
  g_free (in->t);
  g_free (in->e);
  g_free (in->wind);
  g_free (in->night);
  g_free (in->day_hours);
}

/* Means and maxima of the cell peaks per district. */
static void
aggregate (VgHeatGrid *self)
{
  guint n_districts = vg_heat_districts_get_n_districts (self->districts);
  gsize size = (gsize) n_districts * self->n_days * N_Q;
  g_autofree guint *counts = g_new0 (guint, size);

  self->district_means = g_new0 (double, size);
  self->district_maxima = g_new (double, size);
  for (gsize i = 0; i < size; i++)
    self->district_maxima[i] = NAN;
  for (guint c = 0; c < self->cells->len; c++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, c);

      if (cell->district < 0)
        continue;
      for (guint i = 0; i < self->n_days * N_Q; i++)
        {
          double v = self->cell_peaks[(gsize) c * self->n_days * N_Q + i];
          gsize j = (gsize) cell->district * self->n_days * N_Q + i;

          if (isnan (v))
            continue;
          self->district_means[j] += v;
          counts[j]++;
          if (isnan (self->district_maxima[j]) || v > self->district_maxima[j])
            self->district_maxima[j] = v;
        }
    }
  for (gsize j = 0; j < size; j++)
    self->district_means[j] = counts[j] > 0 ? self->district_means[j] / counts[j] : NAN;
}

gboolean
vg_heat_grid_compute (VgHeatGrid        *self,
                      VgHourlyForecast **forecasts,
                      guint              n_forecasts,
                      guint              n_threads,
                      GError           **error)
{
  Inputs in = { .grid = self };
  g_autofree Work *work = NULL;
  g_autofree GThread **threads = NULL;
  gsize n_peaks;

  g_return_val_if_fail (VG_IS_HEAT_GRID (self), FALSE);
  g_return_val_if_fail (forecasts != NULL && n_forecasts > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_pointer (&self->cell_peaks, g_free);
  g_clear_pointer (&self->district_means, g_free);
  g_clear_pointer (&self->district_maxima, g_free);
  self->n_days = 0;
  if (!prepare_inputs (&in, forecasts, n_forecasts, error))
    {
      clear_inputs (&in);
      return FALSE;
    }

  self->n_days = in.n_days;
  n_peaks = (gsize) self->cells->len * in.n_days * N_Q;
  self->cell_peaks = g_new (double, n_peaks);
  for (gsize i = 0; i < n_peaks; i++)
    self->cell_peaks[i] = NAN;

  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, MAX (self->cells->len, 1));
  work = g_new (Work, n_threads);
  threads = g_new0 (GThread *, n_threads);
  for (guint i = 0; i < n_threads; i++)
    {
      work[i] = (Work) { &in, (guint) ((guint64) self->cells->len * i / n_threads),
                         (guint) ((guint64) self->cells->len * (i + 1) / n_threads) };
      /* The calling thread takes the last share itself. */
      if (i + 1 < n_threads)
        threads[i] = g_thread_new ("vg-heat-grid", compute_cells, &work[i]);
    }
  compute_cells (&work[n_threads - 1]);
  for (guint i = 0; i + 1 < n_threads; i++)
    g_thread_join (threads[i]);

  aggregate (self);
  clear_inputs (&in);
  return TRUE;
}

guint
vg_heat_grid_get_n_days (VgHeatGrid *self)
{
  g_return_val_if_fail (VG_IS_HEAT_GRID (self), 0);

  return self->n_days;
}

double
vg_heat_grid_get_cell_peak (VgHeatGrid     *self,
                            guint           cell,
                            guint           day,
                            VgHeatQuantity  quantity)
{
  g_return_val_if_fail (VG_IS_HEAT_GRID (self), NAN);
  g_return_val_if_fail (cell < self->cells->len && day < self->n_days && quantity < N_Q, NAN);

  return self->cell_peaks[((gsize) cell * self->n_days + day) * N_Q + quantity];
}

double
vg_heat_grid_get_district_mean (VgHeatGrid     *self,
                                guint           district,
                                guint           day,
                                VgHeatQuantity  quantity)
{
  g_return_val_if_fail (VG_IS_HEAT_GRID (self), NAN);
  g_return_val_if_fail (district < vg_heat_districts_get_n_districts (self->districts), NAN);
  g_return_val_if_fail (day < self->n_days && quantity < N_Q, NAN);

  return self->district_means[((gsize) district * self->n_days + day) * N_Q + quantity];
}

double
vg_heat_grid_get_district_max (VgHeatGrid     *self,
                               guint           district,
                               guint           day,
                               VgHeatQuantity  quantity)
{
  g_return_val_if_fail (VG_IS_HEAT_GRID (self), NAN);
  g_return_val_if_fail (district < vg_heat_districts_get_n_districts (self->districts), NAN);
  g_return_val_if_fail (day < self->n_days && quantity < N_Q, NAN);

  return self->district_maxima[((gsize) district * self->n_days + day) * N_Q + quantity];
}
