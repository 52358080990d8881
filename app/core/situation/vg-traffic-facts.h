/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-fact-set.h"

G_BEGIN_DECLS

/* The traffic feeds' road closures as trigger facts: one "traffic.closure" fact per closure in
 * force among the picture's incidents (a DATEX II situation record or traffic regulation of kind
 * closure, not ended or cancelled), keyed by its record id, with the closed stretch and the feed
 * it came from. Which sites a closure leaves without any other access needs a street graph Vigie
 * does not have yet: that list stays empty, so the access rules do not fire on live data. */

/* Adds the closures in force among @incidents (VgIncident) to @facts (which must cover the
 * traffic hazard); @n_added (may be NULL) counts them. VG_PROPOSAL_ERROR if a fact is refused. */
gboolean vg_fact_set_add_traffic_closures (VgFactSet   *facts,
                                           GListModel  *incidents,
                                           guint       *n_added,
                                           GError     **error);

G_END_DECLS
