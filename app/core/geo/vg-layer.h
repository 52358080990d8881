/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-shape-set.h"

G_BEGIN_DECLS

#define VG_TYPE_LAYER (vg_layer_get_type ())
G_DECLARE_FINAL_TYPE (VgLayer, vg_layer, VG, LAYER, GObject)

/* A read-only vector layer in memory: a shape per feature and string attribute columns.
 * Immutable once built, so it may be shared between threads. */

/* New layer named @name in @crs (e.g. "EPSG:2154") with @shapes (a reference is taken) and
 * attribute @columns; values are added with vg_layer_append_values(). */
VgLayer     *vg_layer_new            (const char         *name,
                                      const char         *crs,
                                      VgShapeSet         *shapes,
                                      const char * const *columns);
/* Appends one feature's values (one per column, NULL allowed); call once per shape, in order. */
void         vg_layer_append_values  (VgLayer            *self,
                                      const char * const *values);
/* Layer name; borrowed. */
const char  *vg_layer_get_name       (VgLayer            *self);
/* CRS of the coordinates; borrowed. */
const char  *vg_layer_get_crs        (VgLayer            *self);
/* Number of features. */
guint        vg_layer_get_n_features (VgLayer            *self);
/* Geometry of all features; borrowed. */
VgShapeSet  *vg_layer_get_shapes     (VgLayer            *self);
/* Index of @column, or -1. */
int          vg_layer_find_column    (VgLayer            *self,
                                      const char         *column);
/* Value of @column (index) for @feature, or NULL when unset; borrowed. */
const char  *vg_layer_get_value      (VgLayer            *self,
                                      guint               feature,
                                      int                 column);
/* Replaces the geometry (after a CRS change or a repair); a reference is taken. Programmer
 * error if the shape count differs. */
void         vg_layer_set_shapes     (VgLayer            *self,
                                      VgShapeSet         *shapes);

G_END_DECLS
