/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <string.h>

#include "vg-error.h"
#include "vg-geos-context.h"
#include "vg-gpkg.h"
#include "vg-test-util.h"

static VgGpkg *
open_geodata (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_geodata_path ();
  VgGpkg *gpkg = vg_gpkg_open (path, &error);

  g_assert_no_error (error);
  return gpkg;
}

static void
test_layers (void)
{
  g_autoptr(VgGpkg) gpkg = open_geodata ();
  g_auto(GStrv) layers = vg_gpkg_list_layers (gpkg);
  const char *expected[] = { "metropole", "communes", "quartiers", "sous_quartiers", "watercourses",
                             "buildings", "streets", "addresses", "sites" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_strv_contains ((const char * const *) layers, expected[i]));
}

/* The 31 communes of Montpellier Méditerranée Métropole, in Lambert-93, with Montpellier
 * around its known position. */
static void
test_communes (void)
{
  static const char * const columns[] = { "insee", "name", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(VgGpkg) gpkg = open_geodata ();
  g_autoptr(VgLayer) communes = vg_gpkg_read_layer (gpkg, "communes", columns, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_cmpstr (vg_layer_get_crs (communes), ==, "EPSG:2154");
  g_assert_cmpuint (vg_layer_get_n_features (communes), ==, 31);
  for (guint i = 0; i < 31; i++)
    if (g_strcmp0 (vg_layer_get_value (communes, i, 0), "34172") == 0)
      {
        const double *bbox = vg_shape_set_get_bbox (vg_layer_get_shapes (communes), i);

        found = TRUE;
        g_assert_cmpstr (vg_layer_get_value (communes, i, 1), ==, "Montpellier");
        /* Place de la Comédie, X 771 040, Y 6 279 234, lies inside the commune's box. */
        g_assert_cmpfloat (bbox[0], <, 771040);
        g_assert_cmpfloat (bbox[2], >, 771040);
        g_assert_cmpfloat (bbox[1], <, 6279234);
        g_assert_cmpfloat (bbox[3], >, 6279234);
      }
  g_assert_true (found);
}

/* The city's building layer has one self-intersecting ring near 771959, 6279469: loading finds
 * and repairs it, and says which feature it was. */
static void
test_invalid_building_repaired (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgGpkg) gpkg = open_geodata ();
  g_autoptr(VgLayer) buildings = vg_gpkg_read_layer (gpkg, "buildings", NULL, &error);
  g_autoptr(VgGeosContext) geos = vg_geos_context_new ();
  g_autoptr(GPtrArray) repaired = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VgShapeSet) fixed = NULL;
  GEOSGeometry *g;
  guint feature;

  g_assert_no_error (error);
  g_assert_cmpuint (vg_layer_get_n_features (buildings), ==, 3356);
  fixed = vg_geos_context_repair_polygons (geos, vg_layer_get_shapes (buildings), repaired, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (repaired->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (repaired, 0), "Self-intersection"));
  g_assert_cmpuint (vg_shape_set_get_n_shapes (fixed), ==, 3356);

  feature = g_ascii_strtoull ((const char *) g_ptr_array_index (repaired, 0) + strlen ("feature "), NULL, 10) - 1;
  {
    const double *bbox = vg_shape_set_get_bbox (fixed, feature);

    g_assert_cmpfloat (bbox[0], <, 771959 + 100);
    g_assert_cmpfloat (bbox[2], >, 771959 - 100);
    g_assert_cmpfloat (bbox[1], <, 6279469 + 100);
    g_assert_cmpfloat (bbox[3], >, 6279469 - 100);
  }
  g = vg_geos_context_shape_to_geos (geos, fixed, feature, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GEOSisValid_r (vg_geos_context_get_handle (geos), g), ==, 1);
  GEOSGeom_destroy_r (vg_geos_context_get_handle (geos), g);
}

static void
test_errors_name_the_culprit (void)
{
  static const char * const bad_column[] = { "no_such_column", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(VgGpkg) gpkg = open_geodata ();
  g_autoptr(VgGpkg) missing = NULL;
  g_autoptr(VgGpkg) not_gpkg = NULL;
  g_autoptr(VgLayer) layer = NULL;
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *text_file = g_build_filename (dir, "notes.gpkg", NULL);

  layer = vg_gpkg_read_layer (gpkg, "floods", NULL, &error);
  g_assert_null (layer);
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "floods"));
  g_clear_error (&error);

  layer = vg_gpkg_read_layer (gpkg, "sites", bad_column, &error);
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no_such_column"));
  g_clear_error (&error);

  missing = vg_gpkg_open ("/nonexistent/city.gpkg", &error);
  g_assert_null (missing);
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN);
  g_clear_error (&error);

  g_file_set_contents (text_file, "not a database, just text that is long enough to be read", -1, &error);
  g_assert_no_error (error);
  not_gpkg = vg_gpkg_open (text_file, &error);
  g_assert_null (not_gpkg);
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "notes.gpkg"));
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/gpkg/layers", test_layers);
  g_test_add_func ("/vigie/gpkg/communes", test_communes);
  g_test_add_func ("/vigie/gpkg/invalid-building-repaired", test_invalid_building_repaired);
  g_test_add_func ("/vigie/gpkg/errors-name-the-culprit", test_errors_name_the_culprit);

  return g_test_run ();
}
