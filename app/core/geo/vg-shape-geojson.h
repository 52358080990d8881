/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-crs-transform.h"
#include "vg-geos-context.h"
#include "vg-shape-set.h"

G_BEGIN_DECLS

/* Shape @index of @shapes (in a metric CRS) as an RFC 7946 GeoJSON geometry in WGS84: Point,
 * LineString/MultiLineString or Polygon/MultiPolygon, simplified first with GEOS
 * TopologyPreserveSimplify at @tolerance metres (0: as is), coordinates rounded to 7 decimals
 * (1 cm). @to_wgs84 goes from the shapes' CRS to EPSG:4326 (x = longitude); @geos does the
 * simplification. An empty shape gives NULL without error; a failure gives NULL with the
 * VG_GEO_ERROR of GEOS or PROJ. */
JsonNode *vg_shape_to_geojson (VgShapeSet     *shapes,
                               guint           index,
                               VgGeosContext  *geos,
                               VgCrsTransform *to_wgs84,
                               double          tolerance,
                               GError        **error);

G_END_DECLS
