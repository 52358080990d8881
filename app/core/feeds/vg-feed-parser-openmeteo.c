/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-parser-openmeteo"

#include "config.h"

#include <math.h>

#include "vg-error.h"
#include "vg-feed-private.h"

/* Open-Meteo forecast API (https://open-meteo.com/en/docs): {"latitude", "longitude",
 * "generationtime_ms", "utc_offset_seconds", "timezone", "elevation", "hourly_units": {"time":
 * "iso8601", "temperature_2m": "°C", ...}, "hourly": {"time": [...], "temperature_2m": [...]}}
 * or an array of such objects when several coordinates are asked. Times are local to
 * "timezone" and carry no offset ("2024-01-15T00:00"), or are Unix seconds with
 * &timeformat=unixtime. The response does not say which model run it comes from: that is in
 * the model metadata (…/data/<model>/static/meta.json, "last_run_initialisation_time"). */

static const struct {
  const char *name;
  VgQuantity  quantity;
} variables[] = {
  { "temperature_2m", VG_QUANTITY_TEMPERATURE },
  { "relative_humidity_2m", VG_QUANTITY_HUMIDITY },
  { "relativehumidity_2m", VG_QUANTITY_HUMIDITY },   /* spelling before the 2023 rename */
  { "precipitation", VG_QUANTITY_PRECIPITATION },
  { "wind_speed_10m", VG_QUANTITY_WIND_SPEED },
  { "windspeed_10m", VG_QUANTITY_WIND_SPEED },
};

static gboolean
parse_times (VgJsonWalk  *walk,
             JsonArray   *array,
             gboolean     unixtime,
             GTimeZone   *tz,
             GArray      *times,
             GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize mark = vg_json_walk_index (walk, i);
      gint64 usec = 0;
      gboolean ok = TRUE;

      if (unixtime)
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
            ok = vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "expected Unix seconds, found %s",
                                    vg_json_type_name (node));
          else if (json_node_get_int (node) < -2208988800 || json_node_get_int (node) > 7258118400)
            ok = vg_json_walk_fail (walk, error, VG_FEED_ERROR_OUT_OF_RANGE, "%" G_GINT64_FORMAT
                                    " is not a plausible time", json_node_get_int (node));
          else
            usec = json_node_get_int (node) * G_USEC_PER_SEC;
        }
      else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        ok = vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "expected an ISO 8601 time, found %s",
                                vg_json_type_name (node));
      else if (!vg_feed_parse_time (json_node_get_string (node), tz, &usec, NULL))
        ok = vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "“%s” is not an ISO 8601 time",
                                json_node_get_string (node));
      if (ok && times->len > 0 && usec <= g_array_index (times, gint64, times->len - 1))
        ok = vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "times do not increase");
      vg_json_walk_leave (walk, mark);
      if (!ok)
        return FALSE;
      g_array_append_val (times, usec);
    }
  return TRUE;
}

static gboolean
parse_series (VgJsonWalk  *walk,
              JsonArray   *array,
              VgQuantity   quantity,
              const char  *unit,
              guint        n_steps,
              GArray     **series,
              GError     **error)
{
  g_autoptr(GArray) values = NULL;

  if (json_array_get_length (array) != n_steps)
    return vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "%u values for %u time steps",
                              json_array_get_length (array), n_steps);
  values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      double value = NAN;

      if (!JSON_NODE_HOLDS_NULL (node))
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) == G_TYPE_STRING ||
              json_node_get_value_type (node) == G_TYPE_BOOLEAN)
            {
              gsize mark = vg_json_walk_index (walk, i);

              vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "expected a number or null, found %s",
                                 vg_json_type_name (node));
              vg_json_walk_leave (walk, mark);
              return FALSE;
            }
          if (!vg_quantity_convert (quantity, unit, json_node_get_double (node), &value))
            g_return_val_if_reached (FALSE);   /* unit checked by the caller */
        }
      g_array_append_val (values, value);
    }
  *series = g_steal_pointer (&values);
  return TRUE;
}

/* The unit of variable @name, which Vigie must know; errors point at hourly_units.@name. */
static gboolean
check_unit (VgJsonWalk   *walk,
            const char   *base,
            JsonObject   *units,
            const char   *name,
            VgQuantity    quantity,
            const char  **unit,
            GError      **error)
{
  g_autofree char *position = g_strdup_printf ("%s.hourly_units.%s", base, name);
  JsonNode *node = json_object_get_member (units, name);
  double probe;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return vg_feed_fail (error, VG_FEED_ERROR_MALFORMED, walk->feed_id, position, "no unit given for %s", name);
  *unit = json_node_get_string (node);
  if (!vg_quantity_convert (quantity, *unit, 0, &probe))
    return vg_feed_fail (error, VG_FEED_ERROR_UNSUPPORTED, walk->feed_id, position,
                         "unknown unit “%s” for %s", *unit, vg_quantity_to_id (quantity));
  return TRUE;
}

static gboolean
parse_location (VgFeedBatch  *batch,
                VgJsonWalk   *walk,
                JsonNode     *node,
                gint64        model_run,
                GError      **error)
{
  JsonObject *object, *units, *hourly;
  JsonArray *time_array;
  const char *zone_name, *time_format = NULL;
  double lat, lon, elevation, generation_ms, offset;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GArray) times = NULL;
  g_autoptr(VgForecast) forecast = NULL;
  g_autofree char *source_id = NULL;
  g_autofree char *base = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!vg_json_expect_object (walk, node, &object, error))
    return FALSE;
  if (json_object_has_member (object, "error"))
    {
      const char *reason = NULL;

      vg_json_get_string (walk, object, "reason", VG_JSON_OPTIONAL, &reason, NULL);
      return vg_json_walk_fail (walk, error, VG_FEED_ERROR_UNSUPPORTED, "Open-Meteo refused the request: %s",
                                reason ? reason : "no reason given");
    }
  if (!vg_json_get_number (walk, object, "latitude", VG_JSON_REQUIRED, &lat, error) ||
      !vg_json_get_number (walk, object, "longitude", VG_JSON_REQUIRED, &lon, error) ||
      !vg_json_get_number (walk, object, "elevation", VG_JSON_NULLABLE, &elevation, error) ||
      !vg_json_get_number (walk, object, "generationtime_ms", VG_JSON_NULLABLE, &generation_ms, error) ||
      !vg_json_get_number (walk, object, "utc_offset_seconds", VG_JSON_NULLABLE, &offset, error) ||
      !vg_json_get_string (walk, object, "timezone", VG_JSON_NULLABLE, &zone_name, error) ||
      !vg_json_get_object (walk, object, "hourly_units", VG_JSON_REQUIRED, &units, error) ||
      !vg_json_get_object (walk, object, "hourly", VG_JSON_REQUIRED, &hourly, error))
    return FALSE;
  if (fabs (lon) > 180 || fabs (lat) > 90)
    return vg_json_walk_fail (walk, error, VG_FEED_ERROR_OUT_OF_RANGE,
                              "position %.10g, %.10g is not WGS84 longitude, latitude", lon, lat);
  if (isnan (offset))
    offset = 0;
  if (fabs (offset) > 18 * 3600 || offset != floor (offset))
    return vg_json_walk_fail (walk, error, VG_FEED_ERROR_OUT_OF_RANGE, "utc_offset_seconds %g is not an offset", offset);

  /* The zone itself when it is a known one, so that local times across a DST change are read
   * right; else the single offset the response gives. */
  if (zone_name != NULL)
    tz = g_time_zone_new_identifier (zone_name);
  if (tz == NULL)
    tz = g_time_zone_new_offset ((gint32) offset);

  {
    gsize mark = vg_json_walk_member (walk, "hourly_units");
    gboolean ok = vg_json_get_string (walk, units, "time", VG_JSON_OPTIONAL, &time_format, error);

    vg_json_walk_leave (walk, mark);
    if (!ok)
      return FALSE;
  }
  {
    gsize mark = vg_json_walk_member (walk, "hourly");
    gboolean ok = vg_json_get_array (walk, hourly, "time", VG_JSON_REQUIRED, &time_array, error);

    if (ok)
      {
        vg_json_walk_member (walk, "time");
        times = g_array_new (FALSE, FALSE, sizeof (gint64));
        ok = parse_times (walk, time_array, g_strcmp0 (time_format, "unixtime") == 0, tz, times, error);
      }
    vg_json_walk_leave (walk, mark);
    if (!ok)
      return FALSE;
  }

  source_id = g_strdup_printf ("open-meteo:%.4f,%.4f", lat, lon);
  forecast = vg_forecast_new (vg_feed_batch_get_origin (batch), source_id, vg_json_walk_path (walk),
                              lon, lat, elevation, model_run, generation_ms, g_steal_pointer (&times));

  base = g_strdup (vg_json_walk_path (walk));
  json_object_iter_init_ordered (&iter, hourly);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gsize mark = vg_json_walk_member (walk, "hourly");
      const char *term;
      gboolean ok = TRUE;

      vg_json_walk_member (walk, name);
      if ((term = vg_feed_biometric_term (name)) != NULL)
        vg_feed_batch_refuse (batch, VG_FEED_REFUSAL_STRIPPED, VG_FEED_ERROR_REFUSED, source_id,
                              vg_json_walk_path (walk), name,
                              "variable “%s” dropped unread: it says %s data, which Vigie never processes",
                              name, term);
      for (guint v = 0; term == NULL && v < G_N_ELEMENTS (variables); v++)
        {
          GArray *series = NULL;
          const char *unit = NULL;

          if (!g_str_equal (name, variables[v].name) ||
              vg_forecast_get_series (forecast, variables[v].quantity) != NULL)
            continue;
          ok = check_unit (walk, base, units, name, variables[v].quantity, &unit, error);
          if (ok && !JSON_NODE_HOLDS_ARRAY (member))
            ok = vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "expected an array, found %s",
                                    vg_json_type_name (member));
          if (ok)
            ok = parse_series (walk, json_node_get_array (member), variables[v].quantity, unit,
                               vg_forecast_get_n_steps (forecast), &series, error);
          if (ok)
            vg_forecast_take_series (forecast, variables[v].quantity, series);
          break;
        }
      vg_json_walk_leave (walk, mark);
      if (!ok)
        return FALSE;
    }
  vg_feed_batch_add_forecast (batch, g_steal_pointer (&forecast));
  return TRUE;
}

static gboolean
parse_model_meta (const char  *feed_id,
                  GBytes      *meta,
                  gint64      *model_run,
                  GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *meta_id = g_strconcat (feed_id, " (model metadata)", NULL);
  JsonObject *object;
  VgJsonWalk walk;
  double run = NAN;
  gboolean ok;

  if ((root = vg_feed_json_load (meta_id, meta, error)) == NULL)
    return FALSE;
  vg_json_walk_init (&walk, meta_id);
  ok = vg_json_expect_object (&walk, root, &object, error) &&
       vg_json_get_number (&walk, object, "last_run_initialisation_time", VG_JSON_REQUIRED, &run, error);
  if (ok && (run != floor (run) || run < 0 || run > 7258118400))
    {
      vg_json_walk_member (&walk, "last_run_initialisation_time");
      ok = vg_json_walk_fail (&walk, error, VG_FEED_ERROR_OUT_OF_RANGE, "%g is not Unix seconds", run);
    }
  vg_json_walk_clear (&walk);
  if (ok)
    *model_run = (gint64) run * G_USEC_PER_SEC;
  return ok;
}

VgFeedBatch *
vg_feed_parse_openmeteo_with_meta (const char  *feed_id,
                                   GDateTime   *received_at,
                                   GBytes      *payload,
                                   GBytes      *model_meta,
                                   GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(VgFeedOrigin) origin = NULL;
  g_autoptr(VgFeedBatch) batch = NULL;
  gint64 model_run = VG_FEED_TIME_UNKNOWN;
  VgJsonWalk walk;
  gboolean ok = TRUE;

  g_return_val_if_fail (feed_id != NULL && received_at != NULL && payload != NULL, NULL);

  if (model_meta != NULL && !parse_model_meta (feed_id, model_meta, &model_run, error))
    return NULL;
  if ((root = vg_feed_json_load (feed_id, payload, error)) == NULL)
    return NULL;
  origin = vg_feed_origin_new_for (feed_id, VG_FEED_KIND_OPENMETEO, received_at, payload);
  batch = vg_feed_batch_new (origin);
  vg_json_walk_init (&walk, feed_id);
  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *locations = json_node_get_array (root);

      for (guint i = 0; ok && i < json_array_get_length (locations); i++)
        {
          gsize mark = vg_json_walk_index (&walk, i);

          ok = parse_location (batch, &walk, json_array_get_element (locations, i), model_run, error);
          vg_json_walk_leave (&walk, mark);
        }
    }
  else
    ok = parse_location (batch, &walk, root, model_run, error);
  vg_json_walk_clear (&walk);
  return ok ? g_steal_pointer (&batch) : NULL;
}

VgFeedBatch *
vg_feed_parse_openmeteo (const char  *feed_id,
                         GDateTime   *received_at,
                         GBytes      *payload,
                         GError     **error)
{
  return vg_feed_parse_openmeteo_with_meta (feed_id, received_at, payload, NULL, error);
}
