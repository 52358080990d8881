/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-gpkg-writer"

#include "config.h"

#include <math.h>

#include "vg-error.h"
#include "vg-gpkg-writer.h"
#include "vg-sqlite-private.h"
#include "vg-wkb-writer.h"

/* "GPKG" and GeoPackage 1.3.0, as OGC 12-128r18 §1.1.1.1.2 asks. */
#define GPKG_APPLICATION_ID 0x47504B47
#define GPKG_USER_VERSION   10300
#define WGS84_SRS_ID        4326

/* The three rows §1.1.2.1.2 requires, the WGS 84 definition as EPSG publishes it. */
static const char schema_sql[] =
  "PRAGMA application_id = 1196444487;"   /* GPKG_APPLICATION_ID */
  "PRAGMA user_version = 10300;"          /* GPKG_USER_VERSION */
  "CREATE TABLE gpkg_spatial_ref_sys ("
  "  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,"
  "  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);"
  "INSERT INTO gpkg_spatial_ref_sys VALUES"
  "  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),"
  "  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),"
  "  ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\","
  "6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
  "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
  "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]',"
  "   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');"
  "CREATE TABLE gpkg_contents ("
  "  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,"
  "  description TEXT DEFAULT '', last_change DATETIME NOT NULL,"
  "  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
  "  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));"
  "CREATE TABLE gpkg_geometry_columns ("
  "  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,"
  "  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
  "  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
  "  CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
  "  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
  "  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));";

G_STATIC_ASSERT (GPKG_APPLICATION_ID == 1196444487);
G_STATIC_ASSERT (GPKG_USER_VERSION == 10300);

struct _VgGpkgWriter
{
  GObject       parent_instance;

  char         *path;
  char         *table;
  guint         n_columns;
  sqlite3      *db;
  sqlite3_stmt *insert;
  guint64       n_features;
  double        extent[4];
};

G_DEFINE_FINAL_TYPE (VgGpkgWriter, vg_gpkg_writer, G_TYPE_OBJECT)

static void
vg_gpkg_writer_finalize (GObject *object)
{
  VgGpkgWriter *self = VG_GPKG_WRITER (object);

  g_clear_pointer (&self->insert, sqlite3_finalize);
  /* Not finished: closing without COMMIT rolls the features back, leaving an empty layer. */
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->table, g_free);

  G_OBJECT_CLASS (vg_gpkg_writer_parent_class)->finalize (object);
}

static void
vg_gpkg_writer_class_init (VgGpkgWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_gpkg_writer_finalize;
}

static void
vg_gpkg_writer_init (VgGpkgWriter *self)
{
  self->extent[0] = self->extent[1] = INFINITY;
  self->extent[2] = self->extent[3] = -INFINITY;
}

static gboolean
sqlite_fail (VgGpkgWriter  *self,
             GError       **error,
             int            code,
             const char    *what)
{
  g_set_error (error, VG_STORE_ERROR, code, "GeoPackage “%s”: %s: %s", self->path, what,
               self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
  return FALSE;
}

static gboolean
exec (VgGpkgWriter  *self,
      const char    *sql,
      const char    *what,
      GError       **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, what);
  return TRUE;
}

/* @name as an SQL identifier: double quotes, inner ones doubled. */
static void
append_identifier (GString    *sql,
                   const char *name)
{
  g_string_append_c (sql, '"');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

static gboolean
create_layer (VgGpkgWriter        *self,
              const char          *description,
              const VgGpkgColumn  *columns,
              guint                n_columns,
              GError             **error)
{
  static const char *type_names[] = {
    [VG_GPKG_COLUMN_INTEGER] = "INTEGER",
    [VG_GPKG_COLUMN_REAL] = "REAL",
    [VG_GPKG_COLUMN_TEXT] = "TEXT",
    [VG_GPKG_COLUMN_DATETIME] = "DATETIME",
  };
  g_autoptr(GString) create = g_string_new ("CREATE TABLE ");
  g_autoptr(GString) insert = g_string_new ("INSERT INTO ");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  append_identifier (create, self->table);
  g_string_append (create, " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY");
  append_identifier (insert, self->table);
  g_string_append (insert, " (geom");
  for (guint i = 0; i < n_columns; i++)
    {
      g_return_val_if_fail (columns[i].type < G_N_ELEMENTS (type_names), FALSE);
      g_string_append (create, ", ");
      append_identifier (create, columns[i].name);
      g_string_append_printf (create, " %s", type_names[columns[i].type]);
      g_string_append (insert, ", ");
      append_identifier (insert, columns[i].name);
    }
  g_string_append (create, ")");
  g_string_append (insert, ") VALUES (?");
  for (guint i = 0; i < n_columns; i++)
    g_string_append (insert, ", ?");
  g_string_append (insert, ")");

  if (!exec (self, create->str, "cannot create the layer", error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                          "last_change, srs_id) VALUES (?1, 'features', ?1, ?2, '1970-01-01T00:00:00.000Z', ?3)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot register the layer");
  sqlite3_bind_text (stmt, 1, self->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, description != NULL ? description : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, WGS84_SRS_ID);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot register the layer");
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (self->db, "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', 'GEOMETRY', ?2, 0, 0)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot register the geometry column");
  sqlite3_bind_text (stmt, 1, self->table, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, WGS84_SRS_ID);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot register the geometry column");

  if (sqlite3_prepare_v2 (self->db, insert->str, -1, &self->insert, NULL) != SQLITE_OK)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot prepare the features");
  return TRUE;
}

VgGpkgWriter *
vg_gpkg_writer_new (const char          *path,
                    const char          *table,
                    const char          *description,
                    const VgGpkgColumn  *columns,
                    guint                n_columns,
                    GError             **error)
{
  g_autoptr(VgGpkgWriter) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (table != NULL && *table != '\0', NULL);
  g_return_val_if_fail (columns != NULL || n_columns == 0, NULL);

  self = g_object_new (VG_TYPE_GPKG_WRITER, NULL);
  self->path = g_strdup (path);
  self->table = g_strdup (table);
  self->n_columns = n_columns;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "GeoPackage “%s”: already exists", path);
      return NULL;
    }
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      sqlite_fail (self, error, VG_STORE_ERROR_OPEN, "cannot create");
      return NULL;
    }
  /* A fresh file under a temporary name: a crash leaves a file nobody uses, so skip the
   * rollback journal and the fsyncs; the caller renames it into place once finished. */
  if (!exec (self, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", "cannot configure", error) ||
      !exec (self, schema_sql, "cannot write the GeoPackage tables", error) ||
      !exec (self, "BEGIN", "cannot start writing", error) ||
      !create_layer (self, description, columns, n_columns, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
vg_gpkg_writer_set_int (VgGpkgWriter *self,
                        guint         column,
                        gint64        value)
{
  g_return_if_fail (VG_IS_GPKG_WRITER (self) && self->insert != NULL);
  g_return_if_fail (column < self->n_columns);

  sqlite3_bind_int64 (self->insert, column + 2, value);
}

void
vg_gpkg_writer_set_double (VgGpkgWriter *self,
                           guint         column,
                           double        value)
{
  g_return_if_fail (VG_IS_GPKG_WRITER (self) && self->insert != NULL);
  g_return_if_fail (column < self->n_columns);

  sqlite3_bind_double (self->insert, column + 2, value);
}

void
vg_gpkg_writer_set_text (VgGpkgWriter *self,
                         guint         column,
                         const char   *value)
{
  g_return_if_fail (VG_IS_GPKG_WRITER (self) && self->insert != NULL);
  g_return_if_fail (column < self->n_columns);

  if (value != NULL)
    sqlite3_bind_text (self->insert, column + 2, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (self->insert, column + 2);
}

/* @usec as GeoPackage's DATETIME text, or NULL outside GDateTime's years 1–9999. Floor
 * division, so a time before 1970 keeps its milliseconds positive. */
static char *
format_datetime (gint64 usec)
{
  gint64 seconds = usec >= 0 ? usec / G_USEC_PER_SEC : -((-usec - 1) / G_USEC_PER_SEC) - 1;
  gint64 ms = (usec - seconds * G_USEC_PER_SEC) / 1000;
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);
  g_autofree char *text = NULL;

  if (time == NULL)
    return NULL;
  text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03" G_GINT64_FORMAT "Z", text, ms);
}

void
vg_gpkg_writer_set_datetime (VgGpkgWriter *self,
                             guint         column,
                             gint64        usec)
{
  char *text;

  g_return_if_fail (VG_IS_GPKG_WRITER (self) && self->insert != NULL);
  g_return_if_fail (column < self->n_columns);

  if ((text = format_datetime (usec)) != NULL)
    sqlite3_bind_text (self->insert, column + 2, text, -1, g_free);
  else
    sqlite3_bind_null (self->insert, column + 2);
}

gboolean
vg_gpkg_writer_add_feature (VgGpkgWriter  *self,
                            const guint8  *wkb,
                            gsize          len,
                            const double   bbox[4],
                            GError       **error)
{
  g_autoptr(GBytes) blob = NULL;
  int rc;

  g_return_val_if_fail (VG_IS_GPKG_WRITER (self), FALSE);
  g_return_val_if_fail (self->insert != NULL, FALSE);
  g_return_val_if_fail (wkb != NULL && len > 0 && bbox != NULL, FALSE);

  blob = vg_gpkg_blob_new (wkb, len, WGS84_SRS_ID, bbox);
  sqlite3_bind_blob (self->insert, 1, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), SQLITE_STATIC);
  rc = sqlite3_step (self->insert);
  sqlite3_reset (self->insert);
  sqlite3_clear_bindings (self->insert);
  if (rc != SQLITE_DONE)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot add a feature");
  self->n_features++;
  if (bbox[0] <= bbox[2] && bbox[1] <= bbox[3])
    {
      self->extent[0] = MIN (self->extent[0], bbox[0]);
      self->extent[1] = MIN (self->extent[1], bbox[1]);
      self->extent[2] = MAX (self->extent[2], bbox[2]);
      self->extent[3] = MAX (self->extent[3], bbox[3]);
    }
  return TRUE;
}

gboolean
vg_gpkg_writer_add_attributes (VgGpkgWriter        *self,
                               const char          *table,
                               const char          *description,
                               const char * const  *keys,
                               const char * const  *values,
                               GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("CREATE TABLE ");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (VG_IS_GPKG_WRITER (self), FALSE);
  g_return_val_if_fail (self->insert != NULL, FALSE);
  g_return_val_if_fail (table != NULL && keys != NULL && values != NULL, FALSE);
  g_return_val_if_fail (g_strv_length ((GStrv) keys) == g_strv_length ((GStrv) values), FALSE);

  /* §2.4.3: an attributes table has an INTEGER PRIMARY KEY AUTOINCREMENT column. */
  append_identifier (sql, table);
  g_string_append (sql, " (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, key TEXT NOT NULL, value TEXT)");
  if (!exec (self, sql->str, "cannot create an attributes table", error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                          "last_change) VALUES (?1, 'attributes', ?1, ?2, '1970-01-01T00:00:00.000Z')",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot register an attributes table");
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, description != NULL ? description : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot register an attributes table");
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_string_assign (sql, "INSERT INTO ");
  append_identifier (sql, table);
  g_string_append (sql, " (key, value) VALUES (?, ?)");
  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot fill an attributes table");
  for (guint i = 0; keys[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, keys[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot fill an attributes table");
      sqlite3_reset (stmt);
    }
  return TRUE;
}

guint64
vg_gpkg_writer_get_n_features (VgGpkgWriter *self)
{
  g_return_val_if_fail (VG_IS_GPKG_WRITER (self), 0);

  return self->n_features;
}

/* Every table of the file changed at @stamp (attributes tables too). */
static gboolean
exec_stamp (VgGpkgWriter  *self,
            const char    *stamp,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "UPDATE gpkg_contents SET last_change = ?", -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot record the time");
  sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot record the time");
  return TRUE;
}

gboolean
vg_gpkg_writer_finish (VgGpkgWriter  *self,
                       gint64         last_change,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (VG_IS_GPKG_WRITER (self), FALSE);
  g_return_val_if_fail (self->insert != NULL, FALSE);

  g_clear_pointer (&self->insert, sqlite3_finalize);
  if ((stamp = format_datetime (last_change)) == NULL)
    stamp = g_strdup ("1970-01-01T00:00:00.000Z");

  if (sqlite3_prepare_v2 (self->db, "UPDATE gpkg_contents SET min_x = ?1, min_y = ?2, max_x = ?3, max_y = ?4 "
                          "WHERE table_name = ?5", -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot record the extent");
  /* No feature with a geometry: the extent stays NULL, as the specification allows. */
  for (int i = 0; i < 4 && self->extent[0] <= self->extent[2]; i++)
    sqlite3_bind_double (stmt, 1 + i, self->extent[i]);
  sqlite3_bind_text (stmt, 5, self->table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot record the extent");
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!exec_stamp (self, stamp, error) || !exec (self, "COMMIT", "cannot write the features", error))
    return FALSE;
  if (sqlite3_close (self->db) != SQLITE_OK)
    return sqlite_fail (self, error, VG_STORE_ERROR_WRITE, "cannot close");
  self->db = NULL;
  return TRUE;
}
