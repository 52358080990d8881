/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-test"

#include "config.h"

#include "vg-test-journal.h"

VgClock *
vg_test_clock_new (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 6, 0, 0);

  return vg_clock_new_manual (start);
}

void
vg_test_clock_advance (VgClock *clock,
                       int      seconds)
{
  g_autoptr(GDateTime) now = vg_clock_dup_now (clock);
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, seconds);

  vg_clock_set_now (clock, later);
}

JsonNode *
vg_test_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

VgJournal *
vg_test_journal_create (const char *path,
                        VgClock    *clock,
                        gboolean    exercise)
{
  g_autoptr(GError) error = NULL;
  VgJournal *journal = vg_journal_create (path, clock, "Crue du Lez", exercise, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  return journal;
}

VgJournal *
vg_test_journal_open (const char *path,
                      VgClock    *clock)
{
  g_autoptr(GError) error = NULL;
  VgJournal *journal = vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  return journal;
}

guint64
vg_test_journal_append (VgJournal     *journal,
                        VgJournalKind  kind,
                        const char    *author,
                        const char    *payload)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = vg_test_json (payload);
  guint64 seq = 0;

  g_assert_true (vg_journal_append (journal, kind, "test", author, node, &seq, &error));
  g_assert_no_error (error);
  return seq;
}

static gboolean
collect_cb (VgJournalEntry *entry,
            gpointer        user_data)
{
  g_ptr_array_add (user_data, vg_journal_entry_ref (entry));
  return TRUE;
}

GPtrArray *
vg_test_journal_collect (VgJournal             *journal,
                         const VgJournalFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);

  g_assert_true (vg_journal_foreach (journal, filter, collect_cb, entries, &error));
  g_assert_no_error (error);
  return entries;
}

sqlite3 *
vg_test_sqlite_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

void
vg_test_sqlite_exec (sqlite3    *db,
                     const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
put_be (GChecksum *checksum,
        guint64    value,
        guint      bytes)
{
  guint8 out[8];

  for (guint i = 0; i < bytes; i++)
    out[i] = value >> (8 * (bytes - 1 - i));
  g_checksum_update (checksum, out, bytes);
}

/* SHA-256("VGJ1" ‖ be64 seq ‖ be64 time ‖ str kind ‖ str source ‖ str author ‖ str payload ‖
 * prev_hash), str = be32 byte length ‖ bytes: app/core/DESIGN.md, "Canonical encoding and hash". */
void
vg_test_journal_documented_hash (sqlite3_stmt *row,
                                 guint8       *hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize len = 32;

  g_checksum_update (checksum, (const guint8 *) "VGJ1", 4);
  put_be (checksum, sqlite3_column_int64 (row, 0), 8);
  put_be (checksum, sqlite3_column_int64 (row, 1), 8);
  for (int column = 2; column <= 5; column++)
    {
      put_be (checksum, sqlite3_column_bytes (row, column), 4);
      g_checksum_update (checksum, sqlite3_column_text (row, column), sqlite3_column_bytes (row, column));
    }
  g_assert_cmpint (sqlite3_column_bytes (row, 6), ==, 32);
  g_checksum_update (checksum, sqlite3_column_blob (row, 6), 32);
  g_checksum_get_digest (checksum, hash, &len);
}
