/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a proposal stands:
 *   proposed → approved | rejected | amended   (a signed decision, one per version)
 *   approved | amended → done                   (reported executed, by a signed person)
 *   proposed → expired                          (its time passed without a decision)
 *   proposed → superseded                       (the situation moved on: its trigger no longer holds)
 * and any state → proposed again as a new version when its inputs change materially. The ids
 * are part of the journal's payloads: never rename one. */
typedef enum {
  VG_PROPOSAL_PROPOSED,
  VG_PROPOSAL_APPROVED,
  VG_PROPOSAL_REJECTED,
  VG_PROPOSAL_AMENDED,
  VG_PROPOSAL_DONE,
  VG_PROPOSAL_EXPIRED,
  VG_PROPOSAL_SUPERSEDED,
  VG_N_PROPOSAL_STATES,
} VgProposalState;

/* What a signed person says about one version of one proposal. */
typedef enum {
  VG_VERDICT_APPROVE,
  VG_VERDICT_REJECT,    /* needs a reason */
  VG_VERDICT_AMEND,     /* approve with changes: needs a reason, may keep only some targets */
  VG_VERDICT_DONE,      /* the approved action was carried out */
  VG_N_VERDICTS,
} VgVerdict;

#define VG_TYPE_PROPOSAL_STATE (vg_proposal_state_get_type ())
#define VG_TYPE_VERDICT (vg_verdict_get_type ())

/* GEnum type of VgProposalState. */
GType       vg_proposal_state_get_type    (void) G_GNUC_CONST;
/* GEnum type of VgVerdict. */
GType       vg_verdict_get_type           (void) G_GNUC_CONST;
/* Stable id of @state ("proposed", "approved"...); static. */
const char *vg_proposal_state_to_id       (VgProposalState  state);
/* State named @id; FALSE if unknown. */
gboolean    vg_proposal_state_from_id     (const char      *id,
                                           VgProposalState *state);
/* Translated name for people; static. */
const char *vg_proposal_state_get_label   (VgProposalState  state);
/* Stable id of @verdict ("approve", "reject", "amend", "done"); static. */
const char *vg_verdict_to_id              (VgVerdict        verdict);
/* Verdict named @id; FALSE if unknown. */
gboolean    vg_verdict_from_id            (const char      *id,
                                           VgVerdict       *verdict);

G_END_DECLS
