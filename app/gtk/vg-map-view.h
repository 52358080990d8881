/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "vg-basemap.h"
#include "vg-offline-tile-source.h"
#include "vg-hazard-layers.h"
#include "vg-picture.h"
#include "vg-point-layer.h"
#include "vg-site-category.h"
#include "vg-target-layer.h"

G_BEGIN_DECLS

/* The situation layers, one per feed kind, that the operator can show or hide. */
typedef enum {
  VG_MAP_LAYER_GAUGES,      /* river gauges (Hub'Eau, SensorThings) */
  VG_MAP_LAYER_WARNINGS,    /* weather warnings (CAP, MeteoAlarm): areas and chips */
  VG_MAP_LAYER_TRAFFIC,     /* traffic events (DATEX II) as road signs */
  VG_MAP_LAYER_INCIDENTS,   /* other incidents (GeoJSON, CAP, typed in by an operator) */
  VG_N_MAP_LAYERS,
} VgMapLayer;

#define VG_TYPE_MAP_VIEW (vg_map_view_get_type ())
G_DECLARE_FINAL_TYPE (VgMapView, vg_map_view, VG, MAP_VIEW, GtkWidget)

/* The situation map: a libshumate map over the offline city basemap (or OpenStreetMap's tiles
 * when the operator chooses them), with the sensitive sites, the gauges and incidents of the
 * situation picture, the official warnings in force, and the attribution always visible. */

/* New, empty map view; vg_map_view_set_basemap() gives it something to draw. */
GtkWidget           *vg_map_view_new             (void);
/* Draws @basemap (offline tiles cached under @cache_path, may be NULL) and @sites (VgSite). */
void                 vg_map_view_set_basemap     (VgMapView   *self,
                                                  VgBasemap   *basemap,
                                                  const char  *cache_path,
                                                  GListModel  *sites);
/* Switches between the offline basemap and OpenStreetMap's online tiles. */
void                 vg_map_view_set_online      (VgMapView   *self,
                                                  gboolean     online);
/* Whether the online OpenStreetMap tiles are shown. */
gboolean             vg_map_view_get_online      (VgMapView   *self);
/* Frames the whole Métropole. */
void                 vg_map_view_go_home         (VgMapView   *self);
/* Centres on @lat, @lon at @zoom. */
void                 vg_map_view_go_to           (VgMapView   *self,
                                                  double       lat,
                                                  double       lon,
                                                  double       zoom);
/* Zooms in one level. */
void                 vg_map_view_zoom_in         (VgMapView   *self);
/* Zooms out one level. */
void                 vg_map_view_zoom_out        (VgMapView   *self);
/* The libshumate map; borrowed. */
ShumateMap          *vg_map_view_get_map         (VgMapView   *self);
/* The sites layer, or NULL before vg_map_view_set_basemap(); borrowed. */
VgPointLayer        *vg_map_view_get_sites_layer (VgMapView   *self);
/* The gauges layer, or NULL before a picture and a basemap are set; borrowed. */
VgPointLayer        *vg_map_view_get_gauges_layer (VgMapView  *self);
/* Whether sites of @category are drawn. */
gboolean             vg_map_view_get_site_category_visible (VgMapView      *self,
                                                            VgSiteCategory  category);
/* Shows or hides sites of @category. */
void                 vg_map_view_set_site_category_visible (VgMapView      *self,
                                                            VgSiteCategory  category,
                                                            gboolean        visible);
/* Stable id of @layer ("gauges", "warnings", "traffic", "incidents"), for settings; static. */
const char          *vg_map_layer_to_id          (VgMapLayer   layer);
/* Whether @layer is drawn. */
gboolean             vg_map_view_get_layer_visible (VgMapView  *self,
                                                    VgMapLayer  layer);
/* Shows or hides @layer. */
void                 vg_map_view_set_layer_visible (VgMapView  *self,
                                                    VgMapLayer  layer,
                                                    gboolean    visible);
/* The point layer of @layer (gauges, traffic, incidents), or NULL before a picture and a basemap
 * are set or for the warnings; borrowed. */
VgPointLayer        *vg_map_view_get_point_layer (VgMapView   *self,
                                                  VgMapLayer   layer);
/* Number of warning areas shaded on the map. */
guint                vg_map_view_get_n_warning_areas (VgMapView *self);
/* Number of official warnings shown over the map. */
guint                vg_map_view_get_n_warnings_shown (VgMapView *self);
/* Draws the situation @picture: gauges by threshold level, incidents, warnings in force. */
void                 vg_map_view_set_picture     (VgMapView   *self,
                                                  VgPicture   *picture);
/* Draws the projections of @projector (heat districts, flood envelopes); NULL: none. */
void                 vg_map_view_set_projector   (VgMapView   *self,
                                                  VgProjector *projector);
/* The projection layers, or NULL before vg_map_view_set_basemap(); borrowed. */
VgHazardLayers      *vg_map_view_get_hazard_layers (VgMapView *self);
/* The offline tile source, or NULL before vg_map_view_set_basemap(); borrowed. */
VgOfflineTileSource *vg_map_view_get_offline_source (VgMapView *self);

/* Highlights @targets (VgProposalTarget; NULL: none) over every other layer and frames them. */
void                 vg_map_view_show_targets    (VgMapView   *self,
                                                  GListModel  *targets);
/* The layer of highlighted targets, or NULL before the first vg_map_view_show_targets(). */
VgTargetLayer       *vg_map_view_get_target_layer (VgMapView  *self);
/* Marks @targets (VgProposalTarget; NULL: none), what a projection reaches, in a quieter style
 * under the highlighted targets; does not move the map. */
void                 vg_map_view_show_exposed    (VgMapView   *self,
                                                  GListModel  *targets);
/* The layer of exposed assets, or NULL before the first vg_map_view_show_exposed(). */
VgTargetLayer       *vg_map_view_get_exposed_layer (VgMapView *self);
/* Centres on the feature @feature_id ("site:…", as notes link them) and opens its popover;
 * FALSE if it is not on the map. Signal ::feature-shown (id, name) when a popover opens;
 * ::point-chosen (latitude, longitude) when a secondary click or long press picks a point. */
gboolean             vg_map_view_focus_feature   (VgMapView   *self,
                                                  const char  *feature_id);
/* The map's size in the default window layout, before any allocation. */
void                 vg_map_view_guess_size      (int         *width,
                                                  int         *height);

G_END_DECLS
