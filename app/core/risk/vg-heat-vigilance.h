/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

#include "vg-heat-day.h"
#include "vg-hourly-forecast.h"

G_BEGIN_DECLS

/* The biometeorological indicators of the French heatwave warning system (Météo-France and Santé
 * publique France): IBMn(D) and IBMx(D) are the means of the daily minima and maxima (vg-heat-day.h)
 * of the three days D, D+1 and D+2 — the day itself and the two days after it, so a day's
 * indicators need a forecast reaching two days further. The heatwave criterion of the Hérault is met
 * on D when IBMn(D) ≥ 22 °C and IBMx(D) ≥ 35 °C, both, at Montpellier-Fréjorgues.
 *
 * This computes the indicator from a forecast; it is not the official vigilance, which
 * Météo-France's forecasters decide and which always wins on display. */

#define VG_HEAT_VIGILANCE_IBMN_THRESHOLD 22.0
#define VG_HEAT_VIGILANCE_IBMX_THRESHOLD 35.0
#define VG_HEAT_VIGILANCE_AREA           "Hérault (34), Montpellier-Fréjorgues"
#define VG_HEAT_VIGILANCE_WINDOW_DAYS    3

typedef struct {
  VgHeatDay day;             /* D with its Tn and Tx */
  GDate     window_last;     /* D + 2: the indicators average D, D+1, D+2 */
  double    ibmn, ibmx;      /* °C; NaN when one of the three days lacks its Tn (Tx) */
  double    ibmn_margin;     /* IBMn − 22 °C (NaN with IBMn): ≥ 0 means the threshold is reached */
  double    ibmx_margin;     /* IBMx − 35 °C (NaN with IBMx) */
  gboolean  heatwave;        /* both thresholds reached */
} VgHeatVigilanceDay;

/* The indicators for every day of @forecast (vg_heat_day_list()): an array of VgHeatVigilanceDay. */
GArray *vg_heat_vigilance_compute (VgHourlyForecast *forecast);

G_END_DECLS
