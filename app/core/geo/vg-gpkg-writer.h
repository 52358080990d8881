/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Writes a new GeoPackage (OGC 12-128r18, version 1.3) holding one feature layer in WGS84
 * (EPSG:4326, x = longitude): the mandatory tables, application_id "GPKG", user_version 10300,
 * and a feature table of a GEOMETRY column plus the attribute columns asked for. Features go in
 * one transaction that vg_gpkg_writer_finish() commits; until then the file is incomplete, so
 * write it under a temporary name. Not thread-safe. */

typedef enum {
  VG_GPKG_COLUMN_INTEGER,
  VG_GPKG_COLUMN_REAL,
  VG_GPKG_COLUMN_TEXT,
  VG_GPKG_COLUMN_DATETIME,   /* text, "YYYY-MM-DDTHH:MM:SS.SSSZ" in UTC (GPKG §1.1.1.1.1) */
} VgGpkgColumnType;

typedef struct
{
  const char       *name;
  VgGpkgColumnType  type;
} VgGpkgColumn;

#define VG_TYPE_GPKG_WRITER (vg_gpkg_writer_get_type ())
G_DECLARE_FINAL_TYPE (VgGpkgWriter, vg_gpkg_writer, VG, GPKG_WRITER, GObject)

/* Creates the GeoPackage @path (it must not exist) with the layer @table, described by
 * @description, of @columns after "fid" and "geom". VG_STORE_ERROR_OPEN or _WRITE naming the
 * file and SQLite's reason. */
VgGpkgWriter *vg_gpkg_writer_new          (const char          *path,
                                           const char          *table,
                                           const char          *description,
                                           const VgGpkgColumn  *columns,
                                           guint                n_columns,
                                           GError             **error);
/* Sets attribute @column (index into the columns given at creation) of the next feature. */
void          vg_gpkg_writer_set_int      (VgGpkgWriter        *self,
                                           guint                column,
                                           gint64               value);
/* Same for a REAL column. */
void          vg_gpkg_writer_set_double   (VgGpkgWriter        *self,
                                           guint                column,
                                           double               value);
/* Same for a TEXT column (copied); NULL stores NULL. */
void          vg_gpkg_writer_set_text     (VgGpkgWriter        *self,
                                           guint                column,
                                           const char          *value);
/* Same for a DATETIME column, from Unix microseconds (stored to the millisecond). */
void          vg_gpkg_writer_set_datetime (VgGpkgWriter        *self,
                                           guint                column,
                                           gint64               usec);
/* Adds a feature of geometry @wkb (2-D WKB, WGS84) with extent @bbox (inverted if empty) and the
 * attributes set since the last feature (the others are NULL). */
gboolean      vg_gpkg_writer_add_feature  (VgGpkgWriter        *self,
                                           const guint8        *wkb,
                                           gsize                len,
                                           const double         bbox[4],
                                           GError             **error);
/* Adds the attributes table @table (GPKG §2.4: no geometry) described by @description, of
 * one row per key of @keys with its text in @values (both NULL-terminated, as long): e.g.
 * where the data comes from. */
gboolean      vg_gpkg_writer_add_attributes (VgGpkgWriter      *self,
                                           const char          *table,
                                           const char          *description,
                                           const char * const  *keys,
                                           const char * const  *values,
                                           GError             **error);
/* Number of features added. */
guint64       vg_gpkg_writer_get_n_features (VgGpkgWriter      *self);
/* Records the layer's extent and @last_change (Unix µs: the data's own time, so two exports
 * of the same data are byte-identical), commits and closes the file. */
gboolean      vg_gpkg_writer_finish       (VgGpkgWriter        *self,
                                           gint64               last_change,
                                           GError             **error);

G_END_DECLS
