/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-journal-batch.h"
#include "vg-journal-codec-private.h"

G_BEGIN_DECLS

/* An entry waiting in a batch: everything but its place in the chain. */
typedef struct
{
  VgJournalKind kind;
  char         *source;
  char         *author;
  char         *payload;                       /* canonical JSON */
  gsize         payload_len;
  guint64       corrects;                      /* for a correction: the seq it amends */
  GBytes       *raw;                           /* for a raw feed payload: the bytes */
  guint8        raw_hash[VG_JOURNAL_HASH_LEN]; /* ...and their SHA-256 */
} VgJournalRecord;

/* Queues a record of any kind, header included, with @payload already canonical (the journal
 * writes its own header this way). */
void                   vg_journal_batch_add_canonical (VgJournalBatch *self,
                                                       VgJournalKind   kind,
                                                       const char     *source,
                                                       const char     *author,
                                                       const char     *payload);
/* Record @index; borrowed. */
const VgJournalRecord *vg_journal_batch_get_record    (VgJournalBatch *self,
                                                       guint           index);
/* Drops every record (after a successful commit). */
void                   vg_journal_batch_clear         (VgJournalBatch *self);

G_END_DECLS
