/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-facts"

#include "config.h"

#include <math.h>

#include "vg-flood-facts.h"
#include "vg-site.h"

/* The projection's method and uncertainty in French (its statement is in English). */
static char *
describe_fr (VgFloodProjection *projection)
{
  double slope, sigma;
  guint n;

  switch (vg_flood_projection_get_method (projection))
    {
    case VG_FLOOD_PROJECTION_TREND:
      vg_flood_projection_get_trend (projection, &slope, &sigma, &n);
      return g_strdup_printf ("Tendance linéaire, pas une prévision : moindres carrés sur les %u derniers relevés, "
                              "%+.3f m/h, écart type résiduel %.3f m, intervalle de prédiction à 95 %% ; elle suppose "
                              "que l'évolution récente continue.", n, slope, sigma);
    case VG_FLOOD_PROJECTION_FORECAST:
      return g_strdup ("Prévision importée, avec sa bande d'incertitude quand elle la donne.");
    case VG_FLOOD_PROJECTION_NONE:
    default:
      return g_strdup ("Trop peu de relevés pour extrapoler : la situation actuelle seulement.");
    }
}

gboolean
vg_fact_set_add_flood_outlook (VgFactSet      *facts,
                               VgFloodOutlook *outlook,
                               VgHazardModels *models,
                               const char     *source,
                               GError        **error)
{
  VgFloodProjection *projection = vg_flood_outlook_get_projection (outlook);
  VgGauge *river = vg_flood_outlook_get_river_gauge (outlook);
  g_autoptr(GArray) envelopes = NULL;
  const VgFloodCrossing *crossings;
  const VgFloodProjectionStep *steps;
  guint n_crossings, n_steps;
  VgFloodGaugeFact fact = { 0 };
  g_autofree char *uncertainty_fr = NULL;
  gint64 reading_time;
  double stage;

  g_return_val_if_fail (VG_IS_FACT_SET (facts), FALSE);
  g_return_val_if_fail (VG_IS_FLOOD_OUTLOOK (outlook), FALSE);
  g_return_val_if_fail (VG_IS_HAZARD_MODELS (models), FALSE);

  crossings = vg_flood_projection_get_crossings (projection, &n_crossings);
  steps = vg_flood_projection_get_steps (projection, &n_steps);
  envelopes = g_array_sized_new (FALSE, TRUE, sizeof (VgFloodEnvelopeFact), n_crossings);
  for (guint i = 0; i < n_crossings; i++)
    {
      const VgFloodCrossing *c = &crossings[i];
      VgFloodEnvelopeFact e = { 0 };

      e.stage = c->stage_m;
      e.expected = c->already || c->time_us >= 0;
      e.eta = c->time_us;
      e.eta_uncertainty_min = -1;
      if (e.expected && !c->already && c->earliest_us >= 0 && c->latest_us >= 0)
        e.eta_uncertainty_min = (int) (MAX (c->time_us - c->earliest_us, c->latest_us - c->time_us) / (60 * G_USEC_PER_SEC));
      if (e.expected)
        {
          /* The models keep the parts for as long as they live: borrowed. */
          const VgEnvelopeFacts *parts = vg_hazard_models_get_envelope_facts (models, c->envelope, error);

          if (parts == NULL)
            return FALSE;
          e.streets = vg_envelope_facts_get_streets (parts, &e.n_streets);
          e.sites = vg_envelope_facts_get_sites (parts, &e.n_sites);
        }
      g_array_append_val (envelopes, e);
    }

  vg_flood_outlook_get_reading (outlook, &reading_time, &stage);
  fact.gauge = vg_gauge_get_code (river);
  fact.name = vg_gauge_get_name (river);
  fact.lon = vg_gauge_get_longitude (river);
  fact.lat = vg_gauge_get_latitude (river);
  fact.observed_stage = stage;
  fact.observed_at = reading_time;
  fact.peak_stage = NAN;
  for (guint s = 0; s < n_steps; s++)
    if (isnan (fact.peak_stage) || steps[s].stage_m > fact.peak_stage)
      {
        fact.peak_stage = steps[s].stage_m;
        fact.peak_at = steps[s].time_us;
      }
  fact.envelopes = (const VgFloodEnvelopeFact *) (gconstpointer) envelopes->data;
  fact.n_envelopes = envelopes->len;
  fact.source = source;
  fact.source_time = reading_time;
  fact.method = VG_FLOOD_FACTS_METHOD;
  fact.method_version = VG_FLOOD_FACTS_METHOD_VERSION;
  fact.projection_id = vg_flood_outlook_get_gauge (outlook);
  fact.uncertainty_en = vg_flood_projection_get_statement (projection);
  uncertainty_fr = describe_fr (projection);
  fact.uncertainty_fr = uncertainty_fr;
  return vg_fact_set_add_flood_gauge (facts, &fact, error);
}

void
vg_fact_set_add_shelters (VgFactSet      *facts,
                          VgHazardModels *models)
{
  GListModel *sites = vg_hazard_models_get_sites (models);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (sites, i);

      if (vg_site_get_category (site) == VG_SITE_SHELTER)
        vg_fact_set_add_resource (facts, site);
    }
}
