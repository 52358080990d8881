/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "vg-shape-set.h"
#include "vg-tile-renderer.h"

G_BEGIN_DECLS

/* The map snapshots of the report: the offline basemap composed from VgTileRenderer tiles for
 * one frame, drawn once, then copied for each phase and drawn on (geometries, sites). */

typedef struct _VgReportMap VgReportMap;

/* A @width × @height pixel frame showing @bbox (EPSG:3857) at the largest whole tile zoom that
 * fits it, centred; the basemap is drawn from @renderer, or left plain if it is NULL (no city
 * data installed: the report still shows the geometries). Tile errors are G_IO_ERROR_CANCELLED
 * or VG_GEO_ERROR. */
VgReportMap     *vg_report_map_new        (VgTileRenderer  *renderer,
                                           const double     bbox[4],
                                           int              width,
                                           int              height,
                                           GCancellable    *cancellable,
                                           GError         **error);
/* Frees @self. */
void             vg_report_map_free       (VgReportMap     *self);
/* A new image of the basemap, to draw a phase on. */
cairo_surface_t *vg_report_map_dup_base   (VgReportMap     *self);
/* Pixel position in the frame of the Web Mercator point @mx, @my. */
void             vg_report_map_project    (VgReportMap     *self,
                                           double           mx,
                                           double           my,
                                           double          *px,
                                           double          *py);
/* Draws shape @index of @shapes (EPSG:3857) on @cr in colour @rgb (0xRRGGBB): polygons filled
 * at @alpha and outlined, lines stroked, points as dots. */
void             vg_report_map_draw_shape (VgReportMap     *self,
                                           cairo_t         *cr,
                                           VgShapeSet      *shapes,
                                           guint            index,
                                           guint32          rgb,
                                           double           alpha);

G_END_DECLS
