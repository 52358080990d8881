/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <string.h>

#include "vg-error.h"
#include "vg-wkb.h"

/* Builds WKB by hand, little-endian, so each test shows the bytes it feeds. */
typedef struct { GByteArray *bytes; } Wkb;

static void
put_u32 (GByteArray *b,
         guint32     v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (b, (const guint8 *) &v, 4);
}

static void
put_double (GByteArray *b,
            double      d)
{
  guint64 v;

  memcpy (&v, &d, 8);
  v = GUINT64_TO_LE (v);
  g_byte_array_append (b, (const guint8 *) &v, 8);
}

static void
put_header (GByteArray *b,
            guint32     type)
{
  guint8 order = 1;

  g_byte_array_append (b, &order, 1);
  put_u32 (b, type);
}

static GByteArray *
square_polygon (guint32 type, gboolean with_hole)
{
  GByteArray *b = g_byte_array_new ();
  const double outer[] = { 0, 0, 10, 0, 10, 10, 0, 10, 0, 0 };
  const double inner[] = { 2, 2, 4, 2, 4, 4, 2, 2 };

  put_header (b, type);
  put_u32 (b, with_hole ? 2 : 1);
  put_u32 (b, 5);
  for (guint i = 0; i < G_N_ELEMENTS (outer); i++)
    put_double (b, outer[i]);
  if (with_hole)
    {
      put_u32 (b, 4);
      for (guint i = 0; i < G_N_ELEMENTS (inner); i++)
        put_double (b, inner[i]);
    }
  return b;
}

static void
test_polygon_with_hole (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgShapeSet) set = vg_shape_set_new ();
  g_autoptr(GByteArray) b = square_polygon (3, TRUE);
  const double *bbox, *xy;
  gboolean outer;
  guint n;

  g_assert_true (vg_wkb_decode (b->data, b->len, set, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vg_shape_set_get_n_shapes (set), ==, 1);
  g_assert_cmpint (vg_shape_set_get_kind (set, 0), ==, VG_SHAPE_POLYGON);
  g_assert_cmpuint (vg_shape_set_get_n_parts (set, 0), ==, 2);
  xy = vg_shape_set_get_part (set, 0, 1, &n, &outer);
  g_assert_cmpuint (n, ==, 4);
  g_assert_false (outer);
  g_assert_cmpfloat (xy[2], ==, 4);
  bbox = vg_shape_set_get_bbox (set, 0);
  g_assert_cmpfloat (bbox[0], ==, 0);
  g_assert_cmpfloat (bbox[3], ==, 10);
}

static void
test_multipolygon_and_z (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgShapeSet) set = vg_shape_set_new ();
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autoptr(GByteArray) p1 = square_polygon (3, FALSE);
  g_autoptr(GByteArray) p2 = square_polygon (3, TRUE);
  gboolean outer;

  put_header (b, 6);
  put_u32 (b, 2);
  g_byte_array_append (b, p1->data, p1->len);
  g_byte_array_append (b, p2->data, p2->len);
  g_assert_true (vg_wkb_decode (b->data, b->len, set, &error));
  g_assert_cmpuint (vg_shape_set_get_n_parts (set, 0), ==, 3);
  vg_shape_set_get_part (set, 0, 1, NULL, &outer);
  g_assert_true (outer);   /* the second polygon's shell starts a new polygon */

  /* ISO LineString Z (1002): z is read and dropped. */
  g_byte_array_set_size (b, 0);
  put_header (b, 1002);
  put_u32 (b, 2);
  for (guint i = 0; i < 6; i++)
    put_double (b, i);
  g_assert_true (vg_wkb_decode (b->data, b->len, set, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vg_shape_set_get_kind (set, 1), ==, VG_SHAPE_LINE);
  g_assert_cmpfloat (vg_shape_set_get_part (set, 1, 0, NULL, NULL)[2], ==, 3);
}

static void
assert_malformed (const guint8 *data,
                  gsize         len,
                  const char   *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgShapeSet) set = vg_shape_set_new ();

  g_assert_false (vg_wkb_decode (data, len, set, &error));
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, fragment));
  /* A failed decode leaves the set as it was. */
  g_assert_cmpuint (vg_shape_set_get_n_shapes (set), ==, 0);
  g_assert_cmpuint (vg_shape_set_get_n_points (set), ==, 0);
}

static void
test_hostile_blobs (void)
{
  g_autoptr(GByteArray) b = square_polygon (3, TRUE);
  g_autoptr(GByteArray) huge = g_byte_array_new ();
  g_autoptr(GByteArray) deep = g_byte_array_new ();
  const guint8 bad_order[] = { 7, 1, 0, 0, 0 };

  /* Every truncation of a valid polygon fails cleanly. */
  for (guint len = 0; len < b->len; len++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VgShapeSet) set = vg_shape_set_new ();

      g_assert_false (vg_wkb_decode (b->data, len, set, &error));
      g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
    }

  assert_malformed (bad_order, sizeof bad_order, "byte order");

  /* A count of 4 billion points in a 13-byte blob must not allocate anything. */
  put_header (huge, 2);
  put_u32 (huge, 0xffffffff);
  put_double (huge, 1);
  assert_malformed (huge->data, huge->len, "points announced");

  /* Collections nested beyond the limit. */
  for (guint i = 0; i < 20; i++)
    {
      put_header (deep, 7);
      put_u32 (deep, 1);
    }
  assert_malformed (deep->data, deep->len, "nested deeper");

  /* Trailing garbage after a valid geometry. */
  g_byte_array_append (b, (const guint8 *) "xx", 2);
  assert_malformed (b->data, b->len, "trailing");
}

static void
test_gpkg_blob (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgShapeSet) set = vg_shape_set_new ();
  g_autoptr(GByteArray) blob = g_byte_array_new ();
  g_autoptr(GByteArray) wkb = square_polygon (3, FALSE);
  /* "GP", version 0, flags: little-endian header, envelope type 1 (minx, maxx, miny, maxy). */
  const guint8 magic[] = { 'G', 'P', 0, 0x03 };
  const double envelope[] = { 0, 10, 0, 10 };
  gint32 srs = 0;

  g_byte_array_append (blob, magic, 4);
  put_u32 (blob, 2154);
  for (guint i = 0; i < 4; i++)
    put_double (blob, envelope[i]);
  g_byte_array_append (blob, wkb->data, wkb->len);

  g_assert_true (vg_gpkg_blob_decode (blob->data, blob->len, set, &srs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (srs, ==, 2154);
  g_assert_cmpint (vg_shape_set_get_kind (set, 0), ==, VG_SHAPE_POLYGON);

  /* Not a GeoPackage blob at all. */
  g_assert_false (vg_gpkg_blob_decode (wkb->data, wkb->len, set, NULL, &error));
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
  g_clear_error (&error);
  /* Envelope announced but missing. */
  g_assert_false (vg_gpkg_blob_decode (blob->data, 12, set, NULL, &error));
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/wkb/polygon-with-hole", test_polygon_with_hole);
  g_test_add_func ("/vigie/wkb/multipolygon-and-z", test_multipolygon_and_z);
  g_test_add_func ("/vigie/wkb/hostile-blobs", test_hostile_blobs);
  g_test_add_func ("/vigie/wkb/gpkg-blob", test_gpkg_blob);

  return g_test_run ();
}
