/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-proposal.h"

G_BEGIN_DECLS

#define VG_TYPE_PROPOSAL_CARD (vg_proposal_card_get_type ())
G_DECLARE_FINAL_TYPE (VgProposalCard, vg_proposal_card, VG, PROPOSAL_CARD, GtkWidget)

/* One proposal as an operator reads it: the action and its targets, by when and how long is
 * left, why (rule, inputs with their times and sources, method, uncertainty — expandable), where
 * it stands and who decided, and one button per decision. It follows the proposal's changes.
 *
 * Signals: ::decide (VgVerdict) when a decision button is pressed; the panel asks for the
 * confirmation and records it. */

/* New card showing @proposal. */
GtkWidget  *vg_proposal_card_new          (VgProposal     *proposal);
/* The proposal shown; borrowed. */
VgProposal *vg_proposal_card_get_proposal (VgProposalCard *self);
/* Which buttons may be used: @decide_problem and @done_problem say why deciding or marking done
 * is not allowed for who is signed in (NULL: allowed); shown as the buttons' tooltips. */
void        vg_proposal_card_set_allowed  (VgProposalCard *self,
                                           const char     *decide_problem,
                                           const char     *done_problem);
/* Says how long is left before the deadline at @now_usec (situation clock), times in @zone. */
void        vg_proposal_card_set_now      (VgProposalCard *self,
                                           gint64          now_usec,
                                           GTimeZone      *zone);
/* Presses the button of @verdict if it is shown and allowed (keyboard shortcuts); FALSE if not. */
gboolean    vg_proposal_card_activate     (VgProposalCard *self,
                                           VgVerdict       verdict);
/* Opens or closes the "Why?" details. */
void        vg_proposal_card_set_expanded (VgProposalCard *self,
                                           gboolean        expanded);

G_END_DECLS
