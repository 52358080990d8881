/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-basemap-style"

#include "config.h"

#include "vg-basemap-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255., ((hex) >> 8 & 0xff) / 255., ((hex) & 0xff) / 255. }

/* Colours after openstreetmap-carto (land #f2efe9, water #aad3df, buildings #d9d0c9, primary
 * #fcd6a4, motorway #e892a2), so the map reads as the OSM map operators know. */
static const VgBasemapPalette day = {
  .outside = RGB (0xe3e0d8),
  .land = RGB (0xf2efe9),
  .commune_line = RGB (0xa08fad),
  .metropole_line = RGB (0x7a5c8e),
  .quartier_line = RGB (0xc3b8c9),
  .water = RGB (0xaad3df),
  .water_line = RGB (0x7fb2c4),
  .building = RGB (0xd9d0c9),
  .building_line = RGB (0xbfb1a6),
  .road = { RGB (0xffffff), RGB (0xffffff), RGB (0xfcd6a4), RGB (0xe892a2) },
  .road_casing = { RGB (0xcfc7bd), RGB (0xbcb2a6), RGB (0xc49a62), RGB (0xb85c6c) },
  .label = RGB (0x333333),
  .label_halo = RGB (0xffffff),
  .water_label = RGB (0x1a5d86),
  .place_label = RGB (0x3d2c4a),
};

/* Night: dark land, muted roads; the contrasts of the day style, darkened for a control room. */
static const VgBasemapPalette night = {
  .outside = RGB (0x16181c),
  .land = RGB (0x23262b),
  .commune_line = RGB (0x6d6178),
  .metropole_line = RGB (0x9a83ad),
  .quartier_line = RGB (0x3c3a44),
  .water = RGB (0x1e3f55),
  .water_line = RGB (0x2d5a75),
  .building = RGB (0x3a3834),
  .building_line = RGB (0x4a4743),
  .road = { RGB (0x45464b), RGB (0x55565c), RGB (0x7a6443), RGB (0x8a4a57) },
  .road_casing = { RGB (0x2c2d31), RGB (0x303136), RGB (0x3d3326), RGB (0x4a2830) },
  .label = RGB (0xdedbd5),
  .label_halo = RGB (0x1b1d21),
  .water_label = RGB (0x8cc4e6),
  .place_label = RGB (0xd6c8e0),
};

const VgBasemapPalette *
vg_basemap_style_get_palette (VgBasemapStyle style)
{
  return style == VG_BASEMAP_STYLE_NIGHT ? &night : &day;
}

const char *
vg_basemap_style_to_string (VgBasemapStyle style)
{
  return style == VG_BASEMAP_STYLE_NIGHT ? "night" : "day";
}

VgRoadClass
vg_road_class_from_string (const char *value)
{
  if (value == NULL)
    return VG_ROAD_MINOR;
  if (g_str_equal (value, "motorway"))
    return VG_ROAD_MOTORWAY;
  if (g_str_equal (value, "primary"))
    return VG_ROAD_PRIMARY;
  if (g_str_equal (value, "street"))
    return VG_ROAD_STREET;
  return VG_ROAD_MINOR;
}

double
vg_road_width (VgRoadClass road_class,
               guint       zoom)
{
  /* Width at zoom 16 in pixels, and the first zoom at which the class is drawn. */
  static const double width16[VG_N_ROAD_CLASSES] = { 3.0, 5.0, 8.0, 9.0 };
  static const guint min_zoom[VG_N_ROAD_CLASSES] = { 14, 13, 11, 10 };
  double w;

  if (zoom < min_zoom[road_class])
    return 0;
  /* Roads widen with zoom, slower than the ground does (×1.5 per level, not ×2). */
  w = width16[road_class];
  for (guint z = zoom; z < 16; z++)
    w /= 1.6;
  for (guint z = 16; z < zoom; z++)
    w *= 1.5;
  return CLAMP (w, 0.6, 40);
}

double
vg_road_casing_width (double width)
{
  return width < 2 ? 0 : MAX (1.0, width * 0.18);
}
