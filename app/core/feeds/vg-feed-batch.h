/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-cap-index-entry.h"
#include "vg-feed-origin.h"
#include "vg-feed-refusal.h"
#include "vg-forecast.h"
#include "vg-incident.h"
#include "vg-observation.h"
#include "vg-warning.h"

G_BEGIN_DECLS

#define VG_TYPE_FEED_BATCH (vg_feed_batch_get_type ())
G_DECLARE_FINAL_TYPE (VgFeedBatch, vg_feed_batch, VG, FEED_BATCH, GObject)

/* Everything one payload gave: normalised records in payload order, grouped by type, and the
 * refusals (records refused, fields stripped, records skipped). A parser returns a batch or an
 * error, never part of a payload; the batch is immutable once returned. */

/* Origin shared by all the records; borrowed. */
VgFeedOrigin *vg_feed_batch_get_origin        (VgFeedBatch *self);
/* Observations (VgObservation); borrowed. */
GPtrArray    *vg_feed_batch_get_observations  (VgFeedBatch *self);
/* Forecasts (VgForecast); borrowed. */
GPtrArray    *vg_feed_batch_get_forecasts     (VgFeedBatch *self);
/* Warnings (VgWarning); borrowed. */
GPtrArray    *vg_feed_batch_get_warnings      (VgFeedBatch *self);
/* Incidents (VgIncident); borrowed. */
GPtrArray    *vg_feed_batch_get_incidents     (VgFeedBatch *self);
/* CAP index entries (VgCapIndexEntry); borrowed. */
GPtrArray    *vg_feed_batch_get_index_entries (VgFeedBatch *self);
/* Refusals (VgFeedRefusal); borrowed. */
GPtrArray    *vg_feed_batch_get_refusals      (VgFeedBatch *self);
/* Number of records of all types (refusals not counted). */
guint         vg_feed_batch_get_n_records     (VgFeedBatch *self);
/* The batch as JSON (origin, records, refusals), for the journal and the command line. */
JsonNode     *vg_feed_batch_to_json           (VgFeedBatch *self);

G_END_DECLS
