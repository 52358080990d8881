/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-hand"

#include "config.h"

#include <math.h>

#include "vg-flood-hand.h"

/* Rise imposed across filled flats so each cell has a lower neighbour: far below any DEM's
 * precision, far above double rounding at terrain elevations. */
#define EPSILON 1e-5

struct _VgFloodHand
{
  GObject   parent_instance;

  float    *hand;
  guint32  *drains;
  float    *filled;
  guint     n_filled;
};

G_DEFINE_FINAL_TYPE (VgFloodHand, vg_flood_hand, G_TYPE_OBJECT)

typedef struct
{
  double  z;
  guint32 cell;
  guint32 seq;     /* push order: ties pop first-in first-out, so results never depend on the heap */
} Item;

typedef struct
{
  Item  *items;
  gsize  len, cap;
  guint32 seq;
} Heap;

static inline gboolean
before (const Item *a,
        const Item *b)
{
  return a->z < b->z || (a->z == b->z && a->seq < b->seq);
}

static void
heap_push (Heap    *heap,
           double   z,
           guint32  cell)
{
  gsize i;

  if (heap->len == heap->cap)
    {
      heap->cap = MAX (heap->cap * 2, 1024);
      heap->items = g_renew (Item, heap->items, heap->cap);
    }
  i = heap->len++;
  heap->items[i].z = z;
  heap->items[i].cell = cell;
  heap->items[i].seq = heap->seq++;
  while (i > 0 && before (&heap->items[i], &heap->items[(i - 1) / 2]))
    {
      Item tmp = heap->items[i];

      heap->items[i] = heap->items[(i - 1) / 2];
      heap->items[(i - 1) / 2] = tmp;
      i = (i - 1) / 2;
    }
}

static Item
heap_pop (Heap *heap)
{
  Item top = heap->items[0];
  gsize i = 0;

  heap->items[0] = heap->items[--heap->len];
  for (;;)
    {
      gsize l = 2 * i + 1, r = l + 1, m = i;

      if (l < heap->len && before (&heap->items[l], &heap->items[m]))
        m = l;
      if (r < heap->len && before (&heap->items[r], &heap->items[m]))
        m = r;
      if (m == i)
        break;
      {
        Item tmp = heap->items[i];

        heap->items[i] = heap->items[m];
        heap->items[m] = tmp;
      }
      i = m;
    }
  return top;
}

static void
vg_flood_hand_finalize (GObject *object)
{
  VgFloodHand *self = VG_FLOOD_HAND (object);

  g_clear_pointer (&self->hand, g_free);
  g_clear_pointer (&self->drains, g_free);
  g_clear_pointer (&self->filled, g_free);

  G_OBJECT_CLASS (vg_flood_hand_parent_class)->finalize (object);
}

static void
vg_flood_hand_class_init (VgFloodHandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_flood_hand_finalize;
}

static void
vg_flood_hand_init (VgFloodHand *self)
{
}

VgFloodHand *
vg_flood_hand_new (VgDem        *dem,
                   const guint8 *drainage)
{
  VgFloodHand *self;
  const float *z;
  int w, h;
  gsize n;
  double dx, dy, dist[8];
  static const int di[8] = { 1, 1, 0, -1, -1, -1, 0, 1 };
  static const int dj[8] = { 0, -1, -1, -1, 0, 1, 1, 1 };
  g_autofree double *ze = NULL;
  g_autofree guint8 *closed = NULL;
  g_autofree guint32 *order = NULL;
  Heap heap = { NULL, 0, 0, 0 };
  gsize n_order = 0;

  g_return_val_if_fail (VG_IS_DEM (dem), NULL);
  g_return_val_if_fail (drainage != NULL, NULL);

  self = g_object_new (VG_TYPE_FLOOD_HAND, NULL);
  z = vg_dem_get_elevations (dem);
  w = vg_dem_get_width (dem);
  h = vg_dem_get_height (dem);
  n = (gsize) w * h;
  vg_dem_get_cell_metres (dem, &dx, &dy);
  for (int k = 0; k < 8; k++)
    dist[k] = hypot (di[k] * dx, dj[k] * dy);

  ze = g_new (double, n);
  closed = g_new0 (guint8, n);
  order = g_new (guint32, n);
  self->filled = g_new (float, n);
  self->hand = g_new (float, n);
  self->drains = g_new (guint32, n);

  /* Seeds: the grid's edge and the cells next to no-data, where water leaves the DEM. */
  for (int r = 0; r < h; r++)
    for (int i = 0; i < w; i++)
      {
        gsize c = (gsize) r * w + i;
        gboolean seed = r == 0 || i == 0 || r == h - 1 || i == w - 1;

        self->filled[c] = z[c];
        if (isnan (z[c]))
          {
            closed[c] = 1;
            continue;
          }
        for (int k = 0; k < 8 && !seed; k++)
          seed = isnan (z[(gsize) (r + dj[k]) * w + (i + di[k])]);
        if (seed)
          {
            closed[c] = 1;
            ze[c] = z[c];
            heap_push (&heap, ze[c], c);
          }
      }

  /* Priority-Flood+ε: cells leave the queue by increasing conditioned elevation, each raised to
   * just above the cell it was reached from if lower; @filled keeps the plain fill. */
  while (heap.len > 0)
    {
      Item top = heap_pop (&heap);
      int r = top.cell / w, i = top.cell % w;

      order[n_order++] = top.cell;
      for (int k = 0; k < 8; k++)
        {
          int nr = r + dj[k], ni = i + di[k];
          gsize nc;

          if (nr < 0 || nr >= h || ni < 0 || ni >= w)
            continue;
          nc = (gsize) nr * w + ni;
          if (closed[nc])
            continue;
          closed[nc] = 1;
          if (z[nc] <= ze[top.cell])
            {
              ze[nc] = ze[top.cell] + EPSILON;
              self->filled[nc] = MAX (z[nc], self->filled[top.cell]);
              self->n_filled += z[nc] < self->filled[top.cell];
            }
          else
            ze[nc] = z[nc];
          heap_push (&heap, ze[nc], nc);
        }
    }
  g_free (heap.items);

  /* D8 on the conditioned surface, walked downstream first (the flood's order sorts cells by
   * conditioned elevation), so each cell's drain is known from its receiver's. */
  for (gsize c = 0; c < n; c++)
    {
      self->drains[c] = G_MAXUINT32;
      self->hand[c] = NAN;
    }
  for (gsize o = 0; o < n_order; o++)
    {
      guint32 c = order[o];
      int r = c / w, i = c % w, best = -1;
      double best_slope = 0;

      if (drainage[c])
        {
          self->drains[c] = c;
          self->hand[c] = 0;
          continue;
        }
      for (int k = 0; k < 8; k++)
        {
          int nr = r + dj[k], ni = i + di[k];
          gsize nc;
          double slope;

          if (nr < 0 || nr >= h || ni < 0 || ni >= w)
            continue;
          nc = (gsize) nr * w + ni;
          if (isnan (z[nc]) || !(ze[nc] < ze[c]))
            continue;
          slope = (ze[c] - ze[nc]) / dist[k];
          if (slope > best_slope)
            {
              best_slope = slope;
              best = nc;
            }
        }
      if (best >= 0 && self->drains[best] != G_MAXUINT32)
        {
          self->drains[c] = self->drains[best];
          self->hand[c] = MAX (self->filled[c] - self->filled[self->drains[c]], 0.0f);
        }
    }
  return self;
}

const float *
vg_flood_hand_get_values (VgFloodHand *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_HAND (self), NULL);

  return self->hand;
}

const guint32 *
vg_flood_hand_get_drains (VgFloodHand *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_HAND (self), NULL);

  return self->drains;
}

guint
vg_flood_hand_get_n_filled (VgFloodHand *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_HAND (self), 0);

  return self->n_filled;
}

const float *
vg_flood_hand_get_filled (VgFloodHand *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_HAND (self), NULL);

  return self->filled;
}
