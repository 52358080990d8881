/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "vg-basemap.h"
#include "vg-basemap-style.h"

G_BEGIN_DECLS

#define VG_TILE_SIZE 256
#define VG_TILE_MAX_ZOOM 19

#define VG_TYPE_TILE_RENDERER (vg_tile_renderer_get_type ())
G_DECLARE_FINAL_TYPE (VgTileRenderer, vg_tile_renderer, VG, TILE_RENDERER, GObject)

/* Draws 256-pixel raster tiles (XYZ scheme, Web Mercator) of the offline basemap with cairo.
 * Thread-safe: tiles may be rendered from several threads at once. */

/* New renderer of @basemap in @style. */
VgTileRenderer  *vg_tile_renderer_new            (VgBasemap       *basemap,
                                                  VgBasemapStyle   style);
/* The basemap drawn; borrowed. */
VgBasemap       *vg_tile_renderer_get_basemap    (VgTileRenderer  *self);
/* The style drawn. */
VgBasemapStyle   vg_tile_renderer_get_style      (VgTileRenderer  *self);
/* Identifies what this renderer draws (data version, style, renderer version): tiles cached
 * under another key are stale. Borrowed. */
const char      *vg_tile_renderer_get_cache_key  (VgTileRenderer  *self);
/* Tile @x, @y at @zoom as a new ARGB32 surface; NULL with VG_GEO_ERROR_NOT_FOUND for a tile
 * outside the world or beyond VG_TILE_MAX_ZOOM. */
cairo_surface_t *vg_tile_renderer_render_surface (VgTileRenderer  *self,
                                                  guint            zoom,
                                                  guint            x,
                                                  guint            y,
                                                  GError         **error);
/* Tile @x, @y at @zoom encoded as PNG; same errors as vg_tile_renderer_render_surface(). */
GBytes          *vg_tile_renderer_render_png     (VgTileRenderer  *self,
                                                  guint            zoom,
                                                  guint            x,
                                                  guint            y,
                                                  GError         **error);

/* The largest whole zoom at which @bbox (EPSG:3857) fits a @width × @height pixel view (up to 12 %
 * of it may fall outside); whole zooms show tiles at their drawn size, so labels stay crisp. */
guint            vg_tile_zoom_to_fit             (const double     bbox[4],
                                                  int              width,
                                                  int              height);

G_END_DECLS
