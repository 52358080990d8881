/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-basemap.h"

G_BEGIN_DECLS

/* Label placement for the offline basemap. Labels are placed once per zoom level for the whole
 * map, in world pixel coordinates, so that a label crossing a tile edge is drawn identically
 * in both tiles and collisions are resolved across tiles, not within each one. */

typedef enum {
  VG_LABEL_PLACE,      /* commune names */
  VG_LABEL_WATER,      /* rivers */
  VG_LABEL_DISTRICT,   /* quartiers */
  VG_LABEL_STREET,
} VgLabelKind;

typedef struct
{
  double       x, y;       /* centre, world pixels at the zoom */
  double       angle;      /* radians, text kept upright */
  double       size;       /* font size, pixels */
  double       bbox[4];    /* world pixel box of the rotated label, with its halo */
  const char  *text;       /* borrowed from the basemap's layers */
  VgLabelKind  kind;
} VgLabel;

/* Labels to draw at @zoom (an array of VgLabel, collisions already removed); the strings stay
 * valid as long as @basemap lives. */
GArray *vg_basemap_labels_place (VgBasemap *basemap,
                                 guint      zoom);

G_END_DECLS
