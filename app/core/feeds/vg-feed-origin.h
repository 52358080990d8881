/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-feed-kind.h"

G_BEGIN_DECLS

/* Where a batch of records came from: which feed, which format, when it was received (the
 * caller's situation clock, never read here) and the SHA-256 of the exact payload, which ties
 * every normalised record to the raw payload the journal keeps. Shared by all the records of
 * one payload; immutable. */

/* Sentinel for a time a record does not carry (Unix microseconds elsewhere). */
#define VG_FEED_TIME_UNKNOWN G_MININT64

typedef struct _VgFeedOrigin VgFeedOrigin;

#define VG_TYPE_FEED_ORIGIN (vg_feed_origin_get_type ())

/* Boxed type of VgFeedOrigin. */
GType         vg_feed_origin_get_type        (void) G_GNUC_CONST;
/* New origin of @payload, received from feed @feed_id at @received_usec (Unix µs). */
VgFeedOrigin *vg_feed_origin_new             (const char   *feed_id,
                                              VgFeedKind    kind,
                                              gint64        received_usec,
                                              GBytes       *payload);
/* Adds a reference. */
VgFeedOrigin *vg_feed_origin_ref             (VgFeedOrigin *self);
/* Drops a reference. */
void          vg_feed_origin_unref           (VgFeedOrigin *self);
/* Feed identifier (a configured feed id, or a file path for the command line); borrowed. */
const char   *vg_feed_origin_get_feed_id     (VgFeedOrigin *self);
/* Payload format. */
VgFeedKind    vg_feed_origin_get_kind        (VgFeedOrigin *self);
/* Reception time, Unix microseconds. */
gint64        vg_feed_origin_get_received_at (VgFeedOrigin *self);
/* Lower-case hex SHA-256 of the payload; borrowed. */
const char   *vg_feed_origin_get_sha256      (VgFeedOrigin *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgFeedOrigin, vg_feed_origin_unref)

G_END_DECLS
