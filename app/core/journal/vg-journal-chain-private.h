/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <sqlite3.h>

#include "vg-journal-codec-private.h"
#include "vg-journal-state-private.h"

G_BEGIN_DECLS

/* The verifier: walks entries in seq order from where it last stopped, checks each against the
 * chain so far, and remembers the tip. Opening, `journal verify` and a writer catching up with
 * entries another process appended all go through vg_journal_chain_scan(), so there is one
 * definition of "intact". */
typedef struct
{
  guint64       last_seq;                      /* tip: last entry that verified (0: none) */
  guint8        last_hash[VG_JOURNAL_HASH_LEN];
  guint64       first_bad_seq;                 /* 0 while intact */
  char         *reason;                        /* why first_bad_seq failed */
  char         *situation;                     /* from the header */
  gboolean      exercise;
  GChecksum    *checksum;
  sqlite3      *db;                            /* the connection the statements belong to */
  sqlite3_stmt *scan;
  sqlite3_stmt *raw_lookup;
} VgJournalChain;

/* Empty chain, expecting the header next. */
void     vg_journal_chain_init    (VgJournalChain *chain);
/* Frees what @chain holds (its statements too: clear it before closing their database). */
void     vg_journal_chain_clear   (VgJournalChain *chain);
/* Checks the entries of @db after the tip, folding each good one into @state (may be NULL).
 * Stops at the first bad entry, setting first_bad_seq and reason, and returns TRUE: a damaged
 * journal is a finding. FALSE and VG_STORE_ERROR only if @db has no journal tables at all. */
gboolean vg_journal_chain_scan    (VgJournalChain *chain,
                                   sqlite3        *db,
                                   VgJournalState *state,
                                   GError        **error);
/* Moves the tip past an entry the writer just committed. */
void     vg_journal_chain_advance (VgJournalChain *chain,
                                   guint64         seq,
                                   const guint8   *hash);

G_END_DECLS
