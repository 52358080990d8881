/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-risk"

#include "config.h"

#include <math.h>

#include "vg-heat-index.h"
#include "vg-heat-risk.h"

struct _VgHeatRisk
{
  GObject           parent_instance;

  VgHeatDistricts  *districts;
  VgHourlyForecast *forecast;
  guint             n_districts;
  guint             n_days;
  VgHeatRiskDay    *days;      /* n_districts × n_days */
  double           *hourly;    /* n_districts × VG_N_HEAT_QUANTITIES × n_hours */
};

G_DEFINE_FINAL_TYPE (VgHeatRisk, vg_heat_risk, G_TYPE_OBJECT)

/* JJA 1991–2020 TG percentiles at Montpellier-Aéroport, from tools/heat-thresholds.py (rounded to
 * 0.01 °C; tests/core/test-heat-risk.c recomputes them from the ECA&D series). */
static const VgHeatRiskThresholds thresholds = {
  .percentile = { 0.90, 0.95, 0.99, 0.999 },
  .tg = { 26.80, 27.70, 29.04, 30.45 },
  .half_range = 6.0,
  .day = { 26.80 + 6.0, 27.70 + 6.0, 29.04 + 6.0, 30.45 + 6.0 },
  .night = { 26.80 - 6.0, 27.70 - 6.0, 29.04 - 6.0, 30.45 - 6.0 },
};

static void
vg_heat_risk_finalize (GObject *object)
{
  VgHeatRisk *self = VG_HEAT_RISK (object);

  g_clear_object (&self->districts);
  g_clear_pointer (&self->forecast, vg_hourly_forecast_unref);
  g_clear_pointer (&self->days, g_free);
  g_clear_pointer (&self->hourly, g_free);

  G_OBJECT_CLASS (vg_heat_risk_parent_class)->finalize (object);
}

static void
vg_heat_risk_class_init (VgHeatRiskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_heat_risk_finalize;
}

static void
vg_heat_risk_init (VgHeatRisk *self)
{
}

const VgHeatRiskThresholds *
vg_heat_risk_get_thresholds (void)
{
  return &thresholds;
}

const char *
vg_heat_risk_level_to_id (guint level)
{
  static const char * const names[] = { "none", "minor", "moderate", "major", "extreme" };

  g_return_val_if_fail (level <= VG_HEAT_RISK_MAX_LEVEL, NULL);

  return names[level];
}

const char *
vg_heat_risk_quantity_to_id (VgHeatQuantity quantity)
{
  static const char * const names[] = { "temperature", "heat_index", "humidex", "apparent", "utci" };

  g_return_val_if_fail (quantity < VG_N_HEAT_QUANTITIES, NULL);

  return names[quantity];
}

gboolean
vg_heat_risk_is_night_hour (gint64 time)
{
  gint64 hour = (time / G_TIME_SPAN_HOUR) % 24;

  if (hour < 0)
    hour += 24;
  return hour < 6 || hour >= 18;
}

/* Number of @limits (ascending) that @value reaches; 0 for NaN. */
static guint
level_of (double        value,
          const double *limits)
{
  guint level = 0;

  while (level < VG_HEAT_RISK_MAX_LEVEL && value >= limits[level])
    level++;
  return level;
}

static double *
hourly_of (VgHeatRisk     *self,
           guint           district,
           VgHeatQuantity  quantity)
{
  gsize n = vg_hourly_forecast_get_n_hours (self->forecast);

  return self->hourly + ((gsize) district * VG_N_HEAT_QUANTITIES + quantity) * n;
}

/* The district's hourly temperature and indices. */
static void
compute_hourly (VgHeatRisk   *self,
                guint         district,
                const double *vapour)
{
  gsize n = vg_hourly_forecast_get_n_hours (self->forecast);
  const gint64 *times = vg_hourly_forecast_get_times (self->forecast);
  const double *t = vg_hourly_forecast_get_temperature (self->forecast);
  const double *wind = vg_hourly_forecast_get_wind (self->forecast);
  double *temperature = hourly_of (self, district, VG_HEAT_QUANTITY_TEMPERATURE);
  double uhi_night = vg_heat_districts_get_uhi (self->districts, district, TRUE);
  double uhi_day = vg_heat_districts_get_uhi (self->districts, district, FALSE);
  g_autofree double *no_wind = NULL;

  for (gsize h = 0; h < n; h++)
    temperature[h] = t[h] + (vg_heat_risk_is_night_hour (times[h]) ? uhi_night : uhi_day);
  if (wind == NULL)
    {
      no_wind = g_new (double, n);
      for (gsize h = 0; h < n; h++)
        no_wind[h] = NAN;
      wind = no_wind;
    }
  vg_heat_index_compute_batch (n, temperature, vapour, wind,
                               hourly_of (self, district, VG_HEAT_QUANTITY_HEAT_INDEX),
                               hourly_of (self, district, VG_HEAT_QUANTITY_HUMIDEX),
                               hourly_of (self, district, VG_HEAT_QUANTITY_APPARENT),
                               hourly_of (self, district, VG_HEAT_QUANTITY_UTCI));
}

/* Hours above the level-2 thresholds, and the day-hour peaks, of @day. */
static void
compute_hours (VgHeatRisk    *self,
               guint          district,
               VgHeatRiskDay *day)
{
  gsize n = vg_hourly_forecast_get_n_hours (self->forecast);
  const gint64 *times = vg_hourly_forecast_get_times (self->forecast);
  const double *temperature = hourly_of (self, district, VG_HEAT_QUANTITY_TEMPERATURE);
  const guint l2 = VG_HEAT_RISK_HOT_NIGHT_LEVEL - 1;

  for (guint q = 0; q < VG_N_HEAT_QUANTITIES; q++)
    day->peak[q] = NAN;
  for (gsize h = 0; h < n; h++)
    {
      if (times[h] >= day->day.tn_start && times[h] < day->day.tn_end)
        day->hours_above_night += temperature[h] >= thresholds.night[l2];
      /* The day hours of D, 06:00–18:00 UTC, open its Tx window. */
      if (times[h] >= day->day.tx_start && times[h] < day->day.tx_start + 12 * G_TIME_SPAN_HOUR)
        {
          day->hours_above_day += temperature[h] >= thresholds.day[l2];
          for (guint q = 0; q < VG_N_HEAT_QUANTITIES; q++)
            {
              double v = hourly_of (self, district, q)[h];

              if (!isnan (v) && (isnan (day->peak[q]) || v > day->peak[q]))
                day->peak[q] = v;
            }
        }
    }
}

static void
compute_district (VgHeatRisk   *self,
                  guint         district,
                  const GArray *calendar,
                  const double *vapour)
{
  gsize n = vg_hourly_forecast_get_n_hours (self->forecast);
  const gint64 *times = vg_hourly_forecast_get_times (self->forecast);
  VgHeatRiskDay *days = self->days + (gsize) district * self->n_days;
  guint streak = 0;

  compute_hourly (self, district, vapour);
  for (guint d = 0; d < self->n_days; d++)
    days[d].day = g_array_index (calendar, VgHeatDay, d);
  for (guint d = 0; d < self->n_days; d++)
    {
      VgHeatRiskDay *day = &days[d];

      vg_heat_day_compute (&day->day, 1, times, hourly_of (self, district, VG_HEAT_QUANTITY_TEMPERATURE), n);
      day->day_level = level_of (day->day.tx, thresholds.day);
      day->night_level = level_of (day->day.tn, thresholds.night);
      day->complete = !isnan (day->day.tn) && !isnan (day->day.tx);
      streak = day->night_level >= VG_HEAT_RISK_HOT_NIGHT_LEVEL ? streak + 1 : 0;
      day->hot_nights = streak;
      day->level = MAX (day->day_level, day->night_level);
      day->escalated = streak >= VG_HEAT_RISK_STREAK_NIGHTS && day->level < VG_HEAT_RISK_MAX_LEVEL;
      if (day->escalated)
        day->level++;
      compute_hours (self, district, day);
    }
}

VgHeatRisk *
vg_heat_risk_compute (VgHeatDistricts  *districts,
                      VgHourlyForecast *forecast)
{
  VgHeatRisk *self;
  g_autoptr(GArray) calendar = NULL;
  g_autofree double *vapour = NULL;
  gsize n;
  const double *t, *rh;

  g_return_val_if_fail (VG_IS_HEAT_DISTRICTS (districts), NULL);
  g_return_val_if_fail (forecast != NULL, NULL);

  self = g_object_new (VG_TYPE_HEAT_RISK, NULL);
  self->districts = g_object_ref (districts);
  self->forecast = vg_hourly_forecast_ref (forecast);
  n = vg_hourly_forecast_get_n_hours (forecast);
  calendar = vg_heat_day_list (vg_hourly_forecast_get_times (forecast), n, vg_hourly_forecast_get_zone (forecast));
  self->n_districts = vg_heat_districts_get_n_districts (districts);
  self->n_days = calendar->len;
  self->days = g_new0 (VgHeatRiskDay, (gsize) self->n_districts * self->n_days);
  self->hourly = g_new (double, (gsize) self->n_districts * VG_N_HEAT_QUANTITIES * n);

  /* The forecast point's vapour pressure, which the heat island does not change. */
  t = vg_hourly_forecast_get_temperature (forecast);
  rh = vg_hourly_forecast_get_humidity (forecast);
  vapour = g_new (double, n);
  for (gsize h = 0; h < n; h++)
    vapour[h] = rh != NULL ? rh[h] / 100.0 * vg_heat_index_saturation_vapour_pressure (t[h]) : NAN;

  for (guint d = 0; d < self->n_districts; d++)
    compute_district (self, d, calendar, vapour);
  return self;
}

VgHeatDistricts *
vg_heat_risk_get_districts (VgHeatRisk *self)
{
  g_return_val_if_fail (VG_IS_HEAT_RISK (self), NULL);

  return self->districts;
}

VgHourlyForecast *
vg_heat_risk_get_forecast (VgHeatRisk *self)
{
  g_return_val_if_fail (VG_IS_HEAT_RISK (self), NULL);

  return self->forecast;
}

guint
vg_heat_risk_get_n_days (VgHeatRisk *self)
{
  g_return_val_if_fail (VG_IS_HEAT_RISK (self), 0);

  return self->n_days;
}

const VgHeatRiskDay *
vg_heat_risk_get_day (VgHeatRisk *self,
                      guint       district,
                      guint       day)
{
  g_return_val_if_fail (VG_IS_HEAT_RISK (self), NULL);
  g_return_val_if_fail (district < self->n_districts, NULL);
  g_return_val_if_fail (day < self->n_days, NULL);

  return &self->days[(gsize) district * self->n_days + day];
}

guint
vg_heat_risk_get_peak_level (VgHeatRisk *self,
                             guint       district)
{
  guint peak = 0;

  g_return_val_if_fail (VG_IS_HEAT_RISK (self), 0);
  g_return_val_if_fail (district < self->n_districts, 0);

  for (guint d = 0; d < self->n_days; d++)
    peak = MAX (peak, self->days[(gsize) district * self->n_days + d].level);
  return peak;
}

const double *
vg_heat_risk_get_hourly (VgHeatRisk     *self,
                         guint           district,
                         VgHeatQuantity  quantity)
{
  g_return_val_if_fail (VG_IS_HEAT_RISK (self), NULL);
  g_return_val_if_fail (district < self->n_districts, NULL);
  g_return_val_if_fail (quantity < VG_N_HEAT_QUANTITIES, NULL);

  return hourly_of (self, district, quantity);
}
