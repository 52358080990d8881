/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "bench-export"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>

#include "vg-exporter.h"
#include "vg-journal.h"
#include "vg-timeline.h"
#include "vg-test-util.h"

/* Figures for issue 9, one per line: "bench: <figure> | <value> <unit> | <comparison or note>".
 * A journal of N gauge readings, each with a position (so every entry is a GeoPackage feature),
 * exported to CSV and GeoPackage (and JSON, GeoJSON and the report for comparison), against the bare cost of
 * dumping the same rows with the sqlite3 shell. Wall time on a monotonic clock. */

#define N_GAUGES 200

static JsonNode *
reading (guint i)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  char gauge[32];

  g_snprintf (gauge, sizeof gauge, "gauge-%03u", i % N_GAUGES);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "gauge");
  json_builder_add_string_value (builder, gauge);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_string_value (builder, "level");
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, 0.5 + (i % 997) / 100.0);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, "m");
  /* Gauges spread over the Métropole. */
  json_builder_set_member_name (builder, "lon");
  json_builder_add_double_value (builder, 3.75 + (i % N_GAUGES) * 0.0015);
  json_builder_set_member_name (builder, "lat");
  json_builder_add_double_value (builder, 43.55 + (i % N_GAUGES) * 0.0007);
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

static void
fill (VgJournal *journal,
      guint      n)
{
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  g_autoptr(GError) error = NULL;

  for (guint done = 0; done < n; done++)
    {
      g_autoptr(JsonNode) node = reading (done);

      if (!vg_journal_batch_add (batch, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau", node, &error))
        g_error ("%s", error->message);
      if ((vg_journal_batch_get_size (batch) == 10000 || done + 1 == n) &&
          !vg_journal_commit_batch (journal, batch, NULL, &error))
        g_error ("%s", error->message);
    }
}

static double
export (VgJournal      *journal,
        VgExportFormat  format,
        const char     *path,
        guint64        *n_exported)
{
  g_autoptr(VgExporter) exporter = vg_exporter_new (journal, format);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!vg_exporter_run (exporter, path, NULL, &error))
    g_error ("%s", error->message);
  *n_exported = vg_exporter_get_n_entries (exporter);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* The sqlite3 shell dumping the same rows as CSV to /dev/null: the bare cost of reading them
 * out, with no canonical JSON check, no summary, no hashing into hex by hand. NaN without the
 * shell. */
static double
sqlite3_dump (const char *path)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, "sqlite3", "-readonly", "-csv", path,
                           "SELECT seq, time, kind, source, author, payload, lower(hex(prev_hash)), lower(hex(hash)) "
                           "FROM entries", NULL);
  if (proc == NULL)
    return NAN;
  if (!g_subprocess_wait_check (proc, NULL, &error))
    g_error ("sqlite3 shell: %s", error->message);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static guint64
file_size (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_file_info_get_size (info) : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— export benchmark figures");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 6, 0, 0);
  g_autoptr(VgClock) clock = vg_clock_new_manual (start);
  g_autoptr(VgJournal) journal = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint entries = 1000000;
  gboolean quick = FALSE;
  double dump_s;
  struct {
    VgExportFormat  format;
    const char     *name;
    const char     *file;
    double          seconds;
  } runs[] = {
    { VG_EXPORT_CSV, "export to CSV", "timeline.csv", 0 },
    { VG_EXPORT_GPKG, "export to GeoPackage", "features.gpkg", 0 },
    { VG_EXPORT_JSON, "export to JSON", "timeline.json", 0 },
    { VG_EXPORT_GEOJSON, "export to GeoJSON", "features.geojson", 0 },
    { VG_EXPORT_PDF, "export to the PDF report", "report.pdf", 0 },
  };
  GOptionEntry options[] = {
    { "entries", 'n', 0, G_OPTION_ARG_INT, &entries, "Readings to journal (default 1000000)", "N" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "A tenth of the entries, for a quick look", NULL },
    { NULL }
  };
  gint64 t;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || entries < 1)
    {
      g_printerr ("bench-export: %s\n", error != NULL ? error->message : "--entries must be positive");
      return 2;
    }
  if (quick)
    entries = MAX (1, entries / 10);
  dir = vg_test_mkdtemp ();
  path = g_build_filename (dir, "bench.vigie-journal", NULL);

  if ((journal = vg_journal_create (path, clock, "Benchmark", TRUE, &error)) == NULL)
    g_error ("%s", error->message);
  t = g_get_monotonic_time ();
  fill (journal, entries);
  g_printerr ("bench-export: %d readings journalled in %.1f s\n", entries,
              (g_get_monotonic_time () - t) / (double) G_USEC_PER_SEC);
  /* Read-only, as vigie-cli export opens it; the writer is closed first so the WAL is
   * checkpointed and the sqlite3 shell reads the same single file. */
  g_clear_object (&journal);
  if ((journal = vg_journal_open (path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error)) == NULL)
    g_error ("%s", error->message);

  dump_s = sqlite3_dump (path);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *out = g_build_filename (dir, runs[i].file, NULL);
      g_autofree char *note = NULL;
      guint64 n = 0;

      runs[i].seconds = export (journal, runs[i].format, out, &n);
      note = g_strdup_printf ("%" G_GUINT64_FORMAT " entries, %.1f MB, %.0f entries/s", n,
                              file_size (out) / 1e6, n / runs[i].seconds);
      figure (runs[i].name, runs[i].seconds, "s", note);
      g_remove (out);
    }

  /* The review view: the whole journal into the timeline model, then a filter and a state. */
  {
    g_autoptr(VgTimeline) timeline = vg_timeline_new (journal);
    g_autoptr(VgTimelineFilter) filter = vg_timeline_filter_new ();
    g_autoptr(VgTimelineState) state = NULL;
    g_autofree char *note = NULL;

    t = g_get_monotonic_time ();
    if (!vg_timeline_refresh (timeline, &error))
      g_error ("%s", error->message);
    note = g_strdup_printf ("%u entries into the GListModel", vg_timeline_get_n_entries (timeline));
    figure ("timeline: load the journal", (g_get_monotonic_time () - t) / (double) G_USEC_PER_SEC, "s", note);
    vg_timeline_filter_set_text (filter, "gauge-042");
    t = g_get_monotonic_time ();
    vg_timeline_set_filter (timeline, filter);
    g_clear_pointer (&note, g_free);
    note = g_strdup_printf ("%u of them match", g_list_model_get_n_items (G_LIST_MODEL (timeline)));
    figure ("timeline: text search over every payload", (g_get_monotonic_time () - t) / (double) G_USEC_PER_SEC, "s", note);
    t = g_get_monotonic_time ();
    state = vg_timeline_dup_state_at (timeline, entries / 2);
    figure ("timeline: situation rebuilt at the middle entry", (g_get_monotonic_time () - t) / (double) G_USEC_PER_SEC,
            "s", "every entry before it replayed into a fresh state");
  }

  if (isnan (dump_s))
    figure ("sqlite3 -csv dump of the same rows", 0, "s", "not measured: the sqlite3 shell is not installed");
  else
    {
      g_autofree char *note = g_strdup_printf ("%d rows (the header entry too) to /dev/null, process start included", entries + 1);

      figure ("sqlite3 -csv dump of the same rows", dump_s, "s", note);
      figure ("CSV export / sqlite3 dump", runs[0].seconds / dump_s, "x",
              "Vigie adds the ISO time, the group, a summary per entry and the metadata");
      figure ("GeoPackage export / sqlite3 dump", runs[1].seconds / dump_s, "x",
              "Vigie adds the geometry (WKB + GeoPackage header) and one SQLite insert per feature");
    }

  g_clear_object (&journal);
  vg_test_rmtree (dir);
  return 0;
}
