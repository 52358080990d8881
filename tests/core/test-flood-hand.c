/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vg-crs-transform.h"
#include "vg-dem.h"
#include "vg-error.h"
#include "vg-flood-builder.h"
#include "vg-flood-gauge.h"
#include "vg-flood-hand.h"
#include "vg-geos-context.h"
#include "vg-mask-polygonizer.h"
#include "vg-polygon-grid.h"
#include "vg-test-util.h"
#include "vg-vector-file.h"

static char *
write_temp (const char *dir,
            const char *name,
            const char *text,
            gssize      len)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, len, NULL));
  return path;
}

/* ESRI ASCII grids: Vigie's comment lines and synthetic flag, centre or corner registration, a
 * .prj naming Lambert-93 the ESRI way, no-data; and the errors, naming file and line. */
static void
test_dem_asc (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = write_temp (dir, "tiny.asc",
                                      "# SYNTHETIC test grid\n# synthetic: true\n"
                                      "ncols 3\nnrows 2\nxllcenter 1000\nyllcenter 2000\ncellsize 10\nNODATA_value -9999\n"
                                      "1 2 3\n4 -9999 6.5\n", -1);
  g_autofree char *prj = write_temp (dir, "tiny.prj",
                                     "PROJCS[\"RGF_1993_Lambert_93\",GEOGCS[\"GCS_RGF_1993\",DATUM[\"D_RGF_1993\",SPHEROID[\"GRS_1980\","
                                     "6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                                     "PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"False_Easting\",700000.0],"
                                     "PARAMETER[\"False_Northing\",6600000.0],PARAMETER[\"Central_Meridian\",3.0],"
                                     "PARAMETER[\"Standard_Parallel_1\",49.0],PARAMETER[\"Standard_Parallel_2\",44.0],"
                                     "PARAMETER[\"Latitude_Of_Origin\",46.5],UNIT[\"Meter\",1.0]]\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(VgDem) dem = vg_dem_load (path, NULL, &error);
  struct { const char *text; const char *crs; int code; const char *fragment; } bad[] = {
    { "ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n", NULL, VG_GEO_ERROR_CRS, "carries no CRS" },
    { "ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n", "EPSG:999999", VG_GEO_ERROR_CRS, "cannot be placed" },
    { "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n3\n", "EPSG:2154", VG_GEO_ERROR_MALFORMED, "line 8: 3 values for 4 cells" },
    { "ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n", "EPSG:2154", VG_GEO_ERROR_MALFORMED, "more values" },
    { "ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 x\n", "EPSG:2154", VG_GEO_ERROR_MALFORMED, "line 6: “x” is not an elevation" },
    { "ncols 2\nnrows 1\nxllcorner 0\ncellsize 1\n1 2\n", "EPSG:2154", VG_GEO_ERROR_MALFORMED, "incomplete header" },
    { "ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\nzunits m\n1 2\n", "EPSG:2154", VG_GEO_ERROR_MALFORMED, "unknown header key “zunits”" },
    { "ncols 100000\nnrows 100000\nxllcorner 0\nyllcorner 0\ncellsize 1\n", "EPSG:2154", VG_GEO_ERROR_TOO_LARGE, "limit" },
  };
  double x, y, cw, ch;

  g_assert_no_error (error);
  /* The CRS came from the sidecar .prj, spelt the ESRI way, recognised as Lambert-93. */
  g_assert_true (g_file_test (prj, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (vg_dem_get_width (dem), ==, 3);
  g_assert_cmpuint (vg_dem_get_height (dem), ==, 2);
  g_assert_cmpstr (vg_dem_get_crs (dem), ==, "EPSG:2154");
  g_assert_true (vg_dem_is_synthetic (dem));
  g_assert_cmpstr (vg_dem_get_description (dem), ==, "SYNTHETIC test grid");
  vg_dem_get_transform (dem, &x, &y, &cw, &ch);
  g_assert_cmpfloat (x, ==, 995);
  g_assert_cmpfloat (y, ==, 2015);
  g_assert_cmpfloat (cw, ==, 10);
  g_assert_cmpfloat (vg_dem_get_elevations (dem)[0], ==, 1);
  g_assert_true (isnan (vg_dem_get_elevations (dem)[4]));
  g_assert_cmpfloat (vg_dem_get_elevations (dem)[5], ==, 6.5);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.asc", i);
      g_autofree char *p = write_temp (dir, name, bad[i].text, -1);
      g_autoptr(GError) e = NULL;
      g_autoptr(VgDem) d = vg_dem_load (p, bad[i].crs, &e);

      g_assert_null (d);
      g_assert_error (e, VG_GEO_ERROR, bad[i].code);
      g_test_message ("%s", e->message);
      g_assert_nonnull (strstr (e->message, p));
      g_assert_nonnull (strstr (e->message, bad[i].fragment));
    }
  vg_test_rmtree (dir);
}

/* An SRTM 3" tile: big-endian int16, voids, cells centred on whole degrees, WGS84; a wrong size
 * or name is refused. */
static void
test_dem_hgt (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  gsize n = 1201 * 1201;
  g_autofree guint8 *bytes = g_new (guint8, 2 * n);
  g_autofree char *path = NULL;
  g_autofree char *bad_name = NULL;
  g_autofree char *bad_size = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgDem) dem = NULL;
  double x, y, cw, ch, dx, dy;

  for (gsize i = 0; i < n; i++)
    {
      gint16 v = i == 1 ? -32768 : (gint16) (i % 1201);

      bytes[2 * i] = (guint16) v >> 8;
      bytes[2 * i + 1] = (guint16) v & 0xFF;
    }
  path = write_temp (dir, "N43E003.hgt", (const char *) bytes, 2 * n);
  dem = vg_dem_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vg_dem_get_width (dem), ==, 1201);
  g_assert_cmpstr (vg_dem_get_crs (dem), ==, "EPSG:4326");
  g_assert_false (vg_dem_is_synthetic (dem));
  vg_dem_get_transform (dem, &x, &y, &cw, &ch);
  g_assert_cmpfloat_with_epsilon (x, 3 - 0.5 / 1200, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 44 + 0.5 / 1200, 1e-12);
  g_assert_cmpfloat_with_epsilon (cw, 1.0 / 1200, 1e-15);
  g_assert_cmpfloat (vg_dem_get_elevations (dem)[2], ==, 2);
  g_assert_cmpfloat (vg_dem_get_elevations (dem)[1201 + 5], ==, 5);
  g_assert_true (isnan (vg_dem_get_elevations (dem)[1]));
  /* 3" at 43.5° N: about 67 m east–west, 92 m north–south. */
  vg_dem_get_cell_metres (dem, &dx, &dy);
  g_assert_cmpfloat_with_epsilon (dx, 67.3, 0.5);
  g_assert_cmpfloat_with_epsilon (dy, 92.1, 0.5);

  bad_name = write_temp (dir, "tile.hgt", (const char *) bytes, 2 * n);
  bad_size = write_temp (dir, "N43E004.hgt", (const char *) bytes, 1000);
  {
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;
    g_autoptr(VgDem) d1 = vg_dem_load (bad_name, NULL, &e1);
    g_autoptr(VgDem) d2 = vg_dem_load (bad_size, NULL, &e2);

    g_assert_null (d1);
    g_assert_null (d2);
    g_assert_error (e1, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
    g_assert_nonnull (strstr (e1->message, "N43E003.hgt"));
    g_assert_error (e2, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
    g_assert_nonnull (strstr (e2->message, "1000 bytes"));
  }
  vg_test_rmtree (dir);
}

/* Rasterising a polygon: cells whose centre is inside, or every cell it touches (a river narrower
 * than a cell stays connected). */
static void
test_rasterize (void)
{
  float *z = g_new0 (float, 100);
  g_autoptr(VgDem) dem = vg_dem_new (10, 10, 0, 100, 10, 10, "EPSG:2154", z, "flat", TRUE);
  g_autoptr(VgShapeSet) rect = vg_shape_set_new ();
  guint8 centres[100] = { 0 }, touched[100] = { 0 };
  guint n_centres = 0, n_touched = 0;
  const double xy[] = { 12, 52, 44, 52, 44, 78, 12, 78, 12, 52 };

  vg_shape_set_begin_shape (rect, VG_SHAPE_POLYGON);
  vg_shape_set_begin_part (rect, TRUE);
  for (guint i = 0; i < 5; i++)
    vg_shape_set_add_point (rect, xy[2 * i], xy[2 * i + 1]);
  vg_shape_set_end_shape (rect);
  vg_dem_rasterize (dem, rect, 0, FALSE, centres, 1);
  vg_dem_rasterize (dem, rect, 0, TRUE, touched, 1);
  for (guint c = 0; c < 100; c++)
    {
      n_centres += centres[c];
      n_touched += touched[c];
      g_assert_true (touched[c] >= centres[c]);
    }
  /* Centres at x 15, 25, 35 and y 55, 65, 75; touched: columns 1–4, rows 2–4 from the north. */
  g_assert_cmpuint (n_centres, ==, 9);
  g_assert_cmpuint (n_touched, ==, 12);
  g_assert_true (centres[2 * 10 + 1] && centres[4 * 10 + 3] && !centres[3 * 10 + 4]);
  g_assert_true (touched[3 * 10 + 4] && !touched[1 * 10 + 1] && !touched[3 * 10 + 0]);
}

/* A V-shaped valley falling south, drainage down its middle column: HAND is the height above
 * that column, |i − 3| m; a pit is filled to its spill level and drains over it. */
static void
test_hand (void)
{
  const guint w = 7, h = 5;
  float *z = g_new (float, w * h);
  g_autofree guint8 *drainage = g_new0 (guint8, w * h);
  g_autoptr(VgDem) dem = NULL;
  g_autoptr(VgFloodHand) hand = NULL;
  const float *v;

  for (guint r = 0; r < h; r++)
    for (guint i = 0; i < w; i++)
      {
        z[r * w + i] = fabs ((double) i - 3) + 0.1 * (h - 1 - r);
        drainage[r * w + i] = i == 3;
      }
  dem = vg_dem_new (w, h, 0, 50, 10, 10, "EPSG:2154", z, "test valley", TRUE);
  hand = vg_flood_hand_new (dem, drainage);
  v = vg_flood_hand_get_values (hand);
  for (guint r = 0; r < h; r++)
    for (guint i = 0; i < w; i++)
      {
        g_assert_cmpfloat_with_epsilon (v[r * w + i], fabs ((double) i - 3), 1e-4);
        g_assert_cmpuint (vg_flood_hand_get_drains (hand)[r * w + i], ==, r * w + 3);
      }
  g_assert_cmpuint (vg_flood_hand_get_n_filled (hand), ==, 0);

  {
    float *zp = g_memdup2 (vg_dem_get_elevations (dem), w * h * sizeof (float));
    g_autoptr(VgDem) pitted = NULL;
    g_autoptr(VgFloodHand) filled = NULL;

    /* Cell (row 2, column 1) sunk to −5 m: its lowest neighbour, (row 3, column 2) at
     * 1 + 0.1 = 1.1 m, is its spill level. */
    zp[2 * w + 1] = -5;
    pitted = vg_dem_new (w, h, 0, 50, 10, 10, "EPSG:2154", zp, "test valley with a pit", TRUE);
    filled = vg_flood_hand_new (pitted, drainage);
    g_assert_cmpuint (vg_flood_hand_get_n_filled (filled), ==, 1);
    g_assert_cmpfloat_with_epsilon (vg_flood_hand_get_filled (filled)[2 * w + 1], 1.1, 1e-4);
    /* It spills into (3, 2) and on to the channel at (3, 3), 0.1 m: HAND 1 m. */
    g_assert_cmpfloat_with_epsilon (vg_flood_hand_get_values (filled)[2 * w + 1], 1.0, 1e-4);
  }
}

/* Area of polygonising @rows (strings of '#' and '.'), checked valid with GEOS. */
static double
polygonize_checked (const char * const *rows,
                    guint               n_polygons_expected)
{
  guint h = g_strv_length ((char **) rows), w = strlen (rows[0]);
  g_autofree guint8 *mask = g_new (guint8, w * h);
  g_autoptr(VgShapeSet) set = vg_shape_set_new ();
  g_autoptr(VgGeosContext) geos = vg_geos_context_new ();
  GEOSContextHandle_t ctx = vg_geos_context_get_handle (geos);
  GEOSGeometry *g;
  double area;

  for (guint r = 0; r < h; r++)
    for (guint i = 0; i < w; i++)
      mask[r * w + i] = rows[r][i] == '#';
  vg_mask_polygonize (mask, w, h, 1, 1, 1000, 2000, 10, 10, set);
  g = vg_geos_context_shape_to_geos (geos, set, 0, NULL);
  g_assert_nonnull (g);
  if (GEOSisValid_r (ctx, g) != 1)
    {
      char *reason = GEOSisValidReason_r (ctx, g);

      g_test_message ("invalid: %s", reason);
      GEOSFree_r (ctx, reason);
      g_assert_not_reached ();
    }
  g_assert_cmpint (GEOSGetNumGeometries_r (ctx, g), ==, n_polygons_expected);
  GEOSArea_r (ctx, g, &area);
  GEOSGeom_destroy_r (ctx, g);
  g_assert_cmpfloat_with_epsilon (vg_shape_polygon_area (set, 0), area, 1e-9);
  return area;
}

/* Cell-edge tracing: shapes with holes, diagonal contacts and pinches come out valid, with the
 * area of their cells; so do random masks. */
static void
test_polygonize (void)
{
  const char *one[] = { "...", ".#.", "...", NULL };
  const char *diagonal[] = { "....", ".#..", "..#.", "....", NULL };
  const char *pinched_holes[] = { "####", "##.#", "#.##", "####", NULL };
  const char *island[] = { "#####", "#...#", "#.#.#", "#...#", "#####", NULL };
  const char *u_touching[] = { "#.#", "#.#", "##.", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (29092014);

  g_assert_cmpfloat (polygonize_checked (one, 1), ==, 100);
  g_assert_cmpfloat (polygonize_checked (diagonal, 2), ==, 200);
  g_assert_cmpfloat (polygonize_checked (pinched_holes, 1), ==, 1400);
  g_assert_cmpfloat (polygonize_checked (island, 2), ==, 1700);
  g_assert_cmpfloat (polygonize_checked (u_touching, 2), ==, 600);

  for (guint k = 0; k < 20; k++)
    {
      guint w = 30 + k, h = 20 + k, count = 0;
      GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
      double density = g_rand_double_range (rand, 0.3, 0.7);

      for (guint r = 0; r < h; r++)
        {
          char *row = g_malloc (w + 1);

          for (guint i = 0; i < w; i++)
            {
              row[i] = g_rand_double (rand) < density ? '#' : '.';
              count += row[i] == '#';
            }
          row[w] = '\0';
          g_ptr_array_add (rows, row);
        }
      g_ptr_array_add (rows, NULL);
      {
        guint8 *mask = g_new (guint8, w * h);
        g_autoptr(VgShapeSet) set = vg_shape_set_new ();
        g_autoptr(VgGeosContext) geos = vg_geos_context_new ();
        GEOSGeometry *g;
        double area;

        for (guint r = 0; r < h; r++)
          for (guint i = 0; i < w; i++)
            mask[r * w + i] = ((char *) g_ptr_array_index (rows, r))[i] == '#';
        vg_mask_polygonize (mask, w, h, 1, 1, 770000, 6280000, 25, 25, set);
        g = vg_geos_context_shape_to_geos (geos, set, 0, NULL);
        g_assert_cmpint (GEOSisValid_r (vg_geos_context_get_handle (geos), g), ==, 1);
        GEOSArea_r (vg_geos_context_get_handle (geos), g, &area);
        g_assert_cmpfloat_with_epsilon (area, count * 625.0, 1e-6);
        GEOSGeom_destroy_r (vg_geos_context_get_handle (geos), g);
        g_free (mask);
      }
      g_ptr_array_unref (rows);
    }
}

/* The HAND library of the small SYNTHETIC DEM along the Lez: envelopes of the Montpellier gauge
 * nested and growing, classes adding up to the extent, kind and provenance saying synthetic;
 * gauges the DEM does not cover are warned about. */
static void
test_builder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dem_path = vg_test_data_path ("flood/synthetic-dem-lez-50m.asc");
  g_autofree char *geodata = vg_test_geodata_path ();
  static const char * const columns[] = { "name", NULL };
  g_autoptr(VgDem) dem = vg_dem_load (dem_path, NULL, &error);
  g_autoptr(VgLayer) rivers = NULL;
  g_autoptr(GPtrArray) gauges = vg_flood_gauge_dup_montpellier ();
  g_autoptr(VgFloodLibrary) library = NULL;
  g_autoptr(VgGeosContext) geos = vg_geos_context_new ();
  GEOSContextHandle_t h = vg_geos_context_get_handle (geos);
  GPtrArray *warnings;
  guint first, n;
  double last_area = 0;
  gboolean warned_mosson = FALSE;

  g_assert_no_error (error);
  g_assert_true (vg_dem_is_synthetic (dem));
  g_assert_cmpstr (vg_dem_get_crs (dem), ==, "EPSG:2154");
  rivers = vg_vector_file_read (geodata, "watercourses", columns, &error);
  g_assert_no_error (error);
  library = vg_flood_build_hand_library (dem, rivers, vg_layer_find_column (rivers, "name"), "montpellier.gpkg",
                                         gauges, 0.5, 3.0, &error);
  g_assert_no_error (error);
  warnings = vg_flood_library_get_warnings (library);
  for (guint i = 0; i < warnings->len; i++)
    {
      g_test_message ("%s", (char *) g_ptr_array_index (warnings, i));
      warned_mosson |= strstr (g_ptr_array_index (warnings, i), "no drainage cell of “La Mosson”") != NULL;
    }
  g_assert_true (warned_mosson);

  g_assert_true (vg_flood_library_get_gauge_range (library, "Y321002101", &first, &n));
  g_assert_cmpuint (n, ==, 6);
  for (guint i = first; i < first + n; i++)
    {
      VgFloodEnvelope *e = vg_flood_library_get_envelope (library, i);
      VgShapeSet *depths = vg_flood_envelope_get_depths (e);
      GEOSGeometry *g = vg_geos_context_shape_to_geos (geos, vg_flood_envelope_get_extent (e), 0, NULL);
      double classes = 0;

      g_assert_cmpfloat_with_epsilon (vg_flood_envelope_get_stage (e), 0.5 * (i - first + 1), 1e-12);
      g_assert_cmpint (vg_flood_envelope_get_kind (e), ==, VG_FLOOD_KIND_SYNTHETIC);
      g_assert_nonnull (strstr (vg_flood_envelope_get_source (e), "SYNTHETIC terrain, not real"));
      g_assert_nonnull (strstr (vg_flood_envelope_get_source (e), "HAND"));
      g_assert_cmpint (GEOSisValid_r (h, g), ==, 1);
      g_assert_cmpfloat (vg_flood_envelope_get_area (e), >, last_area);
      last_area = vg_flood_envelope_get_area (e);
      /* Whole cells of 50 m. */
      g_assert_cmpfloat (fmod (last_area, 2500), ==, 0);
      for (guint c = 0; c < VG_N_DEPTH_CLASSES; c++)
        classes += vg_shape_polygon_area (depths, c);
      g_assert_cmpfloat_with_epsilon (classes, last_area, 1e-6);
      if (i + 1 < first + n)
        {
          GEOSGeometry *next = vg_geos_context_shape_to_geos (geos, vg_flood_envelope_get_extent (vg_flood_library_get_envelope (library, i + 1)), 0, NULL);

          g_assert_cmpint (GEOSCovers_r (h, next, g), ==, 1);
          GEOSGeom_destroy_r (h, next);
        }
      GEOSGeom_destroy_r (h, g);
    }
  /* The highest envelope reaches well beyond the channel: hundreds of cells. */
  g_assert_cmpfloat (last_area, >, 200 * 2500.0);
}

/* A geographic DEM (as SRTM tiles are): the rivers go to its CRS, slopes use metres, and the
 * envelopes come back in Lambert-93, valid and growing. A V-shaped valley along longitude
 * 3.88° E, 1 m up per 0.0005° (about 40 m) on either side, falling 1 m per 0.01° north–south. */
static void
test_builder_geographic (void)
{
  const guint w = 81, h = 41;
  const double lon0 = 3.86, lat1 = 43.62, cell = 0.0005;
  float *z = g_new (float, w * h);
  g_autoptr(GError) error = NULL;
  g_autoptr(VgDem) dem = NULL;
  g_autoptr(VgCrsTransform) to_l93 = vg_crs_transform_new ("EPSG:4326", "EPSG:2154", &error);
  g_autoptr(VgShapeSet) river = vg_shape_set_new ();
  static const char * const columns[] = { "name", NULL };
  g_autoptr(VgLayer) rivers = NULL;
  g_autoptr(GPtrArray) gauges = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VgFloodLibrary) library = NULL;
  g_autoptr(VgGeosContext) geos = vg_geos_context_new ();
  double corners[10] = { 3.87985, 43.5995, 3.88015, 43.5995, 3.88015, 43.6205, 3.87985, 43.6205, 3.87985, 43.5995 };
  double gx = 3.88, gy = 43.61, last = 0;
  const char *name = "Rivière de test";

  g_assert_no_error (error);
  for (guint r = 0; r < h; r++)
    for (guint i = 0; i < w; i++)
      z[r * w + i] = fabs (lon0 + (i + 0.5) * cell - 3.88) / cell + 100 * (lat1 - (r + 0.5) * cell - 43.6);
  dem = vg_dem_new (w, h, lon0, lat1, cell, cell, "EPSG:4326", z, "SYNTHETIC geographic test valley", TRUE);

  g_assert_true (vg_crs_transform_apply (to_l93, corners, 5, &error));
  g_assert_true (vg_crs_transform_point (to_l93, &gx, &gy, &error));
  vg_shape_set_begin_shape (river, VG_SHAPE_POLYGON);
  vg_shape_set_begin_part (river, TRUE);
  for (guint i = 0; i < 5; i++)
    vg_shape_set_add_point (river, corners[2 * i], corners[2 * i + 1]);
  vg_shape_set_end_shape (river);
  rivers = vg_layer_new ("rivers", "EPSG:2154", river, columns);
  vg_layer_append_values (rivers, &name);
  g_ptr_array_add (gauges, vg_flood_gauge_new ("TEST0003", NULL, "Test gauge", name, gx, gy, "test"));

  library = vg_flood_build_hand_library (dem, rivers, 0, "test rivers", gauges, 1.0, 3.0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vg_flood_library_get_n_envelopes (library), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      VgFloodEnvelope *e = vg_flood_library_get_envelope (library, i);
      const double *b = vg_shape_set_get_bbox (vg_flood_envelope_get_extent (e), 0);
      GEOSGeometry *g = vg_geos_context_shape_to_geos (geos, vg_flood_envelope_get_extent (e), 0, NULL);

      /* Lambert-93 around Montpellier, straddling the river's easting. */
      g_assert_cmpfloat (b[0], <, gx);
      g_assert_cmpfloat (b[2], >, gx);
      g_assert_cmpfloat (b[1], >, 6270000);
      g_assert_cmpfloat (b[3], <, 6285000);
      g_assert_cmpint (GEOSisValid_r (vg_geos_context_get_handle (geos), g), ==, 1);
      GEOSGeom_destroy_r (vg_geos_context_get_handle (geos), g);
      g_assert_cmpfloat (vg_flood_envelope_get_area (e), >, last);
      last = vg_flood_envelope_get_area (e);
    }
  /* At 3 m the valley is flooded about 3 cells (~120 m) each side over ~2.3 km. */
  g_assert_cmpfloat (last, >, 2e5);
  g_assert_cmpfloat (last, <, 2e6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/flood/dem/asc", test_dem_asc);
  g_test_add_func ("/vigie/flood/dem/hgt", test_dem_hgt);
  g_test_add_func ("/vigie/flood/dem/rasterize", test_rasterize);
  g_test_add_func ("/vigie/flood/hand/valley", test_hand);
  g_test_add_func ("/vigie/flood/hand/polygonize", test_polygonize);
  g_test_add_func ("/vigie/flood/hand/builder", test_builder);
  g_test_add_func ("/vigie/flood/hand/builder-geographic", test_builder_geographic);

  return g_test_run ();
}
