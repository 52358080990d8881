/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-exposure-index"

#include "config.h"

#include <string.h>

#include "vg-flood-exposure-index.h"
#include "vg-flood-overlay.h"
#include "vg-polygon-grid.h"
#include "vg-site-category.h"

typedef struct
{
  guint32 asset;
  double  inside;
} Partial;

typedef struct
{
  char   *gauge;
  guint   first, n;                          /* its envelopes in the library */
  guint8 *first_level[VG_N_FLOOD_ASSETS];    /* per asset: rank of the lowest envelope reaching it */
} Gauge;

struct _VgFloodExposureIndex
{
  GObject           parent_instance;

  VgFloodLibrary   *library;
  VgFloodAssets    *assets;
  guint             n_envelopes;
  VgFloodTotals    *totals;                      /* per envelope */
  guint64         **members[VG_N_FLOOD_ASSETS];  /* per kind, per envelope: bitset over assets */
  GArray          **partial[VG_N_FLOOD_ASSETS];  /* per kind, per envelope: Partial, by asset */
  GArray           *gauges;                      /* Gauge */
  VgFloodIndexStats stats;
};

G_DEFINE_FINAL_TYPE (VgFloodExposureIndex, vg_flood_exposure_index, G_TYPE_OBJECT)

static const char method[] =
  "Vigie " PACKAGE_VERSION " flood exposure: an asset is exposed to an envelope when they intersect "
  "(ST_Intersects); building area and road length inside are exact (envelope on a grid, boundary "
  "edges per cell, area by Green's theorem), equal to PostGIS ST_Area/ST_Length(ST_Intersection) to "
  "rounding; what-ifs read per-envelope totals precomputed once per library.";

static void
vg_flood_exposure_index_finalize (GObject *object)
{
  VgFloodExposureIndex *self = VG_FLOOD_EXPOSURE_INDEX (object);

  for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
    {
      for (guint e = 0; self->members[k] != NULL && e < self->n_envelopes; e++)
        g_free (self->members[k][e]);
      for (guint e = 0; self->partial[k] != NULL && e < self->n_envelopes; e++)
        g_array_unref (self->partial[k][e]);
      g_free (self->members[k]);
      g_free (self->partial[k]);
    }
  for (guint g = 0; self->gauges != NULL && g < self->gauges->len; g++)
    {
      Gauge *gauge = &g_array_index (self->gauges, Gauge, g);

      g_free (gauge->gauge);
      for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
        g_free (gauge->first_level[k]);
    }
  g_clear_pointer (&self->gauges, g_array_unref);
  g_clear_pointer (&self->totals, g_free);
  g_clear_object (&self->library);
  g_clear_object (&self->assets);

  G_OBJECT_CLASS (vg_flood_exposure_index_parent_class)->finalize (object);
}

static void
vg_flood_exposure_index_class_init (VgFloodExposureIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_flood_exposure_index_finalize;
}

static void
vg_flood_exposure_index_init (VgFloodExposureIndex *self)
{
}

static inline gboolean
bit_get (const guint64 *bits,
         guint          i)
{
  return (bits[i >> 6] >> (i & 63)) & 1;
}

static inline void
bit_set (guint64 *bits,
         guint    i)
{
  bits[i >> 6] |= G_GUINT64_CONSTANT (1) << (i & 63);
}

/* Whether site category @id is one of the vulnerable ones. */
static gboolean
is_vulnerable (const char *id)
{
  VgSiteCategory category;

  return vg_site_category_from_id (id, &category) && vg_site_category_is_vulnerable (category);
}

static gint
compare_partial (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = ((const Partial *) a)->asset, y = ((const Partial *) b)->asset;

  return (x > y) - (x < y);
}

/* One envelope against one kind of assets: members, partial measures and totals. */
static void
compute (VgFloodExposureIndex *self,
         guint                 e,
         VgPolygonGrid        *grid,
         VgFloodAssetKind      kind,
         guint                 n_threads)
{
  VgLayer *layer = vg_flood_assets_get_layer (self->assets, kind);
  VgShapeSet *shapes = vg_layer_get_shapes (layer);
  guint n_assets = vg_layer_get_n_features (layer);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) boundary = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) streets = NULL;
  g_autofree guint8 *classes = NULL;
  g_autofree double *measures = NULL;
  VgFloodTotals *t = &self->totals[e];
  guint64 *bits = g_new0 (guint64, (n_assets + 63) / 64);
  GArray *partial = g_array_new (FALSE, FALSE, sizeof (Partial));
  int name_col = vg_layer_find_column (layer, "name");
  int category_col = vg_layer_find_column (layer, "category");
  guint count = 0;
  double sum = 0;

  self->members[kind][e] = bits;
  self->partial[kind][e] = partial;

  vg_rtree_search_boxes (vg_flood_assets_get_index (self->assets, kind), vg_polygon_grid_get_bbox (grid),
                         candidates, boxes);
  /* Candidates come in the tree's order, which depends on the data alone: sums are
   * reproducible to the last bit, whatever the threads do. */
  classes = g_new (guint8, MAX (candidates->len, 1));
  measures = g_new (double, MAX (candidates->len, 1));
  vg_flood_overlay_classify (grid, shapes, (const guint *) (gpointer) candidates->data,
                             (const double *) (gpointer) boxes->data, vg_flood_assets_get_measures (self->assets, kind),
                             candidates->len, n_threads, classes, measures);
  for (guint k = 0; k < candidates->len; k++)
    if (classes[k] == VG_GRID_BOUNDARY)
      g_array_append_val (boundary, k);
  vg_flood_overlay_measure (grid, shapes, (const guint *) (gpointer) candidates->data, candidates->len,
                            n_threads, classes, measures);

  self->stats.candidates += candidates->len;
  self->stats.boundary += boundary->len;
  for (guint b = 0; b < boundary->len; b++)
    {
      guint k = g_array_index (boundary, guint, b);

      if (classes[k] == VG_GRID_INSIDE)
        {
          Partial p = { g_array_index (candidates, guint, k), measures[k] };

          g_array_append_val (partial, p);
        }
    }
  g_array_sort (partial, compare_partial);
  if (kind == VG_FLOOD_ASSET_ROAD)
    streets = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < candidates->len; k++)
    {
      guint asset = g_array_index (candidates, guint, k);

      if (classes[k] != VG_GRID_INSIDE)
        continue;
      bit_set (bits, asset);
      count++;
      sum += measures[k];
      if (streets != NULL && name_col >= 0 && vg_layer_get_value (layer, asset, name_col) != NULL)
        g_hash_table_add (streets, (gpointer) vg_layer_get_value (layer, asset, name_col));
      if (kind == VG_FLOOD_ASSET_SITE && category_col >= 0 &&
          is_vulnerable (vg_layer_get_value (layer, asset, category_col)))
        t->vulnerable_sites++;
    }
  self->stats.intersecting += count;

  switch (kind)
    {
    case VG_FLOOD_ASSET_BUILDING:
      t->buildings = count;
      t->building_area_m2 = sum;
      break;
    case VG_FLOOD_ASSET_ADDRESS:
      t->addresses = count;
      t->residents = count * VG_FLOOD_RESIDENTS_PER_ADDRESS;
      break;
    case VG_FLOOD_ASSET_ROAD:
      t->road_segments = count;
      t->road_length_m = sum;
      t->streets_cut = g_hash_table_size (streets);
      break;
    case VG_FLOOD_ASSET_SITE:
      t->sites = count;
      break;
    case VG_N_FLOOD_ASSETS:
    default:
      g_assert_not_reached ();
    }
}

VgFloodExposureIndex *
vg_flood_exposure_index_new (VgFloodLibrary *library,
                             VgFloodAssets  *assets,
                             guint           n_threads)
{
  VgFloodExposureIndex *self;
  g_auto(GStrv) gauges = NULL;

  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (library), NULL);
  g_return_val_if_fail (VG_IS_FLOOD_ASSETS (assets), NULL);

  self = g_object_new (VG_TYPE_FLOOD_EXPOSURE_INDEX, NULL);
  self->library = g_object_ref (library);
  self->assets = g_object_ref (assets);
  self->n_envelopes = vg_flood_library_get_n_envelopes (library);
  self->totals = g_new0 (VgFloodTotals, MAX (self->n_envelopes, 1));
  for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
    if (vg_flood_assets_get_layer (assets, k) != NULL)
      {
        self->members[k] = g_new0 (guint64 *, MAX (self->n_envelopes, 1));
        self->partial[k] = g_new0 (GArray *, MAX (self->n_envelopes, 1));
      }

  for (guint e = 0; e < self->n_envelopes; e++)
    {
      VgFloodEnvelope *envelope = vg_flood_library_get_envelope (library, e);
      g_autoptr(VgPolygonGrid) grid = vg_polygon_grid_new (vg_flood_envelope_get_extent (envelope), 0, 0);

      for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
        {
          if (self->members[k] == NULL)
            continue;
          if (grid == NULL)
            {
              /* An empty envelope reaches nothing. */
              self->members[k][e] = g_new0 (guint64, (vg_layer_get_n_features (vg_flood_assets_get_layer (assets, k)) + 63) / 64);
              self->partial[k][e] = g_array_new (FALSE, FALSE, sizeof (Partial));
              continue;
            }
          compute (self, e, grid, k, n_threads);
        }
    }

  /* Per gauge and asset, the lowest envelope reaching it: what makes a level change a lookup. */
  self->gauges = g_array_new (FALSE, TRUE, sizeof (Gauge));
  gauges = vg_flood_library_dup_gauges (library);
  for (guint g = 0; gauges[g] != NULL; g++)
    {
      Gauge gauge = { g_strdup (gauges[g]), 0, 0, { NULL } };

      vg_flood_library_get_gauge_range (library, gauges[g], &gauge.first, &gauge.n);
      for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
        {
          guint n_assets;

          if (self->members[k] == NULL)
            continue;
          n_assets = vg_layer_get_n_features (vg_flood_assets_get_layer (assets, k));
          gauge.first_level[k] = g_malloc (MAX (n_assets, 1));
          memset (gauge.first_level[k], 255, n_assets);
          for (guint r = MIN (gauge.n, 254); r-- > 0;)
            {
              const guint64 *bits = self->members[k][gauge.first + r];

              for (guint i = 0; i < n_assets; i++)
                if (bit_get (bits, i))
                  gauge.first_level[k][i] = r;
            }
        }
      g_array_append_val (self->gauges, gauge);
    }
  return self;
}

const VgFloodTotals *
vg_flood_exposure_index_get_totals (VgFloodExposureIndex *self,
                                    guint                 envelope)
{
  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE_INDEX (self), NULL);
  g_return_val_if_fail (envelope < self->n_envelopes, NULL);

  return &self->totals[envelope];
}

static const Gauge *
find_gauge (VgFloodExposureIndex *self,
            const char           *gauge)
{
  for (guint g = 0; g < self->gauges->len; g++)
    if (g_str_equal (g_array_index (self->gauges, Gauge, g).gauge, gauge))
      return &g_array_index (self->gauges, Gauge, g);
  return NULL;
}

/* The envelope answering a level: the lowest at or above it, else the highest. */
static int
pick (VgFloodExposureIndex *self,
      const char           *gauge,
      double                stage_m,
      gboolean             *beyond)
{
  int below, above;

  if (!vg_flood_library_bracket (self->library, gauge, stage_m, &below, &above))
    return -1;
  if (beyond != NULL)
    *beyond = above < 0;
  return above >= 0 ? above : below;
}

const VgFloodTotals *
vg_flood_exposure_index_lookup (VgFloodExposureIndex *self,
                                const char           *gauge,
                                double                stage_m,
                                int                  *envelope,
                                gboolean             *beyond)
{
  int e;

  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE_INDEX (self), NULL);
  g_return_val_if_fail (gauge != NULL, NULL);

  e = pick (self, gauge, stage_m, beyond);
  if (envelope != NULL)
    *envelope = e;
  return e >= 0 ? &self->totals[e] : NULL;
}

guint
vg_flood_exposure_index_select (VgFloodExposureIndex *self,
                                const char           *gauge,
                                double                stage_m,
                                VgFloodAssetKind      kind,
                                guint8               *selected)
{
  const Gauge *g;
  const guint8 *levels;
  guint n, count = 0;
  int e;
  guint8 rank;

  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE_INDEX (self), 0);
  g_return_val_if_fail (kind < VG_N_FLOOD_ASSETS && selected != NULL, 0);

  g = find_gauge (self, gauge);
  e = pick (self, gauge, stage_m, NULL);
  if (g == NULL || e < 0 || g->first_level[kind] == NULL)
    return 0;
  rank = (guint8) (e - g->first);
  levels = g->first_level[kind];
  n = vg_layer_get_n_features (vg_flood_assets_get_layer (self->assets, kind));
  /* One compare per asset, branch-free: the compiler vectorises it. */
  for (guint i = 0; i < n; i++)
    {
      guint8 hit = levels[i] <= rank;

      selected[i] = hit;
      count += hit;
    }
  return count;
}

const guint8 *
vg_flood_exposure_index_get_first_levels (VgFloodExposureIndex *self,
                                          const char           *gauge,
                                          VgFloodAssetKind      kind,
                                          guint                *n)
{
  const Gauge *g;

  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE_INDEX (self), NULL);
  g_return_val_if_fail (kind < VG_N_FLOOD_ASSETS, NULL);

  g = find_gauge (self, gauge);
  if (n != NULL)
    *n = g && g->first_level[kind] ? vg_layer_get_n_features (vg_flood_assets_get_layer (self->assets, kind)) : 0;
  return g ? g->first_level[kind] : NULL;
}

static double
inside_of (GArray  *partial,
           guint    asset,
           double   full)
{
  guint lo = 0, hi = partial->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint32 a = g_array_index (partial, Partial, mid).asset;

      if (a == asset)
        return g_array_index (partial, Partial, mid).inside;
      if (a < asset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return full;
}

VgFloodExposure *
vg_flood_exposure_index_dup_exposure (VgFloodExposureIndex *self,
                                      guint                 envelope,
                                      GDateTime            *time)
{
  VgFloodEnvelope *env;
  VgFloodExposure *exposure;
  g_autofree char *library_version = NULL;

  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE_INDEX (self), NULL);
  g_return_val_if_fail (envelope < self->n_envelopes, NULL);

  env = vg_flood_library_get_envelope (self->library, envelope);
  library_version = g_strdup_printf ("%s (%s)", vg_flood_library_get_name (self->library),
                                     vg_flood_library_get_version (self->library));
  exposure = vg_flood_exposure_new (env, time, &self->totals[envelope], method, library_version,
                                    vg_flood_assets_get_version (self->assets));
  for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
    {
      VgLayer *layer = vg_flood_assets_get_layer (self->assets, k);
      VgShapeSet *shapes;
      const guint64 *bits;
      int name_col, cat_col, number_col, suffix_col, street_col;

      if (self->members[k] == NULL)
        continue;
      shapes = vg_layer_get_shapes (layer);
      bits = self->members[k][envelope];
      name_col = vg_layer_find_column (layer, k == VG_FLOOD_ASSET_BUILDING ? "label" : "name");
      cat_col = vg_layer_find_column (layer, k == VG_FLOOD_ASSET_SITE ? "category" : "class");
      number_col = vg_layer_find_column (layer, "number");
      suffix_col = vg_layer_find_column (layer, "suffix");
      street_col = vg_layer_find_column (layer, "street");
      for (guint i = 0; i < vg_layer_get_n_features (layer); i++)
        {
          VgFloodExposedAsset a = { k, i, NULL, NULL, 0, 0, -1 };
          g_autofree char *address = NULL;

          if (!bit_get (bits, i))
            continue;
          a.total = vg_flood_assets_get_measures (self->assets, k)[i];
          a.inside = inside_of (self->partial[k][envelope], i, a.total);
          if (k == VG_FLOOD_ASSET_ADDRESS)
            {
              /* "12 bis rue de la Loge": number, suffix, street as published. */
              address = g_strjoin (" ", number_col >= 0 && vg_layer_get_value (layer, i, number_col) ? vg_layer_get_value (layer, i, number_col) : "",
                                   suffix_col >= 0 && vg_layer_get_value (layer, i, suffix_col) ? vg_layer_get_value (layer, i, suffix_col) : "",
                                   street_col >= 0 && vg_layer_get_value (layer, i, street_col) ? vg_layer_get_value (layer, i, street_col) : "",
                                   NULL);
              a.name = g_strstrip (g_strdelimit (address, "\t", ' '));
            }
          else if (name_col >= 0)
            a.name = vg_layer_get_value (layer, i, name_col);
          if (cat_col >= 0)
            a.category = vg_layer_get_value (layer, i, cat_col);
          if (k == VG_FLOOD_ASSET_SITE)
            {
              const double *xy = vg_shape_set_get_part (shapes, i, 0, NULL, NULL);
              VgFloodDepthClass depth;

              if (vg_flood_envelope_get_depth_at (env, xy[0], xy[1], &depth))
                a.depth_class = depth;
            }
          vg_flood_exposure_add_asset (exposure, &a);
        }
    }
  return exposure;
}

const VgFloodIndexStats *
vg_flood_exposure_index_get_stats (VgFloodExposureIndex *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE_INDEX (self), NULL);

  return &self->stats;
}

const char *
vg_flood_exposure_index_get_method (void)
{
  return method;
}
