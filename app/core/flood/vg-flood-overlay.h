/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-polygon-grid.h"
#include "vg-shape-set.h"

G_BEGIN_DECLS

/* One envelope against one layer of assets, in the three phases the exposure engine spends its
 * time in (timed separately by bench/bench-flood.c):
 *   index           the candidates: assets whose box meets the envelope's (a VgRtree search);
 *   classification  each candidate against the envelope's grid: wholly inside or outside from
 *                   the cells under its box alone, or near the boundary;
 *   overlays        the exact area (length, count) inside of the boundary candidates.
 * Both phases share their work among @n_threads threads (the calling one included) and are
 * deterministic: results are per candidate, summed in candidate order by the caller.
 *
 * vg_flood_overlay_geos() computes the same with GEOS the way a straightforward engine does
 * (prepared envelope pieces of at most @max_vertices vertices, ContainsProperly shortcut,
 * GEOSIntersection + GEOSArea/GEOSLength): the independent reference of the tests and the
 * comparison of the benchmark. */

/* Classifies @n candidates (shape indices of @shapes) into @classes (VgGridClass per
 * candidate); inside ones get their full measure (area, length, point count) in @measures,
 * others 0. @boxes (4 doubles per candidate, at least the shape's box, as
 * vg_rtree_search_boxes() gives) and @full (each shape's whole measure, as
 * vg_flood_assets_get_measures() gives) may be NULL, then the shapes' own are read: passing
 * them spares a visit to each shape's memory, the cost of this phase at city scale. */
void   vg_flood_overlay_classify (VgPolygonGrid *grid,
                                  VgShapeSet    *shapes,
                                  const guint   *candidates,
                                  const double  *boxes,
                                  const double  *full,
                                  guint          n,
                                  guint          n_threads,
                                  guint8        *classes,
                                  double        *measures);
/* Measures exactly the candidates classified VG_GRID_BOUNDARY, turning their class into
 * VG_GRID_INSIDE (they intersect the envelope; @measures gets the part inside, possibly 0 for
 * a mere touch) or VG_GRID_OUTSIDE. Returns the number measured. */
guint  vg_flood_overlay_measure  (VgPolygonGrid *grid,
                                  VgShapeSet    *shapes,
                                  const guint   *candidates,
                                  guint          n,
                                  guint          n_threads,
                                  guint8        *classes,
                                  double        *measures);
/* The GEOS reference: for each candidate, @classes gets VG_GRID_INSIDE if it intersects
 * polygon shape @envelope_index of @envelope and @measures its part inside. @n_overlays, if not
 * NULL, receives the number of GEOS intersections computed. FALSE if GEOS fails. */
gboolean vg_flood_overlay_geos   (VgShapeSet    *envelope,
                                  guint          envelope_index,
                                  guint          max_vertices,
                                  VgShapeSet    *shapes,
                                  const guint   *candidates,
                                  guint          n,
                                  guint          n_threads,
                                  guint8        *classes,
                                  double        *measures,
                                  guint         *n_overlays);

G_END_DECLS
