/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vg-cli.h"
#include "vg-dem.h"
#include "vg-error.h"
#include "vg-flood-builder.h"
#include "vg-flood-gauge.h"
#include "vg-flood-library.h"
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
print_warnings (VgFloodLibrary *library)
{
  GPtrArray *warnings = vg_flood_library_get_warnings (library);

  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *line = g_strdup (g_ptr_array_index (warnings, i));

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
  if (library == NULL || !vg_flood_library_write_gpkg (library, out, &error))
    return vg_cli_fail_error (error);
  print_warnings (library);

  if (json)
    {
      g_autoptr(JsonNode) root = vg_flood_library_to_json (library);

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
  return vg_cli_fail (VG_CLI_EXIT_USAGE, _("usage: vigie-cli flood exposure|envelopes … (see vigie-cli flood COMMAND --help)"));
}
