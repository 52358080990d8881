/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One stage at a gauge: time in microseconds since the Unix epoch (UTC), stage in metres, and
 * for forecasts the band around it when the forecaster gives one (NAN otherwise). */
typedef struct
{
  gint64 time_us;
  double stage_m;
  double low_m;
  double high_m;
} VgFloodStagePoint;

typedef struct _VgFloodSeries VgFloodSeries;

#define VG_TYPE_FLOOD_SERIES (vg_flood_series_get_type ())

/* A time series of stages at one gauge, strictly increasing in time: the readings, or an
 * imported forecast. Immutable once built; times are data, never the wall clock. */

/* Boxed type of VgFloodSeries. */
GType                    vg_flood_series_get_type  (void) G_GNUC_CONST;
/* New empty series. */
VgFloodSeries           *vg_flood_series_new       (void);
/* Reads a series from JSON: an array of {"time": ISO 8601, "stage_m": number[, "stage_low_m",
 * "stage_high_m"]} or of [ISO 8601, number] pairs, or an object with such an array under
 * "points" (or "readings", "forecast"). Times without a zone are UTC. @what names the series in
 * errors, which name the point too: VG_GEO_ERROR_MALFORMED for bad syntax, times out of order,
 * stages outside −10…100 m. */
VgFloodSeries           *vg_flood_series_new_from_json (JsonNode    *node,
                                                    const char  *what,
                                                    GError     **error);
/* Adds a reference. */
VgFloodSeries           *vg_flood_series_ref       (VgFloodSeries *self);
/* Drops a reference. */
void                     vg_flood_series_unref     (VgFloodSeries *self);
/* Appends a point; FALSE (and nothing added) unless @time_us is after the last one. */
gboolean                 vg_flood_series_append    (VgFloodSeries *self,
                                                    gint64         time_us,
                                                    double         stage_m,
                                                    double         low_m,
                                                    double         high_m);
/* Number of points. */
guint                    vg_flood_series_get_length (VgFloodSeries *self);
/* The points, by time; borrowed. */
const VgFloodStagePoint *vg_flood_series_get_points (VgFloodSeries *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgFloodSeries, vg_flood_series_unref)

G_END_DECLS
