/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VG_TYPE_TILE_CACHE (vg_tile_cache_get_type ())
G_DECLARE_FINAL_TYPE (VgTileCache, vg_tile_cache, VG, TILE_CACHE, GObject)

/* A disk cache of rendered tiles in an MBTiles 1.3 file (SQLite: a `tiles` table addressed by
 * zoom/column/TMS row, a `metadata` table), so other tools can open it. The cache holds tiles
 * of one renderer key; opening it with another key empties it. Thread-safe. A cache is a
 * convenience: callers may treat its errors as misses. */

/* Opens or creates the cache at @path for tiles drawn under @key (see
 * vg_tile_renderer_get_cache_key()); VG_STORE_ERROR on failure. */
VgTileCache *vg_tile_cache_open       (const char   *path,
                                       const char   *key,
                                       GError      **error);
/* Cached PNG of tile @x, @y (XYZ scheme) at @zoom, or NULL if absent (no error) or unreadable. */
GBytes      *vg_tile_cache_lookup     (VgTileCache  *self,
                                       guint         zoom,
                                       guint         x,
                                       guint         y,
                                       GError      **error);
/* Stores @png as tile @x, @y at @zoom. */
gboolean     vg_tile_cache_store      (VgTileCache  *self,
                                       guint         zoom,
                                       guint         x,
                                       guint         y,
                                       GBytes       *png,
                                       GError      **error);
/* Number of tiles in the cache. */
guint        vg_tile_cache_count      (VgTileCache  *self);

G_END_DECLS
