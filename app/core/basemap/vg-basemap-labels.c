/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-basemap-labels"

#include "config.h"

#include <math.h>

#include "vg-basemap-labels.h"
#include "vg-basemap-style.h"

#define EARTH_HALF_CIRCUMFERENCE 20037508.342789244
#define TILE_SIZE 256.0
#define GRID_CELL 128.0
/* Average advance of a character of the sans font, as a fraction of its size (DejaVu Sans). */
#define CHAR_ADVANCE 0.58

typedef struct
{
  VgLabel label;
  double  priority;
} Candidate;

typedef struct
{
  double      scale;        /* world pixels per metre */
  GArray     *candidates;
  VgBasemap  *basemap;
  guint       zoom;
} Placer;

static inline void
to_world (const Placer *p,
          double        mx,
          double        my,
          double       *px,
          double       *py)
{
  *px = (mx + EARTH_HALF_CIRCUMFERENCE) * p->scale;
  *py = (EARTH_HALF_CIRCUMFERENCE - my) * p->scale;
}

static void
add_candidate (Placer      *p,
               const char  *text,
               VgLabelKind  kind,
               double       x,
               double       y,
               double       angle,
               double       size,
               double       priority)
{
  Candidate c = { 0 };
  double half_w = g_utf8_strlen (text, -1) * size * CHAR_ADVANCE / 2 + 2;
  double half_h = size * 0.65 + 2;
  double ca = fabs (cos (angle)), sa = fabs (sin (angle));
  double ex = half_w * ca + half_h * sa;
  double ey = half_w * sa + half_h * ca;

  c.label.x = x;
  c.label.y = y;
  c.label.angle = angle;
  c.label.size = size;
  c.label.text = text;
  c.label.kind = kind;
  c.label.bbox[0] = x - ex;
  c.label.bbox[1] = y - ey;
  c.label.bbox[2] = x + ex;
  c.label.bbox[3] = y + ey;
  c.priority = priority;
  g_array_append_val (p->candidates, c);
}

static double
upright (double angle)
{
  if (angle > G_PI / 2)
    angle -= G_PI;
  else if (angle < -G_PI / 2)
    angle += G_PI;
  return angle;
}

/* Longest edge of @part in world pixels: its length, midpoint and upright angle. */
static double
longest_edge (const Placer *p,
              const double *xy,
              guint         n,
              double       *mid_x,
              double       *mid_y,
              double       *angle)
{
  double best = 0;

  for (guint i = 0; i + 1 < n; i++)
    {
      double x0, y0, x1, y1, len;

      to_world (p, xy[2 * i], xy[2 * i + 1], &x0, &y0);
      to_world (p, xy[2 * i + 2], xy[2 * i + 3], &x1, &y1);
      len = hypot (x1 - x0, y1 - y0);
      if (len > best)
        {
          best = len;
          *mid_x = (x0 + x1) / 2;
          *mid_y = (y0 + y1) / 2;
          *angle = upright (atan2 (y1 - y0, x1 - x0));
        }
    }
  return best;
}

static void
place_polygon_names (Placer         *p,
                     VgBasemapLayer  layer_id,
                     VgLabelKind     kind,
                     double          size,
                     double          priority)
{
  VgLayer *layer = vg_basemap_get_layer (p->basemap, layer_id);
  int name = vg_basemap_get_column (p->basemap, layer_id, "name");

  for (guint i = 0; i < vg_layer_get_n_features (layer); i++)
    {
      const char *text = vg_layer_get_value (layer, i, name);
      const double *bbox;
      double mx, my, x, y;

      if (text == NULL || *text == '\0')
        continue;
      bbox = vg_shape_set_get_bbox (vg_layer_get_shapes (layer), i);

      vg_basemap_get_label_point (p->basemap, layer_id, i, &mx, &my);
      to_world (p, mx, my, &x, &y);
      /* Larger places first: their names matter more than a neighbour's that would hide them. */
      add_candidate (p, text, kind, x, y, 0, size,
                     priority + (bbox[2] - bbox[0]) * (bbox[3] - bbox[1]) / 1e6);
    }
}

static void
place_water_names (Placer *p)
{
  VgLayer *layer = vg_basemap_get_layer (p->basemap, VG_BASEMAP_WATERCOURSES);
  VgShapeSet *shapes = vg_layer_get_shapes (layer);
  int name = vg_basemap_get_column (p->basemap, VG_BASEMAP_WATERCOURSES, "name");
  double size = p->zoom >= 16 ? 14 : 12.5;

  for (guint i = 0; i < vg_layer_get_n_features (layer); i++)
    {
      const char *text = vg_layer_get_value (layer, i, name);
      gboolean main_river;
      double len, mid_x = 0, mid_y = 0, angle = 0, width;
      guint n;
      const double *xy;

      if (text == NULL || vg_shape_set_get_n_parts (shapes, i) == 0)
        continue;
      main_river = g_str_equal (text, "Le Lez") || g_str_equal (text, "La Mosson");
      if (p->zoom < (main_river ? 14u : 15u))
        continue;
      xy = vg_shape_set_get_part (shapes, i, 0, &n, NULL);
      len = longest_edge (p, xy, n, &mid_x, &mid_y, &angle);
      width = g_utf8_strlen (text, -1) * size * CHAR_ADVANCE;
      if (len < width * 0.5)
        continue;
      /* Anchor at a point inside the piece of river, along its bank's direction. */
      vg_basemap_get_label_point (p->basemap, VG_BASEMAP_WATERCOURSES, i, &mid_x, &mid_y);
      to_world (p, mid_x, mid_y, &mid_x, &mid_y);
      add_candidate (p, text, VG_LABEL_WATER, mid_x, mid_y, angle, size,
                     (main_river ? 3000 : 2000) + len);
    }
}

/* Endpoint key: streets are split at every junction and consecutive arcs share a vertex. */
static char *
endpoint_key (const double *xy)
{
  return g_strdup_printf ("%.1f,%.1f", xy[0], xy[1]);
}

/* Joins the arcs of one street (@arcs: feature indices sharing a name) into polylines, as
 * interleaved x,y arrays in metres: a street is cut at every junction, so one arc is rarely
 * long enough to carry its name. */
static GPtrArray *
chain_arcs (VgShapeSet *shapes,
            GArray     *arcs)
{
  g_autoptr(GHashTable) by_end = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gboolean *used = g_new0 (gboolean, arcs->len);
  GPtrArray *chains = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  /* Remember one arc per endpoint (start as 2k, end as 2k+1); junctions with more arcs of the
   * same name just end a chain there. */
  for (guint k = 0; k < arcs->len; k++)
    {
      guint n;
      const double *xy = vg_shape_set_get_part (shapes, g_array_index (arcs, guint, k), 0, &n, NULL);

      if (n < 2)
        continue;
      g_hash_table_insert (by_end, endpoint_key (xy), GUINT_TO_POINTER (2 * k + 1));
      g_hash_table_insert (by_end, endpoint_key (xy + 2 * (n - 1)), GUINT_TO_POINTER (2 * k + 2));
    }

  for (guint k = 0; k < arcs->len; k++)
    {
      GArray *chain;
      guint current = k;
      gboolean reversed = FALSE;

      if (used[k])
        continue;
      chain = g_array_new (FALSE, FALSE, sizeof (double));
      while (TRUE)
        {
          guint n, next;
          const double *xy = vg_shape_set_get_part (shapes, g_array_index (arcs, guint, current), 0, &n, NULL);
          g_autofree char *key = NULL;
          gpointer found;

          used[current] = TRUE;
          for (guint i = chain->len ? 1 : 0; i < n; i++)
            {
              guint j = reversed ? n - 1 - i : i;

              g_array_append_vals (chain, xy + 2 * j, 2);
            }
          key = endpoint_key (&g_array_index (chain, double, chain->len - 2));
          found = g_hash_table_lookup (by_end, key);
          if (found == NULL)
            break;
          next = (GPOINTER_TO_UINT (found) - 1) / 2;
          if (used[next])
            break;
          reversed = (GPOINTER_TO_UINT (found) - 1) % 2 == 1;   /* joined at its end: walk it backwards */
          current = next;
        }
      if (chain->len >= 4)
        g_ptr_array_add (chains, chain);
      else
        g_array_unref (chain);
    }
  return chains;
}

/* Label candidates along @chain: one per nearly straight run long enough for @text. */
static void
place_along_chain (Placer      *p,
                   GArray      *chain,
                   const char  *text,
                   double       size,
                   double       priority)
{
  const double *xy = (const double *) (gpointer) chain->data;
  guint n = chain->len / 2;
  double need = g_utf8_strlen (text, -1) * size * CHAR_ADVANCE + 10;
  guint run_start = 0;

  while (run_start + 1 < n)
    {
      double x0, y0, x1, y1, heading;
      guint end = run_start + 1;

      to_world (p, xy[2 * run_start], xy[2 * run_start + 1], &x0, &y0);
      to_world (p, xy[2 * end], xy[2 * end + 1], &x1, &y1);
      heading = atan2 (y1 - y0, x1 - x0);
      /* Extend the run while each next vertex keeps within 12° of the run's heading. */
      while (end + 1 < n)
        {
          double nx, ny, dev;

          to_world (p, xy[2 * end + 2], xy[2 * end + 3], &nx, &ny);
          dev = fabs (remainder (atan2 (ny - y0, nx - x0) - heading, 2 * G_PI));
          if (dev > 0.21)
            break;
          end++;
          x1 = nx;
          y1 = ny;
        }
      if (hypot (x1 - x0, y1 - y0) >= need)
        add_candidate (p, text, VG_LABEL_STREET, (x0 + x1) / 2, (y0 + y1) / 2,
                       upright (atan2 (y1 - y0, x1 - x0)), size,
                       priority + MIN (hypot (x1 - x0, y1 - y0), 999));
      run_start = end;
    }
}

static void
place_street_names (Placer *p)
{
  VgLayer *layer = vg_basemap_get_layer (p->basemap, VG_BASEMAP_STREETS);
  VgShapeSet *shapes = vg_layer_get_shapes (layer);
  int name = vg_basemap_get_column (p->basemap, VG_BASEMAP_STREETS, "name");
  int klass = vg_basemap_get_column (p->basemap, VG_BASEMAP_STREETS, "class");
  double size = p->zoom >= 17 ? 12 : 11;
  g_autoptr(GHashTable) streets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < vg_layer_get_n_features (layer); i++)
    {
      const char *text = vg_layer_get_value (layer, i, name);
      VgRoadClass road_class = vg_road_class_from_string (vg_layer_get_value (layer, i, klass));
      guint min_zoom = road_class >= VG_ROAD_PRIMARY ? 14 : road_class == VG_ROAD_STREET ? 16 : 17;
      GArray *arcs;

      if (text == NULL || *text == '\0' || p->zoom < min_zoom ||
          vg_shape_set_get_n_parts (shapes, i) == 0)
        continue;
      arcs = g_hash_table_lookup (streets, text);
      if (arcs == NULL)
        {
          arcs = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (streets, (gpointer) text, arcs);
          g_ptr_array_add (names, (gpointer) text);
        }
      g_array_append_val (arcs, i);
    }

  /* In file order, not hash order: placement must not depend on hashing. */
  for (guint k = 0; k < names->len; k++)
    {
      const char *text = g_ptr_array_index (names, k);
      GArray *arcs = g_hash_table_lookup (streets, text);
      g_autoptr(GPtrArray) chains = chain_arcs (shapes, arcs);
      guint first = g_array_index (arcs, guint, 0);
      VgRoadClass road_class = vg_road_class_from_string (vg_layer_get_value (layer, first, klass));

      for (guint c = 0; c < chains->len; c++)
        place_along_chain (p, g_ptr_array_index (chains, c), text, size, road_class * 1000.0);
    }
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->priority != cb->priority)
    return ca->priority > cb->priority ? -1 : 1;
  /* Ties broken by position, so placement is the same on every run. */
  if (ca->label.x != cb->label.x)
    return ca->label.x < cb->label.x ? -1 : 1;
  return (ca->label.y < cb->label.y) ? -1 : (ca->label.y > cb->label.y);
}

static gboolean
boxes_overlap (const double *a,
               const double *b)
{
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

static guint64
cell_key (gint64 cx,
          gint64 cy)
{
  return ((guint64) (cx & 0xffffffff) << 32) | (guint64) (cy & 0xffffffff);
}

GArray *
vg_basemap_labels_place (VgBasemap *basemap,
                         guint      zoom)
{
  g_autoptr(GHashTable) grid = NULL;       /* cell → GArray of kept label indices */
  g_autoptr(GHashTable) same_name = NULL;  /* text → GArray of kept centres */
  Placer p = { 0 };
  GArray *kept;

  g_return_val_if_fail (VG_IS_BASEMAP (basemap), NULL);

  p.basemap = basemap;
  p.zoom = zoom;
  p.scale = TILE_SIZE * (double) (1u << zoom) / (2 * EARTH_HALF_CIRCUMFERENCE);
  p.candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  if (zoom >= 10 && zoom <= 13)
    place_polygon_names (&p, VG_BASEMAP_COMMUNES, VG_LABEL_PLACE, zoom >= 12 ? 14 : zoom == 11 ? 12 : 11, 10000);
  if (zoom >= 13 && zoom <= 15)
    place_polygon_names (&p, VG_BASEMAP_QUARTIERS, VG_LABEL_DISTRICT, 11.5, 5000);
  place_water_names (&p);
  place_street_names (&p);

  g_array_sort (p.candidates, compare_priority);

  kept = g_array_new (FALSE, FALSE, sizeof (VgLabel));
  grid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  same_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < p.candidates->len; i++)
    {
      const VgLabel *label = &g_array_index (p.candidates, Candidate, i).label;
      gint64 cx0 = floor (label->bbox[0] / GRID_CELL), cx1 = floor (label->bbox[2] / GRID_CELL);
      gint64 cy0 = floor (label->bbox[1] / GRID_CELL), cy1 = floor (label->bbox[3] / GRID_CELL);
      /* The same name repeats only far away: one street label per ~3 tiles. */
      double min_gap = label->kind == VG_LABEL_STREET ? 600 : 450;
      GArray *centres = g_hash_table_lookup (same_name, label->text);
      gboolean clash = FALSE;
      guint index;

      for (guint j = 0; centres != NULL && j < centres->len && !clash; j += 2)
        clash = hypot (g_array_index (centres, double, j) - label->x,
                       g_array_index (centres, double, j + 1) - label->y) < min_gap;

      for (gint64 cx = cx0; cx <= cx1 && !clash; cx++)
        for (gint64 cy = cy0; cy <= cy1 && !clash; cy++)
          {
            guint64 key = cell_key (cx, cy);
            GArray *cell = g_hash_table_lookup (grid, &key);

            for (guint k = 0; cell != NULL && k < cell->len && !clash; k++)
              clash = boxes_overlap (label->bbox,
                                     g_array_index (kept, VgLabel, g_array_index (cell, guint, k)).bbox);
          }
      if (clash)
        continue;

      index = kept->len;
      g_array_append_val (kept, *label);
      for (gint64 cx = cx0; cx <= cx1; cx++)
        for (gint64 cy = cy0; cy <= cy1; cy++)
          {
            guint64 key = cell_key (cx, cy);
            GArray *cell = g_hash_table_lookup (grid, &key);

            if (cell == NULL)
              {
                cell = g_array_new (FALSE, FALSE, sizeof (guint));
                g_hash_table_insert (grid, g_memdup2 (&key, sizeof key), cell);
              }
            g_array_append_val (cell, index);
          }
      if (centres == NULL)
        {
          centres = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (same_name, (gpointer) label->text, centres);
        }
      g_array_append_val (centres, label->x);
      g_array_append_val (centres, label->y);
    }

  g_array_unref (p.candidates);
  return kept;
}
