/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-feed-batch.h"
#include "vg-feed-kind.h"

G_BEGIN_DECLS

/* What is kept of a payload whose batch refused records or stripped fields: the same document
 * without them, so that nothing refused by policy (biometric data) nor any embedded media is
 * ever stored, while re-parsing the copy still gives every record that was accepted.
 *
 * The copy is driven by the refusals' positions: JSON paths for the JSON formats (the record
 * or member removed from its object or array, then the document re-serialised), and element
 * positions for the XML formats (the element, or for a refused record the record element
 * holding it — MeteoAlarm <entry>, DATEX II situationRecord, trafficRegulationOrder,
 * siteMeasurements — unlinked with libxml2, the document loaded again with the parsers' own
 * options: no network, no entities, no DTD). The copy is then parsed again and must give as
 * many records as the original, with no refusal of policy left; otherwise no copy is made. */

/* TRUE if @batch refused (by policy) or stripped something, so its payload must not be
 * stored as received. */
gboolean   vg_feed_batch_withholds  (VgFeedBatch  *batch);
/* The withheld refusals of @batch as a JSON array of {action, field, position, reason,
 * record}, for the journal; full ownership. */
JsonNode  *vg_feed_batch_withheld_to_json (VgFeedBatch *batch);
/* A copy of @payload (of @kind, which @batch was parsed from) without what @batch refused
 * or stripped, or NULL with VG_FEED_ERROR_UNSUPPORTED saying why no safe copy can be made
 * (a CAP alert refused whole, a position not found, a copy that does not parse back to the
 * same records). */
GBytes    *vg_feed_sanitize         (VgFeedKind    kind,
                                     const char   *feed_id,
                                     GDateTime    *received_at,
                                     GBytes       *payload,
                                     VgFeedBatch  *batch,
                                     GError      **error);

G_END_DECLS
