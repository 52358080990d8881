/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-flood-exposure-index.h"
#include "vg-flood-overlay.h"
#include "vg-test-util.h"

static VgFloodLibrary *
load_library (const char *relpath)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_data_path (relpath);
  VgFloodLibrary *library = vg_flood_library_load (path, -1, &error);

  g_assert_no_error (error);
  return library;
}

static VgFloodAssets *
load_assets (const char *path,
             GPtrArray  *warnings)
{
  g_autoptr(GError) error = NULL;
  VgFloodAssets *assets = vg_flood_assets_new ();

  g_assert_true (vg_flood_assets_add_file (assets, path, warnings, &error));
  g_assert_no_error (error);
  return assets;
}

/* The hand-made library (squares 100, 200, 300 m wide at stages 1, 2, 3 m) over hand-placed
 * assets: every figure below was worked out on paper (tools/make-flood-fixtures). */
static void
test_hand_made (void)
{
  g_autoptr(VgFloodLibrary) library = load_library ("flood/square-library.geojson");
  g_autofree char *assets_path = vg_test_data_path ("flood/square-assets.geojson");
  g_autoptr(VgFloodAssets) assets = load_assets (assets_path, NULL);
  g_autoptr(VgFloodExposureIndex) index = vg_flood_exposure_index_new (library, assets, 2);
  struct {
    guint buildings; double area; guint addresses; guint roads; double length; guint streets; guint sites, vulnerable;
  } expected[3] = {
    /* B1 100 + B2 half (100); A1 and A5 (on the side); Rue du Test 100 m; the school. */
    { 2, 200, 2, 1, 100, 1, 1, 1 },
    /* + B2 whole, B3 half (200); + A2; Rue du Test 200 m + Diagonale to the corner 30√2 m. */
    { 3, 500, 3, 2, 200 + 30 * G_SQRT2, 2, 1, 1 },
    /* + B3 whole, B5's corner (25); + A3; 300 m + 60√2 m; + the EHPAD. */
    { 4, 725, 4, 2, 300 + 60 * G_SQRT2, 2, 2, 2 },
  };
  const guint8 *levels;
  g_autofree guint8 *selected = NULL;
  gboolean beyond;
  guint n;
  int e;

  g_assert_cmpuint (vg_flood_library_get_n_envelopes (library), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const VgFloodTotals *t = vg_flood_exposure_index_get_totals (index, i);

      g_assert_cmpfloat (vg_flood_envelope_get_stage (vg_flood_library_get_envelope (library, i)), ==, i + 1);
      g_assert_cmpuint (t->buildings, ==, expected[i].buildings);
      g_assert_cmpfloat_with_epsilon (t->building_area_m2, expected[i].area, 1e-6);
      g_assert_cmpuint (t->addresses, ==, expected[i].addresses);
      g_assert_cmpfloat_with_epsilon (t->residents, expected[i].addresses * 1.9, 1e-9);
      g_assert_cmpuint (t->road_segments, ==, expected[i].roads);
      g_assert_cmpfloat_with_epsilon (t->road_length_m, expected[i].length, 1e-6);
      g_assert_cmpuint (t->streets_cut, ==, expected[i].streets);
      g_assert_cmpuint (t->sites, ==, expected[i].sites);
      g_assert_cmpuint (t->vulnerable_sites, ==, expected[i].vulnerable);
    }

  /* What-ifs: the lowest envelope at or above the level; never between two. */
  g_assert_true (vg_flood_exposure_index_lookup (index, "TEST0001", 0.4, &e, &beyond) == vg_flood_exposure_index_get_totals (index, 0));
  g_assert_false (beyond);
  vg_flood_exposure_index_lookup (index, "TEST0001", 1.0, &e, &beyond);
  g_assert_cmpint (e, ==, 0);
  vg_flood_exposure_index_lookup (index, "TEST0001", 1.2, &e, &beyond);
  g_assert_cmpint (e, ==, 1);
  vg_flood_exposure_index_lookup (index, "TEST0001", 4.0, &e, &beyond);
  g_assert_cmpint (e, ==, 2);
  g_assert_true (beyond);
  g_assert_null (vg_flood_exposure_index_lookup (index, "NOPE", 1.0, &e, NULL));

  /* The work: 5 buildings, 3 roads, 5 addresses and 3 sites against 3 envelopes, measured
   * exactly only near their boundaries. */
  {
    const VgFloodIndexStats *stats = vg_flood_exposure_index_get_stats (index);

    g_assert_cmpuint (stats->intersecting, ==, 2 + 3 + 4 + 2 + 3 + 4 + 1 + 2 + 2 + 1 + 1 + 2);
    g_assert_cmpuint (stats->boundary, >, 0);
    g_assert_cmpuint (stats->boundary, <, stats->candidates);
  }

  /* Per building, the lowest envelope reaching it: B1, B2 at 1 m; B3 at 2 m; B4 never; B5 at 3 m. */
  levels = vg_flood_exposure_index_get_first_levels (index, "TEST0001", VG_FLOOD_ASSET_BUILDING, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpmem (levels, 5, "\0\0\1\377\2", 5);
  selected = g_new0 (guint8, n);
  g_assert_cmpuint (vg_flood_exposure_index_select (index, "TEST0001", 1.5, VG_FLOOD_ASSET_BUILDING, selected), ==, 3);
  g_assert_cmpmem (selected, 5, "\1\1\1\0\0", 5);
}

/* The record of one envelope: its assets with what lies inside, the streets cut, the sites
 * with their depth class, and the JSON the journal keeps. */
static void
test_record (void)
{
  g_autoptr(VgFloodLibrary) library = load_library ("flood/square-library.geojson");
  g_autofree char *assets_path = vg_test_data_path ("flood/square-assets.geojson");
  g_autoptr(VgFloodAssets) assets = load_assets (assets_path, NULL);
  g_autoptr(VgFloodExposureIndex) index = vg_flood_exposure_index_new (library, assets, 1);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2014, 9, 29, 18, 30, 0);
  g_autoptr(VgFloodExposure) x1 = vg_flood_exposure_index_dup_exposure (index, 0, NULL);
  g_autoptr(VgFloodExposure) x3 = vg_flood_exposure_index_dup_exposure (index, 2, when);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;
  const VgFloodExposedAsset *a;
  const VgFloodStreetCut *cuts;
  JsonObject *root;
  guint n;

  g_assert_null (vg_flood_exposure_get_time (x1));
  g_assert_true (g_date_time_equal (vg_flood_exposure_get_time (x3), when));
  a = vg_flood_exposure_get_assets (x1, VG_FLOOD_ASSET_BUILDING, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (a[1].name, ==, "B2 across the 1 m side");
  g_assert_cmpfloat_with_epsilon (a[1].inside, 100, 1e-6);
  g_assert_cmpfloat_with_epsilon (a[1].total, 200, 1e-6);
  a = vg_flood_exposure_get_assets (x1, VG_FLOOD_ASSET_ADDRESS, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (a[0].name, ==, "1  Rue du Test");
  g_assert_cmpstr (a[1].name, ==, "5 bis Rue du Test");

  a = vg_flood_exposure_get_assets (x3, VG_FLOOD_ASSET_SITE, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (a[0].name, ==, "École du Test");
  g_assert_cmpint (a[0].depth_class, ==, VG_DEPTH_OVER_2);
  g_assert_cmpstr (a[1].category, ==, "care_home");
  g_assert_cmpint (a[1].depth_class, ==, VG_DEPTH_0_TO_0_5);
  cuts = vg_flood_exposure_get_streets_cut (x3, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (cuts[0].name, ==, "Rue du Test");
  g_assert_cmpfloat_with_epsilon (cuts[0].length_m, 300, 1e-6);
  g_assert_cmpstr (cuts[1].name, ==, "Avenue Diagonale");

  node = vg_flood_exposure_to_json (x3, TRUE);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  g_test_message ("%s", text);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "time"), ==, "2014-09-29T18:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "envelope"), "id"), ==, "TEST0001@3.00m");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "envelope"), "kind"), ==, "synthetic");
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (root, "envelope"), "statement"),
                            "no dike breach"));
  g_assert_nonnull (strstr (json_object_get_string_member (root, "method"), "ST_Intersects"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_object_get_object_member (root, "data_versions"), "library"),
                                   "square-library.geojson (sha256:"));
  g_assert_nonnull (strstr (json_object_get_string_member (root, "residents_assumption"), "INSEE"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "totals"), "buildings"), ==, 4);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (root, "totals"), "building_area_inside_m2"), 725, 1e-9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sites")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "sites"), 1),
                                                  "depth_class"), ==, "0-0.5");
}

typedef struct
{
  char   *id;
  guint   buildings, addresses, roads, sites;
  double  area, length;
} Expected;

static void
expected_free (gpointer data)
{
  g_free (((Expected *) data)->id);
  g_free (data);
}

/* The independent computation: SpatiaLite through GDAL (tools/make-flood-expected). */
static GPtrArray *
read_expected (void)
{
  g_autofree char *path = vg_test_data_path ("flood/expected-montpellier-exposure.csv");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (expected_free);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
      Expected *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0' || g_str_has_prefix (lines[i], "envelope,"))
        continue;
      g_assert_cmpuint (g_strv_length (f), ==, 7);
      e = g_new0 (Expected, 1);
      e->id = g_strdup (f[0]);
      e->buildings = atoi (f[1]);
      e->area = g_ascii_strtod (f[2], NULL);
      e->addresses = atoi (f[3]);
      e->roads = atoi (f[4]);
      e->length = g_ascii_strtod (f[5], NULL);
      e->sites = atoi (f[6]);
      g_ptr_array_add (rows, e);
    }
  return rows;
}

static void
assert_close (double mine,
              double theirs,
              double tolerance)
{
  g_assert_cmpfloat (fabs (mine - theirs), <=, tolerance * MAX (fabs (theirs), 1.0));
}

/* The real Montpellier assets against the SYNTHETIC library Vigie ships: counts equal to
 * SpatiaLite's, areas and lengths within 0.01 % (in fact to rounding); and the buildings and
 * streets equal to GEOS's overlays on every envelope. */
static void
test_montpellier (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *library_path = g_build_filename (g_getenv ("VIGIE_DATA_DIR"), "flood",
                                                    "montpellier-synthetic-hand-envelopes.gpkg", NULL);
  g_autofree char *geodata = vg_test_geodata_path ();
  g_autoptr(VgFloodLibrary) library = vg_flood_library_load (library_path, -1, &error);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VgFloodAssets) assets = NULL;
  g_autoptr(VgFloodExposureIndex) index = NULL;
  g_autoptr(GPtrArray) expected = read_expected ();
  double worst = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (vg_flood_library_get_n_envelopes (library), ==, 30);
  g_assert_cmpuint (vg_flood_library_get_warnings (library)->len, ==, 0);
  assets = load_assets (geodata, warnings);
  /* The city's one self-intersecting building, repaired and named. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "feature 815"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "MakeValid"));

  index = vg_flood_exposure_index_new (library, assets, 2);
  g_assert_cmpuint (expected->len, ==, 30);
  for (guint i = 0; i < expected->len; i++)
    {
      const Expected *x = g_ptr_array_index (expected, i);
      int e = vg_flood_library_find (library, x->id);
      const VgFloodTotals *t;
      VgFloodEnvelope *envelope;

      g_assert_cmpint (e, >=, 0);
      t = vg_flood_exposure_index_get_totals (index, e);
      envelope = vg_flood_library_get_envelope (library, e);
      g_assert_cmpint (vg_flood_envelope_get_kind (envelope), ==, VG_FLOOD_KIND_SYNTHETIC);
      g_assert_true (g_str_has_prefix (vg_flood_envelope_get_source (envelope), "SYNTHETIC envelope"));
      g_assert_cmpuint (t->buildings, ==, x->buildings);
      g_assert_cmpuint (t->addresses, ==, x->addresses);
      g_assert_cmpuint (t->road_segments, ==, x->roads);
      g_assert_cmpuint (t->sites, ==, x->sites);
      assert_close (t->building_area_m2, x->area, 1e-4);
      assert_close (t->road_length_m, x->length, 1e-4);
      worst = MAX (worst, fabs (t->building_area_m2 - x->area));
      worst = MAX (worst, fabs (t->road_length_m - x->length));
    }
  /* The expected file has 4 decimals: anything beyond their rounding would be a real difference. */
  g_test_message ("largest difference with SpatiaLite: %.2g m² or m", worst);
  g_assert_cmpfloat (worst, <=, 0.5e-4 + 1e-7);

  /* GEOS, the engine's other independent check, envelope by envelope. */
  for (guint e = 0; e < vg_flood_library_get_n_envelopes (library); e++)
    {
      VgFloodEnvelope *envelope = vg_flood_library_get_envelope (library, e);
      g_autoptr(VgPolygonGrid) grid = vg_polygon_grid_new (vg_flood_envelope_get_extent (envelope), 0, 0);

      for (VgFloodAssetKind k = VG_FLOOD_ASSET_BUILDING; k <= VG_FLOOD_ASSET_ROAD; k += VG_FLOOD_ASSET_ROAD)
        {
          VgShapeSet *shapes = vg_layer_get_shapes (vg_flood_assets_get_layer (assets, k));
          g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autofree guint8 *mine = NULL, *theirs = NULL;
          g_autofree double *mine_m = NULL, *theirs_m = NULL;
          guint n;

          vg_rtree_search (vg_flood_assets_get_index (assets, k), vg_polygon_grid_get_bbox (grid), candidates);
          n = candidates->len;
          mine = g_new (guint8, n + 1);
          theirs = g_new (guint8, n + 1);
          mine_m = g_new (double, n + 1);
          theirs_m = g_new (double, n + 1);
          vg_flood_overlay_classify (grid, shapes, (guint *) (gpointer) candidates->data, NULL, NULL, n, 2, mine, mine_m);
          vg_flood_overlay_measure (grid, shapes, (guint *) (gpointer) candidates->data, n, 2, mine, mine_m);
          g_assert_true (vg_flood_overlay_geos (vg_flood_envelope_get_extent (envelope), 0, 256, shapes,
                                                (guint *) (gpointer) candidates->data, n, 2, theirs, theirs_m, NULL));
          for (guint c = 0; c < n; c++)
            {
              g_assert_cmpint (mine[c], ==, theirs[c]);
              assert_close (mine_m[c], theirs_m[c], 1e-9);
            }
        }
    }
}

/* One thread or two, the totals are the same to the last bit. */
static void
test_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *library_path = g_build_filename (g_getenv ("VIGIE_DATA_DIR"), "flood",
                                                    "montpellier-synthetic-hand-envelopes.gpkg", NULL);
  g_autofree char *geodata = vg_test_geodata_path ();
  g_autoptr(VgFloodLibrary) library = vg_flood_library_load (library_path, -1, &error);
  g_autoptr(VgFloodAssets) assets = load_assets (geodata, NULL);
  g_autoptr(VgFloodExposureIndex) one = vg_flood_exposure_index_new (library, assets, 1);
  g_autoptr(VgFloodExposureIndex) two = vg_flood_exposure_index_new (library, assets, 2);

  g_assert_no_error (error);
  for (guint e = 0; e < vg_flood_library_get_n_envelopes (library); e++)
    g_assert_cmpmem (vg_flood_exposure_index_get_totals (one, e), sizeof (VgFloodTotals),
                     vg_flood_exposure_index_get_totals (two, e), sizeof (VgFloodTotals));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/flood/exposure/hand-made", test_hand_made);
  g_test_add_func ("/vigie/flood/exposure/record", test_record);
  g_test_add_func ("/vigie/flood/exposure/montpellier", test_montpellier);
  g_test_add_func ("/vigie/flood/exposure/deterministic", test_deterministic);

  return g_test_run ();
}
