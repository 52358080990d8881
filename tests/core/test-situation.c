/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vg-error.h"
#include "vg-feed-parser.h"
#include "vg-log-entry.h"
#include "vg-situation.h"
#include "vg-test-util.h"

static gboolean
count_cb (VgJournalEntry *entry,
          guint          *n)
{
  (*n)++;
  return TRUE;
}

static gboolean
refusal_cb (VgJournalEntry *entry,
            gboolean       *found)
{
  g_autofree char *event = vg_journal_entry_dup_string (entry, "event");
  g_autofree char *reason = vg_journal_entry_dup_string (entry, "reason");

  /* The fixture's CAP parameter is "facialRecognitionMatch": the reason names it. */
  if (g_strcmp0 (event, "refused") == 0 && reason != NULL && strstr (reason, "facialRecognitionMatch") != NULL)
    *found = TRUE;
  return TRUE;
}

/* Whether a refusal naming the biometric field was journaled, as a feed-health entry. */
static gboolean
journal_has_refusal (VgJournal *journal)
{
  gboolean found = FALSE;
  VgJournalFilter filter;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_FEED_HEALTH);
  g_assert_true (vg_journal_foreach (journal, &filter, (VgJournalForeachFunc) (void (*) (void)) refusal_cb, &found, NULL));
  return found;
}

static VgClock *
new_clock (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 14, 0, 0);

  return vg_clock_new_manual (start);
}

/* A note is in the log as soon as add_note returns, and survives reopening. */
static void
test_notes_in_log (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "live.vigie-journal", NULL);
  const char *features[] = { "site:EtabliPublic:42", NULL };
  VgSituation *situation;
  g_autoptr(VgLogEntry) entry = NULL;
  guint64 seq = 0;

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (vg_situation_is_exercise (situation));
  g_assert_false (vg_situation_is_read_only (situation));
  g_assert_null (vg_situation_get_problem (situation));
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 0);

  g_assert_true (vg_situation_add_note (situation, "Claire Martin", "Pompiers sur place, rue de la Loge",
                                        features, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seq, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 1);
  entry = g_list_model_get_item (vg_situation_get_log (situation), 0);
  g_assert_cmpstr (vg_log_entry_get_author (entry), ==, "Claire Martin");
  g_assert_cmpstr (vg_log_entry_get_features (entry)[0], ==, "site:EtabliPublic:42");
  g_assert_cmpint (vg_log_entry_get_time (entry), ==, vg_clock_get_now_usec (clock));
  g_assert_true (vg_log_entry_matches (entry, "LOGE"));
  g_assert_true (vg_log_entry_matches (entry, "claire"));
  g_assert_false (vg_log_entry_matches (entry, "Mosson"));

  /* An empty note is refused and nothing is added. */
  g_assert_false (vg_situation_add_note (situation, "Claire Martin", "", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 1);
  g_assert_finalize_object (situation);

  situation = vg_situation_open_or_create (path, clock, "ignored when the file exists", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vg_situation_get_name (situation), ==, "Montpellier");
  g_assert_false (vg_situation_is_exercise (situation));
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 1);
  g_assert_finalize_object (situation);
  vg_test_rmtree (dir);
}

/* Notes appended by someone else (another process: `vigie-cli journal note` in a drill) show up
 * on refresh. */
static void
test_refresh_picks_up_other_writers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "drill.vigie-journal", NULL);
  g_autoptr(VgSituation) situation = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("VIGIE_CLI"), "journal", "note", path, "--operator", "Exercise controller",
                         "--text", "Inject 3: the Lez overtops at Pont Juvénal", NULL };

  situation = vg_situation_open_or_create (path, clock, "Drill", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_is_exercise (situation));
  g_assert_cmpint (vg_test_run (argv, &out, &err), ==, 0);

  vg_situation_refresh (situation);
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 1);
  vg_situation_refresh (situation);
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 1);
  vg_test_rmtree (dir);
}

/* A journal whose chain is broken opens read-only, says why, and refuses notes. */
static void
test_broken_journal_is_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "tampered.vigie-journal", NULL);
  VgSituation *situation;
  sqlite3 *db;

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_add_note (situation, "A", "first", NULL, NULL, &error));
  g_assert_true (vg_situation_add_note (situation, "A", "second", NULL, NULL, &error));
  g_assert_finalize_object (situation);

  /* Rewrite the first note behind the journal's back (its triggers dropped first). */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema=ON; DROP TRIGGER IF EXISTS entries_no_update;"
                                     "DELETE FROM sqlite_master WHERE type = 'trigger';", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entries SET payload = replace(payload, 'first', 'forged') "
                                     "WHERE kind = 'operator-note'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_is_read_only (situation));
  g_assert_nonnull (strstr (vg_situation_get_problem (situation), "does not verify"));
  g_assert_false (vg_situation_add_note (situation, "A", "third", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_finalize_object (situation);
  vg_test_rmtree (dir);
}

static GBytes *
read_fixture (const char *relpath)
{
  g_autofree char *path = vg_test_data_path (relpath);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static guint
count_kind (VgJournal     *journal,
            VgJournalKind  kind)
{
  guint n = 0;
  VgJournalFilter filter;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (kind);
  g_assert_true (vg_journal_foreach (journal, &filter, (VgJournalForeachFunc) (void (*) (void)) count_cb, &n, NULL));
  return n;
}

/* A gauge payload goes into the journal as received and as readings, and into the picture; a
 * reopened journal rebuilds the same picture by parsing its raw payloads again. */
static void
test_ingest_and_rebuild (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "feeds.vigie-journal", NULL);
  g_autoptr(GBytes) hubeau = read_fixture ("feeds/hubeau/observations_tr-montpellier.json");
  g_autoptr(VgFeedBatch) batch = NULL;
  VgSituation *situation;
  VgGauge *gauge;
  VgGaugeSample latest, reopened;
  guint n_readings, n_observations;

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_declare_feed (situation, "hubeau-lez", VG_FEED_KIND_HUBEAU, "Hub'Eau", &error));
  g_assert_true (vg_situation_ingest_payload (situation, "hubeau-lez", "https://hubeau.eaufrance.fr/api/v2/hydrometrie/observations_tr",
                                              "application/json", vg_clock_get_now_usec (clock), hubeau, &batch, &error));
  g_assert_no_error (error);
  n_observations = vg_feed_batch_get_observations (batch)->len;
  g_assert_cmpuint (n_observations, >, 0);
  g_assert_cmpuint (count_kind (vg_situation_get_journal (situation), VG_JOURNAL_KIND_OBSERVATION), ==, n_observations);
  g_assert_cmpuint (count_kind (vg_situation_get_journal (situation), VG_JOURNAL_KIND_RAW_FEED_PAYLOAD), ==, 1);

  /* Le Lez à Montpellier, a catalogue gauge, now has a stage reading. */
  gauge = vg_picture_lookup_gauge (vg_situation_get_picture (situation), "Y321002101");
  g_assert_nonnull (gauge);
  g_assert_true (vg_gauge_get_latest (gauge, FALSE, &latest));
  vg_gauge_get_readings (gauge, FALSE, &n_readings);
  g_assert_cmpint (vg_gauge_get_level (gauge), !=, VG_GAUGE_LEVEL_UNKNOWN);
  g_assert_finalize_object (situation);

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  gauge = vg_picture_lookup_gauge (vg_situation_get_picture (situation), "Y321002101");
  g_assert_true (vg_gauge_get_latest (gauge, FALSE, &reopened));
  g_assert_cmpint (reopened.time, ==, latest.time);
  g_assert_cmpfloat (reopened.value, ==, latest.value);
  {
    guint n;

    vg_gauge_get_readings (gauge, FALSE, &n);
    g_assert_cmpuint (n, ==, n_readings);
  }
  g_assert_finalize_object (situation);
  vg_test_rmtree (dir);
}

/* A payload that does not parse is kept as evidence and marks its feed failing; what was
 * already known stays. A biometric field is refused, and the refusal is journaled with why. */
static void
test_bad_payloads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "bad.vigie-journal", NULL);
  g_autoptr(GBytes) hubeau = read_fixture ("feeds/hubeau/observations_tr-montpellier.json");
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (hubeau, 0, g_bytes_get_size (hubeau) / 2);
  g_autoptr(GBytes) biometric = read_fixture ("feeds/cap/biometric-parameter.xml");
  g_autoptr(VgSituation) situation = NULL;
  VgFeedHealth *health;
  VgGauge *gauge;
  guint before;

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_true (vg_situation_declare_feed (situation, "hubeau-lez", VG_FEED_KIND_HUBEAU, NULL, &error));
  g_assert_true (vg_situation_declare_feed (situation, "cap", VG_FEED_KIND_CAP, NULL, &error));
  g_assert_true (vg_situation_ingest_payload (situation, "hubeau-lez", "https://example.invalid/h", "application/json",
                                              vg_clock_get_now_usec (clock), hubeau, NULL, &error));
  gauge = vg_picture_lookup_gauge (vg_situation_get_picture (situation), "Y321002101");
  vg_gauge_get_readings (gauge, FALSE, &before);

  g_assert_false (vg_situation_ingest_payload (situation, "hubeau-lez", "https://example.invalid/h", "application/json",
                                               vg_clock_get_now_usec (clock) + 1, truncated, NULL, &error));
  g_assert_error (error, VG_FEED_ERROR, VG_FEED_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_cmpuint (count_kind (vg_situation_get_journal (situation), VG_JOURNAL_KIND_RAW_FEED_PAYLOAD), ==, 2);
  health = vg_picture_ensure_feed (vg_situation_get_picture (situation), "hubeau-lez", 0);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_FAILING);
  {
    guint after;

    vg_gauge_get_readings (gauge, FALSE, &after);
    g_assert_cmpuint (after, ==, before);
  }

  /* An undeclared feed is refused outright. */
  g_assert_false (vg_situation_ingest_payload (situation, "nobody", "https://example.invalid", "application/json",
                                               vg_clock_get_now_usec (clock), hubeau, NULL, &error));
  g_assert_error (error, VG_FEED_ERROR, VG_FEED_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  vg_situation_ingest_payload (situation, "cap", "https://example.invalid/cap", "application/cap+xml",
                               vg_clock_get_now_usec (clock), biometric, NULL, &error);
  g_clear_error (&error);
  g_assert_true (journal_has_refusal (vg_situation_get_journal (situation)));
  vg_test_rmtree (dir);
}

/* --- nothing refused is stored (issue 4) --- */

/* @relpath with the first @from replaced by @to. */
static GBytes *
read_fixture_edited (const char *relpath,
                     const char *from,
                     const char *to)
{
  g_autoptr(GBytes) bytes = read_fixture (relpath);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char *at = strstr (text, from);
  GString *edited;

  g_assert_nonnull (at);
  edited = g_string_new_len (text, at - text);
  g_string_append (edited, to);
  g_string_append (edited, at + strlen (from));
  return g_string_free_to_bytes (edited);
}

/* No stored raw payload of the journal at @path holds any of @forbidden. */
static void
assert_raw_payloads_clean (const char         *path,
                           const char * const *forbidden)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data FROM raw_payloads", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *data = g_strndup (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));

      for (guint i = 0; forbidden[i] != NULL; i++)
        if (strstr (data, forbidden[i]) != NULL)
          g_error ("“%s” was stored in a raw payload", forbidden[i]);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gboolean
last_raw_cb (VgJournalEntry  *entry,
             VgJournalEntry **last)
{
  g_clear_pointer (last, vg_journal_entry_unref);
  *last = vg_journal_entry_ref (entry);
  return TRUE;
}

/* The last raw-feed-payload entry of @journal. */
static VgJournalEntry *
last_raw_entry (VgJournal *journal)
{
  VgJournalEntry *last = NULL;
  VgJournalFilter filter;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_RAW_FEED_PAYLOAD);
  g_assert_true (vg_journal_foreach (journal, &filter, (VgJournalForeachFunc) (void (*) (void)) last_raw_cb, &last, NULL));
  g_assert_nonnull (last);
  return last;
}

/* Warnings in the history (every version kept), in force or not. */
static guint
count_warning_keys (VgSituation *situation)
{
  g_autoptr(GPtrArray) keys = vg_warning_history_dup_keys (vg_picture_get_warning_history (vg_situation_get_picture (situation)));

  return keys->len;
}

/* Ingests @payload as @kind; the raw entry journalled names the original (hash, size) and
 * withholds @n_withheld things naming @field; the picture shows at least @expected_in_picture
 * warnings and incidents (the history's included); the stored copy (if @stored) parses back to the
 * same records and holds none of @forbidden, the journal verifies, and a reopened situation
 * shows the same picture. */
static void
check_withheld (VgFeedKind          kind,
                const char         *content_type,
                GBytes             *payload,
                gboolean            stored,
                guint               n_withheld,
                const char         *field,
                const char * const *forbidden,
                guint               expected_in_picture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "withheld.vigie-journal", NULL);
  g_autoptr(VgFeedBatch) batch = NULL;
  g_autoptr(VgJournalEntry) raw = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *original = NULL;
  g_autofree char *not_stored = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  JsonArray *withheld;
  VgSituation *situation;
  guint n_warnings, n_incidents, n_keys;
  gint64 size = -1;

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_declare_feed (situation, "f", kind, NULL, &error));
  g_assert_true (vg_situation_ingest_payload (situation, "f", "https://example.invalid/f", content_type,
                                              vg_clock_get_now_usec (clock), payload, &batch, &error));
  g_assert_no_error (error);

  raw = last_raw_entry (vg_situation_get_journal (situation));
  original = vg_journal_entry_dup_string (raw, "original_sha256");
  g_checksum_update (checksum, g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  g_assert_cmpstr (original, ==, g_checksum_get_string (checksum));
  g_assert_true (vg_journal_entry_get_int (raw, "original_size", &size));
  g_assert_cmpint (size, ==, g_bytes_get_size (payload));
  withheld = json_object_get_array_member (json_node_get_object (vg_journal_entry_get_payload (raw)), "withheld");
  g_assert_cmpuint (json_array_get_length (withheld), ==, n_withheld);
  for (guint i = 0; i < n_withheld; i++)
    {
      JsonObject *w = json_array_get_object_element (withheld, i);

      g_assert_nonnull (json_object_get_string_member (w, "position"));
      g_assert_nonnull (json_object_get_string_member (w, "reason"));
      if (i == 0)
        g_assert_nonnull (strstr (json_object_get_string_member (w, "field"), field));
    }

  sha = vg_journal_entry_dup_string (raw, "sha256");
  not_stored = vg_journal_entry_dup_string (raw, "not_stored");
  if (stored)
    {
      g_autoptr(GBytes) copy = vg_journal_dup_raw_payload (vg_situation_get_journal (situation), sha, &error);
      g_autoptr(GDateTime) received = g_date_time_new_now_utc ();
      g_autoptr(VgFeedBatch) again = NULL;
      gboolean sanitised = FALSE;

      g_assert_no_error (error);
      g_assert_null (not_stored);
      g_assert_true (vg_journal_entry_get_boolean (raw, "sanitised", &sanitised) && sanitised);
      again = vg_feed_parse (kind, "f", received, copy, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (vg_feed_batch_get_n_records (again), ==, vg_feed_batch_get_n_records (batch));
      g_assert_cmpuint (vg_feed_batch_get_n_records (again), >, 0);
      g_assert_cmpuint (vg_feed_batch_get_refusals (again)->len, ==,
                        vg_feed_batch_get_refusals (batch)->len - n_withheld);
    }
  else
    {
      g_assert_null (sha);
      g_assert_nonnull (not_stored);
      g_assert_cmpuint (vg_feed_batch_get_n_records (batch), ==, 0);
    }
  n_warnings = g_list_model_get_n_items (vg_picture_get_warnings (vg_situation_get_picture (situation)));
  n_incidents = g_list_model_get_n_items (vg_picture_get_incidents (vg_situation_get_picture (situation)));
  n_keys = count_warning_keys (situation);
  g_assert_cmpuint (n_warnings + n_incidents + n_keys, >=, expected_in_picture);
  g_assert_finalize_object (situation);

  assert_raw_payloads_clean (path, forbidden);
  g_assert_true (vg_journal_verify_file (path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The picture rebuilt from the journal, by parsing the stored copy again, is the same. */
  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vg_picture_get_warnings (vg_situation_get_picture (situation))), ==, n_warnings);
  g_assert_cmpuint (g_list_model_get_n_items (vg_picture_get_incidents (vg_situation_get_picture (situation))), ==, n_incidents);
  g_assert_cmpuint (count_warning_keys (situation), ==, n_keys);
  g_assert_finalize_object (situation);
  vg_test_rmtree (dir);
}

/* A CAP alert with a biometric parameter is refused whole: no bytes of it are stored, only
 * its hash, size and why. */
static void
test_withheld_cap_biometric (void)
{
  g_autoptr(GBytes) cap = read_fixture ("feeds/cap/biometric-parameter.xml");
  static const char * const forbidden[] = { "facialRecognitionMatch", "camera-17", NULL };

  check_withheld (VG_FEED_KIND_CAP, "application/cap+xml", cap, FALSE, 1, "parameter", forbidden, 0);
}

/* A CAP alert with an embedded image: the warning is kept and stored without the image. */
static void
test_withheld_cap_image (void)
{
  g_autoptr(GBytes) cap = read_fixture ("feeds/cap/embedded-image.xml");
  static const char * const forbidden[] = { "<derefUri", "R0lGODlh", NULL };

  check_withheld (VG_FEED_KIND_CAP, "application/cap+xml", cap, TRUE, 1, "derefUri", forbidden, 1);
}

/* GeoJSON: a feature with a voice print is left out, a photo as a data: URI is stripped, the
 * other incidents are stored and rebuilt. */
static void
test_withheld_geojson (void)
{
  g_autoptr(GBytes) voice = read_fixture_edited ("feeds/geojson/incidents-montpellier.geojson", "\"street\": \"A9\",",
                                                 "\"street\": \"A9\", \"witness\": {\"voice_print\": \"vp-8812\"},");
  g_autofree char *text = g_strndup (g_bytes_get_data (voice, NULL), g_bytes_get_size (voice));
  const char *from = "\"title\": \"Zone inondée à Lattes (Port Ariane)\",";
  char *at = strstr (text, from);
  g_autoptr(GString) edited = g_string_new_len (text, at - text);
  g_autoptr(GBytes) both = NULL;
  static const char * const forbidden[] = { "voice_print", "vp-8812", "data:image", "/9j/4AAQSkZJRg", NULL };

  g_string_append (edited, "\"title\": \"Zone inondée à Lattes (Port Ariane)\", \"photo\": \"data:image/jpeg;base64,/9j/4AAQSkZJRg==\",");
  g_string_append (edited, at + strlen (from));
  both = g_bytes_new (edited->str, edited->len);
  check_withheld (VG_FEED_KIND_GEOJSON, "application/geo+json", both, TRUE, 2, "voice_print", forbidden, 4);
}

/* SensorThings: a Datastream counting faces, and a Thing carrying a fingerprint, are left out
 * with their observations; the others are stored. */
static void
test_withheld_sensorthings (void)
{
  g_autoptr(GBytes) faces = read_fixture_edited ("feeds/sensorthings/things-lez.json",
                                                 "\"name\": \"Air temperature\",\n          \"observationType\"",
                                                 "\"name\": \"Face count\",\n          \"observationType\"");
  static const char * const forbidden[] = { "Face count", NULL };
  g_autoptr(GBytes) fingerprint = read_fixture_edited ("feeds/sensorthings/things-lez.json", "\"river\": \"Le Lez\"",
                                                       "\"fingerprint_hash\": \"fp-5531\"");
  static const char * const forbidden_fp[] = { "fingerprint", "fp-5531", NULL };

  check_withheld (VG_FEED_KIND_SENSORTHINGS, "application/json", faces, TRUE, 1, "name", forbidden, 0);
  check_withheld (VG_FEED_KIND_SENSORTHINGS, "application/json", fingerprint, TRUE, 1, "fingerprint_hash", forbidden_fp, 0);
}

/* An incident an operator types in is journalled as an "incident" entry signed by them, is in
 * the picture at once, and is there again when the journal is reopened; a bad one is refused
 * and nothing is written. */
static void
test_operator_incident (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "live.vigie-journal", NULL);
  g_autofree char *id = NULL;
  g_autoptr(VgIncident) shown = NULL;
  VgOperatorIncident fields = { VG_INCIDENT_HAZARD, VG_SEVERITY_SEVERE, "  Lez over the road at Pont Juvénal ",
                                "Water across both lanes", 43.6047, 3.8940 };
  VgJournalFilter filter;
  VgSituation *situation;
  GListModel *incidents;
  const double *bbox;
  guint64 seq = 0, last;
  guint n = 0;

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_add_incident (situation, "Claire Martin", &fields, &id, &seq, &error));
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpuint (seq, >, 1);

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_INCIDENT);
  filter.author = "Claire Martin";
  filter.source = VG_SITUATION_OPERATOR_SOURCE;
  g_assert_true (vg_journal_foreach (vg_situation_get_journal (situation), &filter,
                                     (VgJournalForeachFunc) (void (*) (void)) count_cb, &n, NULL));
  g_assert_cmpuint (n, ==, 1);

  incidents = vg_picture_get_incidents (vg_situation_get_picture (situation));
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  shown = g_list_model_get_item (incidents, 0);
  g_assert_cmpstr (vg_incident_get_source_id (shown), ==, id);
  g_assert_cmpstr (vg_incident_get_title (shown), ==, "Lez over the road at Pont Juvénal");
  g_assert_cmpstr (vg_incident_get_description (shown), ==, "Water across both lanes");
  g_assert_cmpstr (vg_incident_get_authority (shown), ==, "Claire Martin");
  g_assert_cmpint (vg_incident_get_kind (shown), ==, VG_INCIDENT_HAZARD);
  g_assert_cmpint (vg_incident_get_severity (shown), ==, VG_SEVERITY_SEVERE);
  g_assert_cmpint (vg_incident_get_start (shown), ==, vg_clock_get_now_usec (clock));
  bbox = vg_shape_set_get_bbox (vg_incident_get_geometry (shown), 0);
  g_assert_cmpfloat_with_epsilon (bbox[0], 3.8940, 1e-9);
  g_assert_cmpfloat_with_epsilon (bbox[1], 43.6047, 1e-9);
  g_clear_object (&shown);

  /* Refused: no title, a position off the globe, a read-only journal. Nothing written. */
  last = vg_journal_state_get_last_seq (vg_journal_get_state (vg_situation_get_journal (situation)));
  fields.title = "   ";
  g_assert_false (vg_situation_add_incident (situation, "Claire Martin", &fields, NULL, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Claire Martin"));
  g_clear_error (&error);
  fields.title = "Tree down";
  fields.latitude = 143.6;
  g_assert_false (vg_situation_add_incident (situation, "Claire Martin", &fields, NULL, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Tree down"));
  g_clear_error (&error);
  g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (vg_situation_get_journal (situation))), ==, last);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  g_assert_finalize_object (situation);

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  incidents = vg_picture_get_incidents (vg_situation_get_picture (situation));
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  shown = g_list_model_get_item (incidents, 0);
  g_assert_cmpstr (vg_incident_get_source_id (shown), ==, id);
  g_assert_cmpstr (vg_incident_get_title (shown), ==, "Lez over the road at Pont Juvénal");
  g_assert_cmpint (vg_incident_get_severity (shown), ==, VG_SEVERITY_SEVERE);
  g_clear_object (&shown);
  /* A second one gets its own id; both stay. */
  fields.latitude = 43.61;
  g_assert_true (vg_situation_add_incident (situation, "Marc Roux", &fields, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 2);
  g_assert_finalize_object (situation);
  vg_test_rmtree (dir);
}

/* An incident another process records (`vigie-cli incident add` in a drill) reaches the open
 * situation's picture on refresh, once. */
static void
test_operator_incident_other_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "drill.vigie-journal", NULL);
  g_autoptr(VgSituation) situation = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("VIGIE_CLI"), "incident", "add", "--journal", path, "--operator", "Exercise controller",
                         "--title", "Inject 4: car swept away at Lavalette", "--lat", "43.6415", "--lon", "3.8745",
                         "--severity", "extreme", NULL };
  GListModel *incidents;

  situation = vg_situation_open_or_create (path, clock, "Drill", TRUE, &error);
  g_assert_no_error (error);
  incidents = vg_picture_get_incidents (vg_situation_get_picture (situation));
  g_assert_cmpint (vg_test_run (argv, &out, &err), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 0);
  vg_situation_refresh (situation);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  vg_situation_refresh (situation);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/situation/notes-in-log", test_notes_in_log);
  g_test_add_func ("/vigie/situation/refresh-picks-up-other-writers", test_refresh_picks_up_other_writers);
  g_test_add_func ("/vigie/situation/broken-journal-is-read-only", test_broken_journal_is_read_only);
  g_test_add_func ("/vigie/situation/ingest-and-rebuild", test_ingest_and_rebuild);
  g_test_add_func ("/vigie/situation/bad-payloads", test_bad_payloads);
  g_test_add_func ("/vigie/situation/operator-incident", test_operator_incident);
  g_test_add_func ("/vigie/situation/operator-incident-other-writer", test_operator_incident_other_writer);
  g_test_add_func ("/vigie/situation/withheld/cap-biometric", test_withheld_cap_biometric);
  g_test_add_func ("/vigie/situation/withheld/cap-image", test_withheld_cap_image);
  g_test_add_func ("/vigie/situation/withheld/geojson", test_withheld_geojson);
  g_test_add_func ("/vigie/situation/withheld/sensorthings", test_withheld_sensorthings);

  return g_test_run ();
}
