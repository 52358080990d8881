/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>

#include "vg-error.h"
#include "vg-tile-renderer.h"

typedef struct
{
  VgBasemap      *basemap;
  VgTileRenderer *renderer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->basemap = vg_basemap_new_default (&error);
  g_assert_no_error (error);
  f->renderer = vg_tile_renderer_new (f->basemap, GPOINTER_TO_INT (data));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->renderer);
  g_assert_finalize_object (f->basemap);
}

/* The XYZ tile holding @lon, @lat at @zoom, and the pixel of that point inside it. */
static void
locate (double  lon,
        double  lat,
        guint   zoom,
        guint  *x,
        guint  *y,
        guint  *px,
        guint  *py)
{
  double n = 1u << zoom;
  double fx = (lon + 180) / 360 * n;
  double fy = (1 - asinh (tan (lat * G_PI / 180)) / G_PI) / 2 * n;

  *x = fx;
  *y = fy;
  *px = (fx - *x) * VG_TILE_SIZE;
  *py = (fy - *y) * VG_TILE_SIZE;
}

static guint32
pixel (cairo_surface_t *s,
       guint            px,
       guint            py)
{
  const guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  return *(const guint32 *) (gconstpointer) (data + py * stride + px * 4) & 0xffffff;
}

static gboolean
near_color (guint32 argb,
            guint32 rgb,
            int     tolerance)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (abs ((int) ((argb >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

/* Share of pixels of the tile within @tolerance of @rgb. */
static double
color_share (cairo_surface_t *s,
             guint32          rgb,
             int              tolerance)
{
  guint count = 0;

  for (guint y = 0; y < VG_TILE_SIZE; y++)
    for (guint x = 0; x < VG_TILE_SIZE; x++)
      count += near_color (pixel (s, x, y), rgb, tolerance);
  return count / (double) (VG_TILE_SIZE * VG_TILE_SIZE);
}

static double
luminance_variance (cairo_surface_t *s)
{
  double sum = 0, sum2 = 0, n = VG_TILE_SIZE * VG_TILE_SIZE;

  for (guint y = 0; y < VG_TILE_SIZE; y++)
    for (guint x = 0; x < VG_TILE_SIZE; x++)
      {
        guint32 p = pixel (s, x, y);
        double l = 0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff);

        sum += l;
        sum2 += l * l;
      }
  return sum2 / n - (sum / n) * (sum / n);
}

/* The centre of Montpellier at zoom 16: streets (white), buildings, labels — not a blank tile. */
static void
test_city_centre (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *s;
  guint x, y, px, py;

  locate (3.8797, 43.6086, 16, &x, &y, &px, &py);   /* Place de la Comédie */
  s = vg_tile_renderer_render_surface (f->renderer, 16, x, y, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (luminance_variance (s), >, 200);
  g_assert_cmpfloat (color_share (s, 0xffffff, 8), >, 0.05);   /* street fills */
  g_assert_cmpfloat (color_share (s, 0xd9d0c9, 6), >, 0.005);  /* buildings */
  g_assert_cmpfloat (color_share (s, 0xaad3df, 6), <, 0.01);   /* no river in the old town */
  cairo_surface_destroy (s);
}

/* The Lez runs north–south east of the centre: at 43.6035 N, 3.8955 E (by the Pont Juvénal)
 * the tile is partly water. */
static void
test_lez_is_water (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *s;
  guint x, y, px, py;

  locate (3.8955, 43.6035, 16, &x, &y, &px, &py);
  s = vg_tile_renderer_render_surface (f->renderer, 16, x, y, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (color_share (s, 0xaad3df, 6), >, 0.03);
  cairo_surface_destroy (s);
}

/* Outside the Métropole there is only background; the renderer still answers. */
static void
test_outside_and_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *s;
  GBytes *png;

  s = vg_tile_renderer_render_surface (f->renderer, 14, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (luminance_variance (s), <, 0.01);
  cairo_surface_destroy (s);

  png = vg_tile_renderer_render_png (f->renderer, 3, 8, 0, &error);
  g_assert_null (png);
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  png = vg_tile_renderer_render_png (f->renderer, 25, 0, 0, &error);
  g_assert_null (png);
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND);
}

/* A PNG that decodes back to the same pixels; and the same tile twice is byte-identical
 * (deterministic rendering: exports and caches depend on it). */
static void
test_png_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  guint x, y, px, py;

  locate (3.8797, 43.6086, 15, &x, &y, &px, &py);
  a = vg_tile_renderer_render_png (f->renderer, 15, x, y, &error);
  g_assert_no_error (error);
  b = vg_tile_renderer_render_png (f->renderer, 15, x, y, &error);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_cmpmem (g_bytes_get_data (a, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (g_bytes_get_size (a), >, 10000);
}

/* Night style: dark land, and it is a different cache key. */
static void
test_night_style (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgTileRenderer) day = vg_tile_renderer_new (f->basemap, VG_BASEMAP_STYLE_DAY);
  cairo_surface_t *s;
  guint x, y, px, py;

  g_assert_cmpstr (vg_tile_renderer_get_cache_key (day), !=, vg_tile_renderer_get_cache_key (f->renderer));
  locate (3.8797, 43.6086, 13, &x, &y, &px, &py);
  s = vg_tile_renderer_render_surface (f->renderer, 13, x, y, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (color_share (s, 0x23262b, 6), >, 0.2);
  cairo_surface_destroy (s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, style, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (style), fixture_set_up, func, fixture_tear_down)
  ADD ("/vigie/tile-renderer/city-centre", VG_BASEMAP_STYLE_DAY, test_city_centre);
  ADD ("/vigie/tile-renderer/lez-is-water", VG_BASEMAP_STYLE_DAY, test_lez_is_water);
  ADD ("/vigie/tile-renderer/outside-and-errors", VG_BASEMAP_STYLE_DAY, test_outside_and_errors);
  ADD ("/vigie/tile-renderer/png-round-trip", VG_BASEMAP_STYLE_DAY, test_png_round_trip);
  ADD ("/vigie/tile-renderer/night-style", VG_BASEMAP_STYLE_NIGHT, test_night_style);
#undef ADD

  return g_test_run ();
}
