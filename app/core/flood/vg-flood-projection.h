/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-flood-library.h"
#include "vg-flood-series.h"

G_BEGIN_DECLS

/* Where the future stages come from. */
typedef enum {
  VG_FLOOD_PROJECTION_FORECAST,   /* an imported forecast series */
  VG_FLOOD_PROJECTION_TREND,      /* a stated linear trend over the last readings */
  VG_FLOOD_PROJECTION_NONE,       /* too few readings to extrapolate: "now" only */
} VgFloodProjectionMethod;

/* The stated trend: least squares over the last @n_readings readings (at least 3), projected
 * every @step_us for @horizon_us, with a 95 % prediction interval (Student t, n − 2 degrees of
 * freedom) from the residuals. */
typedef struct
{
  guint  n_readings;
  gint64 step_us;
  gint64 horizon_us;
} VgFloodTrendParams;

/* Defaults: 6 readings, hourly steps, 6 hours. */
#define VG_FLOOD_TREND_DEFAULT { 6, G_GINT64_CONSTANT (3600000000), G_GINT64_CONSTANT (21600000000) }

/* The gauge now (the last reading) and at each projected step, with the envelopes bracketing
 * the stage — never an interpolation between them. */
typedef struct
{
  gint64   time_us;
  double   stage_m;
  double   low_m, high_m;       /* band (NAN when none) */
  gboolean observed;            /* the last reading, not a projection */
  int      below, above;        /* bracketing envelopes (library indices), -1 where none */
  int      above_high;          /* envelope bracketing the band's top from above, -1 none */
} VgFloodProjectionStep;

/* When an envelope's stage is first reached. */
typedef struct
{
  int      envelope;            /* library index */
  double   stage_m;
  gboolean already;             /* reached by the readings (time: the first crossing in them) */
  gint64   time_us;             /* first crossing, -1 if not within the horizon */
  gint64   earliest_us;         /* with the band's top, -1 if not within the horizon */
  gint64   latest_us;           /* with the band's bottom, -1 if not within the horizon */
} VgFloodCrossing;

#define VG_TYPE_FLOOD_PROJECTION (vg_flood_projection_get_type ())
G_DECLARE_FINAL_TYPE (VgFloodProjection, vg_flood_projection, VG, FLOOD_PROJECTION, GObject)

/* The projection of one gauge's stage onto its envelope library. Deterministic: times are the
 * readings' and the forecast's, never the wall clock. */

/* Projects @observed (at least one reading) at @gauge with @forecast (may be NULL: then the
 * trend of @params, NULL for VG_FLOOD_TREND_DEFAULT). Forecast points at or before the last
 * reading are ignored. VG_GEO_ERROR_NOT_FOUND if the library has no envelope for @gauge,
 * VG_GEO_ERROR_MALFORMED without readings. */
VgFloodProjection           *vg_flood_projection_new           (VgFloodLibrary           *library,
                                                                const char               *gauge,
                                                                VgFloodSeries            *observed,
                                                                VgFloodSeries            *forecast,
                                                                const VgFloodTrendParams *params,
                                                                GError                  **error);
/* Where the projected stages come from. */
VgFloodProjectionMethod      vg_flood_projection_get_method    (VgFloodProjection        *self);
/* The method in words, with the trend's figures; borrowed. */
const char                  *vg_flood_projection_get_statement (VgFloodProjection        *self);
/* Trend slope (m/h) and residual standard deviation (m); FALSE unless the method is TREND. */
gboolean                     vg_flood_projection_get_trend     (VgFloodProjection        *self,
                                                                double                   *slope_m_per_h,
                                                                double                   *sigma_m,
                                                                guint                    *n_readings);
/* Now and each projected step; @n receives their number; borrowed. */
const VgFloodProjectionStep *vg_flood_projection_get_steps     (VgFloodProjection        *self,
                                                                guint                    *n);
/* For each envelope of the gauge, by stage, when it is reached; @n receives their number;
 * borrowed. */
const VgFloodCrossing       *vg_flood_projection_get_crossings (VgFloodProjection        *self,
                                                                guint                    *n);
/* JSON object: gauge, method, statement, trend, steps, crossings (times ISO 8601 UTC,
 * envelopes by id). */
JsonNode                    *vg_flood_projection_to_json       (VgFloodProjection        *self);

G_END_DECLS
