/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vg-cli.h"
#include "vg-dem.h"
#include "vg-json-limits.h"
#include "vg-error.h"
#include "vg-flood-builder.h"
#include "vg-flood-exposure-index.h"
#include "vg-flood-gauge.h"
#include "vg-flood-library.h"
#include "vg-flood-projection.h"
#include "vg-gpkg.h"
#include "vg-vector-file.h"

/* The rivers' layer: @layer if given, else a GeoPackage's "watercourses" when it has one (as
 * Vigie's bundled geodata does), else the file's first layer. */
static const char *
pick_rivers_layer (const char *path,
                   const char *layer)
{
  g_autoptr(VgGpkg) gpkg = NULL;
  g_auto(GStrv) layers = NULL;

  if (layer != NULL || !vg_vector_file_is_sqlite (path) || (gpkg = vg_gpkg_open (path, NULL)) == NULL)
    return layer;
  layers = vg_gpkg_list_layers (gpkg);
  return g_strv_contains ((const char * const *) layers, "watercourses") ? "watercourses" : NULL;
}


static void
print_lines (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *line = g_strdup (g_ptr_array_index (lines, i));

      g_strdelimit (line, "\r\n", ' ');
      g_printerr ("vigie-cli: warning: %s\n", line);
    }
}

/* `vigie-cli flood envelopes build`: an indicative library from a DEM and the rivers. */
static int
envelopes_build (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgDem) dem = NULL;
  g_autoptr(VgLayer) rivers = NULL;
  g_autoptr(GPtrArray) gauges = NULL;
  g_autoptr(VgFloodLibrary) library = NULL;
  g_autofree char *dem_path = NULL;
  g_autofree char *dem_crs = NULL;
  g_autofree char *rivers_path = NULL;
  g_autofree char *rivers_layer = NULL;
  g_autofree char *river_column = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) gauge_codes = NULL;
  const char * const columns[] = { NULL, NULL };
  double step = 0.5, max_stage = 5.0;
  gboolean json = FALSE;
  int name_column;
  GOptionEntry entries[] = {
    { "dem", 0, 0, G_OPTION_ARG_FILENAME, &dem_path, N_("Terrain model: ESRI ASCII grid (.asc) or SRTM tile (.hgt)"), N_("FILE") },
    { "dem-crs", 0, 0, G_OPTION_ARG_STRING, &dem_crs, N_("CRS of the terrain model when its file does not say (e.g. EPSG:2154)"), N_("CRS") },
    { "rivers", 0, 0, G_OPTION_ARG_FILENAME, &rivers_path, N_("Watercourse polygons (GeoPackage or GeoJSON)"), N_("FILE") },
    { "rivers-layer", 0, 0, G_OPTION_ARG_STRING, &rivers_layer, N_("GeoPackage layer of the rivers (default: watercourses, or the first)"), N_("NAME") },
    { "river-column", 0, 0, G_OPTION_ARG_STRING, &river_column, N_("Attribute holding the river name (default: name)"), N_("NAME") },
    { "gauge", 0, 0, G_OPTION_ARG_STRING_ARRAY, &gauge_codes, N_("Reference gauge to build for (repeatable; default: the three Montpellier gauges)"), N_("CODE") },
    { "step", 0, 0, G_OPTION_ARG_DOUBLE, &step, N_("Stage step between envelopes, metres (default 0.5)"), N_("METRES") },
    { "max-stage", 0, 0, G_OPTION_ARG_DOUBLE, &max_stage, N_("Highest stage, metres (default 5)"), N_("METRES") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("GeoPackage to write"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the library as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— build an indicative flood envelope library (HAND method)"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), argv[1]);
  if (dem_path == NULL || rivers_path == NULL || out == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--dem, --rivers and --out are required"));
  if (!(step >= 0.05 && step <= 10) || !(max_stage >= step && max_stage <= 30) || max_stage / step > 200)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--step must be 0.05–10 m and --max-stage at least one step, at most 30 m and 200 steps"));

  gauges = g_ptr_array_new_with_free_func (g_object_unref);
  if (gauge_codes == NULL)
    g_ptr_array_extend_and_steal (gauges, vg_flood_gauge_dup_montpellier ());
  for (guint i = 0; gauge_codes != NULL && gauge_codes[i] != NULL; i++)
    {
      VgFloodGauge *gauge = vg_flood_gauge_find_montpellier (gauge_codes[i]);

      if (gauge == NULL)
        return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown gauge “%s”"), gauge_codes[i]);
      g_ptr_array_add (gauges, gauge);
    }

  ((const char **) columns)[0] = river_column ? river_column : "name";
  if ((dem = vg_dem_load (dem_path, dem_crs, &error)) == NULL ||
      (rivers = vg_vector_file_read (rivers_path, pick_rivers_layer (rivers_path, rivers_layer), columns, &error)) == NULL)
    return vg_cli_fail_error (error);
  if ((name_column = vg_layer_find_column (rivers, columns[0])) < 0)
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("rivers “%s”: no attribute “%s” naming the rivers"), rivers_path, columns[0]);

  {
    g_autofree char *base = g_path_get_basename (rivers_path);
    g_autofree char *rivers_source = g_strdup_printf ("%s, layer %s", base, vg_layer_get_name (rivers));

    library = vg_flood_build_hand_library (dem, rivers, name_column, rivers_source, gauges, step, max_stage, &error);
  }
  if (library == NULL)
    return vg_cli_fail_error (error);
  {
    /* Reproducible builds stamp the file with SOURCE_DATE_EPOCH (reproducible-builds.org). */
    const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
    g_autoptr(GDateTime) when = epoch ? g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10))
                                      : g_date_time_new_now_utc ();

    if (!vg_flood_library_write_gpkg (library, out, when, &error))
      return vg_cli_fail_error (error);
  }
  print_lines (vg_flood_library_get_warnings (library));

  if (json)
    {
      g_autoptr(JsonNode) root = vg_flood_library_to_json (library);
      JsonArray *list = json_array_new ();

      for (guint i = 0; i < gauges->len; i++)
        json_array_add_element (list, vg_flood_gauge_to_json (g_ptr_array_index (gauges, i)));
      json_object_set_array_member (json_node_get_object (root), "gauges", list);
      vg_cli_print_json (root);
      return VG_CLI_EXIT_OK;
    }
  for (guint i = 0; i < vg_flood_library_get_n_envelopes (library); i++)
    {
      VgFloodEnvelope *e = vg_flood_library_get_envelope (library, i);

      g_print ("%-20s %-16s %12.0f m² %7u vertices\n", vg_flood_envelope_get_id (e),
               vg_flood_kind_to_id (vg_flood_envelope_get_kind (e)), vg_flood_envelope_get_area (e),
               (guint) vg_shape_set_get_n_points (vg_flood_envelope_get_extent (e)));
    }
  g_print (_("%u envelopes written to %s\n"), vg_flood_library_get_n_envelopes (library), out);
  return VG_CLI_EXIT_OK;
}

static void
print_exposure_text (VgFloodExposure *exposure)
{
  VgFloodEnvelope *e = vg_flood_exposure_get_envelope (exposure);
  const VgFloodTotals *t = vg_flood_exposure_get_totals (exposure);
  const VgFloodExposedAsset *sites;
  const VgFloodStreetCut *cuts;
  guint n_sites, n_cuts;

  g_print ("%s — %s, stage %.2f m at %s\n", vg_flood_envelope_get_id (e),
           vg_flood_kind_get_label (vg_flood_envelope_get_kind (e)), vg_flood_envelope_get_stage (e),
           vg_flood_envelope_get_gauge (e));
  g_print (_("  buildings %u (%.0f m² inside), addresses %u (≈ %.0f residents), roads %u segments "
             "(%.0f m inside, %u streets cut), sites %u (%u vulnerable)\n"),
           t->buildings, t->building_area_m2, t->addresses, t->residents, t->road_segments,
           t->road_length_m, t->streets_cut, t->sites, t->vulnerable_sites);
  sites = vg_flood_exposure_get_assets (exposure, VG_FLOOD_ASSET_SITE, &n_sites);
  for (guint i = 0; i < n_sites; i++)
    g_print ("  site %-13s %s%s%s\n", sites[i].category ? sites[i].category : "?", sites[i].name ? sites[i].name : "?",
             sites[i].depth_class >= 0 ? _(", depth ") : "",
             sites[i].depth_class >= 0 ? vg_flood_depth_class_to_id (sites[i].depth_class) : "");
  cuts = vg_flood_exposure_get_streets_cut (exposure, &n_cuts);
  for (guint i = 0; i < MIN (n_cuts, 10); i++)
    g_print (_("  street cut %6.0f m  %s\n"), cuts[i].length_m, cuts[i].name);
  if (n_cuts > 10)
    g_print (_("  … and %u more streets\n"), n_cuts - 10);
}

/* `vigie-cli flood exposure`: who and what each envelope (or the one answering a level) reaches. */
static int
exposure (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFloodLibrary) library = NULL;
  g_autoptr(VgFloodAssets) assets = NULL;
  g_autoptr(VgFloodExposureIndex) index = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *envelopes_path = NULL;
  g_autofree char *level_text = NULL;
  g_autofree char *gauge = NULL;
  g_autofree char *kind_text = NULL;
  g_auto(GStrv) assets_paths = NULL;
  g_auto(GStrv) gauges = NULL;
  gboolean json = FALSE, summary = FALSE;
  int threads = 2, default_kind = -1;
  double level = NAN;
  GOptionEntry entries[] = {
    { "envelopes", 0, 0, G_OPTION_ARG_FILENAME, &envelopes_path, N_("Envelope library (GeoPackage or GeoJSON)"), N_("FILE") },
    { "assets", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &assets_paths, N_("Assets: GeoPackage with buildings/addresses/streets/sites layers, or GeoJSON (repeatable)"), N_("FILE") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_text, N_("Only the envelope answering this stage at the gauge, metres"), N_("METRES") },
    { "gauge", 0, 0, G_OPTION_ARG_STRING, &gauge, N_("Only this gauge's envelopes"), N_("CODE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("Kind of envelopes that do not say (official, indicative-hand, synthetic)"), N_("KIND") },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary, N_("Totals only, no asset lists"), NULL },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, N_("Threads (default 2)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— assets exposed to flood envelopes"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), argv[1]);
  if (envelopes_path == NULL || assets_paths == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--envelopes and --assets are required"));
  if (level_text != NULL)
    {
      char *end = NULL;

      level = g_ascii_strtod (level_text, &end);
      if (end == level_text || *end != '\0' || !isfinite (level) || level < -10 || level > 100)
        return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--level “%s” is not a stage in metres"), level_text);
    }
  if (kind_text != NULL)
    {
      VgFloodKind kind;

      if (!vg_flood_kind_from_id (kind_text, &kind))
        return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown kind “%s” (official, indicative-hand, synthetic)"), kind_text);
      default_kind = kind;
    }
  if (threads < 1 || threads > 16)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--threads must be 1–16"));

  if ((library = vg_flood_library_load (envelopes_path, default_kind, &error)) == NULL)
    return vg_cli_fail_error (error);
  assets = vg_flood_assets_new ();
  for (guint i = 0; assets_paths[i] != NULL; i++)
    if (!vg_flood_assets_add_file (assets, assets_paths[i], warnings, &error))
      return vg_cli_fail_error (error);
  gauges = vg_flood_library_dup_gauges (library);
  if (gauge != NULL && !g_strv_contains ((const char * const *) gauges, gauge))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("envelope library “%s” has no envelope for gauge “%s”"), envelopes_path, gauge);
  for (guint i = 0; i < vg_flood_library_get_warnings (library)->len; i++)
    g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (vg_flood_library_get_warnings (library), i)));
  print_lines (warnings);

  index = vg_flood_exposure_index_new (library, assets, threads);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "library");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, envelopes_path);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, vg_flood_library_get_version (library));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (warnings, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "method");
  json_builder_add_string_value (b, vg_flood_exposure_index_get_method ());
  {
    const VgFloodIndexStats *stats = vg_flood_exposure_index_get_stats (index);

    json_builder_set_member_name (b, "precomputation");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "candidate_pairs");
    json_builder_add_int_value (b, stats->candidates);
    json_builder_set_member_name (b, "measured_exactly");
    json_builder_add_int_value (b, stats->boundary);
    json_builder_set_member_name (b, "intersecting");
    json_builder_add_int_value (b, stats->intersecting);
    json_builder_end_object (b);
  }
  if (!isnan (level))
    {
      json_builder_set_member_name (b, "level_m");
      json_builder_add_double_value (b, level);
    }
  json_builder_set_member_name (b, "exposures");
  json_builder_begin_array (b);
  for (guint g = 0; gauges[g] != NULL; g++)
    {
      guint first, n;

      if (gauge != NULL && !g_str_equal (gauge, gauges[g]))
        continue;
      vg_flood_library_get_gauge_range (library, gauges[g], &first, &n);
      if (!isnan (level))
        {
          int below, above, e;
          gboolean beyond;
          g_autoptr(VgFloodExposure) x = NULL;

          vg_flood_library_bracket (library, gauges[g], level, &below, &above);
          vg_flood_exposure_index_lookup (index, gauges[g], level, &e, &beyond);
          x = vg_flood_exposure_index_dup_exposure (index, e, NULL);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "gauge");
          json_builder_add_string_value (b, gauges[g]);
          json_builder_set_member_name (b, "bracket");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "below");
          if (below >= 0)
            json_builder_add_string_value (b, vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, below)));
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "above");
          if (above >= 0)
            json_builder_add_string_value (b, vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, above)));
          else
            json_builder_add_null_value (b);
          json_builder_end_object (b);
          json_builder_set_member_name (b, "beyond_library");
          json_builder_add_boolean_value (b, beyond);
          json_builder_set_member_name (b, "exposure");
          json_builder_add_value (b, vg_flood_exposure_to_json (x, !summary));
          json_builder_end_object (b);
          if (!json)
            {
              if (beyond)
                g_print (_("%s: %.2f m is above the highest envelope: its exposure is a lower bound\n"), gauges[g], level);
              else if (below >= 0 && below != above)
                g_print (_("%s: %.2f m lies between %s and %s (never interpolated): the higher one is shown\n"), gauges[g], level,
                         vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, below)),
                         vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, above)));
              print_exposure_text (x);
            }
          continue;
        }
      for (guint e = first; e < first + n; e++)
        {
          g_autoptr(VgFloodExposure) x = vg_flood_exposure_index_dup_exposure (index, e, NULL);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "gauge");
          json_builder_add_string_value (b, gauges[g]);
          json_builder_set_member_name (b, "exposure");
          json_builder_add_value (b, vg_flood_exposure_to_json (x, !summary));
          json_builder_end_object (b);
          if (!json)
            print_exposure_text (x);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);

      vg_cli_print_json (root);
    }
  return VG_CLI_EXIT_OK;
}

static VgFloodSeries *
load_series (const char  *path,
             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  /* Stage series are small (hours of readings): json-glib's DOM is fine here, once the file
   * is known to be small and shallow (vg-json-limits.h). */
  root = vg_json_load_file (path, 16 * 1024 * 1024, VG_JSON_MAX_DEPTH, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED, error);
  if (root == NULL)
    return NULL;
  return vg_flood_series_new_from_json (root, path, error);
}

static char *
format_time (gint64 time_us)
{
  g_autoptr(GDateTime) t = NULL;

  if (time_us < 0)
    return g_strdup ("—");
  t = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  return g_date_time_format (t, "%Y-%m-%d %H:%M UTC");
}

/* `vigie-cli flood project`: bracketing envelopes now and ahead, and when each stage comes. */
static int
project (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFloodLibrary) library = NULL;
  g_autoptr(VgFloodSeries) readings = NULL;
  g_autoptr(VgFloodSeries) forecast = NULL;
  g_autoptr(VgFloodProjection) projection = NULL;
  g_autofree char *envelopes_path = NULL;
  g_autofree char *gauge = NULL;
  g_autofree char *readings_path = NULL;
  g_autofree char *forecast_path = NULL;
  g_autofree char *kind_text = NULL;
  VgFloodTrendParams params = VG_FLOOD_TREND_DEFAULT;
  int n_trend = 6, default_kind = -1;
  double horizon_h = 6, step_h = 1;
  gboolean json = FALSE;
  const VgFloodProjectionStep *steps;
  const VgFloodCrossing *crossings;
  guint n_steps, n_crossings;
  GOptionEntry entries[] = {
    { "envelopes", 0, 0, G_OPTION_ARG_FILENAME, &envelopes_path, N_("Envelope library (GeoPackage or GeoJSON)"), N_("FILE") },
    { "gauge", 0, 0, G_OPTION_ARG_STRING, &gauge, N_("Reference gauge"), N_("CODE") },
    { "readings", 0, 0, G_OPTION_ARG_FILENAME, &readings_path, N_("Readings: JSON array of {time, stage_m}"), N_("FILE") },
    { "forecast", 0, 0, G_OPTION_ARG_FILENAME, &forecast_path, N_("Forecast: JSON array of {time, stage_m[, stage_low_m, stage_high_m]}"), N_("FILE") },
    { "trend-readings", 0, 0, G_OPTION_ARG_INT, &n_trend, N_("Readings the trend is fitted on, without a forecast (default 6)"), N_("N") },
    { "horizon", 0, 0, G_OPTION_ARG_DOUBLE, &horizon_h, N_("Trend horizon, hours (default 6)"), N_("HOURS") },
    { "step", 0, 0, G_OPTION_ARG_DOUBLE, &step_h, N_("Trend step, hours (default 1)"), N_("HOURS") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("Kind of envelopes that do not say"), N_("KIND") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— project a gauge's stage onto its flood envelopes"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), argv[1]);
  if (envelopes_path == NULL || gauge == NULL || readings_path == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--envelopes, --gauge and --readings are required"));
  if (n_trend < 3 || n_trend > 1000 || !(horizon_h > 0 && horizon_h <= 72) || !(step_h > 0 && step_h <= horizon_h))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--trend-readings must be 3–1000, --horizon 0–72 h and --step within it"));
  if (kind_text != NULL)
    {
      VgFloodKind kind;

      if (!vg_flood_kind_from_id (kind_text, &kind))
        return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown kind “%s” (official, indicative-hand, synthetic)"), kind_text);
      default_kind = kind;
    }
  params.n_readings = n_trend;
  params.horizon_us = (gint64) (horizon_h * 3600 * G_USEC_PER_SEC);
  params.step_us = (gint64) (step_h * 3600 * G_USEC_PER_SEC);

  if ((library = vg_flood_library_load (envelopes_path, default_kind, &error)) == NULL ||
      (readings = load_series (readings_path, &error)) == NULL ||
      (forecast_path != NULL && (forecast = load_series (forecast_path, &error)) == NULL) ||
      (projection = vg_flood_projection_new (library, gauge, readings, forecast, &params, &error)) == NULL)
    return vg_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) root = vg_flood_projection_to_json (projection);

      vg_cli_print_json (root);
      return VG_CLI_EXIT_OK;
    }
  g_print ("%s\n", vg_flood_projection_get_statement (projection));
  steps = vg_flood_projection_get_steps (projection, &n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *t = format_time (steps[i].time_us);

      g_print ("%s  %6.2f m  %-5s below %-18s above %s\n", t, steps[i].stage_m, steps[i].observed ? _("now") : "",
               steps[i].below >= 0 ? vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, steps[i].below)) : "—",
               steps[i].above >= 0 ? vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, steps[i].above)) : "—");
    }
  crossings = vg_flood_projection_get_crossings (projection, &n_crossings);
  for (guint i = 0; i < n_crossings; i++)
    {
      g_autofree char *t = format_time (crossings[i].time_us);
      g_autofree char *early = format_time (crossings[i].earliest_us);
      g_autofree char *late = format_time (crossings[i].latest_us);

      g_print (_("%-18s %s %s (earliest %s, latest %s)\n"),
               vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, crossings[i].envelope)),
               crossings[i].already ? _("reached") : _("expected"), t, early, late);
    }
  return VG_CLI_EXIT_OK;
}

static int
envelopes (int    argc,
           char **argv)
{
  if (argc > 1 && g_str_equal (argv[1], "build"))
    return envelopes_build (argc - 1, argv + 1);
  return vg_cli_fail (VG_CLI_EXIT_USAGE, _("usage: vigie-cli flood envelopes build --dem FILE --rivers FILE --step METRES --out FILE"));
}

int
vg_cli_flood (int    argc,
              char **argv)
{
  if (argc > 1 && g_str_equal (argv[1], "envelopes"))
    return envelopes (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "exposure"))
    return exposure (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "project"))
    return project (argc - 1, argv + 1);
  return vg_cli_fail (VG_CLI_EXIT_USAGE, _("usage: vigie-cli flood exposure|envelopes|project … (see vigie-cli flood COMMAND --help)"));
}
