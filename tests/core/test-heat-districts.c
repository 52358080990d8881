/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>

#include "vg-crs-transform.h"
#include "vg-heat-districts.h"
#include "vg-test-util.h"

static VgHeatDistricts *
load_districts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_geodata_path ();
  g_autoptr(VgGpkg) gpkg = vg_gpkg_open (path, &error);
  VgHeatDistricts *districts;

  g_assert_no_error (error);
  districts = vg_heat_districts_load (gpkg, &error);
  g_assert_no_error (error);
  return districts;
}

static int
find (VgHeatDistricts *districts,
      const char      *id)
{
  for (guint i = 0; i < vg_heat_districts_get_n_districts (districts); i++)
    if (g_str_equal (vg_heat_districts_get_id (districts, i), id))
      return (int) i;
  return -1;
}

/* 31 sous-quartiers then the 30 other communes, every id distinct although the city's data gives
 * code MIP to both La Pompignane and Port Marianne (in that file order). */
static void
test_districts (void)
{
  g_autoptr(VgHeatDistricts) districts = load_districts ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = vg_heat_districts_get_n_districts (districts);
  double sq_area = 0;

  g_assert_cmpuint (n, ==, 61);
  for (guint i = 0; i < n; i++)
    {
      VgHeatDistrictKind kind = vg_heat_districts_get_kind (districts, i);

      g_assert_true (g_hash_table_add (ids, (gpointer) vg_heat_districts_get_id (districts, i)));
      g_assert_cmpint (kind, ==, i < 31 ? VG_HEAT_DISTRICT_SOUS_QUARTIER : VG_HEAT_DISTRICT_COMMUNE);
      g_assert_cmpstr (vg_heat_districts_kind_to_id (kind), ==, i < 31 ? "sous_quartier" : "commune");
      g_assert_cmpfloat (vg_heat_districts_get_area (districts, i), >, 0);
      if (kind == VG_HEAT_DISTRICT_SOUS_QUARTIER)
        sq_area += vg_heat_districts_get_area (districts, i);
    }
  g_assert_false (g_hash_table_contains (ids, "34172"));
  g_assert_cmpstr (vg_heat_districts_get_name (districts, find (districts, "34172-MIP")), ==, "La Pompignane");
  g_assert_cmpstr (vg_heat_districts_get_name (districts, find (districts, "34172-MIP-2")), ==, "Port Marianne");
  g_assert_cmpstr (vg_heat_districts_get_name (districts, find (districts, "34057")), ==, "Castelnau-le-Lez");
  /* The sous-quartiers tile Montpellier: 57.119 km² (SpatiaLite's ST_Area on the same layer). */
  g_assert_cmpfloat_with_epsilon (sq_area / 1e6, 57.119, 0.01);
  g_assert_cmpuint (vg_shape_set_get_n_shapes (vg_heat_districts_get_shapes (districts)), ==, n);
}

/* Densities against SpatiaLite's Σ ST_Area (ST_Intersection (building, district)) / ST_Area
 * (district) on the same layers (ogrinfo -dialect SQLite): Comédie 0.1946, La Martelle 0.0069.
 * No density and no heat island offset outside Montpellier. */
static void
test_built_density (void)
{
  g_autoptr(VgHeatDistricts) districts = load_districts ();
  int comedie = find (districts, "34172-MCC");
  int martelle = find (districts, "34172-CVM");
  int castelnau = find (districts, "34057");
  double f;

  g_assert_cmpint (comedie, >=, 0);
  g_assert_cmpstr (vg_heat_districts_get_name (districts, comedie), ==, "Comédie");
  g_assert_cmpfloat_with_epsilon (vg_heat_districts_get_built_density (districts, comedie), 0.1946, 0.001);
  g_assert_cmpfloat_with_epsilon (vg_heat_districts_get_built_density (districts, martelle), 0.0069, 0.0005);
  g_assert_true (isnan (vg_heat_districts_get_built_density (districts, castelnau)));

  g_assert_cmpfloat (vg_heat_districts_get_uhi (districts, comedie, TRUE), ==, VG_HEAT_UHI_NIGHT_MAX);
  g_assert_cmpfloat (vg_heat_districts_get_uhi (districts, comedie, FALSE), ==, VG_HEAT_UHI_DAY_MAX);
  f = vg_heat_districts_get_built_density (districts, martelle) / VG_HEAT_UHI_FULL_DENSITY;
  g_assert_cmpfloat_with_epsilon (vg_heat_districts_get_uhi (districts, martelle, TRUE), f * VG_HEAT_UHI_NIGHT_MAX, 1e-12);
  g_assert_cmpfloat (vg_heat_districts_get_uhi (districts, castelnau, TRUE), ==, 0.0);
}

/* Place de la Comédie (X 771 040, Y 6 279 234) is in the Comédie; a point on Castelnau's surface
 * (SpatiaLite's ST_PointOnSurface) in Castelnau; the sea off Palavas in no district. */
static void
test_locate (void)
{
  g_autoptr(VgHeatDistricts) districts = load_districts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgCrsTransform) to_l93 = vg_crs_transform_new (VG_CRS_WGS84, VG_CRS_LAMBERT93, &error);
  double x = 3.93, y = 43.45;

  g_assert_no_error (error);
  g_assert_cmpint (vg_heat_districts_locate (districts, 771040, 6279234), ==, find (districts, "34172-MCC"));
  g_assert_cmpint (vg_heat_districts_locate (districts, 773626.2, 6282442.3), ==, find (districts, "34057"));
  g_assert_true (vg_crs_transform_point (to_l93, &x, &y, &error));
  g_assert_cmpint (vg_heat_districts_locate (districts, x, y), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/heat/districts/layers", test_districts);
  g_test_add_func ("/vigie/heat/districts/built-density", test_built_density);
  g_test_add_func ("/vigie/heat/districts/locate", test_locate);

  return g_test_run ();
}
