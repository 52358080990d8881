/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-test-server"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "vg-test-server.h"

#define FILLER_SIZE (64 * 1024)

typedef enum {
  REPLY_OK,
  REPLY_STATUS,
  REPLY_HANG,
  REPLY_TRICKLE,
  REPLY_TRUNCATED,
  REPLY_GZIP_BOMB,
  REPLY_STREAM,
} ReplyKind;

struct _VgTestReply
{
  ReplyKind  kind;
  guint      status;
  GBytes    *body;
  char      *content_type;
  char      *content_encoding;
  char      *etag;
  char      *last_modified;
  char      *retry_after;
  guint      ms_per_byte;
  guint64    size;              /* announced length (truncated) or total size (stream) */
  gboolean   announce_length;
};

typedef struct
{
  GQueue              replies;
  GArray             *times;
  SoupMessageHeaders *last_headers;
} Route;

/* A response written piece by piece; lives as data on its message. */
typedef struct
{
  SoupServerMessage *msg;       /* unowned: this is freed with it */
  GBytes            *body;      /* trickled bytes, or NULL for filler */
  guint64            offset;
  guint64            size;
  guint              timer_id;
} Stream;

struct _VgTestServer
{
  GObject     parent_instance;

  SoupServer *server;
  GUri       *base;
  GHashTable *routes;           /* path → Route */
  GSocket    *refused;          /* bound, never listening: connections to it are refused */
  GPtrArray  *hung;             /* paused messages, released at dispose */
};

G_DEFINE_FINAL_TYPE (VgTestServer, vg_test_server, G_TYPE_OBJECT)

static const char filler[FILLER_SIZE] = { [0 ... FILLER_SIZE - 1] = ' ' };

static VgTestReply *
reply_new (ReplyKind   kind,
           const char *body,
           const char *content_type)
{
  VgTestReply *reply = g_new0 (VgTestReply, 1);

  reply->kind = kind;
  reply->status = SOUP_STATUS_OK;
  if (body != NULL)
    reply->body = g_bytes_new (body, strlen (body));
  reply->content_type = g_strdup (content_type);
  return reply;
}

void
vg_test_reply_free (VgTestReply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply->content_type);
  g_free (reply->content_encoding);
  g_free (reply->etag);
  g_free (reply->last_modified);
  g_free (reply->retry_after);
  g_free (reply);
}

VgTestReply *
vg_test_reply_new_ok_validators (const char *body,
                                 const char *content_type,
                                 gboolean    etag,
                                 gboolean    last_modified)
{
  /* Each reply gets a later Last-Modified, so that a changed body is never "not modified". */
  static gint serial;
  VgTestReply *reply = reply_new (REPLY_OK, body, content_type);

  if (etag)
    {
      g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, reply->body);

      reply->etag = g_strdup_printf ("\"%.16s\"", sum);
    }
  if (last_modified)
    {
      g_autoptr(GDateTime) base = g_date_time_new_utc (2014, 9, 29, 6, 0, 0);
      g_autoptr(GDateTime) when = g_date_time_add_seconds (base, g_atomic_int_add (&serial, 1));

      reply->last_modified = soup_date_time_to_string (when, SOUP_DATE_HTTP);
    }
  return reply;
}

VgTestReply *
vg_test_reply_new_ok (const char *body,
                      const char *content_type)
{
  return vg_test_reply_new_ok_validators (body, content_type, TRUE, TRUE);
}

VgTestReply *
vg_test_reply_new_status (guint       status,
                          const char *retry_after)
{
  VgTestReply *reply = reply_new (REPLY_STATUS, "server error\n", "text/plain");

  reply->status = status;
  reply->retry_after = g_strdup (retry_after);
  return reply;
}

VgTestReply *
vg_test_reply_new_hang (void)
{
  return reply_new (REPLY_HANG, NULL, NULL);
}

VgTestReply *
vg_test_reply_new_trickle (const char *body,
                           const char *content_type,
                           guint       ms_per_byte)
{
  VgTestReply *reply = reply_new (REPLY_TRICKLE, body, content_type);

  reply->ms_per_byte = ms_per_byte;
  return reply;
}

VgTestReply *
vg_test_reply_new_truncated (const char *body,
                             const char *content_type,
                             gsize       announced)
{
  VgTestReply *reply = reply_new (REPLY_TRUNCATED, body, content_type);

  g_assert_cmpuint (announced, >, g_bytes_get_size (reply->body));
  reply->size = announced;
  return reply;
}

VgTestReply *
vg_test_reply_new_gzip_bomb (gsize       inflated_size,
                             const char *content_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) gzip = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  static const char zeros[FILLER_SIZE];
  VgTestReply *reply = reply_new (REPLY_GZIP_BOMB, NULL, content_type);

  for (gsize left = inflated_size; left > 0; left -= MIN (left, sizeof zeros))
    {
      g_output_stream_write_all (gzip, zeros, MIN (left, sizeof zeros), NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_output_stream_close (gzip, NULL, &error);
  g_assert_no_error (error);
  reply->body = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  reply->content_encoding = g_strdup ("gzip");
  return reply;
}

VgTestReply *
vg_test_reply_new_stream (guint64     size,
                          gboolean    announce_length,
                          const char *content_type)
{
  VgTestReply *reply = reply_new (REPLY_STREAM, NULL, content_type);

  reply->size = size;
  reply->announce_length = announce_length;
  return reply;
}

static void
route_free (Route *route)
{
  g_queue_clear_full (&route->replies, (GDestroyNotify) vg_test_reply_free);
  g_clear_pointer (&route->times, g_array_unref);
  g_clear_pointer (&route->last_headers, soup_message_headers_unref);
  g_free (route);
}

static Route *
ensure_route (VgTestServer *self,
              const char   *path)
{
  Route *route = g_hash_table_lookup (self->routes, path);

  if (route == NULL)
    {
      route = g_new0 (Route, 1);
      route->times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->routes, g_strdup (path), route);
    }
  return route;
}

static void
stream_free (Stream *stream)
{
  g_clear_handle_id (&stream->timer_id, g_source_remove);
  g_clear_pointer (&stream->body, g_bytes_unref);
  g_free (stream);
}

/* The client went away or the response is complete: no more writing. */
static void
stream_finished_cb (SoupServerMessage *msg,
                    Stream            *stream)
{
  g_clear_handle_id (&stream->timer_id, g_source_remove);
}

static Stream *
stream_new (SoupServerMessage *msg)
{
  Stream *stream = g_new0 (Stream, 1);

  stream->msg = msg;
  g_object_set_data_full (G_OBJECT (msg), "vg-test-stream", stream, (GDestroyNotify) stream_free);
  /* libsoup clears the message's I/O on disconnection: unpausing after that is a critical. */
  g_signal_connect (msg, "finished", G_CALLBACK (stream_finished_cb), stream);
  g_signal_connect (msg, "disconnected", G_CALLBACK (stream_finished_cb), stream);
  return stream;
}

/* Feeds the next filler piece each time the previous one is on the wire, so that at most one
 * piece is ever queued whatever the total size. */
static void
filler_wrote_chunk_cb (SoupServerMessage *msg,
                       Stream            *stream)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  guint64 n = MIN (stream->size - stream->offset, FILLER_SIZE);

  if (n == 0)
    {
      soup_message_body_complete (body);
      return;
    }
  soup_message_body_append (body, SOUP_MEMORY_STATIC, filler, n);
  stream->offset += n;
}

static gboolean
trickle_cb (gpointer user_data)
{
  Stream *stream = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (stream->msg);
  const guint8 *data = g_bytes_get_data (stream->body, NULL);

  soup_message_body_append (body, SOUP_MEMORY_COPY, data + stream->offset, 1);
  stream->offset++;
  if (stream->offset == stream->size)
    {
      soup_message_body_complete (body);
      stream->timer_id = 0;
    }
  soup_server_message_unpause (stream->msg);
  return stream->timer_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
mark_disconnected_cb (SoupServerMessage *msg,
                      gpointer           user_data)
{
  g_object_set_data (G_OBJECT (msg), "vg-test-disconnected", GINT_TO_POINTER (TRUE));
}

/* Takes the connection from libsoup, which would wait for the rest of the body, and closes it. */
static gboolean
cut_cb (gpointer user_data)
{
  g_autoptr(SoupServerMessage) msg = user_data;
  g_autoptr(GIOStream) connection = NULL;

  if (g_object_get_data (G_OBJECT (msg), "vg-test-disconnected") != NULL)
    return G_SOURCE_REMOVE;   /* the client gave up first */
  connection = soup_server_message_steal_connection (msg);
  g_io_stream_close (connection, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* The short body is on the wire; cut from outside libsoup's own write loop. */
static void
truncate_wrote_chunk_cb (SoupServerMessage *msg,
                         gpointer           user_data)
{
  g_signal_handlers_disconnect_by_func (msg, truncate_wrote_chunk_cb, user_data);
  g_signal_connect (msg, "disconnected", G_CALLBACK (mark_disconnected_cb), NULL);
  g_idle_add (cut_cb, g_object_ref (msg));
}

static void
hung_finished_cb (SoupServerMessage *msg,
                  VgTestServer      *self)
{
  g_signal_handlers_disconnect_by_func (msg, hung_finished_cb, self);
  g_ptr_array_remove (self->hung, msg);
}

static void
serve (VgTestServer      *self,
       SoupServerMessage *msg,
       VgTestReply       *reply)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  Stream *stream;

  switch (reply->kind)
    {
    case REPLY_OK:
      {
        const char *inm = soup_message_headers_get_one (request, "If-None-Match");
        const char *ims = soup_message_headers_get_one (request, "If-Modified-Since");

        if (reply->etag != NULL)
          soup_message_headers_replace (headers, "ETag", reply->etag);
        if (reply->last_modified != NULL)
          soup_message_headers_replace (headers, "Last-Modified", reply->last_modified);
        /* RFC 9110 §13.2.2: If-None-Match, when present, decides alone. Clients echo the
         * Last-Modified they were given, so string equality stands for "not newer". */
        if ((inm != NULL && g_strcmp0 (inm, reply->etag) == 0) ||
            (inm == NULL && ims != NULL && g_strcmp0 (ims, reply->last_modified) == 0))
          {
            soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
            return;
          }
        soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
        soup_server_message_set_response (msg, reply->content_type, SOUP_MEMORY_COPY,
                                          g_bytes_get_data (reply->body, NULL),
                                          g_bytes_get_size (reply->body));
        return;
      }

    case REPLY_STATUS:
      soup_server_message_set_status (msg, reply->status, NULL);
      if (reply->retry_after != NULL)
        soup_message_headers_replace (headers, "Retry-After", reply->retry_after);
      soup_server_message_set_response (msg, reply->content_type, SOUP_MEMORY_COPY,
                                        g_bytes_get_data (reply->body, NULL),
                                        g_bytes_get_size (reply->body));
      return;

    case REPLY_HANG:
      g_ptr_array_add (self->hung, g_object_ref (msg));
      g_signal_connect (msg, "finished", G_CALLBACK (hung_finished_cb), self);
      g_signal_connect (msg, "disconnected", G_CALLBACK (hung_finished_cb), self);
      soup_server_message_pause (msg);
      return;

    case REPLY_TRICKLE:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, reply->content_type, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      stream = stream_new (msg);
      stream->body = g_bytes_ref (reply->body);
      stream->size = g_bytes_get_size (reply->body);
      stream->timer_id = g_timeout_add (reply->ms_per_byte, trickle_cb, stream);
      return;

    case REPLY_TRUNCATED:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, reply->content_type, NULL);
      soup_message_headers_set_content_length (headers, reply->size);
      soup_message_body_append_bytes (body, reply->body);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (truncate_wrote_chunk_cb), NULL);
      return;

    case REPLY_GZIP_BOMB:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (headers, "Content-Encoding", reply->content_encoding);
      soup_server_message_set_response (msg, reply->content_type, SOUP_MEMORY_COPY,
                                        g_bytes_get_data (reply->body, NULL),
                                        g_bytes_get_size (reply->body));
      return;

    case REPLY_STREAM:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, reply->content_type, NULL);
      if (reply->announce_length)
        soup_message_headers_set_content_length (headers, reply->size);
      else
        soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      /* Written pieces are dropped, not accumulated: a 1 GB body costs 64 KiB. */
      soup_message_body_set_accumulate (body, FALSE);
      stream = stream_new (msg);
      stream->size = reply->size;
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (filler_wrote_chunk_cb), stream);
      filler_wrote_chunk_cb (msg, stream);
      return;

    default:
      g_assert_not_reached ();
    }
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  VgTestServer *self = user_data;
  Route *route = g_hash_table_lookup (self->routes, path);
  gint64 now = g_get_monotonic_time ();
  VgTestReply *reply;

  if (route == NULL || g_queue_is_empty (&route->replies))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  g_array_append_val (route->times, now);
  g_clear_pointer (&route->last_headers, soup_message_headers_unref);
  route->last_headers = soup_message_headers_ref (soup_server_message_get_request_headers (msg));

  if (g_queue_get_length (&route->replies) > 1)
    {
      reply = g_queue_pop_head (&route->replies);
      serve (self, msg, reply);
      vg_test_reply_free (reply);
    }
  else
    serve (self, msg, g_queue_peek_head (&route->replies));
}

static void
vg_test_server_dispose (GObject *object)
{
  VgTestServer *self = VG_TEST_SERVER (object);

  /* Disconnecting ends every connection, the hung ones included (their messages finish). */
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->hung, g_ptr_array_unref);
  g_clear_pointer (&self->routes, g_hash_table_unref);
  g_clear_pointer (&self->base, g_uri_unref);
  if (self->refused != NULL)
    g_socket_close (self->refused, NULL);
  g_clear_object (&self->refused);

  G_OBJECT_CLASS (vg_test_server_parent_class)->dispose (object);
}

static void
vg_test_server_class_init (VgTestServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vg_test_server_dispose;
}

static void
vg_test_server_init (VgTestServer *self)
{
  self->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  self->hung = g_ptr_array_new_with_free_func (g_object_unref);
}

VgTestServer *
vg_test_server_new (gboolean tls)
{
  g_autoptr(VgTestServer) self = g_object_new (VG_TYPE_TEST_SERVER, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  if (tls)
    {
      g_autoptr(GTlsCertificate) cert = NULL;

      if (vg_test_server_get_tls_cert_path () == NULL)
        return NULL;
      cert = g_tls_certificate_new_from_files (vg_test_server_get_tls_cert_path (),
                                               g_getenv ("VG_TEST_TLS_KEY"), &error);
      g_assert_no_error (error);
      self->server = soup_server_new ("tls-certificate", cert, NULL);
    }
  else
    self->server = soup_server_new (NULL, NULL);

  soup_server_add_handler (self->server, NULL, handler_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY |
                            (tls ? SOUP_SERVER_LISTEN_HTTPS : 0), &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return g_steal_pointer (&self);
}

void
vg_test_server_push (VgTestServer *self,
                     const char   *path,
                     VgTestReply  *reply)
{
  g_return_if_fail (VG_IS_TEST_SERVER (self));
  g_return_if_fail (reply != NULL);

  g_queue_push_tail (&ensure_route (self, path)->replies, reply);
}

void
vg_test_server_set (VgTestServer *self,
                    const char   *path,
                    VgTestReply  *reply)
{
  Route *route;

  g_return_if_fail (VG_IS_TEST_SERVER (self));
  g_return_if_fail (reply != NULL);

  route = ensure_route (self, path);
  g_queue_clear_full (&route->replies, (GDestroyNotify) vg_test_reply_free);
  g_queue_push_tail (&route->replies, reply);
}

char *
vg_test_server_dup_url (VgTestServer *self,
                        const char   *path)
{
  g_return_val_if_fail (VG_IS_TEST_SERVER (self), NULL);

  return g_strdup_printf ("%s://127.0.0.1:%d%s", g_uri_get_scheme (self->base),
                          g_uri_get_port (self->base), path);
}

char *
vg_test_server_dup_refused_url (VgTestServer *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) local = NULL;

  g_return_val_if_fail (VG_IS_TEST_SERVER (self), NULL);

  /* A bound socket keeps the port ours (no other test can take it) without ever accepting. */
  if (self->refused == NULL)
    {
      g_autoptr(GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);

      self->refused = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                    G_SOCKET_PROTOCOL_TCP, &error);
      g_assert_no_error (error);
      g_socket_bind (self->refused, any, FALSE, &error);
      g_assert_no_error (error);
    }
  local = g_socket_get_local_address (self->refused, &error);
  g_assert_no_error (error);
  return g_strdup_printf ("http://127.0.0.1:%u/refused",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));
}

void
vg_test_server_heal_refused (VgTestServer *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VG_IS_TEST_SERVER (self));
  g_return_if_fail (self->refused != NULL);

  /* The same bound socket, now listening: the port never changed hands in between. */
  g_socket_set_listen_backlog (self->refused, 16);
  g_socket_listen (self->refused, &error);
  g_assert_no_error (error);
  soup_server_listen_socket (self->server, self->refused, 0, &error);
  g_assert_no_error (error);
}

guint
vg_test_server_get_request_count (VgTestServer *self,
                                  const char   *path)
{
  Route *route;

  g_return_val_if_fail (VG_IS_TEST_SERVER (self), 0);

  route = g_hash_table_lookup (self->routes, path);
  return route != NULL ? route->times->len : 0;
}

gint64
vg_test_server_get_request_time (VgTestServer *self,
                                 const char   *path,
                                 guint         index)
{
  Route *route;

  g_return_val_if_fail (VG_IS_TEST_SERVER (self), 0);

  route = g_hash_table_lookup (self->routes, path);
  g_assert_nonnull (route);
  g_assert_cmpuint (index, <, route->times->len);
  return g_array_index (route->times, gint64, index);
}

char *
vg_test_server_dup_last_header (VgTestServer *self,
                                const char   *path,
                                const char   *name)
{
  Route *route;

  g_return_val_if_fail (VG_IS_TEST_SERVER (self), NULL);

  route = g_hash_table_lookup (self->routes, path);
  if (route == NULL || route->last_headers == NULL)
    return NULL;
  return g_strdup (soup_message_headers_get_one (route->last_headers, name));
}

char *
vg_test_unresolvable_url (void)
{
  return g_strdup ("http://vigie-feed-test.invalid/feed.json");
}

const char *
vg_test_server_get_tls_cert_path (void)
{
  const char *path = g_getenv ("VG_TEST_TLS_CERT");

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR) ? path : NULL;
}
