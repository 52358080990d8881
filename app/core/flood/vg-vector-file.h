/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-layer.h"

G_BEGIN_DECLS

/* The vector inputs of the flood engine — envelope libraries, assets, rivers — from a
 * GeoPackage (read through VgGpkg) or a GeoJSON file (streaming, vg-geojson-reader), told apart
 * by their first bytes, always delivered in Lambert-93 (EPSG:2154). */

/* Whether @path starts like an SQLite database (so, possibly, a GeoPackage). */
gboolean  vg_vector_file_is_sqlite (const char         *path);
/* Reads layer @layer_name of @path (a GeoPackage; NULL: its first feature layer) or the
 * features of a GeoJSON file (@layer_name ignored), keeping those of the attribute @columns
 * (NULL-terminated) the file has — look them up with vg_layer_find_column(), -1 when absent —
 * and transforming coordinates to Lambert-93. Errors name the file and layer:
 * VG_GEO_ERROR_NOT_FOUND, VG_GEO_ERROR_CRS (a CRS that cannot be placed, never guessed),
 * VG_GEO_ERROR_MALFORMED, VG_STORE_ERROR_*. */
VgLayer  *vg_vector_file_read      (const char         *path,
                                    const char         *layer_name,
                                    const char * const *columns,
                                    GError            **error);

G_END_DECLS
