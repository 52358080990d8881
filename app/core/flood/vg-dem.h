/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-shape-set.h"

G_BEGIN_DECLS

#define VG_TYPE_DEM (vg_dem_get_type ())
G_DECLARE_FINAL_TYPE (VgDem, vg_dem, VG, DEM, GObject)

/* A terrain model: a north-up grid of elevations in metres (NAN where there is no data), row 0
 * at the north edge, read without GDAL from two simple documented formats behind one call:
 *
 * - ESRI ASCII grid (.asc): header lines ncols, nrows, xllcorner|xllcenter,
 *   yllcorner|yllcenter, cellsize, optional NODATA_value, then the rows north to south. It
 *   carries no CRS: the caller names it, or a sidecar FILE.prj (WKT, as ESRI writes it) does;
 *   without either the file is refused. Vigie extension: leading lines starting with "#" are
 *   the DEM's description (shown as provenance); "# synthetic: true" marks a made-up terrain.
 *   (IGN RGE ALTI tiles are .asc in Lambert-93.)
 * - SRTM .hgt (NASA SRTM 1" or 3"): 3601² or 1201² big-endian int16, -32768 for voids, WGS84,
 *   the south-west corner in the file name (N43E003.hgt).
 */

/* New DEM of @width × @height cells whose north-west corner is (@x_west, @y_north) in @crs, cells
 * of @cell_width × @cell_height CRS units; @elevations (width × height floats, row-major from the
 * north, NAN for no data) is taken over. */
VgDem        *vg_dem_new             (guint        width,
                                      guint        height,
                                      double       x_west,
                                      double       y_north,
                                      double       cell_width,
                                      double       cell_height,
                                      const char  *crs,
                                      float       *elevations,
                                      const char  *description,
                                      gboolean     synthetic);
/* Reads @path (.asc or .hgt by extension) in @crs (NULL: from the file or its .prj); errors name
 * the file and line or byte: VG_GEO_ERROR_MALFORMED, VG_GEO_ERROR_CRS, VG_GEO_ERROR_TOO_LARGE
 * (over 64 million cells), VG_STORE_ERROR_OPEN. */
VgDem        *vg_dem_load            (const char  *path,
                                      const char  *crs,
                                      GError     **error);
/* Columns. */
guint         vg_dem_get_width       (VgDem       *self);
/* Rows. */
guint         vg_dem_get_height      (VgDem       *self);
/* Elevations, row-major from the north, NAN for no data; borrowed. */
const float  *vg_dem_get_elevations  (VgDem       *self);
/* Geotransform: north-west corner and cell size in CRS units. */
void          vg_dem_get_transform   (VgDem       *self,
                                      double      *x_west,
                                      double      *y_north,
                                      double      *cell_width,
                                      double      *cell_height);
/* Cell size in metres (for slopes), approximated on the ellipsoid for geographic CRSs. */
void          vg_dem_get_cell_metres (VgDem       *self,
                                      double      *dx,
                                      double      *dy);
/* CRS definition; borrowed. */
const char   *vg_dem_get_crs         (VgDem       *self);
/* Description (the file's own words, or its name); borrowed. */
const char   *vg_dem_get_description (VgDem       *self);
/* Sets @mask[c] to @value for every cell c (row-major from the north) whose centre lies inside
 * polygon shape @index of @shapes (given in the DEM's CRS) or, if @all_touched, that the polygon
 * touches at all (so that a river narrower than a cell stays one connected channel). */
void          vg_dem_rasterize       (VgDem       *self,
                                      VgShapeSet  *shapes,
                                      guint        index,
                                      gboolean     all_touched,
                                      guint8      *mask,
                                      guint8       value);
/* Whether the DEM says it is synthetic (a made-up terrain). */
gboolean      vg_dem_is_synthetic    (VgDem       *self);

G_END_DECLS
