/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-test-util.h"

static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("VIGIE_CLI"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return vg_test_run ((const char * const *) argv->pdata, out, err);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The hand-made library over hand-placed assets, from the command line: every envelope's totals
 * as worked out on paper, and at --level 2.4 m the 3 m envelope, bracketed by 2 m and 3 m. */
static void
test_exposure_square (void)
{
  g_autofree char *library = vg_test_data_path ("flood/square-library.geojson");
  g_autofree char *assets = vg_test_data_path ("flood/square-assets.geojson");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *exposures;
  JsonObject *x, *totals;
  const double areas[] = { 200, 500, 725 };

  g_assert_cmpint (run_cli (&out, &err, "flood", "exposure", "--envelopes", library, "--assets", assets, "--json", NULL), ==, 0);
  root = parse (out);
  exposures = json_object_get_array_member (json_node_get_object (root), "exposures");
  g_assert_cmpuint (json_array_get_length (exposures), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      x = json_object_get_object_member (json_array_get_object_element (exposures, i), "exposure");
      totals = json_object_get_object_member (x, "totals");
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (totals, "building_area_inside_m2"), areas[i], 1e-9);
      g_assert_cmpint (json_object_get_int_member (totals, "buildings"), ==, i + 2);
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (run_cli (&out, &err, "flood", "exposure", "--envelopes", library, "--assets", assets,
                            "--level", "2.4", "--json", NULL), ==, 0);
  root = parse (out);
  exposures = json_object_get_array_member (json_node_get_object (root), "exposures");
  g_assert_cmpuint (json_array_get_length (exposures), ==, 1);
  x = json_array_get_object_element (exposures, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (x, "bracket"), "below"), ==, "TEST0001@2.00m");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (x, "bracket"), "above"), ==, "TEST0001@3.00m");
  g_assert_false (json_object_get_boolean_member (x, "beyond_library"));
  x = json_object_get_object_member (x, "exposure");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (x, "streets_cut")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (x, "buildings")), ==, 4);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Text: says the level lies between two envelopes and which one is shown. */
  g_assert_cmpint (run_cli (&out, &err, "flood", "exposure", "--envelopes", library, "--assets", assets,
                            "--level", "2.4", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "never interpolated"));
  g_assert_nonnull (strstr (out, "EHPAD des Tests, depth 0-0.5"));
}

/* Build a library from the small SYNTHETIC DEM, then compute the real city's exposure to it at
 * a level: the repaired building is named on stderr and in the JSON. */
static void
test_build_then_exposure (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *library = g_build_filename (dir, "lez.gpkg", NULL);
  g_autofree char *dem = vg_test_data_path ("flood/synthetic-dem-lez-50m.asc");
  g_autofree char *geodata = vg_test_geodata_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *envelopes, *exposures;
  JsonObject *x;

  g_assert_cmpint (run_cli (&out, &err, "flood", "envelopes", "build", "--dem", dem, "--rivers", geodata,
                            "--step", "0.5", "--max-stage", "2", "--out", library, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "La Mosson"));
  root = parse (out);
  envelopes = json_object_get_array_member (json_node_get_object (root), "envelopes");
  /* Le Lez à Lattes and à Montpellier, 4 stages each; the Mosson is outside this DEM. */
  g_assert_cmpuint (json_array_get_length (envelopes), ==, 8);
  for (guint i = 0; i < json_array_get_length (envelopes); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (envelopes, i), "kind"), ==, "synthetic");
  g_assert_true (g_file_test (library, G_FILE_TEST_IS_REGULAR));
  {
    JsonArray *gauges = json_object_get_array_member (json_node_get_object (root), "gauges");
    JsonObject *mosson = json_array_get_object_element (gauges, 2);

    g_assert_cmpuint (json_array_get_length (gauges), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (gauges, 0), "legacy_code"), ==, "Y3204030");
    g_assert_cmpstr (json_object_get_string_member (mosson, "code"), ==, "Y314001001");
    g_assert_true (json_object_get_null_member (mosson, "legacy_code"));
    g_assert_true (g_str_has_prefix (json_object_get_string_member (mosson, "position_source"), "RECONSTRUCTED"));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (run_cli (&out, &err, "flood", "exposure", "--envelopes", library, "--assets", geodata,
                            "--gauge", "Y321002101", "--level", "1.7", "--summary", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "feature 815"));
  root = parse (out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "warnings")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (root), "precomputation"),
                                               "measured_exactly"), >, 0);
  exposures = json_object_get_array_member (json_node_get_object (root), "exposures");
  g_assert_cmpuint (json_array_get_length (exposures), ==, 1);
  x = json_object_get_object_member (json_array_get_object_element (exposures, 0), "exposure");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (x, "envelope"), "id"), ==, "Y321002101@2.00m");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (x, "totals"), "addresses"), >, 0);
  g_assert_false (json_object_has_member (x, "addresses"));
  vg_test_rmtree (dir);
}

/* `flood project`: a stated trend from readings, times of each envelope. */
static void
test_project (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *readings = g_build_filename (dir, "readings.json", NULL);
  g_autofree char *library = vg_test_data_path ("flood/square-library.geojson");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *crossings;

  g_assert_true (g_file_set_contents (readings,
    "[[\"2014-09-29T12:00:00Z\", 1.0], [\"2014-09-29T12:30:00Z\", 1.25], [\"2014-09-29T13:00:00Z\", 1.5],"
    " [\"2014-09-29T13:30:00Z\", 1.75], [\"2014-09-29T14:00:00Z\", 2.0], [\"2014-09-29T14:30:00Z\", 2.25]]", -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "flood", "project", "--envelopes", library, "--gauge", "TEST0001",
                            "--readings", readings, "--json", NULL), ==, 0);
  root = parse (out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "method"), ==, "trend");
  crossings = json_object_get_array_member (json_node_get_object (root), "crossings");
  g_assert_cmpuint (json_array_get_length (crossings), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (crossings, 2), "time"), ==, "2014-09-29T16:00:00Z");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "flood", "project", "--envelopes", library, "--gauge", "TEST0001",
                            "--readings", readings, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "TEST0001@3.00m     expected 2014-09-29 16:00 UTC"));
  vg_test_rmtree (dir);
}

/* Bad input: exit 1 naming the file (or feature), usage errors exit 2; one line on stderr. */
static void
test_bad_input (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *library = vg_test_data_path ("flood/square-library.geojson");
  g_autofree char *assets = vg_test_data_path ("flood/square-assets.geojson");
  g_autofree char *unkinded = g_build_filename (dir, "unkinded.geojson", NULL);
  g_autofree char *noprj = g_build_filename (dir, "noprj.asc", NULL);
  g_autofree char *geodata = vg_test_geodata_path ();
  g_autofree char *lambert = g_build_filename (dir, "lambert.geojson", NULL);
  g_autofree char *out_gpkg = g_build_filename (dir, "never-written.gpkg", NULL);
  struct { const char *args[9]; int code; const char *fragment; } cases[] = {
    { { "flood", NULL }, 2, "usage: vigie-cli flood" },
    { { "flood", "exposure", "--assets", assets, NULL }, 2, "--envelopes and --assets are required" },
    { { "flood", "exposure", "--envelopes", library, "--assets", assets, "--level", "high" }, 2, "--level “high”" },
    { { "flood", "exposure", "--envelopes", "/nonexistent.gpkg", "--assets", assets, NULL }, 1, "/nonexistent.gpkg" },
    { { "flood", "exposure", "--envelopes", unkinded, "--assets", assets, NULL }, 1, "feature 1 (gauge G, 1 m): no kind" },
    { { "flood", "exposure", "--envelopes", library, "--assets", lambert, NULL }, 1, "cannot be placed" },
    { { "flood", "exposure", "--envelopes", library, "--assets", assets, "--gauge", "Y0000000" }, 1, "no envelope for gauge “Y0000000”" },
    { { "flood", "envelopes", "build", "--dem", noprj, "--rivers", geodata, "--out", out_gpkg }, 1, "noprj.asc”: an ASCII grid carries no CRS" },
    { { "flood", "envelopes", "build", "--rivers", geodata, NULL }, 2, "--dem, --rivers and --out are required" },
    { { "flood", "project", "--envelopes", library, "--gauge", "TEST0001", "--readings", "/nonexistent.json" }, 1, "/nonexistent.json" },
  };

  g_assert_true (g_file_set_contents (unkinded,
    "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:2154\"}},\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"gauge\":\"G\",\"stage_m\":1},\"geometry\":"
    "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}]}", -1, NULL));
  g_assert_true (g_file_set_contents (noprj, "ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n5\n", -1, NULL));
  /* Lambert-93 coordinates dressed as RFC 7946 GeoJSON, as two of the city's files are. */
  g_assert_true (g_file_set_contents (lambert,
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
    "\"geometry\":{\"type\":\"Point\",\"coordinates\":[770795.5,6279476.1]}}]}", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char * const *a = cases[i].args;
      int code = run_cli (&out, &err, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], NULL);

      g_test_message ("%s", err);
      g_assert_cmpint (code, ==, cases[i].code);
      g_assert_nonnull (strstr (err, cases[i].fragment));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }

  /* The kind may be said on the command line instead. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (&out, &err, "flood", "exposure", "--envelopes", unkinded, "--assets", assets,
                              "--kind", "official", "--summary", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Official"));
  }
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/cli/flood/exposure-square", test_exposure_square);
  g_test_add_func ("/vigie/cli/flood/build-then-exposure", test_build_then_exposure);
  g_test_add_func ("/vigie/cli/flood/project", test_project);
  g_test_add_func ("/vigie/cli/flood/bad-input", test_bad_input);

  return g_test_run ();
}
