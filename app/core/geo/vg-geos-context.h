/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>
#include <geos_c.h>

#include "vg-shape-set.h"

G_BEGIN_DECLS

#define VG_TYPE_GEOS_CONTEXT (vg_geos_context_get_type ())
G_DECLARE_FINAL_TYPE (VgGeosContext, vg_geos_context, VG, GEOS_CONTEXT, GObject)

/* A reentrant GEOS handle whose notice and error messages are caught here and turned into
 * VG_GEO_ERRORs (PostGIS's GEOS_FAIL, without the global buffer). One per thread. */

/* New GEOS context. */
VgGeosContext      *vg_geos_context_new             (void);
/* The raw handle, for GEOS calls made inside geo/; borrowed. */
GEOSContextHandle_t vg_geos_context_get_handle      (VgGeosContext *self);
/* GEOS geometry of shape @index of @shapes (full ownership; free with GEOSGeom_destroy_r on
 * this context's handle); NULL with VG_GEO_ERROR naming the shape and GEOS's message. */
GEOSGeometry       *vg_geos_context_shape_to_geos   (VgGeosContext *self,
                                                     VgShapeSet    *shapes,
                                                     guint          index,
                                                     GError       **error);
/* Appends @geometry (points, lines or polygons, possibly multi or a collection of them) as one
 * shape of @into; members of another dimension than the first are dropped. */
void                vg_geos_context_append_geos     (VgGeosContext *self,
                                                     const GEOSGeometry *geometry,
                                                     VgShapeSet    *into);
/* Copy of @shapes where every invalid polygon is repaired with GEOSMakeValid (keeping its
 * polygonal part); @repaired, if not NULL, receives one "feature N: reason" line per repair.
 * NULL with VG_GEO_ERROR_INVALID if a polygon cannot be repaired. */
VgShapeSet         *vg_geos_context_repair_polygons (VgGeosContext *self,
                                                     VgShapeSet    *shapes,
                                                     GPtrArray     *repaired,
                                                     GError       **error);

G_END_DECLS
