/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-journal-entry.h"

G_BEGIN_DECLS

#define VG_TYPE_JOURNAL_STATE (vg_journal_state_get_type ())
G_DECLARE_FINAL_TYPE (VgJournalState, vg_journal_state, VG, JOURNAL_STATE, GObject)

/* What the journal currently says, derived from its entries only: rebuilt when the journal is
 * opened, then folded forward on every append. Thread-safe: getters take a lock and hand out
 * references, so the UI thread may read while a feed thread appends.
 *
 * Built in, from these payload members:
 * - observation:   "sensor", "quantity" (optional): the latest journalled reading per pair;
 * - operator-note: the main courante, in journal order;
 * - decision:      "proposal": the latest decision per proposal id.
 * Other modules fold what they need with vg_journal_add_reducer(). */

/* A module's fold: called once per entry of the kinds it registered, in journal order, from the
 * appending thread while the journal's writer lock is held (so it must not append itself). */
typedef void (*VgJournalReducer) (VgJournalEntry *entry,
                                  gpointer        user_data);

/* Sequence number of the last entry folded in (0 before the header). */
guint64         vg_journal_state_get_last_seq     (VgJournalState *self);
/* Hex hash of that entry (64 zeros before the header); free with g_free(). */
char           *vg_journal_state_dup_last_hash    (VgJournalState *self);
/* Latest observation of @quantity (NULL: none given) at @sensor, or NULL; full reference. */
VgJournalEntry *vg_journal_state_dup_reading      (VgJournalState *self,
                                                   const char     *sensor,
                                                   const char     *quantity);
/* Latest observation of every sensor/quantity pair, in no particular order; free with
 * g_ptr_array_unref(). */
GPtrArray      *vg_journal_state_dup_readings     (VgJournalState *self);
/* The operator notes, oldest first; free with g_ptr_array_unref(). */
GPtrArray      *vg_journal_state_dup_operator_log (VgJournalState *self);
/* Latest decision on proposal @proposal_id, or NULL if undecided; full reference. */
VgJournalEntry *vg_journal_state_dup_decision     (VgJournalState *self,
                                                   const char     *proposal_id);

G_END_DECLS
