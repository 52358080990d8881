/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-shape-set.h"

G_BEGIN_DECLS

/* Decoders for the binary geometry encodings Vigie reads: ISO/OGC WKB (2-D, Z, M and ZM; Z and
 * M are dropped) and the GeoPackage geometry blob (header + WKB). Every count is checked
 * against the bytes left before anything is allocated, and collections nest at most
 * VG_WKB_MAX_DEPTH deep, so a hostile blob gets an error, never a crash or a huge allocation. */

#define VG_WKB_MAX_DEPTH 8

/* Decodes one WKB geometry from @data and appends it as one shape to @into. On error the set is
 * left unchanged and @error (VG_GEO_ERROR_MALFORMED) says what and at which byte offset. */
gboolean vg_wkb_decode       (const guint8  *data,
                              gsize          len,
                              VgShapeSet    *into,
                              GError       **error);
/* Decodes a GeoPackage geometry blob (GPKG spec. §2.1.3) into one shape of @into; @srs_id, if
 * not NULL, receives the blob's SRS id. Same error contract as vg_wkb_decode(). */
gboolean vg_gpkg_blob_decode (const guint8  *data,
                              gsize          len,
                              VgShapeSet    *into,
                              gint32        *srs_id,
                              GError       **error);

G_END_DECLS
