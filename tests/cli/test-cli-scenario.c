/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-test-util.h"

/* A minimal scenario; @time is the one payload's time, so a caller can break it. */
static const char manifest_format[] =
  "{\"format\": \"vigie-scenario/1\", \"id\": \"mini\","
  " \"title\": {\"fr\": \"Mini\", \"en\": \"Mini\"}, \"description\": {\"fr\": \"d\", \"en\": \"d\"},"
  " \"start\": \"2014-09-29T00:00:00Z\", \"end\": \"2014-09-29T06:00:00Z\", \"timezone\": \"Europe/Paris\","
  " \"exercise\": true,"
  " \"feeds\": [{\"id\": \"gauges\", \"kind\": \"hubeau\", \"label\": {\"fr\": \"J\", \"en\": \"G\"}}],"
  " \"payloads\": [{\"time\": \"%s\", \"feed\": \"gauges\", \"file\": \"p.json\","
  "   \"content_type\": \"application/json\", \"reconstructed\": false, \"sources\": [\"s\"]}],"
  " \"injects\": [],"
  " \"sources\": [{\"id\": \"s\", \"name\": \"n\", \"origin\": \"o\", \"licence\": \"l\", \"real\": true}],"
  " \"reconstructed\": []}";

static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("VIGIE_CLI"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return vg_test_run ((const char * const *) argv->pdata, out, err);
}

static char *
write_scenario (const char *root,
                const char *name,
                const char *time)
{
  g_autofree char *manifest = g_strdup_printf (manifest_format, time);
  g_autofree char *path = NULL;
  char *dir = g_build_filename (root, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, "manifest.json", NULL);
  g_assert_true (g_file_set_contents (path, manifest, -1, NULL));
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "p.json", NULL);
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  return dir;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_one_line (const char *err,
                 const char *fragment)
{
  if (strstr (err, fragment) == NULL)
    g_error ("expected “%s” in “%s”", fragment, err);
  g_assert_cmpuint (strlen (err), >, 0);
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

/* `scenario validate` on a bundled scenario: exit 0 and a summary of what it replays. */
static void
test_validate_text (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("VIGIE_SCENARIOS_DIR"), "lez-2014-09", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "scenario", "validate", dir, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "lez-2014-09: valid\n"));
  g_assert_nonnull (strstr (out, "Lez floods, 29 September and 6–7 October 2014"));
  g_assert_nonnull (strstr (out, "2014-09-28T00:00:00Z – 2014-10-09T00:00:00Z"));
  g_assert_nonnull (strstr (out, "hubeau-lez (hubeau, 527 payloads)"));
  g_assert_nonnull (strstr (out, "meteofrance-vigilance (cap, 13 payloads)"));
  g_assert_nonnull (strstr (out, "1 feed-failure"));
  g_assert_nonnull (strstr (out, "545 of 545 events"));
}

static void
test_validate_json (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("VIGIE_SCENARIOS_DIR"), "heatwave-2019-06", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *summary, *feed;

  g_assert_cmpint (run_cli (&out, &err, "scenario", "validate", "--json", dir, NULL), ==, 0);
  summary = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (summary, "id"), ==, "heatwave-2019-06");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (summary, "title"), "fr"),
                   ==, "Canicule de juin 2019");
  g_assert_cmpstr (json_object_get_string_member (summary, "start"), ==, "2019-06-24T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (summary, "end"), ==, "2019-07-01T00:00:00Z");
  g_assert_cmpint (json_object_get_int_member (summary, "events"), ==, 16);
  g_assert_cmpint (json_object_get_int_member (summary, "reconstructed"), ==, 16);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (summary, "injects"), "incident"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (summary, "first_event"), ==, "2019-06-24T04:00:00Z");
  feed = json_array_get_object_element (json_object_get_array_member (summary, "feeds"), 0);
  g_assert_cmpstr (json_object_get_string_member (feed, "kind"), ==, "openmeteo");
  g_assert_cmpint (json_object_get_int_member (feed, "payloads"), ==, 7);
}

/* `scenario list`: the bundled scenarios, sorted, each validated. */
static void
test_list (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *scenarios;

  g_assert_cmpint (run_cli (&out, &err, "scenario", "list", "--json", NULL), ==, 0);
  scenarios = json_object_get_array_member (parse_object (parser, out), "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scenarios, 0), "id"), ==,
                   "heatwave-2019-06");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scenarios, 1), "id"), ==,
                   "lez-2014-09");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "scenario", "list", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "heatwave-2019-06 "));
  g_assert_nonnull (strstr (out, "\nlez-2014-09 "));
}

/* A broken scenario: exit 1 and one line naming the manifest and the field; `list` still
 * shows the valid ones. */
static void
test_broken (void)
{
  g_autofree char *root = vg_test_mkdtemp ();
  g_autofree char *good = write_scenario (root, "a-good", "2014-09-29T01:00:00Z");
  g_autofree char *bad = write_scenario (root, "b-bad", "2014-09-29 01:00");
  g_autofree char *expected = g_strdup_printf ("vigie-cli: %s/manifest.json: payloads[0].time: not an ISO 8601 time", bad);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "scenario", "validate", bad, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, expected));
  assert_one_line (err, "“2014-09-29 01:00”");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "scenario", "validate", good, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "mini: valid\n"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "scenario", "list", "--dir", root, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out, "mini "));
  assert_one_line (err, "b-bad/manifest.json: payloads[0].time");
  vg_test_rmtree (root);
}

static void
test_bad_input (void)
{
  struct { const char *args[4]; int code; const char *fragment; } cases[] = {
    { { "scenario", "validate", NULL }, 2, "SCENARIO_DIR" },
    { { "scenario", "validate", "a", "b" }, 2, "SCENARIO_DIR" },
    { { "scenario", "validate", "/nonexistent/scenario", NULL }, 1, "/nonexistent/scenario" },
    { { "scenario", "frobnicate", NULL }, 2, "frobnicate" },
    { { "scenario", "list", "extra", NULL }, 2, "extra" },
    { { "scenario", "list", "--dir", "/nonexistent/dir" }, 1, "/nonexistent/dir" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (&out, &err, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3],
                                NULL), ==, cases[i].code);
      assert_one_line (err, cases[i].fragment);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/cli/scenario/validate-text", test_validate_text);
  g_test_add_func ("/vigie/cli/scenario/validate-json", test_validate_json);
  g_test_add_func ("/vigie/cli/scenario/list", test_list);
  g_test_add_func ("/vigie/cli/scenario/broken", test_broken);
  g_test_add_func ("/vigie/cli/scenario/bad-input", test_bad_input);

  return g_test_run ();
}
