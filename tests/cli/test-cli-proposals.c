/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-test-util.h"

/* `vigie-cli proposals` and `vigie-cli decide`, run as an exercise script runs them: exit codes,
 * one-line errors, --json read back; and nothing written when a decision or an output is
 * refused. Facts: tests/data/proposals (see SOURCES.md there). */

/* vigie-cli with the arguments given, as a user runs it. */
#define cli(...) vg_test_cli (__VA_ARGS__)
#define assert_one_line_error vg_test_cli_assert_one_line_error

static void
assert_ok (const VgCliRun *run)
{
  if (run->status != 0)
    g_error ("exit %d: %s", run->status, run->err);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return node;
}

typedef struct
{
  char *dir;
  char *journal;
  char *roster;
  char *facts;
  char *worse;
  char *out;
} Fixture;

static guint64
n_entries (Fixture *f)
{
  g_auto(VgCliRun) run = cli ("journal", "verify", f->journal, "--json", NULL);
  g_autoptr(JsonNode) node = NULL;

  assert_ok (&run);
  node = parse (run.out);
  return json_object_get_int_member (json_node_get_object (node), "entries");
}

static guint
n_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gboolean exercise = GPOINTER_TO_INT (data);
  g_auto(VgCliRun) note = { 0 };
  g_auto(VgCliRun) evaluate = { 0 };

  f->dir = vg_test_mkdtemp ();
  f->journal = g_build_filename (f->dir, "lez.vigie-journal", NULL);
  f->out = g_build_filename (f->dir, "out", NULL);
  f->roster = g_build_filename (g_getenv ("VIGIE_DATA_DIR"), "roster.example", NULL);
  f->facts = vg_test_data_path ("proposals/lez-1200.json");
  f->worse = vg_test_data_path ("proposals/lez-1230.json");
  g_assert_cmpint (g_mkdir (f->out, 0700), ==, 0);
  if (exercise)
    {
      note = cli ("journal", "note", f->journal, "--operator", "Karim Haddad", "--text", "Début de l'exercice", "--exercise", NULL);
      assert_ok (&note);
      evaluate = cli ("proposals", "evaluate", "--journal", f->journal, "--facts", f->facts, "--at", "2014-09-29T12:00Z", NULL);
    }
  else
    {
      note = cli ("journal", "note", f->journal, "--operator", "Julien Roux", "--text", "Ouverture du PC de crise", NULL);
      assert_ok (&note);
      evaluate = cli ("proposals", "evaluate", "--journal", f->journal, "--facts", f->facts, NULL);
    }
  assert_ok (&evaluate);
  /* A live journal takes the wall clock: in 2014's facts the time for barriers and pumps is long
   * gone, so those two are not even proposed. */
  g_assert_nonnull (strstr (evaluate.out, exercise ? ": 8 new, 0 new versions, 0 superseded, 0 expired; 8 awaiting a decision"
                                                   : ": 6 new, 0 new versions, 0 superseded, 0 expired; 6 awaiting a decision"));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  vg_test_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->journal);
  g_free (f->roster);
  g_free (f->facts);
  g_free (f->worse);
  g_free (f->out);
}

/* `proposals` lists in deadline order; --json gives everything with the payload. */
static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_auto(VgCliRun) text = cli ("proposals", "--journal", f->journal, NULL);
  g_auto(VgCliRun) json = cli ("proposals", "--journal", f->journal, "--json", NULL);
  g_auto(VgCliRun) one = cli ("proposals", "--journal", f->journal, "--proposal", "flood-public-alert", "--json", NULL);
  g_auto(VgCliRun) unknown = cli ("proposals", "--journal", f->journal, "--proposal", "flood-nothing", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) single = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *proposals;
  JsonObject *first;

  assert_ok (&text);
  lines = g_strsplit (g_strstrip (text.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_nonnull (strstr (lines[0], "P2  proposed    flood-preposition-barriers/Y320403001 v1"));

  assert_ok (&json);
  root = parse (json.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "pending"), ==, 8);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "exercise"));
  proposals = json_object_get_array_member (json_node_get_object (root), "proposals");
  g_assert_cmpuint (json_array_get_length (proposals), ==, 8);
  first = json_array_get_object_element (proposals, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "proposed");
  g_assert_true (json_object_get_null_member (first, "decision"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "payload"), "deadline"), ==,
                   "2014-09-29T10:30:00Z");

  assert_ok (&one);
  single = parse (one.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (single), "proposals")), ==, 1);
  assert_one_line_error (&unknown, 1, "no proposal “flood-nothing”");
}

/* The rules of the UI, refused with exit 1 and one line, nothing journalled. */
static void
test_decide_refused (Fixture       *f,
                     gconstpointer  data)
{
  const char *close = "flood-close-roads/Y320403001";
  const char *ehpad = "flood-evacuate-vulnerable/EtabliPublic:711";
  guint64 before = n_entries (f);
  struct { const char *args[12]; int status; const char *words; } cases[] = {
    { { "--proposal", close, "--approve", "--operator", "Sophie Bernard", "--role", "observer" }, 1, "observers cannot decide" },
    { { "--proposal", close, "--reject", "--operator", "Julien Roux", "--role", "operator" }, 1, "needs a reason" },
    { { "--proposal", close, "--amend", "--operator", "Julien Roux", "--role", "operator", "--reason", " " }, 1, "needs a reason" },
    { { "--proposal", ehpad, "--approve", "--operator", "Julien Roux", "--role", "operator" }, 1, "needs a validator" },
    { { "--proposal", ehpad, "--approve", "--operator", "Julien Roux", "--role", "validator" }, 1, "may not sign in as validator" },
    { { "--proposal", ehpad, "--approve", "--operator", "Mallory", "--role", "validator" }, 1, "“Mallory” is not on the roster" },
    { { "--proposal", ehpad, "--approve", "--operator", "Karim Haddad", "--role", "exercise-controller" }, 1, "live journal" },
    { { "--proposal", close, "--done", "--operator", "Julien Roux", "--role", "operator" }, 1, "has no signed approval" },
    { { "--proposal", close, "--approve", "--operator", "Julien Roux", "--role", "operator", "--version", "3" }, 1,
      "now at version 1, not the version 3" },
    { { "--proposal", close, "--approve", "--operator", "Julien Roux", "--role", "operator", "--at", "2014-09-29T12:00" }, 1,
      "--at is only for exercise journals" },
    { { "--proposal", close, "--approve", "--reject", "--operator", "Julien Roux", "--role", "operator" }, 2, "exactly one of" },
    { { "--proposal", close, "--approve", "--operator", "Julien Roux", "--role", "chief" }, 2, "unknown role “chief”" },
    { { "--proposal", close, "--approve", "--operator", "Julien Roux" }, 2, "are required" },
    { { "--proposal", close, "--approve", "--operator", "Julien Roux", "--role", "operator", "--target", "x" }, 2,
      "--target goes with --amend" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(VgCliRun) run = cli ("decide", "--journal", f->journal, "--roster", f->roster, cases[i].args[0], cases[i].args[1],
                             cases[i].args[2], cases[i].args[3], cases[i].args[4], cases[i].args[5], cases[i].args[6],
                             cases[i].args[7], cases[i].args[8], cases[i].args[9], cases[i].args[10], NULL);

      assert_one_line_error (&run, cases[i].status, cases[i].words);
    }
  g_assert_cmpuint (n_entries (f), ==, before);
}

/* Approve, then the same again (refused, naming who); a new version makes the old one stale. */
static void
test_decide (Fixture       *f,
             gconstpointer  data)
{
  const char *close = "flood-close-roads/Y320403001";
  g_auto(VgCliRun) approve = cli ("decide", "--journal", f->journal, "--roster", f->roster, "--proposal", close, "--approve",
                             "--operator", "Julien Roux", "--role", "operator", "--version", "1", "--json", NULL);
  g_auto(VgCliRun) again = cli ("decide", "--journal", f->journal, "--roster", f->roster, "--proposal", close, "--reject",
                           "--reason", "Trop tôt", "--operator", "Camille Martin", "--role", "validator", NULL);
  g_auto(VgCliRun) worse = cli ("proposals", "evaluate", "--journal", f->journal, "--facts", f->worse, "--json", NULL);
  g_auto(VgCliRun) stale = cli ("decide", "--journal", f->journal, "--roster", f->roster, "--proposal", close, "--done",
                           "--operator", "Julien Roux", "--role", "operator", "--version", "1", NULL);
  g_auto(VgCliRun) list = cli ("proposals", "--journal", f->journal, "--proposal", close, "--json", NULL);
  g_autoptr(JsonNode) decided = NULL;
  g_autoptr(JsonNode) evaluated = NULL;
  g_autoptr(JsonNode) listed = NULL;
  JsonObject *proposal;
  JsonArray *history;

  assert_ok (&approve);
  decided = parse (approve.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (decided), "state"), ==, "approved");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (decided), "seq"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (decided), "version"), ==, 1);
  assert_one_line_error (&again, 1, "already decided: approve by Julien Roux (operator)");

  assert_ok (&worse);
  evaluated = parse (worse.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (evaluated), "updated"), >=, 1);
  assert_one_line_error (&stale, 1, "now at version 2, not the version 1");

  assert_ok (&list);
  listed = parse (list.out);
  proposal = json_array_get_object_element (json_object_get_array_member (json_node_get_object (listed), "proposals"), 0);
  g_assert_cmpint (json_object_get_int_member (proposal, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (proposal, "state"), ==, "proposed");
  history = json_object_get_array_member (proposal, "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "operator"), ==, "Julien Roux");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (proposal, "payload"),
                                                                         "changes")), ==, 2);
}

/* `proposals output`: refused without an approval (no file, no entry), then the documents. */
static void
test_output (Fixture       *f,
             gconstpointer  data)
{
  const char *alert = "flood-public-alert";
  guint64 before = n_entries (f);
  g_auto(VgCliRun) refused = cli ("proposals", "output", "--journal", f->journal, "--proposal", alert, "--out", f->out, NULL);
  g_auto(VgCliRun) approve = { 0 };
  g_auto(VgCliRun) output = { 0 };
  g_auto(VgCliRun) list = { 0 };
  g_autoptr(JsonNode) files = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autofree char *cap = NULL;
  JsonArray *paths;

  assert_one_line_error (&refused, 1, "has no signed approval (it is proposed): nothing leaves Vigie without one");
  g_assert_cmpuint (n_files (f->out), ==, 0);
  g_assert_cmpuint (n_entries (f), ==, before);

  approve = cli ("decide", "--journal", f->journal, "--roster", f->roster, "--proposal", alert, "--approve",
                 "--operator", "Camille Martin", "--role", "validator", "--at", "2014-09-29T12:05Z", NULL);
  assert_ok (&approve);
  g_assert_nonnull (strstr (approve.out, "flood-public-alert v1 approved by Camille Martin (validator), journal entry 11"));
  output = cli ("proposals", "output", "--journal", f->journal, "--proposal", alert, "--out", f->out, "--json", NULL);
  assert_ok (&output);
  files = parse (output.out);
  paths = json_object_get_array_member (json_node_get_object (files), "files");
  g_assert_cmpuint (json_array_get_length (paths), ==, 2);
  g_assert_true (g_file_get_contents (json_array_get_string_element (paths, 1), &cap, NULL, NULL));
  g_assert_nonnull (strstr (cap, "<status>Exercise</status>"));
  g_assert_nonnull (strstr (cap, "<sent>2014-09-29T14:05:00+02:00</sent>"));

  list = cli ("proposals", "--journal", f->journal, "--proposal", alert, "--json", NULL);
  assert_ok (&list);
  listed = parse (list.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (json_object_get_array_member (json_node_get_object (listed), "proposals"), 0),
                      "outputs")), ==, 3);
}

/* Same facts, two journals: the same proposals, byte for byte. */
static void
test_determinism (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *facts = vg_test_data_path ("proposals/lez-1200.json");
  g_auto(GStrv) texts = g_new0 (char *, 3);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *journal = g_strdup_printf ("%s/run-%u.vigie-journal", dir, i);
      g_auto(VgCliRun) note = cli ("journal", "note", journal, "--operator", "Karim Haddad", "--text", "Exercice", "--exercise", NULL);
      g_auto(VgCliRun) evaluate = cli ("proposals", "evaluate", "--journal", journal, "--facts", facts, "--at",
                                  i == 0 ? "2014-09-29T12:00Z" : "2014-09-29T12:09Z", NULL);
      g_auto(VgCliRun) list = cli ("proposals", "--journal", journal, "--json", NULL);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      JsonNode *proposals;

      assert_ok (&note);
      assert_ok (&evaluate);
      assert_ok (&list);
      root = parse (list.out);
      proposals = json_object_get_member (json_node_get_object (root), "proposals");
      json_generator_set_root (generator, proposals);
      texts[i] = json_generator_to_data (generator, NULL);
    }
  g_assert_cmpuint (strlen (texts[0]), >, 1000);
  g_assert_cmpstr (texts[0], ==, texts[1]);
  vg_test_rmtree (dir);
}

/* `proposals playbooks` checks and lists; a broken playbook is one line naming file and line. */
static void
test_playbooks (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *broken = g_build_filename (dir, "flood.playbook", NULL);
  g_auto(VgCliRun) list = cli ("proposals", "playbooks", "--json", NULL);
  g_auto(VgCliRun) bad = { 0 };
  g_auto(VgCliRun) unknown = cli ("proposals", "frobnicate", NULL);
  g_autoptr(JsonNode) root = NULL;

  assert_ok (&list);
  root = parse (list.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "rules")), ==, 15);

  g_assert_true (g_file_set_contents (broken, "[playbook]\nhazard = flood\nversion = 1\ntitle[fr] = a\ntitle[en] = b\n"
                                              "timezone = Europe/Paris\n\n[rule r]\nversion = 1\ntrigger = flood.gauge depth>=1\n",
                                      -1, NULL));
  bad = cli ("proposals", "playbooks", "--playbooks", dir, NULL);
  assert_one_line_error (&bad, 1, ":10: rule “r”, key “trigger”: unknown condition “depth” for flood.gauge");
  g_assert_true (strstr (bad.err, broken) != NULL);
  assert_one_line_error (&unknown, 2, "frobnicate");
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vigie/cli/proposals/list", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_list, fixture_teardown);
  g_test_add ("/vigie/cli/proposals/decide-refused", Fixture, GINT_TO_POINTER (FALSE), fixture_setup, test_decide_refused,
              fixture_teardown);
  g_test_add ("/vigie/cli/proposals/decide", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_decide, fixture_teardown);
  g_test_add ("/vigie/cli/proposals/output", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_output, fixture_teardown);
  g_test_add_func ("/vigie/cli/proposals/determinism", test_determinism);
  g_test_add_func ("/vigie/cli/proposals/playbooks", test_playbooks);

  return g_test_run ();
}
