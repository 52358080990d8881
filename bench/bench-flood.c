/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * Flood exposure at city scale: 1,000,000 SYNTHETIC building footprints clustered like a city,
 * 100,000 street polylines and five nested envelopes along a meandering river (2,000–20,000
 * vertices), made by tools/make-flood-bench-data (seeded) and kept as GeoPackages in the build
 * directory. Prints the load into the index, the full exposure of the largest envelope (count +
 * area inside) on two threads with where the time goes, the same with a straightforward GEOS
 * engine and in PostGIS in the same run (the analyst's query and the tuned one), what-if level
 * changes after precomputation, and peak memory. --quick: 100,000 footprints, 10,000 streets;
 * --no-postgis: leave PostGIS out.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "vg-flood-exposure-index.h"
#include "vg-flood-overlay.h"
#include "vg-geojson-reader.h"
#include "vg-gpkg.h"

#define N_THREADS 2
#define ENVELOPE_ID "BENCH0001@5.00m"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

static char *
thousands (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *s = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

static void
ensure_data (const char *assets,
             const char *library,
             guint       n_buildings,
             guint       n_streets)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (VIGIE_SOURCE_ROOT, "tools", "make-flood-bench-data", NULL);
  g_autofree char *nb = g_strdup_printf ("%u", n_buildings);
  g_autofree char *ns = g_strdup_printf ("%u", n_streets);
  const char *argv[] = { "python3", script, "--buildings", nb, "--streets", ns, "--assets", assets,
                         "--library", library, NULL };
  int status;

  if (g_file_test (assets, G_FILE_TEST_EXISTS) && g_file_test (library, G_FILE_TEST_EXISTS))
    return;
  g_printerr ("bench-flood: generating the SYNTHETIC city (%u footprints, %u streets)…\n", n_buildings, n_streets);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("tools/make-flood-bench-data failed: %s", error->message);
}

/* The first @n footprints as an RFC 7946 FeatureCollection… in Lambert-93, with the GeoJSON 2008
 * crs member that says so. */
static void
write_geojson (VgShapeSet *shapes,
               guint       n,
               const char *path)
{
  g_autoptr(GString) s = g_string_new ("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                                       "{\"name\":\"urn:ogc:def:crs:EPSG::2154\"}},\"features\":[\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      guint np;
      const double *xy = vg_shape_set_get_part (shapes, i, 0, &np, NULL);

      g_string_append_printf (s, "%s{\"type\":\"Feature\",\"properties\":{\"label\":\"B%u\"},\"geometry\":"
                              "{\"type\":\"Polygon\",\"coordinates\":[[", i ? ",\n" : "", i);
      for (guint k = 0; k < np; k++)
        g_string_append_printf (s, "%s[%.3f,%.3f]", k ? "," : "", xy[2 * k], xy[2 * k + 1]);
      g_string_append (s, "]]}}");
    }
  g_string_append (s, "\n]}\n");
  if (!g_file_set_contents (path, s->str, s->len, &error))
    g_error ("%s", error->message);
}

typedef struct
{
  double prep, index, classify, overlays, total, grid_mb;
  guint  candidates, boundary, count;
  double area;
} Run;

/* The full exposure of one envelope to the footprints, phase by phase, as the engine does it. */
static Run
exposure (VgFloodEnvelope *envelope,
          VgFloodAssets   *assets)
{
  Run run = { 0 };
  VgShapeSet *shapes = vg_layer_get_shapes (vg_flood_assets_get_layer (assets, VG_FLOOD_ASSET_BUILDING));
  g_autoptr(VgPolygonGrid) grid = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree guint8 *classes = NULL;
  g_autofree double *measures = NULL;
  gint64 t0 = g_get_monotonic_time (), t;

  grid = vg_polygon_grid_new (vg_flood_envelope_get_extent (envelope), 0, 0);
  run.prep = ms_since (t0);
  run.grid_mb = vg_polygon_grid_get_memory_size (grid) / 1e6;
  t = g_get_monotonic_time ();
  vg_rtree_search_boxes (vg_flood_assets_get_index (assets, VG_FLOOD_ASSET_BUILDING), vg_polygon_grid_get_bbox (grid),
                         candidates, boxes);
  run.index = ms_since (t);
  run.candidates = candidates->len;
  classes = g_new (guint8, candidates->len);
  measures = g_new (double, candidates->len);
  t = g_get_monotonic_time ();
  vg_flood_overlay_classify (grid, shapes, (guint *) (gpointer) candidates->data, (double *) (gpointer) boxes->data,
                             vg_flood_assets_get_measures (assets, VG_FLOOD_ASSET_BUILDING), candidates->len,
                             N_THREADS, classes, measures);
  run.classify = ms_since (t);
  t = g_get_monotonic_time ();
  run.boundary = vg_flood_overlay_measure (grid, shapes, (guint *) (gpointer) candidates->data, candidates->len,
                                           N_THREADS, classes, measures);
  run.overlays = ms_since (t);
  for (guint k = 0; k < candidates->len; k++)
    if (classes[k] == VG_GRID_INSIDE)
      {
        run.count++;
        run.area += measures[k];
      }
  run.total = ms_since (t0);
  return run;
}

typedef struct
{
  gboolean ran;
  char    *skip;
  double   load_ms, analyst_ms, tuned_ms, analyst_area, tuned_area;
  guint    analyst_count, tuned_count;
} PostGIS;

static PostGIS
postgis (const char *assets,
         const char *library,
         const char *envelope_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (VIGIE_SOURCE_ROOT, "bench", "flood-postgis.sh", NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "sh", script, VIGIE_SOURCE_ROOT, assets, library, envelope_id, NULL };
  PostGIS p = { 0 };
  int status;

  g_printerr ("bench-flood: PostGIS (throwaway cluster)…\n");
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error))
    {
      p.skip = g_strdup_printf ("could not run %s: %s", script, error->message);
      return p;
    }
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", 4);

      if (g_str_has_prefix (lines[i], "skip "))
        p.skip = g_strdup (lines[i] + 5);
      else if (g_strv_length (f) >= 2 && g_str_equal (f[0], "load"))
        p.load_ms = g_ascii_strtod (f[1], NULL);
      else if (g_strv_length (f) == 4 && g_str_equal (f[0], "analyst"))
        {
          p.analyst_ms = g_ascii_strtod (f[1], NULL);
          p.analyst_count = atoi (f[2]);
          p.analyst_area = g_ascii_strtod (f[3], NULL);
        }
      else if (g_strv_length (f) == 4 && g_str_equal (f[0], "tuned"))
        {
          p.tuned_ms = g_ascii_strtod (f[1], NULL);
          p.tuned_count = atoi (f[2]);
          p.tuned_area = g_ascii_strtod (f[3], NULL);
        }
    }
  p.ran = p.skip == NULL && p.analyst_ms > 0 && p.tuned_ms > 0;
  if (p.skip == NULL && !p.ran)
    p.skip = g_strdup ("the PostGIS script gave no timing (see bench/flood-postgis.sh)");
  return p;
}

/* The same on the city's real footprints (Ville de Montpellier open data, the bundled
 * GeoPackage) and the bundled envelope library (SYNTHETIC terrain), its largest envelope: what
 * the app computes when the Lez rises, beside PostGIS on the same rows. */
static void
montpellier_pass (gboolean with_postgis)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *assets_path = g_build_filename (VIGIE_SOURCE_ROOT, "data", "geodata", "montpellier.gpkg", NULL);
  g_autofree char *library_path = g_build_filename (VIGIE_SOURCE_ROOT, "data", "flood",
                                                    "montpellier-synthetic-hand-envelopes.gpkg", NULL);
  g_autoptr(VgGpkg) gpkg = NULL;
  g_autoptr(VgLayer) buildings = NULL;
  g_autoptr(VgFloodAssets) assets = vg_flood_assets_new ();
  g_autoptr(VgFloodLibrary) library = NULL;
  VgFloodEnvelope *largest = NULL;
  PostGIS pg;
  Run best = { 0 };
  double load_ms;
  gint64 t = g_get_monotonic_time ();

  if ((gpkg = vg_gpkg_open (assets_path, &error)) == NULL ||
      (buildings = vg_gpkg_read_layer (gpkg, "buildings", NULL, &error)) == NULL ||
      !vg_flood_assets_add_layer (assets, VG_FLOOD_ASSET_BUILDING, buildings, "Montpellier buildings", NULL, &error) ||
      (library = vg_flood_library_load (library_path, -1, &error)) == NULL)
    g_error ("%s", error->message);
  load_ms = ms_since (t);
  for (guint i = 0; i < vg_flood_library_get_n_envelopes (library); i++)
    {
      VgFloodEnvelope *e = vg_flood_library_get_envelope (library, i);

      if (largest == NULL || vg_flood_envelope_get_area (e) > vg_flood_envelope_get_area (largest))
        largest = e;
    }
  for (int r = 0; r < 3; r++)
    {
      Run run = exposure (largest, assets);

      if (r == 0 || run.total < best.total)
        best = run;
    }
  g_print ("bench: flood (Montpellier): load %u real footprints and the bundled library | %.0f ms | "
           "data/geodata/montpellier.gpkg (Ville de Montpellier open data), %u SYNTHETIC envelopes\n",
           vg_layer_get_n_features (buildings), load_ms, vg_flood_library_get_n_envelopes (library));
  g_print ("bench: flood (Montpellier): full exposure, largest envelope %s (%u vertices), %d threads | %.2f ms | "
           "%u buildings, %.0f m² inside; %u candidates, %u near the boundary\n",
           vg_flood_envelope_get_id (largest), (guint) vg_shape_set_get_n_points (vg_flood_envelope_get_extent (largest)),
           N_THREADS, best.total, best.count, best.area, best.candidates, best.boundary);
  if (with_postgis)
    pg = postgis (assets_path, library_path, vg_flood_envelope_get_id (largest));
  else
    pg = (PostGIS) { .skip = g_strdup ("left out (--no-postgis)") };
  if (pg.ran)
    g_print ("bench: flood (Montpellier): same exposure in PostGIS | analyst %.0f ms, tuned %.0f ms | "
             "Vigie %.0f× / %.0f× faster; same count %s / %s\n", pg.analyst_ms, pg.tuned_ms,
             pg.analyst_ms / MAX (best.total, 0.001), pg.tuned_ms / MAX (best.total, 0.001),
             pg.analyst_count == best.count ? "yes" : "NO", pg.tuned_count == best.count ? "yes" : "NO");
  else
    g_print ("bench: flood (Montpellier): PostGIS comparison | skipped | %s\n", pg.skip);
  g_free (pg.skip);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgGpkg) gpkg = NULL;
  g_autoptr(VgLayer) buildings = NULL;
  g_autoptr(VgLayer) streets = NULL;
  g_autoptr(VgFloodLibrary) library = NULL;
  g_autoptr(VgFloodAssets) assets = NULL;
  g_autoptr(VgFloodExposureIndex) index = NULL;
  g_autofree char *dir = g_build_filename (BENCH_BUILD_DIR, "flood-data", NULL);
  g_autofree char *assets_path = NULL;
  g_autofree char *library_path = NULL;
  g_autofree char *n_text = NULL;
  g_autofree guint8 *selected = NULL;
  g_autofree guint8 *geos_classes = NULL;
  g_autofree double *geos_measures = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean quick = FALSE, with_postgis = TRUE;
  guint n_buildings, n_streets;
  guint geos_count = 0, geos_overlays = 0;
  double load_ms, geos_ms, geos_area = 0, lookup_us, select_ms, precompute_ms, sink = 0;
  VgFloodEnvelope *largest;
  VgShapeSet *shapes;
  Run best = { 0 };
  PostGIS pg;
  struct rusage usage;
  gint64 t;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--quick"))
        quick = TRUE;
      else if (g_str_equal (argv[i], "--no-postgis"))
        with_postgis = FALSE;
      else
        g_error ("usage: bench-flood [--quick] [--no-postgis]");
    }
  n_buildings = quick ? 100000 : 1000000;
  n_streets = quick ? 10000 : 100000;
  assets_path = g_strdup_printf ("%s/assets-%u.gpkg", dir, n_buildings);
  library_path = g_strdup_printf ("%s/library-%u.gpkg", dir, n_buildings);
  ensure_data (assets_path, library_path, n_buildings, n_streets);
  n_text = thousands (n_buildings);

  /* 1. Footprints from GeoPackage into compact shapes, checked valid, indexed, areas computed. */
  assets = vg_flood_assets_new ();
  t = g_get_monotonic_time ();
  if ((gpkg = vg_gpkg_open (assets_path, &error)) == NULL ||
      (buildings = vg_gpkg_read_layer (gpkg, "buildings", NULL, &error)) == NULL ||
      !vg_flood_assets_add_layer (assets, VG_FLOOD_ASSET_BUILDING, buildings, "benchmark buildings", NULL, &error))
    g_error ("%s", error->message);
  load_ms = ms_since (t);
  shapes = vg_layer_get_shapes (buildings);
  g_print ("bench: flood: load %s footprints from GeoPackage into the index (validity check, R-tree, areas) | "
           "%.0f ms | target < 2,000 ms; shapes %.0f MB, R-tree %.0f MB\n", n_text, load_ms,
           (vg_shape_set_get_n_points (shapes) * 16.0 + n_buildings * 60.0) / 1e6,
           vg_rtree_get_memory_size (vg_flood_assets_get_index (assets, VG_FLOOD_ASSET_BUILDING)) / 1e6);
  {
    static const char * const columns[] = { "name", NULL };

    if ((streets = vg_gpkg_read_layer (gpkg, "streets", columns, &error)) == NULL ||
        !vg_flood_assets_add_layer (assets, VG_FLOOD_ASSET_ROAD, streets, "benchmark streets", NULL, &error) ||
        (library = vg_flood_library_load (library_path, -1, &error)) == NULL)
      g_error ("%s", error->message);
  }
  largest = vg_flood_library_get_envelope (library, vg_flood_library_find (library, ENVELOPE_ID));

  /* 2. Full exposure of the largest envelope, best of three. */
  for (int r = 0; r < 3; r++)
    {
      Run run = exposure (largest, assets);

      if (r == 0 || run.total < best.total)
        best = run;
    }
  {
    g_autofree char *count = thousands (best.count);
    g_autofree char *cand = thousands (best.candidates);
    g_autofree char *bound = thousands (best.boundary);

    g_print ("bench: flood: full exposure, largest envelope (%u vertices), %s footprints, %d threads | %.0f ms | "
             "%s buildings, %.0f m² inside; grid %.1f ms (%.0f MB), index %.1f ms (%s candidates), classification "
             "%.1f ms, overlays %.1f ms (%s near the boundary)\n",
             (guint) vg_shape_set_get_n_points (vg_flood_envelope_get_extent (largest)), n_text, N_THREADS, best.total,
             count, best.area, best.prep, best.grid_mb, best.index, cand, best.classify, best.overlays, bound);
  }

  /* 3. The same with GEOS the straightforward way: prepared ≤256-vertex pieces, ContainsProperly
   *    shortcut, GEOSIntersection for the rest. */
  vg_rtree_search (vg_flood_assets_get_index (assets, VG_FLOOD_ASSET_BUILDING),
                   vg_shape_set_get_bbox (vg_flood_envelope_get_extent (largest), 0), candidates);
  geos_classes = g_new (guint8, candidates->len);
  geos_measures = g_new (double, candidates->len);
  t = g_get_monotonic_time ();
  if (!vg_flood_overlay_geos (vg_flood_envelope_get_extent (largest), 0, 256, shapes, (guint *) (gpointer) candidates->data,
                              candidates->len, N_THREADS, geos_classes, geos_measures, &geos_overlays))
    g_error ("GEOS failed");
  geos_ms = ms_since (t);
  for (guint k = 0; k < candidates->len; k++)
    if (geos_classes[k] == VG_GRID_INSIDE)
      {
        geos_count++;
        geos_area += geos_measures[k];
      }
  {
    g_autofree char *overlays = thousands (geos_overlays);

    g_print ("bench: flood: same exposure, straightforward GEOS engine (STRtree + prepared 256-vertex pieces + "
             "ContainsProperly, %d threads) | %.0f ms | Vigie %.1f× faster; %s GEOS overlays; same count %s, area Δ %.1g\n",
             N_THREADS, geos_ms, geos_ms / best.total, overlays, geos_count == best.count ? "yes" : "NO",
             fabs (geos_area - best.area) / best.area);
  }

  /* 4. PostGIS in the same run. */
  if (with_postgis)
    pg = postgis (assets_path, library_path, ENVELOPE_ID);
  else
    pg = (PostGIS) { .skip = g_strdup ("left out (--no-postgis)") };
  if (pg.ran)
    {
      g_print ("bench: flood: PostGIS load of %s footprints and GiST index (not in the query times) | %.0f ms | "
               "throwaway cluster, COPY of WKB\n", n_text, pg.load_ms);
      g_print ("bench: flood: same exposure in PostGIS, analyst's query (ST_Intersects + ST_Area(ST_Intersection), "
               "ST_ContainsProperly shortcut, GiST) | %.0f ms | Vigie %.1f× faster; same count %s, area Δ %.1g\n",
               pg.analyst_ms, pg.analyst_ms / best.total, pg.analyst_count == best.count ? "yes" : "NO",
               fabs (pg.analyst_area - best.area) / best.area);
      g_print ("bench: flood: same exposure in PostGIS, tuned (ST_Subdivide(envelope, 256) pieces, GiST) | %.0f ms | "
               "Vigie %.1f× faster (target ≥ 10×); same count %s, area Δ %.1g\n",
               pg.tuned_ms, pg.tuned_ms / best.total, pg.tuned_count == best.count ? "yes" : "NO",
               fabs (pg.tuned_area - best.area) / best.area);
    }
  else
    g_print ("bench: flood: PostGIS comparison | skipped | %s\n", pg.skip);
  g_free (pg.skip);

  /* 5. What-ifs: every envelope against every asset once, then level changes are lookups. */
  t = g_get_monotonic_time ();
  index = vg_flood_exposure_index_new (library, assets, N_THREADS);
  precompute_ms = ms_since (t);
  {
    g_autofree char *st = thousands (n_streets);

    g_print ("bench: flood: what-if precomputation, 5 envelopes × (%s footprints + %s streets), %d threads | %.0f ms | "
             "once per library (and per change of assets)\n", n_text, st, N_THREADS, precompute_ms);
  }
  t = g_get_monotonic_time ();
  for (guint i = 0; i < 100000; i++)
    {
      const VgFloodTotals *tot = vg_flood_exposure_index_lookup (index, "BENCH0001", 0.5 + (i % 50) * 0.1, NULL, NULL);

      sink += tot->building_area_m2 + tot->road_length_m;
    }
  lookup_us = ms_since (t) * 1e3 / 100000;
  g_print ("bench: flood: what-if level change, totals for any level (lookup) | %.2f µs | target < 1 ms for %s assets\n",
           lookup_us, n_text);
  selected = g_new (guint8, n_buildings);
  t = g_get_monotonic_time ();
  for (guint i = 0; i < 100; i++)
    sink += vg_flood_exposure_index_select (index, "BENCH0001", 0.5 + (i % 50) * 0.1, VG_FLOOD_ASSET_BUILDING, selected);
  select_ms = ms_since (t) / 100;
  g_print ("bench: flood: what-if level change, which of the %s footprints it reaches (for the map) | %.3f ms | "
           "target < 1 ms\n", n_text, select_ms);
  g_printerr ("bench-flood: checksum %g\n", sink);

  /* 6. GeoJSON, streamed: 200,000 footprints (json-glib's DOM: 2.1 s and 839 MB, PLATFORM.md). */
  {
    static const char * const columns[] = { "label", NULL };
    g_autofree char *json_path = g_strdup_printf ("%s/footprints-%u.geojson", dir, MIN (n_buildings, 200000));
    g_autoptr(VgLayer) streamed = NULL;
    double size_mb, shapes_mb;
    GStatBuf st;

    if (!g_file_test (json_path, G_FILE_TEST_EXISTS))
      write_geojson (shapes, MIN (n_buildings, 200000), json_path);
    size_mb = g_stat (json_path, &st) == 0 ? st.st_size / 1e6 : 0;
    t = g_get_monotonic_time ();
    if ((streamed = vg_geojson_read_layer (json_path, columns, &error)) == NULL)
      g_error ("%s", error->message);
    shapes_mb = (vg_shape_set_get_n_points (vg_layer_get_shapes (streamed)) * 16.0 +
                 vg_layer_get_n_features (streamed) * 60.0) / 1e6;
    g_print ("bench: flood: stream %u GeoJSON polygons (%.0f MB file) into shapes | %.0f ms | result %.0f MB, the file "
             "mapped, never copied into a tree; json-glib's DOM: 2,100 ms and 839 MB (PLATFORM.md)\n",
             vg_layer_get_n_features (streamed), size_mb, ms_since (t), shapes_mb);
  }

  /* 7. The city's own data. */
  montpellier_pass (with_postgis);

  /* 8. Peak memory of the whole process. */
  getrusage (RUSAGE_SELF, &usage);
  {
    g_autofree char *st = thousands (n_streets);

    g_print ("bench: flood: peak memory, %s footprints + %s streets, index, grids, GEOS reference, what-if tables | "
             "%.0f MB | target < 400 MB\n", n_text, st, usage.ru_maxrss / 1024.0);
  }
  return 0;
}
