/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <adwaita.h>

#include "vg-operator.h"
#include "vg-proposal.h"

G_BEGIN_DECLS

#define VG_TYPE_DECISION_DIALOG (vg_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VgDecisionDialog, vg_decision_dialog, VG, DECISION_DIALOG, AdwMessageDialog)

/* The confirmation before a decision is signed: it shows exactly what will be recorded — the
 * verdict, the proposal and the version seen, who signs in which role, the situation time — and
 * asks for the reason (required to reject or amend) and, for an amendment, the targets kept.
 * "Record" stays disabled until the decision is complete. Its "record" response is where the
 * caller signs it; nothing is recorded by the dialog itself. */

/* New dialog over @parent for @operator's @verdict on @proposal at @now (situation clock),
 * @exercise saying which journal it goes to. */
VgDecisionDialog *vg_decision_dialog_new               (GtkWindow        *parent,
                                                        VgProposal       *proposal,
                                                        VgOperator       *operator_,
                                                        VgVerdict         verdict,
                                                        GDateTime        *now,
                                                        gboolean          exercise);
/* The proposal decided; borrowed. */
VgProposal       *vg_decision_dialog_get_proposal      (VgDecisionDialog *self);
/* The version the operator saw when the dialog opened. */
guint             vg_decision_dialog_get_seen_version  (VgDecisionDialog *self);
/* The verdict. */
VgVerdict         vg_decision_dialog_get_verdict       (VgDecisionDialog *self);
/* The reason typed, stripped, or NULL if empty; free with g_free(). */
char             *vg_decision_dialog_dup_reason        (VgDecisionDialog *self);
/* Types @reason into the reason field (what scripts and tests do). */
void              vg_decision_dialog_set_reason        (VgDecisionDialog *self,
                                                        const char       *reason);
/* The ids of the targets kept by an amendment, or NULL for all of them; free with g_strfreev(). */
GStrv             vg_decision_dialog_dup_kept_targets  (VgDecisionDialog *self);
/* Leaves target @index out of an amendment (or keeps it again). */
void              vg_decision_dialog_set_target_kept   (VgDecisionDialog *self,
                                                        guint             index,
                                                        gboolean          kept);

G_END_DECLS
