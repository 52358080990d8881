/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-shape-geojson"

#include "config.h"

#include <math.h>

#include "vg-error.h"
#include "vg-shape-geojson.h"

static void
add_position (JsonBuilder *b,
              const double *xy)
{
  json_builder_begin_array (b);
  json_builder_add_double_value (b, round (xy[0] * 1e7) / 1e7);
  json_builder_add_double_value (b, round (xy[1] * 1e7) / 1e7);
  json_builder_end_array (b);
}

/* One part's positions, transformed to WGS84. */
static gboolean
add_part (JsonBuilder    *b,
          const double   *xy,
          guint           n,
          VgCrsTransform *to_wgs84,
          GError        **error)
{
  g_autofree double *copy = g_memdup2 (xy, sizeof (double) * 2 * n);

  if (!vg_crs_transform_apply (to_wgs84, copy, n, error))
    return FALSE;
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    add_position (b, copy + 2 * i);
  json_builder_end_array (b);
  return TRUE;
}

/* Counts the polygons of a polygon shape (outer rings). */
static guint
count_outer (VgShapeSet *shapes,
             guint       index)
{
  guint n = 0;

  for (guint p = 0; p < vg_shape_set_get_n_parts (shapes, index); p++)
    {
      gboolean outer = FALSE;
      guint n_points;

      vg_shape_set_get_part (shapes, index, p, &n_points, &outer);
      n += outer || p == 0;
    }
  return n;
}

static JsonNode *
build (VgShapeSet     *shapes,
       guint           index,
       VgCrsTransform *to_wgs84,
       GError        **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  VgShapeKind kind = vg_shape_set_get_kind (shapes, index);
  guint n_parts = vg_shape_set_get_n_parts (shapes, index);
  gboolean multi;
  const char *type;

  if (kind == VG_SHAPE_NONE || n_parts == 0)
    return NULL;
  switch (kind)
    {
    case VG_SHAPE_POINT:
      multi = n_parts > 1;
      type = multi ? "MultiPoint" : "Point";
      break;
    case VG_SHAPE_LINE:
      multi = n_parts > 1;
      type = multi ? "MultiLineString" : "LineString";
      break;
    case VG_SHAPE_NONE:
    case VG_SHAPE_POLYGON:
    default:
      multi = count_outer (shapes, index) > 1;
      type = multi ? "MultiPolygon" : "Polygon";
      break;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, type);
  json_builder_set_member_name (b, "coordinates");
  if (kind == VG_SHAPE_POINT && !multi)
    {
      guint n;
      const double *xy = vg_shape_set_get_part (shapes, index, 0, &n, NULL);
      double copy[2] = { xy[0], xy[1] };

      if (!vg_crs_transform_apply (to_wgs84, copy, 1, error))
        return NULL;
      add_position (b, copy);
    }
  else
    {
      gboolean in_polygon = FALSE;

      if (multi)
        json_builder_begin_array (b);
      for (guint p = 0; p < n_parts; p++)
        {
          gboolean outer = FALSE;
          guint n;
          const double *xy = vg_shape_set_get_part (shapes, index, p, &n, &outer);

          if (kind == VG_SHAPE_POLYGON && (outer || p == 0))
            {
              if (in_polygon)
                json_builder_end_array (b);
              json_builder_begin_array (b);
              in_polygon = TRUE;
            }
          if (kind == VG_SHAPE_POINT)
            {
              double copy[2] = { xy[0], xy[1] };

              if (!vg_crs_transform_apply (to_wgs84, copy, 1, error))
                return NULL;
              add_position (b, copy);
            }
          else if (!add_part (b, xy, n, to_wgs84, error))
            return NULL;
        }
      if (in_polygon)
        json_builder_end_array (b);
      if (multi)
        json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
vg_shape_to_geojson (VgShapeSet     *shapes,
                     guint           index,
                     VgGeosContext  *geos,
                     VgCrsTransform *to_wgs84,
                     double          tolerance,
                     GError        **error)
{
  GEOSContextHandle_t h;
  GEOSGeometry *g, *simple;
  g_autoptr(VgShapeSet) simplified = NULL;

  g_return_val_if_fail (shapes != NULL, NULL);
  g_return_val_if_fail (index < vg_shape_set_get_n_shapes (shapes), NULL);
  g_return_val_if_fail (VG_IS_CRS_TRANSFORM (to_wgs84), NULL);

  if (tolerance <= 0 || vg_shape_set_get_kind (shapes, index) == VG_SHAPE_POINT)
    return build (shapes, index, to_wgs84, error);

  g_return_val_if_fail (VG_IS_GEOS_CONTEXT (geos), NULL);
  h = vg_geos_context_get_handle (geos);
  if ((g = vg_geos_context_shape_to_geos (geos, shapes, index, error)) == NULL)
    return NULL;
  simple = GEOSTopologyPreserveSimplify_r (h, g, tolerance);
  GEOSGeom_destroy_r (h, g);
  if (simple == NULL)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_INVALID, "shape %u: GEOS could not simplify it", index);
      return NULL;
    }
  simplified = vg_shape_set_new ();
  vg_geos_context_append_geos (geos, simple, simplified);
  GEOSGeom_destroy_r (h, simple);
  return build (simplified, 0, to_wgs84, error);
}
