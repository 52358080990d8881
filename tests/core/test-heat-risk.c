/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vg-heat-exposure.h"
#include "vg-heat-risk.h"
#include "vg-heat-vigilance.h"
#include "vg-test-util.h"

/* The half diurnal range of tools/make-heat-replay.py: the replay's Tn and Tx are TG ∓ 6 K. */
#define REPLAY_HALF_RANGE 6.0

#define ECAD_FILE "heat/ecad-tg-montpellier-aeroport-jja-1991-2020.txt"

/* TG (°C) of the ECA&D rows whose date (YYYYMMDD) starts with @prefix and month is in JJA. */
static GHashTable *
read_tg (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_data_path (ECAD_FILE);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *tg = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
      double *value;

      if (g_strv_length (f) != 4 || strlen (g_strstrip (f[1])) != 8 || !g_ascii_isdigit (f[1][0]) ||
          atoi (f[3]) != 0)
        continue;
      value = g_new (double, 1);
      *value = atoi (f[2]) / 10.0;
      g_hash_table_insert (tg, g_strdup (f[1]), value);
    }
  return tg;
}

static double
tg_of (GHashTable  *tg,
       const GDate *date)
{
  g_autofree char *key = g_strdup_printf ("%04d%02d%02d", g_date_get_year (date), g_date_get_month (date),
                                          g_date_get_day (date));
  double *v = g_hash_table_lookup (tg, key);

  g_assert_nonnull (v);
  return *v;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The thresholds are the JJA 1991–2020 TG percentiles (linear interpolation between order
 * statistics, as tools/heat-thresholds.py and numpy) ± 6 K, recomputed here from the series. */
static void
test_thresholds (void)
{
  g_autoptr(GHashTable) tg = read_tg ();
  g_autoptr(GArray) summer = g_array_new (FALSE, FALSE, sizeof (double));
  const VgHeatRiskThresholds *t = vg_heat_risk_get_thresholds ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, tg);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int year = atoi (key) / 10000, month = atoi (key) / 100 % 100;

      if (year >= 1991 && year <= 2020 && month >= 6 && month <= 8)
        g_array_append_val (summer, *(double *) value);
    }
  g_assert_cmpuint (summer->len, ==, 30 * 92);
  g_array_sort (summer, compare_double);
  for (guint l = 0; l < VG_HEAT_RISK_MAX_LEVEL; l++)
    {
      double h = (summer->len - 1) * t->percentile[l];
      guint i = (guint) h;
      double lo = g_array_index (summer, double, i), hi = g_array_index (summer, double, MIN (i + 1, summer->len - 1));
      double p = lo + (h - i) * (hi - lo);

      g_assert_cmpfloat_with_epsilon (t->tg[l], p, 0.005);
      g_assert_cmpfloat_with_epsilon (t->day[l], t->tg[l] + t->half_range, 1e-9);
      g_assert_cmpfloat_with_epsilon (t->night[l], t->tg[l] - t->half_range, 1e-9);
      if (l > 0)
        g_assert_cmpfloat (t->tg[l], >, t->tg[l - 1]);
    }
}

/* Reads the replay fixture, an Open-Meteo-shaped response (°C, %, km/h). */
static VgHourlyForecast *
load_replay (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_data_path ("heat/replay-2019-06-montpellier.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree gint64 *times = NULL;
  g_autofree double *t = NULL, *rh = NULL, *wind = NULL;
  JsonObject *root, *hourly, *units;
  JsonArray *time;
  VgHourlyForecast *forecast;
  guint n;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  zone = g_time_zone_new_identifier (json_object_get_string_member (root, "timezone"));
  units = json_object_get_object_member (root, "hourly_units");
  g_assert_cmpstr (json_object_get_string_member (units, "temperature_2m"), ==, "°C");
  g_assert_cmpstr (json_object_get_string_member (units, "wind_speed_10m"), ==, "km/h");
  hourly = json_object_get_object_member (root, "hourly");
  time = json_object_get_array_member (hourly, "time");
  n = json_array_get_length (time);
  times = g_new (gint64, n);
  t = g_new (double, n);
  rh = g_new (double, n);
  wind = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      /* Open-Meteo writes local times without seconds ("2019-06-24T00:00"), which GLib needs. */
      g_autofree char *iso = g_strconcat (json_array_get_string_element (time, i), ":00", NULL);
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, zone);

      times[i] = g_date_time_to_unix (dt) * G_USEC_PER_SEC;
      t[i] = json_array_get_double_element (json_object_get_array_member (hourly, "temperature_2m"), i);
      rh[i] = json_array_get_double_element (json_object_get_array_member (hourly, "relative_humidity_2m"), i);
      wind[i] = json_array_get_double_element (json_object_get_array_member (hourly, "wind_speed_10m"), i) / 3.6;
    }
  forecast = vg_hourly_forecast_new ("replay", NULL, 43.5762, 3.963, zone, n, times, t, rh, wind, &error);
  g_assert_no_error (error);
  return forecast;
}

static VgHeatDistricts *
load_districts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_geodata_path ();
  g_autoptr(VgGpkg) gpkg = vg_gpkg_open (path, &error);
  VgHeatDistricts *districts;

  g_assert_no_error (error);
  districts = vg_heat_districts_load (gpkg, &error);
  g_assert_no_error (error);
  return districts;
}

static int
find_district (VgHeatDistricts *districts,
               const char      *id)
{
  for (guint i = 0; i < vg_heat_districts_get_n_districts (districts); i++)
    if (g_str_equal (vg_heat_districts_get_id (districts, i), id))
      return (int) i;
  g_assert_not_reached ();
}

/* The June 2019 replay against the Hérault thresholds. Its Tn/Tx are TG ∓ 6 K by construction,
 * so the expected indicators come from the ECA&D daily means: IBMn reaches 22 °C from 26 June,
 * IBMx reaches 35 °C on 27 June only, so the criterion is met on 27 June. IBMx of 28 June needs
 * Tx of 30 June, whose window runs to 06:00 UTC on 1 July, after the replay ends: unknown. The
 * first night (Tn of 24 June) starts before the replay. */
static void
test_replay_vigilance (void)
{
  g_autoptr(VgHourlyForecast) forecast = load_replay ();
  g_autoptr(GArray) vigilance = vg_heat_vigilance_compute (forecast);
  g_autoptr(GHashTable) tg = read_tg ();
  const guint n = vigilance->len;

  g_assert_cmpuint (n, ==, 7);
  for (guint d = 0; d < n; d++)
    {
      const VgHeatVigilanceDay *v = &g_array_index (vigilance, VgHeatVigilanceDay, d);
      gboolean has_tn = d > 0, has_tx = d + 1 < n;
      double mean = 0;

      g_assert_cmpint (g_date_get_day (&v->day.date), ==, 24 + d);
      if (has_tn)
        g_assert_cmpfloat_with_epsilon (v->day.tn, tg_of (tg, &v->day.date) - REPLAY_HALF_RANGE, 1e-9);
      else
        g_assert_true (isnan (v->day.tn));
      if (has_tx)
        g_assert_cmpfloat_with_epsilon (v->day.tx, tg_of (tg, &v->day.date) + REPLAY_HALF_RANGE, 1e-9);
      else
        g_assert_true (isnan (v->day.tx));

      for (guint k = 0; k < 3; k++)
        {
          GDate date = v->day.date;

          g_date_add_days (&date, k);
          mean += tg_of (tg, &date) / 3;
        }
      if (has_tn && d + 2 < n)
        g_assert_cmpfloat_with_epsilon (v->ibmn, mean - REPLAY_HALF_RANGE, 1e-9);
      else
        g_assert_true (isnan (v->ibmn));
      if (d + 2 < n - 1)
        g_assert_cmpfloat_with_epsilon (v->ibmx, mean + REPLAY_HALF_RANGE, 1e-9);
      else
        g_assert_true (isnan (v->ibmx));

      g_assert_cmpint (v->ibmn_margin >= 0, ==, d >= 2 && d <= 4);   /* 26, 27, 28 June */
      g_assert_cmpint (v->ibmx_margin >= 0, ==, d == 3);             /* 27 June */
      g_assert_cmpint (v->heatwave, ==, d == 3);
    }
}

/* On the replay, the dense centre reaches level 3 or more on 27 and 28 June; on the 27th the
 * sparse La Martelle stays lower, by its smaller heat island. A commune without building data
 * keeps the forecast point's temperature. */
static void
test_replay_levels (void)
{
  g_autoptr(VgHourlyForecast) forecast = load_replay ();
  g_autoptr(VgHeatDistricts) districts = load_districts ();
  g_autoptr(VgHeatRisk) risk = vg_heat_risk_compute (districts, forecast);
  g_autoptr(GArray) vigilance = vg_heat_vigilance_compute (forecast);
  const char *centre[] = { "34172-MCC", "34172-MCN", "34172-MCH" };
  int martelle = find_district (districts, "34172-CVM");
  int castelnau = find_district (districts, "34057");

  g_assert_cmpuint (vg_heat_risk_get_n_days (risk), ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (centre); i++)
    {
      int d = find_district (districts, centre[i]);

      g_assert_cmpfloat (vg_heat_districts_get_built_density (districts, d), >=, VG_HEAT_UHI_FULL_DENSITY);
      g_assert_cmpuint (vg_heat_risk_get_day (risk, d, 3)->level, >=, 3);   /* 27 June */
      g_assert_cmpuint (vg_heat_risk_get_day (risk, d, 4)->level, >=, 3);   /* 28 June */
      g_assert_cmpuint (vg_heat_risk_get_day (risk, d, 3)->level, >, vg_heat_risk_get_day (risk, martelle, 3)->level);
      g_assert_cmpuint (vg_heat_risk_get_peak_level (risk, d), ==, VG_HEAT_RISK_MAX_LEVEL);
    }
  for (guint day = 0; day < 7; day++)
    {
      const VgHeatRiskDay *r = vg_heat_risk_get_day (risk, castelnau, day);
      const VgHeatVigilanceDay *v = &g_array_index (vigilance, VgHeatVigilanceDay, day);

      g_assert_true (isnan (r->day.tn) == isnan (v->day.tn));
      if (!isnan (r->day.tn))
        g_assert_cmpfloat (r->day.tn, ==, v->day.tn);
      g_assert_cmpint (r->complete, ==, !isnan (v->day.tn) && !isnan (v->day.tx));
    }
  /* The peaks of the day hours: the district temperature and indices computed from it. */
  {
    int comedie = find_district (districts, "34172-MCC");
    const VgHeatRiskDay *r = vg_heat_risk_get_day (risk, comedie, 4);

    g_assert_cmpfloat_with_epsilon (r->peak[VG_HEAT_QUANTITY_TEMPERATURE], r->day.tx, 1e-9);
    g_assert_false (isnan (r->peak[VG_HEAT_QUANTITY_UTCI]));
    g_assert_cmpfloat (r->hours_above_day, >, 0);
  }
}

/* A hand-made forecast: every night's minimum 22.0 °C (night level 2), every day's maximum
 * 30.0 °C (day level 0). Levels rise to 3 from the third consecutive hot night; a cooler night
 * (21.0 °C, level 1) breaks the streak. */
static void
test_hot_night_streak (void)
{
  g_autoptr(VgHeatDistricts) districts = load_districts ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2019, 7, 1, 0, 0, 0);
  int castelnau = find_district (districts, "34057");   /* no heat island offset */
  const guint expected_levels[2][6] = { { 0, 2, 2, 3, 3, 3 }, { 0, 2, 2, 1, 2, 2 } };
  const guint expected_streak[2][6] = { { 0, 1, 2, 3, 4, 5 }, { 0, 1, 2, 0, 1, 2 } };
  enum { N = 6 * 24 };

  for (guint variant = 0; variant < 2; variant++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VgHourlyForecast) forecast = NULL;
      g_autoptr(VgHeatRisk) risk = NULL;
      gint64 times[N];
      double t[N];

      for (guint h = 0; h < N; h++)
        {
          int utc_hour;

          times[h] = g_date_time_to_unix (start) * G_USEC_PER_SEC + (gint64) h * G_TIME_SPAN_HOUR;
          utc_hour = (int) ((times[h] / G_TIME_SPAN_HOUR) % 24);
          t[h] = utc_hour == 3 ? 22.0 : utc_hour == 15 ? 30.0 : 28.0;
          /* Tn(4 July), the 4th day, is at 03:00 UTC on 4 July: hour 3 × 24 + 5. */
          if (variant == 1 && utc_hour == 3 && h / 24 == 3)
            t[h] = 21.0;
        }
      forecast = vg_hourly_forecast_new ("test", NULL, NAN, NAN, zone, N, times, t, NULL, NULL, &error);
      g_assert_no_error (error);
      risk = vg_heat_risk_compute (districts, forecast);
      g_assert_cmpuint (vg_heat_risk_get_n_days (risk), ==, 6);
      for (guint d = 0; d < 6; d++)
        {
          const VgHeatRiskDay *r = vg_heat_risk_get_day (risk, castelnau, d);

          g_assert_cmpuint (r->level, ==, expected_levels[variant][d]);
          g_assert_cmpuint (r->hot_nights, ==, expected_streak[variant][d]);
          g_assert_cmpint (r->escalated, ==, expected_streak[variant][d] >= VG_HEAT_RISK_STREAK_NIGHTS);
          g_assert_cmpuint (r->day_level, ==, 0);
          g_assert_cmpuint (r->hours_above_day, ==, 0);
          g_assert_cmpuint (r->hours_above_night, ==, d == 0 ? 8 : variant == 1 && d == 3 ? 11 : 12);
          g_assert_true (isnan (r->peak[VG_HEAT_QUANTITY_HEAT_INDEX]));   /* no humidity */
          g_assert_cmpfloat (r->peak[VG_HEAT_QUANTITY_TEMPERATURE], ==, 30.0);
        }
    }
}

/* The vulnerable sites of the replay's exposed districts, each placed in its district, and the
 * five emergency accommodation sites as resources. */
static void
test_exposure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_geodata_path ();
  g_autoptr(VgGpkg) gpkg = vg_gpkg_open (path, &error);
  g_autoptr(GListStore) sites = vg_site_load_all (gpkg, &error);
  g_autoptr(VgHourlyForecast) forecast = load_replay ();
  g_autoptr(VgHeatDistricts) districts = load_districts ();
  g_autoptr(VgHeatRisk) risk = vg_heat_risk_compute (districts, forecast);
  g_autoptr(GPtrArray) exposed = vg_heat_exposure_list_vulnerable (risk, G_LIST_MODEL (sites));
  g_autoptr(GPtrArray) resources = vg_heat_exposure_list_resources (risk, G_LIST_MODEL (sites));
  guint categories[VG_N_SITE_CATEGORIES] = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (exposed->len, >, 100);
  for (guint i = 0; i < exposed->len; i++)
    {
      const VgHeatExposure *e = g_ptr_array_index (exposed, i);
      double x, y;
      guint hours = 0, at_risk = 0;

      vg_site_get_l93 (e->site, &x, &y);
      g_assert_true (vg_site_category_is_vulnerable (vg_site_get_category (e->site)));
      categories[vg_site_get_category (e->site)]++;
      g_assert_cmpint (e->district, ==, vg_heat_districts_locate (districts, x, y));
      g_assert_cmpuint (e->peak_level, >=, VG_HEAT_EXPOSURE_MIN_LEVEL);
      g_assert_cmpuint (e->peak_level, ==, vg_heat_risk_get_peak_level (risk, e->district));
      for (guint d = 0; d < vg_heat_risk_get_n_days (risk); d++)
        {
          const VgHeatRiskDay *r = vg_heat_risk_get_day (risk, e->district, d);

          hours += r->hours_above_day + r->hours_above_night;
          at_risk += r->level >= VG_HEAT_EXPOSURE_MIN_LEVEL;
        }
      g_assert_cmpuint (e->hours_above, ==, hours);
      g_assert_cmpuint (e->days_at_risk, ==, at_risk);
      g_assert_true (g_date_valid (&e->first_day));
      if (i > 0)
        {
          const VgHeatExposure *prev = g_ptr_array_index (exposed, i - 1);

          g_assert_true (prev->peak_level > e->peak_level ||
                         (prev->peak_level == e->peak_level && prev->hours_above >= e->hours_above));
        }
    }
  g_assert_cmpuint (categories[VG_SITE_CARE_HOME], >, 0);
  g_assert_cmpuint (categories[VG_SITE_HOSPITAL], >, 0);
  g_assert_cmpuint (categories[VG_SITE_CRECHE], >, 0);
  g_assert_cmpuint (categories[VG_SITE_SCHOOL], >, 0);

  g_assert_cmpuint (resources->len, ==, 5);
  for (guint i = 0; i < resources->len; i++)
    {
      const VgHeatExposure *e = g_ptr_array_index (resources, i);

      g_assert_cmpint (vg_site_get_category (e->site), ==, VG_SITE_SHELTER);
      if (e->district >= 0)
        g_assert_cmpuint (e->peak_level, ==, vg_heat_risk_get_peak_level (risk, e->district));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/heat/risk/thresholds", test_thresholds);
  g_test_add_func ("/vigie/heat/risk/replay-vigilance", test_replay_vigilance);
  g_test_add_func ("/vigie/heat/risk/replay-levels", test_replay_levels);
  g_test_add_func ("/vigie/heat/risk/hot-night-streak", test_hot_night_streak);
  g_test_add_func ("/vigie/heat/risk/exposure", test_exposure);

  return g_test_run ();
}
