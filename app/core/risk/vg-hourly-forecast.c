/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-hourly-forecast"

#include "config.h"

#include <math.h>

#include "vg-error.h"
#include "vg-feed-origin.h"
#include "vg-hourly-forecast.h"
#include "vg-quantity.h"

struct _VgHourlyForecast
{
  gatomicrefcount  ref_count;

  char            *source;
  char            *model_run;
  double           latitude, longitude;
  GTimeZone       *zone;
  gsize            n_hours;
  gint64          *times;
  double          *temperature;
  double          *humidity;   /* NULL if absent */
  double          *wind;       /* NULL if absent */
};

G_DEFINE_BOXED_TYPE (VgHourlyForecast, vg_hourly_forecast, vg_hourly_forecast_ref, vg_hourly_forecast_unref)

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return dt != NULL ? g_date_time_format_iso8601 (dt) : g_strdup_printf ("%" G_GINT64_FORMAT " µs", usec);
}

/* FALSE with the error if @values[i] is neither NaN nor within [@min, @max]. */
static gboolean
check_values (const double  *values,
              const gint64  *times,
              gsize          n,
              const char    *what,
              const char    *unit,
              double         min,
              double         max,
              GError       **error)
{
  if (values == NULL)
    return TRUE;
  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]) && !(values[i] >= min && values[i] <= max))
      {
        g_autofree char *when = format_time (times[i]);

        g_set_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST,
                     "Forecast hour %s: %s %g %s is outside %g…%g %s", when, what, values[i], unit,
                     min, max, unit);
        return FALSE;
      }
  return TRUE;
}

VgHourlyForecast *
vg_hourly_forecast_new (const char    *source,
                        const char    *model_run,
                        double         latitude,
                        double         longitude,
                        GTimeZone     *zone,
                        gsize          n_hours,
                        const gint64  *times,
                        const double  *temperature,
                        const double  *humidity,
                        const double  *wind,
                        GError       **error)
{
  VgHourlyForecast *self;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (n_hours == 0 || (times != NULL && temperature != NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (gsize i = 0; i < n_hours; i++)
    if (times[i] % G_TIME_SPAN_HOUR != 0 || (i > 0 && times[i] <= times[i - 1]))
      {
        g_autofree char *when = format_time (times[i]);

        g_set_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST,
                     "Forecast hour %s (number %" G_GSIZE_FORMAT "): %s", when, i + 1,
                     times[i] % G_TIME_SPAN_HOUR != 0 ? "not on a whole hour" : "not after the previous hour");
        return NULL;
      }
  if (!check_values (temperature, times, n_hours, "temperature", "°C", -80.0, 60.0, error) ||
      !check_values (humidity, times, n_hours, "relative humidity", "%", 0.0, 100.0, error) ||
      !check_values (wind, times, n_hours, "wind speed", "m/s", 0.0, 100.0, error))
    return NULL;

  self = g_new0 (VgHourlyForecast, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->source = g_strdup (source);
  self->model_run = g_strdup (model_run);
  self->latitude = latitude;
  self->longitude = longitude;
  self->zone = g_time_zone_ref (zone);
  self->n_hours = n_hours;
  self->times = g_memdup2 (times, n_hours * sizeof (gint64));
  self->temperature = g_memdup2 (temperature, n_hours * sizeof (double));
  self->humidity = humidity != NULL ? g_memdup2 (humidity, n_hours * sizeof (double)) : NULL;
  self->wind = wind != NULL ? g_memdup2 (wind, n_hours * sizeof (double)) : NULL;
  return self;
}

VgHourlyForecast *
vg_hourly_forecast_ref (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vg_hourly_forecast_unref (VgHourlyForecast *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->source);
  g_free (self->model_run);
  g_time_zone_unref (self->zone);
  g_free (self->times);
  g_free (self->temperature);
  g_free (self->humidity);
  g_free (self->wind);
  g_free (self);
}

const char *
vg_hourly_forecast_get_source (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

const char *
vg_hourly_forecast_get_model_run (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->model_run;
}

double
vg_hourly_forecast_get_latitude (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->latitude;
}

double
vg_hourly_forecast_get_longitude (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->longitude;
}

GTimeZone *
vg_hourly_forecast_get_zone (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->zone;
}

gsize
vg_hourly_forecast_get_n_hours (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_hours;
}

const gint64 *
vg_hourly_forecast_get_times (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->times;
}

const double *
vg_hourly_forecast_get_temperature (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temperature;
}

const double *
vg_hourly_forecast_get_humidity (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->humidity;
}

const double *
vg_hourly_forecast_get_wind (VgHourlyForecast *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->wind;
}

VgHourlyForecast *
vg_hourly_forecast_new_from_forecast (VgForecast  *forecast,
                                      GTimeZone   *zone,
                                      GError     **error)
{
  g_autofree char *run = NULL;
  gint64 model_run;

  g_return_val_if_fail (VG_IS_FORECAST (forecast), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  if (vg_forecast_get_series (forecast, VG_QUANTITY_TEMPERATURE) == NULL)
    {
      g_set_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST,
                   "Forecast of feed “%s”: no air temperature, no heat risk",
                   vg_feed_origin_get_feed_id (vg_forecast_get_origin (forecast)));
      return NULL;
    }
  model_run = vg_forecast_get_model_run (forecast);
  if (model_run != VG_FEED_TIME_UNKNOWN)
    {
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (model_run / G_USEC_PER_SEC);

      run = g_date_time_format_iso8601 (t);
    }
  /* Missing series are NaN throughout: the indices then say what they cannot compute. */
  return vg_hourly_forecast_new (vg_feed_origin_get_feed_id (vg_forecast_get_origin (forecast)), run,
                                 vg_forecast_get_latitude (forecast), vg_forecast_get_longitude (forecast), zone,
                                 vg_forecast_get_n_steps (forecast), vg_forecast_get_times (forecast),
                                 vg_forecast_get_series (forecast, VG_QUANTITY_TEMPERATURE),
                                 vg_forecast_get_series (forecast, VG_QUANTITY_HUMIDITY),
                                 vg_forecast_get_series (forecast, VG_QUANTITY_WIND_SPEED), error);
}
