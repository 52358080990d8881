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
#include "vg-vector-file.h"

struct _VgFloodAssets
{
  GObject   parent_instance;

  VgLayer  *layers[VG_N_FLOOD_ASSETS];
  VgRtree  *index[VG_N_FLOOD_ASSETS];
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

void
vg_flood_assets_set_layer (VgFloodAssets    *self,
                           VgFloodAssetKind  kind,
                           VgLayer          *layer,
                           const char       *version)
{
  g_return_if_fail (VG_IS_FLOOD_ASSETS (self));
  g_return_if_fail (kind < VG_N_FLOOD_ASSETS);
  g_return_if_fail (VG_IS_LAYER (layer));

  g_set_object (&self->layers[kind], layer);
  g_clear_pointer (&self->index[kind], vg_rtree_unref);
  self->index[kind] = vg_rtree_new_for_shapes (vg_layer_get_shapes (layer));
  if (version != NULL)
    g_string_append_printf (self->version, "%s%s: %s", self->version->len ? "; " : "", kinds[kind].id, version);
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

/* @layer with its polygons made valid; repairs said in @warnings as "FILE, LAYER, feature N:
 * reason". */
static VgLayer *
repaired (VgLayer     *layer,
          const char  *path,
          GPtrArray   *warnings,
          GError     **error)
{
  g_autoptr(VgGeosContext) geos = vg_geos_context_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VgShapeSet) fixed = NULL;

  fixed = vg_geos_context_repair_polygons (geos, vg_layer_get_shapes (layer), lines, error);
  if (fixed == NULL)
    {
      g_prefix_error (error, "“%s”, layer “%s”: ", path, vg_layer_get_name (layer));
      return NULL;
    }
  for (guint i = 0; warnings != NULL && i < lines->len; i++)
    g_ptr_array_add (warnings, g_strdup_printf ("“%s”, layer “%s”, %s: repaired with GEOS MakeValid", path,
                                                vg_layer_get_name (layer), (char *) g_ptr_array_index (lines, i)));
  if (lines->len > 0)
    vg_layer_set_shapes (layer, fixed);
  return g_object_ref (layer);
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

static gboolean
add_layer (VgFloodAssets     *self,
           VgFloodAssetKind   kind,
           VgLayer           *layer,
           const char        *path,
           const char        *version,
           GPtrArray         *warnings,
           GError           **error)
{
  g_autoptr(VgLayer) valid = NULL;
  g_autofree char *label = NULL;

  if (vg_layer_get_n_features (layer) == 0)
    return TRUE;
  if (self->layers[kind] != NULL)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_INVALID,
                   "“%s”: %s assets already come from another file", path, kinds[kind].id);
      return FALSE;
    }
  valid = kind == VG_FLOOD_ASSET_BUILDING ? repaired (layer, path, warnings, error) : g_object_ref (layer);
  if (valid == NULL)
    return FALSE;
  label = g_strdup_printf ("%s layer %s (%s)", path, vg_layer_get_name (layer), version);
  vg_flood_assets_set_layer (self, kind, valid, label);
  return TRUE;
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
          if (layer == NULL || !add_layer (self, k, layer, path, version, warnings, error))
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
        if (!add_layer (self, k, part, path, version, warnings, error))
          return FALSE;
      }
  }
  return TRUE;
}
