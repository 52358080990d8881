/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-outlook"

#include "config.h"

#include "vg-heat-outlook.h"
#include "vg-heat-vigilance.h"
#include "vg-hourly-forecast.h"

struct _VgHeatOutlook
{
  GObject     parent_instance;

  VgForecast *forecast;
  VgHeatRisk *risk;
  GArray     *vigilance;
  GPtrArray  *exposed;
  GPtrArray  *resources;
};

G_DEFINE_FINAL_TYPE (VgHeatOutlook, vg_heat_outlook, G_TYPE_OBJECT)

static void
vg_heat_outlook_finalize (GObject *object)
{
  VgHeatOutlook *self = VG_HEAT_OUTLOOK (object);

  g_clear_object (&self->forecast);
  g_clear_object (&self->risk);
  g_clear_pointer (&self->vigilance, g_array_unref);
  g_clear_pointer (&self->exposed, g_ptr_array_unref);
  g_clear_pointer (&self->resources, g_ptr_array_unref);

  G_OBJECT_CLASS (vg_heat_outlook_parent_class)->finalize (object);
}

static void
vg_heat_outlook_class_init (VgHeatOutlookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_heat_outlook_finalize;
}

static void
vg_heat_outlook_init (VgHeatOutlook *self)
{
}

VgHeatOutlook *
vg_heat_outlook_new (VgForecast      *forecast,
                     VgHeatDistricts *districts,
                     GListModel      *sites,
                     GError         **error)
{
  g_autoptr(VgHeatOutlook) self = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(VgHourlyForecast) hourly = NULL;

  g_return_val_if_fail (VG_IS_FORECAST (forecast), NULL);
  g_return_val_if_fail (VG_IS_HEAT_DISTRICTS (districts), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (sites), NULL);

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  if ((hourly = vg_hourly_forecast_new_from_forecast (forecast, zone, error)) == NULL)
    return NULL;
  self = g_object_new (VG_TYPE_HEAT_OUTLOOK, NULL);
  self->forecast = g_object_ref (forecast);
  self->vigilance = vg_heat_vigilance_compute (hourly);
  self->risk = vg_heat_risk_compute (districts, hourly);
  self->exposed = vg_heat_exposure_list_vulnerable (self->risk, sites);
  self->resources = vg_heat_exposure_list_resources (self->risk, sites);
  return g_steal_pointer (&self);
}

VgForecast *
vg_heat_outlook_get_forecast (VgHeatOutlook *self)
{
  g_return_val_if_fail (VG_IS_HEAT_OUTLOOK (self), NULL);

  return self->forecast;
}

VgHeatRisk *
vg_heat_outlook_get_risk (VgHeatOutlook *self)
{
  g_return_val_if_fail (VG_IS_HEAT_OUTLOOK (self), NULL);

  return self->risk;
}

GArray *
vg_heat_outlook_get_vigilance (VgHeatOutlook *self)
{
  g_return_val_if_fail (VG_IS_HEAT_OUTLOOK (self), NULL);

  return self->vigilance;
}

GPtrArray *
vg_heat_outlook_get_exposed (VgHeatOutlook *self)
{
  g_return_val_if_fail (VG_IS_HEAT_OUTLOOK (self), NULL);

  return self->exposed;
}

GPtrArray *
vg_heat_outlook_get_resources (VgHeatOutlook *self)
{
  g_return_val_if_fail (VG_IS_HEAT_OUTLOOK (self), NULL);

  return self->resources;
}

guint
vg_heat_outlook_get_peak (VgHeatOutlook *self,
                          guint         *district,
                          guint         *day)
{
  guint peak = 0, peak_district = 0, peak_day = 0;
  guint n_districts, n_days;

  g_return_val_if_fail (VG_IS_HEAT_OUTLOOK (self), 0);

  n_districts = vg_heat_districts_get_n_districts (vg_heat_risk_get_districts (self->risk));
  n_days = vg_heat_risk_get_n_days (self->risk);
  /* Day first: "where is it first reached" is the earliest day, then the first district. */
  for (guint d = 0; d < n_days; d++)
    for (guint i = 0; i < n_districts; i++)
      {
        guint level = vg_heat_risk_get_day (self->risk, i, d)->level;

        if (level > peak)
          {
            peak = level;
            peak_district = i;
            peak_day = d;
          }
      }
  if (district != NULL)
    *district = peak_district;
  if (day != NULL)
    *day = peak_day;
  return peak;
}
