/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Heat-stress indices as published, each a small pure function. Units throughout: temperatures
 * in °C, relative humidity in %, wind in m/s at 10 m, vapour pressure in hPa. The references are
 * in vg-heat-index.c next to each formula. A NaN input gives a NaN result. */

/* Why a UTCI value is not computed: the polynomial is only defined on the ranges it was fitted
 * on (Bröde et al. 2012), listed with each code. */
typedef enum {
  VG_UTCI_VALID,
  VG_UTCI_AIR_TEMPERATURE_OUT_OF_RANGE,  /* air temperature outside −50…+50 °C */
  VG_UTCI_RADIANT_OUT_OF_RANGE,          /* Tmrt − Ta outside −30…+70 K */
  VG_UTCI_WIND_OUT_OF_RANGE,             /* wind outside 0.5…17 m/s (10 m) */
  VG_UTCI_HUMIDITY_OUT_OF_RANGE,         /* RH outside 0…100 %, or vapour pressure above 50 hPa */
} VgUtciValidity;

#define VG_UTCI_TA_MIN         (-50.0)
#define VG_UTCI_TA_MAX         50.0
#define VG_UTCI_DELTA_MRT_MIN  (-30.0)
#define VG_UTCI_DELTA_MRT_MAX  70.0
#define VG_UTCI_WIND_MIN       0.5
#define VG_UTCI_WIND_MAX       17.0
#define VG_UTCI_VAPOUR_MAX     50.0

/* Rothfusz's regression of Steadman's heat index, in °F (@t_f) and % (@rh), without the NWS
 * adjustments: the raw polynomial. */
double         vg_heat_index_rothfusz            (double t_f,
                                                  double rh);
/* NWS heat index (WPC algorithm: simple formula, then Rothfusz with its two adjustments) of air at
 * @t °C and @rh %, in °C. */
double         vg_heat_index_nws                 (double t,
                                                  double rh);
/* Dew point (°C) of air at @t °C and @rh % (Magnus form); NaN if @rh is not above 0. */
double         vg_heat_index_dew_point           (double t,
                                                  double rh);
/* Humidex of air at @t °C holding water vapour at @e hPa. */
double         vg_heat_index_humidex_from_vapour_pressure (double t,
                                                           double e);
/* Humidex of air at @t °C with dew point @td °C (Environment Canada). */
double         vg_heat_index_humidex_from_dew_point       (double t,
                                                           double td);
/* Humidex of air at @t °C and @rh % (dew point from vg_heat_index_dew_point()). */
double         vg_heat_index_humidex             (double t,
                                                  double rh);
/* Apparent temperature (°C, shade, no radiation) at @t °C, vapour pressure @e hPa, wind @wind. */
double         vg_heat_index_apparent_from_vapour_pressure (double t,
                                                            double e,
                                                            double wind);
/* Apparent temperature (°C, shade, no radiation) at @t °C, @rh %, wind @wind m/s (BoM). */
double         vg_heat_index_apparent            (double t,
                                                  double rh,
                                                  double wind);
/* Saturation vapour pressure over water at @t °C, in hPa (Hardy 1998, ITS-90). */
double         vg_heat_index_saturation_vapour_pressure (double t);
/* Whether UTCI is defined for @ta, @tmrt (°C), @wind (m/s at 10 m) and vapour pressure @e (hPa). */
VgUtciValidity vg_heat_index_utci_check          (double ta,
                                                  double tmrt,
                                                  double wind,
                                                  double e);
/* One-line English explanation of @validity, naming the range; static. */
const char    *vg_heat_index_utci_describe       (VgUtciValidity validity);
/* UTCI (°C) for @ta, @tmrt, @wind and vapour pressure @e hPa; NaN outside the valid ranges. */
double         vg_heat_index_utci_from_vapour_pressure (double ta,
                                                        double tmrt,
                                                        double wind,
                                                        double e);
/* UTCI (°C) for @ta, @tmrt, @wind and @rh % (vapour pressure from Hardy's saturation formula);
 * NaN outside the valid ranges (vg_heat_index_utci_check() says which). */
double         vg_heat_index_utci                (double ta,
                                                  double tmrt,
                                                  double wind,
                                                  double rh);
/* The four indices for @n points given as air temperature @ta, vapour pressure @e and @wind, with
 * the mean radiant temperature equal to the air temperature (shade): the heat index from the
 * relative humidity e / es(ta), the others from @e directly. Each output array holds @n values,
 * NaN where the index is undefined. The loop the map's grid runs. */
void           vg_heat_index_compute_batch       (gsize         n,
                                                  const double *ta,
                                                  const double *e,
                                                  const double *wind,
                                                  double       *heat_index,
                                                  double       *humidex,
                                                  double       *apparent,
                                                  double       *utci);

G_END_DECLS
