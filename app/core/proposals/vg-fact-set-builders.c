/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-fact-set"

#include "config.h"

#include <math.h>

#include "vg-fact-set-private.h"
#include "vg-json-private.h"

/* The C builders of VgFactSet, for the engines that fill it (the flood engine, the traffic feed):
 * kept apart from the format's validation in vg-fact-set.c, which they go through. */

/* Builders from the engines' structs: JSON first, then the same checks as a file, so both
 * ways in accept exactly the same facts. */

static void
set_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

static void
set_time (JsonObject *object,
          const char *name,
          gint64      usec)
{
  g_autofree char *text = vg_fact_time_format (usec);

  json_object_set_string_member (object, name, text);
}

static JsonArray *
line_array (const double *lonlat,
            guint         n_points)
{
  JsonArray *line = json_array_new ();

  for (guint i = 0; i < n_points; i++)
    {
      JsonArray *point = json_array_new ();

      json_array_add_double_element (point, lonlat[2 * i]);
      json_array_add_double_element (point, lonlat[2 * i + 1]);
      json_array_add_array_element (line, point);
    }
  return line;
}

static JsonArray *
sites_array (const VgFactSite *sites,
             guint             n_sites)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < n_sites; i++)
    {
      JsonObject *site = json_object_new ();

      set_string (site, "id", sites[i].id);
      set_string (site, "name", sites[i].name);
      set_string (site, "category", sites[i].category);
      json_object_set_double_member (site, "lon", sites[i].lon);
      json_object_set_double_member (site, "lat", sites[i].lat);
      json_array_add_object_element (array, site);
    }
  return array;
}

static void
set_source (JsonObject *fact,
            const char *name,
            gint64      time,
            guint64     seq)
{
  JsonObject *source = json_object_new ();

  set_string (source, "name", name);
  set_time (source, "time", time);
  if (seq > 0)
    json_object_set_int_member (source, "journal_seq", seq);
  json_object_set_object_member (fact, "source", source);
}

static void
set_uncertainty (JsonObject *fact,
                 const char *fr,
                 const char *en)
{
  JsonObject *uncertainty;

  if (fr == NULL && en == NULL)
    return;
  uncertainty = json_object_new ();
  set_string (uncertainty, "fr", fr);
  set_string (uncertainty, "en", en);
  json_object_set_object_member (fact, "uncertainty", uncertainty);
}

static void
set_stage_at (JsonObject *fact,
              const char *name,
              double      stage,
              gint64      time)
{
  JsonObject *object;

  if (isnan (stage))
    return;
  object = json_object_new ();
  json_object_set_double_member (object, "stage", stage);
  set_time (object, "time", time);
  json_object_set_object_member (fact, name, object);
}

gboolean
vg_fact_set_add_flood_gauge (VgFactSet               *self,
                             const VgFloodGaugeFact  *fact,
                             GError                 **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = json_object_new ();
  JsonObject *projection = json_object_new ();
  JsonArray *envelopes = json_array_new ();

  g_return_val_if_fail (VG_IS_FACT_SET (self), FALSE);
  g_return_val_if_fail (fact != NULL, FALSE);

  json_object_set_string_member (object, "type", vg_fact_type_to_id (VG_FACT_FLOOD_GAUGE));
  set_string (object, "gauge", fact->gauge);
  set_string (object, "name", fact->name);
  json_object_set_double_member (object, "lon", fact->lon);
  json_object_set_double_member (object, "lat", fact->lat);
  set_stage_at (object, "observed", fact->observed_stage, fact->observed_at);
  set_stage_at (object, "peak", fact->peak_stage, fact->peak_at);
  for (guint i = 0; i < fact->n_envelopes; i++)
    {
      const VgFloodEnvelopeFact *in = &fact->envelopes[i];
      JsonObject *envelope = json_object_new ();
      JsonArray *streets = json_array_new ();

      json_object_set_double_member (envelope, "stage", in->stage);
      if (in->expected)
        set_time (envelope, "eta", in->eta);
      if (in->expected && in->eta_uncertainty_min >= 0)
        json_object_set_int_member (envelope, "eta_uncertainty_min", in->eta_uncertainty_min);
      for (guint k = 0; k < in->n_streets; k++)
        {
          JsonObject *street = json_object_new ();

          set_string (street, "id", in->streets[k].id);
          set_string (street, "name", in->streets[k].name);
          set_string (street, "class", in->streets[k].road_class);
          json_object_set_array_member (street, "line", line_array (in->streets[k].lonlat, in->streets[k].n_points));
          json_array_add_object_element (streets, street);
        }
      json_object_set_array_member (envelope, "streets", streets);
      json_object_set_array_member (envelope, "sites", sites_array (in->sites, in->n_sites));
      json_array_add_object_element (envelopes, envelope);
    }
  json_object_set_array_member (object, "envelopes", envelopes);
  set_source (object, fact->source, fact->source_time, fact->source_seq);
  set_string (projection, "method", fact->method);
  set_string (projection, "method_version", fact->method_version);
  set_string (projection, "id", fact->projection_id);
  if (fact->projection_seq > 0)
    json_object_set_int_member (projection, "journal_seq", fact->projection_seq);
  json_object_set_object_member (object, "projection", projection);
  set_uncertainty (object, fact->uncertainty_fr, fact->uncertainty_en);

  node = vg_json_object_node (object);
  return vg_fact_set_take_json (self, g_steal_pointer (&node), error);
}

gboolean
vg_fact_set_add_traffic_closure (VgFactSet                   *self,
                                 const VgTrafficClosureFact  *fact,
                                 GError                     **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = json_object_new ();

  g_return_val_if_fail (VG_IS_FACT_SET (self), FALSE);
  g_return_val_if_fail (fact != NULL, FALSE);

  json_object_set_string_member (object, "type", vg_fact_type_to_id (VG_FACT_TRAFFIC_CLOSURE));
  set_string (object, "record", fact->record);
  set_string (object, "road", fact->road);
  json_object_set_double_member (object, "lon", fact->lon);
  json_object_set_double_member (object, "lat", fact->lat);
  if (fact->lonlat != NULL)
    json_object_set_array_member (object, "line", line_array (fact->lonlat, fact->n_points));
  set_time (object, "start", fact->start);
  json_object_set_array_member (object, "only_access_to", sites_array (fact->only_access_to, fact->n_only_access_to));
  set_source (object, fact->source, fact->source_time, fact->source_seq);

  node = vg_json_object_node (object);
  return vg_fact_set_take_json (self, g_steal_pointer (&node), error);
}

void
vg_fact_site_from_site (VgSite     *site,
                        VgFactSite *out)
{
  g_return_if_fail (VG_IS_SITE (site));
  g_return_if_fail (out != NULL);

  out->id = vg_site_get_id (site);
  out->name = vg_site_get_name (site);
  out->category = vg_site_category_to_id (vg_site_get_category (site));
  out->lon = vg_site_get_longitude (site);
  out->lat = vg_site_get_latitude (site);
}
