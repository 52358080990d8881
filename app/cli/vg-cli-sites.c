/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vg-cli.h"
#include "vg-data-dir.h"
#include "vg-gpkg.h"
#include "vg-site.h"

int
vg_cli_sites (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgGpkg) gpkg = NULL;
  g_autoptr(GListStore) sites = NULL;
  g_autofree char *geodata = NULL;
  g_autofree char *category = NULL;
  gboolean json = FALSE;
  VgSiteCategory wanted = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "geodata", 0, 0, G_OPTION_ARG_FILENAME, &geodata, N_("GeoPackage to read (default: the bundled city data)"), N_("FILE") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("Only this category (school, creche, hospital, care_home, fire_station, shelter, distribution)"), N_("ID") },
    { NULL }
  };

  context = g_option_context_new (_("— list the sensitive sites"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), argv[1]);
  if (category != NULL && !vg_site_category_from_id (category, &wanted))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown category “%s”"), category);

  if (geodata == NULL && (geodata = vg_data_dir_find ("geodata/montpellier.gpkg", &error)) == NULL)
    return vg_cli_fail_error (error);
  if ((gpkg = vg_gpkg_open (geodata, &error)) == NULL ||
      (sites = vg_site_load_all (gpkg, &error)) == NULL)
    return vg_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, geodata);
      json_builder_set_member_name (builder, "sites");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sites)); i++)
        {
          g_autoptr(VgSite) site = g_list_model_get_item (G_LIST_MODEL (sites), i);

          if (category != NULL && vg_site_get_category (site) != wanted)
            continue;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, vg_site_get_id (site));
          json_builder_set_member_name (builder, "category");
          json_builder_add_string_value (builder, vg_site_category_to_id (vg_site_get_category (site)));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, vg_site_get_name (site));
          json_builder_set_member_name (builder, "lon");
          json_builder_add_double_value (builder, round (vg_site_get_longitude (site) * 1e6) / 1e6);
          json_builder_set_member_name (builder, "lat");
          json_builder_add_double_value (builder, round (vg_site_get_latitude (site) * 1e6) / 1e6);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      vg_cli_print_json (root);
      return VG_CLI_EXIT_OK;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sites)); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (G_LIST_MODEL (sites), i);

      if (category != NULL && vg_site_get_category (site) != wanted)
        continue;
      g_print ("%-13s %10.6f %10.6f  %s\n", vg_site_category_to_id (vg_site_get_category (site)),
               vg_site_get_longitude (site), vg_site_get_latitude (site), vg_site_get_name (site));
    }
  return VG_CLI_EXIT_OK;
}
