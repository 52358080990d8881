/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-flood-projection.h"
#include "vg-gauge.h"

G_BEGIN_DECLS

#define VG_TYPE_HYDROGRAPH (vg_hydrograph_get_type ())
G_DECLARE_FINAL_TYPE (VgHydrograph, vg_hydrograph, VG, HYDROGRAPH, GtkWidget)

/* A gauge's stage over the last 24 hours of readings, with its threshold lines: what a
 * hydrologist asks for first. Redraws as readings arrive. */

/* New hydrograph of @gauge. */
GtkWidget *vg_hydrograph_new            (VgGauge           *gauge);
/* The gauge; borrowed. */
VgGauge   *vg_hydrograph_get_gauge      (VgHydrograph      *self);
/* Also draws @projection (may be NULL) of the gauge's latest reading — dashed, with its band —
 * and the stages of @gauge's envelopes in @library (may be NULL) as ticks. */
void       vg_hydrograph_set_projection (VgHydrograph      *self,
                                         VgFloodProjection *projection,
                                         VgFloodLibrary    *library,
                                         const char        *gauge);

G_END_DECLS
