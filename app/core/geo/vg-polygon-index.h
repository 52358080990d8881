/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-shape-set.h"

G_BEGIN_DECLS

#define VG_TYPE_POLYGON_INDEX (vg_polygon_index_get_type ())
G_DECLARE_FINAL_TYPE (VgPolygonIndex, vg_polygon_index, VG, POLYGON_INDEX, GObject)

/* A set of polygons (districts, outlines) held as GEOS prepared geometries for point-in-polygon
 * lookups, their areas and how much of each other shapes cover. Coordinates are those of the shape
 * set, a metric CRS for areas (Lambert-93). It owns a GEOS context: use it from one thread. */

/* Prepares the polygons of @polygons (valid ones: repair them first); a shape that is not a
 * polygon never matches. NULL with VG_GEO_ERROR_INVALID naming the polygon GEOS cannot build. */
VgPolygonIndex *vg_polygon_index_new             (VgShapeSet      *polygons,
                                                  GError         **error);
/* Number of shapes indexed (all of @polygons, polygon or not). */
guint           vg_polygon_index_get_n_polygons  (VgPolygonIndex  *self);
/* Area of polygon @index in square CRS units (0 for a shape that is not a polygon). */
double          vg_polygon_index_get_area        (VgPolygonIndex  *self,
                                                  guint            index);
/* Index of the first polygon containing or touching the point @x, @y, or -1. */
int             vg_polygon_index_locate          (VgPolygonIndex  *self,
                                                  double           x,
                                                  double           y);
/* For every polygon, the summed area of its intersections with the polygons of @shapes (building
 * footprints...), into @areas (one per polygon). Overlapping shapes count twice. FALSE with
 * VG_GEO_ERROR_INVALID naming the shape GEOS cannot build or intersect. */
gboolean        vg_polygon_index_covered_area    (VgPolygonIndex  *self,
                                                  VgShapeSet      *shapes,
                                                  double          *areas,
                                                  GError         **error);

G_END_DECLS
