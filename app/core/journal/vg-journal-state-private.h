/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-journal-state.h"

G_BEGIN_DECLS

/* New empty state. */
VgJournalState *vg_journal_state_new         (void);
/* Folds @entry (the one after the last folded) into the built-in state and every reducer. */
void            vg_journal_state_apply       (VgJournalState  *self,
                                              VgJournalEntry  *entry);
/* Registers @reducer for entries whose kind is in @kinds (a VG_JOURNAL_KIND_MASK set) from now on. */
void            vg_journal_state_add_reducer (VgJournalState  *self,
                                              guint64          kinds,
                                              VgJournalReducer reducer,
                                              gpointer         user_data,
                                              GDestroyNotify   destroy);

G_END_DECLS
