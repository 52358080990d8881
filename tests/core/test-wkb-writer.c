/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#undef G_DISABLE_ASSERT
#define G_LOG_DOMAIN "test-wkb-writer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-gpkg.h"
#include "vg-gpkg-writer.h"
#include "vg-test-journal.h"
#include "vg-test-util.h"
#include "vg-wkb.h"
#include "vg-wkb-writer.h"

/* What Vigie writes, read back by Vigie's own decoders (vg-wkb, VgGpkg), which other tests
 * check against GDAL-written files. */

static GByteArray *
encode (const char *geojson,
        double      bbox[4])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = vg_test_json (geojson);
  GByteArray *wkb = g_byte_array_new ();

  g_assert_true (vg_wkb_write_geojson (node, wkb, bbox, &error));
  g_assert_no_error (error);
  return wkb;
}

static void
test_round_trip (void)
{
  static const struct {
    const char  *geojson;
    VgShapeKind  kind;
    guint        n_parts;
    gsize        n_points;
    double       bbox[4];
  } cases[] = {
    { "{\"type\":\"Point\",\"coordinates\":[3.8767,43.6108]}", VG_SHAPE_POINT, 1, 1, { 3.8767, 43.6108, 3.8767, 43.6108 } },
    { "{\"type\":\"Point\",\"coordinates\":[3.8,43.6,12.5]}", VG_SHAPE_POINT, 1, 1, { 3.8, 43.6, 3.8, 43.6 } },
    { "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,2],[3,1]]}", VG_SHAPE_LINE, 1, 3, { 0, 0, 3, 2 } },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]}",
      VG_SHAPE_POLYGON, 2, 9, { 0, 0, 4, 4 } },
    { "{\"type\":\"MultiPoint\",\"coordinates\":[[1,1],[-2,5]]}", VG_SHAPE_POINT, 2, 2, { -2, 1, 1, 5 } },
    { "{\"type\":\"MultiLineString\",\"coordinates\":[[[0,0],[1,1]],[[2,2],[3,3]]]}", VG_SHAPE_LINE, 2, 4, { 0, 0, 3, 3 } },
    { "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}",
      VG_SHAPE_POLYGON, 2, 8, { 0, 0, 6, 6 } },
    { "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]},"
      "{\"type\":\"MultiPoint\",\"coordinates\":[[3,4]]}]}", VG_SHAPE_POINT, 2, 2, { 1, 2, 3, 4 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VgShapeSet) shapes = vg_shape_set_new ();
      double bbox[4];
      g_autoptr(GByteArray) wkb = encode (cases[i].geojson, bbox);
      g_autoptr(GBytes) blob = vg_gpkg_blob_new (wkb->data, wkb->len, 4326, bbox);
      gint32 srs = 0;

      for (guint j = 0; j < 4; j++)
        g_assert_cmpfloat (bbox[j], ==, cases[i].bbox[j]);
      g_assert_true (vg_wkb_decode (wkb->data, wkb->len, shapes, &error));
      g_assert_no_error (error);
      g_assert_cmpint (vg_shape_set_get_kind (shapes, 0), ==, cases[i].kind);
      g_assert_cmpuint (vg_shape_set_get_n_parts (shapes, 0), ==, cases[i].n_parts);
      g_assert_cmpuint (vg_shape_set_get_n_points (shapes), ==, cases[i].n_points);
      for (guint j = 0; j < 4; j++)
        g_assert_cmpfloat (vg_shape_set_get_bbox (shapes, 0)[j], ==, cases[i].bbox[j]);
      /* The same geometry inside a GeoPackage blob, with its SRS. */
      g_assert_true (vg_gpkg_blob_decode (g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), shapes, &srs, &error));
      g_assert_no_error (error);
      g_assert_cmpint (srs, ==, 4326);
      g_assert_cmpuint (vg_shape_set_get_n_shapes (shapes), ==, 2);
      g_assert_cmpuint (vg_shape_set_get_n_points (shapes), ==, 2 * cases[i].n_points);
    }
}

static void
test_exact_bytes (void)
{
  /* ISO WKB of POINT (1 2), little-endian: byte order, type 1, then the doubles. */
  static const guint8 expected[] = { 0x01, 0x01, 0x00, 0x00, 0x00,
                                     0, 0, 0, 0, 0, 0, 0xf0, 0x3f,
                                     0, 0, 0, 0, 0, 0, 0x00, 0x40 };
  double bbox[4];
  g_autoptr(GByteArray) wkb = encode ("{\"type\":\"Point\",\"coordinates\":[1,2]}", bbox);
  g_autoptr(GBytes) blob = vg_gpkg_blob_new (wkb->data, wkb->len, 4326, bbox);
  const guint8 *b = g_bytes_get_data (blob, NULL);
  double min_x, max_y;

  g_assert_cmpmem (wkb->data, wkb->len, expected, sizeof expected);
  /* "GP", version 0, flags: little-endian with an xy envelope; SRS 4326; min_x, max_x, min_y, max_y. */
  g_assert_cmpuint (g_bytes_get_size (blob), ==, 8 + 32 + sizeof expected);
  g_assert_cmpmem (b, 4, "GP\x00\x03", 4);
  g_assert_cmpuint (b[4] | b[5] << 8, ==, 4326);
  /* The host is little-endian wherever Vigie runs (x86-64, arm64); the blob always is. */
  g_assert_cmpint (G_BYTE_ORDER, ==, G_LITTLE_ENDIAN);
  memcpy (&min_x, b + 8, 8);
  memcpy (&max_y, b + 8 + 24, 8);
  g_assert_cmpfloat (min_x, ==, 1);
  g_assert_cmpfloat (max_y, ==, 2);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgShapeSet) shapes = vg_shape_set_new ();
  double bbox[4];
  g_autoptr(GByteArray) wkb = encode ("{\"type\":\"Point\",\"coordinates\":[]}", bbox);
  g_autoptr(GBytes) blob = vg_gpkg_blob_new (wkb->data, wkb->len, 4326, bbox);

  g_assert_true (bbox[0] > bbox[2]);
  g_assert_true (vg_wkb_decode (wkb->data, wkb->len, shapes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vg_shape_set_get_kind (shapes, 0), ==, VG_SHAPE_NONE);
  /* The empty flag, no envelope. */
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (blob, NULL))[3], ==, 0x11);
  g_assert_cmpuint (g_bytes_get_size (blob), ==, 8 + wkb->len);
}

static void
test_invalid (void)
{
  static const struct {
    const char *geojson;
    const char *message;
  } cases[] = {
    { "{\"type\":\"Circle\",\"coordinates\":[0,0]}", "unknown geometry type “Circle”" },
    { "{\"coordinates\":[0,0]}", "unknown geometry type “(none)”" },
    { "{\"type\":\"Point\"}", "at coordinates: an array is expected" },
    { "{\"type\":\"Point\",\"coordinates\":[1]}", "a position needs two numbers" },
    { "{\"type\":\"Point\",\"coordinates\":[1,\"2\"]}", "ordinate 1 is not a number" },
    { "{\"type\":\"LineString\",\"coordinates\":[[0,0]]}", "a line needs at least two positions" },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", "at coordinates[0]: the ring is not closed" },
    { "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[0,0]]]]}", "at coordinates[0][0]: a ring needs at least four" },
    { "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[0,{}]}]}",
      "at geometries[0].coordinates: ordinate 1 is not a number" },
    { "[1,2]", "a geometry object is expected" },
  };
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GByteArray) wkb = g_byte_array_new ();
  double bbox[4];

  g_byte_array_append (wkb, (const guint8 *) "x", 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) bad = vg_test_json (cases[i].geojson);

      g_assert_false (vg_wkb_write_geojson (bad, wkb, bbox, &error));
      g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: “%s” lacks “%s”", cases[i].geojson, error->message, cases[i].message);
      g_clear_error (&error);
      /* Nothing of a failed geometry stays in the output. */
      g_assert_cmpuint (wkb->len, ==, 1);
    }

  /* Collections nested past VG_WKB_MAX_DEPTH, as the decoder would refuse them. */
  for (guint i = 0; i <= VG_WKB_MAX_DEPTH + 1; i++)
    g_string_append (deep, "{\"type\":\"GeometryCollection\",\"geometries\":[");
  g_string_append (deep, "{\"type\":\"Point\",\"coordinates\":[0,0]}");
  for (guint i = 0; i <= VG_WKB_MAX_DEPTH + 1; i++)
    g_string_append (deep, "]}");
  node = vg_test_json (deep->str);
  g_assert_false (vg_wkb_write_geojson (node, wkb, bbox, &error));
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "nested deeper"));
}

static void
test_gpkg_writer (void)
{
  static const VgGpkgColumn columns[] = {
    { "name", VG_GPKG_COLUMN_TEXT },
    { "seq", VG_GPKG_COLUMN_INTEGER },
    { "value", VG_GPKG_COLUMN_REAL },
    { "time", VG_GPKG_COLUMN_DATETIME },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "out.gpkg", NULL);
  g_autoptr(VgGpkgWriter) writer = vg_gpkg_writer_new (path, "sites \"quoted\"", "Two sites", columns,
                                                       G_N_ELEMENTS (columns), &error);
  g_autoptr(VgGpkg) gpkg = NULL;
  g_autoptr(VgLayer) layer = NULL;
  g_auto(GStrv) layers = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_utc (2014, 9, 29, 6, 15, 30.25);
  double bbox[4];
  g_autoptr(GByteArray) point = encode ("{\"type\":\"Point\",\"coordinates\":[3.87,43.61]}", bbox);
  g_autoptr(GByteArray) polygon = NULL;
  double polygon_bbox[4];
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  vg_gpkg_writer_set_text (writer, 0, "École Jules Ferry");
  vg_gpkg_writer_set_int (writer, 1, 12);
  vg_gpkg_writer_set_double (writer, 2, 3.72);
  vg_gpkg_writer_set_datetime (writer, 3, vg_time_to_usec (time));
  g_assert_true (vg_gpkg_writer_add_feature (writer, point->data, point->len, bbox, &error));
  polygon = encode ("{\"type\":\"Polygon\",\"coordinates\":[[[3.8,43.6],[3.9,43.6],[3.9,43.7],[3.8,43.6]]]}",
                    polygon_bbox);
  g_assert_true (vg_gpkg_writer_add_feature (writer, polygon->data, polygon->len, polygon_bbox, &error));
  g_assert_true (vg_gpkg_writer_add_attributes (writer, "about", "What this is",
                                                (const char *[]) { "source", NULL }, (const char *[]) { "a test", NULL },
                                                &error));
  g_assert_cmpuint (vg_gpkg_writer_get_n_features (writer), ==, 2);
  g_assert_true (vg_gpkg_writer_finish (writer, vg_time_to_usec (time), &error));
  g_assert_no_error (error);

  gpkg = vg_gpkg_open (path, &error);
  g_assert_no_error (error);
  layers = vg_gpkg_list_layers (gpkg);
  g_assert_cmpuint (g_strv_length (layers), ==, 1);
  g_assert_cmpstr (layers[0], ==, "sites \"quoted\"");
  layer = vg_gpkg_read_layer (gpkg, "sites \"quoted\"", (const char *[]) { "name", NULL }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vg_layer_get_n_features (layer), ==, 2);
  g_assert_cmpstr (vg_layer_get_crs (layer), ==, "EPSG:4326");
  g_assert_cmpstr (vg_layer_get_value (layer, 0, 0), ==, "École Jules Ferry");
  g_assert_null (vg_layer_get_value (layer, 1, 0));

  db = vg_test_sqlite_open (path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT time, value, (SELECT last_change FROM gpkg_contents LIMIT 1), "
                                       "(SELECT min_x FROM gpkg_contents WHERE data_type = 'features'), "
                                       "(SELECT application_id FROM pragma_application_id), "
                                       "(SELECT user_version FROM pragma_user_version) FROM \"sites \"\"quoted\"\"\" "
                                       "WHERE fid = 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2014-09-29T06:15:30.250Z");
  g_assert_cmpfloat (sqlite3_column_double (stmt, 1), ==, 3.72);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "2014-09-29T06:15:30.250Z");
  g_assert_cmpfloat (sqlite3_column_double (stmt, 3), ==, 3.8);
  g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, 0x47504B47);
  g_assert_cmpint (sqlite3_column_int (stmt, 5), ==, 10300);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* It never overwrites. */
  g_clear_object (&writer);
  g_assert_null (vg_gpkg_writer_new (path, "other", NULL, columns, 1, &error));
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN);
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/wkb-writer/round-trip", test_round_trip);
  g_test_add_func ("/vigie/wkb-writer/exact-bytes", test_exact_bytes);
  g_test_add_func ("/vigie/wkb-writer/empty", test_empty);
  g_test_add_func ("/vigie/wkb-writer/invalid", test_invalid);
  g_test_add_func ("/vigie/wkb-writer/gpkg-writer", test_gpkg_writer);

  return g_test_run ();
}
