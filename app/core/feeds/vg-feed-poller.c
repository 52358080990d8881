/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-poller"

#include "config.h"

#include <libsoup/soup.h>

#include "vg-error.h"
#include "vg-feed-health-private.h"
#include "vg-feed-poller.h"

/* Bounds each read, hence the work (gzip inflation included) done per main-loop iteration. */
#define READ_CHUNK             (256 * 1024)
#define FIRST_BUFFER           (64 * 1024)
#define RETRY_BASE_MAX_MS      (30 * 1000)
#define BACKOFF_CAP_MIN_MS     (30 * 60 * 1000)
/* A Retry-After of days (a misconfigured server) must not silence a crisis feed that long. */
#define RETRY_AFTER_MAX_MS     (60 * 60 * 1000)

typedef struct _Fetch Fetch;

typedef struct
{
  VgFeedPoller *poller;                   /* unowned: the poller frees its feeds first */
  VgFeedSource *source;
  VgFeedHealth *health;
  char         *etag;
  char         *last_modified;
  gint64        delivered_usec;           /* fetch time of the last payload handed out */
  gint64        success_before_delivery;  /* last success before that payload */
  guint         attempt_id;
  guint         stale_id;
  Fetch        *fetch;                    /* in flight, or NULL */
  char         *once_url;                 /* a one-shot fetch of this URL, never rescheduled */
} Feed;

struct _Fetch
{
  Feed         *feed;                     /* NULL once abandoned: the result is then dropped */
  SoupMessage  *msg;
  GCancellable *cancellable;
  GInputStream *stream;
  guint8       *data;
  gsize         len;
  gsize         capacity;
  guint         timeout_id;
  gboolean      timed_out;
  gboolean      encoded;                  /* Content-Encoding: the cap counts inflated bytes */
};

struct _VgFeedPoller
{
  GObject      parent_instance;

  VgClock     *clock;
  SoupSession *session;
  GRand       *rand;
  GHashTable  *feeds;                     /* id → Feed */
  GHashTable  *once;                      /* URL → Feed of a one-shot fetch in flight */
  gboolean     running;
};

G_DEFINE_FINAL_TYPE (VgFeedPoller, vg_feed_poller, G_TYPE_OBJECT)

enum { PAYLOAD_RECEIVED, HEALTH_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void start_fetch (Feed *feed);

static gint64
now_usec (Feed *feed)
{
  return vg_clock_get_now_usec (feed->poller->clock);
}

static void
emit_health_changed (Feed *feed)
{
  g_signal_emit (feed->poller, signals[HEALTH_CHANGED], 0, feed->source, feed->health);
}

/* "host", or "host:port" for a port other than the scheme's, to name the server in messages. */
static char *
describe_server (SoupMessage *msg)
{
  GUri *uri = soup_message_get_uri (msg);
  int port = g_uri_get_port (uri);
  int usual = g_str_equal (g_uri_get_scheme (uri), "https") ? 443 : 80;

  if (port != -1 && port != usual)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
  return g_strdup (g_uri_get_host (uri));
}

/* "300 ms", "30 s", "1.5 s": durations as the operator set them. */
static char *
format_ms (guint64 ms)
{
  if (ms < 1000)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " ms", ms);
  if (ms % 1000 == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " s", ms / 1000);
  return g_strdup_printf ("%.1f s", ms / 1000.0);
}

/* libsoup's phrase, never the server's: a hostile server's phrase goes into no message. */
static const char *
status_phrase (guint status)
{
  /* Not in libsoup 3.2's table (RFC 6585). */
  if (status == 429)
    return "Too Many Requests";
  return soup_status_get_phrase (status);
}

static void
fetch_free (Fetch *fetch)
{
  g_clear_handle_id (&fetch->timeout_id, g_source_remove);
  g_clear_object (&fetch->stream);
  g_clear_object (&fetch->msg);
  g_clear_object (&fetch->cancellable);
  g_free (fetch->data);
  g_free (fetch);
}

/* Ends @fetch's life as the feed's fetch in flight; its pending callback then finds it
 * abandoned and frees it. */
static void
abandon_fetch (Feed *feed)
{
  Fetch *fetch = g_steal_pointer (&feed->fetch);

  if (fetch == NULL)
    return;
  fetch->feed = NULL;
  g_clear_handle_id (&fetch->timeout_id, g_source_remove);
  g_cancellable_cancel (fetch->cancellable);
}

/* Detaches a finished fetch from its feed and frees it. */
static void
finish_fetch (Fetch *fetch)
{
  g_assert (fetch->feed->fetch == fetch);

  fetch->feed->fetch = NULL;
  fetch_free (fetch);
}

static void
feed_free (Feed *feed)
{
  abandon_fetch (feed);
  g_clear_handle_id (&feed->attempt_id, g_source_remove);
  g_clear_handle_id (&feed->stale_id, g_source_remove);
  g_clear_object (&feed->source);
  g_clear_object (&feed->health);
  g_clear_pointer (&feed->etag, g_free);
  g_clear_pointer (&feed->last_modified, g_free);
  g_clear_pointer (&feed->once_url, g_free);
  g_free (feed);
}

/* Delay before retrying a feed that has failed @failures times in a row (see the header). */
static guint64
backoff_ms (VgFeedPoller *self,
            VgFeedSource *source,
            guint         failures)
{
  guint64 interval = vg_feed_source_get_interval_ms (source);
  guint64 base = MIN (interval, RETRY_BASE_MAX_MS);
  guint64 cap = MAX (interval, BACKOFF_CAP_MIN_MS);
  guint64 delay = cap;

  /* Past 2^20 × base the cap has long been reached; the test keeps the shift defined. */
  if (failures - 1 < 20)
    delay = MIN (base << (failures - 1), cap);
  return (guint64) (delay * (0.75 + 0.5 * g_rand_double (self->rand)));
}

static gboolean
stale_cb (gpointer user_data);

/* Arms a timer for the moment the feed turns stale: time passing is not an event. */
static void
schedule_stale_check (Feed *feed)
{
  gint64 deadline = vg_feed_health_get_stale_deadline (feed->health);
  gint64 wait_ms;

  g_clear_handle_id (&feed->stale_id, g_source_remove);
  if (deadline == 0)
    return;
  wait_ms = (deadline - now_usec (feed)) / 1000 + 1;
  feed->stale_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) CLAMP (wait_ms, 0, G_MAXUINT),
                                       stale_cb, feed, NULL);
}

static gboolean
stale_cb (gpointer user_data)
{
  Feed *feed = user_data;
  gboolean changed;

  feed->stale_id = 0;
  changed = vg_feed_health_refresh (feed->health, now_usec (feed));
  schedule_stale_check (feed);
  if (changed)
    emit_health_changed (feed);
  return G_SOURCE_REMOVE;
}

static gboolean
attempt_cb (gpointer user_data)
{
  Feed *feed = user_data;

  feed->attempt_id = 0;
  start_fetch (feed);
  return G_SOURCE_REMOVE;
}

/* Plans the next attempt @delay_ms from now; returns TRUE if the health changed. */
static gboolean
schedule_attempt (Feed    *feed,
                  guint64  delay_ms)
{
  g_clear_handle_id (&feed->attempt_id, g_source_remove);
  if (!feed->poller->running || feed->once_url != NULL)
    return vg_feed_health_set_next_attempt (feed->health, 0);

  delay_ms = MIN (delay_ms, G_MAXUINT);
  feed->attempt_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) delay_ms, attempt_cb, feed, NULL);
  return vg_feed_health_set_next_attempt (feed->health, now_usec (feed) + (gint64) delay_ms * 1000);
}

/* Retry-After (RFC 9110 §10.2.3) in milliseconds, or 0 if absent or unreadable. A date is
 * taken relative to the server's own Date header when there is one, so that a clock skew
 * between us and the server does not stretch or cancel the wait. */
static guint64
retry_after_ms (Feed        *feed,
                SoupMessage *msg)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Retry-After");
  const char *date_value = soup_message_headers_get_one (headers, "Date");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) ref = NULL;
  guint64 seconds;
  gint64 delta_usec;

  if (value == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &seconds, NULL))
    return MIN (seconds, RETRY_AFTER_MAX_MS / 1000) * 1000;

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;
  if (date_value != NULL)
    ref = soup_date_time_new_from_http_string (date_value);
  if (ref == NULL)
    ref = vg_clock_dup_now (feed->poller->clock);
  delta_usec = g_date_time_difference (when, ref);
  return (guint64) CLAMP (delta_usec / 1000, 0, RETRY_AFTER_MAX_MS);
}

/* Records @error (consumed) as the outcome of the feed's attempt, and backs off. */
static void
fail_fetch (Fetch   *fetch,
            GError  *error,
            guint64  min_delay_ms)
{
  g_autoptr(GError) owned = error;
  Feed *feed = fetch->feed;
  gboolean changed;
  guint64 delay;

  g_debug ("%s", owned->message);
  finish_fetch (fetch);

  changed = vg_feed_health_record_failure (feed->health, owned, now_usec (feed));
  delay = backoff_ms (feed->poller, feed->source, vg_feed_health_get_consecutive_failures (feed->health));
  changed |= schedule_attempt (feed, MAX (delay, min_delay_ms));
  schedule_stale_check (feed);
  if (feed->once_url != NULL)
    {
      g_autoptr(VgFeedPoller) poller = g_object_ref (feed->poller);
      g_autofree char *once_url = g_strdup (feed->once_url);

      if (changed)
        emit_health_changed (feed);
      if (poller->once != NULL)
        g_hash_table_remove (poller->once, once_url);
      return;
    }
  if (changed)
    emit_health_changed (feed);
}

/* Turns a libsoup/GIO failure into the operator's terms. */
static GError *
transport_error (Fetch        *fetch,
                 const GError *error)
{
  VgFeedSource *source = fetch->feed->source;
  const char *id = vg_feed_source_get_id (source);
  g_autofree char *server = describe_server (fetch->msg);

  if (fetch->timed_out)
    {
      g_autofree char *limit = format_ms (vg_feed_source_get_timeout_ms (source));

      return g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                          "Feed “%s”: no complete answer from %s within %s (timeout)", id, server, limit);
    }
  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                        "Feed “%s”: cannot resolve the host name of %s: %s", id, server, error->message);
  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                        "Feed “%s”: TLS certificate of %s refused (not trusted, expired or for "
                        "another host): %s", id, server, error->message);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                        "Feed “%s”: TLS failure with %s: %s", id, server, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                        "Feed “%s”: connection to %s refused", id, server);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    {
      g_autofree char *got = g_format_size (fetch->len);

      return g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                          "Feed “%s”: transfer from %s cut after %s: %s", id, server, got, error->message);
    }
  return g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                      "Feed “%s”: cannot fetch from %s: %s", id, server, error->message);
}

/* A good payload (@body) or, with @body NULL, a 304 Not Modified. */
static void
succeed_fetch (Fetch  *fetch,
               GBytes *body)
{
  g_autoptr(VgFeedPoller) poller = g_object_ref (fetch->feed->poller);
  g_autoptr(VgFeedSource) source = g_object_ref (fetch->feed->source);
  g_autofree char *content_type = NULL;
  g_autofree char *url = NULL;
  Feed *feed = fetch->feed;
  gint64 fetched = now_usec (feed);
  gboolean changed;

  if (body != NULL)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->msg);

      /* Validators only from a body that passed every check: otherwise a rejected body would be
       * "not modified" forever. */
      g_free (feed->etag);
      feed->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
      g_free (feed->last_modified);
      feed->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
      content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
      url = g_uri_to_string (soup_message_get_uri (fetch->msg));
      feed->success_before_delivery = vg_feed_health_get_last_success_usec (feed->health);
      feed->delivered_usec = fetched;
    }
  finish_fetch (fetch);

  changed = vg_feed_health_record_success (feed->health, fetched);
  changed |= schedule_attempt (feed, vg_feed_source_get_interval_ms (feed->source));
  schedule_stale_check (feed);

  /* Health first, so that a handler reporting the payload invalid has the last word; after
   * the first emission a handler may have removed the feed, so only our own refs are used. */
  if (feed->once_url != NULL)
    {
      /* One shot: delivered, then forgotten (the handler may stop the poller meanwhile). */
      g_autofree char *once_url = g_strdup (feed->once_url);

      if (changed)
        emit_health_changed (feed);
      if (body != NULL)
        g_signal_emit (poller, signals[PAYLOAD_RECEIVED], 0, source, body, content_type, url, fetched);
      if (poller->once != NULL)
        g_hash_table_remove (poller->once, once_url);
      return;
    }
  if (changed)
    emit_health_changed (feed);
  if (body != NULL)
    g_signal_emit (poller, signals[PAYLOAD_RECEIVED], 0, source, body, content_type, url, fetched);
}

static void
read_next (Fetch *fetch);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  guint64 max;

  if (fetch->feed == NULL)
    {
      fetch_free (fetch);
      return;
    }
  if (n < 0)
    {
      fail_fetch (fetch, transport_error (fetch, error), 0);
      return;
    }
  if (n == 0)
    {
      /* The spare capacity stays allocated rather than shrunk: a realloc may copy the whole
       * body, tens of milliseconds on the main thread for a big one. */
      g_autoptr(GBytes) body = g_bytes_new_with_free_func (fetch->data, fetch->len, g_free, fetch->data);

      fetch->data = NULL;
      fetch->len = fetch->capacity = 0;
      succeed_fetch (fetch, body);
      return;
    }

  fetch->len += n;
  max = vg_feed_source_get_max_bytes (fetch->feed->source);
  if (fetch->len > max)
    {
      g_autofree char *server = describe_server (fetch->msg);
      g_autofree char *cap = g_format_size (max);

      fail_fetch (fetch, g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_TOO_LARGE,
                                      "Feed “%s”: body from %s exceeds the cap of %s%s; download abandoned",
                                      vg_feed_source_get_id (fetch->feed->source), server, cap,
                                      fetch->encoded ? " once decompressed" : ""), 0);
      return;
    }
  read_next (fetch);
}

/* Reads the next piece of body. The buffer never grows past the cap + 1 byte: the byte past
 * the cap is how an oversize body is detected without ever holding more. */
static void
read_next (Fetch *fetch)
{
  guint64 limit = vg_feed_source_get_max_bytes (fetch->feed->source) + 1;

  if (fetch->len == fetch->capacity)
    {
      fetch->capacity = MIN (MAX (fetch->capacity * 2, FIRST_BUFFER), limit);
      fetch->data = g_realloc (fetch->data, fetch->capacity);
    }
  g_input_stream_read_async (fetch->stream, fetch->data + fetch->len,
                             MIN (fetch->capacity - fetch->len, READ_CHUNK),
                             G_PRIORITY_DEFAULT, fetch->cancellable, read_cb, fetch);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  VgFeedSource *source;
  SoupMessageHeaders *headers;
  g_autofree char *server = NULL;
  const char *id;
  const char *content_type;
  guint status;

  if (fetch->feed == NULL)
    {
      fetch_free (fetch);
      return;
    }
  if (stream == NULL)
    {
      fail_fetch (fetch, transport_error (fetch, error), 0);
      return;
    }

  source = fetch->feed->source;
  id = vg_feed_source_get_id (source);
  server = describe_server (fetch->msg);
  status = soup_message_get_status (fetch->msg);
  headers = soup_message_get_response_headers (fetch->msg);

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      succeed_fetch (fetch, NULL);
      return;
    }
  /* Hub'Eau answers 206 for a page of a longer result even without a Range request
   * (https://github.com/BRGM/hubeau/issues/261); we never send Range, so it is a whole body. */
  if (status != SOUP_STATUS_OK && status != SOUP_STATUS_NON_AUTHORITATIVE &&
      status != SOUP_STATUS_PARTIAL_CONTENT)
    {
      guint64 wait = 0;
      g_autofree char *wait_text = NULL;

      if (status == 429 || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
        wait = retry_after_ms (fetch->feed, fetch->msg);
      if (wait > 0)
        {
          g_autofree char *delay = format_ms (wait);

          wait_text = g_strdup_printf ("; asked to retry after %s", delay);
        }
      fail_fetch (fetch, g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_HTTP,
                                      "Feed “%s”: %s answered HTTP %u %s%s", id, server, status,
                                      status_phrase (status), wait_text ? wait_text : ""), wait);
      return;
    }

  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (!vg_feed_source_accepts_content_type (source, content_type))
    {
      g_autofree char *accepted = g_strjoinv (", ", (GStrv) vg_feed_source_get_content_types (source));

      fail_fetch (fetch, g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_CONTENT_TYPE,
                                      "Feed “%s”: %s sent %s%s%s, expected %s", id, server,
                                      content_type ? "“" : "", content_type ? content_type : "no content type",
                                      content_type ? "”" : "", *accepted ? accepted : "nothing (no type accepted)"),
                  0);
      return;
    }

  /* Refuse an announced oversize body before reading a byte of it. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    {
      goffset length = soup_message_headers_get_content_length (headers);
      guint64 max = vg_feed_source_get_max_bytes (source);

      if ((guint64) length > max)
        {
          g_autofree char *announced = g_format_size (length);
          g_autofree char *cap = g_format_size (max);

          fail_fetch (fetch, g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_TOO_LARGE,
                                          "Feed “%s”: %s announces a body of %s, more than the cap of %s",
                                          id, server, announced, cap), 0);
          return;
        }
      /* + 1: room for the read that finds the end, so that an exact body needs no regrowth. */
      fetch->capacity = (gsize) length + 1;
      fetch->data = g_malloc (fetch->capacity);
    }

  fetch->encoded = soup_message_headers_get_list (headers, "Content-Encoding") != NULL;
  fetch->stream = g_steal_pointer (&stream);
  read_next (fetch);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->timeout_id = 0;
  fetch->timed_out = TRUE;
  g_cancellable_cancel (fetch->cancellable);
  return G_SOURCE_REMOVE;
}

static void
start_fetch (Feed *feed)
{
  VgFeedSource *source = feed->source;
  const char *url = feed->once_url != NULL ? feed->once_url : vg_feed_source_get_url (source);
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  g_autofree char *accept = NULL;
  SoupMessageHeaders *headers;
  Fetch *fetch;
  gboolean changed;

  g_assert (feed->fetch == NULL);

  fetch = g_new0 (Fetch, 1);
  fetch->feed = feed;
  feed->fetch = fetch;
  g_clear_handle_id (&feed->attempt_id, g_source_remove);
  changed = vg_feed_health_set_next_attempt (feed->health, 0);

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      /* fail_fetch() describes the server from the message: there is none to describe. */
      g_autoptr(GError) error = g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_UNSUPPORTED,
                                             "Feed “%s”: “%s” is not an http(s) URL",
                                             vg_feed_source_get_id (source), url);
      gint64 now = now_usec (feed);

      finish_fetch (fetch);
      vg_feed_health_record_failure (feed->health, error, now);
      schedule_attempt (feed, backoff_ms (feed->poller, source,
                                          vg_feed_health_get_consecutive_failures (feed->health)));
      emit_health_changed (feed);
      if (feed->once_url != NULL && feed->poller->once != NULL)
        g_hash_table_remove (feed->poller->once, url);
      return;
    }

  fetch->msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  fetch->cancellable = g_cancellable_new ();
  headers = soup_message_get_request_headers (fetch->msg);
  if (feed->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", feed->etag);
  if (feed->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", feed->last_modified);
  accept = g_strjoinv (", ", (GStrv) vg_feed_source_get_content_types (source));
  if (*accept != '\0')
    soup_message_headers_replace (headers, "Accept", accept);

  fetch->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, vg_feed_source_get_timeout_ms (source),
                                          timeout_cb, fetch, NULL);
  soup_session_send_async (feed->poller->session, fetch->msg, G_PRIORITY_DEFAULT,
                           fetch->cancellable, send_cb, fetch);
  if (changed)
    emit_health_changed (feed);
}

/* Ids of every feed: walks that emit signals go by id, since a handler may remove feeds. */
static GPtrArray *
dup_ids (VgFeedPoller *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, self->feeds);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_ptr_array_add (ids, g_strdup (id));
  return ids;
}

static void
clock_changed_cb (VgClock      *clock,
                  VgFeedPoller *self)
{
  g_autoptr(GPtrArray) ids = dup_ids (self);

  for (guint i = 0; i < ids->len; i++)
    {
      Feed *feed = g_hash_table_lookup (self->feeds, g_ptr_array_index (ids, i));
      gboolean changed;

      if (feed == NULL)
        continue;
      changed = vg_feed_health_refresh (feed->health, vg_clock_get_now_usec (clock));
      schedule_stale_check (feed);
      if (changed)
        emit_health_changed (feed);
    }
}

static void
vg_feed_poller_dispose (GObject *object)
{
  VgFeedPoller *self = VG_FEED_POLLER (object);

  self->running = FALSE;
  g_clear_pointer (&self->feeds, g_hash_table_unref);
  g_clear_pointer (&self->once, g_hash_table_unref);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_func (self->clock, clock_changed_cb, self);
  g_clear_object (&self->clock);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (vg_feed_poller_parent_class)->dispose (object);
}

static void
vg_feed_poller_finalize (GObject *object)
{
  VgFeedPoller *self = VG_FEED_POLLER (object);

  g_clear_pointer (&self->rand, g_rand_free);

  G_OBJECT_CLASS (vg_feed_poller_parent_class)->finalize (object);
}

static void
vg_feed_poller_class_init (VgFeedPollerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vg_feed_poller_dispose;
  object_class->finalize = vg_feed_poller_finalize;

  signals[PAYLOAD_RECEIVED] =
    g_signal_new ("payload-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 5, VG_TYPE_FEED_SOURCE, G_TYPE_BYTES, G_TYPE_STRING,
                  G_TYPE_STRING, G_TYPE_INT64);
  signals[HEALTH_CHANGED] =
    g_signal_new ("health-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, VG_TYPE_FEED_SOURCE, VG_TYPE_FEED_HEALTH);
}

static void
vg_feed_poller_init (VgFeedPoller *self)
{
  self->feeds = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) feed_free);
  self->once = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) feed_free);
  self->rand = g_rand_new ();
  /* TLS is verified against the system store by default; nothing here may weaken that (no
   * tls-database override, no accept-certificate handler). */
  self->session = soup_session_new_with_options ("user-agent", vg_feed_poller_get_user_agent (),
                                                 "max-conns-per-host", 4,
                                                 NULL);
}

VgFeedPoller *
vg_feed_poller_new (VgClock *clock)
{
  VgFeedPoller *self;

  g_return_val_if_fail (VG_IS_CLOCK (clock), NULL);

  self = g_object_new (VG_TYPE_FEED_POLLER, NULL);
  self->clock = g_object_ref (clock);
  g_signal_connect (clock, "changed", G_CALLBACK (clock_changed_cb), self);
  return self;
}

void
vg_feed_poller_set_seed (VgFeedPoller *self,
                         guint32       seed)
{
  g_return_if_fail (VG_IS_FEED_POLLER (self));

  g_rand_set_seed (self->rand, seed);
}

void
vg_feed_poller_add_source (VgFeedPoller *self,
                           VgFeedSource *source)
{
  Feed *feed;
  guint64 stale_usec;

  g_return_if_fail (VG_IS_FEED_POLLER (self));
  g_return_if_fail (VG_IS_FEED_SOURCE (source));
  g_return_if_fail (vg_feed_source_get_enabled (source));

  stale_usec = (guint64) vg_feed_source_get_interval_ms (source) * vg_feed_source_get_stale_after (source) * 1000;
  feed = g_new0 (Feed, 1);
  feed->poller = self;
  feed->source = g_object_ref (source);
  feed->health = vg_feed_health_new (vg_feed_source_get_id (source), (gint64) MIN (stale_usec, G_MAXINT64));
  g_hash_table_replace (self->feeds, (gpointer) vg_feed_source_get_id (source), feed);

  if (schedule_attempt (feed, 0))
    emit_health_changed (feed);
}

gboolean
vg_feed_poller_remove_source (VgFeedPoller *self,
                              const char   *id)
{
  g_return_val_if_fail (VG_IS_FEED_POLLER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_hash_table_remove (self->feeds, id);
}

VgFeedSource *
vg_feed_poller_get_source (VgFeedPoller *self,
                           const char   *id)
{
  Feed *feed;

  g_return_val_if_fail (VG_IS_FEED_POLLER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  feed = g_hash_table_lookup (self->feeds, id);
  return feed != NULL ? feed->source : NULL;
}

VgFeedHealth *
vg_feed_poller_get_health (VgFeedPoller *self,
                           const char   *id)
{
  Feed *feed;

  g_return_val_if_fail (VG_IS_FEED_POLLER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  feed = g_hash_table_lookup (self->feeds, id);
  return feed != NULL ? feed->health : NULL;
}

void
vg_feed_poller_start (VgFeedPoller *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (VG_IS_FEED_POLLER (self));

  if (self->running)
    return;
  self->running = TRUE;
  ids = dup_ids (self);
  for (guint i = 0; i < ids->len; i++)
    {
      Feed *feed = g_hash_table_lookup (self->feeds, g_ptr_array_index (ids, i));

      if (feed != NULL && schedule_attempt (feed, 0))
        emit_health_changed (feed);
    }
}

void
vg_feed_poller_stop (VgFeedPoller *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (VG_IS_FEED_POLLER (self));

  if (!self->running)
    return;
  self->running = FALSE;
  ids = dup_ids (self);
  for (guint i = 0; i < ids->len; i++)
    {
      Feed *feed = g_hash_table_lookup (self->feeds, g_ptr_array_index (ids, i));

      if (feed == NULL)
        continue;
      abandon_fetch (feed);
      if (schedule_attempt (feed, 0))
        emit_health_changed (feed);
    }
  /* One-shot fetches are not resumed: dropped with their fetch. */
  g_hash_table_remove_all (self->once);
}

gboolean
vg_feed_poller_is_running (VgFeedPoller *self)
{
  g_return_val_if_fail (VG_IS_FEED_POLLER (self), FALSE);

  return self->running;
}

gboolean
vg_feed_poller_fetch_now (VgFeedPoller *self,
                          const char   *id)
{
  Feed *feed;

  g_return_val_if_fail (VG_IS_FEED_POLLER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  feed = g_hash_table_lookup (self->feeds, id);
  if (feed == NULL || !self->running || feed->fetch != NULL)
    return FALSE;
  start_fetch (feed);
  return TRUE;
}

void
vg_feed_poller_report_invalid (VgFeedPoller *self,
                               const char   *id,
                               gint64        fetched_usec,
                               const GError *error)
{
  Feed *feed;
  gint64 now;
  gboolean changed;

  g_return_if_fail (VG_IS_FEED_POLLER (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (error != NULL);

  feed = g_hash_table_lookup (self->feeds, id);
  /* A late verdict on a payload that a newer one has replaced changes nothing. */
  if (feed == NULL || fetched_usec == 0 || feed->delivered_usec != fetched_usec)
    return;

  feed->delivered_usec = 0;
  g_clear_pointer (&feed->etag, g_free);
  g_clear_pointer (&feed->last_modified, g_free);
  now = vg_clock_get_now_usec (self->clock);
  changed = vg_feed_health_retract_success (feed->health, feed->success_before_delivery, now);
  changed |= vg_feed_health_record_failure (feed->health, error, now);
  /* A fetch in flight schedules the next attempt itself when it ends. */
  if (feed->fetch == NULL)
    changed |= schedule_attempt (feed, backoff_ms (self, feed->source,
                                                   vg_feed_health_get_consecutive_failures (feed->health)));
  schedule_stale_check (feed);
  if (changed)
    emit_health_changed (feed);
}

/* Whether @url may be fetched on the word of a payload: https, or http to this machine. */
static gboolean
once_url_is_safe (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL || *host == '\0')
    return FALSE;
  if (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0)
    return TRUE;
  return g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 &&
         (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") || g_str_equal (host, "localhost"));
}

gboolean
vg_feed_poller_fetch_once (VgFeedPoller  *self,
                           VgFeedSource  *source,
                           const char    *url,
                           GError       **error)
{
  Feed *feed;
  guint64 stale_usec;

  g_return_val_if_fail (VG_IS_FEED_POLLER (self), FALSE);
  g_return_val_if_fail (VG_IS_FEED_SOURCE (source), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  if (!self->running)
    {
      g_set_error (error, VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                   "Feed “%s”: %s not fetched, polling is stopped", vg_feed_source_get_id (source), url);
      return FALSE;
    }
  if (!once_url_is_safe (url))
    {
      g_set_error (error, VG_FEED_ERROR, VG_FEED_ERROR_UNSUPPORTED,
                   "Feed “%s”: %s not fetched, a linked document is fetched over https only",
                   vg_feed_source_get_id (source), url);
      return FALSE;
    }
  if (g_hash_table_contains (self->once, url))
    return TRUE;   /* already on its way */

  stale_usec = (guint64) vg_feed_source_get_interval_ms (source) * vg_feed_source_get_stale_after (source) * 1000;
  feed = g_new0 (Feed, 1);
  feed->poller = self;
  feed->source = g_object_ref (source);
  feed->health = vg_feed_health_new (vg_feed_source_get_id (source), (gint64) MIN (stale_usec, G_MAXINT64));
  feed->once_url = g_strdup (url);
  g_hash_table_insert (self->once, feed->once_url, feed);
  start_fetch (feed);
  return TRUE;
}

const char *
vg_feed_poller_get_user_agent (void)
{
  return "Vigie/" PACKAGE_VERSION " (+https://github.com/vigie)";
}
