/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-clock.h"
#include "vg-journal-batch.h"
#include "vg-journal-entry.h"
#include "vg-journal-filter.h"
#include "vg-journal-kind.h"
#include "vg-journal-state.h"

G_BEGIN_DECLS

#define VG_TYPE_JOURNAL (vg_journal_get_type ())
G_DECLARE_FINAL_TYPE (VgJournal, vg_journal, VG, JOURNAL, GObject)

/* The situation journal: an append-only, hash-chained record of everything Vigie observed and
 * every operator action, one SQLite file (WAL) per situation or exercise run. Entry times come
 * from the VgClock given at opening. Thread-safe: one thread may read (foreach, state) while
 * others append; writes are serialised on one connection, reads use another. The storage and
 * durability rules are in app/core/DESIGN.md. */

/* The format this code writes and reads (in the header entry and PRAGMA user_version). */
#define VG_JOURNAL_FORMAT_VERSION 1

typedef enum {
  VG_JOURNAL_OPEN_DEFAULT   = 0,
  VG_JOURNAL_OPEN_READ_ONLY = 1 << 0,  /* forensics: no appends; a broken chain is reported, not refused */
} VgJournalOpenFlags;

/* Called by vg_journal_commit_batch_checked() under the writer lock, once the state (reducers
 * included) has folded every entry in the file, up to @last_seq, and before anything is written:
 * return FALSE with @error set to refuse the commit. It must not call @journal. */
typedef gboolean (*VgJournalCheckFunc) (VgJournal  *journal,
                                        guint64     last_seq,
                                        gpointer    user_data,
                                        GError    **error);

/* Called by vg_journal_foreach() for each matching entry (borrowed: ref it to keep it);
 * return FALSE to stop. */
typedef gboolean (*VgJournalForeachFunc) (VgJournalEntry *entry,
                                          gpointer        user_data);

/* Creates the journal file @path (mode 0600; it must not exist) for situation @situation,
 * flagged as an exercise or live, and opens it. The file appears complete or not at all.
 * VG_STORE_ERROR_OPEN if it exists or cannot be created. */
VgJournal      *vg_journal_create              (const char            *path,
                                                VgClock               *clock,
                                                const char            *situation,
                                                gboolean               exercise,
                                                GError               **error);
/* Opens the journal @path after verifying its whole chain and rebuilding its state. A chain
 * that does not verify is refused (VG_JOURNAL_ERROR_BROKEN_CHAIN naming the first bad entry)
 * unless @flags has VG_JOURNAL_OPEN_READ_ONLY; @clock may be NULL only then. */
VgJournal      *vg_journal_open                (const char            *path,
                                                VgClock               *clock,
                                                VgJournalOpenFlags     flags,
                                                GError               **error);
/* Verifies the journal file @path without opening it for writing. TRUE if intact; FALSE with
 * VG_JOURNAL_ERROR_BROKEN_CHAIN (and @first_bad_seq, @reason) if an entry fails, or a
 * VG_STORE_ERROR if it cannot be examined. @n_entries gets the count of entries that verified,
 * @last_hash the hex hash of the last of them (note it elsewhere: it is what proves that no
 * entry was cut off the end). Every out parameter may be NULL; free strings with g_free(). */
gboolean        vg_journal_verify_file         (const char            *path,
                                                guint64               *n_entries,
                                                char                 **last_hash,
                                                guint64               *first_bad_seq,
                                                char                 **reason,
                                                GError               **error);

/* The file; borrowed. */
const char     *vg_journal_get_path            (VgJournal             *self);
/* Situation name from the header (NULL only in a forensic view of a bad header); borrowed. */
const char     *vg_journal_get_situation       (VgJournal             *self);
/* TRUE for an exercise journal: the UI shows EXERCISE on every screen while it is open. */
gboolean        vg_journal_is_exercise         (VgJournal             *self);
/* TRUE if opened with VG_JOURNAL_OPEN_READ_ONLY. */
gboolean        vg_journal_is_read_only        (VgJournal             *self);
/* First entry that failed verification (0: intact; only a read-only journal can be broken). */
guint64         vg_journal_get_first_bad_seq   (VgJournal             *self);
/* Why that entry failed, or NULL; borrowed. */
const char     *vg_journal_get_broken_reason   (VgJournal             *self);
/* The derived state, up to the last entry that verified; borrowed. */
VgJournalState *vg_journal_get_state           (VgJournal             *self);

/* Appends one entry (see vg_journal_batch_add() for what is accepted) and gives its seq. A
 * durable kind (vg_journal_kind_is_durable()) is on stable storage before this returns; other
 * kinds are committed (visible, crash-proof) but reach the disk with the next sync.
 * VG_STORE_ERROR_WRITE if the file cannot take it (disk full, read-only, I/O): nothing is
 * written and everything before stays. */
gboolean        vg_journal_append              (VgJournal             *self,
                                                VgJournalKind          kind,
                                                const char            *source,
                                                const char            *author,
                                                JsonNode              *payload,
                                                guint64               *seq,
                                                GError               **error);
/* Appends every entry of @batch in one transaction (synced if any is of a durable kind) and
 * empties it; @last_seq gets the seq of its last entry. On failure nothing of it is written and
 * @batch keeps its entries. */
gboolean        vg_journal_commit_batch        (VgJournal             *self,
                                                VgJournalBatch        *batch,
                                                guint64               *last_seq,
                                                GError               **error);
/* Like vg_journal_commit_batch(), but @check decides, atomically with the write, whether the
 * batch may go in: what it checks against cannot change before the commit, even if another
 * thread or process appends at the same moment (compare-and-append). If @check refuses, its
 * error is returned, nothing is written and @batch keeps its entries. */
gboolean        vg_journal_commit_batch_checked (VgJournal           *self,
                                                 VgJournalBatch      *batch,
                                                 VgJournalCheckFunc   check,
                                                 gpointer             check_data,
                                                 guint64             *last_seq,
                                                 GError             **error);
/* Starts a group (they nest): until the matching vg_journal_end_group(), the non-durable
 * appends and batches go into one SQLite transaction, written once, instead of one each — what
 * one replayed event journals (payload, projections, proposals). Each is chained, folded into
 * the state and seen by this object's writer as soon as its call returns, but reaches the file
 * only at the end of the group (a crash before loses the group whole, never a part of it; other
 * connections see it at the end). A durable batch inside a group first commits the group so
 * far, then itself with its fsync, so it is still on stable storage when its call returns. Keep
 * groups short: the file stays locked for other processes while one is open. */
void            vg_journal_begin_group         (VgJournal             *self);
/* Ends a group; the outermost commits it. VG_STORE_ERROR_WRITE if it cannot be written: the
 * group is lost, and since the state already holds it the journal refuses every further write
 * until it is reopened. */
gboolean        vg_journal_end_group           (VgJournal             *self,
                                                GError               **error);
/* Appends a feed response as received (see vg_journal_batch_add_raw_payload()). */
gboolean        vg_journal_append_raw_payload  (VgJournal             *self,
                                                const char            *feed_id,
                                                const char            *url,
                                                const char            *content_type,
                                                GDateTime             *fetched_at,
                                                GBytes                *bytes,
                                                guint64               *seq,
                                                GError               **error);
/* Appends a main-courante line by @operator, durably: @text, linked to the map features
 * @feature_ids (NULL-terminated, may be NULL). VG_JOURNAL_ERROR_INVALID if @operator or @text
 * is empty. */
gboolean        vg_journal_add_note            (VgJournal             *self,
                                                const char            *operator_name,
                                                const char            *text,
                                                const char * const    *feature_ids,
                                                guint64               *seq,
                                                GError               **error);

/* Verifies and folds into the state (reducers included) the entries another process appended
 * since this journal last wrote or caught up, without writing. A read-only journal has nothing to
 * catch up. VG_JOURNAL_ERROR_BROKEN_CHAIN naming the first bad entry if one does not verify
 * (nothing after it is folded), VG_STORE_ERROR_READ if the file cannot be read. */
gboolean        vg_journal_catch_up            (VgJournal             *self,
                                                GError               **error);
/* Calls @func on each entry matching @filter (NULL: all), in seq order. Do not call foreach
 * again from @func (appending is fine). VG_STORE_ERROR_READ if the file cannot be read. */
gboolean        vg_journal_foreach             (VgJournal             *self,
                                                const VgJournalFilter *filter,
                                                VgJournalForeachFunc   func,
                                                gpointer               user_data,
                                                GError               **error);
/* The raw payload whose SHA-256 is @sha256 (hex, as in its entry's payload). */
GBytes         *vg_journal_dup_raw_payload     (VgJournal             *self,
                                                const char            *sha256,
                                                GError               **error);
/* Plugs a module's fold into the state: @reducer first sees every existing entry of @kinds
 * (VG_JOURNAL_KIND_MASK bits), then each new one as it is appended (see VgJournalReducer).
 * @destroy frees @user_data with the journal. */
gboolean        vg_journal_add_reducer         (VgJournal             *self,
                                                guint64                kinds,
                                                VgJournalReducer       reducer,
                                                gpointer               user_data,
                                                GDestroyNotify         destroy,
                                                GError               **error);

G_END_DECLS
