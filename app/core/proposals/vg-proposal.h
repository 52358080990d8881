/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vg-action.h"
#include "vg-proposal-state.h"
#include "vg-proposal-target.h"

G_BEGIN_DECLS

#define VG_TYPE_PROPOSAL (vg_proposal_get_type ())
G_DECLARE_FINAL_TYPE (VgProposal, vg_proposal, VG, PROPOSAL, GObject)

/* One action Vigie proposes, as the journal currently says: what to do (action, targets with
 * their geometry), why (rule, inputs with their times and sources, projection method, the
 * uncertainty), by when (deadline, priority), and where it stands (state, the decision and who
 * signed it, or why it expired or was superseded). Items of VgProposalQueue; they change only
 * when the queue is refreshed, with one notify per property that really changed.
 *
 * Texts exist in French and English in the journal; the properties give the language of the
 * user interface (French unless the first matching language of the locale is English), the
 * functions taking a @lang give either ("fr" or "en").
 *
 * Properties (all read-only): id, version, state (VgProposalState), action (VgAction), hazard,
 * priority, deadline (GDateTime), expires (GDateTime or NULL), touches-people, title, rationale,
 * uncertainty, targets (GListModel of VgProposalTarget), changes (GStrv: what changed since the
 * previous version), state-reason (why expired or superseded, or the decision's reason),
 * decided-by, decided-role, decided-at (GDateTime), decision-seq, rule-id. */

/* Stable id: rule id and hazard key or target ("flood-close-roads/Y320403001"); borrowed, valid
 * as long as @self (a decision on it does not move it). The other strings are valid until the
 * proposal next changes (a decision, a new version): copy them to keep them across one. */
const char      *vg_proposal_get_id              (VgProposal *self);
/* Current version (1, then one more per material change). */
guint            vg_proposal_get_version         (VgProposal *self);
/* Where it stands. */
VgProposalState  vg_proposal_get_state           (VgProposal *self);
/* What it proposes. */
VgAction         vg_proposal_get_action          (VgProposal *self);
/* "flood", "heat" or "traffic"; borrowed. */
const char      *vg_proposal_get_hazard          (VgProposal *self);
/* 1 (most urgent) to 5. */
guint            vg_proposal_get_priority        (VgProposal *self);
/* By when, Unix µs of the situation clock. */
gint64           vg_proposal_get_deadline        (VgProposal *self);
/* When it expires undecided, Unix µs, or 0 if it does not expire by time. */
gint64           vg_proposal_get_expires         (VgProposal *self);
/* TRUE if only a validator may decide it. */
gboolean         vg_proposal_touches_people      (VgProposal *self);
/* Title in @lang ("fr", "en"; NULL: the interface's); borrowed. */
const char      *vg_proposal_get_title           (VgProposal *self,
                                                  const char *lang);
/* Why, in words; borrowed. */
const char      *vg_proposal_get_rationale       (VgProposal *self,
                                                  const char *lang);
/* The uncertainty, in words; borrowed. */
const char      *vg_proposal_get_uncertainty     (VgProposal *self,
                                                  const char *lang);
/* What to do on the ground, or NULL; borrowed. */
const char      *vg_proposal_get_instruction     (VgProposal *self,
                                                  const char *lang);
/* What changed since the previous version (empty for version 1); free with g_strfreev(). */
GStrv            vg_proposal_dup_changes         (VgProposal *self,
                                                  const char *lang);
/* Why it expired or was superseded, or the reason given with its decision, or NULL; borrowed. */
const char      *vg_proposal_get_state_reason    (VgProposal *self,
                                                  const char *lang);
/* The targets (VgProposalTarget); borrowed. */
GListModel      *vg_proposal_get_targets         (VgProposal *self);
/* The rule that proposed it; borrowed. */
const char      *vg_proposal_get_rule_id         (VgProposal *self);
/* Who signed the decision on the current version, or NULL; borrowed. */
const char      *vg_proposal_get_decided_by      (VgProposal *self);
/* The role they signed in, or NULL; borrowed. */
const char      *vg_proposal_get_decided_role    (VgProposal *self);
/* Journal seq of that decision, or 0. */
guint64          vg_proposal_get_decision_seq    (VgProposal *self);
/* Journal seq of the entry proposing the current version. */
guint64          vg_proposal_get_proposal_seq    (VgProposal *self);
/* The current version's payload exactly as journalled (canonical JSON); borrowed. */
const char      *vg_proposal_get_payload_text    (VgProposal *self);
/* Everything above as JSON (what `vigie-cli proposals --json` prints): the payload, the state,
 * the decisions and the outputs generated; free with json_node_unref(). */
JsonNode        *vg_proposal_to_json             (VgProposal *self);

G_END_DECLS
