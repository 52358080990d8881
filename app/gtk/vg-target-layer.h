/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* How targets are drawn: the ones being decided about, or everything a projection reaches. */
typedef enum {
  VG_TARGET_STYLE_SELECTED,  /* thick magenta lines, large rings */
  VG_TARGET_STYLE_EXPOSED,   /* thinner dark orange lines, small rings */
} VgTargetStyle;

#define VG_TYPE_TARGET_LAYER (vg_target_layer_get_type ())
G_DECLARE_FINAL_TYPE (VgTargetLayer, vg_target_layer, VG, TARGET_LAYER, ShumateLayer)

/* A map layer highlighting the targets of the proposal an operator is looking at: streets to
 * close as thick lines, sites as rings, areas as outlines, over everything else. The targets
 * are VgProposalTarget items; their GeoJSON geometries are in WGS 84. */

/* New, empty layer over @viewport. */
VgTargetLayer *vg_target_layer_new         (ShumateViewport *viewport);
/* Draws in @style (VG_TARGET_STYLE_SELECTED by default). */
void           vg_target_layer_set_style   (VgTargetLayer   *self,
                                            VgTargetStyle    style);
/* Shows @targets (a GListModel of VgProposalTarget; NULL: none). */
void           vg_target_layer_set_targets (VgTargetLayer   *self,
                                            GListModel      *targets);
/* The targets shown, or NULL; borrowed. */
GListModel    *vg_target_layer_get_targets (VgTargetLayer   *self);
/* Number of vertices drawn in the last frame (what tests look at). */
guint          vg_target_layer_get_n_drawn (VgTargetLayer   *self);
/* The box around every target (WGS 84 degrees); FALSE if there is none. */
gboolean       vg_target_layer_get_bounds  (VgTargetLayer   *self,
                                            double          *min_lat,
                                            double          *min_lon,
                                            double          *max_lat,
                                            double          *max_lon);

G_END_DECLS
