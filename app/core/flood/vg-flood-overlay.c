/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-overlay"

#include "config.h"

#include "vg-flood-overlay.h"
#include "vg-geos-context.h"

#define MAX_THREADS 16

typedef void (*ChunkFunc) (guint    start,
                           guint    end,
                           gpointer data,
                           gpointer thread_data);

typedef struct
{
  guint      n;
  guint      chunk;
  gint       next;
  ChunkFunc  fn;
  gpointer   data;
} Work;

typedef struct
{
  Work     *work;
  gpointer  thread_data;
} Worker;

static gpointer
worker_run (gpointer user_data)
{
  Worker *worker = user_data;
  Work *work = worker->work;
  gint start;

  while ((start = g_atomic_int_add (&work->next, (gint) work->chunk)) < (gint) work->n)
    work->fn (start, MIN (start + work->chunk, work->n), work->data, worker->thread_data);
  return NULL;
}

/* Runs @fn over [0, @n) in chunks on @n_threads threads, the caller's included; each thread
 * gets its own @thread_data[i] (may be NULL). */
static void
parallel_for (guint     n,
              guint     n_threads,
              guint     chunk,
              ChunkFunc fn,
              gpointer  data,
              gpointer *thread_data)
{
  Work work = { n, MAX (chunk, 1), 0, fn, data };
  Worker workers[MAX_THREADS];
  GThread *threads[MAX_THREADS];

  n_threads = CLAMP (n_threads, 1, MAX_THREADS);
  if (n < 2 * work.chunk)
    n_threads = 1;
  for (guint t = 0; t < n_threads; t++)
    {
      workers[t].work = &work;
      workers[t].thread_data = thread_data ? thread_data[t] : NULL;
    }
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("vg-flood-overlay", worker_run, &workers[t]);
  worker_run (&workers[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
}

static double
full_measure (VgShapeSet *shapes,
              guint       index)
{
  switch (vg_shape_set_get_kind (shapes, index))
    {
    case VG_SHAPE_POLYGON:
      return vg_shape_polygon_area (shapes, index);
    case VG_SHAPE_LINE:
      return vg_shape_line_length (shapes, index);
    case VG_SHAPE_POINT:
      return vg_shape_set_get_n_parts (shapes, index);
    case VG_SHAPE_NONE:
    default:
      return 0;
    }
}

typedef struct
{
  VgPolygonGrid *grid;
  VgShapeSet    *shapes;
  const guint   *candidates;
  const double  *boxes;
  const double  *full;
  guint8        *classes;
  double        *measures;
} Pass;

static void
classify_chunk (guint    start,
                guint    end,
                gpointer data,
                gpointer thread_data)
{
  Pass *pass = data;

  for (guint k = start; k < end; k++)
    {
      guint i = pass->candidates[k];
      VgGridClass c;

      /* Empty shapes have inverted boxes, never in an R-tree: only the shapes' boxes need a check. */
      if (pass->boxes != NULL)
        c = vg_polygon_grid_classify_box (pass->grid, pass->boxes + 4 * (gsize) k);
      else
        c = vg_shape_set_get_kind (pass->shapes, i) == VG_SHAPE_NONE ? VG_GRID_OUTSIDE :
            vg_polygon_grid_classify_box (pass->grid, vg_shape_set_get_bbox (pass->shapes, i));
      pass->classes[k] = c;
      pass->measures[k] = c != VG_GRID_INSIDE ? 0 : pass->full != NULL ? pass->full[i] : full_measure (pass->shapes, i);
    }
}

void
vg_flood_overlay_classify (VgPolygonGrid *grid,
                           VgShapeSet    *shapes,
                           const guint   *candidates,
                           const double  *boxes,
                           const double  *full,
                           guint          n,
                           guint          n_threads,
                           guint8        *classes,
                           double        *measures)
{
  Pass pass = { grid, shapes, candidates, boxes, full, classes, measures };

  g_return_if_fail (grid != NULL && shapes != NULL);
  g_return_if_fail (n == 0 || (candidates != NULL && classes != NULL && measures != NULL));

  parallel_for (n, n_threads, 4096, classify_chunk, &pass, NULL);
}

typedef struct
{
  Pass         pass;
  const guint *boundary;   /* positions in the candidate list */
} MeasurePass;

static void
measure_chunk (guint    start,
               guint    end,
               gpointer data,
               gpointer thread_data)
{
  MeasurePass *mp = data;

  for (guint b = start; b < end; b++)
    {
      guint k = mp->boundary[b];
      gboolean hit;

      mp->pass.measures[k] = vg_polygon_grid_measure (mp->pass.grid, mp->pass.shapes, mp->pass.candidates[k], &hit);
      mp->pass.classes[k] = hit ? VG_GRID_INSIDE : VG_GRID_OUTSIDE;
    }
}

guint
vg_flood_overlay_measure (VgPolygonGrid *grid,
                          VgShapeSet    *shapes,
                          const guint   *candidates,
                          guint          n,
                          guint          n_threads,
                          guint8        *classes,
                          double        *measures)
{
  g_autoptr(GArray) boundary = g_array_new (FALSE, FALSE, sizeof (guint));
  MeasurePass mp = { { grid, shapes, candidates, NULL, NULL, classes, measures }, NULL };

  g_return_val_if_fail (grid != NULL && shapes != NULL, 0);

  for (guint k = 0; k < n; k++)
    if (classes[k] == VG_GRID_BOUNDARY)
      g_array_append_val (boundary, k);
  mp.boundary = (const guint *) (gpointer) boundary->data;
  parallel_for (boundary->len, n_threads, 64, measure_chunk, &mp, NULL);
  return boundary->len;
}

/* GEOS reference: the envelope cut into pieces of at most @max vertices, as ST_Subdivide does
 * (halving the box along its longer side), in one thread's GEOS context. */
static void
subdivide (GEOSContextHandle_t  h,
           GEOSGeometry        *g,
           guint                max,
           guint                depth,
           GPtrArray           *pieces)
{
  double x0, y0, x1, y1;
  GEOSGeometry *halves[2];

  if (GEOSisEmpty_r (h, g) == 1)
    {
      GEOSGeom_destroy_r (h, g);
      return;
    }
  if ((guint) GEOSGetNumCoordinates_r (h, g) <= max || depth > 50)
    {
      g_ptr_array_add (pieces, g);
      return;
    }
  GEOSGeom_getXMin_r (h, g, &x0);
  GEOSGeom_getYMin_r (h, g, &y0);
  GEOSGeom_getXMax_r (h, g, &x1);
  GEOSGeom_getYMax_r (h, g, &y1);
  if (x1 - x0 >= y1 - y0)
    {
      double xm = (x0 + x1) / 2;
      GEOSGeometry *a = GEOSGeom_createRectangle_r (h, x0 - 1, y0 - 1, xm, y1 + 1);
      GEOSGeometry *b = GEOSGeom_createRectangle_r (h, xm, y0 - 1, x1 + 1, y1 + 1);

      halves[0] = GEOSIntersection_r (h, g, a);
      halves[1] = GEOSIntersection_r (h, g, b);
      GEOSGeom_destroy_r (h, a);
      GEOSGeom_destroy_r (h, b);
    }
  else
    {
      double ym = (y0 + y1) / 2;
      GEOSGeometry *a = GEOSGeom_createRectangle_r (h, x0 - 1, y0 - 1, x1 + 1, ym);
      GEOSGeometry *b = GEOSGeom_createRectangle_r (h, x0 - 1, ym, x1 + 1, y1 + 1);

      halves[0] = GEOSIntersection_r (h, g, a);
      halves[1] = GEOSIntersection_r (h, g, b);
      GEOSGeom_destroy_r (h, a);
      GEOSGeom_destroy_r (h, b);
    }
  GEOSGeom_destroy_r (h, g);
  for (int i = 0; i < 2; i++)
    if (halves[i] != NULL)
      {
        /* Pieces of a collection are subdivided one by one. */
        int n = GEOSGetNumGeometries_r (h, halves[i]);

        if (n > 1)
          {
            for (int k = 0; k < n; k++)
              subdivide (h, GEOSGeom_clone_r (h, GEOSGetGeometryN_r (h, halves[i], k)), max, depth + 1, pieces);
            GEOSGeom_destroy_r (h, halves[i]);
          }
        else
          subdivide (h, halves[i], max, depth + 1, pieces);
      }
}

typedef struct
{
  VgGeosContext                 *geos;
  GPtrArray                     *pieces;     /* GEOSGeometry */
  GPtrArray                     *prepared;   /* const GEOSPreparedGeometry */
  GEOSSTRtree                   *tree;
  guint                          n_overlays;
  gboolean                       failed;
} GeosThread;

typedef struct
{
  VgShapeSet  *shapes;
  const guint *candidates;
  guint8      *classes;
  double      *measures;
} GeosPass;

typedef struct
{
  GPtrArray *hits;
} QueryData;

static void
query_cb (void *item,
          void *user_data)
{
  g_ptr_array_add (((QueryData *) user_data)->hits, item);
}

static void
geos_chunk (guint    start,
            guint    end,
            gpointer data,
            gpointer thread_data)
{
  GeosPass *pass = data;
  GeosThread *t = thread_data;
  GEOSContextHandle_t h = vg_geos_context_get_handle (t->geos);
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();
  QueryData qd = { hits };

  for (guint k = start; k < end; k++)
    {
      guint i = pass->candidates[k];
      GEOSGeometry *g;
      gboolean hit = FALSE, inside = FALSE;
      double measure = 0;
      VgShapeKind kind = vg_shape_set_get_kind (pass->shapes, i);

      pass->classes[k] = VG_GRID_OUTSIDE;
      pass->measures[k] = 0;
      if (kind == VG_SHAPE_NONE)
        continue;
      g = vg_geos_context_shape_to_geos (t->geos, pass->shapes, i, NULL);
      if (g == NULL)
        {
          t->failed = TRUE;
          continue;
        }
      g_ptr_array_set_size (hits, 0);
      GEOSSTRtree_query_r (h, t->tree, g, query_cb, &qd);
      for (guint p = 0; p < hits->len && !inside; p++)
        {
          guint piece = GPOINTER_TO_UINT (g_ptr_array_index (hits, p)) - 1;
          const GEOSPreparedGeometry *prep = g_ptr_array_index (t->prepared, piece);

          if (GEOSPreparedContainsProperly_r (h, prep, g) == 1)
            {
              inside = hit = TRUE;
              measure = full_measure (pass->shapes, i);
            }
          else if (GEOSPreparedIntersects_r (h, prep, g) == 1)
            {
              GEOSGeometry *inter = GEOSIntersection_r (h, g_ptr_array_index (t->pieces, piece), g);
              double v = 0;

              hit = TRUE;
              t->n_overlays++;
              if (inter == NULL)
                {
                  t->failed = TRUE;
                  continue;
                }
              if (kind == VG_SHAPE_POLYGON)
                GEOSArea_r (h, inter, &v);
              else if (kind == VG_SHAPE_LINE)
                GEOSLength_r (h, inter, &v);
              else
                v = GEOSGetNumGeometries_r (h, inter);
              measure += v;
              GEOSGeom_destroy_r (h, inter);
            }
        }
      GEOSGeom_destroy_r (h, g);
      pass->classes[k] = hit ? VG_GRID_INSIDE : VG_GRID_OUTSIDE;
      pass->measures[k] = measure;
    }
}

gboolean
vg_flood_overlay_geos (VgShapeSet  *envelope,
                       guint        envelope_index,
                       guint        max_vertices,
                       VgShapeSet  *shapes,
                       const guint *candidates,
                       guint        n,
                       guint        n_threads,
                       guint8      *classes,
                       double      *measures,
                       guint       *n_overlays)
{
  GeosThread threads[MAX_THREADS];
  gpointer thread_data[MAX_THREADS];
  GeosPass pass = { shapes, candidates, classes, measures };
  gboolean ok = TRUE;

  g_return_val_if_fail (envelope != NULL && shapes != NULL, FALSE);

  n_threads = CLAMP (n_threads, 1, MAX_THREADS);
  for (guint t = 0; t < n_threads; t++)
    {
      GeosThread *gt = &threads[t];
      GEOSContextHandle_t h;
      GEOSGeometry *g;

      gt->geos = vg_geos_context_new ();
      h = vg_geos_context_get_handle (gt->geos);
      gt->pieces = g_ptr_array_new ();
      gt->prepared = g_ptr_array_new ();
      gt->tree = GEOSSTRtree_create_r (h, 10);
      gt->n_overlays = 0;
      gt->failed = FALSE;
      thread_data[t] = gt;
      g = vg_geos_context_shape_to_geos (gt->geos, envelope, envelope_index, NULL);
      if (g == NULL)
        {
          gt->failed = TRUE;
          continue;
        }
      subdivide (h, g, MAX (max_vertices, 8), 0, gt->pieces);
      for (guint p = 0; p < gt->pieces->len; p++)
        {
          GEOSGeometry *piece = g_ptr_array_index (gt->pieces, p);

          g_ptr_array_add (gt->prepared, (gpointer) GEOSPrepare_r (h, piece));
          GEOSSTRtree_insert_r (h, gt->tree, piece, GUINT_TO_POINTER (p + 1));
        }
    }

  parallel_for (n, n_threads, 256, geos_chunk, &pass, thread_data);

  if (n_overlays != NULL)
    *n_overlays = 0;
  for (guint t = 0; t < n_threads; t++)
    {
      GeosThread *gt = &threads[t];
      GEOSContextHandle_t h = vg_geos_context_get_handle (gt->geos);

      ok &= !gt->failed;
      if (n_overlays != NULL)
        *n_overlays += gt->n_overlays;
      GEOSSTRtree_destroy_r (h, gt->tree);
      for (guint p = 0; p < gt->pieces->len; p++)
        {
          GEOSPreparedGeom_destroy_r (h, g_ptr_array_index (gt->prepared, p));
          GEOSGeom_destroy_r (h, g_ptr_array_index (gt->pieces, p));
        }
      g_ptr_array_unref (gt->pieces);
      g_ptr_array_unref (gt->prepared);
      g_object_unref (gt->geos);
    }
  return ok;
}
