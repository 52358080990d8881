/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-fact-set.h"
#include "vg-heat-risk.h"

G_BEGIN_DECLS

/* The heat engine's results as trigger facts: the adapter between app/core/risk/ and the
 * playbooks. */

/* Adds to @facts (which must cover the heat hazard) one "heat.district" fact per district and
 * day of @risk at level @min_level or more, with the district's vulnerable sites from @sites
 * (VgSite; vg_heat_exposure_list_vulnerable()), and every emergency accommodation site of @sites
 * as a resource. The forecast's source and model run (or @facts' computed time when it has
 * none) are the facts' source; @projection_seq is the journal seq of the projection entry (0:
 * none). VG_GEO_ERROR if a district cannot be placed in WGS84. */
gboolean vg_fact_set_add_heat_risk (VgFactSet  *facts,
                                    VgHeatRisk *risk,
                                    GListModel *sites,
                                    guint       min_level,
                                    guint64     projection_seq,
                                    GError    **error);

G_END_DECLS
