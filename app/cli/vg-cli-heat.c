/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "vg-cli.h"
#include "vg-feed-parser.h"
#include "vg-heat-report.h"
#include "vg-data-dir.h"
#include "vg-error.h"
#include "vg-heat-exposure.h"
#include "vg-heat-index.h"
#include "vg-heat-risk.h"
#include "vg-heat-vigilance.h"

/* VG_HEAT_REPORT_NOTICE, for translation (the report in the journal keeps the English). */
#define NOTICE N_("Vigie's own index, NOT an official warning: Météo-France's vigilance prevails")
#define DEFAULT_WIND 0.5

/* ---- Open-Meteo forecast files ----------------------------------------------------------------
 * A small self-contained reader of the Open-Meteo hourly response (hourly.time in the response's
 * "timezone", temperature_2m, relative_humidity_2m, wind_speed_10m, hourly_units), until the
 * shared feed parser takes over. */

static void
fail (GError     **error,
      const char  *file,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (GError     **error,
      const char  *file,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, VG_RISK_ERROR, VG_RISK_ERROR_INVALID_FORECAST, "%s: %s", file, message);
}

/* The forecast of an Open-Meteo file, read by the same parser as the live feed. The file's
 * "timezone" labels the days; a "vigie_provenance" member (reconstructed replays) is echoed. */
static VgHourlyForecast *
load_open_meteo (const char  *file,
                 char       **provenance,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) received = g_date_time_new_from_unix_utc (0);
  g_autoptr(VgFeedBatch) batch = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (file, FALSE, error);
  const char *zone_id = "Europe/Paris";
  JsonObject *root;

  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  batch = vg_feed_parse (VG_FEED_KIND_OPENMETEO, file, received, bytes, error);
  if (batch == NULL)
    return NULL;
  if (vg_feed_batch_get_forecasts (batch)->len == 0)
    {
      fail (error, file, "no hourly forecast in it");
      return NULL;
    }
  /* The parser checked the document; these two members are only read, never trusted. */
  if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      root = json_node_get_object (json_parser_get_root (parser));
      zone_id = json_object_get_string_member_with_default (root, "timezone", zone_id);
      *provenance = g_strdup (json_object_get_string_member_with_default (root, "vigie_provenance", NULL));
    }
  zone = g_time_zone_new_identifier (zone_id);
  if (zone == NULL)
    {
      fail (error, file, "unknown time zone “%s”", zone_id);
      return NULL;
    }
  return vg_hourly_forecast_new_from_forecast (g_ptr_array_index (vg_feed_batch_get_forecasts (batch), 0), zone, error);
}

/* ---- Output helpers ---------------------------------------------------------------------------- */

static double
round_to (double value,
          double step)
{
  return round (value / step) * step;
}

/* @name: @value rounded to 0.01, or null for NaN. */
static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, round_to (value, 0.01));
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static char *
format_date (const GDate *date)
{
  char text[16];

  if (!g_date_valid (date))
    return NULL;
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static char *
format_time (gint64     usec,
             GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format_iso8601 (local);
}

/* "28.4" or "—" for NaN, right-aligned in @width. */
static char *
cell (double value,
      int    width)
{
  if (isnan (value))
    return g_strdup_printf ("%*s", width + 2, "—");   /* the dash is 3 bytes, 1 column */
  return g_strdup_printf ("%*.1f", width, value);
}

/* @label padded to 34 columns (not bytes), then the formatted value. */
static void
print_row (const char *label,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
print_row (const char *label,
           const char *format,
           ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  g_print ("%s%*s %s\n", label, (int) MAX (0, 34 - g_utf8_strlen (label, -1)), "", value);
}

/* ---- heat index ---------------------------------------------------------------------------------- */

static void
add_index (JsonBuilder *builder,
           const char  *name,
           double       value,
           const char  *unit,
           const char  *method)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_number (builder, "value", value);
  add_string (builder, "unit", unit);
  add_string (builder, "method", method);
  json_builder_end_object (builder);
}

static int
heat_index (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  double temp = NAN, rh = NAN, wind = NAN, mrt = NAN;
  gboolean json = FALSE, wind_default, mrt_default;
  double hi, humidex, at, utci, e;
  VgUtciValidity validity;
  GOptionEntry entries[] = {
    { "temp", 0, 0, G_OPTION_ARG_DOUBLE, &temp, N_("Air temperature, °C (required)"), N_("C") },
    { "rh", 0, 0, G_OPTION_ARG_DOUBLE, &rh, N_("Relative humidity, % (required)"), N_("PERCENT") },
    { "wind", 0, 0, G_OPTION_ARG_DOUBLE, &wind, N_("Wind at 10 m, m/s (default 0.5, calm)"), N_("M_S") },
    { "mrt", 0, 0, G_OPTION_ARG_DOUBLE, &mrt, N_("Mean radiant temperature, °C (default: the air temperature, shade)"), N_("C") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— heat index, humidex, apparent temperature and UTCI of one air state"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), argv[1]);
  if (isnan (temp) || isnan (rh))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--temp C and --rh PERCENT are required"));
  if (!(temp >= -80 && temp <= 60))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("temperature %g °C is outside −80…60 °C"), temp);
  if (!(rh >= 0 && rh <= 100))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("relative humidity %g %% is outside 0…100 %%"), rh);
  if ((wind_default = isnan (wind)))
    wind = DEFAULT_WIND;
  if (!(wind >= 0 && wind <= 100))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("wind %g m/s is outside 0…100 m/s"), wind);
  if ((mrt_default = isnan (mrt)))
    mrt = temp;
  if (!(mrt >= -100 && mrt <= 150))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("mean radiant temperature %g °C is outside −100…150 °C"), mrt);

  hi = vg_heat_index_nws (temp, rh);
  humidex = vg_heat_index_humidex (temp, rh);
  at = vg_heat_index_apparent (temp, rh, wind);
  utci = vg_heat_index_utci (temp, mrt, wind, rh);
  e = rh / 100.0 * vg_heat_index_saturation_vapour_pressure (temp);
  validity = vg_heat_index_utci_check (temp, mrt, wind, e);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "inputs");
      json_builder_begin_object (builder);
      add_number (builder, "temperature", temp);
      add_number (builder, "relative_humidity", rh);
      add_number (builder, "wind", wind);
      add_bool (builder, "wind_default", wind_default);
      add_number (builder, "mrt", mrt);
      add_bool (builder, "mrt_default", mrt_default);
      add_string (builder, "mrt_note", mrt_default ? "mean radiant temperature taken equal to the air temperature (shade); pass --mrt for sun" : NULL);
      json_builder_end_object (builder);
      add_index (builder, "heat_index", hi, "°C", "NWS WPC: Rothfusz regression with the NWS adjustments, Steadman's simple formula below 80 °F");
      add_index (builder, "humidex", humidex, "°C", "Masterson & Richardson 1979 (Environment Canada), dew point by Magnus (Alduchov & Eskridge 1996)");
      add_index (builder, "apparent_temperature", at, "°C", "Steadman 1994, Australian BoM form without radiation");
      add_index (builder, "utci", utci, "°C", "Bröde et al. 2012, 6th-order polynomial (UTCI_a002)");
      json_builder_set_member_name (builder, "utci_valid");
      json_builder_add_boolean_value (builder, validity == VG_UTCI_VALID);
      add_string (builder, "utci_note", validity == VG_UTCI_VALID ? NULL : vg_heat_index_utci_describe (validity));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      vg_cli_print_json (root);
      return VG_CLI_EXIT_OK;
    }

  g_print (_("Air %.1f °C, RH %.0f %%, wind %.1f m/s%s, mean radiant temperature %.1f °C%s\n"),
           temp, rh, wind, wind_default ? _(" (default: calm)") : "",
           mrt, mrt_default ? _(" (default: the air temperature, shade)") : "");
  print_row (_("Heat index (NWS)"), "%6.1f °C", hi);
  if (isnan (humidex))
    print_row (_("Humidex (Environment Canada)"), "%s", _("not defined without water vapour"));
  else
    print_row (_("Humidex (Environment Canada)"), "%6.1f", humidex);
  print_row (_("Apparent temperature (BoM, shade)"), "%6.1f °C", at);
  if (validity == VG_UTCI_VALID)
    print_row (_("UTCI (Bröde et al. 2012)"), "%6.1f °C", utci);
  else
    print_row (_("UTCI (Bröde et al. 2012)"), "%s: %s", _("not computed"), vg_heat_index_utci_describe (validity));
  return VG_CLI_EXIT_OK;
}

/* ---- heat risk ----------------------------------------------------------------------------------- */

static void
print_json (const char       *file,
            const char       *provenance,
            VgHourlyForecast *forecast,
            GArray           *vigilance,
            VgHeatRisk       *risk,
            GPtrArray        *exposed,
            GPtrArray        *resources)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize n = vg_hourly_forecast_get_n_hours (forecast);
  GTimeZone *zone = vg_hourly_forecast_get_zone (forecast);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "forecast");
  json_builder_begin_object (builder);
  add_string (builder, "file", file);
  add_string (builder, "source", vg_hourly_forecast_get_source (forecast));
  add_string (builder, "model_run", vg_hourly_forecast_get_model_run (forecast));
  add_string (builder, "timezone", g_time_zone_get_identifier (zone));
  add_int (builder, "hours", n);
  if (n > 0)
    {
      g_autofree char *first = format_time (vg_hourly_forecast_get_times (forecast)[0], zone);
      g_autofree char *last = format_time (vg_hourly_forecast_get_times (forecast)[n - 1], zone);

      add_string (builder, "first_hour", first);
      add_string (builder, "last_hour", last);
    }
  add_number (builder, "latitude", vg_hourly_forecast_get_latitude (forecast));
  add_number (builder, "longitude", vg_hourly_forecast_get_longitude (forecast));
  add_string (builder, "provenance", provenance);
  json_builder_end_object (builder);
  vg_heat_report_add_members (builder, risk, vigilance, exposed, resources);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  vg_cli_print_json (root);
}

static void
print_text (const char       *file,
            const char       *provenance,
            VgHourlyForecast *forecast,
            GArray           *vigilance,
            VgHeatRisk       *risk,
            GPtrArray        *exposed,
            GPtrArray        *resources)
{
  VgHeatDistricts *districts = vg_heat_risk_get_districts (risk);
  GTimeZone *zone = vg_hourly_forecast_get_zone (forecast);
  gsize n = vg_hourly_forecast_get_n_hours (forecast);

  g_print ("%s (%s): %s.\n", _("Vigie heat risk"), VG_HEAT_RISK_INDEX_ID, _(NOTICE));
  if (n > 0)
    {
      g_autofree char *first = format_time (vg_hourly_forecast_get_times (forecast)[0], zone);
      g_autofree char *last = format_time (vg_hourly_forecast_get_times (forecast)[n - 1], zone);

      g_print (_("Forecast %s: model run %s, %zu hours %s → %s\n"), file,
               vg_hourly_forecast_get_model_run (forecast) ? vg_hourly_forecast_get_model_run (forecast) : _("not given"),
               n, first, last);
    }
  if (provenance != NULL)
    g_print ("%s\n", provenance);

  g_print (_("\nHeatwave indicators, %s: criterion IBMn ≥ %.0f °C and IBMx ≥ %.0f °C (computed, not the official vigilance)\n"),
           VG_HEAT_VIGILANCE_AREA, VG_HEAT_VIGILANCE_IBMN_THRESHOLD, VG_HEAT_VIGILANCE_IBMX_THRESHOLD);
  g_print (_("Tn(D): min 18:00 UTC D-1 → 06:00 UTC D; Tx(D): max 06:00 UTC D → 06:00 UTC D+1; IBM(D) = mean over D, D+1, D+2\n"));
  g_print ("%-10s  %5s %5s  %5s %6s  %5s %6s  %-23s %s\n", _("date"), "Tn", "Tx", "IBMn", _("Δ"), "IBMx", _("Δ"), _("window"), _("criterion"));
  for (guint d = 0; d < vigilance->len; d++)
    {
      const VgHeatVigilanceDay *v = &g_array_index (vigilance, VgHeatVigilanceDay, d);
      g_autofree char *date = format_date (&v->day.date), *last = format_date (&v->window_last);
      g_autofree char *tn = cell (v->day.tn, 5), *tx = cell (v->day.tx, 5);
      g_autofree char *ibmn = cell (v->ibmn, 5), *dn = cell (v->ibmn_margin, 6);
      g_autofree char *ibmx = cell (v->ibmx, 5), *dx = cell (v->ibmx_margin, 6);

      g_print ("%-10s  %s %s  %s %s  %s %s  %s → %s  %s\n", date, tn, tx, ibmn, dn, ibmx, dx, date, last,
               v->heatwave ? _("MET") : isnan (v->ibmn) || isnan (v->ibmx) ? _("unknown") : _("no"));
    }

  g_print (_("\nDistrict levels (0 none, 1 minor, 2 moderate, 3 major, 4 extreme), by day:\n"));
  g_print ("%-34s", _("district"));
  for (guint d = 0; d < vg_heat_risk_get_n_days (risk); d++)
    g_print ("%3u ", g_date_get_day (&vg_heat_risk_get_day (risk, 0, d)->day.date));
  g_print (" %s\n", _("peak"));
  for (guint i = 0; i < vg_heat_districts_get_n_districts (districts); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s %s", vg_heat_districts_get_id (districts, i),
                                                vg_heat_districts_get_name (districts, i));
      glong pad = 34 - g_utf8_strlen (label, -1);

      g_print ("%s%*s", label, (int) MAX (pad, 0), "");
      for (guint d = 0; d < vg_heat_risk_get_n_days (risk); d++)
        {
          const VgHeatRiskDay *r = vg_heat_risk_get_day (risk, i, d);

          g_print ("%3u%s", r->level, r->escalated ? "+" : " ");
        }
      g_print ("%4u\n", vg_heat_risk_get_peak_level (risk, i));
    }
  g_print (_("(+: raised one level for the third consecutive hot night or more)\n"));

  g_print (_("\nVulnerable sites in districts at level ≥ 2: %u\n"), exposed->len);
  for (guint i = 0; i < exposed->len; i++)
    {
      const VgHeatExposure *e = g_ptr_array_index (exposed, i);
      g_autofree char *first = format_date (&e->first_day);

      g_print (_("  level %u  %3u h above  from %s  %-10s %s (%s)\n"), e->peak_level, e->hours_above, first,
               vg_site_category_to_id (vg_site_get_category (e->site)), vg_site_get_name (e->site),
               vg_heat_districts_get_name (districts, e->district));
    }
  g_print (_("\nResources (emergency accommodation): %u\n"), resources->len);
  for (guint i = 0; i < resources->len; i++)
    {
      const VgHeatExposure *e = g_ptr_array_index (resources, i);

      g_print (_("  %s (%s, district level up to %u)\n"), vg_site_get_name (e->site),
               e->district >= 0 ? vg_heat_districts_get_name (districts, e->district) : _("outside the districts"),
               e->peak_level);
    }
}

static int
heat_risk (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgHourlyForecast) forecast = NULL;
  g_autoptr(VgGpkg) gpkg = NULL;
  g_autoptr(VgHeatDistricts) districts = NULL;
  g_autoptr(GListStore) sites = NULL;
  g_autoptr(VgHeatRisk) risk = NULL;
  g_autoptr(GArray) vigilance = NULL;
  g_autoptr(GPtrArray) exposed = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autofree char *file = NULL, *geodata = NULL, *provenance = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "forecast", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("Open-Meteo hourly forecast (JSON) to read (required)"), N_("FILE") },
    { "geodata", 0, 0, G_OPTION_ARG_FILENAME, &geodata, N_("GeoPackage to read (default: the bundled city data)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— district heat-risk levels, heatwave indicators and exposed sites"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), argv[1]);
  if (file == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--forecast FILE is required"));

  if ((forecast = load_open_meteo (file, &provenance, &error)) == NULL)
    return vg_cli_fail_error (error);
  if (geodata == NULL && (geodata = vg_data_dir_find ("geodata/montpellier.gpkg", &error)) == NULL)
    return vg_cli_fail_error (error);
  if ((gpkg = vg_gpkg_open (geodata, &error)) == NULL ||
      (districts = vg_heat_districts_load (gpkg, &error)) == NULL ||
      (sites = vg_site_load_all (gpkg, &error)) == NULL)
    return vg_cli_fail_error (error);

  vigilance = vg_heat_vigilance_compute (forecast);
  risk = vg_heat_risk_compute (districts, forecast);
  exposed = vg_heat_exposure_list_vulnerable (risk, G_LIST_MODEL (sites));
  resources = vg_heat_exposure_list_resources (risk, G_LIST_MODEL (sites));
  if (json)
    print_json (file, provenance, forecast, vigilance, risk, exposed, resources);
  else
    print_text (file, provenance, forecast, vigilance, risk, exposed, resources);
  return VG_CLI_EXIT_OK;
}

/* ---- dispatch ------------------------------------------------------------------------------------ */

int
vg_cli_heat (int    argc,
             char **argv)
{
  static const struct {
    const char   *name;
    VgCliCommand  run;
    const char   *summary;
  } subcommands[] = {
    { "index", heat_index, N_("Heat index, humidex, apparent temperature and UTCI of one air state") },
    { "risk",  heat_risk,  N_("District levels, heatwave indicators and exposed sites from a forecast") },
  };

  if (argc > 1 && argv[1][0] != '-')
    {
      for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
        if (g_str_equal (argv[1], subcommands[i].name))
          return subcommands[i].run (argc - 1, argv + 1);
      return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown heat command “%s” (index, risk)"), argv[1]);
    }

  g_printerr ("%s\n", _("Usage: vigie-cli heat COMMAND [OPTION…]"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_printerr ("  %-6s %s\n", subcommands[i].name, _(subcommands[i].summary));
  return argc > 1 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")) ? VG_CLI_EXIT_OK : VG_CLI_EXIT_USAGE;
}
