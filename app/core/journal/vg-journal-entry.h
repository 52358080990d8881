/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-journal-kind.h"

G_BEGIN_DECLS

/* One journal entry as read back: immutable, reference counted, safe to share between threads. */
typedef struct _VgJournalEntry VgJournalEntry;

#define VG_TYPE_JOURNAL_ENTRY (vg_journal_entry_get_type ())

/* Boxed type of VgJournalEntry. */
GType           vg_journal_entry_get_type         (void) G_GNUC_CONST;
/* Adds a reference; returns @self. */
VgJournalEntry *vg_journal_entry_ref              (VgJournalEntry *self);
/* Drops a reference. */
void            vg_journal_entry_unref            (VgJournalEntry *self);

/* Sequence number: 1 for the header, then consecutive. */
guint64         vg_journal_entry_get_seq          (VgJournalEntry *self);
/* When it was journalled, in Unix microseconds of the situation clock. */
gint64          vg_journal_entry_get_time         (VgJournalEntry *self);
/* Its kind; VG_N_JOURNAL_KINDS if the stored id is unknown (only in a journal opened for forensics). */
VgJournalKind   vg_journal_entry_get_kind         (VgJournalEntry *self);
/* The kind id exactly as stored; borrowed. */
const char     *vg_journal_entry_get_kind_id      (VgJournalEntry *self);
/* The producing subsystem or feed; borrowed. */
const char     *vg_journal_entry_get_source       (VgJournalEntry *self);
/* The operator or feed responsible; borrowed. */
const char     *vg_journal_entry_get_author       (VgJournalEntry *self);
/* The payload as stored (canonical JSON text, what the hash covers); borrowed. */
const char     *vg_journal_entry_get_payload_text (VgJournalEntry *self);
/* The payload parsed (an object), or NULL if the text does not parse (a damaged entry);
 * parsed on first use, borrowed, do not modify. */
JsonNode       *vg_journal_entry_get_payload      (VgJournalEntry *self);
/* Hex SHA-256 of the entry; free with g_free(). */
char           *vg_journal_entry_dup_hash         (VgJournalEntry *self);
/* Hex SHA-256 of the previous entry (zeros for the header); free with g_free(). */
char           *vg_journal_entry_dup_prev_hash    (VgJournalEntry *self);

/* Top-level payload members, read without building a JSON tree (state rebuilds read millions).
 * @name must be plain (no quote, backslash or control character). */

/* String member @name, or NULL if absent or not a string; free with g_free(). */
char           *vg_journal_entry_dup_string       (VgJournalEntry *self,
                                                   const char     *name);
/* Number member @name into @value; FALSE if absent or not a number. */
gboolean        vg_journal_entry_get_double       (VgJournalEntry *self,
                                                   const char     *name,
                                                   double         *value);
/* Integer member @name into @value; FALSE if absent or not an integer. */
gboolean        vg_journal_entry_get_int          (VgJournalEntry *self,
                                                   const char     *name,
                                                   gint64         *value);
/* Boolean member @name into @value; FALSE if absent or not a boolean. */
gboolean        vg_journal_entry_get_boolean      (VgJournalEntry *self,
                                                   const char     *name,
                                                   gboolean       *value);

/* The canonical JSON text of @node, byte for byte what the journal would store for it
 * (app/core/DESIGN.md): equal content, equal text. NULL and VG_JOURNAL_ERROR_INVALID for what
 * JSON cannot carry (non-finite numbers, invalid UTF-8). Free with g_free(). */
char           *vg_journal_dup_canonical_json     (JsonNode       *node,
                                                   GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgJournalEntry, vg_journal_entry_unref)

G_END_DECLS
