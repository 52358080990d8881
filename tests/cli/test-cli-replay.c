/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-test-util.h"

static char *
scenario_dir (const char *id)
{
  return g_build_filename (g_getenv ("VIGIE_SCENARIOS_DIR"), id, NULL);
}

/* `replay --json`: the summary a controller reads after a run, and the same hash twice. */
static void
test_replay_json (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *scenario = scenario_dir ("lez-2014-09");
  char *hashes[2] = { NULL, NULL };

  for (guint run = 0; run < 2; run++)
    {
      g_autofree char *journal = g_strdup_printf ("%s/run-%u.vigie-journal", dir, run);
      const char *argv[] = { g_getenv ("VIGIE_CLI"), "replay", scenario, "--journal", journal, "--json", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *summary;
      JsonArray *gauges;
      gboolean montpellier_red = FALSE;

      g_assert_cmpint (vg_test_run (argv, &out, &err), ==, 0);
      g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
      summary = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (summary, "scenario"), ==, "lez-2014-09");
      g_assert_cmpint (json_object_get_int_member (summary, "events"), ==, 545);
      g_assert_cmpint (json_object_get_int_member (summary, "entries"), >, 545);
      gauges = json_object_get_array_member (summary, "gauges");
      for (guint i = 0; i < json_array_get_length (gauges); i++)
        {
          JsonObject *g = json_array_get_object_element (gauges, i);

          if (g_str_equal (json_object_get_string_member (g, "code"), "Y320403001"))
            montpellier_red = json_object_get_double_member (g, "peak_stage_m") >= 4.0 &&
                              g_str_has_prefix (json_object_get_string_member (g, "peak_at"), "2014-09-29");
        }
      g_assert_true (montpellier_red);
      hashes[run] = g_strdup (json_object_get_string_member (summary, "last_hash"));
    }
  g_assert_cmpstr (hashes[0], ==, hashes[1]);
  g_free (hashes[0]);
  g_free (hashes[1]);
  vg_test_rmtree (dir);
}

static void
test_replay_errors (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *scenario = scenario_dir ("heatwave-2019-06");
  g_autofree char *existing = g_build_filename (dir, "existing.vigie-journal", NULL);
  struct { const char *args[6]; int code; const char *fragment; } cases[] = {
    { { "replay", scenario, NULL }, 2, "--journal" },
    { { "replay", "/nonexistent-scenario", "--journal", existing, NULL }, 1, "nonexistent-scenario" },
    { { "replay", scenario, "--journal", existing, "--speed", "12x" }, 2, "--speed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[8] = { g_getenv ("VIGIE_CLI") };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      for (guint k = 0; k < 6 && cases[i].args[k] != NULL; k++)
        argv[k + 1] = cases[i].args[k];
      g_assert_cmpint (vg_test_run (argv, &out, &err), ==, cases[i].code);
      g_assert_nonnull (strstr (err, cases[i].fragment));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }

  /* An exercise journal is never reused. */
  g_assert_true (g_file_set_contents (existing, "", 0, NULL));
  {
    const char *argv[] = { g_getenv ("VIGIE_CLI"), "replay", scenario, "--journal", existing, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (vg_test_run (argv, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "already exists"));
  }
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/cli/replay-json", test_replay_json);
  g_test_add_func ("/vigie/cli/replay-errors", test_replay_errors);

  return g_test_run ();
}
