/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-map-view.h"
#include "vg-situation.h"

G_BEGIN_DECLS

#define VG_TYPE_LAYERS_PANEL (vg_layers_panel_get_type ())
G_DECLARE_FINAL_TYPE (VgLayersPanel, vg_layers_panel, VG, LAYERS_PANEL, GtkWidget)

/* The sidebar: map layers with their legend and a toggle each, the basemap in use and its
 * coverage, and the health of every feed. */

/* New, empty panel. */
GtkWidget *vg_layers_panel_new             (void);
/* Lists the situation layers (gauges, warnings, traffic, incidents) and the site categories of
 * @sites (VgSite), toggling them on @map_view; the hidden ones are remembered in @settings'
 * "hidden-layers" and "hidden-site-categories" (may be NULL). */
void       vg_layers_panel_set_sites       (VgLayersPanel *self,
                                            VgMapView     *map_view,
                                            GListModel    *sites,
                                            GSettings     *settings);
/* Shows which basemap is drawn ("offline" or "osm"). */
void       vg_layers_panel_set_basemap     (VgLayersPanel *self,
                                            const char    *basemap);
/* Lists the health of @situation's feeds. */
void       vg_layers_panel_set_situation   (VgLayersPanel *self,
                                            VgSituation   *situation);
/* Updates the feed list (states, ages against the situation clock). */
void       vg_layers_panel_refresh_feeds   (VgLayersPanel *self);
/* Number of feeds listed. */
guint      vg_layers_panel_get_n_feeds     (VgLayersPanel *self);
/* The toggle of @category, for tests and keyboard focus; borrowed. */
GtkWidget *vg_layers_panel_get_toggle      (VgLayersPanel *self,
                                            guint          category);
/* The toggle of situation layer @layer (gauges, warnings, traffic, incidents); borrowed. */
GtkWidget  *vg_layers_panel_get_layer_toggle    (VgLayersPanel *self,
                                                 VgMapLayer     layer);
/* The freshness line of @layer ("updated 2 min ago", "stale", "failing — …"); borrowed. */
const char *vg_layers_panel_get_layer_freshness (VgLayersPanel *self,
                                                 VgMapLayer     layer);

G_END_DECLS
