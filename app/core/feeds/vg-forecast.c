/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-forecast"

#include "config.h"

#include <math.h>

#include "vg-feed-private.h"
#include "vg-forecast.h"

struct _VgForecast
{
  GObject       parent_instance;

  VgFeedOrigin *origin;
  char         *source_id;
  char         *position;
  double        lon, lat, elevation;
  double        generation_ms;
  gint64        model_run;
  GArray       *times;                     /* gint64 */
  GArray       *series[VG_N_QUANTITIES];   /* double, or NULL */
};

G_DEFINE_FINAL_TYPE (VgForecast, vg_forecast, G_TYPE_OBJECT)

static void
vg_forecast_finalize (GObject *object)
{
  VgForecast *self = VG_FORECAST (object);

  g_clear_pointer (&self->origin, vg_feed_origin_unref);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->times, g_array_unref);
  for (guint i = 0; i < VG_N_QUANTITIES; i++)
    g_clear_pointer (&self->series[i], g_array_unref);

  G_OBJECT_CLASS (vg_forecast_parent_class)->finalize (object);
}

static void
vg_forecast_class_init (VgForecastClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_forecast_finalize;
}

static void
vg_forecast_init (VgForecast *self)
{
}

VgForecast *
vg_forecast_new (VgFeedOrigin *origin,
                 const char   *source_id,
                 const char   *position,
                 double        lon,
                 double        lat,
                 double        elevation,
                 gint64        model_run,
                 double        generation_ms,
                 GArray       *times)
{
  VgForecast *self;

  g_return_val_if_fail (origin != NULL, NULL);
  g_return_val_if_fail (source_id != NULL && position != NULL, NULL);
  g_return_val_if_fail (times != NULL && g_array_get_element_size (times) == sizeof (gint64), NULL);

  self = g_object_new (VG_TYPE_FORECAST, NULL);
  self->origin = vg_feed_origin_ref (origin);
  self->source_id = g_strdup (source_id);
  self->position = g_strdup (position);
  self->lon = lon;
  self->lat = lat;
  self->elevation = elevation;
  self->model_run = model_run;
  self->generation_ms = generation_ms;
  self->times = times;
  return self;
}

void
vg_forecast_take_series (VgForecast *self,
                         VgQuantity  quantity,
                         GArray     *values)
{
  g_return_if_fail (VG_IS_FORECAST (self));
  g_return_if_fail (quantity < VG_N_QUANTITIES);
  g_return_if_fail (values != NULL && values->len == self->times->len);

  g_clear_pointer (&self->series[quantity], g_array_unref);
  self->series[quantity] = values;
}

VgFeedOrigin *
vg_forecast_get_origin (VgForecast *self)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), NULL);

  return self->origin;
}

const char *
vg_forecast_get_source_id (VgForecast *self)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), NULL);

  return self->source_id;
}

const char *
vg_forecast_get_position (VgForecast *self)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), NULL);

  return self->position;
}

double
vg_forecast_get_longitude (VgForecast *self)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), NAN);

  return self->lon;
}

double
vg_forecast_get_latitude (VgForecast *self)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), NAN);

  return self->lat;
}

double
vg_forecast_get_elevation (VgForecast *self)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), NAN);

  return self->elevation;
}

gint64
vg_forecast_get_model_run (VgForecast *self)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), VG_FEED_TIME_UNKNOWN);

  return self->model_run;
}

double
vg_forecast_get_generation_ms (VgForecast *self)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), NAN);

  return self->generation_ms;
}

guint
vg_forecast_get_n_steps (VgForecast *self)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), 0);

  return self->times->len;
}

const gint64 *
vg_forecast_get_times (VgForecast *self)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), NULL);

  return (const gint64 *) (gpointer) self->times->data;
}

const double *
vg_forecast_get_series (VgForecast *self,
                        VgQuantity  quantity)
{
  g_return_val_if_fail (VG_IS_FORECAST (self), NULL);
  g_return_val_if_fail (quantity < VG_N_QUANTITIES, NULL);

  if (self->series[quantity] == NULL)
    return NULL;
  return (const double *) (gpointer) self->series[quantity]->data;
}

void
vg_forecast_to_json (VgForecast  *self,
                     JsonBuilder *builder)
{
  g_return_if_fail (VG_IS_FORECAST (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  vg_feed_json_add_string (builder, "source_id", self->source_id);
  json_builder_set_member_name (builder, "lon");
  json_builder_add_double_value (builder, self->lon);
  json_builder_set_member_name (builder, "lat");
  json_builder_add_double_value (builder, self->lat);
  if (!isnan (self->elevation))
    {
      json_builder_set_member_name (builder, "elevation");
      json_builder_add_double_value (builder, self->elevation);
    }
  vg_feed_json_add_time (builder, "model_run", self->model_run);
  if (!isnan (self->generation_ms))
    {
      json_builder_set_member_name (builder, "generation_ms");
      json_builder_add_double_value (builder, self->generation_ms);
    }
  json_builder_set_member_name (builder, "times");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->times->len; i++)
    vg_feed_json_add_time (builder, NULL, g_array_index (self->times, gint64, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "series");
  json_builder_begin_object (builder);
  for (guint q = 0; q < VG_N_QUANTITIES; q++)
    {
      if (self->series[q] == NULL)
        continue;
      json_builder_set_member_name (builder, vg_quantity_to_id (q));
      json_builder_begin_object (builder);
      vg_feed_json_add_string (builder, "unit", vg_quantity_get_unit (q));
      json_builder_set_member_name (builder, "values");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->series[q]->len; i++)
        {
          double v = g_array_index (self->series[q], double, i);

          if (isnan (v))
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, v);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  vg_feed_json_add_string (builder, "position", self->position);
  json_builder_end_object (builder);
}
