/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <shumate/shumate.h>

#include "vg-projector.h"

G_BEGIN_DECLS

#define VG_TYPE_HAZARD_LAYERS (vg_hazard_layers_get_type ())
G_DECLARE_FINAL_TYPE (VgHazardLayers, vg_hazard_layers, VG, HAZARD_LAYERS, GObject)

/* The projections on the map: the heat districts shaded by their level on the chosen day, and
 * for each flood gauge the envelope its stage reaches (or a what-if stage's), depth classes
 * shaded when the library has them. Colour-blind-safe sequential palettes: ColorBrewer YlOrRd for
 * heat levels 1–4, Blues for flood depth. Both layers sit under the point layers. */

/* The heat level colours (levels 0–4; 0 is transparent), for the map and its legend. */
void            vg_hazard_layers_get_heat_color  (guint            level,
                                                  GdkRGBA         *color);
/* The flood colour of depth class @depth_class (-1: an envelope without depth classes). */
void            vg_hazard_layers_get_flood_color (int              depth_class,
                                                  GdkRGBA         *color);
/* New layers in @map, inserted below @below (may be NULL: on top). */
VgHazardLayers *vg_hazard_layers_new             (ShumateMap      *map,
                                                  ShumateLayer    *below);
/* Follows @projector (may be NULL: nothing shown). */
void            vg_hazard_layers_set_projector   (VgHazardLayers  *self,
                                                  VgProjector     *projector);
/* What-if: shows at @gauge the envelope of @stage_m (NAN: the projector's). */
void            vg_hazard_layers_set_flood_stage (VgHazardLayers  *self,
                                                  const char      *gauge,
                                                  double           stage_m);
/* The heat day shown (index into the outlook's days; -1: the peak day of each district). */
void            vg_hazard_layers_set_heat_day    (VgHazardLayers  *self,
                                                  int              day);
/* Library index of the envelope shown at @gauge, -1 if none. */
int             vg_hazard_layers_get_flood_envelope (VgHazardLayers *self,
                                                  const char      *gauge);
/* The heat level shown for district @district, -1 if no heat outlook. */
int             vg_hazard_layers_get_heat_level  (VgHazardLayers  *self,
                                                  guint            district);
/* The flood and heat map layers; borrowed. */
ShumateLayer   *vg_hazard_layers_get_flood_layer (VgHazardLayers  *self);
ShumateLayer   *vg_hazard_layers_get_heat_layer  (VgHazardLayers  *self);

G_END_DECLS
