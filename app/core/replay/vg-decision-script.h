/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-proposal-queue.h"

G_BEGIN_DECLS

#define VG_TYPE_DECISION_SCRIPT (vg_decision_script_get_type ())
G_DECLARE_FINAL_TYPE (VgDecisionScript, vg_decision_script, VG, DECISION_SCRIPT, GObject)

/* Scripted decisions for a headless replay (`vigie-cli replay --decisions FILE`): the signed
 * decisions a drill's players would take, so a scenario can be replayed end to end. Each one is
 * taken once, through vg_proposal_queue_decide() (the UI's rules: a role that may not decide is
 * refused), on the current version of one pending proposal whose id matches its pattern: at a
 * scenario time ("at"), or else as soon as such a proposal is pending after an event. The format
 * ("vigie-decisions/1") is in the README's CLI section. */

/* Largest decisions file read. */
#define VG_DECISION_SCRIPT_MAX_SIZE (1024 * 1024)

typedef enum {
  VG_SCRIPTED_WAITING,    /* not taken yet */
  VG_SCRIPTED_TAKEN,      /* journalled */
  VG_SCRIPTED_REFUSED,    /* vg_proposal_queue_decide() refused it (the reason says why) */
  VG_SCRIPTED_UNMATCHED,  /* its time came with no pending proposal matching */
} VgScriptedOutcome;

/* Loads and validates the decisions file @path. VG_SCENARIO_ERROR naming the file and the field
 * ("decisions[2].role") of the first problem: MANIFEST if it cannot be read or is not JSON,
 * FIELD for a missing, unknown or mistyped member, TIME for a time that does not parse. */
VgDecisionScript  *vg_decision_script_load         (const char        *path,
                                                    GError           **error);
/* The file loaded from; borrowed. */
const char        *vg_decision_script_get_path     (VgDecisionScript  *self);
/* Number of decisions. */
guint              vg_decision_script_get_n        (VgDecisionScript  *self);
/* Checks every "at" lies within @start … @end (Unix µs); VG_SCENARIO_ERROR_TIME naming the
 * file and field otherwise. */
gboolean           vg_decision_script_check_span   (VgDecisionScript  *self,
                                                    gint64             start,
                                                    gint64             end,
                                                    GError           **error);
/* Takes the timed decisions due at or before @usec (if @inclusive, else strictly before), in
 * time then file order, standing the (manual) @clock at each one's time first. Returns FALSE
 * only on a journal write error. */
gboolean           vg_decision_script_take_timed   (VgDecisionScript  *self,
                                                    VgProposalQueue   *queue,
                                                    VgClock           *clock,
                                                    gint64             usec,
                                                    gboolean           inclusive,
                                                    GError           **error);
/* Takes the untimed decisions whose pattern matches a pending proposal of @queue, in file order.
 * Returns FALSE only on a journal write error. */
gboolean           vg_decision_script_take_matched (VgDecisionScript  *self,
                                                    VgProposalQueue   *queue,
                                                    GError           **error);
/* Marks the timed decisions still waiting as unmatched (the replay ended). */
void               vg_decision_script_finish       (VgDecisionScript  *self);
/* Outcome of decision @index; @message (may be NULL) gets why it was refused or what it
 * decided; borrowed. */
VgScriptedOutcome  vg_decision_script_get_outcome  (VgDecisionScript  *self,
                                                    guint              index,
                                                    const char       **message);
/* Number of decisions with @outcome. */
guint              vg_decision_script_count        (VgDecisionScript  *self,
                                                    VgScriptedOutcome  outcome);
/* Stable id of @outcome ("waiting", "taken", "refused", "unmatched"); static. */
const char        *vg_scripted_outcome_to_id       (VgScriptedOutcome  outcome);

G_END_DECLS
