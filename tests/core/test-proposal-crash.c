/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "vg-error.h"
#include "vg-fact-set.h"
#include "vg-journal.h"
#include "vg-playbook.h"
#include "vg-proposal-queue.h"
#include "vg-test-util.h"

/* Crash test through the real sign-off path (issue 10): a child process opens the situation
 * journal, evaluates the bundled playbooks on flood facts (a new gauge each round, so there is
 * always something to decide), and signs every pending proposal with
 * vg_proposal_queue_decide(); it writes "SEQ ID VERSION" to a pipe for each decision the call
 * acknowledged. The parent SIGKILLs it at a random moment, N_KILLS times. After each kill the
 * journal must verify (hash chain), and every acknowledged decision must be in it: in the
 * journal's state and in a proposal queue rebuilt from it, at the same seq, signed by the same
 * person. The next child picks up the proposals the previous one left pending. */

#define N_KILLS      20
#define MAX_DELAY_MS 400
#define SIGNER       "Camille Martin"

static const char *self_exe;

/* A real stretch of the Quai de Cythère (streets layer, WGS84). */
static const double quai_a[] = { 3.897506, 43.606612, 3.897522, 43.606728 };
static const double quai_b[] = { 3.897522, 43.606728, 3.897567, 43.607129 };

/* Adds flood facts at @t0 for gauge @gauge to @facts: the 2.5 m envelope cuts two streets in
 * 150 min, which fires the four street rules of the flood playbook. */
static void
add_gauge (VgFactSet  *facts,
           const char *gauge,
           gint64      t0)
{
  g_autoptr(GError) error = NULL;
  VgFactStreet streets[2] = {
    { .id = "streets:2430", .name = "Quai de Cythère", .road_class = "primary", .lonlat = quai_a, .n_points = 2 },
    { .id = "streets:2429", .name = "Quai de Cythère", .road_class = "primary", .lonlat = quai_b, .n_points = 2 },
  };
  VgFloodEnvelopeFact envelopes[2] = {
    { .stage = 2.5, .expected = TRUE, .eta = t0 + 150 * G_TIME_SPAN_MINUTE, .eta_uncertainty_min = 30,
      .streets = streets, .n_streets = 2 },
    { .stage = 3.5, .expected = TRUE, .eta = t0 + 200 * G_TIME_SPAN_MINUTE, .eta_uncertainty_min = 40,
      .streets = streets, .n_streets = 2 },
  };
  VgFloodGaugeFact fact = {
    .gauge = gauge, .name = "Le Lez à Montpellier (crash test)", .lon = 3.89671, .lat = 43.61864,
    .observed_stage = 1.2, .observed_at = t0 - 15 * G_TIME_SPAN_MINUTE,
    .peak_stage = 3.8, .peak_at = t0 + 5 * G_TIME_SPAN_HOUR,
    .envelopes = envelopes, .n_envelopes = 2,
    .source = "hubeau-lez", .source_time = t0 - 15 * G_TIME_SPAN_MINUTE,
    .method = "vigie-flood-rating", .method_version = "1",
  };

  if (!vg_fact_set_add_flood_gauge (facts, &fact, &error))
    g_error ("crash child: %s", error->message);
}

/* The facts of one round: one new gauge. */
static VgFactSet *
round_facts (const char *gauge,
             gint64      t0)
{
  VgFactSet *facts = vg_fact_set_new (t0, VG_HAZARD_MASK (VG_HAZARD_FLOOD));

  add_gauge (facts, gauge, t0);
  return facts;
}

/* The child: never returns normally. Prints one line per acknowledged decision, each in a
 * single write(2), so the parent reads whole lines even after the kill. */
static int
crash_child (const char *path)
{
  g_autoptr(VgClock) clock = vg_clock_new_wall ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(VgProposalQueue) queue = NULL;
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autoptr(VgOperator) signer = vg_operator_new (SIGNER, VG_ROLE_VALIDATOR, "Directrice de cabinet");

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    journal = vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, &error);
  else
    journal = vg_journal_create (path, clock, "Crash test (proposals)", TRUE, &error);
  if (journal == NULL ||
      (queue = vg_proposal_queue_new (journal, clock, &error)) == NULL ||
      (playbooks = vg_playbook_load_dir (NULL, &error)) == NULL)
    {
      g_printerr ("crash child: %s\n", error->message);
      return 1;
    }

  for (guint round = 0; ; round++)
    {
      g_autofree char *gauge = g_strdup_printf ("crash-%d-%u", (int) getpid (), round);
      g_autoptr(VgFactSet) facts = round_facts (gauge, vg_clock_get_now_usec (clock));
      GListModel *model = G_LIST_MODEL (queue);
      g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);

      if (!vg_proposal_queue_evaluate (queue, playbooks, facts, NULL, &error))
        {
          g_printerr ("crash child: %s\n", error->message);
          return 1;
        }
      /* Decisions change the model: collect first, then sign (also what a previous child left). */
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(VgProposal) proposal = g_list_model_get_item (model, i);

          if (vg_proposal_get_state (proposal) == VG_PROPOSAL_PROPOSED)
            g_ptr_array_add (pending, g_steal_pointer (&proposal));
        }
      for (guint i = 0; i < pending->len; i++)
        {
          VgProposal *proposal = g_ptr_array_index (pending, i);
          guint version = vg_proposal_get_version (proposal);
          guint64 seq = 0;

          if (!vg_proposal_queue_decide (queue, signer, vg_proposal_get_id (proposal), version,
                                         VG_VERDICT_APPROVE, NULL, NULL, &seq, &error))
            {
              g_printerr ("crash child: %s\n", error->message);
              return 1;
            }
          dprintf (STDOUT_FILENO, "%" G_GUINT64_FORMAT " %s %u\n", seq, vg_proposal_get_id (proposal), version);
        }
    }
}

/* The disk-full child: like the crash child, but under a file size limit a little above the
 * journal's present size (RLIMIT_FSIZE, SIGXFSZ ignored: write() fails as on a full disk). It
 * evaluates facts for 40 gauges with room, then signs under the limit until a decision is
 * refused: "ACK SEQ ID" per acknowledged decision, then "FAIL ID VERSION DOMAIN CODE MESSAGE"
 * and "STATE ID STATE" for the refused one; exits 0. */
static int
disk_full_child (const char *path)
{
  g_autoptr(VgClock) clock = vg_clock_new_wall ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(VgProposalQueue) queue = NULL;
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autoptr(VgOperator) signer = vg_operator_new (SIGNER, VG_ROLE_VALIDATOR, "Directrice de cabinet");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  struct rlimit limit;
  GStatBuf st, wal_st;

  journal = vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, &error);
  if (journal == NULL ||
      (queue = vg_proposal_queue_new (journal, clock, &error)) == NULL ||
      (playbooks = vg_playbook_load_dir (NULL, &error)) == NULL)
    {
      g_printerr ("disk-full child: %s\n", error->message);
      return 1;
    }
  /* Much to decide first, with room; then the limit: 32 KiB, a few WAL frames. */
  {
    gint64 t0 = vg_clock_get_now_usec (clock);
    g_autoptr(VgFactSet) facts = vg_fact_set_new (t0, VG_HAZARD_MASK (VG_HAZARD_FLOOD));

    for (guint k = 0; k < 40; k++)
      {
        g_autofree char *gauge = g_strdup_printf ("full-%u", k);

        add_gauge (facts, gauge, t0);
      }
    if (!vg_proposal_queue_evaluate (queue, playbooks, facts, NULL, &error))
      {
        g_printerr ("disk-full child: %s\n", error->message);
        return 1;
      }
  }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
    {
      g_autoptr(VgProposal) proposal = g_list_model_get_item (G_LIST_MODEL (queue), i);

      if (vg_proposal_get_state (proposal) == VG_PROPOSAL_PROPOSED)
        g_ptr_array_add (pending, g_steal_pointer (&proposal));
    }
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if (g_stat (wal, &wal_st) != 0)
    wal_st.st_size = 0;
  limit.rlim_cur = limit.rlim_max = MAX (st.st_size, wal_st.st_size) + 32 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (guint i = 0; i < pending->len; i++)
    {
      VgProposal *proposal = g_ptr_array_index (pending, i);
      const char *id = vg_proposal_get_id (proposal);
      guint version = vg_proposal_get_version (proposal);
      guint64 seq = 0;

      if (!vg_proposal_queue_decide (queue, signer, id, version, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error))
        {
          g_autoptr(VgProposal) after = vg_proposal_queue_lookup (queue, id);

          dprintf (STDOUT_FILENO, "FAIL %s %u %s %d %s\n", id, version, g_quark_to_string (error->domain),
                   error->code, error->message);
          dprintf (STDOUT_FILENO, "STATE %s %d\n", id, (int) vg_proposal_get_state (after));
          return 0;
        }
      dprintf (STDOUT_FILENO, "ACK %" G_GUINT64_FORMAT " %s\n", seq, id);
    }
  g_printerr ("disk-full child: the file size limit never stopped a write (%u decisions)\n", pending->len);
  return 1;
}

typedef struct
{
  guint64 seq;
  guint   version;
} Ack;

static void
record_ack (GHashTable *acked,
            const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", 3);
  Ack *ack = g_new0 (Ack, 1);

  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  ack->seq = g_ascii_strtoull (fields[0], NULL, 10);
  ack->version = (guint) g_ascii_strtoull (fields[2], NULL, 10);
  g_assert_cmpuint (ack->seq, >, 1);
  g_assert_null (g_hash_table_lookup (acked, fields[1]));   /* one decision per proposal */
  g_hash_table_insert (acked, g_strdup (fields[1]), ack);
}

/* Acknowledged decisions missing from the journal at @path (0 expected), checked both in the
 * journal's own state and in a queue rebuilt from it. */
static guint
count_lost (const char *path,
            GHashTable *acked)
{
  g_autoptr(VgClock) clock = vg_clock_new_wall ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(VgProposalQueue) queue = NULL;
  g_autofree char *reason = NULL;
  guint64 n_entries = 0;
  guint64 first_bad = 0;
  GHashTableIter iter;
  gpointer id, value;
  guint lost = 0;

  /* The chain first, on its own (forensic walk), then the normal open, which verifies too. */
  if (!vg_journal_verify_file (path, &n_entries, NULL, &first_bad, &reason, &error))
    g_error ("journal does not verify after the kill: seq %" G_GUINT64_FORMAT ": %s%s", first_bad,
             reason ? reason : "", error ? error->message : "");
  journal = vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  queue = vg_proposal_queue_new (journal, clock, &error);
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, acked);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      Ack *ack = value;
      g_autoptr(VgJournalEntry) decision = vg_journal_state_dup_decision (vg_journal_get_state (journal), id);
      g_autoptr(VgProposal) proposal = vg_proposal_queue_lookup (queue, id);

      if (decision == NULL || vg_journal_entry_get_seq (decision) != ack->seq || proposal == NULL ||
          vg_proposal_get_decision_seq (proposal) != ack->seq ||
          g_strcmp0 (vg_proposal_get_decided_by (proposal), SIGNER) != 0)
        {
          g_test_message ("lost: %s (acknowledged at seq %" G_GUINT64_FORMAT ")", (const char *) id, ack->seq);
          lost++;
          continue;
        }
      /* Still approved (or superseded later by a new version, which keeps its decision). */
      g_assert_cmpuint (vg_proposal_get_version (proposal), >=, ack->version);
    }
  g_assert_cmpuint (n_entries, >=, 1);
  return lost;
}

static void
test_kill_while_deciding (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "crash.vigie-journal", NULL);
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint lost = 0;
  guint journal_kills = 0;

  for (guint kill = 0; kill < N_KILLS; kill++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      char *line;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_exe, "--crash-child", path, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      /* Most kills once the child is signing (so it never depends on how fast a busy machine
       * starts it), one in four anywhere, opening and evaluating included. */
      if (kill % 4 != 0 && (line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL)
        {
          record_ack (acked, line);
          g_free (line);
        }
      g_assert_no_error (error);
      g_usleep (g_test_rand_int_range (0, MAX_DELAY_MS) * 1000);
      g_subprocess_force_exit (child);
      while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL)
        {
          record_ack (acked, line);
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
      journal_kills++;
      lost += count_lost (path, acked);
    }

  g_test_message ("%u kills (%u with a journal), %u decisions acknowledged through "
                  "vg_proposal_queue_decide, %u lost",
                  N_KILLS, journal_kills, g_hash_table_size (acked), lost);
  g_assert_cmpuint (lost, ==, 0);
  /* The loop must have had something to lose. */
  g_assert_cmpuint (g_hash_table_size (acked), >=, N_KILLS / 2);
  vg_test_rmtree (dir);
}

/* Full disk while deciding: the decision that does not fit is refused with a clear error
 * naming the journal, stays pending, and nothing acknowledged before it is lost; once there is
 * room again the same decision goes through. */
static void
test_disk_full_while_deciding (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "full.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_clock_new_wall ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fail = NULL;
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(VgProposalQueue) queue = NULL;
  g_autoptr(VgProposal) refused = NULL;
  g_autoptr(VgOperator) signer = vg_operator_new (SIGNER, VG_ROLE_VALIDATOR, NULL);
  g_autoptr(VgJournalEntry) none = NULL;
  GHashTableIter iter;
  gpointer id, seq;
  guint64 decided = 0;
  gboolean stayed_pending = FALSE;

  journal = vg_journal_create (path, clock, "Disk full (proposals)", TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&journal);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                            self_exe, "--disk-full-child", path, NULL);
  g_assert_no_error (error);
  /* Bytes, not communicate_utf8(): GLib 2.74's UTF-8 check of a piped output is unreliable
   * (it reported "invalid UTF-8 at offset 106996225302407" under ASan). */
  g_subprocess_communicate (child, NULL, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  out = g_strndup (g_bytes_get_data (out_bytes, NULL), g_bytes_get_size (out_bytes));
  err = g_strndup (g_bytes_get_data (err_bytes, NULL), g_bytes_get_size (err_bytes));
  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    g_error ("disk-full child failed: %s", err);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "ACK "))
        {
          g_auto(GStrv) f = g_strsplit (lines[i], " ", 3);

          g_hash_table_insert (acked, g_strdup (f[2]), GSIZE_TO_POINTER ((gsize) g_ascii_strtoull (f[1], NULL, 10)));
        }
      else if (g_str_has_prefix (lines[i], "FAIL "))
        fail = g_strsplit (lines[i], " ", 6);
      else if (g_str_has_prefix (lines[i], "STATE "))
        stayed_pending = g_str_has_suffix (lines[i], " 0");   /* VG_PROPOSAL_PROPOSED */
    }
  g_test_message ("%u decisions acknowledged before the disk was full", g_hash_table_size (acked));
  g_assert_nonnull (fail);
  g_test_message ("refused: %s (%s %s): %s", fail[1], fail[3], fail[4], fail[5]);
  g_assert_cmpuint (g_hash_table_size (acked), >=, 1);
  g_assert_cmpstr (fail[3], ==, g_quark_to_string (VG_STORE_ERROR));
  g_assert_cmpint (atoi (fail[4]), ==, VG_STORE_ERROR_WRITE);
  g_assert_nonnull (strstr (fail[5], path));
  g_assert_true (stayed_pending);

  /* Room again: the chain verifies, every acknowledged decision is there, the refused one
   * left no trace and now goes through. */
  g_assert_true (vg_journal_verify_file (path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  journal = vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, acked);
  while (g_hash_table_iter_next (&iter, &id, &seq))
    {
      g_autoptr(VgJournalEntry) decision = vg_journal_state_dup_decision (vg_journal_get_state (journal), id);

      if (decision == NULL)
        g_error ("acknowledged decision on %s (seq %" G_GSIZE_FORMAT ") lost; the journal ends at seq %" G_GUINT64_FORMAT
                 "; child said:\n%s\n%s", (const char *) id, GPOINTER_TO_SIZE (seq),
                 vg_journal_state_get_last_seq (vg_journal_get_state (journal)), out, err);
      g_assert_cmpuint (vg_journal_entry_get_seq (decision), ==, GPOINTER_TO_SIZE (seq));
    }
  none = vg_journal_state_dup_decision (vg_journal_get_state (journal), fail[1]);
  g_assert_null (none);
  queue = vg_proposal_queue_new (journal, clock, &error);
  g_assert_no_error (error);
  refused = vg_proposal_queue_lookup (queue, fail[1]);
  g_assert_nonnull (refused);
  g_assert_cmpint (vg_proposal_get_state (refused), ==, VG_PROPOSAL_PROPOSED);
  g_assert_true (vg_proposal_queue_decide (queue, signer, fail[1], (guint) atoi (fail[2]), VG_VERDICT_APPROVE,
                                           NULL, NULL, &decided, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (decided, >, 1);
  g_clear_object (&queue);
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--crash-child"))
    return crash_child (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--disk-full-child"))
    return disk_full_child (argv[2]);

  self_exe = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/proposals/crash/kill-while-deciding", test_kill_while_deciding);
  g_test_add_func ("/vigie/proposals/crash/disk-full-while-deciding", test_disk_full_while_deciding);

  return g_test_run ();
}
