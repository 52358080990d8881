/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-clock.h"
#include "vg-fact-set.h"
#include "vg-journal.h"
#include "vg-operator.h"
#include "vg-proposal.h"

G_BEGIN_DECLS

#define VG_TYPE_PROPOSAL_QUEUE (vg_proposal_queue_get_type ())
G_DECLARE_FINAL_TYPE (VgProposalQueue, vg_proposal_queue, VG, PROPOSAL_QUEUE, GObject)

/* The proposals of one situation: a GListModel of VgProposal sorted by deadline, then priority
 * (1 first), then id, every state included (filter for the pending ones). Everything it knows is
 * folded from the journal by a reducer, so it is the same after reopening the journal, in
 * another process, or in `vigie-cli proposals`.
 *
 * The human keeps control: every decision is about ONE proposal and the version its signer saw
 * (there is no way to approve several at once), it is refused unless the person's role allows it
 * (vg-role.h), and it is on stable storage before the call returns TRUE. Nothing leaves Vigie —
 * no CAP alert draft, no DATEX II closure, no order sheet, no task line — without a signed
 * approval of the current version, and each output is journalled, naming that decision, before
 * it is written.
 *
 * The model changes only in the calls below (or vg_proposal_queue_refresh() for entries another
 * process appended), in the thread that makes them; the fold itself is thread-safe.
 *
 * Properties: n-pending (proposals awaiting a decision), n-ignored (journal entries about
 * proposals that did not count: e.g. a decision written around this API by a role that may not
 * decide). */

typedef struct {
  guint proposed;     /* new proposals */
  guint updated;      /* new versions of known ones */
  guint superseded;   /* trigger no longer holds */
  guint expired;      /* time passed without a decision */
} VgEvaluationSummary;

/* The queue of @journal, rebuilt from its entries; @clock gives "now" for expiry. */
VgProposalQueue *vg_proposal_queue_new           (VgJournal           *journal,
                                                  VgClock             *clock,
                                                  GError             **error);
/* The journal; borrowed. */
VgJournal       *vg_proposal_queue_get_journal   (VgProposalQueue     *self);
/* The proposal @id, or NULL; full reference. */
VgProposal      *vg_proposal_queue_lookup        (VgProposalQueue     *self,
                                                  const char          *id);
/* Proposals awaiting a decision. */
guint            vg_proposal_queue_get_n_pending (VgProposalQueue     *self);
/* Journal entries about proposals that did not count. */
guint            vg_proposal_queue_get_n_ignored (VgProposalQueue     *self);
/* Picks up what another process journalled (verified first) and updates the model. */
gboolean         vg_proposal_queue_refresh       (VgProposalQueue     *self,
                                                  GError             **error);
/* Runs the rules of @playbooks (VgPlaybook) over @facts and journals what changed (new
 * proposals and versions, superseded and expired ones) in one transaction; @summary (may be
 * NULL) counts them. The same facts and journal always give the same entries. */
gboolean         vg_proposal_queue_evaluate      (VgProposalQueue     *self,
                                                  GPtrArray           *playbooks,
                                                  VgFactSet           *facts,
                                                  VgEvaluationSummary *summary,
                                                  GError             **error);
/* Journals the expiry of pending proposals whose time has passed on the clock; @n_expired may
 * be NULL. */
gboolean         vg_proposal_queue_expire        (VgProposalQueue     *self,
                                                  guint               *n_expired,
                                                  GError             **error);
/* Records @operator's @verdict (approve, reject or amend: not done) on proposal @id as seen at
 * @seen_version, with @reason (required to reject or amend) and, for an amendment, the targets
 * kept (NULL: all). Durable before it returns TRUE; @seq gets the decision's journal seq.
 * Errors (VG_PROPOSAL_ERROR): FORBIDDEN, REASON_REQUIRED, STALE_VERSION, ALREADY_DECIDED (naming
 * who), CLOSED, UNKNOWN, INVALID; or the journal's write error. */
gboolean         vg_proposal_queue_decide        (VgProposalQueue     *self,
                                                  VgOperator          *operator_,
                                                  const char          *id,
                                                  guint                seen_version,
                                                  VgVerdict            verdict,
                                                  const char          *reason,
                                                  const char * const  *kept_targets,
                                                  guint64             *seq,
                                                  GError             **error);
/* Records that the approved action @id (version @seen_version) was carried out, by @operator,
 * with an optional @note. NOT_APPROVED without a signed approval of that version. */
gboolean         vg_proposal_queue_mark_done     (VgProposalQueue     *self,
                                                  VgOperator          *operator_,
                                                  const char          *id,
                                                  guint                seen_version,
                                                  const char          *note,
                                                  guint64             *seq,
                                                  GError             **error);
/* Generates output @kind of the approved proposal @id: journals it (naming the decision), then
 * writes it into the folder @dir (not needed for a task, which goes into the operator log) and
 * gives its @path (may be NULL). Asking again gives the same document from the journal.
 * NOT_APPROVED without a signed approval of the current version; INVALID if the action has no
 * such output (a DATEX II record of an evacuation). */
gboolean         vg_proposal_queue_emit          (VgProposalQueue     *self,
                                                  const char          *id,
                                                  VgOutputKind         kind,
                                                  const char          *dir,
                                                  char               **path,
                                                  GError             **error);
/* Every output the approved action @id gives (vg_action_get_outputs()), as above; @paths gets
 * the files written (may be NULL; free with g_ptr_array_unref()). */
gboolean         vg_proposal_queue_emit_all      (VgProposalQueue     *self,
                                                  const char          *id,
                                                  const char          *dir,
                                                  GPtrArray          **paths,
                                                  GError             **error);

G_END_DECLS
