/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-feed-config.h"
#include "vg-feed-poller.h"
#include "vg-situation.h"

G_BEGIN_DECLS

#define VG_TYPE_FEED_MANAGER (vg_feed_manager_get_type ())
G_DECLARE_FINAL_TYPE (VgFeedManager, vg_feed_manager, VG, FEED_MANAGER, GObject)

/* The live feeds of a situation: polls every enabled feed of a configuration and takes each
 * payload into the situation (journaled as received and parsed, merged into the picture). A
 * feed that cannot be reached or sends garbage is marked failing with the reason, in the journal
 * and the picture, and its last good data stays, shown stale; it recovers by itself. */

/* New manager polling @config's enabled feeds into @situation (whose clock stamps them). */
VgFeedManager *vg_feed_manager_new        (VgSituation   *situation,
                                           VgFeedConfig  *config,
                                           GError       **error);
/* The poller, to fetch a feed now or read its health; borrowed. */
VgFeedPoller  *vg_feed_manager_get_poller (VgFeedManager *self);
/* Starts polling. */
void           vg_feed_manager_start      (VgFeedManager *self);
/* Stops polling (nothing in flight is delivered afterwards). */
void           vg_feed_manager_stop       (VgFeedManager *self);

G_END_DECLS
