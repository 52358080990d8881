/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>

#include "feed-test-util.h"

static VgForecast *
forecast (VgFeedBatch *batch)
{
  g_assert_cmpuint (vg_feed_batch_get_forecasts (batch)->len, ==, 1);
  return g_ptr_array_index (vg_feed_batch_get_forecasts (batch), 0);
}

static void
test_format_example (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_OPENMETEO, "openmeteo/open-meteo-weather-forecast-example.json");
  VgForecast *f = forecast (batch);
  const double *wind = vg_forecast_get_series (f, VG_QUANTITY_WIND_SPEED);
  const double *temperature = vg_forecast_get_series (f, VG_QUANTITY_TEMPERATURE);

  g_assert_cmpuint (vg_forecast_get_n_steps (f), ==, 4);
  g_assert_cmpfloat_with_epsilon (vg_forecast_get_latitude (f), 52.52, 1e-9);
  g_assert_cmpfloat_with_epsilon (vg_forecast_get_longitude (f), 13.419998, 1e-9);
  g_assert_true (vg_forecast_get_origin (f) == vg_feed_batch_get_origin (batch));
  g_assert_cmpfloat_with_epsilon (vg_forecast_get_elevation (f), 38.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (vg_forecast_get_generation_ms (f), 0.08797645568847656, 1e-12);
  g_assert_cmpint (vg_forecast_get_model_run (f), ==, VG_FEED_TIME_UNKNOWN);
  /* GMT: "2024-01-15T00:00" is midnight UTC. */
  g_assert_cmpint (vg_forecast_get_times (f)[0], ==, feed_test_usec ("2024-01-15T00:00:00Z"));
  g_assert_cmpint (vg_forecast_get_times (f)[3], ==, feed_test_usec ("2024-01-15T03:00:00Z"));
  g_assert_cmpfloat_with_epsilon (temperature[0], 3.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (vg_forecast_get_series (f, VG_QUANTITY_HUMIDITY)[3], 86, 1e-9);
  g_assert_cmpfloat_with_epsilon (vg_forecast_get_series (f, VG_QUANTITY_PRECIPITATION)[2], 0.1, 1e-9);
  /* 14.2 km/h → 3.944 m/s. */
  g_assert_cmpfloat_with_epsilon (wind[0], 14.2 / 3.6, 1e-9);
  /* wind_direction_10m and weather_code are not read, and not refusals either. */
  g_assert_cmpuint (vg_feed_batch_get_refusals (batch)->len, ==, 0);
}

static void
test_local_time_and_model_run (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GBytes) payload = feed_test_load ("openmeteo/montpellier-forecast.json");
  g_autoptr(GBytes) meta = feed_test_load ("openmeteo/meteofrance-arome-meta.json");
  g_autoptr(GBytes) unixtime = feed_test_load ("openmeteo/montpellier-forecast-unixtime.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = vg_feed_parse_openmeteo_with_meta ("om", received_at, payload, meta, &error);
  g_autoptr(VgFeedBatch) batch2 = NULL;
  VgForecast *f, *f2;

  g_assert_no_error (error);
  f = forecast (batch);
  /* Europe/Paris in October is UTC+2: local midnight is 22:00 UTC the day before. */
  g_assert_cmpint (vg_forecast_get_times (f)[0], ==, feed_test_usec ("2024-10-16T22:00:00Z"));
  g_assert_cmpint (vg_forecast_get_model_run (f), ==, feed_test_usec ("2024-10-17T00:00:00Z"));
  g_assert_cmpstr (vg_forecast_get_source_id (f), ==, "open-meteo:43.6000,3.8800");
  /* A null value is a missing step, not zero. */
  g_assert_true (isnan (vg_forecast_get_series (f, VG_QUANTITY_PRECIPITATION)[7]));
  g_assert_cmpfloat_with_epsilon (vg_forecast_get_series (f, VG_QUANTITY_PRECIPITATION)[5], 48.6, 1e-9);

  /* The same forecast asked with timeformat=unixtime and wind in m/s reads the same. */
  batch2 = vg_feed_parse_openmeteo ("om", received_at, unixtime, &error);
  g_assert_no_error (error);
  f2 = forecast (batch2);
  for (guint i = 0; i < 8; i++)
    {
      g_assert_cmpint (vg_forecast_get_times (f2)[i], ==, vg_forecast_get_times (f)[i]);
      g_assert_cmpfloat_with_epsilon (vg_forecast_get_series (f2, VG_QUANTITY_WIND_SPEED)[i],
                                      vg_forecast_get_series (f, VG_QUANTITY_WIND_SPEED)[i], 0.006);
    }
  g_assert_cmpint (vg_forecast_get_model_run (f2), ==, VG_FEED_TIME_UNKNOWN);
}

static void
test_several_locations (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GBytes) one = feed_test_load ("openmeteo/montpellier-forecast.json");
  gsize len;
  const char *data = g_bytes_get_data (one, &len);
  g_autofree char *two = g_strdup_printf ("[%.*s, %.*s]", (int) len, data, (int) len, data);
  g_autoptr(GBytes) payload = g_bytes_new (two, strlen (two));
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = vg_feed_parse_openmeteo ("om", received_at, payload, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (vg_feed_batch_get_forecasts (batch)->len, ==, 2);
  g_assert_cmpstr (vg_forecast_get_position (g_ptr_array_index (vg_feed_batch_get_forecasts (batch), 1)), ==, "$[1]");
}

static void
test_malformed (void)
{
  const char *file = "openmeteo/open-meteo-weather-forecast-example.json";
  g_autoptr(GBytes) short_series = feed_test_load_edited (file, "[82, 84, 85, 86]", "[82, 84, 85]");
  g_autoptr(GBytes) unknown_unit = feed_test_load_edited (file, "\"wind_speed_10m\": \"km/h\"", "\"wind_speed_10m\": \"beaufort\"");
  g_autoptr(GBytes) no_unit = feed_test_load_edited (file, "\"precipitation\": \"mm\",", "");
  g_autoptr(GBytes) bad_time = feed_test_load_edited (file, "\"2024-01-15T02:00\"", "\"2024-01-15 2h\"");
  g_autoptr(GBytes) backwards = feed_test_load_edited (file, "\"2024-01-15T02:00\"", "\"2024-01-14T02:00\"");
  g_autoptr(GBytes) text_value = feed_test_load_edited (file, "[3.2, 2.8, 2.5, 2.1]", "[3.2, \"2.8\", 2.5, 2.1]");

  feed_test_assert_fails (VG_FEED_KIND_OPENMETEO, short_series, VG_FEED_ERROR_MALFORMED,
                          "$.hourly.relative_humidity_2m", "3 values for 4 time steps", NULL);
  feed_test_assert_fails (VG_FEED_KIND_OPENMETEO, unknown_unit, VG_FEED_ERROR_UNSUPPORTED,
                          "$.hourly_units.wind_speed_10m", "unknown unit “beaufort”", NULL);
  feed_test_assert_fails (VG_FEED_KIND_OPENMETEO, no_unit, VG_FEED_ERROR_MALFORMED,
                          "$.hourly_units.precipitation", "no unit", NULL);
  feed_test_assert_fails (VG_FEED_KIND_OPENMETEO, bad_time, VG_FEED_ERROR_MALFORMED,
                          "$.hourly.time[2]", "“2024-01-15 2h”", NULL);
  feed_test_assert_fails (VG_FEED_KIND_OPENMETEO, backwards, VG_FEED_ERROR_MALFORMED,
                          "$.hourly.time[2]", "do not increase", NULL);
  feed_test_assert_fails (VG_FEED_KIND_OPENMETEO, text_value, VG_FEED_ERROR_MALFORMED,
                          "$.hourly.temperature_2m[1]", "found a string", NULL);
  feed_test_assert_text_fails (VG_FEED_KIND_OPENMETEO, "{\"error\": true, \"reason\": \"Latitude must be in range of -90 to 90°.\"}",
                               VG_FEED_ERROR_UNSUPPORTED, "Open-Meteo refused the request: Latitude must be", NULL);
}

static void
test_biometric_variable_stripped (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GBytes) payload = feed_test_load_edited ("openmeteo/open-meteo-weather-forecast-example.json",
                                                     "\"weather_code\": [3, 3, 61, 61]",
                                                     "\"weather_code\": [3, 3, 61, 61], \"faceCount\": [0, 1, 0, 2]");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = vg_feed_parse_openmeteo ("om", received_at, payload, &error);
  VgFeedRefusal *refusal;

  g_assert_no_error (error);
  g_assert_nonnull (vg_forecast_get_series (forecast (batch), VG_QUANTITY_TEMPERATURE));
  refusal = g_ptr_array_index (vg_feed_batch_get_refusals (batch), 0);
  g_assert_cmpint (vg_feed_refusal_get_action (refusal), ==, VG_FEED_REFUSAL_STRIPPED);
  g_assert_error (vg_feed_refusal_get_error (refusal), VG_FEED_ERROR, VG_FEED_ERROR_REFUSED);
  g_assert_cmpstr (vg_feed_refusal_get_position (refusal), ==, "$.hourly.faceCount");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/feeds/openmeteo/format-example", test_format_example);
  g_test_add_func ("/vigie/feeds/openmeteo/local-time-and-model-run", test_local_time_and_model_run);
  g_test_add_func ("/vigie/feeds/openmeteo/several-locations", test_several_locations);
  g_test_add_func ("/vigie/feeds/openmeteo/malformed", test_malformed);
  g_test_add_func ("/vigie/feeds/openmeteo/biometric-variable-stripped", test_biometric_variable_stripped);

  return g_test_run ();
}
