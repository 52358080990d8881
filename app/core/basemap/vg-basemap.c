/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-basemap"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-basemap.h"
#include "vg-crs-transform.h"
#include "vg-data-dir.h"
#include "vg-error.h"
#include "vg-geos-context.h"
#include "vg-gpkg.h"

typedef struct
{
  const char *table;
  const char *columns[3];
  gboolean    label_points;   /* polygons labelled by name: precompute a point inside each */
} LayerSpec;

static const LayerSpec layer_specs[VG_BASEMAP_N_LAYERS] = {
  [VG_BASEMAP_METROPOLE]    = { "metropole",    { "name", NULL }, FALSE },
  [VG_BASEMAP_COMMUNES]     = { "communes",     { "insee", "name", NULL }, TRUE },
  [VG_BASEMAP_QUARTIERS]    = { "quartiers",    { "name", NULL }, TRUE },
  [VG_BASEMAP_WATERCOURSES] = { "watercourses", { "name", NULL }, TRUE },
  [VG_BASEMAP_BUILDINGS]    = { "buildings",    { NULL }, FALSE },
  [VG_BASEMAP_STREETS]      = { "streets",      { "name", "class", NULL }, FALSE },
};

struct _VgBasemap
{
  GObject  parent_instance;

  VgLayer *layers[VG_BASEMAP_N_LAYERS];
  GArray  *label_points[VG_BASEMAP_N_LAYERS];   /* double x,y per feature, or NULL */
  double   extent[4];
  double   detail_extent[4];
  char    *data_version;
};

G_DEFINE_FINAL_TYPE (VgBasemap, vg_basemap, G_TYPE_OBJECT)

static void
vg_basemap_finalize (GObject *object)
{
  VgBasemap *self = VG_BASEMAP (object);

  for (guint i = 0; i < VG_BASEMAP_N_LAYERS; i++)
    {
      g_clear_object (&self->layers[i]);
      g_clear_pointer (&self->label_points[i], g_array_unref);
    }
  g_clear_pointer (&self->data_version, g_free);

  G_OBJECT_CLASS (vg_basemap_parent_class)->finalize (object);
}

static void
vg_basemap_class_init (VgBasemapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_basemap_finalize;
}

static void
vg_basemap_init (VgBasemap *self)
{
}

static gboolean
transform_cb (double   *xy,
              gsize     n_points,
              gpointer  user_data)
{
  return vg_crs_transform_apply (user_data, xy, n_points, NULL);
}

/* A point inside each polygon (GEOS PointOnSurface), so labels never fall outside a commune. */
static GArray *
compute_label_points (VgGeosContext *geos,
                      VgLayer       *layer)
{
  VgShapeSet *shapes = vg_layer_get_shapes (layer);
  GEOSContextHandle_t h = vg_geos_context_get_handle (geos);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < vg_shape_set_get_n_shapes (shapes); i++)
    {
      const double *bbox = vg_shape_set_get_bbox (shapes, i);
      double xy[2] = { (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2 };
      GEOSGeometry *g = vg_geos_context_shape_to_geos (geos, shapes, i, NULL);
      GEOSGeometry *p = g ? GEOSPointOnSurface_r (h, g) : NULL;

      if (p != NULL && GEOSisEmpty_r (h, p) == 0)
        {
          GEOSGeomGetX_r (h, p, &xy[0]);
          GEOSGeomGetY_r (h, p, &xy[1]);
        }
      if (p != NULL)
        GEOSGeom_destroy_r (h, p);
      if (g != NULL)
        GEOSGeom_destroy_r (h, g);
      g_array_append_vals (points, xy, 2);
    }
  return points;
}

VgBasemap *
vg_basemap_new_from_gpkg (const char  *path,
                          GError     **error)
{
  g_autoptr(VgBasemap) self = NULL;
  g_autoptr(VgGpkg) gpkg = NULL;
  g_autoptr(VgGeosContext) geos = NULL;
  g_autoptr(GHashTable) transforms = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  gpkg = vg_gpkg_open (path, error);
  if (gpkg == NULL)
    return NULL;

  self = g_object_new (VG_TYPE_BASEMAP, NULL);
  self->data_version = vg_gpkg_dup_fingerprint (gpkg);
  geos = vg_geos_context_new ();
  transforms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < VG_BASEMAP_N_LAYERS; i++)
    {
      const LayerSpec *spec = &layer_specs[i];
      g_autoptr(VgLayer) layer = NULL;
      VgCrsTransform *to_mercator;

      layer = vg_gpkg_read_layer (gpkg, spec->table, spec->columns, error);
      if (layer == NULL)
        return NULL;

      to_mercator = g_hash_table_lookup (transforms, vg_layer_get_crs (layer));
      if (to_mercator == NULL)
        {
          to_mercator = vg_crs_transform_new (vg_layer_get_crs (layer), "EPSG:3857", error);
          if (to_mercator == NULL)
            return NULL;
          g_hash_table_insert (transforms, g_strdup (vg_layer_get_crs (layer)), to_mercator);
        }
      if (!vg_shape_set_map_points (vg_layer_get_shapes (layer), transform_cb, to_mercator))
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS,
                       "GeoPackage “%s”, layer “%s”: coordinates cannot be placed on the map "
                       "(from %s)", path, spec->table, vg_layer_get_crs (layer));
          return NULL;
        }
      if (spec->label_points)
        self->label_points[i] = compute_label_points (geos, layer);
      self->layers[i] = g_steal_pointer (&layer);
    }

  if (!vg_shape_set_get_extent (vg_layer_get_shapes (self->layers[VG_BASEMAP_METROPOLE]), self->extent))
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND,
                   "GeoPackage “%s”: the Métropole outline is empty", path);
      return NULL;
    }
  if (!vg_shape_set_get_extent (vg_layer_get_shapes (self->layers[VG_BASEMAP_STREETS]), self->detail_extent))
    memcpy (self->detail_extent, self->extent, sizeof self->extent);

  return g_steal_pointer (&self);
}

VgBasemap *
vg_basemap_new_default (GError **error)
{
  g_autofree char *path = vg_data_dir_find ("geodata/montpellier.gpkg", error);

  if (path == NULL)
    return NULL;
  return vg_basemap_new_from_gpkg (path, error);
}

VgLayer *
vg_basemap_get_layer (VgBasemap      *self,
                      VgBasemapLayer  layer)
{
  g_return_val_if_fail (VG_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (layer < VG_BASEMAP_N_LAYERS, NULL);

  return self->layers[layer];
}

int
vg_basemap_get_column (VgBasemap      *self,
                       VgBasemapLayer  layer,
                       const char     *column)
{
  g_return_val_if_fail (VG_IS_BASEMAP (self), -1);
  g_return_val_if_fail (layer < VG_BASEMAP_N_LAYERS, -1);

  return vg_layer_find_column (self->layers[layer], column);
}

void
vg_basemap_get_extent (VgBasemap *self,
                       double     bbox[4])
{
  g_return_if_fail (VG_IS_BASEMAP (self));

  memcpy (bbox, self->extent, sizeof self->extent);
}

void
vg_basemap_get_detail_extent (VgBasemap *self,
                              double     bbox[4])
{
  g_return_if_fail (VG_IS_BASEMAP (self));

  memcpy (bbox, self->detail_extent, sizeof self->detail_extent);
}

void
vg_basemap_get_label_point (VgBasemap      *self,
                            VgBasemapLayer  layer,
                            guint           feature,
                            double         *x,
                            double         *y)
{
  GArray *points;

  g_return_if_fail (VG_IS_BASEMAP (self));
  g_return_if_fail (layer < VG_BASEMAP_N_LAYERS);

  points = self->label_points[layer];
  g_return_if_fail (points != NULL && 2 * feature + 1 < points->len);
  *x = g_array_index (points, double, 2 * feature);
  *y = g_array_index (points, double, 2 * feature + 1);
}

const char *
vg_basemap_get_data_version (VgBasemap *self)
{
  g_return_val_if_fail (VG_IS_BASEMAP (self), NULL);

  return self->data_version;
}
