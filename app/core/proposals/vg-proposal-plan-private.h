/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-journal.h"
#include "vg-proposal-queue.h"

G_BEGIN_DECLS

/* From what the journal says (the records) and what the rules now propose (the candidates), the
 * proposal entries to journal: new proposals, new versions when inputs changed materially,
 * superseded ones whose trigger no longer holds, expired ones whose time passed. Pure: the same
 * records, candidates and @now give the same entries, byte for byte.
 *
 * "Materially", for a proposal (data/playbooks/README.md has the operator's version):
 * - a target added, or removed;
 * - the bracket moved: the highest flood envelope stage selected, or the heat level;
 * - the deadline moved by VG_PROPOSAL_MATERIAL_MINUTES or more;
 * - the priority or the rule's version changed.
 * A pending proposal takes a new version on any of these. A rejected, approved, amended, done
 * or expired one only on an escalation — a target added, the bracket up, the deadline earlier,
 * the priority up — so a rejection is not asked again for nothing; a superseded one as soon as
 * its trigger holds again. Each new version says what changed, in French and English. */

#define VG_PROPOSAL_MATERIAL_MINUTES 30

/* Adds to @batch what takes @records (id → VgProposalRecord) to @candidates (JsonObject payloads
 * of vg_rule_evaluate(), NULL when only expiring) at situation time @now. @covered is the
 * hazards the facts (computed at @computed_at) are complete for (VG_HAZARD_MASK bits) and
 * @rule_ids the rules loaded (id → rule; NULL when only expiring). */
gboolean vg_proposal_plan (GHashTable          *records,
                           GPtrArray           *candidates,
                           guint                covered,
                           GHashTable          *rule_ids,
                           gint64               computed_at,
                           gint64               now,
                           VgJournalBatch      *batch,
                           VgEvaluationSummary *summary,
                           GError             **error);

G_END_DECLS
