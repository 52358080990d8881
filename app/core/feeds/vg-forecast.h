/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-feed-origin.h"
#include "vg-quantity.h"

G_BEGIN_DECLS

#define VG_TYPE_FORECAST (vg_forecast_get_type ())
G_DECLARE_FINAL_TYPE (VgForecast, vg_forecast, VG, FORECAST, GObject)

/* A forecast time series at one place (Open-Meteo hourly): shared time steps and one series
 * per quantity, in canonical units, NAN where the model gives no value. It keeps when the model
 * run was initialised (when known: Open-Meteo gives it in its model metadata, not in the
 * forecast) and how long the server took to generate the response; immutable. */

/* Origin of the payload; borrowed. */
VgFeedOrigin  *vg_forecast_get_origin          (VgForecast *self);
/* Identifier of the forecast point ("open-meteo:43.61,3.88"); borrowed. */
const char    *vg_forecast_get_source_id       (VgForecast *self);
/* Position in the payload; borrowed. */
const char    *vg_forecast_get_position        (VgForecast *self);
/* Longitude of the model grid point (WGS84). */
double         vg_forecast_get_longitude       (VgForecast *self);
/* Latitude of the model grid point (WGS84). */
double         vg_forecast_get_latitude        (VgForecast *self);
/* Elevation of the grid point in metres, NAN if not given. */
double         vg_forecast_get_elevation       (VgForecast *self);
/* Initialisation time of the model run (Unix µs), VG_FEED_TIME_UNKNOWN if not known. */
gint64         vg_forecast_get_model_run       (VgForecast *self);
/* Server-side generation time of the response in ms ("generationtime_ms"), NAN if absent. */
double         vg_forecast_get_generation_ms   (VgForecast *self);
/* Number of time steps. */
guint          vg_forecast_get_n_steps         (VgForecast *self);
/* Time steps (Unix µs, increasing), vg_forecast_get_n_steps() of them; borrowed. */
const gint64  *vg_forecast_get_times           (VgForecast *self);
/* Values of @quantity at each step (canonical unit, NAN for missing), or NULL if the forecast
 * does not carry @quantity; borrowed. */
const double  *vg_forecast_get_series          (VgForecast *self,
                                                VgQuantity  quantity);
/* Adds the forecast as one JSON object to @builder. */
void           vg_forecast_to_json             (VgForecast  *self,
                                                JsonBuilder *builder);

G_END_DECLS
