/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-builder"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-crs-transform.h"
#include "vg-error.h"
#include "vg-flood-builder.h"
#include "vg-flood-gauge.h"
#include "vg-flood-hand.h"
#include "vg-geos-context.h"
#include "vg-mask-polygonizer.h"

static gboolean
transform_cb (double   *xy,
              gsize     n_points,
              gpointer  user_data)
{
  return vg_crs_transform_apply (user_data, xy, n_points, NULL);
}

/* Appends a copy of shape @index of @from to @into. */
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

/* Polygonises the cells of @classes within [@lo, @hi] into a one-shape set in Lambert-93,
 * valid (checked, repaired with a warning if ever needed). */
static VgShapeSet *
polygonize (VgDem          *dem,
            const guint8   *classes,
            guint8          lo,
            guint8          hi,
            VgCrsTransform *to_l93,
            VgGeosContext  *geos,
            VgFloodLibrary *library,
            const char     *what,
            GError        **error)
{
  g_autoptr(VgShapeSet) set = vg_shape_set_new ();
  GEOSContextHandle_t h = vg_geos_context_get_handle (geos);
  double x_west, y_north, cw, ch;
  GEOSGeometry *g;

  vg_dem_get_transform (dem, &x_west, &y_north, &cw, &ch);
  vg_mask_polygonize (classes, vg_dem_get_width (dem), vg_dem_get_height (dem), lo, hi,
                      x_west, y_north, cw, ch, set);
  if (to_l93 != NULL && !vg_shape_set_map_points (set, transform_cb, to_l93))
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS, "%s: cannot transform to Lambert-93", what);
      return NULL;
    }
  if (vg_shape_set_get_kind (set, 0) == VG_SHAPE_NONE)
    return g_steal_pointer (&set);

  g = vg_geos_context_shape_to_geos (geos, set, 0, error);
  if (g == NULL)
    return NULL;
  if (GEOSisValid_r (h, g) != 1)
    {
      g_autoptr(GPtrArray) repaired = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(VgShapeSet) fixed = vg_geos_context_repair_polygons (geos, set, repaired, error);

      GEOSGeom_destroy_r (h, g);
      if (fixed == NULL)
        return NULL;
      for (guint i = 0; i < repaired->len; i++)
        {
          g_autofree char *w = g_strdup_printf ("%s: %s, repaired with GEOS MakeValid", what,
                                                (char *) g_ptr_array_index (repaired, i));

          vg_flood_library_add_warning (library, w);
        }
      return g_steal_pointer (&fixed);
    }
  GEOSGeom_destroy_r (h, g);
  return g_steal_pointer (&set);
}

VgFloodLibrary *
vg_flood_build_hand_library (VgDem       *dem,
                             VgLayer     *rivers,
                             int          name_column,
                             const char  *rivers_source,
                             GPtrArray   *gauges,
                             double       step_m,
                             double       max_stage_m,
                             GError     **error)
{
  g_autoptr(VgFloodLibrary) library = NULL;
  g_autoptr(VgGeosContext) geos = vg_geos_context_new ();
  g_autoptr(VgCrsTransform) to_dem = NULL;
  g_autoptr(VgCrsTransform) to_l93 = NULL;
  g_autoptr(VgShapeSet) channels = vg_shape_set_new ();
  g_autoptr(VgFloodHand) hand = NULL;
  g_autofree guint8 *river_of = NULL;     /* per cell: 1 + index of the gauge's river, 0 none */
  g_autofree guint8 *drainage = NULL;
  g_autofree gint16 *reach = NULL;        /* per drainage cell: governing gauge, -1 none */
  g_autofree guint8 *classes = NULL;
  g_autofree double *gx = NULL;
  g_autofree double *gy = NULL;
  g_autoptr(GPtrArray) river_names = g_ptr_array_new ();
  g_autofree char *dem_label = NULL;
  const float *values;
  const guint32 *drains;
  double x_west, y_north, cw, ch;
  guint w, hgt, n_gauges_built = 0;
  gsize n;
  gboolean l93 = g_str_equal (vg_dem_get_crs (dem), "EPSG:2154");
  VgFloodKind kind = vg_dem_is_synthetic (dem) ? VG_FLOOD_KIND_SYNTHETIC : VG_FLOOD_KIND_INDICATIVE_HAND;

  g_return_val_if_fail (VG_IS_DEM (dem), NULL);
  g_return_val_if_fail (VG_IS_LAYER (rivers), NULL);
  g_return_val_if_fail (gauges != NULL && gauges->len > 0 && gauges->len < 32000, NULL);
  g_return_val_if_fail (step_m > 0 && max_stage_m >= step_m, NULL);

  library = vg_flood_library_new (kind == VG_FLOOD_KIND_SYNTHETIC ? "SYNTHETIC HAND envelopes (not real terrain)"
                                                                  : "Indicative HAND envelopes", NULL);
  w = vg_dem_get_width (dem);
  hgt = vg_dem_get_height (dem);
  n = (gsize) w * hgt;
  vg_dem_get_transform (dem, &x_west, &y_north, &cw, &ch);
  if (!l93)
    {
      if ((to_dem = vg_crs_transform_new ("EPSG:2154", vg_dem_get_crs (dem), error)) == NULL ||
          (to_l93 = vg_crs_transform_new (vg_dem_get_crs (dem), "EPSG:2154", error)) == NULL)
        return NULL;
    }

  /* Each gauge's river, rasterised once; gauges placed in the DEM's CRS. */
  river_of = g_new0 (guint8, n);
  gx = g_new (double, gauges->len);
  gy = g_new (double, gauges->len);
  for (guint k = 0; k < gauges->len; k++)
    {
      VgFloodGauge *gauge = g_ptr_array_index (gauges, k);
      const char *river = vg_flood_gauge_get_river (gauge);
      guint r;

      vg_flood_gauge_get_l93 (gauge, &gx[k], &gy[k]);
      if (to_dem != NULL && !vg_crs_transform_point (to_dem, &gx[k], &gy[k], error))
        return NULL;
      if (gx[k] < x_west || gx[k] > x_west + w * cw || gy[k] > y_north || gy[k] < y_north - hgt * ch)
        {
          g_autofree char *warning = g_strdup_printf ("gauge %s (%s) lies outside the terrain model",
                                                      vg_flood_gauge_get_code (gauge), vg_flood_gauge_get_name (gauge));

          vg_flood_library_add_warning (library, warning);
        }
      for (r = 0; r < river_names->len; r++)
        if (g_str_equal (g_ptr_array_index (river_names, r), river))
          break;
      if (r < river_names->len)
        continue;
      g_ptr_array_add (river_names, (gpointer) river);
      if (river_names->len > 250)
        break;
      for (guint f = 0; f < vg_layer_get_n_features (rivers); f++)
        {
          guint index;

          if (g_strcmp0 (vg_layer_get_value (rivers, f, name_column), river) != 0 ||
              vg_shape_set_get_kind (vg_layer_get_shapes (rivers), f) != VG_SHAPE_POLYGON)
            continue;
          copy_shape (vg_layer_get_shapes (rivers), f, channels);
          index = vg_shape_set_get_n_shapes (channels) - 1;
          if (to_dem != NULL)
            {
              g_autoptr(VgShapeSet) one = vg_shape_set_new ();

              copy_shape (channels, index, one);
              if (!vg_shape_set_map_points (one, transform_cb, to_dem))
                {
                  g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS, "Rivers “%s”, feature %u: cannot transform to the DEM's CRS",
                               rivers_source, f + 1);
                  return NULL;
                }
              vg_dem_rasterize (dem, one, 0, TRUE, river_of, river_names->len);
            }
          else
            vg_dem_rasterize (dem, channels, index, TRUE, river_of, river_names->len);
        }
    }

  drainage = g_new0 (guint8, n);
  for (gsize c = 0; c < n; c++)
    drainage[c] = river_of[c] != 0 && !isnan (vg_dem_get_elevations (dem)[c]);
  hand = vg_flood_hand_new (dem, drainage);
  values = vg_flood_hand_get_values (hand);
  drains = vg_flood_hand_get_drains (hand);

  /* Each drainage cell is governed by the nearest gauge on its river. */
  reach = g_new (gint16, n);
  for (gsize c = 0; c < n; c++)
    {
      double cx = x_west + (c % w + 0.5) * cw, cy = y_north - (c / w + 0.5) * ch;
      double best = INFINITY;

      reach[c] = -1;
      if (!drainage[c])
        continue;
      for (guint k = 0; k < gauges->len; k++)
        {
          VgFloodGauge *gauge = g_ptr_array_index (gauges, k);
          double d;

          if (!g_str_equal (vg_flood_gauge_get_river (gauge), g_ptr_array_index (river_names, river_of[c] - 1)))
            continue;
          d = hypot (cx - gx[k], cy - gy[k]);
          if (d < best)
            {
              best = d;
              reach[c] = k;
            }
        }
    }

  dem_label = g_strdup_printf ("%s, %u × %u cells of %g %s%s", vg_dem_get_description (dem), w, hgt, cw,
                               l93 ? "m" : "°", vg_dem_is_synthetic (dem) ? " — SYNTHETIC terrain, not real" : "");
  classes = g_new (guint8, n);
  for (guint k = 0; k < gauges->len; k++)
    {
      VgFloodGauge *gauge = g_ptr_array_index (gauges, k);
      g_autofree char *source = NULL;
      gsize n_reach = 0;

      for (gsize c = 0; c < n; c++)
        n_reach += reach[c] == (gint16) k;
      if (n_reach == 0)
        {
          g_autofree char *warning = g_strdup_printf ("gauge %s: no drainage cell of “%s” in the terrain model, no envelope",
                                                      vg_flood_gauge_get_code (gauge), vg_flood_gauge_get_river (gauge));

          vg_flood_library_add_warning (library, warning);
          continue;
        }
      n_gauges_built++;
      source = g_strdup_printf ("%s envelope, HAND method (Nobre et al. 2011: priority-flood fill, D8, "
                                "flooded where HAND ≤ stage), Vigie %s. Terrain: %s. Drainage: “%s” polygons of %s, "
                                "reach of %s = its channel cells nearer %s than any other gauge on the river "
                                "(%" G_GSIZE_FORMAT " cells).",
                                kind == VG_FLOOD_KIND_SYNTHETIC ? "SYNTHETIC" : "Indicative", PACKAGE_VERSION,
                                dem_label, vg_flood_gauge_get_river (gauge), rivers_source,
                                vg_flood_gauge_get_code (gauge), vg_flood_gauge_get_name (gauge), n_reach);

      for (guint s = 1; s * step_m <= max_stage_m + 1e-9; s++)
        {
          double stage = s * step_m;
          g_autoptr(VgShapeSet) extent = NULL;
          g_autoptr(VgShapeSet) depths = vg_shape_set_new ();
          g_autoptr(VgFloodEnvelope) envelope = NULL;
          g_autofree char *what = g_strdup_printf ("gauge %s, stage %.2f m", vg_flood_gauge_get_code (gauge), stage);

          for (gsize c = 0; c < n; c++)
            {
              classes[c] = 0;
              if (!isnan (values[c]) && values[c] <= stage && reach[drains[c]] == (gint16) k)
                classes[c] = 1 + vg_flood_depth_class_for_depth (stage - values[c]);
            }
          extent = polygonize (dem, classes, 1, VG_N_DEPTH_CLASSES, to_l93, geos, library, what, error);
          if (extent == NULL)
            return NULL;
          if (vg_shape_set_get_kind (extent, 0) == VG_SHAPE_NONE)
            continue;
          for (guint c = 0; c < VG_N_DEPTH_CLASSES; c++)
            {
              g_autoptr(VgShapeSet) one = polygonize (dem, classes, 1 + c, 1 + c, to_l93, geos, library, what, error);

              if (one == NULL)
                return NULL;
              copy_shape (one, 0, depths);
            }
          envelope = vg_flood_envelope_new (vg_flood_gauge_get_code (gauge), stage, kind, source,
                                            VG_FLOOD_STATEMENT_NOMINAL " Indicative: terrain only, no hydraulics.",
                                            extent, depths);
          vg_flood_library_add (library, envelope);
        }
    }
  if (n_gauges_built == 0)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND,
                   "No gauge's river has drainage cells in the terrain model (rivers: %s)", rivers_source);
      return NULL;
    }
  return g_steal_pointer (&library);
}
