/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-feed-health.h"

G_BEGIN_DECLS

/* The poller's side of VgFeedHealth. Each call returns TRUE if any property changed (and was
 * notified), so the poller emits ::health-changed only for real changes. @now_usec is the
 * VgClock time of the event. */

/* New pending health of feed @feed_id, stale once @stale_after_usec pass without success. */
VgFeedHealth *vg_feed_health_new                (const char   *feed_id,
                                                 gint64        stale_after_usec);
/* A good payload or "not modified" arrived: failures and error are cleared. */
gboolean      vg_feed_health_record_success     (VgFeedHealth *self,
                                                 gint64        now_usec);
/* An attempt failed with @error. */
gboolean      vg_feed_health_record_failure     (VgFeedHealth *self,
                                                 const GError *error,
                                                 gint64        now_usec);
/* The payload last counted as a success turned out bad: the last success goes back to
 * @previous_usec (0 for none), the one before that payload. */
gboolean      vg_feed_health_retract_success    (VgFeedHealth *self,
                                                 gint64        previous_usec,
                                                 gint64        now_usec);
/* Sets when the next attempt is due (0: none scheduled). */
gboolean      vg_feed_health_set_next_attempt   (VgFeedHealth *self,
                                                 gint64        next_usec);
/* Re-evaluates staleness at @now_usec (time passing changes it without any event). */
gboolean      vg_feed_health_refresh            (VgFeedHealth *self,
                                                 gint64        now_usec);
/* Changes how long without success makes the feed stale (> 0); takes effect at the next
 * event or refresh. */
void          vg_feed_health_set_stale_after    (VgFeedHealth *self,
                                                 gint64        stale_after_usec);
/* Time at which the feed turns stale if nothing succeeds; 0 if it has no data or already is. */
gint64        vg_feed_health_get_stale_deadline (VgFeedHealth *self);

G_END_DECLS
