/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-journal-entry.h"

G_BEGIN_DECLS

/* Which entries a reader wants; every condition set must hold. Strings are borrowed. */
typedef struct
{
  guint64     kinds;      /* VG_JOURNAL_KIND_MASK() bits; 0: any kind */
  guint64     after_seq;  /* only entries with a greater seq (0: from the start) */
  gint64      since;      /* only entries journalled at or after (Unix µs); G_MININT64: any */
  const char *source;     /* exact source, or NULL */
  const char *author;     /* exact author, or NULL */
  const char *text;       /* case-insensitive substring of the payload's "text", or NULL */
} VgJournalFilter;

/* Sets @self to match every entry. */
void     vg_journal_filter_init    (VgJournalFilter       *self);
/* TRUE if @entry passes every condition of @self. */
gboolean vg_journal_filter_matches (const VgJournalFilter *self,
                                    VgJournalEntry        *entry);

G_END_DECLS
