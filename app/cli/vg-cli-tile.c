/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-cli.h"
#include "vg-tile-renderer.h"

static gboolean
parse_uint (const char *text,
            guint      *out)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &v, NULL))
    return FALSE;
  *out = v;
  return TRUE;
}

int
vg_cli_tile (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgBasemap) basemap = NULL;
  g_autoptr(VgTileRenderer) renderer = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *out = NULL;
  g_autofree char *geodata = NULL;
  gboolean night = FALSE, json = FALSE;
  guint z, x, y;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("PNG file to write (required)"), N_("FILE") },
    { "night", 0, 0, G_OPTION_ARG_NONE, &night, N_("Night style"), NULL },
    { "geodata", 0, 0, G_OPTION_ARG_FILENAME, &geodata, N_("GeoPackage to draw (default: the bundled city data)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("Z X Y — render one offline basemap tile (XYZ scheme)"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc != 4 || !parse_uint (argv[1], &z) || !parse_uint (argv[2], &x) || !parse_uint (argv[3], &y))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("expected three tile numbers Z X Y"));
  if (out == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--out FILE is required"));

  basemap = geodata ? vg_basemap_new_from_gpkg (geodata, &error) : vg_basemap_new_default (&error);
  if (basemap == NULL)
    return vg_cli_fail_error (error);
  renderer = vg_tile_renderer_new (basemap, night ? VG_BASEMAP_STYLE_NIGHT : VG_BASEMAP_STYLE_DAY);
  png = vg_tile_renderer_render_png (renderer, z, x, y, &error);
  if (png == NULL ||
      !g_file_set_contents (out, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error))
    return vg_cli_fail_error (error);

  if (json)
    g_print ("{ \"tile\": [%u, %u, %u], \"bytes\": %" G_GSIZE_FORMAT ", \"out\": \"%s\" }\n",
             z, x, y, g_bytes_get_size (png), out);
  return VG_CLI_EXIT_OK;
}
