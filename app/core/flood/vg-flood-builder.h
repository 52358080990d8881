/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-dem.h"
#include "vg-flood-library.h"
#include "vg-layer.h"

G_BEGIN_DECLS

/* Builds an indicative envelope library where none is published: HAND (vg-flood-hand) over a
 * terrain model, drainage cells = DEM cells a watercourse polygon of a gauge's river touches
 * (a river narrower than a cell stays connected), each drainage cell governed by the nearest gauge on its river; at every
 * @step_m up to @max_stage_m, a gauge's envelope is the cells draining to its reach with
 * HAND ≤ stage, depth classes from stage − HAND, polygonised along cell edges (valid by
 * construction; checked with GEOS, repaired with a warning if ever not). Envelopes are of kind
 * synthetic when the DEM says it is synthetic, else indicative-hand, and say so in their
 * provenance. Nested by construction. */

/* Library for @gauges (VgFloodGauge) from @dem and @rivers (Lambert-93 polygons, river name in
 * column @name_column); @rivers_source names the rivers' file in the provenance. Warnings
 * (gauge outside the DEM, river without drainage cells, repairs) go to the library's list.
 * VG_GEO_ERROR_CRS if the DEM's CRS cannot be reached from Lambert-93, VG_GEO_ERROR_NOT_FOUND if
 * no gauge has drainage. */
VgFloodLibrary *vg_flood_build_hand_library (VgDem       *dem,
                                             VgLayer     *rivers,
                                             int          name_column,
                                             const char  *rivers_source,
                                             GPtrArray   *gauges,
                                             double       step_m,
                                             double       max_stage_m,
                                             GError     **error);

G_END_DECLS
