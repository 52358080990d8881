/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-shape-set.h"

G_BEGIN_DECLS

/* Raster to polygons by tracing cell edges: every boundary between a selected and an unselected
 * cell becomes a ring edge, rings keep only their corners, and run counter-clockwise around
 * the cells (holes clockwise). Diagonal neighbours are not connected (4-connectivity); where a
 * ring would touch itself at such a corner it is split there into a shell and its hole, so
 * the output is valid OGC geometry by construction (checked with GEOS in the tests), with no
 * overlay and no MakeValid. Linear in the number of cells. */

/* Appends to @into one polygon shape (VG_SHAPE_NONE if nothing is selected) covering the cells
 * of @mask (@width × @height bytes, row 0 at the north) whose value is within [@lo, @hi]; the
 * grid's north-west corner is (@x_west, @y_north) and its cells @cell_width × @cell_height. */
void vg_mask_polygonize (const guint8 *mask,
                         guint         width,
                         guint         height,
                         guint8        lo,
                         guint8        hi,
                         double        x_west,
                         double        y_north,
                         double        cell_width,
                         double        cell_height,
                         VgShapeSet   *into);

G_END_DECLS
