/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VG_TYPE_PROPOSAL_WAIT (vg_proposal_wait_get_type ())
G_DECLARE_FINAL_TYPE (VgProposalWait, vg_proposal_wait, VG, PROPOSAL_WAIT, GObject)

/* One proposal as a VgThresholdLedger follows it: when Vigie first proposed it, when an operator
 * first decided on it, who, what and why, and so how long it waited. Updated by its ledger only
 * (read-only properties that notify: "proposal-id", "title", "proposed-seq", "proposed-time",
 * "decision-seq", "decision-time", "decider", "verdict", "reason", "n-decisions", "wait").
 * Seqs 0 and times G_MININT64 while unknown. */

/* The proposal's id; borrowed. */
const char *vg_proposal_wait_get_proposal_id   (VgProposalWait *self);
/* What was proposed (its title, summary or action), or NULL; borrowed. */
const char *vg_proposal_wait_get_title         (VgProposalWait *self);
/* Seq of the first proposal entry (0 if only a decision names it). */
guint64     vg_proposal_wait_get_proposed_seq  (VgProposalWait *self);
/* Journal time of that entry, Unix µs (G_MININT64 if unknown). */
gint64      vg_proposal_wait_get_proposed_time (VgProposalWait *self);
/* Seq of the first decision on it (0: undecided). */
guint64     vg_proposal_wait_get_decision_seq  (VgProposalWait *self);
/* Journal time of that decision (G_MININT64: undecided). */
gint64      vg_proposal_wait_get_decision_time (VgProposalWait *self);
/* The operator who decided (the decision's author), or NULL; borrowed. */
const char *vg_proposal_wait_get_decider       (VgProposalWait *self);
/* The verdict as journalled ("accepted"…), or NULL; borrowed. */
const char *vg_proposal_wait_get_verdict       (VgProposalWait *self);
/* Why, as the operator wrote it, or NULL; borrowed. */
const char *vg_proposal_wait_get_reason        (VgProposalWait *self);
/* How many decisions name it (an operator may revise one). */
guint       vg_proposal_wait_get_n_decisions   (VgProposalWait *self);
/* How long it waited for its first decision, µs, into @wait; FALSE if undecided or its
 * proposal entry is unknown. */
gboolean    vg_proposal_wait_get_wait          (VgProposalWait *self,
                                                gint64         *wait);

G_END_DECLS
