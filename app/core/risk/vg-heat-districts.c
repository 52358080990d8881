/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-districts"

#include "config.h"

#include <math.h>

#include "vg-crs-transform.h"
#include "vg-error.h"
#include "vg-geos-context.h"
#include "vg-heat-districts.h"
#include "vg-polygon-index.h"

#define MONTPELLIER_INSEE "34172"

typedef struct {
  char               *id;
  char               *name;
  VgHeatDistrictKind  kind;
  double              density;
} District;

struct _VgHeatDistricts
{
  GObject         parent_instance;

  GArray         *districts;   /* of District */
  VgShapeSet     *shapes;
  VgPolygonIndex *index;
};

G_DEFINE_FINAL_TYPE (VgHeatDistricts, vg_heat_districts, G_TYPE_OBJECT)

static void
district_clear (gpointer data)
{
  District *d = data;

  g_free (d->id);
  g_free (d->name);
}

static void
vg_heat_districts_finalize (GObject *object)
{
  VgHeatDistricts *self = VG_HEAT_DISTRICTS (object);

  g_clear_pointer (&self->districts, g_array_unref);
  g_clear_pointer (&self->shapes, vg_shape_set_unref);
  g_clear_object (&self->index);

  G_OBJECT_CLASS (vg_heat_districts_parent_class)->finalize (object);
}

static void
vg_heat_districts_class_init (VgHeatDistrictsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_heat_districts_finalize;
}

static void
vg_heat_districts_init (VgHeatDistricts *self)
{
  self->districts = g_array_new (FALSE, TRUE, sizeof (District));
  g_array_set_clear_func (self->districts, district_clear);
  self->shapes = vg_shape_set_new ();
}

/* Reads layer @name with @columns, in Lambert-93, its invalid polygons repaired. */
static VgLayer *
read_layer (VgGpkg             *gpkg,
            VgGeosContext      *geos,
            const char         *name,
            const char * const *columns,
            GError            **error)
{
  g_autoptr(VgLayer) layer = vg_gpkg_read_layer (gpkg, name, columns, error);
  g_autoptr(VgShapeSet) repaired = NULL;

  if (layer == NULL)
    return NULL;
  if (g_strcmp0 (vg_layer_get_crs (layer), VG_CRS_LAMBERT93) != 0)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS, "%s: layer “%s” is in %s, not %s",
                   vg_gpkg_get_path (gpkg), name, vg_layer_get_crs (layer), VG_CRS_LAMBERT93);
      return NULL;
    }
  repaired = vg_geos_context_repair_polygons (geos, vg_layer_get_shapes (layer), NULL, error);
  if (repaired == NULL)
    {
      g_prefix_error (error, "%s: layer “%s”: ", vg_gpkg_get_path (gpkg), name);
      return NULL;
    }
  vg_layer_set_shapes (layer, repaired);
  return g_steal_pointer (&layer);
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

static void
add_district (VgHeatDistricts    *self,
              VgLayer            *layer,
              guint               feature,
              char               *id,
              const char         *name,
              VgHeatDistrictKind  kind)
{
  District d = { .id = id, .name = g_strdup (name), .kind = kind, .density = NAN };

  g_array_append_val (self->districts, d);
  copy_shape (vg_layer_get_shapes (layer), feature, self->shapes);
}

/* "34172-" + the sous-quartier's code, with "-2", "-3"... for a code already taken. */
static char *
sous_quartier_id (GHashTable *seen,
                  const char *code)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, code)) + 1;

  g_hash_table_insert (seen, g_strdup (code), GUINT_TO_POINTER (count));
  if (count == 1)
    return g_strdup_printf (MONTPELLIER_INSEE "-%s", code);
  return g_strdup_printf (MONTPELLIER_INSEE "-%s-%u", code, count);
}

VgHeatDistricts *
vg_heat_districts_load (VgGpkg  *gpkg,
                        GError **error)
{
  static const char * const sq_columns[] = { "code", "name", NULL };
  static const char * const commune_columns[] = { "insee", "name", NULL };
  g_autoptr(VgHeatDistricts) self = NULL;
  g_autoptr(VgGeosContext) geos = vg_geos_context_new ();
  g_autoptr(VgLayer) sous_quartiers = NULL;
  g_autoptr(VgLayer) communes = NULL;
  g_autoptr(VgLayer) buildings = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree double *built = NULL;

  g_return_val_if_fail (VG_IS_GPKG (gpkg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((sous_quartiers = read_layer (gpkg, geos, "sous_quartiers", sq_columns, error)) == NULL ||
      (communes = read_layer (gpkg, geos, "communes", commune_columns, error)) == NULL ||
      (buildings = read_layer (gpkg, geos, "buildings", NULL, error)) == NULL)
    return NULL;

  self = g_object_new (VG_TYPE_HEAT_DISTRICTS, NULL);
  for (guint i = 0; i < vg_layer_get_n_features (sous_quartiers); i++)
    {
      const char *code = vg_layer_get_value (sous_quartiers, i, 0);

      if (code == NULL || vg_shape_set_get_kind (vg_layer_get_shapes (sous_quartiers), i) != VG_SHAPE_POLYGON)
        continue;
      add_district (self, sous_quartiers, i, sous_quartier_id (seen, code),
                    vg_layer_get_value (sous_quartiers, i, 1), VG_HEAT_DISTRICT_SOUS_QUARTIER);
    }
  for (guint i = 0; i < vg_layer_get_n_features (communes); i++)
    {
      const char *insee = vg_layer_get_value (communes, i, 0);

      if (insee == NULL || g_str_equal (insee, MONTPELLIER_INSEE) ||
          vg_shape_set_get_kind (vg_layer_get_shapes (communes), i) != VG_SHAPE_POLYGON)
        continue;
      add_district (self, communes, i, g_strdup (insee), vg_layer_get_value (communes, i, 1),
                    VG_HEAT_DISTRICT_COMMUNE);
    }
  if (self->districts->len == 0)
    {
      g_set_error (error, VG_RISK_ERROR, VG_RISK_ERROR_NO_DISTRICT,
                   "%s: no sous-quartier or commune polygon to compute a heat risk for",
                   vg_gpkg_get_path (gpkg));
      return NULL;
    }

  self->index = vg_polygon_index_new (self->shapes, error);
  if (self->index == NULL)
    return NULL;
  built = g_new (double, self->districts->len);
  if (!vg_polygon_index_covered_area (self->index, vg_layer_get_shapes (buildings), built, error))
    {
      g_prefix_error (error, "%s: layer “buildings”: ", vg_gpkg_get_path (gpkg));
      return NULL;
    }
  for (guint i = 0; i < self->districts->len; i++)
    {
      District *d = &g_array_index (self->districts, District, i);

      /* The buildings layer covers Montpellier only: elsewhere "no footprint" means "no data". */
      if (d->kind == VG_HEAT_DISTRICT_SOUS_QUARTIER)
        d->density = built[i] / vg_polygon_index_get_area (self->index, i);
    }
  return g_steal_pointer (&self);
}

static const District *
get_district (VgHeatDistricts *self,
              guint            district)
{
  g_return_val_if_fail (VG_IS_HEAT_DISTRICTS (self), NULL);
  g_return_val_if_fail (district < self->districts->len, NULL);

  return &g_array_index (self->districts, District, district);
}

guint
vg_heat_districts_get_n_districts (VgHeatDistricts *self)
{
  g_return_val_if_fail (VG_IS_HEAT_DISTRICTS (self), 0);

  return self->districts->len;
}

const char *
vg_heat_districts_get_id (VgHeatDistricts *self,
                          guint            district)
{
  const District *d = get_district (self, district);

  return d != NULL ? d->id : NULL;
}

const char *
vg_heat_districts_get_name (VgHeatDistricts *self,
                            guint            district)
{
  const District *d = get_district (self, district);

  return d != NULL ? d->name : NULL;
}

VgHeatDistrictKind
vg_heat_districts_get_kind (VgHeatDistricts *self,
                            guint            district)
{
  const District *d = get_district (self, district);

  return d != NULL ? d->kind : VG_HEAT_DISTRICT_COMMUNE;
}

const char *
vg_heat_districts_kind_to_id (VgHeatDistrictKind kind)
{
  switch (kind)
    {
    case VG_HEAT_DISTRICT_SOUS_QUARTIER:
      return "sous_quartier";
    case VG_HEAT_DISTRICT_COMMUNE:
      return "commune";
    default:
      g_return_val_if_reached (NULL);
    }
}

double
vg_heat_districts_get_area (VgHeatDistricts *self,
                            guint            district)
{
  g_return_val_if_fail (get_district (self, district) != NULL, NAN);

  return vg_polygon_index_get_area (self->index, district);
}

double
vg_heat_districts_get_built_density (VgHeatDistricts *self,
                                     guint            district)
{
  const District *d = get_district (self, district);

  return d != NULL ? d->density : NAN;
}

double
vg_heat_districts_get_uhi (VgHeatDistricts *self,
                           guint            district,
                           gboolean         night)
{
  const District *d = get_district (self, district);
  double f;

  if (d == NULL || isnan (d->density))
    return 0.0;
  f = MIN (1.0, d->density / VG_HEAT_UHI_FULL_DENSITY);
  return f * (night ? VG_HEAT_UHI_NIGHT_MAX : VG_HEAT_UHI_DAY_MAX);
}

VgShapeSet *
vg_heat_districts_get_shapes (VgHeatDistricts *self)
{
  g_return_val_if_fail (VG_IS_HEAT_DISTRICTS (self), NULL);

  return self->shapes;
}

int
vg_heat_districts_locate (VgHeatDistricts *self,
                          double           x,
                          double           y)
{
  g_return_val_if_fail (VG_IS_HEAT_DISTRICTS (self), -1);

  return vg_polygon_index_locate (self->index, x, y);
}
