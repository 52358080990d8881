/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-heat-exposure.h"
#include "vg-heat-risk.h"
#include "vg-heat-vigilance.h"

G_BEGIN_DECLS

/* The heat-risk result as JSON: what the journal records as a projection and what
 * `vigie-cli heat risk --json` prints — the index and its method, the heatwave indicators with
 * their windows, every district's daily levels, the exposed sites and the resources. */

#define VG_HEAT_REPORT_NOTICE "Vigie's own index, NOT an official warning: Météo-France's vigilance prevails"

/* Adds the report's members to the object @builder is in: index, official (false), notice,
 * method, vigilance (if @vigilance), districts, exposed_sites and resources (if given). */
void vg_heat_report_add_members (JsonBuilder *builder,
                                 VgHeatRisk  *risk,
                                 GArray      *vigilance,
                                 GPtrArray   *exposed,
                                 GPtrArray   *resources);

G_END_DECLS
