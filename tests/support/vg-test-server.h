/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A hostile feed server on loopback, for the poller tests: it plays, per path, the failure
 * modes of real servers (see the vg_test_reply_new_*() constructors). It runs on the
 * thread-default main context, like the client under test: iterate that loop. */

#define VG_TYPE_TEST_SERVER (vg_test_server_get_type ())
G_DECLARE_FINAL_TYPE (VgTestServer, vg_test_server, VG, TEST_SERVER, GObject)

typedef struct _VgTestReply VgTestReply;

/* 200 with @body, an ETag and a Last-Modified; 304 when the request's validators match. */
VgTestReply  *vg_test_reply_new_ok             (const char   *body,
                                                const char   *content_type);
/* Like vg_test_reply_new_ok() but only with the validators asked for. */
VgTestReply  *vg_test_reply_new_ok_validators  (const char   *body,
                                                const char   *content_type,
                                                gboolean      etag,
                                                gboolean      last_modified);
/* An error @status (500, 503...) with a Retry-After header if @retry_after is not NULL. */
VgTestReply  *vg_test_reply_new_status         (guint         status,
                                                const char   *retry_after);
/* Reads the request, then never answers (the message stays paused). */
VgTestReply  *vg_test_reply_new_hang           (void);
/* 200, chunked, @body sent one byte every @ms_per_byte milliseconds. */
VgTestReply  *vg_test_reply_new_trickle        (const char   *body,
                                                const char   *content_type,
                                                guint         ms_per_byte);
/* 200 announcing a Content-Length of @announced, sending only @body, then closing. */
VgTestReply  *vg_test_reply_new_truncated      (const char   *body,
                                                const char   *content_type,
                                                gsize         announced);
/* 200 with Content-Encoding: gzip, a small body that inflates to @inflated_size zero bytes. */
VgTestReply  *vg_test_reply_new_gzip_bomb      (gsize         inflated_size,
                                                const char   *content_type);
/* 200 streaming @size filler bytes (spaces), with a Content-Length if
 * @announce_length, chunked otherwise; never holds more than 64 KiB of it in memory. */
VgTestReply  *vg_test_reply_new_stream         (guint64       size,
                                                gboolean      announce_length,
                                                const char   *content_type);
/* Frees an unused reply. */
void          vg_test_reply_free               (VgTestReply  *reply);

/* New server on 127.0.0.1, port chosen by the system; with @tls, HTTPS with the throwaway
 * self-signed certificate of vg_test_server_get_tls_cert_path() (NULL if there is none). */
VgTestServer *vg_test_server_new               (gboolean      tls);
/* Queues @reply (taken) for @path: replies are served in order and the last one repeats. */
void          vg_test_server_push              (VgTestServer *self,
                                                const char   *path,
                                                VgTestReply  *reply);
/* Replaces whatever @path would serve by @reply (taken): the server "heals" or breaks. */
void          vg_test_server_set               (VgTestServer *self,
                                                const char   *path,
                                                VgTestReply  *reply);
/* URL of @path on this server; free with g_free(). */
char         *vg_test_server_dup_url           (VgTestServer *self,
                                                const char   *path);
/* URL of a loopback port that refuses connections (bound, not listening); g_free(). */
char         *vg_test_server_dup_refused_url   (VgTestServer *self);
/* The refused port starts listening and this server answers on it (the path of
 * vg_test_server_dup_refused_url() is "/refused"): a server that was down comes back up. */
void          vg_test_server_heal_refused      (VgTestServer *self);
/* Requests received for @path so far. */
guint         vg_test_server_get_request_count (VgTestServer *self,
                                                const char   *path);
/* Monotonic time (g_get_monotonic_time()) of request @index to @path. */
gint64        vg_test_server_get_request_time  (VgTestServer *self,
                                                const char   *path,
                                                guint         index);
/* Header @name of the last request to @path, or NULL; free with g_free(). */
char         *vg_test_server_dup_last_header   (VgTestServer *self,
                                                const char   *path,
                                                const char   *name);

/* URL whose host can never resolve (RFC 6761 reserves .invalid); free with g_free(). */
char         *vg_test_unresolvable_url         (void);
/* PEM of the throwaway self-signed certificate (CN and SAN 127.0.0.1) generated at build
 * time, or NULL if openssl was not available; static. */
const char   *vg_test_server_get_tls_cert_path (void);

G_END_DECLS
