/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-offline-tile-source"

#include "config.h"

#include <math.h>

#include "vg-offline-tile-source.h"

struct _VgOfflineTileSource
{
  ShumateDataSource  parent_instance;

  VgTileRenderer    *renderer;
  VgTileCache       *cache;
  GThreadPool       *pool;
  GMutex             focus_lock;
  int                focus_zoom;
  double             focus_x, focus_y;   /* tile coordinates of the view's centre */
  guint              n_delivered;
  guint              n_cache_hits;
};

G_DEFINE_FINAL_TYPE (VgOfflineTileSource, vg_offline_tile_source, SHUMATE_TYPE_DATA_SOURCE)

enum { PROP_0, PROP_N_DELIVERED, N_PROPS };
static GParamSpec *properties[N_PROPS];

typedef struct
{
  int x, y, zoom;
} TileRequest;

static void
vg_offline_tile_source_finalize (GObject *object)
{
  VgOfflineTileSource *self = VG_OFFLINE_TILE_SOURCE (object);

  /* Finish the tiles in flight: their tasks hold references to this source. */
  if (self->pool != NULL)
    g_thread_pool_free (g_steal_pointer (&self->pool), FALSE, TRUE);
  g_clear_object (&self->renderer);
  g_clear_object (&self->cache);
  g_mutex_clear (&self->focus_lock);

  G_OBJECT_CLASS (vg_offline_tile_source_parent_class)->finalize (object);
}

static void
vg_offline_tile_source_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  VgOfflineTileSource *self = VG_OFFLINE_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_N_DELIVERED:
      g_value_set_uint (value, self->n_delivered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Worker thread: draw and store. A pool of one thread per core, rather than
 * GTask's large shared pool: each drawing thread holds its own Pango font map and malloc arena,
 * and more threads than cores only add memory and contention. */
static void
render_in_thread (gpointer data,
                  gpointer user_data)
{
  g_autoptr(GTask) task = data;
  VgOfflineTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  png = vg_tile_renderer_render_png (self->renderer, request->zoom, request->x, request->y, &error);
  if (png == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A cache that cannot be written only costs a redraw next time. */
  if (self->cache != NULL && !vg_tile_cache_store (self->cache, request->zoom, request->x,
                                                   request->y, png, &error))
    g_debug ("%s", error->message);
  g_task_return_pointer (task, g_steal_pointer (&png), (GDestroyNotify) g_bytes_unref);
}

/* Main thread: announce the tile, then complete the caller's request (@user_data) with it. */
static void
tile_rendered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  VgOfflineTileSource *self = VG_OFFLINE_TILE_SOURCE (object);
  g_autoptr(GTask) outer = user_data;
  TileRequest *request = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  GBytes *png;

  png = g_task_propagate_pointer (G_TASK (result), &error);
  if (png == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  self->n_delivered++;
  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->zoom, png);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DELIVERED]);
  g_task_return_pointer (outer, png, (GDestroyNotify) g_bytes_unref);
}

static void
vg_offline_tile_source_get_tile_data_async (ShumateDataSource   *source,
                                            int                  x,
                                            int                  y,
                                            int                  zoom,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  VgOfflineTileSource *self = VG_OFFLINE_TILE_SOURCE (source);
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) worker = NULL;
  TileRequest *request = g_new0 (TileRequest, 1);

  request->x = x;
  request->y = y;
  request->zoom = zoom;

  outer = g_task_new (source, cancellable, callback, user_data);
  g_task_set_source_tag (outer, vg_offline_tile_source_get_tile_data_async);

  /* A cached tile is one indexed SQLite read (~0.1 ms): answered here at once, rather than
   * queued behind tiles that have to be drawn. */
  if (self->cache != NULL)
    {
      g_autoptr(GBytes) png = vg_tile_cache_lookup (self->cache, zoom, x, y, NULL);

      if (png != NULL)
        {
          g_free (request);
          self->n_delivered++;
          self->n_cache_hits++;
          g_signal_emit_by_name (self, "received-data", x, y, zoom, png);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DELIVERED]);
          g_task_return_pointer (outer, g_steal_pointer (&png), (GDestroyNotify) g_bytes_unref);
          return;
        }
    }

  worker = g_task_new (source, cancellable, tile_rendered_cb, g_steal_pointer (&outer));
  g_task_set_task_data (worker, request, g_free);
  g_thread_pool_push (self->pool, g_steal_pointer (&worker), NULL);
}

static GBytes *
vg_offline_tile_source_get_tile_data_finish (ShumateDataSource  *source,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
vg_offline_tile_source_class_init (VgOfflineTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = vg_offline_tile_source_finalize;
  object_class->get_property = vg_offline_tile_source_get_property;
  source_class->get_tile_data_async = vg_offline_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = vg_offline_tile_source_get_tile_data_finish;

  properties[PROP_N_DELIVERED] =
    g_param_spec_uint ("n-delivered", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Tiles of the zoom in view, nearest its centre first: what the operator looks at is drawn
 * before the margins libshumate requests around it. */
static gint
compare_requests (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  VgOfflineTileSource *self = user_data;
  const TileRequest *ra = g_task_get_task_data ((GTask *) a);
  const TileRequest *rb = g_task_get_task_data ((GTask *) b);
  g_autoptr(GMutexLocker) locker = NULL;
  double da, db;

  /* Assigned apart from its declaration: clang counts a locker only ever initialised as unused. */
  locker = g_mutex_locker_new (&self->focus_lock);
  if ((ra->zoom == self->focus_zoom) != (rb->zoom == self->focus_zoom))
    return ra->zoom == self->focus_zoom ? -1 : 1;
  da = (ra->x + 0.5 - self->focus_x) * (ra->x + 0.5 - self->focus_x) + (ra->y + 0.5 - self->focus_y) * (ra->y + 0.5 - self->focus_y);
  db = (rb->x + 0.5 - self->focus_x) * (rb->x + 0.5 - self->focus_x) + (rb->y + 0.5 - self->focus_y) * (rb->y + 0.5 - self->focus_y);
  return (da > db) - (da < db);
}

static void
vg_offline_tile_source_init (VgOfflineTileSource *self)
{
  g_mutex_init (&self->focus_lock);
  self->focus_zoom = -1;
  self->pool = g_thread_pool_new (render_in_thread, NULL, CLAMP (g_get_num_processors (), 1, 4), FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_requests, self);
}

void
vg_offline_tile_source_set_focus (VgOfflineTileSource *self,
                                  double               latitude,
                                  double               longitude,
                                  double               zoom)
{
  g_autoptr(GMutexLocker) locker = NULL;
  double n, lat;

  g_return_if_fail (VG_IS_OFFLINE_TILE_SOURCE (self));

  locker = g_mutex_locker_new (&self->focus_lock);
  self->focus_zoom = CLAMP ((int) floor (zoom), 0, VG_TILE_MAX_ZOOM);
  n = 1u << self->focus_zoom;
  lat = CLAMP (latitude, -85.0511, 85.0511) * G_PI / 180;
  self->focus_x = (longitude + 180) / 360 * n;
  self->focus_y = (1 - asinh (tan (lat)) / G_PI) / 2 * n;
}

VgOfflineTileSource *
vg_offline_tile_source_new (VgTileRenderer *renderer,
                            VgTileCache    *cache)
{
  VgOfflineTileSource *self;

  g_return_val_if_fail (VG_IS_TILE_RENDERER (renderer), NULL);
  g_return_val_if_fail (cache == NULL || VG_IS_TILE_CACHE (cache), NULL);

  self = g_object_new (VG_TYPE_OFFLINE_TILE_SOURCE, NULL);
  self->renderer = g_object_ref (renderer);
  self->cache = cache ? g_object_ref (cache) : NULL;
  return self;
}

guint
vg_offline_tile_source_get_n_delivered (VgOfflineTileSource *self)
{
  g_return_val_if_fail (VG_IS_OFFLINE_TILE_SOURCE (self), 0);

  return self->n_delivered;
}

guint
vg_offline_tile_source_get_n_cache_hits (VgOfflineTileSource *self)
{
  g_return_val_if_fail (VG_IS_OFFLINE_TILE_SOURCE (self), 0);

  return self->n_cache_hits;
}
