/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "bench-journal"

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>

#include "vg-journal.h"
#include "vg-test-util.h"

/* Figures for issue 3, one per line: "bench: <figure> | <value> <unit> | <comparison or note>".
 * Times are wall time on a monotonic clock; the journal itself runs on a manual situation clock. */

#define N_SENSORS 200

static JsonNode *
observation (guint i)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  char sensor[32];

  g_snprintf (sensor, sizeof sensor, "gauge-%03u", i % N_SENSORS);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sensor");
  json_builder_add_string_value (builder, sensor);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_string_value (builder, "level");
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, 0.5 + (i % 997) / 100.0);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, "m");
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
figure (const char *name,
        double      value,
        const char *unit,
        const char *note)
{
  g_print ("bench: %s | %.3g %s | %s\n", name, value, unit, note);
}

/* Appends @n observations in batches of @batch_size; returns the seconds spent in the journal
 * (building the JSON nodes is the caller's work and is left out, as writing the CSV is for sqlite3). */
static double
append_observations (VgJournal *journal,
                     guint      n,
                     guint      batch_size)
{
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GError) error = NULL;
  gint64 spent = 0;

  for (guint done = 0; done < n; )
    {
      guint count = MIN (batch_size, n - done);
      gint64 start;

      g_ptr_array_set_size (nodes, 0);
      for (guint i = 0; i < count; i++)
        g_ptr_array_add (nodes, observation (done + i));

      start = g_get_monotonic_time ();
      for (guint i = 0; i < count; i++)
        if (!vg_journal_batch_add (batch, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau",
                                   g_ptr_array_index (nodes, i), &error))
          g_error ("%s", error->message);
      if (!vg_journal_commit_batch (journal, batch, NULL, &error))
        g_error ("%s", error->message);
      spent += g_get_monotonic_time () - start;
      done += count;
    }
  return spent / (double) G_USEC_PER_SEC;
}

static gboolean
write_csv_cb (VgJournalEntry *entry,
              gpointer        user_data)
{
  GString *csv = user_data;
  g_autofree char *prev = vg_journal_entry_dup_prev_hash (entry);
  g_autofree char *hash = vg_journal_entry_dup_hash (entry);
  g_autofree char *payload = NULL;
  g_auto(GStrv) parts = NULL;

  if (vg_journal_entry_get_kind (entry) != VG_JOURNAL_KIND_OBSERVATION)
    return TRUE;
  /* CSV quoting: double the quotes inside a quoted field. */
  parts = g_strsplit (vg_journal_entry_get_payload_text (entry), "\"", -1);
  payload = g_strjoinv ("\"\"", parts);
  g_string_append_printf (csv, "%" G_GUINT64_FORMAT ",%" G_GINT64_FORMAT ",%s,%s,%s,\"%s\",%s,%s\n",
                          vg_journal_entry_get_seq (entry), vg_journal_entry_get_time (entry),
                          vg_journal_entry_get_kind_id (entry), vg_journal_entry_get_source (entry),
                          vg_journal_entry_get_author (entry), payload, prev, hash);
  return TRUE;
}

/* The same rows through the sqlite3 shell's .import into a plain table: the bare cost of
 * getting them into SQLite, without hashing, chaining or triggers. */
static double
import_with_sqlite3 (VgJournal  *journal,
                     const char *dir)
{
  g_autofree char *csv_path = g_build_filename (dir, "rows.csv", NULL);
  g_autofree char *db_path = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *script = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (!vg_journal_foreach (journal, NULL, write_csv_cb, csv, &error) ||
      !g_file_set_contents (csv_path, csv->str, csv->len, &error))
    g_error ("%s", error->message);
  script = g_strdup_printf ("CREATE TABLE entries (seq INTEGER PRIMARY KEY, time INTEGER, kind TEXT, "
                            "source TEXT, author TEXT, payload TEXT, prev_hash TEXT, hash TEXT);\n"
                            ".mode csv\n.import %s entries\n", csv_path);

  start = g_get_monotonic_time ();
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error, "sqlite3", db_path, NULL);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, script, NULL, NULL, NULL, &error))
    g_error ("sqlite3 shell: %s", error->message);
  if (!g_subprocess_get_successful (proc))
    g_error ("sqlite3 shell failed");
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static gboolean
count_cb (VgJournalEntry *entry,
          gpointer        user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— journal benchmark figures");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 6, 0, 0);
  g_autoptr(VgClock) clock = vg_clock_new_manual (start);
  g_autoptr(VgJournal) journal = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *note = NULL;
  gint entries = 1000000;
  gint batch_size = 10000;
  gboolean quick = FALSE;
  double append_s, import_s, open_s, verify_s, rate, import_rate;
  guint64 n_verified = 0;
  guint n_read = 0;
  gint64 t;
  GOptionEntry options[] = {
    { "entries", 'n', 0, G_OPTION_ARG_INT, &entries, "Observations to journal (default 1000000)", "N" },
    { "batch", 'b', 0, G_OPTION_ARG_INT, &batch_size, "Observations per batch (default 10000)", "N" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "A tenth of the entries, for a quick look", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || entries < 1 || batch_size < 1)
    {
      g_printerr ("bench-journal: %s\n", error != NULL ? error->message : "--entries and --batch must be positive");
      return 2;
    }
  if (quick)
    entries = MAX (1, entries / 10);
  dir = vg_test_mkdtemp ();
  path = g_build_filename (dir, "bench.vigie-journal", NULL);

  if ((journal = vg_journal_create (path, clock, "Benchmark", TRUE, &error)) == NULL)
    g_error ("%s", error->message);
  append_s = append_observations (journal, entries, batch_size);
  rate = entries / append_s;
  note = g_strdup_printf ("%d observations in batches of %d, canonical JSON + SHA-256 chain + WAL",
                          entries, batch_size);
  figure ("journal append, batched observations", rate, "entries/s", note);

  import_s = import_with_sqlite3 (journal, dir);
  import_rate = entries / import_s;
  figure ("sqlite3 shell .import, same rows into a plain table", import_rate, "rows/s",
          "CSV prepared beforehand; process start included");
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("target >= 0.5: %s", rate / import_rate >= 0.5 ? "met" : "NOT met");
  figure ("journal append / sqlite3 import", rate / import_rate, "x", note);
  g_clear_object (&journal);

  t = g_get_monotonic_time ();
  if (!vg_journal_verify_file (path, &n_verified, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  verify_s = (g_get_monotonic_time () - t) / (double) G_USEC_PER_SEC;
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("%" G_GUINT64_FORMAT " entries", n_verified);
  figure ("verify chain (vigie-cli journal verify)", verify_s, "s", note);

  t = g_get_monotonic_time ();
  if ((journal = vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, &error)) == NULL)
    g_error ("%s", error->message);
  open_s = (g_get_monotonic_time () - t) / (double) G_USEC_PER_SEC;
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("open = verify + rebuild, %u sensors; target < 2 s for 1000000: %s", N_SENSORS,
                          entries < 1000000 ? "n/a (fewer entries)" : open_s < 2.0 ? "met" : "NOT met");
  figure ("state rebuild on open", open_s, "s", note);

  t = g_get_monotonic_time ();
  if (!vg_journal_foreach (journal, NULL, count_cb, &n_read, &error))
    g_error ("%s", error->message);
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("%u entries, one VgJournalEntry each", n_read);
  figure ("read all entries (foreach)", (g_get_monotonic_time () - t) / (double) G_USEC_PER_SEC, "s", note);

  g_clear_object (&journal);
  vg_test_rmtree (dir);
  return 0;
}
