/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-journal-kind.h"

G_BEGIN_DECLS

/* Entries waiting to be appended together by vg_journal_commit_batch(): one transaction, one
 * sync, all or nothing. A batch is checked as entries are added, so a bad payload is refused at
 * once; nothing reaches the file (nor is acknowledged) before the commit. Not thread-safe: a
 * batch belongs to the thread filling it. */
typedef struct _VgJournalBatch VgJournalBatch;

/* New empty batch. */
VgJournalBatch *vg_journal_batch_new             (void);
/* Frees @self and the entries it still holds. */
void            vg_journal_batch_free            (VgJournalBatch *self);
/* Number of entries waiting. */
guint           vg_journal_batch_get_size        (VgJournalBatch *self);
/* Queues an entry of @kind (not a header, nor a raw payload: see below) by @author from
 * @source with @payload (an object, copied in canonical form). VG_JOURNAL_ERROR_INVALID if
 * @source or @author is empty, or the payload cannot be journalled; a correction needs a
 * positive integer "corrects" member. */
gboolean        vg_journal_batch_add             (VgJournalBatch *self,
                                                  VgJournalKind   kind,
                                                  const char     *source,
                                                  const char     *author,
                                                  JsonNode       *payload,
                                                  GError        **error);
/* Queues a raw-feed-payload entry: @bytes exactly as received from @url by feed @feed_id at
 * @fetched_at, of MIME type @content_type. The bytes are stored by SHA-256; the entry's
 * payload names that hash, so the chain covers the bytes. */
gboolean        vg_journal_batch_add_raw_payload (VgJournalBatch *self,
                                                  const char     *feed_id,
                                                  const char     *url,
                                                  const char     *content_type,
                                                  GDateTime      *fetched_at,
                                                  GBytes         *bytes,
                                                  GError        **error);

/* Queues the raw-feed-payload entry of a payload from which something was withheld (records
 * refused by policy, embedded media stripped): @kept, the cleaned copy, is stored in place of
 * @original, or nothing at all if @kept is NULL (@not_stored then says why). The entry names
 * the original's SHA-256 and size (original_sha256, original_size), @withheld (a JSON array,
 * copied, of what was left out, where and why), and either the copy's sha256 and size with
 * "sanitised": true, or "not_stored" with @not_stored. */
gboolean        vg_journal_batch_add_withheld_payload (VgJournalBatch *self,
                                                       const char     *feed_id,
                                                       const char     *url,
                                                       const char     *content_type,
                                                       GDateTime      *fetched_at,
                                                       GBytes         *original,
                                                       GBytes         *kept,
                                                       JsonNode       *withheld,
                                                       const char     *not_stored,
                                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgJournalBatch, vg_journal_batch_free)

G_END_DECLS
