/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-projection"

#include "config.h"

#include <math.h>

#include "vg-error.h"
#include "vg-flood-projection.h"

#define USEC_PER_HOUR (G_USEC_PER_SEC * (gint64) 3600)

struct _VgFloodProjection
{
  GObject                  parent_instance;

  VgFloodLibrary          *library;
  char                    *gauge;
  VgFloodProjectionMethod  method;
  char                    *statement;
  double                   slope, sigma;
  guint                    n_trend;
  GArray                  *steps;       /* VgFloodProjectionStep */
  GArray                  *crossings;   /* VgFloodCrossing */
};

G_DEFINE_FINAL_TYPE (VgFloodProjection, vg_flood_projection, G_TYPE_OBJECT)

/* Student's t, two-sided 95 % (0.975 quantile), by degrees of freedom 1..30; 1.96 beyond. */
static const double t975[] = {
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
  2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
  2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
};

static void
vg_flood_projection_finalize (GObject *object)
{
  VgFloodProjection *self = VG_FLOOD_PROJECTION (object);

  g_clear_object (&self->library);
  g_clear_pointer (&self->gauge, g_free);
  g_clear_pointer (&self->statement, g_free);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->crossings, g_array_unref);

  G_OBJECT_CLASS (vg_flood_projection_parent_class)->finalize (object);
}

static void
vg_flood_projection_class_init (VgFloodProjectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_flood_projection_finalize;
}

static void
vg_flood_projection_init (VgFloodProjection *self)
{
  self->steps = g_array_new (FALSE, FALSE, sizeof (VgFloodProjectionStep));
  self->crossings = g_array_new (FALSE, FALSE, sizeof (VgFloodCrossing));
}

/* The fitted trend: y = a + b x, x in hours from the last reading. */
typedef struct
{
  double a, b, s, t, mean_x, sxx;
  guint  n;
} Trend;

static double
trend_at (const Trend *tr,
          double       x,
          int          side)    /* -1 band bottom, 0 centre, +1 band top */
{
  double half = tr->t * tr->s * sqrt (1.0 + 1.0 / tr->n + (x - tr->mean_x) * (x - tr->mean_x) / tr->sxx);

  return tr->a + tr->b * x + side * half;
}

/* First x in (0, @horizon] where the trend (@side) reaches @stage, to the second; -1 if none. */
static double
trend_crossing (const Trend *tr,
                int          side,
                double       stage,
                double       horizon)
{
  const double minute = 1.0 / 60;

  for (double x0 = 0; x0 < horizon; x0 += minute)
    {
      double x1 = MIN (x0 + minute, horizon);

      if (trend_at (tr, x1, side) >= stage)
        {
          double lo = x0, hi = x1;

          if (trend_at (tr, x0, side) >= stage)
            return x0;
          for (int i = 0; i < 20; i++)
            {
              double mid = (lo + hi) / 2;

              if (trend_at (tr, mid, side) >= stage)
                hi = mid;
              else
                lo = mid;
            }
          return hi;
        }
    }
  return -1;
}

/* First upward crossing of @stage along the polyline (@times, @values), linearly in time
 * between points; -1 if none. */
static gint64
path_crossing (const gint64 *times,
               const double *values,
               guint         n,
               double        stage)
{
  for (guint i = 0; i < n; i++)
    {
      if (values[i] < stage)
        continue;
      if (i == 0)
        return times[0];
      return times[i - 1] + (gint64) llround ((stage - values[i - 1]) / (values[i] - values[i - 1]) * (times[i] - times[i - 1]));
    }
  return -1;
}

/* Start of the exceedance of @stage that the polyline (@times, @values) ends in: its last upward
 * crossing, linearly in time (the first point if it was above all along); -1 if it ends below. A
 * river that rose, fell and rose again is dated by the rise it is in now. */
static gint64
exceedance_start (const gint64 *times,
                  const double *values,
                  guint         n,
                  double        stage)
{
  guint i = n;

  if (n == 0 || values[n - 1] < stage)
    return -1;
  while (i > 0 && values[i - 1] >= stage)
    i--;
  if (i == 0)
    return times[0];
  return times[i - 1] + (gint64) llround ((stage - values[i - 1]) / (values[i] - values[i - 1]) * (times[i] - times[i - 1]));
}

static void
add_step (VgFloodProjection *self,
          gint64             time_us,
          double             stage,
          double             low,
          double             high,
          gboolean           observed)
{
  VgFloodProjectionStep step = { time_us, stage, low, high, observed, -1, -1, -1 };
  int ignored;

  vg_flood_library_bracket (self->library, self->gauge, stage, &step.below, &step.above);
  if (!isnan (high))
    vg_flood_library_bracket (self->library, self->gauge, high, &ignored, &step.above_high);
  g_array_append_val (self->steps, step);
}

VgFloodProjection *
vg_flood_projection_new (VgFloodLibrary           *library,
                         const char               *gauge,
                         VgFloodSeries            *observed,
                         VgFloodSeries            *forecast,
                         const VgFloodTrendParams *params,
                         GError                  **error)
{
  static const VgFloodTrendParams defaults = VG_FLOOD_TREND_DEFAULT;
  g_autoptr(VgFloodProjection) self = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) centre = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) top = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bottom = g_array_new (FALSE, FALSE, sizeof (double));
  const VgFloodStagePoint *obs;
  guint n_obs, first, n_env;
  gint64 now;
  double last;
  Trend tr = { 0 };
  gboolean banded = FALSE;

  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (library), NULL);
  g_return_val_if_fail (gauge != NULL && observed != NULL, NULL);

  if (params == NULL)
    params = &defaults;
  if (!vg_flood_library_get_gauge_range (library, gauge, &first, &n_env))
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND, "Envelope library “%s” has no envelope for gauge %s",
                   vg_flood_library_get_name (library), gauge);
      return NULL;
    }
  n_obs = vg_flood_series_get_length (observed);
  if (n_obs == 0)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED, "Gauge %s: no reading to project from", gauge);
      return NULL;
    }

  self = g_object_new (VG_TYPE_FLOOD_PROJECTION, NULL);
  self->library = g_object_ref (library);
  self->gauge = g_strdup (gauge);
  obs = vg_flood_series_get_points (observed);
  now = obs[n_obs - 1].time_us;
  last = obs[n_obs - 1].stage_m;
  add_step (self, now, last, NAN, NAN, TRUE);
  g_array_append_val (times, now);
  g_array_append_val (centre, last);
  g_array_append_val (top, last);
  g_array_append_val (bottom, last);

  if (forecast != NULL && vg_flood_series_get_length (forecast) > 0)
    {
      const VgFloodStagePoint *f = vg_flood_series_get_points (forecast);
      guint n_f = vg_flood_series_get_length (forecast), used = 0;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *end_text = NULL;

      self->method = VG_FLOOD_PROJECTION_FORECAST;
      for (guint i = 0; i < n_f; i++)
        {
          double hi = isnan (f[i].high_m) ? f[i].stage_m : f[i].high_m;
          double lo = isnan (f[i].low_m) ? f[i].stage_m : f[i].low_m;

          if (f[i].time_us <= now)
            continue;
          used++;
          banded |= !isnan (f[i].high_m) || !isnan (f[i].low_m);
          add_step (self, f[i].time_us, f[i].stage_m, f[i].low_m, f[i].high_m, FALSE);
          g_array_append_val (times, f[i].time_us);
          g_array_append_val (centre, f[i].stage_m);
          g_array_append_val (top, hi);
          g_array_append_val (bottom, lo);
        }
      end = g_date_time_new_from_unix_utc (g_array_index (times, gint64, times->len - 1) / G_USEC_PER_SEC);
      end_text = g_date_time_format_iso8601 (end);
      self->statement = g_strdup_printf ("Imported forecast: %u points after the last reading, to %s%s. "
                                         "Stages between envelopes are bracketed, never interpolated.",
                                         used, end_text,
                                         banded ? ", with the forecaster's band" : ", without a band (its uncertainty is not stated)");
    }
  else if (n_obs >= 3 && params->n_readings >= 3)
    {
      guint n = MIN (params->n_readings, n_obs);
      double sx = 0, sy = 0, sxy = 0, ss = 0, horizon = (double) params->horizon_us / USEC_PER_HOUR;
      double step = (double) params->step_us / USEC_PER_HOUR;

      self->method = VG_FLOOD_PROJECTION_TREND;
      for (guint i = n_obs - n; i < n_obs; i++)
        {
          sx += (double) (obs[i].time_us - now) / USEC_PER_HOUR;
          sy += obs[i].stage_m;
        }
      tr.n = n;
      tr.mean_x = sx / n;
      for (guint i = n_obs - n; i < n_obs; i++)
        {
          double dx = (double) (obs[i].time_us - now) / USEC_PER_HOUR - tr.mean_x;

          tr.sxx += dx * dx;
          sxy += dx * (obs[i].stage_m - sy / n);
        }
      tr.b = sxy / tr.sxx;
      tr.a = sy / n - tr.b * tr.mean_x;
      for (guint i = n_obs - n; i < n_obs; i++)
        {
          double r = obs[i].stage_m - (tr.a + tr.b * (double) (obs[i].time_us - now) / USEC_PER_HOUR);

          ss += r * r;
        }
      tr.s = sqrt (ss / (n - 2));
      tr.t = n - 2 <= G_N_ELEMENTS (t975) ? t975[n - 3] : 1.96;
      self->slope = tr.b;
      self->sigma = tr.s;
      self->n_trend = n;
      banded = TRUE;
      for (guint k = 1; step > 0 && k * step <= horizon + 1e-9; k++)
        {
          double x = k * step;
          gint64 t = now + (gint64) k * params->step_us;

          add_step (self, t, trend_at (&tr, x, 0), trend_at (&tr, x, -1), trend_at (&tr, x, +1), FALSE);
        }
      self->statement = g_strdup_printf ("Linear trend, not a forecast: least squares over the last %u readings, "
                                         "%+.3f m/h, residual standard deviation %.3f m; 95 %% prediction interval "
                                         "(Student t, %u degrees of freedom); every %g h for %g h. It assumes the "
                                         "recent change goes on. Stages between envelopes are bracketed, never interpolated.",
                                         n, tr.b, tr.s, n - 2, step, horizon);
    }
  else
    {
      self->method = VG_FLOOD_PROJECTION_NONE;
      self->statement = g_strdup ("Fewer than 3 readings and no forecast: the current stage only, no projection.");
    }

  /* When each envelope's stage is reached: in this rise of the river, or when it will be. */
  for (guint e = first; e < first + n_env; e++)
    {
      double stage = vg_flood_envelope_get_stage (vg_flood_library_get_envelope (library, e));
      VgFloodCrossing c = { e, stage, FALSE, -1, -1, -1 };

      if (last >= stage)
        {
          g_autofree gint64 *ot = g_new (gint64, n_obs);
          g_autofree double *ov = g_new (double, n_obs);

          for (guint i = 0; i < n_obs; i++)
            {
              ot[i] = obs[i].time_us;
              ov[i] = obs[i].stage_m;
            }
          c.already = TRUE;
          c.time_us = c.earliest_us = c.latest_us = exceedance_start (ot, ov, n_obs, stage);
        }
      else if (self->method == VG_FLOOD_PROJECTION_TREND)
        {
          double horizon = (double) params->horizon_us / USEC_PER_HOUR;
          double x = trend_crossing (&tr, 0, stage, horizon);
          double x_early = trend_crossing (&tr, +1, stage, horizon);
          double x_late = trend_crossing (&tr, -1, stage, horizon);

          c.time_us = x >= 0 ? now + (gint64) llround (x * USEC_PER_HOUR) : -1;
          c.earliest_us = x_early >= 0 ? now + (gint64) llround (x_early * USEC_PER_HOUR) : -1;
          c.latest_us = x_late >= 0 ? now + (gint64) llround (x_late * USEC_PER_HOUR) : -1;
        }
      else if (self->method == VG_FLOOD_PROJECTION_FORECAST)
        {
          const gint64 *t = (const gint64 *) (gpointer) times->data;

          c.time_us = path_crossing (t, (const double *) (gpointer) centre->data, times->len, stage);
          c.earliest_us = path_crossing (t, (const double *) (gpointer) top->data, times->len, stage);
          c.latest_us = path_crossing (t, (const double *) (gpointer) bottom->data, times->len, stage);
        }
      g_array_append_val (self->crossings, c);
    }
  return g_steal_pointer (&self);
}

VgFloodProjectionMethod
vg_flood_projection_get_method (VgFloodProjection *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_PROJECTION (self), VG_FLOOD_PROJECTION_NONE);

  return self->method;
}

const char *
vg_flood_projection_get_statement (VgFloodProjection *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_PROJECTION (self), NULL);

  return self->statement;
}

gboolean
vg_flood_projection_get_trend (VgFloodProjection *self,
                               double            *slope_m_per_h,
                               double            *sigma_m,
                               guint             *n_readings)
{
  g_return_val_if_fail (VG_IS_FLOOD_PROJECTION (self), FALSE);

  if (self->method != VG_FLOOD_PROJECTION_TREND)
    return FALSE;
  if (slope_m_per_h != NULL)
    *slope_m_per_h = self->slope;
  if (sigma_m != NULL)
    *sigma_m = self->sigma;
  if (n_readings != NULL)
    *n_readings = self->n_trend;
  return TRUE;
}

const VgFloodProjectionStep *
vg_flood_projection_get_steps (VgFloodProjection *self,
                               guint             *n)
{
  g_return_val_if_fail (VG_IS_FLOOD_PROJECTION (self), NULL);

  if (n != NULL)
    *n = self->steps->len;
  return (const VgFloodProjectionStep *) (gpointer) self->steps->data;
}

const VgFloodCrossing *
vg_flood_projection_get_crossings (VgFloodProjection *self,
                                   guint             *n)
{
  g_return_val_if_fail (VG_IS_FLOOD_PROJECTION (self), NULL);

  if (n != NULL)
    *n = self->crossings->len;
  return (const VgFloodCrossing *) (gpointer) self->crossings->data;
}

static void
add_time (JsonBuilder *b,
          const char  *name,
          gint64       time_us)
{
  json_builder_set_member_name (b, name);
  if (time_us < 0)
    json_builder_add_null_value (b);
  else
    {
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
      g_autofree char *iso = g_date_time_format_iso8601 (t);

      json_builder_add_string_value (b, iso);
    }
}

static void
add_envelope (JsonBuilder    *b,
              VgFloodLibrary *library,
              const char     *name,
              int             index)
{
  json_builder_set_member_name (b, name);
  if (index < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, index)));
}

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       v)
{
  json_builder_set_member_name (b, name);
  if (isnan (v))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, round (v * 1000) / 1000);
}

JsonNode *
vg_flood_projection_to_json (VgFloodProjection *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  static const char * const methods[] = { "forecast", "trend", "none" };

  g_return_val_if_fail (VG_IS_FLOOD_PROJECTION (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "gauge");
  json_builder_add_string_value (b, self->gauge);
  json_builder_set_member_name (b, "method");
  json_builder_add_string_value (b, methods[self->method]);
  json_builder_set_member_name (b, "statement");
  json_builder_add_string_value (b, self->statement);
  json_builder_set_member_name (b, "trend");
  if (self->method == VG_FLOOD_PROJECTION_TREND)
    {
      json_builder_begin_object (b);
      add_number (b, "slope_m_per_h", self->slope);
      add_number (b, "residual_sd_m", self->sigma);
      json_builder_set_member_name (b, "readings");
      json_builder_add_int_value (b, self->n_trend);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->steps->len; i++)
    {
      const VgFloodProjectionStep *s = &g_array_index (self->steps, VgFloodProjectionStep, i);

      json_builder_begin_object (b);
      add_time (b, "time", s->time_us);
      add_number (b, "stage_m", s->stage_m);
      add_number (b, "stage_low_m", s->low_m);
      add_number (b, "stage_high_m", s->high_m);
      json_builder_set_member_name (b, "observed");
      json_builder_add_boolean_value (b, s->observed);
      add_envelope (b, self->library, "below", s->below);
      add_envelope (b, self->library, "above", s->above);
      add_envelope (b, self->library, "above_band", s->above_high);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "crossings");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->crossings->len; i++)
    {
      const VgFloodCrossing *c = &g_array_index (self->crossings, VgFloodCrossing, i);

      json_builder_begin_object (b);
      add_envelope (b, self->library, "envelope", c->envelope);
      add_number (b, "stage_m", c->stage_m);
      json_builder_set_member_name (b, "already_reached");
      json_builder_add_boolean_value (b, c->already);
      add_time (b, "time", c->time_us);
      add_time (b, "earliest", c->earliest_us);
      add_time (b, "latest", c->latest_us);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
