/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-polygon-index"

#include "config.h"

#include "vg-error.h"
#include "vg-geos-context.h"
#include "vg-polygon-index.h"

struct _VgPolygonIndex
{
  GObject                       parent_instance;

  VgGeosContext                *geos;
  VgShapeSet                   *shapes;
  guint                         n;
  GEOSGeometry                **geometries;   /* NULL for shapes that are not polygons */
  const GEOSPreparedGeometry  **prepared;
  double                       *areas;
};

G_DEFINE_FINAL_TYPE (VgPolygonIndex, vg_polygon_index, G_TYPE_OBJECT)

static void
vg_polygon_index_finalize (GObject *object)
{
  VgPolygonIndex *self = VG_POLYGON_INDEX (object);
  GEOSContextHandle_t h = vg_geos_context_get_handle (self->geos);

  for (guint i = 0; i < self->n; i++)
    {
      if (self->prepared[i] != NULL)
        GEOSPreparedGeom_destroy_r (h, self->prepared[i]);
      if (self->geometries[i] != NULL)
        GEOSGeom_destroy_r (h, self->geometries[i]);
    }
  g_clear_pointer (&self->prepared, g_free);
  g_clear_pointer (&self->geometries, g_free);
  g_clear_pointer (&self->areas, g_free);
  g_clear_pointer (&self->shapes, vg_shape_set_unref);
  g_clear_object (&self->geos);

  G_OBJECT_CLASS (vg_polygon_index_parent_class)->finalize (object);
}

static void
vg_polygon_index_class_init (VgPolygonIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_polygon_index_finalize;
}

static void
vg_polygon_index_init (VgPolygonIndex *self)
{
}

VgPolygonIndex *
vg_polygon_index_new (VgShapeSet  *polygons,
                      GError     **error)
{
  g_autoptr(VgPolygonIndex) self = NULL;
  GEOSContextHandle_t h;

  g_return_val_if_fail (polygons != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (VG_TYPE_POLYGON_INDEX, NULL);
  self->geos = vg_geos_context_new ();
  self->shapes = vg_shape_set_ref (polygons);
  self->n = vg_shape_set_get_n_shapes (polygons);
  self->geometries = g_new0 (GEOSGeometry *, self->n);
  self->prepared = g_new0 (const GEOSPreparedGeometry *, self->n);
  self->areas = g_new0 (double, self->n);
  h = vg_geos_context_get_handle (self->geos);

  for (guint i = 0; i < self->n; i++)
    {
      if (vg_shape_set_get_kind (polygons, i) != VG_SHAPE_POLYGON)
        continue;
      self->geometries[i] = vg_geos_context_shape_to_geos (self->geos, polygons, i, error);
      if (self->geometries[i] == NULL)
        return NULL;
      self->prepared[i] = GEOSPrepare_r (h, self->geometries[i]);
      if (self->prepared[i] == NULL || GEOSArea_r (h, self->geometries[i], &self->areas[i]) != 1)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_INVALID,
                       "Polygon %u: GEOS cannot prepare it or measure its area", i + 1);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

guint
vg_polygon_index_get_n_polygons (VgPolygonIndex *self)
{
  g_return_val_if_fail (VG_IS_POLYGON_INDEX (self), 0);

  return self->n;
}

double
vg_polygon_index_get_area (VgPolygonIndex *self,
                           guint           index)
{
  g_return_val_if_fail (VG_IS_POLYGON_INDEX (self), 0);
  g_return_val_if_fail (index < self->n, 0);

  return self->areas[index];
}

static gboolean
bbox_contains (const double *bbox,
               double        x,
               double        y)
{
  return x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3];
}

static gboolean
bboxes_overlap (const double *a,
                const double *b)
{
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

int
vg_polygon_index_locate (VgPolygonIndex *self,
                         double          x,
                         double          y)
{
  GEOSContextHandle_t h;
  GEOSGeometry *point = NULL;
  int found = -1;

  g_return_val_if_fail (VG_IS_POLYGON_INDEX (self), -1);

  h = vg_geos_context_get_handle (self->geos);
  for (guint i = 0; i < self->n && found < 0; i++)
    {
      if (self->prepared[i] == NULL || !bbox_contains (vg_shape_set_get_bbox (self->shapes, i), x, y))
        continue;
      if (point == NULL && (point = GEOSGeom_createPointFromXY_r (h, x, y)) == NULL)
        return -1;
      if (GEOSPreparedIntersects_r (h, self->prepared[i], point) == 1)
        found = (int) i;
    }
  if (point != NULL)
    GEOSGeom_destroy_r (h, point);
  return found;
}

/* Area of @shape within polygon @i: all of it when the polygon contains it, else the
 * intersection's; -1 on a GEOS failure. */
static double
area_within (VgPolygonIndex     *self,
             guint               i,
             const GEOSGeometry *shape,
             double              shape_area)
{
  GEOSContextHandle_t h = vg_geos_context_get_handle (self->geos);
  GEOSGeometry *inter;
  double area;

  if (GEOSPreparedContains_r (h, self->prepared[i], shape) == 1)
    return shape_area;
  if (GEOSPreparedIntersects_r (h, self->prepared[i], shape) != 1)
    return 0;
  inter = GEOSIntersection_r (h, self->geometries[i], shape);
  if (inter == NULL)
    return -1;
  if (GEOSArea_r (h, inter, &area) != 1)
    area = -1;
  GEOSGeom_destroy_r (h, inter);
  return area;
}

gboolean
vg_polygon_index_covered_area (VgPolygonIndex  *self,
                               VgShapeSet      *shapes,
                               double          *areas,
                               GError         **error)
{
  GEOSContextHandle_t h;

  g_return_val_if_fail (VG_IS_POLYGON_INDEX (self), FALSE);
  g_return_val_if_fail (shapes != NULL, FALSE);
  g_return_val_if_fail (areas != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  h = vg_geos_context_get_handle (self->geos);
  for (guint i = 0; i < self->n; i++)
    areas[i] = 0;
  for (guint s = 0; s < vg_shape_set_get_n_shapes (shapes); s++)
    {
      const double *box = vg_shape_set_get_bbox (shapes, s);
      GEOSGeometry *g = NULL;
      double shape_area = 0;

      if (vg_shape_set_get_kind (shapes, s) != VG_SHAPE_POLYGON)
        continue;
      for (guint i = 0; i < self->n; i++)
        {
          double a;

          if (self->prepared[i] == NULL || !bboxes_overlap (box, vg_shape_set_get_bbox (self->shapes, i)))
            continue;
          if (g == NULL)
            {
              g = vg_geos_context_shape_to_geos (self->geos, shapes, s, error);
              if (g == NULL)
                return FALSE;
              GEOSArea_r (h, g, &shape_area);
            }
          a = area_within (self, i, g, shape_area);
          if (a < 0)
            {
              GEOSGeom_destroy_r (h, g);
              g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_INVALID,
                           "Shape %u: GEOS cannot intersect it with polygon %u", s + 1, i + 1);
              return FALSE;
            }
          areas[i] += a;
        }
      if (g != NULL)
        GEOSGeom_destroy_r (h, g);
    }
  return TRUE;
}
