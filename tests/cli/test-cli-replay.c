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

  /* What the replay journalled with a place is on the exported map: the injected incident with
   * its location, every proposal with its targets' geometry. */
  {
    static const struct { const char *kind; guint at_least; } kinds[] = { { "incident", 1 }, { "proposal", 10 } };

    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *journal = g_strdup_printf ("%s/run-0.vigie-journal", dir);
        g_autofree char *geojson = g_strdup_printf ("%s/%s.geojson", dir, kinds[k].kind);
        const char *argv[] = { g_getenv ("VIGIE_CLI"), "export", "--journal", journal, "--format", "geojson",
                               "--kind", kinds[k].kind, "--out", geojson, NULL };
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        g_autoptr(JsonParser) parser = json_parser_new ();
        JsonArray *features;

        g_assert_cmpint (vg_test_run (argv, &out, &err), ==, 0);
        g_assert_true (json_parser_load_from_file (parser, geojson, NULL));
        features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
        g_test_message ("%s: %u features", kinds[k].kind, json_array_get_length (features));
        g_assert_cmpuint (json_array_get_length (features), >=, kinds[k].at_least);
        for (guint i = 0; i < json_array_get_length (features); i++)
          g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_array_get_object_element (features, i), "geometry")));
      }
  }
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

/* Decisions signed during the drill, by validators (every one of them may be taken). */
static const char decisions_ok[] =
  "{\"format\": \"vigie-decisions/1\", \"decisions\": ["
  " {\"proposal\": \"flood-close-roads/Y320403001\", \"verdict\": \"approve\","
  "  \"operator\": \"Claire Martin\", \"role\": \"validator\"},"
  " {\"proposal\": \"flood-public-alert\", \"verdict\": \"reject\", \"operator\": \"Paul Roux\","
  "  \"role\": \"validator\", \"reason\": \"Alerte déjà diffusée par la préfecture\"},"
  " {\"at\": \"2014-09-29T19:10:00+02:00\", \"proposal\": \"flood-diversions/Y320403001\", \"verdict\": \"amend\","
  "  \"operator\": \"Claire Martin\", \"role\": \"validator\", \"reason\": \"Déviation par le nord seulement\"}]}";

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Runs `replay --json` of the Lez scenario with @decisions into @journal: the exit status, the
 * summary (NULL if stdout is not JSON) and stderr. */
static int
replay_with (const char  *decisions,
             const char  *journal,
             JsonObject **summary,
             char       **err)
{
  g_autofree char *scenario = scenario_dir ("lez-2014-09");
  const char *argv[] = { g_getenv ("VIGIE_CLI"), "replay", scenario, "--speed", "max", "--decisions", decisions,
                         "--journal", journal, "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = vg_test_run (argv, &out, err);

  *summary = NULL;
  if (json_parser_load_from_data (parser, out, -1, NULL) && json_parser_get_root (parser) != NULL &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    *summary = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  return status;
}

/* Who signed the first decision on proposal @id in @journal, as `proposals --json` reads it
 * back, or NULL; @when (may be NULL) gets its time. */
static char *
decided_by (const char  *journal,
            const char  *id,
            char       **when)
{
  const char *argv[] = { g_getenv ("VIGIE_CLI"), "proposals", "--journal", journal, "--proposal", id, "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *proposals;

  g_assert_cmpint (vg_test_run (argv, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  proposals = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "proposals");
  for (guint i = 0; i < json_array_get_length (proposals); i++)
    {
      JsonObject *p = json_array_get_object_element (proposals, i);

      JsonArray *history = json_object_get_array_member (p, "history");

      if (!g_str_equal (json_object_get_string_member (p, "id"), id))
        continue;
      /* Later versions may follow the decision: it is in the history. */
      for (guint k = 0; k < json_array_get_length (history); k++)
        {
          JsonObject *h = json_array_get_object_element (history, k);

          if (!json_object_has_member (h, "verdict"))
            continue;
          if (when != NULL)
            *when = g_strdup (json_object_get_string_member (h, "time"));
          return g_strdup (json_object_get_string_member (h, "operator"));
        }
    }
  return NULL;
}

/* `replay --decisions`: the scripted decisions are in the journal, and the same scenario and
 * script give byte-identical journals. */
static void
test_replay_decisions (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *decisions = write_file (dir, "decisions.json", decisions_ok);
  char *contents[2] = { NULL, NULL };
  gsize lengths[2] = { 0, 0 };

  for (guint run = 0; run < 2; run++)
    {
      g_autofree char *journal = g_strdup_printf ("%s/run-%u.vigie-journal", dir, run);
      g_autofree char *err = NULL;
      g_autofree char *closer = NULL;
      g_autofree char *rejecter = NULL;
      g_autofree char *amender = NULL;
      g_autofree char *amended_at = NULL;
      g_autoptr(JsonObject) summary = NULL;
      JsonArray *scripted;
      JsonObject *by_state;

      g_assert_cmpint (replay_with (decisions, journal, &summary, &err), ==, 0);
      g_assert_nonnull (summary);
      g_assert_cmpint (json_object_get_int_member (summary, "events"), ==, 545);
      g_assert_cmpint (json_object_get_int_member (summary, "decision_entries"), ==, 3);
      g_assert_cmpint (json_object_get_int_member (summary, "projection_entries"), >, 0);
      g_assert_cmpint (json_object_get_int_member (summary, "proposals"), >, 2);
      g_assert_cmpint (json_object_get_int_member (summary, "proposal_entries"), >=,
                       json_object_get_int_member (summary, "proposals"));
      by_state = json_object_get_object_member (summary, "proposals_by_state");
      g_assert_cmpint (json_object_get_int_member (by_state, "approved"), >=, 1);
      scripted = json_object_get_array_member (summary, "scripted_decisions");
      g_assert_cmpuint (json_array_get_length (scripted), ==, 3);
      for (guint i = 0; i < 3; i++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scripted, i), "outcome"), ==, "taken");

      /* Read back from the journal, signed by the names given. */
      closer = decided_by (journal, "flood-close-roads/Y320403001", NULL);
      rejecter = decided_by (journal, "flood-public-alert", NULL);
      g_assert_cmpstr (closer, ==, "Claire Martin");
      g_assert_cmpstr (rejecter, ==, "Paul Roux");
      /* The timed one, at its scenario time. */
      amender = decided_by (journal, "flood-diversions/Y320403001", &amended_at);
      g_assert_cmpstr (amender, ==, "Claire Martin");
      g_assert_cmpstr (amended_at, ==, "2014-09-29T17:10:00Z");
      g_assert_true (g_file_get_contents (journal, &contents[run], &lengths[run], NULL));
    }
  g_assert_cmpuint (lengths[0], ==, lengths[1]);
  g_assert_true (memcmp (contents[0], contents[1], lengths[0]) == 0);
  g_free (contents[0]);
  g_free (contents[1]);
  vg_test_rmtree (dir);
}

/* An observer reads only: the queue refuses the decision, nothing is journalled, the run
 * fails and says which decision and why. */
static void
test_replay_decisions_observer (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *decisions = write_file (dir, "observer.json",
    "{\"format\": \"vigie-decisions/1\", \"decisions\": ["
    " {\"proposal\": \"flood-close-roads/*\", \"verdict\": \"approve\", \"operator\": \"Léa Morel\","
    "  \"role\": \"observer\"}]}");
  g_autofree char *journal = g_build_filename (dir, "observer.vigie-journal", NULL);
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) summary = NULL;
  JsonObject *outcome;

  g_assert_cmpint (replay_with (decisions, journal, &summary, &err), ==, 1);
  g_assert_nonnull (summary);
  g_assert_cmpint (json_object_get_int_member (summary, "decision_entries"), ==, 0);
  outcome = json_array_get_object_element (json_object_get_array_member (summary, "scripted_decisions"), 0);
  g_assert_cmpstr (json_object_get_string_member (outcome, "outcome"), ==, "refused");
  g_assert_nonnull (strstr (err, "observer.json: decisions[0]: refused"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  vg_test_rmtree (dir);
}

/* A malformed decisions file: one line naming the file and the field, and no journal. */
static void
test_replay_decisions_malformed (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  struct { const char *contents; const char *field; } cases[] = {
    { "{\"format\": \"vigie-decisions/1\", \"decisions\": [{\"proposal\": \"a\", \"verdict\": \"approve\","
      " \"operator\": \"A\", \"role\": \"validator\"}, {\"proposal\": \"b\", \"verdict\": \"approve\","
      " \"operator\": \"B\", \"role\": \"boss\"}]}", "decisions[1].role" },
    { "{\"format\": \"vigie-decisions/1\", \"decisions\": [{\"proposal\": \"a\", \"verdict\": \"reject\","
      " \"operator\": \"A\", \"role\": \"validator\"}]}", "decisions[0].reason" },
    { "{\"format\": \"vigie-decisions/1\", \"decisions\": [{\"proposal\": \"a\", \"verdict\": \"approve\","
      " \"operator\": \"A\", \"role\": \"validator\", \"at\": \"29/09/2014 14:00\"}]}", "decisions[0].at" },
    { "{\"format\": \"vigie-decisions/1\", \"decisions\": [{\"proposal\": \"a\", \"verdict\": \"approve\","
      " \"operator\": \"A\", \"role\": \"validator\", \"at\": \"2020-01-01T00:00:00Z\"}]}", "decisions[0].at" },
    { "{\"format\": \"vigie-decisions/1\", \"decisions\": [{\"proposal\": \"a\", \"verdict\": \"done\","
      " \"operator\": \"A\", \"role\": \"validator\"}]}", "decisions[0].verdict" },
    { "{\"format\": \"vigie-decisions/1\", \"decisions\": [{\"proposal\": \"a\", \"verdict\": \"approve\","
      " \"role\": \"validator\"}]}", "decisions[0].operator" },
    { "{\"format\": \"vigie-decisions/1\", \"decisions\": [{\"proposal\": \"a\", \"verdict\": \"approve\","
      " \"operator\": \"A\", \"role\": \"validator\", \"when\": \"now\"}]}", "decisions[0].when" },
    { "{\"format\": \"vigie-decisions/2\", \"decisions\": []}", "format" },
    { "{\"format\": \"vigie-decisions/1\", \"decisions\": [", "not JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.json", i);
      g_autofree char *decisions = write_file (dir, name, cases[i].contents);
      g_autofree char *journal = g_strdup_printf ("%s/bad-%u.vigie-journal", dir, i);
      g_autofree char *err = NULL;
      g_autoptr(JsonObject) summary = NULL;

      g_test_message ("case %u: %s", i, cases[i].field);
      g_assert_cmpint (replay_with (decisions, journal, &summary, &err), ==, 1);
      g_assert_null (summary);
      g_assert_nonnull (strstr (err, decisions));
      g_assert_nonnull (strstr (err, cases[i].field));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
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
  g_test_add_func ("/vigie/cli/replay-decisions", test_replay_decisions);
  g_test_add_func ("/vigie/cli/replay-decisions-observer", test_replay_decisions_observer);
  g_test_add_func ("/vigie/cli/replay-decisions-malformed", test_replay_decisions_malformed);

  return g_test_run ();
}
