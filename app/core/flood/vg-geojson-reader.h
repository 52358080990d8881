/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-layer.h"

G_BEGIN_DECLS

/* A streaming GeoJSON reader: the file is mapped and scanned once, each feature decoded
 * straight into compact shapes and attribute strings, so memory stays proportional to the
 * result — json-glib's DOM needs 839 MB for 200,000 polygons (PLATFORM.md). Reads a
 * FeatureCollection or a single Feature, RFC 7946 or GeoJSON 2008: a top-level `crs` member
 * (`{"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}`, anywhere in the
 * object) names the CRS; without one the coordinates must be WGS84 longitude/latitude, and a
 * file whose coordinates cannot be is refused rather than guessed at. Malformed input gets an
 * error naming the file, the feature and the byte offset, never a crash. */

/* Reads @path into a layer whose CRS is "EPSG:4326" (no crs member) or the crs member's
 * definition ("EPSG:2154", or as written for PROJ to check). Only the properties named in
 * @columns (NULL-terminated, may be NULL) are kept; a feature without one has NULL there.
 * Numbers keep their literal text, booleans are "true"/"false", nested values their JSON text.
 * VG_GEO_ERROR_MALFORMED for bad JSON or GeoJSON, VG_GEO_ERROR_CRS for a CRS that cannot be
 * placed; VG_STORE_ERROR_OPEN if the file cannot be read. */
VgLayer *vg_geojson_read_layer (const char         *path,
                                const char * const *columns,
                                GError            **error);

G_END_DECLS
