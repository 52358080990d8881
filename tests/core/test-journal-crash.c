/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "vg-journal.h"
#include "vg-test-util.h"

/* Crash test: a child appends observations and decisions in a loop and reports each decision
 * the journal acknowledged; it is killed (SIGKILL) at random moments, 50 times. After each kill
 * the journal must open (so verify) and hold every acknowledged decision. SIGKILL loses what
 * the process had not handed to the kernel; a power cut is covered by SQLite's WAL and the
 * fsync rules, which this cannot test (see app/core/DESIGN.md). */

#define N_KILLS      50
#define MAX_DELAY_MS 150

static const char *self_exe;

/* The child: never returns; prints "SEQ PROPOSAL" once each decision is acknowledged. */
static int
crash_child (const char *path)
{
  g_autoptr(VgClock) clock = vg_clock_new_wall ();
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    journal = vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, &error);
  else
    journal = vg_journal_create (path, clock, "Crash test", TRUE, &error);
  if (journal == NULL)
    {
      g_printerr ("crash child: %s\n", error->message);
      return 1;
    }

  for (guint n = 0; ; n++)
    {
      g_autofree char *decision = g_strdup_printf ("{\"proposal\":\"p-%d-%u\",\"verdict\":\"accepted\"}",
                                                   (int) getpid (), n);
      g_autoptr(JsonNode) payload = json_from_string (decision, NULL);
      guint64 seq = 0;

      for (guint i = 0; i < 10; i++)
        {
          g_autofree char *text = g_strdup_printf ("{\"sensor\":\"gauge-%u\",\"value\":%u}", i, n);
          g_autoptr(JsonNode) observation = json_from_string (text, NULL);

          if (!vg_journal_batch_add (batch, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau", observation, &error))
            break;
        }
      if (error != NULL ||
          !vg_journal_commit_batch (journal, batch, NULL, &error) ||
          !vg_journal_append (journal, VG_JOURNAL_KIND_DECISION, "ui", "Marie", payload, &seq, &error))
        {
          g_printerr ("crash child: %s\n", error->message);
          return 1;
        }
      /* One write(2) per line: the parent reads whole lines, even after the kill. */
      dprintf (STDOUT_FILENO, "%" G_GUINT64_FORMAT " p-%d-%u\n", seq, (int) getpid (), n);
    }
}

/* Records the acknowledgement "SEQ PROPOSAL" in @acked (proposal → seq). */
static void
record_ack (GHashTable *acked,
            const char *line,
            guint64    *max_acked)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", 2);
  guint64 seq = g_ascii_strtoull (fields[0], NULL, 10);

  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_cmpuint (seq, >, 1);
  g_hash_table_insert (acked, g_strdup (fields[1]), GSIZE_TO_POINTER ((gsize) seq));
  *max_acked = MAX (*max_acked, seq);
}

static void
test_kill_while_appending (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "crash.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_clock_new_wall ();
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint64 max_acked = 0;

  for (guint kill = 0; kill < N_KILLS; kill++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(VgJournal) journal = NULL;
      char *line;
      GHashTableIter iter;
      gpointer proposal, seq;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_exe, "--crash-child", path, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      /* Every other kill lands anywhere, opening and creating included; the others once the
       * child is appending, so the test never depends on how fast a busy machine starts it. */
      if (kill % 2 == 1 && (line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL)
        {
          record_ack (acked, line, &max_acked);
          g_free (line);
        }
      g_assert_no_error (error);
      g_usleep (g_test_rand_int_range (0, MAX_DELAY_MS) * 1000);
      g_subprocess_force_exit (child);
      while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL)
        {
          record_ack (acked, line, &max_acked);
          g_free (line);
        }
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);
      /* Killed by us, not dead of an error of its own. */
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Killed before the new journal was linked into place: nothing can have been acked. */
          g_assert_cmpuint (g_hash_table_size (acked), ==, 0);
          continue;
        }
      journal = vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (journal)), >=, max_acked);

      g_hash_table_iter_init (&iter, acked);
      while (g_hash_table_iter_next (&iter, &proposal, &seq))
        {
          g_autoptr(VgJournalEntry) decision = vg_journal_state_dup_decision (vg_journal_get_state (journal), proposal);

          g_assert_nonnull (decision);
          g_assert_cmpuint (vg_journal_entry_get_seq (decision), ==, GPOINTER_TO_SIZE (seq));
        }
    }

  /* The loop must have had something to lose. */
  g_test_message ("%u acknowledged decisions over %d kills, last seq %" G_GUINT64_FORMAT,
                  g_hash_table_size (acked), N_KILLS, max_acked);
  g_assert_cmpuint (g_hash_table_size (acked), >=, N_KILLS / 2);
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--crash-child"))
    return crash_child (argv[2]);

  self_exe = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/journal/crash/kill-while-appending", test_kill_while_appending);

  return g_test_run ();
}
