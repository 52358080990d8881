/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>

#include "feed-test-util.h"

#define FIXTURE "hubeau/observations_tr-montpellier.json"

static VgObservation *
observation (VgFeedBatch *batch,
             guint        index)
{
  return g_ptr_array_index (vg_feed_batch_get_observations (batch), index);
}

static void
test_montpellier_gauges (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_HUBEAU, FIXTURE);
  VgObservation *o;
  VgFeedOrigin *origin;

  /* Eight records: one null reading (a gap) gives no observation. */
  g_assert_cmpuint (vg_feed_batch_get_observations (batch)->len, ==, 7);
  g_assert_cmpuint (vg_feed_batch_get_refusals (batch)->len, ==, 0);

  /* H 2874 mm at the Lez in Montpellier → 2.874 m. */
  o = observation (batch, 0);
  g_assert_cmpstr (vg_observation_get_station_id (o), ==, "Y321002101");
  g_assert_cmpint (vg_observation_get_quantity (o), ==, VG_QUANTITY_WATER_LEVEL);
  g_assert_cmpfloat_with_epsilon (vg_observation_get_value (o), 2.874, 1e-9);
  g_assert_cmpint (vg_observation_get_time (o), ==, feed_test_usec ("2024-10-17T06:00:00Z"));
  g_assert_true (vg_observation_has_location (o));
  g_assert_cmpfloat_with_epsilon (vg_observation_get_longitude (o), 3.89671, 1e-9);
  g_assert_cmpstr (vg_observation_get_position (o), ==, "$.data[0]");
  g_assert_null (vg_observation_get_source_id (o));   /* Hub'Eau records have no id */

  /* Q 212500 l/s → 212.5 m³/s. */
  o = observation (batch, 2);
  g_assert_cmpint (vg_observation_get_quantity (o), ==, VG_QUANTITY_DISCHARGE);
  g_assert_cmpfloat_with_epsilon (vg_observation_get_value (o), 212.5, 1e-9);

  /* The Lez at Lattes, and the Mosson whose 05:55 reading was null. */
  g_assert_cmpstr (vg_observation_get_station_id (observation (batch, 3)), ==, "Y321002001");
  g_assert_cmpfloat_with_epsilon (vg_observation_get_value (observation (batch, 4)), 246.0, 1e-9);
  g_assert_cmpstr (vg_observation_get_station_id (observation (batch, 5)), ==, "Y314001001");
  g_assert_cmpstr (vg_observation_get_position (observation (batch, 6)), ==, "$.data[7]");

  /* Provenance shared by the batch: feed, kind, caller's reception time, payload digest. */
  origin = vg_feed_batch_get_origin (batch);
  g_assert_true (origin == vg_observation_get_origin (o));
  g_assert_cmpstr (vg_feed_origin_get_feed_id (origin), ==, FIXTURE);
  g_assert_cmpint (vg_feed_origin_get_kind (origin), ==, VG_FEED_KIND_HUBEAU);
  g_assert_cmpint (vg_feed_origin_get_received_at (origin), ==, feed_test_usec ("2024-10-17T06:10:00Z"));
  g_assert_cmpuint (strlen (vg_feed_origin_get_sha256 (origin)), ==, 64);
}

static void
test_unknown_grandeur (void)
{
  g_autoptr(GBytes) payload = feed_test_load_edited (FIXTURE, "\"grandeur_hydro\": \"Q\"", "\"grandeur_hydro\": \"T\"");

  /* The third record is the first Q: it names the grandeur, its path and what is known. */
  feed_test_assert_fails (VG_FEED_KIND_HUBEAU, payload, VG_FEED_ERROR_UNSUPPORTED,
                          "$.data[2].grandeur_hydro", "“T”", "H, water level in mm", NULL);
}

static void
test_malformed_records (void)
{
  g_autoptr(GBytes) text_value = feed_test_load_edited (FIXTURE, "\"resultat_obs\": 2841.0", "\"resultat_obs\": \"2841\"");
  g_autoptr(GBytes) bad_date = feed_test_load_edited (FIXTURE, "2024-10-17T05:55:00Z", "17/10/2024 05:55");
  g_autoptr(GBytes) no_station = feed_test_load_edited (FIXTURE, "\"code_station\": \"Y321002001\",", "");
  g_autoptr(GBytes) bad_position = feed_test_load_edited (FIXTURE, "\"latitude\": 43.56252", "\"latitude\": 6279476.1");

  feed_test_assert_fails (VG_FEED_KIND_HUBEAU, text_value, VG_FEED_ERROR_MALFORMED,
                          "$.data[1].resultat_obs", "expected a number, found a string", NULL);
  feed_test_assert_fails (VG_FEED_KIND_HUBEAU, bad_date, VG_FEED_ERROR_MALFORMED,
                          "$.data[1].date_obs", "“17/10/2024 05:55”", NULL);
  feed_test_assert_fails (VG_FEED_KIND_HUBEAU, no_station, VG_FEED_ERROR_MALFORMED,
                          "$.data[3].code_station", "missing", NULL);
  feed_test_assert_fails (VG_FEED_KIND_HUBEAU, bad_position, VG_FEED_ERROR_OUT_OF_RANGE,
                          "$.data[3]", "not WGS84", NULL);
  feed_test_assert_text_fails (VG_FEED_KIND_HUBEAU, "{\"count\": 0}", VG_FEED_ERROR_MALFORMED, "$.data: missing", NULL);
  feed_test_assert_text_fails (VG_FEED_KIND_HUBEAU, "[1, 2]", VG_FEED_ERROR_MALFORMED,
                               "$: expected an object, found an array", NULL);
  feed_test_assert_text_fails (VG_FEED_KIND_HUBEAU, "{\"data\": [1]}", VG_FEED_ERROR_MALFORMED,
                               "$.data[0]: expected an object, found a number", NULL);
}

static void
test_implausible_reading_skipped (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  /* 287 m of water in the Lez: a sensor fault, not a flood. */
  g_autoptr(GBytes) payload = feed_test_load_edited (FIXTURE, "\"resultat_obs\": 2874.0", "\"resultat_obs\": 287400.0");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = vg_feed_parse_hubeau ("hubeau-lez", received_at, payload, &error);
  VgFeedRefusal *refusal;

  g_assert_no_error (error);
  g_assert_cmpuint (vg_feed_batch_get_observations (batch)->len, ==, 6);
  g_assert_cmpuint (vg_feed_batch_get_refusals (batch)->len, ==, 1);
  refusal = g_ptr_array_index (vg_feed_batch_get_refusals (batch), 0);
  g_assert_cmpint (vg_feed_refusal_get_action (refusal), ==, VG_FEED_REFUSAL_SKIPPED);
  g_assert_error (vg_feed_refusal_get_error (refusal), VG_FEED_ERROR, VG_FEED_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (vg_feed_refusal_get_record_id (refusal), ==, "Y321002101");
  g_assert_cmpstr (vg_feed_refusal_get_position (refusal), ==, "$.data[0]");
  g_assert_nonnull (strstr (vg_feed_refusal_get_error (refusal)->message, "287.4 m is implausible"));
}

static void
test_biometric_field_refused (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GBytes) payload = feed_test_load_edited (FIXTURE, "\"continuite_obs_hydro\": true,\n      \"longitude\": 3.89495",
                                                     "\"continuite_obs_hydro\": true,\n      \"observer_face_image\": \"ok\",\n      \"longitude\": 3.89495");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = vg_feed_parse_hubeau ("hubeau-lez", received_at, payload, &error);
  VgFeedRefusal *refusal;

  g_assert_no_error (error);
  /* The Lattes H record (the fourth) is refused whole; the others are kept. */
  g_assert_cmpuint (vg_feed_batch_get_observations (batch)->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpstr (vg_observation_get_position (observation (batch, i)), !=, "$.data[3]");
  refusal = g_ptr_array_index (vg_feed_batch_get_refusals (batch), 0);
  g_assert_cmpint (vg_feed_refusal_get_action (refusal), ==, VG_FEED_REFUSAL_REFUSED);
  g_assert_error (vg_feed_refusal_get_error (refusal), VG_FEED_ERROR, VG_FEED_ERROR_REFUSED);
  g_assert_cmpstr (vg_feed_refusal_get_field (refusal), ==, "observer_face_image");
  g_assert_cmpstr (vg_feed_refusal_get_position (refusal), ==, "$.data[3]");
  g_assert_nonnull (strstr (vg_feed_refusal_get_error (refusal)->message, "says face data"));
}

static void
test_json_output (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_HUBEAU, FIXTURE);
  g_autoptr(JsonNode) root = vg_feed_batch_to_json (batch);
  JsonObject *object = json_node_get_object (root);
  JsonObject *first = json_array_get_object_element (json_object_get_array_member (object, "observations"), 0);

  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "hubeau");
  g_assert_cmpstr (json_object_get_string_member (object, "received_at"), ==, "2024-10-17T06:10:00Z");
  g_assert_cmpstr (json_object_get_string_member (first, "quantity"), ==, "water_level");
  /* What the journal writes reads back. */
  {
    VgQuantity quantity;

    g_assert_true (vg_quantity_from_id (json_object_get_string_member (first, "quantity"), &quantity));
    g_assert_cmpint (quantity, ==, VG_QUANTITY_WATER_LEVEL);
    g_assert_false (vg_quantity_from_id ("water_height", &quantity));
  }
  g_assert_cmpstr (json_object_get_string_member (first, "unit"), ==, "m");
  g_assert_cmpstr (json_object_get_string_member (first, "time"), ==, "2024-10-17T06:00:00Z");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "refusals")), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/feeds/hubeau/montpellier-gauges", test_montpellier_gauges);
  g_test_add_func ("/vigie/feeds/hubeau/unknown-grandeur", test_unknown_grandeur);
  g_test_add_func ("/vigie/feeds/hubeau/malformed-records", test_malformed_records);
  g_test_add_func ("/vigie/feeds/hubeau/implausible-reading-skipped", test_implausible_reading_skipped);
  g_test_add_func ("/vigie/feeds/hubeau/biometric-field-refused", test_biometric_field_refused);
  g_test_add_func ("/vigie/feeds/hubeau/json-output", test_json_output);

  return g_test_run ();
}
