/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-fact-set.h"
#include "vg-flood-outlook.h"
#include "vg-hazard-models.h"

G_BEGIN_DECLS

/* The flood engine's results as trigger facts: the adapter between VgFloodOutlook and the
 * playbooks (the heat one is proposals/vg-heat-facts).
 *
 * One "flood.gauge" fact per outlook, keyed by the river gauge's station code, with every
 * envelope of its library gauge: expected when its stage is reached in the readings or within the
 * projection's horizon, its ETA (the first crossing) with the band's half-width in minutes, the
 * sensitive sites inside it, and the streets it cuts (vg-envelope-facts: the main cuts, as a
 * closure plan names them, not every alley; the projection entry keeps the full list). */

#define VG_FLOOD_FACTS_METHOD       "vigie-flood-trend"
#define VG_FLOOD_FACTS_METHOD_VERSION "1"

/* Adds the fact of @outlook to @facts (which must cover the flood hazard), its sites and streets
 * from @models; @source is the feed the readings come from. VG_GEO_ERROR if a geometry cannot
 * be placed in WGS84, VG_PROPOSAL_ERROR if the fact is refused. */
gboolean vg_fact_set_add_flood_outlook (VgFactSet      *facts,
                                        VgFloodOutlook *outlook,
                                        VgHazardModels *models,
                                        const char     *source,
                                        GError        **error);
/* Adds every emergency accommodation site of @models as a resource. */
void     vg_fact_set_add_shelters      (VgFactSet      *facts,
                                        VgHazardModels *models);

G_END_DECLS
