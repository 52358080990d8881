/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-parser-hubeau"

#include "config.h"

#include <math.h>

#include "vg-error.h"
#include "vg-feed-private.h"

/* Hub'Eau hydrométrie, endpoint observations_tr (https://hubeau.eaufrance.fr/page/api-hydrometrie):
 * {"count": N, "next": "...", "data": [{"code_station": "Y321002101", "grandeur_hydro": "H",
 * "date_obs": "2024-01-15T10:05:00Z", "resultat_obs": 412.0, "longitude": 3.89, "latitude":
 * 43.60, ...}]}. "Les observations sont exprimées en mm pour les hauteurs d'eau et en l/s pour
 * les débits" (API documentation). A null resultat_obs is a gap in the series, not a value. */

/* Beyond these a reading is a sensor or transmission fault, not a river: the wettest French
 * floods stay far inside them (the Lez peaks at a few metres and a few hundred m³/s). Negative
 * discharges exist at tidal stations. */
#define MIN_LEVEL_M      -20.0
#define MAX_LEVEL_M      100.0
#define MIN_DISCHARGE_M3 -1000.0
#define MAX_DISCHARGE_M3 100000.0

static gboolean
check_position (VgJsonWalk  *walk,
                JsonObject  *record,
                double      *lon,
                double      *lat,
                GError     **error)
{
  if (!vg_json_get_number (walk, record, "longitude", VG_JSON_NULLABLE, lon, error) ||
      !vg_json_get_number (walk, record, "latitude", VG_JSON_NULLABLE, lat, error))
    return FALSE;
  if (isnan (*lon) != isnan (*lat))
    return vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "longitude and latitude must come together");
  if (!isnan (*lon) && (fabs (*lon) > 180 || fabs (*lat) > 90))
    return vg_json_walk_fail (walk, error, VG_FEED_ERROR_OUT_OF_RANGE,
                              "position %.10g, %.10g is not WGS84 longitude, latitude", *lon, *lat);
  return TRUE;
}

static gboolean
parse_record (VgFeedBatch  *batch,
              VgJsonWalk   *walk,
              GHashTable   *clean_names,
              JsonNode     *node,
              GError      **error)
{
  JsonObject *record;
  const char *station, *grandeur, *date;
  g_autofree char *biometric_path = NULL;
  const char *term;
  double value, lon, lat, converted;
  gint64 time;
  VgQuantity quantity;

  if (!vg_json_expect_object (walk, node, &record, error) ||
      !vg_json_get_string (walk, record, "code_station", VG_JSON_REQUIRED, &station, error))
    return FALSE;

  /* Refused before anything else is read from it. */
  if ((term = vg_json_find_biometric_member (record, clean_names, &biometric_path)) != NULL)
    {
      vg_feed_batch_refuse (batch, VG_FEED_REFUSAL_REFUSED, VG_FEED_ERROR_REFUSED, station,
                            vg_json_walk_path (walk), biometric_path,
                            "record refused: field “%s” says %s data, which Vigie never processes",
                            biometric_path, term);
      return TRUE;
    }

  if (!vg_json_get_string (walk, record, "grandeur_hydro", VG_JSON_REQUIRED, &grandeur, error) ||
      !vg_json_get_string (walk, record, "date_obs", VG_JSON_REQUIRED, &date, error) ||
      !vg_json_get_number (walk, record, "resultat_obs", VG_JSON_REQUIRED | VG_JSON_NULLABLE, &value, error) ||
      !check_position (walk, record, &lon, &lat, error))
    return FALSE;

  if (g_str_equal (grandeur, "H"))
    {
      quantity = VG_QUANTITY_WATER_LEVEL;
      converted = value / 1000.0;   /* mm → m */
    }
  else if (g_str_equal (grandeur, "Q"))
    {
      quantity = VG_QUANTITY_DISCHARGE;
      converted = value / 1000.0;   /* l/s → m³/s */
    }
  else
    {
      gsize mark = vg_json_walk_member (walk, "grandeur_hydro");

      vg_json_walk_fail (walk, error, VG_FEED_ERROR_UNSUPPORTED,
                         "unknown grandeur_hydro “%s” (observations_tr has H, water level in mm, "
                         "and Q, discharge in l/s)", grandeur);
      vg_json_walk_leave (walk, mark);
      return FALSE;
    }

  if (!vg_feed_parse_time (date, NULL, &time, NULL))
    {
      gsize mark = vg_json_walk_member (walk, "date_obs");

      vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED,
                         "“%s” is not an ISO 8601 time with a UTC offset", date);
      vg_json_walk_leave (walk, mark);
      return FALSE;
    }

  if (isnan (value))
    return TRUE;

  if ((quantity == VG_QUANTITY_WATER_LEVEL && (converted < MIN_LEVEL_M || converted > MAX_LEVEL_M)) ||
      (quantity == VG_QUANTITY_DISCHARGE && (converted < MIN_DISCHARGE_M3 || converted > MAX_DISCHARGE_M3)))
    {
      vg_feed_batch_refuse (batch, VG_FEED_REFUSAL_SKIPPED, VG_FEED_ERROR_OUT_OF_RANGE, station,
                            vg_json_walk_path (walk), "resultat_obs",
                            "station %s at %s: %s %g %s is implausible, reading skipped",
                            station, date, vg_quantity_to_id (quantity), converted,
                            vg_quantity_get_unit (quantity));
      return TRUE;
    }

  vg_feed_batch_add_observation (batch,
                                 vg_observation_new (vg_feed_batch_get_origin (batch), NULL,
                                                     vg_json_walk_path (walk), station, quantity,
                                                     converted, time, lon, lat));
  return TRUE;
}

VgFeedBatch *
vg_feed_parse_hubeau (const char  *feed_id,
                      GDateTime   *received_at,
                      GBytes      *payload,
                      GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(VgFeedOrigin) origin = NULL;
  g_autoptr(VgFeedBatch) batch = NULL;
  g_autoptr(GHashTable) clean_names = vg_json_new_name_cache ();
  JsonObject *object;
  JsonArray *data;
  VgJsonWalk walk;
  gboolean ok = TRUE;

  g_return_val_if_fail (feed_id != NULL && received_at != NULL && payload != NULL, NULL);

  if ((root = vg_feed_json_load (feed_id, payload, error)) == NULL)
    return NULL;
  origin = vg_feed_origin_new_for (feed_id, VG_FEED_KIND_HUBEAU, received_at, payload);
  batch = vg_feed_batch_new (origin);

  vg_json_walk_init (&walk, feed_id);
  if (!vg_json_expect_object (&walk, root, &object, error) ||
      !vg_json_get_array (&walk, object, "data", VG_JSON_REQUIRED, &data, error))
    ok = FALSE;
  for (guint i = 0; ok && i < json_array_get_length (data); i++)
    {
      gsize mark = vg_json_walk_member (&walk, "data");

      vg_json_walk_index (&walk, i);
      ok = parse_record (batch, &walk, clean_names, json_array_get_element (data, i), error);
      vg_json_walk_leave (&walk, mark);
    }
  vg_json_walk_clear (&walk);
  return ok ? g_steal_pointer (&batch) : NULL;
}
