/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-mask-polygonizer"

#include "config.h"

#include <string.h>

#include "vg-mask-polygonizer.h"

/* Directions of unit edges, counter-clockwise: a left turn is (d + 1) % 4. */
enum { DIR_E, DIR_N, DIR_W, DIR_S };

static const int step_x[4] = { 1, 0, -1, 0 };
static const int step_y[4] = { 0, 1, 0, -1 };

/* Vertices are (x, y) with x in 0..width and y in 0..height counted from the SOUTH edge, so that
 * counter-clockwise means what it does on the map; cell (i, j) spans [i, i+1] × [j, j+1]. */
typedef struct
{
  const guint8 *mask;
  int           w, h;
  guint8        lo, hi;
  guint8       *hvis;    /* edge (x, y)–(x+1, y) visited: index y * w + x */
  guint8       *vvis;    /* edge (x, y)–(x, y+1) visited: index y * (w + 1) + x */
  int          *label;   /* 4-connected component of each selected cell, by mask index */
} Tracer;

typedef struct
{
  GArray  *xy;           /* gint32 pairs: the corners, not closed */
  double   area2;        /* twice the signed area */
  int      component;
  int      left_i, left_j;
} Ring;

static inline gboolean
cell_in (const Tracer *t,
         int           i,
         int           j)
{
  guint8 v;

  if (i < 0 || j < 0 || i >= t->w || j >= t->h)
    return FALSE;
  v = t->mask[(gsize) (t->h - 1 - j) * t->w + i];
  return v >= t->lo && v <= t->hi;
}

/* The direction to leave vertex (x, y) by, arriving in direction @d: the only boundary edge out
 * of it, or at a saddle (two diagonal cells selected) the left turn, which keeps to the cell
 * just followed so that diagonal neighbours stay apart. */
static int
next_direction (const Tracer *t,
                int           x,
                int           y,
                int           d,
                gboolean     *saddle)
{
  gboolean ne = cell_in (t, x, y), nw = cell_in (t, x - 1, y);
  gboolean sw = cell_in (t, x - 1, y - 1), se = cell_in (t, x, y - 1);
  gboolean out[4] = { ne && !se, nw && !ne, sw && !nw, se && !sw };

  *saddle = out[DIR_E] + out[DIR_N] + out[DIR_W] + out[DIR_S] == 2;
  if (*saddle)
    return (d + 1) % 4;
  for (int k = 0; k < 4; k++)
    if (out[k])
      return k;
  g_assert_not_reached ();
  return d;
}

static void
mark (Tracer *t,
      int     x,
      int     y,
      int     d)
{
  switch (d)
    {
    case DIR_E: t->hvis[(gsize) y * t->w + x] = 1; break;
    case DIR_W: t->hvis[(gsize) y * t->w + x - 1] = 1; break;
    case DIR_N: t->vvis[(gsize) y * (t->w + 1) + x] = 1; break;
    case DIR_S: t->vvis[(gsize) (y - 1) * (t->w + 1) + x] = 1; break;
    default: g_assert_not_reached ();
    }
}

static void
finish_ring (const Tracer *t,
             GArray       *xy,
             GArray       *rings)
{
  Ring ring;
  const gint32 *p = (const gint32 *) (gpointer) xy->data;
  guint n = xy->len / 2;
  int dx, dy;

  ring.xy = xy;
  ring.area2 = 0;
  for (guint i = 0; i < n; i++)
    {
      guint k = (i + 1) % n;

      ring.area2 += (double) p[2 * i] * p[2 * k + 1] - (double) p[2 * k] * p[2 * i + 1];
    }
  /* The selected cell on the left of the first edge names the ring's component. */
  dx = (p[2] > p[0]) - (p[2] < p[0]);
  dy = (p[3] > p[1]) - (p[3] < p[1]);
  ring.left_i = dx < 0 || (dx == 0 && dy > 0) ? p[0] - 1 : p[0];
  ring.left_j = dx < 0 || (dx == 0 && dy < 0) ? p[1] - 1 : p[1];
  g_assert (cell_in (t, ring.left_i, ring.left_j));
  ring.component = t->label[(gsize) (t->h - 1 - ring.left_j) * t->w + ring.left_i];
  g_array_append_val (rings, ring);
}

/* Follows the boundary from vertex (x0, y0) leaving in direction @d0 until that edge comes
 * round again, splitting off a loop each time a saddle vertex repeats. */
static void
trace (Tracer     *t,
       int         x0,
       int         y0,
       int         d0,
       GHashTable *saddles,
       GArray     *rings)
{
  GArray *xy = g_array_new (FALSE, FALSE, sizeof (gint32));
  int x = x0, y = y0, d = d0;

  g_hash_table_remove_all (saddles);
  do
    {
      gboolean saddle;
      int nd;

      mark (t, x, y, d);
      x += step_x[d];
      y += step_y[d];
      nd = next_direction (t, x, y, d, &saddle);
      if (nd != d)
        {
          gint32 v[2] = { x, y };
          gpointer key = GSIZE_TO_POINTER ((gsize) y * (t->w + 1) + x + 1);
          gpointer found;

          if (saddle && g_hash_table_lookup_extended (saddles, key, NULL, &found))
            {
              guint k = GPOINTER_TO_UINT (found);
              const gint32 *p = (const gint32 *) (gpointer) xy->data;

              if (k < xy->len / 2 && p[2 * k] == x && p[2 * k + 1] == y)
                {
                  GArray *loop = g_array_new (FALSE, FALSE, sizeof (gint32));

                  g_array_append_vals (loop, p + 2 * k, xy->len - 2 * k);
                  g_array_set_size (xy, 2 * k);
                  finish_ring (t, loop, rings);
                }
            }
          if (saddle)
            g_hash_table_insert (saddles, key, GUINT_TO_POINTER (xy->len / 2));
          g_array_append_vals (xy, v, 2);
        }
      d = nd;
    }
  while (!(x == x0 && y == y0 && d == d0));
  finish_ring (t, xy, rings);
}

/* 4-connected components of the selected cells, by breadth-first search. */
static void
label_components (Tracer *t)
{
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize n = (gsize) t->w * t->h;
  int next = 0;

  for (gsize c = 0; c < n; c++)
    t->label[c] = -1;
  for (gsize c = 0; c < n; c++)
    {
      if (t->label[c] >= 0 || t->mask[c] < t->lo || t->mask[c] > t->hi)
        continue;
      g_array_set_size (queue, 0);
      t->label[c] = next;
      g_array_append_val (queue, c);
      for (guint q = 0; q < queue->len; q++)
        {
          guint cell = g_array_index (queue, guint, q);
          int r = cell / t->w, i = cell % t->w;
          int nr[4] = { r - 1, r + 1, r, r }, ni[4] = { i, i, i - 1, i + 1 };

          for (int k = 0; k < 4; k++)
            {
              guint nc;

              if (nr[k] < 0 || nr[k] >= t->h || ni[k] < 0 || ni[k] >= t->w)
                continue;
              nc = (guint) nr[k] * t->w + ni[k];
              if (t->label[nc] >= 0 || t->mask[nc] < t->lo || t->mask[nc] > t->hi)
                continue;
              t->label[nc] = next;
              g_array_append_val (queue, nc);
            }
        }
      next++;
    }
}

/* Even-odd test of the centre of cell (i, j) against a ring. */
static gboolean
ring_contains_cell (const Ring *ring,
                    int         i,
                    int         j)
{
  const gint32 *p = (const gint32 *) (gpointer) ring->xy->data;
  guint n = ring->xy->len / 2;
  double x = i + 0.5, y = j + 0.5;
  gboolean inside = FALSE;

  for (guint a = 0, b = n - 1; a < n; b = a++)
    if ((p[2 * a + 1] > y) != (p[2 * b + 1] > y) &&
        x < p[2 * b] + (y - p[2 * b + 1]) * (p[2 * a] - p[2 * b]) / (double) (p[2 * a + 1] - p[2 * b + 1]))
      inside = !inside;
  return inside;
}

static void
emit_ring (const Ring *ring,
           gboolean    outer,
           double      x_west,
           double      y_south,
           double      cw,
           double      ch,
           VgShapeSet *into)
{
  const gint32 *p = (const gint32 *) (gpointer) ring->xy->data;
  guint n = ring->xy->len / 2;

  vg_shape_set_begin_part (into, outer);
  for (guint i = 0; i <= n; i++)
    vg_shape_set_add_point (into, x_west + p[2 * (i % n)] * cw, y_south + p[2 * (i % n) + 1] * ch);
}

void
vg_mask_polygonize (const guint8 *mask,
                    guint         width,
                    guint         height,
                    guint8        lo,
                    guint8        hi,
                    double        x_west,
                    double        y_north,
                    double        cell_width,
                    double        cell_height,
                    VgShapeSet   *into)
{
  g_autoptr(GHashTable) saddles = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (Ring));
  double y_south = y_north - height * cell_height;
  Tracer t;

  g_return_if_fail (mask != NULL && into != NULL);
  g_return_if_fail (width > 0 && height > 0 && width < G_MAXINT32 && height < G_MAXINT32);

  t.mask = mask;
  t.w = width;
  t.h = height;
  t.lo = lo;
  t.hi = hi;
  t.hvis = g_new0 (guint8, (gsize) width * (height + 1));
  t.vvis = g_new0 (guint8, (gsize) (width + 1) * height);
  t.label = g_new (int, (gsize) width * height);
  label_components (&t);

  /* Every ring has a horizontal edge: start one at each boundary edge not yet followed. */
  for (int y = 0; y <= t.h; y++)
    for (int x = 0; x < t.w; x++)
      {
        gboolean above = cell_in (&t, x, y), below = cell_in (&t, x, y - 1);

        if (above == below || t.hvis[(gsize) y * t.w + x])
          continue;
        if (above)
          trace (&t, x, y, DIR_E, saddles, rings);
        else
          trace (&t, x + 1, y, DIR_W, saddles, rings);
      }

  vg_shape_set_begin_shape (into, VG_SHAPE_POLYGON);
  for (guint s = 0; s < rings->len; s++)
    {
      const Ring *shell = &g_array_index (rings, Ring, s);
      guint n_shells = 0;

      if (shell->area2 <= 0)
        continue;
      emit_ring (shell, TRUE, x_west, y_south, cell_width, cell_height, into);
      for (guint k = 0; k < rings->len; k++)
        {
          const Ring *r = &g_array_index (rings, Ring, k);

          n_shells += r->area2 > 0 && r->component == shell->component;
        }
      for (guint h = 0; h < rings->len; h++)
        {
          const Ring *hole = &g_array_index (rings, Ring, h);

          if (hole->area2 >= 0 || hole->component != shell->component)
            continue;
          /* A component has one outer boundary; should it have more, the hole goes to the shell
           * around the cell it borders. */
          if (n_shells > 1 && !ring_contains_cell (shell, hole->left_i, hole->left_j))
            continue;
          emit_ring (hole, FALSE, x_west, y_south, cell_width, cell_height, into);
        }
    }
  vg_shape_set_end_shape (into);

  for (guint i = 0; i < rings->len; i++)
    g_array_unref (g_array_index (rings, Ring, i).xy);
  g_free (t.hvis);
  g_free (t.vvis);
  g_free (t.label);
}
