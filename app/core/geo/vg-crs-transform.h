/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Well-known CRSs of Vigie: WGS84 lon/lat, Lambert-93 (computations), Web Mercator (tiles). */
#define VG_CRS_WGS84        "EPSG:4326"
#define VG_CRS_LAMBERT93    "EPSG:2154"
#define VG_CRS_WEB_MERCATOR "EPSG:3857"

#define VG_TYPE_CRS_TRANSFORM (vg_crs_transform_get_type ())
G_DECLARE_FINAL_TYPE (VgCrsTransform, vg_crs_transform, VG, CRS_TRANSFORM, GObject)

/* A coordinate transformation between two CRSs, with its own PROJ context: use one per
 * thread. Axis order is always x/easting/longitude first (proj_normalize_for_visualization). */

/* New transformation from @source to @target (any PROJ definition: "EPSG:2154", WKT...);
 * NULL with VG_GEO_ERROR_CRS naming the CRS PROJ cannot place. */
VgCrsTransform *vg_crs_transform_new        (const char      *source,
                                             const char      *target,
                                             GError         **error);
/* Transforms @n_points interleaved x,y pairs in place. FALSE with VG_GEO_ERROR_CRS if any
 * point cannot be transformed (the array is then partly transformed). */
gboolean        vg_crs_transform_apply      (VgCrsTransform  *self,
                                             double          *xy,
                                             gsize            n_points,
                                             GError         **error);
/* Transforms one point in place; same error contract as vg_crs_transform_apply(). */
gboolean        vg_crs_transform_point      (VgCrsTransform  *self,
                                             double          *x,
                                             double          *y,
                                             GError         **error);
/* Source CRS definition as given; borrowed. */
const char     *vg_crs_transform_get_source (VgCrsTransform  *self);
/* Target CRS definition as given; borrowed. */
const char     *vg_crs_transform_get_target (VgCrsTransform  *self);

G_END_DECLS
