/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Encoders for what Vigie writes out: a GeoJSON geometry (RFC 7946 §3.1) as ISO WKB, and the
 * GeoPackage geometry blob around it (GPKG 1.3, OGC 12-128r18 §2.1.3). Kept apart from the
 * decoders (vg-wkb.h), which take hostile input; these take Vigie's own journal payloads, but
 * still check every coordinate, since a payload is only as good as the module that wrote it. */

/* Appends @geometry (a GeoJSON geometry object: Point … GeometryCollection; a third and further
 * ordinate are dropped) to @out as little-endian 2-D ISO WKB. @bbox receives its extent
 * {min_x, min_y, max_x, max_y}, inverted (min > max) for an empty geometry. On error @out is
 * left as it was and VG_GEO_ERROR_MALFORMED names the JSON path ("coordinates[0][3]") and what
 * is wrong: an unknown type, a missing member, a non-finite coordinate, a line of one point, a
 * ring not closed, collections nested deeper than VG_WKB_MAX_DEPTH. */
gboolean vg_wkb_write_geojson (JsonNode     *geometry,
                               GByteArray   *out,
                               double        bbox[4],
                               GError      **error);
/* A GeoPackage geometry blob of the WKB @wkb: "GP", version 0, little-endian, SRS @srs_id, the
 * xy envelope @bbox, or the empty flag and no envelope when @bbox is inverted. */
GBytes  *vg_gpkg_blob_new     (const guint8 *wkb,
                               gsize         len,
                               gint32        srs_id,
                               const double  bbox[4]);

G_END_DECLS
