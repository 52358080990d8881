/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-journal-chain"

#include "config.h"

#include <string.h>

#include "vg-error.h"
#include "vg-journal.h"
#include "vg-journal-chain-private.h"
#include "vg-journal-entry-private.h"
#include "vg-sqlite-private.h"

void
vg_journal_chain_init (VgJournalChain *chain)
{
  memset (chain, 0, sizeof *chain);
  chain->checksum = g_checksum_new (G_CHECKSUM_SHA256);
}

void
vg_journal_chain_clear (VgJournalChain *chain)
{
  g_clear_pointer (&chain->reason, g_free);
  g_clear_pointer (&chain->situation, g_free);
  g_clear_pointer (&chain->checksum, g_checksum_free);
  g_clear_pointer (&chain->scan, sqlite3_finalize);
  g_clear_pointer (&chain->raw_lookup, sqlite3_finalize);
}

void
vg_journal_chain_advance (VgJournalChain *chain,
                          guint64         seq,
                          const guint8   *hash)
{
  g_return_if_fail (seq == chain->last_seq + 1);

  chain->last_seq = seq;
  memcpy (chain->last_hash, hash, VG_JOURNAL_HASH_LEN);
}

/* Records the first failure; always FALSE, so checks can `return bad (...)`. */
static gboolean G_GNUC_PRINTF (3, 4)
bad (VgJournalChain *chain,
     guint64         seq,
     const char     *format,
     ...)
{
  va_list args;

  chain->first_bad_seq = seq;
  va_start (args, format);
  chain->reason = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

static gboolean
check_header (VgJournalChain *chain,
              VgJournalEntry *entry)
{
  gint64 format = 0;
  gboolean exercise = FALSE;
  char *situation;

  if (vg_journal_entry_get_kind (entry) != VG_JOURNAL_KIND_HEADER)
    return bad (chain, 1, "the first entry is a “%s”, not a journal header",
                vg_journal_entry_get_kind_id (entry));
  if (!vg_journal_entry_get_int (entry, "format", &format) || format != VG_JOURNAL_FORMAT_VERSION)
    return bad (chain, 1, "the header announces format %" G_GINT64_FORMAT ", this Vigie reads format %d",
                format, VG_JOURNAL_FORMAT_VERSION);
  if (!vg_journal_entry_get_boolean (entry, "exercise", &exercise) ||
      (situation = vg_journal_entry_dup_string (entry, "situation")) == NULL)
    return bad (chain, 1, "the header lacks the situation name or the exercise flag");
  chain->situation = situation;
  chain->exercise = exercise;
  return TRUE;
}

/* The bytes a raw-feed-payload entry names must be there and still hash to that name. */
static gboolean
check_raw_payload (VgJournalChain *chain,
                   VgJournalEntry *entry)
{
  sqlite3 *db = chain->db;
  guint64 seq = vg_journal_entry_get_seq (entry);
  g_autofree char *hex = vg_journal_entry_dup_string (entry, "sha256");
  guint8 expected[VG_JOURNAL_HASH_LEN];
  guint8 actual[VG_JOURNAL_HASH_LEN];
  gsize len = sizeof actual;
  int rc;

  if (hex == NULL)
    {
      g_autofree char *original = vg_journal_entry_dup_string (entry, "original_sha256");
      g_autofree char *not_stored = vg_journal_entry_dup_string (entry, "not_stored");

      /* A payload whose bytes were withheld whole (no safe copy of it could be kept): the
       * entry names the original and says why, and there are no bytes to check. */
      if (not_stored != NULL && *not_stored != '\0' && vg_journal_hash_from_hex (original, expected))
        return TRUE;
    }
  if (!vg_journal_hash_from_hex (hex, expected))
    return bad (chain, seq, "the raw payload entry names no valid SHA-256");
  if (chain->raw_lookup == NULL &&
      sqlite3_prepare_v2 (db, "SELECT data FROM raw_payloads WHERE sha256 = ?", -1,
                          &chain->raw_lookup, NULL) != SQLITE_OK)
    return bad (chain, seq, "the raw payload table is unreadable: %s", sqlite3_errmsg (db));
  sqlite3_bind_blob (chain->raw_lookup, 1, expected, sizeof expected, SQLITE_STATIC);
  rc = sqlite3_step (chain->raw_lookup);
  if (rc == SQLITE_ROW)
    {
      g_checksum_reset (chain->checksum);
      g_checksum_update (chain->checksum, sqlite3_column_blob (chain->raw_lookup, 0),
                         sqlite3_column_bytes (chain->raw_lookup, 0));
      g_checksum_get_digest (chain->checksum, actual, &len);
    }
  sqlite3_reset (chain->raw_lookup);
  if (rc == SQLITE_DONE)
    return bad (chain, seq, "the raw payload %s it names is missing", hex);
  if (rc != SQLITE_ROW)
    return bad (chain, seq, "the raw payload %s is unreadable: %s", hex, sqlite3_errmsg (db));
  if (memcmp (actual, expected, sizeof actual) != 0)
    return bad (chain, seq, "the bytes of raw payload %s were changed", hex);
  return TRUE;
}

/* Checks the row @chain->scan stands on; TRUE if it extends the chain. */
static gboolean
check_row (VgJournalChain  *chain,
           VgJournalEntry **out_entry)
{
  sqlite3_stmt *row = chain->scan;
  guint64 expected = chain->last_seq + 1;
  guint64 seq = sqlite3_column_int64 (row, 0);
  const char *kind = (const char *) sqlite3_column_text (row, 2);
  const char *source = (const char *) sqlite3_column_text (row, 3);
  const char *author = (const char *) sqlite3_column_text (row, 4);
  const char *payload = (const char *) sqlite3_column_text (row, 5);
  gsize payload_len = sqlite3_column_bytes (row, 5);
  const guint8 *prev_hash = sqlite3_column_blob (row, 6);
  gsize prev_len = sqlite3_column_bytes (row, 6);
  const guint8 *hash = sqlite3_column_blob (row, 7);
  gsize hash_len = sqlite3_column_bytes (row, 7);
  guint8 computed[VG_JOURNAL_HASH_LEN];
  g_autoptr(VgJournalEntry) entry = NULL;
  gint64 corrects = 0;

  /* Rows come in seq order: a smaller seq than expected can only be a damaged row. */
  if (seq < expected)
    return bad (chain, expected, "its row is damaged (its seq reads as %" G_GUINT64_FORMAT ")", seq);
  if (seq > expected)
    return bad (chain, expected, "entry %" G_GUINT64_FORMAT " is missing (the next one is %" G_GUINT64_FORMAT ")",
                expected, seq);
  if (kind == NULL || source == NULL || author == NULL || payload == NULL ||
      prev_len != VG_JOURNAL_HASH_LEN || hash_len != VG_JOURNAL_HASH_LEN)
    return bad (chain, seq, "a field is missing or of the wrong type");
  if (memcmp (prev_hash, chain->last_hash, VG_JOURNAL_HASH_LEN) != 0 && seq == 1)
    return bad (chain, seq, "the first entry does not start a chain (prev_hash is not zero)");
  if (memcmp (prev_hash, chain->last_hash, VG_JOURNAL_HASH_LEN) != 0)
    return bad (chain, seq, "it does not follow entry %" G_GUINT64_FORMAT " (prev_hash differs)",
                chain->last_seq);
  vg_journal_hash_entry (chain->checksum, seq, sqlite3_column_int64 (row, 1), kind, source, author,
                         payload, payload_len, prev_hash, computed);
  if (memcmp (computed, hash, VG_JOURNAL_HASH_LEN) != 0)
    return bad (chain, seq, "its content does not match its hash (changed after it was written)");

  entry = vg_journal_entry_new (seq, sqlite3_column_int64 (row, 1), kind, source, author,
                                payload, payload_len, prev_hash, hash);
  switch (vg_journal_entry_get_kind (entry))
    {
    case VG_JOURNAL_KIND_HEADER:
      if (seq != 1)
        return bad (chain, seq, "a second journal header");
      if (!check_header (chain, entry))
        return FALSE;
      break;
    case VG_JOURNAL_KIND_RAW_FEED_PAYLOAD:
      if (!check_raw_payload (chain, entry))
        return FALSE;
      break;
    case VG_JOURNAL_KIND_CORRECTION:
      if (!vg_journal_entry_get_int (entry, "corrects", &corrects) || corrects < 1 || (guint64) corrects >= seq)
        return bad (chain, seq, "the correction names no earlier entry");
      break;
    case VG_N_JOURNAL_KINDS:
      return bad (chain, seq, "unknown kind “%s”", kind);
    case VG_JOURNAL_KIND_OBSERVATION:
    case VG_JOURNAL_KIND_PROJECTION:
    case VG_JOURNAL_KIND_PROPOSAL:
    case VG_JOURNAL_KIND_DECISION:
    case VG_JOURNAL_KIND_OPERATOR_NOTE:
    case VG_JOURNAL_KIND_FEED_HEALTH:
    case VG_JOURNAL_KIND_SCENARIO_INJECT:
    case VG_JOURNAL_KIND_INCIDENT:
    case VG_JOURNAL_KIND_WARNING:
    case VG_JOURNAL_KIND_OUTPUT:
    default:
      if (seq == 1)
        return check_header (chain, entry);
      break;
    }

  *out_entry = g_steal_pointer (&entry);
  return TRUE;
}

gboolean
vg_journal_chain_scan (VgJournalChain  *chain,
                       sqlite3         *db,
                       VgJournalState  *state,
                       GError         **error)
{
  int rc;

  g_return_val_if_fail (chain != NULL && db != NULL, FALSE);

  if (chain->first_bad_seq != 0)
    return TRUE;
  /* Opening scans on the reader connection, later scans run on the writer's. */
  if (chain->db != db)
    {
      g_clear_pointer (&chain->scan, sqlite3_finalize);
      g_clear_pointer (&chain->raw_lookup, sqlite3_finalize);
      chain->db = db;
    }
  if (chain->scan == NULL &&
      sqlite3_prepare_v2 (db, "SELECT seq, time, kind, source, author, payload, prev_hash, hash "
                              "FROM entries WHERE seq > ? ORDER BY seq", -1, &chain->scan, NULL) != SQLITE_OK)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_FORMAT, "no journal entries table: %s",
                   sqlite3_errmsg (db));
      return FALSE;
    }

  sqlite3_bind_int64 (chain->scan, 1, chain->last_seq);
  while ((rc = sqlite3_step (chain->scan)) == SQLITE_ROW)
    {
      VgJournalEntry *entry = NULL;

      if (!check_row (chain, &entry))
        break;
      vg_journal_chain_advance (chain, vg_journal_entry_get_seq (entry), vg_journal_entry_get_hash_raw (entry));
      if (state != NULL)
        vg_journal_state_apply (state, entry);
      vg_journal_entry_unref (entry);
    }
  /* A damaged page (a truncated file) surfaces as an error in the middle of the walk: the entry
   * that could not be read is the first bad one. */
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    bad (chain, chain->last_seq + 1, "it cannot be read: %s", sqlite3_errmsg (db));
  sqlite3_reset (chain->scan);
  return TRUE;
}
