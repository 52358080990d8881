/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-assets"

#include "config.h"

#include <string.h>

#include "vg-error.h"
#include "vg-flood-assets.h"
#include "vg-geos-context.h"
#include "vg-gpkg.h"
#include "vg-polygon-grid.h"
#include "vg-vector-file.h"

struct _VgFloodAssets
{
  GObject   parent_instance;

  VgLayer  *layers[VG_N_FLOOD_ASSETS];
  VgRtree  *index[VG_N_FLOOD_ASSETS];
  double   *measures[VG_N_FLOOD_ASSETS];
  GString  *version;
};

G_DEFINE_FINAL_TYPE (VgFloodAssets, vg_flood_assets, G_TYPE_OBJECT)

static const struct {
  const char *id;
  const char *gpkg_layer;
  const char *columns[5];
} kinds[VG_N_FLOOD_ASSETS] = {
  [VG_FLOOD_ASSET_BUILDING] = { "building", "buildings", { "label", "quartier", NULL } },
  [VG_FLOOD_ASSET_ADDRESS]  = { "address", "addresses", { "number", "suffix", "street", NULL } },
  [VG_FLOOD_ASSET_ROAD]     = { "road", "streets", { "name", "class", NULL } },
  [VG_FLOOD_ASSET_SITE]     = { "site", "sites", { "category", "name", "source", "source_id" } },
};

static void
vg_flood_assets_finalize (GObject *object)
{
  VgFloodAssets *self = VG_FLOOD_ASSETS (object);

  for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
    {
      g_clear_object (&self->layers[k]);
      g_clear_pointer (&self->index[k], vg_rtree_unref);
      g_clear_pointer (&self->measures[k], g_free);
    }
  g_string_free (self->version, TRUE);

  G_OBJECT_CLASS (vg_flood_assets_parent_class)->finalize (object);
}

static void
vg_flood_assets_class_init (VgFloodAssetsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_flood_assets_finalize;
}

static void
vg_flood_assets_init (VgFloodAssets *self)
{
  self->version = g_string_new (NULL);
}

VgFloodAssets *
vg_flood_assets_new (void)
{
  return g_object_new (VG_TYPE_FLOOD_ASSETS, NULL);
}

const char *
vg_flood_asset_kind_to_id (VgFloodAssetKind kind)
{
  g_return_val_if_fail (kind < VG_N_FLOOD_ASSETS, NULL);

  return kinds[kind].id;
}

VgLayer *
vg_flood_assets_get_layer (VgFloodAssets    *self,
                           VgFloodAssetKind  kind)
{
  g_return_val_if_fail (VG_IS_FLOOD_ASSETS (self), NULL);
  g_return_val_if_fail (kind < VG_N_FLOOD_ASSETS, NULL);

  return self->layers[kind];
}

VgRtree *
vg_flood_assets_get_index (VgFloodAssets    *self,
                           VgFloodAssetKind  kind)
{
  g_return_val_if_fail (VG_IS_FLOOD_ASSETS (self), NULL);
  g_return_val_if_fail (kind < VG_N_FLOOD_ASSETS, NULL);

  return self->index[kind];
}

const char *
vg_flood_assets_get_version (VgFloodAssets *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_ASSETS (self), NULL);

  return self->version->str;
}

static inline double
orient (const double *a,
        const double *b,
        const double *c)
{
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/* Whether closed segments a–b and c–d meet. */
static gboolean
segments_meet (const double *a,
               const double *b,
               const double *c,
               const double *d)
{
  double o1 = orient (a, b, c), o2 = orient (a, b, d), o3 = orient (c, d, a), o4 = orient (c, d, b);

  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)))
    return TRUE;
  /* Touching or collinear: any endpoint on the other segment. */
  return (o1 == 0 && MIN (a[0], b[0]) <= c[0] && c[0] <= MAX (a[0], b[0]) && MIN (a[1], b[1]) <= c[1] && c[1] <= MAX (a[1], b[1])) ||
         (o2 == 0 && MIN (a[0], b[0]) <= d[0] && d[0] <= MAX (a[0], b[0]) && MIN (a[1], b[1]) <= d[1] && d[1] <= MAX (a[1], b[1])) ||
         (o3 == 0 && MIN (c[0], d[0]) <= a[0] && a[0] <= MAX (c[0], d[0]) && MIN (c[1], d[1]) <= a[1] && a[1] <= MAX (c[1], d[1])) ||
         (o4 == 0 && MIN (c[0], d[0]) <= b[0] && b[0] <= MAX (c[0], d[0]) && MIN (c[1], d[1]) <= b[1] && b[1] <= MAX (c[1], d[1]));
}

/* A polygon that is surely valid: one closed ring of 4 to 64 points, no repeated point, no spike,
 * no two non-adjacent edges meeting, some area. Anything else goes to GEOS. */
static gboolean
surely_valid (VgShapeSet *shapes,
              guint       index)
{
  guint n;
  const double *xy;

  if (vg_shape_set_get_n_parts (shapes, index) != 1)
    return FALSE;
  xy = vg_shape_set_get_part (shapes, index, 0, &n, NULL);
  if (n < 4 || n > 64 || xy[0] != xy[2 * n - 2] || xy[1] != xy[2 * n - 1] || vg_shape_polygon_area (shapes, index) <= 0)
    return FALSE;
  for (guint i = 0; i + 1 < n; i++)
    {
      const double *a = xy + 2 * i, *b = a + 2, *c = xy + 2 * ((i + 2) % (n - 1));

      /* Repeated points, and spikes (an edge folding back on the previous one). */
      if ((a[0] == b[0] && a[1] == b[1]) ||
          (orient (a, b, c) == 0 && (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0))
        return FALSE;
      for (guint j = i + 2; j + 1 < n; j++)
        if (!(i == 0 && j == n - 2) && segments_meet (a, b, xy + 2 * j, xy + 2 * j + 2))
          return FALSE;
    }
  return TRUE;
}

static void
copy_shape (VgShapeSet *from,
            guint       index,
            VgShapeSet *into)
{
  vg_shape_set_begin_shape (into, vg_shape_set_get_kind (from, index));
  for (guint p = 0; p < vg_shape_set_get_n_parts (from, index); p++)
    {
      guint n;
      gboolean outer;
      const double *xy = vg_shape_set_get_part (from, index, p, &n, &outer);

      vg_shape_set_begin_part (into, outer);
      for (guint i = 0; i < n; i++)
        vg_shape_set_add_point (into, xy[2 * i], xy[2 * i + 1]);
    }
  vg_shape_set_end_shape (into);
}

/* Makes @layer's polygons valid in place; repairs said in @warnings as "SOURCE, feature N:
 * reason". Only polygons not surely valid are handed to GEOS. */
static gboolean
repair (VgLayer     *layer,
        const char  *source,
        GPtrArray   *warnings,
        GError     **error)
{
  VgShapeSet *shapes = vg_layer_get_shapes (layer);
  g_autoptr(VgGeosContext) geos = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) doubtful = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(VgShapeSet) subset = vg_shape_set_new ();
  g_autoptr(VgShapeSet) fixed = NULL;
  g_autoptr(VgShapeSet) whole = NULL;
  guint n = vg_shape_set_get_n_shapes (shapes);

  for (guint i = 0; i < n; i++)
    if (vg_shape_set_get_kind (shapes, i) == VG_SHAPE_POLYGON && !surely_valid (shapes, i))
      {
        g_array_append_val (doubtful, i);
        copy_shape (shapes, i, subset);
      }
  if (doubtful->len == 0)
    return TRUE;

  geos = vg_geos_context_new ();
  fixed = vg_geos_context_repair_polygons (geos, subset, lines, error);
  if (fixed == NULL)
    {
      /* "Feature K" of the subset is feature doubtful[K - 1] of the layer. */
      g_prefix_error (error, "%s: ", source);
      return FALSE;
    }
  if (lines->len == 0)
    return TRUE;
  for (guint l = 0; l < lines->len; l++)
    {
      const char *line = g_ptr_array_index (lines, l);
      char *rest = NULL;
      guint k = (guint) g_ascii_strtoull (line + strlen ("feature "), &rest, 10);

      if (warnings != NULL && k >= 1 && k <= doubtful->len)
        g_ptr_array_add (warnings, g_strdup_printf ("%s, feature %u%s: repaired with GEOS MakeValid", source,
                                                    g_array_index (doubtful, guint, k - 1) + 1, rest));
    }
  whole = vg_shape_set_new ();
  for (guint i = 0, k = 0; i < n; i++)
    {
      if (k < doubtful->len && g_array_index (doubtful, guint, k) == i)
        copy_shape (fixed, k++, whole);
      else
        copy_shape (shapes, i, whole);
    }
  vg_layer_set_shapes (layer, whole);
  return TRUE;
}

/* The features of @layer whose shapes are of @shape_kind — and, if @column >= 0, that have a
 * value there (@with_value) or none (!@with_value) — as a new layer with those of @columns the
 * layer has. */
static VgLayer *
select_features (VgLayer            *layer,
                 VgShapeKind         shape_kind,
                 int                 column,
                 gboolean            with_value,
                 const char * const *columns)
{
  g_autoptr(VgShapeSet) shapes = vg_shape_set_new ();
  g_autoptr(VgLayer) out = NULL;
  g_autoptr(GPtrArray) present = g_ptr_array_new ();
  g_autoptr(GArray) source_columns = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree const char **row = NULL;
  VgShapeSet *from = vg_layer_get_shapes (layer);

  for (guint c = 0; columns[c] != NULL; c++)
    {
      int index = vg_layer_find_column (layer, columns[c]);

      if (index < 0)
        continue;
      g_ptr_array_add (present, (gpointer) columns[c]);
      g_array_append_val (source_columns, index);
    }
  g_ptr_array_add (present, NULL);
  out = vg_layer_new (vg_layer_get_name (layer), vg_layer_get_crs (layer), shapes,
                      (const char * const *) present->pdata);
  row = g_new0 (const char *, present->len);
  for (guint f = 0; f < vg_layer_get_n_features (layer); f++)
    {
      const char *v = column >= 0 ? vg_layer_get_value (layer, f, column) : NULL;

      if (vg_shape_set_get_kind (from, f) != shape_kind)
        continue;
      if (column >= 0 && (v != NULL && *v != '\0') != with_value)
        continue;
      vg_shape_set_begin_shape (shapes, shape_kind);
      for (guint p = 0; p < vg_shape_set_get_n_parts (from, f); p++)
        {
          guint n;
          gboolean outer;
          const double *xy = vg_shape_set_get_part (from, f, p, &n, &outer);

          vg_shape_set_begin_part (shapes, outer);
          for (guint i = 0; i < n; i++)
            vg_shape_set_add_point (shapes, xy[2 * i], xy[2 * i + 1]);
        }
      vg_shape_set_end_shape (shapes);
      for (guint c = 0; c < source_columns->len; c++)
        row[c] = vg_layer_get_value (layer, f, g_array_index (source_columns, int, c));
      vg_layer_append_values (out, row);
    }
  return g_steal_pointer (&out);
}

gboolean
vg_flood_assets_add_layer (VgFloodAssets     *self,
                           VgFloodAssetKind   kind,
                           VgLayer           *layer,
                           const char        *source,
                           GPtrArray         *warnings,
                           GError           **error)
{
  VgShapeSet *shapes;
  guint n;

  g_return_val_if_fail (VG_IS_FLOOD_ASSETS (self), FALSE);
  g_return_val_if_fail (kind < VG_N_FLOOD_ASSETS, FALSE);
  g_return_val_if_fail (VG_IS_LAYER (layer), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (self->layers[kind] != NULL)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_INVALID, "%s: %s assets already come from elsewhere",
                   source, kinds[kind].id);
      return FALSE;
    }
  if (kind == VG_FLOOD_ASSET_BUILDING && !repair (layer, source, warnings, error))
    return FALSE;

  shapes = vg_layer_get_shapes (layer);
  n = vg_shape_set_get_n_shapes (shapes);
  self->layers[kind] = g_object_ref (layer);
  self->index[kind] = vg_rtree_new_for_shapes (shapes);
  self->measures[kind] = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    switch (vg_shape_set_get_kind (shapes, i))
      {
      case VG_SHAPE_POLYGON:
        self->measures[kind][i] = vg_shape_polygon_area (shapes, i);
        break;
      case VG_SHAPE_LINE:
        self->measures[kind][i] = vg_shape_line_length (shapes, i);
        break;
      case VG_SHAPE_POINT:
        self->measures[kind][i] = vg_shape_set_get_n_parts (shapes, i);
        break;
      case VG_SHAPE_NONE:
      default:
        self->measures[kind][i] = 0;
        break;
      }
  g_string_append_printf (self->version, "%s%s: %s", self->version->len ? "; " : "", kinds[kind].id, source);
  return TRUE;
}

const double *
vg_flood_assets_get_measures (VgFloodAssets    *self,
                              VgFloodAssetKind  kind)
{
  g_return_val_if_fail (VG_IS_FLOOD_ASSETS (self), NULL);
  g_return_val_if_fail (kind < VG_N_FLOOD_ASSETS, NULL);

  return self->measures[kind];
}

/* A file's layer as assets of @kind, named "FILE, layer L (VERSION)". */
static gboolean
add_file_layer (VgFloodAssets     *self,
                VgFloodAssetKind   kind,
                VgLayer           *layer,
                const char        *path,
                const char        *version,
                GPtrArray         *warnings,
                GError           **error)
{
  g_autofree char *source = NULL;

  if (vg_layer_get_n_features (layer) == 0)
    return TRUE;
  source = g_strdup_printf ("“%s”, layer “%s” (%s)", path, vg_layer_get_name (layer), version);
  return vg_flood_assets_add_layer (self, kind, layer, source, warnings, error);
}

gboolean
vg_flood_assets_add_file (VgFloodAssets  *self,
                          const char     *path,
                          GPtrArray      *warnings,
                          GError        **error)
{
  g_autofree char *version = NULL;

  g_return_val_if_fail (VG_IS_FLOOD_ASSETS (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (vg_vector_file_is_sqlite (path))
    {
      g_autoptr(VgGpkg) gpkg = vg_gpkg_open (path, error);
      g_auto(GStrv) layers = NULL;
      gboolean any = FALSE;

      if (gpkg == NULL)
        return FALSE;
      layers = vg_gpkg_list_layers (gpkg);
      version = vg_gpkg_dup_fingerprint (gpkg);
      for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
        {
          g_autoptr(VgLayer) layer = NULL;

          if (!g_strv_contains ((const char * const *) layers, kinds[k].gpkg_layer))
            continue;
          any = TRUE;
          layer = vg_vector_file_read (path, kinds[k].gpkg_layer, kinds[k].columns, error);
          if (layer == NULL || !add_file_layer (self, k, layer, path, version, warnings, error))
            return FALSE;
        }
      if (!any)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND,
                       "GeoPackage “%s” has none of the layers buildings, addresses, streets, sites", path);
          return FALSE;
        }
      return TRUE;
    }

  {
    static const char * const all[] = { "label", "quartier", "number", "suffix", "street", "name", "class",
                                        "category", "source", "source_id", NULL };
    g_autoptr(VgLayer) layer = vg_vector_file_read (path, NULL, all, error);
    g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
    g_autoptr(GMappedFile) file = NULL;
    int category;

    if (layer == NULL)
      return FALSE;
    file = g_mapped_file_new (path, FALSE, NULL);
    if (file != NULL && g_mapped_file_get_length (file) > 0)
      g_checksum_update (sum, (const guchar *) g_mapped_file_get_contents (file), g_mapped_file_get_length (file));
    version = g_strdup_printf ("sha256:%.16s", g_checksum_get_string (sum));
    category = vg_layer_find_column (layer, "category");
    for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
      {
        g_autoptr(VgLayer) part = NULL;

        switch (k)
          {
          case VG_FLOOD_ASSET_BUILDING:
            part = select_features (layer, VG_SHAPE_POLYGON, -1, FALSE, kinds[k].columns);
            break;
          case VG_FLOOD_ASSET_ROAD:
            part = select_features (layer, VG_SHAPE_LINE, -1, FALSE, kinds[k].columns);
            break;
          case VG_FLOOD_ASSET_ADDRESS:
          case VG_FLOOD_ASSET_SITE:
            if (category < 0 && k == VG_FLOOD_ASSET_SITE)
              continue;
            part = category < 0 ? select_features (layer, VG_SHAPE_POINT, -1, FALSE, kinds[k].columns)
                                : select_features (layer, VG_SHAPE_POINT, category, k == VG_FLOOD_ASSET_SITE, kinds[k].columns);
            break;
          default:
            g_assert_not_reached ();
          }
        if (!add_file_layer (self, k, part, path, version, warnings, error))
          return FALSE;
      }
  }
  return TRUE;
}
