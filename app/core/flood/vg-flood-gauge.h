/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define VG_TYPE_FLOOD_GAUGE (vg_flood_gauge_get_type ())
G_DECLARE_FINAL_TYPE (VgFloodGauge, vg_flood_gauge, VG, FLOOD_GAUGE, GObject)

/* A reference gauge of a flood envelope library: its HydroPortail code, the river it measures
 * (as named in the watercourse layer) and its Lambert-93 position, with where that comes from. */

/* New gauge; @legacy_code (the old 8-character Banque Hydro code) may be NULL. */
VgFloodGauge *vg_flood_gauge_new                 (const char   *code,
                                                  const char   *legacy_code,
                                                  const char   *name,
                                                  const char   *river,
                                                  double        x_l93,
                                                  double        y_l93,
                                                  const char   *position_source);
/* The reference gauges of Montpellier (the Lez at Montpellier and at Lattes, the Mosson at
 * Saint-Jean-de-Védas), in that order; free with g_ptr_array_unref(). */
GPtrArray    *vg_flood_gauge_dup_montpellier     (void);
/* The Montpellier gauge of code or legacy code @code, or NULL; full ownership. */
VgFloodGauge *vg_flood_gauge_find_montpellier    (const char   *code);
/* HydroPortail code ("Y321002101"); borrowed. */
const char   *vg_flood_gauge_get_code            (VgFloodGauge *self);
/* Banque Hydro code ("Y3204030") or NULL; borrowed. */
const char   *vg_flood_gauge_get_legacy_code     (VgFloodGauge *self);
/* Station name ("Le Lez à Montpellier"); borrowed. */
const char   *vg_flood_gauge_get_name            (VgFloodGauge *self);
/* River name as in the watercourse layer ("Le Lez"); borrowed. */
const char   *vg_flood_gauge_get_river           (VgFloodGauge *self);
/* Lambert-93 position in metres. */
void          vg_flood_gauge_get_l93             (VgFloodGauge *self,
                                                  double       *x,
                                                  double       *y);
/* Where the position comes from (and how sure it is); borrowed. */
const char   *vg_flood_gauge_get_position_source (VgFloodGauge *self);
/* JSON object: code, legacy_code, name, river, x, y, position_source. */
JsonNode     *vg_flood_gauge_to_json             (VgFloodGauge *self);

G_END_DECLS
