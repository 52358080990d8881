/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-index"

#include "config.h"

#include <math.h>

#include "vg-heat-index.h"

/* The grid's batch loop is where the time goes (45,000 cells × 168 hours); on x86-64 it is also
 * compiled for x86-64-v3 (AVX2 + FMA) and the loader picks the clone the CPU runs. */
#ifdef VG_HAVE_TARGET_CLONES
# define VG_HOT_LOOP __attribute__ ((target_clones ("arch=x86-64-v3", "default")))
#else
# define VG_HOT_LOOP
#endif

#define FAHRENHEIT(c) ((c) * 1.8 + 32.0)
#define CELSIUS(f)    (((f) - 32.0) * (5.0 / 9.0))   /* a product, not a division, in the hot loop */

/* Heat index — NWS Weather Prediction Center, "The Heat Index Equation"
 * (https://www.wpc.ncep.noaa.gov/html/heatindex_equation.shtml), after Rothfusz (1990), NWS
 * Technical Attachment SR 90-23, a regression of Steadman's (1979) apparent temperature tables. */
static inline double
rothfusz (double t,
          double rh)
{
  return -42.379 + 2.04901523 * t + 10.14333127 * rh - 0.22475541 * t * rh
         - 6.83783e-3 * t * t - 5.481717e-2 * rh * rh + 1.22874e-3 * t * t * rh
         + 8.5282e-4 * t * rh * rh - 1.99e-6 * t * t * rh * rh;
}

/* The WPC algorithm, in °F: the simple formula first; if its average with the temperature reaches
 * 80 °F, the regression, less (13 − RH)/4 · √((17 − |T − 95|)/17) when RH < 13 % and
 * 80 ≤ T ≤ 112 °F, plus (RH − 85)/10 · (87 − T)/5 when RH > 85 % and 80 ≤ T ≤ 87 °F. WPC says
 * "between" for both ranges; we include the ends. */
static inline double
nws_fahrenheit (double t,
                double rh)
{
  double simple = 0.5 * (t + 61.0 + (t - 68.0) * 1.2 + rh * 0.094);
  double hi;

  if ((simple + t) / 2.0 < 80.0)
    return simple;

  hi = rothfusz (t, rh);
  if (rh < 13.0 && t >= 80.0 && t <= 112.0)
    hi -= (13.0 - rh) / 4.0 * sqrt ((17.0 - fabs (t - 95.0)) / 17.0);
  else if (rh > 85.0 && t >= 80.0 && t <= 87.0)
    hi += (rh - 85.0) / 10.0 * (87.0 - t) / 5.0;
  return hi;
}

double
vg_heat_index_rothfusz (double t_f,
                        double rh)
{
  return rothfusz (t_f, rh);
}

double
vg_heat_index_nws (double t,
                   double rh)
{
  return CELSIUS (nws_fahrenheit (FAHRENHEIT (t), rh));
}

/* Magnus form with Alduchov & Eskridge (1996) coefficients, J. Appl. Meteor. 35, 601–609
 * (a = 17.625, b = 243.04 °C), inverted for the dew point. */
double
vg_heat_index_dew_point (double t,
                         double rh)
{
  double gamma;

  if (!(rh > 0.0))
    return NAN;
  gamma = log (rh / 100.0) + 17.625 * t / (243.04 + t);
  return 243.04 * gamma / (17.625 - gamma);
}

/* Humidex — Masterson & Richardson (1979), "Humidex, a method of quantifying human discomfort due
 * to excessive heat and humidity", Environment Canada CLI 1-79, as Environment Canada publishes it:
 * H = T + 0.5555 (e − 10), e = 6.11 exp(5417.7530 (1/273.16 − 1/Td)) with Td in kelvin. */
static inline double
humidex (double t,
         double e)
{
  return t + 0.5555 * (e - 10.0);
}

double
vg_heat_index_humidex_from_vapour_pressure (double t,
                                            double e)
{
  return humidex (t, e);
}

double
vg_heat_index_humidex_from_dew_point (double t,
                                      double td)
{
  double e = 6.11 * exp (5417.7530 * (1.0 / 273.16 - 1.0 / (td + 273.15)));

  return humidex (t, e);
}

double
vg_heat_index_humidex (double t,
                       double rh)
{
  return vg_heat_index_humidex_from_dew_point (t, vg_heat_index_dew_point (t, rh));
}

/* Apparent temperature — Steadman (1994), "Norms of apparent temperature in Australia", Aust. Met.
 * Mag. 43, 1–16, in the Australian Bureau of Meteorology's form without radiation
 * (http://www.bom.gov.au/info/thermal_stress/): AT = Ta + 0.33 e − 0.70 ws − 4.00, with
 * e = RH/100 · 6.105 exp(17.27 Ta / (237.7 + Ta)) hPa and ws the wind at 10 m. pythermalcomfort's
 * at() without q is the same formula. */
static inline double
apparent (double t,
          double e,
          double wind)
{
  return t + 0.33 * e - 0.70 * wind - 4.00;
}

double
vg_heat_index_apparent_from_vapour_pressure (double t,
                                             double e,
                                             double wind)
{
  return apparent (t, e, wind);
}

double
vg_heat_index_apparent (double t,
                        double rh,
                        double wind)
{
  return apparent (t, rh / 100.0 * 6.105 * exp (17.27 * t / (237.7 + t)), wind);
}

/* Hardy (1998), "ITS-90 formulations for vapor pressure, frostpoint temperature, dewpoint
 * temperature, and enhancement factors in the range −100 to +100 °C", Proc. 3rd Int. Symp. on
 * Humidity and Moisture: ln es = Σ g_i T^(i−2) + g_7 ln T (T in K, es in Pa). It is the formula
 * the UTCI reference code (UTCI_a002.f90) uses. */
static inline double
saturation_vapour_pressure (double t)
{
  const double tk = t + 273.15;
  const double inv = 1.0 / tk;
  double ln_es = -2.8365744e3 * inv * inv - 6.028076559e3 * inv + 1.954263612e1
                 + tk * (-2.737830188e-2 + tk * (1.6261698e-5 + tk * (7.0229056e-10 + tk * -1.8680009e-13)))
                 + 2.7150305 * log (tk);

  return exp (ln_es) * 0.01;
}

double
vg_heat_index_saturation_vapour_pressure (double t)
{
  return saturation_vapour_pressure (t);
}

/* UTCI — Bröde et al. (2012), "Deriving the operational procedure for the Universal Thermal
 * Climate Index (UTCI)", Int. J. Biometeorol. 56, 481–494, doi:10.1007/s00484-011-0454-1: the
 * 6th-order polynomial in Ta, va (10 m), ΔTmrt = Tmrt − Ta and Pa (vapour pressure, kPa) of the
 * reference implementation UTCI_a002.f90 (Bröde, 2009, utci.org). Its 210 coefficients are all the
 * monomials of degree ≤ 6, listed below in the Fortran's order: by power of Pa, then of ΔTmrt,
 * then of va, each group holding the coefficients of Ta⁰, Ta¹… The table was checked against
 * thermofeel's 50 regression vectors (tests/core/test-heat-index.c). */
static const double utci_coefficients[210] = {
  /* Pa^0 dTmrt^0 va^0 */ 6.07562052e-01, -2.27712343e-02, 8.06470249e-04, -1.54271372e-04, -3.24651735e-06, 7.32602852e-08, 1.35959073e-09,
  /* Pa^0 dTmrt^0 va^1 */ -2.25836520e+00, 8.80326035e-02, 2.16844454e-03, -1.53347087e-05, -5.72983704e-07, -2.55090145e-09,
  /* Pa^0 dTmrt^0 va^2 */ -7.51269505e-01, -4.08350271e-03, -5.21670675e-05, 1.94544667e-06, 1.14099531e-08,
  /* Pa^0 dTmrt^0 va^3 */ 1.58137256e-01, -6.57263143e-05, 2.22697524e-07, -4.16117031e-08,
  /* Pa^0 dTmrt^0 va^4 */ -1.27762753e-02, 9.66891875e-06, 2.52785852e-09,
  /* Pa^0 dTmrt^0 va^5 */ 4.56306672e-04, -1.74202546e-07,
  /* Pa^0 dTmrt^0 va^6 */ -5.91491269e-06,
  /* Pa^0 dTmrt^1 va^0 */ 3.98374029e-01, 1.83945314e-04, -1.73754510e-04, -7.60781159e-07, 3.77830287e-08, 5.43079673e-10,
  /* Pa^0 dTmrt^1 va^1 */ -2.00518269e-02, 8.92859837e-04, 3.45433048e-06, -3.77925774e-07, -1.69699377e-09,
  /* Pa^0 dTmrt^1 va^2 */ 1.69992415e-04, -4.99204314e-05, 2.47417178e-07, 1.07596466e-08,
  /* Pa^0 dTmrt^1 va^3 */ 8.49242932e-05, 1.35191328e-06, -6.21531254e-09,
  /* Pa^0 dTmrt^1 va^4 */ -4.99410301e-06, -1.89489258e-08,
  /* Pa^0 dTmrt^1 va^5 */ 8.15300114e-08,
  /* Pa^0 dTmrt^2 va^0 */ 7.55043090e-04, -5.65095215e-05, -4.52166564e-07, 2.46688878e-08, 2.42674348e-10,
  /* Pa^0 dTmrt^2 va^1 */ 1.54547250e-04, 5.24110970e-06, -8.75874982e-08, -1.50743064e-09,
  /* Pa^0 dTmrt^2 va^2 */ -1.56236307e-05, -1.33895614e-07, 2.49709824e-09,
  /* Pa^0 dTmrt^2 va^3 */ 6.51711721e-07, 1.94960053e-09,
  /* Pa^0 dTmrt^2 va^4 */ -1.00361113e-08,
  /* Pa^0 dTmrt^3 va^0 */ -1.21206673e-05, -2.18203660e-07, 7.51269482e-09, 9.79063848e-11,
  /* Pa^0 dTmrt^3 va^1 */ 1.25006734e-06, -1.81584736e-09, -3.52197671e-10,
  /* Pa^0 dTmrt^3 va^2 */ -3.36514630e-08, 1.35908359e-10,
  /* Pa^0 dTmrt^3 va^3 */ 4.17032620e-10,
  /* Pa^0 dTmrt^4 va^0 */ -1.30369025e-09, 4.13908461e-10, 9.22652254e-12,
  /* Pa^0 dTmrt^4 va^1 */ -5.08220384e-09, -2.24730961e-11,
  /* Pa^0 dTmrt^4 va^2 */ 1.17139133e-10,
  /* Pa^0 dTmrt^5 va^0 */ 6.62154879e-10, 4.03863260e-13,
  /* Pa^0 dTmrt^5 va^1 */ 1.95087203e-12,
  /* Pa^0 dTmrt^6 va^0 */ -4.73602469e-12,
  /* Pa^1 dTmrt^0 va^0 */ 5.12733497e+00, -3.12788561e-01, -1.96701861e-02, 9.99690870e-04, 9.51738512e-06, -4.66426341e-07,
  /* Pa^1 dTmrt^0 va^1 */ 5.48050612e-01, -3.30552823e-03, -1.64119440e-03, -5.16670694e-06, 9.52692432e-07,
  /* Pa^1 dTmrt^0 va^2 */ -4.29223622e-02, 5.00845667e-03, 1.00601257e-06, -1.81748644e-06,
  /* Pa^1 dTmrt^0 va^3 */ -1.25813502e-03, -1.79330391e-04, 2.34994441e-06,
  /* Pa^1 dTmrt^0 va^4 */ 1.29735808e-04, 1.29064870e-06,
  /* Pa^1 dTmrt^0 va^5 */ -2.28558686e-06,
  /* Pa^1 dTmrt^1 va^0 */ -3.69476348e-02, 1.62325322e-03, -3.14279680e-05, 2.59835559e-06, -4.77136523e-08,
  /* Pa^1 dTmrt^1 va^1 */ 8.64203390e-03, -6.87405181e-04, -9.13863872e-06, 5.15916806e-07,
  /* Pa^1 dTmrt^1 va^2 */ -3.59217476e-05, 3.28696511e-05, -7.10542454e-07,
  /* Pa^1 dTmrt^1 va^3 */ -1.24382300e-05, -7.38584400e-09,
  /* Pa^1 dTmrt^1 va^4 */ 2.20609296e-07,
  /* Pa^1 dTmrt^2 va^0 */ -7.32469180e-04, -1.87381964e-05, 4.80925239e-06, -8.75492040e-08,
  /* Pa^1 dTmrt^2 va^1 */ 2.77862930e-05, -5.06004592e-06, 1.14325367e-07,
  /* Pa^1 dTmrt^2 va^2 */ 2.53016723e-06, -1.72857035e-08,
  /* Pa^1 dTmrt^2 va^3 */ -3.95079398e-08,
  /* Pa^1 dTmrt^3 va^0 */ -3.59413173e-07, 7.04388046e-07, -1.89309167e-08,
  /* Pa^1 dTmrt^3 va^1 */ -4.79768731e-07, 7.96079978e-09,
  /* Pa^1 dTmrt^3 va^2 */ 1.62897058e-09,
  /* Pa^1 dTmrt^4 va^0 */ 3.94367674e-08, -1.18566247e-09,
  /* Pa^1 dTmrt^4 va^1 */ 3.34678041e-10,
  /* Pa^1 dTmrt^5 va^0 */ -1.15606447e-10,
  /* Pa^2 dTmrt^0 va^0 */ -2.80626406e+00, 5.48712484e-01, -3.99428410e-03, -9.54009191e-04, 1.93090978e-05,
  /* Pa^2 dTmrt^0 va^1 */ -3.08806365e-01, 1.16952364e-02, 4.95271903e-04, -1.90710882e-05,
  /* Pa^2 dTmrt^0 va^2 */ 2.10787756e-03, -6.98445738e-04, 2.30109073e-05,
  /* Pa^2 dTmrt^0 va^3 */ 4.17856590e-04, -1.27043871e-05,
  /* Pa^2 dTmrt^0 va^4 */ -3.04620472e-06,
  /* Pa^2 dTmrt^1 va^0 */ 5.14507424e-02, -4.32510997e-03, 8.99281156e-05, -7.14663943e-07,
  /* Pa^2 dTmrt^1 va^1 */ -2.66016305e-04, 2.63789586e-04, -7.01199003e-06,
  /* Pa^2 dTmrt^1 va^2 */ -1.06823306e-04, 3.61341136e-06,
  /* Pa^2 dTmrt^1 va^3 */ 2.29748967e-07,
  /* Pa^2 dTmrt^2 va^0 */ 3.04788893e-04, -6.42070836e-05, 1.16257971e-06,
  /* Pa^2 dTmrt^2 va^1 */ 7.68023384e-06, -5.47446896e-07,
  /* Pa^2 dTmrt^2 va^2 */ -3.59937910e-08,
  /* Pa^2 dTmrt^3 va^0 */ -4.36497725e-06, 1.68737969e-07,
  /* Pa^2 dTmrt^3 va^1 */ 2.67489271e-08,
  /* Pa^2 dTmrt^4 va^0 */ 3.23926897e-09,
  /* Pa^3 dTmrt^0 va^0 */ -3.53874123e-02, -2.21201190e-01, 1.55126038e-02, -2.63917279e-04,
  /* Pa^3 dTmrt^0 va^1 */ 4.53433455e-02, -4.32943862e-03, 1.45389826e-04,
  /* Pa^3 dTmrt^0 va^2 */ 2.17508610e-04, -6.66724702e-05,
  /* Pa^3 dTmrt^0 va^3 */ 3.33217140e-05,
  /* Pa^3 dTmrt^1 va^0 */ -2.26921615e-03, 3.80261982e-04, -5.45314314e-09,
  /* Pa^3 dTmrt^1 va^1 */ -7.96355448e-04, 2.53458034e-05,
  /* Pa^3 dTmrt^1 va^2 */ -6.31223658e-06,
  /* Pa^3 dTmrt^2 va^0 */ 3.02122035e-04, -4.77403547e-06,
  /* Pa^3 dTmrt^2 va^1 */ 1.73825715e-06,
  /* Pa^3 dTmrt^3 va^0 */ -4.09087898e-07,
  /* Pa^4 dTmrt^0 va^0 */ 6.14155345e-01, -6.16755931e-02, 1.33374846e-03,
  /* Pa^4 dTmrt^0 va^1 */ 3.55375387e-03, -5.13027851e-04,
  /* Pa^4 dTmrt^0 va^2 */ 1.02449757e-04,
  /* Pa^4 dTmrt^1 va^0 */ -1.48526421e-03, -4.11469183e-05,
  /* Pa^4 dTmrt^1 va^1 */ -6.80434415e-06,
  /* Pa^4 dTmrt^2 va^0 */ -9.77675906e-06,
  /* Pa^5 dTmrt^0 va^0 */ 8.82773108e-02, -3.01859306e-03,
  /* Pa^5 dTmrt^0 va^1 */ 1.04452989e-03,
  /* Pa^5 dTmrt^1 va^0 */ 2.47090539e-04,
  /* Pa^6 dTmrt^0 va^0 */ 1.48348065e-03,
};

/* Horner's scheme at every level: the sum over Pa powers of Pa^l · (the sum over ΔTmrt powers of
 * ΔTmrt^k · (the sum over va powers of va^j · P_lkj(Ta))). With the loops fully unrolled the
 * compiler sees one straight expression, three times faster than the rolled loops. @radiant is a
 * constant at each call: FALSE drops every ΔTmrt term, the exact polynomial at ΔTmrt = 0 (shade)
 * in 84 of the 210 terms. */
static inline double
utci_polynomial (double   ta,
                 double   d_tmrt,
                 double   va,
                 double   pa,
                 gboolean radiant)
{
  const double *c = utci_coefficients;
  double sum_l = 0.0, pa_l = 1.0;

#pragma GCC unroll 7
  for (int l = 0; l <= 6; l++)
    {
      double sum_k = 0.0, d_k = 1.0;

#pragma GCC unroll 7
      for (int k = 0; k <= 6 - l; k++)
        {
          double sum_j = 0.0, va_j = 1.0;

#pragma GCC unroll 7
          for (int j = 0; j <= 6 - l - k; j++)
            {
              const int n = 7 - l - k - j;

              if (radiant || k == 0)
                {
                  double p = c[n - 1];

#pragma GCC unroll 7
                  for (int i = n - 2; i >= 0; i--)
                    p = p * ta + c[i];
                  sum_j += p * va_j;
                  va_j *= va;
                }
              c += n;
            }
          if (radiant || k == 0)
            sum_k += sum_j * d_k;
          d_k *= d_tmrt;
        }
      sum_l += sum_k * pa_l;
      pa_l *= pa;
    }
  return ta + sum_l;
}

/* The ranges of the fit (Bröde et al. 2012): Ta −50…+50 °C, Tmrt − Ta −30…+70 K, va 0.5…17 m/s.
 * Humidity: we also refuse vapour pressures above 5 kPa, the top of the humidity range of the
 * fit as we read the paper. */
static inline VgUtciValidity
utci_check (double ta,
            double tmrt,
            double wind,
            double e)
{
  if (!(ta >= VG_UTCI_TA_MIN && ta <= VG_UTCI_TA_MAX))
    return VG_UTCI_AIR_TEMPERATURE_OUT_OF_RANGE;
  if (!(tmrt - ta >= VG_UTCI_DELTA_MRT_MIN && tmrt - ta <= VG_UTCI_DELTA_MRT_MAX))
    return VG_UTCI_RADIANT_OUT_OF_RANGE;
  if (!(wind >= VG_UTCI_WIND_MIN && wind <= VG_UTCI_WIND_MAX))
    return VG_UTCI_WIND_OUT_OF_RANGE;
  if (!(e >= 0.0 && e <= VG_UTCI_VAPOUR_MAX))
    return VG_UTCI_HUMIDITY_OUT_OF_RANGE;
  return VG_UTCI_VALID;
}

VgUtciValidity
vg_heat_index_utci_check (double ta,
                          double tmrt,
                          double wind,
                          double e)
{
  return utci_check (ta, tmrt, wind, e);
}

const char *
vg_heat_index_utci_describe (VgUtciValidity validity)
{
  switch (validity)
    {
    case VG_UTCI_VALID:
      return "within the ranges of the UTCI approximation";
    case VG_UTCI_AIR_TEMPERATURE_OUT_OF_RANGE:
      return "air temperature outside -50…+50 °C, the range of the UTCI approximation";
    case VG_UTCI_RADIANT_OUT_OF_RANGE:
      return "mean radiant temperature more than 30 K below or 70 K above the air temperature, outside the UTCI approximation";
    case VG_UTCI_WIND_OUT_OF_RANGE:
      return "wind outside 0.5…17 m/s at 10 m, the range of the UTCI approximation";
    case VG_UTCI_HUMIDITY_OUT_OF_RANGE:
      return "humidity outside 0…100 % or vapour pressure above 50 hPa, the range of the UTCI approximation";
    default:
      g_return_val_if_reached ("unknown UTCI validity");
    }
}

static inline double
utci (double   ta,
      double   tmrt,
      double   wind,
      double   e,
      gboolean radiant)
{
  if (utci_check (ta, tmrt, wind, e) != VG_UTCI_VALID)
    return NAN;
  return utci_polynomial (ta, tmrt - ta, wind, e / 10.0, radiant);
}

double
vg_heat_index_utci_from_vapour_pressure (double ta,
                                         double tmrt,
                                         double wind,
                                         double e)
{
  return utci (ta, tmrt, wind, e, TRUE);
}

double
vg_heat_index_utci (double ta,
                    double tmrt,
                    double wind,
                    double rh)
{
  if (!(rh >= 0.0 && rh <= 100.0))
    return NAN;
  return utci (ta, tmrt, wind, rh / 100.0 * saturation_vapour_pressure (ta), TRUE);
}

/* In passes: the first (transcendental functions) and second (branches) stay scalar, the third
 * vectorizes ("omp simd": -fopenmp-simd, no OpenMP runtime). Until then the heat index array
 * holds the relative humidity, and the UTCI array 0 where UTCI is defined, NaN elsewhere: adding
 * the polynomial keeps the NaN. */
VG_HOT_LOOP void
vg_heat_index_compute_batch (gsize                   n,
                             const double * restrict ta,
                             const double * restrict e,
                             const double * restrict wind,
                             double       * restrict heat_index,
                             double       * restrict humidex_t,
                             double       * restrict apparent_t,
                             double       * restrict utci_t)
{
  for (gsize i = 0; i < n; i++)
    {
      heat_index[i] = 100.0 * e[i] / saturation_vapour_pressure (ta[i]);
      utci_t[i] = utci_check (ta[i], ta[i], wind[i], e[i]) == VG_UTCI_VALID ? 0.0 : NAN;
    }
  for (gsize i = 0; i < n; i++)
    heat_index[i] = CELSIUS (nws_fahrenheit (FAHRENHEIT (ta[i]), heat_index[i]));
#pragma omp simd
  for (gsize i = 0; i < n; i++)
    {
      humidex_t[i] = humidex (ta[i], e[i]);
      apparent_t[i] = apparent (ta[i], e[i], wind[i]);
      utci_t[i] += utci_polynomial (ta[i], 0.0, wind[i], e[i] / 10.0, FALSE);
    }
}
