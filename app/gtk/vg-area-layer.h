/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <shumate/shumate.h>

#include "vg-crs-transform.h"
#include "vg-shape-set.h"

G_BEGIN_DECLS

#define VG_TYPE_AREA_LAYER (vg_area_layer_get_type ())
G_DECLARE_FINAL_TYPE (VgAreaLayer, vg_area_layer, VG, AREA_LAYER, ShumateLayer)

/* A map layer of filled polygons (flood envelopes, heat districts), kept in Web Mercator metres
 * and drawn in one cairo pass through the viewport's affine map (Web Mercator → pixels is affine
 * at any zoom and rotation), so a 20,000-vertex envelope costs a fraction of a millisecond per
 * frame. A click inside an area emits "area-activated"; a click elsewhere pans as usual. */

/* New empty layer over @viewport. */
VgAreaLayer *vg_area_layer_new        (ShumateViewport *viewport);
/* Removes every area. */
void         vg_area_layer_clear      (VgAreaLayer     *self);
/* Adds shape @index of @shapes (polygons; holes are even-odd) transformed to Web Mercator by
 * @to_mercator (NULL: already Web Mercator), filled with @fill and outlined with @stroke (may be NULL) @stroke_width pixels
 * wide; returns its area number (in order from 0). FALSE-like G_MAXUINT with the PROJ error. */
guint        vg_area_layer_add        (VgAreaLayer     *self,
                                       VgShapeSet      *shapes,
                                       guint            index,
                                       VgCrsTransform  *to_mercator,
                                       const GdkRGBA   *fill,
                                       const GdkRGBA   *stroke,
                                       double           stroke_width,
                                       GError         **error);
/* Changes the fill of area @area (a fully transparent fill leaves only its outline, if it has
 * one, and makes it unclickable). */
void         vg_area_layer_set_fill   (VgAreaLayer     *self,
                                       guint            area,
                                       const GdkRGBA   *fill);
/* Number of areas. */
guint        vg_area_layer_get_n_areas (VgAreaLayer    *self);
/* The topmost visible area containing the Web Mercator point @x, @y, or -1. */
int          vg_area_layer_find       (VgAreaLayer     *self,
                                       double           x,
                                       double           y);

G_END_DECLS
