/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#undef G_DISABLE_ASSERT
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vg-bundle.h"
#include "vg-catalog.h"
#include "vg-error.h"
#include "vg-exporter.h"
#include "vg-gpkg.h"
#include "vg-journal-codec-private.h"
#include "vg-test-export.h"
#include "vg-test-journal.h"
#include "vg-test-util.h"

/* Exports of the review journal (tests/support/vg-test-export.c): every format read back and
 * compared with the journal field by field, filters, determinism, the bundle and its
 * verification, failures. Tools from outside (ogrinfo, pdftotext) are used when installed, and
 * the test says so when they are not. */

typedef struct
{
  char         *dir;
  char         *path;
  VgClock      *clock;
  VgJournal    *journal;
  VgTestReview  seqs;
  GPtrArray    *entries;   /* every entry, with references */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = vg_test_mkdtemp ();
  f->path = g_build_filename (f->dir, "lez.vigie-journal", NULL);
  f->clock = vg_test_clock_new ();
  f->journal = vg_test_review_journal_create (f->path, f->clock, &f->seqs);
  f->entries = vg_test_journal_collect (f->journal, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->entries, g_ptr_array_unref);
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  vg_test_rmtree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

static char *
export (Fixture                *f,
        VgExportFormat          format,
        const VgTimelineFilter *filter,
        const char             *language,
        const char             *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgExporter) exporter = vg_exporter_new (f->journal, format);
  char *out = g_build_filename (f->dir, name, NULL);

  g_assert_cmpint (vg_exporter_get_format (exporter), ==, format);
  g_assert_null (vg_exporter_get_stage (exporter));
  vg_exporter_set_filter (exporter, filter);
  vg_exporter_set_language (exporter, language);
  g_assert_true (vg_exporter_run (exporter, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (vg_exporter_get_fraction (exporter), ==, 1.0);
  g_assert_cmpstr (vg_exporter_get_stage (exporter), ==, "Export complete");
  /* Folders for the folder formats, files for the others. */
  g_assert_true (g_file_test (out, vg_export_format_is_folder (format) ? G_FILE_TEST_IS_DIR : G_FILE_TEST_IS_REGULAR));
  return out;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* RFC 4180 records of @text after its "#" comment lines, which go to @comments. */
static GPtrArray *
parse_csv (const char *text,
           GPtrArray  *comments)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *p = text;

  while (*p == '#')
    {
      const char *end = strstr (p, "\r\n");

      g_assert_nonnull (end);
      g_ptr_array_add (comments, g_strndup (p, end - p));
      p = end + 2;
    }
  while (*p != '\0')
    {
      GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
      gboolean end_of_record = FALSE;

      while (!end_of_record)
        {
          GString *field = g_string_new (NULL);

          if (*p == '"')
            {
              for (p++; !(*p == '"' && p[1] != '"'); p++)
                {
                  g_assert_true (*p != '\0');
                  if (*p == '"')
                    p++;
                  g_string_append_c (field, *p);
                }
              p++;
            }
          else
            while (*p != ',' && *p != '\r')
              g_string_append_c (field, *p++);
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          if (*p == '\r')
            {
              g_assert_true (p[1] == '\n');
              p += 2;
              end_of_record = TRUE;
            }
          else
            {
              g_assert_true (*p == ',');
              p++;
            }
        }
      g_ptr_array_add (records, fields);
    }
  return records;
}

static VgJournalEntry *
entry_by_seq (Fixture *f,
              guint64  seq)
{
  VgJournalEntry *entry = g_ptr_array_index (f->entries, seq - 1);

  g_assert_cmpuint (vg_journal_entry_get_seq (entry), ==, seq);
  return entry;
}

/* Every field that the entry hash covers, and the hashes, equal to the journal's. */
static void
assert_same_entry (VgJournalEntry *entry,
                   guint64         seq,
                   gint64          time_usec,
                   const char     *kind,
                   const char     *source,
                   const char     *author,
                   const char     *payload,
                   const char     *prev_hash,
                   const char     *hash)
{
  g_autofree char *entry_prev = vg_journal_entry_dup_prev_hash (entry);
  g_autofree char *entry_hash = vg_journal_entry_dup_hash (entry);

  g_assert_cmpuint (seq, ==, vg_journal_entry_get_seq (entry));
  g_assert_cmpint (time_usec, ==, vg_journal_entry_get_time (entry));
  g_assert_cmpstr (kind, ==, vg_journal_entry_get_kind_id (entry));
  g_assert_cmpstr (source, ==, vg_journal_entry_get_source (entry));
  g_assert_cmpstr (author, ==, vg_journal_entry_get_author (entry));
  g_assert_cmpstr (payload, ==, vg_journal_entry_get_payload_text (entry));
  g_assert_cmpstr (prev_hash, ==, entry_prev);
  g_assert_cmpstr (hash, ==, entry_hash);
}

static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = export (f, VG_EXPORT_CSV, NULL, "en", "timeline.csv");
  g_autofree char *text = read_text (path);
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = parse_csv (text, comments);
  GPtrArray *header = g_ptr_array_index (records, 0);
  static const char *columns[] = { "seq", "time", "time_usec", "kind", "group", "source", "author", "summary",
                                   "payload", "prev_hash", "hash" };

  g_assert_cmpuint (header->len, ==, G_N_ELEMENTS (columns));
  for (guint i = 0; i < header->len; i++)
    g_assert_cmpstr (g_ptr_array_index (header, i), ==, columns[i]);
  g_assert_cmpuint (records->len - 1, ==, f->entries->len);
  for (guint i = 1; i < records->len; i++)
    {
      GPtrArray *r = g_ptr_array_index (records, i);
      guint64 seq = g_ascii_strtoull (g_ptr_array_index (r, 0), NULL, 10);
      VgJournalEntry *entry = entry_by_seq (f, seq);
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (g_ptr_array_index (r, 1), NULL);

      g_assert_cmpuint (r->len, ==, G_N_ELEMENTS (columns));
      assert_same_entry (entry, seq, g_ascii_strtoll (g_ptr_array_index (r, 2), NULL, 10), g_ptr_array_index (r, 3),
                         g_ptr_array_index (r, 5), g_ptr_array_index (r, 6), g_ptr_array_index (r, 8),
                         g_ptr_array_index (r, 9), g_ptr_array_index (r, 10));
      g_assert_nonnull (time);
      g_assert_cmpint (vg_time_to_usec (time), ==, vg_journal_entry_get_time (entry));
      g_assert_cmpstr (g_ptr_array_index (r, 4), ==, vg_timeline_group_to_id (vg_timeline_group_of_entry (entry)));
      g_assert_cmpstr (g_ptr_array_index (r, 7), !=, "");
    }
  /* The comments say what was exported, and that nothing was filtered out. */
  g_assert_true (g_ptr_array_find_with_equal_func (comments, "# situation: Crue du Lez", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (comments, "# filters: {}", g_str_equal, NULL));
}

static JsonObject *
parse_json_file (const char *path,
                 JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_same_json_entry (VgJournalEntry *entry,
                        JsonObject     *e)
{
  g_autoptr(GString) canonical = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* Read back through json-glib the payload is a tree: written again in the journal's canonical
   * form (DESIGN.md), it must be the very text the entry hash covers. */
  g_assert_true (vg_journal_canonical_json (json_object_get_member (e, "payload"), canonical, &error));
  g_assert_no_error (error);
  assert_same_entry (entry, json_object_get_int_member (e, "seq"), json_object_get_int_member (e, "time_usec"),
                     json_object_get_string_member (e, "kind"), json_object_get_string_member (e, "source"),
                     json_object_get_string_member (e, "author"), canonical->str,
                     json_object_get_string_member (e, "prev_hash"), json_object_get_string_member (e, "hash"));
  g_assert_cmpstr (json_object_get_string_member (e, "group"), ==,
                   vg_timeline_group_to_id (vg_timeline_group_of_entry (entry)));
}

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = export (f, VG_EXPORT_JSON, NULL, "en", "timeline.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_json_file (path, parser);
  JsonArray *entries = json_object_get_array_member (root, "entries");
  JsonObject *journal = json_object_get_object_member (root, "journal");

  g_assert_cmpstr (json_object_get_string_member (root, "situation"), ==, "Crue du Lez");
  g_assert_true (json_object_get_boolean_member (root, "exercise"));
  g_assert_cmpstr (json_object_get_string_member (journal, "file"), ==, "lez.vigie-journal");
  g_assert_cmpint (json_object_get_int_member (journal, "entries"), ==, f->seqs.last);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "filters")), ==, 0);
  g_assert_cmpuint (json_array_get_length (entries), ==, f->entries->len);
  g_assert_cmpint (json_object_get_int_member (root, "n_entries"), ==, f->entries->len);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *e = json_array_get_object_element (entries, i);

      assert_same_json_entry (entry_by_seq (f, json_object_get_int_member (e, "seq")), e);
    }
}

/* The seqs of the entries @filter passes, by the filter's own rule. */
static GArray *
expected_seqs (Fixture                *f,
               const VgTimelineFilter *filter)
{
  GArray *seqs = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (guint i = 0; i < f->entries->len; i++)
    if (vg_timeline_filter_matches (filter, g_ptr_array_index (f->entries, i)))
      {
        guint64 seq = vg_journal_entry_get_seq (g_ptr_array_index (f->entries, i));

        g_array_append_val (seqs, seq);
      }
  return seqs;
}

static void
test_filtered (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VgTimelineFilter) filter = vg_timeline_filter_new ();
  g_autoptr(GArray) expected = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) since = g_date_time_new_utc (2014, 9, 29, 6, 45, 0);
  JsonObject *root, *filters;
  JsonArray *entries, *groups;
  guint64 hand_picked[] = { f->seqs.decision_1, f->seqs.note_1, f->seqs.decision_2, f->seqs.note_2 };

  vg_timeline_filter_set_groups (filter, VG_TIMELINE_GROUP_MASK (VG_TIMELINE_GROUP_DECISIONS) |
                                         VG_TIMELINE_GROUP_MASK (VG_TIMELINE_GROUP_NOTES));
  vg_timeline_filter_set_period (filter, vg_time_to_usec (since), G_MAXINT64);
  expected = expected_seqs (f, filter);
  /* The filter's rule agrees with what a person picks out of the journal by hand. */
  g_assert_cmpuint (expected->len, ==, G_N_ELEMENTS (hand_picked));
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpuint (g_array_index (expected, guint64, i), ==, hand_picked[i]);

  csv_path = export (f, VG_EXPORT_CSV, filter, "en", "filtered.csv");
  csv = read_text (csv_path);
  records = parse_csv (csv, comments);
  g_assert_cmpuint (records->len - 1, ==, expected->len);
  for (guint i = 1; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);

      g_assert_cmpuint (g_ascii_strtoull (g_ptr_array_index (record, 0), NULL, 10), ==,
                        g_array_index (expected, guint64, i - 1));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (comments,
                                                   "# filters: {\"groups\":[\"decisions\",\"notes\"],"
                                                   "\"since\":\"2014-09-29T06:45:00Z\"}", g_str_equal, NULL));

  json_path = export (f, VG_EXPORT_JSON, filter, "en", "filtered.json");
  root = parse_json_file (json_path, parser);
  entries = json_object_get_array_member (root, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      JsonObject *e = json_array_get_object_element (entries, i);

      g_assert_cmpint (json_object_get_int_member (e, "seq"), ==, g_array_index (expected, guint64, i));
      assert_same_json_entry (entry_by_seq (f, g_array_index (expected, guint64, i)), e);
    }
  filters = json_object_get_object_member (root, "filters");
  groups = json_object_get_array_member (filters, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (groups, 0), ==, "decisions");
  g_assert_cmpstr (json_object_get_string_member (filters, "since"), ==, "2014-09-29T06:45:00Z");
}

static void
test_filter_text_and_author (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(VgTimelineFilter) filter = vg_timeline_filter_new ();
  g_autoptr(GArray) seqs = NULL;

  /* Case-insensitive, accents included, in payload values, not member names. */
  vg_timeline_filter_set_text (filter, "POMPIGNANE");
  seqs = expected_seqs (f, filter);
  g_assert_cmpuint (seqs->len, ==, 2);
  g_assert_cmpuint (g_array_index (seqs, guint64, 0), ==, f->seqs.proposal_1);
  g_assert_cmpuint (g_array_index (seqs, guint64, 1), ==, f->seqs.note_1);
  g_clear_pointer (&seqs, g_array_unref);
  vg_timeline_filter_set_text (filter, "threshold_value");
  seqs = expected_seqs (f, filter);
  g_assert_cmpuint (seqs->len, ==, 0);
  g_clear_pointer (&seqs, g_array_unref);
  vg_timeline_filter_set_text (filter, "décrue");
  vg_timeline_filter_set_author (filter, "Jean Dupont");
  seqs = expected_seqs (f, filter);
  g_assert_cmpuint (seqs->len, ==, 1);
  g_assert_cmpuint (g_array_index (seqs, guint64, 0), ==, f->seqs.note_2);
  g_clear_pointer (&seqs, g_array_unref);
  /* The CAP message received is a warning, not an observation. */
  vg_timeline_filter_set_text (filter, NULL);
  vg_timeline_filter_set_author (filter, NULL);
  vg_timeline_filter_set_groups (filter, VG_TIMELINE_GROUP_MASK (VG_TIMELINE_GROUP_WARNINGS));
  seqs = expected_seqs (f, filter);
  g_assert_cmpuint (seqs->len, ==, 3);
  g_assert_cmpuint (g_array_index (seqs, guint64, 0), ==, f->seqs.cap_received);
}

static void
test_geojson (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = export (f, VG_EXPORT_GEOJSON, NULL, "en", "features.geojson");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_json_file (path, parser);
  JsonArray *features = json_object_get_array_member (root, "features");
  JsonArray *skipped = json_object_get_array_member (root, "vigie_skipped");
  guint64 mapped[] = { f->seqs.reading_low, f->seqs.projection, f->seqs.proposal_1, f->seqs.reading_high,
                       f->seqs.incident, f->seqs.proposal_2 };

  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "FeatureCollection");
  g_assert_cmpuint (json_array_get_length (features), ==, G_N_ELEMENTS (mapped));
  for (guint i = 0; i < G_N_ELEMENTS (mapped); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *properties = json_object_get_object_member (feature, "properties");
      VgJournalEntry *entry = entry_by_seq (f, mapped[i]);
      g_autofree char *time = NULL;
      g_autoptr(GDateTime) utc = vg_time_new_from_usec (vg_journal_entry_get_time (entry));

      time = g_date_time_format_iso8601 (utc);
      g_assert_cmpint (json_object_get_int_member (properties, "seq"), ==, mapped[i]);
      g_assert_cmpstr (json_object_get_string_member (properties, "time"), ==, time);
      g_assert_cmpint (json_object_get_int_member (properties, "time_usec"), ==, vg_journal_entry_get_time (entry));
      g_assert_cmpstr (json_object_get_string_member (properties, "author"), ==, vg_journal_entry_get_author (entry));
    }
  /* The gauge reading as a Point from "lon"/"lat"; the envelope as the polygon journalled. */
  {
    JsonObject *geometry = json_object_get_object_member (json_array_get_object_element (features, 0), "geometry");
    JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");

    g_assert_cmpstr (json_object_get_string_member (geometry, "type"), ==, "Point");
    g_assert_cmpfloat (json_array_get_double_element (coordinates, 0), ==, 3.8975);
    g_assert_cmpfloat (json_array_get_double_element (coordinates, 1), ==, 43.6093);
    geometry = json_object_get_object_member (json_array_get_object_element (features, 1), "geometry");
    g_assert_cmpstr (json_object_get_string_member (geometry, "type"), ==, "Polygon");
  }
  /* The unclosed ring is named, not dropped silently. */
  g_assert_cmpuint (json_array_get_length (skipped), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (skipped, 0), "seq"), ==,
                   f->seqs.bad_geometry);
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (skipped, 0), "reason"),
                            "not closed"));
}

/* ogrinfo's "seq (Integer) = N" lines, in order. */
static GArray *
ogr_seqs (const char *output)
{
  GArray *seqs = g_array_new (FALSE, FALSE, sizeof (guint64));
  const char *p = output;

  while ((p = strstr (p, "seq (Integer64) = ")) != NULL)
    {
      guint64 seq = g_ascii_strtoull (p + strlen ("seq (Integer64) = "), NULL, 10);

      g_array_append_val (seqs, seq);
      p++;
    }
  return seqs;
}

static void
test_gpkg (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = export (f, VG_EXPORT_GPKG, NULL, "en", "features.gpkg");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgGpkg) gpkg = vg_gpkg_open (path, &error);
  g_autoptr(VgLayer) layer = NULL;
  g_autofree char *ogrinfo = g_find_program_in_path ("ogrinfo");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GArray) seqs = NULL;
  guint64 mapped[] = { f->seqs.reading_low, f->seqs.projection, f->seqs.proposal_1, f->seqs.reading_high,
                       f->seqs.incident, f->seqs.proposal_2 };

  /* Vigie's own GeoPackage reader takes it, CRS and geometries included. */
  g_assert_no_error (error);
  layer = vg_gpkg_read_layer (gpkg, "vigie_timeline", (const char *[]) { "kind", "author", NULL }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vg_layer_get_n_features (layer), ==, G_N_ELEMENTS (mapped));
  g_assert_cmpstr (vg_layer_get_crs (layer), ==, "EPSG:4326");
  g_assert_cmpint (vg_shape_set_get_kind (vg_layer_get_shapes (layer), 1), ==, VG_SHAPE_POLYGON);

  if (ogrinfo == NULL)
    {
      g_test_skip ("ogrinfo (gdal-bin) is not installed: the GeoPackage was only read back by Vigie");
      return;
    }
  g_assert_cmpint (vg_test_run ((const char *[]) { ogrinfo, "-ro", "-al", path, "vigie_timeline", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Feature Count: 6"));
  g_assert_nonnull (strstr (out, "Geometry: Unknown (any)"));
  g_assert_nonnull (strstr (out, "POINT (3.8975 43.6093)"));
  g_assert_nonnull (strstr (out, "LINESTRING (3.8925 43.6125,3.8941 43.6152,3.896 43.6178)"));
  g_assert_nonnull (strstr (out, "time (DateTime) = 2014/09/29 06:15:00"));
  g_assert_nonnull (strstr (out, "author (String) = vigie"));
  seqs = ogr_seqs (out);
  g_assert_cmpuint (seqs->len, ==, G_N_ELEMENTS (mapped));
  for (guint i = 0; i < seqs->len; i++)
    g_assert_cmpuint (g_array_index (seqs, guint64, i), ==, mapped[i]);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* The attributes table says where the layer comes from. */
  g_assert_cmpint (vg_test_run ((const char *[]) { ogrinfo, "-ro", "-al", path, "vigie_export", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "value (String) = Crue du Lez"));
}

static void
test_cap (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = export (f, VG_EXPORT_CAP, NULL, "en", "cap");
  g_autofree char *index_path = g_build_filename (path, "index.json", NULL);
  g_autofree char *sample_path = vg_test_data_path ("export/meteofrance-vigilance-jaune-orages-20220810.xml");
  g_autofree char *sample = read_text (sample_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_json_file (index_path, parser);
  JsonArray *messages = json_object_get_array_member (root, "messages");
  JsonObject *received, *issued;
  g_autofree char *received_path = NULL;
  g_autofree char *received_text = NULL;
  g_autofree char *issued_path = NULL;
  g_autofree char *issued_text = NULL;

  g_assert_cmpint (json_object_get_int_member (root, "received"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "issued"), ==, 1);
  g_assert_cmpuint (json_array_get_length (messages), ==, 2);
  received = json_array_get_object_element (messages, 0);
  g_assert_cmpstr (json_object_get_string_member (received, "direction"), ==, "received");
  g_assert_cmpstr (json_object_get_string_member (received, "identifier"), ==, "2.49.0.0.250.0.FR.20220810161220.589023");
  g_assert_cmpstr (json_object_get_string_member (received, "sender"), ==, "vigilance@meteo.fr");
  g_assert_cmpstr (json_object_get_string_member (received, "event"), ==, "Vigilance jaune orages");
  g_assert_cmpint (json_object_get_int_member (received, "seq"), ==, f->seqs.cap_received);
  /* The bytes exactly as received: their hash is the one the journal chains. */
  g_assert_cmpstr (json_object_get_string_member (received, "sha256"), ==,
                   "730a35f1cc7a8f2161d83ec2f975a85a9ecbf3a247bfedf5c5342f58f8b28d00");
  g_assert_cmpstr (json_object_get_string_member (received, "journal_sha256"), ==,
                   json_object_get_string_member (received, "sha256"));
  received_path = g_build_filename (path, json_object_get_string_member (received, "file"), NULL);
  received_text = read_text (received_path);
  g_assert_cmpstr (received_text, ==, sample);

  issued = json_array_get_object_element (messages, 1);
  g_assert_cmpstr (json_object_get_string_member (issued, "direction"), ==, "issued");
  g_assert_cmpstr (json_object_get_string_member (issued, "state"), ==, "released");
  g_assert_cmpstr (json_object_get_string_member (issued, "status"), ==, "Exercise");
  g_assert_cmpstr (json_object_get_string_member (issued, "author"), ==, "Claire Martin");
  issued_path = g_build_filename (path, json_object_get_string_member (issued, "file"), NULL);
  issued_text = read_text (issued_path);
  g_assert_true (g_str_has_prefix (issued_text, "<?xml"));
  g_assert_nonnull (strstr (issued_text, "Crue du Lez : évitez les berges"));
}

/* pdftotext's text of @pdf, one string per page; NULL if pdftotext is not installed. */
static GStrv
pdf_pages (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GStrv pages;
  guint n;

  if (pdftotext == NULL)
    return NULL;
  g_assert_cmpint (vg_test_run ((const char *[]) { pdftotext, "-enc", "UTF-8", pdf, "-", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  pages = g_strsplit (out, "\f", -1);
  /* Lines broken where a cell or paragraph wraps: searched as one run of words. */
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (pages[i], " \n", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) joined = NULL;

      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          g_strv_builder_add (kept, words[j]);
      joined = g_strv_builder_end (kept);
      g_free (pages[i]);
      pages[i] = g_strjoinv (" ", joined);
    }
  /* pdftotext ends every page with a form feed: the last piece is empty. */
  n = g_strv_length (pages);
  g_assert_cmpuint (n, >, 1);
  g_assert_cmpstr (pages[n - 1], ==, "");
  g_clear_pointer (&pages[n - 1], g_free);
  return pages;
}

/* Index of the first page holding every one of @texts (NULL-terminated), or -1. */
static int
find_page (GStrv               pages,
           const char * const *texts)
{
  for (guint i = 0; pages[i] != NULL; i++)
    {
      gboolean all = TRUE;

      for (guint j = 0; texts[j] != NULL && all; j++)
        all = strstr (pages[i], texts[j]) != NULL;
      if (all)
        return i;
    }
  return -1;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *en = export (f, VG_EXPORT_PDF, NULL, "en", "report-en.pdf");
  g_autofree char *fr = export (f, VG_EXPORT_PDF, NULL, "fr", "report-fr.pdf");
  g_auto(GStrv) pages = pdf_pages (en);
  g_auto(GStrv) pages_fr = NULL;
  int maps, thresholds, decisions, log;

  if (pages == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the report was written but not read back");
      return;
    }
  /* Cover, key figures, a map per phase (the journal's "Veille", "Crise" and "Décrue"),
   * thresholds, decisions, log, in that order. */
  g_assert_cmpint (find_page (pages, (const char *[]) { "After-action report", "Crue du Lez", "EXERCISE",
                                                        "Provenance", NULL }), ==, 0);
  g_assert_cmpint (find_page (pages, (const char *[]) { "1. Key figures", "Proposals never decided", NULL }), ==, 1);
  maps = find_page (pages, (const char *[]) { "2. Maps by phase", "Phase 1 of 3: Veille", NULL });
  g_assert_cmpint (maps, ==, 2);
  g_assert_cmpint (find_page (pages, (const char *[]) { "Phase 2 of 3: Crise", "earlier phases", "Incidents", NULL }), ==, maps + 1);
  g_assert_cmpint (find_page (pages, (const char *[]) { "Phase 3 of 3: Décrue", NULL }), ==, maps + 2);
  thresholds = find_page (pages, (const char *[]) { "3. Thresholds", "flood", "Y321002101", "vigilance-orange", "50 min",
                                                    "Mosson", "not observed", NULL });
  g_assert_cmpint (thresholds, ==, maps + 3);
  decisions = find_page (pages, (const char *[]) { "4. Decisions", "Close the riverside roads", "Claire Martin",
                                                   "accepted", "rejected", "never decided", "15 min", "45 min", NULL });
  g_assert_cmpint (decisions, ==, thresholds + 1);
  log = find_page (pages, (const char *[]) { "5. Operator log", "Pompiers informés", "Jean Dupont", NULL });
  g_assert_cmpint (log, ==, decisions + 1);
  g_assert_cmpuint (g_strv_length (pages), ==, log + 1);
  /* Times are Montpellier's: the P-1 decision at 06:50Z is 08:50 there. */
  g_assert_cmpint (find_page (pages, (const char *[]) { "2014-09-29 08:50", NULL }), ==, decisions);

  pages_fr = pdf_pages (fr);
  g_assert_cmpint (find_page (pages_fr, (const char *[]) { "Retour d’expérience", "EXERCICE", "Établi par Vigie", NULL }), ==, 0);
  g_assert_cmpint (find_page (pages_fr, (const char *[]) { "1. Chiffres clés", "Propositions jamais tranchées", NULL }), ==, 1);
  g_assert_cmpint (find_page (pages_fr, (const char *[]) { "4. Décisions", "acceptée", "rejetée", "29/09/2014 08:50",
                                                           NULL }), ==, decisions);
  g_assert_cmpint (find_page (pages_fr, (const char *[]) { "5. Main courante", "Pompiers informés", NULL }), ==, log);
}

static void
assert_same_files (const char *a,
                   const char *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  gsize len_a, len_b;

  if (g_file_test (a, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (a, 0, NULL);
      const char *name;
      guint n_a = 0, n_b = 0;
      g_autoptr(GDir) other = g_dir_open (b, 0, NULL);

      g_assert_nonnull (dir);
      g_assert_nonnull (other);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child_a = g_build_filename (a, name, NULL);
          g_autofree char *child_b = g_build_filename (b, name, NULL);

          assert_same_files (child_a, child_b);
          n_a++;
        }
      while (g_dir_read_name (other) != NULL)
        n_b++;
      g_assert_cmpuint (n_a, ==, n_b);
      return;
    }
  g_assert_true (g_file_get_contents (a, &text_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &text_b, &len_b, NULL));
  if (len_a != len_b || memcmp (text_a, text_b, len_a) != 0)
    g_error ("%s and %s differ", a, b);
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  for (VgExportFormat format = 0; format < VG_N_EXPORT_FORMATS; format++)
    {
      const char *id = vg_export_format_to_id (format);
      g_autofree char *first_name = g_strconcat (id, "-1", vg_export_format_get_extension (format), NULL);
      g_autofree char *second_name = g_strconcat (id, "-2", vg_export_format_get_extension (format), NULL);
      g_autofree char *first = export (f, format, NULL, "fr", first_name);
      g_autofree char *second = NULL;

      /* Seconds apart on the wall clock, with the journal unchanged: the same bytes. */
      g_usleep (G_USEC_PER_SEC / 2);
      second = export (f, format, NULL, "fr", second_name);
      assert_same_files (first, second);
    }
}

static void
test_bundle (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = export (f, VG_EXPORT_BUNDLE, NULL, "fr", "bundle");
  g_autofree char *manifest = g_build_filename (path, VG_BUNDLE_MANIFEST, NULL);
  g_autofree char *manifest_text = read_text (manifest);
  g_autofree char *csv = g_build_filename (path, "timeline.csv", NULL);
  g_autofree char *csv_text = read_text (csv);
  g_autofree char *extra = g_build_filename (path, "cap", "received", "extra.xml", NULL);
  g_autofree char *report = g_build_filename (path, "report-en.pdf", NULL);
  g_autofree char *report_moved = g_build_filename (f->dir, "report-en.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) verdict = NULL;
  g_autofree char *sha256sum = g_find_program_in_path ("sha256sum");
  const char *expected[] = { "bundle.json", "cap/index.json", "features.geojson", "features.gpkg",
                             "journal.vigie-journal", "report-en.pdf", "report-fr.pdf", "timeline.csv",
                             "timeline.json", NULL };

  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *line_end = g_strconcat ("  ", expected[i], "\n", NULL);

      g_assert_nonnull (strstr (manifest_text, line_end));
    }
  g_assert_true (vg_bundle_verify (path, &verdict, &error));
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (verdict), "intact"));
  g_clear_pointer (&verdict, json_node_unref);
  /* The manifest is sha256sum's: anyone can check it without Vigie. */
  if (sha256sum != NULL)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *cwd = g_get_current_dir ();

      g_assert_cmpint (g_chdir (path), ==, 0);
      g_assert_cmpint (vg_test_run ((const char *[]) { sha256sum, "--check", "--strict", "--quiet",
                                                       VG_BUNDLE_MANIFEST, NULL }, &out, &err), ==, 0);
      g_assert_cmpint (g_chdir (cwd), ==, 0);
    }

  /* One byte changed in the timeline: named. */
  csv_text[strlen (csv_text) - 3] ^= 1;
  g_assert_true (g_file_set_contents (csv, csv_text, -1, NULL));
  g_assert_false (vg_bundle_verify (path, &verdict, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "timeline.csv"));
  g_assert_false (json_object_get_boolean_member (json_node_get_object (verdict), "intact"));
  g_clear_error (&error);
  g_clear_pointer (&verdict, json_node_unref);
  csv_text[strlen (csv_text) - 3] ^= 1;
  g_assert_true (g_file_set_contents (csv, csv_text, -1, NULL));
  g_assert_true (vg_bundle_verify (path, NULL, NULL));

  /* A file slipped in, a file taken away: named. */
  g_assert_true (g_file_set_contents (extra, "<alert/>", -1, NULL));
  g_assert_false (vg_bundle_verify (path, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "cap/received/extra.xml"));
  g_clear_error (&error);
  g_assert_cmpint (g_remove (extra), ==, 0);
  g_assert_cmpint (g_rename (report, report_moved), ==, 0);
  g_assert_false (vg_bundle_verify (path, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "report-en.pdf"));
  g_clear_error (&error);
  g_assert_cmpint (g_rename (report_moved, report), ==, 0);
  g_assert_true (vg_bundle_verify (path, NULL, NULL));
}

static char *
hash_file (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, len);
}

/* A tamperer who rewrites an entry of the journal copy and the manifest to match: the chain
 * still gives them away, and verify names the journal and the entry. */
static void
test_bundle_journal_tampered (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = export (f, VG_EXPORT_BUNDLE, NULL, "en", "bundle");
  g_autofree char *journal = g_build_filename (path, VG_BUNDLE_JOURNAL, NULL);
  g_autofree char *manifest = g_build_filename (path, VG_BUNDLE_MANIFEST, NULL);
  g_autofree char *manifest_text = read_text (manifest);
  g_autofree char *old_hash = NULL;
  g_autofree char *new_hash = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *entry = NULL;
  sqlite3 *db;

  old_hash = hash_file (journal);
  db = vg_test_sqlite_open (journal);
  vg_test_sqlite_exec (db, "DROP TRIGGER entries_no_update");
  sql = g_strdup_printf ("UPDATE entries SET author = 'Someone else' WHERE seq = %" G_GUINT64_FORMAT, f->seqs.decision_2);
  vg_test_sqlite_exec (db, sql);
  sqlite3_close (db);
  new_hash = hash_file (journal);
  parts = g_strsplit (manifest_text, old_hash, -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  rewritten = g_strjoinv (new_hash, parts);
  g_assert_true (g_file_set_contents (manifest, rewritten, -1, NULL));

  g_assert_false (vg_bundle_verify (path, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, VG_BUNDLE_JOURNAL));
  entry = g_strdup_printf ("entry %" G_GUINT64_FORMAT, f->seqs.decision_2);
  g_assert_nonnull (strstr (error->message, entry));
}

static void
test_bundle_malformed (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = export (f, VG_EXPORT_BUNDLE, NULL, "en", "bundle");
  g_autofree char *manifest = g_build_filename (path, VG_BUNDLE_MANIFEST, NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-bundle", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (vg_bundle_verify (missing, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (manifest, "0123  ../../etc/passwd\n", -1, NULL));
  g_assert_false (vg_bundle_verify (path, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "line 1"));
  g_clear_error (&error);
  g_assert_cmpint (g_remove (manifest), ==, 0);
  g_assert_false (vg_bundle_verify (path, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, VG_BUNDLE_MANIFEST));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgExporter) exporter = NULL;
  g_autoptr(VgJournal) broken = NULL;
  g_autoptr(VgTimelineFilter) filter = vg_timeline_filter_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *missing_dir = g_build_filename (f->dir, "no-such-folder", "out.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *bundle = g_build_filename (f->dir, "bundle", NULL);
  g_autofree char *full = g_build_filename (f->dir, "full", NULL);
  g_autofree char *full_file = g_build_filename (full, "keep.txt", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *sql_entry = NULL;
  sqlite3 *db;

  /* An output nobody can write: the error names it. */
  exporter = vg_exporter_new (f->journal, VG_EXPORT_CSV);
  g_assert_false (vg_exporter_run (exporter, missing_dir, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  /* Cancelled: an error, and nothing at the path. */
  g_cancellable_cancel (cancellable);
  g_assert_false (vg_exporter_run (exporter, out, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_clear_object (&exporter);

  /* A bundle is whole: no filter; a folder with something in it is never overwritten. */
  exporter = vg_exporter_new (f->journal, VG_EXPORT_BUNDLE);
  vg_timeline_filter_set_author (filter, "Claire Martin");
  vg_exporter_set_filter (exporter, filter);
  g_assert_false (vg_exporter_run (exporter, bundle, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_clear_object (&exporter);
  g_assert_cmpint (g_mkdir (full, 0755), ==, 0);
  g_assert_true (g_file_set_contents (full_file, "mine", -1, NULL));
  exporter = vg_exporter_new (f->journal, VG_EXPORT_CAP);
  g_assert_false (vg_exporter_run (exporter, full, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE);
  g_assert_true (g_file_test (full_file, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_clear_object (&exporter);

  /* A report in a language Vigie has no catalogue for. */
  exporter = vg_exporter_new (f->journal, VG_EXPORT_PDF);
  vg_exporter_set_language (exporter, "tlh");
  g_assert_false (vg_exporter_run (exporter, out, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_LANGUAGE);
  g_clear_error (&error);
  g_clear_object (&exporter);

  /* A damaged journal (an entry changed behind the chain's back) is not exported. */
  g_clear_object (&f->journal);
  db = vg_test_sqlite_open (f->path);
  vg_test_sqlite_exec (db, "DROP TRIGGER entries_no_update");
  sql = g_strdup_printf ("UPDATE entries SET payload = '{\"text\":\"nothing happened\"}' WHERE seq = %" G_GUINT64_FORMAT,
                         f->seqs.note_1);
  vg_test_sqlite_exec (db, sql);
  sqlite3_close (db);
  broken = vg_journal_open (f->path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  exporter = vg_exporter_new (broken, VG_EXPORT_JSON);
  g_assert_false (vg_exporter_run (exporter, out, NULL, &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_JOURNAL);
  g_assert_nonnull (strstr (error->message, "lez.vigie-journal"));
  sql_entry = g_strdup_printf ("entry %" G_GUINT64_FORMAT, f->seqs.note_1);
  g_assert_nonnull (strstr (error->message, sql_entry));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GMainLoop    *loop;
  GThread      *thread;
  guint         n_fraction;
  double        last_fraction;
  guint         n_stage;
  gboolean      done;
  gboolean      ok;
  GCancellable *cancel_at_half;   /* cancelled once the run is half done, if set */
} Progress;

static void
fraction_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  Progress *progress = user_data;
  double fraction = vg_exporter_get_fraction (VG_EXPORTER (object));

  /* Notified where the caller runs its main loop, never from the worker. */
  g_assert_true (g_thread_self () == progress->thread);
  g_assert_cmpfloat (fraction, >=, progress->last_fraction);
  progress->last_fraction = fraction;
  progress->n_fraction++;
  if (progress->cancel_at_half != NULL && fraction >= 0.5)
    g_cancellable_cancel (progress->cancel_at_half);
}

static void
stage_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  Progress *progress = user_data;

  g_assert_true (g_thread_self () == progress->thread);
  progress->n_stage++;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Progress *progress = user_data;
  g_autoptr(GError) error = NULL;

  progress->ok = vg_exporter_run_finish (VG_EXPORTER (object), result, &error);
  if (progress->cancel_at_half != NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  else
    g_assert_no_error (error);
  progress->done = TRUE;
  g_main_loop_quit (progress->loop);
}

static void
test_async_progress (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VgExporter) exporter = vg_exporter_new (f->journal, VG_EXPORT_BUNDLE);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *out = g_build_filename (f->dir, "bundle", NULL);
  Progress progress = { loop, g_thread_self (), 0, 0, 0, FALSE, FALSE, NULL };

  g_signal_connect (exporter, "notify::fraction", G_CALLBACK (fraction_cb), &progress);
  g_signal_connect (exporter, "notify::stage", G_CALLBACK (stage_cb), &progress);
  vg_exporter_run_async (exporter, out, NULL, run_done_cb, &progress);
  g_main_loop_run (loop);
  g_assert_true (progress.done);
  g_assert_true (progress.ok);
  g_assert_cmpfloat (progress.last_fraction, ==, 1.0);
  g_assert_cmpuint (progress.n_fraction, >=, 5);
  g_assert_cmpuint (progress.n_stage, >=, 5);
  g_assert_cmpuint (vg_exporter_get_n_entries (exporter), ==, f->seqs.last);
  g_assert_true (vg_bundle_verify (out, NULL, NULL));
}

/* Cancelled half-way from the dialog: an error, and nothing at the path, not even a partial folder. */
static void
test_async_cancel (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VgExporter) exporter = vg_exporter_new (f->journal, VG_EXPORT_BUNDLE);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out = g_build_filename (f->dir, "bundle", NULL);
  g_autoptr(GDir) dir = NULL;
  Progress progress = { loop, g_thread_self (), 0, 0, 0, FALSE, FALSE, cancellable };
  const char *name;

  g_signal_connect (exporter, "notify::fraction", G_CALLBACK (fraction_cb), &progress);
  vg_exporter_run_async (exporter, out, cancellable, run_done_cb, &progress);
  g_main_loop_run (loop);
  g_assert_true (progress.done);
  g_assert_false (progress.ok);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".bundle.partial-"));
}

static void
test_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgCatalog) fr = vg_catalog_new ("fr_FR.UTF-8", &error);
  g_autoptr(VgCatalog) en = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (vg_catalog_gettext (fr, "Decisions"), ==, "Décisions");
  g_assert_cmpstr (vg_catalog_gettext (fr, "a string no catalogue has"), ==, "a string no catalogue has");
  en = vg_catalog_new ("en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vg_catalog_gettext (en, "Decisions"), ==, "Decisions");
  g_assert_null (vg_catalog_new ("xx", &error));
  g_assert_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_LANGUAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/vigie/export/csv-round-trip", test_csv_round_trip);
  ADD ("/vigie/export/json-round-trip", test_json_round_trip);
  ADD ("/vigie/export/filtered", test_filtered);
  ADD ("/vigie/export/filter-text-and-author", test_filter_text_and_author);
  ADD ("/vigie/export/geojson", test_geojson);
  ADD ("/vigie/export/gpkg", test_gpkg);
  ADD ("/vigie/export/cap", test_cap);
  ADD ("/vigie/export/pdf", test_pdf);
  ADD ("/vigie/export/deterministic", test_deterministic);
  ADD ("/vigie/export/bundle", test_bundle);
  ADD ("/vigie/export/bundle-journal-tampered", test_bundle_journal_tampered);
  ADD ("/vigie/export/bundle-malformed", test_bundle_malformed);
  ADD ("/vigie/export/errors", test_errors);
  ADD ("/vigie/export/async-progress", test_async_progress);
  ADD ("/vigie/export/async-cancel", test_async_cancel);
#undef ADD
  g_test_add_func ("/vigie/export/catalog", test_catalog);

  return g_test_run ();
}
