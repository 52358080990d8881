/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-heat-risk.h"
#include "vg-site.h"

G_BEGIN_DECLS

/* Which public sites a heat episode reaches: the sites of vulnerable people (care homes and EHPAD,
 * crèches, schools, hospitals) in districts at level 2 or more on some day, and the emergency
 * accommodation sites that can serve as cooling or shelter resources. Only the public site layers:
 * no personal register is read. A site is placed in its district by point-in-polygon on the
 * district's GEOS prepared geometry. */

#define VG_HEAT_EXPOSURE_MIN_LEVEL 2

typedef struct {
  VgSite  *site;           /* owned reference */
  int      district;       /* index in the risk's districts, -1 outside every district */
  guint    peak_level;     /* highest level of the district over the forecast */
  guint    days_at_risk;   /* days at level ≥ 2 */
  GDate    first_day;      /* first day at level ≥ 2 (cleared when none) */
  guint    hours_above;    /* hours above the level-2 thresholds over the forecast (day and night) */
} VgHeatExposure;

/* Frees @exposure and drops its site. */
void       vg_heat_exposure_free             (VgHeatExposure *exposure);
/* Vulnerable sites of @sites (VgSite) in districts reaching level 2 on some day of @risk, highest
 * level first, then most hours above, then by name: an array of VgHeatExposure. */
GPtrArray *vg_heat_exposure_list_vulnerable  (VgHeatRisk     *risk,
                                              GListModel     *sites);
/* The emergency accommodation sites of @sites with their district's exposure, in file order: an
 * array of VgHeatExposure (every shelter, whatever its level). */
GPtrArray *vg_heat_exposure_list_resources   (VgHeatRisk     *risk,
                                              GListModel     *sites);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgHeatExposure, vg_heat_exposure_free)

G_END_DECLS
