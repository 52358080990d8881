/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include "feed-test-util.h"

#define FIXTURE "sensorthings/things-lez.json"

static VgObservation *
observation (VgFeedBatch *batch,
             guint        index)
{
  return g_ptr_array_index (vg_feed_batch_get_observations (batch), index);
}

static void
test_things_expanded (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_SENSORTHINGS, FIXTURE);
  VgFeedRefusal *skipped;
  VgObservation *o;

  /* 2 levels + 1 discharge at the Lez, 1 rain total (the null one is a gap) + 1 temperature;
   * the PM10 datastream is skipped, visibly. */
  g_assert_cmpuint (vg_feed_batch_get_observations (batch)->len, ==, 5);

  /* 284.1 cm → 2.841 m; the station is the Thing's code_station; the place its Location. */
  o = observation (batch, 0);
  g_assert_cmpstr (vg_observation_get_station_id (o), ==, "Y321002101");
  g_assert_cmpint (vg_observation_get_quantity (o), ==, VG_QUANTITY_WATER_LEVEL);
  g_assert_cmpfloat_with_epsilon (vg_observation_get_value (o), 2.841, 1e-9);
  g_assert_cmpfloat_with_epsilon (vg_observation_get_latitude (o), 43.61864, 1e-9);
  g_assert_cmpstr (vg_observation_get_source_id (o), ==, "1101");
  g_assert_cmpstr (vg_observation_get_position (o), ==, "$.value[0].Datastreams[0].Observations[0]");

  o = observation (batch, 2);
  g_assert_cmpint (vg_observation_get_quantity (o), ==, VG_QUANTITY_DISCHARGE);
  g_assert_cmpfloat_with_epsilon (vg_observation_get_value (o), 212.5, 1e-9);

  /* An hourly total is stamped at the end of its interval; the Location was a GeoJSON Feature. */
  o = observation (batch, 3);
  g_assert_cmpstr (vg_observation_get_station_id (o), ==, "34154001");
  g_assert_cmpint (vg_observation_get_quantity (o), ==, VG_QUANTITY_PRECIPITATION);
  g_assert_cmpint (vg_observation_get_time (o), ==, feed_test_usec ("2024-10-17T06:00:00Z"));
  g_assert_cmpfloat_with_epsilon (vg_observation_get_longitude (o), 3.9633, 1e-9);
  g_assert_cmpint (vg_observation_get_quantity (observation (batch, 4)), ==, VG_QUANTITY_TEMPERATURE);

  g_assert_cmpuint (vg_feed_batch_get_refusals (batch)->len, ==, 1);
  skipped = g_ptr_array_index (vg_feed_batch_get_refusals (batch), 0);
  g_assert_cmpint (vg_feed_refusal_get_action (skipped), ==, VG_FEED_REFUSAL_SKIPPED);
  g_assert_error (vg_feed_refusal_get_error (skipped), VG_FEED_ERROR, VG_FEED_ERROR_UNSUPPORTED);
  g_assert_cmpstr (vg_feed_refusal_get_record_id (skipped), ==, "23");
  g_assert_cmpstr (vg_feed_refusal_get_position (skipped), ==, "$.value[1].Datastreams[2]");
}

static void
test_unknown_unit (void)
{
  g_autoptr(GBytes) payload = feed_test_load_edited (FIXTURE, "\"name\": \"centimetre\",\n            \"symbol\": \"cm\"",
                                                     "\"name\": \"hand\",\n            \"symbol\": \"hh\"");

  feed_test_assert_fails (VG_FEED_KIND_SENSORTHINGS, payload, VG_FEED_ERROR_UNSUPPORTED,
                          "$.value[0].Datastreams[0].unitOfMeasurement", "unknown unit “hh” (hand)",
                          "water_level", NULL);
}

static void
test_datastreams_and_observations (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  static const char datastreams[] =
    "{\"value\": [{\"@iot.id\": \"ds-7\", \"name\": \"Wind speed\", "
    "\"unitOfMeasurement\": {\"name\": \"kilometre per hour\", \"symbol\": \"km/h\", \"definition\": \"\"}, "
    "\"Thing\": {\"name\": \"Station Lattes\", \"Locations\": [{\"location\": {\"type\": \"Point\", \"coordinates\": [3.9, 43.56]}}]}, "
    "\"Observations\": [{\"@iot.id\": 1, \"phenomenonTime\": \"2024-10-17T06:00:00+02:00\", \"result\": 36}]}]}";
  /* An Observations collection, each with its Datastream expanded; unit only by QUDT URI. */
  static const char observations[] =
    "{\"value\": [{\"@iot.id\": 9, \"phenomenonTime\": \"2024-10-17T04:00:00Z\", \"result\": 64.5, "
    "\"Datastream\": {\"name\": \"Relative humidity\", \"unitOfMeasurement\": {\"definition\": \"http://qudt.org/vocab/unit/PERCENT\"}}}]}";
  g_autoptr(GBytes) p1 = g_bytes_new_static (datastreams, sizeof datastreams - 1);
  g_autoptr(GBytes) p2 = g_bytes_new_static (observations, sizeof observations - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) b1 = vg_feed_parse_sensorthings ("sta", received_at, p1, &error);
  g_autoptr(VgFeedBatch) b2 = NULL;
  VgObservation *o;

  g_assert_no_error (error);
  o = observation (b1, 0);
  g_assert_cmpstr (vg_observation_get_station_id (o), ==, "Station Lattes");
  g_assert_cmpint (vg_observation_get_quantity (o), ==, VG_QUANTITY_WIND_SPEED);
  g_assert_cmpfloat_with_epsilon (vg_observation_get_value (o), 10.0, 1e-9);   /* 36 km/h */
  g_assert_cmpint (vg_observation_get_time (o), ==, feed_test_usec ("2024-10-17T04:00:00Z"));

  b2 = vg_feed_parse_sensorthings ("sta", received_at, p2, &error);
  g_assert_no_error (error);
  o = observation (b2, 0);
  g_assert_cmpint (vg_observation_get_quantity (o), ==, VG_QUANTITY_HUMIDITY);
  g_assert_cmpfloat (vg_observation_get_value (o), ==, 64.5);
  g_assert_false (vg_observation_has_location (o));
}

static void
test_malformed (void)
{
  g_autoptr(GBytes) bad_result = feed_test_load_edited (FIXTURE, "\"result\": 287.4", "\"result\": \"high\"");
  g_autoptr(GBytes) bad_time = feed_test_load_edited (FIXTURE, "2024-10-17T05:00:00Z/2024-10-17T06:00:00Z", "yesterday/today");
  g_autoptr(GBytes) line_location = feed_test_load_edited (FIXTURE, "\"type\": \"Point\",\n            \"coordinates\": [3.89671, 43.61864]",
                                                           "\"type\": \"LineString\",\n            \"coordinates\": [[3.89671, 43.61864]]");

  feed_test_assert_fails (VG_FEED_KIND_SENSORTHINGS, bad_result, VG_FEED_ERROR_MALFORMED,
                          "$.value[0].Datastreams[0].Observations[1].result", "expected a number, found a string", NULL);
  feed_test_assert_fails (VG_FEED_KIND_SENSORTHINGS, bad_time, VG_FEED_ERROR_MALFORMED,
                          "$.value[1].Datastreams[0].Observations[0].phenomenonTime", "“yesterday/today”", NULL);
  feed_test_assert_fails (VG_FEED_KIND_SENSORTHINGS, line_location, VG_FEED_ERROR_UNSUPPORTED,
                          "$.value[0].Locations[0].location", "LineString", NULL);
  feed_test_assert_text_fails (VG_FEED_KIND_SENSORTHINGS,
                               "{\"value\": [{\"phenomenonTime\": \"2024-10-17T06:00:00Z\", \"result\": 1}]}",
                               VG_FEED_ERROR_UNSUPPORTED, "$.value[0]", "$expand=Datastream", NULL);
  feed_test_assert_text_fails (VG_FEED_KIND_SENSORTHINGS, "{\"value\": [{\"name\": \"x\"}]}",
                               VG_FEED_ERROR_UNSUPPORTED, "$.value[0]: not a SensorThings Thing", NULL);
}

static void
test_biometric_refused (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  /* A camera Datastream counting faces, and a Thing whose properties hold gait data. */
  g_autoptr(GBytes) faces = feed_test_load_edited (FIXTURE, "\"name\": \"Air temperature\",\n          \"observationType\"",
                                                   "\"name\": \"Face count\",\n          \"observationType\"");
  g_autoptr(GBytes) gait = feed_test_load_edited (FIXTURE, "\"river\": \"Le Lez\"", "\"gait_signature\": \"...\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) b1 = vg_feed_parse_sensorthings ("sta", received_at, faces, &error);
  g_autoptr(VgFeedBatch) b2 = NULL;
  VgFeedRefusal *refusal;

  g_assert_no_error (error);
  g_assert_cmpuint (vg_feed_batch_get_observations (b1)->len, ==, 4);
  refusal = g_ptr_array_index (vg_feed_batch_get_refusals (b1), 0);
  g_assert_cmpint (vg_feed_refusal_get_action (refusal), ==, VG_FEED_REFUSAL_REFUSED);
  g_assert_error (vg_feed_refusal_get_error (refusal), VG_FEED_ERROR, VG_FEED_ERROR_REFUSED);
  g_assert_cmpstr (vg_feed_refusal_get_field (refusal), ==, "name");
  g_assert_cmpstr (vg_feed_refusal_get_position (refusal), ==, "$.value[1].Datastreams[1]");

  b2 = vg_feed_parse_sensorthings ("sta", received_at, gait, &error);
  g_assert_no_error (error);
  /* The whole Thing goes, with its three Lez observations. */
  g_assert_cmpuint (vg_feed_batch_get_observations (b2)->len, ==, 2);
  refusal = g_ptr_array_index (vg_feed_batch_get_refusals (b2), 0);
  g_assert_cmpstr (vg_feed_refusal_get_field (refusal), ==, "Thing.properties.gait_signature");
  g_assert_cmpstr (vg_feed_refusal_get_record_id (refusal), ==, "1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/feeds/sensorthings/things-expanded", test_things_expanded);
  g_test_add_func ("/vigie/feeds/sensorthings/unknown-unit", test_unknown_unit);
  g_test_add_func ("/vigie/feeds/sensorthings/datastreams-and-observations", test_datastreams_and_observations);
  g_test_add_func ("/vigie/feeds/sensorthings/malformed", test_malformed);
  g_test_add_func ("/vigie/feeds/sensorthings/biometric-refused", test_biometric_refused);

  return g_test_run ();
}
