/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>

#include "vg-geos-context.h"
#include "vg-polygon-grid.h"
#include "vg-rtree.h"

/* Appends a polygon of @n_rings rings, each given as its point count, 1 for an outer ring or 0
 * for a hole, then its x,y pairs (closed). */
static void
add_polygon (VgShapeSet   *set,
             const double *rings,
             guint         n_rings)
{
  vg_shape_set_begin_shape (set, VG_SHAPE_POLYGON);
  for (guint r = 0; r < n_rings; r++)
    {
      guint n = (guint) rings[0];

      vg_shape_set_begin_part (set, rings[1] != 0);
      for (guint i = 0; i < n; i++)
        vg_shape_set_add_point (set, rings[2 + 2 * i], rings[3 + 2 * i]);
      rings += 2 + 2 * n;
    }
  vg_shape_set_end_shape (set);
}

static void
add_rect (VgShapeSet *set,
          double      x0,
          double      y0,
          double      x1,
          double      y1)
{
  vg_shape_set_begin_shape (set, VG_SHAPE_POLYGON);
  vg_shape_set_begin_part (set, TRUE);
  vg_shape_set_add_point (set, x0, y0);
  vg_shape_set_add_point (set, x1, y0);
  vg_shape_set_add_point (set, x1, y1);
  vg_shape_set_add_point (set, x0, y1);
  vg_shape_set_add_point (set, x0, y0);
  vg_shape_set_end_shape (set);
}

static void
add_line (VgShapeSet *set,
          double      x0,
          double      y0,
          double      x1,
          double      y1)
{
  vg_shape_set_begin_shape (set, VG_SHAPE_LINE);
  vg_shape_set_begin_part (set, TRUE);
  vg_shape_set_add_point (set, x0, y0);
  vg_shape_set_add_point (set, x1, y1);
  vg_shape_set_end_shape (set);
}

static void
add_point (VgShapeSet *set,
           double      x,
           double      y)
{
  vg_shape_set_begin_shape (set, VG_SHAPE_POINT);
  vg_shape_set_begin_part (set, TRUE);
  vg_shape_set_add_point (set, x, y);
  vg_shape_set_end_shape (set);
}

/* The hand-made envelope: the square 0..100 given clockwise, with a square hole 40..60, plus a
 * second part 300..400 × 0..50 (a multipolygon, as HAND envelopes are). */
static VgShapeSet *
square_envelope (void)
{
  VgShapeSet *set = vg_shape_set_new ();

  vg_shape_set_begin_shape (set, VG_SHAPE_POLYGON);
  vg_shape_set_begin_part (set, TRUE);
  vg_shape_set_add_point (set, 0, 0);
  vg_shape_set_add_point (set, 0, 100);
  vg_shape_set_add_point (set, 100, 100);
  vg_shape_set_add_point (set, 100, 0);
  vg_shape_set_add_point (set, 0, 0);
  vg_shape_set_begin_part (set, FALSE);
  vg_shape_set_add_point (set, 40, 40);
  vg_shape_set_add_point (set, 60, 40);
  vg_shape_set_add_point (set, 60, 60);
  vg_shape_set_add_point (set, 40, 60);
  vg_shape_set_add_point (set, 40, 40);
  vg_shape_set_begin_part (set, TRUE);
  vg_shape_set_add_point (set, 300, 0);
  vg_shape_set_add_point (set, 400, 0);
  vg_shape_set_add_point (set, 400, 50);
  vg_shape_set_add_point (set, 300, 50);
  vg_shape_set_add_point (set, 300, 0);
  vg_shape_set_end_shape (set);
  return set;
}

/* Buildings placed by hand around the square, each with its area inside worked out on paper. */
static void
test_hand_made (void)
{
  g_autoptr(VgShapeSet) envelope = square_envelope ();
  g_autoptr(VgPolygonGrid) grid = vg_polygon_grid_new (envelope, 0, 0);
  g_autoptr(VgShapeSet) assets = vg_shape_set_new ();
  static const double courtyard[] = {
    5, 1, -10, 70, 10, 70, 10, 90, -10, 90, -10, 70,
    5, 0, -5, 75, -5, 85, 5, 85, 5, 75, -5, 75,
  };
  static const double triangle[] = { 4, 1, 95, -5, 105, -5, 95, 5, 95, -5 };
  struct { double area; gboolean intersects; } expected[] = {
    { 100, TRUE },    /* fully inside */
    { 100, TRUE },    /* half across the right side */
    { 0, FALSE },     /* far outside */
    { 25, TRUE },     /* over the top-right corner */
    { 50, TRUE },     /* half over the hole */
    { 176, TRUE },    /* around the whole hole */
    { 0, TRUE },      /* sharing the right side from outside: touches only */
    { 100, TRUE },    /* sharing the right side from inside */
    { 150, TRUE },    /* a courtyard building across the left side */
    { 12.5, TRUE },   /* a triangle over the bottom-right corner */
    { 5000, TRUE },   /* exactly the second part: every edge shared */
    { 0, FALSE },     /* inside the hole, not touching it */
  };

  g_assert_nonnull (grid);
  g_assert_cmpfloat_with_epsilon (vg_polygon_grid_get_area (grid), 10000 - 400 + 5000, 1e-9);

  add_rect (assets, 10, 10, 20, 20);
  add_rect (assets, 90, 30, 110, 40);
  add_rect (assets, 200, 200, 210, 210);
  add_rect (assets, 95, 95, 105, 105);
  add_rect (assets, 35, 45, 45, 55);
  add_rect (assets, 38, 38, 62, 62);
  add_rect (assets, 100, 50, 110, 60);
  add_rect (assets, 90, 60, 100, 70);
  add_polygon (assets, courtyard, 2);
  add_polygon (assets, triangle, 1);
  add_rect (assets, 300, 0, 400, 50);
  add_rect (assets, 45, 45, 55, 55);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean intersects;
      double area = vg_polygon_grid_measure (grid, assets, i, &intersects);

      g_test_message ("building %u: %g m² inside", i, area);
      g_assert_cmpfloat_with_epsilon (area, expected[i].area, 1e-9);
      g_assert_cmpint (intersects, ==, expected[i].intersects);
    }

  g_assert_cmpint (vg_polygon_grid_classify_box (grid, (double[]) { 10, 10, 20, 20 }), ==, VG_GRID_INSIDE);
  g_assert_cmpint (vg_polygon_grid_classify_box (grid, (double[]) { 200, 200, 210, 210 }), ==, VG_GRID_OUTSIDE);
  g_assert_cmpint (vg_polygon_grid_classify_box (grid, (double[]) { 90, 30, 110, 40 }), ==, VG_GRID_BOUNDARY);
}

/* Roads and points: lengths inside, boundary runs included (as ST_Intersection keeps them). */
static void
test_lines_points (void)
{
  g_autoptr(VgShapeSet) envelope = square_envelope ();
  g_autoptr(VgPolygonGrid) grid = vg_polygon_grid_new (envelope, 0, 0);
  g_autoptr(VgShapeSet) assets = vg_shape_set_new ();
  double expected[] = { 80, 100, 50, 0, 1, 0, 1, 0 };
  gboolean expected_hit[] = { TRUE, TRUE, TRUE, FALSE, TRUE, FALSE, TRUE, FALSE };

  add_line (assets, -50, 50, 150, 50);      /* through the hole */
  add_line (assets, 0, -10, 0, 110);        /* along the left side */
  add_line (assets, 350, -10, 350, 100);    /* across the second part */
  add_line (assets, 200, -10, 200, 100);    /* between the parts */
  add_point (assets, 10, 10);
  add_point (assets, 50, 50);               /* in the hole */
  add_point (assets, 100, 50);              /* on the boundary */
  add_point (assets, 500, 500);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean hit;
      double v = vg_polygon_grid_measure (grid, assets, i, &hit);

      g_assert_cmpfloat_with_epsilon (v, expected[i], 1e-9);
      g_assert_cmpint (hit, ==, expected_hit[i]);
    }
  g_assert_cmpfloat_with_epsilon (vg_shape_line_length (assets, 0), 200, 1e-9);
}

/* A star-shaped envelope of 2,000 vertices and 3,000 random rotated rectangles and triangles:
 * areas and intersects equal GEOS's overlay results, lines' lengths too. */
static void
test_random_vs_geos (void)
{
  g_autoptr(VgGeosContext) geos = vg_geos_context_new ();
  GEOSContextHandle_t h = vg_geos_context_get_handle (geos);
  g_autoptr(VgShapeSet) envelope = vg_shape_set_new ();
  g_autoptr(VgShapeSet) assets = vg_shape_set_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20141007);
  g_autoptr(VgPolygonGrid) grid = NULL;
  GEOSGeometry *env;
  const double cx = 770000, cy = 6279000;
  guint n_hits = 0, n_partial = 0;
  double first_x = 0, first_y = 0;

  vg_shape_set_begin_shape (envelope, VG_SHAPE_POLYGON);
  vg_shape_set_begin_part (envelope, TRUE);
  for (guint i = 0; i < 2000; i++)
    {
      double a = 2 * G_PI * i / 2000;
      double r = 1000 + 300 * sin (7 * a) + 80 * sin (41 * a) + g_rand_double_range (rand, 0, 20);

      vg_shape_set_add_point (envelope, cx + r * cos (a), cy + r * sin (a));
      if (i == 0)
        {
          first_x = cx + r;
          first_y = cy;
        }
    }
  vg_shape_set_add_point (envelope, first_x, first_y);
  vg_shape_set_end_shape (envelope);
  grid = vg_polygon_grid_new (envelope, 0, 0);
  env = vg_geos_context_shape_to_geos (geos, envelope, 0, NULL);
  g_assert_true (GEOSisValid_r (h, env));

  for (guint i = 0; i < 3000; i++)
    {
      double x = cx + g_rand_double_range (rand, -1500, 1500);
      double y = cy + g_rand_double_range (rand, -1500, 1500);
      double a = g_rand_double_range (rand, 0, G_PI);
      double w = g_rand_double_range (rand, 5, 40), l = g_rand_double_range (rand, 5, 40);

      if (i % 3 == 2)
        {
          add_line (assets, x, y, x + 300 * cos (a), y + 300 * sin (a));
          continue;
        }
      vg_shape_set_begin_shape (assets, VG_SHAPE_POLYGON);
      vg_shape_set_begin_part (assets, TRUE);
      vg_shape_set_add_point (assets, x, y);
      vg_shape_set_add_point (assets, x + w * cos (a), y + w * sin (a));
      if (i % 3 == 0)
        vg_shape_set_add_point (assets, x + w * cos (a) - l * sin (a), y + w * sin (a) + l * cos (a));
      vg_shape_set_add_point (assets, x - l * sin (a), y + l * cos (a));
      vg_shape_set_add_point (assets, x, y);
      vg_shape_set_end_shape (assets);
    }

  for (guint i = 0; i < vg_shape_set_get_n_shapes (assets); i++)
    {
      GEOSGeometry *g = vg_geos_context_shape_to_geos (geos, assets, i, NULL);
      GEOSGeometry *inter = GEOSIntersection_r (h, g, env);
      gboolean hit, geos_hit = GEOSIntersects_r (h, g, env) == 1;
      double mine = vg_polygon_grid_measure (grid, assets, i, &hit), theirs = 0;

      if (vg_shape_set_get_kind (assets, i) == VG_SHAPE_POLYGON)
        GEOSArea_r (h, inter, &theirs);
      else
        GEOSLength_r (h, inter, &theirs);
      g_assert_cmpint (hit, ==, geos_hit);
      g_assert_cmpfloat (fabs (mine - theirs), <=, 1e-7 * MAX (theirs, 1));
      n_hits += hit;
      if (vg_polygon_grid_classify_box (grid, vg_shape_set_get_bbox (assets, i)) == VG_GRID_BOUNDARY)
        n_partial++;
      GEOSGeom_destroy_r (h, inter);
      GEOSGeom_destroy_r (h, g);
    }
  g_test_message ("%u of 3000 meet the envelope, %u measured exactly", n_hits, n_partial);
  g_assert_cmpuint (n_hits, >, 500);
  g_assert_cmpuint (n_partial, >, 50);
  GEOSGeom_destroy_r (h, env);
}

/* The R-tree returns exactly the boxes a brute-force scan finds. */
static void
test_rtree (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autofree double *boxes = g_new (double, 4 * 20000);
  g_autoptr(VgRtree) tree = NULL;

  for (guint i = 0; i < 20000; i++)
    {
      double x = g_rand_double_range (rand, 0, 10000), y = g_rand_double_range (rand, 0, 10000);

      boxes[4 * i] = x;
      boxes[4 * i + 1] = y;
      boxes[4 * i + 2] = x + g_rand_double_range (rand, 0, 50);
      boxes[4 * i + 3] = y + g_rand_double_range (rand, 0, 50);
    }
  /* An empty shape's inverted box is never found. */
  boxes[0] = 1;
  boxes[2] = 0;
  tree = vg_rtree_new (boxes, 20000);
  g_assert_cmpuint (vg_rtree_get_n_items (tree), ==, 19999);
  for (guint q = 0; q < 50; q++)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree guint8 *seen = g_new0 (guint8, 20000);
      double x = g_rand_double_range (rand, -100, 10000), y = g_rand_double_range (rand, -100, 10000);
      double qb[4] = { x, y, x + g_rand_double_range (rand, 0, 800), y + g_rand_double_range (rand, 0, 800) };
      guint expected = 0;

      vg_rtree_search (tree, qb, found);
      for (guint i = 0; i < found->len; i++)
        seen[g_array_index (found, guint, i)]++;
      for (guint i = 0; i < 20000; i++)
        {
          const double *b = boxes + 4 * i;
          gboolean hit = b[0] <= b[2] && !(b[0] > qb[2] || b[2] < qb[0] || b[1] > qb[3] || b[3] < qb[1]);

          g_assert_cmpuint (seen[i], ==, hit ? 1 : 0);
          expected += hit;
        }
      g_assert_cmpuint (found->len, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/flood/polygon-grid/hand-made", test_hand_made);
  g_test_add_func ("/vigie/flood/polygon-grid/lines-points", test_lines_points);
  g_test_add_func ("/vigie/flood/polygon-grid/random-vs-geos", test_random_vs_geos);
  g_test_add_func ("/vigie/flood/rtree", test_rtree);

  return g_test_run ();
}
