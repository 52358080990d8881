/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * The hostile feed run (issue 10): live feeds of one situation, end to end through
 * VgFeedManager, against the loopback server playing every failure mode of a real server in
 * turn. For each fault: the feed is marked failing with the reason, keeps its last good
 * readings (which turn stale), and recovers by itself once the server heals; the other feeds
 * are unaffected. Main-loop latency over the whole run is printed, never asserted (a shared
 * 2-core machine gives no reliable time).
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "vg-error.h"
#include "vg-feed-manager.h"
#include "vg-test-server.h"
#include "vg-test-util.h"

#define PATH      "/hubeau.json"
#define GAUGE     "Y321002101"
#define JSON      "application/json"
#define MAX_BYTES (1024 * 1024)

typedef struct
{
  char          *dir;
  VgTestServer  *server;
  VgTestServer  *tls;
  VgClock       *clock;
  VgSituation   *situation;
  VgFeedManager *manager;
  char          *hubeau;
  /* Main-loop latency: the gaps between ticks of a 10 ms timeout. */
  gint64         last_tick;
  gint64         max_gap;
  gint64         phase_max_gap;   /* since the current fault was injected */
  guint          n_ticks;
  guint          n_gaps_over_50ms;
} Fixture;

static gboolean
latency_tick_cb (gpointer user_data)
{
  Fixture *f = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - f->last_tick;

  f->max_gap = MAX (f->max_gap, gap);
  f->phase_max_gap = MAX (f->phase_max_gap, gap);
  f->n_gaps_over_50ms += gap > 50 * 1000;
  f->n_ticks++;
  f->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static VgFeedHealth *
health (Fixture    *f,
        const char *feed)
{
  return vg_picture_ensure_feed (vg_situation_get_picture (f->situation), feed, 0);
}

/* The poller's own view (retries, next attempt), behind the picture's. */
static VgFeedHealth *
polled_health (Fixture    *f,
               const char *feed)
{
  return vg_feed_poller_get_health (vg_feed_manager_get_poller (f->manager), feed);
}

static guint
n_readings (Fixture *f)
{
  VgGauge *gauge = vg_picture_lookup_gauge (vg_situation_get_picture (f->situation), GAUGE);
  guint n = 0;

  if (gauge != NULL)
    vg_gauge_get_readings (gauge, FALSE, &n);
  return n;
}

/* What the picture and the poller say of the hostile feed, for a failure message. */
static const char *
describe (Fixture *f)
{
  static char text[1024];
  VgFeedHealth *shown = health (f, "hostile");
  VgFeedHealth *polled = polled_health (f, "hostile");

  g_snprintf (text, sizeof text, "picture: %s%s, %s; poller: %s%s, %s",
              vg_feed_state_to_string (vg_feed_health_get_state (shown)), vg_feed_health_get_stale (shown) ? " stale" : "",
              vg_feed_health_get_error_message (shown), vg_feed_state_to_string (vg_feed_health_get_state (polled)),
              vg_feed_health_get_stale (polled) ? " stale" : "", vg_feed_health_get_error_message (polled));
  return text;
}

/* Iterates the main loop until @cond holds; fails the test after @max_ms. */
#define WAIT_UNTIL(cond, max_ms)                                                    \
  G_STMT_START {                                                                    \
    gint64 deadline_ = g_get_monotonic_time () + (gint64) (max_ms) * 1000;          \
    while (!(cond))                                                                 \
      {                                                                             \
        if (g_get_monotonic_time () > deadline_)                                    \
          g_error ("Timed out after %d ms waiting for %s (%s)", (int) (max_ms), #cond, \
                   describe (f));                                                   \
        g_main_context_iteration (NULL, TRUE);                                      \
      }                                                                             \
  } G_STMT_END

static VgFeedSource *
make_source (const char *id,
             const char *url,
             guint       timeout_ms)
{
  /* A short interval and a back-off floor under a second, so a fault and its healing take
   * seconds, not minutes; stale after 3 intervals (450 ms) without a good fetch. */
  return g_object_new (VG_TYPE_FEED_SOURCE, "id", id, "name", id, "kind", "hubeau", "url", url,
                       "interval-ms", 150, "timeout-ms", timeout_ms, "max-bytes", (guint64) MAX_BYTES, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = vg_test_data_path ("feeds/hubeau/observations_tr-montpellier.json");
  g_autofree char *journal = NULL;
  g_autofree char *url = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *dns = NULL;
  g_autoptr(VgFeedConfig) config = vg_feed_config_new ();
  g_autoptr(VgFeedSource) hostile = NULL;
  g_autoptr(VgFeedSource) down = NULL;
  g_autoptr(VgFeedSource) unresolvable = NULL;

  g_assert_true (g_file_get_contents (fixture, &f->hubeau, NULL, NULL));
  f->dir = vg_test_mkdtemp ();
  journal = g_build_filename (f->dir, "live.vigie-journal", NULL);
  f->server = vg_test_server_new (FALSE);
  url = vg_test_server_dup_url (f->server, PATH);
  refused = vg_test_server_dup_refused_url (f->server);
  dns = vg_test_unresolvable_url ();
  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok (f->hubeau, JSON));
  /* What the refused port serves once it is up. */
  vg_test_server_set (f->server, "/refused", vg_test_reply_new_ok (f->hubeau, JSON));

  f->clock = vg_clock_new_wall ();
  f->situation = vg_situation_open_or_create (journal, f->clock, "Hostile run", FALSE, &error);
  g_assert_no_error (error);
  hostile = make_source ("hostile", url, 1000);
  down = make_source ("down", refused, 1000);
  unresolvable = make_source ("unresolvable", dns, 1000);
  vg_feed_config_set_source (config, hostile);
  vg_feed_config_set_source (config, down);
  vg_feed_config_set_source (config, unresolvable);
  f->tls = vg_test_server_new (TRUE);
  if (f->tls != NULL)
    {
      g_autofree char *tls_url = vg_test_server_dup_url (f->tls, PATH);
      g_autoptr(VgFeedSource) self_signed = make_source ("self-signed", tls_url, 1000);

      vg_test_server_set (f->tls, PATH, vg_test_reply_new_ok (f->hubeau, JSON));
      vg_feed_config_set_source (config, self_signed);
    }
  f->manager = vg_feed_manager_new (f->situation, config, &error);
  g_assert_no_error (error);
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
  g_clear_object (&f->tls);
  /* Let abandoned fetches see their cancellation and free themselves (leak checks). */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  vg_test_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->hubeau);
}

static glong
max_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

typedef enum
{
  FAULT_500,
  FAULT_503_RETRY_AFTER,
  FAULT_HANG,
  FAULT_TRICKLE,
  FAULT_TRUNCATED,
  FAULT_CONTENT_TYPE,
  FAULT_GZIP_BOMB,
  FAULT_GIGABYTE_ANNOUNCED,
  FAULT_GIGABYTE_CHUNKED,
  FAULT_MALFORMED,
  N_FAULTS
} Fault;

static const struct
{
  const char *name;
  int         code;       /* VG_FEED_ERROR code, -1: any of the domain */
  const char *fragment;   /* in the reason shown to the operator */
} faults[N_FAULTS] = {
  [FAULT_500] = { "HTTP 500", VG_FEED_ERROR_HTTP, "answered HTTP 500 Internal Server Error" },
  [FAULT_503_RETRY_AFTER] = { "HTTP 503 + Retry-After: 2", VG_FEED_ERROR_HTTP, "asked to retry after 2 s" },
  [FAULT_HANG] = { "hang without an answer", VG_FEED_ERROR_UNREACHABLE, "within 1 s (timeout)" },
  [FAULT_TRICKLE] = { "slow trickle (1 byte / 30 ms)", VG_FEED_ERROR_UNREACHABLE, "within 1 s (timeout)" },
  [FAULT_TRUNCATED] = { "truncated body", VG_FEED_ERROR_UNREACHABLE, "cut after" },
  [FAULT_CONTENT_TYPE] = { "wrong content type", VG_FEED_ERROR_CONTENT_TYPE, "sent “text/html”" },
  [FAULT_GZIP_BOMB] = { "gzip bomb (64 MiB of zeros)", VG_FEED_ERROR_TOO_LARGE, "once decompressed" },
  [FAULT_GIGABYTE_ANNOUNCED] = { "1 GiB body, Content-Length", VG_FEED_ERROR_TOO_LARGE, "announces a body of 1.1" },
  [FAULT_GIGABYTE_CHUNKED] = { "1 GiB body, chunked", VG_FEED_ERROR_TOO_LARGE, "exceeds the cap of 1.0" },
  [FAULT_MALFORMED] = { "malformed payload", -1, "Feed “hostile”" },
};

static VgTestReply *
fault_reply (Fault       fault,
             const char *hubeau)
{
  switch (fault)
    {
    case FAULT_500:
      return vg_test_reply_new_status (500, NULL);
    case FAULT_503_RETRY_AFTER:
      return vg_test_reply_new_status (503, "2");
    case FAULT_HANG:
      return vg_test_reply_new_hang ();
    case FAULT_TRICKLE:
      return vg_test_reply_new_trickle (hubeau, JSON, 30);
    case FAULT_TRUNCATED:
      return vg_test_reply_new_truncated ("{\"count\": 5, \"data\": [", JSON, 100000);
    case FAULT_CONTENT_TYPE:
      return vg_test_reply_new_ok ("<html><body>Maintenance</body></html>", "text/html");
    case FAULT_GZIP_BOMB:
      return vg_test_reply_new_gzip_bomb (64 * 1024 * 1024, JSON);
    case FAULT_GIGABYTE_ANNOUNCED:
      return vg_test_reply_new_stream (G_GUINT64_CONSTANT (1) << 30, TRUE, JSON);
    case FAULT_GIGABYTE_CHUNKED:
      return vg_test_reply_new_stream (G_GUINT64_CONSTANT (1) << 30, FALSE, JSON);
    case FAULT_MALFORMED:
      return vg_test_reply_new_ok ("{\"count\": 5, \"data\": [{\"code_station\": ", JSON);
    case N_FAULTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
failing_with (VgFeedHealth *h,
              const char   *fragment)
{
  const char *message = vg_feed_health_get_error_message (h);

  return vg_feed_health_get_state (h) == VG_FEED_STATE_FAILING && message != NULL && strstr (message, fragment) != NULL;
}

static void
test_hostile_run (Fixture       *f,
                  gconstpointer  data)
{
  VgFeedHealth *hostile = health (f, "hostile");
  VgFeedHealth *down = health (f, "down");
  VgFeedHealth *unresolvable = health (f, "unresolvable");
  gint64 run_start = g_get_monotonic_time ();
  glong rss_before_gigabytes = 0;
  guint tick;
  guint survived = 0;

  f->last_tick = run_start;
  tick = g_timeout_add (10, latency_tick_cb, f);
  vg_feed_manager_start (f->manager);

  /* Good data first. */
  WAIT_UNTIL (vg_feed_health_get_state (hostile) == VG_FEED_STATE_OK && n_readings (f) > 0, 10000);

  for (Fault fault = 0; fault < N_FAULTS; fault++)
    {
      gint64 last_success = vg_feed_health_get_last_success_usec (hostile);
      guint readings = n_readings (f);
      guint requests = vg_test_server_get_request_count (f->server, PATH);
      gint64 fault_start = g_get_monotonic_time ();
      const GError *error;
      VgTestReply *reply;

      if (fault == FAULT_GIGABYTE_ANNOUNCED)
        rss_before_gigabytes = max_rss_kib ();
      reply = fault_reply (fault, f->hubeau);
      /* Making the reply is the test's work (compressing the gzip bomb takes a few hundred
       * ms): not counted. The server's serving it, in this thread, is. */
      f->last_tick = g_get_monotonic_time ();
      f->phase_max_gap = 0;
      vg_test_server_set (f->server, PATH, reply);

      /* Marked failing, with the reason. */
      WAIT_UNTIL (failing_with (hostile, faults[fault].fragment), 20000);
      error = vg_feed_health_get_error (hostile);
      g_assert_nonnull (error);
      g_assert_true (error->domain == VG_FEED_ERROR);
      if (faults[fault].code >= 0)
        g_assert_cmpint (error->code, ==, faults[fault].code);
      g_assert_nonnull (strstr (error->message, "Feed “hostile”"));
      g_test_message ("%s: failing after %.2f s: %s", faults[fault].name,
                      (g_get_monotonic_time () - fault_start) / 1e6, error->message);

      if (fault == FAULT_503_RETRY_AFTER)
        {
          VgFeedHealth *polled = polled_health (f, "hostile");
          guint failed_request = vg_test_server_get_request_count (f->server, PATH) - 1;
          gint64 wait;

          /* Retry-After outranks the 150 ms back-off: the next attempt is 2 s later (the
           * poller plans it; the picture shows state and reason). */
          wait = vg_feed_health_get_next_attempt_usec (polled) - vg_feed_health_get_last_failure_usec (polled);
          g_assert_cmpint (wait, >=, 2 * G_USEC_PER_SEC);   /* the wall clock is read twice: a few µs more */
          g_assert_cmpint (wait, <, 2 * G_USEC_PER_SEC + G_USEC_PER_SEC / 10);
          WAIT_UNTIL (vg_test_server_get_request_count (f->server, PATH) > failed_request + 1, 10000);
          wait = vg_test_server_get_request_time (f->server, PATH, failed_request + 1) -
                 vg_test_server_get_request_time (f->server, PATH, failed_request);
          g_test_message ("  next request %.3f s after the 503", wait / 1e6);
          g_assert_cmpint (wait, >=, 2 * G_USEC_PER_SEC - 20 * 1000);
        }

      /* The last good data stays, and is said to be stale once it is old. */
      WAIT_UNTIL (vg_feed_health_get_stale (hostile), 10000);
      g_assert_cmpint (vg_feed_health_get_state (hostile), ==, VG_FEED_STATE_FAILING);
      g_assert_cmpint (vg_feed_health_get_last_success_usec (hostile), ==, last_success);
      g_assert_cmpuint (n_readings (f), ==, readings);
      g_assert_cmpuint (vg_test_server_get_request_count (f->server, PATH), >, requests);

      /* The server heals: the feed recovers by itself. */
      vg_test_server_set (f->server, PATH, vg_test_reply_new_ok (f->hubeau, JSON));
      WAIT_UNTIL (vg_feed_health_get_state (hostile) == VG_FEED_STATE_OK, 20000);
      g_assert_false (vg_feed_health_get_stale (hostile));
      g_assert_cmpuint (vg_feed_health_get_consecutive_failures (hostile), ==, 0);
      g_assert_null (vg_feed_health_get_error (hostile));
      g_assert_cmpint (vg_feed_health_get_last_success_usec (hostile), >, last_success);
      g_assert_cmpuint (n_readings (f), >=, readings);
      g_test_message ("  recovered; max main-loop gap during this fault and its healing %.1f ms",
                      f->phase_max_gap / 1000.0);
      survived++;

      if (fault == FAULT_GIGABYTE_CHUNKED)
        {
          glong grown = max_rss_kib () - rss_before_gigabytes;

          /* Two 1 GiB bodies refused under a 1 MiB cap: the peak resident size barely moves
           * (a body held in memory would add 1 GiB). */
          g_test_message ("  peak RSS grew by %.1f MiB over the two 1 GiB bodies", grown / 1024.0);
          g_assert_cmpint (grown, <, 256 * 1024);
        }
    }

  /* Connection refused from the start: failing, no data; the server comes up, it recovers. */
  g_assert_true (failing_with (down, "refused"));
  g_assert_cmpint (vg_feed_health_get_last_success_usec (down), ==, 0);
  vg_test_server_heal_refused (f->server);
  WAIT_UNTIL (vg_feed_health_get_state (down) == VG_FEED_STATE_OK, 20000);
  g_assert_cmpuint (vg_test_server_get_request_count (f->server, "/refused"), >=, 1);
  survived++;

  /* An unresolvable host (.invalid) fails and keeps failing; nothing else is affected. */
  g_assert_true (failing_with (unresolvable, "cannot resolve the host name of vigie-feed-test.invalid"));
  g_assert_cmpint (vg_feed_health_get_last_success_usec (unresolvable), ==, 0);
  /* The picture hears of the change of state; the poller counts the retries. */
  g_assert_cmpuint (vg_feed_health_get_consecutive_failures (polled_health (f, "unresolvable")), >=, 2);
  survived++;

  /* A self-signed certificate is refused every time: no request ever reaches the server. */
  if (f->tls != NULL)
    {
      VgFeedHealth *self_signed = health (f, "self-signed");

      g_assert_true (failing_with (self_signed, "TLS certificate of 127.0.0.1"));
      g_assert_cmpuint (vg_feed_health_get_consecutive_failures (polled_health (f, "self-signed")), >=, 2);
      g_assert_cmpint (vg_feed_health_get_last_success_usec (self_signed), ==, 0);
      g_assert_cmpuint (vg_test_server_get_request_count (f->tls, PATH), ==, 0);
      survived++;
    }
  else
    g_test_message ("no openssl at build time: TLS refusal not exercised here");

  g_assert_cmpint (vg_feed_health_get_state (hostile), ==, VG_FEED_STATE_OK);
  latency_tick_cb (f);
  g_source_remove (tick);
  g_test_message ("hostile run: %u faults injected and survived in %.1f s; main-loop latency over %u ticks "
                  "of 10 ms: max %.1f ms, %u gaps over 50 ms",
                  survived, (g_get_monotonic_time () - run_start) / 1e6, f->n_ticks, f->max_gap / 1000.0,
                  f->n_gaps_over_50ms);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vigie/feeds/hostile/run", Fixture, NULL, fixture_set_up, test_hostile_run, fixture_tear_down);

  return g_test_run ();
}
