/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-gauge.h"

G_BEGIN_DECLS

/* How each kind of map item looks and what its popover says: gauges (coloured by threshold
 * level, with their hydrograph), incidents (by severity) and sensitive sites. For
 * VgPointLayer, and for the legend. */

/* Colour of a gauge at @level (colour-blind-safe ramp; the vigilance colours' order). */
void        vg_gauge_level_color    (VgGaugeLevel level,
                                     double      *r,
                                     double      *g,
                                     double      *b);
/* Translated name of @level ("red"...); static. */
const char *vg_gauge_level_label    (VgGaugeLevel level);

/* VgPointLayer functions for VgGauge items. */
gboolean    vg_gauge_item_locate    (gpointer item, double *latitude, double *longitude);
void        vg_gauge_item_draw      (cairo_t *cr, gpointer item, double x, double y, double size);
GtkWidget  *vg_gauge_item_detail    (gpointer item);

/* VgPointLayer functions for VgIncident items. */
gboolean    vg_incident_item_locate (gpointer item, double *latitude, double *longitude);
void        vg_incident_item_draw   (cairo_t *cr, gpointer item, double x, double y, double size);
GtkWidget  *vg_incident_item_detail (gpointer item);
/* TRUE if @incident came from a traffic feed (DATEX II): drawn as a road sign. */
gboolean    vg_incident_is_traffic  (gpointer item);
/* VgPointLayer draw function for traffic events: a road sign by kind (warning triangle for an
 * accident or hazard, "no entry" disc for a closure, roadworks sign, queue sign). */
void        vg_traffic_item_draw    (cairo_t *cr, gpointer item, double x, double y, double size);
/* Draws the road sign of incident kind @kind (VgIncidentKind), for the map and the legend. */
void        vg_traffic_sign_draw    (cairo_t *cr, guint kind, double x, double y, double size);
/* Draws a legend symbol of an incident of @severity (VgSeverity). */
void        vg_incident_symbol_draw (cairo_t *cr, guint severity, double x, double y, double size);

/* VgPointLayer functions for VgSite items. */
gboolean    vg_site_item_locate     (gpointer item, double *latitude, double *longitude);
void        vg_site_item_draw       (cairo_t *cr, gpointer item, double x, double y, double size);
GtkWidget  *vg_site_item_detail     (gpointer item);

/* @usec (Unix µs) as the city's local time ("29/09 17:30"); free with g_free(). */
char       *vg_format_local_time    (gint64       usec);
/* How old @then is at @now, for people ("2 min ago", "3 h ago"); free with g_free(). */
char       *vg_format_age           (gint64       now,
                                     gint64       then);

G_END_DECLS
