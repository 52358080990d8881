/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-layer.h"
#include "vg-rtree.h"

G_BEGIN_DECLS

/* What a flood can reach, by kind. */
typedef enum {
  VG_FLOOD_ASSET_BUILDING,   /* footprints: count and area inside */
  VG_FLOOD_ASSET_ADDRESS,    /* address points, the proxy for dwellings: count, residents */
  VG_FLOOD_ASSET_ROAD,       /* street centre-lines: length inside, streets cut */
  VG_FLOOD_ASSET_SITE,       /* sensitive sites: by name and category */
  VG_N_FLOOD_ASSETS,
} VgFloodAssetKind;

/* Residents per address point: INSEE's mean household size for the commune of Montpellier
 * (about 1.9 persons per main residence, census), assuming one dwelling per address point —
 * a floor where one address holds a block of flats. */
#define VG_FLOOD_RESIDENTS_PER_ADDRESS 1.9
#define VG_FLOOD_RESIDENTS_SOURCE \
  "1.9 persons per address point: INSEE mean household size for Montpellier (census, about 1.9), " \
  "one dwelling per address assumed (an underestimate for blocks of flats)"

#define VG_TYPE_FLOOD_ASSETS (vg_flood_assets_get_type ())
G_DECLARE_FINAL_TYPE (VgFloodAssets, vg_flood_assets, VG, FLOOD_ASSETS, GObject)

/* The assets an exposure is computed on, one Lambert-93 layer per kind, each with its R-tree,
 * polygons repaired. Attribute columns used (absent ones are simply not reported):
 *   building  label, quartier
 *   address   number, suffix, street
 *   road      name, class
 *   site      category (school, creche, hospital, care_home, ...), name, source, source_id
 * Immutable once loaded; shareable between threads. */

/* New, empty set of assets. */
VgFloodAssets *vg_flood_assets_new          (void);
/* Adds the assets of @path: a GeoPackage's layers "buildings", "addresses", "streets" and
 * "sites" (those present; Vigie's bundled geodata has all four), or a GeoJSON file's features
 * by geometry (polygons are buildings, lines roads, points sites when they have a category,
 * else addresses). Repairs of invalid polygons go to @warnings (may be NULL), naming the
 * feature. A kind given by several files is refused (VG_GEO_ERROR_INVALID). */
gboolean       vg_flood_assets_add_file     (VgFloodAssets     *self,
                                             const char        *path,
                                             GPtrArray         *warnings,
                                             GError           **error);
/* Adds @layer (Lambert-93) as the assets of @kind, its polygons made valid (repairs said in
 * @warnings, may be NULL, naming @source and the feature), indexed, and each asset's whole
 * measure (area, length, point count) computed once. @source names the data in the version.
 * VG_GEO_ERROR_INVALID if @kind already has assets or a polygon cannot be repaired. Footprints
 * are checked without GEOS when they are single simple rings (nearly all of them: a million in
 * a few tens of milliseconds), with GEOS otherwise. */
gboolean       vg_flood_assets_add_layer    (VgFloodAssets     *self,
                                             VgFloodAssetKind   kind,
                                             VgLayer           *layer,
                                             const char        *source,
                                             GPtrArray         *warnings,
                                             GError           **error);
/* Layer of @kind or NULL; borrowed. */
VgLayer       *vg_flood_assets_get_layer    (VgFloodAssets     *self,
                                             VgFloodAssetKind   kind);
/* R-tree over the layer of @kind, or NULL; borrowed. */
VgRtree       *vg_flood_assets_get_index    (VgFloodAssets     *self,
                                             VgFloodAssetKind   kind);
/* Whole measure of each asset of @kind (area m², length m, point count), or NULL; borrowed. */
const double  *vg_flood_assets_get_measures (VgFloodAssets     *self,
                                             VgFloodAssetKind   kind);
/* Data version: the files and their fingerprints; borrowed. */
const char    *vg_flood_assets_get_version  (VgFloodAssets     *self);
/* Stable identifier of @kind ("building", "address", "road", "site"); static. */
const char    *vg_flood_asset_kind_to_id    (VgFloodAssetKind   kind);

G_END_DECLS
