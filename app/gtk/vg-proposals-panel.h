/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-decision-dialog.h"
#include "vg-map-view.h"
#include "vg-operator.h"
#include "vg-proposal-card.h"
#include "vg-sign-in-dialog.h"
#include "vg-situation.h"

G_BEGIN_DECLS

#define VG_TYPE_PROPOSALS_PANEL (vg_proposals_panel_get_type ())
G_DECLARE_FINAL_TYPE (VgProposalsPanel, vg_proposals_panel, VG, PROPOSALS_PANEL, GtkWidget)

/* The proposals of the situation, most urgent first (deadline, then priority), as cards; the
 * one selected has its targets highlighted on the map. Who is signed in decides, one proposal
 * at a time, through a confirmation that shows what will be recorded; the decision is in the
 * journal before the panel says so. An approval then produces the action's documents (order
 * sheet, CAP or DATEX II drafts, the task line in the operator log).
 *
 * Keys while the panel has the focus: A approve, M amend, R reject, D mark done (the selected
 * card); the window binds Ctrl+I to signing in.
 *
 * Signals: ::recorded (message, folder or NULL) after a decision is durably recorded;
 * ::failed (message) when it could not be. Property: operator (VgOperator or NULL). */

/* New, empty panel. */
GtkWidget        *vg_proposals_panel_new             (void);
/* Shows the proposals of @situation; the targets of the selected one go on @map_view. */
void              vg_proposals_panel_set_situation   (VgProposalsPanel *self,
                                                      VgSituation      *situation,
                                                      VgMapView        *map_view);
/* Who is signed in, or NULL; borrowed. */
VgOperator       *vg_proposals_panel_get_operator    (VgProposalsPanel *self);
/* Signs @operator_ in (NULL: signs out). */
void              vg_proposals_panel_set_operator    (VgProposalsPanel *self,
                                                      VgOperator       *operator_);
/* Opens the sign-in dialog over the roster, or says why there is none; returns the dialog or
 * NULL. */
VgSignInDialog   *vg_proposals_panel_present_sign_in (VgProposalsPanel *self);
/* Number of cards shown. */
guint             vg_proposals_panel_get_n_shown     (VgProposalsPanel *self);
/* The card of row @index, or NULL; borrowed. */
VgProposalCard   *vg_proposals_panel_get_card        (VgProposalsPanel *self,
                                                      guint             index);
/* Selects the card of row @index (its targets go on the map). */
void              vg_proposals_panel_select          (VgProposalsPanel *self,
                                                      guint             index);
/* The proposal of the selected card, or NULL; borrowed. */
VgProposal       *vg_proposals_panel_get_selected    (VgProposalsPanel *self);
/* Shows every proposal (TRUE) or only those awaiting a decision. */
void              vg_proposals_panel_set_show_all    (VgProposalsPanel *self,
                                                      gboolean          show_all);
/* Opens the confirmation of @verdict on @proposal (as its card's button does); returns it, or
 * NULL if nobody may decide (the sign-in dialog opens instead). */
VgDecisionDialog *vg_proposals_panel_begin_decision  (VgProposalsPanel *self,
                                                      VgProposal       *proposal,
                                                      VgVerdict         verdict);

G_END_DECLS
