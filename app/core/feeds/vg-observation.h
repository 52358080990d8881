/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-feed-origin.h"
#include "vg-quantity.h"

G_BEGIN_DECLS

#define VG_TYPE_OBSERVATION (vg_observation_get_type ())
G_DECLARE_FINAL_TYPE (VgObservation, vg_observation, VG, OBSERVATION, GObject)

/* One measured value at one station and time (a river gauge reading, a rain gauge total, a
 * traffic loop's flow), in its quantity's canonical unit; immutable. */

/* New observation of @quantity at @station_id: @value in the canonical unit, at @time (Unix
 * µs); @lon/@lat WGS84, NAN when the payload does not say. @source_id (the record's id in
 * the source, may be NULL when the source has none) and @position (where in the payload)
 * are provenance. */
VgObservation *vg_observation_new           (VgFeedOrigin  *origin,
                                             const char    *source_id,
                                             const char    *position,
                                             const char    *station_id,
                                             VgQuantity     quantity,
                                             double         value,
                                             gint64         time,
                                             double         lon,
                                             double         lat);
/* Origin of the payload it came from; borrowed. */
VgFeedOrigin  *vg_observation_get_origin    (VgObservation *self);
/* The record's own id in the source, or NULL; borrowed. */
const char    *vg_observation_get_source_id (VgObservation *self);
/* Position in the payload ("$.data[3]", "line 12"); borrowed. */
const char    *vg_observation_get_position  (VgObservation *self);
/* Station, sensor or site identifier (Hub'Eau code_station, SensorThings Thing...); borrowed. */
const char    *vg_observation_get_station_id (VgObservation *self);
/* What is measured. */
VgQuantity     vg_observation_get_quantity  (VgObservation *self);
/* Value in vg_quantity_get_unit() of the quantity. */
double         vg_observation_get_value     (VgObservation *self);
/* Observation time, Unix microseconds. */
gint64         vg_observation_get_time      (VgObservation *self);
/* TRUE if the payload gave the station's position. */
gboolean       vg_observation_has_location  (VgObservation *self);
/* Longitude (WGS84), NAN if unknown. */
double         vg_observation_get_longitude (VgObservation *self);
/* Latitude (WGS84), NAN if unknown. */
double         vg_observation_get_latitude  (VgObservation *self);
/* Adds the observation as one JSON object to @builder (inside an array or after a member name). */
void           vg_observation_to_json       (VgObservation *self,
                                             JsonBuilder   *builder);

G_END_DECLS
