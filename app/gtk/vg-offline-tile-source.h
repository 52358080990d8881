/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <shumate/shumate.h>

#include "vg-tile-cache.h"
#include "vg-tile-renderer.h"

G_BEGIN_DECLS

#define VG_TYPE_OFFLINE_TILE_SOURCE (vg_offline_tile_source_get_type ())
G_DECLARE_FINAL_TYPE (VgOfflineTileSource, vg_offline_tile_source, VG, OFFLINE_TILE_SOURCE, ShumateDataSource)

/* A libshumate data source drawing the bundled city data in-process (no network at all):
 * tiles come from the disk cache when there, else are rendered in a worker thread and cached.
 * libshumate 1.0 paints only what a data source announces with ::received-data, on the main
 * thread, so every tile is announced there before the request completes. */

/* New source drawing with @renderer and caching in @cache (may be NULL: no disk cache). */
VgOfflineTileSource *vg_offline_tile_source_new              (VgTileRenderer      *renderer,
                                                              VgTileCache         *cache);
/* Where the view is (its centre and zoom): tiles waiting to be drawn go nearest it first. */
void                 vg_offline_tile_source_set_focus        (VgOfflineTileSource *self,
                                                              double               latitude,
                                                              double               longitude,
                                                              double               zoom);
/* Number of tiles delivered so far (from cache or freshly drawn). */
guint                vg_offline_tile_source_get_n_delivered  (VgOfflineTileSource *self);
/* Number of tiles delivered from the disk cache. */
guint                vg_offline_tile_source_get_n_cache_hits (VgOfflineTileSource *self);

G_END_DECLS
