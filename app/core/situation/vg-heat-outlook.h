/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-forecast.h"
#include "vg-heat-exposure.h"
#include "vg-heat-risk.h"

G_BEGIN_DECLS

#define VG_TYPE_HEAT_OUTLOOK (vg_heat_outlook_get_type ())
G_DECLARE_FINAL_TYPE (VgHeatOutlook, vg_heat_outlook, VG, HEAT_OUTLOOK, GObject)

/* What one weather forecast means for heat: the district levels of every day (VgHeatRisk), the
 * heatwave indicators of the vigilance rule, the vulnerable sites exposed and the cooling
 * resources. Immutable: a new forecast makes a new outlook. */

/* Computes the outlook of @forecast (an Open-Meteo forecast, labelled in the Europe/Paris
 * calendar) over @districts and @sites; VG_RISK_ERROR when the forecast lacks temperatures. */
VgHeatOutlook *vg_heat_outlook_new           (VgForecast      *forecast,
                                              VgHeatDistricts *districts,
                                              GListModel      *sites,
                                              GError         **error);
/* The forecast it was computed from; borrowed. */
VgForecast    *vg_heat_outlook_get_forecast  (VgHeatOutlook   *self);
/* District levels; borrowed. */
VgHeatRisk    *vg_heat_outlook_get_risk      (VgHeatOutlook   *self);
/* Heatwave indicators per day (VgHeatVigilanceDay); borrowed. */
GArray        *vg_heat_outlook_get_vigilance (VgHeatOutlook   *self);
/* Vulnerable sites in districts at level ≥ 2 (VgHeatExposure); borrowed. */
GPtrArray     *vg_heat_outlook_get_exposed   (VgHeatOutlook   *self);
/* Cooling centres and emergency accommodation (VgHeatExposure); borrowed. */
GPtrArray     *vg_heat_outlook_get_resources (VgHeatOutlook   *self);
/* Highest level over every district and day; @district and @day (may be NULL) receive where it
 * is first reached. */
guint          vg_heat_outlook_get_peak      (VgHeatOutlook   *self,
                                              guint           *district,
                                              guint           *day);

G_END_DECLS
