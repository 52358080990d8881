/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * Files from outside that are not feeds (issue 10): facts files, bundles handed in for
 * checking, journals handed in for forensics. Each is bounded in size and in JSON nesting
 * before json-glib's recursive parser sees it (app/core/vg-json-limits.h): a hostile file is
 * an error naming it, never a stack overflow or a file read whole into memory. Feeds have
 * their own limits (test-feed-safety.c), scenarios theirs (test-scenario.c).
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "vg-bundle.h"
#include "vg-error.h"
#include "vg-exporter.h"
#include "vg-fact-set.h"
#include "vg-ini-private.h"
#include "vg-json-limits.h"
#include "vg-playbook.h"
#include "vg-test-journal.h"
#include "vg-test-util.h"
#include "vg-timeline.h"

#define DEEP 1000000   /* levels: far past any stack json-glib's recursion could use */

static char *
nested (const char *open,
        const char *middle,
        const char *close,
        guint       depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  g_string_append (text, middle);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);
  return g_string_free (text, FALSE);
}

/* A sparse file of @size bytes: costs no disk and no memory unless someone reads it. */
static void
make_sparse (const char *path,
             goffset     size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  g_assert_true (g_close (fd, NULL));
}

static glong
max_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

static void
test_nesting_scanner (void)
{
  static const struct {
    const char *text;
    guint       max;
    gboolean    within;
  } cases[] = {
    { "", 0, TRUE },
    { "{}", 0, FALSE },
    { "{}", 1, TRUE },
    { "[[[]]]", 2, FALSE },
    { "[[[]]]", 3, TRUE },
    { "[[],[],[[]]]", 3, TRUE },
    { "[[],[],[[[]]]]", 3, FALSE },
    { "{\"a\":\"[[[[[[\"}", 1, TRUE },          /* brackets in strings do not count */
    { "{\"a\\\"[[[\":[]}", 2, TRUE },          /* nor after an escaped quote */
    { "{\"a\\\\\":[[]]}", 2, FALSE },          /* an escaped backslash ends the escape */
    { "]]]]{[", 2, TRUE },                     /* closers first do not go below zero */
    { "{\"never closed", 1, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (vg_json_nesting_within (cases[i].text, strlen (cases[i].text), cases[i].max) != cases[i].within)
      g_error ("“%s” within %u: expected %d", cases[i].text, cases[i].max, cases[i].within);
}

static void
assert_facts_refused (const char *path,
                      const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFactSet) facts = vg_fact_set_load (path, &error);

  g_assert_null (facts);
  g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FACTS);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, path) || strstr (error->message, words) == NULL)
    g_error ("“%s” does not name %s or lacks “%s”", error->message, path, words);
}

static void
test_facts_file_limits (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "facts.json", NULL);
  g_autofree char *deep = nested ("[", "", "]", DEEP);
  g_autofree char *at_limit = nested ("[", "", "]", VG_JSON_MAX_DEPTH - 1);
  g_autofree char *at_limit_doc = g_strdup_printf ("{\"format\":%s}", at_limit);
  g_autofree char *deep_strings = nested ("\"[[[[\",", "1", "", DEEP / 10);
  g_autofree char *deep_strings_doc = g_strdup_printf ("{\"format\":[%s]}", deep_strings);
  glong rss_before;
  glong grown;

  /* A million levels: refused before parsing (this was a stack overflow in vigie-cli). */
  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  assert_facts_refused (path, "nested deeper than 64 levels");

  /* 64 levels get through to validation, which refuses them for what they say. */
  g_assert_true (g_file_set_contents (path, at_limit_doc, -1, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VgFactSet) facts = vg_fact_set_load (path, &error);

    g_assert_null (facts);
    g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FACTS);
    g_assert_null (strstr (error->message, "nested deeper"));
  }
  /* Brackets inside strings are text, not nesting. */
  g_assert_true (g_file_set_contents (path, deep_strings_doc, -1, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VgFactSet) facts = vg_fact_set_load (path, &error);

    g_assert_null (facts);
    g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FACTS);
    g_assert_null (strstr (error->message, "nested deeper"));
  }

  /* Empty: an error, not a critical (fuzz-facts found this one in vg_json_load_file()). */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_facts_refused (path, ": empty");

  /* A syntax error names the file, line and column. */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"vigie-facts/1\",\n \"facts\": [1,", -1, NULL));
  assert_facts_refused (path, ":2:");

  /* Over the size limit: refused by its size, without being read into memory. */
  rss_before = max_rss_kib ();
  make_sparse (path, (goffset) VG_FACT_SET_MAX_FILE_SIZE + 1);
  assert_facts_refused (path, "33554433 bytes, over the limit of 33554432 bytes");
  grown = max_rss_kib () - rss_before;
  g_test_message ("peak RSS grew by %ld KiB refusing a 32 MiB facts file", grown);
  g_assert_cmpint (grown, <, 8 * 1024);

  g_assert_cmpint (g_remove (path), ==, 0);
  assert_facts_refused (path, "No such file");
  vg_test_rmtree (dir);
}

static void
test_playbook_size_limit (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "flood.playbook", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VgPlaybook) playbook = NULL;

  make_sparse (path, VG_INI_MAX_FILE_SIZE + 1);
  playbook = vg_playbook_load (path, &error);
  g_assert_null (playbook);
  g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK);
  g_assert_true (g_str_has_prefix (error->message, path));
  /* Refused for its size, not for the megabyte of NUL bytes it would have read. */
  g_assert_nonnull (strstr (error->message, "1048577 bytes, over the limit of 1048576 bytes"));
  vg_test_rmtree (dir);
}

static void
write_manifest (const char         *bundle,
                const char * const *names)
{
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autofree char *path = g_build_filename (bundle, VG_BUNDLE_MANIFEST, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *file = g_build_filename (bundle, names[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      g_string_append_printf (manifest, "%s  %s\n", sum, names[i]);
    }
  g_assert_true (g_file_set_contents (path, manifest->str, -1, NULL));
}

static void
test_bundle_limits (void)
{
  static const char * const names[] = { VG_BUNDLE_INDEX, VG_BUNDLE_JOURNAL, NULL };
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *bundle = g_build_filename (dir, "bundle", NULL);
  g_autofree char *journal_path = g_build_filename (bundle, VG_BUNDLE_JOURNAL, NULL);
  g_autofree char *index_path = g_build_filename (bundle, VG_BUNDLE_INDEX, NULL);
  g_autofree char *manifest_path = g_build_filename (bundle, VG_BUNDLE_MANIFEST, NULL);
  g_autofree char *deep = nested ("{\"a\":", "1", "}", DEEP);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *report_text = NULL;
  VgJournal *journal;
  glong rss_before;
  glong grown;

  g_assert_cmpint (g_mkdir (bundle, 0700), ==, 0);
  journal = vg_test_journal_create (journal_path, clock, TRUE);
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OPERATOR_NOTE, "Marie", "{\"text\":\"début\"}");
  g_assert_finalize_object (journal);

  /* A bundle made by someone else: its manifest's hashes are right, its index a million
   * levels deep. Checked, refused, named; before, a stack overflow in `export verify`. */
  g_assert_true (g_file_set_contents (index_path, deep, -1, NULL));
  write_manifest (bundle, names);
  g_assert_false (vg_bundle_verify (bundle, &report, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_TAMPERED);
  json_generator_set_root (generator, report);
  report_text = json_generator_to_data (generator, NULL);
  g_test_message ("%s; report: %s", error->message, report_text);
  g_assert_nonnull (strstr (report_text, "does not say which journal entry the exports end at"));
  g_clear_error (&error);

  /* A manifest of 65 MiB is refused by its size, not read whole to be refused. */
  rss_before = max_rss_kib ();
  make_sparse (manifest_path, 65 * 1024 * 1024);
  g_assert_false (vg_bundle_verify (bundle, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "is not a manifest"));
  grown = max_rss_kib () - rss_before;
  g_test_message ("peak RSS grew by %ld KiB refusing a 65 MiB manifest", grown);
  g_assert_cmpint (grown, <, 8 * 1024);
  vg_test_rmtree (dir);
}

static gboolean
count_cb (VgJournalEntry *entry,
          gpointer        user_data)
{
  guint *counts = user_data;

  counts[0]++;
  counts[1] += vg_journal_entry_get_payload (entry) == NULL;
  return TRUE;
}

/* A journal handed in for forensics whose last entry (correctly hashed: a forger's work) holds
 * a payload a million levels deep: the chain verifies, the entry reads as unreadable, and the
 * timeline, its search and the exports go on without it. */
static void
test_journal_deep_payload (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "forensic.vigie-journal", NULL);
  g_autofree char *geojson = g_build_filename (dir, "out.geojson", NULL);
  g_autofree char *deep = nested ("{\"a\":", "1", "}", DEEP);
  g_autofree char *payload = g_strdup_printf ("{\"geometry\":%s,\"text\":\"a\"}", deep);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) forensic = NULL;
  g_autoptr(VgTimeline) timeline = NULL;
  g_autoptr(VgTimelineFilter) filter = vg_timeline_filter_new ();
  g_autoptr(VgExporter) exporter = NULL;
  VgJournalFilter all;
  VgJournal *journal;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  sqlite3_stmt *update;
  guint8 hash[32];
  guint64 last;
  guint counts[2] = { 0, 0 };

  journal = vg_test_journal_create (path, clock, TRUE);
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OPERATOR_NOTE, "Marie", "{\"text\":\"a: début\"}");
  last = vg_test_journal_append (journal, VG_JOURNAL_KIND_OPERATOR_NOTE, "Marie", "{\"text\":\"a: remplacée\"}");
  g_assert_finalize_object (journal);

  db = vg_test_sqlite_open (path);
  vg_test_sqlite_exec (db, "DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete;");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE entries SET payload = ? WHERE seq = ?", -1, &update, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (update, 1, payload, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 2, (sqlite3_int64) last);
  g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
  sqlite3_finalize (update);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seq, time, kind, source, author, payload, prev_hash "
                                       "FROM entries WHERE seq = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, (sqlite3_int64) last);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  vg_test_journal_documented_hash (stmt, hash);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE entries SET hash = ? WHERE seq = ?", -1, &update, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (update, 1, hash, sizeof hash, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 2, (sqlite3_int64) last);
  g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
  sqlite3_finalize (update);
  sqlite3_close (db);

  g_assert_true (vg_journal_verify_file (path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  forensic = vg_journal_open (path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  /* Every entry read; only the forged one has no readable payload. */
  vg_journal_filter_init (&all);
  g_assert_true (vg_journal_foreach (forensic, &all, count_cb, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[0], ==, last);
  g_assert_cmpuint (counts[1], ==, 1);

  /* The timeline's search parses payloads: it skips this one instead of overflowing. */
  timeline = vg_timeline_new (forensic);
  g_assert_true (vg_timeline_refresh (timeline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vg_timeline_get_n_entries (timeline), ==, last);
  vg_timeline_filter_set_text (filter, "a");
  vg_timeline_set_filter (timeline, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), >=, 1);

  /* The GeoJSON export reads "geometry" members: that one is left out, the export completes. */
  exporter = vg_exporter_new (forensic, VG_EXPORT_GEOJSON);
  g_assert_true (vg_exporter_run (exporter, geojson, NULL, &error));
  g_assert_no_error (error);
  vg_test_rmtree (dir);
}

#define SECRET "VIGIE-SECRET-4b1d"

/* Received payloads are kept as fetched, refused ones included (they are evidence): a CAP
 * archive export parses them again. An XXE reading a local file and a billion laughs, as
 * received, must neither leak the file into the archive nor expand. */
static void
test_cap_archive_hostile_payloads (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "received.vigie-journal", NULL);
  g_autofree char *secret_path = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *archive = g_build_filename (dir, "cap", NULL);
  g_autofree char *laughs_path = vg_test_data_path ("feeds/security/billion-laughs.xml");
  g_autofree char *xxe = NULL;
  g_autofree char *laughs = NULL;
  gsize laughs_len;
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgExporter) exporter = NULL;
  g_autoptr(GBytes) xxe_bytes = NULL;
  g_autoptr(GBytes) laughs_bytes = NULL;
  g_autofree char *everything = NULL;
  VgJournal *journal;
  GString *all = g_string_new (NULL);
  g_autoptr(GDir) listing = NULL;
  const char *sub;

  g_assert_true (g_file_set_contents (secret_path, SECRET "\n", -1, NULL));
  xxe = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY xxe SYSTEM \"file://%s\">]>\n"
                         "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&xxe;</identifier>"
                         "<sender>&xxe;</sender><sent>2024-10-17T06:00:00+02:00</sent><status>Actual</status>"
                         "<msgType>Alert</msgType><scope>Public</scope></alert>", secret_path);
  xxe_bytes = g_bytes_new (xxe, strlen (xxe));
  g_assert_true (g_file_get_contents (laughs_path, &laughs, &laughs_len, NULL));
  laughs_bytes = g_bytes_new (laughs, laughs_len);

  journal = vg_test_journal_create (path, clock, TRUE);
  now = vg_clock_dup_now (clock);
  g_assert_true (vg_journal_append_raw_payload (journal, "meteofrance-cap", "https://example.invalid/cap.xml",
                                                "application/cap+xml", now, xxe_bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vg_journal_append_raw_payload (journal, "meteofrance-cap", "https://example.invalid/lol.xml",
                                                "application/cap+xml", now, laughs_bytes, NULL, &error));
  g_assert_no_error (error);

  exporter = vg_exporter_new (journal, VG_EXPORT_CAP);
  g_assert_true (vg_exporter_run (exporter, archive, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&exporter);
  g_assert_finalize_object (journal);

  /* Whatever the archive holds (the bytes as received may be copied), no file of its own
   * says the secret: the index was not fed by the entity. */
  {
    g_autofree char *index_path = g_build_filename (archive, "index.json", NULL);
    g_autofree char *index = NULL;

    g_assert_true (g_file_get_contents (index_path, &index, NULL, NULL));
    g_string_append (all, index);
  }
  {
    g_autofree char *received = g_build_filename (archive, "received", NULL);

    listing = g_dir_open (received, 0, NULL);
    while (listing != NULL && (sub = g_dir_read_name (listing)) != NULL)
      g_test_message ("archive: received/%s", sub);
  }
  everything = g_string_free (all, FALSE);
  g_assert_null (strstr (everything, SECRET));
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/untrusted/json-nesting-scanner", test_nesting_scanner);
  g_test_add_func ("/vigie/untrusted/facts-file-limits", test_facts_file_limits);
  g_test_add_func ("/vigie/untrusted/playbook-size-limit", test_playbook_size_limit);
  g_test_add_func ("/vigie/untrusted/bundle-limits", test_bundle_limits);
  g_test_add_func ("/vigie/untrusted/journal-deep-payload", test_journal_deep_payload);
  g_test_add_func ("/vigie/untrusted/cap-archive-hostile-payloads", test_cap_archive_hostile_payloads);

  return g_test_run ();
}
