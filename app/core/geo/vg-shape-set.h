/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A compact, append-only set of 2-D shapes (points, lines, polygons and their multi- forms) with
 * all coordinates in one array: a building costs its vertices plus 40 bytes, not a GEOS object
 * per feature (~550 bytes). Shapes are addressed by index, which is the feature index of the
 * layer they come from; a feature without geometry is an empty shape (VG_SHAPE_NONE). */

typedef enum {
  VG_SHAPE_NONE,
  VG_SHAPE_POINT,
  VG_SHAPE_LINE,
  VG_SHAPE_POLYGON,
} VgShapeKind;

typedef struct _VgShapeSet VgShapeSet;

#define VG_TYPE_SHAPE_SET (vg_shape_set_get_type ())

/* Boxed type of VgShapeSet. */
GType        vg_shape_set_get_type      (void) G_GNUC_CONST;
/* New, empty set. */
VgShapeSet  *vg_shape_set_new           (void);
/* Adds a reference. */
VgShapeSet  *vg_shape_set_ref           (VgShapeSet  *self);
/* Drops a reference. */
void         vg_shape_set_unref         (VgShapeSet  *self);

/* Number of shapes (features). */
guint        vg_shape_set_get_n_shapes  (VgShapeSet  *self);
/* Total number of vertices in the set. */
gsize        vg_shape_set_get_n_points  (VgShapeSet  *self);
/* Kind of shape @index. */
VgShapeKind  vg_shape_set_get_kind      (VgShapeSet  *self,
                                         guint        index);
/* Bounding box of shape @index as {min_x, min_y, max_x, max_y}; borrowed. Empty shapes have an
 * inverted box (min > max). */
const double *vg_shape_set_get_bbox     (VgShapeSet  *self,
                                         guint        index);
/* Number of parts (rings of polygons, lines, points) of shape @index. */
guint        vg_shape_set_get_n_parts   (VgShapeSet  *self,
                                         guint        index);
/* Interleaved x,y coordinates of @part of shape @index, borrowed; @n_points receives their
 * count and @is_outer (may be NULL) whether a polygon ring starts a new polygon (outer ring)
 * rather than being a hole of the previous one. */
const double *vg_shape_set_get_part     (VgShapeSet  *self,
                                         guint        index,
                                         guint        part,
                                         guint       *n_points,
                                         gboolean    *is_outer);

/* Starts a new shape of @kind; parts and points follow, then vg_shape_set_end_shape(). */
void         vg_shape_set_begin_shape   (VgShapeSet  *self,
                                         VgShapeKind  kind);
/* Changes the kind of the shape being built (decoders learn it from the first member). */
void         vg_shape_set_set_current_kind (VgShapeSet  *self,
                                            VgShapeKind  kind);
/* Starts a new part of the current shape; @is_outer as in vg_shape_set_get_part(). */
void         vg_shape_set_begin_part    (VgShapeSet  *self,
                                         gboolean     is_outer);
/* Appends a vertex to the current part. */
void         vg_shape_set_add_point     (VgShapeSet  *self,
                                         double       x,
                                         double       y);
/* Closes the current shape, computing its bounding box; returns its index. A shape with no
 * point becomes VG_SHAPE_NONE. */
guint        vg_shape_set_end_shape     (VgShapeSet  *self);
/* Drops the shape being built (after a decoding error), leaving the set as it was. */
void         vg_shape_set_abort_shape   (VgShapeSet  *self);
/* Applies @func to every vertex (e.g. a CRS change) and recomputes the boxes; for a set not yet
 * shared. @func returns FALSE to stop, and then so does this. */
gboolean     vg_shape_set_map_points    (VgShapeSet  *self,
                                         gboolean   (*func) (double  *xy,
                                                             gsize    n_points,
                                                             gpointer user_data),
                                         gpointer     user_data);
/* Bounding box of all shapes into @bbox {min_x, min_y, max_x, max_y}; FALSE if all are empty. */
gboolean     vg_shape_set_get_extent    (VgShapeSet  *self,
                                         double       bbox[4]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgShapeSet, vg_shape_set_unref)

G_END_DECLS
