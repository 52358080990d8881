/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-map-view.h"
#include "vg-projector.h"

G_BEGIN_DECLS

#define VG_TYPE_HEAT_PANEL (vg_heat_panel_get_type ())
G_DECLARE_FINAL_TYPE (VgHeatPanel, vg_heat_panel, VG, HEAT_PANEL, GtkWidget)

/* The heat side panel: a day slider over the forecast that shades the map's districts by that
 * day's level, the districts by level (selecting one charts its hours; a click on the map selects
 * it too), the heatwave indicators of the vigilance rule with their windows, the vulnerable sites
 * exposed with their hours above the thresholds, the cooling resources, and how it is computed. */

/* New empty panel. */
GtkWidget *vg_heat_panel_new            (void);
/* Shows the heat outlook of @projector (may be NULL), shading @map_view's districts. */
void       vg_heat_panel_set_projector  (VgHeatPanel *self,
                                         VgProjector *projector,
                                         VgMapView   *map_view);
/* The outlook shown, or NULL; borrowed. */
VgHeatOutlook *vg_heat_panel_get_outlook (VgHeatPanel *self);
/* Shows forecast day @day (index into the outlook's days). */
void       vg_heat_panel_set_day        (VgHeatPanel *self,
                                         guint        day);
/* The day shown, -1 without an outlook. */
int        vg_heat_panel_get_day        (VgHeatPanel *self);
/* Selects district @district (charted, and highlighted in the list). */
void       vg_heat_panel_select_district (VgHeatPanel *self,
                                         guint        district);
/* The district charted, -1 if none. */
int        vg_heat_panel_get_district   (VgHeatPanel *self);
/* Districts in the list, in display order (highest level first): the district indices; borrowed. */
GArray    *vg_heat_panel_get_order      (VgHeatPanel *self);

G_END_DECLS
