/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-test-export.h"
#include "vg-test-journal.h"
#include "vg-test-util.h"

/* `vigie-cli export` and `vigie-cli export verify`, run as a user runs them: exit codes (0, 1
 * for a failure, 2 for a usage error), one-line errors on stderr, --json read back. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs vigie-cli with the NULL-terminated arguments after "export". */
static Run cli (const char *first, ...) G_GNUC_NULL_TERMINATED;

static Run
cli (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  Run run = { 0 };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("VIGIE_CLI"));
  g_ptr_array_add (argv, (gpointer) "export");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run.status = vg_test_run ((const char * const *) argv->pdata, &run.out, &run.err);
  return run;
}

static void
assert_one_line_error (const Run  *run,
                       int         status,
                       const char *part)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "vigie-cli: "));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
  if (strstr (run->err, part) == NULL)
    g_error ("“%s” lacks “%s”", run->err, part);
}

typedef struct
{
  char         *dir;
  char         *journal;
  VgTestReview  seqs;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(VgJournal) journal = NULL;

  f->dir = vg_test_mkdtemp ();
  f->journal = g_build_filename (f->dir, "lez.vigie-journal", NULL);
  journal = vg_test_review_journal_create (f->journal, clock, &f->seqs);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vg_test_rmtree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->journal, g_free);
}

static void
test_export_filtered (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "decisions.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_auto(Run) run = cli ("--journal", f->journal, "--format", "csv", "--out", out, "--kind", "decisions",
                         "--kind", "operator-note", "--since", "2014-09-29T06:45:00Z", "--json", NULL);
  JsonObject *object;
  guint rows = 0;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  node = json_from_string (run.out, NULL);
  object = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (object, "entries"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "filters"), "since"), ==,
                   "2014-09-29T06:45:00Z");
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "# filters: {\"kinds\":[\"decision\",\"operator-note\",\"output\"],\"since\":\"2014-09-29T06:45:00Z\"}"));
  for (const char *p = csv; (p = strstr (p, "\r\n")) != NULL; p += 2)
    rows++;
  /* Seven metadata comments (content, generator, situation, exercise, journal, filters,
   * language), the header, the four entries. */
  g_assert_cmpuint (rows, ==, 7 + 1 + 4);
}

static void
test_export_and_verify (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *bundle = g_build_filename (f->dir, "bundle", NULL);
  g_autofree char *gpkg = g_build_filename (bundle, "features.gpkg", NULL);
  g_auto(Run) run = cli ("--journal", f->journal, "--format", "bundle", "--out", bundle, "--lang", "fr", NULL);
  g_auto(Run) verify = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) tampered = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "entries exported (bundle)"));
  verify = cli ("verify", bundle, NULL);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_nonnull (strstr (verify.out, ": intact,"));
  json = cli ("verify", bundle, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  node = json_from_string (json.out, NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "intact"));

  /* One byte of the GeoPackage changed: exit 1, the file named, the report says which. */
  g_assert_true (g_file_get_contents (gpkg, &bytes, &len, NULL));
  bytes[len / 2] ^= 0x20;
  g_assert_true (g_file_set_contents (gpkg, bytes, len, NULL));
  tampered = cli ("verify", bundle, NULL);
  assert_one_line_error (&tampered, 1, "features.gpkg");
  g_assert_nonnull (strstr (tampered.err, "changed since the bundle was made"));
  run_clear (&tampered);
  tampered = cli ("verify", bundle, "--json", NULL);
  g_assert_cmpint (tampered.status, ==, 1);
  g_clear_pointer (&node, json_node_unref);
  node = json_from_string (tampered.out, NULL);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (node), "intact"));
  g_assert_nonnull (strstr (tampered.out, "\"verdict\" : \"changed\""));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_auto(Run) missing = cli ("--journal", f->journal, "--out", out, NULL);
  g_auto(Run) format = cli ("--journal", f->journal, "--format", "xlsx", "--out", out, NULL);
  g_auto(Run) kind = cli ("--journal", f->journal, "--format", "csv", "--kind", "gossip", "--out", out, NULL);
  g_auto(Run) since = cli ("--journal", f->journal, "--format", "csv", "--since", "yesterday", "--out", out, NULL);
  g_auto(Run) lang = cli ("--journal", f->journal, "--format", "pdf", "--lang", "de", "--out", out, NULL);
  g_auto(Run) bundle = cli ("--journal", f->journal, "--format", "bundle", "--kind", "decisions", "--out", out, NULL);
  g_auto(Run) verify = cli ("verify", NULL);

  assert_one_line_error (&missing, 2, "--journal, --format and --out are required");
  assert_one_line_error (&format, 2, "unknown format “xlsx”");
  assert_one_line_error (&kind, 2, "unknown kind “gossip”");
  assert_one_line_error (&since, 2, "--since: “yesterday” is not an ISO 8601 time");
  assert_one_line_error (&lang, 2, "--lang: “de”");
  assert_one_line_error (&bundle, 2, "a bundle holds the whole journal");
  assert_one_line_error (&verify, 2, "missing BUNDLE");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_bad_journals (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *absent = g_build_filename (f->dir, "absent.vigie-journal", NULL);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.vigie-journal", NULL);
  g_autofree char *sql = NULL;
  g_auto(Run) no_file = cli ("--journal", absent, "--format", "json", "--out", out, NULL);
  g_auto(Run) not_journal = { 0 };
  g_auto(Run) damaged = { 0 };
  g_auto(Run) no_bundle = cli ("verify", f->dir, NULL);
  sqlite3 *db;

  assert_one_line_error (&no_file, 1, "absent.vigie-journal");
  assert_one_line_error (&no_bundle, 1, "MANIFEST.sha256");

  g_assert_true (g_file_set_contents (garbage, "these are not the minutes you are looking for", -1, NULL));
  not_journal = cli ("--journal", garbage, "--format", "json", "--out", out, NULL);
  assert_one_line_error (&not_journal, 1, "garbage.vigie-journal");

  db = vg_test_sqlite_open (f->journal);
  vg_test_sqlite_exec (db, "DROP TRIGGER entries_no_update");
  sql = g_strdup_printf ("UPDATE entries SET author = 'nobody' WHERE seq = %" G_GUINT64_FORMAT, f->seqs.decision_1);
  vg_test_sqlite_exec (db, sql);
  sqlite3_close (db);
  damaged = cli ("--journal", f->journal, "--format", "json", "--out", out, NULL);
  assert_one_line_error (&damaged, 1, "fails verification");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/vigie/cli/export/filtered", test_export_filtered);
  ADD ("/vigie/cli/export/bundle-and-verify", test_export_and_verify);
  ADD ("/vigie/cli/export/usage-errors", test_usage_errors);
  ADD ("/vigie/cli/export/bad-journals", test_bad_journals);
#undef ADD

  return g_test_run ();
}
