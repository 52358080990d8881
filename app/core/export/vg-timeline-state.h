/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-journal-entry.h"

G_BEGIN_DECLS

#define VG_TYPE_TIMELINE_STATE (vg_timeline_state_get_type ())
G_DECLARE_FINAL_TYPE (VgTimelineState, vg_timeline_state, VG, TIMELINE_STATE, GObject)

/* The situation as the journal described it at one entry: what the map and panels show when
 * the operator selects a past entry, and what each phase map of the report draws. Built by
 * folding entries in journal order into a fresh state (nothing is read from the live one).
 * Not thread-safe while folding; a finished state is only read.
 *
 * What it keeps, from these payload members (missing members: the entry is only counted):
 * - readings:   the latest observation per "gauge"/"sensor"… (vg_entry_subject_members) and
 *               "quantity";
 * - incidents:  the latest entry per "incident"/"id", dropped once its "status" (or "state")
 *               is closed, resolved, ended or cancelled, or "closed" is true;
 * - proposals:  the latest proposal per "proposal"/"id" still awaiting a decision (a decision
 *               naming it in "proposal", or its own "status" withdrawn/expired/cancelled,
 *               takes it out);
 * - decisions:  the latest decision per "proposal";
 * - warnings:   the latest warning per "warning"/"id"/"identifier" (dropped when its "status"
 *               is cancelled, ended, expired or lifted), and the latest CAP message received
 *               per feed;
 * - projections: the latest projection per source and "projection"/"id"/subject;
 * - feed health: the latest feed-health entry per "feed" (else its source);
 * - the operator log (every operator note). */

/* New empty state (before the header). */
VgTimelineState *vg_timeline_state_new                 (void);
/* Folds @entry in (entries must come in journal order). */
void             vg_timeline_state_apply               (VgTimelineState *self,
                                                        VgJournalEntry  *entry);
/* Seq of the last entry folded in (0 for none). */
guint64          vg_timeline_state_get_seq             (VgTimelineState *self);
/* Time of that entry, Unix µs (0 for none). */
gint64           vg_timeline_state_get_time            (VgTimelineState *self);

/* Each of the following gives the entries of one part of the state, oldest first (by seq),
 * with references: free with g_ptr_array_unref(). */

/* Latest reading per sensor and quantity. */
GPtrArray       *vg_timeline_state_dup_readings        (VgTimelineState *self);
/* Incidents still open. */
GPtrArray       *vg_timeline_state_dup_open_incidents  (VgTimelineState *self);
/* Proposals awaiting a decision. */
GPtrArray       *vg_timeline_state_dup_pending_proposals (VgTimelineState *self);
/* Latest decision per proposal. */
GPtrArray       *vg_timeline_state_dup_decisions       (VgTimelineState *self);
/* Warnings in force (warning entries and CAP messages received). */
GPtrArray       *vg_timeline_state_dup_warnings        (VgTimelineState *self);
/* Latest projection per source and subject. */
GPtrArray       *vg_timeline_state_dup_projections     (VgTimelineState *self);
/* Latest health report per feed. */
GPtrArray       *vg_timeline_state_dup_feed_health     (VgTimelineState *self);
/* The operator log. */
GPtrArray       *vg_timeline_state_dup_operator_log    (VgTimelineState *self);
/* Every entry of the parts above that has a geometry: what a map of that moment shows. */
GPtrArray       *vg_timeline_state_dup_mapped          (VgTimelineState *self);

G_END_DECLS
