/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-flood-projection.h"
#include "vg-test-util.h"

/* 2014-09-29 12:00 UTC, the morning of the Lez flood, as a base time. */
#define T0 (G_GINT64_CONSTANT (1411992000) * G_USEC_PER_SEC)
#define HOUR (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

static VgFloodLibrary *
square_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_data_path ("flood/square-library.geojson");
  VgFloodLibrary *library = vg_flood_library_load (path, -1, &error);

  g_assert_no_error (error);
  return library;
}

static VgFloodSeries *
series_from (const char  *json,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return vg_flood_series_new_from_json (json_parser_get_root (parser), "test series", error);
}

static void
test_series_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFloodSeries) a = series_from ("[{\"time\": \"2014-09-29T12:00:00Z\", \"stage_m\": 1.5},"
                                           " {\"time\": \"2014-09-29T15:00:00+02:00\", \"stage_m\": 1.75,"
                                           "  \"stage_low_m\": 1.5, \"stage_high_m\": 2}]", &error);
  g_autoptr(VgFloodSeries) b = NULL;
  struct { const char *json; const char *fragment; } bad[] = {
    { "{\"values\": []}", "expected an array" },
    { "[[\"yesterday\", 1]]", "point 1: no ISO 8601 time" },
    { "[[\"2014-09-29T12:00:00Z\", 1], [\"2014-09-29T14:00:00+02:00\", 2]]", "point 2 (2014-09-29T14:00:00+02:00): not after" },
    { "[[\"2014-09-29T12:00:00Z\", 250]]", "outside −10…100 m" },
    { "[{\"time\": \"2014-09-29T12:00:00Z\", \"stage_m\": 1, \"stage_low_m\": 2}]", "band" },
  };
  const VgFloodStagePoint *p;

  g_assert_no_error (error);
  g_assert_cmpuint (vg_flood_series_get_length (a), ==, 2);
  p = vg_flood_series_get_points (a);
  g_assert_cmpint (p[0].time_us, ==, T0);
  /* 15:00 in Paris's summer time is 13:00 UTC. */
  g_assert_cmpint (p[1].time_us, ==, T0 + HOUR);
  g_assert_cmpfloat (p[1].low_m, ==, 1.5);
  g_assert_cmpfloat (p[1].high_m, ==, 2);
  g_assert_true (isnan (p[0].high_m));

  b = series_from ("{\"readings\": [[\"2014-09-29T12:00:00Z\", 1.5], [\"2014-09-29T13:30:00\", 1.8]]}", &error);
  g_assert_no_error (error);
  p = vg_flood_series_get_points (b);
  g_assert_cmpint (p[1].time_us, ==, T0 + 3 * HOUR / 2);
  g_assert_true (isnan (p[1].low_m));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e = NULL;
      g_autoptr(VgFloodSeries) s = series_from (bad[i].json, &e);

      g_assert_null (s);
      g_assert_error (e, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
      g_test_message ("%s", e->message);
      g_assert_nonnull (strstr (e->message, "test series"));
      g_assert_nonnull (strstr (e->message, bad[i].fragment));
    }
}

static VgFloodSeries *
series_of (gint64        start,
           gint64        step,
           const double *stages,
           guint         n)
{
  VgFloodSeries *s = vg_flood_series_new ();

  for (guint i = 0; i < n; i++)
    g_assert_true (vg_flood_series_append (s, start + i * step, stages[i], NAN, NAN));
  return s;
}

static const char *
id_of (VgFloodLibrary *library,
       int             index)
{
  return index < 0 ? NULL : vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, index));
}

/* Readings on a perfect line, +0.5 m/h: no scatter, so no band; the 1 m and 2 m envelopes were
 * reached at their readings, the 3 m one will be 1.5 h after the last (2.25 m); every step is
 * bracketed by whole envelopes. */
static void
test_trend_exact (void)
{
  static const double stages[] = { 1.0, 1.25, 1.5, 1.75, 2.0, 2.25 };
  g_autoptr(VgFloodLibrary) library = square_library ();
  g_autoptr(VgFloodSeries) readings = series_of (T0, HOUR / 2, stages, 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFloodProjection) p = vg_flood_projection_new (library, "TEST0001", readings, NULL, NULL, &error);
  const VgFloodProjectionStep *steps;
  const VgFloodCrossing *c;
  double slope, sigma;
  guint n, used;
  gint64 last = T0 + 5 * HOUR / 2;

  g_assert_no_error (error);
  g_assert_cmpint (vg_flood_projection_get_method (p), ==, VG_FLOOD_PROJECTION_TREND);
  g_assert_true (vg_flood_projection_get_trend (p, &slope, &sigma, &used));
  g_assert_cmpfloat_with_epsilon (slope, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (sigma, 0, 1e-9);
  g_assert_cmpuint (used, ==, 6);
  g_assert_nonnull (strstr (vg_flood_projection_get_statement (p), "not a forecast"));

  steps = vg_flood_projection_get_steps (p, &n);
  g_assert_cmpuint (n, ==, 7);
  g_assert_true (steps[0].observed);
  g_assert_cmpint (steps[0].time_us, ==, last);
  g_assert_cmpstr (id_of (library, steps[0].below), ==, "TEST0001@2.00m");
  g_assert_cmpstr (id_of (library, steps[0].above), ==, "TEST0001@3.00m");
  g_assert_cmpint (steps[1].time_us, ==, last + HOUR);
  g_assert_cmpfloat_with_epsilon (steps[1].stage_m, 2.75, 1e-9);
  g_assert_cmpstr (id_of (library, steps[1].above), ==, "TEST0001@3.00m");
  g_assert_cmpfloat_with_epsilon (steps[2].stage_m, 3.25, 1e-9);
  g_assert_cmpstr (id_of (library, steps[2].below), ==, "TEST0001@3.00m");
  g_assert_cmpint (steps[2].above, ==, -1);

  c = vg_flood_projection_get_crossings (p, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (c[0].already);
  g_assert_cmpint (c[0].time_us, ==, T0);
  g_assert_true (c[1].already);
  g_assert_cmpint (c[1].time_us, ==, T0 + 2 * HOUR);
  g_assert_false (c[2].already);
  g_assert_cmpint (llabs (c[2].time_us - (last + 3 * HOUR / 2)), <, G_USEC_PER_SEC);
  g_assert_cmpint (llabs (c[2].earliest_us - c[2].time_us), <, G_USEC_PER_SEC);
  g_assert_cmpint (llabs (c[2].latest_us - c[2].time_us), <, G_USEC_PER_SEC);
}

/* Scattered readings 1, 2, 2, 2.6 m an hour apart: slope and residual sd worked out by hand; the
 * band (Student t, 2 degrees of freedom) opens with time, so the 3 m envelope comes earliest
 * with its top, and its bottom may never get there. */
static void
test_trend_band (void)
{
  static const double stages[] = { 1, 2, 2, 2.6 };
  g_autoptr(VgFloodLibrary) library = square_library ();
  g_autoptr(VgFloodSeries) readings = series_of (T0, HOUR, stages, 4);
  g_autoptr(GError) error = NULL;
  VgFloodTrendParams params = { 4, HOUR / 2, 12 * HOUR };
  g_autoptr(VgFloodProjection) p = vg_flood_projection_new (library, "TEST0001", readings, NULL, &params, &error);
  const VgFloodProjectionStep *steps;
  const VgFloodCrossing *c;
  double slope, sigma, half;
  guint n;

  g_assert_no_error (error);
  g_assert_true (vg_flood_projection_get_trend (p, &slope, &sigma, NULL));
  /* x̄ = 1.5 h, ȳ = 1.9 m, Sxx = 5, Sxy = 2.4: y = 1.18 + 0.48 x; residuals −0.18, 0.34, −0.14,
   * −0.02, squares summing to 0.168 over 2 degrees of freedom. */
  g_assert_cmpfloat_with_epsilon (slope, 0.48, 1e-12);
  g_assert_cmpfloat_with_epsilon (sigma, sqrt (0.168 / 2), 1e-12);
  steps = vg_flood_projection_get_steps (p, &n);
  g_assert_cmpuint (n, ==, 25);
  /* One hour ahead (x = 4 h from the first reading): 1.18 + 0.48 × 4, ± t(2) s √(1 + 1/4 + 2.5²/5). */
  half = 4.303 * sigma * sqrt (1 + 0.25 + 2.5 * 2.5 / 5);
  g_assert_cmpfloat_with_epsilon (steps[2].stage_m, 1.18 + 0.48 * 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (steps[2].high_m - steps[2].stage_m, half, 1e-9);
  g_assert_cmpfloat_with_epsilon (steps[2].stage_m - steps[2].low_m, half, 1e-9);
  g_assert_cmpint (steps[2].above_high, ==, -1);

  c = vg_flood_projection_get_crossings (p, &n);
  g_assert_true (c[1].already);
  /* 2 m first read at the second reading. */
  g_assert_cmpint (c[1].time_us, ==, T0 + HOUR);
  g_assert_false (c[2].already);
  g_assert_cmpint (c[2].earliest_us, <, c[2].time_us);
  /* With 2 degrees of freedom the band widens faster (t s / √Sxx ≈ 0.56 m/h) than the trend
   * rises: its bottom never reaches 3 m — no latest time can be promised. */
  g_assert_cmpint (c[2].latest_us, ==, -1);
  /* Centre: 1.18 + 0.48 x = 3 at x = 3.79 h, 0.79 h after the last reading; the band's top is
   * above 3 m from the start. */
  g_assert_cmpint (llabs (c[2].time_us - (T0 + 3 * HOUR + (gint64) (HOUR * (1.82 / 0.48 - 3)))), <, G_USEC_PER_SEC);
  g_assert_cmpint (c[2].earliest_us, ==, T0 + 3 * HOUR);
}

/* An imported forecast, with a band at one step: crossings interpolated in time along it (never
 * between envelopes), forecast points before the last reading ignored. */
static void
test_forecast (void)
{
  static const double stages[] = { 1.5, 2.0 };
  g_autoptr(VgFloodLibrary) library = square_library ();
  g_autoptr(VgFloodSeries) readings = series_of (T0, HOUR, stages, 2);
  g_autoptr(VgFloodSeries) forecast = vg_flood_series_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFloodProjection) p = NULL;
  g_autoptr(JsonNode) json = NULL;
  const VgFloodProjectionStep *steps;
  const VgFloodCrossing *c;
  gint64 now = T0 + HOUR;
  guint n;

  vg_flood_series_append (forecast, now, 9.0, NAN, NAN);
  vg_flood_series_append (forecast, now + HOUR, 2.4, NAN, NAN);
  vg_flood_series_append (forecast, now + 2 * HOUR, 3.2, 2.9, 3.5);
  vg_flood_series_append (forecast, now + 3 * HOUR, 2.8, 2.6, 3.0);
  p = vg_flood_projection_new (library, "TEST0001", readings, forecast, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vg_flood_projection_get_method (p), ==, VG_FLOOD_PROJECTION_FORECAST);
  g_assert_false (vg_flood_projection_get_trend (p, NULL, NULL, NULL));

  steps = vg_flood_projection_get_steps (p, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (id_of (library, steps[1].below), ==, "TEST0001@2.00m");
  g_assert_cmpstr (id_of (library, steps[1].above), ==, "TEST0001@3.00m");
  g_assert_cmpstr (id_of (library, steps[2].below), ==, "TEST0001@3.00m");
  g_assert_cmpint (steps[2].above, ==, -1);

  c = vg_flood_projection_get_crossings (p, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (c[1].already);
  g_assert_cmpint (c[1].time_us, ==, now);
  /* 2.4 → 3.2 m over an hour: 3 m at 45 min; the top 2.4 → 3.5: at 0.6/1.1 h; the bottom never. */
  g_assert_cmpint (c[2].time_us, ==, now + HOUR + 3 * HOUR / 4);
  g_assert_cmpint (llabs (c[2].earliest_us - (now + HOUR + (gint64) (HOUR * 0.6 / 1.1))), <=, 1);
  g_assert_cmpint (c[2].latest_us, ==, -1);

  json = vg_flood_projection_to_json (p);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "method"), ==, "forecast");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (json_node_get_object (json), "crossings"), 2), "time"),
                   ==, "2014-09-29T14:45:00Z");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (
                   json_object_get_array_member (json_node_get_object (json), "crossings"), 2), "latest"));
}

/* Two readings and no forecast: the current stage only, said so; an unknown gauge is an error. */
static void
test_too_few (void)
{
  static const double stages[] = { 0.5, 1.2 };
  g_autoptr(VgFloodLibrary) library = square_library ();
  g_autoptr(VgFloodSeries) readings = series_of (T0, HOUR, stages, 2);
  g_autoptr(VgFloodSeries) empty = vg_flood_series_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFloodProjection) p = vg_flood_projection_new (library, "TEST0001", readings, NULL, NULL, &error);
  g_autoptr(VgFloodProjection) none = NULL;
  const VgFloodCrossing *c;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpint (vg_flood_projection_get_method (p), ==, VG_FLOOD_PROJECTION_NONE);
  vg_flood_projection_get_steps (p, &n);
  g_assert_cmpuint (n, ==, 1);
  c = vg_flood_projection_get_crossings (p, &n);
  /* 1 m crossed between the readings, at 5/7 of the hour. */
  g_assert_true (c[0].already);
  g_assert_cmpint (c[0].time_us, ==, T0 + llround (HOUR * 0.5 / 0.7));
  g_assert_cmpint (c[1].time_us, ==, -1);

  none = vg_flood_projection_new (library, "NOPE", readings, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = vg_flood_projection_new (library, "TEST0001", empty, NULL, NULL, &error);
  g_assert_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED);
}

/* A river that rose over 2 m, fell back and rises again (the Lez of 29 September, then of 6
 * October): an envelope reached is dated by the rise it is in now, not by the first flood. */
static void
test_second_rise (void)
{
  static const double stages[] = { 1.0, 2.5, 1.0, 0.5, 1.0, 1.5, 2.5 };
  g_autoptr(VgFloodLibrary) library = square_library ();
  g_autoptr(VgFloodSeries) readings = series_of (T0, HOUR, stages, G_N_ELEMENTS (stages));
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFloodProjection) p = vg_flood_projection_new (library, "TEST0001", readings, NULL, NULL, &error);
  const VgFloodCrossing *c;
  guint n;

  g_assert_no_error (error);
  c = vg_flood_projection_get_crossings (p, &n);
  g_assert_cmpuint (n, ==, 3);
  /* 1 m: crossed upward again between 03:00 (0.5 m) and 04:00 (1.0 m), at 04:00. */
  g_assert_true (c[0].already);
  g_assert_cmpint (c[0].time_us, ==, T0 + 4 * HOUR);
  /* 2 m: between 05:00 (1.5 m) and 06:00 (2.5 m), at 05:30 — not 00:40 in the first rise. */
  g_assert_true (c[1].already);
  g_assert_cmpint (c[1].time_us, ==, T0 + 5 * HOUR + HOUR / 2);
  g_assert_false (c[2].already);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/flood/projection/series-json", test_series_json);
  g_test_add_func ("/vigie/flood/projection/trend-exact", test_trend_exact);
  g_test_add_func ("/vigie/flood/projection/trend-band", test_trend_band);
  g_test_add_func ("/vigie/flood/projection/forecast", test_forecast);
  g_test_add_func ("/vigie/flood/projection/too-few", test_too_few);
  g_test_add_func ("/vigie/flood/projection/second-rise", test_second_rise);

  return g_test_run ();
}
