/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-shape-set.h"

G_BEGIN_DECLS

/* A static, packed Hilbert R-tree over bounding boxes (the Flatbush layout): items sorted along
 * a Hilbert curve, nodes of 16 children, boxes stored as floats relative to the extent's corner
 * and rounded outward (a few millimetres at city scale), so 1,000,000 footprints cost about
 * 21 MB and build in tens of milliseconds. GEOS's STRtree would need a
 * GEOS geometry per item (~550 bytes each). Immutable once built: queries may run from any
 * number of threads at once. */

typedef struct _VgRtree VgRtree;

#define VG_TYPE_RTREE (vg_rtree_get_type ())

/* Boxed type of VgRtree. */
GType     vg_rtree_get_type        (void) G_GNUC_CONST;
/* Index over @n_items boxes {min_x, min_y, max_x, max_y} (copied); inverted boxes (empty
 * shapes) are left out. */
VgRtree  *vg_rtree_new             (const double *boxes,
                                    guint         n_items);
/* Index over the bounding boxes of every shape of @shapes. */
VgRtree  *vg_rtree_new_for_shapes  (VgShapeSet   *shapes);
/* Adds a reference. */
VgRtree  *vg_rtree_ref             (VgRtree      *self);
/* Drops a reference. */
void      vg_rtree_unref           (VgRtree      *self);
/* Number of indexed (non-empty) items. */
guint     vg_rtree_get_n_items     (VgRtree      *self);
/* Appends to @out (a GArray of guint) the index of every item whose box intersects @bbox,
 * touching included; the order is the tree's, not the items'. */
void      vg_rtree_search          (VgRtree      *self,
                                    const double  bbox[4],
                                    GArray       *out);
/* As vg_rtree_search(), also appending to @boxes (a GArray of double) each hit's box as
 * stored: 4 values, rounded outward, so never smaller than the item's. Read in tree order, they
 * save the caller a visit to each item's own memory. */
void      vg_rtree_search_boxes    (VgRtree      *self,
                                    const double  bbox[4],
                                    GArray       *out,
                                    GArray       *boxes);
/* Approximate heap bytes held by the index. */
gsize     vg_rtree_get_memory_size (VgRtree      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgRtree, vg_rtree_unref)

G_END_DECLS
