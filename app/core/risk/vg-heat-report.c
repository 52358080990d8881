/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-report"

#include "config.h"

#include <math.h>

#include "vg-heat-report.h"
#include "vg-site.h"

static double
round_to (double value,
          double step)
{
  return round (value / step) * step;
}

/* @name: @value rounded to 0.01, or null for NaN. */
static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, round_to (value, 0.01));
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static char *
format_date (const GDate *date)
{
  char text[16];

  if (!g_date_valid (date))
    return NULL;
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          const GDate *date)
{
  g_autofree char *text = format_date (date);

  add_string (builder, name, text);
}

static void
add_vigilance_json (JsonBuilder *builder,
                    GArray      *vigilance)
{
  json_builder_set_member_name (builder, "vigilance");
  json_builder_begin_object (builder);
  add_string (builder, "indicator", "IBMn/IBMx: means of Tn and Tx over the days D, D+1 and D+2");
  add_string (builder, "area", VG_HEAT_VIGILANCE_AREA);
  add_number (builder, "ibmn_threshold", VG_HEAT_VIGILANCE_IBMN_THRESHOLD);
  add_number (builder, "ibmx_threshold", VG_HEAT_VIGILANCE_IBMX_THRESHOLD);
  add_string (builder, "tn_window", "minimum from 18:00 UTC on D-1 to 06:00 UTC on D (half-open, at least 9 of 12 hours)");
  add_string (builder, "tx_window", "maximum from 06:00 UTC on D to 06:00 UTC on D+1 (half-open, at least 18 of 24 hours)");
  add_bool (builder, "official", FALSE);
  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint d = 0; d < vigilance->len; d++)
    {
      const VgHeatVigilanceDay *v = &g_array_index (vigilance, VgHeatVigilanceDay, d);

      json_builder_begin_object (builder);
      add_date (builder, "date", &v->day.date);
      add_number (builder, "tn", v->day.tn);
      add_int (builder, "tn_hours", v->day.tn_hours);
      add_number (builder, "tx", v->day.tx);
      add_int (builder, "tx_hours", v->day.tx_hours);
      json_builder_set_member_name (builder, "window");
      json_builder_begin_object (builder);
      add_date (builder, "first", &v->day.date);
      add_date (builder, "last", &v->window_last);
      json_builder_end_object (builder);
      add_number (builder, "ibmn", v->ibmn);
      add_number (builder, "ibmn_margin", v->ibmn_margin);
      add_number (builder, "ibmx", v->ibmx);
      add_number (builder, "ibmx_margin", v->ibmx_margin);
      add_bool (builder, "heatwave_criterion", v->heatwave);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_method_json (JsonBuilder *builder)
{
  const VgHeatRiskThresholds *t = vg_heat_risk_get_thresholds ();

  json_builder_set_member_name (builder, "method");
  json_builder_begin_object (builder);
  add_string (builder, "levels", "0 none, 1 minor, 2 moderate, 3 major, 4 extreme: the higher of the day level (Tx) and the night level (Tn), "
                                 "+1 from the 3rd consecutive night at level 2 or more");
  add_string (builder, "thresholds_source", "percentiles P90/P95/P99/P99.9 of the June-August 1991-2020 daily mean temperature at "
                                            "Montpellier-Aeroport (ECA&D TG), +6 K for Tx, -6 K for Tn");
  json_builder_set_member_name (builder, "day_thresholds");
  json_builder_begin_array (builder);
  for (guint l = 0; l < VG_HEAT_RISK_MAX_LEVEL; l++)
    json_builder_add_double_value (builder, round_to (t->day[l], 0.01));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "night_thresholds");
  json_builder_begin_array (builder);
  for (guint l = 0; l < VG_HEAT_RISK_MAX_LEVEL; l++)
    json_builder_add_double_value (builder, round_to (t->night[l], 0.01));
  json_builder_end_array (builder);
  add_string (builder, "heat_island", "district = forecast point + f x 3 K at night (18-06 UTC), + f x 1 K by day, f = min(1, built density / 0.10)");
  add_string (builder, "built_density", "non-residential building footprints of the city layer / district area: housing is not counted, "
                                        "and the layer covers Montpellier only, so other communes have no density and no heat island offset");
  add_string (builder, "indices", "from the district temperature and the forecast point's vapour pressure, shade (MRT = air temperature)");
  json_builder_end_object (builder);
}

static void
add_districts_json (JsonBuilder *builder,
                    VgHeatRisk  *risk)
{
  VgHeatDistricts *districts = vg_heat_risk_get_districts (risk);

  json_builder_set_member_name (builder, "districts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < vg_heat_districts_get_n_districts (districts); i++)
    {
      json_builder_begin_object (builder);
      add_string (builder, "id", vg_heat_districts_get_id (districts, i));
      add_string (builder, "name", vg_heat_districts_get_name (districts, i));
      add_string (builder, "kind", vg_heat_districts_kind_to_id (vg_heat_districts_get_kind (districts, i)));
      json_builder_set_member_name (builder, "built_density");
      if (isnan (vg_heat_districts_get_built_density (districts, i)))
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, round_to (vg_heat_districts_get_built_density (districts, i), 0.0001));
      add_number (builder, "uhi_night", vg_heat_districts_get_uhi (districts, i, TRUE));
      add_number (builder, "uhi_day", vg_heat_districts_get_uhi (districts, i, FALSE));
      add_int (builder, "peak_level", vg_heat_risk_get_peak_level (risk, i));
      json_builder_set_member_name (builder, "days");
      json_builder_begin_array (builder);
      for (guint d = 0; d < vg_heat_risk_get_n_days (risk); d++)
        {
          const VgHeatRiskDay *r = vg_heat_risk_get_day (risk, i, d);

          json_builder_begin_object (builder);
          add_date (builder, "date", &r->day.date);
          add_int (builder, "level", r->level);
          add_string (builder, "level_name", vg_heat_risk_level_to_id (r->level));
          add_int (builder, "day_level", r->day_level);
          add_int (builder, "night_level", r->night_level);
          add_number (builder, "tn", r->day.tn);
          add_number (builder, "tx", r->day.tx);
          add_bool (builder, "complete", r->complete);
          add_int (builder, "hot_nights", r->hot_nights);
          add_bool (builder, "escalated", r->escalated);
          add_int (builder, "hours_above_night", r->hours_above_night);
          add_int (builder, "hours_above_day", r->hours_above_day);
          for (guint q = VG_HEAT_QUANTITY_HEAT_INDEX; q < VG_N_HEAT_QUANTITIES; q++)
            {
              g_autofree char *name = g_strconcat (vg_heat_risk_quantity_to_id (q), "_max", NULL);

              add_number (builder, name, r->peak[q]);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_sites_json (JsonBuilder *builder,
                const char  *member,
                VgHeatRisk  *risk,
                GPtrArray   *exposures)
{
  VgHeatDistricts *districts = vg_heat_risk_get_districts (risk);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < exposures->len; i++)
    {
      const VgHeatExposure *e = g_ptr_array_index (exposures, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", vg_site_get_id (e->site));
      add_string (builder, "category", vg_site_category_to_id (vg_site_get_category (e->site)));
      add_string (builder, "name", vg_site_get_name (e->site));
      add_string (builder, "district", e->district >= 0 ? vg_heat_districts_get_id (districts, e->district) : NULL);
      add_string (builder, "district_name", e->district >= 0 ? vg_heat_districts_get_name (districts, e->district) : NULL);
      add_int (builder, "peak_level", e->peak_level);
      add_int (builder, "days_at_level_2_or_more", e->days_at_risk);
      add_date (builder, "first_day_at_level_2_or_more", &e->first_day);
      add_int (builder, "hours_above_thresholds", e->hours_above);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
vg_heat_report_add_members (JsonBuilder *builder,
                            VgHeatRisk  *risk,
                            GArray      *vigilance,
                            GPtrArray   *exposed,
                            GPtrArray   *resources)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (VG_IS_HEAT_RISK (risk));

  add_string (builder, "index", VG_HEAT_RISK_INDEX_ID);
  add_bool (builder, "official", FALSE);
  add_string (builder, "notice", VG_HEAT_REPORT_NOTICE);
  add_method_json (builder);
  if (vigilance != NULL)
    add_vigilance_json (builder, vigilance);
  add_districts_json (builder, risk);
  if (exposed != NULL)
    add_sites_json (builder, "exposed_sites", risk, exposed);
  if (resources != NULL)
    add_sites_json (builder, "resources", risk, resources);
}
