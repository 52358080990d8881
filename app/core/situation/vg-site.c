/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-site"

#include "config.h"

#include "vg-crs-transform.h"
#include "vg-error.h"
#include "vg-site.h"

struct _VgSite
{
  GObject         parent_instance;

  char           *id;
  char           *name;
  VgSiteCategory  category;
  double          x, y;       /* Lambert-93 */
  double          lon, lat;   /* WGS84 */
};

G_DEFINE_FINAL_TYPE (VgSite, vg_site, G_TYPE_OBJECT)

static void
vg_site_finalize (GObject *object)
{
  VgSite *self = VG_SITE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (vg_site_parent_class)->finalize (object);
}

static void
vg_site_class_init (VgSiteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_site_finalize;
}

static void
vg_site_init (VgSite *self)
{
}

VgSite *
vg_site_new (const char     *id,
             VgSiteCategory  category,
             const char     *name,
             double          x_l93,
             double          y_l93,
             double          lon,
             double          lat)
{
  VgSite *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (category < VG_N_SITE_CATEGORIES, NULL);

  self = g_object_new (VG_TYPE_SITE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name ? name : "");
  self->category = category;
  self->x = x_l93;
  self->y = y_l93;
  self->lon = lon;
  self->lat = lat;
  return self;
}

const char *
vg_site_get_id (VgSite *self)
{
  g_return_val_if_fail (VG_IS_SITE (self), NULL);

  return self->id;
}

VgSiteCategory
vg_site_get_category (VgSite *self)
{
  g_return_val_if_fail (VG_IS_SITE (self), 0);

  return self->category;
}

const char *
vg_site_get_name (VgSite *self)
{
  g_return_val_if_fail (VG_IS_SITE (self), NULL);

  return self->name;
}

void
vg_site_get_l93 (VgSite *self,
                 double *x,
                 double *y)
{
  g_return_if_fail (VG_IS_SITE (self));

  *x = self->x;
  *y = self->y;
}

double
vg_site_get_longitude (VgSite *self)
{
  g_return_val_if_fail (VG_IS_SITE (self), 0);

  return self->lon;
}

double
vg_site_get_latitude (VgSite *self)
{
  g_return_val_if_fail (VG_IS_SITE (self), 0);

  return self->lat;
}

GListStore *
vg_site_load_all (VgGpkg  *gpkg,
                  GError **error)
{
  static const char * const columns[] = { "category", "name", "source", "source_id", NULL };
  g_autoptr(VgLayer) layer = NULL;
  g_autoptr(VgCrsTransform) to_wgs84 = NULL;
  g_autoptr(GListStore) sites = NULL;
  VgShapeSet *shapes;

  g_return_val_if_fail (VG_IS_GPKG (gpkg), NULL);

  layer = vg_gpkg_read_layer (gpkg, "sites", columns, error);
  if (layer == NULL)
    return NULL;
  if (!g_str_equal (vg_layer_get_crs (layer), "EPSG:2154"))
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS,
                   "GeoPackage “%s”, layer “sites”: expected Lambert-93 (EPSG:2154), found %s",
                   vg_gpkg_get_path (gpkg), vg_layer_get_crs (layer));
      return NULL;
    }
  to_wgs84 = vg_crs_transform_new ("EPSG:2154", "EPSG:4326", error);
  if (to_wgs84 == NULL)
    return NULL;

  shapes = vg_layer_get_shapes (layer);
  sites = g_list_store_new (VG_TYPE_SITE);
  for (guint i = 0; i < vg_layer_get_n_features (layer); i++)
    {
      const char *category_id = vg_layer_get_value (layer, i, 0);
      g_autofree char *id = NULL;
      g_autoptr(VgSite) site = NULL;
      VgSiteCategory category;
      const double *xy;
      double lon, lat;
      guint n;

      if (!vg_site_category_from_id (category_id, &category))
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "GeoPackage “%s”, layer “sites”, feature %u: unknown category “%s”",
                       vg_gpkg_get_path (gpkg), i + 1, category_id ? category_id : "(none)");
          return NULL;
        }
      if (vg_shape_set_get_kind (shapes, i) != VG_SHAPE_POINT)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "GeoPackage “%s”, layer “sites”, feature %u: not a point",
                       vg_gpkg_get_path (gpkg), i + 1);
          return NULL;
        }
      xy = vg_shape_set_get_part (shapes, i, 0, &n, NULL);
      lon = xy[0];
      lat = xy[1];
      if (!vg_crs_transform_point (to_wgs84, &lon, &lat, error))
        return NULL;

      id = g_strdup_printf ("%s:%s", vg_layer_get_value (layer, i, 2) ?: "sites",
                            vg_layer_get_value (layer, i, 3) ?: "?");
      site = vg_site_new (id, category, vg_layer_get_value (layer, i, 1), xy[0], xy[1], lon, lat);
      g_list_store_append (sites, site);
    }
  return g_steal_pointer (&sites);
}
