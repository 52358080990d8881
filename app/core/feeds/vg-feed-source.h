/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VG_TYPE_FEED_SOURCE (vg_feed_source_get_type ())
G_DECLARE_FINAL_TYPE (VgFeedSource, vg_feed_source, VG, FEED_SOURCE, GObject)

/* Where a feed comes from and how to poll it: an immutable value set at construction (through
 * the construct-only properties below, or vg_feed_source_new() for the defaults). Changing a
 * feed means building a new source and handing it to the config and the poller again, so a
 * fetch in flight never sees its settings change under it.
 *
 * Properties: "id", "name", "kind", "url", "interval-ms", "timeout-ms", "max-bytes",
 * "content-types", "stale-after", "enabled". */

#define VG_FEED_SOURCE_DEFAULT_INTERVAL_MS  (5 * 60 * 1000)
#define VG_FEED_SOURCE_DEFAULT_TIMEOUT_MS   (30 * 1000)
#define VG_FEED_SOURCE_DEFAULT_MAX_BYTES    (G_GUINT64_CONSTANT (16) * 1024 * 1024)
#define VG_FEED_SOURCE_DEFAULT_STALE_AFTER  3

/* New enabled source with the default interval, timeout, size cap, staleness and the content
 * types of @kind (see vg_feed_source_kind_get_content_types()). */
VgFeedSource       *vg_feed_source_new                    (const char   *id,
                                                           const char   *kind,
                                                           const char   *url);
/* Stable identifier ("hubeau-lez-montpellier"); borrowed. */
const char         *vg_feed_source_get_id                 (VgFeedSource *self);
/* Name for people (legend, journal); the id when none was given; borrowed. */
const char         *vg_feed_source_get_name               (VgFeedSource *self);
/* Format of the payload ("hubeau", "cap"...): selects the parser; borrowed. */
const char         *vg_feed_source_get_kind               (VgFeedSource *self);
/* URL polled; borrowed. */
const char         *vg_feed_source_get_url                (VgFeedSource *self);
/* Time between two polls of a healthy feed, in milliseconds. */
guint               vg_feed_source_get_interval_ms        (VgFeedSource *self);
/* Longest a whole fetch (connect, headers and body) may take, in milliseconds. */
guint               vg_feed_source_get_timeout_ms         (VgFeedSource *self);
/* Largest body accepted, counted on the wire and after decompression, in bytes. */
guint64             vg_feed_source_get_max_bytes          (VgFeedSource *self);
/* Accepted media types ("application/json"), lower case, NULL-terminated; borrowed. */
const char * const *vg_feed_source_get_content_types      (VgFeedSource *self);
/* The feed is stale once this many intervals pass without a good payload. */
guint               vg_feed_source_get_stale_after        (VgFeedSource *self);
/* FALSE for a feed the operator configured but switched off. */
gboolean            vg_feed_source_get_enabled            (VgFeedSource *self);
/* A copy of @self, enabled or not, polled every @interval_ms (Preferences); full reference. */
VgFeedSource       *vg_feed_source_dup_with_schedule      (VgFeedSource *self,
                                                           gboolean      enabled,
                                                           guint         interval_ms);
/* TRUE if @media_type (no parameters, any case) is one of the accepted content types. */
gboolean            vg_feed_source_accepts_content_type   (VgFeedSource *self,
                                                           const char   *media_type);

/* TRUE for a feed kind Vigie has a parser for. */
gboolean            vg_feed_source_kind_is_known          (const char   *kind);
/* Media types a server of @kind is expected to send; NULL for an unknown kind; static. */
const char * const *vg_feed_source_kind_get_content_types (const char   *kind);

G_END_DECLS
