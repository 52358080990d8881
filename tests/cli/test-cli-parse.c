/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-test-util.h"

/* vigie-cli parse KIND FILE [--json], run as a user runs it. */

static int
run_parse (const char  *kind,
           const char  *relpath,
           gboolean     json,
           char       **out,
           char       **err)
{
  g_autofree char *path = vg_test_data_path (relpath);
  const char *argv[] = { g_getenv ("VIGIE_CLI"), "parse", kind, path, "--received-at", "2024-10-17T06:10:00Z",
                         json ? "--json" : NULL, NULL };

  return vg_test_run (argv, out, err);
}

static void
test_text_output (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = run_parse ("hubeau", "feeds/hubeau/observations_tr-montpellier.json", FALSE, &out, &err);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);   /* 7 observations and the final newline */
  g_assert_true (g_str_has_prefix (lines[0], "observation  Y321002101"));
  g_assert_nonnull (strstr (lines[0], "water_level"));
  g_assert_nonnull (strstr (lines[0], "2.8740 m"));
  g_assert_nonnull (strstr (lines[0], "2024-10-17T06:00:00Z"));
}

static void
test_json_output (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *warning;
  int status = run_parse ("cap", "feeds/cap/meteofrance-herault-orages-2-orange.xml", TRUE, &out, &err);

  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "cap");
  g_assert_cmpstr (json_object_get_string_member (root, "received_at"), ==, "2024-10-17T06:10:00Z");
  warning = json_array_get_object_element (json_object_get_array_member (root, "warnings"), 0);
  g_assert_cmpstr (json_object_get_string_member (warning, "key"), ==, "vigilance@meteo.fr|awareness_type:3|NUTS:FRJ13|2024-10-17");
  g_assert_cmpstr (json_object_get_string_member (warning, "awareness_level"), ==, "orange");
  g_assert_cmpstr (json_object_get_string_member (warning, "msg_type"), ==, "Update");
}

static void
test_refusals_listed (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = run_parse ("cap", "feeds/cap/biometric-parameter.xml", FALSE, &out, &err);

  /* A refused record is not bad input: the parse succeeds and says what it refused. */
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "refused      Feed “"));
  g_assert_nonnull (strstr (out, "facialRecognitionMatch"));
  g_assert_null (strstr (out, "warning "));
}

static void
test_bad_input (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *xxe_out = NULL;
  g_autofree char *xxe_err = NULL;
  int status = run_parse ("openmeteo", "feeds/hubeau/observations_tr-montpellier.json", FALSE, &out, &err);

  /* One line naming the file, the position and the problem; exit 1. */
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "vigie-cli: Feed “"));
  g_assert_nonnull (strstr (err, "observations_tr-montpellier.json”: $.latitude: missing"));
  g_assert_cmpuint (strlen (err), ==, strchr (err, '\n') - err + 1);

  status = run_parse ("cap", "feeds/security/billion-laughs.xml", FALSE, &xxe_out, &xxe_err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (xxe_err, "<!DOCTYPE alert> refused"));
}

static void
test_usage (void)
{
  g_autofree char *path = vg_test_data_path ("feeds/cap/v1dot2_appendix_adot1.xml");
  const char *unknown_kind[] = { g_getenv ("VIGIE_CLI"), "parse", "rss", path, NULL };
  const char *missing_file[] = { g_getenv ("VIGIE_CLI"), "parse", "cap", NULL };
  const char *bad_time[] = { g_getenv ("VIGIE_CLI"), "parse", "cap", path, "--received-at", "now", NULL };
  const char *no_file[] = { g_getenv ("VIGIE_CLI"), "parse", "cap", "/nonexistent/alert.xml", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;
  g_autofree char *out4 = NULL, *err4 = NULL;

  g_assert_cmpint (vg_test_run (unknown_kind, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "unknown kind “rss”"));
  g_assert_cmpint (vg_test_run (missing_file, &out2, &err2), ==, 2);
  g_assert_cmpint (vg_test_run (bad_time, &out3, &err3), ==, 2);
  g_assert_cmpint (vg_test_run (no_file, &out4, &err4), ==, 1);
  g_assert_nonnull (strstr (err4, "/nonexistent/alert.xml"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/cli/parse/text-output", test_text_output);
  g_test_add_func ("/vigie/cli/parse/json-output", test_json_output);
  g_test_add_func ("/vigie/cli/parse/refusals-listed", test_refusals_listed);
  g_test_add_func ("/vigie/cli/parse/bad-input", test_bad_input);
  g_test_add_func ("/vigie/cli/parse/usage", test_usage);

  return g_test_run ();
}
