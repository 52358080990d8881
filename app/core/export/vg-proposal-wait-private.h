/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-proposal-wait.h"

G_BEGIN_DECLS

/* For VgThresholdLedger, which owns the records and is the only one to change them. */
struct _VgProposalWait
{
  GObject  parent_instance;

  char    *proposal_id;
  char    *title;
  guint64  proposed_seq;
  gint64   proposed_time;
  guint64  decision_seq;
  gint64   decision_time;
  char    *decider;
  char    *verdict;
  char    *reason;
  guint    n_decisions;
};

/* New record of proposal @proposal_id, nothing seen yet. */
VgProposalWait *vg_proposal_wait_new     (const char     *proposal_id);
/* Notifies every property but the id (a ledger changed some). */
void            vg_proposal_wait_changed (VgProposalWait *self);

G_END_DECLS
