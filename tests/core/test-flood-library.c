/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-flood-library.h"
#include "vg-geojson-reader.h"
#include "vg-geos-context.h"
#include "vg-gpkg.h"
#include "vg-polygon-grid.h"
#include "vg-test-util.h"
#include "vg-vector-file.h"

static char *
write_temp (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_ids (void)
{
  VgFloodDepthClass c;
  VgFloodKind k;

  g_assert_true (vg_flood_depth_class_from_id ("0.5-1", &c));
  g_assert_cmpint (c, ==, VG_DEPTH_0_5_TO_1);
  g_assert_true (vg_flood_depth_class_from_id ("1 – 1.5", &c));
  g_assert_cmpint (c, ==, VG_DEPTH_1_TO_1_5);
  g_assert_true (vg_flood_depth_class_from_id (">2", &c));
  g_assert_cmpint (c, ==, VG_DEPTH_OVER_2);
  g_assert_false (vg_flood_depth_class_from_id ("deep", &c));
  g_assert_cmpint (vg_flood_depth_class_for_depth (0.01), ==, VG_DEPTH_0_TO_0_5);
  g_assert_cmpint (vg_flood_depth_class_for_depth (0.5), ==, VG_DEPTH_0_TO_0_5);
  g_assert_cmpint (vg_flood_depth_class_for_depth (0.51), ==, VG_DEPTH_0_5_TO_1);
  g_assert_cmpint (vg_flood_depth_class_for_depth (2.5), ==, VG_DEPTH_OVER_2);
  g_assert_true (vg_flood_kind_from_id ("indicative-hand", &k));
  g_assert_cmpint (k, ==, VG_FLOOD_KIND_INDICATIVE_HAND);
  g_assert_false (vg_flood_kind_from_id ("guess", &k));
  g_assert_nonnull (strstr (vg_flood_kind_get_label (VG_FLOOD_KIND_SYNTHETIC), "not real"));
}

/* The hand-made library: three envelopes by stage, the 3 m one built from its depth classes
 * (the union of three nested rings), kind and provenance kept, nested. */
static void
test_load_geojson (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_data_path ("flood/square-library.geojson");
  g_autoptr(VgFloodLibrary) library = vg_flood_library_load (path, -1, &error);
  g_auto(GStrv) gauges = NULL;
  VgFloodEnvelope *e3;
  VgFloodDepthClass c;
  int below, above;

  g_assert_no_error (error);
  g_assert_cmpuint (vg_flood_library_get_n_envelopes (library), ==, 3);
  g_assert_cmpuint (vg_flood_library_get_warnings (library)->len, ==, 0);
  g_assert_true (g_str_has_prefix (vg_flood_library_get_version (library), "sha256:"));
  gauges = vg_flood_library_dup_gauges (library);
  g_assert_cmpstrv (gauges, ((const char *[]) { "TEST0001", NULL }));
  for (guint i = 0; i < 3; i++)
    {
      VgFloodEnvelope *e = vg_flood_library_get_envelope (library, i);
      double side = 100 * (i + 1);

      g_assert_cmpfloat (vg_flood_envelope_get_stage (e), ==, i + 1);
      g_assert_cmpfloat_with_epsilon (vg_flood_envelope_get_area (e), side * side, 1e-6);
      g_assert_cmpint (vg_flood_envelope_get_kind (e), ==, VG_FLOOD_KIND_SYNTHETIC);
      g_assert_nonnull (strstr (vg_flood_envelope_get_source (e), "SYNTHETIC"));
      g_assert_cmpstr (vg_flood_envelope_get_statement (e), ==, VG_FLOOD_STATEMENT_NOMINAL);
    }
  e3 = vg_flood_library_get_envelope (library, 2);
  g_assert_cmpstr (vg_flood_envelope_get_id (e3), ==, "TEST0001@3.00m");
  g_assert_cmpint (vg_flood_library_find (library, "TEST0001@2.00m"), ==, 1);
  g_assert_nonnull (vg_flood_envelope_get_depths (e3));
  g_assert_null (vg_flood_envelope_get_depths (vg_flood_library_get_envelope (library, 0)));
  g_assert_true (vg_flood_envelope_get_depth_at (e3, 770050, 6270050, &c));
  g_assert_cmpint (c, ==, VG_DEPTH_OVER_2);
  g_assert_true (vg_flood_envelope_get_depth_at (e3, 770120, 6270050, &c));
  g_assert_cmpint (c, ==, VG_DEPTH_1_TO_1_5);
  g_assert_true (vg_flood_envelope_get_depth_at (e3, 770180, 6270050, &c));
  g_assert_cmpint (c, ==, VG_DEPTH_0_TO_0_5);
  g_assert_false (vg_flood_envelope_get_depth_at (e3, 770300, 6270050, &c));

  /* Bracketing, never interpolating. */
  g_assert_true (vg_flood_library_bracket (library, "TEST0001", 1.7, &below, &above));
  g_assert_cmpint (below, ==, 0);
  g_assert_cmpint (above, ==, 1);
  vg_flood_library_bracket (library, "TEST0001", 2.0, &below, &above);
  g_assert_cmpint (below, ==, 1);
  g_assert_cmpint (above, ==, 1);
  vg_flood_library_bracket (library, "TEST0001", 0.2, &below, &above);
  g_assert_cmpint (below, ==, -1);
  g_assert_cmpint (above, ==, 0);
  vg_flood_library_bracket (library, "TEST0001", 9, &below, &above);
  g_assert_cmpint (below, ==, 2);
  g_assert_cmpint (above, ==, -1);
  g_assert_false (vg_flood_library_bracket (library, "NOPE", 1, &below, &above));
}

/* An invalid envelope is repaired with a warning naming its feature, and a library whose levels
 * are not nested says so. */
static void
test_repair_and_nesting (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_data_path ("flood/invalid-envelope.geojson");
  g_autoptr(VgFloodLibrary) library = vg_flood_library_load (path, -1, &error);
  GPtrArray *warnings;

  g_assert_no_error (error);
  warnings = vg_flood_library_get_warnings (library);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "feature 2"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "gauge TEST0002, stage 2"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "MakeValid"));
  /* The bow-tie repaired is two triangles of 2,500 m² each, inside the 1 m square... */
  g_assert_cmpfloat_with_epsilon (vg_flood_envelope_get_area (vg_flood_library_get_envelope (library, 1)), 5000, 1e-6);
  /* ...so the 1 m square is not inside the 2 m envelope. */
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "TEST0002@1.00m is not inside TEST0002@2.00m"));
}

/* Bad libraries are refused with the file and feature named; a missing kind is never guessed. */
static void
test_bad_libraries (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  struct { const char *json; int kind; int code; const char *fragment; } cases[] = {
    { "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:2154\"}},\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"gauge\":\"G\",\"stage_m\":1},\"geometry\":"
      "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}]}", -1, VG_GEO_ERROR_MALFORMED, "feature 1 (gauge G, 1 m): no kind" },
    { "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:2154\"}},\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"gauge\":\"G\",\"stage_m\":\"high\"},\"geometry\":"
      "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}]}", 0, VG_GEO_ERROR_MALFORMED, "stage_m “high”" },
    { "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:2154\"}},\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"stage_m\":1},\"geometry\":null}]}", 0, VG_GEO_ERROR_MALFORMED, "feature 1: no gauge" },
    { "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:2154\"}},\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"gauge\":\"G\",\"stage_m\":1,\"depth_class\":\"deep\"},\"geometry\":"
      "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}]}", 0, VG_GEO_ERROR_MALFORMED, "unknown depth class “deep”" },
    { "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:2154\"}},\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"gauge\":\"G\",\"stage_m\":1},\"geometry\":"
      "{\"type\":\"Point\",\"coordinates\":[0,0]}}]}", 0, VG_GEO_ERROR_MALFORMED, "not a polygon" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("bad-%u.geojson", i);
      g_autofree char *path = write_temp (dir, name, cases[i].json);
      g_autoptr(VgFloodLibrary) library = vg_flood_library_load (path, cases[i].kind, &error);

      g_assert_null (library);
      g_assert_error (error, VG_GEO_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
  vg_test_rmtree (dir);
}

/* Written as a GeoPackage and read back: the same envelopes, classes, kinds and provenance;
 * readable by the geodata reader too; stamped with the caller's time, not the clock's. */
static void
test_gpkg_roundtrip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_data_path ("flood/square-library.geojson");
  g_autoptr(VgFloodLibrary) library = vg_flood_library_load (path, -1, &error);
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *out = g_build_filename (dir, "library.gpkg", NULL);
  g_autofree char *out2 = g_build_filename (dir, "again.gpkg", NULL);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(VgFloodLibrary) back = NULL;
  g_autoptr(VgGpkg) gpkg = NULL;
  g_auto(GStrv) layers = NULL;
  g_autofree char *a = NULL, *b = NULL;
  gsize la, lb;

  g_assert_no_error (error);
  g_assert_true (vg_flood_library_write_gpkg (library, out, when, &error));
  g_assert_no_error (error);
  back = vg_flood_library_load (out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vg_flood_library_get_n_envelopes (back), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      VgFloodEnvelope *x = vg_flood_library_get_envelope (library, i);
      VgFloodEnvelope *y = vg_flood_library_get_envelope (back, i);

      g_assert_cmpstr (vg_flood_envelope_get_id (x), ==, vg_flood_envelope_get_id (y));
      g_assert_cmpint (vg_flood_envelope_get_kind (x), ==, vg_flood_envelope_get_kind (y));
      g_assert_cmpstr (vg_flood_envelope_get_source (x), ==, vg_flood_envelope_get_source (y));
      g_assert_cmpfloat (vg_flood_envelope_get_area (x), ==, vg_flood_envelope_get_area (y));
      g_assert_cmpint (vg_flood_envelope_get_depths (x) != NULL, ==, vg_flood_envelope_get_depths (y) != NULL);
    }
  gpkg = vg_gpkg_open (out, &error);
  g_assert_no_error (error);
  layers = vg_gpkg_list_layers (gpkg);
  g_assert_cmpstrv (layers, ((const char *[]) { "flood_envelopes", NULL }));

  /* Same library, same time: the same bytes. */
  g_assert_true (vg_flood_library_write_gpkg (library, out2, when, &error));
  g_assert_true (g_file_get_contents (out, &a, &la, NULL));
  g_assert_true (g_file_get_contents (out2, &b, &lb, NULL));
  g_assert_cmpmem (a, la, b, lb);
  vg_test_rmtree (dir);
}

/* The streaming reader: members in any order, the crs member after the features, escapes,
 * numbers kept as written, nested properties as JSON text, multi-geometries and collections. */
static void
test_geojson_reader (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = write_temp (dir, "mixed.geojson",
    "{\"features\": [\n"
    " {\"geometry\": {\"coordinates\": [[[0,0],[10,0],[10,10],[0,0]],[[1,1],[2,1],[2,2],[1,1]]], \"type\": \"Polygon\"},\n"
    "  \"type\": \"Feature\", \"properties\": {\"name\": \"Caf\\u00e9 \\\"du\\\" Lez \\ud83c\\udf0a\", \"stage_m\": 2.50,"
    " \"ok\": true, \"extra\": {\"a\": [1, 2]}, \"none\": null}},\n"
    " {\"type\": \"Feature\", \"properties\": null, \"geometry\": null},\n"
    " {\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"GeometryCollection\", \"geometries\": ["
    "   {\"type\": \"Point\", \"coordinates\": [5, 5, 12.5]}, {\"type\": \"LineString\", \"coordinates\": [[0,0],[1,1]]},"
    "   {\"type\": \"MultiPoint\", \"coordinates\": [[6, 6], [7, 7]]}]}}\n"
    "], \"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::2154\"}}}\n");
  static const char * const columns[] = { "name", "stage_m", "ok", "extra", "none", "absent", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(VgLayer) layer = vg_geojson_read_layer (path, columns, &error);
  VgShapeSet *shapes;
  gboolean outer;

  g_assert_no_error (error);
  g_assert_cmpstr (vg_layer_get_crs (layer), ==, "EPSG:2154");
  g_assert_cmpuint (vg_layer_get_n_features (layer), ==, 3);
  g_assert_cmpstr (vg_layer_get_value (layer, 0, 0), ==, "Café \"du\" Lez 🌊");
  g_assert_cmpstr (vg_layer_get_value (layer, 0, 1), ==, "2.50");
  g_assert_cmpstr (vg_layer_get_value (layer, 0, 2), ==, "true");
  g_assert_cmpstr (vg_layer_get_value (layer, 0, 3), ==, "{\"a\": [1, 2]}");
  g_assert_null (vg_layer_get_value (layer, 0, 4));
  g_assert_null (vg_layer_get_value (layer, 0, 5));
  g_assert_null (vg_layer_get_value (layer, 1, 0));
  shapes = vg_layer_get_shapes (layer);
  g_assert_cmpint (vg_shape_set_get_kind (shapes, 0), ==, VG_SHAPE_POLYGON);
  g_assert_cmpuint (vg_shape_set_get_n_parts (shapes, 0), ==, 2);
  vg_shape_set_get_part (shapes, 0, 1, NULL, &outer);
  g_assert_false (outer);
  g_assert_cmpfloat_with_epsilon (vg_shape_polygon_area (shapes, 0), 50 - 0.5, 1e-12);
  g_assert_cmpint (vg_shape_set_get_kind (shapes, 1), ==, VG_SHAPE_NONE);
  /* A collection keeps the first member's dimension: the three points, not the line. */
  g_assert_cmpint (vg_shape_set_get_kind (shapes, 2), ==, VG_SHAPE_POINT);
  g_assert_cmpuint (vg_shape_set_get_n_parts (shapes, 2), ==, 3);
  vg_test_rmtree (dir);
}

/* A CRS that cannot be placed is an error, never a guess; WGS84 (RFC 7946 or CRS84) is
 * transformed to Lambert-93 with the check value of PLATFORM.md. */
static void
test_geojson_crs (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
#define POINT_FEATURES "\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s]}}]"
  struct { const char *crs; const char *coords; const char *fragment; } bad[] = {
    { NULL, "770795.51, 6279476.13", "are not longitude/latitude and the file has no crs member" },
    { "{\"type\":\"link\",\"properties\":{\"href\":\"http://example.org/crs\"}}", "1, 2", "of type “link” cannot be placed" },
    { "{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::999999\"}}", "1, 2", "EPSG:999999" },
  };
  const char *good[] = { NULL, "{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}}" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *features = g_strdup_printf (POINT_FEATURES, bad[i].coords);
      g_autofree char *json = bad[i].crs ? g_strdup_printf ("{\"type\":\"FeatureCollection\",\"crs\":%s,%s}", bad[i].crs, features)
                                        : g_strdup_printf ("{\"type\":\"FeatureCollection\",%s}", features);
      g_autofree char *path = write_temp (dir, "bad.geojson", json);
      g_autoptr(VgLayer) layer = vg_vector_file_read (path, NULL, NULL, &error);

      g_assert_null (layer);
      g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, bad[i].fragment));
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *features = g_strdup_printf (POINT_FEATURES, "3.8767, 43.6108");
      g_autofree char *json = good[i] ? g_strdup_printf ("{\"type\":\"FeatureCollection\",\"crs\":%s,%s}", good[i], features)
                                     : g_strdup_printf ("{\"type\":\"FeatureCollection\",%s}", features);
      g_autofree char *path = write_temp (dir, "good.geojson", json);
      g_autoptr(VgLayer) layer = vg_vector_file_read (path, NULL, NULL, &error);
      const double *xy;

      g_assert_no_error (error);
      g_assert_cmpstr (vg_layer_get_crs (layer), ==, "EPSG:2154");
      xy = vg_shape_set_get_part (vg_layer_get_shapes (layer), 0, 0, NULL, NULL);
      g_assert_cmpfloat_with_epsilon (xy[0], 770795.51, 0.01);
      g_assert_cmpfloat_with_epsilon (xy[1], 6279476.13, 0.01);
    }
  vg_test_rmtree (dir);
}

/* Hostile or broken GeoJSON: an error naming the file, feature and byte; never a crash. */
static void
test_geojson_malformed (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autoptr(GString) deep = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"x\":");
  struct { const char *json; const char *fragment; } cases[] = {
    { "", "empty file" },
    { "[1, 2]", "expected “{”" },
    { "{\"type\":\"Topology\"}", "not a FeatureCollection" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1]}}]}",
      "feature 1: expected “,”" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null},"
      "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[0,0]]]}}]}", "feature 2: ring of 3 positions" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"a\":\"\\x\"}}]}", "feature 1: bad escape" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"a\":\"\\ud800\"}}]}", "feature 1: unpaired surrogate" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Circle\",\"coordinates\":[]}}]}",
      "unknown geometry type “Circle”" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"a\":1e999}}]}", "feature 1: bad number" },
    { "{\"type\":\"FeatureCollection\",\"features\":[]} trailing", "trailing data" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"a\":\"unterminated}}]}", "feature 1: unterminated string" },
  };

  for (guint i = 0; i < 100; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < G_N_ELEMENTS (cases) + 1; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = write_temp (dir, "bad.geojson", i < G_N_ELEMENTS (cases) ? cases[i].json : deep->str);
      /* Property "a" is read, so its string is decoded: skipped values are only scanned. */
      static const char * const columns[] = { "a", NULL };
      g_autoptr(VgLayer) layer = vg_geojson_read_layer (path, columns, &error);

      g_assert_null (layer);
      g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, "(byte "));
      g_assert_nonnull (strstr (error->message, i < G_N_ELEMENTS (cases) ? cases[i].fragment : "nesting deeper than 64"));
    }
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/flood/library/ids", test_ids);
  g_test_add_func ("/vigie/flood/library/load-geojson", test_load_geojson);
  g_test_add_func ("/vigie/flood/library/repair-and-nesting", test_repair_and_nesting);
  g_test_add_func ("/vigie/flood/library/bad", test_bad_libraries);
  g_test_add_func ("/vigie/flood/library/gpkg-roundtrip", test_gpkg_roundtrip);
  g_test_add_func ("/vigie/flood/geojson/reader", test_geojson_reader);
  g_test_add_func ("/vigie/flood/geojson/crs", test_geojson_crs);
  g_test_add_func ("/vigie/flood/geojson/malformed", test_geojson_malformed);

  return g_test_run ();
}
