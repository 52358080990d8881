/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-gpkg"

#include "config.h"

#include <glib/gstdio.h>

#include "vg-error.h"
#include "vg-gpkg.h"
#include "vg-sqlite-private.h"
#include "vg-wkb.h"

/* GeoPackage application ids: "GPKG" (1.2+) and "GP10"/"GP11" (1.0, 1.1). */
#define GPKG_APPLICATION_ID   0x47504B47
#define GP10_APPLICATION_ID   0x47503130
#define GP11_APPLICATION_ID   0x47503131

struct _VgGpkg
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (VgGpkg, vg_gpkg, G_TYPE_OBJECT)

static void
vg_gpkg_finalize (GObject *object)
{
  VgGpkg *self = VG_GPKG (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (vg_gpkg_parent_class)->finalize (object);
}

static void
vg_gpkg_class_init (VgGpkgClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_gpkg_finalize;
}

static void
vg_gpkg_init (VgGpkg *self)
{
}

static sqlite3_stmt *
prepare (VgGpkg      *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_FORMAT,
                   "GeoPackage “%s”: %s", self->path, sqlite3_errmsg (self->db));
      return NULL;
    }
  return stmt;
}

VgGpkg *
vg_gpkg_open (const char  *path,
              GError     **error)
{
  g_autoptr(VgGpkg) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int app_id;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (VG_TYPE_GPKG, NULL);
  self->path = g_strdup (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN,
                   "Cannot open GeoPackage “%s”: %s", path,
                   self->db ? sqlite3_errmsg (self->db) : "no such file");
      return NULL;
    }

  /* Reading the header is where SQLite notices a file that is not a database. */
  stmt = prepare (self, "PRAGMA application_id", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_FORMAT,
                   "“%s” is not a GeoPackage: %s", path, sqlite3_errmsg (self->db));
      return NULL;
    }
  app_id = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (self, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'", NULL);
  if ((app_id != GPKG_APPLICATION_ID && app_id != GP10_APPLICATION_ID &&
       app_id != GP11_APPLICATION_ID) || stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_FORMAT,
                   "“%s” is an SQLite file but not a GeoPackage (no gpkg_contents)", path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
vg_gpkg_get_path (VgGpkg *self)
{
  g_return_val_if_fail (VG_IS_GPKG (self), NULL);

  return self->path;
}

GStrv
vg_gpkg_list_layers (VgGpkg *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (VG_IS_GPKG (self), NULL);

  stmt = prepare (self, "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' "
                        "ORDER BY rowid", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  return g_strv_builder_end (names);
}

char *
vg_gpkg_dup_fingerprint (VgGpkg *self)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *size = NULL;
  GStatBuf st;

  g_return_val_if_fail (VG_IS_GPKG (self), NULL);

  stmt = prepare (self, "SELECT table_name, last_change FROM gpkg_contents ORDER BY table_name", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 2; i++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, i);

        g_checksum_update (sum, (const guchar *) (text ? text : ""), -1);
        g_checksum_update (sum, (const guchar *) "\n", 1);
      }
  size = g_strdup_printf ("%" G_GINT64_FORMAT, g_stat (self->path, &st) == 0 ? (gint64) st.st_size : (gint64) -1);
  g_checksum_update (sum, (const guchar *) size, -1);
  return g_strndup (g_checksum_get_string (sum), 16);
}

GStrv
vg_gpkg_list_columns (VgGpkg      *self,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *geom_column = NULL;
  g_autofree char *sql = NULL;
  char *raw;

  g_return_val_if_fail (VG_IS_GPKG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = prepare (self, "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND,
                   "GeoPackage “%s”: no feature layer “%s”", self->path, name);
      return NULL;
    }
  geom_column = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  raw = sqlite3_mprintf ("PRAGMA table_info(\"%w\")", name);
  sql = g_strdup (raw);
  sqlite3_free (raw);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 1);

      /* Column 5 of table_info is the primary-key position: the feature id, not an attribute. */
      if (sqlite3_column_int (stmt, 5) == 0 && g_strcmp0 (column, geom_column) != 0)
        g_strv_builder_add (names, column);
    }
  return g_strv_builder_end (names);
}

/* The CRS of @srs_id as PROJ understands it. */
static char *
lookup_crs (VgGpkg      *self,
            const char  *layer,
            gint64       srs_id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *org, *definition;

  stmt = prepare (self, "SELECT organization, organization_coordsys_id, definition "
                        "FROM gpkg_spatial_ref_sys WHERE srs_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, srs_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || srs_id <= 0)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS,
                   "GeoPackage “%s”, layer “%s”: undefined CRS (srs_id %" G_GINT64_FORMAT ")",
                   self->path, layer, srs_id);
      return NULL;
    }
  org = (const char *) sqlite3_column_text (stmt, 0);
  definition = (const char *) sqlite3_column_text (stmt, 2);
  if (org != NULL && g_ascii_strcasecmp (org, "EPSG") == 0)
    return g_strdup_printf ("EPSG:%d", sqlite3_column_int (stmt, 1));
  if (definition == NULL || g_str_equal (definition, "undefined"))
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS,
                   "GeoPackage “%s”, layer “%s”: CRS %" G_GINT64_FORMAT " has no definition",
                   self->path, layer, srs_id);
      return NULL;
    }
  return g_strdup (definition);
}

static gboolean
check_columns (VgGpkg             *self,
               const char         *name,
               const char * const *columns,
               GError            **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  char *raw;

  raw = sqlite3_mprintf ("PRAGMA table_info(\"%w\")", name);
  sql = g_strdup (raw);
  sqlite3_free (raw);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (known, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));

  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    if (!g_hash_table_contains (known, columns[i]))
      {
        g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND,
                     "GeoPackage “%s”, layer “%s”: no column “%s”", self->path, name, columns[i]);
        return FALSE;
      }
  return TRUE;
}

VgLayer *
vg_gpkg_read_layer (VgGpkg             *self,
                    const char         *name,
                    const char * const *columns,
                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(VgShapeSet) shapes = NULL;
  g_autoptr(VgLayer) layer = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *geom_column = NULL;
  g_autofree char *crs = NULL;
  g_autofree const char **values = NULL;
  guint n_columns = columns ? g_strv_length ((char **) columns) : 0;
  gint64 srs_id;
  char *quoted;
  int rc;

  g_return_val_if_fail (VG_IS_GPKG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = prepare (self, "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND,
                   "GeoPackage “%s”: no feature layer “%s”", self->path, name);
      return NULL;
    }
  geom_column = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  srs_id = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  crs = lookup_crs (self, name, srs_id, error);
  if (crs == NULL || !check_columns (self, name, columns, error))
    return NULL;

  /* Names were checked against the schema above; %w quotes them as identifiers anyway. */
  sql = g_string_new (NULL);
  quoted = sqlite3_mprintf ("SELECT \"%w\"", geom_column);
  g_string_append (sql, quoted);
  sqlite3_free (quoted);
  for (guint i = 0; i < n_columns; i++)
    {
      quoted = sqlite3_mprintf (", \"%w\"", columns[i]);
      g_string_append (sql, quoted);
      sqlite3_free (quoted);
    }
  quoted = sqlite3_mprintf (" FROM \"%w\" ORDER BY rowid", name);
  g_string_append (sql, quoted);
  sqlite3_free (quoted);

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  shapes = vg_shape_set_new ();
  layer = vg_layer_new (name, crs, shapes, columns);
  values = g_new0 (const char *, n_columns + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *blob = sqlite3_column_blob (stmt, 0);
      gsize len = sqlite3_column_bytes (stmt, 0);
      g_autoptr(GError) local_error = NULL;

      if (blob == NULL)
        {
          vg_shape_set_begin_shape (shapes, VG_SHAPE_NONE);
          vg_shape_set_end_shape (shapes);
        }
      else if (!vg_gpkg_blob_decode (blob, len, shapes, NULL, &local_error))
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "GeoPackage “%s”, layer “%s”, feature %u: %s", self->path, name,
                       vg_shape_set_get_n_shapes (shapes) + 1, local_error->message);
          return NULL;
        }
      for (guint i = 0; i < n_columns; i++)
        values[i] = (const char *) sqlite3_column_text (stmt, i + 1);
      vg_layer_append_values (layer, values);
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_READ,
                   "GeoPackage “%s”, layer “%s”: %s", self->path, name, sqlite3_errmsg (self->db));
      return NULL;
    }
  return g_steal_pointer (&layer);
}
