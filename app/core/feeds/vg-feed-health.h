/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a feed is doing, as the legend shows it. A failing feed keeps its last good data, and
 * says how old it is through VgFeedHealth:last-success-usec and VgFeedHealth:stale. */
typedef enum {
  VG_FEED_STATE_PENDING,   /* added, no answer yet */
  VG_FEED_STATE_OK,        /* the last attempt brought a good payload or "not modified" */
  VG_FEED_STATE_STALE,     /* no good payload for stale-after intervals, though nothing failed */
  VG_FEED_STATE_FAILING,   /* the last attempt failed: see the error */
} VgFeedState;

#define VG_TYPE_FEED_STATE (vg_feed_state_get_type ())
/* GType of VgFeedState, for properties. */
GType       vg_feed_state_get_type    (void) G_GNUC_CONST;
/* Stable name of @state ("pending", "ok", "stale", "failing"), for the journal; static. */
const char *vg_feed_state_to_string   (VgFeedState state);

#define VG_TYPE_FEED_HEALTH (vg_feed_health_get_type ())
G_DECLARE_FINAL_TYPE (VgFeedHealth, vg_feed_health, VG, FEED_HEALTH, GObject)

/* Health of one feed, owned and updated by its VgFeedPoller; read-only for everyone else.
 * Every property notifies only when its value really changes. Times are VgClock microseconds
 * since the Unix epoch, 0 meaning "never" (or, for the next attempt, "none scheduled").
 *
 * Properties: "feed-id", "state", "stale", "error-message", "last-failure-usec",
 * "last-success-usec", "consecutive-failures", "next-attempt-usec". */

/* Id of the feed this is the health of; borrowed. */
const char   *vg_feed_health_get_feed_id              (VgFeedHealth *self);
/* Current state. */
VgFeedState   vg_feed_health_get_state                (VgFeedHealth *self);
/* TRUE when the last good payload is older than stale-after intervals, failing or not. */
gboolean      vg_feed_health_get_stale                (VgFeedHealth *self);
/* Why the last attempt failed (a VG_FEED_ERROR naming the feed); NULL unless failing; borrowed. */
const GError *vg_feed_health_get_error                (VgFeedHealth *self);
/* Message of vg_feed_health_get_error(); NULL unless failing; borrowed. */
const char   *vg_feed_health_get_error_message        (VgFeedHealth *self);
/* Time of the last failure, kept after recovery; 0 if it never failed. */
gint64        vg_feed_health_get_last_failure_usec    (VgFeedHealth *self);
/* Time of the last good payload or "not modified" answer; 0 if none yet. */
gint64        vg_feed_health_get_last_success_usec    (VgFeedHealth *self);
/* Failures since the last success. */
guint         vg_feed_health_get_consecutive_failures (VgFeedHealth *self);
/* When the poller will try next; 0 while a fetch is in flight or the poller is stopped. */
gint64        vg_feed_health_get_next_attempt_usec    (VgFeedHealth *self);

G_END_DECLS
