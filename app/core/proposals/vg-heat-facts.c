/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-facts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-crs-transform.h"
#include "vg-fact-set-private.h"
#include "vg-heat-exposure.h"
#include "vg-heat-facts.h"
#include "vg-json-private.h"

/* What the heat scale cannot see, said with every heat proposal (see vg-heat-districts.h and
 * vg-heat-risk.h): in both languages, as the journal keeps them. */
static const char uncertainty_fr[] =
  "Échelle Vigie, non officielle : la vigilance canicule de Météo-France prime. Îlot de chaleur "
  "estimé d'après le bâti non résidentiel seulement, et nul hors de Montpellier : la chaleur des "
  "communes bâties est sous-estimée. Prévision en un seul point (aéroport).";
static const char uncertainty_en[] =
  "Vigie's own scale, not official: Météo-France's heatwave warning prevails. Heat island "
  "estimated from non-residential buildings only, and none outside Montpellier: the heat of "
  "built-up communes is underestimated. Forecast at a single point (the airport).";

static JsonObject *
site_object (VgSite *site)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", vg_site_get_id (site));
  json_object_set_string_member (object, "name", vg_site_get_name (site));
  json_object_set_string_member (object, "category", vg_site_category_to_id (vg_site_get_category (site)));
  json_object_set_double_member (object, "lon", vg_site_get_longitude (site));
  json_object_set_double_member (object, "lat", vg_site_get_latitude (site));
  return object;
}

static void
set_time (JsonObject *object,
          const char *name,
          gint64      usec)
{
  g_autofree char *text = vg_fact_time_format (usec);

  json_object_set_string_member (object, name, text);
}

gboolean
vg_fact_set_add_heat_risk (VgFactSet  *facts,
                           VgHeatRisk *risk,
                           GListModel *sites,
                           guint       min_level,
                           guint64     projection_seq,
                           GError    **error)
{
  g_autoptr(VgCrsTransform) to_wgs84 = NULL;
  g_autoptr(GPtrArray) vulnerable = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  VgHeatDistricts *districts;
  VgHourlyForecast *forecast;
  VgShapeSet *shapes;
  const char *index_version;
  gint64 issued;

  g_return_val_if_fail (VG_IS_FACT_SET (facts), FALSE);
  g_return_val_if_fail (VG_IS_HEAT_RISK (risk), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (sites), FALSE);
  g_return_val_if_fail (vg_fact_set_get_hazards (facts) & VG_HAZARD_MASK (VG_HAZARD_HEAT), FALSE);

  if ((to_wgs84 = vg_crs_transform_new (VG_CRS_LAMBERT93, VG_CRS_WGS84, error)) == NULL)
    return FALSE;
  districts = vg_heat_risk_get_districts (risk);
  forecast = vg_heat_risk_get_forecast (risk);
  shapes = vg_heat_districts_get_shapes (districts);
  vulnerable = vg_heat_exposure_list_vulnerable (risk, sites);
  resources = vg_heat_exposure_list_resources (risk, sites);
  if (!vg_fact_time_parse (vg_hourly_forecast_get_model_run (forecast), &issued))
    issued = vg_fact_set_get_computed_at (facts);
  /* "vigie-heatrisk-v1": the method, then its version after the last "-v". */
  index_version = strrchr (VG_HEAT_RISK_INDEX_ID, 'v');

  for (guint d = 0; d < vg_heat_districts_get_n_districts (districts); d++)
    {
      const double *bbox = vg_shape_set_get_bbox (shapes, d);
      double lon = (bbox[0] + bbox[2]) / 2, lat = (bbox[1] + bbox[3]) / 2;

      /* The middle of the district's bounding box: a marker for the map and the CAP area, not
       * its outline (which stays in the geodata, under the same id). */
      if (!vg_crs_transform_point (to_wgs84, &lon, &lat, error))
        return FALSE;
      for (guint day = 0; day < vg_heat_risk_get_n_days (risk); day++)
        {
          const VgHeatRiskDay *r = vg_heat_risk_get_day (risk, d, day);
          g_autoptr(JsonNode) node = NULL;
          JsonObject *fact, *source, *projection, *uncertainty;
          JsonArray *fact_sites;
          char date[11];

          if (r->level < min_level)
            continue;
          fact = json_object_new ();
          json_object_set_string_member (fact, "type", vg_fact_type_to_id (VG_FACT_HEAT_DISTRICT));
          json_object_set_string_member (fact, "district", vg_heat_districts_get_id (districts, d));
          json_object_set_string_member (fact, "name", vg_heat_districts_get_name (districts, d));
          json_object_set_string_member (fact, "kind", vg_heat_districts_kind_to_id (vg_heat_districts_get_kind (districts, d)));
          json_object_set_double_member (fact, "lon", round (lon * 1e6) / 1e6);
          json_object_set_double_member (fact, "lat", round (lat * 1e6) / 1e6);
          g_snprintf (date, sizeof date, "%04d-%02d-%02d", g_date_get_year (&r->day.date), g_date_get_month (&r->day.date),
                      g_date_get_day (&r->day.date));
          json_object_set_string_member (fact, "date", date);
          set_time (fact, "start", r->day.tx_start);
          json_object_set_int_member (fact, "level", r->level);
          json_object_set_int_member (fact, "nights", r->hot_nights);
          if (!isnan (r->day.tn))
            json_object_set_double_member (fact, "tn", round (r->day.tn * 10) / 10);
          if (!isnan (r->day.tx))
            json_object_set_double_member (fact, "tx", round (r->day.tx * 10) / 10);
          fact_sites = json_array_new ();
          for (guint i = 0; i < vulnerable->len; i++)
            {
              VgHeatExposure *exposure = g_ptr_array_index (vulnerable, i);

              if (exposure->district == (int) d)
                json_array_add_object_element (fact_sites, site_object (exposure->site));
            }
          json_object_set_array_member (fact, "sites", fact_sites);
          source = json_object_new ();
          json_object_set_string_member (source, "name", vg_hourly_forecast_get_source (forecast));
          set_time (source, "time", issued);
          json_object_set_object_member (fact, "source", source);
          projection = json_object_new ();
          json_object_set_string_member (projection, "method", VG_HEAT_RISK_INDEX_ID);
          json_object_set_string_member (projection, "method_version", index_version != NULL ? index_version + 1 : "1");
          if (projection_seq > 0)
            json_object_set_int_member (projection, "journal_seq", projection_seq);
          json_object_set_object_member (fact, "projection", projection);
          uncertainty = json_object_new ();
          json_object_set_string_member (uncertainty, "fr", uncertainty_fr);
          json_object_set_string_member (uncertainty, "en", uncertainty_en);
          json_object_set_object_member (fact, "uncertainty", uncertainty);

          node = vg_json_object_node (fact);
          if (!vg_fact_set_add_json (facts, node, error))
            return FALSE;
        }
    }
  for (guint i = 0; i < resources->len; i++)
    vg_fact_set_add_resource (facts, ((VgHeatExposure *) g_ptr_array_index (resources, i))->site);
  return TRUE;
}
