/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-operator.h"
#include "vg-replay.h"
#include "vg-scenario-event.h"

G_BEGIN_DECLS

/* The exercise controller's own injects, made during the run on top of the scenario's scripted
 * ones: a note to the players, a feed that stops answering, a feed that answers again. Each is
 * journalled as a scenario inject signed by the controller (author, "live": true) before it acts,
 * so a drill's review shows what was scripted and what was improvised. Only someone signed in
 * as exercise controller may inject, and only into an exercise. */

/* Makes @controller's inject of @type (NOTE, FEED_FAILURE or FEED_RECOVERY) into @replay's
 * situation: @feed_id names one of the scenario's feeds for a failure or recovery (NULL for a
 * note); @text is what the players are told (required for a note or a failure). @seq (may be
 * NULL) gets the inject's journal seq. VG_PROPOSAL_ERROR_FORBIDDEN for any other role;
 * VG_SCENARIO_ERROR_FIELD naming what is missing or unknown; or the journal's write error. */
gboolean vg_live_inject (VgReplay             *replay,
                         VgOperator           *controller,
                         VgScenarioInjectType  type,
                         const char           *feed_id,
                         const char           *text,
                         guint64              *seq,
                         GError              **error);

G_END_DECLS
