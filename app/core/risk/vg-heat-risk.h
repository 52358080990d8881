/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-heat-day.h"
#include "vg-heat-districts.h"
#include "vg-hourly-forecast.h"

G_BEGIN_DECLS

/* Vigie's own heat-risk scale, "vigie-heatrisk-v1", 0 (none) to 4 (extreme), per district and day,
 * after the idea of the US NWS HeatRisk. It is NOT an official warning: Météo-France's vigilance
 * is the official one and always wins on display.
 *
 * For each district the forecast point's hourly temperature gets the district's heat island offset
 * (vg-heat-districts.h; night hours 18:00–06:00 UTC, day hours 06:00–18:00 UTC), then day D has:
 * - a day level from Tx(D) and a night level from Tn(D), the night ending on the morning of D
 *   (vg-heat-day.h), each the number of thresholds below reached (≥);
 * - level = the higher of the two, plus one (at most 4) from the third consecutive hot night
 *   (night level ≥ 2) on: heat kills by accumulation, mostly when nights bring no relief. Nights
 *   before the forecast are unknown and not counted; a night without Tn breaks the streak.
 * Thresholds: percentiles P90, P95, P99 and P99.9 of the daily mean temperature at
 * Montpellier-Aéroport in June–August 1991–2020 (ECA&D TG, tools/heat-thresholds.py), plus 6 K for
 * the day maximum and minus 6 K for the night minimum (ECA&D has no Tx/Tn series; 6 K is half an
 * assumed 12 K summer diurnal range). The level-3 day threshold, 35.0 °C, is also the Hérault's
 * IBMx threshold; the level-3 night one, 23.0 °C, sits 1 K above its IBMn threshold.
 *
 * Indices: the heat index, humidex, apparent temperature and UTCI (shade: Tmrt = Ta) of every
 * district hour, from the district temperature and the forecast point's vapour pressure (a heat
 * island warms the air without adding water, so its relative humidity is lower). UTCI is NaN for
 * hours with wind below 0.5 m/s (outside its approximation); all are NaN without humidity. */

#define VG_HEAT_RISK_INDEX_ID        "vigie-heatrisk-v1"
#define VG_HEAT_RISK_MAX_LEVEL       4
#define VG_HEAT_RISK_HOT_NIGHT_LEVEL 2
#define VG_HEAT_RISK_STREAK_NIGHTS   3

typedef struct {
  double percentile[VG_HEAT_RISK_MAX_LEVEL];  /* 0.90, 0.95, 0.99, 0.999 */
  double tg[VG_HEAT_RISK_MAX_LEVEL];          /* those percentiles of TG, °C */
  double half_range;                          /* A = 6 K */
  double day[VG_HEAT_RISK_MAX_LEVEL];         /* Tx thresholds of levels 1–4: tg + A */
  double night[VG_HEAT_RISK_MAX_LEVEL];       /* Tn thresholds of levels 1–4: tg − A */
} VgHeatRiskThresholds;

typedef enum {
  VG_HEAT_QUANTITY_TEMPERATURE,   /* district temperature, °C */
  VG_HEAT_QUANTITY_HEAT_INDEX,
  VG_HEAT_QUANTITY_HUMIDEX,
  VG_HEAT_QUANTITY_APPARENT,
  VG_HEAT_QUANTITY_UTCI,
  VG_N_HEAT_QUANTITIES,
} VgHeatQuantity;

typedef struct {
  VgHeatDay day;                 /* the district's Tn(D) and Tx(D), heat island included */
  guint     day_level;           /* 0–4 from Tx (0 when Tx is unknown) */
  guint     night_level;         /* 0–4 from Tn (0 when Tn is unknown) */
  guint     hot_nights;          /* consecutive hot nights up to the morning of D */
  gboolean  escalated;           /* the level was raised for the streak */
  guint     level;               /* 0–4 */
  gboolean  complete;            /* both Tn and Tx known; else the level uses the one known */
  guint     hours_above_night;   /* hours of Tn(D)'s night at or above the level-2 night threshold */
  guint     hours_above_day;     /* day hours of D at or above the level-2 day threshold */
  double    peak[VG_N_HEAT_QUANTITIES];  /* maxima over the day hours of D, NaN if none */
} VgHeatRiskDay;

#define VG_TYPE_HEAT_RISK (vg_heat_risk_get_type ())
G_DECLARE_FINAL_TYPE (VgHeatRisk, vg_heat_risk, VG, HEAT_RISK, GObject)

/* The thresholds in force; static. */
const VgHeatRiskThresholds *vg_heat_risk_get_thresholds  (void);
/* Name of @level ("none", "minor", "moderate", "major", "extreme"); static. */
const char                 *vg_heat_risk_level_to_id     (guint             level);
/* Stable name of @quantity ("temperature", "heat_index", "humidex", "apparent", "utci"); static. */
const char                 *vg_heat_risk_quantity_to_id  (VgHeatQuantity    quantity);
/* TRUE if @time (UTC µs) is a night hour of the scale (18:00–06:00 UTC). */
gboolean                    vg_heat_risk_is_night_hour   (gint64            time);
/* The scale for every district of @districts and every day of @forecast (vg_heat_day_list()). */
VgHeatRisk                 *vg_heat_risk_compute         (VgHeatDistricts  *districts,
                                                          VgHourlyForecast *forecast);
/* The districts; borrowed. */
VgHeatDistricts            *vg_heat_risk_get_districts   (VgHeatRisk       *self);
/* The forecast; borrowed. */
VgHourlyForecast           *vg_heat_risk_get_forecast    (VgHeatRisk       *self);
/* Number of days. */
guint                       vg_heat_risk_get_n_days      (VgHeatRisk       *self);
/* Day @day of @district; borrowed. */
const VgHeatRiskDay        *vg_heat_risk_get_day         (VgHeatRisk       *self,
                                                          guint             district,
                                                          guint             day);
/* Highest level of @district over the forecast. */
guint                       vg_heat_risk_get_peak_level  (VgHeatRisk       *self,
                                                          guint             district);
/* Hourly @quantity of @district, one value per forecast hour; borrowed. */
const double               *vg_heat_risk_get_hourly      (VgHeatRisk       *self,
                                                          guint             district,
                                                          VgHeatQuantity    quantity);

G_END_DECLS
