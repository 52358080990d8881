/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-crs-transform.h"
#include "vg-error.h"

/* Place de la Comédie: lon 3.8767, lat 43.6108 → Lambert-93 X 770795.51, Y 6279476.13, the value
 * cs2cs (PROJ 9.1) gives; the map must put things where the city's own data says they are. */
static void
test_wgs84_to_lambert93 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgCrsTransform) t = vg_crs_transform_new (VG_CRS_WGS84, VG_CRS_LAMBERT93, &error);
  double x = 3.8767, y = 43.6108;

  g_assert_no_error (error);
  g_assert_true (vg_crs_transform_point (t, &x, &y, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (x, 770795.51, 0.01);
  g_assert_cmpfloat_with_epsilon (y, 6279476.13, 0.01);
}

static void
test_lambert93_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgCrsTransform) there = vg_crs_transform_new (VG_CRS_LAMBERT93, VG_CRS_WGS84, &error);
  g_autoptr(VgCrsTransform) back = vg_crs_transform_new (VG_CRS_WGS84, VG_CRS_LAMBERT93, &error);
  /* The Zénith's Lambert-93 point from SitesHebUrg, and its WGS84 POINT_X/POINT_Y. */
  double xy[4] = { 775170.78182209481, 6279774.866824396, 770000, 6280000 };
  const double original[4] = { xy[0], xy[1], xy[2], xy[3] };

  g_assert_no_error (error);
  g_assert_true (vg_crs_transform_apply (there, xy, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (xy[0], 3.93092016603, 1e-6);
  g_assert_cmpfloat_with_epsilon (xy[1], 43.6130371372, 1e-6);
  g_assert_true (vg_crs_transform_apply (back, xy, 2, &error));
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (xy[i], original[i], 1e-3);
}

static void
test_web_mercator (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgCrsTransform) t = vg_crs_transform_new (VG_CRS_WGS84, VG_CRS_WEB_MERCATOR, &error);
  double x = 3.8797, y = 43.6086;

  g_assert_no_error (error);
  g_assert_true (vg_crs_transform_point (t, &x, &y, &error));
  /* Spherical Mercator: x = R·λ, y = R·ln tan(π/4 + φ/2), R = 6378137 m. */
  g_assert_cmpfloat_with_epsilon (x, 6378137.0 * 3.8797 * G_PI / 180, 0.01);
  g_assert_cmpfloat_with_epsilon (y, 6378137.0 * log (tan (G_PI / 4 + 43.6086 * G_PI / 360)), 0.01);
}

/* The fast Lambert-93 → Web Mercator pipeline agrees with PROJ's general path (through WGS84)
 * to the millimetre, across the Métropole. */
static void
test_fast_path_agrees (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgCrsTransform) fast = vg_crs_transform_new (VG_CRS_LAMBERT93, VG_CRS_WEB_MERCATOR, &error);
  g_autoptr(VgCrsTransform) to_wgs84 = vg_crs_transform_new (VG_CRS_LAMBERT93, VG_CRS_WGS84, &error);
  g_autoptr(VgCrsTransform) to_mercator = vg_crs_transform_new (VG_CRS_WGS84, VG_CRS_WEB_MERCATOR, &error);

  g_assert_no_error (error);
  for (double x = 755000; x <= 790000; x += 5000)
    for (double y = 6260000; y <= 6295000; y += 5000)
      {
        double a[2] = { x, y }, b[2] = { x, y };

        g_assert_true (vg_crs_transform_apply (fast, a, 1, &error));
        g_assert_true (vg_crs_transform_apply (to_wgs84, b, 1, &error));
        g_assert_true (vg_crs_transform_apply (to_mercator, b, 1, &error));
        g_assert_no_error (error);
        g_assert_cmpfloat_with_epsilon (a[0], b[0], 1e-3);
        g_assert_cmpfloat_with_epsilon (a[1], b[1], 1e-3);
      }
}

static void
test_unknown_crs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgCrsTransform) t = vg_crs_transform_new ("EPSG:999999", VG_CRS_WGS84, &error);

  g_assert_null (t);
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS);
  g_assert_nonnull (strstr (error->message, "EPSG:999999"));
}

static void
test_out_of_domain_point (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgCrsTransform) t = vg_crs_transform_new (VG_CRS_WGS84, VG_CRS_WEB_MERCATOR, &error);
  double x = 0, y = 95;   /* no such latitude */

  g_assert_no_error (error);
  g_assert_false (vg_crs_transform_point (t, &x, &y, &error));
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/crs/wgs84-to-lambert93", test_wgs84_to_lambert93);
  g_test_add_func ("/vigie/crs/lambert93-round-trip", test_lambert93_round_trip);
  g_test_add_func ("/vigie/crs/web-mercator", test_web_mercator);
  g_test_add_func ("/vigie/crs/fast-path-agrees", test_fast_path_agrees);
  g_test_add_func ("/vigie/crs/unknown-crs", test_unknown_crs);
  g_test_add_func ("/vigie/crs/out-of-domain-point", test_out_of_domain_point);

  return g_test_run ();
}
