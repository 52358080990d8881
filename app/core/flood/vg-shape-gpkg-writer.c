/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-shape-gpkg-writer"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <proj.h>
#include <string.h>
#include <unistd.h>

#include "vg-error.h"
#include "vg-shape-gpkg-writer.h"
#include "vg-sqlite-private.h"

#define GPKG_APPLICATION_ID 0x47504B47
#define GPKG_USER_VERSION   10200

struct _VgShapeGpkgWriter
{
  GObject        parent_instance;

  char          *path;
  char          *tmp_path;
  sqlite3       *db;
  sqlite3_stmt  *insert;       /* into the current layer */
  GStrv          types;        /* of the current layer's columns */
  GPtrArray     *layers;       /* names, for the extents */
  GByteArray    *blob;
  char          *last_change;  /* ISO 8601, UTC, milliseconds: as the specification writes it */
  double         extent[4];    /* of the current layer */
};

G_DEFINE_FINAL_TYPE (VgShapeGpkgWriter, vg_shape_gpkg_writer, G_TYPE_OBJECT)

static void
vg_shape_gpkg_writer_finalize (GObject *object)
{
  VgShapeGpkgWriter *self = VG_SHAPE_GPKG_WRITER (object);

  g_clear_pointer (&self->insert, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  if (self->tmp_path != NULL)
    g_remove (self->tmp_path);
  g_clear_pointer (&self->tmp_path, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->types, g_strfreev);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->blob, g_byte_array_unref);
  g_clear_pointer (&self->last_change, g_free);

  G_OBJECT_CLASS (vg_shape_gpkg_writer_parent_class)->finalize (object);
}

static void
vg_shape_gpkg_writer_class_init (VgShapeGpkgWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_shape_gpkg_writer_finalize;
}

static void
vg_shape_gpkg_writer_init (VgShapeGpkgWriter *self)
{
  self->layers = g_ptr_array_new_with_free_func (g_free);
  self->blob = g_byte_array_new ();
}

static gboolean
exec (VgShapeGpkgWriter  *self,
      const char    *sql,
      GError       **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE, "GeoPackage “%s”: %s", self->path,
                   message ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail_sqlite (VgShapeGpkgWriter  *self,
             GError       **error)
{
  g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE, "GeoPackage “%s”: %s", self->path,
               sqlite3_errmsg (self->db));
  return FALSE;
}

/* The WKT of Lambert-93 that gpkg_spatial_ref_sys requires, from PROJ's database. */
static char *
lambert93_wkt (void)
{
  PJ_CONTEXT *ctx = proj_context_create ();
  PJ *crs;
  char *wkt = NULL;

  proj_log_level (ctx, PJ_LOG_NONE);
  crs = proj_create (ctx, "EPSG:2154");
  if (crs != NULL)
    {
      const char *text = proj_as_wkt (ctx, crs, PJ_WKT1_GDAL, NULL);

      wkt = g_strdup (text);
      proj_destroy (crs);
    }
  proj_context_destroy (ctx);
  return wkt ? wkt : g_strdup ("undefined");
}

VgShapeGpkgWriter *
vg_shape_gpkg_writer_new (const char  *path,
                    GDateTime   *last_change,
                    GError     **error)
{
  g_autoptr(VgShapeGpkgWriter) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *wkt = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *sql;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (last_change != NULL, NULL);

  self = g_object_new (VG_TYPE_SHAPE_GPKG_WRITER, NULL);
  self->path = g_strdup (path);
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (last_change);

    self->last_change = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");
  }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  self->tmp_path = g_strdup_printf ("%s%c.%s.%u.tmp", dir, G_DIR_SEPARATOR, base, (guint) getpid ());
  g_remove (self->tmp_path);
  if (sqlite3_open_v2 (self->tmp_path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Cannot create GeoPackage “%s”: %s",
                   path, self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }

  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d; "
                         "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;",
                         GPKG_APPLICATION_ID, GPKG_USER_VERSION);
  if (!exec (self, sql, error))
    {
      g_free (sql);
      return NULL;
    }
  g_free (sql);
  if (!exec (self,
             "BEGIN;"
             "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
             " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
             " definition TEXT NOT NULL, description TEXT);"
             "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
             " identifier TEXT UNIQUE, description TEXT DEFAULT '',"
             " last_change DATETIME NOT NULL,"
             " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
             " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));"
             "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
             " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
             " m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));"
             "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),"
             " ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),"
             " ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\","
             "6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\","
             "0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
             "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]', NULL);",
             error))
    return NULL;

  /* The CRS Vigie computes in; its WKT is PROJ's, so the file is readable everywhere. */
  wkt = lambert93_wkt ();
  if (sqlite3_prepare_v2 (self->db, "INSERT INTO gpkg_spatial_ref_sys VALUES ('RGF93 v1 / Lambert-93', 2154,"
                          " 'EPSG', 2154, ?, NULL)", -1, &stmt, NULL) != SQLITE_OK)
    {
      fail_sqlite (self, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, wkt, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      fail_sqlite (self, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static gboolean
store_extent (VgShapeGpkgWriter  *self,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (self->layers->len == 0)
    return TRUE;
  if (sqlite3_prepare_v2 (self->db, "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?"
                          " WHERE table_name = ?", -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (self, error);
  if (self->extent[0] <= self->extent[2])
    for (int i = 0; i < 4; i++)
      sqlite3_bind_double (stmt, i + 1, self->extent[i]);
  sqlite3_bind_text (stmt, 5, g_ptr_array_index (self->layers, self->layers->len - 1), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail_sqlite (self, error);
  return TRUE;
}

gboolean
vg_shape_gpkg_writer_add_layer (VgShapeGpkgWriter       *self,
                          const char         *name,
                          const char         *description,
                          const char         *geometry_type,
                          const char * const *columns,
                          const char * const *types,
                          GError            **error)
{
  g_autoptr(GString) create = g_string_new (NULL);
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_columns;
  char *q;

  g_return_val_if_fail (VG_IS_SHAPE_GPKG_WRITER (self), FALSE);
  g_return_val_if_fail (name != NULL && geometry_type != NULL, FALSE);
  g_return_val_if_fail (columns != NULL && types != NULL, FALSE);

  n_columns = g_strv_length ((char **) columns);
  g_return_val_if_fail (g_strv_length ((char **) types) == n_columns, FALSE);

  if (!store_extent (self, error))
    return FALSE;
  g_clear_pointer (&self->insert, sqlite3_finalize);

  q = sqlite3_mprintf ("CREATE TABLE \"%w\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB", name);
  g_string_append (create, q);
  sqlite3_free (q);
  q = sqlite3_mprintf ("INSERT INTO \"%w\" (geom", name);
  g_string_append (insert, q);
  sqlite3_free (q);
  for (guint i = 0; i < n_columns; i++)
    {
      q = sqlite3_mprintf (", \"%w\" %s", columns[i],
                           g_str_equal (types[i], "REAL") ? "REAL" : g_str_equal (types[i], "INTEGER") ? "INTEGER" : "TEXT");
      g_string_append (create, q);
      sqlite3_free (q);
      q = sqlite3_mprintf (", \"%w\"", columns[i]);
      g_string_append (insert, q);
      sqlite3_free (q);
    }
  g_string_append (create, ")");
  g_string_append (insert, ") VALUES (?");
  for (guint i = 0; i < n_columns; i++)
    g_string_append (insert, ", ?");
  g_string_append (insert, ")");
  if (!exec (self, create->str, error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description,"
                          " last_change, srs_id) VALUES (?, 'features', ?, ?, ?, 2154)", -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (self, error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, description ? description : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, self->last_change, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail_sqlite (self, error);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (sqlite3_prepare_v2 (self->db, "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 2154, 0, 0)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (self, error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, geometry_type, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail_sqlite (self, error);

  if (sqlite3_prepare_v2 (self->db, insert->str, -1, &self->insert, NULL) != SQLITE_OK)
    return fail_sqlite (self, error);
  g_clear_pointer (&self->types, g_strfreev);
  self->types = g_strdupv ((char **) types);
  g_ptr_array_add (self->layers, g_strdup (name));
  self->extent[0] = self->extent[1] = INFINITY;
  self->extent[2] = self->extent[3] = -INFINITY;
  return TRUE;
}

static inline void
put_u32 (GByteArray *b,
         guint32     v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (b, (const guint8 *) &v, 4);
}

static inline void
put_f64 (GByteArray *b,
         double      v)
{
  guint64 bits;

  memcpy (&bits, &v, 8);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (b, (const guint8 *) &bits, 8);
}

static void
put_points (GByteArray   *b,
            const double *xy,
            guint         n)
{
  put_u32 (b, n);
  for (guint i = 0; i < 2 * n; i++)
    put_f64 (b, xy[i]);
}

/* GeoPackage blob: "GP", version 0, flags (little-endian, XY envelope), SRS id, envelope
 * [min_x, max_x, min_y, max_y], then little-endian ISO WKB of the multi- form. */
static void
encode (VgShapeGpkgWriter *self,
        VgShapeSet   *shapes,
        guint         index)
{
  const double *bbox = vg_shape_set_get_bbox (shapes, index);
  guint n_parts = vg_shape_set_get_n_parts (shapes, index);
  GByteArray *b = self->blob;
  static const guint8 header[4] = { 'G', 'P', 0, 0x03 };

  g_byte_array_set_size (b, 0);
  g_byte_array_append (b, header, 4);
  put_u32 (b, 2154);
  put_f64 (b, bbox[0]);
  put_f64 (b, bbox[2]);
  put_f64 (b, bbox[1]);
  put_f64 (b, bbox[3]);

  g_byte_array_append (b, (const guint8 *) "\x01", 1);
  switch (vg_shape_set_get_kind (shapes, index))
    {
    case VG_SHAPE_POINT:
    case VG_SHAPE_LINE:
      put_u32 (b, vg_shape_set_get_kind (shapes, index) == VG_SHAPE_POINT ? 4 : 5);
      put_u32 (b, n_parts);
      for (guint p = 0; p < n_parts; p++)
        {
          guint n;
          const double *xy = vg_shape_set_get_part (shapes, index, p, &n, NULL);

          g_byte_array_append (b, (const guint8 *) "\x01", 1);
          if (vg_shape_set_get_kind (shapes, index) == VG_SHAPE_POINT)
            {
              put_u32 (b, 1);
              put_f64 (b, xy[0]);
              put_f64 (b, xy[1]);
            }
          else
            {
              put_u32 (b, 2);
              put_points (b, xy, n);
            }
        }
      break;

    case VG_SHAPE_POLYGON:
      {
        guint n_polygons = 0;

        put_u32 (b, 6);
        for (guint p = 0; p < n_parts; p++)
          {
            gboolean outer;

            vg_shape_set_get_part (shapes, index, p, NULL, &outer);
            n_polygons += outer || p == 0;
          }
        put_u32 (b, n_polygons);
        for (guint p = 0; p < n_parts;)
          {
            guint q = p + 1, n;

            for (gboolean outer = FALSE; q < n_parts; q++)
              {
                vg_shape_set_get_part (shapes, index, q, NULL, &outer);
                if (outer)
                  break;
              }
            g_byte_array_append (b, (const guint8 *) "\x01", 1);
            put_u32 (b, 3);
            put_u32 (b, q - p);
            for (; p < q; p++)
              {
                const double *xy = vg_shape_set_get_part (shapes, index, p, &n, NULL);

                put_points (b, xy, n);
              }
          }
      }
      break;

    case VG_SHAPE_NONE:
    default:
      g_assert_not_reached ();
    }
}

gboolean
vg_shape_gpkg_writer_add_feature (VgShapeGpkgWriter       *self,
                            VgShapeSet         *shapes,
                            guint               index,
                            const char * const *values,
                            GError            **error)
{
  g_return_val_if_fail (VG_IS_SHAPE_GPKG_WRITER (self), FALSE);
  g_return_val_if_fail (self->insert != NULL, FALSE);
  g_return_val_if_fail (shapes != NULL, FALSE);

  sqlite3_reset (self->insert);
  sqlite3_clear_bindings (self->insert);
  if (vg_shape_set_get_kind (shapes, index) != VG_SHAPE_NONE)
    {
      const double *bbox = vg_shape_set_get_bbox (shapes, index);

      encode (self, shapes, index);
      sqlite3_bind_blob (self->insert, 1, self->blob->data, self->blob->len, SQLITE_TRANSIENT);
      self->extent[0] = MIN (self->extent[0], bbox[0]);
      self->extent[1] = MIN (self->extent[1], bbox[1]);
      self->extent[2] = MAX (self->extent[2], bbox[2]);
      self->extent[3] = MAX (self->extent[3], bbox[3]);
    }
  for (guint i = 0; self->types[i] != NULL; i++)
    {
      const char *v = values ? values[i] : NULL;

      if (v == NULL)
        continue;
      if (g_str_equal (self->types[i], "REAL"))
        sqlite3_bind_double (self->insert, i + 2, g_ascii_strtod (v, NULL));
      else if (g_str_equal (self->types[i], "INTEGER"))
        sqlite3_bind_int64 (self->insert, i + 2, g_ascii_strtoll (v, NULL, 10));
      else
        sqlite3_bind_text (self->insert, i + 2, v, -1, SQLITE_TRANSIENT);
    }
  if (sqlite3_step (self->insert) != SQLITE_DONE)
    return fail_sqlite (self, error);
  return TRUE;
}

gboolean
vg_shape_gpkg_writer_finish (VgShapeGpkgWriter  *self,
                       GError       **error)
{
  g_return_val_if_fail (VG_IS_SHAPE_GPKG_WRITER (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  if (!store_extent (self, error) || !exec (self, "COMMIT", error))
    return FALSE;
  g_clear_pointer (&self->insert, sqlite3_finalize);
  if (sqlite3_close (self->db) != SQLITE_OK)
    return fail_sqlite (self, error);
  self->db = NULL;
  if (g_rename (self->tmp_path, self->path) != 0)
    {
      int saved = errno;

      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE, "Cannot write “%s”: %s", self->path,
                   g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}
