/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-test-util.h"

static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("VIGIE_CLI"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  status = vg_test_run ((const char * const *) argv->pdata, out, err);
  return status;
}

static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "vigie-cli " PACKAGE_VERSION "\n");
}

/* `sites --json`: every site with category, name and lon/lat inside the Métropole. */
static void
test_sites_json (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *sites;
  gboolean found_zenith = FALSE;

  g_assert_cmpint (run_cli (&out, &err, "sites", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  sites = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "sites");
  g_assert_cmpuint (json_array_get_length (sites), ==, 267);
  for (guint i = 0; i < json_array_get_length (sites); i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);
      double lon = json_object_get_double_member (site, "lon");
      double lat = json_object_get_double_member (site, "lat");

      g_assert_nonnull (json_object_get_string_member (site, "category"));
      g_assert_nonnull (json_object_get_string_member (site, "name"));
      g_assert_cmpfloat (lon, >, 3.65);
      g_assert_cmpfloat (lon, <, 4.07);
      g_assert_cmpfloat (lat, >, 43.46);
      g_assert_cmpfloat (lat, <, 43.77);
      if (g_str_equal (json_object_get_string_member (site, "name"), "Zénith"))
        {
          found_zenith = TRUE;
          g_assert_cmpstr (json_object_get_string_member (site, "category"), ==, "shelter");
        }
    }
  g_assert_true (found_zenith);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "sites", "--category", "care_home", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "E.H.P.A.D"));
  g_assert_null (strstr (out, "school"));
}

/* Bad input: non-zero exit and exactly one line on stderr naming the problem. */
static void
test_bad_input (void)
{
  struct { const char *args[4]; int code; const char *fragment; } cases[] = {
    { { "sites", "--category", "castle", NULL }, 2, "castle" },
    { { "sites", "--geodata", "/nonexistent.gpkg", NULL }, 1, "/nonexistent.gpkg" },
    { { "frobnicate", NULL }, 2, "frobnicate" },
    { { "tile", "16", "x", "1" }, 2, "Z X Y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int code = run_cli (&out, &err, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3], NULL);

      g_assert_cmpint (code, ==, cases[i].code);
      g_assert_nonnull (strstr (err, cases[i].fragment));
      g_assert_cmpuint (strlen (err), >, 0);
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }
}

/* `tile` writes a PNG of the centre of Montpellier. */
static void
test_tile (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *png = g_build_filename (dir, "tile.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_assert_cmpint (run_cli (&out, &err, "tile", "16", "33474", "23928", "--out", png, NULL), ==, 0);
  g_assert_true (g_file_get_contents (png, &data, &len, NULL));
  g_assert_cmpuint (len, >, 10000);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/cli/version", test_version);
  g_test_add_func ("/vigie/cli/sites-json", test_sites_json);
  g_test_add_func ("/vigie/cli/bad-input", test_bad_input);
  g_test_add_func ("/vigie/cli/tile", test_tile);

  return g_test_run ();
}
