/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Water depth classes of French flood maps (Vigicrues ZICH, TRI): 0–0.5, 0.5–1, 1–1.5,
 * 1.5–2 and over 2 metres. */
typedef enum {
  VG_DEPTH_0_TO_0_5,
  VG_DEPTH_0_5_TO_1,
  VG_DEPTH_1_TO_1_5,
  VG_DEPTH_1_5_TO_2,
  VG_DEPTH_OVER_2,
  VG_N_DEPTH_CLASSES,
} VgFloodDepthClass;

/* Class of identifier @id ("0-0.5", "0.5-1", "1-1.5", "1.5-2", ">2"; an en dash for the hyphen
 * and spaces are accepted); FALSE if unknown. */
gboolean          vg_flood_depth_class_from_id    (const char        *id,
                                                   VgFloodDepthClass *depth_class);
/* Stable identifier, as in files and JSON; static. */
const char       *vg_flood_depth_class_to_id      (VgFloodDepthClass  depth_class);
/* Class of a water depth of @depth_m metres (> 0). */
VgFloodDepthClass vg_flood_depth_class_for_depth  (double             depth_m);
/* Lower bound of the class in metres. */
double            vg_flood_depth_class_get_min    (VgFloodDepthClass  depth_class);

G_END_DECLS
