/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Cartographic styles of the offline basemap: a day style close to OpenStreetMap's standard
 * (so operators recognise it), and a night style for dark control rooms. */
typedef enum {
  VG_BASEMAP_STYLE_DAY,
  VG_BASEMAP_STYLE_NIGHT,
} VgBasemapStyle;

typedef struct { double r, g, b; } VgRgb;

/* Road classes, as the prepare-geodata script writes them in the streets' "class" column. */
typedef enum {
  VG_ROAD_MINOR,
  VG_ROAD_STREET,
  VG_ROAD_PRIMARY,
  VG_ROAD_MOTORWAY,
  VG_N_ROAD_CLASSES,
} VgRoadClass;

typedef struct
{
  VgRgb outside;          /* land outside the Métropole */
  VgRgb land;             /* land inside the Métropole */
  VgRgb commune_line;
  VgRgb metropole_line;
  VgRgb quartier_line;
  VgRgb water;
  VgRgb water_line;
  VgRgb building;
  VgRgb building_line;
  VgRgb road[VG_N_ROAD_CLASSES];
  VgRgb road_casing[VG_N_ROAD_CLASSES];
  VgRgb label;
  VgRgb label_halo;
  VgRgb water_label;
  VgRgb place_label;
} VgBasemapPalette;

/* Palette of @style; static, never freed. */
const VgBasemapPalette *vg_basemap_style_get_palette (VgBasemapStyle  style);
/* Stable name of @style ("day", "night"), used in cache keys; static. */
const char             *vg_basemap_style_to_string   (VgBasemapStyle  style);
/* Road class of a streets "class" value; unknown values are VG_ROAD_MINOR. */
VgRoadClass             vg_road_class_from_string    (const char     *value);
/* Stroke width in pixels of a road of @road_class at @zoom (0 when not drawn); the casing adds
 * vg_road_casing_width() on top. */
double                  vg_road_width                (VgRoadClass     road_class,
                                                      guint           zoom);
/* Width of the casing around a road of @width pixels. */
double                  vg_road_casing_width         (double          width);

G_END_DECLS
