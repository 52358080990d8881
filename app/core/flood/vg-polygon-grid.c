/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-polygon-grid"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vg-polygon-grid.h"

#define CELL_INSIDE   1   /* whole cell, or for a boundary cell its lower-left corner */
#define CELL_BOUNDARY 2

/* Distance under which a point is taken to be on a segment: far below any survey precision,
 * far above double rounding at Lambert-93 magnitudes (~1e-9 m). */
#define ON_TOLERANCE 1e-6
/* Slack, in cell units, when listing the cells a segment touches: an edge through a cell's
 * corner or side is listed in every cell it touches. */
#define CELL_SLACK   1e-7

typedef struct
{
  double x1, y1, x2, y2;
} Edge;

typedef enum {
  LOC_OUT,
  LOC_IN,
  LOC_ON_SAME,       /* on the boundary, running the same way as the boundary there */
  LOC_ON_OPPOSITE,
} Location;

struct _VgPolygonGrid
{
  gatomicrefcount ref_count;

  double   bbox[4];
  double   area;
  double   ox, oy, cs, inv_cs;
  guint    ncols, nrows;
  Edge    *edges;
  guint    n_edges;
  guint8  *cells;
  guint32 *cell_first;   /* CSR: edges of cell c are cell_edges[cell_first[c] .. cell_first[c + 1]) */
  guint32 *cell_edges;
  /* Summed-area tables, (ncols + 1) × (nrows + 1): cells not wholly inside, not wholly outside,
   * below and left of each corner. Any box is then classified in four lookups each. */
  guint32 *sat_not_in;
  guint32 *sat_not_out;
};

G_DEFINE_BOXED_TYPE (VgPolygonGrid, vg_polygon_grid, vg_polygon_grid_ref, vg_polygon_grid_unref)

static inline double
cross (double ax, double ay, double bx, double by)
{
  return ax * by - ay * bx;
}

/* Signed area (positive counter-clockwise) of a ring of @n points. */
static double
ring_signed_area (const double *xy,
                  guint         n)
{
  double sum = 0;

  if (n < 3)
    return 0;
  /* Relative to the first vertex: Lambert-93 magnitudes would cost digits. */
  for (guint i = 1; i + 1 < n; i++)
    sum += cross (xy[2 * i] - xy[0], xy[2 * i + 1] - xy[1],
                  xy[2 * i + 2] - xy[0], xy[2 * i + 3] - xy[1]);
  return sum / 2;
}

double
vg_shape_polygon_area (VgShapeSet *shapes,
                       guint       index)
{
  double area = 0;

  g_return_val_if_fail (shapes != NULL, 0);

  if (vg_shape_set_get_kind (shapes, index) != VG_SHAPE_POLYGON)
    return 0;
  for (guint p = 0; p < vg_shape_set_get_n_parts (shapes, index); p++)
    {
      guint n;
      gboolean outer;
      const double *xy = vg_shape_set_get_part (shapes, index, p, &n, &outer);
      double a = fabs (ring_signed_area (xy, n));

      area += outer ? a : -a;
    }
  return area;
}

double
vg_shape_line_length (VgShapeSet *shapes,
                      guint       index)
{
  double length = 0;

  g_return_val_if_fail (shapes != NULL, 0);

  if (vg_shape_set_get_kind (shapes, index) != VG_SHAPE_LINE)
    return 0;
  for (guint p = 0; p < vg_shape_set_get_n_parts (shapes, index); p++)
    {
      guint n;
      const double *xy = vg_shape_set_get_part (shapes, index, p, &n, NULL);

      for (guint i = 0; i + 1 < n; i++)
        length += hypot (xy[2 * i + 2] - xy[2 * i], xy[2 * i + 3] - xy[2 * i + 1]);
    }
  return length;
}

/* Calls @fn for every cell the segment touches (within CELL_SLACK), column by column. */
static void
segment_cells (VgPolygonGrid *self,
               double         x1,
               double         y1,
               double         x2,
               double         y2,
               void         (*fn) (guint cell, gpointer data),
               gpointer       data)
{
  double u1 = (x1 - self->ox) * self->inv_cs, v1 = (y1 - self->oy) * self->inv_cs;
  double u2 = (x2 - self->ox) * self->inv_cs, v2 = (y2 - self->oy) * self->inv_cs;
  double umin = MIN (u1, u2), umax = MAX (u1, u2);
  double vmin = MIN (v1, v2), vmax = MAX (v1, v2);
  int i0 = (int) floor (umin - CELL_SLACK), i1 = (int) floor (umax + CELL_SLACK);

  i0 = MAX (i0, 0);
  i1 = MIN (i1, (int) self->ncols - 1);
  for (int i = i0; i <= i1; i++)
    {
      double lo, hi;
      int j0, j1;

      if (u1 == u2)
        {
          lo = vmin;
          hi = vmax;
        }
      else
        {
          double ua = MAX (umin, i - CELL_SLACK), ub = MIN (umax, i + 1 + CELL_SLACK);
          double va = v1 + (ua - u1) * (v2 - v1) / (u2 - u1);
          double vb = v1 + (ub - u1) * (v2 - v1) / (u2 - u1);

          lo = MAX (MIN (va, vb), vmin);
          hi = MIN (MAX (va, vb), vmax);
        }
      j0 = MAX ((int) floor (lo - CELL_SLACK), 0);
      j1 = MIN ((int) floor (hi + CELL_SLACK), (int) self->nrows - 1);
      for (int j = j0; j <= j1; j++)
        fn ((guint) j * self->ncols + (guint) i, data);
    }
}

static void
count_cb (guint    cell,
          gpointer data)
{
  ((guint32 *) data)[cell + 1]++;
}

typedef struct
{
  VgPolygonGrid *grid;
  guint32       *fill;
  guint32        edge;
} FillData;

static void
fill_cb (guint    cell,
         gpointer data)
{
  FillData *fd = data;

  fd->grid->cell_edges[fd->fill[cell]++] = fd->edge;
}

typedef struct
{
  guint32 row;
  double  x;
} Crossing;

static int
compare_crossings (const void *a,
                   const void *b)
{
  const Crossing *ca = a, *cb = b;

  if (ca->row != cb->row)
    return ca->row < cb->row ? -1 : 1;
  return (ca->x > cb->x) - (ca->x < cb->x);
}

/* Inside/outside of every cell, and of every boundary cell's lower-left corner: a horizontal
 * ray per row of corners, crossings counted with the half-open rule of point-in-polygon. */
static void
classify_cells (VgPolygonGrid *self)
{
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (Crossing));
  guint k = 0;

  for (guint e = 0; e < self->n_edges; e++)
    {
      const Edge *edge = &self->edges[e];
      double ylo = MIN (edge->y1, edge->y2), yhi = MAX (edge->y1, edge->y2);
      int j0 = MAX ((int) floor ((ylo - self->oy) * self->inv_cs), 0);
      int j1 = MIN ((int) ceil ((yhi - self->oy) * self->inv_cs), (int) self->nrows - 1);

      for (int j = j0; j <= j1; j++)
        {
          double y = self->oy + j * self->cs;
          Crossing c;

          if ((edge->y1 > y) == (edge->y2 > y))
            continue;
          c.row = j;
          c.x = edge->x1 + (y - edge->y1) * (edge->x2 - edge->x1) / (edge->y2 - edge->y1);
          g_array_append_val (crossings, c);
        }
    }
  if (crossings->len > 1)   /* never qsort(NULL, 0): UBSan */
    qsort (crossings->data, crossings->len, sizeof (Crossing), compare_crossings);

  for (guint j = 0; j < self->nrows; j++)
    {
      gboolean inside = FALSE;

      for (guint i = 0; i < self->ncols; i++)
        {
          double x = self->ox + i * self->cs;
          guint cell = j * self->ncols + i;

          while (k < crossings->len && g_array_index (crossings, Crossing, k).row == j &&
                 g_array_index (crossings, Crossing, k).x < x)
            {
              inside = !inside;
              k++;
            }
          if (self->cell_first[cell + 1] > self->cell_first[cell])
            self->cells[cell] = CELL_BOUNDARY | (inside ? CELL_INSIDE : 0);
          else
            self->cells[cell] = inside ? CELL_INSIDE : 0;
        }
      while (k < crossings->len && g_array_index (crossings, Crossing, k).row == j)
        k++;
    }
}

VgPolygonGrid *
vg_polygon_grid_new (VgShapeSet *shapes,
                     guint       index,
                     guint       max_cells)
{
  g_autoptr(GArray) edges = NULL;
  VgPolygonGrid *self;
  const double *bbox;
  double w, h, target;
  gsize n_cells;

  g_return_val_if_fail (shapes != NULL, NULL);

  if (vg_shape_set_get_kind (shapes, index) != VG_SHAPE_POLYGON)
    return NULL;
  if (max_cells == 0)
    max_cells = 1u << 20;

  /* Edges with the interior on their left: outer rings counter-clockwise, holes clockwise. */
  edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  for (guint p = 0; p < vg_shape_set_get_n_parts (shapes, index); p++)
    {
      guint n;
      gboolean outer;
      const double *xy = vg_shape_set_get_part (shapes, index, p, &n, &outer);
      gboolean reverse = (ring_signed_area (xy, n) > 0) != outer;

      for (guint i = 0; i + 1 < n; i++)
        {
          guint a = reverse ? n - 1 - i : i, b = reverse ? n - 2 - i : i + 1;
          Edge e = { xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1] };

          if (e.x1 != e.x2 || e.y1 != e.y2)
            g_array_append_val (edges, e);
        }
    }
  if (edges->len == 0)
    return NULL;

  self = g_new0 (VgPolygonGrid, 1);
  g_atomic_ref_count_init (&self->ref_count);
  bbox = vg_shape_set_get_bbox (shapes, index);
  memcpy (self->bbox, bbox, sizeof self->bbox);
  self->area = vg_shape_polygon_area (shapes, index);
  self->n_edges = edges->len;
  self->edges = (Edge *) (gpointer) g_array_free (g_steal_pointer (&edges), FALSE);

  /* About 64 cells per edge, up to @max_cells: boundary cells then hold a few edges each. */
  w = MAX (bbox[2] - bbox[0], 1e-3);
  h = MAX (bbox[3] - bbox[1], 1e-3);
  target = CLAMP (64.0 * self->n_edges, 1024.0, (double) max_cells);
  self->cs = sqrt (w * h / target);
  self->inv_cs = 1.0 / self->cs;
  /* A margin of more than one cell, and an origin offset by an irrational fraction of a cell so
   * that cell corners do not fall on the vertices of grid-aligned data (rasters, hand-made
   * tests). */
  self->ox = bbox[0] - 1.31830988618 * self->cs;
  self->oy = bbox[1] - 1.27323954474 * self->cs;
  self->ncols = (guint) ceil ((bbox[2] - self->ox) * self->inv_cs) + 2;
  self->nrows = (guint) ceil ((bbox[3] - self->oy) * self->inv_cs) + 2;
  n_cells = (gsize) self->ncols * self->nrows;

  self->cells = g_new0 (guint8, n_cells);
  self->cell_first = g_new0 (guint32, n_cells + 1);
  for (guint e = 0; e < self->n_edges; e++)
    {
      const Edge *edge = &self->edges[e];

      segment_cells (self, edge->x1, edge->y1, edge->x2, edge->y2, count_cb, self->cell_first);
    }
  for (gsize c = 0; c < n_cells; c++)
    self->cell_first[c + 1] += self->cell_first[c];
  self->cell_edges = g_new (guint32, MAX (self->cell_first[n_cells], 1));
  {
    g_autofree guint32 *fill = g_memdup2 (self->cell_first, n_cells * sizeof (guint32));
    FillData fd = { self, fill, 0 };

    for (fd.edge = 0; fd.edge < self->n_edges; fd.edge++)
      {
        const Edge *edge = &self->edges[fd.edge];

        segment_cells (self, edge->x1, edge->y1, edge->x2, edge->y2, fill_cb, &fd);
      }
  }
  classify_cells (self);

  self->sat_not_in = g_new0 (guint32, (gsize) (self->ncols + 1) * (self->nrows + 1));
  self->sat_not_out = g_new0 (guint32, (gsize) (self->ncols + 1) * (self->nrows + 1));
  for (guint j = 0; j < self->nrows; j++)
    {
      guint32 row_in = 0, row_out = 0;
      gsize above = (gsize) j * (self->ncols + 1), here = above + self->ncols + 1;

      for (guint i = 0; i < self->ncols; i++)
        {
          guint8 c = self->cells[(gsize) j * self->ncols + i];

          row_in += c != CELL_INSIDE;
          row_out += c != 0;
          self->sat_not_in[here + i + 1] = self->sat_not_in[above + i + 1] + row_in;
          self->sat_not_out[here + i + 1] = self->sat_not_out[above + i + 1] + row_out;
        }
    }
  return self;
}

VgPolygonGrid *
vg_polygon_grid_ref (VgPolygonGrid *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vg_polygon_grid_unref (VgPolygonGrid *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->edges);
  g_free (self->cells);
  g_free (self->cell_first);
  g_free (self->cell_edges);
  g_free (self->sat_not_in);
  g_free (self->sat_not_out);
  g_free (self);
}

const double *
vg_polygon_grid_get_bbox (VgPolygonGrid *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->bbox;
}

double
vg_polygon_grid_get_cell_size (VgPolygonGrid *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->cs;
}

guint
vg_polygon_grid_get_n_edges (VgPolygonGrid *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_edges;
}

double
vg_polygon_grid_get_area (VgPolygonGrid *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->area;
}

gsize
vg_polygon_grid_get_memory_size (VgPolygonGrid *self)
{
  gsize n_cells;

  g_return_val_if_fail (self != NULL, 0);

  n_cells = (gsize) self->ncols * self->nrows;
  return sizeof *self + self->n_edges * sizeof (Edge) + n_cells * (1 + sizeof (guint32)) +
         self->cell_first[n_cells] * sizeof (guint32) +
         2 * sizeof (guint32) * (gsize) (self->ncols + 1) * (self->nrows + 1);
}

/* Cell range under @bbox, clamped to the grid; FALSE if the box misses the grid. */
static gboolean
cell_range (VgPolygonGrid *self,
            const double   bbox[4],
            int            range[4])
{
  range[0] = MAX ((int) floor ((bbox[0] - self->ox) * self->inv_cs - CELL_SLACK), 0);
  range[1] = MAX ((int) floor ((bbox[1] - self->oy) * self->inv_cs - CELL_SLACK), 0);
  range[2] = MIN ((int) floor ((bbox[2] - self->ox) * self->inv_cs + CELL_SLACK), (int) self->ncols - 1);
  range[3] = MIN ((int) floor ((bbox[3] - self->oy) * self->inv_cs + CELL_SLACK), (int) self->nrows - 1);
  return range[0] <= range[2] && range[1] <= range[3];
}

static inline guint32
box_sum (const guint32 *sat,
         guint          stride,
         const int      r[4])
{
  return sat[(gsize) (r[3] + 1) * stride + r[2] + 1] - sat[(gsize) (r[3] + 1) * stride + r[0]] -
         sat[(gsize) r[1] * stride + r[2] + 1] + sat[(gsize) r[1] * stride + r[0]];
}

VgGridClass
vg_polygon_grid_classify_box (VgPolygonGrid *self,
                              const double   bbox[4])
{
  int r[4];

  g_return_val_if_fail (self != NULL, VG_GRID_BOUNDARY);

  if (bbox[0] > self->bbox[2] || bbox[2] < self->bbox[0] ||
      bbox[1] > self->bbox[3] || bbox[3] < self->bbox[1] || !cell_range (self, bbox, r))
    return VG_GRID_OUTSIDE;
  if (box_sum (self->sat_not_in, self->ncols + 1, r) == 0)
    return VG_GRID_INSIDE;
  if (box_sum (self->sat_not_out, self->ncols + 1, r) == 0)
    return VG_GRID_OUTSIDE;
  return VG_GRID_BOUNDARY;
}

/* Whether (px, py) lies on @e (within ON_TOLERANCE). */
static inline gboolean
on_segment (double px, double py,
            double ax, double ay,
            double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double c = cross (dx, dy, px - ax, py - ay);
  double d = dx * (px - ax) + dy * (py - ay);

  return c * c <= ON_TOLERANCE * ON_TOLERANCE * len2 && d >= -ON_TOLERANCE * sqrt (len2) &&
         d <= len2 + ON_TOLERANCE * sqrt (len2);
}

/* Whether segments p→q and a→b cross properly (each one's ends strictly on either side). */
static inline gboolean
crosses (double px, double py, double qx, double qy,
         double ax, double ay, double bx, double by)
{
  double o1 = cross (bx - ax, by - ay, px - ax, py - ay);
  double o2 = cross (bx - ax, by - ay, qx - ax, qy - ay);
  double o3 = cross (qx - px, qy - py, ax - px, ay - py);
  double o4 = cross (qx - px, qy - py, bx - px, by - py);

  return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0));
}

/* Where (x, y) is relative to the polygon; (dx, dy) is the direction of the segment the point is
 * the middle of, to tell which way a shared boundary runs (0, 0 for a point). The parity of
 * crossings from the cell's lower-left corner, whose side is known, only involves the cell's
 * own edges. */
static Location
locate (VgPolygonGrid *self,
        double         x,
        double         y,
        double         dx,
        double         dy)
{
  double u = (x - self->ox) * self->inv_cs, v = (y - self->oy) * self->inv_cs;
  guint i, j, cell;
  gboolean inside;
  double cx, cy;

  if (!(u >= 0 && v >= 0 && u < self->ncols && v < self->nrows))
    return LOC_OUT;
  i = (guint) u;
  j = (guint) v;
  cell = j * self->ncols + i;
  inside = self->cells[cell] & CELL_INSIDE;
  if (!(self->cells[cell] & CELL_BOUNDARY))
    return inside ? LOC_IN : LOC_OUT;

  cx = self->ox + i * self->cs;
  cy = self->oy + j * self->cs;
  for (guint k = self->cell_first[cell]; k < self->cell_first[cell + 1]; k++)
    {
      const Edge *e = &self->edges[self->cell_edges[k]];

      if (on_segment (x, y, e->x1, e->y1, e->x2, e->y2))
        return (dx * (e->x2 - e->x1) + dy * (e->y2 - e->y1)) >= 0 ? LOC_ON_SAME : LOC_ON_OPPOSITE;
      if (crosses (cx, cy, x, y, e->x1, e->y1, e->x2, e->y2))
        inside = !inside;
    }
  return inside ? LOC_IN : LOC_OUT;
}

gboolean
vg_polygon_grid_contains_point (VgPolygonGrid *self,
                                double         x,
                                double         y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return locate (self, x, y, 0, 0) != LOC_OUT;
}

/* A growable array that starts in caller-provided (stack) storage: the measure of a footprint
 * then allocates nothing, which keeps threads from contending in the allocator. */
typedef struct
{
  guint8  *data;
  guint    len, cap;
  gsize    size;
  gboolean heap;
} Buf;

static void
buf_init (Buf     *buf,
          gpointer storage,
          gsize    size,
          guint    cap)
{
  buf->data = storage;
  buf->len = 0;
  buf->cap = cap;
  buf->size = size;
  buf->heap = FALSE;
}

static void
buf_push (Buf           *buf,
          gconstpointer  item)
{
  if (buf->len == buf->cap)
    {
      guint cap = buf->cap * 2;
      guint8 *grown = g_malloc (cap * buf->size);

      memcpy (grown, buf->data, buf->len * buf->size);
      if (buf->heap)
        g_free (buf->data);
      buf->data = grown;
      buf->cap = cap;
      buf->heap = TRUE;
    }
  memcpy (buf->data + buf->len * buf->size, item, buf->size);
  buf->len++;
}

static void
buf_clear (Buf *buf)
{
  if (buf->heap)
    g_free (buf->data);
}

/* Scratch lists for one measure call; small ones stay on the stack. */
typedef struct
{
  guint32 *edge_ids;
  guint    n_edge_ids, cap_edge_ids;
  guint32  stack_ids[256];
} EdgeList;

static void
edge_list_init (EdgeList *list)
{
  list->edge_ids = list->stack_ids;
  list->n_edge_ids = 0;
  list->cap_edge_ids = G_N_ELEMENTS (list->stack_ids);
}

static void
edge_list_clear (EdgeList *list)
{
  if (list->edge_ids != list->stack_ids)
    g_free (list->edge_ids);
}

static void
edge_list_add (EdgeList *list,
               guint32   id)
{
  if (list->n_edge_ids == list->cap_edge_ids)
    {
      guint cap = list->cap_edge_ids * 2;

      if (list->edge_ids == list->stack_ids)
        list->edge_ids = g_memdup2 (list->stack_ids, sizeof list->stack_ids);
      list->edge_ids = g_renew (guint32, list->edge_ids, cap);
      list->cap_edge_ids = cap;
    }
  list->edge_ids[list->n_edge_ids++] = id;
}

static int
compare_u32 (const void *a,
             const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

/* Sorts and deduplicates (an edge crosses several cells). */
static void
edge_list_unique (EdgeList *list)
{
  guint n = 0;

  if (list->n_edge_ids < 2)
    return;
  if (list->n_edge_ids < 24)
    for (guint i = 1; i < list->n_edge_ids; i++)
      {
        guint32 v = list->edge_ids[i];
        guint j = i;

        for (; j > 0 && list->edge_ids[j - 1] > v; j--)
          list->edge_ids[j] = list->edge_ids[j - 1];
        list->edge_ids[j] = v;
      }
  else
    qsort (list->edge_ids, list->n_edge_ids, sizeof (guint32), compare_u32);
  for (guint i = 0; i < list->n_edge_ids; i++)
    if (n == 0 || list->edge_ids[i] != list->edge_ids[n - 1])
      list->edge_ids[n++] = list->edge_ids[i];
  list->n_edge_ids = n;
}

static void
gather_cb (guint    cell,
           gpointer data)
{
  EdgeList *list = ((gpointer *) data)[0];
  VgPolygonGrid *self = ((gpointer *) data)[1];

  for (guint k = self->cell_first[cell]; k < self->cell_first[cell + 1]; k++)
    edge_list_add (list, self->cell_edges[k]);
}

/* A split of one segment at parameter t ∈ (0, 1) of its owner. */
typedef struct
{
  guint  owner;
  double t;
} Split;

static int
compare_splits (const void *a,
                const void *b)
{
  const Split *sa = a, *sb = b;

  if (sa->owner != sb->owner)
    return sa->owner < sb->owner ? -1 : 1;
  return (sa->t > sb->t) - (sa->t < sb->t);
}

static inline void
add_split (Buf    *splits,
           guint   owner,
           double  t)
{
  if (t > 1e-12 && t < 1 - 1e-12)
    {
      Split s = { owner, t };

      buf_push (splits, &s);
    }
}

/* Intersection of segments a (p→q) and b (r→s): records the split parameters on each and
 * returns whether they meet at all (collinear overlaps included). */
static gboolean
intersect (const Edge *a,
           guint       ia,
           const Edge *b,
           guint       ib,
           Buf        *splits_a,
           Buf        *splits_b)
{
  double rx = a->x2 - a->x1, ry = a->y2 - a->y1;
  double sx = b->x2 - b->x1, sy = b->y2 - b->y1;
  double qpx = b->x1 - a->x1, qpy = b->y1 - a->y1;
  double d = cross (rx, ry, sx, sy);
  double len_r2 = rx * rx + ry * ry, len_s2 = sx * sx + sy * sy;

  if (MIN (a->x1, a->x2) > MAX (b->x1, b->x2) + ON_TOLERANCE ||
      MAX (a->x1, a->x2) < MIN (b->x1, b->x2) - ON_TOLERANCE ||
      MIN (a->y1, a->y2) > MAX (b->y1, b->y2) + ON_TOLERANCE ||
      MAX (a->y1, a->y2) < MIN (b->y1, b->y2) - ON_TOLERANCE)
    return FALSE;

  if (d * d > 1e-24 * len_r2 * len_s2)
    {
      double t = cross (qpx, qpy, sx, sy) / d;
      double u = cross (qpx, qpy, rx, ry) / d;
      double et = ON_TOLERANCE / sqrt (len_r2), eu = ON_TOLERANCE / sqrt (len_s2);

      if (t < -et || t > 1 + et || u < -eu || u > 1 + eu)
        return FALSE;
      add_split (splits_a, ia, t);
      add_split (splits_b, ib, u);
      return TRUE;
    }

  /* Parallel: only collinear overlaps meet; split each at the other's ends. */
  if (cross (qpx, qpy, rx, ry) * cross (qpx, qpy, rx, ry) > ON_TOLERANCE * ON_TOLERANCE * len_r2)
    return FALSE;
  {
    double t1 = (qpx * rx + qpy * ry) / len_r2;
    double t2 = ((b->x2 - a->x1) * rx + (b->y2 - a->y1) * ry) / len_r2;
    double u1 = ((a->x1 - b->x1) * sx + (a->y1 - b->y1) * sy) / len_s2;
    double u2 = ((a->x2 - b->x1) * sx + (a->y2 - b->y1) * sy) / len_s2;

    if (MAX (t1, t2) < 0 || MIN (t1, t2) > 1)
      return FALSE;
    add_split (splits_a, ia, t1);
    add_split (splits_a, ia, t2);
    add_split (splits_b, ib, u1);
    add_split (splits_b, ib, u2);
    return TRUE;
  }
}

/* Even-odd position of (x, y) in the small polygon @ring_edges (local coordinates); points on
 * its boundary are LOC_ON_SAME. */
static Location
locate_in_edges (const Edge *edges,
                 guint       n,
                 double      x,
                 double      y)
{
  gboolean inside = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const Edge *e = &edges[i];

      if (on_segment (x, y, e->x1, e->y1, e->x2, e->y2))
        return LOC_ON_SAME;
      if ((e->y1 > y) != (e->y2 > y) &&
          x < e->x1 + (y - e->y1) * (e->x2 - e->x1) / (e->y2 - e->y1))
        inside = !inside;
    }
  return inside ? LOC_IN : LOC_OUT;
}

/* Sum over the sub-segments of @edges (split by @splits, sorted) that @keep accepts, of
 * ½ (x1 y2 − x2 y1) (area mode) or of their length. */
typedef gboolean (*KeepFunc) (double mx, double my, double dx, double dy, gpointer data);

static double
sum_kept (const Edge *edges,
          guint       n_edges,
          Buf        *splits_buf,
          gboolean    area,
          KeepFunc    keep,
          gpointer    data)
{
  const Split *splits = (const Split *) (gpointer) splits_buf->data;
  guint n_splits = splits_buf->len;
  double sum = 0;
  guint k = 0;

  if (n_splits > 1)
    qsort (splits_buf->data, n_splits, sizeof (Split), compare_splits);
  for (guint e = 0; e < n_edges; e++)
    {
      const Edge *edge = &edges[e];
      double dx = edge->x2 - edge->x1, dy = edge->y2 - edge->y1;
      double t0 = 0;

      for (;;)
        {
          gboolean last = !(k < n_splits && splits[k].owner == e);
          double t1 = last ? 1 : splits[k].t;

          if (t1 - t0 > 1e-12)
            {
              double tm = (t0 + t1) / 2;

              if (keep (edge->x1 + tm * dx, edge->y1 + tm * dy, dx, dy, data))
                {
                  if (area)
                    sum += cross (edge->x1 + t0 * dx, edge->y1 + t0 * dy,
                                  edge->x1 + t1 * dx, edge->y1 + t1 * dy) / 2;
                  else
                    sum += (t1 - t0) * hypot (dx, dy);
                }
            }
          if (last)
            break;
          t0 = t1;
          k++;
        }
    }
  return sum;
}

typedef struct
{
  VgPolygonGrid *grid;
  double         ox, oy;           /* local origin: add back to reach the grid's coordinates */
  const Edge    *a_edges;
  guint          n_a_edges;
  gboolean       line;
} KeepData;

/* A sub-segment of the measured shape counts if inside the grid's polygon; on its boundary, a
 * polygon's edge counts when both interiors lie on the same side, a line's always. */
static gboolean
keep_in_grid (double   mx,
              double   my,
              double   dx,
              double   dy,
              gpointer data)
{
  KeepData *kd = data;
  Location loc = locate (kd->grid, mx + kd->ox, my + kd->oy, dx, dy);

  return loc == LOC_IN || loc == LOC_ON_SAME || (kd->line && loc == LOC_ON_OPPOSITE);
}

/* A sub-segment of the grid's boundary counts if strictly inside the measured polygon (on its
 * boundary it was counted from the polygon's side, or cancels out). */
static gboolean
keep_in_shape (double   mx,
               double   my,
               double   dx,
               double   dy,
               gpointer data)
{
  KeepData *kd = data;

  return locate_in_edges (kd->a_edges, kd->n_a_edges, mx, my) == LOC_IN;
}

static double
measure_polygon (VgPolygonGrid *self,
                 VgShapeSet    *shapes,
                 guint          index,
                 gboolean      *intersects)
{
  const double *bbox = vg_shape_set_get_bbox (shapes, index);
  Edge a_storage[64], b_storage[128];
  Split sa_storage[128], sb_storage[128];
  Buf a_edges, b_edges, splits_a, splits_b;
  gboolean met = FALSE;
  KeepData kd;
  EdgeList list;
  double ox, oy, area;
  int r[4];
  guint n_parts = vg_shape_set_get_n_parts (shapes, index);

  {
    const double *first = vg_shape_set_get_part (shapes, index, 0, NULL, NULL);

    ox = first[0];
    oy = first[1];
  }
  buf_init (&a_edges, a_storage, sizeof (Edge), G_N_ELEMENTS (a_storage));
  buf_init (&b_edges, b_storage, sizeof (Edge), G_N_ELEMENTS (b_storage));
  buf_init (&splits_a, sa_storage, sizeof (Split), G_N_ELEMENTS (sa_storage));
  buf_init (&splits_b, sb_storage, sizeof (Split), G_N_ELEMENTS (sb_storage));

  /* The shape's edges, oriented (interior on the left), relative to its first vertex. */
  for (guint p = 0; p < n_parts; p++)
    {
      guint n;
      gboolean outer;
      const double *xy = vg_shape_set_get_part (shapes, index, p, &n, &outer);
      gboolean reverse = (ring_signed_area (xy, n) > 0) != outer;

      for (guint i = 0; i + 1 < n; i++)
        {
          guint a = reverse ? n - 1 - i : i, b = reverse ? n - 2 - i : i + 1;
          Edge e = { xy[2 * a] - ox, xy[2 * a + 1] - oy, xy[2 * b] - ox, xy[2 * b + 1] - oy };

          if (e.x1 != e.x2 || e.y1 != e.y2)
            buf_push (&a_edges, &e);
        }
    }

  edge_list_init (&list);
  if (cell_range (self, bbox, r))
    for (int j = r[1]; j <= r[3]; j++)
      for (int i = r[0]; i <= r[2]; i++)
        {
          guint cell = (guint) j * self->ncols + (guint) i;

          for (guint k = self->cell_first[cell]; k < self->cell_first[cell + 1]; k++)
            edge_list_add (&list, self->cell_edges[k]);
        }
  edge_list_unique (&list);
  for (guint k = 0; k < list.n_edge_ids; k++)
    {
      const Edge *e = &self->edges[list.edge_ids[k]];
      Edge local = { e->x1 - ox, e->y1 - oy, e->x2 - ox, e->y2 - oy };

      /* An edge off the shape's box can neither cross it nor lie inside it. */
      if (MAX (e->x1, e->x2) < bbox[0] - ON_TOLERANCE || MIN (e->x1, e->x2) > bbox[2] + ON_TOLERANCE ||
          MAX (e->y1, e->y2) < bbox[1] - ON_TOLERANCE || MIN (e->y1, e->y2) > bbox[3] + ON_TOLERANCE)
        continue;
      buf_push (&b_edges, &local);
    }
  edge_list_clear (&list);

  if (b_edges.len == 0)
    {
      /* No boundary nearby: wholly inside or wholly outside. */
      gboolean inside = locate (self, ox, oy, 0, 0) != LOC_OUT;

      if (intersects != NULL)
        *intersects = inside;
      buf_clear (&a_edges);
      return inside ? vg_shape_polygon_area (shapes, index) : 0;
    }

  for (guint ia = 0; ia < a_edges.len; ia++)
    for (guint ib = 0; ib < b_edges.len; ib++)
      met |= intersect ((const Edge *) (gpointer) a_edges.data + ia, ia,
                        (const Edge *) (gpointer) b_edges.data + ib, ib, &splits_a, &splits_b);

  kd.grid = self;
  kd.ox = ox;
  kd.oy = oy;
  kd.a_edges = (const Edge *) (gpointer) a_edges.data;
  kd.n_a_edges = a_edges.len;
  kd.line = FALSE;
  area = sum_kept ((const Edge *) (gpointer) a_edges.data, a_edges.len, &splits_a, TRUE, keep_in_grid, &kd) +
         sum_kept ((const Edge *) (gpointer) b_edges.data, b_edges.len, &splits_b, TRUE, keep_in_shape, &kd);
  if (intersects != NULL)
    *intersects = met || area > 0 || locate (self, ox, oy, 0, 0) != LOC_OUT;
  buf_clear (&a_edges);
  buf_clear (&b_edges);
  buf_clear (&splits_a);
  buf_clear (&splits_b);
  return MAX (area, 0);
}

static double
measure_line (VgPolygonGrid *self,
              VgShapeSet    *shapes,
              guint          index,
              gboolean      *intersects)
{
  Split sa_storage[64], sb_storage[64];
  Buf splits_a, splits_b;
  gboolean met = FALSE;
  double length = 0;
  KeepData kd = { self, 0, 0, NULL, 0, TRUE };

  buf_init (&splits_a, sa_storage, sizeof (Split), G_N_ELEMENTS (sa_storage));
  buf_init (&splits_b, sb_storage, sizeof (Split), G_N_ELEMENTS (sb_storage));
  for (guint p = 0; p < vg_shape_set_get_n_parts (shapes, index); p++)
    {
      guint n;
      const double *xy = vg_shape_set_get_part (shapes, index, p, &n, NULL);

      if (n == 1)
        met |= locate (self, xy[0], xy[1], 0, 0) != LOC_OUT;
      for (guint i = 0; i + 1 < n; i++)
        {
          Edge seg = { 0, 0, xy[2 * i + 2] - xy[2 * i], xy[2 * i + 3] - xy[2 * i + 1] };
          EdgeList list;
          gpointer data[2];

          kd.ox = xy[2 * i];
          kd.oy = xy[2 * i + 1];
          if (seg.x2 == 0 && seg.y2 == 0)
            {
              met |= locate (self, kd.ox, kd.oy, 0, 0) != LOC_OUT;
              continue;
            }
          edge_list_init (&list);
          data[0] = &list;
          data[1] = self;
          segment_cells (self, xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3], gather_cb, data);
          edge_list_unique (&list);
          splits_a.len = 0;
          for (guint k = 0; k < list.n_edge_ids; k++)
            {
              const Edge *e = &self->edges[list.edge_ids[k]];
              Edge local = { e->x1 - kd.ox, e->y1 - kd.oy, e->x2 - kd.ox, e->y2 - kd.oy };

              splits_b.len = 0;
              met |= intersect (&seg, 0, &local, 0, &splits_a, &splits_b);
            }
          edge_list_clear (&list);
          length += sum_kept (&seg, 1, &splits_a, FALSE, keep_in_grid, &kd);
        }
    }
  buf_clear (&splits_a);
  buf_clear (&splits_b);
  if (intersects != NULL)
    *intersects = met || length > 0;
  return length;
}

double
vg_polygon_grid_measure (VgPolygonGrid *self,
                         VgShapeSet    *shapes,
                         guint          index,
                         gboolean      *intersects)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (shapes != NULL, 0);

  if (intersects != NULL)
    *intersects = FALSE;
  switch (vg_shape_set_get_kind (shapes, index))
    {
    case VG_SHAPE_NONE:
      return 0;

    case VG_SHAPE_POINT:
      {
        double count = 0;

        for (guint p = 0; p < vg_shape_set_get_n_parts (shapes, index); p++)
          {
            const double *xy = vg_shape_set_get_part (shapes, index, p, NULL, NULL);

            if (locate (self, xy[0], xy[1], 0, 0) != LOC_OUT)
              count++;
          }
        if (intersects != NULL)
          *intersects = count > 0;
        return count;
      }

    case VG_SHAPE_LINE:
      return measure_line (self, shapes, index, intersects);

    case VG_SHAPE_POLYGON:
      return measure_polygon (self, shapes, index, intersects);

    default:
      g_assert_not_reached ();
    }
  return 0;
}
