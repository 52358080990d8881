/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vg-error.h"
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

  return g_test_run ();
}
