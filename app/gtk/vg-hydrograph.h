/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-gauge.h"

G_BEGIN_DECLS

#define VG_TYPE_HYDROGRAPH (vg_hydrograph_get_type ())
G_DECLARE_FINAL_TYPE (VgHydrograph, vg_hydrograph, VG, HYDROGRAPH, GtkWidget)

/* A gauge's stage over the last 24 hours of readings, with its threshold lines: what a
 * hydrologist asks for first. Redraws as readings arrive. */

/* New hydrograph of @gauge. */
GtkWidget *vg_hydrograph_new (VgGauge *gauge);

G_END_DECLS
