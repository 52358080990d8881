/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The byte-level encodings of the journal, in one place because they are the file format: the
 * canonical JSON stored as an entry's payload, and the entry hash. Both are described in
 * app/core/DESIGN.md; changing either means a new format version. */

#define VG_JOURNAL_HASH_LEN     32   /* SHA-256 */
#define VG_JOURNAL_HASH_HEX_LEN 64

/* Appends the canonical JSON text of @node to @out: objects with members sorted bytewise by
 * name, no whitespace, minimal string escapes, shortest round-trip doubles. FALSE and
 * VG_JOURNAL_ERROR_INVALID for what JSON cannot carry (non-finite numbers, invalid UTF-8). */
gboolean vg_journal_canonical_json   (JsonNode     *node,
                                      GString      *out,
                                      GError      **error);
/* Appends @text as a canonical JSON string literal (quotes included); @text is valid UTF-8. */
void     vg_journal_canonical_string (GString      *out,
                                      const char   *text);
/* Entry hash: SHA-256 over the canonical encoding of the fields and @prev_hash (DESIGN.md),
 * computed with @checksum (reset first, so one can serve a whole scan). */
void     vg_journal_hash_entry       (GChecksum    *checksum,
                                      guint64       seq,
                                      gint64        time,
                                      const char   *kind,
                                      const char   *source,
                                      const char   *author,
                                      const char   *payload,
                                      gsize         payload_len,
                                      const guint8 *prev_hash,
                                      guint8       *hash);
/* Lower-case hex of a VG_JOURNAL_HASH_LEN digest into @hex (VG_JOURNAL_HASH_HEX_LEN + 1 bytes). */
void     vg_journal_hash_to_hex      (const guint8 *hash,
                                      char         *hex);
/* Digest from its hex text (either case); FALSE if @hex is not 64 hex digits. */
gboolean vg_journal_hash_from_hex    (const char   *hex,
                                      guint8       *hash);

G_END_DECLS
