/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-feed-poller.h"
#include "vg-test-server.h"

#define FEED_ID   "feed"
#define PATH      "/feed.json"
#define JSON      "application/json"
#define SLOW      (60 * 1000)   /* an interval that never comes round during a test */

typedef struct
{
  GBytes *body;
  char   *content_type;
  char   *url;
  gint64  fetched_usec;
} Payload;

typedef struct
{
  VgTestServer *server;
  VgClock      *clock;
  VgFeedPoller *poller;
  GPtrArray    *payloads;
  guint         health_changes;
  gboolean      validate_json;   /* play the lead: report payloads that are not JSON */
} Fixture;

/* Iterates the main loop until @cond holds, failing the test after @max_ms. The 10 ms tick
 * only makes sure the loop wakes up to look at the deadline. */
#define WAIT_UNTIL(cond, max_ms)                                                    \
  G_STMT_START {                                                                    \
    gint64 deadline_ = g_get_monotonic_time () + (gint64) (max_ms) * 1000;          \
    guint tick_ = g_timeout_add (10, tick_cb, NULL);                                \
    while (!(cond))                                                                 \
      {                                                                             \
        if (g_get_monotonic_time () > deadline_)                                    \
          g_error ("Timed out after %d ms waiting for %s", (int) (max_ms), #cond);  \
        g_main_context_iteration (NULL, TRUE);                                      \
      }                                                                             \
    g_source_remove (tick_);                                                        \
  } G_STMT_END

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
payload_free (Payload *payload)
{
  g_bytes_unref (payload->body);
  g_free (payload->content_type);
  g_free (payload->url);
  g_free (payload);
}

static void
payload_received_cb (VgFeedPoller *poller,
                     VgFeedSource *source,
                     GBytes       *body,
                     const char   *content_type,
                     const char   *url,
                     gint64        fetched_usec,
                     Fixture      *f)
{
  Payload *payload = g_new0 (Payload, 1);

  payload->body = g_bytes_ref (body);
  payload->content_type = g_strdup (content_type);
  payload->url = g_strdup (url);
  payload->fetched_usec = fetched_usec;
  g_ptr_array_add (f->payloads, payload);

  if (f->validate_json)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error))
        {
          g_autoptr(GError) invalid = g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_MALFORMED,
                                                   "Feed “%s”: not JSON: %s",
                                                   vg_feed_source_get_id (source), error->message);

          vg_feed_poller_report_invalid (poller, vg_feed_source_get_id (source), fetched_usec, invalid);
        }
    }
}

static void
health_changed_cb (VgFeedPoller *poller,
                   VgFeedSource *source,
                   VgFeedHealth *health,
                   Fixture      *f)
{
  f->health_changes++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 6, 0, 0);

  f->server = vg_test_server_new (FALSE);
  f->clock = vg_clock_new_manual (start);
  f->poller = vg_feed_poller_new (f->clock);
  vg_feed_poller_set_seed (f->poller, 42);
  f->payloads = g_ptr_array_new_with_free_func ((GDestroyNotify) payload_free);
  g_signal_connect (f->poller, "payload-received", G_CALLBACK (payload_received_cb), f);
  g_signal_connect (f->poller, "health-changed", G_CALLBACK (health_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Nothing else may hold the poller: a fetch in flight must not keep it alive. */
  g_assert_finalize_object (f->poller);
  g_clear_object (&f->server);
  /* Let abandoned fetches see their cancellation and free themselves (leak checks). */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->payloads, g_ptr_array_unref);
}

static VgFeedSource *
make_source (const char *url,
             guint       interval_ms,
             guint       timeout_ms,
             guint64     max_bytes)
{
  return g_object_new (VG_TYPE_FEED_SOURCE,
                       "id", FEED_ID,
                       "kind", "hubeau",
                       "url", url,
                       "interval-ms", interval_ms,
                       "timeout-ms", timeout_ms,
                       "max-bytes", max_bytes,
                       NULL);
}

/* Starts polling @url on the server's @PATH (or @url itself when not NULL). */
static VgFeedHealth *
start_feed (Fixture    *f,
            const char *url,
            guint       interval_ms,
            guint       timeout_ms,
            guint64     max_bytes)
{
  g_autofree char *own_url = url ? NULL : vg_test_server_dup_url (f->server, PATH);
  g_autoptr(VgFeedSource) source = make_source (url ? url : own_url, interval_ms, timeout_ms, max_bytes);

  vg_feed_poller_add_source (f->poller, source);
  vg_feed_poller_start (f->poller);
  return vg_feed_poller_get_health (f->poller, FEED_ID);
}

static guint
failures (VgFeedHealth *health)
{
  return vg_feed_health_get_consecutive_failures (health);
}

/* Waits for the first failure and checks it is @code with @fragment in its message. */
static void
assert_fails_with (VgFeedHealth *health,
                   int           code,
                   const char   *fragment,
                   guint         max_ms)
{
  const GError *error;

  WAIT_UNTIL (failures (health) >= 1, max_ms);
  error = vg_feed_health_get_error (health);
  g_test_message ("%s", error->message);
  g_assert_error ((GError *) error, VG_FEED_ERROR, code);
  g_assert_nonnull (strstr (error->message, "Feed “" FEED_ID "”"));
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_FAILING);
  g_assert_cmpstr (vg_feed_health_get_error_message (health), ==, error->message);
  g_assert_cmpint (vg_feed_health_get_next_attempt_usec (health), >, vg_feed_health_get_last_failure_usec (health));
}

static void
test_not_modified (Fixture       *f,
                   gconstpointer  data)
{
  const char *body = "{\"count\": 1}";
  VgFeedHealth *health;
  Payload *payload;
  g_autofree char *url = vg_test_server_dup_url (f->server, PATH);
  g_autofree char *agent = NULL;
  g_autofree char *inm = NULL;
  g_autofree char *ims = NULL;

  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok (body, JSON));
  health = start_feed (f, NULL, 50, 5000, 1024 * 1024);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_PENDING);

  WAIT_UNTIL (f->payloads->len == 1, 5000);
  payload = g_ptr_array_index (f->payloads, 0);
  g_assert_cmpmem (g_bytes_get_data (payload->body, NULL), g_bytes_get_size (payload->body), body, strlen (body));
  g_assert_cmpstr (payload->content_type, ==, JSON);
  g_assert_cmpstr (payload->url, ==, url);
  g_assert_cmpint (payload->fetched_usec, ==, vg_clock_get_now_usec (f->clock));
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_OK);
  g_assert_cmpint (vg_feed_health_get_last_success_usec (health), ==, payload->fetched_usec);
  agent = vg_test_server_dup_last_header (f->server, PATH, "User-Agent");
  g_assert_cmpstr (agent, ==, "Vigie/" PACKAGE_VERSION " (+https://github.com/vigie)");

  /* The third request proves the second (conditional) one was answered. */
  WAIT_UNTIL (vg_test_server_get_request_count (f->server, PATH) >= 3, 5000);
  inm = vg_test_server_dup_last_header (f->server, PATH, "If-None-Match");
  ims = vg_test_server_dup_last_header (f->server, PATH, "If-Modified-Since");
  g_assert_nonnull (inm);
  g_assert_nonnull (ims);
  g_assert_cmpuint (f->payloads->len, ==, 1);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_OK);
  g_assert_cmpuint (failures (health), ==, 0);
}

static void
test_not_modified_since (Fixture       *f,
                         gconstpointer  data)
{
  VgFeedHealth *health;
  g_autofree char *inm = NULL;
  g_autofree char *ims = NULL;

  /* A server with Last-Modified only: If-Modified-Since alone must do. */
  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok_validators ("[]", JSON, FALSE, TRUE));
  health = start_feed (f, NULL, 50, 5000, 1024 * 1024);

  WAIT_UNTIL (vg_test_server_get_request_count (f->server, PATH) >= 3, 5000);
  inm = vg_test_server_dup_last_header (f->server, PATH, "If-None-Match");
  ims = vg_test_server_dup_last_header (f->server, PATH, "If-Modified-Since");
  g_assert_null (inm);
  g_assert_nonnull (ims);
  g_assert_cmpuint (f->payloads->len, ==, 1);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_OK);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;
  VgFeedHealth *health;

  vg_test_server_set (f->server, PATH, vg_test_reply_new_hang ());
  health = start_feed (f, NULL, SLOW, 300, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_UNREACHABLE, "within 300 ms (timeout)", 5000);
  elapsed = g_get_monotonic_time () - start;
  g_assert_cmpint (elapsed, >=, 300 * 1000);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpuint (f->payloads->len, ==, 0);
}

static void
test_http_500 (Fixture       *f,
               gconstpointer  data)
{
  VgFeedHealth *health;

  vg_test_server_set (f->server, PATH, vg_test_reply_new_status (500, NULL));
  health = start_feed (f, NULL, SLOW, 5000, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_HTTP, "answered HTTP 500 Internal Server Error", 5000);
  g_assert_cmpuint (f->payloads->len, ==, 0);
}

static void
test_retry_after (Fixture       *f,
                  gconstpointer  data)
{
  VgFeedHealth *health;
  gint64 wait;

  /* With a 50 ms interval the back-off alone would retry after ~50 ms. */
  vg_test_server_push (f->server, PATH, vg_test_reply_new_status (503, "1"));
  vg_test_server_push (f->server, PATH, vg_test_reply_new_ok ("[]", JSON));
  health = start_feed (f, NULL, 50, 5000, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_HTTP, "HTTP 503 Service Unavailable; asked to retry after 1 s", 5000);
  g_assert_cmpint (vg_feed_health_get_next_attempt_usec (health) - vg_feed_health_get_last_failure_usec (health),
                   ==, G_USEC_PER_SEC);

  WAIT_UNTIL (f->payloads->len == 1, 5000);
  wait = vg_test_server_get_request_time (f->server, PATH, 1) - vg_test_server_get_request_time (f->server, PATH, 0);
  g_test_message ("second request %.3f s after the 503", wait / 1e6);
  g_assert_cmpint (wait, >=, G_USEC_PER_SEC - 20 * 1000);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_OK);
}

static void
test_retry_after_date (Fixture       *f,
                       gconstpointer  data)
{
  /* The server's Date and Retry-After are both in whole seconds of real time. */
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 3);
  g_autofree char *retry = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  VgFeedHealth *health;
  gint64 wait;

  vg_test_server_set (f->server, PATH, vg_test_reply_new_status (429, retry));
  health = start_feed (f, NULL, 50, 5000, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_HTTP, "HTTP 429 Too Many Requests", 5000);
  wait = vg_feed_health_get_next_attempt_usec (health) - vg_feed_health_get_last_failure_usec (health);
  g_assert_cmpint (wait, >=, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (wait, <=, 3 * G_USEC_PER_SEC);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  VgFeedHealth *health;

  vg_test_server_set (f->server, PATH, vg_test_reply_new_truncated ("{\"cut\": ", JSON, 1000));
  health = start_feed (f, NULL, SLOW, 5000, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_UNREACHABLE, "cut after 8 bytes", 5000);
  g_assert_cmpuint (f->payloads->len, ==, 0);
}

static void
test_wrong_content_type (Fixture       *f,
                         gconstpointer  data)
{
  VgFeedHealth *health;

  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok ("<html>Maintenance</html>", "text/html"));
  health = start_feed (f, NULL, SLOW, 5000, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_CONTENT_TYPE, "sent “text/html”, expected application/json", 5000);
  g_assert_cmpuint (f->payloads->len, ==, 0);
}

static void
test_oversize_announced (Fixture       *f,
                         gconstpointer  data)
{
  VgFeedHealth *health;

  vg_test_server_set (f->server, PATH, vg_test_reply_new_stream (G_GUINT64_CONSTANT (1) << 30, TRUE, JSON));
  health = start_feed (f, NULL, SLOW, 5000, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_TOO_LARGE, "announces a body of 1.1", 5000);
  g_assert_cmpuint (f->payloads->len, ==, 0);
}

static void
test_oversize_streamed (Fixture       *f,
                        gconstpointer  data)
{
  VgFeedHealth *health;

  /* Chunked: nothing announced, so the cap must hold while streaming. */
  vg_test_server_set (f->server, PATH, vg_test_reply_new_stream (G_GUINT64_CONSTANT (1) << 30, FALSE, JSON));
  health = start_feed (f, NULL, SLOW, 10000, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_TOO_LARGE, "exceeds the cap of 1.0", 10000);
  g_assert_null (strstr (vg_feed_health_get_error_message (health), "decompressed"));
  g_assert_cmpuint (f->payloads->len, ==, 0);
}

static void
test_gzip_bomb (Fixture       *f,
                gconstpointer  data)
{
  VgFeedHealth *health;

  /* 64 MiB of zeros: about 64 KiB on the wire, well under the cap, 64 times over it inflated. */
  vg_test_server_set (f->server, PATH, vg_test_reply_new_gzip_bomb (64 * 1024 * 1024, JSON));
  health = start_feed (f, NULL, SLOW, 10000, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_TOO_LARGE, "MB once decompressed", 10000);
  g_assert_cmpuint (f->payloads->len, ==, 0);
}

static void
test_trickle_completes (Fixture       *f,
                        gconstpointer  data)
{
  const char *body = "[1,2,3,4]";
  VgFeedHealth *health;
  Payload *payload;

  /* 9 bytes, one per 20 ms: ~0.2 s, within a 5 s timeout. */
  vg_test_server_set (f->server, PATH, vg_test_reply_new_trickle (body, JSON, 20));
  health = start_feed (f, NULL, SLOW, 5000, 1024 * 1024);

  WAIT_UNTIL (f->payloads->len == 1, 5000);
  payload = g_ptr_array_index (f->payloads, 0);
  g_assert_cmpmem (g_bytes_get_data (payload->body, NULL), g_bytes_get_size (payload->body), body, strlen (body));
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_OK);
}

static void
test_trickle_times_out (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *body = g_strnfill (100, '7');
  VgFeedHealth *health;

  /* 100 bytes, one per 30 ms: 3 s, far past a 400 ms timeout. Bytes keep coming, so only a
   * deadline on the whole fetch (not an idle timeout) catches it. */
  vg_test_server_set (f->server, PATH, vg_test_reply_new_trickle (body, JSON, 30));
  health = start_feed (f, NULL, SLOW, 400, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_UNREACHABLE, "within 400 ms (timeout)", 5000);
  g_assert_cmpuint (f->payloads->len, ==, 0);
}

static void
control_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GBytes **bytes = user_data;

  *bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  g_assert_nonnull (*bytes);
}

static void
test_tls_self_signed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VgTestServer) tls = vg_test_server_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *url = NULL;
  VgFeedHealth *health;

  if (tls == NULL)
    {
      g_test_skip ("no openssl at build time: no test certificate");
      return;
    }
  url = vg_test_server_dup_url (tls, PATH);
  vg_test_server_set (tls, PATH, vg_test_reply_new_ok ("[]", JSON));

  /* Control: a client that trusts this very certificate gets the payload, so the refusal
   * below is about trust, not a broken server. */
  trust = g_tls_file_database_new (vg_test_server_get_tls_cert_path (), &error);
  g_assert_no_error (error);
  session = soup_session_new_with_options ("tls-database", trust, NULL);
  msg = soup_message_new (SOUP_METHOD_GET, url);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, control_cb, &bytes);
  WAIT_UNTIL (bytes != NULL, 5000);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);

  health = start_feed (f, url, SLOW, 5000, 1024 * 1024);
  assert_fails_with (health, VG_FEED_ERROR_UNREACHABLE, "TLS certificate of 127.0.0.1", 5000);
  g_assert_cmpuint (vg_test_server_get_request_count (tls, PATH), ==, 1);
  g_assert_cmpuint (f->payloads->len, ==, 0);
}

static void
test_connection_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *url = vg_test_server_dup_refused_url (f->server);
  VgFeedHealth *health = start_feed (f, url, SLOW, 5000, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_UNREACHABLE, "refused", 5000);
}

static void
test_dns_failure (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *url = vg_test_unresolvable_url ();
  VgFeedHealth *health = start_feed (f, url, SLOW, 5000, 1024 * 1024);

  assert_fails_with (health, VG_FEED_ERROR_UNREACHABLE, "cannot resolve the host name of vigie-feed-test.invalid", 5000);
}

/* Delays between the first @n failures of a feed polled every minute, in ms, with @seed. */
static GArray *
collect_backoff (Fixture *f,
                 guint32  seed,
                 guint    n)
{
  g_autofree char *url = vg_test_server_dup_refused_url (f->server);
  g_autoptr(VgFeedPoller) poller = vg_feed_poller_new (f->clock);
  g_autoptr(VgFeedSource) source = make_source (url, 60 * 1000, 5000, 1024);
  GArray *delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  VgFeedHealth *health;

  vg_feed_poller_set_seed (poller, seed);
  vg_feed_poller_add_source (poller, source);
  vg_feed_poller_start (poller);
  health = vg_feed_poller_get_health (poller, FEED_ID);
  for (guint i = 1; i <= n; i++)
    {
      gint64 delay;

      /* "Fetch now" instead of waiting for minutes: the delay planned is what is tested. */
      if (i > 1)
        g_assert_true (vg_feed_poller_fetch_now (poller, FEED_ID));
      WAIT_UNTIL (failures (health) == i, 5000);
      g_assert_false (vg_feed_poller_fetch_now (poller, "no-such-feed"));
      delay = (vg_feed_health_get_next_attempt_usec (health) - vg_feed_health_get_last_failure_usec (health)) / 1000;
      g_array_append_val (delays, delay);
    }
  return delays;
}

static void
test_backoff (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GArray) delays = collect_backoff (f, 7, 9);
  g_autoptr(GArray) same = collect_backoff (f, 7, 9);
  g_autoptr(GArray) other = collect_backoff (f, 8, 9);
  gboolean all_same_ratio = TRUE;
  gboolean differs = FALSE;
  double first_ratio = 0;

  for (guint i = 0; i < delays->len; i++)
    {
      /* min(interval, 30 s) × 2^(n−1), capped at max(interval, 30 min). */
      double nominal = MIN (30000.0 * (1u << i), 30 * 60 * 1000.0);
      gint64 delay = g_array_index (delays, gint64, i);
      double ratio = delay / nominal;

      g_test_message ("failure %u: retry after %.1f s (nominal %.0f s, × %.3f)", i + 1, delay / 1000.0,
                      nominal / 1000, ratio);
      g_assert_cmpfloat (ratio, >=, 0.75 - 1e-3);
      g_assert_cmpfloat (ratio, <, 1.25);
      if (i > 0 && nominal < 30 * 60 * 1000.0)
        g_assert_cmpint (delay, >, g_array_index (delays, gint64, i - 1));
      if (i == 0)
        first_ratio = ratio;
      else if (fabs (ratio - first_ratio) > 1e-3)
        all_same_ratio = FALSE;
      /* Seeded, so reproducible; another seed, another jitter. */
      g_assert_cmpint (delay, ==, g_array_index (same, gint64, i));
      if (delay != g_array_index (other, gint64, i))
        differs = TRUE;
    }
  g_assert_false (all_same_ratio);
  g_assert_true (differs);
}

static void
test_recovery (Fixture       *f,
               gconstpointer  data)
{
  VgFeedHealth *health;
  gint64 failed_at;

  vg_test_server_set (f->server, PATH, vg_test_reply_new_status (500, NULL));
  health = start_feed (f, NULL, 50, 5000, 1024 * 1024);
  WAIT_UNTIL (failures (health) >= 3, 5000);
  failed_at = vg_feed_health_get_last_failure_usec (health);

  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok ("{\"healed\": true}", JSON));
  WAIT_UNTIL (f->payloads->len == 1, 5000);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_OK);
  g_assert_cmpuint (failures (health), ==, 0);
  g_assert_null (vg_feed_health_get_error (health));
  g_assert_null (vg_feed_health_get_error_message (health));
  g_assert_cmpint (vg_feed_health_get_last_failure_usec (health), ==, failed_at);
  g_assert_cmpint (vg_feed_health_get_next_attempt_usec (health), ==,
                   vg_clock_get_now_usec (f->clock) + 50 * 1000);
}

static void
test_malformed_then_valid (Fixture       *f,
                           gconstpointer  data)
{
  VgFeedHealth *health;
  g_autofree char *inm = NULL;
  const GError *error;

  f->validate_json = TRUE;
  vg_test_server_push (f->server, PATH, vg_test_reply_new_ok ("{\"level\": 1.2", JSON));
  vg_test_server_push (f->server, PATH, vg_test_reply_new_ok ("{\"level\": 1.2}", JSON));
  health = start_feed (f, NULL, 50, 5000, 1024 * 1024);

  WAIT_UNTIL (f->payloads->len == 1, 5000);
  error = vg_feed_health_get_error (health);
  g_assert_error ((GError *) error, VG_FEED_ERROR, VG_FEED_ERROR_MALFORMED);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_FAILING);
  /* The bad payload is no success: the feed has no good data yet. */
  g_assert_cmpint (vg_feed_health_get_last_success_usec (health), ==, 0);

  WAIT_UNTIL (f->payloads->len == 2, 5000);
  /* Its validators were forgotten: the retry asked for a full body. */
  inm = vg_test_server_dup_last_header (f->server, PATH, "If-None-Match");
  g_assert_null (inm);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_OK);
  g_assert_null (vg_feed_health_get_error (health));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
advance (VgClock *clock,
         int      minutes)
{
  g_autoptr(GDateTime) now = vg_clock_dup_now (clock);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, minutes);

  vg_clock_set_now (clock, later);
}

static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  VgFeedHealth *health;
  guint state_notifies = 0;
  guint stale_notifies = 0;
  guint changes;

  /* Every minute, stale after 3: driven by the manual clock alone. */
  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok ("[]", JSON));
  health = start_feed (f, NULL, 60 * 1000, 5000, 1024 * 1024);
  g_signal_connect (health, "notify::state", G_CALLBACK (count_notify_cb), &state_notifies);
  g_signal_connect (health, "notify::stale", G_CALLBACK (count_notify_cb), &stale_notifies);

  WAIT_UNTIL (f->payloads->len == 1, 5000);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_OK);
  g_assert_cmpuint (state_notifies, ==, 1);

  changes = f->health_changes;
  advance (f->clock, 2);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_OK);
  g_assert_false (vg_feed_health_get_stale (health));
  g_assert_cmpuint (f->health_changes, ==, changes);   /* nothing changed, nothing said */

  advance (f->clock, 1);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_STALE);
  g_assert_true (vg_feed_health_get_stale (health));
  g_assert_cmpuint (state_notifies, ==, 2);
  g_assert_cmpuint (stale_notifies, ==, 1);
  g_assert_cmpuint (f->health_changes, ==, changes + 1);
  advance (f->clock, 1);
  g_assert_cmpuint (state_notifies, ==, 2);

  /* A 304 confirms the data: fresh again, without a payload. */
  g_assert_true (vg_feed_poller_fetch_now (f->poller, FEED_ID));
  g_assert_false (vg_feed_poller_fetch_now (f->poller, FEED_ID));   /* already in flight */
  WAIT_UNTIL (vg_feed_health_get_state (health) == VG_FEED_STATE_OK, 5000);
  g_assert_false (vg_feed_health_get_stale (health));
  g_assert_cmpuint (f->payloads->len, ==, 1);
  g_assert_cmpuint (state_notifies, ==, 3);

  /* Failing outranks stale, and a failing feed's data still ages. */
  vg_test_server_set (f->server, PATH, vg_test_reply_new_status (500, NULL));
  g_assert_true (vg_feed_poller_fetch_now (f->poller, FEED_ID));
  WAIT_UNTIL (failures (health) == 1, 5000);
  g_assert_false (vg_feed_health_get_stale (health));
  advance (f->clock, 3);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_FAILING);
  g_assert_true (vg_feed_health_get_stale (health));
}

static gboolean
latency_tick_cb (gpointer user_data)
{
  gint64 *last_and_max = user_data;
  gint64 now = g_get_monotonic_time ();

  last_and_max[1] = MAX (last_and_max[1], now - last_and_max[0]);
  last_and_max[0] = now;
  return G_SOURCE_CONTINUE;
}

static void
test_main_loop_latency (Fixture       *f,
                        gconstpointer  data)
{
  const guint64 size = 50 * 1000 * 1000;
  gint64 last_and_max[2] = { g_get_monotonic_time (), 0 };
  gint64 start = last_and_max[0];
  guint tick;
  Payload *payload;

  /* Server and client share this thread, as the worst case: the server's writing counts too. */
  vg_test_server_set (f->server, PATH, vg_test_reply_new_stream (size, TRUE, JSON));
  tick = g_timeout_add (10, latency_tick_cb, last_and_max);
  start_feed (f, NULL, SLOW, 30000, 64 * 1024 * 1024);

  WAIT_UNTIL (f->payloads->len == 1, 30000);
  latency_tick_cb (last_and_max);
  g_source_remove (tick);
  payload = g_ptr_array_index (f->payloads, 0);
  g_assert_cmpuint (g_bytes_get_size (payload->body), ==, size);
  g_test_message ("50 MB payload in %.2f s; max main-loop latency %.1f ms (10 ms tick)",
                  (g_get_monotonic_time () - start) / 1e6, last_and_max[1] / 1000.0);
  g_assert_cmpint (last_and_max[1], <, 250 * 1000);
}

static void
test_remove_and_stop (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *url = vg_test_server_dup_url (f->server, PATH);
  g_autoptr(VgFeedSource) other = g_object_new (VG_TYPE_FEED_SOURCE, "id", "other", "kind", "hubeau",
                                                "url", url, "interval-ms", SLOW, NULL);
  VgFeedHealth *health;

  vg_test_server_set (f->server, PATH, vg_test_reply_new_hang ());
  health = start_feed (f, NULL, SLOW, 5000, 1024);
  vg_feed_poller_add_source (f->poller, other);
  WAIT_UNTIL (vg_test_server_get_request_count (f->server, PATH) == 2, 5000);
  g_assert_cmpint (vg_feed_health_get_next_attempt_usec (health), ==, 0);

  /* Removing a feed mid-fetch drops the fetch; stopping cancels without counting failures. */
  g_assert_true (vg_feed_poller_remove_source (f->poller, FEED_ID));
  g_assert_false (vg_feed_poller_remove_source (f->poller, FEED_ID));
  g_assert_null (vg_feed_poller_get_health (f->poller, FEED_ID));
  vg_feed_poller_stop (f->poller);
  g_assert_false (vg_feed_poller_is_running (f->poller));
  g_assert_false (vg_feed_poller_fetch_now (f->poller, "other"));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  health = vg_feed_poller_get_health (f->poller, "other");
  g_assert_cmpuint (failures (health), ==, 0);
  g_assert_cmpint (vg_feed_health_get_state (health), ==, VG_FEED_STATE_PENDING);
  g_assert_cmpuint (f->payloads->len, ==, 0);
  g_assert_true (vg_feed_poller_get_source (f->poller, "other") == other);

  /* Restarting fetches again: the teardown then finalizes the poller mid-fetch. */
  vg_feed_poller_start (f->poller);
  WAIT_UNTIL (vg_test_server_get_request_count (f->server, PATH) == 3, 5000);
}

static void
remove_when_ok_cb (VgFeedPoller *poller,
                   VgFeedSource *source,
                   VgFeedHealth *health,
                   Fixture      *f)
{
  if (vg_feed_health_get_state (health) == VG_FEED_STATE_OK)
    {
      g_assert_true (vg_feed_poller_remove_source (poller, vg_feed_source_get_id (source)));
      vg_feed_poller_stop (poller);
    }
}

static void
test_remove_from_handler (Fixture       *f,
                          gconstpointer  data)
{
  /* The UI may drop a feed from inside a signal: the poller must not touch it afterwards. */
  vg_test_server_set (f->server, PATH, vg_test_reply_new_ok ("[]", JSON));
  g_signal_connect (f->poller, "health-changed", G_CALLBACK (remove_when_ok_cb), f);
  start_feed (f, NULL, 50, 5000, 1024);

  WAIT_UNTIL (vg_feed_poller_get_health (f->poller, FEED_ID) == NULL, 5000);
  /* The payload in hand is still delivered, after the health change. */
  g_assert_cmpuint (f->payloads->len, ==, 1);
  g_assert_false (vg_feed_poller_is_running (f->poller));
}

/* A one-shot fetch (a document an index links to): delivered once with the source's checks
 * (here the content type), never rescheduled; refused when stopped or not https. */
static void
test_fetch_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *url = vg_test_server_dup_url (f->server, "/once.json");
  g_autofree char *wrong = vg_test_server_dup_url (f->server, "/once.html");
  g_autoptr(VgFeedSource) source = make_source ("https://example.invalid/index", 50, 2000, 1024);
  g_autoptr(GError) error = NULL;
  gint64 until;

  vg_test_server_set (f->server, "/once.json", vg_test_reply_new_ok ("{\"ok\": true}", "application/json"));
  vg_test_server_set (f->server, "/once.html", vg_test_reply_new_ok ("<html/>", "text/html"));

  g_assert_false (vg_feed_poller_fetch_once (f->poller, source, url, &error));
  g_assert_error (error, VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE);
  g_clear_error (&error);

  vg_feed_poller_start (f->poller);
  g_assert_false (vg_feed_poller_fetch_once (f->poller, source, "http://example.invalid/cap.xml", &error));
  g_assert_error (error, VG_FEED_ERROR, VG_FEED_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  g_assert_true (vg_feed_poller_fetch_once (f->poller, source, url, &error));
  g_assert_no_error (error);
  g_assert_true (vg_feed_poller_fetch_once (f->poller, source, wrong, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (f->payloads->len == 1 && vg_test_server_get_request_count (f->server, "/once.html") == 1, 5000);
  g_assert_cmpstr (((Payload *) g_ptr_array_index (f->payloads, 0))->url, ==, url);

  /* Well past the source's interval: nothing is fetched again. */
  until = g_get_monotonic_time () + 300 * 1000;
  WAIT_UNTIL (g_get_monotonic_time () > until, 1000);
  g_assert_cmpuint (vg_test_server_get_request_count (f->server, "/once.json"), ==, 1);
  g_assert_cmpuint (vg_test_server_get_request_count (f->server, "/once.html"), ==, 1);
  g_assert_cmpuint (f->payloads->len, ==, 1);
  vg_feed_poller_stop (f->poller);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vigie/feed-poller/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("not-modified", test_not_modified);
  ADD ("not-modified-since", test_not_modified_since);
  ADD ("timeout", test_timeout);
  ADD ("http-500", test_http_500);
  ADD ("retry-after", test_retry_after);
  ADD ("retry-after-date", test_retry_after_date);
  ADD ("truncated", test_truncated);
  ADD ("wrong-content-type", test_wrong_content_type);
  ADD ("oversize-announced", test_oversize_announced);
  ADD ("oversize-streamed", test_oversize_streamed);
  ADD ("gzip-bomb", test_gzip_bomb);
  ADD ("trickle-completes", test_trickle_completes);
  ADD ("trickle-times-out", test_trickle_times_out);
  ADD ("tls-self-signed", test_tls_self_signed);
  ADD ("connection-refused", test_connection_refused);
  ADD ("dns-failure", test_dns_failure);
  ADD ("backoff", test_backoff);
  ADD ("recovery", test_recovery);
  ADD ("malformed-then-valid", test_malformed_then_valid);
  ADD ("stale", test_stale);
  ADD ("main-loop-latency", test_main_loop_latency);
  ADD ("remove-and-stop", test_remove_and_stop);
  ADD ("remove-from-handler", test_remove_from_handler);
  ADD ("fetch-once", test_fetch_once);
#undef ADD

  return g_test_run ();
}
