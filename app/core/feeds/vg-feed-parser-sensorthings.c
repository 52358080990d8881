/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-parser-sensorthings"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-feed-private.h"

/* OGC SensorThings API 1.0/1.1 (OGC 15-078r6, 18-088) in the shapes a poller asks for:
 * - Things?$expand=Locations,Datastreams($expand=ObservedProperty,Observations)
 * - Datastreams?$expand=Thing/Locations,ObservedProperty,Observations
 * - Observations?$expand=Datastream($expand=Thing/Locations,ObservedProperty)
 * each either a collection {"value": [...], "@iot.nextLink": ...} or a single entity. A
 * Datastream's unitOfMeasurement {name, symbol, definition} gives the unit; the quantity comes
 * from its ObservedProperty (name or definition) or, failing that, its own name. */

typedef struct
{
  VgFeedBatch *batch;
  VgJsonWalk  *walk;
  GHashTable  *clean_names;
} Parse;

/* The station behind a Datastream: its Thing's code or name, and its Location. */
typedef struct
{
  const char *station;
  double      lon, lat;
} Place;

static const struct {
  VgQuantity  quantity;
  const char *words;   /* '|'-separated substrings of the lower-cased property text */
} keywords[] = {
  { VG_QUANTITY_DISCHARGE, "discharge|débit|debit|streamflow|stream flow|flow rate" },
  { VG_QUANTITY_WATER_LEVEL, "water level|waterlevel|water_level|gage height|gauge height|river stage|hauteur|niveau d'eau|niveau" },
  { VG_QUANTITY_PRECIPITATION, "precipitation|précipitation|rainfall|pluie|pluviom" },
  { VG_QUANTITY_HUMIDITY, "humidity|humidité|humidite" },
  { VG_QUANTITY_WIND_SPEED, "wind speed|windspeed|wind_speed|vitesse du vent|vitesse vent" },
  { VG_QUANTITY_TEMPERATURE, "temperature|température" },
};

static gboolean
find_quantity (const char *text,
               VgQuantity *quantity)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    {
      g_auto(GStrv) words = g_strsplit (keywords[i].words, "|", -1);

      for (guint j = 0; words[j] != NULL; j++)
        if (strstr (lower, words[j]) != NULL)
          {
            *quantity = keywords[i].quantity;
            return TRUE;
          }
    }
  return FALSE;
}

/* "@iot.id" is a number or a string depending on the server. */
static char *
dup_iot_id (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "@iot.id");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

static gboolean
check_lonlat (Parse   *p,
              double   lon,
              double   lat,
              GError **error)
{
  if (!isfinite (lon) || !isfinite (lat) || fabs (lon) > 180 || fabs (lat) > 90)
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_OUT_OF_RANGE,
                              "position %.10g, %.10g is not WGS84 longitude, latitude", lon, lat);
  return TRUE;
}

/* A Location's "location": a GeoJSON Point geometry, or a Feature holding one. */
static gboolean
read_location (Parse      *p,
               JsonObject *thing,
               Place      *place,
               GError    **error)
{
  JsonArray *locations;
  JsonObject *location, *geometry;
  JsonArray *coordinates;
  const char *type;
  gsize mark;
  gboolean ok;

  if (!vg_json_get_array (p->walk, thing, "Locations", VG_JSON_OPTIONAL, &locations, error))
    return FALSE;
  if (locations == NULL || json_array_get_length (locations) == 0)
    return TRUE;
  mark = vg_json_walk_member (p->walk, "Locations");
  vg_json_walk_index (p->walk, 0);
  ok = vg_json_expect_object (p->walk, json_array_get_element (locations, 0), &location, error) &&
       vg_json_get_object (p->walk, location, "location", VG_JSON_REQUIRED, &geometry, error);
  if (ok)
    {
      vg_json_walk_member (p->walk, "location");
      ok = vg_json_get_string (p->walk, geometry, "type", VG_JSON_REQUIRED, &type, error);
      if (ok && g_str_equal (type, "Feature"))
        {
          ok = vg_json_get_object (p->walk, geometry, "geometry", VG_JSON_REQUIRED, &geometry, error);
          if (ok)
            {
              vg_json_walk_member (p->walk, "geometry");
              ok = vg_json_get_string (p->walk, geometry, "type", VG_JSON_REQUIRED, &type, error);
            }
        }
      if (ok && !g_str_equal (type, "Point"))
        ok = vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_UNSUPPORTED,
                                "a %s location: Vigie places stations at a Point", type);
      if (ok)
        ok = vg_json_get_array (p->walk, geometry, "coordinates", VG_JSON_REQUIRED, &coordinates, error);
      if (ok)
        {
          JsonNode *x = json_array_get_length (coordinates) >= 2 ? json_array_get_element (coordinates, 0) : NULL;
          JsonNode *y = x != NULL ? json_array_get_element (coordinates, 1) : NULL;

          vg_json_walk_member (p->walk, "coordinates");
          if (x == NULL || JSON_NODE_TYPE (x) != JSON_NODE_VALUE || JSON_NODE_TYPE (y) != JSON_NODE_VALUE ||
              json_node_get_value_type (x) == G_TYPE_STRING || json_node_get_value_type (y) == G_TYPE_STRING ||
              json_node_get_value_type (x) == G_TYPE_BOOLEAN || json_node_get_value_type (y) == G_TYPE_BOOLEAN)
            ok = vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "expected [longitude, latitude]");
          else
            {
              place->lon = json_node_get_double (x);
              place->lat = json_node_get_double (y);
              ok = check_lonlat (p, place->lon, place->lat, error);
            }
        }
    }
  vg_json_walk_leave (p->walk, mark);
  return ok;
}

/* Station id and place of a Thing. */
static gboolean
read_thing (Parse      *p,
            JsonObject *thing,
            Place      *place,
            char      **refused_field,
            GError    **error)
{
  JsonObject *properties;
  const char *code = NULL, *name;

  if (!vg_json_get_string (p->walk, thing, "name", VG_JSON_OPTIONAL, &name, error) ||
      !vg_json_get_object (p->walk, thing, "properties", VG_JSON_NULLABLE, &properties, error))
    return FALSE;
  if (properties != NULL)
    {
      g_autofree char *path = NULL;

      if (vg_json_find_biometric_member (properties, p->clean_names, &path) != NULL)
        {
          *refused_field = g_strconcat ("Thing.properties.", path, NULL);
          return TRUE;
        }
      /* Hydrometric Things usually carry the network's station code among their properties. */
      {
        gsize mark = vg_json_walk_member (p->walk, "properties");
        gboolean ok = vg_json_get_string (p->walk, properties, "code_station", VG_JSON_OPTIONAL, &code, error) &&
                      (code != NULL || vg_json_get_string (p->walk, properties, "code", VG_JSON_OPTIONAL, &code, error));

        vg_json_walk_leave (p->walk, mark);
        if (!ok)
          return FALSE;
      }
    }
  if (code != NULL)
    place->station = code;
  else if (name != NULL)
    place->station = name;
  return read_location (p, thing, place, error);
}

static char *
unit_of (JsonObject *unit,
         const char *member)
{
  JsonNode *node = json_object_get_member (unit, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/* Converts with the unit's symbol, else its name, else the tail of its definition URI (QUDT
 * "…/unit/M3-PER-SEC", UCUM "…#m3/s"). */
static gboolean
convert (VgQuantity  quantity,
         JsonObject *unit,
         double      value,
         double     *result)
{
  g_autofree char *symbol = unit_of (unit, "symbol");
  g_autofree char *name = unit_of (unit, "name");
  g_autofree char *definition = unit_of (unit, "definition");
  const char *tail = NULL;

  if (definition != NULL)
    {
      tail = strrchr (definition, '#');
      if (tail == NULL)
        tail = strrchr (definition, '/');
      tail = tail != NULL ? tail + 1 : definition;
    }
  return vg_quantity_convert (quantity, symbol, value, result) ||
         vg_quantity_convert (quantity, name, value, result) ||
         vg_quantity_convert (quantity, tail, value, result);
}

static gboolean
parse_observation (Parse      *p,
                   JsonObject *observation,
                   VgQuantity  quantity,
                   JsonObject *unit,
                   Place      *place,
                   GError    **error)
{
  const char *phenomenon, *instant;
  g_autofree char *id = dup_iot_id (observation);
  g_auto(GStrv) interval = NULL;
  JsonNode *result;
  double value, converted;
  gint64 time;

  if (!vg_json_get_string (p->walk, observation, "phenomenonTime", VG_JSON_REQUIRED, &phenomenon, error))
    return FALSE;
  /* An interval "start/end" is stamped at its end, as a total over it is known then. */
  interval = g_strsplit (phenomenon, "/", 2);
  instant = interval[1] != NULL ? interval[1] : interval[0];
  if (!vg_feed_parse_time (instant, NULL, &time, NULL))
    {
      gsize mark = vg_json_walk_member (p->walk, "phenomenonTime");

      vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED,
                         "“%s” is not an ISO 8601 time or interval with UTC offsets", phenomenon);
      vg_json_walk_leave (p->walk, mark);
      return FALSE;
    }
  {
    JsonObject *parameters;
    g_autofree char *path = NULL;

    if (!vg_json_get_object (p->walk, observation, "parameters", VG_JSON_NULLABLE, &parameters, error))
      return FALSE;
    if (parameters != NULL && vg_json_find_biometric_member (parameters, p->clean_names, &path) != NULL)
      {
        g_autofree char *field = g_strconcat ("parameters.", path, NULL);

        vg_feed_batch_refuse (p->batch, VG_FEED_REFUSAL_REFUSED, VG_FEED_ERROR_REFUSED, id,
                              vg_json_walk_path (p->walk), field,
                              "observation refused: “%s” says biometric data, which Vigie never processes", field);
        return TRUE;
      }
  }

  result = json_object_get_member (observation, "result");
  if (result == NULL || JSON_NODE_HOLDS_NULL (result))
    return TRUE;   /* no value at that time */
  if (!JSON_NODE_HOLDS_VALUE (result) || json_node_get_value_type (result) == G_TYPE_STRING ||
      json_node_get_value_type (result) == G_TYPE_BOOLEAN)
    {
      gsize mark = vg_json_walk_member (p->walk, "result");

      vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "expected a number, found %s",
                         vg_json_type_name (result));
      vg_json_walk_leave (p->walk, mark);
      return FALSE;
    }
  value = json_node_get_double (result);
  if (!convert (quantity, unit, value, &converted))
    g_return_val_if_reached (FALSE);   /* the unit was checked with the Datastream */

  vg_feed_batch_add_observation (p->batch,
                                 vg_observation_new (vg_feed_batch_get_origin (p->batch), id,
                                                     vg_json_walk_path (p->walk), place->station,
                                                     quantity, converted, time, place->lon, place->lat));
  return TRUE;
}

/* A Datastream and its Observations; @place comes from the enclosing Thing, or from the
 * Datastream's own expanded Thing; @single is an Observation whose Datastream was expanded. */
static gboolean
parse_datastream (Parse      *p,
                  JsonObject *datastream,
                  Place       place,
                  JsonObject *single,
                  GError    **error)
{
  JsonObject *unit, *property, *thing;
  JsonArray *observations;
  const char *name, *property_name = NULL, *property_definition = NULL;
  g_autofree char *id = dup_iot_id (datastream);
  g_autofree char *refused = NULL;
  g_autofree char *text = NULL;
  VgQuantity quantity;
  double probe;

  if (!vg_json_get_string (p->walk, datastream, "name", VG_JSON_OPTIONAL, &name, error) ||
      !vg_json_get_object (p->walk, datastream, "unitOfMeasurement", VG_JSON_REQUIRED, &unit, error) ||
      !vg_json_get_object (p->walk, datastream, "ObservedProperty", VG_JSON_OPTIONAL, &property, error) ||
      !vg_json_get_object (p->walk, datastream, "Thing", VG_JSON_OPTIONAL, &thing, error) ||
      !vg_json_get_array (p->walk, datastream, "Observations", VG_JSON_OPTIONAL, &observations, error))
    return FALSE;
  if (property != NULL)
    {
      gsize mark = vg_json_walk_member (p->walk, "ObservedProperty");
      gboolean ok = vg_json_get_string (p->walk, property, "name", VG_JSON_OPTIONAL, &property_name, error) &&
                    vg_json_get_string (p->walk, property, "definition", VG_JSON_OPTIONAL, &property_definition, error);

      vg_json_walk_leave (p->walk, mark);
      if (!ok)
        return FALSE;
    }
  if (place.station == NULL)
    place.station = name;
  if (thing != NULL)
    {
      gsize mark = vg_json_walk_member (p->walk, "Thing");
      gboolean ok = read_thing (p, thing, &place, &refused, error);

      vg_json_walk_leave (p->walk, mark);
      if (!ok)
        return FALSE;
    }
  if (place.station == NULL)
    place.station = id != NULL ? id : "?";

  /* What is observed must not be a person's body: a Datastream counting faces or matching
   * fingerprints is refused with all its Observations. */
  if (refused == NULL && vg_feed_biometric_term (property_name) != NULL)
    refused = g_strdup ("ObservedProperty.name");
  if (refused == NULL && vg_feed_biometric_term (name) != NULL)
    refused = g_strdup ("name");
  if (refused != NULL)
    {
      vg_feed_batch_refuse (p->batch, VG_FEED_REFUSAL_REFUSED, VG_FEED_ERROR_REFUSED, id,
                            vg_json_walk_path (p->walk), refused,
                            "Datastream refused with its observations: “%s” says biometric data, "
                            "which Vigie never processes", refused);
      return TRUE;
    }

  text = g_strjoin (" ", property_name ? property_name : "", property_definition ? property_definition : "",
                    name ? name : "", NULL);
  if (!find_quantity (text, &quantity))
    {
      vg_feed_batch_refuse (p->batch, VG_FEED_REFUSAL_SKIPPED, VG_FEED_ERROR_UNSUPPORTED, id,
                            vg_json_walk_path (p->walk), "ObservedProperty",
                            "Datastream “%s” skipped: Vigie does not use “%s”", name ? name : "?",
                            property_name ? property_name : name ? name : "?");
      return TRUE;
    }
  if (!convert (quantity, unit, 0, &probe))
    {
      g_autofree char *symbol = unit_of (unit, "symbol");
      g_autofree char *unit_name = unit_of (unit, "name");
      gsize mark = vg_json_walk_member (p->walk, "unitOfMeasurement");

      vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_UNSUPPORTED,
                         "unknown unit “%s” (%s) for %s: Vigie converts only units it knows",
                         symbol ? symbol : "", unit_name ? unit_name : "no name", vg_quantity_to_id (quantity));
      vg_json_walk_leave (p->walk, mark);
      return FALSE;
    }

  if (single != NULL)
    return parse_observation (p, single, quantity, unit, &place, error);
  for (guint i = 0; observations != NULL && i < json_array_get_length (observations); i++)
    {
      gsize mark = vg_json_walk_member (p->walk, "Observations");
      JsonObject *observation;
      gboolean ok;

      vg_json_walk_index (p->walk, i);
      ok = vg_json_expect_object (p->walk, json_array_get_element (observations, i), &observation, error) &&
           parse_observation (p, observation, quantity, unit, &place, error);
      vg_json_walk_leave (p->walk, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_thing (Parse      *p,
             JsonObject *thing,
             GError    **error)
{
  JsonArray *datastreams;
  g_autofree char *refused = NULL;
  g_autofree char *id = dup_iot_id (thing);
  Place place = { NULL, NAN, NAN };

  if (!read_thing (p, thing, &place, &refused, error) ||
      !vg_json_get_array (p->walk, thing, "Datastreams", VG_JSON_OPTIONAL, &datastreams, error))
    return FALSE;
  if (refused != NULL)
    {
      vg_feed_batch_refuse (p->batch, VG_FEED_REFUSAL_REFUSED, VG_FEED_ERROR_REFUSED, id,
                            vg_json_walk_path (p->walk), refused,
                            "Thing refused with its Datastreams: “%s” says biometric data, "
                            "which Vigie never processes", refused);
      return TRUE;
    }
  for (guint i = 0; datastreams != NULL && i < json_array_get_length (datastreams); i++)
    {
      gsize mark = vg_json_walk_member (p->walk, "Datastreams");
      JsonObject *datastream;
      gboolean ok;

      vg_json_walk_index (p->walk, i);
      ok = vg_json_expect_object (p->walk, json_array_get_element (datastreams, i), &datastream, error) &&
           parse_datastream (p, datastream, place, NULL, error);
      vg_json_walk_leave (p->walk, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_entity (Parse    *p,
              JsonNode *node,
              GError  **error)
{
  JsonObject *entity, *datastream;
  Place nowhere = { NULL, NAN, NAN };

  if (!vg_json_expect_object (p->walk, node, &entity, error))
    return FALSE;
  if (json_object_has_member (entity, "unitOfMeasurement"))
    return parse_datastream (p, entity, nowhere, NULL, error);
  if (json_object_has_member (entity, "Datastreams") || json_object_has_member (entity, "Locations"))
    return parse_thing (p, entity, error);
  if (json_object_has_member (entity, "phenomenonTime") || json_object_has_member (entity, "result"))
    {
      gsize mark;
      gboolean ok;

      if (!vg_json_get_object (p->walk, entity, "Datastream", VG_JSON_OPTIONAL, &datastream, error))
        return FALSE;
      if (datastream == NULL)
        return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_UNSUPPORTED,
                                  "an Observation without its Datastream, so without unit: "
                                  "request it with $expand=Datastream");
      mark = vg_json_walk_member (p->walk, "Datastream");
      ok = parse_datastream (p, datastream, nowhere, entity, error);
      vg_json_walk_leave (p->walk, mark);
      return ok;
    }
  return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_UNSUPPORTED,
                            "not a SensorThings Thing, Datastream or Observation");
}

VgFeedBatch *
vg_feed_parse_sensorthings (const char  *feed_id,
                            GDateTime   *received_at,
                            GBytes      *payload,
                            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(VgFeedOrigin) origin = NULL;
  g_autoptr(VgFeedBatch) batch = NULL;
  g_autoptr(GHashTable) clean_names = vg_json_new_name_cache ();
  JsonObject *object;
  JsonArray *values;
  VgJsonWalk walk;
  Parse p;
  gboolean ok;

  g_return_val_if_fail (feed_id != NULL && received_at != NULL && payload != NULL, NULL);

  if ((root = vg_feed_json_load (feed_id, payload, error)) == NULL)
    return NULL;
  origin = vg_feed_origin_new_for (feed_id, VG_FEED_KIND_SENSORTHINGS, received_at, payload);
  batch = vg_feed_batch_new (origin);
  vg_json_walk_init (&walk, feed_id);
  p = (Parse) { batch, &walk, clean_names };

  ok = vg_json_expect_object (&walk, root, &object, error) &&
       vg_json_get_array (&walk, object, "value", VG_JSON_OPTIONAL, &values, error);
  if (ok && values == NULL)
    ok = parse_entity (&p, root, error);
  for (guint i = 0; ok && values != NULL && i < json_array_get_length (values); i++)
    {
      gsize mark = vg_json_walk_member (&walk, "value");

      vg_json_walk_index (&walk, i);
      ok = parse_entity (&p, json_array_get_element (values, i), error);
      vg_json_walk_leave (&walk, mark);
    }
  vg_json_walk_clear (&walk);
  return ok ? g_steal_pointer (&batch) : NULL;
}
