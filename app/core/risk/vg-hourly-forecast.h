/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-forecast.h"

G_BEGIN_DECLS

/* An hourly weather forecast at one point, as the heat engine consumes it: times in UTC
 * (microseconds since the Unix epoch, on whole hours, strictly increasing, gaps allowed),
 * temperature at 2 m (°C), relative humidity (%) and wind at 10 m (m/s), NaN where a value is
 * missing. Humidity and wind may be absent altogether. Immutable once built, so it may be shared
 * between threads. The feed parsers (Open-Meteo…) build it; nothing here reads a clock. */

typedef struct _VgHourlyForecast VgHourlyForecast;

#define VG_TYPE_HOURLY_FORECAST (vg_hourly_forecast_get_type ())

/* Boxed type of VgHourlyForecast. */
GType              vg_hourly_forecast_get_type        (void) G_GNUC_CONST;
/* New forecast of @n_hours values (arrays copied). @source names the provider and model
 * ("open-meteo:meteofrance_seamless"), @model_run is the run time as published (ISO 8601) or
 * NULL; @latitude/@longitude (WGS84, NaN if unknown) place the point; @zone is the local time zone
 * days are labelled in (a reference is taken). @humidity and @wind may be NULL. NULL with
 * VG_RISK_ERROR_INVALID_FORECAST naming the first bad hour and value: times not increasing or not
 * on whole hours, temperature outside −80…+60 °C, humidity outside 0…100 %, wind outside
 * 0…100 m/s. */
VgHourlyForecast  *vg_hourly_forecast_new             (const char    *source,
                                                       const char    *model_run,
                                                       double         latitude,
                                                       double         longitude,
                                                       GTimeZone     *zone,
                                                       gsize          n_hours,
                                                       const gint64  *times,
                                                       const double  *temperature,
                                                       const double  *humidity,
                                                       const double  *wind,
                                                       GError       **error);
/* The hourly forecast of a parsed weather forecast (the Open-Meteo parser's VgForecast), its days
 * labelled in @zone; same validation and errors as vg_hourly_forecast_new(). */
VgHourlyForecast  *vg_hourly_forecast_new_from_forecast (VgForecast *forecast,
                                                         GTimeZone  *zone,
                                                         GError    **error);
/* Adds a reference. */
VgHourlyForecast  *vg_hourly_forecast_ref             (VgHourlyForecast *self);
/* Drops a reference. */
void               vg_hourly_forecast_unref           (VgHourlyForecast *self);
/* Provider and model label; borrowed. */
const char        *vg_hourly_forecast_get_source      (VgHourlyForecast *self);
/* Model run time as published, or NULL; borrowed. */
const char        *vg_hourly_forecast_get_model_run   (VgHourlyForecast *self);
/* Latitude of the point, degrees north (NaN if unknown). */
double             vg_hourly_forecast_get_latitude    (VgHourlyForecast *self);
/* Longitude of the point, degrees east (NaN if unknown). */
double             vg_hourly_forecast_get_longitude   (VgHourlyForecast *self);
/* Time zone the forecast's days are labelled in; borrowed. */
GTimeZone         *vg_hourly_forecast_get_zone        (VgHourlyForecast *self);
/* Number of hours. */
gsize              vg_hourly_forecast_get_n_hours     (VgHourlyForecast *self);
/* Times of the hours, UTC µs; borrowed. */
const gint64      *vg_hourly_forecast_get_times       (VgHourlyForecast *self);
/* Temperatures at 2 m, °C; borrowed. */
const double      *vg_hourly_forecast_get_temperature (VgHourlyForecast *self);
/* Relative humidities, %, or NULL if the forecast has none; borrowed. */
const double      *vg_hourly_forecast_get_humidity    (VgHourlyForecast *self);
/* Wind speeds at 10 m, m/s, or NULL if the forecast has none; borrowed. */
const double      *vg_hourly_forecast_get_wind        (VgHourlyForecast *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgHourlyForecast, vg_hourly_forecast_unref)

G_END_DECLS
