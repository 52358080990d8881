/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-exposure"

#include "config.h"

#include "vg-heat-exposure.h"

void
vg_heat_exposure_free (VgHeatExposure *exposure)
{
  if (exposure == NULL)
    return;
  g_clear_object (&exposure->site);
  g_free (exposure);
}

static VgHeatExposure *
exposure_new (VgHeatRisk *risk,
              VgSite     *site)
{
  VgHeatExposure *e = g_new0 (VgHeatExposure, 1);
  double x, y;

  e->site = g_object_ref (site);
  vg_site_get_l93 (site, &x, &y);
  e->district = vg_heat_districts_locate (vg_heat_risk_get_districts (risk), x, y);
  g_date_clear (&e->first_day, 1);
  if (e->district < 0)
    return e;

  e->peak_level = vg_heat_risk_get_peak_level (risk, e->district);
  for (guint d = 0; d < vg_heat_risk_get_n_days (risk); d++)
    {
      const VgHeatRiskDay *day = vg_heat_risk_get_day (risk, e->district, d);

      e->hours_above += day->hours_above_day + day->hours_above_night;
      if (day->level < VG_HEAT_EXPOSURE_MIN_LEVEL)
        continue;
      if (e->days_at_risk++ == 0)
        e->first_day = day->day.date;
    }
  return e;
}

static int
compare_exposure (gconstpointer a,
                  gconstpointer b)
{
  const VgHeatExposure *ea = *(VgHeatExposure * const *) a;
  const VgHeatExposure *eb = *(VgHeatExposure * const *) b;

  if (ea->peak_level != eb->peak_level)
    return ea->peak_level > eb->peak_level ? -1 : 1;
  if (ea->hours_above != eb->hours_above)
    return ea->hours_above > eb->hours_above ? -1 : 1;
  return g_utf8_collate (vg_site_get_name (ea->site), vg_site_get_name (eb->site));
}

GPtrArray *
vg_heat_exposure_list_vulnerable (VgHeatRisk *risk,
                                  GListModel *sites)
{
  GPtrArray *exposed = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_heat_exposure_free);

  g_return_val_if_fail (VG_IS_HEAT_RISK (risk), exposed);
  g_return_val_if_fail (G_IS_LIST_MODEL (sites), exposed);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (sites, i);
      g_autoptr(VgHeatExposure) e = NULL;

      if (!vg_site_category_is_vulnerable (vg_site_get_category (site)))
        continue;
      e = exposure_new (risk, site);
      if (e->peak_level >= VG_HEAT_EXPOSURE_MIN_LEVEL)
        g_ptr_array_add (exposed, g_steal_pointer (&e));
    }
  g_ptr_array_sort (exposed, compare_exposure);
  return exposed;
}

GPtrArray *
vg_heat_exposure_list_resources (VgHeatRisk *risk,
                                 GListModel *sites)
{
  GPtrArray *resources = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_heat_exposure_free);

  g_return_val_if_fail (VG_IS_HEAT_RISK (risk), resources);
  g_return_val_if_fail (G_IS_LIST_MODEL (sites), resources);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (sites, i);

      if (vg_site_get_category (site) == VG_SITE_SHELTER)
        g_ptr_array_add (resources, exposure_new (risk, site));
    }
  return resources;
}
