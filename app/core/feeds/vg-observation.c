/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-observation"

#include "config.h"

#include <math.h>

#include "vg-feed-private.h"
#include "vg-observation.h"

struct _VgObservation
{
  GObject       parent_instance;

  VgFeedOrigin *origin;
  char         *source_id;
  char         *position;
  char         *station_id;
  double        value;
  double        lon, lat;
  gint64        time;
  VgQuantity    quantity;
};

G_DEFINE_FINAL_TYPE (VgObservation, vg_observation, G_TYPE_OBJECT)

static void
vg_observation_finalize (GObject *object)
{
  VgObservation *self = VG_OBSERVATION (object);

  g_clear_pointer (&self->origin, vg_feed_origin_unref);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->station_id, g_free);

  G_OBJECT_CLASS (vg_observation_parent_class)->finalize (object);
}

static void
vg_observation_class_init (VgObservationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_observation_finalize;
}

static void
vg_observation_init (VgObservation *self)
{
}

VgObservation *
vg_observation_new (VgFeedOrigin *origin,
                    const char   *source_id,
                    const char   *position,
                    const char   *station_id,
                    VgQuantity    quantity,
                    double        value,
                    gint64        time,
                    double        lon,
                    double        lat)
{
  VgObservation *self;

  g_return_val_if_fail (origin != NULL, NULL);
  g_return_val_if_fail (position != NULL, NULL);
  g_return_val_if_fail (station_id != NULL, NULL);
  g_return_val_if_fail (quantity < VG_N_QUANTITIES, NULL);
  g_return_val_if_fail (isfinite (value), NULL);

  self = g_object_new (VG_TYPE_OBSERVATION, NULL);
  self->origin = vg_feed_origin_ref (origin);
  self->source_id = g_strdup (source_id);
  self->position = g_strdup (position);
  self->station_id = g_strdup (station_id);
  self->quantity = quantity;
  self->value = value;
  self->time = time;
  self->lon = lon;
  self->lat = lat;
  return self;
}

VgFeedOrigin *
vg_observation_get_origin (VgObservation *self)
{
  g_return_val_if_fail (VG_IS_OBSERVATION (self), NULL);

  return self->origin;
}

const char *
vg_observation_get_source_id (VgObservation *self)
{
  g_return_val_if_fail (VG_IS_OBSERVATION (self), NULL);

  return self->source_id;
}

const char *
vg_observation_get_position (VgObservation *self)
{
  g_return_val_if_fail (VG_IS_OBSERVATION (self), NULL);

  return self->position;
}

const char *
vg_observation_get_station_id (VgObservation *self)
{
  g_return_val_if_fail (VG_IS_OBSERVATION (self), NULL);

  return self->station_id;
}

VgQuantity
vg_observation_get_quantity (VgObservation *self)
{
  g_return_val_if_fail (VG_IS_OBSERVATION (self), 0);

  return self->quantity;
}

double
vg_observation_get_value (VgObservation *self)
{
  g_return_val_if_fail (VG_IS_OBSERVATION (self), NAN);

  return self->value;
}

gint64
vg_observation_get_time (VgObservation *self)
{
  g_return_val_if_fail (VG_IS_OBSERVATION (self), VG_FEED_TIME_UNKNOWN);

  return self->time;
}

gboolean
vg_observation_has_location (VgObservation *self)
{
  g_return_val_if_fail (VG_IS_OBSERVATION (self), FALSE);

  return !isnan (self->lon) && !isnan (self->lat);
}

double
vg_observation_get_longitude (VgObservation *self)
{
  g_return_val_if_fail (VG_IS_OBSERVATION (self), NAN);

  return self->lon;
}

double
vg_observation_get_latitude (VgObservation *self)
{
  g_return_val_if_fail (VG_IS_OBSERVATION (self), NAN);

  return self->lat;
}

void
vg_observation_to_json (VgObservation *self,
                        JsonBuilder   *builder)
{
  g_return_if_fail (VG_IS_OBSERVATION (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  vg_feed_json_add_string (builder, "station", self->station_id);
  vg_feed_json_add_string (builder, "quantity", vg_quantity_to_id (self->quantity));
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, self->value);
  vg_feed_json_add_string (builder, "unit", vg_quantity_get_unit (self->quantity));
  vg_feed_json_add_time (builder, "time", self->time);
  if (vg_observation_has_location (self))
    {
      json_builder_set_member_name (builder, "lon");
      json_builder_add_double_value (builder, self->lon);
      json_builder_set_member_name (builder, "lat");
      json_builder_add_double_value (builder, self->lat);
    }
  vg_feed_json_add_string (builder, "source_id", self->source_id);
  vg_feed_json_add_string (builder, "position", self->position);
  json_builder_end_object (builder);
}
