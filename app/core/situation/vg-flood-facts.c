/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-facts"

#include "config.h"

#include <math.h>

#include "vg-crs-transform.h"
#include "vg-flood-facts.h"
#include "vg-site.h"

/* What one envelope's fact borrows, kept alive until the fact is added (it is copied). */
typedef struct
{
  GPtrArray *strings;    /* owned strings the streets point to */
  GPtrArray *sites_kept; /* the VgSites whose strings the sites point to */
  GPtrArray *lines;      /* owned lon/lat arrays */
  GArray    *streets;    /* VgFactStreet */
  GArray    *sites;      /* VgFactSite */
} EnvelopeParts;

static void
envelope_parts_clear (EnvelopeParts *p)
{
  g_clear_pointer (&p->strings, g_ptr_array_unref);
  g_clear_pointer (&p->sites_kept, g_ptr_array_unref);
  g_clear_pointer (&p->lines, g_ptr_array_unref);
  g_clear_pointer (&p->streets, g_array_unref);
  g_clear_pointer (&p->sites, g_array_unref);
}

typedef struct
{
  const char *name;
  guint       index;     /* longest segment inside */
  double      inside;    /* its length inside */
  double      total;     /* the street's length inside, all segments */
} StreetCut;

static int
compare_cuts (gconstpointer a,
              gconstpointer b)
{
  const StreetCut *x = a, *y = b;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return g_strcmp0 (x->name, y->name);
}

static gboolean
add_streets (EnvelopeParts          *parts,
             VgFloodExposure        *exposure,
             VgFloodAssets          *assets,
             VgCrsTransform         *to_wgs84,
             GError                **error)
{
  VgLayer *roads = vg_flood_assets_get_layer (assets, VG_FLOOD_ASSET_ROAD);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (StreetCut));
  const VgFloodExposedAsset *exposed;
  guint n;

  if (roads == NULL)
    return TRUE;
  exposed = vg_flood_exposure_get_assets (exposure, VG_FLOOD_ASSET_ROAD, &n);
  for (guint i = 0; i < n; i++)
    {
      gpointer position;

      if (exposed[i].name == NULL || exposed[i].inside <= 0)
        continue;
      if (g_hash_table_lookup_extended (by_name, exposed[i].name, NULL, &position))
        {
          StreetCut *cut = &g_array_index (cuts, StreetCut, GPOINTER_TO_UINT (position));

          cut->total += exposed[i].inside;
          if (exposed[i].inside > cut->inside)
            {
              cut->inside = exposed[i].inside;
              cut->index = exposed[i].index;
            }
        }
      else
        {
          StreetCut cut = { exposed[i].name, exposed[i].index, exposed[i].inside, exposed[i].inside };

          g_hash_table_insert (by_name, (gpointer) exposed[i].name, GUINT_TO_POINTER (cuts->len));
          g_array_append_val (cuts, cut);
        }
    }
  g_array_sort (cuts, compare_cuts);

  for (guint i = 0; i < MIN (cuts->len, VG_FLOOD_FACTS_MAX_STREETS); i++)
    {
      StreetCut *cut = &g_array_index (cuts, StreetCut, i);
      VgShapeSet *shapes = vg_layer_get_shapes (roads);
      int class_column = vg_layer_find_column (roads, "class");
      const double *xy;
      guint n_points;
      double *lonlat;
      char *id;
      VgFactStreet street = { 0 };

      if (vg_shape_set_get_n_parts (shapes, cut->index) == 0)
        continue;
      xy = vg_shape_set_get_part (shapes, cut->index, 0, &n_points, NULL);
      if (n_points < 2)
        continue;
      lonlat = g_memdup2 (xy, sizeof (double) * 2 * n_points);
      g_ptr_array_add (parts->lines, lonlat);
      if (!vg_crs_transform_apply (to_wgs84, lonlat, n_points, error))
        return FALSE;
      id = g_strdup_printf ("streets:%u", cut->index + 1);
      g_ptr_array_add (parts->strings, id);
      street.id = id;
      street.name = cut->name;
      street.road_class = class_column >= 0 ? vg_layer_get_value (roads, cut->index, class_column) : NULL;
      street.lonlat = lonlat;
      street.n_points = n_points;
      g_array_append_val (parts->streets, street);
    }
  return TRUE;
}

static void
add_sites (EnvelopeParts   *parts,
           VgFloodExposure *exposure,
           GListModel      *sites)
{
  const VgFloodExposedAsset *exposed;
  guint n;

  exposed = vg_flood_exposure_get_assets (exposure, VG_FLOOD_ASSET_SITE, &n);
  for (guint i = 0; i < n; i++)
    {
      /* The flood assets' "sites" layer and the site list are read from the same layer in the
       * same order; a name that differs means another file, and the site is left out. */
      g_autoptr(VgSite) site = g_list_model_get_item (sites, exposed[i].index);
      VgFactSite fact;

      if (site == NULL || g_strcmp0 (vg_site_get_name (site), exposed[i].name) != 0)
        {
          g_warning ("Flood site %u (%s) is not in the site list", exposed[i].index, exposed[i].name);
          continue;
        }
      vg_fact_site_from_site (site, &fact);
      g_array_append_val (parts->sites, fact);
      /* The strings are the site's: keep it alive with the parts. */
      g_ptr_array_add (parts->sites_kept, g_object_ref (site));
    }
}

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
  VgFloodExposureIndex *index = vg_hazard_models_get_flood_index (models);
  VgFloodProjection *projection = vg_flood_outlook_get_projection (outlook);
  VgGauge *river = vg_flood_outlook_get_river_gauge (outlook);
  g_autoptr(VgCrsTransform) to_wgs84 = NULL;
  g_autoptr(GArray) envelopes = g_array_new (FALSE, TRUE, sizeof (VgFloodEnvelopeFact));
  g_autoptr(GPtrArray) exposures = g_ptr_array_new_with_free_func (g_object_unref);
  const VgFloodCrossing *crossings;
  const VgFloodProjectionStep *steps;
  EnvelopeParts *parts;
  guint n_crossings, n_steps;
  VgFloodGaugeFact fact = { 0 };
  g_autofree char *uncertainty_fr = NULL;
  gboolean ok = TRUE;
  gint64 reading_time;
  double stage;

  g_return_val_if_fail (VG_IS_FACT_SET (facts), FALSE);
  g_return_val_if_fail (VG_IS_FLOOD_OUTLOOK (outlook), FALSE);
  g_return_val_if_fail (VG_IS_HAZARD_MODELS (models), FALSE);

  if ((to_wgs84 = vg_crs_transform_new ("EPSG:2154", "EPSG:4326", error)) == NULL)
    return FALSE;
  crossings = vg_flood_projection_get_crossings (projection, &n_crossings);
  steps = vg_flood_projection_get_steps (projection, &n_steps);
  parts = g_new0 (EnvelopeParts, n_crossings);
  for (guint i = 0; i < n_crossings && ok; i++)
    {
      const VgFloodCrossing *c = &crossings[i];
      VgFloodEnvelopeFact e = { 0 };

      parts[i].strings = g_ptr_array_new_with_free_func (g_free);
      parts[i].sites_kept = g_ptr_array_new_with_free_func (g_object_unref);
      parts[i].lines = g_ptr_array_new_with_free_func (g_free);
      parts[i].streets = g_array_new (FALSE, TRUE, sizeof (VgFactStreet));
      parts[i].sites = g_array_new (FALSE, TRUE, sizeof (VgFactSite));
      e.stage = c->stage_m;
      e.expected = c->already || c->time_us >= 0;
      e.eta = c->time_us;
      e.eta_uncertainty_min = -1;
      if (e.expected && !c->already && c->earliest_us >= 0 && c->latest_us >= 0)
        e.eta_uncertainty_min = (int) (MAX (c->time_us - c->earliest_us, c->latest_us - c->time_us) / (60 * G_USEC_PER_SEC));
      if (e.expected)
        {
          g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (c->time_us / G_USEC_PER_SEC);
          VgFloodExposure *exposure = vg_flood_exposure_index_dup_exposure (index, c->envelope, at);

          g_ptr_array_add (exposures, exposure);
          ok = add_streets (&parts[i], exposure, vg_hazard_models_get_flood_assets (models), to_wgs84, error);
          add_sites (&parts[i], exposure, vg_hazard_models_get_sites (models));
        }
      e.streets = (const VgFactStreet *) (gconstpointer) parts[i].streets->data;
      e.n_streets = parts[i].streets->len;
      e.sites = (const VgFactSite *) (gconstpointer) parts[i].sites->data;
      e.n_sites = parts[i].sites->len;
      g_array_append_val (envelopes, e);
    }

  if (ok)
    {
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
      ok = vg_fact_set_add_flood_gauge (facts, &fact, error);
    }
  for (guint i = 0; i < n_crossings; i++)
    envelope_parts_clear (&parts[i]);
  g_free (parts);
  return ok;
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
