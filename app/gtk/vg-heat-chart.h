/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-heat-risk.h"

G_BEGIN_DECLS

#define VG_TYPE_HEAT_CHART (vg_heat_chart_get_type ())
G_DECLARE_FINAL_TYPE (VgHeatChart, vg_heat_chart, VG, HEAT_CHART, GtkWidget)

/* One district's temperature (heat island included) and heat index, hour by hour over the
 * forecast, with nights shaded, the level 2 and 3 day and night thresholds, and the selected day
 * framed: what the level of each day is made of. */

/* New empty chart. */
GtkWidget *vg_heat_chart_new      (void);
/* Shows @district of @risk (NULL: nothing), with day @day framed (-1: none). */
void       vg_heat_chart_set      (VgHeatChart *self,
                                   VgHeatRisk  *risk,
                                   guint        district,
                                   int          day);

G_END_DECLS
