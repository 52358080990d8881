/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-map-view.h"
#include "vg-projector.h"

G_BEGIN_DECLS

#define VG_TYPE_FLOOD_PANEL (vg_flood_panel_get_type ())
G_DECLARE_FINAL_TYPE (VgFloodPanel, vg_flood_panel, VG, FLOOD_PANEL, GtkWidget)

/* The flood side panel, per gauge: the stage now and its projection (hydrograph with the trend
 * and its band), when each envelope is reached, a what-if slider that moves the envelope on the
 * map and the exposure with it at every step (lookups in the precomputed index), the exposure
 * table (sortable; activating a row centres the map on it), and how all of it is computed. */

/* New empty panel. */
GtkWidget      *vg_flood_panel_new             (void);
/* Shows the outlooks of @projector (may be NULL) and drives @map_view's envelopes (may be NULL). */
void            vg_flood_panel_set_projector   (VgFloodPanel *self,
                                                VgProjector  *projector,
                                                VgMapView    *map_view);
/* Selects the outlook of library gauge @gauge; FALSE if there is none. */
gboolean        vg_flood_panel_select_gauge    (VgFloodPanel *self,
                                                const char   *gauge);
/* The outlook shown, or NULL; borrowed. */
VgFloodOutlook *vg_flood_panel_get_outlook     (VgFloodPanel *self);
/* The library gauge shown, or NULL; borrowed. */
const char     *vg_flood_panel_get_gauge       (VgFloodPanel *self);
/* What-if: sets the slider to @stage_m (NAN: back to the observed stage). */
void            vg_flood_panel_set_what_if     (VgFloodPanel *self,
                                                double        stage_m);
/* The totals shown (NULL when below every envelope); borrowed. */
const VgFloodTotals *vg_flood_panel_get_totals (VgFloodPanel *self);
/* The exposure table's rows (VgExposedItem, in display order); borrowed. */
GListModel     *vg_flood_panel_get_rows        (VgFloodPanel *self);
/* Activates row @position of the exposure table as shown (sorted), as a double click does: the
 * map frames the asset and highlights it. */
void            vg_flood_panel_activate_row    (VgFloodPanel *self,
                                                guint         position);

G_END_DECLS
