/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-clock.h"
#include "vg-feed-batch.h"
#include "vg-feed-health.h"
#include "vg-forecast.h"
#include "vg-gauge.h"
#include "vg-incident.h"
#include "vg-warning-history.h"

G_BEGIN_DECLS

#define VG_TYPE_PICTURE (vg_picture_get_type ())
G_DECLARE_FINAL_TYPE (VgPicture, vg_picture, VG, PICTURE, GObject)

/* The situation picture: what the feeds say now, merged — gauges with their recent readings,
 * the warnings in force, open incidents, the latest weather forecast, and every feed's health —
 * each record keeping its provenance. It is derived: built by applying parsed feed batches in
 * journal order, so the same journal always gives the same picture. */

/* New, empty picture on @clock; @gauges (VgGauge catalogue, may be NULL) names known gauges. */
VgPicture        *vg_picture_new                 (VgClock     *clock,
                                                  GListModel  *gauges);
/* Merges a parsed feed payload into the picture (emits ::changed if it brought records). */
void              vg_picture_apply_batch         (VgPicture   *self,
                                                  VgFeedBatch *batch);
/* Puts @incident (typed in by an operator) among the open incidents, replacing an earlier
 * version with the same source id; emits ::changed. */
void              vg_picture_add_incident        (VgPicture   *self,
                                                  VgIncident  *incident);
/* Re-evaluates what depends on the clock (warnings in force, feeds gone stale). */
void              vg_picture_refresh             (VgPicture   *self);
/* The gauges (VgGauge): the catalogue's, then any other station a feed reported. */
GListModel       *vg_picture_get_gauges          (VgPicture   *self);
/* The gauge @code, or NULL; borrowed. */
VgGauge          *vg_picture_lookup_gauge        (VgPicture   *self,
                                                  const char  *code);
/* The warnings in force at the clock's time (VgWarning, one per group, most severe first). */
GListModel       *vg_picture_get_warnings        (VgPicture   *self);
/* Every version of every warning received; borrowed. */
VgWarningHistory *vg_picture_get_warning_history (VgPicture   *self);
/* Open incidents (VgIncident, latest version of each). */
GListModel       *vg_picture_get_incidents       (VgPicture   *self);
/* The latest weather forecast received, or NULL; borrowed. */
VgForecast       *vg_picture_get_forecast        (VgPicture   *self);
/* Feed health (VgFeedHealth), one per feed seen. */
GListModel       *vg_picture_get_feeds           (VgPicture   *self);
/* The health of @feed_id, created if new; stale after @stale_after_usec without success (0:
 * keep what it has, an hour for a new one). Borrowed. */
VgFeedHealth     *vg_picture_ensure_feed         (VgPicture   *self,
                                                  const char  *feed_id,
                                                  gint64       stale_after_usec);
/* Records a good payload of @feed_id at @usec. */
void              vg_picture_feed_succeeded      (VgPicture   *self,
                                                  const char  *feed_id,
                                                  gint64       usec);
/* Records a failure of @feed_id at @usec with @error. */
void              vg_picture_feed_failed         (VgPicture   *self,
                                                  const char  *feed_id,
                                                  const GError *error,
                                                  gint64       usec);

G_END_DECLS
