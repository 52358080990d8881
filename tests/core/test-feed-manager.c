/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * Live feeds end to end, against the hostile loopback server: a gauge feed delivers, fails
 * (500, garbage), is marked failing with the reason while its last good readings stay, and
 * recovers by itself; the journal hears of each change of state once.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "vg-error.h"
#include "vg-feed-manager.h"
#include "vg-test-server.h"
#include "vg-test-util.h"

#define PATH "/hubeau.json"

static const char *self_exe;

typedef struct
{
  char          *dir;
  VgTestServer  *server;
  VgClock       *clock;
  VgSituation   *situation;
  VgFeedManager *manager;
  char          *hubeau;
} Fixture;

static gboolean
spin_until (gboolean (*done) (Fixture *f),
            Fixture  *f,
            guint     max_ms)
{
  gint64 end = g_get_monotonic_time () + max_ms * 1000;

  while (!done (f) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return done (f);
}

static VgFeedHealth *
health (Fixture *f)
{
  return vg_picture_ensure_feed (vg_situation_get_picture (f->situation), "hubeau-test", 0);
}

static gboolean
has_readings (Fixture *f)
{
  VgGauge *gauge = vg_picture_lookup_gauge (vg_situation_get_picture (f->situation), "Y321002101");

  return gauge != NULL && vg_gauge_get_latest (gauge, FALSE, NULL);
}

static gboolean
is_failing (Fixture *f)
{
  return vg_feed_health_get_state (health (f)) == VG_FEED_STATE_FAILING;
}

static gboolean
is_ok (Fixture *f)
{
  return vg_feed_health_get_state (health (f)) == VG_FEED_STATE_OK;
}

static gboolean
count_failing_cb (VgJournalEntry *entry,
                  guint          *n)
{
  g_autofree char *event = vg_journal_entry_dup_string (entry, "event");

  *n += g_strcmp0 (event, "failing") == 0;
  return TRUE;
}

static guint
journaled_failures (Fixture *f)
{
  VgJournalFilter filter;
  guint n = 0;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_FEED_HEALTH);
  g_assert_true (vg_journal_foreach (vg_situation_get_journal (f->situation), &filter,
                                     (VgJournalForeachFunc) (void (*) (void)) count_failing_cb, &n, NULL));
  return n;
}

static gboolean
collect_cb (VgJournalEntry *entry,
            GPtrArray      *entries)
{
  g_ptr_array_add (entries, vg_journal_entry_ref (entry));
  return TRUE;
}

/* Versions of every warning in the situation's history. */
static guint
count_cap_versions (Fixture *f)
{
  VgWarningHistory *history = vg_picture_get_warning_history (vg_situation_get_picture (f->situation));
  g_autoptr(GPtrArray) keys = vg_warning_history_dup_keys (history);
  guint n = 0;

  for (guint i = 0; i < keys->len; i++)
    n += vg_warning_history_get_versions (history, g_ptr_array_index (keys, i))->len;
  return n;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = vg_test_data_path ("feeds/hubeau/observations_tr-montpellier.json");
  g_autofree char *journal = NULL;
  g_autofree char *url = NULL;
  g_autoptr(VgFeedConfig) config = vg_feed_config_new ();
  g_autoptr(VgFeedSource) source = NULL;

  g_assert_true (g_file_get_contents (fixture, &f->hubeau, NULL, NULL));
  f->dir = vg_test_mkdtemp ();
  journal = g_build_filename (f->dir, "live.vigie-journal", NULL);
  f->server = vg_test_server_new (FALSE);
  url = vg_test_server_dup_url (f->server, PATH);
  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok (f->hubeau, "application/json"));

  f->clock = vg_clock_new_wall ();
  f->situation = vg_situation_open_or_create (journal, f->clock, "Test", FALSE, &error);
  g_assert_no_error (error);
  /* A short interval and a floor of back-off under a second, so a test sees several polls. */
  source = g_object_new (VG_TYPE_FEED_SOURCE, "id", "hubeau-test", "name", "Hub'Eau (test)", "kind", "hubeau",
                         "url", url, "interval-ms", 150, "timeout-ms", 2000, "max-bytes", 1024 * 1024, NULL);
  vg_feed_config_set_source (config, source);
  f->manager = vg_feed_manager_new (f->situation, config, &error);
  g_assert_no_error (error);
  vg_feed_manager_start (f->manager);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vg_feed_manager_stop (f->manager);
  g_clear_object (&f->manager);
  g_clear_object (&f->situation);
  g_clear_object (&f->clock);
  g_clear_object (&f->server);
  /* Let closed connections and cancelled fetches free themselves from the main loop, as the
   * poller tests do (leak checkers run at exit). */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  vg_test_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->hubeau);
}

/* Delivers, fails on a 500 (last readings kept, failure journaled once however many retries),
 * recovers when the server heals. */
static void
test_fail_and_recover (Fixture       *f,
                       gconstpointer  data)
{
  VgGauge *gauge;
  guint before, retries_before;

  g_assert_true (spin_until (has_readings, f, 5000));
  gauge = vg_picture_lookup_gauge (vg_situation_get_picture (f->situation), "Y321002101");
  vg_gauge_get_readings (gauge, FALSE, &before);
  g_assert_cmpuint (journaled_failures (f), ==, 0);

  vg_test_server_set (f->server, PATH, vg_test_reply_new_status (500, NULL));
  g_assert_true (spin_until (is_failing, f, 5000));
  g_assert_nonnull (strstr (vg_feed_health_get_error_message (health (f)), "500"));
  retries_before = vg_test_server_get_request_count (f->server, PATH);
  while (vg_test_server_get_request_count (f->server, PATH) < retries_before + 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (journaled_failures (f), ==, 1);
  {
    guint after;

    vg_gauge_get_readings (gauge, FALSE, &after);
    g_assert_cmpuint (after, ==, before);   /* the last good data stays */
  }

  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok (f->hubeau, "application/json"));
  g_assert_true (spin_until (is_ok, f, 10000));
}

/* A payload that does not parse: kept as evidence, feed failing with the parser's reason. */
static void
test_garbage_then_valid (Fixture       *f,
                         gconstpointer  data)
{
  g_assert_true (spin_until (has_readings, f, 5000));
  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok ("{\"data\": [", "application/json"));
  g_assert_true (spin_until (is_failing, f, 5000));
  g_assert_nonnull (vg_feed_health_get_error_message (health (f)));
  g_assert_cmpuint (journaled_failures (f), >=, 1);
  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok (f->hubeau, "application/json"));
  g_assert_true (spin_until (is_ok, f, 10000));
}

static gboolean
count_raw_cb (VgJournalEntry *entry,
              guint          *n)
{
  (*n)++;
  return TRUE;
}

static guint
journaled_payloads (Fixture *f)
{
  VgJournalFilter filter;
  guint n = 0;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_RAW_FEED_PAYLOAD);
  g_assert_true (vg_journal_foreach (vg_situation_get_journal (f->situation), &filter,
                                     (VgJournalForeachFunc) (void (*) (void)) count_raw_cb, &n, NULL));
  return n;
}

static gboolean
has_two_payloads (Fixture *f)
{
  return journaled_payloads (f) >= 2;
}

/* The child of /vigie/feed-manager/journal-full: a live feed whose journal runs out of room
 * (RLIMIT_FSIZE, soft limit only, so it can be lifted again: the disk has room again). Prints
 * "FAILING <0|1> <reason>" once the new payload could not be journalled, then "RECORDED <0|1>
 * <n>" once room is back. */
static int
journal_full_child (void)
{
  Fixture f = { 0 };
  g_autofree char *bigger = NULL;
  g_autofree char *padding = g_strnfill (64 * 1024, ' ');
  g_autofree char *wal = NULL;
  struct rlimit limit;
  GStatBuf st, wal_st;
  gboolean ok;

  /* The journal's own warnings (it cannot record the failure either) are expected here. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
  fixture_set_up (&f, NULL);
  if (!spin_until (has_readings, &f, 5000) || journaled_payloads (&f) != 1)
    return 2;

  wal = g_strconcat (vg_journal_get_path (vg_situation_get_journal (f.situation)), "-wal", NULL);
  g_assert_cmpint (g_stat (vg_journal_get_path (vg_situation_get_journal (f.situation)), &st), ==, 0);
  if (g_stat (wal, &wal_st) != 0)
    wal_st.st_size = 0;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = MAX (st.st_size, wal_st.st_size) + 4096;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  /* New content (the same readings, 64 KiB more whitespace): a new raw payload to journal. */
  bigger = g_strconcat (f.hubeau, padding, NULL);
  vg_test_server_set (f.server, PATH, vg_test_reply_new_ok (bigger, "application/json"));
  ok = spin_until (is_failing, &f, 5000);
  dprintf (STDOUT_FILENO, "FAILING %d %s\n", ok, vg_feed_health_get_error_message (health (&f)));

  /* Room again: the next poll fetches the payload whole (no 304) and journals it. */
  limit.rlim_cur = limit.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = spin_until (has_two_payloads, &f, 10000) && spin_until (is_ok, &f, 10000);
  dprintf (STDOUT_FILENO, "RECORDED %d %u\n", ok, journaled_payloads (&f));
  fixture_tear_down (&f, NULL);
  return 0;
}

/* The journal cannot take a payload (disk full): the feed fails with the journal's reason, the
 * payload is not taken as received, and once there is room it is fetched again in full and
 * journalled (a 304 must not confirm what was never recorded). */
static void
test_journal_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autofree char *out = NULL;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_exe, "--journal-full-child", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (child, NULL, NULL, &out_bytes, NULL, &error);
  g_assert_no_error (error);
  out = g_strndup (g_bytes_get_data (out_bytes, NULL), g_bytes_get_size (out_bytes));
  g_test_message ("%s", out);
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  /* (The child's g_test_init() prints its random seed first.) */
  g_assert_nonnull (strstr (out, "FAILING 1 Journal “"));
  g_assert_nonnull (strstr (out, "live.vigie-journal”: cannot write"));
  g_assert_nonnull (strstr (out, "\nRECORDED 1 2\n"));
}


/* --- MeteoAlarm: the CAP messages an index links to (issue 4) --- */

#define ATOM_PATH "/meteoalarm-france.atom"
#define CAP_ORANGE "/cap/herault-orange.xml"
#define CAP_YELLOW "/cap/herault-yellow.xml"
#define CAP_GARD "/cap/gard.xml"

static char *
read_text (const char *relpath)
{
  g_autofree char *path = vg_test_data_path (relpath);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* @text with every @from replaced by @to. */
static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  g_assert_cmpuint (g_strv_length (parts), >, 1);
  return g_strjoinv (to, parts);
}

static gboolean
index_polled_twice (Fixture *f)
{
  return vg_test_server_get_request_count (f->server, ATOM_PATH) >= 2 &&
         vg_test_server_get_request_count (f->server, CAP_ORANGE) >= 1 &&
         vg_test_server_get_request_count (f->server, CAP_YELLOW) >= 1 &&
         count_cap_versions (f) >= 2;
}

static guint
count_raw_cb_for (VgJournal  *journal,
                  const char *feed)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  VgJournalFilter filter;
  guint n = 0;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_RAW_FEED_PAYLOAD);
  g_assert_true (vg_journal_foreach (journal, &filter, (VgJournalForeachFunc) (void (*) (void)) collect_cb, entries, NULL));
  for (guint i = 0; i < entries->len; i++)
    n += g_strcmp0 (vg_journal_entry_get_source (g_ptr_array_index (entries, i)), feed) == 0;
  return n;
}

/* The index is polled; its Hérault entries (FRJ13, and FR813 under NUTS 2013) are fetched
 * once each as CAP and become warnings; Gard's is not fetched; polling the same index again
 * fetches nothing more, nor does the situation reopened with a new manager. */
static void
test_meteoalarm_fetches_cap (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedConfig) config = vg_feed_config_new ();
  g_autoptr(VgFeedSource) source = NULL;
  g_autofree char *atom = read_text ("feeds/meteoalarm/atom-france.xml");
  g_autofree char *orange = read_text ("feeds/cap/meteofrance-herault-orages-2-orange.xml");
  g_autofree char *yellow = read_text ("feeds/cap/meteofrance-herault-orages-1-jaune.xml");
  g_autofree char *gard = read_text ("feeds/cap/meteofrance-vigilance-jaune-orages-20220810.xml");
  g_autofree char *journal = NULL;
  g_autofree char *url = NULL;
  g_autofree char *orange_url = NULL, *yellow_url = NULL, *gard_url = NULL;
  g_autofree char *step1 = NULL, *step2 = NULL, *step3 = NULL;
  g_autoptr(GString) index = NULL;
  guint atom_requests;

  f->dir = vg_test_mkdtemp ();
  journal = g_build_filename (f->dir, "meteoalarm.vigie-journal", NULL);
  f->server = vg_test_server_new (FALSE);
  url = vg_test_server_dup_url (f->server, ATOM_PATH);
  orange_url = vg_test_server_dup_url (f->server, CAP_ORANGE);
  yellow_url = vg_test_server_dup_url (f->server, CAP_YELLOW);
  gard_url = vg_test_server_dup_url (f->server, CAP_GARD);

  /* The real sample's links point back to this server; a third entry, the first (yellow)
   * version geocoded in NUTS 2013 (FR813), is added. */
  step1 = replace_all (atom, "href=\"https://feeds.meteoalarm.org/api/v1/warnings/feeds-france/0c1b7a0e-2f5d-4a8c-9d3e-6f1a2b3c4d51\"",
                       "href=\"@ORANGE@\"");
  step2 = replace_all (step1, "href=\"https://feeds.meteoalarm.org/api/v1/warnings/feeds-france/7d4e2c91-88a0-4f6b-b2c1-0e9f8a7b6c52\"",
                       "href=\"@GARD@\"");
  index = g_string_new (step2);
  g_string_truncate (index, strstr (index->str, "</feed>") - index->str);
  g_string_append (index,
                   "  <entry>\n"
                   "    <id>urn:test:herault-yellow</id>\n"
                   "    <title>Yellow Thunderstorm Warning issued for France - Hérault</title>\n"
                   "    <updated>2024-10-16T10:00:00Z</updated>\n"
                   "    <link href=\"@YELLOW@\" type=\"application/cap+xml\"/>\n"
                   "    <cap:identifier>2.49.0.0.250.0.FR.20241016120000.100001</cap:identifier>\n"
                   "    <cap:areaDesc>Hérault</cap:areaDesc>\n"
                   "    <cap:event>Moderate thunderstorm warning</cap:event>\n"
                   "    <cap:severity>Moderate</cap:severity>\n"
                   "    <cap:status>Actual</cap:status>\n"
                   "    <cap:message_type>Alert</cap:message_type>\n"
                   "    <cap:geocode><cap:valueName>NUTS3</cap:valueName><cap:value>FR813</cap:value></cap:geocode>\n"
                   "  </entry>\n"
                   "</feed>\n");
  g_free (step1);
  step1 = replace_all (index->str, "@ORANGE@", orange_url);
  g_free (step2);
  step2 = replace_all (step1, "@GARD@", gard_url);
  step3 = replace_all (step2, "@YELLOW@", yellow_url);
  vg_test_server_set (f->server, ATOM_PATH, vg_test_reply_new_ok (step3, "application/atom+xml"));
  vg_test_server_set (f->server, CAP_ORANGE, vg_test_reply_new_ok (orange, "application/cap+xml"));
  vg_test_server_set (f->server, CAP_YELLOW, vg_test_reply_new_ok (yellow, "application/cap+xml"));
  vg_test_server_set (f->server, CAP_GARD, vg_test_reply_new_ok (gard, "application/cap+xml"));

  f->clock = vg_clock_new_wall ();
  f->situation = vg_situation_open_or_create (journal, f->clock, "Test", FALSE, &error);
  g_assert_no_error (error);
  source = g_object_new (VG_TYPE_FEED_SOURCE, "id", "meteoalarm-fr", "name", "MeteoAlarm", "kind", "meteoalarm-atom",
                         "url", url, "interval-ms", 150, "timeout-ms", 2000, "max-bytes", 1024 * 1024, NULL);
  vg_feed_config_set_source (config, source);
  f->manager = vg_feed_manager_new (f->situation, config, &error);
  g_assert_no_error (error);
  vg_feed_manager_start (f->manager);

  g_assert_true (spin_until (index_polled_twice, f, 10000));
  /* A few more polls of the same index. */
  atom_requests = vg_test_server_get_request_count (f->server, ATOM_PATH);
  while (vg_test_server_get_request_count (f->server, ATOM_PATH) < atom_requests + 2)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (vg_test_server_get_request_count (f->server, CAP_ORANGE), ==, 1);
  g_assert_cmpuint (vg_test_server_get_request_count (f->server, CAP_YELLOW), ==, 1);
  g_assert_cmpuint (vg_test_server_get_request_count (f->server, CAP_GARD), ==, 0);
  g_assert_cmpuint (count_raw_cb_for (vg_situation_get_journal (f->situation), "meteoalarm-fr/cap"), ==, 2);
  /* Both versions of the Hérault thunderstorm warning are in its history. */
  g_assert_cmpuint (count_cap_versions (f), ==, 2);

  /* Reopened, the situation has them from its journal, and does not fetch them again. */
  vg_feed_manager_stop (f->manager);
  g_clear_object (&f->manager);
  g_assert_finalize_object (f->situation);
  f->situation = vg_situation_open_or_create (journal, f->clock, "Test", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_cap_versions (f), ==, 2);
  f->manager = vg_feed_manager_new (f->situation, config, &error);
  g_assert_no_error (error);
  vg_feed_manager_start (f->manager);
  atom_requests = vg_test_server_get_request_count (f->server, ATOM_PATH);
  while (vg_test_server_get_request_count (f->server, ATOM_PATH) < atom_requests + 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (vg_test_server_get_request_count (f->server, CAP_ORANGE), ==, 1);
  g_assert_cmpuint (vg_test_server_get_request_count (f->server, CAP_YELLOW), ==, 1);
  g_assert_cmpuint (vg_test_server_get_request_count (f->server, CAP_GARD), ==, 0);
  g_assert_cmpuint (count_raw_cb_for (vg_situation_get_journal (f->situation), "meteoalarm-fr/cap"), ==, 2);

  fixture_tear_down (f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 2 && g_str_equal (argv[1], "--journal-full-child"))
    {
      int child_argc = 1;   /* the test helpers need g_test_init(); the flag is not its own */

      g_test_init (&child_argc, &argv, NULL);
      return journal_full_child ();
    }
  self_exe = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vigie/feed-manager/fail-and-recover", Fixture, NULL, fixture_set_up, test_fail_and_recover, fixture_tear_down);
  g_test_add ("/vigie/feed-manager/garbage-then-valid", Fixture, NULL, fixture_set_up, test_garbage_then_valid, fixture_tear_down);
  g_test_add_func ("/vigie/feed-manager/journal-full", test_journal_full);
  g_test_add_func ("/vigie/feed-manager/meteoalarm-fetches-cap", test_meteoalarm_fetches_cap);

  return g_test_run ();
}
