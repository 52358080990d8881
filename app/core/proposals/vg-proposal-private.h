/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-proposal.h"
#include "vg-proposal-record-private.h"

G_BEGIN_DECLS

/* A copy of @record sharing its entries (references taken): what an item is built from, outside
 * the fold's lock. Free with vg_proposal_record_free(). */
VgProposalRecord *vg_proposal_record_copy (const VgProposalRecord *record);
/* New item showing @record (copied). */
VgProposal       *vg_proposal_new         (const VgProposalRecord *record);
/* Shows @record (copied) from now on, notifying each property that changed. */
void              vg_proposal_update      (VgProposal             *self,
                                           const VgProposalRecord *record);

G_END_DECLS
