/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-shape-set.h"

G_BEGIN_DECLS

#define VG_TYPE_SHAPE_GPKG_WRITER (vg_shape_gpkg_writer_get_type ())
G_DECLARE_FINAL_TYPE (VgShapeGpkgWriter, vg_shape_gpkg_writer, VG, SHAPE_GPKG_WRITER, GObject)

/* Writes a GeoPackage 1.2 (OGC 12-128r18) of Lambert-93 feature layers with plain SQLite: the
 * format Vigie's flood libraries are saved in (ogrinfo and QGIS read it). The file appears at
 * its path only when vg_shape_gpkg_writer_finish() succeeds: a failed build never leaves half a
 * library behind. */

/* Starts writing @path (replaced on finish), its layers stamped as last changed at
 * @last_change (a time from the caller: core never reads the clock); VG_STORE_ERROR_OPEN/WRITE
 * naming it. */
VgShapeGpkgWriter *vg_shape_gpkg_writer_new         (const char         *path,
                                          GDateTime          *last_change,
                                          GError            **error);
/* Adds a feature layer @name with geometry column "geom" of @geometry_type ("MULTIPOLYGON"...)
 * in EPSG:2154 and attribute @columns of SQL @types ("TEXT", "REAL", "INTEGER"); features
 * added next go to it. */
gboolean      vg_shape_gpkg_writer_add_layer   (VgShapeGpkgWriter       *self,
                                          const char         *name,
                                          const char         *description,
                                          const char         *geometry_type,
                                          const char * const *columns,
                                          const char * const *types,
                                          GError            **error);
/* Appends shape @index of @shapes (multi- forms are written) with @values (one per column,
 * NULL allowed; REAL and INTEGER values are parsed from their text) to the current layer. */
gboolean      vg_shape_gpkg_writer_add_feature (VgShapeGpkgWriter       *self,
                                          VgShapeSet         *shapes,
                                          guint               index,
                                          const char * const *values,
                                          GError            **error);
/* Records each layer's extent, commits and moves the file into place. */
gboolean      vg_shape_gpkg_writer_finish      (VgShapeGpkgWriter       *self,
                                          GError            **error);

G_END_DECLS
