/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-layer.h"

G_BEGIN_DECLS

/* The layers the offline basemap is drawn from, in drawing order. */
typedef enum {
  VG_BASEMAP_METROPOLE,
  VG_BASEMAP_COMMUNES,
  VG_BASEMAP_QUARTIERS,
  VG_BASEMAP_WATERCOURSES,
  VG_BASEMAP_BUILDINGS,
  VG_BASEMAP_STREETS,
  VG_BASEMAP_N_LAYERS,
} VgBasemapLayer;

#define VG_TYPE_BASEMAP (vg_basemap_get_type ())
G_DECLARE_FINAL_TYPE (VgBasemap, vg_basemap, VG, BASEMAP, GObject)

/* The offline basemap's data: the bundled city layers, read from the GeoPackage once and kept in
 * Web Mercator metres (EPSG:3857) for drawing. Immutable after loading: tile renderers in
 * several threads share one. */

/* Loads the basemap layers from the GeoPackage at @path; errors name the file and layer. */
VgBasemap  *vg_basemap_new_from_gpkg   (const char      *path,
                                        GError         **error);
/* Loads the bundled Montpellier basemap (data/geodata/montpellier.gpkg). */
VgBasemap  *vg_basemap_new_default     (GError         **error);
/* Layer @layer in EPSG:3857; borrowed. */
VgLayer    *vg_basemap_get_layer       (VgBasemap       *self,
                                        VgBasemapLayer   layer);
/* Column index of @column in @layer (as vg_layer_find_column()). */
int         vg_basemap_get_column      (VgBasemap       *self,
                                        VgBasemapLayer   layer,
                                        const char      *column);
/* Extent of the Métropole in EPSG:3857 {min_x, min_y, max_x, max_y}. */
void        vg_basemap_get_extent      (VgBasemap       *self,
                                        double           bbox[4]);
/* Extent of the detailed city data (streets, buildings: commune of Montpellier) in EPSG:3857. */
void        vg_basemap_get_detail_extent (VgBasemap     *self,
                                        double           bbox[4]);
/* Label anchor (a point inside) of feature @feature of a polygon layer, EPSG:3857. */
void        vg_basemap_get_label_point (VgBasemap       *self,
                                        VgBasemapLayer   layer,
                                        guint            feature,
                                        double          *x,
                                        double          *y);
/* A short fingerprint of the data (changes when the GeoPackage is regenerated); borrowed. */
const char *vg_basemap_get_data_version (VgBasemap      *self);

G_END_DECLS
