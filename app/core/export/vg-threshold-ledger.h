/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-journal-entry.h"
#include "vg-proposal-wait.h"
#include "vg-threshold-record.h"

G_BEGIN_DECLS

#define VG_TYPE_THRESHOLD_LEDGER (vg_threshold_ledger_get_type ())
G_DECLARE_FINAL_TYPE (VgThresholdLedger, vg_threshold_ledger, VG, THRESHOLD_LEDGER, GObject)

/* The review's bookkeeping, folded from journal entries in order: for each gauge threshold and
 * heat level, when it was first forecast, when first observed and the lead time gained; for each
 * proposal, how long it waited for a decision. Both lists are GListModels (in order of first
 * appearance) for the UI's tables; their records notify as later entries complete them.
 *
 * Threshold entries (observation, projection, warning) need a subject (a string among
 * vg_entry_subject_members: "gauge", "sensor", "station", "district", "area", "zone", "site")
 * and a threshold ("threshold" or "stage", a string or a number; "heat_level", "level" or
 * "vigilance", a string). Projections and warnings are forecasts, observations observed;
 * "forecast": true/false overrides that. When the entry gives numbers "value" and
 * "threshold_value", it counts only if value ≥ threshold_value. Optional: "hazard" (string;
 * "heat" is assumed when "heat_level" is given), and for a forecast "valid_time",
 * "expected_at" or "forecast_time" (ISO 8601: when it is expected). Proposals are keyed by
 * "proposal" (else "id"), titled by "title", "summary", "action" or "text"; decisions name
 * theirs in "proposal", with "verdict" ("decision", "outcome", "status") and "reason" ("why",
 * "rationale", "comment", "text"); the decider is the decision's author. Entries missing what
 * they need are skipped. */

/* New empty ledger. */
VgThresholdLedger *vg_threshold_ledger_new            (void);
/* Folds @entry in (entries must come in journal order; other kinds are ignored). */
void               vg_threshold_ledger_add            (VgThresholdLedger *self,
                                                       VgJournalEntry    *entry);
/* The thresholds (VgThresholdRecord); borrowed. */
GListModel        *vg_threshold_ledger_get_thresholds (VgThresholdLedger *self);
/* The proposals (VgProposalWait); borrowed. */
GListModel        *vg_threshold_ledger_get_proposals  (VgThresholdLedger *self);

G_END_DECLS
