/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-action.h"
#include "vg-journal.h"
#include "vg-proposal-state.h"
#include "vg-role.h"

G_BEGIN_DECLS

/* What the journal says about one proposal, folded from its entries in order. The same checks
 * decide whether a request may be journalled (vg-proposal-queue.c, under the journal's writer
 * lock) and whether a journalled entry counts when folded: an entry written around the queue
 * (a forged decision by an observer, an output without an approval) is ignored, so it can
 * neither approve nor release anything. */
typedef struct
{
  char            *id;
  guint            version;          /* current version */
  VgProposalState  state;
  VgJournalEntry  *proposed;         /* the entry proposing the current version */
  JsonObject      *payload;          /* its payload; borrowed from @proposed */
  VgJournalEntry  *closed;           /* expired or superseded entry of the current version */
  VgJournalEntry  *verdict;          /* approve, reject or amend of the current version */
  VgJournalEntry  *done;             /* done of the current version */
  VgJournalEntry  *task;             /* task note of the current approval */
  VgJournalEntry  *outputs[VG_N_OUTPUTS]; /* output entries of the current approval (task unused) */
  GPtrArray       *history;          /* every decision entry that counted, any version */
  guint64          changed_seq;      /* last entry that changed the record */
} VgProposalRecord;

/* A decision as asked for (from the API) or as journalled (from an entry's payload). */
typedef struct
{
  const char         *proposal;
  guint               version;
  VgVerdict           verdict;
  const char         *operator_name;
  VgRole              role;
  const char         *reason;          /* may be NULL */
  const char * const *targets;         /* amendment: the targets kept, or NULL for all */
} VgDecisionRequest;

/* Frees @record (NULL-safe). */
void      vg_proposal_record_free           (VgProposalRecord        *record);
/* Folds @entry (a proposal, decision, output or task note about @record's proposal; @record
 * NULL for a proposal not yet seen) and returns the record it changed, possibly new, or NULL if
 * the entry does not count (see above). @exercise is the journal's flag. */
VgProposalRecord *vg_proposal_record_apply  (VgProposalRecord        *record,
                                             VgJournalEntry          *entry,
                                             gboolean                 exercise);
/* Whether @request may be recorded on @record (NULL: no such proposal); if not, FALSE with the
 * VG_PROPOSAL_ERROR saying why and, for ALREADY_DECIDED, who decided. */
gboolean  vg_proposal_record_check_decision (const VgProposalRecord  *record,
                                             const VgDecisionRequest *request,
                                             gboolean                 exercise,
                                             GError                 **error);
/* Whether output @kind may be generated for @record's current version: a signed approval or
 * amendment must stand. FALSE with VG_PROPOSAL_ERROR_NOT_APPROVED (or UNKNOWN, INVALID). */
gboolean  vg_proposal_record_check_output   (const VgProposalRecord  *record,
                                             VgOutputKind             kind,
                                             GError                 **error);
/* The decision of @entry's payload into @request (strings borrowed from the entry, @targets
 * to free with g_free()); FALSE if it is not a well-formed decision. */
gboolean  vg_decision_request_from_entry    (VgJournalEntry          *entry,
                                             VgDecisionRequest       *request,
                                             const char            ***targets);
/* The action of the current version. */
VgAction  vg_proposal_record_get_action     (const VgProposalRecord  *record);
/* The proposal id an entry of the kinds the queue folds is about, or NULL; free with g_free(). */
char     *vg_proposal_record_id_of          (VgJournalEntry          *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgProposalRecord, vg_proposal_record_free)

G_END_DECLS
