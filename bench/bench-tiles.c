/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * Offline basemap throughput: tiles drawn and PNG-encoded per second at zooms 12 to 16 over the
 * commune of Montpellier, on one thread and on every core.
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "vg-tile-renderer.h"

typedef struct { guint z, x, y; } TileId;

static GArray *tiles_to_draw;
static gint next_tile;

/* All tiles of the commune's extent at @zoom. */
static void
add_tiles (VgBasemap *basemap,
           guint      zoom)
{
  const double half = 20037508.342789244;
  double bbox[4];
  double n = 1u << zoom;

  vg_basemap_get_detail_extent (basemap, bbox);
  for (guint x = (bbox[0] + half) / (2 * half) * n; x <= (bbox[2] + half) / (2 * half) * n; x++)
    for (guint y = (half - bbox[3]) / (2 * half) * n; y <= (half - bbox[1]) / (2 * half) * n; y++)
      {
        TileId t = { zoom, x, y };

        g_array_append_val (tiles_to_draw, t);
      }
}

static gpointer
worker (gpointer renderer)
{
  gint i;

  while ((i = g_atomic_int_add (&next_tile, 1)) < (gint) tiles_to_draw->len)
    {
      TileId *t = &g_array_index (tiles_to_draw, TileId, i);
      GBytes *png = vg_tile_renderer_render_png (renderer, t->z, t->x, t->y, NULL);

      g_assert (png != NULL);
      g_bytes_unref (png);
    }
  return NULL;
}

static double
run (VgTileRenderer *renderer,
     guint           n_threads)
{
  GThread *threads[16];
  gint64 start = g_get_monotonic_time ();

  next_tile = 0;
  for (guint i = 0; i < n_threads; i++)
    threads[i] = g_thread_new ("tiles", worker, renderer);
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (threads[i]);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgBasemap) basemap = NULL;
  guint cores = MIN (g_get_num_processors (), 16);
  gint64 start = g_get_monotonic_time ();
  double load;

  setlocale (LC_ALL, "");
  basemap = vg_basemap_new_default (&error);
  if (basemap == NULL)
    g_error ("%s", error->message);
  load = (g_get_monotonic_time () - start) / 1e3;
  g_print ("bench: basemap load (GeoPackage → Web Mercator, labels anchors) | %.1f ms | 8,011 streets, 3,356 buildings, 841 water polygons\n", load);

  tiles_to_draw = g_array_new (FALSE, FALSE, sizeof (TileId));
  for (guint z = 12; z <= 16; z++)
    {
      g_autoptr(VgTileRenderer) cold = vg_tile_renderer_new (basemap, VG_BASEMAP_STYLE_DAY);
      g_autoptr(VgTileRenderer) warm = vg_tile_renderer_new (basemap, VG_BASEMAP_STYLE_DAY);
      double one, all;

      g_array_set_size (tiles_to_draw, 0);
      add_tiles (basemap, z);
      /* The first pass also places the zoom's labels (once per zoom and renderer). */
      one = run (cold, 1);
      all = run (warm, cores);
      g_print ("bench: tiles z%u, 1 thread (incl. label placement) | %.0f tiles/s | %u tiles, %.1f ms each\n",
               z, tiles_to_draw->len / one, tiles_to_draw->len, one * 1e3 / tiles_to_draw->len);
      g_print ("bench: tiles z%u, %u threads | %.0f tiles/s | %.2f× one thread\n",
               z, cores, tiles_to_draw->len / all, one / all);
    }
  g_array_unref (tiles_to_draw);
  return 0;
}
