/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-journal-entry.h"

G_BEGIN_DECLS

/* New entry copying the given fields (hashes are VG_JOURNAL_HASH_LEN bytes). */
VgJournalEntry *vg_journal_entry_new           (guint64       seq,
                                                gint64        time,
                                                const char   *kind_id,
                                                const char   *source,
                                                const char   *author,
                                                const char   *payload,
                                                gsize         payload_len,
                                                const guint8 *prev_hash,
                                                const guint8 *hash);
/* The raw digests; borrowed, VG_JOURNAL_HASH_LEN bytes. */
const guint8   *vg_journal_entry_get_hash_raw  (VgJournalEntry *self);

G_END_DECLS
