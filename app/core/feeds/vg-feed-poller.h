/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-clock.h"
#include "vg-feed-health.h"
#include "vg-feed-source.h"

G_BEGIN_DECLS

#define VG_TYPE_FEED_POLLER (vg_feed_poller_get_type ())
G_DECLARE_FINAL_TYPE (VgFeedPoller, vg_feed_poller, VG, FEED_POLLER, GObject)

/* Polls feeds over HTTP(S) with libsoup, asynchronously on the main thread's default main
 * context; nothing it does blocks that thread (DNS runs in GResolver's threads).
 *
 * Each feed is fetched every interval with ETag/Last-Modified validators; a 304 counts as a
 * success without a payload. A whole fetch must finish within the feed's timeout; bodies are
 * capped while streaming, after decompression too (gzip bombs); the content type must be one
 * the feed accepts; TLS certificates are always verified against the system trust store.
 * A failure is retried after min(min(interval, 30 s) × 2^(n−1), max(interval, 30 min)),
 * scaled by a random factor in [0.75, 1.25) (jitter, from a GRand that tests can seed), and
 * never sooner than a 429/503 answer's Retry-After (honoured up to one hour).
 *
 * Signals:
 * - ::payload-received (VgFeedSource *source, GBytes *body, const char *content_type,
 *   const char *url, gint64 fetched_usec): a complete, accepted body. Emitted on the main
 *   thread: a handler with heavy parsing should hand @body to a worker thread. If the payload
 *   turns out to be bad, call vg_feed_poller_report_invalid().
 * - ::health-changed (VgFeedSource *source, VgFeedHealth *health): some property of the
 *   feed's health really changed.
 *
 * All times come from the VgClock given at construction. */

/* New stopped poller, with no feeds, taking its times from @clock. */
VgFeedPoller *vg_feed_poller_new            (VgClock       *clock);
/* Seeds the jitter of the back-off, for reproducible tests. */
void          vg_feed_poller_set_seed       (VgFeedPoller  *self,
                                             guint32        seed);
/* Adds enabled @source, or replaces the source with the same id (a fetch in flight for it is
 * cancelled, its health kept). A running poller fetches it at once. */
void          vg_feed_poller_add_source     (VgFeedPoller  *self,
                                             VgFeedSource  *source);
/* Stops polling the feed @id; FALSE if there is none. */
gboolean      vg_feed_poller_remove_source  (VgFeedPoller  *self,
                                             const char    *id);
/* Source of feed @id, NULL if unknown; borrowed. */
VgFeedSource *vg_feed_poller_get_source     (VgFeedPoller  *self,
                                             const char    *id);
/* Health of feed @id, NULL if unknown; borrowed (lives as long as the feed is polled). */
VgFeedHealth *vg_feed_poller_get_health     (VgFeedPoller  *self,
                                             const char    *id);
/* Starts polling every feed now; new feeds are then fetched as they are added. */
void          vg_feed_poller_start          (VgFeedPoller  *self);
/* Cancels every scheduled attempt and fetch in flight (not counted as failures). */
void          vg_feed_poller_stop           (VgFeedPoller  *self);
/* TRUE between vg_feed_poller_start() and vg_feed_poller_stop(). */
gboolean      vg_feed_poller_is_running     (VgFeedPoller  *self);
/* Fetches feed @id now instead of at its next attempt (the "Refresh" button); FALSE if the
 * feed is unknown, the poller stopped, or a fetch for it is already in flight. */
gboolean      vg_feed_poller_fetch_now      (VgFeedPoller  *self,
                                             const char    *id);
/* The payload of feed @id delivered at @fetched_usec did not parse or validate (@error says
 * why): the feed is marked failing, that payload no longer counts as a success, its validators
 * are forgotten so that the next fetch downloads a full body, and the retry is backed off. */
void          vg_feed_poller_report_invalid (VgFeedPoller  *self,
                                             const char    *id,
                                             gint64         fetched_usec,
                                             const GError  *error);
/* Fetches @url once as a document of feed @source (a CAP message an index links to): the
 * source's timeout, size cap and content types apply, @url must be https (or http to this
 * machine), ::payload-received is emitted with @source, and nothing is retried or scheduled.
 * FALSE with an error if the poller is stopped or @url is not safe to fetch; TRUE (nothing
 * more) if that URL is already being fetched. */
gboolean      vg_feed_poller_fetch_once     (VgFeedPoller  *self,
                                             VgFeedSource  *source,
                                             const char    *url,
                                             GError       **error);
/* The User-Agent sent with every request; static. */
const char   *vg_feed_poller_get_user_agent (void);

G_END_DECLS
