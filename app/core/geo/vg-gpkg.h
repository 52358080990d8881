/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-layer.h"

G_BEGIN_DECLS

#define VG_TYPE_GPKG (vg_gpkg_get_type ())
G_DECLARE_FINAL_TYPE (VgGpkg, vg_gpkg, VG, GPKG, GObject)

/* A GeoPackage (OGC 12-128r18) opened read-only through SQLite: the open format Vigie ships
 * its geodata in and reads official layers from. Not thread-safe: one per thread. */

/* Opens @path read-only; NULL with VG_STORE_ERROR_OPEN, or VG_STORE_ERROR_FORMAT if the file is
 * not a GeoPackage. */
VgGpkg     *vg_gpkg_open        (const char         *path,
                                 GError            **error);
/* Path of the file; borrowed. */
const char *vg_gpkg_get_path    (VgGpkg             *self);
/* Names of the feature layers, in file order; free with g_strfreev(). */
GStrv       vg_gpkg_list_layers (VgGpkg             *self);
/* Attribute column names of layer @name (the geometry and primary-key columns excluded), in
 * table order; NULL with VG_GEO_ERROR_NOT_FOUND if there is no such feature layer. Free with
 * g_strfreev(). */
GStrv       vg_gpkg_list_columns (VgGpkg            *self,
                                  const char        *name,
                                  GError           **error);
/* A short fingerprint of the content (layer names and last-change times, file size) that changes
 * whenever the file is regenerated: a cache key. Free with g_free(). */
char       *vg_gpkg_dup_fingerprint (VgGpkg         *self);
/* Reads layer @name with its geometry and the attribute @columns (NULL-terminated, may be
 * NULL for none), in feature-id order. Coordinates stay in the layer's CRS, which the layer
 * carries ("EPSG:n", or the file's WKT for other organisations). Errors name the file, layer,
 * column or feature: VG_GEO_ERROR_NOT_FOUND, VG_GEO_ERROR_CRS for an undefined CRS (never
 * guessed), VG_GEO_ERROR_MALFORMED for a geometry that does not decode. */
VgLayer    *vg_gpkg_read_layer  (VgGpkg             *self,
                                 const char         *name,
                                 const char * const *columns,
                                 GError            **error);

G_END_DECLS
