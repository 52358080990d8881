/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "vg-error.h"
#include "vg-test-journal.h"
#include "vg-test-util.h"

/* What an attacker with the sqlite3 shell does first. */
static void
drop_triggers (sqlite3 *db)
{
  vg_test_sqlite_exec (db, "DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete;"
                           "DROP TRIGGER raw_payloads_no_update; DROP TRIGGER raw_payloads_no_delete;");
}

/* Tampering: a closed journal of @n notes (seq k has text "note-k"), damaged, then looked at. */

static char *
build_tamper_journal (const char *dir,
                      guint       n)
{
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  char *path = g_build_filename (dir, "tamper.vigie-journal", NULL);
  VgJournal *journal = vg_test_journal_create (path, clock, FALSE);

  for (guint seq = 2; seq <= n + 1; seq++)
    {
      g_autofree char *text = g_strdup_printf ("{\"text\":\"note-%04u, main courante de la crue du Lez\"}", seq);
      g_autoptr(JsonNode) payload = vg_test_json (text);

      g_assert_true (vg_journal_batch_add (batch, VG_JOURNAL_KIND_OPERATOR_NOTE, "main-courante", "Marie",
                                           payload, &error));
      vg_test_clock_advance (clock, 30);
    }
  g_assert_true (vg_journal_commit_batch (journal, batch, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (journal);
  return path;
}

static gboolean
count_cb (VgJournalEntry *entry,
          gpointer        user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* verify names @bad_seq; opening is refused; a forensic open shows the entries before it. */
static void
assert_broken_at (const char *path,
                  guint64     bad_seq,
                  const char *reason_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autofree char *reason = NULL;
  g_autofree char *mention = g_strdup_printf ("entry %" G_GUINT64_FORMAT " ", bad_seq);
  guint64 n_entries = 0;
  guint64 first_bad = 0;
  guint n_shown = 0;
  VgJournal *journal;

  g_assert_false (vg_journal_verify_file (path, &n_entries, NULL, &first_bad, &reason, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_BROKEN_CHAIN);
  g_assert_cmpuint (first_bad, ==, bad_seq);
  g_assert_cmpuint (n_entries, ==, bad_seq - 1);
  g_assert_nonnull (strstr (reason, reason_part));
  g_assert_nonnull (strstr (error->message, mention));
  g_clear_error (&error);

  g_assert_null (vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_BROKEN_CHAIN);
  g_assert_nonnull (strstr (error->message, mention));
  g_clear_error (&error);

  journal = vg_journal_open (path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (vg_journal_is_read_only (journal));
  g_assert_cmpuint (vg_journal_get_first_bad_seq (journal), ==, bad_seq);
  g_assert_nonnull (strstr (vg_journal_get_broken_reason (journal), reason_part));
  g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (journal)), ==, bad_seq - 1);
  /* Forensics shows all it can read; past a cut-off page, it reports the read error. */
  if (!vg_journal_foreach (journal, NULL, count_cb, &n_shown, &error))
    g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_READ);
  g_assert_cmpuint (n_shown, >=, bad_seq - 1);
  g_assert_finalize_object (journal);
}

/* First @marker in [@start, @end): the file is binary, and g_strstr_len() stops at a NUL. */
static const char *
find_bytes (const char *start,
            const char *end,
            const char *marker)
{
  gsize len = strlen (marker);

  for (const char *p = start; p + len <= end; p++)
    if (memcmp (p, marker, len) == 0)
      return p;
  return NULL;
}

/* Flips one byte of the unique text @marker in the file itself, as a hex editor would. */
static void
flip_byte_in_file (const char *path,
                   const char *marker)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *hit;
  FILE *file;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  hit = find_bytes (contents, contents + length, marker);
  g_assert_nonnull (hit);
  g_assert_null (find_bytes (hit + 1, contents + length, marker));
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, hit - contents, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('N', file), ==, 'N');   /* "note-" becomes "Note-" */
  g_assert_cmpint (fclose (file), ==, 0);
}

static void
test_tamper_payload_byte (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = build_tamper_journal (dir, 60);
  g_autoptr(GError) error = NULL;

  g_assert_true (vg_journal_verify_file (path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  flip_byte_in_file (path, "note-0021,");
  assert_broken_at (path, 21, "content does not match its hash");
  vg_test_rmtree (dir);
}

static void
test_tamper_rehashed_entry (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = build_tamper_journal (dir, 60);
  sqlite3 *db = vg_test_sqlite_open (path);
  sqlite3_stmt *stmt;
  sqlite3_stmt *update;
  guint8 hash[32];

  /* A careful forger rewrites entry 30 and recomputes its hash: entry 31 no longer follows. */
  drop_triggers (db);
  vg_test_sqlite_exec (db, "UPDATE entries SET payload = '{\"text\":\"rien à signaler\"}' WHERE seq = 30");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seq, time, kind, source, author, payload, prev_hash "
                                       "FROM entries WHERE seq = 30", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  vg_test_journal_documented_hash (stmt, hash);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE entries SET hash = ? WHERE seq = 30", -1, &update, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (update, 1, hash, sizeof hash, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
  sqlite3_finalize (update);
  sqlite3_close (db);

  assert_broken_at (path, 31, "does not follow entry 30");
  vg_test_rmtree (dir);
}

static void
test_tamper_deleted_entry (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = build_tamper_journal (dir, 60);
  sqlite3 *db = vg_test_sqlite_open (path);

  drop_triggers (db);
  vg_test_sqlite_exec (db, "DELETE FROM entries WHERE seq = 40");
  sqlite3_close (db);
  assert_broken_at (path, 40, "entry 40 is missing");
  vg_test_rmtree (dir);
}

static void
test_tamper_renumbered_entries (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = build_tamper_journal (dir, 60);
  sqlite3 *db = vg_test_sqlite_open (path);

  /* Deleting an entry and renumbering the rest to hide the gap breaks the hashes instead. */
  drop_triggers (db);
  vg_test_sqlite_exec (db, "DELETE FROM entries WHERE seq = 40;"
                "UPDATE entries SET seq = -(seq - 1) WHERE seq > 40; UPDATE entries SET seq = -seq WHERE seq < 0;");
  sqlite3_close (db);
  assert_broken_at (path, 40, "does not follow entry 39");
  vg_test_rmtree (dir);
}

static void
test_tamper_swapped_entries (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = build_tamper_journal (dir, 60);
  sqlite3 *db = vg_test_sqlite_open (path);

  /* Entries 10 and 11 trade places (their seqs stay in order). */
  drop_triggers (db);
  vg_test_sqlite_exec (db, "UPDATE entries SET seq = -1 WHERE seq = 10;"
                "UPDATE entries SET seq = 10 WHERE seq = 11;"
                "UPDATE entries SET seq = 11 WHERE seq = -1;");
  sqlite3_close (db);
  assert_broken_at (path, 10, "does not follow entry 9");
  vg_test_rmtree (dir);
}

static void
test_tamper_raw_payload_bytes (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "raw.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<niveau>2.25</niveau>", 21);
  g_autoptr(GDateTime) now = vg_clock_dup_now (clock);
  VgJournal *journal = vg_test_journal_create (path, clock, FALSE);
  sqlite3 *db;

  g_assert_true (vg_journal_add_note (journal, "Marie", "avant", NULL, NULL, &error));
  g_assert_true (vg_journal_append_raw_payload (journal, "vigicrues", "https://www.vigicrues.gouv.fr/",
                                                "application/xml", now, bytes, NULL, &error));
  g_assert_true (vg_journal_add_note (journal, "Marie", "après", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (journal);

  /* The feed said 2.25 m; someone makes it 1.25 m. */
  db = vg_test_sqlite_open (path);
  drop_triggers (db);
  vg_test_sqlite_exec (db, "UPDATE raw_payloads SET data = CAST('<niveau>1.25</niveau>' AS BLOB)");
  sqlite3_close (db);
  assert_broken_at (path, 3, "were changed");
  vg_test_rmtree (dir);
}

/* Every row of @path as text, in seq order, up to the first one SQLite cannot read
 * (writable_schema lets it read a file shorter than its header says, as the verifier does). */
static GPtrArray *
dump_rows (const char *path)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  vg_test_sqlite_exec (db, "PRAGMA writable_schema = ON");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seq, time, kind, source, author, payload, hex (prev_hash), "
                                       "hex (hash) FROM entries ORDER BY seq", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < 8; i++)
        g_string_append_printf (row, "%s|", (const char *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

static void
test_tamper_truncated (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = build_tamper_journal (dir, 3000);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint intact = 0;
  GStatBuf st;
  gint64 cut;

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = dump_rows (path);
  g_assert_cmpuint (before->len, ==, 3001);

  /* Cut the file in the middle of a page, two thirds in. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  cut = st.st_size * 2 / 3 / 4096 * 4096 + 1234;
  g_assert_cmpint (truncate (path, cut), ==, 0);

  /* The first bad entry is the first one not read back exactly as it was written: a page cut
   * through keeps its first bytes and reads as zeros after them. */
  after = dump_rows (path);
  while (intact < after->len && g_str_equal (g_ptr_array_index (before, intact), g_ptr_array_index (after, intact)))
    intact++;
  g_assert_cmpuint (intact, >, 1000);
  g_assert_cmpuint (intact, <, 3001);

  assert_broken_at (path, intact + 1, "");
  vg_test_rmtree (dir);
}

static void
test_not_a_journal (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text, "not a database, but long enough to look at it for a header..........................................", -1, &error));
  g_assert_null (vg_journal_open (text, clock, VG_JOURNAL_OPEN_DEFAULT, &error));
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, text));
  g_clear_error (&error);

  db = vg_test_sqlite_open (other);
  vg_test_sqlite_exec (db, "CREATE TABLE t (x)");
  sqlite3_close (db);
  g_assert_false (vg_journal_verify_file (other, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_null (vg_journal_open (missing, clock, VG_JOURNAL_OPEN_DEFAULT, &error));
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/journal/tamper/payload-byte", test_tamper_payload_byte);
  g_test_add_func ("/vigie/journal/tamper/rehashed-entry", test_tamper_rehashed_entry);
  g_test_add_func ("/vigie/journal/tamper/deleted-entry", test_tamper_deleted_entry);
  g_test_add_func ("/vigie/journal/tamper/renumbered-entries", test_tamper_renumbered_entries);
  g_test_add_func ("/vigie/journal/tamper/swapped-entries", test_tamper_swapped_entries);
  g_test_add_func ("/vigie/journal/tamper/raw-payload-bytes", test_tamper_raw_payload_bytes);
  g_test_add_func ("/vigie/journal/tamper/truncated", test_tamper_truncated);
  g_test_add_func ("/vigie/journal/not-a-journal", test_not_a_journal);

  return g_test_run ();
}
