/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-rtree"

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "vg-rtree.h"

#define NODE_SIZE 16
#define MAX_LEVELS 16

struct _VgRtree
{
  gatomicrefcount ref_count;

  guint    n_items;
  guint    n_entries;                /* items + nodes of every level */
  guint    n_levels;
  guint    level_end[MAX_LEVELS];    /* entry index one past each level (level 0 = items) */
  double   origin[2];                /* boxes are stored relative to it, for float precision */
  float   *boxes;                    /* 4 per entry */
  guint32 *indices;                  /* level 0: item index; above: first child entry */
};

G_DEFINE_BOXED_TYPE (VgRtree, vg_rtree, vg_rtree_ref, vg_rtree_unref)

/* Hilbert index of (x, y) on a 2^16 grid, from Warren's "Hacker's Delight" as Flatbush uses it. */
static guint32
hilbert (guint32 x,
         guint32 y)
{
  guint32 a = x ^ y;
  guint32 b = 0xFFFF ^ a;
  guint32 c = 0xFFFF ^ (x | y);
  guint32 d = x & (y ^ 0xFFFF);
  guint32 A = a | (b >> 1);
  guint32 B = (a >> 1) ^ a;
  guint32 C = ((c >> 1) ^ (b & (d >> 1))) ^ c;
  guint32 D = ((a & (c >> 1)) ^ (d >> 1)) ^ d;
  guint32 i0, i1;

  a = A; b = B; c = C; d = D;
  A = ((a & (a >> 2)) ^ (b & (b >> 2)));
  B = ((a & (b >> 2)) ^ (b & ((a ^ b) >> 2)));
  C ^= ((a & (c >> 2)) ^ (b & (d >> 2)));
  D ^= ((b & (c >> 2)) ^ ((a ^ b) & (d >> 2)));

  a = A; b = B; c = C; d = D;
  A = ((a & (a >> 4)) ^ (b & (b >> 4)));
  B = ((a & (b >> 4)) ^ (b & ((a ^ b) >> 4)));
  C ^= ((a & (c >> 4)) ^ (b & (d >> 4)));
  D ^= ((b & (c >> 4)) ^ ((a ^ b) & (d >> 4)));

  a = A; b = B; c = C; d = D;
  C ^= ((a & (c >> 8)) ^ (b & (d >> 8)));
  D ^= ((b & (c >> 8)) ^ ((a ^ b) & (d >> 8)));

  a = C ^ (C >> 1);
  b = D ^ (D >> 1);

  i0 = x ^ y;
  i1 = b | (0xFFFF ^ (i0 | a));

  i0 = (i0 | (i0 << 8)) & 0x00FF00FF;
  i0 = (i0 | (i0 << 4)) & 0x0F0F0F0F;
  i0 = (i0 | (i0 << 2)) & 0x33333333;
  i0 = (i0 | (i0 << 1)) & 0x55555555;

  i1 = (i1 | (i1 << 8)) & 0x00FF00FF;
  i1 = (i1 | (i1 << 4)) & 0x0F0F0F0F;
  i1 = (i1 | (i1 << 2)) & 0x33333333;
  i1 = (i1 | (i1 << 1)) & 0x55555555;

  return (i1 << 1) | i0;
}

/* Sorts @keys (Hilbert value in the high 32 bits, item in the low) by their high half: four
 * stable byte passes, linear in the item count. */
static void
radix_sort (guint64 *keys,
            guint    n)
{
  g_autofree guint64 *tmp = g_new (guint64, n);
  guint64 *from = keys, *to = tmp;

  for (guint shift = 32; shift < 64; shift += 8)
    {
      guint count[257] = { 0 };

      for (guint i = 0; i < n; i++)
        count[((from[i] >> shift) & 0xFF) + 1]++;
      for (guint i = 1; i < 257; i++)
        count[i] += count[i - 1];
      for (guint i = 0; i < n; i++)
        to[count[(from[i] >> shift) & 0xFF]++] = from[i];
      {
        guint64 *swap = from;
        from = to;
        to = swap;
      }
    }
  /* Four passes: the sorted keys are back in @keys. */
  g_assert (from == keys);
}

static inline void
set_box_outward (VgRtree      *self,
                 float        *box,
                 const double *bbox)
{
  box[0] = nextafterf ((float) (bbox[0] - self->origin[0]), -INFINITY);
  box[1] = nextafterf ((float) (bbox[1] - self->origin[1]), -INFINITY);
  box[2] = nextafterf ((float) (bbox[2] - self->origin[0]), INFINITY);
  box[3] = nextafterf ((float) (bbox[3] - self->origin[1]), INFINITY);
}

VgRtree *
vg_rtree_new (const double *boxes,
              guint         n_items)
{
  VgRtree *self = g_new0 (VgRtree, 1);
  g_autofree guint64 *keys = NULL;
  double extent[4] = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  guint n = 0, level_start, level_len;

  g_return_val_if_fail (boxes != NULL || n_items == 0, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  for (guint i = 0; i < n_items; i++)
    {
      const double *b = boxes + 4 * (gsize) i;

      if (!(b[0] <= b[2] && b[1] <= b[3]))
        continue;
      n++;
      extent[0] = MIN (extent[0], b[0]);
      extent[1] = MIN (extent[1], b[1]);
      extent[2] = MAX (extent[2], b[2]);
      extent[3] = MAX (extent[3], b[3]);
    }
  self->n_items = n;
  if (n > 0)
    {
      self->origin[0] = extent[0];
      self->origin[1] = extent[1];
    }

  /* Entries of every level: n, ceil(n/16), ... down to a single root. */
  self->n_entries = n;
  self->level_end[0] = n;
  self->n_levels = 1;
  for (guint len = n; len > 1; )
    {
      len = (len + NODE_SIZE - 1) / NODE_SIZE;
      self->n_entries += len;
      g_assert (self->n_levels < MAX_LEVELS);
      self->level_end[self->n_levels++] = self->n_entries;
    }
  self->boxes = g_new (float, 4 * (gsize) MAX (self->n_entries, 1));
  self->indices = g_new (guint32, MAX (self->n_entries, 1));
  if (n == 0)
    return self;

  keys = g_new (guint64, n);
  {
    double w = extent[2] - extent[0], h = extent[3] - extent[1];
    guint k = 0;

    for (guint i = 0; i < n_items; i++)
      {
        const double *b = boxes + 4 * (gsize) i;
        guint32 hx, hy;

        if (!(b[0] <= b[2] && b[1] <= b[3]))
          continue;
        hx = w > 0 ? (guint32) (65535.0 * ((b[0] + b[2]) / 2 - extent[0]) / w) : 0;
        hy = h > 0 ? (guint32) (65535.0 * ((b[1] + b[3]) / 2 - extent[1]) / h) : 0;
        keys[k++] = ((guint64) hilbert (hx, hy) << 32) | i;
      }
  }
  radix_sort (keys, n);
  for (guint i = 0; i < n; i++)
    {
      guint32 item = (guint32) keys[i];

      self->indices[i] = item;
      set_box_outward (self, self->boxes + 4 * (gsize) i, boxes + 4 * (gsize) item);
    }

  /* Each node's box encloses its (up to) 16 children of the level below. */
  level_start = 0;
  level_len = n;
  for (guint level = 1; level < self->n_levels; level++)
    {
      guint pos = self->level_end[level - 1];

      for (guint first = level_start; first < level_start + level_len; first += NODE_SIZE, pos++)
        {
          guint last = MIN (first + NODE_SIZE, level_start + level_len);
          float *box = self->boxes + 4 * (gsize) pos;

          box[0] = box[1] = INFINITY;
          box[2] = box[3] = -INFINITY;
          for (guint c = first; c < last; c++)
            {
              const float *child = self->boxes + 4 * (gsize) c;

              box[0] = MIN (box[0], child[0]);
              box[1] = MIN (box[1], child[1]);
              box[2] = MAX (box[2], child[2]);
              box[3] = MAX (box[3], child[3]);
            }
          self->indices[pos] = first;
        }
      level_start = self->level_end[level - 1];
      level_len = self->level_end[level] - level_start;
    }
  return self;
}

VgRtree *
vg_rtree_new_for_shapes (VgShapeSet *shapes)
{
  guint n;
  g_autofree double *boxes = NULL;

  g_return_val_if_fail (shapes != NULL, NULL);

  n = vg_shape_set_get_n_shapes (shapes);
  boxes = g_new (double, 4 * (gsize) MAX (n, 1));
  for (guint i = 0; i < n; i++)
    memcpy (boxes + 4 * (gsize) i, vg_shape_set_get_bbox (shapes, i), 4 * sizeof (double));
  return vg_rtree_new (boxes, n);
}

VgRtree *
vg_rtree_ref (VgRtree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vg_rtree_unref (VgRtree *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->boxes);
  g_free (self->indices);
  g_free (self);
}

guint
vg_rtree_get_n_items (VgRtree *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_items;
}

/* Level of entry @pos. */
static inline guint
level_of (VgRtree *self,
          guint    pos)
{
  guint level = 0;

  while (pos >= self->level_end[level])
    level++;
  return level;
}

static void
search (VgRtree      *self,
        const double  bbox[4],
        GArray       *out,
        GArray       *boxes)
{
  guint stack[MAX_LEVELS * NODE_SIZE];
  guint depth = 0;
  float q[4];

  if (self->n_items == 0)
    return;
  /* Rounding the query outward keeps the search conservative: float boxes never lose a hit. */
  set_box_outward (self, q, bbox);
  stack[depth++] = self->n_entries - 1;
  while (depth > 0)
    {
      guint pos = stack[--depth];
      const float *box = self->boxes + 4 * (gsize) pos;
      guint level;

      if (box[0] > q[2] || box[2] < q[0] || box[1] > q[3] || box[3] < q[1])
        continue;
      level = level_of (self, pos);
      if (level == 0)
        {
          guint item = self->indices[pos];

          g_array_append_val (out, item);
          if (boxes != NULL)
            {
              /* Back to absolute coordinates: the sum is off by half an ulp at most, so two ulps
               * outward keep the box never smaller than the item's (and cost no libm call). */
              double b[4] = { box[0] + self->origin[0], box[1] + self->origin[1],
                              box[2] + self->origin[0], box[3] + self->origin[1] };

              b[0] -= fabs (b[0]) * (2 * DBL_EPSILON);
              b[1] -= fabs (b[1]) * (2 * DBL_EPSILON);
              b[2] += fabs (b[2]) * (2 * DBL_EPSILON);
              b[3] += fabs (b[3]) * (2 * DBL_EPSILON);
              g_array_append_vals (boxes, b, 4);
            }
          continue;
        }
      {
        guint first = self->indices[pos];
        guint last = MIN (first + NODE_SIZE, self->level_end[level - 1]);

        for (guint c = first; c < last; c++)
          stack[depth++] = c;
      }
    }
}

void
vg_rtree_search (VgRtree      *self,
                 const double  bbox[4],
                 GArray       *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  search (self, bbox, out, NULL);
}

void
vg_rtree_search_boxes (VgRtree      *self,
                       const double  bbox[4],
                       GArray       *out,
                       GArray       *boxes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL && boxes != NULL);

  search (self, bbox, out, boxes);
}

gsize
vg_rtree_get_memory_size (VgRtree *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return sizeof *self + (gsize) self->n_entries * (4 * sizeof (float) + sizeof (guint32));
}
