/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-hazard-layers"

#include "config.h"

#include <math.h>

#include "vg-area-layer.h"
#include "vg-hazard-layers.h"

struct _VgHazardLayers
{
  GObject         parent_instance;

  ShumateMap     *map;          /* weak: the map owns the layers */
  VgAreaLayer    *flood_layer;
  VgAreaLayer    *heat_layer;
  VgCrsTransform *to_mercator;
  VgProjector    *projector;
  GHashTable     *what_if;      /* gauge → double* stage */
  GHashTable     *shown;        /* gauge → envelope index + 1 */
  gboolean        districts_added;
  int             heat_day;
};

G_DEFINE_FINAL_TYPE (VgHazardLayers, vg_hazard_layers, G_TYPE_OBJECT)

void
vg_hazard_layers_get_heat_color (guint    level,
                                 GdkRGBA *color)
{
  /* ColorBrewer YlOrRd, 5 classes. */
  static const char * const colors[] = { "rgba(0,0,0,0)", "rgba(254,217,118,0.40)", "rgba(254,178,76,0.50)",
                                         "rgba(240,59,32,0.50)", "rgba(189,0,38,0.55)" };

  gdk_rgba_parse (color, colors[MIN (level, G_N_ELEMENTS (colors) - 1)]);
}

void
vg_hazard_layers_get_flood_color (int      depth_class,
                                  GdkRGBA *color)
{
  /* ColorBrewer Blues: shallow to deep. */
  static const char * const colors[] = { "rgba(158,202,225,0.55)", "rgba(107,174,214,0.60)",
                                         "rgba(49,130,189,0.65)", "rgba(8,81,156,0.70)", "rgba(8,48,107,0.75)" };

  if (depth_class < 0)
    gdk_rgba_parse (color, "rgba(49,130,189,0.45)");
  else
    gdk_rgba_parse (color, colors[MIN ((guint) depth_class, G_N_ELEMENTS (colors) - 1)]);
}

static void
vg_hazard_layers_dispose (GObject *object)
{
  VgHazardLayers *self = VG_HAZARD_LAYERS (object);

  if (self->projector != NULL)
    g_signal_handlers_disconnect_by_data (self->projector, self);
  g_clear_object (&self->projector);
  g_clear_object (&self->flood_layer);
  g_clear_object (&self->heat_layer);
  g_clear_object (&self->to_mercator);
  g_clear_pointer (&self->what_if, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (vg_hazard_layers_parent_class)->dispose (object);
}

static void
vg_hazard_layers_class_init (VgHazardLayersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vg_hazard_layers_dispose;
}

static void
vg_hazard_layers_init (VgHazardLayers *self)
{
  self->what_if = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->heat_day = -1;
}

VgHazardLayers *
vg_hazard_layers_new (ShumateMap   *map,
                      ShumateLayer *below)
{
  g_autoptr(VgHazardLayers) self = NULL;
  g_autoptr(GError) error = NULL;
  ShumateViewport *viewport;

  g_return_val_if_fail (SHUMATE_IS_MAP (map), NULL);

  self = g_object_new (VG_TYPE_HAZARD_LAYERS, NULL);
  self->map = map;
  viewport = shumate_map_get_viewport (map);
  self->to_mercator = vg_crs_transform_new ("EPSG:2154", "EPSG:3857", &error);
  if (self->to_mercator == NULL)
    g_error ("PROJ cannot place Lambert-93: %s", error->message);
  self->heat_layer = g_object_ref_sink (vg_area_layer_new (viewport));
  self->flood_layer = g_object_ref_sink (vg_area_layer_new (viewport));
  /* Heat under flood: a flooded district is first a flood. */
  if (below != NULL)
    {
      shumate_map_insert_layer_behind (map, SHUMATE_LAYER (self->heat_layer), below);
      shumate_map_insert_layer_behind (map, SHUMATE_LAYER (self->flood_layer), below);
    }
  else
    {
      shumate_map_add_layer (map, SHUMATE_LAYER (self->heat_layer));
      shumate_map_add_layer (map, SHUMATE_LAYER (self->flood_layer));
    }
  return g_steal_pointer (&self);
}

/* The envelope to show at the outlook's gauge: the what-if's, else the projector's. */
static int
envelope_for (VgHazardLayers *self,
              VgFloodOutlook *outlook)
{
  VgHazardModels *models = vg_projector_get_models (self->projector);
  const char *gauge = vg_flood_outlook_get_gauge (outlook);
  double *what_if = g_hash_table_lookup (self->what_if, gauge);
  int envelope = -1;
  guint first, n;

  if (what_if == NULL)
    return vg_flood_outlook_get_envelope_now (outlook, NULL);
  vg_flood_library_get_gauge_range (vg_hazard_models_get_flood_library (models), gauge, &first, &n);
  if (*what_if < vg_flood_envelope_get_stage (vg_flood_library_get_envelope (vg_hazard_models_get_flood_library (models), first)))
    return -1;
  vg_flood_exposure_index_lookup (vg_hazard_models_get_flood_index (models), gauge, *what_if, &envelope, NULL);
  return envelope;
}

static void
add_envelope (VgHazardLayers  *self,
              VgFloodEnvelope *envelope)
{
  g_autoptr(GError) error = NULL;
  VgShapeSet *depths = vg_flood_envelope_get_depths (envelope);
  GdkRGBA fill, stroke;
  gboolean has_depths = FALSE;

  gdk_rgba_parse (&stroke, "rgba(8,81,156,0.9)");
  for (guint c = 0; depths != NULL && c < vg_shape_set_get_n_shapes (depths); c++)
    {
      if (vg_shape_set_get_kind (depths, c) == VG_SHAPE_NONE)
        continue;
      vg_hazard_layers_get_flood_color (c, &fill);
      if (vg_area_layer_add (self->flood_layer, depths, c, self->to_mercator, &fill, NULL, 0, &error) == G_MAXUINT)
        g_warning ("Envelope %s: %s", vg_flood_envelope_get_id (envelope), error->message);
      has_depths = TRUE;
    }
  /* The outline on top; filled only when the library has no depth classes. */
  vg_hazard_layers_get_flood_color (-1, &fill);
  if (has_depths)
    fill.alpha = 0;
  if (vg_area_layer_add (self->flood_layer, vg_flood_envelope_get_extent (envelope), 0, self->to_mercator,
                         &fill, &stroke, 1.5, &error) == G_MAXUINT)
    g_warning ("Envelope %s: %s", vg_flood_envelope_get_id (envelope), error->message);
}

static void
update_flood (VgHazardLayers *self)
{
  GListModel *outlooks;
  VgFloodLibrary *library;

  vg_area_layer_clear (self->flood_layer);
  g_hash_table_remove_all (self->shown);
  if (self->projector == NULL)
    return;
  outlooks = vg_projector_get_flood (self->projector);
  library = vg_hazard_models_get_flood_library (vg_projector_get_models (self->projector));
  for (guint i = 0; i < g_list_model_get_n_items (outlooks); i++)
    {
      g_autoptr(VgFloodOutlook) outlook = g_list_model_get_item (outlooks, i);
      int envelope = envelope_for (self, outlook);

      if (envelope < 0)
        continue;
      g_hash_table_insert (self->shown, g_strdup (vg_flood_outlook_get_gauge (outlook)), GINT_TO_POINTER (envelope + 1));
      add_envelope (self, vg_flood_library_get_envelope (library, envelope));
    }
}

static guint
heat_level_of (VgHazardLayers *self,
               VgHeatRisk     *risk,
               guint           district)
{
  if (self->heat_day >= 0 && (guint) self->heat_day < vg_heat_risk_get_n_days (risk))
    return vg_heat_risk_get_day (risk, district, self->heat_day)->level;
  return vg_heat_risk_get_peak_level (risk, district);
}

static void
update_heat (VgHazardLayers *self)
{
  VgHeatOutlook *heat = self->projector != NULL ? vg_projector_get_heat (self->projector) : NULL;
  VgHeatDistricts *districts;
  VgHeatRisk *risk;
  GdkRGBA fill, stroke;

  if (heat == NULL)
    {
      vg_area_layer_clear (self->heat_layer);
      self->districts_added = FALSE;
      return;
    }
  risk = vg_heat_outlook_get_risk (heat);
  districts = vg_heat_risk_get_districts (risk);
  if (!self->districts_added)
    {
      g_autoptr(GError) error = NULL;

      gdk_rgba_parse (&stroke, "rgba(120,60,20,0.35)");
      vg_hazard_layers_get_heat_color (0, &fill);
      for (guint d = 0; d < vg_heat_districts_get_n_districts (districts); d++)
        if (vg_area_layer_add (self->heat_layer, vg_heat_districts_get_shapes (districts), d, self->to_mercator,
                               &fill, &stroke, 0.8, &error) == G_MAXUINT)
          {
            g_warning ("District %s: %s", vg_heat_districts_get_id (districts, d), error->message);
            g_clear_error (&error);
          }
      self->districts_added = TRUE;
    }
  for (guint d = 0; d < MIN (vg_area_layer_get_n_areas (self->heat_layer), vg_heat_districts_get_n_districts (districts)); d++)
    {
      vg_hazard_layers_get_heat_color (heat_level_of (self, risk, d), &fill);
      vg_area_layer_set_fill (self->heat_layer, d, &fill);
    }
}

static void
projector_changed_cb (VgHazardLayers *self)
{
  update_flood (self);
  update_heat (self);
}

void
vg_hazard_layers_set_projector (VgHazardLayers *self,
                                VgProjector    *projector)
{
  g_return_if_fail (VG_IS_HAZARD_LAYERS (self));
  g_return_if_fail (projector == NULL || VG_IS_PROJECTOR (projector));

  if (self->projector != NULL)
    g_signal_handlers_disconnect_by_data (self->projector, self);
  g_set_object (&self->projector, projector);
  vg_area_layer_clear (self->heat_layer);
  self->districts_added = FALSE;
  if (projector != NULL)
    g_signal_connect_swapped (projector, "changed", G_CALLBACK (projector_changed_cb), self);
  projector_changed_cb (self);
}

void
vg_hazard_layers_set_flood_stage (VgHazardLayers *self,
                                  const char     *gauge,
                                  double          stage_m)
{
  g_return_if_fail (VG_IS_HAZARD_LAYERS (self));
  g_return_if_fail (gauge != NULL);

  if (isnan (stage_m))
    g_hash_table_remove (self->what_if, gauge);
  else
    g_hash_table_insert (self->what_if, g_strdup (gauge), g_memdup2 (&stage_m, sizeof stage_m));
  update_flood (self);
}

void
vg_hazard_layers_set_heat_day (VgHazardLayers *self,
                               int             day)
{
  g_return_if_fail (VG_IS_HAZARD_LAYERS (self));

  self->heat_day = day;
  update_heat (self);
}

int
vg_hazard_layers_get_flood_envelope (VgHazardLayers *self,
                                     const char     *gauge)
{
  g_return_val_if_fail (VG_IS_HAZARD_LAYERS (self), -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->shown, gauge)) - 1;
}

int
vg_hazard_layers_get_heat_level (VgHazardLayers *self,
                                 guint           district)
{
  VgHeatOutlook *heat;

  g_return_val_if_fail (VG_IS_HAZARD_LAYERS (self), -1);

  heat = self->projector != NULL ? vg_projector_get_heat (self->projector) : NULL;
  if (heat == NULL)
    return -1;
  return heat_level_of (self, vg_heat_outlook_get_risk (heat), district);
}

ShumateLayer *
vg_hazard_layers_get_flood_layer (VgHazardLayers *self)
{
  g_return_val_if_fail (VG_IS_HAZARD_LAYERS (self), NULL);

  return SHUMATE_LAYER (self->flood_layer);
}

ShumateLayer *
vg_hazard_layers_get_heat_layer (VgHazardLayers *self)
{
  g_return_val_if_fail (VG_IS_HAZARD_LAYERS (self), NULL);

  return SHUMATE_LAYER (self->heat_layer);
}
